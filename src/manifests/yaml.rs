//! YAML output that is byte-compatible with `flux ... --export`.
//!
//! Flux prints objects with `sigs.k8s.io/yaml`, which round-trips the object through JSON and then
//! marshals it with go-yaml v2. go-yaml's emitter is a port of libyaml, the same C library that
//! `unsafe-libyaml` ports to Rust, so we drive that emitter with the same events go-yaml sends:
//! map keys sorted with go-yaml's key order, and each string's scalar style chosen by go-yaml's
//! rules (plain unless it would read back as another type, then double-quoted; literal `|`
//! blocks for multi-line text). libyaml itself then falls back to single quotes where plain is not
//! allowed, and folds long plain scalars at 80 columns, exactly as go-yaml does.

use serde_json::Value;
use std::cmp::Ordering;
use std::ffi::c_void;
use std::mem::MaybeUninit;
use std::ptr::{self, addr_of_mut};
use unsafe_libyaml as unsafe_sys;

/// Renders a JSON value as go-yaml v2 would (`sigs.k8s.io/yaml.Marshal`).
pub fn to_go_yaml(value: &Value) -> String {
    let mut emitter = Emitter::new();
    emitter.emit(Event::StreamStart);
    emitter.emit(Event::DocumentStart);
    emit_value(&mut emitter, value);
    emitter.emit(Event::DocumentEnd);
    emitter.emit(Event::StreamEnd);
    emitter.finish()
}

/// One object as `flux ... --export` prints it: a `---` line, the YAML, one newline.
pub fn export_document(value: &Value) -> String {
    let yaml = to_go_yaml(value);
    format!("---\n{}\n", yaml.trim())
}

fn emit_value(emitter: &mut Emitter, value: &Value) {
    match value {
        Value::Null => emitter.scalar("null", unsafe_sys::YAML_PLAIN_SCALAR_STYLE),
        Value::Bool(b) => emitter.scalar(
            if *b { "true" } else { "false" },
            unsafe_sys::YAML_PLAIN_SCALAR_STYLE,
        ),
        Value::Number(n) => {
            let text = match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => i.to_string(),
                (None, Some(u), _) => u.to_string(),
                (_, _, Some(f)) => go_float(f),
                _ => n.to_string(),
            };
            emitter.scalar(&text, unsafe_sys::YAML_PLAIN_SCALAR_STYLE)
        }
        Value::String(s) => emitter.scalar(s, string_style(s)),
        Value::Array(items) => {
            emitter.emit(Event::SequenceStart);
            for item in items {
                emit_value(emitter, item);
            }
            emitter.emit(Event::SequenceEnd);
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            sort_keys(&mut keys);
            emitter.emit(Event::MappingStart);
            for key in keys {
                emitter.scalar(key, string_style(key));
                emit_value(emitter, &map[key.as_str()]);
            }
            emitter.emit(Event::MappingEnd);
        }
    }
}

/// The scalar style go-yaml v2 asks for when it encodes a string.
fn string_style(s: &str) -> unsafe_sys::yaml_scalar_style_t {
    if s.contains('\n') {
        unsafe_sys::YAML_LITERAL_SCALAR_STYLE
    } else if resolves_to_non_string(s) || is_base60_float(s) {
        unsafe_sys::YAML_DOUBLE_QUOTED_SCALAR_STYLE
    } else {
        unsafe_sys::YAML_PLAIN_SCALAR_STYLE
    }
}

/// Whether go-yaml v2 would read this plain scalar back as something other than a string
/// (bool, null, int, float, timestamp or merge key), in which case it must be quoted.
fn resolves_to_non_string(s: &str) -> bool {
    const SPECIAL: &[&str] = &[
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "n", "N", "no",
        "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "", "~", "null", "Null",
        "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
        "-.Inf", "-.INF",
    ];
    let hint = match s.as_bytes().first() {
        None => return true,
        Some(b'+' | b'-') => 'S',
        Some(b'0'..=b'9') => 'D',
        Some(b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~') => 'M',
        Some(b'.') => '.',
        Some(_) => return false,
    };
    if SPECIAL.contains(&s) {
        return true;
    }
    match hint {
        '.' => parse_go_float(s),
        'D' | 'S' => {
            if is_yaml_timestamp(s) {
                return true;
            }
            let plain = s.replace('_', "");
            if parse_go_int_base0(&plain) {
                return true;
            }
            if is_yaml_style_float(&plain) && parse_go_float(&plain) {
                return true;
            }
            if let Some(bits) = plain.strip_prefix("0b") {
                return u64::from_str_radix(bits, 2).is_ok();
            }
            if let Some(bits) = plain.strip_prefix("-0b") {
                return i64::from_str_radix(&format!("-{bits}"), 2).is_ok();
            }
            false
        }
        _ => false,
    }
}

fn parse_go_float(s: &str) -> bool {
    s.parse::<f64>().is_ok_and(f64::is_finite)
}

/// Go's `strconv.ParseInt(s, 0, 64)` or `ParseUint(s, 0, 64)` succeeding.
fn parse_go_int_base0(s: &str) -> bool {
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let lower = digits.to_ascii_lowercase();
    let (radix, body) = if let Some(rest) = lower.strip_prefix("0x") {
        (16, rest)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (2, rest)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (8, rest)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, lower.as_str())
    };
    if body.is_empty() || !body.chars().all(|c| c.is_digit(radix)) {
        return false;
    }
    match u64::from_str_radix(body, radix) {
        Ok(v) if negative => v <= i64::MAX as u64 + 1,
        Ok(_) => true,
        Err(_) => false,
    }
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
fn is_yaml_style_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`: YAML 1.1 sexagesimal numbers.
fn is_base60_float(s: &str) -> bool {
    if !s.contains(':') {
        return false;
    }
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    if !b.get(i).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
        i += 1;
    }
    let mut groups = 0;
    while b.get(i) == Some(&b':') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() && i - start < 2 {
            i += 1;
        }
        let group = &s[start..i];
        let ok = match group.len() {
            1 => true,
            2 => group.as_bytes()[0] <= b'5',
            _ => false,
        };
        if !ok {
            return false;
        }
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            i += 1;
        }
    }
    i == b.len()
}

/// go-yaml v2's timestamp forms: `2006-1-2`, `2006-1-2 15:4:5.999999999` and
/// `2006-1-2T15:4:5.999999999Z07:00` (also with a lower-case `t`).
fn is_yaml_timestamp(s: &str) -> bool {
    fn number(s: &str, i: &mut usize, min: usize, max: usize) -> Option<u32> {
        let b = s.as_bytes();
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() && *i - start < max {
            *i += 1;
        }
        if *i - start < min {
            None
        } else {
            s[start..*i].parse().ok()
        }
    }
    let b = s.as_bytes();
    let mut i = 0;
    let Some(year) = number(s, &mut i, 4, 4) else {
        return false;
    };
    if b.get(i) != Some(&b'-') {
        return false;
    }
    i += 1;
    let Some(month) = number(s, &mut i, 1, 2) else {
        return false;
    };
    if b.get(i) != Some(&b'-') {
        return false;
    }
    i += 1;
    let Some(day) = number(s, &mut i, 1, 2) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    if day == 0 || day > days_in_month {
        return false;
    }
    if i == b.len() {
        return true;
    }
    let zoned = match b[i] {
        b'T' | b't' => true,
        b' ' => false,
        _ => return false,
    };
    i += 1;
    let time_ok = (|| {
        let hour = number(s, &mut i, 1, 2)?;
        (b.get(i) == Some(&b':')).then_some(())?;
        i += 1;
        let minute = number(s, &mut i, 1, 2)?;
        (b.get(i) == Some(&b':')).then_some(())?;
        i += 1;
        let second = number(s, &mut i, 1, 2)?;
        if b.get(i) == Some(&b'.') {
            i += 1;
            number(s, &mut i, 1, 9)?;
        }
        (hour < 24 && minute < 60 && second < 60).then_some(())
    })()
    .is_some();
    if !time_ok {
        return false;
    }
    if !zoned {
        return i == b.len();
    }
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            let zone = &s[i + 1..];
            zone.len() == 5
                && zone.as_bytes()[2] == b':'
                && zone[..2].parse::<u32>().is_ok_and(|h| h < 24)
                && zone[3..].parse::<u32>().is_ok_and(|m| m < 60)
        }
        _ => false,
    }
}

/// Go's `strconv.FormatFloat(f, 'g', -1, 64)`, which go-yaml uses for floats.
fn go_float(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            ".inf".into()
        } else {
            "-.inf".into()
        };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    // Shortest round-trip digits and decimal exponent, e.g. 1.5e6 -> ("15", 6).
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').expect("{:e} always has an exponent");
    let exp: i32 = exp.parse().expect("{:e} exponent is an integer");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if f < 0.0 { "-" } else { "" };
    // Go switches to exponent form below 1e-4 and, for shortest formatting, from 1e6 up.
    if !(-4..6).contains(&exp) {
        let mut out = format!("{sign}{}", &digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let exp_sign = if exp < 0 { '-' } else { '+' };
        return format!("{out}e{exp_sign}{:02}", exp.abs());
    }
    if exp >= 0 {
        let point = exp as usize + 1;
        if digits.len() <= point {
            format!("{sign}{digits}{}", "0".repeat(point - digits.len()))
        } else {
            format!("{sign}{}.{}", &digits[..point], &digits[point..])
        }
    } else {
        format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
    }
}

/// Sorts map keys in go-yaml v2's order. That order is not total for some keys (a letter
/// against a digit run at one position, numbers at another: `u22…3`, `u22…ü`, `u0008…`
/// compare in a cycle), and Rust's sort may panic on such a comparison (found by the
/// yaml_emitter fuzz target), where Go's `sort.Sort` just returns an order. So: up to 12 keys,
/// Go's own insertion sort (what `sort.Sort` runs for so few, the same result even for such
/// keys); beyond, a merge sort that cannot panic (the same result whenever the order is
/// consistent, which it is for every key Kubernetes allows).
fn sort_keys(keys: &mut [&String]) {
    let less = |a: &String, b: &String| go_key_order(a, b) == Ordering::Less;
    if keys.len() <= 12 {
        for i in 1..keys.len() {
            let mut j = i;
            while j > 0 && less(keys[j], keys[j - 1]) {
                keys.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = keys.len() / 2;
    sort_keys(&mut keys[..mid]);
    sort_keys(&mut keys[mid..]);
    let mut merged = Vec::with_capacity(keys.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < keys.len() {
        if less(keys[j], keys[i]) {
            merged.push(keys[j]);
            j += 1;
        } else {
            merged.push(keys[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&keys[i..mid]);
    merged.extend_from_slice(&keys[j..]);
    keys.copy_from_slice(&merged);
}

/// go-yaml v2's map key order: letters compare by code point, a non-letter sorts before a
/// letter, and runs of digits compare by numeric value.
pub fn go_key_order(a: &str, b: &str) -> Ordering {
    let ar: Vec<char> = a.chars().collect();
    let br: Vec<char> = b.chars().collect();
    for i in 0..ar.len().min(br.len()) {
        if ar[i] == br[i] {
            continue;
        }
        let (al, bl) = (ar[i].is_alphabetic(), br[i].is_alphabetic());
        if al && bl {
            return ar[i].cmp(&br[i]);
        }
        if al || bl {
            return if bl {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        let (mut an, mut bn) = (0i64, 0i64);
        if ar[i] == '0' || br[i] == '0' {
            let mut j = i;
            while j > 0 && ar[j - 1].is_ascii_digit() {
                j -= 1;
                if ar[j] != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < ar.len() && ar[ai].is_ascii_digit() {
            an = an
                .wrapping_mul(10)
                .wrapping_add(i64::from(ar[ai] as u8 - b'0'));
            ai += 1;
        }
        let mut bi = i;
        while bi < br.len() && br[bi].is_ascii_digit() {
            bn = bn
                .wrapping_mul(10)
                .wrapping_add(i64::from(br[bi] as u8 - b'0'));
            bi += 1;
        }
        if an != bn {
            return an.cmp(&bn);
        }
        if ai != bi {
            return ai.cmp(&bi);
        }
        return ar[i].cmp(&br[i]);
    }
    ar.len().cmp(&br.len())
}

enum Event {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
}

/// A libyaml emitter writing into a byte buffer. Boxed so the pointers libyaml keeps to the
/// emitter and to the output buffer stay valid.
struct Emitter {
    inner: Box<EmitterState>,
}

struct EmitterState {
    sys: unsafe_sys::yaml_emitter_t,
    output: Vec<u8>,
}

impl Emitter {
    fn new() -> Self {
        let mut inner = Box::new(EmitterState {
            // SAFETY: yaml_emitter_initialize below overwrites every field.
            sys: unsafe { MaybeUninit::zeroed().assume_init() },
            output: Vec::with_capacity(512),
        });
        let state: *mut EmitterState = &mut *inner;
        // SAFETY: `state` points into the box, which outlives the emitter (dropped together).
        unsafe {
            let emitter = addr_of_mut!((*state).sys);
            assert!(
                !unsafe_sys::yaml_emitter_initialize(emitter).fail,
                "libyaml could not allocate"
            );
            // go-yaml v2 emits UTF-8 as is and keeps libyaml's default 80-column width.
            unsafe_sys::yaml_emitter_set_unicode(emitter, true);
            unsafe_sys::yaml_emitter_set_output(emitter, write_to_buffer, state.cast());
        }
        Emitter { inner }
    }

    fn emit(&mut self, event: Event) {
        let mut sys_event = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
        let ev = sys_event.as_mut_ptr();
        // SAFETY: the event initialisers only write to `ev`; null anchors and tags are allowed.
        let status = unsafe {
            match event {
                Event::StreamStart => unsafe_sys::yaml_stream_start_event_initialize(
                    ev,
                    unsafe_sys::YAML_UTF8_ENCODING,
                ),
                Event::StreamEnd => unsafe_sys::yaml_stream_end_event_initialize(ev),
                Event::DocumentStart => unsafe_sys::yaml_document_start_event_initialize(
                    ev,
                    ptr::null_mut(),
                    ptr::null_mut(),
                    ptr::null_mut(),
                    true,
                ),
                Event::DocumentEnd => unsafe_sys::yaml_document_end_event_initialize(ev, true),
                Event::SequenceStart => unsafe_sys::yaml_sequence_start_event_initialize(
                    ev,
                    ptr::null(),
                    ptr::null(),
                    true,
                    unsafe_sys::YAML_BLOCK_SEQUENCE_STYLE,
                ),
                Event::SequenceEnd => unsafe_sys::yaml_sequence_end_event_initialize(ev),
                Event::MappingStart => unsafe_sys::yaml_mapping_start_event_initialize(
                    ev,
                    ptr::null(),
                    ptr::null(),
                    true,
                    unsafe_sys::YAML_BLOCK_MAPPING_STYLE,
                ),
                Event::MappingEnd => unsafe_sys::yaml_mapping_end_event_initialize(ev),
            }
        };
        self.send(status.fail, ev);
    }

    fn scalar(&mut self, value: &str, style: unsafe_sys::yaml_scalar_style_t) {
        let mut sys_event = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
        let ev = sys_event.as_mut_ptr();
        let length = i32::try_from(value.len()).expect("scalar shorter than 2 GiB");
        // SAFETY: libyaml copies `length` bytes of `value` into the event.
        let status = unsafe {
            unsafe_sys::yaml_scalar_event_initialize(
                ev,
                ptr::null(),
                ptr::null(),
                value.as_ptr(),
                length,
                true,
                true,
                style,
            )
        };
        self.send(status.fail, ev);
    }

    fn send(&mut self, init_failed: bool, ev: *mut unsafe_sys::yaml_event_t) {
        assert!(!init_failed, "libyaml rejected an event");
        // SAFETY: `ev` was initialised above; yaml_emitter_emit takes ownership of it.
        let emitted = unsafe { unsafe_sys::yaml_emitter_emit(&mut self.inner.sys, ev) };
        // Writing to a Vec cannot fail, and every event sequence here is well-formed.
        assert!(
            !emitted.fail,
            "libyaml failed to emit: {:?}",
            self.inner.sys.problem
        );
    }

    fn finish(mut self) -> String {
        // SAFETY: flushing writes the pending buffer through `write_to_buffer`.
        let flushed = unsafe { unsafe_sys::yaml_emitter_flush(&mut self.inner.sys) };
        assert!(!flushed.fail, "writing to a Vec cannot fail");
        let bytes = std::mem::take(&mut self.inner.output);
        String::from_utf8(bytes).expect("libyaml writes UTF-8 when given UTF-8")
    }
}

impl Drop for Emitter {
    fn drop(&mut self) {
        // SAFETY: initialised in `new`, deleted exactly once.
        unsafe { unsafe_sys::yaml_emitter_delete(&mut self.inner.sys) }
    }
}

unsafe fn write_to_buffer(data: *mut c_void, buffer: *mut u8, size: u64) -> i32 {
    // SAFETY: `data` is the EmitterState registered in `Emitter::new`; libyaml passes a valid
    // buffer of `size` bytes.
    unsafe {
        let state = data.cast::<EmitterState>();
        let bytes = std::slice::from_raw_parts(buffer, size as usize);
        (*state).output.extend_from_slice(bytes);
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quotes_strings_that_would_read_back_as_other_types() {
        for s in [
            "true",
            "yes",
            "on",
            "N",
            "~",
            "null",
            "",
            "1",
            "-1",
            "0x1F",
            "1.5",
            ".5",
            "1e3",
            "1_000",
            "0b101",
            "2024-01-02",
            "2024-1-2T10:00:00Z",
            "1:20",
            ".inf",
            "0755",
        ] {
            assert_eq!(
                to_go_yaml(&json!(s)),
                format!("\"{s}\"\n"),
                "{s:?} must be double-quoted"
            );
        }
        for s in [
            "abc",
            "1m0s",
            "v1.2.3",
            "podinfo",
            "1.2.3",
            "2024-13-01",
            "Yesterday",
            "<<",
            "0x",
            "https://github.com/x/y",
            "ssh://git@host:22/x",
            ">=3.2.0 <3.3.0",
        ] {
            let out = to_go_yaml(&json!(s));
            assert!(
                !out.starts_with('"'),
                "{s:?} must not be double-quoted, got {out:?}"
            );
        }
    }

    #[test]
    fn libyaml_falls_back_to_single_quotes_where_plain_is_not_allowed() {
        assert_eq!(to_go_yaml(&json!("*.yaml")), "'*.yaml'\n");
        assert_eq!(to_go_yaml(&json!("a: b")), "'a: b'\n");
        assert_eq!(to_go_yaml(&json!("- x")), "'- x'\n");
        assert_eq!(to_go_yaml(&json!(" lead")), "' lead'\n");
    }

    #[test]
    fn layout_matches_go_yaml() {
        // `n` is YAML 1.1's "no", so go-yaml quotes it even as a key.
        let v = json!({"spec": {"list": ["a", "b"], "text": "one\ntwo", "n": 3, "b": false},
                       "apiVersion": "v1"});
        assert_eq!(
            to_go_yaml(&v),
            "apiVersion: v1\nspec:\n  b: false\n  list:\n  - a\n  - b\n  \"n\": 3\n  text: |-\n    one\n    two\n"
        );
        assert_eq!(export_document(&json!({"a": "b"})), "---\na: b\n");
    }

    #[test]
    fn key_order_is_go_yamls() {
        let owned: Vec<String> = ["b", "a10", "a9", "B", "_x", "a", "a.b", "a-b"]
            .map(String::from)
            .to_vec();
        let mut keys: Vec<&String> = owned.iter().collect();
        sort_keys(&mut keys);
        assert_eq!(keys, ["_x", "B", "a", "a-b", "a.b", "a9", "a10", "b"]);
        // Keys whose go-yaml order is a cycle, found by the yaml_emitter fuzz target: before
        // the fix Rust's sort panicked on them ("does not correctly implement a total order").
        let found: Value = serde_json::from_str(include_str!(
            "../../tests/fuzz/seeds/yaml_emitter/key-order-cycle.json"
        ))
        .unwrap();
        let yaml = to_go_yaml(&found);
        let back: Value = serde_yaml::from_str(&yaml).unwrap();
        assert_eq!(back["list"], found["list"]);
        assert_eq!(
            back["a~piVersi"].as_object().unwrap().len(),
            found["a~piVersi"].as_object().unwrap().len()
        );
    }

    #[test]
    fn floats_format_like_go() {
        assert_eq!(go_float(1.5), "1.5");
        assert_eq!(go_float(1e21), "1e+21");
        assert_eq!(go_float(1e6), "1e+06");
        assert_eq!(go_float(1234567.0), "1.234567e+06");
        assert_eq!(go_float(100000.0), "100000");
        assert_eq!(go_float(0.0001), "0.0001");
        assert_eq!(go_float(0.00001), "1e-05");
        assert_eq!(go_float(-250.0), "-250");
    }
}
