//! Day-2 operations on Flux objects in a cluster: apply and wait for Ready, request a
//! reconciliation, suspend and resume, delete, and export the live objects as clean YAML.

use std::time::Duration;

use kube::api::{Api, DeleteParams, DynamicObject, ListParams, Patch, PatchParams};
use serde_json::{Value, json};

use k8s_openapi::api::core::v1::Secret;

use crate::cluster::Cluster;
use crate::cluster::apply::{Action, Applier};
use crate::cluster::controllers;
use crate::cluster::wait::{attempt_failed, is_ready_now, ready_condition, watch_until};
use crate::credentials::{self, KeyAlgorithm};
use crate::status::FluxKind;

/// The annotation Flux controllers watch for on-demand reconciliations.
pub const REQUESTED_AT: &str = "reconcile.fluxcd.io/requestedAt";

/// What went wrong with one Flux object. Commands branch on `NotFound` and `Suspended`.
#[derive(Debug, thiserror::Error)]
pub enum ObjectError {
    #[error("{kind} {namespace}/{name} not found; list them with floe get")]
    NotFound {
        kind: FluxKind,
        namespace: String,
        name: String,
    },
    #[error("{kind} {namespace}/{name} is suspended; resume it with floe resume first")]
    Suspended {
        kind: FluxKind,
        namespace: String,
        name: String,
    },
    #[error("{kind} {namespace}/{name} is not ready: {message}")]
    NotReady {
        kind: FluxKind,
        namespace: String,
        name: String,
        message: String,
    },
    #[error("{kind} {namespace}/{name} did not {what} within {timeout}{detail}; {hint}")]
    Timeout {
        kind: FluxKind,
        namespace: String,
        name: String,
        what: &'static str,
        timeout: crate::manifests::duration::GoDuration,
        detail: String,
        hint: String,
    },
    #[error(
        "{kind} {namespace}/{name} cannot become ready: {reason}; run the command again once it is fixed"
    )]
    ControllerDown {
        kind: FluxKind,
        namespace: String,
        name: String,
        reason: String,
    },
    #[error(transparent)]
    Cluster(#[from] crate::cluster::ClusterError),
    #[error(transparent)]
    Apply(#[from] crate::cluster::apply::ApplyError),
}

/// One Flux object in the cluster, by kind, namespace and name; shown as `Kind ns/name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectRef {
    pub kind: FluxKind,
    pub namespace: String,
    pub name: String,
}

impl std::fmt::Display for ObjectRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}/{}", self.kind, self.namespace, self.name)
    }
}

impl ObjectRef {
    pub fn new(kind: FluxKind, namespace: &str, name: &str) -> Self {
        ObjectRef {
            kind,
            namespace: namespace.to_string(),
            name: name.to_string(),
        }
    }

    pub fn api(&self, cluster: &Cluster) -> Api<DynamicObject> {
        self.kind.api(cluster, Some(&self.namespace))
    }

    fn not_found(&self) -> ObjectError {
        ObjectError::NotFound {
            kind: self.kind,
            namespace: self.namespace.clone(),
            name: self.name.clone(),
        }
    }

    /// Where the controller for this object is looked for: the object's namespace, then
    /// Flux's default one (else the only one in the cluster, see [`controllers::check`]).
    fn controller_namespaces(&self) -> [&str; 2] {
        [self.namespace.as_str(), "flux-system"]
    }

    /// A wait that ran out, with what the controller's state says about why.
    async fn timeout(
        &self,
        cluster: &Cluster,
        what: &'static str,
        timeout: Duration,
        last: Option<&Value>,
    ) -> ObjectError {
        let detail = last
            .and_then(ready_condition)
            .map(|(status, _, message)| format!(" (Ready={status}: {message})"))
            .unwrap_or_default();
        let controller = self.kind.controller();
        let hint = match controllers::check(cluster, controller, &self.controller_namespaces())
            .await
        {
            controllers::Health::Broken(reason) | controllers::Health::NotReady(reason) => reason,
            controllers::Health::Fine => {
                format!("the {controller} runs but has not finished; see floe get and its logs")
            }
        };
        ObjectError::Timeout {
            kind: self.kind,
            namespace: self.namespace.clone(),
            name: self.name.clone(),
            what,
            timeout: crate::manifests::duration::GoDuration(timeout),
            detail,
            hint,
        }
    }

    /// The live object as JSON.
    pub async fn get(&self, cluster: &Cluster) -> Result<Value, ObjectError> {
        cluster.doing(format!("reading {self}"));
        let object = self
            .api(cluster)
            .get_opt(&self.name)
            .await
            .map_err(|e| cluster.explain(e))?
            .ok_or_else(|| self.not_found())?;
        Ok(serde_json::to_value(object).expect("objects serialize"))
    }
}

/// Applies a Flux object (server-side, field manager floe) and says whether it changed.
pub async fn apply(cluster: &Cluster, object: &Value) -> Result<Action, ObjectError> {
    cluster.doing(format!(
        "applying {}",
        crate::cluster::apply::reference(object)
    ));
    Ok(Applier::new(cluster).apply(object).await?.action)
}

/// SSH credentials for a source in the Secret `name`: an existing Secret's key is kept (so a
/// re-run does not rotate a key already registered as a deploy key); otherwise a new key pair
/// and the host's known_hosts (from ssh-keyscan) are stored. Returns the public key and whether
/// it is new.
pub async fn ensure_ssh_credentials(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    url: &str,
    algorithm: KeyAlgorithm,
) -> anyhow::Result<(String, SecretChange)> {
    ensure_ssh_secret(cluster, namespace, name, None, algorithm, || async {
        let (host, port) = credentials::ssh_host(url)?;
        credentials::scan_known_hosts(&host, port).await
    })
    .await
}

/// What [`ensure_ssh_secret`] did to the Secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretChange {
    Created,
    /// The Secret held another key than the one given: replaced.
    Updated,
    Kept,
}

/// The Secret's SSH key: without `key`, an existing Secret's key is kept (a re-run does not
/// rotate a key already registered as a deploy key); with `key`, the Secret holds that key
/// (replaced when it held another). A new Secret gets `key` (or a new pair of `algorithm`)
/// and `known_hosts()`, which is only called when writing. Returns the public key and what
/// changed.
pub async fn ensure_ssh_secret<F, Fut>(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    key: Option<&credentials::SshKeyPair>,
    algorithm: KeyAlgorithm,
    known_hosts: F,
) -> anyhow::Result<(String, SecretChange)>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<String>>,
{
    let secrets: Api<Secret> = Api::namespaced(cluster.client.clone(), namespace);
    let existing = secrets
        .get_opt(name)
        .await
        .map_err(|e| cluster.explain(e))?;
    let stored = existing.as_ref().and_then(credentials::public_key_of);
    let change = match (&stored, key) {
        (Some(public_key), None) => return Ok((public_key.trim().to_string(), SecretChange::Kept)),
        (Some(public_key), Some(key))
            if credentials::key_material(public_key)
                == credentials::key_material(&key.public_openssh) =>
        {
            return Ok((public_key.trim().to_string(), SecretChange::Kept));
        }
        (Some(_), Some(_)) => SecretChange::Updated,
        (None, _) if existing.is_some() => SecretChange::Updated,
        (None, _) => SecretChange::Created,
    };
    let known_hosts = known_hosts().await?;
    let generated;
    let key = match key {
        Some(key) => key,
        None => {
            generated = credentials::generate_key(algorithm)?;
            &generated
        }
    };
    let secret = credentials::ssh_secret(name, namespace, key, &known_hosts);
    let mut value = serde_json::to_value(&secret)?;
    value["apiVersion"] = json!("v1");
    value["kind"] = json!("Secret");
    if change == SecretChange::Updated {
        // A replacement, not a merge: no field of the old credentials may survive.
        secrets
            .replace(name, &Default::default(), &secret)
            .await
            .map_err(|e| cluster.explain(e))?;
    } else {
        apply(cluster, &value).await?;
    }
    Ok((key.public_openssh.trim().to_string(), change))
}

/// Waits until the object is Ready for its current generation. A Ready=False condition whose
/// controller has seen the current generation ends the wait early with its message, as does
/// Stalled; otherwise the wait runs until `timeout`.
pub async fn wait_ready(
    cluster: &Cluster,
    target: &ObjectRef,
    timeout: Duration,
) -> Result<Value, ObjectError> {
    cluster.doing(format!("waiting for {target} to become ready"));
    let watch = async {
        watch_until(target.api(cluster), &target.name, timeout, |o| {
            let value = serde_json::to_value(o).expect("objects serialize");
            settled(&value).is_some()
        })
        .await
        .map_err(|e| ObjectError::from(cluster.explain(e)))
    };
    let (done, last) = guarded(cluster, target, watch).await?;
    let last = last.map(|o| serde_json::to_value(o).expect("objects serialize"));
    match (done, &last) {
        (true, Some(value)) => match settled(value) {
            Some(Ok(())) => Ok(value.clone()),
            Some(Err(message)) => Err(ObjectError::NotReady {
                kind: target.kind,
                namespace: target.namespace.clone(),
                name: target.name.clone(),
                message,
            }),
            None => unreachable!("watch_until returned on a settled object"),
        },
        _ => Err(target
            .timeout(cluster, "become ready", timeout, last.as_ref())
            .await),
    }
}

/// `Some(Ok)` when Ready for the current generation, `Some(Err(message))` when the controller
/// has given up on it (Ready=False and Stalled, or Ready=False for the current generation with
/// no reconciliation in progress), `None` while still in progress.
fn settled(object: &Value) -> Option<Result<(), String>> {
    let (_, _, message) = ready_condition(object)?;
    if is_ready_now(object) {
        Some(Ok(()))
    } else if attempt_failed(object) {
        Some(Err(message))
    } else {
        None
    }
}

/// Races `wait` against the controller of `target`'s kind being found unable to act (a Pod
/// that cannot pull its image or keeps crashing: at once; absent or never ready: after a
/// grace period).
async fn guarded<T>(
    cluster: &Cluster,
    target: &ObjectRef,
    wait: impl std::future::Future<Output = Result<T, ObjectError>>,
) -> Result<T, ObjectError> {
    let controller = target.kind.controller();
    let namespaces = target.controller_namespaces();
    tokio::select! {
        result = wait => result,
        reason = controllers::watch_for_failure(cluster, controller, &namespaces) => {
            Err(ObjectError::ControllerDown {
                kind: target.kind,
                namespace: target.namespace.clone(),
                name: target.name.clone(),
                reason,
            })
        }
    }
}

/// Asks the controller to reconcile now (the `requestedAt` annotation) and waits until it has
/// handled that request, then reports the object's Ready condition.
pub async fn reconcile(
    cluster: &Cluster,
    target: &ObjectRef,
    timeout: Duration,
) -> Result<Value, ObjectError> {
    let current = target.get(cluster).await?;
    if current["spec"]["suspend"].as_bool() == Some(true) {
        return Err(ObjectError::Suspended {
            kind: target.kind,
            namespace: target.namespace.clone(),
            name: target.name.clone(),
        });
    }
    let token = request_reconcile(cluster, target, None).await?;
    wait_handled(cluster, target, &token, timeout).await
}

/// Sets the request annotation (and optionally `spec.suspend`) in one merge patch; returns the
/// request token.
pub async fn request_reconcile(
    cluster: &Cluster,
    target: &ObjectRef,
    suspend: Option<bool>,
) -> Result<String, ObjectError> {
    // RFC 3339 with nanoseconds, as Flux's CLI writes it; any new value is a new request.
    let token = jiff::Timestamp::now().to_string();
    let mut patch = json!({ "metadata": { "annotations": { REQUESTED_AT: token } } });
    if let Some(suspend) = suspend {
        patch["spec"] = json!({ "suspend": suspend });
    }
    patch_object(cluster, target, &patch).await?;
    Ok(token)
}

async fn patch_object(
    cluster: &Cluster,
    target: &ObjectRef,
    patch: &Value,
) -> Result<(), ObjectError> {
    match target
        .api(cluster)
        .patch(&target.name, &PatchParams::default(), &Patch::Merge(patch))
        .await
    {
        Ok(_) => Ok(()),
        Err(kube::Error::Api(status)) if status.code == 404 => Err(target.not_found()),
        Err(e) => Err(cluster.explain(e).into()),
    }
}

/// Waits until `status.lastHandledReconcileAt` equals the request token, then reports Ready.
async fn wait_handled(
    cluster: &Cluster,
    target: &ObjectRef,
    token: &str,
    timeout: Duration,
) -> Result<Value, ObjectError> {
    let handled = |o: &DynamicObject| {
        o.data["status"]["lastHandledReconcileAt"].as_str() == Some(token)
            && o.data["status"]["conditions"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|c| c["type"] == "Ready" && c["status"] != "Unknown")
    };
    cluster.doing(format!("waiting for the controller to reconcile {target}"));
    let watch = async {
        watch_until(target.api(cluster), &target.name, timeout, handled)
            .await
            .map_err(|e| ObjectError::from(cluster.explain(e)))
    };
    let (done, last) = guarded(cluster, target, watch).await?;
    let last = last.map(|o| serde_json::to_value(o).expect("objects serialize"));
    let Some(value) = last.filter(|_| done) else {
        return Err(target
            .timeout(cluster, "handle the reconcile request", timeout, None)
            .await);
    };
    match ready_condition(&value) {
        Some((status, _, _)) if status == "True" => Ok(value),
        Some((_, _, message)) => Err(ObjectError::NotReady {
            kind: target.kind,
            namespace: target.namespace.clone(),
            name: target.name.clone(),
            message,
        }),
        None => unreachable!("handled() requires a Ready condition"),
    }
}

/// Suspends reconciliation (`spec.suspend: true`). Returns false when it already was.
pub async fn suspend(cluster: &Cluster, target: &ObjectRef) -> Result<bool, ObjectError> {
    let current = target.get(cluster).await?;
    if current["spec"]["suspend"].as_bool() == Some(true) {
        return Ok(false);
    }
    patch_object(cluster, target, &json!({ "spec": { "suspend": true } })).await?;
    Ok(true)
}

/// Clears `spec.suspend` without waiting for the controller.
pub async fn unsuspend(cluster: &Cluster, target: &ObjectRef) -> Result<(), ObjectError> {
    target.get(cluster).await?;
    request_reconcile(cluster, target, Some(false)).await?;
    Ok(())
}

/// Resumes reconciliation and, as `flux resume` does, waits for the controller to reconcile.
pub async fn resume(
    cluster: &Cluster,
    target: &ObjectRef,
    timeout: Duration,
) -> Result<Value, ObjectError> {
    target.get(cluster).await?;
    let token = request_reconcile(cluster, target, Some(false)).await?;
    wait_handled(cluster, target, &token, timeout).await
}

/// Deletes the object and waits until it is gone (its controller runs the finalizers).
pub async fn delete(
    cluster: &Cluster,
    target: &ObjectRef,
    timeout: Duration,
) -> Result<(), ObjectError> {
    cluster.doing(format!("deleting {target}"));
    let api = target.api(cluster);
    match api.delete(&target.name, &DeleteParams::background()).await {
        Ok(_) => {}
        Err(kube::Error::Api(status)) if status.code == 404 => return Err(target.not_found()),
        Err(e) => return Err(cluster.explain(e).into()),
    }
    let (gone, last) = crate::cluster::wait::watch_until_deleted(api, &target.name, timeout)
        .await
        .map_err(|e| cluster.explain(e))?;
    if gone {
        return Ok(());
    }
    let finalizers = last
        .map(|o| o.metadata.finalizers.unwrap_or_default().join(", "))
        .unwrap_or_default();
    let controller = target.kind.controller();
    Err(ObjectError::Timeout {
        kind: target.kind,
        namespace: target.namespace.clone(),
        name: target.name.clone(),
        what: "go away",
        timeout: crate::manifests::duration::GoDuration(timeout),
        detail: format!(" (waiting on finalizers: {finalizers})"),
        hint: format!("is the {controller} running? (floe check)"),
    })
}

/// The live objects of one kind (one by name, or all in the namespace, or all namespaces) as
/// `flux export` prints them: `---`-separated documents with apiVersion, kind, name, namespace,
/// labels, annotations a user wrote, and spec; never status or server-set metadata.
pub async fn export(
    cluster: &Cluster,
    kind: FluxKind,
    namespace: Option<&str>,
    name: Option<&str>,
) -> Result<String, ObjectError> {
    let objects: Vec<Value> = match (name, namespace) {
        (Some(name), Some(namespace)) => {
            vec![ObjectRef::new(kind, namespace, name).get(cluster).await?]
        }
        _ => {
            let list = kind
                .api(cluster, namespace)
                .list(&ListParams::default())
                .await
                .map_err(|e| cluster.explain(e))?;
            let mut objects: Vec<Value> = list
                .items
                .into_iter()
                .map(|o| serde_json::to_value(o).expect("objects serialize"))
                .collect();
            objects.sort_by_key(|o| {
                (
                    o["metadata"]["namespace"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                    o["metadata"]["name"].as_str().unwrap_or("").to_string(),
                )
            });
            objects
        }
    };
    let ar = kind.api_resource();
    Ok(objects
        .iter()
        .map(|o| crate::manifests::yaml::export_document(&clean(o, &ar.api_version, &ar.kind)))
        .collect())
}

/// Annotations that belong to tools and controllers, not to the user's declaration.
const TOOL_ANNOTATIONS: [&str; 3] = [
    "kubectl.kubernetes.io/last-applied-configuration",
    REQUESTED_AT,
    "reconcile.fluxcd.io/forceAt",
];

/// The declaration of a live object: what a user would commit to Git.
pub fn clean(object: &Value, api_version: &str, kind: &str) -> Value {
    let metadata = &object["metadata"];
    let mut clean_metadata = serde_json::Map::new();
    clean_metadata.insert("name".into(), metadata["name"].clone());
    clean_metadata.insert("namespace".into(), metadata["namespace"].clone());
    if let Some(labels) = metadata["labels"].as_object().filter(|l| !l.is_empty()) {
        clean_metadata.insert("labels".into(), Value::Object(labels.clone()));
    }
    if let Some(annotations) = metadata["annotations"].as_object() {
        let kept: serde_json::Map<String, Value> = annotations
            .iter()
            .filter(|(k, _)| !TOOL_ANNOTATIONS.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !kept.is_empty() {
            clean_metadata.insert("annotations".into(), Value::Object(kept));
        }
    }
    json!({
        "apiVersion": api_version,
        "kind": kind,
        "metadata": clean_metadata,
        "spec": object["spec"].clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_keeps_the_declaration_and_drops_server_state() {
        let live = json!({
            "apiVersion": "source.toolkit.fluxcd.io/v1",
            "kind": "GitRepository",
            "metadata": {
                "name": "app", "namespace": "flux-system", "uid": "1", "resourceVersion": "9",
                "generation": 2, "creationTimestamp": "2026-01-01T00:00:00Z",
                "managedFields": [{}], "finalizers": ["finalizers.fluxcd.io"],
                "labels": {"team": "a"},
                "annotations": {REQUESTED_AT: "now", "note": "kept"}
            },
            "spec": {"interval": "1m", "url": "https://example.com/app"},
            "status": {"observedGeneration": 2}
        });
        let clean = clean(&live, "source.toolkit.fluxcd.io/v1", "GitRepository");
        assert_eq!(
            clean,
            json!({
                "apiVersion": "source.toolkit.fluxcd.io/v1",
                "kind": "GitRepository",
                "metadata": {
                    "name": "app", "namespace": "flux-system",
                    "labels": {"team": "a"}, "annotations": {"note": "kept"}
                },
                "spec": {"interval": "1m", "url": "https://example.com/app"}
            })
        );
    }

    fn with_conditions(generation: i64, observed: i64, conditions: Value) -> Value {
        json!({
            "metadata": {"generation": generation},
            "status": {"observedGeneration": observed, "conditions": conditions}
        })
    }

    #[test]
    fn settled_waits_for_the_current_generation() {
        let ready = json!([{"type": "Ready", "status": "True", "message": "ok"}]);
        assert_eq!(settled(&with_conditions(2, 1, ready.clone())), None);
        assert_eq!(settled(&with_conditions(2, 2, ready)), Some(Ok(())));
    }

    #[test]
    fn settled_reports_failure_only_when_the_controller_stopped_trying() {
        let failing = json!([
            {"type": "Ready", "status": "False", "message": "auth failed"},
            {"type": "Reconciling", "status": "True"}
        ]);
        assert_eq!(settled(&with_conditions(1, 1, failing)), None);
        let stalled = json!([
            {"type": "Ready", "status": "False", "message": "auth failed"},
            {"type": "Stalled", "status": "True"}
        ]);
        assert_eq!(
            settled(&with_conditions(1, 1, stalled)),
            Some(Err("auth failed".to_string()))
        );
        let failed = json!([{"type": "Ready", "status": "False", "message": "no such path"}]);
        assert_eq!(
            settled(&with_conditions(1, 1, failed)),
            Some(Err("no such path".to_string()))
        );
    }
}
