//! Checks of user-supplied values, each returning an error that names the value and what is
//! allowed. They mirror the API server's own validation, so bad input fails before any I/O.

use std::collections::BTreeMap;

use crate::usage::InvalidInput;

use crate::kinds::names::{Label, is_dns_label, is_dns_subdomain};

/// An object or namespace name: an RFC 1123 label (what Flux's objects and namespaces need).
pub fn rfc1123_name(what: &str, value: &str) -> Result<String, InvalidInput> {
    if is_dns_label(value) {
        Ok(value.to_string())
    } else {
        Err(InvalidInput::new(format!(
            "invalid {what} '{value}': must be an RFC 1123 label of at most 63 characters: \
             lower-case letters, digits and '-', starting and ending with a letter or digit"
        )))
    }
}

/// A Secret or ConfigMap name: an RFC 1123 subdomain.
pub fn rfc1123_subdomain(what: &str, value: &str) -> Result<String, InvalidInput> {
    if is_dns_subdomain(value) {
        Ok(value.to_string())
    } else {
        Err(InvalidInput::new(format!(
            "invalid {what} '{value}': must be an RFC 1123 subdomain of at most 253 characters: \
             lower-case letters, digits, '-' and '.'"
        )))
    }
}

/// Helm's limit on release names (helm-controller's CRD says the same).
const RELEASE_NAME_MAX: usize = 53;

/// A Helm release name: an RFC 1123 subdomain of at most 53 characters.
pub fn release_name(value: &str) -> Result<String, InvalidInput> {
    if is_dns_subdomain(value) && value.len() <= RELEASE_NAME_MAX {
        Ok(value.to_string())
    } else {
        Err(InvalidInput::new(format!(
            "invalid --release-name '{value}': must be at most 53 lower-case letters, digits, '-' and '.', \
             starting and ending with a letter or digit"
        )))
    }
}

/// `--label` pairs as one map, each key given once.
pub fn labels(pairs: &[Label]) -> Result<BTreeMap<String, String>, InvalidInput> {
    let mut out = BTreeMap::new();
    for pair in pairs {
        if out
            .insert(pair.key().to_string(), pair.value().to_string())
            .is_some()
        {
            return Err(InvalidInput::new(format!(
                "invalid label '{pair}': key '{}' is given more than once",
                pair.key()
            )));
        }
    }
    Ok(out)
}

/// A path inside the source artifact, normalised the way Flux writes it (`./apps/prod`).
/// Absolute paths and `..` that climbs above the root are rejected rather than silently
/// flattened, since they always mean the user pointed at the wrong place.
pub fn relative_path(value: &str) -> Result<String, InvalidInput> {
    let trimmed = value.trim();
    if let Some(bad) = trimmed.chars().find(|c| c.is_control()) {
        return Err(InvalidInput::new(format!(
            "invalid path '{}': it holds the control character {}; a path may not contain line \
             breaks, NUL or other control characters",
            value.escape_debug(),
            bad.escape_debug()
        )));
    }
    if trimmed.starts_with('/') || trimmed.starts_with('\\') {
        return Err(InvalidInput::new(format!(
            "invalid path '{value}': must be relative to the source root, e.g. ./clusters/dev"
        )));
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in trimmed.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(InvalidInput::new(format!(
                        "invalid path '{value}': '..' must not climb above the source root"
                    )));
                }
            }
            // Git refuses a `.git` in any case as a path component (it names the repository's
            // own directory); a path through one can never be committed.
            _ if part.eq_ignore_ascii_case(".git") => {
                return Err(InvalidInput::new(format!(
                    "invalid path '{value}': '{part}' is Git's own directory and cannot be part \
                     of a path in a repository"
                )));
            }
            _ => parts.push(part),
        }
    }
    Ok(format!("./{}", parts.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(rfc1123_name("name", "podinfo-2").is_ok());
        for bad in ["", "Podinfo", "-a", "a-", "a_b", "a.b", &"a".repeat(64)] {
            let err = rfc1123_name("name", bad).unwrap_err().to_string();
            assert!(err.contains(&format!("'{bad}'")), "{err}");
        }
    }

    #[test]
    fn a_label_key_is_given_once() {
        let pairs =
            |p: &[&str]| -> Vec<Label> { p.iter().map(|p| Label::parse(p).unwrap()).collect() };
        let ok = labels(&pairs(&["app.kubernetes.io/name=podinfo", "tier="])).unwrap();
        assert_eq!(ok["app.kubernetes.io/name"], "podinfo");
        assert_eq!(ok["tier"], "");
        let err = labels(&pairs(&["a=1", "a=2"])).unwrap_err().to_string();
        assert!(
            err.contains("'a=2'") && err.contains("more than once"),
            "{err}"
        );
    }

    #[test]
    fn paths() {
        assert_eq!(relative_path("./").unwrap(), "./");
        assert_eq!(relative_path("apps").unwrap(), "./apps");
        assert_eq!(relative_path("./apps/prod/").unwrap(), "./apps/prod");
        assert_eq!(relative_path("apps/../infra").unwrap(), "./infra");
        assert!(relative_path("/etc").is_err());
        assert!(relative_path("../x").is_err());
        assert!(relative_path("apps/../../x").is_err());
        for bad in [".git/x", "a/.GIT/b", "a/.git", "a\nb", "a\0b", "a\u{1b}b"] {
            let err = relative_path(bad).unwrap_err().to_string();
            assert!(!err.contains('\n') && !err.contains('\0'), "{err}");
        }
        assert_eq!(relative_path("a/.gitignored").unwrap(), "./a/.gitignored");
    }
}
