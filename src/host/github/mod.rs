//! GitHub and GitHub Enterprise Server: the REST API client ([`api`]). Its token goes to its
//! own host only, as every provider's does ([`super::token`], `Provider::GitHub`).

pub mod api;

pub use api::*;

use super::Provider;
use super::api::{self as repo_api, AddKeyError, RepoApi, TeamAccess, Visibility};

fn repository(repo: Repository) -> repo_api::Repository {
    repo_api::Repository {
        visibility: Visibility::from_private(repo.private),
        default_branch: repo.default_branch,
        web_url: repo.html_url,
    }
}

/// GitHub through [`GitHub`]'s calls; the host keys come from `GET /meta`.
impl RepoApi for GitHub {
    fn provider(&self) -> Provider {
        Provider::GitHub
    }

    fn host(&self) -> &str {
        GitHub::host(self)
    }

    async fn user(&self) -> anyhow::Result<String> {
        let user = GitHub::user(self).await?;
        check_scopes(&user)?;
        Ok(user.login)
    }

    async fn repository(
        &self,
        owner: &str,
        name: &str,
    ) -> anyhow::Result<Option<repo_api::Repository>> {
        Ok(GitHub::repository(self, owner, name).await?.map(repository))
    }

    async fn create_repository(
        &self,
        owner: &str,
        name: &str,
        personal: bool,
        visibility: Visibility,
        description: &str,
    ) -> anyhow::Result<repo_api::Repository> {
        let private = visibility != Visibility::Public;
        match GitHub::create_repository(self, owner, name, personal, private, description).await {
            Ok(repo) => Ok(repository(repo)),
            Err(GitHubError::NotFound { .. }) if !personal => Err(anyhow::anyhow!(
                "organization {owner} not found or the token cannot create repositories in it; for a personal repository pass --personal"
            )),
            Err(e) => Err(e.into()),
        }
    }

    async fn update_repository(
        &self,
        owner: &str,
        name: &str,
        visibility: Option<Visibility>,
        default_branch: Option<&str>,
    ) -> anyhow::Result<()> {
        let private = visibility.map(|v| v != Visibility::Public);
        GitHub::update_repository(self, owner, name, private, default_branch).await?;
        Ok(())
    }

    async fn team_access(
        &self,
        owner: &str,
        name: &str,
        team: &TeamAccess,
    ) -> anyhow::Result<bool> {
        let current = self.team_permission(owner, &team.team, owner, name).await?;
        Ok(current.as_deref() == Some(team.permission.as_str()))
    }

    async fn grant_team(&self, owner: &str, name: &str, team: &TeamAccess) -> anyhow::Result<()> {
        GitHub::grant_team(self, owner, &team.team, owner, name, &team.permission).await?;
        Ok(())
    }

    async fn deploy_keys(
        &self,
        owner: &str,
        name: &str,
    ) -> anyhow::Result<Vec<repo_api::DeployKey>> {
        Ok(GitHub::deploy_keys(self, owner, name)
            .await?
            .into_iter()
            .map(|k| repo_api::DeployKey {
                id: k.id.to_string(),
                title: k.title,
                key: k.key,
                read_only: k.read_only,
            })
            .collect())
    }

    async fn add_deploy_key(
        &self,
        owner: &str,
        name: &str,
        title: &str,
        key: &str,
        read_only: bool,
    ) -> Result<(), AddKeyError> {
        match GitHub::add_deploy_key(self, owner, name, title, key, read_only).await {
            Ok(_) => Ok(()),
            Err(GitHubError::Invalid { message, .. }) if message.contains("already in use") => {
                Err(AddKeyError::InUseElsewhere(message))
            }
            Err(e) => Err(AddKeyError::Other(e.into())),
        }
    }

    async fn delete_deploy_key(&self, owner: &str, name: &str, id: &str) -> anyhow::Result<()> {
        let id: u64 = id.parse()?;
        GitHub::delete_deploy_key(self, owner, name, id).await?;
        Ok(())
    }

    /// From `GET /meta` over TLS, so a different SSH host is still not trusted on first use.
    async fn known_hosts(&self, ssh_host: &str) -> anyhow::Result<String> {
        Ok(GitHub::known_hosts(self, Some(ssh_host)).await?)
    }

    fn https_url(&self, owner: &str, name: &str) -> String {
        GitHub::https_url(self, owner, name)
    }

    fn ssh_url(&self, owner: &str, name: &str, ssh_hostname: Option<&str>) -> String {
        GitHub::ssh_url(self, owner, name, ssh_hostname)
    }
}

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
