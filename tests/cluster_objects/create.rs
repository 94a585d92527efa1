//! `create`: sources made Ready by the real source-controller, its failure message, and an
//! SSH deploy key it uses.

use super::*;

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
    let url = sshd.url(&bare);
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
