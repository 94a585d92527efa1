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
use crate::kinds::kustomization::{InventoryEntry, InventoryObject};
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

/// The inventory id of an object, as the controller writes it.
fn inventory_id(object: &Value) -> String {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let api_version = text(&object["apiVersion"]);
    let (group, version) = api_version.split_once('/').unwrap_or(("", &api_version));
    InventoryObject {
        namespace: text(&object["metadata"]["namespace"]),
        name: text(&object["metadata"]["name"]),
        group: group.to_string(),
        version: version.to_string(),
        kind: text(&object["kind"]),
    }
    .id()
}

/// Compares what `built` would apply with the cluster: the sync, then (with `--recursive`)
/// each sync it holds that exists on the cluster, depth first. A sync that does not exist yet
/// is reported as created in its parent's diff.
pub async fn diff(cluster: &Cluster, built: &Built) -> Result<Vec<SyncDiff>, PreviewError> {
    let applier = Applier::new(cluster);
    let mut diffs = Vec::new();
    for step in to_diff(built) {
        diffs.push(match step {
            Ok(sync) => diff_sync(&applier, sync).await?,
            Err(skipped) => skipped,
        });
    }
    Ok(diffs)
}

/// The syncs to compare, depth first: `built`, then each child that exists on the cluster (a
/// child on another cluster is reported as skipped).
fn to_diff(built: &Built) -> Vec<Result<&Built, SyncDiff>> {
    let mut steps = vec![Ok(built)];
    for child in &built.children {
        let sync = &child.sync;
        if !sync["metadata"]["resourceVersion"].is_string() {
            continue;
        }
        if !sync["spec"]["kubeConfig"].is_null() {
            steps.push(Err(SyncDiff {
                sync: child.sync_name(),
                changes: vec![ObjectChange {
                    object: subject(sync, None),
                    action: Action::Skipped,
                    diff: None,
                    reason: Some("diff not supported for remote clusters (spec.kubeConfig)".into()),
                }],
            }));
            continue;
        }
        steps.extend(to_diff(child));
    }
    steps
}

/// One object's change, if it would change.
async fn diff_object(
    applier: &Applier<'_>,
    object: &Value,
    secrets: &[String],
) -> Result<Option<ObjectChange>, PreviewError> {
    if marked(object, "kustomize.toolkit.fluxcd.io/reconcile", "disabled")
        || marked(object, "kustomize.toolkit.fluxcd.io/ssa", "ignore")
    {
        return Ok(Some(ObjectChange {
            object: subject(object, None),
            action: Action::Skipped,
            diff: None,
            reason: Some("the object opts out of reconciliation".into()),
        }));
    }
    let (live, merged) = applier
        .preview(object, FIELD_MANAGER, "default")
        .await
        // The server may quote the object's values in its refusal.
        .map_err(|e| PreviewError::Server(mask_text(&e.to_string(), secrets)))?;
    let name = subject(&merged, None);
    let Some(live) = live else {
        return Ok(Some(ObjectChange {
            object: name,
            action: Action::Created,
            diff: None,
            reason: None,
        }));
    };
    if marked(object, "kustomize.toolkit.fluxcd.io/ssa", "ifnotpresent") {
        return Ok(None);
    }
    let (before, after) = (comparable(&live), comparable(&merged));
    if before == after {
        return Ok(None);
    }
    let (before, after) = mask_secret_data(before, after);
    let text = unified(&name, &before, &after, secrets);
    Ok(Some(ObjectChange {
        object: name,
        action: Action::Changed,
        diff: Some(text),
        reason: None,
    }))
}

/// One sync's own objects against the cluster, several at a time, in the build's order; then
/// what its inventory holds that the build does not, when it prunes.
async fn diff_sync(applier: &Applier<'_>, built: &Built) -> Result<SyncDiff, PreviewError> {
    use futures::{StreamExt, TryStreamExt, stream};
    let sync = &built.sync;
    let mut changes: Vec<ObjectChange> = stream::iter(&built.objects)
        .map(|object| diff_object(applier, object, &built.secret_values))
        .buffered(crate::cluster::apply::CONCURRENCY)
        .try_filter_map(|change| async move { Ok(change) })
        .try_collect()
        .await?;
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
            changes.push(ObjectChange {
                object: object.to_string(),
                action: Action::Pruned,
                diff: None,
                reason: None,
            });
        }
    }
    Ok(SyncDiff {
        sync: built.sync_name(),
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

/// `text` with every value from a Secret replaced by `***`.
fn mask_text(text: &str, secrets: &[String]) -> String {
    secrets
        .iter()
        .filter(|s| !s.is_empty())
        .fold(text.to_string(), |t, s| t.replace(s.as_str(), "***"))
}

/// Every string in `value` (keys and values) with the Secrets' values masked, before any of it
/// is written as YAML (which may quote, escape or fold them).
fn mask_strings(value: Value, secrets: &[String]) -> Value {
    match value {
        Value::String(s) => Value::String(mask_text(&s, secrets)),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|v| mask_strings(v, secrets))
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (mask_text(&k, secrets), mask_strings(v, secrets)))
                .collect(),
        ),
        other => other,
    }
}

/// A Secret's values shown as `***`, or `*** (before)` and `*** (after)` where they differ;
/// kubectl's last-applied annotation, which holds them all, left out.
fn mask_secret_data(before: Value, after: Value) -> (Value, Value) {
    if after["kind"].as_str() != Some("Secret") {
        return (before, after);
    }
    let mut before = before;
    let mut after = after;
    for object in [&mut before, &mut after] {
        if let Some(Value::Object(annotations)) = object.pointer_mut("/metadata/annotations") {
            annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
        }
    }
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
    let (old, new) = (
        to_go_yaml(&mask_strings(before.clone(), secrets)),
        to_go_yaml(&mask_strings(after.clone(), secrets)),
    );
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
        // A value the YAML writer would quote, escape or fold is masked all the same.
        let odd =
            "it's a \"pass\\word\" long enough that the YAML writer folds it at eighty columns";
        let cm3 = json!({"kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"t": odd}});
        let text = unified("ConfigMap/ns/c", &cm, &cm3, &[odd.to_string()]);
        assert!(!text.contains("pass") && !text.contains("eighty"), "{text}");
        // kubectl's last-applied annotation holds a Secret's data: left out.
        let applied = json!({"kind": "Secret", "metadata": {"name": "s", "annotations": {
            "kubectl.kubernetes.io/last-applied-configuration": "{\"data\":{\"a\":\"b2xk\"}}"}},
            "data": {"a": "b2xk"}});
        let (before, after) = mask_secret_data(applied.clone(), applied);
        assert!(!unified("Secret/ns/s", &before, &after, &[]).contains("b2xk"));
    }

    fn built(name: &str, live: bool, children: Vec<Built>) -> Built {
        let mut sync = json!({"metadata": {"name": name, "namespace": "ns"}, "spec": {}});
        if live {
            sync["metadata"]["resourceVersion"] = json!("1");
        }
        Built {
            sync,
            objects: Vec::new(),
            secret_values: Vec::new(),
            children,
        }
    }

    /// `--recursive`: children that exist on the cluster are diffed depth first after their
    /// parent; a new one is only its parent's "created"; one on a remote cluster is skipped.
    #[test]
    fn recursive_diffs_follow_children_on_the_cluster() {
        let mut remote = built("remote", true, Vec::new());
        remote.sync["spec"]["kubeConfig"] = json!({"secretRef": {"name": "k"}});
        remote.sync["kind"] = json!("Kustomization");
        let tree = built(
            "top",
            true,
            vec![
                built(
                    "a",
                    true,
                    vec![
                        built("a1", true, Vec::new()),
                        built("a2", false, Vec::new()),
                    ],
                ),
                built("new", false, vec![built("under-new", true, Vec::new())]),
                remote,
            ],
        );
        let steps: Vec<String> = to_diff(&tree)
            .into_iter()
            .map(|s| match s {
                Ok(b) => b.sync_name(),
                Err(skipped) => format!(
                    "skipped {}: {}",
                    skipped.sync,
                    skipped.changes[0].reason.as_deref().unwrap()
                ),
            })
            .collect();
        assert_eq!(
            steps,
            vec![
                "ns/top",
                "ns/a",
                "ns/a1",
                "skipped ns/remote: diff not supported for remote clusters (spec.kubeConfig)"
            ]
        );
    }

    #[test]
    fn inventory_ids_are_the_controllers() {
        let o = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d", "namespace": "ns"}});
        assert_eq!(inventory_id(&o), "ns_d_apps_Deployment");
        let c = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "ns"}});
        assert_eq!(inventory_id(&c), "_ns__Namespace");
        let colon = json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "system:x"}});
        assert_eq!(
            inventory_id(&colon),
            "_system__x_rbac.authorization.k8s.io_ClusterRole"
        );
    }
}
