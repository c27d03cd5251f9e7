//! driftgate and the real `drizzle-kit migrate` (npm, `pg` / `mysql2`
//! drivers) agree on what is applied, both ways and half way, on real
//! PostgreSQL and MariaDB servers.
//!
//! - a history deployed by driftgate: drizzle-kit applies nothing;
//! - a history applied by drizzle-kit: driftgate reports it up to date;
//! - half applied by drizzle-kit (a journal cut after k entries), finished
//!   by driftgate; half applied by driftgate (`deploy --to`), finished by
//!   drizzle-kit.
//!
//! Needs the servers (`scripts/with-db.sh`) and `npm ci --prefix
//! tools/drizzle-fixtures` (scripts/test.sh does both).

use driftgate_core::Dialect;
use driftgate_tests::live::TestDb;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn driftgate(args: &[&str]) -> (i32, String, String) {
    let run = driftgate_tests::cli::driftgate(args);
    (run.code, run.stdout, run.stderr)
}

/// `drizzle-kit migrate` with a config pointing at `out` and `url`.
fn drizzle_kit_migrate(out: &Path, url: &str, dialect: Dialect, work: &Path) -> String {
    let tools = root().join("tools/drizzle-fixtures");
    let kit = tools.join("node_modules/drizzle-kit/bin.cjs");
    assert!(kit.exists(), "drizzle-kit is not installed: run `npm ci --prefix tools/drizzle-fixtures`");
    let cfg = work.join(format!("drizzle.config.{}.ts", std::process::id()));
    let d = if dialect == Dialect::Postgres { "postgresql" } else { "mysql" };
    std::fs::write(&cfg, format!("export default {{ dialect: {d:?}, out: {:?}, dbCredentials: {{ url: {url:?} }} }};\n", out.display().to_string())).unwrap();
    let o = Command::new("node").arg(&kit).arg("migrate").arg("--config").arg(&cfg).current_dir(&tools).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "drizzle-kit migrate failed:\n{text}");
    assert!(text.contains("migrations applied successfully"), "{text}");
    text
}

/// Copy of a Drizzle out folder whose journal stops after `keep` entries.
fn truncated(src: &Path, keep: usize, work: &Path) -> PathBuf {
    let dst = work.join(format!("cut{keep}"));
    let _ = std::fs::remove_dir_all(&dst);
    std::fs::create_dir_all(dst.join("meta")).unwrap();
    let journal: serde_json::Value = serde_json::from_slice(&std::fs::read(src.join("meta/_journal.json")).unwrap()).unwrap();
    let mut cut = journal.clone();
    let entries = cut["entries"].as_array_mut().unwrap();
    entries.truncate(keep);
    for e in entries.iter() {
        let tag = e["tag"].as_str().unwrap();
        std::fs::copy(src.join(format!("{tag}.sql")), dst.join(format!("{tag}.sql"))).unwrap();
        let idx = tag.split('_').next().unwrap();
        let snap = src.join(format!("meta/{idx}_snapshot.json"));
        if snap.exists() {
            std::fs::copy(&snap, dst.join(format!("meta/{idx}_snapshot.json"))).unwrap();
        }
    }
    std::fs::write(dst.join("meta/_journal.json"), serde_json::to_vec_pretty(&cut).unwrap()).unwrap();
    dst
}

/// drizzle-kit writes `serial AUTO_INCREMENT` for a MySQL `serial()`
/// column; MySQL accepts it, MariaDB rejects it (its SERIAL already says
/// AUTO_INCREMENT). On MariaDB the history is applied from a copy where
/// that column reads `bigint unsigned AUTO_INCREMENT`; both tools hash the
/// copied files, so they still judge the same bytes.
fn mariadb_compatible(src: &Path, work: &Path) -> PathBuf {
    let dst = work.join("mariadb");
    let _ = std::fs::remove_dir_all(&dst);
    std::fs::create_dir_all(dst.join("meta")).unwrap();
    for entry in std::fs::read_dir(src).unwrap().chain(std::fs::read_dir(src.join("meta")).unwrap()) {
        let path = entry.unwrap().path();
        if path.is_file() {
            let rel = path.strip_prefix(src).unwrap();
            let text = std::fs::read_to_string(&path).unwrap().replace(" serial AUTO_INCREMENT", " bigint unsigned AUTO_INCREMENT");
            std::fs::write(dst.join(rel), text).unwrap();
        }
    }
    dst
}

fn history_rows(db: &TestDb) -> Vec<String> {
    let table = if db.dialect == Dialect::Postgres { "drizzle.__drizzle_migrations" } else { "__drizzle_migrations" };
    let out = db.run(&format!("SELECT hash, created_at FROM {table} ORDER BY created_at")).unwrap();
    out.lines().map(|l| l.replace('\t', "|")).filter(|l| !l.is_empty()).collect()
}

fn status_json(folder: &Path, url: &str) -> serde_json::Value {
    let (code, out, err) = driftgate(&["status", folder.to_str().unwrap(), "--database-url", url, "--format", "json"]);
    assert!(code == 0 || code == 1, "status failed: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn summary(v: &serde_json::Value) -> (u64, u64) {
    (v["summary"]["applied"].as_u64().unwrap(), v["summary"]["pending"].as_u64().unwrap())
}

fn check_history(fixture: &str, dialect: Dialect) {
    let work = std::env::temp_dir().join(driftgate_tests::live::unique_name("interop"));
    std::fs::create_dir_all(&work).unwrap();
    let folder = root().join(fixture);
    let folder = if dialect == Dialect::Mysql { mariadb_compatible(&folder, &work) } else { folder };
    let n = std::fs::read_dir(&folder).unwrap().filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "sql")).count() as u64;
    let new_db = |p: &str| if dialect == Dialect::Postgres { TestDb::postgres(p) } else { TestDb::mysql(p) };

    // 1. driftgate deploys; drizzle-kit finds nothing to do.
    let db = new_db("interop_dg_first");
    let (code, out, err) = driftgate(&["deploy", folder.to_str().unwrap(), "--database-url", &db.url]);
    assert_eq!(code, 0, "{out}{err}");
    let rows = history_rows(&db);
    assert_eq!(rows.len() as u64, n);
    drizzle_kit_migrate(&folder, &db.url, dialect, &work);
    assert_eq!(history_rows(&db), rows, "drizzle-kit applied something after driftgate deployed everything");

    // 2. drizzle-kit applies; driftgate says up to date and deploys nothing.
    let db = new_db("interop_kit_first");
    drizzle_kit_migrate(&folder, &db.url, dialect, &work);
    let st = status_json(&folder, &db.url);
    assert_eq!(summary(&st), (n, 0), "{st}");
    let (code, out, err) = driftgate(&["deploy", folder.to_str().unwrap(), "--database-url", &db.url]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("nothing to deploy"), "{out}");
    let rows_after_kit = history_rows(&db);

    // The same history table rows whoever applied it.
    let db1 = new_db("interop_rows");
    driftgate(&["deploy", folder.to_str().unwrap(), "--database-url", &db1.url]);
    assert_eq!(history_rows(&db1), rows_after_kit, "driftgate wrote different history rows from drizzle-kit");

    // 3. drizzle-kit applies the first half; driftgate finishes.
    let half = (n / 2) as usize;
    let db = new_db("interop_kit_half");
    drizzle_kit_migrate(&truncated(&folder, half, &work), &db.url, dialect, &work);
    assert_eq!(summary(&status_json(&folder, &db.url)), (half as u64, n - half as u64));
    let (code, out, err) = driftgate(&["deploy", folder.to_str().unwrap(), "--database-url", &db.url]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(summary(&status_json(&folder, &db.url)), (n, 0));
    let rows = history_rows(&db);
    drizzle_kit_migrate(&folder, &db.url, dialect, &work);
    assert_eq!(history_rows(&db), rows);
    assert_eq!(rows, rows_after_kit);

    // 4. driftgate applies the first half (`--to`); drizzle-kit finishes.
    let db = new_db("interop_dg_half");
    let journal: serde_json::Value = serde_json::from_slice(&std::fs::read(folder.join("meta/_journal.json")).unwrap()).unwrap();
    let to = journal["entries"][half - 1]["tag"].as_str().unwrap();
    let (code, out, err) = driftgate(&["deploy", folder.to_str().unwrap(), "--database-url", &db.url, "--to", to]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(history_rows(&db).len(), half);
    drizzle_kit_migrate(&folder, &db.url, dialect, &work);
    assert_eq!(history_rows(&db), rows_after_kit);
    assert_eq!(summary(&status_json(&folder, &db.url)), (n, 0));

    let _ = std::fs::remove_dir_all(&work);
}

#[test]
fn drizzle_kit_and_driftgate_agree_on_postgres() {
    check_history("fixtures/drizzle/pg-shop/migrations", Dialect::Postgres);
}

#[test]
fn drizzle_kit_and_driftgate_agree_on_postgres_saas() {
    check_history("fixtures/drizzle/pg-saas/migrations", Dialect::Postgres);
}

#[test]
fn drizzle_kit_and_driftgate_agree_on_mariadb() {
    check_history("fixtures/drizzle/mysql-blog/migrations", Dialect::Mysql);
}
