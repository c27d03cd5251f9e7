//! Offline oracle for the catalog decoder: `fixtures/catalog/*.json` hold
//! the rows real servers (PostgreSQL 15, MariaDB) returned for every fixture
//! history and for two coverage scripts (written by
//! `DRIFTGATE_BLESS=1 … --test live_introspect`). Decoding them must give
//! the replayed model up to exactly the differences the live test accepted,
//! whether the values come as text (the CLI) or typed (a JS driver), and
//! damaged rows must give an error that names the query and row, never a
//! panic.

use driftgate::folder::read_folder;
use driftgate_core::catalog::{catalog_queries, schema_from_catalog};
use driftgate_core::{history, replay, Dialect};
use serde_json::{json, Value};
use std::collections::BTreeMap;

struct Recorded {
    name: String,
    dialect: Dialect,
    expected: driftgate_core::schema::Schema,
    differences: Vec<String>,
    rows: BTreeMap<String, Vec<Value>>,
}

fn recorded() -> Vec<Recorded> {
    let dir = driftgate_tests::fixtures().join("catalog");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let dialect: Dialect = serde_json::from_value(v["dialect"].clone()).unwrap();
            let expected = if let Some(h) = v["history"].as_str() {
                let (kind, name) = h.split_once('/').unwrap();
                let base = driftgate_tests::fixtures().join(kind).join(name);
                let dir = if base.join("migrations").is_dir() { base.join("migrations") } else if base.join("prisma/migrations").is_dir() { base.join("prisma/migrations") } else { base };
                let h = history::read_for_analysis(&read_folder(&dir).unwrap()).unwrap();
                replay::replay_history(&h, Some(dialect)).schema
            } else {
                let script = v["script"].as_str().unwrap();
                replay::replay(&[replay::MigrationSource { name: "script.sql", sql: script }], dialect).schema
            };
            Recorded {
                name: p.file_name().unwrap().to_string_lossy().into_owned(),
                dialect,
                expected,
                differences: serde_json::from_value(v["differences"].clone()).unwrap(),
                rows: serde_json::from_value(v["rows"].clone()).unwrap(),
            }
        })
        .collect()
}

/// What node-postgres / mysql2 give for the same rows: booleans and numbers
/// typed, the rest text.
fn typed(rows: &BTreeMap<String, Vec<Value>>) -> BTreeMap<String, Vec<Value>> {
    const BOOLS: &[&str] = &["is_array", "not_null", "nulls_not_distinct", "is_unique", "descending", "opclass_is_default", "materialized"];
    const NUMBERS: &[&str] = &["ordinal", "sort_order", "seq_in_index", "non_unique", "ORDINAL_POSITION", "SEQ_IN_INDEX", "NON_UNIQUE"];
    rows.iter()
        .map(|(q, rs)| {
            let rs = rs
                .iter()
                .map(|r| {
                    let mut o = r.as_object().unwrap().clone();
                    for (k, v) in o.iter_mut() {
                        let Some(s) = v.as_str() else { continue };
                        if BOOLS.contains(&k.as_str()) {
                            *v = json!(s == "t" || s == "1");
                        } else if NUMBERS.contains(&k.as_str()) {
                            *v = serde_json::from_str::<Value>(s).unwrap();
                        }
                    }
                    Value::Object(o)
                })
                .collect();
            (q.clone(), rs)
        })
        .collect()
}

#[test]
fn recorded_catalog_rows_decode_to_the_replayed_model() {
    let all = recorded();
    assert!(all.len() >= 12, "{} recorded catalogs", all.len());
    for r in &all {
        let live = schema_from_catalog(r.dialect, &r.rows).unwrap_or_else(|e| panic!("{}: {e}", r.name));
        assert_eq!(live.differences(&r.expected), r.differences, "{}", r.name);
        assert!(!live.tables.is_empty(), "{}", r.name);
        let from_typed = schema_from_catalog(r.dialect, &typed(&r.rows)).unwrap_or_else(|e| panic!("{} (typed): {e}", r.name));
        assert_eq!(from_typed, live, "{}: typed values decode differently", r.name);
        assert_eq!(r.rows.len(), catalog_queries(r.dialect).len(), "{}", r.name);
    }
}

#[test]
fn damaged_rows_are_errors_naming_the_query_and_row() {
    for r in recorded().into_iter().filter(|r| r.name.ends_with("coverage.json")) {
        for q in catalog_queries(r.dialect) {
            let mut rows = r.rows.clone();
            rows.remove(q.name);
            let e = schema_from_catalog(r.dialect, &rows).unwrap_err();
            assert_eq!((e.query.as_str(), e.row), (q.name, None), "{}", r.name);

            let n = r.rows[q.name].len();
            for i in 0..n {
                // A row that is not an object; every value replaced by an array.
                let mut rows = r.rows.clone();
                rows.get_mut(q.name).unwrap()[i] = json!(["not", "a", "row"]);
                let e = schema_from_catalog(r.dialect, &rows).unwrap_err();
                assert_eq!((e.query.as_str(), e.row), (q.name, Some(i)), "{}", r.name);
                let mut rows = r.rows.clone();
                let row = rows.get_mut(q.name).unwrap()[i].as_object_mut().unwrap();
                let keys: Vec<String> = row.keys().cloned().collect();
                for k in &keys {
                    row.insert(k.clone(), json!({"nested": true}));
                }
                if let Err(e) = schema_from_catalog(r.dialect, &rows) {
                    assert_eq!((e.query.as_str(), e.row), (q.name, Some(i)), "{}: {e}", r.name);
                }
                // Each column in turn missing or NULL: an error or a model, never a panic.
                for k in &keys {
                    for replacement in [None, Some(Value::Null), Some(json!("")), Some(json!(-1.5))] {
                        let mut rows = r.rows.clone();
                        let row = rows.get_mut(q.name).unwrap()[i].as_object_mut().unwrap();
                        match replacement {
                            None => {
                                row.remove(k);
                            }
                            Some(v) => {
                                row.insert(k.clone(), v);
                            }
                        }
                        if let Err(e) = schema_from_catalog(r.dialect, &rows) {
                            assert_eq!(e.query, q.name, "{}: {e}", r.name);
                            assert_eq!(e.row, Some(i), "{}: {e}", r.name);
                        }
                    }
                }
            }
        }
    }
}
