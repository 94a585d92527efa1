//! `floe create sync NAME` (aliases `kustomization`, `ks`): a Flux Kustomization.

use clap::Args;

use super::GlobalArgs;
use super::create_common::{CreateFlags, export_or_apply};
use crate::cli::ui::Ui;
use crate::kinds::duration::GoDuration;
use crate::manifests::create::{self, DecryptionProvider, SyncOptions};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # Apply ./kustomize of the podinfo GitRepository, pruning what is removed from Git\n  \
    floe create sync podinfo --source=podinfo --path=./kustomize --prune --export\n\n  \
    # From an OCIRepository in another namespace, into the default namespace, after infra is ready\n  \
    floe create sync apps \\\n    --source=OCIRepository/apps.sources \\\n    --path=./ \\\n    --target-namespace=default \\\n    --depends-on=infra \\\n    --export\n\n  \
    # Decrypt SOPS secrets with the keys in the sops-age secret\n  \
    floe create sync secrets \\\n    --source=secrets \\\n    --path=./secrets \\\n    --decryption-provider=sops \\\n    --decryption-secret=sops-age \\\n    --export")]
pub struct SyncArgs {
    /// Name of the Kustomization (an RFC 1123 label)
    pub name: String,
    /// Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket
    #[arg(long)]
    pub source: String,
    /// Directory in the source to apply, relative to its root
    #[arg(long, default_value = "./")]
    pub path: String,
    /// Delete objects that were removed from the source
    #[arg(long)]
    pub prune: bool,
    /// Wait until every applied object is ready
    #[arg(long)]
    pub wait: bool,
    /// How soon to retry after a failed reconciliation, e.g. 30s
    #[arg(long = "retry-interval", value_name = "DURATION")]
    pub retry_interval: Option<GoDuration>,
    /// How long health checks (--wait or --health-check) may take
    #[arg(
        long = "health-check-timeout",
        default_value = "2m",
        value_name = "DURATION"
    )]
    pub health_check_timeout: GoDuration,
    /// Put every applied namespaced object in this namespace
    #[arg(long = "target-namespace", value_name = "NAME")]
    pub target_namespace: Option<String>,
    /// Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)
    #[arg(long = "depends-on", value_name = "NAME", value_delimiter = ',')]
    pub depends_on: Vec<String>,
    /// Workload to check after applying, Kind/name.namespace (repeat or separate with commas)
    #[arg(
        long = "health-check",
        value_name = "KIND/NAME.NS",
        value_delimiter = ','
    )]
    pub health_checks: Vec<String>,
    /// Service account to impersonate when applying
    #[arg(long = "service-account", value_name = "NAME")]
    pub service_account: Option<String>,
    /// Decrypt secrets with this provider
    #[arg(long = "decryption-provider", value_parser = super::flags::choice::<DecryptionProvider>(), value_name = "PROVIDER")]
    pub decryption_provider: Option<DecryptionProvider>,
    /// Secret holding the decryption keys
    #[arg(long = "decryption-secret", value_name = "NAME")]
    pub decryption_secret: Option<String>,
    /// Name of a Secret with the kubeconfig of the cluster to apply to (key value or value.yaml)
    #[arg(long = "kubeconfig-secret-ref", value_name = "NAME")]
    pub kubeconfig_secret_ref: Option<String>,
    #[command(flatten)]
    pub create: CreateFlags,
}

pub fn run(global: &GlobalArgs, ui: &Ui, a: SyncArgs) -> anyhow::Result<()> {
    let object = create::kustomization(&SyncOptions {
        object: a.create.object(global, &a.name),
        source: a.source,
        path: a.path,
        prune: a.prune,
        wait: a.wait,
        retry_interval: a.retry_interval,
        health_check_timeout: a.health_check_timeout,
        target_namespace: a.target_namespace,
        depends_on: a.depends_on,
        health_checks: a.health_checks,
        service_account: a.service_account,
        decryption_provider: a.decryption_provider,
        decryption_secret: a.decryption_secret,
        kubeconfig_secret_ref: a.kubeconfig_secret_ref,
    })?;
    export_or_apply(global, ui, &object, &a.create)
}
