//! bootstrap's [`GitHost`] for GitHub and GitHub Enterprise Server: the repository is found or
//! created through the API, the cluster's key is registered as a deploy key (or, with
//! `--token-auth`, the token goes into the Secret), and known_hosts comes from `GET /meta`.

use zeroize::Zeroizing;

use super::host::{GitHost, HostCheck, StepResult};
use super::report::{Details, Done};
use super::{Options, Outcome, Progress, action_outcome, https_secret, secret_change_text};
use crate::cluster::Cluster;
use crate::credentials;
use crate::git::RemoteSpec;
use crate::host::github::{self, GitHub, GitHubError};
use crate::host::{Host, Hosts, Provider, Token};
use crate::objects::{self, SecretChange};

/// A team's access to a GitHub repository (`--team name[:permission]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamAccess {
    pub team: String,
    pub permission: String,
}

pub const TEAM_PERMISSIONS: &[&str] = &["pull", "triage", "push", "maintain", "admin"];

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

/// A repository on GitHub (or GitHub Enterprise Server), reached with a token.
pub struct GitHubTarget {
    pub client: GitHub,
    pub token: Zeroizing<String>,
    pub owner: String,
    pub repository: String,
    pub personal: bool,
    pub private: bool,
    pub teams: Vec<TeamAccess>,
    /// Bring visibility and default branch of an existing repository in line.
    pub reconcile: bool,
    /// The cluster pulls over HTTPS with the token instead of SSH with a deploy key.
    pub token_auth: bool,
    pub read_write_key: bool,
    /// `--ssh-hostname`: the SSH host the cluster pulls from, when not the web host.
    pub ssh_hostname: Option<String>,
    /// `--ca-file`'s certificates, stored as `ca.crt` with the token.
    pub ca_crt: Option<String>,
}

/// The token goes to this GitHub host only (see [`Token`]).
impl Host for GitHubTarget {
    fn credentials_for(&self, url: &str) -> RemoteSpec {
        Hosts {
            tokens: vec![Token {
                provider: Provider::GitHub,
                hostname: self.client.host().to_ascii_lowercase(),
                token: self.token.clone(),
            }],
            given: Default::default(),
        }
        .credentials_for(url)
    }
}

impl GitHost for GitHubTarget {
    fn repository(&self) -> String {
        format!("{}/{}", self.owner, self.repository)
    }

    async fn preflight(&self) -> anyhow::Result<HostCheck> {
        let user = self.client.user().await?;
        github::check_scopes(&user)?;
        Ok(HostCheck {
            accepted: Some(format!("GitHub token of {} accepted", user.login)),
            user: Some(user.login),
        })
    }

    fn repository_step(&self) -> Option<String> {
        Some(format!("repository {}/{}", self.owner, self.repository))
    }

    async fn ensure_repository(&self, opts: &Options) -> StepResult<bool> {
        repository(self, opts).await
    }

    fn push_url(&self) -> String {
        self.client.https_url(&self.owner, &self.repository)
    }

    fn sync_source(&self) -> (String, bool) {
        let url = if self.token_auth {
            self.client.https_url(&self.owner, &self.repository)
        } else {
            self.client
                .ssh_url(&self.owner, &self.repository, self.ssh_hostname.as_deref())
        };
        (url, true)
    }

    async fn after_push(&self, opts: &Options) -> anyhow::Result<Option<String>> {
        Ok(reconcile_default_branch(self, opts)
            .await?
            .then(|| format!("default branch set to {}", opts.branch)))
    }

    async fn credentials(
        &self,
        cluster: &Cluster,
        opts: &Options,
        _progress: &dyn Progress,
    ) -> StepResult<()> {
        let gh = self;
        let (ns, name) = (opts.namespace.as_str(), opts.secret_name.as_str());
        if gh.token_auth {
            let secret = https_secret(ns, name, Some(("git", &gh.token)), gh.ca_crt.as_deref());
            let action = objects::apply(cluster, &secret).await?;
            let outcome = action_outcome(action);
            return Ok(Done::new(
                (),
                outcome,
                format!("Secret {ns}/{name} with the token {action}"),
                Details::None,
            ));
        }
        {
            let (public_key, secret) =
                objects::ensure_ssh_secret(cluster, ns, name, None, opts.key_algorithm, || async {
                    Ok(gh.client.known_hosts(gh.ssh_hostname.as_deref()).await?)
                })
                .await?;
            let key = deploy_key(gh, opts, &public_key).await?;
            let outcome = match secret {
                SecretChange::Created => Outcome::Created,
                SecretChange::Updated => Outcome::Updated,
                SecretChange::Kept if key != KeyAction::Unchanged => Outcome::Updated,
                SecretChange::Kept => Outcome::Unchanged,
            };
            let secret_text = secret_change_text(secret);
            Ok(Done::new(
                (),
                outcome,
                format!(
                    "Secret {ns}/{name} {secret_text}; deploy key {}",
                    key.describe()
                ),
                Details::Credentials {
                    secret: Some(secret_text.to_string()),
                    deploy_key: Some(key.describe().to_string()),
                    public_key,
                },
            ))
        }
    }
}

/// With `--reconcile`, makes the branch the repository's default. GitHub refuses a default
/// branch that does not exist, so this runs after the push. Returns whether it changed.
async fn reconcile_default_branch(gh: &GitHubTarget, opts: &Options) -> anyhow::Result<bool> {
    if !gh.reconcile {
        return Ok(false);
    }
    let repo = gh.client.repository(&gh.owner, &gh.repository).await?;
    if repo.is_none_or(|r| r.default_branch.as_deref() == Some(opts.branch.as_str())) {
        return Ok(false);
    }
    gh.client
        .update_repository(&gh.owner, &gh.repository, None, Some(&opts.branch))
        .await?;
    Ok(true)
}

/// The repository step: find or create it, team access, visibility.
async fn repository(gh: &GitHubTarget, opts: &Options) -> StepResult<bool> {
    let client = &gh.client;
    let (owner, name) = (gh.owner.as_str(), gh.repository.as_str());
    let mut actions: Vec<String> = Vec::new();
    let existing = client.repository(owner, name).await?;
    let repo = match existing.clone() {
        Some(repo) => {
            if gh.reconcile && repo.private != gh.private {
                actions.push(format!(
                    "visibility {} → {}",
                    visibility(repo.private),
                    visibility(gh.private)
                ));
                if !opts.dry_run {
                    client
                        .update_repository(owner, name, Some(gh.private), None)
                        .await?;
                }
            }
            if gh.reconcile && repo.default_branch.as_deref() != Some(opts.branch.as_str()) {
                // Set after the push, once the branch exists.
                actions.push(format!("default branch → {}", opts.branch));
            }
            Some(repo)
        }
        None => {
            actions.push(format!(
                "create {} repository {owner}/{name}",
                visibility(gh.private)
            ));
            if opts.dry_run {
                None
            } else {
                let created = client
                    .create_repository(owner, name, gh.personal, gh.private, "Flux fleet repository, bootstrapped by floe")
                    .await
                    .map_err(|e| match e {
                        GitHubError::NotFound { .. } if !gh.personal => anyhow::anyhow!(
                            "organization {owner} not found or the token cannot create repositories in it; for a personal repository pass --personal"
                        ),
                        other => other.into(),
                    })?;
                Some(created)
            }
        }
    };
    for team in &gh.teams {
        let current = if repo.is_some() {
            client
                .team_permission(owner, &team.team, owner, name)
                .await?
        } else {
            None
        };
        if current.as_deref() != Some(team.permission.as_str()) {
            actions.push(format!("grant team {} {}", team.team, team.permission));
            if !opts.dry_run {
                client
                    .grant_team(owner, &team.team, owner, name, &team.permission)
                    .await?;
            }
        }
    }
    let url = repo
        .as_ref()
        .map(|r| r.html_url.clone())
        .unwrap_or_else(|| format!("https://{}/{owner}/{name}", client.host()));
    let outcome = if actions.is_empty() {
        Outcome::Unchanged
    } else if opts.dry_run {
        Outcome::Planned
    } else if existing.is_none() {
        Outcome::Created
    } else {
        Outcome::Updated
    };
    let message = if actions.is_empty() {
        format!("{url} exists and is up to date")
    } else if opts.dry_run {
        format!("{url}: would {}", actions.join(", "))
    } else {
        format!("{url}: {}", actions.join(", "))
    };
    Ok(Done::new(
        repo.is_some(),
        outcome,
        message,
        Details::Repository { url, actions },
    ))
}

fn visibility(private: bool) -> &'static str {
    if private { "private" } else { "public" }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyAction {
    Added,
    Replaced,
    Unchanged,
}

impl KeyAction {
    fn describe(self) -> &'static str {
        match self {
            KeyAction::Added => "added",
            KeyAction::Replaced => "replaced",
            KeyAction::Unchanged => "unchanged",
        }
    }
}

/// The deploy key's title: which cluster path and branch it serves.
pub fn deploy_key_title(opts: &Options) -> String {
    format!(
        "floe: {} on {} ({})",
        opts.path, opts.branch, opts.namespace
    )
}

async fn deploy_key(
    gh: &GitHubTarget,
    opts: &Options,
    public_key: &str,
) -> anyhow::Result<KeyAction> {
    let title = deploy_key_title(opts);
    let read_only = !gh.read_write_key;
    let keys = gh.client.deploy_keys(&gh.owner, &gh.repository).await?;
    let ours = credentials::key_material(public_key);
    // The cluster's key already on the repository with the right access is kept whatever its
    // title (a run for another path or branch reuses it; GitHub refuses the same key twice).
    if keys
        .iter()
        .any(|k| credentials::key_material(&k.key) == ours && k.read_only == read_only)
    {
        return Ok(KeyAction::Unchanged);
    }
    // Stale: floe's title with another key, or the cluster's key with the wrong access.
    let stale: Vec<_> = keys
        .iter()
        .filter(|k| k.title == title || credentials::key_material(&k.key) == ours)
        .collect();
    for old in &stale {
        gh.client
            .delete_deploy_key(&gh.owner, &gh.repository, old.id)
            .await?;
    }
    gh.client
        .add_deploy_key(&gh.owner, &gh.repository, &title, public_key, read_only)
        .await
        .map_err(|e| match e {
            GitHubError::Invalid { message, .. } if message.contains("already in use") => anyhow::anyhow!(
                "the public key in Secret {}/{} is already a deploy key of another repository ({message}); GitHub allows a key on one repository only: delete the Secret so floe generates a new key, or remove the key from the other repository",
                opts.namespace, opts.secret_name
            ),
            other => other.into(),
        })?;
    Ok(if stale.is_empty() {
        KeyAction::Added
    } else {
        KeyAction::Replaced
    })
}
