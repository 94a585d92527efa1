//! `bootstrap`: make a cluster sync itself from a Git repository, and prove it does.
//!
//! The steps run in a fixed order and every side effect comes after the preflight checks:
//! preflight → repository (GitHub only) → clone → manifests → push → install → credentials →
//! sync → verify. Each step is idempotent, so a failed run is resumed by running the same
//! command again.

pub mod files;
pub mod report;

use std::time::{Duration, Instant};

use k8s_openapi::api::core::v1::Secret;
use kube::Api;
use serde_json::{Value, json};
use zeroize::Zeroizing;

use crate::cluster::Cluster;
use crate::cluster::apply::{Action, Applied, Applier};
use crate::cluster::wait::{attempt_failed, ready_condition, watch_until};
use crate::credentials::{self, KeyAlgorithm, SshKeyPair};
use crate::git::{FileChange, PushOutcome, RemoteSpec, Workspace};
use crate::manifests::duration::GoDuration;
use crate::objects::{self, ObjectRef, SecretChange};
use crate::provider::github::{self, GitHub, GitHubError};
use crate::status::FluxKind;

pub use report::{Outcome, Progress, Step, StepReport, Summary};

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
}

/// How the cluster authenticates its pulls from a plain Git server.
pub enum PullCredentials {
    /// No Secret: a public repository.
    None,
    /// `username`/`password` in the Secret.
    Basic {
        username: String,
        password: Zeroizing<String>,
    },
    /// An SSH key in the Secret: this one (`--private-key-file`), or a new one.
    Ssh { key: Option<SshKeyPair> },
}

/// Any Git server, without a provider API.
pub struct GitTarget {
    pub push: RemoteSpec,
    /// The URL the cluster pulls from (the push URL unless that is a file:// path).
    pub sync_url: String,
    pub credentials: PullCredentials,
}

pub enum Target {
    GitHub(Box<GitHubTarget>),
    Git(GitTarget),
}

/// Everything bootstrap needs besides the target.
pub struct Options {
    pub namespace: String,
    pub branch: String,
    /// `clusters/dev` (see [`files::cluster_path`]).
    pub path: String,
    pub interval: GoDuration,
    pub secret_name: String,
    pub flux_version: String,
    pub components: Vec<String>,
    /// The customised install objects (gotk-components.yaml).
    pub install_objects: Vec<Value>,
    pub key_algorithm: KeyAlgorithm,
    pub author_name: Option<String>,
    pub author_email: Option<String>,
    pub commit_message_appendix: Option<String>,
    pub timeout: Duration,
    pub dry_run: bool,
    pub skip_version_check: bool,
}

/// A failed bootstrap: the step it failed in and why. The reports of the steps before it are
/// in the summary.
#[derive(Debug, thiserror::Error)]
#[error("{step} failed")]
pub struct StepFailed {
    pub step: &'static str,
    pub source: anyhow::Error,
}

/// Runs the steps and keeps their reports.
struct Run<'a> {
    progress: &'a dyn Progress,
    reports: Vec<StepReport>,
}

impl Run<'_> {
    async fn step<T, F>(&mut self, step: Step, message: &str, work: F) -> anyhow::Result<T>
    where
        F: std::future::Future<Output = anyhow::Result<(T, Outcome, String, Value)>>,
    {
        self.progress.begin(step, message);
        crate::lifecycle::set_step(format!("step {} ({message})", step.name()));
        let started = Instant::now();
        let result = work.await;
        let duration_ms = started.elapsed().as_millis() as u64;
        match result {
            Ok((value, outcome, message, details)) => {
                let report = StepReport {
                    step,
                    outcome,
                    message,
                    duration_ms,
                    details,
                };
                self.progress.end(&report);
                self.reports.push(report);
                Ok(value)
            }
            Err(e) => {
                let report = StepReport {
                    step,
                    outcome: Outcome::Failed,
                    message: crate::redact::text(&format!("{e:#}")),
                    duration_ms,
                    details: Value::Null,
                };
                self.progress.end(&report);
                self.reports.push(report);
                Err(StepFailed {
                    step: step.name(),
                    source: e,
                }
                .into())
            }
        }
    }
}

/// Runs bootstrap. On failure the returned summary has `result: failed` and the error.
pub async fn run(
    cluster: &Cluster,
    target: &Target,
    opts: &Options,
    progress: &dyn Progress,
) -> (Summary, Option<anyhow::Error>) {
    let mut run = Run {
        progress,
        reports: Vec::new(),
    };
    let repository = match target {
        Target::GitHub(gh) => format!("{}/{}", gh.owner, gh.repository),
        Target::Git(git) => git.push.url.clone(),
    };
    let result = steps(&mut run, cluster, target, opts).await;
    let changed = run
        .reports
        .iter()
        .any(|r| matches!(r.outcome, Outcome::Created | Outcome::Updated));
    let (result, commit, error) = match result {
        Ok(commit) => (
            if opts.dry_run { "planned" } else { "success" },
            commit,
            None,
        ),
        Err(e) => ("failed", None, Some(e)),
    };
    let summary = Summary {
        result,
        repository,
        branch: opts.branch.clone(),
        path: opts.path.clone(),
        commit,
        changed,
        error: error
            .as_ref()
            .map(|e| crate::redact::text(&format!("{e:#}"))),
        steps: run.reports,
    };
    (summary, error)
}

async fn steps(
    run: &mut Run<'_>,
    cluster: &Cluster,
    target: &Target,
    opts: &Options,
) -> anyhow::Result<Option<String>> {
    let progress = run.progress;
    // 1. Preflight: nothing has been changed anywhere until this passes.
    run.step(
        Step::Preflight,
        &format!(
            "checking the cluster at {} and the Git host",
            cluster.server
        ),
        async {
            let checks = crate::check::pre_checks(
                cluster,
                &opts.namespace,
                &opts.flux_version,
                opts.skip_version_check,
            )
            .await?;
            let failed: Vec<String> = checks
                .iter()
                .filter(|c| !c.ok)
                .map(|c| c.message.clone())
                .collect();
            if !failed.is_empty() {
                anyhow::bail!("the cluster is not ready for Flux: {}", failed.join("; "));
            }
            let mut details = json!({ "cluster": cluster.server, "context": cluster.context });
            let message = match target {
                Target::GitHub(gh) => {
                    let user = gh.client.user().await?;
                    github::check_scopes(&user)?;
                    details["user"] = json!(user.login);
                    format!(
                        "cluster {} reachable; GitHub token of {} accepted",
                        cluster.server, user.login
                    )
                }
                Target::Git(_) => format!("cluster {} reachable", cluster.server),
            };
            Ok(((), Outcome::Passed, message, details))
        },
    )
    .await?;

    // 2. Repository (GitHub): find or create it, team access, visibility and default branch.
    let mut repository_exists = true;
    if let Target::GitHub(gh) = target {
        repository_exists = run
            .step(
                Step::Repository,
                &format!("repository {}/{}", gh.owner, gh.repository),
                repository(gh, opts),
            )
            .await?;
    }

    // 3. Clone the branch.
    let push = push_remote(target);
    let workspace = run
        .step(
            Step::Clone,
            &format!("cloning branch {} of {}", opts.branch, push.url),
            async {
                // libgit2 blocks: it runs on the blocking pool, bounded by its own timeouts,
                // while the runtime keeps the deadline and the signal handlers running.
                // A dry run for a repository that does not exist yet compares with nothing.
                let (remote, branch) = (push.clone(), opts.branch.clone());
                let ws = crate::lifecycle::blocking(move || {
                    if repository_exists {
                        Workspace::open(remote, &branch)
                    } else {
                        Workspace::empty(remote, &branch)
                    }
                })
                .await??;
                let message = match ws.base() {
                    Some(tip) => {
                        format!("branch {} is at {}", opts.branch, short(&tip.to_string()))
                    }
                    None => format!(
                        "branch {} does not exist yet; floe's commit starts it",
                        opts.branch
                    ),
                };
                let details = json!({ "tip": ws.base().map(|t| t.to_string()) });
                Ok((ws, Outcome::Passed, message, details))
            },
        )
        .await?;

    // 4. The files.
    let sync = sync_spec(target, opts);
    let components_text =
        files::components_file(&opts.flux_version, &opts.components, &opts.install_objects);
    let file_set = files::files(&opts.path, components_text, files::sync_file(&sync));
    let plan = run
        .step(
            Step::Manifests,
            &format!("generating manifests in {}", files::flux_dir(&opts.path)),
            async {
                let plan = workspace.plan(&file_set)?;
                let changes: Vec<Value> = plan
                    .files
                    .iter()
                    .map(|(path, change)| json!({ "path": path, "change": change }))
                    .collect();
                let changed: Vec<&str> = plan
                    .files
                    .iter()
                    .filter(|(_, c)| *c != FileChange::Unchanged)
                    .map(|(p, _)| p.rsplit('/').next().unwrap_or(p))
                    .collect();
                let (outcome, message) = if changed.is_empty() {
                    (Outcome::Unchanged, "manifests are up to date".to_string())
                } else {
                    (
                        if opts.dry_run {
                            Outcome::Planned
                        } else {
                            Outcome::Updated
                        },
                        format!("{} to change: {}", changed.len(), changed.join(", ")),
                    )
                };
                Ok((plan, outcome, message, json!({ "files": changes })))
            },
        )
        .await?;

    if opts.dry_run {
        let diff = workspace.diff(&plan)?;
        if diff.is_empty() {
            run.progress.data(&format!(
                "# no changes to {} on branch {}\n",
                files::flux_dir(&opts.path),
                opts.branch
            ));
        } else {
            run.progress.data(&diff);
        }
        run.step(
            Step::Install,
            "server-side dry run of the cluster changes",
            dry_run_cluster(cluster, target, opts, &sync),
        )
        .await?;
        return Ok(workspace.base().map(|b| b.to_string()));
    }

    // 5. Commit and push.
    let pushed: PushOutcome = run
        .step(
            Step::Push,
            &format!("committing to {}", opts.branch),
            async {
                let (name, email) = (opts.author_name.clone(), opts.author_email.clone());
                let message = commit_message(opts);
                let files = file_set.clone();
                let mut ws = workspace;
                let (ws, outcome) = crate::lifecycle::blocking(move || {
                    let outcome = crate::git::author(name.as_deref(), email.as_deref())
                        .and_then(|author| ws.commit_and_push(&files, &author, &message));
                    (ws, outcome)
                })
                .await?;
                drop(ws);
                let outcome = outcome?;
                let sha = outcome.commit.to_string();
                let default_branch_set = reconcile_default_branch(target, opts).await?;
                let (result, mut text) = if !outcome.pushed {
                    (
                        Outcome::Unchanged,
                        format!("nothing to commit; {} is at {}", opts.branch, short(&sha)),
                    )
                } else if outcome.rebased {
                    (
                        Outcome::Updated,
                        format!(
                            "pushed {} to {} (rebased onto a concurrent push and retried)",
                            short(&sha),
                            opts.branch
                        ),
                    )
                } else {
                    (
                        Outcome::Updated,
                        format!("pushed {} to {}", short(&sha), opts.branch),
                    )
                };
                let result = if default_branch_set {
                    text.push_str(&format!("; default branch set to {}", opts.branch));
                    Outcome::Updated
                } else {
                    result
                };
                Ok((
                    outcome.clone(),
                    result,
                    text,
                    json!({ "commit": sha, "rebased": outcome.rebased }),
                ))
            },
        )
        .await?;
    let commit = pushed.commit.to_string();

    // 6. Install.
    run.step(
        Step::Install,
        &format!(
            "installing Flux {} in {}",
            opts.flux_version, opts.namespace
        ),
        async {
            let report = crate::install::apply_and_wait(
                cluster,
                opts.install_objects.clone(),
                &opts.namespace,
                opts.timeout,
                true,
                &|mark, message| progress.note(mark, message),
            )
            .await?;
            let (outcome, message) = summarize(&report.applied, "components");
            Ok((
                (),
                outcome,
                message,
                json!({ "objects": report.applied.len(), "deployments": report.deployments }),
            ))
        },
    )
    .await?;

    // 7. Credentials.
    run.step(
        Step::Credentials,
        &format!(
            "credentials in Secret {}/{}",
            opts.namespace, opts.secret_name
        ),
        credentials_step(cluster, target, opts, progress),
    )
    .await?;

    // 8. Apply the sync objects; 9. verify the cluster synced the pushed commit.
    let (source, kustomization) = files::sync_objects(&sync);
    let applied = run
        .step(
            Step::Sync,
            &format!(
                "applying GitRepository and Kustomization {}/{}",
                opts.namespace, opts.namespace
            ),
            async {
                let applier = Applier::new(cluster);
                let mut applied = Vec::new();
                for object in [
                    serde_json::to_value(&source)?,
                    serde_json::to_value(&kustomization)?,
                ] {
                    applied.push(applier.apply(&strip_status(object)).await?);
                }
                let (outcome, message) = summarize(&applied, "sync objects");
                Ok((applied, outcome, message, Value::Null))
            },
        )
        .await?;
    let _ = applied;
    run.step(
        Step::Verify,
        &format!("waiting for the cluster to sync {}", short(&commit)),
        verify(cluster, opts, &commit, &sync),
    )
    .await?;
    Ok(Some(commit))
}

/// With `--reconcile`, makes the branch the repository's default. GitHub refuses a default
/// branch that does not exist, so this runs after the push. Returns whether it changed.
async fn reconcile_default_branch(target: &Target, opts: &Options) -> anyhow::Result<bool> {
    let Target::GitHub(gh) = target else {
        return Ok(false);
    };
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

fn short(sha: &str) -> &str {
    &sha[..sha.len().min(12)]
}

fn push_remote(target: &Target) -> RemoteSpec {
    match target {
        Target::GitHub(gh) => RemoteSpec {
            url: gh.client.https_url(&gh.owner, &gh.repository),
            auth: crate::git::GitAuth::Basic {
                username: "git".into(),
                password: gh.token.clone(),
            },
        },
        Target::Git(git) => git.push.clone(),
    }
}

fn sync_spec(target: &Target, opts: &Options) -> files::SyncSpec {
    let (url, secret) = match target {
        Target::GitHub(gh) if gh.token_auth => {
            (gh.client.https_url(&gh.owner, &gh.repository), true)
        }
        Target::GitHub(gh) => (gh.client.ssh_url(&gh.owner, &gh.repository), true),
        Target::Git(git) => (
            git.sync_url.clone(),
            !matches!(git.credentials, PullCredentials::None),
        ),
    };
    files::SyncSpec {
        namespace: opts.namespace.clone(),
        url,
        branch: opts.branch.clone(),
        path: opts.path.clone(),
        secret_name: secret.then(|| opts.secret_name.clone()),
        interval: opts.interval,
    }
}

fn commit_message(opts: &Options) -> String {
    let mut message = format!(
        "Add Flux {} manifests for {} (floe bootstrap)",
        opts.flux_version, opts.path
    );
    if let Some(appendix) = opts
        .commit_message_appendix
        .as_deref()
        .filter(|a| !a.is_empty())
    {
        message.push_str("\n\n");
        message.push_str(appendix);
    }
    message
}

fn summarize(applied: &[Applied], what: &str) -> (Outcome, String) {
    let count = |action: Action| applied.iter().filter(|a| a.action == action).count();
    let (created, configured, unchanged) = (
        count(Action::Created),
        count(Action::Configured),
        count(Action::Unchanged),
    );
    let outcome = if created == applied.len() && created > 0 {
        Outcome::Created
    } else if created + configured > 0 {
        Outcome::Updated
    } else {
        Outcome::Unchanged
    };
    (
        outcome,
        format!("{what}: {created} created, {configured} configured, {unchanged} unchanged"),
    )
}

fn strip_status(mut object: Value) -> Value {
    if let Some(map) = object.as_object_mut() {
        map.remove("status");
    }
    object
}

/// Step 2 for GitHub.
async fn repository(
    gh: &GitHubTarget,
    opts: &Options,
) -> anyhow::Result<(bool, Outcome, String, Value)> {
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
    Ok((
        repo.is_some(),
        outcome,
        message,
        json!({ "url": url, "actions": actions }),
    ))
}

fn visibility(private: bool) -> &'static str {
    if private { "private" } else { "public" }
}

/// Step 7: the Secret the GitRepository reads, and for GitHub with SSH the deploy key.
async fn credentials_step(
    cluster: &Cluster,
    target: &Target,
    opts: &Options,
    progress: &dyn Progress,
) -> anyhow::Result<((), Outcome, String, Value)> {
    let (ns, name) = (opts.namespace.as_str(), opts.secret_name.as_str());
    match target {
        Target::GitHub(gh) if gh.token_auth => {
            let action = objects::apply(cluster, &basic_secret(ns, name, "git", &gh.token)).await?;
            let outcome = action_outcome(action);
            Ok((
                (),
                outcome,
                format!("Secret {ns}/{name} with the token {action}"),
                Value::Null,
            ))
        }
        Target::GitHub(gh) => {
            let (public_key, secret) =
                objects::ensure_ssh_secret(cluster, ns, name, None, opts.key_algorithm, || async {
                    Ok(gh.client.known_hosts().await?)
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
            Ok((
                (),
                outcome,
                format!(
                    "Secret {ns}/{name} {secret_text}; deploy key {}",
                    key.describe()
                ),
                json!({ "secret": secret_text, "deployKey": key.describe(), "publicKey": public_key }),
            ))
        }
        Target::Git(git) => match &git.credentials {
            PullCredentials::None => Ok((
                (),
                Outcome::Skipped,
                "no credentials: the cluster pulls anonymously".to_string(),
                Value::Null,
            )),
            PullCredentials::Basic { username, password } => {
                let action =
                    objects::apply(cluster, &basic_secret(ns, name, username, password)).await?;
                Ok((
                    (),
                    action_outcome(action),
                    format!("Secret {ns}/{name} with username and password {action}"),
                    Value::Null,
                ))
            }
            PullCredentials::Ssh { key } => {
                let sync_url = git.sync_url.clone();
                let (public_key, change) = objects::ensure_ssh_secret(
                    cluster,
                    ns,
                    name,
                    key.as_ref(),
                    opts.key_algorithm,
                    || async move {
                        let (host, port) = credentials::ssh_host(&sync_url)?;
                        credentials::scan_known_hosts(&host, port).await
                    },
                )
                .await?;
                if change == SecretChange::Created && key.is_none() {
                    progress.deploy_key_added(&public_key)?;
                }
                let outcome = match change {
                    SecretChange::Created => Outcome::Created,
                    SecretChange::Updated => Outcome::Updated,
                    SecretChange::Kept => Outcome::Unchanged,
                };
                let how = match (change, key.is_some()) {
                    (SecretChange::Updated, true) => " with the key of --private-key-file",
                    _ => "",
                };
                Ok((
                    (),
                    outcome,
                    format!("Secret {ns}/{name} {}{how}", secret_change_text(change)),
                    json!({ "publicKey": public_key }),
                ))
            }
        },
    }
}

fn secret_change_text(change: SecretChange) -> &'static str {
    match change {
        SecretChange::Created => "created",
        SecretChange::Updated => "updated",
        SecretChange::Kept => "kept",
    }
}

fn action_outcome(action: Action) -> Outcome {
    match action {
        Action::Created => Outcome::Created,
        Action::Configured => Outcome::Updated,
        Action::Unchanged => Outcome::Unchanged,
    }
}

fn basic_secret(namespace: &str, name: &str, username: &str, password: &str) -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": { "name": name, "namespace": namespace },
        "type": "Opaque",
        "stringData": { "username": username, "password": password },
    })
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

/// `algorithm base64`, without the comment, to compare keys.
fn key_material(key: &str) -> String {
    key.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
}

async fn deploy_key(
    gh: &GitHubTarget,
    opts: &Options,
    public_key: &str,
) -> anyhow::Result<KeyAction> {
    let title = deploy_key_title(opts);
    let read_only = !gh.read_write_key;
    let keys = gh.client.deploy_keys(&gh.owner, &gh.repository).await?;
    let ours = key_material(public_key);
    // The cluster's key already on the repository with the right access is kept whatever its
    // title (a run for another path or branch reuses it; GitHub refuses the same key twice).
    if keys
        .iter()
        .any(|k| key_material(&k.key) == ours && k.read_only == read_only)
    {
        return Ok(KeyAction::Unchanged);
    }
    // Stale: floe's title with another key, or the cluster's key with the wrong access.
    let stale: Vec<_> = keys
        .iter()
        .filter(|k| k.title == title || key_material(&k.key) == ours)
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

/// The dry run's cluster part: every object floe would apply, sent with `dryRun=All`.
async fn dry_run_cluster(
    cluster: &Cluster,
    target: &Target,
    opts: &Options,
    sync: &files::SyncSpec,
) -> anyhow::Result<((), Outcome, String, Value)> {
    let applier = Applier::new(cluster).dry_run(true);
    let mut objects = opts.install_objects.clone();
    crate::install::fit_to_server(cluster, &mut objects, &|_, _| {}).await?;
    let applied = applier
        .apply_all(&objects, opts.timeout, &|_: &Applied| {})
        .await?;
    let (_, mut message) = summarize(&applied, "components");
    let (source, kustomization) = files::sync_objects(sync);
    let mut pending = Vec::new();
    for object in [
        serde_json::to_value(&source)?,
        serde_json::to_value(&kustomization)?,
    ] {
        match applier.apply(&strip_status(object.clone())).await {
            Ok(a) => message.push_str(&format!("; {} {}", a.reference(), would(a.action))),
            // Without the CRDs (a first install) the server cannot dry-run these yet.
            Err(_) => pending.push(crate::cluster::apply::reference(&object)),
        }
    }
    if !pending.is_empty() {
        message.push_str(&format!(
            "; {} would be created after the CRDs",
            pending.join(", ")
        ));
    }
    let secrets: Api<Secret> = Api::namespaced(cluster.client.clone(), &opts.namespace);
    let secret_exists = secrets
        .get_opt(&opts.secret_name)
        .await
        .map_err(|e| cluster.explain(e))?
        .is_some();
    let needs_secret = !matches!(
        target,
        Target::Git(GitTarget {
            credentials: PullCredentials::None,
            ..
        })
    );
    if needs_secret {
        message.push_str(&format!(
            "; Secret {}/{} {}",
            opts.namespace,
            opts.secret_name,
            if secret_exists {
                "kept"
            } else {
                "would be created"
            }
        ));
    }
    let changes = applied
        .iter()
        .filter(|a| a.action != Action::Unchanged)
        .count();
    let outcome = if changes == 0 && pending.is_empty() && (secret_exists || !needs_secret) {
        Outcome::Unchanged
    } else {
        Outcome::Planned
    };
    Ok(((), outcome, message, json!({ "objects": applied })))
}

fn would(action: Action) -> &'static str {
    match action {
        Action::Created => "would be created",
        Action::Configured => "would be configured",
        Action::Unchanged => "unchanged",
    }
}

/// Whether a source's or Kustomization's revision names `commit` (`main@sha1:<sha>`, or
/// the older `main/<sha>`).
pub fn at_commit(revision: &str, commit: &str) -> bool {
    revision.ends_with(&format!("sha1:{commit}")) || revision.ends_with(&format!("/{commit}"))
}

/// Step 9: the GitRepository has an artifact of the pushed commit and the Kustomization
/// applied it, both Ready. A reconcile is requested only when they are not there yet.
async fn verify(
    cluster: &Cluster,
    opts: &Options,
    commit: &str,
    sync: &files::SyncSpec,
) -> anyhow::Result<((), Outcome, String, Value)> {
    let deadline = Instant::now() + opts.timeout;
    let mut details = json!({});
    for kind in [FluxKind::GitRepository, FluxKind::Kustomization] {
        let target = ObjectRef::new(kind, &opts.namespace, &opts.namespace);
        let revision_of = move |o: &Value| match kind {
            FluxKind::Kustomization => o["status"]["lastAppliedRevision"]
                .as_str()
                .unwrap_or("")
                .to_string(),
            _ => o["status"]["artifact"]["revision"]
                .as_str()
                .unwrap_or("")
                .to_string(),
        };
        let synced = |o: &Value| {
            at_commit(&revision_of(o), commit)
                && ready_condition(o).is_some_and(|(status, _, _)| status == "True")
        };
        let current = target.get(cluster).await?;
        let value = if synced(&current) {
            current
        } else {
            let token = objects::request_reconcile(cluster, &target, None).await?;
            let remaining = deadline.saturating_duration_since(Instant::now());
            let watch = watch_until(target.api(cluster), &target.name, remaining, |o| {
                let v = serde_json::to_value(o).expect("objects serialize");
                synced(&v) || failed(&v, &token, kind, commit)
            });
            // The controller that should sync it may be unable to: say so within seconds.
            let namespaces = [opts.namespace.as_str()];
            let (done, last) = tokio::select! {
                result = watch => result.map_err(|e| cluster.explain(e))?,
                reason = crate::cluster::controllers::watch_for_failure(cluster, kind.controller(), &namespaces) => {
                    anyhow::bail!(
                        "{} {}/{} cannot sync {}: {reason}; re-running the same command resumes",
                        kind.kind(),
                        opts.namespace,
                        opts.namespace,
                        short(commit)
                    );
                }
            };
            let last = last.map(|o| serde_json::to_value(o).expect("objects serialize"));
            match last {
                Some(v) if done && synced(&v) => v,
                Some(v) => {
                    let (_, reason, message) = ready_condition(&v).unwrap_or_default();
                    let revision = revision_of(&v);
                    let state = if done {
                        format!("not ready: {message}")
                    } else {
                        format!(
                            "not synced to {} within {:?} (revision {}, Ready: {})",
                            short(commit),
                            opts.timeout,
                            if revision.is_empty() {
                                "none".into()
                            } else {
                                revision
                            },
                            if message.is_empty() {
                                "unknown".to_string()
                            } else {
                                message.clone()
                            }
                        )
                    };
                    anyhow::bail!(
                        "{} {}/{} {state}{}",
                        kind.kind(),
                        opts.namespace,
                        opts.namespace,
                        hint(kind, &reason, &message, sync, opts)
                    );
                }
                None => anyhow::bail!(
                    "{} {}/{} disappeared",
                    kind.kind(),
                    opts.namespace,
                    opts.namespace
                ),
            }
        };
        details[kind.kind()] = json!(revision_of(&value));
    }
    Ok((
        (),
        Outcome::Passed,
        format!(
            "GitRepository and Kustomization {}/{} are Ready at {}",
            opts.namespace,
            opts.namespace,
            short(commit)
        ),
        details,
    ))
}

/// The controller handled floe's request and its attempt failed (see
/// [`attempt_failed`]); for a Kustomization, the attempt was at the pushed commit
/// (`lastAttemptedRevision`), so a failure of an older revision, or one from before the request
/// (a run being resumed), does not end the wait.
fn failed(object: &Value, token: &str, kind: FluxKind, commit: &str) -> bool {
    let handled = object["status"]["lastHandledReconcileAt"].as_str() == Some(token);
    let at_pushed_commit = match kind {
        FluxKind::Kustomization => object["status"]["lastAttemptedRevision"]
            .as_str()
            .is_some_and(|r| at_commit(r, commit)),
        _ => true,
    };
    handled && at_pushed_commit && attempt_failed(object)
}

/// What to look at for a known failure.
fn hint(
    kind: FluxKind,
    reason: &str,
    message: &str,
    sync: &files::SyncSpec,
    opts: &Options,
) -> String {
    let text = format!("{reason} {message}").to_lowercase();
    let secret = format!("{}/{}", opts.namespace, opts.secret_name);
    if ["auth", "permission denied", "401", "403", "credentials"]
        .iter()
        .any(|w| text.contains(w))
    {
        return format!(
            "; hint: the Git server refused the cluster's credentials: check that the deploy key in Secret {secret} is added to the repository (or that the token in it is valid), then run the command again"
        );
    }
    if text.contains("known_hosts") || text.contains("host key") || text.contains("knownhosts") {
        return format!(
            "; hint: the host key of {} is not in known_hosts of Secret {secret}; delete the Secret and run the command again",
            sync.url
        );
    }
    if kind == FluxKind::Kustomization && (text.contains("path") || text.contains("not found")) {
        return format!(
            "; hint: check that ./{} exists on branch {}",
            sync.path, sync.branch
        );
    }
    if text.contains("reference") || text.contains("branch") {
        return format!(
            "; hint: check that branch {} exists in {}",
            sync.branch, sync.url
        );
    }
    format!(
        "; see `floe get all -n {}` and the controller logs, fix the cause and run the command again",
        opts.namespace
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teams_parse_with_a_default_permission() {
        let t: TeamAccess = "platform".parse().unwrap();
        assert_eq!(t.permission, "maintain");
        let t: TeamAccess = "devs:push".parse().unwrap();
        assert_eq!((t.team.as_str(), t.permission.as_str()), ("devs", "push"));
        let err = "devs:write".parse::<TeamAccess>().unwrap_err();
        assert!(err.contains("write") && err.contains("maintain"), "{err}");
    }

    #[test]
    fn revisions_name_commits() {
        let sha = "0123456789abcdef0123456789abcdef01234567";
        assert!(at_commit(&format!("main@sha1:{sha}"), sha));
        assert!(at_commit(&format!("main/{sha}"), sha));
        assert!(!at_commit("main@sha1:ffff", sha));
    }
}
