//! The Git side of bootstrap: fetch one branch into a throwaway bare repository, write floe's
//! files into its tree (nothing else in the tree is touched), commit only when the tree
//! changed, and push, fetching and replaying the change once when someone pushed first.
//!
//! There is no work tree: floe's change is "these files have these bytes", so it is built
//! directly as tree objects on top of the fetched commit. That makes "did anything change" a
//! tree-id comparison and a rebase onto a newer tip a replay of the same writes.

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};

use git2::{
    Cred, CredentialType, ErrorClass, ErrorCode, FetchOptions, Oid, PushOptions, RemoteCallbacks,
    RemoteRedirect, Repository, Signature, Tree,
};
use zeroize::Zeroizing;

use crate::usage::InvalidInput;

/// How floe authenticates its own fetch and push.
#[derive(Clone, Default)]
pub enum GitAuth {
    /// Anonymous (file:// repositories, public http mirrors).
    #[default]
    None,
    /// HTTP basic auth; GitHub takes a token as the password.
    Basic {
        username: String,
        password: Zeroizing<String>,
    },
    /// An SSH private key file (OpenSSH or PEM), optionally with a passphrase.
    SshKeyFile {
        path: PathBuf,
        passphrase: Option<Zeroizing<String>>,
    },
    /// Keys from the running ssh-agent.
    SshAgent,
}

impl std::fmt::Debug for GitAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print a password or passphrase.
        match self {
            GitAuth::None => f.write_str("None"),
            GitAuth::Basic { username, .. } => write!(f, "Basic({username}, ***)"),
            GitAuth::SshKeyFile { path, .. } => write!(f, "SshKeyFile({})", path.display()),
            GitAuth::SshAgent => f.write_str("SshAgent"),
        }
    }
}

/// Where to fetch from and push to.
#[derive(Debug, Clone)]
pub struct RemoteSpec {
    pub url: String,
    pub auth: GitAuth,
}

/// The credentials a user gave floe for reading (and pushing to) the repository a source
/// names: the same ones bootstrap takes.
#[derive(Clone, Default)]
pub struct GitAccess {
    pub username: Option<String>,
    pub password: Option<Zeroizing<String>>,
    pub private_key_file: Option<PathBuf>,
    /// `GITHUB_TOKEN`, used for github.com URLs only.
    pub github_token: Option<Zeroizing<String>>,
}

impl GitAccess {
    /// How to reach `url` with these credentials: basic auth for HTTPS (a GitHub token for
    /// github.com), a key file or the SSH agent for SSH. A github.com SSH URL is read over
    /// HTTPS when there is a GitHub token and no key, as a CI job has.
    pub fn remote(&self, url: &str) -> RemoteSpec {
        let parsed = url::Url::parse(url).ok();
        let host = parsed
            .as_ref()
            .and_then(|u| u.host_str())
            .unwrap_or_default();
        let scheme = parsed.as_ref().map(|u| u.scheme()).unwrap_or_default();
        let github = host.eq_ignore_ascii_case("github.com");
        let mut url = url.to_string();
        if scheme == "ssh"
            && github
            && self.github_token.is_some()
            && self.private_key_file.is_none()
            && let Some(parsed) = &parsed
        {
            url = format!("https://github.com{}", parsed.path());
        }
        let auth = if url.starts_with("ssh://") {
            match &self.private_key_file {
                Some(path) => GitAuth::SshKeyFile {
                    path: path.clone(),
                    passphrase: None,
                },
                None => GitAuth::SshAgent,
            }
        } else if let Some(password) = &self.password {
            GitAuth::Basic {
                username: self.username.clone().unwrap_or_else(|| "git".to_string()),
                password: password.clone(),
            }
        } else if let (true, Some(token)) = (github, &self.github_token) {
            GitAuth::Basic {
                username: "git".to_string(),
                password: token.clone(),
            }
        } else {
            GitAuth::None
        };
        RemoteSpec { url, auth }
    }
}

impl std::fmt::Debug for GitAccess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GitAccess")
            .field("username", &self.username)
            .field("private_key_file", &self.private_key_file)
            .finish_non_exhaustive()
    }
}

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

/// Makes libgit2 trust a private CA (in addition to the system's) for HTTPS. Process-wide, as
/// libgit2's TLS settings are.
pub fn trust_ca_file(path: &Path) -> Result<(), GitError> {
    // Safety: called before any Git network operation starts, from one thread.
    unsafe { git2::opts::set_ssl_cert_file(path)? };
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

/// One branch of one remote, fetched into a scratch bare repository that is deleted on drop.
pub struct Workspace {
    repo: Repository,
    remote: RemoteSpec,
    branch: String,
    /// The branch's tip on the remote when last fetched; `None` for a missing branch.
    base: Option<Oid>,
    _dir: crate::lifecycle::ScratchDir,
}

const TRACKING_PREFIX: &str = "refs/remotes/origin/";

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

/// The commit `branch` points at on the remote (`git ls-remote`), or None when there is no
/// such branch.
pub fn branch_head(remote: &RemoteSpec, branch: &str) -> Result<Option<String>, GitError> {
    validate_branch(branch).map_err(|e| GitError::Other(git2::Error::from_str(&e.0)))?;
    let mut detached = git2::Remote::create_detached(remote.url.as_str())?;
    let attempts = Cell::new(0);
    let rejection = RefCell::new(None);
    set_network_timeouts();
    let connection = detached
        .connect_auth(
            git2::Direction::Fetch,
            Some(callbacks(remote, &attempts, &rejection)),
            Some(proxy_options()),
        )
        .map_err(|e| classify(&remote.url, e))?;
    let wanted = format!("refs/heads/{branch}");
    let head = connection
        .list()
        .map_err(|e| classify(&remote.url, e))?
        .iter()
        .find(|r| r.name() == wanted)
        .map(|r| r.oid().to_string());
    Ok(head)
}

/// A libgit2 error in the terms a user can act on.
fn classify(url: &str, e: git2::Error) -> GitError {
    let url = url.to_string();
    let detail = e.message().to_string();
    if let Some(to) = detail.strip_prefix(CROSS_HOST_PREFIX) {
        return GitError::CrossHostRedirect {
            url,
            to: format!(" ({})", crate::redact::url(to)),
        };
    }
    if detail.contains("cross host redirect") {
        return GitError::CrossHostRedirect {
            url,
            to: String::new(),
        };
    }
    if detail.to_lowercase().contains("timed out") {
        return GitError::Transport {
            url,
            detail: format!(
                "{detail} (within the command's --timeout of {})",
                crate::kinds::duration::GoDuration(crate::lifecycle::timeout())
            ),
        };
    }
    match (e.code(), e.class()) {
        (ErrorCode::Auth, _) => GitError::Auth { url, detail },
        (ErrorCode::Certificate, _) => GitError::Certificate { url, detail },
        (_, ErrorClass::Http) if detail.contains("401") || detail.contains("403") => {
            GitError::Auth { url, detail }
        }
        (
            _,
            ErrorClass::Net | ErrorClass::Http | ErrorClass::Ssh | ErrorClass::Ssl | ErrorClass::Os,
        ) => GitError::Transport { url, detail },
        _ => GitError::Other(e),
    }
}

enum PushError {
    Moved,
    Failed(GitError),
}

/// Credentials for libgit2: offered once each; when the server refuses them libgit2 asks
/// again, and the second ask ends the operation with an authentication error instead of
/// looping.
fn callbacks<'a>(
    remote: &'a RemoteSpec,
    attempts: &'a Cell<u32>,
    rejection: &'a RefCell<Option<String>>,
) -> RemoteCallbacks<'a> {
    let mut callbacks = RemoteCallbacks::new();
    callbacks.credentials(move |url, username, allowed| {
        // Credentials are for the host the user named, never for one a redirect points at.
        if !same_host(&remote.url, url) {
            return Err(git2::Error::new(
                ErrorCode::Auth,
                ErrorClass::Http,
                format!("{CROSS_HOST_PREFIX}{url}"),
            ));
        }
        attempts.set(attempts.get() + 1);
        if attempts.get() > 1 {
            return Err(git2::Error::new(
                ErrorCode::Auth,
                ErrorClass::Http,
                "the server refused the credentials",
            ));
        }
        let user = username.unwrap_or("git");
        match &remote.auth {
            GitAuth::Basic { username, password }
                if allowed.contains(CredentialType::USER_PASS_PLAINTEXT) =>
            {
                Cred::userpass_plaintext(username, password)
            }
            GitAuth::SshKeyFile { path, passphrase }
                if allowed.contains(CredentialType::SSH_KEY) =>
            {
                Cred::ssh_key(user, None, path, passphrase.as_deref().map(|p| p.as_str()))
            }
            GitAuth::SshAgent if allowed.contains(CredentialType::SSH_KEY) => {
                Cred::ssh_key_from_agent(user)
            }
            _ if allowed.contains(CredentialType::USERNAME) => Cred::username(user),
            _ => Err(git2::Error::new(
                ErrorCode::Auth,
                ErrorClass::Http,
                "the server asks for credentials and none were given",
            )),
        }
    });
    callbacks.push_update_reference(move |_name, status| {
        if let Some(status) = status {
            *rejection.borrow_mut() = Some(status.to_string());
        }
        Ok(())
    });
    callbacks
}

const CROSS_HOST_PREFIX: &str = "credentials requested by another host: ";

/// Whether `url` is on the same host and port as `named` (the URL the user gave).
fn same_host(named: &str, url: &str) -> bool {
    let key = |u: &str| {
        url::Url::parse(u).ok().map(|u| {
            (
                u.host_str().map(str::to_lowercase),
                u.port_or_known_default(),
            )
        })
    };
    match (key(named), key(url)) {
        (Some(a), Some(b)) => a == b,
        // Local paths and scp-like addresses are not redirected by a server.
        _ => true,
    }
}

/// Proxies as git finds them: `http.proxy` in the Git config, else HTTPS_PROXY/HTTP_PROXY,
/// honouring NO_PROXY.
fn proxy_options() -> git2::ProxyOptions<'static> {
    let mut options = git2::ProxyOptions::new();
    options.auto();
    options
}

/// Bounds libgit2's connects and reads by what is left of the command's `--timeout` (libgit2's
/// settings are process-wide; floe runs one Git operation at a time).
fn set_network_timeouts() {
    let remaining = crate::lifecycle::remaining();
    if remaining == std::time::Duration::MAX {
        return;
    }
    let ms = |d: std::time::Duration| d.as_millis().clamp(1, i32::MAX as u128) as i32;
    // Safety: no other thread runs a libgit2 network operation meanwhile.
    unsafe {
        let _ = git2::opts::set_server_connect_timeout_in_milliseconds(ms(remaining));
        let _ = git2::opts::set_server_timeout_in_milliseconds(ms(remaining));
    }
}

/// Returns the id of `tree` (or an empty tree) with `blob` at `parts`, creating the
/// directories on the way; every other entry is kept.
fn write_path(
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
fn set_path(
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
fn shallow_edge(repo: &Repository) -> std::collections::HashSet<Oid> {
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

/// How deep [`Workspace::deepen_for`] fetches, step by step, before the whole history.
const DEPTHS: &[i32] = &[16, 64, 256];
/// libgit2's "unshallow" depth.
const UNSHALLOW: i32 = i32::MAX;

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

#[cfg(test)]
mod tests {
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
