use super::*;
use serde_json::json;

fn rows(pairs: &[(&str, Value)]) -> BTreeMap<String, Vec<Value>> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.as_array().cloned().unwrap_or_default())).collect()
}

/// Every query of `dialect` with no rows, then `overrides`.
fn with_empty(dialect: Dialect, overrides: &[(&str, Value)]) -> BTreeMap<String, Vec<Value>> {
    let mut m: BTreeMap<String, Vec<Value>> = catalog_queries(dialect).into_iter().map(|q| (q.name.to_string(), Vec::new())).collect();
    m.extend(rows(overrides));
    m
}

#[test]
fn query_lists_are_fixed_and_named_uniquely() {
    for d in [Dialect::Postgres, Dialect::Mysql] {
        let q = catalog_queries(d);
        let names: std::collections::BTreeSet<_> = q.iter().map(|q| q.name).collect();
        assert_eq!(names.len(), q.len());
        assert!(q.iter().all(|q| !q.sql.is_empty() && !q.sql.ends_with(';')));
    }
    assert_eq!(catalog_queries(Dialect::Postgres).len(), 9);
    assert_eq!(catalog_queries(Dialect::Mysql).len(), 6);
}

#[test]
fn missing_results_and_malformed_rows_are_errors_with_their_place() {
    let e = schema_from_catalog(Dialect::Postgres, &BTreeMap::new()).unwrap_err();
    assert_eq!(e.query, "schemas");
    assert_eq!(e.row, None);

    let m = with_empty(Dialect::Postgres, &[("tables", json!([{"table_schema": "public", "table_name": "a"}, 3]))]);
    let e = schema_from_catalog(Dialect::Postgres, &m).unwrap_err();
    assert_eq!((e.query.as_str(), e.row), ("tables", Some(1)));

    let m = with_empty(Dialect::Postgres, &[("tables", json!([{"table_schema": "public"}]))]);
    let e = schema_from_catalog(Dialect::Postgres, &m).unwrap_err();
    assert_eq!((e.query.as_str(), e.row, e.column.as_deref()), ("tables", Some(0), Some("table_name")));
    assert!(e.to_string().contains("catalog query `tables`, row 0, column `table_name`"), "{e}");

    let m = with_empty(Dialect::Postgres, &[
        ("tables", json!([{"table_schema": "public", "table_name": "a"}])),
        ("columns", json!([{"table_schema": "public", "table_name": "a", "ordinal": [1], "column_name": "id"}])),
    ]);
    let e = schema_from_catalog(Dialect::Postgres, &m).unwrap_err();
    assert_eq!((e.query.as_str(), e.row), ("columns", Some(0)));

    let e = schema_from_catalog(Dialect::Mysql, &with_empty(Dialect::Mysql, &[])).unwrap_err();
    assert_eq!(e.query, "server");
}

fn pg_column(table: &str, ord: Value, name: &str, ty: &str, not_null: Value, default: Value) -> Value {
    json!({"table_schema": "public", "table_name": table, "ordinal": ord, "column_name": name, "data_type": ty,
           "type_schema": "pg_catalog", "type_name": ty, "is_array": "f", "not_null": not_null, "default_value": default,
           "identity": "", "generated": "", "owned_sequence": null})
}

#[test]
fn text_and_typed_values_decode_alike() {
    let text = with_empty(Dialect::Postgres, &[
        ("tables", json!([{"table_schema": "public", "table_name": "t"}])),
        ("columns", json!([
            pg_column("t", json!("2"), "b", "character varying(20)", json!("f"), json!("'x'::character varying")),
            pg_column("t", json!("1"), "a", "integer", json!("t"), json!("'-1'::integer")),
        ])),
        ("constraints", json!([{"table_schema": "public", "table_name": "t", "constraint_name": "t_pkey", "kind": "p", "ordinal": "1",
            "column_name": "a", "ref_schema": null, "ref_table": null, "ref_column": null, "on_update": " ", "on_delete": " ",
            "expression": null, "nulls_not_distinct": "f"}])),
        ("enums", json!([
            {"enum_schema": "public", "enum_name": "e", "enum_value": "c", "sort_order": "1.5"},
            {"enum_schema": "public", "enum_name": "e", "enum_value": "a", "sort_order": "1"},
            {"enum_schema": "public", "enum_name": "e", "enum_value": "b", "sort_order": "2"},
        ])),
    ]);
    let typed = with_empty(Dialect::Postgres, &[
        ("tables", json!([{"TABLE_SCHEMA": "public", "TABLE_NAME": "t"}])),
        ("columns", json!([
            pg_column("t", json!(1), "a", "integer", json!(true), json!("'-1'::integer")),
            pg_column("t", json!(2), "b", "character varying(20)", json!(false), json!("'x'::character varying")),
        ])),
        ("constraints", json!([{"table_schema": "public", "table_name": "t", "constraint_name": "t_pkey", "kind": "p", "ordinal": 1,
            "column_name": "a", "ref_schema": null, "ref_table": null, "ref_column": null, "on_update": " ", "on_delete": " ",
            "expression": null, "nulls_not_distinct": false}])),
        ("enums", json!([
            {"enum_schema": "public", "enum_name": "e", "enum_value": "a", "sort_order": 1},
            {"enum_schema": "public", "enum_name": "e", "enum_value": "c", "sort_order": 1.5},
            {"enum_schema": "public", "enum_name": "e", "enum_value": "b", "sort_order": 2},
        ])),
    ]);
    let a = schema_from_catalog(Dialect::Postgres, &text).unwrap();
    let b = schema_from_catalog(Dialect::Postgres, &typed).unwrap();
    assert_eq!(a, b);
    let t = &a.tables["public.t"];
    assert_eq!(t.columns.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(t.columns[0].default.as_deref(), Some("-1"));
    assert!(!t.columns[0].nullable);
    assert_eq!(t.columns[1].data_type, "varchar(20)");
    assert_eq!(t.columns[1].default.as_deref(), Some("'x'"));
    assert_eq!(t.primary_key.as_ref().unwrap().name.as_deref(), Some("t_pkey"));
    assert_eq!(a.enums["public.e"].values, ["a", "c", "b"]);
}
