//! bootstrap's [`GitHost`] for any Git server, without a provider API: floe pushes with the
//! given credentials; the cluster pulls anonymously, with a username and password
//! (`--token-auth`), or with an SSH key (given, or generated and printed to add as a deploy
//! key).

use zeroize::Zeroizing;

use super::host::{GitHost, HostCheck, StepResult};
use super::report::{Details, Done};
use super::{Options, Outcome, Progress, action_outcome, https_secret, secret_change_text};
use crate::cluster::Cluster;
use crate::credentials::{self, SshKeyPair};
use crate::git::RemoteSpec;
use crate::host::Host;
use crate::objects::{self, SecretChange};

/// How the cluster authenticates its pulls from a plain Git server.
pub enum PullCredentials {
    /// No Secret: a public repository.
    None,
    /// `username`/`password` in the Secret.
    Basic {
        username: String,
        password: Zeroizing<String>,
    },
    /// An SSH key in the Secret: this one (`--private-key-file`), or a new one.
    Ssh { key: Option<SshKeyPair> },
}

/// Any Git server, without a provider API.
pub struct GitTarget {
    pub push: RemoteSpec,
    /// The URL the cluster pulls from (the push URL unless that is a file:// path).
    pub sync_url: String,
    pub credentials: PullCredentials,
    /// `--ca-file`'s certificates: stored as `ca.crt` for an HTTPS sync URL, as flux does.
    pub ca_crt: Option<String>,
}

/// The credentials given go to the push URL only.
impl Host for GitTarget {
    fn credentials_for(&self, url: &str) -> RemoteSpec {
        if url == self.push.url {
            self.push.clone()
        } else {
            RemoteSpec {
                url: url.to_string(),
                auth: crate::git::GitAuth::None,
            }
        }
    }
}

impl GitHost for GitTarget {
    fn repository(&self) -> String {
        self.push.url.clone()
    }

    async fn preflight(&self) -> anyhow::Result<HostCheck> {
        Ok(HostCheck::default())
    }

    fn repository_step(&self) -> Option<String> {
        None
    }

    async fn ensure_repository(&self, _opts: &Options) -> StepResult<bool> {
        Ok(Done::new(
            true,
            Outcome::Skipped,
            "no repository API",
            Details::None,
        ))
    }

    fn push_url(&self) -> String {
        self.push.url.clone()
    }

    fn sync_source(&self) -> (String, bool) {
        (
            self.sync_url.clone(),
            !matches!(self.credentials, PullCredentials::None) || self.ca_crt.is_some(),
        )
    }

    async fn after_push(&self, _opts: &Options) -> anyhow::Result<Option<String>> {
        Ok(None)
    }

    async fn credentials(
        &self,
        cluster: &Cluster,
        opts: &Options,
        progress: &dyn Progress,
    ) -> StepResult<()> {
        let git = self;
        let (ns, name) = (opts.namespace.as_str(), opts.secret_name.as_str());
        match &git.credentials {
            PullCredentials::None if git.ca_crt.is_none() => Ok(Done::new(
                (),
                Outcome::Skipped,
                "no credentials: the cluster pulls anonymously",
                Details::None,
            )),
            PullCredentials::None => {
                let secret = https_secret(ns, name, None, git.ca_crt.as_deref());
                let action = objects::apply(cluster, &secret).await?;
                Ok(Done::new(
                    (),
                    action_outcome(action),
                    format!("Secret {ns}/{name} with the CA certificate {action}"),
                    Details::None,
                ))
            }
            PullCredentials::Basic { username, password } => {
                let secret =
                    https_secret(ns, name, Some((username, password)), git.ca_crt.as_deref());
                let action = objects::apply(cluster, &secret).await?;
                let ca = if git.ca_crt.is_some() {
                    ", and the CA certificate"
                } else {
                    ""
                };
                Ok(Done::new(
                    (),
                    action_outcome(action),
                    format!("Secret {ns}/{name} with username and password{ca} {action}"),
                    Details::None,
                ))
            }
            PullCredentials::Ssh { key } => {
                let sync_url = git.sync_url.clone();
                let (public_key, change) = objects::ensure_ssh_secret(
                    cluster,
                    ns,
                    name,
                    key.as_ref(),
                    opts.key_algorithm,
                    || async move {
                        credentials::scan_known_hosts(&credentials::ssh_host(&sync_url)?).await
                    },
                )
                .await?;
                if change == SecretChange::Created && key.is_none() {
                    progress.deploy_key_added(&public_key)?;
                }
                let outcome = match change {
                    SecretChange::Created => Outcome::Created,
                    SecretChange::Updated => Outcome::Updated,
                    SecretChange::Kept => Outcome::Unchanged,
                };
                let how = match (change, key.is_some()) {
                    (SecretChange::Updated, true) => " with the key of --private-key-file",
                    _ => "",
                };
                Ok(Done::new(
                    (),
                    outcome,
                    format!("Secret {ns}/{name} {}{how}", secret_change_text(change)),
                    Details::Credentials {
                        secret: None,
                        deploy_key: None,
                        public_key,
                    },
                ))
            }
        }
    }
}
