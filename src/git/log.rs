//! Reading history: a commit's details, what it changed under a path, revisions resolved.

use std::path::Path;

use git2::{ErrorCode, Oid, Repository};

use super::GitError;

/// One commit as `history` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CommitInfo {
    pub sha: String,
    pub author: String,
    pub email: String,
    /// The author date, RFC 3339.
    pub date: String,
    pub subject: String,
    #[serde(skip)]
    pub message: String,
}

/// A commit id as git abbreviates it by default: its first 7 hex digits.
pub fn abbrev(sha: &str) -> &str {
    &sha[..sha.len().min(7)]
}

/// A commit named by its id, full or abbreviated, if the repository has it.
pub fn resolve(repo: &Repository, rev: &str) -> Option<Oid> {
    let hex = rev.rsplit_once(':').map_or(rev, |(_, hex)| hex);
    if hex.len() < 4 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    repo.revparse_single(hex)
        .ok()?
        .peel_to_commit()
        .ok()
        .map(|c| c.id())
}

pub fn commit_info(repo: &Repository, oid: Oid) -> Result<CommitInfo, GitError> {
    let commit = repo.find_commit(oid)?;
    let author = commit.author();
    let seconds = author.when().seconds();
    let date = jiff::Timestamp::from_second(seconds)
        .map(|t| t.to_string())
        .unwrap_or_default();
    Ok(CommitInfo {
        sha: oid.to_string(),
        author: author.name().unwrap_or_default().to_string(),
        email: author.email().unwrap_or_default().to_string(),
        date,
        subject: commit
            .message()
            .unwrap_or_default()
            .lines()
            .next()
            .unwrap_or_default()
            .to_string(),
        message: commit.message().unwrap_or_default().to_string(),
    })
}

/// The object at `path` in `commit`'s tree (the root tree for ""), with its file mode.
pub fn entry_at(
    repo: &Repository,
    commit: Oid,
    path: &str,
) -> Result<Option<(Oid, i32)>, GitError> {
    let tree = repo.find_commit(commit)?.tree()?;
    if path.is_empty() {
        return Ok(Some((tree.id(), 0o040000)));
    }
    match tree.get_path(Path::new(path)) {
        Ok(entry) => Ok(Some((entry.id(), entry.filemode()))),
        Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The commits at the edge of a shallow fetch: libgit2 shows them without parents.
pub(super) fn shallow_edge(repo: &Repository) -> std::collections::HashSet<Oid> {
    std::fs::read_to_string(repo.path().join("shallow"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| Oid::from_str(l.trim()).ok())
        .collect()
}

/// The files `commit` changed under `path` against its first parent, or None when the parent
/// is not in the repository (the edge of a shallow fetch). A root commit changed every file.
pub fn changed_under(
    repo: &Repository,
    commit: Oid,
    path: &str,
) -> Result<Option<Vec<String>>, GitError> {
    if shallow_edge(repo).contains(&commit) {
        return Ok(None);
    }
    let commit = repo.find_commit(commit)?;
    let parent_tree = match commit.parent_ids().next() {
        Some(parent) => match repo.find_commit(parent) {
            Ok(parent) => Some(parent.tree()?),
            Err(_) => return Ok(None),
        },
        None => None,
    };
    let mut options = git2::DiffOptions::new();
    if !path.is_empty() {
        options.pathspec(path);
    }
    let diff = repo.diff_tree_to_tree(
        parent_tree.as_ref(),
        Some(&commit.tree()?),
        Some(&mut options),
    )?;
    Ok(Some(
        diff.deltas()
            .filter_map(|d| d.new_file().path().or(d.old_file().path()))
            .map(|p| p.to_string_lossy().into_owned())
            .collect(),
    ))
}

/// A local clone (`--repo-dir`), read as it is.
pub fn open_local(dir: &Path) -> Result<Repository, GitError> {
    Ok(Repository::open(dir)?)
}
