//! What a running command shares with the process around it: the deadline that bounds every
//! network operation (`--timeout`), the operation in progress (named when the deadline passes
//! or a signal arrives), and the scratch directories to remove on the way out, whatever the
//! way out is.
//!
//! The domain modules only record here; `cli::block_on` enforces the deadline, listens for
//! SIGINT/SIGTERM and cleans up.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

static BUDGET: Mutex<Option<Duration>> = Mutex::new(None);
static DEADLINE: Mutex<Option<(Instant, Duration)>> = Mutex::new(None);
static STEP: Mutex<String> = Mutex::new(String::new());
static ACTIVITY: Mutex<String> = Mutex::new(String::new());
static SCRATCH: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Sets the command's time budget (`--timeout`); the clock starts with [`start`], when the
/// command first goes to the network, so time spent answering a prompt before does not count.
pub fn set_budget(timeout: Duration) {
    *lock(&BUDGET) = Some(timeout);
}

/// Starts the command's clock, once: every bounded operation ends by `now + budget`. Without a
/// budget (`get --watch`) nothing is bounded.
pub fn start() {
    let Some(timeout) = *lock(&BUDGET) else {
        return;
    };
    let mut deadline = lock(&DEADLINE);
    if deadline.is_none() {
        *deadline = Instant::now().checked_add(timeout).map(|at| (at, timeout));
    }
}

/// The command's deadline, if one was started.
pub fn deadline() -> Option<Instant> {
    lock(&DEADLINE).map(|(at, _)| at)
}

/// The command's whole `--timeout` (zero when no clock was started).
pub fn timeout() -> Duration {
    lock(&DEADLINE).map(|(_, t)| t).unwrap_or_default()
}

/// What is left of the command's `--timeout` (unbounded when no clock was started).
pub fn remaining() -> Duration {
    match deadline() {
        Some(deadline) => deadline.saturating_duration_since(Instant::now()),
        None => Duration::MAX,
    }
}

/// `timeout`, cut to what is left of the command's `--timeout`.
pub fn bounded(timeout: Duration) -> Duration {
    timeout.min(remaining())
}

/// Records the step a multi-step command (bootstrap) is in: `step clone (cloning branch main
/// of https://host/repo.git)`; the operation recorded before it is forgotten.
pub fn set_step(step: impl Into<String>) {
    *lock(&STEP) = step.into();
    lock(&ACTIVITY).clear();
}

/// Records the operation in progress, naming the server: `listing GitRepository objects on
/// the cluster … at https://…`. Shown when the deadline passes or a signal arrives.
pub fn set_activity(activity: impl Into<String>) {
    *lock(&ACTIVITY) = activity.into();
}

/// What the command was last doing: the step, then the operation within it.
pub fn activity() -> String {
    let step = lock(&STEP).clone();
    let operation = lock(&ACTIVITY).clone();
    match (step.is_empty(), operation.is_empty()) {
        (false, false) => format!("{step}: {operation}"),
        (false, true) => step,
        _ => operation,
    }
}

/// A scratch directory removed when dropped, and also when the process is stopped by a
/// signal or a deadline while the directory is still in use on another thread.
#[derive(Debug)]
pub struct ScratchDir {
    dir: Option<tempfile::TempDir>,
}

impl ScratchDir {
    pub fn new(prefix: &str) -> std::io::Result<ScratchDir> {
        let dir = tempfile::Builder::new().prefix(prefix).tempdir()?;
        lock(&SCRATCH).push(dir.path().to_path_buf());
        Ok(ScratchDir { dir: Some(dir) })
    }

    pub fn path(&self) -> &Path {
        self.dir.as_ref().expect("present until dropped").path()
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            lock(&SCRATCH).retain(|p| p != dir.path());
            let _ = dir.close();
        }
    }
}

/// Removes every scratch directory still registered (the process is about to exit while a
/// blocked thread still holds some).
pub fn remove_scratch() {
    remove_registered(|_| true);
}

fn remove_registered(which: impl Fn(&Path) -> bool) {
    let mut registered = lock(&SCRATCH);
    let (remove, keep): (Vec<PathBuf>, Vec<PathBuf>) = registered.drain(..).partition(|p| which(p));
    *registered = keep;
    drop(registered);
    for dir in remove {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// The command was stopped by a signal. Exit status 128 + the signal's number, as shells
/// report it.
#[derive(Debug, thiserror::Error)]
#[error(
    "interrupted by {signal} while {activity}; nothing was left half-done (a push is one ref update or none): run the same command again to resume"
)]
pub struct Interrupted {
    pub signal: &'static str,
    pub exit_code: u8,
    pub activity: String,
}

/// The command's `--timeout` passed while an operation was still waiting on a server.
#[derive(Debug, thiserror::Error)]
#[error(
    "timed out after {timeout} while {activity}: no answer in time; check that the server is reachable and answering, or raise --timeout"
)]
pub struct DeadlineExceeded {
    pub timeout: String,
    pub activity: String,
}

/// Runs blocking work (libgit2, ssh-keyscan) on tokio's blocking pool so the runtime keeps
/// running the deadline and signal handlers; the work itself is bounded by its own timeouts
/// and, failing those, abandoned at the deadline.
pub async fn blocking<T, F>(work: F) -> anyhow::Result<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| anyhow::anyhow!("a background task failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scratch_directories_are_registered_until_dropped_and_removed_on_exit() {
        let kept = ScratchDir::new("floe-test-").unwrap();
        let path = kept.path().to_path_buf();
        assert!(lock(&SCRATCH).contains(&path));
        let dropped = ScratchDir::new("floe-test-").unwrap();
        let dropped_path = dropped.path().to_path_buf();
        drop(dropped);
        assert!(!dropped_path.exists());
        assert!(!lock(&SCRATCH).contains(&dropped_path));
        // A signal while `kept` is held by a blocked thread: the exit path removes it (only
        // this test's directory here: other tests of this process hold theirs).
        remove_registered(|p| p == path);
        assert!(!path.exists());
        drop(kept);
    }

    #[test]
    fn bounded_never_exceeds_the_remaining_time() {
        assert_eq!(bounded(Duration::from_secs(5)), Duration::from_secs(5));
    }
}
