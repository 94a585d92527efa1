//! `image.toolkit.fluxcd.io/v1`: ImageRepository and ImagePolicy (image-reflector-controller
//! scans a registry and picks the newest tag a policy allows) and ImageUpdateAutomation
//! (image-automation-controller writes that tag into Git). Installed with
//! `--components-extra=image-reflector-controller,image-automation-controller`.

use std::borrow::Cow;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::Condition;
use kube::CustomResource;
use serde::{Deserialize, Serialize};

use super::meta::{LocalObjectReference, NamespacedObjectKindReference, OtherFields, is_false};
use super::source::GitRepositoryRef;
use super::{FluxKind, ObjectRef};
use crate::kinds::duration::GoDuration;

#[derive(CustomResource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "image.toolkit.fluxcd.io",
    version = "v1",
    kind = "ImageRepository",
    plural = "imagerepositories",
    namespaced,
    status = "ImageRepositoryStatus",
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
pub struct ImageRepositorySpec {
    pub image: String,
    pub interval: GoDuration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<GoDuration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_ref: Option<LocalObjectReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_secret_ref: Option<LocalObjectReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusion_list: Vec<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub insecure: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspend: bool,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageRepositoryStatus {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_image_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_scan_result: Option<ScanResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_handled_reconcile_at: Option<String>,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanResult {
    #[serde(default)]
    pub tag_count: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan_time: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub latest_tags: Vec<String>,
}

#[derive(CustomResource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "image.toolkit.fluxcd.io",
    version = "v1",
    kind = "ImagePolicy",
    plural = "imagepolicies",
    namespaced,
    status = "ImagePolicyStatus",
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
pub struct ImagePolicySpec {
    pub image_repository_ref: ImageRepositoryReference,
    pub policy: ImagePolicyChoice,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_tags: Option<TagFilter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest_reflection_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<GoDuration>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspend: bool,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// The ImageRepository a policy reads, optionally in another namespace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImageRepositoryReference {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// Exactly one way to order tags.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImagePolicyChoice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub semver: Option<SemVerPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alphabetical: Option<OrderPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerical: Option<OrderPolicy>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SemVerPolicy {
    pub range: String,
}

/// `asc` (the last tag in order wins) or `desc` (the first).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderPolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TagFilter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extract: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImagePolicyStatus {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_ref: Option<ImageRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_handled_reconcile_at: Option<String>,
    #[serde(flatten)]
    pub other: OtherFields,
}

/// The image a policy selected.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImageRef {
    pub name: String,
    pub tag: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

#[derive(CustomResource, Clone, Debug, PartialEq, Serialize, Deserialize)]
#[kube(
    group = "image.toolkit.fluxcd.io",
    version = "v1",
    kind = "ImageUpdateAutomation",
    plural = "imageupdateautomations",
    namespaced,
    status = "ImageUpdateAutomationStatus",
    schema = "disabled"
)]
#[serde(rename_all = "camelCase")]
pub struct ImageUpdateAutomationSpec {
    pub source_ref: NamespacedObjectKindReference,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub git: Option<GitSpec>,
    pub interval: GoDuration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update: Option<UpdateStrategy>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspend: bool,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GitSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkout: Option<GitCheckout>,
    pub commit: CommitSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub push: Option<PushSpec>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GitCheckout {
    #[serde(rename = "ref")]
    pub reference: GitRepositoryRef,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommitSpec {
    pub author: CommitUser,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<SigningKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_template: Option<String>,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitUser {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub email: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SigningKey {
    pub secret_ref: LocalObjectReference,
    /// `gpg` or `ssh`; absent means gpg.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PushSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    #[serde(flatten)]
    pub other: OtherFields,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateStrategy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub strategy: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageUpdateAutomationStatus {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_automation_run_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_push_commit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_handled_reconcile_at: Option<String>,
    #[serde(flatten)]
    pub other: OtherFields,
}

flux_kind!(ImageRepository, "image-reflector-controller", Image, ["repository"],
    "image repositories (registry scans)",
    revision: |o| o.status.as_ref()?.last_scan_result.as_ref().map(|scan| Cow::Owned(format!(
        "{} tags{}",
        scan.tag_count,
        scan.scan_time.as_deref().map(|t| format!(" at {t}")).unwrap_or_default()
    ))),
    source: |_o| None);

flux_kind!(ImagePolicy, "image-reflector-controller", Image, ["policy"],
    "image policies (which tag is newest)",
    revision: |o| o.status.as_ref()?.latest_ref.as_ref()
        .map(|r| Cow::Owned(format!("{}:{}", r.name, r.tag))),
    source: |o| {
        let reference = &o.spec.image_repository_ref;
        let own = o.metadata.namespace.as_deref().unwrap_or_default();
        ObjectRef::parse(
            FluxKind::ImageRepository,
            reference.namespace.as_deref().unwrap_or(own),
            &reference.name,
        )
        .ok()
    });

flux_kind!(ImageUpdateAutomation, "image-automation-controller", Image, ["update"],
    "image update automations (commits to Git)",
    revision: |o| o.status.as_ref()?.last_push_commit.as_deref().map(Cow::Borrowed),
    source: |o| o.spec.source_ref.object_ref(o.metadata.namespace.as_deref().unwrap_or_default()));

#[cfg(test)]
mod tests {
    use super::super::{FluxKind, ObjectRef, Role};
    use kube::api::DynamicObject;
    use serde_json::json;

    #[test]
    fn image_kinds_show_what_their_controllers_found() {
        assert_eq!(FluxKind::by_word(Role::Image, "policy"), Some(FluxKind::ImagePolicy));
        let policy: DynamicObject = serde_json::from_value(json!({
            "apiVersion": "image.toolkit.fluxcd.io/v1", "kind": "ImagePolicy",
            "metadata": {"name": "p", "namespace": "apps"},
            "spec": {"imageRepositoryRef": {"name": "podinfo"}, "policy": {"semver": {"range": "5.0.x"}}},
            "status": {"latestRef": {"name": "ghcr.io/stefanprodan/podinfo", "tag": "5.0.3"}}
        }))
        .unwrap();
        let observed = FluxKind::ImagePolicy.observe(&policy);
        assert_eq!(observed.revision, "ghcr.io/stefanprodan/podinfo:5.0.3");
        assert_eq!(
            observed.source,
            ObjectRef::parse(FluxKind::ImageRepository, "apps", "podinfo").ok()
        );
        let repository: DynamicObject = serde_json::from_value(json!({
            "apiVersion": "image.toolkit.fluxcd.io/v1", "kind": "ImageRepository",
            "metadata": {"name": "podinfo", "namespace": "apps"},
            "spec": {"image": "ghcr.io/stefanprodan/podinfo", "interval": "1m"},
            "status": {"lastScanResult": {"tagCount": 12, "scanTime": "2026-11-27T10:00:00Z"}}
        }))
        .unwrap();
        assert_eq!(
            FluxKind::ImageRepository.observe(&repository).revision,
            "12 tags at 2026-11-27T10:00:00Z"
        );
    }
}
