//! Introspection of a live database: runs the core's catalog queries (a
//! fixed list per dialect, whatever the number of tables) and hands the
//! rows to the core, which builds the schema model. Also
//! `driftgate introspect URL`.

use crate::db::{self, Db, DbUrl};
use driftgate_core::catalog::{catalog_queries, schema_from_catalog};
use driftgate_core::schema::Schema;
use driftgate_core::Dialect;
use serde::Serialize;
use std::collections::BTreeMap;

/// The live schema, and how many catalog queries it took.
pub async fn introspect(db: &mut Db) -> Result<(Schema, usize), String> {
    let rows = catalog_rows(db).await?;
    let schema = schema_from_catalog(db.dialect(), &rows).map_err(|e| e.to_string())?;
    Ok((schema, rows.len()))
}

/// The rows of every catalog query, keyed by query name (what
/// `schemaFromCatalog` takes in the JS API).
pub async fn catalog_rows(db: &mut Db) -> Result<BTreeMap<String, Vec<serde_json::Value>>, String> {
    let mut rows = BTreeMap::new();
    for q in catalog_queries(db.dialect()) {
        let r = db.query(&q.sql).await.map_err(|e| format!("catalog query `{}` failed on {}: {e}", q.name, db.url))?;
        rows.insert(q.name.to_string(), r.to_json());
    }
    Ok(rows)
}

/// Connect to `url` and introspect (a runtime of its own: for commands and
/// sources that are not async).
pub fn introspect_url(url: &str) -> Result<(Schema, usize), String> {
    let url = DbUrl::parse(url)?;
    db::runtime().block_on(async {
        let mut db = Db::connect(&url).await.map_err(|e| e.to_string())?;
        let result = introspect(&mut db).await;
        db.close().await;
        result
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IntrospectReport {
    /// The URL without its password.
    pub database: String,
    pub dialect: Dialect,
    pub catalog_queries: usize,
    pub schema: Schema,
}

/// `driftgate introspect URL`.
pub fn run(url: &str) -> Result<IntrospectReport, String> {
    let shown = DbUrl::parse(url)?;
    let (schema, catalog_queries) = introspect_url(url)?;
    Ok(IntrospectReport { database: shown.to_string(), dialect: shown.dialect, catalog_queries, schema })
}

pub fn render_tty(r: &IntrospectReport) -> String {
    let mut o = format!("{}: {}, {} table(s), {} catalog queries\n", r.database, r.dialect.name(), r.schema.tables.len(), r.catalog_queries);
    o.push_str(&crate::replay_cmd::render_schema(&r.schema));
    o
}
