//! Bad input: one line on stderr naming the bad value and what is allowed, exit code 2, and
//! nothing on stdout.

use crate::common;
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

/// Runs floe with `args`, checks that it is a one-line usage error naming each of `expected`,
/// and returns that line.
fn assert_usage_error(args: &[&str], expected: &[&str]) -> String {
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
    stderr.into_owned()
}

fn with(base: &[&str], extra: &[&str]) -> Vec<String> {
    base.iter().chain(extra).map(|s| s.to_string()).collect()
}

fn check(base: &[&str], extra: &[&str], expected: &[&str]) -> String {
    let args = with(base, extra);
    assert_usage_error(
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
        expected,
    )
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
            "--with-source applies to syncs, Helm releases",
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

#[test]
fn notification_objects_refuse_unknown_types_severities_and_sources() {
    let provider = ["create", "alert-provider", "slack", "--export"];
    check(
        &provider,
        &["--type=skype"],
        &["'skype'", "slack", "msteams", "generic-hmac"],
    );
    check(&provider, &[], &["--type"]);
    check(
        &provider,
        &[
            "--type=generic",
            "--address=https://bot:hunter2@hooks.example.com/x",
        ],
        &["bot:***@", "--secret-ref"],
    );
    let alert = ["create", "alert", "a", "--provider-ref=slack", "--export"];
    check(
        &alert,
        &["--event-source=Kustomization/*", "--event-severity=warning"],
        &["'warning'", "info", "error"],
    );
    check(&alert, &[], &["--event-source is required"]);
    check(
        &alert,
        &["--event-source=Deployment/web"],
        &["'Deployment'", "GitRepository", "ImagePolicy"],
    );
    check(
        &alert,
        &["--event-source=podinfo"],
        &["'podinfo'", "missing the kind"],
    );
    check(
        &alert,
        &["--event-source=Kustomization/Bad_Name"],
        &["'Bad_Name'"],
    );
    let receiver = ["create", "receiver", "r", "--secret-ref=token", "--export"];
    check(
        &receiver,
        &["--type=svn", "--resource=GitRepository/a"],
        &["'svn'", "github", "generic-hmac"],
    );
    check(&receiver, &["--type=github"], &["--resource is required"]);
}

#[test]
fn image_objects_refuse_bad_images_ranges_regexes_and_combinations() {
    let repository = ["create", "image", "repository", "podinfo", "--export"];
    check(
        &repository,
        &["--image=https://ghcr.io/a/b"],
        &["'https://ghcr.io/a/b'", "no scheme"],
    );
    check(
        &repository,
        &["--image=ghcr.io/a/b:1.0"],
        &["without a tag"],
    );
    check(
        &repository,
        &["--image=ghcr.io/a/b", "--provider=oracle"],
        &["'oracle'", "aws"],
    );
    let policy = [
        "create",
        "image",
        "policy",
        "p",
        "--image-ref=podinfo",
        "--export",
    ];
    check(
        &policy,
        &["--select-semver=latest"],
        &["'latest'", "semver range"],
    );
    check(&policy, &["--select-semver=>= "], &["'>= '", "no version"]);
    check(
        &policy,
        &["--select-semver=1.x", "--select-alpha=asc"],
        &["--select-semver and --select-alpha cannot be used together"],
    );
    check(&policy, &["--select-alpha=up"], &["'up'", "asc", "desc"]);
    check(&policy, &[], &["a policy is required"]);
    check(
        &policy,
        &["--select-numeric=asc", "--filter-regex=^main-("],
        &["--filter-regex '^main-('", "RE2"],
    );
    check(
        &policy,
        &[
            "--select-numeric=asc",
            "--filter-regex=^main-(?P<ts>[0-9]+)$",
            "--filter-extract=$time",
        ],
        &["'$time'", "no group 'time'", "ts"],
    );
    check(
        &policy,
        &["--select-numeric=asc", "--filter-extract=$ts"],
        &["--filter-extract needs --filter-regex"],
    );
    check(
        &policy,
        &["--select-semver=1.x", "--interval=5m"],
        &["--reflect-digest=Always"],
    );
    let update = [
        "create",
        "image",
        "update",
        "u",
        "--git-repo-ref=flux-system",
        "--checkout-branch=main",
        "--author-name=flux",
        "--export",
    ];
    check(
        &update,
        &["--author-email=flux"],
        &["'flux'", "email address"],
    );
    check(
        &update,
        &["--author-email=f@x.io", "--signing-key-type=ssh"],
        &["--signing-key-type needs --signing-key-secret"],
    );
    check(
        &update,
        &[
            "--author-email=f@x.io",
            "--signing-key-secret=k",
            "--signing-key-type=pgp",
        ],
        &["'pgp'", "gpg", "ssh"],
    );
    check(
        &update,
        &["--author-email=f@x.io", "--git-repo-path=../up"],
        &["'../up'"],
    );
}

#[test]
fn an_ssh_host_that_could_be_read_as_an_option_is_refused_before_any_network_call() {
    // Before the fix, each of these ran `ssh-keyscan ... -oStrictHostKeyChecking=no` (the host
    // read as an option) or connected to the cluster first.
    let hostile = "--url=ssh://git@-oStrictHostKeyChecking=no:22/r";
    let expected = [
        "\"-oStrictHostKeyChecking=no\"",
        "must be an IP address or a DNS name",
    ];
    check(
        &["create", "secret", "git", "auth", "--export"],
        &[hostile],
        &expected,
    );
    check(
        &["create", "source", "git", "app", "--branch=main"],
        &[hostile, "--kubeconfig=/nonexistent"],
        &expected,
    );
    check(
        &["bootstrap", "git", "--path=clusters/dev"],
        &[hostile, "--kubeconfig=/nonexistent"],
        &expected,
    );
}

#[test]
fn secrets_refuse_missing_files_and_half_credentials_without_showing_values() {
    let git = ["create", "secret", "git", "auth", "--export"];
    check(
        &git,
        &["--url=https://x.io/r", "--username=bot"],
        &["--username needs --password"],
    );
    check(
        &git,
        &["--url=https://x.io/r"],
        &["--username and --password, or --bearer-token"],
    );
    check(
        &git,
        &[
            "--url=https://x.io/r",
            "--username=bot",
            "--password=hunter2",
            "--bearer-token=tok3n",
        ],
        &["--username/--password and --bearer-token cannot be used together"],
    );
    check(
        &git,
        &["--url=ftp://x.io/r"],
        &["'ftp://x.io/r'", "ssh, http, https"],
    );
    check(
        &git,
        &[
            "--url=https://x.io/r",
            "--bearer-token=t",
            "--ca-crt-file=/nonexistent/ca.crt",
        ],
        &["--ca-crt-file '/nonexistent/ca.crt'", "no such file"],
    );
    check(
        &git,
        &[
            "--url=ssh://git@x.io/r",
            "--private-key-file=/nonexistent/id",
        ],
        &["'/nonexistent/id'", "no such file"],
    );
    check(
        &git,
        &[
            "--url=ssh://git@x.io/r",
            "--ssh-key-algorithm=rsa",
            "--ssh-rsa-bits=1024",
        ],
        &["--ssh-rsa-bits 1024"],
    );
    check(
        &["create", "secret", "tls", "certs", "--export"],
        &["--tls-crt-file=/nonexistent/c"],
        &["--tls-crt-file needs --tls-key-file"],
    );
    check(
        &["create", "secret", "tls", "certs", "--export"],
        &[],
        &["--tls-crt-file and --tls-key-file"],
    );
    check(
        &[
            "create",
            "secret",
            "githubapp",
            "app",
            "--app-id=1",
            "--app-installation-id=2",
            "--export",
        ],
        &["--app-private-key=pk.pem"],
        &["'pk.pem'", "no such file"],
    );
    check(
        &[
            "create",
            "secret",
            "githubapp",
            "app",
            "--app-id=one",
            "--export",
        ],
        &[],
        &["'one'", "number"],
    );
    check(
        &[
            "create",
            "secret",
            "oci",
            "r",
            "--username=u",
            "--password=hunter2",
            "--export",
        ],
        &["--url=https://ghcr.io"],
        &["without a scheme"],
    );
    check(
        &["create", "secret", "proxy", "p", "--export"],
        &["--address=http://bot:hunter2@proxy:3128"],
        &["bot:***@", "--username and --password"],
    );
    check(
        &[
            "create",
            "secret",
            "receiver",
            "r",
            "--hostname=h.io",
            "--export",
        ],
        &["--type=gcr"],
        &["--email-claim is required"],
    );
    check(
        &[
            "create",
            "secret",
            "receiver",
            "r",
            "--type=github",
            "--export",
        ],
        &["--hostname=https://h.io/x"],
        &["--hostname"],
    );
    // No check above echoes a secret value.
    for args in [
        &[
            "create",
            "secret",
            "git",
            "a",
            "--url=https://x.io/r",
            "--username=bot",
            "--password=hunter2",
            "--bearer-token=tok3n",
            "--export",
        ][..],
        &[
            "create",
            "secret",
            "proxy",
            "p",
            "--address=http://bot:hunter2@proxy:3128",
            "--export",
        ][..],
    ] {
        let out = floe().args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("hunter2") && !stderr.contains("tok3n"),
            "{stderr}"
        );
    }
}

#[test]
fn tenants_and_charts_refuse_bad_names_and_sources() {
    let tenant = ["create", "tenant", "dev-team", "--export"];
    check(&tenant, &[], &["--with-namespace is required"]);
    check(&tenant, &["--with-namespace=Apps"], &["'Apps'"]);
    check(
        &tenant,
        &["--with-namespace=apps", "--cluster-role=Bad Role"],
        &["'Bad Role'"],
    );
    let chart = [
        "create",
        "source",
        "chart",
        "podinfo",
        "--chart=podinfo",
        "--export",
    ];
    check(
        &chart,
        &["--source=OCIRepository/podinfo"],
        &["'OCIRepository'", "HelmRepository, GitRepository, Bucket"],
    );
    check(
        &chart,
        &["--source=HelmRepository/podinfo.other"],
        &["own namespace"],
    );
    check(
        &chart,
        &["--source=HelmRepository/podinfo", "--verify-issuer=foo"],
        &["need --verify-provider"],
    );
    check(
        &chart,
        &["--source=HelmRepository/podinfo", "--verify-provider=gpg"],
        &["'gpg'", "cosign", "notation"],
    );
}

#[test]
fn an_unknown_subcommand_is_named_with_the_ones_allowed_there() {
    assert_usage_error(
        &["rollback", "hr", "podinfo"],
        &["'hr'", "expected one of: sync"],
    );
    assert_usage_error(
        &["create", "secret", "ssh", "x"],
        &["'ssh'", "git, helm, oci, tls, githubapp, proxy, receiver"],
    );
    assert_usage_error(
        &["history", "source", "git", "x"],
        &["'source'", "sync, helmrelease"],
    );
}

#[test]
fn namespaces_and_names_that_would_be_paths_or_queries_are_refused_before_the_cluster() {
    // Before the fix these reached the API server as raw path segments (kube builds request
    // paths from them as they are): `suspend` printed "✔ suspended" while nothing changed.
    let offline = "--kubeconfig=/nonexistent";
    for namespace in ["team/../../kube-system", "x?watch=true", "Apps", "a.b"] {
        check(
            &["get", "syncs"],
            &["-n", namespace, offline],
            &[namespace, "RFC 1123 label"],
        );
    }
    for (verb, name) in [
        ("resume", "web?dryRun=All"),
        ("suspend", "apps?dryRun=All&x="),
        ("reconcile", "../secrets"),
        ("delete", "a/b"),
    ] {
        check(
            &[verb, "sync", name],
            &[offline],
            &[name, "RFC 1123 subdomain"],
        );
    }
    check(
        &["export", "source", "git", "a%2Fb"],
        &[offline],
        &["a%2Fb", "RFC 1123 subdomain"],
    );
}

#[test]
fn a_git_path_through_dot_git_or_with_control_characters_is_refused_before_the_clone() {
    // Before the fix `--path=.git/x` failed with exit 1 after cloning.
    for path in [".git/x", "clusters/.GIT/dev", "a/.git"] {
        check(
            &["bootstrap", "git", "--url=https://127.0.0.1:9/fleet.git"],
            &[&format!("--path={path}"), "--kubeconfig=/nonexistent"],
            &["invalid --path", "Git's own directory"],
        );
    }
}

#[test]
fn a_value_with_a_line_break_or_a_control_character_is_refused_and_not_echoed() {
    // Before the fix a URL with a line break was written as a two-line `url:` in the YAML.
    check(
        &["create", "source", "git", "podinfo", "--export"],
        &["--url=https://example.com/r\nx: y", "--branch=main"],
        &["invalid --url", "control character \\n"],
    );
    check(
        SYNC,
        &["--path=./apps\u{1b}[2J"],
        &["invalid --path", "control character \\u{1b}"],
    );
    let stderr = check(
        &[
            "create",
            "secret",
            "git",
            "auth",
            "--export",
            "--url=https://x.io/r",
        ],
        &["--username=bot", "--password=s3cr\nt"],
        &["invalid --password", "control character"],
    );
    assert!(
        !stderr.contains("s3cr"),
        "the value (a password) is not printed"
    );
}

/// `build` and `diff`: flags checked before anything is read; what the checkout or the sync
/// holds is a runtime failure (exit 1, one line saying what to fix).
#[test]
fn build_and_diff_check_their_flags_and_name_what_the_checkout_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let apps = dir.path().join("apps");
    std::fs::create_dir(&apps).unwrap();
    std::fs::write(
        apps.join("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: ${UNSET}\n",
    )
    .unwrap();
    let ks = dir.path().join("ks.yaml");
    std::fs::write(
        &ks,
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  interval: 1m\n  path: ./apps\n  prune: true\n  postBuild:\n    substitute:\n      SET: x\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n",
    )
    .unwrap();
    let path = format!("--path={}", apps.display());
    let file = format!("--kustomization-file={}", ks.display());
    for command in ["build", "diff"] {
        check(
            &[command, "sync", "apps"],
            &["--path=/nonexistent/apps"],
            &["--path '/nonexistent/apps'", "not a directory"],
        );
        check(&[command, "sync", "apps"], &[], &["--path is required"]);
        check(
            &[command, "sync", "apps", &path],
            &["--local-sources=apps"],
            &["--local-sources 'apps'", "Kind/namespace/name=DIR"],
        );
    }
    check(
        &["build", "sync", "apps", &path, "--dry-run"],
        &[],
        &["--dry-run needs --kustomization-file"],
    );
    // flux's own flags for these commands parse (scripts move over); without a cluster the
    // command then fails at run time, not as a usage error.
    for (command, flags) in [
        ("diff", &["--progress-bar=false", "--ignore-not-found"][..]),
        ("build", &["--in-memory-build"][..]),
    ] {
        let out = floe()
            .args([command, "sync", "apps", &path])
            .args(flags)
            .env("KUBECONFIG", dir.path().join("none"))
            .env("FLOE_KUSTOMIZE", "/bin/true")
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{command} {flags:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Runtime failures: exit 1, one line.
    let kustomize = common::testbed::engine_bin("kustomize");
    let runtime = |extra: &[&str], env_path: &std::ffi::OsStr, expected: &str| {
        let out = floe()
            .args(["build", "sync", "apps", &path, "--dry-run"])
            .args(extra)
            .env("PATH", env_path)
            .env_remove("FLOE_KUSTOMIZE")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{extra:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{extra:?}");
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .collect();
        assert_eq!(errors.len(), 1, "{extra:?}: {stderr}");
        assert!(
            errors[0].contains(expected),
            "{extra:?}: expected {expected:?} in {stderr}"
        );
    };
    let empty = dir.path().join("empty-path");
    std::fs::create_dir(&empty).unwrap();
    runtime(&[&file], empty.as_os_str(), "kustomize is not installed");
    if !common::require(kustomize.exists(), "kustomize (scripts/testbed build)") {
        return;
    }
    let with_kustomize = kustomize.parent().unwrap().as_os_str();
    runtime(
        &[&file, "--strict-substitute"],
        with_kustomize,
        "variable not set (strict mode): \"UNSET\"",
    );
    let placed = dir.path().join("placed.yaml");
    let text = std::fs::read_to_string(&ks)
        .unwrap()
        .replace("name: apps\n", "name: apps\n  namespace: flux-system\n");
    std::fs::write(&placed, text).unwrap();
    let placed = format!("--kustomization-file={}", placed.display());
    runtime(
        &["-n", "elsewhere", &placed],
        with_kustomize,
        "no Kustomization apps in namespace elsewhere",
    );
    // A kustomization naming a file outside the checkout (a hostile change reading the CI
    // machine's files into the output) is refused; a symbolic link is left out, as
    // source-controller leaves it out of the source.
    std::os::unix::fs::symlink("/etc/hostname", apps.join("outside.yaml")).unwrap();
    std::fs::write(
        apps.join("kustomization.yaml"),
        "resources: [cm.yaml, /etc/hostname]\n",
    )
    .unwrap();
    runtime(&[&file], with_kustomize, "/etc/hostname (in ");
    runtime(&[&file], with_kustomize, "is outside the repository");
}

/// The ways of giving Git credentials are checked before anything is read (issue 27).
#[test]
fn git_credential_flags_are_checked_before_any_network_call() {
    for command in [
        &["history", "sync", "apps"][..],
        &["wait", "sync", "apps", "--for-branch-head"],
        &["rollback", "sync", "apps", "--yes"],
    ] {
        check(
            command,
            &["--provider=gitea"],
            &["--provider gitea needs --hostname", "no public host"],
        );
        check(
            command,
            &["--provider=bitbucket-server"],
            &["--provider bitbucket-server needs --hostname"],
        );
        for bad in [
            "https://git.example",
            "git.example/path",
            "me@git.example",
            "git.example:99999",
        ] {
            check(
                command,
                &["--provider=gitlab", &format!("--hostname={bad}")],
                &[&format!("invalid --hostname '{bad}'"), "HOST or HOST:PORT"],
            );
        }
        check(
            command,
            &["--provider=sourcehut"],
            &["sourcehut", "github", "gitlab", "gitea", "bitbucket-server"],
        );
        check(
            command,
            &["--password=x", "--password-stdin"],
            &["--password-stdin", "--password"],
        );
    }
    // An empty stdin is not a password.
    let out = floe()
        .args(["history", "sync", "apps", "--password-stdin"])
        .write_stdin("\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--password-stdin read an empty password"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Nor is a stream: floe reads at most 64 KiB of it.
    let out = floe()
        .args(["history", "sync", "apps", "--password-stdin"])
        .write_stdin(vec![b'x'; 65 * 1024])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--password-stdin read more than 64 KiB"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
