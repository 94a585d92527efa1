//! The kustomization.yaml kustomize-controller builds a sync's path with: the directory's own
//! (`kustomization.yaml`, `kustomization.yml` or `Kustomization`), or one generated listing
//! every manifest under it; then the sync's `targetNamespace`, `namePrefix`, `nameSuffix`,
//! `patches`, `components`, `images` and `buildMetadata` written into it, as
//! fluxcd/pkg/kustomize's generator does. Always on a copy: the user's files are not touched.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::ignore::IgnoreRules;
use super::normalize;

/// The names kustomize reads a directory's kustomization from, in the order they are tried.
pub const KUSTOMIZATION_FILES: &[&str] =
    &["kustomization.yaml", "kustomization.yml", "Kustomization"];

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("failed to decode Kubernetes YAML from {path}: {reason}")]
    NotKubernetes { path: String, reason: String },
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} is not a kustomization: {reason}")]
    BadKustomization { path: String, reason: String },
    #[error("component path '{0}' must be local and relative")]
    RemoteComponent(String),
    #[error("{entry} listed in {path} does not exist")]
    Missing { entry: String, path: String },
}

/// The kustomization file in `dir`, if it has one.
pub fn kustomization_file(dir: &Path) -> Option<PathBuf> {
    KUSTOMIZATION_FILES
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
}

/// Writes the kustomization the controller would build `dir` with (`shown` is how the user
/// knows `dir`, for messages). `spec` is the sync's `spec`.
pub fn write(
    dir: &Path,
    shown: &str,
    spec: &Value,
    rules: &IgnoreRules,
) -> Result<(), GenerateError> {
    let (file, mut kustomization, existed) = match kustomization_file(dir) {
        Some(file) => {
            let text = std::fs::read_to_string(&file).map_err(|e| GenerateError::Read {
                path: shown_path(shown, dir, &file),
                reason: e.to_string(),
            })?;
            let bad = |reason: String| GenerateError::BadKustomization {
                path: shown_path(shown, dir, &file),
                reason,
            };
            let value: Value = serde_yaml::from_str(&text).map_err(|e| bad(e.to_string()))?;
            let value = match value {
                Value::Object(map) => map,
                Value::Null => Map::new(),
                _ => return Err(bad("it is not a YAML mapping".into())),
            };
            (file, value, true)
        }
        None => (
            dir.join("kustomization.yaml"),
            generate(dir, shown, rules)?,
            false,
        ),
    };
    kustomization
        .entry("apiVersion")
        .or_insert_with(|| json!("kustomize.config.k8s.io/v1beta1"));
    kustomization
        .entry("kind")
        .or_insert_with(|| json!("Kustomization"));
    if existed && is_empty_list(kustomization.get("resources")) {
        kustomization.insert("buildMetadata".into(), json!(["originAnnotations"]));
    }
    filter_ignored(dir, shown, &file, &mut kustomization, rules)?;
    overlay(dir, &mut kustomization, spec)?;
    // The controller keeps kustomize's input order unless the kustomization asks for a sort;
    // the kustomize executable sorts by kind unless told otherwise.
    kustomization
        .entry("sortOptions")
        .or_insert_with(|| json!({"order": "fifo"}));
    let text =
        serde_yaml::to_string(&Value::Object(kustomization)).expect("a JSON value is always YAML");
    std::fs::write(&file, text).map_err(|e| GenerateError::Read {
        path: shown_path(shown, dir, &file),
        reason: e.to_string(),
    })
}

/// A scalar as the text Go reads into a string field (`nameSuffix: -2` is "-2").
pub fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn is_empty_list(value: Option<&Value>) -> bool {
    value.and_then(Value::as_array).is_none_or(Vec::is_empty)
}

fn shown_path(shown: &str, dir: &Path, path: &Path) -> String {
    match path.strip_prefix(dir) {
        Ok(rel) => Path::new(shown).join(rel).display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// A kustomization listing every manifest under `dir` in lexical order; a directory with its
/// own kustomization counts as one entry and is not entered.
fn generate(
    dir: &Path,
    shown: &str,
    rules: &IgnoreRules,
) -> Result<Map<String, Value>, GenerateError> {
    let mut resources = Vec::new();
    let filtering = rules.has_patterns();
    walk(dir, dir, shown, rules, filtering, &mut resources)?;
    let mut kustomization = Map::new();
    kustomization.insert(
        "apiVersion".into(),
        json!("kustomize.config.k8s.io/v1beta1"),
    );
    kustomization.insert("kind".into(), json!("Kustomization"));
    if resources.is_empty() {
        // kustomize refuses an empty kustomization; the engine names a placeholder namespace.
        kustomization.insert("namespace".into(), json!("_placeholder"));
    } else {
        kustomization.insert("resources".into(), json!(resources));
    }
    Ok(kustomization)
}

fn walk(
    root: &Path,
    dir: &Path,
    shown: &str,
    rules: &IgnoreRules,
    filtering: bool,
    resources: &mut Vec<String>,
) -> Result<(), GenerateError> {
    let read_error = |path: &Path, e: std::io::Error| GenerateError::Read {
        path: shown_path(shown, root, path),
        reason: e.to_string(),
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| read_error(dir, e))?
        .flatten()
        .collect();
    // Go's filepath.Walk order: names compared as bytes.
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| read_error(&path, e))?;
        let relative = format!(
            "./{}",
            path.strip_prefix(root).expect("under the root").display()
        );
        if kind.is_dir() {
            if filtering && rules.ignored(&path, true) {
                continue;
            }
            if kustomization_file(&path).is_some() {
                resources.push(relative);
            } else {
                walk(root, &path, shown, rules, filtering, resources)?;
            }
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str());
        if !matches!(ext, Some("yaml" | "yml")) {
            continue;
        }
        if filtering && rules.ignored(&path, false) {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| read_error(&path, e))?;
        check_kubernetes(&text).map_err(|reason| GenerateError::NotKubernetes {
            path: shown_path(shown, root, &path),
            reason,
        })?;
        resources.push(relative);
    }
    Ok(())
}

/// Every document of a manifest file is a Kubernetes object: it has a kind and a name (a
/// `...List` needs no name).
fn check_kubernetes(text: &str) -> Result<(), String> {
    for document in serde_yaml::Deserializer::from_str(text) {
        let value = Value::deserialize(document).map_err(|e| e.to_string())?;
        let object = match value {
            Value::Null => continue,
            Value::Object(object) => object,
            _ => return Err("a document is not a YAML mapping".into()),
        };
        let kind = object
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if kind.is_empty() {
            return Err("missing kind".into());
        }
        let named = object
            .get("metadata")
            .and_then(|m| m.get("name"))
            .and_then(Value::as_str)
            .is_some_and(|n| !n.is_empty());
        if !named && !kind.ends_with("List") {
            return Err(format!("a {kind} without metadata.name"));
        }
    }
    Ok(())
}

fn is_url(entry: &str) -> bool {
    let lower = entry.to_ascii_lowercase();
    [
        "git::",
        "gh:",
        "ssh://",
        "https://",
        "http://",
        "git@",
        "github.com:",
        "github.com/",
    ]
    .iter()
    .any(|p| lower.starts_with(p) && lower.len() > p.len())
}

/// Drops the `resources`, `components` and `crds` entries the ignore rules leave out; a local
/// entry that does not exist is an error, as in the engine.
fn filter_ignored(
    dir: &Path,
    shown: &str,
    file: &Path,
    kustomization: &mut Map<String, Value>,
    rules: &IgnoreRules,
) -> Result<(), GenerateError> {
    for field in ["resources", "components", "crds"] {
        let Some(Value::Array(entries)) = kustomization.get_mut(field) else {
            continue;
        };
        let mut kept = Vec::new();
        for entry in entries.drain(..) {
            let Some(text) = entry.as_str() else {
                kept.push(entry);
                continue;
            };
            if field != "crds" && is_url(text) {
                kept.push(entry);
                continue;
            }
            let path = dir.join(text);
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                return Err(GenerateError::Missing {
                    entry: text.to_string(),
                    path: shown_path(shown, dir, file),
                });
            };
            let normal = normalize(&path);
            if normal.starts_with(dir) && rules.ignored(&normal, meta.is_dir()) {
                continue;
            }
            kept.push(entry);
        }
        *entries = kept;
    }
    Ok(())
}

fn push_all(kustomization: &mut Map<String, Value>, field: &str, items: Vec<Value>) {
    if items.is_empty() {
        return;
    }
    let list = kustomization
        .entry(field)
        .or_insert_with(|| Value::Array(Vec::new()));
    if !list.is_array() {
        *list = Value::Array(Vec::new());
    }
    list.as_array_mut().expect("an array").extend(items);
}

/// The sync's own fields, written into the kustomization in the engine's order.
fn overlay(
    dir: &Path,
    kustomization: &mut Map<String, Value>,
    spec: &Value,
) -> Result<(), GenerateError> {
    for (from, to) in [
        ("targetNamespace", "namespace"),
        ("namePrefix", "namePrefix"),
        ("nameSuffix", "nameSuffix"),
    ] {
        if let Some(value) = spec.get(from).and_then(scalar) {
            kustomization.insert(to.into(), json!(value));
        }
    }
    let patches = spec
        .get("patches")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|p| {
            let mut patch = Map::new();
            patch.insert(
                "patch".into(),
                json!(p.get("patch").and_then(scalar).unwrap_or_default()),
            );
            if let Some(target) = p.get("target").filter(|t| !t.is_null()) {
                let mut selector = Map::new();
                for field in [
                    "group",
                    "version",
                    "kind",
                    "name",
                    "namespace",
                    "labelSelector",
                    "annotationSelector",
                ] {
                    if let Some(v) = target.get(field).and_then(scalar).filter(|v| !v.is_empty()) {
                        selector.insert(field.into(), json!(v));
                    }
                }
                patch.insert("target".into(), Value::Object(selector));
            }
            Value::Object(patch)
        })
        .collect();
    push_all(kustomization, "patches", patches);
    let ignore_missing = spec
        .get("ignoreMissingComponents")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let mut components = Vec::new();
    for component in spec
        .get("components")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(path) = scalar(component) else {
            continue;
        };
        let path = path.as_str();
        let local = path.trim_start_matches("file://");
        if is_url(path) || Path::new(local).is_absolute() {
            return Err(GenerateError::RemoteComponent(path.to_string()));
        }
        if ignore_missing && !dir.join(path).exists() {
            continue;
        }
        components.push(json!(path));
    }
    push_all(kustomization, "components", components);
    let strategic = spec
        .get("patchesStrategicMerge")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    push_all(kustomization, "patchesStrategicMerge", strategic);
    let json6902 = spec
        .get("patchesJson6902")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|p| {
            json!({
                "target": p.get("target").cloned().unwrap_or(Value::Null),
                "patch": serde_json::to_string(p.get("patch").unwrap_or(&json!([]))).expect("JSON"),
            })
        })
        .collect();
    push_all(kustomization, "patchesJson6902", json6902);
    for image in spec
        .get("images")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        merge_image(kustomization, image);
    }
    if let Some(meta) = spec
        .get("buildMetadata")
        .and_then(Value::as_array)
        .filter(|m| !m.is_empty())
    {
        kustomization.insert("buildMetadata".into(), Value::Array(meta.clone()));
    }
    Ok(())
}

/// An image override: an entry of the same name is updated (a new tag or digest replaces
/// both), else the override is added.
fn merge_image(kustomization: &mut Map<String, Value>, image: &Value) {
    let field = |name: &str| image.get(name).and_then(scalar).unwrap_or_default();
    let (name, new_name, new_tag, digest) = (
        field("name"),
        field("newName"),
        field("newTag"),
        field("digest"),
    );
    let list = kustomization
        .entry("images")
        .or_insert_with(|| Value::Array(Vec::new()));
    if !list.is_array() {
        *list = Value::Array(Vec::new());
    }
    let list = list.as_array_mut().expect("an array");
    if let Some(existing) = list
        .iter_mut()
        .find(|i| i.get("name").and_then(Value::as_str) == Some(name.as_str()))
        .and_then(Value::as_object_mut)
    {
        if !new_name.is_empty() {
            existing.insert("newName".into(), json!(new_name));
        }
        if !new_tag.is_empty() || !digest.is_empty() {
            for (key, value) in [("newTag", new_tag), ("digest", digest)] {
                if value.is_empty() {
                    existing.remove(key);
                } else {
                    existing.insert(key.into(), json!(value));
                }
            }
        }
        return;
    }
    let mut entry = Map::new();
    entry.insert("name".into(), json!(name));
    for (key, value) in [
        ("newName", new_name),
        ("newTag", new_tag),
        ("digest", digest),
    ] {
        if !value.is_empty() {
            entry.insert(key.into(), json!(value));
        }
    }
    list.push(Value::Object(entry));
}

/// Every kustomization under `copy` (a copy of the checkout at `original`) names files inside
/// it only: kustomize runs without load restrictions, as in the controller, whose file system
/// ends at the source's root; here nothing else would stop a repository's kustomization from
/// reading the machine's files (`resources: [/home/me/.ssh/id_rsa]`) into the output.
pub fn check_paths(copy: &Path, original: &Path) -> Result<(), super::PreviewError> {
    let mut files = Vec::new();
    super::files_named(copy, KUSTOMIZATION_FILES, &mut files);
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(Value::Object(k)) = serde_yaml::from_str::<Value>(&text) else {
            continue;
        };
        let dir = file.parent().unwrap_or(copy);
        let shown = || {
            original
                .join(file.strip_prefix(copy).unwrap_or(&file))
                .display()
                .to_string()
        };
        for entry in path_entries(&k) {
            let outside =
                Path::new(&entry).is_absolute() || !normalize(&dir.join(&entry)).starts_with(copy);
            if outside {
                return Err(super::PreviewError::Outside {
                    path: format!("{entry} (in {})", shown()),
                    root: original.display().to_string(),
                });
            }
        }
    }
    Ok(())
}

/// The local file paths a kustomization names (remote bases and inline patches aside).
fn path_entries(k: &Map<String, Value>) -> Vec<String> {
    let mut paths = Vec::new();
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|s| !s.contains('\n'))
            .map(str::to_string)
            .collect()
    };
    for field in ["resources", "components", "bases"] {
        paths.extend(strings(k.get(field)).into_iter().filter(|p| !is_url(p)));
    }
    for field in [
        "crds",
        "patchesStrategicMerge",
        "configurations",
        "generators",
        "transformers",
        "validators",
    ] {
        paths.extend(strings(k.get(field)));
    }
    for field in ["patches", "patchesJson6902", "replacements"] {
        for item in k.get(field).and_then(Value::as_array).into_iter().flatten() {
            if let Some(p) = item.get("path").and_then(Value::as_str) {
                paths.push(p.to_string());
            }
        }
    }
    for field in ["configMapGenerator", "secretGenerator"] {
        for item in k.get(field).and_then(Value::as_array).into_iter().flatten() {
            for file in strings(item.get("files")) {
                // `key=path` or a path.
                paths.push(
                    file.split_once('=')
                        .map_or(file.clone(), |(_, p)| p.to_string()),
                );
            }
            paths.extend(strings(item.get("envs")));
            if let Some(env) = item.get("env").and_then(Value::as_str) {
                paths.push(env.to_string());
            }
        }
    }
    for item in k
        .get("helmCharts")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(p) = item.get("valuesFile").and_then(Value::as_str) {
            paths.push(p.to_string());
        }
    }
    if let Some(p) = k
        .get("openapi")
        .and_then(|o| o.get("path"))
        .and_then(Value::as_str)
    {
        paths.push(p.to_string());
    }
    if let Some(p) = k
        .get("helmGlobals")
        .and_then(|o| o.get("chartHome"))
        .and_then(Value::as_str)
    {
        paths.push(p.to_string());
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(dir: &Path) -> Value {
        serde_yaml::from_str(&std::fs::read_to_string(dir.join("kustomization.yaml")).unwrap())
            .unwrap()
    }

    #[test]
    fn generates_a_kustomization_listing_manifests_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("b/overlay")).unwrap();
        std::fs::write(d.join("b/overlay/kustomization.yaml"), "resources: []\n").unwrap();
        std::fs::write(d.join("b/z.yml"), "kind: ConfigMap\nmetadata: {name: z}\n").unwrap();
        std::fs::write(d.join("a.yaml"), "---\nkind: List\nitems: []\n---\n").unwrap();
        std::fs::write(d.join("notes.txt"), "not yaml").unwrap();
        let rules = IgnoreRules::load(d, &[]).unwrap();
        write(d, "./apps", &json!({"targetNamespace": "team"}), &rules).unwrap();
        assert_eq!(
            read(d),
            json!({"apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
                   "namespace": "team", "resources": ["./a.yaml", "./b/overlay", "./b/z.yml"],
                   "sortOptions": {"order": "fifo"}})
        );
    }

    #[test]
    fn kustomizations_may_not_name_files_outside_the_checkout() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("copy");
        std::fs::create_dir_all(copy.join("apps/base")).unwrap();
        let write =
            |text: &str| std::fs::write(copy.join("apps/kustomization.yaml"), text).unwrap();
        write(
            "resources: [base, https://github.com/org/repo//x]\nconfigMapGenerator:\n- name: c\n  files: [a=base/x.txt]\n",
        );
        check_paths(&copy, Path::new("/src")).unwrap();
        for bad in [
            "resources: [/etc/passwd]",
            "resources: [../../outside]",
            "configMapGenerator:\n- name: c\n  files: [key=/home/me/.ssh/id_rsa]",
            "secretGenerator:\n- name: s\n  envs: [../../.env]",
            "patches:\n- path: /tmp/p.yaml",
        ] {
            write(bad);
            let err = check_paths(&copy, Path::new("/src"))
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("(in /src/apps/kustomization.yaml) is outside the repository /src"),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn a_file_that_is_not_a_manifest_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("values.yaml"), "replicas: 2\n").unwrap();
        let rules = IgnoreRules::load(dir.path(), &[]).unwrap();
        let err = write(dir.path(), "./apps", &json!({}), &rules).unwrap_err();
        assert_eq!(
            err.to_string(),
            "failed to decode Kubernetes YAML from ./apps/values.yaml: missing kind"
        );
        let rules = IgnoreRules::load(dir.path(), &["values.yaml".into()]).unwrap();
        write(dir.path(), "./apps", &json!({}), &rules).unwrap();
        assert_eq!(read(dir.path())["namespace"], "_placeholder");
    }

    #[test]
    fn the_sync_overlays_an_existing_kustomization() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("comp")).unwrap();
        std::fs::write(
            d.join("kustomization.yaml"),
            "resources: [a.yaml]\nimages: [{name: app, newTag: '1', digest: sha256:x}]\npatches: [{path: p.yaml}]\n",
        )
        .unwrap();
        std::fs::write(d.join("a.yaml"), "kind: ConfigMap\nmetadata: {name: a}\n").unwrap();
        let spec = json!({
            "namePrefix": "p-",
            "patches": [{"patch": "x", "target": {"kind": "Deployment", "name": ""}}],
            "components": ["comp", "gone"],
            "ignoreMissingComponents": true,
            "images": [{"name": "app", "newTag": "2"}, {"name": "db", "newName": "pg"}],
        });
        write(d, ".", &spec, &IgnoreRules::load(d, &[]).unwrap()).unwrap();
        let k = read(d);
        assert_eq!(k["namePrefix"], "p-");
        assert_eq!(
            k["patches"],
            json!([{"path": "p.yaml"}, {"patch": "x", "target": {"kind": "Deployment"}}])
        );
        assert_eq!(k["components"], json!(["comp"]));
        assert_eq!(
            k["images"],
            json!([{"name": "app", "newTag": "2"}, {"name": "db", "newName": "pg"}])
        );
        assert!(k.get("buildMetadata").is_none());
        let err = write(
            d,
            ".",
            &json!({"components": ["https://example.com/c"]}),
            &IgnoreRules::load(d, &[]).unwrap(),
        );
        assert_eq!(
            err.unwrap_err().to_string(),
            "component path 'https://example.com/c' must be local and relative"
        );
    }
}
