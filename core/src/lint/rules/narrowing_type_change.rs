//! # narrowing-type-change
//!
//! **Flags** a column type change, on a table that existed before this
//! migration, to a type that cannot hold every value of the current one
//! (`ALTER COLUMN … TYPE` on Postgres, `MODIFY`/`CHANGE` on MySQL). The
//! current type comes from the replayed schema, so the column must be known.
//!
//! - shorter strings: `varchar(255)` → `varchar(50)`, `text` → `varchar(n)`,
//!   MySQL `TEXT` → `VARCHAR(n)`, `LONGTEXT` → `TEXT`; binary likewise;
//! - smaller integers or a sign change: `bigint` → `integer`, MySQL
//!   `INT UNSIGNED` → `INT`, `INT` → `INT UNSIGNED`;
//! - fewer digits: `numeric(12,4)` → `numeric(12,2)` (scale),
//!   `numeric(12,2)` → `numeric(8,2)` (integer digits), `numeric`/floats →
//!   integers, `bigint` → `numeric(10,0)`, `double precision` → `real`,
//!   `bigint` → `double precision` (beyond 2^53);
//! - time: `timestamptz` → `timestamp` (drops the zone), `timestamp` →
//!   `date` (drops the time), `timestamp(6)` → `timestamp(3)`, MySQL
//!   `DATETIME` → `TIMESTAMP` (1970–2038);
//! - parsing: `text`/`varchar` → a number, boolean, date, `uuid`, `jsonb`…;
//! - MySQL `ENUM` values removed.
//!
//! User-defined types (enums on Postgres) are left to other rules.
//!
//! **Why it is dangerous.** On Postgres a value that does not fit makes the
//! statement fail (`value too long for type character varying(50)`,
//! `integer out of range`) and the deploy stops half-way — or, for scale,
//! precision and time zones, the value is changed silently. On MySQL strict
//! mode fails the same way; without strict mode values are cut, clamped or
//! zeroed with only a warning. Either way code of the previous release may
//! still write values the new type cannot hold.
//!
//! **Safe alternative.** Count the rows that would not survive, with the
//! query from the help (for `users.name` to `varchar(50)`):
//!
//! ```sql
//! SELECT count(*) FROM users WHERE char_length(name) > 50;
//! ```
//!
//! If it is not 0, fix or convert those rows explicitly first (on Postgres a
//! `USING` expression states the conversion), make the application enforce
//! the new limit, or keep the wider type.
//!
//! **Examples**
//!
//! ```sql
//! ALTER TABLE users ALTER COLUMN name TYPE varchar(50);   -- flagged when name was varchar(255)
//! ALTER TABLE users ALTER COLUMN name TYPE varchar(500);  -- not flagged (widening)
//! ALTER TABLE `users` MODIFY `age` TINYINT;               -- flagged when age was INT
//! ```

use super::type_change::{column, narrowing};
use crate::lint::{Cx, Emitter, RuleMeta, Severity};
use crate::schema::normalize::normalize_type;
use crate::sql::ddl::{AlterAction, Ddl};
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "narrowing-type-change",
    severity: Severity::Error,
    default_enabled: true,
    dialect: None,
    summary: "type change to a type that cannot hold every existing value (shorter, smaller, less precise, no time zone)",
    source: doc_source!(include_str!("narrowing_type_change.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let Ddl::AlterTable { name, actions, .. } = &cx.stmt.ddl else { return };
    if !cx.table_existed(name) {
        return;
    }
    let d = cx.dialect();
    let table = cx.table(name);
    let t = cx.qname(name);
    for a in actions {
        let (col, type_text, using) = match (a, d) {
            (AlterAction::AlterColumnType { column, type_text, using }, Dialect::Postgres) => (column, type_text, using.as_deref()),
            (AlterAction::ModifyColumn { column: def }, Dialect::Mysql) => (&def.name, &def.type_text, None),
            (AlterAction::ChangeColumn { from, column: def }, Dialect::Mysql) => (from, &def.type_text, None),
            _ => continue,
        };
        let Some(old) = column(table, col, d) else { continue };
        let new = normalize_type(type_text, d).name;
        let c = cx.ident(col);
        let Some(n) = narrowing(&old.data_type, &new, d, cx.opts.pg_version, &c) else { continue };
        let mut help = match &n.check {
            Some(cond) => format!("Count the rows that would not survive first: `SELECT count(*) FROM {t} WHERE {cond};`. If it is not 0, fix or convert those rows explicitly before the change, or keep {}.", old.data_type),
            None if old.data_type.starts_with("timestamptz") && !new.starts_with("timestamptz") => {
                "Keep timestamptz: it stores an instant and shows it in the session's time zone. If local wall-clock times are needed, add a separate column for them.".to_string()
            }
            None => format!("Check that no existing value is affected before the change (or convert the rows explicitly), or keep {}.", old.data_type),
        };
        if using.is_some() {
            help.push_str(" The USING expression decides the conversion: make sure it keeps what matters.");
        }
        help.push_str(" Code of the previous release must not write values the new type cannot hold.");
        out.emit(format!("changing {t}.{c} from {} to {new} can lose data: {}", old.data_type, n.reasons.join("; ")), help);
    }
}
