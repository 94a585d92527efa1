//! completions/ and man/ are generated from the clap tree; this fails when the committed
//! copies are stale. `scripts/generate.sh` (FLOE_REGENERATE=1) rewrites them.

use clap_complete::Shell;
use std::path::{Path, PathBuf};

fn generated() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for (shell, file) in [
        (Shell::Bash, "floe.bash"),
        (Shell::Zsh, "_floe"),
        (Shell::Fish, "floe.fish"),
        (Shell::PowerShell, "_floe.ps1"),
        (Shell::Elvish, "floe.elv"),
    ] {
        let script = floe::cli::completion::script(shell).unwrap();
        files.push((PathBuf::from("completions").join(file), script.into_bytes()));
    }
    let mut root = floe::cli::command();
    root.build();
    man_pages(&root, "floe", &mut files);
    files
}

/// One page per command: floe.1, floe-create.1, floe-create-source-git.1, ...
fn man_pages(cmd: &clap::Command, name: &str, files: &mut Vec<(PathBuf, Vec<u8>)>) {
    let page = cmd
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "));
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf).unwrap();
    files.push((PathBuf::from("man").join(format!("{name}.1")), buf));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files);
    }
}

#[test]
fn committed_completions_and_man_pages_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = generated();
    if std::env::var_os("FLOE_REGENERATE").is_some() {
        for dir in ["completions", "man"] {
            let _ = std::fs::remove_dir_all(root.join(dir));
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        for (path, content) in &files {
            std::fs::write(root.join(path), content).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (path, content) in &files {
        if std::fs::read(root.join(path)).ok().as_deref() != Some(content.as_slice()) {
            stale.push(path.display().to_string());
        }
    }
    for dir in ["completions", "man"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let rel = Path::new(dir).join(entry.unwrap().file_name());
            if !files.iter().any(|(p, _)| *p == rel) {
                stale.push(format!("{} (no longer generated)", rel.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files, run scripts/generate.sh: {stale:?}"
    );
    assert!(
        files
            .iter()
            .any(|(p, _)| p.ends_with("floe-create-source-git.1"))
    );
}

/// The Homebrew formula (scripts/formula.sh) installs generated files that exist, from the
/// paths the generator writes (tests/offline/release.rs installs it from a built release).
#[test]
fn homebrew_formula_installs_the_generated_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let formula = std::fs::read_to_string(root.join("scripts/formula.sh")).unwrap();
    for file in [
        "completions/floe.bash",
        "completions/_floe",
        "completions/floe.fish",
    ] {
        assert!(
            formula.contains(&format!("\"{file}\"")),
            "formula installs {file}"
        );
        assert!(root.join(file).is_file(), "{file} exists");
    }
    assert!(formula.contains("man1.install Dir[\"man/*.1\"]"));
    assert!(root.join("man/floe.1").is_file());
}
