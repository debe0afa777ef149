//! Bookmarks: the contents again, as the viewer's outline, each leading to
//! its heading. Divisions open, so the principles and exercises show;
//! principles closed over their examples.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::links::destination;
use super::page::Book;
use crate::pdf::text_string;

struct Node {
    title: String,
    anchor: String,
    level: u8,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// Adds the outline of `book` to `doc`.
pub fn add(doc: &mut Document, book: &Book, pages: &[ObjectId]) {
    let mut nodes: Vec<Node> = Vec::new();
    let mut top: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for entry in &book.contents {
        while stack.last().is_some_and(|&s| nodes[s].level >= entry.level) {
            stack.pop();
        }
        let index = nodes.len();
        let parent = stack.last().copied();
        nodes.push(Node {
            title: entry.title.clone(),
            anchor: entry.anchor.clone(),
            level: entry.level,
            parent,
            children: Vec::new(),
        });
        match parent {
            Some(p) => nodes[p].children.push(index),
            None => top.push(index),
        }
        stack.push(index);
    }
    if top.is_empty() {
        return;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = nodes.iter().map(|_| doc.new_object_id()).collect();
    // How many entries show under a node: open divisions show their
    // children; closed ones count them negatively, as the format asks.
    let open = |n: &Node| n.level == 1;
    fn visible(nodes: &[Node], i: usize, open: &dyn Fn(&Node) -> bool) -> i64 {
        if !open(&nodes[i]) {
            return 0;
        }
        nodes[i]
            .children
            .iter()
            .map(|&c| 1 + visible(nodes, c, open))
            .sum()
    }
    for (i, node) in nodes.iter().enumerate() {
        let siblings = match node.parent {
            Some(p) => &nodes[p].children,
            None => &top,
        };
        let at = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let mut dict = Dictionary::from_iter(vec![
            ("Title", text_string(&node.title)),
            (
                "Parent",
                Object::Reference(node.parent.map_or(root, |p| ids[p])),
            ),
        ]);
        if let Some(dest) = destination(book, pages, &node.anchor) {
            dict.set("Dest", dest);
        }
        if at > 0 {
            dict.set("Prev", Object::Reference(ids[siblings[at - 1]]));
        }
        if let Some(&next) = siblings.get(at + 1) {
            dict.set("Next", Object::Reference(ids[next]));
        }
        if let (Some(&first), Some(&last)) = (node.children.first(), node.children.last()) {
            dict.set("First", Object::Reference(ids[first]));
            dict.set("Last", Object::Reference(ids[last]));
            let count = if open(node) {
                visible(&nodes, i, &open)
            } else {
                -(node.children.len() as i64)
            };
            dict.set("Count", Object::Integer(count));
        }
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let total: i64 = top.iter().map(|&t| 1 + visible(&nodes, t, &open)).sum();
    doc.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Outlines".to_vec())),
            ("First", Object::Reference(ids[top[0]])),
            (
                "Last",
                Object::Reference(ids[*top.last().expect("not empty")]),
            ),
            ("Count", Object::Integer(total)),
        ])),
    );
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Outlines", Object::Reference(root));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
}
