//! `floe bootstrap gitlab` on the real engine (Flux 2.9.4's own controllers as host processes
//! under their ServiceAccounts, KWOK for the kubelet, Kubernetes 1.36). GitLab's REST API is a
//! stand-in (tests/common/forges.rs: the documented requests, simulated) in front of a real
//! `git http-backend` over HTTPS with a private CA and OpenSSH's sshd for deploy keys; the real
//! source-controller pulls with the deploy token floe created, and over SSH with the deploy key
//! floe registered.

mod common;

use common::forges::{FakeForge, GITLAB_TOKEN};
use common::github::git;

#[test]
fn bootstrap_gitlab_is_synced_by_the_real_controllers() {
    let Some(bed) = common::testbed::engine() else {
        return;
    };

    // ---- GitLab (stand-in): a project in a subgroup, shared with a group, pulled with a
    // deploy token.
    let Some(gl) = FakeForge::gitlab_with_ssh() else {
        return;
    };
    let ca = format!("--ca-file={}", gl.ca_file.display());
    let host = format!("--hostname={}", gl.host);
    let args = [
        "bootstrap",
        "gitlab",
        &host,
        &ca,
        "--owner=acme/platform",
        "--repository=fleet",
        "--team=devs",
        "--visibility=internal",
        "--deploy-token-auth",
    ];
    // A wrong token is named before anything changes.
    let (ok, _, stderr) = common::forges::bootstrap(bed, ("GITLAB_TOKEN", "glpat-wrong"), &args);
    assert!(!ok);
    assert!(
        stderr.contains("rejected the token (401); check GITLAB_TOKEN"),
        "{stderr}"
    );
    assert!(gl.writes().is_empty(), "{:?}", gl.writes());
    // An API that redirects elsewhere: not followed, named, and the other host gets nothing.
    let (other, seen) = common::hostile::recording_basic_auth();
    gl.state().redirect_to = Some(format!("http://127.0.0.1:{other}/api/v4/user"));
    let (ok, _, stderr) = common::forges::bootstrap(bed, ("GITLAB_TOKEN", GITLAB_TOKEN), &args);
    assert!(!ok);
    assert!(
        stderr.contains("redirected to http://127.0.0.1:"),
        "{stderr}"
    );
    assert!(!stderr.contains(GITLAB_TOKEN));
    assert!(
        seen.lock().unwrap().is_empty(),
        "the redirect was followed: {:?}",
        seen.lock().unwrap()
    );
    gl.state().redirect_to = None;
    assert!(gl.writes().is_empty(), "{:?}", gl.writes());
    // A dry run: the plan, and no request that writes.
    let dry = [&args[..], &["--dry-run"]].concat();
    let (ok, _, planned) = common::forges::bootstrap(bed, ("GITLAB_TOKEN", GITLAB_TOKEN), &dry);
    assert!(ok, "{planned}");
    assert!(
        planned.contains(
            "would create internal repository acme/platform/fleet, grant team devs maintainer"
        ),
        "{planned}"
    );
    assert!(gl.writes().is_empty(), "{:?}", gl.writes());

    let (ok, stdout, stderr) =
        common::forges::bootstrap(bed, ("GITLAB_TOKEN", GITLAB_TOKEN), &args);
    assert!(ok, "bootstrap gitlab failed: {stderr}");
    {
        let state = gl.state();
        assert!(
            state.unknown.is_empty(),
            "requests the stand-in does not know: {:?}",
            state.unknown
        );
        let repo = &state.repos["acme/platform/fleet"];
        assert_eq!(repo.visibility, "internal");
        assert_eq!(repo.shares.get("devs").map(String::as_str), Some("40"));
        assert_eq!(repo.deploy_tokens.len(), 1);
        assert!(repo.keys.is_empty(), "no deploy key with a deploy token");
    }
    let stored = bed.secret("flux-system", "flux-system");
    let username = common::forges::decoded(&stored, "username");
    assert!(username.starts_with("gitlab+deploy-token-"), "{username}");
    assert_ne!(
        common::forges::decoded(&stored, "password"),
        GITLAB_TOKEN,
        "the deploy token, not the user's"
    );
    let head = git(&gl.bare("acme/platform", "fleet"), &["rev-parse", "main"]);
    assert_eq!(
        bed.flux_system_sync(),
        (
            format!("https://{}/acme/platform/fleet.git", gl.host),
            format!("main@sha1:{head}")
        )
    );
    // A re-run keeps the deploy token and commits nothing.
    let writes = gl.writes().len();
    let (ok, _, again) = common::forges::bootstrap(bed, ("GITLAB_TOKEN", GITLAB_TOKEN), &args);
    assert!(ok, "{again}");
    assert!(again.contains("nothing changed"), "{again}");
    assert_eq!(gl.writes().len(), writes, "{:?}", gl.writes());
    assert_eq!(
        git(&gl.bare("acme/platform", "fleet"), &["rev-parse", "main"]),
        head
    );
    let history = git(&gl.bare("acme/platform", "fleet"), &["log", "-p", "--all"]);
    for (what, text) in [
        ("stdout", &stdout),
        ("stderr", &stderr),
        ("history", &history),
    ] {
        assert!(!text.contains(GITLAB_TOKEN), "the token is in {what}");
    }

    // A deploy key over SSH on a personal project whose deploy keys fill more than one page
    // (GitLab pages by 100 at most): floe's read-only key is added, the real source-controller
    // clones with it, and a re-run finds it on the second page and changes nothing.
    gl.seed("me", "fleet-ssh");
    gl.add_keys("me/fleet-ssh", 120);
    let ssh = format!("--ssh-hostname={}", gl.ssh_host.as_deref().unwrap());
    let args = [
        "bootstrap",
        "gitlab",
        &host,
        &ca,
        "--owner=me",
        "--personal",
        "--repository=fleet-ssh",
        &ssh,
    ];
    let (ok, _, stderr) = common::forges::bootstrap(bed, ("GITLAB_TOKEN", GITLAB_TOKEN), &args);
    assert!(ok, "bootstrap gitlab over SSH failed: {stderr}");
    {
        let state = gl.state();
        assert!(state.unknown.is_empty(), "{:?}", state.unknown);
        let keys = &state.repos["me/fleet-ssh"].keys;
        assert_eq!(keys.len(), 121);
        assert!(
            keys[120].title.starts_with("floe: clusters/dev"),
            "{:?}",
            keys[120]
        );
        assert!(!keys[120].can_push);
    }
    let head = git(&gl.bare("me", "fleet-ssh"), &["rev-parse", "main"]);
    assert_eq!(
        bed.flux_system_sync(),
        (
            format!(
                "ssh://git@{}/me/fleet-ssh.git",
                gl.ssh_host.as_deref().unwrap()
            ),
            format!("main@sha1:{head}")
        )
    );
    let writes = gl.writes().len();
    let (ok, _, again) = common::forges::bootstrap(bed, ("GITLAB_TOKEN", GITLAB_TOKEN), &args);
    assert!(ok, "{again}");
    assert!(again.contains("nothing changed"), "{again}");
    assert_eq!(gl.writes().len(), writes, "{:?}", gl.writes());
}
