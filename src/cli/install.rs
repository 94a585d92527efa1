//! `floe install`: put the Flux components on the cluster (or print them with `--export`).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::install::fetch::{DEFAULT_RELEASE_URL, cache_dir, normalize_version};
use crate::install::transform::DEFAULT_REGISTRY;
use crate::install::{
    DEFAULT_COMPONENTS, InstallOptions, LogLevel, apply_and_wait, customize, load_manifests,
};

/// The options `install` and `bootstrap` share.
#[derive(Debug, Clone, Args)]
pub struct InstallFlags {
    /// Flux release to install, e.g. v2.9.4
    #[arg(long = "version", default_value = crate::DEFAULT_FLUX_VERSION, value_name = "VERSION")]
    pub flux_version: String,
    /// Install from this install.yaml, or every .yaml file in this directory, instead of downloading (air-gapped clusters)
    #[arg(long, value_name = "FILE|DIR")]
    pub manifests: Option<PathBuf>,
    /// Where Flux release assets are downloaded from: <URL>/<version>/install.yaml
    #[arg(long = "release-url", env = "FLOE_RELEASE_URL", default_value = DEFAULT_RELEASE_URL, value_name = "URL")]
    pub release_url: String,
    /// Controllers to install (separate with commas)
    #[arg(long, value_delimiter = ',', default_values_t = DEFAULT_COMPONENTS.iter().map(|s| s.to_string()), value_name = "NAMES")]
    pub components: Vec<String>,
    /// Extra controllers: image-reflector-controller, image-automation-controller, source-watcher
    #[arg(long = "components-extra", value_delimiter = ',', value_name = "NAMES")]
    pub components_extra: Vec<String>,
    /// Registry to pull the controller images from
    #[arg(long, default_value = DEFAULT_REGISTRY, value_name = "REGISTRY")]
    pub registry: String,
    /// Secret in the install namespace with credentials for --registry
    #[arg(long = "image-pull-secret", value_name = "NAME")]
    pub image_pull_secret: Option<String>,
    /// Install the network policies that restrict traffic to the controllers
    #[arg(long = "network-policy", default_value = "true", value_name = "BOOL",
          action = clap::ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_missing_value = "true", value_parser = super::flags::go_bool)]
    pub network_policy: bool,
    /// Let the controllers watch objects in every namespace, not only the install namespace
    #[arg(long = "watch-all-namespaces", default_value = "true", value_name = "BOOL",
          action = clap::ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_missing_value = "true", value_parser = super::flags::go_bool)]
    pub watch_all_namespaces: bool,
    /// The controllers' log level
    #[arg(long = "log-level", value_parser = super::flags::choice::<LogLevel>(), default_value = "info")]
    pub log_level: LogLevel,
    /// Taint keys the controllers tolerate (separate with commas)
    #[arg(long = "toleration-keys", value_delimiter = ',', value_name = "KEYS")]
    pub toleration_keys: Vec<String>,
    /// The cluster's DNS domain
    #[arg(
        long = "cluster-domain",
        default_value = "cluster.local",
        value_name = "DOMAIN"
    )]
    pub cluster_domain: String,
}

impl InstallFlags {
    pub fn options(&self, namespace: &str) -> anyhow::Result<InstallOptions> {
        let opts = InstallOptions {
            version: normalize_version(&self.flux_version)?,
            namespace: namespace.to_string(),
            components: self.components.clone(),
            components_extra: self.components_extra.clone(),
            registry: self.registry.clone(),
            image_pull_secret: self.image_pull_secret.clone(),
            network_policy: self.network_policy,
            watch_all_namespaces: self.watch_all_namespaces,
            log_level: self.log_level,
            toleration_keys: self.toleration_keys.clone(),
            cluster_domain: self.cluster_domain.clone(),
        };
        opts.validate()?;
        Ok(opts)
    }

    /// Reads (or downloads) the manifests and applies the options to them.
    pub async fn manifests(
        &self,
        opts: &InstallOptions,
        ui: &Ui,
    ) -> anyhow::Result<Vec<serde_json::Value>> {
        let (text, source) = load_manifests(
            self.manifests.as_deref(),
            &opts.version,
            &self.release_url,
            cache_dir().as_deref(),
        )
        .await?;
        ui.step(
            Mark::Generating,
            &format!("generating Flux {} manifests from {source}", opts.version),
        );
        let objects = crate::cluster::apply::parse_manifests(&text).map_err(|e| {
            anyhow::anyhow!("the install manifests from {source} are not valid YAML: {e}")
        })?;
        customize(objects, opts)
    }
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # Install the default controllers of the Flux release floe is tested with\n  \
    floe install\n\n  \
    # Air-gapped: install from a local install.yaml and a private registry\n  \
    floe install --manifests=./install.yaml --registry=registry.internal/fluxcd --image-pull-secret=regcred\n\n  \
    # Print the manifests instead of applying them\n  \
    floe install --export > flux-system.yaml")]
pub struct InstallArgs {
    #[command(flatten)]
    pub install: InstallFlags,
    /// Print the manifests to stdout instead of applying them
    #[arg(long)]
    pub export: bool,
    /// Wait for the controllers to roll out (--wait=false returns right after applying)
    #[arg(long, default_value = "true", value_name = "BOOL",
          action = clap::ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_missing_value = "true", value_parser = super::flags::go_bool)]
    pub wait: bool,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: InstallArgs) -> anyhow::Result<()> {
    let opts = args.install.options(&global.namespace)?;
    block_on(|| async {
        let objects = args.install.manifests(&opts, ui).await?;
        if args.export {
            let components: Vec<String> = opts
                .components
                .iter()
                .chain(&opts.components_extra)
                .cloned()
                .collect();
            let text = crate::install::manifest_file(&opts.version, &components, &objects);
            std::io::stdout().lock().write_all(text.as_bytes())?;
            return Ok(());
        }
        let cluster = connect(global).await?;
        ui.step(
            Mark::Applying,
            &format!("installing components in {} namespace", opts.namespace),
        );
        apply_and_wait(
            &cluster,
            objects,
            &opts.namespace,
            global.timeout.0,
            args.wait,
            ui,
        )
        .await?;
        ui.step(Mark::Done, "install finished");
        Ok(())
    })
}
