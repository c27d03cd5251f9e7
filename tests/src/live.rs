//! Live-database test helpers: real PostgreSQL 15, MariaDB and PgBouncer
//! (transaction pooling) started by `scripts/db-servers.sh`, reached through
//! the `psql` and `mariadb` command-line clients (no Rust database crates, no
//! async runtime).
//!
//! The servers' addresses come from the environment that
//! `scripts/db-servers.sh env` prints (`scripts/with-db.sh` and
//! `scripts/test.sh` set it). When it is missing every helper here panics:
//! a live test never silently passes without a database.
//!
//! ```ignore
//! use driftgate_tests::live::{psql, TestDb};
//! let db = TestDb::postgres("deploy");          // fresh database, dropped on drop
//! db.run("CREATE TABLE t (id int)").unwrap();
//! let rows = psql(db.bouncer(), "SELECT count(*) FROM t").unwrap(); // via PgBouncer
//! ```
//!
//! Users a test creates (`CREATE ROLE x LOGIN PASSWORD 'p'`) can log in
//! through PgBouncer too: it looks their SCRAM secret up in `pg_shadow` with
//! `auth_query`. Roles are cluster-wide: give them unique names
//! ([`unique_name`]) and drop them when done.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The core's dialect (Postgres, or Mysql for MySQL and MariaDB).
pub use driftgate_core::Dialect;

const HOW_TO_RUN: &str = "live-database tests need real servers: run them via \
     scripts/with-db.sh cargo test ... or scripts/test.sh";

/// The value of env var `var`, or a panic telling how to run live tests.
fn required(var: &str, value: Option<String>) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v,
        _ => panic!("{var} is not set. {HOW_TO_RUN}"),
    }
}

fn env_url(var: &str) -> String {
    required(var, std::env::var(var).ok())
}

/// `postgres://dg_admin:…@127.0.0.1:55432/postgres`: superuser on the primary.
pub fn pg_admin_url() -> String {
    env_url("DRIFTGATE_TEST_PG_URL")
}

/// `mysql://dg_admin:…@127.0.0.1:53306/mysql`: ALL PRIVILEGES WITH GRANT OPTION.
pub fn mysql_admin_url() -> String {
    env_url("DRIFTGATE_TEST_MYSQL_URL")
}

/// `postgres://dg_admin:…@127.0.0.1:56432/postgres`: the same superuser
/// through PgBouncer (transaction pooling). Database `pgbouncer` on this
/// address is PgBouncer's admin console (`SHOW CONFIG`, `SHOW POOLS`, …).
pub fn pgbouncer_admin_url() -> String {
    env_url("DRIFTGATE_TEST_PGBOUNCER_URL")
}

// ------------------------------------------------------------------ URLs

/// The parts of a `postgres://` / `mysql://` URL the clients need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnParams {
    pub user: String,
    pub password: Option<String>,
    pub host: String,
    pub port: Option<u16>,
    pub dbname: Option<String>,
}

/// Parses `scheme://user[:password]@host[:port][/db][?…]` (query ignored;
/// user, password and db percent-decoded). Enough for the URLs above and
/// those the tests derive from them; not a general URL parser.
pub fn parse_url(url: &str) -> Result<ConnParams, String> {
    let (scheme, rest) = url.split_once("://").ok_or_else(|| format!("not a URL: {url}"))?;
    if !matches!(scheme, "postgres" | "postgresql" | "mysql" | "mariadb") {
        return Err(format!("unsupported scheme {scheme:?} in {url}"));
    }
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, authority),
    };
    let (user, password) = match userinfo {
        Some(u) => match u.split_once(':') {
            Some((user, pw)) => (decode(user)?, Some(decode(pw)?)),
            None => (decode(u)?, None),
        },
        None => (String::new(), None),
    };
    let (host, port) = if let Some(h) = hostport.strip_prefix('[') {
        // [::1]:5432
        let (h, after) = h.split_once(']').ok_or_else(|| format!("bad host in {url}"))?;
        (h.to_string(), after.strip_prefix(':'))
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (hostport.to_string(), None),
        }
    };
    let port = match port {
        Some(p) if !p.is_empty() => Some(p.parse::<u16>().map_err(|_| format!("bad port {p:?} in {url}"))?),
        _ => None,
    };
    if host.is_empty() {
        return Err(format!("no host in {url}"));
    }
    let dbname = if path.is_empty() { None } else { Some(decode(path)?) };
    Ok(ConnParams { user, password, host, port, dbname })
}

/// `url` with its database replaced by `db` (query string dropped).
pub fn with_database(url: &str, db: &str) -> String {
    let base = url.split(['?', '#']).next().unwrap_or(url);
    let (scheme, rest) = base.split_once("://").unwrap_or(("", base));
    let authority = rest.split_once('/').map_or(rest, |(a, _)| a);
    format!("{scheme}://{authority}/{db}")
}

fn decode(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3).ok_or_else(|| format!("bad escape in {s:?}"))?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| format!("bad escape in {s:?}"))?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| format!("not UTF-8 after decoding: {s:?}"))
}

// ------------------------------------------------------------------ clients

/// `$PG_BIN/psql` when PG_BIN is set (db-servers.sh env sets it), else `psql`.
fn psql_program() -> String {
    match std::env::var("PG_BIN") {
        Ok(dir) if !dir.is_empty() => format!("{dir}/psql"),
        _ => "psql".to_string(),
    }
}

/// Runs `sql` (one or more statements, as a script: each statement on its own,
/// so `CREATE DATABASE` works) with `psql -X -v ON_ERROR_STOP=1 -At` against
/// `url`. Ok: stdout without its final newline (rows one per line, columns
/// separated by `|`). Err: psql's stderr (connection or SQL error).
pub fn psql(url: &str, sql: &str) -> Result<String, String> {
    run_client(psql_command(url)?, "psql", sql)
}

/// The `psql` command [`psql`] runs (connection options and password set),
/// for tests that drive a session themselves (`\watch`, long-held locks).
pub fn psql_command(url: &str) -> Result<Command, String> {
    let p = parse_url(url)?;
    let mut cmd = Command::new(psql_program());
    cmd.args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-h", &p.host]);
    if let Some(port) = p.port {
        cmd.args(["-p", &port.to_string()]);
    }
    if !p.user.is_empty() {
        cmd.args(["-U", &p.user]);
    }
    // -d last and as a keyword: a database name starting with `-` or holding
    // `=` must not be read as an option or a connection string.
    cmd.arg("-d").arg(format!(
        "dbname='{}'",
        p.dbname.as_deref().unwrap_or("postgres").replace('\\', "\\\\").replace('\'', "\\'")
    ));
    cmd.env_remove("PGPASSWORD").env_remove("PGSERVICE").env_remove("PGOPTIONS").env("PGCONNECT_TIMEOUT", "10");
    if let Some(pw) = &p.password {
        cmd.env("PGPASSWORD", pw);
    }
    Ok(cmd)
}

/// Runs `sql` with `mariadb --batch --skip-column-names` against `url` over
/// TCP. Ok: stdout without its final newline (rows one per line, columns
/// separated by tabs). Err: the client's stderr.
pub fn mariadb(url: &str, sql: &str) -> Result<String, String> {
    let p = parse_url(url)?;
    let mut cmd = Command::new("mariadb");
    // --no-defaults: no /etc/mysql or ~/.my.cnf; it must come first.
    cmd.args(["--no-defaults", "--batch", "--skip-column-names", "--protocol=TCP", "--connect-timeout=10"]);
    cmd.arg(format!("--host={}", p.host));
    if let Some(port) = p.port {
        cmd.arg(format!("--port={port}"));
    }
    if !p.user.is_empty() {
        cmd.arg(format!("--user={}", p.user));
    }
    if let Some(db) = &p.dbname {
        cmd.arg(format!("--database={db}"));
    }
    cmd.env_remove("MYSQL_PWD");
    if let Some(pw) = &p.password {
        cmd.env("MYSQL_PWD", pw);
    }
    run_client(cmd, "mariadb", sql)
}

fn run_client(mut cmd: Command, name: &str, sql: &str) -> Result<String, String> {
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("could not run {name}: {e}. {HOW_TO_RUN}"))?;
    // Feed stdin from a thread: a big script and a big result could otherwise
    // fill both pipes and deadlock.
    let mut stdin = child.stdin.take().expect("piped stdin");
    let script = sql.to_string();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(script.as_bytes());
        let _ = stdin.write_all(b"\n");
    });
    let out = child.wait_with_output().map_err(|e| format!("{name}: {e}"))?;
    let _ = writer.join();
    if out.status.success() {
        let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
        if s.ends_with('\n') {
            s.pop();
        }
        Ok(s)
    } else {
        let err = String::from_utf8_lossy(&out.stderr).trim_end().to_string();
        Err(if err.is_empty() { format!("{name} failed ({})", out.status) } else { err })
    }
}

// ------------------------------------------------------------------ databases

/// A lowercase name unique to this process and moment, usable unquoted as a
/// database or role name on both servers (at most 63 bytes):
/// `{prefix}_{pid}_{counter}_{nanos}`.
pub fn unique_name(prefix: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let suffix = format!("_{}_{n}_{nanos}", std::process::id());
    let mut p: String = prefix
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' })
        .collect();
    if !p.starts_with(|c: char| c.is_ascii_lowercase() || c == '_') {
        p.insert(0, 't');
    }
    p.truncate(63 - suffix.len());
    p + &suffix
}

/// A fresh, uniquely named database on the live PostgreSQL or MariaDB server,
/// dropped when this value is dropped (set DRIFTGATE_TEST_KEEP_DBS=1 to keep
/// them for a post-mortem).
#[derive(Debug)]
pub struct TestDb {
    pub name: String,
    /// The admin user's URL with this database.
    pub url: String,
    /// Postgres only: the same database through PgBouncer (None when the
    /// PgBouncer URL is not set; use [`TestDb::bouncer`] to require it).
    pub bouncer_url: Option<String>,
    pub dialect: Dialect,
    admin_url: String,
}

impl TestDb {
    /// `CREATE DATABASE` on the PostgreSQL primary, from `template0` (never
    /// connected to, so concurrent creates cannot collide on the template).
    pub fn postgres(prefix: &str) -> TestDb {
        let admin_url = pg_admin_url();
        let name = unique_name(prefix);
        if let Err(e) = psql(&admin_url, &format!("CREATE DATABASE \"{name}\" TEMPLATE template0")) {
            panic!("creating PostgreSQL database {name}: {e}");
        }
        let bouncer_url = std::env::var("DRIFTGATE_TEST_PGBOUNCER_URL")
            .ok()
            .filter(|u| !u.is_empty())
            .map(|u| with_database(&u, &name));
        TestDb { url: with_database(&admin_url, &name), bouncer_url, name, dialect: Dialect::Postgres, admin_url }
    }

    /// `CREATE DATABASE` on MariaDB (server default charset utf8mb4).
    pub fn mysql(prefix: &str) -> TestDb {
        let admin_url = mysql_admin_url();
        let name = unique_name(prefix);
        if let Err(e) = mariadb(&admin_url, &format!("CREATE DATABASE `{name}`")) {
            panic!("creating MariaDB database {name}: {e}");
        }
        TestDb { url: with_database(&admin_url, &name), bouncer_url: None, name, dialect: Dialect::Mysql, admin_url }
    }

    /// This database through PgBouncer; panics when there is none.
    pub fn bouncer(&self) -> &str {
        match &self.bouncer_url {
            Some(u) => u,
            None if self.dialect == Dialect::Mysql => {
                panic!("PgBouncer is for PostgreSQL; {} is a MariaDB database", self.name)
            }
            None => panic!("DRIFTGATE_TEST_PGBOUNCER_URL is not set. {HOW_TO_RUN}"),
        }
    }

    /// Runs `sql` in this database as the admin user ([`psql`] or [`mariadb`]).
    pub fn run(&self, sql: &str) -> Result<String, String> {
        match self.dialect {
            Dialect::Postgres => psql(&self.url, sql),
            Dialect::Mysql => mariadb(&self.url, sql),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if std::env::var_os("DRIFTGATE_TEST_KEEP_DBS").is_some_and(|v| !v.is_empty() && v != "0") {
            eprintln!("keeping test database {} (DRIFTGATE_TEST_KEEP_DBS)", self.name);
            return;
        }
        let result = match self.dialect {
            // FORCE: ends sessions still open on it, PgBouncer's included.
            Dialect::Postgres => {
                psql(&self.admin_url, &format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name))
            }
            Dialect::Mysql => mariadb(&self.admin_url, &format!("DROP DATABASE IF EXISTS `{}`", self.name)),
        };
        // No panic in drop (it may run while unwinding from a failed assert).
        if let Err(e) = result {
            eprintln!("warning: could not drop test database {}: {e}", self.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_env_panics_with_how_to_run() {
        let err = std::panic::catch_unwind(|| required("DRIFTGATE_TEST_PG_URL", None)).unwrap_err();
        let msg = err.downcast_ref::<String>().unwrap();
        assert!(msg.contains("DRIFTGATE_TEST_PG_URL"), "{msg}");
        assert!(msg.contains("scripts/with-db.sh cargo test"), "{msg}");
        assert!(std::panic::catch_unwind(|| required("X", Some("  ".into()))).is_err());
        assert_eq!(required("X", Some("postgres://h/db".into())), "postgres://h/db");
    }

    #[test]
    fn parses_urls() {
        let p = parse_url("postgres://dg_admin:dg-admin-pw-4711@127.0.0.1:55432/postgres").unwrap();
        assert_eq!(
            p,
            ConnParams {
                user: "dg_admin".into(),
                password: Some("dg-admin-pw-4711".into()),
                host: "127.0.0.1".into(),
                port: Some(55432),
                dbname: Some("postgres".into()),
            }
        );
        let p = parse_url("mysql://u%40x:p%3A%2Fw@[::1]:3306/d%20b?ssl=0").unwrap();
        assert_eq!((p.user.as_str(), p.password.as_deref()), ("u@x", Some("p:/w")));
        assert_eq!((p.host.as_str(), p.port, p.dbname.as_deref()), ("::1", Some(3306), Some("d b")));
        let p = parse_url("postgresql://localhost").unwrap();
        assert_eq!((p.user.as_str(), p.password, p.port, p.dbname), ("", None, None, None));
        assert!(parse_url("http://x/y").is_err());
        assert!(parse_url("postgres://u@h:notaport/db").is_err());
    }

    #[test]
    fn replaces_database() {
        assert_eq!(with_database("postgres://u:p@h:1/postgres?sslmode=disable", "x"), "postgres://u:p@h:1/x");
        assert_eq!(with_database("mysql://u:p@h:1", "x"), "mysql://u:p@h:1/x");
    }

    #[test]
    fn unique_names_fit_and_differ() {
        let a = unique_name("Deploy-Status");
        let b = unique_name("Deploy-Status");
        assert_ne!(a, b);
        assert!(a.starts_with("deploy_status_"), "{a}");
        let long = unique_name(&"x".repeat(100));
        assert!(long.len() <= 63, "{long}");
        assert!(unique_name("9lives").starts_with("t9lives_"));
    }
}
