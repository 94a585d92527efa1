//! `floe bootstrap bitbucket-server` on the real engine (Flux 2.9.4's own controllers as host
//! processes under their ServiceAccounts, KWOK for the kubelet, Kubernetes 1.36). Bitbucket
//! Server's REST API is a stand-in (tests/common/forges.rs: the documented requests,
//! simulated) in front of a real `git http-backend` over HTTPS with a private CA and OpenSSH's
//! sshd for access keys; the real source-controller pulls with the token floe stored, and over
//! SSH with the access key floe registered.

mod common;

use common::forges::{BITBUCKET_TOKEN, FakeForge};
use common::github::git;

#[test]
fn bootstrap_bitbucket_server_is_synced_by_the_real_controllers() {
    let Some(bed) = common::testbed::engine() else {
        return;
    };
    // ---- Bitbucket Server (stand-in): a public repository in project FLEET, write access
    // for a group, pulled with the token; then a user's own repository.
    let Some(bb) = FakeForge::bitbucket_with_ssh() else {
        return;
    };
    let ca = format!("--ca-file={}", bb.ca_file.display());
    let host = format!("--hostname={}", bb.host);
    let args = [
        "bootstrap",
        "bitbucket-server",
        &host,
        &ca,
        "--username=alice",
        "--owner=FLEET",
        "--repository=fleet",
        "--group=platform",
        "--private=false",
        "--token-auth",
    ];
    // A dry run: the plan, and no request that writes.
    let dry = [&args[..], &["--dry-run"]].concat();
    let (ok, _, planned) =
        common::forges::bootstrap(bed, ("BITBUCKET_TOKEN", BITBUCKET_TOKEN), &dry);
    assert!(ok, "{planned}");
    assert!(
        planned
            .contains("would create public repository FLEET/fleet, grant team platform REPO_WRITE"),
        "{planned}"
    );
    assert!(bb.writes().is_empty(), "{:?}", bb.writes());
    let (ok, stdout, stderr) =
        common::forges::bootstrap(bed, ("BITBUCKET_TOKEN", BITBUCKET_TOKEN), &args);
    assert!(ok, "bootstrap bitbucket-server failed: {stderr}");
    {
        let state = bb.state();
        assert!(
            state.unknown.is_empty(),
            "requests the stand-in does not know: {:?}",
            state.unknown
        );
        let repo = &state.repos["FLEET/fleet"];
        assert_eq!(repo.visibility, "public");
        assert_eq!(
            repo.shares.get("platform").map(String::as_str),
            Some("REPO_WRITE")
        );
    }
    let stored = bed.secret("flux-system", "flux-system");
    assert_eq!(common::forges::decoded(&stored, "username"), "alice");
    let head = git(&bb.bare("FLEET", "fleet"), &["rev-parse", "main"]);
    assert_eq!(
        bed.flux_system_sync(),
        (
            format!("https://{}/scm/fleet/fleet.git", bb.host),
            format!("main@sha1:{head}")
        )
    );
    let writes = bb.writes().len();
    let (ok, _, again) =
        common::forges::bootstrap(bed, ("BITBUCKET_TOKEN", BITBUCKET_TOKEN), &args);
    assert!(ok, "{again}");
    assert_eq!(bb.writes().len(), writes, "{:?}", bb.writes());

    let personal = [
        "bootstrap",
        "bitbucket-server",
        &host,
        &ca,
        "--username=alice",
        "--owner=alice",
        "--personal",
        "--repository=mine",
        "--token-auth",
    ];
    // Moving the cluster to another repository: the Kustomization, reconciling the previous
    // repository's revision once more, applies that repository's GitRepository back over
    // floe's (played here by kubectl, the moment floe's URL appears); floe applies its own
    // again and still verifies the new repository.
    let old_url = format!("https://{}/scm/fleet/fleet.git", bb.host);
    let new_url = format!("https://{}/scm/~alice/mine.git", bb.host);
    let mut watch = bed
        .kubectl()
        .args([
            "get",
            "gitrepository",
            "flux-system",
            "-n",
            "flux-system",
            "--watch",
        ])
        .args(["-o", "jsonpath={.spec.url}{\"\\n\"}"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let lines = std::io::BufRead::lines(std::io::BufReader::new(watch.stdout.take().unwrap()));
    let reverter = {
        let patch = format!(r#"{{"spec":{{"url":"{old_url}"}}}}"#);
        let kubeconfig = bed.kubeconfig.clone();
        let new_url = new_url.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if line.trim() == new_url {
                    let out = std::process::Command::new(common::testbed::engine_bin("kubectl"))
                        .arg("--kubeconfig")
                        .arg(&kubeconfig)
                        .args(["patch", "gitrepository", "flux-system", "-n", "flux-system"])
                        .args(["--type=merge", "-p", &patch])
                        .output()
                        .unwrap();
                    return out.status.success();
                }
            }
            false
        })
    };
    let (ok, _, mine) =
        common::forges::bootstrap(bed, ("BITBUCKET_TOKEN", BITBUCKET_TOKEN), &personal);
    let _ = watch.kill();
    let _ = watch.wait();
    assert!(reverter.join().unwrap(), "the old URL was put back");
    assert!(ok, "{mine}");
    assert_eq!(bb.state().repos["~alice/mine"].visibility, "private");
    let head = git(&bb.bare("~alice", "mine"), &["rev-parse", "main"]);
    assert_eq!(
        bed.flux_system_sync(),
        (new_url, format!("main@sha1:{head}"))
    );
    assert!(bb.state().unknown.is_empty(), "{:?}", bb.state().unknown);
    let history = git(&bb.bare("FLEET", "fleet"), &["log", "-p", "--all"]);
    for (what, text) in [
        ("stdout", &stdout),
        ("stderr", &stderr),
        ("history", &history),
        ("the personal run", &mine),
    ] {
        assert!(!text.contains(BITBUCKET_TOKEN), "the token is in {what}");
    }

    // A project repository pulled over SSH (Bitbucket Server's port, `/key/slug.git`): a
    // read-only access key registered through the keys API, labelled with floe's title, and
    // the real source-controller clones with it; a re-run keeps it.
    bb.seed("FLEET", "fleet-ssh");
    let ssh_host = bb.ssh_host.clone().unwrap();
    let ssh = format!("--ssh-hostname={ssh_host}");
    let args = [
        "bootstrap",
        "bitbucket-server",
        &host,
        &ca,
        "--username=alice",
        "--owner=FLEET",
        "--repository=fleet-ssh",
        &ssh,
    ];
    let (ok, _, stderr) =
        common::forges::bootstrap(bed, ("BITBUCKET_TOKEN", BITBUCKET_TOKEN), &args);
    assert!(ok, "bootstrap bitbucket-server over SSH failed: {stderr}");
    {
        let state = bb.state();
        let keys = &state.repos["FLEET/fleet-ssh"].keys;
        assert_eq!(keys.len(), 1, "{keys:?}");
        assert!(keys[0].title.starts_with("floe: clusters/dev"), "{keys:?}");
        assert!(!keys[0].can_push);
        assert!(state.unknown.is_empty(), "{:?}", state.unknown);
    }
    let head = git(&bb.bare("FLEET", "fleet-ssh"), &["rev-parse", "main"]);
    assert_eq!(
        bed.flux_system_sync(),
        (
            format!("ssh://git@{ssh_host}/fleet/fleet-ssh.git"),
            format!("main@sha1:{head}")
        )
    );
    let writes = bb.writes().len();
    let (ok, _, again) =
        common::forges::bootstrap(bed, ("BITBUCKET_TOKEN", BITBUCKET_TOKEN), &args);
    assert!(ok, "{again}");
    assert!(again.contains("nothing changed"), "{again}");
    assert_eq!(bb.writes().len(), writes, "{:?}", bb.writes());
}
