//! Usage errors: input that can never work (a bad flag value, a conflict between flags).
//! Reported on one line naming the value and what is allowed, with exit status 2, before
//! anything is contacted or changed. Every layer returns them; only `main` turns them into the
//! exit status.

/// Input that can never produce a valid object or operation. Commands report it as a usage
/// error (exit 2) before touching any cluster or repository.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidInput(pub String);

impl InvalidInput {
    pub fn new(message: impl Into<String>) -> Self {
        InvalidInput(message.into())
    }
}

/// A closed set of values a flag accepts (a provider, a log level), known by name. The CLI
/// turns it into a flag whose help lists the names; the domain does not depend on the CLI.
pub trait Choice: Sized + Copy + Send + Sync + 'static {
    /// Every value, in the order help lists them.
    const ALL: &'static [Self];
    /// The value's name on the command line and in the objects.
    fn as_str(self) -> &'static str;
}
