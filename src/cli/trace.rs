//! `floe trace KIND NAME [NAME...]` (or `KIND/NAME...`) and `floe tree sync|hr NAME`: who manages an object, and what a
//! sync or Helm release applied.

use clap::Args;

use super::output::{self, Format};
use super::target::{OneApplied, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::trace;
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe trace deployment podinfo -n apps\n  \
    floe trace configmap web-config -n apps -o json\n  \
    # Several objects, as kubectl names them: one kind and names, or kind/name each\n  \
    floe trace deployment podinfo redis -n apps\n  \
    floe trace deployment/podinfo configmap/web-config -n apps")]
pub struct TraceArgs {
    /// KIND NAME [NAME...], or KIND/NAME [KIND/NAME...]; kinds as kubectl takes them (deployment, Deployment, deployments)
    #[arg(value_name = "KIND NAME|KIND/NAME", required = true, num_args = 1..)]
    pub objects: Vec<String>,
    /// Output format: text, json or yaml (the chain, docs/output.md)
    #[arg(short = 'o', long, value_parser = output::parser(output::DOCUMENTS), default_value = "text")]
    pub output: Format,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe tree sync flux-system\n  \
    floe tree sync apps --status\n  \
    floe tree hr podinfo -n apps -o json")]
pub struct TreeArgs {
    #[command(subcommand)]
    pub target: Targets<OneApplied>,
    /// Show each object's status (kstatus: Current, InProgress, Failed, NotFound)
    #[arg(long, global = true)]
    pub status: bool,
    /// Output format: text, json or yaml (the tree, docs/output.md)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(output::DOCUMENTS), default_value = "text")]
    pub output: Format,
}

/// The objects the arguments name, as kubectl reads them: `KIND NAME [NAME...]`, or
/// `KIND/NAME [KIND/NAME...]`.
fn objects(args: &[String]) -> Result<Vec<(String, String)>, InvalidInput> {
    let usage = || {
        InvalidInput::new(
            "either `<kind>/<name>` or `<kind> <name>` is required as an argument (several names, or several kind/name, may follow)",
        )
    };
    let pairs: Vec<(String, String)> = if args[0].contains('/') {
        args.iter()
            .map(|a| {
                a.split_once('/')
                    .filter(|(k, n)| !k.is_empty() && !n.is_empty() && !n.contains('/'))
                    .map(|(k, n)| (k.to_string(), n.to_string()))
                    .ok_or_else(usage)
            })
            .collect::<Result<_, _>>()?
    } else {
        if args.len() < 2 || args[1..].iter().any(|a| a.contains('/')) {
            return Err(usage());
        }
        args[1..]
            .iter()
            .map(|name| (args[0].clone(), name.clone()))
            .collect()
    };
    for (_, name) in &pairs {
        crate::manifests::validate::rfc1123_subdomain("name", name)?;
    }
    Ok(pairs)
}

pub fn run_trace(global: &GlobalArgs, ui: &Ui, args: TraceArgs) -> anyhow::Result<()> {
    let objects = objects(&args.objects)?;
    block_on(|| async {
        let cluster = connect(global).await?;
        let mut chains = Vec::new();
        let mut failed = 0;
        for (kind, name) in &objects {
            match trace::trace(&cluster, kind, &global.namespace, name).await {
                Ok(chain) => chains.push(chain),
                // One object's failure does not hide the others' chains.
                Err(e) if objects.len() > 1 => {
                    failed += 1;
                    ui.step(
                        Mark::Failed,
                        &format!(
                            "cannot trace {kind}/{name}: {}",
                            crate::cli::ui::error_text(&anyhow::Error::new(e))
                        ),
                    );
                }
                Err(e) => return Err(e.into()),
            }
        }
        // One object: its chain; several: a list of them (docs/output.md).
        let out = match (args.output, objects.len()) {
            (Format::Json, 1) => output::json_document(&chains[0])?,
            (Format::Json, _) => output::json_document(&chains)?,
            (Format::Yaml, 1) => output::yaml_document(&chains[0])?,
            (Format::Yaml, _) => output::yaml_document(&chains)?,
            (Format::Text | Format::Table, _) => chains
                .iter()
                .map(|c| output::tree::chain(c))
                .collect::<Vec<_>>()
                .join("---\n"),
        };
        output::write(&out)?;
        if failed > 0 {
            anyhow::bail!("{failed} of {} objects could not be traced", objects.len());
        }
        Ok(())
    })
}

pub fn run_tree(global: &GlobalArgs, _ui: &Ui, args: TreeArgs) -> anyhow::Result<()> {
    crate::manifests::validate::rfc1123_name("name", &args.target.names[0])?;
    let root = args.target.objects(&global.namespace).remove(0);
    block_on(|| async {
        let cluster = connect(global).await?;
        let node = trace::tree(&cluster, &root, args.status, 0).await?;
        let out = match args.output {
            Format::Json => output::json_document(&node)?,
            Format::Yaml => output::yaml_document(&node)?,
            Format::Text | Format::Table => output::tree::tree(&node),
        };
        output::write(&out)?;
        Ok(())
    })
}
