//! floe: bootstrap and manage GitOps on Kubernetes with the Flux toolkit.
//!
//! The binary is a thin shell over this library: [`cli`] turns flags into option structs and
//! calls the domain modules (such as [`manifests`]), which work without a terminal; the terminal
//! UI ([`cli::ui`]) and the output module ([`cli::output`]) live under [`cli`].

pub mod bootstrap;
pub mod check;
pub mod cli;
pub mod cluster;
pub mod converge;
pub mod credentials;
pub mod drift;
pub mod events;
pub mod git;
pub mod gitsource;
pub mod helm_values;
pub mod history;
pub mod host;
pub mod install;
pub mod kinds;
pub mod lifecycle;
pub mod manifests;
pub mod objects;
pub mod preview;
pub mod progress;
pub mod redact;
pub mod rollback;
pub mod stats;
pub mod status;
pub mod trace;
pub mod trigger;
pub mod usage;

/// The Flux release floe installs by default and is tested against.
pub const DEFAULT_FLUX_VERSION: &str = "v2.9.4";

/// Makes ring rustls's process-wide crypto provider, once; the HTTP clients that do not pick a
/// provider themselves (reqwest) need one installed.
pub fn install_crypto_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}
