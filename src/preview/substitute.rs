//! `spec.postBuild`: the variables a sync substitutes into what it built (from
//! `substituteFrom` ConfigMaps and Secrets, then the inline `substitute`, which wins), and the
//! substitution over each object's YAML, as kustomize-controller does it.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::envsubst::{self, SubstError};
use crate::manifests::yaml::to_go_yaml;

/// What a value from a Secret becomes when the build is printed: floe never prints a Secret's
/// value, and a variable from one is one.
pub const SECRET_MASK: &str = "<secret>";

/// The annotation or label that keeps an object out of substitution, and its value.
const DISABLE_KEY: &str = "kustomize.toolkit.fluxcd.io/substitute";
const DISABLED: &str = "disabled";

/// A sync's substitution variables.
#[derive(Debug, Default, Clone)]
pub struct Variables {
    pub values: BTreeMap<String, String>,
    /// The names whose value came from a Secret (and no inline value replaced).
    pub secret: BTreeSet<String>,
    /// `substituteStrategy: Always`: substitute even with no variables.
    pub always: bool,
}

impl Variables {
    /// The values, those from Secrets replaced by [`SECRET_MASK`] unless `reveal`.
    fn mapping(&self, reveal: bool) -> BTreeMap<String, String> {
        let mut values = self.values.clone();
        if !reveal {
            for name in &self.secret {
                values.insert(name.clone(), SECRET_MASK.to_string());
            }
        }
        values
    }

    /// The secret values, to be masked wherever they appear in printed text.
    pub fn secret_values(&self) -> Vec<&str> {
        self.secret
            .iter()
            .filter_map(|n| self.values.get(n).map(String::as_str))
            .filter(|v| !v.is_empty())
            .collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SubstituteError {
    #[error(
        "'{0}' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'; rename it in postBuild.substitute or the ConfigMap or Secret it comes from"
    )]
    BadName(String),
    #[error("var substitution failed for '{object}': {source}{}", hint(.source))]
    Failed { object: String, source: SubstError },
    #[error("var substitution failed for '{object}': the result is not YAML: {reason}")]
    NotYaml { object: String, reason: String },
}

fn hint(err: &SubstError) -> &'static str {
    match err {
        SubstError::NotSet(_) => {
            "; set it in postBuild.substitute or substituteFrom, give it a default (${name:=value}), or build without --strict-substitute"
        }
        _ => "",
    }
}

/// Adds the values of one ConfigMap or Secret (later sources win; the inline map is added last).
pub fn add_source(vars: &mut Variables, data: BTreeMap<String, String>, from_secret: bool) {
    for (name, value) in data {
        if from_secret {
            vars.secret.insert(name.clone());
        } else {
            vars.secret.remove(&name);
        }
        vars.values.insert(name, value);
    }
}

/// Line breaks are removed from every value and the names checked, as the engine does.
pub fn finish(vars: &mut Variables) -> Result<(), SubstituteError> {
    let name = regex::Regex::new(r"^[_A-Za-z][_A-Za-z0-9]*$").expect("a valid pattern");
    for (key, value) in &mut vars.values {
        if !name.is_match(key) {
            return Err(SubstituteError::BadName(key.clone()));
        }
        value.retain(|c| c != '\n');
    }
    Ok(())
}

fn disabled(object: &Value) -> bool {
    ["labels", "annotations"]
        .iter()
        .any(|field| object["metadata"][field][DISABLE_KEY].as_str() == Some(DISABLED))
}

/// `Kind/name` as the engine names an object in its messages.
fn subject(object: &Value) -> String {
    format!(
        "{}/{}",
        object["kind"].as_str().unwrap_or_default(),
        object["metadata"]["name"].as_str().unwrap_or_default()
    )
}

/// Substitutes the variables into `object` (its YAML text, then parsed again), unless it opts
/// out or there is nothing to substitute. `reveal` uses the Secrets' values themselves (for a
/// dry run on the server, never for printing).
pub fn substitute(
    object: &Value,
    vars: &Variables,
    strict: bool,
    reveal: bool,
) -> Result<Option<Value>, SubstituteError> {
    if disabled(object) || (vars.values.is_empty() && !vars.always) {
        return Ok(None);
    }
    let text = to_go_yaml(object);
    let out = envsubst::substitute(&text, &vars.mapping(reveal), strict).map_err(|source| {
        SubstituteError::Failed {
            object: subject(object),
            source,
        }
    })?;
    let value: Value = serde_yaml::from_str(&out).map_err(|e| SubstituteError::NotYaml {
        object: subject(object),
        reason: e.to_string(),
    })?;
    Ok(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn vars() -> Variables {
        let mut vars = Variables::default();
        add_source(
            &mut vars,
            [
                ("TOKEN".to_string(), "s3cr3t\n".to_string()),
                ("ENV".into(), "prod".into()),
            ]
            .into(),
            true,
        );
        add_source(
            &mut vars,
            [("ENV".to_string(), "dev".to_string())].into(),
            false,
        );
        finish(&mut vars).unwrap();
        vars
    }

    #[test]
    fn secret_values_are_masked_unless_revealed() {
        let object = json!({"kind": "ConfigMap", "metadata": {"name": "c"},
                            "data": {"t": "${TOKEN}", "e": "${ENV}", "n": "${N:=3}"}});
        let masked = substitute(&object, &vars(), true, false).unwrap().unwrap();
        assert_eq!(
            masked["data"],
            json!({"t": SECRET_MASK, "e": "dev", "n": 3})
        );
        let real = substitute(&object, &vars(), true, true).unwrap().unwrap();
        assert_eq!(real["data"]["t"], "s3cr3t");
        assert_eq!(vars().secret_values(), vec!["s3cr3t"]);
    }

    #[test]
    fn opt_outs_names_and_strict_errors() {
        let off = json!({"kind": "ConfigMap", "metadata": {"name": "c",
                         "labels": {DISABLE_KEY: "disabled"}}, "data": {"t": "${X}"}});
        assert!(substitute(&off, &vars(), true, false).unwrap().is_none());
        assert!(
            substitute(&off, &Variables::default(), true, false)
                .unwrap()
                .is_none()
        );
        let on = json!({"kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"t": "${X}"}});
        let err = substitute(&on, &vars(), true, false)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("var substitution failed for 'ConfigMap/c': variable not set (strict mode): \"X\"; set it"), "{err}");
        // A substituted plain number reads back as a number, as in the engine.
        let n = json!({"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"replicas": "${R:=2}"}});
        let mut always = Variables {
            always: true,
            ..Variables::default()
        };
        assert_eq!(
            substitute(&n, &always, false, false).unwrap().unwrap()["spec"]["replicas"],
            json!(2)
        );
        always.values.insert("bad-name".into(), "x".into());
        assert!(matches!(finish(&mut always), Err(SubstituteError::BadName(n)) if n == "bad-name"));
    }
}
