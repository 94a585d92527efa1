//! `trigger receiver`: the request a Receiver's webhook expects, sent from outside the
//! cluster as flux's `trigger receiver` sends it. The path is the Receiver's own
//! (`/hook/` and the SHA-256 of token, name and namespace, as notification-controller derives
//! it), the body the payload; `generic-hmac` signs it (`X-Signature: sha256=<HMAC>`),
//! `generic-oidc` sends a bearer token. Connection failures and 404/408/429/5xx are retried.
//! With a cluster, [`wait_for_resources`] then waits until every resource the Receiver names
//! has handled the request notification-controller made.

use std::time::Duration;

use hmac::{Hmac, Mac};
use kube::ResourceExt;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::cluster::Cluster;
use crate::converge::{Converged, converge};
use crate::kinds::{FluxKind, ObjectRef, Observed};

/// How the request proves itself.
pub enum Auth {
    /// `generic`: the token is only in the path.
    Generic(Zeroizing<String>),
    /// `generic-hmac`: the token is in the path and signs the body.
    Hmac(Zeroizing<String>),
    /// `generic-oidc`: no token in the path; an OIDC token as bearer.
    Oidc(Zeroizing<String>),
}

pub struct TriggerOptions {
    pub name: String,
    pub namespace: String,
    /// The notification-controller's webhook base URL (it may hold a base path).
    pub url: String,
    pub auth: Auth,
    pub payload: Vec<u8>,
    pub retries: u32,
    pub retry_delay: Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum TriggerError {
    #[error("request to the webhook of Receiver {receiver} at {url} failed: {detail}")]
    Transport {
        receiver: String,
        url: String,
        detail: String,
    },
    #[error(
        "the webhook of Receiver {receiver} at {url} answered {status}{message}; check the Receiver's name, namespace, type and token"
    )]
    Status {
        receiver: String,
        url: String,
        status: u16,
        message: String,
    },
}

/// The Receiver's webhook path for `token` (empty for `generic-oidc`).
pub fn webhook_path(token: &str, name: &str, namespace: &str) -> String {
    let digest = Sha256::digest(format!("{token}{name}{namespace}").as_bytes());
    format!("/hook/{}", hex::encode(digest))
}

/// `sha256=<hex HMAC-SHA256 of payload keyed by token>`.
pub fn signature(token: &str, payload: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(token.as_bytes()).expect("any key length");
    mac.update(payload);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Sends the request, retrying what flux retries; `on_retry` hears of each retry.
pub async fn trigger(
    opts: &TriggerOptions,
    on_retry: &(dyn Fn(&str, u32) + Sync),
) -> anyhow::Result<()> {
    let receiver = format!("{}/{}", opts.namespace, opts.name);
    let path_token = match &opts.auth {
        Auth::Generic(t) | Auth::Hmac(t) => t.as_str(),
        Auth::Oidc(_) => "",
    };
    let url = format!(
        "{}{}",
        opts.url.trim_end_matches('/'),
        webhook_path(path_token, &opts.name, &opts.namespace)
    );
    // The path is as good as the token for a generic Receiver: messages show the base only.
    let shown = format!(
        "{}/hook/…",
        crate::redact::url(opts.url.trim_end_matches('/'))
    );
    let client = crate::host::rest::http_client(None)?;
    let mut attempt = 0;
    loop {
        crate::lifecycle::set_activity(format!("sending the webhook of Receiver {receiver}"));
        let mut request = client
            .post(&url)
            .header(http::header::CONTENT_TYPE, "application/json")
            .body(opts.payload.clone());
        match &opts.auth {
            Auth::Generic(_) => {}
            Auth::Hmac(token) => {
                request = request.header("X-Signature", signature(token, &opts.payload));
            }
            Auth::Oidc(token) => {
                request = request.bearer_auth(token.as_str());
            }
        }
        let (retryable, error) = match request.send().await {
            Err(e) => (
                true,
                TriggerError::Transport {
                    receiver: receiver.clone(),
                    url: shown.clone(),
                    detail: crate::cluster::error_chain(&e),
                },
            ),
            Ok(response) if response.status().is_success() => return Ok(()),
            Ok(response) => {
                let status = response.status().as_u16();
                let body = first_bytes(response, 4096).await;
                let message = body.trim();
                (
                    matches!(status, 404 | 408 | 429 | 500 | 502 | 503 | 504),
                    TriggerError::Status {
                        receiver: receiver.clone(),
                        url: shown.clone(),
                        status,
                        message: if message.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", message.lines().next().unwrap_or_default())
                        },
                    },
                )
            }
        };
        if !retryable || attempt >= opts.retries {
            return Err(error.into());
        }
        attempt += 1;
        on_retry(&error.to_string(), attempt);
        tokio::time::sleep(crate::lifecycle::bounded(opts.retry_delay)).await;
    }
}

/// The reconcile request each resource of Receiver `namespace/name` last had, before the
/// trigger: a named resource of a kind floe knows, in the Receiver's namespace unless it
/// names another. Resources by label (`name: "*"`) are returned as skipped.
pub async fn receiver_resources(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
) -> anyhow::Result<(Vec<(ObjectRef, Option<String>)>, Vec<String>)> {
    let receiver = ObjectRef::parse(FluxKind::Receiver, namespace, name)?;
    let object = receiver.fetch(cluster).await?;
    let mut named = Vec::new();
    let mut skipped = Vec::new();
    for resource in object.data["spec"]["resources"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let kind = resource["kind"].as_str().unwrap_or_default();
        let name = resource["name"].as_str().unwrap_or_default();
        let ns = resource["namespace"].as_str().unwrap_or(namespace);
        match ObjectRef::named(kind, ns, name) {
            Some(target) if name != "*" => {
                let before = target
                    .fetch(cluster)
                    .await?
                    .annotations()
                    .get(crate::objects::REQUESTED_AT)
                    .cloned();
                named.push((target, before));
            }
            _ => skipped.push(format!("{kind}/{name}")),
        }
    }
    Ok((named, skipped))
}

/// Waits until each resource has a new reconcile request and has handled it (Ready or not:
/// the request reached its controller), by `deadline`.
pub async fn wait_for_resources(
    cluster: &Cluster,
    resources: &[(ObjectRef, Option<String>)],
    deadline: tokio::time::Instant,
) -> anyhow::Result<()> {
    for (target, before) in resources {
        let handled = |o: &Observed| {
            o.requested_at.is_some()
                && o.requested_at != *before
                && o.last_handled_reconcile_at == o.requested_at
        };
        let never = |_: &Observed| false;
        match converge(cluster, target, handled, never, deadline).await? {
            Converged::Reached(_) => {}
            Converged::Stopped(_) => unreachable!("never stops"),
            Converged::TimedOut(_) => anyhow::bail!(
                "{target} was not asked to reconcile, or did not handle it, before the timeout; check the Receiver's events (floe events --for Receiver/...)"
            ),
            Converged::ControllerDown(reason) => {
                anyhow::bail!("{target} cannot reconcile: {reason}")
            }
        }
    }
    Ok(())
}

/// The start of an answer's body, as text: enough for an error message, never more.
async fn first_bytes(mut response: reqwest::Response, max: usize) -> String {
    let mut bytes = Vec::new();
    while bytes.len() < max {
        match response.chunk().await {
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            _ => break,
        }
    }
    bytes.truncate(max);
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_hmac_sha256_as_rfc_4231_computes_it() {
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn the_path_digests_token_name_and_namespace_in_that_order() {
        let path = webhook_path("t", "n", "ns");
        assert_eq!(
            path,
            format!("/hook/{}", hex::encode(Sha256::digest(b"tnns")))
        );
        assert_ne!(path, webhook_path("t", "n", "other"));
    }
}
