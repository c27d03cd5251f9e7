//! `driftgate backfill`: runs what `driftgate_core::backfill` decides.
//!
//! One current-thread runtime; each worker is a local task with its own
//! connection, walking one lane at a time, so the connections held are the
//! workers (at most `--max-connections`), never more. Replica monitors hold
//! connections to the replicas only. A worker reads the primary's
//! `pg_stat_replication` between batches when the last reading is older than
//! [`LAG_POLL`], so a lagging replica stops the next batch of every worker
//! within one batch plus one poll.

use crate::db::{Db, DbError, DbUrl};
use crate::introspect::introspect;
use driftgate_core::backfill::{self as core, BatchSizer, ErrorClass, Key, Lane, LagReading, Outcome, Plan, Range, Request, Start, Summary};
use driftgate_core::deploy::backoff_ms;
use driftgate_core::Dialect;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io::IsTerminal;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// How often lag is read while running, and re-read while paused.
const LAG_POLL: Duration = Duration::from_millis(200);
/// How often progress is reported: a bar redraws every second, plain lines
/// every few seconds.
const BAR_TICK: Duration = Duration::from_millis(500);
const LINE_TICK: Duration = Duration::from_secs(5);
/// How long to wait for a free connection slot before giving up.
const CONNECT_PATIENCE: Duration = Duration::from_secs(600);
/// Shown in `pg_stat_activity.application_name`.
pub const APPLICATION_NAME: &str = "driftgate backfill";

pub struct BackfillArgs {
    pub url: String,
    pub request: Request,
    pub batch: u64,
    pub max_lag_seconds: f64,
    pub max_connections: u32,
    pub replicas: Vec<String>,
    pub target_batch_ms: u64,
    pub lock_timeout: Duration,
    pub lock_retries: u32,
    pub dry_run: bool,
    pub restart: bool,
    pub json: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DryRun {
    pub database: String,
    pub plan: Plan,
    /// Rows that need the value now: exact when counted within 10 s, else
    /// the planner's estimate.
    pub rows_needing_value: Option<u64>,
    pub rows_needing_value_exact: bool,
    pub table_rows_estimate: Option<u64>,
    /// An interrupted pass would be resumed (else a new pass starts).
    pub resumes: bool,
    pub lanes_done: usize,
    pub lanes: usize,
    pub batch_end_sql: String,
    pub batch_sql: Vec<String>,
}

pub enum Report {
    DryRun(DryRun),
    Ran(Summary),
}

pub fn run(args: &BackfillArgs) -> Result<Report, String> {
    if args.max_connections == 0 {
        return Err("--max-connections must be at least 1".into());
    }
    if !(args.max_lag_seconds >= 0.0) {
        return Err("--max-lag-seconds must be a number of seconds ≥ 0".into());
    }
    let url = DbUrl::parse(&args.url)?;
    let replicas = args.replicas.iter().map(|r| DbUrl::parse(r)).collect::<Result<Vec<_>, _>>()?;
    if let Some(r) = replicas.iter().find(|r| r.dialect != url.dialect) {
        return Err(format!("replica {r} is not the same kind of database as {url}"));
    }
    let runtime = crate::db::runtime();
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, execute(args, url, replicas))
}

async fn execute(args: &BackfillArgs, url: DbUrl, replicas: Vec<DbUrl>) -> Result<Report, String> {
    let shared = Rc::new(Shared::new(args));
    watch_signals(shared.clone());
    let mut db = connect(&url, &shared, true).await?.ok_or("stopped before a connection was made")?;
    let (schema, _) = introspect(&mut db).await?;
    let plan = core::plan(&schema, &args.request).map_err(|r| r.to_string())?;
    db.query(&plan.explain_update_sql()).await.map_err(|e| {
        format!("the --set expression or the --where predicate does not work on {}: {e}\n  the statement was: {}", url, plan.update_sql(&Range::default()))
    })?;
    let table_rows = match db.query(&plan.table_rows_sql()).await.ok().and_then(|r| core::read_table_rows(&r.rows)) {
        Some(n) => Some(n),
        None => estimate(&mut db, &plan, false).await,
    };
    let existing = load_lanes(&mut db, &plan).await?;
    if args.dry_run {
        let report = dry_run(&mut db, &plan, args, &url, table_rows, existing).await;
        db.close().await;
        return Ok(Report::DryRun(report?));
    }
    for sql in plan.session_sql(args.lock_timeout.as_millis() as u64) {
        db.execute(&sql).await.map_err(|e| e.to_string())?;
    }
    db.execute(&plan.create_state_table_sql())
        .await
        .map_err(|e| format!("cannot create the state table {}: {e}", plan.state_table()))?;
    let (lanes, resumed) = match core::start(existing, args.restart) {
        Start::Resume(lanes) => (lanes, true),
        Start::Fresh => (new_pass(&mut db, &plan, table_rows.unwrap_or(0), args.max_connections).await?, false),
    };
    let plan = Rc::new(plan);
    let before: u64 = lanes.iter().map(|l| l.rows_scanned).sum();
    shared.stats.borrow_mut().scanned_before = before;
    shared.total.set(table_rows.unwrap_or(0).max(before));
    let open: VecDeque<Lane> = lanes.into_iter().filter(|l| !l.done).collect();
    let workers = (args.max_connections as usize).min(open.len()).max(1);
    *shared.queue.borrow_mut() = open;

    for replica in replicas {
        tokio::task::spawn_local(monitor_replica(replica, shared.clone()));
    }
    let reporter = tokio::task::spawn_local(report_progress(plan.clone(), shared.clone(), args.json));
    let mut handles = Vec::new();
    let mut first = Some(db);
    for n in 0..workers {
        let ctx = Worker { n, plan: plan.clone(), shared: shared.clone(), url: url.clone(), lock_timeout_ms: args.lock_timeout.as_millis() as u64 };
        handles.push(tokio::task::spawn_local(ctx.run(first.take(), BatchSizer::new(args.batch, args.target_batch_ms))));
    }
    for h in handles {
        if let Err(e) = h.await {
            shared.fail(format!("a backfill worker crashed: {e}"));
        }
    }
    shared.finished.set(true);
    let _ = reporter.await;

    // The pass's totals, earlier runs included, from the state table.
    let mut pass_rows_updated = None;
    if let Ok(Some(mut db)) = connect(&url, &shared, false).await {
        if let Ok(lanes) = load_lanes(&mut db, &plan).await {
            pass_rows_updated = Some(lanes.iter().map(|l| l.rows_updated).sum());
        }
        db.close().await;
    }
    Ok(Report::Ran(shared.summary(&plan, resumed, workers as u32, pass_rows_updated)))
}

async fn estimate(db: &mut Db, plan: &Plan, to_update: bool) -> Option<u64> {
    let rows = db.query(&plan.estimate_sql(to_update)).await.ok()?;
    core::read_estimate(plan.dialect, &rows.columns, &rows.rows)
}

async fn load_lanes(db: &mut Db, plan: &Plan) -> Result<Vec<Lane>, String> {
    match db.query(&plan.load_lanes_sql()).await {
        Ok(rows) => core::read_lanes(&rows.rows),
        // No state table yet: nothing to resume.
        Err(e) if e.class() == ErrorClass::NoStateTable => Ok(Vec::new()),
        Err(e) => Err(format!("cannot read {}: {e}", plan.state_table())),
    }
}

async fn new_pass(db: &mut Db, plan: &Plan, table_rows: u64, lanes: u32) -> Result<Vec<Lane>, String> {
    let mut boundaries = Vec::new();
    for offset in plan.lane_offsets(table_rows, lanes) {
        let rows = db.query(&plan.key_at_sql(offset)).await.map_err(|e| e.to_string())?;
        boundaries.push(rows.rows.into_iter().next().and_then(|r| r.into_iter().collect::<Option<Key>>()));
    }
    let ranges = core::lanes_from_boundaries(boundaries);
    for sql in plan.start_pass_sql(&ranges) {
        if let Err(e) = db.execute(&sql).await {
            let _ = db.execute("ROLLBACK").await;
            return Err(if e.class() == ErrorClass::Raced {
                format!("another `driftgate backfill` of {}.{} is starting right now; let it run (or stop it) and try again", plan.table, plan.column)
            } else {
                format!("cannot record the new pass in {}: {e}", plan.state_table())
            });
        }
    }
    Ok(ranges
        .into_iter()
        .enumerate()
        .map(|(i, range)| Lane::new(i as u32, range))
        .collect())
}

async fn dry_run(db: &mut Db, plan: &Plan, args: &BackfillArgs, url: &DbUrl, table_rows: Option<u64>, existing: Vec<Lane>) -> Result<DryRun, String> {
    let (needing, exact) = match count_needing(db, plan).await {
        Some(n) => (Some(n), true),
        None => (estimate(db, plan, true).await, false),
    };
    let lanes_total = existing.len();
    let lanes_done = existing.iter().filter(|l| l.done).count();
    let (resumes, first) = match core::start(existing, args.restart) {
        Start::Resume(lanes) => (true, lanes.into_iter().find(|l| !l.done)),
        Start::Fresh => (false, None),
    };
    let lane = first.unwrap_or_else(|| Lane::new(0, Range::default()));
    let range = lane.remaining();
    let end_sql = plan.batch_end_sql(&range, args.batch);
    let end = db.query(&end_sql).await.ok().and_then(|r| plan.read_batch_end(r.rows.first().map(|r| r.as_slice())).ok().flatten());
    let batch_sql = match end {
        Some((end, keys)) => plan.batch_sql(&lane, &end, keys, args.lock_timeout.as_millis() as u64).shown(),
        None => Vec::new(),
    };
    Ok(DryRun {
        database: url.to_string(),
        plan: plan.clone(),
        rows_needing_value: needing,
        rows_needing_value_exact: exact,
        table_rows_estimate: table_rows,
        resumes,
        lanes_done,
        lanes: lanes_total,
        batch_end_sql: end_sql,
        batch_sql,
    })
}

/// An exact count, given at most 10 s (a dry run must not load the server).
async fn count_needing(db: &mut Db, plan: &Plan) -> Option<u64> {
    let result = db.query(&plan.count_needing_sql(10)).await;
    if result.is_err() {
        let _ = db.execute("ROLLBACK").await;
    }
    result.ok()?.scalar()?.parse().ok()
}

/// Connects, waiting with backoff while the server has no connection slot
/// left. `Ok(None)` when the run stopped (or the work ran out) meanwhile.
async fn connect(url: &DbUrl, shared: &Shared, first: bool) -> Result<Option<Db>, String> {
    let started = Instant::now();
    let mut attempt = 0;
    loop {
        match Db::connect_as(url, APPLICATION_NAME).await {
            Ok(db) => return Ok(Some(db)),
            Err(e) if e.is_too_many_connections() && started.elapsed() < CONNECT_PATIENCE => {
                if attempt == 0 {
                    shared.say(&format!(
                        "backfill: {url} has no connection slot free ({}); waiting for one instead of failing (the application needs them more)",
                        e.message
                    ));
                }
                tokio::time::sleep(Duration::from_millis(backoff_ms(attempt, attempt as u64 + 17))).await;
                attempt += 1;
                if shared.stop.get() || (!first && shared.queue.borrow().is_empty()) {
                    return Ok(None);
                }
            }
            Err(e) => return Err(e.to_string()),
        }
    }
}

#[derive(Default)]
struct Stats {
    scanned_before: u64,
    scanned: u64,
    updated: u64,
    batches: u64,
    retries: u64,
    durations_ms: Vec<f64>,
}

#[derive(Default)]
struct Lag {
    primary: Vec<LagReading>,
    primary_at: Option<Instant>,
    polling: bool,
    replicas: Vec<(String, LagReading)>,
    /// Why batches are paused right now.
    pause: Option<String>,
    paused_since: Option<Instant>,
    paused_total: Duration,
}

struct Shared {
    started: Instant,
    max_lag_seconds: f64,
    replicas_given: bool,
    lock_retries: u32,
    queue: RefCell<VecDeque<Lane>>,
    stats: RefCell<Stats>,
    lag: RefCell<Lag>,
    total: Cell<u64>,
    stop: Cell<bool>,
    finished: Cell<bool>,
    error: RefCell<Option<String>>,
    bar: RefCell<Option<indicatif::ProgressBar>>,
}

impl Shared {
    fn new(args: &BackfillArgs) -> Shared {
        Shared {
            started: Instant::now(),
            max_lag_seconds: args.max_lag_seconds,
            replicas_given: !args.replicas.is_empty(),
            lock_retries: args.lock_retries,
            queue: RefCell::default(),
            stats: RefCell::default(),
            lag: RefCell::default(),
            total: Cell::new(0),
            stop: Cell::new(false),
            finished: Cell::new(false),
            error: RefCell::default(),
            bar: RefCell::default(),
        }
    }

    /// Stops every worker after its current batch, keeping the first error.
    fn fail(&self, message: String) {
        self.error.borrow_mut().get_or_insert(message);
        self.stop.set(true);
    }

    fn say(&self, line: &str) {
        match self.bar.borrow().as_ref() {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Re-decides the pause from the latest readings; keeps the paused time.
    fn decide(&self) -> Option<String> {
        let (pause, was_paused) = {
            let mut lag = self.lag.borrow_mut();
            let readings: Vec<LagReading> = lag.primary.iter().cloned().chain(lag.replicas.iter().map(|(_, r)| r.clone())).collect();
            let pause = core::throttle(&readings, self.max_lag_seconds);
            match (&pause, lag.paused_since) {
                (Some(_), None) => lag.paused_since = Some(Instant::now()),
                (None, Some(since)) => {
                    lag.paused_total += since.elapsed();
                    lag.paused_since = None;
                }
                _ => {}
            }
            (pause.clone(), std::mem::replace(&mut lag.pause, pause).is_some())
        };
        match (&pause, was_paused) {
            (Some(why), false) => self.say(&format!("backfill: pausing — {why}")),
            (None, true) => self.say("backfill: lag is back under the limit, resuming"),
            _ => {}
        }
        pause
    }

    fn paused_seconds(&self) -> f64 {
        let lag = self.lag.borrow();
        (lag.paused_total + lag.paused_since.map(|s| s.elapsed()).unwrap_or_default()).as_secs_f64()
    }

    fn rate(&self) -> f64 {
        let elapsed = self.started.elapsed().as_secs_f64();
        if elapsed > 0.0 {
            self.stats.borrow().scanned as f64 / elapsed
        } else {
            0.0
        }
    }

    fn summary(&self, plan: &Plan, resumed: bool, workers: u32, pass_rows_updated: Option<u64>) -> Summary {
        let stats = self.stats.borrow();
        let elapsed = self.started.elapsed().as_secs_f64();
        let error = self.error.borrow().clone();
        let complete = error.is_none() && !self.stop.get();
        Summary {
            version: 1,
            job: plan.job.clone(),
            table: plan.table.clone(),
            column: plan.column.clone(),
            outcome: match (&error, complete) {
                (Some(_), _) => Outcome::Failed,
                (None, true) => Outcome::Complete,
                (None, false) => Outcome::Interrupted,
            },
            resumed,
            rows_updated: stats.updated,
            rows_scanned: stats.scanned,
            pass_rows_updated: pass_rows_updated.unwrap_or(stats.updated),
            batches: stats.batches,
            retries: stats.retries,
            workers,
            paused_seconds: round3(self.paused_seconds()),
            elapsed_seconds: round3(elapsed),
            rows_per_second: if elapsed > 0.0 { (stats.updated as f64 / elapsed).round() } else { 0.0 },
            p99_batch_ms: round3(core::p99(&stats.durations_ms)),
            max_batch_ms: round3(stats.durations_ms.iter().copied().fold(0.0, f64::max)),
            error,
        }
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Ctrl-C and SIGTERM (what deploy pipelines send) stop after the current
/// batch; a second one exits at once.
fn watch_signals(shared: Rc<Shared>) {
    let sigint = shared.clone();
    tokio::task::spawn_local(async move {
        while tokio::signal::ctrl_c().await.is_ok() {
            on_signal(&sigint);
        }
    });
    #[cfg(unix)]
    tokio::task::spawn_local(async move {
        if let Ok(mut term) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            while term.recv().await.is_some() {
                on_signal(&shared);
            }
        }
    });
}

fn on_signal(shared: &Shared) {
    if shared.stop.get() {
        // Second signal: leave now. The server rolls back the batches in
        // flight; the state table still says where they began.
        shared.say("backfill: stopping now; the batches in flight are rolled back and will be redone");
        std::process::exit(130);
    }
    shared.stop.set(true);
    shared.say("backfill: stopping after the current batch (progress is saved; press Ctrl-C again to stop at once)");
}

async fn monitor_replica(url: DbUrl, shared: Rc<Shared>) {
    let source = format!("replica {url}");
    let mut db: Option<Db> = None;
    while !shared.finished.get() && !shared.stop.get() {
        let reading = match db.as_mut() {
            None => match Db::connect_as(&url, APPLICATION_NAME).await {
                Ok(d) => {
                    db = Some(d);
                    continue;
                }
                Err(e) => LagReading { source: source.clone(), seconds: None, note: Some(format!("cannot connect: {}", e.message)) },
            },
            Some(conn) => match replica_lag(conn, &source).await {
                Ok(r) => r,
                Err(e) => {
                    db = None;
                    LagReading { source: source.clone(), seconds: None, note: Some(e) }
                }
            },
        };
        {
            let mut lag = shared.lag.borrow_mut();
            match lag.replicas.iter_mut().find(|(s, _)| *s == source) {
                Some(slot) => slot.1 = reading,
                None => lag.replicas.push((source.clone(), reading)),
            }
        }
        tokio::time::sleep(LAG_POLL).await;
    }
    if let Some(d) = db {
        d.close().await;
    }
}

async fn replica_lag(db: &mut Db, source: &str) -> Result<LagReading, String> {
    let rows = match db.dialect() {
        Dialect::Postgres => db.query(core::PG_REPLICA_LAG_SQL).await,
        Dialect::Mysql => match db.query(core::MYSQL_REPLICA_LAG_SQL).await {
            Err(e) if e.mysql_code == Some(1064) => db.query(core::MYSQL_REPLICA_LAG_SQL_OLD).await,
            other => other,
        },
    }
    .map_err(|e| format!("lag query failed: {}", e.message))?;
    core::read_replica_lag(db.dialect(), source, &rows.columns, &rows.rows)
}

async fn report_progress(plan: Rc<Plan>, shared: Rc<Shared>, json: bool) {
    let tty = std::io::stderr().is_terminal() && !json;
    if tty {
        let bar = indicatif::ProgressBar::new(shared.total.get().max(1));
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} [{bar:30}] {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        *shared.bar.borrow_mut() = Some(bar);
    }
    let mut last_line = Instant::now();
    loop {
        let finished = shared.finished.get();
        let (scanned, updated) = {
            let s = shared.stats.borrow();
            (s.scanned_before + s.scanned, s.updated)
        };
        // The total is an estimate; once the walk is over it is what was walked.
        let complete = finished && !shared.stop.get();
        let total = if complete { scanned } else { shared.total.get().max(scanned) };
        let pause = shared.lag.borrow().pause.clone();
        let line = core::progress_line(&plan, scanned, total, updated, shared.rate(), shared.paused_seconds(), pause.as_deref());
        if let Some(bar) = shared.bar.borrow().as_ref() {
            bar.set_length(total.max(1));
            bar.set_position(scanned);
            bar.set_message(line.clone());
            bar.tick();
        } else if last_line.elapsed() >= LINE_TICK || finished {
            eprintln!("{line}");
            last_line = Instant::now();
        }
        if finished {
            if let Some(bar) = shared.bar.borrow_mut().take() {
                bar.finish_and_clear();
            }
            return;
        }
        // Short sleeps: the run's end must not wait for the next tick.
        let slept = Instant::now();
        while slept.elapsed() < BAR_TICK && !shared.finished.get() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

struct Worker {
    n: usize,
    plan: Rc<Plan>,
    shared: Rc<Shared>,
    url: DbUrl,
    lock_timeout_ms: u64,
}

/// How one batch went.
enum Batch {
    Done,
    /// A lock timeout or deadlock: rolled back, retry smaller.
    Retry(DbError),
    /// The connection dropped (server restart, a terminated backend, a
    /// network cut): reconnect and continue from the recorded cursor.
    Lost(DbError),
}

impl Worker {
    async fn run(self, db: Option<Db>, mut sizer: BatchSizer) {
        let mut db = match db {
            Some(db) => db,
            None => match self.open().await {
                Some(db) => db,
                None => return,
            },
        };
        loop {
            if self.shared.stop.get() {
                break;
            }
            let Some(lane) = self.shared.queue.borrow_mut().pop_front() else { break };
            match self.walk(&mut db, lane, &mut sizer).await {
                Ok(()) => {}
                Err(e) => {
                    self.shared.fail(e);
                    break;
                }
            }
        }
        db.close().await;
    }

    async fn open(&self) -> Option<Db> {
        self.connect_ready(false).await.unwrap_or_else(|e| {
            self.shared.fail(e);
            None
        })
    }

    /// [`connect`], then the run's session settings.
    async fn connect_ready(&self, first: bool) -> Result<Option<Db>, String> {
        let Some(mut db) = connect(&self.url, &self.shared, first).await? else { return Ok(None) };
        for sql in self.plan.session_sql(self.lock_timeout_ms) {
            db.execute(&sql).await.map_err(|e| e.to_string())?;
        }
        Ok(Some(db))
    }

    /// Walks one lane to its end, or until the run stops.
    async fn walk(&self, db: &mut Db, lane: Lane, sizer: &mut BatchSizer) -> Result<(), String> {
        let plan = &*self.plan;
        let mut lane = lane;
        let mut attempt = 0u32;
        loop {
            if self.shared.stop.get() {
                return Ok(());
            }
            self.wait_for_replicas(db, lane.lane).await?;
            if self.shared.stop.get() {
                return Ok(());
            }
            let rows = match db.query(&plan.batch_end_sql(&lane.remaining(), sizer.size)).await {
                Ok(rows) => rows,
                Err(e) if e.class() == ErrorClass::ConnectionLost => {
                    if self.recover(db, &mut lane, &e).await? {
                        return Ok(());
                    }
                    continue;
                }
                Err(e) => return Err(self.failed("finding the next batch", &e)),
            };
            let Some((end, keys)) = plan.read_batch_end(rows.rows.first().map(|r| r.as_slice()))? else {
                match db.execute(&plan.finish_lane_sql(lane.lane, lane.cursor.as_ref())).await {
                    Ok(1) => return Ok(()),
                    Ok(_) => return Err(self.moved(lane.lane)),
                    Err(e) if e.class() == ErrorClass::ConnectionLost => {
                        if self.recover(db, &mut lane, &e).await? {
                            return Ok(());
                        }
                        continue;
                    }
                    Err(e) => return Err(self.failed("finishing a lane", &e)),
                }
            };
            let started = Instant::now();
            match self.batch(db, &lane, &end, keys).await? {
                Batch::Done => {
                    let ms = started.elapsed().as_secs_f64() * 1000.0;
                    sizer.observe(keys, ms);
                    self.shared.stats.borrow_mut().durations_ms.push(ms);
                    lane.cursor = Some(end);
                    attempt = 0;
                }
                Batch::Lost(e) => {
                    if self.recover(db, &mut lane, &e).await? {
                        return Ok(());
                    }
                }
                Batch::Retry(e) => {
                    attempt += 1;
                    self.shared.stats.borrow_mut().retries += 1;
                    if attempt > self.shared.lock_retries {
                        return Err(plan.lock_retries_exhausted(self.shared.lock_retries, &e.message));
                    }
                    sizer.shrink();
                    tokio::time::sleep(Duration::from_millis(backoff_ms(attempt - 1, self.n as u64 * 31 + attempt as u64))).await;
                }
            }
        }
    }

    /// After a lost connection: reconnects (waiting for a slot, with
    /// backoff) and takes the lane's cursor from the state table, which is
    /// right whether or not the last COMMIT made it. `Ok(true)` when the
    /// lane turns out finished.
    async fn recover(&self, db: &mut Db, lane: &mut Lane, lost: &DbError) -> Result<bool, String> {
        self.shared.say(&format!("backfill: lost the connection ({}); reconnecting", lost.message));
        let mut attempt = 0;
        loop {
            self.shared.stats.borrow_mut().retries += 1;
            tokio::time::sleep(Duration::from_millis(backoff_ms(attempt, self.n as u64 + 7))).await;
            attempt += 1;
            let failed = match self.connect_ready(true).await {
                Ok(None) => return Err("stopped while reconnecting".into()),
                Ok(Some(mut fresh)) => match load_lanes(&mut fresh, &self.plan).await {
                    Ok(lanes) => {
                        let stored = lanes.into_iter().find(|l| l.lane == lane.lane).ok_or_else(|| self.moved(lane.lane))?;
                        lane.cursor = stored.cursor;
                        *db = fresh;
                        return Ok(stored.done);
                    }
                    Err(e) => e,
                },
                Err(e) => e,
            };
            if attempt > self.shared.lock_retries || self.shared.stop.get() {
                return Err(format!("lost the connection and could not get it back: {failed}; progress is saved, run the same command again"));
            }
        }
    }

    /// One batch transaction: claim the lane, update, record, commit.
    async fn batch(&self, db: &mut Db, lane: &Lane, end: &Key, keys: u64) -> Result<Batch, String> {
        let sql = self.plan.batch_sql(lane, end, keys, self.lock_timeout_ms);
        let result: Result<Option<u64>, DbError> = async {
            db.execute(&sql.begin).await?;
            if db.execute(&sql.claim).await? != 1 {
                return Ok(None);
            }
            let updated = db.execute(&sql.update).await?;
            db.execute(&sql.record(updated)).await?;
            db.execute(&sql.commit).await?;
            Ok(Some(updated))
        }
        .await;
        match result {
            Ok(Some(updated)) => {
                let mut s = self.shared.stats.borrow_mut();
                s.updated += updated;
                s.scanned += keys;
                s.batches += 1;
                Ok(Batch::Done)
            }
            Ok(None) => {
                let _ = db.execute(sql.rollback()).await;
                Err(self.moved(lane.lane))
            }
            // The connection is gone, and with it the transaction — unless
            // it died during COMMIT: `recover` reads where the lane really is.
            Err(e) => match e.class() {
                ErrorClass::ConnectionLost => Ok(Batch::Lost(e)),
                class => {
                    let _ = db.execute(sql.rollback()).await;
                    if class == ErrorClass::Retry {
                        Ok(Batch::Retry(e))
                    } else {
                        Err(self.failed("updating a batch", &e))
                    }
                }
            },
        }
    }

    fn moved(&self, lane: u32) -> String {
        format!(
            "lane {lane} of {} moved under this run: another `driftgate backfill` of the same column is running; this one stops (nothing was done twice)",
            self.plan.job
        )
    }

    fn failed(&self, doing: &str, e: &DbError) -> String {
        format!("{doing} failed on {}: {e}\n  progress is saved in {}; fix the cause and run the same command again", self.url, self.plan.state_table())
    }

    /// Blocks while a replica lags more than the limit, polling the
    /// primary's view of its standbys when nobody else did lately.
    async fn wait_for_replicas(&self, db: &mut Db, lane: u32) -> Result<(), String> {
        let mut paused = false;
        loop {
            if paused {
                db.execute(&self.plan.heartbeat_sql(lane)).await.map_err(|e| self.failed("writing the heartbeat", &e))?;
            }
            if self.plan.dialect == Dialect::Postgres {
                let due = {
                    let mut lag = self.shared.lag.borrow_mut();
                    let due = !lag.polling && lag.primary_at.is_none_or(|t| t.elapsed() >= LAG_POLL);
                    lag.polling |= due;
                    due
                };
                if due {
                    let rows = db.query(core::PG_PRIMARY_LAG_SQL).await;
                    let mut lag = self.shared.lag.borrow_mut();
                    lag.polling = false;
                    lag.primary_at = Some(Instant::now());
                    match rows {
                        Ok(rows) => lag.primary = core::read_primary_lag(&rows.rows, self.shared.replicas_given),
                        Err(e) => {
                            drop(lag);
                            return Err(self.failed("reading pg_stat_replication", &e));
                        }
                    }
                }
            }
            if self.shared.decide().is_none() || self.shared.stop.get() {
                return Ok(());
            }
            paused = true;
            tokio::time::sleep(LAG_POLL / 2).await;
        }
    }
}

pub fn render_dry_run(d: &DryRun) -> String {
    let p = &d.plan;
    let key: Vec<&str> = p.key.iter().map(|k| k.name.as_str()).collect();
    let mut out = format!("backfill plan for {}.{} on {}\n", p.table, p.column, d.database);
    out += &format!("  key: {} ({})\n", p.key_source, key.join(", "));
    out += &format!("  set: {} = ({})\n  rows needing it: {}\n", p.column, p.set, p.needs_value);
    out += &match (d.rows_needing_value, d.rows_needing_value_exact) {
        (Some(n), true) => format!("  rows to update: {n} (counted)\n"),
        (Some(n), false) => format!("  rows to update: ~{n} (planner estimate; counting took longer than 10 s)\n"),
        (None, _) => "  rows to update: unknown\n".to_string(),
    };
    if let Some(t) = d.table_rows_estimate {
        out += &format!("  table rows: ~{t}\n");
    }
    out += &if d.resumes {
        format!("  state: resumes an interrupted pass ({} of {} lanes done) from {}\n", d.lanes_done, d.lanes, p.job)
    } else {
        format!("  state: a new pass (job {})\n", p.job)
    };
    out += &format!("  next batch end:\n    {}\n", d.batch_end_sql);
    if d.batch_sql.is_empty() {
        out += "  nothing left to scan\n";
    } else {
        out += "  next batch transaction:\n";
        for s in &d.batch_sql {
            out += &format!("    {s};\n");
        }
    }
    out + "Nothing was changed (dry run).\n"
}

pub fn render_summary(s: &Summary) -> String {
    let what = match s.outcome {
        Outcome::Complete => "complete".to_string(),
        Outcome::Interrupted => "stopped; progress saved — run the same command again to continue".to_string(),
        Outcome::Failed => "FAILED; progress saved".to_string(),
    };
    let mut out = format!(
        "backfill {}.{}: {what}\n  {} rows updated ({} this pass), {} rows scanned, {} batches, {} workers, {} retries\n  {:.1} s elapsed, {:.0} rows/s, p99 batch {:.0} ms, longest batch {:.0} ms, paused {:.1} s for replica lag\n",
        s.table,
        s.column,
        s.rows_updated,
        s.pass_rows_updated,
        s.rows_scanned,
        s.batches,
        s.workers,
        s.retries,
        s.elapsed_seconds,
        s.rows_per_second,
        s.p99_batch_ms,
        s.max_batch_ms,
        s.paused_seconds
    );
    if let Some(e) = &s.error {
        out += &format!("  error: {e}\n");
    }
    out
}
