//! Pull credentials for Flux sources: SSH key pairs, the Git host's known_hosts, and the
//! Secret that holds them (the layout source-controller reads: `identity`, `identity.pub`,
//! `known_hosts`).

use std::collections::BTreeMap;
use std::process::Command;

use k8s_openapi::ByteString;
use k8s_openapi::api::core::v1::Secret;
use kube::api::ObjectMeta;
use ssh_key::private::{EcdsaKeypair, KeypairData, RsaKeypair};
use ssh_key::rand_core::OsRng;
use ssh_key::{EcdsaCurve, LineEnding, PrivateKey};
use zeroize::Zeroizing;

use crate::manifests::create::ObjectOptions;
use crate::manifests::secret;
use crate::usage::InvalidInput;

/// The kinds of SSH key floe generates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAlgorithm {
    Ecdsa(EcdsaCurve),
    Ed25519,
    Rsa { bits: usize },
}

impl Default for KeyAlgorithm {
    /// ECDSA on P-384, Flux's default.
    fn default() -> Self {
        KeyAlgorithm::Ecdsa(EcdsaCurve::NistP384)
    }
}

/// A generated key pair. The private half is zeroed when dropped and only ever written into
/// the cluster Secret.
pub struct SshKeyPair {
    pub private_openssh: Zeroizing<String>,
    /// `algorithm base64 [comment]`, the line a deploy key form takes.
    pub public_openssh: String,
}

impl std::fmt::Debug for SshKeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SshKeyPair")
            .field("public_openssh", &self.public_openssh)
            .finish_non_exhaustive()
    }
}

/// Generates a key pair in OpenSSH format.
pub fn generate_key(algorithm: KeyAlgorithm) -> anyhow::Result<SshKeyPair> {
    let data = match algorithm {
        KeyAlgorithm::Ecdsa(curve) => KeypairData::from(EcdsaKeypair::random(&mut OsRng, curve)?),
        KeyAlgorithm::Ed25519 => {
            return pair(PrivateKey::random(&mut OsRng, ssh_key::Algorithm::Ed25519)?);
        }
        KeyAlgorithm::Rsa { bits } => KeypairData::from(RsaKeypair::random(&mut OsRng, bits)?),
    };
    pair(PrivateKey::new(data, "")?)
}

fn pair(key: PrivateKey) -> anyhow::Result<SshKeyPair> {
    Ok(SshKeyPair {
        private_openssh: key.to_openssh(LineEnding::LF)?,
        public_openssh: key.public_key().to_openssh()?,
    })
}

/// A host and port `ssh-keyscan` may be given: an IP address, or a DNS name whose labels are
/// letters, digits, `-` and `_` and never start with `-`, so the host can never be read as one
/// of its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshHost {
    name: String,
    port: u16,
}

impl SshHost {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}

/// Host and port of an `ssh://[user@]host[:port]/path` URL.
pub fn ssh_host(url: &str) -> Result<SshHost, InvalidInput> {
    let shown = crate::redact::url(url);
    let parsed = url::Url::parse(url)
        .map_err(|e| InvalidInput::new(format!("invalid SSH URL {shown:?}: {e}")))?;
    if parsed.scheme() != "ssh" {
        return Err(InvalidInput::new(format!(
            "invalid SSH URL {shown:?}: the scheme must be ssh://"
        )));
    }
    let name = match parsed.host() {
        None => {
            return Err(InvalidInput::new(format!(
                "invalid SSH URL {shown:?}: no host"
            )));
        }
        Some(url::Host::Ipv4(ip)) => ip.to_string(),
        Some(url::Host::Ipv6(ip)) => ip.to_string(),
        Some(url::Host::Domain(name)) if is_host_name(name) => name.to_string(),
        Some(url::Host::Domain(name)) => {
            return Err(InvalidInput::new(format!(
                "invalid SSH URL {shown:?}: the host {name:?} must be an IP address or a DNS name \
                 (letters, digits, '-', '_' and '.', no part starting with '-')"
            )));
        }
    };
    Ok(SshHost {
        name,
        port: parsed.port().unwrap_or(22),
    })
}

fn is_host_name(name: &str) -> bool {
    name.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && label
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })
}

/// The host's public keys in known_hosts format, from `ssh-keyscan` (OpenSSH's own scanner,
/// so the lines are exactly what ssh would trust; `[host]:port` for other ports than 22).
/// Bounded by 10 s and by what is left of the command's `--timeout`; runs off the async
/// runtime.
pub async fn scan_known_hosts(host: &SshHost) -> anyhow::Result<String> {
    let (port, host) = (host.port, host.name.clone());
    let seconds = crate::lifecycle::bounded(std::time::Duration::from_secs(10))
        .as_secs()
        .max(1)
        .to_string();
    crate::lifecycle::set_activity(format!(
        "reading the SSH host keys of {host} port {port} with ssh-keyscan"
    ));
    let args = [
        "-T".to_string(),
        seconds,
        "-p".to_string(),
        port.to_string(),
        // The host is never an option (SshHost), and `--` says so to ssh-keyscan too.
        "--".to_string(),
        host.clone(),
    ];
    let output = crate::lifecycle::blocking(move || Command::new("ssh-keyscan").args(&args).output())
        .await?
        .map_err(|e| {
            anyhow::anyhow!(
                "cannot run ssh-keyscan to read {host}'s host keys: {e}; install OpenSSH's client or pass --secret-ref with an existing secret"
            )
        })?;
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    if lines.is_empty() {
        anyhow::bail!(
            "no SSH host keys from {host} port {port}: {}; check the URL, or pass --secret-ref with an existing secret",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let mut sorted = lines;
    sorted.sort_unstable();
    Ok(sorted.join("\n") + "\n")
}

/// The Secret source-controller reads SSH credentials from.
pub fn ssh_secret(name: &str, namespace: &str, key: &SshKeyPair, known_hosts: &str) -> Secret {
    let data: BTreeMap<String, ByteString> = [
        ("identity", key.private_openssh.as_bytes()),
        ("identity.pub", key.public_openssh.as_bytes()),
        ("known_hosts", known_hosts.as_bytes()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), ByteString(v.to_vec())))
    .collect();
    Secret {
        metadata: ObjectMeta {
            name: Some(name.to_string()),
            namespace: Some(namespace.to_string()),
            ..ObjectMeta::default()
        },
        data: Some(data),
        type_: Some("Opaque".to_string()),
        ..Secret::default()
    }
}

/// `algorithm base64` of an OpenSSH public key, without the comment, to compare keys.
pub fn key_material(key: &str) -> String {
    key.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
}

/// The public key stored in an existing credentials Secret, if it has one.
pub fn public_key_of(secret: &Secret) -> Option<String> {
    let bytes = secret.data.as_ref()?.get("identity.pub")?;
    String::from_utf8(bytes.0.clone()).ok()
}

/// A GitRepository's SSH Secret (`create secret git` over SSH): the key of `key_file`
/// (decrypted with `passphrase` to check it) or a new pair of `algorithm`, and `host`'s keys
/// as ssh-keyscan reads them. Returns the Secret and its public key, which is what the user
/// registers as a deploy key.
pub async fn git_ssh_secret(
    object: &ObjectOptions,
    host: &SshHost,
    key_file: Option<&std::path::Path>,
    passphrase: Option<&str>,
    algorithm: KeyAlgorithm,
) -> anyhow::Result<(Secret, String)> {
    let identity = match key_file {
        Some(path) => secret::load_private_key(path, passphrase)?,
        None => {
            let pair = generate_key(algorithm)?;
            secret::SshIdentity {
                private_openssh: pair.private_openssh.clone(),
                public_openssh: format!("{}\n", pair.public_openssh.trim_end()),
            }
        }
    };
    let known_hosts = scan_known_hosts(host).await?;
    let public_key = identity.public_openssh.trim_end().to_string();
    Ok((
        secret::git_ssh(object, &identity, &known_hosts, passphrase)?,
        public_key,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_parse_back_with_their_algorithm() {
        for (algorithm, prefix) in [
            (KeyAlgorithm::default(), "ecdsa-sha2-nistp384 "),
            (
                KeyAlgorithm::Ecdsa(EcdsaCurve::NistP256),
                "ecdsa-sha2-nistp256 ",
            ),
            (KeyAlgorithm::Ed25519, "ssh-ed25519 "),
        ] {
            let pair = generate_key(algorithm).unwrap();
            assert!(pair.public_openssh.starts_with(prefix), "{pair:?}");
            let parsed = PrivateKey::from_openssh(pair.private_openssh.as_bytes()).unwrap();
            assert_eq!(
                parsed.public_key().to_openssh().unwrap(),
                pair.public_openssh
            );
        }
    }

    #[test]
    fn debug_output_never_shows_the_private_key() {
        let pair = generate_key(KeyAlgorithm::Ed25519).unwrap();
        assert!(!format!("{pair:?}").contains("PRIVATE"));
    }

    #[test]
    fn ssh_hosts_come_from_ssh_urls_only() {
        let pair = |url: &str| ssh_host(url).map(|h| (h.name().to_string(), h.port()));
        assert_eq!(
            pair("ssh://git@github.com/org/app"),
            Ok(("github.com".to_string(), 22))
        );
        assert_eq!(
            pair("ssh://git@127.0.0.1:2222/org/app"),
            Ok(("127.0.0.1".to_string(), 2222))
        );
        // ssh-keyscan takes an IPv6 address without the URL's brackets.
        assert_eq!(
            pair("ssh://git@[::1]:2222/org/app"),
            Ok(("::1".to_string(), 2222))
        );
        assert_eq!(
            pair("ssh://git@git_host.internal/org/app"),
            Ok(("git_host.internal".to_string(), 22))
        );
        assert!(ssh_host("https://github.com/org/app").is_err());
    }

    #[test]
    fn a_host_that_could_be_read_as_an_option_or_is_no_host_name_is_refused() {
        for url in [
            "ssh://git@-oStrictHostKeyChecking=no:22/r",
            "ssh://git@-oProxyCommand=touch%20x/r",
            "ssh://git@host.-evil/r",
            "ssh://git@ho%20st/r",
            "ssh://git@host..example/r",
        ] {
            let err = ssh_host(url).unwrap_err().to_string();
            assert!(
                err.contains("must be an IP address or a DNS name") && !err.contains('\n'),
                "{url}: {err}"
            );
        }
    }

    #[test]
    fn the_secret_has_the_keys_source_controller_reads() {
        let pair = generate_key(KeyAlgorithm::Ed25519).unwrap();
        let secret = ssh_secret("app", "flux-system", &pair, "host ssh-ed25519 AAAA\n");
        let keys: Vec<&String> = secret.data.as_ref().unwrap().keys().collect();
        assert_eq!(keys, ["identity", "identity.pub", "known_hosts"]);
        assert_eq!(public_key_of(&secret).unwrap(), pair.public_openssh);
    }
}
