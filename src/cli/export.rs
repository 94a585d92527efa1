//! `floe export KIND [NAME|--all]`, and `floe export --all` for every kind: the live objects
//! as clean YAML, ready to commit to Git.

use std::io::Write;

use clap::Args;

use super::target::{Optional, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::Ui;
use crate::kinds::FluxKind;
use crate::objects;
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(
    subcommand_required = false,
    args_conflicts_with_subcommands = false,
    after_help = "Examples:\n  \
    floe export source git --all > sources.yaml\n  \
    floe export sync apps\n  \
    floe export hr podinfo -n apps\n  \
    floe export --all -A > flux.yaml"
)]
pub struct ExportArgs {
    #[command(subcommand)]
    pub target: Option<Targets<Optional>>,
    /// Export every object of the kind (every kind, without one) in the namespace
    #[arg(long, global = true)]
    pub all: bool,
    /// With --all, export from every namespace
    #[arg(short = 'A', long = "all-namespaces", global = true, requires = "all")]
    pub all_namespaces: bool,
}

pub fn run(global: &GlobalArgs, _ui: &Ui, args: ExportArgs) -> anyhow::Result<()> {
    let (kinds, name) = match &args.target {
        Some(target) => (vec![target.kind()], target.names.first().cloned()),
        None if args.all => (FluxKind::ALL.to_vec(), None),
        None => {
            return Err(InvalidInput::new(
                "give a kind and a NAME, a kind and --all, or --all alone for every kind",
            )
            .into());
        }
    };
    match (&name, args.all) {
        (Some(name), false) => {
            crate::manifests::validate::rfc1123_name("name", name)?;
        }
        (None, true) => {}
        (Some(_), true) => {
            return Err(InvalidInput::new("give a NAME or --all, not both").into());
        }
        (None, false) => return Err(InvalidInput::new("give a NAME or --all").into()),
    }
    block_on(|| async {
        let cluster = connect(global).await?;
        let namespace = (!args.all_namespaces).then_some(&global.namespace);
        // Exporting every kind skips kinds whose CRD is not installed.
        let skip_missing = kinds.len() > 1;
        let mut yaml = String::new();
        for kind in kinds {
            yaml.push_str(
                &objects::export(&cluster, kind, namespace, name.as_ref(), skip_missing).await?,
            );
        }
        std::io::stdout().lock().write_all(yaml.as_bytes())?;
        Ok(())
    })
}
