//! A fake GitHub for the bootstrap tests, on 127.0.0.1 over HTTPS with its own CA: the REST
//! endpoints floe calls, answered the way GitHub documents them (status codes, error bodies,
//! `x-oauth-scopes`, `x-ratelimit-*`, `retry-after`, `Link` pagination, 404 for what the
//! token cannot see), and behind it a real Git smart-HTTP server: `git http-backend` run as
//! CGI over bare repositories on disk, with the token required as the basic-auth password.
//! Every API request is recorded so tests can assert exactly what floe asked for.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::Response;
use base64::Engine;
use serde_json::{Value, json};

/// One API request as floe sent it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path and query, without the `/api/v3` prefix.
    pub path: String,
    pub body: Value,
}

#[derive(Debug, Clone)]
pub struct DeployKey {
    pub id: u64,
    pub title: String,
    pub key: String,
    pub read_only: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Repo {
    pub private: bool,
    pub default_branch: String,
    pub keys: Vec<DeployKey>,
    /// team slug → permission
    pub teams: BTreeMap<String, String>,
    /// The token cannot see it (GitHub answers 404, as for a missing repository).
    pub hidden: bool,
}

/// A fault to answer the next API request with.
#[derive(Debug, Clone)]
pub enum Fault {
    /// 403, `x-ratelimit-remaining: 0` (the primary limit).
    RateLimited,
    /// 429 with `retry-after: 1` (a secondary limit), once.
    RetryAfter,
    /// 200 with a chunked body of 256 MiB (no Content-Length): a hostile or broken server.
    EndlessBody,
}

pub type Hook = Box<dyn FnOnce(&Path) + Send>;

pub struct State {
    pub token: String,
    pub login: String,
    /// `x-oauth-scopes`; `None` for a fine-grained token (no header).
    pub scopes: Option<String>,
    /// organisation → team slugs
    pub orgs: BTreeMap<String, Vec<String>>,
    /// `owner/name` → repository
    pub repos: BTreeMap<String, Repo>,
    pub requests: Vec<Recorded>,
    /// Public keys GitHub reports as in use by another repository.
    pub keys_elsewhere: Vec<String>,
    pub fault: Option<Fault>,
    /// Runs (with the bare repository's path) right before the next push is served.
    pub before_push: Option<Hook>,
    /// Runs (with the bare repository's path) right before the next fetch is served.
    pub before_fetch: Option<Hook>,
    /// The `deepen N` lines of the fetches served (a shallow fetch asks for N commits; a
    /// full one asks for none).
    pub deepens: Vec<String>,
    /// The SSH endpoint refuses every key (deploy keys revoked by an organisation's policy,
    /// say), while the API still lists them.
    pub ssh_refused: bool,
    next_id: u64,
}

impl State {
    /// The repository `owner/name` as the token sees it: hidden ones are not there (GitHub
    /// answers 404 for a private repository the token cannot access, as for a missing one).
    fn visible(&self, owner: &str, name: &str) -> Option<&Repo> {
        self.repos
            .get(&format!("{owner}/{name}"))
            .filter(|r| !r.hidden)
    }

    fn visible_mut(&mut self, owner: &str, name: &str) -> Option<&mut Repo> {
        self.repos
            .get_mut(&format!("{owner}/{name}"))
            .filter(|r| !r.hidden)
    }
}

pub struct FakeGitHub {
    pub host: String,
    pub ca_file: PathBuf,
    pub root: PathBuf,
    pub host_keys: Vec<String>,
    /// `127.0.0.1:PORT` of the SSH endpoint ([`FakeGitHub::start_with_ssh`]), for
    /// `--ssh-hostname`.
    pub ssh_host: Option<String>,
    state: Arc<Mutex<State>>,
    _sshd: Option<super::sshd::Sshd>,
    _dir: tempfile::TempDir,
    _thread: std::thread::JoinHandle<()>,
}

pub const TOKEN: &str = "ghp_floeTestToken0123456789abcdefABCDEF";

impl FakeGitHub {
    /// Starts a server for user `me` with the `repo` scope and organisation `acme` (teams
    /// `platform` and `devs`).
    pub fn start() -> FakeGitHub {
        Self::start_inner(false).expect("the API needs no optional component")
    }

    /// [`FakeGitHub::start`] with GitHub's SSH endpoint as well: OpenSSH's sshd as user `git`
    /// (see [`super::sshd::Sshd::start_git_host`]) with the host keys `GET /meta` lists,
    /// accepting each repository's deploy keys as GitHub does (a read-only key fetches, a
    /// read-write key also pushes, each only its own repository), read from the stand-in at
    /// every login, so a key registered or deleted through the API counts at once. `None`
    /// (with the reason printed, or a failure in CI) when sshd cannot run here.
    #[allow(dead_code)]
    pub fn start_with_ssh() -> Option<FakeGitHub> {
        Self::start_inner(true)
    }

    fn start_inner(ssh: bool) -> Option<FakeGitHub> {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repos");
        std::fs::create_dir_all(&root).unwrap();
        let ca_file = dir.path().join("ca.pem");
        let (cert_pem, key_pem) = certificates(&ca_file);
        let host_keys = host_keys(dir.path());
        let state = Arc::new(Mutex::new(State {
            token: TOKEN.into(),
            login: "me".into(),
            scopes: Some("repo, read:org".into()),
            orgs: BTreeMap::from([("acme".into(), vec!["platform".into(), "devs".into()])]),
            repos: BTreeMap::new(),
            requests: Vec::new(),
            keys_elsewhere: Vec::new(),
            fault: None,
            before_push: None,
            before_fetch: None,
            deepens: Vec::new(),
            ssh_refused: false,
            next_id: 1,
        }));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let host = format!("127.0.0.1:{}", addr.port());
        let server = Server {
            state: state.clone(),
            root: root.clone(),
            host: host.clone(),
            host_keys: host_keys.clone(),
        };
        let server = Arc::new(server);
        let thread = serve_tls(
            listener,
            cert_pem,
            key_pem,
            move |method, uri, headers, body| {
                let server = server.clone();
                async move { server.handle(method, uri, headers, body).await }
            },
        );
        let sshd = if ssh {
            let serve = dir.path().join("git-serve");
            std::fs::write(&serve, git_serve_script(&root)).unwrap();
            std::fs::set_permissions(&serve, std::os::unix::fs::PermissionsExt::from_mode(0o755))
                .unwrap();
            let command = format!(
                "/usr/bin/curl -sSf --noproxy * --cacert {} https://{host}{AUTHORIZED_KEYS}",
                ca_file.display()
            );
            let keys = ["ed25519", "ecdsa"].map(|t| dir.path().join(format!("host_{t}")));
            Some(super::sshd::Sshd::start_git_host(&keys, &command, &root)?)
        } else {
            None
        };
        Some(FakeGitHub {
            host,
            ca_file,
            root,
            host_keys,
            ssh_host: sshd.as_ref().map(|d| format!("127.0.0.1:{}", d.port)),
            state,
            _sshd: sshd,
            _dir: dir,
            _thread: thread,
        })
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The API requests so far, as `METHOD /path`.
    pub fn calls(&self) -> Vec<String> {
        self.state()
            .requests
            .iter()
            .map(|r| format!("{} {}", r.method, r.path))
            .collect()
    }

    /// Requests that change something (anything but GET).
    pub fn writes(&self) -> Vec<String> {
        self.calls()
            .into_iter()
            .filter(|c| !c.starts_with("GET "))
            .collect()
    }

    /// Makes every SSH session wait (`true`) until released (`false`): a slow Git host.
    #[allow(dead_code)]
    pub fn hold_ssh(&self, hold: bool) {
        let file = self.root.parent().unwrap().join("ssh-hold");
        let _ = std::fs::remove_file(self.root.parent().unwrap().join("ssh-held"));
        if hold {
            std::fs::write(file, "").unwrap();
        } else {
            let _ = std::fs::remove_file(file);
        }
    }

    /// Whether an SSH session has been held since [`FakeGitHub::hold_ssh`] was last called.
    #[allow(dead_code)]
    pub fn ssh_held(&self) -> bool {
        self.root.parent().unwrap().join("ssh-held").exists()
    }

    /// Registers `public` as a deploy key of `owner/repo`, as a user does in GitHub's web
    /// interface.
    #[allow(dead_code)]
    pub fn add_deploy_key(&self, owner: &str, repo: &str, public: &str, read_only: bool) {
        let mut state = self.state();
        let id = state.next_id;
        state.next_id += 1;
        let key = public
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        state
            .repos
            .get_mut(&format!("{owner}/{repo}"))
            .expect("a repository of the stand-in")
            .keys
            .push(DeployKey {
                id,
                title: "added by hand".into(),
                key,
                read_only,
            });
    }

    pub fn bare(&self, owner: &str, repo: &str) -> PathBuf {
        self.root.join(owner).join(format!("{repo}.git"))
    }

    /// Creates a repository as if made on github.com, with `files` in its first commit.
    pub fn seed_repo(&self, owner: &str, name: &str, private: bool, files: &[(&str, &str)]) {
        create_bare(&self.bare(owner, name), files);
        self.state().repos.insert(
            format!("{owner}/{name}"),
            Repo {
                private,
                default_branch: "main".into(),
                ..Repo::default()
            },
        );
    }

    /// `git <args>` in the bare repository of `owner/repo`.
    pub fn git(&self, owner: &str, repo: &str, args: &[&str]) -> String {
        git(&self.bare(owner, repo), args)
    }
}

/// Serves HTTPS on `listener` (non-blocking) with the PEM certificate and key, every request
/// answered by `handle`, on a thread of its own with its own runtime.
pub fn serve_tls<F, Fut>(
    listener: std::net::TcpListener,
    cert_pem: Vec<u8>,
    key_pem: Vec<u8>,
    handle: F,
) -> std::thread::JoinHandle<()>
where
    F: Fn(Method, Uri, HeaderMap, Bytes) -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Response> + Send + 'static,
{
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let _ = rustls::crypto::ring::default_provider().install_default();
            let config = axum_server::tls_rustls::RustlsConfig::from_pem(cert_pem, key_pem)
                .await
                .unwrap();
            let app = axum::Router::new().fallback(
                move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                    handle(method, uri, headers, body)
                },
            );
            axum_server::from_tcp_rustls(listener, config)
                .unwrap()
                .serve(app.into_make_service())
                .await
                .unwrap();
        });
    })
}

/// Runs git in `dir` and returns its trimmed stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "someone")
        .env("GIT_AUTHOR_EMAIL", "someone@example.com")
        .env("GIT_COMMITTER_NAME", "someone")
        .env("GIT_COMMITTER_EMAIL", "someone@example.com")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// A bare repository (default branch main, non-fast-forward pushes refused as on GitHub),
/// with one commit holding `files` unless there are none.
pub fn create_bare(path: &Path, files: &[(&str, &str)]) {
    std::fs::create_dir_all(path).unwrap();
    git(path, &["init", "--bare", "-q", "-b", "main"]);
    git(path, &["config", "receive.denyNonFastForwards", "true"]);
    git(path, &["config", "http.receivepack", "true"]);
    if !files.is_empty() {
        commit_files(path, "main", files, "Initial commit");
    }
}

/// Whether the repository at `bare` has `branch`.
pub fn branch_exists(bare: &Path, branch: &str) -> bool {
    Command::new("git")
        .arg("-C")
        .arg(bare)
        .args([
            "rev-parse",
            "--verify",
            "-q",
            &format!("refs/heads/{branch}"),
        ])
        .output()
        .unwrap()
        .status
        .success()
}

/// Commits `files` on top of `branch` in a bare repository (as someone else pushing).
pub fn commit_files(bare: &Path, branch: &str, files: &[(&str, &str)], message: &str) -> String {
    let work = tempfile::tempdir().unwrap();
    let url = format!("file://{}", bare.display());
    if branch_exists(bare, branch) {
        git(work.path(), &["clone", "-q", "-b", branch, &url, "."]);
    } else {
        git(work.path(), &["init", "-q", "-b", branch]);
    }
    for (path, text) in files {
        let file = work.path().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    git(work.path(), &["add", "-A"]);
    git(work.path(), &["commit", "-q", "-m", message]);
    git(
        work.path(),
        &["push", "-q", &url, &format!("HEAD:refs/heads/{branch}")],
    );
    git(work.path(), &["rev-parse", "HEAD"])
}

/// A private CA (written to `ca_file`) and a server certificate for 127.0.0.1 it signed: `(cert
/// PEM, key PEM)`.
pub fn certificates(ca_file: &Path) -> (Vec<u8>, Vec<u8>) {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name
        .push(DnType::CommonName, "floe test CA");
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    std::fs::write(ca_file, ca_cert.pem()).unwrap();
    let issuer = Issuer::new(ca, ca_key);
    let key = KeyPair::generate().unwrap();
    let mut leaf =
        CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()]).unwrap();
    leaf.distinguished_name
        .push(DnType::CommonName, "127.0.0.1");
    let cert = leaf.signed_by(&key, &issuer).unwrap();
    (cert.pem().into_bytes(), key.serialize_pem().into_bytes())
}

/// Real host public keys (as GET /meta lists GitHub's), made with ssh-keygen.
pub fn host_keys(dir: &Path) -> Vec<String> {
    ["ed25519", "ecdsa"]
        .iter()
        .map(|t| {
            let file = dir.join(format!("host_{t}"));
            let status = Command::new("ssh-keygen")
                .args(["-q", "-t", t, "-N", "", "-f"])
                .arg(&file)
                .status()
                .unwrap();
            assert!(status.success());
            let public = std::fs::read_to_string(file.with_extension("pub")).unwrap();
            public
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

struct Server {
    state: Arc<Mutex<State>>,
    root: PathBuf,
    host: String,
    host_keys: Vec<String>,
}

fn json_response(status: StatusCode, body: Value) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json; charset=utf-8")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn empty(status: StatusCode) -> Response {
    Response::builder()
        .status(status)
        .body(Body::empty())
        .unwrap()
}

fn error(status: StatusCode, message: &str) -> Response {
    json_response(
        status,
        json!({
            "message": message,
            "documentation_url": "https://docs.github.com/rest",
            "status": status.as_u16().to_string(),
        }),
    )
}

fn validation(resource: &str, field: &str, message: &str, top: &str) -> Response {
    json_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        json!({
            "message": top,
            "errors": [{ "resource": resource, "code": "custom", "field": field, "message": message }],
            "documentation_url": "https://docs.github.com/rest",
            "status": "422",
        }),
    )
}

/// Where the SSH endpoint's sshd reads the deploy keys (not a GitHub API path: the stand-in's
/// own plumbing, not recorded among the requests).
pub const AUTHORIZED_KEYS: &str = "/_stand-in/authorized_keys";

/// The forced command of every deploy key: `git-serve OWNER/REPO ro|rw` runs the Git command
/// the client asked for (`$SSH_ORIGINAL_COMMAND`, e.g. `git-upload-pack '/me/fleet'`) on that
/// repository only, and a push only with a read-write key, with GitHub's messages otherwise.
/// While the file `ssh-hold` beside the repositories exists, every SSH session waits before it
/// starts (a slow host, for [`FakeGitHub::hold_ssh`]).
pub fn git_serve_script(root: &Path) -> String {
    format!(
        r#"#!/bin/sh
repo=$1 access=$2
if [ -e "{hold}" ]; then : > "{held}"; fi
while [ -e "{hold}" ]; do sleep 0.1; done
set -f
set -- $SSH_ORIGINAL_COMMAND
command=$1
path=$(printf '%s' "$2" | tr -d "'")
path=${{path#/}}
path=${{path%.git}}
if [ "$path" != "$repo" ]; then
  echo "ERROR: Repository not found." >&2
  exit 1
fi
case $command in
  git-upload-pack) ;;
  git-receive-pack)
    if [ "$access" != rw ]; then
      echo "ERROR: The key you are authenticating with has been marked as read only." >&2
      exit 1
    fi ;;
  *)
    echo "Hi! You've successfully authenticated, but GitHub does not provide shell access." >&2
    exit 1 ;;
esac
exec "$command" "{root}/$repo.git"
"#,
        root = root.display(),
        hold = root.parent().unwrap().join("ssh-hold").display(),
        held = root.parent().unwrap().join("ssh-held").display()
    )
}

impl Server {
    /// Every repository's deploy keys as authorized_keys lines, each restricted to its
    /// repository and access by the forced command.
    fn authorized_keys(&self) -> String {
        let serve = self.root.parent().unwrap().join("git-serve");
        let state = self.state();
        let mut lines = String::new();
        if state.ssh_refused {
            return lines;
        }
        for (full, repo) in &state.repos {
            for key in &repo.keys {
                let access = if key.read_only { "ro" } else { "rw" };
                lines.push_str(&format!(
                    "command=\"{} {full} {access}\",restrict {}\n",
                    serve.display(),
                    key.key
                ));
            }
        }
        lines
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    async fn handle(&self, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
        let path = uri.path().to_string();
        if path == AUTHORIZED_KEYS {
            return Response::builder()
                .status(StatusCode::OK)
                .body(Body::from(self.authorized_keys()))
                .unwrap();
        }
        if let Some(api_path) = path.strip_prefix("/api/v3") {
            let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
            let body_json: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            self.state().requests.push(Recorded {
                method: method.to_string(),
                path: format!("{api_path}{query}"),
                body: body_json.clone(),
            });
            let mut response = self.api(
                &method,
                api_path,
                uri.query().unwrap_or(""),
                &headers,
                &body_json,
            );
            let h = response.headers_mut();
            h.insert(
                "x-github-media-type",
                HeaderValue::from_static("github.v3; format=json"),
            );
            if !h.contains_key("x-ratelimit-remaining") {
                h.insert("x-ratelimit-limit", HeaderValue::from_static("5000"));
                h.insert("x-ratelimit-remaining", HeaderValue::from_static("4999"));
                h.insert("x-ratelimit-reset", HeaderValue::from_static("1893456000"));
                h.insert("x-ratelimit-resource", HeaderValue::from_static("core"));
            }
            return response;
        }
        self.git(method, uri, headers, body).await
    }

    fn api(
        &self,
        method: &Method,
        path: &str,
        query: &str,
        headers: &HeaderMap,
        body: &Value,
    ) -> Response {
        if headers.get("user-agent").is_none() {
            return error(
                StatusCode::FORBIDDEN,
                "Request forbidden by administrative rules. Please make sure your request has a User-Agent header",
            );
        }
        let mut state = self.state();
        let auth = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let token = auth
            .strip_prefix("Bearer ")
            .or_else(|| auth.strip_prefix("token "))
            .unwrap_or("");
        if token != state.token {
            return error(StatusCode::UNAUTHORIZED, "Bad credentials");
        }
        match state.fault.take() {
            Some(Fault::RateLimited) => {
                let mut r = error(
                    StatusCode::FORBIDDEN,
                    "API rate limit exceeded for user ID 1.",
                );
                let h = r.headers_mut();
                h.insert("x-ratelimit-limit", HeaderValue::from_static("5000"));
                h.insert("x-ratelimit-remaining", HeaderValue::from_static("0"));
                h.insert("x-ratelimit-reset", HeaderValue::from_static("1893456000"));
                return r;
            }
            Some(Fault::RetryAfter) => {
                let mut r = error(
                    StatusCode::TOO_MANY_REQUESTS,
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                );
                r.headers_mut()
                    .insert("retry-after", HeaderValue::from_static("1"));
                return r;
            }
            Some(Fault::EndlessBody) => {
                let chunks = futures::StreamExt::take(
                    futures::stream::repeat_with(|| {
                        Ok::<_, std::io::Error>(Bytes::from_static(&[b' '; 64 * 1024]))
                    }),
                    4096,
                );
                return Response::builder()
                    .status(StatusCode::OK)
                    .header("content-type", "application/json")
                    .body(Body::from_stream(chunks))
                    .unwrap();
            }
            None => {}
        }
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let accept = headers
            .get("accept")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        match (method.as_str(), parts.as_slice()) {
            ("GET", ["user"]) => {
                let mut r = json_response(
                    StatusCode::OK,
                    json!({ "login": state.login, "id": 1, "type": "User" }),
                );
                if let Some(scopes) = &state.scopes {
                    r.headers_mut()
                        .insert("x-oauth-scopes", HeaderValue::from_str(scopes).unwrap());
                }
                r
            }
            ("GET", ["meta"]) => json_response(
                StatusCode::OK,
                json!({ "verifiable_password_authentication": false, "ssh_keys": self.host_keys }),
            ),
            ("GET", ["repos", owner, name]) => match state.visible(owner, name) {
                Some(repo) => json_response(StatusCode::OK, self.repo_json(owner, name, repo)),
                None => error(StatusCode::NOT_FOUND, "Not Found"),
            },
            ("PATCH", ["repos", owner, name]) => {
                let Some(repo) = state.visible_mut(owner, name) else {
                    return error(StatusCode::NOT_FOUND, "Not Found");
                };
                if let Some(branch) = body["default_branch"].as_str() {
                    let bare = self.root.join(owner).join(format!("{name}.git"));
                    if !branch_exists(&bare, branch) {
                        return validation(
                            "Repository",
                            "default_branch",
                            "Cannot update default branch for this repository",
                            "Validation Failed",
                        );
                    }
                    repo.default_branch = branch.to_string();
                }
                if let Some(private) = body["private"].as_bool() {
                    repo.private = private;
                }
                let repo = repo.clone();
                json_response(StatusCode::OK, self.repo_json(owner, name, &repo))
            }
            ("POST", ["user", "repos"]) => {
                let owner = state.login.clone();
                self.create_repo(&mut state, &owner, body)
            }
            ("POST", ["orgs", org, "repos"]) => {
                if !state.orgs.contains_key(*org) {
                    return error(StatusCode::NOT_FOUND, "Not Found");
                }
                self.create_repo(&mut state, org, body)
            }
            (m, ["orgs", org, "teams", team, "repos", owner, name]) => {
                let known_team = state
                    .orgs
                    .get(*org)
                    .is_some_and(|t| t.iter().any(|x| x == team));
                let repo = match state.visible_mut(owner, name) {
                    Some(repo) if known_team => repo,
                    _ => return error(StatusCode::NOT_FOUND, "Not Found"),
                };
                match m {
                    "GET" => match repo.teams.get(*team).cloned() {
                        None => error(StatusCode::NOT_FOUND, "Not Found"),
                        Some(role) if accept.contains("repository+json") => {
                            let levels = ["pull", "triage", "push", "maintain", "admin"];
                            let rank = levels.iter().position(|l| *l == role).unwrap();
                            let mut body = self.repo_json(owner, name, &repo.clone());
                            body["role_name"] = json!(role);
                            body["permissions"] = json!(
                                levels
                                    .iter()
                                    .enumerate()
                                    .map(|(i, l)| (l.to_string(), json!(i <= rank)))
                                    .collect::<serde_json::Map<_, _>>()
                            );
                            json_response(StatusCode::OK, body)
                        }
                        Some(_) => empty(StatusCode::NO_CONTENT),
                    },
                    "PUT" => {
                        let permission = body["permission"].as_str().unwrap_or("push").to_string();
                        if !["pull", "triage", "push", "maintain", "admin"]
                            .contains(&permission.as_str())
                        {
                            return validation(
                                "TeamRepository",
                                "permission",
                                "permission is not included in the list",
                                "Validation Failed",
                            );
                        }
                        repo.teams.insert(team.to_string(), permission);
                        empty(StatusCode::NO_CONTENT)
                    }
                    _ => error(StatusCode::NOT_FOUND, "Not Found"),
                }
            }
            ("GET", ["repos", owner, name, "keys"]) => {
                let Some(repo) = state.visible(owner, name) else {
                    return error(StatusCode::NOT_FOUND, "Not Found");
                };
                let params: BTreeMap<String, String> =
                    url::form_urlencoded::parse(query.as_bytes())
                        .into_owned()
                        .collect();
                let per_page: usize = params
                    .get("per_page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(30)
                    .clamp(1, 100);
                let page: usize = params
                    .get("page")
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(1)
                    .max(1);
                let pages = repo.keys.len().div_ceil(per_page).max(1);
                let items: Vec<Value> = repo
                    .keys
                    .iter()
                    .skip((page - 1) * per_page)
                    .take(per_page)
                    .map(|k| self.key_json(owner, name, k))
                    .collect();
                let mut r = json_response(StatusCode::OK, Value::Array(items));
                let link = |p: usize, rel: &str| {
                    format!(
                        "<https://{}/api/v3/repos/{owner}/{name}/keys?per_page={per_page}&page={p}>; rel=\"{rel}\"",
                        self.host
                    )
                };
                let mut links = Vec::new();
                if page < pages {
                    links.push(link(page + 1, "next"));
                    links.push(link(pages, "last"));
                }
                if page > 1 {
                    links.push(link(1, "first"));
                    links.push(link(page - 1, "prev"));
                }
                if !links.is_empty() {
                    r.headers_mut()
                        .insert("link", HeaderValue::from_str(&links.join(", ")).unwrap());
                }
                r
            }
            ("POST", ["repos", owner, name, "keys"]) => {
                if state.visible(owner, name).is_none() {
                    return error(StatusCode::NOT_FOUND, "Not Found");
                }
                let key = body["key"].as_str().unwrap_or("").trim().to_string();
                let material = |k: &str| k.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
                if !key.starts_with("ssh-") && !key.starts_with("ecdsa-") {
                    return validation(
                        "PublicKey",
                        "key",
                        "key is invalid. You must supply a key in OpenSSH public key format",
                        "Validation Failed",
                    );
                }
                let in_use = state
                    .keys_elsewhere
                    .iter()
                    .any(|k| material(k) == material(&key))
                    || state
                        .repos
                        .values()
                        .flat_map(|r| &r.keys)
                        .any(|k| material(&k.key) == material(&key));
                if in_use {
                    return validation(
                        "PublicKey",
                        "key",
                        "key is already in use",
                        "Validation Failed",
                    );
                }
                let id = state.next_id;
                state.next_id += 1;
                let deploy_key = DeployKey {
                    id,
                    title: body["title"].as_str().unwrap_or("").to_string(),
                    key: material(&key),
                    read_only: body["read_only"].as_bool().unwrap_or(true),
                };
                let json = self.key_json(owner, name, &deploy_key);
                state
                    .visible_mut(owner, name)
                    .unwrap()
                    .keys
                    .push(deploy_key);
                json_response(StatusCode::CREATED, json)
            }
            ("DELETE", ["repos", owner, name, "keys", id]) => {
                let Some(repo) = state.visible_mut(owner, name) else {
                    return error(StatusCode::NOT_FOUND, "Not Found");
                };
                let before = repo.keys.len();
                repo.keys.retain(|k| k.id.to_string() != *id);
                if repo.keys.len() == before {
                    return error(StatusCode::NOT_FOUND, "Not Found");
                }
                empty(StatusCode::NO_CONTENT)
            }
            _ => error(StatusCode::NOT_FOUND, "Not Found"),
        }
    }

    fn create_repo(&self, state: &mut State, owner: &str, body: &Value) -> Response {
        let Some(name) = body["name"].as_str() else {
            return validation(
                "Repository",
                "name",
                "name is missing",
                "Repository creation failed.",
            );
        };
        let full = format!("{owner}/{name}");
        if state.repos.contains_key(&full) {
            return validation(
                "Repository",
                "name",
                "name already exists on this account",
                "Repository creation failed.",
            );
        }
        let files: &[(&str, &str)] = if body["auto_init"] == true {
            &[("README.md", "# fleet\n")]
        } else {
            &[]
        };
        create_bare(&self.root.join(owner).join(format!("{name}.git")), files);
        let repo = Repo {
            private: body["private"].as_bool().unwrap_or(false),
            default_branch: "main".into(),
            ..Repo::default()
        };
        let json = self.repo_json(owner, name, &repo);
        state.repos.insert(full, repo);
        json_response(StatusCode::CREATED, json)
    }

    fn repo_json(&self, owner: &str, name: &str, repo: &Repo) -> Value {
        json!({
            "id": 1,
            "name": name,
            "full_name": format!("{owner}/{name}"),
            "owner": { "login": owner },
            "private": repo.private,
            "visibility": if repo.private { "private" } else { "public" },
            "html_url": format!("https://{}/{owner}/{name}", self.host),
            "clone_url": format!("https://{}/{owner}/{name}.git", self.host),
            "ssh_url": format!("git@127.0.0.1:{owner}/{name}.git"),
            "default_branch": repo.default_branch,
        })
    }

    fn key_json(&self, owner: &str, name: &str, key: &DeployKey) -> Value {
        json!({
            "id": key.id,
            "key": key.key,
            "url": format!("https://{}/api/v3/repos/{owner}/{name}/keys/{}", self.host, key.id),
            "title": key.title,
            "verified": true,
            "created_at": "2026-11-22T00:00:00Z",
            "read_only": key.read_only,
            "added_by": "me",
            "last_used": null,
        })
    }

    /// Git smart HTTP through `git http-backend`, after GitHub-style basic auth.
    async fn git(&self, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
        let path = uri.path().to_string();
        let Some((repo_path, _)) = path.split_once(".git/") else {
            return empty(StatusCode::NOT_FOUND);
        };
        let full = repo_path.trim_start_matches('/').to_string();
        let challenge = || {
            Response::builder()
                .status(StatusCode::UNAUTHORIZED)
                .header("www-authenticate", "Basic realm=\"GitHub\"")
                .body(Body::from("Invalid username or token.\n"))
                .unwrap()
        };
        let password = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Basic "))
            .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
            .and_then(|raw| String::from_utf8(raw).ok())
            .and_then(|pair| pair.split_once(':').map(|(_, p)| p.to_string()));
        let (visible, public, token) = {
            let state = self.state();
            let repo = state.repos.get(&full);
            (
                repo.is_some_and(|r| !r.hidden),
                repo.is_some_and(|r| !r.hidden && !r.private),
                state.token.clone(),
            )
        };
        // As GitHub: a public repository is fetched without credentials; a push always needs
        // them.
        let fetch = uri
            .query()
            .unwrap_or("")
            .contains("service=git-upload-pack")
            || path.ends_with("/git-upload-pack");
        match password {
            None if public && fetch => {}
            None => return challenge(),
            Some(p) if p != token => return challenge(),
            Some(_) => {}
        }
        if !visible {
            return Response::builder()
                .status(StatusCode::NOT_FOUND)
                .body(Body::from("Repository not found.\n"))
                .unwrap();
        }
        let bare = self.root.join(format!("{full}.git"));
        let query = uri.query().unwrap_or("").to_string();
        let hook = if query.contains("service=git-receive-pack") {
            self.state().before_push.take()
        } else if query.contains("service=git-upload-pack") {
            self.state().before_fetch.take()
        } else {
            None
        };
        if let Some(hook) = hook {
            // Off the async workers: a hook may sleep to hold the client in this request.
            let bare = bare.clone();
            let _ = tokio::task::spawn_blocking(move || hook(&bare)).await;
        }
        if path.ends_with("/git-upload-pack") {
            let text = String::from_utf8_lossy(&body);
            let mut state = self.state();
            for deepen in text.match_indices("deepen ") {
                let rest = &text[deepen.0..];
                let line: String = rest.chars().take_while(|c| *c != '\n').collect();
                state.deepens.push(line);
            }
        }
        http_backend(&self.root, &method, &uri, &headers, &body).await
    }
}

/// Serves a Git smart-HTTP request with `git http-backend` over the bare repositories under
/// `root` (the request's path names one, from `root`).
pub async fn http_backend(
    root: &Path,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
) -> Response {
    let path = uri.path().to_string();
    let query = uri.query().unwrap_or("").to_string();
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let mut child = tokio::process::Command::new("git")
        .arg("http-backend")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("GIT_PROJECT_ROOT", root)
        .env("GIT_HTTP_EXPORT_ALL", "1")
        .env("PATH_INFO", &path)
        .env("REQUEST_METHOD", method.as_str())
        .env("QUERY_STRING", &query)
        .env("CONTENT_TYPE", header("content-type"))
        .env("CONTENT_LENGTH", body.len().to_string())
        .env("HTTP_CONTENT_ENCODING", header("content-encoding"))
        .env("GIT_PROTOCOL", header("git-protocol"))
        .env("REMOTE_USER", "me")
        .env("REMOTE_ADDR", "127.0.0.1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use tokio::io::AsyncWriteExt;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(body).await.unwrap();
    }
    let output = child.wait_with_output().await.unwrap();
    cgi_response(&output.stdout)
}

/// Turns a CGI answer (headers, blank line, body) into an HTTP response.
fn cgi_response(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| {
            raw.windows(2)
                .position(|w| w == b"\n\n")
                .map(|i| (i, i + 2))
        })
        .unwrap_or((raw.len(), raw.len()));
    let head = String::from_utf8_lossy(&raw[..split.0]).to_string();
    let mut builder = Response::builder().status(StatusCode::OK);
    for line in head.lines() {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("status") {
            let code: u16 = value
                .split_whitespace()
                .next()
                .unwrap_or("200")
                .parse()
                .unwrap_or(200);
            builder = builder.status(code);
        } else {
            builder = builder.header(name.trim(), value);
        }
    }
    builder.body(Body::from(raw[split.1..].to_vec())).unwrap()
}
