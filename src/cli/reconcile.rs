//! `floe reconcile source KIND NAME` and `floe reconcile sync NAME [--with-source]`.

use clap::{Args, Subcommand};

use super::target::SourceTarget;
use super::{GlobalArgs, block_on, connect};
use crate::objects::{self, ObjectRef};
use crate::status::FluxKind;
use crate::ui::{Mark, Ui};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe reconcile source git flux-system\n  \
    floe reconcile sync apps --with-source")]
pub struct ReconcileArgs {
    #[command(subcommand)]
    pub target: ReconcileTarget,
}

#[derive(Debug, Subcommand)]
pub enum ReconcileTarget {
    /// Fetch a source now: git, helm, oci or bucket
    #[command(
        visible_alias = "sources",
        after_help = "Examples:\n  floe reconcile source git flux-system\n  floe reconcile source helm charts -n apps"
    )]
    Source(SourceTarget),
    /// Apply a sync (a Flux Kustomization) now
    #[command(
        visible_aliases = ["syncs", "kustomization", "ks"],
        after_help = "Examples:\n  floe reconcile sync flux-system\n  floe reconcile ks apps --with-source"
    )]
    Sync(SyncTarget),
}

#[derive(Debug, Args)]
pub struct SyncTarget {
    /// The sync's name
    pub name: String,
    /// Fetch the sync's source first
    #[arg(long)]
    pub with_source: bool,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: ReconcileArgs) -> anyhow::Result<()> {
    let timeout = global.timeout.0;
    block_on(async {
        let cluster = connect(global).await?;
        let (target, with_source) = match &args.target {
            ReconcileTarget::Source(s) => (
                ObjectRef::new(s.kind.flux_kind(), &global.namespace, &s.name),
                false,
            ),
            ReconcileTarget::Sync(s) => (
                ObjectRef::new(FluxKind::Kustomization, &global.namespace, &s.name),
                s.with_source,
            ),
        };
        if with_source {
            let sync = target.get(&cluster).await?;
            let source = source_of(&sync, &global.namespace)?;
            reconcile_one(&cluster, ui, &source, timeout).await?;
        }
        reconcile_one(&cluster, ui, &target, timeout).await
    })
}

async fn reconcile_one(
    cluster: &crate::cluster::Cluster,
    ui: &Ui,
    target: &ObjectRef,
    timeout: std::time::Duration,
) -> anyhow::Result<()> {
    let what = format!("{} {}/{}", target.kind, target.namespace, target.name);
    target.get(cluster).await?;
    ui.step(
        Mark::Applying,
        &format!("annotating {what} for reconciliation"),
    );
    ui.step(Mark::Waiting, &format!("waiting for {what} reconciliation"));
    let object = objects::reconcile(cluster, target, timeout).await?;
    let at = super::create_common::at_revision(&target.kind.revision(&object));
    ui.step(Mark::Done, &format!("{what} reconciled{at}"));
    Ok(())
}

/// The source a Kustomization points at (its namespace defaults to the Kustomization's).
fn source_of(sync: &serde_json::Value, namespace: &str) -> anyhow::Result<ObjectRef> {
    let source = &sync["spec"]["sourceRef"];
    let kind = match source["kind"].as_str() {
        Some("GitRepository") => FluxKind::GitRepository,
        Some("OCIRepository") => FluxKind::OCIRepository,
        Some("Bucket") => FluxKind::Bucket,
        other => anyhow::bail!(
            "the sync's sourceRef kind {other:?} is not one floe reconciles (GitRepository, OCIRepository, Bucket)"
        ),
    };
    let name = source["name"].as_str().unwrap_or_default();
    let namespace = source["namespace"].as_str().unwrap_or(namespace);
    Ok(ObjectRef::new(kind, namespace, name))
}
