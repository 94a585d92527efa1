//! Server-side apply of a set of manifests, in the order a cluster can accept them:
//! Namespaces, then CRDs, then everything else (while the new CRDs get Established, unless it
//! uses their kinds; they are Established before the apply returns). Objects within a stage do
//! not depend on each other and are applied concurrently.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::Mutex;

use futures::{StreamExt, TryStreamExt, stream};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::{Api, DynamicObject, Patch, PatchParams};
use kube::core::GroupVersionKind;
use kube::discovery::{ApiCapabilities, ApiResource, Scope};
use serde_json::Value;

use super::{Cluster, ClusterError, FIELD_MANAGER};

/// How many requests floe keeps in flight against the API server at once.
pub const CONCURRENCY: usize = 16;

/// What applying an object did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Created,
    Configured,
    Unchanged,
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Action::Created => "created",
            Action::Configured => "configured",
            Action::Unchanged => "unchanged",
        })
    }
}

/// One object's outcome, named as kubectl names it (`Kind/name`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Applied {
    pub kind: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    pub action: Action,
    /// A CRD that was Established before this apply.
    #[serde(skip)]
    pub established: bool,
}

impl Applied {
    pub fn reference(&self) -> String {
        format!("{}/{}", self.kind, self.name)
    }
}

/// Why an apply failed.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("{reference}: {source}")]
    Object {
        reference: String,
        #[source]
        source: ClusterError,
    },
    #[error("{reference} has no {field}")]
    Malformed {
        reference: String,
        field: &'static str,
    },
    #[error("the cluster does not serve {api_version} {kind}: {source}")]
    UnknownKind {
        api_version: String,
        kind: String,
        #[source]
        source: ClusterError,
    },
    #[error(
        "CustomResourceDefinition/{name} did not become Established within {seconds}s; see kubectl describe crd {name}"
    )]
    NotEstablished { name: String, seconds: u64 },
}

/// Splits a multi-document YAML stream into objects, skipping empty documents and flattening
/// `kind: List`.
pub fn parse_manifests(text: &str) -> Result<Vec<Value>, serde_yaml::Error> {
    let mut objects = Vec::new();
    for document in serde_yaml::Deserializer::from_str(text) {
        let value: Value = serde::Deserialize::deserialize(document)?;
        match value {
            Value::Null => {}
            Value::Object(ref map) if map.get("kind").and_then(Value::as_str) == Some("List") => {
                if let Some(Value::Array(items)) = map.get("items") {
                    objects.extend(items.iter().cloned());
                }
            }
            other => objects.push(other),
        }
    }
    Ok(objects)
}

/// `Kind/name` for messages.
pub fn reference(object: &Value) -> String {
    format!(
        "{}/{}",
        object["kind"].as_str().unwrap_or("?"),
        object["metadata"]["name"].as_str().unwrap_or("?")
    )
}

/// Applies manifests to one cluster, remembering which resource each kind maps to.
pub struct Applier<'a> {
    cluster: &'a Cluster,
    dry_run: bool,
    resources: Mutex<HashMap<(String, String), (ApiResource, ApiCapabilities)>>,
}

impl<'a> Applier<'a> {
    pub fn new(cluster: &'a Cluster) -> Self {
        Applier {
            cluster,
            dry_run: false,
            resources: Mutex::new(HashMap::new()),
        }
    }

    /// Server-side dry run: the server validates and merges, nothing is stored.
    pub fn dry_run(mut self, dry_run: bool) -> Self {
        self.dry_run = dry_run;
        self
    }

    async fn resource(&self, object: &Value) -> Result<(ApiResource, Scope), ApplyError> {
        let api_version = object["apiVersion"]
            .as_str()
            .ok_or_else(|| ApplyError::Malformed {
                reference: reference(object),
                field: "apiVersion",
            })?;
        let kind = object["kind"]
            .as_str()
            .ok_or_else(|| ApplyError::Malformed {
                reference: reference(object),
                field: "kind",
            })?;
        let key = (api_version.to_string(), kind.to_string());
        if let Some((ar, caps)) = self.resources.lock().expect("not poisoned").get(&key) {
            return Ok((ar.clone(), caps.scope.clone()));
        }
        let (group, version) = match api_version.split_once('/') {
            Some((g, v)) => (g, v),
            None => ("", api_version),
        };
        let gvk = GroupVersionKind::gvk(group, version, kind);
        let (ar, caps) = kube::discovery::pinned_kind(&self.cluster.client, &gvk)
            .await
            .map_err(|e| ApplyError::UnknownKind {
                api_version: api_version.to_string(),
                kind: kind.to_string(),
                source: self.cluster.explain(e),
            })?;
        let scope = caps.scope.clone();
        self.resources
            .lock()
            .expect("not poisoned")
            .insert(key, (ar.clone(), caps));
        Ok((ar, scope))
    }

    /// Where `object` lives: its resource, an API handle for it, its name, and its namespace
    /// (`default_namespace` for a namespaced object that names none; none when cluster-scoped).
    async fn locate<'o>(
        &self,
        object: &'o Value,
        default_namespace: &str,
    ) -> Result<(ApiResource, Api<DynamicObject>, &'o str, Option<String>), ApplyError> {
        let (ar, scope) = self.resource(object).await?;
        let name = object["metadata"]["name"]
            .as_str()
            .ok_or_else(|| ApplyError::Malformed {
                reference: reference(object),
                field: "metadata.name",
            })?;
        let namespace = match scope {
            Scope::Namespaced => Some(
                object["metadata"]["namespace"]
                    .as_str()
                    .unwrap_or(default_namespace)
                    .to_string(),
            ),
            Scope::Cluster => None,
        };
        let api = self
            .cluster
            .dynamic_api(&ar, &scope, namespace.as_deref().unwrap_or_default());
        Ok((ar, api, name, namespace))
    }

    /// Applies one object with field manager `floe`, taking over fields other managers own
    /// (floe is the owner of what it applies, as Flux's own apply is).
    pub async fn apply(&self, object: &Value) -> Result<Applied, ApplyError> {
        let (ar, api, name, namespace) = self.locate(object, "default").await?;
        let object_error = |e: kube::Error| ApplyError::Object {
            reference: reference(object),
            source: self.cluster.explain(e),
        };
        let before = api.get_opt(name).await.map_err(object_error)?;
        let established = before.as_ref().is_some_and(is_established);
        let apply = |dry_run: bool| {
            let mut params = PatchParams::apply(FIELD_MANAGER).force();
            params.dry_run = dry_run;
            let api = api.clone();
            async move { api.patch(name, &params, &Patch::Apply(object)).await }
        };
        let action = match before {
            None => match apply(self.dry_run).await {
                Ok(_) => Action::Created,
                // A dry run creates no Namespace, so an object in a Namespace the same run
                // would create cannot be checked by the server; it would be created.
                Err(kube::Error::Api(e))
                    if self.dry_run
                        && e.code == 404
                        && namespace.as_deref().is_some_and(|ns| {
                            e.message == format!("namespaces \"{ns}\" not found")
                        }) =>
                {
                    Action::Created
                }
                Err(e) => return Err(object_error(e)),
            },
            // floe's last apply is still what the object holds: applying again would change
            // nothing, so not even a dry run is sent.
            Some(before) if already_applied(&before, object) => Action::Unchanged,
            Some(before) => {
                // Some servers (1.20 among them) write a no-op apply anyway, bumping the
                // resourceVersion. A dry run tells whether anything would change, so an
                // unchanged object is not written at all.
                let merged = apply(true).await.map_err(object_error)?;
                if same_object(&before, &merged) {
                    Action::Unchanged
                } else {
                    if !self.dry_run {
                        apply(false).await.map_err(object_error)?;
                    }
                    Action::Configured
                }
            }
        };
        Ok(Applied {
            kind: ar.kind.clone(),
            name: name.to_string(),
            namespace,
            action,
            established,
        })
    }

    /// What a forced server-side apply of `object` as `field_manager` would make of it, without
    /// storing anything: the live object (none when it does not exist) and the server's result.
    /// A namespaced object without a namespace goes to `default_namespace`.
    pub async fn preview(
        &self,
        object: &Value,
        field_manager: &str,
        default_namespace: &str,
    ) -> Result<(Option<Value>, Value), ApplyError> {
        let (_, api, name, _) = self.locate(object, default_namespace).await?;
        let object_error = |e: kube::Error| ApplyError::Object {
            reference: reference(object),
            source: self.cluster.explain(e),
        };
        let before = api.get_opt(name).await.map_err(object_error)?;
        let mut params = PatchParams::apply(field_manager).force();
        params.dry_run = true;
        let merged = api
            .patch(name, &params, &Patch::Apply(object))
            .await
            .map_err(object_error)?;
        let json = |o: DynamicObject| serde_json::to_value(o).expect("a Kubernetes object is JSON");
        Ok((before.map(json), json(merged)))
    }

    /// Applies every object, stage by stage, reporting each outcome as it comes. Namespaces
    /// first, then CRDs; the rest is applied while the server establishes the new CRDs, unless
    /// some of it is of their kinds, which waits for them. Either way the CRDs are Established
    /// when this returns, so what comes next can use them.
    pub async fn apply_all(
        &self,
        objects: &[Value],
        crd_timeout: std::time::Duration,
        on_applied: &(dyn Fn(&Applied) + Sync),
    ) -> Result<Vec<Applied>, ApplyError> {
        let stage_of = |o: &Value| match o["kind"].as_str() {
            Some("Namespace") => 0,
            Some("CustomResourceDefinition") => 1,
            _ => 2,
        };
        let stage =
            |n: usize| -> Vec<&Value> { objects.iter().filter(|o| stage_of(o) == n).collect() };
        let mut results = self.apply_batch(&stage(0), on_applied).await?;
        let crds = stage(1);
        let applied_crds = self.apply_batch(&crds, on_applied).await?;
        // A CRD the apply left unchanged and that was Established before needs no wait.
        let pending: Vec<&str> = applied_crds
            .iter()
            .filter(|a| !(a.action == Action::Unchanged && a.established))
            .map(|a| a.name.as_str())
            .collect();
        let rest = stage(2);
        let crd_groups: std::collections::HashSet<&str> = crds
            .iter()
            .filter_map(|c| c["spec"]["group"].as_str())
            .collect();
        let uses_new_kinds = rest.iter().any(|o| {
            let api_version = o["apiVersion"].as_str().unwrap_or_default();
            api_version
                .split_once('/')
                .is_some_and(|(group, _)| crd_groups.contains(group))
        });
        let applied_rest = if self.dry_run || pending.is_empty() {
            self.apply_batch(&rest, on_applied).await?
        } else if uses_new_kinds {
            self.wait_established(&pending, crd_timeout).await?;
            self.apply_batch(&rest, on_applied).await?
        } else {
            let (_, applied) = futures::future::try_join(
                self.wait_established(&pending, crd_timeout),
                self.apply_batch(&rest, on_applied),
            )
            .await?;
            applied
        };
        results.extend(applied_crds);
        results.extend(applied_rest);
        Ok(results)
    }

    /// Applies objects that do not depend on each other, concurrently, in their order.
    async fn apply_batch(
        &self,
        batch: &[&Value],
        on_applied: &(dyn Fn(&Applied) + Sync),
    ) -> Result<Vec<Applied>, ApplyError> {
        // Resolve each kind once, all kinds at once, before fanning out, so discovery is not
        // repeated.
        let mut seen = std::collections::HashSet::new();
        let kinds: Vec<&Value> = batch
            .iter()
            .copied()
            .filter(|object| {
                seen.insert((
                    object["apiVersion"].as_str().unwrap_or_default(),
                    object["kind"].as_str().unwrap_or_default(),
                ))
            })
            .collect();
        futures::future::try_join_all(kinds.iter().map(|object| self.resource(object))).await?;
        stream::iter(batch.iter().map(|o| async move {
            let applied = self.apply(o).await?;
            on_applied(&applied);
            Ok::<_, ApplyError>(applied)
        }))
        .buffered(CONCURRENCY)
        .try_collect()
        .await
    }

    async fn wait_established(
        &self,
        names: &[&str],
        timeout: std::time::Duration,
    ) -> Result<(), ApplyError> {
        let api: Api<CustomResourceDefinition> = Api::all(self.cluster.client.clone());
        stream::iter(names.iter().map(|name| {
            let api = api.clone();
            async move {
                let established = kube::runtime::wait::await_condition(
                    api,
                    name,
                    kube::runtime::conditions::is_crd_established(),
                );
                match tokio::time::timeout(timeout, established).await {
                    Ok(Ok(_)) => Ok(()),
                    _ => Err(ApplyError::NotEstablished {
                        name: name.to_string(),
                        seconds: timeout.as_secs(),
                    }),
                }
            }
        }))
        .buffer_unordered(CONCURRENCY)
        .try_collect::<Vec<()>>()
        .await?;
        Ok(())
    }
}

/// Whether a live object is a CustomResourceDefinition with Established=True.
fn is_established(object: &DynamicObject) -> bool {
    object
        .types
        .as_ref()
        .is_some_and(|t| t.kind == "CustomResourceDefinition")
        && object.data["status"]["conditions"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|c| c["type"] == "Established" && c["status"] == "True")
}

/// Whether two versions of an object are the same but for bookkeeping the server does on every
/// write (resourceVersion and the managed-fields timestamps).
/// Whether applying would change nothing that matters: the object's content (status aside:
/// controllers write it at any moment, and floe never applies it) is the same, and floe would
/// give up none of the fields it owns (an upgrade that drops a field must write, so the field
/// goes when no one else holds it). floe taking back fields another manager holds with the
/// same values is not a change: after bootstrap, kustomize-controller applies the same
/// components from Git, and the two managers' applies of an atomic struct that the server
/// completes (a Deployment's `fieldRef`, given without `apiVersion`) move its ownership back
/// and forth with every apply while the object stays the same.
fn same_object(live: &DynamicObject, merged: &DynamicObject) -> bool {
    fn content(object: &DynamicObject) -> DynamicObject {
        let mut object = object.clone();
        object.metadata.resource_version = None;
        object.metadata.managed_fields = None;
        if let Some(data) = object.data.as_object_mut() {
            data.remove("status");
        }
        object
    }
    fn owned(object: &DynamicObject) -> BTreeSet<String> {
        let mut paths = BTreeSet::new();
        for entry in object.metadata.managed_fields.iter().flatten() {
            if entry.manager.as_deref() == Some(FIELD_MANAGER)
                && entry.subresource.is_none()
                && let Some(fields) = &entry.fields_v1
            {
                field_paths(&fields.0, String::new(), &mut paths);
            }
        }
        paths
    }
    content(live) == content(merged) && owned(live).is_subset(&owned(merged))
}

/// Fields the server never records in managed fields (structured-merge-diff's stripped set):
/// an applied object's identity and the server's bookkeeping.
const UNTRACKED_METADATA: [&str; 8] = [
    "name",
    "namespace",
    "creationTimestamp",
    "selfLink",
    "uid",
    "generation",
    "managedFields",
    "resourceVersion",
];

/// Whether the live object holds exactly what applying `desired` with floe's field manager
/// would leave: floe's one Apply entry, at `desired`'s apiVersion, owns every field of
/// `desired` and no other, and each of those fields has `desired`'s value. Then the apply is a
/// no-op and can be skipped. Anything this cannot be sure of (a field another manager took
/// over, a value the server normalised or completed, a list item without its key fields)
/// answers false, and the apply is decided by the server's dry run as before.
fn already_applied(live: &DynamicObject, desired: &Value) -> bool {
    let Some(api_version) = desired["apiVersion"].as_str() else {
        return false;
    };
    let mut entries = live
        .metadata
        .managed_fields
        .iter()
        .flatten()
        .filter(|entry| entry.manager.as_deref() == Some(FIELD_MANAGER));
    let (Some(entry), None) = (entries.next(), entries.next()) else {
        return false;
    };
    if entry.operation.as_deref() != Some("Apply")
        || entry.subresource.is_some()
        || entry.api_version.as_deref() != Some(api_version)
    {
        return false;
    }
    let Some(fields) = &entry.fields_v1 else {
        return false;
    };
    let mut desired = desired.clone();
    let Some(top) = desired.as_object_mut() else {
        return false;
    };
    top.remove("apiVersion");
    top.remove("kind");
    if let Some(Value::Object(metadata)) = top.get_mut("metadata") {
        for field in UNTRACKED_METADATA {
            metadata.remove(field);
        }
        if metadata.is_empty() {
            top.remove("metadata");
        }
    }
    let Ok(live) = serde_json::to_value(live) else {
        return false;
    };
    holds(&fields.0, &desired, &live)
}

/// Whether the managed-fields set `owned` is exactly the set of fields of `desired`, and `live`
/// has `desired`'s value at each of them. A set with no members under a field is a leaf (a
/// scalar, or an atomic map or list): its value must equal `live`'s whole.
fn holds(owned: &Value, desired: &Value, live: &Value) -> bool {
    let Some(owned) = owned.as_object() else {
        return false;
    };
    let members = owned.keys().filter(|key| *key != ".").count();
    if members == 0 {
        return desired == live;
    }
    let mut matched = BTreeSet::new();
    let all_held = match desired {
        Value::Object(map) => map.iter().all(|(key, value)| {
            let path = format!("f:{key}");
            matched.insert(path.clone());
            match (owned.get(&path), live.get(key)) {
                (Some(owned), Some(live)) => holds(owned, value, live),
                _ => false,
            }
        }),
        Value::Array(items) => {
            let Some(live_items) = live.as_array() else {
                return false;
            };
            items.iter().all(|item| {
                if item.is_object() {
                    // An item of a keyed list: its `k:{...}` member names the key fields.
                    let Some((path, key)) = owned.keys().find_map(|path| {
                        let key: serde_json::Map<String, Value> =
                            serde_json::from_str(path.strip_prefix("k:")?).ok()?;
                        key.iter()
                            .all(|(field, value)| item.get(field) == Some(value))
                            .then_some((path, key))
                    }) else {
                        return false;
                    };
                    let Some(live_item) = live_items.iter().find(|live_item| {
                        key.iter()
                            .all(|(field, value)| live_item.get(field) == Some(value))
                    }) else {
                        return false;
                    };
                    matched.insert(path.clone()) && holds(&owned[path], item, live_item)
                } else {
                    // A member of a set: `v:<value>`.
                    let path = format!("v:{item}");
                    owned.contains_key(&path) && live_items.contains(item) && matched.insert(path)
                }
            })
        }
        // A scalar where floe owns members beneath.
        _ => false,
    };
    all_held && matched.len() == members
}

/// Every path of a managedFields `fieldsV1` set (`f:spec/f:replicas`, ...).
fn field_paths(fields: &serde_json::Value, prefix: String, into: &mut BTreeSet<String>) {
    if let Some(map) = fields.as_object() {
        for (key, value) in map {
            let path = format!("{prefix}/{key}");
            field_paths(value, path.clone(), into);
            into.insert(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Deployment with `RUNTIME_NAMESPACE` from a `fieldRef`, floe's managed fields holding
    /// `floe_fields` and kustomize-controller's `kc_fields`.
    fn deployment(floe_fields: Value, kc_fields: Value, replicas: i64) -> DynamicObject {
        serde_json::from_value(serde_json::json!({
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": {
                "name": "source-controller",
                "namespace": "flux-system",
                "resourceVersion": "7",
                "managedFields": [
                    { "manager": "floe", "operation": "Apply", "apiVersion": "apps/v1",
                      "fieldsType": "FieldsV1", "fieldsV1": floe_fields,
                      "time": "2026-12-03T00:00:00Z" },
                    { "manager": "kustomize-controller", "operation": "Apply",
                      "apiVersion": "apps/v1", "fieldsType": "FieldsV1", "fieldsV1": kc_fields,
                      "time": "2026-12-03T00:00:01Z" },
                ],
            },
            "spec": { "replicas": replicas, "template": { "spec": { "containers": [{
                "name": "manager",
                "env": [{ "name": "RUNTIME_NAMESPACE", "valueFrom": { "fieldRef": {
                    "apiVersion": "v1", "fieldPath": "metadata.namespace" } } }],
            }] } } },
            "status": { "readyReplicas": 1 },
        }))
        .unwrap()
    }

    #[test]
    fn taking_back_a_field_another_manager_holds_with_the_same_value_changes_nothing() {
        let env = |with_ref: bool| {
            let mut var = serde_json::json!({ ".": {}, "f:name": {} });
            if with_ref {
                var["f:valueFrom"] = serde_json::json!({ "f:fieldRef": {} });
            }
            serde_json::json!({ "f:spec": { "f:replicas": {}, "f:template": { "f:spec": {
                "f:containers": { "k:{\"name\":\"manager\"}": { "f:env": {
                    "k:{\"name\":\"RUNTIME_NAMESPACE\"}": var } } } } } } })
        };
        // After kustomize-controller's forced apply it owns the fieldRef; floe's dry run
        // would take it back, the object staying the same.
        let live = deployment(env(false), env(true), 1);
        let merged = deployment(env(true), env(false), 1);
        assert!(same_object(&live, &merged));
        // floe giving up a field it owned is a change (an upgrade dropping it).
        assert!(!same_object(&merged, &live));
        // And so is any difference in content.
        assert!(!same_object(&live, &deployment(env(true), env(false), 2)));
    }

    /// A Deployment as floe applies it, and the live object after that apply: the server's
    /// defaults, a status, another manager's field and floe's managed-fields entry.
    fn applied_deployment() -> (Value, DynamicObject) {
        let desired = serde_json::json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": { "name": "source-controller", "namespace": "flux-system",
                          "labels": { "app": "source-controller" },
                          "finalizers": ["example.com/keep"] },
            "spec": { "replicas": 1, "template": { "spec": { "containers": [{
                "name": "manager", "image": "ghcr.io/fluxcd/source-controller:v1.9.4",
                "args": ["--log-level=info", "--events-addr=http://nc"],
                "ports": [{ "containerPort": 8080, "name": "http", "protocol": "TCP" }],
            }] } } },
        });
        let floe_fields = serde_json::json!({
            "f:metadata": { "f:labels": { "f:app": {} },
                            "f:finalizers": { ".": {}, "v:\"example.com/keep\"": {} } },
            "f:spec": { "f:replicas": {}, "f:template": { "f:spec": { "f:containers": {
                "k:{\"name\":\"manager\"}": {
                    ".": {}, "f:name": {}, "f:image": {}, "f:args": {},
                    "f:ports": { "k:{\"containerPort\":8080,\"protocol\":\"TCP\"}": {
                        ".": {}, "f:containerPort": {}, "f:name": {}, "f:protocol": {} } },
                } } } } },
        });
        let mut live = desired.clone();
        live["metadata"]["resourceVersion"] = "42".into();
        live["metadata"]["uid"] = "0b6c".into();
        live["metadata"]["annotations"] =
            serde_json::json!({ "deployment.kubernetes.io/revision": "1" });
        live["metadata"]["managedFields"] = serde_json::json!([
            { "manager": "floe", "operation": "Apply", "apiVersion": "apps/v1",
              "fieldsType": "FieldsV1", "fieldsV1": floe_fields,
              "time": "2026-12-03T00:00:00Z" },
            { "manager": "kube-controller-manager", "operation": "Update",
              "apiVersion": "apps/v1", "fieldsType": "FieldsV1", "subresource": "status",
              "fieldsV1": { "f:status": { "f:replicas": {} } },
              "time": "2026-12-03T00:00:01Z" },
        ]);
        let container = &mut live["spec"]["template"]["spec"]["containers"][0];
        container["terminationMessagePath"] = "/dev/termination-log".into();
        container["imagePullPolicy"] = "IfNotPresent".into();
        live["spec"]["strategy"] = serde_json::json!({ "type": "RollingUpdate" });
        live["status"] = serde_json::json!({ "replicas": 1 });
        (desired, serde_json::from_value(live).unwrap())
    }

    #[test]
    fn an_object_holding_floes_last_apply_needs_none() {
        let (desired, live) = applied_deployment();
        assert!(already_applied(&live, &desired));
    }

    #[test]
    fn any_difference_from_floes_last_apply_goes_to_the_server() {
        let (desired, live) = applied_deployment();
        let changed = |edit: &dyn Fn(&mut Value)| {
            let mut desired = desired.clone();
            edit(&mut desired);
            already_applied(&live, &desired)
        };
        let container = "/spec/template/spec/containers/0";
        // A new value, a new field, a dropped field (floe would give it up), an item of an
        // atomic list dropped, a keyed item added, a set member dropped.
        assert!(!changed(&|d| d["spec"]["replicas"] = 2.into()));
        assert!(!changed(&|d| d["metadata"]["labels"]["tier"] = "x".into()));
        assert!(!changed(&|d| {
            d["metadata"]["labels"]
                .as_object_mut()
                .unwrap()
                .remove("app");
        }));
        assert!(!changed(&|d| {
            d.pointer_mut(&format!("{container}/args"))
                .unwrap()
                .as_array_mut()
                .unwrap()
                .pop();
        }));
        assert!(!changed(&|d| {
            d.pointer_mut(&format!("{container}/ports"))
                .unwrap()
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({ "containerPort": 9440, "protocol": "TCP" }));
        }));
        assert!(!changed(
            &|d| d["metadata"]["finalizers"] = serde_json::json!([])
        ));
        // floe's entry records fields at one apiVersion; another version's are not comparable.
        assert!(!changed(&|d| d["apiVersion"] = "apps/v1beta2".into()));
        // The same content is enough only when floe's own entry says floe applied it.
        let mut other = live.clone();
        for entry in other.metadata.managed_fields.iter_mut().flatten() {
            entry.manager = Some("kubectl".into());
        }
        assert!(!already_applied(&other, &desired));
        let mut twice = live.clone();
        let entries = twice.metadata.managed_fields.as_mut().unwrap();
        let mut update = entries[0].clone();
        update.operation = Some("Update".into());
        entries.push(update);
        assert!(!already_applied(&twice, &desired));
    }

    #[test]
    fn an_atomic_value_the_server_completed_is_not_held() {
        let desired = serde_json::json!({ "apiVersion": "v1", "kind": "Pod",
            "metadata": { "name": "p" },
            "spec": { "env": { "valueFrom": { "fieldRef": { "fieldPath": "metadata.namespace" } } } } });
        let mut live = desired.clone();
        live["spec"]["env"]["valueFrom"]["fieldRef"]["apiVersion"] = "v1".into();
        live["metadata"]["managedFields"] = serde_json::json!([
            { "manager": "floe", "operation": "Apply", "apiVersion": "v1",
              "fieldsType": "FieldsV1",
              "fieldsV1": { "f:spec": { "f:env": { "f:valueFrom": { "f:fieldRef": {} } } } } },
        ]);
        let live: DynamicObject = serde_json::from_value(live).unwrap();
        assert!(!already_applied(&live, &desired));
    }

    #[test]
    fn splits_documents_and_lists_and_skips_empty_ones() {
        let text = "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n---\n\
                    apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n";
        let objects = parse_manifests(text).unwrap();
        let refs: Vec<String> = objects.iter().map(reference).collect();
        assert_eq!(refs, ["Namespace/a", "ConfigMap/b"]);
    }

    #[test]
    fn only_an_established_crd_skips_the_wait() {
        let crd = |status: &str| -> DynamicObject {
            serde_json::from_value(serde_json::json!({
                "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
                "metadata": {"name": "x.example.com"},
                "status": {"conditions": [{"type": "Established", "status": status}]}
            }))
            .unwrap()
        };
        assert!(is_established(&crd("True")));
        assert!(!is_established(&crd("False")));
        let mut other = crd("True");
        other.types.as_mut().unwrap().kind = "Deployment".into();
        assert!(!is_established(&other));
    }

    #[test]
    fn bad_yaml_is_an_error() {
        assert!(parse_manifests("a: [").is_err());
    }
}
