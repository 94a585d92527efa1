//! Which files of a sync's path the build leaves out: the `.sourceignore` files under it
//! (each scoped to its own directory), `--ignore-paths`, and source-controller's default
//! exclusions, in gitignore syntax, the later and deeper pattern deciding.

use std::path::{Path, PathBuf};

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

/// source-controller's default exclusions (VCS files, archives and images, CI configuration).
const DEFAULTS: &[&str] = &[
    ".git/",
    ".gitignore",
    ".gitmodules",
    ".gitattributes",
    "*.jpg",
    "*.jpeg",
    "*.gif",
    "*.png",
    "*.wmv",
    "*.flv",
    "*.tar.gz",
    "*.zip",
    ".github/",
    ".circleci/",
    ".travis.yml",
    ".gitlab-ci.yml",
    "appveyor.yml",
    ".drone.yml",
    "cloudbuild.yaml",
    "codeship-services.yml",
    "codeship-steps.yml",
    "**/.goreleaser.yml",
    "**/.sops.yaml",
    "**/.flux.yaml",
];

/// A pattern that is not valid gitignore syntax.
#[derive(Debug, thiserror::Error)]
#[error("invalid ignore pattern {pattern:?} in {file}: {reason}")]
pub struct BadPattern {
    pattern: String,
    file: String,
    reason: String,
}

/// The ignore rules of one directory tree.
pub struct IgnoreRules {
    /// Highest priority first: `--ignore-paths`, then `.sourceignore` files deepest first.
    own: Vec<Gitignore>,
    defaults: Gitignore,
}

impl IgnoreRules {
    /// The rules for `root`: its `.sourceignore` files and `extra` patterns (relative to it).
    pub fn load(root: &Path, extra: &[String]) -> Result<IgnoreRules, BadPattern> {
        let mut files = Vec::new();
        super::files_named(root, &[".sourceignore"], &mut files);
        // Deeper files first: they decide over their parents' patterns.
        files.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
        let mut own = Vec::new();
        let lines: Vec<&str> = extra
            .iter()
            .flat_map(|e| e.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        if !lines.is_empty() {
            own.push(build(root, &lines, "--ignore-paths")?);
        }
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let dir = file.parent().unwrap_or(root);
            let lines: Vec<&str> = text.lines().collect();
            own.push(build(dir, &lines, &file.display().to_string())?);
        }
        Ok(IgnoreRules {
            own,
            defaults: build(root, DEFAULTS, "the default exclusions")?,
        })
    }

    /// Whether any pattern of the tree's own (not the defaults) exists.
    pub fn has_patterns(&self) -> bool {
        self.own.iter().any(|g| !g.is_empty())
    }

    /// Whether `path` (under the root) is left out, the defaults counted.
    pub fn ignored(&self, path: &Path, is_dir: bool) -> bool {
        for rules in self.own.iter().chain(std::iter::once(&self.defaults)) {
            if !path.starts_with(rules.path()) {
                continue;
            }
            match rules.matched_path_or_any_parents(path, is_dir) {
                Match::Ignore(_) => return true,
                Match::Whitelist(_) => return false,
                Match::None => {}
            }
        }
        false
    }
}

fn build(dir: &Path, lines: &[&str], file: &str) -> Result<Gitignore, BadPattern> {
    let mut builder = GitignoreBuilder::new(dir);
    for line in lines {
        builder
            .add_line(Some(PathBuf::from(file)), line)
            .map_err(|e| BadPattern {
                pattern: line.to_string(),
                file: file.to_string(),
                reason: e.to_string(),
            })?;
    }
    builder.build().map_err(|e| BadPattern {
        pattern: String::new(),
        file: file.to_string(),
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeper_and_later_patterns_decide() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("apps/keep")).unwrap();
        std::fs::write(root.join(".sourceignore"), "apps/\n").unwrap();
        std::fs::write(root.join("apps/.sourceignore"), "!keep/\n").unwrap();
        let rules = IgnoreRules::load(root, &["*.txt".into(), "# comment".into()]).unwrap();
        assert!(rules.has_patterns());
        assert!(rules.ignored(&root.join("apps/x.yaml"), false));
        assert!(!rules.ignored(&root.join("apps/keep/x.yaml"), false));
        assert!(rules.ignored(&root.join("notes.txt"), false));
        assert!(rules.ignored(&root.join(".github/workflows/ci.yaml"), false));
        assert!(!rules.ignored(&root.join("deploy.yaml"), false));
        let none = IgnoreRules::load(&root.join("apps/keep"), &[]).unwrap();
        assert!(!none.has_patterns());
    }
}
