//! `driftgate doctor`: runs the core's doctor queries and prints its
//! judgement (connection budget, pooler, privileges).

use crate::db::{Db, DbUrl};
use crate::deploy_cmd::detect_route;
use driftgate_core::doctor::{self, Level, Report};
use std::collections::BTreeMap;

pub fn run(url: &str, backfill_connections: u64) -> Result<Report, String> {
    let url = DbUrl::parse(url)?;
    let rt = crate::db::runtime();
    rt.block_on(async {
        let mut db = match Db::connect(&url).await {
            Ok(db) => db,
            Err(e) if e.is_too_many_connections() => return Err(doctor::refused_for_connections(&e.to_string())),
            Err(e) => return Err(e.to_string()),
        };
        let route = detect_route(&mut db).await.map_err(|e| e.to_string())?;
        let mut rows = BTreeMap::new();
        for q in doctor::queries(url.dialect) {
            let result = db.query(q.sql).await.map_err(|e| format!("doctor query `{}` failed: {e}", q.name))?;
            rows.insert(q.name.to_string(), result.to_json());
        }
        db.close().await;
        doctor::diagnose(url.dialect, &rows, route, backfill_connections)
    })
}

pub fn render_tty(r: &Report, database: &str) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(o, "{database} as {}: {} of {} connections in use, {} reserved", r.role, r.in_use, r.max_connections, r.reserved_connections);
    for f in &r.findings {
        let mark = match f.level {
            Level::Ok => "ok     ",
            Level::Info => "info   ",
            Level::Warning => "warning",
            Level::Error => "ERROR  ",
        };
        let _ = writeln!(o, "  {mark} [{}] {}", f.id, f.message);
        if !f.help.is_empty() {
            let _ = writeln!(o, "          {}", f.help);
        }
    }
    o
}
