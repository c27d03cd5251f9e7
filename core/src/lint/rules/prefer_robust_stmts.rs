//! # prefer-robust-stmts
//!
//! **Off by default** (enable it in `driftgate.toml`: `prefer-robust-stmts = "info"`).
//!
//! **Flags**, outside a transaction, statements that fail when they run a
//! second time:
//!
//! - `CREATE TABLE` without `IF NOT EXISTS`; on Postgres also `CREATE INDEX`
//!   (named), `CREATE SEQUENCE`, `CREATE SCHEMA`, `CREATE EXTENSION`;
//! - `DROP TABLE` / `DROP VIEW` without `IF EXISTS`; on Postgres also
//!   `DROP INDEX`, `DROP SEQUENCE`, `DROP TYPE`, `DROP SCHEMA`,
//!   `DROP EXTENSION`, and on MySQL `DROP DATABASE`;
//! - Postgres `ALTER TABLE … ADD COLUMN` without `IF NOT EXISTS`, and
//!   `DROP COLUMN` / `DROP CONSTRAINT` without `IF EXISTS`.
//!
//! Statements inside a transaction are skipped: if the transaction fails,
//! nothing of it remains, and the retry starts from scratch.
//!
//! **Why it matters.** A migration that is not one transaction — MySQL,
//! where every DDL statement commits on its own, or a Postgres migration
//! run statement by statement because of `CONCURRENTLY` — can fail half-way.
//! The statements before the failure stay applied, so the retry fails on
//! the first of them (`relation "orders" already exists`) and someone has to
//! edit the database or the migration by hand.
//!
//! **Safe alternative.** Make each statement a no-op when its work is
//! already done:
//!
//! ```sql
//! CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY);
//! CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);
//! ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
//! DROP INDEX CONCURRENTLY IF EXISTS orders_old_idx;
//! ```
//!
//! A failed `CREATE INDEX CONCURRENTLY` leaves an `INVALID` index behind,
//! which `IF NOT EXISTS` would then skip: drop it with
//! `DROP INDEX CONCURRENTLY IF EXISTS …` before retrying. The fix inserts
//! `IF NOT EXISTS` / `IF EXISTS`.
//!
//! **Examples**
//!
//! ```sql
//! CREATE TABLE orders (id bigint);                 -- flagged
//! CREATE TABLE IF NOT EXISTS orders (id bigint);   -- not flagged
//! BEGIN; CREATE TABLE orders (id bigint); COMMIT;  -- not flagged: in a transaction
//! ```

use super::stmt_text::{after_object_keyword, alter_items, one_line};
use crate::lint::{Cx, Emitter, Fix, RuleMeta, Severity};
use crate::span::Span;
use crate::sql::ddl::{AlterAction, Ddl};
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "prefer-robust-stmts",
    severity: Severity::Info,
    default_enabled: false,
    dialect: None,
    summary: "missing IF [NOT] EXISTS outside a transaction, where a retry after a partial failure would fail",
    source: doc_source!(include_str!("prefer_robust_stmts.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    if cx.in_transaction() {
        return;
    }
    let pg = cx.dialect() == Dialect::Postgres;
    let src = cx.src;
    let stmt = cx.stmt;
    // (object keyword, what to insert, display of the statement, extra help)
    let (kw, guard, shown, extra): (&str, &str, String, &str) = match &stmt.ddl {
        Ddl::CreateTable { if_not_exists: false, temporary: false, name, .. } => ("table", "IF NOT EXISTS", format!("CREATE TABLE {}", cx.qname(name)), ""),
        Ddl::CreateIndex { if_not_exists: false, name: Some(n), concurrently, .. } if pg => (
            "index",
            "IF NOT EXISTS",
            format!("CREATE INDEX {}", cx.qname(n)),
            if *concurrently {
                " A failed concurrent build leaves an INVALID index that IF NOT EXISTS would then skip: drop it with DROP INDEX CONCURRENTLY IF EXISTS before retrying."
            } else {
                ""
            },
        ),
        Ddl::CreateSequence { if_not_exists: false, name, .. } if pg => ("sequence", "IF NOT EXISTS", format!("CREATE SEQUENCE {}", cx.qname(name)), ""),
        Ddl::CreateSchema { if_not_exists: false, name } if pg => ("schema", "IF NOT EXISTS", format!("CREATE SCHEMA {}", cx.ident(name)), ""),
        Ddl::CreateExtension { if_not_exists: false, name, .. } if pg => ("extension", "IF NOT EXISTS", format!("CREATE EXTENSION {}", cx.ident(name)), ""),
        Ddl::DropTable { if_exists: false, names, .. } => ("table", "IF EXISTS", format!("DROP TABLE {}", list(cx, names)), ""),
        Ddl::DropView { if_exists: false, names, materialized } => {
            ("view", "IF EXISTS", format!("DROP {}VIEW {}", if *materialized { "MATERIALIZED " } else { "" }, list(cx, names)), "")
        }
        Ddl::DropIndex { if_exists: false, names, .. } if pg => ("index", "IF EXISTS", format!("DROP INDEX {}", list(cx, names)), ""),
        Ddl::DropSequence { if_exists: false, names } if pg => ("sequence", "IF EXISTS", format!("DROP SEQUENCE {}", list(cx, names)), ""),
        Ddl::DropType { if_exists: false, names } if pg => ("type", "IF EXISTS", format!("DROP TYPE {}", list(cx, names)), ""),
        Ddl::DropSchema { if_exists: false, names, .. } => {
            let kw = if pg { "schema" } else { "database" };
            if !stmt.tokens.get(1).is_some_and(|t| t.is_word(src, kw)) {
                return;
            }
            (kw, "IF EXISTS", format!("DROP {} {}", kw.to_ascii_uppercase(), names.iter().map(|n| cx.ident(n)).collect::<Vec<_>>().join(", ")), "")
        }
        Ddl::DropExtension { if_exists: false, names } if pg => {
            ("extension", "IF EXISTS", format!("DROP EXTENSION {}", names.iter().map(|n| cx.ident(n)).collect::<Vec<_>>().join(", ")), "")
        }
        Ddl::AlterTable { name, actions, .. } if pg => {
            alter_table(cx, out, name, actions);
            return;
        }
        _ => return,
    };
    let at = after_object_keyword(src, stmt, kw);
    // The user's statement with the guard in place, cut before a long body.
    let written = match at {
        Some(at) => {
            let full = one_line(&format!("{} {guard}{}", &src[stmt.body.start..at], &src[at..stmt.body.end]));
            match full.find('(').filter(|_| full.chars().count() > 100) {
                Some(cut) => format!("{} …", full[..cut].trim_end()),
                None => full,
            }
        }
        None => shown.clone(),
    };
    // Backtick-quoted MySQL names would break the `…` around the suggestion.
    let written = if written.contains('`') { with_guard(&shown, kw, guard) } else { written };
    let d = out.emit(
        format!("{shown} without {guard} fails when the migration is retried after failing part-way"),
        format!("Write `{written}` so that a retry after a partial failure passes this statement.{extra}"),
    );
    d.fix = at.map(|at| Fix { span: Span::new(at, at), replacement: format!(" {guard}") });
}

fn list(cx: &Cx, names: &[crate::sql::ddl::QName]) -> String {
    names.iter().map(|n| cx.qname(n)).collect::<Vec<_>>().join(", ")
}

/// `DROP TABLE orders` → `DROP TABLE IF EXISTS orders` (`…` after a CREATE's name).
fn with_guard(shown: &str, kw: &str, guard: &str) -> String {
    let upper = format!(" {} ", kw.to_ascii_uppercase());
    let ellipsis = if shown.starts_with("CREATE") { " …" } else { "" };
    match shown.find(&upper) {
        Some(i) => {
            let at = i + upper.len() - 1;
            format!("{} {guard}{}{ellipsis}", &shown[..at], &shown[at..])
        }
        None => shown.to_string(),
    }
}

fn alter_table(cx: &Cx, out: &mut Emitter, name: &crate::sql::ddl::QName, actions: &[AlterAction]) {
    let items = alter_items(cx.src, cx.stmt);
    let aligned = items.len() == actions.len();
    let t = cx.qname(name);
    for (i, a) in actions.iter().enumerate() {
        let (what, guard, written, kw) = match a {
            AlterAction::AddColumn { column, if_not_exists: false } => {
                let c = cx.ident(&column.name);
                (format!("ADD COLUMN {c}"), "IF NOT EXISTS", format!("ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {c} …"), "column")
            }
            AlterAction::DropColumn { column, if_exists: false, .. } => {
                let c = cx.ident(column);
                (format!("DROP COLUMN {c}"), "IF EXISTS", format!("ALTER TABLE {t} DROP COLUMN IF EXISTS {c}"), "column")
            }
            AlterAction::DropConstraint { name: cn, if_exists: false } => {
                let c = cx.ident(cn);
                (format!("DROP CONSTRAINT {c}"), "IF EXISTS", format!("ALTER TABLE {t} DROP CONSTRAINT IF EXISTS {c}"), "constraint")
            }
            _ => continue,
        };
        // Insert after `ADD [COLUMN]` / `DROP [COLUMN]` / `DROP CONSTRAINT`.
        let fix = aligned
            .then(|| items[i])
            .and_then(|toks| match toks.get(1) {
                Some(t) if t.is_word(cx.src, kw) => Some(t.end),
                _ if kw == "column" => toks.first().map(|t| t.end),
                _ => None,
            })
            .map(|at| Fix { span: Span::new(at, at), replacement: format!(" {guard}") });
        let d = out.emit(
            format!("ALTER TABLE {t} {what} without {guard} fails when the migration is retried after failing part-way"),
            format!("Write `{written}` so that a retry after a partial failure passes this step."),
        );
        d.fix = fix;
    }
}
