//! The command line without a cluster, as one test binary (`common` compiled once for all):
//! flags and usage errors, `--export` output (snapshots, and the differential corpus against
//! the flux CLI), generated completions and man pages, the CRD schemas, the architecture
//! rules the docs claim, and the release artefacts (archive, installer, formula, action).

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod bad_input;
mod build;
mod cli;
mod differential;
mod export;
mod generated_files;
mod release;
mod schema;
