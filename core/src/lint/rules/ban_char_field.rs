//! # ban-char-field
//!
//! *Off by default; enable it in driftgate.toml: `[rules]` `ban-char-field = "info"`.*
//!
//! **Flags** a new column (in `CREATE TABLE`, `ADD COLUMN`, MySQL `MODIFY` /
//! `CHANGE`) or a type change to `char(n)` / `character(n)` / `bpchar`.
//!
//! **Why it is dangerous.** `char(n)` is blank-padded: a shorter value is
//! stored padded with spaces to `n` and returned that way (`'ab'` comes
//! back as `'ab '` from a `char(3)`). Postgres ignores the padding when
//! comparing two `char` values, but `LIKE` and regular expressions see it,
//! and it is dropped on conversion to `text`, so the same value behaves
//! differently depending on context. It is never faster or smaller than
//! `text` in Postgres (the docs call it usually the slowest of the three).
//! MySQL pads on storage and strips trailing spaces when reading, so a value
//! with meaningful trailing spaces comes back different. A code that is
//! truly fixed-length (a country code) is better expressed as a CHECK.
//!
//! **Safe alternative.**
//!
//! ```sql
//! country text NOT NULL CHECK (char_length(country) = 2)   -- Postgres
//! country varchar(2) NOT NULL                              -- MySQL, or Postgres when the limit is all you want
//! ```
//!
//! The fix rewrites `char(n)` / `character(n)` to `varchar(n)` (same length
//! limit, no padding), keeping the letter case.
//!
//! **Examples**
//!
//! ```sql
//! CREATE TABLE addresses (country CHAR(2) NOT NULL);      -- flagged, fix VARCHAR(2)
//! CREATE TABLE addresses (country varchar(2) NOT NULL);   -- not flagged
//! ```

use crate::lint::{Cx, Emitter, Fix, RuleMeta, Severity};
use crate::schema::normalize::normalize_type;
use crate::Dialect;

use super::support::{in_case_of, written_types};

pub static RULE: RuleMeta = RuleMeta {
    id: "ban-char-field",
    severity: Severity::Info,
    default_enabled: false,
    dialect: None,
    summary: "char(n) columns are blank-padded; use varchar(n) or text",
    source: doc_source!(include_str!("ban_char_field.rs")),
    check,
    check_file: None,
};

/// `char(n)` / `character (n)` → `varchar(n)` in the written case.
fn as_varchar(type_text: &str) -> Option<String> {
    let t = type_text.trim();
    let lower = t.to_ascii_lowercase();
    let word_len = if lower.starts_with("character") { 9 } else if lower.starts_with("char") { 4 } else { return None };
    let rest = t[word_len..].trim_start();
    let inner = rest.strip_prefix('(')?.strip_suffix(')')?.trim();
    if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(format!("{}({inner})", in_case_of(&t[..word_len], "varchar")))
}

fn check(cx: &Cx, out: &mut Emitter) {
    for w in written_types(cx.src, cx.stmt, cx.dialect()) {
        let ty = normalize_type(w.type_text, cx.dialect()).name;
        let Some(n) = ty.strip_prefix("char(").and_then(|r| r.strip_suffix(')')) else { continue };
        let t = cx.qname(w.table);
        let c = cx.ident(w.column);
        let (why, instead) = match cx.dialect() {
            Dialect::Postgres => (
                "shorter values are padded with spaces and returned that way; LIKE sees the padding, conversion to text drops it",
                format!("`{c} text CHECK (char_length({c}) <= {n})` (or `= {n}` for a fixed-length code), or `{c} varchar({n})`"),
            ),
            Dialect::Mysql => (
                "values are padded with spaces when stored and stripped when read, so trailing spaces are lost",
                format!("`{c} varchar({n})`"),
            ),
        };
        let fixed = as_varchar(w.type_text);
        let d = out.emit_at(w.def.map_or(w.span, |d| d.span), format!("{t}.{c} is {}: {why}", w.type_text.trim()), format!("Use {instead}."));
        if let (Some(span), Some(fixed)) = (w.type_span, fixed) {
            d.fix = Some(Fix { span, replacement: fixed });
        }
    }
}
