//! `floe bootstrap git` over SSH against the real engine: Flux 2.9.4's controllers (built by
//! scripts/testbed, host processes under their ServiceAccounts) on Kubernetes 1.36 clone from
//! OpenSSH's sshd on 127.0.0.1 with the key and known_hosts floe stored in Secret flux-system,
//! as flux stores them. Simulated: the kubelet (KWOK) and container images.

mod common;

use common::github::{create_bare, git};
use common::sshd::Sshd;

#[test]
fn bootstrap_git_over_ssh_is_synced_by_the_real_controllers() {
    let Some(bed) = common::testbed::engine() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (key, public) = common::sshd::client_key(dir.path(), "fleet");
    let authorized = dir.path().join("authorized_keys");
    std::fs::write(&authorized, &public).unwrap();
    let Some(sshd) = Sshd::start(Some(&authorized)) else {
        return;
    };
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join(".ssh")).unwrap();
    std::fs::write(home.join(".ssh/known_hosts"), sshd.known_hosts_line()).unwrap();
    let bare = dir.path().join("fleet.git");
    create_bare(&bare, &[("README.md", "fleet\n")]);
    let url = sshd.url(&bare);
    let bootstrap = || {
        let mut cmd = bed.floe();
        cmd.args([
            "bootstrap",
            "git",
            &format!("--url={url}"),
            "--path=clusters/ssh",
        ])
        .arg(format!("--private-key-file={}", key.display()))
        .arg("--manifests")
        .arg(common::flux_install_yaml())
        .args([
            "--author-name=floe",
            "--author-email=floe@example.com",
            "--timeout=4m",
        ])
        .env("HOME", &home)
        .env_remove("SSH_AUTH_SOCK");
        cmd
    };

    // floe pushes over SSH; the real source-controller clones over SSH with what floe stored.
    let first = bootstrap().output().unwrap();
    assert!(
        first.status.success(),
        "bootstrap failed: {}",
        String::from_utf8_lossy(&first.stderr)
    );
    let head = git(&bare, &["rev-parse", "main"]);
    let applied = bed.kubectl_out(&[
        "get",
        "kustomization",
        "flux-system",
        "-n",
        "flux-system",
        "-o",
        "jsonpath={.status.lastAppliedRevision}",
    ]);
    assert_eq!(applied, format!("main@sha1:{head}"));

    // The Secret holds what flux stores for SSH, nothing else: identity, identity.pub,
    // known_hosts (the server's host key, as the user's known_hosts trusts it).
    let secret: serde_json::Value = serde_json::from_str(&bed.kubectl_out(&[
        "get",
        "secret",
        "flux-system",
        "-n",
        "flux-system",
        "-o",
        "json",
    ]))
    .unwrap();
    let mut keys: Vec<&str> = secret["data"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(keys, ["identity", "identity.pub", "known_hosts"]);
    let decoded = |k: &str| {
        let out = std::process::Command::new("base64")
            .arg("-d")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(secret["data"][k].as_str().unwrap().as_bytes())?;
                child.wait_with_output()
            })
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let host_key: Vec<String> = std::fs::read_to_string(&sshd.host_key_pub)
        .unwrap()
        .split_whitespace()
        .take(2)
        .map(String::from)
        .collect();
    assert!(
        decoded("known_hosts").contains(&host_key.join(" ")),
        "{}",
        decoded("known_hosts")
    );
    assert_eq!(
        decoded("identity.pub")
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>(),
        public.split_whitespace().take(2).collect::<Vec<_>>()
    );

    // A re-run changes nothing, and nothing drifted.
    bootstrap().assert().success();
    assert_eq!(git(&bare, &["rev-parse", "main"]), head);
    bed.floe()
        .args(["drift", "-A", "--exit-code"])
        .assert()
        .success();
}
