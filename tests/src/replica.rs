//! Real replicas of the live test servers (see [`crate::live`]): a PostgreSQL
//! streaming replica of the primary ([`PgReplica`], `pg_basebackup -R`) and a
//! MariaDB replica that replicates one database from the primary's binary log
//! ([`MariaReplica`]). For tests of replica-lag handling (`driftgate
//! backfill`'s throttle): pause a replica, write on the primary, watch the lag.
//!
//! Both live in their own directory under the servers' directory
//! (`$DRIFTGATE_TEST_DB_DIR`, which `scripts/db-servers.sh env` exports; else
//! `$DRIFTGATE_DB_DIR`; else found from the primary's data directory) and
//! listen on the primary's port + 1 (PostgreSQL 55433, MariaDB 53307 with the
//! default ports). Dropping one stops it and removes its directory.
//!
//! **One replica of each kind at a time.** The port is fixed, so
//! `start()` waits for a process-wide lock (a static mutex, held by the
//! replica value until it is dropped) and, across processes, for a lock file
//! in the servers' directory: tests in one binary that use replicas run one
//! after another. **Put tests that use a replica in their own test binary**
//! (`tests/tests/<name>.rs`): a paused PostgreSQL replica shows up as
//! replication lag in the primary's `pg_stat_replication` for *every* test
//! using the primary at the time, and a replica makes the primary keep
//! sending WAL to it.
//!
//! ```ignore
//! use driftgate_tests::live::{psql, TestDb};
//! use driftgate_tests::replica::{MariaReplica, PgReplica};
//! let db = TestDb::postgres("throttle");
//! let replica = PgReplica::start();            // streaming, caught up
//! db.run("CREATE TABLE t (id int)").unwrap();
//! replica.wait_caught_up();
//! psql(&replica.url_for(&db.name), "SELECT count(*) FROM t").unwrap();
//! replica.pause_replay();                       // lag grows while the primary writes
//! let lag = replica.lag_seconds();
//!
//! let my = TestDb::mysql("throttle");           // empty: start the replica now,
//! let mrep = MariaReplica::start(&my.name);     // so the tables' DDL replicates
//! my.run("CREATE TABLE t (id INT PRIMARY KEY)").unwrap();
//! mrep.wait_caught_up();
//! mrep.stop_sql_thread();                       // Seconds_Behind_Master: NULL
//! ```
//!
//! A replica left behind by a test process that was killed (no `Drop`) is
//! stopped and removed by the next `start()` of the same kind; `scripts/
//! db-servers.sh stop` also stops PostgreSQL replicas (not MariaDB ones).
//!
//! # Reading PostgreSQL lag: replica side vs. primary side
//!
//! [`PgReplica::lag_seconds`] is measured on the replica and is always
//! current. The primary's `pg_stat_replication.replay_lag`
//! ([`PgReplica::primary_replay_lag`]) is only recomputed when the standby
//! sends a status reply: when it receives WAL, or every
//! `wal_receiver_status_interval` (default 10 s, left at the default here).
//! Measured with replay paused:
//! - while the primary commits every ~50 ms, `replay_lag` grows steadily, in
//!   steps of ~0.2 s, trailing the time since the pause by ~0.2–0.45 s (0.03
//!   s at 0.27 s paused, 0.8 s at 1.0 s, 2.26 s at 2.5 s);
//! - with an idle primary it freezes: paused right after catching up, one
//!   commit, then 9 s of nothing: it stayed at 0.0001 s the whole time, and
//!   jumped to the real value (9.2 s) only with the next commit;
//! - after resuming with an idle primary, the replica was caught up at once
//!   (`lag_seconds()` 0) but `replay_lag` kept its last value (2.5 s) for ~5
//!   s, until some background WAL caused a reply.
//! So a throttle that stops writing while the lag is high would see a frozen
//! primary-side value; compare `replay_lsn` with `sent_lsn` there, or read
//! the lag on the replica.

use crate::live::{mariadb, mysql_admin_url, parse_url, pg_admin_url, psql, ConnParams};
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The `application_name` a [`PgReplica`] connects to the primary with: its
/// row in the primary's `pg_stat_replication`.
pub const PG_REPLICA_APPLICATION_NAME: &str = "dg_replica";

/// How long starting a replica, or waiting for one to catch up, may take.
const WAIT: Duration = Duration::from_secs(60);

static PG_LOCK: Mutex<()> = Mutex::new(());
static MARIA_LOCK: Mutex<()> = Mutex::new(());
static COUNTER: AtomicU32 = AtomicU32::new(0);

// ------------------------------------------------------------------ helpers

/// The process-wide lock; a test that panicked while holding it has dropped
/// its replica while unwinding, so a poisoned lock is fine to take.
fn take(lock: &'static Mutex<()>) -> MutexGuard<'static, ()> {
    lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// An exclusive lock on `dir/name` across processes (released when the file
/// is closed, i.e. when the replica is dropped or its process dies).
fn file_lock(dir: &Path, name: &str) -> File {
    let path = dir.join(name);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .unwrap_or_else(|e| panic!("opening the replica lock file {}: {e}", path.display()));
    file.lock().unwrap_or_else(|e| panic!("locking {}: {e}", path.display()));
    file
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

fn user_exists(name: &str) -> bool {
    Command::new("id")
        .arg("-u")
        .arg(name)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Is a process with this pid alive (and not a zombie)?
fn pid_alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // "pid (comm) S ...": the state follows the last ')'.
        Ok(stat) => stat.rsplit_once(')').and_then(|(_, rest)| rest.trim_start().chars().next()) != Some('Z'),
        Err(_) => false,
    }
}

fn pid_comm(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).map(|s| s.trim().to_string()).unwrap_or_default()
}

/// The first line of a pid file as a pid.
fn pid_from_file(path: &Path) -> Option<u32> {
    std::fs::read_to_string(path).ok()?.lines().next()?.trim().parse().ok()
}

/// Is something accepting TCP connections on 127.0.0.1:`port`?
fn port_open(port: u16) -> bool {
    TcpStream::connect_timeout(&SocketAddr::from(([127, 0, 0, 1], port)), Duration::from_secs(1)).is_ok()
}

/// Runs `cmd`; Ok(stdout) on success, Err(what failed, with stderr) otherwise.
fn run(cmd: &mut Command, what: &str) -> Result<String, String> {
    let out = cmd.stdin(Stdio::null()).output().map_err(|e| format!("{what}: could not run it: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "{what} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim_end(),
            String::from_utf8_lossy(&out.stdout).trim_end()
        ))
    }
}

/// The last lines of a log file, for panic messages.
fn log_tail(path: &Path) -> String {
    match std::fs::read_to_string(path) {
        Ok(s) => {
            let lines: Vec<&str> = s.lines().collect();
            let from = lines.len().saturating_sub(30);
            format!("--- last lines of {}:\n{}", path.display(), lines[from..].join("\n"))
        }
        Err(e) => format!("--- (no log at {}: {e})", path.display()),
    }
}

/// Percent-encodes what a URL's userinfo or path must not hold verbatim.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn url(scheme: &str, p: &ConnParams, port: u16, db: &str) -> String {
    let auth = match &p.password {
        Some(pw) => format!("{}:{}", encode(&p.user), encode(pw)),
        None => encode(&p.user),
    };
    format!("{scheme}://{auth}@127.0.0.1:{port}/{}", encode(db))
}

/// The servers' directory: `$DRIFTGATE_TEST_DB_DIR` (`db-servers.sh env`),
/// else `$DRIFTGATE_DB_DIR`, else two levels above the primary's data
/// directory (`<dir>/pg/data`, `<dir>/mariadb/data`).
fn servers_dir(primary_data_dir: impl FnOnce() -> Result<String, String>) -> PathBuf {
    let from_env = ["DRIFTGATE_TEST_DB_DIR", "DRIFTGATE_DB_DIR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()));
    let dir = match from_env {
        Some(d) => PathBuf::from(d),
        None => {
            let data = primary_data_dir().unwrap_or_else(|e| panic!("asking the primary for its data directory: {e}"));
            let data = PathBuf::from(data.trim().trim_end_matches('/'));
            data.parent().and_then(Path::parent).map(Path::to_path_buf).unwrap_or_else(|| {
                panic!("cannot tell the servers' directory from the data directory {}", data.display())
            })
        }
    };
    if !dir.is_dir() {
        panic!(
            "the database servers' directory {} does not exist: start the servers with scripts/db-servers.sh \
             start (or run via scripts/with-db.sh) and export what scripts/db-servers.sh env prints",
            dir.display()
        );
    }
    dir
}

/// `<prefix>-<pid>-<n>`: a fresh directory name for this process.
fn fresh_name(prefix: &str) -> String {
    format!("{prefix}-{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// Directories `<prefix>-<pid>-<n>` in `dir` whose process is gone.
fn orphans(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(rest) = name.strip_prefix(prefix).and_then(|r| r.strip_prefix('-')) else { return false };
            match rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) {
                Some(pid) => pid != std::process::id() && !pid_alive(pid),
                None => false,
            }
        })
        .map(|e| e.path())
        .collect()
}

fn remove_dir(dir: &Path) {
    if let Err(e) = std::fs::remove_dir_all(dir) {
        if dir.exists() {
            eprintln!("warning: could not remove replica directory {}: {e}", dir.display());
        }
    }
}

/// Polls `check` until it returns Some or `WAIT` passes (then None).
fn poll<T>(mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(v) = check() {
            return Some(v);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

// ------------------------------------------------------------------ PostgreSQL

fn pg_bin() -> PathBuf {
    match std::env::var("PG_BIN") {
        Ok(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from("/usr/lib/postgresql/15/bin"),
    }
}

/// A PostgreSQL program run as the server's OS user: `postgres` when we are
/// root (initdb, pg_ctl and postgres refuse root), else ourselves; from
/// `cwd`, which that user can read.
fn pg_command(program: &str, cwd: &Path) -> Command {
    let program = pg_bin().join(program);
    let mut cmd = if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.current_dir(cwd);
    cmd
}

/// Stops the cluster in `data` at once (no panic): pg_ctl, else SIGKILL.
fn pg_stop_immediate(data: &Path, cwd: &Path) {
    let pidfile = data.join("postmaster.pid");
    let Some(pid) = pid_from_file(&pidfile) else { return };
    if !pid_alive(pid) {
        return;
    }
    let stopped = run(
        pg_command("pg_ctl", cwd).arg("-D").arg(data).args(["-m", "immediate", "-w", "-t", "30", "stop"]),
        "pg_ctl stop",
    );
    if let Err(e) = stopped {
        eprintln!("warning: {e}; killing pid {pid}");
        let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
    }
}

/// A config-file string literal: `'…'` with `'` doubled and `\` escaped.
fn conf_quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
}

/// A libpq conninfo value: `'…'` with `'` and `\` backslash-escaped.
fn conninfo_quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A streaming replica of the live PostgreSQL primary (`pg_basebackup -R`,
/// `hot_standby = on`), on the primary's port + 1, connected with
/// `application_name` [`PG_REPLICA_APPLICATION_NAME`]. Stopped
/// (`pg_ctl stop -m immediate`) and removed on drop. See the module docs for
/// why tests using one belong in their own test binary.
pub struct PgReplica {
    /// `<servers dir>/pg-replica-<pid>-<n>`: the socket, the log, `data/`.
    pub dir: PathBuf,
    pub port: u16,
    data: PathBuf,
    servers_dir: PathBuf,
    params: ConnParams,
    primary_url: String,
    // Dropped after `Drop::drop` has stopped the server, in this order.
    _file_lock: File,
    _guard: MutexGuard<'static, ()>,
}

impl PgReplica {
    /// Makes and starts a replica of the primary at `DRIFTGATE_TEST_PG_URL`;
    /// returns once it accepts connections and the primary shows it
    /// `streaming`. Waits while another replica of this process (or another
    /// process using the same servers) exists. Panics when the servers are not
    /// running or the replica does not come up (with its log).
    pub fn start() -> PgReplica {
        let primary_url = pg_admin_url();
        let guard = take(&PG_LOCK);
        let params = parse_url(&primary_url).unwrap_or_else(|e| panic!("DRIFTGATE_TEST_PG_URL: {e}"));
        let primary_port = params.port.unwrap_or(5432);
        let port = primary_port + 1;
        if let Err(e) = psql(&primary_url, "SELECT 1") {
            panic!(
                "the PostgreSQL primary at {}:{primary_port} is not reachable ({e}); start the servers with \
                 scripts/db-servers.sh start or run via scripts/with-db.sh",
                params.host
            );
        }
        let servers_dir = servers_dir(|| psql(&primary_url, "SHOW data_directory"));
        let file_lock = file_lock(&servers_dir, "pg-replica.lock");
        for dir in orphans(&servers_dir, "pg-replica") {
            eprintln!("removing replica {} left by a process that is gone", dir.display());
            pg_stop_immediate(&dir.join("data"), &servers_dir);
            remove_dir(&dir);
        }
        if port_open(port) {
            panic!(
                "port {port} (the replica's: the primary's + 1) is already in use on 127.0.0.1 ({}); \
                 stop whatever listens there",
                Command::new("ss")
                    .args(["-ltnpH", &format!("sport = :{port}")])
                    .output()
                    .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                    .unwrap_or_default()
            );
        }

        let dir = servers_dir.join(fresh_name("pg-replica"));
        std::fs::create_dir(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        // From here on, a panic drops the replica: stops it, removes `dir`.
        let replica = PgReplica {
            data: dir.join("data"),
            dir,
            port,
            servers_dir,
            params,
            primary_url,
            _file_lock: file_lock,
            _guard: guard,
        };
        replica.create_and_start();
        replica
    }

    fn create_and_start(&self) {
        let p = &self.params;
        let primary_port = self.port - 1;
        if is_root() {
            run(Command::new("chown").arg("postgres:").arg(&self.dir), "chown postgres")
                .unwrap_or_else(|e| panic!("{e}"));
        }
        // The base backup: -R writes standby.signal and a primary_conninfo,
        // which the settings below override (to add application_name).
        let mut backup = pg_command("pg_basebackup", &self.dir);
        backup
            .args(["-h", &p.host, "-p", &primary_port.to_string(), "-U", &p.user, "-D"])
            .arg(&self.data)
            .args(["-R", "-X", "stream", "-c", "fast", "--no-sync", "-w"])
            .env_remove("PGSERVICE")
            .env_remove("PGOPTIONS")
            .env("PGCONNECT_TIMEOUT", "10");
        match &p.password {
            Some(pw) => backup.env("PGPASSWORD", pw),
            None => backup.env_remove("PGPASSWORD"),
        };
        run(&mut backup, "pg_basebackup").unwrap_or_else(|e| panic!("making the replica: {e}"));

        let mut conninfo = format!(
            "host={} port={primary_port} user={} application_name={PG_REPLICA_APPLICATION_NAME}",
            conninfo_quote(&p.host),
            conninfo_quote(&p.user)
        );
        if let Some(pw) = &p.password {
            conninfo.push_str(&format!(" password={}", conninfo_quote(pw)));
        }
        let settings = format!(
            "\n# --- driftgate test replica (tests/src/replica.rs) ---\n\
             port = {}\n\
             listen_addresses = '127.0.0.1'\n\
             unix_socket_directories = {}\n\
             hot_standby = on\n\
             primary_conninfo = {}\n",
            self.port,
            conf_quote(&self.dir.to_string_lossy()),
            conf_quote(&conninfo)
        );
        // postgresql.auto.conf (where -R wrote primary_conninfo) is read last,
        // and within it the last line wins.
        let auto_conf = self.data.join("postgresql.auto.conf");
        OpenOptions::new()
            .append(true)
            .open(&auto_conf)
            .and_then(|mut f| f.write_all(settings.as_bytes()))
            .unwrap_or_else(|e| panic!("writing {}: {e}", auto_conf.display()));

        let log = self.dir.join("postgres.log");
        let started = run(
            pg_command("pg_ctl", &self.dir).arg("-D").arg(&self.data).arg("-l").arg(&log).args([
                "-w",
                "-t",
                &WAIT.as_secs().to_string(),
                "start",
            ]),
            "pg_ctl start",
        );
        if let Err(e) = started {
            panic!("starting the replica: {e}\n{}", log_tail(&log));
        }

        let streaming = format!(
            "SELECT count(*) FROM pg_stat_replication WHERE application_name = '{PG_REPLICA_APPLICATION_NAME}' \
             AND state = 'streaming'"
        );
        let up = poll(|| {
            let accepts = psql(&self.url(), "SELECT pg_is_in_recovery()").ok()? == "t";
            (accepts && psql(&self.primary_url, &streaming).ok()? == "1").then_some(())
        });
        if up.is_none() {
            panic!(
                "the replica on port {} did not accept connections and stream from the primary within {}s \
                 (replica: {:?}; primary's pg_stat_replication: {:?})\n{}",
                self.port,
                WAIT.as_secs(),
                psql(&self.url(), "SELECT pg_is_in_recovery()"),
                psql(&self.primary_url, "SELECT application_name, state FROM pg_stat_replication"),
                log_tail(&log)
            );
        }
    }

    /// The admin user's URL for database `postgres` on the replica.
    pub fn url(&self) -> String {
        self.url_for("postgres")
    }

    /// The admin user's URL for database `db` on the replica (read-only).
    pub fn url_for(&self, db: &str) -> String {
        url("postgres", &self.params, self.port, db)
    }

    fn query(&self, sql: &str) -> String {
        psql(&self.url(), sql).unwrap_or_else(|e| panic!("on the replica (port {}): {sql}: {e}", self.port))
    }

    /// `SELECT pg_wal_replay_pause()` on the replica: WAL keeps arriving, but
    /// is not replayed (takes effect before the next record is replayed).
    pub fn pause_replay(&self) {
        self.query("SELECT pg_wal_replay_pause()");
    }

    /// `SELECT pg_wal_replay_resume()` on the replica.
    pub fn resume_replay(&self) {
        self.query("SELECT pg_wal_replay_resume()");
    }

    /// The replica's lag as measured on the replica: 0 when everything
    /// received has been replayed (`pg_last_wal_receive_lsn() =
    /// pg_last_wal_replay_lsn()`), else `now() - pg_last_xact_replay_timestamp()`
    /// in seconds; `f64::INFINITY` when behind but no transaction has been
    /// replayed since the replica started (no timestamp to measure from).
    pub fn lag_seconds(&self) -> f64 {
        let out = self.query(
            "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 \
             ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END",
        );
        if out.is_empty() {
            return f64::INFINITY;
        }
        out.parse().unwrap_or_else(|e| panic!("lag on the replica: {out:?}: {e}"))
    }

    /// `extract(epoch FROM replay_lag)` of this replica's row in the primary's
    /// `pg_stat_replication` (None while NULL, or when there is no row).
    /// Only updated when the standby replies (see the module docs): it grows
    /// while paused only as long as the primary keeps writing.
    pub fn primary_replay_lag(&self) -> Option<f64> {
        let sql = format!(
            "SELECT extract(epoch FROM replay_lag) FROM pg_stat_replication \
             WHERE application_name = '{PG_REPLICA_APPLICATION_NAME}'"
        );
        let out = psql(&self.primary_url, &sql).unwrap_or_else(|e| panic!("on the primary: {sql}: {e}"));
        out.lines().next().filter(|l| !l.is_empty()).map(|l| l.parse().expect("a number"))
    }

    /// Waits until the replica has replayed everything the primary had
    /// written when this was called (replay must not be paused); panics after
    /// a minute.
    pub fn wait_caught_up(&self) {
        let target = psql(&self.primary_url, "SELECT pg_current_wal_lsn()")
            .unwrap_or_else(|e| panic!("pg_current_wal_lsn() on the primary: {e}"));
        let sql = format!("SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn");
        if poll(|| (psql(&self.url(), &sql).ok()? == "t").then_some(())).is_none() {
            panic!(
                "the replica did not replay up to the primary's {target} within {}s (replay paused: {:?})",
                WAIT.as_secs(),
                psql(&self.url(), "SELECT pg_get_wal_replay_pause_state()")
            );
        }
    }
}

impl Drop for PgReplica {
    fn drop(&mut self) {
        pg_stop_immediate(&self.data, &self.servers_dir);
        remove_dir(&self.dir);
    }
}

// ------------------------------------------------------------------ MariaDB

/// `Column: value` lines of the client's `--vertical` output (one row).
fn vertical(out: &str) -> HashMap<String, String> {
    out.lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .filter(|(k, _)| !k.starts_with('*'))
        .collect()
}

/// Kills the `mariadbd`s of replicas under `servers_dir` whose test process
/// is gone (killed before its `Drop` ran). Found by their command line, not
/// their pid file: `db-servers.sh start` wipes the directory but does not
/// stop them.
fn kill_orphan_mariadbds(servers_dir: &Path) {
    let marker = format!("--defaults-file={}/mariadb-replica-", servers_dir.display());
    let Ok(procs) = std::fs::read_dir("/proc") else { return };
    for entry in procs.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        if pid_comm(pid) != "mariadbd" {
            continue;
        }
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else { continue };
        let cmdline = String::from_utf8_lossy(&cmdline).into_owned();
        let Some(rest) = cmdline.split('\0').find_map(|arg| arg.strip_prefix(&marker)) else { continue };
        let owner = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if owner.is_some_and(|o| o == std::process::id() || pid_alive(o)) {
            continue;
        }
        eprintln!(
            "killing mariadbd {pid} of a replica left by a process that is gone: {}",
            cmdline.replace('\0', " ").trim_end()
        );
        let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while pid_alive(pid) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// `SHOW MASTER STATUS` on the primary: (file, position).
fn master_position(primary_url: &str) -> (String, u64) {
    let out = mariadb(primary_url, "SHOW MASTER STATUS").unwrap_or_else(|e| panic!("SHOW MASTER STATUS: {e}"));
    let mut cols = out.lines().next().unwrap_or("").split('\t');
    match (cols.next().filter(|f| !f.is_empty()), cols.next().and_then(|p| p.parse().ok())) {
        (Some(file), Some(pos)) => (file.to_string(), pos),
        _ => panic!(
            "the MariaDB primary has no binary log (SHOW MASTER STATUS: {out:?}); its my.cnf needs log_bin: \
             restart the servers with scripts/db-servers.sh stop && scripts/db-servers.sh start"
        ),
    }
}

fn sql_quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A MariaDB replica of one database of the live MariaDB primary: its own
/// `mariadbd` (server_id 2) on the primary's port + 1, replicating
/// `database` only (`replicate_wild_do_table = <database>.%`) from the
/// primary's binary log position at `start()`. Shut down and removed on drop.
pub struct MariaReplica {
    /// `<servers dir>/mariadb-replica-<pid>-<n>`: my.cnf, data/, socket, log.
    pub dir: PathBuf,
    pub port: u16,
    pub database: String,
    params: ConnParams,
    primary_url: String,
    child: Option<Child>,
    _file_lock: File,
    _guard: MutexGuard<'static, ()>,
}

impl MariaReplica {
    /// Starts a replica of `database`, which must exist on the primary
    /// (`TestDb::mysql`) and should still be empty: the replica creates it
    /// empty and applies what the primary writes from now on, so tables
    /// created after this returns (DDL included) replicate. Returns once both
    /// replication threads run. Panics when the servers are not running, the
    /// primary has no binary log, or the replica does not come up.
    pub fn start(database: &str) -> MariaReplica {
        let primary_url = mysql_admin_url();
        let guard = take(&MARIA_LOCK);
        let params = parse_url(&primary_url).unwrap_or_else(|e| panic!("DRIFTGATE_TEST_MYSQL_URL: {e}"));
        let primary_port = params.port.unwrap_or(3306);
        let port = primary_port + 1;
        if let Err(e) = mariadb(&primary_url, "SELECT 1") {
            panic!(
                "the MariaDB primary at {}:{primary_port} is not reachable ({e}); start the servers with \
                 scripts/db-servers.sh start or run via scripts/with-db.sh",
                params.host
            );
        }
        // Everything the primary writes after this replicates.
        let (log_file, log_pos) = master_position(&primary_url);
        let servers_dir = servers_dir(|| mariadb(&primary_url, "SELECT @@datadir"));
        let file_lock = file_lock(&servers_dir, "mariadb-replica.lock");
        kill_orphan_mariadbds(&servers_dir);
        for dir in orphans(&servers_dir, "mariadb-replica") {
            eprintln!("removing replica {} left by a process that is gone", dir.display());
            remove_dir(&dir);
        }
        if port_open(port) {
            panic!("port {port} (the MariaDB replica's: the primary's + 1) is already in use on 127.0.0.1");
        }

        let dir = servers_dir.join(fresh_name("mariadb-replica"));
        std::fs::create_dir(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        let mut replica = MariaReplica {
            dir,
            port,
            database: database.to_string(),
            params,
            primary_url,
            child: None,
            _file_lock: file_lock,
            _guard: guard,
        };
        replica.create_and_start(primary_port, &log_file, log_pos);
        replica
    }

    fn socket(&self) -> PathBuf {
        self.dir.join("mariadb.sock")
    }

    /// SQL as root over the replica's socket file (no password): rows one
    /// per line, columns separated by tabs, no column names.
    fn root_sql(&self, sql: &str) -> Result<String, String> {
        self.root_client(&["--batch", "--skip-column-names"], sql)
    }

    fn root_client(&self, format: &[&str], sql: &str) -> Result<String, String> {
        run(
            Command::new("mariadb")
                .arg("--no-defaults")
                .arg(format!("--socket={}", self.socket().display()))
                .arg("-uroot")
                .args(format)
                .args(["-e", sql]),
            "mariadb (replica socket)",
        )
        .map(|s| s.trim_end_matches('\n').to_string())
    }

    fn create_and_start(&mut self, primary_port: u16, log_file: &str, log_pos: u64) {
        // As root mariadbd needs a user to switch to: `mysql` when there is
        // one (like scripts/db-servers.sh).
        let mysql_user = is_root() && user_exists("mysql");
        let user_line = match (is_root(), mysql_user) {
            (false, _) => "",
            (true, true) => "user = mysql",
            (true, false) => "user = root",
        };
        let d = self.dir.display();
        let cnf = format!(
            "# driftgate test replica (tests/src/replica.rs)\n\
             [mysqld]\n\
             {user_line}\n\
             datadir = {d}/data\n\
             socket = {d}/mariadb.sock\n\
             pid-file = {d}/mariadbd.pid\n\
             log-error = {d}/mariadbd.log\n\
             bind-address = 127.0.0.1\n\
             port = {port}\n\
             skip-name-resolve\n\
             character-set-server = utf8mb4\n\
             collation-server = utf8mb4_general_ci\n\
             innodb_buffer_pool_size = 64M\n\
             innodb_flush_log_at_trx_commit = 2\n\
             innodb_log_file_size = 16M\n\
             max_connections = 50\n\
             server_id = 2\n\
             relay_log = {d}/relay-bin\n\
             skip_slave_start\n",
            port = self.port
        );
        let cnf_path = self.dir.join("my.cnf");
        std::fs::write(&cnf_path, cnf).unwrap_or_else(|e| panic!("writing {}: {e}", cnf_path.display()));
        if mysql_user {
            run(Command::new("chown").arg("mysql:").arg(&self.dir), "chown mysql").unwrap_or_else(|e| panic!("{e}"));
        }
        let install = run(
            Command::new("mariadb-install-db")
                .arg(format!("--defaults-file={}", cnf_path.display()))
                .args(["--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"])
                .current_dir(&self.dir),
            "mariadb-install-db",
        );
        if let Err(e) = install {
            panic!("making the MariaDB replica: {e}\n{}", log_tail(&self.dir.join("mariadbd.log")));
        }
        if mysql_user {
            run(Command::new("chown").args(["-R", "mysql:"]).arg(&self.dir), "chown -R mysql")
                .unwrap_or_else(|e| panic!("{e}"));
        }

        let out_path = self.dir.join("mariadbd.out");
        let out = File::create(&out_path).unwrap_or_else(|e| panic!("creating {}: {e}", out_path.display()));
        let err = out.try_clone().expect("cloning a file handle");
        let child = Command::new("mariadbd")
            .arg(format!("--defaults-file={}", cnf_path.display()))
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| panic!("could not run mariadbd: {e}"));
        self.child = Some(child);

        let log = self.dir.join("mariadbd.log");
        let up = poll(|| {
            if let Some(status) = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
                panic!("the MariaDB replica's mariadbd exited during startup ({status})\n{}", log_tail(&log));
            }
            self.root_sql("SELECT 1").ok()
        });
        if up.is_none() {
            panic!("the MariaDB replica did not accept connections within {}s\n{}", WAIT.as_secs(), log_tail(&log));
        }

        let p = &self.params;
        let pw = p.password.as_deref().unwrap_or("");
        let mut setup = String::new();
        for host in ["%", "127.0.0.1", "localhost"] {
            setup.push_str(&format!(
                "CREATE USER {u}@{h} IDENTIFIED BY {pw}; GRANT ALL PRIVILEGES ON *.* TO {u}@{h} WITH GRANT OPTION;\n",
                u = sql_quote(&p.user),
                h = sql_quote(host),
                pw = sql_quote(pw)
            ));
        }
        // Only this database: every table in it, DDL included (wild_do_table
        // looks at the tables a statement touches, not at the session's
        // default database as replicate_do_db does); `_` escaped, it is a
        // wildcard there.
        let filter = format!("{}.%", self.database.replace('\\', "\\\\").replace('_', "\\_").replace('%', "\\%"));
        setup.push_str(&format!(
            "CREATE DATABASE `{db}`;\n\
             SET GLOBAL replicate_wild_do_table = {filter};\n\
             CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = {primary_port}, MASTER_USER = {user}, \
             MASTER_PASSWORD = {pw}, MASTER_LOG_FILE = {file}, MASTER_LOG_POS = {log_pos}, \
             MASTER_USE_GTID = no, MASTER_CONNECT_RETRY = 1;\n\
             START SLAVE;",
            db = self.database.replace('`', "``"),
            filter = sql_quote(&filter),
            user = sql_quote(&p.user),
            pw = sql_quote(pw),
            file = sql_quote(log_file),
        ));
        if let Err(e) = self.root_sql(&setup) {
            panic!("setting up replication on the MariaDB replica: {e}\n{}", log_tail(&log));
        }

        let running = poll(|| {
            let s = self.slave_status();
            (s.get("Slave_IO_Running").map(String::as_str) == Some("Yes")
                && s.get("Slave_SQL_Running").map(String::as_str) == Some("Yes"))
            .then_some(())
        });
        if running.is_none() {
            let s = self.slave_status();
            panic!(
                "MariaDB replication did not start within {}s: Slave_IO_Running {:?} ({:?}), \
                 Slave_SQL_Running {:?} ({:?})\n{}",
                WAIT.as_secs(),
                s.get("Slave_IO_Running"),
                s.get("Last_IO_Error"),
                s.get("Slave_SQL_Running"),
                s.get("Last_SQL_Error"),
                log_tail(&log)
            );
        }
    }

    /// The admin user's URL for the replicated database on the replica.
    pub fn url(&self) -> String {
        url("mysql", &self.params, self.port, &self.database)
    }

    fn query(&self, sql: &str) -> String {
        self.root_sql(sql).unwrap_or_else(|e| panic!("on the MariaDB replica (port {}): {sql}: {e}", self.port))
    }

    /// `SHOW SLAVE STATUS` as column → value (empty when not a replica, or
    /// when the query fails).
    pub fn slave_status(&self) -> HashMap<String, String> {
        self.root_client(&["--batch", "--vertical"], "SHOW SLAVE STATUS").map(|out| vertical(&out)).unwrap_or_default()
    }

    /// `STOP SLAVE SQL_THREAD`: events keep arriving in the relay log but are
    /// not applied; `Seconds_Behind_Master` is NULL meanwhile.
    pub fn stop_sql_thread(&self) {
        self.query("STOP SLAVE SQL_THREAD");
    }

    /// `START SLAVE SQL_THREAD`.
    pub fn start_sql_thread(&self) {
        self.query("START SLAVE SQL_THREAD");
    }

    /// `Seconds_Behind_Master` from `SHOW SLAVE STATUS`: None when NULL (the
    /// SQL or IO thread is not running).
    pub fn seconds_behind(&self) -> Option<f64> {
        self.slave_status().get("Seconds_Behind_Master").and_then(|v| v.parse().ok())
    }

    /// Waits until the replica has applied the primary's binary log up to
    /// where it was when this was called (`MASTER_POS_WAIT`); panics after a
    /// minute or when the SQL thread is not running.
    pub fn wait_caught_up(&self) {
        let (file, pos) = master_position(&self.primary_url);
        let sql = format!("SELECT MASTER_POS_WAIT({}, {pos}, {})", sql_quote(&file), WAIT.as_secs());
        let out = self.query(&sql);
        if out == "NULL" || out == "-1" || out.is_empty() {
            let s = self.slave_status();
            panic!(
                "the MariaDB replica did not apply the primary's binary log up to {file}:{pos} ({}; \
                 Slave_SQL_Running {:?}, Last_SQL_Error {:?}, Exec_Master_Log_Pos {:?})",
                if out == "-1" {
                    format!("timed out after {}s", WAIT.as_secs())
                } else {
                    "SQL thread not running".into()
                },
                s.get("Slave_SQL_Running"),
                s.get("Last_SQL_Error"),
                s.get("Exec_Master_Log_Pos")
            );
        }
    }
}

impl Drop for MariaReplica {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // A clean shutdown (TERM, as db-servers.sh does), else KILL.
            let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                match child.try_wait() {
                    Ok(Some(_)) => break,
                    Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(100)),
                    _ => {
                        eprintln!("warning: the MariaDB replica (pid {}) did not stop; killing it", child.id());
                        let _ = child.kill();
                        let _ = child.wait();
                        break;
                    }
                }
            }
        }
        remove_dir(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(conf_quote(r"a'b\c"), r"'a''b\\c'");
        assert_eq!(conninfo_quote(r"a'b\c"), r"'a\'b\\c'");
        assert_eq!(encode("dg-admin_pw.4711~"), "dg-admin_pw.4711~");
        assert_eq!(encode("p@ss:w/rd"), "p%40ss%3Aw%2Frd");
        let p = parse_url("postgres://u%40x:p%3Aw@h:1/db").unwrap();
        assert_eq!(url("postgres", &p, 2, "d b"), "postgres://u%40x:p%3Aw@127.0.0.1:2/d%20b");
        assert_eq!(parse_url(&url("postgres", &p, 2, "d b")).unwrap().password.as_deref(), Some("p:w"));
    }

    #[test]
    fn parses_vertical_status() {
        let s = vertical(
            "*************************** 1. row ***************************\n\
             \x20              Slave_IO_State: Waiting for master to send event\n\
             \x20       Seconds_Behind_Master: NULL\n\
             \x20         Master_Host: 127.0.0.1\n",
        );
        assert_eq!(s.get("Seconds_Behind_Master").map(String::as_str), Some("NULL"));
        assert_eq!(s.get("Master_Host").map(String::as_str), Some("127.0.0.1"));
        assert_eq!(s.len(), 3);
    }
}
