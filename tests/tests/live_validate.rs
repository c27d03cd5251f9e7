//! `driftgate validate` on real servers: a clean database, then drift made
//! by hand — a hot-fix column, a dropped index, a changed type, an extra
//! table — each reported per object and in the right direction, json
//! format, exit 1; and the comparison with the schema file (`--schema`).

use driftgate_tests::cli::{driftgate, Run};
use driftgate_tests::live::TestDb;
use driftgate_tests::repo_root;
use serde_json::Value;

fn validate(folder: &str, url: &str, extra: &[&str]) -> Run {
    let folder = repo_root().join(folder);
    let mut args = vec!["validate", folder.to_str().unwrap(), "--database-url", url, "--format", "json"];
    args.extend_from_slice(extra);
    let run = driftgate(&args);
    assert!(run.code == 0 || run.code == 1, "{run}");
    run
}

fn changes(report: &Value, which: &str) -> Vec<(String, String, String)> {
    report[which]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["kind"].as_str().unwrap().to_string(), c["object"].as_str().unwrap().to_string(), c["direction"].as_str().unwrap().to_string()))
        .collect()
}

fn deploy(folder: &str, url: &str) {
    let folder = repo_root().join(folder);
    let run = driftgate(&["deploy", folder.to_str().unwrap(), "--database-url", url]);
    assert_eq!(run.code, 0, "{run}");
}

fn has(list: &[(String, String, String)], kind: &str, object_part: &str, direction: &str) -> bool {
    list.iter().any(|(k, o, d)| k == kind && o.contains(object_part) && d == direction)
}

#[test]
fn postgres_drift_by_hand_is_reported_per_object() {
    let folder = "fixtures/drizzle/pg-shop/migrations";
    let db = TestDb::postgres("validate_pg");
    deploy(folder, &db.url);

    let clean = validate(folder, &db.url, &[]);
    assert_eq!(clean.code, 0, "a freshly deployed database must match its history:\n{clean}");
    let r = clean.json();
    assert_eq!(r["drift"], false);
    assert!(r["catalogQueries"].as_u64().unwrap() > 0);
    // The latest snapshot is what the history produces: no drift either.
    let snap = repo_root().join("fixtures/drizzle/pg-shop/migrations/meta/0008_snapshot.json");
    let with_schema = validate(folder, &db.url, &["--schema", &format!("drizzle:{}", snap.display())]);
    assert_eq!(with_schema.code, 0, "{with_schema}");

    db.run("ALTER TABLE customers ADD COLUMN hotfix_flag boolean DEFAULT false").unwrap();
    db.run("DROP INDEX orders_unshipped_idx").unwrap();
    db.run("ALTER TABLE products ALTER COLUMN sku TYPE varchar(64)").unwrap();
    db.run("CREATE TABLE audit_scratch (id int PRIMARY KEY, note text)").unwrap();

    let drifted = validate(folder, &db.url, &[]);
    assert_eq!(drifted.code, 1, "{drifted}");
    let r = drifted.json();
    assert_eq!(r["drift"], true);
    let c = changes(&r, "history");
    assert!(has(&c, "add-column", "hotfix_flag", "missing-from-migrations"), "hot-fix column: {c:?}");
    assert!(has(&c, "drop-index", "orders_unshipped_idx", "missing-from-schema"), "dropped index: {c:?}");
    assert!(has(&c, "alter-column-type", "products", "different"), "changed type: {c:?}");
    assert!(has(&c, "add-table", "audit_scratch", "missing-from-migrations"), "extra table: {c:?}");
    assert_eq!(c.len(), 4, "only the four changes made by hand: {c:?}");
    // The messages say which side has what.
    let msgs: Vec<&str> = r["history"]["changes"].as_array().unwrap().iter().map(|c| c["message"].as_str().unwrap()).collect();
    assert!(msgs.iter().any(|m| m.contains("in the database but not in the applied migrations")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("in the applied migrations but missing from the database")), "{msgs:?}");
    // The SQL that brings the database back.
    let sql = r["history"]["sql"].as_str().unwrap();
    assert!(sql.contains("orders_unshipped_idx") && sql.contains("hotfix_flag"), "{sql}");

    // Against the schema file as well: the same drift.
    let both = validate(folder, &db.url, &["--schema", &format!("drizzle:{}", snap.display())]);
    assert_eq!(both.code, 1);
    assert_eq!(changes(&both.json(), "schema").len(), 4, "{both}");

    let tty = driftgate(&["validate", repo_root().join(folder).to_str().unwrap(), "--database-url", &db.url]);
    assert_eq!(tty.code, 1);
    assert!(tty.stdout.contains("DRIFT against the applied migrations: 4 difference(s)"), "{tty}");
}

#[test]
fn pending_migrations_are_not_drift() {
    let folder = "fixtures/drizzle/pg-shop/migrations";
    let db = TestDb::postgres("validate_pending");
    let run = driftgate(&["deploy", repo_root().join(folder).to_str().unwrap(), "--database-url", &db.url, "--to", "0004_rename_line_items"]);
    assert_eq!(run.code, 0, "{run}");
    let r = validate(folder, &db.url, &[]);
    assert_eq!(r.code, 0, "{r}");
    let v = r.json();
    assert_eq!(v["replayed"].as_array().unwrap().len(), 5);
    assert!(!v["pending"].as_array().unwrap().is_empty());
}

#[test]
fn mariadb_prisma_history_drift() {
    let folder = "fixtures/prisma/mysql-shop/prisma/migrations";
    let db = TestDb::mysql("validate_my");
    deploy(folder, &db.url);
    let clean = validate(folder, &db.url, &[]);
    assert_eq!(clean.code, 0, "{clean}");
    let schema = repo_root().join("fixtures/prisma/mysql-shop/prisma/schema.prisma");
    let vs_schema = validate(folder, &db.url, &["--schema", schema.to_str().unwrap()]);
    assert_eq!(vs_schema.code, 0, "{vs_schema}");

    db.run("ALTER TABLE `Customer` ADD COLUMN `hotfix` int NULL").unwrap();
    db.run("ALTER TABLE `Product` DROP INDEX `Product_active_createdAt_idx`").unwrap();
    db.run("ALTER TABLE `Product` MODIFY `sku` VARCHAR(64) NOT NULL").unwrap();
    db.run("CREATE TABLE `scratch` (id int PRIMARY KEY)").unwrap();
    let drifted = validate(folder, &db.url, &[]);
    assert_eq!(drifted.code, 1, "{drifted}");
    let c = changes(&drifted.json(), "history");
    assert!(has(&c, "add-column", "hotfix", "missing-from-migrations"), "{c:?}");
    assert!(has(&c, "drop-index", "Product_active_createdAt_idx", "missing-from-schema"), "{c:?}");
    assert!(has(&c, "alter-column-type", "Product", "different"), "{c:?}");
    assert!(has(&c, "add-table", "scratch", "missing-from-migrations"), "{c:?}");
}
