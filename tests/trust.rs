//! Trust: secrets never shown, every wait bounded by `--timeout`, hostile servers named, and
//! the kubeconfigs kubectl accepts. Servers are real programs or small misbehaving servers on
//! 127.0.0.1 (tests/common/hostile.rs); the cluster is the scripts/testbed API server, with
//! kubectl as the cross-check where it applies.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use base64::Engine;
use common::hostile;
use predicates::prelude::*;

const SECRET: &str = "s3cretPassw0rdNeverShown";

/// A command that makes several API calls (version, access reviews, a namespace read) and
/// needs no Flux CRDs on the test bed.
const CLUSTER_CALLS: &[&str] = &["check", "--pre", "--skip-version-check"];

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A kubeconfig file for `server` with the cluster and user sections given as YAML.
fn kubeconfig(dir: &Path, name: &str, server: &str, cluster_extra: &str, user: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: {server}\n{cluster_extra}users:\n- name: u\n  user:\n{user}contexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\n"
        ),
    )
    .unwrap();
    path
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// Runs `cmd`, checks its exit status (0 too), and returns its stderr.
fn fails(cmd: &mut assert_cmd::Command, code: i32) -> String {
    let out = cmd.output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(code), "{err}");
    err
}

/// A kubeconfig for the test bed's server and CA with `user`'s YAML.
fn bed_kubeconfig(bed: &common::testbed::TestBed, dir: &Path, name: &str, user: &str) -> PathBuf {
    let ca = bed
        .dir
        .as_ref()
        .expect("floe's own test bed")
        .join("ca.crt");
    kubeconfig(
        dir,
        name,
        &bed_server(bed),
        &format!("    certificate-authority: {}\n", ca.display()),
        user,
    )
}

/// kubectl (the cross-check) and floe both work with the kubeconfig.
fn both_accept(config: &Path) {
    let kubectl = std::process::Command::new(common::testbed::engine_bin("kubectl"))
        .arg("--kubeconfig")
        .arg(config)
        .args(["get", "namespaces", "-o", "name"])
        .output()
        .unwrap();
    assert!(kubectl.status.success(), "kubectl: {}", stderr_of(&kubectl));
    common::floe()
        .env("KUBECONFIG", config)
        .args(CLUSTER_CALLS)
        .assert()
        .success();
}

/// The test bed's directory (certificates and keys), only on floe's own test bed.
fn bed_dir(bed: &common::testbed::TestBed) -> Option<&Path> {
    let dir = bed.dir.as_deref();
    common::require(
        dir.is_some(),
        "floe's own test bed (FLOE_TEST_KUBECONFIG gives no CA key)",
    )
    .then_some(dir?)
}

fn bed_server(bed: &common::testbed::TestBed) -> String {
    let text = std::fs::read_to_string(&bed.kubeconfig).unwrap();
    text.lines()
        .find_map(|l| l.trim().strip_prefix("server: "))
        .unwrap()
        .to_string()
}

#[test]
fn a_password_in_a_source_url_is_refused_and_never_printed() {
    for kind in ["git", "helm"] {
        let url = format!("https://bot:{SECRET}@example.com/a/b");
        let mut cmd = common::floe();
        cmd.args(["create", "source", kind, "x", &format!("--url={url}")]);
        if kind == "git" {
            cmd.arg("--branch=main");
        }
        let out = cmd.arg("--export").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{kind}: {}", stderr_of(&out));
        assert!(out.stdout.is_empty());
        let err = stderr_of(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("https://bot:***@example.com/a/b"), "{err}");
        assert!(err.contains("--secret-ref"), "{err}");
        assert!(!err.contains(SECRET), "{err}");
    }
    // A username alone is no secret; the export keeps the URL as given.
    common::floe()
        .args([
            "create",
            "source",
            "git",
            "x",
            "--url=ssh://git@example.com/a/b",
        ])
        .args(["--branch=main", "--export"])
        .assert()
        .success()
        .stdout(predicate::str::contains("url: ssh://git@example.com/a/b"));
}

#[test]
fn credentials_in_bootstrap_urls_count_as_flags_and_conflicts_are_usage_errors() {
    let err = fails(
        common::floe()
            .env("KUBECONFIG", "/nonexistent")
            .args(["bootstrap", "git"])
            .arg(format!("--url=https://bot:{SECRET}@127.0.0.1:9/r.git"))
            .args(["--password=other"]),
        2,
    );
    assert!(
        err.contains("--password and the credentials in the URL differ"),
        "{err}"
    );
    assert!(!err.contains(SECRET) && !err.contains("other"), "{err}");
    let out = common::floe()
        .env("KUBECONFIG", "/nonexistent")
        .args(["bootstrap", "git"])
        .arg(format!("--url=ssh://git:{SECRET}@127.0.0.1:9/r.git"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("git:***@127.0.0.1"), "{err}");
    assert!(!err.contains(SECRET), "{err}");
}

#[test]
fn a_github_token_is_trimmed_and_a_bad_one_is_a_usage_error_that_does_not_show_it() {
    let bootstrap = |token: &str| {
        let mut cmd = common::floe();
        cmd.env("GITHUB_TOKEN", token)
            .env("KUBECONFIG", "/nonexistent")
            .args(["bootstrap", "github", "--owner=me", "--repository=r"])
            .args(["--personal", "--manifests"])
            .arg(common::flux_install_yaml());
        cmd
    };
    // A trailing \r (a token pasted from a Windows file) is trimmed: no panic, the run goes
    // on to the cluster, which does not exist here.
    let err = fails(&mut bootstrap("ghp_trailingCR\r\n"), 1);
    assert!(!err.contains("panicked"), "{err}");
    for bad in ["ghp_in\u{1}side", "ghp with space"] {
        let err = fails(&mut bootstrap(bad), 2);
        assert!(err.contains("invalid GITHUB_TOKEN"), "{err}");
        assert!(!err.contains(bad), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn team_names_must_be_slugs_before_any_request() {
    let gh = common::github::FakeGitHub::start();
    for bad in ["Dev Ops", "devs/x", "Platform:admin"] {
        let out = common::floe()
            .env("GITHUB_TOKEN", common::github::TOKEN)
            .env("KUBECONFIG", "/nonexistent")
            .args(["bootstrap", "github", "--owner=acme", "--repository=r"])
            .args(["--hostname", &gh.host])
            .arg("--ca-file")
            .arg(&gh.ca_file)
            .arg(format!("--team={bad}"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = stderr_of(&out);
        assert!(err.contains("slug"), "{err}");
    }
    assert!(gh.calls().is_empty(), "requests sent: {:?}", gh.calls());
}

/// A server that accepts TCP and never answers, and one that completes TLS and never answers:
/// `get`, `uninstall` and `bootstrap git` each exit 1 within --timeout + 2 s, naming the server.
#[test]
fn servers_that_never_answer_are_named_within_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let tcp = hostile::silent_tcp();
    let (tls, cert) = hostile::silent_tls();
    let servers = [
        (
            format!("127.0.0.1:{tcp}"),
            "    insecure-skip-tls-verify: true\n".to_string(),
        ),
        (
            format!("127.0.0.1:{tls}"),
            format!("    certificate-authority-data: {}\n", b64(cert.as_bytes())),
        ),
    ];
    let commands: [&[&str]; 3] = [
        &["get", "sources", "all"],
        &["uninstall", "--yes"],
        &[
            "bootstrap",
            "git",
            "--url=https://127.0.0.1:9/r.git",
            "--skip-version-check",
        ],
    ];
    for (i, (address, extra)) in servers.iter().enumerate() {
        let config = kubeconfig(
            dir.path(),
            &format!("k{i}"),
            &format!("https://{address}"),
            extra,
            "    token: abc\n",
        );
        for args in commands {
            let started = Instant::now();
            let mut cmd = common::floe();
            cmd.env("KUBECONFIG", &config)
                .args(args)
                .arg("--timeout=3s");
            if args[0] == "bootstrap" {
                cmd.arg("--manifests").arg(common::flux_install_yaml());
            }
            let out = cmd.timeout(Duration::from_secs(20)).output().unwrap();
            let elapsed = started.elapsed();
            let err = stderr_of(&out);
            assert_eq!(out.status.code(), Some(1), "{args:?} {address}: {err}");
            assert!(
                elapsed < Duration::from_secs(5),
                "{args:?} against {address} took {elapsed:?}: {err}"
            );
            assert!(err.contains(address.as_str()), "{args:?}: {err}");
            assert!(err.contains("timed out after 3s"), "{args:?}: {err}");
        }
    }
}

/// libgit2 against a Git server that completes TLS and never answers: bounded by the
/// remaining --timeout (run off the runtime, so the deadline still fires), named.
#[test]
fn a_git_server_that_never_answers_is_named_within_the_timeout() {
    let bed = testbed!();
    let ns = bed.namespace("trust-git-silent");
    let (port, cert) = hostile::silent_tls();
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, cert).unwrap();
    let started = Instant::now();
    let out = bed
        .floe()
        .env("TMPDIR", dir.path())
        .args(["bootstrap", "git", "-n", &ns, "--skip-version-check"])
        .arg(format!("--url=https://127.0.0.1:{port}/r.git"))
        .arg("--ca-file")
        .arg(&ca)
        .arg("--manifests")
        .arg(common::flux_install_yaml())
        .arg("--timeout=8s")
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}: {err}");
    assert!(err.contains(&format!("127.0.0.1:{port}")), "{err}");
    assert!(err.contains("clone"), "the step is named: {err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("floe-"))
        .collect();
    assert!(left.is_empty(), "scratch directories left: {left:?}");
}

/// A Git server that redirects to another host: floe refuses to follow, and the other host
/// never receives the credentials.
#[test]
fn credentials_never_follow_a_redirect_to_another_host() {
    let bed = testbed!();
    let ns = bed.namespace("trust-redirect");
    let (other, seen) = hostile::recording_basic_auth();
    let redirecting = hostile::redirect_to_other_host(other);
    let out = bed
        .floe()
        .args(["bootstrap", "git", "-n", &ns, "--skip-version-check"])
        .arg(format!(
            "--url=http://bot:{SECRET}@127.0.0.1:{redirecting}/me/fleet.git"
        ))
        .args(["--allow-insecure-http", "--timeout=20s"])
        .arg("--manifests")
        .arg(common::flux_install_yaml())
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("redirect"), "{err}");
    assert!(!err.contains(SECRET), "{err}");
    let seen = seen.lock().unwrap();
    assert!(
        seen.iter()
            .all(|head| !head.to_lowercase().contains("authorization")),
        "credentials reached the other host: {seen:?}"
    );
    assert!(
        seen.is_empty(),
        "the redirect was followed to the other host: {seen:?}"
    );
}

/// A release asset that never ends is cut off at 50 MiB with an error naming the limit.
#[test]
fn an_oversized_release_asset_is_refused() {
    let port = hostile::endless_body(60 * 1024 * 1024);
    let cache = tempfile::tempdir().unwrap();
    let out = common::floe()
        .env("XDG_CACHE_HOME", cache.path())
        .env("KUBECONFIG", "/nonexistent")
        .args(["install", "--version=v9.9.9", "--timeout=60s"])
        .arg(format!("--release-url=http://127.0.0.1:{port}"))
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("larger than 50 MiB"), "{err}");
}

/// HTTPS_PROXY is honoured for the cluster (a CONNECT proxy in the test counts the tunnels),
/// and NO_PROXY exempts it again; kubectl behaves the same with the same environment.
#[test]
fn proxies_from_the_environment_carry_cluster_traffic() {
    let bed = testbed!();
    let (proxy, carried) = hostile::connect_proxy();
    let proxy_url = format!("http://127.0.0.1:{proxy}");
    bed.floe()
        .env("HTTPS_PROXY", &proxy_url)
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .args(CLUSTER_CALLS)
        .assert()
        .success();
    let through_proxy = carried.lock().unwrap().len();
    assert!(through_proxy >= 1, "no tunnel through the proxy");
    bed.floe()
        .env("HTTPS_PROXY", &proxy_url)
        .env("NO_PROXY", "127.0.0.1")
        .args(CLUSTER_CALLS)
        .assert()
        .success();
    assert_eq!(
        carried.lock().unwrap().len(),
        through_proxy,
        "NO_PROXY covers the server"
    );
    // A proxy that is not there is reported as the proxy's fault.
    let out = bed
        .floe()
        .env(
            "HTTPS_PROXY",
            format!("http://127.0.0.1:{}", common::free_port()),
        )
        .env_remove("NO_PROXY")
        .args(["get", "sources", "all", "-A", "--timeout=10s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("proxy"), "{}", stderr_of(&out));
}

/// An X.509 v1 client certificate (`openssl x509 -req` without extensions), accepted by
/// kubectl, is accepted by floe.
#[test]
fn a_v1_client_certificate_is_accepted_as_kubectl_accepts_it() {
    let bed = testbed!();
    let Some(bed_dir) = bed_dir(bed) else { return };
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("v1.key");
    let csr = dir.path().join("v1.csr");
    let crt = dir.path().join("v1.crt");
    let run = |args: &[&str]| {
        let out = std::process::Command::new("openssl")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
    };
    run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/O=system:masters/CN=floe-v1",
        "-keyout",
        key.to_str().unwrap(),
        "-out",
        csr.to_str().unwrap(),
    ]);
    run(&[
        "x509",
        "-req",
        "-days",
        "2",
        "-in",
        csr.to_str().unwrap(),
        "-CA",
        bed_dir.join("ca.crt").to_str().unwrap(),
        "-CAkey",
        bed_dir.join("ca.key").to_str().unwrap(),
        "-CAcreateserial",
        "-out",
        crt.to_str().unwrap(),
    ]);
    let text = std::process::Command::new("openssl")
        .args(["x509", "-noout", "-text", "-in", crt.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("Version: 1 (0x0)"),
        "the certificate is v1"
    );
    let config = bed_kubeconfig(
        bed,
        dir.path(),
        "kubeconfig",
        &format!(
            "    client-certificate: {}\n    client-key: {}\n",
            crt.display(),
            key.display()
        ),
    );
    both_accept(&config);
    // A client certificate from a CA the server does not know is reported as rejected, not
    // as an unreachable cluster.
    let (stranger, stranger_key, _) = hostile::self_signed_ca_cert();
    std::fs::write(dir.path().join("stranger.crt"), stranger).unwrap();
    std::fs::write(dir.path().join("stranger.key"), stranger_key).unwrap();
    let rejected = bed_kubeconfig(
        bed,
        dir.path(),
        "rejected",
        &format!(
            "    client-certificate: {}\n    client-key: {}\n",
            dir.path().join("stranger.crt").display(),
            dir.path().join("stranger.key").display()
        ),
    );
    let out = common::floe()
        .env("KUBECONFIG", &rejected)
        .args(CLUSTER_CALLS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains("rejected the client certificate") || err.contains("rejected the credentials"),
        "{err}"
    );
    assert!(!err.contains("check that it is running"), "{err}");
}

/// A server whose certificate is self-signed with CA:TRUE and given as its own
/// certificate-authority-data: accepted (kubectl too); a different self-signed certificate
/// is still refused as untrusted, named as such.
#[test]
fn a_self_signed_server_certificate_that_is_its_own_ca_is_trusted() {
    let bed = testbed!();
    let Some(bed_dir) = bed_dir(bed) else { return };
    let upstream: u16 = bed_server(bed).rsplit(':').next().unwrap().parse().unwrap();
    let (port, cert) = hostile::self_signed_front(bed_dir, upstream);
    let dir = tempfile::tempdir().unwrap();
    let config = kubeconfig(
        dir.path(),
        "kubeconfig",
        &format!("https://127.0.0.1:{port}"),
        &format!("    certificate-authority-data: {}\n", b64(cert.as_bytes())),
        "    token: unused\n",
    );
    both_accept(&config);
    let (other, _, _) = hostile::self_signed_ca_cert();
    let untrusted = kubeconfig(
        dir.path(),
        "untrusted",
        &format!("https://127.0.0.1:{port}"),
        &format!(
            "    certificate-authority-data: {}\n",
            b64(other.as_bytes())
        ),
        "    token: unused\n",
    );
    let err = fails(
        common::floe()
            .env("KUBECONFIG", &untrusted)
            .args(["get", "sources", "all", "-A"]),
        1,
    );
    assert!(
        err.contains("not signed by a CA the kubeconfig trusts"),
        "{err}"
    );
    assert!(!err.contains("check that it is running"), "{err}");
}

/// A KUBECONFIG list with a file that does not exist: skipped, as client-go does.
#[test]
fn a_missing_file_in_a_kubeconfig_list_is_skipped() {
    let bed = testbed!();
    let list = std::env::join_paths([
        PathBuf::from("/nonexistent/kubeconfig"),
        bed.kubeconfig.clone(),
    ])
    .unwrap();
    common::floe()
        .env("KUBECONFIG", &list)
        .args(CLUSTER_CALLS)
        .assert()
        .success();
    // Only missing files: named, exit 1.
    common::floe()
        .env("KUBECONFIG", "/nonexistent/a:/nonexistent/b")
        .args(["get", "sources", "all", "-A"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/nonexistent/a, /nonexistent/b"));
}

/// A failing exec credential plugin: the program, its exit status and its stderr, never its
/// environment (where the secret is) or its stdout.
#[test]
fn a_failing_exec_plugin_is_reported_without_its_environment_or_stdout() {
    let bed = testbed!();
    if bed_dir(bed).is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = bed_kubeconfig(
        bed,
        dir.path(),
        "kubeconfig",
        &format!(
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: /bin/sh\n      args:\n      - -c\n      - 'echo stdout-{SECRET}; echo \"token for vault expired\" >&2; exit 3'\n      env:\n      - name: VAULT_TOKEN\n        value: {SECRET}\n      interactiveMode: Never\n"
        ),
    );
    let out = common::floe()
        .env("KUBECONFIG", &config)
        .args(["get", "sources", "all", "-A"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("/bin/sh"), "{err}");
    assert!(err.contains("exit status: 3"), "{err}");
    assert!(err.contains("token for vault expired"), "{err}");
    assert!(!err.contains(SECRET), "{err}");
    assert!(!err.contains("VAULT_TOKEN"), "{err}");
    assert!(out.stdout.is_empty());
}

/// An exec credential plugin runs once per command (kube ran it twice, once for a TLS identity
/// and once for the token), its token may end in a line break (trimmed; before the fix the HTTP
/// stack panicked on it, exit 101), a token that still cannot be a header is named without its
/// value, and a token that has expired is renewed by running the plugin again.
#[test]
fn an_exec_plugin_runs_once_and_its_token_is_trimmed_checked_and_renewed() {
    let bed = testbed!();
    if bed_dir(bed).is_none() {
        return;
    }
    let ns = bed.namespace("exec-token");
    let binding = format!("{ns}-reader");
    bed.kubectl_out(&["-n", &ns, "create", "serviceaccount", "reader"]);
    bed.kubectl_out(&[
        "create",
        "clusterrolebinding",
        &binding,
        "--clusterrole=cluster-admin",
        &format!("--serviceaccount={ns}:reader"),
    ]);
    let token = bed
        .kubectl_out(&["-n", &ns, "create", "token", "reader"])
        .trim()
        .to_string();
    let dir = tempfile::tempdir().unwrap();
    // Each plugin counts its runs in a file and prints the credential given.
    let plugin = |name: &str, status: serde_json::Value| -> (PathBuf, PathBuf) {
        let runs = dir.path().join(format!("{name}.runs"));
        let answer = dir.path().join(format!("{name}.json"));
        std::fs::write(
            &answer,
            serde_json::json!({
                "apiVersion": "client.authentication.k8s.io/v1",
                "kind": "ExecCredential",
                "status": status
            })
            .to_string(),
        )
        .unwrap();
        let config = bed_kubeconfig(
            bed,
            dir.path(),
            name,
            &format!(
                "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: /bin/sh\n      args:\n      - -c\n      - 'echo run >> {}; cat {}'\n      interactiveMode: Never\n",
                runs.display(),
                answer.display()
            ),
        );
        (config, runs)
    };
    let runs_of = |runs: &Path| {
        std::fs::read_to_string(runs)
            .unwrap_or_default()
            .lines()
            .count()
    };

    let (config, runs) = plugin(
        "newline",
        serde_json::json!({"token": format!("{token}\n")}),
    );
    fails(
        common::floe()
            .env("KUBECONFIG", &config)
            .args(CLUSTER_CALLS),
        0,
    );
    assert_eq!(runs_of(&runs), 1, "the plugin ran once");

    let (config, _) = plugin(
        "inside",
        serde_json::json!({"token": format!("{SECRET}\nmore")}),
    );
    let err = fails(
        common::floe()
            .env("KUBECONFIG", &config)
            .args(CLUSTER_CALLS),
        1,
    );
    assert!(!err.contains(SECRET) && !err.contains("panicked"), "{err}");
    assert!(
        err.contains("the credential plugin of context \"c\" failed: /bin/sh returned a token an HTTP header cannot carry"),
        "{err}"
    );

    // Expired when it is handed out: every request runs the plugin again for a fresh one.
    let (config, runs) = plugin(
        "expired",
        serde_json::json!({"token": token, "expirationTimestamp": "2001-01-01T00:00:00Z"}),
    );
    fails(
        common::floe()
            .env("KUBECONFIG", &config)
            .args(CLUSTER_CALLS),
        0,
    );
    assert!(runs_of(&runs) >= 2, "renewed: {} runs", runs_of(&runs));
    bed.kubectl_out(&["delete", "clusterrolebinding", &binding]);
}

/// A kubeconfig whose exec credential plugin never returns: floe still stops at its
/// --timeout, and on SIGINT, naming what it waited for, and the plugin is stopped with it
/// (before floe ran the plugin itself, kube ran it on the runtime's thread: a watchdog ended
/// floe and the plugin ran on). Both runs are wrapped in a 60 s `timeout` so a hang fails
/// instead of blocking.
#[test]
fn a_hanging_exec_plugin_cannot_hold_floe_past_its_timeout_or_a_signal() {
    let dir = tempfile::tempdir().unwrap();
    // An argument no other test's plugin has, to find this plugin's processes.
    let nap = format!("{}.{}", 600 + std::process::id() % 100, std::process::id());
    let config = kubeconfig(
        dir.path(),
        "kubeconfig",
        "https://127.0.0.1:1",
        "",
        &format!(
            "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: sleep\n      args: ['{nap}']\n      interactiveMode: Never\n"
        ),
    );
    let pids = |args: &[&str]| {
        let out = std::process::Command::new("pgrep")
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let plugin = format!("^sleep {nap}$");
    let plugin_is_gone = || {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !pids(&["-f", &plugin]).is_empty() {
            assert!(
                Instant::now() < deadline,
                "the plugin still runs after floe ended"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let out = std::process::Command::new("timeout")
        .args(["60", env!("CARGO_BIN_EXE_floe")])
        .env("KUBECONFIG", &config)
        .args(["get", "syncs", "--timeout=2s"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("timed out after 2s while waiting for the cluster"),
        "{err}"
    );
    plugin_is_gone();

    let child = std::process::Command::new("timeout")
        .args(["60", env!("CARGO_BIN_EXE_floe")])
        .env("KUBECONFIG", &config)
        .args(["get", "syncs", "--timeout=5m"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // `timeout` runs floe as its child; signal floe itself once its plugin runs.
    let deadline = Instant::now() + Duration::from_secs(30);
    let floe_pid = loop {
        if let Some(floe) = pids(&["-P", &child.id().to_string()]).first()
            && !pids(&["-P", floe, "-f", &plugin]).is_empty()
        {
            break floe.clone();
        }
        assert!(Instant::now() < deadline, "floe never ran its plugin");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        std::process::Command::new("kill")
            .args(["-INT", &floe_pid])
            .status()
            .unwrap()
            .success()
    );
    let out = child.wait_with_output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted by SIGINT"), "{err}");
    plugin_is_gone();
}

#[test]
fn a_kubeconfig_that_does_not_parse_is_named_by_line_and_column_never_shown() {
    // Before the fix the YAML parser's message quoted the lines around the error, tokens and
    // keys included, from every command that reads the kubeconfig (`version` too).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config");
    std::fs::write(
        &path,
        format!(
            "apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    token: {SECRET}\n    \
             client-key-data: {SECRET}KEY\n   bad: indentation\ncontexts: []\n"
        ),
    )
    .unwrap();
    let quoted = dir.path().join("quoted");
    std::fs::write(
        &quoted,
        format!("apiVersion: v1\nkind: Config\nusers: [{{name: u, user: {{token: \"{SECRET}\n"),
    )
    .unwrap();
    for (config, place) in [(&path, "line 8 column 4"), (&quoted, "line 3")] {
        for args in [&["get", "syncs"][..], &["version"][..]] {
            let out = common::floe()
                .args(args)
                .arg("--kubeconfig")
                .arg(config)
                .output()
                .unwrap();
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                !all.contains(SECRET),
                "floe {args:?} showed the file: {all}"
            );
            assert!(
                all.contains("cannot load kubeconfig") && all.contains(place),
                "floe {args:?} must name where: {all}"
            );
        }
    }
}

#[test]
fn a_token_ending_in_a_line_break_is_trimmed_and_none_goes_to_a_plain_http_server() {
    let dir = tempfile::tempdir().unwrap();
    // A `token: |` block scalar ends in a line break: before the fix the HTTP stack panicked
    // on it (exit 101). Trimmed, the request goes out and this server's silence is named.
    let (tls, cert) = hostile::silent_tls();
    let config = kubeconfig(
        dir.path(),
        "block",
        &format!("https://127.0.0.1:{tls}"),
        &format!("    certificate-authority-data: {}\n", b64(cert.as_bytes())),
        &format!("    token: |\n      {SECRET}\n"),
    );
    let err = fails(
        common::floe()
            .args(["get", "syncs", "--timeout=3s", "--kubeconfig"])
            .arg(&config),
        1,
    );
    assert!(!err.contains(SECRET) && !err.contains("panicked"), "{err}");
    // A token that is still no header value (a line break inside it), in the kubeconfig or in
    // a token file, is named as the token's fault (not a credential plugin's), not shown.
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, format!("{SECRET}\nmore\n")).unwrap();
    for (name, user) in [
        ("inside", format!("    token: \"{SECRET}\\nmore\"\n")),
        ("file", format!("    tokenFile: {}\n", token_file.display())),
    ] {
        let config = kubeconfig(
            dir.path(),
            name,
            &format!("https://127.0.0.1:{tls}"),
            "",
            &user,
        );
        let err = fails(
            common::floe()
                .args(["get", "syncs", "--timeout=3s", "--kubeconfig"])
                .arg(&config),
            1,
        );
        assert!(
            !err.contains(SECRET)
                && err.contains("token holds a character")
                && !err.contains("credential plugin"),
            "{name}: {err}"
        );
    }
    // kubectl (1.33 on) sends no bearer token to a plain http:// server; neither does floe,
    // and the 401 that follows says why.
    let (http, seen) = hostile::recording_basic_auth();
    let config = kubeconfig(
        dir.path(),
        "http",
        &format!("http://127.0.0.1:{http}"),
        "",
        &format!("    token: {SECRET}\n"),
    );
    let err = fails(
        common::floe()
            .args(["get", "syncs", "--timeout=10s", "--kubeconfig"])
            .arg(&config),
        1,
    );
    assert!(err.contains("plain http://"), "{err}");
    let seen = seen.lock().unwrap();
    assert!(!seen.is_empty(), "the server was asked");
    for head in seen.iter() {
        assert!(
            !head.contains(SECRET) && !head.to_ascii_lowercase().contains("authorization"),
            "{head}"
        );
    }
}

#[test]
fn a_list_whose_body_never_ends_is_cut_at_the_cap_with_memory_flat() {
    // Before the fix floe buffered the whole answer: 3-6 GB, then SIGABRT under a limit.
    // Here the server sends 1 GiB; floe stops at its 64 MiB cap and says so.
    let port = hostile::endless_body(1 << 30);
    let dir = tempfile::tempdir().unwrap();
    let config = kubeconfig(
        dir.path(),
        "endless",
        &format!("http://127.0.0.1:{port}"),
        "",
        "    username: u\n",
    );
    let out = std::process::Command::new("/usr/bin/time")
        .args(["-f", "peak-rss-kib=%M"])
        .arg(assert_cmd::cargo::cargo_bin("floe"))
        .args(["get", "syncs", "--timeout=90s", "--kubeconfig"])
        .arg(&config)
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("more than 64 MiB in one response"), "{err}");
    let peak_kib: u64 = err
        .lines()
        .find_map(|l| l.strip_prefix("peak-rss-kib="))
        .and_then(|v| v.trim().parse().ok())
        .expect("GNU time's report");
    assert!(
        peak_kib < 400 * 1024,
        "peak RSS {peak_kib} KiB: floe buffered far past its cap"
    );
}

/// The name, namespace and label parsers accept exactly what the real API server accepts: a
/// seeded sample of generated strings (near misses included: upper case, '_', '/', '?', '%',
/// line breaks, spaces, leading and trailing '-' or '.', over-long) is sent as a server-side
/// dry-run create of a Namespace (its name: a namespace), a ConfigMap (its name: an object
/// name) and a ConfigMap's label, and each answer is compared with floe's parser.
#[test]
fn names_namespaces_and_labels_are_accepted_exactly_as_the_api_server_accepts_them() {
    use floe::kinds::names::{Label, Namespace, ObjectName};
    use k8s_openapi::api::core::v1::{ConfigMap, Namespace as NamespaceObject};
    use kube::api::{Api, PostParams};
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

    let bed = testbed!();
    let ns = bed.namespace("names-cross-check");
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[23; 32]),
    );
    let mut sample = |pattern: &str, n: usize| -> Vec<String> {
        let strategy = proptest::string::string_regex(pattern).unwrap();
        (0..n)
            .map(|_| strategy.new_tree(&mut runner).unwrap().current())
            .collect()
    };
    let mut names = sample("[a-z0-9.\\-A-Z_/?%\n ]{0,12}", 120);
    names.extend(sample("[a-z0-9][a-z0-9.-]{0,70}[a-z0-9.-]", 60));
    names.extend(sample(
        "[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?){0,3}",
        60,
    ));
    names.extend(sample("[a-z0-9]{1,3}(\\.[a-z0-9-]{1,62}){3,5}", 40));
    names.extend([
        "a".repeat(63),
        "a".repeat(64),
        "a".repeat(253),
        "a".repeat(254),
    ]);
    let mut labels = sample("[a-zA-Z0-9._/-]{0,12}=[a-zA-Z0-9._ -]{0,8}", 100);
    labels.extend(sample(
        "([a-z]([a-z0-9-]{0,10}[a-z])?/)?[a-zA-Z]([a-zA-Z0-9_.-]{0,20}[a-zA-Z0-9])?=([a-zA-Z0-9]([a-zA-Z0-9_.-]{0,20}[a-zA-Z0-9])?)?",
        60,
    ));
    labels.extend(sample(
        "[a-z0-9.]{1,20}/[a-zA-Z0-9_.-]{60,66}=[a-zA-Z0-9_.-]{60,66}",
        40,
    ));

    let dry_run = PostParams {
        dry_run: true,
        ..Default::default()
    };
    let mut disagreements = Vec::new();
    let mut check = |what: String, answer: Result<(), kube::Error>, ours: bool| {
        let server = match answer {
            Ok(()) => true,
            // The name was valid; an object of that name is there already.
            Err(kube::Error::Api(status)) if status.code == 409 => true,
            Err(kube::Error::Api(status)) if status.code == 422 || status.code == 400 => false,
            Err(e) => panic!("{what}: {e}"),
        };
        if server != ours {
            disagreements.push(format!("{what}: the API server says {server}, floe {ours}"));
        }
    };
    common::testbed::runtime().block_on(async {
        let client = bed.client().await;
        let namespaces: Api<NamespaceObject> = Api::all(client.clone());
        let config_maps: Api<ConfigMap> = Api::namespaced(client, &ns);
        let object = |metadata: serde_json::Value| serde_json::json!({ "metadata": metadata });
        for name in &names {
            let named = object(serde_json::json!({ "name": name }));
            let answer = namespaces
                .create(&dry_run, &serde_json::from_value(named.clone()).unwrap())
                .await;
            check(
                format!("namespace {name:?}"),
                answer.map(drop),
                Namespace::flag(name).is_ok(),
            );
            let answer = config_maps
                .create(&dry_run, &serde_json::from_value(named).unwrap())
                .await;
            check(
                format!("name {name:?}"),
                answer.map(drop),
                ObjectName::arg(name).is_ok(),
            );
        }
        for pair in &labels {
            let (key, value) = pair.split_once('=').unwrap();
            let labelled = object(serde_json::json!({"name": "labelled", "labels": {key: value}}));
            let answer = config_maps
                .create(&dry_run, &serde_json::from_value(labelled).unwrap())
                .await;
            check(
                format!("label {pair:?}"),
                answer.map(drop),
                Label::parse(pair).is_ok(),
            );
        }
    });
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    // The sample is not trivially one-sided.
    let valid = names.iter().filter(|n| ObjectName::arg(n).is_ok()).count();
    assert!(
        valid > 50 && valid < names.len() - 50,
        "{valid} of {}",
        names.len()
    );
    let valid = names.iter().filter(|n| Namespace::flag(n).is_ok()).count();
    assert!(valid > 20, "{valid} namespaces of {}", names.len());
    let valid = labels.iter().filter(|l| Label::parse(l).is_ok()).count();
    assert!(
        valid > 30 && valid < labels.len() - 30,
        "{valid} of {}",
        labels.len()
    );
}
