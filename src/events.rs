//! `events`: the Kubernetes Events about Flux objects (or about one object), oldest first,
//! one row per Event with its count (client-go's recorder already folds repeats into one
//! Event's `count`).

use std::collections::HashSet;

use futures::{Stream, StreamExt};
use k8s_openapi::api::core::v1::Event;
use kube::api::{Api, ListParams};
use kube::runtime::watcher;
use serde::Serialize;

use crate::cluster::Cluster;
use crate::kinds::FluxKind;

/// One Event as `events` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventRow {
    pub namespace: String,
    /// `Kind/name` of the object the Event is about.
    pub object: String,
    #[serde(rename = "type")]
    pub type_: String,
    pub reason: String,
    pub message: String,
    pub count: i32,
    #[serde(rename = "firstSeen")]
    pub first_seen: Option<String>,
    #[serde(rename = "lastSeen")]
    pub last_seen: Option<String>,
    /// The controller that reported it.
    pub source: String,
}

/// Which Events to show.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Only about this object: its kind (as Kubernetes spells it, matched case-insensitively)
    /// and name.
    pub object: Option<(String, String)>,
    /// Only these types (`Normal`, `Warning`); all when empty.
    pub types: Vec<String>,
}

impl EventFilter {
    /// Whether `event` is about a Flux object (or the object asked for) of a wanted type.
    pub fn matches(&self, event: &Event) -> bool {
        let involved = &event.involved_object;
        let kind = involved.kind.as_deref().unwrap_or_default();
        let about = match &self.object {
            Some((k, name)) => {
                k.eq_ignore_ascii_case(kind) && involved.name.as_deref() == Some(name.as_str())
            }
            None => {
                FluxKind::named(kind).is_some()
                    && involved
                        .api_version
                        .as_deref()
                        .is_some_and(|v| v.contains(".fluxcd.io/"))
            }
        };
        let type_ = event.type_.as_deref().unwrap_or_default();
        about && (self.types.is_empty() || self.types.iter().any(|t| t.eq_ignore_ascii_case(type_)))
    }
}

fn time(event: &Event) -> Option<String> {
    event
        .last_timestamp
        .as_ref()
        .map(|t| t.0.to_string())
        .or_else(|| event.event_time.as_ref().map(|t| t.0.to_string()))
        .or_else(|| event.first_timestamp.as_ref().map(|t| t.0.to_string()))
}

impl EventRow {
    pub fn new(event: &Event) -> EventRow {
        let involved = &event.involved_object;
        EventRow {
            namespace: event.metadata.namespace.clone().unwrap_or_default(),
            object: format!(
                "{}/{}",
                involved.kind.as_deref().unwrap_or_default(),
                involved.name.as_deref().unwrap_or_default()
            ),
            type_: event.type_.clone().unwrap_or_default(),
            reason: event.reason.clone().unwrap_or_default(),
            message: event.message.clone().unwrap_or_default(),
            count: event.count.unwrap_or(1),
            first_seen: event.first_timestamp.as_ref().map(|t| t.0.to_string()),
            last_seen: time(event),
            source: event
                .source
                .as_ref()
                .and_then(|s| s.component.clone())
                .or_else(|| event.reporting_component.clone())
                .unwrap_or_default(),
        }
    }
}

/// The Events of `namespace`, or of every namespace.
fn events_api(cluster: &Cluster, namespace: Option<&str>) -> Api<Event> {
    match namespace {
        Some(ns) => Api::namespaced(cluster.client.clone(), ns),
        None => Api::all(cluster.client.clone()),
    }
}

/// The Events `filter` keeps in `namespace` (None: every namespace), oldest first.
pub async fn list(
    cluster: &Cluster,
    namespace: Option<&str>,
    filter: &EventFilter,
) -> Result<Vec<EventRow>, kube::Error> {
    let api = events_api(cluster, namespace);
    let mut params = ListParams::default();
    if let Some((_, name)) = &filter.object {
        params = params.fields(&format!("involvedObject.name={name}"));
    }
    let mut rows = Vec::new();
    crate::cluster::each_page(&api, params, |event| {
        if filter.matches(&event) {
            rows.push(EventRow::new(&event));
        }
    })
    .await?;
    rows.sort_by(|a, b| a.last_seen.cmp(&b.last_seen));
    Ok(rows)
}

/// The Events `filter` keeps that happen from now on in `namespace` (None: every namespace),
/// one row each as it arrives, until the watch ends. What the first list returns is the past
/// (`list` showed it), and an Event seen again with the same count (a relist) is not new.
pub fn watch<'a>(
    cluster: &Cluster,
    namespace: Option<&str>,
    filter: &'a EventFilter,
) -> impl Stream<Item = Result<EventRow, watcher::Error>> + 'a {
    let api = events_api(cluster, namespace);
    let key = |e: &Event| {
        (
            e.metadata.uid.clone().unwrap_or_default(),
            e.count.unwrap_or(1),
        )
    };
    let mut seen: HashSet<(String, i32)> = HashSet::new();
    let mut listing = true;
    watcher::watcher(api, watcher::Config::default()).filter_map(move |event| {
        let row = match event {
            Err(e) => Some(Err(e)),
            Ok(watcher::Event::Init) => {
                listing = true;
                None
            }
            Ok(watcher::Event::InitDone) => {
                listing = false;
                None
            }
            Ok(watcher::Event::InitApply(e)) => {
                seen.insert(key(&e));
                None
            }
            Ok(watcher::Event::Delete(_)) => None,
            Ok(watcher::Event::Apply(e)) => {
                let new = !listing && filter.matches(&e) && seen.insert(key(&e));
                new.then(|| Ok(EventRow::new(&e)))
            }
        };
        std::future::ready(row)
    })
}

/// How long ago `time` (RFC 3339) was, as kubectl shows ages: `45s`, `3m`, `2h`, `4d`.
pub fn age(time: Option<&str>, now: jiff::Timestamp) -> String {
    let Some(then) = time.and_then(|t| t.parse::<jiff::Timestamp>().ok()) else {
        return "<unknown>".to_string();
    };
    let seconds = now.as_second().saturating_sub(then.as_second()).max(0);
    match seconds {
        s if s < 120 => format!("{s}s"),
        s if s < 2 * 3600 => format!("{}m", s / 60),
        s if s < 2 * 86400 => format!("{}h", s / 3600),
        s => format!("{}d", s / 86400),
    }
}
