//! `source.toolkit.fluxcd.io/v1` HelmChart: a chart source-controller pulls from a
//! HelmRepository or builds from a GitRepository or Bucket; helm-controller makes one for each
//! HelmRelease with `spec.chart`.

use kube::CustomResource;
use serde::{Deserialize, Serialize};

use super::meta::{OtherFields, SourceStatus, is_false};
use super::ObjectRef;
use crate::kinds::duration::GoDuration;

#[derive(CustomResource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "source.toolkit.fluxcd.io",
    version = "v1",
    kind = "HelmChart",
    plural = "helmcharts",
    shortname = "hc",
    namespaced,
    status = "SourceStatus",
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
pub struct HelmChartSpec {
    pub chart: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    pub source_ref: LocalHelmChartSourceReference,
    pub interval: GoDuration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconcile_strategy: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspend: bool,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// The HelmRepository, GitRepository or Bucket (in the chart's namespace) holding a chart.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalHelmChartSourceReference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    pub kind: String,
    pub name: String,
}

source_kind!(HelmChart, "chart", "Helm charts", |o| {
    let namespace = o.metadata.namespace.clone().unwrap_or_default();
    ObjectRef::named(&o.spec.source_ref.kind, &namespace, &o.spec.source_ref.name)
});

#[cfg(test)]
mod tests {
    use super::super::{FluxKind, Role};

    #[test]
    fn helm_charts_are_sources_named_chart() {
        assert_eq!(FluxKind::by_word(Role::Source, "chart"), Some(FluxKind::HelmChart));
        let ar = FluxKind::HelmChart.api_resource();
        assert_eq!(
            (ar.plural.as_str(), ar.group.as_str()),
            ("helmcharts", "source.toolkit.fluxcd.io")
        );
    }
}
