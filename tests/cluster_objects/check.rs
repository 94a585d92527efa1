//! `check --pre`, `check` and `version` against the cluster.

use super::*;

#[test]
fn check_pre_passes_on_kubernetes_1_36_and_reports_a_user_without_permissions() {
    let bed = engine!();
    // The test bed is the Kubernetes Flux v2.9.4 supports: no --skip-version-check needed.
    bed.floe()
        .args(["check", "--pre"])
        .assert()
        .success()
        .stdout(predicate::str::contains("v1.36.2 >= 1.33"))
        .stdout(predicate::str::contains(
            "✔ permissions customresourcedefinitions.apiextensions.k8s.io",
        ));

    let Some(restricted) = &bed.restricted_kubeconfig else {
        eprintln!("SKIPPED: the restricted user exists only on floe's own test bed");
        return;
    };
    let out = common::floe()
        .env("KUBECONFIG", restricted)
        .args(["check", "--pre", "--skip-version-check", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc = stdout_json(&out);
    assert_eq!(doc["ok"], false);
    let checks = &doc["checks"];
    let failed: Vec<&str> = checks
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["ok"] == false)
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(failed.contains(&"permissions namespaces"), "{checks}");
    assert!(
        failed.contains(&"permissions customresourcedefinitions.apiextensions.k8s.io"),
        "{checks}"
    );
    let message = checks
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "permissions namespaces")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.contains("cannot get, create, patch namespaces"),
        "{message}"
    );
}

/// `check` on the real controllers (host processes; KWOK runs their Deployments' Pods): every
/// controller ready with its image, the CRDs at v1, the extra components included.
#[test]
fn check_reports_the_real_controllers_and_crds() {
    let bed = engine!();
    for deployment in [
        "source-controller",
        "kustomize-controller",
        "helm-controller",
        "notification-controller",
        "image-reflector-controller",
        "image-automation-controller",
    ] {
        bed.kubectl_out(&[
            "rollout",
            "status",
            "-n",
            "flux-system",
            "--timeout=120s",
            &format!("deployment/{deployment}"),
        ]);
    }
    bed.floe()
        .args(["check", "--timeout=2m"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "✔ source-controller: deployment ready (ghcr.io/fluxcd/source-controller:v1.9.4)",
        ))
        .stdout(predicate::str::contains(
            "✔ kustomizations.kustomize.toolkit.fluxcd.io: v1",
        ))
        // The extra components installed with --components-extra are checked as well.
        .stdout(predicate::str::contains(
            "✔ image-automation-controller: deployment ready (ghcr.io/fluxcd/image-automation-controller:v1.2.4)",
        ))
        .stdout(predicate::str::contains(
            "✔ imagepolicies.image.toolkit.fluxcd.io: v1",
        ));
}

#[test]
fn version_shows_the_flux_version_on_the_cluster() {
    let bed = engine!();
    let out = bed.floe().args(["version"]).output().unwrap();
    assert!(out.status.success());
    // The commit and build day (tests/offline/cli.rs checks them) between floe's and Flux's.
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("commit: ") && !l.starts_with("built: "))
        .collect();
    assert_eq!(
        lines,
        [
            format!("floe: v{}", env!("CARGO_PKG_VERSION")).as_str(),
            "flux: v2.9.4",
            "cluster: v2.9.4"
        ],
        "{text}"
    );
    let out = bed
        .floe()
        .args(["version", "-o", "json", "-n", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(stdout_json(&out)["cluster"], Value::Null);
}
