//! `floe build sync NAME --path DIR`: what the sync would apply from a local checkout, built
//! as kustomize-controller builds it, printed as `flux build kustomization` prints it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;

use super::output::{self, Format};
use super::target::{OneSync, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::preview::engine::{ENGINE_VERSION, Kustomize};
use crate::preview::{self, BuildOptions};
use crate::usage::InvalidInput;

/// The flags `build` and `diff` share (flux's spelling).
#[derive(Debug, Args)]
pub struct PreviewFlags {
    /// The local directory the sync's spec.path names (a checkout of its source)
    #[arg(long, value_name = "DIR", global = true)]
    pub path: Option<PathBuf>,
    /// Read the sync from this YAML file (e.g. the one committed in Git) instead of the cluster
    #[arg(long = "kustomization-file", value_name = "FILE", global = true)]
    pub kustomization_file: Option<PathBuf>,
    /// Paths to leave out, in .gitignore format (comma-separated; .sourceignore files are read too)
    #[arg(
        long = "ignore-paths",
        value_name = "GLOBS",
        value_delimiter = ',',
        global = true
    )]
    pub ignore_paths: Vec<String>,
    /// Fail when a variable without a default is not set
    #[arg(long = "strict-substitute", global = true)]
    pub strict_substitute: bool,
    /// Also build the syncs the path contains, from their sources' local directories
    #[arg(short = 'r', long, global = true)]
    pub recursive: bool,
    /// Local directories of sources for --recursive: Kind/namespace/name=DIR,...
    #[arg(
        long = "local-sources",
        value_name = "SOURCES",
        value_delimiter = ',',
        global = true
    )]
    pub local_sources: Vec<String>,
    /// The kustomize executable (default: kustomize on PATH, else kubectl kustomize)
    #[arg(long, value_name = "PATH", env = "FLOE_KUSTOMIZE", global = true)]
    pub kustomize: Option<PathBuf>,
    /// Accepted for flux's spelling: floe always builds on a scratch copy
    #[arg(long = "in-memory-build", hide = true, global = true)]
    pub in_memory_build: bool,
}

impl PreviewFlags {
    /// The options for `name`, checked: bad flags are usage errors before anything is read.
    pub fn options(
        &self,
        global: &GlobalArgs,
        name: &crate::kinds::ObjectName,
        dry_run: bool,
    ) -> anyhow::Result<BuildOptions> {
        let Some(path) = &self.path else {
            return Err(InvalidInput::new(
                "--path is required: the local directory of the sync's spec.path",
            )
            .into());
        };
        if !path.is_dir() {
            return Err(InvalidInput::new(format!(
                "invalid --path '{}': not a directory; give the checkout's directory the sync's spec.path names",
                path.display()
            ))
            .into());
        }
        self.options_at(&global.namespace, name, path, dry_run)
    }

    /// The options for sync `namespace/name` built from `path`.
    pub fn options_at(
        &self,
        namespace: &crate::kinds::Namespace,
        name: &crate::kinds::ObjectName,
        path: &std::path::Path,
        dry_run: bool,
    ) -> anyhow::Result<BuildOptions> {
        if dry_run && self.kustomization_file.is_none() {
            return Err(InvalidInput::new(
                "--dry-run needs --kustomization-file: without the cluster the sync is read from a file",
            )
            .into());
        }
        if let Some(file) = &self.kustomization_file
            && !file.is_file()
        {
            return Err(InvalidInput::new(format!(
                "invalid --kustomization-file '{}': not a file",
                file.display()
            ))
            .into());
        }
        let mut local_sources = BTreeMap::new();
        for entry in &self.local_sources {
            let Some((key, dir)) = entry
                .split_once('=')
                .filter(|(k, d)| k.contains('/') && !d.is_empty())
            else {
                return Err(InvalidInput::new(format!(
                    "invalid --local-sources '{entry}': expected Kind/namespace/name=DIR"
                ))
                .into());
            };
            local_sources.insert(key.to_string(), PathBuf::from(dir));
        }
        let kustomize = Kustomize::locate(
            self.kustomize.as_deref(),
            std::env::var_os("PATH").as_deref(),
        )?;
        Ok(BuildOptions {
            name: name.clone(),
            namespace: namespace.clone(),
            path: path.to_path_buf(),
            kustomization_file: self.kustomization_file.clone(),
            ignore_paths: self.ignore_paths.clone(),
            dry_run,
            strict_substitute: self.strict_substitute,
            recursive: self.recursive,
            local_sources,
            kustomize,
            reveal_secrets: false,
            parents: Vec::new(),
        })
    }
}

/// A warning when the kustomize found is not the one the controller embeds.
pub async fn check_version(ui: &Ui, kustomize: &Kustomize) {
    let timeout = crate::lifecycle::bounded(std::time::Duration::from_secs(10));
    match kustomize.version(timeout).await {
        Some(version) if version == ENGINE_VERSION => {}
        found => ui.step(
            Mark::Warning,
            &format!(
                "{} is kustomize {}, kustomize-controller builds with {ENGINE_VERSION}: the output may differ",
                kustomize.name(),
                found.as_deref().unwrap_or("of an unknown version")
            ),
        ),
    }
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # What the sync apps would apply from this checkout\n  \
    floe build sync apps --path ./clusters/prod/apps\n\n  \
    # Without a cluster: the sync from its file in Git\n  \
    floe build sync apps --path ./apps --kustomization-file ./clusters/prod/apps.yaml --dry-run")]
pub struct BuildArgs {
    #[command(subcommand)]
    pub target: Targets<OneSync>,
    #[command(flatten)]
    pub flags: PreviewFlags,
    /// Do not contact the cluster: the sync from --kustomization-file, no substituteFrom
    #[arg(long = "dry-run", global = true)]
    pub dry_run: bool,
    /// Output format: yaml (as flux build prints it) or json (a list of the objects)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(&[Format::Yaml, Format::Json]), default_value = "yaml")]
    pub output: Format,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: BuildArgs) -> anyhow::Result<()> {
    let name = args.target.names[0].clone();
    let opts = args.flags.options(global, &name, args.dry_run)?;
    block_on(|| async {
        check_version(ui, &opts.kustomize).await;
        let cluster = match opts.dry_run {
            true => None,
            false => Some(connect(global).await?),
        };
        let built = preview::build(cluster.as_ref(), &opts).await?;
        let objects = built.all_objects();
        let out = match args.output {
            Format::Json => output::json_document(&objects)?,
            _ => output::build_documents(&objects),
        };
        output::write(&out)?;
        Ok(())
    })
}
