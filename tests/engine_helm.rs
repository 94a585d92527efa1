//! HelmRelease on the real engine: Flux 2.9.4's source-controller and helm-controller (built by
//! scripts/testbed, host processes under their ServiceAccounts) on Kubernetes 1.36 install and
//! upgrade a chart from a Helm repository served on 127.0.0.1 (index.yaml and charts packaged by
//! the test with tar), and a failing upgrade is named with helm-controller's reason before the
//! timeout. Simulated: the kubelet (KWOK); the chart has no workloads.

mod common;

use common::engine::{package_chart as package, serve};
use common::testbed::TestBed;

fn installed() -> Option<&'static TestBed> {
    common::engine::installed(&[])
}

const GOOD: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-greeting\ndata:\n  text: {{ .Values.text | quote }}\n  chart: {{ .Chart.Version | quote }}\n";
/// A ConfigMap whose data is not a string map: the API server refuses it, so the upgrade fails.
const BAD: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-greeting\ndata:\n  text:\n    nested: [1, 2]\n";

fn chart_of(bed: &TestBed, ns: &str) -> String {
    bed.kubectl_out(&[
        "get",
        "configmap",
        "demo-greeting",
        "-n",
        ns,
        "-o",
        "jsonpath={.data.chart}/{.data.text}",
    ])
}

#[test]
fn a_chart_is_installed_upgraded_and_a_failed_upgrade_named_by_the_real_helm_controller() {
    let Some(bed) = installed() else {
        return;
    };
    let ns = "helm-real";
    bed.kubectl_out(&["create", "namespace", ns]);
    let repo = tempfile::tempdir().unwrap();
    let mut listed = Vec::new();
    package(repo.path(), "0.1.0", GOOD, &mut listed);
    let url = serve(repo.path().to_path_buf());

    bed.floe()
        .args([
            "create",
            "source",
            "helm",
            "charts",
            "-n",
            ns,
            "--timeout=2m",
        ])
        .arg(format!("--url={url}"))
        .assert()
        .success();
    let release = |version: &str, extra: &[&str]| {
        let mut cmd = bed.floe();
        cmd.args([
            "create",
            "hr",
            "demo",
            "--source=HelmRepository/charts",
            "--chart=demo",
            &format!("--chart-version={version}"),
            "-n",
            ns,
        ])
        .args(extra);
        cmd
    };

    // Install: helm-controller renders the chart and applies it.
    release("0.1.0", &["--timeout=3m"]).assert().success();
    assert_eq!(chart_of(bed, ns), "0.1.0/hello");

    // Upgrade to a version the repository lists only now: the source fetches the new index
    // first, then helm-controller upgrades the release.
    package(repo.path(), "0.2.0", GOOD, &mut listed);
    bed.floe()
        .args([
            "reconcile",
            "source",
            "helm",
            "charts",
            "-n",
            ns,
            "--timeout=2m",
        ])
        .assert()
        .success();
    release("0.2.0", &["--timeout=3m"]).assert().success();
    assert_eq!(chart_of(bed, ns), "0.2.0/hello");
    let history = bed.kubectl_out(&[
        "get",
        "helmrelease",
        "demo",
        "-n",
        ns,
        "-o",
        "jsonpath={range .status.history[*]}{.chartVersion}/{.status} {end}",
    ]);
    assert_eq!(history.trim(), "0.2.0/deployed 0.1.0/superseded");

    // A failing upgrade is named with helm-controller's reason, before the timeout; the
    // previous release keeps running.
    package(repo.path(), "0.3.0", BAD, &mut listed);
    bed.floe()
        .args([
            "reconcile",
            "source",
            "helm",
            "charts",
            "-n",
            ns,
            "--timeout=2m",
        ])
        .assert()
        .success();
    let failed = release("0.3.0", &["--timeout=4m"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(failed.status.code(), Some(1), "{stderr}");
    assert!(
        !stderr.contains("timed out"),
        "the failure is named, not waited out: {stderr}"
    );
    // helm-controller's own words, and the object the API server refused.
    assert!(
        stderr.contains("Helm upgrade failed for release helm-real/demo with chart demo@0.3.0")
            && stderr.contains("demo-greeting"),
        "{stderr}"
    );
    assert_eq!(chart_of(bed, ns), "0.2.0/hello");
}
