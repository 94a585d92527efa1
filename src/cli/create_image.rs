//! `floe create image repository|policy|update NAME`: image automation objects.

use super::deferred::Deferred;
use clap::{Args, Subcommand};

use super::GlobalArgs;
use super::create_common::{CreateFlags, export_or_apply};
use crate::cli::ui::Ui;
use crate::kinds::duration::GoDuration;
use crate::manifests::image::{
    self, DigestReflection, ImagePolicyOptions, ImageProvider, ImageRepositoryOptions,
    ImageUpdateOptions, Order, SigningKeyType,
};

#[derive(Debug, Args)]
pub struct ImageArgs {
    #[command(subcommand)]
    pub kind: ImageKind,
}

#[derive(Debug, Subcommand)]
pub enum ImageKind {
    /// Create or update an ImageRepository: a registry repository to scan for tags
    Repository(Deferred<RepositoryArgs>),
    /// Create or update an ImagePolicy: which scanned tag is the newest
    Policy(Deferred<PolicyArgs>),
    /// Create or update an ImageUpdateAutomation: commit the newest tags to Git
    Update(Deferred<UpdateArgs>),
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create image repository podinfo \\\n    --image=ghcr.io/stefanprodan/podinfo \\\n    --interval=1m \\\n    --export")]
pub struct RepositoryArgs {
    /// Name of the ImageRepository (an RFC 1123 label)
    pub name: String,
    /// The repository to scan, e.g. ghcr.io/stefanprodan/podinfo or library/alpine
    #[arg(long, value_name = "IMAGE")]
    pub image: String,
    /// Secret of type docker-registry with the registry's credentials
    #[arg(long = "secret-ref", value_name = "NAME")]
    pub secret_ref: Option<String>,
    /// Secret with TLS certificates for the registry
    #[arg(
        long = "cert-ref",
        visible_alias = "cert-secret-ref",
        value_name = "NAME"
    )]
    pub cert_ref: Option<String>,
    /// How long a scan may take (default: the interval)
    #[arg(long = "scan-timeout", value_name = "DURATION")]
    pub scan_timeout: Option<GoDuration>,
    /// Who authenticates the scans (the API server defaults it to generic)
    #[arg(long, value_parser = super::flags::choice::<ImageProvider>())]
    pub provider: Option<ImageProvider>,
    #[command(flatten)]
    pub create: CreateFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # The newest 5.0 patch release\n  \
    floe create image policy podinfo \\\n    --image-ref=podinfo \\\n    --select-semver=5.0.x \\\n    --export\n\n  \
    # The newest main-<sha>-<timestamp> build, by timestamp\n  \
    floe create image policy podinfo-main \\\n    --image-ref=podinfo \\\n    --select-numeric=asc \\\n    --filter-regex='^main-[a-f0-9]+-(?P<ts>[0-9]+)' \\\n    --filter-extract='$ts' \\\n    --export")]
pub struct PolicyArgs {
    /// Name of the ImagePolicy (an RFC 1123 label)
    pub name: String,
    /// The ImageRepository whose tags to choose from
    #[arg(long = "image-ref", value_name = "NAME")]
    pub image_ref: String,
    /// Choose the highest tag in a semver range, e.g. 1.x or '>=1.0.0 <2.0.0'
    #[arg(long = "select-semver", value_name = "RANGE")]
    pub select_semver: Option<String>,
    /// Choose by alphabetical order: asc takes the last, desc the first
    #[arg(long = "select-alpha", value_parser = super::flags::choice::<Order>(), value_name = "ORDER")]
    pub select_alpha: Option<Order>,
    /// Choose by numerical order: asc takes the last, desc the first
    #[arg(long = "select-numeric", value_parser = super::flags::choice::<Order>(), value_name = "ORDER")]
    pub select_numeric: Option<Order>,
    /// Consider only tags matching this regular expression (RE2 syntax)
    #[arg(long = "filter-regex", value_name = "REGEX")]
    pub filter_regex: Option<String>,
    /// Sort by this replacement of the regex's groups, e.g. '$ts'
    #[arg(long = "filter-extract", value_name = "TEMPLATE")]
    pub filter_extract: Option<String>,
    /// When to record the chosen tag's digest
    #[arg(long = "reflect-digest", value_parser = super::flags::choice::<DigestReflection>(), value_name = "POLICY")]
    pub reflect_digest: Option<DigestReflection>,
    /// How often to check digests (with --reflect-digest=Always)
    #[arg(long, value_name = "DURATION")]
    pub interval: Option<GoDuration>,
    /// Set a label on the object, as key=value (repeat or separate with commas)
    #[arg(long = "label", value_name = "KEY=VALUE", value_delimiter = ',')]
    pub labels: Vec<crate::kinds::names::Label>,
    /// Print the object as YAML to stdout instead of applying it
    #[arg(long)]
    pub export: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe create image update flux-system \\\n    --git-repo-ref=flux-system \\\n    --git-repo-path=./clusters/my-cluster \\\n    --checkout-branch=main \\\n    --author-name=flux \\\n    --author-email=flux@example.com \\\n    --commit-template='{{range .Changed.Changes}}{{print .OldValue}} -> {{println .NewValue}}{{end}}' \\\n    --export")]
pub struct UpdateArgs {
    /// Name of the ImageUpdateAutomation (an RFC 1123 label)
    pub name: String,
    /// The GitRepository to update
    #[arg(long = "git-repo-ref", value_name = "NAME")]
    pub git_repo_ref: String,
    /// The GitRepository's namespace (default: the automation's)
    #[arg(long = "git-repo-namespace", value_name = "NAME")]
    pub git_repo_namespace: Option<String>,
    /// The directory to update (default: the repository root)
    #[arg(long = "git-repo-path", value_name = "PATH")]
    pub git_repo_path: Option<String>,
    /// The branch to check out
    #[arg(long = "checkout-branch", value_name = "BRANCH")]
    pub checkout_branch: String,
    /// The branch to push to (default: the checkout branch)
    #[arg(long = "push-branch", value_name = "BRANCH")]
    pub push_branch: Option<String>,
    /// A Go template for commit messages
    #[arg(long = "commit-template", value_name = "TEMPLATE")]
    pub commit_template: Option<String>,
    /// The commits' author name
    #[arg(long = "author-name", value_name = "NAME")]
    pub author_name: String,
    /// The commits' author email
    #[arg(long = "author-email", value_name = "EMAIL")]
    pub author_email: String,
    /// Secret with the key to sign commits with
    #[arg(
        long = "signing-key-secret",
        visible_alias = "signing-key-secret-ref",
        value_name = "NAME"
    )]
    pub signing_key_secret: Option<String>,
    /// The signing key's format (default: gpg)
    #[arg(long = "signing-key-type", value_parser = super::flags::choice::<SigningKeyType>(), value_name = "TYPE")]
    pub signing_key_type: Option<SigningKeyType>,
    #[command(flatten)]
    pub create: CreateFlags,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: ImageArgs) -> anyhow::Result<()> {
    match args.kind {
        ImageKind::Repository(Deferred(a)) => {
            let object = image::image_repository(&ImageRepositoryOptions {
                object: a.create.object(global, &a.name),
                image: a.image,
                secret_ref: a.secret_ref,
                cert_secret_ref: a.cert_ref,
                scan_timeout: a.scan_timeout,
                provider: a.provider,
            })?;
            export_or_apply(global, ui, &object, &a.create)
        }
        ImageKind::Policy(Deferred(a)) => {
            // The policy's own --interval (digest checks) replaces create's.
            let create = CreateFlags {
                interval: a.interval.unwrap_or(GoDuration(std::time::Duration::ZERO)),
                labels: a.labels,
                export: a.export,
            };
            let object = image::image_policy(&ImagePolicyOptions {
                object: create.object(global, &a.name),
                image_ref: a.image_ref,
                semver: a.select_semver,
                alpha: a.select_alpha,
                numeric: a.select_numeric,
                filter_regex: a.filter_regex,
                filter_extract: a.filter_extract,
                reflect_digest: a.reflect_digest,
                interval: a.interval,
            })?;
            export_or_apply(global, ui, &object, &create)
        }
        ImageKind::Update(Deferred(a)) => {
            let object = image::image_update(&ImageUpdateOptions {
                object: a.create.object(global, &a.name),
                git_repo_ref: a.git_repo_ref,
                git_repo_namespace: a.git_repo_namespace,
                git_repo_path: a.git_repo_path,
                checkout_branch: a.checkout_branch,
                push_branch: a.push_branch,
                commit_template: a.commit_template,
                author_name: a.author_name,
                author_email: a.author_email,
                signing_key_secret: a.signing_key_secret,
                signing_key_type: a.signing_key_type,
            })?;
            export_or_apply(global, ui, &object, &a.create)
        }
    }
}
