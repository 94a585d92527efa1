//! bootstrap's [`GitHost`] for any Git server, without a provider API: floe pushes with the
//! given credentials; the cluster pulls anonymously, with a username and password
//! (`--token-auth`), or with an SSH key (given, or generated and printed to add as a deploy
//! key).

use std::path::PathBuf;

use zeroize::Zeroizing;

use super::host::{GitHost, HostCheck, StepResult};
use super::report::{Details, Done};
use super::{Options, Outcome, Progress, action_outcome, https_secret, secret_change_text};
use crate::cluster::Cluster;
use crate::credentials::{self, SshKeyPair};
use crate::git::{GitAuth, RemoteSpec};
use crate::host::Host;
use crate::objects::{self, SecretChange};
use crate::usage::InvalidInput;

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

/// `bootstrap git`'s URL and credential flags, as given.
#[derive(Debug, Clone, Default)]
pub struct GitFlags {
    pub url: String,
    pub sync_url: Option<String>,
    pub allow_insecure_http: bool,
    pub username: Option<String>,
    pub password: Option<String>,
    pub private_key_file: Option<PathBuf>,
    pub ca_file: Option<PathBuf>,
    pub token_auth: bool,
    pub ssh_hostname: Option<String>,
}

impl GitTarget {
    /// The Git server bootstrap pushes to and the cluster pulls from, as flux bootstrap git
    /// derives them from its flags: credentials in the URLs count as `--username` and
    /// `--password` and go no further than the Git client; over http(s) the cluster pulls with
    /// a deploy key over SSH unless `--token-auth`; a private CA goes into the Secret. Bad
    /// combinations are usage errors, found before any network call. Returns the target and
    /// whether the cluster's credentials can push (anything but a deploy key).
    pub fn from_flags(flags: GitFlags) -> anyhow::Result<(GitTarget, bool)> {
        let mut args = flags;
        let url = url::Url::parse(&args.url).map_err(|e| {
            InvalidInput::new(format!(
                "invalid --url {:?}: {e}",
                crate::redact::url(&args.url)
            ))
        })?;
        let scheme = url.scheme();
        match scheme {
            "ssh" | "https" | "file" => {}
            "http" if args.allow_insecure_http => {}
            "http" => {
                return Err(InvalidInput::new(format!(
                    "--url {} is plain http: pass --allow-insecure-http to allow it, or use https://",
                    crate::redact::url(&args.url)
                ))
                .into());
            }
            other => {
                return Err(InvalidInput::new(format!(
                    "invalid --url scheme {other:?}: allowed are ssh://, https://, http:// and file://"
                ))
                .into());
            }
        }
        let sync_url = match (&args.sync_url, scheme) {
            (Some(u), _) => {
                let shown = crate::redact::url(u);
                let parsed = url::Url::parse(u)
                    .map_err(|e| InvalidInput::new(format!("invalid --sync-url {shown:?}: {e}")))?;
                if !matches!(parsed.scheme(), "ssh" | "https" | "http") {
                    return Err(InvalidInput::new(format!(
                        "invalid --sync-url {shown:?}: the cluster pulls over ssh://, https:// or http://"
                    ))
                    .into());
                }
                u.clone()
            }
            (None, "file") => {
                return Err(InvalidInput::new(format!(
                    "--url {} is a local repository the cluster cannot reach: pass --sync-url with a URL the cluster can pull from",
                    crate::redact::url(&args.url)
                ))
                .into());
            }
            (None, _) => args.url.clone(),
        };
        // Credentials in the URLs count as --username/--password and never go further than the
        // Git client: not into gotk-sync.yaml, the GitRepository, messages or -o json.
        let (push_url, push_creds) = url_without_credentials("--url", &args.url)?;
        let (sync_url, sync_creds) = url_without_credentials("--sync-url", &sync_url)?;
        let username = merge_credential(
            "--username",
            args.username.clone(),
            [push_creds.username, sync_creds.username],
        )?;
        let password = merge_credential(
            "--password",
            args.password.clone(),
            [push_creds.password, sync_creds.password],
        )?;
        args.url = push_url;
        args.username = username;
        args.password = password;
        let mut sync_url = sync_url;
        let mut sync_scheme = sync_url.split("://").next().unwrap_or_default().to_string();
        // As flux: over http(s) the cluster pulls with a deploy key over SSH unless --token-auth
        // asks for the username and password; the push password never goes into the cluster.
        // Without any credentials the repository is public and the cluster pulls anonymously.
        if sync_scheme != "ssh" && !args.token_auth && args.username.is_some() {
            sync_url = ssh_sync_url(&sync_url, args.ssh_hostname.as_deref())?;
            sync_scheme = "ssh".to_string();
        }
        if sync_scheme == "ssh" {
            // Its host goes to ssh-keyscan: checked here, before any network call.
            crate::credentials::ssh_host(&sync_url)?;
        }
        if args.password.is_some() && args.username.is_none() && args.private_key_file.is_none() {
            return Err(InvalidInput::new(
                "--password needs --username (or --private-key-file, as its passphrase)",
            )
            .into());
        }
        if args.private_key_file.is_some() && scheme != "ssh" {
            return Err(InvalidInput::new(format!(
                "--private-key-file is for ssh:// URLs, and --url is {scheme}://"
            ))
            .into());
        }
        if args.token_auth && sync_scheme == "ssh" {
            return Err(InvalidInput::new(
                "--token-auth needs an http(s) URL for the cluster; with ssh:// the cluster uses an SSH key",
            )
            .into());
        }
        if let Some(ca) = &args.ca_file {
            crate::git::trust_ca_file(ca)?;
        }
        let password = args.password.clone().map(Zeroizing::new);
        let auth = match (scheme, &args.username, &args.private_key_file) {
            ("ssh", _, Some(path)) => GitAuth::SshKeyFile {
                path: path.clone(),
                passphrase: password.clone(),
            },
            ("ssh", _, None) => GitAuth::SshAgent,
            (_, Some(username), _) => GitAuth::Basic {
                username: username.clone(),
                password: password.clone().unwrap_or_default(),
            },
            _ => GitAuth::None,
        };
        let credentials = if sync_scheme == "ssh" {
            let key = match &args.private_key_file {
                Some(path) => Some(load_key(path)?),
                None => None,
            };
            PullCredentials::Ssh { key }
        } else {
            match (&args.username, &password) {
                (Some(username), Some(password)) => PullCredentials::Basic {
                    username: username.clone(),
                    password: password.clone(),
                },
                _ => PullCredentials::None,
            }
        };
        // The cluster trusts a private CA only through the Secret (`ca.crt`, as flux stores it).
        let ca_crt = match (&args.ca_file, sync_scheme.as_str()) {
            (Some(ca), "https") => Some(ca_certificate(ca)?),
            _ => None,
        };
        let key_can_push = sync_scheme != "ssh";
        let target = GitTarget {
            push: RemoteSpec {
                url: args.url.clone(),
                auth,
            },
            sync_url,
            credentials,
            ca_crt,
        };
        Ok((target, key_can_push))
    }
}

/// The URL without userinfo and what the userinfo held. A username in an ssh:// URL is the
/// SSH login and stays; a password there is refused.
fn url_without_credentials(
    flag: &str,
    url: &str,
) -> Result<(String, crate::redact::UrlCredentials), InvalidInput> {
    if url.starts_with("ssh://") {
        if url::Url::parse(url).is_ok_and(|u| u.password().is_some()) {
            return Err(InvalidInput::new(format!(
                "invalid {flag} {}: an ssh:// URL takes no password; authenticate with --private-key-file or ssh-agent",
                crate::redact::url(url)
            )));
        }
        return Ok((url.to_string(), Default::default()));
    }
    Ok(crate::redact::split_userinfo(url))
}

/// A flag's value, or the one the URLs carried; two different values are a usage error.
fn merge_credential(
    flag: &str,
    given: Option<String>,
    from_urls: [Option<String>; 2],
) -> Result<Option<String>, InvalidInput> {
    let mut value = given;
    for candidate in from_urls.into_iter().flatten() {
        match &value {
            None => value = Some(candidate),
            Some(v) if *v == candidate => {}
            Some(_) => {
                return Err(InvalidInput::new(format!(
                    "{flag} and the credentials in the URL differ: give them once, in the flag (the values are not shown)"
                )));
            }
        }
    }
    Ok(value)
}

/// `ssh://git@HOST/PATH` for an http(s) URL, as flux bootstrap git derives it; `--ssh-hostname`
/// replaces the host (and port). The http(s) port is dropped: it is never the SSH port.
fn ssh_sync_url(url: &str, ssh_hostname: Option<&str>) -> Result<String, InvalidInput> {
    let parsed = url::Url::parse(url)
        .map_err(|e| InvalidInput::new(format!("invalid --url {url:?}: {e}")))?;
    let host = match ssh_hostname {
        Some(h) => h.to_string(),
        None => parsed.host_str().unwrap_or_default().to_string(),
    };
    Ok(format!("ssh://git@{host}{}", parsed.path()))
}

/// Reads an SSH private key for the cluster Secret; the file stays where it is.
fn load_key(path: &std::path::Path) -> anyhow::Result<SshKeyPair> {
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
        InvalidInput::new(format!(
            "cannot read --private-key-file {}: {e}",
            path.display()
        ))
    })?);
    let key = ssh_key::PrivateKey::from_openssh(text.as_bytes()).map_err(|e| {
        InvalidInput::new(format!(
            "--private-key-file {} is not an OpenSSH private key: {e}",
            path.display()
        ))
    })?;
    if key.is_encrypted() {
        return Err(InvalidInput::new(format!(
            "--private-key-file {} is encrypted; the cluster Secret needs the key unencrypted: give an unencrypted key, or leave out --private-key-file to have floe generate one",
            path.display()
        ))
        .into());
    }
    Ok(SshKeyPair {
        private_openssh: key.to_openssh(ssh_key::LineEnding::LF)?,
        public_openssh: key.public_key().to_openssh()?,
    })
}

/// `--ca-file`'s certificates, for the cluster's Secret.
pub fn ca_certificate(path: &std::path::Path) -> anyhow::Result<String> {
    let text = crate::manifests::secret::read_file("--ca-file", path)?;
    Ok(text.to_string())
}
