//! The Git side of a Flux object: which GitRepository (URL, branch) and path a sync, release
//! or source reads, read from the cluster; and the branch's head, read from Git.

use crate::cluster::Cluster;
use crate::git::{self, GitError};
use crate::host::Host;
use crate::kinds::source::GitRepository;
use crate::kinds::{FluxKind, ObjectRef};
use crate::objects::ObjectError;

/// Where an object's manifests come from in Git.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitOrigin {
    /// The GitRepository.
    pub source: ObjectRef,
    pub url: String,
    pub branch: String,
    /// The sync's `spec.path`, normalised without `./` (empty: the repository root).
    pub path: String,
}

/// Why an object's Git origin cannot be named.
#[derive(Debug, thiserror::Error)]
pub enum OriginError {
    #[error(
        "{target} reads from {source_kind}, not a GitRepository; Git history and revisions apply to Git sources only"
    )]
    NotGit {
        target: ObjectRef,
        source_kind: String,
    },
    #[error("{repository} follows {what}, not a branch; pass --for-revision instead")]
    NotABranch { repository: ObjectRef, what: String },
    #[error(transparent)]
    Object(#[from] ObjectError),
}

/// A sync's path as Git names it: `./apps/prod` → `apps/prod`, `./` → ``.
pub fn git_path(path: Option<&str>) -> String {
    path.unwrap_or_default()
        .trim_start_matches("./")
        .trim_matches('/')
        .trim_start_matches('.')
        .to_string()
}

/// The GitRepository `target` reads (itself, for a GitRepository) and the path it applies.
pub async fn origin(cluster: &Cluster, target: &ObjectRef) -> Result<GitOrigin, OriginError> {
    let (source, path) = if target.kind == FluxKind::GitRepository {
        (target.clone(), String::new())
    } else {
        // The source and path every kind reports through its `FluxObject` impl.
        let observed = target.get(cluster).await?;
        match observed.source {
            Some(source) if source.kind == FluxKind::GitRepository => {
                (source, git_path(observed.source_path.as_deref()))
            }
            other => {
                return Err(OriginError::NotGit {
                    target: target.clone(),
                    source_kind: other.map_or_else(
                        || {
                            "no source it can name (its sourceRef is missing or malformed)"
                                .to_string()
                        },
                        |s| s.kind.to_string(),
                    ),
                });
            }
        }
    };
    let repository: GitRepository =
        source
            .fetch(cluster)
            .await?
            .try_parse()
            .map_err(|_| ObjectError::NotFound {
                target: source.clone(),
            })?;
    let reference = repository.spec.reference.clone().unwrap_or_default();
    let branch = match (
        &reference.branch,
        &reference.tag,
        &reference.semver,
        &reference.commit,
    ) {
        (_, Some(tag), ..) => {
            return Err(OriginError::NotABranch {
                repository: source,
                what: format!("tag {tag}"),
            });
        }
        (_, _, Some(range), _) => {
            return Err(OriginError::NotABranch {
                repository: source,
                what: format!("semver range {range}"),
            });
        }
        (_, _, _, Some(commit)) => {
            return Err(OriginError::NotABranch {
                repository: source,
                what: format!("commit {commit}"),
            });
        }
        (Some(branch), ..) => branch.clone(),
        // source-controller's default.
        (None, ..) => "master".to_string(),
    };
    Ok(GitOrigin {
        source,
        url: repository.spec.url.clone(),
        branch,
        path,
    })
}

/// The commit at the head of the origin's branch, read from Git with the credentials `host`
/// holds for its URL.
pub async fn branch_head<H: Host>(origin: &GitOrigin, host: &H) -> Result<String, GitError> {
    let remote = host.credentials_for(&origin.url);
    let branch = origin.branch.clone();
    let head = crate::lifecycle::blocking(move || git::branch_head(&remote, &branch))
        .await
        .map_err(|e| GitError::Io(std::io::Error::other(e.to_string())))??;
    head.ok_or_else(|| GitError::Transport {
        url: crate::redact::url(&origin.url),
        detail: format!("it has no branch {}", origin.branch),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_named_as_git_names_them() {
        assert_eq!(git_path(Some("./apps/prod")), "apps/prod");
        assert_eq!(git_path(Some("./")), "");
        assert_eq!(git_path(Some("apps/")), "apps");
        assert_eq!(git_path(None), "");
        assert_eq!(git_path(Some("./clusters/dev/")), "clusters/dev");
    }
}
