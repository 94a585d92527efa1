//! Talking to a Kubernetes cluster: connection (kubeconfig as kubectl resolves it), server-side
//! apply of manifests, and watch-based waits.

pub mod apply;
pub mod wait;

use std::path::PathBuf;

use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::{Client, Config};

/// Field manager for every server-side apply floe makes.
pub const FIELD_MANAGER: &str = "floe";

/// How to find the cluster: the global `--kubeconfig` and `--context` flags.
#[derive(Debug, Clone, Default)]
pub struct ConnectOptions {
    pub kubeconfig: Option<PathBuf>,
    pub context: Option<String>,
}

/// A client plus what the user needs to hear when the cluster misbehaves.
#[derive(Clone)]
pub struct Cluster {
    pub client: Client,
    /// The kubeconfig context in use, or `in-cluster`.
    pub context: String,
    /// The API server address.
    pub server: String,
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
    #[error("{0}")]
    Api(String),
}

impl Cluster {
    /// Resolves the kubeconfig as kubectl does: `--kubeconfig`, else the `KUBECONFIG` list
    /// (merged, first wins), else `~/.kube/config`, else the in-cluster service account.
    pub async fn connect(opts: &ConnectOptions) -> Result<Cluster, ClusterError> {
        let kubeconfig = match &opts.kubeconfig {
            Some(path) => {
                Some(
                    Kubeconfig::read_from(path).map_err(|e| ClusterError::BadKubeconfig {
                        path: path.display().to_string(),
                        reason: error_chain(&e),
                    })?,
                )
            }
            None if std::env::var_os("KUBECONFIG").is_some_and(|v| !v.is_empty()) => {
                Some(Kubeconfig::read().map_err(|e| ClusterError::BadKubeconfig {
                    path: std::env::var("KUBECONFIG").unwrap_or_default(),
                    reason: error_chain(&e),
                })?)
            }
            None => {
                let home = std::env::var_os("HOME").map(PathBuf::from);
                match home.map(|h| h.join(".kube/config")).filter(|p| p.exists()) {
                    Some(path) => Some(Kubeconfig::read_from(&path).map_err(|e| {
                        ClusterError::BadKubeconfig {
                            path: path.display().to_string(),
                            reason: error_chain(&e),
                        }
                    })?),
                    None => None,
                }
            }
        };
        let (config, context) = match kubeconfig {
            Some(kubeconfig) => {
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
        let server = config.cluster_url.to_string();
        let server = server.trim_end_matches('/').to_string();
        let client = Client::try_from(config).map_err(|e| ClusterError::Unreachable {
            context: context.clone(),
            server: server.clone(),
            reason: error_chain(&e),
        })?;
        Ok(Cluster {
            client,
            context,
            server,
        })
    }

    /// Turns a client error into one that says which cluster, and what to do about it.
    pub fn explain(&self, err: kube::Error) -> ClusterError {
        match &err {
            kube::Error::Api(status) if status.code == 401 => ClusterError::Unauthorized {
                context: self.context.clone(),
                server: self.server.clone(),
            },
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
