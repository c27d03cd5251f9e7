use super::*;
use crate::replay::{replay, MigrationSource};

fn schema(dialect: Dialect, sql: &str) -> Schema {
    replay(&[MigrationSource { name: "0001", sql }], dialect).schema
}

fn request(table: &str, column: &str, set: &str, predicate: Option<&str>) -> Request {
    Request { table: table.into(), column: column.into(), set: set.into(), predicate: predicate.map(str::to_string) }
}

const PG: &str = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, status text);
CREATE TABLE line (order_id int NOT NULL, pos int NOT NULL, total numeric, PRIMARY KEY (order_id, pos));
CREATE TABLE logs (msg text, flag int);
CREATE TABLE codes (code text NOT NULL, label text);
CREATE UNIQUE INDEX codes_code ON codes (code);
CREATE SCHEMA app; CREATE TABLE app.users (id int PRIMARY KEY, note text);";

#[test]
fn plan_finds_the_key_and_defaults_the_predicate() {
    let s = schema(Dialect::Postgres, PG);
    let p = plan(&s, &request("users", "status", "'active'", None)).unwrap();
    assert_eq!(p.schema.as_deref(), Some("public"));
    assert_eq!(p.key, vec![KeyColumn { name: "id".into(), numeric: true }]);
    assert_eq!(p.key_source, "primary key");
    assert_eq!(p.needs_value, "\"status\" IS NULL");
    assert!(p.job.starts_with("users.status:"), "{}", p.job);
    // The job is the same for the same request, different for another expression.
    assert_eq!(p.job, plan(&s, &request("users", "status", " 'active' ", None)).unwrap().job);
    assert_ne!(p.job, plan(&s, &request("users", "status", "'x'", None)).unwrap().job);

    let app = plan(&s, &request("app.users", "note", "'n'", None)).unwrap();
    assert_eq!(app.qualified_table(), "\"app\".\"users\"");
    assert_eq!(app.state_table(), "\"app\".\"_driftgate_backfill\"");

    let codes = plan(&s, &request("codes", "label", "upper(code)", None)).unwrap();
    assert_eq!(codes.key_source, "unique index codes_code");
    assert_eq!(codes.key[0].name, "code");
}

#[test]
fn plan_refuses_with_a_way_out() {
    let s = schema(Dialect::Postgres, PG);
    let no_key = plan(&s, &request("logs", "flag", "1", None)).unwrap_err();
    assert!(no_key.message.contains("no primary key"), "{no_key}");
    assert!(no_key.help.contains("ADD COLUMN id"), "{no_key}");
    let typo = plan(&s, &request("users", "statuss", "1", None)).unwrap_err();
    assert!(typo.help.contains("did you mean `status`"), "{typo}");
    let table = plan(&s, &request("user", "status", "1", None)).unwrap_err();
    assert_eq!(table.message, "no table `user` in the database");
    let key = plan(&s, &request("line", "pos", "1", None)).unwrap_err();
    assert!(key.message.contains("part of the primary key"), "{key}");
    let empty = plan(&s, &request("users", "status", "  ", None)).unwrap_err();
    assert!(empty.message.contains("--set is empty"));
}

#[test]
fn postgres_batches_compare_row_values() {
    let s = schema(Dialect::Postgres, PG);
    let p = plan(&s, &request("line", "total", "pos * 2", None)).unwrap();
    let range = Range { after: Some(vec!["7".into(), "3".into()]), upto: Some(vec!["9".into(), "1".into()]) };
    assert_eq!(
        p.batch_end_sql(&range, 500),
        "SELECT \"order_id\", \"pos\", COUNT(*) OVER () AS dg_batch_keys FROM (SELECT \"order_id\", \"pos\" FROM \"public\".\"line\" \
         WHERE ((\"order_id\", \"pos\") > ('7', '3')) AND ((\"order_id\", \"pos\") <= ('9', '1')) ORDER BY \"order_id\", \"pos\" LIMIT 500) \
         AS dg_batch ORDER BY \"order_id\" DESC, \"pos\" DESC LIMIT 1"
    );
    let lane = |n: u32, start: Option<Key>, cursor: Option<Key>| Lane {
        lane: n,
        range: Range { after: start, upto: None },
        cursor,
        rows_updated: 0,
        rows_scanned: 0,
        batches: 0,
        done: false,
    };
    let b = p.batch_sql(&lane(2, Some(vec!["1".into(), "1".into()]), Some(vec!["7".into(), "3".into()])), &vec!["9".into(), "1".into()], 500, 2000);
    assert_eq!(b.begin, "BEGIN; SET LOCAL lock_timeout = '2000ms'");
    assert_eq!(
        b.claim,
        format!("UPDATE \"public\".\"_driftgate_backfill\" SET batches = batches + 1 WHERE job = '{}' AND lane = 2 AND NOT done AND cursor_key = '[\"7\",\"3\"]'", p.job)
    );
    assert_eq!(
        b.update,
        "UPDATE \"public\".\"line\" SET \"total\" = (pos * 2) WHERE ((\"order_id\", \"pos\") > ('7', '3')) AND ((\"order_id\", \"pos\") <= ('9', '1')) \
         AND (\"total\" IS NULL) AND \"total\" IS DISTINCT FROM (pos * 2)"
    );
    assert!(b.record(42).contains("cursor_key = '[\"9\",\"1\"]', rows_updated = rows_updated + 42, rows_scanned = rows_scanned + 500"), "{}", b.record(42));
    // A lane's first batch starts after the lane's start, and claims a lane without cursor.
    let first = p.batch_sql(&lane(1, Some(vec!["5".into(), "0".into()]), None), &vec!["6".into(), "1".into()], 1, 2000);
    assert!(first.claim.ends_with("cursor_key IS NULL"), "{}", first.claim);
    assert!(first.update.contains("((\"order_id\", \"pos\") > ('5', '0')) AND ((\"order_id\", \"pos\") <= ('6', '1'))"), "{}", first.update);
}

#[test]
fn mysql_batches_expand_composite_keys_and_keep_numbers_bare() {
    let s = schema(
        Dialect::Mysql,
        "CREATE TABLE line (order_id bigint NOT NULL, sku varchar(20) NOT NULL, total decimal(10,2), PRIMARY KEY (order_id, sku));",
    );
    let p = plan(&s, &request("line", "total", "0", Some("total IS NULL OR total < 0"))).unwrap();
    assert_eq!(p.key, vec![KeyColumn { name: "order_id".into(), numeric: true }, KeyColumn { name: "sku".into(), numeric: false }]);
    let range = Range { after: Some(vec!["9007199254740993".into(), "a'b\\".into()]), upto: None };
    assert_eq!(
        p.update_sql(&range),
        "UPDATE `line` SET `total` = (0) WHERE (`order_id` > 9007199254740993 OR (`order_id` = 9007199254740993 AND (`sku` > 'a''b\\\\'))) \
         AND (total IS NULL OR total < 0) AND NOT (`total` <=> (0))"
    );
    let upto = Range { after: None, upto: Some(vec!["5".into(), "x".into()]) };
    assert!(p.batch_end_sql(&upto, 10).contains("WHERE (`order_id` < 5 OR (`order_id` = 5 AND (`sku` <= 'x')))"));
    assert_eq!(p.session_sql(1500), vec!["SET SESSION innodb_lock_wait_timeout = 2, lock_wait_timeout = 2".to_string()]);
    // A key value that is not a number is quoted even for a numeric column.
    let odd = Range { after: Some(vec!["1); DROP TABLE x; --".into(), "a".into()]), upto: None };
    assert!(p.update_sql(&odd).contains("`order_id` > '1); DROP TABLE x; --'"));
}

#[test]
fn batch_end_answers_are_read_or_rejected() {
    let s = schema(Dialect::Postgres, PG);
    let p = plan(&s, &request("users", "status", "'a'", None)).unwrap();
    assert_eq!(p.read_batch_end(None).unwrap(), None);
    assert_eq!(p.read_batch_end(Some(&[Some("17".into()), Some("500".into())])).unwrap(), Some((vec!["17".to_string()], 500)));
    assert!(p.read_batch_end(Some(&[None, Some("1".into())])).is_err());
    assert!(p.read_batch_end(Some(&[Some("1".into())])).is_err());
}

#[test]
fn lanes_cut_at_distinct_boundaries_and_resume_from_their_cursor() {
    let k = |v: &str| Some(vec![v.to_string()]);
    let lanes = lanes_from_boundaries(vec![k("10"), k("10"), None, k("20")]);
    assert_eq!(
        lanes,
        vec![
            Range { after: None, upto: Some(vec!["10".into()]) },
            Range { after: Some(vec!["10".into()]), upto: Some(vec!["20".into()]) },
            Range { after: Some(vec!["20".into()]), upto: None },
        ]
    );
    assert_eq!(lanes_from_boundaries(vec![]), vec![Range::default()]);

    let s = schema(Dialect::Postgres, PG);
    let p = plan(&s, &request("users", "status", "'a'", None)).unwrap();
    assert_eq!(p.lane_offsets(1_000, 4), Vec::<u64>::new());
    assert_eq!(p.lane_offsets(1_000_000, 4), vec![250_000, 500_000, 750_000]);
    assert_eq!(p.lane_offsets(12_000, 8), vec![6_000]);

    let rows = vec![
        vec![Some("0".into()), None, Some("[\"10\"]".into()), Some("[\"4\"]".into()), Some("3".into()), Some("4".into()), Some("1".into()), Some("0".into())],
        vec![Some("1".into()), Some("[\"10\"]".into()), None, None, Some("0".into()), Some("0".into()), Some("0".into()), Some("1".into())],
    ];
    let read = read_lanes(&rows).unwrap();
    assert_eq!(read[0].remaining(), Range { after: Some(vec!["4".into()]), upto: Some(vec!["10".into()]) });
    assert_eq!(read[1].remaining(), Range { after: Some(vec!["10".into()]), upto: None });
    assert!(read[1].done && !read[0].done);
    assert_eq!(start(read.clone(), false), Start::Resume(read.clone()));
    assert_eq!(start(read, true), Start::Fresh);
    assert_eq!(start(vec![], false), Start::Fresh);
    let broken = vec![vec![Some("0".into()), Some("not json".into())]];
    assert!(read_lanes(&broken).unwrap_err().contains("corrupt key"));
}

#[test]
fn batch_size_aims_at_the_target() {
    let mut b = BatchSizer::new(1000, 200);
    b.observe(1000, 150.0); // right on the aim (3/4 of the target): no change
    assert_eq!(b.size, 1000);
    b.observe(1000, 50.0); // 3x too fast: grow, at most 1.7x
    assert_eq!(b.size, 1700);
    b.observe(1700, 800.0); // 4x too slow: halve
    assert_eq!(b.size, 850);
    b.observe(10, 1.0); // a short final batch says nothing
    assert_eq!(b.size, 850);
    b.shrink();
    assert_eq!(b.size, 425);
    let mut fixed = BatchSizer::new(1000, 0);
    fixed.observe(1000, 5000.0);
    assert_eq!(fixed.size, 1000);
    let mut tiny = BatchSizer::new(12, 200);
    tiny.observe(12, 10_000.0);
    assert_eq!(tiny.size, BatchSizer::MIN);
}

#[test]
fn lag_readings_and_throttle() {
    let rows = [
        vec![Some("replica1".into()), Some("streaming".into()), Some("2.5".into())],
        vec![Some("idle".into()), Some("streaming".into()), None],
        vec![Some("hidden".into()), None, None],
    ];
    let primary = read_primary_lag(&rows, false);
    assert_eq!(read_primary_lag(&rows, true).len(), 2, "hidden standbys are left to --replica");
    assert_eq!(primary[0].seconds, Some(2.5));
    assert_eq!(primary[1].seconds, Some(0.0));
    assert_eq!(primary[2].seconds, None);
    let why = throttle(&primary, 2.0).unwrap();
    assert!(why.contains("standby replica1 is 2.5 s behind (limit 2 s)"), "{why}");
    assert!(why.contains("grant it pg_monitor"), "{why}");
    assert_eq!(throttle(&primary[..2], 3.0), None);

    let pg = read_replica_lag(Dialect::Postgres, "r", &[], &[vec![Some("1".into()), Some("0.4".into())]]).unwrap();
    assert_eq!(pg.seconds, Some(0.4));
    assert!(read_replica_lag(Dialect::Postgres, "r", &[], &[vec![Some("0".into()), None]]).unwrap_err().contains("not a replica"));

    let cols = vec!["Slave_IO_State".to_string(), "Seconds_Behind_Master".to_string()];
    let my = read_replica_lag(Dialect::Mysql, "m", &cols, &[vec![Some("x".into()), Some("7".into())]]).unwrap();
    assert_eq!(my.seconds, Some(7.0));
    let stopped = read_replica_lag(Dialect::Mysql, "m", &cols, &[vec![Some("x".into()), None]]).unwrap();
    assert!(throttle(&[stopped], 10.0).unwrap().contains("replication is stopped"));
    assert!(read_replica_lag(Dialect::Mysql, "m", &cols, &[]).unwrap_err().contains("not a replica"));
}

#[test]
fn estimates_and_percentiles() {
    let pg = r#"[{"Plan": {"Node Type": "Seq Scan", "Plan Rows": 4999872}}]"#;
    assert_eq!(read_estimate(Dialect::Postgres, &["QUERY PLAN".into()], &[vec![Some(pg.into())]]), Some(4_999_872));
    let cols: Vec<String> = ["id", "rows", "filtered"].iter().map(|s| s.to_string()).collect();
    assert_eq!(read_estimate(Dialect::Mysql, &cols, &[vec![Some("1".into()), Some("1000".into()), Some("50.00".into())]]), Some(500));
    assert_eq!(read_estimate(Dialect::Mysql, &cols[..2], &[vec![Some("1".into()), Some("1000".into())]]), Some(1000));
    assert_eq!(read_estimate(Dialect::Postgres, &[], &[]), None);
    assert_eq!(read_table_rows(&[vec![Some("-1".into())]]), None);
    assert_eq!(read_table_rows(&[vec![Some("5000000".into())]]), Some(5_000_000));
    let d: Vec<f64> = (1..=200).map(f64::from).collect();
    assert_eq!(p99(&d), 198.0);
    assert_eq!(p99(&[5.0]), 5.0);
    assert_eq!(p99(&[]), 0.0);
    assert_eq!(duration_text(3725.0), "1h02m");
    assert_eq!(duration_text(75.0), "1m15s");
}

#[test]
fn server_errors_are_classified() {
    assert_eq!(classify(Some("55P03"), None, false), ErrorClass::Retry);
    assert_eq!(classify(Some("40P01"), None, false), ErrorClass::Retry);
    assert_eq!(classify(Some("40001"), None, false), ErrorClass::Retry);
    assert_eq!(classify(None, Some(1213), false), ErrorClass::Retry);
    assert_eq!(classify(Some("57P01"), None, false), ErrorClass::ConnectionLost);
    assert_eq!(classify(Some("08006"), None, false), ErrorClass::ConnectionLost);
    assert_eq!(classify(None, Some(1927), false), ErrorClass::ConnectionLost);
    assert_eq!(classify(None, None, true), ErrorClass::ConnectionLost);
    assert_eq!(classify(Some("42P01"), None, false), ErrorClass::NoStateTable);
    assert_eq!(classify(None, Some(1146), false), ErrorClass::NoStateTable);
    assert_eq!(classify(Some("23505"), None, false), ErrorClass::Raced);
    assert_eq!(classify(Some("42703"), None, false), ErrorClass::Fatal);
    assert_eq!([Outcome::Complete, Outcome::Interrupted, Outcome::Failed].map(Outcome::exit_code), [0, 1, 2]);
}

#[test]
fn dry_run_statements_and_messages_name_the_dialect() {
    let pg = plan(&schema(Dialect::Postgres, PG), &request("users", "status", "'a'", None)).unwrap();
    let shown = pg.batch_sql(&Lane::new(0, Range::default()), &vec!["9".into()], 9, 1000).shown();
    assert_eq!(shown.len(), 5);
    assert!(shown[3].contains("rows_updated = rows_updated + <rows updated>, rows_scanned = rows_scanned + 9"), "{}", shown[3]);
    assert!(pg.count_needing_sql(10).starts_with("BEGIN; SET LOCAL statement_timeout = '10s'; SELECT COUNT(*)"));
    assert!(pg.lock_retries_exhausted(20, "canceling statement due to lock timeout").contains("pg_stat_activity"));
    let my = plan(&schema(Dialect::Mysql, "CREATE TABLE t (id int PRIMARY KEY, c int);"), &request("t", "c", "1", None)).unwrap();
    assert!(my.count_needing_sql(10).starts_with("SET STATEMENT max_statement_time = 10 FOR SELECT COUNT(*)"));
    assert!(my.lock_retries_exhausted(20, "Lock wait timeout exceeded").contains("INNODB_TRX"));
    assert_eq!(my.key, vec![KeyColumn { name: "id".into(), numeric: true }]);
}
