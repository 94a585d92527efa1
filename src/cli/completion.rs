//! `floe completion SHELL`, and the dynamic completion behind it: the shell script only
//! registers floe as its own completer (`COMPLETE=SHELL floe -- WORDS...`), so every shell
//! completes the whole command tree and its flags from the same clap tree, and object names
//! come from the cluster.

use std::time::Duration;

use clap::Args;
use clap_complete::Shell;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use clap_complete::env::Shells;

use crate::kinds::FluxKind;

/// The variable the shell scripts set to ask floe for completions.
pub const VAR: &str = "COMPLETE";

/// How long a completion may wait for the cluster before offering nothing.
const CLUSTER_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # bash, for this session\n  source <(floe completion bash)\n\n  \
    # zsh, installed for every session\n  floe completion zsh > \"${fpath[1]}/_floe\"\n\n  \
    # fish\n  floe completion fish > ~/.config/fish/completions/floe.fish")]
pub struct CompletionArgs {
    /// The shell to print completions for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: CompletionArgs) -> anyhow::Result<()> {
    std::io::Write::write_all(
        &mut std::io::stdout().lock(),
        script(args.shell)?.as_bytes(),
    )?;
    Ok(())
}

/// When a shell's registration script calls floe for completions (the [`VAR`] variable set),
/// prints them and exits; otherwise returns at once.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(super::command)
        .var(VAR)
        .complete();
}

/// The registration script for `shell`: it calls `floe` for every completion.
pub fn script(shell: Shell) -> anyhow::Result<String> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let completer = shells
        .completer(&name)
        .ok_or_else(|| anyhow::anyhow!("no completion support for {name}"))?;
    let mut buf = Vec::new();
    completer.write_registration(VAR, "floe", "floe", "floe", &mut buf)?;
    Ok(String::from_utf8(buf)?)
}

/// Completes object names of `kinds` from the cluster: the namespace the command line names
/// (`-n`/`--namespace`, else `FLOE_NAMESPACE`, else flux-system), the kubeconfig and context it
/// names. Any error, or a cluster slower than [`CLUSTER_TIMEOUT`], completes nothing.
pub fn object_names(kinds: Vec<FluxKind>) -> ArgValueCandidates {
    ArgValueCandidates::new(move || {
        let words: Vec<String> = std::env::args().collect();
        // `source git <TAB>`: only the kind typed after `source` (or `image`).
        let typed: Vec<FluxKind> = words
            .iter()
            .filter_map(|w| {
                kinds
                    .iter()
                    .copied()
                    .find(|k| k.facts().words.contains(&w.as_str()))
            })
            .take(1)
            .collect();
        let kinds = if kinds.len() > 1 && !typed.is_empty() {
            &typed
        } else {
            &kinds
        };
        // On its own thread, so that nothing the cluster connection blocks on (an exec
        // plugin waiting for input, say) can hold the shell past the timeout.
        let (kinds, (tx, rx)) = (kinds.clone(), std::sync::mpsc::channel());
        std::thread::spawn(move || {
            let _ = tx.send(names_from_cluster(&kinds, &words));
        });
        rx.recv_timeout(CLUSTER_TIMEOUT + Duration::from_millis(500))
            .ok()
            .flatten()
            .unwrap_or_default()
    })
}

fn names_from_cluster(kinds: &[FluxKind], words: &[String]) -> Option<Vec<CompletionCandidate>> {
    let flag = |long: &str, short: Option<&str>| -> Option<String> {
        words
            .windows(2)
            .rev()
            .find_map(|w| {
                if w[0] == format!("--{long}") || short.is_some_and(|s| w[0] == s) {
                    Some(w[1].clone())
                } else {
                    None
                }
            })
            .or_else(|| {
                words
                    .iter()
                    .rev()
                    .find_map(|w| w.strip_prefix(&format!("--{long}=")).map(str::to_string))
            })
    };
    let namespace = flag("namespace", Some("-n"))
        .or_else(|| std::env::var("FLOE_NAMESPACE").ok())
        .unwrap_or_else(|| "flux-system".to_string());
    let opts = crate::cluster::ConnectOptions {
        kubeconfig: flag("kubeconfig", None).map(Into::into),
        context: flag("context", None),
        overrides: crate::cluster::Overrides {
            server: flag("server", None),
            certificate_authority: flag("certificate-authority", None).map(Into::into),
            client_certificate: flag("client-certificate", None).map(Into::into),
            client_key: flag("client-key", None).map(Into::into),
            insecure_skip_tls_verify: words.iter().any(|w| w == "--insecure-skip-tls-verify"),
        },
    };
    crate::install_crypto_provider();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok()?;
    let names = runtime.block_on(async {
        tokio::time::timeout(CLUSTER_TIMEOUT, async {
            let cluster = crate::cluster::Cluster::connect(&opts).await.ok()?;
            let selection = crate::status::Selection {
                namespace: Some(&namespace),
                ..Default::default()
            };
            let mut names = Vec::new();
            for kind in kinds {
                let rows = crate::status::list_rows(&cluster, *kind, &selection, true)
                    .await
                    .ok()?;
                names.extend(rows.into_iter().map(|r| r.name));
            }
            Some(names)
        })
        .await
        .ok()
        .flatten()
    })?;
    runtime.shutdown_background();
    Some(names.into_iter().map(CompletionCandidate::new).collect())
}
