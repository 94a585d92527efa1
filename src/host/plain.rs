//! Any Git server, reached with what the user gave floe for it: a username and password (or
//! token) for HTTPS, a key file or the SSH agent for SSH.

use std::path::PathBuf;

use zeroize::Zeroizing;

use super::Host;
use crate::git::{GitAuth, RemoteSpec};

/// The credentials given on the command line, sent to whatever server the URL names (the user
/// named it, or chose to use these for the repository a source names).
#[derive(Clone, Default)]
pub struct PlainGit {
    pub username: Option<String>,
    pub password: Option<Zeroizing<String>>,
    pub private_key_file: Option<PathBuf>,
}

impl Host for PlainGit {
    fn credentials_for(&self, url: &str) -> RemoteSpec {
        let auth = if url.starts_with("ssh://") {
            match &self.private_key_file {
                Some(path) => GitAuth::SshKeyFile {
                    path: path.clone(),
                    passphrase: None,
                },
                None => GitAuth::SshAgent,
            }
        } else if let Some(password) = &self.password {
            GitAuth::Basic {
                username: self.username.clone().unwrap_or_else(|| "git".to_string()),
                password: password.clone(),
            }
        } else {
            GitAuth::None
        };
        RemoteSpec {
            url: url.to_string(),
            auth,
        }
    }
}

impl std::fmt::Debug for PlainGit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print a password.
        f.debug_struct("PlainGit")
            .field("username", &self.username)
            .field("private_key_file", &self.private_key_file)
            .finish_non_exhaustive()
    }
}
