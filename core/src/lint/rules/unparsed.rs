//! # unparsed
//!
//! **Flags** (info) a statement the SQL parser could not read, while
//! driftgate's token reader still classified it (for example
//! `DROP INDEX CONCURRENTLY IF EXISTS`, `CREATE PUBLICATION`, MySQL
//! `RENAME INDEX`). The message says what was still understood: the kind of
//! statement and the objects it names, which the other rules used.
//!
//! **Why it matters.** Rules that need the full syntax tree may see less of
//! this statement. Nothing is skipped silently: destructive statements are
//! still recognised from their keywords.
//!
//! **What to do.** Usually nothing. If the statement is valid, it is a gap
//! in the parser; suppress with `-- driftgate-ignore unparsed: <why>`.
//!
//! **Example**
//!
//! ```sql
//! CREATE PUBLICATION app_pub FOR TABLE users;   -- info: classified as create-publication
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ParseStatus;

pub static RULE: RuleMeta = RuleMeta {
    id: "unparsed",
    severity: Severity::Info,
    default_enabled: true,
    dialect: None,
    summary: "statement the parser could not read (with what was still classified)",
    source: doc_source!(include_str!("unparsed.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    if cx.stmt.status != ParseStatus::Unparsed || super::syntax_error::is_syntax_error(cx) {
        return;
    }
    let what = match (&cx.stmt.ddl, cx.stmt.kind.as_str()) {
        (crate::sql::ddl::Ddl::AlterTable { name, actions, .. }, _) => format!("ALTER TABLE {} with {} action(s)", name.display(), actions.len()),
        (_, k) => k.to_string(),
    };
    let err = cx.stmt.error.as_ref().map(|e| e.message.as_str()).unwrap_or("");
    out.emit(
        format!("the SQL parser could not read this statement ({err}); driftgate classified it from its tokens as {what}"),
        "Nothing to do if the statement is valid: every rule still saw its kind and the objects it names. Suppress with `-- driftgate-ignore unparsed: <reason>`.",
    );
}
