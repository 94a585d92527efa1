//! Failures named early and re-runs that converge: an unreachable cluster, controllers that
//! cannot sync, signals mid-run, and the token prompt.

use super::*;

/// An unreachable cluster stops bootstrap before GitHub or Git are touched.
#[test]
fn cluster_unreachable_fails_before_pushing() {
    let gh = FakeGitHub::start();
    let dir = tempfile::tempdir().unwrap();
    let port = common::free_port();
    let kubeconfig = dir.path().join("kubeconfig");
    std::fs::write(
        &kubeconfig,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: gone\n  cluster:\n    server: https://127.0.0.1:{port}\n    insecure-skip-tls-verify: true\ncontexts:\n- name: gone\n  context:\n    cluster: gone\n    user: u\ncurrent-context: gone\nusers:\n- name: u\n  user:\n    token: t\n"
        ),
    )
    .unwrap();
    common::floe()
        .env("GITHUB_TOKEN", TOKEN)
        .arg("--kubeconfig")
        .arg(&kubeconfig)
        .args([
            "bootstrap",
            "github",
            "--owner=me",
            "--repository=fleet",
            "--personal",
            "--hostname",
            &gh.host,
        ])
        .arg("--ca-file")
        .arg(&gh.ca_file)
        .arg("--manifests")
        .arg(common::flux_install_yaml())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("127.0.0.1:{port}")));
    assert!(gh.writes().is_empty(), "{:?}", gh.writes());
    assert!(!gh.bare("me", "fleet").exists());
}

/// Failing controllers are diagnosed (the pods' image pull error, from KWOK's kubelet for a
/// registry that does not exist), a sync the real source-controller cannot authenticate is
/// explained with a hint, and a re-run after the cause is fixed converges.
#[test]
fn failures_are_diagnosed_and_a_rerun_converges_on_the_real_controllers() {
    let s = scenario!("bs-fail");
    s.gh.seed_repo("me", "fleet", true, &[("README.md", "x\n")]);
    let bootstrap = |extra: &[&str]| {
        s.github(
            &[
                &["--owner=me", "--repository=fleet", "--personal", "--path=c"][..],
                extra,
            ]
            .concat(),
        )
    };
    bootstrap(&["--registry=registry.invalid/fluxcd", "--timeout=30s"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ImagePullBackOff"))
        .stderr(predicate::str::contains("registry.invalid/fluxcd/"));

    // Images fixed; GitHub now refuses the cluster's key over SSH (the API still lists it).
    s.gh.state().ssh_refused = true;
    bootstrap(&[])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unable to authenticate"))
        .stderr(predicate::str::contains(
            "hint: the Git server refused the cluster's credentials",
        ));

    // Fixed: the same command converges.
    s.gh.state().ssh_refused = false;
    bootstrap(&[]).assert().success();
    let head = s.gh.git("me", "fleet", &["rev-parse", "main"]);
    assert_eq!(
        s.jsonpath(
            "gitrepository.source.toolkit.fluxcd.io",
            "{.status.artifact.revision}"
        ),
        format!("main@sha1:{head}")
    );
}

/// On a terminal without GITHUB_TOKEN, floe asks for the token with a hidden prompt (run in a
/// pseudo-terminal from util-linux's `script`), never echoes it, and goes on with it.
#[test]
fn the_token_is_asked_for_on_a_terminal_and_not_echoed() {
    if !common::require(
        std::path::Path::new("/usr/bin/script").exists(),
        "util-linux's script (a pseudo-terminal)",
    ) {
        return;
    }
    let floe = assert_cmd::cargo::cargo_bin("floe");
    let command = format!(
        "{} bootstrap github --owner=me --repository=r --manifests={}",
        floe.display(),
        common::flux_install_yaml().display()
    );
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("GITHUB_TOKEN")
        .env("KUBECONFIG", "/nonexistent/kubeconfig")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The terminal's output, read as it comes, so the token is typed once the prompt shows.
    let shown = std::sync::Arc::new(Mutex::new(Vec::<u8>::new()));
    let reader = {
        use std::io::Read;
        let mut stdout = child.stdout.take().unwrap();
        let sink = shown.clone();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        })
    };
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !String::from_utf8_lossy(&shown.lock().unwrap()).contains("GitHub token") {
            assert!(
                std::time::Instant::now() < until,
                "no prompt: {}",
                String::from_utf8_lossy(&shown.lock().unwrap())
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        stdin.write_all(b"ghp_typedSecret123\r\n").unwrap();
    }
    let status = child.wait().unwrap();
    reader.join().unwrap();
    let text = String::from_utf8_lossy(&shown.lock().unwrap()).to_string();
    assert!(
        text.contains("GitHub token (GITHUB_TOKEN is not set)"),
        "{text}"
    );
    assert!(text.contains("[hidden]"), "{text}");
    assert!(
        !text.contains("ghp_typedSecret123"),
        "the token is not echoed: {text}"
    );
    assert!(
        text.contains("/nonexistent/kubeconfig"),
        "went on to the cluster: {text}"
    );
    assert_eq!(status.code(), Some(1));
}

/// A sync whose path does not build (a kustomization.yaml listing a file that is not there:
/// the real kustomize-controller reports Ready=False BuildFailed and retries), and controllers
/// whose image cannot be pulled (KWOK's kubelet reports ImagePullBackOff for a registry that
/// does not exist): each named and ended long before --timeout, not when it runs out.
#[test]
fn failures_are_named_before_the_timeout_on_the_real_controllers() {
    let s = scenario!("bs-fast-sync");
    s.gh.seed_repo(
        "me",
        "fleet",
        true,
        &[(
            "clusters/dev/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- flux-system\n- apps.yaml\n",
        )],
    );
    named_quickly(
        &s,
        "fail-fast sync",
        &[],
        &[
            "kustomize build failed",
            "apps.yaml",
            "run the command again",
        ],
    );
    drop(s);

    let s = scenario!("bs-fast-pull");
    s.gh.seed_repo("me", "fleet", true, &[("README.md", "x\n")]);
    named_quickly(
        &s,
        "fail-fast image pull",
        &["--registry=registry.invalid/fluxcd"],
        &["ImagePullBackOff", "registry.invalid/fluxcd/"],
    );
}

/// Bootstrap with --timeout=5m fails (exit 1) naming `causes`, well before the timeout
/// would (a failure found only by waiting out the timeout takes the whole 5 minutes).
fn named_quickly(s: &Scenario, label: &str, extra: &[&str], causes: &[&str]) {
    let started = std::time::Instant::now();
    let out = s
        .github(&[&ME_FLEET[..], extra, &["--timeout=5m"]].concat())
        .assert()
        .code(1);
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    for cause in causes {
        assert!(stderr.contains(cause), "{cause:?} not in {stderr}");
    }
    assert!(
        elapsed < std::time::Duration::from_secs(150),
        "took {elapsed:?}"
    );
    common::record_timing(label, started);
}

/// SIGTERM during the clone, SIGINT during the push (a slow Git server), SIGTERM during the
/// install (a cordoned node) and SIGINT during the verification (a slow SSH endpoint): each run stops with 143/130 naming the step, leaves no scratch
/// directory, and the same command then converges (one floe commit, the cluster synced to
/// it). Nothing of the token is anywhere a user could read.
#[test]
fn signals_stop_cleanly_and_a_rerun_converges_on_the_real_controllers() {
    let s = scenario!("bs-signals");
    s.gh.seed_repo("me", "fleet", true, &[("README.md", "x\n")]);
    let tmp = tempfile::tempdir().unwrap();
    // A hook that holds the request, and says when it does.
    let hold = |entered: &std::sync::Arc<std::sync::atomic::AtomicBool>| -> common::github::Hook {
        let entered = entered.clone();
        Box::new(move |_| {
            entered.store(true, std::sync::atomic::Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_secs(15))
        })
    };
    let mut outputs = Vec::new();
    // floe is signalled once the line `after` is out and `held` says it waits inside `step`.
    let mut interrupt = |s: &Scenario,
                         after: &str,
                         held: &dyn Fn() -> bool,
                         signal: &str,
                         code: i32,
                         step: &str| {
        let run = Running::start(s, tmp.path(), &ME_FLEET);
        run.wait_for(after);
        let until = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while !held() {
            assert!(
                std::time::Instant::now() < until,
                "floe never waited in step {step}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        run.signal(signal);
        let (status, stderr) = run.finish();
        assert_eq!(status, Some(code), "{stderr}");
        assert!(
            stderr.contains(&format!("interrupted by SIG{signal} while step {step}")),
            "{stderr}"
        );
        assert!(
            stderr.contains("run the same command again to resume"),
            "{stderr}"
        );
        assert!(
            scratch_left(tmp.path()).is_empty(),
            "{:?}",
            scratch_left(tmp.path())
        );
        outputs.push(stderr);
    };

    // A slow Git server holds floe's clone, then its push.
    let fetching = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    s.gh.state().before_fetch = Some(hold(&fetching));
    let held = || fetching.load(std::sync::atomic::Ordering::SeqCst);
    interrupt(&s, " repository: ", &held, "TERM", 143, "clone");
    let pushing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    s.gh.state().before_push = Some(hold(&pushing));
    let held = || pushing.load(std::sync::atomic::Ordering::SeqCst);
    interrupt(&s, " manifests: ", &held, "INT", 130, "push");
    // A node that schedules nothing (cordoned): the install waits for its Deployments, which
    // it has applied.
    s.bed.kubectl_out(&["cordon", "kwok-node"]);
    let held = || {
        s.bed
            .kubectl_out(&["get", "deployments", "-n", &s.ns, "-o", "name"])
            .contains("deployment.apps/source-controller")
    };
    interrupt(&s, " push: ", &held, "TERM", 143, "install");
    s.bed.kubectl_out(&["uncordon", "kwok-node"]);
    // A slow SSH endpoint: the real source-controller's fetch waits, and so does the
    // verification.
    s.gh.hold_ssh(true);
    let held = || s.gh.ssh_held();
    interrupt(&s, " sync: ", &held, "INT", 130, "verify");
    s.gh.hold_ssh(false);

    let out = s
        .github(&ME_FLEET)
        .env("TMPDIR", tmp.path())
        .assert()
        .success();
    outputs.push(String::from_utf8_lossy(&out.get_output().stderr).to_string());
    let subjects = s.gh.git("me", "fleet", &["log", "--format=%s", "main"]);
    assert_eq!(
        subjects
            .lines()
            .filter(|l| l.contains("floe bootstrap"))
            .count(),
        1,
        "one floe commit: {subjects}"
    );
    let head = s.gh.git("me", "fleet", &["rev-parse", "main"]);
    assert_eq!(
        s.jsonpath(
            "kustomization.kustomize.toolkit.fluxcd.io",
            "{.status.lastAppliedRevision}"
        ),
        format!("main@sha1:{head}")
    );
    assert!(scratch_left(tmp.path()).is_empty());
    assert_no_secrets(&s, &outputs, tmp.path(), &[TOKEN]);
}
