//! Durations in Go's notation, as Flux's flags take them (`time.ParseDuration`) and as its
//! objects carry them (`metav1.Duration`, printed by Go's `Duration.String`: `1m0s`, `1h0m0s`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// A strictly positive duration that prints and parses the way Go does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GoDuration(pub Duration);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    #[error(
        "invalid duration '{0}': use a number with a unit, e.g. 30s, 5m, 1h30m (units: ms, s, m, h)"
    )]
    Syntax(String),
    #[error("invalid duration '{0}': must be greater than zero")]
    NotPositive(String),
    #[error("invalid duration '{0}': must be at least 1ms")]
    TooShort(String),
    #[error("invalid duration '{0}': too large")]
    TooLarge(String),
}

const NANOS_PER: &[(&str, u128)] = &[
    ("ns", 1),
    ("us", 1_000),
    ("\u{b5}s", 1_000),
    ("\u{3bc}s", 1_000),
    ("ms", 1_000_000),
    ("s", 1_000_000_000),
    ("m", 60_000_000_000),
    ("h", 3_600_000_000_000),
];

impl GoDuration {
    pub const fn from_secs(secs: u64) -> Self {
        GoDuration(Duration::from_secs(secs))
    }

    /// Parses Go's `time.ParseDuration` syntax and requires a value of at least 1ms, which is
    /// the smallest unit Flux's CRDs accept.
    pub fn parse(input: &str) -> Result<Self, DurationError> {
        let nanos = parse_go_nanos(input)?;
        if nanos <= 0 {
            return Err(DurationError::NotPositive(input.to_string()));
        }
        if nanos < 1_000_000 {
            return Err(DurationError::TooShort(input.to_string()));
        }
        let nanos = u64::try_from(nanos).map_err(|_| DurationError::TooLarge(input.to_string()))?;
        Ok(GoDuration(Duration::from_nanos(nanos)))
    }
}

/// Go's `time.ParseDuration`, returning signed nanoseconds.
fn parse_go_nanos(input: &str) -> Result<i128, DurationError> {
    let syntax = || DurationError::Syntax(input.to_string());
    let (negative, mut rest) = match input.as_bytes().first() {
        Some(b'-') => (true, &input[1..]),
        Some(b'+') => (false, &input[1..]),
        _ => (false, input),
    };
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(syntax());
    }
    let mut total: i128 = 0;
    while !rest.is_empty() {
        let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (int_part, after) = rest.split_at(int_len);
        let (frac_part, after) = match after.strip_prefix('.') {
            Some(f) => {
                let n = f.bytes().take_while(u8::is_ascii_digit).count();
                f.split_at(n)
            }
            None => ("", after),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(syntax());
        }
        let unit_len = after
            .find(|c: char| c == '.' || c.is_ascii_digit())
            .unwrap_or(after.len());
        let (unit, after) = after.split_at(unit_len);
        let scale = NANOS_PER
            .iter()
            .find(|(u, _)| *u == unit)
            .map(|(_, n)| *n)
            .ok_or_else(syntax)?;
        let whole: i128 = if int_part.is_empty() {
            0
        } else {
            int_part.parse().map_err(|_| syntax())?
        };
        let mut value = whole
            .checked_mul(scale as i128)
            .ok_or_else(|| DurationError::TooLarge(input.into()))?;
        let mut frac_scale = scale as f64;
        for digit in frac_part.bytes().take(20) {
            frac_scale /= 10.0;
            value += (f64::from(digit - b'0') * frac_scale) as i128;
        }
        total = total
            .checked_add(value)
            .ok_or_else(|| DurationError::TooLarge(input.into()))?;
        if total > i64::MAX as i128 {
            return Err(DurationError::TooLarge(input.to_string()));
        }
        rest = after;
    }
    Ok(if negative { -total } else { total })
}

impl FromStr for GoDuration {
    type Err = DurationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        GoDuration::parse(s)
    }
}

/// Go's `time.Duration.String`.
impl fmt::Display for GoDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let nanos = self.0.as_nanos();
        if nanos == 0 {
            return f.write_str("0s");
        }
        if nanos < 1_000_000_000 {
            let (value, digits, unit) = if nanos < 1_000 {
                (nanos, 0, "ns")
            } else if nanos < 1_000_000 {
                (nanos, 3, "\u{b5}s")
            } else {
                (nanos, 6, "ms")
            };
            let (int, frac) = split_fraction(value, digits);
            return write!(f, "{int}{frac}{unit}");
        }
        let (secs, frac) = split_fraction(nanos, 9);
        let (hours, minutes, seconds) = (secs / 3600, (secs / 60) % 60, secs % 60);
        if hours > 0 {
            write!(f, "{hours}h{minutes}m{seconds}{frac}s")
        } else if secs >= 60 {
            write!(f, "{minutes}m{seconds}{frac}s")
        } else {
            write!(f, "{seconds}{frac}s")
        }
    }
}

/// Splits `value` into its integer part and a `.ddd` fraction of `digits` places with trailing
/// zeros dropped (empty when the fraction is zero), as Go's `fmtFrac` does.
fn split_fraction(value: u128, digits: u32) -> (u128, String) {
    let scale = 10u128.pow(digits);
    let (int, frac) = (value / scale, value % scale);
    if frac == 0 {
        return (int, String::new());
    }
    let text = format!("{frac:0width$}", width = digits as usize);
    (int, format!(".{}", text.trim_end_matches('0')))
}

impl Serialize for GoDuration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for GoDuration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        // Live objects may carry any duration the API server accepted, so only the syntax is
        // checked here.
        let nanos = parse_go_nanos(&text).map_err(serde::de::Error::custom)?;
        let nanos = u64::try_from(nanos.max(0)).map_err(serde::de::Error::custom)?;
        Ok(GoDuration(Duration::from_nanos(nanos)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(s: &str) -> String {
        GoDuration::parse(s).unwrap().to_string()
    }

    #[test]
    fn prints_like_go() {
        assert_eq!(fmt("1m"), "1m0s");
        assert_eq!(fmt("5m"), "5m0s");
        assert_eq!(fmt("60m"), "1h0m0s");
        assert_eq!(fmt("30s"), "30s");
        assert_eq!(fmt("90s"), "1m30s");
        assert_eq!(fmt("1.5h"), "1h30m0s");
        assert_eq!(fmt("1500ms"), "1.5s");
        assert_eq!(fmt("250ms"), "250ms");
        assert_eq!(fmt("1h0m0.5s"), "1h0m0.5s");
        assert_eq!(fmt("2h45m"), "2h45m0s");
        assert_eq!(fmt("1.5ms"), "1.5ms");
        assert_eq!(fmt("1000000us"), "1s");
    }

    #[test]
    fn rejects_what_go_or_flux_rejects() {
        for bad in ["5x", "", "m", "1", "1.", ".", "1m-", "abc", "1 m", "--1m"] {
            assert!(
                matches!(GoDuration::parse(bad), Err(DurationError::Syntax(_))),
                "{bad:?}"
            );
        }
        assert_eq!(
            GoDuration::parse("-1m"),
            Err(DurationError::NotPositive("-1m".into()))
        );
        assert_eq!(
            GoDuration::parse("0s"),
            Err(DurationError::NotPositive("0s".into()))
        );
        assert_eq!(
            GoDuration::parse("0"),
            Err(DurationError::NotPositive("0".into()))
        );
        assert_eq!(
            GoDuration::parse("10us"),
            Err(DurationError::TooShort("10us".into()))
        );
        assert!(matches!(
            GoDuration::parse("3000000h"),
            Err(DurationError::TooLarge(_))
        ));
    }

    #[test]
    fn accepts_go_syntax_variants() {
        assert_eq!(fmt(".5m"), "30s");
        assert_eq!(fmt("+1h"), "1h0m0s");
        assert_eq!(fmt("1h1m1s"), "1h1m1s");
    }
}
