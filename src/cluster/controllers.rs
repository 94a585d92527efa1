//! Whether the controller that should act on an object can act at all: its Deployment exists
//! and has a ready Pod, and none of its Pods is stuck in a state that waiting will not fix
//! (an image that cannot be pulled, a crash loop, a bad container config). Waits race their
//! watch against [`watch_for_failure`] so such a cause is named within seconds instead of at
//! the timeout.

use std::time::Duration;

use k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use k8s_openapi::api::core::v1::Pod;
use kube::ResourceExt;
use kube::api::{Api, ListParams};

use super::Cluster;
use super::pods::{pod_problem, pods_of};

/// Waiting reasons that do not go away by waiting. A Pod still pulling (`ContainerCreating`,
/// `PodInitializing`) is not among them.
pub const FATAL_WAITING_REASONS: &[&str] = &[
    "ImagePullBackOff",
    "ErrImagePull",
    "CrashLoopBackOff",
    "InvalidImageName",
    "CreateContainerConfigError",
];

/// How often the controller's Pods are looked at while waiting.
const POLL: Duration = Duration::from_secs(2);

/// Absent, or without a ready Pod for this long, a controller is reported as down.
pub const GRACE: Duration = Duration::from_secs(10);

/// What one look at a controller found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// Running with a ready Pod (or it cannot be checked with these permissions).
    Fine,
    /// A Pod is in a state that waiting will not fix: report it now.
    Broken(String),
    /// Absent, or no ready Pod yet: report it if it lasts past the grace period.
    NotReady(String),
}

/// Looks at the Deployment named `controller`: in the first of `namespaces` that has one,
/// else the only one in the cluster.
pub async fn check(cluster: &Cluster, controller: &str, namespaces: &[&str]) -> Health {
    let deployments: Api<Deployment> = Api::all(cluster.client.clone());
    let params = ListParams::default().fields(&format!("metadata.name={controller}"));
    let Ok(found) = deployments.list(&params).await else {
        // Not allowed to list Deployments cluster-wide: nothing to say, the wait goes on.
        return Health::Fine;
    };
    let deployment = namespaces
        .iter()
        .find_map(|ns| {
            found
                .items
                .iter()
                .find(|d| d.namespace().as_deref() == Some(*ns))
        })
        .or(match found.items.as_slice() {
            [only] => Some(only),
            _ => None,
        });
    let Some(deployment) = deployment else {
        return if found.items.is_empty() {
            Health::NotReady(format!(
                "the {controller} is not installed (no Deployment {controller} in any namespace); install Flux with floe install"
            ))
        } else {
            Health::Fine
        };
    };
    let namespace = deployment.namespace().unwrap_or_default();
    let Ok(pods) = pods_of(cluster, deployment).await else {
        return Health::Fine;
    };
    let current = current_pods(cluster, deployment).await;
    if let Some(problem) = current.iter().flatten().find_map(fatal_problem) {
        return Health::Broken(format!(
            "the {controller} cannot run: {problem}; fix the Deployment {namespace}/{controller} (floe check)"
        ));
    }
    if pods.iter().any(pod_ready) {
        return Health::Fine;
    }
    let states: Vec<String> = pods
        .iter()
        .map(|p| pod_problem(p).unwrap_or_else(|| format!("pod {} is not ready", p.name_any())))
        .collect();
    Health::NotReady(format!(
        "the {controller} has no ready Pod (Deployment {namespace}/{controller}: {}); see floe check",
        if states.is_empty() {
            "no Pods".to_string()
        } else {
            states.join("; ")
        }
    ))
}

/// Resolves with the reason when the controller is found unable to act: at once for a Pod in
/// a fatal state, after [`GRACE`] when it is absent or has no ready Pod. Never resolves while
/// the controller is fine; it is meant to be raced against the wait it guards.
pub async fn watch_for_failure(cluster: &Cluster, controller: &str, namespaces: &[&str]) -> String {
    let started = tokio::time::Instant::now();
    loop {
        match check(cluster, controller, namespaces).await {
            Health::Broken(reason) => return reason,
            Health::NotReady(reason) if started.elapsed() >= GRACE => return reason,
            _ => {}
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Resolves with the first Pod of one of the Deployments `names` that is stuck in a state
/// waiting will not fix (see [`FATAL_WAITING_REASONS`]).
pub async fn stuck_pod(cluster: &Cluster, namespace: &str, names: &[String]) -> String {
    let deployments: Api<Deployment> = Api::namespaced(cluster.client.clone(), namespace);
    loop {
        for name in names {
            let Ok(Some(deployment)) = deployments.get_opt(name).await else {
                continue;
            };
            if let Some(problem) = current_pods(cluster, &deployment)
                .await
                .iter()
                .flatten()
                .find_map(fatal_problem)
            {
                return format!("Deployment/{name} cannot become ready: {problem}");
            }
        }
        tokio::time::sleep(POLL).await;
    }
}

/// The Pods of the Deployment's current revision (its newest ReplicaSet, as the
/// `deployment.kubernetes.io/revision` annotations of both say); `None` until the Deployment
/// controller has seen its latest spec. A rollout leaves the old revision's Pods running, or
/// stuck, until the new ones are available: their state says nothing about the new spec.
async fn current_pods(cluster: &Cluster, deployment: &Deployment) -> Option<Vec<Pod>> {
    const REVISION: &str = "deployment.kubernetes.io/revision";
    let observed = deployment
        .status
        .as_ref()
        .and_then(|s| s.observed_generation)
        .unwrap_or(0);
    if observed < deployment.metadata.generation.unwrap_or(0) {
        return None;
    }
    let revision = deployment.annotations().get(REVISION)?;
    let uid = deployment.uid()?;
    let namespace = deployment.namespace().unwrap_or_default();
    let sets: Api<ReplicaSet> = Api::namespaced(cluster.client.clone(), &namespace);
    let current = sets
        .list(&ListParams::default())
        .await
        .ok()?
        .items
        .into_iter()
        .find(|set| {
            set.owner_references().iter().any(|o| o.uid == uid)
                && set.annotations().get(REVISION) == Some(revision)
        })?;
    let current_name = current.name_any();
    let pods = pods_of(cluster, deployment).await.ok()?;
    Some(
        pods.into_iter()
            .filter(|pod| {
                pod.owner_references()
                    .iter()
                    .any(|o| o.kind == "ReplicaSet" && o.name == current_name)
            })
            .collect(),
    )
}

/// A Pod's container waiting for a reason in [`FATAL_WAITING_REASONS`], in words.
pub fn fatal_problem(pod: &Pod) -> Option<String> {
    let status = pod.status.as_ref()?;
    let fatal = status
        .container_statuses
        .iter()
        .flatten()
        .chain(status.init_container_statuses.iter().flatten())
        .any(|c| {
            c.state
                .as_ref()
                .and_then(|s| s.waiting.as_ref())
                .and_then(|w| w.reason.as_deref())
                .is_some_and(|r| FATAL_WAITING_REASONS.contains(&r))
        });
    if fatal { pod_problem(pod) } else { None }
}

fn pod_ready(pod: &Pod) -> bool {
    pod.status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|c| c.iter().any(|c| c.type_ == "Ready" && c.status == "True"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod_waiting(reason: &str) -> Pod {
        serde_json::from_value(serde_json::json!({
            "metadata": { "name": "source-controller-1", "namespace": "flux-system" },
            "status": {
                "phase": "Pending",
                "containerStatuses": [{
                    "name": "manager", "image": "ghcr.io/fluxcd/source-controller:v1",
                    "imageID": "", "ready": false, "restartCount": 0,
                    "state": { "waiting": { "reason": reason, "message": "m" } }
                }]
            }
        }))
        .unwrap()
    }

    #[test]
    fn a_pod_still_pulling_is_not_a_failure_and_a_stuck_one_is() {
        for waiting in ["ContainerCreating", "PodInitializing"] {
            assert_eq!(fatal_problem(&pod_waiting(waiting)), None, "{waiting}");
        }
        for stuck in FATAL_WAITING_REASONS {
            let problem = fatal_problem(&pod_waiting(stuck)).expect(stuck);
            assert!(problem.contains(stuck), "{problem}");
        }
        let pulling = fatal_problem(&pod_waiting("ImagePullBackOff")).unwrap();
        assert!(
            pulling.contains("ghcr.io/fluxcd/source-controller:v1"),
            "{pulling}"
        );
    }
}
