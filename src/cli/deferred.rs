//! A subcommand's options built only when the parser enters it (clap's `Command::defer`): the
//! whole command tree is a few hundred commands, and building it for every run was most of
//! floe's start-up time. Every subcommand's name and about line are in the tree from the start
//! (so errors and help can list them); its options, and its own subcommands, are added when the
//! parser enters it. Help, completions and man pages build the whole tree as before.
//!
//! Every subcommand enum wraps each variant's options in [`Deferred`]. A command whose options
//! are deferred must not defer again on the same command (clap runs one deferred builder per
//! command): that is why the wrapping is on the variants, never on a `#[command(subcommand)]`
//! field.

use clap::builder::{Resettable, StyledStr};
use clap::{ArgMatches, Args, Command, FromArgMatches};

/// A subcommand's options `T`, added to its command only when the parser enters it.
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

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(matches).map(Deferred)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

/// `T`'s options with floe's flag conventions (they were not in the tree when
/// [`super::command`] applied them). The subcommand's own about text stays: built eagerly, it
/// was set after its options, so a flattened struct's doc comment never replaced it.
fn conventional<T: Args>(cmd: Command) -> Command {
    keeping_about(cmd, T::augment_args)
}

fn conventional_for_update<T: Args>(cmd: Command) -> Command {
    keeping_about(cmd, T::augment_args_for_update)
}

fn keeping_about(cmd: Command, augment: fn(Command) -> Command) -> Command {
    let about = cmd.get_about().cloned();
    let long_about = cmd.get_long_about().cloned();
    let reset = |text: Option<StyledStr>| text.map_or(Resettable::Reset, Resettable::Value);
    let cmd = augment(cmd)
        .about(reset(about))
        .long_about(reset(long_about));
    super::flags::with_go_bool_flags(cmd)
}

impl<T: Args> Args for Deferred<T> {
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }

    fn augment_args(cmd: Command) -> Command {
        cmd.defer(conventional::<T>)
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        cmd.defer(conventional_for_update::<T>)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn options_are_built_only_when_entered_or_for_the_whole_tree() {
        let cmd = super::super::command();
        for path in [
            &["create"][..],
            &["bootstrap"],
            &["get"],
            &["install"],
            &["version"],
        ] {
            let sub = path
                .iter()
                .fold(&cmd, |c, name| c.find_subcommand(name).unwrap());
            assert_eq!(sub.get_arguments().count(), 0, "{path:?} built eagerly");
            assert_eq!(sub.get_subcommands().count(), 0, "{path:?} built eagerly");
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
        let install = cmd.find_subcommand("install").unwrap();
        let export = install
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
