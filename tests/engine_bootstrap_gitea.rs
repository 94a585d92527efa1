//! `floe bootstrap gitea` against a real Gitea (code.gitea.io/gitea v1.27.3, built by
//! scripts/gitea, over HTTPS with a private CA, its built-in SSH server on) and the real
//! engine: Flux 2.9.4's own controllers (host processes under their ServiceAccounts, KWOK for
//! the kubelet) on Kubernetes 1.36 pull what floe pushed, over HTTPS with the token and over
//! SSH with the deploy key floe registered through Gitea's API. Nothing here is simulated but
//! the kubelet and container images.

mod common;

use common::gitea::{Gitea, USER};
use serde_json::{Value, json};

fn head(gitea: &Gitea, owner: &str, repo: &str) -> String {
    let (status, branch) = gitea.api(
        "GET",
        &format!("/api/v1/repos/{owner}/{repo}/branches/main"),
        None,
    );
    assert_eq!(status, 200, "{branch}");
    branch["commit"]["id"].as_str().unwrap().to_string()
}

/// The whole history of `owner/repo` with patches, read with git over HTTPS.
fn history(gitea: &Gitea, owner: &str, repo: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "https://{USER}:{}@{}/{owner}/{repo}.git",
        gitea.token, gitea.host
    );
    let clone = std::process::Command::new("git")
        .args(["clone", "-q", "--bare", &url])
        .arg(dir.path().join("r"))
        .env("GIT_SSL_CAINFO", &gitea.ca_file)
        .status()
        .unwrap();
    assert!(clone.success());
    common::github::git(
        &dir.path().join("r"),
        &["log", "-p", "--all", "--format=%H %an %s"],
    )
}

#[test]
fn bootstrap_gitea_over_https_and_ssh_is_synced_by_the_real_controllers() {
    let Some(bed) = common::testbed::engine() else {
        return;
    };
    let Some(gitea) = Gitea::start() else {
        return;
    };
    // An organisation with a team, as an administrator makes them.
    assert_eq!(
        gitea
            .api("POST", "/api/v1/orgs", Some(&json!({"username": "acme"})))
            .0,
        201
    );
    let (status, team) = gitea.api(
        "POST",
        "/api/v1/orgs/acme/teams",
        Some(&json!({"name": "platform", "permission": "write", "units": ["repo.code"]})),
    );
    assert_eq!(status, 201, "{team}");
    let logs = tempfile::tempdir().unwrap();
    let bootstrap = |args: &[&str]| {
        let mut cmd = bed.floe();
        cmd.env("GITEA_TOKEN", &gitea.token)
            .env("TMPDIR", logs.path())
            .args(["bootstrap", "gitea", "--hostname", &gitea.host])
            .arg(format!("--ca-file={}", gitea.ca_file.display()))
            .args(["--path=clusters/dev", "--timeout=4m"])
            .arg("--manifests")
            .arg(common::flux_install_yaml())
            .args(["--author-name=floe", "--author-email=floe@example.com"])
            .args(args);
        cmd.output().unwrap()
    };
    let org = [
        "--owner=acme",
        "--repository=fleet",
        "--team=platform",
        "--token-auth",
    ];

    // A dry run creates nothing.
    let dry = bootstrap(&[&org[..], &["--dry-run"]].concat());
    let dry_err = String::from_utf8_lossy(&dry.stderr).to_string();
    assert!(dry.status.success(), "{dry_err}");
    assert!(
        dry_err.contains("would create private repository acme/fleet"),
        "{dry_err}"
    );
    assert_eq!(gitea.api("GET", "/api/v1/repos/acme/fleet", None).0, 404);

    // The organisation's repository: created private, the team added, the token stored, and
    // the real controllers sync it over HTTPS.
    let first = bootstrap(&[&org[..], &["-o", "json"]].concat());
    let stdout = String::from_utf8_lossy(&first.stdout).to_string();
    let stderr = String::from_utf8_lossy(&first.stderr).to_string();
    assert!(first.status.success(), "bootstrap failed: {stderr}");
    let events: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.last().unwrap()["result"], "success", "{stdout}");
    let (_, repo) = gitea.api("GET", "/api/v1/repos/acme/fleet", None);
    assert_eq!(repo["private"], true, "{repo}");
    assert_eq!(
        gitea
            .api("GET", "/api/v1/repos/acme/fleet/teams/platform", None)
            .0,
        200
    );
    assert_eq!(
        bed.secret_keys("flux-system", "flux-system"),
        ["ca.crt", "password", "username"]
    );
    let org_head = head(&gitea, "acme", "fleet");
    assert_eq!(bed.flux_system_sync().1, format!("main@sha1:{org_head}"));

    // A re-run changes nothing.
    let again = bootstrap(&org);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing changed"));
    assert_eq!(head(&gitea, "acme", "fleet"), org_head);

    // A personal repository pulled over SSH: floe registers a read-only deploy key through the
    // API, scans Gitea's SSH host key, and the real source-controller clones with them.
    let personal = [
        "--owner",
        USER,
        "--personal",
        "--repository=fleet-ssh",
        "--private=false",
    ];
    let ssh = format!("--ssh-hostname={}", gitea.ssh_host);
    let third = bootstrap(&[&personal[..], &[ssh.as_str()]].concat());
    let third_err = String::from_utf8_lossy(&third.stderr).to_string();
    assert!(
        third.status.success(),
        "bootstrap over SSH failed: {third_err}"
    );
    let (_, repo) = gitea.api("GET", &format!("/api/v1/repos/{USER}/fleet-ssh"), None);
    assert_eq!(repo["private"], false, "{repo}");
    let (_, keys) = gitea.api("GET", &format!("/api/v1/repos/{USER}/fleet-ssh/keys"), None);
    let keys = keys.as_array().unwrap();
    assert_eq!(keys.len(), 1, "{keys:?}");
    assert_eq!(keys[0]["read_only"], true);
    assert_eq!(
        bed.secret_keys("flux-system", "flux-system"),
        ["identity", "identity.pub", "known_hosts"]
    );
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
        format!("ssh://git@{}/{USER}/fleet-ssh.git", gitea.ssh_host)
    );
    let ssh_head = head(&gitea, USER, "fleet-ssh");
    assert_eq!(bed.flux_system_sync().1, format!("main@sha1:{ssh_head}"));

    // Again: the key is kept, nothing is committed.
    let fourth = bootstrap(&[&personal[..], &[ssh.as_str()]].concat());
    assert!(
        fourth.status.success(),
        "{}",
        String::from_utf8_lossy(&fourth.stderr)
    );
    let (_, keys) = gitea.api("GET", &format!("/api/v1/repos/{USER}/fleet-ssh/keys"), None);
    assert_eq!(keys.as_array().unwrap().len(), 1, "{keys}");
    assert_eq!(head(&gitea, USER, "fleet-ssh"), ssh_head);

    // The token is in the Secret only: not in what floe printed, not in either repository's
    // history, not in a scratch file left behind.
    for (what, text) in [
        ("stdout", stdout),
        ("stderr", stderr),
        ("the SSH run's stderr", third_err),
        ("acme/fleet's history", history(&gitea, "acme", "fleet")),
        ("the personal history", history(&gitea, USER, "fleet-ssh")),
    ] {
        assert!(!text.contains(&gitea.token), "the token is in {what}");
    }
    let left: Vec<_> = std::fs::read_dir(logs.path()).unwrap().flatten().collect();
    assert!(left.is_empty(), "scratch left behind: {left:?}");
}
