//! # unbatched-backfill
//!
//! **Flags** `UPDATE` or `DELETE` without a `WHERE` clause on a table that
//! existed before this migration — a change to every row, run as one
//! statement inside the migration.
//!
//! **Why it is dangerous.** One statement is one transaction: every row it
//! touches stays locked until it commits, so application writes to those
//! rows wait (or deadlock) for the whole run. It writes a new version of
//! every row at once: a burst of WAL/binlog that replicas lag behind, and on
//! Postgres a table full of dead rows for vacuum. Inside the migration's
//! transaction it also holds every lock the migration took before it. If it
//! fails half-way — a timeout, a deadlock — all of it rolls back and the
//! deploy fails.
//!
//! **Safe alternative.** Keep schema changes in the migration and change the
//! data in small batches, each its own short transaction, outside it:
//!
//! ```sh
//! driftgate backfill --table users --column status --set "'active'"
//! ```
//!
//! `driftgate backfill` walks the primary key in batches, only touches rows
//! that still need the value (so it can be re-run), pauses while replicas
//! lag, and resumes where it stopped. For a `DELETE` of every row, delete in
//! batches (`DELETE FROM t WHERE id IN (SELECT id FROM t LIMIT 5000)`,
//! repeated), or `TRUNCATE` when nothing else uses the table (instant, but
//! an ACCESS EXCLUSIVE lock).
//!
//! **Examples**
//!
//! ```sql
//! UPDATE users SET status = 'active';                        -- flagged (users existed)
//! UPDATE users SET status = 'active' WHERE status IS NULL;   -- not flagged: has a WHERE
//! CREATE TABLE t (a int); UPDATE t SET a = 1;                -- not flagged: t is new
//! ```

use super::stmt_text::{shell_quote, shell_word, update_assignments};
use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::Ddl;
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "unbatched-backfill",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: None,
    summary: "UPDATE/DELETE of every row of an existing table inside a migration; use driftgate backfill",
    source: doc_source!(include_str!("unbatched_backfill.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::Dml { verb, table: Some(table), whole_table: true } = &cx.stmt.ddl else { return };
    if !cx.table_existed(table) {
        return;
    }
    let t = cx.qname(table);
    let tn = shell_word(&table.display());
    match verb.as_str() {
        "update" => {
            let sets = update_assignments(cx.src, cx.stmt, cx.dialect());
            let commands: Vec<String> = if sets.is_empty() {
                vec![format!("driftgate backfill --table {tn} --column <column> --set \"<expression>\"")]
            } else {
                // A column that already held values: only rows whose value differs
                // need the change (the default is only the rows where it IS NULL).
                let known: Vec<&str> = cx.initial.tables.get(&cx.key(table)).map(|t| t.columns.iter().map(|c| c.name.as_str()).collect()).unwrap_or_default();
                sets.iter()
                    .map(|(c, e)| {
                        let col = cx.ident(c);
                        let filter = if known.contains(&c.as_str()) {
                            let differs = match cx.dialect() {
                                Dialect::Postgres => format!("{col} IS DISTINCT FROM ({e})"),
                                Dialect::Mysql => format!("NOT ({col} <=> ({e}))"),
                            };
                            format!(" --where {}", shell_quote(&differs))
                        } else {
                            String::new()
                        };
                        format!("driftgate backfill --table {tn} --column {} --set {}{filter}", shell_word(c), shell_quote(e))
                    })
                    .collect()
            };
            let cmds = commands.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", then ");
            out.emit(
                format!("updating every row of {t} in one statement locks all of its rows until the migration commits, and writes them all at once (replica lag, bloat)"),
                format!("Run the data change outside the migration in small batches, each its own transaction: {cmds}. It only touches rows that still need the value, so it can be re-run safely."),
            );
        }
        "delete" => {
            let key = cx
                .table(table)
                .and_then(|m| m.primary_key.as_ref())
                .filter(|pk| pk.columns.len() == 1)
                .map(|pk| cx.ident(&pk.columns[0]));
            let batch = match (cx.dialect(), key) {
                (Dialect::Mysql, _) => format!("DELETE FROM {t} LIMIT 5000;"),
                (Dialect::Postgres, Some(k)) => format!("DELETE FROM {t} WHERE {k} IN (SELECT {k} FROM {t} LIMIT 5000);"),
                (Dialect::Postgres, None) => format!("DELETE FROM {t} WHERE ctid IN (SELECT ctid FROM {t} LIMIT 5000);"),
            };
            out.emit(
                format!("deleting every row of {t} in one statement locks all of its rows until the migration commits, and writes them all at once (replica lag, bloat)"),
                format!("Delete in batches outside the migration, each its own transaction: repeat `{batch}` until it deletes nothing. If nothing uses {t} any more, `TRUNCATE {t};` is instant (but takes an ACCESS EXCLUSIVE lock)."),
            );
        }
        _ => {}
    }
}
