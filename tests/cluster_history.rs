//! history, rollback and wait end to end: a real Git smart-HTTP server (`git http-backend`
//! behind the fake GitHub's basic auth), the test bed's API server, and a simulated Flux whose
//! kustomize-controller applies the branch head and keeps `status.history` as
//! kustomize-controller does (keyed by the digest of what it applied, newest first, at most
//! 5; an equal digest and result updates its entry). Test names say so.

mod common;

use common::github::{FakeGitHub, TOKEN, git};
use common::testbed::{FluxBehaviour, HEALTH_CHECK_FAILURE, TestBed, simulated_flux};
use predicates::prelude::*;
use serde_json::Value;

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

struct Fleet {
    bed: &'static TestBed,
    gh: FakeGitHub,
    ns: String,
    _flux: common::testbed::Background,
}

impl Fleet {
    /// A private repository me/fleet with 30 commits of history before `apps/` (so a full
    /// fetch would be visible), a GitRepository and a sync of ./apps applied at its head.
    fn new(test: &str) -> Option<Fleet> {
        let bed = common::testbed::with_flux_installed()?;
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
                ("apps/web.yaml", Some("replicas: 1\n")),
                ("apps/db.yaml", Some("size: small\n")),
            ],
            "add web and db",
        );
        let ns = bed.namespace(test);
        let (flux, _) = simulated_flux(
            bed,
            &ns,
            FluxBehaviour::AtGitHead {
                repos: gh.root.clone(),
            },
        );
        let fleet = Fleet {
            bed,
            gh,
            ns,
            _flux: flux,
        };
        fleet
            .floe(&[
                "create",
                "source",
                "git",
                "fleet",
                &format!("--url=https://{}/me/fleet.git", fleet.gh.host),
                "--branch=main",
                "--secret-ref=fleet-auth",
            ])
            .assert()
            .success();
        fleet
            .floe(&[
                "create",
                "sync",
                "apps",
                "--source=GitRepository/fleet",
                "--path=./apps",
                "--prune",
            ])
            .assert()
            .success();
        Some(fleet)
    }

    fn floe(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.bed.floe();
        cmd.args(args)
            .args(["-n", &self.ns])
            .env_remove("GITHUB_TOKEN");
        if !args.iter().any(|a| a.starts_with("--timeout")) {
            cmd.arg("--timeout=60s");
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

    /// Commits `replicas` in apps/web.yaml as `author` ("scale web to N"), and has the cluster
    /// apply it.
    fn scale_web(&self, author: &str, replicas: u32) -> String {
        let text = format!("replicas: {replicas}\n");
        let commit = commit_as(
            &self.gh,
            author,
            &[("apps/web.yaml", Some(&text))],
            &format!("scale web to {replicas}"),
        );
        self.apply_head();
        commit
    }

    fn apply_head(&self) {
        self.floe(&["reconcile", "sync", "apps", "--with-source"])
            .assert()
            .success();
    }

    fn head(&self) -> String {
        self.gh.git("me", "fleet", &["rev-parse", "main"])
    }

    fn applied(&self) -> String {
        self.bed.kubectl_out(&[
            "get",
            "kustomization",
            "apps",
            "-n",
            &self.ns,
            "-o",
            "jsonpath={.status.lastAppliedRevision}",
        ])
    }

    fn history(&self) -> Value {
        common::json_of(&mut self.floe_git(&["history", "sync", "apps", "-o", "json"]))
    }
}

macro_rules! fleet {
    ($test:expr) => {
        match Fleet::new($test) {
            Some(fleet) => fleet,
            None => return,
        }
    };
}

#[test]
fn history_joins_the_applied_revisions_with_their_commits_with_simulated_kustomize_controller() {
    let f = fleet!("history");
    let c1 = f.head();
    let c2 = f.scale_web("alice", 2);
    let c3 = commit_as(
        &f.gh,
        "bob",
        &[
            ("apps/web.yaml", Some("replicas: 3\n")),
            ("apps/db.yaml", None),
        ],
        "scale web to 3, drop db",
    );
    f.apply_head();
    // Outside the path: the same manifests, so kustomize-controller updates c3's entry.
    let c4 = commit_as(&f.gh, "dave", &[("README.md", Some("docs\n"))], "docs only");
    f.apply_head();
    assert_eq!(f.applied(), format!("main@sha1:{c4}"));

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
    assert_eq!(rows[0]["commit"]["subject"], "docs only");
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
    assert!(rows[1]["firstApplied"].is_string() && rows[1]["duration"] == "1.5s");
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
fn rollback_restores_the_path_as_one_new_commit_and_waits_with_simulated_kustomize_controller() {
    let f = fleet!("rollback");
    let c2 = f.scale_web("alice", 2);
    let c3 = commit_as(
        &f.gh,
        "bob",
        &[
            ("apps/web.yaml", Some("replicas: 3\n")),
            ("apps/cache.yaml", Some("on: true\n")),
        ],
        "scale web to 3, add cache",
    );
    f.apply_head();
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
    assert!(plan.contains("-replicas: 3\n+replicas: 2\n"), "{plan}");
    assert!(
        plan.contains("deleted file mode") || plan.contains("-on: true"),
        "{plan}"
    );
    assert_eq!(f.head(), before);
    assert_eq!(f.applied(), format!("main@sha1:{c3}"));

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

#[test]
fn rollback_converges_when_rerun_and_refuses_failed_revisions_with_simulated_kustomize_controller()
{
    let f = fleet!("rollback-rerun");
    let c1 = f.head();
    f.scale_web("alice", 2);
    // A revision whose health checks fail: recorded in the history, not applied.
    let bad = commit_as(
        &f.gh,
        "bob",
        &[(
            "apps/web.yaml",
            Some(&format!("replicas: 9\n# {HEALTH_CHECK_FAILURE}\n")),
        )],
        "scale web to 9",
    );
    f.floe(&["reconcile", "source", "git", "fleet"])
        .assert()
        .success();
    f.floe(&["reconcile", "sync", "apps"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("health check failed"));

    // wait fails at once with the controller's message for that revision; succeeds for one
    // that applied.
    let started = std::time::Instant::now();
    f.floe(&[
        "wait",
        "sync",
        "apps",
        &format!("--for-revision={}", &bad[..10]),
        "--timeout=120s",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("health check failed after 30s"));
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
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

    // Interrupted after the push (the sync is suspended, so the wait runs out): the re-run
    // pushes nothing new and finishes.
    f.floe(&["suspend", "sync", "apps"]).assert().success();
    f.floe_git(&[
        "rollback",
        "sync",
        "apps",
        &format!("--to={}", &c1[..8]),
        "--yes",
        "--timeout=8s",
    ])
    .assert()
    .code(1);
    let pushed = f.head();
    assert_eq!(
        f.gh.git("me", "fleet", &["rev-parse", "main:apps"]),
        f.gh.git("me", "fleet", &["rev-parse", &format!("{c1}:apps")])
    );
    f.floe(&["resume", "sync", "apps", "--wait=false"])
        .assert()
        .success();
    let outcome = f.rollback_json(&[&format!("--to={}", &c1[..8])]);
    assert_eq!(outcome["pushed"], false);
    assert_eq!(outcome["plan"]["alreadyCommitted"], true);
    assert_eq!(f.head(), pushed, "no second rollback commit");
    assert_eq!(outcome["liveRevision"], format!("main@sha1:{pushed}"));

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
fn a_protected_branch_sends_the_rollback_to_a_review_branch_and_a_moved_path_is_refused_with_simulated_kustomize_controller()
 {
    let f = fleet!("rollback-review");
    let c1 = f.head();
    f.scale_web("alice", 2);
    let before = f.head();
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

    std::fs::remove_file(&hook).unwrap();
    // The sync's path moved to apps2: no revision before that has it.
    commit_as(
        &f.gh,
        "alice",
        &[("apps2/web.yaml", Some("replicas: 5\n"))],
        "move to apps2",
    );
    f.bed.kubectl_out(&[
        "patch",
        "kustomization",
        "apps",
        "-n",
        &f.ns,
        "--type=merge",
        "-p",
        r#"{"spec":{"path":"./apps2"}}"#,
    ]);
    f.apply_head();
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
fn wait_returns_once_the_pushed_commit_is_applied_with_simulated_kustomize_controller() {
    let f = fleet!("wait-push");
    let pushed = commit_as(
        &f.gh,
        "alice",
        &[("apps/web.yaml", Some("replicas: 4\n"))],
        "scale web to 4",
    );
    let waiting = std::process::Command::new(env!("CARGO_BIN_EXE_floe"))
        .env("KUBECONFIG", &f.bed.kubeconfig)
        .args([
            "wait",
            "sync",
            "apps",
            "-n",
            &f.ns,
            "--timeout=60s",
            "-o",
            "json",
        ])
        .arg(format!("--for-revision={pushed}"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_secs(2));
    f.apply_head();
    let out = waiting.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let state: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(state["revision"], format!("main@sha1:{pushed}"));
    assert_eq!(state["ready"], "True");
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
