//! Flux objects on a real API server (scripts/testbed): create, get, watch, reconcile, suspend,
//! resume, export, delete, check, and how connection failures read. Where Flux's controllers
//! would act, a simulated Flux writes their status; test names say so.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::testbed::{
    FluxBehaviour, PodBehaviour, TestBed, set_simulated_status, simulated_flux, simulated_kubelet,
};
use predicates::prelude::*;
use serde_json::Value;

fn stdout_json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

fn git_source(bed: &TestBed, ns: &str, name: &str) -> assert_cmd::Command {
    let mut cmd = bed.floe();
    cmd.args(["create", "source", "git", name, "--branch=main", "-n", ns])
        .arg(format!("--url=https://git.example.com/org/{name}"))
        .args(["--timeout=30s"]);
    cmd
}

/// Applies what `floe create ... --export` prints with kubectl, so tests can set up objects
/// without waiting on their status.
fn kubectl_apply_export(bed: &TestBed, args: &[&str]) {
    let output = common::floe().args(args).arg("--export").output().unwrap();
    assert!(output.status.success());
    let applied = bed.kubectl_with_input(&["apply", "-f", "-"], &output.stdout);
    assert!(applied.status.success(), "{applied:?}");
}

#[test]
fn create_source_then_get_shows_it_ready_with_simulated_flux() {
    let bed = flux_testbed!();
    let ns = bed.namespace("create-get");
    let (_flux, log) = simulated_flux(
        bed,
        &ns,
        FluxBehaviour::Ready {
            revision: "main@sha1:0123abc".into(),
        },
    );
    git_source(bed, &ns, "podinfo")
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ GitRepository {ns}/podinfo created"
        )))
        .stderr(predicate::str::contains(
            "is ready at revision main@sha1:0123abc",
        ));
    assert_eq!(log.lock().unwrap().as_slice(), ["GitRepository/podinfo"]);

    // Applied by floe with server-side apply, as kubectl shows.
    let managers = bed.kubectl_out(&[
        "get",
        "gitrepository",
        "podinfo",
        "-n",
        &ns,
        "-o",
        "jsonpath={.metadata.managedFields[*].manager}/{.metadata.managedFields[*].operation}",
    ]);
    assert!(managers.starts_with("floe"), "{managers}");
    assert!(managers.contains("Apply"), "{managers}");

    bed.floe()
        .args(["get", "sources", "git", "-n", &ns])
        .assert()
        .success()
        .stdout(
            "NAME      REVISION           SUSPENDED   READY   MESSAGE\n\
             podinfo   main@sha1:0123abc   False       True    stored artifact for revision 'main@sha1:0123abc'\n"
                .replace("REVISION           ", "REVISION            "),
        );

    // Creating the same object again changes nothing.
    git_source(bed, &ns, "podinfo")
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ GitRepository {ns}/podinfo unchanged"
        )));
}

#[test]
fn create_reports_the_ready_message_when_simulated_flux_fails() {
    let bed = flux_testbed!();
    let ns = bed.namespace("create-fail");
    let (_flux, _) = simulated_flux(
        bed,
        &ns,
        FluxBehaviour::Failing {
            message: "authentication required: invalid credentials".into(),
        },
    );
    git_source(bed, &ns, "private")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "GitRepository {ns}/private is not ready: authentication required: invalid credentials"
        )));
}

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

/// More objects than one list page (500, kubectl's chunk size): every page is read, each
/// object once, and the rows come out sorted.
#[test]
fn get_reads_every_page_of_a_long_list() {
    let bed = flux_testbed!();
    let ns = bed.namespace("pages");
    let items: Vec<Value> = (0..1203)
        .map(|i| {
            serde_json::json!({
                "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
                "metadata": {"name": format!("repo-{i:04}"), "namespace": ns},
                "spec": {"interval": "10m", "url": format!("https://git.example.com/r/{i}")}
            })
        })
        .collect();
    let list = serde_json::json!({"apiVersion": "v1", "kind": "List", "items": items});
    let applied = bed.kubectl_with_input(&["apply", "-f", "-"], list.to_string().as_bytes());
    assert!(applied.status.success(), "{applied:?}");
    let out = bed
        .floe()
        .args(["get", "sources", "git", "-n", &ns, "--no-header"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let names: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..1203).map(|i| format!("repo-{i:04}")).collect();
    assert_eq!(names, expected);
}

#[test]
fn get_tables_json_yaml_and_status_selector_with_simulated_flux() {
    let bed = flux_testbed!();
    let ns = bed.namespace("get");
    for name in ["alpha", "beta"] {
        kubectl_apply_export(
            bed,
            &[
                "create",
                "source",
                "git",
                name,
                "--url=https://example.com/x",
                "--branch=main",
                "-n",
                &ns,
            ],
        );
    }
    kubectl_apply_export(
        bed,
        &[
            "create",
            "sync",
            "apps",
            "--source=alpha",
            "--path=./apps",
            "-n",
            &ns,
        ],
    );
    set_simulated_status(
        bed,
        "GitRepository",
        &ns,
        "alpha",
        &FluxBehaviour::Ready {
            revision: "main@sha1:aaa".into(),
        },
    );
    set_simulated_status(
        bed,
        "GitRepository",
        &ns,
        "beta",
        &FluxBehaviour::Failing {
            message: "host not found".into(),
        },
    );

    bed.floe()
        .args(["get", "sources", "git", "-n", &ns])
        .assert()
        .success()
        .stdout(
            "NAME    REVISION        SUSPENDED   READY   MESSAGE\n\
             alpha   main@sha1:aaa   False       True    stored artifact for revision 'main@sha1:aaa'\n\
             beta                    False       False   host not found\n",
        );

    let out = bed
        .floe()
        .args(["get", "all", "-n", &ns, "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = stdout_json(&out);
    let names: Vec<(&str, &str, &str)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap(),
                r["name"].as_str().unwrap(),
                r["ready"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("GitRepository", "alpha", "True"),
            ("GitRepository", "beta", "False"),
            ("Kustomization", "apps", "False")
        ]
    );
    assert_eq!(rows[2]["message"], "waiting to be reconciled");
    assert_eq!(rows[0]["namespace"], ns.as_str());

    let out = bed
        .floe()
        .args([
            "get",
            "all",
            "-n",
            &ns,
            "--status-selector",
            "ready=false",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let not_ready: Vec<String> = stdout_json(&out)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(not_ready, ["beta", "apps"]);

    let out = bed
        .floe()
        .args(["get", "syncs", "-n", &ns, "-o", "yaml"])
        .output()
        .unwrap();
    let yaml: Vec<Value> = serde_yaml::from_slice(&out.stdout).unwrap();
    assert_eq!(yaml[0]["name"], "apps");
    assert_eq!(yaml[0]["kind"], "Kustomization");

    // -A adds the namespace column; the aliases name the same command.
    for alias in ["kustomizations", "ks", "syncs"] {
        let out = bed.floe().args(["get", alias, "-A"]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with("NAMESPACE "), "{text}");
        assert!(
            text.lines()
                .any(|l| l.starts_with(&ns) && l.contains(" apps ")),
            "{text}"
        );
    }

    // kubectl sees the same objects.
    let listed = bed.kubectl_out(&["get", "gitrepositories", "-n", &ns, "-o", "name"]);
    assert_eq!(
        listed,
        "gitrepository.source.toolkit.fluxcd.io/alpha\ngitrepository.source.toolkit.fluxcd.io/beta\n"
    );
}

#[test]
fn get_watch_prints_changes_as_simulated_flux_reports_them() {
    let bed = flux_testbed!();
    let ns = bed.namespace("watch");
    kubectl_apply_export(
        bed,
        &[
            "create",
            "source",
            "git",
            "web",
            "--url=https://example.com/web",
            "--branch=main",
            "-n",
            &ns,
        ],
    );
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("floe"))
        .env("KUBECONFIG", &bed.kubeconfig)
        .args(["get", "sources", "git", "--watch", "-n", &ns])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert_eq!(
        lines.next().unwrap().unwrap(),
        "NAME\tREVISION\tSUSPENDED\tREADY\tMESSAGE"
    );
    assert_eq!(
        lines.next().unwrap().unwrap(),
        "web\t\tFalse\tFalse\twaiting to be reconciled"
    );
    set_simulated_status(
        bed,
        "GitRepository",
        &ns,
        "web",
        &FluxBehaviour::Ready {
            revision: "main@sha1:bbb".into(),
        },
    );
    assert_eq!(
        lines.next().unwrap().unwrap(),
        "web\tmain@sha1:bbb\tFalse\tTrue\tstored artifact for revision 'main@sha1:bbb'"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn reconcile_suspend_resume_with_simulated_flux() {
    let bed = flux_testbed!();
    let ns = bed.namespace("reconcile");
    let (_flux, log) = simulated_flux(
        bed,
        &ns,
        FluxBehaviour::Ready {
            revision: "main@sha1:ccc".into(),
        },
    );
    git_source(bed, &ns, "app").assert().success();
    bed.floe()
        .args([
            "create",
            "sync",
            "app",
            "--source=app",
            "--path=./deploy",
            "-n",
            &ns,
            "--timeout=30s",
        ])
        .assert()
        .success();
    log.lock().unwrap().clear();

    bed.floe()
        .args(["reconcile", "source", "git", "app", "-n", &ns])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "GitRepository {ns}/app reconciled at revision main@sha1:ccc"
        )));
    let requested = bed.kubectl_out(&[
        "get", "gitrepository", "app", "-n", &ns, "-o",
        "jsonpath={.metadata.annotations.reconcile\\.fluxcd\\.io/requestedAt}={.status.lastHandledReconcileAt}",
    ]);
    let (asked, handled) = requested.split_once('=').unwrap();
    assert!(!asked.is_empty() && asked == handled, "{requested}");
    assert_eq!(log.lock().unwrap().as_slice(), ["GitRepository/app"]);

    log.lock().unwrap().clear();
    bed.floe()
        .args(["reconcile", "sync", "app", "--with-source", "-n", &ns])
        .assert()
        .success();
    assert_eq!(
        log.lock().unwrap().as_slice(),
        ["GitRepository/app", "Kustomization/app"]
    );

    bed.floe()
        .args(["suspend", "sync", "app", "-n", &ns])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "Kustomization {ns}/app suspended"
        )));
    assert_eq!(
        bed.kubectl_out(&[
            "get",
            "kustomization",
            "app",
            "-n",
            &ns,
            "-o",
            "jsonpath={.spec.suspend}"
        ]),
        "true"
    );
    bed.floe()
        .args(["get", "syncs", "-n", &ns])
        .assert()
        .stdout(predicate::str::is_match(r"app\s+main@sha1:ccc\s+True\s+True").unwrap());
    bed.floe()
        .args(["reconcile", "sync", "app", "-n", &ns])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is suspended; resume it with floe resume first",
        ));

    log.lock().unwrap().clear();
    bed.floe()
        .args(["resume", "ks", "app", "-n", &ns])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "resumed and reconciled at revision main@sha1:ccc",
        ));
    assert_eq!(
        bed.kubectl_out(&[
            "get",
            "kustomization",
            "app",
            "-n",
            &ns,
            "-o",
            "jsonpath={.spec.suspend}"
        ]),
        "false"
    );
    assert_eq!(log.lock().unwrap().as_slice(), ["Kustomization/app"]);
}

#[test]
fn reconcile_of_a_missing_object_names_it() {
    let bed = flux_testbed!();
    let ns = bed.namespace("missing");
    bed.floe()
        .args(["reconcile", "source", "helm", "nope", "-n", &ns])
        .assert()
        .code(1)
        .stderr(format!(
            "error: HelmRepository {ns}/nope not found; list them with floe get\n"
        ));
}

#[test]
fn export_prints_clean_yaml_that_applies_back() {
    let bed = flux_testbed!();
    let ns = bed.namespace("export");
    let create = [
        "create",
        "source",
        "helm",
        "charts",
        "--url=https://charts.example.com",
        "--interval=10m",
        "--label=team=web",
        "-n",
        &ns,
    ];
    kubectl_apply_export(bed, &create);
    set_simulated_status(
        bed,
        "HelmRepository",
        &ns,
        "charts",
        &FluxBehaviour::Ready {
            revision: "sha256:1".into(),
        },
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
        &[
            "create",
            "source",
            "helm",
            "another",
            "--url=https://a.example.com",
            "-n",
            &ns,
        ],
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
    let bed = flux_testbed!();
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

#[test]
fn check_pre_passes_on_kubernetes_1_36_and_reports_a_user_without_permissions() {
    let bed = flux_testbed!();
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

#[test]
fn check_reports_controllers_with_simulated_kubelet_and_crds() {
    let bed = flux_testbed!();
    // No kubelet: the controllers' pods never run, and check says so.
    let _kubelet = {
        let out = bed.floe().args(["check", "-o", "json"]).output().unwrap();
        if stdout_json(&out)["ok"] == true {
            None // another test's simulated kubelet already ran
        } else {
            assert_eq!(out.status.code(), Some(1));
            Some(simulated_kubelet(bed, "flux-system", PodBehaviour::Ready))
        }
    };
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
            "--timeout=60s",
            &format!("deployment/{deployment}"),
        ]);
    }
    bed.floe()
        .args(["check"])
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
    let bed = flux_testbed!();
    bed.floe()
        .args(["version"])
        .assert()
        .success()
        .stdout(format!(
            "floe: v{}\nflux: v2.9.4\ncluster: v2.9.4\n",
            env!("CARGO_PKG_VERSION")
        ));
    let out = bed
        .floe()
        .args(["version", "-o", "json", "-n", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(stdout_json(&out)["cluster"], Value::Null);
}

fn kubeconfig_with(dir: &std::path::Path, server: &str, user: &str) -> std::path::PathBuf {
    let path = dir.join(format!("kubeconfig-{}", server.len()));
    std::fs::write(
        &path,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: {server}\n    insecure-skip-tls-verify: true\ncontexts:\n- name: staging\n  context:\n    cluster: c\n    user: u\ncurrent-context: staging\nusers:\n- name: u\n  user:\n{user}"
        ),
    )
    .unwrap();
    path
}

#[test]
fn an_unreachable_server_is_named_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let port = common::free_port();
    let kubeconfig = kubeconfig_with(
        dir.path(),
        &format!("https://127.0.0.1:{port}"),
        "    token: abc\n",
    );
    let out = common::floe()
        .env("KUBECONFIG", &kubeconfig)
        .args(["get", "syncs"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "cannot reach the cluster of context \"staging\" at https://127.0.0.1:{port}"
        )),
        "{stderr}"
    );
}

#[test]
fn rejected_credentials_are_reported_as_such() {
    let bed = flux_testbed!();
    let config: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&bed.kubeconfig).unwrap()).unwrap();
    let server = config["clusters"][0]["cluster"]["server"].as_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = kubeconfig_with(dir.path(), server, "    token: expired-token\n");
    let out = common::floe()
        .env("KUBECONFIG", &kubeconfig)
        .args(["get", "all"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "the cluster of context \"staging\" at {server} rejected the credentials (401 Unauthorized)"
        )),
        "{stderr}"
    );
}

#[test]
fn kubeconfig_lists_contexts_and_exec_plugins_resolve_like_kubectl() {
    let bed = flux_testbed!();
    let dir = tempfile::tempdir().unwrap();
    let admin: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&bed.kubeconfig).unwrap()).unwrap();
    let server = admin["clusters"][0]["cluster"]["server"].as_str().unwrap();
    let user = &admin["users"][0]["user"];
    // An exec credential plugin that hands out the admin's client certificate.
    let cert = std::fs::read_to_string(user["client-certificate"].as_str().unwrap()).unwrap();
    let key = std::fs::read_to_string(user["client-key"].as_str().unwrap()).unwrap();
    let credential = serde_json::json!({
        "apiVersion": "client.authentication.k8s.io/v1",
        "kind": "ExecCredential",
        "status": {"clientCertificateData": cert, "clientKeyData": key}
    });
    let plugin = dir.path().join("credential-plugin");
    std::fs::write(dir.path().join("credential.json"), credential.to_string()).unwrap();
    std::fs::write(
        &plugin,
        format!(
            "#!/bin/sh\ncat '{}'\n",
            dir.path().join("credential.json").display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&plugin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let exec_user = format!(
        "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {}\n      interactiveMode: Never\n",
        plugin.display()
    );
    let exec_config = kubeconfig_with(dir.path(), server, &exec_user);
    // A second file whose current context is unreachable: the first file's wins, as in kubectl.
    let other = dir.path().join("other");
    std::fs::write(
        &other,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: far\n  cluster:\n    server: https://127.0.0.1:9\ncontexts:\n- name: far\n  context:\n    cluster: far\n    user: nobody\ncurrent-context: far\nusers:\n- name: nobody\n  user: {}\n",
    )
    .unwrap();
    let list = std::env::join_paths([&exec_config, &other]).unwrap();
    common::floe()
        .env("KUBECONFIG", &list)
        .args(["get", "syncs", "-A"])
        .assert()
        .success();
    common::floe()
        .env("KUBECONFIG", &list)
        .args(["get", "syncs", "--context", "far"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "context \"far\" at https://127.0.0.1:9",
        ));
    common::floe()
        .env("KUBECONFIG", &list)
        .args(["get", "syncs", "--context", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "context \"nope\" is not in the kubeconfig (contexts: staging, far)",
        ));
    common::floe()
        .args(["--kubeconfig"])
        .arg(&exec_config)
        .args(["get", "syncs", "-A"])
        .assert()
        .success();
}

#[test]
fn create_source_git_over_ssh_generates_a_deploy_key_with_simulated_flux() {
    let bed = flux_testbed!();
    let Some(sshd) = common::sshd::Sshd::start(None) else {
        return;
    };
    let ns = bed.namespace("ssh-key");
    let (_flux, _) = simulated_flux(
        bed,
        &ns,
        FluxBehaviour::Ready {
            revision: "main@sha1:ddd".into(),
        },
    );
    let url = format!("ssh://git@127.0.0.1:{}/org/app", sshd.port);
    let create = || {
        bed.floe()
            .args([
                "create",
                "source",
                "git",
                "app",
                "--branch=main",
                "--timeout=30s",
                "-n",
                &ns,
            ])
            .arg(format!("--url={url}"))
            .output()
            .unwrap()
    };
    let first = create();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let public_key = String::from_utf8(first.stdout).unwrap();
    assert!(
        public_key.starts_with("ecdsa-sha2-nistp384 "),
        "{public_key}"
    );
    assert!(String::from_utf8_lossy(&first.stderr).contains(&format!("Secret {ns}/app created")));

    let secret: Value =
        serde_json::from_str(&bed.kubectl_out(&["get", "secret", "app", "-n", &ns, "-o", "json"]))
            .unwrap();
    let decode = |key: &str| {
        let out = std::process::Command::new("base64")
            .arg("-d")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(secret["data"][key].as_str().unwrap().as_bytes())?;
                child.wait_with_output()
            })
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(decode("identity.pub"), public_key.trim_end());
    assert!(decode("identity").starts_with("-----BEGIN OPENSSH PRIVATE KEY-----"));
    let known_hosts = decode("known_hosts");
    assert!(
        known_hosts.starts_with(&format!("[127.0.0.1]:{} ssh-ed25519 ", sshd.port)),
        "{known_hosts}"
    );
    assert_eq!(
        bed.kubectl_out(&[
            "get",
            "gitrepository",
            "app",
            "-n",
            &ns,
            "-o",
            "jsonpath={.spec.secretRef.name}"
        ]),
        "app"
    );

    // A re-run keeps the key a user may already have registered.
    let second = create();
    assert!(second.status.success());
    assert_eq!(String::from_utf8(second.stdout).unwrap(), public_key);
    assert!(String::from_utf8_lossy(&second.stderr).contains("already has a key; keeping it"));
}
