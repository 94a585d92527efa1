//! `floe stats [-A]`: per Flux kind, the objects running, failing and suspended and the storage
//! their artefacts use, printed as `flux stats` prints it ([`crate::stats`]), or as JSON.

use std::io::Write;

use clap::Args;

use super::output::{self, Format};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::Ui;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # The counts in a namespace\n  floe stats --namespace default\n\n  \
    # The counts in the whole cluster, as JSON\n  floe stats -A -o json")]
pub struct StatsArgs {
    /// Count the objects of every namespace
    #[arg(short = 'A', long = "all-namespaces")]
    pub all_namespaces: bool,
    /// Output format
    #[arg(short = 'o', long, value_parser = output::parser(output::REPORTS), default_value = "text")]
    pub output: Format,
}

pub fn run(global: &GlobalArgs, _ui: &Ui, args: StatsArgs) -> anyhow::Result<()> {
    block_on(|| async {
        let cluster = connect(global).await?;
        let namespace = (!args.all_namespaces).then_some(global.namespace.as_str());
        let stats = crate::stats::collect(&cluster, namespace).await?;
        let text = match args.output {
            Format::Json => serde_json::to_string_pretty(&stats)? + "\n",
            _ => output::tables::stats(&stats),
        };
        std::io::stdout().lock().write_all(text.as_bytes())?;
        Ok(())
    })
}
