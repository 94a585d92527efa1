//! The builders of the source kinds (`create source git|helm|oci|bucket`): GitRepository,
//! HelmRepository, OCIRepository, Bucket, and the signature verification they share with
//! HelmChart. Every check of user input happens here.

use std::collections::BTreeMap;

use super::common::*;
use crate::kinds::duration::GoDuration;
use crate::kinds::source::{
    Bucket, BucketSpec, GitRepository, GitRepositoryRef, GitRepositorySpec, HelmRepository,
    HelmRepositorySpec, OCIRepository, OCIRepositoryRef, OCIRepositorySpec,
};
use crate::manifests::validate;
use crate::usage::{Choice, InvalidInput};

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

/// `spec.verify` as flux writes it: the provider, its Secret, and one OIDC identity with both
/// issuer and subject (an empty string for the one not given).
pub(super) fn verify_spec(opts: &VerifyOptions) -> Result<Option<serde_json::Value>, InvalidInput> {
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

provider_enum!(
    /// Who signed a chart (`create source chart --verify-provider`).
    VerifyProvider { Cosign => "cosign", Notation => "notation" }
);
