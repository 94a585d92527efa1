//! `floe build sync --dry-run` against `flux build kustomization --dry-run` (v2.9.4, with the
//! kustomize v5.8.1 kustomize-controller embeds, both built by scripts/testbed): repositories
//! generated here (plain manifests, overlays with bases and components, patches of both kinds,
//! images, generators, substitutions with defaults, strict mode, SOPS-encrypted Secrets,
//! ignore rules, nested syncs for `--recursive`), and a seeded corpus of sync specs combining
//! them. Each case passes when both print the same bytes, or both refuse it.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn write(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

const DEPLOYMENT: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: podinfo
  labels:
    app: podinfo
spec:
  replicas: ${REPLICAS:=2}
  selector:
    matchLabels:
      app: podinfo
  template:
    metadata:
      labels:
        app: podinfo
    spec:
      containers:
      - name: podinfo
        image: ghcr.io/stefanprodan/podinfo:6.0.0
        ports:
        - containerPort: 9898
        env:
        - name: GREETING
          value: \"hello ${WHO} from ${CLUSTER:-dev}, cost $$5, ${REGION:=eu-west-1}\"
        - name: LONG
          value: \"a fairly long value that goes past eighty columns so that the YAML emitter folds it somewhere\"
";

const SERVICE: &str = "apiVersion: v1
kind: Service
metadata:
  name: podinfo
spec:
  selector:
    app: podinfo
  ports:
  - name: http
    port: 9898
    targetPort: 9898
";

const CONFIG: &str = "apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    kustomize.toolkit.fluxcd.io/substitute: disabled
data:
  raw: \"${NOT_SUBSTITUTED}\"
  multi: |
    line one
    line two
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: flags
data:
  enabled: \"true\"
  count: \"3\"
  who: ${WHO:=nobody}
";

const SOPS_SECRET: &str = "apiVersion: v1
kind: Secret
metadata:
  name: sealed
type: Opaque
data:
  password: RU5DW0FFUzI1Nl9HQ00sZGF0YTpYWVo9LGl2OkFCQz0sdGFnOkRFRj0sdHlwZTpzdHJdCg==
stringData:
  token: ENC[AES256_GCM,data:abc=,iv:def=,tag:ghi=,type:str]
sops:
  mac: ENC[AES256_GCM,data:mac=,iv:iv=,tag:tag=,type:str]
  version: 3.9.0
";

const PLAIN_SECRET: &str = "apiVersion: v1
kind: Secret
metadata:
  name: plain
data:
  a: cGxhaW4=
  b: c29wcyBFTkNbeF0=
";

/// The repository every case builds from, under `root`.
fn repository(root: &Path) {
    write(
        root,
        &[
            ("apps/deploy.yaml", DEPLOYMENT),
            ("apps/service.yml", SERVICE),
            ("apps/config/settings.yaml", CONFIG),
            ("apps/config/notes.md", "not a manifest"),
            ("apps/secrets/sealed.yaml", SOPS_SECRET),
            ("apps/secrets/plain.yaml", PLAIN_SECRET),
            ("apps/docs/values.yaml", "replicas: 3\n"),
            ("apps/.sourceignore", "docs/\n"),
            (
                "apps/nested/kustomization.yaml",
                "resources:\n- cm.yaml\nnamePrefix: nested-\n",
            ),
            (
                "apps/nested/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: inner\ndata:\n  k: ${WHO}\n",
            ),
            (
                "base/kustomization.yaml",
                "resources:\n- ../apps/deploy.yaml\n- ../apps/service.yml\ncommonLabels:\n  tier: web\n",
            ),
            (
                "components/monitoring/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n- monitor.yaml\n",
            ),
            (
                "components/monitoring/monitor.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: monitor\ndata:\n  scrape: \"true\"\n",
            ),
            (
                "overlay/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../base\nconfigMapGenerator:\n- name: generated\n  literals:\n  - mode=${MODE:=fast}\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: podinfo\n    spec:\n      replicas: 5\nimages:\n- name: ghcr.io/stefanprodan/podinfo\n  newTag: 6.5.0\n",
            ),
            (
                "empty/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nconfigMapGenerator:\n- name: only\n  literals:\n  - a=b\n",
            ),
            (
                "parent/child.yaml",
                "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: child\n  namespace: flux-system\nspec:\n  interval: 5m\n  path: ./overlay\n  prune: true\n  targetNamespace: child-ns\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n",
            ),
            (
                "parent/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: parent\ndata:\n  a: b\n",
            ),
        ],
    );
}

/// Small seeded generator (the corpus is the same on every run).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// One sync's spec lines (under `spec:`), seeded.
fn spec_lines(rng: &mut Rng, path: &str) -> String {
    let mut spec = format!(
        "  interval: 10m\n  path: {path}\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n"
    );
    if rng.chance(50) {
        spec += &format!(
            "  targetNamespace: {}\n",
            rng.pick(&["team-a", "apps", "default"])
        );
    }
    if rng.chance(30) {
        spec += &format!("  namePrefix: {}\n", rng.pick(&["pre-", "x-"]));
    }
    if rng.chance(30) {
        spec += &format!("  nameSuffix: {}\n", rng.pick(&["-suf", "-2"]));
    }
    if rng.chance(40) {
        spec += "  commonMetadata:\n    labels:\n      team: a\n      app: overridden\n    annotations:\n      owner: ops\n";
    }
    if rng.chance(40) {
        spec += &format!(
            "  images:\n  - name: ghcr.io/stefanprodan/podinfo\n    {}\n",
            rng.pick(&[
                "newTag: 6.1.0",
                "newName: registry.local/podinfo",
                "digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
            ])
        );
    }
    if rng.chance(40) {
        spec += rng.pick(&[
            "  patches:\n  - patch: |\n      - op: add\n        path: /metadata/annotations/patched\n        value: \"yes\"\n    target:\n      kind: Deployment\n",
            "  patches:\n  - patch: |\n      apiVersion: v1\n      kind: Service\n      metadata:\n        name: podinfo\n      spec:\n        type: NodePort\n",
            "  patches:\n  - patch: |\n      - op: replace\n        path: /data/count\n        value: \"7\"\n    target:\n      kind: ConfigMap\n      name: flags\n      labelSelector: \"\"\n",
        ]);
    }
    if rng.chance(30) {
        spec += rng.pick(&[
            "  components:\n  - ../components/monitoring\n",
            "  components:\n  - ../components/missing\n  ignoreMissingComponents: true\n",
        ]);
    }
    if rng.chance(60) {
        spec += rng.pick(&[
            "  postBuild:\n    substitute:\n      WHO: world\n      CLUSTER: prod\n",
            "  postBuild:\n    substitute:\n      REPLICAS: \"4\"\n      WHO: \"it's me\"\n",
            "  postBuild:\n    substituteStrategy: Always\n",
            "  postBuild:\n    substitute:\n      MODE: slow\n",
        ]);
    }
    spec
}

fn sync_file(dir: &Path, name: &str, namespace: Option<&str>, spec: &str) -> PathBuf {
    let file = dir.join(format!("{name}-{}.yaml", rand_suffix(spec)));
    let ns = namespace
        .map(|n| format!("  namespace: {n}\n"))
        .unwrap_or_default();
    std::fs::write(
        &file,
        format!("apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: {name}\n{ns}spec:\n{spec}"),
    )
    .unwrap();
    file
}

fn rand_suffix(text: &str) -> u64 {
    text.bytes().fold(1469598103934665603u64, |h, b| {
        (h ^ b as u64).wrapping_mul(1099511628211)
    })
}

struct Case {
    what: String,
    args: Vec<String>,
}

fn cases(root: &Path, files: &Path) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut add = |what: String, name: &str, path: &str, spec: &str, extra: &[&str]| {
        let file = sync_file(files, name, Some("flux-system"), spec);
        let mut args = vec![
            name.to_string(),
            format!(
                "--path={}",
                root.join(path.trim_start_matches("./")).display()
            ),
            format!("--kustomization-file={}", file.display()),
            "--dry-run".to_string(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        cases.push(Case { what, args });
    };
    let fixed: &[(&str, &str, &str, &[&str])] = &[
        (
            "plain manifests, generated kustomization",
            "./apps",
            "  interval: 1m\n  path: ./apps\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n",
            &[],
        ),
        (
            "substitution, strict, all set",
            "./apps",
            "  interval: 1m\n  path: ./apps\n  prune: true\n  postBuild:\n    substitute:\n      WHO: w\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n",
            &["--strict-substitute"],
        ),
        (
            "ignore paths",
            "./apps",
            "  interval: 1m\n  path: ./apps\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n",
            &["--ignore-paths=secrets/,nested"],
        ),
        (
            "overlay with base and generator",
            "./overlay",
            "  interval: 1m\n  path: ./overlay\n  prune: false\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n",
            &[],
        ),
        (
            "kustomization without resources",
            "./empty",
            "  interval: 1m\n  path: ./empty\n  prune: false\n  targetNamespace: only\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n",
            &[],
        ),
    ];
    for (what, path, spec, extra) in fixed {
        add(what.to_string(), "apps", path, spec, extra);
    }
    let mut rng = Rng(0x5eed_f10e);
    for i in 0..60 {
        let path = ["./apps", "./overlay", "./apps/nested", "./empty"][i % 4];
        let spec = spec_lines(&mut rng, path);
        let strict = if rng.chance(25) {
            &["--strict-substitute"][..]
        } else {
            &[][..]
        };
        add(
            format!("generated case {i} of {path}"),
            "apps",
            path,
            &spec,
            strict,
        );
    }
    let parent = "  interval: 1m\n  path: ./parent\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n";
    let sources = format!(
        "--local-sources=GitRepository/flux-system/flux-system={}",
        root.display()
    );
    add(
        "recursive, nested sync".into(),
        "apps",
        "./parent",
        parent,
        &["--recursive", &sources],
    );
    cases
}

#[test]
fn floe_builds_what_flux_builds_over_a_generated_corpus() {
    let flux = common::testbed::engine_bin("flux");
    let kustomize = common::testbed::engine_bin("kustomize");
    if !common::require(
        flux.exists() && kustomize.exists(),
        "the flux CLI and kustomize (scripts/testbed build)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    let files = dir.path().join("syncs");
    std::fs::create_dir_all(&files).unwrap();
    repository(&root);
    // A checkout: the build copies the Git work tree, so `../base` resolves as in the source.
    git2::Repository::init(&root).unwrap();
    let before = snapshot(&root);
    let floe = assert_cmd::cargo::cargo_bin("floe");
    let run = |program: &Path, words: &[&str], args: &[String]| -> Output {
        Command::new(program)
            .args(words)
            .args(args)
            .env("KUBECONFIG", "/nonexistent")
            .env("HOME", dir.path())
            .env("FLOE_KUSTOMIZE", &kustomize)
            .env("PATH", common::testbed::bin_dir())
            .env_remove("FLOE_NAMESPACE")
            .output()
            .unwrap()
    };
    let cases = cases(&root, &files);
    let mut differences = Vec::new();
    let (mut same, mut both_refused) = (0, 0);
    for case in &cases {
        let theirs = run(&flux, &["build", "kustomization"], &case.args);
        let ours = run(&floe, &["build", "sync"], &case.args);
        match (theirs.status.success(), ours.status.success()) {
            (true, true) if theirs.stdout == ours.stdout => same += 1,
            (false, false) => both_refused += 1,
            (true, true) => differences.push(format!(
                "{}: floe build sync {}\n{}",
                case.what,
                case.args.join(" "),
                similar::TextDiff::from_lines(
                    &String::from_utf8_lossy(&theirs.stdout),
                    &String::from_utf8_lossy(&ours.stdout)
                )
                .unified_diff()
                .header("flux", "floe")
            )),
            _ => differences.push(format!(
                "{}: floe build sync {}\n  flux ({}): {}\n  floe ({}): {}",
                case.what,
                case.args.join(" "),
                theirs.status,
                String::from_utf8_lossy(&theirs.stderr),
                ours.status,
                String::from_utf8_lossy(&ours.stderr),
            )),
        }
        // floe builds on a copy: the checkout is as it was (flux restores its own changes).
        assert_eq!(
            snapshot(&root),
            before,
            "{} changed the checkout",
            case.what
        );
    }
    eprintln!(
        "{} cases: {same} byte-equal, {both_refused} refused by both",
        cases.len()
    );
    assert!(
        differences.is_empty(),
        "{} of {} differ:\n{}",
        differences.len(),
        cases.len(),
        differences.join("\n\n")
    );
    assert!(
        same >= cases.len() * 3 / 4,
        "too few cases built ({same}); the corpus is not exercising the build"
    );
    assert!(
        both_refused >= 1,
        "strict mode never refused a case; the corpus does not test it"
    );
}

/// Every file under `root` with its content.
fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with(".git") {
                    dirs.push(path);
                }
            } else {
                files.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// A kustomize other than the one kustomize-controller v1.9.4 embeds still builds, with a
/// warning naming both versions on stderr (stdout stays the build).
#[test]
fn another_kustomize_version_is_named() {
    let kustomize = common::testbed::engine_bin("kustomize");
    if !common::require(kustomize.exists(), "kustomize (scripts/testbed build)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("kustomize");
    std::fs::write(
        &old,
        format!(
            "#!/bin/sh\n[ \"$1\" = version ] && {{ echo v4.5.7; exit 0; }}\nexec {} \"$@\"\n",
            kustomize.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o755)).unwrap();
    write(
        dir.path(),
        &[
            (
                "apps/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
            ),
            (
                "ks.yaml",
                "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  interval: 1m\n  path: ./apps\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n",
            ),
        ],
    );
    let out = common::floe()
        .args(["build", "sync", "apps", "--dry-run"])
        .arg(format!("--path={}", dir.path().join("apps").display()))
        .arg(format!(
            "--kustomization-file={}",
            dir.path().join("ks.yaml").display()
        ))
        .env("FLOE_KUSTOMIZE", &old)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("is kustomize v4.5.7, kustomize-controller builds with v5.8.1"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("name: c\n"));
}
