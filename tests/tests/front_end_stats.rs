//! Front-end coverage over every fixture: how many statements sqlparser
//! parses, how many only the token reader classifies, how many neither;
//! and the guarantee that no DROP, ALTER … TYPE, RENAME or CREATE INDEX goes
//! unseen, checked against an independent keyword scan of the tokens.

use driftgate::folder::read_folder;
use driftgate_core::history;
use driftgate_core::sql::ddl::{AlterAction, Ddl};
use driftgate_core::sql::lexer::TokenKind;
use driftgate_core::sql::{analyze, ParseStatus, Statement};
use driftgate_core::Dialect;
use driftgate_tests::{all_histories, fixtures};

struct Counts {
    statements: usize,
    parsed: usize,
    unparsed: usize,
    unclassified: usize,
}

/// Every SQL text among the fixtures with its dialect.
fn corpus() -> Vec<(String, Dialect, String)> {
    let mut out = Vec::new();
    for dir in all_histories() {
        let h = history::read(&read_folder(&dir).unwrap()).unwrap();
        let name = dir.to_string_lossy().to_string();
        let dialect = h.dialect.unwrap_or(if name.contains("mysql") { Dialect::Mysql } else { Dialect::Postgres });
        for m in h.migrations {
            out.push((format!("{name}/{}", m.path), dialect, m.sql));
        }
        // Down files are linted too.
        for f in read_folder(&dir).unwrap().into_iter().filter(|f| f.path.ends_with(".down.sql")) {
            out.push((format!("{name}/{}", f.path), dialect, String::from_utf8(f.contents).unwrap()));
        }
    }
    let mut singles: Vec<_> = std::fs::read_dir(fixtures().join("sql")).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "sql")).collect();
    singles.sort();
    for p in singles {
        let d = if p.file_name().unwrap().to_string_lossy().starts_with("mysql") { Dialect::Mysql } else { Dialect::Postgres };
        out.push((p.to_string_lossy().into_owned(), d, std::fs::read_to_string(&p).unwrap()));
    }
    out
}

/// Independent check from raw keywords: what kind of change the statement's
/// own words announce, and whether the reader saw it.
fn unseen(src: &str, st: &Statement) -> Option<String> {
    let words: Vec<String> = st.tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.text(src).to_ascii_lowercase()).collect();
    let first = words.first().map(String::as_str).unwrap_or("");
    let has = |w: &str| words.iter().any(|x| x == w);
    match first {
        "drop" if !st.kind.starts_with("drop") => return Some(format!("DROP classified as {}", st.kind)),
        "create" if words.iter().take(4).any(|w| w == "index") && !st.kind.starts_with("create-index") => {
            return Some(format!("CREATE INDEX classified as {}", st.kind))
        }
        "alter" if words.get(1).map(String::as_str) == Some("table") => {
            let Ddl::AlterTable { actions, .. } = &st.ddl else { return Some(format!("ALTER TABLE classified as {}", st.kind)) };
            let any = |f: &dyn Fn(&AlterAction) -> bool| actions.iter().any(f);
            if has("drop") && !any(&|a| matches!(a, AlterAction::DropColumn { .. } | AlterAction::DropConstraint { .. } | AlterAction::DropIndex { .. } | AlterAction::DropPrimaryKey | AlterAction::DropForeignKey { .. } | AlterAction::DropDefault { .. } | AlterAction::DropNotNull { .. } | AlterAction::DropIdentity { .. } | AlterAction::DropExpression { .. } | AlterAction::NoModelEffect { .. })) {
                return Some("ALTER TABLE … DROP not seen".into());
            }
            if has("rename") && !any(&|a| matches!(a, AlterAction::RenameColumn { .. } | AlterAction::RenameTable { .. } | AlterAction::RenameConstraint { .. } | AlterAction::RenameIndex { .. })) {
                return Some("ALTER TABLE … RENAME not seen".into());
            }
            if has("type") && words.iter().position(|w| w == "alter").is_some() && words.iter().skip(2).any(|w| w == "alter") && !any(&|a| matches!(a, AlterAction::AlterColumnType { .. })) {
                return Some("ALTER COLUMN … TYPE not seen".into());
            }
            if (has("modify") || has("change")) && st.tokens.first().is_some() && !any(&|a| matches!(a, AlterAction::ModifyColumn { .. } | AlterAction::ChangeColumn { .. } | AlterAction::NoModelEffect { .. } | AlterAction::AlterColumnType { .. })) {
                return Some("MODIFY/CHANGE not seen".into());
            }
        }
        "alter" if words.get(1).map(String::as_str) == Some("type") && has("rename") && !matches!(st.ddl, Ddl::RenameType { .. } | Ddl::AlterEnumRenameValue { .. }) => {
            return Some("ALTER TYPE … RENAME not seen".into())
        }
        "rename" if !matches!(st.ddl, Ddl::RenameTables { .. }) => return Some("RENAME TABLE not seen".into()),
        _ => {}
    }
    None
}

#[test]
fn statement_coverage_over_all_fixtures() {
    let mut generated = Counts { statements: 0, parsed: 0, unparsed: 0, unclassified: 0 };
    let mut all = Counts { statements: 0, parsed: 0, unparsed: 0, unclassified: 0 };
    let mut problems = Vec::new();
    for (name, dialect, sql) in corpus() {
        let file = analyze(&sql, dialect);
        // drizzle-kit and Prisma-style output, as opposed to hand-written traps.
        let is_generated = name.contains("/drizzle/") || name.contains("/prisma/");
        for st in &file.statements {
            for c in [&mut all].into_iter().chain(is_generated.then_some(&mut generated)) {
                c.statements += 1;
                match st.status {
                    ParseStatus::Parsed => c.parsed += 1,
                    ParseStatus::Unparsed => c.unparsed += 1,
                    ParseStatus::Unclassified => c.unclassified += 1,
                }
            }
            if !driftgate_core::sql::token_path_agrees(&sql, st, dialect) {
                problems.push(format!("{name}: sqlparser gives a different tree from driftgate's tokens: {:.80}", st.text(&sql)));
            }
            if st.status == ParseStatus::Unclassified {
                problems.push(format!("{name}: unclassified statement at byte {}: {:.60}", st.body.start, st.text(&sql)));
            }
            if let Some(p) = unseen(&sql, st) {
                problems.push(format!("{name}: {p}: {:.80}", st.text(&sql)));
            }
        }
    }
    for (label, c) in [("generated (drizzle-kit, Prisma-style)", &generated), ("all fixtures", &all)] {
        println!(
            "{label}: {} statements: {} parsed ({:.1}%), {} classified but unparsed, {} unclassified",
            c.statements,
            c.parsed,
            100.0 * c.parsed as f64 / c.statements as f64,
            c.unparsed,
            c.unclassified
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(all.statements > 400);
    // Generated histories are what real projects contain.
    assert!(generated.parsed as f64 >= 0.97 * generated.statements as f64);
}
