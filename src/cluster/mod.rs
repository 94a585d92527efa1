//! Talking to a Kubernetes cluster: connection (kubeconfig as kubectl resolves it), server-side
//! apply of manifests, and watch-based waits.

pub mod apply;
pub mod capped;
pub mod client;
pub mod controllers;
pub mod exec;
pub mod pods;
pub mod wait;

use std::path::PathBuf;

use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::{Client, Config};

/// Field manager for every server-side apply floe makes.
pub const FIELD_MANAGER: &str = "floe";

/// Objects per list request: kubectl's default `--chunk-size`.
pub const PAGE: u32 = 500;

/// Lists `api` page by page, as kubectl does, handing each object to `each` as it is read:
/// a page is held as the server's text, and each object is parsed from it only when its turn
/// comes, so a page of whole objects (with their managed fields, several times the text's
/// size once parsed) is never in memory at once.
pub async fn each_page<K>(
    api: &kube::Api<K>,
    params: kube::api::ListParams,
    mut each: impl FnMut(K),
) -> Result<(), kube::Error>
where
    K: kube::Resource + Clone + serde::de::DeserializeOwned,
{
    /// One page of a list response, its objects left unparsed.
    #[derive(serde::Deserialize)]
    struct Page<'a> {
        #[serde(borrow, default)]
        items: Vec<&'a serde_json::value::RawValue>,
        #[serde(default)]
        metadata: kube::core::ListMeta,
    }
    let request = kube::core::Request::new(api.resource_url());
    let client = api.clone().into_client();
    let mut params = params.limit(PAGE);
    loop {
        let list = request.list(&params).map_err(kube::Error::BuildRequest)?;
        let text = client.request_text(list).await?;
        let page: Page = serde_json::from_str(&text).map_err(kube::Error::SerdeError)?;
        for item in page.items {
            each(serde_json::from_str(item.get()).map_err(kube::Error::SerdeError)?);
        }
        match page.metadata.continue_.filter(|t| !t.is_empty()) {
            Some(token) => params = params.continue_token(&token),
            None => return Ok(()),
        }
    }
}

/// How to find the cluster: the global `--kubeconfig` and `--context` flags.
#[derive(Debug, Clone, Default)]
pub struct ConnectOptions {
    pub kubeconfig: Option<PathBuf>,
    pub context: Option<String>,
    /// What the command line says over the kubeconfig, as kubectl's and flux's global flags.
    pub overrides: Overrides,
}

/// kubectl's connection flags, applied over the context's cluster and user.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--server`: the API server's address.
    pub server: Option<String>,
    /// `--certificate-authority`: a CA file, replacing the cluster's CA.
    pub certificate_authority: Option<PathBuf>,
    /// `--client-certificate` and `--client-key`: files replacing the user's certificate.
    pub client_certificate: Option<PathBuf>,
    pub client_key: Option<PathBuf>,
    /// `--insecure-skip-tls-verify`.
    pub insecure_skip_tls_verify: bool,
}

impl Overrides {
    fn any(&self) -> bool {
        self.server.is_some()
            || self.certificate_authority.is_some()
            || self.client_certificate.is_some()
            || self.client_key.is_some()
            || self.insecure_skip_tls_verify
    }

    /// Applies the flags to `context`'s cluster and user (copies of them, named after the
    /// context, so other contexts sharing them are untouched), as kubectl does: a file flag
    /// replaces the inline data it stands for.
    fn apply(&self, kubeconfig: &mut Kubeconfig, context: &str) {
        use kube::config::{AuthInfo, Cluster as KubeCluster, NamedAuthInfo, NamedCluster};
        if !self.any() {
            return;
        }
        let Some(named) = kubeconfig.contexts.iter_mut().find(|c| c.name == context) else {
            return;
        };
        let ctx = named.context.get_or_insert_with(Default::default);
        let mut cluster = kubeconfig
            .clusters
            .iter()
            .find(|c| c.name == ctx.cluster)
            .and_then(|c| c.cluster.clone())
            .unwrap_or_else(KubeCluster::default);
        let mut user = ctx
            .user
            .as_ref()
            .and_then(|u| kubeconfig.auth_infos.iter().find(|a| &a.name == u))
            .and_then(|a| a.auth_info.clone())
            .unwrap_or_else(AuthInfo::default);
        if let Some(server) = &self.server {
            cluster.server = Some(server.clone());
        }
        if let Some(ca) = &self.certificate_authority {
            // A CA named on the command line is verified with, whatever the file says.
            cluster.certificate_authority = Some(ca.display().to_string());
            cluster.certificate_authority_data = None;
            cluster.insecure_skip_tls_verify = None;
        }
        if self.insecure_skip_tls_verify {
            cluster.insecure_skip_tls_verify = Some(true);
            cluster.certificate_authority = None;
            cluster.certificate_authority_data = None;
        }
        if let Some(cert) = &self.client_certificate {
            user.client_certificate = Some(cert.display().to_string());
            user.client_certificate_data = None;
        }
        if let Some(key) = &self.client_key {
            user.client_key = Some(key.display().to_string());
            user.client_key_data = None;
        }
        let name = format!("{context} (command-line flags)");
        ctx.cluster = name.clone();
        ctx.user = Some(name.clone());
        kubeconfig.clusters.push(NamedCluster {
            name: name.clone(),
            cluster: Some(cluster),
            other: Default::default(),
        });
        kubeconfig.auth_infos.push(NamedAuthInfo {
            name,
            auth_info: Some(user),
            other: Default::default(),
        });
    }

    /// A kubeconfig of the flags alone, for a machine without one: `--server` is needed.
    fn kubeconfig(&self) -> Option<Kubeconfig> {
        self.server.as_ref()?;
        let mut kubeconfig = Kubeconfig {
            contexts: vec![kube::config::NamedContext {
                name: "command-line".into(),
                context: Some(kube::config::Context::default()),
                other: Default::default(),
            }],
            current_context: Some("command-line".into()),
            ..Kubeconfig::default()
        };
        self.apply(&mut kubeconfig, "command-line");
        Some(kubeconfig)
    }
}

/// A client plus what the user needs to hear when the cluster misbehaves.
#[derive(Clone)]
pub struct Cluster {
    pub client: Client,
    /// The kubeconfig context in use, or `in-cluster`.
    pub context: String,
    /// The API server address.
    pub server: String,
    /// The server is plain `http://` and the kubeconfig's token was not sent to it.
    credentials_withheld: bool,
}

/// No bearer token goes to a plain `http://` server, as kubectl (1.33 on) sends none: the
/// kubeconfig's token, token file, credential plugin and auth provider are dropped. Returns
/// whether there was one, to say why when the server answers 401.
fn withhold_bearer_over_http(config: &mut Config) -> bool {
    if config.cluster_url.scheme_str() != Some("http") {
        return false;
    }
    let auth = &mut config.auth_info;
    let had = auth.token.is_some()
        || auth.token_file.is_some()
        || auth.exec.is_some()
        || auth.auth_provider.is_some();
    auth.token = None;
    auth.token_file = None;
    auth.exec = None;
    auth.auth_provider = None;
    had
}

/// The kubeconfig's token, trimmed of surrounding white space (a `token: |` block scalar ends
/// in a line break); one that still cannot be an HTTP header value is an error naming where it
/// came from, never the token.
fn check_static_token(config: &mut Config, context: &str) -> Result<(), ClusterError> {
    use secrecy::ExposeSecret;
    // A token file with white space around its token is read once, trimmed, as client-go
    // reads it (kube would send it as it is); other token files are left to kube, which
    // re-reads them as they rotate.
    if config.auth_info.token.is_none()
        && let Some(file) = &config.auth_info.token_file
        && let Ok(text) = std::fs::read_to_string(file)
        && text.trim().len() != text.len()
    {
        config.auth_info.token = Some(text.trim().to_string().into());
    }
    let Some(token) = &config.auth_info.token else {
        return Ok(());
    };
    let trimmed = token.expose_secret().trim();
    if http::HeaderValue::from_str(&format!("Bearer {trimmed}")).is_err() {
        return Err(ClusterError::BadKubeconfig {
            path: format!("context {context:?}"),
            reason: "the user's token holds a character an HTTP header cannot carry (a line \
                     break or another control character inside it); fix the token in the \
                     kubeconfig"
                .to_string(),
        });
    }
    if trimmed.len() != token.expose_secret().len() {
        config.auth_info.token = Some(trimmed.to_string().into());
    }
    Ok(())
}

/// Runs the kubeconfig user's exec credential plugin, once, and puts what it answered where
/// kube reads credentials: a token without an expiry as the user's token, a client certificate
/// and key as the user's, a token with an expiry in the returned [`exec::RenewingToken`]. kube
/// is left no plugin to run (see [`exec`] for why).
async fn run_exec_plugin(
    config: &mut Config,
    context: &str,
) -> Result<Option<exec::RenewingToken>, ClusterError> {
    use base64::Engine;
    use secrecy::ExposeSecret;
    let Some(plugin) = config.auth_info.exec.take() else {
        return Ok(None);
    };
    let credential = exec::run(&plugin)
        .await
        .map_err(|e| ClusterError::CredentialPlugin {
            context: context.to_string(),
            detail: e.to_string(),
        })?;
    let base64 = base64::engine::general_purpose::STANDARD;
    Ok(match credential {
        exec::Credential::Token {
            token,
            expires: None,
        } => {
            config.auth_info.token = Some(token);
            None
        }
        exec::Credential::Token {
            token,
            expires: Some(at),
        } => Some(exec::RenewingToken::new(plugin, token, at)),
        exec::Credential::Identity { certificate, key } => {
            config.auth_info.client_certificate_data = Some(base64.encode(certificate));
            config.auth_info.client_key_data = Some(base64.encode(key.expose_secret()).into());
            None
        }
    })
}

/// Where a client error came from: the context and the server (borrowed from the
/// [`Cluster`], or from its parts while the client is being built).
struct Origin<'a> {
    context: &'a str,
    server: &'a str,
}

impl Origin<'_> {
    /// Any error from building or using the client, explained (see [`Cluster::explain`]).
    fn describe(&self, err: &(dyn std::error::Error + 'static)) -> ClusterError {
        self.explain_transport(err)
            .unwrap_or_else(|| ClusterError::Unreachable {
                context: self.context.to_string(),
                server: self.server.to_string(),
                reason: error_chain(err),
            })
    }

    /// Failures that are not the cluster's: the credential plugin, TLS trust, the client
    /// certificate, the proxy. `None` for anything else.
    fn explain_transport(&self, err: &(dyn std::error::Error + 'static)) -> Option<ClusterError> {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(err);
        while let Some(e) = cause {
            if let Some(auth) = e.downcast_ref::<kube::client::AuthError>()
                && let Some(explained) = self.explain_auth(auth)
            {
                return Some(explained);
            }
            if let Some(plugin) = e.downcast_ref::<exec::ExecError>() {
                return Some(ClusterError::CredentialPlugin {
                    context: self.context.to_string(),
                    detail: plugin.to_string(),
                });
            }
            if let Some(tls) = rustls_error(e) {
                return Some(self.explain_tls(tls));
            }
            cause = e.source();
        }
        let text = error_chain(err).to_lowercase();
        if text.contains("proxy") || text.contains("tunnel") || text.contains("socks") {
            return Some(ClusterError::Proxy {
                server: self.server.to_string(),
                reason: crate::redact::text(&error_chain(err)),
            });
        }
        None
    }

    /// A command kube ran for credentials (an auth provider's; floe runs exec plugins itself,
    /// see [`exec`]): its exit status and the last lines of its stderr, as an exec plugin's
    /// are shown; never its environment or its stdout (where the credentials are).
    fn explain_auth(&self, err: &kube::client::AuthError) -> Option<ClusterError> {
        use kube::client::AuthError;
        let program = "the exec credential plugin";
        let detail = match err {
            AuthError::AuthExecRun { out, .. } => exec::ExecError::Failed {
                program: program.to_string(),
                status: out.status,
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            }
            .to_string(),
            AuthError::AuthExecStart(e) => format!("cannot run {program}: {e}"),
            AuthError::AuthExecParse(_) => {
                format!("{program} did not print an ExecCredential on stdout")
            }
            AuthError::AuthExec(_) | AuthError::AuthExecSerialize(_) => {
                format!("{program} could not be used")
            }
            _ => return None,
        };
        Some(ClusterError::CredentialPlugin {
            context: self.context.to_string(),
            detail,
        })
    }

    fn explain_tls(&self, err: &rustls::Error) -> ClusterError {
        use rustls::{AlertDescription, CertificateError, Error};
        let (what, fix) = match err {
            Error::InvalidCertificate(CertificateError::UnknownIssuer)
            | Error::InvalidCertificate(CertificateError::BadSignature) => (
                "the server's certificate is not signed by a CA the kubeconfig trusts",
                "check certificate-authority(-data) of the cluster in the kubeconfig",
            ),
            Error::InvalidCertificate(CertificateError::NotValidForName)
            | Error::InvalidCertificate(CertificateError::NotValidForNameContext { .. }) => (
                "the server's certificate is not valid for this address",
                "use the address the certificate names, or set tls-server-name in the kubeconfig",
            ),
            Error::InvalidCertificate(CertificateError::Expired)
            | Error::InvalidCertificate(CertificateError::ExpiredContext { .. }) => (
                "the server's certificate has expired",
                "renew the API server's certificate",
            ),
            Error::InvalidCertificate(_) => (
                "the server's certificate is not trusted",
                "check certificate-authority(-data) of the cluster in the kubeconfig",
            ),
            Error::AlertReceived(
                AlertDescription::BadCertificate
                | AlertDescription::CertificateRequired
                | AlertDescription::UnknownCA
                | AlertDescription::CertificateUnknown
                | AlertDescription::CertificateExpired
                | AlertDescription::CertificateRevoked
                | AlertDescription::UnsupportedCertificate,
            ) => (
                "the server rejected the client certificate",
                "check client-certificate(-data) and client-key(-data) of the user in the kubeconfig",
            ),
            _ => (
                "the TLS handshake failed",
                "check the kubeconfig's certificates",
            ),
        };
        ClusterError::Tls {
            context: self.context.to_string(),
            server: self.server.to_string(),
            what: what.to_string(),
            detail: err.to_string(),
            fix: fix.to_string(),
        }
    }
}

/// Why floe could not talk to the cluster. Each message names the context and server.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error("no kubeconfig found: {0}; pass --kubeconfig or set KUBECONFIG")]
    NoConfig(String),
    #[error("cannot load kubeconfig {path}: {reason}")]
    BadKubeconfig { path: String, reason: String },
    #[error("context {context:?} is not in the kubeconfig (contexts: {available})")]
    UnknownContext { context: String, available: String },
    #[error(
        "cannot reach the cluster of context {context:?} at {server}: {reason}; check that it is running and that the kubeconfig's server address is right"
    )]
    Unreachable {
        context: String,
        server: String,
        reason: String,
    },
    #[error(
        "the cluster of context {context:?} at {server} rejected the credentials (401 Unauthorized): they are wrong or have expired; log in again or fix the user in the kubeconfig"
    )]
    Unauthorized { context: String, server: String },
    #[error(
        "the cluster of context {context:?} at {server} answered 401 Unauthorized: floe sends no token or credential plugin's token to a plain http:// server (kubectl sends none either); use the server's https:// address in the kubeconfig"
    )]
    UnauthorizedOverHttp { context: String, server: String },
    #[error(
        "the cluster of context {context:?} at {server}: {detail}; check the kubeconfig's server address and any proxy in between"
    )]
    TooLarge {
        context: String,
        server: String,
        detail: String,
    },
    #[error("{0}")]
    Api(String),
    #[error(
        "the credential plugin of context {context:?} failed: {detail}; run it by hand to see why, or log in again"
    )]
    CredentialPlugin { context: String, detail: String },
    #[error(
        "cannot connect to the cluster of context {context:?} at {server}: {what} ({detail}); {fix}"
    )]
    Tls {
        context: String,
        server: String,
        what: String,
        detail: String,
        fix: String,
    },
    #[error(
        "cannot reach the cluster at {server} through the proxy: {reason}; check HTTPS_PROXY/NO_PROXY or the kubeconfig's proxy-url"
    )]
    Proxy { server: String, reason: String },
}

/// rustls' error in `err`, also when I/O errors wrap it (they do not expose what they wrap
/// as their source).
fn rustls_error<'a>(err: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    if let Some(tls) = err.downcast_ref::<rustls::Error>() {
        return Some(tls);
    }
    let inner: &'a (dyn std::error::Error + 'static) =
        err.downcast_ref::<std::io::Error>()?.get_ref()?;
    rustls_error(inner)
}

/// Reads a `KUBECONFIG` list as client-go does: files are merged in order (the first to set a
/// value wins) and files that do not exist are skipped; only a list without any existing file
/// is an error.
fn read_kubeconfig_list(list: &std::ffi::OsStr) -> Result<Kubeconfig, ClusterError> {
    let paths: Vec<PathBuf> = std::env::split_paths(list)
        .filter(|p| !p.as_os_str().is_empty())
        .collect();
    let existing: Vec<&PathBuf> = paths.iter().filter(|p| p.exists()).collect();
    if existing.is_empty() {
        return Err(ClusterError::NoConfig(format!(
            "none of the files in KUBECONFIG exists ({})",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let mut merged = Kubeconfig::default();
    for path in existing {
        let config = Kubeconfig::read_from(path).map_err(|e| ClusterError::BadKubeconfig {
            path: path.display().to_string(),
            reason: kubeconfig_reason(&e),
        })?;
        merged = merged
            .merge(config)
            .map_err(|e| ClusterError::BadKubeconfig {
                path: path.display().to_string(),
                reason: error_chain(&e),
            })?;
    }
    Ok(merged)
}

/// Why a kubeconfig file does not parse, without its content: the parser's first line (where
/// and why, `line 12 column 4: did not find expected key`) with quoted values elided. The YAML
/// parser's own message quotes the lines around the error, and a kubeconfig holds tokens and
/// keys; serde's messages quote the offending value (`invalid type: string "..."`).
pub fn kubeconfig_reason(err: &dyn std::error::Error) -> String {
    let chain = error_chain(err);
    let first = chain.lines().next().unwrap_or_default();
    let mut out = String::with_capacity(first.len());
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' if quoted => {
                quoted = false;
                out.push_str("…\"");
            }
            '"' => {
                quoted = true;
                out.push('"');
            }
            _ if quoted => {}
            c => out.push(c),
        }
    }
    if quoted {
        out.push('…');
    }
    out
}

/// A kubeconfig's text parsed as [`Cluster::connect`] parses a file, with the same errors
/// (`what` names it: a path or `KUBECONFIG`). The fuzz target in tests/fuzz drives it.
pub fn parse_kubeconfig(what: &str, text: &str) -> Result<Kubeconfig, ClusterError> {
    Kubeconfig::from_yaml(text).map_err(|e| ClusterError::BadKubeconfig {
        path: what.to_string(),
        reason: kubeconfig_reason(&e),
    })
}

impl Cluster {
    /// A resource found by discovery: in `namespace` when it is namespaced, cluster-wide
    /// otherwise.
    pub fn dynamic_api(
        &self,
        resource: &kube::discovery::ApiResource,
        scope: &kube::discovery::Scope,
        namespace: &str,
    ) -> kube::Api<kube::api::DynamicObject> {
        match scope {
            kube::discovery::Scope::Namespaced => {
                kube::Api::namespaced_with(self.client.clone(), namespace, resource)
            }
            kube::discovery::Scope::Cluster => kube::Api::all_with(self.client.clone(), resource),
        }
    }

    /// The kubeconfig kubectl would read: `--kubeconfig`, else the `KUBECONFIG` list (merged,
    /// first wins), else `~/.kube/config`; `None` when there is none.
    pub fn load_kubeconfig(opts: &ConnectOptions) -> Result<Option<Kubeconfig>, ClusterError> {
        Ok(match &opts.kubeconfig {
            Some(path) => {
                Some(
                    Kubeconfig::read_from(path).map_err(|e| ClusterError::BadKubeconfig {
                        path: path.display().to_string(),
                        reason: kubeconfig_reason(&e),
                    })?,
                )
            }
            None if std::env::var_os("KUBECONFIG").is_some_and(|v| !v.is_empty()) => Some(
                read_kubeconfig_list(&std::env::var_os("KUBECONFIG").unwrap_or_default())?,
            ),
            None => {
                let home = std::env::var_os("HOME").map(PathBuf::from);
                match home.map(|h| h.join(".kube/config")).filter(|p| p.exists()) {
                    Some(path) => Some(Kubeconfig::read_from(&path).map_err(|e| {
                        ClusterError::BadKubeconfig {
                            path: path.display().to_string(),
                            reason: kubeconfig_reason(&e),
                        }
                    })?),
                    None => None,
                }
            }
        })
    }

    /// The namespace the kubeconfig context names (`--context`, else the current one), if it
    /// names one: flux's `--ns-follows-kube-context`.
    pub fn context_namespace(opts: &ConnectOptions) -> Result<Option<String>, ClusterError> {
        let Some(kubeconfig) = Self::load_kubeconfig(opts)? else {
            return Ok(None);
        };
        let context = opts.context.clone().or(kubeconfig.current_context.clone());
        Ok(kubeconfig
            .contexts
            .iter()
            .find(|c| Some(&c.name) == context.as_ref())
            .and_then(|c| c.context.as_ref()?.namespace.clone())
            .filter(|ns| !ns.is_empty()))
    }

    /// Connects as kubectl does: the kubeconfig ([`Cluster::load_kubeconfig`]) with the
    /// command line's overrides, or the flags alone, else the in-cluster service account.
    pub async fn connect(opts: &ConnectOptions) -> Result<Cluster, ClusterError> {
        let kubeconfig = Self::load_kubeconfig(opts)?;
        let kubeconfig = kubeconfig.or_else(|| opts.overrides.kubeconfig());
        let (mut config, context) = match kubeconfig {
            Some(mut kubeconfig) => {
                let context = opts
                    .context
                    .clone()
                    .or_else(|| kubeconfig.current_context.clone())
                    .unwrap_or_default();
                if !kubeconfig.contexts.iter().any(|c| c.name == context) {
                    let names: Vec<_> = kubeconfig
                        .contexts
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect();
                    return Err(ClusterError::UnknownContext {
                        context,
                        available: if names.is_empty() {
                            "none".into()
                        } else {
                            names.join(", ")
                        },
                    });
                }
                opts.overrides.apply(&mut kubeconfig, &context);
                let options = KubeConfigOptions {
                    context: Some(context.clone()),
                    ..Default::default()
                };
                let config = Config::from_custom_kubeconfig(kubeconfig, &options)
                    .await
                    .map_err(|e| ClusterError::BadKubeconfig {
                        path: format!("context {context:?}"),
                        reason: error_chain(&e),
                    })?;
                (config, context)
            }
            None => {
                let config = Config::incluster().map_err(|e| {
                    ClusterError::NoConfig(format!(
                        "~/.kube/config does not exist and this is not a pod ({})",
                        error_chain(&e)
                    ))
                })?;
                (config, "in-cluster".to_string())
            }
        };
        let credentials_withheld = withhold_bearer_over_http(&mut config);
        let server = config.cluster_url.to_string();
        let server = server.trim_end_matches('/').to_string();
        crate::lifecycle::set_activity(format!(
            "waiting for the cluster of context {context:?} at {server}"
        ));
        let renewing = run_exec_plugin(&mut config, &context).await?;
        check_static_token(&mut config, &context)?;
        let origin = Origin {
            context: &context,
            server: &server,
        };
        let client = client::build(config, renewing).map_err(|e| origin.describe(&e))?;
        Ok(Cluster {
            client,
            context,
            server,
            credentials_withheld,
        })
    }

    fn origin(&self) -> Origin<'_> {
        Origin {
            context: &self.context,
            server: &self.server,
        }
    }

    /// Records the operation in progress on this cluster, named with its server, for the
    /// message shown if the command's deadline passes or a signal arrives meanwhile.
    pub fn doing(&self, operation: impl std::fmt::Display) {
        crate::lifecycle::set_activity(format!(
            "{operation} on the cluster of context {:?} at {}",
            self.context, self.server
        ));
    }

    /// Turns a client error into one that says which cluster, and what to do about it.
    pub fn explain(&self, err: kube::Error) -> ClusterError {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&err);
        while let Some(e) = cause {
            if let Some(too_large) = e.downcast_ref::<capped::ResponseTooLarge>() {
                return ClusterError::TooLarge {
                    context: self.context.clone(),
                    server: self.server.clone(),
                    detail: too_large.to_string(),
                };
            }
            cause = e.source();
        }
        if let Some(explained) = self.origin().explain_transport(&err) {
            return explained;
        }
        match &err {
            kube::Error::Api(status) if status.code == 401 && self.credentials_withheld => {
                ClusterError::UnauthorizedOverHttp {
                    context: self.context.clone(),
                    server: self.server.clone(),
                }
            }
            kube::Error::Api(status) if status.code == 401 => ClusterError::Unauthorized {
                context: self.context.clone(),
                server: self.server.clone(),
            },
            kube::Error::Auth(kube::client::AuthError::InvalidBearerToken(_)) => {
                // A static token, a token file's and a credential plugin's are checked before
                // they are used; what is left is an auth provider's.
                ClusterError::BadKubeconfig {
                    path: format!("context {:?}", self.context),
                    reason: "the token of the user's auth provider holds a \
                             character an HTTP header cannot carry (a line break or another \
                             control character inside it); fix the token"
                        .to_string(),
                }
            }
            kube::Error::Api(status) => ClusterError::Api(status.message.clone()),
            kube::Error::Auth(_) => ClusterError::Unauthorized {
                context: self.context.clone(),
                server: self.server.clone(),
            },
            _ => ClusterError::Unreachable {
                context: self.context.clone(),
                server: self.server.clone(),
                reason: error_chain(&err),
            },
        }
    }

    /// The server's version as `(major, minor, git_version)`; the first call floe makes, so a
    /// cluster that cannot be reached fails here with a clear message.
    pub async fn server_version(&self) -> Result<ServerVersion, ClusterError> {
        let info = self
            .client
            .apiserver_version()
            .await
            .map_err(|e| self.explain(e))?;
        Ok(ServerVersion::from_info(&info))
    }
}

/// The Kubernetes version the API server reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerVersion {
    pub major: u32,
    pub minor: u32,
    pub git_version: String,
}

impl ServerVersion {
    fn from_info(info: &k8s_openapi::apimachinery::pkg::version::Info) -> Self {
        // Managed offerings report minors like "27+"; the digits are what count.
        let digits = |s: &str| {
            s.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or(0)
        };
        ServerVersion {
            major: digits(&info.major),
            minor: digits(&info.minor),
            git_version: info.git_version.clone(),
        }
    }

    /// Whether the server evaluates CEL rules (`x-kubernetes-validations`), GA since 1.25.
    pub fn has_cel(&self) -> bool {
        (self.major, self.minor) >= (1, 25)
    }
}

/// An error and its causes on one line, innermost last, without repeats.
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut parts: Vec<String> = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = cause.source();
    }
    parts.join(": ")
}
