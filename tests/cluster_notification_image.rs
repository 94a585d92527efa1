//! Notifications, image automation, secrets and tenants end to end on a real API server
//! (scripts/testbed) with the Flux 2.9.4 CRDs, the image automation ones included. The
//! controllers are simulated (tests/common/testbed.rs `simulated_notification_or_image`):
//! notification-controller serves a Receiver's webhook path from its token, image-reflector-
//! controller scans a simulated registry and resolves policies, image-automation-controller
//! records its runs. Test names say so.

mod common;

use common::testbed::{FluxBehaviour, TestBed, simulated_flux};
use predicates::prelude::*;
use serde_json::Value;

/// `floe ARGS -n NS --timeout=30s`.
fn floe_in(bed: &TestBed, ns: &str, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = bed.floe();
    cmd.args(args).args(["-n", ns, "--timeout=30s"]);
    cmd
}

/// The simulated controllers, every object Ready.
fn flux_ready(bed: &'static TestBed, ns: &str) -> (common::testbed::Background, Log) {
    simulated_flux(
        bed,
        ns,
        FluxBehaviour::Ready {
            revision: "main@sha1:1".into(),
        },
    )
}

type Log = std::sync::Arc<std::sync::Mutex<Vec<String>>>;

/// `create image repository podinfo` for ghcr.io/stefanprodan/podinfo, and the assertion.
fn create_repository(bed: &TestBed, ns: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    bed.floe()
        .args(["create", "image", "repository", "podinfo"])
        .arg("--image=ghcr.io/stefanprodan/podinfo")
        .args(["-n", ns, "--timeout=30s"])
        .args(extra)
        .assert()
        .success()
}

fn rows(bed: &TestBed, args: &[&str]) -> Vec<Value> {
    let out = bed.floe().args(args).args(["-o", "json"]).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn notifications_create_get_reconcile_suspend_export_delete_with_simulated_notification_controller()
{
    let bed = flux_testbed!();
    let ns = bed.namespace("notify");
    let (_flux, _log) = flux_ready(bed, &ns);

    // The webhook token: applied, and never printed.
    let token = "t0k3n-never-printed";
    let out = bed
        .floe()
        .args([
            "create",
            "secret",
            "receiver",
            "webhook-token",
            "--type=github",
            "--hostname=flux.example.com",
            "-n",
            &ns,
        ])
        .arg(format!("--token={token}"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.stdout.is_empty());
    assert!(!stderr.contains(token), "{stderr}");
    let secret_hook = format!("/hook/{}", sha256_hex(&format!("{token}webhook-token{ns}")));
    assert!(
        stderr.contains(&format!(
            "webhook URL: https://flux.example.com{secret_hook}"
        )),
        "{stderr}"
    );
    let stored = bed.kubectl_out(&[
        "get",
        "secret",
        "webhook-token",
        "-n",
        &ns,
        "-o",
        "jsonpath={.data.token}",
    ]);
    use base64::Engine;
    assert_eq!(
        base64::engine::general_purpose::STANDARD
            .decode(stored)
            .unwrap(),
        token.as_bytes()
    );

    // Providers and Alerts have no status: ready once they exist.
    bed.floe()
        .args([
            "create",
            "alert-provider",
            "slack",
            "--type=slack",
            "--channel=general",
            "--secret-ref=slack-url",
            "-n",
            &ns,
            "--timeout=20s",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ Provider {ns}/slack is ready"
        )));
    bed.floe()
        .args([
            "create",
            "alert",
            "ops",
            "--provider-ref=slack",
            "--event-severity=error",
            "--event-source=Kustomization/*,GitRepository/flux-system",
            "-n",
            &ns,
            "--timeout=20s",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ Alert {ns}/ops is ready"
        )));

    // The Receiver waits for notification-controller, which serves the hook of its own name.
    let receiver_hook = format!("/hook/{}", sha256_hex(&format!("{token}github{ns}")));
    floe_in(
        bed,
        &ns,
        &[
            "create",
            "receiver",
            "github",
            "--type=github",
            "--event=ping,push",
            "--resource=GitRepository/flux-system",
            "--secret-ref=webhook-token",
        ],
    )
    .assert()
    .success()
    .stderr(predicate::str::contains(format!(
        "✔ Receiver {ns}/github is ready at revision {receiver_hook}"
    )));

    // get: receivers show their webhook path; alerts and providers are ready by existing.
    bed.floe()
        .args(["get", "receivers", "-n", &ns])
        .assert()
        .success()
        .stdout(format!(
            "NAME     REVISION{pad}   SUSPENDED   READY   MESSAGE\ngithub   {receiver_hook}   False       True    Receiver initialized for path: {receiver_hook}\n",
            pad = " ".repeat(receiver_hook.len() - "REVISION".len())
        ));
    let alerts = rows(bed, &["get", "alerts", "-n", &ns]);
    assert_eq!(alerts[0]["name"], "ops");
    assert_eq!(alerts[0]["ready"], "True");
    assert_eq!(alerts[0]["message"], "Alert is Ready");
    assert_eq!(
        rows(bed, &["get", "alert-providers", "-n", &ns])[0]["name"],
        "slack"
    );

    // reconcile: a Receiver yes; an Alert is refused (nothing reconciles it) before any change.
    floe_in(bed, &ns, &["reconcile", "receiver", "github"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ Receiver {ns}/github reconciled at revision {receiver_hook}"
        )));
    bed.floe()
        .args(["reconcile", "alert", "ops", "-n", &ns])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Alert objects are not reconciled"));

    // suspend and resume an Alert; export prints what was declared, server defaults included.
    bed.floe()
        .args(["suspend", "alert", "ops", "-n", &ns])
        .assert()
        .success();
    assert_eq!(
        rows(bed, &["get", "alerts", "ops", "-n", &ns])[0]["suspended"],
        true
    );
    bed.floe()
        .args(["resume", "alert", "ops", "-n", &ns, "--timeout=20s"])
        .assert()
        .success();
    bed.floe()
        .args(["export", "alert", "ops", "-n", &ns])
        .assert()
        .success()
        .stdout(format!(
            "---\napiVersion: notification.toolkit.fluxcd.io/v1beta3\nkind: Alert\nmetadata:\n  name: ops\n  namespace: {ns}\nspec:\n  \
             eventSeverity: error\n  eventSources:\n  - kind: Kustomization\n    name: '*'\n  - kind: GitRepository\n    name: flux-system\n  \
             providerRef:\n    name: slack\n"
        ));
    // As flux's export golden for a Receiver: the server's default interval is part of it.
    bed.floe()
        .args(["export", "receiver", "github", "-n", &ns])
        .assert()
        .success()
        .stdout(format!(
            "---\napiVersion: notification.toolkit.fluxcd.io/v1\nkind: Receiver\nmetadata:\n  name: github\n  namespace: {ns}\nspec:\n  \
             events:\n  - ping\n  - push\n  interval: 10m0s\n  resources:\n  - kind: GitRepository\n    name: flux-system\n  \
             secretRef:\n    name: webhook-token\n  type: github\n"
        ));

    // A Receiver whose Secret is missing is named at once with the controller's message.
    bed.floe()
        .args([
            "create",
            "receiver",
            "broken",
            "--type=generic",
            "--resource=GitRepository/flux-system",
            "--secret-ref=missing",
            "-n",
            &ns,
            "--timeout=60s",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "unable to read token from secret '{ns}/missing'"
        )));

    bed.floe()
        .args(["delete", "alert-provider", "slack", "-n", &ns, "--yes"])
        .assert()
        .success();
    assert!(rows(bed, &["get", "alert-providers", "-n", &ns]).is_empty());
}

#[test]
fn image_automation_create_get_reconcile_suspend_export_with_simulated_image_controllers() {
    let bed = flux_testbed!();
    let ns = bed.namespace("images");
    let (_flux, log) = flux_ready(bed, &ns);

    create_repository(bed, &ns, &["--interval=5m"]).stderr(predicate::str::contains(format!(
        "✔ ImageRepository {ns}/podinfo is ready at revision 6 tags at"
    )));
    floe_in(
        bed,
        &ns,
        &[
            "create",
            "image",
            "policy",
            "podinfo",
            "--image-ref=podinfo",
            "--select-semver=5.0.x",
        ],
    )
    .assert()
    .success()
    .stderr(predicate::str::contains(format!(
        "✔ ImagePolicy {ns}/podinfo is ready at revision ghcr.io/stefanprodan/podinfo:5.0.3"
    )));
    floe_in(
        bed,
        &ns,
        &[
            "create",
            "image",
            "update",
            "apps",
            "--git-repo-ref=flux-system",
            "--git-repo-path=./apps",
            "--checkout-branch=main",
            "--author-name=flux",
            "--author-email=flux@example.com",
        ],
    )
    .assert()
    .success()
    .stderr(predicate::str::contains(format!(
        "✔ ImageUpdateAutomation {ns}/apps is ready"
    )));

    // get images all: each kind with its controller's words.
    let out = bed
        .floe()
        .args(["get", "images", "all", "-n", &ns])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("imagerepository/podinfo"), "{table}");
    assert!(table.contains("successful scan: found 6 tags"), "{table}");
    assert!(table.contains("imagepolicy/podinfo"), "{table}");
    assert!(
        table.contains("Latest image tag for ghcr.io/stefanprodan/podinfo resolved to 5.0.3"),
        "{table}"
    );
    assert!(table.contains("imageupdateautomation/apps"), "{table}");
    let policy = &rows(bed, &["get", "images", "policy", "podinfo", "-n", &ns])[0];
    assert_eq!(policy["revision"], "ghcr.io/stefanprodan/podinfo:5.0.3");

    // A new range: the policy resolves again.
    floe_in(
        bed,
        &ns,
        &[
            "create",
            "image",
            "policy",
            "podinfo",
            "--image-ref=podinfo",
            "--select-semver=5.x",
        ],
    )
    .assert()
    .success()
    .stderr(predicate::str::contains("podinfo:5.1.0"));

    // reconcile image repository --with-source is refused (a repository has no source);
    // reconcile image policy --with-source rescans the repository first.
    log.lock().unwrap().clear();
    floe_in(
        bed,
        &ns,
        &["reconcile", "image", "policy", "podinfo", "--with-source"],
    )
    .assert()
    .success()
    .stderr(predicate::str::contains(format!(
        "✔ ImageRepository {ns}/podinfo reconciled"
    )))
    .stderr(predicate::str::contains(format!(
        "✔ ImagePolicy {ns}/podinfo reconciled"
    )));
    let seen = log.lock().unwrap().clone();
    let position = |name: &str| seen.iter().position(|s| s == name);
    assert!(
        position("ImageRepository/podinfo") < position("ImagePolicy/podinfo"),
        "{seen:?}"
    );

    // suspend, resume, export, get all, export --all, delete.
    bed.floe()
        .args(["suspend", "image", "update", "apps", "-n", &ns])
        .assert()
        .success();
    assert_eq!(
        rows(bed, &["get", "image", "update", "-n", &ns])[0]["suspended"],
        true
    );
    floe_in(bed, &ns, &["resume", "image", "update", "apps"])
        .assert()
        .success();
    // Flux's export golden for an ImageRepository: the server's defaults included.
    bed.floe()
        .args(["export", "image", "repository", "podinfo", "-n", &ns])
        .assert()
        .success()
        .stdout(format!(
            "---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata:\n  name: podinfo\n  namespace: {ns}\nspec:\n  \
             exclusionList:\n  - ^.*\\.sig$\n  image: ghcr.io/stefanprodan/podinfo\n  interval: 5m0s\n  provider: generic\n"
        ));
    bed.floe()
        .args(["export", "image", "policy", "podinfo", "-n", &ns])
        .assert()
        .success()
        .stdout(format!(
            "---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImagePolicy\nmetadata:\n  name: podinfo\n  namespace: {ns}\nspec:\n  \
             digestReflectionPolicy: Never\n  imageRepositoryRef:\n    name: podinfo\n  policy:\n    semver:\n      range: 5.x\n"
        ));
    let all = rows(bed, &["get", "all", "-n", &ns]);
    let kinds: Vec<&str> = all.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["ImageRepository", "ImagePolicy", "ImageUpdateAutomation"]
    );
    let exported = bed
        .floe()
        .args(["export", "--all", "-n", &ns])
        .output()
        .unwrap();
    let text = String::from_utf8(exported.stdout).unwrap();
    for kind in [
        "kind: ImageRepository",
        "kind: ImagePolicy",
        "kind: ImageUpdateAutomation",
    ] {
        assert!(text.contains(kind), "{text}");
    }
    bed.floe()
        .args(["delete", "image", "policy", "podinfo", "-n", &ns, "--yes"])
        .assert()
        .success();
    assert!(rows(bed, &["get", "image", "policy", "-n", &ns]).is_empty());
}

#[test]
fn a_policy_whose_range_matches_no_tag_fails_fast_with_simulated_image_reflector() {
    let bed = flux_testbed!();
    let ns = bed.namespace("images-fail");
    let (_flux, _log) = flux_ready(bed, &ns);
    create_repository(bed, &ns, &[]);
    let started = std::time::Instant::now();
    bed.floe()
        .args([
            "create",
            "image",
            "policy",
            "podinfo",
            "--image-ref=podinfo",
            "--select-semver=9.x",
            "-n",
            &ns,
            "--timeout=120s",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no tag matches '9.x'"));
    // Named when the controller records the failure, long before --timeout.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn secrets_and_tenants_are_applied_without_printing_values_and_accepted_by_the_server() {
    let bed = flux_testbed!();
    let ns = bed.namespace("secrets");
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.crt");
    std::fs::write(&ca, "ca-data").unwrap();
    let password = "s3cret-never-shown";
    let cases: Vec<Vec<String>> = vec![
        vec![
            "git".into(),
            "https-auth".into(),
            "--url=https://git.example.com/a".into(),
            "--username=bot".into(),
            format!("--password={password}"),
            format!("--ca-crt-file={}", ca.display()),
        ],
        vec![
            "helm".into(),
            "helm-auth".into(),
            "--username=bot".into(),
            format!("--password={password}"),
        ],
        vec![
            "oci".into(),
            "registry".into(),
            "--url=ghcr.io".into(),
            "--username=bot".into(),
            format!("--password={password}"),
        ],
        vec![
            "proxy".into(),
            "proxy".into(),
            "--address=http://proxy.example.com:3128".into(),
            "--username=bot".into(),
            format!("--password={password}"),
        ],
    ];
    for case in &cases {
        // Applied: nothing on stdout, the value nowhere in the output.
        let out = bed
            .floe()
            .args(["create", "secret"])
            .args(case)
            .args(["-n", &ns])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{case:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "{case:?}");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains(password),
            "{case:?}"
        );
        // Exported: what the server accepts as it is.
        let exported = bed
            .floe()
            .args(["create", "secret"])
            .args(case)
            .args(["-n", &ns, "--export"])
            .output()
            .unwrap();
        let result = bed.kubectl_with_input(
            &["apply", "--dry-run=server", "-o", "name", "-f", "-"],
            &exported.stdout,
        );
        assert!(
            result.status.success(),
            "{case:?}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
    }
    let stored = bed.kubectl_out(&[
        "get",
        "secret",
        "registry",
        "-n",
        &ns,
        "-o",
        "jsonpath={.type}",
    ]);
    assert_eq!(stored, "kubernetes.io/dockerconfigjson");
    let stored = bed.kubectl_out(&[
        "get",
        "secret",
        "helm-auth",
        "-n",
        &ns,
        "-o",
        "jsonpath={.type}",
    ]);
    assert_eq!(stored, "kubernetes.io/basic-auth");

    // A tenant: namespace, ServiceAccount and RoleBinding, applied in order.
    let tenant_ns = format!("{ns}-t");
    bed.floe()
        .args(["create", "tenant", "dev-team", "--cluster-role=view"])
        .arg(format!("--with-namespace={tenant_ns}"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "✔ RoleBinding/dev-team-reconciler created",
        ));
    let subjects = bed.kubectl_out(&[
        "get",
        "rolebinding",
        "dev-team-reconciler",
        "-n",
        &tenant_ns,
        "-o",
        "jsonpath={.subjects[*].name}",
    ]);
    assert_eq!(subjects, format!("gotk:{tenant_ns}:reconciler dev-team"));
    let labels = bed.kubectl_out(&[
        "get",
        "namespace",
        &tenant_ns,
        "-o",
        "jsonpath={.metadata.labels.toolkit\\.fluxcd\\.io/tenant}",
    ]);
    assert_eq!(labels, "dev-team");
    bed.kubectl_out(&["delete", "namespace", &tenant_ns, "--wait=false"]);
}

/// flux's export goldens (cmd/flux/testdata/export: alert, provider, receiver, image-policy,
/// image-repo, image-update), byte for byte: each applied as it is (the server's defaults are
/// already in them), then exported by floe.
#[test]
fn exports_match_flux_export_goldens() {
    let bed = flux_testbed!();
    let ns = bed.namespace("export-goldens");
    let meta = |kind: &str, group: &str, name: &str| {
        format!(
            "---\napiVersion: {group}\nkind: {kind}\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n"
        )
    };
    let goldens = [
        (
            "alert",
            meta(
                "Alert",
                "notification.toolkit.fluxcd.io/v1beta3",
                "flux-system",
            ) + "  eventSeverity: info\n  eventSources:\n  - kind: GitRepository\n    name: '*'\n  - kind: Kustomization\n    name: '*'\n  \
                   providerRef:\n    name: slack\n  summary: Slacktest Notification\n",
        ),
        (
            "alert-provider",
            meta(
                "Provider",
                "notification.toolkit.fluxcd.io/v1beta3",
                "slack",
            ) + "  address: https://hooks.slack.com/services/mock\n  channel: A channel with spacess\n  type: slack\n",
        ),
        (
            "receiver",
            meta(
                "Receiver",
                "notification.toolkit.fluxcd.io/v1",
                "flux-system",
            ) + "  events:\n  - ping\n  - push\n  interval: 10m0s\n  resources:\n  - kind: GitRepository\n    name: flux-system\n    \
                   namespace: flux-system\n  secretRef:\n    name: webhook-token\n  type: github\n",
        ),
        (
            "image policy",
            meta("ImagePolicy", "image.toolkit.fluxcd.io/v1", "flux-system")
                + "  digestReflectionPolicy: Never\n  imageRepositoryRef:\n    name: flux-system\n  policy:\n    semver:\n      range: 5.0.x\n",
        ),
        (
            "image repository",
            meta(
                "ImageRepository",
                "image.toolkit.fluxcd.io/v1",
                "flux-system",
            ) + "  exclusionList:\n  - ^.*\\.sig$\n  image: ghcr.io/test/podinfo\n  interval: 1m0s\n  provider: generic\n",
        ),
        (
            "image update",
            meta(
                "ImageUpdateAutomation",
                "image.toolkit.fluxcd.io/v1",
                "flux-system",
            ) + "  git:\n    commit:\n      author:\n        email: fluxcdbot@users.noreply.github.com\n        name: fluxcdbot\n      \
                   signingKey:\n        secretRef:\n          name: my-signing-key\n        type: ssh\n  interval: 1m0s\n  sourceRef:\n    \
                   kind: GitRepository\n    name: flux-system\n  update:\n    path: ./clusters/my-cluster\n    strategy: Setters\n",
        ),
    ];
    for (words, golden) in &goldens {
        let applied = bed.kubectl_with_input(&["apply", "-f", "-"], golden.as_bytes());
        assert!(
            applied.status.success(),
            "{words}: {}",
            String::from_utf8_lossy(&applied.stderr)
        );
        let name = golden
            .lines()
            .find_map(|l| l.strip_prefix("  name: "))
            .unwrap();
        let out = bed
            .floe()
            .arg("export")
            .args(words.split(' '))
            .args([name, "-n", &ns])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{words}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8(out.stdout).unwrap(), *golden, "{words}");
    }
}
