//! Every exported object validates against the real Flux CRD schema in ../shared/flux-crds:
//! the same openAPIV3Schema the API server enforces, with unknown fields made errors (the
//! server would silently prune them, which would hide a misspelt field).

use crate::common;
use common::{EXPORT_CASES, floe, flux_crds_dir, require};

use serde_json::{Value, json};
use std::collections::HashMap;

/// Whether ../shared/flux-crds is there; skips (or fails in CI) with the path printed.
fn crds_available() -> bool {
    let dir = flux_crds_dir();
    require(
        dir.join("source.toolkit.fluxcd.io_gitrepositories.yaml")
            .is_file(),
        &format!("the Flux CRDs at {}", dir.display()),
    )
}

/// Turns a Kubernetes structural schema into plain JSON Schema.
fn to_json_schema(node: &mut Value) {
    let Some(map) = node.as_object_mut() else {
        return;
    };
    if map.remove("x-kubernetes-int-or-string") == Some(Value::Bool(true))
        && !map.contains_key("anyOf")
    {
        map.insert(
            "anyOf".into(),
            json!([{"type": "integer"}, {"type": "string"}]),
        );
    }
    if map.remove("nullable") == Some(Value::Bool(true))
        && let Some(Value::String(t)) = map.get("type").cloned()
    {
        map.insert("type".into(), json!([t, "null"]));
    }
    let preserve = map.remove("x-kubernetes-preserve-unknown-fields") == Some(Value::Bool(true));
    map.retain(|k, _| !k.starts_with("x-kubernetes-"));
    if map.contains_key("properties") && !preserve && !map.contains_key("additionalProperties") {
        map.insert("additionalProperties".into(), Value::Bool(false));
    }
    for key in ["properties", "patternProperties"] {
        if let Some(Value::Object(props)) = map.get_mut(key) {
            props.values_mut().for_each(to_json_schema);
        }
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(child) = map.get_mut(key) {
            to_json_schema(child);
        }
    }
    for key in ["anyOf", "allOf", "oneOf"] {
        if let Some(Value::Array(list)) = map.get_mut(key) {
            list.iter_mut().for_each(to_json_schema);
        }
    }
}

/// kind -> JSON Schema of the version floe writes (the registry's; v1 for kinds floe does not
/// know yet), from every CRD file in the directory.
fn load_schemas() -> HashMap<String, Value> {
    let mut schemas = HashMap::new();
    for entry in std::fs::read_dir(flux_crds_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let crd: Value = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let kind = crd["spec"]["names"]["kind"].as_str().unwrap().to_string();
        let written = floe::kinds::FluxKind::named(&kind)
            .map_or("v1".to_string(), |k| k.api_resource().version);
        for version in crd["spec"]["versions"].as_array().unwrap() {
            if version["name"] == written.as_str() {
                let mut schema = version["schema"]["openAPIV3Schema"].clone();
                to_json_schema(&mut schema);
                schemas.insert(kind.clone(), schema);
            }
        }
    }
    schemas
}

fn violations(schema: &Value, object: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("CRD schema compiles");
    validator
        .iter_errors(object)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_exported_object_validates_against_the_flux_crds() {
    if !crds_available() {
        return;
    }
    let schemas = load_schemas();
    for kind in floe::kinds::FluxKind::ALL.iter().map(|k| k.kind()) {
        assert!(
            schemas.contains_key(kind),
            "no v1 schema for {kind} in {}",
            flux_crds_dir().display()
        );
    }
    let mut kinds_seen = std::collections::BTreeSet::new();
    for (name, args) in EXPORT_CASES {
        let out = floe().args(*args).output().unwrap();
        assert!(out.status.success(), "{name}");
        let object: Value =
            serde_yaml::from_str(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
        let kind = object["kind"].as_str().unwrap().to_string();
        let problems = violations(&schemas[&kind], &object);
        assert!(
            problems.is_empty(),
            "{name}: {kind} violates its CRD schema:\n{}",
            problems.join("\n")
        );
        kinds_seen.insert(kind);
    }
    // Every kind `create` writes.
    for kind in [
        "GitRepository",
        "HelmRepository",
        "OCIRepository",
        "Bucket",
        "Kustomization",
        "HelmRelease",
        "HelmChart",
        "Alert",
        "Provider",
        "Receiver",
        "ImageRepository",
        "ImagePolicy",
        "ImageUpdateAutomation",
    ] {
        assert!(
            kinds_seen.contains(kind),
            "{kind} is exported at least once: {kinds_seen:?}"
        );
    }
}

/// The converted schema really rejects what the API server would: a misspelt field, a wrong
/// enum value, a bad duration. Without this the test above could pass by accepting anything.
#[test]
fn the_schema_check_catches_invalid_objects() {
    if !crds_available() {
        return;
    }
    let schemas = load_schemas();
    let good = json!({
        "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
        "metadata": {"name": "x", "namespace": "y"},
        "spec": {"interval": "1m0s", "url": "https://example.com/r", "ref": {"branch": "main"}}
    });
    assert!(violations(&schemas["GitRepository"], &good).is_empty());
    for (pointer, bad) in [
        ("/spec/intervall", json!("1m")),
        ("/spec/interval", json!("1 minute")),
        ("/spec/url", json!("ftp://example.com/r")),
        ("/spec/provider", json!("gitlab")),
        ("/spec/ref/branchh", json!("main")),
    ] {
        let mut object = good.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        object
            .pointer_mut(parent)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert(key.into(), bad);
        assert!(
            !violations(&schemas["GitRepository"], &object).is_empty(),
            "{pointer} must be rejected"
        );
    }
    let mut no_prune = json!({
        "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
        "metadata": {"name": "x"}, "spec": {"interval": "1m0s", "sourceRef": {"kind": "GitRepository", "name": "x"}}
    });
    assert!(
        !violations(&schemas["Kustomization"], &no_prune).is_empty(),
        "prune is required"
    );
    no_prune["spec"]["prune"] = json!(true);
    assert!(violations(&schemas["Kustomization"], &no_prune).is_empty());
}

/// floe's typed resources address the same API as the real CRDs: group, version, plural,
/// namespaced scope, so `kube::Api<K>` reaches the objects Flux serves.
#[test]
fn typed_resources_match_the_crds_names_and_scope() {
    use floe::kinds::{FluxKind, FluxObject, Visitor};
    use kube::Resource;
    if !crds_available() {
        return;
    }
    struct Check;
    impl Visitor for Check {
        type Output = ();
        fn visit<K: FluxObject>(self) {
            check::<K>()
        }
    }
    fn check<K: Resource<DynamicType = (), Scope = k8s_openapi::NamespaceResourceScope>>() {
        let kind = K::kind(&()).to_string();
        let file = format!("{}_{}.yaml", K::group(&()), K::plural(&()));
        let path = flux_crds_dir().join(&file);
        let crd: Value = serde_yaml::from_str(
            &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}")),
        )
        .unwrap();
        assert_eq!(crd["spec"]["names"]["kind"], kind.as_str());
        assert_eq!(crd["spec"]["scope"], "Namespaced", "{kind}");
        let served: Vec<&str> = crd["spec"]["versions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["served"] == true)
            .map(|v| v["name"].as_str().unwrap())
            .collect();
        assert!(
            served.contains(&K::version(&()).as_ref()),
            "{kind} {} is served: {served:?}",
            K::version(&())
        );
    }
    for kind in FluxKind::ALL {
        kind.visit(Check);
    }
}

/// Live objects, as the API server returns them with status and fields floe does not model,
/// read into the typed model and write back without losing anything.
#[test]
fn live_objects_with_status_round_trip() {
    use floe::kinds::kustomization::Kustomization;
    use floe::kinds::source::GitRepository;
    let live = json!({
        "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
        "metadata": {"name": "podinfo", "namespace": "flux-system", "generation": 3, "resourceVersion": "42"},
        "spec": {"interval": "1m0s", "url": "https://example.com/r", "ref": {"branch": "main"},
                 "timeout": "60s", "include": [{"repository": {"name": "other"}}]},
        "status": {"observedGeneration": 3,
                   "artifact": {"revision": "main@sha1:0123abcd", "digest": "sha256:ff", "path": "p", "size": 10},
                   "conditions": [{"type": "Ready", "status": "True", "reason": "Succeeded", "message": "stored artifact",
                                   "lastTransitionTime": "2026-11-22T10:00:00Z", "observedGeneration": 3}]}
    });
    let repo: GitRepository = serde_json::from_value(live.clone()).unwrap();
    let status = repo.status.as_ref().unwrap();
    assert_eq!(
        status.artifact.as_ref().unwrap().revision,
        "main@sha1:0123abcd"
    );
    assert_eq!(status.observed_generation, Some(3));
    assert_eq!(status.conditions[0].type_, "Ready");
    assert_eq!(
        repo.spec.timeout.unwrap().to_string(),
        "1m0s",
        "60s reads as a Go duration"
    );
    let mut back = serde_json::to_value(&repo).unwrap();
    back["spec"]["timeout"] = json!("60s");
    assert_eq!(
        back, live,
        "unknown fields (include, artifact size) survive"
    );

    let ks: Kustomization = serde_json::from_value(json!({
        "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
        "metadata": {"name": "apps"},
        "spec": {"interval": "10m0s", "prune": true, "path": "./apps", "sourceRef": {"kind": "GitRepository", "name": "flux-system"}},
        "status": {"lastAppliedRevision": "main@sha1:0123abcd", "lastAttemptedRevision": "main@sha1:0123abcd", "observedGeneration": 1,
                   "inventory": {"entries": [{"id": "apps_web_apps_Deployment", "v": "v1"}]},
                   "lastAppliedOriginRevision": "v1.0.0"}
    }))
    .unwrap();
    let status = ks.status.unwrap();
    assert_eq!(
        status.last_applied_revision.as_deref(),
        Some("main@sha1:0123abcd")
    );
    let web = status.inventory.as_ref().unwrap().entries[0]
        .object()
        .unwrap();
    assert_eq!(
        (
            web.namespace.as_str(),
            web.name.as_str(),
            web.group.as_str(),
            web.kind.as_str()
        ),
        ("apps", "web", "apps", "Deployment")
    );
    assert!(
        status.other.contains_key("lastAppliedOriginRevision"),
        "fields floe does not model are kept"
    );
}

/// The kind lists the builders check references against are the CRDs' own enums (they name
/// kinds floe does not model yet, such as ExternalArtifact, so they are data, not the
/// registry): the Alert's and Receiver's lists exactly, and the `create` flags' lists within
/// the CRD's (flux's `create` accepts fewer than the CRD, and floe takes what flux takes).
#[test]
fn kind_lists_are_the_crds_enums() {
    use floe::manifests::create::{CHART_REF_KINDS, HELM_CHART_SOURCE_KINDS, SYNC_SOURCE_KINDS};
    use floe::manifests::notification::EVENT_SOURCE_KINDS;
    if !crds_available() {
        return;
    }
    let schemas = load_schemas();
    let kinds = |kind: &str, path: &[&str]| -> Vec<String> {
        let mut node = &schemas[kind]["properties"]["spec"];
        for step in path {
            node = &node[*step];
        }
        node["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{kind} {path:?} has an enum"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let alert = kinds(
        "Alert",
        &["properties", "eventSources", "items", "properties", "kind"],
    );
    assert_eq!(alert, EVENT_SOURCE_KINDS);
    let receiver = kinds(
        "Receiver",
        &["properties", "resources", "items", "properties", "kind"],
    );
    assert_eq!(receiver, EVENT_SOURCE_KINDS);
    let within = |list: &[&str], crd: Vec<String>| {
        for kind in list {
            assert!(crd.iter().any(|k| k == kind), "{kind} is not in {crd:?}");
        }
    };
    within(
        SYNC_SOURCE_KINDS,
        kinds(
            "Kustomization",
            &["properties", "sourceRef", "properties", "kind"],
        ),
    );
    within(
        HELM_CHART_SOURCE_KINDS,
        kinds(
            "HelmRelease",
            &[
                "properties",
                "chart",
                "properties",
                "spec",
                "properties",
                "sourceRef",
                "properties",
                "kind",
            ],
        ),
    );
    within(
        CHART_REF_KINDS,
        kinds(
            "HelmRelease",
            &["properties", "chartRef", "properties", "kind"],
        ),
    );
}
