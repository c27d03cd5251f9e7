//! PostgreSQL catalog queries (pg_catalog, so that names, OIDs and the
//! objects extensions own are visible) and their decoding.

use super::{grouped, CatalogError, Results, Row};
use crate::schema::normalize::{normalize_action, normalize_expr, normalize_method, normalize_type};
use crate::schema::{self, Check, Column, Enum, ForeignKey, Identity, Index, IndexColumn, PrimaryKey, Schema, Sequence, Table, UniqueConstraint, View};
use crate::Dialect;

const D: Dialect = Dialect::Postgres;

/// A user relation `c` in namespace `n`: not in a system schema or the
/// `drizzle` schema, not a history table, not owned by an extension.
macro_rules! user_relation {
    () => {
        "n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'drizzle')
    AND c.relname NOT IN ('_prisma_migrations', '_driftgate_migrations', '_driftgate_backfill', '__drizzle_migrations')
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                    WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND x.objid = c.oid AND x.deptype = 'e')"
    };
}

/// The tables (ordinary and partitioned) the other queries describe.
macro_rules! tables_cte {
    () => {
        concat!(
            "WITH rel AS (
  SELECT c.oid, n.nspname, c.relname
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND ",
            user_relation!(),
            "
)
"
        )
    };
}

pub(super) const QUERIES: &[(&str, &str)] = &[
    (
        "schemas",
        "SELECT n.nspname AS schema_name
FROM pg_catalog.pg_namespace n
WHERE n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'public', 'drizzle')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND x.objid = n.oid AND x.deptype = 'e')
ORDER BY 1",
    ),
    ("extensions", "SELECT e.extname AS extension_name FROM pg_catalog.pg_extension e WHERE e.extname <> 'plpgsql' ORDER BY 1"),
    (
        "tables",
        concat!(
            "SELECT n.nspname AS table_schema, c.relname AS table_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND ",
            user_relation!(),
            "
ORDER BY 1, 2"
        ),
    ),
    (
        "columns",
        concat!(
            tables_cte!(),
            "SELECT r.nspname AS table_schema, r.relname AS table_name, a.attnum AS ordinal, a.attname AS column_name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,
  btn.nspname AS type_schema, bt.typname AS type_name, t.typcategory = 'A' AS is_array,
  a.attnotnull AS not_null,
  pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) AS default_value,
  a.attidentity AS identity, a.attgenerated AS generated,
  os.relname AS owned_sequence
FROM rel r
JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
JOIN pg_catalog.pg_namespace btn ON btn.oid = bt.typnamespace
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN LATERAL (
  SELECT s.relname FROM pg_catalog.pg_depend dep
  JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
  WHERE dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
    AND dep.refobjid = r.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'
  LIMIT 1
) os ON true"
        ),
    ),
    (
        "constraints",
        concat!(
            tables_cte!(),
            "SELECT r.nspname AS table_schema, r.relname AS table_name, co.conname AS constraint_name, co.contype AS kind,
  k.ord AS ordinal, a.attname AS column_name,
  fn.nspname AS ref_schema, fc.relname AS ref_table, fa.attname AS ref_column,
  co.confupdtype AS on_update, co.confdeltype AS on_delete,
  CASE WHEN co.contype = 'c' THEN pg_catalog.pg_get_expr(co.conbin, co.conrelid, true) END AS expression,
  co.contype = 'u' AND pg_catalog.pg_get_constraintdef(co.oid) LIKE 'UNIQUE NULLS NOT DISTINCT%' AS nulls_not_distinct
FROM pg_catalog.pg_constraint co
JOIN rel r ON r.oid = co.conrelid
LEFT JOIN LATERAL pg_catalog.unnest(co.conkey) WITH ORDINALITY AS k(attnum, ord) ON co.contype <> 'c'
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = co.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = co.confrelid AND fa.attnum = co.confkey[k.ord]
WHERE co.contype IN ('p', 'u', 'f', 'c') AND co.conislocal AND co.conparentid = 0"
        ),
    ),
    (
        "indexes",
        concat!(
            tables_cte!(),
            "SELECT r.nspname AS table_schema, r.relname AS table_name, ic.relname AS index_name,
  i.indisunique AS is_unique, am.amname AS method,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
  k.ord AS ordinal, a.attname AS column_name,
  CASE WHEN a.attname IS NULL THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord, true) END AS expression,
  (i.indoption[k.ord - 1]::int & 1) = 1 AS descending,
  oc.opcname AS opclass, oc.opcdefault AS opclass_is_default,
  co.contype AS constraint_kind
FROM pg_catalog.pg_index i
JOIN rel r ON r.oid = i.indrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL pg_catalog.generate_series(1, i.indnkeyatts::int) AS k(ord)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.ord - 1] AND i.indkey[k.ord - 1] <> 0
LEFT JOIN pg_catalog.pg_opclass oc ON oc.oid = i.indclass[k.ord - 1]
LEFT JOIN pg_catalog.pg_constraint co ON co.conindid = i.indexrelid AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x')
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)"
        ),
    ),
    (
        "enums",
        "SELECT n.nspname AS enum_schema, t.typname AS enum_name, e.enumlabel AS enum_value, e.enumsortorder AS sort_order
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE t.typtype = 'e' AND n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'drizzle')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid AND x.deptype = 'e')
ORDER BY 1, 2, 4",
    ),
    (
        "sequences",
        concat!(
            "SELECT n.nspname AS sequence_schema, c.relname AS sequence_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'S' AND ",
            user_relation!(),
            "
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend o
                  WHERE o.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND o.objid = c.oid
                    AND o.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND o.refobjsubid > 0 AND o.deptype IN ('a', 'i'))
ORDER BY 1, 2"
        ),
    ),
    (
        "views",
        concat!(
            "SELECT n.nspname AS view_schema, c.relname AS view_name, c.relkind = 'm' AS materialized,
  pg_catalog.pg_get_viewdef(c.oid, true) AS definition
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm') AND ",
            user_relation!(),
            "
ORDER BY 1, 2"
        ),
    ),
];

fn table_key(r: &Row) -> Result<String, CatalogError> {
    Ok(schema::key(D, &r.string("table_schema")?, &r.string("table_name")?))
}

pub(super) fn decode(res: &Results) -> Result<Schema, CatalogError> {
    let mut s = Schema::new(D);
    for r in res.get("schemas")? {
        s.schemas.insert(r.string("schema_name")?);
    }
    for r in res.get("extensions")? {
        s.extensions.insert(r.string("extension_name")?);
    }
    for r in res.get("tables")? {
        let (schema, name) = (r.string("table_schema")?, r.string("table_name")?);
        s.tables.insert(schema::key(D, &schema, &name), Table { schema, name, ..Default::default() });
    }
    columns(res, &mut s)?;
    constraints(res, &mut s)?;
    indexes(res, &mut s)?;

    let mut values = Vec::new();
    for r in res.get("enums")? {
        let (schema, name) = (r.string("enum_schema")?, r.string("enum_name")?);
        let value = r.text("enum_value")?;
        let order = if value.is_some() { r.number("sort_order")? } else { 0.0 };
        values.push((schema::key(D, &schema, &name), order, (schema, name, value)));
    }
    for (key, vals) in grouped(values) {
        let (schema, name) = vals.first().map(|(s, n, _)| (s.clone(), n.clone())).unwrap_or_default();
        s.enums.insert(key, Enum { schema, name, values: vals.into_iter().filter_map(|(_, _, v)| v).collect() });
    }
    for r in res.get("sequences")? {
        let (schema, name) = (r.string("sequence_schema")?, r.string("sequence_name")?);
        s.sequences.insert(schema::key(D, &schema, &name), Sequence { schema, name });
    }
    for r in res.get("views")? {
        let (schema, name) = (r.string("view_schema")?, r.string("view_name")?);
        let definition = normalize_expr(r.text("definition")?.unwrap_or_default().trim().trim_end_matches(';'), D, None);
        s.views.insert(schema::key(D, &schema, &name), View { schema, name, materialized: r.boolean("materialized")?, definition });
    }
    Ok(s)
}

fn columns(res: &Results, s: &mut Schema) -> Result<(), CatalogError> {
    let mut items = Vec::new();
    for r in res.get("columns")? {
        let key = table_key(&r)?;
        let Some(table) = s.tables.get(&key) else { continue };
        let column = column(&r, &table.name)?;
        items.push((key, r.number("ordinal")?, column));
    }
    for (key, cols) in grouped(items) {
        if let Some(t) = s.tables.get_mut(&key) {
            t.columns = cols;
        }
    }
    Ok(())
}

fn column(r: &Row, table: &str) -> Result<Column, CatalogError> {
    let name = r.string("column_name")?;
    let type_schema = r.text("type_schema")?.unwrap_or_default();
    let data_type = if type_schema == "pg_catalog" || type_schema.is_empty() {
        normalize_type(&r.string("data_type")?, D).name
    } else {
        // A user type: spelled from its schema and name, not from
        // format_type (which qualifies it only when it is off the search_path).
        let array = if r.boolean("is_array")? { "[]" } else { "" };
        normalize_type(&format!("{}.{}{array}", quote(&type_schema), quote(&r.string("type_name")?)), D).name
    };
    let raw_default = r.text("default_value")?;
    let identity_flag = r.text("identity")?.unwrap_or_default();
    let generated_flag = r.text("generated")?.unwrap_or_default();
    let owned_sequence = r.text("owned_sequence")?;
    let mut identity = match identity_flag.as_str() {
        "a" => Some(Identity::Always),
        "d" => Some(Identity::ByDefault),
        _ => None,
    };
    let mut default = None;
    let mut generated = None;
    if let Some(expr) = raw_default {
        if generated_flag == "s" {
            generated = Some(normalize_expr(&expr, D, Some(table)));
        } else if identity.is_none() && owned_sequence.is_some() && expr.trim_start().to_ascii_lowercase().starts_with("nextval(") {
            // serial: a sequence owned by the column, and its nextval default.
            identity = Some(Identity::Serial);
        } else {
            let v = normalize_expr(&expr, D, Some(table));
            if v != "null" {
                default = Some(v);
            }
        }
    }
    Ok(Column { name, data_type, nullable: !r.boolean("not_null")?, default, identity, generated })
}

fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

fn action(code: Option<String>) -> String {
    let a = match code.as_deref() {
        Some("r") => "RESTRICT",
        Some("c") => "CASCADE",
        Some("n") => "SET NULL",
        Some("d") => "SET DEFAULT",
        _ => "NO ACTION",
    };
    normalize_action(Some(a), D)
}

/// A constraint's rows, before grouping by constraint.
struct ConRow {
    kind: String,
    column: Option<String>,
    ref_schema: Option<String>,
    ref_table: Option<String>,
    ref_column: Option<String>,
    on_update: Option<String>,
    on_delete: Option<String>,
    expression: Option<String>,
    nulls_not_distinct: bool,
}

fn constraints(res: &Results, s: &mut Schema) -> Result<(), CatalogError> {
    let mut items = Vec::new();
    for r in res.get("constraints")? {
        let key = table_key(&r)?;
        if !s.tables.contains_key(&key) {
            continue;
        }
        let name = r.string("constraint_name")?;
        let kind = r.string("kind")?;
        let ord = if kind == "c" { 0.0 } else { r.number("ordinal")? };
        let row = ConRow {
            column: r.text("column_name")?,
            ref_schema: r.text("ref_schema")?,
            ref_table: r.text("ref_table")?,
            ref_column: r.text("ref_column")?,
            on_update: r.text("on_update")?,
            on_delete: r.text("on_delete")?,
            expression: r.text("expression")?,
            nulls_not_distinct: r.boolean("nulls_not_distinct")?,
            kind,
        };
        if row.kind != "c" && row.column.is_none() {
            return Err(r.error("column_name", "a key constraint row without its column"));
        }
        items.push(((key, name), ord, row));
    }
    for ((key, name), rows) in grouped(items) {
        let Some(t) = s.tables.get_mut(&key) else { continue };
        let first = &rows[0];
        let columns: Vec<String> = rows.iter().filter_map(|r| r.column.clone()).collect();
        match first.kind.as_str() {
            "p" => t.primary_key = Some(PrimaryKey { name: Some(name), columns }),
            "u" => t.uniques.push(UniqueConstraint { name, columns, nulls_not_distinct: first.nulls_not_distinct }),
            "f" => t.foreign_keys.push(ForeignKey {
                name,
                columns,
                referenced_schema: first.ref_schema.clone().unwrap_or_default(),
                referenced_table: first.ref_table.clone().unwrap_or_default(),
                referenced_columns: rows.iter().filter_map(|r| r.ref_column.clone()).collect(),
                on_delete: action(first.on_delete.clone()),
                on_update: action(first.on_update.clone()),
            }),
            "c" => {
                let expression = normalize_expr(first.expression.as_deref().unwrap_or(""), D, Some(&t.name));
                t.checks.push(Check { name, expression });
            }
            _ => {}
        }
    }
    Ok(())
}

struct IdxRow {
    unique: bool,
    method: Option<String>,
    predicate: Option<String>,
    column: IndexColumn,
    backs_constraint: bool,
}

fn indexes(res: &Results, s: &mut Schema) -> Result<(), CatalogError> {
    let mut items = Vec::new();
    for r in res.get("indexes")? {
        let key = table_key(&r)?;
        let Some(t) = s.tables.get(&key) else { continue };
        let name = r.string("index_name")?;
        let column = match r.text("column_name")? {
            Some(c) => IndexColumn { name: c, expression: false, descending: false, opclass: None },
            None => {
                let expr = r.text("expression")?.ok_or_else(|| r.error("expression", "an index key that is neither a column nor an expression"))?;
                IndexColumn { name: normalize_expr(&expr, D, Some(&t.name)), expression: true, descending: false, opclass: None }
            }
        };
        let opclass = if r.boolean("opclass_is_default")? { None } else { r.text("opclass")? };
        let row = IdxRow {
            unique: r.boolean("is_unique")?,
            method: normalize_method(r.text("method")?.as_deref()),
            predicate: r.text("predicate")?.map(|p| normalize_expr(&p, D, Some(&t.name))),
            column: IndexColumn { descending: r.boolean("descending")?, opclass, ..column },
            // Primary keys, unique and exclusion constraints are modelled
            // as constraints, not as their indexes (as replay does).
            backs_constraint: r.text("constraint_kind")?.is_some_and(|k| !k.is_empty()),
        };
        items.push(((key, name), r.number("ordinal")?, row));
    }
    for ((key, name), rows) in grouped(items) {
        let Some(t) = s.tables.get_mut(&key) else { continue };
        if rows[0].backs_constraint {
            continue;
        }
        let (unique, method, predicate) = (rows[0].unique, rows[0].method.clone(), rows[0].predicate.clone());
        t.indexes.push(Index { name, columns: rows.into_iter().map(|r| r.column).collect(), unique, method, predicate, implicit: false });
    }
    Ok(())
}
