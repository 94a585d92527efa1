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
    (
        "hr_helm_repository",
        &[
            "create",
            "helmrelease",
            "podinfo",
            "--source=HelmRepository/podinfo",
            "--chart=podinfo",
            "-n",
            "flux-system",
            "--export",
        ],
    ),
    (
        "hr_all_options",
        &[
            "create",
            "hr",
            "podinfo",
            "--source=helmrepository/podinfo.flux-system",
            "--chart=podinfo",
            "--chart-version=>4.0.0",
            "--chart-interval=5m",
            "--release-name=podinfo-dev",
            "--target-namespace=test",
            "--create-target-namespace",
            "--crds=CreateReplace",
            "--depends-on=infra,base/db",
            "--values=tests/data/hr-values-base.yaml,tests/data/hr-values-prod.yaml",
            "--values-from=secret/podinfo-values,ConfigMap/shared",
            "--service-account=deployer",
            "--kubeconfig-secret-ref=remote",
            "--reconcile-strategy=Revision",
            "--label=team=web",
            "--interval=10m",
            "-n",
            "default",
            "--export",
        ],
    ),
    (
        "hr_git_storage_namespace",
        &[
            "create",
            "hr",
            "podinfo",
            "--source=GitRepository/podinfo",
            "--chart=./charts/podinfo",
            "--target-namespace=production",
            "--storage-namespace=fluxcd-system",
            "-n",
            "flux-system",
            "--export",
        ],
    ),
    (
        "hr_chart_ref_oci",
        &[
            "create",
            "hr",
            "podinfo",
            "--chart-ref=OCIRepository/podinfo.flux-system",
            "-n",
            "default",
            "--export",
        ],
    ),
    (
        "alert_provider_slack",
        &[
            "create",
            "alert-provider",
            "slack",
            "--type=slack",
            "--channel=A channel with spacess",
            "--address=https://hooks.slack.com/services/mock",
            "--secret-ref=slack-url",
            "--label=team=web",
            "--export",
        ],
    ),
    (
        "alert_sources",
        &[
            "create",
            "alert",
            "flux-system",
            "--provider-ref=slack",
            "--event-severity=info",
            "--event-source=GitRepository/*,Kustomization/apps.production",
            "--event-source=helmrelease/podinfo",
            "--export",
        ],
    ),
    (
        "receiver_github",
        &[
            "create",
            "receiver",
            "github-receiver",
            "--type=github",
            "--event=ping",
            "--event=push",
            "--secret-ref=webhook-token",
            "--resource=GitRepository/webapp,HelmRepository/webapp",
            "--export",
        ],
    ),
    (
        "image_repository",
        &[
            "create",
            "image",
            "repository",
            "podinfo",
            "--image=ghcr.io/stefanprodan/podinfo",
            "--secret-ref=ghcr",
            "--cert-ref=ca",
            "--scan-timeout=30s",
            "--provider=aws",
            "--interval=5m",
            "--export",
        ],
    ),
    (
        "image_policy_semver",
        &[
            "create",
            "image",
            "policy",
            "podinfo",
            "--image-ref=podinfo",
            "--select-semver=>=5.0.0 <6.0.0",
            "--reflect-digest=Always",
            "--interval=10m",
            "--export",
        ],
    ),
    (
        "image_policy_numeric_filter",
        &[
            "create",
            "image",
            "policy",
            "podinfo-main",
            "--image-ref=podinfo",
            "--select-numeric=asc",
            "--filter-regex=^main-[a-f0-9]+-(?P<ts>[0-9]+)",
            "--filter-extract=$ts",
            "--export",
        ],
    ),
    (
        "image_update_everything",
        &[
            "create",
            "image",
            "update",
            "apps",
            "--git-repo-ref=flux-system",
            "--git-repo-namespace=flux-system",
            "--git-repo-path=./clusters/my-cluster",
            "--checkout-branch=main",
            "--push-branch=image-updates",
            "--author-name=fluxcdbot",
            "--author-email=fluxcdbot@users.noreply.github.com",
            "--commit-template={{range .Changed.Changes}}{{print .OldValue}} -> {{println .NewValue}}{{end}}",
            "--signing-key-secret=my-signing-key",
            "--signing-key-type=ssh",
            "--export",
        ],
    ),
    (
        "source_chart_verify",
        &[
            "create",
            "source",
            "chart",
            "podinfo",
            "--source=HelmRepository/podinfo",
            "--chart=podinfo",
            "--chart-version=6.x",
            "--verify-provider=cosign",
            "--verify-secret-ref=cosign-keys",
            "--verify-issuer=foo",
            "--verify-subject=bar",
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

/// Runs `cmd` as a GitHub Actions job step (`GITHUB_ACTIONS=true`, a step summary file): its
/// output, and what it appended to the summary (empty when nothing).
#[allow(dead_code)]
pub fn in_github_actions(cmd: &mut Command) -> (std::process::Output, String) {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let out = cmd
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    (out, std::fs::read_to_string(&summary).unwrap_or_default())
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
pub mod engine;
#[allow(dead_code)]
pub mod forges;
#[allow(dead_code)]
pub mod gitea;
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

/// Runs a floe command that must succeed (its stderr shown when it does not) and reads its
/// stdout as JSON.
pub fn json_of(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Wall time of one floe run, appended to $FLOE_BENCH_TIMINGS when scripts/bench.sh asks for
/// it (a record for the benchmark, never an assertion).
pub fn record_timing(label: &str, started: std::time::Instant) {
    if let Some(path) = std::env::var_os("FLOE_BENCH_TIMINGS") {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .unwrap();
        writeln!(file, "{label}\t{}", started.elapsed().as_millis()).unwrap();
    }
}
