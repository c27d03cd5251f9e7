//! `driftgate validate`: the live catalog against the history the database
//! says it applied (and against the schema file with `--schema`). Drift is
//! judged by the core ([`driftgate_core::check::drift_against`]); this
//! module only fetches the three copies.

use crate::db::Db;
use crate::deploy_cmd::{load, read_rows};
use driftgate_core::check::{self, Drift, TargetKind};
use driftgate_core::deploy::{self, State};
use driftgate_core::history::Migration;
use driftgate_core::replay;
use driftgate_core::schema::Schema;
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// What the live database was compared with.
    pub against: String,
    pub changes: Vec<Drift>,
    /// Objects only the history holds that the schema file cannot express.
    pub inexpressible: Vec<String>,
    /// SQL that would bring the database to `against` (review it: it is
    /// the drift, not a migration to run blindly).
    pub sql: String,
}

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
    pub history: Comparison,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<Comparison>,
    /// Statements the replay could not model (their effect is unknown).
    pub unmodelled: Vec<String>,
    /// Catalog queries run (fixed, whatever the number of tables).
    pub catalog_queries: usize,
    pub drift: bool,
}

fn comparison(expected: &Schema, live: &Schema, against: &str, kind: TargetKind) -> Comparison {
    // `drift_against(a, b)` reads "b has / lacks": the live database is b.
    let report = check::drift_against(expected, live, "the database", kind);
    let changes = report
        .drift
        .into_iter()
        .map(|mut d| {
            d.message = d
                .message
                .replace("produced by the migrations but not in the database", &format!("in {against} but missing from the database"))
                .replace("in the database but not produced by the migrations", &format!("in the database but not in {against}"));
            d
        })
        .collect();
    // The SQL that turns the database back into what was expected.
    let back = driftgate_core::diff::diff(live, expected, &Default::default());
    Comparison {
        against: against.to_string(),
        changes,
        inexpressible: report.inexpressible,
        sql: driftgate_core::diff::render_sql(&back, live.dialect),
    }
}

pub fn run(dir: &Path, url: &str, schema_spec: Option<&str>) -> Result<ValidateReport, String> {
    let p = load(dir, url)?;
    let dialect = p.url.dialect;
    let target = match schema_spec {
        Some(spec) => Some((spec.to_string(), crate::diff_cmd::load(&schema_source(spec), Some(dialect))?)),
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

    // The history as the database ran it: applied migrations, and the
    // statements that ran of a failed or interrupted one.
    let mut ran: Vec<Migration> = Vec::new();
    let mut pending = Vec::new();
    for (m, st) in p.history.migrations.iter().zip(&status.migrations) {
        match st.state {
            State::Applied | State::Edited => ran.push(m.clone()),
            State::Failed | State::Interrupted => {
                let done = st.statements_done.unwrap_or(0);
                let stmts = deploy::statements_of(m, dialect);
                let mut partial = m.clone();
                partial.sql = stmts[..done.min(stmts.len())].iter().map(|s| format!("{};\n", s.sql)).collect();
                ran.push(partial);
            }
            State::Pending | State::OutOfOrder => pending.push(m.name.clone()),
        }
    }
    let mut applied_history = p.history.clone();
    applied_history.migrations = ran;
    let replayed = replay::replay_history(&applied_history, Some(dialect));
    let unmodelled = replayed.unmodelled.iter().map(|u| format!("{} line {}: {} ({})", u.migration, u.line, u.kind, u.reason)).collect();

    let history = comparison(&replayed.schema, &live, "the applied migrations", TargetKind::Other);
    let schema = target.map(|(spec, loaded)| {
        let kind = if spec.starts_with("prisma:") || spec.ends_with(".prisma") { TargetKind::Prisma } else { TargetKind::Other };
        comparison(&loaded.schema, &live, &spec, kind)
    });
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

/// `--schema` accepts a source spec or a bare path (by its extension).
fn schema_source(spec: &str) -> String {
    if spec.contains(':') && !spec.starts_with('/') && !spec.starts_with('.') {
        return spec.to_string();
    }
    let path = Path::new(spec);
    if spec.ends_with(".prisma") || path.join("schema.prisma").exists() {
        format!("prisma:{spec}")
    } else if spec.ends_with(".sql") {
        format!("sql:{spec}")
    } else {
        format!("drizzle:{spec}")
    }
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
        for i in &c.inexpressible {
            let _ = writeln!(o, "    note: {i}");
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
