//! `floe suspend` and `floe resume`: stop and restart reconciliation of objects, by name or
//! `--all` in the namespace.

use clap::Args;

use super::target::{Many, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::cluster::Cluster;
use crate::kinds::ObjectRef;
use crate::objects;
use crate::status::{Selection, list_rows};
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  floe suspend sync apps infra\n  floe suspend source git podinfo\n  floe suspend hr --all -n apps"
)]
pub struct SuspendArgs {
    #[command(subcommand)]
    pub target: Targets<Many>,
    /// Suspend every object of the kind in the namespace
    #[arg(long, global = true)]
    pub all: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  floe resume sync apps\n  floe resume source git podinfo\n  floe resume hr --all -n apps"
)]
pub struct ResumeArgs {
    #[command(subcommand)]
    pub target: Targets<Many>,
    /// Resume every object of the kind in the namespace
    #[arg(long, global = true)]
    pub all: bool,
    /// Return after clearing suspend, without waiting for the reconciliation
    #[arg(long = "wait", global = true, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub wait: bool,
}

/// The objects named, or with `--all` every object of the kind in the namespace.
async fn chosen(
    cluster: &Cluster,
    global: &GlobalArgs,
    target: &Targets<Many>,
    all: bool,
) -> anyhow::Result<Vec<ObjectRef>> {
    if !all {
        return Ok(target.objects(&global.namespace));
    }
    let selection = Selection {
        namespace: Some(&global.namespace),
        ..Default::default()
    };
    let rows = list_rows(cluster, target.kind(), &selection, false).await?;
    Ok(rows
        .iter()
        .map(|r| ObjectRef::parse(target.kind(), &r.namespace, &r.name))
        .collect::<Result<_, _>>()?)
}

/// NAMEs or `--all`, not both and not neither.
fn check_names(target: &Targets<Many>, all: bool, verb: &str) -> Result<(), InvalidInput> {
    match (target.names.is_empty(), all) {
        (true, false) => Err(InvalidInput::new(format!(
            "give the names of the {} to {verb}, or --all",
            target.kind().kind()
        ))),
        (false, true) => Err(InvalidInput::new(format!(
            "--all cannot be used with names: {verb} either the objects named or all of them"
        ))),
        _ => Ok(()),
    }
}

pub fn run_suspend(global: &GlobalArgs, ui: &Ui, args: SuspendArgs) -> anyhow::Result<()> {
    check_names(&args.target, args.all, "suspend")?;
    block_on(|| async {
        let cluster = connect(global).await?;
        let targets = chosen(&cluster, global, &args.target, args.all).await?;
        nothing_found(ui, &targets, &args.target, global);
        for target in &targets {
            ui.step(Mark::Applying, &format!("suspending {target}"));
            if objects::suspend(&cluster, target).await? {
                ui.step(Mark::Done, &format!("{target} suspended"));
            } else {
                ui.step(Mark::Done, &format!("{target} was already suspended"));
            }
        }
        Ok(())
    })
}

pub fn run_resume(global: &GlobalArgs, ui: &Ui, args: ResumeArgs) -> anyhow::Result<()> {
    check_names(&args.target, args.all, "resume")?;
    block_on(|| async {
        let cluster = connect(global).await?;
        let targets = chosen(&cluster, global, &args.target, args.all).await?;
        nothing_found(ui, &targets, &args.target, global);
        for target in &targets {
            ui.step(Mark::Applying, &format!("resuming {target}"));
            // Nothing reconciles an Alert or Provider: there is nothing to wait for.
            if !args.wait || target.kind.facts().fixed {
                objects::unsuspend(&cluster, target).await?;
                ui.step(Mark::Done, &format!("{target} resumed"));
                continue;
            }
            ui.step(
                Mark::Waiting,
                &format!("waiting for {target} reconciliation"),
            );
            let observed = objects::resume(&cluster, target, global.timeout.0).await?;
            ui.step(
                Mark::Done,
                &format!(
                    "{target} resumed and reconciled at revision {}",
                    observed.revision
                ),
            );
        }
        Ok(())
    })
}

/// `--all` in a namespace without objects of the kind: say so, as flux does.
fn nothing_found(ui: &Ui, targets: &[ObjectRef], target: &Targets<Many>, global: &GlobalArgs) {
    if targets.is_empty() {
        ui.step(
            Mark::Failed,
            &format!(
                "no {} objects found in {} namespace",
                target.kind().kind(),
                global.namespace
            ),
        );
    }
}
