//! Flag behaviour that makes floe's flags work like Flux's (Go pflag) flags, so scripts move
//! over unchanged.

use clap::ArgAction;

/// A flag over a [`Choice`]: help and completions list its names; anything else is a usage
/// error naming the allowed values.
pub fn choice<T: crate::usage::Choice>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(T::ALL.iter().map(|v| v.as_str())).map(|name| {
        *T::ALL
            .iter()
            .find(|v| v.as_str() == name)
            .expect("the parser accepts listed names only")
    })
}

/// Go's `strconv.ParseBool`, so `--prune=true`, `--prune=1` and `--prune=False` work as in Flux.
pub fn go_bool(value: &str) -> Result<bool, String> {
    match value {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Ok(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Ok(false),
        _ => Err("expected true or false".to_string()),
    }
}

/// Turns every on/off flag in the tree into a pflag-style boolean: `--prune` means true and
/// `--prune=false` turns it off. The value must be attached with `=`, as in pflag, so a
/// following positional argument is never taken for it.
pub fn with_go_bool_flags(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|arg| {
        if matches!(arg.get_action(), ArgAction::SetTrue) {
            arg.action(ArgAction::Set)
                .num_args(0..=1)
                .require_equals(true)
                .default_missing_value("true")
                .default_value("false")
                .hide_default_value(true)
                .hide_possible_values(true)
                .value_parser(go_bool)
                .value_name("BOOL")
        } else {
            arg
        }
    })
    .mut_subcommands(with_go_bool_flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_go_spellings_only() {
        for t in ["1", "t", "T", "true", "TRUE", "True"] {
            assert_eq!(go_bool(t), Ok(true));
        }
        for f in ["0", "f", "F", "false", "FALSE", "False"] {
            assert_eq!(go_bool(f), Ok(false));
        }
        assert!(go_bool("yes").is_err());
        assert!(go_bool("").is_err());
    }
}
