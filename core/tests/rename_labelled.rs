//! The labelled rename set (issue 4, item 3): every case in
//! `tests/rename_cases/*.sql` is a before/after pair with the renames a
//! person intended (`-- expect:` lines; none means every difference is a
//! real drop plus add). Both sides are built with replay, the dropped and
//! added tables and columns are scored with `diff::rename`, accepted at
//! `DEFAULT_THRESHOLD`, and every dropped × added pair is one decision.
//! Prints precision, recall, the confusion counts and each misclassified
//! case; asserts precision ≥ 0.95 and recall ≥ 0.90.
//!
//! Case file format:
//!
//! ```text
//! -- case: what it tests
//! -- dialect: mysql                       (optional, default postgres)
//! -- expect: column users.full_name -> fullName   (table = its name after)
//! -- expect: table users -> accounts
//! -- before
//! CREATE TABLE …;
//! -- after                                 (the whole schema after), or
//! -- migration                             (applied on top of before)
//! ALTER TABLE …;
//! ```

use driftgate_core::diff::rename::{accept, display_name, score_columns, score_tables, RenameScore, Target, DEFAULT_THRESHOLD};
use driftgate_core::replay::{replay, MigrationSource};
use driftgate_core::schema::{Schema, Table};
use driftgate_core::Dialect;
use std::collections::BTreeSet;
use std::path::Path;

type Decision = (String, Option<String>, String, String); // kind, table, from, to

struct Case {
    name: String,
    dialect: Dialect,
    expect: BTreeSet<Decision>,
    before: String,
    after: Option<String>,
    migration: Option<String>,
}

fn parse_case(name: &str, text: &str) -> Case {
    let mut case = Case { name: name.to_string(), dialect: Dialect::Postgres, expect: BTreeSet::new(), before: String::new(), after: None, migration: None };
    let mut section = "";
    for line in text.lines() {
        let t = line.trim();
        match t {
            "-- before" | "-- after" | "-- migration" => {
                section = &t[3..];
                if section == "after" {
                    case.after = Some(String::new());
                } else if section == "migration" {
                    case.migration = Some(String::new());
                }
                continue;
            }
            _ => {}
        }
        if section.is_empty() {
            if let Some(d) = t.strip_prefix("-- dialect:") {
                case.dialect = Dialect::parse(d).expect("dialect");
            } else if let Some(e) = t.strip_prefix("-- expect:") {
                let e = e.trim();
                if e == "none" {
                    continue;
                }
                let (kind, rest) = e.split_once(' ').expect("expect: kind");
                let (from, to) = rest.split_once("->").expect("expect: from -> to");
                let (from, to) = (from.trim().to_string(), to.trim().to_string());
                match kind {
                    "column" => {
                        let (table, col) = from.rsplit_once('.').expect("expect: column table.col -> col");
                        case.expect.insert(("column".into(), Some(table.to_string()), col.to_string(), to));
                    }
                    "table" => {
                        case.expect.insert(("table".into(), None, from, to));
                    }
                    k => panic!("{name}: unknown expect kind {k}"),
                }
            }
            continue;
        }
        let buf = match section {
            "before" => &mut case.before,
            "after" => case.after.as_mut().unwrap(),
            _ => case.migration.as_mut().unwrap(),
        };
        buf.push_str(line);
        buf.push('\n');
    }
    assert!(case.after.is_some() != case.migration.is_some(), "{name}: exactly one of -- after / -- migration");
    case
}

fn build(case: &Case) -> (Schema, Schema) {
    let d = case.dialect;
    let before = replay(&[MigrationSource { name: "before", sql: &case.before }], d);
    assert!(before.unmodelled.is_empty(), "{}: before not fully modelled: {:?}", case.name, before.unmodelled);
    let after = match (&case.after, &case.migration) {
        (Some(a), _) => replay(&[MigrationSource { name: "after", sql: a }], d),
        (_, Some(m)) => replay(&[MigrationSource { name: "before", sql: &case.before }, MigrationSource { name: "migration", sql: m }], d),
        _ => unreachable!(),
    };
    assert!(after.unmodelled.is_empty(), "{}: after not fully modelled: {:?}", case.name, after.unmodelled);
    (before.schema, after.schema)
}

/// What the diff engine would do: tables first, then the columns of every
/// table present on both sides (by name or by an accepted table rename).
fn decide(old: &Schema, new: &Schema) -> (Vec<RenameScore>, Vec<RenameScore>) {
    let dropped_t: Vec<&Table> = old.tables.iter().filter(|(k, _)| !new.tables.contains_key(*k)).map(|(_, t)| t).collect();
    let added_t: Vec<&Table> = new.tables.iter().filter(|(k, _)| !old.tables.contains_key(*k)).map(|(_, t)| t).collect();
    let (mut accepted, mut all) = {
        let scores = score_tables(&dropped_t, &added_t);
        let all = scores.clone();
        (accept(scores, DEFAULT_THRESHOLD).0, all)
    };
    let mut pairs: Vec<(&Table, &Table)> = old.tables.iter().filter_map(|(k, t)| new.tables.get(k).map(|n| (t, n))).collect();
    for r in &accepted {
        let o = dropped_t.iter().find(|t| display_name(t) == r.from).unwrap();
        let n = added_t.iter().find(|t| display_name(t) == r.to).unwrap();
        pairs.push((o, n));
    }
    for (o, n) in pairs {
        let dropped: Vec<_> = o.columns.iter().filter(|c| !n.columns.iter().any(|x| x.name == c.name)).collect();
        let added: Vec<_> = n.columns.iter().filter(|c| !o.columns.iter().any(|x| x.name == c.name)).collect();
        if dropped.is_empty() || added.is_empty() {
            continue;
        }
        let scores = score_columns(o, n, &dropped, &added);
        all.extend(scores.clone());
        accepted.extend(accept(scores, DEFAULT_THRESHOLD).0);
    }
    (accepted, all)
}

fn decision(r: &RenameScore) -> Decision {
    let kind = match r.kind {
        Target::Column => "column",
        Target::Table => "table",
    };
    (kind.into(), r.table.clone(), r.from.clone(), r.to.clone())
}

fn show(d: &Decision) -> String {
    match &d.1 {
        Some(t) => format!("{} {t}.{} -> {}", d.0, d.2, d.3),
        None => format!("{} {} -> {}", d.0, d.2, d.3),
    }
}

#[test]
fn labelled_rename_set() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rename_cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "sql")).collect();
    files.sort();
    let (mut tp, mut fp, mut fn_, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let (mut positives, mut cases_ok) = (0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    let verbose = std::env::var("DRIFTGATE_RENAME_VERBOSE").is_ok();
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let case = parse_case(&name, &std::fs::read_to_string(path).unwrap());
        let (old, new) = build(&case);
        let (accepted, all) = decide(&old, &new);
        let acc: BTreeSet<Decision> = accepted.iter().map(decision).collect();
        let cands: BTreeSet<Decision> = all.iter().map(decision).collect();
        positives += case.expect.len();
        let mut wrong = Vec::new();
        for e in &case.expect {
            if acc.contains(e) {
                tp += 1;
            } else {
                fn_ += 1;
                let got = all.iter().find(|r| &decision(r) == e);
                wrong.push(format!(
                    "  missed {} (score {})",
                    show(e),
                    got.map_or("— not a candidate".to_string(), |r| format!("{:.3}: {}", r.score, r.evidence.join("; ")))
                ));
            }
        }
        for a in acc.difference(&case.expect) {
            fp += 1;
            let r = accepted.iter().find(|r| &decision(r) == a).unwrap();
            wrong.push(format!("  false rename {} (score {:.3}: {})", show(a), r.score, r.evidence.join("; ")));
        }
        tn += cands.iter().filter(|c| !acc.contains(*c) && !case.expect.contains(*c)).count();
        if wrong.is_empty() {
            cases_ok += 1;
        } else {
            misses.push(format!("{name}:\n{}", wrong.join("\n")));
        }
        if verbose {
            println!("{name}:");
            let mut sorted = all.clone();
            sorted.sort_by(|a, b| b.score.total_cmp(&a.score));
            for r in sorted.iter().filter(|r| r.score > 0.0) {
                let mark = if acc.contains(&decision(r)) { "✓" } else { " " };
                println!("  {mark} {:.3} {} | {}", r.score, show(&decision(r)), r.evidence.join("; "));
            }
        }
    }
    let precision = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
    let recall = if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 };
    println!("rename labelled set: {} cases ({} fully right), {} labelled renames, {} decisions", files.len(), cases_ok, positives, tp + fp + fn_ + tn);
    println!("threshold {DEFAULT_THRESHOLD}: precision {precision:.3}, recall {recall:.3}");
    println!("confusion: TP {tp}, FP {fp}, FN {fn_}, TN {tn}");
    for m in &misses {
        println!("{m}");
    }
    assert!(files.len() >= 60, "at least 60 cases, found {}", files.len());
    assert!(precision >= 0.95, "precision {precision:.3} < 0.95");
    assert!(recall >= 0.90, "recall {recall:.3} < 0.90");
}
