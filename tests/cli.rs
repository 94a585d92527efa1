//! The command tree: help for every command (snapshots), version and completion.

mod common;
use common::floe;

/// Every command path in the tree, e.g. ["create", "source", "git"].
fn command_paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut path = prefix.clone();
        path.push(sub.get_name().to_string());
        command_paths(sub, path, out);
    }
}

#[test]
fn help_of_every_command_matches_its_snapshot() {
    let mut root = floe::cli::command().term_width(100);
    root.build();
    let mut paths = Vec::new();
    command_paths(&root, Vec::new(), &mut paths);
    assert!(
        paths.len() >= 10,
        "the tree has create source git|helm|oci|bucket, create sync, ...: {paths:?}"
    );
    for path in paths {
        let mut cmd = root.clone();
        for name in &path {
            cmd = cmd.find_subcommand(name).unwrap().clone();
        }
        let help = cmd.render_long_help().to_string();
        let leaf = cmd.get_subcommands().next().is_none();
        if leaf && !path.is_empty() {
            assert!(
                help.contains("Examples:"),
                "floe {} --help has an example",
                path.join(" ")
            );
        }
        let name = if path.is_empty() {
            "floe".to_string()
        } else {
            format!("floe_{}", path.join("_"))
        };
        insta::assert_snapshot!(name, help);
    }
}

#[test]
fn help_from_the_binary_goes_to_stdout_and_succeeds() {
    floe()
        .args(["create", "source", "git", "--help"])
        .assert()
        .success()
        .stdout(predicates::str::contains("--tag-semver <RANGE>"))
        .stdout(predicates::str::contains("floe create source git podinfo"));
    floe()
        .args(["create", "kustomization", "--help"])
        .assert()
        .success()
        .stdout(predicates::str::contains("--source <SOURCE>"));
}

#[test]
fn version_prints_floe_and_flux_versions() {
    let expected = format!(
        "floe: v{}\nflux: {}\n",
        env!("CARGO_PKG_VERSION"),
        floe::DEFAULT_FLUX_VERSION
    );
    floe()
        .args(["version", "--client"])
        .assert()
        .success()
        .stdout(expected);
    let out = floe()
        .args(["version", "--client", "-o", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["floe"], format!("v{}", env!("CARGO_PKG_VERSION")));
    floe()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("floe {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn completion_prints_a_script_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_floe()"),
        ("zsh", "#compdef floe"),
        ("fish", "complete -c floe"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[floe]"),
    ] {
        let out = floe().args(["completion", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell} completion has {marker}");
        // clap_complete's fish generator covers two levels of subcommands, not the flags of
        // `create source git`; the other shells complete the whole tree.
        let nested = if shell == "fish" {
            "Create or update a GitRepository source"
        } else {
            "tag-semver"
        };
        assert!(
            script.contains(nested),
            "{shell} completion knows nested commands"
        );
    }
}

#[test]
fn bash_completion_loads_in_a_real_bash() {
    let script = floe().args(["completion", "bash"]).output().unwrap().stdout;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("floe.bash");
    std::fs::write(&path, script).unwrap();
    let status = std::process::Command::new("bash")
        .args([
            "-c",
            &format!("source '{}' && complete -p floe", path.display()),
        ])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(String::from_utf8_lossy(&status.stdout).contains("floe"));
}
