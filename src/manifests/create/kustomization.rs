//! The builder of Kustomizations (`create kustomization`, `create sync`).

use std::collections::BTreeMap;

use super::common::*;
use crate::kinds::duration::GoDuration;
use crate::kinds::kustomization::{
    CrossNamespaceSourceReference, Decryption, DependencyReference, Kustomization,
    KustomizationSpec,
};
use crate::kinds::meta::NamespacedObjectKindReference;
use crate::manifests::validate;
use crate::usage::{Choice, InvalidInput};

/// The source kinds a Kustomization can read from.
pub const SYNC_SOURCE_KINDS: &[&str] = &["GitRepository", "OCIRepository", "Bucket"];
/// The workload kinds `--health-check` accepts, as `flux create kustomization` does.
pub const HEALTH_CHECK_KINDS: &[&str] = &["Deployment", "DaemonSet", "StatefulSet", "HelmRelease"];
pub const HELM_RELEASE_API_VERSION: &str = "helm.toolkit.fluxcd.io/v2";

provider_enum!(
    /// Who decrypts a Kustomization's secrets.
    DecryptionProvider { Sops => "sops" }
);

#[derive(Clone, Debug)]
pub struct SyncOptions {
    pub object: ObjectOptions,
    /// `[Kind/]name[.namespace]`; the kind defaults to GitRepository.
    pub source: String,
    pub path: String,
    pub prune: bool,
    pub wait: bool,
    pub retry_interval: Option<GoDuration>,
    pub health_check_timeout: GoDuration,
    pub target_namespace: Option<String>,
    pub depends_on: Vec<String>,
    pub health_checks: Vec<String>,
    pub service_account: Option<String>,
    pub decryption_provider: Option<DecryptionProvider>,
    pub decryption_secret: Option<String>,
    /// A Secret with the kubeconfig of the cluster to apply to (`spec.kubeConfig.secretRef`).
    pub kubeconfig_secret_ref: Option<String>,
}

/// Parses `[Kind/]name[.namespace]`, the kind matched case-insensitively.
pub fn parse_source_ref(value: &str) -> Result<CrossNamespaceSourceReference, InvalidInput> {
    let (kind, name, namespace) =
        parse_kind_name("--source", value, SYNC_SOURCE_KINDS, Some("GitRepository"))?;
    Ok(CrossNamespaceSourceReference {
        api_version: None,
        kind,
        name,
        namespace,
    })
}

/// Parses `name` or `namespace/name`.
pub(super) fn parse_dependency(value: &str) -> Result<DependencyReference, InvalidInput> {
    let bad = |why: String| {
        InvalidInput::new(format!(
            "invalid --depends-on '{value}': {why}; expected name or namespace/name"
        ))
    };
    let (namespace, name) = match value.split_once('/') {
        Some((ns, name)) => (Some(ns), name),
        None => (None, value),
    };
    let name = validate::rfc1123_name("name", name).map_err(|e| bad(e.0))?;
    let namespace = namespace
        .map(|ns| validate::rfc1123_name("namespace", ns).map_err(|e| bad(e.0)))
        .transpose()?;
    Ok(DependencyReference { name, namespace })
}

/// Parses `Kind/name.namespace`.
fn parse_health_check(value: &str) -> Result<NamespacedObjectKindReference, InvalidInput> {
    let bad = |why: String| {
        InvalidInput::new(format!(
            "invalid --health-check '{value}': {why}; expected Kind/name.namespace, e.g. Deployment/podinfo.default"
        ))
    };
    let (kind, rest) = value
        .split_once('/')
        .ok_or_else(|| bad("missing the kind".into()))?;
    let kind = HEALTH_CHECK_KINDS
        .iter()
        .find(|k| **k == kind)
        .ok_or_else(|| {
            bad(format!(
                "kind '{kind}' is not supported, use one of: {}",
                HEALTH_CHECK_KINDS.join(", ")
            ))
        })?;
    let (name, namespace) = rest
        .split_once('.')
        .ok_or_else(|| bad("missing the namespace".into()))?;
    let name = validate::rfc1123_name("name", name).map_err(|e| bad(e.0))?;
    let namespace = validate::rfc1123_name("namespace", namespace).map_err(|e| bad(e.0))?;
    Ok(NamespacedObjectKindReference {
        api_version: (*kind == "HelmRelease").then(|| HELM_RELEASE_API_VERSION.to_string()),
        kind: kind.to_string(),
        name,
        namespace: Some(namespace),
    })
}

pub fn kustomization(opts: &SyncOptions) -> Result<Kustomization, InvalidInput> {
    let metadata = opts.object.metadata()?;
    let source_ref = parse_source_ref(&opts.source)?;
    let path = validate::relative_path(&opts.path)?;
    let depends_on = opts
        .depends_on
        .iter()
        .filter(|d| !d.is_empty())
        .map(|d| parse_dependency(d))
        .collect::<Result<Vec<_>, _>>()?;
    let health_checks = opts
        .health_checks
        .iter()
        .filter(|h| !h.is_empty())
        .map(|h| parse_health_check(h))
        .collect::<Result<Vec<_>, _>>()?;
    let target_namespace = opts
        .target_namespace
        .as_deref()
        .map(|ns| validate::rfc1123_name("--target-namespace", ns))
        .transpose()?;
    let service_account_name = opts
        .service_account
        .as_deref()
        .map(|sa| validate::rfc1123_name("--service-account", sa))
        .transpose()?;
    let decryption = match (opts.decryption_provider, &opts.decryption_secret) {
        (None, Some(secret)) => {
            return Err(InvalidInput::new(format!(
                "--decryption-secret '{secret}' needs --decryption-provider=sops"
            )));
        }
        (None, None) => None,
        (Some(DecryptionProvider::Sops), secret) => Some(Decryption {
            provider: "sops".into(),
            secret_ref: secret_name("--decryption-secret", secret.as_deref())?,
        }),
    };
    // As in Flux: --wait checks every applied object, so explicit health checks only apply
    // without it, and either sets the health-check timeout.
    let (health_checks, timeout) = if opts.wait {
        (Vec::new(), Some(opts.health_check_timeout))
    } else if !health_checks.is_empty() {
        (health_checks, Some(opts.health_check_timeout))
    } else {
        (Vec::new(), None)
    };
    let mut object = Kustomization::new(
        &opts.object.name,
        KustomizationSpec {
            depends_on,
            decryption,
            interval: opts.object.interval,
            retry_interval: opts.retry_interval,
            path: Some(path),
            prune: opts.prune,
            health_checks,
            service_account_name,
            source_ref,
            suspend: false,
            target_namespace,
            timeout,
            force: false,
            wait: opts.wait,
            other: {
                let mut other = BTreeMap::new();
                if let Some(secret) = secret_name(
                    "--kubeconfig-secret-ref",
                    opts.kubeconfig_secret_ref.as_deref(),
                )? {
                    other.insert(
                        "kubeConfig".to_string(),
                        serde_json::json!({ "secretRef": { "name": secret.name } }),
                    );
                }
                other
            },
        },
    );
    object.metadata = metadata;
    Ok(object)
}
