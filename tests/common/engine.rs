//! The real engine's test bed shared by the engine tests (tests/engine*.rs): Flux installed
//! once per test binary, a Git application (a repository on the HTTPS Git server, a source and
//! a sync made Ready by the real controllers), a static HTTP server for Helm repositories, a
//! webhook sink, and a poll for conditions with a deadline that names what it waited for.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use predicates::prelude::*;
use serde_json::Value;

use super::github::{FakeGitHub, TOKEN, git};
use super::testbed::TestBed;

/// The test bed with the real engine and Flux installed by floe on it once per test binary
/// (the default components, plus `extras`; the first call in a binary decides), its
/// controllers running; `None` when it cannot run here (skipped with the reason printed, a
/// failure in CI).
pub fn installed(extras: &[&str]) -> Option<&'static TestBed> {
    let bed = super::testbed::engine()?;
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let mut cmd = bed.floe();
        cmd.args(["install", "--timeout=3m", "--manifests"])
            .arg(super::flux_install_yaml().parent().expect("a directory"));
        if !extras.is_empty() {
            cmd.arg(format!("--components-extra={}", extras.join(",")));
        }
        cmd.assert().success();
    });
    Some(bed)
}

/// The image automation controllers, for [`installed`].
pub const IMAGE_CONTROLLERS: &[&str] =
    &["image-reflector-controller", "image-automation-controller"];

/// Polls `check` until it returns Some, failing the test naming `what` once `limit` has passed.
pub fn eventually<T>(what: &str, limit: Duration, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(
            Instant::now() < deadline,
            "waited {limit:?} for {what}, in vain"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

pub const WEB: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: registry.example.com/web:1.0.0
";

pub fn config(greeting: &str) -> String {
    format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: greeting\ndata:\n  text: {greeting}\n"
    )
}

/// A namespace with a Git repository on the HTTPS server, a source and a sync applying its
/// `apps/` path into the namespace, both created by floe and made Ready by the real
/// controllers.
pub struct App {
    pub bed: &'static TestBed,
    pub gh: FakeGitHub,
    pub ns: String,
}

impl App {
    pub fn new(bed: &'static TestBed, test: &str) -> App {
        let ns = bed.namespace(test);
        let gh = FakeGitHub::start();
        gh.seed_repo(
            "me",
            "app",
            true,
            &[
                ("apps/web.yaml", WEB),
                ("apps/config.yaml", &config("hello")),
            ],
        );
        let app = App { bed, gh, ns };
        let url = app.url();
        let ca = format!("--ca-crt-file={}", app.gh.ca_file.display());
        app.floe(&[
            "create",
            "secret",
            "git",
            "app-auth",
            &format!("--url={url}"),
        ])
        .args(["--username=git", &format!("--password={TOKEN}"), &ca])
        .assert()
        .success();
        // A long interval: nothing here happens by the source's own poll.
        app.floe(&["create", "source", "git", "app", &format!("--url={url}")])
            .args(["--branch=main", "--secret-ref=app-auth", "--interval=10m"])
            .assert()
            .success()
            .stderr(predicate::str::contains(format!(
                "✔ GitRepository {}/app is ready",
                app.ns
            )));
        app.floe(&["create", "sync", "app", "--source=GitRepository/app"])
            .args(["--path=./apps", "--prune", "--interval=10m"])
            .arg(format!("--target-namespace={}", app.ns))
            .assert()
            .success();
        app
    }

    pub fn url(&self) -> String {
        format!("https://{}/me/app.git", self.gh.host)
    }

    /// floe in the test's namespace, bounded by its own --timeout.
    pub fn floe(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.bed.floe();
        cmd.args(args).args(["-n", &self.ns]);
        if !args.iter().any(|a| a.starts_with("--timeout")) {
            cmd.arg("--timeout=2m");
        }
        cmd
    }

    /// floe with the Git server's credentials, for the commands that read Git.
    pub fn floe_git(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.floe(args);
        cmd.arg(format!("--password={TOKEN}"))
            .arg(format!("--ca-file={}", self.gh.ca_file.display()));
        cmd
    }

    pub fn json(&self, args: &[&str]) -> Value {
        super::json_of(&mut self.floe(args))
    }

    pub fn kubectl(&self, args: &[&str]) -> String {
        let mut all = args.to_vec();
        all.extend(["-n", &self.ns]);
        self.bed.kubectl_out(&all)
    }

    pub fn applied(&self) -> String {
        self.kubectl(&[
            "get",
            "kustomization",
            "app",
            "-o",
            "jsonpath={.status.lastAppliedRevision}",
        ])
    }

    pub fn greeting(&self) -> String {
        self.kubectl(&[
            "get",
            "configmap",
            "greeting",
            "-o",
            "jsonpath={.data.text}",
        ])
    }

    /// Pushes `files` to main as `author`, as someone else would; returns the commit.
    pub fn push(&self, author: &str, files: &[(&str, &str)], message: &str) -> String {
        let bare = self.gh.bare("me", "app");
        let work = tempfile::tempdir().unwrap();
        git(
            work.path(),
            &["clone", "-q", &format!("file://{}", bare.display()), "."],
        );
        for (path, text) in files {
            std::fs::write(work.path().join(path), text).unwrap();
        }
        git(work.path(), &["add", "-A"]);
        git(
            work.path(),
            &[
                "-c",
                &format!("user.name={author}"),
                "-c",
                &format!("user.email={author}@example.com"),
                "commit",
                "-q",
                "--author",
                &format!("{author} <{author}@example.com>"),
                "-m",
                message,
            ],
        );
        git(work.path(), &["push", "-q", "origin", "HEAD:main"]);
        git(work.path(), &["rev-parse", "HEAD"])
    }
}

/// A Helm repository: every file of `dir`, over plain HTTP on 127.0.0.1, as a static server
/// (GitHub Pages, S3) serves one.
pub fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            // The rest of the request head.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/");
            let name = path.trim_start_matches('/');
            let file = (!name.contains("..") && !name.is_empty())
                .then(|| std::fs::read(dir.join(name)).ok())
                .flatten();
            let response = match file {
                Some(body) => {
                    let mut r = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    r.extend(body);
                    r
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_vec(),
            };
            let _ = stream.write_all(&response);
        }
    });
    url
}

/// Packages chart `demo` at `version` (a ConfigMap naming the chart version and a value) into
/// `repo`, and rewrites index.yaml to list every chart packaged so far.
pub fn package_chart(repo: &Path, version: &str, template: &str, listed: &mut Vec<String>) {
    let work = tempfile::tempdir().unwrap();
    let chart = work.path().join("demo");
    std::fs::create_dir_all(chart.join("templates")).unwrap();
    std::fs::write(
        chart.join("Chart.yaml"),
        format!("apiVersion: v2\nname: demo\nversion: {version}\n"),
    )
    .unwrap();
    std::fs::write(chart.join("values.yaml"), "text: hello\n").unwrap();
    std::fs::write(chart.join("templates/configmap.yaml"), template).unwrap();
    let archive = repo.join(format!("demo-{version}.tgz"));
    let status = std::process::Command::new("tar")
        .arg("-czf")
        .arg(&archive)
        .arg("-C")
        .arg(work.path())
        .arg("demo")
        .status()
        .unwrap();
    assert!(status.success(), "tar failed");
    listed.push(version.to_string());
    let mut index = String::from("apiVersion: v1\nentries:\n  demo:\n");
    for v in listed.iter().rev() {
        index.push_str(&format!(
            "  - apiVersion: v2\n    name: demo\n    version: {v}\n    created: \"2026-12-03T00:00:00Z\"\n    urls:\n    - demo-{v}.tgz\n"
        ));
    }
    index.push_str("generated: \"2026-12-03T00:00:00Z\"\n");
    std::fs::write(repo.join("index.yaml"), index).unwrap();
}

/// Reads one HTTP/1.1 request: its head lines and body (Content-Length).
pub fn read_request(stream: &std::net::TcpStream) -> Option<(Vec<String>, Vec<u8>)> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut head = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end().to_string();
        if line.is_empty() {
            break;
        }
        head.push(line);
    }
    let length = head
        .iter()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
        })
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some((head, body))
}

/// A webhook sink on 127.0.0.1: every request body it receives, in order.
pub fn sink() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let received = Arc::new(Mutex::new(Vec::new()));
    let seen = received.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            if let Some((_, body)) = read_request(&stream) {
                seen.lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&body).to_string());
            }
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    (url, received)
}
