//! Building Flux objects from the options of the `create` commands. Every check of user input
//! happens here, so any caller (the CLI, bootstrap) gets the same objects and the same errors.
//! One file per kind group, mirroring `kinds/` (`source`, `helm_chart`, `kustomization`,
//! `helm_release`), their shared parts in `common`; callers name them all through this module.

mod common;
mod helm_chart;
mod helm_release;
mod kustomization;
mod source;

pub(crate) use common::provider_enum;
pub use common::*;
pub use helm_chart::*;
pub use helm_release::*;
pub use kustomization::*;
pub use source::*;
