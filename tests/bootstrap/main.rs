//! `floe bootstrap github` and `floe bootstrap git` end to end on the real engine: Flux
//! 2.9.4's own controllers (built by scripts/testbed, host processes under the install's
//! ServiceAccounts, watching only the test's namespace) on Kubernetes 1.36, pulling what floe
//! pushed. Simulated: the GitHub API (tests/common/github.rs, GitHub's documented requests, in
//! front of a real `git http-backend` over HTTPS with a private CA, and OpenSSH's sshd as
//! GitHub's SSH endpoint accepting the registered deploy keys), the kubelet (KWOK) and container
//! images. Failures are real: a key the host refuses, a kustomization that does not build, an
//! image that cannot be pulled, a node that schedules nothing, a Git host that is slow.
//! Bootstraps install cluster-wide objects, so these tests take turns.

#[path = "../common/mod.rs"]
mod common;

use std::sync::{Mutex, MutexGuard};

use common::github::{FakeGitHub, Fault, TOKEN, commit_files, create_bare, git};
use common::sshd::Sshd;
use common::testbed::TestBed;
use predicates::prelude::*;
use serde_json::Value;

/// The personal repository most tests bootstrap from.
const ME_FLEET: [&str; 4] = [
    "--owner=me",
    "--repository=fleet",
    "--personal",
    "--path=clusters/dev",
];

fn turn() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Evaluates to the test's [`Scenario`], or returns from the test (after printing why) when the
/// engine's bed or the GitHub stand-in's SSH endpoint cannot run here.
macro_rules! scenario {
    ($test:expr) => {
        match common::testbed::engine().and_then(|bed| Scenario::new(bed, $test)) {
            Some(s) => s,
            None => return,
        }
    };
}

/// One test's world: its namespace, the GitHub stand-in, and the real controllers the test
/// bed starts once a bootstrap installs them there. Dropping it removes the test's Flux
/// ServiceAccounts and Deployments, so the test bed stops those controllers and the next
/// test's preflight does not find Flux running in another namespace.
struct Scenario {
    bed: &'static TestBed,
    gh: FakeGitHub,
    ns: String,
    /// floe's TMPDIR in this scenario: its scratch directories go here, to be searched.
    tmp: tempfile::TempDir,
    /// A copy of everything floe printed in this scenario (stdout and stderr), to be searched.
    logs: tempfile::TempDir,
    _turn: MutexGuard<'static, ()>,
}

impl Scenario {
    /// On a failure, what this scenario's controllers and the test bed's supervisor logged
    /// last, so a failure on a loaded machine says what the engine was doing.
    fn print_controller_logs(&self) {
        let Some(dir) = &self.bed.dir else { return };
        for log in [
            format!("{}.source-controller.log", self.ns),
            format!("{}.kustomize-controller.log", self.ns),
            "flux-supervisor.log".to_string(),
        ] {
            let text = std::fs::read_to_string(dir.join("logs").join(&log)).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            eprintln!("--- last lines of {log} ---");
            for line in &lines[lines.len().saturating_sub(40)..] {
                eprintln!("{line}");
            }
        }
    }
}

impl Drop for Scenario {
    fn drop(&mut self) {
        // Every scenario ends with a secret scan of what it left behind: the token and the
        // cluster's private key must be in no repository's history, scratch file or
        // cluster object but the Secret.
        if !std::thread::panicking() {
            let key = self.private_key_line();
            let mut secrets = vec![TOKEN];
            secrets.extend(key.as_deref());
            let outputs: Vec<String> = std::fs::read_dir(self.logs.path())
                .unwrap()
                .flatten()
                .map(|f| std::fs::read_to_string(f.path()).unwrap_or_default())
                .collect();
            assert_no_secrets(self, &outputs, self.tmp.path(), &secrets);
        } else {
            self.print_controller_logs();
        }
        // The Flux objects are marked deleted first: an object being deleted is only ever
        // finalized, never applied, so the next test's controllers (they watch every
        // namespace) cannot apply this one's components again. Then the ServiceAccounts:
        // their tokens stop working at once, so a reconcile of this test's kustomize-controller
        // still in flight cannot apply them either; then the Deployments, until none is left;
        // last the finalizers no controller of this test is left to remove.
        const FLUX_OBJECTS: &str =
            "kustomizations.kustomize.toolkit.fluxcd.io,gitrepositories.source.toolkit.fluxcd.io";
        let _ = self
            .bed
            .kubectl()
            .args([
                "delete",
                FLUX_OBJECTS,
                "--all",
                "--wait=false",
                "-n",
                &self.ns,
            ])
            .output();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            // Both again on every turn: a delete refused or lost under load is retried, and
            // the test bed stops this test's controllers only once their ServiceAccounts are
            // gone (until then a kustomize-controller may apply the Deployments again).
            let _ = self
                .bed
                .kubectl()
                .args(["delete", "serviceaccounts", "--all", "-n", &self.ns])
                .output();
            let _ = self
                .bed
                .kubectl()
                .args(["delete", "deployments", "--all", "-n", &self.ns])
                .output();
            if self.deployments().is_empty() && self.flux_service_accounts().is_empty() {
                break;
            }
            // Not a second panic while the test's own unwinds: that would abort the binary.
            if std::time::Instant::now() > deadline {
                assert!(
                    std::thread::panicking(),
                    "the Deployments or ServiceAccounts of {} came back for a minute",
                    self.ns
                );
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(250));
        }
        let left = self
            .bed
            .kubectl()
            .args(["get", FLUX_OBJECTS, "-n", &self.ns, "-o", "name"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
            .unwrap_or_default();
        for object in left.lines() {
            let _ = self
                .bed
                .kubectl()
                .args(["patch", object, "-n", &self.ns, "--type=merge"])
                .args(["-p", r#"{"metadata":{"finalizers":null}}"#])
                .output();
        }
    }
}

impl Scenario {
    fn new(bed: &'static TestBed, test: &str) -> Option<Scenario> {
        let turn = turn();
        let gh = FakeGitHub::start_with_ssh()?;
        let ns = bed.namespace(test);
        Some(Scenario {
            bed,
            gh,
            ns,
            tmp: tempfile::tempdir().unwrap(),
            logs: tempfile::tempdir().unwrap(),
            _turn: turn,
        })
    }

    /// The stand-in's SSH endpoint, `127.0.0.1:PORT`.
    fn ssh_host(&self) -> &str {
        self.gh.ssh_host.as_deref().expect("started with SSH")
    }

    /// The longest line of the private key in the cluster's Secret, if there is one.
    fn private_key_line(&self) -> Option<String> {
        let out = self
            .bed
            .kubectl()
            .args(["get", "secret", "flux-system", "-n", &self.ns])
            .args(["-o", "jsonpath={.data.identity}"])
            .output()
            .ok()?;
        let encoded = String::from_utf8_lossy(&out.stdout).to_string();
        use base64::Engine;
        let key = base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .ok()?;
        String::from_utf8_lossy(&key)
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .max_by_key(|l| l.len())
            .filter(|l| l.len() > 20)
            .map(str::to_string)
    }

    /// `floe` on the test bed, with a copy of its stdout and stderr kept for the secret scan
    /// (bash's tee; the test still reads both streams and the exit status as they were).
    fn floe(&self) -> assert_cmd::Command {
        let out = self.logs.path().join("stdout");
        let err = self.logs.path().join("stderr");
        let mut cmd = assert_cmd::Command::new("bash");
        cmd.env_remove("FLOE_NAMESPACE")
            .env_remove("NO_COLOR")
            .env("KUBECONFIG", &self.bed.kubeconfig)
            .arg("-c")
            .arg(format!(
                "exec \"$0\" \"$@\" > >(tee -a '{}') 2> >(tee -a '{}' >&2)",
                out.display(),
                err.display()
            ))
            .arg(assert_cmd::cargo::cargo_bin("floe"));
        cmd
    }

    /// The cluster's Secret holds the key pair whose public half is `public`.
    fn assert_secret_key(&self, public: &str) {
        assert_eq!(
            floe::credentials::key_material(&self.secret_field("flux-system", "identity.pub")),
            floe::credentials::key_material(public)
        );
    }

    /// `floe bootstrap github` against the fake, with the shared install manifests.
    fn github(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.floe();
        cmd.env("GITHUB_TOKEN", TOKEN)
            .env("TMPDIR", self.tmp.path())
            .args(self.github_args(args));
        cmd
    }

    /// `floe bootstrap git` with the shared install manifests.
    fn git(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.floe();
        cmd.env("TMPDIR", self.tmp.path())
            .args(["bootstrap", "git", "-n", &self.ns])
            .arg("--manifests")
            .arg(common::flux_install_yaml())
            .args(["--author-name=t", "--author-email=t@t"])
            .args(args);
        if !args.iter().any(|a| a.starts_with("--timeout")) {
            cmd.arg("--timeout=3m");
        }
        cmd
    }

    fn secret(&self, name: &str) -> Value {
        let out = self
            .bed
            .kubectl_out(&["get", "secret", name, "-n", &self.ns, "-o", "json"]);
        serde_json::from_str(&out).unwrap()
    }

    fn secret_field(&self, name: &str, field: &str) -> String {
        use base64::Engine;
        let secret = self.secret(name);
        let encoded = secret["data"][field].as_str().unwrap_or_default();
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(encoded)
                .unwrap(),
        )
        .unwrap()
    }

    /// The ServiceAccounts of this test's Flux controllers.
    fn flux_service_accounts(&self) -> Vec<String> {
        let out = self.bed.kubectl_out(&[
            "get",
            "serviceaccounts",
            "-n",
            &self.ns,
            "-l",
            "app.kubernetes.io/part-of=flux",
            "-o",
            "jsonpath={.items[*].metadata.name}",
        ]);
        out.split_whitespace().map(str::to_string).collect()
    }

    fn deployments(&self) -> Vec<String> {
        let out = self.bed.kubectl_out(&[
            "get",
            "deployments",
            "-n",
            &self.ns,
            "-o",
            "jsonpath={.items[*].metadata.name}",
        ]);
        out.split_whitespace().map(str::to_string).collect()
    }

    fn jsonpath(&self, resource: &str, path: &str) -> String {
        self.bed.kubectl_out(&[
            "get",
            resource,
            &self.ns,
            "-n",
            &self.ns,
            "-o",
            &format!("jsonpath={path}"),
        ])
    }
}

/// floe started in the background with its stderr collected line by line, to be signalled
/// while a given step runs.
struct Running {
    child: std::process::Child,
    lines: std::sync::Arc<Mutex<Vec<String>>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    fn start(s: &Scenario, tmpdir: &std::path::Path, args: &[&str]) -> Running {
        use std::io::BufRead;
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("floe"))
            .env_remove("FLOE_NAMESPACE")
            .env_remove("NO_COLOR")
            .env("KUBECONFIG", &s.bed.kubeconfig)
            .env("TMPDIR", tmpdir)
            .env("GITHUB_TOKEN", TOKEN)
            .args(s.github_args(args))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let lines = std::sync::Arc::new(Mutex::new(Vec::new()));
        let sink = lines.clone();
        let reader = std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                sink.lock().unwrap().push(line);
            }
        });
        Running {
            child,
            lines,
            reader: Some(reader),
        }
    }

    /// Waits until a progress line contains `text` (the step before the one to interrupt
    /// has finished).
    fn wait_for(&self, text: &str) {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while std::time::Instant::now() < until {
            if self.lines.lock().unwrap().iter().any(|l| l.contains(text)) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("no line with {text:?}: {:?}", self.lines.lock().unwrap());
    }

    fn signal(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn finish(mut self) -> (Option<i32>, String) {
        let status = self.child.wait().unwrap();
        self.reader.take().unwrap().join().unwrap();
        (status.code(), self.lines.lock().unwrap().join("\n"))
    }
}

impl Scenario {
    /// The arguments `github()` passes, also for a process started by hand: `args` after the
    /// stand-in's settings (its SSH endpoint as `--ssh-hostname`), and `--timeout=3m` unless
    /// `args` set one.
    fn github_args(&self, args: &[&str]) -> Vec<String> {
        let mut all: Vec<String> = [
            "bootstrap",
            "github",
            "-n",
            &self.ns,
            "--hostname",
            &self.gh.host,
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        all.push(format!("--ca-file={}", self.gh.ca_file.display()));
        all.push(format!("--ssh-hostname={}", self.ssh_host()));
        all.push(format!(
            "--manifests={}",
            common::flux_install_yaml().display()
        ));
        all.extend(
            ["--author-name=floe-test", "--author-email=floe@example.com"].map(String::from),
        );
        all.extend(args.iter().map(|a| a.to_string()));
        if !args.iter().any(|a| a.starts_with("--timeout")) {
            all.push("--timeout=3m".to_string());
        }
        all
    }
}

/// floe's scratch directories left in `tmpdir`.
fn scratch_left(tmpdir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(tmpdir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("floe-"))
        .collect()
}

/// Searches everything a user or another program could read for `secrets`: floe's outputs,
/// the history of every repository the fake GitHub holds, the scratch directory, and the
/// test's cluster objects other than Secrets. Reports what it searched; any hit fails.
fn assert_no_secrets(s: &Scenario, outputs: &[String], tmpdir: &std::path::Path, secrets: &[&str]) {
    let mut searched: Vec<(String, String)> = outputs
        .iter()
        .enumerate()
        .map(|(i, o)| (format!("floe output {i}"), o.clone()))
        .collect();
    let mut repositories = 0;
    for owner in std::fs::read_dir(&s.gh.root).unwrap().flatten() {
        for repo in std::fs::read_dir(owner.path()).unwrap().flatten() {
            repositories += 1;
            let history = git(
                &repo.path(),
                &["log", "--all", "-p", "--format=%H %an %ae %s%n%b"],
            );
            searched.push((format!("history of {}", repo.path().display()), history));
        }
    }
    let mut scratch_files = 0;
    let mut stack = vec![tmpdir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                scratch_files += 1;
                searched.push((
                    path.display().to_string(),
                    String::from_utf8_lossy(&bytes).to_string(),
                ));
            }
        }
    }
    // The Flux kinds exist only once a bootstrap installed their CRDs.
    for kinds in [
        "configmaps,deployments,serviceaccounts,events",
        "gitrepositories.source.toolkit.fluxcd.io,kustomizations.kustomize.toolkit.fluxcd.io",
    ] {
        let out = s
            .bed
            .kubectl()
            .args(["get", kinds, "-n", &s.ns, "-o", "yaml"])
            .output()
            .unwrap();
        searched.push((
            format!("cluster objects ({kinds})"),
            String::from_utf8_lossy(&out.stdout).to_string(),
        ));
    }
    let hits: Vec<String> = searched
        .iter()
        .flat_map(|(place, text)| {
            secrets
                .iter()
                .filter(|secret| text.contains(**secret))
                .map(move |_| place.clone())
        })
        .collect();
    eprintln!(
        "secret scan: {} secrets in {} floe outputs, the history of {repositories} repositories, {scratch_files} scratch files and the cluster objects of {}: {} hits",
        secrets.len(),
        outputs.len(),
        s.ns,
        hits.len()
    );
    assert!(hits.is_empty(), "secrets found in: {hits:?}");
}

mod failures;
mod flags;
mod git;
mod github;
