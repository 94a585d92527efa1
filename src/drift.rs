//! `drift`: what changed in the cluster behind Git's back, read from the cluster's own
//! bookkeeping (no kustomize build): for every object in a sync's `status.inventory`,
//! **missing** (deleted outside Git) or **changed** (written by another field manager after
//! kustomize-controller's last apply, with the fields it owns now); and the sync **behind**
//! (suspended, or not at its source's latest revision).
//!
//! What it cannot see: a change to a field Flux never set that no manager owns differently
//! (the apply did not set it, so nothing records a conflict); a write through a subresource
//! that the API server does not record in managedFields (the scale subresource on 1.20); and
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

/// Whether a manager's writes are drift: not Flux's own, not Kubernetes' controllers, not a
/// status write.
fn foreign(entry: &Value) -> bool {
    let manager = entry["manager"].as_str().unwrap_or_default();
    manager != FLUX_MANAGER
        && !manager.starts_with("kube-")
        && entry["subresource"].as_str() != Some("status")
}

/// What another manager wrote to `object` after kustomize-controller's last apply.
pub fn changes(object: &Value, inventory: &InventoryObject) -> Vec<Drift> {
    let entries = object["metadata"]["managedFields"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let applied = entries
        .iter()
        .filter(|e| e["manager"] == FLUX_MANAGER)
        .filter_map(|e| e["time"].as_str())
        .max()
        .map(str::to_string);
    entries
        .iter()
        .filter(|e| foreign(e))
        .filter(|e| match (e["time"].as_str(), applied.as_deref()) {
            (Some(time), Some(applied)) => time >= applied,
            _ => true,
        })
        .filter_map(|e| {
            let fields: Vec<String> = field_paths(&e["fieldsV1"])
                .into_iter()
                // Not Flux's to set: the labels and annotations tools add for themselves.
                .filter(|f| !f.starts_with("metadata.annotations.kubectl.kubernetes.io/"))
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
    crate::cluster::each_page(&api, ListParams::default(), |items| {
        for item in items {
            let name = item.metadata.name.clone().unwrap_or_default();
            found.insert(name, serde_json::to_value(item).unwrap_or_default());
        }
    })
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
        if let Some(object) = entry.object() {
            let key = (
                object.group.clone(),
                object.version.clone(),
                object.kind.clone(),
                object.namespace.clone(),
            );
            groups.entry(key).or_default().push(object);
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

    #[test]
    fn only_foreign_writes_after_the_last_apply_are_changes() {
        let object = InventoryObject {
            namespace: "apps".into(),
            name: "web".into(),
            group: "apps".into(),
            version: "v1".into(),
            kind: "Deployment".into(),
        };
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
