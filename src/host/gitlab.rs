//! GitLab's REST API v4 (`https://HOST/api/v4`), as bootstrap uses it: the token's user and
//! scopes, the project (in a group, nested groups included, or the user's namespace), sharing
//! it with groups (`--team`, maintainer access as flux gives), deploy keys and deploy tokens.
//! Projects are addressed by their URL-encoded path, which GitLab accepts for `:id`; lists
//! follow `X-Next-Page`. The token goes in `PRIVATE-TOKEN` to the `--hostname` given only.

use std::path::Path;

use http::{HeaderName, HeaderValue, Method};
use serde_json::{Value, json};
use zeroize::Zeroizing;

use super::Provider;
use super::api::{
    AddKeyError, DeployKey, DeployToken, RepoApi, Repository, TeamAccess, Visibility,
};
use super::rest::{Answer, ApiError, Rest, segment};

/// gitlab.com; any other `--hostname` is a self-managed GitLab.
pub const GITLAB_COM: &str = "gitlab.com";
/// The Maintainer role, the access flux gives `--team` groups.
const MAINTAINER: u64 = 40;

/// A GitLab server and a token for it.
#[derive(Debug)]
pub struct GitLab {
    rest: Rest,
}

impl GitLab {
    pub fn new(
        hostname: &str,
        token: &Zeroizing<String>,
        ca_file: Option<&Path>,
    ) -> anyhow::Result<GitLab> {
        let auth = HeaderValue::from_str(token.as_str())?;
        Ok(GitLab {
            rest: Rest::new(
                Provider::GitLab,
                hostname,
                "/api/v4",
                (HeaderName::from_static("private-token"), auth),
                ca_file,
            )?,
        })
    }

    fn project(owner: &str, name: &str) -> String {
        format!("/projects/{}", segment(&format!("{owner}/{name}")))
    }

    /// Every item of a list, following `X-Next-Page`.
    async fn list(&self, path: &str, what: &str) -> Result<Vec<Value>, ApiError> {
        let sep = if path.contains('?') { '&' } else { '?' };
        let base = format!("{path}{sep}per_page=100");
        self.rest
            .pages(format!("{base}&page=1"), what, |answer: &Answer| {
                let items = answer.body.as_array().cloned().ok_or("not a list")?;
                let next = answer
                    .headers
                    .get("x-next-page")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .map(|page| format!("{base}&page={page}"));
                Ok((items, next))
            })
            .await
    }

    fn repository(&self, body: &Value, what: &str) -> Result<Repository, ApiError> {
        let visibility = match body["visibility"].as_str() {
            Some("public") => Visibility::Public,
            Some("internal") => Visibility::Internal,
            Some("private") => Visibility::Private,
            other => return Err(self.rest.decode(what, format!("visibility {other:?}"))),
        };
        Ok(Repository {
            visibility,
            default_branch: body["default_branch"].as_str().map(str::to_string),
            web_url: body["web_url"]
                .as_str()
                .ok_or_else(|| self.rest.decode(what, "no web_url"))?
                .to_string(),
        })
    }

    /// The groups the project is shared with: full path → access level.
    async fn shared_with(
        &self,
        owner: &str,
        name: &str,
    ) -> anyhow::Result<Vec<(String, u64, u64)>> {
        let what = format!("project {owner}/{name}");
        let body = self
            .rest
            .send(Method::GET, &Self::project(owner, name), None, &what)
            .await?
            .body;
        Ok(body["shared_with_groups"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|g| {
                (
                    g["group_full_path"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                    g["group_id"].as_u64().unwrap_or_default(),
                    g["group_access_level"].as_u64().unwrap_or_default(),
                )
            })
            .collect())
    }
}

impl RepoApi for GitLab {
    fn provider(&self) -> Provider {
        Provider::GitLab
    }

    fn host(&self) -> &str {
        self.rest.host()
    }

    /// `GET /user`, then the token's scopes (`GET /personal_access_tokens/self`): creating
    /// projects and keys needs `api`.
    async fn user(&self) -> anyhow::Result<String> {
        let user = self
            .rest
            .send(Method::GET, "/user", None, "the token's user")
            .await?
            .body;
        let scopes = self
            .rest
            .find("/personal_access_tokens/self", "the token's scopes")
            .await?;
        if let Some(scopes) = scopes.as_ref().and_then(|s| s["scopes"].as_array()) {
            let names: Vec<&str> = scopes.iter().filter_map(Value::as_str).collect();
            if !names.contains(&"api") {
                anyhow::bail!(
                    "the GitLab token lacks the `api` scope (it has: {}); create a token with the `api` scope",
                    if names.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                );
            }
        }
        Ok(user["username"].as_str().unwrap_or_default().to_string())
    }

    async fn repository(&self, owner: &str, name: &str) -> anyhow::Result<Option<Repository>> {
        let what = format!("project {owner}/{name}");
        match self.rest.find(&Self::project(owner, name), &what).await? {
            Some(body) => Ok(Some(self.repository(&body, &what)?)),
            None => Ok(None),
        }
    }

    async fn create_repository(
        &self,
        owner: &str,
        name: &str,
        personal: bool,
        visibility: Visibility,
        description: &str,
    ) -> anyhow::Result<Repository> {
        let mut body = json!({
            "name": name,
            "path": name,
            "visibility": crate::usage::Choice::as_str(visibility),
            "initialize_with_readme": true,
            "description": description,
        });
        if !personal {
            let what = format!("group {owner}");
            let namespace = self
                .rest
                .find(&format!("/namespaces/{}", segment(owner)), &what)
                .await?
                .ok_or_else(|| anyhow::anyhow!(
                    "group {owner} not found on GitLab or the token cannot see it; for a project of your own pass --personal"
                ))?;
            body["namespace_id"] = namespace["id"].clone();
        }
        let what = format!("creating project {owner}/{name}");
        let answer = self
            .rest
            .send(Method::POST, "/projects", Some(&body), &what)
            .await?;
        Ok(self.repository(&answer.body, &what)?)
    }

    async fn update_repository(
        &self,
        owner: &str,
        name: &str,
        visibility: Option<Visibility>,
        default_branch: Option<&str>,
    ) -> anyhow::Result<()> {
        let mut body = json!({});
        if let Some(v) = visibility {
            body["visibility"] = json!(crate::usage::Choice::as_str(v));
        }
        if let Some(branch) = default_branch {
            body["default_branch"] = json!(branch);
        }
        let what = format!("updating project {owner}/{name}");
        self.rest
            .send(Method::PUT, &Self::project(owner, name), Some(&body), &what)
            .await?;
        Ok(())
    }

    async fn team_access(
        &self,
        owner: &str,
        name: &str,
        team: &TeamAccess,
    ) -> anyhow::Result<bool> {
        Ok(self
            .shared_with(owner, name)
            .await?
            .iter()
            .any(|(path, _, level)| path.eq_ignore_ascii_case(&team.team) && *level >= MAINTAINER))
    }

    /// Shares the project with the group as maintainer; a share at a lower level is replaced
    /// (GitLab refuses a second share with the same group).
    async fn grant_team(&self, owner: &str, name: &str, team: &TeamAccess) -> anyhow::Result<()> {
        let what = format!("group {}", team.team);
        let group = self
            .rest
            .find(&format!("/groups/{}", segment(&team.team)), &what)
            .await?
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "--team {}: no such GitLab group, or the token cannot see it",
                    team.team
                )
            })?;
        let id = group["id"]
            .as_u64()
            .ok_or_else(|| self.rest.decode(&what, "no id"))?;
        let project = Self::project(owner, name);
        if self
            .shared_with(owner, name)
            .await?
            .iter()
            .any(|(_, g, _)| *g == id)
        {
            let what = format!("unsharing {owner}/{name} with {}", team.team);
            self.rest
                .send(
                    Method::DELETE,
                    &format!("{project}/share/{id}"),
                    None,
                    &what,
                )
                .await?;
        }
        let what = format!("sharing {owner}/{name} with {}", team.team);
        let body = json!({ "group_id": id, "group_access": MAINTAINER });
        self.rest
            .send(
                Method::POST,
                &format!("{project}/share"),
                Some(&body),
                &what,
            )
            .await?;
        Ok(())
    }

    async fn deploy_keys(&self, owner: &str, name: &str) -> anyhow::Result<Vec<DeployKey>> {
        let what = format!("deploy keys of {owner}/{name}");
        let items = self
            .list(
                &format!("{}/deploy_keys", Self::project(owner, name)),
                &what,
            )
            .await?;
        items
            .iter()
            .map(|k| {
                Ok(DeployKey {
                    id: k["id"]
                        .as_u64()
                        .ok_or_else(|| self.rest.decode(&what, "a key without id"))?
                        .to_string(),
                    title: k["title"].as_str().unwrap_or_default().to_string(),
                    key: k["key"].as_str().unwrap_or_default().to_string(),
                    read_only: !k["can_push"].as_bool().unwrap_or(false),
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
        let what = format!("adding deploy key {title:?} to {owner}/{name}");
        let body = json!({ "title": title, "key": key, "can_push": !read_only });
        let path = format!("{}/deploy_keys", Self::project(owner, name));
        self.rest
            .send(Method::POST, &path, Some(&body), &what)
            .await
            .map_err(|e| AddKeyError::Other(e.into()))?;
        Ok(())
    }

    async fn delete_deploy_key(&self, owner: &str, name: &str, id: &str) -> anyhow::Result<()> {
        let what = format!("deleting deploy key {id} of {owner}/{name}");
        let path = format!("{}/deploy_keys/{}", Self::project(owner, name), segment(id));
        self.rest.send(Method::DELETE, &path, None, &what).await?;
        Ok(())
    }

    async fn deploy_token(
        &self,
        owner: &str,
        name: &str,
        title: &str,
    ) -> anyhow::Result<DeployToken> {
        let project = Self::project(owner, name);
        let what = format!("deploy tokens of {owner}/{name}");
        for old in self
            .list(&format!("{project}/deploy_tokens"), &what)
            .await?
        {
            if old["name"].as_str() == Some(title)
                && let Some(id) = old["id"].as_u64()
            {
                let what = format!("revoking deploy token {title:?} of {owner}/{name}");
                self.rest
                    .send(
                        Method::DELETE,
                        &format!("{project}/deploy_tokens/{id}"),
                        None,
                        &what,
                    )
                    .await?;
            }
        }
        let what = format!("creating deploy token {title:?} for {owner}/{name}");
        let body = json!({ "name": title, "scopes": ["read_repository"] });
        let created = self
            .rest
            .send(
                Method::POST,
                &format!("{project}/deploy_tokens"),
                Some(&body),
                &what,
            )
            .await?
            .body;
        let field = |f: &str| {
            created[f]
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| self.rest.decode(&what, format!("no {f}")))
        };
        Ok(DeployToken {
            username: field("username")?,
            token: Zeroizing::new(field("token")?),
        })
    }

    async fn has_deploy_token(
        &self,
        owner: &str,
        name: &str,
        title: &str,
        username: &str,
    ) -> anyhow::Result<bool> {
        let what = format!("deploy tokens of {owner}/{name}");
        let tokens = self
            .list(
                &format!("{}/deploy_tokens", Self::project(owner, name)),
                &what,
            )
            .await?;
        Ok(tokens.iter().any(|t| {
            t["name"].as_str() == Some(title)
                && t["username"].as_str() == Some(username)
                && t["revoked"].as_bool() != Some(true)
                && t["expired"].as_bool() != Some(true)
        }))
    }
}
