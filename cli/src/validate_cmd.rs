//! `driftgate validate`: the live catalog against the history the database
//! says it applied (and against the schema file with `--schema`). Drift is
//! judged by the core ([`driftgate_core::check::live_drift`] over
//! [`driftgate_core::deploy::ran_history`]); this
//! module only fetches the three copies.

use crate::db::Db;
use crate::deploy_cmd::{load, read_rows};
use driftgate_core::check::{self, LiveDrift};
use driftgate_core::deploy;
use driftgate_core::replay;
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidateReport {
    pub version: u32,
    pub folder: String,
    pub database: String,
    /// Migrations replayed (applied, plus the statements that ran of a
    /// failed or interrupted one).
    pub replayed: Vec<String>,
    /// Pending migrations are not part of the comparison.
    pub pending: Vec<String>,
    pub history: LiveDrift,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<LiveDrift>,
    /// Statements the replay could not model (their effect is unknown).
    pub unmodelled: Vec<String>,
    /// Catalog queries run (fixed, whatever the number of tables).
    pub catalog_queries: usize,
    pub drift: bool,
}

pub fn run(dir: &Path, url: &str, schema_spec: Option<&str>) -> Result<ValidateReport, String> {
    let p = load(dir, url)?;
    let dialect = p.url.dialect;
    let target = match schema_spec {
        Some(spec) => Some((spec.to_string(), crate::diff_cmd::load(&check::schema_spelling(spec, Path::new(spec).is_dir()), Some(dialect))?)),
        None => None,
    };
    let rt = crate::db::runtime();
    let (rows, live, queries) = rt.block_on(async {
        let mut db = Db::connect(&p.url).await.map_err(|e| e.to_string())?;
        let rows = read_rows(&mut db, &p.store).await.map_err(|e| e.to_string())?;
        let (live, queries) = crate::introspect::introspect(&mut db).await?;
        db.close().await;
        Ok::<_, String>((rows, live, queries))
    })?;
    let status = deploy::status(&p.history, dialect, &rows);

    let (applied_history, pending) = deploy::ran_history(&p.history, dialect, &status);
    let replayed = replay::replay_history(&applied_history, Some(dialect));
    let unmodelled = replayed.unmodelled.iter().map(|u| format!("{} line {}: {} ({})", u.migration, u.line, u.kind, u.reason)).collect();

    let history = check::live_drift(&replayed.schema, "the applied migrations", &live);
    let schema = target.map(|(spec, loaded)| check::live_drift(&loaded.schema, &spec, &live));
    let drift = !history.changes.is_empty() || schema.as_ref().is_some_and(|s| !s.changes.is_empty());
    Ok(ValidateReport {
        version: 1,
        folder: p.dir.display().to_string(),
        database: p.url.to_string(),
        replayed: applied_history.migrations.iter().map(|m| m.name.clone()).collect(),
        pending,
        history,
        schema,
        unmodelled,
        catalog_queries: queries,
        drift,
    })
}

pub fn render_tty(r: &ValidateReport) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(o, "{} against {} ({} migration(s) applied{})", r.database, r.folder, r.replayed.len(), if r.pending.is_empty() { String::new() } else { format!(", {} pending not compared", r.pending.len()) });
    for c in std::iter::once(&r.history).chain(r.schema.as_ref()) {
        if c.changes.is_empty() {
            let _ = writeln!(o, "  matches {}", c.against);
            continue;
        }
        let _ = writeln!(o, "  DRIFT against {}: {} difference(s)", c.against, c.changes.len());
        for d in &c.changes {
            let _ = writeln!(o, "    {}: {}", d.object, d.message);
        }
        if !c.sql.trim().is_empty() {
            let _ = writeln!(o, "  SQL that would bring the database back to {} (review before running):", c.against);
            for line in c.sql.lines() {
                let _ = writeln!(o, "    {line}");
            }
        }
    }
    if !r.unmodelled.is_empty() {
        let _ = writeln!(o, "  {} statement(s) of the history could not be modelled; their effect is not compared", r.unmodelled.len());
    }
    o
}
