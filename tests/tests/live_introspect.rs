//! Oracle: every fixture history of both dialects, applied file by file to a
//! fresh database on a real server (PostgreSQL 15, MariaDB) and then
//! introspected, gives the model replay gives for the same history.
//!
//! Where the database and the history legitimately disagree the exact
//! difference is asserted (see `KNOWN`), never skipped. Also: the number
//! of catalog queries does not depend on the number of tables.
//!
//! Needs the live servers: `scripts/with-db.sh cargo test -p driftgate-tests --test live_introspect`.

use driftgate::db::{runtime, Db, DbUrl};
use driftgate::folder::read_folder;
use driftgate::introspect::{catalog_rows, introspect, introspect_url};
use driftgate_core::catalog::catalog_queries;
use driftgate_core::{history, replay, Dialect};
use driftgate_tests::all_histories;
use driftgate_tests::live::TestDb;
use std::path::Path;

/// A difference that is real: (history, the first and the last migration
/// after which it shows, the lines `live.differences(&replayed)` must show
/// then, each given by a prefix of the line).
struct Known {
    history: &'static str,
    from: &'static str,
    until: Option<&'static str>,
    lines: &'static [&'static str],
}

const KNOWN: &[Known] = &[
    // PostgreSQL 15 does not copy a parent's identity to its partitions
    // (their `id` has no identity; rows get one only through the parent);
    // replay copies the parent's columns as they are, which is what
    // PostgreSQL 17 does.
    Known {
        history: "plain/flyway-pg",
        from: "V10__order_events_partitioned",
        until: None,
        lines: &[
            "column public.order_events_2024_q1.id: Column { name: \"id\", data_type: \"bigint\", nullable: false, default: None, identity: None, generated: None } != Column { name: \"id\", data_type: \"bigint\", nullable: false, default: None, identity: Some(Always), generated: None }",
            "column public.order_events_2024_q2.id: Column { name: \"id\", data_type: \"bigint\", nullable: false, default: None, identity: None, generated: None } != Column { name: \"id\", data_type: \"bigint\", nullable: false, default: None, identity: Some(Always), generated: None }",
            "column public.order_events_default.id: Column { name: \"id\", data_type: \"bigint\", nullable: false, default: None, identity: None, generated: None } != Column { name: \"id\", data_type: \"bigint\", nullable: false, default: None, identity: Some(Always), generated: None }",
        ],
    },
    // Postgres keeps a view as its parsed query and prints it back in its
    // own words (`SELECT memberships.tenant_id, … GROUP BY
    // memberships.tenant_id`), not drizzle-kit's text; 0007 drops the view.
    Known {
        history: "drizzle/pg-saas",
        from: "0003_seat_usage_view",
        until: Some("0006_move_audit_log"),
        lines: &["view saas.tenant_seat_usage: View { schema: \"saas\", name: \"tenant_seat_usage\", materialized: false, definition: \"select "],
    },
];

fn label(dir: &Path) -> String {
    let s = dir.to_string_lossy().replace('\\', "/");
    let rel = s.split("/fixtures/").nth(1).unwrap_or(&s).to_string();
    rel.trim_end_matches("/migrations").trim_end_matches("/prisma").to_string()
}

fn fresh(dialect: Dialect, prefix: &str) -> TestDb {
    match dialect {
        Dialect::Postgres => TestDb::postgres(prefix),
        Dialect::Mysql => TestDb::mysql(prefix),
    }
}

/// The SQL as the ORM's runner would send it: Drizzle's breakpoints are not
/// comments to the mariadb client. And drizzle-kit writes `serial
/// AUTO_INCREMENT` for a MySQL `serial()` column, which MySQL accepts and
/// MariaDB rejects; `serial` alone means the same (BIGINT UNSIGNED NOT NULL
/// AUTO_INCREMENT UNIQUE), so the model replay gives is unchanged.
fn runnable(sql: &str, dialect: Dialect) -> String {
    let sql = sql.replace("--> statement-breakpoint", "");
    match dialect {
        Dialect::Mysql => sql.replace(" serial AUTO_INCREMENT", " serial"),
        Dialect::Postgres => sql,
    }
}

/// Every history, one migration at a time: after each, the live catalog
/// equals the replay of the migrations so far.
#[test]
fn introspection_equals_replay_for_every_fixture_history() {
    let mut failures = Vec::new();
    let mut lines = Vec::new();
    let mut seen_known = Vec::new();
    for dir in all_histories() {
        let name = label(&dir);
        let files = read_folder(&dir).unwrap();
        let h = history::read_for_analysis(&files).unwrap();
        // Plain folders do not say their dialect; the fixtures' names do.
        let dialect = h.dialect.unwrap_or(if name.contains("mysql") { Dialect::Mysql } else { Dialect::Postgres });
        let db = fresh(dialect, "introspect");
        let mut steps = Vec::new();
        for (k, m) in h.migrations.iter().enumerate() {
            if let Err(e) = db.run(&runnable(&m.sql, dialect)) {
                panic!("{name}: applying {} failed: {e}", m.name);
            }
            let prefix = history::History { migrations: h.migrations[..=k].to_vec(), ..h.clone() };
            let replayed = replay::replay_history(&prefix, Some(dialect));
            let (live, queries) = introspect_url(&db.url).unwrap_or_else(|e| panic!("{name} after {}: {e}", m.name));
            assert_eq!(queries, catalog_queries(dialect).len());
            let mut expected: Vec<&str> = Vec::new();
            for (i, kn) in KNOWN.iter().enumerate().filter(|(_, kn)| kn.history == name) {
                let from = h.migrations.iter().position(|x| x.name.starts_with(kn.from)).unwrap_or_else(|| panic!("{name}: no migration {}", kn.from));
                let until = kn.until.map(|u| h.migrations.iter().position(|x| x.name.starts_with(u)).unwrap_or_else(|| panic!("{name}: no migration {u}"))).unwrap_or(usize::MAX);
                if (from..=until).contains(&k) {
                    expected.extend(kn.lines);
                    seen_known.push(i);
                }
            }
            let diffs = live.differences(&replayed.schema);
            let unexpected: Vec<&String> = diffs.iter().filter(|d| !expected.iter().any(|e| d.starts_with(e))).collect();
            let missing: Vec<&&str> = expected.iter().filter(|e| diffs.iter().filter(|d| d.starts_with(**e)).count() != 1).collect();
            steps.push(if diffs.is_empty() { "=" } else if unexpected.is_empty() && missing.is_empty() { "k" } else { "X" });
            if !unexpected.is_empty() {
                failures.push(format!("{name} after {}: live differs from replay:\n    {}", m.name, unexpected.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n    ")));
            }
            if !missing.is_empty() {
                failures.push(format!("{name} after {}: expected differences are gone or ambiguous (update KNOWN): {missing:?}", m.name));
            }
            if k + 1 == h.migrations.len() {
                record(&format!("{}.json", name.replace('/', "-")), &db.url, serde_json::json!({ "history": name }), &diffs);
                lines.push(format!("{name:22} {:8} {:2} tables, {:2} migrations: {}", dialect.name(), live.tables.len(), h.migrations.len(), steps.join(" ")));
            }
        }
    }
    println!("{}\n('=' equal after that migration, 'k' only the known difference)", lines.join("\n"));
    assert!(lines.len() >= 10, "expected every fixture history: {lines:?}");
    for (i, kn) in KNOWN.iter().enumerate() {
        assert!(seen_known.contains(&i), "KNOWN entry for {} (from {}) matched no history", kn.history, kn.from);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// With DRIFTGATE_BLESS=1, writes the catalog rows of `url` (and the
/// differences the test just accepted) to `fixtures/catalog/NAME`: the
/// offline corpus of `tests/tests/catalog_rows.rs` and the cross-host
/// conformance test.
fn record(name: &str, url: &str, mut what: serde_json::Value, diffs: &[String]) {
    if std::env::var_os("DRIFTGATE_BLESS").is_none_or(|v| v.is_empty() || v == "0") {
        return;
    }
    let url = DbUrl::parse(url).unwrap();
    let (rows, version) = runtime().block_on(async {
        let mut db = Db::connect(&url).await.unwrap();
        let rows = catalog_rows(&mut db).await.unwrap();
        let version = db.query("SELECT version()").await.unwrap().scalar().unwrap_or_default().to_string();
        db.close().await;
        (rows, version)
    });
    what["dialect"] = serde_json::json!(url.dialect);
    what["server"] = serde_json::json!(version);
    what["differences"] = serde_json::json!(diffs);
    what["rows"] = serde_json::json!(rows);
    let dir = driftgate_tests::fixtures().join("catalog");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), serde_json::to_string_pretty(&what).unwrap() + "\n").unwrap();
}

/// Applies `script` to a fresh database (after `setup`, which replay does
/// not see: history tables, extension objects), introspects it and returns
/// the differences from replaying `script`.
fn live_vs_replay(dialect: Dialect, setup: &str, script: &str) -> Vec<String> {
    let db = fresh(dialect, "introspect_cover");
    if !setup.is_empty() {
        db.run(setup).unwrap_or_else(|e| panic!("setup: {e}"));
    }
    db.run(script).unwrap_or_else(|e| panic!("script: {e}"));
    let replayed = replay::replay(&[replay::MigrationSource { name: "script.sql", sql: script }], dialect);
    assert!(replayed.unmodelled.is_empty(), "{:?}", replayed.unmodelled);
    let (live, _) = introspect_url(&db.url).unwrap();
    let diffs = live.differences(&replayed.schema);
    record(&format!("{}-coverage.json", dialect.name()), &db.url, serde_json::json!({ "script": script }), &diffs);
    diffs
}

/// What the history tables look like (they must not show up).
const PG_HISTORY_TABLES: &str = r#"
CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0);
CREATE SCHEMA drizzle;
CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint);
CREATE TABLE _driftgate_migrations (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE _driftgate_backfill (id bigserial PRIMARY KEY, job text);
"#;

const PG_COVERAGE: &str = r#"
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA billing;
CREATE TYPE billing.plan AS ENUM ('free', 'pro');
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';
CREATE TYPE "Empty" AS ENUM ();
CREATE SEQUENCE billing.invoice_seq;
CREATE TABLE billing.accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan billing.plan NOT NULL DEFAULT 'free',
  plans billing.plan[] NOT NULL DEFAULT '{}',
  email citext NOT NULL,
  handle varchar(40) NOT NULL,
  code char(3),
  credit numeric(10,2) NOT NULL DEFAULT -1.50,
  big bigint NOT NULL DEFAULT 0,
  small smallint DEFAULT '7',
  ratio real DEFAULT 0.5,
  "MixedCase" text DEFAULT 'it''s',
  tags text[] DEFAULT ARRAY[]::text[],
  shout text GENERATED ALWAYS AS (upper(handle) || '!') STORED,
  created timestamptz(3) DEFAULT now(),
  updated timestamp DEFAULT CURRENT_TIMESTAMP,
  doc jsonb DEFAULT '{}'::jsonb,
  uid uuid DEFAULT gen_random_uuid(),
  feeling mood,
  by_default int GENERATED BY DEFAULT AS IDENTITY,
  CONSTRAINT accounts_handle_key UNIQUE NULLS NOT DISTINCT (handle),
  CONSTRAINT credit_range CHECK (credit BETWEEN 0 AND 100) NOT VALID,
  CONSTRAINT plan_known CHECK (plan IN ('free', 'pro')),
  CONSTRAINT code_known CHECK (code NOT IN ('XXX', 'YYY'))
);
CREATE TABLE billing.invoices (
  id serial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES billing.accounts (id) ON DELETE CASCADE ON UPDATE SET NULL,
  number bigint NOT NULL DEFAULT nextval('billing.invoice_seq'),
  total numeric DEFAULT '0',
  note text,
  UNIQUE (account_id, number)
);
CREATE TABLE "Pairs" (
  "Left" int NOT NULL,
  "Right" int NOT NULL,
  CONSTRAINT "Pairs_pk" PRIMARY KEY ("Left", "Right"),
  CONSTRAINT pairs_invoice FOREIGN KEY ("Left") REFERENCES billing.invoices (id) ON DELETE SET DEFAULT
);
CREATE INDEX invoices_recent ON billing.invoices (account_id, id DESC NULLS LAST) WHERE note IS NOT NULL;
CREATE INDEX accounts_handle_trgm ON billing.accounts USING gin (handle gin_trgm_ops);
CREATE UNIQUE INDEX accounts_lower_handle ON billing.accounts (lower(handle));
CREATE INDEX invoices_note_hash ON billing.invoices USING hash (note);
CREATE INDEX accounts_handle_pattern ON billing.accounts (handle varchar_pattern_ops, code DESC);
CREATE INDEX ON "Pairs" ("Right");
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX events_at ON events (at);
CREATE VIEW billing.big_accounts AS SELECT a.id, a.handle FROM billing.accounts a WHERE a.credit > 10;
CREATE MATERIALIZED VIEW billing.totals AS SELECT i.account_id, count(*) AS n FROM billing.invoices i GROUP BY i.account_id;
"#;

#[test]
fn postgres_introspection_covers_the_model() {
    let diffs = live_vs_replay(Dialect::Postgres, PG_HISTORY_TABLES, PG_COVERAGE);
    println!("{}", diffs.join("\n"));
    assert!(diffs.is_empty(), "{diffs:#?}");
}

const MYSQL_HISTORY_TABLES: &str = r#"
CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL, finished_at datetime(3), migration_name varchar(255) NOT NULL, logs text, rolled_back_at datetime(3), started_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), applied_steps_count integer unsigned NOT NULL DEFAULT 0);
CREATE TABLE __drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint);
CREATE TABLE _driftgate_migrations (id bigint unsigned AUTO_INCREMENT PRIMARY KEY, name text NOT NULL);
CREATE TABLE _driftgate_backfill (id bigint unsigned AUTO_INCREMENT PRIMARY KEY, job text);
"#;

const MYSQL_COVERAGE: &str = r#"
CREATE TABLE accounts (
  id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  handle varchar(40) NOT NULL,
  email varchar(191) NOT NULL DEFAULT '',
  quote varchar(20) DEFAULT 'it''s',
  credit decimal(10,2) NOT NULL DEFAULT 0,
  debit decimal(10,2) DEFAULT '-1.50',
  flags tinyint(1) NOT NULL DEFAULT true,
  score double DEFAULT 0.5,
  doc json,
  kind enum('a','b','c') NOT NULL DEFAULT 'a',
  created datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  stamp timestamp NULL DEFAULT NULL,
  handle_lower varchar(40) AS (lower(handle)) VIRTUAL,
  handle_upper varchar(40) GENERATED ALWAYS AS (upper(handle)) STORED,
  note text,
  UNIQUE KEY accounts_email_key (email),
  KEY accounts_created_desc (created DESC, handle),
  FULLTEXT KEY accounts_note_ft (note),
  CONSTRAINT credit_positive CHECK (credit >= 0)
);
CREATE TABLE invoices (
  id serial PRIMARY KEY,
  account_id bigint unsigned NOT NULL,
  other_id bigint unsigned,
  total decimal(12,2) DEFAULT '0.00',
  CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
  CONSTRAINT invoices_other_fk FOREIGN KEY (other_id) REFERENCES accounts (id) ON UPDATE SET NULL
);
CREATE TABLE pairs (
  a bigint unsigned NOT NULL,
  b bigint unsigned NOT NULL,
  PRIMARY KEY (a, b),
  KEY pairs_b (b),
  CONSTRAINT pairs_a_fk FOREIGN KEY (a) REFERENCES invoices (id),
  CONSTRAINT pairs_b_fk FOREIGN KEY (b) REFERENCES invoices (id) ON DELETE NO ACTION
);
CREATE SEQUENCE ids;
CREATE VIEW big AS SELECT id, handle FROM accounts WHERE credit > 10;
"#;

#[test]
fn mariadb_introspection_covers_the_model() {
    let diffs = live_vs_replay(Dialect::Mysql, MYSQL_HISTORY_TABLES, MYSQL_COVERAGE);
    println!("{}", diffs.join("\n"));
    // The one real difference: MariaDB keeps a view as its parsed query and
    // prints every column qualified and aliased.
    assert_eq!(
        diffs,
        ["view big: View { schema: \"\", name: \"big\", materialized: false, definition: \"select accounts.id as id,accounts.handle as handle from accounts where accounts.credit>10\" } != View { schema: \"\", name: \"big\", materialized: false, definition: \"select id,handle from accounts where credit>10\" }"]
    );
}

/// `n` tables, each with a few columns, a primary key, an index and a
/// foreign key to the one before.
fn many_tables(dialect: Dialect, n: usize) -> String {
    let mut sql = String::new();
    for i in 0..n {
        let fk = if i == 0 { String::new() } else { format!(", CONSTRAINT t{i}_prev_fk FOREIGN KEY (prev_id) REFERENCES t{} (id)", i - 1) };
        let ty = if dialect == Dialect::Postgres { "timestamptz" } else { "datetime(3)" };
        sql.push_str(&format!(
            "CREATE TABLE t{i} (id bigint NOT NULL, prev_id bigint, name varchar(100) NOT NULL DEFAULT '', created {ty}, CONSTRAINT t{i}_pk PRIMARY KEY (id){fk});\nCREATE INDEX t{i}_name_idx ON t{i} (name);\n"
        ));
    }
    sql
}

/// Statements this session has sent (MariaDB counts them per session).
async fn questions(db: &mut Db) -> u64 {
    let r = db.query("SHOW SESSION STATUS LIKE 'Questions'").await.unwrap();
    r.rows[0][1].as_deref().unwrap().parse().unwrap()
}

#[test]
fn catalog_query_count_does_not_depend_on_the_tables() {
    for dialect in [Dialect::Postgres, Dialect::Mysql] {
        let empty = fresh(dialect, "introspect_empty");
        let many = fresh(dialect, "introspect_many");
        many.run(&many_tables(dialect, 300)).unwrap();
        let mut counts = Vec::new();
        for (db, tables) in [(&empty, 0), (&many, 300)] {
            let (schema, n, sent) = runtime().block_on(async {
                let mut conn = Db::connect(&DbUrl::parse(&db.url).unwrap()).await.unwrap();
                let before = if dialect == Dialect::Mysql { questions(&mut conn).await } else { 0 };
                let (schema, n) = introspect(&mut conn).await.unwrap();
                // The statements the server saw, between the two SHOWs
                // (the second one counts itself).
                let sent = if dialect == Dialect::Mysql { questions(&mut conn).await - before - 1 } else { n as u64 };
                conn.close().await;
                (schema, n, sent)
            });
            assert_eq!(schema.tables.len(), tables);
            assert_eq!(n as u64, sent, "{dialect:?}: queries the server saw");
            counts.push(n);
        }
        println!("{}: {} catalog queries for 0 tables, {} for 300", dialect.name(), counts[0], counts[1]);
        assert_eq!(counts[0], counts[1]);
        assert_eq!(counts[0], catalog_queries(dialect).len());
        let t = &introspect_url(&many.url).unwrap().0.tables[&driftgate_core::schema::key(dialect, dialect.default_schema(), "t299")];
        assert_eq!((t.columns.len(), t.indexes.iter().filter(|i| !i.implicit).count(), t.foreign_keys.len()), (4, 1, 1));
    }
}

/// `driftgate diff --from postgres://… --to migrations:DIR` reads the live
/// catalog: nothing to do after the history was applied, a change after a
/// hot fix.
#[test]
fn diff_from_a_live_database() {
    for (dir, dialect) in [("fixtures/prisma/pg-blog/prisma/migrations", Dialect::Postgres), ("fixtures/prisma/mysql-shop/prisma/migrations", Dialect::Mysql)] {
        let path = driftgate_tests::repo_root().join(dir);
        let h = history::read_for_analysis(&read_folder(&path).unwrap()).unwrap();
        let db = fresh(dialect, "introspect_diff");
        for m in &h.migrations {
            db.run(&runnable(&m.sql, dialect)).unwrap();
        }
        let to = format!("migrations:{}", path.display());
        let (code, stdout, stderr) = driftgate(&["diff", "--from", &db.url, "--to", &to, "--exit-code"]);
        assert_eq!(code, 0, "{stdout}{stderr}");
        assert!(stdout.contains("no differences"), "{stdout}{stderr}");
        assert!(!format!("{stdout}{stderr}").contains("dg-admin-pw"), "password in the output: {stdout}{stderr}");
        let hotfix = match dialect {
            Dialect::Postgres => "ALTER TABLE \"User\" ADD COLUMN hotfix integer",
            Dialect::Mysql => "ALTER TABLE `Customer` ADD COLUMN hotfix integer",
        };
        db.run(hotfix).unwrap();
        let (code, stdout, stderr) = driftgate(&["diff", "--from", &db.url, "--to", &to, "--exit-code", "--format", "json"]);
        assert_eq!(code, 1, "{stdout}{stderr}");
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let changes = v["changes"].as_array().unwrap();
        assert_eq!(changes.len(), 1, "{stdout}");
        assert!(changes[0]["object"].as_str().unwrap().contains("hotfix"), "{stdout}");
        let (code, stdout, stderr) = driftgate(&["introspect", &db.url]);
        assert_eq!(code, 0, "{stdout}{stderr}");
        assert!(stdout.contains("hotfix int"), "{stdout}");
        assert!(!format!("{stdout}{stderr}").contains("dg-admin-pw"), "{stdout}{stderr}");
        // A wrong password: an error that does not echo it.
        let bad = db.url.replace("dg-admin-pw-4711", "wrong-pw-0815");
        let (code, stdout, stderr) = driftgate(&["introspect", &bad, "--format", "json"]);
        assert_eq!(code, 2, "{stdout}{stderr}");
        assert!(!format!("{stdout}{stderr}").contains("wrong-pw-0815"), "{stdout}{stderr}");
    }
}

/// An artifact of this checkout built into the target directory and
/// profile of this test (`cargo build -p PACKAGE`): the binary, the addon.
fn built(package: &str, file: &str) -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(Path::parent).unwrap().to_path_buf();
    let mut cmd = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(["build", "--quiet", "-p", package, "--target-dir"]).arg(profile_dir.parent().unwrap()).current_dir(driftgate_tests::repo_root());
    if profile_dir.ends_with("release") {
        cmd.arg("--release");
    }
    assert!(cmd.status().unwrap().success(), "cargo build -p {package} failed");
    profile_dir.join(file)
}

fn addon() -> std::path::PathBuf {
    built("driftgate-node", &format!("{}driftgate_node{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX))
}

/// `driftgate ARGS…`: exit code, stdout, stderr.
fn driftgate(args: &[&str]) -> (i32, String, String) {
    static BIN: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    let bin = BIN.get_or_init(|| built("driftgate", &format!("driftgate{}", std::env::consts::EXE_SUFFIX)));
    let out = std::process::Command::new(bin).args(args).env_remove("DATABASE_URL").env("NO_COLOR", "1").output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// `examples/node/introspect.mjs`: the catalog queries run by the `pg` and
/// `mysql2` drivers (typed values: booleans, numbers) through the addon
/// give the model the CLI gives over the text protocol.
#[test]
fn node_drivers_give_the_cli_model() {
    let root = driftgate_tests::repo_root();
    let modules = root.join("tools/drizzle-fixtures/node_modules");
    assert!(modules.join("pg").is_dir() && modules.join("mysql2").is_dir(), "run `npm ci --prefix tools/drizzle-fixtures` (pg, mysql2)");
    let addon = addon();
    for (dialect, setup, script) in [(Dialect::Postgres, PG_HISTORY_TABLES, PG_COVERAGE), (Dialect::Mysql, MYSQL_HISTORY_TABLES, MYSQL_COVERAGE)] {
        let db = fresh(dialect, "introspect_node");
        db.run(setup).unwrap();
        db.run(script).unwrap();
        let out = std::process::Command::new("node")
            .arg(root.join("examples/node/introspect.mjs"))
            .arg(&db.url)
            .env("NODE_PATH", &modules)
            .env("DRIFTGATE_NODE_ADDON", &addon)
            .output()
            .unwrap();
        assert!(out.status.success(), "{dialect:?}: {}", String::from_utf8_lossy(&out.stderr));
        let via_node: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let (live, _) = introspect_url(&db.url).unwrap();
        assert_eq!(via_node, serde_json::to_value(&live).unwrap(), "{dialect:?}");
        assert!(!live.tables.is_empty());
    }
}

/// Through PgBouncer in transaction mode (simple queries only, no prepared
/// statements): the same model as a direct connection.
#[test]
fn introspection_through_pgbouncer() {
    let db = fresh(Dialect::Postgres, "introspect_bouncer");
    db.run(PG_COVERAGE).unwrap();
    let (direct, _) = introspect_url(&db.url).unwrap();
    let (pooled, n) = introspect_url(db.bouncer()).unwrap();
    assert_eq!(n, catalog_queries(Dialect::Postgres).len());
    assert_eq!(pooled, direct);
}
