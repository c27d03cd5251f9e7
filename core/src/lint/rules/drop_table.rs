//! # drop-table
//!
//! **Flags** `DROP TABLE` of a table that existed before this migration.
//!
//! **Why it is dangerous.** Every row is deleted with no undo, foreign keys
//! dropped with `CASCADE` vanish silently, and application instances of the
//! previous release that still query the table fail with
//! `relation "…" does not exist` until the rollout completes.
//!
//! **Safe alternative.** Stop using the table in code first and release
//! that. Then rename it out of the way for one release, which is reversible:
//!
//! ```sql
//! ALTER TABLE sessions RENAME TO sessions_deprecated_20240101;
//! -- a later migration, once nothing broke:
//! DROP TABLE sessions_deprecated_20240101;
//! ```
//!
//! **Examples**
//!
//! ```sql
//! DROP TABLE sessions;                 -- flagged when sessions existed
//! CREATE TABLE tmp (id int); DROP TABLE tmp;   -- not flagged
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::Ddl;

pub static RULE: RuleMeta = RuleMeta {
    id: "drop-table",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "DROP TABLE deletes every row and breaks code still querying the table",
    source: doc_source!(include_str!("drop_table.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::DropTable { names, cascade, .. } = &cx.stmt.ddl else { return };
    for n in names.iter().filter(|n| cx.table_existed(n)) {
        let t = cx.qname(n);
        let cascade_note = if *cascade { " CASCADE also drops the foreign keys and views that depend on it." } else { "" };
        out.emit(
            format!("dropping table {t} deletes all its rows{}", if *cascade { " and everything that depends on it" } else { "" }),
            format!(
                "Ship code that no longer uses {t} first. Then make the step reversible for one release: `ALTER TABLE {t} RENAME TO {old};` and drop {old} in a later migration.{cascade_note}",
                old = cx.ident(&format!("{}_deprecated", n.name)),
            ),
        );
    }
}
