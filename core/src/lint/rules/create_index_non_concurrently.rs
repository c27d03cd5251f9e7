//! # create-index-non-concurrently
//!
//! **Flags** `CREATE INDEX` without `CONCURRENTLY` on a Postgres table that
//! existed before this migration.
//!
//! **Why it is dangerous.** A plain `CREATE INDEX` holds a SHARE lock on the
//! table for the whole build: every `INSERT`, `UPDATE` and `DELETE` waits,
//! for minutes on a large table. Requests pile up behind it and the
//! connection pool runs dry.
//!
//! **Safe alternative.** Build it concurrently (reads and writes continue),
//! outside any transaction block, with the statement alone in its migration
//! for Prisma and Drizzle (both run migrations inside a transaction):
//!
//! ```sql
//! CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);
//! ```
//!
//! A failed concurrent build leaves an `INVALID` index behind: drop it with
//! `DROP INDEX CONCURRENTLY` and retry.
//!
//! **Examples**
//!
//! ```sql
//! CREATE INDEX orders_customer_id_idx ON orders (customer_id);   -- flagged
//! CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id); -- not flagged
//! CREATE TABLE t (a int); CREATE INDEX t_a_idx ON t (a);         -- not flagged: t is new
//! ```

use crate::lint::{Cx, Emitter, Fix, RuleMeta, Severity};
use crate::sql::ddl::Ddl;
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "create-index-non-concurrently",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "CREATE INDEX without CONCURRENTLY blocks writes to the table for the whole build",
    source: doc_source!(include_str!("create_index_non_concurrently.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::CreateIndex { table, concurrently: false, unique, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(table) {
        return;
    }
    // Insert CONCURRENTLY after `CREATE [UNIQUE] INDEX`.
    let toks = &cx.stmt.tokens;
    let index_kw = toks.iter().position(|t| t.is_word(cx.src, "index"));
    let t = cx.qname(table);
    let mut fixed = String::new();
    let fix = index_kw.map(|i| {
        let at = toks[i].end;
        fixed = format!("{} CONCURRENTLY{}", &cx.src[cx.stmt.body.start..at], &cx.src[at..cx.stmt.body.end]);
        Fix { span: crate::span::Span::new(at, at), replacement: " CONCURRENTLY".to_string() }
    });
    let tx_note = if cx.in_transaction() {
        " This file runs inside a transaction, where CONCURRENTLY is not allowed: put the statement in a migration of its own (and, for Drizzle and Prisma, one that runs outside a transaction)."
    } else {
        ""
    };
    let d = out.emit(
        format!("creating {}index on {t} without CONCURRENTLY blocks all writes to {t} until the build finishes", if *unique { "a unique " } else { "an " }),
        format!("Build it without blocking writes: `{}`.{tx_note}", if fixed.is_empty() { "CREATE INDEX CONCURRENTLY …".to_string() } else { fixed.trim().to_string() }),
    );
    d.fix = fix;
}
