//! drift, events, tree and trace on the real engine: Flux 2.9.4's own source-, kustomize- and
//! helm-controllers (built from their Go modules by scripts/testbed, host processes under
//! their ServiceAccounts) on a real Kubernetes 1.36 control plane fetch a real Git repository
//! (`git http-backend` over HTTPS with a private CA and token authentication, the Git side of
//! the GitHub stand-in in tests/common/github.rs), apply it server-side, prune, record
//! `status.inventory` and write their own Events; helm-controller installs a chart served over
//! HTTP on 127.0.0.1 and labels what it installs. Changes behind Git's back are made with the
//! real kubectl. Simulated: the kubelet (KWOK marks the Pods of one fake Node Running and
//! Ready; a Pod no node can take stays Pending) and container images (nothing runs in the
//! Pods).
//!
//! Every wait is on a condition, by floe's own `--timeout` or by [`eventually`], with a
//! deadline generous for a loaded 2-core machine and a message naming what it waited for.

mod common;

use std::time::Duration;

use common::engine::{eventually, installed, package_chart, serve};
use common::github::{FakeGitHub, TOKEN, commit_files};
use common::testbed::TestBed;
use predicates::prelude::*;
use serde_json::Value;

/// The Deployment `web` both repositories hold.
fn web_deployment(ns: &str) -> String {
    format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: {ns}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: ghcr.io/stefanprodan/podinfo:6.3.5\n"
    )
}

/// A Deployment whose Pod no node can take: KWOK leaves it Pending, so it never gets
/// available.
fn pending_deployment(ns: &str) -> String {
    format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: pending\n  namespace: {ns}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: pending\n  template:\n    metadata:\n      labels:\n        app: pending\n    spec:\n      nodeSelector:\n        floe.test/no-such-node: \"true\"\n      containers:\n      - name: pending\n        image: ghcr.io/stefanprodan/podinfo:6.3.5\n"
    )
}

/// A ConfigMap named `name` in `ns`.
fn config_map(ns: &str, name: &str, data: &str) -> String {
    format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {ns}\ndata:\n  {data}\n"
    )
}

/// A namespace with the repository `me/fleet` (holding `files`) on the HTTPS Git server, its
/// credentials, a GitRepository `fleet` and a sync `apps` applying `./apps` with pruning, both
/// created by floe and made Ready by the real controllers. Long intervals: nothing here
/// happens by a controller's own poll.
struct Fleet {
    bed: &'static TestBed,
    ns: String,
    gh: FakeGitHub,
}

impl Fleet {
    fn new(
        bed: &'static TestBed,
        test: &str,
        files: impl Fn(&str) -> Vec<(String, String)>,
    ) -> Fleet {
        let ns = bed.namespace(test);
        let gh = FakeGitHub::start();
        let files = files(&ns);
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        gh.seed_repo("me", "fleet", true, &files);
        let fleet = Fleet { bed, ns, gh };
        let url = fleet.url();
        fleet
            .floe(&[
                "create",
                "secret",
                "git",
                "fleet-auth",
                &format!("--url={url}"),
            ])
            .args(["--username=git", &format!("--password={TOKEN}")])
            .arg(format!("--ca-crt-file={}", fleet.gh.ca_file.display()))
            .assert()
            .success();
        fleet
            .floe(&["create", "source", "git", "fleet", &format!("--url={url}")])
            .args(["--branch=main", "--secret-ref=fleet-auth", "--interval=10m"])
            .assert()
            .success();
        fleet
            .floe(&["create", "sync", "apps", "--source=GitRepository/fleet"])
            .args(["--path=./apps", "--prune", "--interval=10m"])
            .assert()
            .success();
        fleet
    }

    fn url(&self) -> String {
        format!("https://{}/me/fleet.git", self.gh.host)
    }

    /// floe in the test's namespace, bounded by its own --timeout.
    fn floe(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.bed.floe();
        cmd.args(args).args(["-n", &self.ns]);
        if !args.iter().any(|a| a.starts_with("--timeout")) {
            cmd.arg("--timeout=2m");
        }
        cmd
    }

    fn kubectl(&self, args: &[&str]) -> String {
        let mut all = args.to_vec();
        all.extend(["-n", &self.ns]);
        self.bed.kubectl_out(&all)
    }

    /// Pushes `files` to main, as someone else would; returns the commit.
    fn push(&self, files: &[(&str, &str)], message: &str) -> String {
        commit_files(&self.gh.bare("me", "fleet"), "main", files, message)
    }

    /// The revision the sync `name` last applied.
    fn applied(&self, name: &str) -> String {
        self.kubectl(&[
            "get",
            "kustomization",
            name,
            "-o",
            "jsonpath={.status.lastAppliedRevision}",
        ])
    }

    fn drift_json(&self) -> Value {
        common::json_of(&mut self.floe(&["drift", "sync", "apps", "-o", "json"]))
    }
}

macro_rules! bed {
    () => {
        match installed(&[]) {
            Some(bed) => bed,
            None => return,
        }
    };
}

/// A Deployment, a Service and a ConfigMap under apps/, applied by the real
/// kustomize-controller.
fn web_app(ns: &str) -> Vec<(String, String)> {
    let service = format!(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: {ns}\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    protocol: TCP\n---\n{}",
        config_map(ns, "web-config", "level: info")
    );
    vec![
        ("apps/web.yaml".into(), web_deployment(ns)),
        ("apps/service.yaml".into(), service),
    ]
}

#[test]
fn drift_reports_changed_missing_and_behind_objects_on_the_real_controllers() {
    let a = Fleet::new(bed!(), "drift", web_app);
    let ns = a.ns.clone();
    let first = a.gh.git("me", "fleet", &["rev-parse", "main"]);
    assert_eq!(a.applied("apps"), format!("main@sha1:{first}"));
    let inventory = a.kubectl(&[
        "get",
        "kustomization",
        "apps",
        "-o",
        "jsonpath={.status.inventory.entries[*].id}",
    ]);
    assert_eq!(
        inventory,
        format!("{ns}_web-config__ConfigMap {ns}_web__Service {ns}_web_apps_Deployment")
    );

    // Clean: nothing printed, exit 0 even with --exit-code, though Kubernetes' own controllers
    // (kube-controller-manager) have written to the Deployment since the apply.
    eventually(
        "Deployment web to be available (KWOK's Pod Ready)",
        Duration::from_secs(90),
        || {
            (a.kubectl(&[
                "get",
                "deployment",
                "web",
                "-o",
                "jsonpath={.status.availableReplicas}",
            ]) == "1")
                .then_some(())
        },
    );
    a.floe(&["drift", "--exit-code"])
        .assert()
        .success()
        .stdout("");

    // Someone scales the Deployment and deletes the Service behind Git's back.
    a.kubectl(&[
        "patch",
        "deployment",
        "web",
        "-p",
        r#"{"spec":{"replicas":3}}"#,
    ]);
    a.kubectl(&["delete", "service", "web"]);
    let out = a.floe(&["drift", "--exit-code"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let table = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("SYNC"), "{table}");
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("{ns}/apps"))
            && l.contains(&format!("Deployment/{ns}/web"))
            && l.contains("changed")
            && l.contains("spec.replicas by kubectl-patch (Update) at ")),
        "{table}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&format!("Service/{ns}/web")) && l.contains("missing")),
        "{table}"
    );
    assert!(
        !table.contains("ConfigMap"),
        "unchanged objects are not listed: {table}"
    );
    assert!(
        !table.contains("kube-controller-manager"),
        "Kubernetes' own writes are not drift: {table}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("drifted"));

    // As a GitHub Actions job step: one annotation per finding, the failure, and the table in
    // the job summary.
    let (out, written) = common::in_github_actions(&mut a.floe(&["drift", "--exit-code"]));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let annotations: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("::error "))
        .collect();
    assert!(
        annotations.iter().any(|l| l.starts_with(&format!(
            "::error title=Deployment/{ns}/web::{ns}/apps: changed: spec.replicas by kubectl-patch (Update) at "
        ))),
        "{stderr}"
    );
    assert!(
        annotations.iter().any(|l| *l
            == format!("::error title=Service/{ns}/web::{ns}/apps: missing: deleted outside Git")),
        "{stderr}"
    );
    assert!(
        annotations
            .iter()
            .any(|l| l.starts_with("::error title=floe drift failed::")),
        "{stderr}"
    );
    assert!(
        written.starts_with(
            "### floe drift: 2 drifted in 1 sync(s)\n\n| SYNC | OBJECT | DRIFT | DETAIL |\n"
        ),
        "{written}"
    );
    assert!(
        written.contains(&format!(
            "| {ns}/apps | Service/{ns}/web | missing | deleted outside Git |"
        )),
        "{written}"
    );

    let drift = a.drift_json();
    let drifts = drift[0]["drifts"].as_array().unwrap();
    let changed = drifts.iter().find(|d| d["drift"] == "changed").unwrap();
    assert_eq!(changed["manager"], "kubectl-patch");
    assert_eq!(changed["operation"], "Update");
    assert_eq!(changed["fields"], serde_json::json!(["spec.replicas"]));
    assert_eq!(changed["object"]["kind"], "Deployment");
    assert!(
        drifts
            .iter()
            .any(|d| d["drift"] == "missing" && d["object"]["kind"] == "Service")
    );
    assert!(
        !drifts.iter().any(|d| d["drift"] == "behind"),
        "the sync applied its source's revision: {drift}"
    );

    // A suspended sync is behind: a commit pushed and fetched by source-controller is not
    // applied.
    a.floe(&["suspend", "sync", "apps"]).assert().success();
    let second = a.push(
        &[("apps/config.yaml", &config_map(&ns, "extra", "a: b"))],
        "add extra",
    );
    a.floe(&["reconcile", "source", "git", "fleet"])
        .assert()
        .success();
    assert_eq!(
        a.kubectl(&[
            "get",
            "gitrepository",
            "fleet",
            "-o",
            "jsonpath={.status.artifact.revision}"
        ]),
        format!("main@sha1:{second}")
    );
    assert_eq!(a.applied("apps"), format!("main@sha1:{first}"));
    let drift = a.drift_json();
    assert!(
        drift[0]["drifts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["drift"] == "behind"
                && d["reason"].as_str().unwrap().starts_with("suspended")),
        "{drift}"
    );

    // kustomize-controller re-applies: the Service is back, the replicas are Git's again, the
    // pushed commit is applied, drift is clean.
    a.floe(&["resume", "sync", "apps"]).assert().success();
    assert_eq!(a.applied("apps"), format!("main@sha1:{second}"));
    a.floe(&["drift", "--exit-code"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        a.kubectl(&[
            "get",
            "deployment",
            "web",
            "-o",
            "jsonpath={.spec.replicas}"
        ]),
        "1"
    );
    assert_eq!(
        a.kubectl(&["get", "service", "web", "-o", "jsonpath={.metadata.name}"]),
        "web"
    );

    // Not suspended and still behind: source-controller fetched a commit kustomize-controller
    // cannot build, so the sync keeps the revision it applied last.
    let broken = a.push(
        &[("apps/kustomization.yaml", "resources: [\n")],
        "break the build",
    );
    a.floe(&["reconcile", "source", "git", "fleet"])
        .assert()
        .success();
    eventually(
        "kustomize-controller to fail building the broken commit",
        Duration::from_secs(120),
        || {
            let said = a.kubectl(&[
                "get",
                "kustomization",
                "apps",
                "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}/{.status.lastAttemptedRevision}",
            ]);
            (said == format!("BuildFailed/main@sha1:{broken}")).then_some(())
        },
    );
    let drift = a.drift_json();
    let reasons: Vec<&str> = drift[0]["drifts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["drift"] == "behind")
        .map(|d| d["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [format!(
            "applied main@sha1:{second}, GitRepository {ns}/fleet has main@sha1:{broken}"
        )],
        "{drift}"
    );
}

#[test]
fn events_list_filter_and_watch_on_the_real_controllers() {
    let a = Fleet::new(bed!(), "events", web_app);
    let ns = a.ns.clone();
    // The first apply: kustomize-controller lists what it created.
    let out = a.floe(&["events"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].starts_with("LAST SEEN   TYPE     REASON"),
        "{table}"
    );
    assert!(
        lines.iter().any(|l| l.contains("Normal")
            && l.contains("Progressing")
            && l.contains("Kustomization/apps")
            && l.contains(&format!("Deployment/{ns}/web created"))),
        "{table}"
    );

    let json = |args: &[&str]| -> Vec<Value> {
        let out = a
            .floe(&[&["events", "-o", "json"][..], args].concat())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let about_apps = json(&["--for", "Kustomization/apps"]);
    assert!(!about_apps.is_empty());
    assert!(
        about_apps
            .iter()
            .all(|e| e["object"] == "Kustomization/apps" && e["source"] == "kustomize-controller"),
        "{about_apps:?}"
    );
    assert!(json(&["--for", "Kustomization/other"]).is_empty());
    let warnings = json(&["--types", "Warning"]);
    assert!(warnings.is_empty(), "{warnings:?}");
    a.floe(&["events", "--for", "apps"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expected Kind/name"));

    // --watch prints the next Event as it is reported.
    let mut watching = std::process::Command::new(env!("CARGO_BIN_EXE_floe"))
        .env("KUBECONFIG", &a.bed.kubeconfig)
        .args([
            "events",
            "--watch",
            "-o",
            "json",
            "--for",
            "Kustomization/apps",
            "-n",
            &ns,
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = watching.stdout.take().unwrap();
    let (listed_tx, listed_rx) = std::sync::mpsc::channel();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        let lines = std::io::BufReader::new(stdout).lines();
        // The listing (a JSON document ending with `]` on its own line), then one line per
        // new Event.
        for line in lines.map_while(Result::ok) {
            if line == "]" || line == "[]" {
                let _ = listed_tx.send(());
            }
            if line.starts_with('{') && line.contains("ReconciliationSucceeded") {
                let _ = tx.send(line);
                return;
            }
        }
    });
    // The watch has listed what is there: anything it prints now is new.
    let listed = listed_rx.recv_timeout(Duration::from_secs(60));
    if listed.is_err() {
        let _ = watching.kill();
        let _ = watching.wait();
        panic!("waited 60s for events --watch to print its listing, in vain");
    }
    // floe lists the Events a second time when its watch starts: an Event reported between
    // the two is taken as listed, so ask again until one is printed.
    let deadline = std::time::Instant::now() + Duration::from_secs(150);
    let line = loop {
        a.floe(&["reconcile", "sync", "apps"]).assert().success();
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(line) => break Some(line),
            Err(_) if std::time::Instant::now() < deadline => continue,
            Err(_) => break None,
        }
    };
    let _ = watching.kill();
    let _ = watching.wait();
    let line = line.expect("waited 150s for a new Event to be printed while watching, in vain");
    let event: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(event["reason"], "ReconciliationSucceeded");
    assert_eq!(event["object"], "Kustomization/apps");
    assert_eq!(event["source"], "kustomize-controller");
}

/// A sync that applies two Deployments, a nested sync, a Helm repository and a Helm release:
/// tree walks the real inventories and the objects helm-controller labelled; trace walks back
/// up from an object. The chart (served on 127.0.0.1) installs one ConfigMap.
#[test]
fn tree_and_trace_follow_inventories_and_labels_on_the_real_controllers() {
    let bed = bed!();
    let charts = tempfile::tempdir().unwrap();
    package_chart(
        charts.path(),
        "0.1.0",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-chart\ndata:\n  text: {{ .Values.text | quote }}\n",
        &mut Vec::new(),
    );
    let charts_url = serve(charts.path().to_path_buf());
    let a = Fleet::new(bed, "tree", |ns| {
        let child = format!(
            "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: child\n  namespace: {ns}\nspec:\n  interval: 10m\n  path: ./child\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: fleet\n"
        );
        let helm = format!(
            "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: podinfo\n  namespace: {ns}\nspec:\n  interval: 10m\n  url: {charts_url}\n---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n  namespace: {ns}\nspec:\n  interval: 10m\n  chart:\n    spec:\n      chart: demo\n      sourceRef:\n        kind: HelmRepository\n        name: podinfo\n"
        );
        vec![
            ("apps/web.yaml".into(), web_deployment(ns)),
            ("apps/pending.yaml".into(), pending_deployment(ns)),
            ("apps/child.yaml".into(), child),
            ("apps/helm.yaml".into(), helm),
            (
                "child/config.yaml".into(),
                config_map(ns, "child-config", "a: b"),
            ),
        ]
    });
    let ns = a.ns.clone();
    let url = a.url();
    a.floe(&["wait", "sync", "child"]).assert().success();
    a.floe(&["wait", "hr", "podinfo", "--timeout=4m"])
        .assert()
        .success();
    eventually(
        "Deployment web to be available (KWOK's Pod Ready)",
        Duration::from_secs(90),
        || {
            (a.kubectl(&[
                "get",
                "deployment",
                "web",
                "-o",
                "jsonpath={.status.availableReplicas}",
            ]) == "1")
                .then_some(())
        },
    );

    let out = a.floe(&["tree", "sync", "apps"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "Kustomization/{ns}/apps\n\
             ├── Deployment/{ns}/pending\n\
             ├── Deployment/{ns}/web\n\
             ├── HelmRelease/{ns}/podinfo\n\
             │   ├── ConfigMap/{ns}/podinfo-chart\n\
             │   └── HelmChart/{ns}/{ns}-podinfo\n\
             ├── HelmRepository/{ns}/podinfo\n\
             └── Kustomization/{ns}/child\n    \
             └── ConfigMap/{ns}/child-config\n"
        )
    );
    let out = a
        .floe(&["tree", "sync", "apps", "--status", "-o", "json"])
        .output()
        .unwrap();
    let tree: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tree["status"], "Current", "{tree}");
    let children = tree["children"].as_array().unwrap();
    let child = children.iter().find(|c| c["name"] == "child").unwrap();
    assert_eq!(child["status"], "Current", "{tree}");
    assert_eq!(child["children"][0]["status"], "Current", "{tree}");
    let deployment = |name: &str| {
        children
            .iter()
            .find(|c| c["kind"] == "Deployment" && c["name"] == name)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(
        deployment("web"),
        "Current",
        "KWOK made its Pod Ready: {tree}"
    );
    assert_eq!(
        deployment("pending"),
        "InProgress",
        "no node takes its Pod: {tree}"
    );

    // trace: from the Deployment to its sync and source; from a chart object to the release,
    // its HelmChart and HelmRepository.
    let out = a.floe(&["trace", "deployment", "web"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let head = a.gh.git("me", "fleet", &["rev-parse", "main"]);
    for expected in [
        "Deployment: web",
        "Kustomization: apps",
        "Path:",
        "./apps",
        "GitRepository: fleet",
        &url,
        "Branch:",
        "Revision:",
        &format!("main@sha1:{head}"),
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    let out = a
        .floe(&["tree", "hr", "podinfo", "-o", "yaml"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("name: podinfo-chart"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = a
        .floe(&["trace", "configmap", "podinfo-chart", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let chain: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = chain
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["ConfigMap", "HelmRelease", "HelmChart", "HelmRepository"],
        "{chain}"
    );
    assert_eq!(chain[1]["ready"], "True", "{chain}");
    a.kubectl(&["create", "configmap", "loose"]);
    a.floe(&["trace", "configmap", "loose"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not managed by Flux"));
    a.floe(&["trace", "gadget", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no kind named gadget"));
    // Several objects, as flux and kubectl name them: each chain, `---` between them; one
    // that is not managed is named on stderr, the others still traced, and the exit is 1.
    let out = a
        .floe(&[
            "trace",
            "deployment/web",
            "configmap/podinfo-chart",
            "configmap/loose",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let single = |kind: &str, name: &str| {
        let out = a.floe(&["trace", kind, name]).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        text,
        format!(
            "{}---\n{}",
            single("deployment", "web"),
            single("configmap", "podinfo-chart")
        )
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("cannot trace configmap/loose") && err.contains("1 of 3"),
        "{err}"
    );
    let out = a
        .floe(&["trace", "configmap", "podinfo-chart", "loose", "-o", "json"])
        .output()
        .unwrap();
    let chains: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(chains.as_array().unwrap().len(), 1, "{chains}");
    a.floe(&["trace", "deployment"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("either `<kind>/<name>`"));
}
