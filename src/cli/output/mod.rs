//! How commands write their results: one format type for every `-o` flag, each command
//! accepting the formats that fit its data, and every renderer: tables and aligned fields from
//! the rows a command builds, trees and traces ([`tree`]), JSON, YAML and JSON Lines, the same
//! way for every command; and [`sanitize`], which every human-readable rendering goes through.

pub mod github;
pub mod tables;
pub mod tree;

use std::io::Write;

use serde::Serialize;

/// An output format. Commands accept subsets: `get` table/json/yaml, `check`, `version` and
/// `bootstrap` text/json (bootstrap's json is JSON Lines: one object per step, then the result).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Text,
    Json,
    Yaml,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Text => "text",
            Format::Json => "json",
            Format::Yaml => "yaml",
        }
    }
}

/// The formats `get` accepts.
pub const LISTS: &[Format] = &[Format::Table, Format::Json, Format::Yaml];
/// The formats `check`, `version` and `bootstrap` accept.
pub const REPORTS: &[Format] = &[Format::Text, Format::Json];
/// The formats `trace` and `tree` accept: their text, or the document as JSON or YAML.
pub const DOCUMENTS: &[Format] = &[Format::Text, Format::Json, Format::Yaml];

/// A value parser for `-o` that accepts `formats` (listed in help and completions).
pub fn parser(formats: &'static [Format]) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(formats.iter().map(|f| f.as_str())).map(|name| {
        *formats
            .iter()
            .find(|f| f.as_str() == name)
            .expect("the parser accepts listed names only")
    })
}

/// `value` as pretty JSON with a final newline (a document: `get`, `check`, `version`).
pub fn json_document<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

/// `value` as one JSON line (a stream: `get --watch`, `bootstrap -o json`).
pub fn json_line<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    Ok(serde_json::to_string(value)? + "\n")
}

/// `value` as YAML, the way `flux` prints it.
pub fn yaml_document<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    Ok(crate::manifests::yaml::to_go_yaml(&serde_json::to_value(
        value,
    )?))
}

/// `value` as one `---`-started YAML document of a stream (`get --watch -o yaml`).
pub fn yaml_stream_document<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    Ok(crate::manifests::yaml::export_document(
        &serde_json::to_value(value)?,
    ))
}

/// Writes data to stdout, flushed (a watch's lines reach a pipe as they happen).
/// Built objects as `flux build` prints them: each as YAML followed by a `---` line.
pub fn build_documents(objects: &[&serde_json::Value]) -> String {
    objects
        .iter()
        .map(|o| format!("{}---\n", crate::manifests::yaml::to_go_yaml(o)))
        .collect()
}

pub fn write(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// What [`sanitize`] leaves as it is: nothing (a table cell, a progress line, an error), or
/// line breaks (a multi-line document such as a commit message or a diff).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Nothing,
    LineBreaks,
}

/// The one sanitiser every human-readable renderer uses for text the cluster, a Git
/// repository or a server controls (CVE-2021-25743 in kubectl): C0 and C1 control characters,
/// DEL and the Unicode bidirectional controls are shown escaped (`\x1b`, `\r`, `\n`, `\t`,
/// `\u{202e}`), never sent to the terminal to interpret. With [`Keep::LineBreaks`] a `\n` stays a
/// line break. JSON and YAML output never go through it: they stay exact.
pub fn sanitize(text: &str, keep: Keep) -> std::borrow::Cow<'_, str> {
    let escaped = |c: char| {
        !(keep == Keep::LineBreaks && c == '\n')
            && (c.is_control()
                || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
    };
    if !text.chars().any(escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !escaped(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The number of terminal columns `text` takes (a CJK character or an emoji takes two).
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// An aligned table, like kubectl's tabwriter: every cell sanitised, columns padded by display
/// width with three spaces between them, none after the last.
pub fn table(lines: &[Vec<String>]) -> String {
    let lines: Vec<Vec<std::borrow::Cow<'_, str>>> = lines
        .iter()
        .map(|line| line.iter().map(|c| sanitize(c, Keep::Nothing)).collect())
        .collect();
    let columns = lines.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            lines
                .iter()
                .filter_map(|l| l.get(c))
                .map(|s| display_width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for line in &lines {
        let mut text = String::new();
        for (c, cell) in line.iter().enumerate() {
            text.push_str(cell);
            if c + 1 < line.len() {
                let pad = widths[c] - display_width(cell) + 3;
                text.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// A table byte for byte as flux's own table printer writes it (olekukonko/tablewriter with no
/// borders and a tab as padding): every cell sanitised and padded by display width to its
/// column's; header cells joined by tabs and ended by one space, each row's cells each
/// followed by a tab.
pub fn flux_table(header: &[String], rows: &[Vec<String>]) -> String {
    let clean = |line: &[String]| -> Vec<String> {
        line.iter()
            .map(|c| sanitize(c, Keep::Nothing).into_owned())
            .collect()
    };
    let header = clean(header);
    let rows: Vec<Vec<String>> = rows.iter().map(|r| clean(r)).collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header)
                .chain(&rows)
                .filter_map(|l| l.get(c))
                .map(|s| display_width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let pad = |c: usize, cell: &str| {
        let mut text = cell.to_string();
        let width = widths.get(c).copied().unwrap_or(0);
        text.extend(std::iter::repeat_n(
            ' ',
            width.saturating_sub(display_width(cell)),
        ));
        text
    };
    let cells: Vec<String> = header.iter().enumerate().map(|(c, h)| pad(c, h)).collect();
    let mut out = cells.join("\t") + " \n";
    for row in &rows {
        for (c, cell) in row.iter().enumerate() {
            out.push_str(&pad(c, cell));
            out.push('\t');
        }
        out.push('\n');
    }
    out
}

/// `NAME=value` lines, as flux's `debug kustomization --show-vars` prints them; each value
/// sanitised (it comes from the cluster and may reach a terminal).
pub fn dotenv(lines: &[(String, String)]) -> String {
    lines
        .iter()
        .map(|(name, value)| format!("{name}={}\n", sanitize(value, Keep::Nothing)))
        .collect()
}

/// One line of a stream (`get --watch`, `events --watch`): the cells sanitised, joined by tabs.
pub fn tab_line(cells: &[String]) -> String {
    let cells: Vec<_> = cells.iter().map(|c| sanitize(c, Keep::Nothing)).collect();
    cells.join("\t") + "\n"
}

/// Key: value lines (`trace`), the keys padded to one column, every value sanitised.
pub fn fields(rows: &[(String, String)]) -> String {
    let width = rows
        .iter()
        .map(|(k, _)| display_width(k))
        .max()
        .unwrap_or(0)
        + 1;
    let mut out = String::new();
    for (key, value) in rows {
        let key = format!("{}:", sanitize(key, Keep::Nothing));
        let pad = width.saturating_sub(display_width(&key));
        out.push_str(&key);
        out.extend(std::iter::repeat_n(' ', pad + 1));
        out.push_str(&sanitize(value, Keep::Nothing));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped_never_interpreted() {
        let hostile = "ok\u{1b}]8;;http://evil/\u{7}click\u{1b}]8;;\u{7}\r\nREADY True";
        assert_eq!(
            sanitize(hostile, Keep::Nothing),
            "ok\\x1b]8;;http://evil/\\x07click\\x1b]8;;\\x07\\r\\nREADY True"
        );
        assert_eq!(
            sanitize("a\u{9b}31mb\u{7f}\u{202e}c\td", Keep::Nothing),
            "a\\x9b31mb\\x7f\\u{202e}c\\td"
        );
        assert_eq!(
            sanitize("line one\nline\u{1b}[2J two\n", Keep::LineBreaks),
            "line one\nline\\x1b[2J two\n"
        );
        assert!(matches!(
            sanitize("plain ünïcödé 日本", Keep::Nothing),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn tables_pad_by_display_width() {
        let table = table(&[
            vec!["NAME".into(), "MESSAGE".into()],
            vec!["日本".into(), "wide".into()],
            vec!["🚀x".into(), "emoji".into()],
            vec!["a\nb".into(), "escaped".into()],
        ]);
        assert_eq!(
            table,
            "NAME   MESSAGE\n\
             日本   wide\n\
             🚀x    emoji\n\
             a\\nb   escaped\n"
        );
    }

    proptest::proptest! {
        /// Whatever a server sends, no control character reaches the terminal through a
        /// cell, and the escaping loses nothing that was printable.
        #[test]
        fn no_control_character_survives(text in "\\PC*|[\\x00-\\x{9f}\\x{202a}-\\x{202e}a-z]{0,40}") {
            for keep in [Keep::Nothing, Keep::LineBreaks] {
                let shown = sanitize(&text, keep);
                proptest::prop_assert!(
                    !shown.chars().any(|c| (c.is_control() && !(keep == Keep::LineBreaks && c == '\n'))
                        || ('\u{202a}'..='\u{202e}').contains(&c)),
                    "{:?}", shown
                );
                let printable: String = text.chars().filter(|c| !c.is_control() && !('\u{202a}'..='\u{202e}').contains(c) && !matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2066}'..='\u{2069}')).collect();
                let kept: String = shown.chars().filter(|c| !c.is_control()).collect();
                proptest::prop_assert!(kept.len() >= printable.len());
            }
            let table = table(&[vec![text.clone(), "x".into()]]);
            proptest::prop_assert_eq!(table.matches('\n').count(), 1);
        }
    }

    #[test]
    fn fields_align_keys_and_escape_values() {
        assert_eq!(
            fields(&[
                ("Kustomization".into(), "apps".into()),
                ("Status".into(), "False: a\u{1b}[31mb".into())
            ]),
            "Kustomization: apps\nStatus:        False: a\\x1b[31mb\n"
        );
    }
}
