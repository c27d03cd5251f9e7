//! Live database connections: one thin layer over tokio-postgres and
//! mysql_async that speaks only the text protocol.
//!
//! Why text only: PgBouncer in transaction mode (before 1.21) breaks named
//! prepared statements, and the core's catalog decoding takes text values
//! anyway, so every query goes through the simple query protocol
//! (`simple_query` / MySQL `COM_QUERY`). Values arrive as `Option<String>`.
//!
//! Passwords never leave this module: [`DbUrl`] prints redacted and every
//! error message is passed through [`DbUrl::redact`].

use driftgate_core::Dialect;
use std::fmt;

/// A parsed database URL. `Display` never shows the password.
#[derive(Clone)]
pub struct DbUrl {
    pub dialect: Dialect,
    raw: String,
    password: Option<String>,
    pub host: String,
    pub port: u16,
    pub user: String,
    pub database: String,
}

impl DbUrl {
    pub fn parse(url: &str) -> Result<DbUrl, String> {
        let url = url.trim();
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| "database URL must look like postgres://user:password@host:port/db or mysql://…".to_string())?;
        let dialect = match scheme {
            "postgres" | "postgresql" => Dialect::Postgres,
            "mysql" | "mariadb" => Dialect::Mysql,
            other => return Err(format!("unsupported database URL scheme `{other}://`: use postgres:// or mysql://")),
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        let (userinfo, hostport) = match authority.rfind('@') {
            Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
            None => (None, authority),
        };
        let (user, password) = match userinfo {
            Some(u) => match u.split_once(':') {
                Some((u, p)) => (percent_decode(u), Some(percent_decode(p))),
                None => (percent_decode(u), None),
            },
            None => (String::new(), None),
        };
        let default_port = if dialect == Dialect::Postgres { 5432 } else { 3306 };
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || hostport.starts_with('[') => {
                let port = p.parse::<u16>().map_err(|_| format!("invalid port `{p}` in the database URL"))?;
                (h.to_string(), port)
            }
            _ => (hostport.to_string(), default_port),
        };
        let database = percent_decode(path.split('?').next().unwrap_or(""));
        Ok(DbUrl {
            dialect,
            raw: url.to_string(),
            password: password.filter(|p| !p.is_empty()),
            host: if host.is_empty() { "localhost".into() } else { host },
            port,
            user,
            database,
        })
    }

    /// The URL as given (with its password): only for the drivers.
    pub fn expose(&self) -> &str {
        &self.raw
    }

    /// The same URL pointing at another database on the same server.
    pub fn with_database(&self, database: &str) -> DbUrl {
        let mut raw = self.raw.clone();
        if let Some(scheme_end) = raw.find("://") {
            let after = scheme_end + 3;
            let query = raw.find('?').map(|i| raw[i..].to_string()).unwrap_or_default();
            let base_end = raw[after..].find('/').map(|i| after + i).unwrap_or_else(|| raw.find('?').unwrap_or(raw.len()));
            raw = format!("{}/{}{}", &raw[..base_end], database, query);
        }
        DbUrl { raw, database: database.to_string(), ..self.clone() }
    }

    /// Removes the password (raw and percent-encoded) from any text.
    pub fn redact(&self, text: &str) -> String {
        let Some(pw) = &self.password else { return text.to_string() };
        let mut out = text.replace(pw.as_str(), "***");
        let encoded = percent_encode(pw);
        if encoded != *pw {
            out = out.replace(&encoded, "***");
        }
        if let Some(raw_pw) = self.raw_password() {
            out = out.replace(raw_pw, "***");
        }
        out
    }

    fn raw_password(&self) -> Option<&str> {
        let rest = &self.raw[self.raw.find("://")? + 3..];
        let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
        let userinfo = &authority[..authority.rfind('@')?];
        userinfo.split_once(':').map(|(_, p)| p).filter(|p| !p.is_empty())
    }
}

impl fmt::Display for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = if self.dialect == Dialect::Postgres { "postgres" } else { "mysql" };
        let pw = if self.password.is_some() { ":***" } else { "" };
        write!(f, "{scheme}://{}{pw}@{}:{}/{}", self.user, self.host, self.port, self.database)
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() && s.is_char_boundary(i + 3) {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A server error or a connection failure, already redacted.
#[derive(Debug, Clone)]
pub struct DbError {
    pub message: String,
    /// SQLSTATE when the server sent one (`55P03` lock_not_available, …).
    pub code: Option<String>,
    /// MySQL's numeric error code.
    pub mysql_code: Option<u16>,
    pub detail: Option<String>,
    pub hint: Option<String>,
    /// 1-based character position in the query (Postgres).
    pub position: Option<u32>,
    /// True when the connection itself failed (no server answer).
    pub connection: bool,
}

impl DbError {
    fn plain(message: String, connection: bool) -> DbError {
        DbError { message, code: None, mysql_code: None, detail: None, hint: None, position: None, connection }
    }

    /// A lock wait that timed out or a deadlock: the safe, retryable failures.
    pub fn is_lock_timeout(&self) -> bool {
        driftgate_core::deploy::retryable(self.code.as_deref(), self.mysql_code)
    }

    /// What a backfill does about this error ([`driftgate_core::backfill::classify`]).
    pub fn class(&self) -> driftgate_core::backfill::ErrorClass {
        driftgate_core::backfill::classify(self.code.as_deref(), self.mysql_code, self.connection)
    }

    /// The server has no connection slot left (`53300`, MySQL 1040).
    pub fn is_too_many_connections(&self) -> bool {
        driftgate_core::doctor::out_of_connections(self.code.as_deref(), self.mysql_code, &self.message)
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(code) = &self.code {
            write!(f, " (SQLSTATE {code})")?;
        }
        if let Some(d) = &self.detail {
            write!(f, "\n  detail: {d}")?;
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// Rows of a text-protocol query: column names and values as text.
#[derive(Debug, Default, Clone)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Option<String>>>,
}

impl Rows {
    /// The first column of the first row.
    pub fn scalar(&self) -> Option<&str> {
        self.rows.first().and_then(|r| r.first()).and_then(|v| v.as_deref())
    }

    /// Rows as JSON objects keyed by column name (the shape
    /// `driftgate_core::catalog` decodes).
    pub fn to_json(&self) -> Vec<serde_json::Value> {
        self.rows
            .iter()
            .map(|row| {
                let mut obj = serde_json::Map::new();
                for (c, v) in self.columns.iter().zip(row) {
                    obj.insert(c.clone(), v.clone().map(serde_json::Value::String).unwrap_or(serde_json::Value::Null));
                }
                serde_json::Value::Object(obj)
            })
            .collect()
    }
}

/// One open connection.
pub struct Db {
    pub url: DbUrl,
    conn: Conn,
}

enum Conn {
    Pg(tokio_postgres::Client),
    My(mysql_async::Conn),
}

impl Db {
    pub async fn connect(url: &DbUrl) -> Result<Db, DbError> {
        Db::connect_as(url, "driftgate").await
    }

    /// Connects under an `application_name` (Postgres), so that operators
    /// (and tests) can tell the connections of one job in `pg_stat_activity`.
    pub async fn connect_as(url: &DbUrl, application_name: &str) -> Result<Db, DbError> {
        let conn = match url.dialect {
            Dialect::Postgres => {
                let mut config: tokio_postgres::Config = url
                    .expose()
                    .parse()
                    .map_err(|e: tokio_postgres::Error| DbError::plain(url.redact(&format!("invalid database URL {url}: {e}")), true))?;
                config.application_name(application_name);
                config.connect_timeout(std::time::Duration::from_secs(10));
                let (client, connection) = config
                    .connect(tokio_postgres::NoTls)
                    .await
                    .map_err(|e| pg_error(url, e, true))?;
                tokio::spawn(async move {
                    let _ = connection.await;
                });
                Conn::Pg(client)
            }
            Dialect::Mysql => {
                let mut raw = url.expose().to_string();
                if raw.starts_with("mariadb://") {
                    raw = raw.replacen("mariadb://", "mysql://", 1);
                }
                let opts = mysql_async::Opts::from_url(&raw)
                    .map_err(|e| DbError::plain(url.redact(&format!("invalid database URL {url}: {e}")), true))?;
                let opts = mysql_async::OptsBuilder::from_opts(opts).prefer_socket(false);
                let conn = mysql_async::Conn::new(opts).await.map_err(|e| my_error(url, e, true))?;
                Conn::My(conn)
            }
        };
        Ok(Db { url: url.clone(), conn })
    }

    pub fn dialect(&self) -> Dialect {
        self.url.dialect
    }

    /// Runs one statement (or, on Postgres, a `;`-separated batch) and
    /// returns the rows of the last result set.
    pub async fn query(&mut self, sql: &str) -> Result<Rows, DbError> {
        match &mut self.conn {
            Conn::Pg(client) => {
                let messages = client.simple_query(sql).await.map_err(|e| pg_error(&self.url, e, false))?;
                let mut rows = Rows::default();
                for m in messages {
                    match m {
                        tokio_postgres::SimpleQueryMessage::RowDescription(cols) => {
                            rows = Rows { columns: cols.iter().map(|c| c.name().to_string()).collect(), rows: Vec::new() };
                        }
                        tokio_postgres::SimpleQueryMessage::Row(r) => {
                            if rows.columns.is_empty() {
                                rows.columns = r.columns().iter().map(|c| c.name().to_string()).collect();
                            }
                            rows.rows.push((0..r.len()).map(|i| r.get(i).map(str::to_string)).collect());
                        }
                        _ => {}
                    }
                }
                Ok(rows)
            }
            Conn::My(conn) => {
                use mysql_async::prelude::Queryable;
                let mut result = conn.query_iter(sql).await.map_err(|e| my_error(&self.url, e, false))?;
                let mut rows = Rows::default();
                loop {
                    let columns: Vec<String> =
                        result.columns_ref().iter().map(|c| c.name_str().into_owned()).collect();
                    let set: Vec<mysql_async::Row> = result.collect().await.map_err(|e| my_error(&self.url, e, false))?;
                    if !columns.is_empty() {
                        rows = Rows {
                            columns,
                            rows: set.into_iter().map(|r| r.unwrap().into_iter().map(my_value_text).collect()).collect(),
                        };
                    }
                    if result.is_empty() {
                        break;
                    }
                }
                Ok(rows)
            }
        }
    }

    /// Runs a statement for its effect; returns the affected row count when
    /// the server reports one.
    pub async fn execute(&mut self, sql: &str) -> Result<u64, DbError> {
        match &mut self.conn {
            Conn::Pg(client) => {
                let messages = client.simple_query(sql).await.map_err(|e| pg_error(&self.url, e, false))?;
                Ok(messages
                    .iter()
                    .filter_map(|m| match m {
                        tokio_postgres::SimpleQueryMessage::CommandComplete(n) => Some(*n),
                        _ => None,
                    })
                    .last()
                    .unwrap_or(0))
            }
            Conn::My(conn) => {
                use mysql_async::prelude::Queryable;
                conn.query_drop(sql).await.map_err(|e| my_error(&self.url, e, false))?;
                Ok(conn.affected_rows())
            }
        }
    }

    pub async fn close(self) {
        if let Conn::My(conn) = self.conn {
            let _ = conn.disconnect().await;
        }
    }
}

fn my_value_text(v: mysql_async::Value) -> Option<String> {
    use mysql_async::Value;
    match v {
        Value::NULL => None,
        Value::Bytes(b) => Some(String::from_utf8_lossy(&b).into_owned()),
        Value::Int(i) => Some(i.to_string()),
        Value::UInt(u) => Some(u.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Double(d) => Some(d.to_string()),
        other => Some(other.as_sql(true).trim_matches('\'').to_string()),
    }
}

fn pg_error(url: &DbUrl, e: tokio_postgres::Error, connecting: bool) -> DbError {
    if let Some(db) = e.as_db_error() {
        let position = match db.position() {
            Some(tokio_postgres::error::ErrorPosition::Original(p)) => Some(*p),
            _ => None,
        };
        return DbError {
            message: url.redact(db.message()),
            code: Some(db.code().code().to_string()),
            mysql_code: None,
            detail: db.detail().map(|d| url.redact(d)),
            hint: db.hint().map(|h| url.redact(h)),
            position,
            connection: connecting,
        };
    }
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        let text = s.to_string();
        if !message.contains(&text) {
            message = format!("{message}: {text}");
        }
        source = s.source();
    }
    let message = if connecting || e.is_closed() {
        format!("cannot reach the database at {url}: {message}")
    } else {
        message
    };
    DbError::plain(url.redact(&message), true)
}

fn my_error(url: &DbUrl, e: mysql_async::Error, connecting: bool) -> DbError {
    match e {
        mysql_async::Error::Server(s) => DbError {
            message: url.redact(&s.message),
            code: Some(s.state.clone()).filter(|s| !s.is_empty() && s != "HY000"),
            mysql_code: Some(s.code),
            detail: None,
            hint: None,
            position: None,
            connection: connecting,
        },
        other => {
            let message = if connecting {
                format!("cannot reach the database at {url}: {other}")
            } else {
                other.to_string()
            };
            DbError::plain(url.redact(&message), true)
        }
    }
}

/// A current-thread runtime for one CLI command.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_parse_and_redact() {
        let u = DbUrl::parse("postgres://app:p%40ss%3Aw0rd@db.internal:6432/shop?sslmode=disable").unwrap();
        assert_eq!(u.user, "app");
        assert_eq!(u.port, 6432);
        assert_eq!(u.database, "shop");
        assert_eq!(u.to_string(), "postgres://app:***@db.internal:6432/shop");
        assert_eq!(u.redact("failed for p@ss:w0rd and p%40ss%3Aw0rd"), "failed for *** and ***");
        let other = u.with_database("postgres");
        assert_eq!(other.expose(), "postgres://app:p%40ss%3Aw0rd@db.internal:6432/postgres?sslmode=disable");
        let m = DbUrl::parse("mysql://root@localhost/app").unwrap();
        assert_eq!(m.dialect, Dialect::Mysql);
        assert_eq!(m.port, 3306);
        assert!(DbUrl::parse("sqlite:///x").is_err());
    }
}
