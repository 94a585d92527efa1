//! `kustomize.toolkit.fluxcd.io/v1`: the Kustomization that syncs a path of a source to the
//! cluster (floe calls it a sync).

use std::borrow::Cow;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition;
use kube::CustomResource;
use serde::{Deserialize, Serialize};

pub use super::meta::DependencyReference;
use super::meta::{
    HistorySnapshot, LocalObjectReference, NamespacedObjectKindReference, OtherFields, is_false,
};
use super::{Applied, FluxObject, ObjectRef, Role};
use crate::manifests::duration::GoDuration;

pub const GROUP: &str = "kustomize.toolkit.fluxcd.io";

#[derive(CustomResource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "kustomize.toolkit.fluxcd.io",
    version = "v1",
    kind = "Kustomization",
    plural = "kustomizations",
    shortname = "ks",
    namespaced,
    status = "KustomizationStatus",
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
pub struct KustomizationSpec {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<DependencyReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decryption: Option<Decryption>,
    pub interval: GoDuration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<GoDuration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Always written, as Flux does: `prune: false` is a decision, not an omission.
    pub prune: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub health_checks: Vec<NamespacedObjectKindReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_account_name: Option<String>,
    pub source_ref: CrossNamespaceSourceReference,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspend: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_namespace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<GoDuration>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub force: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub wait: bool,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Decryption {
    pub provider: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_ref: Option<LocalObjectReference>,
}

/// `spec.sourceRef`: the source to apply from.
pub type CrossNamespaceSourceReference = NamespacedObjectKindReference;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KustomizationStatus {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_applied_revision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_attempted_revision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_handled_reconcile_at: Option<String>,
    /// What was applied, newest first (see [`HistorySnapshot`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistorySnapshot>,
    /// The objects the last successful apply wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory: Option<Inventory>,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// `status.inventory`: the objects a Kustomization applied.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Inventory {
    #[serde(default)]
    pub entries: Vec<InventoryEntry>,
}

/// One object: `id` is `<namespace>_<name>_<group>_<kind>` (cli-utils' ObjMetadata), `v` its
/// API version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InventoryEntry {
    pub id: String,
    #[serde(default)]
    pub v: String,
}

/// An object of an inventory, its id split.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct InventoryObject {
    pub namespace: String,
    pub name: String,
    pub group: String,
    pub version: String,
    pub kind: String,
}

impl InventoryEntry {
    /// The object, or None for an id that is not `<namespace>_<name>_<group>_<kind>`.
    pub fn object(&self) -> Option<InventoryObject> {
        let mut parts = self.id.splitn(4, '_');
        let namespace = parts.next()?.to_string();
        let name = parts.next()?.to_string();
        let group = parts.next()?.to_string();
        let kind = parts.next()?.to_string();
        Some(InventoryObject {
            namespace,
            name,
            group,
            version: self.v.clone(),
            kind,
        })
    }
}

impl std::fmt::Display for InventoryObject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.namespace.is_empty() {
            write!(f, "{}/{}", self.kind, self.name)
        } else {
            write!(f, "{}/{}/{}", self.kind, self.namespace, self.name)
        }
    }
}

impl FluxObject for Kustomization {
    const CONTROLLER: &'static str = "kustomize-controller";
    const ROLE: Role = Role::Sync;
    const WORDS: &'static [&'static str] =
        &["sync", "syncs", "kustomization", "kustomizations", "ks"];
    const ABOUT: &'static str = "syncs (Flux Kustomizations)";

    fn conditions(&self) -> &[Condition] {
        self.status.as_ref().map_or(&[], |s| &s.conditions)
    }
    fn observed_generation(&self) -> Option<i64> {
        self.status.as_ref()?.observed_generation
    }
    fn revision(&self) -> Option<Cow<'_, str>> {
        self.status.as_ref()?.last_applied_revision.as_deref().map(Cow::Borrowed)
    }
    fn attempted_revision(&self) -> Option<&str> {
        self.status.as_ref()?.last_attempted_revision.as_deref()
    }
    fn last_handled_reconcile_at(&self) -> Option<&str> {
        self.status.as_ref()?.last_handled_reconcile_at.as_deref()
    }
    fn suspended(&self) -> bool {
        self.spec.suspend
    }
    fn history(&self) -> Vec<Applied> {
        let Some(status) = &self.status else {
            return Vec::new();
        };
        status
            .history
            .iter()
            .map(|s| Applied {
                revision: s.metadata.get("revision").cloned().unwrap_or_default(),
                result: s.last_reconciled_status.clone(),
                succeeded: s.last_reconciled_status == "ReconciliationSucceeded",
                first: s.first_reconciled.clone(),
                last: s.last_reconciled.clone(),
                duration: s.last_reconciled_duration.clone(),
                digest: s.digest.clone(),
                count: Some(s.total_reconciliations),
            })
            .collect()
    }
    /// The source named by `spec.sourceRef` (its namespace defaults to the Kustomization's).
    fn source(&self) -> Option<ObjectRef> {
        let own = self.metadata.namespace.as_deref().unwrap_or_default();
        self.spec.source_ref.object_ref(own)
    }
}
