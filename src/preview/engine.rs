//! The kustomize executable floe builds with: `--kustomize PATH` (or `FLOE_KUSTOMIZE`), else
//! `kustomize` on PATH, else `kubectl kustomize`. floe does not reimplement kustomize; it runs
//! it with the options kustomize-controller builds with (no load restrictions, no plugins).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

/// The kustomize release kustomize-controller v1.9.4 embeds (kustomize/api v0.21.1).
pub const ENGINE_VERSION: &str = "v5.8.1";

/// The most of kustomize's error floe repeats.
const MAX_REASON: usize = 2048;

/// The most floe reads of what kustomize prints.
const MAX_OUTPUT: u64 = 256 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(
        "kustomize is not installed: neither kustomize nor kubectl is on PATH; install kustomize {ENGINE_VERSION} (https://kubectl.docs.kubernetes.io/installation/kustomize/) or name it with --kustomize PATH"
    )]
    Missing,
    #[error("cannot run {program}: {reason}; check --kustomize or FLOE_KUSTOMIZE")]
    Start { program: String, reason: String },
    #[error("kustomize build of {path} failed: {reason}")]
    Failed { path: String, reason: String },
    #[error("kustomize printed more than {} MiB for {path}", MAX_OUTPUT / 1024 / 1024)]
    TooLarge { path: String },
    #[error("kustomize did not finish building {path} within the command's --timeout")]
    TimedOut { path: String },
}

/// A kustomize to build with.
#[derive(Debug, Clone)]
pub struct Kustomize {
    program: PathBuf,
    /// `["kustomize"]` when it is kubectl's.
    prefix: Vec<OsString>,
}

impl Kustomize {
    /// The kustomize named, else the first found on `path` (the PATH variable's value).
    pub fn locate(
        named: Option<&Path>,
        path: Option<&std::ffi::OsStr>,
    ) -> Result<Kustomize, EngineError> {
        if let Some(named) = named {
            return Ok(Kustomize {
                program: named.to_path_buf(),
                prefix: Vec::new(),
            });
        }
        let find = |name: &str| {
            std::env::split_paths(path.unwrap_or_default())
                .map(|dir| dir.join(name))
                .find(|p| is_executable(p))
        };
        if let Some(program) = find("kustomize") {
            return Ok(Kustomize {
                program,
                prefix: Vec::new(),
            });
        }
        if let Some(program) = find("kubectl") {
            return Ok(Kustomize {
                program,
                prefix: vec!["kustomize".into()],
            });
        }
        Err(EngineError::Missing)
    }

    /// What is run, for messages: `kustomize` or `kubectl kustomize`.
    pub fn name(&self) -> String {
        let program = self.program.display().to_string();
        match self.prefix.is_empty() {
            true => program,
            false => format!("{program} kustomize"),
        }
    }

    /// The version it reports (`v5.8.1`), if it names one.
    pub async fn version(&self, timeout: Duration) -> Option<String> {
        let mut command = tokio::process::Command::new(&self.program);
        if self.prefix.is_empty() {
            command.arg("version");
        } else {
            command.args(["version", "--client"]);
        }
        command
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true);
        let output = tokio::time::timeout(timeout, command.output())
            .await
            .ok()?
            .ok()?;
        let text = String::from_utf8_lossy(&output.stdout);
        let text = match self.prefix.is_empty() {
            true => text.to_string(),
            false => text
                .lines()
                .find_map(|l| l.strip_prefix("Kustomize Version:"))
                .unwrap_or_default()
                .to_string(),
        };
        semver_in(&text)
    }

    /// `kustomize build DIR ...`, or `kubectl kustomize DIR ...`.
    fn build_args(&self, dir: &Path) -> Vec<OsString> {
        let mut args = match self.prefix.is_empty() {
            true => vec![OsString::from("build")],
            false => self.prefix.clone(),
        };
        args.push(dir.as_os_str().to_owned());
        args.extend(["--load-restrictor".into(), "LoadRestrictionsNone".into()]);
        args
    }

    /// `kustomize build DIR` as the controller builds: every path allowed (the kustomizations
    /// were checked to stay inside the checkout first), no plugins.
    /// `shown` names DIR in messages.
    pub async fn build(
        &self,
        dir: &Path,
        shown: &str,
        timeout: Duration,
    ) -> Result<String, EngineError> {
        let mut command = tokio::process::Command::new(&self.program);
        command
            .args(self.build_args(dir))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let mut child = command.spawn().map_err(|e| EngineError::Start {
            program: self.name(),
            reason: e.to_string(),
        })?;
        let run = async {
            let (stdout, stderr) = tokio::join!(
                read_capped(child.stdout.take()),
                read_capped(child.stderr.take())
            );
            let status = child.wait().await;
            (stdout, stderr, status)
        };
        let (stdout, stderr, status) =
            tokio::time::timeout(timeout, run)
                .await
                .map_err(|_| EngineError::TimedOut {
                    path: shown.to_string(),
                })?;
        let too_large = || EngineError::TooLarge {
            path: shown.to_string(),
        };
        let stdout = stdout.ok_or_else(too_large)?;
        let stderr = stderr.ok_or_else(too_large)?;
        let status = status.map_err(|e| EngineError::Start {
            program: self.name(),
            reason: e.to_string(),
        })?;
        if !status.success() {
            let text = String::from_utf8_lossy(&stderr);
            // Its last line says what failed (warnings come before it). Messages name the
            // scratch copy; the user knows the directory by `shown`. Cut short: an error may
            // quote a whole object.
            let line = text
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            let mut reason = line
                .trim()
                .trim_start_matches("Error: ")
                .replace(&dir.display().to_string(), shown);
            if reason.len() > MAX_REASON {
                let mut cut = MAX_REASON;
                while !reason.is_char_boundary(cut) {
                    cut -= 1;
                }
                reason.truncate(cut);
                reason.push_str(" ...");
            }
            return Err(EngineError::Failed {
                path: shown.to_string(),
                reason,
            });
        }
        String::from_utf8(stdout).map_err(|_| EngineError::Failed {
            path: shown.to_string(),
            reason: "its output is not UTF-8".into(),
        })
    }
}

async fn read_capped(pipe: Option<impl tokio::io::AsyncRead + Unpin>) -> Option<Vec<u8>> {
    crate::lifecycle::read_capped(pipe, MAX_OUTPUT)
        .await
        .ok()
        .flatten()
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The first `vX.Y.Z` in `text`.
fn semver_in(text: &str) -> Option<String> {
    let re = regex::Regex::new(r"v\d+\.\d+\.\d+").expect("a valid pattern");
    re.find(text).map(|m| m.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_from_either_spelling() {
        assert_eq!(semver_in("v5.8.1\n").as_deref(), Some("v5.8.1"));
        assert_eq!(
            semver_in("{Version:kustomize/v4.5.7 GitCommit:x}").as_deref(),
            Some("v4.5.7")
        );
        assert_eq!(semver_in("(devel)"), None);
    }

    #[test]
    fn kubectl_stands_in_when_kustomize_is_missing() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let kubectl = dir.path().join("kubectl");
        std::fs::write(&kubectl, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&kubectl, std::fs::Permissions::from_mode(0o755)).unwrap();
        let path = dir.path().as_os_str();
        let found = Kustomize::locate(None, Some(path)).unwrap();
        assert_eq!(found.name(), format!("{} kustomize", kubectl.display()));
        let args = found.build_args(Path::new("/d"));
        assert_eq!(
            args,
            [
                "kustomize",
                "/d",
                "--load-restrictor",
                "LoadRestrictionsNone"
            ]
        );
        let own = Kustomize::locate(Some(Path::new("/bin/kustomize")), None).unwrap();
        assert_eq!(own.build_args(Path::new("/d"))[..2], ["build", "/d"]);
        std::fs::remove_file(&kubectl).unwrap();
        assert!(matches!(
            Kustomize::locate(None, Some(path)),
            Err(EngineError::Missing)
        ));
    }
}
