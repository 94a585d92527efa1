//! The command tree: help for every command (snapshots), version and completion.

use crate::common;
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
    // Built from this checkout: the commit is HEAD's (scripts/build.rs), the date a real day.
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let head = String::from_utf8(head.stdout).unwrap().trim().to_string();
    assert_eq!(head.len(), 12, "the suite runs in a Git checkout");
    let out = floe().args(["version", "--client"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0], format!("floe: v{}", env!("CARGO_PKG_VERSION")));
    assert_eq!(lines[1], format!("commit: {head}"));
    let built = lines[2].strip_prefix("built: ").expect(&text);
    assert!(
        jiff::civil::Date::strptime("%Y-%m-%d", built).is_ok(),
        "{built}"
    );
    assert_eq!(lines[3], format!("flux: {}", floe::DEFAULT_FLUX_VERSION));
    let out = floe()
        .args(["version", "--client", "-o", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["floe"], format!("v{}", env!("CARGO_PKG_VERSION")));
    assert_eq!(doc["commit"], head);
    assert_eq!(doc["built"], built);
    floe()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("floe {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn completion_prints_a_script_for_each_shell() {
    for (shell, marker) in [
        (
            "bash",
            "complete -o nospace -o bashdefault -o nosort -F _clap_complete_floe floe",
        ),
        ("zsh", "#compdef floe"),
        ("fish", "complete --keep-order --exclusive --command floe"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[floe]"),
    ] {
        let out = floe().args(["completion", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains(marker),
            "{shell} completion has {marker}:\n{script}"
        );
        // The script asks floe itself for every completion.
        assert!(
            script.contains(&format!("COMPLETE=\"{shell}\""))
                || script.contains(&format!("COMPLETE={shell}"))
                || script.contains(&format!("COMPLETE = \"{shell}\""))
                || script.contains(&format!("$env:COMPLETE = \"{shell}\"")),
            "{shell} completion calls floe with COMPLETE:\n{script}"
        );
    }
}

/// What floe answers when a shell asks it to complete `words` (fish's protocol: one
/// candidate per line, a tab before its description).
fn complete_fish(words: &[&str]) -> Vec<String> {
    let out = floe()
        .env("COMPLETE", "fish")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

#[test]
fn completion_covers_the_whole_tree_and_its_flags_in_fish() {
    // Three levels deep, flags included: what the static fish script could not complete.
    let flags = complete_fish(&["floe", "create", "source", "git", "podinfo", "--tag"]);
    assert!(flags.contains(&"--tag-semver".to_string()), "{flags:?}");
    let kinds = complete_fish(&["floe", "reconcile", "h"]);
    assert!(kinds.contains(&"helmrelease".to_string()), "{kinds:?}");
    let sources = complete_fish(&["floe", "get", "sources", ""]);
    for word in ["git", "helm", "oci", "bucket", "chart", "all"] {
        assert!(sources.contains(&word.to_string()), "{word} in {sources:?}");
    }
    let hr = complete_fish(&["floe", "create", "helmrelease", "podinfo", "--chart-"]);
    assert!(hr.contains(&"--chart-version".to_string()), "{hr:?}");
}

#[test]
fn completion_of_object_names_is_silent_without_a_cluster() {
    let dir = tempfile::tempdir().unwrap();
    let out = floe()
        .env("COMPLETE", "fish")
        .env("KUBECONFIG", dir.path().join("missing"))
        .args(["--", "floe", "reconcile", "hr", ""])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let words = String::from_utf8(out.stdout).unwrap();
    // Flags only: no names, no error text.
    assert!(words.lines().all(|l| l.starts_with("--")), "{words}");
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

fn shell_available(shell: &str) -> bool {
    std::process::Command::new(shell)
        .arg("-c")
        .arg("true")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `script` in a real `shell` with `floe` first on PATH (the completion scripts call floe
/// by name), no KUBECONFIG and a scratch HOME.
fn in_shell(shell: &str, script: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_floe"), dir.path().join("floe")).unwrap();
    let path = format!(
        "{}:{}",
        dir.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    std::process::Command::new(shell)
        .env("PATH", path)
        .env("HOME", dir.path())
        .env_remove("KUBECONFIG")
        .arg("-c")
        .arg(script)
        .output()
        .unwrap()
}

#[test]
fn fish_completes_nested_flags_and_kinds_with_the_printed_script() {
    if !common::require(shell_available("fish"), "fish (the fish shell)") {
        return;
    }
    let out = in_shell(
        "fish",
        "floe completion fish | source; \
         complete -C 'floe create source git x --tag'; \
         complete -C 'floe reconcile h'; \
         complete -C 'floe create hr x --values-'",
    );
    let words: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    for expected in ["--tag-semver", "helmrelease", "--values-from"] {
        assert!(
            words.contains(&expected.to_string()),
            "fish completes {expected}: {words:?} {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn zsh_loads_the_completion_script() {
    if !common::require(shell_available("zsh"), "zsh") {
        return;
    }
    let out = in_shell(
        "zsh",
        "autoload -U compinit && compinit -u && source <(floe completion zsh) && print -r -- ${_comps[floe]}",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&out.stdout).trim().is_empty(),
        "zsh registered a completer for floe"
    );
}

/// An exec plugin that never answers must not hold the shell: completion gives up on the
/// cluster and offers the flags alone (the plugin sleeps far longer than the 20 s allowed here).
#[test]
fn completion_of_names_gives_up_on_a_hanging_exec_plugin() {
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("config");
    std::fs::write(
        &kubeconfig,
        "apiVersion: v1\nkind: Config\ncurrent-context: c\n\
         clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]\n\
         contexts: [{name: c, context: {cluster: c, user: u}}]\n\
         users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: sleep, args: ['600'], interactiveMode: Never}}}]\n",
    )
    .unwrap();
    let out = std::process::Command::new("timeout")
        .args(["20", env!("CARGO_BIN_EXE_floe")])
        .env("COMPLETE", "fish")
        .env("KUBECONFIG", &kubeconfig)
        .args(["--", "floe", "reconcile", "sync", ""])
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    let words = String::from_utf8(out.stdout).unwrap();
    assert!(words.lines().all(|l| l.starts_with("--")), "{words}");
}

/// flux's `--ns-follows-kube-context` (or `FLUX_NS_FOLLOWS_KUBE_CONTEXT`): the kubeconfig
/// context's namespace when `-n` is not given; `-n` and `FLOE_NAMESPACE` still win; without
/// the flag the default stays flux-system. Read from the kubeconfig alone (an export contacts
/// no cluster).
#[test]
fn the_namespace_follows_the_kube_context_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("config");
    std::fs::write(
        &kubeconfig,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\ncontexts:\n- name: dev\n  context:\n    cluster: c\n    user: u\n    namespace: apps\n- name: bare\n  context:\n    cluster: c\n    user: u\ncurrent-context: dev\nusers:\n- name: u\n  user:\n    token: t\n",
    )
    .unwrap();
    let namespace = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = floe();
        cmd.env("KUBECONFIG", &kubeconfig)
            .env_remove("FLUX_NS_FOLLOWS_KUBE_CONTEXT")
            .args([
                "create",
                "source",
                "git",
                "app",
                "--url=https://github.com/o/r",
            ])
            .args(["--branch=main", "--export"])
            .args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines()
            .find_map(|l| l.trim().strip_prefix("namespace: ").map(str::to_string))
            .unwrap()
    };
    assert_eq!(namespace(&[], &[]), "flux-system");
    assert_eq!(namespace(&["--ns-follows-kube-context"], &[]), "apps");
    assert_eq!(
        namespace(&[], &[("FLUX_NS_FOLLOWS_KUBE_CONTEXT", "true")]),
        "apps"
    );
    assert_eq!(
        namespace(&["--ns-follows-kube-context", "-n", "other"], &[]),
        "other"
    );
    assert_eq!(
        namespace(
            &["--ns-follows-kube-context"],
            &[("FLOE_NAMESPACE", "team")]
        ),
        "team"
    );
    // A context without a namespace: the default.
    assert_eq!(
        namespace(&["--ns-follows-kube-context", "--context=bare"], &[]),
        "flux-system"
    );
}
