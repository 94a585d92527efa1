//! `create ... --export` prints exactly what `flux create ... --export` prints.

use crate::common;
use common::{EXPORT_CASES, floe};
use predicates::prelude::PredicateBooleanExt;

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
        // Every kind with a reconcile interval has it as a Go duration string.
        let kind = json["kind"].as_str().unwrap();
        if !["Alert", "Provider", "Receiver", "ImagePolicy"].contains(&kind) {
            assert!(json["spec"]["interval"].is_string(), "{name}");
        }
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

/// flux's goldens for `flux create image update` (cmd/flux/testdata/create_image_update),
/// byte for byte.
#[test]
fn image_update_exports_match_flux_goldens() {
    let base = [
        "create",
        "image",
        "update",
        "flux-system",
        "--git-repo-ref=flux-system",
        "--checkout-branch=main",
        "--author-name=flux",
        "--author-email=flux@example.com",
        "--interval=1m0s",
        "--namespace=flux-system",
        "--export",
    ];
    let run = |extra: &[&str]| export(&[&base[..], extra].concat());
    let head = "---\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata:\n  name: flux-system\n  namespace: flux-system\nspec:\n  git:\n    checkout:\n      ref:\n        branch: main\n    commit:\n      author:\n        email: flux@example.com\n        name: flux\n";
    let tail = "  interval: 1m0s\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n";
    assert_eq!(run(&[]), format!("{head}{tail}"));
    assert_eq!(
        run(&["--signing-key-secret=my-key"]),
        format!("{head}      signingKey:\n        secretRef:\n          name: my-key\n{tail}")
    );
    assert_eq!(
        run(&[
            "--signing-key-secret=my-deploy-key",
            "--signing-key-type=ssh"
        ]),
        format!(
            "{head}      signingKey:\n        secretRef:\n          name: my-deploy-key\n        type: ssh\n{tail}"
        )
    );
}

/// flux's goldens for `flux create secret ...` (cmd/flux/testdata/create_secret), byte for
/// byte, the trailing blank line included (flux prints these with Println, tls with Print).
#[test]
fn secret_exports_match_flux_goldens() {
    let head = |name: &str| {
        format!(
            "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: {name}\n  namespace: my-namespace\n"
        )
    };
    let run = |args: &[&str]| {
        let mut all = vec!["create", "secret"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--namespace=my-namespace", "--export"]);
        export(&all)
    };
    assert_eq!(
        run(&[
            "git",
            "podinfo-auth",
            "--url=https://github.com/stefanprodan/podinfo",
            "--username=my-username",
            "--password=my-password"
        ]),
        format!(
            "{}stringData:\n  password: my-password\n  username: my-username\n\n",
            head("podinfo-auth")
        )
    );
    assert_eq!(
        run(&[
            "git",
            "bearer-token-auth",
            "--url=https://github.com/stefanprodan/podinfo",
            "--bearer-token=ghp_baR2qnFF0O41WlucePL3udt2N9vVZS4R0hAS"
        ]),
        format!(
            "{}stringData:\n  bearerToken: ghp_baR2qnFF0O41WlucePL3udt2N9vVZS4R0hAS\n\n",
            head("bearer-token-auth")
        )
    );
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.crt");
    std::fs::write(&ca, "ca-data").unwrap();
    assert_eq!(
        run(&[
            "git",
            "ca-crt",
            "--url=https://github.com/stefanprodan/podinfo",
            "--password=my-password",
            "--username=my-username",
            &format!("--ca-crt-file={}", ca.display())
        ]),
        format!(
            "{}stringData:\n  ca.crt: ca-data\n  password: my-password\n  username: my-username\n\n",
            head("ca-crt")
        )
    );
    assert_eq!(
        run(&[
            "helm",
            "helm-secret",
            "--username=my-username",
            "--password=my-password"
        ]),
        format!(
            "{}stringData:\n  password: my-password\n  username: my-username\ntype: kubernetes.io/basic-auth\n\n",
            head("helm-secret")
        )
    );
    assert_eq!(
        run(&[
            "oci",
            "ghcr",
            "--url",
            "ghcr.io",
            "--username",
            "stefanprodan",
            "--password=password"
        ]),
        format!(
            "{}stringData:\n  .dockerconfigjson: |-\n    {{\n      \"auths\": {{\n        \"ghcr.io\": {{\n          \"username\": \"stefanprodan\",\n          \"password\": \"password\",\n          \"auth\": \"c3RlZmFucHJvZGFuOnBhc3N3b3Jk\"\n        }}\n      }}\n    }}\ntype: kubernetes.io/dockerconfigjson\n\n",
            head("ghcr")
        )
    );
    assert_eq!(
        run(&[
            "proxy",
            "proxy-secret",
            "--address=https://my-proxy.com",
            "--username=my-username",
            "--password=my-password"
        ]),
        format!(
            "{}stringData:\n  address: https://my-proxy.com\n  password: my-password\n  username: my-username\ntype: Opaque\n\n",
            head("proxy-secret")
        )
    );
    let hook = |name: &str, digest: &str| {
        format!(
            "---\napiVersion: v1\nkind: Secret\nmetadata:\n  annotations:\n    notification.toolkit.fluxcd.io/webhook: https://flux.example.com/hook/{digest}\n  name: {name}\n  namespace: my-namespace\n"
        )
    };
    assert_eq!(
        run(&[
            "receiver",
            "receiver-secret",
            "--type=github",
            "--token=test-token",
            "--hostname=flux.example.com"
        ]),
        format!(
            "{}stringData:\n  token: test-token\n\n",
            hook(
                "receiver-secret",
                "106120121d366c2f67e93200f6c1dbe938235eb588daa5e8c0516d3a77ac1dee"
            )
        )
    );
    let gcr = "6d6c55e9affb9d1e0d101ce604ae4270880ec1ff24d1bd2d928fcd64243d21a4";
    let gcr_args = [
        "receiver",
        "gcr-secret",
        "--type=gcr",
        "--token=test-token",
        "--hostname=flux.example.com",
        "--email-claim=sa@project.iam.gserviceaccount.com",
    ];
    assert_eq!(
        run(&gcr_args),
        format!(
            "{}stringData:\n  audience: https://flux.example.com/hook/{gcr}\n  email: sa@project.iam.gserviceaccount.com\n  token: test-token\n\n",
            hook("gcr-secret", gcr)
        )
    );
    assert_eq!(
        run(&[
            &gcr_args[..],
            &["--audience-claim=https://custom.audience.example.com"]
        ]
        .concat()),
        format!(
            "{}stringData:\n  audience: https://custom.audience.example.com\n  email: sa@project.iam.gserviceaccount.com\n  token: test-token\n\n",
            hook("gcr-secret", gcr)
        )
    );
}

/// The shape of flux's githubapp and tls goldens, with key files made here (flux's test
/// keys are not copied): the private key as a `|-` block when the file has no final newline,
/// `|` when it has one, and tls without the trailing blank line.
#[test]
fn secrets_from_files_are_printed_as_flux_prints_them() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("app.pem");
    std::fs::write(
        &key,
        "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["create", "secret"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--namespace=my-namespace", "--export"]);
        export(&all)
    };
    let key_arg = format!("--app-private-key={}", key.display());
    assert_eq!(
        run(&[
            "githubapp",
            "appinfo",
            "--app-id",
            "1",
            "--app-installation-owner",
            "my-org",
            &key_arg
        ]),
        "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: appinfo\n  namespace: my-namespace\nstringData:\n  githubAppID: \"1\"\n  \
         githubAppInstallationOwner: my-org\n  githubAppPrivateKey: |-\n    -----BEGIN RSA PRIVATE KEY-----\n    AAAA\n    -----END RSA PRIVATE KEY-----\ntype: Opaque\n\n"
    );
    assert!(
        run(&["githubapp", "appinfo", "--app-id", "1", "--app-installation-id", "2", &key_arg, "--app-base-url", "www.example.com/api/v3"])
            .contains("  githubAppBaseURL: www.example.com/api/v3\n  githubAppID: \"1\"\n  githubAppInstallationID: \"2\"\n")
    );
    for (file, text) in [
        ("ca.pem", "CA\n"),
        ("cert.pem", "CERT\n"),
        ("key.pem", "KEY\n"),
    ] {
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    let path = |f: &str| dir.path().join(f).display().to_string();
    assert_eq!(
        run(&[
            "tls",
            "certs",
            &format!("--tls-crt-file={}", path("cert.pem")),
            &format!("--tls-key-file={}", path("key.pem")),
            &format!("--ca-crt-file={}", path("ca.pem"))
        ]),
        "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: certs\n  namespace: my-namespace\nstringData:\n  ca.crt: |\n    CA\n  tls.crt: |\n    CERT\n  \
         tls.key: |\n    KEY\ntype: kubernetes.io/tls\n"
    );
}

/// An SSH key from a file: the public key derived from it, the host's keys scanned from a
/// real sshd on 127.0.0.1, an encrypted key only with its passphrase.
#[test]
fn git_ssh_secrets_read_the_key_and_scan_the_host() {
    let Some(sshd) = common::sshd::Sshd::start(None) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("id");
    let keygen = |extra: &[&str]| {
        let _ = std::fs::remove_file(&key);
        let _ = std::fs::remove_file(key.with_extension("pub"));
        let status = std::process::Command::new("ssh-keygen")
            .args(["-q", "-t", "ecdsa", "-f"])
            .arg(&key)
            .args(extra)
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::read_to_string(key.with_extension("pub")).unwrap()
    };
    let public = keygen(&["-N", ""]);
    let url = format!("--url=ssh://git@127.0.0.1:{}/repo.git", sshd.port);
    let key_arg = format!("--private-key-file={}", key.display());
    let out = export(&[
        "create",
        "secret",
        "git",
        "podinfo-auth",
        &url,
        &key_arg,
        "--namespace=my-namespace",
        "--export",
    ]);
    let doc: serde_yaml::Value = serde_yaml::from_str(out.trim_start_matches("---\n")).unwrap();
    let data = &doc["stringData"];
    assert_eq!(
        data["identity"].as_str().unwrap(),
        std::fs::read_to_string(&key).unwrap()
    );
    let material = |k: &str| k.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
    assert_eq!(
        material(data["identity.pub"].as_str().unwrap()),
        material(&public)
    );
    assert!(
        data["known_hosts"]
            .as_str()
            .unwrap()
            .starts_with(&format!("[127.0.0.1]:{} ", sshd.port)),
        "{out}"
    );
    assert!(data.get("password").is_none());

    // An encrypted key: refused without the passphrase and with a wrong one, kept with it.
    keygen(&["-N", "passphrase"]);
    floe()
        .args([
            "create",
            "secret",
            "git",
            "podinfo-auth",
            &url,
            &key_arg,
            "--export",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "the key is encrypted; pass its passphrase with --password",
        ));
    floe()
        .args([
            "create",
            "secret",
            "git",
            "podinfo-auth",
            &url,
            &key_arg,
            "--password=wrong",
            "--export",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "the --password does not decrypt the key",
        ))
        .stderr(predicates::str::contains("wrong").not());
    let out = export(&[
        "create",
        "secret",
        "git",
        "podinfo-auth",
        &url,
        &key_arg,
        "--password=passphrase",
        "--export",
    ]);
    assert!(out.contains("  password: passphrase\n"), "{out}");

    // A generated key: a new pair each time, the private half never on stderr.
    let out = floe()
        .args([
            "create",
            "secret",
            "git",
            "gen",
            &url,
            "--ssh-key-algorithm=ed25519",
            "--export",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("identity.pub: |\n    ssh-ed25519 "), "{text}");
    assert!(text.contains("BEGIN OPENSSH PRIVATE KEY"));
}

/// flux's goldens for `flux create tenant` (cmd/flux/testdata/create_tenant), byte for byte.
#[test]
fn tenant_exports_match_flux_goldens() {
    let tenant = |account: &str, role: &str, with_namespace: bool| {
        let namespace = "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  labels:\n    toolkit.fluxcd.io/tenant: dev-team\n  name: apps\n";
        format!(
            "{}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  labels:\n    toolkit.fluxcd.io/tenant: dev-team\n  name: {account}\n  namespace: apps\n\
             ---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  labels:\n    toolkit.fluxcd.io/tenant: dev-team\n  \
             name: dev-team-reconciler\n  namespace: apps\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: {role}\n\
             subjects:\n- apiGroup: rbac.authorization.k8s.io\n  kind: User\n  name: gotk:apps:reconciler\n- kind: ServiceAccount\n  name: {account}\n  namespace: apps\n",
            if with_namespace { namespace } else { "" }
        )
    };
    let run = |extra: &[&str]| {
        export(
            &[
                &[
                    "create",
                    "tenant",
                    "dev-team",
                    "--with-namespace=apps",
                    "--export",
                ][..],
                extra,
            ]
            .concat(),
        )
    };
    assert_eq!(
        run(&["--cluster-role=cluster-admin"]),
        tenant("dev-team", "cluster-admin", true)
    );
    assert_eq!(
        run(&["--cluster-role=custom-role"]),
        tenant("dev-team", "custom-role", true)
    );
    assert_eq!(
        run(&[
            "--cluster-role=cluster-admin",
            "--with-service-account=flux-tenant"
        ]),
        tenant("flux-tenant", "cluster-admin", true)
    );
    assert_eq!(
        run(&["--cluster-role=cluster-admin", "--skip-namespace"]),
        tenant("dev-team", "cluster-admin", false)
    );
}

/// flux's goldens for `flux create source chart` (cmd/flux/testdata/create_source_chart).
/// Those were recorded with the test harness's interval of 0s, which flux's own flag default
/// (1m) never gives and floe refuses (a zero interval would never reconcile), so the interval
/// line is the one difference: 1m0s here.
#[test]
fn source_chart_exports_match_flux_goldens() {
    let base = [
        "create",
        "source",
        "chart",
        "podinfo",
        "--source",
        "helmrepository/podinfo",
        "--chart",
        "podinfo",
        "-n",
        "flux-test",
        "--export",
    ];
    let head = "---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmChart\nmetadata:\n  name: podinfo\n  namespace: flux-test\nspec:\n  chart: podinfo\n  \
                interval: 1m0s\n  reconcileStrategy: ChartVersion\n  sourceRef:\n    kind: HelmRepository\n    name: podinfo\n";
    assert_eq!(export(&base), head);
    assert_eq!(
        export(&[&base[..], &["--verify-provider", "cosign"]].concat()),
        format!("{head}  verify:\n    provider: cosign\n")
    );
    assert_eq!(
        export(
            &[
                &base[..],
                &[
                    "--verify-provider",
                    "cosign",
                    "--verify-issuer",
                    "foo",
                    "--verify-subject",
                    "bar"
                ]
            ]
            .concat()
        ),
        format!(
            "{head}  verify:\n    matchOIDCIdentity:\n    - issuer: foo\n      subject: bar\n    provider: cosign\n"
        )
    );
}
