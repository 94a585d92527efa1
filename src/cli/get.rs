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
                out.push_str(&table(
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
        output::write(&output::tab_line(&header(flags.all_namespaces)))?;
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
                let cells = row_cells(&row, flags.all_namespaces, prefix.as_deref());
                output::write(&output::tab_line(&cells))?;
            }
            Format::Json => output::write(&output::json_line(&row)?)?,
            Format::Yaml => output::write(&output::yaml_stream_document(&row)?)?,
        }
    }
    Ok(())
}

/// Formats rows as an aligned table: NAME REVISION SUSPENDED READY MESSAGE, with NAMESPACE
/// first when rows come from every namespace. `prefix` names the kind in the NAME column, as
/// `get all` does (`gitrepository/podinfo`).
fn table(
    rows: &[StatusRow],
    all_namespaces: bool,
    prefix: Option<&str>,
    with_header: bool,
) -> String {
    let mut lines: Vec<Vec<String>> = Vec::with_capacity(rows.len() + 1);
    if with_header {
        lines.push(header(all_namespaces));
    }
    for row in rows {
        lines.push(row_cells(row, all_namespaces, prefix));
    }
    output::table(&lines)
}

/// The table's column names.
fn header(all_namespaces: bool) -> Vec<String> {
    let mut header = vec!["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"];
    if all_namespaces {
        header.insert(0, "NAMESPACE");
    }
    header.iter().map(|s| s.to_string()).collect()
}

/// One row's cells, for a table or a watch line.
fn row_cells(row: &StatusRow, all_namespaces: bool, prefix: Option<&str>) -> Vec<String> {
    let name = match prefix {
        Some(p) => format!("{p}/{}", row.name),
        None => row.name.clone(),
    };
    let mut cells = vec![
        name,
        row.revision.clone(),
        if row.suspended { "True" } else { "False" }.to_string(),
        row.ready.clone(),
        row.message.replace('\n', " "),
    ];
    if all_namespaces {
        cells.insert(0, row.namespace.clone());
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(message: &str) -> StatusRow {
        StatusRow {
            kind: "GitRepository".into(),
            namespace: "flux-system".into(),
            name: "podinfo".into(),
            revision: "main@sha1:0123".into(),
            suspended: true,
            ready: "True".into(),
            message: message.into(),
            conditions: Vec::new(),
        }
    }

    #[test]
    fn tables_align_columns_and_add_namespace_with_all_namespaces() {
        let row = row("ok");
        assert_eq!(
            table(std::slice::from_ref(&row), false, None, true),
            "NAME      REVISION         SUSPENDED   READY   MESSAGE\n\
             podinfo   main@sha1:0123   True        True    ok\n"
        );
        assert_eq!(
            table(std::slice::from_ref(&row), false, None, false),
            "podinfo   main@sha1:0123   True   True   ok\n"
        );
        assert!(table(&[row], true, Some("gitrepository"), true).starts_with("NAMESPACE     NAME"));
    }

    #[test]
    fn a_message_cannot_rewrite_the_screen() {
        let hostile = row("ok\u{1b}]8;;http://evil/\u{7}click\u{1b}]8;;\u{7}\r\nREADY True");
        let table = table(&[hostile], false, None, false);
        assert!(
            !table.contains('\u{1b}') && !table.contains('\r'),
            "{table:?}"
        );
        assert_eq!(table.lines().count(), 1, "{table:?}");
        assert!(
            table.ends_with("ok\\x1b]8;;http://evil/\\x07click\\x1b]8;;\\x07\\r READY True\n"),
            "{table:?}"
        );
    }
}
