//! # down-drops-data
//!
//! **Flags** in a down/rollback migration (`20240101_x.down.sql`, or
//! linted with `down`) any `DROP TABLE`, `DROP COLUMN`, `TRUNCATE` or
//! `DROP SCHEMA` of an object that existed before the rollback started —
//! typically what the up migration created.
//!
//! **Why it is dangerous.** A rollback runs when a release is in trouble,
//! after the up migration has been live: the new table or column already
//! holds data users wrote since. Dropping it in the rollback destroys that
//! data, in a hurry, and makes rolling forward again impossible without a
//! restore. driftgate's rollback contract is that a rollback never destroys
//! data written since the up migration.
//!
//! **Safe alternative.** Make the rollback leave the new objects in place:
//! the previous release simply does not use them. Relax whatever would
//! break old code instead, and clean up in a later forward migration once
//! you know the data is not needed:
//!
//! ```sql
//! -- instead of: ALTER TABLE users DROP COLUMN status;
//! ALTER TABLE users ALTER COLUMN status DROP NOT NULL;   -- old inserts without status keep working
//! -- instead of: DROP TABLE audit_events;
//! -- nothing (or ALTER TABLE audit_events RENAME TO audit_events_rolled_back;)
//! ```
//!
//! **Examples**
//!
//! ```sql
//! -- users.down.sql
//! ALTER TABLE users DROP COLUMN status;   -- flagged
//! DROP INDEX users_status_idx;            -- not flagged: no data is lost
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::{AlterAction, Ddl};

pub static RULE: RuleMeta = RuleMeta {
    id: "down-drops-data",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "a down/rollback migration that drops data written since the up migration",
    source: doc_source!(include_str!("down_drops_data.rs")),
    check,
    check_file: None,
};

const CONTRACT: &str = "A rollback must never destroy data written since the up migration ran";

fn check(cx: &Cx, out: &mut Emitter) {
    if !cx.opts.is_down {
        return;
    }
    match &cx.stmt.ddl {
        Ddl::DropTable { names, .. } => {
            for n in names.iter().filter(|n| cx.table_existed(n)) {
                let t = cx.qname(n);
                out.emit(
                    format!("this rollback drops table {t}: every row written to it since the up migration is lost"),
                    format!(
                        "{CONTRACT}. Leave {t} in place (the previous release simply does not use it), or move it aside: `ALTER TABLE {t} RENAME TO {old};`. Drop it in a later forward migration once you know the data is not needed.",
                        old = cx.ident(&format!("{}_rolled_back", n.name))
                    ),
                );
            }
        }
        Ddl::AlterTable { name, actions, .. } if cx.table_existed(name) => {
            let initial = cx.initial.tables.get(&cx.key(name));
            for a in actions {
                let AlterAction::DropColumn { column, .. } = a else { continue };
                // A column added earlier in this same file holds nothing yet.
                if initial.is_some_and(|t| !t.columns.iter().any(|c| &c.name == column)) {
                    continue;
                }
                let t = cx.qname(name);
                let c = cx.ident(column);
                let required = cx.table(name).and_then(|tb| tb.columns.iter().find(|x| &x.name == column)).is_some_and(|x| !x.nullable && x.default.is_none() && x.identity.is_none());
                let relax = if required {
                    format!(" It is NOT NULL without a default, so make old inserts work with `ALTER TABLE {t} ALTER COLUMN {c} DROP NOT NULL;` instead.")
                } else {
                    " The previous release ignores it: leaving it is enough.".to_string()
                };
                out.emit(
                    format!("this rollback drops column {t}.{c}: every value written to it since the up migration is lost"),
                    format!("{CONTRACT}. Keep {t}.{c} and drop it in a later forward migration.{relax}"),
                );
            }
        }
        Ddl::Truncate { tables } => {
            for n in tables.iter().filter(|n| cx.table_existed(n)) {
                let t = cx.qname(n);
                out.emit(
                    format!("this rollback truncates {t}: every row in it is lost, including rows written since the up migration"),
                    format!("{CONTRACT}. Remove the TRUNCATE: undoing a schema change never needs to delete rows."),
                );
            }
        }
        Ddl::DropSchema { names, .. } => {
            for n in names {
                let s = cx.ident(n);
                out.emit(
                    format!("this rollback drops schema {s} and everything in it"),
                    format!(
                        "{CONTRACT}. Leave {s} in place, or rename it aside: `ALTER SCHEMA {s} RENAME TO {old};`, and drop it in a later forward migration.",
                        old = cx.ident(&format!("{n}_rolled_back"))
                    ),
                );
            }
        }
        _ => {}
    }
}
