//! `floe events [--for KIND/NAME] [-A] [--watch] [--types Normal,Warning]`: what the Flux
//! controllers reported about their objects.

use clap::Args;
use futures::TryStreamExt;

use super::output::{self, Format};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::Ui;
use crate::events::{self, EventFilter};
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe events\n  \
    floe events --for Kustomization/apps\n  \
    floe events -A --types=Warning\n  \
    floe events --watch")]
pub struct EventsArgs {
    /// Only the Events about this object, Kind/name (e.g. Kustomization/apps, GitRepository/flux-system)
    #[arg(long = "for", value_name = "KIND/NAME")]
    pub for_object: Option<String>,
    /// Events in every namespace
    #[arg(short = 'A', long = "all-namespaces")]
    pub all_namespaces: bool,
    /// After listing, print each new Event as it happens (until interrupted)
    #[arg(short = 'w', long)]
    pub watch: bool,
    /// Only Events of these types: Normal, Warning (repeat or separate with commas)
    #[arg(long, value_delimiter = ',', value_parser = ["Normal", "Warning"], value_name = "TYPE")]
    pub types: Vec<String>,
    /// Output format (json and yaml are documented in docs/output.md)
    #[arg(short = 'o', long, value_parser = output::parser(output::LISTS), default_value = "table")]
    pub output: Format,
}

impl EventsArgs {
    /// `--watch`: a stream that runs until stopped, not bounded by `--timeout`.
    pub fn watching(&self) -> bool {
        self.watch
    }
}

pub fn run(global: &GlobalArgs, _ui: &Ui, args: EventsArgs) -> anyhow::Result<()> {
    let object = match &args.for_object {
        Some(value) => {
            let (kind, name) = value
                .split_once('/')
                .filter(|(k, n)| !k.is_empty() && !n.is_empty())
                .ok_or_else(|| {
                    InvalidInput::new(format!(
                        "invalid --for '{value}': expected Kind/name, e.g. Kustomization/apps"
                    ))
                })?;
            crate::manifests::validate::rfc1123_subdomain("--for name", name)?;
            Some((kind.to_string(), name.to_string()))
        }
        None => None,
    };
    let filter = EventFilter {
        object,
        types: args.types.clone(),
    };
    block_on(|| async {
        let cluster = connect(global).await?;
        let namespace = (!args.all_namespaces).then_some(global.namespace.as_str());
        let rows = events::list(&cluster, namespace, &filter)
            .await
            .map_err(|e| cluster.explain(e))?;
        let now = jiff::Timestamp::now();
        let out = match args.output {
            Format::Json => output::json_document(&rows)?,
            Format::Yaml => output::yaml_document(&rows)?,
            Format::Table | Format::Text if rows.is_empty() && !args.watch => String::new(),
            Format::Table | Format::Text => {
                let mut lines = vec![output::tables::events_header(args.all_namespaces)];
                lines.extend(
                    rows.iter()
                        .map(|r| output::tables::event_cells(r, args.all_namespaces, now)),
                );
                output::table(&lines)
            }
        };
        output::write(&out)?;
        if !args.watch {
            return Ok(());
        }
        let mut rows = std::pin::pin!(events::watch(&cluster, namespace, &filter));
        while let Some(row) = rows
            .try_next()
            .await
            .map_err(|e| anyhow::anyhow!("watching Events: {e}"))?
        {
            let line = match args.output {
                Format::Json => output::json_line(&row)?,
                Format::Yaml => output::yaml_stream_document(&row)?,
                Format::Table | Format::Text => output::tab_line(&output::tables::event_cells(
                    &row,
                    args.all_namespaces,
                    jiff::Timestamp::now(),
                )),
            };
            output::write(&line)?;
        }
        Ok(())
    })
}
