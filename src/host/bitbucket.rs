//! Bitbucket Server's (Data Center's) REST API 1.0 (`https://HOST/rest/api/1.0`, and the SSH
//! keys plugin at `/rest/keys/1.0`), as bootstrap uses it: the user, the repository in a
//! project (or a user's `~USER` project with `--personal`), group access (`--group`, write
//! access as flux gives) and access keys (deploy keys). Lists follow `isLastPage` and
//! `nextPageStart`. The user name and token go as basic auth to the `--hostname` given only.

use std::path::Path;

use base64::Engine;
use http::{HeaderValue, Method};
use serde_json::{Value, json};
use zeroize::Zeroizing;

use super::Provider;
use super::api::{AddKeyError, DeployKey, RepoApi, Repository, TeamAccess, Visibility};
use super::rest::{Answer, ApiError, Rest, segment};

/// Bitbucket Server's default SSH port.
const SSH_PORT: u16 = 7999;

/// A Bitbucket Server and a user's token for it.
#[derive(Debug)]
pub struct BitbucketServer {
    rest: Rest,
    username: String,
}

impl BitbucketServer {
    pub fn new(
        hostname: &str,
        username: &str,
        token: &Zeroizing<String>,
        ca_file: Option<&Path>,
    ) -> anyhow::Result<BitbucketServer> {
        let pair = Zeroizing::new(format!("{username}:{}", token.as_str()));
        let basic =
            Zeroizing::new(base64::engine::general_purpose::STANDARD.encode(pair.as_bytes()));
        let auth = HeaderValue::from_str(&format!("Basic {}", basic.as_str()))?;
        Ok(BitbucketServer {
            rest: Rest::new(
                Provider::BitbucketServer,
                hostname,
                "/rest",
                (http::header::AUTHORIZATION, auth),
                ca_file,
            )?,
            username: username.to_string(),
        })
    }

    /// The project key: the owner, or `~OWNER` for a user's personal repositories (`--personal`
    /// makes the CLI pass `~OWNER`).
    fn repo(owner: &str, name: &str) -> String {
        format!("/api/1.0/projects/{owner}/repos/{}", segment(name))
    }

    fn keys(owner: &str, name: &str) -> String {
        format!("/keys/1.0/projects/{owner}/repos/{}/ssh", segment(name))
    }

    /// Every item of a paged list (`values`, `isLastPage`, `nextPageStart`).
    async fn list(&self, path: &str, what: &str) -> Result<Vec<Value>, ApiError> {
        let sep = if path.contains('?') { '&' } else { '?' };
        let base = format!("{path}{sep}limit=100");
        self.rest
            .pages(format!("{base}&start=0"), what, |answer: &Answer| {
                let items = answer.body["values"]
                    .as_array()
                    .cloned()
                    .ok_or("no values")?;
                let next = match answer.body["isLastPage"].as_bool() {
                    Some(false) => Some(format!(
                        "{base}&start={}",
                        answer.body["nextPageStart"]
                            .as_u64()
                            .ok_or("no nextPageStart")?
                    )),
                    _ => None,
                };
                Ok((items, next))
            })
            .await
    }

    fn repository(
        &self,
        body: &Value,
        default_branch: Option<String>,
        what: &str,
    ) -> Result<Repository, ApiError> {
        let web_url = body["links"]["self"][0]["href"]
            .as_str()
            .ok_or_else(|| self.rest.decode(what, "no links.self"))?
            .to_string();
        Ok(Repository {
            visibility: Visibility::from_private(!body["public"].as_bool().unwrap_or(false)),
            default_branch,
            web_url,
        })
    }
}

impl RepoApi for BitbucketServer {
    fn provider(&self) -> Provider {
        Provider::BitbucketServer
    }

    fn host(&self) -> &str {
        self.rest.host()
    }

    async fn user(&self) -> anyhow::Result<String> {
        let what = format!("user {}", self.username);
        let path = format!("/api/1.0/users/{}", segment(&self.username));
        let body = self.rest.send(Method::GET, &path, None, &what).await?.body;
        Ok(body["name"].as_str().unwrap_or(&self.username).to_string())
    }

    async fn repository(&self, owner: &str, name: &str) -> anyhow::Result<Option<Repository>> {
        let what = format!("repository {owner}/{name}");
        let Some(body) = self.rest.find(&Self::repo(owner, name), &what).await? else {
            return Ok(None);
        };
        // An empty repository has no default branch yet (204, or 404 on older servers).
        let branch = self
            .rest
            .find(
                &format!("{}/branches/default", Self::repo(owner, name)),
                &what,
            )
            .await?
            .and_then(|b| b["displayId"].as_str().map(str::to_string));
        Ok(Some(self.repository(&body, branch, &what)?))
    }

    /// Bitbucket Server creates an empty repository; floe's first push starts the branch.
    async fn create_repository(
        &self,
        owner: &str,
        name: &str,
        _personal: bool,
        visibility: Visibility,
        description: &str,
    ) -> anyhow::Result<Repository> {
        let what = format!("creating repository {owner}/{name}");
        let body = json!({
            "name": name,
            "scmId": "git",
            "forkable": true,
            "public": visibility == Visibility::Public,
            "description": description,
        });
        let path = format!("/api/1.0/projects/{owner}/repos");
        let answer = self
            .rest
            .send(Method::POST, &path, Some(&body), &what)
            .await
            .map_err(|e| match e {
                ApiError::NotFound { .. } => anyhow::anyhow!(
                    "project {owner} not found on Bitbucket Server or the user cannot create repositories in it; for a repository of your own pass --personal"
                ),
                other => other.into(),
            })?;
        Ok(self.repository(&answer.body, None, &what)?)
    }

    async fn update_repository(
        &self,
        owner: &str,
        name: &str,
        visibility: Option<Visibility>,
        default_branch: Option<&str>,
    ) -> anyhow::Result<()> {
        let what = format!("updating repository {owner}/{name}");
        if let Some(v) = visibility {
            let body = json!({ "public": v == Visibility::Public });
            self.rest
                .send(Method::PUT, &Self::repo(owner, name), Some(&body), &what)
                .await?;
        }
        if let Some(branch) = default_branch {
            let body = json!({ "id": format!("refs/heads/{branch}") });
            let path = format!("{}/branches/default", Self::repo(owner, name));
            self.rest
                .send(Method::PUT, &path, Some(&body), &what)
                .await?;
        }
        Ok(())
    }

    async fn team_access(
        &self,
        owner: &str,
        name: &str,
        team: &TeamAccess,
    ) -> anyhow::Result<bool> {
        let what = format!("group {} on {owner}/{name}", team.team);
        let path = format!(
            "{}/permissions/groups?filter={}",
            Self::repo(owner, name),
            segment(&team.team)
        );
        let groups = self.list(&path, &what).await?;
        Ok(groups.iter().any(|g| {
            g["group"]["name"].as_str() == Some(team.team.as_str())
                && matches!(g["permission"].as_str(), Some(p) if p == team.permission || p == "REPO_ADMIN")
        }))
    }

    async fn grant_team(&self, owner: &str, name: &str, team: &TeamAccess) -> anyhow::Result<()> {
        let what = format!(
            "granting group {} {} on {owner}/{name}",
            team.team, team.permission
        );
        let path = format!(
            "{}/permissions/groups?permission={}&name={}",
            Self::repo(owner, name),
            segment(&team.permission),
            segment(&team.team)
        );
        self.rest.send(Method::PUT, &path, None, &what).await?;
        Ok(())
    }

    async fn deploy_keys(&self, owner: &str, name: &str) -> anyhow::Result<Vec<DeployKey>> {
        let what = format!("access keys of {owner}/{name}");
        let items = self.list(&Self::keys(owner, name), &what).await?;
        items
            .iter()
            .map(|k| {
                Ok(DeployKey {
                    id: k["key"]["id"]
                        .as_u64()
                        .ok_or_else(|| self.rest.decode(&what, "a key without id"))?
                        .to_string(),
                    title: k["key"]["label"].as_str().unwrap_or_default().to_string(),
                    key: k["key"]["text"].as_str().unwrap_or_default().to_string(),
                    read_only: k["permission"].as_str() != Some("REPO_WRITE"),
                })
            })
            .collect()
    }

    async fn add_deploy_key(
        &self,
        owner: &str,
        name: &str,
        title: &str,
        key: &str,
        read_only: bool,
    ) -> Result<(), AddKeyError> {
        let what = format!("adding access key {title:?} to {owner}/{name}");
        let permission = if read_only { "REPO_READ" } else { "REPO_WRITE" };
        // Bitbucket Server keeps the key's comment as its label.
        let text = format!("{} {title}", crate::credentials::key_material(key));
        let body = json!({ "key": { "text": text }, "permission": permission });
        self.rest
            .send(Method::POST, &Self::keys(owner, name), Some(&body), &what)
            .await
            .map_err(|e| AddKeyError::Other(e.into()))?;
        Ok(())
    }

    async fn delete_deploy_key(&self, owner: &str, name: &str, id: &str) -> anyhow::Result<()> {
        let what = format!("deleting access key {id} of {owner}/{name}");
        let path = format!("{}/{}", Self::keys(owner, name), segment(id));
        self.rest.send(Method::DELETE, &path, None, &what).await?;
        Ok(())
    }

    fn https_url(&self, owner: &str, name: &str) -> String {
        format!(
            "https://{}/scm/{}/{name}.git",
            self.rest.host(),
            owner.to_ascii_lowercase()
        )
    }

    fn ssh_url(&self, owner: &str, name: &str, ssh_hostname: Option<&str>) -> String {
        let host = match ssh_hostname {
            Some(h) => h.to_string(),
            None => format!(
                "{}:{SSH_PORT}",
                self.rest.host().split(':').next().unwrap_or_default()
            ),
        };
        format!("ssh://git@{host}/{}/{name}.git", owner.to_ascii_lowercase())
    }

    fn token_username(&self) -> String {
        self.username.clone()
    }
}
