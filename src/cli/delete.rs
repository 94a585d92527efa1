//! `floe delete KIND NAME`: delete one Flux object and wait until its controller let it go.

use clap::Args;

use super::target::{One, Targets};
use super::{GlobalArgs, block_on, confirm, connect};
use crate::cli::ui::{Mark, Ui};
use crate::objects;

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  floe delete sync apps --yes\n  floe delete source git podinfo\n  floe delete hr podinfo -n apps --yes"
)]
pub struct DeleteArgs {
    #[command(subcommand)]
    pub target: Targets<One>,
    /// Delete without asking (-s/--silent as flux spells it)
    #[arg(
        short = 'y',
        long,
        global = true,
        visible_short_alias = 's',
        visible_alias = "silent"
    )]
    pub yes: bool,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: DeleteArgs) -> anyhow::Result<()> {
    let target = args.target.objects(&global.namespace).remove(0);
    block_on(|| async {
        let cluster = connect(global).await?;
        // Fail on a missing object before asking about it.
        target.get(&cluster).await?;
        if !confirm(
            ui,
            args.yes,
            &format!("deleting {target}"),
            &format!("Delete {target}?"),
        )? {
            ui.step(Mark::Failed, "nothing deleted");
            return Ok(());
        }
        ui.step(Mark::Applying, &format!("deleting {target}"));
        objects::delete(&cluster, &target, global.timeout.0).await?;
        ui.step(Mark::Done, &format!("{target} deleted"));
        Ok(())
    })
}
