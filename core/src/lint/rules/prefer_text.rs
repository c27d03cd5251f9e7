//! # prefer-text
//!
//! *Off by default; enable it in driftgate.toml: `[rules]` `prefer-text = "info"`.*
//!
//! **Flags** a new Postgres column (in `CREATE TABLE` or `ADD COLUMN`) or a
//! type change to `varchar(n)` / `character varying(n)`. Plain `varchar`
//! without a length is the same as `text` and is not flagged.
//!
//! **Why it is dangerous.** In Postgres `varchar(n)` is `text` plus a length
//! check, with no storage or speed benefit. The limit is a business rule
//! baked into the type: raising it later is a catalog change that still
//! needs an ACCESS EXCLUSIVE lock (queued behind every running query, and
//! blocking everything queued after it), and lowering it rewrites and scans
//! the table under that lock. A CHECK constraint can be replaced without a
//! long lock (`ADD … NOT VALID`, then `VALIDATE`).
//!
//! **Safe alternative.**
//!
//! ```sql
//! email text NOT NULL CONSTRAINT users_email_length CHECK (char_length(email) <= 255)
//! -- later, without a long lock:
//! ALTER TABLE users ADD CONSTRAINT users_email_length_v2 CHECK (char_length(email) <= 320) NOT VALID;
//! ALTER TABLE users VALIDATE CONSTRAINT users_email_length_v2;
//! ALTER TABLE users DROP CONSTRAINT users_email_length;
//! ```
//!
//! Prisma: `String` (without `@db.VarChar(n)`); Drizzle: `text()`. No fix is
//! offered: the ORM schema has to change with the SQL, or the next
//! generated migration changes it back.
//!
//! **Examples**
//!
//! ```sql
//! CREATE TABLE users (email varchar(255) NOT NULL);   -- flagged
//! CREATE TABLE users (email text NOT NULL);           -- not flagged
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::schema::normalize::normalize_type;
use crate::Dialect;

use super::support::written_types;

pub static RULE: RuleMeta = RuleMeta {
    id: "prefer-text",
    severity: Severity::Info,
    default_enabled: false,
    dialect: Some(Dialect::Postgres),
    summary: "varchar(n) on Postgres: a length baked into the type; use text with a CHECK constraint",
    source: doc_source!(include_str!("prefer_text.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    for w in written_types(cx.src, cx.stmt, cx.dialect()) {
        let ty = normalize_type(w.type_text, cx.dialect()).name;
        let Some(n) = ty.strip_prefix("varchar(").and_then(|r| r.strip_suffix(')')) else { continue };
        let t = cx.qname(w.table);
        let c = cx.ident(w.column);
        let check = cx.ident(&format!("{}_{}_length", w.table.name, w.column));
        out.emit_at(
            w.def.map_or(w.span, |d| d.span),
            format!("{t}.{c} is {}: changing the limit later takes an ACCESS EXCLUSIVE lock (and lowering it rewrites the table)", w.type_text.trim()),
            format!(
                "Use `{c} text CONSTRAINT {check} CHECK (char_length({c}) <= {n})`: same storage, and the limit can be replaced without a long lock (`ADD CONSTRAINT … NOT VALID`, then `VALIDATE CONSTRAINT`). Prisma: `String` without `@db.VarChar({n})`; Drizzle: `text('{}')`.",
                w.column
            ),
        );
    }
}
