//! The command line without a cluster, as one test binary (`common` compiled once for all):
//! flags and usage errors, `--export` output (snapshots, and the differential corpus against
//! the flux CLI), generated completions and man pages, the CRD schemas, and the architecture
//! rules the docs claim.

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod bad_input;
mod build;
mod cli;
mod differential;
mod export;
mod generated_files;
mod schema;
