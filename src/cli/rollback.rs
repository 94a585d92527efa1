//! `floe rollback sync NAME [--to REV]`: restore the sync's path to an earlier revision as a
//! new commit, push it, and wait until the cluster applied it.

use clap::Args;

use super::output::{self, Format};
use super::target::{OneSync, Targets};
use super::{GlobalArgs, block_on, confirm, connect};
use crate::cli::ui::{Mark, Ui};
use crate::git::FileChange;
use crate::kinds::ObjectRef;
use crate::rollback::{self, RollbackError, RollbackOptions};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # Show what a rollback to the previous good revision would commit\n  \
    floe rollback sync apps --dry-run\n\n  \
    # Restore ./apps as it was at 8f3e2a1, with a reason in the commit message\n  \
    floe rollback sync apps --to=8f3e2a1 --reason='bad config in release 42' --yes\n\n  \
    # A protected branch: push the commit to a branch for review instead\n  \
    floe rollback sync apps --branch-for-review=rollback-apps --yes")]
pub struct RollbackArgs {
    #[command(subcommand)]
    pub target: Targets<OneSync>,
    /// The revision to restore (a commit the cluster applied; default: the newest earlier one that applied successfully)
    #[arg(long, value_name = "REV", global = true)]
    pub to: Option<String>,
    /// Why, for the commit message
    #[arg(long, value_name = "TEXT", global = true)]
    pub reason: Option<String>,
    /// Print the plan and the diff, and change nothing
    #[arg(long = "dry-run", global = true)]
    pub dry_run: bool,
    /// Do not ask for confirmation (needed without a terminal)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
    /// Restore a revision that failed when the cluster applied it
    #[arg(long, global = true)]
    pub force: bool,
    /// When the branch refuses the push (protected), push the commit to this new branch instead
    #[arg(long = "branch-for-review", value_name = "BRANCH", global = true)]
    pub branch_for_review: Option<String>,
    /// Commit author name (default: git config user.name, else floe)
    #[arg(long = "author-name", value_name = "NAME", global = true)]
    pub author_name: Option<String>,
    /// Commit author email (default: git config user.email)
    #[arg(long = "author-email", value_name = "EMAIL", global = true)]
    pub author_email: Option<String>,
    #[command(flatten)]
    pub git: super::flags::GitAccessFlags,
    /// Output format: text, or json (the plan and outcome, docs/output.md)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(output::REPORTS), default_value = "text")]
    pub output: Format,
}

fn change_word(change: FileChange) -> &'static str {
    match change {
        FileChange::Added => "add",
        FileChange::Modified => "restore",
        FileChange::Deleted => "remove",
        FileChange::Unchanged => "keep",
    }
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: RollbackArgs) -> anyhow::Result<()> {
    let kind = args.target.kind();
    let name = args.target.names[0].clone();
    crate::manifests::validate::rfc1123_name("name", &name)?;
    if let Some(branch) = &args.branch_for_review {
        crate::git::validate_branch(branch).map_err(|_| {
            crate::usage::InvalidInput::new(format!(
                "invalid --branch-for-review '{branch}': not a valid Git branch name"
            ))
        })?;
    }
    if !args.dry_run && !args.yes && !ui.interactive {
        // Refused before anything is read or changed.
        confirm(ui, false, "rollback", "")?;
    }
    let host = args.git.host(ui)?;
    let opts = RollbackOptions {
        target: ObjectRef::new(kind, &global.namespace, &name),
        to: args.to.clone(),
        reason: args.reason.clone(),
        force: args.force,
        dry_run: args.dry_run,
        branch_for_review: args.branch_for_review.clone(),
        author_name: args.author_name.clone(),
        author_email: args.author_email.clone(),
        timeout: global.timeout.0,
    };
    let json = args.output == Format::Json;
    block_on(|| async {
        let cluster = connect(global).await?;
        let show_plan = |plan: &rollback::RollbackPlan| {
            ui.step(
                Mark::Generating,
                &format!(
                    "restoring {} of {} {} to {}, undoing {}",
                    if plan.path.is_empty() {
                        "the repository"
                    } else {
                        &plan.path
                    },
                    plan.repository,
                    plan.branch,
                    crate::history::commit_of(&plan.restore.revision)
                        .map_or(plan.restore.revision.as_str(), crate::git::abbrev),
                    plan.undone.len()
                ),
            );
            for (file, change) in &plan.files {
                ui.step(
                    Mark::Generating,
                    &format!("{} {file}", change_word(*change)),
                );
            }
        };
        let outcome = rollback::rollback(&cluster, &opts, &host, ui, |plan| {
            show_plan(plan);
            confirm(
                ui,
                args.yes,
                "rollback",
                &format!(
                    "Commit and push this rollback to {} {}?",
                    plan.repository, plan.branch
                ),
            )
            .unwrap_or(false)
        })
        .await
        .map_err(|e| match e {
            RollbackError::Invalid(e) => anyhow::Error::new(e),
            other => anyhow::Error::new(other),
        })?;
        if args.dry_run {
            show_plan(&outcome.plan);
            if !json {
                output::write(&output::sanitize(
                    &format!("{}\n{}", outcome.plan.message, outcome.plan.diff),
                    output::Keep::LineBreaks,
                ))?;
            }
        }
        if json {
            output::write(&output::json_document(&outcome)?)?;
        }
        match (
            &outcome.review_branch,
            &outcome.live_revision,
            &outcome.commit,
        ) {
            (Some(branch), _, Some(commit)) => {
                ui.step(Mark::Warning, &format!("the branch refused the push; the rollback commit {} is on branch {branch} for review", crate::git::abbrev(commit)));
                if !json {
                    output::write(&format!("{branch}\n"))?;
                }
            }
            (None, Some(live), _) => {
                ui.step(Mark::Done, &format!("{} applied {live}", opts.target))
            }
            _ => {}
        }
        Ok(())
    })
}
