//! # prefer-timestamptz
//!
//! **Flags** a new Postgres column (in `CREATE TABLE` or `ADD COLUMN`) or a
//! type change to `timestamp` / `timestamp(p)` / `timestamp without time
//! zone`. Prisma's `DateTime` maps to `TIMESTAMP(3)` unless the field says
//! `@db.Timestamptz(3)`; Drizzle's `timestamp()` is without time zone
//! unless `{ withTimezone: true }`.
//!
//! **Why it is dangerous.** `timestamp` stores a wall-clock reading with no
//! zone. Whatever the session's `TimeZone` was on insert is lost: a server,
//! a driver or a developer laptop with a different setting writes and reads
//! times hours off, `now()` is converted silently into the column, and
//! daylight-saving changes make times ambiguous. `timestamptz` stores an
//! instant (UTC) and converts on the way out; it takes the same 8 bytes.
//!
//! **Safe alternative.**
//!
//! ```sql
//! "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP   -- Prisma: DateTime @default(now()) @db.Timestamptz(3)
//! created_at timestamptz NOT NULL DEFAULT now()                   -- Drizzle: timestamp('created_at', { withTimezone: true })
//! ```
//!
//! Converting an existing column later (`ALTER COLUMN … TYPE timestamptz`)
//! rewrites the table unless the session time zone is UTC (Postgres 12+);
//! choosing it for new columns is free. The fix rewrites the type keeping
//! the precision and letter case (`TIMESTAMP(3)` → `TIMESTAMPTZ(3)`).
//!
//! **Examples**
//!
//! ```sql
//! CREATE TABLE "Post" ("createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);   -- flagged, fix TIMESTAMPTZ(3)
//! ALTER TABLE events ADD COLUMN at timestamp with time zone;                          -- not flagged
//! ```

use crate::lint::{Cx, Emitter, Fix, RuleMeta, Severity};
use crate::schema::normalize::normalize_type;
use crate::Dialect;

use super::support::{in_case_of, written_types};

pub static RULE: RuleMeta = RuleMeta {
    id: "prefer-timestamptz",
    severity: Severity::Info,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "timestamp without time zone loses the zone of every value; use timestamptz",
    source: doc_source!(include_str!("prefer_timestamptz.rs")),
    check,
    check_file: None,
};

/// `timestamp[(p)] [without time zone][[]]` → `timestamptz[(p)][[]]`, in the written case.
fn with_zone(type_text: &str) -> Option<String> {
    let t = type_text.trim();
    let lower = t.to_ascii_lowercase();
    let rest = lower.strip_prefix("timestamp")?;
    let rest = rest.trim_start();
    let (precision, rest) = match rest.strip_prefix('(') {
        Some(r) => {
            let close = r.find(')')?;
            let p = r[..close].trim();
            if p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            (format!("({p})"), r[close + 1..].trim_start())
        }
        None => (String::new(), rest),
    };
    let rest = rest.strip_prefix("without time zone").map(str::trim_start).unwrap_or(rest);
    let array = match rest {
        "" => "",
        "[]" => "[]",
        _ => return None,
    };
    Some(format!("{}{precision}{array}", in_case_of(&t[..9], "timestamptz")))
}

fn check(cx: &Cx, out: &mut Emitter) {
    if !declares_timestamp(&cx.stmt.ddl) {
        return;
    }
    for w in written_types(cx.src, cx.stmt, cx.dialect()) {
        if !mentions_timestamp(w.type_text) {
            continue;
        }
        let ty = normalize_type(w.type_text, cx.dialect()).name;
        let base = ty.trim_end_matches("[]");
        if !(base == "timestamp" || base.starts_with("timestamp(")) {
            continue;
        }
        let fixed = with_zone(w.type_text);
        let t = cx.qname(w.table);
        let c = cx.ident(w.column);
        let suggestion = fixed.clone().unwrap_or_else(|| ty.replacen("timestamp", "timestamptz", 1));
        let d = out.emit_at(
            w.def.map_or(w.span, |d| d.span),
            format!(
                "{t}.{c} is {}: the zone of every value is lost, so clients with a different TimeZone setting read and write times hours off",
                if w.type_text.to_ascii_lowercase().contains("without time zone") { w.type_text.trim().to_string() } else { format!("{} (without time zone)", w.type_text.trim()) }
            ),
            format!(
                "Use `{c} {suggestion}` (same 8 bytes, stores the instant). Prisma: add `@db.Timestamptz{}` to the field; Drizzle: `timestamp('{}', {{ withTimezone: true }})`.",
                ty.trim_start_matches("timestamp").trim_end_matches("[]"),
                w.column,
            ),
        );
        if let (Some(span), Some(fixed)) = (w.type_span, fixed) {
            d.fix = Some(Fix { span, replacement: fixed });
        }
    }
}

/// Cheap pre-filter: most statements have no timestamp column at all.
fn mentions_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| (c | 0x20) == b't' && b.get(i..i + 9).is_some_and(|w| w.eq_ignore_ascii_case(b"timestamp")))
}

/// Whether any column type this statement writes mentions a timestamp.
fn declares_timestamp(ddl: &crate::sql::ddl::Ddl) -> bool {
    use crate::sql::ddl::{AlterAction, Ddl};
    match ddl {
        Ddl::CreateTable { columns, .. } => columns.iter().any(|c| mentions_timestamp(&c.type_text)),
        Ddl::AlterTable { actions, .. } => actions.iter().any(|a| match a {
            AlterAction::AddColumn { column, .. } | AlterAction::ModifyColumn { column } | AlterAction::ChangeColumn { column, .. } => mentions_timestamp(&column.type_text),
            AlterAction::AlterColumnType { type_text, .. } => mentions_timestamp(type_text),
            _ => false,
        }),
        _ => false,
    }
}
