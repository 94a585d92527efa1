//! `floe export source KIND [NAME|--all]` and `floe export sync [NAME|--all]`: the live
//! objects as clean YAML, ready to commit to Git.

use std::io::Write;

use clap::{Args, Subcommand};

use super::target::SourceKind;
use super::{GlobalArgs, block_on, connect};
use crate::objects;
use crate::status::FluxKind;
use crate::ui::Ui;
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe export source git --all > sources.yaml\n  \
    floe export sync apps\n  \
    floe export sync --all -A")]
pub struct ExportArgs {
    #[command(subcommand)]
    pub target: ExportTarget,
}

#[derive(Debug, Subcommand)]
pub enum ExportTarget {
    /// Sources: git, helm, oci or bucket
    #[command(
        visible_alias = "sources",
        after_help = "Examples:\n  floe export source git podinfo\n  floe export source helm --all -A > helm-sources.yaml"
    )]
    Source(ExportSource),
    /// Syncs (Flux Kustomizations)
    #[command(
        visible_aliases = ["syncs", "kustomization", "ks"],
        after_help = "Examples:\n  floe export sync apps\n  floe export ks --all > syncs.yaml"
    )]
    Sync(ExportFlags),
}

#[derive(Debug, Args)]
pub struct ExportSource {
    /// Which kind of source
    #[arg(value_enum)]
    pub kind: SourceKind,
    #[command(flatten)]
    pub flags: ExportFlags,
}

#[derive(Debug, Args)]
pub struct ExportFlags {
    /// The object to export
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub name: Option<String>,
    /// Export every object of the kind in the namespace
    #[arg(long)]
    pub all: bool,
    /// With --all, export from every namespace
    #[arg(short = 'A', long = "all-namespaces", requires = "all")]
    pub all_namespaces: bool,
}

pub fn run(global: &GlobalArgs, _ui: &Ui, args: ExportArgs) -> anyhow::Result<()> {
    let (kind, flags) = match &args.target {
        ExportTarget::Source(s) => (s.kind.flux_kind(), &s.flags),
        ExportTarget::Sync(flags) => (FluxKind::Kustomization, flags),
    };
    if let Some(name) = &flags.name {
        crate::manifests::validate::rfc1123_name("name", name)?;
    } else if !flags.all {
        return Err(InvalidInput::new("give a NAME or --all").into());
    }
    block_on(async {
        let cluster = connect(global).await?;
        let namespace = (!flags.all_namespaces).then_some(global.namespace.as_str());
        let yaml = objects::export(&cluster, kind, namespace, flags.name.as_deref()).await?;
        std::io::stdout().lock().write_all(yaml.as_bytes())?;
        Ok(())
    })
}
