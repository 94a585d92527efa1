//! `floe create source|sync|helmrelease`: build a Flux object from flags, then print it (`--export`) or apply it.

use clap::{Args, Subcommand};

use super::GlobalArgs;
use super::create_helmrelease::HelmReleaseArgs;
use super::create_source::SourceArgs;
use super::create_sync::SyncArgs;
use crate::ui::Ui;

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(subcommand)]
    pub command: CreateCommand,
}

#[derive(Debug, Subcommand)]
pub enum CreateCommand {
    /// Create or update a source: git, helm, oci or bucket
    Source(SourceArgs),
    /// Create or update a sync (a Flux Kustomization) that applies a path of a source
    #[command(visible_aliases = ["kustomization", "ks"])]
    Sync(SyncArgs),
    /// Create or update a Helm release (a Flux HelmRelease) of a chart
    #[command(name = "helmrelease", visible_alias = "hr")]
    HelmRelease(Box<HelmReleaseArgs>),
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: CreateArgs) -> anyhow::Result<()> {
    match args.command {
        CreateCommand::Source(source) => super::create_source::run(global, ui, source),
        CreateCommand::Sync(sync) => super::create_sync::run(global, ui, sync),
        CreateCommand::HelmRelease(hr) => super::create_helmrelease::run(global, ui, *hr),
    }
}
