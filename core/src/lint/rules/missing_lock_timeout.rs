//! # missing-lock-timeout
//!
//! Not raised for plain SQL folders: `driftgate deploy` applies those and
//! sets lock_timeout and statement_timeout for its session.
//!
//! **Flags** the first statement of a Postgres migration that takes a lock
//! blocking ordinary queries on a table that existed before the migration —
//! ACCESS EXCLUSIVE (`ALTER TABLE`, `DROP TABLE`, `DROP INDEX`, `TRUNCATE`,
//! `LOCK`, `VACUUM FULL`, …), SHARE (`CREATE INDEX` without
//! `CONCURRENTLY`) or SHARE ROW EXCLUSIVE (`ADD CONSTRAINT … FOREIGN KEY`) —
//! when no `SET lock_timeout` came earlier in the file. It is reported once
//! per file: one `SET` at the top covers every statement.
//!
//! **Why it is dangerous.** A lock request waits for every transaction
//! already using the table, and *every query that arrives after it queues
//! behind it* — even one that the migration would only hold for a
//! millisecond. One long-running report or an idle-in-transaction session is
//! enough: the `ALTER TABLE` waits, and all reads and writes on the table
//! pile up behind it until the connection pool is exhausted. Without a
//! `lock_timeout` the wait has no end.
//!
//! **Safe alternative.** Give up quickly and retry instead of queueing:
//!
//! ```sql
//! SET lock_timeout = '2s';
//! ALTER TABLE users ADD COLUMN nickname text;
//! ```
//!
//! `driftgate deploy` sets `lock_timeout` (and `statement_timeout`) for its
//! session unless the migration sets its own, and retries a migration that
//! timed out on a lock with backoff. Migrations applied by another runner
//! (`prisma migrate deploy`, drizzle-orm's migrator, psql) need the `SET` as
//! their first line. The fix inserts it before the flagged statement.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE users ADD COLUMN nickname text;    -- flagged (users existed, no lock_timeout)
//! SET lock_timeout = '2s';
//! ALTER TABLE users ADD COLUMN nickname text;    -- not flagged
//! CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN b int;   -- not flagged: t is new
//! ```

use super::lock_facts::{first_unprotected, Timeout};
use super::stmt_text::line_before;
use crate::lint::{Cx, Emitter, Fix, RuleMeta, Severity};
use crate::span::Span;
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "missing-lock-timeout",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "a statement that locks an existing table with no lock_timeout set earlier in the file",
    source: doc_source!(include_str!("missing_lock_timeout.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    // Plain folders are applied by `driftgate deploy`, which sets both
    // timeouts for its session: only ORM runners leave them unset.
    if cx.opts.history == crate::lint::HistoryKind::Plain {
        return;
    }
    let Some(b) = first_unprotected(cx, Timeout::Lock) else { return };
    let d = out.emit(
        format!(
            "this statement needs {} on {} and no lock_timeout is set: if it has to wait behind running queries, all {} on {} queue behind it for as long as it waits",
            b.a_lock(), b.table, b.blocks, b.table
        ),
        "`driftgate deploy` sets lock_timeout and statement_timeout for its session, so nothing is needed when it applies this migration. With any other runner, make `SET lock_timeout = '2s';` the first line of the file, so that a blocked lock fails fast and the migration can be retried instead of stalling traffic.",
    );
    let (at, line_start) = line_before(cx.src, cx.stmt);
    let replacement = if line_start { "SET lock_timeout = '2s';\n" } else { "SET lock_timeout = '2s'; " };
    d.fix = Some(Fix { span: Span::new(at, at), replacement: replacement.to_string() });
}
