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
use super::{Applied, FluxObject, Manages, ObjectRef, Role};
use crate::kinds::duration::GoDuration;

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

/// An inventory entry that names no object the API server could hold: reported as such,
/// never sent to the server as a path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("malformed inventory entry {id:?}: {reason}")]
pub struct MalformedEntry {
    pub id: String,
    pub reason: String,
}

impl InventoryEntry {
    /// The object its id names, parsed as cli-utils' `ParseObjMetadata` parses it: the
    /// namespace up to the first `_`, the kind after the last, the group before that, the
    /// name in between with `__` standing for `:` (RBAC names). Each part is then checked as
    /// the API server checks it, so a hostile id (`apps_../x_apps_Deployment`) cannot become a
    /// request path.
    pub fn object(&self) -> Result<InventoryObject, MalformedEntry> {
        let bad = |reason: &str| MalformedEntry {
            id: self.id.clone(),
            reason: reason.to_string(),
        };
        let (namespace, rest) = self
            .id
            .split_once('_')
            .ok_or_else(|| bad("not <namespace>_<name>_<group>_<kind>"))?;
        let (rest, kind) = rest
            .rsplit_once('_')
            .ok_or_else(|| bad("not <namespace>_<name>_<group>_<kind>"))?;
        let (name, group) = rest
            .rsplit_once('_')
            .ok_or_else(|| bad("not <namespace>_<name>_<group>_<kind>"))?;
        if name.replace("__", "").contains('_') {
            return Err(bad("the name holds a '_' (only '__', for ':', is allowed)"));
        }
        let name = name.replace("__", ":");
        if !namespace.is_empty() && !super::names::is_dns_label(namespace) {
            return Err(bad("the namespace is not an RFC 1123 label"));
        }
        if name.is_empty()
            || name == "."
            || name == ".."
            || name.contains(['/', '%', '?', '#'])
            || name.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            // The API server's rule for names in a path, plus what would end the path.
            return Err(bad(
                "the name is empty, '.' or '..', or holds '/', '%', '?', '#', white space or a \
                 control character",
            ));
        }
        if !group.is_empty() && !super::names::is_dns_subdomain(group) {
            return Err(bad("the group is not a DNS subdomain"));
        }
        if kind.is_empty() || !kind.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(bad("the kind is not a name of letters and digits"));
        }
        if self.v.is_empty() || !self.v.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(bad("the version ('v') is not a name of letters and digits"));
        }
        Ok(InventoryObject {
            namespace: namespace.to_string(),
            name,
            group: group.to_string(),
            version: self.v.clone(),
            kind: kind.to_string(),
        })
    }
}

impl InventoryObject {
    /// The entry's id, as kustomize-controller writes it.
    pub fn id(&self) -> String {
        format!(
            "{}_{}_{}_{}",
            self.namespace,
            self.name.replace(':', "__"),
            self.group,
            self.kind
        )
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
    const MANAGES: Manages = Manages::Inventory;

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

    fn source_path(&self) -> Option<&str> {
        self.spec.path.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn entry(id: &str) -> InventoryEntry {
        InventoryEntry {
            id: id.to_string(),
            v: "v1".to_string(),
        }
    }

    #[test]
    fn inventory_ids_parse_as_cli_utils_parses_them() {
        let rbac = entry("_system__controller__flux_rbac.authorization.k8s.io_ClusterRole")
            .object()
            .unwrap();
        assert_eq!(
            (rbac.namespace.as_str(), rbac.name.as_str(), rbac.group.as_str()),
            ("", "system:controller:flux", "rbac.authorization.k8s.io")
        );
        let web = entry("apps_web_apps_Deployment").object().unwrap();
        assert_eq!(web.to_string(), "Deployment/apps/web");
        assert_eq!(web.id(), "apps_web_apps_Deployment");
        for hostile in [
            "apps_../x_apps_Deployment",
            "team/../kube-system_web_apps_Deployment",
            "apps_web?dryRun=All_apps_Deployment",
            "apps_a%2Fb_apps_Deployment",
            "apps_.._apps_Deployment",
            "apps_web_apps/v1_Deployment",
            "apps_web__Deploy/ment",
            "apps_we_b_apps_Deployment",
            "nounderscores",
            "a_b",
        ] {
            let err = entry(hostile).object().unwrap_err();
            assert_eq!(err.id, hostile);
        }
    }

    proptest! {
        #[test]
        fn inventory_ids_never_panic_and_round_trip(id in ".{0,80}", v in "[a-z0-9]{0,4}") {
            let entry = InventoryEntry { id: id.clone(), v };
            if let Ok(object) = entry.object() {
                prop_assert_eq!(object.id(), id);
            }
        }

        #[test]
        fn valid_objects_round_trip(
            namespace in "([a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?)?",
            name in "[a-z0-9]([a-z0-9.:-]{0,20}[a-z0-9])?",
            group in "([a-z0-9]{1,8}(\\.[a-z0-9]{1,8}){0,2})?",
            kind in "[A-Z][A-Za-z0-9]{0,12}",
        ) {
            let object = InventoryObject {
                namespace, name, group, version: "v1".into(), kind,
            };
            let parsed = InventoryEntry { id: object.id(), v: "v1".into() }.object();
            prop_assert_eq!(parsed, Ok(object));
        }
    }
}
