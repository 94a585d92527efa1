//! `floe drift [sync NAME | -A] [--exit-code]`: objects of the syncs' inventories deleted or
//! changed outside Git, and syncs behind their source.

use clap::Args;

use super::output::{self, Format};
use super::target::{OneSync, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::Ui;
use crate::drift::{self, SyncDrift};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # Every sync in the namespace; exit 1 when anything drifted (for CI and cron)\n  \
    floe drift --exit-code\n\n  \
    floe drift sync apps -o json\n  \
    floe drift -A")]
pub struct DriftArgs {
    #[command(subcommand)]
    pub target: Option<Targets<OneSync>>,
    /// Every sync in every namespace
    #[arg(short = 'A', long = "all-namespaces", global = true)]
    pub all_namespaces: bool,
    /// Exit with 1 when anything drifted
    #[arg(long = "exit-code", global = true)]
    pub exit_code: bool,
    /// Output format (json and yaml are documented in docs/output.md)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(output::LISTS), default_value = "table")]
    pub output: Format,
}

pub fn run(global: &GlobalArgs, _ui: &Ui, args: DriftArgs) -> anyhow::Result<()> {
    let target = match &args.target {
        Some(target) => {
            crate::manifests::validate::rfc1123_name("name", &target.names[0])?;
            Some(target.objects(&global.namespace).remove(0))
        }
        None => None,
    };
    block_on(|| async {
        let cluster = connect(global).await?;
        let namespace = (!args.all_namespaces).then_some(global.namespace.as_str());
        let syncs = drift::drift(&cluster, target.as_ref(), namespace).await?;
        let drifted: Vec<SyncDrift> = syncs.into_iter().filter(|s| !s.drifts.is_empty()).collect();
        let count: usize = drifted.iter().map(|s| s.drifts.len()).sum();
        let out = match args.output {
            _ if drifted.is_empty() && args.output == Format::Table => String::new(),
            Format::Json => output::json_document(&drifted)?,
            Format::Yaml => output::yaml_document(&drifted)?,
            Format::Table | Format::Text => output::table(&output::tables::drift(&drifted)),
        };
        output::write(&out)?;
        output::github::report_findings(
            &format!("floe drift: {count} drifted in {} sync(s)", drifted.len()),
            || output::tables::drift(&drifted),
            args.exit_code.then_some((1, &[0, 2, 3])),
        );
        if args.exit_code && count > 0 {
            anyhow::bail!(
                "{count} drifted in {} sync(s); re-apply from Git with floe reconcile sync NAME, or commit the change",
                drifted.len()
            );
        }
        Ok(())
    })
}
