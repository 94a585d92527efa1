//! The tables commands print: which columns each shows and how a row reads (the rendering
//! itself, padding by display width and sanitising, is [`super::table`]).

use super::{Keep, sanitize};
use crate::drift::{Drift, SyncDrift};
use crate::events::{self, EventRow};
use crate::history::{self, HistoryRow};
use crate::status::StatusRow;

/// `drift`: one row per drifted object of each sync, with the header.
pub fn drift(syncs: &[SyncDrift]) -> Vec<Vec<String>> {
    let mut lines = vec![
        ["SYNC", "OBJECT", "DRIFT", "DETAIL"]
            .map(str::to_string)
            .to_vec(),
    ];
    for sync in syncs {
        let name = format!("{}/{}", sync.namespace, sync.name);
        for drift in &sync.drifts {
            let (object, word, detail) = match drift {
                Drift::Missing { object } => (
                    object.to_string(),
                    "missing",
                    "deleted outside Git".to_string(),
                ),
                Drift::Changed {
                    object,
                    manager,
                    operation,
                    time,
                    fields,
                } => (
                    object.to_string(),
                    "changed",
                    format!(
                        "{} by {manager} ({operation}){}",
                        fields.join(", "),
                        time.as_deref()
                            .map(|t| format!(" at {t}"))
                            .unwrap_or_default()
                    ),
                ),
                Drift::Behind { reason } => ("-".to_string(), "behind", reason.clone()),
                Drift::Malformed { id, reason } => (id.clone(), "malformed", reason.clone()),
            };
            lines.push(vec![name.clone(), object, word.to_string(), detail]);
        }
    }
    lines
}

/// `events`: one Event's cells (age with its count, type, reason, object, message).
pub fn event_cells(row: &EventRow, all_namespaces: bool, now: jiff::Timestamp) -> Vec<String> {
    let mut seen = events::age(row.last_seen.as_deref(), now);
    if row.count > 1 {
        seen = format!("{seen} (x{})", row.count);
    }
    let mut cells = Vec::new();
    if all_namespaces {
        cells.push(row.namespace.clone());
    }
    cells.extend([
        seen,
        row.type_.clone(),
        row.reason.clone(),
        row.object.clone(),
        row.message.replace('\n', ", "),
    ]);
    cells
}

/// `events`: the column names, NAMESPACE first with every namespace.
pub fn events_header(all_namespaces: bool) -> Vec<String> {
    let mut header = Vec::new();
    if all_namespaces {
        header.push("NAMESPACE".to_string());
    }
    header.extend(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"].map(str::to_string));
    header
}

/// Formats rows as an aligned table: NAME REVISION SUSPENDED READY MESSAGE, with NAMESPACE
/// first when rows come from every namespace. `prefix` names the kind in the NAME column, as
/// `get all` does (`gitrepository/podinfo`).
pub fn status_table(
    rows: &[StatusRow],
    all_namespaces: bool,
    prefix: Option<&str>,
    with_header: bool,
) -> String {
    let mut lines: Vec<Vec<String>> = Vec::with_capacity(rows.len() + 1);
    if with_header {
        lines.push(status_header(all_namespaces));
    }
    for row in rows {
        lines.push(status_cells(row, all_namespaces, prefix));
    }
    super::table(&lines)
}

/// The table's column names.
pub fn status_header(all_namespaces: bool) -> Vec<String> {
    let mut header = vec!["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"];
    if all_namespaces {
        header.insert(0, "NAMESPACE");
    }
    header.iter().map(|s| s.to_string()).collect()
}

/// One row's cells, for a table or a watch line.
pub fn status_cells(row: &StatusRow, all_namespaces: bool, prefix: Option<&str>) -> Vec<String> {
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

/// `ReconciliationSucceeded` → `Succeeded`: the controller's result without its prefix.
fn result_word(row: &HistoryRow) -> String {
    row.result
        .strip_prefix("Reconciliation")
        .unwrap_or(&row.result)
        .to_string()
}

fn short_revision(revision: &str) -> String {
    match history::commit_of(revision) {
        Some(commit) => revision.replace(commit, crate::git::abbrev(commit)),
        None => revision.to_string(),
    }
}

/// `history`: the revisions a sync or release applied, with their commits.
pub fn history(rows: &[HistoryRow]) -> String {
    let mut lines = vec![
        [
            "LIVE",
            "REVISION",
            "RESULT",
            "FIRST APPLIED",
            "LAST APPLIED",
            "DURATION",
            "AUTHOR",
            "DATE",
            "SUBJECT",
            "FILES",
        ]
        .map(str::to_string)
        .to_vec(),
    ];
    for row in rows {
        let commit = row.commit.as_ref();
        let mut subject = commit.map(|c| c.subject.clone()).unwrap_or_default();
        if let Some(restored) = &row.restores {
            subject = format!("{subject} (restores {})", crate::git::abbrev(restored));
        }
        lines.push(vec![
            if row.live { "*".into() } else { String::new() },
            short_revision(&row.revision),
            result_word(row),
            row.first_applied.clone().unwrap_or_default(),
            row.last_applied.clone().unwrap_or_default(),
            row.duration.clone().unwrap_or_default(),
            commit.map(|c| c.author.clone()).unwrap_or_default(),
            commit.map(|c| c.date.clone()).unwrap_or_default(),
            subject,
            row.files.as_ref().map(|f| f.join(",")).unwrap_or_default(),
        ]);
    }
    super::table(&lines)
}

/// `diff sync`'s text: a line per object that would change, in flux's words (created,
/// drifted with its diff, deleted), and skipped ones with why; each sync after the first
/// (`--recursive`, `--path-prefix`) that has changes under a line naming it.
pub fn sync_diffs(diffs: &[crate::preview::diff::SyncDiff]) -> String {
    let mut out = String::new();
    for (i, diff) in diffs.iter().enumerate() {
        if i > 0 && !diff.changes.is_empty() {
            let (namespace, name) = diff.sync.split_once('/').unwrap_or(("", &diff.sync));
            out.push_str(&format!(
                "📁 Kustomization/{}/{} changed\n",
                sanitize(namespace, Keep::Nothing),
                sanitize(name, Keep::Nothing)
            ));
        }
        out.push_str(&sync_diff(diff));
    }
    out
}

/// The changes a diff found, one row each (skipped objects left out): SYNC, OBJECT, CHANGE.
pub fn sync_changes(diffs: &[crate::preview::diff::SyncDiff]) -> Vec<Vec<String>> {
    use crate::preview::diff::Action;
    let mut lines = vec![["SYNC", "OBJECT", "CHANGE"].map(str::to_string).to_vec()];
    for diff in diffs {
        for change in &diff.changes {
            let word = match change.action {
                Action::Created => "created",
                Action::Changed => "changed",
                Action::Pruned => "deleted",
                Action::Skipped => continue,
            };
            lines.push(vec![
                diff.sync.clone(),
                change.object.clone(),
                word.to_string(),
            ]);
        }
    }
    lines
}

fn sync_diff(diff: &crate::preview::diff::SyncDiff) -> String {
    use crate::preview::diff::Action;
    let mut out = String::new();
    for change in &diff.changes {
        let object = sanitize(&change.object, Keep::Nothing);
        match change.action {
            Action::Created => out.push_str(&format!("► {object} created\n")),
            Action::Pruned => out.push_str(&format!("► {object} deleted\n")),
            Action::Skipped => out.push_str(&format!(
                "► {object} skipped: {}\n",
                sanitize(change.reason.as_deref().unwrap_or_default(), Keep::Nothing)
            )),
            Action::Changed => {
                out.push_str(&format!("► {object} drifted\n"));
                out.push_str(&sanitize(
                    change.diff.as_deref().unwrap_or_default(),
                    Keep::LineBreaks,
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::StatusRow;

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
            status_table(std::slice::from_ref(&row), false, None, true),
            "NAME      REVISION         SUSPENDED   READY   MESSAGE\n\
             podinfo   main@sha1:0123   True        True    ok\n"
        );
        assert_eq!(
            status_table(std::slice::from_ref(&row), false, None, false),
            "podinfo   main@sha1:0123   True   True   ok\n"
        );
        assert!(
            status_table(&[row], true, Some("gitrepository"), true)
                .starts_with("NAMESPACE     NAME")
        );
    }

    #[test]
    fn a_message_cannot_rewrite_the_screen() {
        let hostile = row("ok\u{1b}]8;;http://evil/\u{7}click\u{1b}]8;;\u{7}\r\nREADY True");
        let table = status_table(&[hostile], false, None, false);
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

/// `stats` byte for byte as flux prints it: RECONCILERS RUNNING FAILING SUSPENDED STORAGE.
pub fn stats(stats: &[crate::stats::KindStats]) -> String {
    let header = ["RECONCILERS", "RUNNING", "FAILING", "SUSPENDED", "STORAGE"].map(String::from);
    let mut lines = Vec::new();
    for row in stats {
        lines.push(vec![
            row.kind.to_string(),
            row.running.to_string(),
            row.failing.to_string(),
            row.suspended.to_string(),
            size(row.storage_bytes),
        ]);
    }
    super::flux_table(&header, &lines)
}

/// A size as flux writes it: `-` for none, bytes below 1 KiB, else one decimal and a binary
/// unit (`1.5 MiB`).
pub fn size(bytes: i64) -> String {
    const UNIT: i64 = 1024;
    if bytes <= 0 {
        return "-".into();
    }
    if bytes < UNIT {
        return format!("{bytes} B");
    }
    let (mut div, mut exp) = (UNIT, 0);
    let mut n = bytes / UNIT;
    while n >= UNIT {
        div *= UNIT;
        exp += 1;
        n /= UNIT;
    }
    format!(
        "{:.1} {}iB",
        bytes as f64 / div as f64,
        ['K', 'M', 'G', 'T', 'P', 'E'][exp]
    )
}

#[cfg(test)]
mod size_tests {
    use super::size;

    #[test]
    fn sizes_read_as_flux_writes_them() {
        for (bytes, text) in [
            (0, "-"),
            (1, "1 B"),
            (1023, "1023 B"),
            (1024, "1.0 KiB"),
            (1536, "1.5 KiB"),
            (1024 * 1024 - 1, "1024.0 KiB"),
            (1024 * 1024, "1.0 MiB"),
            (5 * 1024 * 1024 * 1024 + 1, "5.0 GiB"),
        ] {
            assert_eq!(size(bytes), text, "{bytes}");
        }
    }
}
