//! `floe get sources|syncs|all`: the state of Flux objects as a table, JSON or YAML, once or
//! as a watch stream.

use clap::{Args, Subcommand, ValueEnum};
use futures::{StreamExt, TryStreamExt};
use kube::runtime::watcher;

use super::output::{self, Format};
use super::{GlobalArgs, block_on, connect};
use crate::cluster::Cluster;
use crate::status::{FluxKind, StatusRow, StatusSelector, list_rows, lower_kind, row_cells, table};
use crate::ui::{Mark, Ui};

#[derive(Debug, Args)]
pub struct GetArgs {
    #[command(subcommand)]
    pub command: GetCommand,
}

#[derive(Debug, Subcommand)]
pub enum GetCommand {
    /// Show sources: git, helm, oci, bucket or all
    #[command(name = "sources", visible_alias = "source")]
    Sources(GetSourceArgs),
    /// Show syncs (Flux Kustomizations)
    #[command(name = "syncs", visible_aliases = ["sync", "kustomizations", "kustomization", "ks"])]
    Syncs(GetFlags),
    /// Show every source and sync
    All(GetFlags),
}

#[derive(Debug, Args)]
pub struct GetSourceArgs {
    /// Which sources
    #[arg(value_enum)]
    pub kind: SourceKindArg,
    #[command(flatten)]
    pub flags: GetFlags,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SourceKindArg {
    Git,
    Helm,
    Oci,
    Bucket,
    All,
}

impl SourceKindArg {
    pub fn kinds(self) -> Vec<FluxKind> {
        match self {
            SourceKindArg::Git => vec![FluxKind::GitRepository],
            SourceKindArg::Helm => vec![FluxKind::HelmRepository],
            SourceKindArg::Oci => vec![FluxKind::OCIRepository],
            SourceKindArg::Bucket => vec![FluxKind::Bucket],
            SourceKindArg::All => FluxKind::SOURCES.to_vec(),
        }
    }
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe get source git\n  \
    floe get syncs -A\n  \
    floe get all --status-selector ready=false -o json\n  \
    floe get source git podinfo --watch")]
pub struct GetFlags {
    /// Show only the object with this name
    pub name: Option<String>,
    /// List objects in every namespace
    #[arg(short = 'A', long = "all-namespaces")]
    pub all_namespaces: bool,
    /// Output format (json and yaml are documented in docs/output.md)
    #[arg(short = 'o', long, value_parser = output::parser(output::LISTS), default_value = "table")]
    pub output: Format,
    /// Show only objects with a condition in this status, e.g. ready=false
    #[arg(long = "status-selector", value_name = "CONDITION=STATUS")]
    pub status_selector: Option<StatusSelector>,
    /// After listing, print each change as it happens (until interrupted)
    #[arg(short = 'w', long)]
    pub watch: bool,
}

impl GetArgs {
    /// `--watch`: a stream that runs until stopped, not bounded by `--timeout`.
    pub fn watching(&self) -> bool {
        match &self.command {
            GetCommand::Sources(source) => source.flags.watch,
            GetCommand::Syncs(flags) | GetCommand::All(flags) => flags.watch,
        }
    }
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: GetArgs) -> anyhow::Result<()> {
    let (kinds, flags, prefixed) = match args.command {
        GetCommand::Sources(source) => {
            let all = matches!(source.kind, SourceKindArg::All);
            (source.kind.kinds(), source.flags, all)
        }
        GetCommand::Syncs(flags) => (vec![FluxKind::Kustomization], flags, false),
        GetCommand::All(flags) => (FluxKind::ALL.to_vec(), flags, true),
    };
    block_on(async {
        let cluster = connect(global).await?;
        let namespace = (!flags.all_namespaces).then_some(global.namespace.as_str());
        if flags.watch {
            return watch(&cluster, &kinds, namespace, &flags).await;
        }
        let lists = futures::future::try_join_all(
            kinds
                .iter()
                .map(|kind| list_rows(&cluster, *kind, namespace, flags.name.as_deref())),
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
                if !out.is_empty() {
                    out.push('\n');
                }
                let prefix = prefixed.then(|| lower_kind(*kind));
                out.push_str(&table(&rows, flags.all_namespaces, prefix.as_deref()));
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
    namespace: Option<&str>,
    flags: &GetFlags,
) -> anyhow::Result<()> {
    let mut config = watcher::Config::default();
    if let Some(name) = &flags.name {
        config = config.fields(&format!("metadata.name={name}"));
    }
    let streams = kinds.iter().map(|kind| {
        let kind = *kind;
        watcher::watcher(kind.api(cluster, namespace), config.clone())
            .map_ok(move |event| (kind, event))
            .boxed()
    });
    let mut events = futures::stream::select_all(streams);
    if flags.output == Format::Table {
        let mut header = vec!["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"];
        if flags.all_namespaces {
            header.insert(0, "NAMESPACE");
        }
        // Rows arrive one at a time, so columns are tab-separated rather than padded.
        output::write(&(header.join("\t") + "\n"))?;
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
        let row = StatusRow::from_object(kind, &serde_json::to_value(&object)?);
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
                let cells = row_cells(&row, flags.all_namespaces, prefix.as_deref());
                output::write(&(cells.join("\t") + "\n"))?;
            }
            Format::Json => output::write(&output::json_line(&row)?)?,
            Format::Yaml => output::write(&output::yaml_stream_document(&row)?)?,
        }
    }
    Ok(())
}
