//! # add-unique-constraint
//!
//! **Flags** `ALTER TABLE … ADD [CONSTRAINT name] UNIQUE (…)` (not `USING
//! INDEX`) on a Postgres table that existed before this migration.
//!
//! **Why it is dangerous.** The constraint needs a unique index, and Postgres
//! builds it inside the `ALTER TABLE`, holding an ACCESS EXCLUSIVE lock for
//! the whole build: every read and write on the table waits, for minutes on
//! a large table.
//!
//! **Safe alternative.** Build the index concurrently first (reads and
//! writes continue), then attach it as the constraint, which only takes a
//! brief lock and does not scan:
//!
//! ```sql
//! CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
//! ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
//! ```
//!
//! `CREATE INDEX CONCURRENTLY` cannot run inside a transaction block: for
//! Prisma give it a migration of its own; Drizzle always wraps migrations in
//! a transaction, so run it outside the migrator. If existing rows hold
//! duplicates, the build fails and leaves an `INVALID` index: find them with
//! `SELECT email, count(*) FROM users GROUP BY email HAVING count(*) > 1;`,
//! drop the index with `DROP INDEX CONCURRENTLY`, fix the data and retry.
//!
//! The fix rewrites the statement into the two statements above; it is only
//! offered for a plain migration folder outside a transaction (where
//! `driftgate deploy` runs such a file statement by statement).
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);                 -- flagged
//! ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key; -- not flagged
//! CREATE TABLE t (a int); ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a);         -- not flagged: t is new
//! ```

use super::unique_index::{index_then_attach, Attach};
use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::{AlterAction, ConstraintDef, Ddl};
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "add-unique-constraint",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "ADD UNIQUE builds its index under ACCESS EXCLUSIVE; use CREATE UNIQUE INDEX CONCURRENTLY + ADD CONSTRAINT … USING INDEX",
    source: doc_source!(include_str!("add_unique_constraint.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    for a in actions {
        let AlterAction::AddConstraint { constraint: ConstraintDef::Unique { name: cname, columns, nulls_not_distinct, using_index: None }, .. } = a else {
            continue;
        };
        let cols: Vec<String> = columns
            .iter()
            .map(|e| e.column.as_deref().map(|c| cx.ident(c)).or_else(|| e.expression.clone()).unwrap_or_default())
            .collect();
        let raw: Vec<&str> = columns.iter().filter_map(|e| e.column.as_deref()).collect();
        let index = cname.clone().unwrap_or_else(|| format!("{}_{}_key", name.name, raw.join("_")));
        index_then_attach(
            cx,
            out,
            actions.len() == 1,
            &Attach { table: name, index: &index, columns: &cols, nulls_not_distinct: *nulls_not_distinct, kind: "UNIQUE", what: "unique constraint", extra: String::new() },
        );
    }
}
