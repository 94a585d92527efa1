//! Exec credential plugins (client-go's `client.authentication.k8s.io` protocol), run by floe
//! rather than by kube. kube runs the plugin synchronously on the runtime's thread, twice per
//! client (once for a TLS identity, once for the token), and hands a token it has not checked
//! to tower-http, which panics on a line break. floe runs it once, as a child process on
//! tokio's process API (so the command's deadline and Ctrl-C stop it, and the child with it),
//! reads at most [`MAX_OUTPUT`] of what it prints, and turns its answer into what kube already
//! handles: a token (trimmed, checked as an HTTP header value) or a client certificate and key.
//! A token with an expiry is renewed before it runs out by [`RenewingToken`], on each request.

use std::process::Stdio;
use std::sync::Arc;

use kube::config::{ExecConfig, ExecInteractiveMode};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

/// The most floe reads of a plugin's stdout (a credential is a few KiB) and of its stderr.
pub const MAX_OUTPUT: u64 = 1024 * 1024;

/// A token is renewed when it has less than this left, as client-go treats it as expired.
const RENEW_BEFORE: jiff::SignedDuration = jiff::SignedDuration::from_secs(10);

/// Why a plugin gave no usable credential. Never holds what it printed on stdout (where the
/// credential is) or its environment.
#[derive(Debug, thiserror::Error)]
pub enum ExecError {
    #[error("the kubeconfig's exec section names no command")]
    NoCommand,
    #[error("cannot run {program}: {reason}")]
    Start { program: String, reason: String },
    #[error("{program} failed with {status}{}", stderr_tail(.stderr))]
    Failed {
        program: String,
        status: std::process::ExitStatus,
        stderr: String,
    },
    #[error("{program} printed more than {} MiB", MAX_OUTPUT / 1024 / 1024)]
    TooLarge { program: String },
    #[error("{program} did not print an ExecCredential on stdout ({reason})")]
    NotACredential { program: String, reason: String },
    #[error(
        "{program} returned a token an HTTP header cannot carry (a line break or another control character inside it)"
    )]
    BadToken { program: String },
    #[error("{program} returned neither a token nor a client certificate and key")]
    Empty { program: String },
    #[error("{program} needs a terminal (interactiveMode: Always) and standard input is not one")]
    NeedsTerminal { program: String },
}

/// The last lines of a plugin's stderr, as kubectl shows them.
fn stderr_tail(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = lines[lines.len().saturating_sub(5)..].join(" / ");
    if tail.is_empty() {
        String::new()
    } else {
        format!(": {tail}")
    }
}

/// What a plugin answered.
pub enum Credential {
    Token {
        token: SecretString,
        expires: Option<jiff::Timestamp>,
    },
    Identity {
        certificate: String,
        key: SecretString,
    },
}

/// What floe tells the plugin in `KUBERNETES_EXEC_INFO`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExecInfo<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    api_version: Option<&'a str>,
    kind: &'static str,
    spec: InfoSpec<'a>,
}

#[derive(Serialize)]
struct InfoSpec<'a> {
    interactive: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster: Option<&'a kube::config::ExecAuthCluster>,
}

/// The part of the plugin's answer floe reads.
#[derive(Deserialize)]
struct Answer {
    status: Option<Status>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Status {
    expiration_timestamp: Option<String>,
    token: Option<String>,
    client_certificate_data: Option<String>,
    client_key_data: Option<String>,
}

/// The program a plugin runs, to name it in messages.
pub fn program(exec: &ExecConfig) -> String {
    exec.command
        .clone()
        .unwrap_or_else(|| "the exec credential plugin".to_string())
}

/// Runs the plugin once and reads its answer.
pub async fn run(exec: &ExecConfig) -> Result<Credential, ExecError> {
    let program = program(exec);
    let Some(command) = &exec.command else {
        return Err(ExecError::NoCommand);
    };
    let stdin_is_terminal = std::io::IsTerminal::is_terminal(&std::io::stdin());
    // client-go: IfAvailable (the default) is interactive when standard input is a terminal.
    let interactive = match exec.interactive_mode {
        Some(ExecInteractiveMode::Never) => false,
        Some(ExecInteractiveMode::Always) if !stdin_is_terminal => {
            return Err(ExecError::NeedsTerminal { program });
        }
        _ => stdin_is_terminal,
    };
    let info = serde_json::to_string(&ExecInfo {
        api_version: exec.api_version.as_deref(),
        kind: "ExecCredential",
        spec: InfoSpec {
            interactive,
            cluster: exec.cluster.as_ref().filter(|_| exec.provide_cluster_info),
        },
    })
    .expect("the exec info is plain data");
    let mut child = tokio::process::Command::new(command);
    child
        .args(exec.args.iter().flatten())
        .envs(
            exec.env
                .iter()
                .flatten()
                .filter_map(|pair| Some((pair.get("name")?.as_str(), pair.get("value")?.as_str()))),
        )
        .env("KUBERNETES_EXEC_INFO", info)
        .stdout(Stdio::piped())
        .kill_on_drop(true);
    for name in exec.drop_env.iter().flatten() {
        child.env_remove(name);
    }
    if interactive {
        child.stdin(Stdio::inherit()).stderr(Stdio::inherit());
    } else {
        child.stdin(Stdio::null()).stderr(Stdio::piped());
    }
    let mut child = child.spawn().map_err(|e| ExecError::Start {
        program: program.clone(),
        reason: e.to_string(),
    })?;
    let failed_to_read = |e: std::io::Error| ExecError::Start {
        program: program.clone(),
        reason: e.to_string(),
    };
    // Both pipes at once (a plugin blocked on a full stderr pipe never ends its stdout); the
    // first to pass the cap ends the wait, and the child is killed as it is dropped.
    let (stdout, stderr) = tokio::try_join!(
        read_capped(child.stdout.take(), &program),
        read_capped(child.stderr.take(), &program)
    )?;
    let status = child.wait().await.map_err(failed_to_read)?;
    if !status.success() {
        return Err(ExecError::Failed {
            program,
            status,
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        });
    }
    credential(&program, &stdout)
}

/// All a plugin printed on `pipe` (nothing when it is not piped), up to [`MAX_OUTPUT`].
async fn read_capped(
    pipe: Option<impl tokio::io::AsyncRead + Unpin>,
    program: &str,
) -> Result<Vec<u8>, ExecError> {
    crate::lifecycle::read_capped(pipe, MAX_OUTPUT)
        .await
        .map_err(|e| ExecError::Start {
            program: program.to_string(),
            reason: e.to_string(),
        })?
        .ok_or_else(|| ExecError::TooLarge {
            program: program.to_string(),
        })
}

/// The credential in a plugin's answer.
fn credential(program: &str, stdout: &[u8]) -> Result<Credential, ExecError> {
    let not_a_credential = |reason: String| ExecError::NotACredential {
        program: program.to_string(),
        reason,
    };
    // serde_json's messages name a position, never the text around it.
    let answer: Answer =
        serde_json::from_slice(stdout).map_err(|e| not_a_credential(e.to_string()))?;
    let status = answer
        .status
        .ok_or_else(|| not_a_credential("it has no status".to_string()))?;
    if let (Some(certificate), Some(key)) = (status.client_certificate_data, status.client_key_data)
    {
        return Ok(Credential::Identity {
            certificate,
            key: key.into(),
        });
    }
    let Some(token) = status.token else {
        return Err(ExecError::Empty {
            program: program.to_string(),
        });
    };
    // Trimmed as client-go trims a token file: a plugin that ends its token with a line break
    // means the token without it.
    let token = token.trim();
    if !is_header_value(token) {
        return Err(ExecError::BadToken {
            program: program.to_string(),
        });
    }
    let expires = status
        .expiration_timestamp
        .map(|t| {
            t.parse::<jiff::Timestamp>().map_err(|e| {
                not_a_credential(format!("expirationTimestamp {t:?} is not a time: {e}"))
            })
        })
        .transpose()?;
    Ok(Credential::Token {
        token: token.to_string().into(),
        expires,
    })
}

/// Whether `Bearer <token>` can be an HTTP header value.
pub fn is_header_value(token: &str) -> bool {
    http::HeaderValue::from_str(&format!("Bearer {token}")).is_ok()
}

/// A plugin's token that expires: set on every request, renewed by running the plugin again
/// when less than [`RENEW_BEFORE`] is left.
#[derive(Clone)]
pub struct RenewingToken {
    exec: Arc<ExecConfig>,
    current: Arc<tokio::sync::Mutex<(SecretString, jiff::Timestamp)>>,
}

impl RenewingToken {
    pub fn new(exec: ExecConfig, token: SecretString, expires: jiff::Timestamp) -> Self {
        RenewingToken {
            exec: Arc::new(exec),
            current: Arc::new(tokio::sync::Mutex::new((token, expires))),
        }
    }

    async fn header(&self) -> Result<http::HeaderValue, ExecError> {
        let mut current = self.current.lock().await;
        if current.1 <= jiff::Timestamp::now() + RENEW_BEFORE {
            match run(&self.exec).await? {
                Credential::Token { token, expires } => {
                    // A renewed token without an expiry is kept for the rest of the command.
                    *current = (token, expires.unwrap_or(jiff::Timestamp::MAX));
                }
                Credential::Identity { .. } => {
                    return Err(ExecError::Empty {
                        program: program(&self.exec),
                    });
                }
            }
        }
        let mut value =
            http::HeaderValue::from_str(&format!("Bearer {}", current.0.expose_secret())).map_err(
                |_| ExecError::BadToken {
                    program: program(&self.exec),
                },
            )?;
        value.set_sensitive(true);
        Ok(value)
    }
}

impl<B: Send + 'static> tower::filter::AsyncPredicate<http::Request<B>> for RenewingToken {
    type Future = futures::future::BoxFuture<'static, Result<http::Request<B>, tower::BoxError>>;
    type Request = http::Request<B>;

    fn check(&mut self, mut request: http::Request<B>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move {
            let value = this.header().await?;
            request
                .headers_mut()
                .insert(http::header::AUTHORIZATION, value);
            Ok(request)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token_of(answer: &str) -> Result<(String, Option<jiff::Timestamp>), ExecError> {
        match credential("plugin", answer.as_bytes())? {
            Credential::Token { token, expires } => {
                Ok((token.expose_secret().to_string(), expires))
            }
            Credential::Identity { .. } => panic!("an identity"),
        }
    }

    #[test]
    fn a_token_is_trimmed_and_one_that_cannot_be_a_header_is_named_without_its_value() {
        let (token, expires) = token_of(r#"{"status":{"token":"abc\n"}}"#).unwrap();
        assert_eq!(token, "abc");
        assert_eq!(expires, None);
        let err = token_of(r#"{"status":{"token":"sec\nret"}}"#).unwrap_err();
        assert!(matches!(err, ExecError::BadToken { .. }), "{err}");
        assert!(!err.to_string().contains("sec"), "{err}");
    }

    #[test]
    fn answers_without_a_credential_are_named() {
        let err = token_of("not json {secret}").unwrap_err();
        assert!(matches!(err, ExecError::NotACredential { .. }), "{err}");
        assert!(!err.to_string().contains("secret"), "{err}");
        assert!(matches!(
            token_of(r#"{"status":{}}"#).unwrap_err(),
            ExecError::Empty { .. }
        ));
        assert!(matches!(
            token_of(r#"{"status":{"token":"t","expirationTimestamp":"soon"}}"#).unwrap_err(),
            ExecError::NotACredential { .. }
        ));
        let (_, expires) =
            token_of(r#"{"status":{"token":"t","expirationTimestamp":"2030-01-01T00:00:00Z"}}"#)
                .unwrap();
        assert_eq!(expires, Some("2030-01-01T00:00:00Z".parse().unwrap()));
    }

    #[test]
    fn the_stderr_tail_is_the_last_five_lines() {
        let err = ExecError::Failed {
            program: "p".into(),
            status: std::process::ExitStatus::default(),
            stderr: "1\n2\n\n3\n4\n5\n6\n".into(),
        };
        assert!(err.to_string().ends_with(": 2 / 3 / 4 / 5 / 6"), "{err}");
    }

    #[tokio::test]
    async fn a_plugin_runs_once_with_its_arguments_environment_and_exec_info() {
        let exec: ExecConfig = serde_json::from_value(serde_json::json!({
            "apiVersion": "client.authentication.k8s.io/v1",
            "command": "/bin/sh",
            "args": ["-c", "printf '{\"status\":{\"token\":\"%s-%s\"}}' \"$1\" \"$T\"; echo \"$KUBERNETES_EXEC_INFO\" >&2; exit 0", "sh", "arg"],
            "env": [{"name": "T", "value": "env"}],
            "interactiveMode": "Never"
        }))
        .unwrap();
        let Credential::Token { token, .. } = run(&exec).await.unwrap() else {
            panic!("no token");
        };
        assert_eq!(token.expose_secret(), "arg-env");

        let mut failing = exec.clone();
        failing.args = Some(vec![
            "-c".into(),
            "echo \"$KUBERNETES_EXEC_INFO\" >&2; exit 4".into(),
        ]);
        let err = run(&failing).await.err().unwrap().to_string();
        assert!(err.contains("/bin/sh failed with exit status: 4"), "{err}");
        assert!(
            err.contains(r#"{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":false}}"#),
            "{err}"
        );
    }

    #[tokio::test]
    async fn a_plugin_that_prints_without_end_is_cut_at_the_cap() {
        let exec: ExecConfig = serde_json::from_value(serde_json::json!({
            "command": "yes",
            "interactiveMode": "Never"
        }))
        .unwrap();
        let err = run(&exec).await.err().unwrap();
        assert!(matches!(err, ExecError::TooLarge { .. }), "{err}");
    }
}
