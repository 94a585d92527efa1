//! Reference and status types shared by the Flux API groups (`github.com/fluxcd/pkg/apis/meta`).

use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Fields this model does not name, kept so that live objects survive a read-modify-write.
pub type OtherFields = BTreeMap<String, Value>;

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocalObjectReference {
    pub name: String,
}

impl LocalObjectReference {
    pub fn named(name: impl Into<String>) -> Self {
        LocalObjectReference { name: name.into() }
    }
}

/// A reference to an object of a given kind, optionally in another namespace. Flux's Go API
/// has several names for this one shape (a Kustomization's and a HelmRelease's source
/// reference, a health check, a chart reference); they serialize alike.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamespacedObjectKindReference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    pub kind: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

impl NamespacedObjectKindReference {
    /// The object it names, its namespace defaulting to `own` (the referring object's); None
    /// for a kind floe does not know.
    pub fn object_ref(&self, own: &str) -> Option<super::ObjectRef> {
        let namespace = self.namespace.as_deref().unwrap_or(own);
        super::ObjectRef::named(&self.kind, namespace, &self.name)
    }
}

/// Another object of the same kind that must be ready first (`dependsOn`), optionally in
/// another namespace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DependencyReference {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// The artifact a source produced: what `get` shows as REVISION.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Artifact {
    #[serde(default)]
    pub revision: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_time: Option<String>,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// The status every Flux source carries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceStatus {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact: Option<Artifact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_handled_reconcile_at: Option<String>,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// One entry of `status.history` as kustomize-controller keeps it (fluxcd/pkg `meta.Snapshot`):
/// keyed by the digest of the applied manifests, newest first, at most 5; a reconciliation
/// with the same digest and result updates its entry and moves it to the front.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HistorySnapshot {
    #[serde(default)]
    pub digest: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_reconciled: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reconciled: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reconciled_duration: Option<String>,
    #[serde(default)]
    pub last_reconciled_status: String,
    #[serde(default)]
    pub total_reconciliations: i64,
    /// `revision` (and `originRevision`) of the source artifact applied.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}
