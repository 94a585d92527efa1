//! The HTTP client of the REST APIs floe calls without a vendor crate (Gitea, GitLab,
//! Bitbucket Server): one host, its token in one header, answers read with a size cap and
//! bounded by the command's `--timeout`, no redirects followed (the token would go with
//! them), a short `Retry-After` waited out, and every error status turned into an
//! [`ApiError`] that says what to do.

use std::path::Path;
use std::time::Duration;

use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use serde_json::Value;

use super::Provider;
use crate::usage::InvalidInput;

/// The largest API answer floe reads.
pub const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;
/// More pages than any repository has deploy keys for.
pub const MAX_PAGES: usize = 100;
/// How long floe waits on a `Retry-After` before giving up and reporting the limit.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{provider} at {host} rejected the token (401); check {env}")]
    BadCredentials {
        provider: &'static str,
        host: String,
        env: &'static str,
    },
    #[error("{what}: not found (404); check the name, and that the token can see it")]
    NotFound { what: String },
    #[error("{what}: {message} ({status})")]
    Invalid {
        what: String,
        status: u16,
        message: String,
    },
    #[error("{provider} API rate limit exceeded{reset}; wait and run the command again")]
    RateLimited {
        provider: &'static str,
        reset: String,
    },
    #[error("{what}: forbidden (403): {message}; check the token's scopes and your role")]
    Forbidden { what: String, message: String },
    #[error("{what}: {provider} answered {status}: {message}")]
    Status {
        what: String,
        provider: &'static str,
        status: u16,
        message: String,
    },
    #[error(
        "{what}: the API at {host} redirected to {to}; floe does not follow API redirects, so the token never goes elsewhere: check --hostname"
    )]
    Redirect {
        what: String,
        host: String,
        to: String,
    },
    #[error("cannot reach the {provider} API at {url}: {detail}")]
    Transport {
        provider: &'static str,
        url: String,
        detail: String,
    },
    #[error("{what}: unexpected answer from {provider}: {detail}")]
    Decode {
        what: String,
        provider: &'static str,
        detail: String,
    },
    #[error("{what}: the answer is larger than floe accepts ({limit}); check --hostname")]
    TooLarge { what: String, limit: String },
}

/// One answer: its headers and its JSON body (`Null` when empty).
pub struct Answer {
    pub headers: HeaderMap,
    pub body: Value,
}

/// A REST API root on one host, with the token's header.
pub struct Rest {
    http: reqwest::Client,
    provider: Provider,
    host: String,
    base: String,
    auth: (HeaderName, HeaderValue),
}

impl std::fmt::Debug for Rest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("Rest")
            .field("provider", &self.provider)
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

/// `segment` percent-encoded as one path segment (GitLab's `group%2Fproject` ids too).
pub fn segment(segment: &str) -> String {
    url::form_urlencoded::byte_serialize(segment.as_bytes()).collect()
}

/// The `reqwest` client every API client of floe uses: floe's user agent, connection and
/// request time bounded by what is left of `--timeout`, `ca_file` added to the roots, and
/// redirects not followed.
pub fn http_client(ca_file: Option<&Path>) -> anyhow::Result<reqwest::Client> {
    crate::install_crypto_provider();
    let mut http = reqwest::Client::builder()
        .user_agent(concat!("floe/", env!("CARGO_PKG_VERSION")))
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(crate::lifecycle::bounded(Duration::from_secs(15)))
        .timeout(crate::lifecycle::bounded(Duration::from_secs(60)));
    if let Some(path) = ca_file {
        let pem = std::fs::read(path).map_err(|e| {
            InvalidInput::new(format!("cannot read --ca-file {}: {e}", path.display()))
        })?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
            InvalidInput::new(format!(
                "--ca-file {} is not a PEM certificate bundle: {e}",
                path.display()
            ))
        })?;
        http = http.tls_certs_merge(certs);
    }
    Ok(http.build()?)
}

impl Rest {
    /// A client of `https://HOSTNAME{api_path}` sending `auth` with every request.
    pub fn new(
        provider: Provider,
        hostname: &str,
        api_path: &str,
        auth: (HeaderName, HeaderValue),
        ca_file: Option<&Path>,
    ) -> anyhow::Result<Rest> {
        let (name, mut value) = auth;
        value.set_sensitive(true);
        Ok(Rest {
            http: http_client(ca_file)?,
            provider,
            host: hostname.to_string(),
            base: format!("https://{hostname}{api_path}"),
            auth: (name, value),
        })
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    fn name(&self) -> &'static str {
        self.provider.display_name()
    }

    /// `GET`, with 404 as `None`.
    pub async fn find(&self, path: &str, what: &str) -> Result<Option<Value>, ApiError> {
        match self.send(Method::GET, path, None, what).await {
            Ok(answer) => Ok(Some(answer.body)),
            Err(ApiError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every item of a paged list: `page` reads one answer into its items and the path of
    /// the next page, if any.
    pub async fn pages(
        &self,
        first: String,
        what: &str,
        page: impl Fn(&Answer) -> Result<(Vec<Value>, Option<String>), String>,
    ) -> Result<Vec<Value>, ApiError> {
        let mut items = Vec::new();
        let mut next = Some(first);
        let mut pages = 0;
        while let Some(path) = next.take() {
            pages += 1;
            if pages > MAX_PAGES {
                return Err(ApiError::TooLarge {
                    what: what.to_string(),
                    limit: format!("{MAX_PAGES} pages"),
                });
            }
            let answer = self.send(Method::GET, &path, None, what).await?;
            let (more, after) = page(&answer).map_err(|detail| self.decode(what, detail))?;
            items.extend(more);
            next = after;
        }
        Ok(items)
    }

    /// The path (from the API root) of a `Link: rel="next"` URL on this API; `None` for a
    /// link elsewhere, which is never followed.
    pub fn next_link(&self, headers: &HeaderMap) -> Option<String> {
        let link = headers.get(http::header::LINK)?.to_str().ok()?;
        let url = super::github::next_link(link)?;
        url.strip_prefix(&self.base).map(str::to_string)
    }

    pub fn decode(&self, what: &str, detail: impl Into<String>) -> ApiError {
        ApiError::Decode {
            what: what.to_string(),
            provider: self.name(),
            detail: detail.into(),
        }
    }

    /// One request to `path` (from the API root, query included).
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        what: &str,
    ) -> Result<Answer, ApiError> {
        let url = format!("{}{path}", self.base);
        crate::lifecycle::set_activity(format!(
            "asking the {} API at {} for {what}",
            self.name(),
            self.base
        ));
        let mut retries = 0;
        loop {
            let mut request = self
                .http
                .request(method.clone(), &url)
                .header(self.auth.0.clone(), self.auth.1.clone())
                .header(http::header::ACCEPT, "application/json")
                .timeout(crate::lifecycle::bounded(Duration::from_secs(60)));
            if let Some(body) = body {
                request = request.json(body);
            }
            let response = request.send().await.map_err(|e| ApiError::Transport {
                provider: self.name(),
                url: self.base.clone(),
                detail: crate::cluster::error_chain(&e),
            })?;
            let status = response.status();
            let headers = response.headers().clone();
            let bytes = read_capped(response, MAX_RESPONSE_BYTES)
                .await
                .map_err(|e| match e {
                    ReadError::TooLarge => self.too_large(what),
                    ReadError::Transport(e) => ApiError::Transport {
                        provider: self.name(),
                        url: self.base.clone(),
                        detail: crate::cluster::error_chain(&e),
                    },
                })?;
            let text = String::from_utf8_lossy(&bytes);
            if status.is_success() {
                let body = if text.trim().is_empty() {
                    Value::Null
                } else {
                    serde_json::from_str(&text).map_err(|e| self.decode(what, e.to_string()))?
                };
                return Ok(Answer { headers, body });
            }
            if let Some(wait) = retry_after(status, &headers)
                && wait <= MAX_RETRY_AFTER
                && retries < 2
            {
                retries += 1;
                tokio::time::sleep(wait).await;
                continue;
            }
            return Err(self.error(status, &headers, &text, what));
        }
    }

    fn too_large(&self, what: &str) -> ApiError {
        ApiError::TooLarge {
            what: what.to_string(),
            limit: format!("{} MiB", MAX_RESPONSE_BYTES / (1024 * 1024)),
        }
    }

    fn error(&self, status: StatusCode, headers: &HeaderMap, text: &str, what: &str) -> ApiError {
        let what = what.to_string();
        let message = error_message(text);
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        if status.is_redirection() {
            let to = header("location")
                .map(crate::redact::url)
                .unwrap_or_else(|| "another address".into());
            return ApiError::Redirect {
                what,
                host: self.host.clone(),
                to,
            };
        }
        match status {
            StatusCode::UNAUTHORIZED => ApiError::BadCredentials {
                provider: self.name(),
                host: self.host.clone(),
                env: self.provider.token_env(),
            },
            StatusCode::NOT_FOUND => ApiError::NotFound { what },
            StatusCode::BAD_REQUEST | StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY => {
                ApiError::Invalid {
                    what,
                    status: status.as_u16(),
                    message,
                }
            }
            StatusCode::TOO_MANY_REQUESTS => ApiError::RateLimited {
                provider: self.name(),
                reset: header("retry-after")
                    .map(|s| format!(" (retry after {s}s)"))
                    .unwrap_or_default(),
            },
            StatusCode::FORBIDDEN => ApiError::Forbidden { what, message },
            _ => ApiError::Status {
                what,
                provider: self.name(),
                status: status.as_u16(),
                message,
            },
        }
    }
}

/// Why a body was not read whole.
#[derive(Debug)]
pub enum ReadError {
    /// Larger than the cap (by its Content-Length, or while it streamed in).
    TooLarge,
    Transport(reqwest::Error),
}

/// A response's body, refused once it is larger than `limit` bytes: by its Content-Length, or
/// while it streams in (a chunked answer has no length to refuse it by).
pub async fn read_capped(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, ReadError> {
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(ReadError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(ReadError::Transport)? {
        if body.len() + chunk.len() > limit {
            return Err(ReadError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// The message of an error body as the three APIs write it: `{"message": "..."}` (Gitea,
/// GitLab, where it may be an object of field errors), `{"error": "..."}` (GitLab), or
/// `{"errors": [{"message": "..."}]}` (Bitbucket Server). Cut to one short line.
fn error_message(text: &str) -> String {
    let body: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let message = match (&body["message"], &body["error"], &body["errors"]) {
        (Value::String(m), _, _) => m.clone(),
        (Value::Object(fields), _, _) => fields
            .iter()
            .map(|(field, errors)| {
                let errors: Vec<String> = match errors {
                    Value::Array(list) => list
                        .iter()
                        .map(|e| e.as_str().map(str::to_string).unwrap_or(e.to_string()))
                        .collect(),
                    other => vec![
                        other
                            .as_str()
                            .map(str::to_string)
                            .unwrap_or(other.to_string()),
                    ],
                };
                format!("{field} {}", errors.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; "),
        (_, Value::String(e), _) => e.clone(),
        (_, _, Value::Array(errors)) => errors
            .iter()
            .filter_map(|e| e["message"].as_str())
            .collect::<Vec<_>>()
            .join("; "),
        _ => text.trim().to_string(),
    };
    let line: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
    line.chars().take(300).collect()
}

/// How long a 429 or 503 asks to wait (`Retry-After`, seconds), if it says.
fn retry_after(status: StatusCode, headers: &HeaderMap) -> Option<Duration> {
    if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE {
        return None;
    }
    let seconds: u64 = headers
        .get("retry-after")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_of_each_api_become_one_line() {
        assert_eq!(
            error_message(r#"{"message":"404 Project Not Found"}"#),
            "404 Project Not Found"
        );
        assert_eq!(
            error_message(
                r#"{"message":{"name":["has already been taken"],"path":["is too short"]}}"#
            ),
            "name has already been taken; path is too short"
        );
        assert_eq!(
            error_message(
                r#"{"errors":[{"context":null,"message":"A repository with name 'fleet' already exists.","exceptionName":"x"}]}"#
            ),
            "A repository with name 'fleet' already exists."
        );
        assert_eq!(error_message("plain\ntext"), "plain text");
    }

    #[test]
    fn path_segments_are_encoded_whole() {
        assert_eq!(segment("group/sub/fleet"), "group%2Fsub%2Ffleet");
        assert_eq!(segment("~ALICE"), "%7EALICE");
    }
}
