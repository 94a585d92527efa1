//! `floe delete source KIND NAME` and `floe delete sync NAME`.

use clap::Args;

use super::target::Target;
use super::{GlobalArgs, block_on, confirm, connect};
use crate::objects;
use crate::ui::{Mark, Ui};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  floe delete sync apps --yes\n  floe delete source git podinfo"
)]
pub struct DeleteArgs {
    #[command(subcommand)]
    pub target: Target,
    /// Delete without asking
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: DeleteArgs) -> anyhow::Result<()> {
    let target = args.target.object(&global.namespace);
    let what = format!("{} {}/{}", target.kind, target.namespace, target.name);
    block_on(async {
        let cluster = connect(global).await?;
        // Fail on a missing object before asking about it.
        target.get(&cluster).await?;
        if !confirm(
            ui,
            args.yes,
            &format!("deleting {what}"),
            &format!("Delete {what}?"),
        )? {
            ui.step(Mark::Failed, "nothing deleted");
            return Ok(());
        }
        ui.step(Mark::Applying, &format!("deleting {what}"));
        objects::delete(&cluster, &target, global.timeout.0).await?;
        ui.step(Mark::Done, &format!("{what} deleted"));
        Ok(())
    })
}
