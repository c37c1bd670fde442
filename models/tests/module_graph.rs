//! The modules of `models/src` import one another in one direction only: no circle, so
//! each can be read knowing only the ones below it. Reads the sources as text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module → the modules it names with `crate::…`. A folder module (`translation/`) is one
/// module: its files' imports count as the folder's.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut visit = |module: String, path: &Path| {
        let text = std::fs::read_to_string(path).expect("read a source file");
        let uses = graph.entry(module.clone()).or_default();
        for (at, _) in text.match_indices("crate::") {
            let name: String = text[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != module && name.chars().all(|c| !c.is_uppercase()) {
                uses.insert(name);
            }
        }
    };
    for entry in std::fs::read_dir(&src).expect("models/src") {
        let path = entry.expect("an entry").path();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name")
            .to_owned();
        if path.is_dir() {
            for inner in std::fs::read_dir(&path).expect("a module folder") {
                visit(stem.clone(), &inner.expect("an entry").path());
            }
        } else if stem != "lib" {
            visit(stem, &path);
        }
    }
    graph
}

/// A circle of imports through `module`, if there is one.
fn circle_from(
    module: &str,
    graph: &BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|m| m == module) {
        let mut circle = path[at..].to_vec();
        circle.push(module.to_owned());
        return Some(circle);
    }
    if done.contains(module) {
        return None;
    }
    path.push(module.to_owned());
    for next in graph.get(module).into_iter().flatten() {
        if let Some(circle) = circle_from(next, graph, path, done) {
            return Some(circle);
        }
    }
    path.pop();
    done.insert(module.to_owned());
    None
}

#[test]
fn the_modules_import_each_other_without_a_circle() {
    let graph = import_graph();
    assert!(graph.len() > 15, "the modules were found: {graph:?}");
    assert!(
        graph["threads"].contains("views"),
        "imports are read: {:?}",
        graph["threads"]
    );
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        if let Some(circle) = circle_from(module, &graph, &mut Vec::new(), &mut done) {
            panic!(
                "modules import each other in a circle: {}",
                circle.join(" → ")
            );
        }
    }
}
