//! floe against the real engine: Flux 2.9.4's own source-, kustomize-, helm- and
//! notification-controllers (built from their Go modules by scripts/testbed) running as host
//! processes under their ServiceAccounts, on a real Kubernetes 1.36 control plane. Git is real
//! too: `git http-backend` over HTTPS with a private CA and token authentication (the Git side
//! of the GitHub stand-in in tests/common/github.rs). Simulated: the kubelet (KWOK marks Pods
//! Running and Ready) and container images (nothing runs in the Pods).
//!
//! Every wait is on a condition, by floe's own `--timeout` or by [`eventually`], with a
//! deadline generous for a loaded 2-core machine and a message naming what it waited for.

mod common;

use std::time::Duration;

use common::engine::{App, IMAGE_CONTROLLERS, config, eventually, installed};
use common::testbed::TestBed;
use predicates::prelude::*;
use serde_json::Value;

/// The test bed with the real engine, Flux installed on it once (the image automation
/// controllers included).
fn engine() -> Option<&'static TestBed> {
    installed(IMAGE_CONTROLLERS)
}

macro_rules! engine {
    () => {
        match engine() {
            Some(bed) => bed,
            None => return,
        }
    };
}

macro_rules! app {
    ($test:expr) => {
        App::new(engine!(), $test)
    };
}

/// floe's install is one the flux CLI recognises: `flux check` passes on it, as does
/// `floe check`; `check --pre` passes on Kubernetes 1.36 without --skip-version-check.
#[test]
fn floe_install_passes_flux_check_and_floe_check_on_the_real_controllers() {
    let bed = engine!();
    bed.floe().args(["check", "--pre"]).assert().success();
    bed.floe()
        .args(["check", "--timeout=2m"])
        .assert()
        .success()
        .stdout(predicate::str::contains("source-controller"));
    let flux = std::process::Command::new(common::testbed::engine_bin("flux"))
        .args(["check", "--timeout=2m"])
        .env("KUBECONFIG", &bed.kubeconfig)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&flux.stdout),
        String::from_utf8_lossy(&flux.stderr)
    );
    assert!(flux.status.success(), "flux check: {said}");
    assert!(said.contains("all checks passed"), "{said}");
    // flux's --components and --components-extra: exactly those, a missing one failing.
    let json = |args: &[&str]| {
        let out = bed
            .floe()
            .args(["check", "-o", "json"])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        )
    };
    let (code, doc) = json(&[
        "--components=source-controller",
        "--components-extra=image-reflector-controller",
    ]);
    assert_eq!(code, Some(0), "{doc}");
    let names: Vec<&str> = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"source-controller") && names.contains(&"image-reflector-controller"),
        "{doc}"
    );
    assert!(!names.contains(&"helm-controller"), "{doc}");
    let (code, doc) = json(&["--components-extra=source-watcher"]);
    assert_eq!(code, Some(1), "{doc}");
    assert!(doc.to_string().contains("source-watcher"), "{doc}");
    bed.floe()
        .args(["check", "--components=source-controler"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid component \"source-controler\"",
        ));
}

/// A Git source and a sync, created by floe and reconciled by the real source- and
/// kustomize-controllers; then what floe reads back from them: get, tree, events, history
/// (with the Git authors), drift (none, then `kubectl scale` named), suspend and resume.
#[test]
fn a_sync_applied_by_the_real_controllers_is_read_back_by_get_tree_events_history_and_drift() {
    let app = app!("engine-sync");
    let head = app.gh.git("me", "app", &["rev-parse", "main"]);
    assert_eq!(app.applied(), format!("main@sha1:{head}"));
    assert_eq!(app.greeting(), "hello");
    // KWOK stands in for the kubelet: the Deployment the real controller applied gets Ready.
    eventually(
        "Deployment web to be available",
        Duration::from_secs(60),
        || {
            (app.kubectl(&[
                "get",
                "deployment",
                "web",
                "-o",
                "jsonpath={.status.availableReplicas}",
            ]) == "1")
                .then_some(())
        },
    );

    let rows = app.json(&["get", "syncs", "-o", "json"]);
    let row = &rows.as_array().unwrap()[0];
    assert_eq!(row["name"], "app");
    assert_eq!(row["ready"], "True", "{row}");
    assert_eq!(row["revision"], format!("main@sha1:{head}"));

    app.floe(&["tree", "sync", "app"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Deployment/"))
        .stdout(predicate::str::contains("/web"))
        .stdout(predicate::str::contains("ConfigMap/"));

    // The controllers' own Events, as kustomize-controller wrote them.
    app.floe(&["events", "--for", "Kustomization/app"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ReconciliationSucceeded"));

    // Nothing changed behind Git's back: the real kustomize-controller's managedFields.
    app.floe(&["drift", "sync", "app", "--exit-code"])
        .assert()
        .success();
    app.bed
        .kubectl_out(&["scale", "deployment", "web", "--replicas=3", "-n", &app.ns]);
    app.floe(&["drift", "sync", "app", "--exit-code"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("spec.replicas"))
        .stdout(predicate::str::contains("kubectl"));

    // History with Git's authors, from the real kustomize-controller's status.history.
    let c2 = app.push("alice", &[("apps/config.yaml", &config("hi"))], "say hi");
    app.floe(&["reconcile", "sync", "app", "--with-source"])
        .assert()
        .success();
    assert_eq!(app.applied(), format!("main@sha1:{c2}"));
    assert_eq!(app.greeting(), "hi");
    let history = common::json_of(&mut app.floe_git(&["history", "sync", "app", "-o", "json"]));
    let rows = history["rows"].as_array().unwrap();
    assert_eq!(rows[0]["revision"], format!("main@sha1:{c2}"), "{history}");
    assert_eq!(rows[0]["live"], true);
    assert_eq!(rows[0]["commit"]["author"], "alice");
    assert_eq!(rows[0]["commit"]["subject"], "say hi");
    assert_eq!(rows[1]["revision"], format!("main@sha1:{head}"));

    // Suspended, a push is not applied; resumed, it is.
    app.floe(&["suspend", "sync", "app"]).assert().success();
    let c3 = app.push("bob", &[("apps/config.yaml", &config("hey"))], "say hey");
    app.floe(&["reconcile", "source", "git", "app"])
        .assert()
        .success();
    assert_eq!(app.applied(), format!("main@sha1:{c2}"));
    app.floe(&["resume", "sync", "app"]).assert().success();
    assert_eq!(app.applied(), format!("main@sha1:{c3}"));
    assert_eq!(app.greeting(), "hey");
}

/// `wait --for-branch-head` asks a source that is behind the branch head to fetch now, so a
/// CI gate does not wait out the source's interval (10 minutes here, longer than the wait's
/// --timeout); `--no-trigger` stays passive and times out.
#[test]
fn wait_for_branch_head_nudges_the_source_behind_the_branch() {
    let app = app!("engine-wait");
    let pushed = app.push(
        "carol",
        &[("apps/config.yaml", &config("bonjour"))],
        "bonjour",
    );
    app.floe_git(&[
        "wait",
        "sync",
        "app",
        "--for-branch-head",
        "--no-trigger",
        "--timeout=8s",
    ])
    .assert()
    .code(1);
    assert_ne!(app.applied(), format!("main@sha1:{pushed}"));
    app.floe_git(&["wait", "sync", "app", "--for-branch-head", "--timeout=90s"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "asking GitRepository {}/app to fetch main",
            app.ns
        )));
    assert_eq!(app.applied(), format!("main@sha1:{pushed}"));
    assert_eq!(app.greeting(), "bonjour");
}

/// `rollback` on the real controllers: a new commit restoring the previous applied revision's
/// files, pushed, fetched and applied.
#[test]
fn rollback_restores_the_previous_revision_through_the_real_controllers() {
    let app = app!("engine-rollback");
    let bad = app.push(
        "dave",
        &[("apps/config.yaml", &config("oops"))],
        "bad greeting",
    );
    app.floe(&["reconcile", "sync", "app", "--with-source"])
        .assert()
        .success();
    assert_eq!(app.greeting(), "oops");
    let out = app
        .floe_git(&["rollback", "sync", "app", "--yes", "-o", "json"])
        .arg("--reason=bad greeting")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outcome: Value = serde_json::from_slice(&out.stdout).unwrap();
    let commit = outcome["commit"].as_str().unwrap().to_string();
    assert_ne!(commit, bad);
    assert_eq!(app.gh.git("me", "app", &["rev-parse", "main"]), commit);
    assert_eq!(app.applied(), format!("main@sha1:{commit}"));
    assert_eq!(app.greeting(), "hello");
}

/// `diff sync` on the real engine, the pull-request gate: a checkout with more replicas, a new
/// ConfigMap and the greeting removed is reported as drifted (with its diff), created and
/// deleted, and `--exit-code` exits 1; once the same commit is pushed and the real
/// kustomize-controller applied it, the same diff finds nothing and exits 0. The build uses the
/// kustomize v5.8.1 the controller embeds (scripts/testbed).
#[test]
fn diff_sync_previews_what_the_real_controller_then_applies() {
    let app = app!("engine-diff");
    let kustomize = common::testbed::engine_bin("kustomize");
    let checkout = tempfile::tempdir().unwrap();
    let bare = app.gh.bare("me", "app");
    common::github::git(
        checkout.path(),
        &["clone", "-q", &format!("file://{}", bare.display()), "."],
    );
    // The checkout's remote is the URL the cluster's GitRepository fetches (pushes go to the
    // bare repository directly).
    common::github::git(
        checkout.path(),
        &["remote", "set-url", "origin", &app.url()],
    );
    let apps = checkout.path().join("apps");
    let diff = |args: &[&str]| {
        let mut cmd = app.floe(&["diff", "sync", "app"]);
        cmd.arg(format!("--path={}", apps.display()))
            .arg(format!("--kustomize={}", kustomize.display()))
            .args(args);
        cmd.output().unwrap()
    };
    let clean = diff(&["--exit-code"]);
    assert!(
        clean.status.success() && clean.stdout.is_empty(),
        "an unchanged checkout should show nothing: {}{}",
        String::from_utf8_lossy(&clean.stdout),
        String::from_utf8_lossy(&clean.stderr)
    );
    let web = common::engine::WEB.replace("replicas: 1", "replicas: 3");
    std::fs::write(apps.join("web.yaml"), &web).unwrap();
    std::fs::write(
        apps.join("extra.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  a: b\n",
    )
    .unwrap();
    std::fs::remove_file(apps.join("config.yaml")).unwrap();
    let changed = diff(&["--exit-code"]);
    let text = String::from_utf8_lossy(&changed.stdout);
    assert_eq!(
        changed.status.code(),
        Some(1),
        "{text}{}",
        String::from_utf8_lossy(&changed.stderr)
    );
    let ns = &app.ns;
    for line in [
        format!("► Deployment/{ns}/web drifted"),
        "-  replicas: 1".to_string(),
        "+  replicas: 3".to_string(),
        format!("► ConfigMap/{ns}/extra created"),
        format!("► ConfigMap/{ns}/greeting deleted"),
    ] {
        assert!(text.contains(&line), "no {line:?} in:\n{text}");
    }
    // As a GitHub Actions job step: an annotation per change and the changes in the summary.
    let (annotated, written) = common::in_github_actions(
        app.floe(&["diff", "sync", "app", "--exit-code"])
            .arg(format!("--path={}", apps.display()))
            .arg(format!("--kustomize={}", kustomize.display())),
    );
    assert_eq!(annotated.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&annotated.stderr);
    for line in [
        format!("::error title=Deployment/{ns}/web::{ns}/app: changed"),
        format!("::error title=ConfigMap/{ns}/extra::{ns}/app: created"),
        format!("::error title=ConfigMap/{ns}/greeting::{ns}/app: deleted"),
    ] {
        assert!(
            stderr.lines().any(|l| l == line),
            "no {line:?} in:\n{stderr}"
        );
    }
    assert!(
        written.starts_with(&format!(
            "### floe diff: 3 change(s) from 1 sync(s)\n\n| SYNC | OBJECT | CHANGE |\n| --- | --- | --- |\n| {ns}/app | ConfigMap/{ns}/extra | created |\n"
        )),
        "{written}"
    );
    // Without --exit-code a change is not a failure; -o json names each action.
    let json = diff(&["-o", "json"]);
    assert!(json.status.success());
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report.as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report[0]["sync"], format!("{ns}/app"));
    let actions: Vec<(String, String)> = report[0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["object"].as_str().unwrap().to_string(),
                c["action"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        vec![
            (format!("ConfigMap/{ns}/extra"), "created".to_string()),
            (format!("Deployment/{ns}/web"), "changed".to_string()),
            (format!("ConfigMap/{ns}/greeting"), "pruned".to_string()),
        ]
    );
    // The flux CLI, the oracle: the same objects created, drifted and deleted.
    let flux = std::process::Command::new(common::testbed::engine_bin("flux"))
        .args([
            "diff",
            "kustomization",
            "app",
            "-n",
            ns,
            "--progress-bar=false",
        ])
        .arg(format!("--path={}", apps.display()))
        .env("KUBECONFIG", &app.bed.kubeconfig)
        .output()
        .unwrap();
    let headlines = |text: &str| -> std::collections::BTreeSet<String> {
        text.lines()
            .filter(|l| l.starts_with("► "))
            .map(str::to_string)
            .collect()
    };
    let flux_text = String::from_utf8_lossy(&flux.stdout);
    assert_eq!(
        flux.status.code(),
        Some(1),
        "{flux_text}{}",
        String::from_utf8_lossy(&flux.stderr)
    );
    assert_eq!(
        headlines(&text),
        headlines(&flux_text),
        "floe:\n{text}\nflux:\n{flux_text}"
    );
    // The pull-request job's form: every sync under a directory of the checkout.
    let path_prefix = format!("--path-prefix={}", checkout.path().display());
    let mut prefix = app.floe(&["diff", &path_prefix]);
    prefix.arg(format!("--kustomize={}", kustomize.display()));
    let prefix = prefix.output().unwrap();
    assert!(
        prefix.status.success(),
        "{}",
        String::from_utf8_lossy(&prefix.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&prefix.stdout), text);
    // Nothing was applied by the preview.
    let replicas = || {
        app.kubectl(&[
            "get",
            "deployment",
            "web",
            "-o",
            "jsonpath={.spec.replicas}",
        ])
    };
    assert_eq!(replicas(), "1");
    push_and_apply(&app, checkout.path(), "scale up");
    assert_eq!(replicas(), "3");
    let applied = diff(&["--exit-code"]);
    assert!(
        applied.status.success() && applied.stdout.is_empty(),
        "after the controller applied the commit: {}{}",
        String::from_utf8_lossy(&applied.stdout),
        String::from_utf8_lossy(&applied.stderr)
    );
}

/// `build sync` reads the sync and its `substituteFrom` ConfigMap and Secret from the cluster:
/// the output is `flux build kustomization`'s byte for byte, except that the Secret's value is
/// `<secret>` (floe never prints a Secret's value); an optional source that is missing is
/// skipped, a required one is named; a sync that does not exist is named.
#[test]
fn build_sync_substitutes_from_the_clusters_configmaps_and_secrets() {
    let bed = engine!();
    let ns = bed.namespace("engine-build");
    let kubectl = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["-n", &ns]);
        bed.kubectl_out(&all)
    };
    kubectl(&[
        "create",
        "configmap",
        "vars",
        "--from-literal=WHO=cluster",
        "--from-literal=CLUSTER=prod",
    ]);
    kubectl(&[
        "create",
        "secret",
        "generic",
        "creds",
        "--from-literal=TOKEN=s3cr3t-value",
    ]);
    let sync = |name: &str, optional_missing: bool| {
        format!(
            "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  interval: 10m\n  path: ./apps\n  prune: true\n  suspend: true\n  sourceRef:\n    kind: GitRepository\n    name: none\n  postBuild:\n    substitute:\n      CLUSTER: inline\n    substituteFrom:\n    - kind: ConfigMap\n      name: vars\n    - kind: Secret\n      name: creds\n    - kind: ConfigMap\n      name: absent\n      optional: {optional_missing}\n"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("syncs.yaml");
    std::fs::write(
        &file,
        format!("{}---\n{}", sync("web", true), sync("strict", false)),
    )
    .unwrap();
    kubectl(&["apply", "-f", file.to_str().unwrap()]);
    let apps = dir.path().join("apps");
    std::fs::create_dir(&apps).unwrap();
    std::fs::write(
        apps.join("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: out\ndata:\n  who: ${WHO}\n  cluster: ${CLUSTER}\n  token: ${TOKEN}\n",
    )
    .unwrap();
    let kustomize = common::testbed::engine_bin("kustomize");
    let floe = |name: &str| {
        bed.floe()
            .args(["build", "sync", name, "-n", &ns])
            .arg(format!("--path={}", apps.display()))
            .arg(format!("--kustomize={}", kustomize.display()))
            .output()
            .unwrap()
    };
    let ours = floe("web");
    let text = String::from_utf8_lossy(&ours.stdout).to_string();
    assert!(
        ours.status.success(),
        "{}",
        String::from_utf8_lossy(&ours.stderr)
    );
    assert!(
        text.contains("who: cluster") && text.contains("cluster: inline"),
        "{text}"
    );
    assert!(
        text.contains("token: <secret>") && !text.contains("s3cr3t"),
        "{text}"
    );
    let flux = std::process::Command::new(common::testbed::engine_bin("flux"))
        .args(["build", "kustomization", "web", "-n", &ns])
        .arg(format!("--path={}", apps.display()))
        .env("KUBECONFIG", &bed.kubeconfig)
        .output()
        .unwrap();
    assert!(
        flux.status.success(),
        "{}",
        String::from_utf8_lossy(&flux.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&flux.stdout).replace("s3cr3t-value", "<secret>"),
        text
    );
    let strict = floe("strict");
    assert_eq!(strict.status.code(), Some(1));
    let err = String::from_utf8_lossy(&strict.stderr);
    assert!(
        err.contains("substitute from 'ConfigMap/absent' error"),
        "{err}"
    );
    assert!(!err.contains("s3cr3t"), "{err}");
    let missing = floe("nope");
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&missing.stderr)
            .contains(&format!("sync {ns}/nope not found on the cluster")),
        "{}",
        String::from_utf8_lossy(&missing.stderr)
    );

    // The same variables through `debug sync --show-vars`: flux's dot env lines, the value
    // from the Secret masked (`--show-secrets` needs a terminal, which a pipe is not).
    let flux_vars = std::process::Command::new(common::testbed::engine_bin("flux"))
        .args(["debug", "ks", "web", "--show-vars", "-n", &ns])
        .env("KUBECONFIG", &bed.kubeconfig)
        .output()
        .unwrap();
    assert!(flux_vars.status.success(), "{flux_vars:?}");
    let ours = bed
        .floe()
        .args(["debug", "sync", "web", "--show-vars", "-n", &ns])
        .output()
        .unwrap();
    assert!(ours.status.success(), "{ours:?}");
    let ours = String::from_utf8(ours.stdout).unwrap();
    assert_eq!(
        ours,
        String::from_utf8_lossy(&flux_vars.stdout).replace("s3cr3t-value", "<secret>")
    );
    assert_eq!(ours, "CLUSTER=inline\nTOKEN=<secret>\nWHO=cluster\n");
    bed.floe()
        .args([
            "debug",
            "ks",
            "web",
            "--show-vars",
            "--show-secrets",
            "-n",
            &ns,
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("only to a terminal"));
    bed.floe()
        .args([
            "debug",
            "sync",
            "web",
            "--show-vars",
            "--show-status",
            "-n",
            &ns,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exactly one of"));
    let status = bed
        .floe()
        .args(["debug", "sync", "web", "--show-status", "-n", &ns])
        .output()
        .unwrap();
    assert!(status.status.success());
    assert!(
        String::from_utf8_lossy(&status.stdout).starts_with("# Status documentation: "),
        "{status:?}"
    );
}

/// `diff --recursive` on the real engine, against `flux diff --recursive`: the app's path holds
/// a child sync the real kustomize-controller created; a change under the child's own path in
/// the checkout is reported under the child, by both tools alike.
#[test]
fn diff_recursive_follows_a_child_sync_as_flux_does() {
    let app = app!("engine-diff-recursive");
    let ns = app.ns.clone();
    let checkout = tempfile::tempdir().unwrap();
    let bare = app.gh.bare("me", "app");
    let git = |args: &[&str]| common::github::git(checkout.path(), args);
    git(&["clone", "-q", &format!("file://{}", bare.display()), "."]);
    std::fs::create_dir(checkout.path().join("child")).unwrap();
    std::fs::write(
        checkout.path().join("apps/child-sync.yaml"),
        format!(
            "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: child\n  namespace: {ns}\nspec:\n  interval: 10m\n  path: ./child\n  prune: true\n  targetNamespace: {ns}\n  sourceRef:\n    kind: GitRepository\n    name: app\n"
        ),
    )
    .unwrap();
    let cm = |name: &str, value: &str| {
        format!(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  value: {value}\n"
        )
    };
    std::fs::write(checkout.path().join("child/kept.yaml"), cm("kept", "one")).unwrap();
    push_and_apply(&app, checkout.path(), "a child sync");
    app.floe(&["reconcile", "sync", "child"]).assert().success();
    assert_eq!(
        app.kubectl(&["get", "configmap", "kept", "-o", "jsonpath={.data.value}"]),
        "one"
    );
    // Locally: the child's ConfigMap changes and another is added.
    std::fs::write(checkout.path().join("child/kept.yaml"), cm("kept", "two")).unwrap();
    std::fs::write(checkout.path().join("child/added.yaml"), cm("added", "new")).unwrap();
    let apps = format!("--path={}", checkout.path().join("apps").display());
    let sources = format!(
        "--local-sources=GitRepository/{ns}/app={}",
        checkout.path().display()
    );
    let ours = app
        .floe(&["diff", "sync", "app", &apps, "--recursive", &sources])
        .arg(format!(
            "--kustomize={}",
            common::testbed::engine_bin("kustomize").display()
        ))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&ours.stdout).to_string();
    assert!(
        ours.status.success(),
        "{}",
        String::from_utf8_lossy(&ours.stderr)
    );
    let flux = std::process::Command::new(common::testbed::engine_bin("flux"))
        .args([
            "diff",
            "kustomization",
            "app",
            "-n",
            &ns,
            "--progress-bar=false",
            "--recursive",
        ])
        .args([&apps, &sources])
        .env("KUBECONFIG", &app.bed.kubeconfig)
        .output()
        .unwrap();
    let flux_text = String::from_utf8_lossy(&flux.stdout);
    let headlines = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("► ") || l.starts_with("📁 "))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        headlines(&text),
        vec![
            format!("📁 Kustomization/{ns}/child changed"),
            format!("► ConfigMap/{ns}/added created"),
            format!("► ConfigMap/{ns}/kept drifted"),
        ],
        "{text}"
    );
    let mut theirs = headlines(&flux_text);
    let mut mine = headlines(&text);
    theirs.sort();
    mine.sort();
    assert_eq!(
        mine,
        theirs,
        "floe:\n{text}\nflux:\n{flux_text}{}",
        String::from_utf8_lossy(&flux.stderr)
    );
    assert!(
        text.contains("-    value: one") || text.contains("-  value: one"),
        "{text}"
    );
}

/// Commits everything in `checkout` (a clone of the app's repository), pushes it to the
/// repository, and has the real controllers fetch and apply it.
fn push_and_apply(app: &App, checkout: &std::path::Path, message: &str) {
    let bare = app.gh.bare("me", "app");
    common::github::git(checkout, &["add", "-A"]);
    common::github::git(checkout, &["commit", "-q", "-m", message]);
    common::github::git(
        checkout,
        &[
            "push",
            "-q",
            &format!("file://{}", bare.display()),
            "HEAD:main",
        ],
    );
    app.floe(&["reconcile", "sync", "app", "--with-source"])
        .assert()
        .success();
}

/// `diff sync` against `flux diff kustomization` over seeded changes to a checkout: the same
/// objects created, drifted and deleted (prune from the sync's inventory), case by case. The
/// sync is suspended and its objects were applied with kustomize-controller's field manager,
/// its inventory written as the controller writes it, so both tools compare the same state.
#[test]
fn diff_agrees_with_flux_over_generated_changes() {
    let bed = engine!();
    let ns = bed.namespace("engine-diff-corpus");
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let git = |args: &[&str]| common::github::git(repo, args);
    git(&["init", "-q"]);
    let cm = |name: &str, value: &str| {
        format!(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  value: \"{value}\"\n"
        )
    };
    let files: Vec<(String, String)> = vec![
        ("apps/web.yaml".into(), common::engine::WEB.to_string()),
        ("apps/a.yaml".into(), cm("a", "one")),
        ("apps/b.yaml".into(), cm("b", "${WHO:=nobody}")),
        ("apps/secret.yaml".into(), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: first\n".into()),
        ("apps/svc.yaml".into(), "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - name: http\n    port: 80\n".into()),
    ];
    for (path, text) in &files {
        std::fs::create_dir_all(repo.join(path).parent().unwrap()).unwrap();
        std::fs::write(repo.join(path), text).unwrap();
    }
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "base"]);
    let sync = format!(
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: corpus\n  namespace: {ns}\nspec:\n  interval: 10m\n  path: ./apps\n  prune: true\n  suspend: true\n  targetNamespace: {ns}\n  sourceRef:\n    kind: GitRepository\n    name: none\n  postBuild:\n    substitute:\n      WHO: world\n"
    );
    let sync_file = dir.path().join("sync.yaml");
    std::fs::write(&sync_file, &sync).unwrap();
    bed.kubectl_out(&["apply", "-f", sync_file.to_str().unwrap()]);
    let kustomize = common::testbed::engine_bin("kustomize");
    let apps = format!("--path={}", repo.join("apps").display());
    // The base, applied as the controller applies it, plus a ConfigMap only the inventory knows.
    let built = bed
        .floe()
        .args(["build", "sync", "corpus", "-n", &ns, &apps])
        .arg(format!("--kustomize={}", kustomize.display()))
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let base = dir.path().join("base.yaml");
    let mut text = String::from_utf8_lossy(&built.stdout).to_string();
    text.push_str(&format!(
        "{}---\n",
        cm("stale", "x").replace("name: stale", &format!("name: stale\n  namespace: {ns}"))
    ));
    std::fs::write(&base, &text).unwrap();
    bed.kubectl_out(&[
        "apply",
        "--server-side",
        "--field-manager=kustomize-controller",
        "-f",
        base.to_str().unwrap(),
    ]);
    let entries: Vec<Value> = [("web", "apps", "Deployment", "v1"), ("a", "", "ConfigMap", "v1"), ("b", "", "ConfigMap", "v1"), ("s", "", "Secret", "v1"), ("web", "", "Service", "v1"), ("stale", "", "ConfigMap", "v1")]
        .iter()
        .map(|(name, group, kind, v)| serde_json::json!({"id": format!("{ns}_{name}_{group}_{kind}"), "v": v}))
        .collect();
    bed.patch_status(
        "kustomization",
        "corpus",
        &ns,
        &serde_json::json!({"inventory": {"entries": entries}}),
    );
    type Change = fn(&std::path::Path);
    let changes: &[(&str, Change)] = &[
        ("replicas", |r| {
            edit(r, "apps/web.yaml", "replicas: 1", "replicas: 2")
        }),
        ("data", |r| edit(r, "apps/a.yaml", "one", "two")),
        ("removed", |r| {
            std::fs::remove_file(r.join("apps/b.yaml")).unwrap()
        }),
        ("added", |r| {
            std::fs::write(
                r.join("apps/c.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
            )
            .unwrap()
        }),
        ("secret", |r| edit(r, "apps/secret.yaml", "first", "second")),
        ("port", |r| {
            edit(r, "apps/svc.yaml", "port: 80", "port: 8080")
        }),
        ("label", |r| {
            edit(
                r,
                "apps/a.yaml",
                "name: a",
                "name: a\n  labels:\n    tier: x",
            )
        }),
    ];
    let mut seed = 0x5eed_d1ffu64;
    let headlines = |text: &str| -> std::collections::BTreeSet<String> {
        text.lines()
            .filter(|l| l.starts_with("► "))
            .map(str::to_string)
            .collect()
    };
    for case in 0..8 {
        git(&["checkout", "-q", "--", "."]);
        git(&["clean", "-qfd"]);
        let mut applied = Vec::new();
        for (name, change) in changes {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            if case == 0 || seed.is_multiple_of(3) {
                change(repo);
                applied.push(*name);
            }
        }
        let ours = bed
            .floe()
            .args(["diff", "sync", "corpus", "-n", &ns, &apps])
            .arg(format!("--kustomize={}", kustomize.display()))
            .output()
            .unwrap();
        let theirs = std::process::Command::new(common::testbed::engine_bin("flux"))
            .args([
                "diff",
                "kustomization",
                "corpus",
                "-n",
                &ns,
                "--progress-bar=false",
                &apps,
            ])
            .env("KUBECONFIG", &bed.kubeconfig)
            .output()
            .unwrap();
        let (ours_text, theirs_text) = (
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
        );
        assert!(
            ours.status.success(),
            "case {case} {applied:?}: {}",
            String::from_utf8_lossy(&ours.stderr)
        );
        assert!(
            !ours_text.contains("first") && !ours_text.contains("second"),
            "a Secret value in:\n{ours_text}"
        );
        assert_eq!(
            headlines(&ours_text),
            headlines(&theirs_text),
            "case {case} {applied:?}\nfloe:\n{ours_text}\nflux:\n{theirs_text}{}",
            String::from_utf8_lossy(&theirs.stderr)
        );
        // Every change is seen, and the stale object is always pruned.
        assert!(
            ours_text.contains(&format!("► ConfigMap/{ns}/stale deleted")),
            "{ours_text}"
        );
    }
}

/// Replaces `from` with `to` in the file `path` under `root`.
fn edit(root: &std::path::Path, path: &str, from: &str, to: &str) {
    let file = root.join(path);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{path} has no {from:?}");
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// `floe stats` counts what `flux stats` counts, and prints it the same: a source with its
/// artefact's storage, a sync, a source the real source-controller fails to fetch, and a
/// suspended one, in the test's namespace (and every namespace with `-A`).
#[test]
fn stats_counts_running_failing_suspended_and_storage_as_flux_stats_does() {
    let app = app!("engine-stats");
    let broken = format!(
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: broken\n  namespace: {ns}\nspec:\n  interval: 10m\n  url: https://127.0.0.1:1/nowhere.git\n  ref:\n    branch: main\n---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: idle\n  namespace: {ns}\nspec:\n  suspend: true\n  interval: 10m\n  url: https://127.0.0.1:1/idle.git\n  ref:\n    branch: main\n",
        ns = app.ns
    );
    let applied = app
        .bed
        .kubectl_with_input(&["apply", "-f", "-"], broken.as_bytes());
    assert!(applied.status.success(), "{applied:?}");
    eventually(
        "GitRepository broken to fail",
        Duration::from_secs(60),
        || {
            (app.kubectl(&[
                "get",
                "gitrepository",
                "broken",
                "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}",
            ]) == "False")
                .then_some(())
        },
    );
    let flux = |args: &[&str]| {
        let out = std::process::Command::new(common::testbed::engine_bin("flux"))
            .args(["stats", "--kubeconfig"])
            .arg(&app.bed.kubeconfig)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let ours = app.floe(&["stats"]).output().unwrap();
    assert!(ours.status.success(), "{ours:?}");
    let ours = String::from_utf8(ours.stdout).unwrap();
    assert_eq!(ours, flux(&["-n", &app.ns]));
    let json = app.json(&["stats", "-o", "json"]);
    let git = json
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "GitRepository")
        .unwrap();
    assert_eq!(
        (&git["running"], &git["failing"], &git["suspended"]),
        (&Value::from(2), &Value::from(1), &Value::from(1)),
        "{json}"
    );
    assert!(git["storage_bytes"].as_i64().unwrap() > 0, "{json}");
    let sync = json
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "Kustomization")
        .unwrap();
    assert_eq!(sync["running"], 1, "{json}");
    // Every namespace: the same as flux's. The other tests of this binary create objects
    // meanwhile, so the two are compared over a quiet moment: floe's answer unchanged before
    // and after flux's, and flux's byte for byte the same.
    let floe_all = || {
        let out = app.bed.floe().args(["stats", "-A"]).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    eventually(
        "floe stats -A and flux stats -A to agree while nothing changes",
        Duration::from_secs(120),
        || {
            let (before, theirs, after) = (floe_all(), flux(&["-A"]), floe_all());
            (before == after).then(|| assert_eq!(before, theirs))
        },
    );
}

/// `debug hr --show-values` composes the values helm-controller would release with, as `flux
/// debug hr --show-values` prints them (valuesFrom in order, a targetPath, inline values last),
/// with the values from Secrets masked.
#[test]
fn debug_hr_shows_the_values_flux_composes_with_secrets_masked() {
    let bed = engine!();
    let ns = bed.namespace("engine-debug-hr");
    let objects = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: base\n  namespace: {ns}\ndata:\n  values.yaml: |\n    replicaCount: 2\n    image:\n      repository: ghcr.io/stefanprodan/podinfo\n      tag: 6.5.0\n    service:\n      port: 9898\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: {ns}\nstringData:\n  values.yaml: |\n    db:\n      user: admin-user\n      password: hunter2-pw\n  token: tok3n-value\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: port\n  namespace: {ns}\ndata:\n  port: \"8080\"\n---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: web\n  namespace: {ns}\nspec:\n  suspend: true\n  interval: 10m\n  chart:\n    spec:\n      chart: podinfo\n      sourceRef:\n        kind: HelmRepository\n        name: none\n  valuesFrom:\n  - kind: ConfigMap\n    name: base\n  - kind: Secret\n    name: creds\n  - kind: Secret\n    name: creds\n    valuesKey: token\n    targetPath: auth.token\n  - kind: ConfigMap\n    name: port\n    valuesKey: port\n    targetPath: service.port\n  - kind: ConfigMap\n    name: absent\n    optional: true\n  values:\n    image:\n      tag: 6.6.0\n"
    );
    let applied = bed.kubectl_with_input(&["apply", "-f", "-"], objects.as_bytes());
    assert!(applied.status.success(), "{applied:?}");
    let flux = std::process::Command::new(common::testbed::engine_bin("flux"))
        .args(["debug", "hr", "web", "--show-values", "-n", &ns])
        .env("KUBECONFIG", &bed.kubeconfig)
        .output()
        .unwrap();
    assert!(flux.status.success(), "{flux:?}");
    let ours = bed
        .floe()
        .args(["debug", "hr", "web", "--show-values", "-n", &ns])
        .output()
        .unwrap();
    assert!(ours.status.success(), "{ours:?}");
    let ours = String::from_utf8(ours.stdout).unwrap();
    let mut expected = String::from_utf8(flux.stdout).unwrap();
    for secret in ["admin-user", "hunter2-pw", "tok3n-value"] {
        assert!(expected.contains(secret), "{expected}");
        assert!(!ours.contains(secret), "{ours}");
        expected = expected.replace(secret, "<secret>");
    }
    assert_eq!(ours, expected);
    assert!(
        ours.contains("port: 8080") && ours.contains("tag: 6.6.0"),
        "{ours}"
    );
}
