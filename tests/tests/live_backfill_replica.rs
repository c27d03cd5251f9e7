//! `driftgate backfill` throttled by real replica lag: a PostgreSQL streaming
//! replica whose replay is paused with `pg_wal_replay_pause()` (lag read from
//! the primary's `pg_stat_replication`, and from `--replica`), and a MariaDB
//! replica whose SQL thread is stopped. The backfill must stop issuing
//! batches within 1 s of the lag passing `--max-lag-seconds`, and finish
//! after replay resumes. Its own binary: a paused replica is lag for every
//! test on the primary.

use driftgate_core::Dialect;
use driftgate_tests::cli::{command, Run};
use driftgate_tests::live::{psql, unique_name, TestDb};
use driftgate_tests::replica::{MariaReplica, PgReplica};
use std::process::{Child, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const MAX_LAG: f64 = 1.0;

/// `items`: `doubled` to fill with `v * 2`; a trigger stamps `filled_at`
/// with the server's clock when a row is filled, so the last batch's time
/// is known exactly.
fn create_items(db: &TestDb, rows: u64) {
    let sql = match db.dialect {
        Dialect::Postgres => format!(
            "CREATE TABLE items (id bigint PRIMARY KEY, v int NOT NULL, doubled bigint, filled_at timestamptz);
             CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.filled_at := clock_timestamp(); RETURN NEW; END $$;
             CREATE TRIGGER items_stamp BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION stamp();
             INSERT INTO items (id, v) SELECT g, g % 1000 FROM generate_series(1, {rows}) g;
             ANALYZE items;"
        ),
        Dialect::Mysql => format!(
            "CREATE TABLE items (id bigint PRIMARY KEY, v int NOT NULL, doubled bigint NULL, filled_at datetime(6) NULL);
             CREATE TRIGGER items_stamp BEFORE UPDATE ON items FOR EACH ROW SET NEW.filled_at = NOW(6);
             INSERT INTO items (id, v) SELECT seq, seq MOD 1000 FROM seq_1_to_{rows};
             ANALYZE TABLE items;"
        ),
    };
    db.run(&sql).unwrap();
}

fn spawn(url: &str, extra: &[&str]) -> (Child, Vec<String>) {
    let mut args: Vec<String> = ["backfill", "--database-url", url, "--table", "items", "--column", "doubled", "--set", "v * 2", "--format", "json"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    args.extend(["--max-lag-seconds".to_string(), MAX_LAG.to_string(), "--batch".into(), "100".into(), "--target-batch-ms".into(), "0".into()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let child = command().args(&args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    (child, args)
}

fn scalar(db: &TestDb, sql: &str) -> f64 {
    let out = db.run(sql).unwrap();
    out.trim().parse().unwrap_or_else(|_| panic!("{sql} answered {out:?}"))
}

fn filled(db: &TestDb) -> u64 {
    scalar(db, "SELECT count(*) FROM items WHERE doubled IS NOT NULL") as u64
}

fn wait_for(what: &str, limit: Duration, mut ok: impl FnMut() -> bool) {
    let started = Instant::now();
    while !ok() {
        assert!(started.elapsed() < limit, "waited {limit:?} for {what}");
        thread::sleep(Duration::from_millis(20));
    }
}

/// Runs the throttle scenario on Postgres; `url` is the backfill's URL and
/// `extra` its replica options.
fn postgres_throttle(db: &TestDb, replica: &PgReplica, url: &str, extra: &[&str]) {
    let rows = 150_000;
    let (child, args) = spawn(url, extra);
    wait_for("the first batches", Duration::from_secs(30), || filled(db) > 3_000);

    replica.pause_replay();
    // The lag is the age of the last commit the replica replayed; it passes
    // the limit MAX_LAG after that commit.
    let replayed_at: f64 = psql(&replica.url_for(&db.name), "SELECT extract(epoch FROM pg_last_xact_replay_timestamp())").unwrap().trim().parse().unwrap();
    thread::sleep(Duration::from_secs(4));
    let during_pause = filled(db);
    let last_fill = scalar(db, "SELECT extract(epoch FROM max(filled_at)) FROM items");
    let reaction = last_fill - (replayed_at + MAX_LAG);
    thread::sleep(Duration::from_millis(1500));
    assert_eq!(filled(db), during_pause, "rows were filled while the replica lagged");
    assert!(during_pause < rows, "the backfill finished before the replica lagged; make the table bigger");
    eprintln!("reaction to lag: last batch {reaction:.3} s after the lag passed {MAX_LAG} s");
    assert!(reaction <= 1.0, "the backfill went on {reaction:.3} s after the lag passed {MAX_LAG} s");

    replica.resume_replay();
    let out = child.wait_with_output().unwrap();
    let run = Run::from_output(args, out);
    assert_eq!(run.code, 0, "{run}");
    let s = run.json();
    assert_eq!(s["outcome"], "complete", "{run}");
    assert!(s["pausedSeconds"].as_f64().unwrap() >= 4.0, "{run}");
    assert!(run.stderr.contains("pausing") && run.stderr.contains("behind"), "{run}");
    assert!(run.stderr.contains("resuming"), "{run}");
    assert_eq!(filled(db), rows);
    assert_eq!(scalar(db, "SELECT count(*) FROM items WHERE doubled IS DISTINCT FROM v * 2"), 0.0);
}

#[test]
fn postgres_pauses_on_pg_stat_replication_lag_and_resumes() {
    let db = TestDb::postgres("backfill_lag_primary");
    create_items(&db, 150_000);
    let replica = PgReplica::start();
    replica.wait_caught_up();
    postgres_throttle(&db, &replica, &db.url, &[]);
}

/// A role without `pg_monitor` cannot see standbys in `pg_stat_replication`:
/// the lag comes from `--replica` alone.
#[test]
fn postgres_pauses_on_replica_url_lag_and_resumes() {
    let db = TestDb::postgres("backfill_lag_replica");
    create_items(&db, 150_000);
    let role = unique_name("bf_lag");
    db.run(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD 'lag-pw'; GRANT CREATE, USAGE ON SCHEMA public TO {role}; GRANT SELECT, UPDATE ON items TO {role};"
    ))
    .unwrap();
    let replica = PgReplica::start();
    replica.wait_caught_up();
    let as_role = |url: &str| url.replacen("dg_admin:dg-admin-pw-4711", &format!("{role}:lag-pw"), 1);
    let hidden = psql(&as_role(&db.url), "SELECT count(*) FILTER (WHERE state IS NULL) || '/' || count(*) FROM pg_stat_replication").unwrap();
    assert_eq!(hidden, "1/1", "the role should see the standby without its state or lag");
    let replica_url = as_role(&replica.url_for(&db.name));
    postgres_throttle(&db, &replica, &as_role(&db.url), &["--replica", &replica_url]);
    db.run(&format!("DROP TABLE _driftgate_backfill; DROP OWNED BY {role}; DROP ROLE {role}")).unwrap();
}

#[test]
fn mariadb_pauses_while_the_replica_sql_thread_is_stopped() {
    let db = TestDb::mysql("backfill_lag");
    let replica = MariaReplica::start(&db.name);
    let rows = 60_000;
    create_items(&db, rows);
    replica.wait_caught_up();
    let (child, args) = spawn(&db.url, &["--replica", &replica.url()]);
    wait_for("the first batches", Duration::from_secs(30), || filled(&db) > 3_000);

    replica.stop_sql_thread();
    let stopped_at = scalar(&db, "SELECT UNIX_TIMESTAMP(NOW(6))");
    assert_eq!(replica.seconds_behind(), None);
    thread::sleep(Duration::from_secs(3));
    let during_pause = filled(&db);
    let last_fill = scalar(&db, "SELECT UNIX_TIMESTAMP(MAX(filled_at)) FROM items");
    thread::sleep(Duration::from_millis(1500));
    assert_eq!(filled(&db), during_pause, "rows were filled while replication was stopped");
    assert!(during_pause < rows, "the backfill finished before the replica stopped; make the table bigger");
    let reaction = last_fill - stopped_at;
    eprintln!("reaction to a stopped replica: last batch {reaction:.3} s after the SQL thread stopped");
    assert!(reaction <= 1.0, "the backfill went on {reaction:.3} s after replication stopped");

    replica.start_sql_thread();
    let run = Run::from_output(args, child.wait_with_output().unwrap());
    assert_eq!(run.code, 0, "{run}");
    assert!(run.json()["pausedSeconds"].as_f64().unwrap() >= 3.0, "{run}");
    assert!(run.stderr.contains("replication is stopped"), "{run}");
    assert_eq!(filled(&db), rows);
    replica.wait_caught_up();
}
