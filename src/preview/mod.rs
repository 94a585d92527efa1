//! Preview before merge: what a sync would apply from a local checkout (`floe build sync`)
//! and what that would change on the cluster (`floe diff sync`).
//!
//! The build is kustomize-controller's: the kustomize executable ([`engine`]) over a scratch
//! copy of the checkout, with the kustomization the controller would generate or amend
//! ([`generator`], [`ignore`]), then `postBuild` substitution ([`substitute`], [`envsubst`]),
//! the sync's labels and `commonMetadata`, and SOPS values masked ([`mask`]).

pub mod diff;
pub mod engine;
pub mod envsubst;
pub mod generator;
pub mod ignore;
pub mod mask;
pub mod substitute;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kube::Api;
use serde::Deserialize;
use serde_json::Value;

use crate::cluster::{Cluster, ClusterError};
use crate::kinds::{FluxKind, Namespace, ObjectName, ObjectRef};
use crate::lifecycle::{self, ScratchDir};
use crate::objects::ObjectError;
use engine::{EngineError, Kustomize};
use substitute::Variables;

const SYNC_GROUP: &str = "kustomize.toolkit.fluxcd.io";
const NAME_LABEL: &str = "kustomize.toolkit.fluxcd.io/name";
const NAMESPACE_LABEL: &str = "kustomize.toolkit.fluxcd.io/namespace";

/// What to build, and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub name: ObjectName,
    pub namespace: Namespace,
    /// The directory of the checkout the sync's `spec.path` names.
    pub path: PathBuf,
    /// Read the sync from this file instead of (or, without `dry_run`, before) the cluster.
    pub kustomization_file: Option<PathBuf>,
    pub ignore_paths: Vec<String>,
    /// No cluster: the sync from the file, no `substituteFrom`.
    pub dry_run: bool,
    pub strict_substitute: bool,
    pub recursive: bool,
    /// `Kind/namespace/name` of a source → the local directory holding its content.
    pub local_sources: BTreeMap<String, PathBuf>,
    pub kustomize: Kustomize,
    /// Substitute Secrets' own values (for a server-side dry run; never for printing).
    pub reveal_secrets: bool,
    /// With `--recursive`: the syncs (`namespace/name`) whose builds hold this one.
    pub parents: Vec<String>,
}

/// How deeply `--recursive` follows syncs that hold syncs.
const MAX_NESTING: usize = 16;

#[derive(Debug, thiserror::Error)]
pub enum PreviewError {
    #[error(
        "sync {namespace}/{name} not found on the cluster; list them with floe get syncs, or build from a file with --kustomization-file"
    )]
    NotFound { namespace: String, name: String },
    #[error(
        "no Kustomization {name} in namespace {namespace} in {file}; check the name, -n and the file"
    )]
    NotInFile {
        name: String,
        namespace: String,
        file: String,
    },
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} is outside the repository {root}; the controller reads only inside its source")]
    Outside { path: String, root: String },
    #[error(
        "cannot get local path for {source_key} of sync {sync}; give it with --local-sources {source_key}=DIR"
    )]
    NoLocalSource { source_key: String, sync: String },
    #[error("substitute from '{reference}' error: {reason}")]
    SubstituteFrom { reference: String, reason: String },
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Generate(#[from] generator::GenerateError),
    #[error(transparent)]
    Ignore(#[from] ignore::BadPattern),
    #[error(transparent)]
    Substitute(#[from] substitute::SubstituteError),
    #[error(transparent)]
    Object(Box<ObjectError>),
    #[error(transparent)]
    Cluster(#[from] ClusterError),
    #[error(transparent)]
    Apply(Box<crate::cluster::apply::ApplyError>),
    #[error("{0}")]
    Interrupted(String),
    #[error("{0}")]
    Server(String),
    #[error(
        "sync {sync} holds itself through {chain}; --recursive follows each sync once, at most {MAX_NESTING} deep: fix the loop in the repository"
    )]
    Cycle { sync: String, chain: String },
}

impl From<ObjectError> for PreviewError {
    fn from(err: ObjectError) -> Self {
        PreviewError::Object(Box::new(err))
    }
}

impl From<crate::cluster::apply::ApplyError> for PreviewError {
    fn from(err: crate::cluster::apply::ApplyError) -> Self {
        PreviewError::Apply(Box::new(err))
    }
}

/// One sync's build.
#[derive(Debug, Clone)]
pub struct Built {
    /// The sync as read (from the cluster or the file), status included.
    pub sync: Value,
    /// What it would apply, in the engine's order.
    pub objects: Vec<Value>,
    /// Values from Secrets that went into `objects` (empty unless revealed), to mask in output.
    pub secret_values: Vec<String>,
    /// With `--recursive`: the syncs among `objects`, each built from its source's directory.
    pub children: Vec<Built>,
}

impl Built {
    /// Every object, the children's after the sync's own, depth first (what `flux build
    /// --recursive` prints).
    pub fn all_objects(&self) -> Vec<&Value> {
        let mut all: Vec<&Value> = self.objects.iter().collect();
        for child in &self.children {
            all.extend(child.all_objects());
        }
        all
    }

    /// `namespace/name` of the sync.
    pub fn sync_name(&self) -> String {
        format!(
            "{}/{}",
            self.sync["metadata"]["namespace"]
                .as_str()
                .unwrap_or_default(),
            self.sync["metadata"]["name"].as_str().unwrap_or_default()
        )
    }
}

/// Builds the sync `opts.name` from `opts.path` as kustomize-controller would.
pub async fn build(cluster: Option<&Cluster>, opts: &BuildOptions) -> Result<Built, PreviewError> {
    let sync = read_sync(cluster, opts, None).await?;
    build_sync(cluster, opts, sync, &opts.path).await
}

fn build_sync<'a>(
    cluster: Option<&'a Cluster>,
    opts: &'a BuildOptions,
    sync: Value,
    path: &'a Path,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Built, PreviewError>> + Send + 'a>> {
    Box::pin(async move {
        let spec = sync["spec"].clone();
        let namespace = sync["metadata"]["namespace"]
            .as_str()
            .unwrap_or(opts.namespace.as_str())
            .to_string();
        let name = sync["metadata"]["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let shown = path.display().to_string();
        let output = render(opts, path, &shown, &spec).await?;
        let mut objects = Vec::new();
        let post_build = spec.get("postBuild").filter(|p| !p.is_null());
        let vars = match post_build {
            Some(post_build) => variables(cluster, !opts.dry_run, &namespace, post_build).await?,
            None => Variables::default(),
        };
        for document in serde_yaml::Deserializer::from_str(&output) {
            let mut object = Value::deserialize(document).map_err(|e| EngineError::Failed {
                path: shown.clone(),
                reason: format!("its output is not YAML: {e}"),
            })?;
            if object.is_null() {
                continue;
            }
            if post_build.is_some()
                && let Some(substituted) = substitute::substitute(
                    &object,
                    &vars,
                    opts.strict_substitute,
                    opts.reveal_secrets,
                )?
            {
                object = substituted;
            }
            set_map_entry(&mut object, "labels", NAME_LABEL, &name);
            set_map_entry(&mut object, "labels", NAMESPACE_LABEL, &namespace);
            mask::mask_sops(&mut object);
            objects.extend(expand(object));
        }
        if let Some(meta) = spec.get("commonMetadata") {
            for object in &mut objects {
                for field in ["labels", "annotations"] {
                    for (key, value) in meta[field].as_object().into_iter().flatten() {
                        set_map_entry(object, field, key, value.as_str().unwrap_or_default());
                    }
                }
            }
        }
        // Only revealed values went into the objects, so only they need masking.
        let secret_values = match opts.reveal_secrets {
            true => vars.secret_values().iter().map(|v| v.to_string()).collect(),
            false => Vec::new(),
        };
        let mut children = Vec::new();
        if opts.recursive {
            for object in &objects {
                let itself = object["metadata"]["name"].as_str() == Some(name.as_str())
                    && object["metadata"]["namespace"]
                        .as_str()
                        .unwrap_or(&namespace)
                        == namespace;
                if is_sync(object) && !itself {
                    children.push(child_build(cluster, opts, object, &name).await?);
                }
            }
        }
        Ok(Built {
            sync,
            objects,
            secret_values,
            children,
        })
    })
}

fn is_sync(object: &Value) -> bool {
    object["apiVersion"]
        .as_str()
        .is_some_and(|v| v.starts_with(&format!("{SYNC_GROUP}/")))
        && object["kind"].as_str() == Some("Kustomization")
}

/// A sync the parent's build contains, built from the local directory of its source.
async fn child_build(
    cluster: Option<&Cluster>,
    opts: &BuildOptions,
    child: &Value,
    parent: &str,
) -> Result<Built, PreviewError> {
    let namespace = child["metadata"]["namespace"]
        .as_str()
        .unwrap_or(opts.namespace.as_str());
    let name = child["metadata"]["name"].as_str().unwrap_or_default();
    let source = &child["spec"]["sourceRef"];
    let source_namespace = source["namespace"].as_str().unwrap_or(namespace);
    let kind = source["kind"].as_str().unwrap_or_default();
    let source_name = source["name"].as_str().unwrap_or_default();
    let key = match source_namespace {
        "" => format!("{kind}/{source_name}"),
        ns => format!("{kind}/{ns}/{source_name}"),
    };
    let Some(root) = opts.local_sources.get(&key) else {
        return Err(PreviewError::NoLocalSource {
            source_key: key,
            sync: format!("{namespace}/{name}"),
        });
    };
    let relative = child["spec"]["path"].as_str().unwrap_or_default();
    let path = normalize(&root.join(relative.trim_start_matches('/')));
    if !path.starts_with(normalize(root)) {
        return Err(PreviewError::Outside {
            path: format!("spec.path {relative} of sync {namespace}/{name}"),
            root: root.display().to_string(),
        });
    }
    let id = format!("{namespace}/{name}");
    let mut parents = opts.parents.clone();
    parents.push(format!("{}/{}", opts.namespace, opts.name));
    if parents.contains(&id) || parents.len() > MAX_NESTING {
        return Err(PreviewError::Cycle {
            sync: id,
            chain: parents.join(" → "),
        });
    }
    let child_opts = BuildOptions {
        parents,
        namespace: Namespace::parse("namespace", namespace).map_err(|e| PreviewError::Read {
            path: format!("the namespace of sync {name} built by {parent}"),
            reason: e.to_string(),
        })?,
        name: ObjectName::parse("name", name).map_err(|e| PreviewError::Read {
            path: format!("a sync built by {parent}"),
            reason: e.to_string(),
        })?,
        kustomization_file: None,
        ..opts.clone()
    };
    let sync = read_sync(cluster, &child_opts, Some(child)).await?;
    build_sync(cluster, &child_opts, sync, &path).await
}

/// The sync: from the file when one is given, else from the cluster (or `fallback`, the object
/// a parent built, when the cluster has none).
async fn read_sync(
    cluster: Option<&Cluster>,
    opts: &BuildOptions,
    fallback: Option<&Value>,
) -> Result<Value, PreviewError> {
    let live = match (cluster, opts.dry_run) {
        (Some(cluster), false) => {
            let target = ObjectRef {
                kind: FluxKind::Kustomization,
                namespace: opts.namespace.clone(),
                name: opts.name.clone(),
            };
            match target.fetch(cluster).await {
                Ok(object) => {
                    Some(serde_json::to_value(object).expect("a Kubernetes object is JSON"))
                }
                Err(ObjectError::NotFound { .. }) => None,
                Err(e) => return Err(e.into()),
            }
        }
        _ => None,
    };
    if let Some(file) = &opts.kustomization_file {
        let mut local = sync_in_file(file, opts)?;
        if let Some(status) = live
            .as_ref()
            .map(|l| &l["status"])
            .filter(|s| !s["inventory"].is_null())
        {
            local["status"] = status.clone();
        }
        return Ok(local);
    }
    match (live, fallback) {
        (Some(live), _) => Ok(live),
        (None, Some(built)) => Ok(built.clone()),
        (None, None) => Err(PreviewError::NotFound {
            namespace: opts.namespace.to_string(),
            name: opts.name.to_string(),
        }),
    }
}

/// The first Kustomization in `file` with the name, in the namespace or with none.
fn sync_in_file(file: &Path, opts: &BuildOptions) -> Result<Value, PreviewError> {
    let shown = file.display().to_string();
    let text = std::fs::read_to_string(file).map_err(|e| PreviewError::Read {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    for document in serde_yaml::Deserializer::from_str(&text) {
        let object = Value::deserialize(document).map_err(|e| PreviewError::Read {
            path: shown.clone(),
            reason: e.to_string(),
        })?;
        let namespace = object["metadata"]["namespace"].as_str().unwrap_or_default();
        if is_sync(&object)
            && object["metadata"]["name"].as_str() == Some(opts.name.as_str())
            && (namespace.is_empty() || namespace == opts.namespace.as_str())
        {
            return Ok(object);
        }
    }
    Err(PreviewError::NotInFile {
        name: opts.name.to_string(),
        namespace: opts.namespace.to_string(),
        file: shown,
    })
}

/// The final variables of a live sync's `postBuild` (its `substituteFrom` ConfigMaps and
/// Secrets read from the cluster, then the inline `substitute`), as kustomize-controller
/// computes them; `None` when the sync has no `postBuild`.
pub async fn sync_variables(
    cluster: &Cluster,
    sync: &Value,
) -> Result<Option<Variables>, PreviewError> {
    let post_build = &sync["spec"]["postBuild"];
    if post_build.is_null() {
        return Ok(None);
    }
    let namespace = sync["metadata"]["namespace"].as_str().unwrap_or_default();
    variables(Some(cluster), true, namespace, post_build)
        .await
        .map(Some)
}

/// The variables of `postBuild`: `substituteFrom` in order (when `from_cluster`; not in a dry
/// run), then the inline `substitute`.
async fn variables(
    cluster: Option<&Cluster>,
    from_cluster: bool,
    namespace: &str,
    post_build: &Value,
) -> Result<Variables, PreviewError> {
    let mut vars = Variables {
        always: post_build["substituteStrategy"].as_str() == Some("Always"),
        ..Variables::default()
    };
    if let (Some(cluster), true) = (cluster, from_cluster) {
        for reference in post_build["substituteFrom"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let kind = reference["kind"].as_str().unwrap_or_default();
            let name = reference["name"].as_str().unwrap_or_default();
            let optional = reference["optional"].as_bool().unwrap_or(false);
            let failed = |reason: String| PreviewError::SubstituteFrom {
                reference: format!("{kind}/{name}"),
                reason,
            };
            let secret = match kind {
                "ConfigMap" => false,
                "Secret" => true,
                _ => continue,
            };
            let data = crate::objects::text_data(cluster, secret, namespace, name)
                .await
                .map_err(|e| failed(e.to_string()))?;
            match data {
                Some(data) => substitute::add_source(&mut vars, data, kind == "Secret"),
                None if optional => {}
                None => return Err(failed(format!("{kind} {namespace}/{name} not found"))),
            }
        }
    }
    let inline: BTreeMap<String, String> = post_build["substitute"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), generator::scalar(v).unwrap_or_default()))
        .collect();
    substitute::add_source(&mut vars, inline, false);
    substitute::finish(&mut vars)?;
    Ok(vars)
}

/// `kustomize build` of a scratch copy of the checkout, its kustomization generated or
/// amended first.
async fn render(
    opts: &BuildOptions,
    path: &Path,
    shown: &str,
    spec: &Value,
) -> Result<String, PreviewError> {
    let source = path.to_path_buf();
    let display = shown.to_string();
    let ignore_paths = opts.ignore_paths.clone();
    let spec = spec.clone();
    let prepared = lifecycle::blocking(move || prepare(&source, &display, &spec, &ignore_paths))
        .await
        .map_err(|e| PreviewError::Interrupted(e.to_string()))??;
    let (scratch, dir) = prepared;
    let output = opts
        .kustomize
        .build(&dir, shown, lifecycle::remaining())
        .await;
    drop(scratch);
    Ok(output?)
}

/// The checkout's root: the Git work tree holding `path`; outside Git, the current directory
/// when it holds `path` (as `flux build` reads from it), else `path` itself.
fn root_of(path: &Path) -> PathBuf {
    let git = git2::Repository::discover(path)
        .ok()
        .and_then(|repo| repo.workdir().map(Path::to_path_buf))
        .and_then(|root| root.canonicalize().ok());
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok())
        .filter(|d| path.starts_with(d) && d.parent().is_some());
    git.or(cwd).unwrap_or_else(|| path.to_path_buf())
}

fn prepare(
    path: &Path,
    shown: &str,
    spec: &Value,
    ignore_paths: &[String],
) -> Result<(ScratchDir, PathBuf), PreviewError> {
    let read_error = |p: &Path, e: std::io::Error| PreviewError::Read {
        path: p.display().to_string(),
        reason: e.to_string(),
    };
    let path = path.canonicalize().map_err(|e| read_error(path, e))?;
    if !path.is_dir() {
        return Err(PreviewError::Read {
            path: shown.to_string(),
            reason: "not a directory".into(),
        });
    }
    let mut root = root_of(&path);
    if !path.starts_with(&root) {
        // A work tree set elsewhere (core.worktree): the path alone.
        root = path.clone();
    }
    let scratch = ScratchDir::new("floe-build-")
        .map_err(|e| read_error(Path::new("a scratch directory"), e))?;
    let copy_root = scratch.path().join("repository");
    let mut budget = MAX_CHECKOUT;
    copy_tree(&root, &copy_root, &mut budget)?;
    let dir = copy_root.join(path.strip_prefix(&root).unwrap_or(Path::new("")));
    let rules = ignore::IgnoreRules::load(&dir, ignore_paths)?;
    generator::write(&dir, shown, spec, &rules)?;
    generator::check_paths(&copy_root, &root)?;
    Ok((scratch, dir))
}

/// The most floe copies of a checkout to build it.
const MAX_CHECKOUT: u64 = 512 * 1024 * 1024;

/// Copies the directory `from` to `to`: directories and regular files, as source-controller
/// packs a source (`.git` and symbolic links left out), at most `budget` bytes.
fn copy_tree(from: &Path, to: &Path, budget: &mut u64) -> Result<(), PreviewError> {
    let io = |p: &Path, e: std::io::Error| PreviewError::Read {
        path: p.display().to_string(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(to).map_err(|e| io(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| io(from, e))?.flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        let kind = entry.file_type().map_err(|e| io(&path, e))?;
        if kind.is_dir() && entry.file_name() != ".git" {
            copy_tree(&path, &target, budget)?;
        } else if kind.is_file() {
            let size = entry.metadata().map_err(|e| io(&path, e))?.len();
            *budget = budget.checked_sub(size).ok_or_else(|| PreviewError::Read {
                path: from.display().to_string(),
                reason: format!(
                    "the checkout holds more than {} MiB; build from a smaller checkout",
                    MAX_CHECKOUT / 1024 / 1024
                ),
            })?;
            std::fs::copy(&path, &target).map_err(|e| io(&path, e))?;
        }
    }
    Ok(())
}

/// Sets `metadata.<field>.<key>` (creating the map).
fn set_map_entry(object: &mut Value, field: &str, key: &str, value: &str) {
    let Some(object) = object.as_object_mut() else {
        return;
    };
    let metadata = object
        .entry("metadata")
        .or_insert_with(|| Value::Object(Default::default()));
    let Some(metadata) = metadata.as_object_mut() else {
        return;
    };
    let map = metadata
        .entry(field)
        .or_insert_with(|| Value::Object(Default::default()));
    if let Some(map) = map.as_object_mut() {
        map.insert(key.to_string(), Value::String(value.to_string()));
    }
}

/// The objects a built document holds: a `...List`'s items, else itself; objects without an
/// apiVersion, kind or name and kustomize's own configuration left out.
fn expand(object: Value) -> Vec<Value> {
    let items = match (object["kind"].as_str(), object.get("items")) {
        (Some(kind), Some(Value::Array(items))) if kind.ends_with("List") => items.clone(),
        _ => vec![object],
    };
    items
        .into_iter()
        .filter(|o| {
            let present = |v: &Value| v.as_str().is_some_and(|s| !s.is_empty());
            present(&o["apiVersion"])
                && present(&o["kind"])
                && present(&o["metadata"]["name"])
                && !o["apiVersion"]
                    .as_str()
                    .is_some_and(|v| v.starts_with("kustomize.config.k8s.io"))
        })
        .collect()
}

/// A sync whose `spec.path` lies under a change set's directory.
#[derive(Debug, Clone)]
pub struct SyncUnder {
    pub namespace: Namespace,
    pub name: ObjectName,
    /// Its path in the checkout.
    pub path: PathBuf,
}

/// A Git URL reduced to host and path, so `https://host/o/r.git`, `ssh://git@host/o/r` and
/// `git@host:o/r.git` compare equal.
fn repository_key(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    let rest = match url.contains("://") {
        true => rest.to_string(),
        false => rest.replacen(':', "/", 1),
    };
    let (host, path) = rest.split_once('/').unwrap_or((&rest, ""));
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    format!(
        "{host}/{}",
        path.trim_end_matches('/').trim_end_matches(".git")
    )
}

/// The syncs (in `namespace`, or all) applying a path under `prefix` from the repository
/// checked out there: their GitRepository's URL is one of the checkout's remotes (any, when it
/// has none), and their `spec.path` lies under `prefix`.
pub async fn syncs_under(
    cluster: &Cluster,
    prefix: &Path,
    namespace: Option<&str>,
) -> Result<Vec<SyncUnder>, PreviewError> {
    use crate::kinds::kustomization::Kustomization;
    use crate::kinds::source::GitRepository;
    let read_error = |reason: String| PreviewError::Read {
        path: prefix.display().to_string(),
        reason,
    };
    let prefix_path = prefix.to_path_buf();
    let (prefix, root, remotes) = lifecycle::blocking(move || checkout_of(&prefix_path))
        .await
        .map_err(|e| PreviewError::Interrupted(e.to_string()))?
        .map_err(read_error)?;
    let api = match namespace {
        Some(ns) => Api::<Kustomization>::namespaced(cluster.client.clone(), ns),
        None => Api::<Kustomization>::all(cluster.client.clone()),
    };
    let mut syncs = Vec::new();
    crate::cluster::each_page(&api, Default::default(), |sync| syncs.push(sync))
        .await
        .map_err(|e| cluster.explain(e))?;
    let mut urls: BTreeMap<(String, String), Option<String>> = BTreeMap::new();
    let mut found = Vec::new();
    for sync in syncs {
        let sync_namespace = sync.metadata.namespace.clone().unwrap_or_default();
        let source = &sync.spec.source_ref;
        if source.kind != "GitRepository" {
            continue;
        }
        if !remotes.is_empty() {
            let source_namespace = source
                .namespace
                .clone()
                .unwrap_or_else(|| sync_namespace.clone());
            let key = (source_namespace, source.name.clone());
            if !urls.contains_key(&key) {
                let url = Api::<GitRepository>::namespaced(cluster.client.clone(), &key.0)
                    .get_opt(&key.1)
                    .await
                    .map_err(|e| cluster.explain(e))?
                    .map(|g| repository_key(&g.spec.url));
                urls.insert(key.clone(), url);
            }
            if !urls[&key].as_ref().is_some_and(|u| remotes.contains(u)) {
                continue;
            }
        }
        let relative = sync.spec.path.as_deref().unwrap_or("./");
        let path = normalize(&root.join(relative.trim_start_matches('/')));
        if !path.starts_with(&prefix) || !path.starts_with(&root) {
            continue;
        }
        let (Ok(namespace), Ok(name)) = (
            Namespace::parse("namespace", &sync_namespace),
            ObjectName::parse("name", sync.metadata.name.as_deref().unwrap_or_default()),
        ) else {
            continue;
        };
        found.push(SyncUnder {
            namespace,
            name,
            path,
        });
    }
    found.sort_by(|a, b| {
        (a.namespace.as_str(), a.name.as_str()).cmp(&(b.namespace.as_str(), b.name.as_str()))
    });
    Ok(found)
}

/// The checkout holding `prefix`: the prefix and the work tree's root, canonical, and its
/// remotes' repository keys.
fn checkout_of(prefix: &Path) -> Result<(PathBuf, PathBuf, Vec<String>), String> {
    let prefix = prefix.canonicalize().map_err(|e| e.to_string())?;
    let repo = git2::Repository::discover(&prefix).map_err(|_| {
        "not inside a Git checkout; give the checkout of the syncs' source".to_string()
    })?;
    let root = repo
        .workdir()
        .and_then(|w| w.canonicalize().ok())
        .ok_or_else(|| "a bare repository has no files to build".to_string())?;
    let mut remotes = Vec::new();
    let names = repo.remotes().map_err(|e| e.message().to_string())?;
    for name in names.iter().flatten().flatten() {
        if let Ok(remote) = repo.find_remote(name)
            && let Ok(url) = remote.url()
        {
            remotes.push(repository_key(url));
        }
    }
    Ok((prefix, root, remotes))
}

/// The regular files under `dir` (`.git` left out) with one of `names`.
fn files_named(dir: &Path, names: &[&str], found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        if kind.is_dir() && name != ".git" {
            files_named(&entry.path(), names, found);
        } else if kind.is_file() && name.to_str().is_some_and(|n| names.contains(&n)) {
            found.push(entry.path());
        }
    }
}

/// `path` with `.` and `..` resolved lexically.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repository_urls_compare_by_host_and_path() {
        let key = repository_key("https://github.com/org/fleet.git");
        assert_eq!(key, "github.com/org/fleet");
        for same in [
            "ssh://git@github.com/org/fleet",
            "git@github.com:org/fleet.git",
            "https://user@GitHub.com:443/org/fleet/",
        ] {
            assert_eq!(repository_key(same), key, "{same}");
        }
        assert_ne!(repository_key("https://github.com/org/other"), key);
    }
}
