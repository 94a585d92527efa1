//! HelmRelease on the real engine: Flux 2.9.4's source-controller and helm-controller (built by
//! scripts/testbed, host processes under their ServiceAccounts) on Kubernetes 1.36 install and
//! upgrade a chart from a Helm repository served on 127.0.0.1 (index.yaml and charts packaged by
//! the test with tar), and a failing upgrade is named with helm-controller's reason before the
//! timeout. Simulated: the kubelet (KWOK); the chart has no workloads.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::testbed::{TestBed, engine};

/// The engine's test bed with the default components installed by floe, once per binary.
fn installed() -> Option<&'static TestBed> {
    let bed = engine()?;
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        bed.floe()
            .args(["install", "--timeout=3m", "--manifests"])
            .arg(common::flux_install_yaml())
            .assert()
            .success();
    });
    Some(bed)
}

/// A Helm repository: every file of `dir`, over plain HTTP on 127.0.0.1, as a static server
/// (GitHub Pages, S3) serves one.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            // The rest of the request head.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/");
            let name = path.trim_start_matches('/');
            let file = (!name.contains("..") && !name.is_empty())
                .then(|| std::fs::read(dir.join(name)).ok())
                .flatten();
            let response = match file {
                Some(body) => {
                    let mut r = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes();
                    r.extend(body);
                    r
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_vec(),
            };
            let _ = stream.write_all(&response);
        }
    });
    url
}

/// Packages chart `demo` at `version` (a ConfigMap naming the chart version and a value) into
/// `repo`, and rewrites index.yaml to list every chart packaged so far.
fn package(repo: &Path, version: &str, template: &str, listed: &mut Vec<String>) {
    let work = tempfile::tempdir().unwrap();
    let chart = work.path().join("demo");
    std::fs::create_dir_all(chart.join("templates")).unwrap();
    std::fs::write(
        chart.join("Chart.yaml"),
        format!("apiVersion: v2\nname: demo\nversion: {version}\n"),
    )
    .unwrap();
    std::fs::write(chart.join("values.yaml"), "text: hello\n").unwrap();
    std::fs::write(chart.join("templates/configmap.yaml"), template).unwrap();
    let archive = repo.join(format!("demo-{version}.tgz"));
    let status = std::process::Command::new("tar")
        .arg("-czf")
        .arg(&archive)
        .arg("-C")
        .arg(work.path())
        .arg("demo")
        .status()
        .unwrap();
    assert!(status.success(), "tar failed");
    listed.push(version.to_string());
    let mut index = String::from("apiVersion: v1\nentries:\n  demo:\n");
    for v in listed.iter().rev() {
        index.push_str(&format!(
            "  - apiVersion: v2\n    name: demo\n    version: {v}\n    created: \"2026-12-03T00:00:00Z\"\n    urls:\n    - demo-{v}.tgz\n"
        ));
    }
    index.push_str("generated: \"2026-12-03T00:00:00Z\"\n");
    std::fs::write(repo.join("index.yaml"), index).unwrap();
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
