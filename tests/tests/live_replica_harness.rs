//! The replica harness (tests/src/replica.rs) makes real replicas: a
//! PostgreSQL streaming replica whose replay can be paused, and a MariaDB
//! replica whose SQL thread can be stopped, each showing lag the way a
//! throttle would read it. In their own test binary because a paused replica
//! shows as replication lag to every test using the primary.
//!
//! Run: `scripts/with-db.sh cargo test -p driftgate-tests --test live_replica_harness -- --nocapture`
//! (--nocapture shows the lag readings). Without the servers' environment
//! these tests panic (never skip).

use driftgate_tests::live::{mariadb, psql, TestDb};
use driftgate_tests::replica::{MariaReplica, PgReplica, PG_REPLICA_APPLICATION_NAME};
use std::time::{Duration, Instant};

/// Polls `check` every 100 ms until it holds; panics with `what` after `limit`.
fn wait_until(limit: Duration, what: &str, mut check: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while !check() {
        assert!(start.elapsed() < limit, "{what}: not within {limit:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
    start.elapsed()
}

#[test]
fn postgres_replica_streams_pauses_lags_and_catches_up() {
    let db = TestDb::postgres("replica_pg");
    db.run("CREATE TABLE t (id serial PRIMARY KEY, note text)").unwrap();

    let started = Instant::now();
    let replica = PgReplica::start();
    eprintln!("PgReplica::start() took {:?} (port {}, {})", started.elapsed(), replica.port, replica.dir.display());
    let on_replica = replica.url_for(&db.name);
    assert_eq!(psql(&on_replica, "SELECT pg_is_in_recovery()").unwrap(), "t");
    let state = psql(
        &db.url,
        &format!("SELECT state FROM pg_stat_replication WHERE application_name = '{PG_REPLICA_APPLICATION_NAME}'"),
    )
    .unwrap();
    assert_eq!(state, "streaming");

    // Rows written on the primary show up on the replica.
    db.run("INSERT INTO t (note) SELECT 'row ' || g FROM generate_series(1, 100) g").unwrap();
    let took = wait_until(Duration::from_secs(10), "100 rows on the replica", || {
        psql(&on_replica, "SELECT count(*) FROM t").as_deref() == Ok("100")
    });
    eprintln!("rows visible on the replica after {took:?}");
    replica.wait_caught_up();
    let err = psql(&on_replica, "INSERT INTO t (note) VALUES ('x')").unwrap_err();
    assert!(err.contains("read-only"), "{err}");
    let lag = replica.lag_seconds();
    assert!(lag < 1.0, "caught up, yet lag_seconds() = {lag}");
    eprintln!("caught up: lag_seconds() = {lag}, primary replay_lag = {:?}", replica.primary_replay_lag());

    // Paused: the primary keeps committing small transactions, the replica
    // receives them but does not replay them.
    replica.pause_replay();
    let paused = Instant::now();
    let mut inserted = 0;
    let mut samples: Vec<(f64, f64, Option<f64>)> = Vec::new();
    let mut next_sample = paused + Duration::from_millis(250);
    while samples.len() < 10 {
        db.run("INSERT INTO t (note) VALUES ('while paused')").unwrap();
        inserted += 1;
        if Instant::now() >= next_sample {
            let t = paused.elapsed().as_secs_f64();
            let lag = replica.lag_seconds();
            let primary = replica.primary_replay_lag();
            eprintln!("paused {t:.2}s: replica lag_seconds() = {lag:.3}, primary replay_lag = {primary:?}");
            samples.push((t, lag, primary));
            next_sample += Duration::from_millis(250);
        }
        std::thread::sleep(Duration::from_millis(40));
    }
    eprintln!("{inserted} transactions committed on the primary while paused");
    assert_eq!(psql(&on_replica, "SELECT count(*) FROM t").unwrap(), "100", "the replica replayed rows while paused");
    let &(t_end, lag_end, _) = samples.last().unwrap();
    assert!(lag_end >= 2.0, "replica lag_seconds() only {lag_end} after {t_end:.2}s paused");
    // The replica measures lag itself; the primary's view (replay_lag in
    // pg_stat_replication, from the standby's replies) must grow too.
    let primary: Vec<(f64, f64)> = samples.iter().filter_map(|&(t, _, p)| p.map(|p| (t, p))).collect();
    let (&(t_first, first), &(t_last, last)) =
        (primary.first().expect("replay_lag on the primary stayed NULL"), primary.last().unwrap());
    // It trails the time since the pause by a few tenths of a second (it is
    // recomputed per standby reply); allow for a slow, busy machine.
    assert!(last >= t_last - 1.0, "primary replay_lag only {last}s after {t_last:.2}s paused: {primary:?}");
    assert!(
        last - first >= (t_last - t_first) * 0.5,
        "primary replay_lag did not grow with time: {first}s at {t_first:.2}s, {last}s at {t_last:.2}s"
    );
    for w in primary.windows(2) {
        assert!(w[1].1 >= w[0].1, "primary replay_lag went down while paused: {primary:?}");
    }

    // Resumed: the replica catches up and the lag falls back to 0.
    replica.resume_replay();
    let took = wait_until(Duration::from_secs(10), "replica lag back to 0", || replica.lag_seconds() < 0.5);
    eprintln!(
        "lag_seconds() back to 0 {took:?} after resuming; primary replay_lag = {:?}",
        replica.primary_replay_lag()
    );
    replica.wait_caught_up();
    assert_eq!(psql(&on_replica, "SELECT count(*) FROM t").unwrap(), (100 + inserted).to_string());
    let took = wait_until(Duration::from_secs(15), "primary replay_lag back under 1s", || {
        replica.primary_replay_lag().is_none_or(|l| l < 1.0)
    });
    eprintln!("primary replay_lag under 1s (or NULL) {took:?} later: {:?}", replica.primary_replay_lag());

    let dir = replica.dir.clone();
    drop(replica);
    assert!(!dir.exists(), "{} left behind", dir.display());
    let rows = psql(
        &db.url,
        &format!("SELECT count(*) FROM pg_stat_replication WHERE application_name = '{PG_REPLICA_APPLICATION_NAME}'"),
    )
    .unwrap();
    assert_eq!(rows, "0", "the replica still streams after drop");
}

#[test]
fn mariadb_replica_applies_stops_and_catches_up() {
    let db = TestDb::mysql("replica_my");
    let started = Instant::now();
    let replica = MariaReplica::start(&db.name);
    eprintln!("MariaReplica::start() took {:?} (port {}, {})", started.elapsed(), replica.port, replica.dir.display());

    // DDL and rows written on the primary after start() replicate.
    db.run(
        "CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(20));
         INSERT INTO t (note) VALUES ('a'), ('b'), ('c');",
    )
    .unwrap();
    replica.wait_caught_up();
    assert_eq!(mariadb(&replica.url(), "SELECT COUNT(*) FROM t").unwrap(), "3");
    assert_eq!(mariadb(&replica.url(), "SELECT @@server_id").unwrap(), "2");
    assert_eq!(replica.seconds_behind(), Some(0.0));

    // Only that database replicates (its name's `_` are not wildcards).
    let other = TestDb::mysql("replica_other");
    other.run("CREATE TABLE u (id INT PRIMARY KEY); INSERT INTO u VALUES (1);").unwrap();
    replica.wait_caught_up();
    let schemas = mariadb(
        &replica.url(),
        &format!("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '{}'", other.name),
    )
    .unwrap();
    assert_eq!(schemas, "0", "another database's DDL reached the replica");
    assert_eq!(replica.slave_status().get("Slave_SQL_Running").map(String::as_str), Some("Yes"));

    // SQL thread stopped: events still arrive (IO thread), are not applied,
    // and Seconds_Behind_Master is NULL.
    replica.stop_sql_thread();
    let read_before: u64 = replica.slave_status()["Read_Master_Log_Pos"].parse().unwrap();
    db.run("INSERT INTO t (note) VALUES ('d'), ('e'); INSERT INTO t (note) VALUES ('f');").unwrap();
    wait_until(Duration::from_secs(10), "the IO thread to receive the new events", || {
        replica.slave_status()["Read_Master_Log_Pos"].parse::<u64>().unwrap() > read_before
    });
    std::thread::sleep(Duration::from_millis(1200));
    let behind = replica.seconds_behind();
    eprintln!("SQL thread stopped: Seconds_Behind_Master = {behind:?}");
    assert!(behind.is_none_or(|s| s > 0.0), "stopped SQL thread, yet Seconds_Behind_Master = {behind:?}");
    assert_eq!(replica.slave_status()["Slave_SQL_Running"], "No");
    assert_eq!(mariadb(&replica.url(), "SELECT COUNT(*) FROM t").unwrap(), "3", "applied while stopped");

    replica.start_sql_thread();
    replica.wait_caught_up();
    assert_eq!(mariadb(&replica.url(), "SELECT COUNT(*) FROM t").unwrap(), "6");
    assert_eq!(replica.seconds_behind(), Some(0.0));

    let dir = replica.dir.clone();
    drop(replica);
    assert!(!dir.exists(), "{} left behind", dir.display());
}
