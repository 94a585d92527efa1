//! The rules docs/decisions.md ("Layers") and README.md state about the code's shape, checked
//! on the source itself: the module graph has no cycle (between top-level modules, nor between
//! files), no domain module imports clap, the terminal UI or the output module, and no `match`
//! over `FluxKind` has a `_ =>` arm (a new kind must be a compile error wherever kinds are
//! matched, never a silent default). The source is read as text: `crate::` and `super::` paths
//! outside comment lines and test modules are the imports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every module file under src/, by module path (`cluster::wait`, `cli`), with its code: comment
/// lines and `#[cfg(test)]` modules left out.
fn modules() -> BTreeMap<String, (PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut modules = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        if parts == ["lib"] || parts == ["main"] {
            continue;
        }
        let text = without_test_modules(&std::fs::read_to_string(&file).unwrap());
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        modules.insert(parts.join("::"), (file, code));
    }
    modules
}

/// `text` without its `#[cfg(test)] mod … { … }` blocks, wherever they stand.
fn without_test_modules(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("#[cfg(test)]\nmod ") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(open) = after.find('{') else {
            return out;
        };
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The modules `module`'s code refers to (`crate::a::b`, `crate::a::{b, c}`, `super::b`),
/// each resolved to the longest module path it names; the module itself and its ancestors
/// left out.
fn imports(
    module: &str,
    code: &str,
    known: &BTreeMap<String, (PathBuf, String)>,
) -> BTreeSet<String> {
    static PATH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"\b(crate|super)::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)?(?:::)?(\{[^}]*\})?",
        )
        .unwrap()
    });
    let path = &*PATH;
    let resolve = |path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").collect();
        (1..=parts.len())
            .rev()
            .map(|n| parts[..n].join("::"))
            .find(|candidate| known.contains_key(candidate))
    };
    let parent: Vec<&str> = module.split("::").collect();
    let parent = parent[..parent.len() - 1].join("::");
    let mut out = BTreeSet::new();
    for found in path.captures_iter(code) {
        let root = match &found[1] {
            "crate" => String::new(),
            _ => parent.clone(),
        };
        let base = [root.as_str(), found.get(2).map_or("", |m| m.as_str())]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("::");
        let mut targets = vec![base.clone()];
        if let Some(group) = found.get(3) {
            for item in group.as_str().trim_matches(['{', '}']).split(',') {
                let item = item.split(" as ").next().unwrap().trim();
                if item.starts_with(|c: char| c.is_ascii_lowercase()) {
                    targets.push(
                        [base.as_str(), item]
                            .iter()
                            .filter(|p| !p.is_empty())
                            .copied()
                            .collect::<Vec<_>>()
                            .join("::"),
                    );
                }
            }
        }
        for target in targets {
            if let Some(resolved) = resolve(&target)
                && resolved != module
                && !module.starts_with(&format!("{resolved}::"))
            {
                out.insert(resolved);
            }
        }
    }
    out
}

/// The strongly connected components of more than one node (Tarjan's algorithm).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Tarjan<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, node: &'a str) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            for next in self.graph.get(node).into_iter().flatten() {
                let next = next.as_str();
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.stack.contains(&next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut component = Vec::new();
                loop {
                    let member = self.stack.pop().unwrap();
                    component.push(member.to_string());
                    if member == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut tarjan = Tarjan {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !tarjan.index.contains_key(node.as_str()) {
            tarjan.visit(node);
        }
    }
    tarjan.found
}

/// What each module file imports, and what each top-level module imports.
fn graphs(
    modules: &BTreeMap<String, (PathBuf, String)>,
) -> (
    BTreeMap<String, BTreeSet<String>>,
    BTreeMap<String, BTreeSet<String>>,
) {
    let files: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|(module, (_, code))| (module.clone(), imports(module, code, modules)))
        .collect();
    let top = |m: &str| m.split("::").next().unwrap().to_string();
    let mut tops: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, targets) in &files {
        let from = top(module);
        let entry = tops.entry(from.clone()).or_default();
        entry.extend(targets.iter().map(|t| top(t)).filter(|t| *t != from));
    }
    (files, tops)
}

#[test]
fn the_module_graph_has_no_cycle() {
    let (files, tops) = graphs(&modules());
    assert!(
        files.values().map(BTreeSet::len).sum::<usize>() > 100,
        "the imports were read: {files:?}"
    );
    assert_eq!(cycles(&tops), Vec::<Vec<String>>::new(), "{tops:#?}");
    assert_eq!(cycles(&files), Vec::<Vec<String>>::new());
}

#[test]
fn no_domain_module_imports_clap_the_terminal_ui_or_the_output_module() {
    let modules = modules();
    let (files, _) = graphs(&modules);
    let mut offenders = Vec::new();
    for (module, (file, code)) in &modules {
        if module == "cli" || module.starts_with("cli::") {
            continue;
        }
        for word in ["clap::", "indicatif::", "dialoguer::"] {
            if code.contains(word) {
                offenders.push(format!("{} uses {word}", file.display()));
            }
        }
        for target in &files[module] {
            if target == "cli" || target.starts_with("cli::") {
                offenders.push(format!("{} imports {target}", file.display()));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
    // The rule has something to hold: the terminal layer does use them.
    assert!(modules["cli::ui"].1.contains("indicatif::"));
}

/// The arms of every `match` block in `code`, as (pattern) strings: nested blocks are skipped,
/// a body runs to the `,` that ends it or through its `{ … }`.
fn match_patterns(code: &str) -> Vec<Vec<String>> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let keyword = regex::Regex::new(r"\bmatch\b").unwrap();
    for found in keyword.find_iter(code) {
        // The `{` that opens the arms: the first at bracket depth 0 after the scrutinee.
        let mut i = found.end();
        let mut depth = 0i32;
        while i < bytes.len() {
            match bytes[i] {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                b'{' if depth == 0 => break,
                b';' if depth == 0 => {
                    i = bytes.len();
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        if i >= bytes.len() {
            continue;
        }
        // The block's text at its own level, nested braces reduced to `{}`.
        let mut level = String::new();
        let mut braces = 0;
        for &b in &bytes[i + 1..] {
            match b {
                b'{' => {
                    if braces == 0 {
                        level.push('{');
                    }
                    braces += 1;
                }
                b'}' if braces == 0 => break,
                b'}' => {
                    braces -= 1;
                    if braces == 0 {
                        level.push('}');
                    }
                }
                _ if braces == 0 => level.push(b as char),
                _ => {}
            }
        }
        let mut patterns = Vec::new();
        let mut rest = level.as_str();
        while let Some(arrow) = rest.find("=>") {
            patterns.push(rest[..arrow].trim().to_string());
            let body = rest[arrow + 2..].trim_start();
            let mut depth = 0i32;
            let mut end = body.len();
            for (k, c) in body.char_indices() {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => depth -= 1,
                    ',' if depth == 0 => {
                        end = k + 1;
                        break;
                    }
                    '}' if depth == 0 && body[..k].trim() == "{" => {
                        end = k + 1;
                        break;
                    }
                    _ => {}
                }
            }
            rest = body[end..].trim_start().trim_start_matches(',');
        }
        out.push(patterns);
    }
    out
}

#[test]
fn no_match_over_flux_kinds_has_a_catch_all_arm() {
    let modules = modules();
    let mut over_kinds = 0;
    let mut offenders = Vec::new();
    for (file, code) in modules.values() {
        for patterns in match_patterns(code) {
            if !patterns.iter().any(|p| p.contains("FluxKind::")) {
                continue;
            }
            over_kinds += 1;
            if patterns.iter().any(|p| p == "_") {
                offenders.push(format!("{}: {patterns:?}", file.display()));
            }
        }
    }
    assert!(
        over_kinds >= 2,
        "the matches over kinds were found: {over_kinds}"
    );
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn test_modules_are_left_out_wherever_they_stand() {
    let text = "fn a() {}\n#[cfg(test)]\nmod tests {\n    fn t() { crate::x(); }\n}\nfn b() {}\n";
    assert_eq!(without_test_modules(text), "fn a() {}\n\nfn b() {}\n");
}

#[test]
fn the_match_reader_sees_arms_and_catch_alls() {
    let code = "fn f() { match k { FluxKind::A | FluxKind::B => { x(); } FluxKind::C => y(a, b), _ => z } }";
    assert_eq!(
        match_patterns(code),
        [["FluxKind::A | FluxKind::B", "FluxKind::C", "_"]]
    );
    let code = "match word { \"git\" => FluxKind::GitRepository, _ => return None };";
    assert_eq!(match_patterns(code), [["\"git\"", "_"]]);
}

#[test]
fn no_kind_is_looked_up_by_its_name_where_its_type_is_known() {
    // A typed resource knows its kind (`Registered::KIND`); a lookup by name that cannot fail
    // is a kind the registry should have given.
    let lookup = regex::Regex::new(r"FluxKind::named\([^)]*\)\s*\.expect\(").unwrap();
    let offenders: Vec<String> = modules()
        .values()
        .filter(|(_, code)| lookup.is_match(code))
        .map(|(file, _)| file.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn no_process_wide_mutable_state() {
    // A command's deadline, activity and scratch directories belong to its `lifecycle::Run`
    // (a task-local, or the thread's run), so two operations can run in one process; a static
    // holding a lock, an atomic or a cell would be shared by both. Immutable statics (compiled
    // regexes, a `Once` for process set-up) are fine.
    let per_thread = regex::Regex::new(r"(?s)(thread_local|task_local)!\s*\{.*?\n\}").unwrap();
    let shared = regex::Regex::new(
        r"\bstatic\s+(mut\s+)?[A-Z_0-9]+\s*:[^=;]*\b(Mutex|RwLock|Atomic[A-Za-z0-9]*|RefCell|Cell|OnceCell)\b",
    )
    .unwrap();
    let mut offenders = Vec::new();
    for (file, code) in modules().values() {
        let code = per_thread.replace_all(code, "");
        for found in shared.find_iter(&code) {
            offenders.push(format!("{}: {}", file.display(), found.as_str()));
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
    // The rule reads what it should: the statics lifecycle.rs had are caught.
    assert!(
        shared.is_match("static DEADLINE: Mutex<Option<(Instant, Duration)>> = Mutex::new(None);")
    );
}
