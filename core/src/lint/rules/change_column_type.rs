//! # change-column-type
//!
//! **Flags** a column type change on a table that existed before this
//! migration: `ALTER COLUMN … [SET DATA] TYPE` on Postgres, `MODIFY` or
//! `CHANGE` with a different type on MySQL (the type is compared with the
//! column's current type after normalisation, so `MODIFY` that only changes
//! nullability, a default or a comment, and `CHANGE` that only renames, are
//! not flagged).
//!
//! **Why it is dangerous.**
//!
//! - *Postgres* rewrites the whole table, and rebuilds every index on it,
//!   while holding an ACCESS EXCLUSIVE lock: no reads, no writes until it is
//!   done — minutes to hours on a large table.
//! - *MySQL* copies the table (`ALGORITHM=COPY`): writes are blocked for the
//!   whole copy, and the server needs room for a second copy of the table.
//!
//! **Not flagged** (no rewrite, only a catalog update):
//!
//! - Postgres: `varchar(n)` → `varchar(m)` with m ≥ n, `varchar(n)` →
//!   `varchar` or `text`, `text` → `varchar` (no limit), `numeric(p,s)` →
//!   `numeric(p',s)` with p' ≥ p and the same scale, `numeric(p,s)` →
//!   `numeric`, `varbit(n)` → `varbit(m ≥ n)` — when there is no `USING`
//!   clause, or it only casts the column. (`timestamp` → `timestamptz` skips
//!   the rewrite only when the session time zone is UTC, so it is flagged.)
//! - MySQL (InnoDB, utf8mb4 assumed): `VARCHAR` extended within the same
//!   number of length bytes (up to 63 characters, or from 64 characters up),
//!   `VARBINARY` likewise (255 bytes), `ENUM` values appended at the end; and
//!   any statement that states `ALGORITHM=INPLACE` or `ALGORITHM=INSTANT`,
//!   which MySQL refuses rather than copy the table.
//!
//! When the model does not know the column's current type (its table is not
//! in the replayed history), a Postgres type change is flagged, since it
//! cannot be shown to be metadata-only; a MySQL `MODIFY`/`CHANGE` is not,
//! since it may not change the type at all. A change that can also lose
//! data is reported by `narrowing-type-change` as well.
//!
//! **Safe alternative** (expand, backfill, contract):
//!
//! ```sql
//! ALTER TABLE orders ADD COLUMN amount_new bigint;
//! -- keep amount_new in step with writes (a trigger, or the application writing both), then
//! -- driftgate backfill --table orders --column amount_new --set "amount::bigint"
//! -- release code that reads amount_new; later migration:
//! ALTER TABLE orders DROP COLUMN amount;
//! ALTER TABLE orders RENAME COLUMN amount_new TO amount;
//! ```
//!
//! On MySQL an online schema change tool (gh-ost, pt-online-schema-change)
//! does the same copy without blocking writes.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE orders ALTER COLUMN amount TYPE bigint;          -- flagged (Postgres)
//! ALTER TABLE users ALTER COLUMN name TYPE varchar(200);       -- not flagged when name was varchar(100)
//! ALTER TABLE `users` MODIFY `bio` TEXT;                       -- flagged (MySQL) when bio was VARCHAR(500)
//! ```

use super::stmt_text::{shell_quote, shell_word};
use super::type_change::{column, kind, mysql_in_place, parse, pg_no_rewrite, trivial_using, Kind};
use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::schema::normalize::normalize_type;
use crate::sql::ddl::{AlterAction, Ddl};
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "change-column-type",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: None,
    summary: "column type change rewrites the table under ACCESS EXCLUSIVE (Postgres) or copies it blocking writes (MySQL)",
    source: doc_source!(include_str!("change_column_type.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    let d = cx.dialect();
    let table = cx.table(name);
    let t = cx.qname(name);
    let tn = shell_word(&name.display());
    for a in actions {
        match (a, d) {
            (AlterAction::AlterColumnType { column: col, type_text, using }, Dialect::Postgres) => {
                let new = normalize_type(type_text, d).name;
                let old = column(table, col, d).map(|c| c.data_type.clone());
                if old.as_deref().is_some_and(|o| pg_no_rewrite(o, &new)) && trivial_using(using.as_deref(), col) {
                    continue;
                }
                let c = cx.ident(col);
                let cn = cx.ident(&format!("{col}_new"));
                let from = old.as_deref().map(|o| format!(" from {o}")).unwrap_or_default();
                let expr = using.clone().unwrap_or_else(|| format!("{c}::{}", type_text.trim()));
                let enum_note = match old.as_deref() {
                    Some(o) if kind(&parse(o), d) == Kind::Unknown && kind(&parse(&new), d) == Kind::Unknown => {
                        " For an enum, adding values with `ALTER TYPE … ADD VALUE` needs no rewrite; only removing or reordering values does."
                    }
                    _ => "",
                };
                out.emit(
                    format!("changing {t}.{c}{from} to {new} rewrites the whole table and its indexes while holding an ACCESS EXCLUSIVE lock: reads and writes on {t} wait until it finishes"),
                    format!(
                        "Expand and contract instead: `ALTER TABLE {t} ADD COLUMN {cn} {ty};`, keep it in step with writes (a trigger, or the application writing both), backfill in batches with `driftgate backfill --table {tn} --column {cnr} --set {set}`, switch reads to {cn}, then in a later migration drop {c} and rename {cn} to {c}.{enum_note}",
                        ty = type_text.trim(),
                        cnr = shell_word(&format!("{col}_new")),
                        set = shell_quote(&expr),
                    ),
                );
            }
            (AlterAction::ModifyColumn { column: def }, Dialect::Mysql) | (AlterAction::ChangeColumn { column: def, .. }, Dialect::Mysql) => {
                let from = match a {
                    AlterAction::ChangeColumn { from, .. } => from,
                    _ => &def.name,
                };
                let Some(old) = column(table, from, d) else { continue };
                let new = normalize_type(&def.type_text, d).name;
                if mysql_in_place(&old.data_type, &new) || declares_in_place(cx) {
                    continue;
                }
                // ENUM/SET value edits are mysql-table-copy's, with advice
                // specific to value lists.
                let is_list = |t: &str| t.starts_with("enum(") || t.starts_with("set(");
                if is_list(&old.data_type) && is_list(&new) {
                    continue;
                }
                let c = cx.ident(from);
                let cn = cx.ident(&format!("{from}_new"));
                out.emit(
                    format!("changing {t}.{c} from {} to {new} copies the whole table (ALGORITHM=COPY): writes to {t} are blocked until the copy finishes", old.data_type),
                    format!(
                        "On a large table use an online schema change tool (gh-ost, pt-online-schema-change), or expand and contract: `ALTER TABLE {t} ADD COLUMN {cn} {ty};`, backfill with `driftgate backfill --table {tn} --column {cnr} --set {set}`, switch the application to {cn}, then drop {c} in a later migration. Adding `, ALGORITHM=INPLACE, LOCK=NONE` to an ALTER makes MySQL refuse it instead of copying the table.",
                        ty = def.type_text.trim(),
                        cnr = shell_word(&format!("{from}_new")),
                        set = shell_quote(&c),
                    ),
                );
            }
            _ => {}
        }
    }
}

/// `ALGORITHM=INPLACE` / `ALGORITHM=INSTANT`: MySQL fails rather than copy.
fn declares_in_place(cx: &Cx) -> bool {
    let toks = &cx.stmt.tokens;
    toks.iter().enumerate().any(|(i, t)| {
        t.is_word(cx.src, "algorithm") && toks[i + 1..].iter().take(2).any(|v| v.is_word(cx.src, "inplace") || v.is_word(cx.src, "instant"))
    })
}
