//! Building Flux objects from the options of the `create` commands. Every check of user input
//! happens here, so any caller (the CLI, bootstrap) gets the same objects and the same errors.

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::validate;
use crate::kinds::duration::GoDuration;
use crate::kinds::helm_release::{
    CrossNamespaceObjectReference, HelmChartTemplate, HelmChartTemplateSpec, HelmRelease,
    HelmReleaseSpec, Install, KubeConfigReference, SecretKeyReference, Upgrade, ValuesReference,
};
use crate::kinds::kustomization::{
    CrossNamespaceSourceReference, Decryption, DependencyReference, Kustomization,
    KustomizationSpec,
};
use crate::kinds::meta::{LocalObjectReference, NamespacedObjectKindReference};
use crate::kinds::source::{
    Bucket, BucketSpec, GitRepository, GitRepositoryRef, GitRepositorySpec, HelmRepository,
    HelmRepositorySpec, OCIRepository, OCIRepositoryRef, OCIRepositorySpec,
};
use crate::usage::{Choice, InvalidInput};

/// What every created object has: identity, labels and reconcile interval.
#[derive(Clone, Debug)]
pub struct ObjectOptions {
    pub name: String,
    pub namespace: String,
    /// `key=value` pairs as given on the command line.
    pub labels: Vec<crate::kinds::names::Label>,
    pub interval: GoDuration,
}

impl ObjectOptions {
    pub(crate) fn metadata(&self) -> Result<ObjectMeta, InvalidInput> {
        let name = validate::rfc1123_name("name", &self.name)?;
        let namespace = validate::rfc1123_name("namespace", &self.namespace)?;
        let labels = validate::labels(&self.labels)?;
        Ok(ObjectMeta {
            name: Some(name),
            namespace: Some(namespace),
            labels: (!labels.is_empty()).then_some(labels),
            ..ObjectMeta::default()
        })
    }
}

macro_rules! provider_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }
    };
}

pub(crate) use provider_enum;

provider_enum!(
    /// Who authenticates a GitRepository's pulls.
    GitProvider { Generic => "generic", Github => "github", Azure => "azure" }
);
provider_enum!(
    /// Who authenticates an OCIRepository's pulls.
    OciProvider { Generic => "generic", Aws => "aws", Azure => "azure", Gcp => "gcp" }
);
provider_enum!(
    /// The object storage API a Bucket speaks.
    BucketProvider { Generic => "generic", Aws => "aws", Gcp => "gcp", Azure => "azure" }
);
provider_enum!(
    /// A HelmRepository's type.
    HelmRepositoryType { Default => "default", Oci => "oci" }
);

/// Checks a URL's syntax and that its scheme is one `kind` accepts.
fn source_url(
    flag: &str,
    value: &str,
    kind: &str,
    schemes: &[&str],
) -> Result<String, InvalidInput> {
    let allowed = schemes.join(", ");
    let shown = crate::redact::url(value);
    let parsed = url::Url::parse(value).map_err(|e| {
        let hint = if value.contains('@') && !value.contains("://") {
            " (scp-like addresses are not URLs: write ssh://user@host/path)".to_string()
        } else {
            String::new()
        };
        InvalidInput::new(format!(
            "invalid {flag} '{shown}': {e}{hint}; the URL of {kind} starts with one of: {allowed}"
        ))
    })?;
    if !schemes.contains(&parsed.scheme()) {
        return Err(InvalidInput::new(format!(
            "invalid {flag} '{shown}': scheme '{}' is not supported for {kind}, use one of: {allowed}",
            parsed.scheme()
        )));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(InvalidInput::new(format!(
            "invalid {flag} '{shown}': the URL has no host"
        )));
    }
    if parsed.password().is_some() {
        return Err(InvalidInput::new(format!(
            "invalid {flag} '{shown}': the URL contains a password, which would be stored in the object for anyone who can read it; put the credentials in a Secret and pass --secret-ref"
        )));
    }
    Ok(value.to_string())
}

pub(crate) fn secret_name(
    flag: &str,
    value: Option<&str>,
) -> Result<Option<LocalObjectReference>, InvalidInput> {
    value
        .map(|name| {
            validate::rfc1123_name(&format!("{flag} name"), name).map(LocalObjectReference::named)
        })
        .transpose()
}

/// Rejects flags given together when one would silently override the other.
pub(crate) fn at_most_one(given: &[(&str, bool)], why: &str) -> Result<(), InvalidInput> {
    let set: Vec<&str> = given
        .iter()
        .filter(|(_, on)| *on)
        .map(|(flag, _)| *flag)
        .collect();
    if set.len() > 1 {
        return Err(InvalidInput::new(format!(
            "{} cannot be used together: {why}",
            set.join(" and ")
        )));
    }
    Ok(())
}

pub(crate) fn non_empty(
    flag: &str,
    value: &Option<String>,
) -> Result<Option<String>, InvalidInput> {
    match value {
        Some(v) if v.trim().is_empty() => Err(InvalidInput::new(format!(
            "invalid {flag} '': must not be empty"
        ))),
        other => Ok(other.clone()),
    }
}

/// A `{name}` reference kept beside the typed fields (`proxySecretRef`, `certSecretRef`).
fn name_ref(
    other: &mut BTreeMap<String, serde_json::Value>,
    key: &str,
    flag: &str,
    value: Option<&str>,
) -> Result<(), InvalidInput> {
    if let Some(secret) = secret_name(flag, value)? {
        other.insert(key.to_string(), serde_json::json!({ "name": secret.name }));
    }
    Ok(())
}

fn joined_paths(paths: &[String]) -> Option<String> {
    let kept: Vec<&str> = paths
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    (!kept.is_empty()).then(|| kept.join("\n"))
}

#[derive(Clone, Debug)]
pub struct GitSourceOptions {
    pub object: ObjectOptions,
    pub url: String,
    pub branch: Option<String>,
    pub tag: Option<String>,
    pub tag_semver: Option<String>,
    pub ref_name: Option<String>,
    pub commit: Option<String>,
    pub secret_ref: Option<String>,
    pub provider: Option<GitProvider>,
    pub recurse_submodules: bool,
    pub ignore_paths: Vec<String>,
    pub sparse_checkout_paths: Vec<String>,
    pub fetch: FetchOptions,
}

/// What `create source git|helm|oci|bucket` share: source-controller's fetch timeout
/// (`--fetch-timeout`) and the Secret with the proxy it fetches through (`--proxy-secret-ref`;
/// not for Helm repositories).
#[derive(Clone, Debug, Default)]
pub struct FetchOptions {
    pub timeout: Option<GoDuration>,
    pub proxy_secret_ref: Option<String>,
}

impl FetchOptions {
    fn proxy(&self) -> Result<BTreeMap<String, serde_json::Value>, InvalidInput> {
        let mut other = BTreeMap::new();
        name_ref(
            &mut other,
            "proxySecretRef",
            "--proxy-secret-ref",
            self.proxy_secret_ref.as_deref(),
        )?;
        Ok(other)
    }
}

pub fn git_repository(opts: &GitSourceOptions) -> Result<GitRepository, InvalidInput> {
    let metadata = opts.object.metadata()?;
    let url = source_url(
        "--url",
        &opts.url,
        "a Git source",
        &["http", "https", "ssh"],
    )?;
    let branch = non_empty("--branch", &opts.branch)?;
    let tag = non_empty("--tag", &opts.tag)?;
    let semver = non_empty("--tag-semver", &opts.tag_semver)?;
    let name = non_empty("--ref-name", &opts.ref_name)?;
    let commit = non_empty("--commit", &opts.commit)?;
    at_most_one(
        &[
            ("--tag", tag.is_some()),
            ("--tag-semver", semver.is_some()),
            ("--ref-name", name.is_some()),
            ("--commit", commit.is_some()),
        ],
        "each selects the revision on its own; give one of them",
    )?;
    if branch.is_some() && (tag.is_some() || semver.is_some() || name.is_some()) {
        return Err(InvalidInput::new(
            "--branch cannot be used with --tag, --tag-semver or --ref-name: only --commit can be combined with --branch",
        ));
    }
    if [&branch, &tag, &semver, &name, &commit]
        .iter()
        .all(|r| r.is_none())
    {
        return Err(InvalidInput::new(
            "a Git reference is required: give one of --branch, --tag, --tag-semver, --ref-name or --commit",
        ));
    }
    if let Some(n) = &name
        && !n.starts_with("refs/")
    {
        return Err(InvalidInput::new(format!(
            "invalid --ref-name '{n}': must be a full reference name starting with refs/, e.g. refs/heads/main or refs/pull/42/head"
        )));
    }
    let mut object = GitRepository::new(
        &opts.object.name,
        GitRepositorySpec {
            url,
            secret_ref: secret_name("--secret-ref", opts.secret_ref.as_deref())?,
            provider: opts.provider.map(|p| p.as_str().to_string()),
            interval: opts.object.interval,
            timeout: opts.fetch.timeout,
            reference: Some(GitRepositoryRef {
                branch,
                tag,
                semver,
                name,
                commit,
            }),
            ignore: joined_paths(&opts.ignore_paths),
            recurse_submodules: opts.recurse_submodules,
            sparse_checkout: opts
                .sparse_checkout_paths
                .iter()
                .filter(|p| !p.is_empty())
                .cloned()
                .collect(),
            suspend: false,
            other: opts.fetch.proxy()?,
        },
    );
    object.metadata = metadata;
    Ok(object)
}

#[derive(Clone, Debug)]
pub struct HelmSourceOptions {
    pub object: ObjectOptions,
    pub url: String,
    pub secret_ref: Option<String>,
    /// An explicit `--type`; `oci://` URLs imply `oci`.
    pub repository_type: Option<HelmRepositoryType>,
    /// Send the credentials to every host the index names (only with a Secret, as flux).
    pub pass_credentials: bool,
    /// Who authenticates the pulls from an OCI repository (only for `oci`, as flux).
    pub oci_provider: Option<OciProvider>,
    pub fetch: FetchOptions,
}

pub fn helm_repository(opts: &HelmSourceOptions) -> Result<HelmRepository, InvalidInput> {
    let metadata = opts.object.metadata()?;
    let url = source_url(
        "--url",
        &opts.url,
        "a Helm repository",
        &["http", "https", "oci"],
    )?;
    let is_oci_url = url.starts_with("oci://");
    let repository_type = match (opts.repository_type, is_oci_url) {
        (None | Some(HelmRepositoryType::Oci), true) => Some("oci".to_string()),
        (Some(HelmRepositoryType::Default), true) => {
            return Err(InvalidInput::new(format!(
                "--type default does not fit --url '{url}': oci:// URLs are OCI Helm repositories, drop --type or use --type oci"
            )));
        }
        (Some(HelmRepositoryType::Oci), false) => {
            return Err(InvalidInput::new(format!(
                "--type oci needs an oci:// URL, got '{url}': e.g. oci://ghcr.io/stefanprodan/charts"
            )));
        }
        (None | Some(HelmRepositoryType::Default), false) => None,
    };
    let mut object = HelmRepository::new(
        &opts.object.name,
        HelmRepositorySpec {
            url,
            secret_ref: secret_name("--secret-ref", opts.secret_ref.as_deref())?,
            pass_credentials: opts.pass_credentials && opts.secret_ref.is_some(),
            interval: Some(opts.object.interval),
            insecure: false,
            timeout: opts.fetch.timeout,
            suspend: false,
            provider: opts
                .oci_provider
                .filter(|_| repository_type.is_some())
                .map(|p| p.as_str().to_string()),
            repository_type,
            other: BTreeMap::new(),
        },
    );
    object.metadata = metadata;
    Ok(object)
}

#[derive(Clone, Debug)]
pub struct OciSourceOptions {
    pub object: ObjectOptions,
    pub url: String,
    pub tag: Option<String>,
    pub tag_semver: Option<String>,
    pub digest: Option<String>,
    pub secret_ref: Option<String>,
    pub provider: OciProvider,
    pub cert_ref: Option<String>,
    pub service_account: Option<String>,
    pub insecure: bool,
    pub ignore_paths: Vec<String>,
    /// `<media-type>:<operation>`, the operation `extract` or `copy`.
    pub layer_selector: Option<String>,
    pub verify: VerifyOptions,
    pub fetch: FetchOptions,
}

/// `--verify-provider`, `--verify-secret-ref`, `--verify-issuer`, `--verify-subject`: how
/// source-controller verifies an artifact's signature (OCIRepository, HelmChart).
#[derive(Clone, Debug, Default)]
pub struct VerifyOptions {
    pub provider: Option<VerifyProvider>,
    pub secret_ref: Option<String>,
    pub issuer: Option<String>,
    pub subject: Option<String>,
}

fn is_oci_digest(value: &str) -> bool {
    let Some((algorithm, hex)) = value.split_once(':') else {
        return false;
    };
    !algorithm.is_empty()
        && algorithm
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"+._-".contains(&b))
        && !hex.is_empty()
        && hex
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"=_-".contains(&b))
}

pub fn oci_repository(opts: &OciSourceOptions) -> Result<OCIRepository, InvalidInput> {
    let metadata = opts.object.metadata()?;
    let url = source_url("--url", &opts.url, "an OCI repository", &["oci"])?;
    let tag = non_empty("--tag", &opts.tag)?;
    let semver = non_empty("--tag-semver", &opts.tag_semver)?;
    let digest = non_empty("--digest", &opts.digest)?;
    at_most_one(
        &[
            ("--tag", tag.is_some()),
            ("--tag-semver", semver.is_some()),
            ("--digest", digest.is_some()),
        ],
        "each selects the artifact on its own; give one of them",
    )?;
    if tag.is_none() && semver.is_none() && digest.is_none() {
        return Err(InvalidInput::new(
            "an OCI reference is required: give one of --tag, --tag-semver or --digest",
        ));
    }
    if let Some(d) = &digest
        && !is_oci_digest(d)
    {
        return Err(InvalidInput::new(format!(
            "invalid --digest '{d}': must be algorithm:hex, e.g. sha256:9f86d081884c7d65..."
        )));
    }
    let mut object = OCIRepository::new(
        &opts.object.name,
        OCIRepositorySpec {
            url,
            reference: Some(OCIRepositoryRef {
                digest,
                semver,
                tag,
            }),
            // Flux always writes the provider here, `generic` included.
            provider: Some(opts.provider.as_str().to_string()),
            secret_ref: secret_name("--secret-ref", opts.secret_ref.as_deref())?,
            interval: opts.object.interval,
            timeout: opts.fetch.timeout,
            ignore: joined_paths(&opts.ignore_paths),
            insecure: opts.insecure,
            suspend: false,
            other: oci_extras(opts)?,
        },
    );
    object.metadata = metadata;
    Ok(object)
}

/// The OCIRepository fields without a typed home: certificates, proxy, service account,
/// layer selector and verification.
fn oci_extras(
    opts: &OciSourceOptions,
) -> Result<BTreeMap<String, serde_json::Value>, InvalidInput> {
    let mut other = opts.fetch.proxy()?;
    name_ref(
        &mut other,
        "certSecretRef",
        "--cert-ref",
        opts.cert_ref.as_deref(),
    )?;
    if let Some(account) = non_empty("--service-account", &opts.service_account)? {
        let account = validate::rfc1123_name("--service-account", &account)?;
        other.insert("serviceAccountName".into(), account.into());
    }
    if let Some(selector) = non_empty("--layer-selector", &opts.layer_selector)? {
        let Some((media_type, operation)) = selector.rsplit_once(':') else {
            return Err(InvalidInput::new(format!(
                "invalid --layer-selector '{selector}': must be <media-type>:<operation>, e.g. application/vnd.cncf.helm.chart.content.v1.tar+gzip:copy"
            )));
        };
        if operation != "extract" && operation != "copy" {
            return Err(InvalidInput::new(format!(
                "invalid --layer-selector '{selector}': the operation must be extract or copy"
            )));
        }
        other.insert(
            "layerSelector".into(),
            serde_json::json!({ "mediaType": media_type, "operation": operation }),
        );
    }
    if opts.verify.provider == Some(VerifyProvider::Notation) {
        return Err(InvalidInput::new(
            "invalid --verify-provider notation: OCIRepository artifacts are verified with cosign",
        ));
    }
    if let Some(verify) = verify_spec(&opts.verify)? {
        other.insert("verify".into(), verify);
    }
    Ok(other)
}

#[derive(Clone, Debug)]
pub struct BucketSourceOptions {
    pub object: ObjectOptions,
    pub bucket_name: String,
    pub endpoint: String,
    pub provider: BucketProvider,
    pub region: Option<String>,
    pub insecure: bool,
    pub secret_ref: Option<String>,
    pub ignore_paths: Vec<String>,
    pub fetch: FetchOptions,
}

pub fn bucket(opts: &BucketSourceOptions) -> Result<Bucket, InvalidInput> {
    let metadata = opts.object.metadata()?;
    let bucket_name = opts.bucket_name.trim();
    if bucket_name.is_empty()
        || bucket_name.len() > 255
        || bucket_name.contains(|c: char| c.is_whitespace() || c == '/')
    {
        return Err(InvalidInput::new(format!(
            "invalid --bucket-name '{}': must be a bucket name without spaces or '/', e.g. my-bucket",
            opts.bucket_name
        )));
    }
    let endpoint = opts.endpoint.trim();
    if endpoint.is_empty()
        || endpoint.contains("://")
        || endpoint.contains(char::is_whitespace)
        || endpoint.contains('/')
    {
        return Err(InvalidInput::new(format!(
            "invalid --endpoint '{}': must be host[:port] without a scheme or path, e.g. minio.example.com:9000 (use --insecure for plain HTTP)",
            opts.endpoint
        )));
    }
    let region = non_empty("--region", &opts.region)?;
    let mut object = Bucket::new(
        &opts.object.name,
        BucketSpec {
            // Flux always writes the provider here, `generic` included.
            provider: Some(opts.provider.as_str().to_string()),
            bucket_name: bucket_name.to_string(),
            endpoint: endpoint.to_string(),
            insecure: opts.insecure,
            region,
            prefix: None,
            secret_ref: secret_name("--secret-ref", opts.secret_ref.as_deref())?,
            interval: opts.object.interval,
            timeout: opts.fetch.timeout,
            ignore: joined_paths(&opts.ignore_paths),
            suspend: false,
            other: opts.fetch.proxy()?,
        },
    );
    object.metadata = metadata;
    Ok(object)
}

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

/// Parses `Kind/name[.namespace]` for `flag`: the kind one of `kinds` (case-insensitive,
/// written as listed), or `default` when the value has no kind.
pub(crate) fn parse_kind_name(
    flag: &str,
    value: &str,
    kinds: &[&str],
    default: Option<&str>,
) -> Result<(String, String, Option<String>), InvalidInput> {
    parse_kind_name_or_all(flag, value, kinds, default, false)
}

/// As [`parse_kind_name`]; with `all`, the name may also be `*` (every object of the kind, as
/// Alerts and Receivers take it).
pub(crate) fn parse_kind_name_or_all(
    flag: &str,
    value: &str,
    kinds: &[&str],
    default: Option<&str>,
    all: bool,
) -> Result<(String, String, Option<String>), InvalidInput> {
    let example = format!("{}/podinfo.flux-system", kinds[0]);
    let shape = if default.is_some() {
        "[Kind/]name[.namespace]"
    } else {
        "Kind/name[.namespace]"
    };
    let bad = |why: String| {
        InvalidInput::new(format!(
            "invalid {flag} '{value}': {why}; expected {shape}, e.g. {example}"
        ))
    };
    let (kind, rest) = match (value.split_once('/'), default) {
        (Some((kind, rest)), _) => {
            let canonical = kinds
                .iter()
                .find(|k| k.eq_ignore_ascii_case(kind))
                .ok_or_else(|| {
                    InvalidInput::new(format!(
                        "invalid {flag} '{value}': kind '{kind}' is not supported, use one of: {}",
                        kinds.join(", ")
                    ))
                })?;
            (canonical.to_string(), rest)
        }
        (None, Some(default)) => (default.to_string(), value),
        (None, None) => return Err(bad("missing the kind".into())),
    };
    let (name, namespace) = match rest.split_once('.') {
        Some((name, namespace)) => (name, Some(namespace)),
        None => (rest, None),
    };
    let name = if all && name == "*" {
        name.to_string()
    } else {
        validate::rfc1123_name("name", name).map_err(|e| bad(e.0))?
    };
    let namespace = namespace
        .map(|ns| validate::rfc1123_name("namespace", ns).map_err(|e| bad(e.0)))
        .transpose()?;
    Ok((kind, name, namespace))
}

/// Parses `name` or `namespace/name`.
fn parse_dependency(value: &str) -> Result<DependencyReference, InvalidInput> {
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
fn merge_values(
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

provider_enum!(
    /// Who signed a chart (`create source chart --verify-provider`).
    VerifyProvider { Cosign => "cosign", Notation => "notation" }
);

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

/// `spec.verify` as flux writes it: the provider, its Secret, and one OIDC identity with both
/// issuer and subject (an empty string for the one not given).
fn verify_spec(opts: &VerifyOptions) -> Result<Option<serde_json::Value>, InvalidInput> {
    let Some(provider) = opts.provider else {
        if opts.secret_ref.is_some() || opts.issuer.is_some() || opts.subject.is_some() {
            return Err(InvalidInput::new(
                "--verify-secret-ref, --verify-issuer and --verify-subject need --verify-provider (cosign or notation)",
            ));
        }
        return Ok(None);
    };
    let mut verify = serde_json::json!({ "provider": provider.as_str() });
    if let Some(secret) = secret_name("--verify-secret-ref", opts.secret_ref.as_deref())? {
        verify["secretRef"] = serde_json::json!({ "name": secret.name });
    }
    if opts.issuer.is_some() || opts.subject.is_some() {
        let mut identity = serde_json::Map::new();
        for (key, value) in [("issuer", &opts.issuer), ("subject", &opts.subject)] {
            if let Some(value) = value {
                regex::Regex::new(value).map_err(|_| {
                    InvalidInput::new(format!(
                        "invalid --verify-{key} '{value}': not a regular expression (RE2 syntax)"
                    ))
                })?;
            }
            identity.insert(key.to_string(), value.clone().unwrap_or_default().into());
        }
        verify["matchOIDCIdentity"] = serde_json::json!([identity]);
    }
    Ok(Some(verify))
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
    let mut other = super::super::kinds::meta::OtherFields::new();
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
