//! `helm.toolkit.fluxcd.io/v2`: the HelmRelease that installs and upgrades a Helm chart
//! (floe's release role). Field names and omit-when-empty rules follow helm-controller's Go
//! types, so objects serialize exactly as Flux writes them.

use std::borrow::Cow;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition;
use kube::CustomResource;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use super::meta::DependencyReference;
use super::meta::{NamespacedObjectKindReference, OtherFields, is_false};
use super::{Applied, FluxObject, Manages, ObjectRef, Role};
use crate::kinds::duration::GoDuration;

#[derive(CustomResource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "helm.toolkit.fluxcd.io",
    version = "v2",
    kind = "HelmRelease",
    plural = "helmreleases",
    shortname = "hr",
    namespaced,
    status = "HelmReleaseStatus",
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
pub struct HelmReleaseSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<HelmChartTemplate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart_ref: Option<ChartReference>,
    pub interval: GoDuration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kube_config: Option<KubeConfigReference>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspend: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub release_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_namespace: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub storage_namespace: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<DependencyReference>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub service_account_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub install: Option<Install>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade: Option<Upgrade>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values_from: Vec<ValuesReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Value>,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// `spec.chart`: the HelmChart helm-controller creates from a source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HelmChartTemplate {
    pub spec: HelmChartTemplateSpec,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HelmChartTemplateSpec {
    pub chart: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    pub source_ref: CrossNamespaceObjectReference,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<GoDuration>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reconcile_strategy: String,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// A source or chart reference, optionally in another namespace.
pub type CrossNamespaceObjectReference = NamespacedObjectKindReference;

/// `spec.chartRef`: an OCIRepository or HelmChart holding the chart.
pub type ChartReference = CrossNamespaceObjectReference;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KubeConfigReference {
    pub secret_ref: SecretKeyReference,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SecretKeyReference {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Install {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub crds: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub create_namespace: bool,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Upgrade {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub crds: String,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValuesReference {
    pub kind: String,
    pub name: String,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HelmReleaseStatus {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_handled_reconcile_at: Option<String>,
    /// The chart version helm-controller last tried to release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_attempted_revision: Option<String>,
    /// Newest first, as helm-controller keeps it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Snapshot>,
    /// `namespace/name` of the HelmChart helm-controller made for `spec.chart`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helm_chart: Option<String>,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// One Helm release revision as helm-controller records it in `status.history`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    #[serde(default)]
    pub chart_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The Helm release revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_deployed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_deployed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_digest: Option<String>,
    #[serde(flatten)]
    pub other: OtherFields,
}

impl FluxObject for HelmRelease {
    const CONTROLLER: &'static str = "helm-controller";
    const ROLE: Role = Role::Release;
    const WORDS: &'static [&'static str] = &["helmrelease", "helmreleases", "hr"];
    const ABOUT: &'static str = "Helm releases (Flux HelmReleases)";
    const MANAGES: Manages = Manages::HelmRelease;

    fn conditions(&self) -> &[Condition] {
        self.status.as_ref().map_or(&[], |s| &s.conditions)
    }
    fn observed_generation(&self) -> Option<i64> {
        self.status.as_ref()?.observed_generation
    }
    /// The chart version of the newest release, else the one last attempted (as `flux get hr`).
    fn revision(&self) -> Option<Cow<'_, str>> {
        let status = self.status.as_ref()?;
        match status.history.first() {
            Some(latest) => Some(Cow::Borrowed(&latest.chart_version)),
            None => status.last_attempted_revision.as_deref().map(Cow::Borrowed),
        }
    }
    fn attempted_revision(&self) -> Option<&str> {
        self.status.as_ref()?.last_attempted_revision.as_deref()
    }
    fn last_handled_reconcile_at(&self) -> Option<&str> {
        self.status.as_ref()?.last_handled_reconcile_at.as_deref()
    }
    fn suspended(&self) -> bool {
        self.spec.suspend
    }
    /// helm-controller's releases, newest first: the chart version released, the release's
    /// status (`deployed`, `superseded`, `failed`...).
    fn history(&self) -> Vec<Applied> {
        let Some(status) = &self.status else {
            return Vec::new();
        };
        status
            .history
            .iter()
            .map(|s| {
                let result = s.status.clone().unwrap_or_default();
                Applied {
                    revision: s.chart_version.clone(),
                    succeeded: matches!(result.as_str(), "deployed" | "superseded"),
                    result,
                    first: s.first_deployed.clone(),
                    last: s.last_deployed.clone(),
                    duration: None,
                    digest: s.config_digest.clone().unwrap_or_default(),
                    count: s.version,
                }
            })
            .collect()
    }
    /// The HelmChart made from `spec.chart` (`<namespace>-<name>` in the source's namespace),
    /// or what `spec.chartRef` names, as `flux reconcile hr --with-source` picks it.
    fn source(&self) -> Option<ObjectRef> {
        let own = self.metadata.namespace.as_deref().unwrap_or_default();
        if let Some(chart) = &self.spec.chart_ref {
            return chart.object_ref(own);
        }
        let namespace = self.spec.chart.as_ref()?.spec.source_ref.namespace.as_deref();
        let name = self.metadata.name.as_deref().unwrap_or_default();
        ObjectRef::parse(
            super::FluxKind::HelmChart,
            namespace.unwrap_or(own),
            &format!("{own}-{name}"),
        )
        .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::super::FluxKind;
    use kube::api::DynamicObject;
    use serde_json::json;

    #[test]
    fn helm_releases_are_run_by_helm_controller_and_show_the_released_chart_version() {
        assert_eq!(FluxKind::HelmRelease.controller(), "helm-controller");
        let hr: DynamicObject = serde_json::from_value(json!({
            "apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
            "metadata": {"name": "podinfo", "namespace": "apps"},
            "spec": {"interval": "1m", "chart": {"spec": {"chart": "podinfo",
                     "sourceRef": {"kind": "HelmRepository", "name": "charts", "namespace": "flux-system"}}}},
            "status": {"lastAttemptedRevision": "6.3.6",
                       "history": [{"chartVersion": "6.3.5"}, {"chartVersion": "6.3.4"}]}
        }))
        .unwrap();
        let observed = FluxKind::HelmRelease.observe(&hr);
        assert_eq!(observed.revision, "6.3.5");
        assert_eq!(observed.attempted_revision.as_deref(), Some("6.3.6"));
        // The HelmChart helm-controller makes: <namespace>-<name> in the source's namespace.
        let source = observed.source.unwrap();
        assert_eq!(
            (source.kind, source.namespace.as_str(), source.name.as_str()),
            (FluxKind::HelmChart, "flux-system", "apps-podinfo")
        );
        let mut fresh = hr.clone();
        fresh.data["status"]["history"] = json!([]);
        assert_eq!(FluxKind::HelmRelease.observe(&fresh).revision, "6.3.6");
    }
}
