//! What progress a library operation reports, independent of how it is shown: the kinds of
//! progress line Flux users know (`✚ generating`, `► applying`, `◎ waiting`, `✔ done`,
//! `✗ failed`, `⚠ warning`). The terminal rendering (colour) is `ui`'s.

/// The kind of a progress line, with the symbol that starts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Generating,
    Applying,
    Waiting,
    Done,
    Failed,
    Warning,
}

impl Mark {
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Generating => "✚",
            Mark::Applying => "►",
            Mark::Waiting => "◎",
            Mark::Done => "✔",
            Mark::Failed => "✗",
            Mark::Warning => "⚠",
        }
    }
}

/// Where a library operation reports its progress: one line at a time, each with its
/// [`Mark`] and naming the object it is about. The implementations that show them are the
/// terminal UI's (`cli::ui`); [`Silent`] drops them.
pub trait Reporter: Sync {
    fn step(&self, mark: Mark, message: &str);
}

/// Reports nothing: a step whose progress nobody is shown (a dry run's inner work).
pub struct Silent;

impl Reporter for Silent {
    fn step(&self, _: Mark, _: &str) {}
}
