//! floe's install options, applied to the release manifests as data: select components by
//! their `app.kubernetes.io/component` label, then rewrite namespaces, images, arguments, pull
//! secrets and tolerations of what is left.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::{DEFAULT_COMPONENTS, EXTRA_COMPONENTS};
use crate::manifests::validate::rfc1123_name;
use crate::usage::InvalidInput;

/// The registry the release manifests pull from.
pub const DEFAULT_REGISTRY: &str = "ghcr.io/fluxcd";
const COMPONENT_LABEL: &str = "app.kubernetes.io/component";
const UPSTREAM_NAMESPACE: &str = "flux-system";

/// The controllers' `--log-level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogLevel {
    Debug,
    Info,
    Error,
}

impl crate::usage::Choice for LogLevel {
    const ALL: &'static [Self] = &[LogLevel::Debug, LogLevel::Info, LogLevel::Error];

    fn as_str(self) -> &'static str {
        match self {
            LogLevel::Debug => "debug",
            LogLevel::Info => "info",
            LogLevel::Error => "error",
        }
    }
}

/// Everything `install` can change about the release manifests.
#[derive(Debug, Clone)]
pub struct InstallOptions {
    pub version: String,
    pub namespace: String,
    pub components: Vec<String>,
    pub components_extra: Vec<String>,
    pub registry: String,
    pub image_pull_secret: Option<String>,
    pub network_policy: bool,
    pub watch_all_namespaces: bool,
    pub log_level: LogLevel,
    pub toleration_keys: Vec<String>,
    pub cluster_domain: String,
}

impl Default for InstallOptions {
    fn default() -> Self {
        InstallOptions {
            version: crate::DEFAULT_FLUX_VERSION.to_string(),
            namespace: UPSTREAM_NAMESPACE.to_string(),
            components: DEFAULT_COMPONENTS.iter().map(|s| s.to_string()).collect(),
            components_extra: Vec::new(),
            registry: DEFAULT_REGISTRY.to_string(),
            image_pull_secret: None,
            network_policy: true,
            watch_all_namespaces: true,
            log_level: LogLevel::Info,
            toleration_keys: Vec::new(),
            cluster_domain: "cluster.local".to_string(),
        }
    }
}

impl InstallOptions {
    /// Checks the options on their own, before any manifests are read.
    pub fn validate(&self) -> Result<(), InvalidInput> {
        rfc1123_name("namespace", &self.namespace)?;
        let all: Vec<&str> = DEFAULT_COMPONENTS
            .iter()
            .chain(EXTRA_COMPONENTS)
            .copied()
            .collect();
        for (flag, list, allowed) in [
            ("--components", &self.components, DEFAULT_COMPONENTS),
            (
                "--components-extra",
                &self.components_extra,
                EXTRA_COMPONENTS,
            ),
        ] {
            for component in list {
                if !allowed.contains(&component.as_str()) {
                    return Err(InvalidInput::new(format!(
                        "invalid {flag} value {component:?}: expected one of {}",
                        allowed.join(", ")
                    )));
                }
            }
        }
        if self.components.is_empty() && self.components_extra.is_empty() {
            return Err(InvalidInput::new(format!(
                "--components is empty: expected one or more of {}",
                all.join(", ")
            )));
        }
        if self.registry.is_empty()
            || self.registry.contains("://")
            || self.registry.ends_with('/')
            || self.registry.chars().any(char::is_whitespace)
        {
            return Err(InvalidInput::new(format!(
                "invalid --registry {:?}: expected a registry host and path without a scheme, e.g. registry.example.com/fluxcd",
                self.registry
            )));
        }
        if let Some(secret) = &self.image_pull_secret {
            rfc1123_name("--image-pull-secret", secret)?;
        }
        for key in &self.toleration_keys {
            if key.is_empty() || key.contains(char::is_whitespace) || key.contains('=') {
                return Err(InvalidInput::new(format!(
                    "invalid --toleration-keys value {key:?}: expected a taint key such as node.kubernetes.io/unschedulable"
                )));
            }
        }
        let domain = self.cluster_domain.trim_end_matches('.');
        if domain.is_empty()
            || !domain.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
        {
            return Err(InvalidInput::new(format!(
                "invalid --cluster-domain {:?}: expected a DNS domain such as cluster.local",
                self.cluster_domain
            )));
        }
        Ok(())
    }

    fn selected(&self) -> BTreeSet<&str> {
        self.components
            .iter()
            .chain(&self.components_extra)
            .map(String::as_str)
            .collect()
    }
}

fn component_of(object: &Value) -> Option<&str> {
    object["metadata"]["labels"][COMPONENT_LABEL].as_str()
}

/// Applies the options to the release objects. Objects without a component label (namespace,
/// shared RBAC, network policies, quota) are always kept.
pub fn customize(objects: Vec<Value>, opts: &InstallOptions) -> anyhow::Result<Vec<Value>> {
    opts.validate()?;
    let present: BTreeSet<&str> = objects.iter().filter_map(component_of).collect();
    let missing: Vec<&str> = opts
        .selected()
        .into_iter()
        .filter(|c| !present.contains(c))
        .collect();
    if !missing.is_empty() {
        anyhow::bail!(
            "the install manifests have no {} (they have: {}); use manifests that include it or leave it out of --components/--components-extra",
            missing.join(", "),
            present.iter().copied().collect::<Vec<_>>().join(", ")
        );
    }
    let selected = opts.selected();
    let mut out = Vec::with_capacity(objects.len());
    for mut object in objects {
        if component_of(&object).is_some_and(|c| !selected.contains(c)) {
            continue;
        }
        let kind = object["kind"].as_str().unwrap_or_default().to_string();
        if kind == "NetworkPolicy" && !opts.network_policy {
            continue;
        }
        if opts.namespace != UPSTREAM_NAMESPACE {
            rename_namespace(&mut object, &opts.namespace);
        }
        if kind == "Namespace" {
            object["metadata"]["labels"]["app.kubernetes.io/version"] = json!(opts.version);
        }
        if kind == "Deployment" {
            customize_pod_spec(&mut object["spec"]["template"]["spec"], opts);
        }
        out.push(object);
    }
    Ok(out)
}

fn rename_namespace(object: &mut Value, namespace: &str) {
    let metadata = &mut object["metadata"];
    if metadata["namespace"] == UPSTREAM_NAMESPACE {
        metadata["namespace"] = json!(namespace);
    }
    if object["kind"] == "Namespace" && object["metadata"]["name"] == UPSTREAM_NAMESPACE {
        object["metadata"]["name"] = json!(namespace);
    }
    for pointer in ["/metadata/labels", "/spec/template/metadata/labels"] {
        if let Some(labels) = object.pointer_mut(pointer)
            && labels["app.kubernetes.io/instance"] == UPSTREAM_NAMESPACE
        {
            labels["app.kubernetes.io/instance"] = json!(namespace);
        }
    }
    // Only `get_mut`/`pointer_mut` here: indexing a Value mutably inserts the missing keys.
    if let Some(subjects) = object.get_mut("subjects").and_then(Value::as_array_mut) {
        for subject in subjects {
            if subject["namespace"] == UPSTREAM_NAMESPACE {
                subject["namespace"] = json!(namespace);
            }
        }
    }
    if let Some(containers) = object
        .pointer_mut("/spec/template/spec/containers")
        .and_then(Value::as_array_mut)
    {
        for arg in containers
            .iter_mut()
            .filter_map(|c| c.get_mut("args").and_then(Value::as_array_mut))
            .flatten()
        {
            if let Some(text) = arg.as_str() {
                let renamed = text.replace(
                    &format!(".{UPSTREAM_NAMESPACE}.svc"),
                    &format!(".{namespace}.svc"),
                );
                *arg = json!(renamed);
            }
        }
    }
}

fn customize_pod_spec(spec: &mut Value, opts: &InstallOptions) {
    let upstream_prefix = format!("{DEFAULT_REGISTRY}/");
    if let Some(containers) = spec.get_mut("containers").and_then(Value::as_array_mut) {
        for container in containers {
            if opts.registry != DEFAULT_REGISTRY
                && let Some(rest) = container["image"]
                    .as_str()
                    .and_then(|i| i.strip_prefix(&upstream_prefix))
            {
                container["image"] = json!(format!("{}/{rest}", opts.registry));
            }
            if let Some(args) = container.get_mut("args").and_then(Value::as_array_mut) {
                for arg in args.iter_mut() {
                    let Some(text) = arg.as_str() else { continue };
                    let new = if text == "--watch-all-namespaces"
                        || text.starts_with("--watch-all-namespaces=")
                    {
                        format!("--watch-all-namespaces={}", opts.watch_all_namespaces)
                    } else if text.starts_with("--log-level=") {
                        format!(
                            "--log-level={}",
                            crate::usage::Choice::as_str(opts.log_level)
                        )
                    } else if text.contains(".svc.cluster.local.") {
                        text.replace(
                            ".svc.cluster.local.",
                            &format!(".svc.{}.", opts.cluster_domain.trim_end_matches('.')),
                        )
                    } else {
                        continue;
                    };
                    // The upstream spelling stays as it is when the option is at its default,
                    // so a default install is the release manifest unchanged.
                    if !(text == "--watch-all-namespaces" && opts.watch_all_namespaces) {
                        *arg = json!(new);
                    }
                }
            }
        }
    }
    if let Some(secret) = &opts.image_pull_secret {
        spec["imagePullSecrets"] = json!([{ "name": secret }]);
    }
    if !opts.toleration_keys.is_empty() {
        let mut tolerations = spec
            .get_mut("tolerations")
            .and_then(Value::as_array_mut)
            .map(std::mem::take)
            .unwrap_or_default();
        for key in &opts.toleration_keys {
            tolerations.push(json!({ "key": key, "operator": "Exists" }));
        }
        spec["tolerations"] = json!(tolerations);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renaming_the_namespace_adds_no_fields() {
        let mut namespace = json!({"apiVersion": "v1", "kind": "Namespace",
            "metadata": {"name": "flux-system", "labels": {"app.kubernetes.io/instance": "flux-system"}}});
        rename_namespace(&mut namespace, "gitops");
        assert_eq!(
            namespace,
            json!({"apiVersion": "v1", "kind": "Namespace",
                "metadata": {"name": "gitops", "labels": {"app.kubernetes.io/instance": "gitops"}}})
        );
    }

    fn deployment(component: &str) -> Value {
        json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": component, "namespace": "flux-system",
                         "labels": {"app.kubernetes.io/component": component, "app.kubernetes.io/instance": "flux-system"}},
            "spec": {"template": {"metadata": {"labels": {"app.kubernetes.io/instance": "flux-system"}}, "spec": {"containers": [{
                "name": "manager",
                "image": format!("ghcr.io/fluxcd/{component}:v1.0.0"),
                "args": ["--events-addr=http://notification-controller.flux-system.svc.cluster.local./",
                         "--watch-all-namespaces", "--log-level=info"]}]}}}
        })
    }

    fn release() -> Vec<Value> {
        let mut objects = vec![
            json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "flux-system"}}),
            json!({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "allow-egress", "namespace": "flux-system"}}),
            json!({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "crd-controller"},
                   "subjects": [{"kind": "ServiceAccount", "name": "kustomize-controller", "namespace": "flux-system"}]}),
        ];
        objects.extend(DEFAULT_COMPONENTS.iter().map(|c| deployment(c)));
        objects
    }

    #[test]
    fn defaults_change_nothing_but_the_version_label() {
        let out = customize(release(), &InstallOptions::default()).unwrap();
        let mut expected = release();
        expected[0]["metadata"]["labels"] = json!({"app.kubernetes.io/version": "v2.9.4"});
        assert_eq!(out, expected);
    }

    #[test]
    fn every_option_is_applied() {
        let opts = InstallOptions {
            namespace: "gitops".into(),
            components: vec!["source-controller".into(), "kustomize-controller".into()],
            registry: "registry.example.com/mirror".into(),
            image_pull_secret: Some("regcred".into()),
            network_policy: false,
            watch_all_namespaces: false,
            log_level: LogLevel::Debug,
            toleration_keys: vec!["node.kubernetes.io/unschedulable".into()],
            cluster_domain: "k8s.internal".into(),
            ..InstallOptions::default()
        };
        let out = customize(release(), &opts).unwrap();
        let kinds: Vec<String> = out.iter().map(crate::cluster::apply::reference).collect();
        assert_eq!(
            kinds,
            [
                "Namespace/gitops",
                "ClusterRoleBinding/crd-controller",
                "Deployment/source-controller",
                "Deployment/kustomize-controller"
            ]
        );
        assert_eq!(out[1]["subjects"][0]["namespace"], "gitops");
        let d = &out[2];
        assert_eq!(d["metadata"]["namespace"], "gitops");
        let spec = &d["spec"]["template"]["spec"];
        assert_eq!(
            spec["containers"][0]["image"],
            "registry.example.com/mirror/source-controller:v1.0.0"
        );
        assert_eq!(
            spec["containers"][0]["args"],
            json!([
                "--events-addr=http://notification-controller.gitops.svc.k8s.internal./",
                "--watch-all-namespaces=false",
                "--log-level=debug"
            ])
        );
        assert_eq!(spec["imagePullSecrets"], json!([{"name": "regcred"}]));
        assert_eq!(
            spec["tolerations"],
            json!([{"key": "node.kubernetes.io/unschedulable", "operator": "Exists"}])
        );
    }

    #[test]
    fn components_missing_from_the_manifests_are_named() {
        let opts = InstallOptions {
            components_extra: vec!["image-reflector-controller".into()],
            ..InstallOptions::default()
        };
        let err = customize(release(), &opts).unwrap_err().to_string();
        assert!(err.contains("no image-reflector-controller"), "{err}");
    }

    #[test]
    fn bad_options_name_the_value_and_what_is_allowed() {
        let cases = [
            (
                InstallOptions {
                    components: vec!["ui-controller".into()],
                    ..Default::default()
                },
                "ui-controller",
            ),
            (
                InstallOptions {
                    registry: "https://r.example.com".into(),
                    ..Default::default()
                },
                "https://r.example.com",
            ),
            (
                InstallOptions {
                    cluster_domain: "Bad_Domain".into(),
                    ..Default::default()
                },
                "Bad_Domain",
            ),
            (
                InstallOptions {
                    toleration_keys: vec!["a=b".into()],
                    ..Default::default()
                },
                "a=b",
            ),
        ];
        for (opts, bad) in cases {
            let err = opts.validate().unwrap_err().to_string();
            assert!(err.contains(bad), "{err}");
        }
    }
}
