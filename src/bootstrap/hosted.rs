//! bootstrap's [`GitHost`] for every hosting service with an API (GitHub and GitHub
//! Enterprise Server, GitLab, Gitea, Bitbucket Server), generic over the host's
//! [`RepoApi`]: the repository is found or created, team or group access granted, the
//! cluster's key registered as a deploy key (or, with `--token-auth`, the token goes into the
//! Secret; with GitLab's `--deploy-token-auth`, a new deploy token).

use zeroize::Zeroizing;

use super::host::{GitHost, HostCheck, StepResult};
use super::report::{Details, Done};
use super::{Options, Outcome, Progress, action_outcome, https_secret, secret_change_text};
use crate::cluster::Cluster;
use crate::credentials;
use crate::git::RemoteSpec;
use crate::host::api::{self, AddKeyError, RepoApi, TeamAccess, Visibility};
use crate::host::{Host, Hosts, Token};
use crate::objects::{self, SecretChange};

/// How the cluster pulls from the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PullAuth {
    /// SSH with a deploy key floe registers.
    DeployKey { read_write: bool },
    /// HTTPS with the token (`--token-auth`).
    Token,
    /// HTTPS with a GitLab deploy token floe creates (`--deploy-token-auth`).
    DeployToken,
}

/// A repository on a hosting service, reached through its API with a token.
pub struct HostedTarget<A: RepoApi> {
    pub api: A,
    pub token: Zeroizing<String>,
    /// The user or organisation (group, project key) that owns the repository; `~USER` for a
    /// Bitbucket Server user's own.
    pub owner: String,
    pub repository: String,
    pub personal: bool,
    pub visibility: Visibility,
    pub teams: Vec<TeamAccess>,
    /// Bring visibility and default branch of an existing repository in line.
    pub reconcile: bool,
    pub pull: PullAuth,
    /// `--ssh-hostname`: the SSH host the cluster pulls from, when not the web host.
    pub ssh_hostname: Option<String>,
    /// `--ca-file`'s certificates, stored as `ca.crt` with the token.
    pub ca_crt: Option<String>,
}

impl<A: RepoApi> HostedTarget<A> {
    fn name(&self) -> &'static str {
        self.api.provider().display_name()
    }
}

/// The token goes to this host only (see [`Token`]).
impl<A: RepoApi + Sync> Host for HostedTarget<A> {
    fn credentials_for(&self, url: &str) -> RemoteSpec {
        Hosts {
            tokens: vec![Token {
                provider: self.api.provider(),
                hostname: self.api.host().to_ascii_lowercase(),
                token: self.token.clone(),
            }],
            given: crate::host::PlainGit {
                username: Some(self.api.token_username()),
                ..Default::default()
            },
        }
        .credentials_for(url)
    }
}

impl<A: RepoApi + Sync> GitHost for HostedTarget<A> {
    fn repository(&self) -> String {
        format!("{}/{}", self.owner, self.repository)
    }

    async fn preflight(&self) -> anyhow::Result<HostCheck> {
        let user = self.api.user().await?;
        Ok(HostCheck {
            accepted: Some(format!("{} token of {user} accepted", self.name())),
            user: Some(user),
        })
    }

    fn repository_step(&self) -> Option<String> {
        Some(format!("repository {}/{}", self.owner, self.repository))
    }

    async fn ensure_repository(&self, opts: &Options) -> StepResult<bool> {
        repository(self, opts).await
    }

    fn push_url(&self) -> String {
        self.api.https_url(&self.owner, &self.repository)
    }

    fn sync_source(&self) -> (String, bool) {
        let url = match self.pull {
            PullAuth::Token | PullAuth::DeployToken => {
                self.api.https_url(&self.owner, &self.repository)
            }
            PullAuth::DeployKey { .. } => {
                self.api
                    .ssh_url(&self.owner, &self.repository, self.ssh_hostname.as_deref())
            }
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
        let (ns, name) = (opts.namespace.as_str(), opts.secret_name.as_str());
        match self.pull {
            PullAuth::Token => {
                let user = self.api.token_username();
                let secret =
                    https_secret(ns, name, Some((&user, &self.token)), self.ca_crt.as_deref());
                let action = objects::apply(cluster, &secret).await?;
                Ok(Done::new(
                    (),
                    action_outcome(action),
                    format!("Secret {ns}/{name} with the token {action}"),
                    Details::None,
                ))
            }
            PullAuth::DeployToken => deploy_token_secret(self, cluster, opts).await,
            PullAuth::DeployKey { read_write } => {
                let ssh_host = api::ssh_host(self.api.host(), self.ssh_hostname.as_deref());
                let (public_key, secret) =
                    objects::ensure_ssh_secret(cluster, ns, name, None, opts.key_algorithm, || {
                        self.api.known_hosts(&ssh_host)
                    })
                    .await?;
                let key = deploy_key(self, opts, &public_key, !read_write).await?;
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
}

/// GitLab's `--deploy-token-auth`: the Secret keeps a deploy token that is still valid;
/// otherwise a new one (named after the cluster path) replaces it, as its value is shown only
/// when created.
async fn deploy_token_secret<A: RepoApi>(
    target: &HostedTarget<A>,
    cluster: &Cluster,
    opts: &Options,
) -> StepResult<()> {
    let (ns, name) = (opts.namespace.as_str(), opts.secret_name.as_str());
    let title = deploy_key_title(opts);
    let (owner, repo) = (target.owner.as_str(), target.repository.as_str());
    let stored = objects::secret_value(cluster, ns, name, "username").await?;
    if let Some(username) = stored
        && objects::secret_value(cluster, ns, name, "password")
            .await?
            .is_some()
        && target
            .api
            .has_deploy_token(owner, repo, &title, username.as_str())
            .await?
    {
        return Ok(Done::new(
            (),
            Outcome::Unchanged,
            format!(
                "Secret {ns}/{name} kept; deploy token {} unchanged",
                username.as_str()
            ),
            Details::None,
        ));
    }
    let token = target.api.deploy_token(owner, repo, &title).await?;
    let secret = https_secret(
        ns,
        name,
        Some((&token.username, &token.token)),
        target.ca_crt.as_deref(),
    );
    let action = objects::apply(cluster, &secret).await?;
    Ok(Done::new(
        (),
        action_outcome(action),
        format!(
            "Secret {ns}/{name} with deploy token {} {action}",
            token.username
        ),
        Details::None,
    ))
}

/// With `--reconcile`, makes the branch the repository's default. A host refuses a default
/// branch that does not exist, so this runs after the push. Returns whether it changed.
async fn reconcile_default_branch<A: RepoApi>(
    target: &HostedTarget<A>,
    opts: &Options,
) -> anyhow::Result<bool> {
    if !target.reconcile {
        return Ok(false);
    }
    let (owner, name) = (target.owner.as_str(), target.repository.as_str());
    let repo = target.api.repository(owner, name).await?;
    if repo.is_none_or(|r| r.default_branch.as_deref() == Some(opts.branch.as_str())) {
        return Ok(false);
    }
    target
        .api
        .update_repository(owner, name, None, Some(&opts.branch))
        .await?;
    Ok(true)
}

/// The repository step: find or create it, team access, visibility.
async fn repository<A: RepoApi>(target: &HostedTarget<A>, opts: &Options) -> StepResult<bool> {
    let api = &target.api;
    let (owner, name) = (target.owner.as_str(), target.repository.as_str());
    let wanted = target.visibility;
    let mut actions: Vec<String> = Vec::new();
    let existing = api.repository(owner, name).await?;
    let repo = match existing.clone() {
        Some(repo) => {
            if target.reconcile && repo.visibility != wanted {
                actions.push(format!(
                    "visibility {} → {}",
                    visibility(repo.visibility),
                    visibility(wanted)
                ));
                if !opts.dry_run {
                    api.update_repository(owner, name, Some(wanted), None)
                        .await?;
                }
            }
            if target.reconcile && repo.default_branch.as_deref() != Some(opts.branch.as_str()) {
                // Set after the push, once the branch exists.
                actions.push(format!("default branch → {}", opts.branch));
            }
            Some(repo)
        }
        None => {
            actions.push(format!(
                "create {} repository {owner}/{name}",
                visibility(wanted)
            ));
            if opts.dry_run {
                None
            } else {
                Some(
                    api.create_repository(
                        owner,
                        name,
                        target.personal,
                        wanted,
                        "Flux fleet repository, bootstrapped by floe",
                    )
                    .await?,
                )
            }
        }
    };
    for team in &target.teams {
        let has = repo.is_some() && api.team_access(owner, name, team).await?;
        if !has {
            actions.push(format!("grant team {} {}", team.team, team.permission));
            if !opts.dry_run {
                api.grant_team(owner, name, team).await?;
            }
        }
    }
    let url = repo
        .as_ref()
        .map(|r| r.web_url.clone())
        .unwrap_or_else(|| format!("https://{}/{owner}/{name}", api.host()));
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

fn visibility(v: Visibility) -> &'static str {
    crate::usage::Choice::as_str(v)
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

async fn deploy_key<A: RepoApi>(
    target: &HostedTarget<A>,
    opts: &Options,
    public_key: &str,
    read_only: bool,
) -> anyhow::Result<KeyAction> {
    let title = deploy_key_title(opts);
    let (owner, name) = (target.owner.as_str(), target.repository.as_str());
    let keys = target.api.deploy_keys(owner, name).await?;
    let ours = credentials::key_material(public_key);
    // The cluster's key already on the repository with the right access is kept whatever its
    // title (a run for another path or branch reuses it; hosts refuse the same key twice).
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
        target.api.delete_deploy_key(owner, name, &old.id).await?;
    }
    target
        .api
        .add_deploy_key(owner, name, &title, public_key, read_only)
        .await
        .map_err(|e| match e {
            AddKeyError::InUseElsewhere(message) => anyhow::anyhow!(
                "the public key in Secret {}/{} is already a deploy key of another repository ({message}); {} allows a key on one repository only: delete the Secret so floe generates a new key, or remove the key from the other repository",
                opts.namespace, opts.secret_name, target.name()
            ),
            AddKeyError::Other(e) => e,
        })?;
    Ok(if stale.is_empty() {
        KeyAction::Added
    } else {
        KeyAction::Replaced
    })
}
