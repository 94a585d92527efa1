//! The Secrets Flux reads credentials from, built from the `create secret` options with the
//! keys each controller expects (as flux's `sourcesecret` writes them). Values are written into
//! `stringData` and never into an error message: errors name the flag, not the value.

use std::collections::BTreeMap;
use std::path::Path;

use k8s_openapi::api::core::v1::Secret;
use serde::Serialize;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::create::{ObjectOptions, at_most_one};
use crate::usage::InvalidInput;

/// The webhook URL annotation notification-controller's docs use for receiver Secrets.
pub const WEBHOOK_ANNOTATION: &str = "notification.toolkit.fluxcd.io/webhook";

/// Keys and values of a Secret; values are zeroed when dropped.
type Data = BTreeMap<&'static str, Zeroizing<String>>;

fn secret(
    object: &ObjectOptions,
    type_: Option<&str>,
    data: Data,
    annotations: Option<BTreeMap<String, String>>,
) -> Result<Secret, InvalidInput> {
    let mut metadata = object.metadata()?;
    metadata.annotations = annotations;
    Ok(Secret {
        metadata,
        // As flux: no `stringData: {}` for a Secret without values.
        string_data: (!data.is_empty()).then(|| {
            data.into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        }),
        type_: type_.map(str::to_string),
        ..Secret::default()
    })
}

/// Reads a file named by `flag`; a missing or unreadable file is bad input.
pub fn read_file(flag: &str, path: &Path) -> Result<Zeroizing<String>, InvalidInput> {
    std::fs::read_to_string(path)
        .map(Zeroizing::new)
        .map_err(|e| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                std::io::ErrorKind::InvalidData => "not a text file".to_string(),
                _ => e.to_string(),
            };
            InvalidInput::new(format!(
                "invalid {flag} '{}': {why}; expected a readable PEM file",
                path.display()
            ))
        })
}

fn read_optional(
    flag: &str,
    path: Option<&Path>,
) -> Result<Option<Zeroizing<String>>, InvalidInput> {
    path.map(|p| read_file(flag, p)).transpose()
}

/// Both or neither: a username needs a password, a certificate needs its key.
fn paired(a: (&str, bool), b: (&str, bool)) -> Result<(), InvalidInput> {
    if a.1 != b.1 {
        let (given, missing) = if a.1 { (a.0, b.0) } else { (b.0, a.0) };
        return Err(InvalidInput::new(format!(
            "{given} needs {missing}: they are used together"
        )));
    }
    Ok(())
}

fn put(data: &mut Data, key: &'static str, value: Option<&str>) {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        data.insert(key, Zeroizing::new(value.to_string()));
    }
}

/// HTTPS credentials for a GitRepository: basic auth or a bearer token, and a CA.
#[derive(Debug, Default)]
pub struct GitHttps<'a> {
    pub username: Option<&'a str>,
    pub password: Option<&'a str>,
    pub bearer_token: Option<&'a str>,
    pub ca_crt_file: Option<&'a Path>,
}

pub fn git_https(object: &ObjectOptions, opts: &GitHttps) -> Result<Secret, InvalidInput> {
    let basic = opts.username.is_some() || opts.password.is_some();
    if basic {
        paired(
            ("--username", opts.username.is_some()),
            ("--password", opts.password.is_some()),
        )?;
    }
    at_most_one(
        &[
            ("--username/--password", basic),
            ("--bearer-token", opts.bearer_token.is_some()),
        ],
        "a Git server takes one kind of credentials",
    )?;
    if !basic && opts.bearer_token.is_none() {
        return Err(InvalidInput::new(
            "for Git over HTTPS pass --username and --password, or --bearer-token",
        ));
    }
    let mut data = Data::new();
    put(&mut data, "username", opts.username);
    put(&mut data, "password", opts.password);
    put(&mut data, "bearerToken", opts.bearer_token);
    if let Some(ca) = read_optional("--ca-crt-file", opts.ca_crt_file)? {
        data.insert("ca.crt", ca);
    }
    secret(object, None, data, None)
}

/// An SSH key pair as a Secret stores it.
pub struct SshIdentity {
    pub private_openssh: Zeroizing<String>,
    pub public_openssh: String,
}

/// Reads an OpenSSH private key; an encrypted one needs its `password`, which is checked.
pub fn load_private_key(path: &Path, password: Option<&str>) -> Result<SshIdentity, InvalidInput> {
    let text = read_file("--private-key-file", path)?;
    let bad = |why: &str| {
        InvalidInput::new(format!(
            "invalid --private-key-file '{}': {why}",
            path.display()
        ))
    };
    let key = ssh_key::PrivateKey::from_openssh(text.as_bytes())
        .map_err(|_| bad("not an OpenSSH private key (ssh-keygen writes one)"))?;
    if key.is_encrypted() {
        let password = password
            .ok_or_else(|| bad("the key is encrypted; pass its passphrase with --password"))?;
        key.decrypt(password)
            .map_err(|_| bad("the --password does not decrypt the key"))?;
    }
    let public_openssh = key
        .public_key()
        .to_openssh()
        .map_err(|_| bad("its public key cannot be written"))?;
    Ok(SshIdentity {
        private_openssh: text,
        public_openssh: format!("{public_openssh}\n"),
    })
}

/// SSH credentials for a GitRepository: the key pair, the host keys, and the key's passphrase.
pub fn git_ssh(
    object: &ObjectOptions,
    identity: &SshIdentity,
    known_hosts: &str,
    password: Option<&str>,
) -> Result<Secret, InvalidInput> {
    let mut data = Data::new();
    data.insert("identity", identity.private_openssh.clone());
    data.insert(
        "identity.pub",
        Zeroizing::new(identity.public_openssh.clone()),
    );
    data.insert(
        "known_hosts",
        Zeroizing::new(known_hosts.trim().to_string()),
    );
    put(&mut data, "password", password);
    secret(object, None, data, None)
}

/// A client certificate pair and CA, as `kubernetes.io/tls` when there is a pair.
#[derive(Debug, Default)]
pub struct TlsFiles<'a> {
    pub crt: Option<&'a Path>,
    pub key: Option<&'a Path>,
    pub ca: Option<&'a Path>,
}

impl TlsFiles<'_> {
    fn given(&self) -> bool {
        self.crt.is_some() || self.key.is_some() || self.ca.is_some()
    }

    fn read_into(&self, data: &mut Data) -> Result<bool, InvalidInput> {
        paired(
            ("--tls-crt-file", self.crt.is_some()),
            ("--tls-key-file", self.key.is_some()),
        )?;
        if let Some(ca) = read_optional("--ca-crt-file", self.ca)? {
            data.insert("ca.crt", ca);
        }
        if let (Some(crt), Some(key)) = (self.crt, self.key) {
            data.insert("tls.crt", read_file("--tls-crt-file", crt)?);
            data.insert("tls.key", read_file("--tls-key-file", key)?);
            return Ok(true);
        }
        Ok(false)
    }
}

pub fn tls(object: &ObjectOptions, files: &TlsFiles) -> Result<Secret, InvalidInput> {
    if !files.given() {
        return Err(InvalidInput::new(
            "pass --tls-crt-file and --tls-key-file, --ca-crt-file, or all three",
        ));
    }
    let mut data = Data::new();
    let pair = files.read_into(&mut data)?;
    let type_ = if pair { "kubernetes.io/tls" } else { "Opaque" };
    secret(object, Some(type_), data, None)
}

/// Credentials for a HelmRepository: basic auth, a client certificate, a CA.
pub fn helm(
    object: &ObjectOptions,
    username: Option<&str>,
    password: Option<&str>,
    files: &TlsFiles,
) -> Result<Secret, InvalidInput> {
    let basic = username.is_some() || password.is_some();
    if basic {
        paired(
            ("--username", username.is_some()),
            ("--password", password.is_some()),
        )?;
    }
    let mut data = Data::new();
    let pair = files.read_into(&mut data)?;
    put(&mut data, "username", username);
    put(&mut data, "password", password);
    let type_ = if pair {
        Some("kubernetes.io/tls")
    } else if basic {
        Some("kubernetes.io/basic-auth")
    } else if files.given() {
        Some("Opaque")
    } else {
        None
    };
    secret(object, type_, data, None)
}

#[derive(Serialize)]
struct DockerConfig<'a> {
    auths: BTreeMap<&'a str, DockerAuth<'a>>,
}

#[derive(Serialize)]
struct DockerAuth<'a> {
    username: &'a str,
    password: &'a str,
    auth: String,
}

/// Registry credentials for an OCIRepository or ImageRepository (`kubernetes.io/dockerconfigjson`).
pub fn oci(
    object: &ObjectOptions,
    registry: &str,
    username: &str,
    password: &str,
) -> Result<Secret, InvalidInput> {
    use base64::Engine;
    if registry.is_empty() {
        return Err(InvalidInput::new(
            "--url is required: the registry the credentials are for, e.g. ghcr.io",
        ));
    }
    if registry.contains("://") || registry.contains('@') {
        return Err(InvalidInput::new(format!(
            "invalid --url '{}': give the registry host and path without a scheme or credentials, e.g. ghcr.io/stefanprodan",
            crate::redact::url(registry)
        )));
    }
    paired(
        ("--username", !username.is_empty()),
        ("--password", !password.is_empty()),
    )?;
    if username.is_empty() {
        return Err(InvalidInput::new("--username and --password are required"));
    }
    let auth = Zeroizing::new(
        base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}")),
    );
    let config = DockerConfig {
        auths: [(
            registry,
            DockerAuth {
                username,
                password,
                auth: auth.to_string(),
            },
        )]
        .into(),
    };
    let json =
        Zeroizing::new(serde_json::to_string_pretty(&config).expect("plain data serializes"));
    let mut data = Data::new();
    data.insert(".dockerconfigjson", json);
    secret(object, Some("kubernetes.io/dockerconfigjson"), data, None)
}

/// A GitHub App's credentials, as source-controller reads them for `provider: github`.
#[derive(Debug, Default)]
pub struct GitHubApp<'a> {
    pub app_id: &'a str,
    pub installation_id: Option<&'a str>,
    pub installation_owner: Option<&'a str>,
    pub private_key_file: Option<&'a Path>,
    pub base_url: Option<&'a str>,
}

pub fn github_app(object: &ObjectOptions, app: &GitHubApp) -> Result<Secret, InvalidInput> {
    let numeric = |flag: &str, value: &str| {
        if value.is_empty() || !value.chars().all(|c| c.is_ascii_digit()) {
            Err(InvalidInput::new(format!(
                "invalid {flag} '{value}': expected the number GitHub shows, e.g. 123456"
            )))
        } else {
            Ok(())
        }
    };
    numeric("--app-id", app.app_id)?;
    at_most_one(
        &[
            ("--app-installation-id", app.installation_id.is_some()),
            ("--app-installation-owner", app.installation_owner.is_some()),
        ],
        "an installation is named one way",
    )?;
    if let Some(id) = app.installation_id {
        numeric("--app-installation-id", id)?;
    }
    let key_file = app.private_key_file.ok_or_else(|| {
        InvalidInput::new("--app-private-key is required: the App's private key file (PEM)")
    })?;
    let key = read_file("--app-private-key", key_file)?;
    let mut data = Data::new();
    put(&mut data, "githubAppID", Some(app.app_id));
    put(&mut data, "githubAppInstallationID", app.installation_id);
    put(
        &mut data,
        "githubAppInstallationOwner",
        app.installation_owner,
    );
    put(&mut data, "githubAppBaseURL", app.base_url);
    data.insert("githubAppPrivateKey", key);
    secret(object, Some("Opaque"), data, None)
}

/// A proxy's address and credentials (`spec.proxySecretRef`).
pub fn proxy(
    object: &ObjectOptions,
    address: &str,
    username: Option<&str>,
    password: Option<&str>,
) -> Result<Secret, InvalidInput> {
    let parsed = url::Url::parse(address).map_err(|e| {
        InvalidInput::new(format!(
            "invalid --address '{}': {e}; expected a proxy URL such as http://proxy.example.com:3128",
            crate::redact::url(address)
        ))
    })?;
    if parsed.password().is_some() || !parsed.username().is_empty() {
        return Err(InvalidInput::new(format!(
            "invalid --address '{}': pass the credentials with --username and --password, not in the URL",
            crate::redact::url(address)
        )));
    }
    if username.is_some() || password.is_some() {
        paired(
            ("--username", username.is_some()),
            ("--password", password.is_some()),
        )?;
    }
    let mut data = Data::new();
    put(&mut data, "address", Some(address));
    put(&mut data, "username", username);
    put(&mut data, "password", password);
    secret(object, Some("Opaque"), data, None)
}

/// A Receiver's token, and its webhook URL as an annotation.
pub struct ReceiverSecret<'a> {
    pub receiver_type: &'a str,
    /// None: a random token is generated.
    pub token: Option<&'a str>,
    pub hostname: &'a str,
    pub email_claim: Option<&'a str>,
    pub audience_claim: Option<&'a str>,
}

/// The path notification-controller serves a Receiver's webhook on: the SHA-256 of the token,
/// the name and the namespace.
pub fn webhook_path(token: &str, name: &str, namespace: &str) -> String {
    let digest = Sha256::digest(format!("{token}{name}{namespace}").as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("/hook/{hex}")
}

pub fn receiver(object: &ObjectOptions, opts: &ReceiverSecret) -> Result<Secret, InvalidInput> {
    if opts.hostname.is_empty() || opts.hostname.contains('/') {
        return Err(InvalidInput::new(format!(
            "invalid --hostname '{}': expected the host the webhook is reached at, e.g. flux.example.com",
            opts.hostname
        )));
    }
    if opts.receiver_type == "gcr" && opts.email_claim.is_none() {
        return Err(InvalidInput::new(
            "--email-claim is required for the gcr type: the IAM service account email",
        ));
    }
    let token = match opts.token {
        Some(token) if !token.is_empty() => Zeroizing::new(token.to_string()),
        _ => {
            use ssh_key::rand_core::{OsRng, RngCore};
            let mut bytes = Zeroizing::new([0u8; 32]);
            OsRng.fill_bytes(bytes.as_mut());
            Zeroizing::new(bytes.iter().map(|b| format!("{b:02x}")).collect())
        }
    };
    let url = format!(
        "https://{}{}",
        opts.hostname,
        webhook_path(&token, &object.name, &object.namespace)
    );
    let mut data = Data::new();
    data.insert("token", token);
    if opts.receiver_type == "gcr" {
        put(&mut data, "email", opts.email_claim);
        put(
            &mut data,
            "audience",
            Some(opts.audience_claim.unwrap_or(&url)),
        );
    }
    let annotations = [(WEBHOOK_ANNOTATION.to_string(), url)].into();
    secret(object, None, data, Some(annotations))
}

/// The key flux stores a Notation trust policy under.
pub const TRUST_POLICY_KEY: &str = "trustpolicy.json";

/// A Notation verification Secret (an OCIRepository's `verify.secretRef` with provider
/// notation): the trust policy as `trustpolicy.json`, byte for byte, and each root CA under
/// its file's name, as flux writes them. The policy must be a JSON object with a `version`
/// and at least one trust policy statement; the rest of notation's rules are the engine's,
/// which checks the policy when it verifies.
pub fn notation(
    object: &ObjectOptions,
    trust_policy_file: Option<&Path>,
    ca_cert_files: &[std::path::PathBuf],
) -> Result<Secret, InvalidInput> {
    let Some(policy_file) = trust_policy_file else {
        return Err(InvalidInput::new("--trust-policy-file is required"));
    };
    if ca_cert_files.is_empty() {
        return Err(InvalidInput::new("--ca-cert-file is required"));
    }
    let policy = read_file("--trust-policy-file", policy_file)?;
    let shown = policy_file.display();
    let document: serde_json::Value = serde_json::from_str(&policy).map_err(|e| {
        InvalidInput::new(format!(
            "invalid --trust-policy-file '{shown}': not JSON ({e}); expected a Notation trust policy document"
        ))
    })?;
    if document["version"].as_str().is_none_or(str::is_empty) {
        return Err(InvalidInput::new(format!(
            "invalid --trust-policy-file '{shown}': the trust policy document has empty version, version must be specified"
        )));
    }
    if document["trustPolicies"]
        .as_array()
        .is_none_or(|p| p.is_empty())
    {
        return Err(InvalidInput::new(format!(
            "invalid --trust-policy-file '{shown}': the trust policy document can not have zero trust policy statements"
        )));
    }
    let mut data: BTreeMap<String, String> = BTreeMap::new();
    for file in ca_cert_files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| *n != TRUST_POLICY_KEY && is_secret_key(n))
            .ok_or_else(|| {
                InvalidInput::new(format!(
                    "invalid --ca-cert-file '{}': its file name is the Secret key, so it must be letters, digits, '-', '_' and '.', and not {TRUST_POLICY_KEY}",
                    file.display()
                ))
            })?;
        let pem = read_file("--ca-cert-file", file)?;
        if data.insert(name.to_string(), pem.to_string()).is_some() {
            return Err(InvalidInput::new(format!(
                "invalid --ca-cert-file '{}': another file has the same name {name:?}, which would replace it in the Secret; rename one",
                file.display()
            )));
        }
    }
    data.insert(TRUST_POLICY_KEY.to_string(), policy.to_string());
    Ok(Secret {
        metadata: object.metadata()?,
        string_data: Some(data),
        ..Secret::default()
    })
}

/// A key the API server accepts in a Secret's data: letters, digits, '-', '_' and '.', at
/// most 253 characters, not `.` or `..`.
fn is_secret_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 253
        && key != "."
        && key != ".."
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
