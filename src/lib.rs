//! floe: bootstrap and manage GitOps on Kubernetes with the Flux toolkit.
//!
//! The binary is a thin shell over this library: [`cli`] turns flags into option structs and
//! calls the domain modules ([`manifests`], [`ui`]), which work without a terminal.

pub mod cli;
pub mod manifests;
pub mod ui;

/// The Flux release floe installs by default and is tested against.
pub const DEFAULT_FLUX_VERSION: &str = "v2.9.4";
