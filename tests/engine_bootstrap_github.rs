//! `floe bootstrap github` against the real engine: the GitHub stand-in (tests/common/github.rs:
//! GitHub's documented REST requests, simulated, in front of a real `git http-backend` over
//! HTTPS with a private CA) creates the repository, and Flux 2.9.4's own controllers (built by
//! scripts/testbed, host processes under their ServiceAccounts) on Kubernetes 1.36 fetch it
//! with the token floe stored and apply it. Simulated: the GitHub API, the kubelet (KWOK) and
//! container images.
//!
//! Deploy keys (the default, SSH, through the stand-in's SSH endpoint and `--ssh-hostname`)
//! are shown on the real engine by tests/bootstrap/.

mod common;

use common::github::{TOKEN, git};
use serde_json::Value;

/// The stand-in's host as `localhost:PORT` (it listens on 127.0.0.1): flux 2.9.4 crashes on an
/// `IP:PORT` hostname (go-git-providers' GetDomainURL dereferences a failed url.Parse), and
/// with a scheme it asks for `https://https//...`; floe takes all three spellings.
fn hostname(gh: &common::github::FakeGitHub) -> String {
    gh.host.replace("127.0.0.1", "localhost")
}

#[test]
fn bootstrap_github_with_a_token_creates_the_repository_and_is_synced_by_the_real_controllers() {
    let Some(bed) = common::testbed::engine() else {
        return;
    };
    let gh = &common::github::FakeGitHub::start();
    let logs = tempfile::tempdir().unwrap();
    let bootstrap = |extra: &[&str]| {
        let mut cmd = bed.floe();
        cmd.env("GITHUB_TOKEN", TOKEN)
            .env("TMPDIR", logs.path())
            .args(["bootstrap", "github", "--hostname", &hostname(gh)])
            .arg(format!("--ca-file={}", gh.ca_file.display()))
            .args([
                "--owner=me",
                "--repository=fleet",
                "--personal",
                "--private",
                "--path=clusters/dev",
                "--token-auth",
            ])
            .arg("--manifests")
            .arg(common::flux_install_yaml())
            .args(["--author-name=floe", "--author-email=floe@example.com"])
            .args(["--timeout=4m"])
            .args(extra);
        cmd
    };

    // The repository does not exist: the stand-in creates it, private, when asked.
    assert!(!gh.state().repos.contains_key("me/fleet"));
    let first = bootstrap(&["-o", "json"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&first.stdout).to_string();
    let stderr = String::from_utf8_lossy(&first.stderr).to_string();
    assert!(first.status.success(), "bootstrap failed: {stderr}");
    assert!(gh.state().repos["me/fleet"].private);
    let events: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.last().unwrap()["result"], "success", "{stdout}");
    assert!(
        events.iter().any(|e| e["step"] == "verify"),
        "the sync was verified: {stdout}"
    );

    // The real source-controller fetched with what floe stored: username, token and CA.
    let secret: Value = serde_json::from_str(&bed.kubectl_out(&[
        "get",
        "secret",
        "flux-system",
        "-n",
        "flux-system",
        "-o",
        "json",
    ]))
    .unwrap();
    let mut keys: Vec<&String> = secret["data"].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["ca.crt", "password", "username"]);
    assert_eq!(
        bed.kubectl_out(&[
            "get",
            "gitrepository",
            "flux-system",
            "-n",
            "flux-system",
            "-o",
            "jsonpath={.spec.url}",
        ]),
        format!("https://{}/me/fleet.git", hostname(gh))
    );
    let head = gh.git("me", "fleet", &["rev-parse", "main"]);
    let applied = || {
        bed.kubectl_out(&[
            "get",
            "kustomization",
            "flux-system",
            "-n",
            "flux-system",
            "-o",
            "jsonpath={.status.lastAppliedRevision}",
        ])
    };
    assert_eq!(applied(), format!("main@sha1:{head}"));
    // No deploy key: the token is the credential.
    assert!(gh.state().repos["me/fleet"].keys.is_empty());

    // A re-run changes nothing: no commit, no repository request that writes.
    let writes = gh.writes().len();
    bootstrap(&[]).assert().success();
    assert_eq!(gh.git("me", "fleet", &["rev-parse", "main"]), head);
    assert_eq!(gh.writes().len(), writes, "{:?}", gh.writes());
    bed.floe()
        .args(["drift", "-A", "--exit-code"])
        .assert()
        .success();

    // A workload pushed afterwards is applied by `reconcile sync --with-source`.
    let pushed = common::github::commit_files(
        &gh.bare("me", "fleet"),
        "main",
        &[(
            "clusters/dev/greeting.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: greeting\n  namespace: default\ndata:\n  text: hello\n",
        )],
        "greeting",
    );
    bed.floe()
        .args([
            "reconcile",
            "sync",
            "flux-system",
            "--with-source",
            "--timeout=2m",
        ])
        .assert()
        .success();
    assert_eq!(applied(), format!("main@sha1:{pushed}"));

    // The token is in the Secret only: not in what floe printed, not in the repository's
    // history, not in a scratch file left behind.
    let history = git(
        &gh.bare("me", "fleet"),
        &["log", "-p", "--all", "--format=%H %an %s"],
    );
    for (what, text) in [
        ("stdout", stdout.as_str()),
        ("stderr", stderr.as_str()),
        ("the repository's history", history.as_str()),
    ] {
        assert!(!text.contains(TOKEN), "the token is in {what}");
    }
    let left: Vec<_> = std::fs::read_dir(logs.path()).unwrap().flatten().collect();
    assert!(left.is_empty(), "scratch left behind: {left:?}");

    flux_after_floe(bed, gh);
}

/// The real `flux bootstrap github` (v2.9.4) against the same stand-in and repository: it
/// only renames the generator in the files floe wrote, and `floe bootstrap github` after it
/// commits nothing; nothing drifted.
fn flux_after_floe(bed: &common::testbed::TestBed, gh: &common::github::FakeGitHub) {
    let before = gh.git("me", "fleet", &["rev-parse", "main"]);
    let flux = std::process::Command::new(common::testbed::engine_bin("flux"))
        .env("GITHUB_TOKEN", TOKEN)
        .args(["bootstrap", "github", "--hostname", &hostname(gh)])
        .arg(format!("--ca-file={}", gh.ca_file.display()))
        .args([
            "--owner=me",
            "--repository=fleet",
            "--personal",
            "--private",
            "--path=clusters/dev",
            "--token-auth",
            "--author-name=flux",
            "--author-email=flux@example.com",
            "--timeout=4m",
        ])
        .arg(format!("--kubeconfig={}", bed.kubeconfig.display()))
        .output()
        .unwrap();
    assert!(
        flux.status.success(),
        "flux bootstrap github failed: {}{}",
        String::from_utf8_lossy(&flux.stdout),
        String::from_utf8_lossy(&flux.stderr)
    );
    let diff = gh.git(
        "me",
        "fleet",
        &[
            "diff",
            "-U0",
            &before,
            "main",
            "--",
            "clusters/dev/flux-system",
        ],
    );
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .collect();
    assert_eq!(
        changed,
        [
            "-# This manifest was generated by floe. DO NOT EDIT.",
            "+# This manifest was generated by flux. DO NOT EDIT.",
            "-# This manifest was generated by floe. DO NOT EDIT.",
            "+# This manifest was generated by flux. DO NOT EDIT.",
        ],
        "flux changed more than the generator line:\n{diff}"
    );
    let after_flux = gh.git("me", "fleet", &["rev-parse", "main"]);
    let rerun = bed
        .floe()
        .env("GITHUB_TOKEN", TOKEN)
        .args(["bootstrap", "github", "--hostname", &hostname(gh)])
        .arg(format!("--ca-file={}", gh.ca_file.display()))
        .args([
            "--owner=me",
            "--repository=fleet",
            "--personal",
            "--private",
            "--path=clusters/dev",
            "--token-auth",
            "--timeout=4m",
        ])
        .output()
        .unwrap();
    assert!(
        rerun.status.success(),
        "floe bootstrap github after flux failed: {}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    assert_eq!(gh.git("me", "fleet", &["rev-parse", "main"]), after_flux);
    bed.floe()
        .args(["drift", "-A", "--exit-code"])
        .assert()
        .success();
}
