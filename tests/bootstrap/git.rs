//! `bootstrap git` over HTTPS, file:// and SSH (a real sshd).

use super::*;

/// `bootstrap git` against the same smart-HTTP server with basic auth (the cluster gets the
/// username and password), and against a file:// repository the cluster pulls through
/// --sync-url.
#[test]
fn bootstrap_git_over_https_and_file_on_the_real_controllers() {
    let s = scenario!("bs-git");
    s.gh.seed_repo("me", "plain", true, &[("README.md", "x\n")]);
    let url = format!("https://{}/me/plain.git", s.gh.host);
    let ca = format!("--ca-file={}", s.gh.ca_file.display());
    let git_cmd = |extra: &[&str]| s.git(&[&["--path=clusters/a", &ca][..], extra].concat());
    // A wrong password is an authentication error, and nothing is installed.
    git_cmd(&[
        &format!("--url={url}"),
        "--username=git",
        "--password=wrong",
        "--token-auth",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("authentication to"));
    assert!(s.deployments().is_empty());
    let tmp = tempfile::tempdir().unwrap();
    let out = git_cmd(&[&format!("--url={url}"), "--username=git", "--token-auth"])
        .env("GIT_PASSWORD", TOKEN)
        .env("TMPDIR", tmp.path())
        .assert()
        .success();
    // The password given in the URL instead: taken as --password, and found nowhere else.
    let in_url = format!("https://git:{TOKEN}@{}/me/plain.git", s.gh.host);
    let again = git_cmd(&[&format!("--url={in_url}"), "--token-auth", "-o", "json"])
        .env("TMPDIR", tmp.path())
        .assert()
        .success();
    let outputs: Vec<String> = [out.get_output(), again.get_output()]
        .iter()
        .flat_map(|o| [o.stdout.clone(), o.stderr.clone()])
        .map(|b| String::from_utf8_lossy(&b).to_string())
        .collect();
    assert_no_secrets(&s, &outputs, tmp.path(), &[TOKEN]);
    assert_eq!(s.secret_field("flux-system", "password"), TOKEN);
    assert_eq!(
        s.jsonpath("gitrepository.source.toolkit.fluxcd.io", "{.spec.url}"),
        url
    );
    let head = s.gh.git("me", "plain", &["rev-parse", "main"]);
    assert_eq!(
        s.jsonpath(
            "kustomization.kustomize.toolkit.fluxcd.io",
            "{.status.lastAppliedRevision}"
        ),
        format!("main@sha1:{head}")
    );
    drop(s);

    // file://: floe pushes to the directory; the cluster pulls the same public repository over
    // HTTPS, anonymously, trusting the server's private CA through the Secret.
    let s = scenario!("bs-file");
    s.gh.seed_repo("me", "local", false, &[]);
    let file_url = format!("file://{}", s.gh.bare("me", "local").display());
    let sync_url = format!("https://{}/me/local.git", s.gh.host);
    s.git(&[
        "--path=clusters/b",
        "--branch=fleet",
        &format!("--url={file_url}"),
        &format!("--sync-url={sync_url}"),
        &format!("--ca-file={}", s.gh.ca_file.display()),
    ])
    .assert()
    .success();
    let head = git(&s.gh.bare("me", "local"), &["rev-parse", "fleet"]);
    assert_eq!(
        git(&s.gh.bare("me", "local"), &["rev-list", "--count", "fleet"]),
        "1",
        "an empty repository gets floe's commit as its first"
    );
    assert_eq!(
        s.jsonpath(
            "gitrepository.source.toolkit.fluxcd.io",
            "{.status.artifact.revision}"
        ),
        format!("fleet@sha1:{head}")
    );
    let fields: Vec<String> = s.secret("flux-system")["data"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(
        fields,
        ["ca.crt"],
        "a public repository needs no credentials, only the CA"
    );
}

/// `bootstrap git` over SSH against a real sshd: floe pushes with --private-key-file (the host
/// trusted through the user's known_hosts) and the cluster gets that key; with the push key in
/// an ssh-agent instead, floe generates the cluster's key and prints it to add as a deploy key.
#[test]
fn bootstrap_git_over_ssh_with_a_real_sshd_on_the_real_controllers() {
    let s = scenario!("bs-ssh");
    let dir = tempfile::tempdir().unwrap();
    let (key, public) = common::sshd::client_key(dir.path(), "pusher");
    let authorized = dir.path().join("authorized_keys");
    std::fs::write(&authorized, &public).unwrap();
    let Some(sshd) = Sshd::start(Some(&authorized)) else {
        return;
    };
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join(".ssh")).unwrap();
    std::fs::write(home.join(".ssh/known_hosts"), sshd.known_hosts_line()).unwrap();
    let bare = s.gh.root.join("me/ssh.git");
    create_bare(&bare, &[("README.md", "x\n")]);
    let url = sshd.url(&bare);
    let url_flag = format!("--url={url}");
    let bootstrap = |extra: &[&str]| {
        let mut cmd = s.git(&[&["--path=clusters/ssh", &url_flag][..], extra].concat());
        cmd.env("HOME", &home).env_remove("SSH_AUTH_SOCK");
        cmd
    };
    let out = bootstrap(&[&format!("--private-key-file={}", key.display())])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        !stderr.contains("add this public key"),
        "the given key is used: {stderr}"
    );
    let head = git(&bare, &["rev-parse", "main"]);
    assert_eq!(git(&bare, &["log", "-1", "--format=%an"]), "t");
    s.assert_secret_key(&public);
    let host_key: Vec<String> = std::fs::read_to_string(&sshd.host_key_pub)
        .unwrap()
        .split_whitespace()
        .take(2)
        .map(String::from)
        .collect();
    assert!(
        s.secret_field("flux-system", "known_hosts")
            .contains(&host_key.join(" "))
    );
    assert_eq!(
        s.jsonpath("gitrepository.source.toolkit.fluxcd.io", "{.spec.url}"),
        url
    );
    assert_eq!(
        s.jsonpath(
            "kustomization.kustomize.toolkit.fluxcd.io",
            "{.status.lastAppliedRevision}"
        ),
        format!("main@sha1:{head}")
    );

    // The push key in an agent and no Secret: floe makes the cluster a key and shows it.
    s.bed
        .kubectl_out(&["delete", "secret", "flux-system", "-n", &s.ns]);
    let socket = dir.path().join("agent.sock");
    let mut agent = std::process::Command::new("ssh-agent")
        .arg("-D")
        .arg("-a")
        .arg(&socket)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..100 {
        if socket.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let added = std::process::Command::new("ssh-add")
        .arg(&key)
        .env("SSH_AUTH_SOCK", &socket)
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    // No terminal to ask whether the key was added: the real source-controller is refused
    // until it is, and floe says so.
    let out = bootstrap(&["--timeout=2m"])
        .env("SSH_AUTH_SOCK", &socket)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let generated = s.secret_field("flux-system", "identity.pub");
    assert!(generated.starts_with("ecdsa-sha2-nistp384 "), "{generated}");
    assert!(
        stderr.contains("add this public key to the repository as a deploy key"),
        "{stderr}"
    );
    assert!(
        stderr.contains(generated.trim()),
        "the printed key is the Secret's: {stderr}"
    );
    assert!(stderr.contains("unable to authenticate"), "{stderr}");
    assert_eq!(
        git(&bare, &["rev-parse", "main"]),
        head,
        "nothing new to commit"
    );
    // The key added where the message says; the same command converges with it.
    {
        use std::io::Write;
        let mut keys = std::fs::OpenOptions::new()
            .append(true)
            .open(&authorized)
            .unwrap();
        writeln!(keys, "{}", generated.trim()).unwrap();
    }
    bootstrap(&[])
        .env("SSH_AUTH_SOCK", &socket)
        .assert()
        .success();
    let _ = agent.kill();
    let _ = agent.wait();

    // --private-key-file while the Secret holds another key (the generated one): the Secret is
    // replaced with the given key, and the step says so; the same key again: kept.
    let key_flag = format!("--private-key-file={}", key.display());
    let credentials_line = |said: &str| {
        bootstrap(&[&key_flag])
            .assert()
            .success()
            .stderr(predicate::str::contains(format!(
                "credentials: Secret {}/flux-system {said}",
                s.ns
            )));
    };
    credentials_line("updated with the key of --private-key-file");
    s.assert_secret_key(&public);
    assert!(
        !s.secret("flux-system")["data"]
            .as_object()
            .unwrap()
            .contains_key("password"),
        "nothing of the old credentials survives"
    );
    credentials_line("kept");
    drop(s);

    drop(sshd);

    // Over HTTPS with a username and password and no --token-auth, the cluster pulls over SSH
    // (the host's SSH endpoint, --ssh-hostname) with a generated deploy key, as flux does; the
    // password goes nowhere near the cluster. The host refuses the key until the user
    // registers it; then the same command converges.
    let s = scenario!("bs-https-key");
    s.gh.seed_repo("me", "plain", true, &[("README.md", "x\n")]);
    let plain = |timeout: &str| {
        let mut cmd = s.git(&[
            "--path=clusters/k",
            &format!("--url=https://{}/me/plain.git", s.gh.host),
            &format!("--ca-file={}", s.gh.ca_file.display()),
            "--username=git",
            &format!("--ssh-hostname={}", s.ssh_host()),
            timeout,
        ]);
        cmd.env("GIT_PASSWORD", TOKEN);
        cmd
    };
    let out = plain("--timeout=2m").assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("add this public key"), "{stderr}");
    assert!(stderr.contains("unable to authenticate"), "{stderr}");
    let secret = s.secret("flux-system");
    let fields: Vec<&String> = secret["data"].as_object().unwrap().keys().collect();
    assert_eq!(fields, ["identity", "identity.pub", "known_hosts"]);
    assert_eq!(
        s.jsonpath("gitrepository.source.toolkit.fluxcd.io", "{.spec.url}"),
        format!("ssh://git@{}/me/plain.git", s.ssh_host())
    );
    let known_hosts = s.secret_field("flux-system", "known_hosts");
    assert!(
        s.gh.host_keys
            .iter()
            .all(|k| known_hosts.contains(k.as_str())),
        "{known_hosts}"
    );
    s.gh.add_deploy_key(
        "me",
        "plain",
        &s.secret_field("flux-system", "identity.pub"),
        true,
    );
    plain("--timeout=3m").assert().success();
    let head = s.gh.git("me", "plain", &["rev-parse", "main"]);
    assert_eq!(
        s.jsonpath(
            "kustomization.kustomize.toolkit.fluxcd.io",
            "{.status.lastAppliedRevision}"
        ),
        format!("main@sha1:{head}")
    );
}
