//! The values a HelmRelease releases with, composed as helm-controller composes them
//! (fluxcd/pkg chartutil's `ChartValuesFromReferences`): each `valuesFrom` ConfigMap or
//! Secret key in order (`values.yaml` unless `valuesKey`), read as YAML and merged map by map,
//! or with `targetPath` set at that path; then `spec.values` merged last. For `debug hr
//! --show-values`.

use serde_json::{Map, Value};

use crate::cluster::Cluster;
use crate::manifests::create::merge_values as merge;
use crate::preview::substitute::SECRET_MASK;

#[derive(Debug, thiserror::Error)]
pub enum ValuesError {
    #[error(
        "could not find {kind} '{namespace}/{name}'; create it, or mark the reference optional"
    )]
    NotFound {
        kind: String,
        namespace: String,
        name: String,
    },
    #[error("could not find key '{key}' in {kind} '{namespace}/{name}'")]
    KeyNotFound {
        kind: String,
        namespace: String,
        name: String,
        key: String,
    },
    #[error("unsupported values reference kind '{0}': ConfigMap or Secret")]
    UnsupportedKind(String),
    #[error("unable to read values from key '{key}' in {kind} '{namespace}/{name}': {reason}")]
    NotYaml {
        kind: String,
        namespace: String,
        name: String,
        key: String,
        reason: String,
    },
    #[error(
        "targetPath '{0}' uses Helm's list or multi-value syntax, which floe does not evaluate; use flux debug hr for it"
    )]
    TargetPath(String),
}

/// The final values of HelmRelease `release` (its JSON), values from Secrets replaced by
/// [`SECRET_MASK`] unless `reveal`.
pub async fn release_values(
    cluster: &Cluster,
    release: &Value,
    reveal: bool,
) -> anyhow::Result<Value> {
    let namespace = release["metadata"]["namespace"]
        .as_str()
        .unwrap_or_default();
    let mut sources = Vec::new();
    for reference in release["spec"]["valuesFrom"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let kind = reference["kind"].as_str().unwrap_or_default().to_string();
        let name = reference["name"].as_str().unwrap_or_default().to_string();
        let key = reference["valuesKey"]
            .as_str()
            .filter(|k| !k.is_empty())
            .unwrap_or("values.yaml")
            .to_string();
        let optional = reference["optional"].as_bool().unwrap_or(false);
        let secret = match kind.as_str() {
            "ConfigMap" => false,
            "Secret" => true,
            _ => return Err(ValuesError::UnsupportedKind(kind).into()),
        };
        let data = crate::objects::text_data(cluster, secret, namespace, &name).await?;
        let Some(data) = data else {
            if optional {
                continue;
            }
            return Err(ValuesError::NotFound {
                kind,
                namespace: namespace.to_string(),
                name,
            }
            .into());
        };
        let Some(text) = data.get(&key) else {
            if optional {
                continue;
            }
            return Err(ValuesError::KeyNotFound {
                kind,
                namespace: namespace.to_string(),
                name,
                key,
            }
            .into());
        };
        sources.push(Source {
            secret: kind == "Secret",
            target_path: reference["targetPath"]
                .as_str()
                .filter(|p| !p.is_empty())
                .map(str::to_string),
            text: text.clone(),
            what: (kind, name, key),
        });
    }
    let inline = release["spec"]["values"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    Ok(Value::Object(compose(namespace, &sources, inline, reveal)?))
}

/// One values reference, read.
pub struct Source {
    pub secret: bool,
    pub target_path: Option<String>,
    pub text: String,
    /// Kind, name and key, for messages.
    pub what: (String, String, String),
}

/// Merges the sources in order, then `inline`.
pub fn compose(
    namespace: &str,
    sources: &[Source],
    inline: Map<String, Value>,
    reveal: bool,
) -> Result<Map<String, Value>, ValuesError> {
    let mut result = Map::new();
    for source in sources {
        let mask = source.secret && !reveal;
        match &source.target_path {
            Some(path) => {
                let value = if mask {
                    Value::String(SECRET_MASK.into())
                } else {
                    typed(&source.text)
                };
                set_path(&mut result, path, value)?;
            }
            None => {
                let parsed: Value = if source.text.trim().is_empty() {
                    Value::Object(Map::new())
                } else {
                    serde_yaml::from_str(&source.text).map_err(|e| ValuesError::NotYaml {
                        kind: source.what.0.clone(),
                        namespace: namespace.to_string(),
                        name: source.what.1.clone(),
                        key: source.what.2.clone(),
                        reason: e.to_string(),
                    })?
                };
                let mut map = match parsed {
                    Value::Object(map) => map,
                    Value::Null => Map::new(),
                    other => {
                        return Err(ValuesError::NotYaml {
                            kind: source.what.0.clone(),
                            namespace: namespace.to_string(),
                            name: source.what.1.clone(),
                            key: source.what.2.clone(),
                            reason: format!("expected a map, got {other}"),
                        });
                    }
                };
                if mask {
                    mask_leaves(&mut map);
                }
                merge(&mut result, map);
            }
        }
    }
    merge(&mut result, inline);
    Ok(result)
}

fn mask_leaves(map: &mut Map<String, Value>) {
    for value in map.values_mut() {
        mask_value(value);
    }
}

fn mask_value(value: &mut Value) {
    match value {
        Value::Object(map) => mask_leaves(map),
        Value::Array(items) => items.iter_mut().for_each(mask_value),
        leaf => *leaf = Value::String(SECRET_MASK.into()),
    }
}

/// A `targetPath` value as Helm's `--set` types it: quoted text stays text (quotes removed),
/// `true`/`false` are booleans, `null` is null, a whole number is a number, anything else
/// text.
fn typed(text: &str) -> Value {
    let quoted = |q: char| text.len() >= 2 && text.starts_with(q) && text.ends_with(q);
    if quoted('"') || quoted('\'') {
        return Value::String(text.trim_matches(['"', '\'']).to_string());
    }
    match text {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "null" => Value::Null,
        _ => text
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(text.to_string())),
    }
}

/// Sets `value` at the dotted `path` (`\.` escapes a dot), creating maps on the way.
fn set_path(map: &mut Map<String, Value>, path: &str, value: Value) -> Result<(), ValuesError> {
    if path.contains(['[', ']', ',', '=']) {
        return Err(ValuesError::TargetPath(path.to_string()));
    }
    let mut parts: Vec<String> = vec![String::new()];
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'.') => {
                chars.next();
                parts.last_mut().expect("one part").push('.');
            }
            '.' => parts.push(String::new()),
            c => parts.last_mut().expect("one part").push(c),
        }
    }
    if parts.iter().any(String::is_empty) {
        return Err(ValuesError::TargetPath(path.to_string()));
    }
    let (last, parents) = parts.split_last().expect("one part");
    let mut current = map;
    for part in parents {
        let entry = current
            .entry(part.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        current = entry.as_object_mut().expect("a map");
    }
    current.insert(last.clone(), value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn source(secret: bool, target_path: Option<&str>, text: &str) -> Source {
        Source {
            secret,
            target_path: target_path.map(str::to_string),
            text: text.into(),
            what: ("ConfigMap".into(), "v".into(), "values.yaml".into()),
        }
    }

    #[test]
    fn references_merge_in_order_then_inline_values_win() {
        let sources = [
            source(false, None, "a: 1\nnested:\n  x: 1\n  y: 1\n"),
            source(true, None, "password: hunter2\nnested:\n  y: 2\n"),
            source(false, Some("image.tag"), "6.6.0"),
            source(false, Some("flags.debug"), "true"),
            source(false, Some("dotted\\.key"), "\"007\""),
        ];
        let inline = json!({"a": 3}).as_object().cloned().unwrap();
        let masked = compose("ns", &sources, inline.clone(), false).unwrap();
        assert_eq!(
            Value::Object(masked),
            json!({
                "a": 3,
                "nested": {"x": 1, "y": "<secret>"},
                "password": "<secret>",
                "image": {"tag": "6.6.0"},
                "flags": {"debug": true},
                "dotted.key": "007",
            })
        );
        let revealed = compose("ns", &sources, inline, true).unwrap();
        assert_eq!(revealed["password"], "hunter2");
        assert_eq!(revealed["nested"]["y"], 2);
    }

    #[test]
    fn helm_list_syntax_in_a_target_path_is_named_not_guessed() {
        let err = compose(
            "ns",
            &[source(false, Some("a[0].b"), "x")],
            Map::new(),
            false,
        )
        .unwrap_err();
        assert!(err.to_string().contains("a[0].b"), "{err}");
    }
}
