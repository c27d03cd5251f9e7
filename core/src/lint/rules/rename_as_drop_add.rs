//! # rename-as-drop-add
//!
//! **Flags** a migration that drops a column of an existing table and adds
//! a column of a compatible type to the same table — in one `ALTER TABLE`
//! (Prisma: `DROP COLUMN "name", ADD COLUMN "displayName" TEXT`) or in
//! separate statements (Drizzle when the "created or renamed?" prompt was
//! answered *created*). Types are compared normalised: equal, or the same
//! family (`varchar(n)`/`text`, the integer widths, `json`/`jsonb`,
//! `timestamp`/`timestamptz`). When a table has several candidate pairs, the
//! most similar names are paired (edit distance and shared words of
//! snake/camel parts: `full_name`/`fullName`/`name_full`); a pair whose
//! names are not alike is only reported when it is the only compatible pair
//! on the table and the types are exactly equal. The message states the
//! evidence.
//!
//! Not flagged: a column dropped and re-added under the same name, new
//! tables, and a pair whose data is copied in the same migration
//! (`UPDATE t SET new = old` before the drop).
//!
//! **Why it is dangerous.** Neither Prisma nor Atlas detects renames, and
//! Drizzle only asks: renaming a field in the ORM schema becomes "drop the
//! old column, add an empty new one". Every value in the old column is gone
//! when the migration commits — with no error, because the new column is
//! nullable or has a default. `drop-column` also fires; this rule says why
//! it is probably a mistake.
//!
//! **Safe alternative.** If it is a rename, rename:
//!
//! ```sql
//! ALTER TABLE "User" RENAME COLUMN "name" TO "displayName";   -- MySQL 8.0+; older: CHANGE `name` `displayName` <definition>
//! ```
//!
//! A rename still breaks code reading the old name during a rolling deploy
//! (see `rename-column`); for zero downtime expand/contract instead: add the
//! new column, write both, backfill (`driftgate backfill --table User
//! --column displayName --set '"name"'`), switch reads, drop the old column
//! in a later release. When the two statements are separate single-action
//! `ALTER TABLE`s and the columns match exactly, the fix rewrites them into
//! the rename.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE "User" DROP COLUMN "name", ADD COLUMN "displayName" TEXT;   -- flagged
//! ALTER TABLE posts ADD content text; ALTER TABLE posts DROP COLUMN body; -- flagged (only compatible pair)
//! ALTER TABLE users DROP COLUMN age, ADD COLUMN nickname text;            -- not flagged: integer vs text
//! ```

use crate::lint::{quote_ident, Emitter, FileCx, Fix, RuleMeta, Severity};
use crate::schema::normalize::{normalize_expr, normalize_type};
use crate::schema::Column;
use crate::span::Span;
use crate::sql::ddl::{AlterAction, ColumnDef, Ddl, QName};
use crate::sql::lexer::{ident_value, TokenKind};
use crate::sql::Statement;
use crate::Dialect;

use super::support::{for_each_with_search_path, key, list, name_similarity, qname, type_family, NameSimilarity};

pub static RULE: RuleMeta = RuleMeta {
    id: "rename-as-drop-add",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "DROP + ADD of a compatible column in one migration: likely a rename that destroys the data",
    source: doc_source!(include_str!("rename_as_drop_add.rs")),
    check: |_, _| {},
    check_file: Some(check_file),
};

struct Dropped {
    stmt: usize,
    table: QName,
    key: String,
    column: Column,
    single_action: bool,
}

struct Added<'a> {
    stmt: usize,
    key: String,
    def: &'a ColumnDef,
    data_type: String,
    nullable: bool,
    default: Option<String>,
    single_action: bool,
}

struct Pair {
    drop: usize,
    add: usize,
    similarity: NameSimilarity,
    same_type: bool,
    rank: f64,
}

fn check_file(fx: &FileCx, out: &mut Emitter) {
    // Only files that both drop and add a column can hold a pair; skip the
    // replay for every other file.
    let actions = || fx.file.statements.iter().filter_map(|s| match &s.ddl {
        Ddl::AlterTable { actions, .. } => Some(actions.iter()),
        _ => None,
    }).flatten();
    if !actions().any(|a| matches!(a, AlterAction::DropColumn { .. })) || !actions().any(|a| matches!(a, AlterAction::AddColumn { .. })) {
        return;
    }
    let d = fx.opts.dialect;
    let mut drops: Vec<Dropped> = Vec::new();
    let mut adds: Vec<Added> = Vec::new();
    // UPDATE statements: (table key, statement index, identifiers used).
    let mut updates: Vec<(String, usize, Vec<String>)> = Vec::new();
    // The schema just before each ALTER TABLE, as the engine saw it.
    let altered = &fx.state.altered;
    for_each_with_search_path(fx, |stmt, current| match &stmt.ddl {
        Ddl::AlterTable { name, actions, .. } => {
            let k = key(d, current, name);
            let Some(now) = altered.binary_search_by_key(&stmt.index, |a| a.stmt).ok().map(|i| &altered[i]).filter(|a| a.existed) else { return };
            let Some(initial) = fx.initial.tables.get(&k) else { return };
            let single_action = actions.len() == 1 && stmt.parent.is_none();
            for a in actions {
                match a {
                    AlterAction::DropColumn { column, .. } => {
                        let existed = initial.columns.iter().any(|c| &c.name == column);
                        if let Some(c) = now.dropped.iter().find(|c| &c.name == column).filter(|_| existed) {
                            drops.push(Dropped { stmt: stmt.index, table: name.clone(), key: k.clone(), column: c.clone(), single_action });
                        }
                    }
                    AlterAction::AddColumn { column: def, .. } if !initial.columns.iter().any(|c| c.name == def.name) => {
                        let ty = normalize_type(&def.type_text, d);
                        let nullable = !(def.nullable == Some(false) || def.primary_key || ty.implied_not_null);
                        let default = def.default.as_deref().map(|x| normalize_expr(x, d, Some(&name.name))).filter(|x| x != "null");
                        adds.push(Added { stmt: stmt.index, key: k.clone(), def, data_type: ty.name, nullable, default, single_action });
                    }
                    _ => {}
                }
            }
        }
        Ddl::Dml { verb, table: Some(t), .. } if verb == "update" => {
            let idents = stmt
                .tokens
                .iter()
                .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::QuotedIdent))
                .map(|t| ident_value(fx.src, t, d))
                .collect();
            updates.push((key(d, current, t), stmt.index, idents));
        }
        _ => {}
    });

    // Candidate pairs (indexes into drops/adds) on the same table with compatible types.
    let mut pairs: Vec<Pair> = Vec::new();
    for (di, dr) in drops.iter().enumerate() {
        for (ai, ad) in adds.iter().enumerate().filter(|(_, a)| a.key == dr.key) {
            if ad.def.name.eq_ignore_ascii_case(&dr.column.name) {
                continue; // dropped and re-created: a type change, not a rename
            }
            let same_type = ad.data_type == dr.column.data_type;
            if !same_type && type_family(&ad.data_type) != type_family(&dr.column.data_type) {
                continue;
            }
            // The data is copied over before the drop: expand/contract done by hand.
            let copied = updates.iter().any(|(k, i, ids)| k == &dr.key && *i < dr.stmt && ids.contains(&ad.def.name) && ids.contains(&dr.column.name));
            if copied {
                continue;
            }
            let similarity = name_similarity(&dr.column.name, &ad.def.name);
            let rank = similarity.score
                + if same_type { 0.3 } else { 0.0 }
                + if ad.nullable == dr.column.nullable { 0.1 } else { 0.0 }
                + if ad.default == dr.column.default { 0.1 } else { 0.0 };
            pairs.push(Pair { drop: di, add: ai, similarity, same_type, rank });
        }
    }
    // Greedy matching, best evidence first; each column is used once.
    let mut order: Vec<&Pair> = pairs.iter().collect();
    order.sort_by(|a, b| b.rank.total_cmp(&a.rank));
    let mut used_drops = vec![false; drops.len()];
    let mut used_adds = vec![false; adds.len()];
    for p in order {
        if used_drops[p.drop] || used_adds[p.add] {
            continue;
        }
        // Unlike names need the strongest other evidence: the only compatible
        // pair on the table, of exactly the same type.
        let only_pair = pairs.iter().filter(|o| o.drop == p.drop || o.add == p.add).count() == 1;
        if p.similarity.score < 0.5 && !(only_pair && p.same_type) {
            continue;
        }
        used_drops[p.drop] = true;
        used_adds[p.add] = true;
        let others: Vec<String> = pairs
            .iter()
            .filter(|o| o.drop == p.drop && o.add != p.add && o.similarity.score >= 0.5)
            .map(|o| quote_ident(&adds[o.add].def.name, d))
            .collect();
        report(fx, out, &drops[p.drop], &adds[p.add], p, only_pair, &others);
    }
}

fn report(fx: &FileCx, out: &mut Emitter, dropped: &Dropped, added: &Added, p: &Pair, only_pair: bool, others: &[String]) {
    let d = fx.opts.dialect;
    let t = qname(&dropped.table, d);
    let old = quote_ident(&dropped.column.name, d);
    let new = quote_ident(&added.def.name, d);
    let same_stmt = dropped.stmt == added.stmt;

    let mut evidence = vec![if p.same_type {
        format!("same type {}", added.data_type)
    } else {
        format!("compatible types {} and {}", dropped.column.data_type, added.data_type)
    }];
    evidence.push(if same_stmt { "dropped and added in the same ALTER TABLE".into() } else { "dropped and added in the same migration".into() });
    let names = p.similarity.evidence();
    if p.similarity.score >= 0.5 || !only_pair {
        evidence.push(names);
    } else {
        evidence.push(format!("the only compatible pair on {t} ({names})"));
    }
    if !others.is_empty() {
        evidence.push(format!("{} {} also a plausible match", list(others, 3), if others.len() == 1 { "is" } else { "are" }));
    }

    // What a rename would not carry over.
    let mut diffs: Vec<String> = Vec::new();
    if d == Dialect::Postgres {
        if !p.same_type {
            diffs.push(format!("ALTER TABLE {t} ALTER COLUMN {new} TYPE {};", added.def.type_text.trim()));
        }
        if added.default != dropped.column.default {
            diffs.push(match &added.def.default {
                Some(x) => format!("ALTER TABLE {t} ALTER COLUMN {new} SET DEFAULT {};", x.trim()),
                None => format!("ALTER TABLE {t} ALTER COLUMN {new} DROP DEFAULT;"),
            });
        }
        if added.nullable != dropped.column.nullable {
            if !added.nullable {
                // The old column may hold NULLs: fill them before SET NOT NULL.
                if let Some(x) = &added.def.default {
                    diffs.push(format!("UPDATE {t} SET {new} = {} WHERE {new} IS NULL;", x.trim()));
                }
            }
            diffs.push(format!("ALTER TABLE {t} ALTER COLUMN {new} {} NOT NULL;", if added.nullable { "DROP" } else { "SET" }));
        }
    }
    let def_text = added.def.span.slice(fx.src).trim().to_string();
    let rename = match d {
        Dialect::Postgres => format!("ALTER TABLE {t} RENAME COLUMN {old} TO {new}"),
        Dialect::Mysql => format!("ALTER TABLE {t} CHANGE COLUMN {old} {def_text}"),
    };
    let then = if diffs.is_empty() { String::new() } else { format!(" then `{}`", diffs.join(" ")) };
    let mysql_note = if d == Dialect::Mysql { " (CHANGE keeps the data and applies the new definition; on MySQL 8.0+ `RENAME COLUMN` also works when the definition is unchanged)" } else { "" };
    let help = format!(
        "If {new} is {old} renamed, keep the data: replace the drop and the add with `{rename};`{mysql_note}{then}. A rename still breaks code reading {old} during a rolling deploy; for zero downtime, expand/contract: add {new}, write both, backfill (`driftgate backfill --table {tn} --column {nn} --set '{old}'`), switch reads, and drop {old} in a later release. If {new} really is a new column and the data in {old} may go, say so: `-- driftgate-ignore rename-as-drop-add: <reason>`.",
        tn = dropped.table.display(),
        nn = added.def.name,
    );

    let stmt = &fx.file.statements[dropped.stmt];
    let diag = out.emit_at(
        stmt.body,
        format!("looks like a rename of {t}.{old} to {new} generated as drop + add: the data in {old} is lost ({})", evidence.join("; ")),
        help,
    );
    diag.statement = Some(dropped.stmt);
    if !same_stmt && dropped.single_action && added.single_action && diffs.is_empty() && exact_match(dropped, added, p.same_type) {
        diag.fix = fix(fx, &fx.file.statements[dropped.stmt.min(added.stmt)], &fx.file.statements[dropped.stmt.max(added.stmt)], &rename);
    }
}

/// The added column is the dropped one under a new name (nothing a rename would lose or miss).
fn exact_match(dropped: &Dropped, added: &Added, same_type: bool) -> bool {
    let def = added.def;
    same_type
        && added.nullable == dropped.column.nullable
        && added.default == dropped.column.default
        && !def.primary_key
        && def.unique.is_none()
        && def.references.is_none()
        && def.checks.is_empty()
        && def.identity.is_none()
        && def.generated.is_none()
        && !def.auto_increment
}

/// Replace the first statement with the rename and delete the second (with its terminator).
fn fix(fx: &FileCx, first: &Statement, second: &Statement, rename: &str) -> Option<Fix> {
    if second.span.start < first.body.end {
        return None;
    }
    let between = fx.src.get(first.body.end..second.span.start)?;
    Some(Fix { span: Span::new(first.body.start, second.span.end), replacement: format!("{rename}{between}") })
}
