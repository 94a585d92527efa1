//! The one wait on a Flux object: watch it until a [`Condition`] on what it says about itself
//! ([`Observed`]) holds, until another one says the wait is over without it (a failed attempt,
//! a suspension), until the caller's deadline, or until its controller is found unable to act.
//! `wait`, `create`, `reconcile`, `resume`, `rollback` and bootstrap's verify all wait here;
//! each keeps only what it makes of the outcome.
//!
//! Conditions compose as kube-runtime's do (`and`, `or`, `not`); a closure over `&Observed`
//! is one. The deadline is the caller's, an instant, so steps of one command share a budget.

use tokio::time::Instant;

use crate::cluster::wait::watch_until;
use crate::cluster::{Cluster, ClusterError, controllers};
use crate::kinds::observed::names_revision;
use crate::kinds::{ObjectRef, Observed};

/// A predicate on an object's observed state.
pub trait Condition {
    fn holds(&self, object: &Observed) -> bool;

    /// Both hold.
    fn and<C: Condition>(self, other: C) -> And<Self, C>
    where
        Self: Sized,
    {
        And(self, other)
    }

    /// Either holds.
    fn or<C: Condition>(self, other: C) -> Or<Self, C>
    where
        Self: Sized,
    {
        Or(self, other)
    }

    /// It does not hold.
    fn not(self) -> Not<Self>
    where
        Self: Sized,
    {
        Not(self)
    }
}

impl<F: Fn(&Observed) -> bool> Condition for F {
    fn holds(&self, object: &Observed) -> bool {
        self(object)
    }
}

/// See [`Condition::and`].
pub struct And<A, B>(A, B);
/// See [`Condition::or`].
pub struct Or<A, B>(A, B);
/// See [`Condition::not`].
pub struct Not<A>(A);

impl<A: Condition, B: Condition> Condition for And<A, B> {
    fn holds(&self, object: &Observed) -> bool {
        self.0.holds(object) && self.1.holds(object)
    }
}

impl<A: Condition, B: Condition> Condition for Or<A, B> {
    fn holds(&self, object: &Observed) -> bool {
        self.0.holds(object) || self.1.holds(object)
    }
}

impl<A: Condition> Condition for Not<A> {
    fn holds(&self, object: &Observed) -> bool {
        !self.0.holds(object)
    }
}

/// The conditions the commands wait on, named as a reader of a wait would say them.
pub mod conditions {
    use super::{Condition, Observed, names_revision};

    /// Ready for the current generation (see [`Observed::is_ready_now`]).
    pub fn ready() -> impl Condition + Copy {
        Observed::is_ready_now
    }

    /// The controller's last attempt at the current generation failed (see
    /// [`Observed::attempt_failed`]).
    pub fn attempt_failed() -> impl Condition + Copy {
        Observed::attempt_failed
    }

    /// `spec.suspend` is set: the controller reconciles nothing.
    pub fn suspended() -> impl Condition + Copy {
        |o: &Observed| o.suspended
    }

    /// The object's revision names `wanted` (see [`names_revision`]).
    pub fn at(wanted: &str) -> impl Condition + Copy + '_ {
        move |o: &Observed| names_revision(&o.revision, wanted)
    }

    /// `status.history` records `wanted` as applied successfully (the controller may have
    /// moved on since).
    pub fn applied(wanted: &str) -> impl Condition + Copy + '_ {
        move |o: &Observed| o.applied(wanted)
    }

    /// The last attempt was at `wanted`; a kind that does not record the revision it
    /// attempted (a source) counts as attempting whatever it was asked to.
    pub fn attempted(wanted: &str) -> impl Condition + Copy + '_ {
        move |o: &Observed| {
            o.attempted_revision
                .as_deref()
                .is_none_or(|r| names_revision(r, wanted))
        }
    }

    /// The controller handled the reconcile request `token` (`status.lastHandledReconcileAt`).
    pub fn handled(token: &str) -> impl Condition + Copy + '_ {
        move |o: &Observed| o.last_handled_reconcile_at.as_deref() == Some(token)
    }

    /// The Ready condition is True or False, not Unknown (nor absent).
    pub fn decided() -> impl Condition + Copy {
        |o: &Observed| o.ready().is_some_and(|c| c.status != "Unknown")
    }

    /// Never holds: a wait that only its deadline ends.
    pub fn never() -> impl Condition + Copy {
        |_: &Observed| false
    }
}

/// How a wait ended, when the cluster could be asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Converged {
    /// The wanted condition holds for this state.
    Reached(Observed),
    /// The stop condition holds for this state, the wanted one does not.
    Stopped(Observed),
    /// The deadline passed; the last state seen, if the object was seen at all.
    TimedOut(Option<Observed>),
    /// The controller of the object's kind cannot act (a Pod that cannot pull its image or
    /// keeps crashing: at once; absent or never ready: after a grace period), and why.
    ControllerDown(String),
}

/// Where the controller for `target` is looked for: the object's namespace, then Flux's
/// default one (else the only one in the cluster, see [`controllers::check`]).
pub fn controller_namespaces(target: &ObjectRef) -> [&str; 2] {
    [target.namespace.as_str(), "flux-system"]
}

/// Watches `target` until `want` holds (checked first) or `stop` does, by `deadline` (never
/// past the command's own `--timeout`), raced against its controller being unable to act.
pub async fn converge(
    cluster: &Cluster,
    target: &ObjectRef,
    want: impl Condition,
    stop: impl Condition,
    deadline: Instant,
) -> Result<Converged, ClusterError> {
    let kind = target.kind;
    let remaining = deadline.saturating_duration_since(Instant::now());
    let watch = watch_until(target.api(cluster), &target.name, remaining, |o| {
        let o = kind.observe(o);
        want.holds(&o) || stop.holds(&o)
    });
    let controller = kind.controller();
    let namespaces = controller_namespaces(target);
    let (done, last) = tokio::select! {
        result = watch => result.map_err(|e| cluster.explain(e))?,
        reason = controllers::watch_for_failure(cluster, controller, &namespaces) => {
            return Ok(Converged::ControllerDown(reason));
        }
    };
    let last = last.map(|o| kind.observe(&o));
    Ok(match last {
        Some(o) if done && want.holds(&o) => Converged::Reached(o),
        Some(o) if done => Converged::Stopped(o),
        last => Converged::TimedOut(last),
    })
}

#[cfg(test)]
mod tests {
    use super::conditions::*;
    use super::*;
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition as Status;

    fn status(type_: &str, value: &str, reason: &str) -> Status {
        Status {
            type_: type_.into(),
            status: value.into(),
            reason: reason.into(),
            message: String::new(),
            last_transition_time: k8s_openapi::apimachinery::pkg::apis::meta::v1::Time(
                Default::default(),
            ),
            observed_generation: None,
        }
    }

    fn object(ready: &str, revision: &str) -> Observed {
        Observed {
            generation: 2,
            observed_generation: Some(2),
            conditions: vec![status("Ready", ready, "")],
            revision: revision.into(),
            ..Default::default()
        }
    }

    #[test]
    fn conditions_compose_as_their_names_say() {
        let ready_at = ready().and(at("abc1234"));
        assert!(ready_at.holds(&object("True", "main@sha1:abc1234ff")));
        assert!(!ready_at.holds(&object("True", "main@sha1:0000000ff")));
        assert!(!ready_at.holds(&object("False", "main@sha1:abc1234ff")));
        let either = ready().or(suspended());
        let mut suspended_object = object("False", "");
        suspended_object.suspended = true;
        assert!(either.holds(&suspended_object));
        assert!(!either.holds(&object("False", "")));
        assert!(ready().not().holds(&object("False", "")));
        assert!(!never().holds(&object("True", "")));
        let mut stale = object("True", "main@sha1:abc1234ff");
        stale.generation = 3;
        assert!(!ready_at.holds(&stale), "Ready for an older generation");
    }

    #[test]
    fn a_request_counts_once_handled_and_decided() {
        let mut o = object("Unknown", "");
        o.last_handled_reconcile_at = Some("t1".into());
        let answered = handled("t1").and(decided());
        assert!(!answered.holds(&o));
        o.conditions = vec![status("Ready", "False", "")];
        assert!(answered.holds(&o));
        assert!(!handled("t2").holds(&o));
    }
}
