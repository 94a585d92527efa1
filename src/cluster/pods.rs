//! The Pods behind a Deployment, and what is wrong with one, in words: what both the rollout
//! waits ([`super::wait`]) and the controller checks ([`super::controllers`]) tell the user.

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::Pod;
use kube::ResourceExt;
use kube::api::{Api, ListParams};

use super::Cluster;

/// The Pods a Deployment's selector (its `matchLabels`) picks.
pub async fn pods_of(cluster: &Cluster, deployment: &Deployment) -> Result<Vec<Pod>, kube::Error> {
    let namespace = deployment.namespace().unwrap_or_default();
    let selector = deployment
        .spec
        .selector
        .match_labels
        .iter()
        .flatten()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",");
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &namespace);
    Ok(pods
        .list(&ListParams::default().labels(&selector))
        .await?
        .items)
}

/// The one thing wrong with a pod, if anything is, in words.
pub fn pod_problem(pod: &Pod) -> Option<String> {
    let name = pod.name_any();
    let status = pod.status.as_ref()?;
    for container in status.container_statuses.iter().flatten() {
        if let Some(waiting) = container.state.as_ref().and_then(|s| s.waiting.as_ref()) {
            let reason = waiting.reason.clone().unwrap_or_default();
            let message = waiting.message.clone().unwrap_or_default();
            let detail = match reason.as_str() {
                "ImagePullBackOff" | "ErrImagePull" | "InvalidImageName" => {
                    format!("cannot pull image {}", container.image)
                }
                "CrashLoopBackOff" => format!(
                    "container {} keeps crashing ({} restarts); see kubectl logs -n {} {} -c {} --previous",
                    container.name,
                    container.restart_count,
                    pod.namespace().unwrap_or_default(),
                    name,
                    container.name
                ),
                _ => format!("container {} is waiting", container.name),
            };
            let message = if message.is_empty() {
                String::new()
            } else {
                format!(": {message}")
            };
            return Some(format!("pod {name}: {reason}, {detail}{message}"));
        }
    }
    if status.phase.as_deref() == Some("Pending") {
        let scheduled = status
            .conditions
            .iter()
            .flatten()
            .find(|c| c.type_ == "PodScheduled" && c.status == "False");
        if let Some(condition) = scheduled {
            return Some(format!(
                "pod {name} is pending: {}",
                condition
                    .message
                    .clone()
                    .unwrap_or_else(|| "not scheduled".into())
            ));
        }
    }
    None
}
