//! Installing the Flux components: where the manifests come from (release asset, cache, or a
//! local path), how floe's options change them, and applying them in order with a rollout wait.

pub mod fetch;
pub mod transform;
pub mod uninstall;

use std::time::Duration;

use serde_json::Value;

use crate::cluster::Cluster;
use crate::cluster::apply::{Applied, Applier};
use crate::cluster::wait::wait_rollouts;
use crate::progress::Mark;

pub use fetch::{ManifestSource, load_manifests};
pub use transform::{InstallOptions, LogLevel, customize};

/// The components `install` deploys unless told otherwise.
pub const DEFAULT_COMPONENTS: &[&str] = &[
    "source-controller",
    "kustomize-controller",
    "helm-controller",
    "notification-controller",
];

/// Components that are only installed when asked for with `--components-extra`.
pub const EXTRA_COMPONENTS: &[&str] = &[
    "image-reflector-controller",
    "image-automation-controller",
    "source-watcher",
];

/// Removes `x-kubernetes-validations` (CEL rules) from CRDs, for servers older than 1.25 that
/// reject them. The rules are checks only; the objects they admit are the same.
pub fn strip_cel_rules(objects: &mut [Value]) -> usize {
    fn strip(value: &mut Value) -> usize {
        match value {
            Value::Object(map) => {
                let here = usize::from(map.remove("x-kubernetes-validations").is_some());
                here + map.values_mut().map(strip).sum::<usize>()
            }
            Value::Array(items) => items.iter_mut().map(strip).sum(),
            _ => 0,
        }
    }
    objects
        .iter_mut()
        .filter(|o| o["kind"] == "CustomResourceDefinition")
        .map(|o| strip(&mut o["spec"]))
        .sum()
}

/// Makes the install objects acceptable to this server: on one older than 1.25 the CRDs lose
/// their CEL rules (with a warning saying so).
pub async fn fit_to_server(
    cluster: &Cluster,
    objects: &mut [Value],
    notify: &(dyn Fn(Mark, &str) + Sync),
) -> anyhow::Result<()> {
    let version = cluster.server_version().await?;
    if !version.has_cel() {
        let stripped = strip_cel_rules(objects);
        if stripped > 0 {
            notify(
                Mark::Warning,
                &format!(
                    "the server ({}) predates CEL validation; applying the CRDs without their {stripped} x-kubernetes-validations rules",
                    version.git_version
                ),
            );
        }
    }
    Ok(())
}

/// What an install did.
#[derive(Debug, serde::Serialize)]
pub struct InstallReport {
    pub applied: Vec<Applied>,
    pub deployments: Vec<String>,
}

/// Applies the customized manifests and, with `wait`, waits for every Deployment to roll out.
pub async fn apply_and_wait(
    cluster: &Cluster,
    mut objects: Vec<Value>,
    namespace: &str,
    timeout: Duration,
    wait: bool,
    notify: &(dyn Fn(Mark, &str) + Sync),
) -> anyhow::Result<InstallReport> {
    cluster.doing(format!(
        "applying the Flux components to namespace {namespace}"
    ));
    fit_to_server(cluster, &mut objects, notify).await?;
    notify(
        Mark::Applying,
        &format!(
            "applying {} objects to {} (context {})",
            objects.len(),
            cluster.server,
            cluster.context
        ),
    );
    let applier = Applier::new(cluster);
    let applied = applier
        .apply_all(&objects, timeout, &|a: &Applied| {
            notify(Mark::Done, &format!("{} {}", a.reference(), a.action));
        })
        .await
        .map_err(|e| {
            anyhow::Error::new(e).context(
                "the install stopped part-way; fix the cause and run the same command again to resume",
            )
        })?;
    let deployments: Vec<String> = objects
        .iter()
        .filter(|o| o["kind"] == "Deployment")
        .filter_map(|o| o["metadata"]["name"].as_str().map(str::to_string))
        .collect();
    if wait && !deployments.is_empty() {
        notify(
            Mark::Waiting,
            &format!(
                "waiting for {} to roll out in {namespace}",
                deployments
                    .iter()
                    .map(|d| format!("Deployment/{d}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        wait_rollouts(cluster, namespace, &deployments, timeout, &|name| {
            notify(Mark::Done, &format!("Deployment/{name} ready"));
        })
        .await
        .map_err(|e| {
            e.context(
                "the components are applied but not running; fix the cause and run the same command again",
            )
        })?;
    }
    Ok(InstallReport {
        applied,
        deployments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strips_cel_rules_from_crds_only() {
        let mut objects = vec![
            json!({"kind": "CustomResourceDefinition", "spec": {"versions": [{"schema": {"openAPIV3Schema": {
                "properties": {"spec": {"x-kubernetes-validations": [{"rule": "true"}], "type": "object"}}}}}]}}),
            json!({"kind": "ConfigMap", "data": {"x-kubernetes-validations": "kept"}}),
        ];
        assert_eq!(strip_cel_rules(&mut objects), 1);
        assert!(!objects[0].to_string().contains("x-kubernetes-validations"));
        assert_eq!(objects[1]["data"]["x-kubernetes-validations"], "kept");
    }
}
