//! The "build the index concurrently, then attach it" diagnostic shared by
//! `add-unique-constraint` and `add-primary-key-without-index`.

use crate::lint::{Cx, Emitter, Fix, HistoryKind};
use crate::sql::ddl::QName;

pub struct Attach<'a> {
    pub table: &'a QName,
    /// Index (and constraint) name, unquoted.
    pub index: &'a str,
    /// Index elements, already quoted.
    pub columns: &'a [String],
    pub nulls_not_distinct: bool,
    /// `UNIQUE` or `PRIMARY KEY`.
    pub kind: &'a str,
    /// `unique constraint` or `primary key`, for the message.
    pub what: &'a str,
    /// More help, appended.
    pub extra: String,
}

/// Emit the diagnostic; `fixable` when the statement holds only this action
/// and nothing else stands in the way of rewriting it.
pub fn index_then_attach(cx: &Cx, out: &mut Emitter, fixable: bool, a: &Attach) {
    let t = cx.qname(a.table);
    let i = cx.ident(a.index);
    let nnd = if a.nulls_not_distinct { " NULLS NOT DISTINCT" } else { "" };
    let create = format!("CREATE UNIQUE INDEX CONCURRENTLY {i} ON {t} ({}){nnd};", a.columns.join(", "));
    let attach = format!("ALTER TABLE {t} ADD CONSTRAINT {i} {} USING INDEX {i};", a.kind);
    let tx_note = if cx.opts.history == HistoryKind::Prisma {
        " Prisma runs a migration.sql of several statements as one transaction, where CONCURRENTLY fails: put the CREATE INDEX alone in a migration of its own, and the ALTER TABLE in the next one."
    } else if cx.in_transaction() {
        " CONCURRENTLY cannot run inside a transaction block, and this file runs in one: put the CREATE INDEX in a migration of its own that runs outside a transaction, and the ALTER TABLE in the next one."
    } else {
        ""
    };
    let d = out.emit(
        format!("adding {} {i} on {t} builds its index while holding an ACCESS EXCLUSIVE lock: reads and writes on {t} wait for the whole build", a.what),
        format!("Build the index without blocking, then attach it (a brief lock, no scan): `{create}` then `{attach}`.{}{tx_note}", a.extra),
    );
    if fixable && !cx.in_transaction() && cx.opts.history == HistoryKind::Plain {
        d.fix = Some(Fix { span: cx.stmt.body, replacement: format!("{create}\n{}", attach.trim_end_matches(';')) });
    }
}
