//! What bootstrap tells its caller as it goes: one report per step, and the final summary.
//! The CLI renders them (spinners, plain lines or JSON); the library only describes them.

use serde::Serialize;
use serde_json::Value;

use crate::progress::Mark;

/// The steps, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    Preflight,
    Repository,
    Clone,
    Manifests,
    Push,
    Install,
    Credentials,
    Sync,
    Verify,
}

impl Step {
    /// Every step, in the order a full run reports them.
    pub const ALL: [Step; 9] = [
        Step::Preflight,
        Step::Repository,
        Step::Clone,
        Step::Manifests,
        Step::Push,
        Step::Install,
        Step::Credentials,
        Step::Sync,
        Step::Verify,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Step::Preflight => "preflight",
            Step::Repository => "repository",
            Step::Clone => "clone",
            Step::Manifests => "manifests",
            Step::Push => "push",
            Step::Install => "install",
            Step::Credentials => "credentials",
            Step::Sync => "sync",
            Step::Verify => "verify",
        }
    }
}

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Checked, nothing to change (preflight, clone, verify).
    Passed,
    Created,
    Updated,
    Unchanged,
    /// A dry run: what would happen.
    Planned,
    Skipped,
    Failed,
}

impl Outcome {
    pub fn mark(self) -> Mark {
        match self {
            Outcome::Failed => Mark::Failed,
            _ => Mark::Done,
        }
    }
}

/// One finished step.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepReport {
    pub step: Step,
    pub outcome: Outcome,
    pub message: String,
    pub duration_ms: u64,
    #[serde(skip_serializing_if = "Value::is_null")]
    pub details: Value,
}

/// The end of a bootstrap.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// `success`, `planned` (dry run) or `failed`.
    pub result: &'static str,
    pub repository: String,
    pub branch: String,
    pub path: String,
    /// The branch's commit the cluster is synced to (after a dry run: the current tip).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// Whether anything changed anywhere.
    pub changed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub steps: Vec<StepReport>,
}

/// Where reports go while bootstrap runs.
pub trait Progress: Sync {
    /// A step starts.
    fn begin(&self, step: Step, message: &str);
    /// Something worth saying inside a step (an object applied, a warning).
    fn note(&self, mark: Mark, message: &str);
    /// A step ended.
    fn end(&self, report: &StepReport);
    /// A new SSH key must be added to the Git server by hand (`bootstrap git`): show it, and
    /// where someone can answer, ask whether it was added. An error stops the bootstrap.
    fn deploy_key_added(&self, public_key: &str) -> anyhow::Result<()>;
    /// Text the user asked for (a dry run's diff and plan): data, for stdout.
    fn data(&self, text: &str);
}
