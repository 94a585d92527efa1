//! Building notification-controller's objects from the `create alert-provider`, `create alert`
//! and `create receiver` options, with flux's flags and checks, and the CRD's allowed values.

use super::create::{ObjectOptions, parse_kind_name_or_all, provider_enum, secret_name};
use super::validate;
use crate::kinds::meta::{LocalObjectReference, NamespacedObjectKindReference};
use crate::kinds::notification::{
    Alert, AlertSpec, CrossNamespaceObjectReference, Provider, ProviderSpec,
};
use crate::kinds::receiver::{Receiver, ReceiverSpec};
use crate::usage::{Choice, InvalidInput};

provider_enum!(
    /// Where a Provider sends alerts (the Provider CRD's `spec.type`).
    ProviderType {
        Slack => "slack", Discord => "discord", Msteams => "msteams", Rocket => "rocket",
        Generic => "generic", GenericHmac => "generic-hmac", Github => "github",
        Gitlab => "gitlab", Gitea => "gitea", GiteaPullRequestComment => "giteapullrequestcomment",
        BitbucketServer => "bitbucketserver", Bitbucket => "bitbucket",
        AzureDevops => "azuredevops", GoogleChat => "googlechat", GooglePubSub => "googlepubsub",
        Webex => "webex", Sentry => "sentry", AzureEventHub => "azureeventhub",
        Telegram => "telegram", Lark => "lark", Matrix => "matrix", Opsgenie => "opsgenie",
        AlertManager => "alertmanager", Grafana => "grafana", GithubDispatch => "githubdispatch",
        GithubPullRequestComment => "githubpullrequestcomment",
        GitlabMergeRequestComment => "gitlabmergerequestcomment", PagerDuty => "pagerduty",
        Datadog => "datadog", Nats => "nats", Zulip => "zulip", Otel => "otel",
    }
);

provider_enum!(
    /// Which events an Alert forwards.
    EventSeverity { Info => "info", Error => "error" }
);

provider_enum!(
    /// Who calls a Receiver's webhook (the Receiver CRD's `spec.type`).
    ReceiverType {
        Generic => "generic", GenericHmac => "generic-hmac", GenericOidc => "generic-oidc",
        Github => "github", Gitlab => "gitlab", Bitbucket => "bitbucket", Harbor => "harbor",
        DockerHub => "dockerhub", Quay => "quay", Gcr => "gcr", Nexus => "nexus", Acr => "acr",
        CdEvents => "cdevents",
    }
);

/// The kinds an Alert can watch and a Receiver can reconcile (the CRDs' enum).
pub const EVENT_SOURCE_KINDS: &[&str] = &[
    "Bucket",
    "GitRepository",
    "Kustomization",
    "HelmRelease",
    "HelmChart",
    "HelmRepository",
    "ImageRepository",
    "ImagePolicy",
    "ImageUpdateAutomation",
    "OCIRepository",
    "ArtifactGenerator",
    "ExternalArtifact",
];

#[derive(Clone, Debug)]
pub struct ProviderOptions {
    pub object: ObjectOptions,
    pub provider_type: ProviderType,
    pub channel: Option<String>,
    pub username: Option<String>,
    pub address: Option<String>,
    pub secret_ref: Option<String>,
}

pub fn provider(opts: &ProviderOptions) -> Result<Provider, InvalidInput> {
    let metadata = opts.object.metadata()?;
    let address = opts
        .address
        .as_deref()
        .map(|address| {
            // A webhook address may itself be the secret (Slack's is): say where it belongs.
            if crate::redact::has_password(address) {
                return Err(InvalidInput::new(format!(
                    "invalid --address '{}': the URL contains a password, which would be stored in the object for anyone who can read it; put the address in a Secret's `address` key and pass --secret-ref",
                    crate::redact::url(address)
                )));
            }
            Ok(address.to_string())
        })
        .transpose()?;
    Ok(Provider {
        metadata,
        spec: ProviderSpec {
            provider_type: opts.provider_type.as_str().to_string(),
            interval: None,
            channel: opts.channel.clone().filter(|c| !c.is_empty()),
            username: opts.username.clone().filter(|u| !u.is_empty()),
            address,
            timeout: None,
            proxy: None,
            secret_ref: secret_name("--secret-ref", opts.secret_ref.as_deref())?,
            cert_secret_ref: None,
            suspend: false,
            other: Default::default(),
        },
    })
}

#[derive(Clone, Debug)]
pub struct AlertOptions {
    pub object: ObjectOptions,
    pub provider_ref: String,
    pub event_severity: Option<EventSeverity>,
    /// `Kind/name[.namespace]`, the name `*` for every object of the kind.
    pub event_sources: Vec<String>,
}

/// Parses `Kind/name[.namespace]` for an Alert or Receiver, where the name may be `*`.
fn object_reference(
    flag: &str,
    value: &str,
) -> Result<CrossNamespaceObjectReference, InvalidInput> {
    let (kind, name, namespace) =
        parse_kind_name_or_all(flag, value, EVENT_SOURCE_KINDS, None, true)?;
    Ok(CrossNamespaceObjectReference {
        object: NamespacedObjectKindReference {
            api_version: None,
            kind,
            name,
            namespace,
        },
        match_labels: Default::default(),
    })
}

pub fn alert(opts: &AlertOptions) -> Result<Alert, InvalidInput> {
    let metadata = opts.object.metadata()?;
    let provider_ref = validate::rfc1123_name("--provider-ref", &opts.provider_ref)?;
    if opts.event_sources.is_empty() {
        return Err(InvalidInput::new(
            "--event-source is required: name at least one Kind/name to alert on, e.g. Kustomization/flux-system or GitRepository/*",
        ));
    }
    let event_sources = opts
        .event_sources
        .iter()
        .map(|s| object_reference("--event-source", s))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Alert {
        metadata,
        spec: AlertSpec {
            provider_ref: LocalObjectReference::named(provider_ref),
            event_severity: opts.event_severity.map(|s| s.as_str().to_string()),
            event_sources,
            inclusion_list: Vec::new(),
            exclusion_list: Vec::new(),
            summary: None,
            suspend: false,
            other: Default::default(),
        },
    })
}

#[derive(Clone, Debug)]
pub struct ReceiverOptions {
    pub object: ObjectOptions,
    pub receiver_type: ReceiverType,
    pub events: Vec<String>,
    /// `Kind/name[.namespace]`, the name `*` for every object of the kind.
    pub resources: Vec<String>,
    pub secret_ref: String,
}

pub fn receiver(opts: &ReceiverOptions) -> Result<Receiver, InvalidInput> {
    let metadata = opts.object.metadata()?;
    if opts.resources.is_empty() {
        return Err(InvalidInput::new(
            "--resource is required: name at least one Kind/name to reconcile, e.g. GitRepository/flux-system",
        ));
    }
    let resources = opts
        .resources
        .iter()
        .map(|r| object_reference("--resource", r))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Receiver {
        metadata,
        spec: ReceiverSpec {
            receiver_type: opts.receiver_type.as_str().to_string(),
            interval: None,
            events: opts
                .events
                .iter()
                .filter(|e| !e.is_empty())
                .cloned()
                .collect(),
            resources,
            resource_filter: None,
            secret_ref: secret_name("--secret-ref", Some(&opts.secret_ref))?,
            suspend: false,
            other: Default::default(),
        },
        status: None,
    })
}
