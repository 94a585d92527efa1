//! What bootstrap asks of a Git hosting service's API ([`RepoApi`]): the token's user, the
//! repository (found, created, its visibility and default branch), team or group access,
//! deploy keys, and the SSH host keys the cluster trusts. GitHub, GitLab, Gitea and
//! Bitbucket Server implement it, each in its own module; bootstrap's steps on any of them
//! are one generic implementation (`crate::bootstrap::HostedTarget`).

use serde::Serialize;
use zeroize::Zeroizing;

use super::Provider;

/// Who can see a repository. GitHub, Gitea and Bitbucket Server know public and private;
/// GitLab also internal (every signed-in user).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    Public,
    Internal,
    Private,
}

impl crate::usage::Choice for Visibility {
    const ALL: &'static [Visibility] = &[
        Visibility::Public,
        Visibility::Internal,
        Visibility::Private,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Internal => "internal",
            Visibility::Private => "private",
        }
    }
}

impl Visibility {
    pub fn from_private(private: bool) -> Visibility {
        if private {
            Visibility::Private
        } else {
            Visibility::Public
        }
    }
}

/// A repository as the API reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repository {
    pub visibility: Visibility,
    pub default_branch: Option<String>,
    /// The repository's page, as the summary names it.
    pub web_url: String,
}

/// A deploy key (an SSH key with access to one repository).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeployKey {
    /// The API's id for it (a number on every host, kept as text).
    pub id: String,
    pub title: String,
    /// `TYPE BASE64`, as OpenSSH writes a public key.
    pub key: String,
    pub read_only: bool,
}

/// A team's (GitHub, Gitea) or group's (GitLab, Bitbucket Server) access to the repository:
/// `--team name[:permission]`, `--group name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamAccess {
    pub team: String,
    pub permission: String,
}

/// The roles `--team name[:role]` takes (GitHub's; Gitea's teams take the same names).
pub const TEAM_PERMISSIONS: &[&str] = &["pull", "triage", "push", "maintain", "admin"];

/// `name[:role]`, the role `maintain` when not given, as flux reads GitHub's and Gitea's
/// `--team`.
impl std::str::FromStr for TeamAccess {
    type Err = String;
    fn from_str(value: &str) -> Result<Self, String> {
        let (team, permission) = value.split_once(':').unwrap_or((value, "maintain"));
        // GitHub team slugs: lower-case letters, digits, '-' and '_'.
        let slug = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
        if team.is_empty() || !team.chars().all(slug) {
            return Err(format!(
                "invalid team {team:?} in {value:?}: give the team's slug (lower-case letters, digits, '-' and '_'), then optionally :permission"
            ));
        }
        if !TEAM_PERMISSIONS.contains(&permission) {
            return Err(format!(
                "invalid team permission {permission:?} in {value:?}: allowed are {}",
                TEAM_PERMISSIONS.join(", ")
            ));
        }
        Ok(TeamAccess {
            team: team.to_string(),
            permission: permission.to_string(),
        })
    }
}

/// A GitLab deploy token: a user name and a password that read one project.
pub struct DeployToken {
    pub username: String,
    pub token: Zeroizing<String>,
}

/// Why adding a deploy key failed.
#[derive(Debug, thiserror::Error)]
pub enum AddKeyError {
    /// The host allows a key on one repository only, and this one is on another.
    #[error("{0}")]
    InUseElsewhere(String),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// A hosting service's repository API, for one token on one host.
#[allow(async_fn_in_trait)]
pub trait RepoApi {
    fn provider(&self) -> Provider;

    /// `HOST[:PORT]` of the web interface and API.
    fn host(&self) -> &str;

    /// The token's user, after checking the token can do what bootstrap needs.
    async fn user(&self) -> anyhow::Result<String>;

    /// The repository, or `None` when it does not exist or the token cannot see it.
    async fn repository(&self, owner: &str, name: &str) -> anyhow::Result<Option<Repository>>;

    /// Creates the repository (with a first commit where the host offers one), in the user's
    /// namespace when `personal`.
    async fn create_repository(
        &self,
        owner: &str,
        name: &str,
        personal: bool,
        visibility: Visibility,
        description: &str,
    ) -> anyhow::Result<Repository>;

    /// Changes the repository's visibility and default branch (each when given).
    async fn update_repository(
        &self,
        owner: &str,
        name: &str,
        visibility: Option<Visibility>,
        default_branch: Option<&str>,
    ) -> anyhow::Result<()>;

    /// Whether the team already has this access to the repository.
    async fn team_access(&self, owner: &str, name: &str, team: &TeamAccess)
    -> anyhow::Result<bool>;

    async fn grant_team(&self, owner: &str, name: &str, team: &TeamAccess) -> anyhow::Result<()>;

    async fn deploy_keys(&self, owner: &str, name: &str) -> anyhow::Result<Vec<DeployKey>>;

    async fn add_deploy_key(
        &self,
        owner: &str,
        name: &str,
        title: &str,
        key: &str,
        read_only: bool,
    ) -> Result<(), AddKeyError>;

    async fn delete_deploy_key(&self, owner: &str, name: &str, id: &str) -> anyhow::Result<()>;

    /// known_hosts lines for `ssh_host` (`HOST[:PORT]`), where the cluster pulls from. The
    /// default scans the host with ssh-keyscan, as flux does for hosts without an API for it.
    async fn known_hosts(&self, ssh_host: &str) -> anyhow::Result<String> {
        let host = crate::credentials::ssh_host(&format!("ssh://git@{ssh_host}/"))?;
        crate::credentials::scan_known_hosts(&host).await
    }

    /// The URL floe pushes to: `https://HOST/OWNER/NAME.git` unless the host says otherwise.
    fn https_url(&self, owner: &str, name: &str) -> String {
        format!("https://{}/{owner}/{name}.git", self.host())
    }

    /// The SSH URL the cluster pulls from with a deploy key: `ssh_hostname` (`HOST[:PORT]`)
    /// when given, else the web host on port 22, unless the host says otherwise.
    fn ssh_url(&self, owner: &str, name: &str, ssh_hostname: Option<&str>) -> String {
        format!(
            "ssh://git@{}/{owner}/{name}.git",
            ssh_host(self.host(), ssh_hostname)
        )
    }

    /// The HTTPS user name that goes with the token in the cluster's Secret (`git`, which
    /// hosts that read the token alone accept).
    fn token_username(&self) -> String {
        "git".into()
    }

    /// A new read-only deploy token named `title` for the repository, replacing one of that
    /// name; only GitLab has them.
    async fn deploy_token(
        &self,
        owner: &str,
        name: &str,
        title: &str,
    ) -> anyhow::Result<DeployToken> {
        let _ = (owner, name, title);
        anyhow::bail!("deploy tokens are a GitLab feature")
    }

    /// Whether a deploy token named `title` with user name `username` is still valid.
    async fn has_deploy_token(
        &self,
        owner: &str,
        name: &str,
        title: &str,
        username: &str,
    ) -> anyhow::Result<bool> {
        let _ = (owner, name, title, username);
        Ok(false)
    }
}

/// The host part of `HOST[:PORT]` on the standard SSH port, where a host with no separate SSH
/// address serves SSH.
pub fn ssh_host(host: &str, ssh_hostname: Option<&str>) -> String {
    ssh_hostname
        .map(str::to_string)
        .unwrap_or_else(|| host.split(':').next().unwrap_or(host).to_string())
}
