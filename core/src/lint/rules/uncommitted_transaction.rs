//! # uncommitted-transaction
//!
//! **Flags** a `BEGIN` / `START TRANSACTION` that is still open at the end
//! of the file: no `COMMIT` (or `END`, `ROLLBACK`) follows it.
//!
//! **Why it is dangerous.** What happens to the work depends on the runner,
//! and none of the outcomes is what was meant. psql and most drivers roll
//! the open transaction back when the session ends: every statement after
//! the `BEGIN` is silently undone although the migration "succeeded" and may
//! be recorded as applied. A runner that keeps the connection may run its
//! own bookkeeping, or the next migration, inside the leftover transaction
//! and commit or lose them together. On MySQL DDL commits implicitly, so the
//! part that is kept is the part before the last DDL statement.
//!
//! **Safe alternative.** End the transaction in the same file:
//!
//! ```sql
//! BEGIN;
//! ALTER TABLE users ADD COLUMN bio text;
//! UPDATE users SET bio = '' WHERE bio IS NULL;
//! COMMIT;
//! ```
//!
//! The fix appends `COMMIT;` at the end of the file.
//!
//! **Examples**
//!
//! ```sql
//! BEGIN; ALTER TABLE users ADD COLUMN bio text;            -- flagged
//! BEGIN; ALTER TABLE users ADD COLUMN bio text; COMMIT;    -- not flagged
//! ```

use crate::lint::{Cx, Emitter, Fix, FileCx, RuleMeta, Severity};
use crate::span::Span;
use crate::sql::split::Terminator;

pub static RULE: RuleMeta = RuleMeta {
    id: "uncommitted-transaction",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "BEGIN without COMMIT or ROLLBACK by the end of the file",
    source: doc_source!(include_str!("uncommitted_transaction.rs")),
    check: no_statement_check,
    check_file: Some(check_file),
};

fn no_statement_check(_: &Cx, _: &mut Emitter) {}

fn check_file(fcx: &FileCx, out: &mut Emitter) {
    if fcx.state.explicit_tx == 0 {
        return;
    }
    let Some(span) = fcx.state.explicit_tx_start else { return };
    let opener = span.slice(fcx.src).split_whitespace().next().unwrap_or("BEGIN").to_ascii_uppercase();
    let opener = if opener == "START" { "START TRANSACTION".to_string() } else { opener };
    let d = out.emit_at(
        span,
        format!("the transaction opened here by {opener} is never committed: when the session ends it is rolled back, silently undoing every statement after it"),
        format!("Add `COMMIT;` after the last statement that belongs to the transaction (or remove this {opener} if the runner already wraps the migration in a transaction)."),
    );
    let last = fcx.file.statements.iter().rev().find(|s| s.parent.is_none());
    d.fix = match last.map(|s| (s.terminator, s.body.end)) {
        // The last statement has no `;`: end it before committing.
        Some((Terminator::EndOfFile, at)) => Some(Fix { span: Span::new(at, at), replacement: ";\nCOMMIT;".to_string() }),
        // After a custom MySQL DELIMITER a `;` would not end the statement.
        Some((Terminator::Delimiter, _)) => None,
        _ => {
            let end = fcx.src.len();
            let sep = if fcx.src.ends_with('\n') || fcx.src.is_empty() { "" } else { "\n" };
            Some(Fix { span: Span::new(end, end), replacement: format!("{sep}COMMIT;\n") })
        }
    };
}
