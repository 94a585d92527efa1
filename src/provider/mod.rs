//! Git hosting providers floe talks to through their APIs. Only GitHub for now; `bootstrap git`
//! needs no provider at all.

pub mod github;
