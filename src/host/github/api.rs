//! The GitHub REST API calls bootstrap makes, through octocrab: the token's user and scopes,
//! the repository, team access, the host keys, and deploy keys.
//!
//! Requests go through octocrab's raw methods so floe can read the headers GitHub answers
//! with (`x-oauth-scopes`, `x-ratelimit-*`, `retry-after`, `link`) and turn every documented
//! error status into a message that says what to do.

use std::path::Path;
use std::time::Duration;

use http::{HeaderMap, Method, StatusCode};
use octocrab::Octocrab;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use zeroize::Zeroizing;

use crate::usage::InvalidInput;

/// The public GitHub host; any other `--hostname` is a GitHub Enterprise Server.
pub const GITHUB_COM: &str = "github.com";

/// How long floe waits on a `retry-after` before giving up and reporting the limit.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(10);
/// More pages than any repository has deploy keys for (GitHub pages by 100).
pub const MAX_PAGES: usize = 100;
/// The largest API answer floe reads.
pub const MAX_RESPONSE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum GitHubError {
    #[error("GitHub at {host} rejected the token (401 bad credentials); check GITHUB_TOKEN")]
    BadCredentials { host: String },
    #[error(
        "the token lacks the `{needed}` scope (it has: {granted}); create a token with the `{needed}` scope"
    )]
    MissingScope { needed: String, granted: String },
    #[error("{what}: not found (404); check the name, and that the token can see it")]
    NotFound { what: String },
    #[error("{what}: {message} (422)")]
    Invalid { what: String, message: String },
    #[error("GitHub API rate limit exceeded{reset}; wait and run the command again")]
    RateLimited { reset: String },
    #[error("{what}: forbidden (403): {message}")]
    Forbidden { what: String, message: String },
    #[error("{what}: GitHub answered {status}: {message}")]
    Status {
        what: String,
        status: u16,
        message: String,
    },
    #[error("cannot reach the GitHub API at {url}: {detail}")]
    Transport { url: String, detail: String },
    #[error("{what}: unexpected answer from GitHub: {detail}")]
    Decode { what: String, detail: String },
    #[error("{what}: the answer is larger than floe accepts ({limit}); check --hostname")]
    TooLarge { what: String, limit: String },
}

/// The token's user.
#[derive(Debug, Clone, Serialize)]
pub struct TokenUser {
    pub login: String,
    /// `x-oauth-scopes`: present for classic tokens, absent for fine-grained ones.
    pub scopes: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Repository {
    pub full_name: String,
    pub private: bool,
    pub default_branch: Option<String>,
    pub html_url: String,
    pub clone_url: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct DeployKey {
    pub id: u64,
    pub title: String,
    pub key: String,
    pub read_only: bool,
}

/// A GitHub (or GitHub Enterprise Server) host and a token for it.
pub struct GitHub {
    crab: Octocrab,
    host: String,
    api_url: String,
}

impl std::fmt::Debug for GitHub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GitHub")
            .field("host", &self.host)
            .field("api_url", &self.api_url)
            .finish_non_exhaustive()
    }
}

/// The REST API root of a host: api.github.com, or `https://HOST/api/v3` for Enterprise.
pub fn api_url(hostname: &str) -> String {
    if hostname == GITHUB_COM {
        "https://api.github.com".to_string()
    } else {
        format!("https://{hostname}/api/v3")
    }
}

/// Checks `--hostname`: `HOST[:PORT]`, no scheme or path.
pub fn validate_hostname(hostname: &str) -> Result<(), InvalidInput> {
    validate_host_flag("--hostname", hostname, "github.example.com")
}

/// Checks that `value`, given as `flag`, is `HOST` or `HOST:PORT` and nothing more.
pub fn validate_host_flag(flag: &str, value: &str, example: &str) -> Result<(), InvalidInput> {
    let parsed = url::Url::parse(&format!("https://{value}"));
    let ok = parsed.as_ref().is_ok_and(|u| {
        u.host_str().is_some()
            && u.path() == "/"
            && u.username().is_empty()
            && !value.contains('/')
            && !value.contains('?')
            && !value.contains('#')
    });
    if !ok {
        return Err(InvalidInput::new(format!(
            "invalid {flag} {value:?}: give HOST or HOST:PORT, e.g. {example}"
        )));
    }
    Ok(())
}

/// The name known_hosts gives `HOST[:PORT]`: `HOST` on port 22, `[HOST]:PORT` on another.
fn known_hosts_name(host: &str) -> String {
    match host.rsplit_once(':') {
        Some((name, "22")) => name
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
        Some((name, port)) if !name.starts_with('[') => format!("[{name}]:{port}"),
        _ => host.to_string(),
    }
}

impl GitHub {
    /// A client for `hostname` with `token`; `ca_file` adds a private CA to the trusted roots.
    pub fn new(
        hostname: &str,
        token: &Zeroizing<String>,
        ca_file: Option<&Path>,
    ) -> anyhow::Result<GitHub> {
        let http = crate::host::rest::http_client(ca_file)?;
        let api_url = api_url(hostname);
        let crab = Octocrab::builder()
            .base_uri(api_url.as_str())?
            .personal_token(token.to_string())
            .add_header(
                http::header::ACCEPT,
                "application/vnd.github+json".to_string(),
            )
            .build_with_reqwest(http)?;
        Ok(GitHub {
            crab,
            host: hostname.to_string(),
            api_url,
        })
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    /// `https://HOST/OWNER/REPO.git`, the URL floe pushes to.
    pub fn https_url(&self, owner: &str, repo: &str) -> String {
        format!("https://{}/{owner}/{repo}.git", self.host)
    }

    /// The SSH host Flux pulls from: `ssh_hostname` (`HOST[:PORT]`, flux's `--ssh-hostname`)
    /// when given, else the web host on the standard SSH port, whatever port the web interface
    /// uses.
    pub fn ssh_host<'a>(&'a self, ssh_hostname: Option<&'a str>) -> &'a str {
        ssh_hostname.unwrap_or_else(|| self.host.split(':').next().unwrap_or(&self.host))
    }

    /// `ssh://git@HOST[:PORT]/OWNER/REPO`, the URL Flux pulls from with a deploy key (see
    /// [`GitHub::ssh_host`]).
    pub fn ssh_url(&self, owner: &str, repo: &str, ssh_hostname: Option<&str>) -> String {
        format!("ssh://git@{}/{owner}/{repo}", self.ssh_host(ssh_hostname))
    }

    /// One request; a short `retry-after` is waited out (twice at most), every error status
    /// becomes a [`GitHubError`].
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        what: &str,
    ) -> Result<(StatusCode, HeaderMap, String), GitHubError> {
        self.send_accepting(method, path, body, what, None).await
    }

    async fn send_accepting(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        what: &str,
        accept: Option<&'static str>,
    ) -> Result<(StatusCode, HeaderMap, String), GitHubError> {
        let mut retries = 0;
        crate::lifecycle::set_activity(format!(
            "asking the GitHub API at {} for {what}",
            self.api_url
        ));
        loop {
            let uri = format!("{}{path}", self.api_url);
            let result = match method {
                Method::GET => {
                    let headers = accept.map(|a| {
                        let mut h = HeaderMap::new();
                        h.insert(http::header::ACCEPT, http::HeaderValue::from_static(a));
                        h
                    });
                    self.crab._get_with_headers(uri.as_str(), headers).await
                }
                Method::POST => self.crab._post(uri.as_str(), body).await,
                Method::PATCH => self.crab._patch(uri.as_str(), body).await,
                Method::PUT => self.crab._put(uri.as_str(), body).await,
                Method::DELETE => self.crab._delete(uri.as_str(), body).await,
                _ => unreachable!("floe only sends GET, POST, PATCH, PUT and DELETE"),
            };
            let response = result.map_err(|e| GitHubError::Transport {
                url: self.api_url.clone(),
                detail: crate::cluster::error_chain(&e),
            })?;
            let status = response.status();
            let headers = response.headers().clone();
            let length = headers
                .get(http::header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
            if length.is_some_and(|n| n > MAX_RESPONSE_BYTES) {
                return Err(GitHubError::TooLarge {
                    what: what.to_string(),
                    limit: format!("{} MiB", MAX_RESPONSE_BYTES / (1024 * 1024)),
                });
            }
            // Read with a cap: a chunked answer has no Content-Length to refuse it by.
            let limit = usize::try_from(MAX_RESPONSE_BYTES).unwrap_or(usize::MAX);
            let body = http_body_util::BodyExt::collect(http_body_util::Limited::new(
                response.into_body(),
                limit,
            ))
            .await
            .map_err(|e| {
                if e.is::<http_body_util::LengthLimitError>() {
                    GitHubError::TooLarge {
                        what: what.to_string(),
                        limit: format!("{} MiB", MAX_RESPONSE_BYTES / (1024 * 1024)),
                    }
                } else {
                    GitHubError::Transport {
                        url: self.api_url.clone(),
                        detail: crate::cluster::error_chain(&*e),
                    }
                }
            })?;
            let text = String::from_utf8_lossy(&body.to_bytes()).into_owned();
            if status.is_success() {
                return Ok((status, headers, text));
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

    fn error(
        &self,
        status: StatusCode,
        headers: &HeaderMap,
        text: &str,
        what: &str,
    ) -> GitHubError {
        let body: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let message = body["message"].as_str().unwrap_or(text).to_string();
        let details: Vec<String> = body["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["message"].as_str().map(str::to_string))
            .collect();
        let what = what.to_string();
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        let rate_limited = header("x-ratelimit-remaining") == Some("0")
            || header("retry-after").is_some()
            || status == StatusCode::TOO_MANY_REQUESTS;
        match status {
            StatusCode::UNAUTHORIZED => GitHubError::BadCredentials {
                host: self.host.clone(),
            },
            StatusCode::NOT_FOUND => GitHubError::NotFound { what },
            StatusCode::UNPROCESSABLE_ENTITY => GitHubError::Invalid {
                what,
                message: if details.is_empty() {
                    message
                } else {
                    details.join("; ")
                },
            },
            StatusCode::FORBIDDEN | StatusCode::TOO_MANY_REQUESTS if rate_limited => {
                let reset = match (header("retry-after"), header("x-ratelimit-reset")) {
                    (Some(seconds), _) => format!(" (retry after {seconds}s)"),
                    (None, Some(epoch)) => epoch
                        .parse::<i64>()
                        .ok()
                        .and_then(|s| jiff::Timestamp::from_second(s).ok())
                        .map(|t| format!(" (resets at {t})"))
                        .unwrap_or_default(),
                    (None, None) => String::new(),
                };
                GitHubError::RateLimited { reset }
            }
            StatusCode::FORBIDDEN => GitHubError::Forbidden { what, message },
            _ => GitHubError::Status {
                what,
                status: status.as_u16(),
                message,
            },
        }
    }

    fn decode<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, GitHubError> {
        serde_json::from_str(text).map_err(|e| GitHubError::Decode {
            what: what.to_string(),
            detail: e.to_string(),
        })
    }

    /// `GET /user`: who the token belongs to, and its scopes.
    pub async fn user(&self) -> Result<TokenUser, GitHubError> {
        let (_, headers, text) = self
            .send(Method::GET, "/user", None, "the token's user")
            .await?;
        let body: Value = Self::decode(&text, "the token's user")?;
        let scopes = headers
            .get("x-oauth-scopes")
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            });
        Ok(TokenUser {
            login: body["login"].as_str().unwrap_or_default().to_string(),
            scopes,
        })
    }

    /// `GET /repos/{owner}/{repo}`; `None` when it does not exist or the token cannot see it.
    pub async fn repository(
        &self,
        owner: &str,
        repo: &str,
    ) -> Result<Option<Repository>, GitHubError> {
        let what = format!("repository {owner}/{repo}");
        match self
            .send(Method::GET, &format!("/repos/{owner}/{repo}"), None, &what)
            .await
        {
            Ok((_, _, text)) => Ok(Some(Self::decode(&text, &what)?)),
            Err(GitHubError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `POST /user/repos` (personal) or `POST /orgs/{org}/repos`, auto-initialised.
    pub async fn create_repository(
        &self,
        owner: &str,
        repo: &str,
        personal: bool,
        private: bool,
        description: &str,
    ) -> Result<Repository, GitHubError> {
        let path = if personal {
            "/user/repos".to_string()
        } else {
            format!("/orgs/{owner}/repos")
        };
        let what = format!("creating repository {owner}/{repo}");
        let body = json!({
            "name": repo,
            "private": private,
            "auto_init": true,
            "description": description,
        });
        let (_, _, text) = self.send(Method::POST, &path, Some(&body), &what).await?;
        Self::decode(&text, &what)
    }

    /// `PATCH /repos/{owner}/{repo}` with the given visibility and default branch.
    pub async fn update_repository(
        &self,
        owner: &str,
        repo: &str,
        private: Option<bool>,
        default_branch: Option<&str>,
    ) -> Result<Repository, GitHubError> {
        let mut body = json!({});
        if let Some(private) = private {
            body["private"] = json!(private);
        }
        if let Some(branch) = default_branch {
            body["default_branch"] = json!(branch);
        }
        let what = format!("updating repository {owner}/{repo}");
        let (_, _, text) = self
            .send(
                Method::PATCH,
                &format!("/repos/{owner}/{repo}"),
                Some(&body),
                &what,
            )
            .await?;
        Self::decode(&text, &what)
    }

    /// The team's role on the repository (`pull`, `triage`, `push`, `maintain`, `admin`), or
    /// `None` when the team has no access.
    pub async fn team_permission(
        &self,
        org: &str,
        team: &str,
        owner: &str,
        repo: &str,
    ) -> Result<Option<String>, GitHubError> {
        let what = format!("team {org}/{team} on {owner}/{repo}");
        let path = format!("/orgs/{org}/teams/{team}/repos/{owner}/{repo}");
        // The repository media type makes GitHub answer with the team's permissions instead
        // of an empty 204.
        let accept = Some("application/vnd.github.v3.repository+json");
        match self
            .send_accepting(Method::GET, &path, None, &what, accept)
            .await
        {
            Ok((_, _, text)) => {
                let body: Value = Self::decode(&text, &what)?;
                // The repository media type answers with the team's permissions; the role is
                // the highest one granted.
                let role = ["admin", "maintain", "push", "triage", "pull"]
                    .into_iter()
                    .find(|p| body["permissions"][*p] == true)
                    .map(str::to_string)
                    .or_else(|| body["role_name"].as_str().map(str::to_string));
                Ok(role)
            }
            Err(GitHubError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `PUT /orgs/{org}/teams/{team}/repos/{owner}/{repo}`.
    pub async fn grant_team(
        &self,
        org: &str,
        team: &str,
        owner: &str,
        repo: &str,
        permission: &str,
    ) -> Result<(), GitHubError> {
        let what = format!("granting team {org}/{team} {permission} access to {owner}/{repo}");
        let path = format!("/orgs/{org}/teams/{team}/repos/{owner}/{repo}");
        self.send(
            Method::PUT,
            &path,
            Some(&json!({ "permission": permission })),
            &what,
        )
        .await?;
        Ok(())
    }

    /// The host's SSH keys from `GET /meta`, as known_hosts lines for the SSH host Flux pulls
    /// from (see [`GitHub::ssh_host`]; `[HOST]:PORT` off port 22, as OpenSSH writes it). The
    /// keys come from the API over TLS, so a different SSH host is still not trusted on first
    /// use.
    pub async fn known_hosts(&self, ssh_hostname: Option<&str>) -> Result<String, GitHubError> {
        let (_, _, text) = self
            .send(Method::GET, "/meta", None, "GitHub's SSH host keys")
            .await?;
        let body: Value = Self::decode(&text, "GitHub's SSH host keys")?;
        let host = known_hosts_name(self.ssh_host(ssh_hostname));
        let mut lines: Vec<String> = body["ssh_keys"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|k| k.as_str())
            .map(|k| format!("{host} {k}"))
            .collect();
        if lines.is_empty() {
            return Err(GitHubError::Decode {
                what: "GitHub's SSH host keys".into(),
                detail: "GET /meta listed no ssh_keys".into(),
            });
        }
        lines.sort();
        Ok(lines.join("\n") + "\n")
    }

    /// Every deploy key of the repository, following `Link: rel="next"` pages.
    pub async fn deploy_keys(
        &self,
        owner: &str,
        repo: &str,
    ) -> Result<Vec<DeployKey>, GitHubError> {
        let what = format!("deploy keys of {owner}/{repo}");
        let mut keys = Vec::new();
        let mut path = Some(format!("/repos/{owner}/{repo}/keys?per_page=100"));
        let mut pages = 0;
        while let Some(next) = path.take() {
            pages += 1;
            if pages > MAX_PAGES {
                return Err(GitHubError::TooLarge {
                    what,
                    limit: format!("{MAX_PAGES} pages"),
                });
            }
            let (_, headers, text) = self.send(Method::GET, &next, None, &what).await?;
            keys.extend(Self::decode::<Vec<DeployKey>>(&text, &what)?);
            path = headers
                .get(http::header::LINK)
                .and_then(|v| v.to_str().ok())
                .and_then(next_link)
                .and_then(|url| url.strip_prefix(&self.api_url).map(str::to_string));
        }
        Ok(keys)
    }

    /// `POST /repos/{owner}/{repo}/keys`.
    pub async fn add_deploy_key(
        &self,
        owner: &str,
        repo: &str,
        title: &str,
        key: &str,
        read_only: bool,
    ) -> Result<DeployKey, GitHubError> {
        let what = format!("adding deploy key {title:?} to {owner}/{repo}");
        let body = json!({ "title": title, "key": key, "read_only": read_only });
        let (_, _, text) = self
            .send(
                Method::POST,
                &format!("/repos/{owner}/{repo}/keys"),
                Some(&body),
                &what,
            )
            .await?;
        Self::decode(&text, &what)
    }

    /// `DELETE /repos/{owner}/{repo}/keys/{id}`.
    pub async fn delete_deploy_key(
        &self,
        owner: &str,
        repo: &str,
        id: u64,
    ) -> Result<(), GitHubError> {
        let what = format!("deleting deploy key {id} of {owner}/{repo}");
        self.send(
            Method::DELETE,
            &format!("/repos/{owner}/{repo}/keys/{id}"),
            None,
            &what,
        )
        .await?;
        Ok(())
    }
}

/// How long a 403/429 asks to wait (`retry-after`, seconds), if it says.
fn retry_after(status: StatusCode, headers: &HeaderMap) -> Option<Duration> {
    if status != StatusCode::FORBIDDEN && status != StatusCode::TOO_MANY_REQUESTS {
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

/// The `rel="next"` URL of a `Link` header.
pub fn next_link(link: &str) -> Option<String> {
    link.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        params
            .split(';')
            .any(|p| p.trim() == "rel=\"next\"")
            .then(|| {
                url.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            })
    })
}

/// Whether the scopes allow creating and writing repositories (`repo`); fine-grained tokens
/// send no scopes header and are checked by the calls themselves.
pub fn check_scopes(user: &TokenUser) -> Result<(), GitHubError> {
    match &user.scopes {
        Some(scopes) if !scopes.iter().any(|s| s == "repo") => Err(GitHubError::MissingScope {
            needed: "repo".into(),
            granted: if scopes.is_empty() {
                "none".into()
            } else {
                scopes.join(", ")
            },
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_hosts_names_the_ssh_port_as_openssh_does() {
        assert_eq!(known_hosts_name("github.com"), "github.com");
        assert_eq!(known_hosts_name("ghe.example.com:22"), "ghe.example.com");
        assert_eq!(known_hosts_name("127.0.0.1:2222"), "[127.0.0.1]:2222");
        assert_eq!(known_hosts_name("[::1]:2222"), "[::1]:2222");
        assert_eq!(known_hosts_name("[::1]:22"), "::1");
        assert_eq!(known_hosts_name("[::1]"), "[::1]");
    }

    use super::*;

    #[test]
    fn link_headers_give_the_next_page() {
        let link = r#"<https://api.github.com/repositories/1/keys?per_page=100&page=2>; rel="next", <https://api.github.com/repositories/1/keys?per_page=100&page=3>; rel="last""#;
        assert_eq!(
            next_link(link).as_deref(),
            Some("https://api.github.com/repositories/1/keys?per_page=100&page=2")
        );
        assert_eq!(next_link(r#"<https://x/?page=1>; rel="prev""#), None);
    }

    #[test]
    fn hosts_map_to_api_roots() {
        assert_eq!(api_url("github.com"), "https://api.github.com");
        assert_eq!(
            api_url("ghe.example.com:8443"),
            "https://ghe.example.com:8443/api/v3"
        );
        assert!(validate_hostname("ghe.example.com:8443").is_ok());
        for bad in ["https://github.com", "github.com/x", "", "a b"] {
            assert!(validate_hostname(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn classic_tokens_need_the_repo_scope() {
        let user = |scopes: Option<Vec<&str>>| TokenUser {
            login: "u".into(),
            scopes: scopes.map(|s| s.into_iter().map(String::from).collect()),
        };
        assert!(check_scopes(&user(Some(vec!["repo", "read:org"]))).is_ok());
        assert!(
            check_scopes(&user(None)).is_ok(),
            "fine-grained tokens have no header"
        );
        let err = check_scopes(&user(Some(vec!["read:org"]))).unwrap_err();
        assert!(err.to_string().contains("`repo`"), "{err}");
        assert!(err.to_string().contains("read:org"), "{err}");
    }
}
