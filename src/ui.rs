//! Terminal presentation: colour, progress symbols and error lines. Data goes to stdout;
//! everything here writes to stderr.

use std::io::{IsTerminal, Write};

/// How to talk to the person (or script) on stderr.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub color: bool,
    pub interactive: bool,
}

impl Ui {
    /// Colour only on a terminal, and never with `--no-color` or a non-empty `NO_COLOR`.
    pub fn detect(no_color_flag: bool) -> Self {
        let stderr_tty = std::io::stderr().is_terminal();
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ui {
            color: stderr_tty && !no_color_flag && !no_color_env,
            interactive: stderr_tty && std::io::stdin().is_terminal(),
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// `✗ message`, the failure line Flux users know.
    pub fn failure(&self, message: &str) {
        let _ = writeln!(
            std::io::stderr().lock(),
            "{} {message}",
            self.paint("31", "✗")
        );
    }
}

/// Prints a command's error as one line on stderr: `error: what went wrong: why`.
pub fn print_error(err: &anyhow::Error) {
    let _ = writeln!(std::io::stderr().lock(), "error: {err:#}");
}
