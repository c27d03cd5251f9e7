//! # mysql-table-copy
//!
//! **Flags** MySQL/MariaDB `ALTER TABLE` on an existing table that cannot
//! run INSTANT or in place without rebuilding the table:
//!
//! - (column type changes are reported by `change-column-type`, which
//!   knows the ones MySQL does in place);
//! - `ENUM`/`SET` values removed, reordered or inserted before existing ones
//!   (appending at the end is instant, unless an `ENUM` grows past 255
//!   values or a `SET` past a multiple of 8, which changes its storage size);
//! - `DROP PRIMARY KEY` without `ADD PRIMARY KEY` in the same statement
//!   (COPY only), and any other primary-key change (a rebuild: InnoDB
//!   clusters the rows by it);
//! - `CONVERT TO CHARACTER SET` (COPY), and an explicit `ALGORITHM=COPY`;
//! - reordering: `MODIFY`/`CHANGE … FIRST|AFTER` that moves a column, and
//!   changing a column between `NULL` and `NOT NULL` (both rebuild the table);
//! - `ADD COLUMN … FIRST|AFTER` (not at the end). driftgate has no MySQL
//!   version setting yet and assumes a server older than 8.0.29, where
//!   INSTANT only appends columns; on 8.0.29+ (and MariaDB 10.4+) adding
//!   anywhere is instant and this case is a false positive to suppress.
//!
//! With an explicit `ALGORITHM=INPLACE` rebuilds are accepted as intended,
//! and only changes that need a copy are reported (MySQL will reject the
//! statement); with `ALGORITHM=INSTANT` every case is reported.
//!
//! **Why it is dangerous.** A copy writes a new table row by row while
//! writes to the old one are blocked, for minutes to hours on a large
//! table, and replicas replay it afterwards, lagging by as long. A rebuild
//! in place lets writes continue but costs the same time and I/O.
//!
//! **Safe alternative.** Ask MySQL to refuse rather than copy, so the
//! surprise happens in review, not in production:
//!
//! ```sql
//! ALTER TABLE `Order` MODIFY `status` ENUM('PENDING', 'PAID', 'SHIPPED', 'CANCELLED', 'DELIVERED') NOT NULL,
//!   ALGORITHM=INPLACE, LOCK=NONE;    -- errors out if it would need a copy
//! ```
//!
//! Append new enum values at the end of the list, add columns without
//! `FIRST`/`AFTER`, drop and add a primary key in one statement, and run
//! unavoidable copies of large tables online with gh-ost or
//! pt-online-schema-change.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE `Order` MODIFY `status` ENUM('PENDING', 'PAID', 'DELIVERED', 'SHIPPED') NOT NULL;  -- flagged: inserted before SHIPPED
//! ALTER TABLE `Customer` MODIFY `fullName` VARCHAR(120) NOT NULL;  -- flagged: varchar(191) shortened
//! ALTER TABLE `Order` MODIFY `status` ENUM('PENDING', 'PAID', 'SHIPPED', 'REFUNDED') NOT NULL;  -- not flagged: appended
//! ALTER TABLE `posts` ADD `meta` json;                               -- not flagged: instant
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::schema::normalize::normalize_type;
use crate::schema::Table;
use crate::sql::ddl::{AlterAction, ColumnDef, ColumnPosition, ConstraintDef, Ddl};
use crate::sql::lexer::TokenKind;
use crate::Dialect;

use super::support::{inline_enum_values, list, literal};

pub static RULE: RuleMeta = RuleMeta {
    id: "mysql-table-copy",
    severity: Severity::Warning,
    default_enabled: true,
    dialect: Some(Dialect::Mysql),
    summary: "MySQL DDL that cannot run INSTANT/INPLACE: the table is copied (or rebuilt) row by row",
    source: doc_source!(include_str!("mysql_table_copy.rs")),
    check,
    check_file: None,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Cost {
    /// INPLACE, but the whole table is rebuilt.
    Rebuild,
    /// ALGORITHM=COPY only.
    Copy,
}

struct Finding {
    cost: Cost,
    reason: String,
    hint: Option<String>,
}

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    let model = cx.table(name);
    let algorithm = clause_value(cx, "algorithm");
    let adds_pk = actions.iter().any(|a| matches!(a, AlterAction::AddConstraint { constraint: ConstraintDef::PrimaryKey { .. }, .. }));
    let drops_pk = actions.iter().any(|a| matches!(a, AlterAction::DropPrimaryKey));
    let mut found: Vec<Finding> = Vec::new();
    for a in actions {
        match a {
            AlterAction::ModifyColumn { column } => column_change(cx, model, &column.name, column, &mut found),
            AlterAction::ChangeColumn { from, column } => column_change(cx, model, from, column, &mut found),
            AlterAction::AddColumn { column, .. } => {
                let at_end = match (&column.position, model) {
                    (None, _) => true,
                    (Some(ColumnPosition::After(x)), Some(t)) => t.columns.last().is_some_and(|c| c.name.eq_ignore_ascii_case(x)),
                    _ => false,
                };
                if !at_end {
                    found.push(Finding {
                        cost: Cost::Rebuild,
                        reason: format!("adds {} {} (not at the end)", cx.ident(&column.name), placement(cx, column.position.as_ref())),
                        hint: Some("Add the column at the end (no FIRST/AFTER), which is INSTANT; on MySQL 8.0.29+ or MariaDB 10.4+ adding it anywhere is instant too, so suppress this if you run those.".into()),
                    });
                }
            }
            AlterAction::DropPrimaryKey if !adds_pk => found.push(Finding {
                cost: Cost::Copy,
                reason: "drops the primary key without adding one in the same statement".into(),
                hint: Some(format!(
                    "Drop and add the primary key in one statement, which runs in place: `ALTER TABLE {} DROP PRIMARY KEY, ADD PRIMARY KEY ({});`.",
                    cx.qname(name),
                    model.and_then(|t| t.primary_key.as_ref()).map(|pk| pk.columns.iter().map(|c| cx.ident(c)).collect::<Vec<_>>().join(", ")).unwrap_or_else(|| "…".into())
                )),
            }),
            AlterAction::DropPrimaryKey => found.push(Finding { cost: Cost::Rebuild, reason: "replaces the primary key".into(), hint: None }),
            AlterAction::AddConstraint { constraint: ConstraintDef::PrimaryKey { .. }, .. } if !drops_pk => {
                found.push(Finding { cost: Cost::Rebuild, reason: "adds a primary key (InnoDB clusters the rows by it)".into(), hint: None })
            }
            AlterAction::NoModelEffect { text } if text.trim_start().to_ascii_lowercase().starts_with("convert") => found.push(Finding {
                cost: Cost::Copy,
                reason: "converts the character set of every column (CONVERT TO CHARACTER SET)".into(),
                hint: Some("Change the default only (`ALTER TABLE … DEFAULT CHARACTER SET …`, instant) and convert large tables online with gh-ost or pt-online-schema-change.".into()),
            }),
            _ => {}
        }
    }
    if algorithm.as_deref() == Some("copy") {
        found.push(Finding { cost: Cost::Copy, reason: "sets ALGORITHM=COPY".into(), hint: Some("Drop `ALGORITHM=COPY` and use `ALGORITHM=INPLACE, LOCK=NONE`, which MySQL refuses when a copy is really needed.".into()) });
    }
    let t = cx.qname(name);
    if algorithm.as_deref() == Some("inplace") {
        // A rebuild was asked for explicitly; only what needs a copy still matters.
        found.retain(|f| f.cost == Cost::Copy);
    }
    if found.is_empty() {
        return;
    }
    let worst = found.iter().map(|f| f.cost).max().unwrap_or(Cost::Rebuild);
    let reasons: Vec<String> = found.iter().map(|f| f.reason.clone()).collect();
    let what = list(&reasons, 4);
    let message = match (algorithm.as_deref(), worst) {
        (Some("inplace"), _) => format!("this ALTER TABLE {what}, which needs a table copy: with ALGORITHM=INPLACE MySQL rejects the statement and the migration fails"),
        (Some("instant"), _) => format!("this ALTER TABLE {what}, which cannot run INSTANT: with ALGORITHM=INSTANT MySQL rejects the statement and the migration fails"),
        (_, Cost::Copy) => format!("this ALTER TABLE {what}: MySQL copies the whole {t} table (ALGORITHM=COPY), blocking writes until it finishes and lagging replicas as long"),
        (_, Cost::Rebuild) => format!("this ALTER TABLE {what}: MySQL rebuilds the whole {t} table; writes continue, but it takes as long as a copy and replicas lag as long"),
    };
    let stmt = one_line(cx.text());
    let mut help = String::new();
    for h in found.iter().filter_map(|f| f.hint.as_deref()) {
        if !help.contains(h) {
            help.push_str(h);
            help.push(' ');
        }
    }
    match (algorithm.is_none(), worst) {
        (true, Cost::Copy) => help.push_str(&format!("To make MySQL refuse instead of silently copying, state the algorithm: `{stmt}, ALGORITHM=INPLACE, LOCK=NONE;`. ")),
        (true, Cost::Rebuild) => help.push_str(&format!("State the algorithm so MySQL never falls back to a blocking copy: `{stmt}, ALGORITHM=INPLACE, LOCK=NONE;` (the rebuild then allows reads and writes). ")),
        _ => {}
    }
    help.push_str(&format!("For a large table run the change online with gh-ost (`gh-ost --table={} --alter=\"…\" --execute`) or pt-online-schema-change.", name.name));
    out.emit(message, help);
}

/// The value of an `ALGORITHM [=] x` clause, lower case.
fn clause_value(cx: &Cx, clause: &str) -> Option<String> {
    let toks = &cx.stmt.tokens;
    let i = toks.iter().position(|t| t.is_word(cx.src, clause))?;
    let mut j = i + 1;
    if toks.get(j).is_some_and(|t| t.kind == TokenKind::Operator && t.text(cx.src) == "=") {
        j += 1;
    }
    toks.get(j).filter(|t| t.kind == TokenKind::Word).map(|t| t.text(cx.src).to_ascii_lowercase())
}

fn placement(cx: &Cx, p: Option<&ColumnPosition>) -> String {
    match p {
        Some(ColumnPosition::First) => "FIRST".into(),
        Some(ColumnPosition::After(x)) => format!("AFTER {}", cx.ident(x)),
        None => String::new(),
    }
}

fn one_line(s: &str) -> String {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ").trim_end_matches(';').to_string()
}

/// Storage bytes of a SET with `n` members.
fn set_bytes(n: usize) -> usize {
    match n {
        0..=8 => 1,
        9..=16 => 2,
        17..=24 => 3,
        25..=32 => 4,
        _ => 8,
    }
}


/// MODIFY / CHANGE of column `from` (as the model has it) to `def`.
fn column_change(cx: &Cx, model: Option<&Table>, from: &str, def: &ColumnDef, found: &mut Vec<Finding>) {
    let Some(table) = model else { return };
    let Some(pos) = table.columns.iter().position(|c| c.name.eq_ignore_ascii_case(from)) else { return };
    let old = &table.columns[pos];
    let col = cx.ident(&def.name);
    let new_ty = normalize_type(&def.type_text, Dialect::Mysql);
    let new_type = new_ty.name;
    if new_type != old.data_type {
        match (inline_enum_values(&old.data_type), inline_enum_values(&new_type)) {
            (Some(ov), Some(nv)) => {
                let kind = if new_type.starts_with("set(") { "SET" } else { "ENUM" };
                let removed: Vec<String> = ov.iter().filter(|v| !nv.contains(v)).map(|v| literal(v)).collect();
                let added: Vec<String> = nv.iter().filter(|v| !ov.contains(v)).cloned().collect();
                let appended = nv.len() >= ov.len() && nv[..ov.len()] == ov[..];
                let same_storage = if kind == "SET" { set_bytes(ov.len()) == set_bytes(nv.len()) } else { (ov.len() <= 255) == (nv.len() <= 255) };
                if appended && same_storage {
                    // Instant.
                } else if appended {
                    found.push(Finding { cost: Cost::Copy, reason: format!("grows {kind} {col} to {} values, which changes its storage size", nv.len()), hint: None });
                } else if !removed.is_empty() {
                    found.push(Finding { cost: Cost::Copy, reason: format!("removes {kind} {} {} from {col}", if removed.len() == 1 { "value" } else { "values" }, list(&removed, 4)), hint: None });
                } else {
                    let mut appended_list: Vec<String> = ov.iter().map(|v| literal(v)).collect();
                    appended_list.extend(added.iter().map(|v| literal(v)));
                    let new_vals: Vec<String> = added.iter().map(|v| literal(v)).collect();
                    let what = if added.is_empty() { format!("reorders the {kind} values of {col}") } else { format!("inserts {kind} value {} into {col} before existing values", list(&new_vals, 3)) };
                    found.push(Finding {
                        cost: Cost::Copy,
                        reason: what,
                        hint: Some(format!("Append new values at the end of the list instead, which is instant: `{kind}({})`.", appended_list.join(", "))),
                    });
                }
            }
            // Other type changes are `change-column-type`'s (same analysis of
            // what MySQL can do in place), so they are not reported twice.
            _ => {}
        }
    }
    // MODIFY/CHANGE redefines the whole column: leaving out NOT NULL means NULL.
    let new_nullable = def.nullable != Some(false) && !def.primary_key && !new_ty.implied_not_null;
    if new_nullable != old.nullable {
        found.push(Finding { cost: Cost::Rebuild, reason: format!("makes {col} {}", if new_nullable { "NULL" } else { "NOT NULL" }), hint: None });
    }
    let moves = match &def.position {
        None => false,
        Some(ColumnPosition::First) => pos != 0,
        Some(ColumnPosition::After(x)) => !(pos > 0 && table.columns[pos - 1].name.eq_ignore_ascii_case(x)),
    };
    if moves {
        found.push(Finding {
            cost: Cost::Rebuild,
            reason: format!("moves {col} {}", placement(cx, def.position.as_ref())),
            hint: Some("Leave the column where it is: column order rarely matters to code (`SELECT *` aside).".into()),
        });
    }
}
