//! Linting a whole migration folder: each migration is linted against the
//! schema the migrations before it produce, with the transaction semantics
//! of the tool that runs it (Prisma, Drizzle, driftgate for plain folders).

use super::{lint_and_replay, HistoryKind, LintOptions, LintResult};
use crate::history::{History, HistoryFormat};
use crate::replay::Replayer;
use crate::sql;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MigrationLint {
    pub name: String,
    /// Path relative to the folder.
    pub path: String,
    pub is_down: bool,
    #[serde(flatten)]
    pub result: LintResult,
}

/// The options a history implies: its dialect (unless the caller set one
/// explicitly) and the runner's transaction semantics.
pub fn options_for(history: &History, base: &LintOptions, dialect_explicit: bool) -> LintOptions {
    let mut o = base.clone();
    if !dialect_explicit {
        if let Some(d) = history.dialect {
            o.dialect = d;
        }
    }
    o.history = match history.format {
        HistoryFormat::Prisma => HistoryKind::Prisma,
        HistoryFormat::Drizzle => HistoryKind::Drizzle,
        HistoryFormat::Plain => HistoryKind::Plain,
    };
    o
}

/// Lint the migrations for which `selected(path)` is true (all are replayed,
/// so each selected one sees the schema before it). Down files are linted
/// as rollbacks against the schema after their up migration.
pub fn lint_history(history: &History, opts: &LintOptions, selected: &dyn Fn(&str) -> bool) -> Vec<MigrationLint> {
    let mut replayer = Replayer::new(opts.dialect);
    let mut out = Vec::new();
    for m in &history.migrations {
        let file = sql::analyze(&m.sql, opts.dialect);
        if selected(&m.path) {
            let (result, after) = lint_and_replay(&m.sql, &file, opts, replayer.schema());
            out.push(MigrationLint { name: m.name.clone(), path: m.path.clone(), is_down: false, result });
            replayer = Replayer::from_schema(after);
        } else {
            replayer.apply_file(&m.path, &m.sql, &file);
        }
        if let (Some(down_path), Some(down_sql)) = (&m.down_path, &m.down_sql) {
            if selected(down_path) {
                let down_opts = LintOptions { is_down: true, ..opts.clone() };
                let result = super::lint_with_schema(down_sql, &down_opts, replayer.schema());
                out.push(MigrationLint { name: m.name.clone(), path: down_path.clone(), is_down: true, result });
            }
        }
    }
    out
}
