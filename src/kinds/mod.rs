//! The Flux kinds floe knows, as one model: every kind is a typed custom resource that
//! implements [`FluxObject`] (which controller runs it, its role, how its status reads), and
//! [`registry!`] lists them once. Commands dispatch over [`FluxKind`] (generated from that
//! list) with exhaustive matches, so a kind that lacks something is a compile error, never a
//! wrong answer at run time.
//!
//! Adding a kind is one file here (its typed resource and its `FluxObject` impl) plus one line
//! in the registry below (`mod file { Kind }`); `get`, `reconcile`, `suspend`, `resume`,
//! `delete`, `export`, waiting, completion and the command-line grammar pick it up from the
//! registry.

pub mod duration;
pub mod meta;
pub mod names;
pub mod observed;

/// The annotation that asks a Flux controller to reconcile an object now (its value, a time, is
/// the request; `status.lastHandledReconcileAt` echoes the last one handled).
pub const REQUESTED_AT: &str = "reconcile.fluxcd.io/requestedAt";

/// The controllers `install` deploys unless told otherwise.
pub const DEFAULT_COMPONENTS: &[&str] = &[
    "source-controller",
    "kustomize-controller",
    "helm-controller",
    "notification-controller",
];

/// Controllers installed only when asked for with `--components-extra`.
pub const EXTRA_COMPONENTS: &[&str] = &[
    "image-reflector-controller",
    "image-automation-controller",
    "source-watcher",
];

use std::borrow::Cow;
use std::fmt;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition;
use kube::Resource;
use kube::discovery::ApiResource;
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use names::{InvalidName, Namespace, ObjectName};

pub use observed::Observed;

/// What a kind does in a GitOps pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Fetches an artifact (Git, Helm, OCI, bucket, chart).
    Source,
    /// Applies a path of a source (a Kustomization; floe calls it a sync).
    Sync,
    /// Installs a Helm chart (a HelmRelease).
    Release,
    /// Sends or receives notifications.
    Notification,
    /// Scans image registries and updates Git.
    Image,
}

impl Role {
    /// The roles whose kinds the command line names after a group word (`source git`,
    /// `image policy`), with the word in the singular and the plural; the kinds of other roles
    /// are named by their own word (`sync`, `alert`).
    pub const GROUPS: &'static [(Role, &'static str, &'static str)] = &[
        (Role::Source, "source", "sources"),
        (Role::Image, "image", "images"),
    ];

    pub fn group(self) -> Option<(&'static str, &'static str)> {
        Role::GROUPS
            .iter()
            .find(|(role, ..)| *role == self)
            .map(|(_, one, many)| (*one, *many))
    }
}

/// A kind's place in the registry, implemented for every kind by [`registry!`].
pub trait Registered {
    const KIND: FluxKind;
}

/// What floe needs to know about a Flux kind, read from its typed resource.
pub trait FluxObject:
    Registered
    + Resource<DynamicType = (), Scope = k8s_openapi::NamespaceResourceScope>
    + Clone
    + fmt::Debug
    + Serialize
    + DeserializeOwned
    + Send
    + Sync
    + 'static
{
    /// The controller (its Deployment's name) that reconciles this kind.
    const CONTROLLER: &'static str;
    const ROLE: Role;
    /// How the command line names the kind. For sources, the word after `source` (`git`);
    /// for the others, the command's singular, then its plural, then aliases.
    const WORDS: &'static [&'static str];
    /// The kind in a help line, plural: "syncs (Flux Kustomizations)".
    const ABOUT: &'static str;
    /// No controller reconciles it (notification-controller's Alerts and Providers): it has
    /// no status and is ready once it exists, and there is nothing to reconcile.
    const STATIC: bool = false;
    /// Where the objects it puts on the cluster are recorded (for `tree` and `trace`).
    const MANAGES: Manages = Manages::Nothing;

    fn conditions(&self) -> &[Condition];
    fn observed_generation(&self) -> Option<i64>;
    /// What `get` shows as REVISION: the stored artifact for sources, the applied revision
    /// for syncs, the released chart version for releases (docs/output.md lists every kind).
    fn revision(&self) -> Option<Cow<'_, str>>;
    /// The revision the controller last tried (for a sync or release), which may have failed.
    fn attempted_revision(&self) -> Option<&str>;
    fn last_handled_reconcile_at(&self) -> Option<&str>;
    fn suspended(&self) -> bool;
    /// The object this one reads from, for `reconcile --with-source`.
    fn source(&self) -> Option<ObjectRef>;
    /// The path in its source it applies (a sync's `spec.path`), if it applies one.
    fn source_path(&self) -> Option<&str> {
        None
    }
    /// What the controller applied, newest first, from `status.history` (syncs and releases
    /// keep one; other kinds have none).
    fn history(&self) -> Vec<Applied> {
        Vec::new()
    }
}

/// Where a kind records the objects it puts on the cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Manages {
    /// Nothing: a source, a notification or an image kind.
    Nothing,
    /// Its `status.inventory` (a Kustomization).
    Inventory,
    /// Its Helm release's storage (a HelmRelease).
    HelmRelease,
}

/// One entry of an object's `status.history`, the same for every kind that keeps one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Applied {
    /// The revision applied: `main@sha1:<commit>` for a sync, the chart version for a release.
    pub revision: String,
    /// The controller's word for the result (`ReconciliationSucceeded`, `HealthCheckFailed`,
    /// `deployed`, `failed`...).
    pub result: String,
    pub succeeded: bool,
    pub first: Option<String>,
    pub last: Option<String>,
    pub duration: Option<String>,
    /// The digest the controller keys the entry by (of the applied manifests, or of the
    /// release's values).
    pub digest: String,
    /// How many reconciliations the entry stands for (a sync), or the Helm release version.
    pub count: Option<i64>,
}

/// A generic operation over one kind, run by [`FluxKind::visit`].
pub trait Visitor {
    type Output;
    fn visit<K: FluxObject>(self) -> Self::Output;
}

/// How a kind with the usual status (conditions, observedGeneration, lastHandledReconcileAt,
/// `spec.suspend`) reads; used by the kind files, which the registry declares after it.
/// `revision` and `source` are expressions over the object, named by the closure's argument.
macro_rules! flux_kind {
    ($ty:ty, $controller:literal, $role:ident, [$($word:literal),+], $about:literal,
     revision: |$r:ident| $revision:expr, source: |$s:ident| $source:expr) => {
        impl $crate::kinds::FluxObject for $ty {
            const CONTROLLER: &'static str = $controller;
            const ROLE: $crate::kinds::Role = $crate::kinds::Role::$role;
            const WORDS: &'static [&'static str] = &[$($word),+];
            const ABOUT: &'static str = $about;

            fn conditions(&self) -> &[k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition] {
                self.status.as_ref().map_or(&[], |s| &s.conditions)
            }
            fn observed_generation(&self) -> Option<i64> {
                self.status.as_ref()?.observed_generation
            }
            fn revision(&self) -> Option<std::borrow::Cow<'_, str>> {
                let $r = self;
                $revision
            }
            fn attempted_revision(&self) -> Option<&str> {
                None
            }
            fn last_handled_reconcile_at(&self) -> Option<&str> {
                self.status.as_ref()?.last_handled_reconcile_at.as_deref()
            }
            fn suspended(&self) -> bool {
                self.spec.suspend
            }
            fn source(&self) -> Option<$crate::kinds::ObjectRef> {
                let $s = self;
                $source
            }
        }
    };
}

/// How every source kind reads: run by source-controller, its revision is its stored
/// artifact's.
macro_rules! source_kind {
    ($ty:ty, $word:literal, $about:literal, |$object:ident| $source:expr) => {
        flux_kind!($ty, "source-controller", Source, [$word], $about,
            revision: |o| Some(std::borrow::Cow::Borrowed(o.status.as_ref()?.artifact.as_ref()?.revision.as_str())),
            source: |$object| $source);
    };
}

/// The registry: one line per file of kinds, `mod file { Kind = rank, ... }`, which declares
/// the module and its kinds. Each kind's name is its type's name in that module (a unit test
/// checks it against the type); its rank is where flux's reports (`flux stats`) list it.
macro_rules! registry {
    ($(mod $module:ident { $($kind:ident = $rank:literal),+ $(,)? })+) => {
        $(pub mod $module;)+

        /// Every Flux kind floe manages, in the order `get all` lists them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FluxKind { $($($kind),+),+ }

        impl FluxKind {
            pub const ALL: &'static [FluxKind] = &[$($(FluxKind::$kind),+),+];

            /// Runs `visitor` with this kind's type.
            pub fn visit<V: Visitor>(self, visitor: V) -> V::Output {
                match self { $($(FluxKind::$kind => visitor.visit::<$module::$kind>()),+),+ }
            }

            pub fn kind(self) -> &'static str {
                match self { $($(FluxKind::$kind => stringify!($kind)),+),+ }
            }

            /// Where flux's reports (`flux stats`) list the kind, first 0.
            pub fn report_rank(self) -> u8 {
                match self { $($(FluxKind::$kind => $rank),+),+ }
            }
        }

        $($(impl Registered for $module::$kind {
            const KIND: FluxKind = FluxKind::$kind;
        })+)+
    };
}

registry! {
    mod source { GitRepository = 0, HelmRepository = 2, OCIRepository = 1, Bucket = 4 }
    mod helm_chart { HelmChart = 3 }
    mod kustomization { Kustomization = 5 }
    mod helm_release { HelmRelease = 6 }
    mod notification { Alert = 7, Provider = 8 }
    mod receiver { Receiver = 9 }
    mod image { ImageRepository = 12, ImagePolicy = 11, ImageUpdateAutomation = 10 }
}

/// The kind's static facts, gathered through one visit.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    pub controller: &'static str,
    /// See [`FluxObject::STATIC`].
    pub fixed: bool,
    pub role: Role,
    pub words: &'static [&'static str],
    pub about: &'static str,
    /// See [`FluxObject::MANAGES`].
    pub manages: Manages,
}

struct FactsOf;
impl Visitor for FactsOf {
    type Output = Facts;
    fn visit<K: FluxObject>(self) -> Facts {
        Facts {
            controller: K::CONTROLLER,
            fixed: K::STATIC,
            role: K::ROLE,
            words: K::WORDS,
            about: K::ABOUT,
            manages: K::MANAGES,
        }
    }
}

struct ApiResourceOf;
impl Visitor for ApiResourceOf {
    type Output = ApiResource;
    fn visit<K: FluxObject>(self) -> ApiResource {
        ApiResource::erase::<K>(&())
    }
}

impl FluxKind {
    pub fn facts(self) -> Facts {
        self.visit(FactsOf)
    }

    /// The controller that reconciles this kind.
    pub fn controller(self) -> &'static str {
        self.facts().controller
    }

    pub fn role(self) -> Role {
        self.facts().role
    }

    /// The API resource, known statically so no discovery round trip is needed.
    pub fn api_resource(self) -> ApiResource {
        self.visit(ApiResourceOf)
    }

    /// The kinds with this role, in registry order.
    pub fn with_role(role: Role) -> impl Iterator<Item = FluxKind> {
        FluxKind::ALL
            .iter()
            .copied()
            .filter(move |k| k.role() == role)
    }

    /// The kind named `kind` exactly as Kubernetes spells it.
    pub fn named(kind: &str) -> Option<FluxKind> {
        FluxKind::ALL.iter().copied().find(|k| k.kind() == kind)
    }

    /// The kind a command-line word names (`git`, `sync`, `hr`), within `role`.
    pub fn by_word(role: Role, word: &str) -> Option<FluxKind> {
        FluxKind::with_role(role).find(|k| k.facts().words.contains(&word))
    }

    /// What to say when the cluster does not serve this kind: which controller brings its CRD.
    pub fn not_installed(self) -> String {
        let controller = self.controller();
        let flag = if EXTRA_COMPONENTS.contains(&controller) {
            format!("floe install --components-extra={controller}")
        } else {
            "floe install".to_string()
        };
        format!(
            "the cluster has no {self} CRD ({}); install {controller} with {flag}",
            self.api_resource().plural
        )
    }

    /// The word the command line names the kind by (`git`, `sync`, `helmrelease`).
    pub fn word(self) -> &'static str {
        self.facts().words[0]
    }
}

impl fmt::Display for FluxKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind())
    }
}

/// One Flux object in the cluster, by kind, namespace and name; shown as `Kind ns/name`. Its
/// namespace and name are validated types: a reference read from a cluster object is parsed
/// with [`ObjectRef::parse`] before it can name a request path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectRef {
    pub kind: FluxKind,
    pub namespace: Namespace,
    pub name: ObjectName,
}

impl fmt::Display for ObjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}/{}", self.kind, self.namespace, self.name)
    }
}

impl ObjectRef {
    pub fn new(kind: FluxKind, namespace: &Namespace, name: &ObjectName) -> Self {
        ObjectRef {
            kind,
            namespace: namespace.clone(),
            name: name.clone(),
        }
    }

    /// A reference from strings a cluster object or a file holds, checked as the API server
    /// checks them.
    pub fn parse(kind: FluxKind, namespace: &str, name: &str) -> Result<Self, InvalidName> {
        Ok(ObjectRef {
            kind,
            namespace: Namespace::parse(&format!("namespace of a {kind}"), namespace)?,
            name: ObjectName::parse(&format!("name of a {kind}"), name)?,
        })
    }

    /// A reference by the kind's Kubernetes name, as a cluster object's spec names it; None
    /// for a kind floe does not know, or a namespace or name no object can have.
    pub fn named(kind: &str, namespace: &str, name: &str) -> Option<Self> {
        FluxKind::named(kind).and_then(|kind| ObjectRef::parse(kind, namespace, name).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct KindOf;
    impl Visitor for KindOf {
        type Output = String;
        fn visit<K: FluxObject>(self) -> String {
            K::kind(&()).to_string()
        }
    }

    #[test]
    fn registry_names_match_the_types_and_words_are_unique_per_role() {
        for kind in FluxKind::ALL {
            assert_eq!(kind.kind(), kind.visit(KindOf));
            assert!(!kind.facts().words.is_empty(), "{kind} has no words");
            for word in kind.facts().words {
                assert_eq!(FluxKind::by_word(kind.role(), word), Some(*kind), "{word}");
            }
        }
        assert_eq!(
            FluxKind::with_role(Role::Source)
                .map(FluxKind::word)
                .take(4)
                .collect::<Vec<_>>(),
            ["git", "helm", "oci", "bucket"]
        );
        assert_eq!(FluxKind::Kustomization.controller(), "kustomize-controller");
        let ar = FluxKind::GitRepository.api_resource();
        assert_eq!(
            (ar.plural.as_str(), ar.group.as_str()),
            ("gitrepositories", "source.toolkit.fluxcd.io")
        );
    }
}
