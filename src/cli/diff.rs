//! `floe diff sync NAME --path DIR`: what applying the local checkout would change on the
//! cluster: objects created, changed (a diff, Secret values masked) and pruned.

use clap::Args;

use super::build::{PreviewFlags, check_version};
use super::output::{self, Format};
use super::target::{OneSync, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::preview::{self, diff};
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # In a pull-request job: exit 1 when merging would change the cluster\n  \
    floe diff sync apps --path ./clusters/prod/apps --exit-code\n\n  \
    floe diff sync apps --path ./apps -o json\n\n  \
    # Every sync of the namespace whose path is under ./clusters/prod in this checkout\n  \
    floe diff --path-prefix ./clusters/prod --exit-code")]
pub struct DiffArgs {
    #[command(subcommand)]
    pub target: Option<Targets<OneSync>>,
    /// Instead of one sync: every sync applying a path under DIR from this checkout's repository
    #[arg(
        long = "path-prefix",
        value_name = "DIR",
        global = true,
        conflicts_with = "path"
    )]
    pub path_prefix: Option<std::path::PathBuf>,
    /// With --path-prefix: the syncs of every namespace
    #[arg(
        short = 'A',
        long = "all-namespaces",
        global = true,
        requires = "path_prefix"
    )]
    pub all_namespaces: bool,
    #[command(flatten)]
    pub flags: PreviewFlags,
    /// Exit with 1 when anything would change (as git diff --exit-code; flux diff always does)
    #[arg(long = "exit-code", global = true)]
    pub exit_code: bool,
    /// Accepted for flux's spelling: with --kustomization-file the sync is read from the file
    /// whether or not the cluster has it
    #[arg(long = "ignore-not-found", hide = true, global = true)]
    pub ignore_not_found: bool,
    /// Accepted for flux's spelling: floe shows progress only on a terminal
    #[arg(long = "progress-bar", hide = true, global = true, num_args = 0..=1, default_missing_value = "true")]
    pub progress_bar: Option<bool>,
    /// Output format: text, or json (docs/output.md)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(output::REPORTS), default_value = "text")]
    pub output: Format,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: DiffArgs) -> anyhow::Result<()> {
    let single = match (&args.target, &args.path_prefix) {
        (Some(target), None) => {
            let name = target.names[0].clone();
            Some(args.flags.options(global, &name, false)?)
        }
        (None, Some(prefix)) if prefix.is_dir() => None,
        (None, Some(prefix)) => {
            return Err(InvalidInput::new(format!(
                "invalid --path-prefix '{}': not a directory; give a directory of the checkout",
                prefix.display()
            ))
            .into());
        }
        (Some(_), Some(_)) => {
            return Err(InvalidInput::new(
                "give either sync NAME --path DIR or --path-prefix DIR, not both",
            )
            .into());
        }
        (None, None) => {
            return Err(InvalidInput::new(
                "give sync NAME --path DIR, or --path-prefix DIR for every sync under a directory",
            )
            .into());
        }
    };
    block_on(|| async {
        let cluster = connect(global).await?;
        let mut all_options = Vec::new();
        match (single, &args.path_prefix) {
            (Some(opts), _) => all_options.push(opts),
            (None, Some(prefix)) => {
                let namespace = (!args.all_namespaces).then_some(global.namespace.as_str());
                let syncs = preview::syncs_under(&cluster, prefix, namespace).await?;
                if syncs.is_empty() {
                    ui.step(
                        Mark::Warning,
                        &format!(
                            "no sync applies a path under {} from this repository",
                            prefix.display()
                        ),
                    );
                }
                for sync in syncs {
                    all_options.push(args.flags.options_at(
                        &sync.namespace,
                        &sync.name,
                        &sync.path,
                        false,
                    )?);
                }
            }
            (None, None) => unreachable!("checked above"),
        }
        let mut diffs = Vec::new();
        for (i, mut opts) in all_options.into_iter().enumerate() {
            if i == 0 {
                check_version(ui, &opts.kustomize).await;
            }
            // The server is asked what the controller would apply: the Secrets' own values go
            // to its dry run, and are masked in everything printed.
            opts.reveal_secrets = true;
            let built = preview::build(Some(&cluster), &opts).await?;
            diffs.extend(diff::diff(&cluster, &built).await?);
        }
        let out = match args.output {
            Format::Json => output::json_document(&diffs)?,
            _ => output::tables::sync_diffs(&diffs),
        };
        output::write(&out)?;
        let changes: usize = diffs
            .iter()
            .flat_map(|d| &d.changes)
            .filter(|c| c.action != diff::Action::Skipped)
            .count();
        let changed = diffs
            .iter()
            .filter(|d| d.changes.iter().any(|c| c.action != diff::Action::Skipped))
            .count();
        output::github::report_findings(
            &format!("floe diff: {changes} change(s) from {changed} sync(s)"),
            || output::tables::sync_changes(&diffs),
            args.exit_code.then_some((1, &[0, 2])),
        );
        if args.exit_code && changes > 0 {
            anyhow::bail!(
                "{changes} change(s) to the cluster from {changed} sync(s); merge to apply them, or fix the checkout"
            );
        }
        Ok(())
    })
}
