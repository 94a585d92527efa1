//! Bad flags: usage errors before anything is touched.

use super::*;

/// Bad flags are usage errors (exit 2) that name the value, before anything is contacted.
#[test]
fn bad_bootstrap_flags_are_usage_errors() {
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "github",
                "--owner=me",
                "--repository=r",
                "--team=devs:write",
            ],
            "invalid team permission \"write\"",
        ),
        (
            &[
                "github",
                "--owner=me",
                "--repository=r",
                "--personal",
                "--team=devs",
            ],
            "--team devs needs an organisation repository",
        ),
        (
            &["github", "--owner=me", "--repository=r", "--branch=a..b"],
            "invalid --branch \"a..b\"",
        ),
        (
            &["github", "--owner=m e", "--repository=r"],
            "invalid --owner \"m e\"",
        ),
        (
            &["github", "--owner=me", "--repository=r", "--path=../x"],
            "invalid --path",
        ),
        (
            &[
                "github",
                "--owner=me",
                "--repository=r",
                "--hostname=https://x",
            ],
            "invalid --hostname",
        ),
        (
            &[
                "github",
                "--owner=me",
                "--repository=r",
                "--ssh-key-algorithm=rsa",
                "--ssh-rsa-bits=1000",
            ],
            "invalid --ssh-rsa-bits 1000",
        ),
        (
            &[
                "github",
                "--owner=me",
                "--repository=r",
                "--ssh-hostname=ssh.example.com/x",
            ],
            "invalid --ssh-hostname \"ssh.example.com/x\"",
        ),
        (
            &["gitlab", "--owner=acme//x", "--repository=r"],
            "invalid --owner \"acme//x\"",
        ),
        (
            &[
                "gitlab",
                "--owner=acme",
                "--repository=r",
                "--visibility=secret",
            ],
            "invalid value 'secret' for '--visibility",
        ),
        (
            &[
                "gitlab",
                "--owner=acme",
                "--repository=r",
                "--token-auth",
                "--deploy-token-auth",
            ],
            "--token-auth and --deploy-token-auth",
        ),
        (
            &[
                "gitlab",
                "--owner=me",
                "--personal",
                "--repository=r",
                "--team=devs",
            ],
            "--team devs needs an organisation repository",
        ),
        (
            &["gitea", "--owner=acme", "--repository=r/x"],
            "invalid --repository \"r/x\"",
        ),
        (
            &[
                "gitea",
                "--owner=acme",
                "--repository=r",
                "--team=devs:owner",
            ],
            "invalid team permission \"owner\"",
        ),
        (
            &["bitbucket-server", "--owner=FLEET", "--repository=r"],
            "--hostname",
        ),
        (
            &[
                "bitbucket-server",
                "--hostname=bb.example.com",
                "--owner=FL-EET",
                "--repository=r",
            ],
            "invalid --owner \"FL-EET\": allowed are a project key",
        ),
        (
            &[
                "bitbucket-server",
                "--hostname=bb.example.com",
                "--owner=alice",
                "--personal",
                "--repository=r",
                "--group=platform",
            ],
            "--group platform needs an organisation repository",
        ),
        (
            &["git", "--url=http://example.com/r.git"],
            "--allow-insecure-http",
        ),
        (
            &["git", "--url=ftp://example.com/r.git"],
            "invalid --url scheme \"ftp\"",
        ),
        (&["git", "--url=file:///tmp/r.git"], "--sync-url"),
        (
            &["git", "--url=ssh://git@example.com/r.git", "--token-auth"],
            "--token-auth needs an http(s) URL",
        ),
    ];
    for (args, message) in cases {
        common::floe()
            .env("GITHUB_TOKEN", "t")
            .env("GITLAB_TOKEN", "t")
            .env("GITEA_TOKEN", "t")
            .env("BITBUCKET_TOKEN", "t")
            .env("KUBECONFIG", "/nonexistent")
            .arg("bootstrap")
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*message));
    }
    // No token and no terminal to ask on: the message names GITHUB_TOKEN.
    common::floe()
        .env_remove("GITHUB_TOKEN")
        .args(["bootstrap", "github", "--owner=me", "--repository=r"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("GITHUB_TOKEN"));
    // Each host names its own variable.
    for (host, env, extra) in [
        ("gitlab", "GITLAB_TOKEN", None),
        ("gitea", "GITEA_TOKEN", None),
        (
            "bitbucket-server",
            "BITBUCKET_TOKEN",
            Some("--hostname=bb.example.com"),
        ),
    ] {
        common::floe()
            .env_remove(env)
            .args(["bootstrap", host, "--owner=ME", "--repository=r"])
            .args(extra)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "no {} token: set {env}",
                match host {
                    "gitlab" => "GitLab",
                    "gitea" => "Gitea",
                    _ => "Bitbucket Server",
                }
            )));
    }
}
