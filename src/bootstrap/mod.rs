//! `bootstrap`: make a cluster sync itself from a Git repository, and prove it does.
//!
//! The steps run in a fixed order and every side effect comes after the preflight checks:
//! preflight → repository (hosts with an API) → clone → manifests → push → install → credentials →
//! sync → verify. Each step is idempotent, so a failed run is resumed by running the same
//! command again.

pub mod files;
pub mod git;
pub mod host;
pub mod hosted;
pub mod report;

use std::time::{Duration, Instant};

use k8s_openapi::api::core::v1::Secret;
use kube::Api;
use serde_json::{Value, json};

use crate::cluster::Cluster;
use crate::cluster::apply::{Action, Applied, Applier};
use crate::converge::conditions::{at, attempt_failed, attempted, handled, ready};
use crate::converge::{Condition, Converged, converge};
use crate::credentials::KeyAlgorithm;
use crate::git::{FileChange, Plan, PushOutcome, RemoteSpec, Workspace};
use crate::kinds::duration::GoDuration;
use crate::kinds::{FluxKind, ObjectRef, Observed};
use crate::objects::{self, SecretChange};

pub use crate::host::api::{TEAM_PERMISSIONS, TeamAccess};
pub use git::{GitFlags, GitTarget, PullCredentials};
pub use host::{GitHost, HostCheck, StepResult};
pub use hosted::{HostedTarget, PullAuth};
pub use report::{Details, Done, FileReport, Outcome, Progress, Step, StepReport, Summary};

/// Everything bootstrap needs besides the host.
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
        F: std::future::Future<Output = StepResult<T>>,
    {
        self.progress.begin(step, message);
        crate::lifecycle::set_step(format!("step {} ({message})", step.name()));
        let started = Instant::now();
        let result = work.await;
        self.end(step, result, started.elapsed())
    }

    /// Reports a step whose work already ran (alongside an earlier step), with the time it took.
    fn step_done<T>(
        &mut self,
        step: Step,
        message: &str,
        result: StepResult<T>,
        took: std::time::Duration,
    ) -> anyhow::Result<T> {
        self.progress.begin(step, message);
        self.end(step, result, took)
    }

    fn end<T>(
        &mut self,
        step: Step,
        result: StepResult<T>,
        took: std::time::Duration,
    ) -> anyhow::Result<T> {
        let duration_ms = took.as_millis() as u64;
        match result {
            Ok(Done {
                value,
                outcome,
                message,
                details,
            }) => {
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
                    details: Details::None,
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
pub async fn run<H: GitHost>(
    cluster: &Cluster,
    host: &H,
    opts: &Options,
    progress: &dyn Progress,
) -> (Summary, Option<anyhow::Error>) {
    let mut run = Run {
        progress,
        reports: Vec::new(),
    };
    let repository = host.repository();
    let result = steps(&mut run, cluster, host, opts).await;
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

async fn steps<H: GitHost>(
    run: &mut Run<'_>,
    cluster: &Cluster,
    host: &H,
    opts: &Options,
) -> anyhow::Result<Option<String>> {
    let progress = run.progress;
    // 1. Preflight: nothing has been changed anywhere until this passes.
    let line = format!(
        "checking the cluster at {} and the Git host",
        cluster.server
    );
    // A host without a repository step changes nothing before the clone, and cloning into a
    // scratch repository changes nothing anywhere: it runs while the cluster is checked, and
    // is reported after preflight passed (or abandoned when it failed: the join ends at the
    // first error).
    let clone_line = |push: &RemoteSpec| format!("cloning branch {} of {}", opts.branch, push.url);
    let early_push = host.repository_step().is_none().then(|| host.push_remote());
    let early_clone = async move {
        let push = early_push?;
        let line = clone_line(&push);
        let started = Instant::now();
        let result = clone(push, opts, true).await;
        Some((line, result, started.elapsed()))
    };
    let ((), cloned) = tokio::try_join!(
        run.step(Step::Preflight, &line, preflight(cluster, host, opts)),
        async { anyhow::Ok(early_clone.await) },
    )?;

    // 2. Repository (hosts with an API): find or create it, and its settings.
    let mut repository_exists = true;
    if let Some(line) = host.repository_step() {
        repository_exists = run
            .step(Step::Repository, &line, host.ensure_repository(opts))
            .await?;
    }

    // 3. Clone the branch (done already for a host without a repository step).
    let workspace = match cloned {
        Some((line, result, took)) => run.step_done(Step::Clone, &line, result, took)?,
        None => {
            let push = host.push_remote();
            let line = clone_line(&push);
            run.step(Step::Clone, &line, clone(push, opts, repository_exists))
                .await?
        }
    };

    // 4. The files.
    let sync = sync_spec(host, opts);
    let components_text =
        files::components_file(&opts.flux_version, &opts.components, &opts.install_objects);
    let mut file_set = files::files(&opts.path, components_text, files::sync_file(&sync));
    // A file flux generated with the same content stays as it is.
    for (path, content) in &mut file_set {
        if let Some(on_branch) = workspace.file_at_base(path)
            && files::same_but_for_the_generator(&on_branch, content)
        {
            *content = on_branch;
        }
    }
    let line = format!("generating manifests in {}", files::flux_dir(&opts.path));
    let plan = run
        .step(
            Step::Manifests,
            &line,
            manifests(&workspace, &file_set, opts),
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
            dry_run_cluster(cluster, host, opts, &sync),
        )
        .await?;
        return Ok(workspace.base().map(|b| b.to_string()));
    }

    // 5. Commit and push.
    let line = format!("committing to {}", opts.branch);
    let pushed: PushOutcome = run
        .step(
            Step::Push,
            &line,
            push_step(host, workspace, file_set, opts),
        )
        .await?;
    let commit = pushed.commit.to_string();

    // 6. Install.
    let line = format!(
        "installing Flux {} in {}",
        opts.flux_version, opts.namespace
    );
    run.step(Step::Install, &line, install(cluster, opts, progress))
        .await?;

    // 7. Credentials.
    let line = format!(
        "credentials in Secret {}/{}",
        opts.namespace, opts.secret_name
    );
    run.step(
        Step::Credentials,
        &line,
        host.credentials(cluster, opts, progress),
    )
    .await?;
    let credentials_changed = run
        .reports
        .last()
        .is_none_or(|report| report.outcome != Outcome::Unchanged);

    // 8. Apply the sync objects; 9. verify the cluster synced the pushed commit.
    let line = format!(
        "applying GitRepository and Kustomization {}/{}",
        opts.namespace, opts.namespace
    );
    run.step(Step::Sync, &line, apply_sync(cluster, &sync))
        .await?;
    let line = format!("waiting for the cluster to sync {}", short(&commit));
    run.step(
        Step::Verify,
        &line,
        verify(cluster, opts, &commit, &sync, credentials_changed),
    )
    .await?;
    Ok(Some(commit))
}

/// Step 1: the cluster is fit for Flux (check --pre's checks) and the host accepts floe.
async fn preflight<H: GitHost>(cluster: &Cluster, host: &H, opts: &Options) -> StepResult<()> {
    // The cluster's checks and the host's run at once (both only read); the cluster's
    // answer is reported first.
    let (checks, check) = futures::join!(
        crate::check::pre_checks(
            cluster,
            &opts.namespace,
            &opts.flux_version,
            opts.skip_version_check,
        ),
        host.preflight()
    );
    let checks = checks?;
    let failed: Vec<String> = checks
        .iter()
        .filter(|c| !c.ok)
        .map(|c| c.message.clone())
        .collect();
    if !failed.is_empty() {
        anyhow::bail!("the cluster is not ready for Flux: {}", failed.join("; "));
    }
    let check = check?;
    let message = match &check.accepted {
        Some(accepted) => format!("cluster {} reachable; {accepted}", cluster.server),
        None => format!("cluster {} reachable", cluster.server),
    };
    let details = Details::Preflight {
        cluster: cluster.server.clone(),
        context: cluster.context.clone(),
        user: check.user,
    };
    Ok(Done::new((), Outcome::Passed, message, details))
}

/// Step 3: the branch's tip in a scratch repository. libgit2 blocks: it runs on the blocking
/// pool, bounded by its own timeouts, while the runtime keeps the deadline and the signal
/// handlers running. A dry run for a repository that does not exist yet compares with nothing.
async fn clone(push: RemoteSpec, opts: &Options, exists: bool) -> StepResult<Workspace> {
    let branch = opts.branch.clone();
    let ws = crate::lifecycle::blocking(move || {
        if exists {
            Workspace::open(push, &branch)
        } else {
            Workspace::empty(push, &branch)
        }
    })
    .await??;
    let message = match ws.base() {
        Some(tip) => format!("branch {} is at {}", opts.branch, short(&tip.to_string())),
        None => format!(
            "branch {} does not exist yet; floe's commit starts it",
            opts.branch
        ),
    };
    let details = Details::Clone {
        tip: ws.base().map(|t| t.to_string()),
    };
    Ok(Done::new(ws, Outcome::Passed, message, details))
}

/// Step 4: the tree floe would commit, and which of its files change.
async fn manifests(
    workspace: &Workspace,
    file_set: &[(String, Vec<u8>)],
    opts: &Options,
) -> StepResult<Plan> {
    let plan = workspace.plan(file_set)?;
    let files: Vec<FileReport> = plan
        .files
        .iter()
        .map(|(path, change)| FileReport {
            path: path.clone(),
            change: *change,
        })
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
    Ok(Done::new(
        plan,
        outcome,
        message,
        Details::Manifests { files },
    ))
}

/// Step 5: commit when the tree changed and push (off the runtime, like the clone), then the
/// host's settings that need the branch.
async fn push_step<H: GitHost>(
    host: &H,
    mut workspace: Workspace,
    files: Vec<(String, Vec<u8>)>,
    opts: &Options,
) -> StepResult<PushOutcome> {
    let (name, email) = (opts.author_name.clone(), opts.author_email.clone());
    let message = commit_message(opts);
    let outcome = crate::lifecycle::blocking(move || {
        crate::git::author(name.as_deref(), email.as_deref())
            .and_then(|author| workspace.commit_and_push(&files, &author, &message))
    })
    .await??;
    let sha = outcome.commit.to_string();
    let host_change = host.after_push(opts).await?;
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
    let result = match host_change {
        Some(change) => {
            text.push_str(&format!("; {change}"));
            Outcome::Updated
        }
        None => result,
    };
    let details = Details::Push {
        commit: sha,
        rebased: outcome.rebased,
    };
    Ok(Done::new(outcome, result, text, details))
}

/// Step 6: the controllers applied and rolled out.
async fn install(cluster: &Cluster, opts: &Options, progress: &dyn Progress) -> StepResult<()> {
    let report = crate::install::apply_and_wait(
        cluster,
        opts.install_objects.clone(),
        &opts.namespace,
        opts.timeout,
        true,
        progress,
    )
    .await?;
    let (outcome, message) = summarize(&report.applied, "components");
    let details = Details::Install {
        objects: report.applied.len(),
        deployments: report.deployments,
    };
    Ok(Done::new((), outcome, message, details))
}

/// Step 8: the GitRepository and Kustomization applied.
async fn apply_sync(cluster: &Cluster, sync: &files::SyncSpec) -> StepResult<()> {
    let (source, kustomization) = files::sync_objects(sync);
    let applier = Applier::new(cluster);
    let mut applied = Vec::new();
    for object in [
        serde_json::to_value(&source)?,
        serde_json::to_value(&kustomization)?,
    ] {
        applied.push(applier.apply(&strip_status(object)).await?);
    }
    let (outcome, message) = summarize(&applied, "sync objects");
    Ok(Done::new((), outcome, message, Details::None))
}

fn short(sha: &str) -> &str {
    &sha[..sha.len().min(12)]
}

fn sync_spec<H: GitHost>(host: &H, opts: &Options) -> files::SyncSpec {
    let (url, needs_secret) = host.sync_source();
    files::SyncSpec {
        namespace: opts.namespace.clone(),
        url,
        branch: opts.branch.clone(),
        path: opts.path.clone(),
        secret_name: needs_secret.then(|| opts.secret_name.clone()),
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

pub(crate) fn secret_change_text(change: SecretChange) -> &'static str {
    match change {
        SecretChange::Created => "created",
        SecretChange::Updated => "updated",
        SecretChange::Kept => "kept",
    }
}

pub(crate) fn action_outcome(action: Action) -> Outcome {
    match action {
        Action::Created => Outcome::Created,
        Action::Configured => Outcome::Updated,
        Action::Unchanged => Outcome::Unchanged,
    }
}

/// The Secret a cluster pulls over HTTPS with, keyed as flux's bootstrap keys it: `username`
/// and `password` (a token) when given, and `ca.crt` for a server with a private CA, which
/// source-controller needs to trust it.
pub(crate) fn https_secret(
    namespace: &str,
    name: &str,
    basic: Option<(&str, &str)>,
    ca_crt: Option<&str>,
) -> Value {
    let mut data = serde_json::Map::new();
    if let Some((username, password)) = basic {
        data.insert("username".into(), json!(username));
        data.insert("password".into(), json!(password));
    }
    if let Some(ca) = ca_crt {
        data.insert("ca.crt".into(), json!(ca));
    }
    json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": { "name": name, "namespace": namespace },
        "type": "Opaque",
        "stringData": data,
    })
}

/// The dry run's cluster part: every object floe would apply, sent with `dryRun=All`.
async fn dry_run_cluster<H: GitHost>(
    cluster: &Cluster,
    host: &H,
    opts: &Options,
    sync: &files::SyncSpec,
) -> StepResult<()> {
    let applier = Applier::new(cluster).dry_run(true);
    let mut objects = opts.install_objects.clone();
    crate::install::fit_to_server(cluster, &mut objects, &crate::progress::Silent).await?;
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
    let needs_secret = host.sync_source().1;
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
    Ok(Done::new(
        (),
        outcome,
        message,
        Details::Planned { objects: applied },
    ))
}

fn would(action: Action) -> &'static str {
    match action {
        Action::Created => "would be created",
        Action::Configured => "would be configured",
        Action::Unchanged => "unchanged",
    }
}

/// Step 9: the GitRepository has an artifact of the pushed commit and the Kustomization
/// applied it, both Ready for their current spec. An object already there is taken as it is,
/// as flux bootstrap takes it, unless this run changed the credentials (`credentials_changed`:
/// the Secret created or replaced, or the host's deploy key): then the GitRepository is asked
/// to fetch again and its answer awaited, since a Ready from before says nothing about
/// credentials the controller has not used yet (flux bootstrap accepts that stale Ready). An
/// object not there yet is asked to reconcile, and a failure counts only once it answered.
async fn verify(
    cluster: &Cluster,
    opts: &Options,
    commit: &str,
    sync: &files::SyncSpec,
    credentials_changed: bool,
) -> StepResult<()> {
    let deadline = Instant::now() + opts.timeout;
    let mut revisions = std::collections::BTreeMap::new();
    for kind in [FluxKind::GitRepository, FluxKind::Kustomization] {
        let target = ObjectRef::parse(kind, &opts.namespace, &opts.namespace)?;
        let synced = ready().and(at(commit));
        let fetch_again = kind == FluxKind::GitRepository && credentials_changed;
        let current = target.get(cluster).await?;
        let observed = if synced.holds(&current) && !fetch_again {
            current
        } else {
            let named = format!("{} {}/{}", kind.kind(), opts.namespace, opts.namespace);
            // The Ready condition's reason and message, and the hint they point to.
            let ready_of = |o: &Observed| {
                let (reason, message) = o
                    .ready()
                    .map(|c| (c.reason.clone(), c.message.trim().to_string()))
                    .unwrap_or_default();
                let hint = hint(kind, &reason, &message, sync, opts);
                (message, hint)
            };
            let mut reapplied = 0;
            let converged = loop {
                let generation = target.get(cluster).await?.generation;
                let token =
                    objects::request_reconcile(cluster, &target, Default::default(), None).await?;
                let answered = ready()
                    .and(at(commit))
                    .and(|o: &Observed| !fetch_again || handled(&token).holds(o));
                // Someone else changed the source's spec since floe applied it.
                let moved =
                    |o: &Observed| kind == FluxKind::GitRepository && o.generation > generation;
                let converged = converge(
                    cluster,
                    &target,
                    answered,
                    failed(&token, commit).or(moved),
                    deadline.into(),
                )
                .await?;
                if let Converged::Stopped(o) = &converged
                    && moved(o)
                {
                    // A Kustomization still reconciling the previous repository's revision (a
                    // cluster moved to another repository) applies that repository's
                    // GitRepository back over floe's: apply floe's again and wait again.
                    if reapplied < 3
                        && source_url(cluster, &target).await?.as_deref() != Some(sync.url.as_str())
                    {
                        reapplied += 1;
                        apply_sync(cluster, sync).await?;
                        continue;
                    }
                    if !failed(&token, commit).holds(o) {
                        continue;
                    }
                }
                break converged;
            };
            match converged {
                Converged::Reached(o) => o,
                Converged::Stopped(o) => {
                    let (message, hint) = ready_of(&o);
                    anyhow::bail!("{named} not ready: {message}{hint}");
                }
                Converged::TimedOut(Some(o)) => {
                    let (message, hint) = ready_of(&o);
                    let revision = match o.revision.as_str() {
                        "" => "none",
                        revision => revision,
                    };
                    let ready = match message.as_str() {
                        "" => "unknown",
                        message => message,
                    };
                    anyhow::bail!(
                        "{named} not synced to {} within {:?} (revision {revision}, Ready: {ready}){hint}",
                        short(commit),
                        opts.timeout,
                    );
                }
                Converged::TimedOut(None) => anyhow::bail!("{named} disappeared"),
                // The controller that should sync it cannot: said within seconds.
                Converged::ControllerDown(reason) => anyhow::bail!(
                    "{named} cannot sync {}: {reason}; re-running the same command resumes",
                    short(commit)
                ),
            }
        };
        revisions.insert(kind.kind().to_string(), observed.revision);
    }
    Ok(Done::new(
        (),
        Outcome::Passed,
        format!(
            "GitRepository and Kustomization {}/{} are Ready at {}",
            opts.namespace,
            opts.namespace,
            short(commit)
        ),
        Details::Verify(revisions),
    ))
}

/// The URL the live GitRepository `target` fetches from.
async fn source_url(cluster: &Cluster, target: &ObjectRef) -> anyhow::Result<Option<String>> {
    let object = target.fetch(cluster).await?;
    Ok(object.data["spec"]["url"].as_str().map(str::to_string))
}

/// The controller handled floe's request `token` and its attempt failed (see
/// [`Observed::attempt_failed`]); for a kind that records the revision it attempted (a
/// Kustomization), the attempt was at the pushed commit, so a failure of an older revision, or
/// one from before the request (a run being resumed), does not end the wait. A source's failed
/// fetch is of the ref floe just pushed to.
fn failed<'a>(token: &'a str, commit: &'a str) -> impl Condition + 'a {
    handled(token).and(attempted(commit)).and(attempt_failed())
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
    // Before the credential words: "certificate signed by unknown authority" says "auth" too.
    if ["x509:", "tls:", "certificate"]
        .iter()
        .any(|w| text.contains(w))
    {
        return format!(
            "; hint: the cluster does not trust the TLS certificate of {}: pass --ca-file with the CA that signed it (floe stores it as ca.crt in Secret {secret}), then run the command again",
            crate::redact::url(&sync.url)
        );
    }
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
    use crate::kinds::observed::names_revision;

    /// A Kustomization as kustomize-controller leaves it after a failed attempt at `revision`
    /// that handled request `token`.
    fn failed_attempt(revision: &str, token: &str) -> Value {
        json!({
            "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
            "metadata": { "name": "flux-system", "namespace": "flux-system", "generation": 2 },
            "spec": { "interval": "1m", "prune": true,
                      "sourceRef": { "kind": "GitRepository", "name": "flux-system" } },
            "status": {
                "observedGeneration": 1,
                "lastHandledReconcileAt": token,
                "lastAttemptedRevision": revision,
                "conditions": [
                    { "type": "Reconciling", "status": "True", "reason": "ProgressingWithRetry",
                      "message": "", "observedGeneration": 2,
                      "lastTransitionTime": "2026-01-01T00:00:00Z" },
                    { "type": "Ready", "status": "False", "reason": "BuildFailed",
                      "message": "kustomize build failed", "observedGeneration": 2,
                      "lastTransitionTime": "2026-01-01T00:00:00Z" }
                ]
            }
        })
    }

    fn observe(object: &Value) -> Observed {
        FluxKind::Kustomization.observe(&serde_json::from_value(object.clone()).unwrap())
    }

    #[test]
    fn only_a_failed_attempt_at_the_pushed_commit_after_the_request_ends_the_wait() {
        let (new, old) = ("a".repeat(40), "b".repeat(40));
        let at = |sha: &str| format!("main@sha1:{sha}");
        assert!(failed("t2", &new).holds(&observe(&failed_attempt(&at(&new), "t2"))));
        // An older revision failing (the source has not fetched the push yet): keep waiting.
        assert!(!failed("t2", &new).holds(&observe(&failed_attempt(&at(&old), "t2"))));
        // A failure from before floe's request (a run being resumed): keep waiting.
        assert!(!failed("t2", &new).holds(&observe(&failed_attempt(&at(&new), "t1"))));
        // Still in progress, not failed: keep waiting.
        let mut progressing = failed_attempt(&at(&new), "t2");
        progressing["status"]["conditions"][0]["reason"] = json!("Progressing");
        progressing["status"]["conditions"][1]["status"] = json!("Unknown");
        assert!(!failed("t2", &new).holds(&observe(&progressing)));
        // A failure for an older generation of the spec: keep waiting.
        let mut stale = failed_attempt(&at(&new), "t2");
        stale["status"]["conditions"][1]["observedGeneration"] = json!(1);
        assert!(!failed("t2", &new).holds(&observe(&stale)));
    }

    /// source-controller's message when it does not trust the server's certificate says
    /// "authority": that is TLS, not the credentials.
    #[test]
    fn a_tls_failure_is_named_as_tls_not_as_credentials() {
        let opts = Options {
            namespace: "flux-system".into(),
            branch: "main".into(),
            path: "clusters/dev".into(),
            interval: "1m".parse().unwrap(),
            secret_name: "flux-system".into(),
            flux_version: "v2.9.4".into(),
            components: Vec::new(),
            install_objects: Vec::new(),
            key_algorithm: Default::default(),
            author_name: None,
            author_email: None,
            commit_message_appendix: None,
            timeout: Duration::from_secs(60),
            dry_run: false,
            skip_version_check: false,
        };
        let sync = files::SyncSpec {
            namespace: "flux-system".into(),
            url: "https://git:s3cret@127.0.0.1:8443/me/fleet.git".into(),
            branch: "main".into(),
            path: "clusters/dev".into(),
            secret_name: Some("flux-system".into()),
            interval: "1m".parse().unwrap(),
        };
        let message = "failed to checkout and determine revision: unable to clone 'https://127.0.0.1:8443/me/fleet.git': Get \"https://127.0.0.1:8443/me/fleet.git/info/refs?service=git-upload-pack\": tls: failed to verify certificate: x509: certificate signed by unknown authority";
        let said = hint(
            FluxKind::GitRepository,
            "GitOperationFailed",
            message,
            &sync,
            &opts,
        );
        assert!(
            said.contains("does not trust the TLS certificate"),
            "{said}"
        );
        assert!(
            said.contains("--ca-file") && said.contains("ca.crt"),
            "{said}"
        );
        assert!(
            !said.contains("deploy key") && !said.contains("s3cret"),
            "{said}"
        );
        let refused = hint(
            FluxKind::GitRepository,
            "GitOperationFailed",
            "authentication required",
            &sync,
            &opts,
        );
        assert!(
            refused.contains("refused the cluster's credentials"),
            "{refused}"
        );
    }

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
        assert!(names_revision(&format!("main@sha1:{sha}"), sha));
        assert!(names_revision(&format!("main/{sha}"), sha));
        assert!(!names_revision("main@sha1:ffff", sha));
    }
}
