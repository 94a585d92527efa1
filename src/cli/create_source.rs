//! `floe create source git|helm|oci|bucket|chart NAME`.

use super::deferred::Deferred;
use clap::{Args, Subcommand};

use super::GlobalArgs;
use super::create_common::{CreateFlags, apply_and_wait, export_or_apply};
use super::{block_on, connect};
use crate::cli::ui::{Mark, Ui};
use crate::cluster::Cluster;
use crate::credentials::KeyAlgorithm;
use crate::manifests::create::{
    self, BucketProvider, BucketSourceOptions, GitProvider, GitSourceOptions, HelmRepositoryType,
    HelmSourceOptions, OciProvider, OciSourceOptions,
};
use crate::objects;

#[derive(Debug, Args)]
pub struct SourceArgs {
    #[command(subcommand)]
    pub kind: SourceKind,
    /// How long source-controller may take for one fetch (git clone, helm repo update), e.g. 60s
    #[arg(long = "fetch-timeout", value_name = "DURATION", global = true)]
    pub fetch_timeout: Option<crate::kinds::duration::GoDuration>,
}

/// How source-controller verifies a signature: `create source oci|chart`.
#[derive(Debug, Args)]
pub struct VerifyFlags {
    /// Verify the signature with this provider
    #[arg(long = "verify-provider", value_parser = super::flags::choice::<create::VerifyProvider>(), value_name = "PROVIDER")]
    pub verify_provider: Option<create::VerifyProvider>,
    /// Secret with the public keys to verify with
    #[arg(long = "verify-secret-ref", value_name = "NAME")]
    pub verify_secret_ref: Option<String>,
    /// Regular expression the signer's OIDC issuer must match (keyless cosign)
    #[arg(long = "verify-issuer", value_name = "REGEX")]
    pub verify_issuer: Option<String>,
    /// Regular expression the signer's OIDC subject must match (keyless cosign)
    #[arg(long = "verify-subject", value_name = "REGEX")]
    pub verify_subject: Option<String>,
}

impl VerifyFlags {
    fn options(self) -> create::VerifyOptions {
        create::VerifyOptions {
            provider: self.verify_provider,
            secret_ref: self.verify_secret_ref,
            issuer: self.verify_issuer,
            subject: self.verify_subject,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum SourceKind {
    /// Create or update a GitRepository source
    Git(Deferred<GitArgs>),
    /// Create or update a HelmRepository source
    Helm(Deferred<HelmArgs>),
    /// Create or update an OCIRepository source
    Oci(Deferred<OciArgs>),
    /// Create or update a Bucket source
    Bucket(Deferred<BucketArgs>),
    /// Create or update a HelmChart source: a chart from a HelmRepository, GitRepository or Bucket
    Chart(Deferred<ChartArgs>),
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create source chart podinfo \\\n    --source=HelmRepository/podinfo \\\n    --chart=podinfo \\\n    --chart-version='6.x' \\\n    --export")]
pub struct ChartArgs {
    /// Name of the HelmChart (an RFC 1123 label)
    pub name: String,
    /// Where the chart comes from, Kind/name; Kind is HelmRepository, GitRepository or Bucket
    #[arg(long, value_name = "KIND/NAME")]
    pub source: String,
    /// Chart name (HelmRepository) or path (GitRepository, Bucket)
    #[arg(long, value_name = "NAME|PATH")]
    pub chart: String,
    /// Chart version or semver range (ignored for charts from GitRepository sources)
    #[arg(long = "chart-version", value_name = "VERSION")]
    pub chart_version: Option<String>,
    /// When the chart counts as changed
    #[arg(long = "reconcile-strategy", value_parser = super::flags::choice::<create::ReconcileStrategy>(), default_value = "ChartVersion", value_name = "STRATEGY")]
    pub reconcile_strategy: create::ReconcileStrategy,
    #[command(flatten)]
    pub verify: VerifyFlags,
    #[command(flatten)]
    pub create: CreateFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # A public repository's branch\n  \
    floe create source git podinfo \\\n    --url=https://github.com/stefanprodan/podinfo \\\n    --branch=master \\\n    --export\n\n  \
    # A tag range, re-checked every 10 minutes\n  \
    floe create source git podinfo \\\n    --url=https://github.com/stefanprodan/podinfo \\\n    --tag-semver='>=6.0.0 <7.0.0' \\\n    --interval=10m \\\n    --export\n\n  \
    # A private repository over SSH, with credentials in an existing secret\n  \
    floe create source git app \\\n    --url=ssh://git@github.com/org/app \\\n    --branch=main \\\n    --secret-ref=app-deploy-key \\\n    --export")]
pub struct GitArgs {
    /// Name of the GitRepository (an RFC 1123 label)
    pub name: String,
    /// Repository URL: https://host/org/repo, http://... or ssh://git@host/org/repo
    #[arg(long)]
    pub url: String,
    /// Branch to follow (may be combined with --commit)
    #[arg(long)]
    pub branch: Option<String>,
    /// Tag to check out
    #[arg(long)]
    pub tag: Option<String>,
    /// Semver range of tags to follow, e.g. '>=1.0.0 <2.0.0'
    #[arg(long = "tag-semver", value_name = "RANGE")]
    pub tag_semver: Option<String>,
    /// Full reference name, e.g. refs/heads/main or refs/pull/42/head
    #[arg(long = "ref-name", value_name = "REF")]
    pub ref_name: Option<String>,
    /// Commit SHA to check out
    #[arg(long)]
    pub commit: Option<String>,
    /// Name of an existing secret with SSH keys or basic-auth credentials
    #[arg(long = "secret-ref", value_name = "NAME")]
    pub secret_ref: Option<String>,
    /// Who authenticates the pulls
    #[arg(long, value_parser = super::flags::choice::<GitProvider>())]
    pub provider: Option<GitProvider>,
    /// Include Git submodules in the artifact
    #[arg(long = "recurse-submodules")]
    pub recurse_submodules: bool,
    /// Paths to leave out of the artifact, in .gitignore syntax (repeat or separate with commas)
    #[arg(long = "ignore-paths", value_name = "PATH", value_delimiter = ',')]
    pub ignore_paths: Vec<String>,
    /// Check out only these directories (repeat or separate with commas)
    #[arg(
        long = "sparse-checkout-paths",
        value_name = "PATH",
        value_delimiter = ','
    )]
    pub sparse_checkout_paths: Vec<String>,
    /// Name of an existing secret with the proxy to fetch through
    #[arg(long = "proxy-secret-ref", value_name = "NAME")]
    pub proxy_secret_ref: Option<String>,
    #[command(flatten)]
    pub create: CreateFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # A chart repository over HTTPS\n  \
    floe create source helm podinfo --url=https://stefanprodan.github.io/podinfo --export\n\n  \
    # An OCI registry of charts, with registry credentials in a secret\n  \
    floe create source helm podinfo \\\n    --url=oci://ghcr.io/stefanprodan/charts \\\n    --secret-ref=ghcr \\\n    --export")]
pub struct HelmArgs {
    /// Name of the HelmRepository (an RFC 1123 label)
    pub name: String,
    /// Repository URL: https://..., http://... or oci://registry/path
    #[arg(long)]
    pub url: String,
    /// Name of an existing secret with credentials
    #[arg(long = "secret-ref", value_name = "NAME")]
    pub secret_ref: Option<String>,
    /// Repository type; oci:// URLs are always `oci`
    #[arg(long = "type", value_parser = super::flags::choice::<HelmRepositoryType>(), value_name = "TYPE")]
    pub repository_type: Option<HelmRepositoryType>,
    /// Same as --type=oci
    #[arg(long, conflicts_with = "repository_type")]
    pub oci: bool,
    /// Send the credentials of --secret-ref to every host the index names, not only --url's
    #[arg(long = "pass-credentials")]
    pub pass_credentials: bool,
    /// Who authenticates the pulls from an OCI repository
    #[arg(long = "oci-provider", value_parser = super::flags::choice::<OciProvider>(), value_name = "PROVIDER")]
    pub oci_provider: Option<OciProvider>,
    #[command(flatten)]
    pub create: CreateFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create source oci podinfo \\\n    --url=oci://ghcr.io/stefanprodan/manifests/podinfo \\\n    --tag=6.6.0 \\\n    --export\n  \
    floe create source oci podinfo \\\n    --url=oci://ghcr.io/stefanprodan/manifests/podinfo \\\n    --tag-semver='6.x' \\\n    --export")]
pub struct OciArgs {
    /// Name of the OCIRepository (an RFC 1123 label)
    pub name: String,
    /// Artifact URL: oci://registry/repository
    #[arg(long)]
    pub url: String,
    /// Tag to pull
    #[arg(long)]
    pub tag: Option<String>,
    /// Semver range of tags to follow
    #[arg(long = "tag-semver", value_name = "RANGE")]
    pub tag_semver: Option<String>,
    /// Digest to pull, e.g. sha256:<hex>
    #[arg(long)]
    pub digest: Option<String>,
    /// Name of an existing image pull secret
    #[arg(long = "secret-ref", value_name = "NAME")]
    pub secret_ref: Option<String>,
    /// Who authenticates the pulls
    #[arg(long, value_parser = super::flags::choice::<OciProvider>(), default_value = "generic")]
    pub provider: OciProvider,
    /// Name of an existing secret with TLS certificates for the registry
    #[arg(long = "cert-ref", value_name = "NAME")]
    pub cert_ref: Option<String>,
    /// ServiceAccount whose image pull secrets authenticate the pulls
    #[arg(long = "service-account", value_name = "NAME")]
    pub service_account: Option<String>,
    /// Use plain HTTP to the registry
    #[arg(long)]
    pub insecure: bool,
    /// Paths to leave out of the artifact, in .gitignore syntax (repeat or separate with commas)
    #[arg(long = "ignore-paths", value_name = "PATH", value_delimiter = ',')]
    pub ignore_paths: Vec<String>,
    /// The layer to take and how: <media-type>:<operation>, the operation extract or copy
    #[arg(long = "layer-selector", value_name = "MEDIA-TYPE:OPERATION")]
    pub layer_selector: Option<String>,
    /// Name of an existing secret with the proxy to fetch through
    #[arg(long = "proxy-secret-ref", value_name = "NAME")]
    pub proxy_secret_ref: Option<String>,
    #[command(flatten)]
    pub verify: VerifyFlags,
    #[command(flatten)]
    pub create: CreateFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create source bucket podinfo \\\n    --bucket-name=podinfo \\\n    --endpoint=minio.minio.svc.cluster.local:9000 \\\n    --insecure \\\n    --export\n  \
    floe create source bucket podinfo \\\n    --provider=aws \\\n    --bucket-name=podinfo \\\n    --endpoint=s3.amazonaws.com \\\n    --region=us-east-1 \\\n    --export")]
pub struct BucketArgs {
    /// Name of the Bucket (an RFC 1123 label)
    pub name: String,
    /// Name of the bucket in the object store
    #[arg(long = "bucket-name", value_name = "NAME")]
    pub bucket_name: String,
    /// Object store endpoint, host[:port] without a scheme
    #[arg(long, value_name = "HOST")]
    pub endpoint: String,
    /// The object storage API
    #[arg(long, value_parser = super::flags::choice::<BucketProvider>(), default_value = "generic")]
    pub provider: BucketProvider,
    /// Bucket region
    #[arg(long)]
    pub region: Option<String>,
    /// Use plain HTTP instead of HTTPS
    #[arg(long)]
    pub insecure: bool,
    /// Name of an existing secret with access keys
    #[arg(long = "secret-ref", value_name = "NAME")]
    pub secret_ref: Option<String>,
    /// Paths to leave out of the artifact, in .gitignore syntax (repeat or separate with commas)
    #[arg(long = "ignore-paths", value_name = "PATH", value_delimiter = ',')]
    pub ignore_paths: Vec<String>,
    /// Name of an existing secret with the proxy to fetch through
    #[arg(long = "proxy-secret-ref", value_name = "NAME")]
    pub proxy_secret_ref: Option<String>,
    #[command(flatten)]
    pub create: CreateFlags,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: SourceArgs) -> anyhow::Result<()> {
    let fetch = |proxy_secret_ref: Option<String>| create::FetchOptions {
        timeout: args.fetch_timeout,
        proxy_secret_ref,
    };
    match args.kind {
        SourceKind::Git(Deferred(a)) => {
            // Like flux: an SSH URL without credentials gets a new deploy key, stored in a
            // Secret named after the source.
            let generate_key =
                !a.create.export && a.secret_ref.is_none() && a.url.starts_with("ssh://");
            if generate_key {
                // Its host goes to ssh-keyscan: checked before the cluster is asked anything.
                crate::credentials::ssh_host(&a.url)?;
            }
            let secret_ref = if generate_key {
                Some(a.name.clone())
            } else {
                a.secret_ref
            };
            let object = create::git_repository(&GitSourceOptions {
                object: a.create.object(global, &a.name),
                url: a.url.clone(),
                branch: a.branch,
                tag: a.tag,
                tag_semver: a.tag_semver,
                ref_name: a.ref_name,
                commit: a.commit,
                secret_ref,
                provider: a.provider,
                recurse_submodules: a.recurse_submodules,
                ignore_paths: a.ignore_paths,
                sparse_checkout_paths: a.sparse_checkout_paths,
                fetch: fetch(a.proxy_secret_ref),
            })?;
            if !generate_key {
                return export_or_apply(global, ui, &object, &a.create);
            }
            block_on(|| async {
                let cluster = connect(global).await?;
                deploy_key(&cluster, global, ui, &a.name, &a.url).await?;
                apply_and_wait(&cluster, global, ui, &object).await
            })
        }
        SourceKind::Helm(Deferred(a)) => {
            let object = create::helm_repository(&HelmSourceOptions {
                object: a.create.object(global, &a.name),
                url: a.url,
                secret_ref: a.secret_ref,
                repository_type: if a.oci {
                    Some(HelmRepositoryType::Oci)
                } else {
                    a.repository_type
                },
                pass_credentials: a.pass_credentials,
                oci_provider: a.oci_provider,
                fetch: fetch(None),
            })?;
            export_or_apply(global, ui, &object, &a.create)
        }
        SourceKind::Oci(Deferred(a)) => {
            let object = create::oci_repository(&OciSourceOptions {
                object: a.create.object(global, &a.name),
                url: a.url,
                tag: a.tag,
                tag_semver: a.tag_semver,
                digest: a.digest,
                secret_ref: a.secret_ref,
                provider: a.provider,
                cert_ref: a.cert_ref,
                service_account: a.service_account,
                insecure: a.insecure,
                ignore_paths: a.ignore_paths,
                layer_selector: a.layer_selector,
                verify: a.verify.options(),
                fetch: fetch(a.proxy_secret_ref),
            })?;
            export_or_apply(global, ui, &object, &a.create)
        }
        SourceKind::Bucket(Deferred(a)) => {
            let object = create::bucket(&BucketSourceOptions {
                object: a.create.object(global, &a.name),
                bucket_name: a.bucket_name,
                endpoint: a.endpoint,
                provider: a.provider,
                region: a.region,
                insecure: a.insecure,
                secret_ref: a.secret_ref,
                ignore_paths: a.ignore_paths,
                fetch: fetch(a.proxy_secret_ref),
            })?;
            export_or_apply(global, ui, &object, &a.create)
        }
        SourceKind::Chart(Deferred(a)) => {
            let object = create::helm_chart(&create::HelmChartOptions {
                object: a.create.object(global, &a.name),
                source: a.source,
                chart: a.chart,
                chart_version: a.chart_version,
                reconcile_strategy: a.reconcile_strategy,
                verify: a.verify.options(),
            })?;
            export_or_apply(global, ui, &object, &a.create)
        }
    }
}

/// Makes sure the Secret with the source's SSH key exists, prints the public key (stdout: it is
/// what the user copies) and, on a terminal, asks whether it was added as a deploy key.
async fn deploy_key(
    cluster: &Cluster,
    global: &GlobalArgs,
    ui: &Ui,
    name: &str,
    url: &str,
) -> anyhow::Result<()> {
    let ns = &global.namespace;
    ui.step(
        Mark::Generating,
        &format!("deploy key in Secret {ns}/{name}"),
    );
    let (public_key, created) =
        objects::ensure_ssh_credentials(cluster, ns, name, url, KeyAlgorithm::default()).await?;
    if created == objects::SecretChange::Created {
        ui.step(Mark::Done, &format!("Secret {ns}/{name} created"));
    } else {
        ui.step(
            Mark::Done,
            &format!("Secret {ns}/{name} already has a key; keeping it"),
        );
    }
    ui.step(
        Mark::Applying,
        "add this public key to the repository as a deploy key:",
    );
    println!("{public_key}");
    if ui.interactive
        && !dialoguer::Confirm::new()
            .with_prompt("Have you added the deploy key to the repository?")
            .default(true)
            .interact()?
    {
        anyhow::bail!(
            "the GitRepository was not applied; add the deploy key and run the command again (the key in Secret {ns}/{name} is kept)"
        );
    }
    Ok(())
}
