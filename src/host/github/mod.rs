//! GitHub and GitHub Enterprise Server: the REST API client ([`api`]). Its token goes to its
//! own host only, as every provider's does ([`super::token`], `Provider::GitHub`).

pub mod api;

pub use api::*;

#[cfg(test)]
mod tests {
    use zeroize::Zeroizing;

    use crate::git::{GitAuth, RemoteSpec};
    use crate::host::{Host, Hosts, PlainGit, Provider, Token};

    /// github.com's token, and what the user gave.
    fn host(password: Option<&str>, key: bool) -> Hosts {
        hosts_on("github.com", password, key)
    }

    fn hosts_on(hostname: &str, password: Option<&str>, key: bool) -> Hosts {
        Hosts {
            tokens: vec![Token {
                provider: Provider::GitHub,
                hostname: hostname.into(),
                token: Zeroizing::new("tok".to_string()),
            }],
            given: PlainGit {
                username: None,
                password: password.map(|p| Zeroizing::new(p.to_string())),
                private_key_file: key.then(|| "id".into()),
            },
        }
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
        let ghes = hosts_on("ghe.example:8443", None, false);
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
