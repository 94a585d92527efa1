//! The real Kubernetes API server the cluster tests run against (scripts/testbed), one per test
//! binary, and the simulated parts a cluster without kubelets and Flux controllers lacks:
//! a simulated kubelet that reports the controllers' pods Running and Ready (or stuck), and a
//! simulated Flux that writes the status Flux's controllers would write.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use k8s_openapi::api::core::v1::{Namespace, Pod, Secret};
use kube::api::{Api, DynamicObject, ListParams, Patch, PatchParams, PostParams};
use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::discovery::ApiResource;
use kube::runtime::watcher;
use kube::{Client, Config, ResourceExt};
use serde_json::{Value, json};

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

/// The test bed for this test binary, started on first use: the control plane, with the
/// Flux controllers simulated by the tests. `None` (with the reason printed) when it cannot run
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

    /// Runs kubectl and returns its stdout, failing the test if it fails.
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

/// A helper that runs on its own thread until dropped.
pub struct Background {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Background {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn background<F, Fut>(bed: &'static TestBed, run: F) -> Background
where
    F: FnOnce(Client, Arc<AtomicBool>) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()>,
{
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let thread = std::thread::spawn(move || {
        runtime().block_on(async move {
            let client = bed.client().await;
            run(client, flag).await
        })
    });
    Background {
        stop,
        thread: Some(thread),
    }
}

/// Runs `on_event` for each object of `api` as it appears or changes, until `stop` is set.
async fn each_object<K, F, Fut>(api: Api<K>, stop: Arc<AtomicBool>, mut on_event: F)
where
    K: kube::Resource + Clone + serde::de::DeserializeOwned + std::fmt::Debug + Send + 'static,
    F: FnMut(K) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut events = watcher::watcher(api, watcher::Config::default()).boxed();
    while !stop.load(Ordering::SeqCst) {
        match tokio::time::timeout(Duration::from_millis(200), events.try_next()).await {
            Ok(Ok(Some(watcher::Event::Apply(o) | watcher::Event::InitApply(o)))) => {
                on_event(o).await
            }
            Ok(Ok(Some(_))) | Err(_) => {}
            Ok(Ok(None)) => break,
            Ok(Err(_)) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// What the simulated kubelet reports for the pods it sees.
#[derive(Debug, Clone)]
pub enum PodBehaviour {
    /// Running and Ready, so the real controller-manager marks the Deployment available.
    Ready,
    /// The container waits with this reason and message (ImagePullBackOff, CrashLoopBackOff).
    Waiting { reason: String, message: String },
}

/// The simulated kubelet: reports every pod in `namespace` as `behaviour` says, through the
/// pod status subresource, as a kubelet would.
pub fn simulated_kubelet(
    bed: &'static TestBed,
    namespace: &str,
    behaviour: PodBehaviour,
) -> Background {
    let namespace = namespace.to_string();
    background(bed, move |client, stop| async move {
        let pods: Api<Pod> = Api::namespaced(client, &namespace);
        let api = pods.clone();
        each_object(pods, stop, |pod: Pod| {
            let api = api.clone();
            let behaviour = behaviour.clone();
            async move {
                let containers: Vec<String> = pod
                    .spec
                    .as_ref()
                    .map(|s| s.containers.iter().map(|c| c.name.clone()).collect())
                    .unwrap_or_default();
                let image = |i: usize| {
                    pod.spec.as_ref().and_then(|s| s.containers.get(i)).and_then(|c| c.image.clone())
                };
                let now = jiff::Timestamp::now().to_string();
                let status = match behaviour {
                    PodBehaviour::Ready => {
                        if pod.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running") {
                            return;
                        }
                        json!({
                            "phase": "Running",
                            "conditions": [
                                {"type": "PodScheduled", "status": "True", "lastTransitionTime": now},
                                {"type": "Initialized", "status": "True", "lastTransitionTime": now},
                                {"type": "ContainersReady", "status": "True", "lastTransitionTime": now},
                                {"type": "Ready", "status": "True", "lastTransitionTime": now}
                            ],
                            "containerStatuses": containers.iter().enumerate().map(|(i, name)| json!({
                                "name": name, "ready": true, "restartCount": 0, "started": true,
                                "image": image(i).unwrap_or_default(), "imageID": "",
                                "state": {"running": {"startedAt": now}}
                            })).collect::<Vec<_>>()
                        })
                    }
                    PodBehaviour::Waiting { reason, message } => {
                        if pod.status.as_ref().and_then(|s| s.container_statuses.as_ref()).is_some() {
                            return;
                        }
                        json!({
                            "phase": "Pending",
                            "conditions": [
                                {"type": "PodScheduled", "status": "True", "lastTransitionTime": now},
                                {"type": "Ready", "status": "False", "reason": "ContainersNotReady", "lastTransitionTime": now}
                            ],
                            "containerStatuses": containers.iter().enumerate().map(|(i, name)| json!({
                                "name": name, "ready": false, "restartCount": 3,
                                "image": image(i).unwrap_or_default(), "imageID": "",
                                "state": {"waiting": {"reason": reason, "message": message}}
                            })).collect::<Vec<_>>()
                        })
                    }
                };
                let _ = api
                    .patch_status(&pod.name_any(), &PatchParams::default(), &Patch::Merge(json!({"status": status})))
                    .await;
            }
        })
        .await
    })
}

/// What the simulated Flux controllers report for the objects they see.
#[derive(Debug, Clone)]
pub enum FluxBehaviour {
    /// Ready at this revision.
    Ready { revision: String },
    /// A failed reconciliation that the controller retries, with this message (see
    /// [`simulated_status`]).
    Failing { message: String },
    /// Sources Ready at the tip of their branch (as `AtGitHead`); Kustomizations fail to build
    /// that revision with this message (kustomize-controller's `BuildFailed`).
    BuildFailingAtGitHead { repos: PathBuf, message: String },
    /// A failed attempt at this revision (a Kustomization's `lastAttemptedRevision`).
    FailingAt { revision: String, message: String },
    /// Sources and charts Ready; every Helm release fails to install with this message
    /// (helm-controller's `InstallFailed`, then Stalled with `RetriesExceeded`).
    ReleaseFailing { message: String },
    /// A Kustomization applied `revision`, whose manifests have `digest`: Ready, and the
    /// entry upserted into `status.history` (resolved from [`FluxBehaviour::AtGitHead`]).
    Applied {
        revision: String,
        digest: String,
        inventory: Value,
    },
    /// A Kustomization applied `revision` but its health checks failed (`HealthCheckFailed`,
    /// recorded in `status.history` as kustomize-controller does).
    HealthCheckFailingAt { revision: String, digest: String },
    /// Ready at the tip of the source's branch, read from the bare repositories under this
    /// directory (`<dir>/<owner>/<repo>.git` for a URL path `/<owner>/<repo>[.git]`), as a
    /// source-controller that fetched it would be; a Kustomization at its source's tip.
    AtGitHead { repos: PathBuf },
    /// As [`FluxBehaviour::AtGitHead`], and a Kustomization also applies the manifests under
    /// its path (server-side, field manager `kustomize-controller`, with its owner labels),
    /// prunes what left, records `status.inventory` and writes Events, as kustomize-controller
    /// does.
    AppliesGitHead { repos: PathBuf },
}

/// `<branch>@sha1:<commit>` of the bare repository a GitRepository's URL names, as
/// source-controller reports it; `None` when the repository or branch does not exist.
pub fn git_head_revision(repos: &Path, url: &str, branch: &str) -> Option<String> {
    let bare = bare_repository(repos, url)?;
    let out = Command::new("git")
        .arg("-C")
        .arg(&bare)
        .args([
            "rev-parse",
            "--verify",
            "-q",
            &format!("refs/heads/{branch}"),
        ])
        .output()
        .ok()?;
    out.status.success().then(|| {
        format!(
            "{branch}@sha1:{}",
            String::from_utf8_lossy(&out.stdout).trim()
        )
    })
}

/// The bare repository under `repos` a GitRepository's URL names.
fn bare_repository(repos: &Path, url: &str) -> Option<PathBuf> {
    let url_path = url::Url::parse(url).ok()?.path().to_string();
    // An ssh:// URL to a repository on this machine names its absolute path.
    Some(
        if url_path.ends_with(".git") && Path::new(&url_path).is_dir() {
            PathBuf::from(&url_path)
        } else {
            let path = url_path.trim_matches('/');
            let path = path.strip_suffix(".git").unwrap_or(path);
            repos.join(format!("{path}.git"))
        },
    )
}

/// The marker that makes the simulated kustomize-controller's health checks fail for a
/// revision: a file under the sync's path containing it.
pub const HEALTH_CHECK_FAILURE: &str = "simulate: health-check-failure";

/// What the simulated kustomize-controller builds from `path` at `commit`: the digest of the
/// manifests (the tree's id stands in for the digest of the built YAML: equal content, equal
/// digest) and whether their health checks fail.
fn simulated_build(repos: &Path, url: &str, commit: &str, path: &str) -> Option<(String, bool)> {
    let bare = bare_repository(repos, url)?;
    let path = path.trim_start_matches("./").trim_matches('/');
    let object = if path.is_empty() || path == "." {
        format!("{commit}^{{tree}}")
    } else {
        format!("{commit}:{path}")
    };
    let tree = Command::new("git")
        .arg("-C")
        .arg(&bare)
        .args(["rev-parse", "--verify", "-q", &object])
        .output()
        .ok()?;
    if !tree.status.success() {
        return None;
    }
    let tree = String::from_utf8_lossy(&tree.stdout).trim().to_string();
    let failing = Command::new("git")
        .arg("-C")
        .arg(&bare)
        .args(["grep", "-q", HEALTH_CHECK_FAILURE, &tree])
        .status()
        .is_ok_and(|s| s.success());
    use sha2::Digest;
    let digest: String = sha2::Sha256::digest(tree.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Some((format!("sha256:{digest}"), failing))
}

/// `status.history` after one reconciliation, as fluxcd/pkg `History.Upsert` keeps it: an
/// entry with the same digest and result is updated (its count, last time, revision) and
/// moved to the front; otherwise a new entry goes to the front; at most 5 are kept.
pub fn upsert_history(
    history: &Value,
    digest: &str,
    result: &str,
    revision: &str,
    now: &str,
) -> Value {
    let mut entries: Vec<Value> = history.as_array().cloned().unwrap_or_default();
    let metadata = json!({"revision": revision});
    if let Some(i) = entries
        .iter()
        .position(|e| e["digest"] == digest && e["lastReconciledStatus"] == result)
    {
        let mut entry = entries.remove(i);
        entry["lastReconciled"] = json!(now);
        entry["lastReconciledDuration"] = json!("1.5s");
        entry["totalReconciliations"] =
            json!(entry["totalReconciliations"].as_i64().unwrap_or(0) + 1);
        entry["metadata"] = metadata;
        entries.insert(0, entry);
    } else {
        entries.insert(
            0,
            json!({
                "digest": digest, "firstReconciled": now, "lastReconciled": now,
                "lastReconciledDuration": "1.5s", "lastReconciledStatus": result,
                "totalReconciliations": 1, "metadata": metadata
            }),
        );
    }
    entries.truncate(5);
    Value::Array(entries)
}

/// Every Flux kind floe reads (its registry), for the simulated controllers.
fn flux_resources() -> Vec<ApiResource> {
    floe::kinds::FluxKind::ALL
        .iter()
        .map(|k| k.api_resource())
        .collect()
}

/// The chart version the simulated Helm repositories hold: the version asked for when it is
/// exact, else the newest, 6.3.5.
pub fn simulated_chart_version(requested: &str) -> String {
    let exact = requested.split('.').count() == 3
        && requested
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if exact {
        requested.to_string()
    } else {
        "6.3.5".to_string()
    }
}

/// The status a Flux controller writes after reconciling `object` as `behaviour` says.
///
/// As kustomize-controller's and source-controller's `finalizeStatus` write it:
/// `lastHandledReconcileAt` copies the request annotation on success and failure alike;
/// `observedGeneration` moves only on success; a failure leaves Ready=False (for this
/// generation, in the condition's own observedGeneration) with Reconciling=True and reason
/// `ProgressingWithRetry`, and a Kustomization records the revision it tried in
/// `lastAttemptedRevision`.
pub fn simulated_status(kind: &str, object: &Value, behaviour: &FluxBehaviour) -> Value {
    let generation = object["metadata"]["generation"].as_i64().unwrap_or(1);
    let now = jiff::Timestamp::now().to_string();
    let mut status = json!({});
    if let Some(requested) =
        object["metadata"]["annotations"]["reconcile.fluxcd.io/requestedAt"].as_str()
    {
        status["lastHandledReconcileAt"] = json!(requested);
    }
    match behaviour {
        FluxBehaviour::Ready { revision } => {
            status["observedGeneration"] = json!(generation);
            if kind == "Kustomization" {
                status["lastAttemptedRevision"] = json!(revision);
            }
            status["conditions"] = json!([{
                "type": "Ready", "status": "True", "reason": "Succeeded",
                "message": format!("stored artifact for revision '{revision}'"),
                "lastTransitionTime": now, "observedGeneration": generation
            }]);
            if kind == "Kustomization" {
                status["lastAppliedRevision"] = json!(revision);
                status["conditions"][0]["message"] = json!(format!("Applied revision: {revision}"));
            } else if kind == "HelmChart" {
                // source-controller's chart artifact is named by the chart's version.
                let chart = object["spec"]["chart"].as_str().unwrap_or_default();
                let version =
                    simulated_chart_version(object["spec"]["version"].as_str().unwrap_or("*"));
                status["conditions"][0]["reason"] = json!("ChartPullSucceeded");
                status["conditions"][0]["message"] =
                    json!(format!("pulled '{chart}' chart with version '{version}'"));
                status["artifact"] = json!({
                    "revision": version, "path": "p", "url": "http://source-controller/p",
                    "digest": "sha256:0", "lastUpdateTime": now
                });
                status["observedChartName"] = json!(chart);
            } else {
                status["artifact"] = json!({
                    "revision": revision, "path": "p", "url": "http://source-controller/p",
                    "digest": "sha256:0", "lastUpdateTime": now
                });
            }
        }
        FluxBehaviour::ReleaseFailing { .. } => {
            return simulated_status(
                kind,
                object,
                &FluxBehaviour::Ready {
                    revision: "sha256:9f2a".into(),
                },
            );
        }
        FluxBehaviour::Applied {
            revision,
            digest,
            inventory,
        } => {
            status = simulated_status(
                kind,
                object,
                &FluxBehaviour::Ready {
                    revision: revision.clone(),
                },
            );
            status["history"] = upsert_history(
                &object["status"]["history"],
                digest,
                "ReconciliationSucceeded",
                revision,
                &now,
            );
            if !inventory.is_null() {
                status["inventory"] = inventory.clone();
            }
        }
        FluxBehaviour::HealthCheckFailingAt { revision, digest } => {
            status["lastAttemptedRevision"] = json!(revision);
            let message = format!(
                "health check failed after 30s: timeout waiting for: [Deployment/{}/app status: 'InProgress']",
                object["metadata"]["namespace"].as_str().unwrap_or_default()
            );
            status["conditions"] =
                failed_conditions("HealthCheckFailed", &message, generation, &now);
            status["history"] = upsert_history(
                &object["status"]["history"],
                digest,
                "HealthCheckFailed",
                revision,
                &now,
            );
        }
        FluxBehaviour::AtGitHead { .. }
        | FluxBehaviour::AppliesGitHead { .. }
        | FluxBehaviour::BuildFailingAtGitHead { .. } => {
            unreachable!("resolved to Ready, Failing or FailingAt first")
        }
        FluxBehaviour::Failing { message } => {
            let reason = if kind == "Kustomization" {
                "ReconciliationFailed"
            } else {
                "AuthenticationFailed"
            };
            status["conditions"] = failed_conditions(reason, message, generation, &now);
        }
        FluxBehaviour::FailingAt { revision, message } => {
            status["lastAttemptedRevision"] = json!(revision);
            status["conditions"] = failed_conditions("BuildFailed", message, generation, &now);
        }
    }
    status
}

/// Ready=False for this generation, still Reconciling with `ProgressingWithRetry`.
fn failed_conditions(reason: &str, message: &str, generation: i64, now: &str) -> Value {
    json!([
        {"type": "Reconciling", "status": "True", "reason": "ProgressingWithRetry",
         "message": format!("Detecting drift for revision with a timeout of 50s; retrying: {message}"),
         "lastTransitionTime": now, "observedGeneration": generation},
        {"type": "Ready", "status": "False", "reason": reason, "message": message,
         "lastTransitionTime": now, "observedGeneration": generation}
    ])
}

/// Whether the controller already handled this generation and request (a success or a
/// recorded failure): the simulated controllers then leave the object alone.
fn handled(value: &Value) -> bool {
    let generation = &value["metadata"]["generation"];
    let requested = &value["metadata"]["annotations"]["reconcile.fluxcd.io/requestedAt"];
    let ready_generation = value["status"]["conditions"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["type"] == "Ready"))
        .map(|c| c["observedGeneration"].clone())
        .unwrap_or(Value::Null);
    (value["status"]["observedGeneration"] == *generation || ready_generation == *generation)
        && (requested.is_null() || value["status"]["lastHandledReconcileAt"] == *requested)
}

/// The simulated Flux controllers: for every Flux object in `namespace` that is not suspended,
/// write the status `behaviour` says whenever the spec or the reconcile request changes, as
/// envtest-based suites do. Returns the handle and a log of the objects it reconciled.
pub fn simulated_flux(
    bed: &'static TestBed,
    namespace: &str,
    behaviour: FluxBehaviour,
) -> (Background, Arc<Mutex<Vec<String>>>) {
    let namespace = namespace.to_string();
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = log.clone();
    let handle = background(bed, move |client, stop| async move {
        let watchers = flux_resources().into_iter().map(|ar| {
            let api: Api<DynamicObject> = Api::namespaced_with(client.clone(), &namespace, &ar);
            let stop = stop.clone();
            let behaviour = behaviour.clone();
            let seen = seen.clone();
            async move {
                let writer = api.clone();
                let stop_hr = stop.clone();
                each_object(api, stop, move |object: DynamicObject| {
                    let stop_hr = stop_hr.clone();
                    let writer = writer.clone();
                    let behaviour = behaviour.clone();
                    let kind = ar.kind.clone();
                    let seen = seen.clone();
                    async move {
                        let value = serde_json::to_value(&object).unwrap();
                        if value["spec"]["suspend"] == true {
                            return;
                        }
                        // Alerts and Providers have no status: notification-controller only
                        // reads them.
                        if floe::kinds::FluxKind::named(&kind).is_some_and(|k| k.facts().fixed) {
                            return;
                        }
                        if handled(&value) {
                            return;
                        }
                        let status = if let Some(status) = simulated_notification_or_image(
                            &writer.clone().into_client(),
                            &kind,
                            &value,
                            &behaviour,
                        )
                        .await
                        {
                            status
                        } else if kind == "HelmRelease" {
                            let client = writer.clone().into_client();
                            match simulated_helm_release(&client, &value, &behaviour, &stop_hr).await {
                                Some(status) => status,
                                None => return,
                            }
                        } else {
                        let behaviour = match behaviour {
                            // Only Git sources and syncs read the repositories; the other
                            // sources (Helm repositories, charts) are Ready.
                            FluxBehaviour::AtGitHead { .. }
                            | FluxBehaviour::AppliesGitHead { .. }
                            | FluxBehaviour::BuildFailingAtGitHead { .. }
                                if !matches!(kind.as_str(), "GitRepository" | "Kustomization") =>
                            {
                                FluxBehaviour::Ready { revision: "sha256:9f2a".into() }
                            }
                            FluxBehaviour::AtGitHead { ref repos }
                            | FluxBehaviour::AppliesGitHead { ref repos }
                            | FluxBehaviour::BuildFailingAtGitHead { ref repos, .. } => {
                                let source = if kind == "Kustomization" {
                                    let sources: Api<DynamicObject> = Api::namespaced_with(
                                        writer.clone().into_client(),
                                        &object.namespace().unwrap_or_default(),
                                        &flux_resource("GitRepository"),
                                    );
                                    let name = value["spec"]["sourceRef"]["name"].as_str().unwrap_or("");
                                    match sources.get(name).await {
                                        Ok(s) => serde_json::to_value(s).unwrap(),
                                        Err(_) => return,
                                    }
                                } else {
                                    value.clone()
                                };
                                let url = source["spec"]["url"].as_str().unwrap_or("");
                                let branch = source["spec"]["ref"]["branch"].as_str().unwrap_or("main");
                                let build = |revision: &str| {
                                    let commit = revision.rsplit(':').next().unwrap_or_default();
                                    let path = value["spec"]["path"].as_str().unwrap_or("");
                                    simulated_build(repos, url, commit, path)
                                };
                                match (git_head_revision(repos, url, branch), &behaviour) {
                                    (Some(revision), FluxBehaviour::BuildFailingAtGitHead { message, .. })
                                        if kind == "Kustomization" =>
                                    {
                                        FluxBehaviour::FailingAt { revision, message: message.clone() }
                                    }
                                    (Some(revision), _) if kind == "Kustomization" => match build(&revision) {
                                        Some((digest, true)) => FluxBehaviour::HealthCheckFailingAt { revision, digest },
                                        Some((digest, false)) => {
                                            let inventory = if let FluxBehaviour::AppliesGitHead { .. } = behaviour {
                                                let commit = revision.rsplit(':').next().unwrap_or_default();
                                                simulated_apply(&writer.clone().into_client(), &value, repos, url, commit).await
                                            } else {
                                                Value::Null
                                            };
                                            FluxBehaviour::Applied { revision, digest, inventory }
                                        }
                                        None => FluxBehaviour::FailingAt {
                                            message: format!("kustomization path not found: stat /tmp/kustomization/{}: no such file or directory", value["spec"]["path"].as_str().unwrap_or("").trim_start_matches("./")),
                                            revision,
                                        },
                                    },
                                    (Some(revision), _) => FluxBehaviour::Ready { revision },
                                    (None, _) => FluxBehaviour::Failing {
                                        message: format!("failed to checkout and determine revision: unable to clone '{url}': couldn't find remote ref \"refs/heads/{branch}\""),
                                    },
                                }
                            }
                            other => other,
                        };
                        simulated_status(&kind, &value, &behaviour)
                        };
                        // Logged before the write: floe may see the status (and the test read
                        // the log) before this thread resumes after the write.
                        seen.lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .push(format!("{kind}/{}", object.name_any()));
                        let _ = writer
                            .patch_status(
                                &object.name_any(),
                                &PatchParams::default(),
                                &Patch::Merge(json!({"status": status})),
                            )
                            .await;
                    }
                })
                .await
            }
        });
        futures::future::join_all(watchers).await;
    });
    (handle, log)
}

/// Lists the names of the objects of one resource in a namespace, via the API.
pub fn list_names(bed: &TestBed, ar: &ApiResource, namespace: &str) -> Vec<String> {
    runtime().block_on(async {
        let api: Api<DynamicObject> = Api::namespaced_with(bed.client().await, namespace, ar);
        api.list(&ListParams::default())
            .await
            .map(|l| l.items.iter().map(|o| o.name_any()).collect())
            .unwrap_or_default()
    })
}

/// The API resource of a Flux kind by name, for test-side reads and writes.
pub fn flux_resource(kind: &str) -> ApiResource {
    flux_resources()
        .into_iter()
        .find(|ar| ar.kind == kind)
        .expect("a Flux kind floe manages")
}

/// Writes the status a Flux controller would, once, for one object (simulated Flux).
pub fn set_simulated_status(
    bed: &TestBed,
    kind: &str,
    namespace: &str,
    name: &str,
    behaviour: &FluxBehaviour,
) {
    runtime().block_on(async {
        let ar = flux_resource(kind);
        let api: Api<DynamicObject> = Api::namespaced_with(bed.client().await, namespace, &ar);
        let object = serde_json::to_value(api.get(name).await.expect("object exists")).unwrap();
        let status = simulated_status(kind, &object, behaviour);
        api.patch_status(
            name,
            &PatchParams::default(),
            &Patch::Merge(json!({"status": status})),
        )
        .await
        .expect("status is written");
    })
}

/// helm-controller, simulated for one HelmRelease: the HelmChart it makes from `spec.chart`
/// (`<namespace>-<name>` in the source's namespace, as helm-controller names it), the wait for
/// that chart (or `spec.chartRef`) to be Ready with Ready=False `SourceNotReady` and
/// Reconciling=True meanwhile, then the release: Released and Ready with `InstallSucceeded` or
/// `UpgradeSucceeded` and a `status.history` snapshot, or, for [`FluxBehaviour::ReleaseFailing`]
/// and [`FluxBehaviour::Failing`], `InstallFailed` and Stalled `RetriesExceeded` (no install
/// retries is helm-controller's default). `lastHandledReconcileAt`, `lastHandledForceAt` and
/// `lastHandledResetAt` copy the request annotations; `--force` makes a new release even when
/// nothing changed. None when the chart never became ready (or the test ended).
async fn simulated_helm_release(
    client: &Client,
    hr: &Value,
    behaviour: &FluxBehaviour,
    stop: &AtomicBool,
) -> Option<Value> {
    let namespace = hr["metadata"]["namespace"].as_str()?.to_string();
    let name = hr["metadata"]["name"].as_str()?.to_string();
    let generation = hr["metadata"]["generation"].as_i64().unwrap_or(1);
    let annotations = &hr["metadata"]["annotations"];
    let requested = annotations["reconcile.fluxcd.io/requestedAt"].as_str();
    let force = annotations["reconcile.fluxcd.io/forceAt"].as_str();
    let reset = annotations["reconcile.fluxcd.io/resetAt"].as_str();
    let spec = &hr["spec"];
    let now = || jiff::Timestamp::now().to_string();
    let mut status = hr["status"].clone();
    if !status.is_object() {
        status = json!({});
    }
    if let Some(requested) = requested {
        status["lastHandledReconcileAt"] = json!(requested);
    }

    // The chart: the HelmChart made from the template, or the one chartRef names.
    let (chart_kind, chart_namespace, chart_name, chart) = if spec["chartRef"].is_object() {
        let r = &spec["chartRef"];
        (
            r["kind"].as_str()?.to_string(),
            r["namespace"].as_str().unwrap_or(&namespace).to_string(),
            r["name"].as_str()?.to_string(),
            "podinfo".to_string(),
        )
    } else {
        let template = &spec["chart"]["spec"];
        let source_namespace = template["sourceRef"]["namespace"]
            .as_str()
            .unwrap_or(&namespace)
            .to_string();
        let chart_name = format!("{namespace}-{name}");
        let chart = json!({
            "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "HelmChart",
            "metadata": {"name": chart_name, "namespace": source_namespace},
            "spec": {
                "chart": template["chart"],
                "version": template["version"].as_str().unwrap_or("*"),
                "sourceRef": {"kind": template["sourceRef"]["kind"], "name": template["sourceRef"]["name"]},
                "interval": template["interval"].as_str().or(spec["interval"].as_str()).unwrap_or("1m0s"),
                "reconcileStrategy": template["reconcileStrategy"].as_str().unwrap_or("ChartVersion"),
            }
        });
        let charts: Api<DynamicObject> = Api::namespaced_with(
            client.clone(),
            &source_namespace,
            &flux_resource("HelmChart"),
        );
        charts
            .patch(
                &chart_name,
                &PatchParams::apply("helm-controller").force(),
                &Patch::Apply(&chart),
            )
            .await
            .ok()?;
        status["helmChart"] = json!(format!("{source_namespace}/{chart_name}"));
        (
            "HelmChart".to_string(),
            source_namespace,
            chart_name,
            template["chart"].as_str().unwrap_or("podinfo").to_string(),
        )
    };

    // Wait for the chart, saying so as helm-controller does.
    let charts: Api<DynamicObject> = Api::namespaced_with(
        client.clone(),
        &chart_namespace,
        &flux_resource(&chart_kind),
    );
    let hrs: Api<DynamicObject> =
        Api::namespaced_with(client.clone(), &namespace, &flux_resource("HelmRelease"));
    let mut said_waiting = false;
    let version = loop {
        if stop.load(Ordering::SeqCst) {
            return None;
        }
        let ready = charts
            .get_opt(&chart_name)
            .await
            .ok()
            .flatten()
            .and_then(|c| {
                let c = serde_json::to_value(c).ok()?;
                let is_ready = c["status"]["conditions"]
                    .as_array()?
                    .iter()
                    .any(|cond| cond["type"] == "Ready" && cond["status"] == "True");
                let revision = c["status"]["artifact"]["revision"].as_str()?.to_string();
                is_ready.then_some(revision)
            });
        if let Some(revision) = ready {
            break if chart_kind == "HelmChart" {
                revision
            } else {
                simulated_chart_version("*")
            };
        }
        if !said_waiting {
            let mut waiting = status.clone();
            waiting["conditions"] = json!([
                {"type": "Reconciling", "status": "True", "reason": "Progressing",
                 "message": "Fulfilling prerequisites", "lastTransitionTime": now(),
                 "observedGeneration": generation},
                {"type": "Ready", "status": "False", "reason": "SourceNotReady",
                 "message": format!("{chart_kind} '{chart_namespace}/{chart_name}' is not ready: latest generation of object has not been reconciled"),
                 "lastTransitionTime": now(), "observedGeneration": generation}
            ]);
            let _ = hrs
                .patch_status(
                    &name,
                    &PatchParams::default(),
                    &Patch::Merge(json!({"status": waiting})),
                )
                .await;
            said_waiting = true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    // The release.
    let target_namespace = spec["targetNamespace"].as_str().unwrap_or("").to_string();
    let release_namespace = if target_namespace.is_empty() {
        namespace.clone()
    } else {
        target_namespace.clone()
    };
    let release_name = match spec["releaseName"].as_str() {
        Some(n) if !n.is_empty() => n.to_string(),
        _ if !target_namespace.is_empty() => format!("{target_namespace}-{name}"),
        _ => name.clone(),
    };
    if let Some(force) = force {
        status["lastHandledForceAt"] = json!(force);
    }
    if let Some(reset) = reset {
        status["lastHandledResetAt"] = json!(reset);
        status["failures"] = json!(0);
        status["installFailures"] = json!(0);
        status["upgradeFailures"] = json!(0);
    }
    let history: Vec<Value> = status["history"].as_array().cloned().unwrap_or_default();
    let latest = history.first().cloned();
    let in_sync = latest.as_ref().is_some_and(|l| {
        l["chartVersion"] == version.as_str()
            && l["status"] == "deployed"
            && status["lastAttemptedGeneration"] == generation
    });
    let forced = force.is_some() && hr["status"]["lastHandledForceAt"].as_str() != force;
    if in_sync && !forced {
        // Nothing to release: helm-controller only records the request.
        status["observedGeneration"] = json!(generation);
        return Some(status);
    }
    let number = latest
        .as_ref()
        .and_then(|l| l["version"].as_i64())
        .unwrap_or(0)
        + 1;
    let action = if latest.is_some() {
        "upgrade"
    } else {
        "install"
    };
    let failing = match behaviour {
        FluxBehaviour::ReleaseFailing { message } | FluxBehaviour::Failing { message } => {
            Some(message.clone())
        }
        _ => None,
    };
    let mut snapshot = json!({
        "name": release_name, "namespace": release_namespace, "version": number,
        "chartName": chart, "chartVersion": version, "appVersion": version,
        "firstDeployed": now(), "lastDeployed": now(),
        "digest": "sha256:1", "configDigest": "sha256:2",
        "status": if failing.is_some() { "failed" } else { "deployed" },
    });
    if let Some(previous) = &latest {
        snapshot["firstDeployed"] = previous["firstDeployed"].clone();
    }
    let mut history = history;
    if let Some(previous) = history.first_mut().filter(|_| failing.is_none()) {
        previous["status"] = json!("superseded");
    }
    history.insert(0, snapshot);
    history.truncate(5);
    status["history"] = json!(history);
    status["lastAttemptedRevision"] = json!(version);
    status["lastAttemptedGeneration"] = json!(generation);
    status["lastAttemptedReleaseAction"] = json!(action);
    status["storageNamespace"] = json!(release_namespace);
    // helm-controller patches observedGeneration when it is done with this generation, a
    // terminal failure (retries exhausted) included.
    status["observedGeneration"] = json!(generation);
    let verb = if action == "install" {
        "Install"
    } else {
        "Upgrade"
    };
    if failing.is_none() {
        // The chart's objects, labelled as helm-controller labels what it installs.
        let maps: Api<k8s_openapi::api::core::v1::ConfigMap> =
            Api::namespaced(client.clone(), &release_namespace);
        let object = json!({
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": format!("{release_name}-chart"), "namespace": release_namespace,
                         "labels": {"helm.toolkit.fluxcd.io/name": name,
                                    "helm.toolkit.fluxcd.io/namespace": namespace,
                                    "app.kubernetes.io/managed-by": "Helm"}},
            "data": {"chartVersion": version}
        });
        let _ = maps
            .patch(
                &format!("{release_name}-chart"),
                &PatchParams::apply("helm-controller").force(),
                &Patch::Apply(&object),
            )
            .await;
    }
    status["conditions"] = match failing {
        None => {
            let message = format!(
                "Helm {action} succeeded for release {release_namespace}/{release_name}.v{number} with chart {chart}@{version}"
            );
            let reason = format!("{verb}Succeeded");
            json!([
                {"type": "Ready", "status": "True", "reason": reason, "message": message,
                 "lastTransitionTime": now(), "observedGeneration": generation},
                {"type": "Released", "status": "True", "reason": reason, "message": message,
                 "lastTransitionTime": now(), "observedGeneration": generation}
            ])
        }
        Some(error) => {
            let message = format!(
                "Helm {action} failed for release {release_namespace}/{release_name} with chart {chart}@{version}: {error}"
            );
            let reason = format!("{verb}Failed");
            let failures = status["failures"].as_i64().unwrap_or(0) + 1;
            status["failures"] = json!(failures);
            status[format!("{action}Failures")] = json!(failures);
            json!([
                {"type": "Stalled", "status": "True", "reason": "RetriesExceeded",
                 "message": format!("Failed to {action} after 1 attempt(s)"),
                 "lastTransitionTime": now(), "observedGeneration": generation},
                {"type": "Ready", "status": "False", "reason": reason, "message": message,
                 "lastTransitionTime": now(), "observedGeneration": generation},
                {"type": "Released", "status": "False", "reason": reason, "message": message,
                 "lastTransitionTime": now(), "observedGeneration": generation}
            ])
        }
    };
    Some(status)
}

/// The tags the simulated registry holds for every image.
pub const SIMULATED_TAGS: &[&str] = &["5.0.0", "5.0.1", "5.0.3", "5.1.0", "6.0.0", "latest"];

/// The highest simulated tag a policy's semver range allows: `*`, or a prefix range such as
/// `5.0.x` or `5.x` (what these tests use); None when no tag matches.
pub fn simulated_latest_tag(range: &str) -> Option<&'static str> {
    let prefix = range.trim_end_matches(['x', '*']);
    SIMULATED_TAGS
        .iter()
        .copied()
        .filter(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .filter(|t| t.starts_with(prefix))
        .max_by_key(|t| {
            t.split('.')
                .map(|p| p.parse::<u64>().unwrap_or(0))
                .collect::<Vec<_>>()
        })
}

/// The status notification-controller (Receiver) and the image controllers write, or None for
/// the other kinds. As the controllers do: a Receiver reads its token from `spec.secretRef`
/// and serves `/hook/<sha256(token + name + namespace)>` (Ready "Receiver initialized for
/// path: ..."), or fails with the Secret's error; an ImageRepository records its scan
/// (`lastScanResult`, `canonicalImageName`, "successful scan: found N tags"); an ImagePolicy
/// resolves `latestRef` from its repository's tags; an ImageUpdateAutomation records its run
/// (`lastAutomationRunTime`, "repository up-to-date"). Observed generation and
/// `lastHandledReconcileAt` as in [`simulated_status`]; [`FluxBehaviour::Failing`] fails any
/// of them.
async fn simulated_notification_or_image(
    client: &Client,
    kind: &str,
    object: &Value,
    behaviour: &FluxBehaviour,
) -> Option<Value> {
    if ![
        "Receiver",
        "ImageRepository",
        "ImagePolicy",
        "ImageUpdateAutomation",
    ]
    .contains(&kind)
    {
        return None;
    }
    let generation = object["metadata"]["generation"].as_i64().unwrap_or(1);
    let namespace = object["metadata"]["namespace"].as_str().unwrap_or_default();
    let name = object["metadata"]["name"].as_str().unwrap_or_default();
    let now = jiff::Timestamp::now().to_string();
    let mut status = json!({});
    if let Some(requested) =
        object["metadata"]["annotations"]["reconcile.fluxcd.io/requestedAt"].as_str()
    {
        status["lastHandledReconcileAt"] = json!(requested);
    }
    let fail = |mut status: Value, reason: &str, message: String| {
        status["conditions"] = failed_conditions(reason, &message, generation, &now);
        Some(status)
    };
    if let FluxBehaviour::Failing { message } = behaviour {
        return fail(status, "ReconciliationFailed", message.clone());
    }
    let message = match kind {
        "Receiver" => {
            let secret_name = object["spec"]["secretRef"]["name"]
                .as_str()
                .unwrap_or_default();
            let secrets: Api<Secret> = Api::namespaced(client.clone(), namespace);
            let token = match secrets.get(secret_name).await {
                Ok(secret) => secret.data.and_then(|d| {
                    d.get("token")
                        .map(|t| String::from_utf8_lossy(&t.0).into_owned())
                }),
                Err(_) => None,
            };
            let Some(token) = token else {
                return fail(
                    status,
                    "TokenNotFound",
                    format!("unable to read token from secret '{namespace}/{secret_name}'"),
                );
            };
            let path = floe::manifests::secret::webhook_path(&token, name, namespace);
            status["webhookPath"] = json!(path);
            format!("Receiver initialized for path: {path}")
        }
        "ImageRepository" => {
            let image = object["spec"]["image"].as_str().unwrap_or_default();
            let canonical = if image.split('/').next().is_some_and(|h| h.contains('.')) {
                image.to_string()
            } else if image.contains('/') {
                format!("index.docker.io/{image}")
            } else {
                format!("index.docker.io/library/{image}")
            };
            status["canonicalImageName"] = json!(canonical);
            status["lastScanResult"] = json!({
                "tagCount": SIMULATED_TAGS.len(), "scanTime": now,
                "latestTags": SIMULATED_TAGS.iter().rev().collect::<Vec<_>>()
            });
            format!("successful scan: found {} tags", SIMULATED_TAGS.len())
        }
        "ImagePolicy" => {
            let repository = object["spec"]["imageRepositoryRef"]["name"]
                .as_str()
                .unwrap_or_default();
            let repositories: Api<DynamicObject> =
                Api::namespaced_with(client.clone(), namespace, &flux_resource("ImageRepository"));
            let image = match repositories.get(repository).await {
                Ok(r) => serde_json::to_value(r).unwrap()["status"]["canonicalImageName"]
                    .as_str()
                    .map(str::to_string),
                Err(_) => None,
            };
            let Some(image) = image else {
                return fail(
                    status,
                    "DependencyNotReady",
                    format!("referenced ImageRepository '{namespace}/{repository}' is not ready"),
                );
            };
            let range = object["spec"]["policy"]["semver"]["range"]
                .as_str()
                .unwrap_or("*");
            let Some(tag) = simulated_latest_tag(range) else {
                return fail(
                    status,
                    "ReconciliationFailed",
                    format!(
                        "unable to determine latest version from provided list: no tag matches '{range}'"
                    ),
                );
            };
            status["latestRef"] = json!({"name": image, "tag": tag});
            format!("Latest image tag for {image} resolved to {tag}")
        }
        _ => {
            status["lastAutomationRunTime"] = json!(now);
            "repository up-to-date".to_string()
        }
    };
    status["observedGeneration"] = json!(generation);
    status["conditions"] = json!([{
        "type": "Ready", "status": "True", "reason": "Succeeded", "message": message,
        "lastTransitionTime": now, "observedGeneration": generation
    }]);
    Some(status)
}

/// The objects the manifests under a Kustomization's path at `commit` hold, applied as
/// kustomize-controller applies them: server-side with the field manager
/// `kustomize-controller` (forcing conflicts), labelled `kustomize.toolkit.fluxcd.io/name` and
/// `/namespace`; objects of the previous inventory that are gone are deleted (prune). Writes
/// an Event for the Kustomization listing what changed, and returns `status.inventory`
/// (`<namespace>_<name>_<group>_<kind>` ids, sorted, as cli-utils' ObjMetadata writes them).
async fn simulated_apply(
    client: &Client,
    ks: &Value,
    repos: &Path,
    url: &str,
    commit: &str,
) -> Value {
    let Some(bare) = bare_repository(repos, url) else {
        return Value::Null;
    };
    let name = ks["metadata"]["name"].as_str().unwrap_or_default();
    let namespace = ks["metadata"]["namespace"].as_str().unwrap_or_default();
    let path = ks["spec"]["path"]
        .as_str()
        .unwrap_or("")
        .trim_start_matches("./")
        .trim_matches('/')
        .to_string();
    let listing = Command::new("git")
        .arg("-C")
        .arg(&bare)
        .args(["ls-tree", "-r", "--name-only", commit, "--", &path])
        .output();
    let files: Vec<String> = listing
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let mut entries = Vec::new();
    let mut changes = Vec::new();
    for file in files
        .iter()
        .filter(|f| f.ends_with(".yaml") || f.ends_with(".yml"))
    {
        let Ok(shown) = Command::new("git")
            .arg("-C")
            .arg(&bare)
            .args(["show", &format!("{commit}:{file}")])
            .output()
        else {
            continue;
        };
        let text = String::from_utf8_lossy(&shown.stdout).to_string();
        for document in serde_yaml::Deserializer::from_str(&text) {
            let Ok(mut object) = <Value as serde::Deserialize>::deserialize(document) else {
                continue;
            };
            if !object.is_object() || object["kind"].is_null() {
                continue;
            }
            object["metadata"]["labels"]["kustomize.toolkit.fluxcd.io/name"] = json!(name);
            object["metadata"]["labels"]["kustomize.toolkit.fluxcd.io/namespace"] =
                json!(namespace);
            let api_version = object["apiVersion"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let (group, version) = api_version.split_once('/').unwrap_or(("", &api_version));
            let kind = object["kind"].as_str().unwrap_or_default().to_string();
            let gvk = kube::core::GroupVersionKind::gvk(group, version, &kind);
            let Ok((ar, caps)) = kube::discovery::pinned_kind(client, &gvk).await else {
                continue;
            };
            let object_name = object["metadata"]["name"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let object_namespace = object["metadata"]["namespace"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let api: Api<DynamicObject> = match caps.scope {
                kube::discovery::Scope::Namespaced => {
                    Api::namespaced_with(client.clone(), &object_namespace, &ar)
                }
                kube::discovery::Scope::Cluster => Api::all_with(client.clone(), &ar),
            };
            let before = api
                .get_opt(&object_name)
                .await
                .ok()
                .flatten()
                .map(|o| o.resource_version());
            let params = PatchParams::apply("kustomize-controller").force();
            if let Ok(after) = api
                .patch(&object_name, &params, &Patch::Apply(&object))
                .await
            {
                let shown_ns = if object_namespace.is_empty() {
                    String::new()
                } else {
                    format!("{object_namespace}/")
                };
                // As kustomize-controller's change set: only what was created or configured.
                match before {
                    None => changes.push(format!("{kind}/{shown_ns}{object_name} created")),
                    Some(rv) if rv != after.resource_version() => {
                        changes.push(format!("{kind}/{shown_ns}{object_name} configured"))
                    }
                    Some(_) => {}
                }
                entries.push(json!({"id": format!("{object_namespace}_{object_name}_{group}_{kind}"), "v": version}));
            }
        }
    }
    entries.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    // Prune what the previous inventory had and this one does not.
    let kept: Vec<&str> = entries.iter().filter_map(|e| e["id"].as_str()).collect();
    for old in ks["status"]["inventory"]["entries"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        let id = old["id"].as_str().unwrap_or_default();
        if kept.contains(&id) {
            continue;
        }
        let parts: Vec<&str> = id.splitn(4, '_').collect();
        if let [object_namespace, object_name, group, kind] = parts[..] {
            let gvk =
                kube::core::GroupVersionKind::gvk(group, old["v"].as_str().unwrap_or("v1"), kind);
            if let Ok((ar, caps)) = kube::discovery::pinned_kind(client, &gvk).await {
                let api: Api<DynamicObject> = match caps.scope {
                    kube::discovery::Scope::Namespaced => {
                        Api::namespaced_with(client.clone(), object_namespace, &ar)
                    }
                    kube::discovery::Scope::Cluster => Api::all_with(client.clone(), &ar),
                };
                if api.delete(object_name, &Default::default()).await.is_ok() {
                    changes.push(format!("{kind}/{object_namespace}/{object_name} deleted"));
                }
            }
        }
    }
    let message = if changes.is_empty() {
        "Reconciliation finished in 1.5s, next run in 1m0s".to_string()
    } else {
        changes.join("\n")
    };
    let reason = if changes.is_empty() {
        "ReconciliationSucceeded"
    } else {
        "Progressing"
    };
    simulated_event(
        client,
        ks,
        "Normal",
        reason,
        &message,
        "kustomize-controller",
    )
    .await;
    json!({"entries": entries})
}

/// An Event about a Flux object, as the controllers' event recorder writes it: a core/v1
/// Event named `<object>.<unique>`, `source.component` the controller; the same reason and
/// message again increments `count` and moves `lastTimestamp` (client-go's correlator).
pub async fn simulated_event(
    client: &Client,
    object: &Value,
    type_: &str,
    reason: &str,
    message: &str,
    controller: &str,
) {
    use k8s_openapi::api::core::v1::Event;
    let namespace = object["metadata"]["namespace"]
        .as_str()
        .unwrap_or("default");
    let name = object["metadata"]["name"].as_str().unwrap_or_default();
    let uid = object["metadata"]["uid"].as_str().unwrap_or_default();
    let events: Api<Event> = Api::namespaced(client.clone(), namespace);
    let now = jiff::Timestamp::now().to_string();
    let existing = events
        .list(&ListParams::default().fields(&format!("involvedObject.uid={uid}")))
        .await
        .map(|l| l.items)
        .unwrap_or_default()
        .into_iter()
        .find(|e| e.reason.as_deref() == Some(reason) && e.message.as_deref() == Some(message));
    match existing {
        Some(event) => {
            let count = event.count.unwrap_or(1) + 1;
            let _ = events
                .patch(
                    &event.name_any(),
                    &PatchParams::default(),
                    &Patch::Merge(json!({"count": count, "lastTimestamp": now})),
                )
                .await;
        }
        None => {
            let unique = format!("{:x}", jiff::Timestamp::now().as_nanosecond());
            let event: Event = serde_json::from_value(json!({
                "metadata": {"name": format!("{name}.{unique}"), "namespace": namespace},
                "involvedObject": {
                    "apiVersion": object["apiVersion"], "kind": object["kind"], "name": name,
                    "namespace": namespace, "uid": uid,
                    "resourceVersion": object["metadata"]["resourceVersion"]
                },
                "reason": reason, "message": message, "type": type_,
                "source": {"component": controller},
                "firstTimestamp": now, "lastTimestamp": now, "count": 1,
                "reportingComponent": controller
            }))
            .unwrap();
            let _ = events.create(&PostParams::default(), &event).await;
        }
    }
}
