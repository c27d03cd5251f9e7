//! # add-required-column
//!
//! **Flags** `ADD COLUMN … NOT NULL` without a `DEFAULT` on a table that
//! existed before this migration (identity, serial and generated columns
//! fill themselves and are not flagged).
//!
//! **Why it is dangerous.** If the table has rows the statement fails
//! (`column "…" contains null values`) and the deploy stops halfway. If it
//! is empty today it succeeds, and then every `INSERT` from the previous
//! release — which does not know the column — fails during the rollout.
//!
//! **Safe alternative** (expand, backfill, contract):
//!
//! ```sql
//! ALTER TABLE users ADD COLUMN status text;                 -- 1. nullable
//! -- 2. backfill in batches: driftgate backfill --table users --column status --set "'active'"
//! ALTER TABLE users ADD CONSTRAINT users_status_not_null CHECK (status IS NOT NULL) NOT VALID;
//! ALTER TABLE users VALIDATE CONSTRAINT users_status_not_null;
//! ALTER TABLE users ALTER COLUMN status SET NOT NULL;       -- 3. instant after the valid CHECK
//! ```
//!
//! Or give it a default (`ADD COLUMN status text NOT NULL DEFAULT 'active'`),
//! which on Postgres 11+ is instant for a constant default.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE users ADD COLUMN status text NOT NULL;                   -- flagged
//! ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';  -- not flagged
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::{AlterAction, Ddl};

pub static RULE: RuleMeta = RuleMeta {
    id: "add-required-column",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "NOT NULL column without a default on an existing table fails on rows and breaks old inserts",
    source: doc_source!(include_str!("add_required_column.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    for a in actions {
        let AlterAction::AddColumn { column: c, .. } = a else { continue };
        let self_filling = c.identity.is_some() || c.auto_increment || c.generated.is_some() || {
            let t = c.type_text.to_ascii_lowercase();
            t.contains("serial")
        };
        if c.nullable != Some(false) && !c.primary_key || c.default.is_some() || self_filling {
            continue;
        }
        let t = cx.qname(name);
        let col = cx.ident(&c.name);
        let ty = c.type_text.trim();
        let check_name = cx.ident(&format!("{}_{}_not_null", name.name, c.name));
        out.emit(
            format!("adding NOT NULL column {t}.{col} without a default fails if {t} has rows, and breaks inserts from code that does not know the column"),
            if cx.is_pg() {
                format!(
                    "Expand, backfill, contract: `ALTER TABLE {t} ADD COLUMN {col} {ty};` then backfill (`driftgate backfill --table {tn} --column {cn} --set '<value>'`), then `ALTER TABLE {t} ADD CONSTRAINT {check_name} CHECK ({col} IS NOT NULL) NOT VALID;`, `ALTER TABLE {t} VALIDATE CONSTRAINT {check_name};` and `ALTER TABLE {t} ALTER COLUMN {col} SET NOT NULL;`. Or add it with a constant default: `ALTER TABLE {t} ADD COLUMN {col} {ty} NOT NULL DEFAULT <value>;`.",
                    tn = name.name,
                    cn = c.name
                )
            } else {
                format!(
                    "Add it nullable first (`ALTER TABLE {t} ADD COLUMN {col} {ty} NULL;`), backfill (`driftgate backfill --table {tn} --column {cn} --set '<value>'`), then `ALTER TABLE {t} MODIFY {col} {ty} NOT NULL;` once old code is gone — or add it with a default.",
                    tn = name.name,
                    cn = c.name
                )
            },
        );
    }
}
