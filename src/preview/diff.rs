//! `floe diff sync`: what applying a build would change on the cluster. Each object goes to the
//! server as a forced server-side apply in dry-run mode with kustomize-controller's field
//! manager, and the server's answer is compared with the live object; objects of the sync's
//! inventory the build no longer holds would be pruned when the sync prunes.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{Built, PreviewError};
use crate::cluster::Cluster;
use crate::cluster::apply::Applier;
use crate::kinds::kustomization::InventoryEntry;
use crate::manifests::yaml::to_go_yaml;

/// kustomize-controller's field manager: the diff is what its next apply would do.
pub const FIELD_MANAGER: &str = "kustomize-controller";

/// What would happen to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Created,
    Changed,
    Pruned,
    Skipped,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObjectChange {
    /// `Kind/namespace/name`, or `Kind/name` for a cluster-scoped object.
    pub object: String,
    pub action: Action,
    /// For a change: a unified diff of the live object against the result, Secret values
    /// masked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    /// For a skipped object: why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The changes of one sync.
#[derive(Debug, Clone, Serialize)]
pub struct SyncDiff {
    /// `namespace/name` of the sync.
    pub sync: String,
    pub changes: Vec<ObjectChange>,
}

fn subject(object: &Value, default_namespace: Option<&str>) -> String {
    let kind = object["kind"].as_str().unwrap_or_default();
    let name = object["metadata"]["name"].as_str().unwrap_or_default();
    match object["metadata"]["namespace"]
        .as_str()
        .or(default_namespace)
    {
        Some(ns) if !ns.is_empty() => format!("{kind}/{ns}/{name}"),
        _ => format!("{kind}/{name}"),
    }
}

fn marked(object: &Value, key: &str, value: &str) -> bool {
    ["labels", "annotations"]
        .iter()
        .any(|field| object["metadata"][field][key].as_str() == Some(value))
}

/// The inventory id (`namespace_name_group_kind`) of an object.
fn inventory_id(object: &Value) -> String {
    let group = object["apiVersion"]
        .as_str()
        .and_then(|v| v.split_once('/'))
        .map_or("", |(g, _)| g);
    format!(
        "{}_{}_{}_{}",
        object["metadata"]["namespace"].as_str().unwrap_or_default(),
        object["metadata"]["name"].as_str().unwrap_or_default(),
        group,
        object["kind"].as_str().unwrap_or_default()
    )
}

/// Compares what `built` would apply with the cluster.
pub async fn diff(cluster: &Cluster, built: &Built) -> Result<SyncDiff, PreviewError> {
    let sync = &built.sync;
    let sync_namespace = sync["metadata"]["namespace"].as_str().unwrap_or_default();
    let sync_name = format!(
        "{sync_namespace}/{}",
        sync["metadata"]["name"].as_str().unwrap_or_default()
    );
    let applier = Applier::new(cluster);
    let mut changes = Vec::new();
    for object in &built.objects {
        if marked(object, "kustomize.toolkit.fluxcd.io/reconcile", "disabled")
            || marked(object, "kustomize.toolkit.fluxcd.io/ssa", "ignore")
        {
            changes.push(ObjectChange {
                object: subject(object, None),
                action: Action::Skipped,
                diff: None,
                reason: Some("the object opts out of reconciliation".into()),
            });
            continue;
        }
        let (live, merged) = applier.preview(object, FIELD_MANAGER, "default").await?;
        let name = subject(&merged, None);
        let Some(live) = live else {
            changes.push(ObjectChange {
                object: name,
                action: Action::Created,
                diff: None,
                reason: None,
            });
            continue;
        };
        if marked(object, "kustomize.toolkit.fluxcd.io/ssa", "ifnotpresent") {
            continue;
        }
        let (before, after) = (comparable(&live), comparable(&merged));
        if before == after {
            continue;
        }
        let (before, after) = mask_secret_data(before, after);
        let text = unified(&name, &before, &after, &built.secret_values);
        changes.push(ObjectChange {
            object: name,
            action: Action::Changed,
            diff: Some(text),
            reason: None,
        });
    }
    if sync["spec"]["prune"].as_bool() == Some(true) {
        let built_ids: BTreeSet<String> = built.objects.iter().map(inventory_id).collect();
        let entries: Vec<InventoryEntry> =
            serde_json::from_value(sync["status"]["inventory"]["entries"].clone())
                .unwrap_or_default();
        for entry in entries {
            if built_ids.contains(&entry.id) {
                continue;
            }
            let Ok(object) = entry.object() else { continue };
            let name = match object.namespace.as_str() {
                "" => format!("{}/{}", object.kind, object.name),
                ns => format!("{}/{ns}/{}", object.kind, object.name),
            };
            changes.push(ObjectChange {
                object: name,
                action: Action::Pruned,
                diff: None,
                reason: None,
            });
        }
    }
    Ok(SyncDiff {
        sync: sync_name,
        changes,
    })
}

/// What the comparison looks at: the object but for the server's bookkeeping (managed fields,
/// resource version, uid, creation time, generation) and its status.
fn comparable(object: &Value) -> Value {
    let mut object = object.clone();
    if let Some(map) = object.as_object_mut() {
        map.remove("status");
        if let Some(Value::Object(metadata)) = map.get_mut("metadata") {
            for field in [
                "managedFields",
                "resourceVersion",
                "uid",
                "creationTimestamp",
                "generation",
                "selfLink",
            ] {
                metadata.remove(field);
            }
        }
    }
    object
}

/// A Secret's values shown as `***`, or `*** (before)` and `*** (after)` where they differ.
fn mask_secret_data(before: Value, after: Value) -> (Value, Value) {
    if after["kind"].as_str() != Some("Secret") {
        return (before, after);
    }
    let mut before = before;
    let mut after = after;
    for field in ["data", "stringData"] {
        let old = before[field].as_object().cloned().unwrap_or_default();
        let new = after[field].as_object().cloned().unwrap_or_default();
        let masked = |own: &Map<String, Value>, other: &Map<String, Value>, label: &str| {
            own.iter()
                .map(|(k, v)| {
                    let text = match other.get(k) == Some(v) {
                        true => "***".to_string(),
                        false => format!("*** ({label})"),
                    };
                    (k.clone(), Value::String(text))
                })
                .collect::<Map<String, Value>>()
        };
        if !old.is_empty() {
            before[field] = Value::Object(masked(&old, &new, "before"));
        }
        if !new.is_empty() {
            after[field] = Value::Object(masked(&new, &old, "after"));
        }
    }
    (before, after)
}

/// A unified diff of the two objects' YAML; values from Secrets masked wherever they appear.
fn unified(name: &str, before: &Value, after: &Value, secrets: &[String]) -> String {
    let mask = |text: String| {
        secrets
            .iter()
            .filter(|s| !s.is_empty())
            .fold(text, |t, s| t.replace(s.as_str(), "***"))
    };
    let (old, new) = (mask(to_go_yaml(before)), mask(to_go_yaml(after)));
    similar::TextDiff::from_lines(&old, &new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("live/{name}"), &format!("merged/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secret_values_never_show_only_whether_they_changed() {
        let live = json!({"kind": "Secret", "metadata": {"name": "s"}, "data": {"a": "b2xk", "same": "eA=="}});
        let merged = json!({"kind": "Secret", "metadata": {"name": "s"}, "data": {"a": "bmV3", "same": "eA=="}});
        let (before, after) = mask_secret_data(live, merged);
        let text = unified("Secret/ns/s", &before, &after, &["hunter2".into()]);
        assert!(
            text.contains("-  a: '*** (before)'") && text.contains("+  a: '*** (after)'"),
            "{text}"
        );
        assert!(
            !text.contains("b2xk") && !text.contains("bmV3") && !text.contains("eA=="),
            "{text}"
        );
        let cm = json!({"kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"t": "hunter2"}});
        let cm2 =
            json!({"kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"t": "hunter2x"}});
        let text = unified("ConfigMap/ns/c", &cm, &cm2, &["hunter2".into()]);
        assert!(!text.contains("hunter2"), "{text}");
    }

    #[test]
    fn inventory_ids_are_the_controllers() {
        let o = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "namespace": "ns"}});
        assert_eq!(inventory_id(&o), "ns_d_apps_Deployment");
        let c = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "ns"}});
        assert_eq!(inventory_id(&c), "_ns__Namespace");
    }
}
