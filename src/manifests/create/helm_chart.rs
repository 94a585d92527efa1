//! The builder of HelmCharts (`create source chart`).

use super::common::*;
use super::helm_release::{HELM_CHART_SOURCE_KINDS, ReconcileStrategy};
use super::source::*;
use crate::usage::{Choice, InvalidInput};

#[derive(Clone, Debug)]
pub struct HelmChartOptions {
    pub object: ObjectOptions,
    /// `Kind/name` of a HelmRepository, GitRepository or Bucket in the chart's namespace.
    pub source: String,
    pub chart: String,
    pub chart_version: Option<String>,
    pub reconcile_strategy: ReconcileStrategy,
    pub verify: VerifyOptions,
}

/// A HelmChart (`create source chart`): a chart source-controller pulls or builds on its own,
/// for a HelmRelease's `--chart-ref`.
pub fn helm_chart(
    opts: &HelmChartOptions,
) -> Result<crate::kinds::helm_chart::HelmChart, InvalidInput> {
    use crate::kinds::helm_chart::{HelmChart, HelmChartSpec, LocalHelmChartSourceReference};
    let metadata = opts.object.metadata()?;
    let (kind, name, namespace) =
        parse_kind_name("--source", &opts.source, HELM_CHART_SOURCE_KINDS, None)?;
    if namespace.is_some() {
        return Err(InvalidInput::new(format!(
            "invalid --source '{}': a HelmChart reads a source in its own namespace; drop '.{}'",
            opts.source,
            namespace.unwrap_or_default()
        )));
    }
    let chart = non_empty("--chart", &Some(opts.chart.clone()))?.unwrap_or_default();
    if chart.is_empty() {
        return Err(InvalidInput::new(
            "--chart is required: the chart's name (HelmRepository) or path (GitRepository, Bucket)",
        ));
    }
    let mut other = crate::kinds::meta::OtherFields::new();
    if let Some(verify) = verify_spec(&opts.verify)? {
        other.insert("verify".to_string(), verify);
    }
    Ok(HelmChart {
        metadata,
        spec: HelmChartSpec {
            chart,
            version: non_empty("--chart-version", &opts.chart_version)?,
            source_ref: LocalHelmChartSourceReference {
                api_version: None,
                kind,
                name,
            },
            interval: opts.object.interval,
            reconcile_strategy: Some(opts.reconcile_strategy.as_str().to_string()),
            suspend: false,
            other,
        },
        status: None,
    })
}
