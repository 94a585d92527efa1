//! Subcommands built only when the parser enters their parent (clap's `Command::defer`): the
//! whole command tree is a few hundred commands, and building it all for every run was most of
//! floe's start-up time. Help, completions and man pages build the tree as before.

use clap::{ArgMatches, Command, FromArgMatches, Subcommand};

/// `T`'s subcommands, added to their parent only when the parser enters it.
#[derive(Debug)]
pub struct Deferred<T>(pub T);

impl<T> std::ops::Deref for Deferred<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: FromArgMatches> FromArgMatches for Deferred<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Deferred)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
}

/// `T`'s subcommands with floe's flag conventions (they were not in the tree when
/// [`super::command`] applied them).
fn conventional<T: Subcommand>(cmd: Command) -> Command {
    T::augment_subcommands(cmd).mut_subcommands(super::flags::with_go_bool_flags)
}

fn conventional_for_update<T: Subcommand>(cmd: Command) -> Command {
    T::augment_subcommands_for_update(cmd).mut_subcommands(super::flags::with_go_bool_flags)
}

impl<T: Subcommand> Subcommand for Deferred<T> {
    fn augment_subcommands(cmd: Command) -> Command {
        cmd.defer(conventional::<T>)
    }

    fn augment_subcommands_for_update(cmd: Command) -> Command {
        cmd.defer(conventional_for_update::<T>)
    }

    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn subtrees_are_built_only_when_entered_or_for_the_whole_tree() {
        let cmd = super::super::command();
        for parent in ["create", "bootstrap", "get", "reconcile"] {
            let sub = cmd.find_subcommand(parent).unwrap();
            assert_eq!(sub.get_subcommands().count(), 0, "{parent} built eagerly");
        }
        // Help, completions and man pages build the whole tree, conventions included.
        let mut cmd = super::super::command();
        cmd.build();
        let create = cmd.find_subcommand("create").unwrap();
        let secret = create.find_subcommand("secret").unwrap();
        let git = secret.find_subcommand("git").unwrap();
        let export = git
            .get_arguments()
            .find(|a| a.get_id() == "export")
            .unwrap();
        assert_eq!(export.get_value_names().unwrap(), ["BOOL"]);
        assert!(
            cmd.find_subcommand("get")
                .unwrap()
                .get_subcommands()
                .count()
                > 5
        );
    }
}
