//! What every `create` command shares: its flags, and printing the built object with
//! `--export` or applying it and waiting until Flux reports it Ready. `create`,
//! `create source` and `create sync` all use this module; none of them uses another.

use std::io::Write;

use clap::Args;

use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::cluster::Cluster;
use crate::kinds::duration::GoDuration;
use crate::kinds::{FluxObject, ObjectRef};
use crate::manifests::create::ObjectOptions;
use crate::manifests::export_yaml;
use crate::objects;

/// Flags every `create` command takes.
#[derive(Debug, Clone, Args)]
pub struct CreateFlags {
    /// How often Flux reconciles the object, e.g. 30s, 1m, 1h
    #[arg(long, default_value = "1m", value_name = "DURATION")]
    pub interval: GoDuration,
    /// Set a label on the object, as key=value (repeat or separate with commas)
    #[arg(long = "label", value_name = "KEY=VALUE", value_delimiter = ',')]
    pub labels: Vec<crate::kinds::names::Label>,
    /// Print the object as YAML to stdout instead of applying it
    #[arg(long)]
    pub export: bool,
}

impl CreateFlags {
    pub fn object(&self, global: &GlobalArgs, name: &str) -> ObjectOptions {
        ObjectOptions {
            name: name.to_string(),
            namespace: global.namespace.to_string(),
            labels: self.labels.clone(),
            interval: self.interval,
        }
    }
}

/// Prints the built object with `--export`, or applies it and waits until Flux reports it
/// Ready.
pub fn export_or_apply<K: FluxObject>(
    global: &GlobalArgs,
    ui: &Ui,
    object: &K,
    flags: &CreateFlags,
) -> anyhow::Result<()> {
    if flags.export {
        std::io::stdout()
            .lock()
            .write_all(export_yaml(object).as_bytes())?;
        return Ok(());
    }
    block_on(|| async {
        let cluster = connect(global).await?;
        apply_and_wait(&cluster, global, ui, object).await
    })
}

/// Applies a Flux object, then waits for its Ready condition; the condition's message is the
/// error when it fails or the wait times out.
pub async fn apply_and_wait<K: FluxObject>(
    cluster: &Cluster,
    global: &GlobalArgs,
    ui: &Ui,
    object: &K,
) -> anyhow::Result<()> {
    let kind = K::KIND;
    let name = object.meta().name.clone().unwrap_or_default();
    let target = ObjectRef::parse(kind, &global.namespace, &name)?;
    let what = format!("{kind} {}/{name}", global.namespace);
    ui.step(Mark::Applying, &format!("applying {what}"));
    let action = objects::apply(cluster, &serde_json::to_value(object)?).await?;
    ui.step(Mark::Done, &format!("{what} {action}"));
    // Re-run after fixing what failed (a deploy key registered, a Secret created), an
    // unchanged object keeps its failed status until its next interval: ask for a new attempt,
    // so the re-run resumes instead of repeating the old failure.
    let retry = action == crate::cluster::apply::Action::Unchanged
        && matches!(target.get(cluster).await?.settled(), Some(Err(_)));
    let live = if retry {
        ui.step(
            Mark::Waiting,
            &format!("asking {what} to try again: its last attempt failed"),
        );
        objects::reconcile(cluster, &target, Default::default(), global.timeout.0).await?
    } else {
        ui.step(
            Mark::Waiting,
            &format!("waiting for {what} to be reconciled"),
        );
        objects::wait_ready(cluster, &target, global.timeout.0).await?
    };
    let at = at_revision(&live.revision);
    ui.step(Mark::Done, &format!("{what} is ready{at}"));
    Ok(())
}

/// ` at revision <revision>` for a progress line, or nothing when there is none yet.
pub fn at_revision(revision: &str) -> String {
    if revision.is_empty() {
        String::new()
    } else {
        format!(" at revision {revision}")
    }
}

/// For objects no Flux controller reconciles (Secrets, a tenant's namespace and RBAC): prints
/// them with `--export` (each as flux prints it, `trailer` after the last), or applies them in
/// order and reports each.
pub fn export_or_apply_plain(
    global: &GlobalArgs,
    ui: &Ui,
    objects: &[serde_json::Value],
    export: bool,
    trailer: &str,
) -> anyhow::Result<()> {
    if export {
        let mut out = String::new();
        for object in objects {
            out.push_str(&export_yaml(object));
        }
        out.push_str(trailer);
        std::io::stdout().lock().write_all(out.as_bytes())?;
        return Ok(());
    }
    block_on(|| async {
        let cluster = connect(global).await?;
        for object in objects {
            let what = crate::cluster::apply::reference(object);
            ui.step(Mark::Applying, &format!("applying {what}"));
            let action = objects::apply(&cluster, object).await?;
            ui.step(Mark::Done, &format!("{what} {action}"));
        }
        Ok(())
    })
}
