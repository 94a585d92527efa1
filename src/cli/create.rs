//! `floe create ...`: build a Flux object (or a Secret, or a tenant) from flags, then print it
//! (`--export`) or apply it.

use super::deferred::Deferred;
use clap::{Args, Subcommand};

use super::GlobalArgs;
use super::create_helmrelease::HelmReleaseArgs;
use super::create_image::ImageArgs;
use super::create_notification::{AlertArgs, AlertProviderArgs, ReceiverArgs};
use super::create_secret::SecretArgs;
use super::create_source::SourceArgs;
use super::create_sync::SyncArgs;
use super::create_tenant::TenantArgs;
use crate::cli::ui::Ui;

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(subcommand)]
    pub command: CreateCommand,
}

#[derive(Debug, Subcommand)]
pub enum CreateCommand {
    /// Create or update a source: git, helm, oci, bucket or chart
    Source(Deferred<SourceArgs>),
    /// Create or update a sync (a Flux Kustomization) that applies a path of a source
    #[command(visible_aliases = ["kustomization", "ks"])]
    Sync(Deferred<SyncArgs>),
    /// Create or update a Helm release (a Flux HelmRelease) of a chart
    #[command(name = "helmrelease", visible_alias = "hr")]
    HelmRelease(Deferred<Box<HelmReleaseArgs>>),
    /// Create or update an alert provider (a Flux notification Provider): where alerts go
    #[command(name = "alert-provider")]
    AlertProvider(Deferred<AlertProviderArgs>),
    /// Create or update an Alert: which objects' events go to a provider
    Alert(Deferred<AlertArgs>),
    /// Create or update a Receiver: a webhook that reconciles objects when called
    Receiver(Deferred<ReceiverArgs>),
    /// Create or update image automation: repository, policy or update
    Image(Deferred<ImageArgs>),
    /// Create or update a Secret Flux reads credentials from
    Secret(Deferred<SecretArgs>),
    /// Create or update a tenant: namespaces, a ServiceAccount and its RoleBindings
    Tenant(Deferred<TenantArgs>),
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: CreateArgs) -> anyhow::Result<()> {
    match args.command {
        CreateCommand::Source(Deferred(source)) => super::create_source::run(global, ui, source),
        CreateCommand::Sync(Deferred(sync)) => super::create_sync::run(global, ui, sync),
        CreateCommand::HelmRelease(Deferred(hr)) => super::create_helmrelease::run(global, ui, *hr),
        CreateCommand::AlertProvider(Deferred(a)) => {
            super::create_notification::run_provider(global, ui, a)
        }
        CreateCommand::Alert(Deferred(a)) => super::create_notification::run_alert(global, ui, a),
        CreateCommand::Receiver(Deferred(a)) => {
            super::create_notification::run_receiver(global, ui, a)
        }
        CreateCommand::Image(Deferred(a)) => super::create_image::run(global, ui, a),
        CreateCommand::Secret(Deferred(a)) => super::create_secret::run(global, ui, a),
        CreateCommand::Tenant(Deferred(a)) => super::create_tenant::run(global, ui, a),
    }
}
