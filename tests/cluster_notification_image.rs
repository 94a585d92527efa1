//! Notifications, image automation, secrets and tenants end to end on the real engine: Flux
//! 2.9.4's own notification-, image-reflector- and image-automation-controllers (with source-
//! and kustomize-controller), built by scripts/testbed and run as host processes under their
//! ServiceAccounts, on a real Kubernetes 1.36 control plane. notification-controller serves a
//! Receiver's webhook path from its token; image-reflector-controller scans a real OCI registry
//! (distribution v3.1.2 on 127.0.0.1, tags pushed by `flux push artifact`) and resolves
//! policies; image-automation-controller writes the chosen tag into a Git repository served
//! over HTTPS with a private CA and token authentication (the Git side of the GitHub stand-in
//! in tests/common/github.rs) and pushes the commit. Simulated: the kubelet (KWOK marks Pods
//! Running and Ready) and container images (the registry holds OCI artifacts under the tags;
//! nothing runs in the Pods).
//!
//! Every wait is on a condition, by floe's own `--timeout` or by [`eventually`], with a
//! deadline generous for a loaded 2-core machine and a message naming what it waited for.

mod common;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::engine::{App, IMAGE_CONTROLLERS, eventually, installed};
use common::testbed::{TestBed, engine_bin};
use predicates::prelude::*;
use serde_json::Value;

/// The test bed with the real engine, Flux installed on it once (the image automation
/// controllers included).
fn engine() -> Option<&'static TestBed> {
    installed(IMAGE_CONTROLLERS)
}

macro_rules! engine {
    () => {
        match engine() {
            Some(bed) => bed,
            None => return,
        }
    };
}

/// `floe ARGS -n NS --timeout=2m`.
fn floe_in(bed: &TestBed, ns: &str, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = bed.floe();
    cmd.args(args).args(["-n", ns, "--timeout=2m"]);
    cmd
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

/// A real OCI registry (distribution, `registry serve`) on 127.0.0.1, its storage in a
/// temporary directory; stopped when dropped. go-containerregistry (flux's push, and the
/// image-reflector-controller's scans) talks plain HTTP to a loopback registry.
struct Registry {
    /// `127.0.0.1:PORT`.
    host: String,
    child: Child,
    dir: tempfile::TempDir,
}

impl Registry {
    fn start() -> Registry {
        let dir = tempfile::tempdir().unwrap();
        let host = format!("127.0.0.1:{}", common::free_port());
        let config = dir.path().join("config.yml");
        std::fs::create_dir_all(dir.path().join("storage")).unwrap();
        std::fs::write(
            &config,
            format!(
                "version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: {}\nhttp:\n  addr: {host}\n",
                dir.path().join("storage").display()
            ),
        )
        .unwrap();
        let log = std::fs::File::create(dir.path().join("registry.log")).unwrap();
        let child = Command::new(engine_bin("registry"))
            .arg("serve")
            .arg(&config)
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("the registry starts");
        let registry = Registry { host, child, dir };
        eventually(
            "the OCI registry to answer on /v2/",
            Duration::from_secs(60),
            || registry.answers().then_some(()),
        );
        registry
    }

    /// Whether `GET /v2/` answers 200.
    fn answers(&self) -> bool {
        use std::io::{Read, Write};
        let Ok(mut stream) = std::net::TcpStream::connect(&self.host) else {
            return false;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let request = format!(
            "GET /v2/ HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.host
        );
        if stream.write_all(request.as_bytes()).is_err() {
            return false;
        }
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        response.starts_with("HTTP/1.1 200")
    }

    /// `HOST:PORT/NAME`, the image an ImageRepository scans.
    fn image(&self, name: &str) -> String {
        format!("{}/{name}", self.host)
    }

    /// Pushes an artifact to `name` under every tag in `tags`: `flux push artifact` for the
    /// first, `flux tag artifact` for the rest.
    fn push(&self, name: &str, tags: &[&str]) {
        let content: PathBuf = self.dir.path().join("artifact");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::write(content.join("app.yaml"), format!("tags: {tags:?}\n")).unwrap();
        let first = format!("oci://{}:{}", self.image(name), tags[0]);
        let mut push = Command::new(engine_bin("flux"));
        push.args(["push", "artifact", &first, "--source=floe-tests"])
            .arg("--revision=main@sha1:0000000000000000000000000000000000000000")
            .arg(format!("--path={}", content.display()));
        run(&mut push);
        if tags.len() > 1 {
            let mut tag = Command::new(engine_bin("flux"));
            tag.args(["tag", "artifact", &first]);
            for t in &tags[1..] {
                tag.arg(format!("--tag={t}"));
            }
            run(&mut tag);
        }
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a command that must succeed, with its output shown when it does not.
fn run(cmd: &mut Command) {
    let out = cmd.output().expect("the command runs");
    assert!(
        out.status.success(),
        "{cmd:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The tags the registry holds for the image tests.
const TAGS: &[&str] = &["5.0.0", "5.0.1", "5.0.3", "5.1.0", "6.0.0", "latest"];

/// `create image repository podinfo` for the registry's podinfo, and the assertion.
fn create_repository(
    bed: &TestBed,
    ns: &str,
    image: &str,
    extra: &[&str],
) -> assert_cmd::assert::Assert {
    bed.floe()
        .args(["create", "image", "repository", "podinfo"])
        .arg(format!("--image={image}"))
        .args(["-n", ns, "--timeout=2m"])
        .args(extra)
        .assert()
        .success()
}

#[test]
fn notifications_create_get_reconcile_suspend_export_delete_on_the_real_notification_controller() {
    let bed = engine!();
    let ns = bed.namespace("notify");

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
            "--timeout=2m",
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
            "--timeout=2m",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ Alert {ns}/ops is ready"
        )));

    // The Receiver waits for the real notification-controller, which serves the hook of its
    // own name: sha256(token + name + namespace).
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
        .args(["resume", "alert", "ops", "-n", &ns, "--timeout=2m"])
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
            "--timeout=2m",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "unable to read token from secret '{ns}/missing'"
        )));

    // flux's spelling of --yes: -s/--silent.
    bed.floe()
        .args(["delete", "alert-provider", "slack", "-n", &ns, "--silent"])
        .assert()
        .success();
    assert!(rows(bed, &["get", "alert-providers", "-n", &ns]).is_empty());
}

#[test]
fn image_automation_create_get_reconcile_suspend_export_on_the_real_image_controllers() {
    let bed = engine!();
    let app = App::new(bed, "images");
    let ns = app.ns.clone();
    let registry = Registry::start();
    registry.push("podinfo", TAGS);
    let image = registry.image("podinfo");
    // The manifest image-automation-controller updates: a setter marker naming the policy.
    app.push(
        "alice",
        &[(
            "apps/podinfo.yaml",
            &podinfo_deployment(&format!("{image}:5.0.0"), &ns),
        )],
        "podinfo, automated",
    );

    create_repository(bed, &ns, &image, &["--interval=5m"]).stderr(predicate::str::contains(
        format!("✔ ImageRepository {ns}/podinfo is ready at revision 6 tags at"),
    ));
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
        "✔ ImagePolicy {ns}/podinfo is ready at revision {image}:5.0.3"
    )));
    floe_in(
        bed,
        &ns,
        &[
            "create",
            "image",
            "update",
            "apps",
            "--git-repo-ref=app",
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

    // The real image-automation-controller pushed a commit to main, as its author, with the
    // tag the policy chose; floe shows that commit as the automation's revision.
    let head = app.gh.git("me", "app", &["rev-parse", "main"]);
    let automation = &rows(bed, &["get", "image", "update", "apps", "-n", &ns])[0];
    assert_eq!(automation["revision"], head.as_str(), "{automation}");
    assert_eq!(automation["ready"], "True", "{automation}");
    assert_eq!(
        app.gh
            .git("me", "app", &["log", "-1", "--format=%an <%ae>", "main"]),
        "flux <flux@example.com>"
    );
    let updated = app.gh.git("me", "app", &["show", "main:apps/podinfo.yaml"]);
    assert!(
        updated.contains(&format!("image: {image}:5.0.3 #")),
        "{updated}"
    );

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
        table.contains(&format!("Latest image tag for {image} resolved to 5.0.3")),
        "{table}"
    );
    assert!(table.contains("imageupdateautomation/apps"), "{table}");
    assert!(table.contains("repository up-to-date"), "{table}");
    let policy = &rows(bed, &["get", "images", "policy", "podinfo", "-n", &ns])[0];
    assert_eq!(policy["revision"], format!("{image}:5.0.3"));

    // A new range: the policy resolves again, and the automation pushes the new tag.
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
    eventually(
        "image-automation-controller to push podinfo:5.1.0 to main",
        Duration::from_secs(120),
        || {
            app.gh
                .git("me", "app", &["show", "main:apps/podinfo.yaml"])
                .contains(&format!("image: {image}:5.1.0 #"))
                .then_some(())
        },
    );

    // reconcile image policy --with-source rescans the repository first: a tag pushed since
    // the last scan (the repository's interval is 5 minutes) is what the policy resolves to
    // once floe returns, and floe names the repository before the policy.
    registry.push("podinfo", &["5.1.1"]);
    let out = floe_in(
        bed,
        &ns,
        &["reconcile", "image", "policy", "podinfo", "--with-source"],
    )
    .output()
    .unwrap();
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{said}");
    let repository_done = said
        .find(&format!("✔ ImageRepository {ns}/podinfo reconciled"))
        .unwrap_or_else(|| panic!("{said}"));
    let policy_done = said
        .find(&format!("✔ ImagePolicy {ns}/podinfo reconciled"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(repository_done < policy_done, "{said}");
    let policy = &rows(bed, &["get", "images", "policy", "podinfo", "-n", &ns])[0];
    assert_eq!(policy["revision"], format!("{image}:5.1.1"), "{policy}");
    let repository = &rows(bed, &["get", "images", "repository", "podinfo", "-n", &ns])[0];
    assert!(
        repository["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("successful scan: found 7 tags")),
        "{repository}"
    );

    // An ImageRepository has no source to reconcile first: refused.
    floe_in(
        bed,
        &ns,
        &[
            "reconcile",
            "image",
            "repository",
            "podinfo",
            "--with-source",
        ],
    )
    .assert()
    .code(1)
    .stderr(predicate::str::contains(format!(
        "ImageRepository {ns}/podinfo reads from a kind floe does not reconcile"
    )));

    // reconcile image update --with-source: the GitRepository, then the automation, which has
    // pushed 5.1.1 (the policy's latest) by the time it reports the reconcile handled.
    floe_in(
        bed,
        &ns,
        &["reconcile", "image", "update", "apps", "--with-source"],
    )
    .assert()
    .success()
    .stderr(predicate::str::contains(format!(
        "✔ GitRepository {ns}/app reconciled"
    )))
    .stderr(predicate::str::contains(format!(
        "✔ ImageUpdateAutomation {ns}/apps reconciled"
    )));
    let head = app.gh.git("me", "app", &["rev-parse", "main"]);
    let updated = app.gh.git("me", "app", &["show", "main:apps/podinfo.yaml"]);
    assert!(
        updated.contains(&format!("image: {image}:5.1.1 #")),
        "{updated}"
    );
    assert_eq!(
        rows(bed, &["get", "image", "update", "apps", "-n", &ns])[0]["revision"],
        head.as_str()
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
    assert_eq!(
        rows(bed, &["get", "image", "update", "-n", &ns])[0]["suspended"],
        false
    );
    // Flux's export golden for an ImageRepository: the server's defaults included.
    bed.floe()
        .args(["export", "image", "repository", "podinfo", "-n", &ns])
        .assert()
        .success()
        .stdout(format!(
            "---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata:\n  name: podinfo\n  namespace: {ns}\nspec:\n  \
             exclusionList:\n  - ^.*\\.sig$\n  image: {image}\n  interval: 5m0s\n  provider: generic\n"
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
        [
            "GitRepository",
            "Kustomization",
            "ImageRepository",
            "ImagePolicy",
            "ImageUpdateAutomation"
        ]
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

/// A Deployment of `image` with image-automation-controller's setter marker for the policy
/// `podinfo` in `ns`.
fn podinfo_deployment(image: &str, ns: &str) -> String {
    format!(
        "apiVersion: apps/v1
kind: Deployment
metadata:
  name: podinfo
spec:
  replicas: 1
  selector:
    matchLabels:
      app: podinfo
  template:
    metadata:
      labels:
        app: podinfo
    spec:
      containers:
      - name: podinfo
        image: {image} # {{\"$imagepolicy\": \"{ns}:podinfo\"}}
"
    )
}

#[test]
fn a_policy_whose_range_matches_no_tag_fails_fast_on_the_real_image_reflector() {
    let bed = engine!();
    let ns = bed.namespace("images-fail");
    let registry = Registry::start();
    registry.push("podinfo", TAGS);
    create_repository(bed, &ns, &registry.image("podinfo"), &[]);
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
            "--timeout=180s",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unable to determine latest version from provided list",
        ));
    // Named when the controller records the failure, long before --timeout.
    assert!(started.elapsed() < Duration::from_secs(90));
}

#[test]
fn secrets_and_tenants_are_applied_without_printing_values_and_accepted_by_the_server() {
    let bed = engine!();
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
    let bed = engine!();
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
