//! `stats`: per Flux kind, how many objects are running, failing and suspended, and the
//! storage their artefacts use, as `flux stats` counts them: running is every object not
//! suspended, failing is Ready=False, storage is the sum of `status.artifact.size`. A kind
//! whose CRD is not installed counts nothing.

use kube::api::ListParams;
use serde::Serialize;

use crate::cluster::Cluster;
use crate::kinds::FluxKind;

/// One kind's counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindStats {
    pub kind: &'static str,
    pub running: usize,
    pub failing: usize,
    pub suspended: usize,
    /// The artefacts' total size in bytes.
    pub storage_bytes: i64,
}

/// The counts of every kind in flux's order, in `namespace` or (`None`) in all namespaces.
pub async fn collect(cluster: &Cluster, namespace: Option<&str>) -> anyhow::Result<Vec<KindStats>> {
    let mut kinds: Vec<FluxKind> = FluxKind::ALL.to_vec();
    kinds.sort_by_key(|k| k.report_rank());
    cluster.doing("listing Flux objects of every kind");
    futures::future::try_join_all(
        kinds
            .into_iter()
            .map(|kind| count(cluster, kind, namespace)),
    )
    .await
}

async fn count(
    cluster: &Cluster,
    kind: FluxKind,
    namespace: Option<&str>,
) -> anyhow::Result<KindStats> {
    let mut stats = KindStats {
        kind: kind.kind(),
        running: 0,
        failing: 0,
        suspended: 0,
        storage_bytes: 0,
    };
    let list = match kind
        .api(cluster, namespace)
        .list(&ListParams::default())
        .await
    {
        Ok(list) => list,
        // The kind's CRD is not installed: nothing of it to count.
        Err(kube::Error::Api(status)) if status.code == 404 => return Ok(stats),
        Err(e) => {
            return Err(anyhow::Error::new(cluster.explain(e))
                .context(format!("cannot list {kind} objects")));
        }
    };
    for item in &list.items {
        let suspended = item.data["spec"]["suspend"].as_bool() == Some(true);
        if suspended {
            stats.suspended += 1;
        } else {
            stats.running += 1;
        }
        let failing = item.data["status"]["conditions"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|c| c["type"] == "Ready" && c["status"] == "False");
        if failing {
            stats.failing += 1;
        }
        if let Some(size) = item.data["status"]["artifact"]["size"].as_i64() {
            stats.storage_bytes = stats.storage_bytes.saturating_add(size);
        }
    }
    Ok(stats)
}
