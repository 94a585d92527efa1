//! `floe create alert-provider|alert|receiver NAME`: notification-controller's objects.

use clap::Args;

use super::GlobalArgs;
use super::create_common::{CreateFlags, export_or_apply};
use crate::cli::ui::Ui;
use crate::manifests::notification::{
    self, AlertOptions, EventSeverity, ProviderOptions, ProviderType, ReceiverOptions, ReceiverType,
};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # A Slack channel, the webhook address in a Secret's `address` key\n  \
    floe create alert-provider slack \\\n    --type=slack \\\n    --channel=general \\\n    --secret-ref=slack-url \\\n    --export\n\n  \
    # Commit statuses on a GitHub repository\n  \
    floe create alert-provider github-podinfo \\\n    --type=github \\\n    --address=https://github.com/stefanprodan/podinfo \\\n    --secret-ref=github-token \\\n    --export")]
pub struct AlertProviderArgs {
    /// Name of the Provider (an RFC 1123 label)
    pub name: String,
    /// Where alerts go
    #[arg(long = "type", value_parser = super::flags::choice::<ProviderType>(), value_name = "TYPE")]
    pub provider_type: ProviderType,
    /// The channel to post to, for chat providers
    #[arg(long)]
    pub channel: Option<String>,
    /// The bot's user name, for chat providers
    #[arg(long)]
    pub username: Option<String>,
    /// The webhook, chat or Git repository address
    #[arg(long, value_name = "URL")]
    pub address: Option<String>,
    /// Secret with the token or address (keys token, address)
    #[arg(long = "secret-ref", value_name = "NAME")]
    pub secret_ref: Option<String>,
    #[command(flatten)]
    pub create: CreateFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # Every error of the syncs and Git sources in the namespace\n  \
    floe create alert flux-system \\\n    --provider-ref=slack \\\n    --event-severity=error \\\n    --event-source=Kustomization/*,GitRepository/* \\\n    --export")]
pub struct AlertArgs {
    /// Name of the Alert (an RFC 1123 label)
    pub name: String,
    /// The Provider to send alerts to
    #[arg(long = "provider-ref", value_name = "NAME")]
    pub provider_ref: String,
    /// Send info and error events, or errors only (default: info)
    #[arg(long = "event-severity", value_parser = super::flags::choice::<EventSeverity>(), value_name = "SEVERITY")]
    pub event_severity: Option<EventSeverity>,
    /// Objects whose events to send, Kind/name[.namespace], name * for all of a kind (repeat or separate with commas)
    #[arg(long = "event-source", value_name = "KIND/NAME", value_delimiter = ',')]
    pub event_sources: Vec<String>,
    #[command(flatten)]
    pub create: CreateFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # GitHub push webhooks reconcile a Git source at once\n  \
    floe create receiver github-receiver \\\n    --type=github \\\n    --event=ping,push \\\n    --secret-ref=webhook-token \\\n    --resource=GitRepository/webapp \\\n    --export")]
pub struct ReceiverArgs {
    /// Name of the Receiver (an RFC 1123 label)
    pub name: String,
    /// Who calls the webhook
    #[arg(long = "type", value_parser = super::flags::choice::<ReceiverType>(), value_name = "TYPE")]
    pub receiver_type: ReceiverType,
    /// Events to act on, as the caller names them (repeat or separate with commas)
    #[arg(long = "event", value_name = "EVENT", value_delimiter = ',')]
    pub events: Vec<String>,
    /// Objects to reconcile, Kind/name[.namespace] (repeat or separate with commas)
    #[arg(long = "resource", value_name = "KIND/NAME", value_delimiter = ',')]
    pub resources: Vec<String>,
    /// Secret with the webhook token (create it with `floe create secret receiver`)
    #[arg(long = "secret-ref", value_name = "NAME")]
    pub secret_ref: String,
    #[command(flatten)]
    pub create: CreateFlags,
}

pub fn run_provider(global: &GlobalArgs, ui: &Ui, a: AlertProviderArgs) -> anyhow::Result<()> {
    let object = notification::provider(&ProviderOptions {
        object: a.create.object(global, &a.name),
        provider_type: a.provider_type,
        channel: a.channel,
        username: a.username,
        address: a.address,
        secret_ref: a.secret_ref,
    })?;
    export_or_apply(global, ui, &object, &a.create)
}

pub fn run_alert(global: &GlobalArgs, ui: &Ui, a: AlertArgs) -> anyhow::Result<()> {
    let object = notification::alert(&AlertOptions {
        object: a.create.object(global, &a.name),
        provider_ref: a.provider_ref,
        event_severity: a.event_severity,
        event_sources: a.event_sources,
    })?;
    export_or_apply(global, ui, &object, &a.create)
}

pub fn run_receiver(global: &GlobalArgs, ui: &Ui, a: ReceiverArgs) -> anyhow::Result<()> {
    let object = notification::receiver(&ReceiverOptions {
        object: a.create.object(global, &a.name),
        receiver_type: a.receiver_type,
        events: a.events,
        resources: a.resources,
        secret_ref: a.secret_ref,
    })?;
    export_or_apply(global, ui, &object, &a.create)
}
