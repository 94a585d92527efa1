//! `floe trace KIND NAME` and `floe tree sync|hr NAME`: who manages an object, and what a
//! sync or Helm release applied.

use clap::Args;

use super::output::{self, Format};
use super::target::{OneApplied, Targets};
use super::{GlobalArgs, block_on, connect};
use crate::cli::ui::Ui;
use crate::trace::{self, Link, Node};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe trace deployment podinfo -n apps\n  \
    floe trace configmap web-config -n apps -o json")]
pub struct TraceArgs {
    /// The object's kind, as kubectl takes it (deployment, Deployment, deployments)
    #[arg(value_name = "KIND")]
    pub kind: String,
    /// The object's name
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Output format: text, json or yaml (the chain, docs/output.md)
    #[arg(short = 'o', long, value_parser = output::parser(output::DOCUMENTS), default_value = "text")]
    pub output: Format,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    floe tree sync flux-system\n  \
    floe tree sync apps --status\n  \
    floe tree hr podinfo -n apps -o json")]
pub struct TreeArgs {
    #[command(subcommand)]
    pub target: Targets<OneApplied>,
    /// Show each object's status (kstatus: Current, InProgress, Failed, NotFound)
    #[arg(long, global = true)]
    pub status: bool,
    /// Output format: text, json or yaml (the tree, docs/output.md)
    #[arg(short = 'o', long, global = true, value_parser = output::parser(output::DOCUMENTS), default_value = "text")]
    pub output: Format,
}

fn text(chain: &[Link]) -> String {
    let mut out = String::new();
    for (i, link) in chain.iter().enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        let mut rows: Vec<(String, String)> = vec![(link.kind.clone(), link.name.clone())];
        if !link.namespace.is_empty() {
            rows.push(("Namespace".into(), link.namespace.clone()));
        }
        rows.extend(link.details.iter().cloned());
        if let Some(revision) = &link.revision {
            rows.push(("Revision".into(), revision.clone()));
        }
        let status = if link.message.is_empty() {
            link.ready.clone()
        } else {
            format!("{}: {}", link.ready, link.message)
        };
        rows.push(("Status".into(), status));
        out.push_str(&output::fields(&rows));
    }
    out
}

/// The tree drawn as flux draws it.
fn draw(node: &Node) -> String {
    fn label(node: &Node) -> String {
        let clean = |s: &str| output::sanitize(s, output::Keep::Nothing).into_owned();
        let what = if node.namespace.is_empty() {
            format!("{}/{}", clean(&node.kind), clean(&node.name))
        } else {
            format!(
                "{}/{}/{}",
                clean(&node.kind),
                clean(&node.namespace),
                clean(&node.name)
            )
        };
        match &node.status {
            Some(status) => format!("{what} {}", clean(status)),
            None => what,
        }
    }
    fn walk(node: &Node, prefix: &str, out: &mut String) {
        for (i, child) in node.children.iter().enumerate() {
            let last = i + 1 == node.children.len();
            out.push_str(&format!(
                "{prefix}{}{}\n",
                if last { "└── " } else { "├── " },
                label(child)
            ));
            walk(
                child,
                &format!("{prefix}{}", if last { "    " } else { "│   " }),
                out,
            );
        }
    }
    let mut out = format!("{}\n", label(node));
    walk(node, "", &mut out);
    out
}

pub fn run_trace(global: &GlobalArgs, _ui: &Ui, args: TraceArgs) -> anyhow::Result<()> {
    crate::manifests::validate::rfc1123_subdomain("name", &args.name)?;
    block_on(|| async {
        let cluster = connect(global).await?;
        let chain = trace::trace(&cluster, &args.kind, &global.namespace, &args.name).await?;
        let out = match args.output {
            Format::Json => output::json_document(&chain)?,
            Format::Yaml => output::yaml_document(&chain)?,
            Format::Text | Format::Table => text(&chain),
        };
        output::write(&out)?;
        Ok(())
    })
}

pub fn run_tree(global: &GlobalArgs, _ui: &Ui, args: TreeArgs) -> anyhow::Result<()> {
    crate::manifests::validate::rfc1123_name("name", &args.target.names[0])?;
    let root = args.target.objects(&global.namespace).remove(0);
    block_on(|| async {
        let cluster = connect(global).await?;
        let node = trace::tree(&cluster, &root, args.status, 0).await?;
        let out = match args.output {
            Format::Json => output::json_document(&node)?,
            Format::Yaml => output::yaml_document(&node)?,
            Format::Text | Format::Table => draw(&node),
        };
        output::write(&out)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, status: Option<&str>, children: Vec<Node>) -> Node {
        Node {
            kind: "Kustomization".into(),
            namespace: "flux-system".into(),
            name: name.into(),
            status: status.map(str::to_string),
            children,
        }
    }

    #[test]
    fn trees_and_traces_escape_what_the_cluster_wrote() {
        let tree = draw(&node(
            "apps",
            None,
            vec![node(
                "web\u{1b}[2J",
                Some("Failed\r\nFake True"),
                Vec::new(),
            )],
        ));
        assert_eq!(
            tree,
            "Kustomization/flux-system/apps\n\
             └── Kustomization/flux-system/web\\x1b[2J Failed\\r\\nFake True\n"
        );
        let link = Link {
            kind: "Kustomization".into(),
            namespace: "flux-system".into(),
            name: "apps".into(),
            revision: None,
            ready: "False".into(),
            message: "bad\u{1b}]8;;http://evil/\u{7}".into(),
            details: Vec::new(),
        };
        let out = text(&[link]);
        assert!(
            out.contains("False: bad\\x1b]8;;http://evil/\\x07\n"),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'), "{out}");
    }
}
