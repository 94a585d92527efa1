//! The throwaway bare repository floe works in: fetch one branch (as deep as needed), write
//! files into its tree, commit when the tree changed, push, and replay the change once when
//! the branch moved.

use std::cell::{Cell, RefCell};
use std::path::Path;

use git2::{
    ErrorCode, FetchOptions, Oid, PushOptions, RemoteRedirect, Repository, Signature, Tree,
};

use super::auth::{RemoteSpec, callbacks};
use super::log::{entry_at, resolve, shallow_edge};
use super::transport::{PushError, classify, proxy_options, set_network_timeouts};
use super::{FileChange, GitError, Plan, PushOutcome, validate_branch};

/// One branch of one remote, fetched into a scratch bare repository that is deleted on drop.
pub struct Workspace {
    repo: Repository,
    remote: RemoteSpec,
    branch: String,
    /// The branch's tip on the remote when last fetched; `None` for a missing branch.
    base: Option<Oid>,
    _dir: crate::lifecycle::ScratchDir,
}

pub(super) const TRACKING_PREFIX: &str = "refs/remotes/origin/";

impl Workspace {
    /// Fetches `branch` (its tip only, where the transport allows). A missing branch, or an
    /// empty repository, gives a workspace with no base: the first commit starts the branch.
    pub fn open(remote: RemoteSpec, branch: &str) -> Result<Workspace, GitError> {
        validate_branch(branch).map_err(|e| GitError::Other(git2::Error::from_str(&e.0)))?;
        let dir = crate::lifecycle::ScratchDir::new("floe-git-")?;
        let repo = Repository::init_bare(dir.path())?;
        let mut workspace = Workspace {
            repo,
            remote,
            branch: branch.to_string(),
            base: None,
            _dir: dir,
        };
        workspace.fetch()?;
        Ok(workspace)
    }

    /// A workspace for a repository that does not exist yet (a dry run before creating it):
    /// no fetch, no base.
    pub fn empty(remote: RemoteSpec, branch: &str) -> Result<Workspace, GitError> {
        validate_branch(branch).map_err(|e| GitError::Other(git2::Error::from_str(&e.0)))?;
        let dir = crate::lifecycle::ScratchDir::new("floe-git-")?;
        Ok(Workspace {
            repo: Repository::init_bare(dir.path())?,
            remote,
            branch: branch.to_string(),
            base: None,
            _dir: dir,
        })
    }

    pub fn base(&self) -> Option<Oid> {
        self.base
    }

    fn tracking_ref(&self) -> String {
        format!("{TRACKING_PREFIX}{}", self.branch)
    }

    fn fetch(&mut self) -> Result<(), GitError> {
        self.fetch_depth(1)
    }

    /// Fetches the branch's tip with `depth` commits of history (where the transport allows).
    fn fetch_depth(&mut self, depth: i32) -> Result<(), GitError> {
        let mut remote = self.repo.remote_anonymous(&self.remote.url)?;
        let refspec = format!("+refs/heads/{}:{}", self.branch, self.tracking_ref());
        let attempts = Cell::new(0);
        let rejection = RefCell::new(None);
        let mut options = FetchOptions::new();
        options.remote_callbacks(callbacks(&self.remote, &attempts, &rejection));
        options.follow_redirects(RemoteRedirect::None);
        options.proxy_options(proxy_options());
        set_network_timeouts();
        // libgit2's local transport cannot fetch shallow; over the network the tip is enough
        // (the push only needs the commit it builds on).
        if !self.is_local() {
            options.depth(depth);
        }
        remote
            .fetch(&[&refspec], Some(&mut options), None)
            .map_err(|e| self.classify(e))?;
        drop(remote);
        if depth > 1 {
            // libgit2 keeps the shallow edge it read when the repository was opened: open it
            // again so that deepened commits show their parents.
            let path = self.repo.path().to_path_buf();
            self.repo = Repository::open_bare(path)?;
        }
        self.base = self.repo.refname_to_id(&self.tracking_ref()).ok();
        Ok(())
    }

    /// The blob id of `path` on the fetched branch, if it has that file.
    fn blob_at_base(&self, path: &str) -> Option<Oid> {
        let commit = self.repo.find_commit(self.base?).ok()?;
        let entry = commit.tree().ok()?.get_path(Path::new(path)).ok()?;
        Some(entry.id())
    }

    /// The content of `path` on the branch as fetched, if it has that file.
    pub fn file_at_base(&self, path: &str) -> Option<Vec<u8>> {
        let blob = self.repo.find_blob(self.blob_at_base(path)?).ok()?;
        Some(blob.content().to_vec())
    }

    /// The tree the branch would have with `files` written, and how each file compares.
    pub fn plan(&self, files: &[(String, Vec<u8>)]) -> Result<Plan, GitError> {
        let mut tree = match self.base {
            Some(base) => Some(self.repo.find_commit(base)?.tree()?.id()),
            None => None,
        };
        let mut report = Vec::new();
        for (path, content) in files {
            let blob = self.repo.blob(content)?;
            let change = match self.blob_at_base(path) {
                None => FileChange::Added,
                Some(old) if old == blob => FileChange::Unchanged,
                Some(_) => FileChange::Modified,
            };
            report.push((path.clone(), change));
            let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
            let root = tree.map(|id| self.repo.find_tree(id)).transpose()?;
            tree = Some(write_path(&self.repo, root.as_ref(), &parts, blob)?);
        }
        let tree = match tree {
            Some(tree) => tree,
            None => self.repo.treebuilder(None)?.write()?,
        };
        Ok(Plan {
            tree,
            files: report,
        })
    }

    /// A unified diff of the branch against `plan`, as `git diff` prints it.
    pub fn diff(&self, plan: &Plan) -> Result<String, GitError> {
        let old = match self.base {
            Some(base) => Some(self.repo.find_commit(base)?.tree()?),
            None => None,
        };
        let new = self.repo.find_tree(plan.tree)?;
        let diff = self
            .repo
            .diff_tree_to_tree(old.as_ref(), Some(&new), None)?;
        let mut text = String::new();
        diff.print(git2::DiffFormat::Patch, |_, _, line| {
            if matches!(line.origin(), '+' | '-' | ' ') {
                text.push(line.origin());
            }
            text.push_str(&String::from_utf8_lossy(line.content()));
            true
        })?;
        Ok(text)
    }

    /// Writes `files`, commits if the tree changed and pushes. When the push is refused
    /// because the branch moved, fetches the new tip, replays the writes on it and pushes
    /// once more.
    pub fn commit_and_push(
        &mut self,
        files: &[(String, Vec<u8>)],
        author: &Signature<'_>,
        message: &str,
    ) -> Result<PushOutcome, GitError> {
        self.commit_and_push_plan(|w| w.plan(files), author, message)
    }

    /// Pushes `commit` to `branch` of the remote.
    fn push(&self, commit: Oid, branch: &str) -> Result<(), PushError> {
        let local = "refs/heads/floe-push";
        self.repo
            .reference(local, commit, true, "floe push")
            .map_err(|e| PushError::Failed(e.into()))?;
        let mut remote = self
            .repo
            .remote_anonymous(&self.remote.url)
            .map_err(|e| PushError::Failed(e.into()))?;
        let attempts = Cell::new(0);
        let rejection = RefCell::new(None);
        let mut options = PushOptions::new();
        options.remote_callbacks(callbacks(&self.remote, &attempts, &rejection));
        options.follow_redirects(RemoteRedirect::None);
        options.proxy_options(proxy_options());
        set_network_timeouts();
        let refspec = format!("{local}:refs/heads/{branch}");
        let result = remote.push(&[&refspec], Some(&mut options));
        if let Err(e) = result {
            if e.code() == ErrorCode::NotFastForward {
                return Err(PushError::Moved);
            }
            return Err(PushError::Failed(self.classify(e)));
        }
        drop(options);
        if let Some(reason) = rejection.into_inner() {
            // Servers say "fetch first" or "non-fast-forward" when the branch moved.
            if reason.contains("fetch first") || reason.contains("non-fast-forward") {
                return Err(PushError::Moved);
            }
            return Err(PushError::Failed(GitError::Rejected {
                url: self.remote.url.clone(),
                branch: branch.to_string(),
                reason,
            }));
        }
        Ok(())
    }

    fn classify(&self, e: git2::Error) -> GitError {
        classify(&self.remote.url, e)
    }
}

/// Returns the id of `tree` (or an empty tree) with `blob` at `parts`, creating the
/// directories on the way; every other entry is kept.
pub(super) fn write_path(
    repo: &Repository,
    tree: Option<&Tree<'_>>,
    parts: &[&str],
    blob: Oid,
) -> Result<Oid, git2::Error> {
    set_path(repo, tree, parts, Some((blob, 0o100644)))
}

/// Returns the id of `tree` (or an empty tree) with `entry` (an object id and file mode) at
/// `parts`, or without anything there for None; directories are created on the way and
/// dropped when they become empty; every other entry is kept.
pub(super) fn set_path(
    repo: &Repository,
    tree: Option<&Tree<'_>>,
    parts: &[&str],
    entry: Option<(Oid, i32)>,
) -> Result<Oid, git2::Error> {
    let mut builder = repo.treebuilder(tree)?;
    let (name, rest) = parts.split_first().expect("a path has a name");
    if rest.is_empty() {
        match entry {
            Some((id, mode)) => {
                builder.insert(name, id, mode)?;
            }
            None => {
                if builder.get(name)?.is_some() {
                    builder.remove(name)?;
                }
            }
        }
    } else {
        let child = match tree.and_then(|t| t.get_name(name)) {
            Some(entry) if entry.kind() == Some(git2::ObjectType::Tree) => {
                Some(repo.find_tree(entry.id())?)
            }
            _ => None,
        };
        let id = set_path(repo, child.as_ref(), rest, entry)?;
        if repo.find_tree(id)?.is_empty() {
            if builder.get(name)?.is_some() {
                builder.remove(name)?;
            }
        } else {
            builder.insert(name, id, 0o040000)?;
        }
    }
    builder.write()
}

/// How deep [`Workspace::deepen_for`] fetches, step by step, before the whole history.
pub(super) const DEPTHS: &[i32] = &[16, 64, 256];
/// libgit2's "unshallow" depth.
pub(super) const UNSHALLOW: i32 = i32::MAX;

impl Workspace {
    /// The scratch repository, for reading commits.
    pub fn repo(&self) -> &Repository {
        &self.repo
    }

    fn is_local(&self) -> bool {
        self.remote.url.starts_with("file://") || Path::new(&self.remote.url).exists()
    }

    /// Whether `rev` and its first parent are here (not at the edge of a shallow fetch).
    fn has_with_parent(&self, rev: &str) -> bool {
        let shallow = shallow_edge(&self.repo);
        resolve(&self.repo, rev).is_some_and(|oid| !shallow.contains(&oid))
    }

    /// Fetches more of the branch's history until every commit in `wanted` and its parent are
    /// here: 16 commits, then 64, then 256, then all of it. Returns the depth fetched (None:
    /// the whole history). Revisions the branch never had stay missing.
    pub fn deepen_for(&mut self, wanted: &[String]) -> Result<Option<i32>, GitError> {
        if self.is_local() {
            return Ok(None);
        }
        for depth in DEPTHS.iter().copied().chain([UNSHALLOW]) {
            if wanted.iter().all(|w| self.has_with_parent(w)) {
                return Ok(Some(depth));
            }
            self.fetch_depth(depth)?;
        }
        Ok(None)
    }

    /// The tree the branch would have with `path` as it was in `from` (removed when `from`
    /// has no `path`), and the files that differ from the branch.
    pub fn plan_restore(&self, path: &str, from: Oid) -> Result<Plan, GitError> {
        let base = self.base.map(|b| self.repo.find_commit(b)).transpose()?;
        let base_tree = base.as_ref().map(|c| c.tree()).transpose()?;
        let entry = entry_at(&self.repo, from, path)?;
        let tree = if path.is_empty() {
            entry.map(|(id, _)| id).expect("a commit has a root tree")
        } else {
            let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
            set_path(&self.repo, base_tree.as_ref(), &parts, entry)?
        };
        let new = self.repo.find_tree(tree)?;
        let diff = self
            .repo
            .diff_tree_to_tree(base_tree.as_ref(), Some(&new), None)?;
        let files = diff
            .deltas()
            .map(|d| {
                let path = d.new_file().path().or(d.old_file().path());
                let change = match d.status() {
                    git2::Delta::Added => FileChange::Added,
                    git2::Delta::Deleted => FileChange::Deleted,
                    _ => FileChange::Modified,
                };
                (
                    path.map(|p| p.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    change,
                )
            })
            .collect();
        Ok(Plan { tree, files })
    }

    /// Commits the tree `plan_for` gives (on the current base) and pushes; when the branch
    /// moved, fetches, asks `plan_for` again on the new tip and pushes once more. Nothing is
    /// committed when the tree equals the base's.
    pub fn commit_and_push_plan(
        &mut self,
        plan_for: impl Fn(&Workspace) -> Result<Plan, GitError>,
        author: &Signature<'_>,
        message: &str,
    ) -> Result<PushOutcome, GitError> {
        let mut rebased = false;
        loop {
            let plan = plan_for(self)?;
            let parent = self.base.map(|b| self.repo.find_commit(b)).transpose()?;
            if let Some(parent) = &parent
                && parent.tree_id() == plan.tree
            {
                return Ok(PushOutcome {
                    commit: parent.id(),
                    pushed: false,
                    rebased,
                    plan,
                });
            }
            let tree = self.repo.find_tree(plan.tree)?;
            let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
            let commit = self
                .repo
                .commit(None, author, author, message, &tree, &parents)?;
            drop(parents);
            drop(tree);
            drop(parent);
            match self.push(commit, &self.branch) {
                Ok(()) => {
                    self.base = Some(commit);
                    return Ok(PushOutcome {
                        commit,
                        pushed: true,
                        rebased,
                        plan,
                    });
                }
                Err(PushError::Moved) if !rebased => {
                    rebased = true;
                    self.fetch()?;
                }
                Err(PushError::Moved) => {
                    return Err(GitError::Race {
                        url: self.remote.url.clone(),
                        branch: self.branch.clone(),
                    });
                }
                Err(PushError::Failed(e)) => return Err(e),
            }
        }
    }

    /// Commits the tree of `plan` on the base and pushes it to a new `branch` (for review),
    /// leaving the workspace's branch alone.
    pub fn push_for_review(
        &self,
        plan: &Plan,
        author: &Signature<'_>,
        message: &str,
        branch: &str,
    ) -> Result<Oid, GitError> {
        validate_branch(branch).map_err(|e| GitError::Other(git2::Error::from_str(&e.0)))?;
        let parent = self.base.map(|b| self.repo.find_commit(b)).transpose()?;
        let tree = self.repo.find_tree(plan.tree)?;
        let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
        let commit = self
            .repo
            .commit(None, author, author, message, &tree, &parents)?;
        match self.push(commit, branch) {
            Ok(()) => Ok(commit),
            Err(PushError::Moved) => Err(GitError::Rejected {
                url: self.remote.url.clone(),
                branch: branch.to_string(),
                reason: "the branch exists with other commits; name a new one".to_string(),
            }),
            Err(PushError::Failed(e)) => Err(e),
        }
    }
}

/// The commit author: the flags, else the user's Git config, else `floe`.
pub fn author(name: Option<&str>, email: Option<&str>) -> Result<Signature<'static>, GitError> {
    let config = git2::Config::open_default().ok();
    let from_config = |key: &str| config.as_ref().and_then(|c| c.get_string(key).ok());
    let name = name
        .map(str::to_string)
        .or_else(|| from_config("user.name"))
        .unwrap_or_else(|| "floe".to_string());
    let email = email
        .map(str::to_string)
        .or_else(|| from_config("user.email"))
        .unwrap_or_else(|| "floe@localhost".to_string());
    Ok(Signature::now(&name, &email)?)
}
