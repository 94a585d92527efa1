//! Credentials for floe's own fetch and push: what it sends (`GitAuth`), to which URL
//! (`RemoteSpec`), and libgit2's credential callbacks, which answer only the host the URL names.

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};

use git2::{Cred, CredentialType, ErrorClass, ErrorCode, RemoteCallbacks};
use zeroize::Zeroizing;

use super::GitError;

/// How floe authenticates its own fetch and push.
#[derive(Clone, Default)]
pub enum GitAuth {
    /// Anonymous (file:// repositories, public http mirrors).
    #[default]
    None,
    /// HTTP basic auth; GitHub takes a token as the password.
    Basic {
        username: String,
        password: Zeroizing<String>,
    },
    /// An SSH private key file (OpenSSH or PEM), optionally with a passphrase.
    SshKeyFile {
        path: PathBuf,
        passphrase: Option<Zeroizing<String>>,
    },
    /// Keys from the running ssh-agent.
    SshAgent,
}

impl std::fmt::Debug for GitAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print a password or passphrase.
        match self {
            GitAuth::None => f.write_str("None"),
            GitAuth::Basic { username, .. } => write!(f, "Basic({username}, ***)"),
            GitAuth::SshKeyFile { path, .. } => write!(f, "SshKeyFile({})", path.display()),
            GitAuth::SshAgent => f.write_str("SshAgent"),
        }
    }
}

/// Where to fetch from and push to.
#[derive(Debug, Clone)]
pub struct RemoteSpec {
    pub url: String,
    pub auth: GitAuth,
}

/// Makes libgit2 trust a private CA (in addition to the system's) for HTTPS. Process-wide, as
/// libgit2's TLS settings are.
pub fn trust_ca_file(path: &Path) -> Result<(), GitError> {
    // Safety: called before any Git network operation starts, from one thread.
    unsafe { git2::opts::set_ssl_cert_file(path)? };
    Ok(())
}

/// Credentials for libgit2: offered once each; when the server refuses them libgit2 asks
/// again, and the second ask ends the operation with an authentication error instead of
/// looping.
pub(super) fn callbacks<'a>(
    remote: &'a RemoteSpec,
    attempts: &'a Cell<u32>,
    rejection: &'a RefCell<Option<String>>,
) -> RemoteCallbacks<'a> {
    let mut callbacks = RemoteCallbacks::new();
    callbacks.credentials(move |url, username, allowed| {
        // Credentials are for the host the user named, never for one a redirect points at.
        if !same_host(&remote.url, url) {
            return Err(git2::Error::new(
                ErrorCode::Auth,
                ErrorClass::Http,
                format!("{CROSS_HOST_PREFIX}{url}"),
            ));
        }
        attempts.set(attempts.get() + 1);
        if attempts.get() > 1 {
            return Err(git2::Error::new(
                ErrorCode::Auth,
                ErrorClass::Http,
                "the server refused the credentials",
            ));
        }
        let user = username.unwrap_or("git");
        match &remote.auth {
            GitAuth::Basic { username, password }
                if allowed.contains(CredentialType::USER_PASS_PLAINTEXT) =>
            {
                Cred::userpass_plaintext(username, password)
            }
            GitAuth::SshKeyFile { path, passphrase }
                if allowed.contains(CredentialType::SSH_KEY) =>
            {
                Cred::ssh_key(user, None, path, passphrase.as_deref().map(|p| p.as_str()))
            }
            GitAuth::SshAgent if allowed.contains(CredentialType::SSH_KEY) => {
                Cred::ssh_key_from_agent(user)
            }
            // Nothing given for this server: what `git fetch` would use, Git's credential
            // helpers (`credential.helper` in the user's Git configuration).
            GitAuth::None if allowed.contains(CredentialType::USER_PASS_PLAINTEXT) => {
                git2::Config::open_default()
                    .and_then(|config| Cred::credential_helper(&config, url, username))
                    .map_err(|_| {
                        git2::Error::new(
                            ErrorCode::Auth,
                            ErrorClass::Http,
                            "the server asks for credentials and none were given (nor by a Git credential helper)",
                        )
                    })
            }
            _ if allowed.contains(CredentialType::USERNAME) => Cred::username(user),
            _ => Err(git2::Error::new(
                ErrorCode::Auth,
                ErrorClass::Http,
                "the server asks for credentials and none were given",
            )),
        }
    });
    callbacks.push_update_reference(move |_name, status| {
        if let Some(status) = status {
            *rejection.borrow_mut() = Some(status.to_string());
        }
        Ok(())
    });
    callbacks
}

pub(super) const CROSS_HOST_PREFIX: &str = "credentials requested by another host: ";

/// Whether `url` is on the same host and port as `named` (the URL the user gave).
pub(super) fn same_host(named: &str, url: &str) -> bool {
    let key = |u: &str| {
        url::Url::parse(u).ok().map(|u| {
            (
                u.host_str().map(str::to_lowercase),
                u.port_or_known_default(),
            )
        })
    };
    match (key(named), key(url)) {
        (Some(a), Some(b)) => a == b,
        // Local paths and scp-like addresses are not redirected by a server.
        _ => true,
    }
}
