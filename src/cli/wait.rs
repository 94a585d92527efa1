//! `floe wait sync|hr|source KIND NAME [--for-revision REV | --for-branch-head]`: the CI
//! gate. Exits 0 once the object is Ready at that revision, 1 with the controller's message as
//! soon as its attempt at that revision failed, or when `--timeout` runs out.

use clap::Args;
use serde::Serialize;

use super::output::{self, Format};
use super::target::{OneReconciled, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::gitsource;
use crate::objects;
use crate::status::StatusRow;
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # In CI, after pushing: wait until the cluster applied that commit\n  \
    floe wait sync apps --for-revision=\"$(git rev-parse HEAD)\" --timeout=10m\n\n  \
    # Until the sync applied the head of its source's branch (the source is asked to\n  \
    # fetch now when it is behind; --no-trigger waits for its own poll)\n  \
    floe wait sync apps --for-branch-head\n\n  \
    # A source, a Helm release at a chart version\n  \
    floe wait source git podinfo --for-revision=8f3e2a1\n  \
    floe wait hr podinfo --for-revision=6.3.5 -o json")]
pub struct WaitArgs {
    #[command(subcommand)]
    pub target: Targets<OneReconciled>,
    /// The revision to wait for: a commit (full or at least 4 hex digits), main@sha1:<commit>, or a chart version
    #[arg(long = "for-revision", value_name = "REV", global = true)]
    pub for_revision: Option<String>,
    /// Wait for the commit at the head of the source's branch now (read from Git)
    #[arg(
        long = "for-branch-head",
        global = true,
        conflicts_with = "for_revision"
    )]
    pub for_branch_head: bool,
    /// With --for-branch-head: do not ask the source to fetch now when it is behind the branch
    /// head; wait for its own poll
    #[arg(long = "no-trigger", global = true, requires = "for_branch_head")]
    pub no_trigger: bool,
    #[command(flatten)]
    pub git: super::flags::GitAccessFlags,
    /// Output format: text, or json (the final state, docs/output.md)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(output::REPORTS), default_value = "text")]
    pub output: Format,
}

/// `wait -o json`: the object's final state and what was waited for.
#[derive(Debug, Serialize)]
struct Waited<'a> {
    #[serde(flatten)]
    row: &'a StatusRow,
    #[serde(rename = "waitedFor")]
    waited_for: Option<&'a str>,
    /// `ready`, or `failed` (the attempt failed, the controller cannot run, the wait timed out).
    result: &'static str,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: WaitArgs) -> anyhow::Result<()> {
    let kind = args.target.kind();
    if let Some(rev) = &args.for_revision
        && rev.trim().is_empty()
    {
        return Err(
            InvalidInput::new("invalid --for-revision '': name a commit or version").into(),
        );
    }
    let name = args.target.names[0].clone();
    crate::manifests::validate::rfc1123_name("name", &name)?;
    let host = args.git.host(ui)?;
    let target = crate::kinds::ObjectRef::new(kind, &global.namespace, &name);
    block_on(|| async {
        let cluster = connect(global).await?;
        let wanted = match (&args.for_revision, args.for_branch_head) {
            (Some(rev), _) => Some(rev.clone()),
            (None, true) => {
                let origin = gitsource::origin(&cluster, &target).await?;
                let head = gitsource::branch_head(&origin, &host).await?;
                ui.step(
                    Mark::Generating,
                    &format!(
                        "{} {} is at {}",
                        crate::redact::url(&origin.url),
                        origin.branch,
                        &head[..12.min(head.len())]
                    ),
                );
                // A source behind the branch head would catch up at its next poll (its
                // interval); asking it to fetch now is what a gate that knows better does.
                if !args.no_trigger {
                    let source = origin.source.get(&cluster).await?;
                    if !crate::kinds::observed::names_revision(&source.revision, &head) {
                        ui.step(
                            Mark::Applying,
                            &format!("asking {} to fetch {}", origin.source, origin.branch),
                        );
                        objects::request_reconcile(
                            &cluster,
                            &origin.source,
                            objects::Request::default(),
                            None,
                        )
                        .await?;
                    }
                }
                Some(head)
            }
            (None, false) => None,
        };
        let what = wanted
            .as_deref()
            .map(|w| format!(" at {w}"))
            .unwrap_or_default();
        ui.step(
            Mark::Waiting,
            &format!("waiting for {target} to be ready{what}"),
        );
        let result =
            objects::wait_for_revision(&cluster, &target, wanted.as_deref(), global.timeout.0)
                .await;
        let observed = match &result {
            Ok(observed) => Some(observed.clone()),
            Err(_) => target.get(&cluster).await.ok(),
        };
        if args.output == Format::Json
            && let Some(observed) = &observed
        {
            let row = StatusRow::new(kind, observed);
            let waited = Waited {
                row: &row,
                waited_for: wanted.as_deref(),
                result: if result.is_ok() { "ready" } else { "failed" },
            };
            output::write(&output::json_document(&waited)?)?;
        }
        let observed = result?;
        let at = super::create_common::at_revision(&observed.revision);
        ui.step(Mark::Done, &format!("{target} is ready{at}"));
        Ok(())
    })
}
