//! The Git hosts that issue API tokens (GitHub, GitLab, Gitea, Bitbucket Server), each token
//! bound to one host: the provider's public host (github.com, gitlab.com), or the `--hostname`
//! the user names for that provider (GitHub Enterprise, self-managed GitLab, Gitea, Bitbucket
//! Server). A URL on any other host, such as one a cluster object names, never gets it.

use zeroize::Zeroizing;

use super::{Host, PlainGit, authority};
use crate::git::{GitAuth, RemoteSpec};

/// A Git hosting product, as flux's `bootstrap` subcommands name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    GitHub,
    GitLab,
    Gitea,
    BitbucketServer,
}

impl crate::usage::Choice for Provider {
    const ALL: &'static [Provider] = &[
        Provider::GitHub,
        Provider::GitLab,
        Provider::Gitea,
        Provider::BitbucketServer,
    ];

    /// The name flags take (`--provider gitea`).
    fn as_str(self) -> &'static str {
        match self {
            Provider::GitHub => "github",
            Provider::GitLab => "gitlab",
            Provider::Gitea => "gitea",
            Provider::BitbucketServer => "bitbucket-server",
        }
    }
}

impl Provider {
    /// The product's name, as messages write it.
    pub fn display_name(self) -> &'static str {
        match self {
            Provider::GitHub => "GitHub",
            Provider::GitLab => "GitLab",
            Provider::Gitea => "Gitea",
            Provider::BitbucketServer => "Bitbucket Server",
        }
    }

    /// The environment variable holding the provider's token, as flux reads it.
    pub fn token_env(self) -> &'static str {
        match self {
            Provider::GitHub => "GITHUB_TOKEN",
            Provider::GitLab => "GITLAB_TOKEN",
            Provider::Gitea => "GITEA_TOKEN",
            Provider::BitbucketServer => "BITBUCKET_TOKEN",
        }
    }

    /// The provider's public host, when it has one (Gitea and Bitbucket Server are always
    /// self-hosted).
    pub fn public_host(self) -> Option<&'static str> {
        match self {
            Provider::GitHub => Some("github.com"),
            Provider::GitLab => Some("gitlab.com"),
            Provider::Gitea | Provider::BitbucketServer => None,
        }
    }

    /// The HTTPS user name a token goes with when none is given: GitHub and Gitea read the
    /// token alone, GitLab documents `oauth2`, Bitbucket Server `x-token-auth` for project and
    /// repository tokens (a personal token needs the user's name: `--username`).
    fn token_username(self) -> &'static str {
        match self {
            Provider::GitHub | Provider::Gitea => "git",
            Provider::GitLab => "oauth2",
            Provider::BitbucketServer => "x-token-auth",
        }
    }

    /// Whether a repository's SSH path is also its HTTPS path on the same host (not on
    /// Bitbucket Server, whose HTTPS paths start with `/scm`).
    fn ssh_path_is_https_path(self) -> bool {
        match self {
            Provider::GitHub | Provider::GitLab | Provider::Gitea => true,
            Provider::BitbucketServer => false,
        }
    }
}

/// One provider's token and the one host it belongs to.
#[derive(Clone)]
pub struct Token {
    pub provider: Provider,
    /// `HOST[:PORT]`, lower-case.
    pub hostname: String,
    pub token: Zeroizing<String>,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the token.
        f.debug_struct("Token")
            .field("provider", &self.provider)
            .field("hostname", &self.hostname)
            .finish_non_exhaustive()
    }
}

impl Token {
    pub fn owns(&self, url: &str) -> bool {
        authority(url).is_some_and(|a| a.eq_ignore_ascii_case(&self.hostname))
    }

    /// How to reach `url` on this token's host, with `given` taking precedence: an SSH URL is
    /// read over HTTPS with the token when no key file was given (as a CI job has a token and
    /// no key), and HTTPS gets the token unless a password was given.
    pub fn credentials_for(&self, url: &str, given: &PlainGit) -> RemoteSpec {
        let mut url = url.to_string();
        if url.starts_with("ssh://")
            && given.private_key_file.is_none()
            && self.provider.ssh_path_is_https_path()
            && let Ok(parsed) = url::Url::parse(&url)
        {
            url = format!("https://{}{}", self.hostname, parsed.path());
        }
        let spec = given.credentials_for(&url);
        if url.starts_with("ssh://") || given.password.is_some() {
            return spec;
        }
        RemoteSpec {
            url,
            auth: GitAuth::Basic {
                username: given
                    .username
                    .clone()
                    .unwrap_or_else(|| self.provider.token_username().to_string()),
                password: self.token.clone(),
            },
        }
    }
}

/// The tokens floe holds (each for its host) and what the user gave for any server.
#[derive(Debug, Clone, Default)]
pub struct Hosts {
    pub tokens: Vec<Token>,
    pub given: PlainGit,
}

impl Host for Hosts {
    fn credentials_for(&self, url: &str) -> RemoteSpec {
        match self.tokens.iter().find(|t| t.owns(url)) {
            Some(token) => token.credentials_for(url, &self.given),
            None => self.given.credentials_for(url),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(provider: Provider, hostname: &str, value: &str) -> Token {
        Token {
            provider,
            hostname: hostname.into(),
            token: Zeroizing::new(value.into()),
        }
    }

    fn basic(spec: &RemoteSpec) -> Option<(String, String)> {
        match &spec.auth {
            GitAuth::Basic { username, password } => Some((username.clone(), password.to_string())),
            _ => None,
        }
    }

    #[test]
    fn each_token_goes_to_its_own_host_only_with_the_providers_user_name() {
        let hosts = Hosts {
            tokens: vec![
                token(Provider::GitHub, "github.com", "gh"),
                token(Provider::GitLab, "gitlab.example:8443", "gl"),
                token(Provider::Gitea, "127.0.0.1:3000", "gt"),
                token(Provider::BitbucketServer, "bitbucket.example", "bb"),
            ],
            given: PlainGit::default(),
        };
        let cases = [
            ("https://github.com/o/r.git", Some(("git", "gh"))),
            (
                "https://GitLab.example:8443/g/s/r.git",
                Some(("oauth2", "gl")),
            ),
            ("http://127.0.0.1:3000/o/r.git", Some(("git", "gt"))),
            (
                "https://bitbucket.example/scm/p/r.git",
                Some(("x-token-auth", "bb")),
            ),
            ("https://gitlab.example/g/r.git", None),
            ("https://127.0.0.1:3001/o/r.git", None),
            ("https://github.com.evil.example/o/r.git", None),
            ("https://gitlab.com/o/r.git", None),
        ];
        for (url, want) in cases {
            let got = basic(&hosts.credentials_for(url));
            assert_eq!(
                got.as_ref().map(|(u, p)| (u.as_str(), p.as_str())),
                want,
                "{url}"
            );
        }
    }

    #[test]
    fn an_ssh_url_is_read_over_https_only_where_the_paths_agree() {
        let given = PlainGit::default();
        let gitea = token(Provider::Gitea, "git.example", "gt");
        let spec = gitea.credentials_for("ssh://git@git.example:2222/o/r.git", &given);
        assert_eq!(spec.url, "https://git.example/o/r.git");
        let bitbucket = token(Provider::BitbucketServer, "bb.example", "bb");
        let spec = bitbucket.credentials_for("ssh://git@bb.example:7999/p/r.git", &given);
        assert_eq!(spec.url, "ssh://git@bb.example:7999/p/r.git");
        assert!(matches!(spec.auth, GitAuth::SshAgent));
    }

    #[test]
    fn given_credentials_come_first() {
        let given = PlainGit {
            username: Some("me".into()),
            password: Some(Zeroizing::new("pw".into())),
            private_key_file: None,
        };
        let spec = token(Provider::GitLab, "gitlab.com", "gl")
            .credentials_for("https://gitlab.com/g/r.git", &given);
        assert_eq!(basic(&spec), Some(("me".into(), "pw".into())));
        let user_only = PlainGit {
            username: Some("alice".into()),
            ..PlainGit::default()
        };
        let spec = token(Provider::BitbucketServer, "bb.example", "bb")
            .credentials_for("https://bb.example/scm/p/r.git", &user_only);
        assert_eq!(basic(&spec), Some(("alice".into(), "bb".into())));
    }
}
