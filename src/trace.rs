//! `trace` and `tree`: who manages an object, and what a sync applied.
//!
//! kustomize-controller labels what it applies `kustomize.toolkit.fluxcd.io/name` and
//! `/namespace`; helm-controller labels what it installs `helm.toolkit.fluxcd.io/name` and
//! `/namespace`. `trace` follows those labels up to the Flux object, then its sources;
//! `tree` goes down a Kustomization's `status.inventory`, into the Kustomizations and
//! HelmReleases it applied.

use kube::api::{Api, DynamicObject, ListParams};
use kube::core::GroupVersionKind;
use kube::discovery::{ApiResource, Discovery, Scope};
use serde::Serialize;
use serde_json::Value;

use crate::cluster::Cluster;
use crate::kinds::kustomization::{InventoryObject, Kustomization};
use crate::kinds::{FluxKind, Manages, ObjectRef};
use crate::objects::ObjectError;

pub const KUSTOMIZE_NAME: &str = "kustomize.toolkit.fluxcd.io/name";
pub const KUSTOMIZE_NAMESPACE: &str = "kustomize.toolkit.fluxcd.io/namespace";
pub const HELM_NAME: &str = "helm.toolkit.fluxcd.io/name";
pub const HELM_NAMESPACE: &str = "helm.toolkit.fluxcd.io/namespace";

/// Why an object cannot be traced.
#[derive(Debug, thiserror::Error)]
pub enum TraceError {
    #[error("the cluster serves no kind named {0}; see kubectl api-resources")]
    UnknownKind(String),
    #[error("{0} not found")]
    NotFound(String),
    #[error("{0} is not managed by Flux: it has no {KUSTOMIZE_NAME} or {HELM_NAME} label")]
    NotManaged(String),
    #[error(transparent)]
    Object(#[from] ObjectError),
    #[error(transparent)]
    Malformed(#[from] crate::kinds::InvalidName),
    #[error(transparent)]
    Kube(#[from] crate::cluster::ClusterError),
}

/// One link of a chain: an object and what it says about itself.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub kind: String,
    pub namespace: String,
    pub name: String,
    /// The revision it applied or stored (Flux objects).
    pub revision: Option<String>,
    /// `True`, `False`, `Unknown`, or its kstatus for other objects.
    pub ready: String,
    pub message: String,
    /// What else tells where it comes from: a sync's path, a source's URL and branch.
    pub details: Vec<(String, String)>,
}

/// The resource a kind names (`deployment`, `Deployment`, `deployments`, `deploy`).
pub async fn resolve_kind(
    cluster: &Cluster,
    kind: &str,
) -> Result<(ApiResource, Scope), TraceError> {
    let discovery = Discovery::new(cluster.client.clone())
        .run()
        .await
        .map_err(|e| cluster.explain(e))?;
    let wanted = kind.to_ascii_lowercase();
    for group in discovery.groups() {
        for (ar, caps) in group.recommended_resources() {
            if ar.kind.to_ascii_lowercase() == wanted || ar.plural == wanted {
                return Ok((ar, caps.scope));
            }
        }
    }
    Err(TraceError::UnknownKind(kind.to_string()))
}

/// kstatus, roughly: `Current` when the object says it is ready (a Ready condition, or a
/// workload's replicas all updated and available), `InProgress` while its controller has not
/// caught up, `Failed` for a False Ready condition; objects without status are `Current`.
pub fn kstatus(object: &Value) -> (String, String) {
    let generation = object["metadata"]["generation"].as_i64();
    let observed = object["status"]["observedGeneration"].as_i64();
    if let (Some(g), Some(o)) = (generation, observed)
        && o < g
    {
        return (
            "InProgress".into(),
            format!("observed generation {o} of {g}"),
        );
    }
    if let Some(ready) = object["status"]["conditions"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["type"] == "Ready"))
    {
        let message = ready["message"].as_str().unwrap_or_default().to_string();
        return match ready["status"].as_str() {
            Some("True") => ("Current".into(), message),
            Some("False") => ("Failed".into(), message),
            _ => ("InProgress".into(), message),
        };
    }
    let kind = object["kind"].as_str().unwrap_or_default();
    if matches!(kind, "Deployment" | "StatefulSet" | "ReplicaSet") {
        let wanted = object["spec"]["replicas"].as_i64().unwrap_or(1);
        let available = object["status"]["availableReplicas"].as_i64().unwrap_or(0);
        let updated = object["status"]["updatedReplicas"].as_i64().unwrap_or(0);
        return if available >= wanted && updated >= wanted {
            (
                "Current".into(),
                format!("{available} of {wanted} replicas available"),
            )
        } else {
            (
                "InProgress".into(),
                format!("{available} of {wanted} replicas available"),
            )
        };
    }
    ("Current".into(), String::new())
}

fn flux_link(
    target: &ObjectRef,
    observed: &crate::kinds::Observed,
    details: Vec<(String, String)>,
) -> Link {
    let ready = observed.ready();
    Link {
        kind: target.kind.kind().to_string(),
        namespace: target.namespace.to_string(),
        name: target.name.to_string(),
        revision: (!observed.revision.is_empty()).then(|| observed.revision.clone()),
        ready: ready.map_or("Unknown".to_string(), |c| c.status.clone()),
        message: ready.map(|c| c.message.clone()).unwrap_or_default(),
        details,
    }
}

/// What tells where a Flux object comes from.
async fn details(cluster: &Cluster, target: &ObjectRef) -> Vec<(String, String)> {
    let Ok(object) = target.fetch(cluster).await else {
        return Vec::new();
    };
    let spec = serde_json::to_value(&object).unwrap_or_default()["spec"].clone();
    let mut out = Vec::new();
    for (label, pointer) in [
        ("Path", "/path"),
        ("URL", "/url"),
        ("Branch", "/ref/branch"),
        ("Tag", "/ref/tag"),
        ("Chart", "/chart/spec/chart"),
        ("Chart", "/chart"),
        ("Version", "/chart/spec/version"),
    ] {
        if let Some(value) = spec.pointer(pointer).and_then(Value::as_str) {
            out.push((label.to_string(), crate::redact::url(value)));
        }
    }
    out
}

/// The chain from an object to the Flux object that manages it, then that one's sources.
pub async fn trace(
    cluster: &Cluster,
    kind: &str,
    namespace: &str,
    name: &str,
) -> Result<Vec<Link>, TraceError> {
    let (ar, scope) = resolve_kind(cluster, kind).await?;
    let api = cluster.dynamic_api(&ar, &scope, namespace);
    let shown = if scope == Scope::Namespaced {
        format!("{}/{namespace}/{name}", ar.kind)
    } else {
        format!("{}/{name}", ar.kind)
    };
    let object = api
        .get_opt(name)
        .await
        .map_err(|e| cluster.explain(e))?
        .ok_or_else(|| TraceError::NotFound(shown.clone()))?;
    let value = serde_json::to_value(&object).unwrap_or_default();
    let (ready, message) = kstatus(&value);
    let mut chain = vec![Link {
        kind: ar.kind.clone(),
        namespace: if scope == Scope::Namespaced {
            namespace.to_string()
        } else {
            String::new()
        },
        name: name.to_string(),
        revision: None,
        ready,
        message,
        details: Vec::new(),
    }];
    let labels = object.metadata.labels.clone().unwrap_or_default();
    let manager = match (
        labels.get(HELM_NAME).zip(labels.get(HELM_NAMESPACE)),
        labels
            .get(KUSTOMIZE_NAME)
            .zip(labels.get(KUSTOMIZE_NAMESPACE)),
    ) {
        (Some((n, ns)), _) => ObjectRef::parse(FluxKind::HelmRelease, ns, n)?,
        (None, Some((n, ns))) => ObjectRef::parse(FluxKind::Kustomization, ns, n)?,
        (None, None) => return Err(TraceError::NotManaged(shown)),
    };
    let mut next = Some(manager);
    while let Some(target) = next.take() {
        let observed = target.get(cluster).await?;
        chain.push(flux_link(
            &target,
            &observed,
            details(cluster, &target).await,
        ));
        next = observed.source.filter(|s| chain.len() < 8 && *s != target);
    }
    Ok(chain)
}

/// One node of a tree.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    pub kind: String,
    pub namespace: String,
    pub name: String,
    /// kstatus with `--status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    pub children: Vec<Node>,
}

impl Node {
    fn new(object: &InventoryObject) -> Node {
        Node {
            kind: object.kind.clone(),
            namespace: object.namespace.clone(),
            name: object.name.clone(),
            status: None,
            children: Vec::new(),
        }
    }
}

async fn get(cluster: &Cluster, object: &InventoryObject) -> Option<Value> {
    let gvk = GroupVersionKind::gvk(&object.group, &object.version, &object.kind);
    let (ar, caps) = kube::discovery::pinned_kind(&cluster.client, &gvk)
        .await
        .ok()?;
    let api = cluster.dynamic_api(&ar, &caps.scope, &object.namespace);
    api.get_opt(&object.name)
        .await
        .ok()?
        .map(|o| serde_json::to_value(o).unwrap_or_default())
}

/// The objects helm-controller installed for a HelmRelease: every listable namespaced kind in
/// its target namespace, selected by its labels.
async fn helm_objects(
    cluster: &Cluster,
    hr: &ObjectRef,
) -> Result<Vec<InventoryObject>, TraceError> {
    let object = serde_json::to_value(hr.fetch(cluster).await?).unwrap_or_default();
    let target = object["spec"]["targetNamespace"]
        .as_str()
        .unwrap_or(&hr.namespace)
        .to_string();
    let selector = format!("{HELM_NAME}={},{HELM_NAMESPACE}={}", hr.name, hr.namespace);
    let discovery = Discovery::new(cluster.client.clone())
        .run()
        .await
        .map_err(|e| cluster.explain(e))?;
    let mut found = Vec::new();
    for group in discovery.groups() {
        for (ar, caps) in group.recommended_resources() {
            if caps.scope != Scope::Namespaced
                || !caps.supports_operation(kube::discovery::verbs::LIST)
            {
                continue;
            }
            let api: Api<DynamicObject> =
                Api::namespaced_with(cluster.client.clone(), &target, &ar);
            if let Ok(list) = api
                .list_metadata(&ListParams::default().labels(&selector))
                .await
            {
                found.extend(list.items.iter().map(|o| InventoryObject {
                    namespace: target.clone(),
                    name: o.metadata.name.clone().unwrap_or_default(),
                    group: ar.group.clone(),
                    version: ar.version.clone(),
                    kind: ar.kind.clone(),
                }));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The tree under a Kustomization (from its inventory) or HelmRelease (from its labels).
pub fn tree<'a>(
    cluster: &'a Cluster,
    root: &'a ObjectRef,
    with_status: bool,
    depth: usize,
) -> futures::future::BoxFuture<'a, Result<Node, TraceError>> {
    Box::pin(async move {
        let mut node = Node {
            kind: root.kind.kind().to_string(),
            namespace: root.namespace.to_string(),
            name: root.name.to_string(),
            status: None,
            children: Vec::new(),
        };
        if with_status {
            node.status = Some(
                kstatus(&serde_json::to_value(root.fetch(cluster).await?).unwrap_or_default()).0,
            );
        }
        let mut malformed_entries = Vec::new();
        let objects: Vec<InventoryObject> = match root.kind.facts().manages {
            Manages::Inventory => {
                let ks: Kustomization = root
                    .fetch(cluster)
                    .await?
                    .try_parse()
                    .map_err(|_| TraceError::NotFound(root.to_string()))?;
                let entries = ks
                    .status
                    .and_then(|s| s.inventory)
                    .map(|i| i.entries)
                    .unwrap_or_default();
                let mut objects: Vec<InventoryObject> = Vec::new();
                for entry in entries {
                    match entry.object() {
                        Ok(object) => objects.push(object),
                        // Shown as what it is; the other entries are still followed.
                        Err(malformed) => malformed_entries.push(Node {
                            kind: "MalformedInventoryEntry".to_string(),
                            namespace: String::new(),
                            name: malformed.id,
                            status: Some(malformed.reason),
                            children: Vec::new(),
                        }),
                    }
                }
                objects.sort_by(|a, b| {
                    (&a.kind, &a.namespace, &a.name).cmp(&(&b.kind, &b.namespace, &b.name))
                });
                objects
            }
            Manages::HelmRelease => helm_objects(cluster, root).await?,
            Manages::Nothing => Vec::new(),
        };
        for object in &objects {
            // A kind that manages objects of its own (a sync, a release) is followed down.
            let nested = FluxKind::ALL.iter().copied().find(|kind| {
                kind.facts().manages != Manages::Nothing
                    && kind.kind() == object.kind
                    && kind.api_resource().group == object.group
            });
            let child = match nested {
                Some(kind) if depth < 10 => {
                    // An entry no object can be named by is shown as not found.
                    let found = match ObjectRef::parse(kind, &object.namespace, &object.name) {
                        Ok(reference) => {
                            tree(cluster, &reference, with_status, depth + 1).await.ok()
                        }
                        Err(_) => None,
                    };
                    found.unwrap_or_else(|| Node {
                        status: with_status.then(|| "NotFound".to_string()),
                        ..Node::new(object)
                    })
                }
                _ => {
                    let mut child = Node::new(object);
                    if with_status {
                        child.status = Some(match get(cluster, object).await {
                            Some(live) => kstatus(&live).0,
                            None => "NotFound".to_string(),
                        });
                    }
                    child
                }
            };
            node.children.push(child);
        }
        node.children.append(&mut malformed_entries);
        Ok(node)
    })
}
