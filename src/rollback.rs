//! `rollback sync NAME [--to REV]`: restores the files under the sync's path to their content
//! at an earlier revision as one new commit on top of the branch (history is never rewritten),
//! pushes it (fetching and replaying once if someone pushed first), asks Flux to reconcile the
//! source and the sync, and waits until the cluster applied the new commit.
//!
//! Which revision: `--to REV` must be one the cluster applied (its `status.history`), or one a
//! floe rollback in that history restored; by default the newest earlier revision that applied
//! successfully with other content than the live one, or the live one itself when newer attempts
//! failed (kustomize-controller applied their objects before their health checks failed).
//! Since the controllers key history by content, a rollback merges into the entry of the
//! revision it restored; the next default rollback therefore restores the revision before it:
//! an undo.

use std::time::Instant;

use serde::Serialize;

use crate::cluster::Cluster;
use crate::git::{self, FileChange, GitError};
use crate::gitsource::{self, GitOrigin};
use crate::history::{self, HistoryRow, RESTORED_TRAILER, UNDONE_TRAILER};
use crate::host::Host;
use crate::kinds::observed::names_revision;
use crate::kinds::{FluxKind, ObjectRef};
use crate::objects::{self, ObjectError};
use crate::progress::{Mark, Reporter};
use crate::usage::InvalidInput;

#[derive(Debug, Clone)]
pub struct RollbackOptions {
    pub target: ObjectRef,
    pub to: Option<String>,
    pub reason: Option<String>,
    pub force: bool,
    pub dry_run: bool,
    pub branch_for_review: Option<String>,
    pub author_name: Option<String>,
    pub author_email: Option<String>,
    pub timeout: std::time::Duration,
}

/// What a rollback will do (and, in a dry run, all it does).
#[derive(Debug, Clone, Serialize)]
pub struct RollbackPlan {
    pub repository: String,
    pub branch: String,
    pub path: String,
    /// The revision whose content is restored.
    pub restore: HistoryRow,
    /// The revisions whose changes under the path are undone, newest first.
    pub undone: Vec<HistoryRow>,
    pub files: Vec<(String, FileChange)>,
    #[serde(skip)]
    pub diff: String,
    pub message: String,
    /// The branch already has that content under the path (a re-run after an interruption):
    /// nothing is committed.
    #[serde(rename = "alreadyCommitted")]
    pub already_committed: bool,
}

/// What a rollback did.
#[derive(Debug, Clone, Serialize)]
pub struct RollbackOutcome {
    pub plan: RollbackPlan,
    /// The commit the cluster is to apply (the new one, or the branch's tip when it already
    /// had the content).
    pub commit: Option<String>,
    pub pushed: bool,
    pub rebased: bool,
    /// The branch the commit went to for review, when the target branch refused it.
    #[serde(rename = "reviewBranch")]
    pub review_branch: Option<String>,
    /// The revision the sync runs now.
    #[serde(rename = "liveRevision")]
    pub live_revision: Option<String>,
}

fn commit_short(row: &HistoryRow) -> String {
    history::commit_of(&row.revision)
        .map(|c| git::abbrev(c).to_string())
        .unwrap_or_else(|| row.revision.clone())
}

/// The history row `--to` names: its own revision, or the one a floe rollback restored.
fn find_target<'a>(rows: &'a [HistoryRow], to: &str) -> Option<&'a HistoryRow> {
    rows.iter()
        .find(|r| names_revision(&r.revision, to))
        .or_else(|| {
            rows.iter().find(|r| {
                r.restores
                    .as_deref()
                    .is_some_and(|rev| names_revision(rev, to))
            })
        })
}

/// What `--to` and the history leave to do.
enum Choice {
    /// Restore this row's content, undoing the newer rows.
    Restore(HistoryRow, Vec<HistoryRow>),
    /// A floe rollback commit that restored `--to` is live already (a re-run after the
    /// cluster applied it): nothing to do.
    Converged(HistoryRow),
}

fn choose(rows: &[HistoryRow], opts: &RollbackOptions) -> Result<Choice, InvalidInput> {
    let live = rows.iter().find(|r| r.live);
    // Newer attempts with other content failed after the live revision: kustomize-controller
    // applied their objects before their health checks failed (or failed part way through the
    // apply), and the branch has them. Restoring the live revision, the last good one, is then
    // a rollback, and the default.
    let failed_since_live = rows
        .iter()
        .take_while(|r| !r.live)
        .any(|r| live.is_some_and(|l| !r.succeeded && l.digest != r.digest));
    let (index, row) = match &opts.to {
        Some(to) => {
            let row = find_target(rows, to).ok_or_else(|| {
                InvalidInput::new(format!(
                    "invalid --to '{to}': the cluster's history of {} has no such revision (it has: {}); see floe history sync {}",
                    opts.target,
                    rows.iter().map(commit_short).collect::<Vec<_>>().join(", "),
                    opts.target.name
                ))
            })?;
            let index = rows.iter().position(|r| std::ptr::eq(r, row)).unwrap_or(0);
            (index, row)
        }
        None if failed_since_live => rows
            .iter()
            .enumerate()
            .find(|(_, r)| r.live)
            .expect("a failure since the live revision implies one"),
        None => rows
            .iter()
            .enumerate()
            .skip(rows.iter().position(|r| r.live).map_or(1, |i| i + 1))
            .find(|(_, r)| r.succeeded && live.is_none_or(|l| l.digest != r.digest))
            .ok_or_else(|| {
                InvalidInput::new(format!(
                    "{} has no earlier revision that applied successfully in its history; name one with --to",
                    opts.target
                ))
            })?,
    };
    if let Some(to) = &opts.to
        && row.live
        && !failed_since_live
        && row
            .restores
            .as_deref()
            .is_some_and(|r| names_revision(r, to))
    {
        return Ok(Choice::Converged(row.clone()));
    }
    if !failed_since_live && (row.live || live.is_some_and(|l| l.digest == row.digest)) {
        return Err(InvalidInput::new(format!(
            "invalid --to '{}': {} is the live revision of {}; there is nothing to roll back",
            opts.to.as_deref().unwrap_or(&row.revision),
            commit_short(row),
            opts.target
        )));
    }
    if !row.succeeded && !opts.force {
        return Err(InvalidInput::new(format!(
            "invalid --to '{}': {} failed when the cluster applied it ({}); pass --force to restore it anyway",
            opts.to.as_deref().unwrap_or(&row.revision),
            commit_short(row),
            row.result
        )));
    }
    Ok(Choice::Restore(row.clone(), rows[..index].to_vec()))
}

fn message(
    origin: &GitOrigin,
    restore: &HistoryRow,
    undone: &[HistoryRow],
    reason: Option<&str>,
    restore_sha: &str,
) -> String {
    let path = if origin.path.is_empty() {
        "the repository".to_string()
    } else {
        origin.path.clone()
    };
    let subject = restore
        .commit
        .as_ref()
        .map(|c| format!(" ({})", c.subject))
        .unwrap_or_default();
    let mut text = format!(
        "Roll back {path} to {}\n\nRestores {path} as it was at {}{subject}, undoing:\n",
        git::abbrev(restore_sha),
        git::abbrev(restore_sha)
    );
    for row in undone {
        let subject = row
            .commit
            .as_ref()
            .map(|c| c.subject.as_str())
            .unwrap_or("");
        text.push_str(&format!("  {} {subject}\n", commit_short(row)));
    }
    if let Some(reason) = reason.filter(|r| !r.trim().is_empty()) {
        text.push_str(&format!("\nReason: {}\n", reason.trim()));
    }
    let undone_shas: Vec<&str> = undone
        .iter()
        .filter_map(|r| history::commit_of(&r.revision))
        .collect();
    text.push_str(&format!(
        "\n{RESTORED_TRAILER}: {restore_sha}\n{UNDONE_TRAILER}: {}\n",
        undone_shas.join(",")
    ));
    text
}

/// Why a rollback cannot go on, for the caller to branch on.
#[derive(Debug, thiserror::Error)]
pub enum RollbackError {
    #[error(transparent)]
    Invalid(#[from] InvalidInput),
    #[error("the user declined; nothing changed")]
    Declined,
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    Object(#[from] ObjectError),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Plans the rollback; unless a dry run, asks `confirm`, then commits and pushes ([`apply`]),
/// and waits until the cluster applied the commit ([`converge`]).
pub async fn rollback<H: Host>(
    cluster: &Cluster,
    opts: &RollbackOptions,
    host: &H,
    progress: &dyn Reporter,
    confirm: impl FnOnce(&RollbackPlan) -> bool,
) -> Result<RollbackOutcome, RollbackError> {
    let deadline = Instant::now() + opts.timeout;
    let planned = match plan(cluster, opts, host, progress).await? {
        Planned::Converged(outcome) => return Ok(*outcome),
        Planned::Restore(restore) => *restore,
    };
    if opts.dry_run {
        return Ok(RollbackOutcome {
            plan: planned.plan,
            commit: None,
            pushed: false,
            rebased: false,
            review_branch: None,
            live_revision: None,
        });
    }
    if !planned.plan.already_committed && !confirm(&planned.plan) {
        return Err(RollbackError::Declined);
    }
    let origin = planned.origin.clone();
    let (plan, pushed) = match apply(planned, opts, progress).await? {
        Applied::Pushed(plan, pushed) => (plan, pushed),
        Applied::ForReview(outcome) => return Ok(outcome),
    };
    let commit = pushed.commit.to_string();
    let live = converge(cluster, &origin, &opts.target, &commit, progress, deadline).await?;
    Ok(RollbackOutcome {
        plan,
        commit: Some(commit),
        pushed: pushed.pushed,
        rebased: pushed.rebased,
        review_branch: None,
        live_revision: Some(live),
    })
}

/// A rollback that has something to restore: the plan, and the clone it is committed in.
struct Restore {
    origin: GitOrigin,
    workspace: git::Workspace,
    /// The commit whose tree under the path is restored.
    from: git2::Oid,
    plan: RollbackPlan,
}

/// What [`plan`] found.
enum Planned {
    /// Nothing to do: the revision to restore is live already.
    Converged(Box<RollbackOutcome>),
    Restore(Box<Restore>),
}

/// Reads the sync's history and its Git origin, chooses the revision to restore and plans
/// the commit, changing nothing.
async fn plan<H: Host>(
    cluster: &Cluster,
    opts: &RollbackOptions,
    host: &H,
    progress: &dyn Reporter,
) -> Result<Planned, RollbackError> {
    let target = &opts.target;
    if target.kind != FluxKind::Kustomization {
        return Err(InvalidInput::new(format!(
            "{} is not a sync; rollback restores a sync's path (floe rollback sync NAME)",
            target
        ))
        .into());
    }
    let origin = gitsource::origin(cluster, target)
        .await
        .map_err(|e| match e {
            gitsource::OriginError::Object(e) => RollbackError::Object(e),
            other => RollbackError::Invalid(InvalidInput::new(other.to_string())),
        })?;
    let observed = target.get(cluster).await?;
    let mut rows = history::rows(&observed);
    if rows.is_empty() {
        return Err(InvalidInput::new(format!(
            "{target} has no status.history yet: nothing was applied to roll back"
        ))
        .into());
    }
    progress.step(
        Mark::Applying,
        &format!(
            "reading {} {} for {} revisions",
            crate::redact::url(&origin.url),
            origin.branch,
            rows.len()
        ),
    );
    let mut wanted: Vec<String> = rows.iter().map(|r| r.revision.clone()).collect();
    wanted.extend(opts.to.iter().cloned());
    let (remote, origin_for_git) = (host.credentials_for(&origin.url), origin.clone());
    let (workspace, joined) = crate::lifecycle::blocking(move || -> Result<_, GitError> {
        let workspace = history::workspace(&origin_for_git, remote, &wanted)?;
        history::join(workspace.repo(), &mut rows, &origin_for_git.path);
        Ok((workspace, rows))
    })
    .await??;
    let (restore, undone) = match choose(&joined, opts)? {
        Choice::Restore(restore, undone) => (restore, undone),
        Choice::Converged(live) => {
            progress.step(
                Mark::Applying,
                &format!(
                    "{} restores {} and is live already",
                    live.revision,
                    opts.to.as_deref().unwrap_or_default()
                ),
            );
            let plan = RollbackPlan {
                repository: crate::redact::url(&origin.url),
                branch: origin.branch.clone(),
                path: origin.path.clone(),
                restore: live.clone(),
                undone: Vec::new(),
                files: Vec::new(),
                diff: String::new(),
                message: String::new(),
                already_committed: true,
            };
            return Ok(Planned::Converged(Box::new(RollbackOutcome {
                plan,
                commit: history::commit_of(&live.revision).map(str::to_string),
                pushed: false,
                rebased: false,
                review_branch: None,
                live_revision: Some(live.revision),
            })));
        }
    };
    let restore_sha = history::commit_of(&restore.revision)
        .and_then(|c| git::resolve(workspace.repo(), c))
        .or_else(|| {
            restore
                .restores
                .as_deref()
                .and_then(|r| git::resolve(workspace.repo(), r))
        })
        .ok_or_else(|| {
            InvalidInput::new(format!(
                "the commit of {} is not on branch {} of {} any more; name another with --to",
                restore.revision,
                origin.branch,
                crate::redact::url(&origin.url)
            ))
        })?;
    // A rollback commit in the history restores another revision: restore that one's tree.
    let from = match restore
        .restores
        .as_deref()
        .and_then(|r| git::resolve(workspace.repo(), r))
    {
        Some(restored) => restored,
        None => restore_sha,
    };
    if git::entry_at(workspace.repo(), from, &origin.path)?.is_none() {
        let what = match &opts.to {
            Some(to) => format!("invalid --to '{to}'"),
            None => format!(
                "the newest earlier revision, {}, cannot be restored",
                git::abbrev(&from.to_string())
            ),
        };
        return Err(InvalidInput::new(format!(
            "{what}: the path {} did not exist at {}; name another revision with --to",
            origin.path,
            git::abbrev(&from.to_string())
        ))
        .into());
    }
    let plan = workspace.plan_restore(&origin.path, from)?;
    let base_tree = workspace
        .base()
        .and_then(|b| workspace.repo().find_commit(b).ok())
        .map(|c| c.tree_id());
    let already_committed = base_tree == Some(plan.tree);
    let rollback_plan = RollbackPlan {
        repository: crate::redact::url(&origin.url),
        branch: origin.branch.clone(),
        path: origin.path.clone(),
        message: message(
            &origin,
            &restore,
            &undone,
            opts.reason.as_deref(),
            &from.to_string(),
        ),
        diff: workspace.diff(&plan)?,
        files: plan.files.clone(),
        restore,
        undone,
        already_committed,
    };
    Ok(Planned::Restore(Box::new(Restore {
        origin,
        workspace,
        from,
        plan: rollback_plan,
    })))
}

/// What [`apply`] did.
enum Applied {
    /// The commit is on the branch.
    Pushed(RollbackPlan, git::PushOutcome),
    /// The branch refused it; it went to a review branch instead, and the rollback ends there.
    ForReview(RollbackOutcome),
}

/// Commits the planned restore and pushes it (to a review branch if the branch refuses it and
/// one was named).
async fn apply(
    restore: Restore,
    opts: &RollbackOptions,
    progress: &dyn Reporter,
) -> Result<Applied, RollbackError> {
    let Restore {
        origin,
        mut workspace,
        from,
        plan: rollback_plan,
    } = restore;
    let author = git::author(opts.author_name.as_deref(), opts.author_email.as_deref())?;
    let (name, email) = (
        author.name().unwrap_or("floe").to_string(),
        author.email().unwrap_or_default().to_string(),
    );
    let (path, message, review) = (
        origin.path.clone(),
        rollback_plan.message.clone(),
        opts.branch_for_review.clone(),
    );
    progress.step(
        Mark::Applying,
        &format!(
            "committing and pushing to {} {}",
            rollback_plan.repository, origin.branch
        ),
    );
    let (workspace, pushed) = crate::lifecycle::blocking(move || {
        let author = git2::Signature::now(&name, &email).expect("a valid signature");
        let result =
            workspace.commit_and_push_plan(|w| w.plan_restore(&path, from), &author, &message);
        let outcome = match (result, review) {
            (Err(GitError::Rejected { .. }), Some(branch)) => {
                let plan = workspace.plan_restore(&path, from);
                plan.and_then(|plan| workspace.push_for_review(&plan, &author, &message, &branch))
                    .map(|commit| Err((commit, branch)))
            }
            (result, _) => result.map(Ok),
        };
        (workspace, outcome)
    })
    .await?;
    drop(workspace);
    let pushed = match pushed? {
        Ok(pushed) => pushed,
        Err((commit, branch)) => {
            return Ok(Applied::ForReview(RollbackOutcome {
                plan: rollback_plan,
                commit: Some(commit.to_string()),
                pushed: true,
                rebased: false,
                review_branch: Some(branch),
                live_revision: None,
            }));
        }
    };
    Ok(Applied::Pushed(rollback_plan, pushed))
}

/// Asks Flux to reconcile the source and the sync, and waits until the sync applied `commit`
/// (by `deadline`); the revision it runs then.
async fn converge(
    cluster: &Cluster,
    origin: &GitOrigin,
    target: &ObjectRef,
    commit: &str,
    progress: &dyn Reporter,
    deadline: Instant,
) -> Result<String, RollbackError> {
    progress.step(
        Mark::Applying,
        &format!("asking Flux to reconcile {} and {target}", origin.source),
    );
    let remaining = deadline.saturating_duration_since(Instant::now());
    objects::request_reconcile(cluster, &origin.source, Default::default(), None).await?;
    objects::wait_for_revision(cluster, &origin.source, Some(commit), remaining).await?;
    objects::request_reconcile(cluster, target, Default::default(), None).await?;
    progress.step(
        Mark::Waiting,
        &format!("waiting for {target} to apply {}", git::abbrev(commit)),
    );
    let remaining = deadline.saturating_duration_since(Instant::now());
    let live = objects::wait_for_revision(cluster, target, Some(commit), remaining).await?;
    Ok(live.revision)
}
