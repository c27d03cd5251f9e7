//! # missing-statement-timeout
//!
//! Not raised for plain SQL folders: `driftgate deploy` applies those and
//! sets lock_timeout and statement_timeout for its session.
//!
//! **Flags** the first statement of a Postgres migration that takes a lock
//! blocking ordinary queries on a table that existed before the migration
//! (the same statements as `missing-lock-timeout`) when no
//! `SET statement_timeout` came earlier in the file. Reported once per file.
//!
//! Severity is `info`: the lock *queue* is the common outage and
//! `missing-lock-timeout` covers it; this rule is about bounding how long a
//! statement may hold its lock once it has it.
//!
//! **Why it is dangerous.** Once granted, the lock is held until the
//! statement (and its transaction) ends. A statement expected to take a
//! second — an `ALTER TABLE` that unexpectedly rewrites, a validation on a
//! table ten times larger than in staging — keeps every query on the table
//! waiting for as long as it runs. With no `statement_timeout` nothing stops
//! it but a human at 2 a.m.
//!
//! **Safe alternative.** Bound it, with a limit above how long the statement
//! should take on your largest table:
//!
//! ```sql
//! SET lock_timeout = '2s';
//! SET statement_timeout = '5min';
//! ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
//! ```
//!
//! `driftgate deploy` sets `statement_timeout` (and `lock_timeout`) for its
//! session unless the migration sets its own. With another runner put the
//! `SET` at the top of the file. The fix inserts
//! `SET statement_timeout = '5min';` before the flagged statement: adjust
//! the value to your tables.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE orders ALTER COLUMN note TYPE text;   -- flagged (orders existed)
//! SET statement_timeout = '5min';
//! ALTER TABLE orders ALTER COLUMN note TYPE text;   -- not flagged
//! ```

use super::lock_facts::{first_unprotected, Timeout};
use super::stmt_text::line_before;
use crate::lint::{Cx, Emitter, Fix, RuleMeta, Severity};
use crate::span::Span;
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "missing-statement-timeout",
    severity: Severity::Info,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "a statement that locks an existing table with no statement_timeout set earlier in the file",
    source: doc_source!(include_str!("missing_statement_timeout.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    // Plain folders are applied by `driftgate deploy`, which sets both
    // timeouts for its session: only ORM runners leave them unset.
    if cx.opts.history == crate::lint::HistoryKind::Plain {
        return;
    }
    let Some(b) = first_unprotected(cx, Timeout::Statement) else { return };
    let d = out.emit(
        format!(
            "this statement holds {} on {} with no statement_timeout set: if it runs longer than expected, nothing limits how long {} on {} stay blocked",
            b.a_lock(), b.table, b.blocks, b.table
        ),
        "`driftgate deploy` sets statement_timeout and lock_timeout for its session, so nothing is needed when it applies this migration. With any other runner, start the file with `SET lock_timeout = '2s';` and `SET statement_timeout = '5min';` (a limit above how long this statement should take on your largest table).",
    );
    let (at, line_start) = line_before(cx.src, cx.stmt);
    let replacement = if line_start { "SET statement_timeout = '5min';\n" } else { "SET statement_timeout = '5min'; " };
    d.fix = Some(Fix { span: Span::new(at, at), replacement: replacement.to_string() });
}
