//! # identifier-too-long
//!
//! **Flags** a name longer than the database allows, given to a table,
//! column, index, constraint, enum or other type, schema, sequence or view
//! in `CREATE`, `ALTER … ADD`, and every kind of `RENAME`: more than 63
//! bytes on Postgres, more than 64 characters on MySQL.
//!
//! **Why it is dangerous.** Postgres does not reject a long name: it
//! silently truncates it to 63 bytes (`NAMEDATALEN - 1`) with only a
//! NOTICE. Two names that differ only after byte 63 then collide (`relation
//! already exists`, or a second index that is never created), and anything
//! that looks the full name up as a string — an ORM comparing its schema
//! with the database, `WHERE conname = '…'` in a later migration or a
//! `DO` block, monitoring — does not find it, so ORMs report drift and try
//! to recreate it forever. MySQL rejects the statement (`Identifier name …
//! is too long`), so the migration fails.
//!
//! **Safe alternative.** Give the object an explicit shorter name, e.g. by
//! abbreviating words (Prisma: `map:` on `@@index`/`@@unique`/`@relation`,
//! `@map`/`@@map`; Drizzle: the name argument):
//!
//! ```sql
//! CREATE INDEX "organization_membership_invitations_organization_id_created_at_idx" ON …;  -- 66 bytes, stored as …_created_at_
//! CREATE INDEX "org_member_invites_org_id_created_at_idx" ON …;                            -- 40 bytes
//! ```
//!
//! **Examples**
//!
//! ```sql
//! -- flagged on Postgres: drizzle-kit's foreign key name is 66 bytes
//! ALTER TABLE "organization_membership_invitations" ADD CONSTRAINT
//!   "organization_membership_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY …;
//! CREATE INDEX "users_email_idx" ON "users"("email");   -- not flagged
//! ```
//!
//! Names the database generates itself (a foreign key or index without a
//! name) are truncated safely by the database and are not flagged.

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::{AlterAction, ColumnDef, ConstraintDef, Ddl, QName};
use crate::Dialect;

use super::support::in_case_of;

pub static RULE: RuleMeta = RuleMeta {
    id: "identifier-too-long",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: None,
    summary: "identifier longer than 63 bytes (Postgres truncates it silently) or 64 characters (MySQL rejects it)",
    source: doc_source!(include_str!("identifier_too_long.rs")),
    check,
    check_file: None,
};

/// A name the statement gives to an object, and what kind of object it is.
struct Named<'a> {
    kind: &'static str,
    name: &'a str,
}

fn constraint_names<'a>(c: &'a ConstraintDef, out: &mut Vec<Named<'a>>) {
    if let Some(n) = c.name() {
        out.push(Named { kind: if matches!(c, ConstraintDef::Index { .. }) { "index" } else { "constraint" }, name: n });
    }
    if let ConstraintDef::ForeignKey { references, .. } = c {
        if let Some(n) = &references.constraint_name {
            out.push(Named { kind: "constraint", name: n });
        }
    }
}

fn column_names<'a>(c: &'a ColumnDef, out: &mut Vec<Named<'a>>) {
    out.push(Named { kind: "column", name: &c.name });
    if let Some(n) = c.unique.as_ref().and_then(|u| u.name.as_deref()) {
        out.push(Named { kind: "constraint", name: n });
    }
    if let Some(n) = c.references.as_ref().and_then(|r| r.constraint_name.as_deref()) {
        out.push(Named { kind: "constraint", name: n });
    }
    for (n, _) in &c.checks {
        if let Some(n) = n {
            out.push(Named { kind: "constraint", name: n });
        }
    }
}

fn qualified<'a>(kind: &'static str, q: &'a QName, out: &mut Vec<Named<'a>>) {
    if let Some(s) = &q.schema {
        out.push(Named { kind: "schema", name: s });
    }
    out.push(Named { kind, name: &q.name });
}

fn names<'a>(ddl: &'a Ddl) -> Vec<Named<'a>> {
    let mut out = Vec::new();
    match ddl {
        Ddl::CreateTable { name, columns, constraints, .. } => {
            out.push(Named { kind: "table", name: &name.name });
            columns.iter().for_each(|c| column_names(c, &mut out));
            constraints.iter().for_each(|c| constraint_names(c, &mut out));
        }
        Ddl::AlterTable { actions, .. } => {
            for a in actions {
                match a {
                    AlterAction::AddColumn { column, .. } | AlterAction::ModifyColumn { column } | AlterAction::ChangeColumn { column, .. } => {
                        column_names(column, &mut out)
                    }
                    AlterAction::RenameColumn { to, .. } => out.push(Named { kind: "column", name: to }),
                    AlterAction::RenameConstraint { to, .. } => out.push(Named { kind: "constraint", name: to }),
                    AlterAction::RenameIndex { to, .. } => out.push(Named { kind: "index", name: to }),
                    AlterAction::RenameTable { to } => qualified("table", to, &mut out),
                    AlterAction::AddConstraint { constraint, .. } => constraint_names(constraint, &mut out),
                    _ => {}
                }
            }
        }
        Ddl::RenameTables { pairs } => pairs.iter().for_each(|(_, to)| qualified("table", to, &mut out)),
        Ddl::CreateIndex { name: Some(n), .. } => out.push(Named { kind: "index", name: &n.name }),
        Ddl::RenameIndex { to, .. } => out.push(Named { kind: "index", name: to }),
        Ddl::CreateEnum { name, .. } => out.push(Named { kind: "enum", name: &name.name }),
        Ddl::RenameType { to, .. } => out.push(Named { kind: "type", name: to }),
        Ddl::CreateSchema { name, .. } => out.push(Named { kind: "schema", name }),
        Ddl::RenameSchema { to, .. } => out.push(Named { kind: "schema", name: to }),
        Ddl::CreateSequence { name, .. } => out.push(Named { kind: "sequence", name: &name.name }),
        Ddl::CreateView { name, .. } => out.push(Named { kind: "view", name: &name.name }),
        Ddl::RenameView { to, .. } => out.push(Named { kind: "view", name: to }),
        _ => {}
    }
    out
}

/// The first `max` bytes of `s`, cut on a character boundary (what Postgres keeps).
pub fn truncate_bytes(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

const SUFFIXES: &[&str] = &["_pkey", "_fkey", "_key", "_idx", "_index", "_unique", "_check", "_seq", "_fk", "_excl"];

/// Usual abbreviations, tried before dropping letters.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("organization", "org"),
    ("organizations", "orgs"),
    ("organisation", "org"),
    ("organisations", "orgs"),
    ("notification", "notif"),
    ("notifications", "notifs"),
    ("preference", "pref"),
    ("preferences", "prefs"),
    ("configuration", "config"),
    ("configurations", "configs"),
    ("information", "info"),
    ("invitation", "invite"),
    ("invitations", "invites"),
    ("subscription", "sub"),
    ("subscriptions", "subs"),
    ("transaction", "txn"),
    ("transactions", "txns"),
    ("description", "desc"),
    ("address", "addr"),
    ("addresses", "addrs"),
    ("application", "app"),
    ("applications", "apps"),
    ("authentication", "authn"),
    ("authorization", "authz"),
    ("administrator", "admin"),
    ("administrators", "admins"),
    ("message", "msg"),
    ("messages", "msgs"),
    ("reference", "ref"),
    ("references", "refs"),
    ("number", "num"),
    ("temporary", "tmp"),
    ("identifier", "ident"),
    ("marketing", "mktg"),
    ("membership", "member"),
    ("memberships", "members"),
];

/// A shorter name in the same style: keep the conventional suffix, use
/// usual abbreviations, then drop inner vowels from the longest words, then
/// shorten them, until the name fits comfortably in `max` bytes.
pub fn shorten(name: &str, max: usize) -> String {
    let (base, suffix) = SUFFIXES
        .iter()
        .find(|s| name.len() > s.len() && name.to_ascii_lowercase().ends_with(*s))
        .map(|s| (&name[..name.len() - s.len()], &name[name.len() - s.len()..]))
        .unwrap_or((name, ""));
    let mut words: Vec<Vec<char>> = base
        .split('_')
        .map(|w| match ABBREVIATIONS.iter().find(|(long, _)| w.eq_ignore_ascii_case(long)) {
            Some((_, short)) => in_case_of(w, short).chars().collect(),
            None => w.chars().collect(),
        })
        .collect();
    let len = |words: &Vec<Vec<char>>| words.iter().map(|w| w.iter().map(|c| c.len_utf8()).sum::<usize>()).sum::<usize>() + words.len().saturating_sub(1) + suffix.len();
    let is_vowel = |c: char| "aeiouAEIOU".contains(c);
    // Leave some room: a name right at the limit is the next one to overflow.
    let target = max.saturating_sub(8).max(max / 2);
    let mut guard = 0;
    while len(&words) > target && guard < 1000 {
        guard += 1;
        let Some((i, _)) = words.iter().enumerate().filter(|(_, w)| w.len() > 3).max_by_key(|(i, w)| (w.len(), std::cmp::Reverse(*i))) else { break };
        let w = &mut words[i];
        // Drop the last inner vowel, else the last character.
        match (1..w.len() - 1).rev().find(|&j| is_vowel(w[j])) {
            Some(j) => {
                w.remove(j);
            }
            None => {
                w.pop();
            }
        }
    }
    let mut out: String = words.iter().map(|w| w.iter().collect::<String>()).collect::<Vec<_>>().join("_");
    out.push_str(suffix);
    if out.len() > max {
        out = truncate_bytes(&out, max).to_string();
    }
    out
}

fn check(cx: &Cx, out: &mut Emitter) {
    let d = cx.dialect();
    let named = names(&cx.stmt.ddl);
    let long: Vec<&Named> = named.iter().filter(|n| too_long(n.name, d)).collect();
    for n in &long {
        let shown = cx.ident(n.name);
        let short = cx.ident(&shorten(n.name, d.max_identifier_bytes()));
        match d {
            Dialect::Postgres => {
                let kept = truncate_bytes(n.name, 63);
                // Another long name in this statement that truncates to the same thing.
                let twin = long.iter().any(|o| !std::ptr::eq(*o, *n) && o.name != n.name && truncate_bytes(o.name, 63) == kept);
                let existing = collides(cx, n, kept);
                let collision = if twin {
                    " — and another name in this statement truncates to the same, so they collide".to_string()
                } else if let Some(what) = existing {
                    format!(" — the same 63 bytes as the existing {what}, so the two collide")
                } else {
                    String::new()
                };
                out.emit(
                    format!("{} name {shown} is {} bytes: Postgres silently truncates it to {} bytes, {}{collision}", n.kind, n.name.len(), kept.len(), cx.ident(kept)),
                    format!(
                        "The database will call it {} while your ORM schema and later migrations say {shown}: lookups by the full name (ORM drift checks, `WHERE conname = '…'`) miss it, and names that differ only after byte 63 collide. Give it an explicit shorter name, e.g. {short} ({} bytes).",
                        cx.ident(kept),
                        shorten(n.name, 63).len()
                    ),
                );
            }
            Dialect::Mysql => {
                out.emit(
                    format!("{} name {shown} is {} characters: MySQL rejects names longer than 64 (`Identifier name … is too long`), so this migration fails", n.kind, n.name.chars().count()),
                    format!("Give it an explicit shorter name, e.g. {short} ({} characters).", shorten(n.name, 64).chars().count()),
                );
            }
        }
    }
}

fn too_long(name: &str, d: Dialect) -> bool {
    match d {
        Dialect::Postgres => name.len() > 63,
        Dialect::Mysql => name.chars().count() > 64,
    }
}

/// The existing object whose name Postgres would store as `kept` too
/// (replay keeps names untruncated, so both sides are truncated). Tables,
/// views, sequences and indexes share one namespace per schema; columns and
/// constraints are per table.
fn collides(cx: &Cx, n: &Named, kept: &str) -> Option<String> {
    let same = |x: &str| x != n.name && truncate_bytes(x, 63) == kept;
    let table = match &cx.stmt.ddl {
        Ddl::AlterTable { name, .. } | Ddl::CreateTable { name, .. } => cx.table(name),
        Ddl::CreateIndex { table, .. } => cx.table(table),
        _ => None,
    };
    if n.kind == "column" {
        return table.and_then(|t| t.columns.iter().find(|c| same(&c.name))).map(|c| format!("column {}", cx.ident(&c.name)));
    }
    if n.kind == "constraint" {
        if let Some(t) = table {
            let hit = t.foreign_keys.iter().map(|f| &f.name).chain(t.checks.iter().map(|c| &c.name)).find(|x| same(x));
            if let Some(x) = hit {
                return Some(format!("constraint {} on {}", cx.ident(x), cx.ident(&t.name)));
            }
        }
    }
    let s = &cx.schema;
    if let Some(t) = s.tables.values().find(|t| same(&t.name)) {
        return Some(format!("table {}", cx.ident(&t.name)));
    }
    if let Some(x) = s.views.values().map(|v| &v.name).chain(s.sequences.values().map(|q| &q.name)).find(|x| same(x)) {
        return Some(format!("relation {}", cx.ident(x)));
    }
    for t in s.tables.values() {
        if let Some(x) = t.indexes.iter().map(|i| &i.name).chain(t.uniques.iter().map(|u| &u.name)).find(|x| same(x)) {
            return Some(format!("index {}", cx.ident(x)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_and_shortening() {
        let n = "subscription_invoice_line_items_billing_address_id_created_at_idx";
        assert_eq!(truncate_bytes(n, 63).len(), 63);
        assert_eq!(truncate_bytes("ééé", 3), "é");
        let s = shorten(n, 63);
        assert!(s.len() <= 55 && s.ends_with("_idx"), "{s}");
    }
}
