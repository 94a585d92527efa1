//! `floe create`: build a Flux object from flags, then print it (`--export`) or apply it.

use clap::{Args, Subcommand};
use serde::Serialize;
use std::io::Write;

use super::GlobalArgs;
use super::create_source::SourceArgs;
use super::create_sync::SyncArgs;
use crate::manifests::create::ObjectOptions;
use crate::manifests::duration::GoDuration;
use crate::manifests::export_yaml;
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
}

/// Flags every `create` command takes.
#[derive(Debug, Clone, Args)]
pub struct CreateFlags {
    /// How often Flux reconciles the object, e.g. 30s, 1m, 1h
    #[arg(long, default_value = "1m", value_name = "DURATION")]
    pub interval: GoDuration,
    /// Set a label on the object, as key=value (repeat or separate with commas)
    #[arg(long = "label", value_name = "KEY=VALUE", value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Print the object as YAML to stdout instead of applying it
    #[arg(long)]
    pub export: bool,
}

impl CreateFlags {
    pub fn object(&self, global: &GlobalArgs, name: &str) -> ObjectOptions {
        ObjectOptions {
            name: name.to_string(),
            namespace: global.namespace.clone(),
            labels: self.labels.clone(),
            interval: self.interval,
        }
    }
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: CreateArgs) -> anyhow::Result<()> {
    match args.command {
        CreateCommand::Source(source) => super::create_source::run(global, ui, source),
        CreateCommand::Sync(sync) => super::create_sync::run(global, ui, sync),
    }
}

/// Prints the built object with `--export`; applying to a cluster comes with the cluster layer.
pub fn export_or_apply<K: Serialize + kube::Resource<DynamicType = ()>>(
    object: &K,
    flags: &CreateFlags,
) -> anyhow::Result<()> {
    if flags.export {
        std::io::stdout()
            .lock()
            .write_all(export_yaml(object).as_bytes())?;
        return Ok(());
    }
    anyhow::bail!(
        "applying a {kind} to the cluster is not available in this floe release yet; add --export to print it and apply it with kubectl apply -f -",
        kind = K::kind(&())
    )
}
