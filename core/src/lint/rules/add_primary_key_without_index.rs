//! # add-primary-key-without-index
//!
//! **Flags** `ALTER TABLE … ADD [CONSTRAINT name] PRIMARY KEY (…)` (not
//! `USING INDEX`) on a Postgres table that existed before this migration.
//!
//! **Why it is dangerous.** Postgres builds the key's unique index inside the
//! `ALTER TABLE`, holding an ACCESS EXCLUSIVE lock for the whole build: every
//! read and write on the table waits. If a key column is nullable it is also
//! set `NOT NULL`, which scans the table under the same lock.
//!
//! **Safe alternative.** Make sure the columns are `NOT NULL` without a
//! blocking scan (`CHECK (id IS NOT NULL) NOT VALID`, `VALIDATE`, then
//! `SET NOT NULL`, see `set-not-null`), build the unique index concurrently,
//! then attach it as the primary key, which takes only a brief lock:
//!
//! ```sql
//! CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);
//! ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;
//! ```
//!
//! `CREATE INDEX CONCURRENTLY` cannot run inside a transaction block: for
//! Prisma give it a migration of its own; Drizzle always wraps migrations in
//! a transaction, so run it outside the migrator.
//!
//! The fix rewrites the statement into the two statements above; it is only
//! offered for a plain migration folder outside a transaction (where
//! `driftgate deploy` runs such a file statement by statement).
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE events ADD PRIMARY KEY (id);                                       -- flagged
//! ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey; -- not flagged
//! CREATE TABLE t (id int); ALTER TABLE t ADD PRIMARY KEY (id);                   -- not flagged: t is new
//! ```

use super::unique_index::{index_then_attach, Attach};
use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::{AlterAction, ConstraintDef, Ddl};
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "add-primary-key-without-index",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "ADD PRIMARY KEY builds its index under ACCESS EXCLUSIVE; use CREATE UNIQUE INDEX CONCURRENTLY + PRIMARY KEY USING INDEX",
    source: doc_source!(include_str!("add_primary_key_without_index.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    for a in actions {
        let AlterAction::AddConstraint { constraint: ConstraintDef::PrimaryKey { name: cname, columns, using_index: None }, .. } = a else {
            continue;
        };
        let index = cname.clone().unwrap_or_else(|| format!("{}_pkey", name.name));
        let cols: Vec<String> = columns.iter().map(|c| cx.ident(c)).collect();
        // Key columns the model knows to be nullable get SET NOT NULL, which scans.
        let nullable: Vec<&str> = cx
            .table(name)
            .map(|t| t.columns.iter().filter(|c| c.nullable && columns.contains(&c.name)).map(|c| c.name.as_str()).collect())
            .unwrap_or_default();
        let extra = match nullable.as_slice() {
            [] => String::new(),
            [first, rest @ ..] => {
                let t = cx.qname(name);
                let c = cx.ident(first);
                let cn = cx.ident(&format!("{}_{}_not_null", name.name, first));
                let (subject, them) = if rest.is_empty() {
                    (format!("{c} is"), "it")
                } else {
                    (format!("{} are", nullable.iter().map(|n| cx.ident(n)).collect::<Vec<_>>().join(", ")), "them")
                };
                let likewise = if rest.is_empty() { String::new() } else { format!(" (likewise for {})", rest.iter().map(|n| cx.ident(n)).collect::<Vec<_>>().join(", ")) };
                format!(
                    " {subject} nullable, and the key sets {them} NOT NULL with a scan under the same lock. First, without blocking: `ALTER TABLE {t} ADD CONSTRAINT {cn} CHECK ({c} IS NOT NULL) NOT VALID;`, `ALTER TABLE {t} VALIDATE CONSTRAINT {cn};`, `ALTER TABLE {t} ALTER COLUMN {c} SET NOT NULL;`{likewise}."
                )
            }
        };
        index_then_attach(
            cx,
            out,
            actions.len() == 1 && nullable.is_empty(),
            &Attach { table: name, index: &index, columns: &cols, nulls_not_distinct: false, kind: "PRIMARY KEY", what: "primary key", extra },
        );
    }
}
