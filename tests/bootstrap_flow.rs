//! bootstrap's flow in-process, against a fake `GitHost` (a host with an API of its own that
//! records what the flow asks of it, its repository served by the HTTPS `git http-backend` of
//! tests/common/github.rs), on the real engine: Flux 2.9.4's controllers (scripts/testbed, host
//! processes) install from the flow, fetch with the credentials the host's own step stored and
//! apply the pushed commit. Simulated: the host's API (the test), the kubelet (KWOK). Shows
//! that the flow runs any host through the trait, in order, and that a host's words reach the
//! step reports.

mod common;

use std::path::PathBuf;
use std::sync::Mutex;

use common::github::{FakeGitHub, TOKEN, git};
use floe::bootstrap::{
    self, Details, Done, GitHost, HostCheck, Options, Outcome, Progress, Step, StepReport,
    StepResult,
};
use floe::cluster::{Cluster, ConnectOptions};
use floe::git::{GitAuth, RemoteSpec};
use floe::host::Host;
use floe::progress::{Mark, Reporter};

/// A host with an API of its own, its repository on the Git server `git`.
struct FakeHost {
    git: FakeGitHub,
    calls: Mutex<Vec<&'static str>>,
}

impl FakeHost {
    fn bare(&self) -> PathBuf {
        self.git.bare("me", "fleet")
    }

    fn called(&self, what: &'static str) {
        self.calls.lock().unwrap().push(what);
    }
}

/// The fake host holds no credentials: its repository is a local file:// one.
impl Host for FakeHost {
    fn credentials_for(&self, url: &str) -> RemoteSpec {
        RemoteSpec {
            url: url.to_string(),
            auth: GitAuth::None,
        }
    }
}

impl GitHost for FakeHost {
    fn repository(&self) -> String {
        "fake:me/fleet".into()
    }

    async fn preflight(&self) -> anyhow::Result<HostCheck> {
        self.called("preflight");
        Ok(HostCheck {
            accepted: Some("fake host token accepted".into()),
            user: Some("fake-user".into()),
        })
    }

    fn repository_step(&self) -> Option<String> {
        Some("repository me/fleet on the fake host".into())
    }

    async fn ensure_repository(&self, _opts: &Options) -> StepResult<bool> {
        self.called("ensure_repository");
        let created = !self.bare().exists();
        if created {
            self.git
                .seed_repo("me", "fleet", true, &[("README.md", "fake\n")]);
        }
        let outcome = if created {
            Outcome::Created
        } else {
            Outcome::Unchanged
        };
        Ok(Done::new(
            true,
            outcome,
            "fake repository ready",
            Details::None,
        ))
    }

    fn push_url(&self) -> String {
        self.called("push_remote");
        format!("file://{}", self.bare().display())
    }

    fn sync_source(&self) -> (String, bool) {
        self.called("sync_source");
        (format!("https://{}/me/fleet.git", self.git.host), true)
    }

    async fn after_push(&self, _opts: &Options) -> anyhow::Result<Option<String>> {
        self.called("after_push");
        Ok(Some("fake branch protection set".into()))
    }

    async fn credentials(
        &self,
        cluster: &Cluster,
        opts: &Options,
        _progress: &dyn Progress,
    ) -> StepResult<()> {
        self.called("credentials");
        // The host's own token and CA, for the cluster to pull with.
        let secret = serde_json::json!({
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {"name": opts.secret_name, "namespace": opts.namespace},
            "stringData": {
                "username": "git",
                "password": TOKEN,
                "ca.crt": std::fs::read_to_string(&self.git.ca_file).unwrap(),
            },
        });
        floe::objects::apply(cluster, &secret).await?;
        Ok(Done::new(
            (),
            Outcome::Created,
            "the fake host's token stored",
            Details::None,
        ))
    }
}

/// Keeps the step reports.
#[derive(Default)]
struct Recorder {
    ended: Mutex<Vec<StepReport>>,
}

impl Reporter for Recorder {
    fn step(&self, _mark: Mark, _message: &str) {}
}

impl Progress for Recorder {
    fn begin(&self, _step: Step, _message: &str) {}
    fn end(&self, report: &StepReport) {
        self.ended.lock().unwrap().push(report.clone());
    }
    fn deploy_key_added(&self, _public_key: &str) -> anyhow::Result<()> {
        anyhow::bail!("the fake host generates no keys")
    }
    fn data(&self, _text: &str) {}
}

#[test]
fn the_flow_runs_any_git_host_in_process_on_the_real_controllers() {
    let Some(bed) = common::testbed::engine() else {
        return;
    };
    // The engine's controllers run in the namespace Flux is installed in: flux-system.
    let ns = "flux-system".to_string();
    let host = FakeHost {
        git: FakeGitHub::start(),
        calls: Mutex::new(Vec::new()),
    };
    let text = std::fs::read_to_string(common::flux_install_yaml()).unwrap();
    let install = floe::install::InstallOptions {
        namespace: ns.clone(),
        ..Default::default()
    };
    let objects = floe::install::customize(
        floe::cluster::apply::parse_manifests(&text).unwrap(),
        &install,
    )
    .unwrap();
    let opts = Options {
        namespace: ns.clone(),
        branch: "main".into(),
        path: "clusters/fake".into(),
        interval: "1m".parse().unwrap(),
        secret_name: "flux-system".into(),
        flux_version: floe::DEFAULT_FLUX_VERSION.into(),
        components: install.components.clone(),
        install_objects: objects,
        key_algorithm: Default::default(),
        author_name: Some("flow".into()),
        author_email: Some("flow@example.com".into()),
        commit_message_appendix: None,
        timeout: std::time::Duration::from_secs(240),
        dry_run: false,
        skip_version_check: false,
    };
    let recorder = Recorder::default();
    let runtime = common::testbed::runtime();
    let (summary, error) = runtime.block_on(async {
        floe::install_crypto_provider();
        let cluster = Cluster::connect(&ConnectOptions {
            kubeconfig: Some(bed.kubeconfig.clone()),
            context: None,
            overrides: Default::default(),
        })
        .await
        .unwrap();
        bootstrap::run(&cluster, &host, &opts, &recorder).await
    });
    assert!(error.is_none(), "{error:?}");
    assert_eq!(summary.result, "success");
    assert_eq!(summary.repository, "fake:me/fleet");
    let head = git(&host.bare(), &["rev-parse", "main"]);
    assert_eq!(summary.commit.as_deref(), Some(head.as_str()));
    let steps: Vec<Step> = summary.steps.iter().map(|s| s.step).collect();
    assert_eq!(steps, Step::ALL, "every step, in order");
    let line = |step: &str| {
        summary
            .steps
            .iter()
            .find(|s| s.step.name() == step)
            .unwrap()
            .message
            .clone()
    };
    assert!(line("preflight").contains("fake host token accepted"));
    assert!(line("push").contains("fake branch protection set"));
    // The host's account lands in the preflight step's typed details, as JSON shows it.
    let preflight = serde_json::to_value(&summary.steps[0]).unwrap();
    assert_eq!(preflight["details"]["user"], "fake-user");
    assert!(preflight["details"]["cluster"].is_string());
    assert_eq!(recorder.ended.lock().unwrap().len(), 9);
    let calls = host.calls.lock().unwrap().clone();
    assert_eq!(
        calls,
        [
            "preflight",
            "ensure_repository",
            "push_remote",
            "sync_source",
            "after_push",
            "credentials",
        ]
    );
    assert!(
        git(&host.bare(), &["ls-tree", "-r", "--name-only", "main"])
            .contains("clusters/fake/flux-system/gotk-sync.yaml")
    );
    // The real kustomize-controller applied the pushed commit, fetched with the host's token.
    let applied = bed.kubectl_out(&[
        "get",
        "kustomization",
        "flux-system",
        "-n",
        &ns,
        "-o",
        "jsonpath={.status.lastAppliedRevision}",
    ]);
    assert_eq!(applied, format!("main@sha1:{head}"));
}
