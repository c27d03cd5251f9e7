//! # prefer-bigint-id
//!
//! **Flags** a new table whose single-column primary key is a 32-bit
//! integer: `integer`/`int`/`int4`, `serial`, or an `integer` identity
//! column (MySQL: `INT [UNSIGNED] AUTO_INCREMENT`). Composite keys (join
//! tables) are not flagged.
//!
//! **Why it is dangerous.** A 32-bit key runs out at 2,147,483,647 (4.29
//! billion unsigned). Busy tables get there — sequences also skip values on
//! rollbacks and `INSERT … ON CONFLICT` — and then every insert fails.
//! Widening later rewrites the table and every foreign key column pointing
//! at it under an exclusive lock, on the biggest table you have, at the
//! worst possible time. `bigint` costs 4 more bytes per row.
//!
//! **Safe alternative.** Start with 64 bits (and make foreign keys to it
//! `bigint` too):
//!
//! ```sql
//! CREATE TABLE "User" ("id" BIGSERIAL NOT NULL, …);                   -- Prisma: id BigInt @id @default(autoincrement())
//! CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);   -- Drizzle: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity()
//! CREATE TABLE `User` (`id` BIGINT NOT NULL AUTO_INCREMENT, …);      -- MySQL
//! ```
//!
//! The fix rewrites the type when it is one word (`serial` → `bigserial`,
//! `integer`/`int`/`int4` → `bigint`, keeping the letter case), no foreign
//! key in the migration references the column (those columns must change
//! with it; MySQL even rejects mismatched foreign key types), and no
//! identity option pins `MAXVALUE 2147483647` (drizzle-kit writes one).
//!
//! **Examples**
//!
//! ```sql
//! CREATE TABLE "User" ("id" SERIAL NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));   -- flagged, fix BIGSERIAL
//! CREATE TABLE "Event" ("id" BIGSERIAL NOT NULL, CONSTRAINT "Event_pkey" PRIMARY KEY ("id"));   -- not flagged
//! CREATE TABLE "_PostToTag" ("A" INTEGER NOT NULL, "B" INTEGER NOT NULL, PRIMARY KEY ("A","B"));   -- not flagged: composite
//! ```

use crate::lint::{Cx, Emitter, Fix, RuleMeta, Severity};
use crate::schema::normalize::normalize_type;
use crate::sql::ddl::{ColumnDef, ConstraintDef, Ddl, QName};
use crate::Dialect;

use super::support::{column_type_span, has_key, in_case_of, key, list};

pub static RULE: RuleMeta = RuleMeta {
    id: "prefer-bigint-id",
    severity: Severity::Info,
    default_enabled: true,
    dialect: None,
    summary: "32-bit integer primary key on a new table: it runs out at 2.1 billion",
    source: doc_source!(include_str!("prefer_bigint_id.rs")),
    check,
    check_file: None,
};

/// Columns of this migration that reference `table.column` with a foreign key.
fn referencing_columns(cx: &Cx, table: &QName, column: &str) -> Vec<String> {
    let d = cx.dialect();
    let target = key(d, &cx.state.current_schema, table);
    let refers = |r: &crate::sql::ddl::References| has_key(d, &cx.state.current_schema, &r.table, &target) && (r.columns.is_empty() || r.columns.iter().any(|c| c == column));
    let mut out = Vec::new();
    for fk in cx.foreign_keys().filter(|fk| refers(fk.references)) {
        out.extend(fk.columns.iter().map(|c| format!("{}.{}", cx.ident(&fk.table.name), cx.ident(c))));
    }
    out.dedup();
    out
}

/// The 64-bit spelling of a one-word 32-bit type, in the same letter case.
fn widened(type_text: &str) -> Option<String> {
    let t = type_text.trim();
    if t.contains(|c: char| !c.is_ascii_alphanumeric()) {
        return None;
    }
    let to = match t.to_ascii_lowercase().as_str() {
        "serial" | "serial4" => "bigserial",
        "int" | "integer" | "int4" => "bigint",
        _ => return None,
    };
    Some(in_case_of(t, to))
}

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::CreateTable { name, columns, constraints, temporary: false, .. } = &cx.stmt.ddl else { return };
    let d = cx.dialect();
    let pk_columns: Vec<&str> = match (columns.iter().filter(|c| c.primary_key).count(), constraints.iter().find_map(|c| match c {
        ConstraintDef::PrimaryKey { columns, .. } => Some(columns),
        _ => None,
    })) {
        (1, None) => columns.iter().filter(|c| c.primary_key).map(|c| c.name.as_str()).collect(),
        (0, Some(cols)) => cols.iter().map(String::as_str).collect(),
        _ => return,
    };
    let [pk] = pk_columns[..] else { return };
    let Some(col) = columns.iter().find(|c| c.name == pk) else { return };
    let ty = normalize_type(&col.type_text, d).name;
    let narrow = match d {
        Dialect::Postgres => ty == "integer",
        Dialect::Mysql => ty == "int" || ty == "int unsigned",
    };
    if !narrow {
        return;
    }
    report(cx, out, name, col, &ty);
}

fn report(cx: &Cx, out: &mut Emitter, table: &QName, col: &ColumnDef, ty: &str) {
    let t = cx.qname(table);
    let c = cx.ident(&col.name);
    let limit = if ty.ends_with("unsigned") { "4.29 billion" } else { "2.1 billion" };
    let wide = widened(&col.type_text);
    let refs = referencing_columns(cx, table, &col.name);
    let mut also = if refs.is_empty() { String::new() } else { format!(" Change the foreign key columns that reference it to bigint too: {}.", list(&refs, 4)) };
    // drizzle-kit writes the 32-bit limit into the identity's sequence options.
    let capped = col.span.slice(cx.src).to_ascii_lowercase().split_whitespace().collect::<Vec<_>>().windows(2).any(|w| w == ["maxvalue", "2147483647"]);
    if capped {
        also.push_str(" The identity's sequence options also say MAXVALUE 2147483647: change the column in the ORM schema and regenerate rather than editing the type here.");
    }
    let orm = match cx.dialect() {
        Dialect::Postgres => "Prisma: `BigInt @id @default(autoincrement())`; Drizzle: `bigserial('id', { mode: 'number' })` or `bigint(…).generatedAlwaysAsIdentity()`",
        Dialect::Mysql => "Prisma: `BigInt @id @default(autoincrement())`; Drizzle: `bigint('id', { mode: 'number' }).autoincrement()`",
    };
    let suggestion = match &wide {
        Some(w) => format!("`{c} {w}`"),
        None => "a `bigint` key".to_string(),
    };
    let d = out.emit_at(
        col.span,
        format!(
            "primary key {t}.{c} is a 32-bit {ty}{}: inserts start failing once it passes {limit}, and widening it later rewrites the table and every table that references it",
            if col.type_text.trim().eq_ignore_ascii_case(ty) { String::new() } else { format!(" ({})", col.type_text.trim()) }
        ),
        format!("Use {suggestion} now, while the table is empty ({orm}).{also}"),
    );
    if let (Some(w), true) = (wide, refs.is_empty() && !capped) {
        if let Some(span) = column_type_span(cx.src, cx.stmt, col) {
            d.fix = Some(Fix { span, replacement: w });
        }
    }
}
