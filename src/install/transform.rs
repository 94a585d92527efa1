//! floe's install options, applied to the release manifests as data: select components by
//! their `app.kubernetes.io/component` label, then rewrite namespaces, images, arguments, pull
//! secrets and tolerations of what is left.

use std::collections::{BTreeMap, BTreeSet};

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

/// The parts of the release manifests flux lays out as separate files before it runs
/// kustomize over them (flux2 `pkg/manifestgen/install`): one per component, the shared RBAC
/// and quota (`rbac.yaml`), and the network policies (`policies.yaml`). The release's own
/// Namespace is dropped: flux generates its own.
struct Parts {
    components: BTreeMap<String, Vec<Value>>,
    rbac: Vec<Value>,
    policies: Vec<Value>,
}

impl Parts {
    fn split(objects: Vec<Value>) -> Parts {
        let mut parts = Parts {
            components: BTreeMap::new(),
            rbac: Vec::new(),
            policies: Vec::new(),
        };
        for object in objects {
            if object["kind"] == "Namespace" {
                continue;
            }
            if let Some(component) = component_of(&object) {
                let component = component.to_string();
                parts.components.entry(component).or_default().push(object);
            } else if object["kind"] == "NetworkPolicy" {
                parts.policies.push(object);
            } else {
                parts.rbac.push(object);
            }
        }
        parts
    }
}

/// Applies the options to the release objects exactly as `flux install` does for the same
/// version and options, so the two tools generate the same objects in the same order: the
/// Namespace, the network policies, the shared RBAC named with a `-<namespace>` suffix, then
/// each component in the order given (`--components`, then `--components-extra`); every object
/// labelled with the instance, version and `part-of: flux`; the controllers' arguments, images,
/// node selector, pull secret and tolerations set as flux's kustomization sets them.
pub fn customize(objects: Vec<Value>, opts: &InstallOptions) -> anyhow::Result<Vec<Value>> {
    opts.validate()?;
    let mut parts = Parts::split(objects);
    let missing: Vec<&str> = opts
        .selected()
        .into_iter()
        .filter(|c| !parts.components.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        anyhow::bail!(
            "the install manifests have no {} (they have: {}); use manifests that include it or leave it out of --components/--components-extra",
            missing.join(", "),
            parts
                .components
                .keys()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let ordered: Vec<&String> = opts
        .components
        .iter()
        .chain(&opts.components_extra)
        .collect();
    let mut out = vec![namespace_object(&opts.namespace)];
    if opts.network_policy {
        out.extend(std::mem::take(&mut parts.policies));
    }
    let role_names: BTreeSet<String> = parts
        .rbac
        .iter()
        .filter_map(|o| o["metadata"]["name"].as_str().map(str::to_string))
        .collect();
    for mut role in std::mem::take(&mut parts.rbac) {
        if opts.namespace != UPSTREAM_NAMESPACE {
            replace_in_strings(&mut role, UPSTREAM_NAMESPACE, &opts.namespace);
        }
        add_name_suffix(&mut role, &format!("-{}", opts.namespace), &role_names);
        out.push(role);
    }
    let with_watcher = ordered.iter().any(|c| c.as_str() == "source-watcher");
    for component in &ordered {
        for mut object in parts
            .components
            .remove(component.as_str())
            .unwrap_or_default()
        {
            if object["kind"] == "Deployment" {
                let spec = &mut object["spec"]["template"]["spec"];
                set_args(spec, component, opts)?;
                if with_watcher
                    && ["kustomize-controller", "helm-controller"].contains(&component.as_str())
                {
                    push_arg(spec, "--feature-gates=ExternalArtifact=true");
                }
            }
            out.push(object);
        }
    }
    for object in &mut out {
        if is_namespaced(object) {
            object["metadata"]["namespace"] = json!(opts.namespace);
        }
        label(object, &opts.namespace, &opts.version);
        if object["kind"] == "Deployment" {
            customize_pod_spec(&mut object["spec"]["template"]["spec"], opts);
        }
    }
    Ok(out)
}

/// flux's generated Namespace (before the labels every object gets).
fn namespace_object(namespace: &str) -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "Namespace",
        "metadata": {
            "name": namespace,
            "labels": {
                "pod-security.kubernetes.io/warn": "restricted",
                "pod-security.kubernetes.io/warn-version": "latest",
            },
        },
    })
}

/// The kinds in the install manifests that have no namespace.
fn is_namespaced(object: &Value) -> bool {
    !matches!(
        object["kind"].as_str(),
        Some("Namespace" | "CustomResourceDefinition" | "ClusterRole" | "ClusterRoleBinding")
    )
}

/// The labels flux's label transformer sets on every object and on each Deployment's Pods.
fn label(object: &mut Value, namespace: &str, version: &str) {
    let labels = [
        ("app.kubernetes.io/instance", namespace),
        ("app.kubernetes.io/part-of", "flux"),
        ("app.kubernetes.io/version", version),
    ];
    let set = |metadata: &mut Value| {
        if !metadata["labels"].is_object() {
            metadata["labels"] = json!({});
        }
        for (key, value) in labels {
            metadata["labels"][key] = json!(value);
        }
    };
    set(&mut object["metadata"]);
    if object["kind"] == "Deployment" {
        set(&mut object["spec"]["template"]["metadata"]);
    }
}

/// kustomize's `nameSuffix` on the shared RBAC: the objects' names, and the role a binding
/// refers to when that role is one of them.
fn add_name_suffix(object: &mut Value, suffix: &str, renamed: &BTreeSet<String>) {
    if let Some(name) = object["metadata"]["name"].as_str() {
        object["metadata"]["name"] = json!(format!("{name}{suffix}"));
    }
    if let Some(role) = object.pointer_mut("/roleRef/name")
        && let Some(name) = role.as_str()
        && renamed.contains(name)
    {
        *role = json!(format!("{name}{suffix}"));
    }
}

/// flux replaces the default namespace in its RBAC file as text before kustomize reads it.
fn replace_in_strings(value: &mut Value, from: &str, to: &str) {
    match value {
        Value::String(text) if text.contains(from) => *text = text.replace(from, to),
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| replace_in_strings(v, from, to)),
        Value::Object(map) => map
            .values_mut()
            .for_each(|v| replace_in_strings(v, from, to)),
        _ => {}
    }
}

/// The controller arguments flux's kustomization replaces, by position, per component.
fn set_args(spec: &mut Value, component: &str, opts: &InstallOptions) -> anyhow::Result<()> {
    let events = if opts
        .components
        .iter()
        .any(|c| c == "notification-controller")
    {
        format!(
            "http://notification-controller.$(RUNTIME_NAMESPACE).svc.{}./",
            opts.cluster_domain
        )
    } else {
        String::new()
    };
    let watch = format!("--watch-all-namespaces={}", opts.watch_all_namespaces);
    let level = format!(
        "--log-level={}",
        crate::usage::Choice::as_str(opts.log_level)
    );
    let events = format!("--events-addr={events}");
    let replacements: Vec<(usize, String)> = match component {
        "notification-controller" => vec![(0, watch), (1, level)],
        "source-controller" | "source-watcher" => vec![
            (0, events),
            (1, watch),
            (2, level),
            (
                6,
                format!(
                    "--storage-adv-addr={component}.$(RUNTIME_NAMESPACE).svc.{}.",
                    opts.cluster_domain
                ),
            ),
        ],
        _ => vec![(0, events), (1, watch), (2, level)],
    };
    let args = spec
        .pointer_mut("/containers/0/args")
        .and_then(Value::as_array_mut);
    let Some(args) = args.filter(|a| replacements.iter().all(|(i, _)| *i < a.len())) else {
        anyhow::bail!(
            "the {component} Deployment in the install manifests does not have the arguments of Flux's release manifests (its first container's args); use the release's install.yaml"
        );
    };
    for (index, value) in replacements {
        args[index] = json!(value);
    }
    Ok(())
}

fn push_arg(spec: &mut Value, arg: &str) {
    if let Some(args) = spec
        .pointer_mut("/containers/0/args")
        .and_then(Value::as_array_mut)
    {
        args.push(json!(arg));
    }
}

/// flux's node-selector patch (node selector, pull secret, tolerations) and image names.
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
        }
    }
    if !spec["nodeSelector"].is_object() {
        spec["nodeSelector"] = json!({});
    }
    spec["nodeSelector"]["kubernetes.io/os"] = json!("linux");
    if let Some(secret) = &opts.image_pull_secret {
        spec["imagePullSecrets"] = json!([{ "name": secret }]);
    }
    if !opts.toleration_keys.is_empty() {
        let tolerations: Vec<Value> = opts
            .toleration_keys
            .iter()
            .map(|key| json!({ "key": key, "operator": "Exists" }))
            .collect();
        spec["tolerations"] = json!(tolerations);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deployment(component: &str) -> Value {
        json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": component, "namespace": "flux-system",
                         "labels": {"app.kubernetes.io/component": component, "app.kubernetes.io/instance": "flux-system"}},
            "spec": {"template": {"metadata": {"labels": {"app.kubernetes.io/instance": "flux-system"}}, "spec": {"containers": [{
                "name": "manager",
                "image": format!("ghcr.io/fluxcd/{component}:v1.0.0"),
                "args": args(component)}]}}}
        })
    }

    /// The controllers' arguments as the release manifests have them.
    fn args(component: &str) -> Vec<String> {
        let mut args: Vec<String> = [
            "--events-addr=http://notification-controller.flux-system.svc.cluster.local./",
            "--watch-all-namespaces",
            "--log-level=info",
            "--log-encoding=json",
            "--enable-leader-election",
        ]
        .map(String::from)
        .to_vec();
        match component {
            "notification-controller" => {
                args.remove(0);
            }
            "source-controller" => args.extend([
                "--storage-path=/data".to_string(),
                "--storage-adv-addr=source-controller.$(RUNTIME_NAMESPACE).svc.cluster.local."
                    .to_string(),
            ]),
            _ => {}
        }
        args
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
    fn defaults_are_laid_out_as_flux_lays_them_out() {
        let out = customize(release(), &InstallOptions::default()).unwrap();
        let kinds: Vec<String> = out.iter().map(crate::cluster::apply::reference).collect();
        assert_eq!(
            kinds,
            [
                "Namespace/flux-system",
                "NetworkPolicy/allow-egress",
                "ClusterRoleBinding/crd-controller-flux-system",
                "Deployment/source-controller",
                "Deployment/kustomize-controller",
                "Deployment/helm-controller",
                "Deployment/notification-controller",
            ]
        );
        for object in &out {
            assert_eq!(
                object["metadata"]["labels"]["app.kubernetes.io/version"],
                "v2.9.4"
            );
            assert_eq!(
                object["metadata"]["labels"]["app.kubernetes.io/part-of"],
                "flux"
            );
        }
        assert_eq!(
            out[0]["metadata"]["labels"]["pod-security.kubernetes.io/warn"],
            "restricted"
        );
        let spec = &out[4]["spec"]["template"]["spec"];
        assert_eq!(spec["nodeSelector"], json!({"kubernetes.io/os": "linux"}));
        assert_eq!(
            spec["containers"][0]["args"],
            json!([
                "--events-addr=http://notification-controller.$(RUNTIME_NAMESPACE).svc.cluster.local./",
                "--watch-all-namespaces=true",
                "--log-level=info",
                "--log-encoding=json",
                "--enable-leader-election"
            ])
        );
    }

    #[test]
    fn every_option_is_applied() {
        let opts = InstallOptions {
            namespace: "gitops".into(),
            components: vec!["kustomize-controller".into(), "source-controller".into()],
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
                "ClusterRoleBinding/crd-controller-gitops",
                "Deployment/kustomize-controller",
                "Deployment/source-controller"
            ]
        );
        assert_eq!(out[1]["subjects"][0]["namespace"], "gitops");
        let d = &out[3];
        assert_eq!(d["metadata"]["namespace"], "gitops");
        let spec = &d["spec"]["template"]["spec"];
        assert_eq!(
            spec["containers"][0]["image"],
            "registry.example.com/mirror/source-controller:v1.0.0"
        );
        // Without notification-controller there is nowhere to send events.
        assert_eq!(
            spec["containers"][0]["args"],
            json!([
                "--events-addr=",
                "--watch-all-namespaces=false",
                "--log-level=debug",
                "--log-encoding=json",
                "--enable-leader-election",
                "--storage-path=/data",
                "--storage-adv-addr=source-controller.$(RUNTIME_NAMESPACE).svc.k8s.internal."
            ])
        );
        assert_eq!(spec["imagePullSecrets"], json!([{"name": "regcred"}]));
        assert_eq!(
            spec["tolerations"],
            json!([{"key": "node.kubernetes.io/unschedulable", "operator": "Exists"}])
        );
    }

    #[test]
    fn a_controller_without_the_release_arguments_is_named() {
        let mut objects = release();
        objects[4]["spec"]["template"]["spec"]["containers"][0]["args"] =
            json!(["--log-level=info"]);
        let err = customize(objects, &InstallOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("the kustomize-controller Deployment"), "{err}");
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
