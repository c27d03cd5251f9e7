//! Rename vs drop (DESIGN §4): when a table loses column `a` and gains
//! column `b` (or a schema loses table `A` and gains table `B`), is that a
//! rename? Every dropped × added pair gets a score in `0..=1` built from
//! evidence, and every piece of evidence is kept as a sentence so the score
//! can be explained. [`accept`] pairs candidates one-to-one, best first, at a
//! threshold ([`DEFAULT_THRESHOLD`]); nothing below it is ever applied
//! silently: it is reported as a candidate. Explicit overrides
//! (`-- driftgate:renamed-from old`, read by [`renamed_from_hints`]) are
//! applied by the diff engine.
//!
//! # Column weights
//!
//! The score is a sum of evidence, clamped to `0..=1`. The weights follow
//! one principle: evidence counts as much as it is unlikely to happen by
//! chance between an unrelated dropped and added column. Structure (type,
//! nullability, default, place) is shared by many unrelated columns, so it
//! can only bring a pair near the threshold; identity (a related name, a
//! re-created index, key, foreign key or check) has to carry it over.
//!
//! | evidence | weight | why |
//! |---|---|---|
//! | types incompatible (different families, not a known widening) | **veto** (score 0) | a rename that also turns `integer` into `text` cannot keep the data; call it what it is |
//! | same normalised type | +0.25 | necessary for a plain rename, but most columns are `text`/`integer`, so not enough alone |
//! | … and the type is uncommon (a user-defined enum/domain, `numeric(p,s)`, a string length other than the ORM defaults, an inline MySQL enum) | +0.10 more | the rarer the shared type, the less likely by chance |
//! | same type family (`varchar(n)`/`text`, integer widths, `timestamp`/`timestamptz`, `json`/`jsonb`), or two user-defined types with alike names (the type was renamed too) | +0.12 | a rename often comes with a widening |
//! | related families (`integer`/`numeric`, `date`/`timestamp`, `uuid`/string) | +0.06 | convertible, weak |
//! | same nullability | +0.05 | cheap coincidence |
//! | same default (both set) / both without default | +0.08 / +0.02 | a shared non-trivial default is rare by chance |
//! | same identity / generated expression (both set); one side only | +0.05; −0.10 | |
//! | name similarity `s` (below) | +0.40 × `s` | the strongest single signal people leave |
//! | the names mark different kinds (`created_at`/`created_by`, `user_id`/`user_count`, `is_x`/`x_at`) | −0.25, and the name similarity counts 0 | the shared words name the subject; the markers say the columns hold different things about it |
//! | same slot among the columns both tables keep (same neighbours, same rank) / same gap | +0.10 / +0.05 | a schema file edited in place keeps the line; never for the trailing gap, where `ADD COLUMN` puts every new column |
//! | an index, unique or primary key on the old column re-created on the new one (same other columns, same shape) | +0.20 each, at most +0.25 | indexes are not re-created by chance |
//! | a foreign key re-created to the same target | +0.20 | idem |
//! | foreign keys to different targets | −0.25 | different relationship, different data |
//! | a check re-created with the name substituted | +0.10 | |
//! | no name evidence (similarity < 0.1) and no re-created key | score capped at 0.45 | structure alone never makes a rename |
//!
//! So an exact structural twin with an unrelated name (`notes` → `description`,
//! both nullable `text`) scores 0.32 (0.42 in the same slot, at most 0.45)
//! and stays a candidate; a same-typed column with a clearly related name
//! (`full_name` → `fullName`, `email` → `email_address`) scores 0.62 or more;
//! an abbreviation plus a widening (`desc varchar` → `description text`)
//! about 0.54; unrelated names with the foreign key and its index re-created
//! (`author_id` → `writer_id`) about 0.75.
//!
//! # Name similarity
//!
//! Names are split into words (snake_case, camelCase, kebab-case, digits).
//! Words are aligned one-to-one: equal (1.0), equal after removing a plural
//! (0.95), a typo (edit distance 1 for words of 5+ letters, 2 for 8+: 0.85),
//! an abbreviation (3+ letters, same first letter, a subsequence of the
//! longer word, and either not a prefix or at most 70% of its length:
//! `desc`/`description`, `qty`/`quantity`, `usr`/`user`: 0.85). Marker words
//! (`id`, `at`, `by`, `is`, …) weigh 0.3, other words 1. The similarity is
//! the weighted Jaccard of the alignment; when every content word of one
//! name is matched (`email` → `email_address`) it is raised halfway to 1.
//! A whole-name edit similarity of 0.85 or more also counts (`fullname` /
//! `full_name`, `emailadress` / `email_address`). `name_full`, `fullName`
//! and `full_name` are all 1.0; `billing_address` / `shipping_address` is
//! 0.17 and `created_by` / `updated_by` 0.07: when both names keep a content
//! word the other lacks (a word was replaced), the Jaccard is halved, since
//! the shared words say what the columns have in common, not that they are
//! one column. Non-prefix abbreviations must drop vowels (at most one after
//! the first letter), so `name` is not an abbreviation of `nickname`.
//!
//! # Table weights
//!
//! | evidence | weight |
//! |---|---|
//! | column overlap: weighted Dice over columns matched by name (or a similar name, 0.6 × similarity) with compatible types (exact 1.0, family 0.8); bookkeeping columns (`id`, `created_at`, `updated_at`, `deleted_at`, `version`, …) weigh 0.25 and foreign-key columns 0.6, other columns 1 | 0.60 × overlap |
//! | table name similarity | 0.25 × `s` |
//! | constraints re-created (primary key, uniques, indexes, foreign keys, checks, with the column names mapped; a key on a bookkeeping column counts half; the fraction is over at least one whole constraint, so a lone `id` key gives half) | 0.15 × fraction |
//! | both tables hold data columns, none is carried over and the names are not alike (< 0.5) | score capped at 0.40 |
//!
//! Two tables that only share `id` and `created_at` score about 0.2; a
//! table renamed with its columns scores 0.7 or more.

use crate::schema::{Column, Table};
use crate::sql::ddl::{AlterAction, Ddl, QName};
use crate::Dialect;
use serde::Serialize;

/// What a rename candidate renames.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Column,
    Table,
}

/// One dropped × added pair, scored and explained.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RenameScore {
    pub kind: Target,
    /// For columns: the table (its new name), schema-qualified only outside
    /// the default schema. `None` for tables.
    pub table: Option<String>,
    /// Column name, or table name (schema-qualified outside the default schema).
    pub from: String,
    pub to: String,
    pub score: f64,
    pub evidence: Vec<String>,
}

/// Pairs scoring at least this are accepted as renames (see the module doc
/// for how the weights place typical cases around it).
pub const DEFAULT_THRESHOLD: f64 = 0.5;

// ---------------------------------------------------------------- columns

const W_TYPE_EXACT: f64 = 0.25;
const W_TYPE_SPECIFIC: f64 = 0.10;
const W_TYPE_FAMILY: f64 = 0.12;
const W_TYPE_RELATED: f64 = 0.06;
const W_NULLABLE: f64 = 0.05;
const W_DEFAULT_SAME: f64 = 0.08;
const W_DEFAULT_NONE: f64 = 0.02;
const W_AUTO_SAME: f64 = 0.05;
const W_AUTO_MISMATCH: f64 = -0.10;
const W_NAME: f64 = 0.40;
const W_KIND_CONFLICT: f64 = -0.25;
const W_SLOT_SAME: f64 = 0.10;
const W_SLOT_GAP: f64 = 0.05;
const W_INDEX: f64 = 0.20;
const W_INDEX_CAP: f64 = 0.25;
const W_FK_SAME: f64 = 0.20;
const W_FK_OTHER: f64 = -0.25;
const W_CHECK: f64 = 0.10;
const W_IDENTITY_MIN_NAME: f64 = 0.1;
const W_STRUCTURE_CAP: f64 = 0.45;

/// Every dropped × added column pair of one table, scored.
pub fn score_columns(old_table: &Table, new_table: &Table, dropped: &[&Column], added: &[&Column]) -> Vec<RenameScore> {
    let mut out = Vec::with_capacity(dropped.len() * added.len());
    let table = display_name(new_table);
    let old_slots = slots(old_table, new_table);
    let new_slots = slots(new_table, old_table);
    for d in dropped {
        for a in added {
            let (score, evidence) = column_pair(old_table, new_table, d, a, &old_slots, &new_slots);
            out.push(RenameScore { kind: Target::Column, table: Some(table.clone()), from: d.name.clone(), to: a.name.clone(), score, evidence });
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum TypeMatch {
    Exact,
    Family,
    Related,
    Incompatible,
}

fn type_match(a: &str, b: &str) -> TypeMatch {
    use crate::lint::rules::support::type_family;
    if a == b {
        return TypeMatch::Exact;
    }
    let (fa, fb) = (type_family(a), type_family(b));
    if fa == fb {
        return TypeMatch::Family;
    }
    let related = |x: &str, y: &str| {
        let pair = |p: &str, q: &str| (x == p && y == q) || (x == q && y == p);
        pair("integer", "number") || pair("date", "timestamp") || pair("uuid", "string")
    };
    let user_defined = |t: &str, f: &str| t.trim_end_matches("[]") == f.trim_end_matches("[]") && specific_type(t);
    if user_defined(a, &fa) && user_defined(b, &fb) && name_similarity(a, b).strength() >= 0.5 {
        // Two user-defined types with alike names: the type was renamed
        // along with the column, as good as a family match.
        TypeMatch::Family
    } else if related(&fa, &fb) {
        TypeMatch::Related
    } else {
        TypeMatch::Incompatible
    }
}

type Slots = [Option<(Option<String>, usize)>];

/// A type rare enough that two unrelated columns sharing it is unlikely:
/// user-defined types (enums, domains), numerics with a precision, inline
/// MySQL enums, and string lengths other than the ORM defaults.
fn specific_type(t: &str) -> bool {
    use crate::lint::rules::support::type_family;
    let base = t.trim_end_matches("[]");
    let head = base.split('(').next().unwrap_or(base).trim();
    match head {
        "numeric" | "decimal" => base.contains('('),
        "enum" | "set" => true,
        "varchar" | "char" | "bpchar" => !matches!(base, "varchar(255)" | "varchar(191)" | "char(36)" | "varchar(36)") && base.contains('('),
        _ => {
            let fam = type_family(base);
            fam == base && !matches!(fam.as_str(), "string" | "integer" | "number" | "timestamp" | "json" | "binary" | "boolean") && !KNOWN_TYPES.contains(&head)
        }
    }
}

const KNOWN_TYPES: &[&str] = &[
    "uuid", "date", "time", "timetz", "interval", "money", "inet", "cidr", "macaddr", "xml", "tsvector", "point", "year", "bit", "varbit", "oid", "smallserial", "serial", "bigserial", "float4", "float8", "int2", "int4", "int8", "geometry", "geography", "hstore", "ltree",
];

fn column_pair(old_t: &Table, new_t: &Table, d: &Column, a: &Column, old_slots: &Slots, new_slots: &Slots) -> (f64, Vec<String>) {
    let mut ev = Vec::new();
    let mut s = 0.0;
    match type_match(&d.data_type, &a.data_type) {
        TypeMatch::Exact => {
            s += W_TYPE_EXACT;
            if specific_type(&d.data_type) {
                s += W_TYPE_SPECIFIC;
                ev.push(format!("same type {} (an uncommon type)", d.data_type));
            } else {
                ev.push(format!("same type {}", d.data_type));
            }
        }
        TypeMatch::Family => {
            s += W_TYPE_FAMILY;
            ev.push(format!("compatible types {} → {}", d.data_type, a.data_type));
        }
        TypeMatch::Related => {
            s += W_TYPE_RELATED;
            ev.push(format!("convertible types {} → {}", d.data_type, a.data_type));
        }
        TypeMatch::Incompatible => {
            return (0.0, vec![format!("incompatible types {} → {}", d.data_type, a.data_type)]);
        }
    }
    if d.nullable == a.nullable {
        s += W_NULLABLE;
        ev.push(if d.nullable { "both nullable".into() } else { "both NOT NULL".into() });
    } else {
        ev.push(format!("nullability differs ({} → {})", null_word(d.nullable), null_word(a.nullable)));
    }
    match (&d.default, &a.default) {
        (Some(x), Some(y)) if x == y => {
            s += W_DEFAULT_SAME;
            ev.push(format!("same default {x}"));
        }
        (None, None) => {
            s += W_DEFAULT_NONE;
            ev.push("neither has a default".into());
        }
        (x, y) => ev.push(format!("defaults differ ({} → {})", x.as_deref().unwrap_or("none"), y.as_deref().unwrap_or("none"))),
    }
    match (&d.identity, &a.identity) {
        (Some(x), Some(y)) if x == y => {
            s += W_AUTO_SAME;
            ev.push(format!("both {}", identity_word(*x)));
        }
        (None, None) => {}
        (x, y) => {
            s += W_AUTO_MISMATCH;
            ev.push(format!("identity differs ({} → {})", x.map_or("none", identity_word), y.map_or("none", identity_word)));
        }
    }
    match (&d.generated, &a.generated) {
        (Some(x), Some(y)) if substitute(x, &d.name, &a.name) == *y || x == y => {
            s += W_AUTO_SAME;
            ev.push("same generated expression".into());
        }
        (None, None) => {}
        _ => {
            s += W_AUTO_MISMATCH;
            ev.push("generated expression differs".into());
        }
    }

    // Names.
    let sim = name_similarity(&d.name, &a.name);
    let mut strength = sim.strength();
    ev.push(sim.rename_evidence());
    if let (Some(kd), Some(ka)) = (name_kind(&d.name), name_kind(&a.name)) {
        if kd.0 != ka.0 {
            // The shared words name an event or a subject; the markers say
            // the columns hold different things about it.
            strength = 0.0;
            s += W_KIND_CONFLICT;
            ev.push(format!("the names mark different kinds (`{}` vs `{}`), so their likeness does not count", kd.1, ka.1));
        }
    }
    s += W_NAME * strength;

    // Position among the columns both tables keep.
    let di = old_t.columns.iter().position(|c| c.name == d.name);
    let ai = new_t.columns.iter().position(|c| c.name == a.name);
    if let (Some(Some((og, or_))), Some(Some((ng, nr)))) = (di.map(|i| &old_slots[i]), ai.map(|i| &new_slots[i])) {
        let ai = ai.unwrap_or(0);
        // The trailing gap is where ALTER TABLE ADD COLUMN puts every new
        // column, so landing there says nothing.
        let trailing = |t: &Table, i: usize| t.columns[i + 1..].iter().all(|c| !new_t.columns.iter().any(|x| x.name == c.name) || !old_t.columns.iter().any(|x| x.name == c.name));
        if trailing(new_t, ai) || trailing(old_t, di.unwrap_or(0)) {
        } else if og == ng && or_ == nr {
            s += W_SLOT_SAME;
            ev.push(format!("same position {} ({})", ai + 1, describe_gap(new_t, ai)));
        } else if og == ng {
            s += W_SLOT_GAP;
            ev.push(format!("same place ({})", describe_gap(new_t, ai)));
        }
    }

    // Index, unique and primary key membership.
    let mut idx_bonus = 0.0;
    for (what, name, sig) in key_shapes(old_t, &d.name) {
        let found = key_shapes(new_t, &a.name).into_iter().find(|(w2, _, sig2)| *w2 == what && *sig2 == sig);
        if let Some((_, name2, _)) = found {
            idx_bonus += W_INDEX;
            if name == name2 {
                ev.push(format!("both in {what} {name}"));
            } else {
                ev.push(format!("both in {what} {name} / {name2}"));
            }
        }
    }
    s += idx_bonus.min(W_INDEX_CAP);

    // Foreign keys.
    let old_fks = fk_shapes(old_t, &d.name);
    let new_fks = fk_shapes(new_t, &a.name);
    if !old_fks.is_empty() && !new_fks.is_empty() {
        if let Some((_, target)) = old_fks.iter().find(|(sig, _)| new_fks.iter().any(|(s2, _)| s2 == sig)) {
            s += W_FK_SAME;
            ev.push(format!("both reference {target}"));
        } else {
            s += W_FK_OTHER;
            ev.push(format!("they reference different tables ({} → {})", old_fks[0].1, new_fks[0].1));
        }
    }

    // Checks re-created with the name substituted.
    for c in old_t.checks.iter().filter(|c| mentions(&c.expression, &d.name)) {
        let want = substitute(&c.expression, &d.name, &a.name);
        if new_t.checks.iter().any(|n| n.expression == want) {
            s += W_CHECK;
            ev.push(format!("check {} re-created on the new column", c.name));
            break;
        }
    }

    // Structure alone (type, nullability, default, place) is shared by
    // many unrelated columns: without a related name or a re-created key
    // the pair stays a candidate.
    let keyed = idx_bonus > 0.0 || ev.iter().any(|e| e.starts_with("both reference") || e.starts_with("check "));
    if strength < W_IDENTITY_MIN_NAME && !keyed && s > W_STRUCTURE_CAP {
        s = W_STRUCTURE_CAP;
        ev.push("no name or key evidence: left as a candidate".into());
    }

    (round(s.clamp(0.0, 1.0)), ev)
}

fn null_word(n: bool) -> &'static str {
    if n {
        "NULL"
    } else {
        "NOT NULL"
    }
}

fn identity_word(i: crate::schema::Identity) -> &'static str {
    use crate::schema::Identity::*;
    match i {
        Always => "identity always",
        ByDefault => "identity by default",
        Serial => "serial",
        AutoIncrement => "auto_increment",
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// For each column of `t`: `None` when `other` has a column of that name,
/// else the gap it sits in (the surviving column before it, `None` at the
/// start) and its rank within that gap.
fn slots(t: &Table, other: &Table) -> Vec<Option<(Option<String>, usize)>> {
    let mut out = Vec::with_capacity(t.columns.len());
    let mut gap: Option<String> = None;
    let mut rank = 0usize;
    for c in &t.columns {
        if other.columns.iter().any(|o| o.name == c.name) {
            gap = Some(c.name.clone());
            rank = 0;
            out.push(None);
        } else {
            out.push(Some((gap.clone(), rank)));
            rank += 1;
        }
    }
    out
}

fn describe_gap(t: &Table, i: usize) -> String {
    let before = t.columns[..i].iter().rev().map(|c| c.name.as_str()).next();
    let after = t.columns.get(i + 1).map(|c| c.name.as_str());
    match (before, after) {
        (Some(b), Some(a)) => format!("between {b} and {a}"),
        (Some(b), None) => format!("after {b}, last"),
        (None, Some(a)) => format!("first, before {a}"),
        (None, None) => "the only column".into(),
    }
}

/// Indexes, uniques and the primary key that contain `col`, as
/// (what, name, shape with `col` replaced by a placeholder).
fn key_shapes(t: &Table, col: &str) -> Vec<(&'static str, String, String)> {
    let mut out = Vec::new();
    let ph = "\u{0}";
    let sub = |c: &str| if c == col { ph.to_string() } else { c.to_string() };
    if let Some(pk) = &t.primary_key {
        if pk.columns.iter().any(|c| c == col) {
            let cols: Vec<String> = pk.columns.iter().map(|c| sub(c)).collect();
            out.push(("primary key", pk.name.clone().unwrap_or_else(|| "(primary key)".into()), cols.join(",")));
        }
    }
    for u in &t.uniques {
        if u.columns.iter().any(|c| c == col) {
            let cols: Vec<String> = u.columns.iter().map(|c| sub(c)).collect();
            out.push(("unique", u.name.clone(), format!("{}|{}", cols.join(","), u.nulls_not_distinct)));
        }
    }
    for i in &t.indexes {
        let uses = i.columns.iter().any(|c| if c.expression { mentions(&c.name, col) } else { c.name == col })
            || i.predicate.as_deref().is_some_and(|p| mentions(p, col));
        if !uses {
            continue;
        }
        let cols: Vec<String> = i
            .columns
            .iter()
            .map(|c| {
                let n = if c.expression { substitute(&c.name, col, ph) } else { sub(&c.name) };
                format!("{n} {} {}", c.descending, c.opclass.as_deref().unwrap_or(""))
            })
            .collect();
        let pred = i.predicate.as_deref().map(|p| substitute(p, col, ph)).unwrap_or_default();
        let what = if i.unique { "unique index" } else { "index" };
        out.push((what, i.name.clone(), format!("{}|{}|{}|{pred}", cols.join(","), i.unique, i.method.as_deref().unwrap_or(""))));
    }
    out
}

/// Foreign keys that contain `col`: (shape, target description).
fn fk_shapes(t: &Table, col: &str) -> Vec<(String, String)> {
    t.foreign_keys
        .iter()
        .filter(|f| f.columns.iter().any(|c| c == col))
        .map(|f| {
            let cols: Vec<&str> = f.columns.iter().map(|c| if c == col { "\u{0}" } else { c.as_str() }).collect();
            let target = format!("{}({})", qualified(&f.referenced_schema, &f.referenced_table), f.referenced_columns.join(", "));
            (format!("{}|{target}", cols.join(",")), target)
        })
        .collect()
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Whether `expr` mentions the identifier `name` (word boundaries, quotes allowed).
fn mentions(expr: &str, name: &str) -> bool {
    substitute(expr, name, "\u{1}") != expr
}

/// `expr` with every whole-identifier occurrence of `name` replaced by `to`.
fn substitute(expr: &str, name: &str, to: &str) -> String {
    if name.is_empty() {
        return expr.to_string();
    }
    let mut out = String::with_capacity(expr.len());
    let mut i = 0;
    while i < expr.len() {
        let rest = &expr[i..];
        if rest.starts_with(name) {
            let before_ok = expr[..i].chars().next_back().is_none_or(|c| !is_ident_char(c));
            let after_ok = rest[name.len()..].chars().next().is_none_or(|c| !is_ident_char(c));
            if before_ok && after_ok {
                out.push_str(to);
                i += name.len();
                continue;
            }
        }
        let ch = rest.chars().next().unwrap();
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn qualified(schema: &str, name: &str) -> String {
    if schema.is_empty() || schema == "public" {
        name.to_string()
    } else {
        format!("{schema}.{name}")
    }
}

/// A table's name, schema-qualified outside the default schema.
pub fn display_name(t: &Table) -> String {
    qualified(&t.schema, &t.name)
}

/// What a name says its column holds, from a marker word: (kind, marker).
fn name_kind(name: &str) -> Option<(&'static str, String)> {
    let words = name_words(name);
    let first = words.first()?;
    if words.len() > 1 && matches!(first.as_str(), "is" | "has" | "can" | "should" | "was" | "allow" | "allows") {
        return Some(("flag", first.clone()));
    }
    let last = words.last()?;
    let kind = match last.as_str() {
        "at" | "on" | "date" | "time" | "timestamp" | "ts" | "datetime" | "day" => "time",
        "by" | "id" | "ids" | "uuid" | "fk" | "ref" => "reference",
        "count" | "total" | "qty" | "quantity" | "num" => "count",
        "url" | "uri" | "link" | "href" => "link",
        _ => return None,
    };
    (words.len() > 1 || matches!(kind, "count")).then(|| (kind, last.clone()))
}

// ---------------------------------------------------------------- tables

const WT_OVERLAP: f64 = 0.60;
const WT_NAME: f64 = 0.25;
const WT_CONSTRAINTS: f64 = 0.15;
const WT_NO_DATA_CAP: f64 = 0.40;

/// Every dropped × added table pair, scored.
pub fn score_tables(old: &[&Table], new: &[&Table]) -> Vec<RenameScore> {
    let mut out = Vec::with_capacity(old.len() * new.len());
    for o in old {
        for n in new {
            let (score, evidence) = table_pair(o, n);
            out.push(RenameScore { kind: Target::Table, table: None, from: display_name(o), to: display_name(n), score, evidence });
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum ColRole {
    Bookkeeping,
    Link,
    Data,
}

fn col_role(t: &Table, c: &Column) -> ColRole {
    let words = name_words(&c.name);
    let w: Vec<&str> = words.iter().map(|s| s.as_str()).collect();
    let bookkeeping = matches!(
        w.as_slice(),
        ["id"] | ["uuid"] | ["version"] | ["created" | "updated" | "deleted" | "modified" | "inserted", "at" | "on" | "by" | "date" | "time"] | ["created" | "updated" | "modified"]
    );
    if bookkeeping {
        ColRole::Bookkeeping
    } else if t.foreign_keys.iter().any(|f| f.columns.contains(&c.name)) {
        ColRole::Link
    } else {
        ColRole::Data
    }
}

fn role_weight(r: ColRole) -> f64 {
    match r {
        ColRole::Bookkeeping => 0.25,
        ColRole::Link => 0.6,
        ColRole::Data => 1.0,
    }
}

fn table_pair(o: &Table, n: &Table) -> (f64, Vec<String>) {
    let mut ev = Vec::new();
    // Column matching: candidates (quality, old idx, new idx), greedy.
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, oc) in o.columns.iter().enumerate() {
        for (j, nc) in n.columns.iter().enumerate() {
            let tq = match type_match(&oc.data_type, &nc.data_type) {
                TypeMatch::Exact => 1.0,
                TypeMatch::Family => 0.8,
                _ => continue,
            };
            let nq = if oc.name == nc.name {
                1.0
            } else {
                let s = name_similarity(&oc.name, &nc.name).strength();
                if s >= 0.7 {
                    0.6 * s
                } else {
                    continue;
                }
            };
            cands.push((tq * nq, i, j));
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_o = vec![false; o.columns.len()];
    let mut used_n = vec![false; n.columns.len()];
    let mut mapping: Vec<(usize, usize)> = Vec::new();
    let mut matched_w = 0.0;
    let mut data_carried = false;
    let mut same_named = Vec::new();
    let mut similar_named = Vec::new();
    for (q, i, j) in cands {
        if used_o[i] || used_n[j] {
            continue;
        }
        used_o[i] = true;
        used_n[j] = true;
        mapping.push((i, j));
        let (ro, rn) = (col_role(o, &o.columns[i]), col_role(n, &n.columns[j]));
        let w = (role_weight(ro) + role_weight(rn)) / 2.0;
        matched_w += 2.0 * w * q;
        if ro == ColRole::Data || rn == ColRole::Data {
            data_carried = true;
        }
        if o.columns[i].name == n.columns[j].name {
            same_named.push(o.columns[i].name.clone());
        } else {
            similar_named.push(format!("{} → {}", o.columns[i].name, n.columns[j].name));
        }
    }
    let total_w: f64 = o.columns.iter().map(|c| role_weight(col_role(o, c))).sum::<f64>() + n.columns.iter().map(|c| role_weight(col_role(n, c))).sum::<f64>();
    let overlap = if total_w > 0.0 { matched_w / total_w } else { 0.0 };
    let mut s = WT_OVERLAP * overlap;
    ev.push(format!(
        "{} of {} columns carried over (weighted overlap {:.0}%)",
        mapping.len(),
        o.columns.len(),
        overlap * 100.0
    ));
    if !same_named.is_empty() {
        ev.push(format!("same columns {}", join_limited(&same_named, 6)));
    }
    if !similar_named.is_empty() {
        ev.push(format!("similar columns {}", join_limited(&similar_named, 4)));
    }

    let sim = name_similarity(&o.name, &n.name);
    s += WT_NAME * sim.strength();
    ev.push(sim.rename_evidence());

    // Constraints re-created, with column names mapped old → new.
    let map = |c: &str| -> Option<String> {
        let i = o.columns.iter().position(|x| x.name == c)?;
        mapping.iter().find(|(a, _)| *a == i).map(|(_, b)| n.columns[*b].name.clone())
    };
    let map_all = |cols: &[String]| -> Option<Vec<String>> { cols.iter().map(|c| map(c)).collect() };
    let bookkeeping_only = |cols: &[String]| cols.iter().all(|c| o.columns.iter().find(|x| &x.name == c).is_some_and(|x| col_role(o, x) == ColRole::Bookkeeping));
    let mut total = 0.0;
    let mut kept = 0.0;
    let mut kept_names: Vec<String> = Vec::new();
    let mut count = |w: f64, ok: bool, what: String| {
        total += w;
        if ok {
            kept += w;
            kept_names.push(what);
        }
    };
    if let Some(pk) = &o.primary_key {
        let w = if bookkeeping_only(&pk.columns) { 0.5 } else { 1.0 };
        let ok = map_all(&pk.columns).is_some_and(|m| n.primary_key.as_ref().is_some_and(|p| p.columns == m));
        count(w, ok, format!("primary key ({})", pk.columns.join(", ")));
    }
    for u in &o.uniques {
        let ok = map_all(&u.columns).is_some_and(|m| n.uniques.iter().any(|x| x.columns == m) || n.indexes.iter().any(|x| x.unique && x.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>() == m));
        count(1.0, ok, format!("unique ({})", u.columns.join(", ")));
    }
    for i in o.indexes.iter().filter(|i| !i.implicit) {
        let cols: Vec<String> = i.columns.iter().map(|c| c.name.clone()).collect();
        let plain = i.columns.iter().all(|c| !c.expression);
        let ok = plain
            && map_all(&cols).is_some_and(|m| {
                n.indexes.iter().any(|x| x.unique == i.unique && x.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>() == m)
                    || (i.unique && n.uniques.iter().any(|x| x.columns == m))
            });
        count(1.0, ok, format!("index ({})", cols.join(", ")));
    }
    for f in &o.foreign_keys {
        let self_ref = f.referenced_table == o.name && f.referenced_schema == o.schema;
        let ok = map_all(&f.columns).is_some_and(|m| {
            n.foreign_keys.iter().any(|x| {
                x.columns == m
                    && if self_ref {
                        x.referenced_table == n.name
                    } else {
                        x.referenced_table == f.referenced_table && x.referenced_schema == f.referenced_schema
                    }
            })
        });
        count(1.0, ok, format!("foreign key to {}", f.referenced_table));
    }
    for c in &o.checks {
        let mut want = c.expression.clone();
        for (i, j) in &mapping {
            if o.columns[*i].name != n.columns[*j].name {
                want = substitute(&want, &o.columns[*i].name, &n.columns[*j].name);
            }
        }
        count(1.0, n.checks.iter().any(|x| x.expression == want), format!("check {}", c.name));
    }
    if total > 0.0 {
        // A table whose only constraint is a key on `id` proves little: the
        // fraction is taken over at least one full constraint.
        s += WT_CONSTRAINTS * kept / total.max(1.0);
        if !kept_names.is_empty() {
            ev.push(format!("re-created: {}", join_limited(&kept_names, 4)));
        }
    }

    let has_data = |t: &Table| t.columns.iter().any(|c| col_role(t, c) == ColRole::Data);
    if has_data(o) && has_data(n) && !data_carried && sim.strength() < 0.5 {
        s = s.min(WT_NO_DATA_CAP);
        ev.push("no data column carried over".into());
    }
    (round(s.clamp(0.0, 1.0)), ev)
}

fn join_limited(items: &[String], max: usize) -> String {
    let mut s = items.iter().take(max).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > max {
        s.push_str(&format!(" and {} more", items.len() - max));
    }
    s
}

// ---------------------------------------------------------------- accepting

/// Greedy one-to-one matching, best score first: a pair is accepted when it
/// scores at least `threshold` and neither of its names was taken by a
/// better pair (per kind and table). Returns (accepted, other candidates);
/// candidates with score 0 (vetoed) are left out of the second list.
pub fn accept(mut scores: Vec<RenameScore>, threshold: f64) -> (Vec<RenameScore>, Vec<RenameScore>) {
    scores.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| (a.kind as u8).cmp(&(b.kind as u8)))
            .then_with(|| a.table.cmp(&b.table))
            .then_with(|| a.from.cmp(&b.from))
            .then_with(|| a.to.cmp(&b.to))
    });
    let mut used_from: std::collections::HashSet<(Target, Option<String>, String)> = Default::default();
    let mut used_to: std::collections::HashSet<(Target, Option<String>, String)> = Default::default();
    let mut accepted = Vec::new();
    let mut others = Vec::new();
    for s in scores {
        let kf = (s.kind, s.table.clone(), s.from.clone());
        let kt = (s.kind, s.table.clone(), s.to.clone());
        if s.score >= threshold && !used_from.contains(&kf) && !used_to.contains(&kt) {
            used_from.insert(kf);
            used_to.insert(kt);
            accepted.push(s);
        } else if s.score > 0.0 {
            others.push(s);
        }
    }
    (accepted, others)
}

// ---------------------------------------------------------------- hints

/// `-- driftgate:renamed-from old_name` comments: on the line before, or on
/// the same line as, a column definition (`ADD COLUMN` or inside `CREATE
/// TABLE`) or a `CREATE TABLE`. Returns (table for columns, from, to); the
/// table is the name as written (`schema.table` when qualified). A hint on
/// the line of a `CREATE TABLE` header (or the line before it) renames the
/// table; one on a column definition's line (or the line before it) renames
/// the column.
pub fn renamed_from_hints(sql: &str, dialect: Dialect) -> Vec<(Option<String>, String, String)> {
    const MARK: &str = "driftgate:renamed-from";
    if !sql.contains(MARK) {
        return Vec::new();
    }
    let file = crate::sql::analyze(sql, dialect);
    let line_of = |off: usize| sql[..off.min(sql.len())].bytes().filter(|b| *b == b'\n').count();
    // Targets: (start line, end line, end offset, table, column or None).
    struct T {
        start: usize,
        end: usize,
        end_off: usize,
        table: String,
        column: Option<String>,
    }
    let qn = |q: &QName| match &q.schema {
        Some(s) => format!("{s}.{}", q.name),
        None => q.name.clone(),
    };
    let mut targets: Vec<T> = Vec::new();
    for st in &file.statements {
        match &st.ddl {
            Ddl::CreateTable { name, columns, .. } => {
                let header_end = columns.first().map_or(st.body.end, |c| c.span.start);
                targets.push(T { start: line_of(st.body.start), end: line_of(header_end), end_off: header_end, table: qn(name), column: None });
                for c in columns {
                    targets.push(T { start: line_of(c.span.start), end: line_of(c.span.end), end_off: c.span.end, table: qn(name), column: Some(c.name.clone()) });
                }
            }
            Ddl::AlterTable { name, actions, .. } => {
                for a in actions {
                    if let AlterAction::AddColumn { column: c, .. } = a {
                        targets.push(T { start: line_of(c.span.start), end: line_of(c.span.end), end_off: c.span.end, table: qn(name), column: Some(c.name.clone()) });
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for span in &file.comments {
        let Some(text) = sql.get(span.start..span.end) else { continue };
        let Some(at) = text.find(MARK) else { continue };
        let rest = text[at + MARK.len()..].trim_start_matches([':', ' ', '\t', '=']);
        let old: String = {
            let r = rest.trim_start();
            let tok: String = if let Some(q) = r.strip_prefix('"').or_else(|| r.strip_prefix('`')) {
                let close = if r.starts_with('"') { '"' } else { '`' };
                q.chars().take_while(|c| *c != close).collect()
            } else {
                r.chars().take_while(|c| is_ident_char(*c) || *c == '.').collect()
            };
            tok
        };
        if old.is_empty() {
            continue;
        }
        let line = line_of(span.start);
        // Same line: the target ends on this line before the comment
        // (the latest such target); else the first target starting on the next line.
        let same = targets
            .iter()
            .filter(|t| t.end == line && t.end_off <= span.start)
            .max_by_key(|t| t.end_off)
            .or_else(|| targets.iter().find(|t| t.column.is_none() && t.start == line && span.start < t.end_off));
        let target = same.or_else(|| {
            // Header of a CREATE TABLE on the next line wins over its columns.
            let next: Vec<&T> = targets.iter().filter(|t| t.start == line + 1).collect();
            next.iter().find(|t| t.column.is_none()).or(next.first()).copied()
        });
        if let Some(t) = target {
            match &t.column {
                Some(c) => out.push((Some(t.table.clone()), old.rsplit('.').next().unwrap_or(&old).to_string(), c.clone())),
                None => out.push((None, old, t.table.clone())),
            }
        }
    }
    out
}

// ---------------------------------------------------------------- name similarity

/// The words of an identifier: snake_case, kebab-case, camelCase and
/// digits split, lower case (`fullName`, `full_name`, `FULL_NAME` → `full`, `name`).
pub fn name_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let boundary = prev.is_some_and(|p| {
            p.is_alphanumeric()
                && ((c.is_uppercase() && p.is_lowercase())
                    || (c.is_uppercase() && p.is_uppercase() && chars.get(i + 1).is_some_and(|n| n.is_lowercase()))
                    || (c.is_ascii_digit() != p.is_ascii_digit()))
        });
        if boundary && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

pub(crate) fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// How two words of two names correspond.
#[derive(Clone, Debug, PartialEq)]
pub enum WordMatch {
    Same(String),
    Plural(String, String),
    Typo(String, String),
    Abbreviation(String, String),
}

/// How alike two names are, in 0..=1, and the evidence in words.
#[derive(Clone, Debug)]
pub struct NameSimilarity {
    /// Whole-name edit similarity or word Jaccard, whichever is higher
    /// (what the `rename-as-drop-add` lint rule ranks by).
    pub score: f64,
    pub shared_words: Vec<String>,
    pub edit_similarity: f64,
    /// Edit distance between the names' words joined.
    pub edit_distance: usize,
    /// Weighted Jaccard of the word alignment (plurals, typos and
    /// abbreviations count; marker words weigh less), raised halfway to 1
    /// when one name's content words are all matched.
    pub aligned: f64,
    pub matches: Vec<WordMatch>,
}

impl NameSimilarity {
    pub fn evidence(&self) -> String {
        if !self.shared_words.is_empty() {
            let w: Vec<String> = self.shared_words.iter().map(|w| format!("`{w}`")).collect();
            format!("the names share {}", crate::lint::rules::support::list(&w, 3))
        } else if self.edit_similarity >= 0.5 {
            format!("the names are {:.0}% alike", self.edit_similarity * 100.0)
        } else {
            "the names are not alike".into()
        }
    }

    /// What the rename scorer uses: the word alignment, or a whole-name edit
    /// similarity of 0.85 or more (a typo or a changed word split).
    pub fn strength(&self) -> f64 {
        let edit = if self.edit_similarity >= 0.85 { self.edit_similarity } else { 0.0 };
        self.aligned.max(edit)
    }

    /// The evidence sentence for the rename scorer.
    pub fn rename_evidence(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.edit_distance == 0 {
            return "same name apart from case and separators".into();
        }
        let shared: Vec<String> = self.matches.iter().filter_map(|m| if let WordMatch::Same(w) = m { Some(format!("`{w}`")) } else { None }).collect();
        if !shared.is_empty() {
            parts.push(format!("names share {} {}", if shared.len() == 1 { "token" } else { "tokens" }, shared.join(", ")));
        }
        for m in &self.matches {
            match m {
                WordMatch::Same(_) => {}
                WordMatch::Plural(a, b) => parts.push(format!("`{a}`/`{b}` singular/plural")),
                WordMatch::Typo(a, b) => parts.push(format!("`{a}` ≈ `{b}`")),
                WordMatch::Abbreviation(a, b) => parts.push(format!("`{a}` abbreviates `{b}`")),
            }
        }
        parts.push(format!("edit distance {}", self.edit_distance));
        format!("{} (name similarity {:.2})", parts.join(", "), self.strength())
    }
}

const MARKER_WORDS: &[&str] = &["id", "ids", "at", "by", "on", "is", "has", "to", "of", "the", "a", "an", "and", "in", "for", "uuid", "ts", "fk", "ref", "no", "was", "can", "tbl"];

fn word_weight(w: &str) -> f64 {
    if MARKER_WORDS.contains(&w) {
        0.3
    } else {
        1.0
    }
}

fn singular(w: &str) -> &str {
    if w.len() > 4 && w.ends_with("ies") {
        return &w[..w.len() - 3]; // compared with the `y` dropped too, below
    }
    if w.len() > 3 && (w.ends_with("ses") || w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes")) {
        return &w[..w.len() - 2];
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        return &w[..w.len() - 1];
    }
    w
}

fn stem(w: &str) -> String {
    let s = singular(w);
    if w.len() > 4 && w.ends_with("ies") {
        format!("{s}y")
    } else {
        s.to_string()
    }
}

fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut it = long.iter();
    short.iter().all(|c| it.any(|x| x == c))
}

fn word_match(a: &str, b: &str) -> Option<(f64, WordMatch)> {
    if a == b {
        return Some((1.0, WordMatch::Same(a.to_string())));
    }
    if stem(a) == stem(b) {
        return Some((0.95, WordMatch::Plural(a.to_string(), b.to_string())));
    }
    let ca: Vec<char> = a.chars().collect();
    let cb: Vec<char> = b.chars().collect();
    let min = ca.len().min(cb.len());
    let d = levenshtein(&ca, &cb);
    if (min >= 5 && d <= 1) || (min >= 8 && d <= 2) {
        return Some((0.85, WordMatch::Typo(a.to_string(), b.to_string())));
    }
    let (short, long, s_str, l_str) = if ca.len() < cb.len() { (&ca, &cb, a, b) } else { (&cb, &ca, b, a) };
    if short.len() >= 3 && short.len() < long.len() && short[0] == long[0] && is_subsequence(short, long) && !short.iter().all(|c| c.is_ascii_digit()) {
        let prefix = long.starts_with(short);
        // Not a prefix: an abbreviation drops vowels (`usr`, `qty`, `dept`),
        // so at most one vowel after the first letter (`name` is not `nickname`).
        let vowels = short[1..].iter().filter(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')).count();
        if (prefix && (short.len() as f64) <= 0.7 * long.len() as f64) || (!prefix && vowels <= 1) {
            return Some((0.85, WordMatch::Abbreviation(s_str.to_string(), l_str.to_string())));
        }
    }
    None
}

/// Normalised edit distance over the names' words joined, and word overlap
/// (Jaccard), whichever is higher, in `score`: `full_name`/`fullName`/`name_full`
/// → 1.0. The word alignment the rename scorer uses is in `aligned` (see the
/// module doc).
pub fn name_similarity(a: &str, b: &str) -> NameSimilarity {
    let wa = name_words(a);
    let wb = name_words(b);
    let joined_a: Vec<char> = wa.concat().chars().collect();
    let joined_b: Vec<char> = wb.concat().chars().collect();
    let longest = joined_a.len().max(joined_b.len()).max(1);
    let edit_distance = levenshtein(&joined_a, &joined_b);
    let edit_similarity = 1.0 - edit_distance as f64 / longest as f64;
    let mut shared: Vec<String> = wa.iter().filter(|w| wb.contains(w)).cloned().collect();
    shared.dedup();
    let union = {
        let mut u: Vec<&String> = wa.iter().chain(wb.iter()).collect();
        u.sort();
        u.dedup();
        u.len().max(1)
    };
    let jaccard = shared.len() as f64 / union as f64;

    // Word alignment.
    let mut cands: Vec<(f64, usize, usize, WordMatch)> = Vec::new();
    for (i, x) in wa.iter().enumerate() {
        for (j, y) in wb.iter().enumerate() {
            if let Some((q, m)) = word_match(x, y) {
                cands.push((q, i, j, m));
            }
        }
    }
    cands.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    let mut ua = vec![false; wa.len()];
    let mut ub = vec![false; wb.len()];
    let mut matched = 0.0;
    let mut matches = Vec::new();
    for (q, i, j, m) in cands {
        if ua[i] || ub[j] {
            continue;
        }
        ua[i] = true;
        ub[j] = true;
        matched += q * (word_weight(&wa[i]) + word_weight(&wb[j])) / 2.0;
        matches.push(m);
    }
    let total_a: f64 = wa.iter().map(|w| word_weight(w)).sum();
    let total_b: f64 = wb.iter().map(|w| word_weight(w)).sum();
    let denom = total_a + total_b - matched;
    let mut aligned = if denom > 0.0 { matched / denom } else { 0.0 };
    let covered = |words: &[String], used: &[bool]| {
        let content: Vec<usize> = (0..words.len()).filter(|&k| word_weight(&words[k]) >= 1.0).collect();
        !content.is_empty() && content.iter().all(|&k| used[k])
    };
    let unmatched_content = |words: &[String], used: &[bool]| (0..words.len()).any(|k| !used[k] && word_weight(&words[k]) >= 1.0);
    if matched > 0.0 && (covered(&wa, &ua) || covered(&wb, &ub)) {
        aligned = (1.0 + aligned) / 2.0;
    } else if unmatched_content(&wa, &ua) && unmatched_content(&wb, &ub) {
        // A content word was replaced (`billing_address` / `shipping_address`):
        // the shared words name what the two columns have in common, not
        // that they are the same column.
        aligned /= 2.0;
    }
    NameSimilarity { score: edit_similarity.max(jaccard), shared_words: shared, edit_similarity, edit_distance, aligned: aligned.min(1.0), matches }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_similarity() {
        let s = |a: &str, b: &str| name_similarity(a, b).strength();
        assert_eq!(s("full_name", "fullName"), 1.0);
        assert_eq!(s("name_full", "full_name"), 1.0);
        assert_eq!(s("fullname", "full_name"), 1.0);
        assert!(s("desc", "description") > 0.7);
        assert!(s("qty", "quantity") > 0.7);
        assert!(s("email", "email_address") >= 0.75);
        assert!(s("email_adress", "email_address") > 0.9);
        assert!(s("billing_address", "shipping_address") < 0.4);
        assert!(s("created_by", "updated_by") < 0.2);
        assert!(s("notes", "description") < 0.1);
        assert!(s("date", "data") < 0.1);
        assert!(s("user", "users") > 0.9);
    }

    #[test]
    fn kinds() {
        assert_ne!(name_kind("created_at").unwrap().0, name_kind("created_by").unwrap().0);
        assert_eq!(name_kind("is_active").unwrap().0, "flag");
        assert!(name_kind("name").is_none());
    }

    #[test]
    fn substitution() {
        assert_eq!(substitute("(price > 0) and price_min < price", "price", "cost"), "(cost > 0) and price_min < cost");
        assert!(mentions("lower(email)", "email"));
        assert!(!mentions("lower(email2)", "email"));
    }

    fn rs(from: &str, to: &str, score: f64) -> RenameScore {
        RenameScore { kind: Target::Column, table: Some("t".into()), from: from.into(), to: to.into(), score, evidence: vec![] }
    }

    #[test]
    fn accept_is_one_to_one_best_first() {
        let (acc, rest) = accept(vec![rs("a", "x", 0.6), rs("a", "y", 0.9), rs("b", "y", 0.8), rs("b", "x", 0.55), rs("c", "z", 0.0)], DEFAULT_THRESHOLD);
        let got: Vec<(&str, &str)> = acc.iter().map(|r| (r.from.as_str(), r.to.as_str())).collect();
        assert_eq!(got, vec![("a", "y"), ("b", "x")]);
        assert_eq!(rest.len(), 2); // the vetoed pair is left out
    }

    #[test]
    fn scores_stay_in_range_and_veto() {
        let col = |n: &str, t: &str| Column { name: n.into(), data_type: t.into(), nullable: true, default: None, identity: None, generated: None };
        let old = Table { schema: "public".into(), name: "t".into(), columns: vec![col("id", "integer"), col("full_name", "text"), col("age", "integer")], ..Default::default() };
        let new = Table { schema: "public".into(), name: "t".into(), columns: vec![col("id", "integer"), col("fullName", "text"), col("nickname", "text")], ..Default::default() };
        let scores = score_columns(&old, &new, &[&old.columns[1], &old.columns[2]], &[&new.columns[1], &new.columns[2]]);
        assert!(scores.iter().all(|s| (0.0..=1.0).contains(&s.score) && !s.evidence.is_empty()));
        let get = |f: &str, t: &str| scores.iter().find(|s| s.from == f && s.to == t).unwrap().score;
        assert!(get("full_name", "fullName") >= DEFAULT_THRESHOLD);
        assert_eq!(get("age", "nickname"), 0.0);
        assert!(get("full_name", "nickname") < DEFAULT_THRESHOLD);
    }

    #[test]
    fn hints() {
        let sql = "CREATE TABLE accounts ( -- driftgate:renamed-from users\n  id int,\n  -- driftgate:renamed-from name\n  full_name text,\n  mail text -- driftgate:renamed-from email\n);\n\
                   ALTER TABLE accounts ADD COLUMN nick text; -- driftgate:renamed-from nickname\n\
                   -- driftgate:renamed-from old_t\nCREATE TABLE new_t (x int);\n";
        let h = renamed_from_hints(sql, Dialect::Postgres);
        assert_eq!(
            h,
            vec![
                (None, "users".to_string(), "accounts".to_string()),
                (Some("accounts".into()), "name".into(), "full_name".into()),
                (Some("accounts".into()), "email".into(), "mail".into()),
                (Some("accounts".into()), "nickname".into(), "nick".into()),
                (None, "old_t".into(), "new_t".into()),
            ]
        );
    }
}
