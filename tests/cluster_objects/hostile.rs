//! Hostile status text and malformed inventory entries.

use super::*;

/// What a hostile or broken cluster object holds: a Ready message that would rewrite the
/// screen (an OSC 8 link, a carriage return and a fake line) and an inventory with ids no
/// object can have, beside one that is fine. Written with kubectl into the status of a
/// Kustomization suspended from the start (the real kustomize-controller leaves it alone).
#[test]
fn hostile_status_text_is_escaped_and_malformed_inventory_entries_are_named_one_by_one() {
    let bed = engine!();
    let ns = bed.namespace("hostile-status");
    let applied = bed.kubectl_with_input(
        &["apply", "-f", "-"],
        format!(
            "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: {ns}\nspec:\n  suspend: true\n  interval: 10m\n  path: ./\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: nowhere\n"
        )
        .as_bytes(),
    );
    assert!(applied.status.success(), "{applied:?}");
    let hostile = "ok\u{1b}]8;;http://evil/\u{7}click\u{1b}]8;;\u{7}\r\nREADY True";
    let status = serde_json::json!({
        "conditions": [{"type": "Ready", "status": "False", "reason": "Hostile",
            "message": hostile, "lastTransitionTime": "2026-01-01T00:00:00Z"}],
        "inventory": {"entries": [
            {"id": format!("{ns}_gone_apps_Deployment"), "v": "v1"},
            {"id": format!("{ns}_../../kube-system_apps_Deployment"), "v": "v1"},
            {"id": "team/../../kube-system_web_apps_Deployment", "v": "v1"},
            {"id": format!("{ns}_web?dryRun=All_apps_Deployment"), "v": "v1"},
        ]}
    });
    bed.patch_status("kustomization", "apps", &ns, &status);

    // What floe prints for `args` in the namespace: no control character, and `shown`, escaped.
    let escaped = |args: &[&str], shown: &[&str]| -> String {
        let out = bed.floe().args(args).args(["-n", &ns]).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(out.status.success(), "{out:?}");
        assert!(
            !stdout.contains(['\u{1b}', '\u{7}', '\r']),
            "floe {args:?}: {stdout:?}"
        );
        for text in shown {
            assert!(stdout.contains(text), "floe {args:?}: {stdout:?}");
        }
        stdout
    };
    // Before the fix: the ESC, BEL and CR reached the terminal as they are.
    for args in [&["get", "syncs"][..], &["get", "all"][..]] {
        let stdout = escaped(args, &["ok\\x1b]8;;http://evil/\\x07click"]);
        assert_eq!(
            stdout.lines().count(),
            2,
            "a header and one row: {stdout:?}"
        );
    }
    // -o json stays exact.
    let json: Value = serde_json::from_slice(
        &bed.floe()
            .args(["get", "syncs", "-n", &ns, "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json[0]["message"], hostile);

    // Before the fix one malformed entry made drift fail ("the server could not find the
    // requested resource") and hid the rest.
    let out = bed
        .floe()
        .args(["drift", "sync", "apps", "-n", &ns])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout.contains(&format!("Deployment/{ns}/gone")) && stdout.contains("missing"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("malformed").count(), 3, "{stdout}");
    let json: Value = serde_json::from_slice(
        &bed.floe()
            .args(["drift", "sync", "apps", "-n", &ns, "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let kinds: Vec<&str> = json[0]["drifts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["drift"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "malformed").count(),
        3,
        "{json}"
    );

    let out = bed
        .floe()
        .args(["tree", "sync", "apps", "-n", &ns])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout.contains(&format!("Deployment/{ns}/gone")),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("MalformedInventoryEntry/").count(),
        3,
        "{stdout}"
    );

    // An Event about it with the same message and a hostile reason: `events` escapes both,
    // `-o json` keeps them exact.
    let event = serde_json::json!({
        "apiVersion": "v1", "kind": "Event",
        "metadata": {"name": "apps.hostile", "namespace": ns},
        "involvedObject": {"apiVersion": "kustomize.toolkit.fluxcd.io/v1",
            "kind": "Kustomization", "name": "apps", "namespace": ns},
        "reason": "Bad\u{1b}[2JReason", "message": hostile, "type": "Warning",
        "source": {"component": "kustomize-controller"},
        "firstTimestamp": "2026-01-01T00:00:00Z", "lastTimestamp": "2026-01-01T00:00:00Z", "count": 1
    });
    let created = bed.kubectl_with_input(&["create", "-f", "-"], event.to_string().as_bytes());
    assert!(created.status.success(), "{created:?}");
    for args in [
        &["events"][..],
        &["events", "--for", "Kustomization/apps"][..],
    ] {
        escaped(args, &["Bad\\x1b[2JReason", "ok\\x1b]8;;http://evil/"]);
    }
    let json: Value = serde_json::from_slice(
        &bed.floe()
            .args(["events", "-n", &ns, "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        json.to_string()
            .contains(&serde_json::to_string(hostile).unwrap()),
        "{json}"
    );

    // The Ready message in a failure line is escaped too.
    let out = bed
        .floe()
        .args(["wait", "sync", "apps", "-n", &ns, "--timeout=5s"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains(['\u{1b}', '\u{7}', '\r']), "{stderr:?}");
}
