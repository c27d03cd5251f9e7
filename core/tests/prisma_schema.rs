//! Prisma schema → model (`driftgate_core::prisma`).
//!
//! Oracle: for every Prisma fixture project, replaying its migrations gives
//! the same model as reading its schema.prisma, except for the objects
//! listed in `HISTORY_ONLY` (hand-written SQL that schema.prisma cannot
//! express); each listed exception must still show up, so the allowance
//! cannot go stale. Unit tests cover the tricky parts of the mapping.

use driftgate_core::history::{self, FolderFile};
use driftgate_core::prisma::{parse_schema, PrismaResult};
use driftgate_core::replay::replay_history;
use driftgate_core::schema::Identity;
use driftgate_core::Dialect;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().join("fixtures/prisma")
}

fn read_folder(root: &Path, dir: &Path, out: &mut Vec<FolderFile>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_folder(root, &p, out);
        } else {
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push(FolderFile { path: rel, contents: std::fs::read(&p).unwrap() });
        }
    }
}

/// (project, difference line) — in the replayed history, not in schema.prisma.
const HISTORY_ONLY: &[(&str, &str, &str)] = &[
    // Hand-written in 20240312090000_search_and_partial_indexes: Prisma has no
    // syntax for a partial index, an expression index, or an index on an
    // Unsupported column (fixtures/prisma/README.md).
    ("pg-saas", "index public.documents.documents_org_id_live_idx: only on the left", "partial index"),
    ("pg-saas", "index public.users.users_email_lower_key: only on the left", "expression index"),
    ("pg-saas", "index public.documents.documents_search_vector_idx: only on the left", "GIN index on Unsupported(\"tsvector\")"),
];

fn parse_fixture(project: &str) -> PrismaResult {
    let path = fixtures().join(project).join("prisma/schema.prisma");
    let text = std::fs::read_to_string(&path).unwrap();
    parse_schema(&[("schema.prisma", &text)]).unwrap_or_else(|e| panic!("{project}: {e}"))
}

#[test]
fn replayed_history_equals_schema_prisma() {
    let mut projects: Vec<String> = std::fs::read_dir(fixtures()).unwrap().flatten().filter(|e| e.path().is_dir()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    projects.sort();
    assert!(projects.len() >= 3, "{projects:?}");
    let mut failures = Vec::new();
    for project in &projects {
        let dir = fixtures().join(project).join("prisma/migrations");
        let mut files = Vec::new();
        read_folder(&dir, &dir, &mut files);
        let h = history::read(&files).unwrap();
        let replayed = replay_history(&h, None);
        assert!(replayed.unmodelled.is_empty(), "{project}: {:?}", replayed.unmodelled);
        let parsed = parse_fixture(project);
        assert_eq!(Some(parsed.provider), h.dialect, "{project}: provider vs migration_lock.toml");
        assert!(parsed.not_modelled.is_empty(), "{project}: {:?}", parsed.not_modelled);
        let diffs = replayed.schema.differences(&parsed.schema);
        let expected: Vec<&str> = HISTORY_ONLY.iter().filter(|(p, _, _)| p == project).map(|(_, d, _)| *d).collect();
        for e in &expected {
            assert!(diffs.iter().any(|d| d == e), "{project}: listed exception {e:?} no longer shows up; remove it from HISTORY_ONLY");
        }
        let unexpected: Vec<&String> = diffs.iter().filter(|d| !expected.contains(&d.as_str())).collect();
        println!("{project:12} {} tables, {} differences ({} listed history-only)", parsed.schema.tables.len(), diffs.len(), expected.len());
        if !unexpected.is_empty() {
            failures.push(format!("{project}:\n    {}", unexpected.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n    ")));
        }
    }
    assert!(failures.is_empty(), "replayed history differs from schema.prisma:\n{}", failures.join("\n"));
}
