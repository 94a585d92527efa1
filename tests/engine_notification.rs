//! Alerts and Receivers on the real engine: Flux 2.9.4's notification-controller (built by
//! scripts/testbed, a host process under its ServiceAccount, its event and webhook listeners
//! on 127.0.0.1) delivers an Alert to a webhook sink run by the test, and a GitHub Receiver
//! made by floe accepts a push signed with its token (and refuses a wrong signature) and asks
//! the source it names to reconcile. Simulated: the kubelet (KWOK); the sink and the caller of
//! the webhook are the test.

mod common;

use std::io::{Read, Write};
use std::time::Duration;

use common::engine::{eventually, sink};
use common::testbed::TestBed;

const TOKEN: &str = "0123456789abcdef0123456789abcdef";

fn installed() -> Option<&'static TestBed> {
    common::engine::installed(&[])
}

fn env_of(bed: &TestBed, controller: &str, key: &str) -> String {
    let dir = bed.dir.as_ref().expect("a test bed started here");
    let text =
        std::fs::read_to_string(dir.join(format!("flux/{controller}.env"))).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key} in {controller}.env"))
        .to_string()
}

/// `sha256=<hex HMAC-SHA256 of body with key>`, as GitHub signs a webhook, computed by openssl.
fn github_signature(key: &str, body: &str) -> String {
    let mut child = std::process::Command::new("openssl")
        .args(["dgst", "-sha256", "-hmac", key, "-hex", "-r"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let hex = String::from_utf8(out.stdout).unwrap();
    format!("sha256={}", hex.split_whitespace().next().unwrap())
}

/// POSTs `body` to `url` as GitHub would; the status code.
fn post(url: &str, event: &str, signature: &str, body: &str) -> u16 {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "POST /{path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nX-GitHub-Event: {event}\r\nX-GitHub-Delivery: 1\r\nX-Hub-Signature-256: {signature}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

#[test]
fn alerts_reach_the_sink_and_a_signed_webhook_reconciles_its_source() {
    let Some(bed) = installed() else {
        return;
    };
    let ns = "notify-real";
    bed.kubectl_out(&["create", "namespace", ns]);
    let (sink_url, received) = sink();

    // An Alert for every GitRepository's events, to a generic webhook.
    bed.floe()
        .args([
            "create",
            "alert-provider",
            "sink",
            "--type=generic",
            "-n",
            ns,
        ])
        .arg(format!("--address={sink_url}"))
        .assert()
        .success();
    bed.floe()
        .args([
            "create",
            "alert",
            "sources",
            "--provider-ref=sink",
            "--event-source=GitRepository/*",
            "-n",
            ns,
        ])
        .assert()
        .success();
    // A source that cannot fetch: source-controller records an error event for it, and
    // notification-controller forwards it.
    let created = bed
        .floe()
        .args([
            "create",
            "source",
            "git",
            "app",
            "--url=http://127.0.0.1:9/nothing.git",
            "--branch=main",
            "-n",
            ns,
            "--timeout=20s",
        ])
        .output()
        .unwrap();
    assert_eq!(
        created.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let alert = eventually(
        "notification-controller to post the source's event to the sink",
        Duration::from_secs(120),
        || {
            received
                .lock()
                .unwrap()
                .iter()
                .find(|b| b.contains("\"name\":\"app\"") && b.contains("GitRepository"))
                .cloned()
        },
    );
    let event: serde_json::Value = serde_json::from_str(&alert).unwrap();
    assert_eq!(event["involvedObject"]["namespace"], ns);
    assert_eq!(event["severity"], "error");
    assert_eq!(event["reportingController"], "source-controller");

    // A GitHub Receiver for the source, with its token in a Secret floe made.
    bed.floe()
        .args([
            "create",
            "secret",
            "receiver",
            "webhook-token",
            "--type=github",
            &format!("--token={TOKEN}"),
            "--hostname=127.0.0.1",
            "-n",
            ns,
        ])
        .assert()
        .success();
    bed.floe()
        .args([
            "create",
            "receiver",
            "github",
            "--type=github",
            "--event=push",
            "--secret-ref=webhook-token",
            "--resource=GitRepository/app",
            "-n",
            ns,
            "--timeout=2m",
        ])
        .assert()
        .success();
    let path = bed.kubectl_out(&[
        "get",
        "receiver",
        "github",
        "-n",
        ns,
        "-o",
        "jsonpath={.status.webhookPath}",
    ]);
    assert!(path.starts_with("/hook/"), "{path}");
    let url = format!(
        "{}{path}",
        env_of(bed, "notification-controller", "RECEIVER_ADDR")
    );
    let requested = || {
        bed.kubectl_out(&[
            "get",
            "gitrepository",
            "app",
            "-n",
            ns,
            "-o",
            "jsonpath={.metadata.annotations.reconcile\\.fluxcd\\.io/requestedAt}",
        ])
    };
    let before = requested();
    let body = r#"{"ref":"refs/heads/main","repository":{"full_name":"me/app"}}"#;

    // A wrong signature is refused and reconciles nothing.
    let refused = post(&url, "push", &github_signature("not-the-token", body), body);
    assert!(refused >= 400, "a bad signature was answered {refused}");
    assert_eq!(requested(), before);

    // The signed push is accepted and asks the source to reconcile.
    let accepted = post(&url, "push", &github_signature(TOKEN, body), body);
    assert_eq!(accepted, 200);
    eventually(
        "the Receiver to annotate GitRepository app",
        Duration::from_secs(60),
        || {
            let now = requested();
            (!now.is_empty() && now != before).then_some(())
        },
    );

    // `floe trigger receiver` to a generic-hmac Receiver: the real notification-controller
    // finds it by the path floe computed and checks floe's signature.
    bed.floe()
        .args([
            "create",
            "secret",
            "receiver",
            "hmac-token",
            "--type=generic-hmac",
        ])
        .args([
            &format!("--token={TOKEN}"),
            "--hostname=127.0.0.1",
            "-n",
            ns,
        ])
        .assert()
        .success();
    bed.floe()
        .args(["create", "receiver", "hmac", "--type=generic-hmac"])
        .args([
            "--secret-ref=hmac-token",
            "--resource=GitRepository/app",
            "-n",
            ns,
        ])
        .arg("--timeout=2m")
        .assert()
        .success();
    let base = env_of(bed, "notification-controller", "RECEIVER_ADDR");
    let trigger = |token: &str, extra: &[&str]| {
        bed.floe()
            .args(["trigger", "receiver", "hmac", "-n", ns])
            .arg(format!("--url={base}"))
            .arg(format!("--token={token}"))
            .args(["--type=generic-hmac", "--payload={\"image\":\"app:v1\"}"])
            .args(extra)
            .output()
            .unwrap()
    };
    // The wrong token is the wrong path: no such hook, named, nothing asked of the source.
    let before = requested();
    let wrong = trigger("not-the-token", &["--retries=0"]);
    assert_eq!(wrong.status.code(), Some(1));
    let err = String::from_utf8_lossy(&wrong.stderr);
    assert!(err.contains("answered 404"), "{err}");
    assert!(!err.contains("not-the-token"), "{err}");
    assert_eq!(requested(), before);
    // The right one, then wait until the source handled the request the Receiver made.
    let right = trigger(TOKEN, &["--wait", "--timeout=2m"]);
    let err = String::from_utf8_lossy(&right.stderr);
    assert!(right.status.success(), "{err}");
    assert!(
        err.contains(&format!("GitRepository {ns}/app reconciled")),
        "{err}"
    );
    let after = requested();
    assert_ne!(after, before);
    assert_eq!(
        bed.kubectl_out(&[
            "get",
            "gitrepository",
            "app",
            "-n",
            ns,
            "-o",
            "jsonpath={.status.lastHandledReconcileAt}",
        ]),
        after
    );
    // flux's own trigger computes the same path and signature.
    let flux = std::process::Command::new(common::testbed::engine_bin("flux"))
        .args([
            "trigger",
            "receiver",
            "hmac",
            "-n",
            ns,
            "--type=generic-hmac",
        ])
        .arg(format!("--url={base}"))
        .arg(format!("--token={TOKEN}"))
        .arg("--retries=0")
        .output()
        .unwrap();
    assert!(flux.status.success(), "{flux:?}");
}
