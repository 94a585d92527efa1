//! The real Kubernetes API server the cluster tests run against (scripts/testbed), one per test
//! binary: the control plane alone, or with the real engine (KWOK for the kubelet and Flux
//! 2.9.4's own controllers, started by the bed as an install creates their ServiceAccounts).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::Ordering;

use k8s_openapi::api::core::v1::Namespace;
use kube::api::{Api, PostParams};
use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::{Client, Config};
use serde_json::json;

/// A running test bed (or the cluster `FLOE_TEST_KUBECONFIG` names).
#[derive(Debug)]
pub struct TestBed {
    pub kubeconfig: PathBuf,
    /// A user with no RBAC grants at all; only on floe's own test bed.
    pub restricted_kubeconfig: Option<PathBuf>,
    /// The directory that holds the test bed's certificates, logs and kubeconfigs.
    pub dir: Option<PathBuf>,
}

/// The directory of the engine's binaries (scripts/testbed bin: keyed by
/// scripts/engine.versions).
pub fn bin_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/testbed");
        let out = Command::new(&script)
            .arg("bin")
            .output()
            .expect("scripts/testbed runs");
        PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
    })
    .clone()
}

/// The engine's binary `name` (kubectl, flux, kustomize, ...).
pub fn engine_bin(name: &str) -> PathBuf {
    bin_dir().join(name)
}

fn start(flux: bool) -> Result<TestBed, String> {
    if let Some(path) = std::env::var_os("FLOE_TEST_KUBECONFIG") {
        return Ok(TestBed {
            kubeconfig: PathBuf::from(path),
            restricted_kubeconfig: None,
            dir: None,
        });
    }
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    // Outside CI a missing build is a reason to skip, not a 20-minute surprise inside a test.
    if !in_ci && !engine_bin("kube-apiserver").exists() {
        return Err(format!(
            "the test bed is not built ({} has no kube-apiserver); run scripts/testbed build",
            bin_dir().display()
        ));
    }
    let dir = tempfile::Builder::new()
        .prefix("floe-testbed-")
        .tempdir()
        .map_err(|e| format!("cannot create a test bed directory: {e}"))?
        .keep();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/testbed");
    let mut command = Command::new(&script);
    command.arg("start").arg(&dir);
    if flux {
        command.arg("--flux");
    }
    let output = command
        .arg("--stop-with")
        .arg(std::process::id().to_string())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
    if !output.status.success() {
        return Err(format!(
            "scripts/testbed start failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(TestBed {
        kubeconfig: dir.join("kubeconfig"),
        restricted_kubeconfig: Some(dir.join("kubeconfig-restricted")),
        dir: Some(dir),
    })
}

/// The test bed for this test binary, started on first use: the control plane alone (no
/// kubelet, no controllers), for tests of what floe sends and reads. `None` (with the reason printed) when it cannot run
/// here; in CI that is a test failure instead.
pub fn get() -> Option<&'static TestBed> {
    static BED: OnceLock<Result<TestBed, String>> = OnceLock::new();
    match BED.get_or_init(|| start(false)) {
        Ok(bed) => Some(bed),
        Err(reason) => {
            super::require(false, &format!("a Kubernetes API server ({reason})"));
            None
        }
    }
}

/// The test bed with the real engine: the control plane, KWOK for the kubelet, and the real
/// Flux controllers, each started as a host process under its ServiceAccount once an install
/// creates it. A test binary uses either this or [`get`], not both.
pub fn engine() -> Option<&'static TestBed> {
    static BED: OnceLock<Result<TestBed, String>> = OnceLock::new();
    match BED.get_or_init(|| start(true)) {
        Ok(bed) => Some(bed),
        Err(reason) => {
            super::require(false, &format!("the real engine test bed ({reason})"));
            None
        }
    }
}

/// Evaluates to the test bed, or returns from the test (after printing why) when there is none.
#[macro_export]
macro_rules! testbed {
    () => {
        match common::testbed::get() {
            Some(bed) => bed,
            None => return,
        }
    };
}

/// Evaluates to the test bed with Flux installed ([`with_flux_installed`]), or returns from the
/// test (after printing why) when there is none.
#[macro_export]
macro_rules! flux_testbed {
    () => {
        match common::testbed::with_flux_installed() {
            Some(bed) => bed,
            None => return,
        }
    };
}

impl TestBed {
    /// `floe` pointed at this cluster.
    pub fn floe(&self) -> assert_cmd::Command {
        let mut cmd = super::floe();
        cmd.env("KUBECONFIG", &self.kubeconfig);
        cmd
    }

    /// `kubectl` pointed at this cluster, as a cross-check on what floe did.
    pub fn kubectl(&self) -> Command {
        let mut cmd = Command::new(engine_bin("kubectl"));
        cmd.arg("--kubeconfig").arg(&self.kubeconfig);
        cmd
    }

    /// Secret `namespace/name` as JSON (its data base64-encoded, as the API serves it).
    pub fn secret(&self, namespace: &str, name: &str) -> serde_json::Value {
        let text = self.kubectl_out(&["get", "secret", name, "-n", namespace, "-o", "json"]);
        serde_json::from_str(&text).unwrap()
    }

    /// The keys of Secret `namespace/name`'s data, sorted.
    pub fn secret_keys(&self, namespace: &str, name: &str) -> Vec<String> {
        let secret = self.secret(namespace, name);
        let mut keys: Vec<String> = secret["data"]
            .as_object()
            .map(|d| d.keys().cloned().collect())
            .unwrap_or_default();
        keys.sort();
        keys
    }

    /// What the bootstrapped sync points at: GitRepository flux-system's URL, and the revision
    /// Kustomization flux-system last applied.
    pub fn flux_system_sync(&self) -> (String, String) {
        let get = |kind: &str, path: &str| {
            self.kubectl_out(&[
                "get",
                kind,
                "flux-system",
                "-n",
                "flux-system",
                "-o",
                &format!("jsonpath={{{path}}}"),
            ])
        };
        (
            get("gitrepository", ".spec.url"),
            get("kustomization", ".status.lastAppliedRevision"),
        )
    }

    /// Runs kubectl and returns its stdout, failing the test if it fails.
    /// Writes `status` (a JSON merge patch of `.status`) onto an object, as its controller
    /// would.
    pub fn patch_status(
        &self,
        resource: &str,
        name: &str,
        namespace: &str,
        status: &serde_json::Value,
    ) {
        let patch = serde_json::json!({ "status": status }).to_string();
        self.kubectl_out(&[
            "patch",
            resource,
            name,
            "-n",
            namespace,
            "--subresource=status",
            "--type=merge",
            "-p",
            &patch,
        ]);
    }

    pub fn kubectl_out(&self, args: &[&str]) -> String {
        let output = self.kubectl().args(args).output().expect("kubectl runs");
        assert!(
            output.status.success(),
            "kubectl {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }

    /// Runs kubectl with `input` on its stdin (for `-f -`) and returns what it did.
    pub fn kubectl_with_input(&self, args: &[&str], input: &[u8]) -> std::process::Output {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = self
            .kubectl()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("kubectl runs");
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(input)
            .expect("kubectl reads its input");
        child.wait_with_output().expect("kubectl finishes")
    }

    pub async fn client(&self) -> Client {
        crate_provider();
        let config = Kubeconfig::read_from(&self.kubeconfig).expect("kubeconfig is readable");
        let config = Config::from_custom_kubeconfig(config, &KubeConfigOptions::default())
            .await
            .expect("kubeconfig is valid");
        Client::try_from(config).expect("client builds")
    }

    /// A fresh namespace for one test, so tests sharing the test bed stay independent.
    pub fn namespace(&self, test: &str) -> String {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let name = format!(
            "{}-{}-{n}",
            test.replace('_', "-"),
            std::process::id() % 10000
        );
        let name: String = name.chars().take(63).collect();
        runtime().block_on(async {
            let api: Api<Namespace> = Api::all(self.client().await);
            let ns: Namespace =
                serde_json::from_value(json!({"metadata": {"name": name}})).unwrap();
            api.create(&PostParams::default(), &ns)
                .await
                .expect("namespace is created");
        });
        name
    }
}

fn crate_provider() {
    floe::install_crypto_provider();
}

/// The test bed with Flux's CRDs and controllers' Deployments installed (once per test
/// binary), the image automation controllers included, or None when there is no test bed
/// (see [`get`]).
pub fn with_flux_installed() -> Option<&'static TestBed> {
    let bed = get()?;
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        // The release directory: install.yaml and the extra components' files beside it.
        bed.floe()
            .args(["install", "--wait=false", "--manifests"])
            .arg(super::flux_install_yaml().parent().expect("a directory"))
            .arg("--components-extra=image-reflector-controller,image-automation-controller")
            .assert()
            .success();
    });
    Some(bed)
}

/// A tokio runtime for test-side cluster calls.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}
