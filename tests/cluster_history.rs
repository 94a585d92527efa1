//! history, rollback and wait end to end on the real engine: Flux 2.9.4's own source- and
//! kustomize-controllers (host processes under their ServiceAccounts) on a real Kubernetes 1.36
//! control plane, reading a private repository from a real Git smart-HTTP server (`git
//! http-backend` over HTTPS with a private CA, behind the GitHub stand-in's token auth; its
//! protected branch is a pre-receive hook in the stand-in's bare repository). The
//! `status.history` floe reads is the one kustomize-controller keeps: keyed by the digest of the
//! manifests it built, newest first, at most 5; an equal digest and result updates its entry.
//! Failures are real: a health check that times out on a Deployment whose Pods no node takes.
//! Simulated: the kubelet (KWOK marks Pods Running and Ready; nothing runs in them) and the
//! container images.
//!
//! Every wait is on a condition, by floe's own `--timeout` or by [`eventually`], with a
//! deadline generous for a loaded 2-core machine and a message naming what it waited for.

mod common;

use std::io::BufRead;
use std::time::{Duration, Instant};

use common::engine::{eventually, installed};
use common::github::{FakeGitHub, TOKEN, git};
use common::testbed::TestBed;
use predicates::prelude::*;
use serde_json::Value;

/// Deployment `web` with `replicas`; `unschedulable` adds a nodeSelector no node matches, so
/// its new Pods stay Pending and a health check on it runs out of time.
fn web(replicas: u32, unschedulable: bool) -> String {
    let selector = if unschedulable {
        "      nodeSelector:\n        floe.test/pool: nowhere\n"
    } else {
        ""
    };
    format!(
        "apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: {replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
{selector}      containers:
      - name: web
        image: registry.example.com/web:1.0.0
"
    )
}

/// A ConfigMap `name` holding `key: "value"`.
fn config_map(name: &str, key: &str, value: &str) -> String {
    format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  {key}: \"{value}\"\n"
    )
}

/// Commits `files` (None deletes) on main as `author`, as someone pushing to the repository.
fn commit_as(
    gh: &FakeGitHub,
    author: &str,
    files: &[(&str, Option<&str>)],
    message: &str,
) -> String {
    let bare = gh.bare("me", "fleet");
    let work = tempfile::tempdir().unwrap();
    git(
        work.path(),
        &[
            "clone",
            "-q",
            "-b",
            "main",
            &format!("file://{}", bare.display()),
            ".",
        ],
    );
    for (path, text) in files {
        let file = work.path().join(path);
        match text {
            Some(text) => {
                std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                std::fs::write(file, text).unwrap();
            }
            None => {
                std::fs::remove_file(file).unwrap();
            }
        }
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

/// The objects a fleet test syncs: Secret `fleet-auth` for `url` (user, token, CA), the
/// GitRepository `fleet` and the sync `apps` of ./apps into `ns`, created by floe (`floe`
/// runs it in the test's namespace) and made Ready by the real controllers.
fn create_fleet_objects(
    floe: impl Fn(&[&str]) -> assert_cmd::Command,
    url: &str,
    (username, token, ca_file): (&str, &str, &std::path::Path),
    ns: &str,
    sync_args: &[&str],
) {
    floe(&[
        "create",
        "secret",
        "git",
        "fleet-auth",
        &format!("--url={url}"),
        &format!("--username={username}"),
        &format!("--password={token}"),
        &format!("--ca-crt-file={}", ca_file.display()),
    ])
    .assert()
    .success();
    floe(&[
        "create",
        "source",
        "git",
        "fleet",
        &format!("--url={url}"),
        "--branch=main",
        "--secret-ref=fleet-auth",
        "--interval=10m",
    ])
    .assert()
    .success()
    .stderr(predicate::str::contains(format!(
        "✔ GitRepository {ns}/fleet is ready"
    )));
    floe(&[
        "create",
        "sync",
        "apps",
        "--source=GitRepository/fleet",
        "--path=./apps",
        "--prune",
        "--interval=10m",
        &format!("--target-namespace={ns}"),
    ])
    .args(sync_args)
    .assert()
    .success();
}

/// A HOME whose Git configuration stores `credential` (a URL with user and password) for Git's
/// `store` credential helper, as `git credential approve` would have.
fn credential_store_home(credential: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let store = home.path().join("credentials");
    std::fs::write(&store, format!("{credential}\n")).unwrap();
    std::fs::write(
        home.path().join(".gitconfig"),
        format!(
            "[credential]\n\thelper = store --file={}\n",
            store.display()
        ),
    )
    .unwrap();
    home
}

struct Fleet {
    bed: &'static TestBed,
    gh: FakeGitHub,
    ns: String,
}

impl Fleet {
    /// A private repository me/fleet with 30 commits of history before `apps/` (so a full
    /// fetch would be visible), then a Deployment `web` and a ConfigMap `db` under `apps/`; a
    /// GitRepository `fleet` (with its Secret) and a sync `apps` of ./apps into the test's
    /// namespace, created by floe with `sync_args` and made Ready at the head by the real
    /// controllers. Long intervals: nothing here happens by the controllers' own polls.
    fn new(test: &str, sync_args: &[&str]) -> Option<Fleet> {
        let bed = installed(&[])?;
        let gh = FakeGitHub::start();
        gh.seed_repo("me", "fleet", true, &[("README.md", "fleet 0\n")]);
        for i in 1..30 {
            commit_as(
                &gh,
                "someone",
                &[("README.md", Some(&format!("fleet {i}\n")))],
                &format!("readme {i}"),
            );
        }
        commit_as(
            &gh,
            "carol",
            &[
                ("apps/web.yaml", Some(&web(1, false))),
                ("apps/db.yaml", Some(&config_map("db", "size", "small"))),
            ],
            "add web and db",
        );
        let ns = bed.namespace(test);
        let fleet = Fleet { bed, gh, ns };
        let url = format!("https://{}/me/fleet.git", fleet.gh.host);
        create_fleet_objects(
            |args| fleet.floe(args),
            &url,
            ("git", TOKEN, &fleet.gh.ca_file),
            &fleet.ns,
            sync_args,
        );
        let head = fleet.head();
        assert_eq!(fleet.applied(), format!("main@sha1:{head}"));
        Some(fleet)
    }

    /// floe in the test's namespace, bounded by its own --timeout (2m unless given).
    fn floe(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.bed.floe();
        cmd.args(args)
            .args(["-n", &self.ns])
            .env_remove("GITHUB_TOKEN");
        if !args.iter().any(|a| a.starts_with("--timeout")) {
            cmd.arg("--timeout=2m");
        }
        cmd
    }

    /// `floe` with the credentials for the fake GitHub's Git server.
    fn floe_git(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.floe(args);
        cmd.arg(format!("--password={TOKEN}"))
            .arg(format!("--ca-file={}", self.gh.ca_file.display()));
        cmd
    }

    /// `floe rollback sync apps ARGS --yes -o json`, which must succeed: its outcome.
    fn rollback_json(&self, args: &[&str]) -> Value {
        let mut all = vec!["rollback", "sync", "apps", "--yes", "-o", "json"];
        all.extend_from_slice(args);
        let out = self.floe_git(&all).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Commits Deployment web with `replicas` as `author` ("scale web to N"), and has the real
    /// controllers fetch and apply it.
    fn scale_web(&self, author: &str, replicas: u32) -> String {
        let commit = commit_as(
            &self.gh,
            author,
            &[("apps/web.yaml", Some(&web(replicas, false)))],
            &format!("scale web to {replicas}"),
        );
        self.apply_head();
        assert_eq!(self.applied(), format!("main@sha1:{commit}"));
        commit
    }

    /// Asks source-controller to fetch and kustomize-controller to apply, and waits for both.
    fn apply_head(&self) {
        self.floe(&["reconcile", "sync", "apps", "--with-source"])
            .assert()
            .success();
    }

    fn head(&self) -> String {
        self.gh.git("me", "fleet", &["rev-parse", "main"])
    }

    fn kubectl(&self, args: &[&str]) -> String {
        let mut all = args.to_vec();
        all.extend(["-n", &self.ns]);
        self.bed.kubectl_out(&all)
    }

    fn applied(&self) -> String {
        self.kubectl(&[
            "get",
            "kustomization",
            "apps",
            "-o",
            "jsonpath={.status.lastAppliedRevision}",
        ])
    }

    /// `spec.replicas` of Deployment web as the cluster has it.
    fn web_replicas(&self) -> String {
        self.kubectl(&[
            "get",
            "deployment",
            "web",
            "-o",
            "jsonpath={.spec.replicas}",
        ])
    }

    fn history(&self) -> Value {
        common::json_of(&mut self.floe_git(&["history", "sync", "apps", "-o", "json"]))
    }

    /// kustomize-controller's own `status.history` of the sync.
    fn controller_history(&self) -> Vec<Value> {
        let text = self.kubectl(&[
            "get",
            "kustomization",
            "apps",
            "-o",
            "jsonpath={.status.history}",
        ]);
        serde_json::from_str::<Vec<Value>>(&text).unwrap_or_default()
    }
}

macro_rules! fleet {
    ($test:expr) => {
        fleet!($test, &[])
    };
    ($test:expr, $sync_args:expr) => {
        match Fleet::new($test, $sync_args) {
            Some(fleet) => fleet,
            None => return,
        }
    };
}

/// Whether `duration` reads as a Go duration (`1.234s`, `812.5ms`), as the controller writes
/// `lastReconciledDuration`.
fn is_go_duration(duration: &Value) -> bool {
    duration.as_str().is_some_and(|d| {
        d.ends_with('s')
            && d.starts_with(|c: char| c.is_ascii_digit())
            && d.chars()
                .all(|c| c.is_ascii_digit() || "._hmsµun".contains(c))
    })
}

#[test]
fn history_joins_the_revisions_the_real_kustomize_controller_applied_with_their_commits() {
    let f = fleet!("history");
    let c1 = f.head();
    let c2 = f.scale_web("alice", 2);
    let c3 = commit_as(
        &f.gh,
        "bob",
        &[
            ("apps/web.yaml", Some(&web(3, false))),
            ("apps/db.yaml", None),
        ],
        "scale web to 3, drop db",
    );
    f.apply_head();
    assert_eq!(f.applied(), format!("main@sha1:{c3}"));
    // Outside the path: the same manifests, so kustomize-controller updates c3's entry.
    // Its subject is hostile: an OSC 8 link and a BEL, which the table must not pass on.
    let hostile = "docs \u{1b}]8;;http://evil/\u{7}only\u{1b}]8;;\u{7}";
    let c4 = commit_as(&f.gh, "dave", &[("README.md", Some("docs\n"))], hostile);
    f.apply_head();
    assert_eq!(f.applied(), format!("main@sha1:{c4}"));
    // What the controller itself wrote: three entries, c3's now naming c4.
    let entries = f.controller_history();
    assert_eq!(entries.len(), 3, "{entries:?}");
    assert_eq!(
        entries[0]["metadata"]["revision"],
        format!("main@sha1:{c4}")
    );
    // It counts reconciliations (the source's new artifact, then floe's request), not revisions.
    assert!(
        entries[0]["totalReconciliations"].as_i64() >= Some(2),
        "{entries:?}"
    );
    assert!(
        entries.iter().all(|e| e["digest"]
            .as_str()
            .is_some_and(|d| d.starts_with("sha256:"))),
        "{entries:?}"
    );

    f.gh.state().deepens.clear();
    let history = f.history();
    let rows = history["rows"].as_array().unwrap();
    let revisions: Vec<&str> = rows
        .iter()
        .map(|r| r["revision"].as_str().unwrap())
        .collect();
    assert_eq!(
        revisions,
        [
            format!("main@sha1:{c4}"),
            format!("main@sha1:{c2}"),
            format!("main@sha1:{c1}")
        ]
    );
    assert_eq!(rows[0]["live"], true);
    assert_eq!(rows[1]["live"], false);
    assert_eq!(rows[0]["commit"]["subject"], hostile, "-o json stays exact");
    assert_eq!(
        rows[0]["files"],
        serde_json::json!([]),
        "nothing under apps/ changed in c4"
    );
    assert_eq!(rows[1]["commit"]["author"], "alice");
    assert_eq!(rows[1]["commit"]["subject"], "scale web to 2");
    assert_eq!(rows[1]["files"], serde_json::json!(["apps/web.yaml"]));
    assert_eq!(
        rows[2]["files"],
        serde_json::json!(["apps/db.yaml", "apps/web.yaml"])
    );
    assert_eq!(rows[1]["result"], "ReconciliationSucceeded");
    // The controller's own timings: when it first applied the content, how long it took.
    assert!(rows[1]["firstApplied"].is_string(), "{}", rows[1]);
    assert!(is_go_duration(&rows[1]["duration"]), "{}", rows[1]);
    assert_eq!(rows[1]["digest"], entries[1]["digest"]);
    assert_eq!(history["path"], "apps");
    assert!(history["gitUnavailable"].is_null());
    // Only what the revisions need was fetched: the tip, then 16 commits of the 34.
    let mut deepens = f.gh.state().deepens.clone();
    deepens.dedup(); // each fetch negotiates in two requests over smart HTTP
    assert_eq!(deepens, ["deepen 1", "deepen 16"], "{deepens:?}");
    assert!(!c3.is_empty());

    // The table: the live one marked, Git's columns beside the cluster's.
    let out = f.floe_git(&["history", "sync", "apps"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("LIVE   REVISION"), "{table}");
    assert!(
        lines[1].starts_with(&format!("*      main@sha1:{}", &c4[..7])),
        "{table}"
    );
    // Before the fix the ESC and BEL reached the terminal as they are.
    assert!(!table.contains(['\u{1b}', '\u{7}']), "{table:?}");
    assert!(
        lines[1].contains("docs \\x1b]8;;http://evil/\\x07only"),
        "{table}"
    );
    assert!(
        lines[2].contains("alice")
            && lines[2].contains("scale web to 2")
            && lines[2].ends_with("apps/web.yaml"),
        "{table}"
    );

    // Without credentials: the cluster side, and why the Git columns are empty.
    let ca = format!("--ca-file={}", f.gh.ca_file.display());
    let out = f.floe(&["history", "sync", "apps", &ca]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the Git columns are empty: authentication"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 4);

    // From a local clone, without network access to the server.
    let clone = tempfile::tempdir().unwrap();
    git(
        clone.path(),
        &[
            "clone",
            "-q",
            &format!("file://{}", f.gh.bare("me", "fleet").display()),
            ".",
        ],
    );
    let repo_dir = format!("--repo-dir={}", clone.path().display());
    let out = f
        .floe(&["history", "sync", "apps", "-o", "json", &repo_dir])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let local: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(local["rows"][1]["commit"]["subject"], "scale web to 2");

    // Bad input: one line, exit 2.
    f.floe(&["history", "source", "git", "fleet"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unrecognized subcommand 'source'"));
}

#[test]
fn rollback_restores_the_path_as_one_new_commit_and_waits_for_the_real_kustomize_controller() {
    let f = fleet!("rollback");
    let c2 = f.scale_web("alice", 2);
    let c3 = commit_as(
        &f.gh,
        "bob",
        &[
            ("apps/web.yaml", Some(&web(3, false))),
            ("apps/cache.yaml", Some(&config_map("cache", "on", "true"))),
        ],
        "scale web to 3, add cache",
    );
    f.apply_head();
    assert_eq!(f.web_replicas(), "3");
    let before = f.head();

    // --dry-run: the plan and the diff; Git and the cluster unchanged.
    let out = f
        .floe_git(&["rollback", "sync", "apps", "--dry-run"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan = String::from_utf8(out.stdout).unwrap();
    assert!(
        plan.starts_with(&format!("Roll back apps to {}\n", &c2[..7])),
        "{plan}"
    );
    assert!(plan.contains("-  replicas: 3\n+  replicas: 2\n"), "{plan}");
    assert!(
        plan.contains("deleted file mode") || plan.contains("-  on: \"true\""),
        "{plan}"
    );
    assert_eq!(f.head(), before);
    assert_eq!(f.applied(), format!("main@sha1:{c3}"));
    assert_eq!(f.web_replicas(), "3");

    // Bad input, before anything changes.
    f.floe_git(&["rollback", "sync", "apps", "--to=deadbeef", "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("has no such revision"));
    f.floe_git(&[
        "rollback",
        "sync",
        "apps",
        &format!("--to={}", &c3[..8]),
        "--yes",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("is the live revision"));
    f.floe_git(&["rollback", "hr", "apps", "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unrecognized subcommand 'hr'"));
    f.floe_git(&["rollback", "sync", "apps"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass --yes"));
    assert_eq!(f.head(), before);

    // Someone pushes while floe pushes: floe replays its change on their commit, once.
    let concurrent = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let record = concurrent.clone();
    f.gh.state().before_push = Some(Box::new(move |bare| {
        *record.lock().unwrap() = common::github::commit_files(
            bare,
            "main",
            &[("README.md", "concurrent\n")],
            "a concurrent push",
        );
    }));
    let out = f
        .floe_git(&[
            "rollback",
            "sync",
            "apps",
            "--yes",
            "--reason=web crashloops with 3 replicas",
            "--author-name=floe-test",
            "--author-email=floe@example.com",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let head = f.head();
    assert!(
        stderr.contains(&format!(
            "Kustomization {}/apps applied main@sha1:{head}",
            f.ns
        )),
        "{stderr}"
    );
    assert_eq!(f.applied(), format!("main@sha1:{head}"));
    // The real controller applied it: web back at 2, the cache pruned.
    assert_eq!(f.web_replicas(), "2");
    assert!(
        !f.kubectl(&["get", "configmap", "-o", "name"])
            .lines()
            .any(|l| l == "configmap/cache"),
        "the cache added by c3 is pruned"
    );
    // One commit on top of the concurrent one; the path as at c2; the rest as pushed.
    assert_eq!(
        f.gh.git("me", "fleet", &["rev-parse", "main^"]),
        *concurrent.lock().unwrap()
    );
    assert_eq!(
        f.gh.git("me", "fleet", &["rev-parse", "main:apps"]),
        f.gh.git("me", "fleet", &["rev-parse", &format!("{c2}:apps")])
    );
    assert_eq!(
        f.gh.git("me", "fleet", &["show", "main:README.md"]),
        "concurrent"
    );
    let message =
        f.gh.git("me", "fleet", &["log", "-1", "--format=%B", "main"]);
    assert!(
        message.starts_with(&format!("Roll back apps to {}", &c2[..7])),
        "{message}"
    );
    assert!(
        message.contains("Reason: web crashloops with 3 replicas"),
        "{message}"
    );
    assert!(
        message.contains(&format!("Restored-Revision: {c2}")),
        "{message}"
    );
    assert!(
        message.contains(&format!("Undone-Revisions: {c3}")),
        "{message}"
    );
    assert!(
        message.contains(&format!("{} scale web to 3, add cache", &c3[..7])),
        "{message}"
    );

    // The controller merged the rollback into c2's entry (same manifests): the rollback
    // commit is live and names what it restored; a second default rollback is an undo.
    let entries = f.controller_history();
    assert_eq!(
        entries.len(),
        3,
        "c1, c2 (now the rollback) and c3: {entries:?}"
    );
    assert!(
        entries[0]["totalReconciliations"].as_i64() >= Some(2),
        "{entries:?}"
    );
    let history = f.history();
    let rows = history["rows"].as_array().unwrap();
    assert_eq!(rows[0]["revision"], format!("main@sha1:{head}"));
    assert_eq!(rows[0]["restores"], c2.as_str());
    assert_eq!(rows[1]["revision"], format!("main@sha1:{c3}"));
    let out = f
        .floe_git(&["rollback", "sync", "apps", "--dry-run"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with(&format!("Roll back apps to {}", &c3[..7]))
    );
    // c2's content is live now, through the rollback commit: asking for it again converges.
    let outcome = f.rollback_json(&[&format!("--to={}", &c2[..8])]);
    assert_eq!(outcome["pushed"], false);
    assert_eq!(outcome["liveRevision"], format!("main@sha1:{head}"));
    assert_eq!(f.head(), head);
}

/// The sync checks the health of what it applied (`--wait`), with a short deadline: an
/// unschedulable Deployment fails it in that time; a good one is ready well within it.
const HEALTH_CHECKED: &[&str] = &["--wait", "--health-check-timeout=20s"];

#[test]
fn rollback_converges_when_rerun_and_refuses_a_revision_whose_real_health_check_failed() {
    let f = fleet!("rollback-rerun", HEALTH_CHECKED);
    let c1 = f.head();
    let c2 = f.scale_web("alice", 2);
    // A revision whose health check fails: kustomize-controller applies it, the new Pods stay
    // Pending, the check runs out of time; recorded in the history as HealthCheckFailed, and
    // lastAppliedRevision stays at c2.
    let bad = commit_as(
        &f.gh,
        "bob",
        &[("apps/web.yaml", Some(&web(9, true)))],
        "scale web to 9",
    );
    f.floe(&["reconcile", "sync", "apps", "--with-source", "--timeout=4m"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("health check failed"));
    assert_eq!(f.applied(), format!("main@sha1:{c2}"));
    // Applied nonetheless: the cluster runs the failed revision's Deployment.
    assert_eq!(f.web_replicas(), "9");
    let entries = f.controller_history();
    assert_eq!(
        entries[0]["lastReconciledStatus"], "HealthCheckFailed",
        "{entries:?}"
    );
    assert_eq!(
        entries[0]["metadata"]["revision"],
        format!("main@sha1:{bad}")
    );

    // wait fails at once with the controller's message for that revision; succeeds for one
    // that applied.
    let started = Instant::now();
    f.floe(&[
        "wait",
        "sync",
        "apps",
        &format!("--for-revision={}", &bad[..10]),
        "--timeout=120s",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("health check failed after"))
    .stderr(predicate::str::contains(format!(
        "timeout waiting for: [Deployment/{}/web status: 'InProgress']",
        f.ns
    )));
    assert!(started.elapsed() < Duration::from_secs(60));
    let out = f
        .floe(&[
            "wait",
            "sync",
            "apps",
            &format!("--for-revision={c1}"),
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let waited: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(waited["result"], "ready");
    assert_eq!(waited["waitedFor"], c1.as_str());

    f.floe_git(&[
        "rollback",
        "sync",
        "apps",
        &format!("--to={}", &bad[..8]),
        "--yes",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "failed when the cluster applied it (HealthCheckFailed); pass --force",
    ));

    // The cluster runs the failed revision's objects, so the last good one, c2, is what a
    // rollback restores by default, undoing the failed one only.
    let out = f
        .floe_git(&["rollback", "sync", "apps", "--dry-run"])
        .output()
        .unwrap();
    let plan = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        plan.starts_with(&format!("Roll back apps to {}\n", &c2[..7])),
        "{plan}"
    );
    assert!(
        plan.contains(&format!("Undone-Revisions: {bad}\n")),
        "{plan}"
    );
    assert!(plan.contains("-  replicas: 9\n+  replicas: 2\n"), "{plan}");
    f.floe_git(&[
        "rollback",
        "sync",
        "apps",
        &format!("--to={}", &c2[..8]),
        "--dry-run",
    ])
    .assert()
    .success()
    .stdout(predicate::str::starts_with(format!(
        "Roll back apps to {}\n",
        &c2[..7]
    )));
    assert_eq!(f.head(), bad, "a dry run changes nothing");

    // Stopped after the push (the sync is suspended, so it would never apply it: named at
    // once, not at the timeout): the re-run pushes nothing new and finishes.
    f.floe(&["suspend", "sync", "apps"]).assert().success();
    let started = Instant::now();
    f.floe_git(&[
        "rollback",
        "sync",
        "apps",
        &format!("--to={}", &c1[..8]),
        "--yes",
        "--timeout=2m",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains(format!(
        "Kustomization {}/apps is suspended; resume it with floe resume first",
        f.ns
    )));
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    let pushed = f.head();
    assert_eq!(
        f.gh.git("me", "fleet", &["rev-parse", "main:apps"]),
        f.gh.git("me", "fleet", &["rev-parse", &format!("{c1}:apps")])
    );
    assert_eq!(f.applied(), format!("main@sha1:{c2}"), "suspended");
    f.floe(&["resume", "sync", "apps", "--wait=false"])
        .assert()
        .success();
    let outcome = f.rollback_json(&[&format!("--to={}", &c1[..8]), "--timeout=4m"]);
    assert_eq!(outcome["pushed"], false);
    assert_eq!(outcome["plan"]["alreadyCommitted"], true);
    assert_eq!(f.head(), pushed, "no second rollback commit");
    assert_eq!(outcome["liveRevision"], format!("main@sha1:{pushed}"));
    // The real controller applied it and its health check passed: web is back at 1.
    assert_eq!(f.applied(), format!("main@sha1:{pushed}"));
    assert_eq!(f.web_replicas(), "1");

    // --for-branch-head reads the branch from Git.
    f.floe_git(&["wait", "sync", "apps", "--for-branch-head"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "main is at {}",
            &pushed[..12]
        )));
}

#[test]
fn a_protected_branch_sends_the_rollback_to_a_review_branch_and_a_moved_path_is_refused_on_the_real_controllers()
 {
    let f = fleet!("rollback-review");
    let c1 = f.head();
    f.scale_web("alice", 2);
    let before = f.head();
    // The stand-in's branch protection: its bare repository refuses pushes to main.
    let hook = f.gh.bare("me", "fleet").join("hooks/pre-receive");
    std::fs::write(&hook, "#!/bin/sh\nwhile read old new ref; do [ \"$ref\" = refs/heads/main ] && { echo 'protected branch' >&2; exit 1; }; done\nexit 0\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    f.floe_git(&["rollback", "sync", "apps", "--yes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("rejected"));
    let out = f
        .floe_git(&[
            "rollback",
            "sync",
            "apps",
            "--yes",
            "--branch-for-review=rollback-apps",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "rollback-apps\n");
    assert_eq!(f.head(), before);
    assert_eq!(
        f.gh.git("me", "fleet", &["rev-parse", "rollback-apps:apps"]),
        f.gh.git("me", "fleet", &["rev-parse", &format!("{c1}:apps")])
    );
    assert_eq!(
        f.gh.git("me", "fleet", &["rev-parse", "rollback-apps^"]),
        before
    );
    // Nothing was reconciled: the cluster still runs main.
    assert_eq!(f.applied(), format!("main@sha1:{before}"));
    assert_eq!(f.web_replicas(), "2");

    std::fs::remove_file(&hook).unwrap();
    // The sync's path moved to apps2: no revision before that has it.
    let moved = commit_as(
        &f.gh,
        "alice",
        &[("apps2/web.yaml", Some(&web(5, false)))],
        "move to apps2",
    );
    f.kubectl(&[
        "patch",
        "kustomization",
        "apps",
        "--type=merge",
        "-p",
        r#"{"spec":{"path":"./apps2"}}"#,
    ]);
    f.apply_head();
    eventually(
        "the real kustomize-controller to apply apps2 at the moved commit",
        Duration::from_secs(120),
        || (f.applied() == format!("main@sha1:{moved}") && f.web_replicas() == "5").then_some(()),
    );
    f.floe_git(&[
        "rollback",
        "sync",
        "apps",
        &format!("--to={}", &c1[..8]),
        "--yes",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(format!(
        "the path apps2 did not exist at {}",
        &c1[..7]
    )));
}

/// The CI gate: wait started right after a push returns once the cluster applied that commit.
#[test]
fn wait_returns_once_the_real_kustomize_controller_applied_the_pushed_commit() {
    let f = fleet!("wait-push");
    let pushed = commit_as(
        &f.gh,
        "alice",
        &[("apps/web.yaml", Some(&web(4, false)))],
        "scale web to 4",
    );
    let mut waiting = std::process::Command::new(env!("CARGO_BIN_EXE_floe"))
        .env("KUBECONFIG", &f.bed.kubeconfig)
        .args([
            "wait",
            "sync",
            "apps",
            "-n",
            &f.ns,
            "--timeout=3m",
            "-o",
            "json",
        ])
        .arg(format!("--for-revision={pushed}"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Once it says it is waiting (its stderr, read line by line), it is watching the sync.
    let stderr = waiting.stderr.take().unwrap();
    let (said, heard) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in std::io::BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if line.contains("waiting for") {
                let _ = said.send(());
            }
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    heard
        .recv_timeout(Duration::from_secs(120))
        .expect("floe wait to say it is waiting for the sync");
    // The source polls every 10 minutes: nothing applies the push until it is asked to.
    assert!(waiting.try_wait().unwrap().is_none(), "wait returned early");
    assert_ne!(f.applied(), format!("main@sha1:{pushed}"));
    f.apply_head();
    let out = waiting.wait_with_output().unwrap();
    let stderr = reader.join().unwrap();
    assert!(out.status.success(), "{stderr}");
    let state: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(state["revision"], format!("main@sha1:{pushed}"));
    assert_eq!(state["ready"], "True");
    assert_eq!(f.web_replicas(), "4");
    // --for-revision and --for-branch-head together are bad input.
    f.floe(&[
        "wait",
        "sync",
        "apps",
        "--for-revision=abc1234",
        "--for-branch-head",
    ])
    .assert()
    .code(2);
}

/// Credentials as git and gh users give them (issue 27): the token on stdin
/// (`--password-stdin`) or in `FLOE_GIT_PASSWORD`, a provider's token variable for the
/// `--hostname` named, and Git's own credential helper. A token bound to another host is not
/// sent, and the Git columns then say the server asked for credentials.
#[test]
fn history_reads_the_repository_with_credentials_given_as_git_users_give_them() {
    let f = fleet!("credentials");
    let host = f.gh.host.clone();
    let read = |cmd: &mut assert_cmd::Command| -> Value {
        let out = cmd
            .arg(format!("--ca-file={}", f.gh.ca_file.display()))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains(TOKEN),
            "the token is never shown"
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let subject = |doc: &Value| {
        assert_eq!(doc["gitUnavailable"], Value::Null, "{doc:#}");
        doc["rows"][0]["commit"]["subject"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let history = || {
        let mut cmd = f.floe(&["history", "sync", "apps", "-o", "json"]);
        cmd.env_remove("FLOE_GIT_PASSWORD")
            .env_remove("GITEA_TOKEN");
        cmd
    };

    let doc = read(
        history()
            .arg("--password-stdin")
            .write_stdin(format!("{TOKEN}\n")),
    );
    assert_eq!(subject(&doc), "add web and db");

    let doc = read(history().env("FLOE_GIT_PASSWORD", TOKEN));
    assert_eq!(subject(&doc), "add web and db");

    let doc = read(
        history()
            .args(["--provider=gitea", &format!("--hostname={host}")])
            .env("GITEA_TOKEN", TOKEN),
    );
    assert_eq!(subject(&doc), "add web and db");

    // Git's credential helper, from the user's Git configuration, as `git fetch` would use it.
    let home = credential_store_home(&format!("https://git:{TOKEN}@{host}"));
    let doc = read(history().env("HOME", home.path()));
    assert_eq!(subject(&doc), "add web and db");

    // GITEA_TOKEN belongs to the --hostname given, not to the server the source names.
    let doc = read(
        history()
            .args(["--provider=gitea", "--hostname=gitea.example"])
            .env("GITEA_TOKEN", TOKEN)
            .env("HOME", tempfile::tempdir().unwrap().path()),
    );
    let why = doc["gitUnavailable"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(why.contains("credentials"), "{doc}");
    assert_eq!(doc["rows"][0]["commit"], Value::Null);
}

/// floe on a real Gitea (issue 27; scripts/gitea builds code.gitea.io/gitea v1.27.3): the real
/// source-controller fetches a private repository from Gitea over HTTPS; `history` reads its
/// commits with only `GITEA_TOKEN` (bound to Gitea by `--provider=gitea --hostname`), and with
/// only a Git credential helper; `rollback` pushes its commit to Gitea with only the token and
/// waits until the real controllers applied it.
#[test]
fn history_and_rollback_on_a_real_gitea_with_its_token_or_a_credential_helper() {
    use common::gitea::{Gitea, USER};
    let Some(bed) = installed(&[]) else { return };
    let Some(gitea) = Gitea::start() else { return };
    let (status, body) = gitea.api(
        "POST",
        "/api/v1/user/repos",
        Some(&serde_json::json!({"name": "fleet", "private": true, "default_branch": "main"})),
    );
    assert_eq!(status, 201, "{body}");
    let c1 = gitea.commit(
        USER,
        "fleet",
        "carol",
        &[
            ("apps/web.yaml", Some(&web(1, false))),
            ("apps/db.yaml", Some(&config_map("db", "size", "small"))),
        ],
        "add web and db",
    );
    let ns = bed.namespace("gitea");
    let floe = |args: &[&str]| {
        let mut cmd = bed.floe();
        cmd.args(args)
            .args(["-n", &ns, "--timeout=2m"])
            .env_remove("GITHUB_TOKEN")
            .env_remove("GITEA_TOKEN")
            .env_remove("FLOE_GIT_PASSWORD");
        cmd
    };
    let url = gitea.repo_url(USER, "fleet");
    create_fleet_objects(floe, &url, (USER, &gitea.token, &gitea.ca_file), &ns, &[]);
    let c2 = gitea.commit(
        USER,
        "fleet",
        "alice",
        &[("apps/web.yaml", Some(&web(2, false)))],
        "scale web to 2",
    );
    floe(&["reconcile", "sync", "apps", "--with-source"])
        .assert()
        .success();

    let on_gitea = [
        "--provider=gitea".to_string(),
        format!("--hostname={}", gitea.host),
        format!("--ca-file={}", gitea.ca_file.display()),
    ];
    let json = |cmd: &mut assert_cmd::Command| -> Value {
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(!stderr.contains(&gitea.token), "the token is never shown");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let subjects = |doc: &Value| -> Vec<String> {
        assert_eq!(doc["gitUnavailable"], Value::Null, "{doc:#}");
        doc["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["commit"]["subject"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    };
    let doc = json(
        floe(&["history", "sync", "apps", "-o", "json"])
            .args(&on_gitea)
            .env("GITEA_TOKEN", &gitea.token),
    );
    assert_eq!(subjects(&doc), ["scale web to 2", "add web and db"]);
    assert_eq!(doc["rows"][0]["commit"]["sha"], c2.as_str());

    // Only Git's credential helper: what `git fetch` would use.
    let home = credential_store_home(&format!("https://{USER}:{}@{}", gitea.token, gitea.host));
    let doc = json(
        floe(&["history", "sync", "apps", "-o", "json"])
            .arg(format!("--ca-file={}", gitea.ca_file.display()))
            .env("HOME", home.path()),
    );
    assert_eq!(subjects(&doc), ["scale web to 2", "add web and db"]);

    // Rollback to c1 with only the token: a new commit on Gitea, applied by the real controllers.
    let outcome = json(
        floe(&[
            "rollback",
            "sync",
            "apps",
            "--yes",
            "-o",
            "json",
            &format!("--to={}", &c1[..8]),
        ])
        .args(&on_gitea)
        .env("GITEA_TOKEN", &gitea.token),
    );
    assert_eq!(outcome["pushed"], true, "{outcome:#}");
    let pushed = outcome["commit"].as_str().unwrap().to_string();
    let (status, commits) = gitea.api(
        "GET",
        "/api/v1/repos/floe/fleet/commits?sha=main&limit=1",
        None,
    );
    assert_eq!(status, 200, "{commits}");
    assert_eq!(commits[0]["sha"], pushed.as_str(), "{commits:#}");
    assert!(
        commits[0]["commit"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains(&format!("Restored-Revision: {c1}")),
        "{commits:#}"
    );
    assert_eq!(outcome["liveRevision"], format!("main@sha1:{pushed}"));
}
