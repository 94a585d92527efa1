//! The Flux objects floe writes, how they are built from user input, and how they print.

pub mod create;
pub mod image;
pub mod notification;
pub mod secret;
pub mod tenant;
pub mod validate;
pub mod yaml;

use serde::Serialize;

/// The object as `flux ... --export` prints it: `---`, then its YAML without status.
pub fn export_yaml<K: Serialize>(object: &K) -> String {
    let mut value = serde_json::to_value(object).expect("Flux objects always serialize to JSON");
    if let Some(map) = value.as_object_mut() {
        map.remove("status");
    }
    yaml::export_document(&value)
}
