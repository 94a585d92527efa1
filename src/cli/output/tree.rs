//! Trees and traces as text: `floe tree`'s drawing and `floe trace`'s chain of fields.

use crate::trace::{Link, Node};

/// A trace's chain, one block of aligned fields per link, as flux prints it.
pub fn chain(chain: &[Link]) -> String {
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
        out.push_str(&super::fields(&rows));
    }
    out
}

/// The tree drawn as flux draws it.
pub fn tree(node: &Node) -> String {
    fn label(node: &Node) -> String {
        let clean = |s: &str| super::sanitize(s, super::Keep::Nothing).into_owned();
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
        let tree = tree(&node(
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
        let out = chain(&[link]);
        assert!(
            out.contains("False: bad\\x1b]8;;http://evil/\\x07\n"),
            "{out}"
        );
        assert!(!out.contains('\u{1b}'), "{out}");
    }
}
