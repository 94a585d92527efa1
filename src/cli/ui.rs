//! Terminal presentation: colour, progress symbols and error lines. Data goes to stdout;
//! everything here writes to stderr.

use std::io::{IsTerminal, Write};

/// How to talk to the person (or script) on stderr.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub color: bool,
    pub interactive: bool,
    /// stderr is a terminal: live progress (spinners) may redraw it.
    pub live: bool,
}

impl Ui {
    /// Looks at the terminal and the environment.
    pub fn detect(no_color_flag: bool) -> Self {
        let stderr_tty = std::io::stderr().is_terminal();
        // Asked only when it matters: the first use of stdin sets up its buffer.
        let stdin_tty = stderr_tty && std::io::stdin().is_terminal();
        Ui::decide(
            stderr_tty,
            stdin_tty,
            no_color_flag,
            std::env::var_os("NO_COLOR").as_deref(),
        )
    }

    /// Colour only on a terminal, and never with `--no-color` or a non-empty `NO_COLOR`
    /// (no-color.org); prompts only when both stderr and stdin are terminals.
    pub fn decide(
        stderr_tty: bool,
        stdin_tty: bool,
        no_color_flag: bool,
        no_color_env: Option<&std::ffi::OsStr>,
    ) -> Self {
        let no_color_env = no_color_env.is_some_and(|v| !v.is_empty());
        Ui {
            color: stderr_tty && !no_color_flag && !no_color_env,
            interactive: stderr_tty && stdin_tty,
            live: stderr_tty,
        }
    }
}

pub use crate::progress::Mark;
use crate::progress::Reporter;

use crate::cli::output::{Keep, sanitize};

/// The terminal colour of a mark.
fn color(mark: Mark) -> &'static str {
    match mark {
        Mark::Generating | Mark::Applying | Mark::Waiting => "\x1b[36m",
        Mark::Done => "\x1b[32m",
        Mark::Failed => "\x1b[31m",
        Mark::Warning => "\x1b[33m",
    }
}

/// The progress lines of a command run at a terminal or in a script (stderr).
impl Reporter for Ui {
    fn step(&self, mark: Mark, message: &str) {
        Ui::step(self, mark, message);
    }
}

impl Ui {
    /// A progress line on stderr: the mark, then what is happening to which object.
    pub fn step(&self, mark: Mark, message: &str) {
        let _ = writeln!(
            std::io::stderr().lock(),
            "{}",
            self.format_step(mark, message)
        );
    }

    pub fn format_step(&self, mark: Mark, message: &str) -> String {
        let message = sanitize(message.trim_end(), Keep::Nothing);
        if self.color {
            format!("{}{}\x1b[0m {message}", color(mark), mark.symbol())
        } else {
            format!("{} {message}", mark.symbol())
        }
    }
}

/// Renders bootstrap's step reports: a spinner per running step on a terminal, one plain line
/// per finished step otherwise, or with `json` one JSON object per step on stdout.
pub struct StepPrinter {
    pub ui: Ui,
    pub json: bool,
    pub verbose: bool,
    /// May ask questions (a terminal, and neither --silent nor --yes).
    pub ask: bool,
    spinner: std::sync::Mutex<Option<indicatif::ProgressBar>>,
}

impl StepPrinter {
    pub fn new(ui: Ui, json: bool, verbose: bool, ask: bool) -> Self {
        StepPrinter {
            ui,
            json,
            verbose,
            ask: ask && ui.interactive,
            spinner: std::sync::Mutex::new(None),
        }
    }

    fn spinner(&self) -> std::sync::MutexGuard<'_, Option<indicatif::ProgressBar>> {
        self.spinner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A line on stderr that does not tear the spinner.
    fn line(&self, text: &str) {
        match self.spinner().as_ref() {
            Some(bar) => bar.suspend(|| eprintln!("{text}")),
            None => eprintln!("{text}"),
        }
    }
}

/// Inside bootstrap's steps, only warnings are shown unless `--verbose`.
impl Reporter for StepPrinter {
    fn step(&self, mark: Mark, message: &str) {
        if mark == Mark::Warning || self.verbose {
            self.line(&self.ui.format_step(mark, message));
        }
    }
}

impl crate::bootstrap::Progress for StepPrinter {
    fn begin(&self, step: crate::bootstrap::Step, message: &str) {
        if self.json || !self.ui.live {
            return;
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {msg} {elapsed:.dim}")
                .expect("a valid template"),
        );
        bar.set_message(format!(
            "{}: {}",
            step.name(),
            sanitize(message, Keep::Nothing)
        ));
        bar.enable_steady_tick(std::time::Duration::from_millis(100));
        *self.spinner() = Some(bar);
    }

    fn end(&self, report: &crate::bootstrap::StepReport) {
        if let Some(bar) = self.spinner().take() {
            bar.finish_and_clear();
        }
        if self.json {
            let line = serde_json::to_string(report).expect("reports serialize");
            let _ = writeln!(std::io::stdout().lock(), "{line}");
            return;
        }
        let text = format!(
            "{}: {} ({:.1}s)",
            report.step.name(),
            report.message,
            report.duration_ms as f64 / 1000.0
        );
        self.line(&self.ui.format_step(report.outcome.mark(), &text));
    }

    fn deploy_key_added(&self, public_key: &str) -> anyhow::Result<()> {
        self.line(&format!(
            "{}\n{public_key}",
            self.ui.format_step(
                Mark::Warning,
                "add this public key to the repository as a deploy key (read access is enough):"
            )
        ));
        if !self.ask {
            return Ok(());
        }
        let added = dialoguer::Confirm::new()
            .with_prompt("Have you added the deploy key to the repository?")
            .default(true)
            .interact()?;
        if !added {
            anyhow::bail!(
                "the deploy key was not added; add it and run the same command again (the key is kept)"
            );
        }
        Ok(())
    }

    fn data(&self, text: &str) {
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
    }
}

/// Prints a command's error as one line on stderr: `error: what went wrong: why`.
/// Passwords in URLs are masked, whichever library wrote the message, and text a server or
/// the cluster put in it is sanitised (a line break in it shows as `\n`; white space at its
/// end, as controllers' messages often have, is dropped).
pub fn print_error(err: &anyhow::Error) {
    let _ = writeln!(std::io::stderr().lock(), "error: {}", error_text(err));
}

/// An error as floe shows it: its chain on one line, URLs' credentials redacted, sanitised.
pub fn error_text(err: &anyhow::Error) -> String {
    sanitize(
        &crate::redact::text(format!("{err:#}").trim_end()),
        Keep::Nothing,
    )
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::Ui;
    use std::ffi::OsStr;

    #[test]
    fn text_from_the_cluster_in_a_progress_line_cannot_rewrite_the_screen() {
        let plain = Ui {
            color: false,
            interactive: false,
            live: false,
        };
        assert_eq!(
            plain.format_step(
                super::Mark::Failed,
                "Kustomization a/b: ok\u{1b}]8;;http://evil/\u{7}x\r\nREADY True\n"
            ),
            "✗ Kustomization a/b: ok\\x1b]8;;http://evil/\\x07x\\r\\nREADY True"
        );
    }

    #[test]
    fn progress_lines_are_coloured_only_when_colour_is_on() {
        let plain = Ui {
            color: false,
            interactive: false,
            live: false,
        };
        assert_eq!(
            plain.format_step(super::Mark::Done, "Deployment/x ready"),
            "✔ Deployment/x ready"
        );
        let coloured = Ui {
            color: true,
            interactive: false,
            live: true,
        };
        assert_eq!(
            coloured.format_step(super::Mark::Failed, "x"),
            "\x1b[31m✗\x1b[0m x"
        );
    }

    #[test]
    fn colour_and_prompts_follow_the_terminal_and_no_color() {
        assert!(Ui::decide(true, true, false, None).color);
        assert!(!Ui::decide(false, true, false, None).color, "not on a pipe");
        assert!(!Ui::decide(true, true, true, None).color, "--no-color");
        assert!(
            !Ui::decide(true, true, false, Some(OsStr::new("1"))).color,
            "NO_COLOR=1"
        );
        assert!(
            Ui::decide(true, true, false, Some(OsStr::new(""))).color,
            "empty NO_COLOR is unset"
        );
        assert!(
            !Ui::decide(true, false, false, None).interactive,
            "no prompt without a stdin TTY"
        );
    }
}
