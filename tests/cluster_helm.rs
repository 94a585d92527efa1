//! HelmRelease end to end on a real API server (scripts/testbed): create, get, reconcile with
//! --with-source/--force/--reset, suspend, resume, export, delete, completion of names. The
//! controllers are simulated: source-controller makes charts Ready, and a helm-controller model
//! (tests/common/testbed.rs `simulated_helm_release`) makes the HelmChart, waits for it, and
//! releases or fails with helm-controller's reasons. Test names say so.

mod common;

use common::testbed::{FluxBehaviour, TestBed, simulated_flux};
use predicates::prelude::*;
use serde_json::Value;

fn helm_source(bed: &TestBed, ns: &str) {
    bed.floe()
        .args([
            "create",
            "source",
            "helm",
            "podinfo",
            "-n",
            ns,
            "--timeout=30s",
        ])
        .arg("--url=https://stefanprodan.github.io/podinfo")
        .assert()
        .success();
}

fn create_hr<'a>(ns: &'a str, name: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "create",
        "hr",
        name,
        "--source=HelmRepository/podinfo",
        "--chart=podinfo",
        "-n",
        ns,
    ];
    if !extra.iter().any(|a| a.starts_with("--timeout")) {
        args.push("--timeout=30s");
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

#[test]
fn helm_release_create_get_reconcile_suspend_resume_export_delete_with_simulated_helm_controller() {
    let bed = flux_testbed!();
    let ns = bed.namespace("helm");
    let (_flux, log) = simulated_flux(
        bed,
        &ns,
        FluxBehaviour::Ready {
            revision: "sha256:9f2a".into(),
        },
    );
    helm_source(bed, &ns);

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
    assert!(
        log.lock().unwrap().contains(&format!("HelmChart/{chart}")),
        "{:?}",
        log.lock().unwrap()
    );

    // get: the released chart version and helm-controller's message.
    bed.floe()
        .args(["get", "hr", "-n", &ns])
        .assert()
        .success()
        .stdout(format!(
            "NAME      REVISION   SUSPENDED   READY   MESSAGE\n\
             podinfo   6.3.4      False       True    Helm install succeeded for release {ns}/podinfo.v1 with chart podinfo@6.3.4\n"
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
                r"{chart}\s+6\.3\.4\s+False\s+True\s+pulled 'podinfo' chart with version '6\.3\.4'"
            ))
            .unwrap(),
        );
    let all = bed.floe().args(["get", "all", "-n", &ns]).output().unwrap();
    let all = String::from_utf8(all.stdout).unwrap();
    for row in [
        "helmrepository/podinfo".to_string(),
        format!("helmchart/{chart}"),
        "helmrelease/podinfo".to_string(),
    ] {
        assert!(all.contains(&row), "{row} in:\n{all}");
    }

    // reconcile --with-source reconciles the HelmChart first; --force makes a new release
    // (v2) though nothing changed, as helm-controller does for forceAt.
    log.lock().unwrap().clear();
    bed.floe()
        .args([
            "reconcile",
            "hr",
            "podinfo",
            "--with-source",
            "--force",
            "-n",
            &ns,
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "HelmChart {ns}/{chart} reconciled at revision 6.3.4"
        )))
        .stderr(predicate::str::contains(format!(
            "HelmRelease {ns}/podinfo reconciled at revision 6.3.4"
        )));
    assert_eq!(
        log.lock().unwrap().as_slice(),
        [
            format!("HelmChart/{chart}"),
            "HelmRelease/podinfo".to_string()
        ]
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
    // --reset is recorded; without --force nothing is released again.
    bed.floe()
        .args(["reconcile", "hr", "podinfo", "--reset", "-n", &ns])
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
    assert!(
        !jsonpath(
            bed,
            "helmrelease",
            &ns,
            "podinfo",
            "{.status.lastHandledResetAt}"
        )
        .is_empty()
    );

    // Several names, then --all.
    bed.floe()
        .args(create_hr(&ns, "second", &[]))
        .assert()
        .success()
        .stderr(predicate::str::contains("is ready at revision 6.3.5"));
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
        .args(["resume", "hr", "--all", "-n", &ns])
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
        ["podinfo"]
    );

    bed.floe()
        .args(["delete", "hr", "second", "-n", &ns, "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "HelmRelease {ns}/second deleted"
        )));
    bed.floe()
        .args(["get", "hr", "second", "-n", &ns])
        .assert()
        .stderr(predicate::str::contains("no HelmRelease objects found"));
}

#[test]
fn a_failing_release_is_reported_with_helm_controllers_message_with_simulated_helm_controller() {
    let bed = flux_testbed!();
    let ns = bed.namespace("helm-fail");
    let (_flux, _) = simulated_flux(
        bed,
        &ns,
        FluxBehaviour::ReleaseFailing {
            message: "context deadline exceeded".into(),
        },
    );
    helm_source(bed, &ns);
    // Stalled (retries exhausted) ends the wait at once, long before --timeout.
    bed.floe()
        .args(create_hr(&ns, "broken", &["--timeout=5m"]))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "HelmRelease {ns}/broken is not ready: Helm install failed for release {ns}/broken with chart podinfo@6.3.5: context deadline exceeded"
        )));
    bed.floe()
        .args(["get", "hr", "-n", &ns, "--status-selector", "stalled=true"])
        .assert()
        .success()
        .stdout(predicate::str::contains("broken"));
}
