//! What floe says when no Flux controller can act: a real Kubernetes 1.36 API server
//! (scripts/testbed) with Flux's CRDs and controller Deployments installed by floe, and no
//! kubelet, so no controller Pod ever runs and nothing reconciles the objects. These need the
//! controllers absent, which the real engine's test bed (tests/cluster_objects/) cannot give:
//! its controllers watch every namespace and KWOK runs every Pod.

mod common;

use common::testbed::TestBed;
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn create_times_out_naming_the_controller_when_no_flux_runs() {
    let bed = flux_testbed!();
    let ns = bed.namespace("create-timeout");
    // A controller Deployment whose Pods never run (no kubelet serves this namespace); the
    // one in this namespace is the one floe looks at, whatever other tests install.
    controller_without_pods(bed, &ns, "kustomize-controller");
    bed.floe()
        .args(create_apps_sync(&ns, "--timeout=2s"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "Kustomization {ns}/apps did not become ready within 2s; the kustomize-controller has no ready Pod (Deployment {ns}/kustomize-controller: "
        )));
}

/// `create sync apps` in `ns`, with a timeout flag.
fn create_apps_sync<'a>(ns: &'a str, timeout: &'a str) -> [&'a str; 8] {
    [
        "create",
        "sync",
        "apps",
        "--source=GitRepository/apps",
        "--path=./apps",
        "-n",
        ns,
        timeout,
    ]
}

/// A Deployment named like a Flux controller whose Pods never become ready.
fn controller_without_pods(bed: &TestBed, ns: &str, name: &str) {
    bed.kubectl_out(&[
        "create",
        "deployment",
        name,
        "--image=registry.invalid/never:1",
        "-n",
        ns,
    ]);
}

/// With a long --timeout, an absent controller (or one without a ready Pod) is named after the
/// grace period instead of at the timeout.
#[test]
fn a_missing_controller_is_named_after_a_grace_period_not_at_the_timeout() {
    let bed = flux_testbed!();
    let ns = bed.namespace("create-grace");
    controller_without_pods(bed, &ns, "kustomize-controller");
    let started = std::time::Instant::now();
    bed.floe()
        .args(create_apps_sync(&ns, "--timeout=2m"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "Kustomization {ns}/apps cannot become ready: the kustomize-controller has no ready Pod (Deployment {ns}/kustomize-controller: "
        )));
    let elapsed = started.elapsed();
    assert!(
        elapsed < std::time::Duration::from_secs(30),
        "named after {elapsed:?}"
    );
}

/// Without a kubelet the controllers' Pods never run, and check says so and fails (on the
/// real engine's test bed, tests/cluster_objects/ shows it passing).
#[test]
fn check_fails_naming_the_controllers_whose_pods_never_run() {
    let bed = flux_testbed!();
    let out = bed
        .floe()
        .args(["check", "--timeout=5s", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(doc["ok"], false, "{doc}");
    let failed: Vec<&str> = doc["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["ok"] == false)
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    eprintln!("FAILED CHECKS: {doc:#}");
    assert!(
        failed.iter().any(|n| n.contains("source-controller")),
        "{doc}"
    );

    // As a GitHub Actions job step: an annotation per failed check, and their table.
    let (out, written) = common::in_github_actions(bed.floe().args(["check", "--timeout=5s"]));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in &failed {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with(&format!("::error title={}::", name.replace(':', "%3A")))),
            "no annotation for {name} in:\n{stderr}"
        );
    }
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("::error title=floe check failed::")),
        "{stderr}"
    );
    assert!(
        written.starts_with(&format!(
            "### floe check: {} of {} checks failed\n\n| CHECK | MESSAGE |\n",
            failed.len(),
            doc["checks"].as_array().unwrap().len()
        )),
        "{written}"
    );
}
