//! `floe bootstrap github|gitlab|gitea|bitbucket-server|git`: turn flags into
//! [`bootstrap::Options`] and a [`bootstrap::GitHost`] (a [`HostedTarget`] over the service's
//! API, or plain Git), then run [`bootstrap::run`].

use std::io::Write;
use std::path::PathBuf;

use super::deferred::Deferred;
use clap::{Args, Subcommand};
use zeroize::Zeroizing;

use super::install::InstallFlags;
use super::output::{self, Format};
use super::{GlobalArgs, block_on, connect};
use crate::bootstrap::{
    self, GitFlags, GitHost, GitTarget, HostedTarget, Options, PullAuth, TeamAccess, files,
};
use crate::cli::ui::{Mark, StepPrinter, Ui};
use crate::host::Provider;
use crate::host::api::{RepoApi, Visibility};
use crate::host::bitbucket::BitbucketServer;
use crate::host::gitea::Gitea;
use crate::host::github::{self, GitHub};
use crate::host::gitlab::{self, GitLab};
use crate::install::InstallOptions;
use crate::kinds::duration::GoDuration;
use crate::manifests::validate;
use crate::usage::InvalidInput;

#[derive(Debug, Args)]
pub struct BootstrapArgs {
    #[command(subcommand)]
    pub command: BootstrapCommand,
}

#[derive(Debug, Subcommand)]
pub enum BootstrapCommand {
    /// Bootstrap from a GitHub repository, created if it does not exist
    Github(Deferred<Box<GithubArgs>>),
    /// Bootstrap from a GitLab project, created if it does not exist
    Gitlab(Deferred<Box<GitlabArgs>>),
    /// Bootstrap from a Gitea repository, created if it does not exist
    Gitea(Deferred<Box<GiteaArgs>>),
    /// Bootstrap from a Bitbucket Server (Data Center) repository, created if it does not exist
    BitbucketServer(Deferred<Box<BitbucketServerArgs>>),
    /// Bootstrap from any Git server (no provider API)
    Git(Deferred<Box<GitArgs>>),
}

/// Flags both bootstrap commands take.
#[derive(Debug, Clone, Args)]
pub struct CommonFlags {
    /// Branch to commit to and sync from (created when missing)
    #[arg(long, default_value = "main", value_name = "NAME")]
    pub branch: String,
    /// Directory of this cluster in the repository (default: the root); floe writes only <path>/flux-system
    #[arg(
        long,
        default_value = "",
        hide_default_value = true,
        value_name = "PATH"
    )]
    pub path: String,
    /// How often the cluster checks the repository for new commits
    #[arg(long, default_value = "1m", value_name = "DURATION")]
    pub interval: GoDuration,
    /// Secret in the install namespace with the cluster's Git credentials
    #[arg(
        long = "secret-name",
        default_value = "flux-system",
        value_name = "NAME"
    )]
    pub secret_name: String,
    #[command(flatten)]
    pub ssh_key: super::flags::SshKeyFlags,
    /// Commit author name (default: git config user.name, else floe)
    #[arg(long = "author-name", value_name = "NAME")]
    pub author_name: Option<String>,
    /// Commit author email (default: git config user.email)
    #[arg(long = "author-email", value_name = "EMAIL")]
    pub author_email: Option<String>,
    /// Text added to the end of the commit message
    #[arg(long = "commit-message-appendix", value_name = "TEXT")]
    pub commit_message_appendix: Option<String>,
    /// Show the plan (repository actions, a diff of the files, a server-side dry run) and change nothing
    #[arg(long = "dry-run")]
    pub dry_run: bool,
    /// Install even when the cluster's Kubernetes is older than the Flux release supports
    #[arg(long = "skip-version-check")]
    pub skip_version_check: bool,
    /// Output: text (progress on stderr) or json (one object per step, then the result, on stdout)
    #[arg(short = 'o', long, value_parser = output::parser(output::REPORTS), default_value = "text")]
    pub output: Format,
    #[command(flatten)]
    pub install: InstallFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # A private repository of your own, synced at clusters/dev\n  \
    export GITHUB_TOKEN=<token>\n  \
    floe bootstrap github --owner=me --repository=fleet --personal --path=clusters/dev\n\n  \
    # An organisation's repository with team access, the cluster pulling with the token\n  \
    floe bootstrap github --owner=acme --repository=fleet --team=platform:maintain \\\n    --path=clusters/prod --token-auth\n\n  \
    # Show what would change, and change nothing\n  \
    floe bootstrap github --owner=me --repository=fleet --personal --path=clusters/dev --dry-run")]
pub struct GithubArgs {
    #[command(flatten)]
    pub api: ApiFlags,
    /// Create the repository private
    #[arg(long, default_value = "true", value_name = "BOOL",
          action = clap::ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_missing_value = "true", value_parser = super::flags::go_bool)]
    pub private: bool,
    /// Grant a team access: name[:pull|triage|push|maintain|admin] (default maintain; repeatable, or comma-separated)
    #[arg(long = "team", value_name = "NAME[:PERMISSION]", value_delimiter = ',')]
    pub teams: Vec<TeamAccess>,
    /// GitHub host; another host is GitHub Enterprise Server, HOST[:PORT]
    #[arg(long, default_value = github::GITHUB_COM, value_name = "HOST[:PORT]")]
    pub hostname: String,
    #[command(flatten)]
    pub common: CommonFlags,
}

/// Flags every bootstrap over a hosting service's API takes.
#[derive(Debug, Clone, Args)]
pub struct ApiFlags {
    /// The user, organisation or group that owns the repository
    #[arg(long, value_name = "NAME")]
    pub owner: String,
    /// The repository name
    #[arg(long, value_name = "NAME")]
    pub repository: String,
    /// The owner is a user, not an organisation or group
    #[arg(long)]
    pub personal: bool,
    /// A CA certificate (PEM) to trust for the host's API and Git, for servers with a private CA
    #[arg(long = "ca-file", value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
    /// The cluster pulls over HTTPS with the token instead of SSH with a deploy key
    #[arg(long = "token-auth")]
    pub token_auth: bool,
    /// Give the deploy key write access (for image automation)
    #[arg(long = "read-write-key")]
    pub read_write_key: bool,
    /// SSH host (HOST[:PORT]) the cluster pulls from, when it differs from --hostname
    #[arg(long = "ssh-hostname", value_name = "HOST[:PORT]")]
    pub ssh_hostname: Option<String>,
    /// Also bring an existing repository's visibility and default branch in line with the flags
    #[arg(long)]
    pub reconcile: bool,
    /// Never prompt: without the token's environment variable fail instead of asking for it
    #[arg(short = 'y', long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # A private project of your own on gitlab.com, synced at clusters/dev\n  \
    export GITLAB_TOKEN=<token with the api scope>\n  \
    floe bootstrap gitlab --owner=me --repository=fleet --personal --path=clusters/dev\n\n  \
    # A project in a subgroup of a self-managed GitLab, pulled with a deploy token\n  \
    floe bootstrap gitlab --hostname=gitlab.example.com --owner=acme/platform \\\n    --repository=fleet --path=clusters/prod --deploy-token-auth")]
pub struct GitlabArgs {
    #[command(flatten)]
    pub api: ApiFlags,
    /// Who can see a project floe creates (and, with --reconcile, an existing one)
    #[arg(long, value_parser = super::flags::choice::<Visibility>(), default_value = "private", value_name = "public|internal|private")]
    pub visibility: Visibility,
    /// Share the project with a group (its full path), as Maintainer (repeatable, or comma-separated)
    #[arg(long = "team", value_name = "GROUP", value_delimiter = ',')]
    pub teams: Vec<String>,
    /// The cluster pulls over HTTPS with a project deploy token floe creates, instead of SSH with a deploy key
    #[arg(long = "deploy-token-auth")]
    pub deploy_token_auth: bool,
    /// GitLab host; another host is a self-managed GitLab, HOST[:PORT]
    #[arg(long, default_value = gitlab::GITLAB_COM, value_name = "HOST[:PORT]")]
    pub hostname: String,
    #[command(flatten)]
    pub common: CommonFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # An organisation's repository with team access\n  \
    export GITEA_TOKEN=<token>\n  \
    floe bootstrap gitea --hostname=gitea.example.com --owner=acme --repository=fleet \\\n    --team=platform --path=clusters/prod\n\n  \
    # A repository of your own, the cluster pulling with the token\n  \
    floe bootstrap gitea --hostname=gitea.example.com --owner=me --repository=fleet --personal --token-auth")]
pub struct GiteaArgs {
    #[command(flatten)]
    pub api: ApiFlags,
    /// Create the repository private
    #[arg(long, default_value = "true", value_name = "BOOL",
          action = clap::ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_missing_value = "true", value_parser = super::flags::go_bool)]
    pub private: bool,
    /// Add a team to the repository: name[:permission], as flux takes it; Gitea keeps the permission on the team (repeatable, or comma-separated)
    #[arg(long = "team", value_name = "NAME[:PERMISSION]", value_delimiter = ',')]
    pub teams: Vec<TeamAccess>,
    /// Gitea host, HOST[:PORT]
    #[arg(long, default_value = "gitea.com", value_name = "HOST[:PORT]")]
    pub hostname: String,
    #[command(flatten)]
    pub common: CommonFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # A repository in project FLEET, with write access for a group\n  \
    export BITBUCKET_TOKEN=<token>\n  \
    floe bootstrap bitbucket-server --hostname=bitbucket.example.com --username=alice \\\n    --owner=FLEET --repository=fleet --group=platform --path=clusters/prod\n\n  \
    # A repository of your own (~alice), the cluster pulling with the token\n  \
    floe bootstrap bitbucket-server --hostname=bitbucket.example.com --username=alice \\\n    --owner=alice --personal --repository=fleet --token-auth")]
pub struct BitbucketServerArgs {
    #[command(flatten)]
    pub api: ApiFlags,
    /// Create the repository private
    #[arg(long, default_value = "true", value_name = "BOOL",
          action = clap::ArgAction::Set, num_args = 0..=1, require_equals = true,
          default_missing_value = "true", value_parser = super::flags::go_bool)]
    pub private: bool,
    /// Give a group write access to the repository (repeatable, or comma-separated)
    #[arg(long = "group", value_name = "NAME", value_delimiter = ',')]
    pub groups: Vec<String>,
    /// The user the token belongs to, for the API and for Git over HTTPS
    #[arg(short = 'u', long, default_value = "git", value_name = "NAME")]
    pub username: String,
    /// Bitbucket Server host, HOST[:PORT]
    #[arg(long, value_name = "HOST[:PORT]")]
    pub hostname: String,
    #[command(flatten)]
    pub common: CommonFlags,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    # Over SSH: floe prints the generated public key to add as a deploy key\n  \
    floe bootstrap git --url=ssh://git@git.example.com/fleet.git --path=clusters/dev\n\n  \
    # Over HTTPS with a username and token; the cluster uses them too\n  \
    floe bootstrap git --url=https://git.example.com/fleet.git --username=bot \\\n    --password=\"$GIT_TOKEN\" --token-auth --path=clusters/dev\n\n  \
    # A local repository, which the cluster pulls from a mirror\n  \
    floe bootstrap git --url=file:///srv/git/fleet.git --sync-url=https://git.example.com/fleet.git")]
pub struct GitArgs {
    /// Repository URL: ssh://, https://, http:// (with --allow-insecure-http) or file://
    #[arg(long, value_name = "URL")]
    pub url: String,
    /// The URL the cluster pulls from, when it differs from --url (needed for file://)
    #[arg(long = "sync-url", value_name = "URL")]
    pub sync_url: Option<String>,
    /// Allow a plain http:// URL
    #[arg(long = "allow-insecure-http")]
    pub allow_insecure_http: bool,
    /// Username for HTTP(S)
    #[arg(short = 'u', long, value_name = "NAME")]
    pub username: Option<String>,
    /// Password or token for HTTP(S), or the passphrase of --private-key-file (also $GIT_PASSWORD)
    #[arg(
        short = 'p',
        long,
        env = "GIT_PASSWORD",
        hide_env_values = true,
        value_name = "SECRET"
    )]
    pub password: Option<String>,
    /// SSH private key to push with; the cluster uses it too (default: a new key and ssh-agent for the push)
    #[arg(long = "private-key-file", value_name = "FILE")]
    pub private_key_file: Option<PathBuf>,
    /// A CA certificate (PEM) to trust for an HTTPS server with a private CA
    #[arg(long = "ca-file", value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
    /// The cluster pulls with --username and --password (an HTTP(S) URL) instead of an SSH key
    #[arg(long = "token-auth")]
    pub token_auth: bool,
    /// SSH host (HOST[:PORT]) the cluster pulls from when --url is http(s) without --token-auth (default: --url's host)
    #[arg(long = "ssh-hostname", value_name = "HOST[:PORT]")]
    pub ssh_hostname: Option<String>,
    /// Do not ask whether the deploy key was added
    #[arg(short = 's', long)]
    pub silent: bool,
    #[command(flatten)]
    pub common: CommonFlags,
}

pub fn run(global: &GlobalArgs, ui: &Ui, args: BootstrapArgs) -> anyhow::Result<()> {
    match args.command {
        BootstrapCommand::Github(Deferred(a)) => run_github(global, ui, *a),
        BootstrapCommand::Gitlab(Deferred(a)) => run_gitlab(global, ui, *a),
        BootstrapCommand::Gitea(Deferred(a)) => run_gitea(global, ui, *a),
        BootstrapCommand::BitbucketServer(Deferred(a)) => run_bitbucket(global, ui, *a),
        BootstrapCommand::Git(Deferred(a)) => run_git(global, ui, *a),
    }
}

/// Validates the shared flags into options; the install objects are loaded later, from the
/// install options returned beside them.
fn options(global: &GlobalArgs, flags: &CommonFlags) -> anyhow::Result<(Options, InstallOptions)> {
    crate::git::validate_branch(&flags.branch)?;
    let path = files::cluster_path(&flags.path)?;
    validate::rfc1123_name("--secret-name", &flags.secret_name)?;
    let install = flags.install.options(&global.namespace)?;
    let mut components = install.components.clone();
    components.extend(install.components_extra.iter().cloned());
    let opts = Options {
        namespace: global.namespace.to_string(),
        branch: flags.branch.clone(),
        path,
        interval: flags.interval,
        secret_name: flags.secret_name.clone(),
        flux_version: install.version.clone(),
        components,
        install_objects: Vec::new(),
        key_algorithm: flags.ssh_key.algorithm()?,
        author_name: flags.author_name.clone(),
        author_email: flags.author_email.clone(),
        commit_message_appendix: flags.commit_message_appendix.clone(),
        timeout: global.timeout.0,
        dry_run: flags.dry_run,
        skip_version_check: flags.skip_version_check,
    };
    Ok((opts, install))
}

/// A name of the owner or repository: letters, digits and `extra`, not `.` or `..`.
fn name_of(flag: &str, value: &str, extra: &[char], rule: &str) -> Result<(), InvalidInput> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || extra.contains(&c);
    if value.is_empty() || !value.chars().all(allowed) || value == "." || value == ".." {
        return Err(InvalidInput::new(format!(
            "invalid {flag} {value:?}: allowed are {rule}"
        )));
    }
    Ok(())
}

/// GitHub's rules for user, organisation and repository names.
fn github_name(flag: &str, value: &str, repository: bool) -> Result<(), InvalidInput> {
    if repository {
        name_of(
            flag,
            value,
            &['-', '_', '.'],
            "letters, digits, '-', '_' and '.'",
        )
    } else {
        name_of(flag, value, &['-'], "letters, digits and '-'")
    }
}

/// A path segment on Gitea and GitLab (a user, organisation, group or repository).
fn path_segment(flag: &str, value: &str) -> Result<(), InvalidInput> {
    name_of(
        flag,
        value,
        &['-', '_', '.'],
        "letters, digits, '-', '_' and '.'",
    )
}

/// A GitLab namespace: a user, or a group's full path (`group/subgroup`).
fn gitlab_namespace(flag: &str, value: &str) -> Result<(), InvalidInput> {
    if value
        .split('/')
        .any(|part| path_segment(flag, part).is_err())
    {
        return Err(InvalidInput::new(format!(
            "invalid {flag} {value:?}: give a user or a group's full path (group/subgroup), each part letters, digits, '-', '_' and '.'"
        )));
    }
    Ok(())
}

/// What the token is for, in the message that asks for it.
fn token_needs(provider: Provider) -> &'static str {
    match provider {
        Provider::GitHub => "a token with the repo scope",
        Provider::GitLab => "a token with the api scope",
        Provider::Gitea => {
            "a token with the write:repository, write:organization and write:user scopes"
        }
        Provider::BitbucketServer => "an HTTP access token with project admin permission",
    }
}

/// The token from the provider's environment variable (GITHUB_TOKEN, GITLAB_TOKEN,
/// GITEA_TOKEN, BITBUCKET_TOKEN), or asked for on a terminal. Surrounding whitespace (a pasted
/// newline, a `\r` from a Windows file) is trimmed; a token that still cannot be sent in an
/// HTTP header is a usage error that does not print it.
fn provider_token(ui: &Ui, yes: bool, provider: Provider) -> anyhow::Result<Zeroizing<String>> {
    let env = provider.token_env();
    let name = provider.display_name();
    if let Some(token) = std::env::var(env).ok().filter(|t| !t.trim().is_empty()) {
        return checked_token(Zeroizing::new(token), env, name);
    }
    if !ui.interactive || yes {
        return Err(InvalidInput::new(format!(
            "no {name} token: set {env} to {}",
            token_needs(provider)
        ))
        .into());
    }
    let token = dialoguer::Password::new()
        .with_prompt(format!("{name} token ({env} is not set)"))
        .interact()?;
    checked_token(Zeroizing::new(token), "the token entered", name)
}

fn checked_token(
    token: Zeroizing<String>,
    source: &str,
    name: &str,
) -> anyhow::Result<Zeroizing<String>> {
    let token = Zeroizing::new(token.trim().to_string());
    if token.is_empty()
        || !token.chars().all(|c| c.is_ascii_graphic())
        || http::HeaderValue::from_str(&format!("Bearer {}", token.as_str())).is_err()
    {
        return Err(InvalidInput::new(format!(
            "invalid {source}: a {name} token is printable ASCII without spaces or control characters (the value is not shown)"
        ))
        .into());
    }
    Ok(token)
}

/// Image update automations push to the repository, which a read-only deploy key cannot.
fn warn_if_key_cannot_push(ui: &Ui, install: &InstallOptions, key_can_push: bool, fix: &str) {
    let pushes = install
        .components_extra
        .iter()
        .any(|c| c == "image-automation-controller");
    if pushes && !key_can_push {
        ui.step(
            Mark::Warning,
            &format!("image-automation-controller pushes image updates to Git, so the deploy key must be read-write: {fix}, or its pushes will be refused"),
        );
    }
}

/// What an API host's command read from its own flags, beside the shared ones.
struct Hosted {
    provider: Provider,
    hostname: String,
    /// The owner as the API addresses it (`~USER` for a Bitbucket Server user's own).
    owner: String,
    visibility: Visibility,
    teams: Vec<TeamAccess>,
    /// The flag that names them: `--team`, or `--group`.
    team_flag: &'static str,
    deploy_token_auth: bool,
}

type Client<A> =
    Box<dyn FnOnce(&str, &Zeroizing<String>, Option<&std::path::Path>) -> anyhow::Result<A>>;

fn run_hosted<A: RepoApi + Sync>(
    global: &GlobalArgs,
    ui: &Ui,
    (flags, common): (ApiFlags, CommonFlags),
    hosted: Hosted,
    client: Client<A>,
) -> anyhow::Result<()> {
    let (mut opts, install) = options(global, &common)?;
    warn_if_key_cannot_push(
        ui,
        &install,
        flags.read_write_key || flags.token_auth,
        "pass --read-write-key (or --token-auth)",
    );
    github::validate_hostname(&hosted.hostname)?;
    if let Some(ssh) = &flags.ssh_hostname {
        // As flux: with --token-auth the cluster pulls over HTTPS and the flag has no effect.
        github::validate_host_flag("--ssh-hostname", ssh, "ssh.git.example.com:2222")?;
    }
    if flags.personal && !hosted.teams.is_empty() {
        return Err(InvalidInput::new(format!(
            "{} {} needs an organisation repository; access cannot be granted on a personal one (drop --personal)",
            hosted.team_flag,
            hosted.teams[0].team
        ))
        .into());
    }
    if flags.token_auth && hosted.deploy_token_auth {
        return Err(InvalidInput::new(
            "--token-auth and --deploy-token-auth both choose how the cluster pulls: give one",
        )
        .into());
    }
    if let Some(ca) = &flags.ca_file {
        crate::git::trust_ca_file(ca)?;
    }
    let pull = if hosted.deploy_token_auth {
        PullAuth::DeployToken
    } else if flags.token_auth {
        PullAuth::Token
    } else {
        PullAuth::DeployKey {
            read_write: flags.read_write_key,
        }
    };
    let ca_crt = match (&flags.ca_file, pull) {
        (Some(ca), PullAuth::Token | PullAuth::DeployToken) => {
            Some(crate::bootstrap::git::ca_certificate(ca)?)
        }
        _ => None,
    };
    let token = provider_token(ui, flags.yes, hosted.provider)?;
    let printer = StepPrinter::new(
        *ui,
        common.output == Format::Json,
        global.verbose > 0,
        false,
    );
    // The API clients need a running runtime, so they are made inside it.
    let target = move || -> anyhow::Result<HostedTarget<A>> {
        let api = client(&hosted.hostname, &token, flags.ca_file.as_deref())?;
        Ok(HostedTarget {
            api,
            token,
            ca_crt,
            owner: hosted.owner,
            repository: flags.repository,
            personal: flags.personal,
            visibility: hosted.visibility,
            teams: hosted.teams,
            reconcile: flags.reconcile,
            pull,
            ssh_hostname: flags.ssh_hostname,
        })
    };
    execute(global, ui, &common, (&mut opts, &install), target, &printer)
}

fn run_github(global: &GlobalArgs, ui: &Ui, args: GithubArgs) -> anyhow::Result<()> {
    github_name("--owner", &args.api.owner, false)?;
    github_name("--repository", &args.api.repository, true)?;
    let hosted = Hosted {
        provider: Provider::GitHub,
        hostname: args.hostname,
        owner: args.api.owner.clone(),
        visibility: Visibility::from_private(args.private),
        teams: args.teams,
        team_flag: "--team",
        deploy_token_auth: false,
    };
    let client: Client<GitHub> = Box::new(GitHub::new);
    run_hosted(global, ui, (args.api, args.common), hosted, client)
}

fn run_gitlab(global: &GlobalArgs, ui: &Ui, args: GitlabArgs) -> anyhow::Result<()> {
    gitlab_namespace("--owner", &args.api.owner)?;
    path_segment("--repository", &args.api.repository)?;
    for group in &args.teams {
        gitlab_namespace("--team", group)?;
    }
    let hosted = Hosted {
        provider: Provider::GitLab,
        hostname: args.hostname,
        owner: args.api.owner.clone(),
        visibility: args.visibility,
        teams: args
            .teams
            .into_iter()
            .map(|team| TeamAccess {
                team,
                permission: "maintainer".into(),
            })
            .collect(),
        team_flag: "--team",
        deploy_token_auth: args.deploy_token_auth,
    };
    let client: Client<GitLab> = Box::new(GitLab::new);
    run_hosted(global, ui, (args.api, args.common), hosted, client)
}

fn run_gitea(global: &GlobalArgs, ui: &Ui, args: GiteaArgs) -> anyhow::Result<()> {
    path_segment("--owner", &args.api.owner)?;
    path_segment("--repository", &args.api.repository)?;
    let hosted = Hosted {
        provider: Provider::Gitea,
        hostname: args.hostname,
        owner: args.api.owner.clone(),
        visibility: Visibility::from_private(args.private),
        teams: args.teams,
        team_flag: "--team",
        deploy_token_auth: false,
    };
    let client: Client<Gitea> = Box::new(Gitea::new);
    run_hosted(global, ui, (args.api, args.common), hosted, client)
}

fn run_bitbucket(global: &GlobalArgs, ui: &Ui, args: BitbucketServerArgs) -> anyhow::Result<()> {
    // A project key (letters, digits, '_'), or a user's slug with --personal.
    if args.api.personal {
        path_segment("--owner", &args.api.owner)?;
    } else {
        name_of(
            "--owner",
            &args.api.owner,
            &['_'],
            "a project key: letters, digits and '_'",
        )?;
    }
    path_segment("--repository", &args.api.repository)?;
    path_segment("--username", &args.username)?;
    for group in &args.groups {
        name_of(
            "--group",
            group,
            &['-', '_', '.', ' '],
            "letters, digits, ' ', '-', '_' and '.'",
        )?;
    }
    let owner = if args.api.personal {
        format!("~{}", args.api.owner)
    } else {
        args.api.owner.clone()
    };
    let hosted = Hosted {
        provider: Provider::BitbucketServer,
        hostname: args.hostname,
        owner,
        visibility: Visibility::from_private(args.private),
        teams: args
            .groups
            .into_iter()
            .map(|team| TeamAccess {
                team,
                permission: "REPO_WRITE".into(),
            })
            .collect(),
        team_flag: "--group",
        deploy_token_auth: false,
    };
    let username = args.username;
    let client: Client<BitbucketServer> =
        Box::new(move |host, token, ca| BitbucketServer::new(host, &username, token, ca));
    run_hosted(global, ui, (args.api, args.common), hosted, client)
}

fn run_git(global: &GlobalArgs, ui: &Ui, args: GitArgs) -> anyhow::Result<()> {
    let (mut opts, install) = options(global, &args.common)?;
    let (target, key_can_push) = GitTarget::from_flags(GitFlags {
        url: args.url.clone(),
        sync_url: args.sync_url.clone(),
        allow_insecure_http: args.allow_insecure_http,
        username: args.username.clone(),
        password: args.password.clone(),
        private_key_file: args.private_key_file.clone(),
        ca_file: args.ca_file.clone(),
        token_auth: args.token_auth,
        ssh_hostname: args.ssh_hostname.clone(),
    })?;
    warn_if_key_cannot_push(
        ui,
        &install,
        key_can_push,
        "give it write access where you register it",
    );
    let printer = StepPrinter::new(
        *ui,
        args.common.output == Format::Json,
        global.verbose > 0,
        !args.silent,
    );
    execute(
        global,
        ui,
        &args.common,
        (&mut opts, &install),
        move || Ok(target),
        &printer,
    )
}

fn execute<H: GitHost>(
    global: &GlobalArgs,
    ui: &Ui,
    flags: &CommonFlags,
    (opts, install): (&mut Options, &InstallOptions),
    target: impl FnOnce() -> anyhow::Result<H>,
    printer: &StepPrinter,
) -> anyhow::Result<()> {
    block_on(|| async {
        let target = &target()?;
        opts.install_objects = flags.install.manifests(install, ui).await?;
        let cluster = connect(global).await?;
        let (summary, error) = bootstrap::run(&cluster, target, opts, printer).await;
        if printer.json {
            let line = serde_json::to_string(&summary)?;
            writeln!(std::io::stdout().lock(), "{line}")?;
        } else if error.is_none() {
            let total: u64 = summary.steps.iter().map(|s| s.duration_ms).sum();
            let what = if opts.dry_run {
                "dry run finished; nothing was changed".to_string()
            } else if summary.changed {
                format!(
                    "bootstrap finished: {} is synced from {} at {} ({:.1}s)",
                    cluster.context,
                    summary.repository,
                    summary.commit.as_deref().unwrap_or("-"),
                    total as f64 / 1000.0
                )
            } else {
                format!(
                    "bootstrap finished: nothing changed; {} is synced from {} at {} ({:.1}s)",
                    cluster.context,
                    summary.repository,
                    summary.commit.as_deref().unwrap_or("-"),
                    total as f64 / 1000.0
                )
            };
            ui.step(crate::cli::ui::Mark::Done, &what);
        }
        match error {
            None => Ok(()),
            Some(e) => Err(e),
        }
    })
}
