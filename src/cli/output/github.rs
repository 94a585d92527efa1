//! Findings and failures as GitHub Actions shows them, when floe runs as a job step
//! (`GITHUB_ACTIONS=true`): `::error title=…::…` workflow commands, which the runner turns into
//! annotations on the run and the pull request, and a Markdown section appended to the file
//! `GITHUB_STEP_SUMMARY` names, shown on the run's summary page. On any other CI system, or at
//! a terminal, nothing here writes anything.
//!
//! The workflow commands go to stderr with the rest of floe's diagnostics (the runner reads
//! commands from both streams), so `-o json` on stdout stays a clean document. Every text has
//! been through [`sanitize`] and `redact` first: an annotation shows what the `error:` line
//! shows, no more.

use std::io::Write;
use std::path::PathBuf;

use super::{Keep, sanitize};

/// The job step floe runs in, when it runs in GitHub Actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actions {
    /// The file the step's summary is appended to (`GITHUB_STEP_SUMMARY`), when the runner sets one.
    pub summary: Option<PathBuf>,
}

impl Actions {
    /// `Some` only when `GITHUB_ACTIONS` is `true`, as the runner sets it for every step.
    pub fn detect() -> Option<Actions> {
        Actions::from_env(|name| std::env::var_os(name))
    }

    pub fn from_env(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<Actions> {
        if var("GITHUB_ACTIONS").as_deref() != Some(std::ffi::OsStr::new("true")) {
            return None;
        }
        Some(Actions {
            summary: var("GITHUB_STEP_SUMMARY")
                .filter(|path| !path.is_empty())
                .map(PathBuf::from),
        })
    }

    /// One error annotation per line given, on stderr.
    pub fn annotate(&self, errors: &[(String, String)]) {
        let mut err = std::io::stderr().lock();
        for (title, message) in errors {
            let _ = writeln!(err, "{}", error_command(title, message));
        }
    }

    /// Appends `markdown` to the step summary. A summary that cannot be written is named on
    /// stderr and otherwise ignored: the command's own result stands.
    pub fn summarize(&self, markdown: &str) {
        let Some(path) = &self.summary else {
            return;
        };
        let written = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .and_then(|mut file| file.write_all(markdown.as_bytes()));
        if let Err(err) = written {
            let _ = writeln!(
                std::io::stderr().lock(),
                "warning: cannot append to the step summary {}: {err}",
                sanitize(&path.display().to_string(), Keep::Nothing)
            );
        }
    }

    /// A failed command: its error as an annotation and a summary section.
    pub fn failed(&self, command: &str, message: &str) {
        let title = format!("floe {command} failed");
        self.annotate(&[(title.clone(), message.to_string())]);
        self.summarize(&markdown_section(
            &title,
            &[
                vec!["COMMAND".to_string(), "ERROR".to_string()],
                vec![format!("floe {command}"), message.to_string()],
            ],
        ));
    }
}

/// A command's findings in GitHub Actions: the rows of its table (the header first) as a
/// summary section under `heading`, and with `annotate` = `(title, message)` one annotation per
/// row, titled by the cell at `title`, the cells at `message` its message. Nothing elsewhere,
/// and nothing without findings (the rows are only built in GitHub Actions).
pub fn report_findings(
    heading: &str,
    rows: impl FnOnce() -> Vec<Vec<String>>,
    annotate: Option<(usize, &[usize])>,
) {
    let Some(actions) = Actions::detect() else {
        return;
    };
    let rows = rows();
    if rows.len() < 2 {
        return;
    }
    if let Some((title, message)) = annotate {
        actions.annotate(&findings(&rows, title, message));
    }
    actions.summarize(&markdown_section(heading, &rows));
}

/// One annotation per row of a command's table (the header row left out): titled by the
/// cell at `title`, the message the cells at `message` joined.
fn findings(rows: &[Vec<String>], title: usize, message: &[usize]) -> Vec<(String, String)> {
    rows.iter()
        .skip(1)
        .map(|row| {
            let cell = |i: &usize| row.get(*i).map(String::as_str).unwrap_or_default();
            let text: Vec<&str> = message.iter().map(cell).collect();
            (cell(&title).to_string(), text.join(": "))
        })
        .collect()
}

/// A workflow command's data (the message), escaped as the runner unescapes it: `%`, CR, LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value (the title): the data escapes, and `:` and `,`, which
/// end a property.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `::error title=TITLE::MESSAGE`, both sanitised and escaped: one line, whatever they hold.
pub fn error_command(title: &str, message: &str) -> String {
    format!(
        "::error title={}::{}",
        escape_property(&sanitize(title, Keep::Nothing)),
        escape_data(&sanitize(message, Keep::Nothing))
    )
}

/// A Markdown heading and table from a command's table rows (the first row is the header).
/// Cells are sanitised, and Markdown and HTML in them are shown, not interpreted: a name from
/// the cluster cannot add a link, an image or a column to the page.
pub fn markdown_section(heading: &str, rows: &[Vec<String>]) -> String {
    let mut out = format!("### {}\n\n", markdown_cell(heading));
    let Some((header, body)) = rows.split_first() else {
        return out;
    };
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(header));
    out.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
    for row in body {
        out.push_str(&line(row));
    }
    out.push('\n');
    out
}

/// One table cell's text as Markdown shows it literally.
pub fn markdown_cell(text: &str) -> String {
    let text = sanitize(text, Keep::Nothing);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("&#124;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the runner does with a command's data (actions/runner, `ActionCommand`).
    fn unescape_data(text: &str) -> String {
        text.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%")
    }

    fn unescape_property(text: &str) -> String {
        unescape_data(&text.replace("%3A", ":").replace("%2C", ","))
    }

    #[test]
    fn an_error_command_is_one_line_whatever_the_message_holds() {
        assert_eq!(
            error_command("floe wait failed: a, b", "100% ready\nthen ::warning::x\r"),
            "::error title=floe wait failed%3A a%2C b::100%25 ready\\nthen ::warning::x\\r"
        );
    }

    #[test]
    fn only_the_runner_of_github_actions_gets_workflow_commands() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| std::ffi::OsString::from(v))
            }
        };
        assert_eq!(Actions::from_env(env(&[("CI", "true")])), None);
        assert_eq!(Actions::from_env(env(&[("GITHUB_ACTIONS", "1")])), None);
        assert_eq!(
            Actions::from_env(env(&[("GITHUB_ACTIONS", "true")])),
            Some(Actions { summary: None })
        );
        assert_eq!(
            Actions::from_env(env(&[
                ("GITHUB_ACTIONS", "true"),
                ("GITHUB_STEP_SUMMARY", "/tmp/s.md")
            ])),
            Some(Actions {
                summary: Some(PathBuf::from("/tmp/s.md"))
            })
        );
    }

    #[test]
    fn a_summary_table_shows_cluster_text_literally() {
        let section = markdown_section(
            "floe drift: 1 drifted",
            &[
                vec!["SYNC".into(), "OBJECT".into()],
                vec![
                    "flux-system/apps".into(),
                    "x|<img src=//evil>[a](http://e)\u{1b}[2J".into(),
                ],
            ],
        );
        assert_eq!(
            section,
            "### floe drift: 1 drifted\n\n| SYNC | OBJECT |\n| --- | --- |\n\
             | flux-system/apps | x&#124;&lt;img src=//evil&gt;\\[a\\](http://e)\\\\x1b\\[2J |\n\n"
        );
    }

    #[test]
    fn a_summary_is_appended_to_the_file_the_runner_names() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.md");
        std::fs::write(&path, "earlier step\n").unwrap();
        let actions = Actions {
            summary: Some(path.clone()),
        };
        actions.summarize("### one\n");
        actions.summarize("### two\n");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "earlier step\n### one\n### two\n"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_message_round_trips_through_the_runners_unescaping(text in ".*") {
            let data = escape_data(&text);
            proptest::prop_assert!(!data.contains('\n') && !data.contains('\r'));
            proptest::prop_assert_eq!(unescape_data(&data), text.clone());
            let property = escape_property(&text);
            proptest::prop_assert!(!property.contains([':', ',', '\n', '\r']));
            proptest::prop_assert_eq!(unescape_property(&property), text);
        }

        #[test]
        fn a_markdown_cell_never_opens_a_column_tag_or_line(text in ".*") {
            let cell = markdown_cell(&text);
            proptest::prop_assert!(!cell.contains(['|', '<', '>', '\n', '\r']));
        }
    }
}
