//! How a connection reaches the server (DESIGN §8, §10): directly, or
//! through PgBouncer / another pooler, and whether session state survives
//! a transaction. The host runs [`PROBE_SQL`] and, when asked to, the
//! PgBouncer admin console; the verdict is made here, for deploy and doctor.

use crate::Dialect;
use serde::{Deserialize, Serialize};

/// The server's own port and version, as the server sees them.
pub const PROBE_SQL: &str = "SELECT current_setting('port') AS port, current_setting('server_version_num') AS v";

/// How the host reached the server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Route {
    /// `direct`, `pgbouncer`, or `proxy` (something else in between).
    pub kind: String,
    /// PgBouncer's pool_mode when known.
    pub pool_mode: Option<String>,
    /// Session state (advisory locks, SET) does not survive a transaction.
    pub transaction_pooling: bool,
    /// `server_version_num` (0 when not Postgres).
    #[serde(default)]
    pub server_version_num: u32,
}

/// What PgBouncer's admin database `pgbouncer` answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Console {
    /// It answered `SHOW CONFIG` (the `pool_mode` value, when listed).
    Answered(Option<String>),
    /// The server said that database does not exist (SQLSTATE 3D000): a
    /// real Postgres behind a plain port mapping, such as Docker's.
    NoSuchDatabase,
    /// No answer in time: PgBouncer never answers a user it looks up with
    /// `auth_query` on its console.
    NoAnswer,
    /// Refused the login (a non-admin user, or another pooler).
    Refused,
}

impl Route {
    fn direct(server_version_num: u32) -> Route {
        Route { kind: "direct".into(), pool_mode: None, transaction_pooling: false, server_version_num }
    }

    /// From the probe: the route when the ports decide it, `None` when the
    /// host must ask the admin console and call [`Route::from_console`].
    /// The server's own port differs from the URL's behind a proxy.
    pub fn from_probe(dialect: Dialect, url_port: u16, server_port: Option<&str>, version: Option<&str>) -> Option<Route> {
        if dialect != Dialect::Postgres {
            return Some(Route::direct(0));
        }
        let version = Route::version(version);
        (server_port.and_then(|p| p.trim().parse::<u16>().ok()) == Some(url_port)).then(|| Route::direct(version))
    }

    fn version(v: Option<&str>) -> u32 {
        v.and_then(|v| v.trim().parse().ok()).unwrap_or(150000)
    }

    /// When the ports differ: what the console said decides. Anything
    /// short of a clear answer assumes transaction pooling, the mode in
    /// which locks must be transaction-level to stay correct.
    pub fn from_console(version: Option<&str>, console: Console) -> Route {
        let server_version_num = Route::version(version);
        match console {
            Console::NoSuchDatabase => Route::direct(server_version_num),
            Console::Answered(mode) => {
                let transaction_pooling = mode.as_deref() != Some("session");
                Route { kind: "pgbouncer".into(), pool_mode: mode, transaction_pooling, server_version_num }
            }
            Console::NoAnswer => Route { kind: "proxy".into(), pool_mode: None, transaction_pooling: true, server_version_num },
            Console::Refused => Route { kind: "pgbouncer".into(), pool_mode: None, transaction_pooling: true, server_version_num },
        }
    }

    /// Postgres major version (15 when unknown).
    pub fn pg_major(&self) -> u32 {
        if self.server_version_num > 0 {
            self.server_version_num / 10000
        } else {
            15
        }
    }

    /// Makes the server end a killed deployer's session within a second
    /// (instead of holding its locks until the statement ends): for the
    /// session, or per transaction through a transaction pooler. PG 14+.
    pub fn keepalive_sql(&self, in_transaction: bool) -> Option<&'static str> {
        if self.server_version_num < 140000 || in_transaction != self.transaction_pooling {
            return None;
        }
        Some(if in_transaction { "SET LOCAL client_connection_check_interval = '1s'" } else { "SET client_connection_check_interval = '1s'" })
    }

    /// One line for the deploy's progress output, `None` when direct.
    pub fn describe(&self) -> Option<String> {
        if self.kind == "direct" {
            return None;
        }
        Some(format!(
            "connected through {}{}; {}",
            if self.kind == "proxy" { "a pooler or proxy (the server's port is not the URL's)" } else { self.kind.as_str() },
            match self.pool_mode.as_deref() {
                Some(m) => format!(" ({m} pooling)"),
                None => " (pool mode unknown: assuming transaction pooling)".into(),
            },
            if self.transaction_pooling { "using a transaction-level lock per migration" } else { "session locks are kept" }
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_then_console_decide() {
        assert_eq!(Route::from_probe(Dialect::Postgres, 5432, Some("5432"), Some("150004")).unwrap().kind, "direct");
        assert!(Route::from_probe(Dialect::Postgres, 6432, Some("5432"), Some("150004")).is_none());
        assert_eq!(Route::from_probe(Dialect::Mysql, 3306, None, None).unwrap().kind, "direct");
        let docker = Route::from_console(Some("150004"), Console::NoSuchDatabase);
        assert!(!docker.transaction_pooling && docker.kind == "direct");
        let session = Route::from_console(Some("150004"), Console::Answered(Some("session".into())));
        assert!(!session.transaction_pooling && session.kind == "pgbouncer");
        for c in [Console::Answered(Some("transaction".into())), Console::Answered(None), Console::NoAnswer, Console::Refused] {
            assert!(Route::from_console(Some("150004"), c).transaction_pooling);
        }
        let pooled = Route::from_console(Some("150004"), Console::Refused);
        assert_eq!(pooled.keepalive_sql(true), Some("SET LOCAL client_connection_check_interval = '1s'"));
        assert_eq!(pooled.keepalive_sql(false), None);
        assert_eq!(Route::from_console(Some("130000"), Console::NoSuchDatabase).keepalive_sql(false), None);
        assert_eq!(pooled.pg_major(), 15);
    }
}
