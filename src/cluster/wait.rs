//! Waiting on the cluster with watches, never sleep loops: Deployment rollouts, Flux objects'
//! Ready condition, and why a controller's pods are not coming up.

use std::fmt::Debug;
use std::time::Duration;

use futures::{StreamExt, TryStreamExt, stream};
use k8s_openapi::api::apps::v1::Deployment;

use kube::Resource;
use kube::api::Api;
use kube::runtime::watcher;
use serde::de::DeserializeOwned;

use super::Cluster;
use super::apply::CONCURRENCY;
use super::pods::{pod_problem, pods_of};
use crate::progress::{Mark, Reporter};

/// What a watch on one object just saw.
enum Seen {
    /// The object was listed, created or changed.
    Changed,
    /// The object was deleted.
    Deleted,
    /// A (re)list finished.
    Listed,
}

/// Watches one object until `verdict` says so or `timeout` passes. `verdict` gets what was
/// just seen and the last version of the object (None once it is gone or was not listed).
/// Returns whether `verdict` held, and the last version seen.
async fn watch_one<K, F>(
    api: Api<K>,
    name: &str,
    timeout: Duration,
    mut verdict: F,
) -> Result<(bool, Option<K>), kube::Error>
where
    K: Resource + Clone + DeserializeOwned + Debug + Send + 'static,
    F: FnMut(Seen, Option<&K>) -> bool,
{
    let config = watcher::Config::default().fields(&format!("metadata.name={name}"));
    let mut events = watcher::watcher(api, config).boxed();
    let mut last: Option<K> = None;
    // Never past the command's own --timeout.
    let deadline = tokio::time::Instant::now() + crate::lifecycle::bounded(timeout);
    loop {
        let seen = match tokio::time::timeout_at(deadline, events.try_next()).await {
            Err(_) | Ok(Ok(None)) => return Ok((false, last)),
            Ok(Err(watcher::Error::InitialListFailed(e)))
            | Ok(Err(watcher::Error::WatchStartFailed(e)))
            | Ok(Err(watcher::Error::WatchFailed(e))) => return Err(e),
            Ok(Err(_)) => continue,
            Ok(Ok(Some(event))) => match event {
                watcher::Event::Init => {
                    last = None;
                    continue;
                }
                watcher::Event::Apply(object) | watcher::Event::InitApply(object) => {
                    last = Some(object);
                    Seen::Changed
                }
                watcher::Event::Delete(_) => {
                    last = None;
                    Seen::Deleted
                }
                watcher::Event::InitDone => Seen::Listed,
            },
        };
        if verdict(seen, last.as_ref()) {
            return Ok((true, last));
        }
    }
}

/// Watches one object until `done` holds for it or `timeout` passes. Returns the last version
/// seen either way, with whether `done` held.
pub async fn watch_until<K, F>(
    api: Api<K>,
    name: &str,
    timeout: Duration,
    done: F,
) -> Result<(bool, Option<K>), kube::Error>
where
    K: Resource + Clone + DeserializeOwned + Debug + Send + 'static,
    F: Fn(&K) -> bool,
{
    watch_one(api, name, timeout, |seen, last| {
        matches!(seen, Seen::Changed) && last.is_some_and(&done)
    })
    .await
}

/// Watches one object until it no longer exists or `timeout` passes. Returns whether it is
/// gone, and the last version seen.
pub async fn watch_until_deleted<K>(
    api: Api<K>,
    name: &str,
    timeout: Duration,
) -> Result<(bool, Option<K>), kube::Error>
where
    K: Resource + Clone + DeserializeOwned + Debug + Send + 'static,
{
    // A finished list without the object means it is already gone.
    watch_one(api, name, timeout, |seen, last| match seen {
        Seen::Deleted => true,
        Seen::Listed => last.is_none(),
        Seen::Changed => false,
    })
    .await
}

/// A Deployment is rolled out when kubectl's `rollout status` would say so: the controller saw
/// the latest spec, every replica is updated, old ones are gone, and all are available.
pub fn is_rolled_out(deployment: &Deployment) -> bool {
    let wanted = deployment.spec.replicas.unwrap_or(1);
    let Some(status) = &deployment.status else {
        return false;
    };
    let generation = deployment.metadata.generation.unwrap_or(0);
    status.observed_generation.unwrap_or(0) >= generation
        && status.updated_replicas.unwrap_or(0) == wanted
        && status.replicas.unwrap_or(0) == wanted
        && status.available_replicas.unwrap_or(0) == wanted
}

/// Why a Deployment is not available, from its pods: image pull errors with the image, crash
/// loops, or the scheduler's message for pending pods.
pub async fn diagnose_deployment(cluster: &Cluster, deployment: &Deployment) -> String {
    let pods = match pods_of(cluster, deployment).await {
        Ok(pods) => pods,
        Err(e) => return format!("cannot list its pods: {}", cluster.explain(e)),
    };
    if pods.is_empty() {
        return "no pods were created; see kubectl describe replicaset".to_string();
    }
    let mut reasons: Vec<String> = pods.iter().filter_map(pod_problem).collect();
    reasons.sort();
    reasons.dedup();
    if reasons.is_empty() {
        "its pods are not ready yet".to_string()
    } else {
        reasons.join("; ")
    }
}

/// A Deployment that did not roll out in time, and why.
#[derive(Debug, thiserror::Error)]
#[error("Deployment/{name} did not become ready within {timeout:?}: {reason}")]
pub struct NotRolledOut {
    pub name: String,
    pub timeout: Duration,
    pub reason: String,
}

/// Waits for all the named Deployments to roll out, concurrently; reports each as it does.
pub async fn wait_rollouts(
    cluster: &Cluster,
    namespace: &str,
    names: &[String],
    timeout: Duration,
    progress: &dyn Reporter,
) -> anyhow::Result<()> {
    tokio::select! {
        result = wait_all_rollouts(cluster, namespace, names, timeout, progress) => result,
        problem = super::controllers::stuck_pod(cluster, namespace, names) => {
            Err(anyhow::anyhow!("{problem}"))
        }
    }
}

async fn wait_all_rollouts(
    cluster: &Cluster,
    namespace: &str,
    names: &[String],
    timeout: Duration,
    progress: &dyn Reporter,
) -> anyhow::Result<()> {
    let api: Api<Deployment> = Api::namespaced(cluster.client.clone(), namespace);
    let failures: Vec<anyhow::Error> = stream::iter(names.iter().map(|name| {
        let api = api.clone();
        async move {
            let (ready, last) = watch_until(api, name, timeout, is_rolled_out)
                .await
                .map_err(|e| anyhow::Error::new(cluster.explain(e)))?;
            if ready {
                progress.step(Mark::Done, &format!("Deployment/{name} ready"));
                return Ok(());
            }
            let reason = match &last {
                Some(deployment) => diagnose_deployment(cluster, deployment).await,
                None => "it does not exist".to_string(),
            };
            Err(anyhow::Error::new(NotRolledOut {
                name: name.clone(),
                timeout,
                reason,
            }))
        }
    }))
    .buffer_unordered(CONCURRENCY)
    .filter_map(|r: anyhow::Result<()>| async move { r.err() })
    .collect()
    .await;
    match failures.len() {
        0 => Ok(()),
        1 => Err(failures.into_iter().next().expect("one failure")),
        _ => {
            let messages: Vec<String> = failures.iter().map(|e| format!("{e:#}")).collect();
            anyhow::bail!("{}", messages.join("; "))
        }
    }
}
