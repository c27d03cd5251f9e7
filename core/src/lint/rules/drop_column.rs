//! # drop-column
//!
//! **Flags** `ALTER TABLE … DROP COLUMN` on a table that existed before this
//! migration.
//!
//! **Why it is dangerous.** The column's data is gone the moment the
//! migration commits: there is no undo short of a backup restore. During a
//! rolling deploy the application instances still running the previous
//! release keep selecting and inserting the column, and fail with
//! `column "…" does not exist` until the last of them is replaced. An ORM
//! that generated the drop from a renamed field destroys the data silently.
//!
//! **Safe alternative** (expand/contract):
//! 1. Release code that no longer reads or writes the column (for Prisma,
//!    remove the field; for Drizzle, remove it from the table definition) and
//!    let it roll out completely.
//! 2. Optionally keep the data: `CREATE TABLE users_email_archive AS SELECT id, email FROM users;`
//! 3. Then, in a later migration, drop it:
//!
//! ```sql
//! ALTER TABLE users DROP COLUMN email;
//! ```
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE users DROP COLUMN email;        -- flagged (users existed)
//! CREATE TABLE t (a int, b int);
//! ALTER TABLE t DROP COLUMN b;                -- not flagged: t is new in this migration
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::{AlterAction, Ddl};

pub static RULE: RuleMeta = RuleMeta {
    id: "drop-column",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "DROP COLUMN on an existing table loses its data and breaks code still reading it",
    source: doc_source!(include_str!("drop_column.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    for a in actions {
        let AlterAction::DropColumn { column, .. } = a else { continue };
        let table = cx.qname(name);
        let col = cx.ident(column);
        out.emit(
            format!("dropping column {table}.{col} deletes its data, and running code that still reads it fails"),
            format!(
                "Contract in two releases: first ship code that no longer uses {table}.{col} and let the rollout finish; then drop it in a later migration. To keep the data: `CREATE TABLE {archive} AS SELECT * FROM {table};` before dropping. If this is really a rename, use `ALTER TABLE {table} RENAME COLUMN {col} TO <new_name>;` instead.",
                archive = cx.ident(&format!("{}_{}_archive", name.name, column)),
            ),
        );
    }
}
