//! # set-not-null
//!
//! **Flags** `ALTER COLUMN … SET NOT NULL` on an existing Postgres table,
//! unless a validated `CHECK (col IS NOT NULL)` constraint already exists
//! (Postgres 12+ then skips the scan).
//!
//! **Why it is dangerous.** Postgres scans the whole table to prove there are
//! no NULLs while holding an ACCESS EXCLUSIVE lock: no reads, no writes, for
//! as long as the scan takes.
//!
//! **Safe alternative** (Postgres 12+): prove it with a constraint that is
//! validated without blocking, then set NOT NULL instantly:
//!
//! ```sql
//! ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
//! ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;   -- SHARE UPDATE EXCLUSIVE: reads and writes go on
//! ALTER TABLE users ALTER COLUMN email SET NOT NULL;            -- uses the constraint, no scan
//! ALTER TABLE users DROP CONSTRAINT users_email_not_null;
//! ```
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE users ALTER COLUMN email SET NOT NULL;   -- flagged
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::schema::normalize::normalize_expr;
use crate::sql::ddl::{AlterAction, Ddl};
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "set-not-null",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "SET NOT NULL scans the table under ACCESS EXCLUSIVE; use CHECK … NOT VALID, VALIDATE, then SET NOT NULL",
    source: doc_source!(include_str!("set_not_null.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    for a in actions {
        let AlterAction::SetNotNull { column } = a else { continue };
        let proven = cx.table(name).is_some_and(|t| {
            let want = normalize_expr(&format!("{} IS NOT NULL", cx.ident(column)), Dialect::Postgres, Some(&t.name));
            t.checks.iter().any(|c| c.expression == want)
        });
        if proven && cx.opts.pg_version >= 12 {
            continue;
        }
        let t = cx.qname(name);
        let col = cx.ident(column);
        let cn = cx.ident(&format!("{}_{}_not_null", name.name, column));
        let help = if cx.opts.pg_version >= 12 {
            format!("Prove it without blocking first: `ALTER TABLE {t} ADD CONSTRAINT {cn} CHECK ({col} IS NOT NULL) NOT VALID;` then `ALTER TABLE {t} VALIDATE CONSTRAINT {cn};` (in a separate transaction), then `ALTER TABLE {t} ALTER COLUMN {col} SET NOT NULL;` which no longer scans, and `ALTER TABLE {t} DROP CONSTRAINT {cn};`.")
        } else {
            format!("Before Postgres 12 SET NOT NULL always scans. Use a validated `CHECK ({col} IS NOT NULL)` constraint instead of the column attribute: `ALTER TABLE {t} ADD CONSTRAINT {cn} CHECK ({col} IS NOT NULL) NOT VALID;` then `ALTER TABLE {t} VALIDATE CONSTRAINT {cn};`.")
        };
        out.emit(format!("SET NOT NULL on {t}.{col} scans the whole table while holding an ACCESS EXCLUSIVE lock (no reads or writes)"), help);
    }
}
