//! What bootstrap needs from the place the repository lives: a Git hosting service with an
//! API (GitHub; GitLab and Gitea next) or any Git server. The bootstrap flow in `mod.rs` is
//! generic over [`GitHost`] and knows nothing of any particular host; adding one is a new
//! implementation of this trait.

use super::report::Done;
use super::{Options, Progress};
use crate::cluster::Cluster;
use crate::git::RemoteSpec;
use crate::host::Host;

/// What one bootstrap step hands back: its value, how it ended, its line and its details.
pub type StepResult<T> = anyhow::Result<Done<T>>;

/// What the host's preflight found: the words added to the preflight line, and the account
/// whose credentials it accepted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HostCheck {
    pub accepted: Option<String>,
    pub user: Option<String>,
}

/// A repository's host, as bootstrap uses it: a [`Host`] (which credentials go where) with the
/// steps bootstrap takes on it.
#[allow(async_fn_in_trait)]
pub trait GitHost: Host {
    /// The repository as the summary names it: `owner/name`, or its URL.
    fn repository(&self) -> String;

    /// Checks the host's side before anything is changed anywhere (a token's scopes, say).
    async fn preflight(&self) -> anyhow::Result<HostCheck>;

    /// The line of the repository step, for hosts that find or create repositories through
    /// an API; `None` for a plain Git server, which has no such step.
    fn repository_step(&self) -> Option<String>;

    /// Finds or creates the repository and brings its settings in line; says whether it
    /// exists (a dry run creates nothing).
    async fn ensure_repository(&self, opts: &Options) -> StepResult<bool>;

    /// The URL floe pushes to.
    fn push_url(&self) -> String;

    /// Where floe pushes, and with which credentials: the host's for its URL.
    fn push_remote(&self) -> RemoteSpec {
        self.credentials_for(&self.push_url())
    }

    /// The URL the cluster pulls from, and whether it needs a credentials Secret.
    fn sync_source(&self) -> (String, bool);

    /// Settings that need the pushed branch to exist (a default branch); the words added to
    /// the push line when something changed.
    async fn after_push(&self, opts: &Options) -> anyhow::Result<Option<String>>;

    /// The cluster's pull credentials: the Secret the GitRepository reads, and the host's
    /// side of them (a deploy key).
    async fn credentials(
        &self,
        cluster: &Cluster,
        opts: &Options,
        progress: &dyn Progress,
    ) -> StepResult<()>;
}
