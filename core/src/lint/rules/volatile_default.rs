//! # volatile-default
//!
//! **Flags** `ALTER TABLE … ADD COLUMN` on a Postgres table that existed
//! before this migration when the new column's value must be computed for
//! every existing row:
//!
//! - Postgres 11 and later: a *volatile* default — `gen_random_uuid()`,
//!   `uuid_generate_v4()`, `random()`, `clock_timestamp()`, `timeofday()`,
//!   `nextval(…)`, a `serial`/`bigserial` type or an identity column, or any
//!   function call driftgate does not know to be stable or immutable;
//! - before Postgres 11 (`pg-version`): *any* default other than `NULL`.
//!
//! Constants (`'active'`, `0`, `'{}'::jsonb`, `false`) and stable functions
//! such as `now()`, `CURRENT_TIMESTAMP`, `transaction_timestamp()` are
//! evaluated once on Postgres 11+ and stored in the catalog: adding such a
//! column is instant and not flagged.
//!
//! **Why it is dangerous.** A volatile default gives each row its own value,
//! so Postgres rewrites the whole table (and rebuilds its indexes) while
//! holding an ACCESS EXCLUSIVE lock: no reads, no writes until it is done.
//!
//! **Safe alternative.** Add the column without the default, give new rows
//! the default (instant: it only applies to rows inserted later), and
//! backfill the existing rows in batches:
//!
//! ```sql
//! ALTER TABLE users ADD COLUMN public_id uuid;
//! ALTER TABLE users ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
//! -- driftgate backfill --table users --column public_id --set "gen_random_uuid()"
//! ```
//!
//! If the column must be `NOT NULL`, add that afterwards without a blocking
//! scan: `CHECK (public_id IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT`,
//! then `SET NOT NULL` (see `set-not-null`). For a serial/identity column,
//! create the sequence yourself and use `nextval('…')` as the default the
//! same way. If a function driftgate flags is in fact `STABLE` or
//! `IMMUTABLE`, silence it with `-- driftgate-ignore volatile-default: f is immutable`.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE users ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid(); -- flagged
//! ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();     -- not flagged (PG 11+)
//! ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';             -- flagged only before PG 11
//! ```

use super::stmt_text::{shell_quote, shell_word};
use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::schema::normalize::normalize_type;
use crate::sql::ddl::{AlterAction, ColumnDef, Ddl};
use crate::sql::lexer::{tokenize, TokenKind};
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "volatile-default",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "ADD COLUMN with a volatile default (any default before PG 11) rewrites the table under ACCESS EXCLUSIVE",
    source: doc_source!(include_str!("volatile_default.rs")),
    check,
    check_file: None,
};

/// Volatile functions commonly used as defaults.
const VOLATILE: &[&str] = &[
    "random", "random_normal", "gen_random_uuid", "gen_random_bytes", "uuid_generate_v1", "uuid_generate_v1mc",
    "uuid_generate_v4", "uuidv4", "uuidv7", "uuid_generate_v7", "clock_timestamp", "timeofday", "nextval", "setseed",
    "txid_current", "pg_current_xact_id", "gen_salt",
];

/// Stable and immutable functions that may appear in a default without
/// forcing a rewrite (evaluated once when the column is added).
const NOT_VOLATILE: &[&str] = &[
    "now", "transaction_timestamp", "statement_timestamp", "current_timestamp", "current_date", "current_time",
    "localtime", "localtimestamp", "current_setting", "current_schema", "current_user", "session_user", "cast",
    "coalesce", "nullif", "greatest", "least", "array", "row", "lower", "upper", "initcap", "trim", "btrim", "ltrim",
    "rtrim", "lpad", "rpad", "left", "right", "substr", "substring", "replace", "concat", "concat_ws", "format",
    "length", "char_length", "md5", "sha256", "encode", "decode", "to_char", "to_date", "to_timestamp", "to_number",
    "abs", "ceil", "ceiling", "floor", "round", "trunc", "mod", "power", "sqrt", "timezone", "date_trunc", "date_part",
    "extract", "make_date", "make_time", "make_timestamp", "make_timestamptz", "make_interval", "to_jsonb", "to_json",
    "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array", "array_fill", "int4range",
    "int8range", "numrange", "tstzrange", "daterange",
];

/// Why a default is volatile: a known volatile function, else a function
/// driftgate does not know (`(name, known)`).
fn volatile_call(expr: &str) -> Option<(String, bool)> {
    let toks: Vec<_> = tokenize(expr, Dialect::Postgres).into_iter().filter(|t| !t.is_trivia()).collect();
    let mut unknown = None;
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || !toks.get(i + 1).is_some_and(|n| n.is_punct(expr, b'(')) {
            continue;
        }
        // A type modifier (`::varchar(10)`, `AS numeric(10,2)`) is not a call.
        if i > 0 && (toks[i - 1].text(expr) == "::" || toks[i - 1].is_word(expr, "as")) {
            continue;
        }
        let name = t.text(expr).to_ascii_lowercase();
        if VOLATILE.contains(&name.as_str()) {
            return Some((format!("{}()", t.text(expr)), true));
        }
        if !NOT_VOLATILE.contains(&name.as_str()) && unknown.is_none() {
            unknown = Some((format!("{}()", t.text(expr)), false));
        }
    }
    unknown
}

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    let old_pg = cx.opts.pg_version < 11;
    for a in actions {
        let AlterAction::AddColumn { column: c, .. } = a else { continue };
        let ty = normalize_type(&c.type_text, Dialect::Postgres);
        let sequence = ty.implied_identity.is_some() || c.identity.is_some();
        let default = c.default.as_deref().map(str::trim).filter(|d| !d.eq_ignore_ascii_case("null"));
        let why = if sequence {
            let what = if c.identity.is_some() { "an identity column".to_string() } else { format!("a {} column", c.type_text.trim()) };
            format!("{what} takes a new sequence value for every existing row")
        } else if let Some((f, known)) = default.and_then(volatile_call) {
            if known {
                format!("the volatile default {f} is evaluated for every existing row")
            } else {
                format!("the default calls {f}, which driftgate does not know to be stable, so it is taken as volatile and evaluated for every existing row")
            }
        } else if let (true, Some(d)) = (old_pg, default) {
            format!("before Postgres 11 any default ({d}) is written into every existing row")
        } else {
            continue;
        };
        emit(cx, out, name, c, &ty.name, sequence, &why);
    }
}

fn emit(cx: &Cx, out: &mut Emitter, table: &crate::sql::ddl::QName, c: &ColumnDef, base_type: &str, sequence: bool, why: &str) {
    let t = cx.qname(table);
    let col = cx.ident(&c.name);
    let tn = shell_word(&table.display());
    let cnw = shell_word(&c.name);
    let cn = cx.ident(&format!("{}_{}_not_null", table.name, c.name));
    let not_null = if c.nullable == Some(false) || c.primary_key || sequence {
        format!(
            " Then make it NOT NULL without a blocking scan: `ALTER TABLE {t} ADD CONSTRAINT {cn} CHECK ({col} IS NOT NULL) NOT VALID;`, `ALTER TABLE {t} VALIDATE CONSTRAINT {cn};`, `ALTER TABLE {t} ALTER COLUMN {col} SET NOT NULL;`."
        )
    } else {
        String::new()
    };
    let help = if sequence {
        let seq = cx.ident(&format!("{}_{}_seq", table.name, c.name));
        let nextval = format!("nextval('{}')", seq.replace('\'', "''"));
        format!(
            "Add a plain column and fill it in batches: `ALTER TABLE {t} ADD COLUMN {col} {base_type};`, `CREATE SEQUENCE {seq} OWNED BY {t}.{col};`, `ALTER TABLE {t} ALTER COLUMN {col} SET DEFAULT {nextval};` (new rows only), then `driftgate backfill --table {tn} --column {cnw} --set {set}`.{not_null}",
            set = shell_quote(&nextval),
        )
    } else {
        let d = c.default.as_deref().unwrap_or("").trim();
        format!(
            "Add it without the default, set the default for new rows only (instant), then backfill existing rows in batches: `ALTER TABLE {t} ADD COLUMN {col} {ty};`, `ALTER TABLE {t} ALTER COLUMN {col} SET DEFAULT {d};`, then `driftgate backfill --table {tn} --column {cnw} --set {set}`.{not_null}",
            ty = c.type_text.trim(),
            set = shell_quote(d),
        )
    };
    out.emit(format!("adding column {col} to {t} rewrites the whole table while holding an ACCESS EXCLUSIVE lock: {why}"), help);
}
