//! The command-line interface: one module per command, each with its clap struct and a small
//! `run` that turns flags into options for the library and prints the result.

pub mod bootstrap;
pub mod build;
pub mod check;
pub mod completion;
pub mod create;
pub mod create_common;
pub mod create_helmrelease;
pub mod create_image;
pub mod create_notification;
pub mod create_secret;
pub mod create_source;
pub mod create_sync;
pub mod create_tenant;
pub mod debug;
pub mod deferred;
pub mod delete;
pub mod diff;
pub mod drift;
pub mod envsubst;
pub mod events;
pub mod export;
pub mod flags;
pub mod get;
pub mod history;
pub mod install;
pub mod output;
pub mod reconcile;
pub mod rollback;
pub mod stats;
pub mod suspend;
pub mod target;
pub mod trace;
pub mod trigger;
pub mod ui;
pub mod uninstall;
pub mod version;
pub mod wait;

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use deferred::Deferred;

use crate::cli::ui::Ui;
use crate::kinds::duration::GoDuration;
use crate::lifecycle;
use crate::usage::InvalidInput;

#[derive(Debug, Parser)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)
    #[arg(long, global = true, value_name = "PATH")]
    pub kubeconfig: Option<PathBuf>,
    /// The kubeconfig context to use (default: the current context)
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,
    /// The namespace Flux runs in and new objects go to
    #[arg(
        short = 'n',
        long,
        global = true,
        env = "FLOE_NAMESPACE",
        default_value = "flux-system",
        value_name = "NAME",
        value_parser = crate::kinds::Namespace::flag
    )]
    pub namespace: crate::kinds::Namespace,
    /// How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h
    #[arg(long, global = true, default_value = "5m", value_name = "DURATION")]
    pub timeout: GoDuration,
    /// Print more detail on stderr (repeat for more)
    #[arg(short = 'v', long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Do not colour output (also when NO_COLOR is set)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// The API server's address, over the kubeconfig's
    #[arg(
        long,
        global = true,
        value_name = "URL",
        help_heading = "Connection (as kubectl's)"
    )]
    pub server: Option<String>,
    /// A CA certificate file for the API server, over the kubeconfig's
    #[arg(
        long = "certificate-authority",
        global = true,
        value_name = "FILE",
        help_heading = "Connection (as kubectl's)"
    )]
    pub certificate_authority: Option<PathBuf>,
    /// A client certificate file, over the kubeconfig user's
    #[arg(
        long = "client-certificate",
        global = true,
        value_name = "FILE",
        help_heading = "Connection (as kubectl's)"
    )]
    pub client_certificate: Option<PathBuf>,
    /// The client certificate's key file, over the kubeconfig user's
    #[arg(
        long = "client-key",
        global = true,
        value_name = "FILE",
        help_heading = "Connection (as kubectl's)"
    )]
    pub client_key: Option<PathBuf>,
    /// Use the kubeconfig context's namespace when -n is not given, instead of flux-system (also $FLUX_NS_FOLLOWS_KUBE_CONTEXT)
    #[arg(
        long = "ns-follows-kube-context",
        global = true,
        env = "FLUX_NS_FOLLOWS_KUBE_CONTEXT"
    )]
    pub ns_follows_kube_context: bool,
    /// Whether -n/--namespace (or FLOE_NAMESPACE) was given, set after parsing.
    #[arg(skip)]
    pub namespace_given: bool,
    /// Do not verify the API server's certificate (insecure)
    #[arg(
        long = "insecure-skip-tls-verify",
        global = true,
        help_heading = "Connection (as kubectl's)"
    )]
    pub insecure_skip_tls_verify: bool,
}

impl GlobalArgs {
    /// The connection flags, checked as kubectl checks them.
    pub fn overrides(&self) -> Result<crate::cluster::Overrides, InvalidInput> {
        if self.insecure_skip_tls_verify && self.certificate_authority.is_some() {
            return Err(InvalidInput::new(
                "--insecure-skip-tls-verify and --certificate-authority cannot be used together: the first verifies nothing, the second says what to verify with",
            ));
        }
        if let Some(server) = &self.server {
            let parsed = url::Url::parse(server).map_err(|e| {
                InvalidInput::new(format!(
                    "invalid --server {:?}: {e}; give the API server's URL, e.g. https://127.0.0.1:6443",
                    crate::redact::url(server)
                ))
            })?;
            if !matches!(parsed.scheme(), "https" | "http") || parsed.host_str().is_none() {
                return Err(InvalidInput::new(format!(
                    "invalid --server {:?}: give the API server's http(s) URL, e.g. https://127.0.0.1:6443",
                    crate::redact::url(server)
                )));
            }
        }
        for (flag, file) in [
            ("--certificate-authority", &self.certificate_authority),
            ("--client-certificate", &self.client_certificate),
            ("--client-key", &self.client_key),
        ] {
            if let Some(file) = file
                && !file.is_file()
            {
                return Err(InvalidInput::new(format!(
                    "invalid {flag} {}: no such file",
                    file.display()
                )));
            }
        }
        // Relative to where the command runs, as kubectl reads them.
        let absolute =
            |file: &Option<PathBuf>| file.as_ref().and_then(|f| std::path::absolute(f).ok());
        Ok(crate::cluster::Overrides {
            server: self.server.clone(),
            certificate_authority: absolute(&self.certificate_authority),
            client_certificate: absolute(&self.client_certificate),
            client_key: absolute(&self.client_key),
            insecure_skip_tls_verify: self.insecure_skip_tls_verify,
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Set up GitOps: commit Flux to a repository, install it, and verify the cluster syncs
    Bootstrap(Deferred<Box<bootstrap::BootstrapArgs>>),
    /// Install the Flux controllers on the cluster
    Install(Deferred<Box<install::InstallArgs>>),
    /// Check the cluster before installing (--pre) or the installed controllers
    Check(Deferred<check::CheckArgs>),
    /// Show the state of Flux objects: sources, syncs, Helm releases, alerts, images
    Get(Deferred<get::GetArgs>),
    /// Create or update Flux objects, and the Secrets and tenants they use
    Create(Deferred<Box<create::CreateArgs>>),
    /// Ask Flux to reconcile objects now and wait for the result
    Reconcile(Deferred<reconcile::ReconcileArgs>),
    /// Stop reconciling objects
    Suspend(Deferred<suspend::SuspendArgs>),
    /// Start reconciling suspended objects again
    Resume(Deferred<suspend::ResumeArgs>),
    /// Print live Flux objects as YAML to commit to Git
    Export(Deferred<export::ExportArgs>),
    /// Delete a Flux object
    Delete(Deferred<delete::DeleteArgs>),
    /// Show the Events the Flux controllers reported about their objects
    Events(Deferred<events::EventsArgs>),
    /// Troubleshoot a sync: its final post-build variables, its status, its history
    Debug(Deferred<debug::DebugArgs>),
    /// Show what changed in the cluster behind Git's back (deleted, changed by others, behind)
    Drift(Deferred<drift::DriftArgs>),
    /// Print what a sync would apply from a local checkout, as kustomize-controller builds it
    Build(Deferred<build::BuildArgs>),
    /// Substitute environment variables into stdin, as a sync's postBuild does
    Envsubst(Deferred<envsubst::EnvsubstArgs>),
    /// Show what applying a local checkout would change on the cluster, before it is merged
    Diff(Deferred<diff::DiffArgs>),
    /// Send a Receiver's webhook from outside the cluster, as a Git host or CI job would
    Trigger(Deferred<trigger::TriggerArgs>),
    /// Count Flux objects per kind: running, failing, suspended, and their artefacts' storage
    Stats(Deferred<stats::StatsArgs>),
    /// Show which Flux objects manage an object, and their sources
    Trace(Deferred<trace::TraceArgs>),
    /// Show the objects a sync or Helm release applied, as a tree
    Tree(Deferred<trace::TreeArgs>),
    /// Show what a sync or Helm release applied, with the Git commit behind each revision
    History(Deferred<history::HistoryArgs>),
    /// Restore a sync's path to an earlier revision as a new commit, and wait until it is applied
    Rollback(Deferred<rollback::RollbackArgs>),
    /// Wait until an object is ready at a revision (a commit, the branch head): the CI gate
    Wait(Deferred<wait::WaitArgs>),
    /// Remove the Flux controllers, CRDs and namespace from the cluster
    Uninstall(Deferred<uninstall::UninstallArgs>),
    /// Print shell completion scripts
    Completion(Deferred<completion::CompletionArgs>),
    /// Print floe's version and the Flux version on the cluster
    Version(Deferred<version::VersionArgs>),
}

impl Command {
    /// The subcommand's name, as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Bootstrap(_) => "bootstrap",
            Command::Install(_) => "install",
            Command::Check(_) => "check",
            Command::Get(_) => "get",
            Command::Create(_) => "create",
            Command::Reconcile(_) => "reconcile",
            Command::Suspend(_) => "suspend",
            Command::Resume(_) => "resume",
            Command::Export(_) => "export",
            Command::Delete(_) => "delete",
            Command::Wait(_) => "wait",
            Command::History(_) => "history",
            Command::Events(_) => "events",
            Command::Stats(_) => "stats",
            Command::Trigger(_) => "trigger",
            Command::Trace(_) => "trace",
            Command::Tree(_) => "tree",
            Command::Drift(_) => "drift",
            Command::Debug(_) => "debug",
            Command::Build(_) => "build",
            Command::Envsubst(_) => "envsubst",
            Command::Diff(_) => "diff",
            Command::Rollback(_) => "rollback",
            Command::Uninstall(_) => "uninstall",
            Command::Completion(_) => "completion",
            Command::Version(_) => "version",
        }
    }
}

/// The root command's own settings, in the full tree and in [`parser_for`]'s.
fn root(cmd: clap::Command) -> clap::Command {
    cmd.name("floe")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Bootstrap and manage GitOps on Kubernetes with the Flux toolkit")
        .long_about(
            "floe installs the Flux toolkit on a cluster, connects it to a Git repository, and \
             tells you the truth about what it is doing.\n\nData goes to stdout, progress and \
             errors to stderr. Exit codes: 0 success, 1 runtime failure, 2 bad input, 130/143 \
             interrupted by SIGINT/SIGTERM (run the same command again to resume).",
        )
        .after_help(
            "Examples:\n  \
             # Print a GitRepository the way `flux create source git --export` does\n  \
             floe create source git podinfo --export \\\n    \
             --url=https://github.com/stefanprodan/podinfo --branch=master\n\n  \
             # Load shell completions\n  \
             source <(floe completion bash)",
        )
        .max_term_width(100)
}

/// The full command tree, with floe's flag conventions applied. Help, completions and man
/// pages are all generated from this.
pub fn command() -> clap::Command {
    flags::with_go_bool_flags(root(Cli::command()))
}

/// The parser for `args`: when they start with a top-level subcommand (`floe create ...`, the
/// usual case), the root with only that subcommand; otherwise the full tree. The root's global
/// options are copied into every subcommand it has when the parser starts, and that copying
/// was most of the time left in floe's start-up once subcommands were built only when entered
/// (see [`deferred`]). Parsing is the same either way: clap enters that subcommand first.
fn parser_for(args: &[std::ffi::OsString]) -> clap::Command {
    let Some(name) = args
        .get(1)
        .and_then(|a| a.to_str())
        .filter(|name| Command::has_subcommand(name))
    else {
        return command();
    };
    // After the root's options, as in the full tree, so each keeps its place in help's order.
    let shells = Command::augment_subcommands(GlobalArgs::augment_args(clap::Command::new("")));
    let sub = shells
        .find_subcommand(name)
        .expect("a name Command::has_subcommand knows")
        .clone();
    // What the derived `Cli::command()` builds, but for one subcommand (a test compares them).
    let own = clap::ArgGroup::new(<Cli as Args>::group_id().expect("derived")).multiple(true);
    let only = root(GlobalArgs::augment_args(
        clap::Command::new("floe").group(own),
    ))
    .subcommand(sub)
    .subcommand_required(true)
    .arg_required_else_help(true);
    flags::with_go_bool_flags(only)
}

/// Parses the process arguments against [`command`].
pub fn parse_args<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    // The parser's tree and matches are left for the process's end to free: freeing them was
    // a sixth of floe's start-up, and they are a few dozen KiB (docs/performance.md).
    let mut cmd = std::mem::ManuallyDrop::new(parser_for(&args));
    let matches = cmd
        .try_get_matches_from_mut(args.iter())
        .map_err(|e| with_allowed_subcommands(e, &cmd, &args))?;
    let matches = std::mem::ManuallyDrop::new(matches);
    refuse_control_characters(&cmd, &matches)?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))?;
    cli.global.namespace_given = given(&matches, "namespace");
    Ok(cli)
}

/// Whether `id` was given on the command line or in its environment variable, in the matches
/// of the deepest subcommand (where clap keeps a global flag's value).
fn given(matches: &clap::ArgMatches, id: &str) -> bool {
    let mut current = matches;
    while let Some((_, sub)) = current.subcommand() {
        current = sub;
    }
    matches!(
        current
            .value_source(id)
            .or_else(|| matches.value_source(id)),
        Some(clap::parser::ValueSource::CommandLine | clap::parser::ValueSource::EnvVariable)
    )
}

/// Flags whose value is free text for a commit message, where a line break is text.
const MULTI_LINE_FLAGS: &[&str] = &["commit_message_appendix"];

/// No value on the command line holds a control character: a line break in `--url` or
/// `--source` would become a second YAML line or a second Git config line (git refuses such
/// URLs, CVE-2020-5260), a NUL or an escape has no place in a name or a path. Checked once, for
/// every flag of every command. The error names the flag and the character, not the value
/// (it may be a password).
fn refuse_control_characters(
    cmd: &clap::Command,
    matches: &clap::ArgMatches,
) -> Result<(), clap::Error> {
    for id in matches.ids() {
        let Some(values) = matches.try_get_raw_occurrences(id.as_str()).ok().flatten() else {
            continue;
        };
        let multi_line = MULTI_LINE_FLAGS.contains(&id.as_str());
        for value in values.flatten() {
            let text = value.to_string_lossy();
            let bad = text
                .chars()
                .find(|c| c.is_control() && !(multi_line && *c == '\n'));
            if let Some(bad) = bad {
                let flag = cmd
                    .get_arguments()
                    .find(|a| a.get_id() == id)
                    .map(|a| match a.get_long() {
                        Some(long) => format!("--{long}"),
                        None => a
                            .get_value_names()
                            .and_then(|n| n.first())
                            .map_or_else(|| id.to_string(), |n| n.to_string()),
                    })
                    .unwrap_or_else(|| id.to_string());
                return Err(clap::Error::raw(
                    clap::error::ErrorKind::ValueValidation,
                    format!(
                        "invalid {flag}: it holds the control character {}; a value may not \
                         contain line breaks, NUL or other control characters\n",
                        bad.escape_debug()
                    ),
                ));
            }
        }
    }
    if let Some((name, sub)) = matches.subcommand()
        && let Some(sub_cmd) = cmd.find_subcommand(name)
    {
        return refuse_control_characters(sub_cmd, sub);
    }
    Ok(())
}

/// An unknown subcommand's error, with the subcommands allowed where it stood (clap names
/// only a similar one, when there is one).
fn with_allowed_subcommands(
    err: clap::Error,
    cmd: &clap::Command,
    args: &[std::ffi::OsString],
) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if err.kind() != ErrorKind::InvalidSubcommand {
        return err;
    }
    let Some(ContextValue::String(bad)) = err.get(ContextKind::InvalidSubcommand) else {
        return err;
    };
    let mut current = cmd;
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if arg == bad {
            break;
        }
        if let Some(sub) = current.find_subcommand(arg) {
            current = sub;
        }
    }
    let allowed: Vec<&str> = current
        .get_subcommands()
        .map(clap::Command::get_name)
        .filter(|name| *name != "help")
        .collect();
    if allowed.is_empty() {
        return err;
    }
    clap::Error::raw(
        ErrorKind::InvalidSubcommand,
        format!(
            "unrecognized subcommand '{bad}'; expected one of: {}\n",
            allowed.join(", ")
        ),
    )
}

/// Runs the parsed command line.
pub fn run(mut cli: Cli) -> anyhow::Result<()> {
    let ui = Ui::detect(cli.global.no_color);
    // flux's --ns-follows-kube-context: the context's namespace when -n was not given.
    if cli.global.ns_follows_kube_context && !cli.global.namespace_given {
        let opts = crate::cluster::ConnectOptions {
            kubeconfig: cli.global.kubeconfig.clone(),
            context: cli.global.context.clone(),
            overrides: Default::default(),
        };
        if let Some(ns) = crate::cluster::Cluster::context_namespace(&opts)? {
            cli.global.namespace = crate::kinds::Namespace::flag(&ns).map_err(|e| {
                InvalidInput::new(format!("the kubeconfig context's namespace: {e}"))
            })?;
        }
    }
    // Every network operation of the command is bounded by what is left of --timeout, except
    // the streams of `get --watch` and `events --watch`, which run until stopped.
    let watching = matches!(&cli.command, Command::Get(args) if args.watching())
        || matches!(&cli.command, Command::Events(args) if args.watching());
    // The command's run: what `block_on` enforces and cleans up, whichever way it ends.
    let run = lifecycle::Run::new();
    let _entered = run.enter();
    if !watching {
        run.set_budget(cli.global.timeout.0);
    }
    let name = cli.command.name();
    let result = match cli.command {
        Command::Bootstrap(Deferred(args)) => bootstrap::run(&cli.global, &ui, *args),
        Command::Install(Deferred(args)) => install::run(&cli.global, &ui, *args),
        Command::Check(Deferred(args)) => check::run(&cli.global, &ui, args),
        Command::Get(Deferred(args)) => get::run(&cli.global, &ui, args),
        Command::Create(Deferred(args)) => create::run(&cli.global, &ui, *args),
        Command::Reconcile(Deferred(args)) => reconcile::run(&cli.global, &ui, args),
        Command::Suspend(Deferred(args)) => suspend::run_suspend(&cli.global, &ui, args),
        Command::Resume(Deferred(args)) => suspend::run_resume(&cli.global, &ui, args),
        Command::Export(Deferred(args)) => export::run(&cli.global, &ui, args),
        Command::Delete(Deferred(args)) => delete::run(&cli.global, &ui, args),
        Command::Wait(Deferred(args)) => wait::run(&cli.global, &ui, args),
        Command::History(Deferred(args)) => history::run(&cli.global, &ui, args),
        Command::Events(Deferred(args)) => events::run(&cli.global, &ui, args),
        Command::Trace(Deferred(args)) => trace::run_trace(&cli.global, &ui, args),
        Command::Tree(Deferred(args)) => trace::run_tree(&cli.global, &ui, args),
        Command::Stats(Deferred(args)) => stats::run(&cli.global, &ui, args),
        Command::Trigger(Deferred(args)) => trigger::run(&cli.global, &ui, args),
        Command::Drift(Deferred(args)) => drift::run(&cli.global, &ui, args),
        Command::Debug(Deferred(args)) => debug::run(&cli.global, &ui, args),
        Command::Build(Deferred(args)) => build::run(&cli.global, &ui, args),
        Command::Envsubst(Deferred(args)) => envsubst::run(args),
        Command::Diff(Deferred(args)) => diff::run(&cli.global, &ui, args),
        Command::Rollback(Deferred(args)) => rollback::run(&cli.global, &ui, args),
        Command::Uninstall(Deferred(args)) => uninstall::run(&cli.global, &ui, args),
        Command::Completion(Deferred(args)) => completion::run(args),
        Command::Version(Deferred(args)) => version::run(&cli.global, &ui, args),
    };
    // In a GitHub Actions job step, a failure is also an annotation and a summary section.
    if let (Err(err), Some(actions)) = (&result, output::github::Actions::detect()) {
        actions.failed(name, &ui::error_text(err));
    }
    result
}

/// Runs a command's async part. One thread is enough: floe's work is waiting on the network
/// (blocking libgit2 work goes to tokio's blocking pool, see [`lifecycle::blocking`]).
///
/// The command's `--timeout` (set by [`run`], started here) bounds the whole future: operations that
/// have their own bounded waits report first; a server that never answers is reported here,
/// with what floe was doing. SIGINT and SIGTERM stop the command the same way: the future is
/// dropped (nothing after the current step runs), scratch directories are removed, and the
/// error names the interrupted step.
///
/// The future is made here from `make`, not by the caller: a command's future is tens of KiB,
/// and made by the caller it would be part of the caller's stack frame, and of every frame the
/// caller is inlined into (the command dispatchers), whether that command runs or not. Each
/// page of stack first touched costs start-up (docs/performance.md).
#[inline(never)]
pub fn block_on<T, F>(make: impl FnOnce() -> F) -> anyhow::Result<T>
where
    F: std::future::Future<Output = anyhow::Result<T>>,
{
    let future = make();
    // The thread's run (`run` entered it), or one of its own for a caller that has none.
    let run = lifecycle::current().unwrap_or_default();
    run.start();
    let finished = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    watchdog(finished.clone(), run.clone());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime can be built");
    let result = runtime.block_on(run.scope(supervise(future, &run)));
    finished.store(true, std::sync::atomic::Ordering::SeqCst);
    // A thread still blocked in libgit2 (abandoned at the deadline or on a signal) must not
    // keep the process alive; its scratch directory is removed below.
    runtime.shutdown_background();
    run.remove_scratch();
    result
}

/// How long after the deadline the backstop fires: bounded waits report their own, more
/// specific, timeouts first.
const DEADLINE_GRACE: std::time::Duration = std::time::Duration::from_millis(1000);

async fn supervise<T>(
    future: impl std::future::Future<Output = anyhow::Result<T>>,
    run: &std::sync::Arc<lifecycle::Run>,
) -> anyhow::Result<T> {
    let stopped = stopped(run.clone())?;
    tokio::select! {
        result = future => result,
        error = stopped => Err(error),
    }
}

/// What stops a command from outside: the deadline's backstop ([`DEADLINE_GRACE`] after
/// `--timeout`), SIGINT or SIGTERM. The signal handlers are in place when this returns; the
/// future resolves to the error that says which it was and what floe was doing.
fn stopped(
    run: std::sync::Arc<lifecycle::Run>,
) -> std::io::Result<impl std::future::Future<Output = anyhow::Error>> {
    use tokio::signal::unix::{SignalKind, signal};
    let deadline = run.deadline();
    let mut sigint = signal(SignalKind::interrupt())?;
    let mut sigterm = signal(SignalKind::terminate())?;
    Ok(async move {
        let timer = async move {
            match deadline {
                Some(at) => tokio::time::sleep_until((at + DEADLINE_GRACE).into()).await,
                None => std::future::pending::<()>().await,
            }
        };
        let interrupted = |signal: &'static str, exit_code: u8| {
            anyhow::Error::new(lifecycle::Interrupted {
                signal,
                exit_code,
                activity: activity_or_starting(&run),
            })
        };
        tokio::select! {
            _ = timer => lifecycle::DeadlineExceeded {
                timeout: GoDuration(run.timeout()).to_string(),
                activity: activity_or_starting(&run),
            }
            .into(),
            _ = sigint.recv() => interrupted("SIGINT", 130),
            _ = sigterm.recv() => interrupted("SIGTERM", 143),
        }
    })
}

/// How long the watchdog gives the command's own handling (the runtime's deadline backstop,
/// its signal handlers) before it stops the process itself.
const WATCHDOG_GRACE: std::time::Duration = std::time::Duration::from_millis(1500);

/// The last line of defence for the deadline and for SIGINT/SIGTERM, on its own thread with
/// its own runtime: code that blocks the command's runtime thread (a library call that never
/// returns; kube once ran credential plugins so, floe now runs them itself) would otherwise
/// keep the deadline and the signal handlers from ever running. When the command has not finished
/// [`WATCHDOG_GRACE`] after the deadline's backstop or a signal, the watchdog prints the same
/// error the runtime would, removes the scratch directories and exits with the same code.
fn watchdog(
    finished: std::sync::Arc<std::sync::atomic::AtomicBool>,
    run: std::sync::Arc<lifecycle::Run>,
) {
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        let error = runtime.block_on(async {
            let error = stopped(run.clone()).ok()?.await;
            tokio::time::sleep(WATCHDOG_GRACE).await;
            Some(error)
        });
        if let Some(error) = error
            && !finished.load(std::sync::atomic::Ordering::SeqCst)
        {
            crate::cli::ui::print_error(&error);
            run.remove_scratch();
            std::process::exit(i32::from(exit_code(&error)));
        }
    });
}

fn activity_or_starting(run: &lifecycle::Run) -> String {
    let activity = run.activity();
    if activity.is_empty() {
        "starting".to_string()
    } else {
        activity
    }
}

/// Connects to the cluster the global flags name.
pub async fn connect(global: &GlobalArgs) -> anyhow::Result<crate::cluster::Cluster> {
    crate::install_crypto_provider();
    let opts = crate::cluster::ConnectOptions {
        kubeconfig: global.kubeconfig.clone(),
        context: global.context.clone(),
        overrides: global.overrides()?,
    };
    Ok(crate::cluster::Cluster::connect(&opts).await?)
}

/// Asks a yes/no question on a terminal; `--yes` answers it. Without a terminal there is no
/// one to ask, so a destructive command stops there (a usage error) unless `--yes` was given.
pub fn confirm(ui: &Ui, yes: bool, action: &str, question: &str) -> anyhow::Result<bool> {
    if yes {
        return Ok(true);
    }
    if !ui.interactive {
        return Err(InvalidInput::new(format!(
            "{action} needs confirmation and there is no terminal to ask on; pass --yes to go ahead"
        ))
        .into());
    }
    Ok(dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()?)
}

/// Exit code for a failed command: 2 for bad input, 128 + the signal for an interrupted one
/// (130 for SIGINT, 143 for SIGTERM), 1 for everything else.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    if let Some(interrupted) = err.downcast_ref::<lifecycle::Interrupted>() {
        return interrupted.exit_code;
    }
    if err.chain().any(|cause| cause.is::<InvalidInput>()) {
        2
    } else {
        1
    }
}

/// Flattens clap's multi-line usage error into one line: the message and what is allowed,
/// without the usage block and the "try --help" footer.
pub fn one_line_usage_error(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    let mut line = String::new();
    for part in rendered.lines().map(str::trim) {
        // The usage block, the --help footer and clap's "pass it after --" tip add lines
        // without telling the user what is allowed.
        if part.is_empty()
            || part.starts_with("Usage:")
            || part.starts_with("For more information")
            || part.starts_with("tip: to pass")
        {
            continue;
        }
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parser_for_one_subcommand_is_the_full_tree_cut_to_it() {
        let full = {
            let mut full = command();
            full.build();
            full
        };
        let settings = |root: &clap::Command| {
            format!(
                "{:?} {:?} {:?} {:?} {:?} {:?} {} {} {:?} {:?}",
                root.get_name(),
                root.get_version(),
                root.get_about(),
                root.get_long_about(),
                root.get_after_help(),
                root.get_styles(),
                root.is_subcommand_required_set(),
                root.is_arg_required_else_help_set(),
                root.get_arguments().collect::<Vec<_>>(),
                root.get_groups().collect::<Vec<_>>(),
            )
        };
        for sub in full.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = sub.get_name();
            let mut pruned = parser_for(&["floe".into(), name.into()]);
            pruned.build();
            let names: Vec<_> = pruned.get_subcommands().map(|s| s.get_name()).collect();
            assert_eq!(names, [name, "help"]);
            assert_eq!(settings(&pruned), settings(&full), "the root for {name}");
            assert_eq!(
                format!("{:?}", pruned.find_subcommand(name).unwrap()),
                format!("{sub:?}"),
                "{name}"
            );
        }
        // Anything else gets the full tree: help, version, an unknown word, an option first.
        for first in ["--help", "help", "--version", "crate", "-n", "", "--"] {
            let names = parser_for(&["floe".into(), first.into()])
                .get_subcommands()
                .count();
            assert!(names > 10, "{first:?}");
        }
    }
}
