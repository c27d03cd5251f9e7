//! # truncate
//!
//! **Flags** `TRUNCATE` of a table that existed before this migration.
//!
//! **Why it is dangerous.** Every row is gone the moment the migration
//! commits, with no undo short of a backup restore. `TRUNCATE … CASCADE`
//! (Postgres) also empties every table whose foreign keys point at it,
//! which is easy to miss in review. On Postgres it takes an ACCESS EXCLUSIVE
//! lock, and a migration runs on every environment: a `TRUNCATE` written to
//! reset development or seed data wipes production too.
//!
//! **Safe alternative.** Schema migrations should not delete data. If the
//! rows really must go, keep a copy, and delete as a reviewed data change in
//! batches, outside the schema migration:
//!
//! ```sql
//! CREATE TABLE sessions_backup AS TABLE sessions;   -- MySQL: CREATE TABLE sessions_backup AS SELECT * FROM sessions;
//! -- then, repeated until it deletes nothing (short transactions, no long lock):
//! DELETE FROM sessions WHERE id IN (SELECT id FROM sessions LIMIT 10000);
//! ```
//!
//! If the table is being retired, rename it out of the way instead
//! (`ALTER TABLE sessions RENAME TO sessions_deprecated;`) and drop it in a
//! later release.
//!
//! **Examples**
//!
//! ```sql
//! TRUNCATE sessions;                           -- flagged when sessions existed
//! TRUNCATE TABLE users CASCADE;                -- flagged, and names the tables referencing users
//! CREATE TABLE tmp (id int); TRUNCATE tmp;     -- not flagged: tmp is new in this migration
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::Ddl;

use super::support::list;

pub static RULE: RuleMeta = RuleMeta {
    id: "truncate",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "TRUNCATE deletes every row of an existing table (CASCADE: of the tables referencing it too)",
    source: doc_source!(include_str!("truncate.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::Truncate { tables } = &cx.stmt.ddl else { return };
    let cascade = cx.stmt.tokens.iter().any(|t| t.is_word(cx.src, "cascade"));
    for n in tables.iter().filter(|n| cx.table_existed(n)) {
        let t = cx.qname(n);
        // Tables whose foreign keys point at this one.
        let mut referencing: Vec<String> = match cx.table(n) {
            Some(target) => cx
                .schema
                .tables
                .values()
                .filter(|o| !(o.schema == target.schema && o.name == target.name))
                .filter(|o| o.foreign_keys.iter().any(|fk| fk.referenced_schema == target.schema && fk.referenced_table == target.name))
                .map(|o| cx.ident(&o.name))
                .collect(),
            None => Vec::new(),
        };
        referencing.sort();
        referencing.dedup();
        let also = if cascade && !referencing.is_empty() {
            format!(", and CASCADE also empties {}", list(&referencing, 4))
        } else if cascade {
            ", and CASCADE also empties every table whose foreign keys reference it".to_string()
        } else {
            String::new()
        };
        let backup = cx.ident(&format!("{}_backup", n.name));
        let copy = if cx.is_pg() { format!("CREATE TABLE {backup} AS TABLE {t};") } else { format!("CREATE TABLE {backup} AS SELECT * FROM {t};") };
        let pk = cx
            .table(n)
            .and_then(|x| x.primary_key.as_ref())
            .filter(|pk| pk.columns.len() == 1)
            .map(|pk| cx.ident(&pk.columns[0]))
            .unwrap_or_else(|| "id".into());
        let delete = if cx.is_pg() {
            format!("DELETE FROM {t} WHERE {pk} IN (SELECT {pk} FROM {t} LIMIT 10000);")
        } else {
            format!("DELETE FROM {t} LIMIT 10000;")
        };
        out.emit(
            format!("TRUNCATE deletes every row of {t}{also}; a migration runs on every environment, production included"),
            format!(
                "Keep data changes out of schema migrations. If the rows really must go, keep a copy first (`{copy}`) and delete in batches as a reviewed data change (`{delete}` repeated until it deletes nothing). If {t} is being retired, rename it out of the way instead: `ALTER TABLE {t} RENAME TO {old};`.",
                old = cx.ident(&format!("{}_deprecated", n.name)),
            ),
        );
    }
}
