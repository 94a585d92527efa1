//! floe's build script (Cargo.toml `build`): on Linux the executable is linked without
//! position independence, as Go links its CLIs, so the dynamic loader has no relative
//! relocations of floe's own to apply at every start (docs/performance.md, start-up).

fn main() {
    println!("cargo:rerun-if-changed=scripts/build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
