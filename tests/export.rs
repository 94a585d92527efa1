//! `create ... --export` prints exactly what `flux create ... --export` prints.

mod common;
use common::{EXPORT_CASES, floe};

fn export(args: &[&str]) -> String {
    let out = floe().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "floe {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "--export writes nothing to stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_export_variant_matches_its_snapshot() {
    for (name, args) in EXPORT_CASES {
        insta::assert_snapshot!(*name, export(args));
    }
}

/// The reference example, byte for byte.
#[test]
fn git_branch_export_is_byte_identical_to_flux() {
    let out = export(&[
        "create",
        "source",
        "git",
        "podinfo",
        "--url=https://github.com/stefanprodan/podinfo",
        "--branch=test",
        "-n",
        "flux-system",
        "--export",
    ]);
    assert_eq!(
        out,
        "---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: podinfo\n  \
         namespace: flux-system\nspec:\n  interval: 1m0s\n  ref:\n    branch: test\n  url: https://github.com/stefanprodan/podinfo\n"
    );
}

/// Flux's own golden outputs for these flags (cmd/flux/testdata in fluxcd/flux2).
#[test]
fn matches_flux_golden_outputs() {
    assert_eq!(
        export(&[
            "create",
            "source",
            "git",
            "podinfo",
            "--url=https://github.com/stefanprodan/podinfo",
            "--branch=master",
            "--ignore-paths",
            ".cosign,non-existent-dir/",
            "-n",
            "default",
            "--interval",
            "1m",
            "--export"
        ]),
        "---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: podinfo\n  namespace: default\n\
         spec:\n  ignore: |-\n    .cosign\n    non-existent-dir/\n  interval: 1m0s\n  ref:\n    branch: master\n  \
         url: https://github.com/stefanprodan/podinfo\n"
    );
    assert_eq!(
        export(&[
            "create",
            "kustomization",
            "mysql",
            "--source=GitRepository/apps",
            "--path=./apps",
            "--decryption-provider=sops",
            "--decryption-secret=sops-age",
            "--export"
        ]),
        "---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: mysql\n  namespace: flux-system\n\
         spec:\n  decryption:\n    provider: sops\n    secretRef:\n      name: sops-age\n  interval: 1m0s\n  path: ./apps\n  \
         prune: false\n  sourceRef:\n    kind: GitRepository\n    name: apps\n"
    );
    assert_eq!(
        export(&[
            "create",
            "source",
            "helm",
            "podinfo",
            "--url=oci://ghcr.io/stefanprodan/charts/podinfo",
            "--secret-ref=creds",
            "--interval=5m",
            "--export"
        ]),
        "---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: podinfo\n  namespace: flux-system\n\
         spec:\n  interval: 5m0s\n  secretRef:\n    name: creds\n  type: oci\n  url: oci://ghcr.io/stefanprodan/charts/podinfo\n"
    );
}

#[test]
fn flags_behave_like_pflag() {
    let base = ["create", "sync", "s", "--source=x", "--export"];
    let with = |extra: &[&str]| export(&[&base[..], extra].concat());
    assert!(with(&["--prune"]).contains("prune: true"));
    assert!(with(&["--prune=true"]).contains("prune: true"));
    assert!(with(&["--prune=false"]).contains("prune: false"));
    assert!(with(&["--prune=1"]).contains("prune: true"));
    // Comma lists and repetition mean the same.
    assert_eq!(
        with(&["--depends-on=a,b"]),
        with(&["--depends-on=a", "--depends-on", "b"])
    );
    // --export=false means apply, which needs a cluster.
    floe()
        .args(["create", "sync", "s", "--source=x", "--export=false"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn namespace_comes_from_the_environment_when_not_given() {
    let out = floe()
        .env("FLOE_NAMESPACE", "apps")
        .args(["create", "sync", "s", "--source=x", "--export"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("  namespace: apps\n")
    );
}

#[test]
fn without_export_and_without_a_kubeconfig_it_says_what_to_set_and_exits_1() {
    let home = tempfile::tempdir().unwrap();
    floe()
        .env("HOME", home.path())
        .env_remove("KUBERNETES_SERVICE_HOST")
        .args([
            "create",
            "source",
            "git",
            "podinfo",
            "--url=https://github.com/stefanprodan/podinfo",
            "--branch=main",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains(
            "error: no kubeconfig found: ~/.kube/config does not exist and this is not a pod",
        ))
        .stderr(predicates::str::contains(
            "pass --kubeconfig or set KUBECONFIG",
        ));
}

#[test]
fn exported_yaml_reads_back_as_the_same_object() {
    for (name, args) in EXPORT_CASES {
        let out = export(args);
        let doc: serde_yaml::Value = serde_yaml::from_str(out.trim_start_matches("---\n")).unwrap();
        let json = serde_json::to_value(&doc).unwrap();
        // Labels that look like booleans must stay strings.
        if let Some(labels) = json.pointer("/metadata/labels").and_then(|l| l.as_object()) {
            assert!(
                labels.values().all(|v| v.is_string()),
                "{name}: label values must read back as strings"
            );
        }
        assert!(json["spec"]["interval"].is_string(), "{name}");
    }
}

/// flux's goldens for `flux create helmrelease` (cmd/flux/testdata/create_hr: basic, or_basic,
/// hc_basic), byte for byte, with the namespace the golden templates in.
#[test]
fn helm_release_exports_match_flux_goldens() {
    let head = "---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n  namespace: flux-test\nspec:\n";
    let run = |extra: &[&str]| {
        let mut args = vec!["create", "helmrelease", "podinfo"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--interval=1m0s", "--export", "-n", "flux-test"]);
        export(&args)
    };
    assert_eq!(
        run(&["--source", "Helmrepository/podinfo", "--chart", "podinfo"]),
        format!(
            "{head}  chart:\n    spec:\n      chart: podinfo\n      reconcileStrategy: ChartVersion\n      \
             sourceRef:\n        kind: HelmRepository\n        name: podinfo\n  interval: 1m0s\n"
        )
    );
    assert_eq!(
        run(&["--chart-ref", "OCIRepository/podinfo"]),
        format!(
            "{head}  chartRef:\n    kind: OCIRepository\n    name: podinfo\n  interval: 1m0s\n"
        )
    );
    assert_eq!(
        run(&["--chart-ref", "HelmChart/podinfo"]),
        format!("{head}  chartRef:\n    kind: HelmChart\n    name: podinfo\n  interval: 1m0s\n")
    );
}
