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
