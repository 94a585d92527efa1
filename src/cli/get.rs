//! `floe get sources|syncs|helmreleases|all`: the state of Flux objects as a table, JSON or
//! YAML, once or as a watch stream.

use clap::Args;
use futures::{StreamExt, TryStreamExt};
use kube::runtime::watcher;

use super::output::{self, Format};
use super::target::{Listing, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::cluster::Cluster;
use crate::kinds::FluxKind;
use crate::status::{Selection, StatusRow, StatusSelector, list_rows, lower_kind};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe get source git\n  \
    floe get syncs -A\n  \
    floe get hr -l team=web --no-header\n  \
    floe get all --status-selector ready=false -o json\n  \
    floe get source git podinfo --watch")]
pub struct GetArgs {
    #[command(subcommand)]
    pub target: Targets<Listing>,
    #[command(flatten)]
    pub flags: GetFlags,
}

#[derive(Debug, Args)]
pub struct GetFlags {
    /// List objects in every namespace
    #[arg(short = 'A', long = "all-namespaces", global = true)]
    pub all_namespaces: bool,
    /// Output format (json and yaml are documented in docs/output.md)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(output::LISTS), default_value = "table")]
    pub output: Format,
    /// Show only objects with a condition in this status, e.g. ready=false
    #[arg(
        long = "status-selector",
        global = true,
        value_name = "CONDITION=STATUS"
    )]
    pub status_selector: Option<StatusSelector>,
    /// Show only objects whose labels match this selector, e.g. team=web,tier!=db
    #[arg(
        short = 'l',
        long = "label-selector",
        global = true,
        value_name = "SELECTOR"
    )]
    pub label_selector: Option<String>,
    /// Print the table without its header line
    #[arg(long = "no-header", global = true)]
    pub no_header: bool,
    /// After listing, print each change as it happens (until interrupted)
    #[arg(short = 'w', long, global = true)]
    pub watch: bool,
}

impl GetArgs {
    /// `--watch`: a stream that runs until stopped, not bounded by `--timeout`.
    pub fn watching(&self) -> bool {
        self.flags.watch
    }
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: GetArgs) -> anyhow::Result<()> {
    let GetArgs { target, flags } = args;
    let kinds = target.kinds.clone();
    let prefixed = target.grouped;
    let name = target.names.first().map(|n| n.as_str());
    if let Some(name) = name {
        crate::manifests::validate::rfc1123_name("name", name)?;
    }
    block_on(|| async {
        let cluster = connect(global).await?;
        let namespace = (!flags.all_namespaces).then_some(global.namespace.as_str());
        let selection = Selection {
            namespace,
            name,
            labels: flags.label_selector.as_deref(),
        };
        if flags.watch {
            return watch(&cluster, &kinds, &selection, &flags).await;
        }
        // Listing several kinds (get all) skips kinds whose CRD is not installed.
        let skip_missing = kinds.len() > 1;
        let lists = futures::future::try_join_all(
            kinds
                .iter()
                .map(|kind| list_rows(&cluster, *kind, &selection, skip_missing)),
        )
        .await?;
        let mut out = String::new();
        let mut all_rows: Vec<StatusRow> = Vec::new();
        for (kind, rows) in kinds.iter().zip(lists) {
            let rows: Vec<StatusRow> = rows
                .into_iter()
                .filter(|r| flags.status_selector.as_ref().is_none_or(|s| s.matches(r)))
                .collect();
            if flags.output == Format::Table && !rows.is_empty() {
                if !out.is_empty() && !flags.no_header {
                    out.push('\n');
                }
                let prefix = prefixed.then(|| lower_kind(*kind));
                out.push_str(&output::tables::status_table(
                    &rows,
                    flags.all_namespaces,
                    prefix.as_deref(),
                    !flags.no_header,
                ));
            }
            all_rows.extend(rows);
        }
        match flags.output {
            Format::Table if all_rows.is_empty() => {
                let kinds: Vec<&str> = kinds.iter().map(|k| k.kind()).collect();
                let place = match namespace {
                    Some(ns) => format!("in {ns} namespace"),
                    None => "in any namespace".to_string(),
                };
                ui.step(
                    Mark::Failed,
                    &format!("no {} objects found {place}", kinds.join(", ")),
                );
            }
            Format::Table | Format::Text => {}
            Format::Json => out = output::json_document(&all_rows)?,
            Format::Yaml => out = output::yaml_document(&all_rows)?,
        }
        output::write(&out)?;
        Ok(())
    })
}

/// Prints the current objects, then one line per change, until interrupted. With `-o json`
/// each line is one JSON row (JSON Lines); with `-o yaml` each change is a YAML document.
async fn watch(
    cluster: &Cluster,
    kinds: &[FluxKind],
    selection: &Selection<'_>,
    flags: &GetFlags,
) -> anyhow::Result<()> {
    let mut config = watcher::Config::default();
    if let Some(name) = selection.name {
        config = config.fields(&format!("metadata.name={name}"));
    }
    if let Some(labels) = selection.labels {
        config = config.labels(labels);
    }
    let namespace = selection.namespace;
    let streams = kinds.iter().map(|kind| {
        let kind = *kind;
        watcher::watcher(kind.api(cluster, namespace), config.clone())
            .map_ok(move |event| (kind, event))
            .boxed()
    });
    let mut events = futures::stream::select_all(streams);
    if flags.output == Format::Table && !flags.no_header {
        // Rows arrive one at a time, so columns are tab-separated rather than padded.
        output::write(&output::tab_line(&output::tables::status_header(
            flags.all_namespaces,
        )))?;
    }
    let prefixed = kinds.len() > 1;
    while let Some(event) = events.next().await {
        let (kind, event) = match event {
            Ok(event) => event,
            Err(watcher::Error::InitialListFailed(e))
            | Err(watcher::Error::WatchStartFailed(e)) => {
                return Err(anyhow::Error::new(cluster.explain(e)));
            }
            Err(_) => continue, // the watcher re-establishes itself
        };
        let object = match event {
            watcher::Event::Apply(o) | watcher::Event::InitApply(o) => o,
            _ => continue,
        };
        let row = StatusRow::new(kind, &kind.observe(&object));
        if flags
            .status_selector
            .as_ref()
            .is_some_and(|s| !s.matches(&row))
        {
            continue;
        }
        match flags.output {
            Format::Table | Format::Text => {
                let prefix = prefixed.then(|| lower_kind(kind));
                let cells =
                    output::tables::status_cells(&row, flags.all_namespaces, prefix.as_deref());
                output::write(&output::tab_line(&cells))?;
            }
            Format::Json => output::write(&output::json_line(&row)?)?,
            Format::Yaml => output::write(&output::yaml_stream_document(&row)?)?,
        }
    }
    Ok(())
}
