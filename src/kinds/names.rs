//! Namespaces and object names as validated types. A value from a flag or from a cluster
//! object becomes one of these before it can reach a URL path: the API server's rules are
//! checked once, at the boundary, so `x?watch=true` or `team/../kube-system` never becomes a
//! path segment (kube builds request paths from these strings as they are).

use std::fmt;
use std::ops::Deref;

use serde::Serialize;

use crate::usage::InvalidInput;

/// A string that is no namespace or object name, with what is allowed. From a flag it is a
/// usage error (exit 2, through [`InvalidInput`]); read from the cluster it is malformed data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidName(String);

impl From<InvalidName> for InvalidInput {
    fn from(err: InvalidName) -> InvalidInput {
        InvalidInput::new(err.0)
    }
}

/// A namespace: an RFC 1123 label (what the API server accepts for a Namespace's name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Namespace(String);

/// The name of a Flux object, Secret or ConfigMap: an RFC 1123 subdomain (what the API server
/// accepts for the name of a custom resource).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ObjectName(String);

const NAMESPACE_RULE: &str = "a namespace is an RFC 1123 label of at most 63 characters: \
     lower-case letters, digits and '-', starting and ending with a letter or digit";
const NAME_RULE: &str = "an object name is an RFC 1123 subdomain of at most 253 characters: \
     lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 bytes.
pub fn is_dns_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Dot-separated DNS labels, at most 253 bytes in all: apimachinery's `IsDNS1123Subdomain`,
/// which limits only the whole (a part may be longer than 63, unlike in DNS).
pub fn is_dns_subdomain(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !part.starts_with('-')
                && !part.ends_with('-')
        })
}

impl Namespace {
    /// `what` names the value in the error: `--namespace`, `the sourceRef's namespace`.
    pub fn parse(what: &str, value: &str) -> Result<Namespace, InvalidName> {
        if is_dns_label(value) {
            Ok(Namespace(value.to_string()))
        } else {
            Err(InvalidName(format!(
                "invalid {what} '{}': {NAMESPACE_RULE}",
                value.escape_debug()
            )))
        }
    }

    /// The parser of `--namespace` (clap's `value_parser`).
    /// clap names the flag and the value; the error adds what is allowed.
    pub fn flag(value: &str) -> Result<Namespace, InvalidInput> {
        Namespace::parse("namespace", value).map_err(|_| InvalidInput::new(NAMESPACE_RULE))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The namespace as an object name (a label is a subdomain): bootstrap names its
    /// GitRepository and Kustomization after the namespace, as flux does.
    pub fn as_name(&self) -> ObjectName {
        ObjectName(self.0.clone())
    }
}

impl ObjectName {
    pub fn parse(what: &str, value: &str) -> Result<ObjectName, InvalidName> {
        if is_dns_subdomain(value) {
            Ok(ObjectName(value.to_string()))
        } else {
            Err(InvalidName(format!(
                "invalid {what} '{}': {NAME_RULE}",
                value.escape_debug()
            )))
        }
    }

    /// The parser of an object name argument (clap's `value_parser`).
    /// clap names the argument and the value; the error adds what is allowed.
    pub fn arg(value: &str) -> Result<ObjectName, InvalidInput> {
        ObjectName::parse("name", value).map_err(|_| InvalidInput::new(NAME_RULE))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`, at most 63 characters (label values, the name
/// part of label keys).
fn is_label_token(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

/// A qualified name: an optional DNS subdomain and '/', then a label token.
fn is_label_key(key: &str) -> bool {
    match key.split_once('/') {
        Some((prefix, name)) => is_dns_subdomain(prefix) && is_label_token(name),
        None => is_label_token(key),
    }
}

/// A label from `--label key=value`: the key a qualified name, the value empty or a label
/// token, as the API server accepts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    key: String,
    value: String,
}

impl Label {
    pub fn parse(pair: &str) -> Result<Label, InvalidName> {
        let shown = pair.escape_debug();
        let Some((key, value)) = pair.split_once('=') else {
            return Err(InvalidName(format!(
                "invalid label '{shown}': must be key=value, e.g. env=prod"
            )));
        };
        if !is_label_key(key) {
            return Err(InvalidName(format!(
                "invalid label key '{}' in '{shown}': must be a name of at most 63 characters \
                 (letters, digits, '-', '_', '.'; alphanumeric at both ends), optionally prefixed \
                 with a DNS subdomain and '/'",
                key.escape_debug()
            )));
        }
        if !value.is_empty() && !is_label_token(value) {
            return Err(InvalidName(format!(
                "invalid label value '{}' in '{shown}': must be empty or at most 63 \
                 characters (letters, digits, '-', '_', '.'; alphanumeric at both ends)",
                value.escape_debug()
            )));
        }
        Ok(Label {
            key: key.to_string(),
            value: value.to_string(),
        })
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn value(&self) -> &str {
        &self.value
    }
}

/// How clap parses `--label` (its value parser for a `FromStr` type).
impl std::str::FromStr for Label {
    type Err = InvalidName;

    fn from_str(pair: &str) -> Result<Label, InvalidName> {
        Label::parse(pair)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.key, self.value)
    }
}

macro_rules! string_like {
    ($t:ty) => {
        impl Deref for $t {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }
        impl AsRef<str> for $t {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl PartialEq<str> for $t {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
        impl From<$t> for String {
            fn from(value: $t) -> String {
                value.0
            }
        }
    };
}
string_like!(Namespace);
string_like!(ObjectName);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn what_would_be_a_path_or_a_query_is_no_name() {
        for bad in [
            "team/../../kube-system",
            "x?watch=true",
            "web?dryRun=All",
            "a b",
            "",
            "A",
            "-a",
            "a-",
            "a\n",
            "%2e%2e",
        ] {
            assert!(Namespace::flag(bad).is_err(), "{bad:?}");
            assert!(ObjectName::arg(bad).is_err(), "{bad:?}");
        }
        assert!(Namespace::flag("flux-system").is_ok());
        assert!(Namespace::flag("a.b").is_err(), "a namespace is a label");
        assert!(ObjectName::arg("podinfo.v2").is_ok());
        assert!(ObjectName::arg(&"a".repeat(254)).is_err());
        // The API server limits a subdomain's length, not its parts' (the test bed's answer
        // for a ConfigMap named so; floe refused it before).
        assert!(ObjectName::arg(&"a".repeat(64)).is_ok());
        assert!(ObjectName::arg(&format!("{}.b", "a".repeat(200))).is_ok());
        assert!(Namespace::flag(&"a".repeat(64)).is_err());
        let err = Namespace::flag("a\nb").unwrap_err().to_string();
        assert!(!err.contains('\n'), "{err}");
    }

    /// Kubernetes' own patterns (apimachinery's validation), checked against ours.
    fn kubernetes_label(s: &str) -> bool {
        regex::Regex::new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
            .unwrap()
            .is_match(s)
            && s.len() <= 63
    }

    fn kubernetes_subdomain(s: &str) -> bool {
        regex::Regex::new(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
            .unwrap()
            .is_match(s)
            && s.len() <= 253
    }

    #[test]
    fn labels_are_parsed_once_with_what_is_wrong_named() {
        let label = Label::parse("app.kubernetes.io/name=podinfo").unwrap();
        assert_eq!(
            (label.key(), label.value()),
            ("app.kubernetes.io/name", "podinfo")
        );
        assert_eq!(Label::parse("tier=").unwrap().value(), "");
        for (bad, named) in [
            ("novalue", "must be key=value"),
            ("=x", "label key ''"),
            ("a b=c", "label key 'a b'"),
            ("k=-v", "label value '-v'"),
            ("Bad_Prefix/x=y", "label key 'Bad_Prefix/x'"),
            ("k=v\n", "label value 'v\\n'"),
        ] {
            let err = Label::parse(bad).unwrap_err().to_string();
            assert!(err.contains(named), "{bad:?}: {err}");
            assert!(!err.contains('\n'), "{err}");
        }
    }

    /// apimachinery's `IsQualifiedName` and `IsValidLabelValue`.
    fn kubernetes_label_pair(s: &str) -> bool {
        let Some((key, value)) = s.split_once('=') else {
            return false;
        };
        let token = regex::Regex::new("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$").unwrap();
        let key_ok = match key.split_once('/') {
            Some((prefix, name)) => {
                kubernetes_subdomain(prefix) && token.is_match(name) && name.len() <= 63
            }
            None => token.is_match(key) && key.len() <= 63,
        };
        key_ok && (value.is_empty() || (token.is_match(value) && value.len() <= 63))
    }

    proptest! {
        #[test]
        fn labels_are_accepted_exactly_as_kubernetes_accepts_them(
            s in "[a-zA-Z0-9._/=-]{0,80}|[a-z.]{1,20}/[a-zA-Z0-9_.-]{1,70}=[a-zA-Z0-9_.-]{0,70}"
        ) {
            prop_assert_eq!(Label::parse(&s).is_ok(), kubernetes_label_pair(&s));
            if let Ok(label) = Label::parse(&s) {
                prop_assert_eq!(label.to_string(), s);
            }
        }

        #[test]
        fn names_are_accepted_exactly_as_kubernetes_accepts_them(
            s in "[a-z0-9.\\-A-Z_/?%\n ]{0,70}|[a-z0-9][a-z0-9.-]{0,300}|[a-z]{60,260}"
        ) {
            prop_assert_eq!(Namespace::flag(&s).is_ok(), kubernetes_label(&s));
            prop_assert_eq!(ObjectName::arg(&s).is_ok(), kubernetes_subdomain(&s));
            if let Ok(name) = ObjectName::arg(&s) {
                prop_assert_eq!(name.as_str(), s.as_str());
            }
        }
    }
}
