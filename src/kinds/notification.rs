//! `notification.toolkit.fluxcd.io/v1beta3` Alert and Provider: where notification-controller
//! sends the events of Flux objects. Neither has a status; the controller reads them when an
//! event arrives, so they are ready once they exist and there is nothing to reconcile.

use std::borrow::Cow;
use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition;
use kube::CustomResource;
use serde::{Deserialize, Serialize};

use super::meta::{LocalObjectReference, NamespacedObjectKindReference, OtherFields, is_false};
use super::{FluxObject, ObjectRef, Role};
use crate::kinds::duration::GoDuration;

#[derive(CustomResource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "notification.toolkit.fluxcd.io",
    version = "v1beta3",
    kind = "Alert",
    plural = "alerts",
    namespaced,
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
pub struct AlertSpec {
    pub provider_ref: LocalObjectReference,
    /// `info` (every event) or `error`; the API server defaults it to `info`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_severity: Option<String>,
    pub event_sources: Vec<CrossNamespaceObjectReference>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inclusion_list: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusion_list: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspend: bool,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// An object (or with name `*`, every object of a kind) whose events an Alert forwards, or
/// a Receiver reconciles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CrossNamespaceObjectReference {
    #[serde(flatten)]
    pub object: NamespacedObjectKindReference,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub match_labels: BTreeMap<String, String>,
}

#[derive(CustomResource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "notification.toolkit.fluxcd.io",
    version = "v1beta3",
    kind = "Provider",
    plural = "providers",
    namespaced,
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
pub struct ProviderSpec {
    #[serde(rename = "type")]
    pub provider_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<GoDuration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<GoDuration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_ref: Option<LocalObjectReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_secret_ref: Option<LocalObjectReference>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspend: bool,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// The kinds without a status: ready when they exist, never reconciled.
macro_rules! static_kind {
    ($ty:ty, [$($word:literal),+], $about:literal) => {
        impl FluxObject for $ty {
            const CONTROLLER: &'static str = "notification-controller";
            const ROLE: Role = Role::Notification;
            const WORDS: &'static [&'static str] = &[$($word),+];
            const ABOUT: &'static str = $about;
            const STATIC: bool = true;

            fn conditions(&self) -> &[Condition] {
                &[]
            }
            fn observed_generation(&self) -> Option<i64> {
                None
            }
            fn revision(&self) -> Option<Cow<'_, str>> {
                None
            }
            fn attempted_revision(&self) -> Option<&str> {
                None
            }
            fn last_handled_reconcile_at(&self) -> Option<&str> {
                None
            }
            fn suspended(&self) -> bool {
                self.spec.suspend
            }
            fn source(&self) -> Option<ObjectRef> {
                None
            }
        }
    };
}

static_kind!(Alert, ["alert", "alerts"], "alerts (Flux notification Alerts)");
static_kind!(
    Provider,
    ["alert-provider", "alert-providers"],
    "alert providers (where alerts are sent)"
);

#[cfg(test)]
mod tests {
    use super::super::{FluxKind, Role};
    use kube::api::DynamicObject;
    use serde_json::json;

    #[test]
    fn alerts_and_providers_are_ready_once_they_exist() {
        assert_eq!(FluxKind::by_word(Role::Notification, "alert-provider"), Some(FluxKind::Provider));
        let alert: DynamicObject = serde_json::from_value(json!({
            "apiVersion": "notification.toolkit.fluxcd.io/v1beta3", "kind": "Alert",
            "metadata": {"name": "a", "namespace": "ns", "generation": 3},
            "spec": {"providerRef": {"name": "slack"},
                     "eventSources": [{"kind": "Kustomization", "name": "*", "matchLabels": {"team": "web"}}]}
        }))
        .unwrap();
        let observed = FluxKind::Alert.observe(&alert);
        assert_eq!(observed.settled(), Some(Ok(())));
        assert!(FluxKind::Alert.facts().fixed);
        assert!(!FluxKind::Receiver.facts().fixed);
        // Round trip keeps matchLabels.
        assert_eq!(
            FluxKind::Alert.declared(&alert)["spec"]["eventSources"][0]["matchLabels"]["team"],
            "web"
        );
    }
}
