//! `get`: every page of a long list, tables, JSON, YAML and status selectors, and `--watch`.

use super::*;

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
