//! `notification.toolkit.fluxcd.io/v1` Receiver: a webhook that makes notification-controller
//! reconcile the objects it names when an event (a push, an image) arrives. Its REVISION is
//! the webhook path the controller serves (`/hook/<sha256>`).

use std::borrow::Cow;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition;
use kube::CustomResource;
use serde::{Deserialize, Serialize};

use super::meta::{LocalObjectReference, OtherFields, is_false};
use super::notification::CrossNamespaceObjectReference;
use crate::kinds::duration::GoDuration;

#[derive(CustomResource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "notification.toolkit.fluxcd.io",
    version = "v1",
    kind = "Receiver",
    plural = "receivers",
    namespaced,
    status = "ReceiverStatus",
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
pub struct ReceiverSpec {
    #[serde(rename = "type")]
    pub receiver_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<GoDuration>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    pub resources: Vec<CrossNamespaceObjectReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_filter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_ref: Option<LocalObjectReference>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspend: bool,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceiverStatus {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_handled_reconcile_at: Option<String>,
    #[serde(flatten)]
    pub other: OtherFields,
}

flux_kind!(Receiver, "notification-controller", Notification, ["receiver", "receivers"],
    "webhook receivers (Flux Receivers)",
    revision: |o| o.status.as_ref()?.webhook_path.as_deref().map(Cow::Borrowed),
    source: |_o| None);
