//! Deploy decisions (DESIGN §6, §8): the history tables' SQL, the status of
//! every migration against the rows of those tables, and the plan a deploy
//! follows. Pure: the CLI runs the SQL text this module writes and feeds the
//! rows back, so every decision (applied? edited? refuse? resume where?)
//! is made here and is the same for any host.
//!
//! Where state lives:
//! - Prisma: `_prisma_migrations`, exactly as Prisma writes it. The
//!   progress of a migration run statement by statement is kept in its
//!   `logs` as a `driftgate-progress: done=N total=M` line, so no extra
//!   table appears in a Prisma database.
//! - Drizzle: `__drizzle_migrations` as drizzle-orm writes it (it has no
//!   notion of a failed migration), plus `_driftgate_migrations` beside it
//!   (in the `drizzle` schema on Postgres) for failure and progress.
//! - Plain folders: `_driftgate_migrations` only.

use crate::history::{prisma_checksum_matches, History, HistoryFormat, Migration};
use crate::lint::cannot_run_in_transaction;
use crate::span::LineIndex;
use crate::sql::{self, ddl::Ddl};
use crate::Dialect;
use serde::Serialize;
use serde_json::Value;

/// Prisma's advisory lock key (`pg_advisory_lock(72707369)`).
pub const PRISMA_PG_LOCK: i64 = 72707369;
/// driftgate's own key for Drizzle and plain histories ("drft").
pub const DRIFTGATE_PG_LOCK: i64 = 0x6472_6674;
pub const OWN_TABLE: &str = "_driftgate_migrations";
const PROGRESS_TAG: &str = "driftgate-progress:";

/// Where a history's state is kept on one server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Store {
    pub format: HistoryFormat,
    pub dialect: Dialect,
}

pub(crate) fn quote_ident(dialect: Dialect, name: &str) -> String {
    match dialect {
        Dialect::Postgres => format!("\"{}\"", name.replace('"', "\"\"")),
        Dialect::Mysql => format!("`{}`", name.replace('`', "``")),
    }
}

/// A string literal for `dialect` (MySQL treats backslash as an escape).
pub fn quote_literal(dialect: Dialect, value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for ch in value.chars() {
        match ch {
            '\'' => out.push_str("''"),
            '\\' if dialect == Dialect::Mysql => out.push_str("\\\\"),
            '\0' => {}
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

impl Store {
    pub fn new(format: HistoryFormat, dialect: Dialect) -> Store {
        Store { format, dialect }
    }

    fn q(&self, name: &str) -> String {
        quote_ident(self.dialect, name)
    }

    fn lit(&self, value: &str) -> String {
        quote_literal(self.dialect, value)
    }

    /// The table the ORM reads (`None` for plain folders).
    pub fn orm_table(&self) -> Option<String> {
        match (self.format, self.dialect) {
            (HistoryFormat::Prisma, _) => Some(self.q("_prisma_migrations")),
            (HistoryFormat::Drizzle, Dialect::Postgres) => Some("\"drizzle\".\"__drizzle_migrations\"".into()),
            (HistoryFormat::Drizzle, Dialect::Mysql) => Some("`__drizzle_migrations`".into()),
            (HistoryFormat::Plain, _) => None,
        }
    }

    /// driftgate's own table (`None` for Prisma: its `logs` carry progress).
    pub fn own_table(&self) -> Option<String> {
        match (self.format, self.dialect) {
            (HistoryFormat::Prisma, _) => None,
            (HistoryFormat::Drizzle, Dialect::Postgres) => Some(format!("\"drizzle\".{}", self.q(OWN_TABLE))),
            _ => Some(self.q(OWN_TABLE)),
        }
    }

    /// Postgres advisory lock key: Prisma's own when writing Prisma's table,
    /// so driftgate and `prisma migrate deploy` exclude each other.
    pub fn pg_lock_key(&self) -> i64 {
        if self.format == HistoryFormat::Prisma {
            PRISMA_PG_LOCK
        } else {
            DRIFTGATE_PG_LOCK
        }
    }

    /// MySQL `GET_LOCK` name.
    pub fn mysql_lock_name(&self) -> &'static str {
        if self.format == HistoryFormat::Prisma {
            "prisma_migrate"
        } else {
            "driftgate_migrate"
        }
    }

    /// Postgres: the transaction-level deploy lock (works through a
    /// transaction pooler; taken at the start of every migration).
    pub fn xact_lock_sql(&self) -> String {
        format!("SELECT pg_advisory_xact_lock({})", self.pg_lock_key())
    }

    /// Tries the session deploy lock without waiting; the one value it
    /// returns says whether it was taken ([`lock_taken`]). MySQL waits up to
    /// 10 s, and the host asks again while it is not taken.
    pub fn try_session_lock_sql(&self) -> String {
        match self.dialect {
            Dialect::Postgres => format!("SELECT pg_try_advisory_lock({})", self.pg_lock_key()),
            Dialect::Mysql => format!("SELECT GET_LOCK('{}', 10)", self.mysql_lock_name()),
        }
    }

    /// Postgres: waits for the session deploy lock (after
    /// `SET lock_timeout = 0`: waiting for another deployer is not a lock
    /// timeout). MySQL has none: the host repeats [`Store::try_session_lock_sql`].
    pub fn wait_session_lock_sql(&self) -> Option<Vec<String>> {
        (self.dialect == Dialect::Postgres).then(|| vec!["SET lock_timeout = 0".to_string(), format!("SELECT pg_advisory_lock({})", self.pg_lock_key())])
    }

    pub fn session_unlock_sql(&self) -> String {
        match self.dialect {
            Dialect::Postgres => format!("SELECT pg_advisory_unlock({})", self.pg_lock_key()),
            Dialect::Mysql => format!("SELECT RELEASE_LOCK('{}')", self.mysql_lock_name()),
        }
    }

    /// Who holds the deploy lock now (other than this session): read with
    /// [`Store::describe_lock_holder`].
    pub fn lock_holder_sql(&self) -> String {
        match self.dialect {
            Dialect::Postgres => {
                let key = self.pg_lock_key();
                format!(
                    "SELECT l.pid, coalesce(a.application_name, ''), to_char(now() - a.xact_start, 'HH24:MI:SS') FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid \
                     WHERE l.locktype = 'advisory' AND l.granted AND l.classid = {} AND l.objid = {} AND l.objsubid = 1 AND l.pid <> pg_backend_pid() LIMIT 1",
                    (key >> 32) as u32,
                    key as u32
                )
            }
            Dialect::Mysql => format!("SELECT IS_USED_LOCK('{}')", self.mysql_lock_name()),
        }
    }

    /// The first row of [`Store::lock_holder_sql`], in words.
    pub fn describe_lock_holder(&self, row: &[Option<String>]) -> Option<String> {
        let col = |i: usize| row.get(i).and_then(|v| v.as_deref());
        match self.dialect {
            Dialect::Postgres => Some(format!(
                "process {} ({}) holds the deploy lock{}",
                col(0)?,
                col(1).filter(|s| !s.is_empty()).unwrap_or("unknown client"),
                col(2).map(|t| format!(", in a transaction for {t}")).unwrap_or_default()
            )),
            Dialect::Mysql => col(0).map(|id| format!("connection {id} holds the deploy lock ({})", self.mysql_lock_name())),
        }
    }

    /// Postgres: every index left INVALID (by a failed concurrent build).
    pub fn invalid_indexes_sql(&self) -> Option<&'static str> {
        (self.dialect == Dialect::Postgres).then_some(
            "SELECT n.nspname || '.' || c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid ORDER BY 1",
        )
    }

    /// One row, one column per table: 1 when it exists, else 0.
    pub fn exists_sql(&self) -> String {
        let check = |schema: Option<&str>, table: &str| match self.dialect {
            Dialect::Postgres => match schema {
                Some(s) => format!("(to_regclass({}) IS NOT NULL)::int", self.lit(&format!("\"{s}\".\"{table}\""))),
                None => format!("(to_regclass({}) IS NOT NULL)::int", self.lit(&format!("\"{table}\""))),
            },
            Dialect::Mysql => format!(
                "(SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = {})",
                self.lit(table)
            ),
        };
        let drizzle_schema = (self.dialect == Dialect::Postgres).then_some("drizzle");
        let orm = match self.format {
            HistoryFormat::Prisma => check(None, "_prisma_migrations"),
            HistoryFormat::Drizzle => check(drizzle_schema, "__drizzle_migrations"),
            HistoryFormat::Plain => "0".into(),
        };
        let own = match self.format {
            HistoryFormat::Prisma => "0".into(),
            HistoryFormat::Drizzle => check(drizzle_schema, OWN_TABLE),
            HistoryFormat::Plain => check(None, OWN_TABLE),
        };
        format!("SELECT {orm} AS orm, {own} AS own")
    }

    /// How many user tables the database holds (outside history tables): a
    /// database that has tables but no history table needs a baseline.
    pub fn user_tables_sql(&self) -> String {
        match self.dialect {
            Dialect::Postgres => "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
                 WHERE c.relkind IN ('r','p') AND n.nspname NOT IN ('pg_catalog','information_schema','drizzle') \
                 AND n.nspname NOT LIKE 'pg\\_%' AND c.relname NOT IN ('_prisma_migrations','_driftgate_migrations','_driftgate_backfill') \
                 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')"
                .into(),
            Dialect::Mysql => "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' \
                 AND table_name NOT IN ('_prisma_migrations','__drizzle_migrations','_driftgate_migrations','_driftgate_backfill')"
                .into(),
        }
    }

    /// `CREATE … IF NOT EXISTS` for the tables this store writes, byte for
    /// byte what Prisma and drizzle-orm create.
    pub fn setup_sql(&self) -> Vec<String> {
        let mut out = Vec::new();
        match (self.format, self.dialect) {
            (HistoryFormat::Prisma, Dialect::Postgres) => out.push(
                "CREATE TABLE IF NOT EXISTS \"_prisma_migrations\" (\n    \"id\" VARCHAR(36) NOT NULL,\n    \"checksum\" VARCHAR(64) NOT NULL,\n    \"finished_at\" TIMESTAMPTZ,\n    \"migration_name\" VARCHAR(255) NOT NULL,\n    \"logs\" TEXT,\n    \"rolled_back_at\" TIMESTAMPTZ,\n    \"started_at\" TIMESTAMPTZ NOT NULL DEFAULT now(),\n    \"applied_steps_count\" INTEGER NOT NULL DEFAULT 0,\n\n    PRIMARY KEY (\"id\")\n)".into(),
            ),
            (HistoryFormat::Prisma, Dialect::Mysql) => out.push(
                "CREATE TABLE IF NOT EXISTS `_prisma_migrations` (\n    `id` VARCHAR(36) NOT NULL,\n    `checksum` VARCHAR(64) NOT NULL,\n    `finished_at` DATETIME(3) NULL,\n    `migration_name` VARCHAR(255) NOT NULL,\n    `logs` TEXT NULL,\n    `rolled_back_at` DATETIME(3) NULL,\n    `started_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n    `applied_steps_count` INTEGER UNSIGNED NOT NULL DEFAULT 0,\n\n    PRIMARY KEY (`id`)\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci".into(),
            ),
            (HistoryFormat::Drizzle, Dialect::Postgres) => {
                out.push("CREATE SCHEMA IF NOT EXISTS \"drizzle\"".into());
                out.push("CREATE TABLE IF NOT EXISTS \"drizzle\".\"__drizzle_migrations\" (\n\t\t\tid SERIAL PRIMARY KEY,\n\t\t\thash text NOT NULL,\n\t\t\tcreated_at bigint\n\t\t)".into());
            }
            (HistoryFormat::Drizzle, Dialect::Mysql) => out.push(
                "create table if not exists `__drizzle_migrations` (\n\t\t\tid serial primary key,\n\t\t\thash text not null,\n\t\t\tcreated_at bigint\n\t\t)".into(),
            ),
            (HistoryFormat::Plain, _) => {}
        }
        if let Some(own) = self.own_table() {
            out.push(match self.dialect {
                Dialect::Postgres => format!(
                    "CREATE TABLE IF NOT EXISTS {own} (name varchar(255) PRIMARY KEY, checksum varchar(64) NOT NULL, \
                     state varchar(16) NOT NULL, statements_total integer NOT NULL, statements_done integer NOT NULL DEFAULT 0, \
                     started_at timestamptz NOT NULL DEFAULT clock_timestamp(), finished_at timestamptz, error text)"
                ),
                Dialect::Mysql => format!(
                    "CREATE TABLE IF NOT EXISTS {own} (name varchar(255) NOT NULL PRIMARY KEY, checksum varchar(64) NOT NULL, \
                     state varchar(16) NOT NULL, statements_total int NOT NULL, statements_done int NOT NULL DEFAULT 0, \
                     started_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), finished_at datetime(3) NULL, error text NULL) \
                     DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
                ),
            });
        }
        out
    }

    /// Reads the ORM table (run only when it exists).
    pub fn read_orm_sql(&self) -> Option<String> {
        let t = self.orm_table()?;
        Some(match self.format {
            HistoryFormat::Prisma => format!(
                "SELECT id, checksum, migration_name, logs, applied_steps_count, \
                 {f} AS started_at, {g} AS finished_at, {h} AS rolled_back_at FROM {t} ORDER BY started_at, migration_name",
                f = self.ts("started_at"),
                g = self.ts("finished_at"),
                h = self.ts("rolled_back_at"),
            ),
            _ => format!("SELECT id, hash, created_at FROM {t} ORDER BY created_at, id"),
        })
    }

    pub fn read_own_sql(&self) -> Option<String> {
        let t = self.own_table()?;
        Some(format!(
            "SELECT name, checksum, state, statements_total, statements_done, {} AS started_at, {} AS finished_at, error FROM {t} ORDER BY started_at, name",
            self.ts("started_at"),
            self.ts("finished_at")
        ))
    }

    fn ts(&self, col: &str) -> String {
        match self.dialect {
            Dialect::Postgres => format!("to_char({col} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"),
            Dialect::Mysql => format!("DATE_FORMAT({col}, '%Y-%m-%dT%H:%i:%s.%fZ')"),
        }
    }

    fn now(&self) -> &'static str {
        match self.dialect {
            Dialect::Postgres => "clock_timestamp()",
            Dialect::Mysql => "CURRENT_TIMESTAMP(3)",
        }
    }

    /// What the history tables say about `m` right now: rows with one column
    /// `state`, `applied` (according to the ORM's table, or driftgate's own
    /// for plain folders) or `failed` / `running` (an attempt recorded and
    /// not resolved). Run under the deploy lock, inside the migration's
    /// transaction, so a concurrent deployer's commit is seen; read it with
    /// [`probe_state`].
    pub fn probe_sql(&self, m: &Migration) -> String {
        let name = self.lit(&m.name);
        let own = self.own_table().map(|own| {
            format!("SELECT state FROM {own} WHERE name = {name} AND state IN ('applied', 'failed', 'running')")
        });
        match self.format {
            HistoryFormat::Prisma => format!(
                "SELECT CASE WHEN finished_at IS NULL THEN 'failed' ELSE 'applied' END AS state FROM {} \
                 WHERE migration_name = {name} AND rolled_back_at IS NULL",
                self.orm_table().unwrap_or_default()
            ),
            // drizzle-orm writes `created_at` = the entry's `when`; the exact
            // value, not `>=`: an out-of-order entry (older `when`) is not
            // applied just because a newer one is.
            HistoryFormat::Drizzle => format!(
                "SELECT 'applied' AS state FROM {} WHERE created_at = {} UNION ALL {}",
                self.orm_table().unwrap_or_default(),
                m.when.unwrap_or(0),
                own.unwrap_or_default()
            ),
            HistoryFormat::Plain => own.unwrap_or_default(),
        }
    }

    /// Prisma's row for an attempt that has not finished (`logs`: SQL).
    fn prisma_insert_open(&self, m: &Migration, id: &str, logs: &str) -> String {
        format!(
            "INSERT INTO {} (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES ({}, {}, {}, {logs}, {}, 0)",
            self.orm_table().unwrap_or_default(),
            self.lit(id),
            self.lit(&m.checksum),
            self.lit(&m.name),
            self.now()
        )
    }

    /// drizzle-orm's row for an applied migration.
    fn drizzle_insert(&self, m: &Migration) -> String {
        format!("INSERT INTO {} (hash, created_at) VALUES ({}, {})", self.orm_table().unwrap_or_default(), self.lit(&m.checksum), m.when.unwrap_or(0))
    }

    /// Prisma: marks the unfinished rows of `m` rolled back.
    fn prisma_roll_back_open(&self, m: &Migration) -> String {
        format!(
            "UPDATE {} SET rolled_back_at = {} WHERE migration_name = {} AND finished_at IS NULL AND rolled_back_at IS NULL",
            self.orm_table().unwrap_or_default(),
            self.now(),
            self.lit(&m.name)
        )
    }

    /// Statements that record `m` as started (before its first statement).
    /// `id` is the Prisma row id (a UUID v4 the host generates).
    pub fn record_started(&self, m: &Migration, id: &str, total: usize, done: usize) -> Vec<String> {
        let mut out = Vec::new();
        if self.format == HistoryFormat::Prisma {
            let logs = if total > 0 { self.lit(&progress_line(done, total)) } else { "NULL".into() };
            out.push(self.prisma_insert_open(m, id, &logs));
        }
        if let Some(own) = self.own_table() {
            out.push(self.upsert_own(&own, m, "running", total, done, None, false));
        }
        out
    }

    /// Progress after statement `done` of a migration run statement by statement.
    pub fn record_progress(&self, m: &Migration, id: &str, total: usize, done: usize) -> Vec<String> {
        let mut out = Vec::new();
        if self.format == HistoryFormat::Prisma {
            out.push(format!(
                "UPDATE {} SET logs = {} WHERE id = {}",
                self.orm_table().unwrap_or_default(),
                self.lit(&progress_line(done, total)),
                self.lit(id)
            ));
        }
        if let Some(own) = self.own_table() {
            out.push(format!("UPDATE {own} SET statements_done = {done} WHERE name = {}", self.lit(&m.name)));
        }
        out
    }

    /// Statements that record `m` as applied. For a transactional migration
    /// they run inside its transaction, after [`Store::record_started`].
    pub fn record_applied(&self, m: &Migration, id: &str, total: usize) -> Vec<String> {
        let mut out = Vec::new();
        match self.format {
            HistoryFormat::Prisma => out.push(format!(
                "UPDATE {} SET finished_at = {}, applied_steps_count = applied_steps_count + 1, logs = NULL WHERE id = {}",
                self.orm_table().unwrap_or_default(),
                self.now(),
                self.lit(id)
            )),
            HistoryFormat::Drizzle => out.push(self.drizzle_insert(m)),
            HistoryFormat::Plain => {}
        }
        if let Some(own) = self.own_table() {
            out.push(self.upsert_own(&own, m, "applied", total, total, None, true));
        }
        out
    }

    /// Statements that record `m` as failed after `done` of `total`
    /// statements ran (0 when its transaction rolled back).
    pub fn record_failed(&self, m: &Migration, id: &str, total: usize, done: usize, error: &str, row_exists: bool) -> Vec<String> {
        let mut out = Vec::new();
        let logs = format!("{error}\n{}", progress_line(done, total));
        if self.format == HistoryFormat::Prisma {
            let t = self.orm_table().unwrap_or_default();
            out.push(if row_exists {
                format!("UPDATE {t} SET logs = {} WHERE id = {}", self.lit(&logs), self.lit(id))
            } else {
                self.prisma_insert_open(m, id, &self.lit(&logs))
            });
        }
        if let Some(own) = self.own_table() {
            out.push(self.upsert_own(&own, m, "failed", total, done, Some(error), false));
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn upsert_own(&self, own: &str, m: &Migration, state: &str, total: usize, done: usize, error: Option<&str>, finished: bool) -> String {
        let error = error.map(|e| self.lit(e)).unwrap_or_else(|| "NULL".into());
        let finished_at = if finished { self.now() } else { "NULL" };
        let values = format!(
            "({}, {}, {}, {total}, {done}, {}, {finished_at}, {error})",
            self.lit(&m.name),
            self.lit(&m.checksum),
            self.lit(state),
            self.now()
        );
        let cols = "(name, checksum, state, statements_total, statements_done, started_at, finished_at, error)";
        match self.dialect {
            Dialect::Postgres => format!(
                "INSERT INTO {own} {cols} VALUES {values} ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, state = EXCLUDED.state, \
                 statements_total = EXCLUDED.statements_total, statements_done = EXCLUDED.statements_done, \
                 started_at = CASE WHEN EXCLUDED.state = 'running' THEN EXCLUDED.started_at ELSE {own}.started_at END, \
                 finished_at = EXCLUDED.finished_at, error = EXCLUDED.error"
            ),
            Dialect::Mysql => format!(
                "INSERT INTO {own} {cols} VALUES {values} ON DUPLICATE KEY UPDATE checksum = VALUES(checksum), \
                 started_at = IF(VALUES(state) = 'running', VALUES(started_at), started_at), state = VALUES(state), \
                 statements_total = VALUES(statements_total), statements_done = VALUES(statements_done), \
                 finished_at = VALUES(finished_at), error = VALUES(error)"
            ),
        }
    }

    /// `resolve --applied NAME`: Prisma's semantics (a finished row with
    /// empty logs; failed rows of that name are marked rolled back).
    pub fn resolve_applied(&self, m: &Migration, id: &str) -> Vec<String> {
        let mut out = Vec::new();
        match self.format {
            HistoryFormat::Prisma => {
                let t = self.orm_table().unwrap_or_default();
                out.push(self.prisma_roll_back_open(m));
                out.push(format!(
                    "INSERT INTO {t} (id, checksum, migration_name, logs, started_at, finished_at, applied_steps_count) VALUES ({}, {}, {}, '', {n}, {n}, 0)",
                    self.lit(id),
                    self.lit(&m.checksum),
                    self.lit(&m.name),
                    n = self.now()
                ));
            }
            HistoryFormat::Drizzle => out.push(self.drizzle_insert(m)),
            HistoryFormat::Plain => {}
        }
        if let Some(own) = self.own_table() {
            let total = statements_of(m, self.dialect).len();
            out.push(self.upsert_own(&own, m, "applied", total, total, None, true));
        }
        out
    }

    /// `resolve --rolled-back NAME`: the failed attempt is marked rolled back
    /// so that the next deploy runs the migration again.
    pub fn resolve_rolled_back(&self, m: &Migration) -> Vec<String> {
        match self.format {
            HistoryFormat::Prisma => vec![self.prisma_roll_back_open(m)],
            _ => vec![format!(
                "UPDATE {} SET state = 'rolled-back', finished_at = {} WHERE name = {} AND state IN ('failed', 'running')",
                self.own_table().unwrap_or_default(),
                self.now(),
                self.lit(&m.name)
            )],
        }
    }

    /// Session settings a deploy starts with; `local` inside a transaction
    /// (the only form a transaction-mode pooler keeps).
    pub fn timeout_sql(&self, lock_timeout_ms: u64, statement_timeout_ms: u64, local: bool) -> Vec<String> {
        match self.dialect {
            Dialect::Postgres => {
                let scope = if local { "SET LOCAL" } else { "SET" };
                vec![
                    format!("{scope} lock_timeout = '{lock_timeout_ms}ms'"),
                    format!("{scope} statement_timeout = '{statement_timeout_ms}ms'"),
                ]
            }
            Dialect::Mysql => vec![
                format!("SET SESSION lock_wait_timeout = {}", (lock_timeout_ms.div_ceil(1000)).max(1)),
                format!("SET SESSION innodb_lock_wait_timeout = {}", (lock_timeout_ms.div_ceil(1000)).max(1)),
                // MariaDB's statement timeout; MySQL ignores the unknown variable error (the host skips it).
                format!("SET SESSION max_statement_time = {}", statement_timeout_ms as f64 / 1000.0),
            ],
        }
    }
}

/// Whether a lock query's one value says the lock was taken (`t`, `1`).
pub fn lock_taken(value: Option<&str>) -> bool {
    matches!(value, Some("t" | "true" | "1"))
}

/// Postgres: the INVALID index `index` in the search path, as a qualified
/// name to `DROP INDEX CONCURRENTLY` (a build killed or failed earlier
/// leaves one; building again would fail on it).
pub fn invalid_index_sql(index: &str) -> String {
    format!(
        "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid AND c.relname = {} AND n.nspname = ANY (current_schemas(false)) LIMIT 1",
        quote_literal(Dialect::Postgres, index)
    )
}

/// The failures a deploy retries: a lock wait that timed out or a deadlock
/// (Postgres 55P03 / 40P01, MySQL 1205 / 1213). Anything else stops it.
pub fn retryable(sqlstate: Option<&str>, mysql_code: Option<u16>) -> bool {
    matches!(sqlstate, Some("55P03" | "40P01")) || matches!(mysql_code, Some(1205 | 1213))
}

/// Wait before retry `attempt` (0-based): 0.5 s, 1 s, 2 s, … capped at
/// 10 s, plus a jitter from `seed` so racing deployers spread out.
pub fn backoff_ms(attempt: u32, seed: u64) -> u64 {
    let base = 500u64.saturating_mul(1 << attempt.min(5)).min(10_000);
    base + (seed.wrapping_mul(7919).wrapping_add(attempt as u64 * 104_729)) % (base / 4 + 1)
}

fn progress_line(done: usize, total: usize) -> String {
    format!("{PROGRESS_TAG} done={done} total={total}")
}

fn parse_progress(logs: &str) -> Option<(usize, usize)> {
    let line = logs.lines().rev().find(|l| l.starts_with(PROGRESS_TAG))?;
    let mut done = None;
    let mut total = None;
    for part in line[PROGRESS_TAG.len()..].split_whitespace() {
        if let Some(v) = part.strip_prefix("done=") {
            done = v.parse().ok();
        } else if let Some(v) = part.strip_prefix("total=") {
            total = v.parse().ok();
        }
    }
    Some((done?, total?))
}

fn error_of_logs(logs: &str) -> Option<String> {
    let text: Vec<&str> = logs.lines().filter(|l| !l.starts_with(PROGRESS_TAG)).collect();
    let text = text.join("\n");
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// One statement a deploy sends, with where it is in the file.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedStatement {
    pub sql: String,
    pub line: usize,
    /// A short description for progress output (`CREATE INDEX …`).
    pub summary: String,
    /// Cannot run inside a transaction block (Postgres).
    pub no_transaction: bool,
    /// `CREATE INDEX CONCURRENTLY` of this index: a failed build leaves it INVALID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concurrent_index: Option<String>,
}

/// The statements driftgate sends for a migration: top-level statements in
/// order, without the file's own `BEGIN`/`COMMIT` (driftgate wraps each
/// migration in its own transaction), and without empty ones.
pub fn statements_of(m: &Migration, dialect: Dialect) -> Vec<PlannedStatement> {
    statements_of_sql(&m.sql, dialect, 15)
}

fn statements_of_sql(src: &str, dialect: Dialect, pg_version: u32) -> Vec<PlannedStatement> {
    let file = sql::analyze(src, dialect);
    let lines = LineIndex::new(src);
    let mut out = Vec::new();
    for s in file.statements.iter().filter(|s| s.parent.is_none()) {
        if matches!(&s.ddl, Ddl::Transaction { verb } if matches!(verb.as_str(), "begin" | "start" | "commit" | "end"))
            && !s.tokens.get(1).is_some_and(|t| t.is_word(src, "atomic"))
        {
            continue;
        }
        let text = s.text(src).trim();
        if text.is_empty() {
            continue;
        }
        let concurrent_index = match &s.ddl {
            Ddl::CreateIndex { concurrently: true, name: Some(n), .. } => Some(n.name.clone()),
            _ => None,
        };
        out.push(PlannedStatement {
            sql: text.to_string(),
            line: lines.line_of(s.body.start),
            summary: summarize(text),
            no_transaction: dialect == Dialect::Postgres && cannot_run_in_transaction(src, s, pg_version),
            concurrent_index,
        });
    }
    out
}

fn summarize(text: &str) -> String {
    let one_line: String = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("--") && !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if one_line.chars().count() > 72 {
        format!("{}…", one_line.chars().take(71).collect::<String>())
    } else {
        one_line
    }
}

/// The rows read from the history tables, as JSON objects keyed by column
/// (text values from the CLI, typed values from a JS driver).
#[derive(Clone, Debug, Default)]
pub struct HistoryRows {
    pub orm_table_exists: bool,
    pub own_table_exists: bool,
    pub orm: Vec<Value>,
    pub own: Vec<Value>,
    /// Tables in the database outside the history tables.
    pub user_tables: usize,
}

fn text(row: &Value, key: &str) -> Option<String> {
    match row.get(key)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        v => Some(v.to_string()),
    }
}

fn int(row: &Value, key: &str) -> Option<i64> {
    match row.get(key)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Applied,
    /// Applied, but the file changed since (checksum differs).
    Edited,
    Pending,
    /// Pending, but sorts before a migration that is already applied (and,
    /// for Drizzle, would be skipped by drizzle-orm forever).
    OutOfOrder,
    /// A previous deploy failed here; nothing runs until `resolve`.
    Failed,
    /// A deploy stopped mid-migration without recording an error (killed):
    /// the next deploy continues from the recorded progress.
    Interrupted,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MigrationStatus {
    pub name: String,
    pub state: State,
    pub checksum: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_checksum: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
    pub statements_total: usize,
    /// For failed and interrupted migrations: how many statements ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statements_done: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// One line for humans: what happened and what to do.
    pub detail: String,
    /// Prisma: the id of the unfinished row a resumed run continues.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    pub format: &'static str,
    pub migrations: Vec<MigrationStatus>,
    /// Recorded as applied in the database but not in the folder.
    pub missing_locally: Vec<String>,
    /// The database has tables but no history table: deploy would run the
    /// whole history over an existing schema.
    pub needs_baseline: bool,
    pub summary: StatusSummary,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusSummary {
    pub applied: usize,
    pub pending: usize,
    pub failed: usize,
    pub interrupted: usize,
    pub edited: usize,
    pub out_of_order: usize,
}

impl Status {
    /// Anything a deploy would refuse or a CI gate should flag.
    pub fn has_findings(&self) -> bool {
        let s = &self.summary;
        s.pending + s.failed + s.interrupted + s.edited + s.out_of_order > 0 || !self.missing_locally.is_empty() || self.needs_baseline
    }
}

/// A recorded attempt, normalised over the three tables.
struct Attempt {
    /// Prisma's row id (an unfinished row is continued, not duplicated).
    id: Option<String>,
    checksum: Option<String>,
    applied: bool,
    failed_or_running: bool,
    error: Option<String>,
    done: Option<usize>,
    started_at: Option<String>,
    finished_at: Option<String>,
}

/// The status of every migration of `history` against the rows read with
/// [`Store::read_orm_sql`] / [`Store::read_own_sql`].
pub fn status(history: &History, dialect: Dialect, rows: &HistoryRows) -> Status {
    let mut migrations = Vec::new();
    let mut missing_locally = Vec::new();
    let own_by_name = |name: &str| rows.own.iter().find(|r| text(r, "name").as_deref() == Some(name));
    let max_drizzle_when = rows.orm.iter().filter_map(|r| int(r, "created_at")).max();

    // Which migrations are recorded, normalised to attempts.
    let attempts: Vec<Option<Attempt>> = history
        .migrations
        .iter()
        .map(|m| {
            let own = own_by_name(&m.name);
            let own_state = own.and_then(|r| text(r, "state"));
            let own_attempt = |applied: bool| {
                own.map(|r| Attempt {
                    id: None,
                    checksum: text(r, "checksum"),
                    applied,
                    failed_or_running: matches!(own_state.as_deref(), Some("failed" | "running")),
                    error: text(r, "error"),
                    done: int(r, "statements_done").map(|n| n.max(0) as usize),
                    started_at: text(r, "started_at"),
                    finished_at: text(r, "finished_at"),
                })
            };
            match history.format {
                HistoryFormat::Prisma => {
                    let mine: Vec<&Value> =
                        rows.orm.iter().filter(|r| text(r, "migration_name").as_deref() == Some(&m.name)).collect();
                    let applied = mine.iter().rev().find(|r| text(r, "finished_at").is_some() && text(r, "rolled_back_at").is_none());
                    let open = mine.iter().rev().find(|r| text(r, "finished_at").is_none() && text(r, "rolled_back_at").is_none());
                    if let Some(r) = applied {
                        Some(Attempt {
                            id: text(r, "id"),
                            checksum: text(r, "checksum"),
                            applied: true,
                            failed_or_running: false,
                            error: None,
                            done: None,
                            started_at: text(r, "started_at"),
                            finished_at: text(r, "finished_at"),
                        })
                    } else {
                        open.map(|r| {
                            let logs = text(r, "logs").unwrap_or_default();
                            Attempt {
                                id: text(r, "id"),
                                checksum: text(r, "checksum"),
                                applied: false,
                                failed_or_running: true,
                                error: error_of_logs(&logs),
                                done: parse_progress(&logs).map(|(d, _)| d),
                                started_at: text(r, "started_at"),
                                finished_at: None,
                            }
                        })
                    }
                }
                HistoryFormat::Drizzle => {
                    let when = m.when.unwrap_or(0);
                    let row = rows.orm.iter().find(|r| int(r, "created_at") == Some(when));
                    match row {
                        Some(r) => Some(Attempt {
                            id: None,
                            checksum: text(r, "hash"),
                            applied: true,
                            failed_or_running: false,
                            error: None,
                            done: None,
                            started_at: own.and_then(|o| text(o, "started_at")),
                            finished_at: own.and_then(|o| text(o, "finished_at")),
                        }),
                        None => own_attempt(false).filter(|a| a.failed_or_running),
                    }
                }
                HistoryFormat::Plain => match own_state.as_deref() {
                    Some("applied") => own_attempt(true),
                    Some("failed" | "running") => own_attempt(false),
                    _ => None,
                },
            }
        })
        .collect();

    let last_applied = attempts.iter().rposition(|a| a.as_ref().is_some_and(|a| a.applied));
    let mut summary = StatusSummary::default();
    for (i, (m, attempt)) in history.migrations.iter().zip(attempts).enumerate() {
        let total = statements_of(m, dialect).len();
        let mut st = MigrationStatus {
            name: m.name.clone(),
            state: State::Pending,
            checksum: m.checksum.clone(),
            recorded_checksum: None,
            started_at: None,
            finished_at: None,
            statements_total: total,
            statements_done: None,
            error: None,
            detail: String::new(),
            record_id: None,
        };
        match attempt {
            Some(a) if a.applied => {
                let same = match (&a.checksum, history.format) {
                    (Some(c), HistoryFormat::Prisma) => prisma_checksum_matches(m.sql.as_bytes(), c) || *c == m.checksum,
                    (Some(c), _) => *c == m.checksum,
                    (None, _) => true,
                };
                st.started_at = a.started_at;
                st.finished_at = a.finished_at;
                if same {
                    st.state = State::Applied;
                    st.detail = "applied".into();
                } else {
                    st.state = State::Edited;
                    st.detail = format!(
                        "applied, but the file changed afterwards (recorded checksum {}…, file {}…): the database ran the old text. Restore the file from git, or put the change in a new migration",
                        short(a.checksum.as_deref().unwrap_or("")),
                        short(&m.checksum)
                    );
                    st.recorded_checksum = a.checksum;
                }
            }
            Some(a) if a.failed_or_running => {
                st.statements_done = a.done;
                st.record_id = a.id;
                st.started_at = a.started_at;
                let ran = describe_progress(m, dialect, a.done.unwrap_or(0));
                if let Some(err) = a.error {
                    st.state = State::Failed;
                    st.detail = if runs_in_one_transaction(m, dialect) {
                        format!(
                            "FAILED and rolled back: it ran in one transaction, so none of its statements is in the database (the error below says which one failed). Nothing else is deployed until this is resolved: fix the migration or the data it needs, then run `driftgate resolve --rolled-back {n}` to run it again (or `driftgate resolve --applied {n}` if you applied it by hand)",
                            n = m.name
                        )
                    } else {
                        format!(
                            "FAILED: {ran}. Nothing else is deployed until this is resolved: fix the database by hand (finish or undo those statements), then run `driftgate resolve --applied {n}` if it is now fully applied or `driftgate resolve --rolled-back {n}` to run it again",
                            n = m.name
                        )
                    };
                    st.error = Some(err);
                } else {
                    st.state = State::Interrupted;
                    st.detail = format!(
                        "INTERRUPTED: a deploy stopped during this migration without recording an error (killed?): {ran}. The next `driftgate deploy` continues from there"
                    );
                }
            }
            _ => {
                let out_of_order = match history.format {
                    HistoryFormat::Drizzle => max_drizzle_when.is_some_and(|max| m.when.unwrap_or(0) <= max),
                    _ => last_applied.is_some_and(|l| i < l),
                };
                if out_of_order {
                    st.state = State::OutOfOrder;
                    st.detail = match history.format {
                        HistoryFormat::Drizzle => format!(
                            "not applied, and its journal `when` ({}) is older than the newest applied migration: drizzle-orm's migrator will skip it forever. It was probably merged from another branch: regenerate it after the newer migrations, or deploy it with `driftgate deploy --allow-out-of-order`",
                            m.when.unwrap_or(0)
                        ),
                        _ => "not applied, but a later migration is: it was probably merged from another branch. Check that it does not conflict with the later ones, then deploy with `driftgate deploy --allow-out-of-order`".into(),
                    };
                } else {
                    st.detail = "pending".into();
                }
                if out_of_order {
                    st.state = State::OutOfOrder;
                }
            }
        }
        match st.state {
            State::Applied => summary.applied += 1,
            State::Edited => summary.edited += 1,
            State::Pending => summary.pending += 1,
            State::OutOfOrder => summary.out_of_order += 1,
            State::Failed => summary.failed += 1,
            State::Interrupted => summary.interrupted += 1,
        }
        migrations.push(st);
    }

    // Recorded in the database, unknown to the folder.
    match history.format {
        HistoryFormat::Prisma => {
            for r in &rows.orm {
                if let Some(n) = text(r, "migration_name") {
                    let applied = text(r, "finished_at").is_some() && text(r, "rolled_back_at").is_none();
                    if applied && !history.migrations.iter().any(|m| m.name == n) && !missing_locally.contains(&n) {
                        missing_locally.push(n);
                    }
                }
            }
        }
        HistoryFormat::Drizzle => {
            for r in &rows.orm {
                let when = int(r, "created_at");
                if !history.migrations.iter().any(|m| m.when == when) {
                    missing_locally.push(format!(
                        "hash {}… created_at {}",
                        short(&text(r, "hash").unwrap_or_default()),
                        when.map(|w| w.to_string()).unwrap_or_else(|| "NULL".into())
                    ));
                }
            }
        }
        HistoryFormat::Plain => {
            for r in &rows.own {
                if let (Some(n), Some("applied")) = (text(r, "name"), text(r, "state").as_deref()) {
                    if !history.migrations.iter().any(|m| m.name == n) {
                        missing_locally.push(n);
                    }
                }
            }
        }
    }

    // An introspected Drizzle baseline expects the existing schema.
    let history_table_exists = if history.format == HistoryFormat::Plain { rows.own_table_exists } else { rows.orm_table_exists };
    let needs_baseline = !history_table_exists && rows.user_tables > 0 && history.baseline_snapshot.is_none();
    Status { format: history.format.name(), migrations, missing_locally, needs_baseline, summary }
}

fn short(s: &str) -> &str {
    &s[..s.len().min(12)]
}

/// The history as the database ran it, for comparing with the live
/// catalog: applied migrations (edited ones as the file now reads), plus the
/// statements that ran of a failed or interrupted one. Also the names of the
/// migrations left out as pending.
pub fn ran_history(history: &History, dialect: Dialect, status: &Status) -> (History, Vec<String>) {
    let mut ran = Vec::new();
    let mut pending = Vec::new();
    for (m, st) in history.migrations.iter().zip(&status.migrations) {
        match st.state {
            State::Applied | State::Edited => ran.push(m.clone()),
            State::Failed | State::Interrupted => {
                let stmts = statements_of(m, dialect);
                let done = st.statements_done.unwrap_or(0).min(stmts.len());
                let mut partial = m.clone();
                partial.sql = stmts[..done].iter().map(|s| format!("{};\n", s.sql)).collect();
                ran.push(partial);
            }
            State::Pending | State::OutOfOrder => pending.push(m.name.clone()),
        }
    }
    let mut out = history.clone();
    out.migrations = ran;
    (out, pending)
}

/// "statements 1–3 of 5 ran (lines 1–12); statement 4 at line 14 did not
/// complete: …" — what a migration run statement by statement left behind.
pub fn describe_progress(m: &Migration, dialect: Dialect, done: usize) -> String {
    let stmts = statements_of(m, dialect);
    let total = stmts.len();
    let ran = match done {
        _ if total == 0 => return "it has no statements".into(),
        0 if total == 1 => String::from("its only statement did not run to completion"),
        0 => format!("none of its {total} statements ran"),
        d if d >= total => return if total == 1 { "its only statement ran".into() } else { format!("all {total} statements ran") },
        1 => format!("statement 1 of {total} ran (line {})", stmts[0].line),
        d => format!("statements 1–{d} of {total} ran (lines {}–{})", stmts[0].line, stmts[d - 1].line),
    };
    let next = &stmts[done];
    if total == 1 {
        format!("{ran} (line {}: {})", next.line, next.summary)
    } else {
        format!("{ran}; statement {} at line {} did not complete: {}", done + 1, next.line, next.summary)
    }
}

/// Does driftgate run `m` in one transaction (so a failure left nothing)?
pub fn runs_in_one_transaction(m: &Migration, dialect: Dialect) -> bool {
    dialect == Dialect::Postgres && !statements_of(m, dialect).iter().any(|s| s.no_transaction)
}

/// Options a deploy is run with.
#[derive(Clone, Debug, Default)]
pub struct PlanOptions {
    pub allow_edited: bool,
    pub allow_out_of_order: bool,
    /// Connected through a transaction-mode pooler: no session lock.
    pub through_pooler: bool,
    pub pg_version: u32,
    /// Deploy up to and including this migration only.
    pub target: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// One transaction: the statements and the history row commit together.
    Transaction,
    /// Statement by statement, progress recorded after each (MySQL DDL, or
    /// a Postgres statement that cannot run in a transaction block).
    StatementByStatement,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedMigration {
    pub name: String,
    pub mode: Mode,
    /// Why it is not one transaction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Continue an interrupted run from this statement (0-based).
    pub resume_from: usize,
    /// Prisma: the unfinished row to continue (else a new row is written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    pub statements: Vec<PlannedStatement>,
    /// The migration sets its own `lock_timeout` / `statement_timeout`.
    pub sets_own_timeouts: bool,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Refusal {
    pub code: &'static str,
    pub migration: Option<String>,
    pub message: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub migrations: Vec<PlannedMigration>,
    pub refusals: Vec<Refusal>,
    /// Notes printed before deploying (unknown applied rows, …).
    pub warnings: Vec<String>,
}

/// What a deploy does from this status: the migrations to run and how, or
/// why it refuses. Refusals come first; a plan with any refusal runs nothing.
pub fn plan(history: &History, dialect: Dialect, status: &Status, opts: &PlanOptions) -> Plan {
    let mut refusals = Vec::new();
    let mut warnings = Vec::new();
    let mut migrations = Vec::new();
    let pg_version = if opts.pg_version == 0 { 15 } else { opts.pg_version };
    if status.needs_baseline {
        refusals.push(Refusal {
            code: "needs-baseline",
            migration: None,
            message: "the database already has tables but no migration history, so driftgate cannot know which migrations it already reflects; running the whole history over it would fail or double-apply. Baseline it: for each migration the database already contains run `driftgate resolve --applied NAME`, then deploy".into(),
        });
    }
    if !status.missing_locally.is_empty() {
        warnings.push(format!(
            "the database records migrations this folder does not have: {}. Another branch or service deployed them; make sure this folder is up to date",
            status.missing_locally.join(", ")
        ));
    }
    let target_index = opts
        .target
        .as_ref()
        .map(|t| history.migrations.iter().position(|m| &m.name == t));
    if let Some(None) = target_index {
        refusals.push(Refusal {
            code: "unknown-target",
            migration: opts.target.clone(),
            message: format!("no migration named `{}` in the folder", opts.target.as_deref().unwrap_or("")),
        });
    }
    for (i, (m, st)) in history.migrations.iter().zip(&status.migrations).enumerate() {
        match st.state {
            State::Applied => continue,
            State::Edited => {
                if !opts.allow_edited {
                    refusals.push(Refusal {
                        code: "edited",
                        migration: Some(m.name.clone()),
                        message: format!("{}: {} (or, knowing the database keeps the old version, deploy the rest with `driftgate deploy --allow-edited`)", m.name, st.detail),
                    });
                } else {
                    warnings.push(format!("{} was edited after it was applied (allowed by --allow-edited); the database keeps the old version", m.name));
                }
                continue;
            }
            State::Failed => {
                refusals.push(Refusal {
                    code: "failed",
                    migration: Some(m.name.clone()),
                    message: format!(
                        "{}: {}{}",
                        m.name,
                        st.detail,
                        st.error.as_ref().map(|e| format!("\n  the error was: {e}")).unwrap_or_default()
                    ),
                });
                continue;
            }
            State::OutOfOrder if !opts.allow_out_of_order => {
                refusals.push(Refusal { code: "out-of-order", migration: Some(m.name.clone()), message: format!("{}: {}", m.name, st.detail) });
                continue;
            }
            _ => {}
        }
        if let Some(Some(t)) = target_index {
            if i > t {
                continue;
            }
        }
        let statements = statements_of_sql(&m.sql, dialect, pg_version);
        let no_tx = statements.iter().find(|s| s.no_transaction);
        let (mode, reason) = match (dialect, no_tx) {
            (Dialect::Mysql, _) => (Mode::StatementByStatement, Some("MySQL commits DDL implicitly; statements run one by one with progress recorded".to_string())),
            (Dialect::Postgres, Some(s)) => (
                Mode::StatementByStatement,
                Some(format!("line {}: `{}` cannot run inside a transaction block", s.line, s.summary)),
            ),
            (Dialect::Postgres, None) => (Mode::Transaction, None),
        };
        if mode == Mode::StatementByStatement && dialect == Dialect::Postgres && opts.through_pooler {
            refusals.push(Refusal {
                code: "pooler-needs-direct-url",
                migration: Some(m.name.clone()),
                message: format!(
                    "{}: {} so it must run statement by statement, and driftgate must hold its deploy lock across those statements. Through PgBouncer in transaction mode no lock outlives a transaction for this client: a session-level advisory lock stays on whichever server connection took it, and PgBouncer hands that connection to the next client, which then gets the same lock too (locks are re-entrant per connection), so two deployers could run this migration at the same time, and the lock is left behind on the pooled connection. Deploy with a direct URL to the PostgreSQL server (not the pooler), e.g. --database-url postgres://USER:PASSWORD@db-host:5432/DB",
                    m.name,
                    reason.clone().unwrap_or_default()
                ),
            });
            continue;
        }
        let resume_from = match st.state {
            State::Interrupted if mode == Mode::StatementByStatement => st.statements_done.unwrap_or(0).min(statements.len()),
            _ => 0,
        };
        let sets_own_timeouts = statements.iter().any(|s| {
            let lower = s.sql.to_ascii_lowercase();
            lower.starts_with("set") && (lower.contains("lock_timeout") || lower.contains("statement_timeout") || lower.contains("lock_wait_timeout") || lower.contains("max_statement_time"))
        });
        let record_id = if st.state == State::Interrupted { st.record_id.clone() } else { None };
        migrations.push(PlannedMigration { name: m.name.clone(), mode, reason, resume_from, record_id, statements, sets_own_timeouts });
    }
    if !refusals.is_empty() {
        migrations.clear();
    }
    Plan { migrations, refusals, warnings }
}

/// What [`Store::probe_sql`] found for a migration a deploy is about to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Probe {
    /// Nothing recorded: run it.
    Pending,
    /// A concurrent deployer applied it meanwhile: skip it.
    Applied,
    /// A concurrent deployer recorded a failed (or unfinished) attempt
    /// meanwhile: stop, as a deploy that had read that state would refuse.
    Failed,
}

/// Reads the `state` rows of [`Store::probe_sql`]; `applied` wins (Drizzle:
/// drizzle-orm's row is the truth even when driftgate's table still holds an
/// older failure).
pub fn probe_state(states: &[Option<&str>]) -> Probe {
    if states.contains(&Some("applied")) {
        Probe::Applied
    } else if states.iter().any(|s| matches!(s, Some("failed" | "running"))) {
        Probe::Failed
    } else {
        Probe::Pending
    }
}

/// A UUID v4 from 16 random bytes (the host supplies the randomness).
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{read, FolderFile};
    use serde_json::json;

    fn drizzle_history() -> History {
        let journal = r#"{"version":"7","dialect":"postgresql","entries":[
            {"idx":0,"version":"7","when":100,"tag":"0000_a","breakpoints":true},
            {"idx":1,"version":"7","when":200,"tag":"0001_b","breakpoints":true},
            {"idx":2,"version":"7","when":150,"tag":"0002_c","breakpoints":true}]}"#;
        let files = vec![
            FolderFile { path: "meta/_journal.json".into(), contents: journal.as_bytes().to_vec() },
            FolderFile { path: "0000_a.sql".into(), contents: b"CREATE TABLE a (id int);".to_vec() },
            FolderFile { path: "0001_b.sql".into(), contents: b"CREATE TABLE b (id int);--> statement-breakpoint\nCREATE INDEX CONCURRENTLY b_idx ON b (id);".to_vec() },
            FolderFile { path: "0002_c.sql".into(), contents: b"BEGIN;\nCREATE TABLE c (id int);\nCOMMIT;".to_vec() },
        ];
        read(&files).unwrap()
    }

    #[test]
    fn drizzle_status_finds_skipped_entries_and_edits() {
        let h = drizzle_history();
        let rows = HistoryRows {
            orm_table_exists: true,
            own_table_exists: true,
            orm: vec![json!({"id":"1","hash":h.migrations[0].checksum,"created_at":"100"}), json!({"id":"2","hash":"beef","created_at":"200"})],
            own: vec![],
            user_tables: 2,
        };
        let st = status(&h, Dialect::Postgres, &rows);
        let states: Vec<State> = st.migrations.iter().map(|m| m.state).collect();
        assert_eq!(states, vec![State::Applied, State::Edited, State::OutOfOrder]);
        let p = plan(&h, Dialect::Postgres, &st, &PlanOptions::default());
        let codes: Vec<&str> = p.refusals.iter().map(|r| r.code).collect();
        assert_eq!(codes, vec!["edited", "out-of-order"]);
        assert!(p.migrations.is_empty());
        let p = plan(&h, Dialect::Postgres, &st, &PlanOptions { allow_edited: true, allow_out_of_order: true, ..Default::default() });
        assert!(p.refusals.is_empty());
        assert_eq!(p.migrations.len(), 1);
        // The file's own BEGIN/COMMIT are dropped: driftgate wraps it.
        assert_eq!(p.migrations[0].statements.len(), 1);
        assert_eq!(p.migrations[0].mode, Mode::Transaction);
    }

    #[test]
    fn concurrent_index_runs_statement_by_statement_and_not_through_a_pooler() {
        let h = drizzle_history();
        let rows = HistoryRows { orm_table_exists: true, own_table_exists: true, orm: vec![json!({"hash":h.migrations[0].checksum,"created_at":100})], ..Default::default() };
        let st = status(&h, Dialect::Postgres, &rows);
        let p = plan(&h, Dialect::Postgres, &st, &PlanOptions::default());
        assert_eq!(p.migrations[0].mode, Mode::StatementByStatement);
        assert_eq!(p.migrations[0].statements[1].concurrent_index.as_deref(), Some("b_idx"));
        let p = plan(&h, Dialect::Postgres, &st, &PlanOptions { through_pooler: true, ..Default::default() });
        assert_eq!(p.refusals[0].code, "pooler-needs-direct-url");
        assert!(p.refusals[0].message.contains("direct URL"));
    }

    #[test]
    fn prisma_failed_and_interrupted_rows() {
        let files = vec![
            FolderFile { path: "migration_lock.toml".into(), contents: b"provider = \"mysql\"".to_vec() },
            FolderFile { path: "20240101000000_a/migration.sql".into(), contents: b"CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id int);".to_vec() },
            FolderFile { path: "20240102000000_b/migration.sql".into(), contents: b"CREATE TABLE d (id int);".to_vec() },
        ];
        let h = read(&files).unwrap();
        let failed = HistoryRows {
            orm_table_exists: true,
            orm: vec![json!({"migration_name":"20240101000000_a","checksum":h.migrations[0].checksum,"finished_at":null,"rolled_back_at":null,"logs":"Table 'c' already exists\ndriftgate-progress: done=2 total=3"})],
            ..Default::default()
        };
        let st = status(&h, Dialect::Mysql, &failed);
        assert_eq!(st.migrations[0].state, State::Failed);
        assert_eq!(st.migrations[0].statements_done, Some(2));
        assert!(st.migrations[0].detail.contains("statements 1–2 of 3 ran (lines 1–2); statement 3 at line 3"), "{}", st.migrations[0].detail);
        assert_eq!(plan(&h, Dialect::Mysql, &st, &PlanOptions::default()).refusals[0].code, "failed");
        // What the database ran: the two statements before the failure.
        let (ran, pending) = ran_history(&h, Dialect::Mysql, &st);
        assert_eq!(ran.migrations.len(), 1);
        assert_eq!(ran.migrations[0].sql, "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
        assert_eq!(pending, vec!["20240102000000_b".to_string()]);
        let killed = HistoryRows {
            orm_table_exists: true,
            orm: vec![json!({"migration_name":"20240101000000_a","checksum":h.migrations[0].checksum,"finished_at":null,"rolled_back_at":null,"logs":"driftgate-progress: done=1 total=3"})],
            ..Default::default()
        };
        let st = status(&h, Dialect::Mysql, &killed);
        assert_eq!(st.migrations[0].state, State::Interrupted);
        let p = plan(&h, Dialect::Mysql, &st, &PlanOptions::default());
        assert_eq!(p.migrations[0].resume_from, 1);
        assert_eq!(p.migrations.len(), 2);
    }

    #[test]
    fn drizzle_probe_matches_the_exact_when() {
        let h = drizzle_history();
        let store = Store::new(HistoryFormat::Drizzle, Dialect::Postgres);
        // 0002_c (when 150) is not applied because 0001_b (when 200) is.
        let sql = store.probe_sql(&h.migrations[2]);
        assert!(sql.contains("created_at = 150"), "{sql}");
        assert!(sql.contains("\"drizzle\".\"_driftgate_migrations\""), "{sql}");
        assert_eq!(probe_state(&[]), Probe::Pending);
        assert_eq!(probe_state(&[Some("failed"), Some("applied")]), Probe::Applied);
        assert_eq!(probe_state(&[Some("running")]), Probe::Failed);
    }

    #[test]
    fn progress_is_described_per_statement() {
        let files = vec![
            FolderFile { path: "0001_a.sql".into(), contents: b"CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id int);".to_vec() },
            FolderFile { path: "0002_b.sql".into(), contents: b"CREATE INDEX CONCURRENTLY i ON a (id);".to_vec() },
        ];
        let h = read(&files).unwrap();
        let (three, one) = (&h.migrations[0], &h.migrations[1]);
        assert_eq!(describe_progress(three, Dialect::Mysql, 1), "statement 1 of 3 ran (line 1); statement 2 at line 2 did not complete: CREATE TABLE b (id int)");
        assert_eq!(describe_progress(three, Dialect::Mysql, 0), "none of its 3 statements ran; statement 1 at line 1 did not complete: CREATE TABLE a (id int)");
        assert_eq!(describe_progress(three, Dialect::Mysql, 3), "all 3 statements ran");
        assert_eq!(describe_progress(one, Dialect::Postgres, 0), "its only statement did not run to completion (line 1: CREATE INDEX CONCURRENTLY i ON a (id))");
        assert!(runs_in_one_transaction(three, Dialect::Postgres));
        assert!(!runs_in_one_transaction(three, Dialect::Mysql));
        assert!(!runs_in_one_transaction(one, Dialect::Postgres));
    }

    #[test]
    fn non_empty_database_without_history_needs_a_baseline() {
        let h = drizzle_history();
        let st = status(&h, Dialect::Postgres, &HistoryRows { user_tables: 3, ..Default::default() });
        assert!(st.needs_baseline);
        assert_eq!(plan(&h, Dialect::Postgres, &st, &PlanOptions::default()).refusals[0].code, "needs-baseline");
    }

    #[test]
    fn retry_policy() {
        assert!(retryable(Some("55P03"), None) && retryable(None, Some(1205)) && !retryable(Some("42P07"), None));
        // Doubling from 0.5 s up to 10 s, each with at most 25% jitter.
        for (attempt, base) in [500u64, 1000, 2000, 4000, 8000, 10_000, 10_000].into_iter().enumerate() {
            let w = backoff_ms(attempt as u32, 12345);
            assert!(w >= base && w <= base + base / 4, "attempt {attempt}: {w}");
        }
        assert!((0..50).all(|seed| (500..=625).contains(&backoff_ms(0, seed))));
    }

    #[test]
    fn literals_are_escaped_per_dialect() {
        assert_eq!(quote_literal(Dialect::Postgres, r"it's \n"), r"'it''s \n'");
        assert_eq!(quote_literal(Dialect::Mysql, r"it's \n"), r"'it''s \\n'");
        let u = uuid_v4([0xff; 16]);
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
    }
}
