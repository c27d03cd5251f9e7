//! MySQL / MariaDB catalog queries (information_schema, the database being
//! the connection's `DATABASE()`) and their decoding, with MariaDB's
//! differences: column defaults written as SQL since 10.2.7 (`'text'`,
//! `NULL`, `current_timestamp()`), `JSON` stored as `longtext` plus a
//! `json_valid` check named after the column, and check constraints that
//! are named per table (so the check query joins on the table too).

use super::{grouped, CatalogError, Results, Row};
use crate::schema::normalize::{normalize_action, normalize_expr, normalize_method, normalize_type};
use crate::schema::{Check, Column, ForeignKey, Identity, Index, IndexColumn, PrimaryKey, Schema, Sequence, Table, View};
use crate::Dialect;

const D: Dialect = Dialect::Mysql;

// No query joins two information_schema tables: MariaDB builds each one
// by opening every table of the database, and a join does that once per
// row of the other side (a 2,000-table database: 1.4 s for foreign keys
// joined with their rules, 0.1 s for the two read apart). The decoder
// joins them instead.
pub(super) const QUERIES: &[(&str, &str)] = &[
    ("server", "SELECT VERSION() AS version, DATABASE() AS database_name"),
    (
        "tables",
        "SELECT t.TABLE_NAME AS table_name, t.TABLE_TYPE AS table_type
FROM information_schema.TABLES t
WHERE t.TABLE_SCHEMA = DATABASE()
  AND t.TABLE_NAME NOT IN ('_prisma_migrations', '_driftgate_migrations', '_driftgate_backfill', '__drizzle_migrations')",
    ),
    (
        "views",
        "SELECT v.TABLE_NAME AS table_name, v.VIEW_DEFINITION AS view_definition
FROM information_schema.VIEWS v
WHERE v.TABLE_SCHEMA = DATABASE()",
    ),
    (
        "columns",
        "SELECT c.TABLE_NAME AS table_name, c.COLUMN_NAME AS column_name, c.ORDINAL_POSITION AS ordinal,
  c.COLUMN_TYPE AS column_type, c.IS_NULLABLE AS is_nullable, c.COLUMN_DEFAULT AS column_default,
  c.EXTRA AS extra, c.GENERATION_EXPRESSION AS generation_expression
FROM information_schema.COLUMNS c
WHERE c.TABLE_SCHEMA = DATABASE()",
    ),
    // `s.*`: MySQL 8 adds EXPRESSION (functional key parts), which MariaDB lacks.
    ("indexes", "SELECT s.* FROM information_schema.STATISTICS s WHERE s.TABLE_SCHEMA = DATABASE()"),
    (
        "key_columns",
        "SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS constraint_name, k.ORDINAL_POSITION AS ordinal,
  k.COLUMN_NAME AS column_name, k.REFERENCED_TABLE_SCHEMA AS ref_schema, k.REFERENCED_TABLE_NAME AS ref_table,
  k.REFERENCED_COLUMN_NAME AS ref_column
FROM information_schema.KEY_COLUMN_USAGE k
WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL",
    ),
    (
        "referential_constraints",
        "SELECT r.TABLE_NAME AS table_name, r.CONSTRAINT_NAME AS constraint_name, r.UPDATE_RULE AS on_update, r.DELETE_RULE AS on_delete
FROM information_schema.REFERENTIAL_CONSTRAINTS r
WHERE r.CONSTRAINT_SCHEMA = DATABASE()",
    ),
    // `cc.*`: MariaDB's CHECK_CONSTRAINTS has TABLE_NAME (check names are
    // per table there); MySQL's does not (they are per schema), so its
    // checks are placed through TABLE_CONSTRAINTS.
    ("check_constraints", "SELECT cc.* FROM information_schema.CHECK_CONSTRAINTS cc WHERE cc.CONSTRAINT_SCHEMA = DATABASE()"),
    (
        "check_tables",
        "SELECT tc.TABLE_NAME AS table_name, tc.CONSTRAINT_NAME AS constraint_name
FROM information_schema.TABLE_CONSTRAINTS tc
WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK'",
    ),
];

/// The server flavour, from `VERSION()`.
struct Server {
    /// MariaDB 10.2.7 and later write COLUMN_DEFAULT as an SQL expression.
    sql_defaults: bool,
    database: String,
}

fn server(res: &Results) -> Result<Server, CatalogError> {
    let rows = res.get("server")?;
    let Some(r) = rows.first() else {
        return Err(CatalogError { query: "server".into(), row: None, column: None, message: "no row (expected VERSION() and DATABASE())".into() });
    };
    let version = r.string("version")?;
    let database = r.text("database_name")?.ok_or_else(|| r.error("database_name", "no database selected: the URL must name one"))?;
    let mariadb = version.to_ascii_lowercase().contains("mariadb");
    let nums: Vec<u32> = version.split(|c: char| !c.is_ascii_digit()).take(3).map(|p| p.parse().unwrap_or(0)).collect();
    let at_least = |v: [u32; 3]| nums.as_slice() >= v.as_slice();
    Ok(Server { sql_defaults: mariadb && at_least([10, 2, 7]), database })
}

pub(super) fn decode(res: &Results) -> Result<Schema, CatalogError> {
    let srv = server(res)?;
    let mut s = Schema::new(D);
    let mut views = std::collections::BTreeMap::new();
    for r in res.get("views")? {
        views.insert(r.string("table_name")?, r.text("view_definition")?.unwrap_or_default());
    }
    for r in res.get("tables")? {
        let name = r.string("table_name")?;
        let kind = r.text("table_type")?.unwrap_or_default().to_ascii_uppercase();
        match kind.as_str() {
            "VIEW" => {
                let def = strip_database_qualifier(views.get(&name).map(String::as_str).unwrap_or(""), &srv.database);
                s.views.insert(name.clone(), View { schema: String::new(), name, materialized: false, definition: normalize_expr(&def, D, None) });
            }
            "SEQUENCE" => {
                s.sequences.insert(name.clone(), Sequence { schema: String::new(), name });
            }
            "SYSTEM VIEW" | "TEMPORARY" => {}
            _ => {
                s.tables.insert(name.clone(), Table { schema: String::new(), name, ..Default::default() });
            }
        }
    }
    columns(res, &srv, &mut s)?;
    foreign_keys(res, &srv, &mut s)?;
    indexes(res, &mut s)?;
    checks(res, &mut s)?;
    Ok(s)
}

fn columns(res: &Results, srv: &Server, s: &mut Schema) -> Result<(), CatalogError> {
    let mut items = Vec::new();
    for r in res.get("columns")? {
        let table = r.string("table_name")?;
        if !s.tables.contains_key(&table) {
            continue; // a view's or a sequence's columns
        }
        let c = column(&r, srv, &table)?;
        items.push((table, r.number("ordinal")?, c));
    }
    for (table, cols) in grouped(items) {
        if let Some(t) = s.tables.get_mut(&table) {
            t.columns = cols;
        }
    }
    Ok(())
}

fn column(r: &Row, srv: &Server, table: &str) -> Result<Column, CatalogError> {
    let name = r.string("column_name")?;
    let column_type = r.string("column_type")?;
    let data_type = normalize_type(&column_type, D).name;
    let extra = r.text("extra")?.unwrap_or_default().to_ascii_lowercase();
    let identity = extra.contains("auto_increment").then_some(Identity::AutoIncrement);
    // `VIRTUAL GENERATED` / `STORED GENERATED` (MariaDB before 10.2:
    // `VIRTUAL` / `PERSISTENT`); MySQL's `DEFAULT_GENERATED` is an
    // expression default, not a generated column.
    let is_generated = extra.contains("virtual generated") || extra.contains("stored generated") || matches!(extra.trim(), "virtual" | "persistent" | "stored");
    let generated = if is_generated { r.text("generation_expression")?.filter(|g| !g.is_empty()).map(|g| normalize_expr(&g, D, Some(table))) } else { None };
    let raw = r.text("column_default")?;
    let default = match raw {
        _ if is_generated => None,
        None => None,
        Some(v) => {
            let expr = if srv.sql_defaults || extra.contains("default_generated") || looks_like_current_timestamp(&v) || is_numeric_type(&data_type) {
                v
            } else {
                // MySQL (and MariaDB before 10.2.7) give a literal's bare text.
                format!("'{}'", v.replace('\'', "''"))
            };
            let n = normalize_expr(&expr, D, Some(table));
            (n != "null").then_some(n)
        }
    };
    let nullable = r.text("is_nullable")?.is_some_and(|v| v.eq_ignore_ascii_case("yes"));
    Ok(Column { name, data_type, nullable, default, identity, generated })
}

fn looks_like_current_timestamp(v: &str) -> bool {
    let l = v.trim().to_ascii_lowercase();
    ["current_timestamp", "now(", "localtimestamp", "localtime", "current_date", "current_time"].iter().any(|p| l.starts_with(p))
}

fn is_numeric_type(t: &str) -> bool {
    let base = t.split(['(', ' ']).next().unwrap_or("");
    matches!(base, "tinyint" | "smallint" | "mediumint" | "int" | "bigint" | "decimal" | "float" | "double" | "year" | "bit")
}

/// View definitions come back with every name qualified by the database.
fn strip_database_qualifier(def: &str, database: &str) -> String {
    if database.is_empty() {
        return def.to_string();
    }
    def.replace(&format!("`{}`.", database.replace('`', "``")), "")
}

fn foreign_keys(res: &Results, srv: &Server, s: &mut Schema) -> Result<(), CatalogError> {
    let mut rules = std::collections::BTreeMap::new();
    for r in res.get("referential_constraints")? {
        rules.insert((r.string("table_name")?, r.string("constraint_name")?), (r.text("on_update")?, r.text("on_delete")?));
    }
    let mut items = Vec::new();
    for r in res.get("key_columns")? {
        let table = r.string("table_name")?;
        if !s.tables.contains_key(&table) {
            continue;
        }
        let name = r.string("constraint_name")?;
        let row = (r.string("column_name")?, r.text("ref_schema")?, r.string("ref_table")?, r.string("ref_column")?);
        items.push(((table, name), r.number("ordinal")?, row));
    }
    for ((table, name), rows) in grouped(items) {
        let Some(t) = s.tables.get_mut(&table) else { continue };
        let (_, ref_schema, ref_table, _) = rows[0].clone();
        let (on_update, on_delete) = rules.get(&(table.clone(), name.clone())).cloned().unwrap_or_default();
        let referenced_schema = ref_schema.filter(|r| r != &srv.database).unwrap_or_default();
        t.foreign_keys.push(ForeignKey {
            name,
            columns: rows.iter().map(|r| r.0.clone()).collect(),
            referenced_schema,
            referenced_table: ref_table,
            referenced_columns: rows.iter().map(|r| r.3.clone()).collect(),
            on_delete: normalize_action(on_delete.as_deref(), D),
            on_update: normalize_action(on_update.as_deref(), D),
        });
    }
    Ok(())
}

fn indexes(res: &Results, s: &mut Schema) -> Result<(), CatalogError> {
    let mut items = Vec::new();
    for r in res.get("indexes")? {
        let table = r.string("table_name")?;
        if !s.tables.contains_key(&table) {
            continue;
        }
        let name = r.string("index_name")?;
        let column = match r.text("column_name")? {
            Some(c) => IndexColumn { name: c, expression: false, descending: false, opclass: None },
            None => {
                let e = r.text_if_present("expression")?.ok_or_else(|| r.error("column_name", "an index key that is neither a column nor an expression"))?;
                IndexColumn { name: normalize_expr(&e, D, Some(&table)), expression: true, descending: false, opclass: None }
            }
        };
        let descending = r.text("collation")?.is_some_and(|c| c.eq_ignore_ascii_case("d"));
        let unique = !r.boolean("non_unique")?;
        let method = normalize_method(r.text("index_type")?.as_deref());
        items.push(((table, name), r.number("seq_in_index")?, (IndexColumn { descending, ..column }, unique, method)));
    }
    for ((table, name), rows) in grouped(items) {
        let Some(t) = s.tables.get_mut(&table) else { continue };
        let (unique, method) = (rows[0].1, rows[0].2.clone());
        let columns: Vec<IndexColumn> = rows.into_iter().map(|r| r.0).collect();
        if name == "PRIMARY" {
            t.primary_key = Some(PrimaryKey { name: Some(name), columns: columns.into_iter().map(|c| c.name).collect() });
            continue;
        }
        // The index InnoDB creates for a foreign key that no index served:
        // named after the constraint, or (constraint unnamed, MariaDB)
        // after its first column.
        let plain: Vec<&str> = columns.iter().filter(|c| !c.expression).map(|c| c.name.as_str()).collect();
        let implicit = !unique
            && method.is_none()
            && columns.iter().all(|c| !c.expression && !c.descending)
            && t.foreign_keys.iter().any(|f| f.columns.iter().map(String::as_str).eq(plain.iter().copied()) && (f.name == name || f.columns.first() == Some(&name)));
        t.indexes.push(Index { name, columns, unique, method, predicate: None, implicit });
    }
    Ok(())
}

fn checks(res: &Results, s: &mut Schema) -> Result<(), CatalogError> {
    // MySQL: check names are unique in the schema, TABLE_CONSTRAINTS says
    // which table has each.
    let mut owners: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::new();
    for r in res.get("check_tables")? {
        owners.entry(r.string("constraint_name")?).or_default().push(r.string("table_name")?);
    }
    for r in res.get("check_constraints")? {
        let name = r.string("constraint_name")?;
        let table = match r.text_if_present("table_name")? {
            Some(t) => t, // MariaDB
            None => match owners.get(&name).map(Vec::as_slice) {
                Some([t]) => t.clone(),
                _ => return Err(r.error("constraint_name", format!("check {name} is in no single table of check_tables"))),
            },
        };
        let Some(t) = s.tables.get_mut(&table) else { continue };
        let expression = normalize_expr(&r.text("check_clause")?.unwrap_or_default(), D, Some(&table));
        // MariaDB's JSON: a longtext column with `CHECK (json_valid(col))`
        // named after the column.
        if let Some(c) = t.columns.iter_mut().find(|c| c.name == name && c.data_type == "longtext") {
            if expression == format!("json_valid({name})") {
                c.data_type = "json".into();
                continue;
            }
        }
        t.checks.push(Check { name, expression });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_definitions_lose_the_database_name() {
        assert_eq!(strip_database_qualifier("select `db`.`t`.`id` AS `id` from `db`.`t`", "db"), "select `t`.`id` AS `id` from `t`");
    }
}
