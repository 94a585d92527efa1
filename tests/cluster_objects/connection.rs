//! Connecting: an unreachable server, rejected credentials, contexts and exec plugins.

use super::*;

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

/// kubectl's and flux's connection flags: `--server`, `--certificate-authority`,
/// `--client-certificate` and `--client-key` reach the cluster with no kubeconfig at all, and
/// override a kubeconfig that points elsewhere with the wrong credentials;
/// `--insecure-skip-tls-verify` with a CA is a usage error, as kubectl makes it.
#[test]
fn connection_flags_reach_the_cluster_as_kubectls_do() {
    let bed = engine!();
    let Some(bed_dir) = bed.dir.as_ref() else {
        eprintln!("skipped: the cluster is not floe's test bed (no certificates to read)");
        return;
    };
    let config: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&bed.kubeconfig).unwrap()).unwrap();
    let server = config["clusters"][0]["cluster"]["server"].as_str().unwrap();
    let flags = [
        format!("--server={server}"),
        format!(
            "--certificate-authority={}",
            bed_dir.join("ca.crt").display()
        ),
        format!(
            "--client-certificate={}",
            bed_dir.join("admin.crt").display()
        ),
        format!("--client-key={}", bed_dir.join("admin.key").display()),
    ];
    let home = tempfile::tempdir().unwrap();
    common::floe()
        .env_remove("KUBECONFIG")
        .env("HOME", home.path())
        .args(["get", "all", "-A"])
        .args(&flags)
        .assert()
        .success();
    // Over a kubeconfig whose server is elsewhere and whose token is refused.
    let dir = tempfile::tempdir().unwrap();
    let port = common::free_port();
    let wrong = kubeconfig_with(
        dir.path(),
        &format!("https://127.0.0.1:{port}"),
        "    token: refused\n",
    );
    common::floe()
        .env("KUBECONFIG", &wrong)
        .args(["get", "all", "-A"])
        .args(&flags)
        .assert()
        .success();
    // Without the flags, the same kubeconfig fails: the flags were what worked.
    common::floe()
        .env("KUBECONFIG", &wrong)
        .args(["get", "all", "-A", "--timeout=5s"])
        .assert()
        .code(1);
    common::floe()
        .env("KUBECONFIG", &wrong)
        .args(["get", "all", "--insecure-skip-tls-verify"])
        .arg(&flags[1])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--insecure-skip-tls-verify and --certificate-authority cannot be used together",
        ));
    common::floe()
        .args(["get", "all", "--server=ftp://x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid --server"));
}
