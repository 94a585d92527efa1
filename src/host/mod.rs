//! Git hosts: where a repository lives, the host's repository API ([`api::RepoApi`], one
//! module per service: [`github`], [`gitlab`], [`gitea`], [`bitbucket`]), and which
//! credentials go to which URL ([`Host::credentials_for`]). Every command that reads or
//! writes a repository reaches it through a [`Host`]: `history`, `rollback` and
//! `wait --for-branch-head` are generic over it, and bootstrap's hosts
//! (`crate::bootstrap::GitHost`) are hosts first.
//!
//! The rule every implementation keeps: a host's own credentials (a GitHub token) go only to
//! URLs on that host. A URL read from a cluster object may name any server, so a host that
//! does not own the URL answers with what the user gave for any server, or nothing.

pub mod api;
pub mod bitbucket;
pub mod gitea;
pub mod github;
pub mod gitlab;
pub mod plain;
pub mod rest;
pub mod token;

use crate::git::RemoteSpec;

pub use plain::PlainGit;
pub use token::{Hosts, Provider, Token};

/// A Git host and the credentials floe holds for it.
pub trait Host: Sync {
    /// How to reach `url`: the URL to use (a host may prefer another transport for its own
    /// repositories) and the credentials to send, which are this host's only for a URL on it.
    fn credentials_for(&self, url: &str) -> RemoteSpec;
}

impl<H: Host + ?Sized> Host for &H {
    fn credentials_for(&self, url: &str) -> RemoteSpec {
        (**self).credentials_for(url)
    }
}

/// The host part of `url` (`HOST` or `HOST:PORT`, lower-case), for both URL forms Git uses.
pub fn authority(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    Some(match parsed.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

/// `HOST` or `HOST:PORT` as `--hostname` takes it, lower-case; `None` for anything else (a
/// scheme, a path, credentials, a bad port).
pub fn hostname(name: &str) -> Option<String> {
    if name.is_empty() || name.contains(['/', '@', '?', '#']) || name.contains(char::is_whitespace)
    {
        return None;
    }
    let parsed = url::Url::parse(&format!("https://{name}")).ok()?;
    let host = parsed.host_str()?;
    let expected = match parsed.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    };
    expected
        .eq_ignore_ascii_case(name)
        .then(|| expected.to_ascii_lowercase())
}
