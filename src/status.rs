//! What the Flux objects in a cluster say about themselves: the kinds floe reads, one status row
//! per object (as `get` prints it), and the status selector.

use std::fmt;

use kube::api::{Api, DynamicObject, ListParams};
use kube::discovery::ApiResource;
use serde::Serialize;
use serde_json::Value;

use crate::cluster::Cluster;
use crate::cluster::wait::ready_condition;
use crate::manifests::kustomize::Kustomization;
use crate::manifests::source::{Bucket, GitRepository, HelmRepository, OCIRepository};
use crate::usage::InvalidInput;

/// The Flux kinds floe manages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FluxKind {
    GitRepository,
    HelmRepository,
    OCIRepository,
    Bucket,
    Kustomization,
}

impl FluxKind {
    pub const SOURCES: [FluxKind; 4] = [
        FluxKind::GitRepository,
        FluxKind::HelmRepository,
        FluxKind::OCIRepository,
        FluxKind::Bucket,
    ];
    pub const ALL: [FluxKind; 5] = [
        FluxKind::GitRepository,
        FluxKind::HelmRepository,
        FluxKind::OCIRepository,
        FluxKind::Bucket,
        FluxKind::Kustomization,
    ];

    /// The API resource, known statically so no discovery round trip is needed.
    pub fn api_resource(self) -> ApiResource {
        match self {
            FluxKind::GitRepository => ApiResource::erase::<GitRepository>(&()),
            FluxKind::HelmRepository => ApiResource::erase::<HelmRepository>(&()),
            FluxKind::OCIRepository => ApiResource::erase::<OCIRepository>(&()),
            FluxKind::Bucket => ApiResource::erase::<Bucket>(&()),
            FluxKind::Kustomization => ApiResource::erase::<Kustomization>(&()),
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            FluxKind::GitRepository => "GitRepository",
            FluxKind::HelmRepository => "HelmRepository",
            FluxKind::OCIRepository => "OCIRepository",
            FluxKind::Bucket => "Bucket",
            FluxKind::Kustomization => "Kustomization",
        }
    }

    /// The controller that reconciles this kind.
    pub fn controller(self) -> &'static str {
        match self {
            FluxKind::Kustomization => "kustomize-controller",
            FluxKind::GitRepository
            | FluxKind::HelmRepository
            | FluxKind::OCIRepository
            | FluxKind::Bucket => "source-controller",
        }
    }

    /// The CRD's name, `plural.group`.
    pub fn crd_name(self) -> String {
        let ar = self.api_resource();
        format!("{}.{}", ar.plural, ar.group)
    }

    /// The revision an object is at: the stored artifact for sources, the last applied
    /// revision for syncs.
    pub fn revision(self, object: &Value) -> String {
        let status = &object["status"];
        let revision = match self {
            FluxKind::Kustomization => &status["lastAppliedRevision"],
            FluxKind::GitRepository
            | FluxKind::HelmRepository
            | FluxKind::OCIRepository
            | FluxKind::Bucket => &status["artifact"]["revision"],
        };
        revision.as_str().unwrap_or_default().to_string()
    }

    /// An API handle for one namespace, or for all of them.
    pub fn api(self, cluster: &Cluster, namespace: Option<&str>) -> Api<DynamicObject> {
        let ar = self.api_resource();
        match namespace {
            Some(ns) => Api::namespaced_with(cluster.client.clone(), ns, &ar),
            None => Api::all_with(cluster.client.clone(), &ar),
        }
    }
}

impl fmt::Display for FluxKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind())
    }
}

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
    pub fn from_object(kind: FluxKind, object: &Value) -> StatusRow {
        let (ready, message) = match ready_condition(object) {
            Some((status, _, message)) => (status, message),
            // Flux's wording for an object no controller has looked at yet.
            None => ("False".to_string(), "waiting to be reconciled".to_string()),
        };
        let conditions = object["status"]["conditions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                (
                    c["type"].as_str().unwrap_or_default().to_string(),
                    c["status"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        StatusRow {
            kind: kind.kind().to_string(),
            namespace: object["metadata"]["namespace"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            name: object["metadata"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            revision: kind.revision(object),
            suspended: object["spec"]["suspend"].as_bool().unwrap_or(false),
            ready,
            message,
            conditions,
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

/// Lists one kind's objects as rows, sorted by namespace then name.
pub async fn list_rows(
    cluster: &Cluster,
    kind: FluxKind,
    namespace: Option<&str>,
    name: Option<&str>,
) -> anyhow::Result<Vec<StatusRow>> {
    cluster.doing(format!("listing {kind} objects"));
    let api = kind.api(cluster, namespace);
    let mut params = ListParams::default();
    if let Some(name) = name {
        params = params.fields(&format!("metadata.name={name}"));
    }
    let list = api.list(&params).await.map_err(|e| {
        anyhow::Error::new(cluster.explain(e)).context(format!("cannot list {kind} objects"))
    })?;
    let mut rows: Vec<StatusRow> = list
        .items
        .iter()
        .map(|o| StatusRow::from_object(kind, &serde_json::to_value(o).unwrap_or_default()))
        .collect();
    rows.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
    Ok(rows)
}

/// Formats rows as an aligned table: NAME REVISION SUSPENDED READY MESSAGE, with NAMESPACE
/// first when rows come from every namespace. `prefix` names the kind in the NAME column, as
/// `get all` does (`gitrepository/podinfo`).
pub fn table(rows: &[StatusRow], all_namespaces: bool, prefix: Option<&str>) -> String {
    let mut lines: Vec<Vec<String>> = Vec::with_capacity(rows.len() + 1);
    let mut header = vec!["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"];
    if all_namespaces {
        header.insert(0, "NAMESPACE");
    }
    lines.push(header.iter().map(|s| s.to_string()).collect());
    for row in rows {
        lines.push(row_cells(row, all_namespaces, prefix));
    }
    align(&lines)
}

/// One row's cells, for a table or a watch line.
pub fn row_cells(row: &StatusRow, all_namespaces: bool, prefix: Option<&str>) -> Vec<String> {
    let name = match prefix {
        Some(p) => format!("{p}/{}", row.name),
        None => row.name.clone(),
    };
    let mut cells = vec![
        name,
        row.revision.clone(),
        if row.suspended { "True" } else { "False" }.to_string(),
        row.ready.clone(),
        row.message.replace('\n', " "),
    ];
    if all_namespaces {
        cells.insert(0, row.namespace.clone());
    }
    cells
}

/// Pads columns like kubectl's tabwriter: three spaces between columns, none after the last.
pub fn align(lines: &[Vec<String>]) -> String {
    let columns = lines.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            lines
                .iter()
                .filter_map(|l| l.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for line in lines {
        let mut text = String::new();
        for (c, cell) in line.iter().enumerate() {
            text.push_str(cell);
            if c + 1 < line.len() {
                let pad = widths[c] - cell.chars().count() + 3;
                text.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// The name `get all` shows a kind by.
pub fn lower_kind(kind: FluxKind) -> String {
    kind.kind().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(ready: Option<(&str, &str)>) -> Value {
        let mut o = json!({
            "metadata": {"name": "podinfo", "namespace": "flux-system"},
            "spec": {"suspend": true},
            "status": {"artifact": {"revision": "main@sha1:0123"}}
        });
        if let Some((status, message)) = ready {
            o["status"]["conditions"] =
                json!([{"type": "Ready", "status": status, "message": message}]);
        }
        o
    }

    #[test]
    fn rows_take_revision_suspend_and_ready_from_the_object() {
        let row =
            StatusRow::from_object(FluxKind::GitRepository, &object(Some(("True", "stored"))));
        assert_eq!(
            (
                row.revision.as_str(),
                row.suspended,
                row.ready.as_str(),
                row.message.as_str()
            ),
            ("main@sha1:0123", true, "True", "stored")
        );
        let fresh = StatusRow::from_object(FluxKind::GitRepository, &object(None));
        assert_eq!(
            (fresh.ready.as_str(), fresh.message.as_str()),
            ("False", "waiting to be reconciled")
        );
        let ks = json!({"metadata": {"name": "a"}, "status": {"lastAppliedRevision": "v1"}});
        assert_eq!(
            StatusRow::from_object(FluxKind::Kustomization, &ks).revision,
            "v1"
        );
    }

    #[test]
    fn status_selector_matches_conditions_case_insensitively() {
        let selector: StatusSelector = "ready=false".parse().unwrap();
        let failing =
            StatusRow::from_object(FluxKind::GitRepository, &object(Some(("False", "x"))));
        let ready = StatusRow::from_object(FluxKind::GitRepository, &object(Some(("True", "x"))));
        let fresh = StatusRow::from_object(FluxKind::GitRepository, &object(None));
        assert!(selector.matches(&failing));
        assert!(!selector.matches(&ready));
        assert!(selector.matches(&fresh));
        for bad in ["ready", "=true", "ready=maybe"] {
            let err = bad.parse::<StatusSelector>().unwrap_err().to_string();
            assert!(
                err.contains(bad) && err.contains("CONDITION=STATUS"),
                "{err}"
            );
        }
    }

    #[test]
    fn tables_align_columns_and_add_namespace_with_all_namespaces() {
        let row = StatusRow::from_object(FluxKind::GitRepository, &object(Some(("True", "ok"))));
        assert_eq!(
            table(std::slice::from_ref(&row), false, None),
            "NAME      REVISION         SUSPENDED   READY   MESSAGE\n\
             podinfo   main@sha1:0123   True        True    ok\n"
        );
        assert!(table(&[row], true, Some("gitrepository")).starts_with("NAMESPACE     NAME"));
    }
}
