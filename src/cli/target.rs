//! Naming Flux objects on the command line: `source git NAME`, `sync NAME`, shared by
//! reconcile, suspend, resume, delete and export.

use clap::{Args, Subcommand, ValueEnum};

use crate::objects::ObjectRef;
use crate::status::FluxKind;

/// A source kind as typed after `source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceKind {
    Git,
    Helm,
    Oci,
    Bucket,
}

impl SourceKind {
    pub fn flux_kind(self) -> FluxKind {
        match self {
            SourceKind::Git => FluxKind::GitRepository,
            SourceKind::Helm => FluxKind::HelmRepository,
            SourceKind::Oci => FluxKind::OCIRepository,
            SourceKind::Bucket => FluxKind::Bucket,
        }
    }
}

/// One named object: `source KIND NAME` or `sync NAME`.
#[derive(Debug, Subcommand)]
pub enum Target {
    /// A source: git, helm, oci or bucket
    #[command(
        visible_alias = "sources",
        after_help = "Examples:\n  floe suspend source git podinfo\n  floe resume source helm charts\n  floe delete source oci manifests --yes"
    )]
    Source(SourceTarget),
    /// A sync (a Flux Kustomization)
    #[command(
        visible_aliases = ["syncs", "kustomization", "ks"],
        after_help = "Examples:\n  floe suspend sync apps\n  floe resume ks apps\n  floe delete sync apps --yes"
    )]
    Sync(NameArg),
}

#[derive(Debug, Args)]
pub struct SourceTarget {
    /// Which kind of source
    #[arg(value_enum)]
    pub kind: SourceKind,
    /// The source's name
    pub name: String,
}

#[derive(Debug, Args)]
pub struct NameArg {
    /// The object's name
    pub name: String,
}

impl Target {
    pub fn object(&self, namespace: &str) -> ObjectRef {
        match self {
            Target::Source(s) => ObjectRef::new(s.kind.flux_kind(), namespace, &s.name),
            Target::Sync(s) => ObjectRef::new(FluxKind::Kustomization, namespace, &s.name),
        }
    }
}
