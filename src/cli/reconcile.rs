//! `floe reconcile KIND NAME...`: ask the controllers to reconcile now and wait for the result
//! (`--with-source` first reconciles what the object reads from; `--force` and `--reset` are
//! helm-controller's requests).

use clap::Args;

use super::target::{Many, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::kinds::{FluxKind, ObjectRef, Role};
use crate::objects::{self, Request};
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe reconcile source git flux-system\n  \
    floe reconcile sync apps infra --with-source\n  \
    floe reconcile hr podinfo --force")]
pub struct ReconcileArgs {
    #[command(subcommand)]
    pub target: Targets<Many>,
    /// Reconcile the object's source first (syncs, Helm releases, image policies and updates)
    #[arg(long, global = true)]
    pub with_source: bool,
    /// Helm releases: install or upgrade once now, even if nothing changed
    #[arg(long, global = true)]
    pub force: bool,
    /// Helm releases: reset the failure count, so remediation starts over
    #[arg(long, global = true)]
    pub reset: bool,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: ReconcileArgs) -> anyhow::Result<()> {
    let kind = args.target.kind();
    if args.target.names.is_empty() {
        return Err(InvalidInput::new(format!(
            "give the name of the {} to reconcile",
            kind.kind()
        ))
        .into());
    }
    if kind.facts().fixed {
        return Err(InvalidInput::new(format!(
            "{} objects are not reconciled: {} reads them when an event arrives, so a change applies at once",
            kind.kind(),
            kind.controller()
        ))
        .into());
    }
    if args.with_source && !matches!(kind.role(), Role::Sync | Role::Release | Role::Image) {
        return Err(InvalidInput::new(format!(
            "--with-source applies to syncs, Helm releases, image policies and updates, not to {}",
            kind.kind()
        ))
        .into());
    }
    if (args.force || args.reset) && kind != FluxKind::HelmRelease {
        return Err(InvalidInput::new(format!(
            "--force and --reset apply to Helm releases (reconcile hr), not to {}",
            kind.kind()
        ))
        .into());
    }
    let request = Request {
        force: args.force,
        reset: args.reset,
    };
    let targets = args.target.objects(&global.namespace);
    block_on(|| async {
        let cluster = connect(global).await?;
        for target in &targets {
            if args.with_source {
                let observed = target.get(&cluster).await?;
                let source = observed.source.ok_or_else(|| {
                    anyhow::anyhow!(
                        "{target} reads from a kind floe does not reconcile; reconcile it without --with-source"
                    )
                })?;
                reconcile_one(&cluster, ui, &source, Request::default(), global).await?;
            }
            reconcile_one(&cluster, ui, target, request, global).await?;
        }
        Ok(())
    })
}

async fn reconcile_one(
    cluster: &crate::cluster::Cluster,
    ui: &Ui,
    target: &ObjectRef,
    request: Request,
    global: &GlobalArgs,
) -> anyhow::Result<()> {
    target.get(cluster).await?;
    ui.step(
        Mark::Applying,
        &format!("annotating {target} for reconciliation"),
    );
    ui.step(
        Mark::Waiting,
        &format!("waiting for {target} reconciliation"),
    );
    let observed = objects::reconcile(cluster, target, request, global.timeout.0).await?;
    let at = super::create_common::at_revision(&observed.revision);
    ui.step(Mark::Done, &format!("{target} reconciled{at}"));
    Ok(())
}
