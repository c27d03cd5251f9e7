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
    assert_eq!(catalog_queries(Dialect::Mysql).len(), 9);
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

/// MySQL 8 (no server here; MariaDB is what the live tests run): bare
/// literal defaults, DEFAULT_GENERATED expressions, native JSON, functional
/// index key parts (STATISTICS.EXPRESSION), checks named per schema and
/// placed through TABLE_CONSTRAINTS.
#[test]
fn mysql8_rows_decode_like_the_replayed_ddl() {
    let col = |t: &str, ord: u32, name: &str, ty: &str, nullable: &str, default: Value, extra: &str, gen: Value| {
        json!({"table_name": t, "column_name": name, "ordinal": ord, "column_type": ty, "is_nullable": nullable,
               "column_default": default, "extra": extra, "generation_expression": gen})
    };
    let stat = |t: &str, idx: &str, seq: u32, col: Value, non_unique: &str, expr: Value| {
        json!({"TABLE_NAME": t, "INDEX_NAME": idx, "SEQ_IN_INDEX": seq, "COLUMN_NAME": col, "NON_UNIQUE": non_unique,
               "COLLATION": "A", "INDEX_TYPE": "BTREE", "EXPRESSION": expr})
    };
    let m = with_empty(Dialect::Mysql, &[
        ("server", json!([{"version": "8.0.36", "database_name": "app"}])),
        ("tables", json!([{"table_name": "users", "table_type": "BASE TABLE"}, {"table_name": "posts", "table_type": "BASE TABLE"}])),
        ("columns", json!([
            col("users", 1, "id", "bigint unsigned", "NO", Value::Null, "auto_increment", json!("")),
            col("users", 2, "name", "varchar(50)", "NO", json!("it's"), "", json!("")),
            col("users", 3, "score", "decimal(10,2)", "YES", json!("0.00"), "", json!("")),
            col("users", 4, "created", "datetime(3)", "NO", json!("CURRENT_TIMESTAMP(3)"), "DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)", json!("")),
            col("users", 5, "token", "varchar(36)", "YES", json!("uuid()"), "DEFAULT_GENERATED", json!("")),
            col("users", 6, "meta", "json", "YES", Value::Null, "", json!("")),
            col("users", 7, "lower_name", "varchar(50)", "YES", Value::Null, "VIRTUAL GENERATED", json!("lower(`name`)")),
            col("users", 8, "active", "tinyint(1)", "NO", json!("1"), "", json!("")),
            col("posts", 1, "id", "int", "NO", Value::Null, "", json!("")),
            col("posts", 2, "user_id", "bigint unsigned", "NO", Value::Null, "", json!("")),
        ])),
        ("indexes", json!([
            stat("users", "PRIMARY", 1, json!("id"), "0", Value::Null),
            stat("users", "users_lower", 1, Value::Null, "1", json!("lower(`name`)")),
            stat("posts", "PRIMARY", 1, json!("id"), "0", Value::Null),
            stat("posts", "posts_user_fk", 1, json!("user_id"), "1", Value::Null),
        ])),
        ("key_columns", json!([{"table_name": "posts", "constraint_name": "posts_user_fk", "ordinal": 1, "column_name": "user_id",
            "ref_schema": "app", "ref_table": "users", "ref_column": "id"}])),
        ("referential_constraints", json!([{"table_name": "posts", "constraint_name": "posts_user_fk", "on_update": "NO ACTION", "on_delete": "CASCADE"}])),
        ("check_constraints", json!([{"CONSTRAINT_CATALOG": "def", "CONSTRAINT_SCHEMA": "app", "CONSTRAINT_NAME": "users_score_chk", "CHECK_CLAUSE": "(`score` >= 0)"}])),
        ("check_tables", json!([{"table_name": "users", "constraint_name": "users_score_chk"}])),
    ]);
    let live = schema_from_catalog(Dialect::Mysql, &m).unwrap();
    let ddl = "CREATE TABLE users (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(50) NOT NULL DEFAULT 'it''s', \
        score decimal(10,2) DEFAULT 0, created datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), \
        token varchar(36) DEFAULT (uuid()), meta json, lower_name varchar(50) AS (lower(name)), active boolean NOT NULL DEFAULT true, \
        CONSTRAINT users_score_chk CHECK (score >= 0));\n\
        CREATE INDEX users_lower ON users ((lower(name)));\n\
        CREATE TABLE posts (id int NOT NULL PRIMARY KEY, user_id bigint unsigned NOT NULL, \
        CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);";
    let replayed = crate::replay::replay(&[crate::replay::MigrationSource { name: "m", sql: ddl }], Dialect::Mysql);
    assert!(replayed.unmodelled.is_empty(), "{:?}", replayed.unmodelled);
    assert_eq!(live.differences(&replayed.schema), Vec::<String>::new());
    assert!(live.tables["posts"].indexes[0].implicit);

    // A check no table claims is an error with its place.
    let mut bad = m.clone();
    bad.insert("check_tables".into(), vec![]);
    let e = schema_from_catalog(Dialect::Mysql, &bad).unwrap_err();
    assert_eq!((e.query.as_str(), e.row), ("check_constraints", Some(0)));
}
