//! Flag behaviour that makes floe's flags work like Flux's (Go pflag) flags, so scripts move
//! over unchanged.

use clap::ArgAction;

use crate::usage::InvalidInput;

/// A flag over a [`Choice`]: help and completions list its names; anything else is a usage
/// error naming the allowed values.
pub fn choice<T: crate::usage::Choice>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(T::ALL.iter().map(|v| v.as_str())).map(|name| {
        *T::ALL
            .iter()
            .find(|v| v.as_str() == name)
            .expect("the parser accepts listed names only")
    })
}

/// Go's `strconv.ParseBool`, so `--prune=true`, `--prune=1` and `--prune=False` work as in Flux.
pub fn go_bool(value: &str) -> Result<bool, String> {
    match value {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Ok(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Ok(false),
        _ => Err("expected true or false".to_string()),
    }
}

/// Turns every on/off flag in the tree into a pflag-style boolean: `--prune` means true and
/// `--prune=false` turns it off. The value must be attached with `=`, as in pflag, so a
/// following positional argument is never taken for it.
pub fn with_go_bool_flags(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|arg| {
        if matches!(arg.get_action(), ArgAction::SetTrue) {
            arg.action(ArgAction::Set)
                .num_args(0..=1)
                .require_equals(true)
                .default_missing_value("true")
                .default_value("false")
                .hide_default_value(true)
                .hide_possible_values(true)
                .value_parser(go_bool)
                .value_name("BOOL")
        } else {
            arg
        }
    })
    .mut_subcommands(with_go_bool_flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_go_spellings_only() {
        for t in ["1", "t", "T", "true", "TRUE", "True"] {
            assert_eq!(go_bool(t), Ok(true));
        }
        for f in ["0", "f", "F", "false", "FALSE", "False"] {
            assert_eq!(go_bool(f), Ok(false));
        }
        assert!(go_bool("yes").is_err());
        assert!(go_bool("").is_err());
    }
}

/// How to generate an SSH key (bootstrap, `create secret git`), with flux's flags.
#[derive(Debug, Clone, clap::Args)]
pub struct SshKeyFlags {
    /// Algorithm of a generated SSH key
    #[arg(long = "ssh-key-algorithm", value_enum, default_value = "ecdsa")]
    pub ssh_key_algorithm: SshKeyAlgorithm,
    /// Curve of a generated ECDSA key
    #[arg(long = "ssh-ecdsa-curve", value_enum, default_value = "p384")]
    pub ssh_ecdsa_curve: EcdsaCurve,
    /// Size of a generated RSA key in bits (2048 to 8192)
    #[arg(long = "ssh-rsa-bits", default_value_t = 2048, value_name = "BITS")]
    pub ssh_rsa_bits: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SshKeyAlgorithm {
    Ecdsa,
    Ed25519,
    Rsa,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EcdsaCurve {
    P256,
    P384,
    P521,
}

impl SshKeyFlags {
    pub fn algorithm(
        &self,
    ) -> Result<crate::credentials::KeyAlgorithm, crate::usage::InvalidInput> {
        use crate::credentials::KeyAlgorithm;
        Ok(match self.ssh_key_algorithm {
            SshKeyAlgorithm::Ed25519 => KeyAlgorithm::Ed25519,
            SshKeyAlgorithm::Ecdsa => KeyAlgorithm::Ecdsa(match self.ssh_ecdsa_curve {
                EcdsaCurve::P256 => ssh_key::EcdsaCurve::NistP256,
                EcdsaCurve::P384 => ssh_key::EcdsaCurve::NistP384,
                EcdsaCurve::P521 => ssh_key::EcdsaCurve::NistP521,
            }),
            SshKeyAlgorithm::Rsa => {
                let bits = self.ssh_rsa_bits;
                if !(2048..=8192).contains(&bits) || !bits.is_multiple_of(8) {
                    return Err(crate::usage::InvalidInput::new(format!(
                        "invalid --ssh-rsa-bits {bits}: allowed are multiples of 8 from 2048 to 8192"
                    )));
                }
                KeyAlgorithm::Rsa { bits }
            }
        })
    }
}

/// How floe reads (and pushes to) the Git repository of a source, with bootstrap's flags.
/// Each provider's token (`GITHUB_TOKEN`, `GITLAB_TOKEN`, `GITEA_TOKEN`, `BITBUCKET_TOKEN`) goes
/// to that provider's one host; with no token or password for a URL, Git's credential helpers
/// answer as for `git fetch`.
#[derive(Debug, Clone, clap::Args)]
pub struct GitAccessFlags {
    /// Git user name for HTTPS (default: git, or what the token's provider expects)
    #[arg(long, value_name = "NAME", global = true)]
    pub username: Option<String>,
    /// Git password or token for HTTPS; visible to other users in `ps`: prefer
    /// --password-stdin, FLOE_GIT_PASSWORD or a provider's token variable
    #[arg(long, value_name = "PASSWORD", global = true)]
    pub password: Option<String>,
    /// Read the Git password or token for HTTPS from stdin (as `docker login --password-stdin`)
    #[arg(long = "password-stdin", global = true, conflicts_with = "password")]
    pub password_stdin: bool,
    /// SSH private key for ssh:// URLs (default: the SSH agent)
    #[arg(long = "private-key-file", value_name = "FILE", global = true)]
    pub private_key_file: Option<std::path::PathBuf>,
    /// CA certificate of a Git server with a private CA
    #[arg(long = "ca-file", value_name = "FILE", global = true)]
    pub ca_file: Option<std::path::PathBuf>,
    /// The Git host the provider's token belongs to: GitHub Enterprise, self-managed GitLab,
    /// Gitea or Bitbucket Server (HOST or HOST:PORT; default: github.com, gitlab.com)
    #[arg(long, value_name = "HOST", global = true)]
    pub hostname: Option<String>,
    /// Whose token --hostname gets: github (GITHUB_TOKEN), gitlab (GITLAB_TOKEN), gitea
    /// (GITEA_TOKEN) or bitbucket-server (BITBUCKET_TOKEN)
    #[arg(long, value_name = "PROVIDER", global = true, default_value = "github",
          value_parser = choice::<crate::host::Provider>())]
    pub provider: crate::host::Provider,
}

/// The variable `--password` can be given in instead of the command line.
pub const GIT_PASSWORD_ENV: &str = "FLOE_GIT_PASSWORD";

impl GitAccessFlags {
    /// The hosts a source's repository is read from: each provider's token for its own host
    /// only, and these flags' credentials for any server.
    pub fn host(&self, ui: &super::ui::Ui) -> anyhow::Result<crate::host::Hosts> {
        use crate::host::{Provider, Token};
        use crate::usage::Choice;
        let provider = self.provider;
        let hostname = match &self.hostname {
            Some(name) => Some(crate::host::hostname(name).ok_or_else(|| {
                InvalidInput::new(format!(
                    "invalid --hostname '{name}': give HOST or HOST:PORT, without a scheme or path"
                ))
            })?),
            None => None,
        };
        if hostname.is_none() && provider.public_host().is_none() {
            return Err(InvalidInput::new(format!(
                "--provider {0} needs --hostname: {0} has no public host",
                provider.as_str()
            ))
            .into());
        }
        if let Some(ca) = &self.ca_file {
            crate::git::trust_ca_file(ca)?;
        }
        let password = if self.password_stdin {
            // A password or token is short: more than 64 KiB is not one (and is not read).
            const CAP: u64 = 64 * 1024;
            let mut text = zeroize::Zeroizing::new(String::new());
            std::io::Read::read_to_string(
                &mut std::io::Read::take(std::io::stdin().lock(), CAP + 1),
                &mut text,
            )
            .map_err(|e| anyhow::anyhow!("cannot read the password from stdin: {e}"))?;
            if text.len() as u64 > CAP {
                return Err(InvalidInput::new(
                    "--password-stdin read more than 64 KiB: pipe only the password or token",
                )
                .into());
            }
            let trimmed = text.trim_end_matches(['\r', '\n']);
            if trimmed.is_empty() {
                return Err(InvalidInput::new(
                    "--password-stdin read an empty password: pipe the password or token to floe",
                )
                .into());
            }
            Some(zeroize::Zeroizing::new(trimmed.to_string()))
        } else if let Some(password) = &self.password {
            if ui.interactive {
                ui.step(
                    super::ui::Mark::Warning,
                    &format!("--password is visible to other users and kept in shell history: use --password-stdin or {GIT_PASSWORD_ENV}"),
                );
            }
            Some(zeroize::Zeroizing::new(password.clone()))
        } else {
            env_secret(GIT_PASSWORD_ENV)
        };
        let given = crate::host::PlainGit {
            username: self.username.clone(),
            password,
            private_key_file: self.private_key_file.clone(),
        };
        let tokens = Provider::ALL
            .iter()
            .copied()
            .filter_map(|p| {
                let hostname = if p == provider {
                    hostname.clone().or(p.public_host().map(str::to_string))
                } else {
                    p.public_host().map(str::to_string)
                }?;
                Some(Token {
                    provider: p,
                    hostname,
                    token: env_secret(p.token_env())?,
                })
            })
            .collect();
        Ok(crate::host::Hosts { tokens, given })
    }
}

/// A non-blank environment variable, held as a secret.
fn env_secret(name: &str) -> Option<zeroize::Zeroizing<String>> {
    std::env::var(name)
        .ok()
        .filter(|t| !t.trim().is_empty())
        .map(zeroize::Zeroizing::new)
}
