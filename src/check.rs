//! `check --pre` (can Flux be installed here?) and `check` (is the installed Flux healthy?),
//! as a list of named checks that each pass or fail with a reason.

use futures::future::join_all;
use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::authorization::v1::{
    ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::ResourceExt;
use kube::api::{Api, ListParams, PostParams};
use serde::Serialize;

use crate::cluster::wait::{diagnose_deployment, is_rolled_out};
use crate::cluster::{Cluster, ServerVersion};

/// The label every object of a Flux installation carries.
pub const PART_OF_FLUX: &str = "app.kubernetes.io/part-of=flux";

/// One check's result. The JSON form is part of `check -o json` (docs/output.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub name: String,
    pub ok: bool,
    pub message: String,
}

impl Check {
    fn pass(name: impl Into<String>, message: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            ok: true,
            message: message.into(),
        }
    }
    fn fail(name: impl Into<String>, message: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            ok: false,
            message: message.into(),
        }
    }
}

/// The label Flux's install manifests put on the namespace with the installed version.
const VERSION_LABEL: &str = "app.kubernetes.io/version";

/// The Flux version installed in `namespace`, as its install manifests label the namespace:
/// `None` when Flux is not installed there.
pub async fn installed_version(
    cluster: &Cluster,
    namespace: &str,
) -> Result<Option<String>, crate::cluster::ClusterError> {
    let namespaces: Api<k8s_openapi::api::core::v1::Namespace> = Api::all(cluster.client.clone());
    let namespace = namespaces
        .get_opt(namespace)
        .await
        .map_err(|e| cluster.explain(e))?;
    Ok(namespace.and_then(|ns| ns.metadata.labels?.get(VERSION_LABEL).cloned()))
}

/// The oldest Kubernetes each Flux minor release supports, from Flux's release notes.
pub fn minimum_kubernetes(flux_version: &str) -> Option<(u32, u32)> {
    let bare = flux_version.trim_start_matches('v');
    let mut parts = bare.split('.');
    let (major, minor) = (parts.next()?, parts.next()?);
    match (major, minor.parse::<u32>().ok()?) {
        ("2", m) if m >= 9 => Some((1, 33)),
        ("2", 8) => Some((1, 32)),
        ("2", 7) => Some((1, 31)),
        ("2", 6) => Some((1, 30)),
        _ => None,
    }
}

/// The server's version against what `flux_version` needs.
pub fn version_check(server: &ServerVersion, flux_version: &str, skip: bool) -> Check {
    let name = "kubernetes version";
    match minimum_kubernetes(flux_version) {
        Some((major, minor)) if (server.major, server.minor) < (major, minor) => {
            if skip {
                Check::pass(
                    name,
                    format!(
                        "{} is older than {major}.{minor}, which Flux {flux_version} needs; going on because of --skip-version-check",
                        server.git_version
                    ),
                )
            } else {
                Check::fail(
                    name,
                    format!(
                        "{} is older than {major}.{minor}, which Flux {flux_version} needs; upgrade the cluster or pass --skip-version-check",
                        server.git_version
                    ),
                )
            }
        }
        Some((major, minor)) => {
            Check::pass(name, format!("{} >= {major}.{minor}", server.git_version))
        }
        None => Check::pass(
            name,
            format!(
                "{} (floe does not know the minimum for Flux {flux_version})",
                server.git_version
            ),
        ),
    }
}

/// A permission bootstrap and install need: verbs on a resource, cluster-wide or in the
/// install namespace.
struct Permission {
    group: &'static str,
    resource: &'static str,
    namespaced: bool,
    verbs: &'static [&'static str],
}

const WRITE: &[&str] = &["get", "create", "patch"];

const PERMISSIONS: &[Permission] = &[
    Permission {
        group: "",
        resource: "namespaces",
        namespaced: false,
        verbs: WRITE,
    },
    Permission {
        group: "apiextensions.k8s.io",
        resource: "customresourcedefinitions",
        namespaced: false,
        verbs: WRITE,
    },
    Permission {
        group: "rbac.authorization.k8s.io",
        resource: "clusterroles",
        namespaced: false,
        verbs: &["get", "create", "patch", "bind", "escalate"],
    },
    Permission {
        group: "rbac.authorization.k8s.io",
        resource: "clusterrolebindings",
        namespaced: false,
        verbs: WRITE,
    },
    Permission {
        group: "",
        resource: "serviceaccounts",
        namespaced: true,
        verbs: WRITE,
    },
    Permission {
        group: "",
        resource: "services",
        namespaced: true,
        verbs: WRITE,
    },
    Permission {
        group: "",
        resource: "secrets",
        namespaced: true,
        verbs: WRITE,
    },
    Permission {
        group: "",
        resource: "resourcequotas",
        namespaced: true,
        verbs: WRITE,
    },
    Permission {
        group: "",
        resource: "pods",
        namespaced: true,
        verbs: &["list", "watch"],
    },
    Permission {
        group: "apps",
        resource: "deployments",
        namespaced: true,
        verbs: &["get", "create", "patch", "list", "watch"],
    },
    Permission {
        group: "networking.k8s.io",
        resource: "networkpolicies",
        namespaced: true,
        verbs: WRITE,
    },
    Permission {
        group: "source.toolkit.fluxcd.io",
        resource: "gitrepositories",
        namespaced: true,
        verbs: &["get", "create", "patch", "watch"],
    },
    Permission {
        group: "kustomize.toolkit.fluxcd.io",
        resource: "kustomizations",
        namespaced: true,
        verbs: &["get", "create", "patch", "watch"],
    },
];

async fn allowed(
    cluster: &Cluster,
    group: &str,
    resource: &str,
    verb: &str,
    namespace: Option<&str>,
) -> Result<bool, String> {
    let review = SelfSubjectAccessReview {
        spec: SelfSubjectAccessReviewSpec {
            resource_attributes: Some(ResourceAttributes {
                group: Some(group.to_string()),
                resource: Some(resource.to_string()),
                verb: Some(verb.to_string()),
                namespace: namespace.map(str::to_string),
                ..Default::default()
            }),
            ..Default::default()
        },
        ..Default::default()
    };
    let api: Api<SelfSubjectAccessReview> = Api::all(cluster.client.clone());
    api.create(&PostParams::default(), &review)
        .await
        .map(|r| r.status.is_some_and(|s| s.allowed))
        .map_err(|e| cluster.explain(e).to_string())
}

/// One check per resource: whether the current user may use every verb bootstrap needs.
pub async fn permission_checks(cluster: &Cluster, namespace: &str) -> Vec<Check> {
    join_all(PERMISSIONS.iter().map(|p| async move {
        let qualified = if p.group.is_empty() {
            p.resource.to_string()
        } else {
            format!("{}.{}", p.resource, p.group)
        };
        let scope = if p.namespaced {
            format!("in namespace {namespace}")
        } else {
            "cluster-wide".to_string()
        };
        let ns = p.namespaced.then_some(namespace);
        let answers = join_all(
            p.verbs
                .iter()
                .map(|verb| allowed(cluster, p.group, p.resource, verb, ns)),
        )
        .await;
        let mut denied = Vec::new();
        for (verb, answer) in p.verbs.iter().zip(answers) {
            match answer {
                Ok(true) => {}
                Ok(false) => denied.push(verb.to_string()),
                Err(e) => return Check::fail(format!("permissions {qualified}"), e),
            }
        }
        if denied.is_empty() {
            Check::pass(
                format!("permissions {qualified}"),
                format!("can {} {qualified} {scope}", p.verbs.join(", ")),
            )
        } else {
            Check::fail(
                format!("permissions {qualified}"),
                format!(
                    "cannot {} {qualified} {scope}; ask a cluster admin for these rights",
                    denied.join(", ")
                ),
            )
        }
    }))
    .await
}

/// Whether Flux already runs somewhere that would conflict with installing it in `namespace`.
pub async fn existing_install_check(cluster: &Cluster, namespace: &str) -> Check {
    let name = "existing installation";
    let api: Api<Deployment> = Api::all(cluster.client.clone());
    let list = match api.list(&ListParams::default().labels(PART_OF_FLUX)).await {
        Ok(list) => list.items,
        Err(e) => {
            return Check::fail(name, format!("cannot look for one: {}", cluster.explain(e)));
        }
    };
    let elsewhere: Vec<String> = list
        .iter()
        .filter(|d| d.namespace().as_deref() != Some(namespace))
        .map(|d| format!("{}/{}", d.namespace().unwrap_or_default(), d.name_any()))
        .collect();
    if !elsewhere.is_empty() {
        return Check::fail(
            name,
            format!(
                "Flux already runs in another namespace ({}); uninstall it there or use --namespace to manage that installation",
                elsewhere.join(", ")
            ),
        );
    }
    if list.is_empty() {
        Check::pass(name, "none found")
    } else {
        Check::pass(
            name,
            format!(
                "Flux runs in {namespace} ({} controllers); installing again upgrades it in place",
                list.len()
            ),
        )
    }
}

/// `check --pre`: the server version, the permissions, and conflicting installations.
pub async fn pre_checks(
    cluster: &Cluster,
    namespace: &str,
    flux_version: &str,
    skip_version_check: bool,
) -> anyhow::Result<Vec<Check>> {
    let server = cluster.server_version().await?;
    let mut checks = vec![version_check(&server, flux_version, skip_version_check)];
    let (permissions, existing) = futures::join!(
        permission_checks(cluster, namespace),
        existing_install_check(cluster, namespace)
    );
    checks.extend(permissions);
    checks.push(existing);
    Ok(checks)
}

/// `check`: each controller Deployment is available (with its image), each Flux CRD is present
/// (with its served versions).
/// The installed components' health: every Flux Deployment in `namespace`, or with
/// `components` (flux's `--components`/`--components-extra`) exactly those, a missing one
/// failing; then the CRDs.
pub async fn install_checks(
    cluster: &Cluster,
    namespace: &str,
    components: Option<&[String]>,
) -> anyhow::Result<Vec<Check>> {
    let server = cluster.server_version().await?;
    let mut checks = vec![Check::pass(
        "kubernetes version",
        server.git_version.clone(),
    )];
    let deployments: Api<Deployment> = Api::namespaced(cluster.client.clone(), namespace);
    let crds: Api<CustomResourceDefinition> = Api::all(cluster.client.clone());
    let params = ListParams::default().labels(PART_OF_FLUX);
    let (deployments, crds) = futures::join!(deployments.list(&params), crds.list(&params));
    let mut deployments = deployments.map_err(|e| cluster.explain(e))?.items;
    if let Some(components) = components {
        deployments.retain(|d| components.contains(&d.name_any()));
        for component in components {
            if !deployments.iter().any(|d| &d.name_any() == component) {
                checks.push(Check::fail(
                    component.clone(),
                    format!(
                        "deployment not found in namespace {namespace}; install it (floe install --components-extra={component}) or leave it out of the check"
                    ),
                ));
            }
        }
    }
    if deployments.is_empty() && components.is_none() {
        checks.push(Check::fail(
            "controllers",
            format!("no Flux controllers in namespace {namespace}; run floe install"),
        ));
    }
    for deployment in &deployments {
        let images: Vec<String> = deployment
            .spec
            .template
            .spec
            .as_ref()
            .map(|s| {
                s.containers
                    .iter()
                    .filter_map(|c| c.image.clone())
                    .collect()
            })
            .unwrap_or_default();
        let name = deployment.name_any();
        if is_rolled_out(deployment) {
            checks.push(Check::pass(
                name,
                format!("deployment ready ({})", images.join(", ")),
            ));
        } else {
            let why = diagnose_deployment(cluster, deployment).await;
            checks.push(Check::fail(
                name,
                format!("deployment not ready ({}): {why}", images.join(", ")),
            ));
        }
    }
    let crds = crds.map_err(|e| cluster.explain(e))?.items;
    if crds.is_empty() {
        checks.push(Check::fail(
            "crds",
            "no Flux CustomResourceDefinitions found; run floe install",
        ));
    }
    for crd in &crds {
        let served: Vec<&str> = crd
            .spec
            .versions
            .iter()
            .filter(|v| v.served)
            .map(|v| v.name.as_str())
            .collect();
        let established = crd
            .status
            .as_ref()
            .and_then(|s| s.conditions.as_ref())
            .is_some_and(|c| {
                c.iter()
                    .any(|c| c.type_ == "Established" && c.status == "True")
            });
        let name = crd.name_any();
        if established {
            checks.push(Check::pass(name, served.join(", ")));
        } else {
            checks.push(Check::fail(name, "not established yet"));
        }
    }
    Ok(checks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(minor: u32) -> ServerVersion {
        ServerVersion {
            major: 1,
            minor,
            git_version: format!("v1.{minor}.2"),
        }
    }

    #[test]
    fn flux_2_9_needs_kubernetes_1_33() {
        let old = version_check(&server(20), "v2.9.4", false);
        assert!(!old.ok);
        assert!(
            old.message.contains("v1.20.2 is older than 1.33"),
            "{}",
            old.message
        );
        assert!(old.message.contains("--skip-version-check"));
        assert!(version_check(&server(20), "v2.9.4", true).ok);
        assert!(version_check(&server(33), "v2.9.4", false).ok);
        assert!(
            version_check(&server(20), "v9.0.0", false).ok,
            "unknown minimum"
        );
    }
}
