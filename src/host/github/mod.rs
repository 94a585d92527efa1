//! GitHub and GitHub Enterprise Server: the REST API client ([`api`]) and the rule for its
//! token, which goes to its own host only.

pub mod api;

use zeroize::Zeroizing;

use super::{Host, PlainGit, Provider, Token};
use crate::git::RemoteSpec;

pub use api::*;

/// A GitHub host (`github.com`, or an Enterprise `--hostname`) with its token, and the
/// credentials given for any other server.
#[derive(Clone)]
pub struct GitHubHost {
    /// `HOST[:PORT]`, as `--hostname` takes it.
    pub hostname: String,
    pub token: Option<Zeroizing<String>>,
    /// What the user gave on the command line, which takes precedence for HTTPS and is all a
    /// URL on another host gets.
    pub given: PlainGit,
}

impl GitHubHost {
    /// github.com with `token`.
    pub fn github_com(token: Option<Zeroizing<String>>, given: PlainGit) -> GitHubHost {
        GitHubHost {
            hostname: GITHUB_COM.to_string(),
            token,
            given,
        }
    }
}

impl Host for GitHubHost {
    /// On this host: its SSH URL is read over HTTPS when there is a token and no key (as a CI
    /// job has), and HTTPS gets the token unless a password was given. Anywhere else: only
    /// what was given.
    fn credentials_for(&self, url: &str) -> RemoteSpec {
        let token = self.token.as_ref().map(|token| Token {
            provider: Provider::GitHub,
            hostname: self.hostname.to_ascii_lowercase(),
            token: token.clone(),
        });
        match token.filter(|t| t.owns(url)) {
            Some(token) => token.credentials_for(url, &self.given),
            None => self.given.credentials_for(url),
        }
    }
}

impl std::fmt::Debug for GitHubHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the token.
        f.debug_struct("GitHubHost")
            .field("hostname", &self.hostname)
            .field("given", &self.given)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::GitAuth;

    fn host(password: Option<&str>, key: bool) -> GitHubHost {
        GitHubHost::github_com(
            Some(Zeroizing::new("tok".to_string())),
            PlainGit {
                username: None,
                password: password.map(|p| Zeroizing::new(p.to_string())),
                private_key_file: key.then(|| "id".into()),
            },
        )
    }

    fn password(spec: &RemoteSpec) -> Option<String> {
        match &spec.auth {
            GitAuth::Basic { password, .. } => Some(password.to_string()),
            _ => None,
        }
    }

    #[test]
    fn the_token_goes_to_its_own_host_only() {
        let h = host(None, false);
        let on = h.credentials_for("https://github.com/o/r.git");
        assert_eq!(password(&on).as_deref(), Some("tok"));
        for elsewhere in [
            "https://github.com.evil.example/o/r.git",
            "https://gitlab.com/o/r.git",
            "http://127.0.0.1:3000/o/r.git",
            "https://github.com:8443/o/r.git",
        ] {
            assert_eq!(password(&h.credentials_for(elsewhere)), None, "{elsewhere}");
        }
        // Enterprise: its hostname, not github.com.
        let ghes = GitHubHost {
            hostname: "ghe.example:8443".into(),
            ..h.clone()
        };
        assert_eq!(
            password(&ghes.credentials_for("https://GHE.example:8443/o/r")).as_deref(),
            Some("tok")
        );
        assert_eq!(
            password(&ghes.credentials_for("https://github.com/o/r")),
            None
        );
    }

    #[test]
    fn given_credentials_come_first_and_ssh_is_read_over_https_with_a_token() {
        let given = host(Some("pw"), false).credentials_for("https://github.com/o/r.git");
        assert_eq!(password(&given).as_deref(), Some("pw"));
        let ssh = host(None, false).credentials_for("ssh://git@github.com/o/r");
        assert_eq!(ssh.url, "https://github.com/o/r");
        assert_eq!(password(&ssh).as_deref(), Some("tok"));
        let with_key = host(None, true).credentials_for("ssh://git@github.com/o/r");
        assert_eq!(with_key.url, "ssh://git@github.com/o/r");
        assert!(matches!(with_key.auth, GitAuth::SshKeyFile { .. }));
        let elsewhere = host(Some("pw"), false).credentials_for("https://example.com/o/r");
        assert_eq!(password(&elsewhere).as_deref(), Some("pw"));
    }
}
