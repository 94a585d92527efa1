//! `reconcile`, `suspend`, `resume`, `export` and `delete` on the real controllers.

use super::*;

/// What the real controllers do with floe's requests: reconcile (the request handled,
/// `--with-source` fetching a new commit before the sync applies it), suspend (the controller
/// leaves the sync alone), resume (reconciled again, the source not).
#[test]
fn reconcile_suspend_resume_on_the_real_controllers() {
    let bed = engine!();
    // floe creates the source `app` (HTTPS Git) and the sync `app` applying ./apps, both
    // made ready by the real controllers.
    let app = App::new(bed, "reconcile");
    let ns = app.ns.clone();
    let head = format!(
        "main@sha1:{}",
        app.gh.git("me", "app", &["rev-parse", "main"])
    );

    app.floe(&["reconcile", "source", "git", "app"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "GitRepository {ns}/app reconciled at revision {head}"
        )));
    let (asked, handled) = request_and_handled(bed, "gitrepository", &ns, "app");
    assert!(!asked.is_empty() && asked == handled, "{asked}={handled}");
    // Only the source was asked: the sync has handled no request.
    assert_eq!(
        request_and_handled(bed, "kustomization", &ns, "app"),
        (String::new(), String::new())
    );

    // --with-source: the source fetches the new commit first, then the sync applies it.
    let pushed = app.push("erin", &[("apps/config.yaml", &config("hi"))], "say hi");
    app.floe(&["reconcile", "sync", "app", "--with-source"])
        .assert()
        .success();
    let (source_asked, source_handled) = request_and_handled(bed, "gitrepository", &ns, "app");
    assert!(
        source_asked != asked && source_asked == source_handled,
        "{source_asked}={source_handled}"
    );
    let (sync_asked, sync_handled) = request_and_handled(bed, "kustomization", &ns, "app");
    assert!(
        !sync_asked.is_empty() && sync_asked == sync_handled,
        "{sync_asked}={sync_handled}"
    );
    let c2 = format!("main@sha1:{pushed}");
    assert_eq!(app.applied(), c2);
    assert_eq!(app.greeting(), "hi");

    app.floe(&["suspend", "sync", "app"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "Kustomization {ns}/app suspended"
        )));
    assert_eq!(
        field(bed, "kustomization", &ns, "app", "{.spec.suspend}"),
        "true"
    );
    app.floe(&["get", "syncs"])
        .assert()
        .stdout(predicate::str::is_match(format!(r"app\s+{c2}\s+True\s+True")).unwrap());
    app.floe(&["reconcile", "sync", "app"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is suspended; resume it with floe resume first",
        ));

    app.floe(&["resume", "ks", "app"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "resumed and reconciled at revision {c2}"
        )));
    assert_eq!(
        field(bed, "kustomization", &ns, "app", "{.spec.suspend}"),
        "false"
    );
    // kustomize-controller handled the resume's request; the source was not asked again.
    let (resume_asked, resume_handled) = request_and_handled(bed, "kustomization", &ns, "app");
    assert!(
        resume_asked != sync_asked && resume_asked == resume_handled,
        "{resume_asked}={resume_handled}"
    );
    assert_eq!(
        request_and_handled(bed, "gitrepository", &ns, "app"),
        (source_asked.clone(), source_asked)
    );
}

#[test]
fn reconcile_of_a_missing_object_names_it() {
    let bed = engine!();
    let ns = bed.namespace("missing");
    bed.floe()
        .args(["reconcile", "source", "helm", "nope", "-n", &ns])
        .assert()
        .code(1)
        .stderr(format!(
            "error: HelmRepository {ns}/nope not found; list them with floe get\n"
        ));
}

/// A HelmRepository made ready by the real source-controller (its index served on 127.0.0.1),
/// exported without the status and server-set fields it now carries.
#[test]
fn export_prints_clean_yaml_that_applies_back() {
    let bed = engine!();
    let ns = bed.namespace("export");
    let charts = tempfile::tempdir().unwrap();
    let mut listed = Vec::new();
    common::engine::package_chart(
        charts.path(),
        "1.0.0",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  chart: {{ .Chart.Version | quote }}\n",
        &mut listed,
    );
    let url = format!(
        "--url={}",
        common::engine::serve(charts.path().to_path_buf())
    );
    let create = [
        "create",
        "source",
        "helm",
        "charts",
        &url,
        "--interval=10m",
        "--label=team=web",
        "-n",
        &ns,
    ];
    bed.floe()
        .args(create)
        .arg("--timeout=2m")
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "HelmRepository {ns}/charts is ready"
        )));
    // The live object carries what source-controller and the API server wrote.
    assert!(
        field(
            bed,
            "helmrepository",
            &ns,
            "charts",
            "{.status.artifact.revision}"
        )
        .starts_with("sha256:")
    );
    let out = bed
        .floe()
        .args(["export", "source", "helm", "charts", "-n", &ns])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exported = String::from_utf8(out.stdout).unwrap();
    // The declaration floe would have printed, plus the defaults the server filled in.
    let declared = String::from_utf8(
        common::floe()
            .args(create)
            .arg("--export")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let exported_doc: Value = serde_yaml::from_str(exported.trim_start_matches("---\n")).unwrap();
    let declared_doc: Value = serde_yaml::from_str(declared.trim_start_matches("---\n")).unwrap();
    assert_eq!(exported_doc["metadata"], declared_doc["metadata"]);
    assert_eq!(exported_doc["spec"]["url"], declared_doc["spec"]["url"]);
    assert_eq!(exported_doc["spec"]["interval"], "10m0s");
    for server_field in [
        "status",
        "uid",
        "resourceVersion",
        "managedFields",
        "generation",
        "creationTimestamp",
        "finalizers",
    ] {
        assert!(
            !exported.contains(server_field),
            "{server_field} in {exported}"
        );
    }
    // What export prints is a valid declaration the server accepts.
    let applied = bed.kubectl_with_input(
        &["apply", "--dry-run=server", "-f", "-"],
        exported.as_bytes(),
    );
    assert!(applied.status.success(), "{applied:?}");

    // --all exports every object of the kind, in name order.
    kubectl_apply_export(
        bed,
        &["create", "source", "helm", "another", &url, "-n", &ns],
    );
    let out = bed
        .floe()
        .args(["export", "source", "helm", "--all", "-n", &ns])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let names: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("  name: "))
        .collect();
    assert_eq!(names, ["another", "charts"]);
}

#[test]
fn delete_asks_unless_yes() {
    let bed = engine!();
    let ns = bed.namespace("delete");
    kubectl_apply_export(
        bed,
        &[
            "create",
            "source",
            "oci",
            "manifests",
            "--url=oci://ghcr.io/org/manifests",
            "--tag=1.0.0",
            "-n",
            &ns,
        ],
    );
    bed.floe()
        .args(["delete", "source", "oci", "manifests", "-n", &ns])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "needs confirmation and there is no terminal to ask on; pass --yes",
        ));
    assert_eq!(
        bed.kubectl_out(&["get", "ocirepositories", "-n", &ns, "-o", "name"])
            .lines()
            .count(),
        1
    );
    bed.floe()
        .args(["delete", "source", "oci", "manifests", "-n", &ns, "--yes"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ OCIRepository {ns}/manifests deleted"
        )));
    assert_eq!(
        bed.kubectl_out(&["get", "ocirepositories", "-n", &ns, "-o", "name"]),
        ""
    );
}
