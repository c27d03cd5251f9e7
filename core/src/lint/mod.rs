//! Lint (DESIGN §5): rules that see each statement *and the replayed schema
//! before it*.
//!
//! The engine walks a file statement by statement with a [`Replayer`], so a
//! rule can ask whether a table existed before this migration, was created
//! earlier in it, or is gone. File-level state (transactions, timeouts,
//! ACCESS EXCLUSIVE locks taken) is tracked once here, not in every rule.
//! Each rule lives in its own file under `rules/`; its `//!` comment is its
//! documentation, served by `driftgate explain` and `docs/rules.md`.

/// A rule's `source`: the leading documentation of its source file (what
/// [`doc_of`] reads), cut at compile time, so the binaries (the wasm package
/// above all) carry the documentation and not the rule's code a second time.
/// `doc_source!(include_str!("rule.rs"))`.
macro_rules! doc_source {
    ($src:expr) => {{
        const LEN: usize = $crate::lint::doc_prefix_len($src);
        const DOC: [u8; LEN] = $crate::lint::prefix_bytes::<LEN>($src);
        match ::core::str::from_utf8(&DOC) {
            Ok(doc) => doc,
            Err(_) => panic!("a rule's documentation prefix is not UTF-8"),
        }
    }};
}

pub mod catalog;
pub mod history;
pub mod rules;
pub mod suppress;

use crate::replay::Replayer;
use crate::schema::{self, Schema, Table};
use crate::span::{LineIndex, Span};
use crate::sql::ddl::{AlterAction, ConstraintDef, Ddl, QName, References};
use crate::sql::{self, SqlFile, Statement};
use crate::Dialect;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// How a migration is run, which decides whether it is inside a transaction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HistoryKind {
    /// `prisma migrate deploy`: the whole migration.sql is one simple query,
    /// so a file of several statements runs in one implicit transaction.
    Prisma,
    /// drizzle-orm's migrator: all pending migrations in one transaction.
    Drizzle,
    /// A plain folder applied by driftgate: one transaction per migration,
    /// statement by statement when it holds CONCURRENTLY and friends.
    #[default]
    Plain,
}

impl HistoryKind {
    pub fn parse(s: &str) -> Option<HistoryKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "prisma" => Some(HistoryKind::Prisma),
            "drizzle" => Some(HistoryKind::Drizzle),
            "plain" | "sql" => Some(HistoryKind::Plain),
            _ => None,
        }
    }
}

/// A rule's configured level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Info,
    Warning,
    Error,
}

impl RuleLevel {
    pub fn parse(s: &str) -> Option<RuleLevel> {
        match s.trim().to_ascii_lowercase().as_str() {
            "off" | "false" | "none" => Some(RuleLevel::Off),
            "on" | "true" => None,
            other => Severity::parse(other).map(RuleLevel::from),
        }
    }
}

impl From<Severity> for RuleLevel {
    fn from(s: Severity) -> Self {
        match s {
            Severity::Info => RuleLevel::Info,
            Severity::Warning => RuleLevel::Warning,
            Severity::Error => RuleLevel::Error,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LintOptions {
    pub dialect: Dialect,
    /// Postgres major version the migrations run on.
    pub pg_version: u32,
    pub history: HistoryKind,
    /// Per-rule level overrides (`off` turns a rule off; a severity turns
    /// it on at that level).
    pub rules: BTreeMap<String, RuleLevel>,
    /// Treat every statement as inside a transaction (a runner that wraps).
    pub assume_in_transaction: bool,
    /// This file is a down/rollback migration.
    pub is_down: bool,
}

impl Default for LintOptions {
    fn default() -> Self {
        LintOptions {
            dialect: Dialect::Postgres,
            pg_version: 15,
            history: HistoryKind::Plain,
            rules: BTreeMap::new(),
            assume_in_transaction: false,
            is_down: false,
        }
    }
}

/// A mechanical fix: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The safe alternative, concretely, with the user's own names.
    pub help: String,
    pub span: Span,
    /// Index of the statement (as in [`crate::sql::Statement::index`]).
    pub statement: Option<usize>,
    pub fix: Option<Fix>,
}

/// Everything a rule sees when checking one statement.
pub struct Cx<'a> {
    pub src: &'a str,
    pub opts: &'a LintOptions,
    pub file: &'a SqlFile,
    pub stmt: &'a Statement,
    /// The schema just before this statement.
    pub schema: &'a Schema,
    /// The schema before this file (the migration) started.
    pub initial: &'a Schema,
    pub state: &'a FileState,
    /// `table_existed` answers for this statement: every rule asks about the
    /// same one or two tables.
    existed: std::cell::RefCell<Vec<(QName, bool)>>,
    /// Where the file declares foreign keys, found once per file on first use.
    fk_sites: &'a std::cell::OnceCell<Vec<(usize, FkSite)>>,
}

/// Where a foreign key is declared in a statement.
#[derive(Clone, Copy, Debug)]
enum FkSite {
    /// `CREATE TABLE` column `n` with `REFERENCES`.
    Column(usize),
    /// `CREATE TABLE` table constraint `n`.
    Constraint(usize),
    /// `ALTER TABLE` action `n` (`ADD CONSTRAINT … FOREIGN KEY`, `ADD COLUMN … REFERENCES`).
    Action(usize),
}

/// A foreign key the file declares.
pub struct ForeignKeyRef<'a> {
    /// The referencing table, as written.
    pub table: &'a QName,
    /// The referencing columns.
    pub columns: &'a [String],
    pub references: &'a References,
}

fn fk_sites(file: &SqlFile) -> Vec<(usize, FkSite)> {
    let mut out = Vec::new();
    for (i, s) in file.statements.iter().enumerate() {
        match &s.ddl {
            Ddl::CreateTable { columns, constraints, .. } => {
                out.extend(columns.iter().enumerate().filter(|(_, c)| c.references.is_some()).map(|(n, _)| (i, FkSite::Column(n))));
                out.extend(constraints.iter().enumerate().filter(|(_, c)| matches!(c, ConstraintDef::ForeignKey { .. })).map(|(n, _)| (i, FkSite::Constraint(n))));
            }
            Ddl::AlterTable { actions, .. } => out.extend(
                actions
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| match a {
                        AlterAction::AddConstraint { constraint: ConstraintDef::ForeignKey { .. }, .. } => true,
                        AlterAction::AddColumn { column, .. } => column.references.is_some(),
                        _ => false,
                    })
                    .map(|(n, _)| (i, FkSite::Action(n))),
            ),
            _ => {}
        }
    }
    out
}

fn fk_at(file: &SqlFile, stmt: usize, site: FkSite) -> Option<ForeignKeyRef<'_>> {
    match (&file.statements.get(stmt)?.ddl, site) {
        (Ddl::CreateTable { name, columns, .. }, FkSite::Column(n)) => {
            let c = columns.get(n)?;
            Some(ForeignKeyRef { table: name, columns: std::slice::from_ref(&c.name), references: c.references.as_ref()? })
        }
        (Ddl::CreateTable { name, constraints, .. }, FkSite::Constraint(n)) => match constraints.get(n)? {
            ConstraintDef::ForeignKey { columns, references, .. } => Some(ForeignKeyRef { table: name, columns, references }),
            _ => None,
        },
        (Ddl::AlterTable { name, actions, .. }, FkSite::Action(n)) => match actions.get(n)? {
            AlterAction::AddConstraint { constraint: ConstraintDef::ForeignKey { columns, references, .. }, .. } => Some(ForeignKeyRef { table: name, columns, references }),
            AlterAction::AddColumn { column, .. } => Some(ForeignKeyRef { table: name, columns: std::slice::from_ref(&column.name), references: column.references.as_ref()? }),
            _ => None,
        },
        _ => None,
    }
}

impl<'a> Cx<'a> {
    /// Every foreign key the file declares, in statement order (within a
    /// `CREATE TABLE`: column `REFERENCES` first, then table constraints;
    /// within an `ALTER TABLE`: in action order).
    pub fn foreign_keys(&self) -> impl Iterator<Item = ForeignKeyRef<'a>> + '_ {
        let file: &'a SqlFile = self.file;
        self.fk_sites.get_or_init(|| fk_sites(file)).iter().filter_map(move |&(stmt, site)| fk_at(file, stmt, site))
    }

    pub fn dialect(&self) -> Dialect {
        self.opts.dialect
    }

    pub fn is_pg(&self) -> bool {
        self.opts.dialect == Dialect::Postgres
    }

    pub fn key(&self, q: &QName) -> String {
        let s = match self.dialect() {
            Dialect::Postgres => q.schema.as_deref().unwrap_or(&self.state.current_schema),
            Dialect::Mysql => "",
        };
        schema::key(self.dialect(), s, &q.name)
    }

    /// The table as it is just before this statement.
    pub fn table(&self, q: &QName) -> Option<&'a Table> {
        self.schema.tables.get(&self.key(q))
    }

    /// True when the table existed before this migration started (so it may
    /// hold rows and be in use). A table created earlier in the same file is
    /// empty and unused: locking rules do not apply to it.
    pub fn table_existed(&self, q: &QName) -> bool {
        if let Some((_, known)) = self.existed.borrow().iter().find(|(n, _)| n == q) {
            return *known;
        }
        let k = self.key(q);
        let existed = !self.state.created_tables.contains(&k) && (self.initial.tables.contains_key(&k) || !self.schema.tables.contains_key(&k));
        self.existed.borrow_mut().push((q.clone(), existed));
        existed
    }

    /// Whether this statement runs inside a transaction block.
    pub fn in_transaction(&self) -> bool {
        self.state.in_transaction()
    }

    /// The statement's text.
    pub fn text(&self) -> &'a str {
        self.stmt.text(self.src)
    }

    /// Display a name the way the user wrote it would need quoting.
    pub fn ident(&self, name: &str) -> String {
        quote_ident(name, self.dialect())
    }

    pub fn qname(&self, q: &QName) -> String {
        match &q.schema {
            Some(s) => format!("{}.{}", self.ident(s), self.ident(&q.name)),
            None => self.ident(&q.name),
        }
    }
}

/// Quote an identifier only when needed.
pub fn quote_ident(name: &str, d: Dialect) -> String {
    let plain = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if plain && !is_reserved(name) {
        return name.to_string();
    }
    match d {
        Dialect::Postgres => format!("\"{}\"", name.replace('"', "\"\"")),
        Dialect::Mysql => format!("`{}`", name.replace('`', "``")),
    }
}

fn is_reserved(name: &str) -> bool {
    const RESERVED: &[&str] = &[
        "all", "and", "any", "as", "asc", "by", "case", "check", "column", "constraint", "create", "default", "desc",
        "distinct", "do", "else", "end", "for", "foreign", "from", "grant", "group", "having", "in", "index", "into",
        "is", "key", "limit", "not", "null", "on", "or", "order", "primary", "references", "select", "table", "then",
        "to", "union", "unique", "user", "using", "when", "where", "with", "order", "offset", "window",
    ];
    RESERVED.contains(&name)
}

/// File-level state before the current statement.
#[derive(Clone, Debug, Default)]
pub struct FileState {
    /// `BEGIN` seen without `COMMIT`/`ROLLBACK` (depth).
    pub explicit_tx: usize,
    /// Where the open explicit transaction began.
    pub explicit_tx_start: Option<Span>,
    /// The runner wraps the whole file in a transaction.
    pub runner_tx: bool,
    pub lock_timeout_set: bool,
    pub statement_timeout_set: bool,
    /// Tables created in this file (model keys).
    pub created_tables: BTreeSet<String>,
    /// An ACCESS EXCLUSIVE lock taken in the current transaction: (statement, table).
    pub access_exclusive: Option<(usize, String)>,
    pub current_schema: String,
    /// Every `ALTER TABLE` so far, in statement order, with what the schema
    /// held just before it (file rules read this instead of replaying the
    /// file a second time).
    pub altered: Vec<AlteredTable>,
}

/// An `ALTER TABLE` of the file, seen against the schema just before it.
#[derive(Clone, Debug)]
pub struct AlteredTable {
    pub stmt: usize,
    /// The table existed just before the statement.
    pub existed: bool,
    /// The columns it drops that the table had just before, as they were.
    pub dropped: Vec<schema::Column>,
}

impl FileState {
    pub fn in_transaction(&self) -> bool {
        self.explicit_tx > 0 || self.runner_tx
    }
}

/// Static facts about a rule; `doc` is the text of its file's `//!` comment.
pub struct RuleMeta {
    pub id: &'static str,
    pub severity: Severity,
    /// Off unless enabled in configuration (noisy style rules).
    pub default_enabled: bool,
    /// `None` for both dialects.
    pub dialect: Option<Dialect>,
    /// One line: what it flags.
    pub summary: &'static str,
    /// The rule file's leading `//!` documentation ([`doc_source!`]; the
    /// whole file would do too: [`doc_of`] reads the same lines).
    pub source: &'static str,
    pub check: fn(&Cx, &mut Emitter),
    /// Runs once after the last statement (for rules about the file as a whole).
    pub check_file: Option<fn(&FileCx, &mut Emitter)>,
}

impl RuleMeta {
    /// The rule's documentation: its source file's `//!` lines.
    pub fn doc(&self) -> String {
        doc_of(self.source)
    }
}

/// How much of a source file [`doc_of`] reads: up to the first line that
/// is neither blank nor a `//!` line. A line starting with a non-ASCII
/// character is kept (`doc_of` trims Unicode whitespace), so the prefix
/// always holds every line `doc_of` would read.
pub const fn doc_prefix_len(src: &str) -> usize {
    let b = src.as_bytes();
    let mut line = 0;
    while line < b.len() {
        let mut i = line;
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c') {
            i += 1;
        }
        let mut end = i;
        while end < b.len() && b[end] != b'\n' {
            end += 1;
        }
        let blank = i == end;
        let doc = i + 3 <= b.len() && b[i] == b'/' && b[i + 1] == b'/' && b[i + 2] == b'!';
        if !blank && !doc && b[i] < 0x80 {
            return line;
        }
        line = if end < b.len() { end + 1 } else { b.len() };
    }
    b.len()
}

/// The first `N` bytes of `src`, as an array (for [`doc_source!`]).
pub const fn prefix_bytes<const N: usize>(src: &str) -> [u8; N] {
    let b = src.as_bytes();
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        out[i] = b[i];
        i += 1;
    }
    out
}

pub fn doc_of(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("//!") {
            out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            out.push('\n');
        } else if !t.is_empty() {
            break;
        }
    }
    out.trim_end().to_string() + "\n"
}

/// What file-level rules see after the last statement.
pub struct FileCx<'a> {
    pub src: &'a str,
    pub opts: &'a LintOptions,
    pub file: &'a SqlFile,
    pub initial: &'a Schema,
    pub final_schema: &'a Schema,
    pub state: &'a FileState,
}

/// Collects a rule's diagnostics at the rule's configured severity.
pub struct Emitter {
    rule: &'static str,
    severity: Severity,
    statement: Option<usize>,
    default_span: Span,
    pub out: Vec<Diagnostic>,
}

impl Emitter {
    /// A diagnostic on the current statement.
    pub fn emit(&mut self, message: impl Into<String>, help: impl Into<String>) -> &mut Diagnostic {
        let span = self.default_span;
        self.emit_at(span, message, help)
    }

    pub fn emit_at(&mut self, span: Span, message: impl Into<String>, help: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic {
            rule: self.rule,
            severity: self.severity,
            message: message.into(),
            help: help.into(),
            span,
            statement: self.statement,
            fix: None,
        });
        self.out.last_mut().expect("just pushed")
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct LintResult {
    pub diagnostics: Vec<Diagnostic>,
    pub statements: usize,
    pub unparsed: usize,
}

/// The level a rule runs at under `opts`, or `None` when it is off.
pub fn effective_severity(rule: &RuleMeta, opts: &LintOptions) -> Option<Severity> {
    if rule.dialect.is_some_and(|d| d != opts.dialect) {
        return None;
    }
    match opts.rules.get(rule.id) {
        Some(RuleLevel::Off) => None,
        Some(RuleLevel::Info) => Some(Severity::Info),
        Some(RuleLevel::Warning) => Some(Severity::Warning),
        Some(RuleLevel::Error) => Some(Severity::Error),
        None => rule.default_enabled.then_some(rule.severity),
    }
}

/// Lint one file whose migration starts from an empty schema.
pub fn lint(src: &str, opts: &LintOptions) -> LintResult {
    lint_with_schema(src, opts, &Schema::new(opts.dialect))
}

/// Lint one file given the schema before it (the replay of earlier migrations).
pub fn lint_with_schema(src: &str, opts: &LintOptions, before: &Schema) -> LintResult {
    let file = sql::analyze(src, opts.dialect);
    lint_analyzed(src, &file, opts, before)
}

pub fn lint_analyzed(src: &str, file: &SqlFile, opts: &LintOptions, before: &Schema) -> LintResult {
    lint_and_replay(src, file, opts, before).0
}

/// Lint a file and return the schema after it too (callers walking a
/// history reuse it instead of replaying the file a second time).
pub fn lint_and_replay(src: &str, file: &SqlFile, opts: &LintOptions, before: &Schema) -> (LintResult, Schema) {
    let active: Vec<(&RuleMeta, Severity)> = rules::ALL.iter().filter_map(|r| effective_severity(r, opts).map(|s| (*r, s))).collect();
    let mut replayer = Replayer::from_schema(before.clone());
    let mut state = FileState {
        runner_tx: runner_wraps_file(src, opts, file),
        current_schema: opts.dialect.default_schema().to_string(),
        ..Default::default()
    };
    let mut diagnostics = Vec::new();
    let fk_sites = std::cell::OnceCell::new();
    for stmt in &file.statements {
        {
            let cx = Cx { src, opts, file, stmt, schema: replayer.schema(), initial: before, state: &state, existed: Default::default(), fk_sites: &fk_sites };
            for (rule, severity) in &active {
                let mut em = Emitter { rule: rule.id, severity: *severity, statement: Some(stmt.index), default_span: stmt.body, out: Vec::new() };
                (rule.check)(&cx, &mut em);
                diagnostics.append(&mut em.out);
            }
        }
        record_alter(&mut state, stmt, opts, replayer.schema());
        advance_state(&mut state, stmt, src, opts, &replayer);
        let _ = replayer.apply(stmt);
    }
    let fcx = FileCx { src, opts, file, initial: before, final_schema: replayer.schema(), state: &state };
    for (rule, severity) in &active {
        if let Some(check_file) = rule.check_file {
            let mut em = Emitter { rule: rule.id, severity: *severity, statement: None, default_span: Span::new(0, 0), out: Vec::new() };
            check_file(&fcx, &mut em);
            diagnostics.append(&mut em.out);
        }
    }
    let enabled: BTreeSet<&str> = active.iter().map(|(r, _)| r.id).collect();
    let mut diagnostics = suppress::apply(src, file, diagnostics, &enabled, effective_severity(&rules::UNUSED_IGNORE, opts));
    diagnostics.sort_by_key(|d| (d.span.start, d.rule));
    let result = LintResult {
        diagnostics,
        statements: file.statements.len(),
        unparsed: file.count(sql::ParseStatus::Unparsed) + file.count(sql::ParseStatus::Unclassified),
    };
    (result, replayer.into_schema())
}

/// Whether the tool that runs this file wraps all of it in one transaction.
pub fn runner_wraps_file(src: &str, opts: &LintOptions, file: &SqlFile) -> bool {
    if opts.assume_in_transaction {
        return true;
    }
    if opts.dialect == Dialect::Mysql {
        // MySQL DDL commits implicitly: there is no wrapping transaction.
        return false;
    }
    match opts.history {
        HistoryKind::Drizzle => true,
        // One simple query of several statements is one implicit transaction.
        HistoryKind::Prisma => file.statements.iter().filter(|s| s.parent.is_none()).count() > 1,
        // driftgate deploy: one transaction per migration, unless a statement
        // cannot run in one; then statement by statement (DESIGN §8).
        // A file that manages its own transactions is run as it is.
        HistoryKind::Plain => !file.statements.iter().any(|s| cannot_run_in_transaction(src, s, opts.pg_version) || s.parent.is_none() && matches!(s.ddl, Ddl::Transaction { .. })),
    }
}

/// Statements Postgres refuses inside a transaction block.
pub fn cannot_run_in_transaction(src: &str, stmt: &Statement, pg_version: u32) -> bool {
    let has = |w: &str| stmt.tokens.iter().any(|t| t.is_word(src, w));
    match &stmt.ddl {
        Ddl::CreateIndex { concurrently, .. } | Ddl::DropIndex { concurrently, .. } => *concurrently,
        Ddl::AlterEnumAddValue { .. } => pg_version < 12,
        Ddl::Other { verb, object, .. } => match verb.as_str() {
            "vacuum" => true,
            "reindex" | "refresh" => has("concurrently"),
            "create" | "drop" | "alter" => matches!(object.as_deref(), Some("database" | "tablespace" | "subscription")) || object.as_deref() == Some("system"),
            _ => false,
        },
        _ => false,
    }
}

/// Note an `ALTER TABLE` in [`FileState::altered`] (before it runs).
fn record_alter(state: &mut FileState, stmt: &Statement, opts: &LintOptions, before: &Schema) {
    let Ddl::AlterTable { name, actions, .. } = &stmt.ddl else { return };
    let s = match opts.dialect {
        Dialect::Postgres => name.schema.as_deref().unwrap_or(&state.current_schema),
        Dialect::Mysql => "",
    };
    let table = before.tables.get(&schema::key(opts.dialect, s, &name.name));
    let dropped = match table {
        Some(t) => actions
            .iter()
            .filter_map(|a| match a {
                AlterAction::DropColumn { column, .. } => t.columns.iter().find(|c| &c.name == column).cloned(),
                _ => None,
            })
            .collect(),
        None => Vec::new(),
    };
    state.altered.push(AlteredTable { stmt: stmt.index, existed: table.is_some(), dropped });
}

/// Lock-related state after `stmt` runs.
fn advance_state(state: &mut FileState, stmt: &Statement, src: &str, opts: &LintOptions, replayer: &Replayer) {
    match &stmt.ddl {
        Ddl::Transaction { verb } => match verb.as_str() {
            "begin" | "start" => {
                // `BEGIN` inside a PL/pgSQL or routine body is not a transaction.
                if stmt.parent.is_none() && !stmt.tokens.get(1).is_some_and(|t| t.is_word(src, "atomic")) {
                    state.explicit_tx += 1;
                    state.explicit_tx_start.get_or_insert(stmt.body);
                }
            }
            "commit" | "end" | "rollback" | "abort" => {
                if !(verb == "rollback" && stmt.tokens.iter().any(|t| t.is_word(src, "savepoint") || t.is_word(src, "to"))) {
                    state.explicit_tx = 0;
                    state.explicit_tx_start = None;
                    state.access_exclusive = None;
                }
            }
            _ => {}
        },
        Ddl::Set { name, value, .. } => {
            let v = value.trim().trim_matches('\'').trim();
            let off = v == "0" || v.eq_ignore_ascii_case("default");
            if name == "lock_timeout" || name == "innodb_lock_wait_timeout" || name == "lock_wait_timeout" {
                state.lock_timeout_set = !off;
            } else if name == "statement_timeout" || name == "max_execution_time" || name == "max_statement_time" {
                state.statement_timeout_set = !off;
            } else if name == "search_path" {
                if let Some(first) = value.split(',').next() {
                    let f = crate::sql::lexer::unquote(first.trim());
                    if !f.is_empty() && f != "$user" {
                        state.current_schema = f;
                    }
                }
            }
        }
        Ddl::CreateTable { name, .. } => {
            let s = match opts.dialect {
                Dialect::Postgres => name.schema.as_deref().unwrap_or(&state.current_schema),
                Dialect::Mysql => "",
            };
            let k = schema::key(opts.dialect, s, &name.name);
            if !replayer.schema().tables.contains_key(&k) {
                state.created_tables.insert(k);
            }
        }
        _ => {}
    }
    if let Some(table) = rules::locks::access_exclusive_table(src, stmt, opts.dialect) {
        if state.in_transaction() && state.access_exclusive.is_none() && opts.dialect == Dialect::Postgres {
            state.access_exclusive = Some((stmt.index, table));
        }
    }
}

/// 1-based line/column of a span's start and end, for hosts.
pub fn span_positions(src: &str, index: &LineIndex, span: Span) -> (crate::span::Position, crate::span::Position) {
    (index.position(src, span.start), index.position(src, span.end))
}
