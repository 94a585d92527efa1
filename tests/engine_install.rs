//! `floe install` waiting for its rollout on the real engine's test bed (scripts/testbed):
//! Kubernetes 1.36's controller-manager and scheduler roll the Deployments out, KWOK stands in
//! for the kubelet (it reports Pods Running, and an image on a registry under `.invalid` as not
//! pulled, as a kubelet would), and the real Flux controllers start under the ServiceAccounts
//! the install creates. Simulated: the kubelet and container images.

mod common;

use std::sync::{Mutex, MutexGuard};

use predicates::prelude::*;

/// One install at a time: they share the cluster's CRDs and RBAC.
fn turn() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn install(bed: &common::testbed::TestBed, extra: &[&str]) -> assert_cmd::Command {
    let mut cmd = bed.floe();
    cmd.args(["install", "--manifests"])
        .arg(common::flux_install_yaml())
        .args(extra);
    cmd
}

#[test]
fn install_waits_for_the_rollout_and_the_controllers_answer() {
    let Some(bed) = common::testbed::engine() else {
        return;
    };
    let _turn = turn();
    install(bed, &["--timeout=90s"])
        .assert()
        .success()
        .stderr(predicate::str::contains("to roll out in flux-system"))
        .stderr(predicate::str::contains(
            "✔ Deployment/source-controller ready",
        ))
        .stderr(predicate::str::contains("✔ install finished"));
    let ready = bed.kubectl_out(&[
        "get",
        "deployments",
        "-n",
        "flux-system",
        "-o",
        "jsonpath={.items[*].status.availableReplicas}",
    ]);
    assert_eq!(ready, "1 1 1 1");
    // The real controllers run under the ServiceAccounts the install made: a source they
    // cannot fetch is reported by source-controller itself, not left unanswered.
    let ns = bed.namespace("install-answers");
    let out = bed
        .floe()
        .args(["create", "source", "git", "nowhere", "-n", &ns])
        .args(["--url=https://127.0.0.1:9/none.git", "--branch=main"])
        .args(["--timeout=60s"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("GitRepository {ns}/nowhere")) && stderr.contains("127.0.0.1:9"),
        "{stderr}"
    );
}

#[test]
fn install_explains_image_pull_errors() {
    let Some(bed) = common::testbed::engine() else {
        return;
    };
    let _turn = turn();
    let ns = "flux-broken";
    let started = std::time::Instant::now();
    let out = install(
        bed,
        &[
            "-n",
            ns,
            "--components=source-controller",
            "--registry=registry.invalid/fluxcd",
            "--timeout=60s",
        ],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "named after {:?}",
        started.elapsed()
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    // Named as soon as the pod reports the image pull error, not at the timeout.
    assert!(
        stderr.contains("Deployment/source-controller cannot become ready")
            && stderr.contains("ImagePullBackOff")
            && stderr.contains("registry.invalid/fluxcd/source-controller:v1.9.4"),
        "{stderr}"
    );
    assert!(
        stderr.contains("run the same command again"),
        "says how to resume: {stderr}"
    );
    bed.floe()
        .args(["uninstall", "--yes", "-n", ns])
        .assert()
        .success();
}
