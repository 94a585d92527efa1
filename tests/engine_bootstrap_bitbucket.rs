//! `floe bootstrap gitlab` (this file) and `floe bootstrap bitbucket-server`
//! (engine_bootstrap_bitbucket.rs), each on its own real engine (Flux
//! 2.9.4's own controllers as host processes under their ServiceAccounts, KWOK for the
//! kubelet, Kubernetes 1.36): the hosts' APIs are stand-ins (tests/common/forges.rs, the
//! vendors' documented requests, simulated) in front of a real `git http-backend` over HTTPS
//! with a private CA; the real source-controller pulls with the GitLab deploy token or the
//! Bitbucket token floe stored. SSH deploy keys are shown with the real Gitea
//! (engine_bootstrap_gitea.rs) and the GitHub stand-in's sshd (tests/bootstrap/).

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
    let bb = FakeForge::bitbucket();
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
}
