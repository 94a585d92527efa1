//! `floe suspend` and `floe resume`: stop and restart reconciliation of one object.

use clap::Args;

use super::target::Target;
use super::{GlobalArgs, block_on, connect};
use crate::objects;
use crate::ui::{Mark, Ui};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  floe suspend sync apps\n  floe suspend source git podinfo")]
pub struct SuspendArgs {
    #[command(subcommand)]
    pub target: Target,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  floe resume sync apps\n  floe resume source git podinfo")]
pub struct ResumeArgs {
    #[command(subcommand)]
    pub target: Target,
    /// Return after clearing suspend, without waiting for the reconciliation
    #[arg(long = "wait", default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub wait: bool,
}

pub fn run_suspend(global: &GlobalArgs, ui: &Ui, args: SuspendArgs) -> anyhow::Result<()> {
    let target = args.target.object(&global.namespace);
    block_on(async {
        let cluster = connect(global).await?;
        let what = format!("{} {}/{}", target.kind, target.namespace, target.name);
        ui.step(Mark::Applying, &format!("suspending {what}"));
        if objects::suspend(&cluster, &target).await? {
            ui.step(Mark::Done, &format!("{what} suspended"));
        } else {
            ui.step(Mark::Done, &format!("{what} was already suspended"));
        }
        Ok(())
    })
}

pub fn run_resume(global: &GlobalArgs, ui: &Ui, args: ResumeArgs) -> anyhow::Result<()> {
    let target = args.target.object(&global.namespace);
    block_on(async {
        let cluster = connect(global).await?;
        let what = format!("{} {}/{}", target.kind, target.namespace, target.name);
        ui.step(Mark::Applying, &format!("resuming {what}"));
        if !args.wait {
            objects::unsuspend(&cluster, &target).await?;
            ui.step(Mark::Done, &format!("{what} resumed"));
            return Ok(());
        }
        ui.step(Mark::Waiting, &format!("waiting for {what} reconciliation"));
        let object = objects::resume(&cluster, &target, global.timeout.0).await?;
        let revision = target.kind.revision(&object);
        ui.step(
            Mark::Done,
            &format!("{what} resumed and reconciled at revision {revision}"),
        );
        Ok(())
    })
}
