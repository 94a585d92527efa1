//! `floe history sync|hr NAME`: what the cluster applied, newest first, with the Git commit
//! behind each revision.

use clap::Args;

use super::output::{self, Format};
use super::target::{OneApplied, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::history::{self, GitReader};
use crate::kinds::ObjectRef;
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe history sync apps\n  \
    floe history sync apps --repo-dir=./fleet -o json\n  \
    GITHUB_TOKEN=... floe history sync flux-system\n  \
    floe history hr podinfo -n apps")]
pub struct HistoryArgs {
    #[command(subcommand)]
    pub target: Targets<OneApplied>,
    /// Read commits from this local clone instead of fetching them
    #[arg(long = "repo-dir", value_name = "DIR", global = true)]
    pub repo_dir: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub git: super::flags::GitAccessFlags,
    /// Output format (json and yaml are documented in docs/output.md)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(output::LISTS), default_value = "table")]
    pub output: Format,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: HistoryArgs) -> anyhow::Result<()> {
    let kind = args.target.kind();
    let name = args.target.names[0].clone();
    crate::manifests::validate::rfc1123_name("name", &name)?;
    let reader = match &args.repo_dir {
        Some(dir) if !dir.is_dir() => {
            return Err(InvalidInput::new(format!(
                "invalid --repo-dir '{}': no such directory",
                dir.display()
            ))
            .into());
        }
        Some(dir) => GitReader::Local(dir.clone()),
        None => GitReader::Remote(args.git.host(ui)?),
    };
    let target = ObjectRef::new(kind, &global.namespace, &name);
    block_on(|| async {
        let cluster = connect(global).await?;
        let history = history::history(&cluster, &target, Some(reader)).await?;
        if let Some(why) = &history.git_unavailable {
            ui.step(Mark::Warning, &format!("the Git columns are empty: {why}"));
        }
        let out = match args.output {
            Format::Json => output::json_document(&history)?,
            Format::Yaml => output::yaml_document(&history)?,
            Format::Table | Format::Text => {
                if history.rows.is_empty() {
                    ui.step(
                        Mark::Failed,
                        &format!("{target} has applied nothing yet (no status.history)"),
                    );
                    String::new()
                } else {
                    output::tables::history(&history.rows)
                }
            }
        };
        output::write(&out)?;
        Ok(())
    })
}
