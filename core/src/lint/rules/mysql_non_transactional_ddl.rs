//! # mysql-non-transactional-ddl
//!
//! **Flags** a MySQL/MariaDB migration with more than one DDL statement
//! (CREATE/ALTER/DROP/RENAME/TRUNCATE of tables, indexes, views, triggers, …).
//! The diagnostic points at the second one: from there on a failure leaves
//! the migration half applied.
//!
//! **Why it is dangerous.** MySQL cannot roll DDL back: every DDL statement
//! commits implicitly, and `BEGIN … COMMIT` around them changes nothing.
//! When statement 3 of 5 fails (a duplicate key while building a unique
//! index, a lock wait timeout, a foreign key type mismatch), statements 1
//! and 2 stay applied. Prisma then marks the migration failed and refuses to
//! deploy anything until someone repairs the database by hand and runs
//! `prisma migrate resolve`; re-running the file fails on the statements
//! that already ran (`Duplicate column name`, `Table already exists`).
//!
//! **Safe alternative.** One DDL statement per migration, so every migration
//! either applied or did not. Changes to the same table can share a single
//! `ALTER TABLE`, which MySQL applies atomically:
//!
//! ```sql
//! ALTER TABLE posts ADD COLUMN content text, ADD COLUMN meta json;   -- one statement, all or nothing
//! ```
//!
//! If the statements must stay together, make each one safe to re-run
//! (`CREATE TABLE IF NOT EXISTS`, MariaDB `ADD COLUMN IF NOT EXISTS`), so
//! finishing a half-applied migration is a plain retry.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE posts ADD content text;         -- not flagged alone
//! ALTER TABLE posts DROP COLUMN body;         -- flagged: the second DDL statement of the file
//! INSERT INTO settings VALUES ('a', 1);       -- DML is not counted
//! ```

use std::collections::BTreeMap;

use crate::lint::{Emitter, FileCx, RuleMeta, Severity};
use crate::sql::ddl::Ddl;
use crate::Dialect;

use super::support::{is_ddl, key, list, qname};

pub static RULE: RuleMeta = RuleMeta {
    id: "mysql-non-transactional-ddl",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Mysql),
    summary: "several DDL statements in one MySQL migration: MySQL commits each one, so a failure leaves it half applied",
    source: doc_source!(include_str!("mysql_non_transactional_ddl.rs")),
    check: |_, _| {},
    check_file: Some(check_file),
};

fn check_file(fx: &FileCx, out: &mut Emitter) {
    let d = Dialect::Mysql;
    let ddl: Vec<_> = fx.file.statements.iter().filter(|s| s.parent.is_none() && is_ddl(&s.ddl)).collect();
    if ddl.len() < 2 {
        return;
    }
    let second = ddl[1];
    // ALTER TABLE statements that could be merged into one per table.
    let mut alters: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for s in &ddl {
        if let Ddl::AlterTable { name, .. } = &s.ddl {
            alters.entry(key(d, "", name)).or_insert_with(|| (qname(name, d), 0)).1 += 1;
        }
    }
    let mergeable: Vec<(String, usize)> = alters.into_values().filter(|(_, n)| *n > 1).collect();
    let merge = match &mergeable[..] {
        [] => String::new(),
        [(t, n)] => format!(" Here, the {n} ALTER TABLE statements on {t} can be a single `ALTER TABLE {t} …, …;`."),
        many => {
            let parts: Vec<String> = many.iter().map(|(t, n)| format!("the {n} on {t}")).collect();
            format!(" Here, the ALTER TABLE statements on the same table ({}) can each be merged into one.", list(&parts, 3))
        }
    };
    out.emit_at(
        second.body,
        format!(
            "this MySQL migration runs {} DDL statements and MySQL commits each one on its own: if this or a later one fails, the statements before it stay applied and the migration is left half done",
            ddl.len()
        ),
        format!(
            "Put each DDL statement in a migration of its own (Prisma: one migration directory each), so every migration either applied or did not; several changes to one table can share a single ALTER TABLE, which is atomic.{merge} If they must stay together, make each statement safe to re-run (IF NOT EXISTS / IF EXISTS) so finishing a half-applied migration is a retry."
        ),
    )
    .statement = Some(second.index);
}
