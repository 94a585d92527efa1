//! A real Gitea server (code.gitea.io/gitea, built by `scripts/gitea build`) on 127.0.0.1 over
//! HTTPS with a private CA, with one admin user and an access token, for the tests of floe's
//! Gitea support. Each test starts its own; it stops when dropped.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

pub const USER: &str = "floe";
const PASSWORD: &str = "Floe-test-password-1";

pub struct Gitea {
    /// `https://127.0.0.1:PORT`
    pub url: String,
    /// `127.0.0.1:PORT`
    pub host: String,
    /// `127.0.0.1:PORT` of Gitea's built-in SSH server (user `git`).
    pub ssh_host: String,
    pub token: String,
    pub ca_file: PathBuf,
    server: Child,
    dir: tempfile::TempDir,
}

impl Drop for Gitea {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// The executable scripts/gitea builds (`FLOE_GITEA` overrides), when it is there.
fn executable() -> Option<PathBuf> {
    let path = std::env::var_os("FLOE_GITEA")
        .map(PathBuf::from)
        .or_else(|| {
            let out = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/gitea"))
                .arg("path")
                .output()
                .ok()?;
            Some(PathBuf::from(String::from_utf8(out.stdout).ok()?.trim()))
        })?;
    path.is_file().then_some(path)
}

impl Gitea {
    /// Starts Gitea, or `None` (skipped, or failed under CI=true) when it was not built.
    pub fn start() -> Option<Gitea> {
        let exe = executable();
        if !super::require(exe.is_some(), "Gitea (scripts/gitea build)") {
            return None;
        }
        let exe = exe.unwrap();
        let static_root =
            std::fs::read_to_string(exe.with_file_name("static-root")).expect("static-root");
        let dir = tempfile::tempdir().unwrap();
        let ca_file = dir.path().join("ca.pem");
        let (cert, key) = super::github::certificates(&ca_file);
        std::fs::write(dir.path().join("cert.pem"), cert).unwrap();
        std::fs::write(dir.path().join("key.pem"), key).unwrap();
        let port = super::free_port();
        let ssh_port = super::free_port();
        let user = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout)
            .unwrap()
            .trim()
            .to_string();
        let d = dir.path().display();
        let ini = dir.path().join("app.ini");
        std::fs::write(
            &ini,
            format!(
                "APP_NAME = floe test\nRUN_MODE = prod\nRUN_USER = {user}\n\
                 I_AM_BEING_UNSAFE_RUNNING_AS_ROOT = true\nWORK_PATH = {d}\n\n\
                 [server]\nPROTOCOL = https\nHTTP_ADDR = 127.0.0.1\nHTTP_PORT = {port}\n\
                 ROOT_URL = https://127.0.0.1:{port}/\nCERT_FILE = {d}/cert.pem\nKEY_FILE = {d}/key.pem\n\
                 DISABLE_SSH = false\nSTART_SSH_SERVER = true\nSSH_DOMAIN = 127.0.0.1\n\
                 SSH_PORT = {ssh_port}\nSSH_LISTEN_HOST = 127.0.0.1\nSSH_LISTEN_PORT = {ssh_port}\n\
                 BUILTIN_SSH_SERVER_USER = git\nSTATIC_ROOT_PATH = {}\nAPP_DATA_PATH = {d}/data\n\
                 OFFLINE_MODE = true\nLFS_START_SERVER = false\n\n\
                 [database]\nDB_TYPE = sqlite3\nPATH = {d}/gitea.db\n\n\
                 [repository]\nROOT = {d}/repos\n\n\
                 [security]\nINSTALL_LOCK = true\n\n\
                 [service]\nDISABLE_REGISTRATION = true\n\n\
                 [mailer]\nENABLED = false\n\n\
                 [session]\nPROVIDER = memory\n\n[cache]\nADAPTER = memory\n\n\
                 [log]\nMODE = file\nROOT_PATH = {d}/log\nLEVEL = Warn\n",
                static_root.trim()
            ),
        )
        .unwrap();
        let gitea = |args: &[&str]| {
            let out = Command::new(&exe)
                .args(args)
                .arg("--config")
                .arg(&ini)
                .env("GITEA_WORK_DIR", dir.path())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "gitea {args:?}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        };
        gitea(&["migrate"]);
        gitea(&[
            "admin",
            "user",
            "create",
            "--username",
            USER,
            "--password",
            PASSWORD,
            "--email",
            "floe@example.com",
            "--admin",
            "--must-change-password=false",
        ]);
        let token = gitea(&[
            "admin",
            "user",
            "generate-access-token",
            "--username",
            USER,
            "--token-name",
            "floe-tests",
            "--scopes",
            "write:repository,write:user,write:organization",
            "--raw",
        ])
        .trim()
        .to_string();
        let log = std::fs::File::create(dir.path().join("server.log")).unwrap();
        let server = Command::new(&exe)
            .args(["web", "--config"])
            .arg(&ini)
            .env("GITEA_WORK_DIR", dir.path())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .unwrap();
        let gitea = Gitea {
            url: format!("https://127.0.0.1:{port}"),
            host: format!("127.0.0.1:{port}"),
            ssh_host: format!("127.0.0.1:{ssh_port}"),
            token,
            ca_file,
            server,
            dir,
        };
        // Ready when its API answers (it migrates and warms caches first).
        let deadline = Instant::now() + Duration::from_secs(60);
        while gitea.api("GET", "/api/v1/version", None).0 != 200
            || std::net::TcpStream::connect(&gitea.ssh_host).is_err()
        {
            assert!(
                Instant::now() < deadline,
                "Gitea did not answer in 60 s: {}",
                std::fs::read_to_string(gitea.dir.path().join("server.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        Some(gitea)
    }

    /// A REST API v1 call with the token: `(status, body)`.
    pub fn api(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        let mut cmd = Command::new("curl");
        cmd.args(["-sS", "-o", "-", "-w", "\n%{http_code}", "-X", method])
            .arg("--cacert")
            .arg(&self.ca_file)
            .arg("-H")
            .arg(format!("Authorization: token {}", self.token))
            .args(["-H", "Content-Type: application/json"])
            .arg(format!("{}{path}", self.url));
        if let Some(body) = body {
            cmd.arg("--data").arg(body.to_string());
        }
        let out = cmd.output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let (body, code) = text.rsplit_once('\n').unwrap_or(("", "0"));
        (
            code.trim().parse().unwrap_or(0),
            serde_json::from_str(body).unwrap_or(Value::Null),
        )
    }

    /// The clone URL of `owner/name`.
    pub fn repo_url(&self, owner: &str, name: &str) -> String {
        format!("{}/{owner}/{name}.git", self.url)
    }

    /// Commits `files` (path, content; `None` deletes) to `owner/name`'s `main` as `author`,
    /// pushed with the token; the new commit.
    pub fn commit(
        &self,
        owner: &str,
        name: &str,
        author: &str,
        files: &[(&str, Option<&str>)],
        message: &str,
    ) -> String {
        let work = tempfile::tempdir().unwrap();
        let url = format!(
            "https://{USER}:{}@{}/{owner}/{name}.git",
            self.token, self.host
        );
        let git = |args: &[&str]| {
            let out = Command::new("git")
                .arg("-C")
                .arg(work.path())
                .args(args)
                .env("GIT_SSL_CAINFO", &self.ca_file)
                .env("GIT_AUTHOR_NAME", author)
                .env("GIT_AUTHOR_EMAIL", format!("{author}@example.com"))
                .env("GIT_COMMITTER_NAME", author)
                .env("GIT_COMMITTER_EMAIL", format!("{author}@example.com"))
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "git {}: {}",
                args[0],
                String::from_utf8_lossy(&out.stderr).replace(&self.token, "***")
            );
            String::from_utf8(out.stdout).unwrap().trim().to_string()
        };
        git(&["init", "-q", "-b", "main"]);
        // main so far; an empty repository has none yet, and the fetch then fails.
        let fetched = Command::new("git")
            .arg("-C")
            .arg(work.path())
            .args(["fetch", "-q", &url, "main"])
            .env("GIT_SSL_CAINFO", &self.ca_file)
            .status()
            .unwrap();
        if fetched.success() {
            git(&["reset", "-q", "--hard", "FETCH_HEAD"]);
        }
        for (path, content) in files {
            let file = work.path().join(path);
            match content {
                Some(text) => {
                    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                    std::fs::write(&file, text).unwrap();
                }
                None => {
                    let _ = std::fs::remove_file(&file);
                }
            }
        }
        git(&["add", "-A"]);
        git(&["commit", "-q", "-m", message]);
        git(&["push", "-q", &url, "HEAD:refs/heads/main"]);
        git(&["rev-parse", "HEAD"])
    }
}
