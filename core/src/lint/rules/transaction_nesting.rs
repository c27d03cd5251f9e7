//! # transaction-nesting
//!
//! **Flags** `BEGIN` / `START TRANSACTION` where a transaction is already
//! open:
//!
//! - inside the transaction the runner wraps the file in — drizzle-orm's
//!   migrator (all pending migrations in one transaction) or a runner
//!   configured with `assume-in-transaction`;
//! - a second `BEGIN` after an explicit `BEGIN` that was not committed.
//!
//! Not flagged: the `BEGIN … COMMIT` that Prisma itself generates in enum
//! migrations (Postgres turns the file's implicit transaction into that
//! explicit one), and `BEGIN ATOMIC` routine bodies and PL/pgSQL blocks.
//!
//! **Why it is dangerous.** There are no nested transactions. On Postgres
//! the inner `BEGIN` only warns (`there is already a transaction in
//! progress`) — and then the file's `COMMIT` commits the *runner's*
//! transaction early. Everything after it runs in autocommit, so a failure
//! later leaves the migration half applied, and the runner, whose own
//! bookkeeping (Drizzle's `__drizzle_migrations` row) was meant to commit
//! atomically with the schema change, no longer protects anything. On MySQL
//! `BEGIN` / `START TRANSACTION` silently commits the open transaction.
//!
//! **Safe alternative.** Remove the `BEGIN` and its `COMMIT` and let the
//! runner's transaction cover the file. For statements that must not run in
//! a transaction (`CREATE INDEX CONCURRENTLY`), use a migration applied
//! outside the runner's transaction rather than committing it by hand.
//!
//! **Examples**
//!
//! ```sql
//! -- drizzle migration
//! BEGIN;                                   -- flagged
//! ALTER TABLE users ADD COLUMN bio text;
//! COMMIT;
//!
//! -- plain folder
//! BEGIN;
//! BEGIN;                                   -- flagged (second BEGIN)
//! ```

use crate::lint::{Cx, Emitter, HistoryKind, RuleMeta, Severity};
use crate::sql::ddl::Ddl;
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "transaction-nesting",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: None,
    summary: "BEGIN inside a runner transaction or an open BEGIN: the inner COMMIT ends the outer transaction early",
    source: doc_source!(include_str!("transaction_nesting.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::Transaction { verb } = &cx.stmt.ddl else { return };
    let toks = &cx.stmt.tokens;
    let opens = match verb.as_str() {
        "begin" => !toks.get(1).is_some_and(|t| t.is_word(cx.src, "atomic")),
        "start" => toks.get(1).is_some_and(|t| t.is_word(cx.src, "transaction")),
        _ => false,
    };
    if !opens || cx.stmt.parent.is_some() {
        return;
    }
    let mysql = cx.dialect() == Dialect::Mysql;
    let what = if verb == "begin" { "BEGIN" } else { "START TRANSACTION" };
    if cx.state.explicit_tx > 0 {
        let (message, help) = if mysql {
            (
                format!("{what} while a transaction is open commits that transaction implicitly: the statements before it are committed on their own"),
                "Remove the inner BEGIN/START TRANSACTION (and its COMMIT): MySQL has no nested transactions. Use SAVEPOINT for a partial rollback.".to_string(),
            )
        } else {
            (
                format!("{what} inside an open transaction is ignored (Postgres only warns), so the next COMMIT ends the outer transaction early"),
                "Remove the inner BEGIN and its COMMIT: Postgres has no nested transactions. Use SAVEPOINT for a partial rollback.".to_string(),
            )
        };
        out.emit(message, help);
        return;
    }
    if !cx.state.runner_tx || cx.opts.history == HistoryKind::Prisma {
        return;
    }
    let runner = match cx.opts.history {
        HistoryKind::Drizzle if !cx.opts.assume_in_transaction => "drizzle-orm's migrator already runs all pending migrations in one transaction",
        _ => "the migration runner already wraps this file in a transaction (assume-in-transaction is set)",
    };
    let message = if mysql {
        format!("{what} commits the runner's open transaction implicitly: {runner}, and the statements before this one are committed on their own")
    } else {
        format!("{what} is ignored here because {runner}; the COMMIT that follows then commits the runner's transaction early, so later statements run outside any transaction and a failure leaves the migration half applied")
    };
    out.emit(
        message,
        "Remove this BEGIN and its COMMIT: the runner already wraps the file in a transaction. A statement that must run outside a transaction (CREATE INDEX CONCURRENTLY) belongs in a migration applied outside the runner's transaction.",
    );
}
