//! `floe envsubst [--strict]`: the substitution a sync's `postBuild` runs, with the process's
//! environment as the variables, over stdin to stdout, as `flux envsubst` does (the same
//! expressions: `crate::preview::envsubst`).

use std::io::{Read, Write};

use clap::Args;

use crate::usage::InvalidInput;

/// The most stdin floe reads.
const MAX_INPUT: u64 = 64 * 1024 * 1024;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # Substitute the environment into a build, as a sync's postBuild would\n  \
    export cluster_region=eu-central-1\n  \
    kustomize build . | floe envsubst\n\n  \
    # Fail (exit 1) when a variable without a default is not set\n  \
    kustomize build . | floe envsubst --strict")]
pub struct EnvsubstArgs {
    /// Fail when a variable is not set and has no default
    #[arg(long)]
    pub strict: bool,
}

pub fn run(args: EnvsubstArgs) -> anyhow::Result<()> {
    let mut input = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_INPUT + 1)
        .read_to_end(&mut input)?;
    if input.len() as u64 > MAX_INPUT {
        return Err(InvalidInput::new(format!(
            "stdin is larger than {} MiB, the most floe envsubst reads",
            MAX_INPUT / (1024 * 1024)
        ))
        .into());
    }
    let text = String::from_utf8(input)
        .map_err(|e| InvalidInput::new(format!("stdin is not UTF-8 text: {e}")))?;
    // Read line by line as flux reads it: every line ends in "\n", a "\r" before it dropped.
    let text: String = text
        .split_inclusive('\n')
        .flat_map(|line| {
            let line = line.strip_suffix('\n').unwrap_or(line);
            [line.strip_suffix('\r').unwrap_or(line), "\n"]
        })
        .collect();
    // Variables whose name or value is not Unicode cannot appear in the text.
    let vars = std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .collect();
    let out = crate::preview::envsubst::substitute(&text, &vars, args.strict).map_err(|e| {
        match e {
            crate::preview::envsubst::SubstError::NotSet(name) => anyhow::anyhow!(
                "variable not set (strict mode): {name:?}; export it, or give it a default (${{{name}:=value}})"
            ),
            other => anyhow::anyhow!("{other}"),
        }
    })?;
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}
