//! Removing Flux from a cluster: controllers and their objects, the finalizers on Flux
//! objects, the CRDs, and the namespace.
//!
//! Order matters, and follows `flux uninstall`: the controllers go first so none of them can
//! re-add a finalizer or prune workloads; then the finalizers are removed so deleting the CRDs
//! (which deletes every Flux object) leaves the workloads Flux applied in place and cannot hang;
//! then the CRDs; then the namespace.

use std::time::Duration;

use futures::{StreamExt, TryStreamExt, stream};
use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::{Namespace, ResourceQuota, Service, ServiceAccount};
use k8s_openapi::api::networking::v1::NetworkPolicy;
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::{Api, DeleteParams, DynamicObject, ListParams, Patch, PatchParams};
use kube::discovery::ApiResource;
use kube::{Resource, ResourceExt};
use serde_json::json;

use crate::cluster::Cluster;
use crate::cluster::apply::CONCURRENCY;
use crate::cluster::wait::watch_until_deleted;

/// The label every object of a Flux installation carries.
pub const PART_OF_FLUX: &str = "app.kubernetes.io/part-of=flux";

/// What to remove.
#[derive(Debug, Clone)]
pub struct UninstallOptions {
    pub namespace: String,
    pub keep_namespace: bool,
    /// Ask the server what would be deleted (its dry run), and delete nothing.
    pub dry_run: bool,
    pub timeout: Duration,
}

/// One thing uninstall did, for the progress lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UninstallEvent {
    Stage(String),
    Deleted(String),
    FinalizersRemoved(String),
}

/// Removes Flux, reporting each step. Every step tolerates what is already gone, so a
/// re-run after an interruption finishes the job.
pub async fn uninstall(
    cluster: &Cluster,
    opts: &UninstallOptions,
    on_event: &(dyn Fn(UninstallEvent) + Sync),
) -> anyhow::Result<()> {
    let ns = opts.namespace.as_str();
    on_event(UninstallEvent::Stage(format!(
        "deleting components in {ns} namespace"
    )));
    cluster.doing(format!("deleting the Flux components in namespace {ns}"));
    delete_components(cluster, ns, opts.dry_run, on_event).await?;

    let crds: Api<CustomResourceDefinition> = Api::all(cluster.client.clone());
    let flux_crds: Vec<CustomResourceDefinition> = crds
        .list(&ListParams::default())
        .await
        .map_err(|e| cluster.explain(e))?
        .items
        .into_iter()
        .filter(is_flux_crd)
        .collect();

    on_event(UninstallEvent::Stage(
        "removing finalizers from Flux objects".to_string(),
    ));
    cluster.doing("removing finalizers from Flux objects");
    for crd in &flux_crds {
        remove_finalizers(cluster, crd, opts.dry_run, on_event).await?;
    }

    on_event(UninstallEvent::Stage("deleting Flux CRDs".to_string()));
    cluster.doing("deleting the Flux CRDs");
    let names: Vec<String> = flux_crds.iter().map(|c| c.name_any()).collect();
    stream::iter(names.iter().map(|name| {
        let crds = crds.clone();
        async move {
            if delete_and_wait(cluster, crds, name, opts).await? {
                on_event(UninstallEvent::Deleted(format!(
                    "CustomResourceDefinition/{name}"
                )));
            }
            anyhow::Ok(())
        }
    }))
    .buffer_unordered(CONCURRENCY)
    .try_collect::<Vec<()>>()
    .await?;

    if !opts.keep_namespace {
        on_event(UninstallEvent::Stage(format!("deleting namespace {ns}")));
        cluster.doing(format!("deleting namespace {ns}"));
        let namespaces: Api<Namespace> = Api::all(cluster.client.clone());
        if delete_and_wait(cluster, namespaces, ns, opts).await? {
            on_event(UninstallEvent::Deleted(format!("Namespace/{ns}")));
        }
    }
    Ok(())
}

/// A CRD of the Flux toolkit: labelled part of Flux, or in one of its API groups.
fn is_flux_crd(crd: &CustomResourceDefinition) -> bool {
    crd.labels()
        .get("app.kubernetes.io/part-of")
        .map(String::as_str)
        == Some("flux")
        || crd.spec.group.ends_with(".toolkit.fluxcd.io")
}

/// Deletes the installation's objects: namespaced ones in the install namespace and the
/// cluster-wide RBAC, selected by the part-of and instance labels (as `flux uninstall`).
async fn delete_components(
    cluster: &Cluster,
    namespace: &str,
    dry_run: bool,
    on_event: &(dyn Fn(UninstallEvent) + Sync),
) -> anyhow::Result<()> {
    let namespaced = [
        ApiResource::erase::<Deployment>(&()),
        ApiResource::erase::<Service>(&()),
        ApiResource::erase::<NetworkPolicy>(&()),
        ApiResource::erase::<ResourceQuota>(&()),
        ApiResource::erase::<ServiceAccount>(&()),
    ];
    let cluster_wide = [
        ApiResource::erase::<ClusterRoleBinding>(&()),
        ApiResource::erase::<ClusterRole>(&()),
    ];
    let apis = namespaced
        .iter()
        .map(|ar| {
            let api = Api::<DynamicObject>::namespaced_with(cluster.client.clone(), namespace, ar);
            (ar.kind.as_str(), api)
        })
        .chain(cluster_wide.iter().map(|ar| {
            let api = Api::<DynamicObject>::all_with(cluster.client.clone(), ar);
            (ar.kind.as_str(), api)
        }));
    // Cluster-wide objects of this installation only: another installation's RBAC (flux's
    // names carry the namespace) keeps working.
    let params = ListParams::default().labels(&format!(
        "{PART_OF_FLUX},app.kubernetes.io/instance={namespace}"
    ));
    for (kind, api) in apis {
        let listed = match api.list(&params).await {
            Ok(list) => list.items,
            Err(kube::Error::Api(status)) if status.code == 404 => continue,
            Err(e) => return Err(cluster.explain(e).into()),
        };
        for object in listed {
            let name = object.name_any();
            match api.delete(&name, &delete_params(dry_run)).await {
                Ok(_) => on_event(UninstallEvent::Deleted(format!("{kind}/{name}"))),
                Err(kube::Error::Api(status)) if status.code == 404 => {}
                Err(e) => return Err(cluster.explain(e).into()),
            }
        }
    }
    Ok(())
}

/// Clears the finalizers of every object of one Flux CRD, in all namespaces.
async fn remove_finalizers(
    cluster: &Cluster,
    crd: &CustomResourceDefinition,
    dry_run: bool,
    on_event: &(dyn Fn(UninstallEvent) + Sync),
) -> anyhow::Result<()> {
    let Some(version) = crd
        .spec
        .versions
        .iter()
        .find(|v| v.storage)
        .or_else(|| crd.spec.versions.first())
    else {
        return Ok(());
    };
    let ar = ApiResource {
        group: crd.spec.group.clone(),
        version: version.name.clone(),
        api_version: format!("{}/{}", crd.spec.group, version.name),
        kind: crd.spec.names.kind.clone(),
        plural: crd.spec.names.plural.clone(),
    };
    let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &ar);
    let objects = match api.list(&ListParams::default()).await {
        Ok(list) => list.items,
        Err(kube::Error::Api(status)) if status.code == 404 => return Ok(()),
        Err(e) => return Err(cluster.explain(e).into()),
    };
    for object in objects {
        if object.finalizers().is_empty() {
            continue;
        }
        let namespace = object.namespace().unwrap_or_default();
        let name = object.name_any();
        let api: Api<DynamicObject> = Api::namespaced_with(cluster.client.clone(), &namespace, &ar);
        let patch = json!({ "metadata": { "finalizers": null } });
        let params = PatchParams {
            dry_run,
            ..PatchParams::default()
        };
        match api.patch(&name, &params, &Patch::Merge(&patch)).await {
            Ok(_) => on_event(UninstallEvent::FinalizersRemoved(format!(
                "{}/{namespace}/{name}",
                ar.kind
            ))),
            Err(kube::Error::Api(status)) if status.code == 404 => {}
            Err(e) => return Err(cluster.explain(e).into()),
        }
    }
    Ok(())
}

/// Background deletion, or the server's dry run of it.
fn delete_params(dry_run: bool) -> DeleteParams {
    DeleteParams {
        dry_run,
        ..DeleteParams::background()
    }
}

/// Deletes one object and waits until the server has finished removing it (in a dry run, only
/// asks the server). Returns false when there was nothing to delete.
async fn delete_and_wait<K>(
    cluster: &Cluster,
    api: Api<K>,
    name: &str,
    opts: &UninstallOptions,
) -> anyhow::Result<bool>
where
    K: Resource + Clone + serde::de::DeserializeOwned + std::fmt::Debug + Send + 'static,
    K::DynamicType: Default,
{
    let timeout = opts.timeout;
    match api.delete(name, &delete_params(opts.dry_run)).await {
        Ok(_) if opts.dry_run => return Ok(true),
        Ok(_) => {}
        Err(kube::Error::Api(status)) if status.code == 404 => return Ok(false),
        Err(e) => return Err(cluster.explain(e).into()),
    }
    let (gone, _) = watch_until_deleted(api, name, timeout)
        .await
        .map_err(|e| cluster.explain(e))?;
    if !gone {
        anyhow::bail!(
            "{}/{name} is still terminating after {timeout:?}; run floe uninstall again to finish",
            K::kind(&Default::default())
        );
    }
    Ok(true)
}
