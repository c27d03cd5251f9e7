//! `driftgate status`, `deploy` and `resolve`: runs the SQL the core's
//! [`driftgate_core::deploy`] writes and feeds the rows back. Every decision
//! (applied? refuse? resume where? one transaction or statement by
//! statement?) is the core's; this module connects, locks, sends, retries.

use crate::db::{Db, DbError, DbUrl};
use crate::lint_cmd::find_history_files;
use driftgate_core::deploy::{self, HistoryRows, Mode, Plan, PlanOptions, PlannedMigration, Probe, Status, Store};
use driftgate_core::history::{self, History};
use driftgate_core::route::{self, Console, Route};
use driftgate_core::Dialect;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What every database command starts from: the folder and the server.
pub struct Project {
    pub dir: PathBuf,
    pub history: History,
    pub url: DbUrl,
    pub store: Store,
}

/// Finds the history under `dir` and checks it matches the URL's dialect.
pub fn load(dir: &Path, url: &str) -> Result<Project, String> {
    let url = DbUrl::parse(url)?;
    let Some((dir, files)) = find_history_files(dir)? else {
        return Err(format!("no migration folder found at {} (looked for a Prisma, Drizzle or plain SQL folder there and in prisma/migrations, migrations, drizzle)", dir.display()));
    };
    let history = history::read(&files).map_err(|e| format!("{}/{}: {}", dir.display(), e.path, e.message))?;
    if let Some(d) = history.dialect {
        if d != url.dialect {
            return Err(format!(
                "{} is a {} history but the database URL is {}: point --database-url at the right server",
                dir.display(),
                d.name(),
                url.dialect.name()
            ));
        }
    }
    let store = Store::new(history.format, url.dialect);
    Ok(Project { dir, history, url, store })
}

/// How the connection reaches the server: the core decides from the
/// probe and, when the ports differ, from PgBouncer's admin console.
pub async fn detect_route(db: &mut Db) -> Result<Route, DbError> {
    let (server_port, version) = if db.dialect() == Dialect::Postgres {
        let rows = db.query(route::PROBE_SQL).await?;
        let col = |i: usize| rows.rows.first().and_then(|r| r.get(i).cloned().flatten());
        (col(0), col(1))
    } else {
        (None, None)
    };
    if let Some(r) = Route::from_probe(db.dialect(), db.url.port, server_port.as_deref(), version.as_deref()) {
        return Ok(r);
    }
    let admin = db.url.with_database("pgbouncer");
    let console = match tokio::time::timeout(Duration::from_secs(2), Db::connect(&admin)).await {
        Err(_) => Console::NoAnswer,
        Ok(Err(e)) if e.code.as_deref() == Some("3D000") => Console::NoSuchDatabase,
        Ok(Err(_)) => Console::Refused,
        Ok(Ok(mut console)) => {
            let mode = console.query("SHOW CONFIG").await.ok().and_then(|r| {
                let key = r.columns.iter().position(|c| c == "key")?;
                let val = r.columns.iter().position(|c| c == "value")?;
                r.rows.iter().find(|row| row[key].as_deref() == Some("pool_mode")).and_then(|row| row[val].clone())
            });
            console.close().await;
            Console::Answered(mode)
        }
    };
    Ok(Route::from_console(version.as_deref(), console))
}

/// Reads the history tables (those that exist) into the core's shape.
pub async fn read_rows(db: &mut Db, store: &Store) -> Result<HistoryRows, DbError> {
    let exists = db.query(&store.exists_sql()).await?;
    let flag = |i: usize| exists.rows.first().and_then(|r| r.get(i)).and_then(|v| v.as_deref()).is_some_and(|v| v != "0" && v != "f");
    let mut rows = HistoryRows { orm_table_exists: flag(0), own_table_exists: flag(1), ..Default::default() };
    if rows.orm_table_exists {
        if let Some(sql) = store.read_orm_sql() {
            rows.orm = db.query(&sql).await?.to_json();
        }
    }
    if rows.own_table_exists {
        if let Some(sql) = store.read_own_sql() {
            rows.own = db.query(&sql).await?.to_json();
        }
    }
    rows.user_tables = db.query(&store.user_tables_sql()).await?.scalar().and_then(|v| v.parse().ok()).unwrap_or(0);
    Ok(rows)
}

/// `driftgate status`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusReport {
    pub folder: String,
    pub database: String,
    #[serde(flatten)]
    pub status: Status,
    /// Indexes left INVALID by a failed `CREATE INDEX CONCURRENTLY`.
    pub invalid_indexes: Vec<String>,
    /// Another deploy holds the lock right now (Postgres, session locks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deploy_in_progress: Option<String>,
}

pub fn status(dir: &Path, url: &str) -> Result<StatusReport, String> {
    let p = load(dir, url)?;
    let rt = crate::db::runtime();
    rt.block_on(async {
        let mut db = Db::connect(&p.url).await.map_err(|e| e.to_string())?;
        let rows = read_rows(&mut db, &p.store).await.map_err(|e| e.to_string())?;
        let status = deploy::status(&p.history, p.url.dialect, &rows);
        let invalid_indexes = invalid_indexes(&mut db, &p.store).await.map_err(|e| e.to_string())?;
        let deploy_in_progress = lock_holder(&mut db, &p.store).await;
        db.close().await;
        Ok(StatusReport { folder: p.dir.display().to_string(), database: p.url.to_string(), status, invalid_indexes, deploy_in_progress })
    })
}

async fn invalid_indexes(db: &mut Db, store: &Store) -> Result<Vec<String>, DbError> {
    let Some(sql) = store.invalid_indexes_sql() else { return Ok(Vec::new()) };
    let rows = db.query(sql).await?;
    Ok(rows.rows.into_iter().filter_map(|r| r.into_iter().next().flatten()).collect())
}

async fn lock_holder(db: &mut Db, store: &Store) -> Option<String> {
    let rows = db.query(&store.lock_holder_sql()).await.ok()?;
    store.describe_lock_holder(rows.rows.first()?)
}

pub fn render_status_tty(r: &StatusReport) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let s = &r.status;
    let _ = writeln!(o, "{} ({} history) against {}", r.folder, s.format, r.database);
    for m in &s.migrations {
        let mark = match m.state {
            deploy::State::Applied => "applied    ",
            deploy::State::Pending => "pending    ",
            deploy::State::Edited => "EDITED     ",
            deploy::State::OutOfOrder => "OUT-OF-ORDER",
            deploy::State::Failed => "FAILED     ",
            deploy::State::Interrupted => "INTERRUPTED",
        };
        let _ = write!(o, "  {mark} {}", m.name);
        if let Some(f) = &m.finished_at {
            let _ = write!(o, "  ({f})");
        }
        let _ = writeln!(o);
        if !matches!(m.state, deploy::State::Applied | deploy::State::Pending) {
            let _ = writeln!(o, "      {}", m.detail);
            if let Some(e) = &m.error {
                let _ = writeln!(o, "      error: {}", e.replace('\n', "\n             "));
            }
        }
    }
    for n in &s.missing_locally {
        let _ = writeln!(o, "  applied in the database but not in this folder: {n}");
    }
    if s.needs_baseline {
        let _ = writeln!(o, "  the database has tables but no migration history: baseline it with `driftgate resolve --applied NAME` before deploying");
    }
    for i in &r.invalid_indexes {
        let _ = writeln!(o, "  INVALID index {i}: left by a failed CREATE INDEX CONCURRENTLY; it is maintained on every write but never used. Drop it with DROP INDEX CONCURRENTLY {i}; and build it again");
    }
    if let Some(h) = &r.deploy_in_progress {
        let _ = writeln!(o, "  a deploy is in progress: {h}");
    }
    let m = &s.summary;
    let _ = writeln!(
        o,
        "{} applied, {} pending, {} failed, {} interrupted, {} edited, {} out of order",
        m.applied, m.pending, m.failed, m.interrupted, m.edited, m.out_of_order
    );
    o
}

/// Options of `driftgate deploy`.
#[derive(Clone, Debug)]
pub struct DeployArgs {
    pub dir: PathBuf,
    pub url: String,
    pub dry_run: bool,
    pub allow_edited: bool,
    pub allow_out_of_order: bool,
    pub target: Option<String>,
    pub lock_timeout: Duration,
    pub statement_timeout: Duration,
    /// Attempts after a lock timeout, with exponential backoff.
    pub lock_retries: u32,
    pub json: bool,
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct DeployReport {
    pub folder: String,
    pub database: String,
    pub route: Option<Route>,
    pub applied: Vec<AppliedMigration>,
    /// Applied meanwhile by a concurrent deployer.
    pub skipped: Vec<String>,
    pub refusals: Vec<deploy::Refusal>,
    pub warnings: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<Failure>,
    pub dry_run: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    pub elapsed_ms: u64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppliedMigration {
    pub name: String,
    pub mode: Mode,
    pub statements: usize,
    pub retries: u32,
    pub ms: u64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Failure {
    pub migration: String,
    pub statement: usize,
    pub line: usize,
    pub message: String,
    pub sqlstate: Option<String>,
    pub rolled_back: bool,
    /// What `status` will say and what to do.
    pub next_step: String,
}

impl DeployReport {
    pub fn exit_code(&self) -> u8 {
        u8::from(!self.refusals.is_empty() || self.failure.is_some())
    }
}

/// Progress goes to stderr (stdout carries the report).
fn progress(json: bool, line: &str) {
    if !json {
        eprintln!("{line}");
    }
}

pub fn deploy(args: &DeployArgs) -> Result<DeployReport, String> {
    let p = load(&args.dir, &args.url)?;
    let rt = crate::db::runtime();
    rt.block_on(deploy_async(&p, args))
}

async fn deploy_async(p: &Project, args: &DeployArgs) -> Result<DeployReport, String> {
    let started = Instant::now();
    let redact = |e: DbError| e.to_string();
    let mut db = Db::connect(&p.url).await.map_err(redact)?;
    let route = detect_route(&mut db).await.map_err(redact)?;
    let mut report = DeployReport {
        folder: p.dir.display().to_string(),
        database: p.url.to_string(),
        route: Some(route.clone()),
        dry_run: args.dry_run,
        ..Default::default()
    };
    let session_lock = !route.transaction_pooling;
    // A deployer killed mid-statement: the server notices the closed socket
    // within a second and rolls back instead of holding its locks.
    if let Some(sql) = route.keepalive_sql(false) {
        db.execute(sql).await.map_err(redact)?;
    }
    if let Some(line) = route.describe() {
        progress(args.json, &format!("driftgate: {line}"));
    }
    if session_lock {
        acquire_session_lock(&mut db, &p.store, args.json).await.map_err(redact)?;
    }
    let result = deploy_locked(&mut db, p, args, &route, &mut report).await;
    if session_lock {
        let _ = release_session_lock(&mut db, &p.store).await;
    }
    db.close().await;
    result?;
    report.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(report)
}

async fn deploy_locked(db: &mut Db, p: &Project, args: &DeployArgs, route: &Route, report: &mut DeployReport) -> Result<(), String> {
    let rows = read_rows(db, &p.store).await.map_err(|e| e.to_string())?;
    let status = deploy::status(&p.history, p.url.dialect, &rows);
    let pg_version = route.pg_major();
    let opts = PlanOptions {
        allow_edited: args.allow_edited,
        allow_out_of_order: args.allow_out_of_order,
        through_pooler: route.transaction_pooling,
        pg_version,
        target: args.target.clone(),
    };
    let plan = deploy::plan(&p.history, p.url.dialect, &status, &opts);
    report.warnings = plan.warnings.clone();
    for w in &plan.warnings {
        progress(args.json, &format!("warning: {w}"));
    }
    if !plan.refusals.is_empty() {
        report.refusals = plan.refusals.clone();
        return Ok(());
    }
    if args.dry_run {
        report.plan = Some(plan);
        return Ok(());
    }
    if plan.migrations.is_empty() {
        return Ok(());
    }
    // The history tables, created under the lock (two first deploys racing
    // on CREATE TABLE IF NOT EXISTS can fail on Postgres' catalog).
    let needs_setup = !rows.orm_table_exists && p.store.orm_table().is_some() || !rows.own_table_exists && p.store.own_table().is_some();
    if needs_setup {
        let mut sql = p.store.setup_sql();
        if p.url.dialect == Dialect::Postgres {
            sql.insert(0, p.store.xact_lock_sql());
            run_transaction(db, &sql).await.map_err(|e| format!("cannot create the history tables: {e}"))?;
        } else {
            for s in &sql {
                db.execute(s).await.map_err(|e| format!("cannot create the history tables: {e}"))?;
            }
        }
    }
    if p.url.dialect == Dialect::Mysql || plan.migrations.iter().any(|m| m.mode == Mode::StatementByStatement) {
        // Statement-by-statement migrations run on the session (direct
        // connections only: the core refuses them through a pooler).
        if !plan.migrations.iter().all(|m| m.sets_own_timeouts) {
            for s in p.store.timeout_sql(ms(args.lock_timeout), ms(args.statement_timeout), false) {
                if let Err(e) = db.execute(&s).await {
                    // MySQL has no max_statement_time (MariaDB only).
                    if !(p.url.dialect == Dialect::Mysql && e.mysql_code == Some(1193)) {
                        return Err(e.to_string());
                    }
                }
            }
        }
    }
    let total = plan.migrations.len();
    for (i, m) in plan.migrations.iter().enumerate() {
        let migration = p.history.migrations.iter().find(|x| x.name == m.name).expect("planned migrations come from the history");
        progress(args.json, &format!(
            "[{}/{total}] {}{} ({} statement{}{})",
            i + 1,
            m.name,
            if m.resume_from > 0 { format!(" — resuming at statement {}", m.resume_from + 1) } else { String::new() },
            m.statements.len(),
            if m.statements.len() == 1 { "" } else { "s" },
            if m.mode == Mode::StatementByStatement { ", one by one" } else { ", one transaction" }
        ));
        let t = Instant::now();
        let outcome = match m.mode {
            Mode::Transaction => run_transactional(db, p, migration, m, args, route).await,
            Mode::StatementByStatement => run_one_by_one(db, p, migration, m, args).await,
        };
        match outcome {
            Ok(Outcome::Applied { retries }) => {
                let ms = t.elapsed().as_millis() as u64;
                progress(args.json, &format!("      applied in {ms} ms{}", if retries > 0 { format!(" after {retries} lock-timeout retr{}", if retries == 1 { "y" } else { "ies" }) } else { String::new() }));
                report.applied.push(AppliedMigration { name: m.name.clone(), mode: m.mode, statements: m.statements.len(), retries, ms });
            }
            Ok(Outcome::AlreadyApplied) => {
                progress(args.json, "      already applied by a concurrent deploy; skipped");
                report.skipped.push(m.name.clone());
            }
            Err(f) => {
                report.failure = Some(f);
                return Ok(());
            }
        }
    }
    Ok(())
}

fn ms(d: Duration) -> u64 {
    d.as_millis() as u64
}

enum Outcome {
    Applied { retries: u32 },
    AlreadyApplied,
}

async fn run_transaction(db: &mut Db, sql: &[String]) -> Result<(), DbError> {
    db.execute("BEGIN").await?;
    for s in sql {
        if let Err(e) = db.execute(s).await {
            let _ = db.execute("ROLLBACK").await;
            return Err(e);
        }
    }
    db.execute("COMMIT").await?;
    Ok(())
}

fn backoff(attempt: u32) -> Duration {
    Duration::from_millis(deploy::backoff_ms(attempt, std::process::id() as u64))
}

fn new_id() -> String {
    let mut bytes = [0u8; 16];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        use std::io::Read;
        let _ = f.read_exact(&mut bytes);
    } else {
        let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos() ^ std::process::id() as u128;
        bytes = seed.to_le_bytes();
    }
    deploy::uuid_v4(bytes)
}

/// Postgres: the migration, its history rows and the lock in one
/// transaction. The transaction-level advisory lock works through a
/// transaction-mode pooler too, and the history is re-read under it, so a
/// concurrent deployer that got there first is seen.
async fn run_transactional(db: &mut Db, p: &Project, migration: &history::Migration, m: &PlannedMigration, args: &DeployArgs, route: &Route) -> Result<Outcome, Failure> {
    let mut retries = 0;
    loop {
        let id = m.record_id.clone().unwrap_or_else(new_id);
        let mut prologue = vec![
            "BEGIN".to_string(),
            // Waiting for another deployer is not a lock timeout.
            "SET LOCAL lock_timeout = 0".to_string(),
            p.store.xact_lock_sql(),
        ];
        if let Some(sql) = route.keepalive_sql(true) {
            prologue.push(sql.to_string());
        }
        let step = async {
            for s in prologue.drain(..) {
                db.execute(&s).await?;
            }
            let found = db.query(&p.store.probe_sql(migration)).await?;
            let states: Vec<Option<&str>> = found.rows.iter().map(|r| r.first().and_then(|v| v.as_deref())).collect();
            Ok::<Probe, DbError>(deploy::probe_state(&states))
        };
        match step.await {
            Ok(Probe::Pending) => {}
            Ok(Probe::Applied) => {
                let _ = db.execute("COMMIT").await;
                return Ok(Outcome::AlreadyApplied);
            }
            Ok(Probe::Failed) => {
                let _ = db.execute("ROLLBACK").await;
                return Err(failed_meanwhile(p, m));
            }
            Err(e) => {
                let _ = db.execute("ROLLBACK").await;
                // Before its first statement (BEGIN, the lock, the probe).
                return Err(Failure { statement: 0, line: 0, ..failure(p, m, 0, &e, true) });
            }
        }
        // A failure is recorded in this transaction, under the same lock, after
        // undoing the migration's work: a racing deployer (through a pooler)
        // then sees the failure when it gets the lock, never a gap.
        let mut setup: Vec<String> = vec![format!("SAVEPOINT {SAVEPOINT}")];
        if m.record_id.is_none() {
            setup.extend(p.store.record_started(migration, &id, 0, 0));
        }
        if !m.sets_own_timeouts {
            setup.extend(p.store.timeout_sql(ms(args.lock_timeout), ms(args.statement_timeout), true));
        }
        let mut err = None;
        for s in &setup {
            if let Err(e) = db.execute(s).await {
                err = Some((0, e));
                break;
            }
        }
        if err.is_none() {
            for (i, s) in m.statements.iter().enumerate() {
                if let Err(e) = db.execute(&s.sql).await {
                    err = Some((i, e));
                    break;
                }
            }
        }
        if err.is_none() {
            for s in p.store.record_applied(migration, &id, m.statements.len()) {
                if let Err(e) = db.execute(&s).await {
                    err = Some((m.statements.len(), e));
                    break;
                }
            }
        }
        match err {
            None => match db.execute("COMMIT").await {
                Ok(_) => return Ok(Outcome::Applied { retries }),
                Err(e) => return Err(record_failure(db, p, migration, m, 0, &e, Recording::NewTransaction, &id, m.record_id.is_some()).await),
            },
            Some((i, e)) if !e.is_lock_timeout() => {
                return Err(record_failure(db, p, migration, m, i, &e, Recording::InOpenTransaction, &id, m.record_id.is_some()).await);
            }
            Some((i, e)) => {
                let _ = db.execute("ROLLBACK").await;
                if retries < args.lock_retries {
                    let wait = backoff(retries);
                    retries += 1;
                    progress(args.json, &format!(
                        "      statement {} (line {}) timed out waiting for a lock ({}); rolled back, retry {retries}/{} in {:.1} s",
                        i + 1,
                        m.statements.get(i).map(|s| s.line).unwrap_or(0),
                        e.message,
                        args.lock_retries,
                        wait.as_secs_f64()
                    ));
                    tokio::time::sleep(wait).await;
                    continue;
                }
                // The safe failure: rolled back, nothing to resolve.
                let mut f = failure(p, m, i, &e, true);
                f.next_step = format!(
                    "gave up waiting for a lock after {retries} retr{}: the transaction was rolled back, so the database is as before and {} is still pending (nothing recorded, nothing to resolve). Run `driftgate deploy` again when the session holding the lock is done, or with a longer --lock-timeout / more --lock-retries",
                    if retries == 1 { "y" } else { "ies" },
                    m.name
                );
                return Err(f);
            }
        }
    }
}

/// MySQL (DDL commits implicitly) and Postgres migrations holding a
/// statement that cannot run in a transaction: one statement at a time,
/// progress recorded after each, so a stop anywhere is explained by
/// `status` and continued by the next deploy.
async fn run_one_by_one(db: &mut Db, p: &Project, migration: &history::Migration, m: &PlannedMigration, args: &DeployArgs) -> Result<Outcome, Failure> {
    let total = m.statements.len();
    let id = m.record_id.clone().unwrap_or_else(new_id);
    let row_exists = m.record_id.is_some();
    let start_sql = if row_exists {
        p.store.record_progress(migration, &id, total, m.resume_from)
    } else {
        p.store.record_started(migration, &id, total, m.resume_from)
    };
    for s in start_sql {
        if let Err(e) = db.execute(&s).await {
            return Err(failure(p, m, m.resume_from, &e, false));
        }
    }
    let mut retries = 0;
    let mut i = m.resume_from;
    while i < total {
        let stmt = &m.statements[i];
        if let Some(index) = &stmt.concurrent_index {
            // A build killed or failed earlier leaves an INVALID index of
            // that name; building again would fail on it.
            if let Ok(rows) = db.query(&deploy::invalid_index_sql(index)).await {
                if let Some(qualified) = rows.scalar() {
                    progress(args.json, &format!("      dropping INVALID index {qualified} left by an earlier failed build"));
                    if let Err(e) = db.execute(&format!("DROP INDEX CONCURRENTLY IF EXISTS {qualified}")).await {
                        return Err(record_failure(db, p, migration, m, i, &e, Recording::Progress, &id, true).await);
                    }
                }
            }
        }
        match db.execute(&stmt.sql).await {
            Ok(_) => {
                i += 1;
                for s in p.store.record_progress(migration, &id, total, i) {
                    if let Err(e) = db.execute(&s).await {
                        return Err(failure(p, m, i, &e, false));
                    }
                }
            }
            Err(e) if e.is_lock_timeout() && retries < args.lock_retries => {
                let wait = backoff(retries);
                retries += 1;
                progress(args.json, &format!(
                    "      statement {} (line {}) timed out waiting for a lock ({}); retry {retries}/{} in {:.1} s",
                    i + 1,
                    stmt.line,
                    e.message,
                    args.lock_retries,
                    wait.as_secs_f64()
                ));
                tokio::time::sleep(wait).await;
            }
            Err(e) => {
                let mut f = record_failure(db, p, migration, m, i, &e, Recording::Progress, &id, true).await;
                if let Some(index) = &stmt.concurrent_index {
                    if let Ok(rows) = db.query(&deploy::invalid_index_sql(index)).await {
                        if let Some(q) = rows.scalar() {
                            f.next_step = format!(
                                "the failed build left index {q} INVALID (maintained on every write, never used): run DROP INDEX CONCURRENTLY {q}; then fix the cause. {}",
                                f.next_step
                            );
                        }
                    }
                }
                return Err(f);
            }
        }
    }
    for s in p.store.record_applied(migration, &id, total) {
        if let Err(e) = db.execute(&s).await {
            return Err(failure(p, m, total, &e, false));
        }
    }
    Ok(Outcome::Applied { retries })
}

/// Under the lock, the history shows a failed attempt another deployer
/// recorded after this one read the status.
fn failed_meanwhile(p: &Project, m: &PlannedMigration) -> Failure {
    Failure {
        migration: m.name.clone(),
        statement: 0,
        line: 0,
        message: format!("a concurrent deploy recorded a failed attempt of {} while this one waited for the deploy lock", m.name),
        sqlstate: None,
        rolled_back: true,
        next_step: format!(
            "nothing was run. `driftgate status --database-url … {}` shows the error; resolve it as the status says before deploying again",
            p.dir.display()
        ),
    }
}

fn failure(p: &Project, m: &PlannedMigration, i: usize, e: &DbError, rolled_back: bool) -> Failure {
    let line = m.statements.get(i).map(|s| s.line).unwrap_or(0);
    Failure {
        migration: m.name.clone(),
        statement: i + 1,
        line,
        message: e.to_string(),
        sqlstate: e.code.clone(),
        rolled_back,
        next_step: format!(
            "nothing was recorded: fix the cause and run `driftgate deploy` again (`driftgate status --database-url … {}` shows the state)",
            p.dir.display()
        ),
    }
}

/// How a failure is recorded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Recording {
    /// Postgres, the migration's transaction still open (in error) with
    /// [`SAVEPOINT`] before its first statement: undo to it, record, commit.
    InOpenTransaction,
    /// Postgres, the transaction is gone (COMMIT failed): a new one.
    NewTransaction,
    /// Statement by statement: what ran stays; the progress is recorded.
    Progress,
}

const SAVEPOINT: &str = "driftgate_migration";

/// Records a failed migration so that the next deploy refuses until `resolve`.
/// `id` is the Prisma row of this attempt (the one `record_started` wrote,
/// unless that was rolled back with the transaction: `row_exists` says).
#[allow(clippy::too_many_arguments)]
async fn record_failure(db: &mut Db, p: &Project, migration: &history::Migration, m: &PlannedMigration, i: usize, e: &DbError, how: Recording, id: &str, row_exists: bool) -> Failure {
    let rolled_back = how != Recording::Progress;
    let mut f = failure(p, m, i, e, rolled_back);
    let stmt = m.statements.get(i);
    let text = format!(
        "driftgate: statement {} of {} (line {}) failed: {}{}",
        i + 1,
        m.statements.len(),
        f.line,
        e,
        stmt.map(|s| format!("\n  statement: {}", s.summary)).unwrap_or_default()
    );
    let done = if rolled_back { 0 } else { i };
    let mut sql = p.store.record_failed(migration, id, m.statements.len(), done, &text, row_exists);
    let mut recorded_in_open = false;
    if how == Recording::InOpenTransaction {
        let r: Result<(), DbError> = async {
            db.execute(&format!("ROLLBACK TO SAVEPOINT {SAVEPOINT}")).await?;
            for s in &sql {
                db.execute(s).await?;
            }
            db.execute("COMMIT").await.map(|_| ())
        }
        .await;
        recorded_in_open = r.is_ok();
        if !recorded_in_open {
            let _ = db.execute("ROLLBACK").await;
        }
    }
    let recorded = if recorded_in_open {
        Ok(())
    } else if p.url.dialect == Dialect::Postgres {
        sql.insert(0, p.store.xact_lock_sql());
        run_transaction(db, &sql).await
    } else {
        let mut r = Ok(());
        for s in &sql {
            if let Err(e) = db.execute(s).await {
                r = Err(e);
                break;
            }
        }
        r
    };
    let what = if rolled_back {
        "it ran in one transaction, which was rolled back: the database is as before this migration".to_string()
    } else {
        deploy::describe_progress(migration, p.url.dialect, i)
    };
    f.next_step = match recorded {
        Ok(()) => format!(
            "{what}. It is recorded as failed and deploys refuse to continue until it is resolved: fix the cause{}, then `driftgate resolve --rolled-back {n}` to run it again (or `--applied {n}` if you completed it by hand)",
            if rolled_back { "" } else { " and finish or undo the statements that ran" },
            n = m.name
        ),
        Err(re) => format!("{what}. Recording the failure failed too ({re}); `driftgate status` shows what the history table holds"),
    };
    f
}

async fn acquire_session_lock(db: &mut Db, store: &Store, json: bool) -> Result<(), DbError> {
    let mut announced = false;
    loop {
        if deploy::lock_taken(db.query(&store.try_session_lock_sql()).await?.scalar()) {
            return Ok(());
        }
        if !announced {
            let holder = lock_holder(db, store).await.unwrap_or_else(|| "another session holds it".into());
            progress(json, &format!("driftgate: waiting for the deploy lock ({holder})"));
            announced = true;
        }
        if let Some(wait) = store.wait_session_lock_sql() {
            for sql in wait {
                db.query(&sql).await?;
            }
            return Ok(());
        }
    }
}

async fn release_session_lock(db: &mut Db, store: &Store) -> Result<(), DbError> {
    db.query(&store.session_unlock_sql()).await.map(|_| ())
}

pub fn render_deploy_tty(r: &DeployReport) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    if !r.refusals.is_empty() {
        let _ = writeln!(o, "driftgate deploy refused; nothing was applied:");
        for x in &r.refusals {
            let _ = writeln!(o, "  [{}] {}", x.code, x.message);
        }
        return o;
    }
    if let Some(plan) = &r.plan {
        if plan.migrations.is_empty() {
            let _ = writeln!(o, "dry run: nothing to deploy");
        }
        for m in &plan.migrations {
            let _ = writeln!(
                o,
                "-- {} ({}{}{})",
                m.name,
                if m.mode == Mode::Transaction { "one transaction" } else { "statement by statement" },
                m.reason.as_deref().map(|r| format!(": {r}")).unwrap_or_default(),
                if m.resume_from > 0 { format!("; resuming at statement {}", m.resume_from + 1) } else { String::new() }
            );
            for s in &m.statements[m.resume_from..] {
                let _ = writeln!(o, "{};", s.sql);
            }
        }
        return o;
    }
    if let Some(f) = &r.failure {
        if f.statement > 0 {
            let _ = writeln!(o, "driftgate deploy FAILED in {} at statement {} (line {}):", f.migration, f.statement, f.line);
        } else {
            let _ = writeln!(o, "driftgate deploy stopped at {}:", f.migration);
        }
        let _ = writeln!(o, "  {}", f.message.replace('\n', "\n  "));
        let _ = writeln!(o, "  {}", f.next_step);
    }
    if r.applied.is_empty() && r.failure.is_none() {
        let _ = writeln!(o, "nothing to deploy: the database is up to date ({})", r.database);
    } else {
        let _ = writeln!(
            o,
            "{} migration(s) applied{} in {} ms",
            r.applied.len(),
            if r.skipped.is_empty() { String::new() } else { format!(", {} already applied by a concurrent deploy", r.skipped.len()) },
            r.elapsed_ms
        );
    }
    o
}

/// `driftgate resolve --applied NAME` / `--rolled-back NAME`.
pub fn resolve(dir: &Path, url: &str, name: &str, applied: bool) -> Result<String, String> {
    let p = load(dir, url)?;
    let Some(migration) = p.history.migrations.iter().find(|m| m.name == name) else {
        return Err(format!("no migration named `{name}` in {}: `driftgate status` lists them", p.dir.display()));
    };
    let rt = crate::db::runtime();
    rt.block_on(async {
        let mut db = Db::connect(&p.url).await.map_err(|e| e.to_string())?;
        let route = detect_route(&mut db).await.map_err(|e| e.to_string())?;
        if !route.transaction_pooling {
            acquire_session_lock(&mut db, &p.store, true).await.map_err(|e| e.to_string())?;
        }
        let result = async {
            let rows = read_rows(&mut db, &p.store).await.map_err(|e| e.to_string())?;
            let status = deploy::status(&p.history, p.url.dialect, &rows);
            let st = status.migrations.iter().find(|m| m.name == name).expect("status covers every migration");
            let sql = if applied {
                if matches!(st.state, deploy::State::Applied | deploy::State::Edited) {
                    return Err(format!("{name} is already recorded as applied; nothing to resolve"));
                }
                p.store.resolve_applied(migration, &new_id())
            } else {
                if !matches!(st.state, deploy::State::Failed | deploy::State::Interrupted) {
                    return Err(format!("{name} is not in a failed state ({}); only a failed migration can be marked rolled back", st.detail));
                }
                p.store.resolve_rolled_back(migration)
            };
            let mut all = p.store.setup_sql();
            if p.url.dialect == Dialect::Postgres {
                all.insert(0, p.store.xact_lock_sql());
                all.extend(sql);
                run_transaction(&mut db, &all).await.map_err(|e| e.to_string())?;
            } else {
                for s in all.iter().chain(&sql) {
                    db.execute(s).await.map_err(|e| e.to_string())?;
                }
            }
            Ok(if applied {
                format!("{name} recorded as applied (nothing was run)\n")
            } else {
                format!("{name} marked rolled back: the next `driftgate deploy` runs it again\n")
            })
        }
        .await;
        if !route.transaction_pooling {
            let _ = release_session_lock(&mut db, &p.store).await;
        }
        db.close().await;
        result
    })
}
