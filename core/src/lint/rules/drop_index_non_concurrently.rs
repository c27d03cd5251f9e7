//! # drop-index-non-concurrently
//!
//! **Flags** `DROP INDEX` without `CONCURRENTLY` on Postgres when the
//! index belongs to a table that existed before this migration. When the
//! model does not know the index (so its table cannot be told), it is
//! flagged too.
//!
//! **Why it is dangerous.** A plain `DROP INDEX` takes an ACCESS EXCLUSIVE
//! lock on the index's *table*. The drop itself is quick, but the lock has
//! to wait for every running query on the table to finish, and while it
//! waits every new query on the table — reads included — queues behind it.
//! One slow report query is enough to stall all traffic to the table.
//!
//! **Safe alternative.** Drop it concurrently: Postgres waits for
//! conflicting transactions without blocking new ones. It cannot run inside
//! a transaction block, drops one index per statement and takes no
//! `CASCADE`, so give it a migration of its own (for Prisma a
//! `migration.sql` holding only this statement; Drizzle always wraps its
//! migrations in a transaction, so run it outside the migrator):
//!
//! ```sql
//! DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
//! ```
//!
//! The fix inserts `CONCURRENTLY`; it is not offered inside a transaction
//! block or for a statement dropping several indexes or using `CASCADE`,
//! where it would make the statement fail.
//!
//! **Examples**
//!
//! ```sql
//! DROP INDEX orders_status_idx;                  -- flagged (orders existed)
//! DROP INDEX CONCURRENTLY orders_status_idx;     -- not flagged
//! CREATE TABLE tmp (a int); CREATE INDEX tmp_a_idx ON tmp (a);
//! DROP INDEX tmp_a_idx;                          -- not flagged: tmp is new
//! ```

use super::lock_facts::{existed_at, index_table};
use super::stmt_text::after_object_keyword;
use crate::lint::{Cx, Emitter, Fix, RuleMeta, Severity};
use crate::span::Span;
use crate::sql::ddl::Ddl;
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "drop-index-non-concurrently",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "DROP INDEX without CONCURRENTLY blocks reads and writes on the table while it waits for its lock",
    source: doc_source!(include_str!("drop_index_non_concurrently.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::DropIndex { names, concurrently: false, if_exists, .. } = &cx.stmt.ddl else { return };
    // (index, its table for display) for the indexes on existing tables.
    let hits: Vec<(String, String)> = names
        .iter()
        .filter_map(|n| match index_table(cx, n) {
            Some(t) => existed_at(cx, cx.stmt.index, &t).then(|| (cx.qname(n), cx.qname(&t))),
            None => Some((cx.qname(n), String::new())),
        })
        .collect();
    if hits.is_empty() {
        return;
    }
    let cascade = cx.stmt.tokens.iter().any(|t| t.is_word(cx.src, "cascade"));
    let ie = if *if_exists { "IF EXISTS " } else { "" };
    let safe: Vec<String> = names.iter().map(|n| format!("DROP INDEX CONCURRENTLY {ie}{};", cx.qname(n))).collect();
    let (index, table) = &hits[0];
    let on = if table.is_empty() { "its table".to_string() } else { table.clone() };
    let what = if names.len() == 1 { format!("index {index}") } else { format!("indexes {}", hits.iter().map(|(i, _)| i.as_str()).collect::<Vec<_>>().join(", ")) };
    let mut notes = String::new();
    if names.len() > 1 {
        notes.push_str(" CONCURRENTLY drops one index per statement.");
    }
    if cascade {
        notes.push_str(" CONCURRENTLY does not allow CASCADE: drop the dependent objects first.");
    }
    if cx.in_transaction() {
        notes.push_str(" This file runs inside a transaction, where CONCURRENTLY is not allowed: put the statement in a migration of its own that runs outside a transaction.");
    }
    let d = out.emit(
        format!("dropping {what} without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on {on}: all reads and writes on {on} wait while it queues behind running queries"),
        format!("Drop it without blocking: `{}`.{notes}", safe.join(" ")),
    );
    if names.len() == 1 && !cascade && !cx.in_transaction() {
        if let Some(at) = after_object_keyword(cx.src, cx.stmt, "index") {
            d.fix = Some(Fix { span: Span::new(at, at), replacement: " CONCURRENTLY".to_string() });
        }
    }
}
