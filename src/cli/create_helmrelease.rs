//! `floe create helmrelease NAME` (alias `hr`): a Flux HelmRelease.

use clap::Args;

use super::GlobalArgs;
use super::create_common::{CreateFlags, export_or_apply};
use crate::cli::ui::Ui;
use crate::kinds::duration::GoDuration;
use crate::manifests::create::{self, CrdsPolicy, HelmReleaseOptions, ReconcileStrategy};
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # A chart from a HelmRepository\n  \
    floe create hr podinfo \\\n    --source=HelmRepository/podinfo \\\n    --chart=podinfo \\\n    --chart-version='>4.0.0' \\\n    --export\n\n  \
    # A chart from a path in a GitRepository, with values from files merged in order\n  \
    floe create hr podinfo \\\n    --source=GitRepository/podinfo \\\n    --chart=./charts/podinfo \\\n    --values=./values.yaml,./values-prod.yaml \\\n    --export\n\n  \
    # A chart from an OCIRepository, installed into its own namespace\n  \
    floe create hr podinfo \\\n    --chart-ref=OCIRepository/podinfo.flux-system \\\n    --target-namespace=apps \\\n    --create-target-namespace \\\n    --export")]
pub struct HelmReleaseArgs {
    /// Name of the HelmRelease (an RFC 1123 label)
    pub name: String,
    /// Name of the Helm release (default: [TARGET-NAMESPACE-]NAME)
    #[arg(long = "release-name", value_name = "NAME")]
    pub release_name: Option<String>,
    /// Source holding the chart, Kind/name[.namespace]; Kind is HelmRepository, GitRepository or Bucket
    #[arg(long, value_name = "KIND/NAME.NS")]
    pub source: Option<String>,
    /// Chart name (HelmRepository) or path (GitRepository, Bucket)
    #[arg(long, value_name = "NAME|PATH")]
    pub chart: Option<String>,
    /// Chart version or semver range (ignored for charts from GitRepository sources)
    #[arg(long = "chart-version", value_name = "VERSION")]
    pub chart_version: Option<String>,
    /// A chart already built, Kind/name[.namespace]; Kind is OCIRepository or HelmChart
    #[arg(long = "chart-ref", value_name = "KIND/NAME.NS")]
    pub chart_ref: Option<String>,
    /// How often to check the source for new chart versions
    #[arg(long = "chart-interval", value_name = "DURATION")]
    pub chart_interval: Option<GoDuration>,
    /// HelmReleases that must be ready first, name or namespace/name (repeat or separate with commas)
    #[arg(long = "depends-on", value_name = "NAME", value_delimiter = ',')]
    pub depends_on: Vec<String>,
    /// Namespace to install the release in (default: the HelmRelease's)
    #[arg(long = "target-namespace", value_name = "NAME")]
    pub target_namespace: Option<String>,
    /// Namespace to store the release in (default: the target namespace)
    #[arg(long = "storage-namespace", value_name = "NAME")]
    pub storage_namespace: Option<String>,
    /// Create the target namespace if it does not exist
    #[arg(long = "create-target-namespace")]
    pub create_target_namespace: bool,
    /// Service account to impersonate when releasing
    #[arg(long = "service-account", value_name = "NAME")]
    pub service_account: Option<String>,
    /// When a chart counts as changed
    #[arg(long = "reconcile-strategy", value_parser = super::flags::choice::<ReconcileStrategy>(), default_value = "ChartVersion", value_name = "STRATEGY")]
    pub reconcile_strategy: ReconcileStrategy,
    /// What to do with the chart's CRDs on upgrade
    #[arg(long, value_parser = super::flags::choice::<CrdsPolicy>(), value_name = "POLICY")]
    pub crds: Option<CrdsPolicy>,
    /// Values files, merged in order (repeat or separate with commas)
    #[arg(long, value_name = "FILE", value_delimiter = ',')]
    pub values: Vec<std::path::PathBuf>,
    /// Secret or ConfigMap with a values.yaml key, Kind/name (repeat or separate with commas)
    #[arg(long = "values-from", value_name = "KIND/NAME", value_delimiter = ',')]
    pub values_from: Vec<String>,
    /// Secret with a kubeconfig, to release into another cluster
    #[arg(long = "kubeconfig-secret-ref", value_name = "NAME")]
    pub kubeconfig_secret_ref: Option<String>,
    #[command(flatten)]
    pub create: CreateFlags,
}

pub fn run(global: &GlobalArgs, ui: &Ui, a: HelmReleaseArgs) -> anyhow::Result<()> {
    let values = a
        .values
        .iter()
        .map(|path| {
            let shown = path.display().to_string();
            std::fs::read_to_string(path)
                .map(|text| (shown.clone(), text))
                .map_err(|e| InvalidInput::new(format!("cannot read --values '{shown}': {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let object = create::helm_release(&HelmReleaseOptions {
        object: a.create.object(global, &a.name),
        release_name: a.release_name,
        source: a.source,
        chart: a.chart,
        chart_version: a.chart_version,
        chart_ref: a.chart_ref,
        chart_interval: a.chart_interval,
        depends_on: a.depends_on,
        target_namespace: a.target_namespace,
        storage_namespace: a.storage_namespace,
        create_target_namespace: a.create_target_namespace,
        service_account: a.service_account,
        reconcile_strategy: a.reconcile_strategy,
        crds: a.crds,
        values,
        values_from: a.values_from,
        kubeconfig_secret_ref: a.kubeconfig_secret_ref,
    })?;
    export_or_apply(global, ui, &object, &a.create)
}
