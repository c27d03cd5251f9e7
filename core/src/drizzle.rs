//! Drizzle snapshot JSON (`meta/NNNN_snapshot.json`) → schema model.
//!
//! Reads Postgres snapshots of versions 5–7 (tables keyed `name` or
//! `schema.name`, enums with array or object `values`, string-encoded or
//! object foreign keys and composite keys) and MySQL snapshots. The result
//! follows the model's invariants, so it compares equal to a replay of the
//! same history.

use crate::schema::normalize::{normalize_action, normalize_expr, normalize_method, normalize_type};
use crate::schema::{self, Check, Column, Enum, ForeignKey, Identity, Index, IndexColumn, PrimaryKey, Schema, Sequence, Table, UniqueConstraint, View};
use crate::Dialect;
use serde_json::{Map, Value};

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SnapshotError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

pub fn parse_snapshot(json: &str) -> Result<Schema, SnapshotError> {
    let v: Value = serde_json::from_str(json).map_err(|e| SnapshotError { message: format!("snapshot is not valid JSON: {e}"), line: e.line(), column: e.column() })?;
    from_value(&v)
}

fn obj(v: &Value, k: &str) -> Map<String, Value> {
    v.get(k).and_then(|x| x.as_object()).cloned().unwrap_or_default()
}

fn s<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    v.get(k).and_then(|x| x.as_str())
}

fn b(v: &Value, k: &str) -> bool {
    v.get(k).and_then(|x| x.as_bool()).unwrap_or(false)
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str().map(String::from)).collect(),
        Some(Value::Object(o)) => o.values().filter_map(|x| x.as_str().map(String::from)).collect(),
        Some(Value::String(s)) => s.split(',').filter(|x| !x.is_empty()).map(String::from).collect(),
        _ => Vec::new(),
    }
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub fn from_value(v: &Value) -> Result<Schema, SnapshotError> {
    let dialect_str = s(v, "dialect").unwrap_or("postgresql");
    let dialect = Dialect::parse(dialect_str).ok_or_else(|| SnapshotError { message: format!("snapshot dialect {dialect_str:?} is not supported"), line: 1, column: 1 })?;
    if !v.is_object() || v.get("tables").is_none() {
        return Err(SnapshotError { message: "not a Drizzle snapshot: no \"tables\" object".into(), line: 1, column: 1 });
    }
    let mut schema = Schema::new(dialect);
    let default_schema = dialect.default_schema();
    let schema_name = |x: Option<&str>| match x {
        Some(s) if !s.is_empty() && dialect == Dialect::Postgres => s.to_string(),
        _ => default_schema.to_string(),
    };
    for (k, sv) in obj(v, "schemas") {
        let name = sv.as_str().map(String::from).unwrap_or(k);
        if name != "public" && dialect == Dialect::Postgres {
            schema.schemas.insert(name);
        }
    }
    for (k, e) in obj(v, "enums") {
        let name = s(&e, "name").map(String::from).unwrap_or_else(|| k.rsplit('.').next().unwrap_or(&k).to_string());
        let sch = schema_name(s(&e, "schema"));
        schema.enums.insert(schema::key(dialect, &sch, &name), Enum { schema: sch, name, values: strings(e.get("values")) });
    }
    for (k, q) in obj(v, "sequences") {
        let name = s(&q, "name").map(String::from).unwrap_or(k);
        let sch = schema_name(s(&q, "schema"));
        schema.sequences.insert(schema::key(dialect, &sch, &name), Sequence { schema: sch, name });
    }
    for (k, w) in obj(v, "views") {
        let name = s(&w, "name").map(String::from).unwrap_or(k);
        let sch = schema_name(s(&w, "schema"));
        if b(&w, "isExisting") {
            continue;
        }
        let definition = normalize_expr(s(&w, "definition").unwrap_or(""), dialect, None);
        schema.views.insert(schema::key(dialect, &sch, &name), View { schema: sch, name, materialized: b(&w, "materialized"), definition });
    }
    for (k, t) in obj(v, "tables") {
        let name = s(&t, "name").map(String::from).unwrap_or_else(|| k.rsplit('.').next().unwrap_or(&k).to_string());
        let sch = schema_name(s(&t, "schema"));
        let table = read_table(&t, dialect, &sch, &name);
        schema.tables.insert(schema::key(dialect, &sch, &name), table);
    }
    schema.canonicalize();
    Ok(schema)
}

fn read_table(t: &Value, d: Dialect, sch: &str, name: &str) -> Table {
    let mut table = Table { schema: sch.to_string(), name: name.to_string(), ..Default::default() };
    let cols = ordered_entries(t.get("columns"));
    let mut pk_cols = Vec::new();
    for c in cols {
        let cname = s(&c, "name").unwrap_or("").to_string();
        let mut type_text = s(&c, "type").unwrap_or("").to_string();
        if let Some(ts) = s(&c, "typeSchema").filter(|x| !x.is_empty() && *x != "public") {
            type_text = format!("\"{ts}\".\"{type_text}\"");
        }
        let ty = normalize_type(&type_text, d);
        let mut identity = ty.implied_identity;
        if let Some(idv) = c.get("identity") {
            let kind = match idv {
                Value::Object(_) => s(idv, "type").unwrap_or("").to_string(),
                other => value_text(other),
            };
            identity = Some(if kind.contains("always") { Identity::Always } else { Identity::ByDefault });
        }
        if b(&c, "autoincrement") {
            identity = Some(Identity::AutoIncrement);
        }
        let primary = b(&c, "primaryKey");
        let not_null = b(&c, "notNull") || primary || ty.implied_not_null || matches!(identity, Some(Identity::Always | Identity::ByDefault | Identity::Serial));
        let default = c.get("default").map(value_text).map(|x| normalize_expr(&x, d, Some(name))).filter(|x| x != "null");
        let generated = c.get("generated").and_then(|g| match g {
            Value::Object(_) => s(g, "as").map(String::from),
            Value::String(x) => Some(x.clone()),
            _ => None,
        });
        table.columns.push(Column { name: cname.clone(), data_type: ty.name, nullable: !not_null, default, identity, generated: generated.map(|g| normalize_expr(&g, d, Some(name))) });
        if primary {
            pk_cols.push(cname.clone());
        }
        if b(&c, "isUnique") || ty.implied_not_null && d == Dialect::Mysql && !primary {
            let uname = s(&c, "uniqueName").map(String::from).unwrap_or_else(|| match d {
                Dialect::Postgres => crate::replay::pg_object_name(name, &cname, "key", d),
                Dialect::Mysql => cname.clone(),
            });
            push_unique(&mut table, d, uname, vec![cname.clone()], b(&c, "nullsNotDistinct"));
        }
    }
    if !pk_cols.is_empty() {
        let pk_name = match d {
            Dialect::Postgres => None,
            Dialect::Mysql => Some("PRIMARY".to_string()),
        };
        table.primary_key = Some(PrimaryKey { name: pk_name, columns: pk_cols });
    }
    for (k, p) in obj(t, "compositePrimaryKeys") {
        let (pname, columns) = match &p {
            Value::String(x) => {
                // older encoding: "a,b;name"
                let (cols, n) = x.split_once(';').unwrap_or((x, &k));
                (n.to_string(), cols.split(',').map(String::from).collect())
            }
            _ => (s(&p, "name").map(String::from).unwrap_or(k), strings(p.get("columns"))),
        };
        let pname = if d == Dialect::Mysql { "PRIMARY".to_string() } else { pname };
        table.primary_key = Some(PrimaryKey { name: Some(pname), columns });
    }
    for (k, u) in obj(t, "uniqueConstraints") {
        let (uname, cols) = match &u {
            Value::String(x) => {
                let (n, cols) = x.split_once(';').unwrap_or((&k, x));
                (n.to_string(), cols.split(',').map(String::from).collect())
            }
            _ => (s(&u, "name").map(String::from).unwrap_or(k), strings(u.get("columns"))),
        };
        push_unique(&mut table, d, uname, cols, b(&u, "nullsNotDistinct"));
    }
    for (k, i) in obj(t, "indexes") {
        let iname = s(&i, "name").map(String::from).unwrap_or(k);
        let columns = match i.get("columns") {
            Some(Value::Array(a)) => a
                .iter()
                .map(|c| match c {
                    Value::String(x) => IndexColumn { name: x.clone(), expression: false, descending: false, opclass: None },
                    _ => {
                        let expr = s(c, "expression").unwrap_or("");
                        let is_expr = b(c, "isExpression");
                        IndexColumn {
                            name: if is_expr { normalize_expr(expr, d, Some(name)) } else { expr.to_string() },
                            expression: is_expr,
                            descending: c.get("asc").and_then(|a| a.as_bool()) == Some(false),
                            opclass: s(c, "opclass").filter(|o| !o.is_empty()).map(|o| o.to_ascii_lowercase()),
                        }
                    }
                })
                .collect(),
            _ => Vec::new(),
        };
        let predicate = s(&i, "where").map(|w| normalize_expr(w, d, Some(name)));
        let method = normalize_method(s(&i, "method").or(s(&i, "using")));
        table.indexes.push(Index { name: iname, columns, unique: b(&i, "isUnique"), method, predicate, implicit: false });
    }
    for (k, f) in obj(t, "foreignKeys") {
        let fk = match &f {
            Value::String(x) => {
                // "name;tableFrom;colsFrom;tableTo;colsTo;onUpdate;onDelete"
                let p: Vec<&str> = x.split(';').collect();
                ForeignKey {
                    name: p.first().unwrap_or(&"").to_string(),
                    columns: p.get(2).map(|c| c.split(',').map(String::from).collect()).unwrap_or_default(),
                    referenced_schema: d.default_schema().to_string(),
                    referenced_table: p.get(3).unwrap_or(&"").to_string(),
                    referenced_columns: p.get(4).map(|c| c.split(',').map(String::from).collect()).unwrap_or_default(),
                    on_update: normalize_action(p.get(5).copied().filter(|x| !x.is_empty() && *x != "undefined"), d),
                    on_delete: normalize_action(p.get(6).copied().filter(|x| !x.is_empty() && *x != "undefined"), d),
                }
            }
            _ => ForeignKey {
                name: s(&f, "name").map(String::from).unwrap_or(k),
                columns: strings(f.get("columnsFrom")),
                referenced_schema: match d {
                    Dialect::Postgres => s(&f, "schemaTo").filter(|x| !x.is_empty()).unwrap_or("public").to_string(),
                    Dialect::Mysql => String::new(),
                },
                referenced_table: s(&f, "tableTo").unwrap_or("").to_string(),
                referenced_columns: strings(f.get("columnsTo")),
                on_delete: normalize_action(s(&f, "onDelete"), d),
                on_update: normalize_action(s(&f, "onUpdate"), d),
            },
        };
        table.foreign_keys.push(fk);
    }
    for key in ["checkConstraints", "checkConstraint"] {
        for (k, c) in obj(t, key) {
            let (cname, value) = match &c {
                Value::String(x) => {
                    let (n, v) = x.split_once(';').unwrap_or((&k, x));
                    (n.to_string(), v.to_string())
                }
                _ => (s(&c, "name").map(String::from).unwrap_or(k), s(&c, "value").unwrap_or("").to_string()),
            };
            table.checks.push(Check { name: cname, expression: normalize_expr(&value, d, Some(name)) });
        }
    }
    table
}

fn push_unique(table: &mut Table, d: Dialect, name: String, columns: Vec<String>, nulls_not_distinct: bool) {
    match d {
        Dialect::Postgres => table.uniques.push(UniqueConstraint { name, columns, nulls_not_distinct }),
        Dialect::Mysql => table.indexes.push(Index {
            name,
            columns: columns.into_iter().map(|c| IndexColumn { name: c, expression: false, descending: false, opclass: None }).collect(),
            unique: true,
            method: None,
            predicate: None,
            implicit: false,
        }),
    }
}

/// Entries of a JSON object in document order (serde_json's
/// `preserve_order` keeps it): drizzle writes columns in declaration order.
fn ordered_entries(v: Option<&Value>) -> Vec<Value> {
    match v {
        Some(Value::Object(m)) => m.values().cloned().collect(),
        Some(Value::Array(a)) => a.clone(),
        _ => Vec::new(),
    }
}
