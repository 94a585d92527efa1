//! floe's build script (Cargo.toml `build`).
//!
//! - On Linux the executable is linked without position independence, as Go links its CLIs,
//!   so the dynamic loader has no relative relocations of floe's own to apply at every start
//!   (docs/performance.md, start-up).
//! - The install manifests of the Flux release floe defaults to are embedded, as flux embeds
//!   its own, so `install` and `bootstrap` work offline. They are read at build time from
//!   `$FLOE_FLUX_MANIFESTS` (a directory holding the release's `install.yaml`, and optionally
//!   `install-extra.yaml` and `install-source-watcher.yaml` when the extra components come
//!   apart), else from `../shared/flux-install/<version>` beside the checkout. Without them
//!   the build embeds nothing, says so, and floe downloads the release asset as for any other
//!   version (docs/decisions.md, "Embedded install manifests").
//! - `floe version` names the commit built and the build date: `FLOE_COMMIT` and
//!   `FLOE_BUILD_DATE` for the compiler, from `git` when the source is a checkout (else
//!   `FLOE_COMMIT` from the environment, as a packager building from a tarball may set it) and
//!   from `SOURCE_DATE_EPOCH` when set (reproducible builds), else the day of the build, UTC.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=scripts/build.rs");
    // Only for a dynamically linked glibc build: a static executable (musl, or glibc with
    // crt-static) is a static PIE, which -no-pie would break at start.
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && !var("CARGO_CFG_TARGET_FEATURE")
            .split(',')
            .any(|f| f == "crt-static")
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    embed_install_manifests();
    build_identity();
}

/// The commit and date `floe version` prints (empty when unknown).
fn build_identity() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    println!("cargo:rerun-if-env-changed=FLOE_COMMIT");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(&root)
            .args(args)
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    // Only the repository that holds this package: not one the package's tarball sits inside.
    let own = git(&["rev-parse", "--show-toplevel"])
        .is_some_and(|top| std::path::Path::new(&top) == root.as_path());
    let commit = if own {
        if let Some(dir) = git(&["rev-parse", "--absolute-git-dir"]) {
            // A new commit moves HEAD or the branch it names.
            println!("cargo:rerun-if-changed={dir}/HEAD");
            if let Some(head) = git(&["symbolic-ref", "-q", "HEAD"]) {
                println!("cargo:rerun-if-changed={dir}/{head}");
                println!("cargo:rerun-if-changed={dir}/packed-refs");
            }
        }
        git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_default()
    } else {
        std::env::var("FLOE_COMMIT").unwrap_or_default()
    };
    let date = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(epoch) => jiff::Timestamp::from_second(
            epoch
                .trim()
                .parse()
                .expect("SOURCE_DATE_EPOCH is a number of seconds"),
        )
        .expect("SOURCE_DATE_EPOCH is a time jiff can represent"),
        Err(_) => jiff::Timestamp::now(),
    };
    println!("cargo:rustc-env=FLOE_COMMIT={commit}");
    println!(
        "cargo:rustc-env=FLOE_BUILD_DATE={}",
        date.strftime("%Y-%m-%d")
    );
}

/// The `DEFAULT_FLUX_VERSION` constant of src/lib.rs, the one place the version is written.
fn default_flux_version(root: &std::path::Path) -> String {
    println!("cargo:rerun-if-changed=src/lib.rs");
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("read src/lib.rs");
    lib.lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("pub const DEFAULT_FLUX_VERSION: &str = \"")?
                .strip_suffix("\";")
                .map(str::to_string)
        })
        .expect("src/lib.rs defines DEFAULT_FLUX_VERSION")
}

fn embed_install_manifests() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("flux-install.yaml");
    let version = default_flux_version(&root);
    println!("cargo:rerun-if-env-changed=FLOE_FLUX_MANIFESTS");
    let dir = std::env::var_os("FLOE_FLUX_MANIFESTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/flux-install").join(&version));
    let mut text = String::new();
    for file in [
        "install.yaml",
        "install-extra.yaml",
        "install-source-watcher.yaml",
    ] {
        let path = dir.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        if let Ok(part) = std::fs::read_to_string(&path) {
            // Each file starts a document of its own: they need not begin with `---`.
            text.push_str("---\n");
            text.push_str(&part);
            if !part.ends_with('\n') {
                text.push('\n');
            }
        }
    }
    if text.is_empty() {
        println!(
            "cargo:warning=no Flux {version} install manifests at {} (set FLOE_FLUX_MANIFESTS): this floe downloads them at install time",
            dir.display()
        );
    }
    std::fs::write(&out, text).expect("write the embedded manifests");
}
