//! Fixture tests for every lint rule.
//!
//! `core/tests/lint/<rule-id>/` holds `flagged*.sql` (must raise the rule at
//! least once) and `ok*.sql` (must not raise it), each beside a
//! `.expected` snapshot of all diagnostics. A fixture may start with
//! `-- test: dialect=mysql history=prisma pg-version=11 in-transaction down`
//! and may contain a line `-- test: migration`: what is above it is the
//! earlier history (replayed into the schema the migration starts from),
//! what is below is the migration under test. Run with `DRIFTGATE_BLESS=1`
//! to rewrite the snapshots after an intended change, and review the diff.

use driftgate_core::lint::{self, rules, HistoryKind, LintOptions};
use driftgate_core::replay::{replay, MigrationSource};
use driftgate_core::span::LineIndex;
use driftgate_core::Dialect;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint")
}

pub fn options_from_header(src: &str) -> LintOptions {
    let mut o = LintOptions::default();
    for line in src.lines().take_while(|l| l.starts_with("-- test:")) {
        for item in line.trim_start_matches("-- test:").split_whitespace() {
            let (k, v) = item.split_once('=').unwrap_or((item, ""));
            match k {
                "dialect" => o.dialect = Dialect::parse(v).expect("dialect"),
                "history" => o.history = HistoryKind::parse(v).expect("history"),
                "pg-version" => o.pg_version = v.parse().expect("pg-version"),
                "in-transaction" => o.assume_in_transaction = true,
                "down" => o.is_down = true,
                "enable" => {
                    o.rules.insert(v.to_string(), lint::RuleLevel::Warning);
                }
                "migration" => {}
                other => panic!("unknown test option {other}"),
            }
        }
    }
    o
}

fn render(path: &Path) -> (String, Vec<&'static str>) {
    let src = std::fs::read_to_string(path).unwrap();
    let opts = options_from_header(&src);
    let marker = "-- test: migration\n";
    let (before_sql, offset) = match src.find(marker) {
        Some(i) => (&src[..i], i + marker.len()),
        None => ("", 0),
    };
    let before = replay(&[MigrationSource { name: "before", sql: before_sql }], opts.dialect);
    let migration = &src[offset..];
    let result = lint::lint_with_schema(migration, &opts, &before.schema);
    let idx = LineIndex::new(&src);
    let mut out = String::new();
    for d in &result.diagnostics {
        let a = idx.position(&src, d.span.start + offset);
        let b = idx.position(&src, d.span.end + offset);
        out.push_str(&format!("{}:{}-{}:{} {} {}: {}\n", a.line, a.column, b.line, b.column, d.rule, d.severity.name(), d.message));
        out.push_str(&format!("  help: {}\n", d.help));
        if let Some(f) = &d.fix {
            out.push_str(&format!("  fix: replace {}..{} with {:?}\n", f.span.start + offset, f.span.end + offset, f.replacement));
        }
    }
    (out, result.diagnostics.iter().map(|d| d.rule).collect())
}

#[test]
fn every_rule_has_flagged_and_ok_fixtures_matching_snapshots() {
    let bless = std::env::var("DRIFTGATE_BLESS").is_ok();
    let mut failures = Vec::new();
    let mut cases = 0;
    for rule in rules::ALL {
        let rdir = dir().join(rule.id);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&rdir)
            .unwrap_or_else(|_| panic!("rule {} has no fixture directory {}", rule.id, rdir.display()))
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        let stem = |p: &PathBuf| p.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(files.iter().any(|p| stem(p).starts_with("flagged")), "rule {} needs a flagged*.sql fixture", rule.id);
        assert!(files.iter().any(|p| stem(p).starts_with("ok")), "rule {} needs an ok*.sql fixture", rule.id);
        for f in files {
            cases += 1;
            let (rendered, fired) = render(&f);
            let name = format!("{}/{}", rule.id, stem(&f));
            if stem(&f).starts_with("flagged") && !fired.contains(&rule.id) {
                failures.push(format!("{name}: expected {} to fire", rule.id));
            }
            if stem(&f).starts_with("ok") && fired.contains(&rule.id) {
                failures.push(format!("{name}: {} fired but should not:\n{rendered}", rule.id));
            }
            let expected_path = f.with_extension("expected");
            if bless {
                std::fs::write(&expected_path, &rendered).unwrap();
            } else {
                let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
                if expected != rendered {
                    failures.push(format!("{name}: diagnostics differ from {}\n--- expected\n{expected}--- actual\n{rendered}", expected_path.display()));
                }
            }
        }
    }
    println!("{cases} lint fixtures over {} rules", rules::ALL.len());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
