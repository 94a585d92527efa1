//! Bad input: one line on stderr naming the bad value and what is allowed, exit code 2, and
//! nothing on stdout.

mod common;
use common::floe;

const GIT: &[&str] = &[
    "create",
    "source",
    "git",
    "podinfo",
    "--url=https://github.com/stefanprodan/podinfo",
    "--export",
];
const SYNC: &[&str] = &["create", "sync", "podinfo", "--source=podinfo", "--export"];

fn assert_usage_error(args: &[&str], expected: &[&str]) {
    let out = floe().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "floe {args:?} must exit 2, stderr: {stderr}"
    );
    assert!(
        out.stdout.is_empty(),
        "floe {args:?} must print nothing on stdout"
    );
    assert_eq!(
        stderr.lines().count(),
        1,
        "floe {args:?} must print one line, got: {stderr}"
    );
    assert!(stderr.starts_with("error: "), "{stderr}");
    for needle in expected {
        assert!(
            stderr.contains(needle),
            "floe {args:?}: expected {needle:?} in: {stderr}"
        );
    }
}

fn with(base: &[&str], extra: &[&str]) -> Vec<String> {
    base.iter().chain(extra).map(|s| s.to_string()).collect()
}

fn check(base: &[&str], extra: &[&str], expected: &[&str]) {
    let args = with(base, extra);
    assert_usage_error(
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
        expected,
    );
}

#[test]
fn names_must_be_rfc1123_labels() {
    let long = "a".repeat(64);
    for bad in ["Podinfo", "pod_info", "pod-", "pod.info", long.as_str()] {
        assert_usage_error(
            &[
                "create",
                "source",
                "git",
                bad,
                "--url=https://x.io/r",
                "--branch=main",
                "--export",
            ],
            &[&format!("'{bad}'"), "RFC 1123 label", "63"],
        );
    }
    check(
        GIT,
        &["--branch=main", "-n", "Flux_System"],
        &["'Flux_System'", "namespace"],
    );
}

#[test]
fn url_schemes_are_checked_per_kind() {
    check(
        &GIT[..4],
        &["--url=ftp://x.io/r", "--branch=main", "--export"],
        &["'ftp://x.io/r'", "'ftp'", "http, https, ssh"],
    );
    check(
        &GIT[..4],
        &["--url=git@github.com:org/repo", "--branch=main", "--export"],
        &["'git@github.com:org/repo'", "ssh://"],
    );
    check(
        &["create", "source", "helm", "h"],
        &["--url=ssh://x.io/c", "--export"],
        &["'ssh'", "http, https, oci"],
    );
    check(
        &["create", "source", "oci", "o"],
        &["--url=https://ghcr.io/x", "--tag=1", "--export"],
        &["'https'", "oci"],
    );
    check(
        &["create", "source", "helm", "h"],
        &["--url=https://x.io/c", "--type=oci", "--export"],
        &["--type oci", "oci://"],
    );
}

#[test]
fn durations_must_parse_and_be_positive() {
    check(
        GIT,
        &["--branch=main", "--interval=5x"],
        &["'5x'", "--interval", "30s, 5m"],
    );
    check(
        GIT,
        &["--branch=main", "--interval=-1m"],
        &["'-1m'", "greater than zero"],
    );
    check(
        GIT,
        &["--branch=main", "--interval=0s"],
        &["'0s'", "greater than zero"],
    );
    check(
        SYNC,
        &["--retry-interval=soon"],
        &["'soon'", "--retry-interval"],
    );
    check(
        SYNC,
        &["--health-check-timeout=0"],
        &["'0'", "greater than zero"],
    );
    check(
        GIT,
        &["--branch=main", "--timeout=1d"],
        &["'1d'", "--timeout"],
    );
}

#[test]
fn conflicting_references_are_refused() {
    check(
        GIT,
        &["--tag=v1", "--commit=abc"],
        &["--tag and --commit", "give one of them"],
    );
    check(
        GIT,
        &["--tag=v1", "--tag-semver=1.x"],
        &["--tag and --tag-semver"],
    );
    check(
        GIT,
        &["--ref-name=refs/heads/x", "--tag-semver=1.x"],
        &["--tag-semver and --ref-name"],
    );
    check(
        GIT,
        &["--branch=main", "--tag=v1"],
        &["--branch", "only --commit"],
    );
    check(GIT, &[], &["a Git reference is required"]);
    check(GIT, &["--ref-name=main"], &["'main'", "refs/"]);
    check(
        &[
            "create",
            "source",
            "oci",
            "o",
            "--url=oci://ghcr.io/x",
            "--export",
        ],
        &["--tag=1", "--digest=sha256:ab"],
        &["--tag and --digest"],
    );
    check(
        &[
            "create",
            "source",
            "oci",
            "o",
            "--url=oci://ghcr.io/x",
            "--export",
        ],
        &[],
        &["--tag, --tag-semver or --digest"],
    );
    check(
        &[
            "create",
            "source",
            "oci",
            "o",
            "--url=oci://ghcr.io/x",
            "--export",
        ],
        &["--digest=latest"],
        &["'latest'", "algorithm:hex"],
    );
}

#[test]
fn sync_sources_must_be_supported_kinds() {
    check(
        &SYNC[..3],
        &["--source=HelmRepository/charts", "--export"],
        &[
            "'HelmRepository/charts'",
            "GitRepository, OCIRepository, Bucket",
        ],
    );
    check(
        &SYNC[..3],
        &["--source=GitRepository/", "--export"],
        &["'GitRepository/'", "[Kind/]name[.namespace]"],
    );
    check(&SYNC[..3], &["--source=a.B", "--export"], &["'a.B'"]);
}

#[test]
fn paths_must_stay_inside_the_source() {
    check(SYNC, &["--path=/etc/flux"], &["'/etc/flux'", "relative"]);
    check(SYNC, &["--path=../other"], &["'../other'", "'..'"]);
    check(SYNC, &["--path=apps/../../other"], &["'apps/../../other'"]);
}

#[test]
fn unknown_providers_and_enums_are_refused() {
    check(
        GIT,
        &["--branch=main", "--provider=gitlab"],
        &["'gitlab'", "generic, github, azure"],
    );
    check(
        &[
            "create",
            "source",
            "bucket",
            "b",
            "--bucket-name=x",
            "--endpoint=s3.io",
            "--export",
        ],
        &["--provider=minio"],
        &["'minio'", "generic, aws, gcp, azure"],
    );
    check(
        &[
            "create",
            "source",
            "oci",
            "o",
            "--url=oci://x.io/y",
            "--tag=1",
            "--export",
        ],
        &["--provider=docker"],
        &["'docker'", "generic, aws, azure, gcp"],
    );
    check(SYNC, &["--decryption-provider=vault"], &["'vault'", "sops"]);
    check(SYNC, &["--prune=maybe"], &["'maybe'", "true or false"]);
    assert_usage_error(&["completion", "tcsh"], &["'tcsh'", "bash"]);
}

#[test]
fn malformed_labels_dependencies_and_health_checks_are_refused() {
    check(
        GIT,
        &["--branch=main", "--label=team"],
        &["'team'", "key=value"],
    );
    check(
        GIT,
        &["--branch=main", "--label=-bad=x"],
        &["'-bad'", "label key"],
    );
    check(
        GIT,
        &["--branch=main", "--label=k=v v"],
        &["'v v'", "label value"],
    );
    check(
        SYNC,
        &["--depends-on=a/b/c"],
        &["'a/b/c'", "namespace/name"],
    );
    check(SYNC, &["--depends-on=Infra"], &["'Infra'"]);
    check(
        SYNC,
        &["--health-check=Deployment/podinfo"],
        &["'Deployment/podinfo'", "Kind/name.namespace"],
    );
    check(
        SYNC,
        &["--health-check=podinfo.default"],
        &["'podinfo.default'", "Kind/name.namespace"],
    );
    check(
        SYNC,
        &["--health-check=Pod/x.default"],
        &["'Pod'", "Deployment, DaemonSet, StatefulSet, HelmRelease"],
    );
    check(
        SYNC,
        &["--decryption-secret=keys"],
        &["'keys'", "--decryption-provider=sops"],
    );
}

#[test]
fn bucket_fields_are_checked() {
    let base = ["create", "source", "bucket", "b", "--export"];
    check(
        &base,
        &["--bucket-name=x", "--endpoint=https://s3.io"],
        &["'https://s3.io'", "without a scheme"],
    );
    check(
        &base,
        &["--bucket-name=a b", "--endpoint=s3.io"],
        &["'a b'", "bucket name"],
    );
    check(&base, &["--endpoint=s3.io"], &["--bucket-name"]);
}

#[test]
fn unknown_flags_and_missing_arguments_are_usage_errors() {
    check(GIT, &["--branch=main", "--bogus"], &["'--bogus'"]);
    assert_usage_error(
        &[
            "create",
            "source",
            "git",
            "podinfo",
            "--branch=main",
            "--export",
        ],
        &["--url"],
    );
    assert_usage_error(&["create", "source", "svn", "x"], &["'svn'"]);
}

#[test]
fn no_command_shows_help_on_stderr_and_exits_2() {
    let out = floe().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: floe"));
}

const HR: &[&str] = &["create", "helmrelease", "podinfo", "--export"];

#[test]
fn helm_release_charts_sources_and_values_are_checked() {
    check(HR, &[], &["--chart or --chart-ref is required"]);
    check(
        HR,
        &["--chart=podinfo", "--chart-ref=HelmChart/podinfo"],
        &["--chart and --chart-ref cannot be used together"],
    );
    check(
        HR,
        &["--chart=podinfo", "--source=foobar/podinfo"],
        &[
            "'foobar/podinfo'",
            "kind 'foobar' is not supported",
            "HelmRepository, GitRepository, Bucket",
        ],
    );
    check(
        HR,
        &["--chart=podinfo", "--source=OCIRepository/podinfo"],
        &["kind 'OCIRepository' is not supported"],
    );
    check(
        HR,
        &["--chart=podinfo"],
        &["--chart 'podinfo' needs --source"],
    );
    check(
        HR,
        &["--chart=podinfo", "--source=podinfo"],
        &["invalid --source 'podinfo'", "missing the kind"],
    );
    check(
        HR,
        &["--chart-ref=foobar/podinfo"],
        &["kind 'foobar' is not supported", "OCIRepository, HelmChart"],
    );
    check(
        HR,
        &["--chart-ref=HelmChart/podinfo", "--chart-version=1.0.0"],
        &["--chart-version cannot be used with --chart-ref"],
    );
    let ok = &["--chart=podinfo", "--source=HelmRepository/podinfo"];
    check(
        &with(HR, ok).iter().map(String::as_str).collect::<Vec<_>>(),
        &["--crds=Replace"],
        &["Replace", "Skip, Create, CreateReplace"],
    );
    check(
        &with(HR, ok).iter().map(String::as_str).collect::<Vec<_>>(),
        &["--reconcile-strategy=Latest"],
        &["Latest", "ChartVersion, Revision"],
    );
    check(
        &with(HR, ok).iter().map(String::as_str).collect::<Vec<_>>(),
        &["--release-name=Pod_Info"],
        &["--release-name 'Pod_Info'", "at most 53"],
    );
    check(
        &with(HR, ok).iter().map(String::as_str).collect::<Vec<_>>(),
        &["--values-from=Deployment/vals"],
        &["'Deployment/vals'", "Secret, ConfigMap"],
    );
    check(
        &with(HR, ok).iter().map(String::as_str).collect::<Vec<_>>(),
        &["--values=tests/data/does-not-exist.yaml"],
        &["cannot read --values 'tests/data/does-not-exist.yaml'"],
    );
    check(
        &with(HR, ok).iter().map(String::as_str).collect::<Vec<_>>(),
        &["--values=Cargo.lock"],
        &["invalid --values 'Cargo.lock'"],
    );
    check(
        &with(HR, ok).iter().map(String::as_str).collect::<Vec<_>>(),
        &["--depends-on=a/b/c"],
        &["invalid --depends-on 'a/b/c'"],
    );
}

#[test]
fn reconcile_flags_apply_only_where_flux_takes_them() {
    for (args, expected) in [
        (
            &["reconcile", "source", "git", "podinfo", "--force"][..],
            "--force and --reset apply to Helm releases",
        ),
        (
            &["reconcile", "source", "git", "podinfo", "--with-source"][..],
            "--with-source applies to syncs and Helm releases",
        ),
        (&["reconcile", "hr"][..], "give the name of the HelmRelease"),
        (
            &["suspend", "sync"][..],
            "give the names of the Kustomization to suspend, or --all",
        ),
        (
            &["resume", "hr", "a", "--all"][..],
            "--all cannot be used with names",
        ),
        (&["export", "hr"][..], "give a NAME or --all"),
        (&["export"][..], "--all alone for every kind"),
    ] {
        assert_usage_error(args, &[expected]);
    }
}
