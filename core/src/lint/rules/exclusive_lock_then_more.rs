//! # exclusive-lock-then-more
//!
//! **Flags** a statement that runs, inside a transaction, after an earlier
//! statement of the same transaction took an ACCESS EXCLUSIVE lock on a
//! table that existed before the migration. The transaction is an explicit
//! `BEGIN`, or the one the runner wraps the file in (Drizzle, a Prisma file
//! with several statements, `assume-in-transaction`). It is reported on the
//! first such statement (transaction control and `SET` do not count), and
//! names the table and the line of the statement that took the lock.
//!
//! **Why it is dangerous.** Locks are held until the transaction ends. An
//! `ALTER TABLE` that takes a millisecond keeps the table closed to every
//! read and write for as long as the *rest* of the transaction runs: an
//! index build, a backfill, a validation scan, or a wait for a lock on a
//! second table (where two migrations or a migration and the application
//! can also deadlock).
//!
//! **Safe alternative.** Put the statement that takes the ACCESS EXCLUSIVE
//! lock last in its transaction, or in a migration of its own, so the lock
//! is released as soon as it is done:
//!
//! ```sql
//! -- migration 1
//! CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
//! -- migration 2
//! ALTER TABLE orders ADD COLUMN archived_at timestamptz;
//! ```
//!
//! Holding the lock on purpose — `ALTER TABLE … RENAME` followed by a
//! `CREATE VIEW` under the old name, so no query ever sees neither — is
//! fine when what follows is quick: silence it with
//! `-- driftgate-ignore exclusive-lock-then-more: rename + view must be atomic`.
//!
//! **Examples**
//!
//! ```sql
//! BEGIN;
//! ALTER TABLE orders ADD COLUMN archived_at timestamptz;
//! UPDATE orders SET archived_at = now() WHERE status = 'archived';   -- flagged: orders stays locked
//! COMMIT;
//!
//! BEGIN;
//! CREATE TABLE tags (id int);
//! ALTER TABLE tags ADD COLUMN name text;
//! INSERT INTO tags VALUES (1, 'a');    -- not flagged: tags is new, nobody else waits for it
//! COMMIT;
//! ```

use super::lock_facts::{exclusive_lock_held, is_bookkeeping};
use super::stmt_text::line_of;
use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "exclusive-lock-then-more",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "more statements after an ACCESS EXCLUSIVE lock in the same transaction keep the table locked while they run",
    source: doc_source!(include_str!("exclusive_lock_then_more.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    if is_bookkeeping(cx.stmt) {
        return;
    }
    let Some((locker, b)) = exclusive_lock_held(cx) else { return };
    // Only the first statement that runs while the lock is held.
    if cx.file.statements[locker.index + 1..cx.stmt.index].iter().any(|s| !is_bookkeeping(s)) {
        return;
    }
    let line = line_of(cx.src, locker.body.start);
    let tx = if cx.state.explicit_tx > 0 { "the transaction" } else { "the runner's transaction" };
    out.emit(
        format!("{} stays locked (ACCESS EXCLUSIVE, taken on line {line}) while this and every later statement of {tx} runs: all reads and writes on it wait until COMMIT", b.table),
        format!("Release the lock sooner: move the statement on line {line} to the end of {tx}, or into a migration of its own, so that no other work runs while {} is locked.", b.table),
    );
}
