//! `floe trace KIND NAME` and `floe tree sync|hr NAME`: who manages an object, and what a
//! sync or Helm release applied.

use clap::Args;

use super::output::{self, Format};
use super::target::{OneApplied, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::Ui;
use crate::trace;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe trace deployment podinfo -n apps\n  \
    floe trace configmap web-config -n apps -o json")]
pub struct TraceArgs {
    /// The object's kind, as kubectl takes it (deployment, Deployment, deployments)
    #[arg(value_name = "KIND")]
    pub kind: String,
    /// The object's name
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Output format: text, json or yaml (the chain, docs/output.md)
    #[arg(short = 'o', long, value_parser = output::parser(output::DOCUMENTS), default_value = "text")]
    pub output: Format,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe tree sync flux-system\n  \
    floe tree sync apps --status\n  \
    floe tree hr podinfo -n apps -o json")]
pub struct TreeArgs {
    #[command(subcommand)]
    pub target: Targets<OneApplied>,
    /// Show each object's status (kstatus: Current, InProgress, Failed, NotFound)
    #[arg(long, global = true)]
    pub status: bool,
    /// Output format: text, json or yaml (the tree, docs/output.md)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(output::DOCUMENTS), default_value = "text")]
    pub output: Format,
}

pub fn run_trace(global: &GlobalArgs, _ui: &Ui, args: TraceArgs) -> anyhow::Result<()> {
    crate::manifests::validate::rfc1123_subdomain("name", &args.name)?;
    block_on(|| async {
        let cluster = connect(global).await?;
        let chain = trace::trace(&cluster, &args.kind, &global.namespace, &args.name).await?;
        let out = match args.output {
            Format::Json => output::json_document(&chain)?,
            Format::Yaml => output::yaml_document(&chain)?,
            Format::Text | Format::Table => output::tree::chain(&chain),
        };
        output::write(&out)?;
        Ok(())
    })
}

pub fn run_tree(global: &GlobalArgs, _ui: &Ui, args: TreeArgs) -> anyhow::Result<()> {
    crate::manifests::validate::rfc1123_name("name", &args.target.names[0])?;
    let root = args.target.objects(&global.namespace).remove(0);
    block_on(|| async {
        let cluster = connect(global).await?;
        let node = trace::tree(&cluster, &root, args.status, 0).await?;
        let out = match args.output {
            Format::Json => output::json_document(&node)?,
            Format::Yaml => output::yaml_document(&node)?,
            Format::Text | Format::Table => output::tree::tree(&node),
        };
        output::write(&out)?;
        Ok(())
    })
}
