//! Building the image automation objects from the `create image repository|policy|update`
//! options, with flux's flags and checks, plus the checks the controllers would only report
//! later (an image name that does not parse, a semver range or regex that does not compile).

use std::sync::LazyLock;

use regex::Regex;

use super::create::{ObjectOptions, at_most_one, provider_enum, secret_name};
use super::validate;
use crate::kinds::duration::GoDuration;
use crate::kinds::image::{
    CommitSpec, CommitUser, GitCheckout, GitSpec, ImagePolicy, ImagePolicyChoice, ImagePolicySpec,
    ImageRepository, ImageRepositoryReference, ImageRepositorySpec, ImageUpdateAutomation,
    ImageUpdateAutomationSpec, OrderPolicy, PushSpec, SemVerPolicy, SigningKey, TagFilter,
    UpdateStrategy,
};
use crate::kinds::meta::{LocalObjectReference, NamespacedObjectKindReference};
use crate::kinds::source::GitRepositoryRef;
use crate::usage::{Choice, InvalidInput};

provider_enum!(
    /// Who authenticates an ImageRepository's scans.
    ImageProvider { Generic => "generic", Aws => "aws", Azure => "azure", Gcp => "gcp" }
);
provider_enum!(
    /// Sort order for `--select-alpha` and `--select-numeric`.
    Order { Asc => "asc", Desc => "desc" }
);
provider_enum!(
    /// When an ImagePolicy records the selected tag's digest.
    DigestReflection { Always => "Always", IfNotPresent => "IfNotPresent", Never => "Never" }
);
provider_enum!(
    /// How an automation's commits are signed.
    SigningKeyType { Gpg => "gpg", Ssh => "ssh" }
);

#[derive(Clone, Debug)]
pub struct ImageRepositoryOptions {
    pub object: ObjectOptions,
    pub image: String,
    pub secret_ref: Option<String>,
    pub cert_secret_ref: Option<String>,
    pub scan_timeout: Option<GoDuration>,
    pub provider: Option<ImageProvider>,
}

/// A registry host (with a `.` or `:`, or `localhost`), then lower-case path components.
static IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    let component = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    let host = r"(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)";
    Regex::new(&format!("^(?:{host}/)?{component}(?:/{component})*$")).expect("a valid pattern")
});

fn image_name(value: &str) -> Result<String, InvalidInput> {
    let bad = |why: &str| {
        InvalidInput::new(format!(
            "invalid --image '{value}': {why}; expected a repository such as ghcr.io/stefanprodan/podinfo or library/alpine"
        ))
    };
    if value.contains("://") {
        return Err(bad("an image has no scheme"));
    }
    let last = value.rsplit('/').next().unwrap_or(value);
    if last.contains('@') || (last.contains(':') && value.contains('/')) {
        return Err(bad(
            "give the repository without a tag or digest (the policy picks the tag)",
        ));
    }
    if !IMAGE.is_match(value) {
        return Err(bad(
            "path components are lower-case letters, digits and . _ -",
        ));
    }
    Ok(value.to_string())
}

pub fn image_repository(opts: &ImageRepositoryOptions) -> Result<ImageRepository, InvalidInput> {
    let metadata = opts.object.metadata()?;
    Ok(ImageRepository {
        metadata,
        spec: ImageRepositorySpec {
            image: image_name(&opts.image)?,
            interval: opts.object.interval,
            timeout: opts.scan_timeout.filter(|t| !t.0.is_zero()),
            secret_ref: secret_name("--secret-ref", opts.secret_ref.as_deref())?,
            cert_secret_ref: secret_name("--cert-ref", opts.cert_secret_ref.as_deref())?,
            provider: opts.provider.map(|p| p.as_str().to_string()),
            exclusion_list: Vec::new(),
            insecure: false,
            suspend: false,
            other: Default::default(),
        },
        status: None,
    })
}

#[derive(Clone, Debug)]
pub struct ImagePolicyOptions {
    pub object: ObjectOptions,
    pub image_ref: String,
    pub semver: Option<String>,
    pub alpha: Option<Order>,
    pub numeric: Option<Order>,
    pub filter_regex: Option<String>,
    pub filter_extract: Option<String>,
    pub reflect_digest: Option<DigestReflection>,
    /// How often to check digests (only with `--reflect-digest=Always`).
    pub interval: Option<GoDuration>,
}

/// One version in a range: 1 to 3 dot-separated numbers or wildcards (`x`, `X`, `*`), an
/// optional `v`, pre-release and build.
static RANGE_VERSION: LazyLock<Regex> = LazyLock::new(|| {
    let part = r"(?:0|[1-9][0-9]*|[xX*])";
    let ident = r"[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*";
    Regex::new(&format!(
        r"^v?{part}(?:\.{part}){{0,2}}(?:-{ident})?(?:\+{ident})?$"
    ))
    .expect("a valid pattern")
});

/// Checks a range in the syntax image-reflector-controller reads (Masterminds semver):
/// alternatives joined by `||`, each one or more comparators (`>=1.2.0 <2`, `~1.2`, `^1`,
/// `1.x`) separated by spaces or commas, or a hyphen range `1.2 - 1.4.5`.
pub fn semver_range(flag: &str, value: &str) -> Result<String, InvalidInput> {
    let bad = |why: String| {
        InvalidInput::new(format!(
            "invalid {flag} '{value}': {why}; expected a semver range such as 1.x, ~1.2, ^1.2.3 or '>=1.0.0 <2.0.0'"
        ))
    };
    for alternative in value.split("||") {
        let tokens: Vec<&str> = alternative
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty())
            .collect();
        if tokens.is_empty() {
            return Err(bad("a range is empty".into()));
        }
        // Operators may stand apart from their version: `>= 1.2`.
        let mut i = 0;
        while i < tokens.len() {
            let token = tokens[i];
            if token == "-" {
                if i == 0 || i + 1 == tokens.len() {
                    return Err(bad("a hyphen range needs a version on each side".into()));
                }
                i += 1;
                continue;
            }
            let operators = ["!=", ">=", "<=", "~>", "=>", "=<", "=", ">", "<", "~", "^"];
            let (operator, version) = operators
                .iter()
                .find_map(|op| token.strip_prefix(op).map(|rest| (*op, rest)))
                .unwrap_or(("", token));
            let version = if version.is_empty() && !operator.is_empty() {
                i += 1;
                *tokens
                    .get(i)
                    .ok_or_else(|| bad(format!("'{operator}' has no version after it")))?
            } else {
                version
            };
            if !RANGE_VERSION.is_match(version) {
                return Err(bad(format!("'{version}' is not a version")));
            }
            i += 1;
        }
    }
    Ok(value.to_string())
}

/// Checks a Go (RE2) regular expression, and that an extract template names only its groups.
fn tag_filter(pattern: &str, extract: Option<&str>) -> Result<TagFilter, InvalidInput> {
    let regex = Regex::new(pattern).map_err(|e| {
        let why = e.to_string();
        let why = why.lines().last().unwrap_or("does not compile").trim();
        InvalidInput::new(format!(
            "invalid --filter-regex '{pattern}': {why}; expected a regular expression (RE2 syntax), e.g. '^main-[a-f0-9]+-(?P<ts>[0-9]+)'"
        ))
    })?;
    if let Some(extract) = extract {
        let names: Vec<&str> = regex.capture_names().flatten().collect();
        let references = Regex::new(r"\$(?:\{([^}]*)\}|([A-Za-z0-9_]+))").expect("a valid pattern");
        let mut any = false;
        for reference in references.captures_iter(extract) {
            any = true;
            let name = reference
                .get(1)
                .or(reference.get(2))
                .map_or("", |m| m.as_str());
            let known = match name.parse::<usize>() {
                Ok(n) => n < regex.captures_len(),
                Err(_) => names.contains(&name),
            };
            if !known {
                return Err(InvalidInput::new(format!(
                    "invalid --filter-extract '{extract}': --filter-regex has no group '{name}' (it has: {})",
                    if names.is_empty() {
                        "numbered groups only".to_string()
                    } else {
                        names.join(", ")
                    }
                )));
            }
        }
        if !any {
            return Err(InvalidInput::new(format!(
                "invalid --filter-extract '{extract}': it names no group of --filter-regex; write $name or ${{name}}"
            )));
        }
    }
    Ok(TagFilter {
        pattern: Some(pattern.to_string()),
        // flux writes the field even when empty: `extract: ""`.
        extract: Some(extract.unwrap_or_default().to_string()),
    })
}

pub fn image_policy(opts: &ImagePolicyOptions) -> Result<ImagePolicy, InvalidInput> {
    let metadata = opts.object.metadata()?;
    let image_ref = validate::rfc1123_name("--image-ref", &opts.image_ref)?;
    at_most_one(
        &[
            ("--select-semver", opts.semver.is_some()),
            ("--select-alpha", opts.alpha.is_some()),
            ("--select-numeric", opts.numeric.is_some()),
        ],
        "a policy orders tags one way",
    )?;
    let policy = match (&opts.semver, opts.alpha, opts.numeric) {
        (Some(range), ..) => ImagePolicyChoice {
            semver: Some(SemVerPolicy {
                range: semver_range("--select-semver", range)?,
            }),
            ..Default::default()
        },
        (_, Some(order), _) => ImagePolicyChoice {
            alphabetical: Some(OrderPolicy {
                order: Some(order.as_str().to_string()),
            }),
            ..Default::default()
        },
        (_, _, Some(order)) => ImagePolicyChoice {
            numerical: Some(OrderPolicy {
                order: Some(order.as_str().to_string()),
            }),
            ..Default::default()
        },
        _ => {
            return Err(InvalidInput::new(
                "a policy is required: pass --select-semver RANGE, --select-alpha asc|desc or --select-numeric asc|desc",
            ));
        }
    };
    let filter_tags = match (&opts.filter_regex, &opts.filter_extract) {
        (Some(pattern), extract) => Some(tag_filter(pattern, extract.as_deref())?),
        (None, Some(_)) => {
            return Err(InvalidInput::new(
                "--filter-extract needs --filter-regex: the template refers to its groups",
            ));
        }
        (None, None) => None,
    };
    if opts.interval.is_some() && opts.reflect_digest != Some(DigestReflection::Always) {
        return Err(InvalidInput::new(
            "--interval applies only with --reflect-digest=Always (it is how often digests are checked)",
        ));
    }
    Ok(ImagePolicy {
        metadata,
        spec: ImagePolicySpec {
            image_repository_ref: ImageRepositoryReference {
                name: image_ref,
                namespace: None,
            },
            policy,
            filter_tags,
            digest_reflection_policy: opts.reflect_digest.map(|p| p.as_str().to_string()),
            interval: opts.interval,
            suspend: false,
            other: Default::default(),
        },
        status: None,
    })
}

#[derive(Clone, Debug)]
pub struct ImageUpdateOptions {
    pub object: ObjectOptions,
    pub git_repo_ref: String,
    pub git_repo_namespace: Option<String>,
    pub git_repo_path: Option<String>,
    pub checkout_branch: String,
    pub push_branch: Option<String>,
    pub commit_template: Option<String>,
    pub author_name: String,
    pub author_email: String,
    pub signing_key_secret: Option<String>,
    pub signing_key_type: Option<SigningKeyType>,
}

pub fn image_update(opts: &ImageUpdateOptions) -> Result<ImageUpdateAutomation, InvalidInput> {
    let metadata = opts.object.metadata()?;
    let name = validate::rfc1123_name("--git-repo-ref", &opts.git_repo_ref)?;
    let namespace = opts
        .git_repo_namespace
        .as_deref()
        .map(|ns| validate::rfc1123_name("--git-repo-namespace", ns))
        .transpose()?;
    let required = |flag: &str, value: &str, what: &str| {
        if value.trim().is_empty() {
            Err(InvalidInput::new(format!("{flag} is required: {what}")))
        } else {
            Ok(value.to_string())
        }
    };
    let branch = required(
        "--checkout-branch",
        &opts.checkout_branch,
        "the branch to check out and update",
    )?;
    let author_name = required(
        "--author-name",
        &opts.author_name,
        "the commits' author name",
    )?;
    let author_email = required(
        "--author-email",
        &opts.author_email,
        "the commits' author email",
    )?;
    if !author_email.contains('@') {
        return Err(InvalidInput::new(format!(
            "invalid --author-email '{author_email}': expected an email address such as flux@example.com"
        )));
    }
    if opts.signing_key_type.is_some() && opts.signing_key_secret.is_none() {
        return Err(InvalidInput::new(
            "--signing-key-type needs --signing-key-secret: the Secret holding the key",
        ));
    }
    let signing_key = opts
        .signing_key_secret
        .as_deref()
        .map(|secret| {
            validate::rfc1123_name("--signing-key-secret", secret).map(|name| SigningKey {
                secret_ref: LocalObjectReference::named(name),
                key_type: opts.signing_key_type.map(|t| t.as_str().to_string()),
            })
        })
        .transpose()?;
    let update = opts
        .git_repo_path
        .as_deref()
        .map(|path| {
            validate::relative_path(path).map(|path| UpdateStrategy {
                path: Some(path),
                strategy: "Setters".to_string(),
            })
        })
        .transpose()?;
    Ok(ImageUpdateAutomation {
        metadata,
        spec: ImageUpdateAutomationSpec {
            source_ref: NamespacedObjectKindReference {
                api_version: None,
                kind: "GitRepository".to_string(),
                name,
                namespace,
            },
            git: Some(GitSpec {
                checkout: Some(GitCheckout {
                    reference: GitRepositoryRef {
                        branch: Some(branch),
                        ..Default::default()
                    },
                }),
                commit: CommitSpec {
                    author: CommitUser {
                        name: Some(author_name),
                        email: author_email,
                    },
                    signing_key,
                    message_template: opts.commit_template.clone().filter(|t| !t.is_empty()),
                    other: Default::default(),
                },
                push: opts
                    .push_branch
                    .clone()
                    .filter(|b| !b.is_empty())
                    .map(|branch| PushSpec {
                        branch: Some(branch),
                        other: Default::default(),
                    }),
            }),
            interval: opts.object.interval,
            update,
            suspend: false,
            other: Default::default(),
        },
        status: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_in_masterminds_syntax_pass_and_others_do_not() {
        for good in [
            "5.0.x",
            "1.x",
            "~1.2",
            "^1.2.3",
            ">=1.0.0 <2.0.0",
            ">= 1.2, < 3",
            "1.2 - 1.4.5",
            "v1.2.3",
            "<1 || >=3.0.0-rc.1",
            "*",
        ] {
            assert!(semver_range("--select-semver", good).is_ok(), "{good}");
        }
        for bad in ["", "latest", ">=", "1.2.3.4", "1.2 -", "~>abc", "||"] {
            assert!(semver_range("--select-semver", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn image_names_are_repositories_without_tags() {
        for good in [
            "library/alpine",
            "alpine",
            "ghcr.io/stefanprodan/podinfo",
            "localhost:5000/a/b",
            "registry.example.com/team/app_x",
        ] {
            assert!(image_name(good).is_ok(), "{good}");
        }
        for bad in [
            "https://ghcr.io/a",
            "ghcr.io/a/b:1.0",
            "ghcr.io/a@sha256:00",
            "Ghcr.io/UPPER",
            "",
        ] {
            assert!(image_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn extract_templates_name_groups_of_the_regex() {
        assert!(tag_filter("^main-(?P<ts>[0-9]+)$", Some("$ts")).is_ok());
        assert!(tag_filter("^main-([0-9]+)$", Some("${1}")).is_ok());
        assert!(tag_filter("^main-(?P<ts>[0-9]+)$", Some("$nope")).is_err());
        assert!(tag_filter("^main-(", None).is_err());
    }
}
