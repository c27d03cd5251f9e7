//! # drop-schema
//!
//! **Flags** `DROP SCHEMA … CASCADE` of a schema that existed before this
//! migration, and `DROP SCHEMA` without `CASCADE` of a schema that still
//! holds tables, enums, sequences or views (the statement fails). On MySQL,
//! `DROP SCHEMA` / `DROP DATABASE` always drops everything in it. A schema
//! created earlier in the same migration is not flagged, nor a Postgres
//! `DROP SCHEMA` without `CASCADE` of a schema driftgate knows to be empty
//! (it succeeds, or fails harmlessly on objects the model does not track).
//!
//! **Why it is dangerous.** `CASCADE` silently drops every table in the
//! schema with all its rows, plus its types, sequences, views and functions,
//! and the foreign keys and views elsewhere that point into it. There is no
//! undo short of a backup restore, and every query of the previous release
//! against the schema fails at once. Without `CASCADE` Postgres refuses to
//! drop a non-empty schema, so the migration fails halfway through the deploy.
//!
//! **Safe alternative.** Move what you still need out first
//! (`ALTER TABLE billing.invoices SET SCHEMA public;`), ship code that no
//! longer uses the schema, and keep the step reversible for one release by
//! renaming instead of dropping:
//!
//! ```sql
//! ALTER SCHEMA billing RENAME TO billing_deprecated;   -- reversible
//! -- a later migration, once nothing broke (and after a pg_dump --schema=billing_deprecated):
//! DROP SCHEMA billing_deprecated CASCADE;
//! ```
//!
//! **Examples**
//!
//! ```sql
//! DROP SCHEMA billing CASCADE;         -- flagged when billing existed
//! DROP SCHEMA billing;                 -- flagged when billing still has tables (it fails)
//! CREATE SCHEMA scratch; DROP SCHEMA scratch CASCADE;   -- not flagged: created in this migration
//! ```

use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::sql::ddl::Ddl;
use crate::Dialect;

use super::support::list;

pub static RULE: RuleMeta = RuleMeta {
    id: "drop-schema",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "DROP SCHEMA (CASCADE) deletes every table in the schema with its rows",
    source: doc_source!(include_str!("drop_schema.rs")),
    check,
    check_file: None,
};

/// Whether a `CREATE SCHEMA name` ran earlier in this file.
fn created_in_this_file(cx: &Cx, name: &str) -> bool {
    cx.file.statements[..cx.stmt.index.min(cx.file.statements.len())]
        .iter()
        .any(|s| matches!(&s.ddl, Ddl::CreateSchema { name: n, .. } if n == name))
}

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::DropSchema { names, cascade, .. } = &cx.stmt.ddl else { return };
    let mysql = cx.dialect() == Dialect::Mysql;
    // MySQL's DROP SCHEMA is DROP DATABASE: it always takes everything with it.
    let cascade = *cascade || mysql;
    for n in names {
        if created_in_this_file(cx, n) {
            continue;
        }
        let s = cx.ident(n);
        // What the model knows lives in the schema (Postgres; MySQL has one namespace per database).
        let mut tables: Vec<String> =
            if mysql { Vec::new() } else { cx.schema.tables.values().filter(|t| &t.schema == n).map(|t| cx.ident(&t.name)).collect() };
        tables.sort();
        let others = if mysql {
            0
        } else {
            cx.schema.enums.values().filter(|e| &e.schema == n).count()
                + cx.schema.sequences.values().filter(|x| &x.schema == n).count()
                + cx.schema.views.values().filter(|v| &v.schema == n).count()
        };
        let contents = match (tables.len(), others) {
            (0, 0) => None,
            (0, o) => Some(format!("its {o} type(s), sequence(s) or view(s)")),
            (1, _) => Some(format!("table {}", tables[0])),
            (k, _) => Some(format!("{k} tables ({})", list(&tables, 4))),
        };
        let archive = cx.ident(&format!("{n}_deprecated"));
        if cascade {
            let what = match &contents {
                Some(c) => format!("deletes {c} with all their rows"),
                None => "deletes every table in it with all their rows".into(),
            };
            let verb = match (mysql, cx.stmt.tokens.get(1).is_some_and(|t| t.is_word(cx.src, "database"))) {
                (true, true) => format!("DROP DATABASE {s}"),
                (true, false) => format!("DROP SCHEMA {s}"),
                _ => format!("DROP SCHEMA {s} CASCADE"),
            };
            let tail = if mysql { "" } else { ", and everything elsewhere that depends on them (foreign keys, views)" };
            let help = if mysql {
                format!("Ship code that no longer uses {s} first, and take a backup (`mysqldump {n} > {n}.sql`). Move tables you still need out with `RENAME TABLE {s}.t TO other_db.t;`, then drop {s} in a later migration once nothing broke.")
            } else {
                format!("Ship code that no longer uses {s} first and move what you still need out (`ALTER TABLE {s}.t SET SCHEMA public;`). Make the step reversible for one release: `ALTER SCHEMA {s} RENAME TO {archive};`, and drop {archive} in a later migration (after `pg_dump --schema={n}_deprecated`).")
            };
            out.emit(format!("{verb} {what}{tail}"), help);
        } else if let Some(c) = contents {
            out.emit(
                format!("DROP SCHEMA {s} fails: the schema still holds {c} (RESTRICT is the default), so the migration stops halfway"),
                format!("Drop or move the objects first, each in its own reviewed statement (`ALTER TABLE {s}.t SET SCHEMA public;` keeps the rows), or rename the schema out of the way for one release: `ALTER SCHEMA {s} RENAME TO {archive};`. Do not just add CASCADE: it deletes the rows."),
            );
        }
    }
}
