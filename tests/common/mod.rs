//! Helpers shared by the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::PathBuf;

/// The built `floe` binary with an environment that cannot leak into results.
pub fn floe() -> Command {
    let mut cmd = Command::cargo_bin("floe").expect("the floe binary is built");
    cmd.env_remove("FLOE_NAMESPACE")
        .env_remove("NO_COLOR")
        .env_remove("KUBECONFIG");
    cmd
}

/// Every `--export` variant the tests check: a snapshot name and the arguments after `floe`.
pub const EXPORT_CASES: &[(&str, &[&str])] = &[
    (
        "git_branch",
        &[
            "create",
            "source",
            "git",
            "podinfo",
            "--url=https://github.com/stefanprodan/podinfo",
            "--branch=test",
            "-n",
            "flux-system",
            "--export",
        ],
    ),
    (
        "git_tag",
        &[
            "create",
            "source",
            "git",
            "podinfo",
            "--url=https://github.com/stefanprodan/podinfo",
            "--tag=6.0.0",
            "--export",
        ],
    ),
    (
        "git_semver",
        &[
            "create",
            "source",
            "git",
            "podinfo",
            "--url=https://github.com/stefanprodan/podinfo",
            "--tag-semver=>=6.0.0 <7.0.0",
            "--interval=10m",
            "--export",
        ],
    ),
    (
        "git_ref_name",
        &[
            "create",
            "source",
            "git",
            "podinfo",
            "--url=https://github.com/stefanprodan/podinfo",
            "--ref-name=refs/heads/main",
            "--export",
        ],
    ),
    (
        "git_branch_commit",
        &[
            "create",
            "source",
            "git",
            "podinfo",
            "--url=https://github.com/stefanprodan/podinfo",
            "--branch=main",
            "--commit=c88a2f41",
            "--export",
        ],
    ),
    (
        "git_commit",
        &[
            "create",
            "source",
            "git",
            "podinfo",
            "--url=https://github.com/stefanprodan/podinfo",
            "--commit=c88a2f41",
            "--export",
        ],
    ),
    (
        "git_ssh_secret_provider",
        &[
            "create",
            "source",
            "git",
            "app",
            "--url=ssh://git@github.com/org/app",
            "--branch=main",
            "--secret-ref=app-key",
            "--provider=github",
            "--export",
        ],
    ),
    (
        "git_all_options",
        &[
            "create",
            "source",
            "git",
            "podinfo",
            "--url=https://github.com/stefanprodan/podinfo",
            "--branch=master",
            "--ignore-paths=.cosign,non-existent-dir/",
            "--ignore-paths",
            "*.md",
            "--sparse-checkout-paths=deploy,charts",
            "--recurse-submodules",
            "--provider=azure",
            "--label=app.kubernetes.io/name=podinfo,tier=web",
            "--label",
            "enabled=true",
            "--interval=1h30m",
            "-n",
            "default",
            "--export",
        ],
    ),
    (
        "helm_https",
        &[
            "create",
            "source",
            "helm",
            "podinfo",
            "--url=https://stefanprodan.github.io/podinfo",
            "--interval=5m",
            "--export",
        ],
    ),
    (
        "helm_oci_secret",
        &[
            "create",
            "source",
            "helm",
            "podinfo",
            "--url=oci://ghcr.io/stefanprodan/charts/podinfo",
            "--secret-ref=creds",
            "--interval=5m",
            "--export",
        ],
    ),
    (
        "helm_type_oci",
        &[
            "create",
            "source",
            "helm",
            "charts",
            "--url=oci://ghcr.io/org/charts",
            "--type=oci",
            "--export",
        ],
    ),
    (
        "oci_tag",
        &[
            "create",
            "source",
            "oci",
            "podinfo",
            "--url=oci://ghcr.io/stefanprodan/manifests/podinfo",
            "--tag=6.6.0",
            "--export",
        ],
    ),
    (
        "oci_semver_provider",
        &[
            "create",
            "source",
            "oci",
            "podinfo",
            "--url=oci://ghcr.io/stefanprodan/manifests/podinfo",
            "--tag-semver=6.x",
            "--provider=aws",
            "--secret-ref=regcred",
            "--export",
        ],
    ),
    (
        "oci_digest",
        &[
            "create",
            "source",
            "oci",
            "podinfo",
            "--url=oci://ghcr.io/stefanprodan/manifests/podinfo",
            "--digest=sha256:2c0b1a9e2e4b8a3f4bd1e4d7c6a0b6e9d8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3",
            "--export",
        ],
    ),
    (
        "bucket_generic_insecure",
        &[
            "create",
            "source",
            "bucket",
            "podinfo",
            "--bucket-name=podinfo",
            "--endpoint=minio.minio.svc.cluster.local:9000",
            "--insecure",
            "--export",
        ],
    ),
    (
        "bucket_aws",
        &[
            "create",
            "source",
            "bucket",
            "podinfo",
            "--provider=aws",
            "--bucket-name=podinfo",
            "--endpoint=s3.amazonaws.com",
            "--region=us-east-1",
            "--secret-ref=aws-creds",
            "--interval=5m",
            "--export",
        ],
    ),
    (
        "sync_minimal",
        &["create", "sync", "podinfo", "--source=podinfo", "--export"],
    ),
    (
        "sync_sops",
        &[
            "create",
            "kustomization",
            "mysql",
            "--source=GitRepository/apps",
            "--path=./apps",
            "--decryption-provider=sops",
            "--decryption-secret=sops-age",
            "--export",
        ],
    ),
    (
        "sync_full",
        &[
            "create",
            "ks",
            "podinfo",
            "--source=OCIRepository/podinfo.sources",
            "--path=kustomize/overlays/../base/",
            "--prune",
            "--interval=10m",
            "--retry-interval=2m",
            "--target-namespace=default",
            "--depends-on=infra,flux-system/crds",
            "--service-account=deployer",
            "--label=team=platform",
            "--export",
        ],
    ),
    (
        "sync_health_checks",
        &[
            "create",
            "sync",
            "podinfo",
            "--source=bucket/podinfo",
            "--path=./deploy",
            "--prune=true",
            "--health-check=Deployment/podinfo.default,HelmRelease/redis.cache",
            "--health-check-timeout=3m",
            "--export",
        ],
    ),
    (
        "sync_wait",
        &[
            "create",
            "sync",
            "podinfo",
            "--source=podinfo",
            "--wait",
            "--prune=false",
            "--export",
        ],
    ),
];

/// `../shared/flux-crds` beside the checkout, or `FLOE_FLUX_CRDS`.
pub fn flux_crds_dir() -> PathBuf {
    std::env::var_os("FLOE_FLUX_CRDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join("shared")
                .join("flux-crds")
        })
}

/// Skips a test whose required component is missing, with the reason printed; in CI
/// (`CI=true`) a missing component fails the test instead.
pub fn require(available: bool, what: &str) -> bool {
    if available {
        return true;
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{what} is missing, and CI=true requires it");
    }
    eprintln!("SKIPPED: {what} is missing (set CI=true to make this a failure)");
    false
}

/// A loopback port nothing listens on (bound, read, released).
#[allow(dead_code)]
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[allow(dead_code)]
pub mod github;
#[allow(dead_code)]
pub mod hostile;
#[allow(dead_code)]
pub mod sshd;
pub mod testbed;

/// `../shared/flux-install/v2.9.4/install.yaml`: Flux 2.9.4's real install manifests.
pub fn flux_install_yaml() -> PathBuf {
    std::env::var_os("FLOE_FLUX_INSTALL")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/flux-install/v2.9.4/install.yaml")
        })
}
