//! `floe trigger receiver NAME --url URL [--token T] [--type generic|generic-hmac|generic-oidc]`:
//! sends a Receiver's webhook from outside the cluster, with flux's flags
//! ([`crate::trigger`]); `--wait` then waits, on the cluster, until the resources the Receiver
//! names have handled the reconcile request it made.

use clap::{Args, Subcommand};
use zeroize::Zeroizing;

use super::deferred::Deferred;
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::kinds::duration::GoDuration;
use crate::trigger::{Auth, TriggerOptions};
use crate::usage::InvalidInput;

/// flux's default audience of a fetched OIDC token, and the variable a token is read from.
const OIDC_TOKEN_ENV: &str = "FLUX_TRIGGER_RECEIVER_OIDC_TOKEN";

#[derive(Debug, Args)]
pub struct TriggerArgs {
    #[command(subcommand)]
    pub command: TriggerCommand,
}

#[derive(Debug, Subcommand)]
pub enum TriggerCommand {
    /// Send the webhook of a Receiver, as a Git host or a CI job would
    Receiver(Deferred<TriggerReceiverArgs>),
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # A generic Receiver\n  \
    floe trigger receiver my-receiver --token=\"$TOKEN\" --url=https://flux-webhook.example.com\n\n  \
    # A generic-hmac Receiver with a payload, then wait until its sources reconciled\n  \
    floe trigger receiver my-receiver --type=generic-hmac --token=\"$TOKEN\" \\\n    \
    --url=https://flux-webhook.example.com --payload='{\"image\":\"ghcr.io/org/app:v1.0.0\"}' --wait\n\n  \
    # A generic-oidc Receiver with the job's OIDC token in FLUX_TRIGGER_RECEIVER_OIDC_TOKEN\n  \
    floe trigger receiver my-receiver --type=generic-oidc --url=https://flux-webhook.example.com")]
pub struct TriggerReceiverArgs {
    /// The Receiver's name
    pub name: String,
    /// The base URL of the notification-controller's webhook receiver (it may hold a base path)
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// The Receiver's token (every type but generic-oidc)
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// The Receiver's type
    #[arg(long = "type", default_value = "generic", value_parser = ["generic", "generic-hmac", "generic-oidc"], value_name = "TYPE")]
    pub receiver_type: String,
    /// The OIDC token (generic-oidc; default: $FLUX_TRIGGER_RECEIVER_OIDC_TOKEN)
    #[arg(long = "oidc-token", value_name = "TOKEN")]
    pub oidc_token: Option<String>,
    /// The JSON payload to send
    #[arg(long, default_value = "{}", value_name = "JSON")]
    pub payload: String,
    /// How many times to retry a connection failure or a 404, 408, 429 or 5xx answer (0: never)
    #[arg(long, default_value = "10", value_name = "N")]
    pub retries: u32,
    /// The delay between retries
    #[arg(long = "retry-delay", default_value = "10s", value_name = "DURATION")]
    pub retry_delay: GoDuration,
    /// Then wait (reading the cluster) until the resources the Receiver names have reconciled
    #[arg(long)]
    pub wait: bool,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: TriggerArgs) -> anyhow::Result<()> {
    match args.command {
        TriggerCommand::Receiver(Deferred(a)) => run_receiver(global, ui, a),
    }
}

fn run_receiver(global: &GlobalArgs, ui: &Ui, args: TriggerReceiverArgs) -> anyhow::Result<()> {
    crate::manifests::validate::rfc1123_name("Receiver name", &args.name)?;
    let url = args.url.clone().ok_or_else(|| {
        InvalidInput::new(
            "--url is required: the base URL of the notification-controller's webhook receiver",
        )
    })?;
    let parsed = url::Url::parse(&url).map_err(|e| {
        InvalidInput::new(format!("invalid --url {:?}: {e}", crate::redact::url(&url)))
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(InvalidInput::new(format!(
            "invalid --url {:?}: give an http(s) URL",
            crate::redact::url(&url)
        ))
        .into());
    }
    if serde_json::from_str::<serde_json::Value>(&args.payload).is_err() {
        return Err(InvalidInput::new("invalid --payload: it must be JSON").into());
    }
    let oidc = args.receiver_type == "generic-oidc";
    let auth = match (oidc, &args.token) {
        (false, None) => {
            return Err(InvalidInput::new(format!(
                "--token is required for --type={}",
                args.receiver_type
            ))
            .into());
        }
        (false, Some(_)) if args.oidc_token.is_some() => {
            return Err(
                InvalidInput::new("--oidc-token can only be set for --type=generic-oidc").into(),
            );
        }
        (false, Some(token)) if args.receiver_type == "generic-hmac" => {
            Auth::Hmac(Zeroizing::new(token.clone()))
        }
        (false, Some(token)) => Auth::Generic(Zeroizing::new(token.clone())),
        (true, Some(_)) => {
            return Err(InvalidInput::new(
                "--token must not be set for --type=generic-oidc, the Receiver of this type has no secret",
            )
            .into());
        }
        (true, None) => {
            let token = args
                .oidc_token
                .clone()
                .or_else(|| std::env::var(OIDC_TOKEN_ENV).ok().filter(|t| !t.is_empty()))
                .ok_or_else(|| {
                    InvalidInput::new(format!(
                        "no OIDC token provided: set --oidc-token or the {OIDC_TOKEN_ENV} environment variable"
                    ))
                })?;
            Auth::Oidc(Zeroizing::new(token))
        }
    };
    let opts = TriggerOptions {
        name: args.name.clone(),
        namespace: global.namespace.to_string(),
        url,
        auth,
        payload: args.payload.clone().into_bytes(),
        retries: args.retries,
        retry_delay: args.retry_delay.0,
    };
    let receiver = format!("{}/{}", opts.namespace, opts.name);
    block_on(|| async {
        let deadline = tokio::time::Instant::now() + global.timeout.0;
        // Before the trigger: what each resource was last asked, to know the new request.
        let waiting = if args.wait {
            let cluster = connect(global).await?;
            let (resources, skipped) =
                crate::trigger::receiver_resources(&cluster, &opts.namespace, &opts.name).await?;
            for resource in &skipped {
                ui.step(
                    Mark::Warning,
                    &format!("{resource} is selected by labels; floe does not wait for it"),
                );
            }
            Some((cluster, resources))
        } else {
            None
        };
        ui.step(Mark::Applying, &format!("triggering Receiver {receiver}"));
        crate::trigger::trigger(&opts, &|error, attempt| {
            ui.step(
                Mark::Waiting,
                &format!(
                    "{error}; retrying in {} ({attempt}/{})",
                    args.retry_delay, args.retries
                ),
            )
        })
        .await?;
        ui.step(Mark::Done, &format!("Receiver {receiver} triggered"));
        if let Some((cluster, resources)) = waiting {
            ui.step(
                Mark::Waiting,
                &format!("waiting for {} resource(s) to reconcile", resources.len()),
            );
            crate::trigger::wait_for_resources(&cluster, &resources, deadline).await?;
            for (target, _) in &resources {
                ui.step(Mark::Done, &format!("{target} reconciled"));
            }
        }
        Ok(())
    })
}
