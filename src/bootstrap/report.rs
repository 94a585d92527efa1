//! What bootstrap tells its caller as it goes: one report per step, and the final summary.
//! The CLI renders them (spinners, plain lines or JSON); the library only describes them.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::cluster::apply::Applied;
use crate::git::FileChange;
use crate::progress::{Mark, Reporter};

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
    #[serde(skip_serializing_if = "Details::is_none")]
    pub details: Details,
}

/// What a finished step hands back: its value, how it ended, its line and its details.
#[derive(Debug)]
pub struct Done<T> {
    pub value: T,
    pub outcome: Outcome,
    pub message: String,
    pub details: Details,
}

impl<T> Done<T> {
    pub fn new(value: T, outcome: Outcome, message: impl Into<String>, details: Details) -> Self {
        Done {
            value,
            outcome,
            message: message.into(),
            details,
        }
    }
}

/// A step's `details` object, one shape per step (docs/output.md). Serialized without a tag:
/// each variant's fields are the object's fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Details {
    /// No details (the field is left out).
    None,
    #[serde(rename_all = "camelCase")]
    Preflight {
        cluster: String,
        context: String,
        /// The host account whose token was accepted.
        #[serde(skip_serializing_if = "Option::is_none")]
        user: Option<String>,
    },
    Repository {
        url: String,
        actions: Vec<String>,
    },
    Clone {
        tip: Option<String>,
    },
    Manifests {
        files: Vec<FileReport>,
    },
    Push {
        commit: String,
        rebased: bool,
    },
    Install {
        objects: usize,
        deployments: Vec<String>,
    },
    /// A dry run's install: every object the server accepted, and what it would do.
    Planned {
        objects: Vec<Applied>,
    },
    #[serde(rename_all = "camelCase")]
    Credentials {
        #[serde(skip_serializing_if = "Option::is_none")]
        secret: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        deploy_key: Option<String>,
        public_key: String,
    },
    /// Each verified kind's revision, by kind.
    Verify(BTreeMap<String, String>),
}

impl Details {
    pub fn is_none(&self) -> bool {
        matches!(self, Details::None)
    }
}

/// One file of the manifests step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileReport {
    pub path: String,
    pub change: FileChange,
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

/// Where reports go while bootstrap runs: its steps, and inside them the progress lines every
/// operation reports ([`Reporter::step`]: an object applied, a warning).
pub trait Progress: Reporter {
    /// A step starts.
    fn begin(&self, step: Step, message: &str);
    /// A step ended.
    fn end(&self, report: &StepReport);
    /// A new SSH key must be added to the Git server by hand (`bootstrap git`): show it, and
    /// where someone can answer, ask whether it was added. An error stops the bootstrap.
    fn deploy_key_added(&self, public_key: &str) -> anyhow::Result<()>;
    /// Text the user asked for (a dry run's diff and plan): data, for stdout.
    fn data(&self, text: &str);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn json_of(details: Details) -> serde_json::Value {
        let report = StepReport {
            step: Step::Push,
            outcome: Outcome::Updated,
            message: String::new(),
            duration_ms: 1,
            details,
        };
        serde_json::to_value(report).unwrap()["details"].clone()
    }

    /// The typed details serialize to the objects docs/output.md documents.
    #[test]
    fn details_serialize_to_the_documented_json() {
        assert_eq!(json_of(Details::None), serde_json::Value::Null);
        assert_eq!(
            json_of(Details::Push {
                commit: "3f2a".into(),
                rebased: false
            }),
            json!({"commit": "3f2a", "rebased": false})
        );
        assert_eq!(
            json_of(Details::Preflight {
                cluster: "https://k".into(),
                context: "dev".into(),
                user: None
            }),
            json!({"cluster": "https://k", "context": "dev"})
        );
        assert_eq!(
            json_of(Details::Manifests {
                files: vec![FileReport {
                    path: "a".into(),
                    change: FileChange::Added
                }]
            }),
            json!({"files": [{"path": "a", "change": "added"}]})
        );
        assert_eq!(
            json_of(Details::Credentials {
                secret: Some("created".into()),
                deploy_key: Some("added".into()),
                public_key: "ssh-ed25519 AAAA".into()
            }),
            json!({"secret": "created", "deployKey": "added", "publicKey": "ssh-ed25519 AAAA"})
        );
        assert_eq!(json_of(Details::Clone { tip: None }), json!({"tip": null}));
        assert_eq!(
            json_of(Details::Verify(BTreeMap::from([(
                "GitRepository".to_string(),
                "main@sha1:1".to_string()
            )]))),
            json!({"GitRepository": "main@sha1:1"})
        );
    }
}
