//! `floe uninstall`: remove the Flux controllers, CRDs and namespace.

use clap::Args;

use super::{GlobalArgs, block_on, confirm, connect};
use crate::cli::ui::{Mark, Ui};
use crate::install::uninstall::{UninstallEvent, UninstallOptions, uninstall};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  floe uninstall --yes\n  floe uninstall --keep-namespace\n  floe uninstall --dry-run"
)]
pub struct UninstallArgs {
    /// Leave the namespace (and the secrets in it) in place
    #[arg(long)]
    pub keep_namespace: bool,
    /// List what would be deleted (the API server's dry run) and delete nothing
    #[arg(long = "dry-run")]
    pub dry_run: bool,
    /// Uninstall without asking (-s/--silent as flux spells it)
    #[arg(short = 'y', long, visible_short_alias = 's', visible_alias = "silent")]
    pub yes: bool,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: UninstallArgs) -> anyhow::Result<()> {
    let opts = UninstallOptions {
        namespace: global.namespace.to_string(),
        keep_namespace: args.keep_namespace,
        dry_run: args.dry_run,
        timeout: global.timeout.0,
    };
    block_on(|| async {
        let cluster = connect(global).await?;
        cluster.server_version().await?;
        let question = format!(
            "Uninstall Flux and delete its CRDs (every Flux object) from context {}?",
            cluster.context
        );
        if !args.dry_run && !confirm(ui, args.yes, "uninstalling Flux", &question)? {
            ui.step(Mark::Failed, "nothing uninstalled");
            return Ok(());
        }
        let dry = if args.dry_run { " (dry run)" } else { "" };
        uninstall(&cluster, &opts, &|event| match event {
            UninstallEvent::Stage(what) => ui.step(Mark::Applying, &what),
            UninstallEvent::Deleted(what) => ui.step(Mark::Done, &format!("{what} deleted{dry}")),
            UninstallEvent::FinalizersRemoved(what) => {
                ui.step(Mark::Done, &format!("{what} finalizers removed{dry}"))
            }
        })
        .await
        .map_err(|e| e.context("uninstall stopped part-way; run floe uninstall again to finish"))?;
        if args.dry_run {
            ui.step(Mark::Done, "dry run finished; nothing was deleted");
        } else {
            ui.step(Mark::Done, "uninstall finished");
        }
        Ok(())
    })
}
