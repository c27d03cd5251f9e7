//! Shared helpers for driftgate's cross-host and end-to-end tests.

pub mod cli;
pub mod live;
pub mod replica;

use std::path::PathBuf;

/// The repository root (fixtures live under `fixtures/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

pub fn fixtures() -> PathBuf {
    repo_root().join("fixtures")
}

/// Every Drizzle history under `fixtures/drizzle/*/migrations`.
pub fn drizzle_histories() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(fixtures().join("drizzle"))
        .expect("fixtures/drizzle")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("migrations/meta/_journal.json").exists())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().join("migrations")))
        .collect();
    out.sort();
    out
}

/// Every migration folder among the fixtures (Drizzle, Prisma, plain).
pub fn all_histories() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = drizzle_histories().into_iter().map(|(_, p)| p).collect();
    for kind in ["prisma", "plain"] {
        let Ok(rd) = std::fs::read_dir(fixtures().join(kind)) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if kind == "prisma" && p.join("prisma/migrations").is_dir() {
                out.push(p.join("prisma/migrations"));
            } else if kind == "plain" && p.is_dir() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
