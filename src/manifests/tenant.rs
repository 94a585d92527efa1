//! `create tenant`: a namespace, a ServiceAccount and a RoleBinding through which a team's
//! syncs and releases apply only what the tenant may, as flux's `create tenant` writes them.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{Namespace, ServiceAccount};
use k8s_openapi::api::rbac::v1::{RoleBinding, RoleRef, Subject};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde_json::Value;

use super::validate;
use crate::usage::InvalidInput;

/// The label on every object of a tenant.
pub const TENANT_LABEL: &str = "toolkit.fluxcd.io/tenant";

#[derive(Clone, Debug)]
pub struct TenantOptions {
    pub name: String,
    pub namespaces: Vec<String>,
    pub cluster_role: String,
    /// Default: the tenant's name.
    pub service_account: Option<String>,
    /// The namespaces exist already (managed elsewhere): do not write them.
    pub skip_namespace: bool,
    pub labels: Vec<crate::kinds::names::Label>,
}

/// The tenant's objects in order: per namespace, the Namespace (unless skipped), the
/// ServiceAccount and the RoleBinding.
pub fn tenant(opts: &TenantOptions) -> Result<Vec<Value>, InvalidInput> {
    let name = validate::rfc1123_name("tenant name", &opts.name)?;
    if opts.namespaces.is_empty() {
        return Err(InvalidInput::new(
            "--with-namespace is required: the namespaces the tenant owns (repeat or separate with commas)",
        ));
    }
    let cluster_role = validate::rfc1123_subdomain("--cluster-role", &opts.cluster_role)?;
    let account = validate::rfc1123_name(
        "--with-service-account",
        opts.service_account.as_deref().unwrap_or(&name),
    )?;
    let mut labels: BTreeMap<String, String> = validate::labels(&opts.labels)?;
    labels.insert(TENANT_LABEL.to_string(), name.clone());
    let meta = |object: &str, namespace: Option<&str>| ObjectMeta {
        name: Some(object.to_string()),
        namespace: namespace.map(str::to_string),
        labels: Some(labels.clone()),
        ..ObjectMeta::default()
    };
    let mut objects = Vec::new();
    for namespace in &opts.namespaces {
        let namespace = validate::rfc1123_name("--with-namespace", namespace)?;
        if !opts.skip_namespace {
            let ns = Namespace {
                metadata: meta(&namespace, None),
                ..Namespace::default()
            };
            objects.push(serde_json::to_value(ns).expect("objects serialize"));
        }
        let sa = ServiceAccount {
            metadata: meta(&account, Some(&namespace)),
            ..ServiceAccount::default()
        };
        objects.push(serde_json::to_value(sa).expect("objects serialize"));
        let binding = RoleBinding {
            metadata: meta(&format!("{name}-reconciler"), Some(&namespace)),
            role_ref: RoleRef {
                api_group: Some("rbac.authorization.k8s.io".to_string()),
                kind: "ClusterRole".to_string(),
                name: cluster_role.clone(),
            },
            subjects: Some(vec![
                Subject {
                    api_group: Some("rbac.authorization.k8s.io".to_string()),
                    kind: "User".to_string(),
                    name: format!("gotk:{namespace}:reconciler"),
                    namespace: None,
                },
                Subject {
                    api_group: None,
                    kind: "ServiceAccount".to_string(),
                    name: account.clone(),
                    namespace: Some(namespace.clone()),
                },
            ]),
        };
        objects.push(serde_json::to_value(binding).expect("objects serialize"));
    }
    Ok(objects)
}
