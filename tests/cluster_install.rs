//! `floe install` and `floe uninstall` against a real API server (scripts/testbed) with Flux
//! 2.9.4's real install.yaml, on the control plane alone: no kubelet and no controllers, so
//! what is checked is what floe writes (rollouts on KWOK and the real controllers:
//! tests/engine_install.rs). Installs touch cluster-wide objects, so these tests take turns.

mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use common::testbed::TestBed;
use predicates::prelude::*;
use serde_json::Value;

/// One install test at a time: they share the cluster's CRDs and RBAC.
fn turn() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn install(bed: &TestBed, extra: &[&str]) -> assert_cmd::Command {
    let mut cmd = bed.floe();
    cmd.args(["install", "--manifests"])
        .arg(common::flux_install_yaml())
        .args(extra);
    cmd
}

/// What floe's last write to an object left: its resourceVersion, the managers, and floe's
/// own managed-fields entry (fields and time).
#[derive(Debug, PartialEq, Eq)]
struct Written {
    resource_version: String,
    managers: Vec<String>,
    floe_entry: String,
}

/// kind/namespace/name → what was written, for everything labelled part of Flux.
fn flux_objects(bed: &TestBed) -> BTreeMap<String, Written> {
    let out = bed.kubectl_out(&[
        "get",
        "namespaces,customresourcedefinitions,clusterroles,clusterrolebindings,deployments,services,serviceaccounts,networkpolicies,resourcequotas",
        "-A",
        "-l",
        "app.kubernetes.io/part-of=flux",
        "-o",
        "json",
        "--show-managed-fields",
    ]);
    let list: Value = serde_json::from_str(&out).unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let key = format!(
                "{}/{}/{}",
                o["kind"].as_str().unwrap(),
                o["metadata"]["namespace"].as_str().unwrap_or(""),
                o["metadata"]["name"].as_str().unwrap()
            );
            let entries = o["metadata"]["managedFields"].as_array().unwrap();
            let managers = entries
                .iter()
                .map(|m| {
                    format!(
                        "{}:{}",
                        m["manager"].as_str().unwrap(),
                        m["operation"].as_str().unwrap()
                    )
                })
                .collect();
            let floe_entry = entries
                .iter()
                .find(|m| m["manager"] == "floe")
                .map(Value::to_string)
                .unwrap_or_default();
            let resource_version = o["metadata"]["resourceVersion"]
                .as_str()
                .unwrap()
                .to_string();
            (
                key,
                Written {
                    resource_version,
                    managers,
                    floe_entry,
                },
            )
        })
        .collect()
}

/// The API server's count of dry-run requests so far, by resource (its `/metrics`).
fn dry_run_requests(bed: &TestBed) -> BTreeMap<String, u64> {
    let metrics = bed.kubectl_out(&["get", "--raw", "/metrics"]);
    let mut counts = BTreeMap::new();
    for line in metrics.lines() {
        if line.starts_with("apiserver_request_total{") && line.contains("dry_run=\"All\"") {
            let (labels, count) = line.rsplit_once(' ').unwrap();
            let resource = labels
                .split(',')
                .find_map(|label| label.strip_prefix("resource="))
                .unwrap_or("?")
                .trim_matches('"')
                .to_string();
            *counts.entry(resource).or_default() += count.parse::<f64>().unwrap() as u64;
        }
    }
    counts
}

#[test]
fn install_twice_changes_nothing_the_second_time() {
    let bed = testbed!();
    let _turn = turn();
    install(bed, &["--wait=false"])
        .assert()
        .success()
        .stderr(predicate::str::contains("predates CEL validation").not());
    // Kubernetes 1.36 serves CEL: the CRDs keep their x-kubernetes-validations rules.
    assert!(
        bed.kubectl_out(&[
            "get",
            "crd",
            "gitrepositories.source.toolkit.fluxcd.io",
            "-o",
            "json"
        ])
        .contains("x-kubernetes-validations")
    );
    // Install returns with every CRD Established: what runs next can create Flux objects.
    let established = bed.kubectl_out(&[
        "get",
        "crd",
        "-o",
        "jsonpath={range .items[?(@.spec.group==\"source.toolkit.fluxcd.io\")]}{.metadata.name}={.status.conditions[?(@.type==\"Established\")].status}{\"\\n\"}{end}",
    ]);
    assert!(
        !established.trim().is_empty() && established.lines().all(|l| l.ends_with("=True")),
        "{established}"
    );
    let first = flux_objects(bed);
    // 1 namespace, 11 CRDs, the controllers' RBAC, 4 Deployments, 3 Services, 4 service
    // accounts, 3 network policies, 1 quota.
    assert_eq!(
        first
            .keys()
            .filter(|k| k.starts_with("CustomResourceDefinition/"))
            .count(),
        11,
        "{first:?}"
    );
    assert_eq!(
        first
            .keys()
            .filter(|k| k.starts_with("Deployment/flux-system/"))
            .count(),
        4,
        "{first:?}"
    );
    assert!(first.contains_key("Namespace//flux-system"));
    for (key, written) in &first {
        assert!(
            written.managers.iter().any(|m| m == "floe:Apply"),
            "{key}: {written:?}"
        );
    }
    // Managed-fields times have one-second resolution: had the second install written an
    // object in the second the first one did, floe's entry would read the same. Wait until
    // the clock is past the last second the first install wrote in.
    let last = first
        .values()
        .filter_map(|w| serde_json::from_str::<Value>(&w.floe_entry).ok())
        .filter_map(|entry| entry["time"].as_str()?.parse::<jiff::Timestamp>().ok())
        .max()
        .expect("floe's entries carry their time");
    let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while jiff::Timestamp::now() < last + jiff::SignedDuration::from_secs(1) {
        assert!(std::time::Instant::now() < until, "the clock stands still");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let before = flux_objects(bed);

    let dry_runs = dry_run_requests(bed);
    let out = install(bed, &["--wait=false"]).output().unwrap();
    assert!(out.status.success());
    // An object whose managed fields show it holds floe's last apply needs no server-side
    // dry run to know that (the server's own request counter says which were sent). Only the
    // objects whose values the server completes or rewrites are still asked: the Deployments
    // (a `fieldRef` gets `apiVersion: v1`, a `resourceFieldRef` gets `divisor: "0"`, `cpu:
    // 1000m` becomes `1`) and the ResourceQuota (`pods: "1000"` becomes `1k`).
    let mut sent = dry_run_requests(bed);
    for (resource, count) in &dry_runs {
        *sent.get_mut(resource).unwrap() -= count;
    }
    sent.retain(|_, count| *count > 0);
    assert_eq!(
        sent,
        BTreeMap::from([
            ("deployments".to_string(), 4),
            ("resourcequotas".to_string(), 1)
        ]),
        "dry-run applies the no-change install sent, by resource"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    let applied: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("✔ ") && l.contains('/'))
        .collect();
    assert_eq!(applied.len(), 32, "{stderr}");
    assert!(
        applied.iter().all(|l| l.ends_with(" unchanged")),
        "{stderr}"
    );
    let after = flux_objects(bed);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (key, was) in &before {
        let now = &after[key];
        // floe's entry would carry a new time had floe written the object.
        assert_eq!(was.floe_entry, now.floe_entry, "{key} was written again");
        // Kinds no controller writes to here: the object's version must not move at all.
        let static_kind = [
            "ClusterRole/",
            "ClusterRoleBinding/",
            "NetworkPolicy/",
            "Service/",
            "Namespace/",
        ]
        .iter()
        .any(|kind| key.starts_with(kind));
        if static_kind {
            assert_eq!(
                was.resource_version, now.resource_version,
                "{key} was written again"
            );
        }
    }
}

#[test]
fn install_options_change_what_is_applied() {
    let bed = testbed!();
    let _turn = turn();
    let ns = "flux-options";
    let dir = tempfile::tempdir().unwrap();
    // --manifests DIR: every .yaml file in it; here the release file plus the extra components.
    let shared = common::flux_install_yaml();
    std::fs::copy(&shared, dir.path().join("install.yaml")).unwrap();
    std::fs::copy(
        shared.with_file_name("install-extra.yaml"),
        dir.path().join("zz-extra.yaml"),
    )
    .unwrap();
    bed.floe()
        .args(["install", "--manifests"])
        .arg(dir.path())
        .args([
            "-n",
            ns,
            "--wait=false",
            "--components=source-controller,kustomize-controller",
            "--components-extra=image-reflector-controller",
            "--registry=registry.example.com/mirror",
            "--image-pull-secret=regcred",
            "--network-policy=false",
            "--watch-all-namespaces=false",
            "--log-level=debug",
            "--toleration-keys=dedicated,gpu",
            "--cluster-domain=corp.local",
        ])
        .assert()
        .success();
    let deployments: Value =
        serde_json::from_str(&bed.kubectl_out(&["get", "deployments", "-n", ns, "-o", "json"]))
            .unwrap();
    let items = deployments["items"].as_array().unwrap();
    let names: Vec<&str> = items
        .iter()
        .map(|d| d["metadata"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "image-reflector-controller",
            "kustomize-controller",
            "source-controller"
        ]
    );
    for deployment in items {
        let pod = &deployment["spec"]["template"]["spec"];
        let container = &pod["containers"][0];
        let image = container["image"].as_str().unwrap();
        assert!(image.starts_with("registry.example.com/mirror/"), "{image}");
        assert_eq!(pod["imagePullSecrets"][0]["name"], "regcred");
        let keys: Vec<&str> = pod["tolerations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["key"].as_str().unwrap())
            .collect();
        assert_eq!(keys, ["dedicated", "gpu"]);
        let args: Vec<&str> = container["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert!(args.contains(&"--log-level=debug"), "{args:?}");
        assert!(args.contains(&"--watch-all-namespaces=false"), "{args:?}");
        assert!(
            !args.iter().any(|a| a.contains(".svc.cluster.local")),
            "{args:?}"
        );
    }
    let kustomize = items
        .iter()
        .find(|d| d["metadata"]["name"] == "kustomize-controller")
        .unwrap();
    // As flux: without notification-controller the controllers send no events.
    let args = kustomize["spec"]["template"]["spec"]["containers"][0]["args"].to_string();
    assert!(args.contains("\"--events-addr=\""), "{args}");
    let source = items
        .iter()
        .find(|d| d["metadata"]["name"] == "source-controller")
        .unwrap();
    let args = source["spec"]["template"]["spec"]["containers"][0]["args"].to_string();
    assert!(
        args.contains("--storage-adv-addr=source-controller.$(RUNTIME_NAMESPACE).svc.corp.local."),
        "{args}"
    );
    assert_eq!(
        bed.kubectl_out(&["get", "networkpolicies", "-n", ns, "-o", "name"]),
        ""
    );
    // The CRDs of left-out controllers are not installed by this install.
    let crds = bed.kubectl_out(&["get", "crd", "-o", "name"]);
    assert!(
        crds.contains("kustomizations.kustomize.toolkit.fluxcd.io"),
        "{crds}"
    );
    bed.floe()
        .args(["uninstall", "--yes", "-n", ns, "--keep-namespace"])
        .assert()
        .success();
    assert_eq!(
        bed.kubectl_out(&["get", "deployments", "-n", ns, "-o", "name"]),
        ""
    );
    bed.kubectl_out(&["get", "namespace", ns]);
    bed.kubectl_out(&["delete", "namespace", ns]);
}

#[test]
fn the_served_crds_accept_every_object_floe_writes() {
    let bed = testbed!();
    let _turn = turn();
    // The release directory with the image automation components, whose CRDs serve the
    // image kinds.
    bed.floe()
        .args(["install", "--wait=false", "--manifests"])
        .arg(common::flux_install_yaml().parent().unwrap())
        .arg("--components-extra=image-reflector-controller,image-automation-controller")
        .assert()
        .success();
    for (case, args) in common::EXPORT_CASES {
        let out = common::floe().args(*args).output().unwrap();
        assert!(out.status.success());
        // Each object on its own: several cases share a name.
        let result = bed.kubectl_with_input(
            &["create", "--dry-run=server", "-o", "name", "-f", "-"],
            &out.stdout,
        );
        assert!(
            result.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        assert!(
            String::from_utf8_lossy(&result.stdout).contains(".fluxcd.io/"),
            "{case}"
        );
    }
}

#[test]
fn uninstall_leaves_nothing_behind() {
    let bed = testbed!();
    let _turn = turn();
    install(bed, &["--wait=false"]).assert().success();
    let ns = bed.namespace("workloads");
    // A Flux object with a finalizer, as a controller would have left it.
    common::floe()
        .args([
            "create",
            "source",
            "git",
            "app",
            "--url=https://example.com/app",
            "--branch=main",
            "-n",
            &ns,
            "--export",
        ])
        .assert()
        .success();
    bed.floe()
        .args([
            "create",
            "source",
            "git",
            "app",
            "--url=https://example.com/app",
            "--branch=main",
            "-n",
            &ns,
            "--timeout=1s",
        ])
        .assert()
        .code(1);
    bed.kubectl_out(&[
        "patch",
        "gitrepository",
        "app",
        "-n",
        &ns,
        "--type=merge",
        "-p",
        r#"{"metadata":{"finalizers":["finalizers.fluxcd.io"]}}"#,
    ]);

    bed.floe()
        .args(["uninstall"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass --yes"));
    assert!(
        !flux_objects(bed).is_empty(),
        "nothing may be deleted without confirmation"
    );

    // A dry run (with flux's -s spelling of --yes): the server's answer for each object, and
    // nothing deleted, no finalizer removed.
    let before = flux_objects(bed);
    bed.floe()
        .args(["uninstall", "-s", "--dry-run"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ GitRepository/{ns}/app finalizers removed (dry run)"
        )))
        .stderr(predicate::str::contains(
            "✔ Namespace/flux-system deleted (dry run)",
        ))
        .stderr(predicate::str::contains(
            "dry run finished; nothing was deleted",
        ));
    assert_eq!(flux_objects(bed), before);
    assert_eq!(
        bed.kubectl_out(&[
            "get",
            "gitrepository",
            "app",
            "-n",
            &ns,
            "-o",
            "jsonpath={.metadata.finalizers}",
        ]),
        r#"["finalizers.fluxcd.io"]"#
    );

    bed.floe()
        .args(["uninstall", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ GitRepository/{ns}/app finalizers removed"
        )))
        .stderr(predicate::str::contains("✔ Namespace/flux-system deleted"));
    assert_eq!(flux_objects(bed), BTreeMap::new());
    let crds = bed.kubectl_out(&["get", "crd", "-o", "name"]);
    assert!(!crds.contains("fluxcd.io"), "{crds}");
    let namespaces = bed.kubectl_out(&["get", "namespaces", "-o", "name"]);
    assert!(
        !namespaces.contains("namespace/flux-system"),
        "{namespaces}"
    );
    bed.floe()
        .args(["version"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Flux is not installed"));
    // Nothing left to do: a second run succeeds and deletes nothing.
    bed.floe()
        .args(["uninstall", "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains(" deleted").not());
}

/// Serves `body` at `/v2.9.4/install.yaml` like GitHub's release downloads; counts requests.
fn release_server(body: Vec<u8>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = [0u8; 4096];
            let n = stream.read(&mut request).unwrap_or(0);
            let request = String::from_utf8_lossy(&request[..n]).to_string();
            counter.fetch_add(1, Ordering::SeqCst);
            let response = if request.starts_with("GET /v2.9.3/install.yaml ") {
                let mut r = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                )
                .into_bytes();
                r.extend_from_slice(&body);
                r
            } else {
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nNot Found"
                    .to_vec()
            };
            let _ = stream.write_all(&response);
        }
    });
    (url, hits)
}

/// Another version than the built-in one is downloaded (v2.9.3 here, served from 127.0.0.1).
#[test]
fn install_downloads_the_release_asset_caches_it_and_reuses_it_offline() {
    let cache = tempfile::tempdir().unwrap();
    let asset = std::fs::read(common::flux_install_yaml()).unwrap();
    let (url, hits) = release_server(asset.clone());
    let export = |release_url: &str| {
        common::floe()
            .env("XDG_CACHE_HOME", cache.path())
            .args([
                "install",
                "--export",
                "--version=2.9.3",
                "--release-url",
                release_url,
            ])
            .output()
            .unwrap()
    };
    let local = common::floe()
        .args(["install", "--export", "--version=2.9.3", "--manifests"])
        .arg(common::flux_install_yaml())
        .output()
        .unwrap();
    let downloaded = export(&url);
    assert!(
        downloaded.status.success(),
        "{}",
        String::from_utf8_lossy(&downloaded.stderr)
    );
    assert_eq!(hits.load(Ordering::SeqCst), 1);
    assert_eq!(
        downloaded.stdout, local.stdout,
        "the downloaded asset installs the same objects"
    );
    let cached = cache.path().join("floe/flux/v2.9.3/install.yaml");
    assert_eq!(std::fs::read(&cached).unwrap(), asset);
    let recorded =
        std::fs::read_to_string(cache.path().join("floe/flux/v2.9.3/install.yaml.sha256")).unwrap();
    assert_eq!(recorded.trim().len(), 64);

    // Offline (nothing listens there): the cache answers.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let offline = format!("http://127.0.0.1:{port}");
    let reused = export(&offline);
    assert!(reused.status.success());
    assert_eq!(reused.stdout, local.stdout);

    // A cached file that no longer matches its checksum is not trusted: it is fetched again.
    std::fs::write(&cached, b"tampered").unwrap();
    let refetched = export(&url);
    assert!(refetched.status.success());
    assert_eq!(hits.load(Ordering::SeqCst), 2);
    assert_eq!(std::fs::read(&cached).unwrap(), asset);
    // ... and with no server to fetch from, that is an error naming the URL.
    std::fs::write(&cached, b"tampered").unwrap();
    let failed = export(&offline);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&failed.stderr)
            .contains(&format!("cannot download {offline}/v2.9.3/install.yaml")),
        "{}",
        String::from_utf8_lossy(&failed.stderr)
    );
    // An unknown version is a 404 from the release server.
    let missing = common::floe()
        .env("XDG_CACHE_HOME", cache.path())
        .args([
            "install",
            "--export",
            "--version=2.99.0",
            "--release-url",
            &url,
        ])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("HTTP 404 Not Found"));
}

/// The default version's manifests are built into floe: no network, nothing cached, and the
/// same objects as the release files they were built from (every component, extras included).
#[test]
fn the_default_version_installs_offline_from_the_manifests_built_in() {
    let cache = tempfile::tempdir().unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let offline = format!("--release-url=http://127.0.0.1:{port}");
    let extras =
        "--components-extra=image-reflector-controller,image-automation-controller,source-watcher";
    let out = common::floe()
        .env("XDG_CACHE_HOME", cache.path())
        .args(["install", "--export", &offline, extras])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("manifests built into floe"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    for deployment in [
        "source-controller",
        "kustomize-controller",
        "helm-controller",
        "notification-controller",
        "image-reflector-controller",
        "image-automation-controller",
        "source-watcher",
    ] {
        assert!(
            text.contains(&format!("kind: Deployment\nmetadata:\n  labels:\n    app.kubernetes.io/component: {deployment}\n")),
            "no {deployment} Deployment in the built-in manifests"
        );
    }
    assert!(
        std::fs::read_dir(cache.path()).unwrap().next().is_none(),
        "nothing is downloaded or cached"
    );
    let local = common::floe()
        .args(["install", "--export", "--manifests"])
        .arg(common::flux_install_yaml())
        .output()
        .unwrap();
    let built_in = common::floe()
        .args(["install", "--export", &offline])
        .output()
        .unwrap();
    assert_eq!(built_in.stdout, local.stdout);
}

/// Without the image automation components their kinds have no CRD: `get all` and `export
/// --all` skip them silently, as kubectl does; naming one of them says what to install.
#[test]
fn kinds_without_a_crd_are_skipped_by_get_all_and_named_when_asked_for() {
    let bed = testbed!();
    let _turn = turn();
    install(bed, &["--wait=false"]).assert().success();
    bed.kubectl_out(&[
        "delete",
        "crd",
        "--ignore-not-found",
        "imagepolicies.image.toolkit.fluxcd.io",
        "imagerepositories.image.toolkit.fluxcd.io",
        "imageupdateautomations.image.toolkit.fluxcd.io",
    ]);
    let ns = bed.namespace("no-image-crds");
    bed.floe()
        .args([
            "create",
            "alert-provider",
            "slack",
            "--type=slack",
            "-n",
            &ns,
        ])
        .assert()
        .success();
    let out = bed
        .floe()
        .args(["get", "all", "-n", &ns, "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["kind"], "Provider");
    let out = bed
        .floe()
        .args(["export", "--all", "-n", &ns])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("kind: Provider"));
    bed.floe()
        .args(["reconcile", "image", "repository", "podinfo", "-n", &ns])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the cluster has no ImageRepository CRD (imagerepositories); install image-reflector-controller",
        ));
    bed.floe()
        .args(["get", "images", "policy", "-n", &ns])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the cluster has no ImagePolicy CRD (imagepolicies); install image-reflector-controller with floe install --components-extra=image-reflector-controller",
        ));
}
