//! `floe bootstrap github` and `floe bootstrap git` end to end on the real engine: Flux
//! 2.9.4's own controllers (built by scripts/testbed, host processes under the install's
//! ServiceAccounts, watching only the test's namespace) on Kubernetes 1.36, pulling what floe
//! pushed. Simulated: the GitHub API (tests/common/github.rs, GitHub's documented requests, in
//! front of a real `git http-backend` over HTTPS with a private CA, and OpenSSH's sshd as
//! GitHub's SSH endpoint accepting the registered deploy keys), the kubelet (KWOK) and container
//! images. Failures are real: a key the host refuses, a kustomization that does not build, an
//! image that cannot be pulled, a node that schedules nothing, a Git host that is slow.
//! Bootstraps install cluster-wide objects, so these tests take turns.

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
        let _ = self
            .bed
            .kubectl()
            .args(["delete", "serviceaccounts", "--all", "-n", &self.ns])
            .output();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let _ = self
                .bed
                .kubectl()
                .args(["delete", "deployments", "--all", "-n", &self.ns])
                .output();
            if self.deployments().is_empty() {
                break;
            }
            // Not a second panic while the test's own unwinds: that would abort the binary.
            if std::time::Instant::now() > deadline {
                assert!(
                    std::thread::panicking(),
                    "the Deployments of {} came back for a minute",
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

/// A new personal repository: created private and auto-initialised, the three files pushed,
/// the controllers installed, a deploy key registered and stored, and the sync verified at
/// the pushed commit. A second run with the same flags changes nothing anywhere, even when
/// it has to page through many deploy keys.
#[test]
fn new_personal_repo_then_idempotent_rerun_on_the_real_controllers() {
    let s = scenario!("bs-personal");
    let started = std::time::Instant::now();
    let first = s.github(&ME_FLEET).assert().success();
    common::record_timing("first bootstrap", started);
    let stderr = String::from_utf8_lossy(&first.get_output().stderr).to_string();
    assert!(stderr.contains("bootstrap finished"), "{stderr}");
    assert!(!stderr.contains(TOKEN), "the token is never printed");

    // Exactly what floe asked GitHub for, in order.
    let calls = s.gh.calls();
    assert_eq!(calls[0], "GET /user");
    assert_eq!(calls[1], "GET /repos/me/fleet");
    assert_eq!(calls[2], "POST /user/repos");
    assert!(calls.contains(&"GET /meta".to_string()), "{calls:?}");
    assert!(
        calls.contains(&"POST /repos/me/fleet/keys".to_string()),
        "{calls:?}"
    );
    let state = s.gh.state();
    let create = state
        .requests
        .iter()
        .find(|r| r.path == "/user/repos")
        .unwrap();
    assert_eq!(create.body["name"], "fleet");
    assert_eq!(create.body["private"], true);
    assert_eq!(create.body["auto_init"], true);
    let key_request = state
        .requests
        .iter()
        .find(|r| r.method == "POST" && r.path.ends_with("/keys"))
        .unwrap();
    assert_eq!(key_request.body["read_only"], true);
    let title = key_request.body["title"].as_str().unwrap().to_string();
    assert!(
        title.contains("clusters/dev") && title.contains("main"),
        "{title}"
    );
    let registered = state.repos["me/fleet"].keys[0].key.clone();
    drop(state);

    // The repository: README from auto_init kept, floe's files added in one commit.
    let head = s.gh.git("me", "fleet", &["rev-parse", "main"]);
    assert_eq!(
        s.gh.git("me", "fleet", &["show", "main:README.md"]),
        "# fleet"
    );
    let files =
        s.gh.git("me", "fleet", &["ls-tree", "-r", "--name-only", "main"]);
    assert_eq!(
        files.lines().collect::<Vec<_>>(),
        [
            "README.md",
            "clusters/dev/flux-system/gotk-components.yaml",
            "clusters/dev/flux-system/gotk-sync.yaml",
            "clusters/dev/flux-system/kustomization.yaml"
        ]
    );
    let sync = s.gh.git(
        "me",
        "fleet",
        &["show", "main:clusters/dev/flux-system/gotk-sync.yaml"],
    );
    assert!(
        sync.contains(&format!("url: ssh://git@{}/me/fleet\n", s.ssh_host())),
        "{sync}"
    );
    assert!(sync.contains("path: ./clusters/dev"), "{sync}");
    assert!(sync.contains("interval: 10m0s"), "{sync}");
    let components = s.gh.git(
        "me",
        "fleet",
        &["show", "main:clusters/dev/flux-system/gotk-components.yaml"],
    );
    assert!(
        components.starts_with("---\n# This manifest was generated by floe. DO NOT EDIT.\n"),
        "header"
    );
    assert!(components.contains("# Flux Version: v2.9.4"));
    assert_eq!(
        s.gh.git("me", "fleet", &["log", "-1", "--format=%an"]),
        "floe-test"
    );

    // The cluster: key pair with GitHub's host keys (for the SSH endpoint's port, as OpenSSH
    // names it), the same public key as the deploy key, and the real controllers synced to
    // the pushed commit over SSH with it.
    let public = s.secret_field("flux-system", "identity.pub");
    assert_eq!(
        public
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" "),
        registered
    );
    assert!(
        public.starts_with("ecdsa-sha2-nistp384"),
        "default key is ECDSA P-384: {public}"
    );
    let known_hosts = s.secret_field("flux-system", "known_hosts");
    let port = s.ssh_host().rsplit(':').next().unwrap().to_string();
    for key in &s.gh.host_keys {
        assert!(
            known_hosts.contains(&format!("[127.0.0.1]:{port} {key}")),
            "{known_hosts}"
        );
    }
    assert_eq!(
        s.jsonpath(
            "kustomization.kustomize.toolkit.fluxcd.io",
            "{.status.lastAppliedRevision}"
        ),
        format!("main@sha1:{head}")
    );
    let secret_version = s.secret("flux-system")["metadata"]["resourceVersion"].clone();
    let generations = s.bed.kubectl_out(&[
        "get",
        "deployments",
        "-n",
        &s.ns,
        "-o",
        "jsonpath={.items[*].metadata.generation}",
    ]);

    // Many deploy keys: floe must find its own on a later page.
    {
        let mut state = s.gh.state();
        let repo = state.repos.get_mut("me/fleet").unwrap();
        let own = repo.keys.remove(0);
        add_deploy_keys(repo, 1000, 120, "other");
        repo.keys.push(own);
        state.requests.clear();
    }
    let started = std::time::Instant::now();
    let again = s.github(&ME_FLEET).assert().success();
    common::record_timing("no-change re-run", started);
    let stderr = String::from_utf8_lossy(&again.get_output().stderr).to_string();
    assert!(stderr.contains("nothing changed"), "{stderr}");
    assert!(
        s.gh.writes().is_empty(),
        "a re-run writes nothing: {:?}",
        s.gh.writes()
    );
    assert!(
        s.gh.calls()
            .iter()
            .any(|c| c.contains("/keys?per_page=100&page=2")),
        "followed the Link header: {:?}",
        s.gh.calls()
    );
    assert_eq!(
        s.gh.git("me", "fleet", &["rev-parse", "main"]),
        head,
        "no new commit"
    );
    assert_eq!(
        s.secret("flux-system")["metadata"]["resourceVersion"],
        secret_version,
        "key not rotated"
    );
    assert_eq!(
        s.bed.kubectl_out(&[
            "get",
            "deployments",
            "-n",
            &s.ns,
            "-o",
            "jsonpath={.items[*].metadata.generation}"
        ]),
        generations,
        "no controller restarted"
    );

    // A dry run now has nothing to show either.
    s.gh.state().requests.clear();
    let plan = s
        .github(&[&ME_FLEET[..], &["--dry-run"]].concat())
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&plan.get_output().stdout).to_string();
    assert!(
        stdout.contains("# no changes to clusters/dev/flux-system"),
        "{stdout}"
    );
    assert!(s.gh.writes().is_empty());

    // A different key under floe's title is replaced.
    {
        let mut state = s.gh.state();
        let repo = state.repos.get_mut("me/fleet").unwrap();
        let own = repo.keys.iter_mut().find(|k| k.title == title).unwrap();
        own.key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIStaleKeyStaleKeyStaleKeyStaleKey0".into();
        state.requests.clear();
    }
    s.github(&ME_FLEET)
        .assert()
        .success()
        .stderr(predicate::str::contains("deploy key replaced"));
    let writes = s.gh.writes();
    assert!(
        writes[0].starts_with("DELETE /repos/me/fleet/keys/"),
        "{writes:?}"
    );
    assert_eq!(writes[1], "POST /repos/me/fleet/keys");

    // More deploy keys than 100 pages: a hostile or broken server is not paged through
    // forever; the error names the limit and nothing is written.
    {
        let mut state = s.gh.state();
        let repo = state.repos.get_mut("me/fleet").unwrap();
        add_deploy_keys(repo, 100_000, 10_000, "bulk");
        state.requests.clear();
    }
    s.github(&ME_FLEET)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "larger than floe accepts (100 pages)",
        ));
    assert!(s.gh.writes().is_empty(), "{:?}", s.gh.writes());
}

/// `count` read-only deploy keys of other clusters, ids from `first_id`.
fn add_deploy_keys(repo: &mut common::github::Repo, first_id: u64, count: u64, label: &str) {
    for i in 0..count {
        repo.keys.push(common::github::DeployKey {
            id: first_id + i,
            title: format!("{label} {i}"),
            key: format!("ssh-ed25519 AAAA{label}{i}"),
            read_only: true,
        });
    }
}

/// A file of the organisation's own beside the cluster's flux-system directory (the real
/// kustomize-controller applies it too).
const OTHER: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n  namespace: default\ndata:\n  x: \"1\"\n";

/// An organisation's existing repository with unrelated files: nothing outside
/// clusters/prod/flux-system changes, and the teams get the asked-for access.
#[test]
fn org_repo_with_teams_keeps_unrelated_files_on_the_real_controllers() {
    let s = scenario!("bs-org");
    s.gh.seed_repo(
        "acme",
        "fleet",
        true,
        &[
            ("README.md", "ours\n"),
            ("apps/app.yaml", "kind: ConfigMap\n"),
            ("clusters/prod/other.yaml", OTHER),
        ],
    );
    let before = s.gh.git("acme", "fleet", &["rev-parse", "main"]);
    s.github(&[
        "--owner=acme",
        "--repository=fleet",
        "--path=clusters/prod",
        "--team=platform:admin",
        "--team=devs",
        "-o",
        "json",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("\"result\":\"success\""));
    let writes = s.gh.writes();
    assert!(
        !writes
            .iter()
            .any(|w| w.contains("/repos") && w.starts_with("POST /orgs")),
        "no repository created: {writes:?}"
    );
    let state = s.gh.state();
    let teams = &state.repos["acme/fleet"].teams;
    assert_eq!(teams.get("platform").map(String::as_str), Some("admin"));
    assert_eq!(teams.get("devs").map(String::as_str), Some("maintain"));
    let put = state
        .requests
        .iter()
        .find(|r| r.method == "PUT" && r.path.contains("/teams/platform/"))
        .unwrap();
    assert_eq!(put.path, "/orgs/acme/teams/platform/repos/acme/fleet");
    assert_eq!(put.body["permission"], "admin");
    drop(state);
    let after = s.gh.git("acme", "fleet", &["rev-parse", "main"]);
    assert_eq!(
        s.gh.git("acme", "fleet", &["rev-parse", "main^"]),
        before,
        "one commit on top"
    );
    let changed =
        s.gh.git("acme", "fleet", &["diff", "--name-only", &before, &after]);
    assert!(
        changed
            .lines()
            .all(|p| p.starts_with("clusters/prod/flux-system/")),
        "{changed}"
    );
    assert_eq!(
        s.gh.git("acme", "fleet", &["show", "main:clusters/prod/other.yaml"]),
        OTHER.trim_end()
    );
    assert_eq!(
        s.gh.git("acme", "fleet", &["show", "main:apps/app.yaml"]),
        "kind: ConfigMap"
    );

    // An upgrade (another --version) commits only the components file; --reconcile makes the
    // private repository public as the flags now say.
    s.gh.state().requests.clear();
    s.github(&[
        "--owner=acme",
        "--repository=fleet",
        "--path=clusters/prod",
        "--team=platform:admin",
        "--team=devs",
        "--version=v2.9.5",
        "--private=false",
        "--reconcile",
    ])
    .assert()
    .success();
    let upgraded =
        s.gh.git("acme", "fleet", &["diff", "--name-only", &after, "main"]);
    assert_eq!(upgraded, "clusters/prod/flux-system/gotk-components.yaml");
    assert!(
        s.gh.git(
            "acme",
            "fleet",
            &[
                "show",
                "main:clusters/prod/flux-system/gotk-components.yaml"
            ]
        )
        .contains("# Flux Version: v2.9.5")
    );
    let state = s.gh.state();
    assert!(
        !state.repos["acme/fleet"].private,
        "made public by --reconcile"
    );
    let patch = state.requests.iter().find(|r| r.method == "PATCH").unwrap();
    assert_eq!(patch.body, serde_json::json!({ "private": false }));
    assert!(
        !state.requests.iter().any(|r| r.method == "PUT"),
        "team access already right: not written again"
    );
    drop(state);

    // --reconcile with another branch: floe starts the branch, then makes it the default
    // (GitHub refuses a default branch that does not exist, so only after the push).
    s.gh.state().requests.clear();
    s.github(&[
        "--owner=acme",
        "--repository=fleet",
        "--path=clusters/prod",
        "--branch=prod",
        "--private=false",
        "--reconcile",
    ])
    .assert()
    .success()
    .stderr(predicate::str::contains("default branch set to prod"));
    let state = s.gh.state();
    assert_eq!(state.repos["acme/fleet"].default_branch, "prod");
    let patches: Vec<&Value> = state
        .requests
        .iter()
        .filter(|r| r.method == "PATCH")
        .map(|r| &r.body)
        .collect();
    assert_eq!(patches, [&serde_json::json!({ "default_branch": "prod" })]);
}

/// --token-auth: the cluster pulls over HTTPS with the token; no deploy key is made.
/// --read-write-key: the deploy key can push.
#[test]
fn token_auth_and_read_write_key_on_the_real_controllers() {
    let s = scenario!("bs-token");
    s.gh.seed_repo("me", "fleet", true, &[("README.md", "x\n")]);
    let tmp = tempfile::tempdir().unwrap();
    let out = s
        .github(&[
            "--owner=me",
            "--repository=fleet",
            "--personal",
            "--path=c",
            "--token-auth",
            "-o",
            "json",
        ])
        .env("TMPDIR", tmp.path())
        .assert()
        .success();
    let output = out.get_output();
    assert_no_secrets(
        &s,
        &[
            String::from_utf8_lossy(&output.stdout).to_string(),
            String::from_utf8_lossy(&output.stderr).to_string(),
        ],
        tmp.path(),
        &[TOKEN],
    );
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        !stdout.contains(TOKEN),
        "the token is not in the JSON output"
    );
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let steps: Vec<&str> = lines.iter().filter_map(|l| l["step"].as_str()).collect();
    assert_eq!(
        steps,
        [
            "preflight",
            "repository",
            "clone",
            "manifests",
            "push",
            "install",
            "credentials",
            "sync",
            "verify"
        ]
    );
    assert_eq!(lines.last().unwrap()["result"], "success");
    assert_eq!(s.secret_field("flux-system", "password"), TOKEN);
    assert_eq!(s.secret_field("flux-system", "username"), "git");
    assert!(
        !s.gh.calls().iter().any(|c| c.contains("/keys")),
        "{:?}",
        s.gh.calls()
    );
    let url = s.jsonpath("gitrepository.source.toolkit.fluxcd.io", "{.spec.url}");
    assert_eq!(url, format!("https://{}/me/fleet.git", s.gh.host));
    drop(s);

    let s = scenario!("bs-rwkey");
    s.gh.seed_repo("me", "fleet", true, &[("README.md", "x\n")]);
    s.github(&[
        "--owner=me",
        "--repository=fleet",
        "--personal",
        "--path=c",
        "--read-write-key",
    ])
    .assert()
    .success();
    let state = s.gh.state();
    let post = state
        .requests
        .iter()
        .find(|r| r.method == "POST" && r.path.ends_with("/keys"))
        .unwrap();
    assert_eq!(post.body["read_only"], false);
}

/// A key GitHub says is in use elsewhere (422): a clear error naming the Secret, exit 1.
#[test]
fn deploy_key_in_use_elsewhere_is_explained_on_the_real_controllers() {
    let s = scenario!("bs-keyuse");
    s.gh.seed_repo("me", "fleet", true, &[("README.md", "x\n")]);
    // The Secret already holds a key (from another cluster, say) that is on another repo.
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("id");
    assert!(
        std::process::Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&key)
            .status()
            .unwrap()
            .success()
    );
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    s.bed.kubectl_out(&[
        "create",
        "secret",
        "generic",
        "flux-system",
        "-n",
        &s.ns,
        &format!("--from-file=identity={}", key.display()),
        &format!("--from-literal=identity.pub={}", public.trim()),
        "--from-literal=known_hosts=127.0.0.1 ssh-ed25519 AAAA",
    ]);
    s.gh.state().keys_elsewhere.push(public.trim().to_string());
    s.github(&["--owner=me", "--repository=fleet", "--personal", "--path=c"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already a deploy key of another repository",
        ))
        .stderr(predicate::str::contains(format!(
            "Secret {}/flux-system",
            s.ns
        )));
}

/// A classic token without the `repo` scope: refused in preflight, before anything changes.
#[test]
fn missing_scope_fails_before_any_side_effect() {
    let s = scenario!("bs-scope");
    s.gh.state().scopes = Some("read:org, gist".into());
    s.github(&["--owner=me", "--repository=fleet", "--personal", "--path=c"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("lacks the `repo` scope"))
        .stderr(predicate::str::contains("read:org, gist"));
    assert_eq!(s.gh.calls(), ["GET /user"]);
    assert!(!s.gh.bare("me", "fleet").exists());
    assert!(s.deployments().is_empty(), "nothing installed");
}

/// HTTPS_PROXY carries the GitHub API client and libgit2 as it does git and gh (a CONNECT
/// proxy in the test records where each tunnel went).
#[test]
fn the_github_api_and_git_go_through_the_https_proxy() {
    let s = scenario!("bs-proxy");
    let (proxy, targets) = common::hostile::connect_proxy();
    let proxy_url = format!("http://127.0.0.1:{proxy}");
    // Only the API is used before the scope check fails: a tunnel to the fake is the API's.
    s.gh.state().scopes = Some("read:org".into());
    s.github(&ME_FLEET)
        .env("HTTPS_PROXY", &proxy_url)
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("lacks the `repo` scope"));
    assert!(
        targets.lock().unwrap().contains(&s.gh.host),
        "the API client did not use the proxy: {:?}",
        targets.lock().unwrap()
    );
    // bootstrap git has no API: a tunnel to the fake is libgit2's.
    targets.lock().unwrap().clear();
    s.gh.seed_repo("me", "plain", true, &[("README.md", "x\n")]);
    s.git(&[
        "--path=clusters/p",
        &format!("--url=https://{}/me/plain.git", s.gh.host),
        &format!("--ca-file={}", s.gh.ca_file.display()),
        "--username=git",
        "--token-auth",
    ])
    .env("GIT_PASSWORD", TOKEN)
    .env("HTTPS_PROXY", &proxy_url)
    .env_remove("NO_PROXY")
    .env_remove("no_proxy")
    .assert()
    .success();
    assert!(
        targets.lock().unwrap().contains(&s.gh.host),
        "libgit2 did not use the proxy: {:?}",
        targets.lock().unwrap()
    );
}

/// Someone pushes between floe's clone and its push: floe fetches, replays its change on top
/// and pushes once more, keeping the other commit.
#[test]
fn push_race_is_rebased_and_retried_on_the_real_controllers() {
    let s = scenario!("bs-race");
    s.gh.seed_repo("me", "fleet", true, &[("README.md", "x\n")]);
    let other = std::sync::Arc::new(Mutex::new(String::new()));
    let record = other.clone();
    s.gh.state().before_push = Some(Box::new(move |bare| {
        let sha = commit_files(
            bare,
            "main",
            &[("apps/new.yaml", "a: 1\n")],
            "a concurrent push",
        );
        *record.lock().unwrap() = sha;
    }));
    s.github(&["--owner=me", "--repository=fleet", "--personal", "--path=c"])
        .assert()
        .success()
        .stderr(predicate::str::contains("rebased onto a concurrent push"));
    let concurrent = other.lock().unwrap().clone();
    assert!(!concurrent.is_empty(), "the concurrent push happened");
    assert_eq!(s.gh.git("me", "fleet", &["rev-parse", "main^"]), concurrent);
    assert_eq!(
        s.gh.git("me", "fleet", &["show", "main:apps/new.yaml"]),
        "a: 1"
    );
    assert!(
        s.gh.git(
            "me",
            "fleet",
            &["show", "main:c/flux-system/gotk-sync.yaml"]
        )
        .contains("GitRepository")
    );

    // A protected branch: the server's hook refuses the push; floe says so and stops there.
    let hook = s.gh.bare("me", "fleet").join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'error: GH006: Protected branch update failed for refs/heads/main.' >&2\nexit 1\n",
    )
    .unwrap();
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let before = s.gh.git("me", "fleet", &["rev-parse", "main"]);
    s.github(&[
        "--owner=me",
        "--repository=fleet",
        "--personal",
        "--path=c",
        "--interval=2m",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("the push to branch main of"))
    .stderr(predicate::str::contains("was rejected"))
    .stderr(predicate::str::contains("protected"));
    assert_eq!(s.gh.git("me", "fleet", &["rev-parse", "main"]), before);
}

/// An unreachable cluster stops bootstrap before GitHub or Git are touched.
#[test]
fn cluster_unreachable_fails_before_pushing() {
    let gh = FakeGitHub::start();
    let dir = tempfile::tempdir().unwrap();
    let port = common::free_port();
    let kubeconfig = dir.path().join("kubeconfig");
    std::fs::write(
        &kubeconfig,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: gone\n  cluster:\n    server: https://127.0.0.1:{port}\n    insecure-skip-tls-verify: true\ncontexts:\n- name: gone\n  context:\n    cluster: gone\n    user: u\ncurrent-context: gone\nusers:\n- name: u\n  user:\n    token: t\n"
        ),
    )
    .unwrap();
    common::floe()
        .env("GITHUB_TOKEN", TOKEN)
        .arg("--kubeconfig")
        .arg(&kubeconfig)
        .args([
            "bootstrap",
            "github",
            "--owner=me",
            "--repository=fleet",
            "--personal",
            "--hostname",
            &gh.host,
        ])
        .arg("--ca-file")
        .arg(&gh.ca_file)
        .arg("--manifests")
        .arg(common::flux_install_yaml())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("127.0.0.1:{port}")));
    assert!(gh.writes().is_empty(), "{:?}", gh.writes());
    assert!(!gh.bare("me", "fleet").exists());
}

/// Failing controllers are diagnosed (the pods' image pull error, from KWOK's kubelet for a
/// registry that does not exist), a sync the real source-controller cannot authenticate is
/// explained with a hint, and a re-run after the cause is fixed converges.
#[test]
fn failures_are_diagnosed_and_a_rerun_converges_on_the_real_controllers() {
    let s = scenario!("bs-fail");
    s.gh.seed_repo("me", "fleet", true, &[("README.md", "x\n")]);
    let bootstrap = |extra: &[&str]| {
        s.github(
            &[
                &["--owner=me", "--repository=fleet", "--personal", "--path=c"][..],
                extra,
            ]
            .concat(),
        )
    };
    bootstrap(&["--registry=registry.invalid/fluxcd", "--timeout=30s"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ImagePullBackOff"))
        .stderr(predicate::str::contains("registry.invalid/fluxcd/"));

    // Images fixed; GitHub now refuses the cluster's key over SSH (the API still lists it).
    s.gh.state().ssh_refused = true;
    bootstrap(&[])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unable to authenticate"))
        .stderr(predicate::str::contains(
            "hint: the Git server refused the cluster's credentials",
        ));

    // Fixed: the same command converges.
    s.gh.state().ssh_refused = false;
    bootstrap(&[]).assert().success();
    let head = s.gh.git("me", "fleet", &["rev-parse", "main"]);
    assert_eq!(
        s.jsonpath(
            "gitrepository.source.toolkit.fluxcd.io",
            "{.status.artifact.revision}"
        ),
        format!("main@sha1:{head}")
    );
}

/// --dry-run on a new repository: the plan and diff are printed; GitHub, Git and the cluster
/// are unchanged.
#[test]
fn dry_run_changes_nothing_on_the_real_controllers() {
    let s = scenario!("bs-dry");
    let out = s
        .github(&[&ME_FLEET[..], &["--dry-run"]].concat())
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stdout.contains("+++ b/clusters/dev/flux-system/gotk-sync.yaml"),
        "{stdout}"
    );
    assert!(stdout.contains("+kind: GitRepository"), "{stdout}");
    assert!(
        stderr.contains("would create private repository me/fleet"),
        "{stderr}"
    );
    assert!(stderr.contains("would be created"), "{stderr}");
    assert!(s.gh.writes().is_empty(), "{:?}", s.gh.writes());
    assert!(!s.gh.bare("me", "fleet").exists());
    assert!(s.deployments().is_empty());
    let secrets = s
        .bed
        .kubectl_out(&["get", "secrets", "-n", &s.ns, "-o", "name"]);
    assert!(!secrets.contains("secret/flux-system"), "{secrets}");
}

/// Image automation pushes to Git: bootstrapping it with a read-only deploy key is warned
/// about (a dry run, so nothing changes); with --read-write-key it is not.
#[test]
fn image_automation_with_a_read_only_key_is_warned_about() {
    let s = scenario!("bs-image");
    // The release directory: install.yaml with the extra components' files beside it.
    let release = common::flux_install_yaml()
        .parent()
        .unwrap()
        .display()
        .to_string();
    let run = |extra: &[&str]| {
        let args: Vec<String> = s
            .github_args(
                &[
                    &ME_FLEET[..],
                    &[
                        "--dry-run",
                        "--components-extra=image-reflector-controller,image-automation-controller",
                    ],
                    extra,
                ]
                .concat(),
            )
            .into_iter()
            .map(|a| {
                if a.starts_with("--manifests=") {
                    format!("--manifests={release}")
                } else {
                    a
                }
            })
            .collect();
        let out = s
            .floe()
            .env("GITHUB_TOKEN", TOKEN)
            .env("TMPDIR", s.tmp.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).unwrap()
    };
    let warning = "image-automation-controller pushes image updates to Git, so the deploy key must be read-write: pass --read-write-key";
    assert!(run(&[]).contains(warning));
    assert!(!run(&["--read-write-key"]).contains("must be read-write"));
    assert!(s.gh.writes().is_empty(), "{:?}", s.gh.writes());
}

/// An API answer that never ends (chunked, no Content-Length): before the fix floe read all of
/// it; now it stops at 16 MiB and names the limit, before anything changes.
#[test]
fn a_github_answer_that_never_ends_is_cut_at_the_cap() {
    let s = scenario!("bs-endless");
    s.gh.state().fault = Some(Fault::EndlessBody);
    s.github(&["--owner=me", "--repository=fleet", "--personal", "--path=c"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the answer is larger than floe accepts (16 MiB)",
        ));
    assert!(s.gh.writes().is_empty());
}

/// GitHub's rate limits: a short retry-after is waited out; an exhausted limit is reported
/// with its reset time, before anything changes.
#[test]
fn rate_limits_are_waited_out_or_reported() {
    let s = scenario!("bs-rate");
    s.gh.state().fault = Some(Fault::RateLimited);
    s.github(&["--owner=me", "--repository=fleet", "--personal", "--path=c"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "rate limit exceeded (resets at 2030-01-01T00:00:00Z)",
        ));
    assert!(s.gh.writes().is_empty());
    s.gh.state().fault = Some(Fault::RetryAfter);
    s.github(&[
        "--owner=me",
        "--repository=fleet",
        "--personal",
        "--path=c",
        "--dry-run",
    ])
    .assert()
    .success();
    assert_eq!(
        s.gh.calls().iter().filter(|c| *c == "GET /user").count(),
        3,
        "{:?}",
        s.gh.calls()
    );
}

/// `bootstrap git` against the same smart-HTTP server with basic auth (the cluster gets the
/// username and password), and against a file:// repository the cluster pulls through
/// --sync-url.
#[test]
fn bootstrap_git_over_https_and_file_on_the_real_controllers() {
    let s = scenario!("bs-git");
    s.gh.seed_repo("me", "plain", true, &[("README.md", "x\n")]);
    let url = format!("https://{}/me/plain.git", s.gh.host);
    let ca = format!("--ca-file={}", s.gh.ca_file.display());
    let git_cmd = |extra: &[&str]| s.git(&[&["--path=clusters/a", &ca][..], extra].concat());
    // A wrong password is an authentication error, and nothing is installed.
    git_cmd(&[
        &format!("--url={url}"),
        "--username=git",
        "--password=wrong",
        "--token-auth",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("authentication to"));
    assert!(s.deployments().is_empty());
    let tmp = tempfile::tempdir().unwrap();
    let out = git_cmd(&[&format!("--url={url}"), "--username=git", "--token-auth"])
        .env("GIT_PASSWORD", TOKEN)
        .env("TMPDIR", tmp.path())
        .assert()
        .success();
    // The password given in the URL instead: taken as --password, and found nowhere else.
    let in_url = format!("https://git:{TOKEN}@{}/me/plain.git", s.gh.host);
    let again = git_cmd(&[&format!("--url={in_url}"), "--token-auth", "-o", "json"])
        .env("TMPDIR", tmp.path())
        .assert()
        .success();
    let outputs: Vec<String> = [out.get_output(), again.get_output()]
        .iter()
        .flat_map(|o| [o.stdout.clone(), o.stderr.clone()])
        .map(|b| String::from_utf8_lossy(&b).to_string())
        .collect();
    assert_no_secrets(&s, &outputs, tmp.path(), &[TOKEN]);
    assert_eq!(s.secret_field("flux-system", "password"), TOKEN);
    assert_eq!(
        s.jsonpath("gitrepository.source.toolkit.fluxcd.io", "{.spec.url}"),
        url
    );
    let head = s.gh.git("me", "plain", &["rev-parse", "main"]);
    assert_eq!(
        s.jsonpath(
            "kustomization.kustomize.toolkit.fluxcd.io",
            "{.status.lastAppliedRevision}"
        ),
        format!("main@sha1:{head}")
    );
    drop(s);

    // file://: floe pushes to the directory; the cluster pulls the same public repository over
    // HTTPS, anonymously, trusting the server's private CA through the Secret.
    let s = scenario!("bs-file");
    s.gh.seed_repo("me", "local", false, &[]);
    let file_url = format!("file://{}", s.gh.bare("me", "local").display());
    let sync_url = format!("https://{}/me/local.git", s.gh.host);
    s.git(&[
        "--path=clusters/b",
        "--branch=fleet",
        &format!("--url={file_url}"),
        &format!("--sync-url={sync_url}"),
        &format!("--ca-file={}", s.gh.ca_file.display()),
    ])
    .assert()
    .success();
    let head = git(&s.gh.bare("me", "local"), &["rev-parse", "fleet"]);
    assert_eq!(
        git(&s.gh.bare("me", "local"), &["rev-list", "--count", "fleet"]),
        "1",
        "an empty repository gets floe's commit as its first"
    );
    assert_eq!(
        s.jsonpath(
            "gitrepository.source.toolkit.fluxcd.io",
            "{.status.artifact.revision}"
        ),
        format!("fleet@sha1:{head}")
    );
    let fields: Vec<String> = s.secret("flux-system")["data"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(
        fields,
        ["ca.crt"],
        "a public repository needs no credentials, only the CA"
    );
}

/// Bad flags are usage errors (exit 2) that name the value, before anything is contacted.
#[test]
fn bad_bootstrap_flags_are_usage_errors() {
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "github",
                "--owner=me",
                "--repository=r",
                "--team=devs:write",
            ],
            "invalid team permission \"write\"",
        ),
        (
            &[
                "github",
                "--owner=me",
                "--repository=r",
                "--personal",
                "--team=devs",
            ],
            "--team devs needs an organisation repository",
        ),
        (
            &["github", "--owner=me", "--repository=r", "--branch=a..b"],
            "invalid --branch \"a..b\"",
        ),
        (
            &["github", "--owner=m e", "--repository=r"],
            "invalid --owner \"m e\"",
        ),
        (
            &["github", "--owner=me", "--repository=r", "--path=../x"],
            "invalid --path",
        ),
        (
            &[
                "github",
                "--owner=me",
                "--repository=r",
                "--hostname=https://x",
            ],
            "invalid --hostname",
        ),
        (
            &[
                "github",
                "--owner=me",
                "--repository=r",
                "--ssh-key-algorithm=rsa",
                "--ssh-rsa-bits=1000",
            ],
            "invalid --ssh-rsa-bits 1000",
        ),
        (
            &[
                "github",
                "--owner=me",
                "--repository=r",
                "--ssh-hostname=ssh.example.com/x",
            ],
            "invalid --ssh-hostname \"ssh.example.com/x\"",
        ),
        (
            &["git", "--url=http://example.com/r.git"],
            "--allow-insecure-http",
        ),
        (
            &["git", "--url=ftp://example.com/r.git"],
            "invalid --url scheme \"ftp\"",
        ),
        (&["git", "--url=file:///tmp/r.git"], "--sync-url"),
        (
            &["git", "--url=ssh://git@example.com/r.git", "--token-auth"],
            "--token-auth needs an http(s) URL",
        ),
    ];
    for (args, message) in cases {
        common::floe()
            .env("GITHUB_TOKEN", "t")
            .env("KUBECONFIG", "/nonexistent")
            .arg("bootstrap")
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*message));
    }
    // No token and no terminal to ask on: the message names GITHUB_TOKEN.
    common::floe()
        .env_remove("GITHUB_TOKEN")
        .args(["bootstrap", "github", "--owner=me", "--repository=r"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("GITHUB_TOKEN"));
}

/// `bootstrap git` over SSH against a real sshd: floe pushes with --private-key-file (the host
/// trusted through the user's known_hosts) and the cluster gets that key; with the push key in
/// an ssh-agent instead, floe generates the cluster's key and prints it to add as a deploy key.
#[test]
fn bootstrap_git_over_ssh_with_a_real_sshd_on_the_real_controllers() {
    let s = scenario!("bs-ssh");
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("id_ed25519");
    let keygen = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "pusher", "-f"])
        .arg(&key)
        .status()
        .unwrap();
    assert!(keygen.success());
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    let authorized = dir.path().join("authorized_keys");
    std::fs::write(&authorized, &public).unwrap();
    let Some(sshd) = Sshd::start(Some(&authorized)) else {
        return;
    };
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join(".ssh")).unwrap();
    std::fs::write(home.join(".ssh/known_hosts"), sshd.known_hosts_line()).unwrap();
    let bare = s.gh.root.join("me/ssh.git");
    create_bare(&bare, &[("README.md", "x\n")]);
    let user = String::from_utf8(
        std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .to_string();
    let url = format!("ssh://{user}@127.0.0.1:{}{}", sshd.port, bare.display());
    let url_flag = format!("--url={url}");
    let bootstrap = |extra: &[&str]| {
        let mut cmd = s.git(&[&["--path=clusters/ssh", &url_flag][..], extra].concat());
        cmd.env("HOME", &home).env_remove("SSH_AUTH_SOCK");
        cmd
    };
    let out = bootstrap(&[&format!("--private-key-file={}", key.display())])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        !stderr.contains("add this public key"),
        "the given key is used: {stderr}"
    );
    let head = git(&bare, &["rev-parse", "main"]);
    assert_eq!(git(&bare, &["log", "-1", "--format=%an"]), "t");
    s.assert_secret_key(&public);
    let host_key: Vec<String> = std::fs::read_to_string(&sshd.host_key_pub)
        .unwrap()
        .split_whitespace()
        .take(2)
        .map(String::from)
        .collect();
    assert!(
        s.secret_field("flux-system", "known_hosts")
            .contains(&host_key.join(" "))
    );
    assert_eq!(
        s.jsonpath("gitrepository.source.toolkit.fluxcd.io", "{.spec.url}"),
        url
    );
    assert_eq!(
        s.jsonpath(
            "kustomization.kustomize.toolkit.fluxcd.io",
            "{.status.lastAppliedRevision}"
        ),
        format!("main@sha1:{head}")
    );

    // The push key in an agent and no Secret: floe makes the cluster a key and shows it.
    s.bed
        .kubectl_out(&["delete", "secret", "flux-system", "-n", &s.ns]);
    let socket = dir.path().join("agent.sock");
    let mut agent = std::process::Command::new("ssh-agent")
        .arg("-D")
        .arg("-a")
        .arg(&socket)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..100 {
        if socket.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let added = std::process::Command::new("ssh-add")
        .arg(&key)
        .env("SSH_AUTH_SOCK", &socket)
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    // No terminal to ask whether the key was added: the real source-controller is refused
    // until it is, and floe says so.
    let out = bootstrap(&["--timeout=2m"])
        .env("SSH_AUTH_SOCK", &socket)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let generated = s.secret_field("flux-system", "identity.pub");
    assert!(generated.starts_with("ecdsa-sha2-nistp384 "), "{generated}");
    assert!(
        stderr.contains("add this public key to the repository as a deploy key"),
        "{stderr}"
    );
    assert!(
        stderr.contains(generated.trim()),
        "the printed key is the Secret's: {stderr}"
    );
    assert!(stderr.contains("unable to authenticate"), "{stderr}");
    assert_eq!(
        git(&bare, &["rev-parse", "main"]),
        head,
        "nothing new to commit"
    );
    // The key added where the message says; the same command converges with it.
    {
        use std::io::Write;
        let mut keys = std::fs::OpenOptions::new()
            .append(true)
            .open(&authorized)
            .unwrap();
        writeln!(keys, "{}", generated.trim()).unwrap();
    }
    bootstrap(&[])
        .env("SSH_AUTH_SOCK", &socket)
        .assert()
        .success();
    let _ = agent.kill();
    let _ = agent.wait();

    // --private-key-file while the Secret holds another key (the generated one): the Secret is
    // replaced with the given key, and the step says so; the same key again: kept.
    let key_flag = format!("--private-key-file={}", key.display());
    let credentials_line = |said: &str| {
        bootstrap(&[&key_flag])
            .assert()
            .success()
            .stderr(predicate::str::contains(format!(
                "credentials: Secret {}/flux-system {said}",
                s.ns
            )));
    };
    credentials_line("updated with the key of --private-key-file");
    s.assert_secret_key(&public);
    assert!(
        !s.secret("flux-system")["data"]
            .as_object()
            .unwrap()
            .contains_key("password"),
        "nothing of the old credentials survives"
    );
    credentials_line("kept");
    drop(s);

    drop(sshd);

    // Over HTTPS with a username and password and no --token-auth, the cluster pulls over SSH
    // (the host's SSH endpoint, --ssh-hostname) with a generated deploy key, as flux does; the
    // password goes nowhere near the cluster. The host refuses the key until the user
    // registers it; then the same command converges.
    let s = scenario!("bs-https-key");
    s.gh.seed_repo("me", "plain", true, &[("README.md", "x\n")]);
    let plain = |timeout: &str| {
        let mut cmd = s.git(&[
            "--path=clusters/k",
            &format!("--url=https://{}/me/plain.git", s.gh.host),
            &format!("--ca-file={}", s.gh.ca_file.display()),
            "--username=git",
            &format!("--ssh-hostname={}", s.ssh_host()),
            timeout,
        ]);
        cmd.env("GIT_PASSWORD", TOKEN);
        cmd
    };
    let out = plain("--timeout=2m").assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("add this public key"), "{stderr}");
    assert!(stderr.contains("unable to authenticate"), "{stderr}");
    let secret = s.secret("flux-system");
    let fields: Vec<&String> = secret["data"].as_object().unwrap().keys().collect();
    assert_eq!(fields, ["identity", "identity.pub", "known_hosts"]);
    assert_eq!(
        s.jsonpath("gitrepository.source.toolkit.fluxcd.io", "{.spec.url}"),
        format!("ssh://git@{}/me/plain.git", s.ssh_host())
    );
    let known_hosts = s.secret_field("flux-system", "known_hosts");
    assert!(
        s.gh.host_keys
            .iter()
            .all(|k| known_hosts.contains(k.as_str())),
        "{known_hosts}"
    );
    s.gh.add_deploy_key(
        "me",
        "plain",
        &s.secret_field("flux-system", "identity.pub"),
        true,
    );
    plain("--timeout=3m").assert().success();
    let head = s.gh.git("me", "plain", &["rev-parse", "main"]);
    assert_eq!(
        s.jsonpath(
            "kustomization.kustomize.toolkit.fluxcd.io",
            "{.status.lastAppliedRevision}"
        ),
        format!("main@sha1:{head}")
    );
}

/// On a terminal without GITHUB_TOKEN, floe asks for the token with a hidden prompt (run in a
/// pseudo-terminal from util-linux's `script`), never echoes it, and goes on with it.
#[test]
fn the_token_is_asked_for_on_a_terminal_and_not_echoed() {
    if !common::require(
        std::path::Path::new("/usr/bin/script").exists(),
        "util-linux's script (a pseudo-terminal)",
    ) {
        return;
    }
    let floe = assert_cmd::cargo::cargo_bin("floe");
    let command = format!(
        "{} bootstrap github --owner=me --repository=r --manifests={}",
        floe.display(),
        common::flux_install_yaml().display()
    );
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("GITHUB_TOKEN")
        .env("KUBECONFIG", "/nonexistent/kubeconfig")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The terminal's output, read as it comes, so the token is typed once the prompt shows.
    let shown = std::sync::Arc::new(Mutex::new(Vec::<u8>::new()));
    let reader = {
        use std::io::Read;
        let mut stdout = child.stdout.take().unwrap();
        let sink = shown.clone();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        })
    };
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !String::from_utf8_lossy(&shown.lock().unwrap()).contains("GitHub token") {
            assert!(
                std::time::Instant::now() < until,
                "no prompt: {}",
                String::from_utf8_lossy(&shown.lock().unwrap())
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        stdin.write_all(b"ghp_typedSecret123\r\n").unwrap();
    }
    let status = child.wait().unwrap();
    reader.join().unwrap();
    let text = String::from_utf8_lossy(&shown.lock().unwrap()).to_string();
    assert!(
        text.contains("GitHub token (GITHUB_TOKEN is not set)"),
        "{text}"
    );
    assert!(text.contains("[hidden]"), "{text}");
    assert!(
        !text.contains("ghp_typedSecret123"),
        "the token is not echoed: {text}"
    );
    assert!(
        text.contains("/nonexistent/kubeconfig"),
        "went on to the cluster: {text}"
    );
    assert_eq!(status.code(), Some(1));
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

/// A sync whose path does not build (a kustomization.yaml listing a file that is not there:
/// the real kustomize-controller reports Ready=False BuildFailed and retries), and controllers
/// whose image cannot be pulled (KWOK's kubelet reports ImagePullBackOff for a registry that
/// does not exist): each named and ended long before --timeout, not when it runs out.
#[test]
fn failures_are_named_before_the_timeout_on_the_real_controllers() {
    let s = scenario!("bs-fast-sync");
    s.gh.seed_repo(
        "me",
        "fleet",
        true,
        &[(
            "clusters/dev/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- flux-system\n- apps.yaml\n",
        )],
    );
    named_quickly(
        &s,
        "fail-fast sync",
        &[],
        &[
            "kustomize build failed",
            "apps.yaml",
            "run the command again",
        ],
    );
    drop(s);

    let s = scenario!("bs-fast-pull");
    s.gh.seed_repo("me", "fleet", true, &[("README.md", "x\n")]);
    named_quickly(
        &s,
        "fail-fast image pull",
        &["--registry=registry.invalid/fluxcd"],
        &["ImagePullBackOff", "registry.invalid/fluxcd/"],
    );
}

/// Bootstrap with --timeout=5m fails (exit 1) naming `causes`, well before the timeout
/// would (a failure found only by waiting out the timeout takes the whole 5 minutes).
fn named_quickly(s: &Scenario, label: &str, extra: &[&str], causes: &[&str]) {
    let started = std::time::Instant::now();
    let out = s
        .github(&[&ME_FLEET[..], extra, &["--timeout=5m"]].concat())
        .assert()
        .code(1);
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    for cause in causes {
        assert!(stderr.contains(cause), "{cause:?} not in {stderr}");
    }
    assert!(
        elapsed < std::time::Duration::from_secs(150),
        "took {elapsed:?}"
    );
    common::record_timing(label, started);
}

/// SIGTERM during the clone, SIGINT during the push (a slow Git server), SIGTERM during the
/// install (a cordoned node) and SIGINT during the verification (a slow SSH endpoint): each run stops with 143/130 naming the step, leaves no scratch
/// directory, and the same command then converges (one floe commit, the cluster synced to
/// it). Nothing of the token is anywhere a user could read.
#[test]
fn signals_stop_cleanly_and_a_rerun_converges_on_the_real_controllers() {
    let s = scenario!("bs-signals");
    s.gh.seed_repo("me", "fleet", true, &[("README.md", "x\n")]);
    let tmp = tempfile::tempdir().unwrap();
    // A hook that holds the request, and says when it does.
    let hold = |entered: &std::sync::Arc<std::sync::atomic::AtomicBool>| -> common::github::Hook {
        let entered = entered.clone();
        Box::new(move |_| {
            entered.store(true, std::sync::atomic::Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_secs(15))
        })
    };
    let mut outputs = Vec::new();
    // floe is signalled once the line `after` is out and `held` says it waits inside `step`.
    let mut interrupt = |s: &Scenario,
                         after: &str,
                         held: &dyn Fn() -> bool,
                         signal: &str,
                         code: i32,
                         step: &str| {
        let run = Running::start(s, tmp.path(), &ME_FLEET);
        run.wait_for(after);
        let until = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while !held() {
            assert!(
                std::time::Instant::now() < until,
                "floe never waited in step {step}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        run.signal(signal);
        let (status, stderr) = run.finish();
        assert_eq!(status, Some(code), "{stderr}");
        assert!(
            stderr.contains(&format!("interrupted by SIG{signal} while step {step}")),
            "{stderr}"
        );
        assert!(
            stderr.contains("run the same command again to resume"),
            "{stderr}"
        );
        assert!(
            scratch_left(tmp.path()).is_empty(),
            "{:?}",
            scratch_left(tmp.path())
        );
        outputs.push(stderr);
    };

    // A slow Git server holds floe's clone, then its push.
    let fetching = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    s.gh.state().before_fetch = Some(hold(&fetching));
    let held = || fetching.load(std::sync::atomic::Ordering::SeqCst);
    interrupt(&s, " repository: ", &held, "TERM", 143, "clone");
    let pushing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    s.gh.state().before_push = Some(hold(&pushing));
    let held = || pushing.load(std::sync::atomic::Ordering::SeqCst);
    interrupt(&s, " manifests: ", &held, "INT", 130, "push");
    // A node that schedules nothing (cordoned): the install waits for its Deployments, which
    // it has applied.
    s.bed.kubectl_out(&["cordon", "kwok-node"]);
    let held = || {
        s.bed
            .kubectl_out(&["get", "deployments", "-n", &s.ns, "-o", "name"])
            .contains("deployment.apps/source-controller")
    };
    interrupt(&s, " push: ", &held, "TERM", 143, "install");
    s.bed.kubectl_out(&["uncordon", "kwok-node"]);
    // A slow SSH endpoint: the real source-controller's fetch waits, and so does the
    // verification.
    s.gh.hold_ssh(true);
    let held = || s.gh.ssh_held();
    interrupt(&s, " sync: ", &held, "INT", 130, "verify");
    s.gh.hold_ssh(false);

    let out = s
        .github(&ME_FLEET)
        .env("TMPDIR", tmp.path())
        .assert()
        .success();
    outputs.push(String::from_utf8_lossy(&out.get_output().stderr).to_string());
    let subjects = s.gh.git("me", "fleet", &["log", "--format=%s", "main"]);
    assert_eq!(
        subjects
            .lines()
            .filter(|l| l.contains("floe bootstrap"))
            .count(),
        1,
        "one floe commit: {subjects}"
    );
    let head = s.gh.git("me", "fleet", &["rev-parse", "main"]);
    assert_eq!(
        s.jsonpath(
            "kustomization.kustomize.toolkit.fluxcd.io",
            "{.status.lastAppliedRevision}"
        ),
        format!("main@sha1:{head}")
    );
    assert!(scratch_left(tmp.path()).is_empty());
    assert_no_secrets(&s, &outputs, tmp.path(), &[TOKEN]);
}
