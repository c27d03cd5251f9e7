//! `driftgate backfill` against the real servers: a composite-key table with
//! NULLs, rows that already have a value, an application writing and
//! deleting during the run, SIGKILL at random points (a trigger counts every
//! write of the column, so a row written twice shows), a transaction holding
//! row locks, a connection budget sampled from `pg_stat_activity`, a server
//! without a free connection slot, PgBouncer in transaction mode, Ctrl-C.
//! Replica lag is in `live_backfill_replica.rs` (a paused replica is visible
//! to every test on the primary).

use driftgate_core::Dialect;
use driftgate_tests::cli::{command, driftgate, Run};
use driftgate_tests::live::{psql, unique_name, with_database, TestDb};
use serde_json::Value;
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// The tests here measure timing (kills, Ctrl-C, sampling): one at a time.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// `line`: key (order_id, pos); `total` to fill with `qty * 3`. Rows with
/// pos = 0 already have a value (-1) and must keep it; rows with a NULL qty
/// get NULL, which is no change. `total_writes` counts every write of a
/// non-NULL total, by a trigger.
fn create_line(db: &TestDb, rows: u64) {
    let sql = match db.dialect {
        Dialect::Postgres => format!(
            "CREATE TABLE line (order_id bigint NOT NULL, pos int NOT NULL, qty int, total bigint, total_writes int NOT NULL DEFAULT 0, note text, PRIMARY KEY (order_id, pos));
             CREATE FUNCTION count_total_writes() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF NEW.total IS DISTINCT FROM OLD.total AND NEW.total IS NOT NULL THEN NEW.total_writes := NEW.total_writes + 1; END IF;
               RETURN NEW;
             END $$;
             CREATE TRIGGER line_total_writes BEFORE UPDATE ON line FOR EACH ROW EXECUTE FUNCTION count_total_writes();
             INSERT INTO line (order_id, pos, qty, total)
               SELECT g / 4, g % 4, CASE WHEN g % 10 = 0 THEN NULL ELSE g % 100 END, CASE WHEN g % 4 = 0 THEN -1 END FROM generate_series(1, {rows}) g;
             ANALYZE line;"
        ),
        Dialect::Mysql => format!(
            "CREATE TABLE line (order_id bigint NOT NULL, pos int NOT NULL, qty int NULL, total bigint NULL, total_writes int NOT NULL DEFAULT 0, note text NULL, PRIMARY KEY (order_id, pos));
             CREATE TRIGGER line_total_writes BEFORE UPDATE ON line FOR EACH ROW
               SET NEW.total_writes = NEW.total_writes + IF(NOT (NEW.total <=> OLD.total) AND NEW.total IS NOT NULL, 1, 0);
             INSERT INTO line (order_id, pos, qty, total)
               SELECT seq DIV 4, seq MOD 4, IF(seq MOD 10 = 0, NULL, seq MOD 100), IF(seq MOD 4 = 0, -1, NULL) FROM seq_1_to_{rows};
             ANALYZE TABLE line;"
        ),
    };
    db.run(&sql).unwrap();
}

/// Rows whose value is wrong; with `exact_writes`, also rows the backfill
/// wrote a number of times other than the one it should have.
fn wrong_rows(db: &TestDb, exact_writes: bool) -> u64 {
    let writes = |n: u32| if exact_writes { format!(" AND total_writes = {n}") } else { String::new() };
    let sql = format!(
        "SELECT count(*) FROM line WHERE NOT coalesce(CASE WHEN pos = 0 THEN total = -1{w0} WHEN qty IS NULL THEN total IS NULL{w0} ELSE total = qty * 3{w1} END, false)",
        w0 = writes(0),
        w1 = writes(1)
    );
    db.run(&sql).unwrap().trim().parse().unwrap()
}

fn show_wrong(db: &TestDb) -> String {
    db.run("SELECT order_id, pos, qty, total, total_writes FROM line WHERE NOT coalesce(CASE WHEN pos = 0 THEN total = -1 AND total_writes = 0 WHEN qty IS NULL THEN total IS NULL AND total_writes = 0 ELSE total = qty * 3 AND total_writes = 1 END, false) ORDER BY order_id, pos LIMIT 10")
        .unwrap_or_default()
}

fn backfill_args<'a>(url: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["backfill", "--database-url", url, "--table", "line", "--column", "total", "--set", "qty * 3", "--format", "json"];
    args.extend_from_slice(extra);
    args
}

fn backfill(url: &str, extra: &[&str]) -> Run {
    driftgate(&backfill_args(url, extra))
}

fn spawn_backfill(url: &str, extra: &[&str]) -> Child {
    command().args(backfill_args(url, extra)).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawning driftgate")
}

fn finish(child: Child, args: &[&str]) -> Run {
    let out = child.wait_with_output().expect("waiting for driftgate");
    Run::from_output(args.iter().map(|s| s.to_string()).collect(), out)
}

fn updated(run: &Run) -> u64 {
    run.json()["rowsUpdated"].as_u64().unwrap_or_else(|| panic!("no rowsUpdated:\n{run}"))
}

/// Rows the value should be written to in a fresh `line` of `rows` rows.
fn needing(rows: u64) -> u64 {
    (1..=rows).filter(|g| g % 4 != 0 && g % 10 != 0).count() as u64
}

fn correct_and_idempotent(dialect: Dialect) {
    let db = match dialect {
        Dialect::Postgres => TestDb::postgres("backfill_ok"),
        Dialect::Mysql => TestDb::mysql("backfill_ok"),
    };
    create_line(&db, 30_000);
    let run = backfill(&db.url, &["--max-connections", "3", "--batch", "500"]);
    assert_eq!(run.code, 0, "{run}");
    let s = run.json();
    assert_eq!(s["outcome"], "complete", "{run}");
    assert_eq!(updated(&run), needing(30_000), "{run}");
    assert_eq!(s["rowsScanned"], 30_000, "{run}");
    assert_eq!(s["workers"], 3, "{run}");
    assert_eq!(wrong_rows(&db, true), 0, "{}", show_wrong(&db));
    // Plain progress lines on stderr (no terminal).
    assert!(run.stderr.contains("rows scanned") && run.stderr.contains("rows/s"), "{run}");

    let again = backfill(&db.url, &[]);
    assert_eq!(again.code, 0, "{again}");
    assert_eq!(updated(&again), 0, "a second run must update nothing:\n{again}");
    assert_eq!(again.json()["resumed"], false);
    assert_eq!(wrong_rows(&db, true), 0, "{}", show_wrong(&db));
}

#[test]
fn postgres_composite_key_nulls_and_second_run() {
    let _serial = serial();
    correct_and_idempotent(Dialect::Postgres);
}

#[test]
fn mariadb_composite_key_nulls_and_second_run() {
    let _serial = serial();
    correct_and_idempotent(Dialect::Mysql);
}

/// A tiny deterministic generator (the tests print their seed).
struct Lcg(u64);
impl Lcg {
    fn seeded() -> Lcg {
        let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(42);
        eprintln!("random seed {seed}");
        Lcg(seed)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// An application during the expand phase: new code writes the column
/// itself (inserts and updates), old code still inserts rows without it,
/// and rows get deleted — all while the backfill runs.
fn application_writer(db: &TestDb, rows: u64, stop: Arc<AtomicBool>, ops: Arc<AtomicUsize>) -> thread::JoinHandle<()> {
    let url = db.url.clone();
    let dialect = db.dialect;
    thread::spawn(move || {
        let mut rng = Lcg::seeded();
        let mut next_order = rows / 4 + 10;
        while !stop.load(Ordering::Relaxed) {
            let mut script = String::new();
            for _ in 0..20 {
                let order = rng.below(rows / 4) + 1;
                match rng.below(4) {
                    0 => script += &format!("UPDATE line SET total = (qty + 1) * 3, qty = qty + 1 WHERE order_id = {order} AND pos = 1 AND qty IS NOT NULL;\n"),
                    1 => script += &format!("DELETE FROM line WHERE order_id = {order} AND pos = 2;\n"),
                    2 => {
                        script += &format!("INSERT INTO line (order_id, pos, qty) VALUES ({next_order}, 1, {});\n", rng.below(50) + 1);
                        next_order += 1;
                    }
                    _ => {
                        script += &format!("INSERT INTO line (order_id, pos, qty, total) VALUES ({next_order}, 3, 7, 21);\n");
                        next_order += 1;
                    }
                }
            }
            let result = match dialect {
                Dialect::Postgres => psql(&url, &script),
                Dialect::Mysql => driftgate_tests::live::mariadb(&url, &script),
            };
            if let Err(e) = result {
                // A lock timeout of the application is its business; anything else is a test bug.
                assert!(e.contains("deadlock") || e.contains("lock"), "application writer failed: {e}");
            }
            ops.fetch_add(20, Ordering::Relaxed);
        }
    })
}

fn with_application_writes(dialect: Dialect) {
    let db = match dialect {
        Dialect::Postgres => TestDb::postgres("backfill_writer"),
        Dialect::Mysql => TestDb::mysql("backfill_writer"),
    };
    let rows = 40_000;
    create_line(&db, rows);
    let stop = Arc::new(AtomicBool::new(false));
    let ops = Arc::new(AtomicUsize::new(0));
    let writer = application_writer(&db, rows, stop.clone(), ops.clone());
    // Small fixed batches so that the run and the writes overlap for a while.
    let extra = ["--batch", "100", "--target-batch-ms", "0", "--max-connections", "2"];
    let first = finish(spawn_backfill(&db.url, &extra), &backfill_args(&db.url, &extra));
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    assert_eq!(first.code, 0, "{first}");
    let during = ops.load(Ordering::Relaxed);
    assert!(during >= 40, "the application wrote only {during} times during the run");

    // Rows old application code inserted after the walk passed their keys
    // still need the value: the next run updates exactly those.
    let late: u64 = db.run("SELECT count(*) FROM line WHERE total IS NULL AND qty IS NOT NULL AND pos <> 0").unwrap().trim().parse().unwrap();
    let second = backfill(&db.url, &[]);
    assert_eq!(second.code, 0, "{second}");
    assert_eq!(updated(&second), late, "{second}");
    assert_eq!(wrong_rows(&db, false), 0, "{}", show_wrong(&db));
    let third = backfill(&db.url, &[]);
    assert_eq!(updated(&third), 0, "{third}");
    eprintln!("{during} application writes during the run; {late} rows inserted behind the walk");
}

#[test]
fn postgres_with_concurrent_application_writes_and_deletes() {
    let _serial = serial();
    with_application_writes(Dialect::Postgres);
}

#[test]
fn mariadb_with_concurrent_application_writes_and_deletes() {
    let _serial = serial();
    with_application_writes(Dialect::Mysql);
}

/// Kills runs with SIGKILL at random points until at least `trials` kills
/// happened; every pass must end with each row written exactly once.
fn killed_and_resumed(dialect: Dialect, trials: usize) {
    let db = match dialect {
        Dialect::Postgres => TestDb::postgres("backfill_kill"),
        Dialect::Mysql => TestDb::mysql("backfill_kill"),
    };
    let rows = 12_000;
    create_line(&db, rows);
    let mut rng = Lcg::seeded();
    let mut kills = 0;
    let mut passes = 0;
    let mut resumed_runs = 0;
    while kills < trials {
        passes += 1;
        let mut runs = 0;
        loop {
            runs += 1;
            assert!(runs < 200, "pass {passes} never completed");
            let extra = ["--batch", "60", "--target-batch-ms", "0", "--max-connections", "2"];
            let args = backfill_args(&db.url, &extra);
            let mut child = spawn_backfill(&db.url, &extra);
            // Later runs of a pass wait longer, so that a slow machine still
            // gets past connecting and introspecting to the batches.
            let wait = Duration::from_millis(30 + rng.below(300 + 100 * runs));
            let started = Instant::now();
            let mut exited = None;
            while started.elapsed() < wait {
                if let Some(status) = child.try_wait().unwrap() {
                    exited = Some(status);
                    break;
                }
                thread::sleep(Duration::from_millis(5));
            }
            if exited.is_none() {
                child.kill().unwrap(); // SIGKILL
                let _ = child.wait();
                kills += 1;
                let state = db.run("SELECT lane, cursor_key, rows_updated, done FROM _driftgate_backfill ORDER BY lane").unwrap_or_default();
                eprintln!("pass {passes}: killed after {wait:?}; state: {}", state.replace('\n', " / "));
                continue;
            }
            let run = finish(child, &args);
            assert_eq!(run.code, 0, "{run}");
            let s = run.json();
            // The state table's count of the pass is every row, or none
            // when a run was killed after finishing the pass and the next
            // ones made a new pass with nothing left to do.
            let pass = s["passRowsUpdated"].as_u64().unwrap();
            assert!(pass == needing(rows) || pass == 0, "{run}");
            if s["resumed"] == true {
                resumed_runs += 1;
            }
            break;
        }
        assert_eq!(wrong_rows(&db, true), 0, "after pass {passes} ({kills} kills so far):\n{}", show_wrong(&db));
        // Make every row need the value again for the next pass.
        db.run("UPDATE line SET total = NULL, total_writes = 0 WHERE pos <> 0").unwrap();
    }
    assert!(resumed_runs > 0, "no run resumed an interrupted pass");
    eprintln!("{kills} SIGKILLs over {passes} passes; every row written exactly once each pass");
}

#[test]
fn postgres_sigkill_at_random_points_never_writes_a_row_twice() {
    let _serial = serial();
    killed_and_resumed(Dialect::Postgres, 24);
}

#[test]
fn mariadb_sigkill_at_random_points_never_writes_a_row_twice() {
    let _serial = serial();
    killed_and_resumed(Dialect::Mysql, 20);
}

/// A transaction holds row locks for 3 s: batches time out, shrink and retry.
fn lock_contention(dialect: Dialect) {
    let db = match dialect {
        Dialect::Postgres => TestDb::postgres("backfill_locks"),
        Dialect::Mysql => TestDb::mysql("backfill_locks"),
    };
    create_line(&db, 8_000);
    let url = db.url.clone();
    let holder = thread::spawn(move || match dialect {
        Dialect::Postgres => psql(&url, "BEGIN; SELECT count(*) FROM (SELECT 1 FROM line WHERE order_id BETWEEN 1000 AND 1010 FOR UPDATE) held; SELECT pg_sleep(3); COMMIT;"),
        Dialect::Mysql => driftgate_tests::live::mariadb(&url, "START TRANSACTION; SELECT count(*) FROM (SELECT 1 FROM line WHERE order_id BETWEEN 1000 AND 1010 FOR UPDATE) held; DO SLEEP(3); COMMIT;"),
    });
    thread::sleep(Duration::from_millis(500));
    let timeout = if dialect == Dialect::Postgres { "200ms" } else { "1s" };
    let run = backfill(&db.url, &["--lock-timeout", timeout, "--max-connections", "1"]);
    holder.join().unwrap().unwrap();
    assert_eq!(run.code, 0, "{run}");
    assert!(run.json()["retries"].as_u64().unwrap() >= 1, "no retry while locks were held:\n{run}");
    assert_eq!(wrong_rows(&db, true), 0, "{}", show_wrong(&db));
}

#[test]
fn postgres_lock_timeouts_are_retried() {
    let _serial = serial();
    lock_contention(Dialect::Postgres);
}

#[test]
fn mariadb_lock_timeouts_are_retried() {
    let _serial = serial();
    lock_contention(Dialect::Mysql);
}

/// Samples `pg_stat_activity` every few ms while `run` runs; returns the
/// largest number of backfill connections seen and the number of samples.
fn sample_connections(db: &TestDb, run: impl FnOnce() -> Run) -> (Run, u64, usize) {
    let stop = Arc::new(AtomicBool::new(false));
    let admin = with_database(&db.url, "postgres");
    let name = db.name.clone();
    let sampler = {
        let stop = stop.clone();
        thread::spawn(move || {
            let mut max = 0u64;
            let mut samples = 0usize;
            // One psql session sampling in a loop (spawning psql per sample is too slow).
            let sql = format!(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = '{name}' AND application_name = 'driftgate backfill'\n\\watch 0.01\n"
            );
            let mut child = driftgate_tests::live::psql_command(&admin).unwrap().stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
            {
                use std::io::Write;
                let mut stdin = child.stdin.take().unwrap();
                stdin.write_all(sql.as_bytes()).unwrap();
            }
            let stdout = child.stdout.take().unwrap();
            let reader = thread::spawn(move || {
                use std::io::BufRead;
                let mut seen = Vec::new();
                for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
                    if let Ok(n) = line.trim().parse::<u64>() {
                        seen.push(n);
                    }
                }
                seen
            });
            while !stop.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
            for n in reader.join().unwrap() {
                max = max.max(n);
                samples += 1;
            }
            (max, samples)
        })
    };
    thread::sleep(Duration::from_millis(300));
    let result = run();
    stop.store(true, Ordering::Relaxed);
    let (max, samples) = sampler.join().unwrap();
    (result, max, samples)
}

#[test]
fn postgres_connection_budget_is_never_exceeded() {
    let _serial = serial();
    let db = TestDb::postgres("backfill_budget");
    create_line(&db, 120_000);
    let (run, max, samples) = sample_connections(&db, || backfill(&db.url, &["--max-connections", "3", "--batch", "500", "--target-batch-ms", "0"]));
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(run.json()["workers"], 3);
    assert!(samples >= 20, "only {samples} samples of pg_stat_activity");
    assert!(max <= 3, "{max} backfill connections seen with --max-connections 3");
    assert!(max >= 2, "the workers never ran in parallel (max {max} connections in {samples} samples)");
    assert_eq!(wrong_rows(&db, true), 0, "{}", show_wrong(&db));
    eprintln!("max {max} connections over {samples} samples of pg_stat_activity");
}

#[test]
fn postgres_through_pgbouncer_in_transaction_mode() {
    let _serial = serial();
    let db = TestDb::postgres("backfill_bouncer");
    create_line(&db, 20_000);
    let run = backfill(db.bouncer(), &["--max-connections", "2", "--batch", "300"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(updated(&run), needing(20_000), "{run}");
    assert_eq!(wrong_rows(&db, true), 0, "{}", show_wrong(&db));
    assert_eq!(updated(&backfill(db.bouncer(), &[])), 0);
}

/// A role allowed 2 connections, both taken by the application for 3 s:
/// the backfill waits for a slot instead of failing.
#[test]
fn postgres_out_of_connections_backs_off() {
    let _serial = serial();
    let db = TestDb::postgres("backfill_starved");
    create_line(&db, 5_000);
    let role = unique_name("bf_app");
    db.run(&format!(
        "CREATE ROLE {role} LOGIN PASSWORD 'app-pw' CONNECTION LIMIT 2;
         GRANT CREATE, USAGE ON SCHEMA public TO {role};
         GRANT SELECT, UPDATE ON line TO {role};"
    ))
    .unwrap();
    let role_url = db.url.replacen("dg_admin:dg-admin-pw-4711", &format!("{role}:app-pw"), 1);
    let holders: Vec<_> = (0..2)
        .map(|_| {
            let u = role_url.clone();
            thread::spawn(move || psql(&u, "SELECT pg_sleep(3)"))
        })
        .collect();
    thread::sleep(Duration::from_millis(700));
    let started = Instant::now();
    let run = backfill(&role_url, &["--max-connections", "2"]);
    for h in holders {
        h.join().unwrap().unwrap();
    }
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("no connection slot free"), "{run}");
    assert!(started.elapsed() >= Duration::from_secs(1), "it cannot have waited for the slots");
    assert_eq!(wrong_rows(&db, true), 0, "{}", show_wrong(&db));
    db.run(&format!("DROP TABLE _driftgate_backfill; DROP OWNED BY {role}; DROP ROLE {role}")).unwrap();
}

#[test]
fn postgres_sigint_stops_after_the_batch_and_the_next_run_resumes() {
    let _serial = serial();
    let db = TestDb::postgres("backfill_sigint");
    create_line(&db, 40_000);
    let extra = ["--batch", "20", "--target-batch-ms", "0", "--max-connections", "2"];
    let args = backfill_args(&db.url, &extra);
    let child = spawn_backfill(&db.url, &extra);
    // Signal once batches are being committed.
    let started = Instant::now();
    while db.run("SELECT coalesce(sum(batches), 0) FROM _driftgate_backfill").unwrap_or_default().trim().parse::<u64>().unwrap_or(0) < 20 {
        assert!(started.elapsed() < Duration::from_secs(30), "no batch committed in 30 s");
        thread::sleep(Duration::from_millis(20));
    }
    let status = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let run = finish(child, &args);
    assert_eq!(run.code, 1, "{run}");
    let s = run.json();
    assert_eq!(s["outcome"], "interrupted", "{run}");
    assert!(run.stderr.contains("stopping after the current batch"), "{run}");
    let done_before = s["rowsUpdated"].as_u64().unwrap();
    assert!(done_before > 0 && done_before < needing(40_000), "{run}");

    let rest = backfill(&db.url, &[]);
    assert_eq!(rest.code, 0, "{rest}");
    assert_eq!(rest.json()["resumed"], true, "{rest}");
    assert_eq!(updated(&rest) + done_before, needing(40_000), "{rest}");
    assert_eq!(wrong_rows(&db, true), 0, "{}", show_wrong(&db));
}

/// The backfill's connections are terminated mid-run (a failover, an
/// operator's pg_terminate_backend): it reconnects and finishes, each row
/// written once.
#[test]
fn postgres_reconnects_after_its_connections_are_terminated() {
    let _serial = serial();
    let db = TestDb::postgres("backfill_terminated");
    create_line(&db, 30_000);
    let extra = ["--batch", "30", "--target-batch-ms", "0", "--max-connections", "2"];
    let child = spawn_backfill(&db.url, &extra);
    let batches = || db.run("SELECT coalesce(sum(batches), 0) FROM _driftgate_backfill").unwrap_or_default().trim().parse::<u64>().unwrap_or(0);
    let started = Instant::now();
    let mut terminated = 0;
    for wanted in [20, 80, 160] {
        while batches() < wanted {
            assert!(started.elapsed() < Duration::from_secs(60), "no progress");
            thread::sleep(Duration::from_millis(10));
        }
        let n: u64 = psql(
            &with_database(&db.url, "postgres"),
            &format!("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{}' AND application_name = 'driftgate backfill'", db.name),
        )
        .unwrap()
        .trim()
        .parse()
        .unwrap();
        terminated += n;
    }
    let run = finish(child, &backfill_args(&db.url, &extra));
    assert!(terminated >= 2, "terminated only {terminated} connections");
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("lost the connection"), "{run}");
    assert!(run.json()["retries"].as_u64().unwrap() >= 1, "{run}");
    assert_eq!(wrong_rows(&db, true), 0, "{}", show_wrong(&db));
}

#[test]
fn refusals_bad_sql_and_dry_run() {
    let _serial = serial();
    let db = TestDb::postgres("backfill_refuse");
    create_line(&db, 1_000);
    db.run("CREATE TABLE nokey (a int, b int)").unwrap();
    let run = driftgate(&["backfill", "--database-url", &db.url, "--table", "nokey", "--column", "b", "--set", "a"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("no primary key and no unique index"), "{run}");
    assert!(run.stderr.contains("help:"), "{run}");

    let run = driftgate(&["backfill", "--database-url", &db.url, "--table", "line", "--column", "total", "--set", "qty * nope"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("does not work") && run.stderr.contains("nope"), "{run}");

    let run = driftgate(&["backfill", "--database-url", &db.url, "--table", "line", "--column", "totl", "--set", "1"]);
    assert_eq!(run.code, 2, "{run}");
    assert!(run.stderr.contains("did you mean `total`"), "{run}");

    let run = driftgate(&["backfill", "--database-url", &db.url, "--table", "line", "--column", "total", "--set", "qty * 3", "--dry-run"]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stdout.contains(&format!("rows to update: {} (counted)", needing(1_000))), "{run}");
    assert!(run.stdout.contains("UPDATE \"public\".\"line\" SET \"total\" = (qty * 3) WHERE"), "{run}");
    assert!(run.stdout.contains("Nothing was changed"), "{run}");
    let dry: Value = backfill(&db.url, &["--dry-run"]).json();
    assert_eq!(dry["rowsNeedingValue"], needing(1_000));
    assert_eq!(dry["plan"]["keySource"], "primary key");
    assert_eq!(db.run("SELECT to_regclass('_driftgate_backfill') IS NULL").unwrap(), "t", "a dry run created the state table");
    assert_eq!(wrong_rows(&db, false), needing(1_000), "a dry run changed rows");
    assert!(!run.all().contains("dg-admin-pw-4711"), "password in the output:\n{run}");
}
