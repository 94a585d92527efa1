//! Flux objects on the real engine: create, get, watch, reconcile, suspend, resume, export,
//! delete, check, and how connection failures read. Real: a Kubernetes 1.36 API server and Flux
//! 2.9.4's own controllers (built from their Go modules by scripts/testbed, host processes under
//! their ServiceAccounts, installed once per binary by floe with the image automation
//! controllers), Git (`git http-backend` over HTTPS with a private CA and token authentication,
//! the Git side of the GitHub stand-in in tests/common/github.rs; OpenSSH's sshd for SSH) and a
//! Helm repository (a static HTTP server). Simulated: the kubelet (KWOK marks Pods Running and
//! Ready) and container images (nothing runs in the Pods). What needs no Flux at all (a
//! controller that is absent or never ready) is in tests/cluster_no_flux.rs.
//!
//! Objects the controllers must not touch (a thousand sources that only fill list pages, a
//! source whose unreconciled state a watch prints first) are created suspended. Every wait is
//! on a condition, by floe's own `--timeout` or by [`eventually`], with a deadline generous
//! for a loaded 2-core machine and a message naming what it waited for.

#[path = "../common/mod.rs"]
mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use common::engine::{App, IMAGE_CONTROLLERS, config, eventually, installed};
use common::github::{FakeGitHub, TOKEN};
use common::testbed::TestBed;
use predicates::prelude::*;
use serde_json::Value;

/// The test bed with the real engine, Flux installed on it once (the image automation
/// controllers included: `check` reports them).
fn engine() -> Option<&'static TestBed> {
    installed(IMAGE_CONTROLLERS)
}

macro_rules! engine {
    () => {
        match engine() {
            Some(bed) => bed,
            None => return,
        }
    };
}

/// Long enough for the real controllers on a loaded 2-core machine.
const PATIENCE: Duration = Duration::from_secs(120);

fn stdout_json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// A Git server (HTTPS, private CA, token) with repository `me/<repo>` holding `files`, and
/// the Secret `git-auth` in `ns` that lets source-controller read it.
struct GitServer {
    gh: FakeGitHub,
    repo: String,
}

impl GitServer {
    fn start(bed: &TestBed, ns: &str, repo: &str, files: &[(&str, &str)]) -> GitServer {
        let gh = FakeGitHub::start();
        gh.seed_repo("me", repo, true, files);
        let server = GitServer {
            gh,
            repo: repo.to_string(),
        };
        bed.floe()
            .args(["create", "secret", "git", "git-auth", "-n", ns])
            .arg(format!("--url={}", server.url()))
            .args(["--username=git", &format!("--password={TOKEN}")])
            .arg(format!("--ca-crt-file={}", server.gh.ca_file.display()))
            .assert()
            .success();
        server
    }

    fn url(&self) -> String {
        format!("https://{}/me/{}.git", self.gh.host, self.repo)
    }

    /// `main@sha1:<head of main>`, as source-controller names the revision.
    fn head(&self) -> String {
        format!(
            "main@sha1:{}",
            self.gh.git("me", &self.repo, &["rev-parse", "main"])
        )
    }
}

/// `create source git NAME` from the Git server, with its credentials.
fn git_source(bed: &TestBed, ns: &str, name: &str, server: &GitServer) -> assert_cmd::Command {
    let mut cmd = bed.floe();
    cmd.args(["create", "source", "git", name, "--branch=main", "-n", ns])
        .arg(format!("--url={}", server.url()))
        .args(["--secret-ref=git-auth", "--timeout=2m"]);
    cmd
}

/// A URL where nothing listens: source-controller's clone is refused.
fn refused_url() -> String {
    format!("https://127.0.0.1:{}/org/gone.git", common::free_port())
}

/// Applies what `floe create ... --export` prints with kubectl, so tests can set up objects
/// without waiting on their status.
fn kubectl_apply_export(bed: &TestBed, args: &[&str]) {
    let output = common::floe().args(args).arg("--export").output().unwrap();
    assert!(output.status.success());
    let applied = bed.kubectl_with_input(&["apply", "-f", "-"], &output.stdout);
    assert!(applied.status.success(), "{applied:?}");
}

/// Like [`kubectl_apply_export`], with `spec.suspend: true` added: the controllers skip the
/// object, so it keeps the state it was created in.
fn kubectl_apply_suspended(bed: &TestBed, args: &[&str]) {
    let output = common::floe().args(args).arg("--export").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("\nspec:\n"), "{text}");
    let suspended = text.replacen("\nspec:\n", "\nspec:\n  suspend: true\n", 1);
    let applied = bed.kubectl_with_input(&["apply", "-f", "-"], suspended.as_bytes());
    assert!(applied.status.success(), "{applied:?}");
}

/// floe's table: every column but the last padded to its widest cell plus three spaces.
fn table(rows: &[&[&str]]) -> String {
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap())
        .collect();
    let mut out = String::new();
    for row in rows {
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == columns {
                out.push_str(cell);
            } else {
                out.push_str(&format!("{cell:<width$}   ", width = widths[c]));
            }
        }
        out.push('\n');
    }
    out
}

/// One field of a live object, by kubectl's jsonpath.
fn field(bed: &TestBed, kind: &str, ns: &str, name: &str, path: &str) -> String {
    bed.kubectl_out(&[
        "get",
        kind,
        name,
        "-n",
        ns,
        "-o",
        &format!("jsonpath={path}"),
    ])
}

/// The reconcile request on the object and the one its controller last handled.
fn request_and_handled(bed: &TestBed, kind: &str, ns: &str, name: &str) -> (String, String) {
    let both = field(
        bed,
        kind,
        ns,
        name,
        "{.metadata.annotations.reconcile\\.fluxcd\\.io/requestedAt}={.status.lastHandledReconcileAt}",
    );
    let (asked, handled) = both.split_once('=').unwrap();
    (asked.to_string(), handled.to_string())
}

/// The Ready condition's status and message, once the controller has written one that
/// `wanted` accepts.
fn ready_when(
    bed: &TestBed,
    kind: &str,
    ns: &str,
    name: &str,
    wanted: impl Fn(&str, &str) -> bool,
) -> (String, String) {
    eventually(
        &format!("{kind} {ns}/{name} to reach the expected Ready condition"),
        PATIENCE,
        || {
            let both = field(
                bed,
                kind,
                ns,
                name,
                "{.status.conditions[?(@.type==\"Ready\")].status}={.status.conditions[?(@.type==\"Ready\")].message}",
            );
            let (status, message) = both.split_once('=')?;
            wanted(status, message).then(|| (status.to_string(), message.to_string()))
        },
    )
}

mod check;
mod connection;
mod create;
mod get;
mod hostile;
mod operations;
