//! What the Flux objects in a cluster say about themselves: the kinds floe reads, one status row
//! per object (as `get` prints it), and the status selector.

use futures::future::BoxFuture;
use kube::api::{Api, ListParams};
use serde::Serialize;

use crate::cluster::Cluster;
use crate::kinds::{FluxKind, FluxObject, Observed, Visitor};
use crate::usage::InvalidInput;

/// One object as `get` shows it. The JSON form is floe's stable `-o json` schema
/// (docs/output.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusRow {
    pub kind: String,
    pub namespace: String,
    pub name: String,
    pub revision: String,
    pub suspended: bool,
    pub ready: String,
    pub message: String,
    #[serde(skip)]
    pub conditions: Vec<(String, String)>,
}

impl StatusRow {
    pub fn new(kind: FluxKind, object: &Observed) -> StatusRow {
        let (ready, message) = match object.ready() {
            Some(c) => (c.status.clone(), c.message.clone()),
            // As flux shows the kinds no controller reconciles.
            None if object.fixed => ("True".to_string(), format!("{kind} is Ready")),
            // Flux's wording for an object no controller has looked at yet.
            None => ("False".to_string(), "waiting to be reconciled".to_string()),
        };
        StatusRow {
            kind: kind.kind().to_string(),
            namespace: object.namespace.clone(),
            name: object.name.clone(),
            revision: object.revision.clone(),
            suspended: object.suspended,
            ready,
            message,
            conditions: object
                .conditions
                .iter()
                .map(|c| (c.type_.clone(), c.status.clone()))
                .collect(),
        }
    }
}

/// `--status-selector TYPE=STATUS`: keep objects with a condition of that type in that status
/// (both case-insensitive), as Flux's selector does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusSelector {
    pub condition: String,
    pub status: String,
}

impl std::str::FromStr for StatusSelector {
    type Err = InvalidInput;
    fn from_str(value: &str) -> Result<Self, InvalidInput> {
        let bad = || {
            InvalidInput::new(format!(
                "invalid --status-selector {value:?}: expected CONDITION=STATUS, e.g. ready=false (STATUS is true, false or unknown)"
            ))
        };
        let (condition, status) = value.split_once('=').ok_or_else(bad)?;
        let status = status.to_ascii_lowercase();
        if condition.is_empty() || !["true", "false", "unknown"].contains(&status.as_str()) {
            return Err(bad());
        }
        Ok(StatusSelector {
            condition: condition.to_ascii_lowercase(),
            status,
        })
    }
}

impl StatusSelector {
    pub fn matches(&self, row: &StatusRow) -> bool {
        row.conditions.iter().any(|(kind, status)| {
            kind.eq_ignore_ascii_case(&self.condition) && status.eq_ignore_ascii_case(&self.status)
        }) || (self.condition == "ready"
            && row.conditions.iter().all(|(kind, _)| kind != "Ready")
            && row.ready.eq_ignore_ascii_case(&self.status))
    }
}

/// Which objects of a kind to list.
#[derive(Debug, Clone, Default)]
pub struct Selection<'a> {
    /// None: every namespace.
    pub namespace: Option<&'a str>,
    pub name: Option<&'a str>,
    /// A label selector, as kubectl's `-l`.
    pub labels: Option<&'a str>,
}

impl Selection<'_> {
    pub fn params(&self) -> ListParams {
        let mut params = ListParams::default();
        if let Some(name) = self.name {
            params = params.fields(&format!("metadata.name={name}"));
        }
        if let Some(labels) = self.labels {
            params = params.labels(labels);
        }
        params
    }
}

struct ListTyped<'a> {
    cluster: &'a Cluster,
    selection: &'a Selection<'a>,
}

impl<'a> Visitor for ListTyped<'a> {
    type Output = BoxFuture<'a, Result<Vec<Observed>, kube::Error>>;
    fn visit<K: FluxObject>(self) -> Self::Output {
        Box::pin(async move {
            let client = self.cluster.client.clone();
            let api: Api<K> = match self.selection.namespace {
                Some(ns) => Api::namespaced(client, ns),
                None => Api::all(client),
            };
            let mut observed = Vec::new();
            crate::cluster::each_page(&api, self.selection.params(), |item: K| {
                observed.push(Observed::of(&item))
            })
            .await?;
            Ok(observed)
        })
    }
}

/// Lists one kind's objects, read through its typed resource, as rows sorted by namespace
/// then name. With `skip_missing`, a kind whose CRD is not installed lists nothing (as
/// kubectl skips absent kinds in `get all`).
pub async fn list_rows(
    cluster: &Cluster,
    kind: FluxKind,
    selection: &Selection<'_>,
    skip_missing: bool,
) -> anyhow::Result<Vec<StatusRow>> {
    cluster.doing(format!("listing {kind} objects"));
    let listed = kind.visit(ListTyped { cluster, selection }).await;
    let objects = match listed {
        Ok(objects) => objects,
        Err(kube::Error::Api(status)) if skip_missing && status.code == 404 => Vec::new(),
        // A list is refused with 404 only when the resource itself is not served.
        Err(kube::Error::Api(status)) if status.code == 404 => {
            return Err(anyhow::anyhow!("{}", kind.not_installed()));
        }
        Err(e) => {
            return Err(anyhow::Error::new(cluster.explain(e))
                .context(format!("cannot list {kind} objects")));
        }
    };
    let mut rows: Vec<StatusRow> = objects.iter().map(|o| StatusRow::new(kind, o)).collect();
    rows.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
    Ok(rows)
}

/// The name `get all` shows a kind by.
pub fn lower_kind(kind: FluxKind) -> String {
    kind.kind().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kube::api::DynamicObject;
    use serde_json::json;

    fn object(ready: Option<(&str, &str)>) -> Observed {
        let mut o = json!({
            "apiVersion": "source.toolkit.fluxcd.io/v1",
            "kind": "GitRepository",
            "metadata": {"name": "podinfo", "namespace": "flux-system"},
            "spec": {"suspend": true, "url": "https://example.com/podinfo", "interval": "1m"},
            "status": {"artifact": {"revision": "main@sha1:0123"}}
        });
        if let Some((status, message)) = ready {
            o["status"]["conditions"] = json!([{"type": "Ready", "status": status,
                "reason": "x", "message": message, "lastTransitionTime": "2026-01-01T00:00:00Z"}]);
        }
        let o: DynamicObject = serde_json::from_value(o).unwrap();
        FluxKind::GitRepository.observe(&o)
    }

    fn row(ready: Option<(&str, &str)>) -> StatusRow {
        StatusRow::new(FluxKind::GitRepository, &object(ready))
    }

    #[test]
    fn rows_take_revision_suspend_and_ready_from_the_object() {
        let row = row(Some(("True", "stored")));
        assert_eq!(
            (
                row.revision.as_str(),
                row.suspended,
                row.ready.as_str(),
                row.message.as_str()
            ),
            ("main@sha1:0123", true, "True", "stored")
        );
        let fresh = super::tests::row(None);
        assert_eq!(
            (fresh.ready.as_str(), fresh.message.as_str()),
            ("False", "waiting to be reconciled")
        );
    }

    #[test]
    fn status_selector_matches_conditions_case_insensitively() {
        let selector: StatusSelector = "ready=false".parse().unwrap();
        assert!(selector.matches(&row(Some(("False", "x")))));
        assert!(!selector.matches(&row(Some(("True", "x")))));
        assert!(selector.matches(&row(None)));
        for bad in ["ready", "=true", "ready=maybe"] {
            let err = bad.parse::<StatusSelector>().unwrap_err().to_string();
            assert!(
                err.contains(bad) && err.contains("CONDITION=STATUS"),
                "{err}"
            );
        }
    }
}
