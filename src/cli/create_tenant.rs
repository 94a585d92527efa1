//! `floe create tenant NAME --with-namespace NS --cluster-role ROLE`: the namespaces, the
//! ServiceAccount and the RoleBindings a team's syncs and releases run as.

use clap::Args;

use super::GlobalArgs;
use super::create_common::export_or_apply_plain;
use crate::cli::ui::Ui;
use crate::manifests::tenant::{self, TenantOptions};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create tenant dev-team \\\n    --with-namespace=frontend,backend \\\n    --cluster-role=cluster-admin \\\n    --export")]
pub struct TenantArgs {
    /// Name of the tenant (an RFC 1123 label)
    pub name: String,
    /// The namespaces the tenant owns (repeat or separate with commas)
    #[arg(long = "with-namespace", value_name = "NAME", value_delimiter = ',')]
    pub namespaces: Vec<String>,
    /// The ClusterRole the tenant's account is bound to in its namespaces
    #[arg(
        long = "cluster-role",
        default_value = "cluster-admin",
        value_name = "NAME"
    )]
    pub cluster_role: String,
    /// The tenant's ServiceAccount (default: the tenant's name)
    #[arg(long = "with-service-account", value_name = "NAME")]
    pub service_account: Option<String>,
    /// Do not write the namespaces (they are managed elsewhere)
    #[arg(long = "skip-namespace")]
    pub skip_namespace: bool,
    /// Set a label on every object, as key=value (repeat or separate with commas)
    #[arg(long = "label", value_name = "KEY=VALUE", value_delimiter = ',')]
    pub labels: Vec<crate::kinds::names::Label>,
    /// Accepted as flux's `create` accepts it everywhere; a tenant's objects have no interval
    #[arg(long, value_name = "DURATION")]
    pub interval: Option<crate::kinds::duration::GoDuration>,
    /// Print the objects as YAML to stdout instead of applying them
    #[arg(long)]
    pub export: bool,
}

pub fn run(global: &GlobalArgs, ui: &Ui, a: TenantArgs) -> anyhow::Result<()> {
    let objects = tenant::tenant(&TenantOptions {
        name: a.name,
        namespaces: a.namespaces,
        cluster_role: a.cluster_role,
        service_account: a.service_account,
        skip_namespace: a.skip_namespace,
        labels: a.labels,
    })?;
    export_or_apply_plain(global, ui, &objects, a.export, "")
}
