//! The release path (docs/decisions.md, "Release artefacts"), tested on the artefacts
//! scripts/release.sh built for this machine (scripts/test.sh builds them unoptimised and sets
//! `FLOE_RELEASE_DIR`), served from 127.0.0.1 as GitHub serves a release: the archive's contents
//! and checksums, cargo-binstall's metadata, the one-line installer, the Homebrew formula, the
//! GitHub Action's step, the release workflows (actionlint, and cargo-dist's own staleness
//! check), and floe's GitHub Actions annotations.
//!
//! Simulated: Homebrew (tests/data/release/homebrew.rb runs the formula's `install` and `test`
//! blocks with a stand-in of its DSL) and the Actions runner (the action's step runs with the
//! environment a runner sets). Real: cargo-dist's archive and installer, curl, sh, tar, Ruby's
//! parser, actionlint.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{floe, require};

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The release scripts/release.sh built, or `None` (skipped, or failed under CI=true).
fn release() -> Option<PathBuf> {
    let dir = std::env::var_os("FLOE_RELEASE_DIR").map(PathBuf::from);
    let available = dir.as_ref().is_some_and(|d| d.join("sha256.sum").is_file());
    require(
        available,
        "FLOE_RELEASE_DIR (the artefacts of scripts/release.sh --fast, built by scripts/test.sh)",
    )
    .then(|| dir.unwrap())
}

fn host() -> String {
    let out = Command::new("rustc").arg("-vV").output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .unwrap()
}

fn archive_name() -> String {
    format!("floe-{}.tar.xz", host())
}

fn sha256_hex(path: &Path) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(std::fs::read(path).unwrap());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A release served over HTTP on 127.0.0.1 at GitHub's paths:
/// `/releases/download/v<version>/<file>` and `/releases/latest/download/<file>`, both from
/// `dir` (read at each request, so a test may alter a file). Returns `http://127.0.0.1:PORT`.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten().take(256) {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let mut request = String::new();
                if BufReader::new(&stream).read_line(&mut request).is_err() {
                    return;
                }
                let path = request.split_whitespace().nth(1).unwrap_or_default();
                let file = [
                    format!("/releases/download/v{VERSION}/"),
                    "/releases/latest/download/".to_string(),
                ]
                .iter()
                .find_map(|prefix| path.strip_prefix(prefix.as_str()))
                .filter(|name| !name.contains('/') && !name.starts_with('.'))
                .and_then(|name| std::fs::read(dir.join(name)).ok());
                let _ = match file {
                    Some(body) => {
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        );
                        stream
                            .write_all(head.as_bytes())
                            .and_then(|_| stream.write_all(&body))
                    }
                    None => stream.write_all(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    ),
                };
            });
        }
    });
    format!("http://127.0.0.1:{port}")
}

/// A copy of the release whose archive has one byte changed.
fn tampered(release: &Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(release).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), copy.path().join(entry.file_name())).unwrap();
        }
    }
    let archive = copy.path().join(archive_name());
    let mut bytes = std::fs::read(&archive).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&archive, bytes).unwrap();
    copy
}

#[test]
fn the_archive_holds_floe_completions_man_pages_readme_and_licence_with_its_checksum() {
    let Some(release) = release() else { return };
    let archive = release.join(archive_name());
    let top = format!("floe-{}", host());
    let listing = Command::new("tar")
        .arg("-tJf")
        .arg(&archive)
        .output()
        .unwrap();
    assert!(listing.status.success(), "{}", text(&listing.stderr));
    let listing = text(&listing.stdout);
    for file in [
        "floe",
        "README.md",
        "LICENSE",
        "completions/floe.bash",
        "completions/_floe",
        "completions/floe.fish",
        "man/floe.1",
        "man/floe-bootstrap-github.1",
    ] {
        assert!(
            listing.lines().any(|l| l == format!("{top}/{file}")),
            "{file} is not in {}:\n{listing}",
            archive.display()
        );
    }
    // Its checksum file and sha256.sum both give the archive's SHA-256.
    let sum = sha256_hex(&archive);
    let own = std::fs::read_to_string(release.join(format!("{}.sha256", archive_name()))).unwrap();
    assert_eq!(own.split_whitespace().next(), Some(sum.as_str()), "{own}");
    let all = std::fs::read_to_string(release.join("sha256.sum")).unwrap();
    assert!(
        all.lines()
            .any(|l| l.starts_with(&sum) && l.ends_with(&archive_name())),
        "{all}"
    );
    // The executable in it is this version, and names the commit it was built from.
    let unpacked = tempfile::tempdir().unwrap();
    let status = Command::new("tar")
        .arg("-xJf")
        .arg(&archive)
        .arg("-C")
        .arg(unpacked.path())
        .status()
        .unwrap();
    assert!(status.success());
    let out = Command::new(unpacked.path().join(&top).join("floe"))
        .args(["version", "--client", "-o", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["floe"], format!("v{VERSION}"));
    assert_eq!(doc["commit"].as_str().map(str::len), Some(12), "{doc}");

    // On Linux the executable links glibc statically (no dynamic loader at every start), and
    // still resolves host names: a kubeconfig naming localhost at a closed port fails on the
    // refused connection, not on the lookup.
    if cfg!(target_os = "linux") {
        let exe = unpacked.path().join(&top).join("floe");
        let ldd = Command::new("ldd").arg(&exe).output().unwrap();
        let said = format!("{}{}", text(&ldd.stdout), text(&ldd.stderr));
        assert!(
            said.contains("not a dynamic executable") || said.contains("statically linked"),
            "{said}"
        );
        let kubeconfig = unpacked.path().join("kubeconfig");
        std::fs::write(
            &kubeconfig,
            format!(
                "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://localhost:{}\ncontexts:\n- name: c\n  context:\n    cluster: c\ncurrent-context: c\n",
                crate::common::free_port()
            ),
        )
        .unwrap();
        let out = Command::new(&exe)
            .args(["get", "syncs", "--timeout=10s"])
            .env("KUBECONFIG", &kubeconfig)
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("Connection refused"), "{stderr}");
    }
}

/// Cargo.toml's `[package.metadata.binstall]` value of `key`.
fn binstall(key: &str) -> String {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let section = manifest
        .split("[package.metadata.binstall]")
        .nth(1)
        .expect("Cargo.toml has [package.metadata.binstall]");
    section
        .lines()
        .take_while(|l| !l.starts_with('['))
        .find_map(|l| l.strip_prefix(&format!("{key} = \"")))
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or_else(|| panic!("[package.metadata.binstall] has no {key}"))
        .to_string()
}

#[test]
fn cargo_binstall_metadata_names_the_archive_the_release_built() {
    let Some(release) = release() else { return };
    let fill = |template: &str| {
        template
            .replace("{ repo }", "https://github.com/floe-cli/floe")
            .replace("{ version }", VERSION)
            .replace("{ target }", &host())
            .replace("{ archive-suffix }", ".tar.xz")
            .replace("{ bin }", "floe")
            .replace("{ binary-ext }", "")
    };
    assert_eq!(binstall("pkg-fmt"), "txz");
    let url = fill(&binstall("pkg-url"));
    assert_eq!(
        url,
        format!(
            "https://github.com/floe-cli/floe/releases/download/v{VERSION}/{}",
            archive_name()
        )
    );
    assert!(release.join(archive_name()).is_file());
    let listing = Command::new("tar")
        .arg("-tJf")
        .arg(release.join(archive_name()))
        .output()
        .unwrap();
    let bin = fill(&binstall("bin-dir"));
    assert!(
        text(&listing.stdout).lines().any(|l| l == bin),
        "{bin} is not in the archive"
    );
}

/// Runs the installer as its one-line form does, `curl -LsSf URL | sh`, with `home` as HOME.
fn run_installer(base: &str, home: &Path, extra: &[(&str, &str)]) -> Output {
    let download = format!("{base}/releases/download/v{VERSION}");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("curl -LsSf {download}/floe-installer.sh | sh"))
        .env("HOME", home)
        .env("FLOE_DOWNLOAD_URL", &download)
        .env("SHELL", "/bin/bash")
        .env_remove("XDG_BIN_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("FLOE_INSTALL_DIR")
        .env_remove("CARGO_HOME");
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn the_one_line_installer_installs_the_archive_checks_its_sum_and_says_how_to_reach_it() {
    let Some(release) = release() else { return };
    let base = serve(release.clone());
    let home = tempfile::tempdir().unwrap();
    let out = run_installer(&base, home.path(), &[]);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{said}");
    let installed = home.path().join(".local/bin/floe");
    let version = Command::new(&installed)
        .args(["version", "--client"])
        .output()
        .unwrap();
    assert!(
        text(&version.stdout).starts_with(&format!("floe: v{VERSION}\n")),
        "{}",
        text(&version.stdout)
    );
    // What to add to PATH, when the directory is not on it.
    assert!(said.contains("to your PATH"), "{said}");
    assert!(said.contains(".local/bin"), "{said}");

    // FLOE_INSTALL_DIR chooses the directory.
    let elsewhere = tempfile::tempdir().unwrap();
    let dir = elsewhere.path().join("tools");
    let out = run_installer(
        &base,
        home.path(),
        &[("FLOE_INSTALL_DIR", dir.to_str().unwrap())],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        dir.join("floe").is_file(),
        "floe not installed in {}",
        dir.display()
    );
}

#[test]
fn the_installer_refuses_an_archive_that_does_not_match_its_checksum() {
    let Some(release) = release() else { return };
    let altered = tampered(&release);
    let base = serve(altered.path().to_path_buf());
    let home = tempfile::tempdir().unwrap();
    let out = run_installer(&base, home.path(), &[]);
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(
        !out.status.success(),
        "a tampered archive was accepted:\n{said}"
    );
    assert!(said.contains("checksum mismatch"), "{said}");
    assert!(
        !home.path().join(".local/bin/floe").exists(),
        "a tampered floe was installed"
    );
}

/// The formula's `url` and `sha256` pairs.
fn formula_archives(formula: &str) -> Vec<(String, String)> {
    let quoted = |line: &str, word: &str| {
        line.trim()
            .strip_prefix(word)
            .map(|rest| rest.trim().trim_matches('"').to_string())
    };
    let urls: Vec<String> = formula.lines().filter_map(|l| quoted(l, "url ")).collect();
    let sums: Vec<String> = formula
        .lines()
        .filter_map(|l| quoted(l, "sha256 "))
        .collect();
    assert_eq!(urls.len(), sums.len(), "{formula}");
    urls.into_iter().zip(sums).collect()
}

#[test]
fn the_homebrew_formula_names_each_archive_with_its_sum_and_its_test_passes_on_the_install() {
    let Some(release) = release() else { return };
    let formula = release.join("floe.rb");
    let body = std::fs::read_to_string(&formula).unwrap();
    let archives = formula_archives(&body);
    assert!(!archives.is_empty(), "{body}");
    for (url, sum) in &archives {
        let name = url
            .strip_prefix(&format!(
                "https://github.com/floe-cli/floe/releases/download/v{VERSION}/"
            ))
            .unwrap_or_else(|| panic!("{url} is not this release's"));
        assert_eq!(&sha256_hex(&release.join(name)), sum, "{name}");
    }
    assert!(body.contains(&format!("version \"{VERSION}\"")), "{body}");
    let syntax = Command::new("ruby").arg("-c").arg(&formula).output();
    let Ok(syntax) = syntax else {
        assert!(require(false, "ruby (Debian package ruby)"));
        return;
    };
    assert!(syntax.status.success(), "{}", text(&syntax.stderr));

    // Installed and tested with the Homebrew stand-in.
    let prefix = tempfile::tempdir().unwrap();
    let out = Command::new("ruby")
        .arg(root().join("tests/data/release/homebrew.rb"))
        .arg(&formula)
        .arg(&release)
        .arg(prefix.path())
        .output()
        .unwrap();
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}{}", text(&out.stderr));
    assert!(
        said.contains(&format!("url {}", archives_for_host(&archives))),
        "{said}"
    );
    assert!(said.ends_with("test passed\n"), "{said}");
    for file in [
        "bin/floe",
        "etc/bash_completion.d/floe",
        "share/zsh/site-functions/_floe",
        "share/fish/vendor_completions.d/floe.fish",
        "share/man/man1/floe.1",
        "share/man/man1/floe-diff.1",
    ] {
        assert!(prefix.path().join(file).is_file(), "{file} not installed");
    }
}

fn archives_for_host(archives: &[(String, String)]) -> String {
    archives
        .iter()
        .map(|(url, _)| url.clone())
        .find(|url| url.ends_with(&archive_name()))
        .expect("the formula names this machine's archive")
}

/// The runner's names for this machine.
fn runner_os_arch() -> (&'static str, &'static str) {
    let os = if cfg!(target_os = "macos") {
        "macOS"
    } else {
        "Linux"
    };
    let arch = if cfg!(target_arch = "aarch64") {
        "ARM64"
    } else {
        "X64"
    };
    (os, arch)
}

struct Step {
    out: Output,
    path: String,
    output: String,
}

/// Runs the action's step as the runner does: `${{ inputs.X }}` filled from `inputs` or the
/// input's default, the step's `env`, and the variables a runner sets (files for
/// GITHUB_PATH and GITHUB_OUTPUT).
fn run_action(base: &str, inputs: &[(&str, &str)], runner: &[(&str, &str)]) -> Step {
    let action: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root().join("action/action.yml")).unwrap())
            .unwrap();
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    assert_eq!(steps.len(), 1, "one step: the install script");
    let step = &steps[0];
    assert_eq!(step["shell"].as_str(), Some("bash"));
    let fill = |value: &str| {
        let mut value = value.to_string();
        for (name, spec) in action["inputs"].as_mapping().unwrap() {
            let name = name.as_str().unwrap();
            let given = inputs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
                .unwrap_or_else(|| spec["default"].as_str().unwrap_or_default().to_string());
            value = value.replace(&format!("${{{{ inputs.{name} }}}}"), &given);
        }
        assert!(!value.contains("${{"), "unfilled expression in {value}");
        value
    };
    let temp = tempfile::tempdir().unwrap().keep();
    let github_path = temp.join("github_path");
    let github_output = temp.join("github_output");
    std::fs::write(&github_path, "").unwrap();
    std::fs::write(&github_output, "").unwrap();
    let (os, arch) = runner_os_arch();
    let mut cmd = Command::new("bash");
    cmd.arg("-e")
        .arg("-c")
        .arg(fill(step["run"].as_str().unwrap()))
        .env("GITHUB_ACTION_PATH", root().join("action"))
        .env("RUNNER_OS", os)
        .env("RUNNER_ARCH", arch)
        .env("RUNNER_TEMP", &temp)
        .env("GITHUB_PATH", &github_path)
        .env("GITHUB_OUTPUT", &github_output)
        .env("GITHUB_ACTIONS", "true")
        .env("FLOE_RELEASES_URL", format!("{base}/releases"));
    for (k, v) in step["env"].as_mapping().unwrap() {
        cmd.env(k.as_str().unwrap(), fill(v.as_str().unwrap()));
    }
    for (k, v) in runner {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    Step {
        out,
        path: std::fs::read_to_string(&github_path).unwrap(),
        output: std::fs::read_to_string(&github_output).unwrap(),
    }
}

#[test]
fn the_github_action_installs_floe_for_the_runner_and_puts_it_on_path() {
    let Some(release) = release() else { return };
    let base = serve(release.clone());
    for version in ["latest", VERSION, &format!("v{VERSION}")] {
        let step = run_action(&base, &[("version", version)], &[]);
        assert!(
            step.out.status.success(),
            "{version}: {}{}",
            text(&step.out.stdout),
            text(&step.out.stderr)
        );
        let dir = PathBuf::from(step.path.trim_end());
        let version_out = Command::new(dir.join("floe"))
            .args(["version", "--client"])
            .output()
            .unwrap();
        assert!(text(&version_out.stdout).starts_with(&format!("floe: v{VERSION}\n")));
        assert!(
            step.output.contains(&format!(
                "version=v{VERSION}\npath={}\n",
                dir.join("floe").display()
            )),
            "{}",
            step.output
        );
    }
    // install-dir chooses the directory.
    let chosen = tempfile::tempdir().unwrap();
    let step = run_action(
        &base,
        &[("install-dir", chosen.path().to_str().unwrap())],
        &[],
    );
    assert!(step.out.status.success(), "{}", text(&step.out.stdout));
    assert_eq!(step.path, format!("{}\n", chosen.path().display()));
    assert!(chosen.path().join("floe").is_file());
}

#[test]
fn the_github_action_refuses_a_tampered_archive_and_an_unknown_runner_in_one_annotation() {
    let Some(release) = release() else { return };
    let altered = tampered(&release);
    let base = serve(altered.path().to_path_buf());
    let step = run_action(&base, &[], &[]);
    assert_eq!(step.out.status.code(), Some(1));
    let said = text(&step.out.stdout);
    assert!(
        said.starts_with("::error title=Set up floe::")
            && said.contains("does not match its published SHA-256 checksum")
            && said.contains("nothing was installed"),
        "{said}"
    );
    assert_eq!(step.path, "", "nothing added to PATH");

    let step = run_action(&base, &[], &[("RUNNER_OS", "Windows")]);
    assert_eq!(step.out.status.code(), Some(1));
    assert!(
        text(&step.out.stdout).contains("RUNNER_OS='Windows': Linux and macOS runners"),
        "{}",
        text(&step.out.stdout)
    );
    let step = run_action(&base, &[("version", "1.0;rm -rf /")], &[]);
    assert_eq!(step.out.status.code(), Some(1));
    assert!(
        text(&step.out.stdout).contains("is not a release: give latest, 0.1.0 or v0.1.0"),
        "{}",
        text(&step.out.stdout)
    );
}

/// actionlint, built by scripts/test.sh from its Go module (`FLOE_ACTIONLINT`).
fn actionlint() -> Option<PathBuf> {
    let path = std::env::var_os("FLOE_ACTIONLINT").map(PathBuf::from);
    require(
        path.as_ref().is_some_and(|p| p.is_file()),
        "FLOE_ACTIONLINT (actionlint, built by scripts/test.sh)",
    )
    .then(|| path.unwrap())
}

#[test]
fn the_workflows_and_the_readme_example_pass_actionlint() {
    let Some(actionlint) = actionlint() else {
        return;
    };
    // The README's example workflow, as a workflow file of its own.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let example = readme
        .split("```yaml\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap())
        .find(|block| block.contains("floe-cli/floe/action@"))
        .expect("the README has an example workflow using the action");
    let scratch = tempfile::tempdir().unwrap();
    let workflows = scratch.path().join(".github/workflows");
    std::fs::create_dir_all(&workflows).unwrap();
    std::fs::write(workflows.join("readme-example.yml"), example).unwrap();
    // actionlint lints the workflows of the Git repository it runs in.
    let init = Command::new("git")
        .args(["init", "-q"])
        .current_dir(scratch.path())
        .status()
        .unwrap();
    assert!(init.success());
    for dir in [root(), scratch.path().to_path_buf()] {
        let out = Command::new(&actionlint)
            .arg("-no-color")
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "actionlint in {}:\n{}{}",
            dir.display(),
            text(&out.stdout),
            text(&out.stderr)
        );
    }
}

#[test]
fn the_release_workflow_is_the_one_cargo_dist_generates_from_cargo_toml() {
    let dist = std::env::var_os("FLOE_DIST").map(PathBuf::from);
    if !require(
        dist.as_ref().is_some_and(|p| p.is_file()),
        "FLOE_DIST (cargo-dist, built by scripts/release.sh)",
    ) {
        return;
    }
    let out = Command::new(dist.unwrap())
        .args(["generate", "--mode", "ci", "--check"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "run `dist generate` and commit .github/workflows/release.yml:\n{}",
        text(&out.stderr)
    );
}

#[test]
fn a_failure_in_github_actions_is_an_annotation_and_a_summary_and_nothing_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let kubeconfig = dir.path().join("kubeconfig");
    // A cluster nothing answers for, at an address with credentials to redact.
    let port = crate::common::free_port();
    std::fs::write(
        &kubeconfig,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:{port}\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: not-a-secret-to-show\n"
        ),
    )
    .unwrap();
    let (out, written) = crate::common::in_github_actions(
        floe()
            .args(["get", "syncs", "--timeout=5s"])
            .env("KUBECONFIG", &kubeconfig),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let annotation = stderr
        .lines()
        .find(|l| l.starts_with("::error title=floe get failed::"))
        .unwrap_or_else(|| panic!("no annotation in:\n{stderr}"));
    let error = stderr
        .lines()
        .find_map(|l| l.strip_prefix("error: "))
        .unwrap();
    assert_eq!(
        annotation,
        format!(
            "::error title=floe get failed::{}",
            error.replace('%', "%25")
        )
    );
    assert!(!stderr.contains("not-a-secret-to-show"));
    assert!(out.stdout.is_empty(), "annotations stay off stdout");
    assert!(
        written.starts_with(
            "### floe get failed\n\n| COMMAND | ERROR |\n| --- | --- |\n| floe get | "
        ),
        "{written}"
    );

    // Elsewhere (another CI system, a terminal): the error line only.
    let out = floe()
        .args(["get", "syncs", "--timeout=5s"])
        .env("KUBECONFIG", &kubeconfig)
        .env("CI", "true")
        .env_remove("GITHUB_ACTIONS")
        .env("GITHUB_STEP_SUMMARY", dir.path().join("other.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out.stderr).contains("::error"));
    assert!(!dir.path().join("other.md").exists());
}
