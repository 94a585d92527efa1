//! Gitea's REST API v1 (`https://HOST/api/v1`), as bootstrap uses it: the token's user, the
//! repository, team access and deploy keys. The token goes in `Authorization: token …` to
//! the `--hostname` given, and nowhere else.

use std::path::Path;

use http::{HeaderValue, Method};
use serde_json::{Value, json};
use zeroize::Zeroizing;

use super::Provider;
use super::api::{AddKeyError, DeployKey, RepoApi, Repository, TeamAccess, Visibility};
use super::rest::{ApiError, Rest, segment};

/// A Gitea server and a token for it.
#[derive(Debug)]
pub struct Gitea {
    rest: Rest,
}

impl Gitea {
    pub fn new(
        hostname: &str,
        token: &Zeroizing<String>,
        ca_file: Option<&Path>,
    ) -> anyhow::Result<Gitea> {
        let auth = HeaderValue::from_str(&format!("token {}", token.as_str()))?;
        Ok(Gitea {
            rest: Rest::new(
                Provider::Gitea,
                hostname,
                "/api/v1",
                (http::header::AUTHORIZATION, auth),
                ca_file,
            )?,
        })
    }

    fn repo_path(owner: &str, name: &str) -> String {
        format!("/repos/{}/{}", segment(owner), segment(name))
    }
}

fn repository(body: &Value, what: &str, rest: &Rest) -> Result<Repository, ApiError> {
    let web_url = body["html_url"]
        .as_str()
        .ok_or_else(|| rest.decode(what, "no html_url"))?
        .to_string();
    Ok(Repository {
        visibility: Visibility::from_private(body["private"].as_bool().unwrap_or(true)),
        default_branch: body["default_branch"]
            .as_str()
            .filter(|b| !b.is_empty())
            .map(str::to_string),
        web_url,
    })
}

impl RepoApi for Gitea {
    fn provider(&self) -> Provider {
        Provider::Gitea
    }

    fn host(&self) -> &str {
        self.rest.host()
    }

    async fn user(&self) -> anyhow::Result<String> {
        let answer = self
            .rest
            .send(Method::GET, "/user", None, "the token's user")
            .await?;
        Ok(answer.body["login"]
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    async fn repository(&self, owner: &str, name: &str) -> anyhow::Result<Option<Repository>> {
        let what = format!("repository {owner}/{name}");
        match self.rest.find(&Self::repo_path(owner, name), &what).await? {
            Some(body) => Ok(Some(repository(&body, &what, &self.rest)?)),
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
        let path = if personal {
            "/user/repos".to_string()
        } else {
            format!("/orgs/{}/repos", segment(owner))
        };
        let what = format!("creating repository {owner}/{name}");
        let body = json!({
            "name": name,
            "private": visibility != Visibility::Public,
            "auto_init": true,
            "readme": "Default",
            "description": description,
        });
        let answer = self
            .rest
            .send(Method::POST, &path, Some(&body), &what)
            .await
            .map_err(|e| match e {
                ApiError::NotFound { .. } if !personal => anyhow::anyhow!(
                    "organization {owner} not found on Gitea or the token cannot create repositories in it; for a personal repository pass --personal"
                ),
                other => other.into(),
            })?;
        Ok(repository(&answer.body, &what, &self.rest)?)
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
            body["private"] = json!(v != Visibility::Public);
        }
        if let Some(branch) = default_branch {
            body["default_branch"] = json!(branch);
        }
        let what = format!("updating repository {owner}/{name}");
        self.rest
            .send(
                Method::PATCH,
                &Self::repo_path(owner, name),
                Some(&body),
                &what,
            )
            .await?;
        Ok(())
    }

    /// Gitea gives a team its permission on the team itself; a repository is in a team's
    /// list or not.
    async fn team_access(
        &self,
        owner: &str,
        name: &str,
        team: &TeamAccess,
    ) -> anyhow::Result<bool> {
        let what = format!("team {} on {owner}/{name}", team.team);
        let path = format!(
            "{}/teams/{}",
            Self::repo_path(owner, name),
            segment(&team.team)
        );
        Ok(self.rest.find(&path, &what).await?.is_some())
    }

    async fn grant_team(&self, owner: &str, name: &str, team: &TeamAccess) -> anyhow::Result<()> {
        let what = format!("adding team {} to {owner}/{name}", team.team);
        let path = format!(
            "{}/teams/{}",
            Self::repo_path(owner, name),
            segment(&team.team)
        );
        self.rest.send(Method::PUT, &path, None, &what).await?;
        Ok(())
    }

    async fn deploy_keys(&self, owner: &str, name: &str) -> anyhow::Result<Vec<DeployKey>> {
        let what = format!("deploy keys of {owner}/{name}");
        let first = format!("{}/keys?limit=50&page=1", Self::repo_path(owner, name));
        let items = self
            .rest
            .pages(first, &what, |answer| {
                let items = answer.body.as_array().cloned().ok_or("not a list")?;
                Ok((items, self.rest.next_link(&answer.headers)))
            })
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
                    read_only: k["read_only"].as_bool().unwrap_or(true),
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
        let body = json!({ "title": title, "key": key, "read_only": read_only });
        let path = format!("{}/keys", Self::repo_path(owner, name));
        match self
            .rest
            .send(Method::POST, &path, Some(&body), &what)
            .await
        {
            Ok(_) => Ok(()),
            Err(ApiError::Invalid { message, .. }) if message.contains("has been used") => {
                Err(AddKeyError::InUseElsewhere(message))
            }
            Err(e) => Err(AddKeyError::Other(e.into())),
        }
    }

    async fn delete_deploy_key(&self, owner: &str, name: &str, id: &str) -> anyhow::Result<()> {
        let what = format!("deleting deploy key {id} of {owner}/{name}");
        let path = format!("{}/keys/{}", Self::repo_path(owner, name), segment(id));
        self.rest.send(Method::DELETE, &path, None, &what).await?;
        Ok(())
    }
}
