//! `floe completion SHELL`.

use clap::Args;
use clap_complete::Shell;

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
    let mut cmd = super::command();
    clap_complete::generate(args.shell, &mut cmd, "floe", &mut std::io::stdout().lock());
    Ok(())
}
