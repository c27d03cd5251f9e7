//! # constraint-not-valid-missing
//!
//! **Flags** `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY` or `… CHECK`
//! without `NOT VALID` on a Postgres table that existed before this
//! migration.
//!
//! **Why it is dangerous.** Postgres checks every existing row before the
//! statement returns, and holds its lock for the whole scan:
//!
//! - a `CHECK` takes an ACCESS EXCLUSIVE lock on the table: no reads, no
//!   writes until every row has been checked;
//! - a `FOREIGN KEY` takes SHARE ROW EXCLUSIVE locks on the table *and on
//!   the referenced table*: writes to both wait while every row is looked
//!   up in the referenced table.
//!
//! On a large table that is minutes of blocked traffic.
//!
//! **Safe alternative.** Add the constraint `NOT VALID` — it is enforced
//! for new and updated rows at once, and the statement only takes its lock
//! briefly — then validate the existing rows in a separate transaction.
//! `VALIDATE CONSTRAINT` takes SHARE UPDATE EXCLUSIVE (plus ROW SHARE on the
//! referenced table), so reads and writes carry on during the scan:
//!
//! ```sql
//! ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey
//!     FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
//! -- next migration (or next statement when each statement commits on its own):
//! ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;
//! ```
//!
//! Validating in the same transaction as the `ADD` gains nothing: the
//! `ADD`'s lock is held until the transaction ends. The fix inserts
//! `NOT VALID`; the `VALIDATE` belongs in a later migration.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);            -- flagged
//! ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;  -- not flagged
//! CREATE TABLE items (id int, order_id int);
//! ALTER TABLE items ADD CONSTRAINT items_order_id_fkey
//!     FOREIGN KEY (order_id) REFERENCES orders (id);   -- not flagged: items is new and empty
//! ```

use super::stmt_text::{alter_items, one_line, text_of};
use crate::lint::{Cx, Emitter, Fix, RuleMeta, Severity};
use crate::span::Span;
use crate::sql::ddl::{AlterAction, ConstraintDef, Ddl};
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "constraint-not-valid-missing",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "FOREIGN KEY or CHECK added without NOT VALID scans an existing table while blocking writes (CHECK: reads too)",
    source: doc_source!(include_str!("constraint_not_valid_missing.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    let items = alter_items(cx.src, cx.stmt);
    let aligned = items.len() == actions.len();
    let t = cx.qname(name);
    for (i, a) in actions.iter().enumerate() {
        let AlterAction::AddConstraint { constraint, not_valid: false } = a else { continue };
        let (kind, default_name) = match constraint {
            ConstraintDef::ForeignKey { columns, .. } => ("foreign key", format!("{}_{}_fkey", name.name, columns.join("_"))),
            ConstraintDef::Check { .. } => ("check constraint", format!("{}_check", name.name)),
            _ => continue,
        };
        let c = cx.ident(constraint.name().unwrap_or(&default_name));
        let item = aligned.then(|| items[i]);
        // The user's own ADD clause, named when it was not.
        let clause = match item {
            Some(toks) if constraint.name().is_some() => one_line(text_of(cx.src, toks)),
            Some(toks) => format!("ADD CONSTRAINT {c} {}", one_line(text_of(cx.src, toks.get(1..).unwrap_or(&[])))),
            None => format!("ADD CONSTRAINT {c} {}", rebuild(cx, constraint)),
        };
        let safe = format!("ALTER TABLE {t} {clause} NOT VALID;");
        let validate = format!("ALTER TABLE {t} VALIDATE CONSTRAINT {c};");
        let message = match constraint {
            ConstraintDef::ForeignKey { references, .. } => {
                let r = cx.qname(&references.table);
                if cx.key(&references.table) == cx.key(name) {
                    format!("adding foreign key {c} on {t} checks every existing row while holding a SHARE ROW EXCLUSIVE lock on {t}: writes to {t} wait until the scan finishes")
                } else {
                    format!("adding foreign key {c} on {t} checks every existing row while holding SHARE ROW EXCLUSIVE locks on {t} and {r}: writes to both tables wait until the scan finishes")
                }
            }
            _ => format!("adding check constraint {c} on {t} checks every existing row while holding an ACCESS EXCLUSIVE lock: reads and writes on {t} wait until the scan finishes"),
        };
        let when = if cx.in_transaction() {
            "in a later migration (this file runs in one transaction, which would hold the first lock through the scan)"
        } else {
            "in a separate transaction"
        };
        let unnamed = if constraint.name().is_none() { format!(" (naming the {kind} {c} so that it can be validated)") } else { String::new() };
        let d = out.emit(
            message,
            format!("Add it without checking existing rows{unnamed}: `{safe}` — new and updated rows are checked from then on. Then, {when}: `{validate}`, which scans without blocking reads or writes."),
        );
        if constraint.name().is_some() {
            if let Some(last) = item.and_then(|toks| toks.last()) {
                d.fix = Some(Fix { span: Span::new(last.end, last.end), replacement: " NOT VALID".to_string() });
            }
        }
    }
}

/// The constraint's SQL, rebuilt when the clause cannot be cut from the text.
fn rebuild(cx: &Cx, c: &ConstraintDef) -> String {
    let list = |cols: &[String]| cols.iter().map(|c| cx.ident(c)).collect::<Vec<_>>().join(", ");
    match c {
        ConstraintDef::ForeignKey { columns, references, .. } => {
            let mut s = format!("FOREIGN KEY ({}) REFERENCES {}", list(columns), cx.qname(&references.table));
            if !references.columns.is_empty() {
                s.push_str(&format!(" ({})", list(&references.columns)));
            }
            if let Some(a) = &references.on_delete {
                s.push_str(&format!(" ON DELETE {a}"));
            }
            if let Some(a) = &references.on_update {
                s.push_str(&format!(" ON UPDATE {a}"));
            }
            s
        }
        ConstraintDef::Check { expr, .. } => format!("CHECK ({expr})"),
        _ => String::new(),
    }
}
