//! drift, events, tree and trace end to end: a real Git smart-HTTP server, the test bed's API
//! server, and a simulated kustomize-controller that applies the manifests under the sync's
//! path server-side with the field manager `kustomize-controller`, prunes, records
//! `status.inventory` and writes Events as the controllers do. Changes behind Git's back are made with the real
//! kubectl. Test names say what is simulated.

mod common;

use common::github::{FakeGitHub, commit_files};
use common::testbed::{FluxBehaviour, TestBed, simulated_flux};
use predicates::prelude::*;
use serde_json::Value;

/// The Deployment `web` both repositories hold.
fn web_deployment(ns: &str) -> String {
    format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: {ns}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: ghcr.io/stefanprodan/podinfo:6.3.5\n"
    )
}

struct App {
    bed: &'static TestBed,
    ns: String,
    _gh: FakeGitHub,
    _flux: common::testbed::Background,
}

impl App {
    /// A repository with a Deployment, a Service and a ConfigMap under apps/, synced into a
    /// fresh namespace.
    fn new(test: &str) -> Option<App> {
        let bed = common::testbed::with_flux_installed()?;
        let gh = FakeGitHub::start();
        let ns = bed.namespace(test);
        let deployment = web_deployment(&ns);
        let service = format!(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: {ns}\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    protocol: TCP\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\n  namespace: {ns}\ndata:\n  level: info\n"
        );
        gh.seed_repo("me", "fleet", true, &[("README.md", "fleet\n")]);
        commit_files(
            &gh.bare("me", "fleet"),
            "main",
            &[
                ("apps/web.yaml", &deployment),
                ("apps/service.yaml", &service),
            ],
            "add web",
        );
        let (flux, _) = simulated_flux(
            bed,
            &ns,
            FluxBehaviour::AppliesGitHead {
                repos: gh.root.clone(),
            },
        );
        let app = App {
            bed,
            ns,
            _gh: gh,
            _flux: flux,
        };
        app.floe(&[
            "create",
            "source",
            "git",
            "fleet",
            &format!("--url=https://{}/me/fleet.git", app._gh.host),
            "--branch=main",
        ])
        .assert()
        .success();
        app.floe(&[
            "create",
            "sync",
            "apps",
            "--source=GitRepository/fleet",
            "--path=./apps",
            "--prune",
        ])
        .assert()
        .success();
        Some(app)
    }

    fn floe(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = self.bed.floe();
        cmd.args(args).args(["-n", &self.ns, "--timeout=60s"]);
        cmd
    }

    fn drift_json(&self) -> Value {
        common::json_of(&mut self.floe(&["drift", "sync", "apps", "-o", "json"]))
    }
}

macro_rules! app {
    ($test:expr) => {
        match App::new($test) {
            Some(app) => app,
            None => return,
        }
    };
}

#[test]
fn drift_reports_changed_missing_and_behind_objects_with_simulated_kustomize_controller() {
    let a = app!("drift");
    let ns = a.ns.clone();
    let inventory = a.bed.kubectl_out(&[
        "get",
        "kustomization",
        "apps",
        "-n",
        &ns,
        "-o",
        "jsonpath={.status.inventory.entries[*].id}",
    ]);
    assert_eq!(
        inventory,
        format!("{ns}_web-config__ConfigMap {ns}_web__Service {ns}_web_apps_Deployment")
    );

    // Clean: nothing printed, exit 0 even with --exit-code.
    a.floe(&["drift", "--exit-code"])
        .assert()
        .success()
        .stdout("");

    // Someone scales the Deployment and deletes the Service behind Git's back.
    a.bed.kubectl_out(&[
        "patch",
        "deployment",
        "web",
        "-n",
        &ns,
        "-p",
        r#"{"spec":{"replicas":3}}"#,
    ]);
    a.bed.kubectl_out(&["delete", "service", "web", "-n", &ns]);
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

    // A suspended sync is behind: Git is not applied.
    a.floe(&["suspend", "sync", "apps"]).assert().success();
    let drift = a.drift_json();
    assert!(
        drift[0]["drifts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["drift"] == "behind"
                && d["reason"].as_str().unwrap().starts_with("suspended"))
    );

    // Flux re-applies: the Service is back, the replicas are Git's again, drift is clean.
    a.floe(&["resume", "sync", "apps"]).assert().success();
    a.floe(&["drift", "--exit-code"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        a.bed.kubectl_out(&[
            "get",
            "deployment",
            "web",
            "-n",
            &ns,
            "-o",
            "jsonpath={.spec.replicas}"
        ]),
        "1"
    );
}

#[test]
fn events_list_filter_and_watch_with_simulated_kustomize_controller() {
    let a = app!("events");
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
            .all(|e| e["object"] == "Kustomization/apps" && e["source"] == "kustomize-controller")
    );
    assert!(json(&["--for", "Kustomization/other"]).is_empty());
    assert!(json(&["--types", "Warning"]).is_empty());
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
    std::thread::sleep(std::time::Duration::from_secs(2));
    a.floe(&["reconcile", "sync", "apps"]).assert().success();
    let stdout = watching.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        let mut lines = std::io::BufReader::new(stdout).lines();
        // The listing (a JSON document), then one line per new Event.
        let mut seen = Vec::new();
        for line in lines.by_ref().map_while(Result::ok) {
            seen.push(line.clone());
            if line.starts_with('{') && line.contains("ReconciliationSucceeded") {
                let _ = tx.send(line);
                return;
            }
        }
    });
    let line = rx.recv_timeout(std::time::Duration::from_secs(30));
    let _ = watching.kill();
    let _ = watching.wait();
    let line = line.expect("a new Event is printed while watching");
    let event: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(event["reason"], "ReconciliationSucceeded");
    assert_eq!(event["object"], "Kustomization/apps");
}

/// A sync that applies a Deployment, a nested sync and a Helm release: tree walks the
/// inventories and the release's labelled objects; trace walks back up from an object.
/// kustomize-controller and helm-controller are simulated (the release's chart objects are
/// one ConfigMap, labelled as helm-controller labels what it installs).
#[test]
fn tree_and_trace_follow_inventories_and_labels_with_simulated_controllers() {
    let Some(bed) = common::testbed::with_flux_installed() else {
        return;
    };
    let gh = FakeGitHub::start();
    let ns = bed.namespace("tree");
    let url = format!("https://{}/me/fleet.git", gh.host);
    let web = web_deployment(&ns);
    let child = format!(
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: child\n  namespace: {ns}\nspec:\n  interval: 1m\n  path: ./child\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: fleet\n"
    );
    let helm = format!(
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: podinfo\n  namespace: {ns}\nspec:\n  interval: 1m\n  url: https://stefanprodan.github.io/podinfo\n---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n  namespace: {ns}\nspec:\n  interval: 1m\n  chart:\n    spec:\n      chart: podinfo\n      sourceRef:\n        kind: HelmRepository\n        name: podinfo\n"
    );
    let config = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: child-config\n  namespace: {ns}\ndata:\n  a: b\n"
    );
    gh.seed_repo("me", "fleet", true, &[("README.md", "fleet\n")]);
    commit_files(
        &gh.bare("me", "fleet"),
        "main",
        &[
            ("apps/web.yaml", &web),
            ("apps/child.yaml", &child),
            ("apps/helm.yaml", &helm),
            ("child/config.yaml", &config),
        ],
        "apps",
    );
    let (_flux, _) = simulated_flux(
        bed,
        &ns,
        FluxBehaviour::AppliesGitHead {
            repos: gh.root.clone(),
        },
    );
    let floe = |args: &[&str]| {
        let mut cmd = bed.floe();
        cmd.args(args).args(["-n", &ns, "--timeout=60s"]);
        cmd
    };
    floe(&[
        "create",
        "source",
        "git",
        "fleet",
        &format!("--url={url}"),
        "--branch=main",
    ])
    .assert()
    .success();
    floe(&[
        "create",
        "sync",
        "apps",
        "--source=GitRepository/fleet",
        "--path=./apps",
        "--prune",
    ])
    .assert()
    .success();
    floe(&["wait", "sync", "child"]).assert().success();
    floe(&["wait", "hr", "podinfo"]).assert().success();

    let out = floe(&["tree", "sync", "apps"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "Kustomization/{ns}/apps\n\
             ├── Deployment/{ns}/web\n\
             ├── HelmRelease/{ns}/podinfo\n\
             │   └── ConfigMap/{ns}/podinfo-chart\n\
             ├── HelmRepository/{ns}/podinfo\n\
             └── Kustomization/{ns}/child\n    \
             └── ConfigMap/{ns}/child-config\n"
        )
    );
    let out = floe(&["tree", "sync", "apps", "--status", "-o", "json"])
        .output()
        .unwrap();
    let tree: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tree["status"], "Current");
    let child = tree["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "child")
        .unwrap();
    assert_eq!(child["status"], "Current");
    assert_eq!(child["children"][0]["status"], "Current");
    let deployment = tree["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "Deployment")
        .unwrap();
    assert_eq!(
        deployment["status"], "InProgress",
        "no kubelet runs its pods"
    );

    // trace: from the Deployment to its sync and source; from a chart object to the release,
    // its HelmChart and HelmRepository.
    let out = floe(&["trace", "deployment", "web"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "Deployment: web",
        "Kustomization: apps",
        "Path:",
        "./apps",
        "GitRepository: fleet",
        &url,
        "Branch:",
        "Revision:",
        "main@sha1:",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    let out = floe(&["tree", "hr", "podinfo", "-o", "yaml"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("name: podinfo-chart"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = floe(&["trace", "configmap", "podinfo-chart", "-o", "json"])
        .output()
        .unwrap();
    let chain: Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = chain
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["ConfigMap", "HelmRelease", "HelmChart", "HelmRepository"]
    );
    assert_eq!(chain[1]["ready"], "True");
    bed.kubectl_out(&["create", "configmap", "loose", "-n", &ns]);
    floe(&["trace", "configmap", "loose"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not managed by Flux"));
    floe(&["trace", "gadget", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no kind named gadget"));
}
