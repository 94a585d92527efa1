//! Every exported object validates against the real Flux CRD schema in ../shared/flux-crds:
//! the same openAPIV3Schema the API server enforces, with unknown fields made errors (the
//! server would silently prune them, which would hide a misspelt field).

mod common;
use common::{EXPORT_CASES, floe, flux_crds_dir, require};

use serde_json::{Value, json};
use std::collections::HashMap;

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

/// kind -> JSON Schema of its v1 version, from every CRD file in the directory.
fn load_schemas() -> HashMap<String, Value> {
    let mut schemas = HashMap::new();
    for entry in std::fs::read_dir(flux_crds_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let crd: Value = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let kind = crd["spec"]["names"]["kind"].as_str().unwrap().to_string();
        for version in crd["spec"]["versions"].as_array().unwrap() {
            if version["name"] == "v1" {
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
    if !require(
        flux_crds_dir()
            .join("source.toolkit.fluxcd.io_gitrepositories.yaml")
            .is_file(),
        "../shared/flux-crds",
    ) {
        return;
    }
    let schemas = load_schemas();
    for kind in [
        "GitRepository",
        "HelmRepository",
        "OCIRepository",
        "Bucket",
        "Kustomization",
    ] {
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
    assert_eq!(
        kinds_seen.len(),
        5,
        "every kind is exported at least once: {kinds_seen:?}"
    );
}

/// The converted schema really rejects what the API server would: a misspelt field, a wrong
/// enum value, a bad duration. Without this the test above could pass by accepting anything.
#[test]
fn the_schema_check_catches_invalid_objects() {
    if !require(flux_crds_dir().is_dir(), "../shared/flux-crds") {
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
