//! OpenSSH's sshd (Debian's openssh-server) on a free loopback port with a fresh host key, for
//! the SSH tests: as a host to scan, and as a Git server (git-upload-pack and git-receive-pack
//! run as the test's own user, who logs in with a key from `authorized_keys`).

use std::path::{Path, PathBuf};
use std::process::Stdio;

/// A running sshd, ended when dropped.
pub struct Sshd {
    child: std::process::Child,
    pub port: u16,
    pub host_key_pub: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Sshd {
    /// Starts sshd; `None` (with the reason printed, or a failure in CI) without sshd.
    pub fn start(authorized_keys: Option<&Path>) -> Option<Sshd> {
        let sshd = Path::new("/usr/sbin/sshd");
        if !super::require(
            sshd.exists(),
            "OpenSSH's sshd (/usr/sbin/sshd, Debian's openssh-server)",
        ) {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let host_key = dir.path().join("host_ed25519");
        let status = std::process::Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&host_key)
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::create_dir_all("/run/sshd").ok();
        let port = super::free_port();
        let mut command = std::process::Command::new(sshd);
        command.args([
            "-D",
            "-e",
            "-f",
            "/dev/null",
            "-o",
            "ListenAddress=127.0.0.1",
            "-o",
            "PidFile=none",
            "-o",
            "UsePAM=no",
            "-o",
            "StrictModes=no",
            "-o",
            "PermitRootLogin=prohibit-password",
        ]);
        if let Some(keys) = authorized_keys {
            command
                .arg("-o")
                .arg(format!("AuthorizedKeysFile={}", keys.display()));
        }
        let child = command
            .args(["-p", &port.to_string(), "-h"])
            .arg(&host_key)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Ready when it accepts connections.
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Some(Sshd {
            child,
            port,
            host_key_pub: host_key.with_extension("pub"),
            _dir: dir,
        })
    }

    /// sshd as a Git host's SSH endpoint: everyone logs in as user `git` with a key that
    /// `authorized_keys_command` lists (each key's own `command=` decides what it may run), the
    /// server proving itself with `host_keys`. The user `git` exists only for this sshd: it runs
    /// in a private mount namespace (util-linux's `unshare -m`) where `/etc/passwd` has it
    /// (the test's own uid, home `home`); the machine's own users are untouched. `None` (with
    /// the reason printed, or a failure in CI) without sshd or a mount namespace.
    #[allow(dead_code)]
    pub fn start_git_host(
        host_keys: &[PathBuf],
        authorized_keys_command: &str,
        home: &Path,
    ) -> Option<Sshd> {
        let sshd = Path::new("/usr/sbin/sshd");
        if !super::require(
            sshd.exists(),
            "OpenSSH's sshd (/usr/sbin/sshd, Debian's openssh-server)",
        ) {
            return None;
        }
        let namespace = std::process::Command::new("unshare")
            .args(["-m", "true"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !super::require(
            namespace,
            "a private mount namespace (`unshare -m`, as root) for the Git host's SSH user",
        ) {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let passwd = dir.path().join("passwd");
        let uid = String::from_utf8(
            std::process::Command::new("id")
                .arg("-u")
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        let mut users = std::fs::read_to_string("/etc/passwd").unwrap();
        users.push_str(&format!(
            "git:x:{uid}:{uid}:git host:{}:/bin/sh\n",
            home.display(),
            uid = uid.trim()
        ));
        std::fs::write(&passwd, users).unwrap();
        std::fs::create_dir_all("/run/sshd").ok();
        let port = super::free_port();
        let mut command = std::process::Command::new("unshare");
        command
            .args([
                "-m",
                "sh",
                "-c",
                "mount --bind \"$0\" /etc/passwd && exec \"$@\"",
            ])
            .arg(&passwd)
            .arg(sshd)
            .args([
                "-D",
                "-e",
                "-f",
                "/dev/null",
                "-o",
                "ListenAddress=127.0.0.1",
                "-o",
                "PidFile=none",
                "-o",
                "UsePAM=no",
                "-o",
                "StrictModes=no",
                "-o",
                "PermitRootLogin=prohibit-password",
                "-o",
                "AuthorizedKeysFile=none",
                "-o",
                "AuthorizedKeysCommandUser=root",
                "-o",
            ])
            .arg(format!("AuthorizedKeysCommand={authorized_keys_command}"))
            .args(["-p", &port.to_string()]);
        for key in host_keys {
            command.arg("-h").arg(key);
        }
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Some(Sshd {
            child,
            port,
            host_key_pub: host_keys[0].with_extension("pub"),
            _dir: dir,
        })
    }

    /// `ssh://USER@127.0.0.1:PORT/PATH` for the repository at `path`, USER being the test's own
    /// login: sshd runs git-upload-pack as the user who logs in.
    pub fn url(&self, path: &Path) -> String {
        let user = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap();
        let user = String::from_utf8(user.stdout).unwrap();
        format!(
            "ssh://{}@127.0.0.1:{}{}",
            user.trim(),
            self.port,
            path.display()
        )
    }

    /// The known_hosts line for this server (`[127.0.0.1]:port key`).
    pub fn known_hosts_line(&self) -> String {
        let public = std::fs::read_to_string(&self.host_key_pub).unwrap();
        let key: Vec<&str> = public.split_whitespace().take(2).collect();
        format!("[127.0.0.1]:{} {}\n", self.port, key.join(" "))
    }
}

/// A new client key pair in `dir` (ed25519, no passphrase, `comment`): the private key's path
/// and the public key line, as `authorized_keys` takes it.
pub fn client_key(dir: &Path, comment: &str) -> (PathBuf, String) {
    let key = dir.join("id_ed25519");
    let keygen = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f"])
        .arg(&key)
        .status()
        .unwrap();
    assert!(keygen.success());
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    (key, public)
}
