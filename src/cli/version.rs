//! `floe version`: floe's version, commit and build date, the Flux version it installs, and the Flux version running on
//! the cluster when the cluster can be reached.

use std::io::Write;
use std::time::Duration;

use clap::Args;

use super::output::{self, Format};
use super::{GlobalArgs, block_on, connect};
use crate::DEFAULT_FLUX_VERSION;
use crate::cli::ui::{Mark, Ui};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  floe version\n  floe version --client -o json")]
pub struct VersionArgs {
    /// Print only the client versions; do not ask the cluster
    #[arg(long)]
    pub client: bool,
    /// Output format
    #[arg(short = 'o', long, value_parser = output::parser(output::REPORTS), default_value = "text")]
    pub output: Format,
}

/// The commit floe was built from (empty when built outside a checkout without `FLOE_COMMIT`)
/// and the day it was built, UTC (scripts/build.rs).
pub const COMMIT: &str = env!("FLOE_COMMIT");
pub const BUILD_DATE: &str = env!("FLOE_BUILD_DATE");

pub fn run(global: &GlobalArgs, ui: &Ui, args: VersionArgs) -> anyhow::Result<()> {
    let floe = format!("v{}", env!("CARGO_PKG_VERSION"));
    let cluster = if args.client {
        None
    } else {
        Some(cluster_flux_version(global))
    };
    let text = match args.output {
        Format::Table | Format::Text | Format::Yaml => {
            let mut text = format!("floe: {floe}\n");
            if !COMMIT.is_empty() {
                text.push_str(&format!("commit: {COMMIT}\n"));
            }
            text.push_str(&format!(
                "built: {BUILD_DATE}\nflux: {DEFAULT_FLUX_VERSION}\n"
            ));
            match &cluster {
                Some(Ok(Some(version))) => text.push_str(&format!(
                    "cluster: {}\n",
                    output::sanitize(version, output::Keep::Nothing)
                )),
                Some(Ok(None)) => text.push_str(&format!(
                    "cluster: Flux is not installed in namespace {}\n",
                    global.namespace
                )),
                _ => {}
            }
            text
        }
        Format::Json => {
            let mut doc = serde_json::json!({
                "floe": floe,
                "commit": (!COMMIT.is_empty()).then_some(COMMIT),
                "built": BUILD_DATE,
                "flux": DEFAULT_FLUX_VERSION,
            });
            if let Some(Ok(version)) = &cluster {
                doc["cluster"] = serde_json::json!(version);
            }
            output::json_document(&doc)?
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    // The cluster's version is shown when it can be read; when it cannot, the client versions
    // still answer the question and the reason goes to stderr.
    if let Some(Err(err)) = cluster {
        ui.step(
            Mark::Warning,
            &format!("cannot read the Flux version from the cluster: {err:#}"),
        );
    }
    Ok(())
}

/// The version label of the Flux namespace: `Ok(None)` when Flux is not installed there.
fn cluster_flux_version(global: &GlobalArgs) -> anyhow::Result<Option<String>> {
    block_on(|| async {
        let lookup = async {
            let cluster = connect(global).await?;
            anyhow::Ok(crate::check::installed_version(&cluster, &global.namespace).await?)
        };
        // `version` should answer quickly even when the cluster is slow to respond.
        let limit = global.timeout.0.min(Duration::from_secs(10));
        tokio::time::timeout(limit, lookup)
            .await
            .unwrap_or_else(|_| anyhow::bail!("the cluster did not answer within {limit:?}"))
    })
}
