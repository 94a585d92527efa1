//! The variable substitution kustomize-controller runs after a build (`spec.postBuild`): the
//! `${...}` expressions of fluxcd/pkg/envsubst (a fork of drone/envsubst), evaluated over an
//! object's YAML text.
//!
//! - Only `${...}` is an expression; a bare `$name` stays as written, and `$$` is one `$` (so
//!   `$${A}` is the text `${A}`).
//! - `${v}`, `${#v}` (length in bytes), `${v,}` `${v,,}` `${v^}` `${v^^}` (case),
//!   `${v:offset}` `${v:offset:length}`, `${v#glob}` `${v##glob}` `${v%glob}` `${v%%glob}`,
//!   `${v/glob/text}` `${v//glob/text}` `${v/#glob/text}` `${v/%glob/text}`.
//! - `${v=d}` `${v:=d}` `${v:-d}` `${v:?d}` `${v:+d}` all mean the same, as in the engine: the
//!   value when it is set and not empty, else the default (itself text with expressions).
//! - Strict mode: a variable that is not set and has no default is an error; otherwise an unset
//!   variable is empty.

use std::collections::BTreeMap;

/// Why an expression could not be evaluated (the engine's own wording).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubstError {
    #[error("unable to parse variable name")]
    BadName,
    #[error("missing closing brace")]
    MissingBrace,
    #[error("bad substitution")]
    BadSubstitution,
    #[error("variable not set (strict mode): {0:?}")]
    NotSet(String),
}

/// Replaces every expression in `text` with its value from `vars`.
pub fn substitute(
    text: &str,
    vars: &BTreeMap<String, String>,
    strict: bool,
) -> Result<String, SubstError> {
    let chars: Vec<char> = text.chars().collect();
    let mut eval = Eval {
        chars: &chars,
        pos: 0,
        depth: 0,
        vars,
        strict,
    };
    eval.text(false)
}

/// How deeply expressions may nest in defaults (`${a:=${b:=${...}}}`).
const MAX_DEPTH: usize = 32;

struct Eval<'a> {
    chars: &'a [char],
    pos: usize,
    depth: usize,
    vars: &'a BTreeMap<String, String>,
    strict: bool,
}

/// What follows a variable's name inside `${...}`.
enum Op {
    Plain,
    Default,
    Lower { all: bool },
    Upper { all: bool },
    Substring,
    TrimPrefix { longest: bool },
    TrimSuffix { longest: bool },
    Replace { all: bool, anchor: Anchor },
}

#[derive(Clone, Copy)]
enum Anchor {
    None,
    Start,
    End,
}

impl Eval<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    /// Text up to the end, or (inside an expression's argument) up to a `}` or, when `stop_at`
    /// is given, that character; expressions in it evaluated.
    fn text(&mut self, in_argument: bool) -> Result<String, SubstError> {
        self.text_until(in_argument, None)
    }

    fn text_until(&mut self, in_argument: bool, stop: Option<char>) -> Result<String, SubstError> {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if in_argument && (c == '}' || Some(c) == stop) {
                return Ok(out);
            }
            if in_argument
                && c == '\\'
                && let Some(next @ ('/' | '\\' | '}')) = self.peek_at(1)
            {
                out.push(next);
                self.pos += 2;
                continue;
            }
            if c == '$' {
                match self.peek_at(1) {
                    Some('$') if !in_argument => {
                        out.push('$');
                        self.pos += 2;
                    }
                    Some('{') => {
                        self.pos += 2;
                        self.depth += 1;
                        if self.depth > MAX_DEPTH {
                            return Err(SubstError::BadSubstitution);
                        }
                        let value = self.expression();
                        self.depth -= 1;
                        out.push_str(&value?);
                    }
                    _ => {
                        out.push('$');
                        self.pos += 1;
                    }
                }
                continue;
            }
            out.push(c);
            self.pos += 1;
        }
        if in_argument {
            return Err(SubstError::MissingBrace);
        }
        Ok(out)
    }

    fn name(&mut self) -> String {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    /// After `${`: the expression up to and including its `}`.
    fn expression(&mut self) -> Result<String, SubstError> {
        let length = self.peek() == Some('#') && {
            let save = self.pos;
            self.pos += 1;
            let named = !self.name().is_empty() && self.peek() == Some('}');
            self.pos = save;
            named
        };
        if length {
            self.pos += 1;
        }
        let name = self.name();
        if name.is_empty() {
            return Err(SubstError::BadName);
        }
        let value = self.vars.get(&name).cloned();
        if length {
            self.close()?;
            return Ok(self.value(&name, value)?.len().to_string());
        }
        let op = self.op()?;
        let result = match op {
            Op::Plain => self.value(&name, value)?,
            Op::Default => {
                let default = self.text(true)?;
                match value {
                    Some(v) if !v.is_empty() => v,
                    _ => default,
                }
            }
            Op::Lower { all } => change_case(&self.value(&name, value)?, all, false),
            Op::Upper { all } => change_case(&self.value(&name, value)?, all, true),
            Op::Substring => {
                let offset = self.text_until(true, Some(':'))?;
                let length = if self.peek() == Some(':') {
                    self.pos += 1;
                    Some(self.text(true)?)
                } else {
                    None
                };
                substring(&self.value(&name, value)?, &offset, length.as_deref())?
            }
            Op::TrimPrefix { longest } => {
                let pattern = self.text(true)?;
                trim(&self.value(&name, value)?, &pattern, longest, true)
            }
            Op::TrimSuffix { longest } => {
                let pattern = self.text(true)?;
                trim(&self.value(&name, value)?, &pattern, longest, false)
            }
            Op::Replace { all, anchor } => {
                let pattern = self.text_until(true, Some('/'))?;
                let with = if self.peek() == Some('/') {
                    self.pos += 1;
                    self.text(true)?
                } else {
                    String::new()
                };
                replace(&self.value(&name, value)?, &pattern, &with, all, anchor)
            }
        };
        self.close()?;
        Ok(result)
    }

    fn close(&mut self) -> Result<(), SubstError> {
        if self.peek() == Some('}') {
            self.pos += 1;
            Ok(())
        } else {
            Err(SubstError::MissingBrace)
        }
    }

    /// A variable's value; in strict mode an unset one is an error.
    fn value(&self, name: &str, value: Option<String>) -> Result<String, SubstError> {
        match value {
            Some(v) => Ok(v),
            None if self.strict => Err(SubstError::NotSet(name.to_string())),
            None => Ok(String::new()),
        }
    }

    fn op(&mut self) -> Result<Op, SubstError> {
        let Some(c) = self.peek() else {
            return Err(SubstError::MissingBrace);
        };
        let next = self.peek_at(1);
        let (op, width) = match (c, next) {
            ('}', _) => (Op::Plain, 0),
            ('=', _) => (Op::Default, 1),
            (':', Some('=' | '-' | '?' | '+')) => (Op::Default, 2),
            (':', _) => (Op::Substring, 1),
            (',', Some(',')) => (Op::Lower { all: true }, 2),
            (',', _) => (Op::Lower { all: false }, 1),
            ('^', Some('^')) => (Op::Upper { all: true }, 2),
            ('^', _) => (Op::Upper { all: false }, 1),
            ('#', Some('#')) => (Op::TrimPrefix { longest: true }, 2),
            ('#', _) => (Op::TrimPrefix { longest: false }, 1),
            ('%', Some('%')) => (Op::TrimSuffix { longest: true }, 2),
            ('%', _) => (Op::TrimSuffix { longest: false }, 1),
            ('/', Some('/')) => (
                Op::Replace {
                    all: true,
                    anchor: Anchor::None,
                },
                2,
            ),
            ('/', Some('#')) => (
                Op::Replace {
                    all: false,
                    anchor: Anchor::Start,
                },
                2,
            ),
            ('/', Some('%')) => (
                Op::Replace {
                    all: false,
                    anchor: Anchor::End,
                },
                2,
            ),
            ('/', _) => (
                Op::Replace {
                    all: false,
                    anchor: Anchor::None,
                },
                1,
            ),
            _ => return Err(SubstError::MissingBrace),
        };
        self.pos += width;
        if matches!(op, Op::Lower { .. } | Op::Upper { .. }) && self.peek() != Some('}') {
            return Err(SubstError::BadSubstitution);
        }
        Ok(op)
    }
}

fn change_case(value: &str, all: bool, upper: bool) -> String {
    let convert = |s: &str| {
        if upper {
            s.to_uppercase()
        } else {
            s.to_lowercase()
        }
    };
    if all {
        return convert(value);
    }
    let mut chars = value.chars();
    match chars.next() {
        Some(first) => convert(&first.to_string()) + chars.as_str(),
        None => String::new(),
    }
}

fn substring(value: &str, offset: &str, length: Option<&str>) -> Result<String, SubstError> {
    let number = |s: &str| {
        s.trim()
            .parse::<i64>()
            .map_err(|_| SubstError::BadSubstitution)
    };
    let bytes = value.as_bytes();
    let len = bytes.len() as i64;
    let mut start = number(offset)?;
    if start < 0 {
        start = len.saturating_add(start).max(0);
    }
    let start = start.min(len) as usize;
    let end = match length {
        Some(l) => (start as i64).saturating_add(number(l)?.max(0)).min(len) as usize,
        None => bytes.len(),
    };
    Ok(String::from_utf8_lossy(&bytes[start..end]).into_owned())
}

/// Whether `text` matches the shell glob `pattern` (`*`, `?`, everything else literal), in
/// time proportional to their lengths' product: on a mismatch the last `*` takes one more
/// character, never a search of every split.
fn glob_match(pattern: &[char], text: &[char]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some('?') => {
                p += 1;
                t += 1;
            }
            Some(c) if *c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|c| *c == '*')
}

fn trim(value: &str, pattern: &str, longest: bool, prefix: bool) -> String {
    let text: Vec<char> = value.chars().collect();
    let pattern: Vec<char> = pattern.chars().collect();
    let cuts: Vec<usize> = if longest {
        (0..=text.len()).rev().collect()
    } else {
        (0..=text.len()).collect()
    };
    for n in cuts {
        let (part, rest) = if prefix {
            (&text[..n], &text[n..])
        } else {
            (&text[text.len() - n..], &text[..text.len() - n])
        };
        if glob_match(&pattern, part) {
            return rest.iter().collect();
        }
    }
    value.to_string()
}

fn replace(value: &str, pattern: &str, with: &str, all: bool, anchor: Anchor) -> String {
    let text: Vec<char> = value.chars().collect();
    let pattern: Vec<char> = pattern.chars().collect();
    if pattern.is_empty() {
        return value.to_string();
    }
    // The longest match at a position, as the shell takes it.
    let longest_at = |start: usize| {
        (start + 1..=text.len())
            .rev()
            .find(|&end| glob_match(&pattern, &text[start..end]))
    };
    match anchor {
        Anchor::Start => match longest_at(0) {
            Some(end) => format!("{with}{}", text[end..].iter().collect::<String>()),
            None => value.to_string(),
        },
        Anchor::End => (0..text.len())
            .find(|&start| glob_match(&pattern, &text[start..]))
            .map_or_else(
                || value.to_string(),
                |start| format!("{}{with}", text[..start].iter().collect::<String>()),
            ),
        Anchor::None => {
            let mut out = String::new();
            let mut i = 0;
            let mut replaced = false;
            while i < text.len() {
                if (!replaced || all)
                    && let Some(end) = longest_at(i)
                {
                    out.push_str(with);
                    i = end;
                    replaced = true;
                    continue;
                }
                out.push(text[i]);
                i += 1;
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn vars() -> BTreeMap<String, String> {
        [
            ("A", "one"),
            ("E", ""),
            ("P", "path/to/file.tar.gz"),
            ("N", "Name"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    fn run(text: &str) -> Result<String, SubstError> {
        substitute(text, &vars(), false)
    }

    #[test]
    fn expressions_and_defaults() {
        assert_eq!(run("a: ${A}").unwrap(), "a: one");
        assert_eq!(
            run("${U}|${U:=d}|${U:-d e}|${E:-d}|${A:-d}|${U=x}").unwrap(),
            "|d|d e|d|one|x"
        );
        // :? and :+ mean what := means in the engine.
        assert_eq!(run("${U:?m}|${A:+m}").unwrap(), "m|one");
        assert_eq!(run("${U:-${A}}").unwrap(), "one");
        assert_eq!(run("$A $$ $${A} cost: $5").unwrap(), "$A $ ${A} cost: $5");
        assert_eq!(
            run("${#A}|${N,}|${N,,}|${A^}|${A^^}").unwrap(),
            "3|name|name|One|ONE"
        );
        assert_eq!(run("${A:1}|${A:0:2}|${A:-2}").unwrap(), "ne|on|one");
        assert_eq!(
            run("${P#*/}|${P##*/}|${P%.*}|${P%%.*}").unwrap(),
            "to/file.tar.gz|file.tar.gz|path/to/file.tar|path/to/file"
        );
        assert_eq!(
            run("${P/t/T}|${P//t/T}|${P/#path/P}|${P/%gz/GZ}").unwrap(),
            "paTh/to/file.tar.gz|paTh/To/file.Tar.gz|P/to/file.tar.gz|path/to/file.tar.GZ"
        );
    }

    #[test]
    fn hostile_expressions_end_quickly() {
        assert_eq!(run("${A:1:9223372036854775807}").unwrap(), "ne");
        assert_eq!(run("${A:-9223372036854775807}").unwrap(), "one");
        let nested = format!("{}x{}", "${U:=".repeat(100), "}".repeat(100));
        assert_eq!(run(&nested), Err(SubstError::BadSubstitution));
        let pattern = format!("${{P//{}b/x}}", "*a".repeat(200));
        assert!(run(&pattern).is_ok());
    }

    #[test]
    fn errors_are_the_engines() {
        assert_eq!(run("${}"), Err(SubstError::BadName));
        assert_eq!(run("x ${"), Err(SubstError::BadName));
        assert_eq!(run("${A"), Err(SubstError::MissingBrace));
        assert_eq!(run("${A-d}"), Err(SubstError::MissingBrace));
        assert_eq!(run("${A:-d"), Err(SubstError::MissingBrace));
        assert_eq!(
            substitute("${U}", &vars(), true),
            Err(SubstError::NotSet("U".into()))
        );
        assert_eq!(substitute("${U:=d} ${A}", &vars(), true).unwrap(), "d one");
        assert_eq!(
            SubstError::NotSet("U".into()).to_string(),
            "variable not set (strict mode): \"U\""
        );
    }

    proptest! {
        /// Text without `$` is left as it is, whatever else it holds.
        #[test]
        fn text_without_dollars_is_unchanged(text in "[^$]*") {
            prop_assert_eq!(run(&text).unwrap(), text);
        }

        /// A defined variable's value comes through whole, whatever it holds.
        #[test]
        fn values_are_inserted_verbatim(value in ".*", before in "[^$]*", after in "[^$]*") {
            let vars: BTreeMap<String, String> = [("V".to_string(), value.clone())].into();
            let text = format!("{before}${{V}}{after}");
            prop_assert_eq!(substitute(&text, &vars, true).unwrap(), format!("{before}{value}{after}"));
        }

        /// The matcher agrees with a plain recursive one (on short inputs, where that is fast).
        #[test]
        fn glob_matches_like_the_shell(pattern in "[ab*?]{0,8}", text in "[ab]{0,10}") {
            fn slow(p: &[char], t: &[char]) -> bool {
                match p.split_first() {
                    None => t.is_empty(),
                    Some(('*', rest)) => (0..=t.len()).any(|i| slow(rest, &t[i..])),
                    Some(('?', rest)) => !t.is_empty() && slow(rest, &t[1..]),
                    Some((c, rest)) => t.first() == Some(c) && slow(rest, &t[1..]),
                }
            }
            let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
            prop_assert_eq!(glob_match(&p, &t), slow(&p, &t));
        }

        /// Any input either evaluates or fails with one of the engine's errors; never a panic.
        #[test]
        fn never_panics(text in "(\\$|\\{|\\}|:|-|=|#|%|/|,|\\^|[A-Z]|[0-9]| ){0,40}") {
            let _ = substitute(&text, &vars(), true);
        }
    }
}
