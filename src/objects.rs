//! Day-2 operations on Flux objects in a cluster: apply and wait for Ready, request a
//! reconciliation, suspend and resume, delete, and export the live objects as clean YAML.

use std::time::Duration;

use tokio::time::Instant;

use kube::api::{Api, DeleteParams, DynamicObject, ListParams, Patch, PatchParams};
use serde_json::{Value, json};
use zeroize::Zeroizing;

use k8s_openapi::api::core::v1::Secret;

use crate::cluster::Cluster;
use crate::cluster::apply::{Action, Applier};
use crate::cluster::controllers;
use crate::converge::conditions::{
    applied, at, attempt_failed, attempted, decided, handled, never, ready, suspended,
};
use crate::converge::{Condition, Converged, controller_namespaces, converge};
use crate::credentials::{self, KeyAlgorithm};
use crate::kinds::{FluxKind, Namespace, ObjectName, ObjectRef, Observed};

/// The annotation Flux controllers watch for on-demand reconciliations.
pub use crate::kinds::REQUESTED_AT;
/// helm-controller: release once now even if nothing changed (`reconcile hr --force`).
pub const FORCE_AT: &str = "reconcile.fluxcd.io/forceAt";
/// helm-controller: forget the failure count (`reconcile hr --reset`).
pub const RESET_AT: &str = "reconcile.fluxcd.io/resetAt";

/// What went wrong with one Flux object. Commands branch on `NotFound` and `Suspended`.
#[derive(Debug, thiserror::Error)]
pub enum ObjectError {
    #[error("{target} not found; list them with floe get")]
    NotFound { target: ObjectRef },
    #[error("{message}")]
    NotInstalled { message: String },
    #[error("{target} is suspended; resume it with floe resume first")]
    Suspended { target: ObjectRef },
    #[error("{target} is not ready: {message}")]
    NotReady { target: ObjectRef, message: String },
    #[error("{target} did not {what} within {timeout}{detail}; {hint}")]
    Timeout {
        target: ObjectRef,
        what: &'static str,
        timeout: crate::kinds::duration::GoDuration,
        detail: String,
        hint: String,
    },
    #[error("{target} cannot become ready: {reason}; run the command again once it is fixed")]
    ControllerDown { target: ObjectRef, reason: String },
    #[error(transparent)]
    Cluster(#[from] crate::cluster::ClusterError),
    #[error(transparent)]
    Apply(#[from] crate::cluster::apply::ApplyError),
}

impl ObjectRef {
    pub fn api(&self, cluster: &Cluster) -> Api<DynamicObject> {
        self.kind.api(cluster, Some(&self.namespace))
    }

    fn not_found(&self) -> ObjectError {
        ObjectError::NotFound {
            target: self.clone(),
        }
    }

    fn controller_down(&self, reason: String) -> ObjectError {
        ObjectError::ControllerDown {
            target: self.clone(),
            reason,
        }
    }

    /// A wait that ran out, with what the controller's state says about why.
    async fn timeout(
        &self,
        cluster: &Cluster,
        what: &'static str,
        timeout: Duration,
        last: Option<&Observed>,
    ) -> ObjectError {
        let detail = last
            .and_then(Observed::ready)
            .map(|c| format!(" (Ready={}: {})", c.status, c.message))
            .unwrap_or_default();
        let controller = self.kind.controller();
        let hint = match controllers::check(cluster, controller, &controller_namespaces(self)).await
        {
            controllers::Health::Broken(reason) | controllers::Health::NotReady(reason) => reason,
            controllers::Health::Fine => {
                format!("the {controller} runs but has not finished; see floe get and its logs")
            }
        };
        ObjectError::Timeout {
            target: self.clone(),
            what,
            timeout: crate::kinds::duration::GoDuration(timeout),
            detail,
            hint,
        }
    }

    /// The live object as the API returns it.
    pub async fn fetch(&self, cluster: &Cluster) -> Result<DynamicObject, ObjectError> {
        cluster.doing(format!("reading {self}"));
        match self.api(cluster).get_opt(&self.name).await {
            Ok(Some(object)) => Ok(object),
            Ok(None) => Err(self.not_found()),
            // The API server answers a kind it does not serve with a bare 404.
            Err(kube::Error::Api(status)) if status.code == 404 => Err(ObjectError::NotInstalled {
                message: self.kind.not_installed(),
            }),
            Err(e) => Err(cluster.explain(e).into()),
        }
    }

    /// The live object's state, read through its kind's typed resource.
    pub async fn get(&self, cluster: &Cluster) -> Result<Observed, ObjectError> {
        Ok(self.kind.observe(&self.fetch(cluster).await?))
    }
}

impl FluxKind {
    /// An API handle for one namespace, or for all of them.
    pub fn api(self, cluster: &Cluster, namespace: Option<&str>) -> Api<DynamicObject> {
        let ar = self.api_resource();
        match namespace {
            Some(ns) => Api::namespaced_with(cluster.client.clone(), ns, &ar),
            None => Api::all_with(cluster.client.clone(), &ar),
        }
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
        credentials::scan_known_hosts(&credentials::ssh_host(url)?).await
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

/// The data of ConfigMap (or, with `secret`, Secret) `namespace/name` as text, `None` when it
/// does not exist: what a sync's `substituteFrom` and a release's `valuesFrom` read.
pub async fn text_data(
    cluster: &Cluster,
    secret: bool,
    namespace: &str,
    name: &str,
) -> Result<Option<std::collections::BTreeMap<String, String>>, crate::cluster::ClusterError> {
    if secret {
        let secrets: Api<Secret> = Api::namespaced(cluster.client.clone(), namespace);
        Ok(secrets
            .get_opt(name)
            .await
            .map_err(|e| cluster.explain(e))?
            .map(|s| {
                s.data
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(k, v)| (k, String::from_utf8_lossy(&v.0).into_owned()))
                    .collect()
            }))
    } else {
        let maps: Api<k8s_openapi::api::core::v1::ConfigMap> =
            Api::namespaced(cluster.client.clone(), namespace);
        Ok(maps
            .get_opt(name)
            .await
            .map_err(|e| cluster.explain(e))?
            .map(|c| c.data.unwrap_or_default()))
    }
}

/// The value of `key` in Secret `namespace/name`, when both exist and it is text.
pub async fn secret_value(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    key: &str,
) -> anyhow::Result<Option<Zeroizing<String>>> {
    let secrets: Api<Secret> = Api::namespaced(cluster.client.clone(), namespace);
    let secret = secrets
        .get_opt(name)
        .await
        .map_err(|e| cluster.explain(e))?;
    Ok(secret
        .and_then(|s| s.data)
        .and_then(|mut data| data.remove(key))
        .and_then(|bytes| String::from_utf8(bytes.0).ok())
        .map(Zeroizing::new))
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

/// Waits until the object is Ready for its current generation. A failed attempt at the
/// current generation ends the wait early with its message (see [`Observed::settled`]);
/// otherwise the wait runs until `timeout`.
pub async fn wait_ready(
    cluster: &Cluster,
    target: &ObjectRef,
    timeout: Duration,
) -> Result<Observed, ObjectError> {
    cluster.doing(format!("waiting for {target} to become ready"));
    let deadline = Instant::now() + timeout;
    match converge(cluster, target, ready(), attempt_failed(), deadline).await? {
        Converged::Reached(observed) => Ok(observed),
        Converged::Stopped(observed) => Err(ObjectError::NotReady {
            target: target.clone(),
            message: observed.failure_message(),
        }),
        Converged::TimedOut(last) => Err(target
            .timeout(cluster, "become ready", timeout, last.as_ref())
            .await),
        Converged::ControllerDown(reason) => Err(target.controller_down(reason)),
    }
}

/// Waits until the object is Ready at `wanted` (a commit, `main@sha1:<commit>`, a chart
/// version; see [`crate::kinds::observed::names_revision`]), or, without one, Ready for its
/// current generation. A revision its `status.history` records as applied counts too: the
/// controller may have moved on to a newer one since. Ends early with the controller's
/// message when its attempt at `wanted` failed (a sync or release records which revision it
/// attempted; for a source, any failed attempt), when the object is (or becomes) suspended,
/// and when the controller cannot run.
pub async fn wait_for_revision(
    cluster: &Cluster,
    target: &ObjectRef,
    wanted: Option<&str>,
    timeout: Duration,
) -> Result<Observed, ObjectError> {
    let Some(wanted) = wanted else {
        return wait_ready(cluster, target, timeout).await;
    };
    cluster.doing(format!("waiting for {target} to be ready at {wanted}"));
    let deadline = Instant::now() + timeout;
    let reached = ready().and(at(wanted)).or(applied(wanted));
    let current = target.get(cluster).await?;
    if reached.holds(&current) {
        return Ok(current);
    }
    // A suspended object reconciles nothing: the wait could only run out.
    let suspended_error = || ObjectError::Suspended {
        target: target.clone(),
    };
    if current.suspended {
        return Err(suspended_error());
    }
    let stop = attempted(wanted).and(attempt_failed()).or(suspended());
    match converge(cluster, target, reached, stop, deadline).await? {
        Converged::Reached(observed) => Ok(observed),
        Converged::Stopped(observed) if observed.suspended => Err(suspended_error()),
        Converged::Stopped(observed) => Err(ObjectError::NotReady {
            target: target.clone(),
            message: observed.failure_message(),
        }),
        Converged::TimedOut(last) => Err(target
            .timeout(
                cluster,
                "become ready at that revision",
                timeout,
                Some(&last.unwrap_or(current)),
            )
            .await),
        Converged::ControllerDown(reason) => Err(target.controller_down(reason)),
    }
}

/// What a reconcile request asks for besides "now": helm-controller's one-off forced
/// release and failure-count reset (`flux reconcile hr --force --reset`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Request {
    pub force: bool,
    pub reset: bool,
}

/// Asks the controller to reconcile now (the `requestedAt` annotation) and waits until it has
/// handled that request, then reports the object's Ready condition.
pub async fn reconcile(
    cluster: &Cluster,
    target: &ObjectRef,
    request: Request,
    timeout: Duration,
) -> Result<Observed, ObjectError> {
    if target.get(cluster).await?.suspended {
        return Err(ObjectError::Suspended {
            target: target.clone(),
        });
    }
    let token = request_reconcile(cluster, target, request, None).await?;
    wait_handled(cluster, target, &token, timeout).await
}

/// Sets the request annotations (and optionally `spec.suspend`) in one merge patch; returns
/// the request token.
pub async fn request_reconcile(
    cluster: &Cluster,
    target: &ObjectRef,
    request: Request,
    suspend: Option<bool>,
) -> Result<String, ObjectError> {
    // RFC 3339 with nanoseconds, as Flux's CLI writes it; any new value is a new request.
    let token = jiff::Timestamp::now().to_string();
    let mut annotations = serde_json::Map::new();
    annotations.insert(REQUESTED_AT.into(), json!(token));
    if request.force {
        annotations.insert(FORCE_AT.into(), json!(token));
    }
    if request.reset {
        annotations.insert(RESET_AT.into(), json!(token));
    }
    let mut patch = json!({ "metadata": { "annotations": annotations } });
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
) -> Result<Observed, ObjectError> {
    cluster.doing(format!("waiting for the controller to reconcile {target}"));
    let deadline = Instant::now() + timeout;
    let answered = handled(token).and(decided());
    let observed = match converge(cluster, target, answered, never(), deadline).await? {
        Converged::Reached(observed) => observed,
        Converged::Stopped(_) | Converged::TimedOut(_) => {
            return Err(target
                .timeout(cluster, "handle the reconcile request", timeout, None)
                .await);
        }
        Converged::ControllerDown(reason) => return Err(target.controller_down(reason)),
    };
    if observed.ready().is_some_and(|c| c.status == "True") {
        Ok(observed)
    } else {
        Err(ObjectError::NotReady {
            target: target.clone(),
            message: observed.failure_message(),
        })
    }
}

/// Suspends reconciliation (`spec.suspend: true`). Returns false when it already was.
pub async fn suspend(cluster: &Cluster, target: &ObjectRef) -> Result<bool, ObjectError> {
    if target.get(cluster).await?.suspended {
        return Ok(false);
    }
    patch_object(cluster, target, &json!({ "spec": { "suspend": true } })).await?;
    Ok(true)
}

/// Clears `spec.suspend` without waiting for the controller.
pub async fn unsuspend(cluster: &Cluster, target: &ObjectRef) -> Result<(), ObjectError> {
    target.get(cluster).await?;
    request_reconcile(cluster, target, Request::default(), Some(false)).await?;
    Ok(())
}

/// Resumes reconciliation and, as `flux resume` does, waits for the controller to reconcile.
pub async fn resume(
    cluster: &Cluster,
    target: &ObjectRef,
    timeout: Duration,
) -> Result<Observed, ObjectError> {
    target.get(cluster).await?;
    let token = request_reconcile(cluster, target, Request::default(), Some(false)).await?;
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
        target: target.clone(),
        what: "go away",
        timeout: crate::kinds::duration::GoDuration(timeout),
        detail: format!(" (waiting on finalizers: {finalizers})"),
        hint: format!("is the {controller} running? (floe check)"),
    })
}

/// The live objects of one kind (one by name, or all in the namespace, or all namespaces) as
/// `flux export` prints them: `---`-separated documents with apiVersion, kind, name, namespace,
/// labels, annotations a user wrote, and spec; never status or server-set metadata. With
/// `skip_missing`, a kind whose CRD is not installed exports nothing.
pub async fn export(
    cluster: &Cluster,
    kind: FluxKind,
    namespace: Option<&Namespace>,
    name: Option<&ObjectName>,
    skip_missing: bool,
) -> Result<String, ObjectError> {
    let objects: Vec<Value> = match (name, namespace) {
        (Some(name), Some(namespace)) => {
            let object = ObjectRef::new(kind, namespace, name).fetch(cluster).await?;
            vec![kind.declared(&object)]
        }
        _ => {
            let list = match kind
                .api(cluster, namespace.map(Namespace::as_str))
                .list(&ListParams::default())
                .await
            {
                Ok(list) => list,
                Err(kube::Error::Api(status)) if skip_missing && status.code == 404 => {
                    return Ok(String::new());
                }
                Err(e) => return Err(cluster.explain(e).into()),
            };
            let mut objects: Vec<Value> = list.items.iter().map(|o| kind.declared(o)).collect();
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
const TOOL_ANNOTATIONS: [&str; 4] = [
    "kubectl.kubernetes.io/last-applied-configuration",
    REQUESTED_AT,
    FORCE_AT,
    RESET_AT,
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
}
