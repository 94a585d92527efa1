//! `floe version`.

use clap::Args;
use std::io::Write;

use crate::DEFAULT_FLUX_VERSION;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  floe version\n  floe version -o json")]
pub struct VersionArgs {
    /// Print only the client versions (the cluster is not asked yet in this release)
    #[arg(long)]
    pub client: bool,
    /// Output format
    #[arg(short = 'o', long, value_enum, default_value = "text")]
    pub output: VersionFormat,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum VersionFormat {
    Text,
    Json,
}

pub fn run(args: VersionArgs) -> anyhow::Result<()> {
    let floe = format!("v{}", env!("CARGO_PKG_VERSION"));
    let text = match args.output {
        VersionFormat::Text => format!("floe: {floe}\nflux: {DEFAULT_FLUX_VERSION}\n"),
        VersionFormat::Json => {
            let doc = serde_json::json!({ "floe": floe, "flux": DEFAULT_FLUX_VERSION });
            format!("{}\n", serde_json::to_string_pretty(&doc)?)
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
