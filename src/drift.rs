//! `drift`: what changed in the cluster behind Git's back, read from the cluster's own
//! bookkeeping (no kustomize build): for every object in a sync's `status.inventory`,
//! **missing** (deleted outside Git) or **changed** (a field another field manager set after
//! kustomize-controller's last apply, to a value that apply does not share, named with that
//! manager); and the sync **behind**
//! (suspended, or not at its source's latest revision).
//!
//! What it cannot see: a change to a field Flux never set that no manager owns differently
//! (the apply did not set it, so nothing records a conflict); a write through a subresource
//! that the API server does not record in managedFields (the scale subresource before 1.22); and
//! writes by the controllers Kubernetes itself runs (`kube-*` managers, status), which are
//! ignored on purpose.

use std::collections::{BTreeMap, HashMap};

use kube::api::{Api, ListParams};
use kube::core::GroupVersionKind;
use kube::discovery::{ApiResource, Scope};
use serde::Serialize;
use serde_json::Value;

use crate::cluster::Cluster;
use crate::kinds::ObjectRef;
use crate::kinds::kustomization::{InventoryObject, Kustomization};
use crate::objects::ObjectError;

/// The field manager kustomize-controller applies with.
pub const FLUX_MANAGER: &str = "kustomize-controller";

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "drift", rename_all = "lowercase")]
pub enum Drift {
    /// The object is in the inventory but not in the cluster.
    Missing { object: InventoryObject },
    /// Another manager wrote the object after Flux's last apply.
    Changed {
        object: InventoryObject,
        manager: String,
        operation: String,
        time: Option<String>,
        fields: Vec<String>,
    },
    /// The sync does not apply what its source has.
    Behind { reason: String },
    /// An inventory entry that names no object (the rest are still checked).
    Malformed { id: String, reason: String },
}

/// A sync and what drifted from it.
#[derive(Debug, Clone, Serialize)]
pub struct SyncDrift {
    pub namespace: String,
    pub name: String,
    pub drifts: Vec<Drift>,
}

/// Field paths of a `fieldsV1` set: `{"f:spec":{"f:replicas":{}}}` → `spec.replicas`; list
/// items by key (`k:{"name":"web"}`) or value (`v:"x"`) in brackets.
pub fn field_paths(fields: &Value) -> Vec<String> {
    fn walk(value: &Value, prefix: &str, out: &mut Vec<String>) {
        let Some(map) = value.as_object() else {
            return;
        };
        let children: Vec<(&String, &Value)> =
            map.iter().filter(|(k, _)| k.as_str() != ".").collect();
        if children.is_empty() && !prefix.is_empty() {
            out.push(prefix.to_string());
            return;
        }
        for (key, child) in children {
            let part = if let Some(field) = key.strip_prefix("f:") {
                if prefix.is_empty() {
                    field.to_string()
                } else {
                    format!("{prefix}.{field}")
                }
            } else if let Some(item) = key.strip_prefix("k:").or_else(|| key.strip_prefix("v:")) {
                format!("{prefix}[{item}]")
            } else {
                format!("{prefix}.{key}")
            };
            walk(child, &part, out);
        }
    }
    let mut out = Vec::new();
    walk(fields, "", &mut out);
    out
}

/// The field managers of the tools that install Flux from the same release manifests a
/// bootstrap commits to Git: floe's and the flux CLI's.
const INSTALLERS: [&str; 2] = [crate::cluster::FIELD_MANAGER, "flux"];

/// Whether a manager's writes are drift: not Flux's own, not Kubernetes' controllers, not a
/// status write, and not an installer applying Flux's own components. A bootstrap applies the
/// components it commits, so their values are Git's; each forced apply still takes the
/// fields the API server normalises or defaults (`cpu: 1000m`, `fieldRef` without
/// `apiVersion`) from the other applier, so ownership alone would name them.
fn foreign(object: &Value, entry: &Value) -> bool {
    let manager = entry["manager"].as_str().unwrap_or_default();
    let installing = INSTALLERS.contains(&manager)
        && entry["operation"] == "Apply"
        && object["metadata"]["labels"]["app.kubernetes.io/part-of"] == "flux";
    manager != FLUX_MANAGER
        && !manager.starts_with("kube-")
        && entry["subresource"].as_str() != Some("status")
        && !installing
}

/// Whether `field` is one kustomize-controller's last apply set: the same path, or inside a
/// field it owns whole (an atomic list or map).
fn applied_by_flux(field: &str, flux_fields: &[String]) -> bool {
    flux_fields.iter().any(|owned| {
        field == owned
            || field
                .strip_prefix(owned.as_str())
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    })
}

/// What another manager wrote to `object` after kustomize-controller's last apply, in fields
/// that apply does not set to the same value. The API server records a field as co-owned when
/// two managers set it to the same value (`kubectl apply` or `flux install` before the first
/// sync); a value another manager changed leaves kustomize-controller's set, so only a field
/// the other manager owns alone is drift.
pub fn changes(object: &Value, inventory: &InventoryObject) -> Vec<Drift> {
    let entries = object["metadata"]["managedFields"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let flux_entries = entries.iter().filter(|e| e["manager"] == FLUX_MANAGER);
    let applied = flux_entries
        .clone()
        .filter_map(|e| e["time"].as_str())
        .max()
        .map(str::to_string);
    let flux_fields: Vec<String> = flux_entries
        .filter(|e| e["subresource"].as_str() != Some("status"))
        .flat_map(|e| field_paths(&e["fieldsV1"]))
        .collect();
    entries
        .iter()
        .filter(|e| foreign(object, e))
        .filter(|e| match (e["time"].as_str(), applied.as_deref()) {
            (Some(time), Some(applied)) => time >= applied,
            _ => true,
        })
        .filter_map(|e| {
            let fields: Vec<String> = field_paths(&e["fieldsV1"])
                .into_iter()
                // Not Flux's to set: the annotations tools add for themselves, Flux's own
                // requests to reconcile now (`flux reconcile`, `flux bootstrap`, floe), and the
                // finalizer each Flux controller puts on the objects it reconciles.
                .filter(|f| {
                    !f.starts_with("metadata.annotations.kubectl.kubernetes.io/")
                        && !f.starts_with("metadata.annotations.reconcile.fluxcd.io/")
                        && f != r#"metadata.finalizers["finalizers.fluxcd.io"]"#
                })
                .filter(|f| !applied_by_flux(f, &flux_fields))
                .collect();
            (!fields.is_empty()).then(|| Drift::Changed {
                object: inventory.clone(),
                manager: e["manager"].as_str().unwrap_or_default().to_string(),
                operation: e["operation"].as_str().unwrap_or_default().to_string(),
                time: e["time"].as_str().map(str::to_string),
                fields,
            })
        })
        .collect()
}

/// Lists the objects of one kind in one namespace (or cluster-wide), by name.
async fn list(
    cluster: &Cluster,
    resources: &mut HashMap<GroupVersionKind, (ApiResource, Scope)>,
    object: &InventoryObject,
) -> Result<Option<HashMap<String, Value>>, kube::Error> {
    let gvk = GroupVersionKind::gvk(&object.group, &object.version, &object.kind);
    if !resources.contains_key(&gvk) {
        match kube::discovery::pinned_kind(&cluster.client, &gvk).await {
            Ok((ar, caps)) => {
                resources.insert(gvk.clone(), (ar, caps.scope));
            }
            // The kind is not served any more: every object of it is missing.
            Err(_) => return Ok(None),
        }
    }
    let (ar, scope) = &resources[&gvk];
    let api = cluster.dynamic_api(ar, scope, &object.namespace);
    let mut found = HashMap::new();
    crate::cluster::each_page(
        &api,
        ListParams::default(),
        |item: kube::api::DynamicObject| {
            let name = item.metadata.name.clone().unwrap_or_default();
            found.insert(name, serde_json::to_value(item).unwrap_or_default());
        },
    )
    .await?;
    Ok(Some(found))
}

/// Drift of one sync: one list per kind and namespace of its inventory.
pub async fn drift_of(cluster: &Cluster, ks: &Kustomization) -> Result<SyncDrift, ObjectError> {
    let namespace = ks.metadata.namespace.clone().unwrap_or_default();
    let name = ks.metadata.name.clone().unwrap_or_default();
    let mut drifts = Vec::new();
    let status = ks.status.clone().unwrap_or_default();
    if ks.spec.suspend {
        drifts.push(Drift::Behind {
            reason: "suspended: changes in Git are not applied".to_string(),
        });
    } else if let Some(source) = ks.spec.source_ref.object_ref(&namespace)
        && let Ok(observed) = source.get(cluster).await
        && !observed.revision.is_empty()
        && status.last_applied_revision.as_deref() != Some(observed.revision.as_str())
    {
        drifts.push(Drift::Behind {
            reason: format!(
                "applied {}, {} has {}",
                status.last_applied_revision.as_deref().unwrap_or("nothing"),
                source,
                observed.revision
            ),
        });
    }
    let mut groups: BTreeMap<(String, String, String, String), Vec<InventoryObject>> =
        BTreeMap::new();
    for entry in status.inventory.map(|i| i.entries).unwrap_or_default() {
        match entry.object() {
            Ok(object) => {
                let key = (
                    object.group.clone(),
                    object.version.clone(),
                    object.kind.clone(),
                    object.namespace.clone(),
                );
                groups.entry(key).or_default().push(object);
            }
            Err(malformed) => drifts.push(Drift::Malformed {
                id: malformed.id,
                reason: malformed.reason,
            }),
        }
    }
    let mut resources = HashMap::new();
    for objects in groups.values() {
        let listed = list(cluster, &mut resources, &objects[0])
            .await
            .map_err(|e| ObjectError::from(cluster.explain(e)))?;
        for object in objects {
            match listed.as_ref().and_then(|l| l.get(&object.name)) {
                None => drifts.push(Drift::Missing {
                    object: object.clone(),
                }),
                Some(live) => drifts.extend(changes(live, object)),
            }
        }
    }
    Ok(SyncDrift {
        namespace,
        name,
        drifts,
    })
}

/// Drift of one sync, or of every sync in `namespace` (None: every namespace).
pub async fn drift(
    cluster: &Cluster,
    target: Option<&ObjectRef>,
    namespace: Option<&str>,
) -> Result<Vec<SyncDrift>, ObjectError> {
    let syncs: Vec<Kustomization> = match target {
        Some(target) => {
            let object = target.fetch(cluster).await?;
            vec![object.try_parse().map_err(|_| ObjectError::NotFound {
                target: target.clone(),
            })?]
        }
        None => {
            let api: Api<Kustomization> = match namespace {
                Some(ns) => Api::namespaced(cluster.client.clone(), ns),
                None => Api::all(cluster.client.clone()),
            };
            api.list(&ListParams::default())
                .await
                .map_err(|e| ObjectError::from(cluster.explain(e)))?
                .items
        }
    };
    let mut out = Vec::new();
    for ks in &syncs {
        out.push(drift_of(cluster, ks).await?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// An inventory entry at version v1.
    fn inventory_object(namespace: &str, name: &str, group: &str, kind: &str) -> InventoryObject {
        InventoryObject {
            namespace: namespace.into(),
            name: name.into(),
            group: group.into(),
            version: "v1".into(),
            kind: kind.into(),
        }
    }

    #[test]
    fn field_sets_read_as_paths() {
        let fields = json!({"f:spec": {"f:replicas": {}, "f:template": {"f:spec": {"f:containers": {"k:{\"name\":\"web\"}": {".": {}, "f:image": {}}}}}}});
        assert_eq!(
            field_paths(&fields),
            [
                "spec.replicas",
                "spec.template.spec.containers[{\"name\":\"web\"}].image"
            ]
        );
    }

    /// managedFields as the API server leaves them after `flux bootstrap` (the `flux`
    /// CLI applies gotk-components.yaml, then kustomize-controller applies the same file
    /// from Git): every field is co-owned, nothing is drift.
    #[test]
    fn fields_another_manager_set_to_the_applied_value_are_not_drift() {
        let object = inventory_object("flux-system", "source-controller", "apps", "Deployment");
        let spec = json!({"f:spec": {"f:replicas": {}, "f:template": {"f:spec": {
            "f:containers": {"k:{\"name\":\"manager\"}": {".": {}, "f:args": {}, "f:image": {}}}}}}});
        let live = json!({"metadata": {"managedFields": [
            {"manager": "flux", "operation": "Apply", "time": "2026-12-02T10:00:05Z", "fieldsV1": spec},
            {"manager": "kustomize-controller", "operation": "Apply", "time": "2026-12-02T10:00:00Z", "fieldsV1": spec},
            {"manager": "kube-controller-manager", "operation": "Update", "subresource": "status",
             "time": "2026-12-02T10:00:06Z", "fieldsV1": {"f:status": {"f:replicas": {}}}}
        ]}});
        assert_eq!(changes(&live, &object), []);
        // The same apply, then `kubectl scale`: spec.replicas leaves kustomize-controller's set.
        let scaled = json!({"metadata": {"managedFields": [
            {"manager": "kustomize-controller", "operation": "Apply", "time": "2026-12-02T10:00:00Z",
             "fieldsV1": {"f:spec": {"f:template": {"f:spec": {"f:containers": {}}}}}},
            {"manager": "kubectl", "operation": "Update", "subresource": "scale",
             "time": "2026-12-02T10:01:00Z", "fieldsV1": {"f:spec": {"f:replicas": {}}}}
        ]}});
        let found = changes(&scaled, &object);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(matches!(&found[0], Drift::Changed { manager, fields, .. }
            if manager == "kubectl" && fields == &["spec.replicas".to_string()]));
    }

    /// As the real controllers left a component after `floe bootstrap` ran twice: the second
    /// run's forced apply took the defaulted and normalised fields from kustomize-controller.
    /// The same apply to an object that is not part of the install is drift.
    #[test]
    fn an_installer_reapplying_the_components_is_not_drift() {
        let object = inventory_object("flux-system", "source-controller", "apps", "Deployment");
        let entries = json!([
            {"manager": "kustomize-controller", "operation": "Apply", "time": "2026-12-02T19:45:52Z",
             "fieldsV1": {"f:spec": {"f:replicas": {}}}},
            {"manager": "floe", "operation": "Apply", "time": "2026-12-02T19:45:54Z",
             "fieldsV1": {"f:spec": {"f:replicas": {}, "f:template": {"f:spec": {"f:containers": {
                "k:{\"name\":\"manager\"}": {"f:resources": {"f:limits": {"f:cpu": {}}}}}}}}}}
        ]);
        let component = json!({"metadata": {"managedFields": entries,
            "labels": {"app.kubernetes.io/part-of": "flux"}}});
        assert_eq!(changes(&component, &object), []);
        let workload = json!({"metadata": {"managedFields": entries, "labels": {"app": "web"}}});
        assert_eq!(changes(&workload, &object).len(), 1);
    }

    #[test]
    fn a_request_to_reconcile_is_not_drift() {
        let object = inventory_object(
            "flux-system",
            "flux-system",
            "source.toolkit.fluxcd.io",
            "GitRepository",
        );
        // What the real flux CLI's bootstrap leaves on the objects it syncs (issue 22).
        let live = json!({"metadata": {"managedFields": [
            {"manager": "kustomize-controller", "operation": "Apply", "time": "2026-12-03T07:55:00Z",
             "fieldsV1": {"f:spec": {"f:url": {}}}},
            {"manager": "unknown", "operation": "Update", "time": "2026-12-03T07:55:21Z",
             "fieldsV1": {"f:metadata": {"f:annotations": {".": {}, "f:reconcile.fluxcd.io/requestedAt": {}}}}}
        ]}});
        assert_eq!(changes(&live, &object), vec![]);
    }

    #[test]
    fn a_flux_controllers_finalizer_is_not_drift() {
        let object = inventory_object(
            "flux-system",
            "flux-system",
            "source.toolkit.fluxcd.io",
            "GitRepository",
        );
        // The real controllers add their finalizer in the second kustomize-controller applies
        // the objects they reconcile (a warm whole-suite run found it as drift, 2026-12-04).
        let live = json!({"metadata": {"managedFields": [
            {"manager": "kustomize-controller", "operation": "Apply", "time": "2026-12-04T09:21:36Z",
             "fieldsV1": {"f:spec": {"f:url": {}}}},
            {"manager": "source-controller", "operation": "Update", "time": "2026-12-04T09:21:36Z",
             "fieldsV1": {"f:metadata": {"f:finalizers": {".": {}, "v:\"finalizers.fluxcd.io\"": {}}}}},
            {"manager": "kubectl-edit", "operation": "Update", "time": "2026-12-04T09:22:00Z",
             "fieldsV1": {"f:metadata": {"f:finalizers": {"v:\"example.com/hold\"": {}}}}}
        ]}});
        let found = changes(&live, &object);
        assert_eq!(
            found.len(),
            1,
            "another finalizer is still drift: {found:?}"
        );
    }

    #[test]
    fn only_foreign_writes_after_the_last_apply_are_changes() {
        let object = inventory_object("apps", "web", "apps", "Deployment");
        let live = json!({"metadata": {"managedFields": [
            {"manager": "kustomize-controller", "operation": "Apply", "time": "2026-11-27T10:00:00Z",
             "fieldsV1": {"f:spec": {"f:template": {}}}},
            {"manager": "kubectl-patch", "operation": "Update", "time": "2026-11-27T10:05:00Z",
             "fieldsV1": {"f:spec": {"f:replicas": {}}}},
            {"manager": "kube-controller-manager", "operation": "Update", "time": "2026-11-27T10:06:00Z",
             "fieldsV1": {"f:metadata": {"f:annotations": {"f:deployment.kubernetes.io/revision": {}}}}},
            {"manager": "kubectl-edit", "operation": "Update", "time": "2026-11-27T09:00:00Z",
             "fieldsV1": {"f:spec": {"f:paused": {}}}}
        ]}});
        let found = changes(&live, &object);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0],
            Drift::Changed {
                object,
                manager: "kubectl-patch".into(),
                operation: "Update".into(),
                time: Some("2026-11-27T10:05:00Z".into()),
                fields: vec!["spec.replicas".into()],
            }
        );
    }
}
