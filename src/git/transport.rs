//! Talking to a remote: `ls-remote` for a branch head, proxy and timeout settings, and a
//! libgit2 error in terms a user can act on.

use std::cell::{Cell, RefCell};

use git2::{ErrorClass, ErrorCode};

use super::auth::{CROSS_HOST_PREFIX, RemoteSpec, callbacks};
use super::{GitError, validate_branch};

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
pub(super) fn classify(url: &str, e: git2::Error) -> GitError {
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

pub(super) enum PushError {
    Moved,
    Failed(GitError),
}

/// Proxies as git finds them: `http.proxy` in the Git config, else HTTPS_PROXY/HTTP_PROXY,
/// honouring NO_PROXY.
pub(super) fn proxy_options() -> git2::ProxyOptions<'static> {
    let mut options = git2::ProxyOptions::new();
    options.auto();
    options
}

/// Bounds libgit2's connects and reads by what is left of the command's `--timeout` (libgit2's
/// settings are process-wide; floe runs one Git operation at a time).
pub(super) fn set_network_timeouts() {
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
