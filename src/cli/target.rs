//! Naming Flux objects on the command line, built from the kind registry: `source KIND NAME`
//! for every source kind, `image KIND NAME` for every image kind, and `WORD NAME` for every
//! other kind (`sync`, `helmrelease`, `alert`...).
//! get, reconcile, suspend, resume, delete and export all use this one grammar, so a kind added
//! to the registry appears in all of them.

use std::marker::PhantomData;

use clap::{Arg, ArgAction, ArgMatches, Command, FromArgMatches, Subcommand};

use crate::kinds::{FluxKind, Namespace, ObjectName, ObjectRef, Role};

/// How many names a command takes after the kind.
pub trait Names {
    fn arg() -> Arg;
    /// What follows the kind in a help example.
    const EXAMPLE: &'static str;
    /// `get` names its subcommands in the plural and has `all`.
    const LISTS: bool = false;
    /// The kinds the command takes (every kind unless it says otherwise).
    fn takes(_kind: FluxKind) -> bool {
        true
    }
}

/// One NAME of a kind that keeps `status.history` (history: syncs and Helm releases).
#[derive(Debug)]
pub struct OneApplied;
/// One NAME of a sync (rollback).
#[derive(Debug)]
pub struct OneSync;
/// One NAME of a kind a controller reconciles (wait).
#[derive(Debug)]
pub struct OneReconciled;

impl Names for OneApplied {
    const EXAMPLE: &'static str = One::EXAMPLE;
    fn arg() -> Arg {
        One::arg()
    }
    fn takes(kind: FluxKind) -> bool {
        matches!(kind, FluxKind::Kustomization | FluxKind::HelmRelease)
    }
}

impl Names for OneSync {
    const EXAMPLE: &'static str = One::EXAMPLE;
    fn arg() -> Arg {
        One::arg()
    }
    fn takes(kind: FluxKind) -> bool {
        kind == FluxKind::Kustomization
    }
}

impl Names for OneReconciled {
    const EXAMPLE: &'static str = One::EXAMPLE;
    fn arg() -> Arg {
        One::arg()
    }
    fn takes(kind: FluxKind) -> bool {
        !kind.facts().fixed
    }
}

/// Exactly one NAME (delete).
#[derive(Debug)]
pub struct One;
/// One or more NAMEs, or none with `--all` (reconcile, suspend, resume).
#[derive(Debug)]
pub struct Many;
/// An optional NAME (get; export, where `--all` replaces it).
#[derive(Debug)]
pub struct Optional;
/// An optional NAME, in get's plural grammar with `all`.
#[derive(Debug)]
pub struct Listing;

impl Names for One {
    const EXAMPLE: &'static str = "podinfo";
    fn arg() -> Arg {
        Arg::new("names")
            .value_name("NAME")
            .help("The object's name")
            .required(true)
            .num_args(1)
    }
}

impl Names for Many {
    const EXAMPLE: &'static str = "podinfo";
    fn arg() -> Arg {
        Arg::new("names")
            .value_name("NAME")
            .help("The objects' names (several may be given)")
            .num_args(1..)
            .action(ArgAction::Append)
    }
}

impl Names for Optional {
    const EXAMPLE: &'static str = "podinfo";
    fn arg() -> Arg {
        Arg::new("names")
            .value_name("NAME")
            .help("The object to act on")
            .num_args(1)
    }
}

impl Names for Listing {
    const EXAMPLE: &'static str = "-A";
    fn arg() -> Arg {
        Arg::new("names")
            .value_name("NAME")
            .help("Show only the object with this name")
            .num_args(1)
    }
    const LISTS: bool = true;
}

/// The kinds and names a command was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Targets<N> {
    /// One kind, or several for `get sources all` and `get all`.
    pub kinds: Vec<FluxKind>,
    pub names: Vec<ObjectName>,
    /// `get sources all` and `get all` prefix names with the kind.
    pub grouped: bool,
    names_of: PhantomData<N>,
}

impl<N> Targets<N> {
    /// The single kind (every grammar but get's `all` has one).
    pub fn kind(&self) -> FluxKind {
        self.kinds[0]
    }

    pub fn objects(&self, namespace: &Namespace) -> Vec<ObjectRef> {
        self.names
            .iter()
            .map(|name| ObjectRef::new(self.kind(), namespace, name))
            .collect()
    }
}

const ALL: &str = "all";

fn names_arg<N: Names>(kinds: Vec<FluxKind>) -> Arg {
    N::arg()
        .value_parser(ObjectName::arg)
        .add(super::completion::object_names(kinds))
}

/// The role a group word (`source`, `sources`, `image`, `images`) names.
fn group_named(name: &str) -> Option<Role> {
    Role::GROUPS
        .iter()
        .find(|(_, one, many)| *one == name || *many == name)
        .map(|(role, ..)| *role)
}

/// The kind a word names on its own (`sync`, `hr`, `alert`): kinds outside every group.
fn ungrouped_named(name: &str) -> Option<FluxKind> {
    FluxKind::ALL
        .iter()
        .copied()
        .find(|k| k.role().group().is_none() && k.facts().words.contains(&name))
}

impl<N: Names> Targets<N> {
    /// Every target the command takes.
    fn build(cmd: Command) -> Command {
        let parent = cmd.get_name().to_string();
        let example = |words: &str| format!("Examples:\n  floe {parent} {words} {}", N::EXAMPLE);
        let mut cmd = cmd;
        for (role, one, many) in Role::GROUPS.iter().copied() {
            let kinds: Vec<FluxKind> = FluxKind::with_role(role).filter(|k| N::takes(*k)).collect();
            if kinds.is_empty() {
                continue;
            }
            let words: Vec<&'static str> = kinds.iter().map(|k| k.word()).collect();
            let kinds_arg = Arg::new("kind")
                .value_name("KIND")
                .help(format!("Which kind of {one}"))
                .required(true)
                .value_parser(clap::builder::PossibleValuesParser::new(
                    words.iter().copied().chain(N::LISTS.then_some(ALL)),
                ));
            let (name, alias) = if N::LISTS { (many, one) } else { (one, many) };
            let title = capitalised(many);
            cmd = cmd.subcommand(
                Command::new(name)
                    .visible_alias(alias)
                    .about(format!("{title}: {}", words.join(", ")))
                    .after_help(example(&format!("{name} {}", words[0])))
                    .arg(kinds_arg)
                    .arg(names_arg::<N>(kinds)),
            );
        }
        for kind in FluxKind::ALL.iter().copied() {
            if kind.role().group().is_some() || !N::takes(kind) {
                continue;
            }
            let facts = kind.facts();
            let mut words = facts.words.to_vec();
            if N::LISTS && words.len() > 1 {
                words.swap(0, 1);
            }
            cmd = cmd.subcommand(
                Command::new(words[0])
                    .visible_aliases(words[1..].to_vec())
                    .about(capitalised(facts.about))
                    .after_help(example(words[0]))
                    .arg(names_arg::<N>(vec![kind])),
            );
        }
        if N::LISTS {
            cmd = cmd.subcommand(
                Command::new(ALL)
                    .about("Every Flux object floe knows")
                    .after_help(example(ALL)),
            );
        }
        cmd
    }
}

impl<N: Names> Subcommand for Targets<N> {
    fn augment_subcommands(cmd: Command) -> Command {
        // Runs when the parser enters the command, whose options are deferred (cli::deferred).
        Self::build(cmd).mut_subcommands(super::flags::with_go_bool_flags)
    }

    fn augment_subcommands_for_update(cmd: Command) -> Command {
        Self::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        group_named(name).is_some_and(|role| FluxKind::with_role(role).any(N::takes))
            || (N::LISTS && name == ALL)
            || ungrouped_named(name).is_some_and(N::takes)
    }
}

impl<N: Names> FromArgMatches for Targets<N> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let Some((name, sub)) = matches.subcommand() else {
            return Err(clap::Error::raw(
                clap::error::ErrorKind::MissingSubcommand,
                "a kind is required",
            ));
        };
        let names: Vec<ObjectName> = sub
            .try_get_many::<ObjectName>("names")
            .ok()
            .flatten()
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        let (kinds, grouped) = if name == ALL {
            (FluxKind::ALL.to_vec(), true)
        } else if let Some(role) = group_named(name) {
            let word = sub.get_one::<String>("kind").expect("required");
            if word == ALL {
                (FluxKind::with_role(role).collect(), true)
            } else {
                let kind = FluxKind::by_word(role, word).expect("a possible value");
                (vec![kind], false)
            }
        } else {
            let kind = ungrouped_named(name).expect("a registered subcommand");
            (vec![kind], false)
        };
        Ok(Targets {
            kinds,
            names,
            grouped,
            names_of: PhantomData,
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
