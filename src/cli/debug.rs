//! `floe debug sync NAME --show-vars|--show-status|--show-history` and `floe debug hr NAME
//! --show-values|--show-status|--show-history`: what flux's `debug kustomization` and `debug
//! helmrelease` print: a sync's final post-build variables (`crate::preview::sync_variables`),
//! a release's final values (`crate::helm_values`), their status or their history. Values from
//! Secrets are masked unless `--show-secrets`, which writes only to a terminal.

use std::io::IsTerminal;

use clap::{Args, Subcommand};

use super::deferred::Deferred;
use super::{GlobalArgs, block_on, connect};
use crate::cli::output;
use crate::cli::ui::Ui;
use crate::kinds::{FluxKind, ObjectRef};
use crate::preview::substitute::SECRET_MASK;
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
pub struct DebugArgs {
    #[command(subcommand)]
    pub command: DebugCommand,
}

#[derive(Debug, Subcommand)]
pub enum DebugCommand {
    /// A sync's final postBuild variables, its status or its history
    #[command(visible_aliases = ["kustomization", "ks"])]
    Sync(Deferred<DebugSyncArgs>),
    /// A Helm release's final values, its status or its history
    #[command(visible_aliases = ["helmrelease"])]
    Hr(Deferred<DebugHrArgs>),
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # The values the release is installed with, composed from valuesFrom and values\n  \
    floe debug hr podinfo --show-values > values.yaml\n\n  \
    floe debug hr podinfo --show-status\n  \
    floe debug hr podinfo --show-history")]
pub struct DebugHrArgs {
    /// The HelmRelease name
    pub name: String,
    /// Print its final values as YAML (values from Secrets masked)
    #[arg(long = "show-values")]
    pub show_values: bool,
    /// Print its status
    #[arg(long = "show-status")]
    pub show_status: bool,
    /// Print its release history
    #[arg(long = "show-history")]
    pub show_history: bool,
    /// With --show-values, print the values from Secrets too (only to a terminal)
    #[arg(long = "show-secrets")]
    pub show_secrets: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # The final variables of a sync's post-build substitution, as dot env lines\n  \
    floe debug sync podinfo --show-vars > vars.env\n\n  \
    # Its status, and what it applied\n  \
    floe debug sync podinfo --show-status\n  \
    floe debug sync podinfo --show-history")]
pub struct DebugSyncArgs {
    /// The sync (Kustomization) name
    pub name: String,
    /// Print the final variables of its post-build substitution, in dot env format (values from Secrets masked)
    #[arg(long = "show-vars")]
    pub show_vars: bool,
    /// Print its status
    #[arg(long = "show-status")]
    pub show_status: bool,
    /// Print its reconciliation history
    #[arg(long = "show-history")]
    pub show_history: bool,
    /// With --show-vars, print the values from Secrets too (only to a terminal)
    #[arg(long = "show-secrets")]
    pub show_secrets: bool,
}

pub fn run(global: &GlobalArgs, _ui: &Ui, args: DebugArgs) -> anyhow::Result<()> {
    match args.command {
        DebugCommand::Sync(Deferred(a)) => run_sync(global, a),
        DebugCommand::Hr(Deferred(a)) => run_hr(global, a),
    }
}

/// Exactly one of the three shows; `--show-secrets` only with the one that reads Secrets and
/// only to a terminal.
fn check_flags(shows: [(bool, &str); 3], show_secrets: bool) -> Result<(), InvalidInput> {
    if shows.iter().filter(|(set, _)| *set).count() != 1 {
        let names: Vec<&str> = shows.iter().map(|(_, n)| *n).collect();
        return Err(InvalidInput::new(format!(
            "exactly one of {}, {}, or {} must be set",
            names[0], names[1], names[2]
        )));
    }
    let (reads_secrets, flag) = shows[1];
    if show_secrets && !(reads_secrets && std::io::stdout().is_terminal()) {
        return Err(InvalidInput::new(format!(
            "--show-secrets prints Secret values only with {flag} and only to a terminal, never to a pipe or a file"
        )));
    }
    Ok(())
}

/// Status or history as flux prints them: a comment naming the documentation, then YAML.
fn documented(object: &serde_json::Value, history: bool, docs: &str) -> anyhow::Result<String> {
    if history {
        let history = match &object["status"]["history"] {
            serde_json::Value::Null => serde_json::json!([]),
            history => history.clone(),
        };
        Ok(format!(
            "# History documentation: {docs}#history\n{}",
            output::yaml_document(&history)?
        ))
    } else {
        Ok(format!(
            "# Status documentation: {docs}{}\n{}",
            if docs.contains("helm") {
                "#helmrelease-status"
            } else {
                "#kustomization-status"
            },
            output::yaml_document(&object["status"])?
        ))
    }
}

fn run_hr(global: &GlobalArgs, args: DebugHrArgs) -> anyhow::Result<()> {
    check_flags(
        [
            (args.show_status, "--show-status"),
            (args.show_values, "--show-values"),
            (args.show_history, "--show-history"),
        ],
        args.show_secrets,
    )?;
    let target = ObjectRef::parse(FluxKind::HelmRelease, &global.namespace, &args.name)?;
    block_on(|| async {
        let cluster = connect(global).await?;
        let object = serde_json::to_value(target.fetch(&cluster).await?)?;
        let text = if args.show_values {
            let values =
                crate::helm_values::release_values(&cluster, &object, args.show_secrets).await?;
            output::yaml_document(&values)?
        } else {
            documented(
                &object,
                args.show_history,
                "https://fluxcd.io/flux/components/helm/helmreleases/",
            )?
        };
        output::write(&text)?;
        Ok(())
    })
}

fn run_sync(global: &GlobalArgs, args: DebugSyncArgs) -> anyhow::Result<()> {
    check_flags(
        [
            (args.show_status, "--show-status"),
            (args.show_vars, "--show-vars"),
            (args.show_history, "--show-history"),
        ],
        args.show_secrets,
    )?;
    let target = ObjectRef::parse(FluxKind::Kustomization, &global.namespace, &args.name)?;
    block_on(|| async {
        let cluster = connect(global).await?;
        let object = serde_json::to_value(target.fetch(&cluster).await?)?;
        let text = if !args.show_vars {
            documented(
                &object,
                args.show_history,
                "https://fluxcd.io/flux/components/kustomize/kustomizations/",
            )?
        } else {
            let vars = crate::preview::sync_variables(&cluster, &object)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no post build substitutions found"))?;
            let lines: Vec<(String, String)> = vars
                .values
                .iter()
                .map(|(name, value)| {
                    let shown = if vars.secret.contains(name) && !args.show_secrets {
                        SECRET_MASK.to_string()
                    } else {
                        value.clone()
                    };
                    (name.clone(), shown)
                })
                .collect();
            output::dotenv(&lines)
        };
        output::write(&text)?;
        Ok(())
    })
}
