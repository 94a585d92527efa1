//! The builder of HelmReleases (`create helmrelease`).

use std::collections::BTreeMap;

use super::common::*;
use super::kustomization::parse_dependency;
use crate::kinds::duration::GoDuration;
use crate::kinds::helm_release::{
    CrossNamespaceObjectReference, HelmChartTemplate, HelmChartTemplateSpec, HelmRelease,
    HelmReleaseSpec, Install, KubeConfigReference, SecretKeyReference, Upgrade, ValuesReference,
};
use crate::manifests::validate;
use crate::usage::{Choice, InvalidInput};

/// The sources a HelmRelease's `--source` may name (the chart is built from them).
pub const HELM_CHART_SOURCE_KINDS: &[&str] = &["HelmRepository", "GitRepository", "Bucket"];
/// What `--chart-ref` may name: a ready-made chart.
pub const CHART_REF_KINDS: &[&str] = &["OCIRepository", "HelmChart"];
/// What `--values-from` may name.
pub const VALUES_FROM_KINDS: &[&str] = &["Secret", "ConfigMap"];

provider_enum!(
    /// How helm-controller decides that a chart changed.
    ReconcileStrategy { ChartVersion => "ChartVersion", Revision => "Revision" }
);
provider_enum!(
    /// What helm does with a chart's CRDs on upgrade.
    CrdsPolicy { Skip => "Skip", Create => "Create", CreateReplace => "CreateReplace" }
);

#[derive(Clone, Debug)]
pub struct HelmReleaseOptions {
    pub object: ObjectOptions,
    pub release_name: Option<String>,
    /// `Kind/name[.namespace]` of a HelmRepository, GitRepository or Bucket.
    pub source: Option<String>,
    pub chart: Option<String>,
    pub chart_version: Option<String>,
    /// `Kind/name[.namespace]` of an OCIRepository or HelmChart.
    pub chart_ref: Option<String>,
    pub chart_interval: Option<GoDuration>,
    pub depends_on: Vec<String>,
    pub target_namespace: Option<String>,
    pub storage_namespace: Option<String>,
    pub create_target_namespace: bool,
    pub service_account: Option<String>,
    pub reconcile_strategy: ReconcileStrategy,
    pub crds: Option<CrdsPolicy>,
    /// The contents of `--values` files, in order, with their paths for messages.
    pub values: Vec<(String, String)>,
    /// `Kind/name` of Secrets and ConfigMaps with a values.yaml key.
    pub values_from: Vec<String>,
    pub kubeconfig_secret_ref: Option<String>,
}

/// Merges `from` into `into` as Flux's `transform.MergeMaps` does: maps merge key by key,
/// anything else from `from` replaces what was there.
pub fn merge_values(
    into: &mut serde_json::Map<String, serde_json::Value>,
    from: serde_json::Map<String, serde_json::Value>,
) {
    for (key, value) in from {
        match (into.get_mut(&key), value) {
            (Some(serde_json::Value::Object(existing)), serde_json::Value::Object(incoming)) => {
                merge_values(existing, incoming)
            }
            (_, value) => {
                into.insert(key, value);
            }
        }
    }
}

pub fn helm_release(opts: &HelmReleaseOptions) -> Result<HelmRelease, InvalidInput> {
    let metadata = opts.object.metadata()?;
    let chart = non_empty("--chart", &opts.chart)?;
    let (chart, chart_ref) = match (chart, &opts.chart_ref) {
        (None, None) => {
            return Err(InvalidInput::new(
                "--chart or --chart-ref is required: a chart name or path in --source, or a HelmChart or OCIRepository",
            ));
        }
        (Some(_), Some(_)) => {
            return Err(InvalidInput::new(
                "--chart and --chart-ref cannot be used together: --chart builds the chart from --source, --chart-ref names one already built",
            ));
        }
        (Some(chart), None) => {
            let source = opts.source.as_deref().ok_or_else(|| {
                InvalidInput::new(format!(
                    "--chart '{chart}' needs --source, the {} holding it",
                    HELM_CHART_SOURCE_KINDS.join(", ")
                ))
            })?;
            let (kind, name, namespace) =
                parse_kind_name("--source", source, HELM_CHART_SOURCE_KINDS, None)?;
            let template = HelmChartTemplate {
                spec: HelmChartTemplateSpec {
                    chart,
                    version: non_empty("--chart-version", &opts.chart_version)?.unwrap_or_default(),
                    source_ref: CrossNamespaceObjectReference {
                        api_version: None,
                        kind,
                        name,
                        namespace,
                    },
                    interval: opts.chart_interval.filter(|i| !i.0.is_zero()),
                    reconcile_strategy: opts.reconcile_strategy.as_str().to_string(),
                    other: BTreeMap::new(),
                },
                other: BTreeMap::new(),
            };
            (Some(template), None)
        }
        (None, Some(chart_ref)) => {
            for (flag, given) in [
                ("--source", opts.source.is_some()),
                ("--chart-version", opts.chart_version.is_some()),
            ] {
                if given {
                    return Err(InvalidInput::new(format!(
                        "{flag} cannot be used with --chart-ref: the chart is already built by the {}",
                        CHART_REF_KINDS.join(" or ")
                    )));
                }
            }
            let (kind, name, namespace) =
                parse_kind_name("--chart-ref", chart_ref, CHART_REF_KINDS, None)?;
            let reference = CrossNamespaceObjectReference {
                api_version: None,
                kind,
                name,
                namespace,
            };
            (None, Some(reference))
        }
    };
    let depends_on = opts
        .depends_on
        .iter()
        .filter(|d| !d.is_empty())
        .map(|d| parse_dependency(d))
        .collect::<Result<Vec<_>, _>>()?;
    let namespace_flag = |flag: &str, value: &Option<String>| {
        value
            .as_deref()
            .map(|ns| validate::rfc1123_name(flag, ns))
            .transpose()
            .map(Option::unwrap_or_default)
    };
    let target_namespace = namespace_flag("--target-namespace", &opts.target_namespace)?;
    let mut storage_namespace = namespace_flag("--storage-namespace", &opts.storage_namespace)?;
    // As flux: the release is stored where it is installed unless told otherwise.
    if storage_namespace.is_empty() {
        storage_namespace = target_namespace.clone();
    }
    let release_name = match non_empty("--release-name", &opts.release_name)? {
        Some(name) => validate::release_name(&name)?,
        None => String::new(),
    };
    let service_account_name = namespace_flag("--service-account", &opts.service_account)?;
    let mut install = None;
    let mut upgrade = None;
    if opts.create_target_namespace {
        install
            .get_or_insert_with(Install::default)
            .create_namespace = true;
    }
    if let Some(crds) = opts.crds {
        // As flux: CRDs are always created on install; --crds is the upgrade policy.
        install.get_or_insert_with(Install::default).crds = CrdsPolicy::Create.as_str().into();
        upgrade = Some(Upgrade {
            crds: crds.as_str().into(),
            other: BTreeMap::new(),
        });
    }
    let values = if opts.values.is_empty() {
        None
    } else {
        let mut merged = serde_json::Map::new();
        for (path, text) in &opts.values {
            let parsed: serde_json::Value = serde_yaml::from_str(text).map_err(|e| {
                InvalidInput::new(format!("invalid --values '{path}': not YAML: {e}"))
            })?;
            match parsed {
                serde_json::Value::Object(map) => merge_values(&mut merged, map),
                serde_json::Value::Null => {}
                _ => {
                    return Err(InvalidInput::new(format!(
                        "invalid --values '{path}': must hold a YAML map of values, e.g. replicaCount: 2"
                    )));
                }
            }
        }
        Some(serde_json::Value::Object(merged))
    };
    let values_from = opts
        .values_from
        .iter()
        .filter(|v| !v.is_empty())
        .map(|value| {
            let bad = |why: String| {
                InvalidInput::new(format!(
                    "invalid --values-from '{value}': {why}; expected Kind/name with Kind one of: {}",
                    VALUES_FROM_KINDS.join(", ")
                ))
            };
            let (kind, name) = value
                .split_once('/')
                .ok_or_else(|| bad("missing the kind".into()))?;
            let kind = VALUES_FROM_KINDS
                .iter()
                .find(|k| k.eq_ignore_ascii_case(kind))
                .ok_or_else(|| bad(format!("kind '{kind}' is not supported")))?;
            let name = validate::rfc1123_subdomain("name", name).map_err(|e| bad(e.0))?;
            Ok(ValuesReference {
                kind: kind.to_string(),
                name,
                other: BTreeMap::new(),
            })
        })
        .collect::<Result<Vec<_>, InvalidInput>>()?;
    let kube_config = secret_name(
        "--kubeconfig-secret-ref",
        opts.kubeconfig_secret_ref.as_deref(),
    )?
    .map(|secret| KubeConfigReference {
        secret_ref: SecretKeyReference {
            name: secret.name,
            key: String::new(),
        },
    });
    let mut object = HelmRelease::new(
        &opts.object.name,
        HelmReleaseSpec {
            chart,
            chart_ref,
            interval: opts.object.interval,
            kube_config,
            suspend: false,
            release_name,
            target_namespace,
            storage_namespace,
            depends_on,
            service_account_name,
            install,
            upgrade,
            values_from,
            values,
            other: BTreeMap::new(),
        },
    );
    object.metadata = metadata;
    Ok(object)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_merge_like_flux_merge_maps() {
        let mut into =
            json!({"image": {"repository": "r", "tag": "1"}, "list": [1, 2], "keep": true})
                .as_object()
                .unwrap()
                .clone();
        let from = json!({"image": {"tag": "2"}, "list": [3], "new": {"a": 1}})
            .as_object()
            .unwrap()
            .clone();
        merge_values(&mut into, from);
        assert_eq!(
            serde_json::Value::Object(into),
            json!({"image": {"repository": "r", "tag": "2"}, "list": [3], "keep": true, "new": {"a": 1}})
        );
    }
}
