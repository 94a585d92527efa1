//! What a Flux object says about itself, the same for every kind, read through its typed
//! resource: the one place that decides whether an object is ready, still working, or failed.

use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition;
use kube::ResourceExt;
use kube::api::DynamicObject;

use super::{FluxKind, FluxObject, ObjectRef, Visitor};

/// One object's state as floe reasons about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Observed {
    pub namespace: String,
    pub name: String,
    pub generation: i64,
    pub observed_generation: Option<i64>,
    pub conditions: Vec<Condition>,
    pub revision: String,
    pub attempted_revision: Option<String>,
    pub last_handled_reconcile_at: Option<String>,
    /// The last reconcile request (`reconcile.fluxcd.io/requestedAt`), whoever made it.
    pub requested_at: Option<String>,
    pub suspended: bool,
    /// A kind no controller reconciles (see [`super::FluxObject::STATIC`]): ready once it
    /// exists.
    pub fixed: bool,
    pub labels: std::collections::BTreeMap<String, String>,
    /// The object it reads from (`reconcile --with-source`).
    pub source: Option<ObjectRef>,
    /// The path in that source it applies (a sync's `spec.path`).
    pub source_path: Option<String>,
    /// What the controller applied, newest first.
    pub history: Vec<super::Applied>,
}

impl Observed {
    pub fn of<K: FluxObject>(object: &K) -> Observed {
        Observed {
            namespace: object.namespace().unwrap_or_default(),
            name: object.name_any(),
            generation: object.meta().generation.unwrap_or(0),
            observed_generation: object.observed_generation(),
            conditions: object.conditions().to_vec(),
            revision: object.revision().unwrap_or_default().into_owned(),
            fixed: K::STATIC,
            attempted_revision: object.attempted_revision().map(str::to_string),
            last_handled_reconcile_at: object.last_handled_reconcile_at().map(str::to_string),
            requested_at: object.annotations().get(super::REQUESTED_AT).cloned(),
            suspended: object.suspended(),
            labels: object.labels().clone(),
            source: object.source(),
            source_path: object.source_path().map(str::to_string),
            history: object.history(),
        }
    }

    /// The condition of type `kind` (Ready, Stalled, Reconciling, Released...).
    pub fn condition(&self, kind: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.type_ == kind)
    }

    pub fn ready(&self) -> Option<&Condition> {
        self.condition("Ready")
    }

    fn is_true(&self, kind: &str) -> bool {
        self.condition(kind).is_some_and(|c| c.status == "True")
    }

    /// The Ready condition's message, or "" when there is none.
    pub fn message(&self) -> &str {
        self.ready().map_or("", |c| c.message.as_str())
    }

    /// Why the last attempt failed: the Ready condition's message, except that after
    /// helm-controller remediated a failed release (rolled it back or uninstalled it), Ready
    /// carries the remediation's message (`Helm rollback to previous release ... succeeded`)
    /// and the failure itself is only in the Released (or TestSuccess) condition: it comes
    /// first then.
    pub fn failure_message(&self) -> String {
        let ready = self.message();
        let remediated = self
            .condition("Remediated")
            .is_some_and(|c| c.message == ready);
        let failure = ["Released", "TestSuccess"]
            .iter()
            .filter_map(|kind| self.condition(kind))
            .find(|c| c.status == "False" && !c.message.is_empty());
        match failure {
            Some(failure) if remediated => format!("{}; {ready}", failure.message),
            _ => ready.to_string(),
        }
    }

    /// Ready=True for the current spec: the controller has observed the latest generation.
    pub fn is_ready_now(&self) -> bool {
        self.fixed
            || self.observed_generation.unwrap_or(-1) >= self.generation && self.is_true("Ready")
    }

    /// Whether the controller's last attempt at the current generation failed, as the Flux
    /// controllers record it (their `finalizeStatus`): Ready=False for this generation with
    /// either Stalled=True (it gave up), Reconciling=True with reason `ProgressingWithRetry`
    /// (it failed and will retry), or no reconciliation in progress. `observedGeneration`
    /// does not move on a failure, so the Ready condition's own observedGeneration says which
    /// generation failed.
    pub fn attempt_failed(&self) -> bool {
        let Some(ready) = self.ready() else {
            return false;
        };
        if ready.status != "False" {
            return false;
        }
        let failed_generation = ready
            .observed_generation
            .or(self.observed_generation)
            .unwrap_or(-1);
        if failed_generation < self.generation {
            return false;
        }
        self.is_true("Stalled")
            || !self.is_true("Reconciling")
            || self
                .condition("Reconciling")
                .is_some_and(|c| c.reason == "ProgressingWithRetry")
    }

    /// `Some(Ok)` when Ready for the current generation, `Some(Err(message))` when the
    /// controller has given up on it or failed this generation, `None` while in progress.
    pub fn settled(&self) -> Option<Result<(), String>> {
        if self.fixed {
            return Some(Ok(()));
        }
        self.ready()?;
        if self.is_ready_now() {
            Some(Ok(()))
        } else if self.attempt_failed() {
            Some(Err(self.failure_message()))
        } else {
            None
        }
    }

    /// The controller's `status.history` records `wanted` as applied successfully (it may
    /// since have moved on to a newer revision).
    pub fn applied(&self, wanted: &str) -> bool {
        self.history
            .iter()
            .any(|h| h.succeeded && names_revision(&h.revision, wanted))
    }
}

/// Whether `revision`, as a controller writes it (`main@sha1:<commit>`, the older
/// `main/<commit>`, a chart version), names `wanted`: the same string, or a commit that
/// `wanted` abbreviates (at least 4 hex digits, as git accepts), or the same `algo:hex` part.
pub fn names_revision(revision: &str, wanted: &str) -> bool {
    if revision.is_empty() || wanted.is_empty() {
        return false;
    }
    if revision == wanted {
        return true;
    }
    let commit = revision
        .rsplit_once(':')
        .or_else(|| revision.rsplit_once('/'))
        .map_or(revision, |(_, hex)| hex);
    let wanted = wanted.rsplit_once(':').map_or(wanted, |(_, hex)| hex);
    wanted.len() >= 4
        && wanted.chars().all(|c| c.is_ascii_hexdigit())
        && commit.chars().all(|c| c.is_ascii_hexdigit())
        && commit.starts_with(&wanted.to_ascii_lowercase())
}

struct Parse<'a>(&'a DynamicObject);
impl Visitor for Parse<'_> {
    type Output = Result<Observed, kube::core::dynamic::ParseDynamicObjectError>;
    fn visit<K: FluxObject>(self) -> Self::Output {
        let typed: K = self.0.clone().try_parse()?;
        Ok(Observed::of(&typed))
    }
}

struct Declared<'a>(&'a DynamicObject);
impl Visitor for Declared<'_> {
    type Output = Option<serde_json::Value>;
    fn visit<K: FluxObject>(self) -> Self::Output {
        let typed: K = self.0.clone().try_parse().ok()?;
        serde_json::to_value(typed).ok()
    }
}

impl FluxKind {
    /// The object as its typed resource writes it: fields at their zero value that Flux
    /// omits (a `suspend: false` left by a resume) are dropped, fields floe does not model are
    /// kept. An object that does not parse as its kind is returned as it is.
    pub fn declared(self, object: &DynamicObject) -> serde_json::Value {
        self.visit(Declared(object))
            .unwrap_or_else(|| serde_json::to_value(object).expect("objects serialize"))
    }

    /// Reads an object of this kind through its typed resource. An object that does not
    /// parse as its kind (a newer API's shape) still shows, with an empty status.
    pub fn observe(self, object: &DynamicObject) -> Observed {
        self.visit(Parse(object)).unwrap_or_else(|_| Observed {
            namespace: object.namespace().unwrap_or_default(),
            name: object.name_any(),
            generation: object.metadata.generation.unwrap_or(0),
            ..Observed::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn observed(generation: i64, observed: i64, conditions: serde_json::Value) -> Observed {
        let object: DynamicObject = serde_json::from_value(json!({
            "apiVersion": "kustomize.toolkit.fluxcd.io/v1",
            "kind": "Kustomization",
            "metadata": {"name": "a", "namespace": "ns", "generation": generation},
            "spec": {"interval": "1m", "prune": true, "sourceRef": {"kind": "GitRepository", "name": "s"}},
            "status": {"observedGeneration": observed, "conditions": conditions,
                       "lastAppliedRevision": "main@sha1:1"}
        }))
        .unwrap();
        FluxKind::Kustomization.observe(&object)
    }

    fn condition(kind: &str, status: &str, reason: &str, message: &str) -> serde_json::Value {
        json!({"type": kind, "status": status, "reason": reason, "message": message,
               "lastTransitionTime": "2026-01-01T00:00:00Z"})
    }

    #[test]
    fn settled_waits_for_the_current_generation() {
        let ready = json!([condition("Ready", "True", "ReconciliationSucceeded", "ok")]);
        assert_eq!(observed(2, 1, ready.clone()).settled(), None);
        let now = observed(2, 2, ready);
        assert_eq!(now.settled(), Some(Ok(())));
        assert_eq!(now.revision, "main@sha1:1");
        assert_eq!(
            now.source,
            ObjectRef::parse(FluxKind::GitRepository, "ns", "s").ok()
        );
    }

    #[test]
    fn settled_reports_failure_only_when_the_controller_stopped_trying() {
        let retrying = json!([
            condition("Ready", "False", "BuildFailed", "auth failed"),
            condition("Reconciling", "True", "Progressing", "")
        ]);
        assert_eq!(observed(1, 1, retrying).settled(), None);
        let with_retry = json!([
            condition("Ready", "False", "BuildFailed", "auth failed"),
            condition("Reconciling", "True", "ProgressingWithRetry", "")
        ]);
        assert_eq!(
            observed(1, 1, with_retry).settled(),
            Some(Err("auth failed".to_string()))
        );
        let stalled = json!([
            condition("Ready", "False", "BuildFailed", "auth failed"),
            condition("Stalled", "True", "BuildFailed", "")
        ]);
        assert_eq!(
            observed(1, 1, stalled).settled(),
            Some(Err("auth failed".to_string()))
        );
        let failed = json!([condition("Ready", "False", "x", "no such path")]);
        assert_eq!(
            observed(1, 1, failed).settled(),
            Some(Err("no such path".to_string()))
        );
    }

    #[test]
    fn a_remediated_release_names_the_failure_before_the_remediation() {
        let rollback = "Helm rollback to previous release ns/a.v1 with chart demo@0.1.0 succeeded";
        let upgrade = "Helm upgrade failed for release ns/a with chart demo@0.2.0: refused";
        let remediated = json!([
            condition(
                "Stalled",
                "True",
                "RetriesExceeded",
                "Failed to upgrade after 2 attempt(s)"
            ),
            condition("Ready", "False", "RollbackSucceeded", rollback),
            condition("Released", "False", "UpgradeFailed", upgrade),
            condition("Remediated", "True", "RollbackSucceeded", rollback)
        ]);
        assert_eq!(
            observed(1, 1, remediated).settled(),
            Some(Err(format!("{upgrade}; {rollback}")))
        );
        let failed = json!([
            condition("Ready", "False", "UpgradeFailed", upgrade),
            condition("Released", "False", "UpgradeFailed", upgrade)
        ]);
        assert_eq!(observed(1, 1, failed).failure_message(), upgrade);
    }

    #[test]
    fn revisions_are_named_by_their_commit_or_in_full() {
        let r = "main@sha1:8f3e2a1b9c0d";
        assert!(names_revision(r, "8f3e2a1b9c0d"));
        assert!(names_revision(r, "8f3e"));
        assert!(names_revision(r, "8F3E2A"));
        assert!(names_revision(r, "main@sha1:8f3e2a1b9c0d"));
        assert!(names_revision(r, "sha1:8f3e2a"));
        assert!(names_revision("main/8f3e2a1b", "8f3e2a"));
        assert!(!names_revision(r, "8f3"), "too short to name a commit");
        assert!(!names_revision(r, "9f3e2a"));
        assert!(!names_revision(r, "main"));
        assert!(names_revision("6.3.5", "6.3.5"));
        assert!(!names_revision("6.3.5", "6.3"));
        assert!(!names_revision("", "abcd"));
    }

    #[test]
    fn a_failure_of_an_older_generation_is_not_this_ones() {
        let mut stale = condition("Ready", "False", "BuildFailed", "old");
        stale["observedGeneration"] = json!(1);
        let o = observed(2, 1, json!([stale]));
        assert!(!o.attempt_failed());
    }
}
