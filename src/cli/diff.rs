//! `floe diff sync NAME --path DIR`: what applying the local checkout would change on the
//! cluster: objects created, changed (a diff, Secret values masked) and pruned.

use clap::Args;

use super::build::{PreviewFlags, check_version};
use super::output::{self, Format};
use super::target::{OneSync, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::Ui;
use crate::preview::{self, diff};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # In a pull-request job: exit 1 when merging would change the cluster\n  \
    floe diff sync apps --path ./clusters/prod/apps --exit-code\n\n  \
    floe diff sync apps --path ./apps -o json")]
pub struct DiffArgs {
    #[command(subcommand)]
    pub target: Targets<OneSync>,
    #[command(flatten)]
    pub flags: PreviewFlags,
    /// Exit with 1 when anything would change (as git diff --exit-code; flux diff always does)
    #[arg(long = "exit-code", global = true)]
    pub exit_code: bool,
    /// Accepted for flux's spelling: floe shows progress only on a terminal
    #[arg(long = "progress-bar", hide = true, global = true, num_args = 0..=1, default_missing_value = "true")]
    pub progress_bar: Option<bool>,
    /// Output format: text, or json (docs/output.md)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(output::REPORTS), default_value = "text")]
    pub output: Format,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: DiffArgs) -> anyhow::Result<()> {
    let name = args.target.names[0].clone();
    let mut opts = args.flags.options(global, &name, false)?;
    // The server is asked what the controller would apply: the Secrets' own values go to its
    // dry run, and are masked in everything printed.
    opts.reveal_secrets = true;
    block_on(|| async {
        check_version(ui, &opts.kustomize).await;
        let cluster = connect(global).await?;
        let built = preview::build(Some(&cluster), &opts).await?;
        let result = diff::diff(&cluster, &built).await?;
        let out = match args.output {
            Format::Json => output::json_document(&result)?,
            _ => output::tables::sync_diff(&result),
        };
        output::write(&out)?;
        let changes = result
            .changes
            .iter()
            .filter(|c| c.action != diff::Action::Skipped)
            .count();
        if args.exit_code && changes > 0 {
            anyhow::bail!(
                "{changes} change(s) to the cluster from sync {}; merge to apply them, or fix the checkout",
                result.sync
            );
        }
        Ok(())
    })
}
