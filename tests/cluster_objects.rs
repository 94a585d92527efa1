//! Flux objects on the real engine: create, get, watch, reconcile, suspend, resume, export,
//! delete, check, and how connection failures read. Real: a Kubernetes 1.36 API server and Flux
//! 2.9.4's own controllers (built from their Go modules by scripts/testbed, host processes under
//! their ServiceAccounts, installed once per binary by floe with the image automation
//! controllers), Git (`git http-backend` over HTTPS with a private CA and token authentication,
//! the Git side of the GitHub stand-in in tests/common/github.rs; OpenSSH's sshd for SSH) and a
//! Helm repository (a static HTTP server). Simulated: the kubelet (KWOK marks Pods Running and
//! Ready) and container images (nothing runs in the Pods). What needs no Flux at all (a
//! controller that is absent or never ready) is in tests/cluster_no_flux.rs.
//!
//! Objects the controllers must not touch (a thousand sources that only fill list pages, a
//! source whose unreconciled state a watch prints first) are created suspended. Every wait is
//! on a condition, by floe's own `--timeout` or by [`eventually`], with a deadline generous
//! for a loaded 2-core machine and a message naming what it waited for.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use common::engine::{App, IMAGE_CONTROLLERS, config, eventually, installed};
use common::github::{FakeGitHub, TOKEN};
use common::testbed::TestBed;
use predicates::prelude::*;
use serde_json::Value;

/// The test bed with the real engine, Flux installed on it once (the image automation
/// controllers included: `check` reports them).
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

/// Long enough for the real controllers on a loaded 2-core machine.
const PATIENCE: Duration = Duration::from_secs(120);

fn stdout_json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// A Git server (HTTPS, private CA, token) with repository `me/<repo>` holding `files`, and
/// the Secret `git-auth` in `ns` that lets source-controller read it.
struct GitServer {
    gh: FakeGitHub,
    repo: String,
}

impl GitServer {
    fn start(bed: &TestBed, ns: &str, repo: &str, files: &[(&str, &str)]) -> GitServer {
        let gh = FakeGitHub::start();
        gh.seed_repo("me", repo, true, files);
        let server = GitServer {
            gh,
            repo: repo.to_string(),
        };
        bed.floe()
            .args(["create", "secret", "git", "git-auth", "-n", ns])
            .arg(format!("--url={}", server.url()))
            .args(["--username=git", &format!("--password={TOKEN}")])
            .arg(format!("--ca-crt-file={}", server.gh.ca_file.display()))
            .assert()
            .success();
        server
    }

    fn url(&self) -> String {
        format!("https://{}/me/{}.git", self.gh.host, self.repo)
    }

    /// `main@sha1:<head of main>`, as source-controller names the revision.
    fn head(&self) -> String {
        format!(
            "main@sha1:{}",
            self.gh.git("me", &self.repo, &["rev-parse", "main"])
        )
    }
}

/// `create source git NAME` from the Git server, with its credentials.
fn git_source(bed: &TestBed, ns: &str, name: &str, server: &GitServer) -> assert_cmd::Command {
    let mut cmd = bed.floe();
    cmd.args(["create", "source", "git", name, "--branch=main", "-n", ns])
        .arg(format!("--url={}", server.url()))
        .args(["--secret-ref=git-auth", "--timeout=2m"]);
    cmd
}

/// A URL where nothing listens: source-controller's clone is refused.
fn refused_url() -> String {
    format!("https://127.0.0.1:{}/org/gone.git", common::free_port())
}

/// Applies what `floe create ... --export` prints with kubectl, so tests can set up objects
/// without waiting on their status.
fn kubectl_apply_export(bed: &TestBed, args: &[&str]) {
    let output = common::floe().args(args).arg("--export").output().unwrap();
    assert!(output.status.success());
    let applied = bed.kubectl_with_input(&["apply", "-f", "-"], &output.stdout);
    assert!(applied.status.success(), "{applied:?}");
}

/// Like [`kubectl_apply_export`], with `spec.suspend: true` added: the controllers skip the
/// object, so it keeps the state it was created in.
fn kubectl_apply_suspended(bed: &TestBed, args: &[&str]) {
    let output = common::floe().args(args).arg("--export").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("\nspec:\n"), "{text}");
    let suspended = text.replacen("\nspec:\n", "\nspec:\n  suspend: true\n", 1);
    let applied = bed.kubectl_with_input(&["apply", "-f", "-"], suspended.as_bytes());
    assert!(applied.status.success(), "{applied:?}");
}

/// floe's table: every column but the last padded to its widest cell plus three spaces.
fn table(rows: &[&[&str]]) -> String {
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap())
        .collect();
    let mut out = String::new();
    for row in rows {
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == columns {
                out.push_str(cell);
            } else {
                out.push_str(&format!("{cell:<width$}   ", width = widths[c]));
            }
        }
        out.push('\n');
    }
    out
}

/// One field of a live object, by kubectl's jsonpath.
fn field(bed: &TestBed, kind: &str, ns: &str, name: &str, path: &str) -> String {
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

/// The reconcile request on the object and the one its controller last handled.
fn request_and_handled(bed: &TestBed, kind: &str, ns: &str, name: &str) -> (String, String) {
    let both = field(
        bed,
        kind,
        ns,
        name,
        "{.metadata.annotations.reconcile\\.fluxcd\\.io/requestedAt}={.status.lastHandledReconcileAt}",
    );
    let (asked, handled) = both.split_once('=').unwrap();
    (asked.to_string(), handled.to_string())
}

/// The Ready condition's status and message, once the controller has written one that
/// `wanted` accepts.
fn ready_when(
    bed: &TestBed,
    kind: &str,
    ns: &str,
    name: &str,
    wanted: impl Fn(&str, &str) -> bool,
) -> (String, String) {
    eventually(
        &format!("{kind} {ns}/{name} to reach the expected Ready condition"),
        PATIENCE,
        || {
            let both = field(
                bed,
                kind,
                ns,
                name,
                "{.status.conditions[?(@.type==\"Ready\")].status}={.status.conditions[?(@.type==\"Ready\")].message}",
            );
            let (status, message) = both.split_once('=')?;
            wanted(status, message).then(|| (status.to_string(), message.to_string()))
        },
    )
}

#[test]
fn create_source_then_get_shows_it_ready_on_the_real_controllers() {
    let bed = engine!();
    let ns = bed.namespace("create-get");
    let server = GitServer::start(bed, &ns, "podinfo", &[("apps/config.yaml", &config("hi"))]);
    let head = server.head();
    git_source(bed, &ns, "podinfo", &server)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ GitRepository {ns}/podinfo created"
        )))
        .stderr(predicate::str::contains(format!(
            "is ready at revision {head}"
        )));
    // source-controller itself fetched it: its artifact is that commit, for this generation.
    assert_eq!(
        field(
            bed,
            "gitrepository",
            &ns,
            "podinfo",
            "{.status.artifact.revision}/{.status.observedGeneration}/{.metadata.generation}"
        ),
        format!("{head}/1/1")
    );

    // Applied by floe with server-side apply, as kubectl shows.
    let managers = field(
        bed,
        "gitrepository",
        &ns,
        "podinfo",
        "{.metadata.managedFields[*].manager}/{.metadata.managedFields[*].operation}",
    );
    assert!(managers.starts_with("floe"), "{managers}");
    assert!(managers.contains("Apply"), "{managers}");

    let message = format!("stored artifact for revision '{head}'");
    bed.floe()
        .args(["get", "sources", "git", "-n", &ns])
        .assert()
        .success()
        .stdout(table(&[
            &["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"],
            &["podinfo", &head, "False", "True", &message],
        ]));

    // Creating the same object again changes nothing.
    git_source(bed, &ns, "podinfo", &server)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "✔ GitRepository {ns}/podinfo unchanged"
        )));
}

/// A token the Git server refuses: the real source-controller's clone fails, and floe reports
/// its Ready message instead of waiting out the timeout.
#[test]
fn create_reports_the_ready_message_when_the_real_source_controller_fails() {
    let bed = engine!();
    let ns = bed.namespace("create-fail");
    let server = GitServer::start(bed, &ns, "private", &[("apps/config.yaml", &config("hi"))]);
    bed.floe()
        .args(["create", "secret", "git", "wrong-auth", "-n", &ns])
        .arg(format!("--url={}", server.url()))
        .args(["--username=git", "--password=ghp_revoked"])
        .arg(format!("--ca-crt-file={}", server.gh.ca_file.display()))
        .assert()
        .success();
    let started = std::time::Instant::now();
    let out = bed
        .floe()
        .args([
            "create",
            "source",
            "git",
            "private",
            "--branch=main",
            "-n",
            &ns,
        ])
        .arg(format!("--url={}", server.url()))
        .args(["--secret-ref=wrong-auth", "--timeout=2m"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let (_, message) = ready_when(bed, "gitrepository", &ns, "private", |s, _| s == "False");
    eprintln!("REAL MESSAGE: {message}");
    assert!(
        stderr.contains(&format!(
            "GitRepository {ns}/private is not ready: {message}"
        )),
        "{stderr}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(100),
        "reported after {:?}, not before the timeout",
        started.elapsed()
    );
}

/// More objects than one list page (500, kubectl's chunk size): every page is read, each
/// object once, and the rows come out sorted. Suspended, so the real source-controller leaves
/// the thousand sources alone.
#[test]
fn get_reads_every_page_of_a_long_list() {
    let bed = engine!();
    let ns = bed.namespace("pages");
    let items: Vec<Value> = (0..1203)
        .map(|i| {
            serde_json::json!({
                "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
                "metadata": {"name": format!("repo-{i:04}"), "namespace": ns},
                "spec": {"interval": "10m", "url": format!("https://git.example.com/r/{i}"),
                         "suspend": true}
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

/// A ready source (alpha, from the HTTPS Git server), a failing one (beta, nothing listens at
/// its URL) and a sync reading beta's missing artifact, in the states the real controllers
/// put them in.
#[test]
fn get_tables_json_yaml_and_status_selector_on_the_real_controllers() {
    let bed = engine!();
    let ns = bed.namespace("get");
    let server = GitServer::start(bed, &ns, "alpha", &[("apps/config.yaml", &config("hi"))]);
    let head = server.head();
    git_source(bed, &ns, "alpha", &server).assert().success();
    let refused = refused_url();
    kubectl_apply_export(
        bed,
        &[
            "create",
            "source",
            "git",
            "beta",
            &format!("--url={refused}"),
            "--branch=main",
            "-n",
            &ns,
        ],
    );
    kubectl_apply_export(
        bed,
        &[
            "create",
            "sync",
            "apps",
            "--source=beta",
            "--path=./apps",
            "-n",
            &ns,
        ],
    );
    let (_, beta_message) = ready_when(bed, "gitrepository", &ns, "beta", |s, m| {
        s == "False" && m.contains("connection refused")
    });
    let (_, apps_message) = ready_when(bed, "kustomization", &ns, "apps", |s, m| {
        s == "False" && !m.is_empty()
    });
    eprintln!("REAL MESSAGES: beta: {beta_message}\napps: {apps_message}");

    let alpha_message = format!("stored artifact for revision '{head}'");
    bed.floe()
        .args(["get", "sources", "git", "-n", &ns])
        .assert()
        .success()
        .stdout(table(&[
            &["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"],
            &["alpha", &head, "False", "True", &alpha_message],
            &["beta", "", "False", "False", &beta_message],
        ]));

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
    assert_eq!(rows[2]["message"], apps_message.as_str());
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

/// Lines of a child's stdout, read on a thread so a wait for the next one has a deadline.
fn lines_of(stdout: std::process::ChildStdout) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The next line within `limit`, failing the test naming `what` otherwise.
fn next_line(lines: &mpsc::Receiver<String>, what: &str, limit: Duration) -> String {
    lines
        .recv_timeout(limit)
        .unwrap_or_else(|e| panic!("waited {limit:?} for {what}, in vain ({e})"))
}

/// The watch prints the source as created (suspended, so no controller has touched it yet),
/// then each change as the real source-controller writes it, until it is ready.
#[test]
fn get_watch_prints_changes_as_the_real_source_controller_reports_them() {
    let bed = engine!();
    let ns = bed.namespace("watch");
    let server = GitServer::start(bed, &ns, "web", &[("apps/config.yaml", &config("hi"))]);
    let head = server.head();
    kubectl_apply_suspended(
        bed,
        &[
            "create",
            "source",
            "git",
            "web",
            &format!("--url={}", server.url()),
            "--secret-ref=git-auth",
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
    let lines = lines_of(child.stdout.take().unwrap());
    assert_eq!(
        next_line(&lines, "the header", PATIENCE),
        "NAME\tREVISION\tSUSPENDED\tREADY\tMESSAGE"
    );
    assert_eq!(
        next_line(&lines, "the row of the new source", PATIENCE),
        "web\t\tTrue\tFalse\twaiting to be reconciled"
    );
    bed.floe()
        .args(["resume", "source", "git", "web", "-n", &ns, "--timeout=2m"])
        .assert()
        .success();
    let ready = format!("web\t{head}\tFalse\tTrue\tstored artifact for revision '{head}'");
    let deadline = std::time::Instant::now() + PATIENCE;
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let line = next_line(
            &lines,
            &format!("the watch to print the ready source (after {seen:?})"),
            left,
        );
        seen.push(line.clone());
        if line == ready {
            break;
        }
        assert!(line.starts_with("web\t"), "{seen:?}");
    }
    eprintln!("WATCH PRINTED: {seen:#?}");
    child.kill().unwrap();
    child.wait().unwrap();
}

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
    let bed = engine!();
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
    let bed = engine!();
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

/// Over SSH without credentials, create generates a key pair, stores it with the host's key
/// (scanned) in a Secret and prints the public key to register as a deploy key. The real
/// source-controller clones from OpenSSH's sshd with that key: refused until the key is
/// registered (authorized_keys), ready once it is; a re-run keeps the registered key.
#[test]
fn create_source_git_over_ssh_generates_a_deploy_key_the_real_source_controller_uses() {
    let bed = engine!();
    let dir = tempfile::tempdir().unwrap();
    let authorized = dir.path().join("authorized_keys");
    std::fs::write(&authorized, "").unwrap();
    let Some(sshd) = common::sshd::Sshd::start(Some(&authorized)) else {
        return;
    };
    let ns = bed.namespace("ssh-key");
    let bare = dir.path().join("app.git");
    common::github::create_bare(&bare, &[("apps/config.yaml", &config("hi"))]);
    let head = format!(
        "main@sha1:{}",
        common::github::git(&bare, &["rev-parse", "main"])
    );
    // sshd runs git-upload-pack as the user who logs in: the test's own.
    let user = String::from_utf8(
        std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .to_string();
    let url = format!("ssh://{user}@127.0.0.1:{}{}", sshd.port, bare.display());
    let create = || {
        bed.floe()
            .args([
                "create",
                "source",
                "git",
                "app",
                "--branch=main",
                "--timeout=2m",
                "-n",
                &ns,
            ])
            .arg(format!("--url={url}"))
            .output()
            .unwrap()
    };
    // No terminal to ask whether the key was added: floe applies the source at once, and the
    // real source-controller is refused until the key is registered.
    let first = create();
    let first_err = String::from_utf8_lossy(&first.stderr).to_string();
    assert_eq!(first.status.code(), Some(1), "{first_err}");
    let (_, refused) = ready_when(bed, "gitrepository", &ns, "app", |s, _| s == "False");
    assert!(
        first_err.contains(&format!("GitRepository {ns}/app is not ready: {refused}")),
        "{first_err}"
    );
    let public_key = String::from_utf8(first.stdout).unwrap();
    assert!(
        public_key.starts_with("ecdsa-sha2-nistp384 "),
        "{public_key}"
    );
    assert!(first_err.contains(&format!("Secret {ns}/app created")));

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
        field(bed, "gitrepository", &ns, "app", "{.spec.secretRef.name}"),
        "app"
    );

    // The user registers the printed key as a deploy key; a re-run keeps it, and the real
    // source-controller clones with it.
    std::fs::write(&authorized, &public_key).unwrap();
    let second = create();
    let second_err = String::from_utf8_lossy(&second.stderr).to_string();
    assert!(second.status.success(), "{second_err}");
    assert_eq!(String::from_utf8(second.stdout).unwrap(), public_key);
    assert!(second_err.contains("already has a key; keeping it"));
    assert!(
        second_err.contains(&format!(
            "GitRepository {ns}/app is ready at revision {head}"
        )),
        "{second_err}"
    );
}

/// What a hostile or broken cluster object holds: a Ready message that would rewrite the
/// screen (an OSC 8 link, a carriage return and a fake line) and an inventory with ids no
/// object can have, beside one that is fine. Written with kubectl into the status of a
/// Kustomization suspended from the start (the real kustomize-controller leaves it alone).
#[test]
fn hostile_status_text_is_escaped_and_malformed_inventory_entries_are_named_one_by_one() {
    let bed = engine!();
    let ns = bed.namespace("hostile-status");
    let applied = bed.kubectl_with_input(
        &["apply", "-f", "-"],
        format!(
            "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: {ns}\nspec:\n  suspend: true\n  interval: 10m\n  path: ./\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: nowhere\n"
        )
        .as_bytes(),
    );
    assert!(applied.status.success(), "{applied:?}");
    let hostile = "ok\u{1b}]8;;http://evil/\u{7}click\u{1b}]8;;\u{7}\r\nREADY True";
    let status = serde_json::json!({"status": {
        "conditions": [{"type": "Ready", "status": "False", "reason": "Hostile",
            "message": hostile, "lastTransitionTime": "2026-01-01T00:00:00Z"}],
        "inventory": {"entries": [
            {"id": format!("{ns}_gone_apps_Deployment"), "v": "v1"},
            {"id": format!("{ns}_../../kube-system_apps_Deployment"), "v": "v1"},
            {"id": "team/../../kube-system_web_apps_Deployment", "v": "v1"},
            {"id": format!("{ns}_web?dryRun=All_apps_Deployment"), "v": "v1"},
        ]}
    }});
    bed.kubectl_out(&[
        "patch",
        "kustomization",
        "apps",
        "-n",
        &ns,
        "--subresource=status",
        "--type=merge",
        "-p",
        &status.to_string(),
    ]);

    // What floe prints for `args` in the namespace: no control character, and `shown`, escaped.
    let escaped = |args: &[&str], shown: &[&str]| -> String {
        let out = bed.floe().args(args).args(["-n", &ns]).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(out.status.success(), "{out:?}");
        assert!(
            !stdout.contains(['\u{1b}', '\u{7}', '\r']),
            "floe {args:?}: {stdout:?}"
        );
        for text in shown {
            assert!(stdout.contains(text), "floe {args:?}: {stdout:?}");
        }
        stdout
    };
    // Before the fix: the ESC, BEL and CR reached the terminal as they are.
    for args in [&["get", "syncs"][..], &["get", "all"][..]] {
        let stdout = escaped(args, &["ok\\x1b]8;;http://evil/\\x07click"]);
        assert_eq!(
            stdout.lines().count(),
            2,
            "a header and one row: {stdout:?}"
        );
    }
    // -o json stays exact.
    let json: Value = serde_json::from_slice(
        &bed.floe()
            .args(["get", "syncs", "-n", &ns, "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json[0]["message"], hostile);

    // Before the fix one malformed entry made drift fail ("the server could not find the
    // requested resource") and hid the rest.
    let out = bed
        .floe()
        .args(["drift", "sync", "apps", "-n", &ns])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout.contains(&format!("Deployment/{ns}/gone")) && stdout.contains("missing"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("malformed").count(), 3, "{stdout}");
    let json: Value = serde_json::from_slice(
        &bed.floe()
            .args(["drift", "sync", "apps", "-n", &ns, "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let kinds: Vec<&str> = json[0]["drifts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["drift"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "malformed").count(),
        3,
        "{json}"
    );

    let out = bed
        .floe()
        .args(["tree", "sync", "apps", "-n", &ns])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout.contains(&format!("Deployment/{ns}/gone")),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("MalformedInventoryEntry/").count(),
        3,
        "{stdout}"
    );

    // An Event about it with the same message and a hostile reason: `events` escapes both,
    // `-o json` keeps them exact.
    let event = serde_json::json!({
        "apiVersion": "v1", "kind": "Event",
        "metadata": {"name": "apps.hostile", "namespace": ns},
        "involvedObject": {"apiVersion": "kustomize.toolkit.fluxcd.io/v1",
            "kind": "Kustomization", "name": "apps", "namespace": ns},
        "reason": "Bad\u{1b}[2JReason", "message": hostile, "type": "Warning",
        "source": {"component": "kustomize-controller"},
        "firstTimestamp": "2026-01-01T00:00:00Z", "lastTimestamp": "2026-01-01T00:00:00Z", "count": 1
    });
    let created = bed.kubectl_with_input(&["create", "-f", "-"], event.to_string().as_bytes());
    assert!(created.status.success(), "{created:?}");
    for args in [
        &["events"][..],
        &["events", "--for", "Kustomization/apps"][..],
    ] {
        escaped(args, &["Bad\\x1b[2JReason", "ok\\x1b]8;;http://evil/"]);
    }
    let json: Value = serde_json::from_slice(
        &bed.floe()
            .args(["events", "-n", &ns, "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        json.to_string()
            .contains(&serde_json::to_string(hostile).unwrap()),
        "{json}"
    );

    // The Ready message in a failure line is escaped too.
    let out = bed
        .floe()
        .args(["wait", "sync", "apps", "-n", &ns, "--timeout=5s"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains(['\u{1b}', '\u{7}', '\r']), "{stderr:?}");
}
