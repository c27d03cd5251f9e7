//! Facts about locks and tables at any statement of a file, shared by the
//! batch A locking, transaction and timeout rules.
//!
//! The engine gives a rule the schema just before *its* statement. Rules that
//! must know whether an *earlier* statement would have been flagged (to report
//! once per file) or which earlier statement took a lock use these helpers,
//! which answer from the file's statements and the schema before the file.

use super::locks;
use crate::lint::Cx;
use crate::sql::ddl::{AlterAction, ConstraintDef, Ddl, QName};
use crate::sql::Statement;

/// Whether table `q` existed before the migration, as seen just before the
/// statement at index `at`: not created by an earlier statement of the file,
/// and either in the schema before the file or unknown to the model (an
/// unknown table is assumed to be an existing one).
pub fn existed_at(cx: &Cx, at: usize, q: &QName) -> bool {
    if at == cx.stmt.index {
        return cx.table_existed(q);
    }
    let k = cx.key(q);
    let initially = cx.initial.tables.contains_key(&k);
    let created = cx.file.statements[..at.min(cx.file.statements.len())]
        .iter()
        .any(|s| matches!(&s.ddl, Ddl::CreateTable { name, if_not_exists, .. } if super::support::has_key(cx.dialect(), &cx.state.current_schema, name, &k) && !(*if_not_exists && initially)));
    !created && (initially || !cx.schema.tables.contains_key(&k))
}

/// The table that owns index `index` (a plain index or the index behind a
/// unique constraint), looked up in the schema before this statement and
/// then in the schema before the file. `None` when the model does not know
/// the index.
pub fn index_table(cx: &Cx, index: &QName) -> Option<QName> {
    let schema = match cx.dialect() {
        crate::Dialect::Postgres => index.schema.clone().unwrap_or_else(|| cx.state.current_schema.clone()),
        crate::Dialect::Mysql => String::new(),
    };
    [cx.schema, cx.initial].into_iter().find_map(|s| {
        s.tables.values().find(|t| {
            t.schema == schema && (t.indexes.iter().any(|i| i.name == index.name) || t.uniques.iter().any(|u| u.name == index.name))
        })
    })
    .map(|t| QName {
        schema: (t.schema != cx.state.current_schema && !t.schema.is_empty()).then(|| t.schema.clone()),
        name: t.name.clone(),
    })
}

/// A lock that conflicts with ordinary reads or writes, taken on a table
/// that existed before the migration.
#[derive(Clone, Debug, PartialEq)]
pub struct Blocking {
    /// The table, for display (already quoted where needed).
    pub table: String,
    /// `ACCESS EXCLUSIVE`, `SHARE` or `SHARE ROW EXCLUSIVE`.
    pub lock: &'static str,
    /// What blocks while the lock is held or queued: `reads and writes` or `writes`.
    pub blocks: &'static str,
}

pub const ACCESS_EXCLUSIVE: &str = "ACCESS EXCLUSIVE";

impl Blocking {
    /// "an ACCESS EXCLUSIVE lock", "a SHARE lock".
    pub fn a_lock(&self) -> String {
        let article = if self.lock.starts_with('A') { "an" } else { "a" };
        format!("{article} {} lock", self.lock)
    }
}

/// The blocking lock `stmt` takes on an existing Postgres table, if any:
/// every statement [`locks::access_exclusive_table`] knows, a plain
/// `CREATE INDEX` (SHARE) and `ADD CONSTRAINT … FOREIGN KEY` (SHARE ROW
/// EXCLUSIVE, on the table and on the referenced table).
pub fn blocking_lock(cx: &Cx, stmt: &Statement) -> Option<Blocking> {
    if !cx.is_pg() {
        return None;
    }
    let at = stmt.index;
    let existing = |q: &QName| existed_at(cx, at, q);
    if let Some(raw) = locks::access_exclusive_table(cx.src, stmt, cx.dialect()) {
        let table = match &stmt.ddl {
            Ddl::AlterTable { name, .. } => existing(name).then(|| cx.qname(name)),
            Ddl::DropTable { names, .. } | Ddl::Truncate { tables: names } => names.iter().find(|n| existing(n)).map(|n| cx.qname(n)),
            Ddl::DropIndex { names, .. } => names.iter().find_map(|n| match index_table(cx, n) {
                Some(t) => existing(&t).then(|| cx.qname(&t)),
                None => Some(format!("the table of index {}", cx.qname(n))),
            }),
            Ddl::Other { verb, name: Some(n), .. } if verb == "lock" => existing(n).then(|| cx.qname(n)),
            _ => {
                // VACUUM FULL / CLUSTER: the name as the lock helper read it.
                const NOT_A_TABLE: &[&str] = &["full", "verbose", "analyze", "analyse", "freeze", "vacuum", "cluster"];
                if NOT_A_TABLE.iter().any(|w| raw.eq_ignore_ascii_case(w)) {
                    Some("every table it processes".to_string())
                } else {
                    let q = QName::from_parts(raw.split('.').map(str::to_string).collect());
                    existing(&q).then(|| cx.qname(&q))
                }
            }
        }?;
        return Some(Blocking { table, lock: ACCESS_EXCLUSIVE, blocks: "reads and writes" });
    }
    match &stmt.ddl {
        Ddl::CreateIndex { table, concurrently: false, .. } if existing(table) => {
            Some(Blocking { table: cx.qname(table), lock: "SHARE", blocks: "writes" })
        }
        Ddl::AlterTable { name, actions, .. }
            if existing(name) && actions.iter().any(|a| matches!(a, AlterAction::AddConstraint { constraint: ConstraintDef::ForeignKey { .. }, .. })) =>
        {
            Some(Blocking { table: cx.qname(name), lock: "SHARE ROW EXCLUSIVE", blocks: "writes" })
        }
        _ => None,
    }
}

/// Which session timeout a rule is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timeout {
    Lock,
    Statement,
}

impl Timeout {
    fn set_in(self, cx: &Cx) -> bool {
        match self {
            Timeout::Lock => cx.state.lock_timeout_set,
            Timeout::Statement => cx.state.statement_timeout_set,
        }
    }

    /// What a `SET` statement does to this timeout (`Some(true)` set,
    /// `Some(false)` turned off), read the way the engine reads it.
    fn effect(self, stmt: &Statement) -> Option<bool> {
        let Ddl::Set { name, value, .. } = &stmt.ddl else { return None };
        let names: &[&str] = match self {
            Timeout::Lock => &["lock_timeout", "innodb_lock_wait_timeout", "lock_wait_timeout"],
            Timeout::Statement => &["statement_timeout", "max_execution_time", "max_statement_time"],
        };
        if !names.contains(&name.as_str()) {
            return None;
        }
        let v = value.trim().trim_matches('\'').trim();
        Some(!(v == "0" || v.eq_ignore_ascii_case("default")))
    }
}

/// The blocking lock of the current statement when it is the first one in
/// the file that takes one with `timeout` not set. Later statements are not
/// reported: one `SET` at the top of the file fixes them all.
pub fn first_unprotected(cx: &Cx, timeout: Timeout) -> Option<Blocking> {
    if timeout.set_in(cx) {
        return None;
    }
    let here = blocking_lock(cx, cx.stmt)?;
    let mut set = false;
    for s in &cx.file.statements[..cx.stmt.index] {
        if !set && blocking_lock(cx, s).is_some() {
            return None;
        }
        if let Some(on) = timeout.effect(s) {
            set = on;
        }
    }
    Some(here)
}

/// The statement that took an ACCESS EXCLUSIVE lock on an existing table in
/// the current transaction, if any, with its table.
pub fn exclusive_lock_held<'a>(cx: &Cx<'a>) -> Option<(&'a Statement, Blocking)> {
    let (first, _) = cx.state.access_exclusive.as_ref()?;
    if !cx.in_transaction() {
        return None;
    }
    cx.file.statements[(*first).min(cx.stmt.index)..cx.stmt.index]
        .iter()
        .find_map(|s| blocking_lock(cx, s).filter(|b| b.lock == ACCESS_EXCLUSIVE).map(|b| (s, b)))
}

/// Transaction control and session settings: statements that take no lock
/// and do no work while a lock is held.
pub fn is_bookkeeping(stmt: &Statement) -> bool {
    matches!(&stmt.ddl, Ddl::Transaction { .. } | Ddl::Set { .. }) || matches!(&stmt.ddl, Ddl::Other { verb, .. } if verb == "reset")
}
