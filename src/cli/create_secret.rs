//! `floe create secret git|helm|oci|tls|githubapp|proxy|receiver|notation NAME`: the Secrets Flux reads
//! credentials from. With `--export` they are printed as flux prints them (the user asked for
//! the values); otherwise they are applied, and no value is ever printed.

use std::path::PathBuf;

use super::deferred::Deferred;
use clap::{Args, Subcommand};

use super::create_common::export_or_apply_plain;
use super::{GlobalArgs, block_on};
use crate::cli::ui::{Mark, Ui};
use crate::credentials;
use crate::kinds::duration::GoDuration;
use crate::manifests::create::ObjectOptions;
use crate::manifests::notification::ReceiverType;
use crate::manifests::secret::{self, GitHttps, GitHubApp, ReceiverSecret, TlsFiles};
use crate::usage::{Choice, InvalidInput};

#[derive(Debug, Args)]
pub struct SecretArgs {
    #[command(subcommand)]
    pub kind: SecretKind,
}

#[derive(Debug, Subcommand)]
pub enum SecretKind {
    /// Git credentials: an SSH key (generated, or --private-key-file) with the host's keys, or HTTPS basic auth or a bearer token
    Git(Deferred<GitSecretArgs>),
    /// HelmRepository credentials: basic auth, a client certificate, a CA
    Helm(Deferred<HelmSecretArgs>),
    /// Registry credentials for OCI sources and image scans (kubernetes.io/dockerconfigjson)
    Oci(Deferred<OciSecretArgs>),
    /// A client certificate and key, and a CA (kubernetes.io/tls)
    Tls(Deferred<TlsSecretArgs>),
    /// A GitHub App's credentials, for sources with --provider=github
    #[command(name = "githubapp")]
    GitHubApp(Deferred<GitHubAppSecretArgs>),
    /// A proxy's address and credentials
    Proxy(Deferred<ProxySecretArgs>),
    /// A Receiver's webhook token, and its webhook URL as an annotation
    Receiver(Deferred<ReceiverSecretArgs>),
    /// A Notation trust policy and its root CA certificates, for OCI sources verified with notation
    Notation(Deferred<NotationSecretArgs>),
}

/// What every `create secret` command takes.
#[derive(Debug, Clone, Args)]
pub struct SecretFlags {
    /// Set a label on the Secret, as key=value (repeat or separate with commas)
    #[arg(long = "label", value_name = "KEY=VALUE", value_delimiter = ',')]
    pub labels: Vec<crate::kinds::names::Label>,
    /// Print the Secret, values included, as YAML to stdout instead of applying it
    #[arg(long)]
    pub export: bool,
    /// Accepted as flux's `create` accepts it everywhere; a Secret has no interval
    #[arg(long, value_name = "DURATION")]
    pub interval: Option<GoDuration>,
}

impl SecretFlags {
    fn object(&self, global: &GlobalArgs, name: &str) -> ObjectOptions {
        ObjectOptions {
            name: name.to_string(),
            namespace: global.namespace.to_string(),
            labels: self.labels.clone(),
            interval: GoDuration(std::time::Duration::ZERO),
        }
    }
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # A new SSH key; add its public half (printed) as a deploy key\n  \
    floe create secret git podinfo-auth --url=ssh://git@github.com/stefanprodan/podinfo\n\n  \
    # An existing key\n  \
    floe create secret git podinfo-auth \\\n    --url=ssh://git@github.com/stefanprodan/podinfo \\\n    --private-key-file=./id_ecdsa\n\n  \
    # HTTPS basic auth with a private CA\n  \
    floe create secret git podinfo-auth \\\n    --url=https://git.example.com/org/podinfo \\\n    --username=bot --password=\"$TOKEN\" \\\n    --ca-crt-file=./ca.crt")]
pub struct GitSecretArgs {
    /// Name of the Secret (an RFC 1123 label)
    pub name: String,
    /// The repository's URL: ssh://, http:// or https://
    #[arg(long, value_name = "URL")]
    pub url: String,
    /// Basic auth user name (HTTPS)
    #[arg(short = 'u', long)]
    pub username: Option<String>,
    /// Basic auth password (HTTPS), or the passphrase of --private-key-file (SSH)
    #[arg(short = 'p', long)]
    pub password: Option<String>,
    /// Bearer token (HTTPS)
    #[arg(long = "bearer-token", value_name = "TOKEN")]
    pub bearer_token: Option<String>,
    /// CA certificate for a server with a private CA (HTTPS)
    #[arg(long = "ca-crt-file", value_name = "FILE")]
    pub ca_crt_file: Option<PathBuf>,
    /// An existing OpenSSH private key instead of a generated one (SSH)
    #[arg(long = "private-key-file", value_name = "FILE")]
    pub private_key_file: Option<PathBuf>,
    #[command(flatten)]
    pub ssh_key: super::flags::SshKeyFlags,
    #[command(flatten)]
    pub secret: SecretFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create secret helm repo-auth --username=bot --password=\"$TOKEN\" --export")]
pub struct HelmSecretArgs {
    /// Name of the Secret (an RFC 1123 label)
    pub name: String,
    /// Basic auth user name
    #[arg(short = 'u', long)]
    pub username: Option<String>,
    /// Basic auth password
    #[arg(short = 'p', long)]
    pub password: Option<String>,
    #[command(flatten)]
    pub tls: TlsFileFlags,
    #[command(flatten)]
    pub secret: SecretFlags,
}

#[derive(Debug, Clone, Args)]
pub struct TlsFileFlags {
    /// Client certificate file (PEM)
    #[arg(long = "tls-crt-file", value_name = "FILE")]
    pub tls_crt_file: Option<PathBuf>,
    /// Client key file (PEM)
    #[arg(long = "tls-key-file", value_name = "FILE")]
    pub tls_key_file: Option<PathBuf>,
    /// CA certificate file (PEM)
    #[arg(long = "ca-crt-file", value_name = "FILE")]
    pub ca_crt_file: Option<PathBuf>,
}

impl TlsFileFlags {
    fn files(&self) -> TlsFiles<'_> {
        TlsFiles {
            crt: self.tls_crt_file.as_deref(),
            key: self.tls_key_file.as_deref(),
            ca: self.ca_crt_file.as_deref(),
        }
    }
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create secret oci ghcr-auth --url=ghcr.io --username=bot --password=\"$TOKEN\" --export")]
pub struct OciSecretArgs {
    /// Name of the Secret (an RFC 1123 label)
    pub name: String,
    /// The registry, e.g. ghcr.io
    #[arg(long, value_name = "REGISTRY")]
    pub url: String,
    /// Registry user name
    #[arg(short = 'u', long)]
    pub username: String,
    /// Registry password or token
    #[arg(short = 'p', long)]
    pub password: String,
    #[command(flatten)]
    pub secret: SecretFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create secret tls certs --tls-crt-file=./tls.crt --tls-key-file=./tls.key --ca-crt-file=./ca.crt --export")]
pub struct TlsSecretArgs {
    /// Name of the Secret (an RFC 1123 label)
    pub name: String,
    #[command(flatten)]
    pub tls: TlsFileFlags,
    #[command(flatten)]
    pub secret: SecretFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create secret githubapp app-auth --app-id=1 --app-installation-owner=my-org --app-private-key=./app.pem --export")]
pub struct GitHubAppSecretArgs {
    /// Name of the Secret (an RFC 1123 label)
    pub name: String,
    /// The App's ID
    #[arg(long = "app-id", value_name = "ID")]
    pub app_id: String,
    /// The installation's ID
    #[arg(long = "app-installation-id", value_name = "ID")]
    pub app_installation_id: Option<String>,
    /// The user or organization the App is installed for (instead of its ID)
    #[arg(long = "app-installation-owner", value_name = "OWNER")]
    pub app_installation_owner: Option<String>,
    /// The App's private key file (PEM)
    #[arg(
        long = "app-private-key",
        visible_alias = "app-private-key-file",
        value_name = "FILE"
    )]
    pub app_private_key: Option<PathBuf>,
    /// GitHub Enterprise's API URL
    #[arg(long = "app-base-url", value_name = "URL")]
    pub app_base_url: Option<String>,
    #[command(flatten)]
    pub secret: SecretFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create secret proxy corp-proxy --address=http://proxy.example.com:3128 --username=u --password=\"$P\" --export")]
pub struct ProxySecretArgs {
    /// Name of the Secret (an RFC 1123 label)
    pub name: String,
    /// The proxy's URL
    #[arg(long, value_name = "URL")]
    pub address: String,
    /// Proxy user name
    #[arg(short = 'u', long)]
    pub username: Option<String>,
    /// Proxy password
    #[arg(short = 'p', long)]
    pub password: Option<String>,
    #[command(flatten)]
    pub secret: SecretFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create secret receiver github-webhook --type=github --hostname=flux.example.com --export")]
pub struct ReceiverSecretArgs {
    /// Name of the Secret (an RFC 1123 label)
    pub name: String,
    /// The Receiver's type
    #[arg(long = "type", value_parser = super::flags::choice::<ReceiverType>(), value_name = "TYPE")]
    pub receiver_type: ReceiverType,
    /// The webhook token (default: 32 random bytes, hex)
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// The host the webhook is reached at, for the URL annotation
    #[arg(long, value_name = "HOST")]
    pub hostname: String,
    /// IAM service account email (gcr)
    #[arg(long = "email-claim", value_name = "EMAIL")]
    pub email_claim: Option<String>,
    /// OIDC token audience (gcr; default: the webhook URL)
    #[arg(long = "audience-claim", value_name = "AUDIENCE")]
    pub audience_claim: Option<String>,
    #[command(flatten)]
    pub secret: SecretFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create secret notation my-notation-cert --namespace=my-namespace \\\n    \
    --trust-policy-file=./my-trust-policy.json --ca-cert-file=./my-cert.crt --export")]
pub struct NotationSecretArgs {
    /// Name of the Secret (an RFC 1123 label)
    pub name: String,
    /// The Notation trust policy (JSON), stored as trustpolicy.json
    #[arg(long = "trust-policy-file", value_name = "FILE")]
    pub trust_policy_file: Option<PathBuf>,
    /// A root CA certificate (PEM), stored under its file name (repeat or separate with commas)
    #[arg(long = "ca-cert-file", value_name = "FILE", value_delimiter = ',')]
    pub ca_cert_files: Vec<PathBuf>,
    #[command(flatten)]
    pub secret: SecretFlags,
}

/// What ends flux's `--export` of a Secret: `create secret tls` prints the YAML as it is, the
/// others print it with one more newline (flux uses Println there).
const FLUX_TRAILER: &str = "\n";

pub fn run(global: &GlobalArgs, ui: &Ui, args: SecretArgs) -> anyhow::Result<()> {
    let (secret, flags, trailer) = match args.kind {
        SecretKind::Git(Deferred(a)) => return run_git(global, ui, a),
        SecretKind::Helm(Deferred(a)) => (
            secret::helm(
                &a.secret.object(global, &a.name),
                a.username.as_deref(),
                a.password.as_deref(),
                &a.tls.files(),
            )?,
            a.secret,
            FLUX_TRAILER,
        ),
        SecretKind::Oci(Deferred(a)) => (
            secret::oci(
                &a.secret.object(global, &a.name),
                &a.url,
                &a.username,
                &a.password,
            )?,
            a.secret,
            FLUX_TRAILER,
        ),
        SecretKind::Tls(Deferred(a)) => (
            secret::tls(&a.secret.object(global, &a.name), &a.tls.files())?,
            a.secret,
            "",
        ),
        SecretKind::GitHubApp(Deferred(a)) => (
            secret::github_app(
                &a.secret.object(global, &a.name),
                &GitHubApp {
                    app_id: &a.app_id,
                    installation_id: a.app_installation_id.as_deref(),
                    installation_owner: a.app_installation_owner.as_deref(),
                    private_key_file: a.app_private_key.as_deref(),
                    base_url: a.app_base_url.as_deref(),
                },
            )?,
            a.secret,
            FLUX_TRAILER,
        ),
        SecretKind::Proxy(Deferred(a)) => (
            secret::proxy(
                &a.secret.object(global, &a.name),
                &a.address,
                a.username.as_deref(),
                a.password.as_deref(),
            )?,
            a.secret,
            FLUX_TRAILER,
        ),
        SecretKind::Notation(Deferred(a)) => (
            secret::notation(
                &a.secret.object(global, &a.name),
                a.trust_policy_file.as_deref(),
                &a.ca_cert_files,
            )?,
            a.secret,
            FLUX_TRAILER,
        ),
        SecretKind::Receiver(Deferred(a)) => {
            let object = secret::receiver(
                &a.secret.object(global, &a.name),
                &ReceiverSecret {
                    receiver_type: a.receiver_type.as_str(),
                    token: a.token.as_deref(),
                    hostname: &a.hostname,
                    email_claim: a.email_claim.as_deref(),
                    audience_claim: a.audience_claim.as_deref(),
                },
            )?;
            if !a.secret.export
                && let Some(url) = object
                    .metadata
                    .annotations
                    .as_ref()
                    .and_then(|a| a.get(secret::WEBHOOK_ANNOTATION))
            {
                ui.step(Mark::Generating, &format!("webhook URL: {url}"));
            }
            (object, a.secret, FLUX_TRAILER)
        }
    };
    export_or_apply_plain(
        global,
        ui,
        &[serde_json::to_value(&secret)?],
        flags.export,
        trailer,
    )
}

fn run_git(global: &GlobalArgs, ui: &Ui, a: GitSecretArgs) -> anyhow::Result<()> {
    let object = a.secret.object(global, &a.name);
    let scheme = url::Url::parse(&a.url)
        .map(|u| u.scheme().to_string())
        .map_err(|e| {
            InvalidInput::new(format!(
                "invalid --url '{}': {e}; expected ssh://, http:// or https://",
                crate::redact::url(&a.url)
            ))
        })?;
    let secret = match scheme.as_str() {
        "http" | "https" => {
            if a.private_key_file.is_some() {
                return Err(InvalidInput::new(
                    "--private-key-file is for ssh:// URLs; for HTTPS pass --username and --password, or --bearer-token",
                )
                .into());
            }
            secret::git_https(
                &object,
                &GitHttps {
                    username: a.username.as_deref(),
                    password: a.password.as_deref(),
                    bearer_token: a.bearer_token.as_deref(),
                    ca_crt_file: a.ca_crt_file.as_deref(),
                },
            )?
        }
        "ssh" => {
            if a.username.is_some() || a.bearer_token.is_some() || a.ca_crt_file.is_some() {
                return Err(InvalidInput::new(
                    "--username, --bearer-token and --ca-crt-file are for HTTPS URLs; over SSH the key authenticates",
                )
                .into());
            }
            let host = credentials::ssh_host(&a.url)?;
            object.metadata()?;
            if a.private_key_file.is_none() && a.password.is_some() {
                return Err(InvalidInput::new(
                    "--password over SSH is the passphrase of --private-key-file; a generated key has none",
                )
                .into());
            }
            let algorithm = a.ssh_key.algorithm()?;
            let (secret, public_key) = block_on(|| {
                credentials::git_ssh_secret(
                    &object,
                    &host,
                    a.private_key_file.as_deref(),
                    a.password.as_deref(),
                    algorithm,
                )
            })?;
            if !a.secret.export {
                // The public half is what the user registers as a deploy key.
                ui.step(Mark::Generating, &format!("deploy key: {public_key}"));
            }
            secret
        }
        other => {
            return Err(InvalidInput::new(format!(
                "invalid --url '{}': scheme '{other}' is not supported, use one of: ssh, http, https",
                crate::redact::url(&a.url)
            ))
            .into());
        }
    };
    export_or_apply_plain(
        global,
        ui,
        &[serde_json::to_value(&secret)?],
        a.secret.export,
        FLUX_TRAILER,
    )
}
