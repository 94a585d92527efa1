//! How commands write their results: one format type for every `-o` flag, each command
//! accepting the formats that fit its data, and the renderers for the structured ones. Tables
//! and plain text are drawn by the command that knows its columns; JSON, YAML and JSON Lines
//! are written here, the same way for every command.

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
pub fn write(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}
