//! The dependency rule, checked: the core knows no UI and no command line,
//! and the `kioku` binary loads no GUI libraries.
//!
//! Cargo already refuses an import of `kioku_app` or `clap` from the core
//! (they are not its dependencies); these tests keep anyone from adding
//! them, directly or through another crate.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Crates that bring a UI or a command-line parser.
const FRONT_END_CRATES: [&str; 7] = [
    "dioxus",
    "wry",
    "tao",
    "webkit2gtk",
    "gtk",
    "clap",
    "kioku-app",
];

/// Cargo.lock as package name -> the names it depends on (every version
/// of a name merged: the rule is about names).
fn lock_graph() -> BTreeMap<String, BTreeSet<String>> {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .expect("Cargo.lock is committed");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for block in lock.split("[[package]]").skip(1) {
        let mut name = None;
        let mut deps = BTreeSet::new();
        let mut in_deps = false;
        for line in block.lines() {
            let line = line.trim();
            if let Some(n) = line.strip_prefix("name = ") {
                name = Some(n.trim_matches('"').to_owned());
            } else if line.starts_with("dependencies = [") {
                in_deps = true;
            } else if in_deps && line.starts_with(']') {
                in_deps = false;
            } else if in_deps {
                let dep = line.trim_matches(|c| c == '"' || c == ',');
                let dep_name = dep.split(' ').next().unwrap_or(dep);
                deps.insert(dep_name.to_owned());
            }
        }
        if let Some(n) = name {
            graph.entry(n).or_default().extend(deps);
        }
    }
    graph
}

/// Every package `root` depends on, directly or not, with one path to it.
fn reachable(
    graph: &BTreeMap<String, BTreeSet<String>>,
    root: &str,
) -> BTreeMap<String, Vec<String>> {
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut stack = vec![(root.to_owned(), vec![root.to_owned()])];
    while let Some((name, path)) = stack.pop() {
        for dep in graph.get(&name).into_iter().flatten() {
            if !seen.contains_key(dep) {
                let mut p = path.clone();
                p.push(dep.clone());
                seen.insert(dep.clone(), p.clone());
                stack.push((dep.clone(), p));
            }
        }
    }
    seen
}

#[test]
fn the_core_depends_on_no_ui_and_no_command_line() {
    let graph = lock_graph();
    assert!(
        graph.contains_key("kioku-core"),
        "kioku-core is in Cargo.lock"
    );
    let deps = reachable(&graph, "kioku-core");
    assert!(
        deps.contains_key("fsrs"),
        "the walk found the core's own dependencies"
    );
    let bad: Vec<String> = deps
        .iter()
        .filter(|(name, _)| {
            FRONT_END_CRATES
                .iter()
                .any(|f| *name == f || name.starts_with(&format!("{f}-")))
        })
        .map(|(_, path)| path.join(" -> "))
        .collect();
    assert!(
        bad.is_empty(),
        "the core depends on front-end crates:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_core_words_nothing_and_the_messages_bring_no_ui() {
    let graph = lock_graph();
    // The core returns data; only front ends word it.
    let core = reachable(&graph, "kioku-core");
    assert!(
        !core.contains_key("kioku-i18n"),
        "the core depends on the message layer: {:?}",
        core.get("kioku-i18n")
    );
    // The message layer is loaded by the command line: no UI in it.
    let i18n = reachable(&graph, "kioku-i18n");
    assert!(
        i18n.contains_key("fluent-bundle"),
        "the walk found its deps"
    );
    // kioku-core is allowed (for the `core` feature's words for the core's
    // typed results, shared by both front ends): it brings no UI either,
    // which the walk below still checks through it.
    let bad: Vec<String> = i18n
        .iter()
        .filter(|(name, _)| {
            (name.starts_with("kioku-") && *name != "kioku-core")
                || FRONT_END_CRATES
                    .iter()
                    .any(|f| *name == f || name.starts_with(&format!("{f}-")))
        })
        .map(|(_, path)| path.join(" -> "))
        .collect();
    assert!(bad.is_empty(), "kioku-i18n depends on:\n{}", bad.join("\n"));
}

/// The command line is a thin front end of its own: the `kioku` package
/// depends on no GUI crate, not even the app's, so the compiler refuses
/// any use of them in `src/cli` and building `kioku` builds no webview.
#[test]
fn the_command_line_package_depends_on_no_gui() {
    let graph = lock_graph();
    let deps = reachable(&graph, "kioku");
    assert!(
        deps.contains_key("kioku-core") && deps.contains_key("clap"),
        "the walk found the command line's own dependencies"
    );
    let bad: Vec<String> = deps
        .iter()
        .filter(|(name, _)| {
            FRONT_END_CRATES
                .iter()
                .filter(|f| **f != "clap")
                .any(|f| *name == f || name.starts_with(&format!("{f}-")))
        })
        .map(|(_, path)| path.join(" -> "))
        .collect();
    assert!(
        bad.is_empty(),
        "the command line depends on GUI crates:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_rule_catches_a_front_end_dependency() {
    // The walk itself must see one: the app does depend on dioxus.
    let deps = reachable(&lock_graph(), "kioku-app");
    assert!(deps.contains_key("dioxus") && deps.contains_key("kioku-core"));
}

#[cfg(target_os = "linux")]
#[test]
fn the_command_line_binary_links_no_gui_libraries() {
    let out = std::process::Command::new("ldd")
        .arg(env!("CARGO_BIN_EXE_kioku"))
        .output();
    let Ok(out) = out else {
        eprintln!("note: no ldd here; the linked libraries are not checked");
        return;
    };
    let libs = String::from_utf8_lossy(&out.stdout);
    for gui in ["gtk", "webkit", "libX11", "glib", "gdk", "xdo"] {
        assert!(!libs.contains(gui), "kioku links {gui}:\n{libs}");
    }
    // The app's binary does (crates/app/tests/app/binary.rs checks that the
    // same test can fail).
}

/// The core's top-level modules (`bank`, `store`, `media`, …) as module ->
/// the other modules its code names through `crate::`. Comments are left
/// out, and so is each file's `#[cfg(test)]` module (at its end): a unit
/// test may build its data with anything the crate has, as the
/// integration tests do.
fn core_module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/src");
    fn files(p: &Path, out: &mut Vec<std::path::PathBuf>) {
        if p.is_dir() {
            for e in std::fs::read_dir(p).unwrap() {
                files(&e.unwrap().path(), out);
            }
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p.to_owned());
        }
    }
    let mut modules = BTreeMap::new();
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if name != "lib" {
            let mut fs = Vec::new();
            files(&p, &mut fs);
            modules.insert(name, fs);
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, fs) in &modules {
        let uses = graph.entry(name.clone()).or_default();
        for f in fs {
            let text = std::fs::read_to_string(f).unwrap();
            let code = text
                .lines()
                .take_while(|l| l.trim() != "#[cfg(test)]")
                .filter(|l| !l.trim_start().starts_with("//"));
            for line in code {
                for (at, _) in line.match_indices("crate::") {
                    let rest = &line[at + "crate::".len()..];
                    let end = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .unwrap_or(rest.len());
                    let used = &rest[..end];
                    if used != name && modules.contains_key(used) {
                        uses.insert(used.to_owned());
                    }
                }
            }
        }
    }
    graph
}

/// The modules of `graph` that reach themselves, each with one way round.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    graph
        .keys()
        .filter_map(|m| reachable(graph, m).remove(m).map(|path| path.join(" -> ")))
        .collect()
}

#[test]
fn the_core_s_modules_import_in_one_direction() {
    let graph = core_module_graph();
    // The reading is not empty: the library uses the store, the bank the
    // media checks.
    assert!(graph["library"].contains("store"), "{graph:?}");
    assert!(graph["bank"].contains("media"), "{graph:?}");
    assert_eq!(cycles(&graph), Vec::<String>::new(), "{graph:?}");
}

#[test]
fn the_module_rule_catches_a_cycle() {
    let mut graph = core_module_graph();
    // As when `media` wrote its files through the store, which reads sets
    // through the bank, which checks them with `media`.
    graph.get_mut("media").unwrap().insert("store".to_owned());
    let found = cycles(&graph);
    assert!(
        found
            .iter()
            .any(|c| c.starts_with("media -> store -> ") && c.ends_with(" -> media")),
        "{found:?}"
    );
    assert!(
        found.contains(&"bank -> media -> store -> bank".to_owned()),
        "{found:?}"
    );
}
