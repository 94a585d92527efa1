//! `history`: what a sync or Helm release applied, newest first, from the controller's
//! `status.history`, joined with the Git commits behind each revision (author, date, subject,
//! the files it changed under the sync's path).
//!
//! The controllers key `status.history` by the digest of what they applied (at most 5
//! entries): a revision whose content equals an earlier entry's updates that entry, so after a
//! rollback the restored revision's own commit no longer appears; the rollback commit does,
//! and its `Restored-Revision` trailer names what it restored.

use std::path::PathBuf;

use serde::Serialize;

use crate::cluster::Cluster;
use crate::git::{self, CommitInfo, RemoteSpec, Workspace};
use crate::gitsource::{self, GitOrigin};
use crate::host::Host;
use crate::kinds::observed::names_revision;
use crate::kinds::{FluxKind, ObjectRef, Observed};

/// The trailer floe's rollback commits carry: the revision whose content they restore.
pub const RESTORED_TRAILER: &str = "Restored-Revision";
/// The trailer naming the revisions a rollback undid.
pub const UNDONE_TRAILER: &str = "Undone-Revisions";

/// How to read the Git side.
#[derive(Debug, Clone)]
pub enum GitReader<H> {
    /// A local clone (`--repo-dir`).
    Local(PathBuf),
    /// The source's repository on its host, fetched only as deep as the listed revisions
    /// need, with the credentials the host holds for its URL.
    Remote(H),
}

/// One revision the controller applied.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    pub revision: String,
    /// The cluster runs this revision now.
    pub live: bool,
    /// The controller's result (`ReconciliationSucceeded`, `HealthCheckFailed`, `deployed`...).
    pub result: String,
    pub succeeded: bool,
    #[serde(rename = "firstApplied")]
    pub first_applied: Option<String>,
    #[serde(rename = "lastApplied")]
    pub last_applied: Option<String>,
    pub duration: Option<String>,
    pub digest: String,
    /// The commit behind the revision, when Git could be read.
    pub commit: Option<CommitInfo>,
    /// Files the commit changed under the sync's path (None: unknown).
    pub files: Option<Vec<String>>,
    /// For a floe rollback commit, the revision whose content it restored.
    pub restores: Option<String>,
}

/// An object's history and where its Git side came from.
#[derive(Debug, Clone, Serialize)]
pub struct History {
    pub kind: String,
    pub namespace: String,
    pub name: String,
    /// The repository and path the Git columns come from.
    pub repository: Option<String>,
    pub branch: Option<String>,
    pub path: Option<String>,
    pub rows: Vec<HistoryRow>,
    /// Why the Git columns are empty, when they are.
    #[serde(rename = "gitUnavailable")]
    pub git_unavailable: Option<String>,
}

/// The commit a revision names (`main@sha1:<commit>`), if it names one.
pub fn commit_of(revision: &str) -> Option<&str> {
    let hex = revision
        .rsplit_once(':')
        .map(|(_, h)| h)
        .or_else(|| revision.rsplit_once('/').map(|(_, h)| h))?;
    (hex.len() >= 7 && hex.chars().all(|c| c.is_ascii_hexdigit())).then_some(hex)
}

/// The cluster side: one row per `status.history` entry, the live one marked.
pub fn rows(observed: &Observed) -> Vec<HistoryRow> {
    // The live one: the newest entry that applied successfully at the applied revision (a
    // newer failed attempt may stand before it).
    let live = observed
        .history
        .iter()
        .position(|h| h.succeeded && names_revision(&observed.revision, &h.revision));
    observed
        .history
        .iter()
        .enumerate()
        .map(|(i, h)| HistoryRow {
            revision: h.revision.clone(),
            live: Some(i) == live,
            result: h.result.clone(),
            succeeded: h.succeeded,
            first_applied: h.first.clone(),
            last_applied: h.last.clone(),
            duration: h.duration.clone(),
            digest: h.digest.clone(),
            commit: None,
            files: None,
            restores: None,
        })
        .collect()
}

/// The value of `trailer` in a commit message.
pub fn trailer<'a>(message: &'a str, trailer: &str) -> Option<&'a str> {
    message
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix(trailer)?.strip_prefix(':'))
        .map(str::trim)
}

/// Fills the Git columns of `rows` from `repo`.
pub fn join(repo: &git2::Repository, rows: &mut [HistoryRow], path: &str) {
    for row in rows {
        let Some(oid) = commit_of(&row.revision).and_then(|c| git::resolve(repo, c)) else {
            continue;
        };
        if let Ok(info) = git::commit_info(repo, oid) {
            row.restores = trailer(&info.message, RESTORED_TRAILER).map(str::to_string);
            row.commit = Some(info);
        }
        row.files = git::changed_under(repo, oid, path).ok().flatten();
    }
}

/// A workspace on the origin's branch, deep enough for `revisions`.
pub fn workspace(
    origin: &GitOrigin,
    remote: RemoteSpec,
    revisions: &[String],
) -> Result<Workspace, git::GitError> {
    let mut workspace = Workspace::open(remote, &origin.branch)?;
    let commits: Vec<String> = revisions
        .iter()
        .filter_map(|r| commit_of(r))
        .map(str::to_string)
        .collect();
    workspace.deepen_for(&commits)?;
    Ok(workspace)
}

/// The history of a sync or Helm release. Without a reader, or when Git cannot be read, the
/// rows have the cluster side only and `git_unavailable` says why.
pub async fn history<H: Host>(
    cluster: &Cluster,
    target: &ObjectRef,
    reader: Option<GitReader<H>>,
) -> anyhow::Result<History> {
    let observed = target.get(cluster).await?;
    let rows = rows(&observed);
    let mut out = History {
        kind: target.kind.kind().to_string(),
        namespace: target.namespace.to_string(),
        name: target.name.to_string(),
        repository: None,
        branch: None,
        path: None,
        rows: Vec::new(),
        git_unavailable: None,
    };
    let origin = if target.kind == FluxKind::Kustomization {
        gitsource::origin(cluster, target)
            .await
            .map_err(|e| e.to_string())
    } else {
        Err("the Git side is shown for syncs; a Helm release's history is its releases".to_string())
    };
    let joined: Result<Vec<HistoryRow>, String> = match (origin, reader) {
        (Err(why), _) => Err(why),
        (Ok(_), None) => Err("no Git access was given".to_string()),
        (Ok(origin), Some(reader)) => {
            out.repository = Some(crate::redact::url(&origin.url));
            out.branch = Some(origin.branch.clone());
            out.path = Some(origin.path.clone());
            let revisions: Vec<String> = rows.iter().map(|r| r.revision.clone()).collect();
            let mut joined = rows.clone();
            let reader = match reader {
                GitReader::Local(dir) => GitReader::Local(dir),
                GitReader::Remote(host) => GitReader::Remote(host.credentials_for(&origin.url)),
            };
            crate::lifecycle::blocking(move || -> Result<Vec<HistoryRow>, String> {
                match reader {
                    GitReader::Local(dir) => {
                        let repo = git::open_local(&dir)
                            .map_err(|e| format!("--repo-dir {}: {e}", dir.display()))?;
                        join(&repo, &mut joined, &origin.path);
                    }
                    GitReader::Remote(remote) => {
                        let ws =
                            workspace(&origin, remote, &revisions).map_err(|e| e.to_string())?;
                        join(ws.repo(), &mut joined, &origin.path);
                    }
                }
                Ok(joined)
            })
            .await
            .map_err(|e| e.to_string())
            .and_then(|r| r)
        }
    };
    // Without the Git side, the cluster side as it is, and why.
    match joined {
        Ok(joined) => out.rows = joined,
        Err(why) => {
            out.rows = rows;
            out.git_unavailable = Some(why);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_name_commits_and_trailers_are_read() {
        assert_eq!(commit_of("main@sha1:8f3e2a1b9c"), Some("8f3e2a1b9c"));
        assert_eq!(commit_of("main/8f3e2a1b9c"), Some("8f3e2a1b9c"));
        assert_eq!(commit_of("6.3.5"), None);
        let message = "Roll back apps to 1a2b3c4\n\nbody\n\nRestored-Revision: 1a2b3c4d5e\nUndone-Revisions: 9f8e7d6\n";
        assert_eq!(trailer(message, RESTORED_TRAILER), Some("1a2b3c4d5e"));
        assert_eq!(trailer(message, UNDONE_TRAILER), Some("9f8e7d6"));
        assert_eq!(trailer("no trailers", RESTORED_TRAILER), None);
    }
}
