//! The Git side of bootstrap: fetch one branch into a throwaway bare repository, write floe's
//! files into its tree (nothing else in the tree is touched), commit only when the tree
//! changed, and push, fetching and replaying the change once when someone pushed first.
//!
//! There is no work tree: floe's change is "these files have these bytes", so it is built
//! directly as tree objects on top of the fetched commit. That makes "did anything change" a
//! tree-id comparison and a rebase onto a newer tip a replay of the same writes.

use git2::Oid;

use crate::usage::InvalidInput;

mod auth;
mod log;
mod transport;
mod workspace;

pub use auth::{GitAuth, RemoteSpec, trust_ca_file};
pub use log::{CommitInfo, abbrev, changed_under, commit_info, entry_at, open_local, resolve};
pub use transport::branch_head;
pub use workspace::{Workspace, author};

/// Why a Git operation failed, in the terms a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error(
        "authentication to {url} failed: {detail}; check the token or credentials and that they can write to the repository"
    )]
    Auth { url: String, detail: String },
    #[error(
        "the server certificate of {url} is not trusted: {detail}; pass --ca-file with the CA that signed it"
    )]
    Certificate { url: String, detail: String },
    #[error("cannot reach the Git repository {url}: {detail}")]
    Transport { url: String, detail: String },
    #[error(
        "the Git server {url} redirected to another host{to}; floe follows redirects only within the host you named, so your credentials never go elsewhere: use the repository's final URL"
    )]
    CrossHostRedirect { url: String, to: String },
    #[error(
        "the push to branch {branch} of {url} was rejected: {reason}; the branch may be protected or the credentials may lack write access"
    )]
    Rejected {
        url: String,
        branch: String,
        reason: String,
    },
    #[error(
        "the push to branch {branch} of {url} was rejected twice because others pushed at the same time; run the command again"
    )]
    Race { url: String, branch: String },
    #[error("git: {0}")]
    Other(#[from] git2::Error),
    #[error("cannot create a scratch repository: {0}")]
    Io(#[from] std::io::Error),
}

/// Checks a branch name the way Git does.
pub fn validate_branch(branch: &str) -> Result<(), InvalidInput> {
    if branch.is_empty() || !git2::Reference::is_valid_name(&format!("refs/heads/{branch}")) {
        return Err(InvalidInput::new(format!(
            "invalid --branch {branch:?}: not a valid Git branch name"
        )));
    }
    Ok(())
}

/// How one file in floe's change compares with the branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileChange {
    Added,
    Modified,
    Unchanged,
    /// A rollback removes a file that did not exist at the restored revision.
    Deleted,
}

/// The tree floe would commit and what it changes.
#[derive(Debug, Clone)]
pub struct Plan {
    pub tree: Oid,
    pub files: Vec<(String, FileChange)>,
}

/// What [`Workspace::commit_and_push`] did.
#[derive(Debug, Clone)]
pub struct PushOutcome {
    /// The branch's commit after the push (the existing tip when nothing changed).
    pub commit: Oid,
    pub pushed: bool,
    /// Someone else pushed first; floe fetched their commit and replayed its change on top.
    pub rebased: bool,
    pub plan: Plan,
}

#[cfg(test)]
mod tests {
    use super::auth::same_host;
    use git2::Signature;
    use std::path::Path;
    #[test]
    fn credentials_are_only_for_the_named_host_and_port() {
        assert!(same_host(
            "https://git.example.com/a.git",
            "https://GIT.example.com:443/b"
        ));
        assert!(!same_host(
            "http://127.0.0.1:8080/a.git",
            "http://localhost:8080/a.git"
        ));
        assert!(!same_host("https://h/a.git", "https://h:8443/a.git"));
        assert!(!same_host(
            "https://h/a.git",
            "https://evil.example/h/a.git"
        ));
        assert!(same_host("/srv/git/a.git", "/srv/git/a.git"));
    }

    use super::*;
    use std::process::Command;

    fn git(dir: &Path, args: &[&str]) -> String {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@t")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@t")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    fn bare() -> (tempfile::TempDir, RemoteSpec) {
        let dir = tempfile::tempdir().unwrap();
        git(dir.path(), &["init", "--bare", "-q", "-b", "main"]);
        let url = format!("file://{}", dir.path().display());
        (
            dir,
            RemoteSpec {
                url,
                auth: GitAuth::None,
            },
        )
    }

    fn files(text: &str) -> Vec<(String, Vec<u8>)> {
        vec![
            (
                "clusters/dev/flux-system/a.yaml".into(),
                text.as_bytes().to_vec(),
            ),
            ("clusters/dev/flux-system/b.yaml".into(), b"b\n".to_vec()),
        ]
    }

    #[test]
    fn first_commit_starts_the_branch_and_a_rerun_changes_nothing() {
        let (dir, remote) = bare();
        let who = Signature::now("t", "t@t").unwrap();
        let mut ws = Workspace::open(remote.clone(), "main").unwrap();
        assert_eq!(ws.base(), None, "an empty repository has no tip");
        let first = ws.commit_and_push(&files("a\n"), &who, "one").unwrap();
        assert!(first.pushed && !first.rebased);
        assert_eq!(
            git(dir.path(), &["rev-parse", "main"]),
            first.commit.to_string()
        );
        assert_eq!(
            git(
                dir.path(),
                &["show", "main:clusters/dev/flux-system/a.yaml"]
            ),
            "a"
        );

        let mut again = Workspace::open(remote, "main").unwrap();
        let second = again.commit_and_push(&files("a\n"), &who, "two").unwrap();
        assert!(!second.pushed, "same files, no commit");
        assert_eq!(second.commit, first.commit);
        assert!(
            second
                .plan
                .files
                .iter()
                .all(|(_, c)| *c == FileChange::Unchanged)
        );
    }

    #[test]
    fn other_files_are_kept_and_a_moved_branch_is_rebased_once() {
        let (dir, remote) = bare();
        let who = Signature::now("t", "t@t").unwrap();
        let seed = tempfile::tempdir().unwrap();
        git(seed.path(), &["init", "-q", "-b", "main"]);
        std::fs::write(seed.path().join("README.md"), "hello\n").unwrap();
        git(seed.path(), &["add", "."]);
        git(seed.path(), &["commit", "-q", "-m", "seed"]);
        git(seed.path(), &["push", "-q", &remote.url, "main"]);

        let mut ws = Workspace::open(remote.clone(), "main").unwrap();
        // Someone pushes between floe's fetch and its push.
        std::fs::write(seed.path().join("other.txt"), "x\n").unwrap();
        git(seed.path(), &["add", "."]);
        git(seed.path(), &["commit", "-q", "-m", "concurrent"]);
        git(seed.path(), &["push", "-q", &remote.url, "main"]);
        let theirs = git(seed.path(), &["rev-parse", "HEAD"]);

        let outcome = ws.commit_and_push(&files("a\n"), &who, "floe").unwrap();
        assert!(outcome.pushed && outcome.rebased);
        assert_eq!(git(dir.path(), &["rev-parse", "main^"]), theirs);
        assert_eq!(git(dir.path(), &["show", "main:README.md"]), "hello");
        assert_eq!(git(dir.path(), &["show", "main:other.txt"]), "x");
        let diff = Workspace::open(remote, "main")
            .unwrap()
            .plan(&files("changed\n"))
            .unwrap();
        assert_eq!(diff.files[0].1, FileChange::Modified);
        assert_eq!(diff.files[1].1, FileChange::Unchanged);
    }

    #[test]
    fn diff_is_a_unified_patch() {
        let (_dir, remote) = bare();
        let ws = Workspace::open(remote, "main").unwrap();
        let plan = ws.plan(&files("a\n")).unwrap();
        let diff = ws.diff(&plan).unwrap();
        assert!(
            diff.contains("+++ b/clusters/dev/flux-system/a.yaml"),
            "{diff}"
        );
        assert!(diff.contains("\n+a\n"), "{diff}");
    }

    #[test]
    fn bad_branch_names_are_refused() {
        assert!(validate_branch("main").is_ok());
        assert!(validate_branch("feature/x").is_ok());
        let err = validate_branch("bad..name").unwrap_err();
        assert!(err.0.contains("bad..name"), "{err}");
    }
}
