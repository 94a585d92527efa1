//! Secrets encrypted with SOPS are printed with their values masked, never decrypted, as
//! `flux build` prints them: floe holds no decryption key and shows no ciphertext either.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Map, Value, json};

use crate::manifests::yaml::to_go_yaml;

/// The mask flux prints, and its base64 form for `data`.
const MASK: &str = "**SOPS**";
const DOCKER_MASK: &str = r#"{"mask":"**SOPS**"}"#;

fn encrypted(text: &str) -> bool {
    text.contains("sops") && text.contains("ENC[")
}

/// The object with its SOPS-encrypted values masked (objects other than Secrets unchanged).
pub fn mask_sops(object: &mut Value) {
    if object["kind"].as_str() != Some("Secret") {
        return;
    }
    let text = to_go_yaml(object);
    let whole = text.contains("sops:") && text.contains("mac: ENC[");
    let Some(map) = object.as_object_mut() else {
        return;
    };
    let docker = map.get("type").and_then(Value::as_str) == Some("kubernetes.io/dockerconfigjson");
    let data = take_map(map, "data");
    let string_data = take_map(map, "stringData");
    let mut new_data = Map::new();
    let mut new_string_data = Map::new();
    if whole {
        map.remove("sops");
        let (data_mask, string_mask) = match docker {
            true => (STANDARD.encode(DOCKER_MASK), DOCKER_MASK.to_string()),
            false => (STANDARD.encode(MASK), MASK.to_string()),
        };
        for key in data.keys() {
            new_data.insert(key.clone(), json!(data_mask));
        }
        for key in string_data.keys() {
            new_string_data.insert(key.clone(), json!(string_mask));
        }
    } else {
        for (key, value) in data {
            // A value that is not base64 holds no SOPS ciphertext (the API server will refuse
            // it; `<secret>` from a masked variable is one).
            let decoded = STANDARD
                .decode(value.as_str().unwrap_or_default())
                .unwrap_or_default();
            let masked = encrypted(&String::from_utf8_lossy(&decoded));
            new_data.insert(
                key,
                if masked {
                    json!(STANDARD.encode(MASK))
                } else {
                    value
                },
            );
        }
        for (key, value) in string_data {
            let masked = value.as_str().is_some_and(encrypted);
            new_string_data.insert(
                key,
                if masked {
                    json!(STANDARD.encode(MASK))
                } else {
                    value
                },
            );
        }
    }
    if !new_data.is_empty() {
        map.insert("data".into(), Value::Object(new_data));
    }
    if !new_string_data.is_empty() {
        map.insert("stringData".into(), Value::Object(new_string_data));
    }
}

fn take_map(map: &mut Map<String, Value>, field: &str) -> Map<String, Value> {
    match map.remove(field) {
        Some(Value::Object(inner)) => inner,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_encrypted_secret_is_masked_whole() {
        let mut s = json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"},
            "data": {"a": "RU5DW0FFUzI1Nl9HQ00sZGF0YTp4XQ=="}, "stringData": {"b": "ENC[x]"},
            "sops": {"mac": "ENC[AES256_GCM,data:x]", "version": "3.9"}});
        mask_sops(&mut s);
        assert_eq!(
            s,
            json!({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"},
            "data": {"a": "KipTT1BTKio="}, "stringData": {"b": "**SOPS**"}})
        );
    }

    #[test]
    fn only_encrypted_values_are_masked_otherwise() {
        let enc = STANDARD.encode("sops ENC[x]");
        let mut s = json!({"kind": "Secret", "metadata": {"name": "s"},
            "data": {"a": enc, "b": "cGxhaW4="}, "stringData": {"c": "sops ENC[y]", "d": "plain"}});
        mask_sops(&mut s);
        assert_eq!(s["data"], json!({"a": "KipTT1BTKio=", "b": "cGxhaW4="}));
        assert_eq!(s["stringData"], json!({"c": "KipTT1BTKio=", "d": "plain"}));
        let mut empty = json!({"kind": "Secret", "metadata": {"name": "e"}, "data": {}});
        mask_sops(&mut empty);
        assert!(empty.get("data").is_none());
        let mut odd =
            json!({"kind": "Secret", "metadata": {"name": "b"}, "data": {"x": "<secret>"}});
        mask_sops(&mut odd);
        assert_eq!(odd["data"]["x"], "<secret>");
    }
}
