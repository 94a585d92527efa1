//! HelmRelease end to end on the real engine: Flux 2.9.4's own source-controller and
//! helm-controller (built by scripts/testbed, host processes under their ServiceAccounts) on a
//! real Kubernetes 1.36 control plane. Charts are real too: packaged by the test with tar and
//! served with an index.yaml from a static HTTP server on 127.0.0.1; helm-controller renders
//! them and applies their objects. Shown: create, get, reconcile with --with-source/--force/
//! --reset, suspend, resume, export, delete, completion of names; a release the API server
//! refuses, reported with helm-controller's message; and an upgrade that fails and that
//! helm-controller's remediation rolls back. Simulated: the kubelet (KWOK) and container images
//! (the charts hold only ConfigMaps, so nothing would run anyway).
//!
//! Every wait is on a condition, by floe's own `--timeout` or by [`eventually`], with a
//! deadline generous for a loaded 2-core machine and a message naming what it waited for.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::engine::{eventually, installed, package_chart, serve};
use common::testbed::TestBed;
use predicates::prelude::*;
use serde_json::Value;

macro_rules! engine {
    () => {
        match installed(&[]) {
            Some(bed) => bed,
            None => return,
        }
    };
}

/// The chart's one object: a ConfigMap naming the release, the chart version and a value.
const GOOD: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-greeting\ndata:\n  text: {{ .Values.text | quote }}\n  chart: {{ .Chart.Version | quote }}\n";

/// A ConfigMap whose data is not a string map: the API server refuses it.
const REFUSED: &str = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-refused\ndata:\n  text:\n    nested: [1, 2]\n";

/// A Helm repository on 127.0.0.1 with chart `demo` at each of `versions` (template
/// `template`), and a HelmRepository `charts` in `ns` made Ready by the real source-controller.
/// Returns the repository's directory (to package more versions into) and the versions listed.
fn helm_repository(
    bed: &TestBed,
    ns: &str,
    versions: &[(&str, &str)],
) -> (tempfile::TempDir, Vec<String>) {
    let repo = tempfile::tempdir().unwrap();
    let mut listed = Vec::new();
    for (version, template) in versions {
        package_chart(repo.path(), version, template, &mut listed);
    }
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
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ HelmRepository {ns}/charts is ready"
        )));
    (repo, listed)
}

/// Packages `version` into the repository and has the source fetch the new index now.
fn publish(
    bed: &TestBed,
    ns: &str,
    repo: &Path,
    version: &str,
    template: &str,
    listed: &mut Vec<String>,
) {
    package_chart(repo, version, template, listed);
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
}

fn create_hr<'a>(ns: &'a str, name: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "create",
        "hr",
        name,
        "--source=HelmRepository/charts",
        "--chart=demo",
        "-n",
        ns,
    ];
    if !extra.iter().any(|a| a.starts_with("--timeout")) {
        args.push("--timeout=3m");
    }
    args.extend_from_slice(extra);
    args
}

fn jsonpath(bed: &TestBed, kind: &str, ns: &str, name: &str, path: &str) -> String {
    bed.kubectl_out(&[
        "get",
        kind,
        name,
        "-n",
        ns,
        "-o",
        &format!("jsonpath={path}"),
    ])
}

/// What release `release`'s ConfigMap says: `chart/text`, or "" when there is none.
fn greeting(bed: &TestBed, ns: &str, release: &str) -> String {
    let out = bed
        .kubectl()
        .args([
            "get",
            "configmap",
            &format!("{release}-greeting"),
            "-n",
            ns,
            "--ignore-not-found",
            "-o",
            "jsonpath={.data.chart}/{.data.text}",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// helm-controller's `status.history`, newest first: `version:action:chartVersion/status`.
fn helm_history(bed: &TestBed, ns: &str, name: &str) -> Vec<String> {
    jsonpath(
        bed,
        "helmrelease",
        ns,
        name,
        "{range .status.history[*]}{.version}:{.action}:{.chartVersion}/{.status} {end}",
    )
    .split_whitespace()
    .map(str::to_string)
    .collect()
}

#[test]
fn helm_release_create_get_reconcile_suspend_resume_export_delete_on_the_real_helm_controller() {
    let bed = engine!();
    let ns = bed.namespace("helm");
    let (_repo, _) = helm_repository(bed, &ns, &[("6.3.4", GOOD), ("6.3.5", GOOD)]);

    // create: helm-controller makes the HelmChart, source-controller pulls 6.3.4, then the
    // release is installed.
    bed.floe()
        .args(create_hr(
            &ns,
            "podinfo",
            &["--chart-version=6.3.4", "--label=team=web"],
        ))
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ HelmRelease {ns}/podinfo created"
        )))
        .stderr(predicate::str::contains(format!(
            "✔ HelmRelease {ns}/podinfo is ready at revision 6.3.4"
        )));
    let chart = format!("{ns}-podinfo");
    // The HelmChart is helm-controller's, pulled by source-controller; the release's object
    // is in place.
    assert_eq!(
        jsonpath(
            bed,
            "helmchart",
            &ns,
            &chart,
            "{.spec.chart}@{.spec.version}"
        ),
        "demo@6.3.4"
    );
    assert_eq!(greeting(bed, &ns, "podinfo"), "6.3.4/hello");

    // get: the released chart version and helm-controller's message.
    bed.floe()
        .args(["get", "hr", "-n", &ns])
        .assert()
        .success()
        .stdout(format!(
            "NAME      REVISION   SUSPENDED   READY   MESSAGE\n\
             podinfo   6.3.4      False       True    Helm install succeeded for release {ns}/podinfo.v1 with chart demo@6.3.4\n"
        ));
    bed.floe()
        .args([
            "get",
            "helmreleases",
            "-n",
            &ns,
            "--no-header",
            "-l",
            "team=web",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("podinfo   6.3.4"));
    bed.floe()
        .args(["get", "hr", "-n", &ns, "-l", "team=db"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("no HelmRelease objects found"));
    let json = bed
        .floe()
        .args(["get", "hr", "podinfo", "-n", &ns, "-o", "json"])
        .output()
        .unwrap();
    let rows: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(rows[0]["kind"], "HelmRelease");
    assert_eq!(rows[0]["revision"], "6.3.4");
    bed.floe()
        .args(["get", "sources", "chart", "-n", &ns])
        .assert()
        .success()
        .stdout(
            predicate::str::is_match(format!(
                r"{chart}\s+6\.3\.4\s+False\s+True\s+pulled 'demo' chart with version '6\.3\.4'"
            ))
            .unwrap(),
        );
    let all = bed.floe().args(["get", "all", "-n", &ns]).output().unwrap();
    let all = String::from_utf8(all.stdout).unwrap();
    for row in [
        "helmrepository/charts".to_string(),
        format!("helmchart/{chart}"),
        "helmrelease/podinfo".to_string(),
    ] {
        assert!(all.contains(&row), "{row} in:\n{all}");
    }

    // reconcile --with-source reconciles the HelmChart first (source-controller handles its
    // request before floe turns to the release); --force makes helm-controller release again
    // (v2) though nothing changed.
    let chart_handled = || {
        jsonpath(
            bed,
            "helmchart",
            &ns,
            &chart,
            "{.status.lastHandledReconcileAt}",
        )
    };
    let chart_before = chart_handled();
    let out = bed
        .floe()
        .args([
            "reconcile",
            "hr",
            "podinfo",
            "--with-source",
            "--force",
            "-n",
            &ns,
            "--timeout=3m",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let chart_line = format!("HelmChart {ns}/{chart} reconciled at revision 6.3.4");
    let release_line = format!("HelmRelease {ns}/podinfo reconciled at revision 6.3.4");
    let (Some(first), Some(second)) = (stderr.find(&chart_line), stderr.find(&release_line)) else {
        panic!("{chart_line} and {release_line} in:\n{stderr}");
    };
    assert!(first < second, "the chart first:\n{stderr}");
    let chart_after = chart_handled();
    assert!(
        !chart_after.is_empty() && chart_after != chart_before,
        "source-controller handled a new request for the HelmChart: {chart_before:?} -> {chart_after:?}"
    );
    assert_eq!(
        jsonpath(
            bed,
            "helmchart",
            &ns,
            &chart,
            "{.metadata.annotations.reconcile\\.fluxcd\\.io/requestedAt}"
        ),
        chart_after
    );
    let annotations = jsonpath(
        bed,
        "helmrelease",
        &ns,
        "podinfo",
        "{.metadata.annotations.reconcile\\.fluxcd\\.io/requestedAt}={.metadata.annotations.reconcile\\.fluxcd\\.io/forceAt}={.status.lastHandledForceAt}={.status.history[0].version}",
    );
    let parts: Vec<&str> = annotations.split('=').collect();
    assert!(
        !parts[0].is_empty() && parts[0] == parts[1] && parts[1] == parts[2] && parts[3] == "2",
        "{annotations}"
    );
    // --reset is handled; without --force nothing is released again.
    bed.floe()
        .args([
            "reconcile",
            "hr",
            "podinfo",
            "--reset",
            "-n",
            &ns,
            "--timeout=3m",
        ])
        .assert()
        .success();
    assert_eq!(
        jsonpath(
            bed,
            "helmrelease",
            &ns,
            "podinfo",
            "{.status.history[0].version}"
        ),
        "2"
    );
    let reset = jsonpath(
        bed,
        "helmrelease",
        &ns,
        "podinfo",
        "{.metadata.annotations.reconcile\\.fluxcd\\.io/resetAt}={.status.lastHandledResetAt}",
    );
    let (asked, handled) = reset.split_once('=').unwrap();
    assert!(!asked.is_empty() && asked == handled, "{reset}");

    // Several names, then --all. Without --chart-version the newest chart is released.
    bed.floe()
        .args(create_hr(&ns, "second", &[]))
        .assert()
        .success()
        .stderr(predicate::str::contains("is ready at revision 6.3.5"));
    assert_eq!(greeting(bed, &ns, "second"), "6.3.5/hello");
    bed.floe()
        .args(["suspend", "hr", "podinfo", "second", "-n", &ns])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "HelmRelease {ns}/podinfo suspended"
        )))
        .stderr(predicate::str::contains(format!(
            "HelmRelease {ns}/second suspended"
        )));
    bed.floe()
        .args(["get", "hr", "-n", &ns])
        .assert()
        .stdout(predicate::str::is_match(r"second\s+6\.3\.5\s+True\s+True").unwrap());
    bed.floe()
        .args(["reconcile", "hr", "second", "-n", &ns])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is suspended"));
    bed.floe()
        .args(["resume", "hr", "--all", "-n", &ns, "--timeout=3m"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "HelmRelease {ns}/podinfo resumed and reconciled at revision 6.3.4"
        )))
        .stderr(predicate::str::contains(format!(
            "HelmRelease {ns}/second resumed and reconciled at revision 6.3.5"
        )));

    // export: the declaration, as create --export wrote it, plus the label.
    let exported = bed
        .floe()
        .args(["export", "hr", "podinfo", "-n", &ns])
        .output()
        .unwrap();
    let exported = String::from_utf8(exported.stdout).unwrap();
    let created = common::floe()
        .args(create_hr(
            &ns,
            "podinfo",
            &["--chart-version=6.3.4", "--label=team=web", "--export"],
        ))
        .output()
        .unwrap();
    assert_eq!(exported, String::from_utf8(created.stdout).unwrap());
    let everything = bed
        .floe()
        .args(["export", "--all", "-n", &ns])
        .output()
        .unwrap();
    let everything = String::from_utf8(everything.stdout).unwrap();
    for kind in ["HelmRepository", "HelmChart", "HelmRelease"] {
        assert!(
            everything.contains(&format!("kind: {kind}\n")),
            "{kind} in:\n{everything}"
        );
    }
    assert_eq!(everything.matches("kind: HelmRelease\n").count(), 2);

    // Completion of names comes from the cluster.
    let complete = |words: &[&str]| -> Vec<String> {
        let out = common::floe()
            .env("COMPLETE", "fish")
            .env("KUBECONFIG", &bed.kubeconfig)
            .arg("--")
            .args(words)
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with("--"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        complete(&["floe", "reconcile", "hr", "-n", &ns, ""]),
        ["podinfo", "second"]
    );
    // After `source KIND`, only that kind's names.
    assert_eq!(
        complete(&["floe", "get", "sources", "chart", "-n", &ns, ""]),
        [format!("{ns}-podinfo"), format!("{ns}-second")]
    );
    assert_eq!(
        complete(&["floe", "reconcile", "source", "helm", "-n", &ns, ""]),
        ["charts"]
    );

    // delete waits for helm-controller's finalizer: the release is uninstalled.
    bed.floe()
        .args(["delete", "hr", "second", "-n", &ns, "--yes", "--timeout=3m"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "HelmRelease {ns}/second deleted"
        )));
    bed.floe()
        .args(["get", "hr", "second", "-n", &ns])
        .assert()
        .stderr(predicate::str::contains("no HelmRelease objects found"));
    assert_eq!(greeting(bed, &ns, "second"), "");
    assert_eq!(greeting(bed, &ns, "podinfo"), "6.3.4/hello");
}

#[test]
fn a_failing_release_is_reported_with_the_real_helm_controllers_message() {
    let bed = engine!();
    let ns = bed.namespace("helm-fail");
    let (_repo, _) = helm_repository(bed, &ns, &[("6.3.5", REFUSED)]);
    // The API server refuses the chart's object; with no install retries helm-controller
    // gives up (Stalled), which ends the wait at once, long before --timeout.
    let started = Instant::now();
    let out = bed
        .floe()
        .args(create_hr(&ns, "broken", &["--timeout=5m"]))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "HelmRelease {ns}/broken is not ready: Helm install failed for release {ns}/broken with chart demo@6.3.5: "
        )) && stderr.contains("broken-refused"),
        "{stderr}"
    );
    assert!(!stderr.contains("timed out"), "{stderr}");
    assert!(
        started.elapsed() < Duration::from_secs(240),
        "ended by the failure, not the timeout: {:?}",
        started.elapsed()
    );
    bed.floe()
        .args(["get", "hr", "-n", &ns, "--status-selector", "stalled=true"])
        .assert()
        .success()
        .stdout(predicate::str::contains("broken"));
    assert_eq!(
        jsonpath(
            bed,
            "helmrelease",
            &ns,
            "broken",
            "{.status.conditions[?(@.type==\"Stalled\")].reason}"
        ),
        "RetriesExceeded"
    );
}

/// An upgrade the API server refuses, on a release with upgrade remediation (one retry,
/// remediating the last failure too): the real helm-controller rolls back to the previous
/// release each time, then gives up. floe names the failed upgrade, and the previous chart's
/// objects are back.
#[test]
fn a_failed_upgrade_is_rolled_back_by_the_real_helm_controllers_remediation() {
    let bed = engine!();
    let ns = bed.namespace("helm-remediate");
    let (repo, mut listed) = helm_repository(bed, &ns, &[("0.1.0", GOOD)]);
    bed.floe()
        .args(create_hr(&ns, "web", &["--chart-version=0.1.0"]))
        .assert()
        .success();
    assert_eq!(greeting(bed, &ns, "web"), "0.1.0/hello");

    // Neither floe nor flux 2.9.4 has flags for remediation: kubectl sets it beside floe's
    // fields (another field manager, so floe's next apply keeps it).
    bed.kubectl_out(&[
        "patch",
        "helmrelease",
        "web",
        "-n",
        &ns,
        "--type=merge",
        "-p",
        r#"{"spec":{"upgrade":{"remediation":{"retries":1,"remediateLastFailure":true}}}}"#,
    ]);

    // 0.2.0 changes the greeting, adds an object and has one the API server refuses.
    let broken = format!(
        "{}---\n{}---\n{}",
        GOOD,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-extra\ndata:\n  text: new\n",
        REFUSED
    );
    publish(bed, &ns, repo.path(), "0.2.0", &broken, &mut listed);
    // floe names the failed upgrade (helm-controller's Released condition) and the rollback
    // (its Ready condition), and stops at the first rollback: helm-controller has failed this
    // generation and will retry on its own.
    let out = bed
        .floe()
        .args(create_hr(
            &ns,
            "web",
            &["--chart-version=0.2.0", "--timeout=5m"],
        ))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("timed out"), "{stderr}");
    let named = predicate::str::is_match(format!(
        "HelmRelease {ns}/web is not ready: Helm upgrade failed for release {ns}/web with chart demo@0\\.2\\.0: .*web-refused.*; Helm rollback to previous release {ns}/web\\.v[13] with chart demo@0\\.1\\.0 succeeded"
    ))
    .unwrap();
    assert!(named.eval(&stderr), "{stderr}");

    // helm-controller retries the upgrade once, rolls back again (remediateLastFailure),
    // then gives up.
    eventually(
        "helm-controller to give up on the upgrade (Stalled)",
        Duration::from_secs(240),
        || {
            (jsonpath(
                bed,
                "helmrelease",
                &ns,
                "web",
                "{.status.conditions[?(@.type==\"Stalled\")].reason}",
            ) == "RetriesExceeded")
                .then_some(())
        },
    );
    // The Helm history, newest first: each failed upgrade followed by a rollback to 0.1.0.
    let history = helm_history(bed, &ns, "web");
    assert!(
        history.starts_with(&[
            "5:rollback:0.1.0/deployed".to_string(),
            "4:upgrade:0.2.0/failed".to_string(),
            "3:rollback:0.1.0/superseded".to_string(),
        ]),
        "{history:?}"
    );
    assert_eq!(
        jsonpath(bed, "helmrelease", &ns, "web", "{.status.upgradeFailures}"),
        "2"
    );
    // The previous chart's objects are in place, 0.2.0's new one is not.
    assert_eq!(greeting(bed, &ns, "web"), "0.1.0/hello");
    let extra = bed.kubectl_out(&[
        "get",
        "configmap",
        "web-extra",
        "-n",
        &ns,
        "--ignore-not-found",
        "-o",
        "name",
    ]);
    assert_eq!(extra, "", "0.2.0's ConfigMap is rolled back");

    // get: the live chart is 0.1.0, not Ready, with helm-controller's Ready message (as
    // `flux get hr` shows it); Stalled.
    let rollback =
        format!("Helm rollback to previous release {ns}/web.v3 with chart demo@0.1.0 succeeded");
    bed.floe()
        .args(["get", "hr", "-n", &ns])
        .assert()
        .success()
        .stdout(format!(
            "NAME   REVISION   SUSPENDED   READY   MESSAGE\n\
             web    0.1.0      False       False   {rollback}\n"
        ));
    let rows = common::json_of(
        bed.floe()
            .args(["get", "hr", "web", "-n", &ns, "-o", "json"]),
    );
    assert_eq!(rows[0]["revision"], "0.1.0", "{rows}");
    assert_eq!(rows[0]["ready"], "False", "{rows}");
    assert_eq!(rows[0]["message"], rollback.as_str(), "{rows}");
    bed.floe()
        .args(["get", "hr", "-n", &ns, "--status-selector", "stalled=true"])
        .assert()
        .success()
        .stdout(predicate::str::contains("web"));
    // floe's history of the release: helm-controller's, the rollback live.
    let floe_history = common::json_of(
        bed.floe()
            .args(["history", "hr", "web", "-n", &ns, "-o", "json"]),
    );
    let rows: Vec<String> = floe_history["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{}/{}/{}", r["revision"], r["result"], r["live"]).replace('"', ""))
        .collect();
    assert!(
        rows.starts_with(&[
            "0.1.0/deployed/true".to_string(),
            "0.2.0/failed/false".to_string(),
            "0.1.0/superseded/false".to_string(),
        ]),
        "{floe_history}"
    );
    bed.floe()
        .args(["events", "--for", "HelmRelease/web", "-n", &ns])
        .assert()
        .success()
        .stdout(predicate::str::contains("UpgradeFailed"))
        .stdout(predicate::str::contains("RollbackSucceeded"));

    // A reconcile request is handled, and the answer is the same: the failure, then the
    // rollback.
    bed.floe()
        .args(["reconcile", "hr", "web", "-n", &ns, "--timeout=3m"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "Helm upgrade failed for release {ns}/web with chart demo@0.2.0"
        )))
        .stderr(predicate::str::contains(rollback));
}
