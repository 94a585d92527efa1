//! The flux CLI as the oracle: `floe create ... --export` against `flux create ... --export`
//! (v2.9.4, built by scripts/testbed) over a seeded, generated corpus of at least 1,000
//! commands: every flag of every create command flux has, with ordinary and edge values.
//! Each case passes when both print the same bytes on stdout, or both refuse it. Where floe
//! differs on purpose (docs/decisions.md), the case is listed in [`DELIBERATE`] with why.

use crate::common;

use std::path::Path;
use std::process::Command;

/// One create command: the words after `create`, the arguments it always takes (each a
/// choice of alternatives), and its optional flags with the values to try.
struct Spec {
    words: &'static str,
    required: &'static [&'static [&'static str]],
    optional: &'static [(&'static str, &'static [&'static str])],
}

const NAMES: &[&str] = &["podinfo", "app-1", "a1", "web-v2", "x"];
const INTERVALS: &[&str] = &["1m", "30s", "1h30m", "90s", "10m0s", "1.5h"];
const LABELS: &[&str] = &["team=dev", "a=b,c=d", "app.kubernetes.io/name=x"];
const NAMESPACES: &[&str] = &["flux-system", "apps", "team-a"];

/// `{ca}`, `{crt}`, `{key}`, `{values}`: files made once per run, the same for both tools.
const SPECS: &[Spec] = &[
    Spec {
        words: "source git",
        required: &[
            &[
                "--url=https://github.com/stefanprodan/podinfo",
                "--url=ssh://git@github.com/org/repo",
                "--url=https://git.example.com/r.git",
            ],
            &[
                "--branch=main",
                "--tag=6.6.0",
                "--tag-semver=>=6.0.0",
                "--commit=0123456789abcdef0123456789abcdef01234567",
                "--ref-name=refs/heads/dev",
            ],
        ],
        optional: &[
            ("--secret-ref", &["auth", "git-credentials"]),
            ("--ignore-paths", &["./docs,*.md", "/deploy"]),
            ("--recurse-submodules", &["true", "false"]),
            ("--sparse-checkout-paths", &["./apps,./infra"]),
            ("--provider", &["generic", "azure", "github"]),
            ("--proxy-secret-ref", &["proxy"]),
            ("--fetch-timeout", &["30s", "2m"]),
        ],
    },
    Spec {
        words: "source helm",
        required: &[&[
            "--url=https://stefanprodan.github.io/podinfo",
            "--url=oci://ghcr.io/stefanprodan/charts",
        ]],
        optional: &[
            ("--secret-ref", &["helm-auth"]),
            ("--pass-credentials", &["true", "false"]),
            ("--oci-provider", &["generic", "aws", "azure", "gcp"]),
            ("--fetch-timeout", &["30s"]),
        ],
    },
    Spec {
        words: "source oci",
        required: &[
            &["--url=oci://ghcr.io/stefanprodan/manifests/podinfo"],
            &[
                "--tag=6.6.0",
                "--tag-semver=>=6.0.0",
                "--digest=sha256:0b7c8d1fe4dc7c2bd6e5c4a7dbb3ebc5a4e1f6f1a0b7ad8b5a8fd1e5f8b9a3c7",
            ],
        ],
        optional: &[
            ("--secret-ref", &["oci-auth"]),
            ("--cert-ref", &["oci-certs"]),
            ("--provider", &["generic", "aws", "azure", "gcp"]),
            ("--service-account", &["puller"]),
            ("--ignore-paths", &["./docs,*.md"]),
            ("--insecure", &["true", "false"]),
            ("--proxy-secret-ref", &["proxy"]),
            ("--verify-provider", &["cosign", "notation"]),
            ("--verify-secret-ref", &["cosign-keys"]),
            (
                "--verify-issuer",
                &["https://token.actions.githubusercontent.com"],
            ),
            ("--verify-subject", &["^https://github.com/org/.*$"]),
            (
                "--layer-selector",
                &[
                    "application/vnd.cncf.helm.chart.content.v1.tar+gzip:copy",
                    "application/vnd.oci.image.layer.v1.tar:extract",
                ],
            ),
            ("--fetch-timeout", &["1m"]),
        ],
    },
    Spec {
        words: "source bucket",
        required: &[
            &["--bucket-name=podinfo"],
            &[
                "--endpoint=minio.example.com:9000",
                "--endpoint=s3.amazonaws.com",
            ],
        ],
        optional: &[
            ("--provider", &["generic", "aws", "gcp", "azure"]),
            ("--region", &["us-east-1"]),
            ("--insecure", &["true"]),
            ("--secret-ref", &["bucket-auth"]),
            ("--ignore-paths", &["./docs"]),
            ("--proxy-secret-ref", &["proxy"]),
            ("--fetch-timeout", &["45s"]),
        ],
    },
    Spec {
        words: "source chart",
        required: &[
            &[
                "--source=HelmRepository/podinfo",
                "--source=GitRepository/charts",
            ],
            &["--chart=podinfo", "--chart=./charts/podinfo"],
        ],
        optional: &[
            ("--chart-version", &["6.x", ">=6.0.0 <7.0.0"]),
            ("--reconcile-strategy", &["ChartVersion", "Revision"]),
            ("--verify-provider", &["cosign"]),
            ("--verify-secret-ref", &["cosign-keys"]),
            ("--verify-issuer", &["foo"]),
            ("--verify-subject", &["bar"]),
        ],
    },
    Spec {
        words: "kustomization",
        required: &[
            &[
                "--source=GitRepository/podinfo",
                "--source=podinfo",
                "--source=OCIRepository/manifests",
                "--source=Bucket/b.team-a",
            ],
            &["--path=./kustomize", "--path=./", "--path=apps/prod"],
        ],
        optional: &[
            ("--prune", &["true", "false"]),
            ("--wait", &["true"]),
            ("--health-check", &["Deployment/podinfo.default"]),
            ("--health-check-timeout", &["2m", "90s"]),
            ("--retry-interval", &["1m"]),
            ("--target-namespace", &["apps"]),
            ("--depends-on", &["infra", "team-a/base"]),
            ("--service-account", &["reconciler"]),
            ("--decryption-provider", &["sops"]),
            ("--decryption-secret", &["sops-keys"]),
            ("--kubeconfig-secret-ref", &["remote-kubeconfig"]),
        ],
    },
    Spec {
        words: "helmrelease",
        required: &[&[
            "--source=HelmRepository/podinfo --chart=podinfo",
            "--source=GitRepository/charts.team-a --chart=./charts/podinfo",
            "--chart-ref=OCIRepository/podinfo",
            "--chart-ref=HelmChart/podinfo.flux-system",
        ]],
        optional: &[
            ("--chart-version", &["6.x"]),
            ("--target-namespace", &["apps"]),
            ("--create-target-namespace", &["true"]),
            ("--depends-on", &["infra"]),
            ("--release-name", &["web"]),
            ("--service-account", &["helm"]),
            ("--storage-namespace", &["helm-storage"]),
            ("--crds", &["Skip", "Create", "CreateReplace"]),
            ("--kubeconfig-secret-ref", &["remote"]),
            ("--reconcile-strategy", &["ChartVersion", "Revision"]),
            ("--chart-interval", &["10m"]),
            ("--values-from", &["ConfigMap/values", "Secret/values"]),
            ("--values", &["{values}"]),
        ],
    },
    Spec {
        words: "alert",
        required: &[
            &["--provider-ref=slack"],
            &[
                "--event-source=Kustomization/*",
                "--event-source=GitRepository/podinfo,HelmRelease/web",
            ],
        ],
        optional: &[("--event-severity", &["info", "error"])],
    },
    Spec {
        words: "alert-provider",
        required: &[&[
            "--type=slack",
            "--type=generic",
            "--type=github",
            "--type=msteams",
        ]],
        optional: &[
            ("--channel", &["ops"]),
            ("--username", &["flux"]),
            ("--address", &["https://hooks.example.com/x"]),
            ("--secret-ref", &["webhook-url"]),
        ],
    },
    Spec {
        words: "receiver",
        required: &[
            &["--type=github", "--type=generic", "--type=gitlab"],
            &[
                "--resource=GitRepository/podinfo",
                "--resource=Kustomization/apps",
            ],
            &["--secret-ref=webhook-token"],
        ],
        optional: &[("--event", &["push", "ping,push"])],
    },
    Spec {
        words: "image repository",
        required: &[&["--image=ghcr.io/stefanprodan/podinfo"]],
        optional: &[
            ("--secret-ref", &["regcred"]),
            ("--cert-ref", &["certs"]),
            ("--scan-timeout", &["30s"]),
        ],
    },
    Spec {
        words: "image policy",
        required: &[
            &["--image-ref=podinfo"],
            &[
                "--select-semver=>=1.0.0",
                "--select-numeric=asc",
                "--select-alpha=desc",
            ],
        ],
        optional: &[
            ("--filter-regex", &["^main-[a-f0-9]+-(?P<ts>[0-9]+)"]),
            ("--filter-extract", &["$ts"]),
            ("--reflect-digest", &["Always", "IfNotPresent", "Never"]),
        ],
    },
    Spec {
        words: "image update",
        required: &[
            &["--git-repo-ref=flux-system"],
            &["--checkout-branch=main"],
            &["--author-name=flux"],
            &["--author-email=flux@example.com"],
        ],
        optional: &[
            ("--git-repo-path", &["./clusters/dev"]),
            ("--push-branch", &["image-updates"]),
            ("--commit-template", &["bump images"]),
            ("--git-repo-namespace", &["team-a"]),
            ("--signing-key-secret", &["signing"]),
            ("--signing-key-type", &["gpg", "ssh"]),
        ],
    },
    Spec {
        words: "secret oci",
        required: &[
            &["--url=ghcr.io"],
            &["--username=bot"],
            &["--password=s3cret"],
        ],
        optional: &[],
    },
    Spec {
        words: "secret notation",
        required: &[
            &[
                "--trust-policy-file={policy}",
                "--trust-policy-file={policy_pretty}",
            ],
            &["--ca-cert-file={ca}", "--ca-cert-file={ca},{crt}"],
        ],
        optional: &[],
    },
    Spec {
        words: "secret proxy",
        required: &[&["--address=http://proxy.example.com:8080"]],
        optional: &[("--username", &["bot"]), ("--password", &["s3cret"])],
    },
    Spec {
        words: "secret receiver",
        required: &[
            &["--type=github", "--type=generic", "--type=gcr"],
            &["--token=t0ken"],
            &["--hostname=flux.example.com"],
        ],
        optional: &[
            ("--email-claim", &["sa@example.iam.gserviceaccount.com"]),
            ("--audience-claim", &["https://flux.example.com"]),
        ],
    },
    Spec {
        words: "secret git",
        required: &[&["--url=https://github.com/org/repo"]],
        optional: &[
            ("--username", &["git"]),
            ("--password", &["s3cret"]),
            ("--bearer-token", &["t0ken"]),
            ("--ca-crt-file", &["{ca}"]),
        ],
    },
    Spec {
        words: "secret helm",
        required: &[],
        optional: &[
            ("--username", &["bot"]),
            ("--password", &["s3cret"]),
            ("--ca-crt-file", &["{ca}"]),
            ("--tls-crt-file", &["{crt}"]),
            ("--tls-key-file", &["{key}"]),
        ],
    },
    Spec {
        words: "secret tls",
        required: &[],
        optional: &[
            ("--ca-crt-file", &["{ca}"]),
            ("--tls-crt-file", &["{crt}"]),
            ("--tls-key-file", &["{key}"]),
        ],
    },
    Spec {
        words: "tenant",
        required: &[&["--with-namespace=apps", "--with-namespace=apps,web"]],
        optional: &[
            ("--cluster-role", &["cluster-admin", "view"]),
            ("--with-service-account", &["deployer"]),
            ("--skip-namespace", &["true"]),
        ],
    },
];

/// Cases where floe differs from flux on purpose (docs/decisions.md, "Stricter than flux" and
/// "Laxer than flux"): a predicate on the arguments, and why.
type Deliberate = (&'static str, fn(&[String]) -> bool);

const DELIBERATE: &[Deliberate] = &[
    (
        "floe refuses 0s intervals, which make the controller spin",
        |args| has(args, "--interval=0s"),
    ),
    (
        "flux refuses one-character names, which Kubernetes accepts",
        |args| {
            args.iter()
                .skip(2)
                .any(|a| a.len() == 1 && !a.starts_with('-'))
        },
    ),
    (
        "floe refuses a username without a password or the other way round (flux writes half a credential)",
        |args| {
            let secret =
                args[1] == "secret" && ["git", "helm", "proxy"].contains(&args[2].as_str());
            secret && (flag(args, "--username") != flag(args, "--password"))
        },
    ),
    (
        "floe refuses --decryption-secret without --decryption-provider=sops (flux ignores it)",
        |args| flag(args, "--decryption-secret") && !flag(args, "--decryption-provider"),
    ),
    (
        "floe refuses --chart-version with --chart-ref (the referenced chart has its version)",
        |args| flag(args, "--chart-ref") && flag(args, "--chart-version"),
    ),
    (
        "floe refuses --verify-* without --verify-provider for charts too (flux does for OCI)",
        |args| {
            args[2] == "chart"
                && !flag(args, "--verify-provider")
                && ["--verify-secret-ref", "--verify-issuer", "--verify-subject"]
                    .iter()
                    .any(|f| flag(args, f))
        },
    ),
    (
        "floe keeps --username and --password beside the TLS files of `create secret helm` (flux drops them)",
        |args| {
            args[1] == "secret"
                && args[2] == "helm"
                && flag(args, "--username")
                && flag(args, "--tls-crt-file")
        },
    ),
    (
        "floe sets --label on `create secret oci` (flux ignores it there)",
        |args| args[1] == "secret" && args[2] == "oci" && flag(args, "--label"),
    ),
];

fn has(args: &[String], arg: &str) -> bool {
    args.iter().any(|a| a == arg)
}

fn flag(args: &[String], name: &str) -> bool {
    args.iter()
        .any(|a| a == name || a.starts_with(&format!("{name}=")))
}

/// A small deterministic generator (SplitMix64): the corpus is the same on every run.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn files(dir: &Path) -> Vec<(&'static str, String)> {
    use rcgen::{CertificateParams, KeyPair};
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec!["example.com".to_string()])
        .unwrap()
        .self_signed(&key)
        .unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    vec![
        ("{ca}", write("ca.crt", &cert.pem())),
        ("{crt}", write("tls.crt", &cert.pem())),
        ("{key}", write("tls.key", &key.serialize_pem())),
        (
            "{policy}",
            write(
                "trustpolicy.json",
                r#"{"version":"1.0","trustPolicies":[{"name":"p","registryScopes":["*"],"signatureVerification":{"level":"strict"},"trustStores":["ca:certs"],"trustedIdentities":["*"]}]}"#,
            ),
        ),
        (
            "{policy_pretty}",
            write(
                "policy.json",
                "{\n  \"version\": \"1.0\",\n  \"trustPolicies\": [\n    {\"name\": \"p\", \"registryScopes\": [\"*\"], \"signatureVerification\": {\"level\": \"skip\"}}\n  ]\n}\n",
            ),
        ),
        (
            "{values}",
            write("values.yaml", "replicaCount: 2\nimage:\n  tag: 6.6.0\n"),
        ),
    ]
}

/// The cases: for each spec in turn, a name, its required arguments, a random subset of its
/// optional flags and of create's own (--interval, --label, -n), always --export.
fn corpus(count: usize, files: &[(&str, String)]) -> Vec<Vec<String>> {
    let mut rng = Seeded(0x5eed_f10e);
    let expand = |arg: &str| -> Vec<String> {
        let mut arg = arg.to_string();
        for (placeholder, path) in files {
            arg = arg.replace(placeholder, path);
        }
        // Alternatives of several arguments are written "--a=x --b=y".
        arg.split(" --")
            .enumerate()
            .map(|(i, a)| {
                if i == 0 {
                    a.to_string()
                } else {
                    format!("--{a}")
                }
            })
            .collect()
    };
    (0..count)
        .map(|i| {
            let spec = &SPECS[i % SPECS.len()];
            let mut args: Vec<String> = vec!["create".into()];
            args.extend(spec.words.split(' ').map(str::to_string));
            args.push(rng.pick(NAMES).to_string());
            for choice in spec.required {
                args.extend(expand(rng.pick(choice)));
            }
            for (flag, values) in spec.optional {
                if rng.chance(35) {
                    args.extend(expand(&format!("{flag}={}", rng.pick(values))));
                }
            }
            if rng.chance(30) {
                args.push(format!("--interval={}", rng.pick(INTERVALS)));
            }
            if rng.chance(30) {
                args.push(format!("--label={}", rng.pick(LABELS)));
            }
            if rng.chance(30) {
                args.push(format!("--namespace={}", rng.pick(NAMESPACES)));
            }
            args.push("--export".into());
            args
        })
        .collect()
}

#[test]
fn floe_exports_what_flux_exports_over_a_generated_corpus() {
    let flux = common::testbed::engine_bin("flux");
    if !common::require(flux.exists(), "the flux CLI (scripts/testbed build)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files = files(dir.path());
    let cases = corpus(1500, &files);
    let floe = assert_cmd::cargo::cargo_bin("floe");
    let run = |program: &Path, args: &[String]| {
        Command::new(program)
            .args(args)
            .env_remove("FLOE_NAMESPACE")
            .env("KUBECONFIG", "/nonexistent")
            .env("HOME", dir.path())
            .output()
            .unwrap()
    };
    let mut differences = Vec::new();
    let mut agreed = (0, 0);
    let mut deliberate = 0;
    for args in &cases {
        if let Some((why, _)) = DELIBERATE.iter().find(|(_, applies)| applies(args)) {
            eprintln!("deliberate: {why}: {}", args.join(" "));
            deliberate += 1;
            continue;
        }
        let theirs = run(&flux, args);
        let ours = run(&floe, args);
        match (theirs.status.success(), ours.status.success()) {
            (true, true) if theirs.stdout == ours.stdout => agreed.0 += 1,
            (false, false) => {
                eprintln!(
                    "both refuse: {}: {}",
                    args.join(" "),
                    String::from_utf8_lossy(&theirs.stderr).trim()
                );
                agreed.1 += 1
            }
            (flux_ok, floe_ok) => differences.push(format!(
                "{}\n  flux ({}): {}\n  floe ({}): {}",
                args.join(" "),
                if flux_ok { "ok" } else { "refused" },
                String::from_utf8_lossy(if flux_ok {
                    &theirs.stdout
                } else {
                    &theirs.stderr
                }),
                if floe_ok { "ok" } else { "refused" },
                String::from_utf8_lossy(if floe_ok { &ours.stdout } else { &ours.stderr }),
            )),
        }
    }
    eprintln!(
        "{} cases: {} byte-equal, {} refused by both, {} deliberately different, {} differ",
        cases.len(),
        agreed.0,
        agreed.1,
        deliberate,
        differences.len()
    );
    assert!(
        agreed.0 + agreed.1 + differences.len() >= 1000,
        "at least 1,000 cases are compared"
    );
    assert!(
        differences.is_empty(),
        "{} of {} differ:\n{}",
        differences.len(),
        cases.len(),
        differences.join("\n")
    );
    assert!(
        agreed.0 >= cases.len() / 2,
        "most cases must be valid commands that both print: {agreed:?}"
    );
}

/// `install --export` over its options: the same objects, bytes and order as flux's, the
/// first comment line (which names the tool) aside.
#[test]
fn install_export_is_flux_install_export_but_for_the_tool_name() {
    let flux = common::testbed::engine_bin("flux");
    if !common::require(flux.exists(), "the flux CLI (scripts/testbed build)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // The release's install.yaml has every component; ../shared keeps the extras apart.
    let release = dir.path().join("install.yaml");
    let shared = common::flux_install_yaml();
    let shared = shared.parent().unwrap();
    let mut text = String::new();
    for file in [
        "install.yaml",
        "install-extra.yaml",
        "install-source-watcher.yaml",
    ] {
        text.push_str("---\n");
        text.push_str(&std::fs::read_to_string(shared.join(file)).unwrap());
    }
    std::fs::write(&release, text).unwrap();

    const DEFAULTS: &[&str] = &[
        "source-controller",
        "kustomize-controller",
        "helm-controller",
        "notification-controller",
    ];
    const EXTRAS: &[&str] = &[
        "image-reflector-controller",
        "image-automation-controller",
        "source-watcher",
    ];
    let mut rng = Seeded(22);
    let mut cases: Vec<Vec<String>> = vec![vec![]];
    let subset = |rng: &mut Seeded, from: &[&str], min: usize| {
        let mut picked: Vec<&str> = from.iter().copied().filter(|_| rng.chance(60)).collect();
        while picked.len() < min {
            picked.push(from[picked.len()]);
        }
        if rng.chance(30) {
            picked.reverse();
        }
        picked.join(",")
    };
    for _ in 0..40 {
        let mut args = Vec::new();
        if rng.chance(50) {
            args.push(format!("--components={}", subset(&mut rng, DEFAULTS, 1)));
        }
        if rng.chance(50) {
            args.push(format!(
                "--components-extra={}",
                subset(&mut rng, EXTRAS, 1)
            ));
        }
        for (chance, flag, values) in [
            (40, "--namespace", &["gitops", "team-a", "flux-system"][..]),
            (
                30,
                "--registry",
                &["registry.example.com/mirror", "ghcr.io/fluxcd"],
            ),
            (30, "--image-pull-secret", &["regcred"]),
            (30, "--watch-all-namespaces", &["false", "true"]),
            (30, "--network-policy", &["false", "true"]),
            (30, "--log-level", &["debug", "error", "info"]),
            (30, "--cluster-domain", &["k8s.internal", "cluster.local"]),
            (
                30,
                "--toleration-keys",
                &["node.kubernetes.io/unschedulable", "a,b"],
            ),
        ] {
            if rng.chance(chance) {
                args.push(format!("{flag}={}", rng.pick(values)));
            }
        }
        cases.push(args);
    }
    // Refused by both: a component neither knows.
    cases.push(vec!["--components=source-controller,ui-controller".into()]);

    let floe = assert_cmd::cargo::cargo_bin("floe");
    let manifests = format!("--manifests={}", release.display());
    let mut differences = Vec::new();
    let mut equal = 0;
    for args in &cases {
        let run = |program: &Path, extra: &[&str]| {
            Command::new(program)
                .arg("install")
                .arg("--export")
                .args(args)
                .args(extra)
                .env_remove("FLOE_NAMESPACE")
                .env("KUBECONFIG", "/nonexistent")
                .env("HOME", dir.path())
                .output()
                .unwrap()
        };
        let theirs = run(&flux, &[]);
        let ours = run(&floe, &[&manifests]);
        let ours_as_flux = String::from_utf8(ours.stdout.clone()).unwrap().replacen(
            "# This manifest was generated by floe.",
            "# This manifest was generated by flux.",
            1,
        );
        match (theirs.status.success(), ours.status.success()) {
            (true, true) if theirs.stdout == ours_as_flux.as_bytes() => equal += 1,
            (false, false) => {}
            (true, true) => {
                let theirs = String::from_utf8_lossy(&theirs.stdout);
                let line = theirs
                    .lines()
                    .zip(ours_as_flux.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(theirs.lines().count().min(ours_as_flux.lines().count()));
                differences.push(format!(
                    "install --export {}: first difference at line {}:\n  flux: {:?}\n  floe: {:?}",
                    args.join(" "),
                    line + 1,
                    theirs.lines().nth(line),
                    ours_as_flux.lines().nth(line)
                ));
            }
            (flux_ok, floe_ok) => differences.push(format!(
                "install --export {}: flux {}, floe {}: {}",
                args.join(" "),
                if flux_ok { "prints" } else { "refuses" },
                if floe_ok { "prints" } else { "refuses" },
                String::from_utf8_lossy(if flux_ok {
                    &ours.stderr
                } else {
                    &theirs.stderr
                })
            )),
        }
    }
    eprintln!(
        "install --export: {} cases, {equal} byte-equal but for the tool's name",
        cases.len()
    );
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert!(equal >= cases.len() - 1, "the valid cases all print");
}

/// `floe envsubst` against `flux envsubst` over the engine's expressions: the same bytes on
/// stdout, and with `--strict` both refuse an unset variable (exit 1) naming it.
#[test]
fn envsubst_substitutes_stdin_as_flux_envsubst_does() {
    let flux = common::testbed::engine_bin("flux");
    if !common::require(flux.exists(), "the flux CLI (scripts/testbed build)") {
        return;
    }
    let floe = assert_cmd::cargo::cargo_bin("floe");
    let run = |program: &Path, input: &str, strict: bool| {
        use std::io::Write;
        let mut child = Command::new(program)
            .arg("envsubst")
            .args(strict.then_some("--strict"))
            .env_clear()
            .env("region", "eu-central-1")
            .env("Mixed", "AbCd")
            .env("empty", "")
            .env("path", "/a/b/c.txt")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let inputs = [
        "region: ${region}\n",
        "a: $region and $${region} and ${region}\n",
        "b: ${unset:=default} ${empty:-fallback} ${region:+set} ${unset}\n",
        "c: ${Mixed,} ${Mixed,,} ${Mixed^} ${Mixed^^} ${#Mixed}\n",
        "d: ${region:3} ${region:3:4} ${path#*/} ${path##*/} ${path%.*} ${path%%/*}\n",
        "e: ${path/b/x} ${path//\\//_} ${path/#\\/a/z} ${path/%txt/md}\n",
        "f: ${unset:=${region}-x}\nno newline at the end",
        "g: ${region}\r\nwindows: lines\r\n",
        "kind: ConfigMap\nmetadata:\n  name: x-${region}\ndata:\n  k: \"${Mixed}\"\n",
        "",
    ];
    for input in inputs {
        let (a, b) = (run(&flux, input, false), run(&floe, input, false));
        assert_eq!(a.status.code(), Some(0), "flux on {input:?}");
        assert_eq!(b.status.code(), Some(0), "floe on {input:?}");
        assert_eq!(
            String::from_utf8_lossy(&b.stdout),
            String::from_utf8_lossy(&a.stdout),
            "{input:?}"
        );
    }
    let (a, b) = (
        run(&flux, "x: ${unset}\n", true),
        run(&floe, "x: ${unset}\n", true),
    );
    assert_eq!((a.status.code(), b.status.code()), (Some(1), Some(1)));
    for out in [&a, &b] {
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains("variable not set (strict mode): \"unset\""),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let strict_ok = run(&floe, "x: ${unset:=d} ${region}\n", true);
    assert_eq!(
        String::from_utf8_lossy(&strict_ok.stdout),
        "x: d eu-central-1\n"
    );
}
