//! No input makes the front end, replay or any lint rule panic.
//!
//! A property test over random and mutated SQL (mutations of every fixture
//! file plus the corpus in `fuzz/corpus/`), checking the invariants callers
//! rely on: spans inside the text and on char boundaries, statements in
//! order, counts consistent. `DRIFTGATE_FUZZ_CASES` raises the case count
//! for long runs (the CI default is modest to stay fast on 2 cores).

use driftgate_core::lint::{self, HistoryKind, LintOptions, RuleLevel};
use driftgate_core::replay::{replay, MigrationSource};
use driftgate_core::sql::{analyze, ParseStatus};
use driftgate_core::{history, Dialect};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn collect_sql(dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_sql(&p, out);
        } else if p.extension().is_some_and(|e| e == "sql" || e == "txt") {
            out.push(String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned());
        }
    }
}

fn seeds() -> Vec<String> {
    let mut out = Vec::new();
    collect_sql(&repo().join("fixtures"), &mut out);
    collect_sql(&repo().join("fuzz/corpus"), &mut out);
    assert!(out.len() > 50, "fixtures and corpus should give many seeds");
    out
}

/// Every invariant the hosts depend on.
fn check(src: &str) {
    for dialect in [Dialect::Postgres, Dialect::Mysql] {
        let file = analyze(src, dialect);
        let mut last_top_end = 0;
        for (i, st) in file.statements.iter().enumerate() {
            assert_eq!(st.index, i);
            for span in [st.span, st.body] {
                assert!(span.start <= span.end && span.end <= src.len(), "span {span:?} out of bounds");
                assert!(src.is_char_boundary(span.start) && src.is_char_boundary(span.end), "span {span:?} splits a character");
            }
            assert!(st.body.end <= st.span.end);
            if st.parent.is_none() {
                assert!(st.span.start >= last_top_end, "statements overlap");
                last_top_end = st.span.end;
            } else {
                let parent = &file.statements[st.parent.unwrap()];
                assert!(st.span.start >= parent.span.start && st.span.end <= parent.span.end);
            }
            // Handing sqlparser our tokens must give the tree its own tokenizer gives.
            assert!(driftgate_core::sql::token_path_agrees(src, st, dialect), "token path disagrees on {:?}", st.text(src));
            if let Some(e) = &st.error {
                assert!(e.span.end <= src.len() && src.is_char_boundary(e.span.start));
            }
            let _ = serde_json::to_string(st).unwrap();
        }
        for c in &file.comments {
            assert!(c.end <= src.len() && src.is_char_boundary(c.start) && src.is_char_boundary(c.end));
        }
        let counts = file.count(ParseStatus::Parsed) + file.count(ParseStatus::Unparsed) + file.count(ParseStatus::Unclassified);
        assert_eq!(counts, file.statements.len());
        let r = replay(&[MigrationSource { name: "fuzz.sql", sql: src }], dialect);
        assert_eq!(r.summary.statements, file.statements.len());
        let _ = serde_json::to_string(&r).unwrap();
        // The diff engine takes any replayed model: to nothing and back, in both dialects.
        let empty = driftgate_core::schema::Schema::new(dialect);
        for (a, b) in [(&r.schema, &empty), (&empty, &r.schema)] {
            let result = driftgate_core::diff::diff(a, b, &Default::default());
            for d in [Dialect::Postgres, Dialect::Mysql] {
                let _ = driftgate_core::diff::render_sql(&result, d);
            }
            let _ = serde_json::to_string(&result).unwrap();
        }
        // Every lint rule, on its own and on top of the replayed schema, under
        // each runner's transaction semantics; fixes and spans must fit.
        for history in [HistoryKind::Plain, HistoryKind::Prisma, HistoryKind::Drizzle] {
            let mut opts = LintOptions { dialect, history, pg_version: 10, ..LintOptions::default() };
            for rule in lint::rules::ALL {
                opts.rules.insert(rule.id.to_string(), RuleLevel::Info);
            }
            let result = lint::lint_with_schema(src, &opts, &r.schema);
            for d in result.diagnostics.iter() {
                for span in [Some(d.span), d.fix.as_ref().map(|f| f.span)].into_iter().flatten() {
                    assert!(span.start <= span.end && span.end <= src.len() && src.is_char_boundary(span.start) && src.is_char_boundary(span.end), "{} span {span:?}", d.rule);
                }
            }
        }
    }
    // The snapshot reader and folder reader take arbitrary text too.
    let _ = driftgate_core::drizzle::parse_snapshot(src);
    let _ = driftgate_core::prisma::parse_schema(&[("schema.prisma", src)]);
    let _ = history::read(&[history::FolderFile { path: "meta/_journal.json".into(), contents: src.as_bytes().to_vec() }]);
}

const FRAGMENTS: &[&str] = &[
    "'", "\"", "`", "$$", "$a$", "/*", "*/", "--", "-->", "--> statement-breakpoint\n", "(", ")", ";", ",", ".", "::",
    "E'\\'", "DO $$ BEGIN ", " EXCEPTION WHEN others THEN null; END $$;", "BEGIN", "END", "END IF", "CASE", "DELIMITER $$\n",
    "DELIMITER ;\n", "CREATE TABLE", "ALTER TABLE", "DROP", "RENAME", "CREATE INDEX CONCURRENTLY", "IF NOT EXISTS", "TYPE",
    "PRIMARY KEY", "REFERENCES", "ON DELETE CASCADE", "DEFAULT", "NOT NULL", "GENERATED ALWAYS AS IDENTITY (", "😀", "é",
    "\r\n", "\n", "\t", "\u{0}", "\u{feff}", "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN", "LIKE", "PARTITION OF",
    "USING", "WHERE", "ENUM(", "ADD VALUE", "MODIFY", "CHANGE", "AFTER", "FIRST", "SET search_path TO ",
];

fn mutate(seed: &str, ops: &[(u8, usize, usize)]) -> String {
    let mut s = seed.to_string();
    for &(op, a, b) in ops {
        let len = s.len();
        let pos = floor(&s, if len == 0 { 0 } else { a % (len + 1) });
        match op % 5 {
            0 => {
                // delete a range
                let end = floor(&s, (pos + b % 64).min(len));
                s.replace_range(pos..end, "");
            }
            1 => s.insert_str(pos, FRAGMENTS[b % FRAGMENTS.len()]),
            2 => {
                // duplicate a range
                let end = floor(&s, (pos + b % 128).min(len));
                let piece = s[pos..end].to_string();
                s.insert_str(end, &piece);
            }
            3 => s.truncate(pos),
            _ => {
                // swap case of a range (keywords vs identifiers)
                let end = floor(&s, (pos + b % 32).min(len));
                let piece: String = s[pos..end].chars().map(|c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect();
                s.replace_range(pos..end, &piece);
            }
        }
    }
    s
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn cases() -> u32 {
    std::env::var("DRIFTGATE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1500)
}

#[test]
fn corpus_and_fixtures_never_panic() {
    for s in seeds() {
        check(&s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(s in "\\PC{0,400}") {
        check(&s);
    }

    #[test]
    fn random_fragment_soup_never_panics(parts in proptest::collection::vec(0usize..FRAGMENTS.len(), 0..60)) {
        let s: String = parts.iter().map(|&i| FRAGMENTS[i]).collect::<Vec<_>>().join(" ");
        check(&s);
    }

    #[test]
    fn mutated_fixtures_never_panic(seed_idx in any::<usize>(), ops in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..8)) {
        thread_local!(static SEEDS: Vec<String> = seeds());
        let s = SEEDS.with(|seeds| mutate(&seeds[seed_idx % seeds.len()], &ops));
        check(&s);
    }
}
