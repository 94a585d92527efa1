//! `floe check [--pre]`.

use std::io::Write;

use clap::Args;

use super::output::{self, Format};
use super::{GlobalArgs, block_on, connect};
use crate::check::{Check, install_checks, pre_checks};
use crate::cli::ui::{Mark, Ui};
use crate::install::fetch::normalize_version;
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # Can Flux be installed on this cluster by me?\n  \
    floe check --pre\n\n  \
    # Is the installed Flux healthy? (exit code 1 if not)\n  \
    floe check -o json")]
pub struct CheckArgs {
    /// Check the prerequisites for installing Flux instead of the installed components
    #[arg(long)]
    pub pre: bool,
    /// Flux release whose Kubernetes minimum --pre checks against
    #[arg(long = "version", default_value = crate::DEFAULT_FLUX_VERSION, value_name = "VERSION")]
    pub flux_version: String,
    /// Report a server older than the Flux release needs as passing (at your own risk)
    #[arg(long = "skip-version-check")]
    pub skip_version_check: bool,
    /// Check only these components (default: every Flux controller installed; comma-separated or repeated)
    #[arg(long, value_delimiter = ',', value_name = "NAME")]
    pub components: Vec<String>,
    /// Check these components too, beside --components or the default ones
    #[arg(long = "components-extra", value_delimiter = ',', value_name = "NAME")]
    pub components_extra: Vec<String>,
    /// Output format (json is documented in docs/output.md)
    #[arg(short = 'o', long, value_parser = output::parser(output::REPORTS), default_value = "text")]
    pub output: Format,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: CheckArgs) -> anyhow::Result<()> {
    let flux_version = normalize_version(&args.flux_version)?;
    let known = || {
        crate::kinds::DEFAULT_COMPONENTS
            .iter()
            .chain(crate::kinds::EXTRA_COMPONENTS)
    };
    for name in args.components.iter().chain(&args.components_extra) {
        if !known().any(|k| k == name) {
            return Err(InvalidInput::new(format!(
                "invalid component {name:?}: allowed are {}",
                known().copied().collect::<Vec<_>>().join(", ")
            ))
            .into());
        }
    }
    // As flux: --components-extra alone adds to the default components.
    let components: Option<Vec<String>> =
        if args.components.is_empty() && args.components_extra.is_empty() {
            None
        } else {
            let mut list: Vec<String> = if args.components.is_empty() {
                crate::kinds::DEFAULT_COMPONENTS
                    .iter()
                    .map(|c| c.to_string())
                    .collect()
            } else {
                args.components.clone()
            };
            for extra in &args.components_extra {
                if !list.contains(extra) {
                    list.push(extra.clone());
                }
            }
            Some(list)
        };
    let checks = block_on(|| async {
        let cluster = connect(global).await?;
        if args.pre {
            pre_checks(
                &cluster,
                &global.namespace,
                &flux_version,
                args.skip_version_check,
            )
            .await
        } else {
            install_checks(&cluster, &global.namespace, components.as_deref()).await
        }
    })?;
    report(&checks, args.output, ui)
}

/// Prints the checks and fails when any did.
pub fn report(checks: &[Check], format: Format, ui: &Ui) -> anyhow::Result<()> {
    let failed = checks.iter().filter(|c| !c.ok).count();
    match format {
        Format::Table | Format::Text | Format::Yaml => {
            let mut out = std::io::stdout().lock();
            for check in checks {
                let mark = if check.ok { Mark::Done } else { Mark::Failed };
                writeln!(
                    out,
                    "{}",
                    ui.format_step(mark, &format!("{}: {}", check.name, check.message))
                )?;
            }
        }
        Format::Json => {
            let doc = serde_json::json!({ "ok": failed == 0, "checks": checks });
            output::write(&output::json_document(&doc)?)?;
        }
    }
    output::github::report_findings(
        &format!("floe check: {failed} of {} checks failed", checks.len()),
        || {
            let mut rows = vec![vec!["CHECK".to_string(), "MESSAGE".to_string()]];
            rows.extend(
                checks
                    .iter()
                    .filter(|c| !c.ok)
                    .map(|c| vec![c.name.clone(), c.message.clone()]),
            );
            rows
        },
        Some((0, &[1])),
    );
    if failed > 0 {
        anyhow::bail!("{failed} of {} checks failed", checks.len());
    }
    Ok(())
}
