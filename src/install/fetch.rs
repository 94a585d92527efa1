//! Where the install manifests come from: `--manifests` on disk, the user cache, or the Flux
//! release asset (downloaded once, then reused offline while its checksum holds).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::usage::InvalidInput;

/// The Flux release assets, `<base>/<version>/install.yaml`.
pub const DEFAULT_RELEASE_URL: &str = "https://github.com/fluxcd/flux2/releases/download";

/// Where the manifests were read from, for the progress line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManifestSource {
    /// The default version's manifests, built into floe (scripts/build.rs).
    Embedded(String),
    Local(PathBuf),
    Cache(PathBuf),
    Downloaded(String),
}

impl std::fmt::Display for ManifestSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ManifestSource::Embedded(version) => {
                write!(f, "the {version} manifests built into floe")
            }
            ManifestSource::Local(p) => write!(f, "{}", p.display()),
            ManifestSource::Cache(p) => write!(f, "{} (cached)", p.display()),
            ManifestSource::Downloaded(url) => write!(f, "{url}"),
        }
    }
}

/// A Flux release version as the asset URL wants it: `v2.9.4` (a missing `v` is added).
pub fn normalize_version(version: &str) -> Result<String, InvalidInput> {
    let bare = version.strip_prefix('v').unwrap_or(version);
    let (core, pre) = match bare.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (bare, None),
    };
    let numbers: Vec<&str> = core.split('.').collect();
    let ok = numbers.len() == 3
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        && pre.is_none_or(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        });
    if !ok {
        return Err(InvalidInput::new(format!(
            "invalid --version {version:?}: expected a Flux release such as v2.9.4"
        )));
    }
    Ok(format!("v{bare}"))
}

/// The user cache directory floe keeps release assets in.
pub fn cache_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .map(|p| p.join("floe").join("flux"))
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads `--manifests`: a file, or every `.yaml`/`.yml` file directly in a directory, in name
/// order.
fn read_local(path: &Path) -> anyhow::Result<String> {
    use anyhow::Context;
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("cannot read --manifests directory {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(InvalidInput::new(format!(
                "--manifests directory {} has no .yaml or .yml files",
                path.display()
            ))
            .into());
        }
        let mut text = String::new();
        for file in files {
            let content = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            text.push_str("\n---\n");
            text.push_str(&content);
        }
        Ok(text)
    } else if path.exists() {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
    } else {
        Err(InvalidInput::new(format!(
            "--manifests {}: no such file or directory",
            path.display()
        ))
        .into())
    }
}

/// The install manifests of [`crate::DEFAULT_FLUX_VERSION`] built into floe, if the build
/// found them (scripts/build.rs); empty otherwise.
const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/flux-install.yaml"));

/// The built-in manifests for `version`, when floe has them.
pub fn embedded(version: &str) -> Option<&'static str> {
    (version == crate::DEFAULT_FLUX_VERSION && !EMBEDDED.is_empty()).then_some(EMBEDDED)
}

/// Loads the install manifests for `version`: from `local` when given, else the ones built
/// into floe for its default version, else from the cache when
/// its recorded sha256 still matches, else from `<release_url>/<version>/install.yaml`, which
/// is then cached with its sha256.
pub async fn load_manifests(
    local: Option<&Path>,
    version: &str,
    release_url: &str,
    cache: Option<&Path>,
) -> anyhow::Result<(String, ManifestSource)> {
    use anyhow::Context;
    if let Some(path) = local {
        return Ok((read_local(path)?, ManifestSource::Local(path.to_path_buf())));
    }
    if let Some(text) = embedded(version) {
        return Ok((
            text.to_string(),
            ManifestSource::Embedded(version.to_string()),
        ));
    }
    let cached = cache.map(|dir| dir.join(version).join("install.yaml"));
    if let Some(file) = &cached
        && let (Ok(bytes), Ok(recorded)) = (
            std::fs::read(file),
            std::fs::read_to_string(file.with_extension("yaml.sha256")),
        )
        && sha256_hex(&bytes) == recorded.trim()
        && let Ok(text) = String::from_utf8(bytes)
    {
        return Ok((text, ManifestSource::Cache(file.clone())));
    }
    let url = format!(
        "{}/{version}/install.yaml",
        release_url.trim_end_matches('/')
    );
    let client = http_client()?;
    let response = client.get(&url).send().await.with_context(|| {
        format!("cannot download {url}; for an air-gapped cluster pass --manifests")
    })?;
    let status = response.status();
    if !status.is_success() {
        anyhow::bail!(
            "cannot download {url}: HTTP {status}; check that Flux {version} exists, or pass --manifests"
        );
    }
    let bytes = read_capped(response, MAX_ASSET_BYTES)
        .await
        .with_context(|| format!("cannot download {url}"))?;
    let text = String::from_utf8(bytes).with_context(|| format!("{url} is not UTF-8 text"))?;
    if let Some(file) = &cached {
        // The cache is an optimisation: failing to write it must not fail the install.
        let _ = write_cache(file, text.as_bytes());
    }
    Ok((text, ManifestSource::Downloaded(url)))
}

/// The largest release asset floe downloads: Flux's install.yaml is about 1 MiB.
pub const MAX_ASSET_BYTES: usize = 50 * 1024 * 1024;

/// A release asset, refused once it is larger than `limit` bytes.
async fn read_capped(response: reqwest::Response, limit: usize) -> anyhow::Result<Vec<u8>> {
    use crate::host::rest::ReadError;
    crate::host::rest::read_capped(response, limit)
        .await
        .map_err(|e| match e {
            ReadError::TooLarge => anyhow::anyhow!(
                "the response is larger than {} MiB, more than any Flux release asset; check the URL",
                limit / (1024 * 1024)
            ),
            ReadError::Transport(e) => e.into(),
        })
}

fn write_cache(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = file.parent().expect("cache files live in a directory");
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".install.yaml.{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, file)?;
    std::fs::write(file.with_extension("yaml.sha256"), sha256_hex(bytes) + "\n")
}

/// An HTTP client with rustls (ring) and the system's trusted roots.
pub fn http_client() -> anyhow::Result<reqwest::Client> {
    crate::install_crypto_provider();
    Ok(reqwest::Client::builder()
        .user_agent(concat!("floe/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(crate::lifecycle::bounded(std::time::Duration::from_secs(
            15,
        )))
        .timeout(crate::lifecycle::bounded(std::time::Duration::from_secs(
            300,
        )))
        .build()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_normalized_and_checked() {
        assert_eq!(normalize_version("2.9.4").unwrap(), "v2.9.4");
        assert_eq!(normalize_version("v2.9.4").unwrap(), "v2.9.4");
        assert_eq!(normalize_version("v2.10.0-rc.1").unwrap(), "v2.10.0-rc.1");
        for bad in ["latest", "v2.9", "v2..4", "v2.9.4-", "2.9.x"] {
            let err = normalize_version(bad).unwrap_err().to_string();
            assert!(err.contains(bad) && err.contains("v2.9.4"), "{err}");
        }
    }

    #[tokio::test]
    async fn cache_is_used_only_while_its_checksum_matches() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("v9.9.9").join("install.yaml");
        write_cache(&file, b"kind: Namespace\n").unwrap();
        let (text, source) = load_manifests(None, "v9.9.9", "http://127.0.0.1:9", Some(dir.path()))
            .await
            .unwrap();
        assert_eq!(text, "kind: Namespace\n");
        assert_eq!(source, ManifestSource::Cache(file.clone()));
        // A corrupted cache is not trusted: floe goes to the network (closed here) instead.
        std::fs::write(&file, b"kind: Tampered\n").unwrap();
        let err = load_manifests(None, "v9.9.9", "http://127.0.0.1:9", Some(dir.path()))
            .await
            .unwrap_err();
        assert!(
            format!("{err:#}").contains("cannot download http://127.0.0.1:9/v9.9.9/install.yaml")
        );
    }
}
