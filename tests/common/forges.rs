//! Stand-ins for GitLab (REST API v4) and Bitbucket Server (REST API 1.0 and the SSH keys
//! API 1.0), which cannot run here: on 127.0.0.1 over HTTPS with their own CA, answering the
//! requests floe makes the way the vendors document them (paths, bodies, status codes, error
//! bodies, `X-Next-Page` and `isLastPage`/`nextPageStart` pagination), with a real Git
//! smart-HTTP server behind them (`git http-backend`, see [`super::github::http_backend`]).
//! Every request is recorded; one the stand-in does not know is answered 404 and kept in
//! [`State::unknown`], which the tests assert is empty.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use base64::Engine;
use serde_json::{Value, json};

pub const GITLAB_TOKEN: &str = "glpat-floeTestToken0123456789";
pub const BITBUCKET_TOKEN: &str = "BBDC-floeTestToken0123456789abcdef";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vendor {
    GitLab,
    Bitbucket,
}

#[derive(Debug, Clone)]
pub struct Key {
    pub id: u64,
    pub title: String,
    pub key: String,
    pub can_push: bool,
}

#[derive(Debug, Clone)]
pub struct DeployToken {
    pub id: u64,
    pub name: String,
    pub username: String,
    pub token: String,
    pub revoked: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Repo {
    /// `public`, `internal` or `private`.
    pub visibility: String,
    pub default_branch: Option<String>,
    pub keys: Vec<Key>,
    /// Group (GitLab full path, Bitbucket name) → access (GitLab level, Bitbucket permission).
    pub shares: BTreeMap<String, String>,
    pub deploy_tokens: Vec<DeployToken>,
}

pub struct State {
    pub vendor: Vendor,
    pub token: String,
    pub user: String,
    /// GitLab groups (full path → id); Bitbucket projects (key → id) and groups (id 0).
    pub groups: BTreeMap<String, u64>,
    /// `owner/name` (GitLab full path; Bitbucket `KEY/slug`, `~USER/slug`) → repository.
    pub repos: BTreeMap<String, Repo>,
    /// `METHOD /path?query` of every API request.
    pub requests: Vec<String>,
    /// Requests the stand-in does not know.
    pub unknown: Vec<String>,
    /// Answer every API request with `302 Found` to this URL (a hostile or misconfigured
    /// server sending the client elsewhere).
    pub redirect_to: Option<String>,
    next_id: u64,
}

pub struct FakeForge {
    pub host: String,
    pub ca_file: PathBuf,
    /// `127.0.0.1:PORT` of the SSH endpoint ([`FakeForge::gitlab_with_ssh`]).
    pub ssh_host: Option<String>,
    root: PathBuf,
    state: Arc<Mutex<State>>,
    _sshd: Option<super::sshd::Sshd>,
    _dir: tempfile::TempDir,
    _thread: std::thread::JoinHandle<()>,
}

impl FakeForge {
    /// GitLab for user `me`, with groups `acme`, `acme/platform` and `devs`.
    pub fn gitlab() -> FakeForge {
        Self::start(
            Vendor::GitLab,
            GITLAB_TOKEN,
            &["acme", "acme/platform", "devs"],
        )
    }

    /// [`FakeForge::gitlab`] with GitLab's SSH endpoint (see [`FakeForge::with_ssh`]).
    pub fn gitlab_with_ssh() -> Option<FakeForge> {
        Self::gitlab().with_ssh()
    }

    /// [`FakeForge::bitbucket`] with Bitbucket Server's SSH endpoint (see
    /// [`FakeForge::with_ssh`]), where repositories are `/key/slug.git`, the key lower-case.
    pub fn bitbucket_with_ssh() -> Option<FakeForge> {
        Self::bitbucket().with_ssh()
    }

    /// The host's SSH endpoint: OpenSSH's sshd as user `git` accepting each repository's
    /// deploy keys (read-only ones fetch, write ones also push, each only its own
    /// repository), read from the stand-in at every login (see
    /// [`super::github::git_serve_script`]). `None` (the reason printed, or a failure in CI)
    /// when sshd cannot run here.
    fn with_ssh(mut self) -> Option<FakeForge> {
        let serve = self._dir.path().join("git-serve");
        let root = match self.state().vendor {
            Vendor::GitLab => self.root.clone(),
            Vendor::Bitbucket => self.root.join("scm"),
        };
        std::fs::write(&serve, super::github::git_serve_script(&root)).unwrap();
        std::fs::set_permissions(&serve, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        super::github::host_keys(self._dir.path());
        let command = format!(
            "/usr/bin/curl -sSf --noproxy * --cacert {} https://{}{}",
            self.ca_file.display(),
            self.host,
            super::github::AUTHORIZED_KEYS
        );
        let keys = ["ed25519", "ecdsa"].map(|t| self._dir.path().join(format!("host_{t}")));
        let sshd = super::sshd::Sshd::start_git_host(&keys, &command, &root)?;
        self.ssh_host = Some(format!("127.0.0.1:{}", sshd.port));
        self._sshd = Some(sshd);
        Some(self)
    }

    /// Bitbucket Server for user `alice`, with project `FLEET` and group `platform`.
    pub fn bitbucket() -> FakeForge {
        Self::start(Vendor::Bitbucket, BITBUCKET_TOKEN, &["FLEET", "platform"])
    }

    fn start(vendor: Vendor, token: &str, groups: &[&str]) -> FakeForge {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repos");
        std::fs::create_dir_all(&root).unwrap();
        let ca_file = dir.path().join("ca.pem");
        let (cert_pem, key_pem) = super::github::certificates(&ca_file);
        let user = match vendor {
            Vendor::GitLab => "me",
            Vendor::Bitbucket => "alice",
        };
        let state = Arc::new(Mutex::new(State {
            vendor,
            token: token.into(),
            user: user.into(),
            groups: groups
                .iter()
                .enumerate()
                .map(|(i, g)| (g.to_string(), 100 + i as u64))
                .collect(),
            repos: BTreeMap::new(),
            requests: Vec::new(),
            unknown: Vec::new(),
            redirect_to: None,
            next_id: 1,
        }));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let host = format!("127.0.0.1:{}", listener.local_addr().unwrap().port());
        let server = Arc::new(Server {
            state: state.clone(),
            root: root.clone(),
            host: host.clone(),
        });
        let thread = super::github::serve_tls(
            listener,
            cert_pem,
            key_pem,
            move |method, uri, headers, body| {
                let server = server.clone();
                async move { server.handle(method, uri, headers, body).await }
            },
        );
        FakeForge {
            host,
            ca_file,
            ssh_host: None,
            root,
            state,
            _sshd: None,
            _dir: dir,
            _thread: thread,
        }
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Requests that change something (anything but GET).
    pub fn writes(&self) -> Vec<String> {
        self.state()
            .requests
            .iter()
            .filter(|r| !r.starts_with("GET "))
            .cloned()
            .collect()
    }

    /// The bare repository of `owner/name` (GitLab path; Bitbucket project key or `~user`).
    pub fn bare(&self, owner: &str, name: &str) -> PathBuf {
        Server::bare_of(&self.root, self.state().vendor, owner, name)
    }

    /// Registers `count` other keys by hand (as in the web interface), to fill pages before
    /// floe's: well-formed ed25519 public keys nobody holds the private half of.
    pub fn add_keys(&self, repo: &str, count: usize) {
        let mut state = self.state();
        for i in 0..count {
            let id = state.next_id;
            state.next_id += 1;
            let mut blob = b"\0\0\0\x0bssh-ed25519\0\0\0\x20".to_vec();
            blob.extend(std::iter::repeat_n((i % 251) as u8, 31));
            blob.push(7);
            let key = format!(
                "ssh-ed25519 {}",
                base64::engine::general_purpose::STANDARD.encode(blob)
            );
            state.repos.get_mut(repo).unwrap().keys.push(Key {
                id,
                title: format!("someone else's key {i}"),
                key,
                can_push: false,
            });
        }
    }

    /// Creates `owner/name` as a user would, with one commit on main.
    pub fn seed(&self, owner: &str, name: &str) {
        super::github::create_bare(&self.bare(owner, name), &[("README.md", "# fleet\n")]);
        self.state().repos.insert(
            format!("{owner}/{name}"),
            Repo {
                visibility: "private".into(),
                default_branch: Some("main".into()),
                ..Repo::default()
            },
        );
    }
}

struct Server {
    state: Arc<Mutex<State>>,
    root: PathBuf,
    host: String,
}

fn json_response(status: StatusCode, body: Value) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn empty(status: StatusCode) -> Response {
    Response::builder()
        .status(status)
        .body(Body::empty())
        .unwrap()
}

/// `key=value` pairs of a query string, decoded.
fn query(uri: &Uri) -> BTreeMap<String, String> {
    url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

fn decode(segment: &str) -> String {
    percent_decode(segment)
}

fn percent_decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", text.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

impl Server {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn bare_of(root: &Path, vendor: Vendor, owner: &str, name: &str) -> PathBuf {
        match vendor {
            Vendor::GitLab => root.join(format!("{owner}/{name}.git")),
            Vendor::Bitbucket => {
                root.join(format!("scm/{}/{name}.git", owner.to_ascii_lowercase()))
            }
        }
    }

    async fn handle(&self, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
        let vendor = self.state().vendor;
        let path = uri.path().to_string();
        let api = match vendor {
            Vendor::GitLab => path.strip_prefix("/api/v4"),
            Vendor::Bitbucket => path.strip_prefix("/rest"),
        };
        if path == super::github::AUTHORIZED_KEYS {
            return Response::builder()
                .status(StatusCode::OK)
                .body(Body::from(self.authorized_keys()))
                .unwrap();
        }
        let Some(api) = api else {
            return self.git(vendor, method, uri, headers, body).await;
        };
        let call = format!(
            "{method} {api}{}",
            uri.query().map(|q| format!("?{q}")).unwrap_or_default()
        );
        self.state().requests.push(call.clone());
        if let Some(to) = self.state().redirect_to.clone() {
            return Response::builder()
                .status(StatusCode::FOUND)
                .header("location", to)
                .body(Body::empty())
                .unwrap();
        }
        let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let authorized = {
            let state = self.state();
            match vendor {
                Vendor::GitLab => headers
                    .get("private-token")
                    .is_some_and(|v| v.as_bytes() == state.token.as_bytes()),
                Vendor::Bitbucket => {
                    basic(&headers).is_some_and(|(u, p)| u == state.user && p == state.token)
                }
            }
        };
        if !authorized {
            return match vendor {
                Vendor::GitLab => json_response(
                    StatusCode::UNAUTHORIZED,
                    json!({"message": "401 Unauthorized"}),
                ),
                Vendor::Bitbucket => json_response(
                    StatusCode::UNAUTHORIZED,
                    json!({"errors": [{"context": null, "message": "Authentication failed. Please check your credentials and try again.", "exceptionName": "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException"}]}),
                ),
            };
        }
        let segments: Vec<String> = api.trim_start_matches('/').split('/').map(decode).collect();
        let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
        let q = query(&uri);
        let response = match vendor {
            Vendor::GitLab => self.gitlab(&method, &parts, &q, &body),
            Vendor::Bitbucket => self.bitbucket(&method, &parts, &q, &body),
        };
        response.unwrap_or_else(|| {
            self.state().unknown.push(call);
            json_response(StatusCode::NOT_FOUND, json!({"message": "404 Not Found"}))
        })
    }

    /// Every project's deploy keys as authorized_keys lines, each restricted to its project
    /// and access by the forced command.
    fn authorized_keys(&self) -> String {
        let serve = self.root.parent().unwrap().join("git-serve");
        let state = self.state();
        let mut lines = String::new();
        for (full, repo) in &state.repos {
            // The path the SSH client asks for: Bitbucket Server lower-cases the project key.
            let full = match state.vendor {
                Vendor::GitLab => full.clone(),
                Vendor::Bitbucket => {
                    let (key, slug) = full.split_once('/').unwrap();
                    format!("{}/{slug}", key.to_ascii_lowercase())
                }
            };
            for key in &repo.keys {
                let access = if key.can_push { "rw" } else { "ro" };
                lines.push_str(&format!(
                    "command=\"{} {full} {access}\",restrict {}\n",
                    serve.display(),
                    key.key
                ));
            }
        }
        lines
    }

    fn create_bare(&self, vendor: Vendor, owner: &str, name: &str, readme: bool) {
        let bare = Self::bare_of(&self.root, vendor, owner, name);
        if readme {
            super::github::create_bare(&bare, &[("README.md", "# fleet\n")]);
        } else {
            std::fs::create_dir_all(&bare).unwrap();
            super::github::git(&bare, &["init", "-q", "--bare", "-b", "main"]);
            super::github::git(&bare, &["config", "http.receivepack", "true"]);
        }
    }

    // ---- GitLab REST API v4 ----

    fn project_json(&self, path: &str, repo: &Repo) -> Value {
        let (namespace, name) = path.rsplit_once('/').unwrap();
        let groups = self.state().groups.clone();
        json!({
            "id": 1,
            "name": name,
            "path": name,
            "path_with_namespace": path,
            "namespace": {"full_path": namespace},
            "visibility": repo.visibility,
            "default_branch": repo.default_branch,
            "web_url": format!("https://{}/{path}", self.host),
            "http_url_to_repo": format!("https://{}/{path}.git", self.host),
            "ssh_url_to_repo": format!("git@127.0.0.1:{path}.git"),
            "shared_with_groups": repo.shares.iter().map(|(g, level)| json!({
                "group_id": groups.get(g).copied().unwrap_or_default(),
                "group_name": g.rsplit('/').next(),
                "group_full_path": g,
                "group_access_level": level.parse::<u64>().unwrap(),
            })).collect::<Vec<_>>(),
        })
    }

    fn gitlab(
        &self,
        method: &Method,
        parts: &[&str],
        q: &BTreeMap<String, String>,
        body: &Value,
    ) -> Option<Response> {
        let not_found = |what: &str| {
            json_response(
                StatusCode::NOT_FOUND,
                json!({"message": format!("404 {what} Not Found")}),
            )
        };
        let user = self.state().user.clone();
        Some(match (method.as_str(), parts) {
            ("GET", ["user"]) => json_response(StatusCode::OK, json!({"id": 7, "username": user})),
            ("GET", ["personal_access_tokens", "self"]) => json_response(
                StatusCode::OK,
                json!({"id": 3, "name": "floe", "revoked": false, "active": true, "scopes": ["api"]}),
            ),
            ("GET", ["namespaces", ns]) => match self.state().groups.get(*ns) {
                Some(id) => json_response(
                    StatusCode::OK,
                    json!({"id": id, "full_path": ns, "kind": "group"}),
                ),
                None => not_found("Namespace"),
            },
            ("GET", ["groups", group]) => match self.state().groups.get(*group) {
                Some(id) => json_response(StatusCode::OK, json!({"id": id, "full_path": group})),
                None => not_found("Group"),
            },
            ("POST", ["projects"]) => {
                let name = body["path"].as_str()?.to_string();
                let namespace = match body["namespace_id"].as_u64() {
                    None => user.clone(),
                    Some(id) => {
                        let groups = self.state().groups.clone();
                        match groups.iter().find(|(_, g)| **g == id) {
                            Some((path, _)) => path.clone(),
                            None => return Some(not_found("Namespace")),
                        }
                    }
                };
                let path = format!("{namespace}/{name}");
                if self.state().repos.contains_key(&path) {
                    return Some(json_response(
                        StatusCode::BAD_REQUEST,
                        json!({"message": {"name": ["has already been taken"], "path": ["has already been taken"]}}),
                    ));
                }
                let readme = body["initialize_with_readme"] == true;
                self.create_bare(Vendor::GitLab, &namespace, &name, readme);
                let repo = Repo {
                    visibility: body["visibility"].as_str().unwrap_or("private").to_string(),
                    default_branch: readme.then(|| "main".to_string()),
                    ..Repo::default()
                };
                let answer = self.project_json(&path, &repo);
                self.state().repos.insert(path, repo);
                json_response(StatusCode::CREATED, answer)
            }
            (_, ["projects", project, rest @ ..]) => {
                let project = project.to_string();
                if !self.state().repos.contains_key(&project) {
                    return Some(not_found("Project"));
                }
                self.gitlab_project(method, &project, rest, q, body)?
            }
            _ => return None,
        })
    }

    fn gitlab_project(
        &self,
        method: &Method,
        project: &str,
        rest: &[&str],
        q: &BTreeMap<String, String>,
        body: &Value,
    ) -> Option<Response> {
        let mut state = self.state();
        let next_id = state.next_id;
        let groups = state.groups.clone();
        let repo = state.repos.get_mut(project).unwrap();
        let page = |items: Vec<Value>| {
            let per_page: usize = q
                .get("per_page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(20)
                .min(100);
            let page: usize = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1);
            let total = items.len();
            let chunk: Vec<Value> = items
                .into_iter()
                .skip((page - 1) * per_page)
                .take(per_page)
                .collect();
            let next = if page * per_page < total {
                (page + 1).to_string()
            } else {
                String::new()
            };
            Response::builder()
                .status(StatusCode::OK)
                .header("content-type", "application/json")
                .header("x-page", page.to_string())
                .header("x-per-page", per_page.to_string())
                .header("x-next-page", next)
                .header("x-total", total.to_string())
                .body(Body::from(Value::Array(chunk).to_string()))
                .unwrap()
        };
        let response = match (method.as_str(), rest) {
            ("GET", []) => {
                let repo = repo.clone();
                drop(state);
                json_response(StatusCode::OK, self.project_json(project, &repo))
            }
            ("PUT", []) => {
                if let Some(v) = body["visibility"].as_str() {
                    repo.visibility = v.to_string();
                }
                if let Some(b) = body["default_branch"].as_str() {
                    repo.default_branch = Some(b.to_string());
                }
                let repo = repo.clone();
                drop(state);
                json_response(StatusCode::OK, self.project_json(project, &repo))
            }
            ("POST", ["share"]) => {
                let id = body["group_id"].as_u64()?;
                let level = body["group_access"].as_u64()?;
                let (group, _) = groups.iter().find(|(_, g)| **g == id)?;
                if repo.shares.contains_key(group) {
                    return Some(json_response(StatusCode::CONFLICT, json!({"message": "Group already shared with this group"})));
                }
                repo.shares.insert(group.clone(), level.to_string());
                json_response(StatusCode::CREATED, json!({"id": 1, "project_id": 1, "group_id": id, "group_access": level}))
            }
            ("DELETE", ["share", id]) => {
                let id: u64 = id.parse().ok()?;
                let (group, _) = groups.iter().find(|(_, g)| **g == id)?;
                repo.shares.remove(group);
                empty(StatusCode::NO_CONTENT)
            }
            ("GET", ["deploy_keys"]) => page(
                repo.keys
                    .iter()
                    .map(|k| json!({"id": k.id, "title": k.title, "key": k.key, "can_push": k.can_push, "created_at": "2026-12-01T00:00:00Z"}))
                    .collect(),
            ),
            ("POST", ["deploy_keys"]) => {
                let key: String = body["key"].as_str()?.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
                if repo.keys.iter().any(|k| k.key == key) {
                    return Some(json_response(
                        StatusCode::BAD_REQUEST,
                        json!({"message": {"deploy_key.fingerprint_sha256": ["has already been taken"]}}),
                    ));
                }
                let created = Key {
                    id: next_id,
                    title: body["title"].as_str()?.to_string(),
                    key,
                    can_push: body["can_push"] == true,
                };
                repo.keys.push(created.clone());
                state.next_id += 1;
                json_response(StatusCode::CREATED, json!({"id": created.id, "title": created.title, "key": created.key, "can_push": created.can_push}))
            }
            ("DELETE", ["deploy_keys", id]) => {
                let id: u64 = id.parse().ok()?;
                let before = repo.keys.len();
                repo.keys.retain(|k| k.id != id);
                if repo.keys.len() == before {
                    return Some(json_response(StatusCode::NOT_FOUND, json!({"message": "404 Deploy Key Not Found"})));
                }
                empty(StatusCode::NO_CONTENT)
            }
            ("GET", ["deploy_tokens"]) => page(
                repo.deploy_tokens
                    .iter()
                    .map(|t| json!({"id": t.id, "name": t.name, "username": t.username, "expires_at": null, "revoked": t.revoked, "expired": false, "scopes": ["read_repository"]}))
                    .collect(),
            ),
            ("POST", ["deploy_tokens"]) => {
                let token = DeployToken {
                    id: next_id,
                    name: body["name"].as_str()?.to_string(),
                    username: format!("gitlab+deploy-token-{next_id}"),
                    token: format!("gldt-floeDeployToken{next_id:0>8}"),
                    revoked: false,
                };
                repo.deploy_tokens.push(token.clone());
                state.next_id += 1;
                json_response(StatusCode::CREATED, json!({"id": token.id, "name": token.name, "username": token.username, "token": token.token, "revoked": false, "expired": false, "scopes": ["read_repository"]}))
            }
            ("DELETE", ["deploy_tokens", id]) => {
                let id: u64 = id.parse().ok()?;
                let token = repo.deploy_tokens.iter_mut().find(|t| t.id == id)?;
                token.revoked = true;
                empty(StatusCode::NO_CONTENT)
            }
            _ => return None,
        };
        Some(response)
    }

    // ---- Bitbucket Server REST API 1.0 ----

    fn bitbucket_repo_json(&self, key: &str, slug: &str, repo: &Repo) -> Value {
        let lower = key.to_ascii_lowercase();
        json!({
            "slug": slug,
            "id": 1,
            "name": slug,
            "scmId": "git",
            "state": "AVAILABLE",
            "forkable": true,
            "project": {"key": key},
            "public": repo.visibility == "public",
            "links": {
                "clone": [
                    {"href": format!("https://{}/scm/{lower}/{slug}.git", self.host), "name": "http"},
                    {"href": format!("ssh://git@127.0.0.1:7999/{lower}/{slug}.git"), "name": "ssh"},
                ],
                "self": [{"href": format!("https://{}/projects/{key}/repos/{slug}/browse", self.host)}],
            },
        })
    }

    fn bitbucket_page(q: &BTreeMap<String, String>, items: Vec<Value>) -> Response {
        let limit: usize = q
            .get("limit")
            .and_then(|p| p.parse().ok())
            .unwrap_or(25)
            .min(1000);
        let start: usize = q.get("start").and_then(|p| p.parse().ok()).unwrap_or(0);
        let total = items.len();
        let values: Vec<Value> = items.into_iter().skip(start).take(limit).collect();
        let last = start + values.len() >= total;
        let mut page = json!({"size": values.len(), "limit": limit, "start": start, "isLastPage": last, "values": values});
        if !last {
            page["nextPageStart"] = json!(start + limit);
        }
        json_response(StatusCode::OK, page)
    }

    fn bitbucket(
        &self,
        method: &Method,
        parts: &[&str],
        q: &BTreeMap<String, String>,
        body: &Value,
    ) -> Option<Response> {
        let error = |status: StatusCode, message: String| {
            json_response(
                status,
                json!({"errors": [{"context": null, "message": message, "exceptionName": null}]}),
            )
        };
        let user = self.state().user.clone();
        let project_exists = |key: &str| {
            key.strip_prefix('~')
                .is_some_and(|u| u.eq_ignore_ascii_case(&user))
                || self.state().groups.contains_key(key)
        };
        Some(match (method.as_str(), parts) {
            ("GET", ["api", "1.0", "users", name]) if name.eq_ignore_ascii_case(&user) => {
                json_response(
                    StatusCode::OK,
                    json!({"name": user, "slug": user, "id": 7, "active": true, "type": "NORMAL"}),
                )
            }
            ("POST", ["api", "1.0", "projects", key, "repos"]) => {
                if !project_exists(key) {
                    return Some(error(
                        StatusCode::NOT_FOUND,
                        format!("Project {key} does not exist."),
                    ));
                }
                let slug = body["name"].as_str()?.to_ascii_lowercase();
                let full = format!("{key}/{slug}");
                if self.state().repos.contains_key(&full) {
                    return Some(error(
                        StatusCode::CONFLICT,
                        format!("This repository URL is already taken by '{slug}' in '{key}'"),
                    ));
                }
                self.create_bare(Vendor::Bitbucket, key, &slug, false);
                let repo = Repo {
                    visibility: if body["public"] == true {
                        "public"
                    } else {
                        "private"
                    }
                    .into(),
                    default_branch: None,
                    ..Repo::default()
                };
                let answer = self.bitbucket_repo_json(key, &slug, &repo);
                self.state().repos.insert(full, repo);
                json_response(StatusCode::CREATED, answer)
            }
            (_, ["api", "1.0", "projects", key, "repos", slug, rest @ ..]) => {
                let full = format!("{key}/{slug}");
                let Some(repo) = self.state().repos.get(&full).cloned() else {
                    return Some(error(
                        StatusCode::NOT_FOUND,
                        format!("Repository {key}/{slug} does not exist."),
                    ));
                };
                match (method.as_str(), rest) {
                    ("GET", []) => {
                        json_response(StatusCode::OK, self.bitbucket_repo_json(key, slug, &repo))
                    }
                    ("PUT", []) => {
                        let mut state = self.state();
                        let repo = state.repos.get_mut(&full).unwrap();
                        if let Some(public) = body["public"].as_bool() {
                            repo.visibility = if public { "public" } else { "private" }.into();
                        }
                        let repo = repo.clone();
                        drop(state);
                        json_response(
                            StatusCode::CREATED,
                            self.bitbucket_repo_json(key, slug, &repo),
                        )
                    }
                    // The default branch of an empty repository: none yet (204).
                    ("GET", ["branches", "default"]) => {
                        let bare = Self::bare_of(&self.root, Vendor::Bitbucket, key, slug);
                        let head = super::github::git(&bare, &["symbolic-ref", "--short", "HEAD"]);
                        if !super::github::branch_exists(&bare, &head) {
                            return Some(empty(StatusCode::NO_CONTENT));
                        }
                        json_response(
                            StatusCode::OK,
                            json!({"id": format!("refs/heads/{head}"), "displayId": head, "type": "BRANCH", "isDefault": true}),
                        )
                    }
                    ("PUT", ["branches", "default"]) => {
                        let id = body["id"].as_str()?;
                        let bare = Self::bare_of(&self.root, Vendor::Bitbucket, key, slug);
                        super::github::git(&bare, &["symbolic-ref", "HEAD", id]);
                        empty(StatusCode::NO_CONTENT)
                    }
                    ("GET", ["permissions", "groups"]) => {
                        let filter = q.get("filter").cloned().unwrap_or_default();
                        let items = repo
                            .shares
                            .iter()
                            .filter(|(g, _)| g.contains(&filter))
                            .map(|(g, p)| json!({"group": {"name": g}, "permission": p}))
                            .collect();
                        Self::bitbucket_page(q, items)
                    }
                    ("PUT", ["permissions", "groups"]) => {
                        let (Some(permission), Some(group)) = (q.get("permission"), q.get("name"))
                        else {
                            return Some(error(
                                StatusCode::BAD_REQUEST,
                                "permission and name are required".into(),
                            ));
                        };
                        if !self.state().groups.contains_key(group) {
                            return Some(error(
                                StatusCode::NOT_FOUND,
                                format!("The group {group} does not exist."),
                            ));
                        }
                        let mut state = self.state();
                        state
                            .repos
                            .get_mut(&full)
                            .unwrap()
                            .shares
                            .insert(group.clone(), permission.clone());
                        empty(StatusCode::NO_CONTENT)
                    }
                    _ => return None,
                }
            }
            (
                _,
                [
                    "keys",
                    "1.0",
                    "projects",
                    key,
                    "repos",
                    slug,
                    "ssh",
                    rest @ ..,
                ],
            ) => {
                let full = format!("{key}/{slug}");
                let mut state = self.state();
                let next_id = state.next_id;
                let Some(repo) = state.repos.get_mut(&full) else {
                    return Some(error(
                        StatusCode::NOT_FOUND,
                        format!("Repository {key}/{slug} does not exist."),
                    ));
                };
                let item = |k: &Key| {
                    json!({
                        "key": {"id": k.id, "text": k.key, "label": k.title},
                        "repository": {"slug": slug, "project": {"key": key}},
                        "permission": if k.can_push { "REPO_WRITE" } else { "REPO_READ" },
                    })
                };
                match (method.as_str(), rest) {
                    ("GET", []) => {
                        let items = repo.keys.iter().map(item).collect();
                        drop(state);
                        Self::bitbucket_page(q, items)
                    }
                    ("POST", []) => {
                        let text = body["key"]["text"].as_str()?;
                        let mut words = text.split_whitespace();
                        let key_text = format!("{} {}", words.next()?, words.next()?);
                        let label: Vec<&str> = words.collect();
                        if repo.keys.iter().any(|k| k.key == key_text) {
                            return Some(error(
                                StatusCode::CONFLICT,
                                "This SSH key is already added to this repository.".into(),
                            ));
                        }
                        let created = Key {
                            id: next_id,
                            title: label.join(" "),
                            key: key_text,
                            can_push: body["permission"] == "REPO_WRITE",
                        };
                        repo.keys.push(created.clone());
                        state.next_id += 1;
                        json_response(StatusCode::CREATED, item(&created))
                    }
                    ("DELETE", [id]) => {
                        let id: u64 = id.parse().ok()?;
                        repo.keys.retain(|k| k.id != id);
                        empty(StatusCode::NO_CONTENT)
                    }
                    _ => return None,
                }
            }
            _ => return None,
        })
    }

    // ---- Git over HTTPS ----

    /// Smart HTTP after basic auth: the token (any user name on GitLab, the user's on
    /// Bitbucket Server), or on GitLab a live deploy token, which only fetches.
    async fn git(
        &self,
        vendor: Vendor,
        method: Method,
        uri: Uri,
        headers: HeaderMap,
        body: Bytes,
    ) -> Response {
        let challenge = Response::builder()
            .status(StatusCode::UNAUTHORIZED)
            .header("www-authenticate", "Basic realm=\"stand-in\"")
            .body(Body::from("HTTP Basic: Access denied\n"))
            .unwrap();
        let path = uri.path().to_string();
        let Some((repo_path, _)) = path.split_once(".git/") else {
            return empty(StatusCode::NOT_FOUND);
        };
        let full = match vendor {
            Vendor::GitLab => repo_path.trim_start_matches('/').to_string(),
            Vendor::Bitbucket => {
                let Some(rest) = repo_path.strip_prefix("/scm/") else {
                    return empty(StatusCode::NOT_FOUND);
                };
                let (key, slug) = rest.split_once('/').unwrap_or((rest, ""));
                let state = self.state();
                let key = state
                    .repos
                    .keys()
                    .find(|k| k.eq_ignore_ascii_case(&format!("{key}/{slug}")))
                    .cloned();
                match key {
                    Some(k) => k,
                    None => return empty(StatusCode::NOT_FOUND),
                }
            }
        };
        let push = uri.query().unwrap_or("").contains("git-receive-pack")
            || path.ends_with("/git-receive-pack");
        let allowed = {
            let state = self.state();
            let Some(repo) = state.repos.get(&full) else {
                return empty(StatusCode::NOT_FOUND);
            };
            match basic(&headers) {
                None => false,
                Some((user, password)) => {
                    (password == state.token && (vendor == Vendor::GitLab || user == state.user))
                        || (!push
                            && repo
                                .deploy_tokens
                                .iter()
                                .any(|t| !t.revoked && t.username == user && t.token == password))
                }
            }
        };
        if !allowed {
            return challenge;
        }
        super::github::http_backend(&self.root, &method, &uri, &headers, &body).await
    }
}

fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers
        .get("authorization")?
        .to_str()
        .ok()?
        .strip_prefix("Basic ")?;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(value)
        .ok()?;
    let pair = String::from_utf8(raw).ok()?;
    let (user, password) = pair.split_once(':')?;
    Some((user.to_string(), password.to_string()))
}

/// The text of `key` in a Secret's data, decoded.
pub fn decoded(secret: &Value, key: &str) -> String {
    let raw = secret["data"][key].as_str().unwrap_or_default();
    String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(raw)
            .unwrap(),
    )
    .unwrap()
}

/// Runs `floe ARGS` (a bootstrap) with `env` set, at clusters/dev with the built-in Flux
/// manifests: whether it succeeded, its stdout and its stderr.
pub fn bootstrap(
    bed: &super::testbed::TestBed,
    env: (&str, &str),
    args: &[&str],
) -> (bool, String, String) {
    let out = bed
        .floe()
        .env(env.0, env.1)
        .args(args)
        .args(["--path=clusters/dev", "--timeout=4m"])
        .arg("--manifests")
        .arg(super::flux_install_yaml())
        .args(["--author-name=floe", "--author-email=floe@example.com"])
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}
