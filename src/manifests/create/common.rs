//! What the builders of the `create` commands share: every object's identity and labels, the
//! provider enums, URL and reference checks, and `Kind/name[.namespace]` parsing.

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use crate::kinds::duration::GoDuration;
use crate::kinds::meta::LocalObjectReference;
use crate::manifests::validate;
use crate::usage::InvalidInput;

/// What every created object has: identity, labels and reconcile interval.
#[derive(Clone, Debug)]
pub struct ObjectOptions {
    pub name: String,
    pub namespace: String,
    /// `key=value` pairs as given on the command line.
    pub labels: Vec<crate::kinds::names::Label>,
    pub interval: GoDuration,
}

impl ObjectOptions {
    pub(crate) fn metadata(&self) -> Result<ObjectMeta, InvalidInput> {
        let name = validate::rfc1123_name("name", &self.name)?;
        let namespace = validate::rfc1123_name("namespace", &self.namespace)?;
        let labels = validate::labels(&self.labels)?;
        Ok(ObjectMeta {
            name: Some(name),
            namespace: Some(namespace),
            labels: (!labels.is_empty()).then_some(labels),
            ..ObjectMeta::default()
        })
    }
}

macro_rules! provider_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }
    };
}

pub(crate) use provider_enum;

/// Checks a URL's syntax and that its scheme is one `kind` accepts.
pub(super) fn source_url(
    flag: &str,
    value: &str,
    kind: &str,
    schemes: &[&str],
) -> Result<String, InvalidInput> {
    let allowed = schemes.join(", ");
    let shown = crate::redact::url(value);
    let parsed = url::Url::parse(value).map_err(|e| {
        let hint = if value.contains('@') && !value.contains("://") {
            " (scp-like addresses are not URLs: write ssh://user@host/path)".to_string()
        } else {
            String::new()
        };
        InvalidInput::new(format!(
            "invalid {flag} '{shown}': {e}{hint}; the URL of {kind} starts with one of: {allowed}"
        ))
    })?;
    if !schemes.contains(&parsed.scheme()) {
        return Err(InvalidInput::new(format!(
            "invalid {flag} '{shown}': scheme '{}' is not supported for {kind}, use one of: {allowed}",
            parsed.scheme()
        )));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(InvalidInput::new(format!(
            "invalid {flag} '{shown}': the URL has no host"
        )));
    }
    if parsed.password().is_some() {
        return Err(InvalidInput::new(format!(
            "invalid {flag} '{shown}': the URL contains a password, which would be stored in the object for anyone who can read it; put the credentials in a Secret and pass --secret-ref"
        )));
    }
    Ok(value.to_string())
}

pub(crate) fn secret_name(
    flag: &str,
    value: Option<&str>,
) -> Result<Option<LocalObjectReference>, InvalidInput> {
    value
        .map(|name| {
            validate::rfc1123_name(&format!("{flag} name"), name).map(LocalObjectReference::named)
        })
        .transpose()
}

/// Rejects flags given together when one would silently override the other.
pub(crate) fn at_most_one(given: &[(&str, bool)], why: &str) -> Result<(), InvalidInput> {
    let set: Vec<&str> = given
        .iter()
        .filter(|(_, on)| *on)
        .map(|(flag, _)| *flag)
        .collect();
    if set.len() > 1 {
        return Err(InvalidInput::new(format!(
            "{} cannot be used together: {why}",
            set.join(" and ")
        )));
    }
    Ok(())
}

pub(crate) fn non_empty(
    flag: &str,
    value: &Option<String>,
) -> Result<Option<String>, InvalidInput> {
    match value {
        Some(v) if v.trim().is_empty() => Err(InvalidInput::new(format!(
            "invalid {flag} '': must not be empty"
        ))),
        other => Ok(other.clone()),
    }
}

/// A `{name}` reference kept beside the typed fields (`proxySecretRef`, `certSecretRef`).
pub(super) fn name_ref(
    other: &mut BTreeMap<String, serde_json::Value>,
    key: &str,
    flag: &str,
    value: Option<&str>,
) -> Result<(), InvalidInput> {
    if let Some(secret) = secret_name(flag, value)? {
        other.insert(key.to_string(), serde_json::json!({ "name": secret.name }));
    }
    Ok(())
}

pub(super) fn joined_paths(paths: &[String]) -> Option<String> {
    let kept: Vec<&str> = paths
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    (!kept.is_empty()).then(|| kept.join("\n"))
}

/// Parses `Kind/name[.namespace]` for `flag`: the kind one of `kinds` (case-insensitive,
/// written as listed), or `default` when the value has no kind.
pub(crate) fn parse_kind_name(
    flag: &str,
    value: &str,
    kinds: &[&str],
    default: Option<&str>,
) -> Result<(String, String, Option<String>), InvalidInput> {
    parse_kind_name_or_all(flag, value, kinds, default, false)
}

/// As [`parse_kind_name`]; with `all`, the name may also be `*` (every object of the kind, as
/// Alerts and Receivers take it).
pub(crate) fn parse_kind_name_or_all(
    flag: &str,
    value: &str,
    kinds: &[&str],
    default: Option<&str>,
    all: bool,
) -> Result<(String, String, Option<String>), InvalidInput> {
    let example = format!("{}/podinfo.flux-system", kinds[0]);
    let shape = if default.is_some() {
        "[Kind/]name[.namespace]"
    } else {
        "Kind/name[.namespace]"
    };
    let bad = |why: String| {
        InvalidInput::new(format!(
            "invalid {flag} '{value}': {why}; expected {shape}, e.g. {example}"
        ))
    };
    let (kind, rest) = match (value.split_once('/'), default) {
        (Some((kind, rest)), _) => {
            let canonical = kinds
                .iter()
                .find(|k| k.eq_ignore_ascii_case(kind))
                .ok_or_else(|| {
                    InvalidInput::new(format!(
                        "invalid {flag} '{value}': kind '{kind}' is not supported, use one of: {}",
                        kinds.join(", ")
                    ))
                })?;
            (canonical.to_string(), rest)
        }
        (None, Some(default)) => (default.to_string(), value),
        (None, None) => return Err(bad("missing the kind".into())),
    };
    let (name, namespace) = match rest.split_once('.') {
        Some((name, namespace)) => (name, Some(namespace)),
        None => (rest, None),
    };
    let name = if all && name == "*" {
        name.to_string()
    } else {
        validate::rfc1123_name("name", name).map_err(|e| bad(e.0))?
    };
    let namespace = namespace
        .map(|ns| validate::rfc1123_name("namespace", ns).map_err(|e| bad(e.0)))
        .transpose()?;
    Ok((kind, name, namespace))
}
