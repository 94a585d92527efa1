//! A command's run: the deadline that bounds every network operation (`--timeout`), the
//! operation in progress (named when the deadline passes or a signal arrives), and the scratch
//! directories to remove on the way out, whatever the way out is.
//!
//! The state is a [`Run`], not process-wide: a task belongs to the run whose [`Run::scope`]
//! it runs in (a task-local), blocking work handed off by [`blocking`] to its caller's, and the
//! command's own thread to the run it [`Run::enter`]ed. The domain modules only record through
//! the free functions here, which act on the current run (and on nothing outside one);
//! `cli::block_on` enforces the deadline, listens for SIGINT/SIGTERM and cleans up.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One command's run: its time budget and deadline, the step and operation in progress, and
/// the scratch directories it holds. Each run is its own: two operations in one process, each
/// in its own [`Run::scope`], have their own deadlines, activities and scratch directories.
#[derive(Debug, Default)]
pub struct Run {
    budget: Mutex<Option<Duration>>,
    deadline: Mutex<Option<(Instant, Duration)>>,
    step: Mutex<String>,
    activity: Mutex<String>,
    scratch: Mutex<Vec<PathBuf>>,
}

tokio::task_local! {
    /// The run of the task (set by [`Run::scope`]).
    static RUN: Arc<Run>;
}

thread_local! {
    /// The run of the thread, for code outside a task: the command's own thread before its
    /// runtime starts ([`Run::enter`]), and blocking work handed off by [`blocking`].
    static THREAD_RUN: RefCell<Option<Arc<Run>>> = const { RefCell::new(None) };
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The run the calling code belongs to: its task's, else its thread's.
pub fn current() -> Option<Arc<Run>> {
    RUN.try_with(Arc::clone)
        .ok()
        .or_else(|| THREAD_RUN.with(|run| run.borrow().clone()))
}

/// Applies `f` to the current run; code outside any run (a library caller, a unit test) records
/// nothing and is bounded by nothing.
fn with<R>(f: impl FnOnce(&Run) -> R) -> Option<R> {
    current().map(|run| f(&run))
}

/// While alive, the thread's run is the one [`Run::enter`] set; the previous one comes back
/// when it drops.
#[must_use]
pub struct Entered(Option<Arc<Run>>);

impl Drop for Entered {
    fn drop(&mut self) {
        let previous = self.0.take();
        THREAD_RUN.with(|run| *run.borrow_mut() = previous);
    }
}

impl Run {
    pub fn new() -> Arc<Run> {
        Arc::new(Run::default())
    }

    /// Makes this the calling thread's run until the guard drops.
    pub fn enter(self: &Arc<Self>) -> Entered {
        Entered(THREAD_RUN.with(|run| run.borrow_mut().replace(self.clone())))
    }

    /// Runs `future` as part of this run: every lifecycle call in it, and in the blocking work
    /// it hands to [`blocking`], records here.
    pub async fn scope<F: std::future::Future>(self: &Arc<Self>, future: F) -> F::Output {
        RUN.scope(self.clone(), future).await
    }

    /// Sets the run's time budget (`--timeout`); the clock starts with [`Run::start`], when the
    /// command first goes to the network, so time spent answering a prompt before does not
    /// count.
    pub fn set_budget(&self, timeout: Duration) {
        *lock(&self.budget) = Some(timeout);
    }

    /// Starts the run's clock, once: every bounded operation ends by `now + budget`. Without a
    /// budget (`get --watch`) nothing is bounded.
    pub fn start(&self) {
        let Some(timeout) = *lock(&self.budget) else {
            return;
        };
        let mut deadline = lock(&self.deadline);
        if deadline.is_none() {
            *deadline = Instant::now().checked_add(timeout).map(|at| (at, timeout));
        }
    }

    /// The run's deadline, if its clock was started.
    pub fn deadline(&self) -> Option<Instant> {
        lock(&self.deadline).map(|(at, _)| at)
    }

    /// The run's whole `--timeout` (zero when no clock was started).
    pub fn timeout(&self) -> Duration {
        lock(&self.deadline).map(|(_, t)| t).unwrap_or_default()
    }

    /// What the run was last doing: the step, then the operation within it.
    pub fn activity(&self) -> String {
        let step = lock(&self.step).clone();
        let operation = lock(&self.activity).clone();
        match (step.is_empty(), operation.is_empty()) {
            (false, false) => format!("{step}: {operation}"),
            (false, true) => step,
            _ => operation,
        }
    }

    /// Removes every scratch directory of this run still registered (the process is about to
    /// exit while a blocked thread still holds some).
    pub fn remove_scratch(&self) {
        self.remove_registered(|_| true);
    }

    fn remove_registered(&self, which: impl Fn(&Path) -> bool) {
        let mut registered = lock(&self.scratch);
        let (remove, keep): (Vec<PathBuf>, Vec<PathBuf>) =
            registered.drain(..).partition(|p| which(p));
        *registered = keep;
        drop(registered);
        for dir in remove {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// The command's deadline, if one was started.
pub fn deadline() -> Option<Instant> {
    with(Run::deadline).flatten()
}

/// The command's whole `--timeout` (zero when no clock was started).
pub fn timeout() -> Duration {
    with(Run::timeout).unwrap_or_default()
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
    let step = step.into();
    with(|run| {
        *lock(&run.step) = step;
        lock(&run.activity).clear();
    });
}

/// Records the operation in progress, naming the server: `listing GitRepository objects on
/// the cluster … at https://…`. Shown when the deadline passes or a signal arrives.
pub fn set_activity(activity: impl Into<String>) {
    let activity = activity.into();
    with(|run| *lock(&run.activity) = activity);
}

/// A scratch directory removed when dropped, and also when the process is stopped by a
/// signal or a deadline while the directory is still in use on another thread.
#[derive(Debug)]
pub struct ScratchDir {
    dir: Option<tempfile::TempDir>,
    /// The run that removes it if the process exits first.
    run: Option<Arc<Run>>,
}

impl ScratchDir {
    pub fn new(prefix: &str) -> std::io::Result<ScratchDir> {
        let dir = tempfile::Builder::new().prefix(prefix).tempdir()?;
        let run = current();
        if let Some(run) = &run {
            lock(&run.scratch).push(dir.path().to_path_buf());
        }
        Ok(ScratchDir {
            dir: Some(dir),
            run,
        })
    }

    pub fn path(&self) -> &Path {
        self.dir.as_ref().expect("present until dropped").path()
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            if let Some(run) = &self.run {
                lock(&run.scratch).retain(|p| p != dir.path());
            }
            let _ = dir.close();
        }
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
    let run = current();
    tokio::task::spawn_blocking(move || {
        let _entered = run.as_ref().map(Run::enter);
        work()
    })
    .await
    .map_err(|e| anyhow::anyhow!("a background task failed: {e}"))
}

/// All a child process printed on `pipe` (nothing when it is not piped), or `None` when it
/// printed more than `max` bytes: at most `max + 1` are read, whatever the child sends.
pub async fn read_capped(
    pipe: Option<impl tokio::io::AsyncRead + Unpin>,
    max: u64,
) -> std::io::Result<Option<Vec<u8>>> {
    use tokio::io::AsyncReadExt;
    let mut bytes = Vec::new();
    if let Some(pipe) = pipe {
        pipe.take(max + 1).read_to_end(&mut bytes).await?;
    }
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the current run was last doing ("" outside any run).
    fn activity() -> String {
        with(Run::activity).unwrap_or_default()
    }

    #[test]
    fn scratch_directories_are_registered_until_dropped_and_removed_on_exit() {
        let run = Run::new();
        let _entered = run.enter();
        let kept = ScratchDir::new("floe-test-").unwrap();
        let path = kept.path().to_path_buf();
        assert!(lock(&run.scratch).contains(&path));
        let dropped = ScratchDir::new("floe-test-").unwrap();
        let dropped_path = dropped.path().to_path_buf();
        drop(dropped);
        assert!(!dropped_path.exists());
        assert!(!lock(&run.scratch).contains(&dropped_path));
        // A signal while `kept` is held by a blocked thread: the exit path removes it.
        run.remove_scratch();
        assert!(!path.exists());
        drop(kept);
    }

    #[test]
    fn bounded_never_exceeds_the_remaining_time() {
        assert_eq!(bounded(Duration::from_secs(5)), Duration::from_secs(5));
        let run = Run::new();
        let _entered = run.enter();
        run.set_budget(Duration::from_secs(3));
        run.start();
        assert!(bounded(Duration::from_secs(5)) <= Duration::from_secs(3));
    }

    /// Two runs in one process, at once: each has its own deadline, activity and scratch
    /// directories, in its tasks and in the blocking work they hand off.
    #[tokio::test]
    async fn two_runs_in_one_process_keep_their_own_state() {
        let one = Run::new();
        let two = Run::new();
        one.set_budget(Duration::from_secs(10));
        two.set_budget(Duration::from_secs(1000));
        let (a, b) = tokio::join!(
            one.scope(async {
                one.start();
                set_activity("cloning one");
                let scratch = blocking(|| {
                    set_step("step one");
                    ScratchDir::new("floe-one-").unwrap()
                })
                .await
                .unwrap();
                (remaining(), activity(), scratch)
            }),
            two.scope(async {
                two.start();
                set_activity("cloning two");
                (remaining(), activity())
            }),
        );
        assert!(a.0 <= Duration::from_secs(10));
        assert!(b.0 > Duration::from_secs(10));
        assert_eq!(a.1, "step one");
        assert_eq!(b.1, "cloning two");
        assert_eq!(one.activity(), "step one");
        assert_eq!(lock(&one.scratch).as_slice(), [a.2.path().to_path_buf()]);
        assert!(lock(&two.scratch).is_empty());
        // Outside both: nothing recorded, nothing bounded.
        assert_eq!(remaining(), Duration::MAX);
        assert_eq!(activity(), "");
    }
}
