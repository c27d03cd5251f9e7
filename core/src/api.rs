//! The JS API of DESIGN §11, host-neutral: the wasm package and the napi
//! addon both call these functions with the same deserialised options and
//! serialise the same results, so their outputs are identical by
//! construction. Spans are given three ways: byte-free UTF-16 `start`/`end`
//! (so `sql.slice(d.start, d.end)` is the flagged text in JavaScript) and
//! 1-based `line`/`column` (columns in characters).

use crate::check::{self, Drift};
use crate::config::Config;
use crate::history::{self, FolderFile, History, HistoryFormat, HistoryIssue};
use crate::lint::{self, catalog, history as lint_history, rules, HistoryKind, LintOptions, RuleLevel, Severity};
use crate::replay::{self, MigrationSource, ReplayResult};
use crate::schema::Schema;
use crate::source::{self, Loaded};
use crate::span::{LineIndex, Span, Utf16Index};
use crate::{drizzle, sql, Dialect};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Options every function accepts; unknown keys are an error (a typo must
/// not silently change nothing).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    pub dialect: Option<String>,
    pub pg_version: Option<u32>,
    pub filename: Option<String>,
    pub rules: BTreeMap<String, String>,
    pub history: Option<String>,
    pub assume_in_transaction: Option<bool>,
}

/// A failure to report to the caller (thrown as a JS `Error`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApiError {
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl ApiError {
    fn new(message: impl Into<String>) -> Self {
        ApiError { message: message.into(), line: None, column: None }
    }
}

impl Options {
    pub fn dialect(&self) -> Result<Dialect, ApiError> {
        match &self.dialect {
            None => Ok(Dialect::default()),
            Some(d) => Dialect::parse(d).ok_or_else(|| ApiError::new(format!("unknown dialect {d:?}: expected 'postgres' or 'mysql'"))),
        }
    }

    pub fn lint_options(&self) -> Result<LintOptions, ApiError> {
        let mut o = LintOptions::default();
        self.apply(&mut o)?;
        Ok(o)
    }

    /// Apply the options that are set on top of `o` (the defaults, or a
    /// `driftgate.toml`'s settings: options given in code win).
    pub fn apply(&self, o: &mut LintOptions) -> Result<(), ApiError> {
        if self.dialect.is_some() {
            o.dialect = self.dialect()?;
        }
        if let Some(v) = self.pg_version {
            o.pg_version = v;
        }
        if let Some(h) = &self.history {
            o.history = HistoryKind::parse(h).ok_or_else(|| ApiError::new(format!("unknown history {h:?}: expected 'prisma', 'drizzle' or 'plain'")))?;
        }
        if let Some(t) = self.assume_in_transaction {
            o.assume_in_transaction = t;
        }
        if let Some(f) = &self.filename {
            o.is_down = crate::history::is_down_file(f);
        }
        for (rule, level) in &self.rules {
            if rules::find(rule).is_none() {
                return Err(ApiError::new(format!("unknown rule {rule:?} in options.rules")));
            }
            let lv = RuleLevel::parse(level).ok_or_else(|| ApiError::new(format!("rule {rule:?}: level must be 'off', 'info', 'warning' or 'error'")))?;
            o.rules.insert(rule.clone(), lv);
        }
        Ok(())
    }
}

/// Where something is, for JS: UTF-16 offsets and 1-based line/column.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

struct Locator<'a> {
    src: &'a str,
    lines: LineIndex,
    utf16: Utf16Index<'a>,
}

impl<'a> Locator<'a> {
    fn new(src: &'a str) -> Self {
        Locator { src, lines: LineIndex::new(src), utf16: Utf16Index::new(src) }
    }

    fn locate(&self, span: Span) -> Location {
        let (a, b) = (self.lines.position(self.src, span.start), self.lines.position(self.src, span.end));
        Location { start: self.utf16.offset(span.start), end: self.utf16.offset(span.end), line: a.line, column: a.column, end_line: b.line, end_column: b.column }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    #[serde(flatten)]
    pub location: Location,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    #[serde(flatten)]
    pub location: Location,
    /// 1-based statement number.
    pub statement: Option<usize>,
    pub fix: Option<Fix>,
}

/// `lint(sql, options?)`.
pub fn lint(sql: &str, options: &Options) -> Result<Vec<Diagnostic>, ApiError> {
    let opts = options.lint_options()?;
    let result = lint::lint(sql, &opts);
    let loc = Locator::new(sql);
    Ok(result.diagnostics.into_iter().map(|d| Diagnostic::new(d, &loc)).collect())
}

impl Diagnostic {
    fn new(d: lint::Diagnostic, loc: &Locator) -> Self {
        Diagnostic {
            rule: d.rule,
            severity: d.severity,
            location: loc.locate(d.span),
            statement: d.statement.map(|s| s + 1),
            fix: d.fix.map(|f| Fix { location: loc.locate(f.span), replacement: f.replacement }),
            message: d.message,
            help: d.help,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementInfo {
    pub index: usize,
    pub kind: String,
    pub status: sql::ParseStatus,
    pub text: String,
    #[serde(flatten)]
    pub location: Location,
    pub parent: Option<usize>,
    pub error: Option<StatementError>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementError {
    pub message: String,
    #[serde(flatten)]
    pub location: Location,
}

/// `splitStatements(sql, options?)`.
pub fn split_statements(src: &str, options: &Options) -> Result<Vec<StatementInfo>, ApiError> {
    let file = sql::analyze(src, options.dialect()?);
    let loc = Locator::new(src);
    Ok(file
        .statements
        .iter()
        .map(|s| StatementInfo {
            index: s.index,
            kind: s.kind.clone(),
            status: s.status,
            text: s.text(src).to_string(),
            location: loc.locate(s.body),
            parent: s.parent,
            error: s.error.as_ref().map(|e| StatementError { message: e.message.clone(), location: loc.locate(e.span) }),
        })
        .collect())
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    pub name: String,
    pub sql: String,
}

/// `replay(migrations, options?)`.
pub fn replay(migrations: &[Migration], options: &Options) -> Result<ReplayResult, ApiError> {
    let sources: Vec<MigrationSource> = migrations.iter().map(|m| MigrationSource { name: &m.name, sql: &m.sql }).collect();
    Ok(replay::replay(&sources, options.dialect()?))
}

/// `parseDrizzleSnapshot(json)`.
pub fn parse_drizzle_snapshot(json: &str) -> Result<Schema, ApiError> {
    drizzle::parse_snapshot(json).map_err(|e| ApiError { message: e.message, line: Some(e.line), column: Some(e.column) })
}

fn dialect_arg(dialect: &str) -> Result<Dialect, ApiError> {
    Dialect::parse(dialect).ok_or_else(|| ApiError::new(format!("unknown dialect {dialect:?}: expected 'postgres' or 'mysql'")))
}

/// `catalogQueries(dialect)`: the catalog queries to run, with any driver,
/// to introspect a live database (a fixed list, whatever its size).
pub fn catalog_queries(dialect: &str) -> Result<Vec<crate::catalog::CatalogQuery>, ApiError> {
    Ok(crate::catalog::catalog_queries(dialect_arg(dialect)?))
}

/// `schemaFromCatalog(dialect, rows)`: the model from the rows of every
/// catalog query, keyed by query name (rows as objects keyed by column
/// name; values as text or typed).
pub fn schema_from_catalog(dialect: &str, rows: &BTreeMap<String, Vec<serde_json::Value>>) -> Result<Schema, ApiError> {
    crate::catalog::schema_from_catalog(dialect_arg(dialect)?, rows).map_err(|e| ApiError::new(e.to_string()))
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub enabled_by_default: bool,
    pub dialect: Option<Dialect>,
    pub summary: &'static str,
    pub documentation: String,
}

/// `rules()`.
pub fn rules() -> Vec<RuleInfo> {
    rules::ALL
        .iter()
        .map(|r| RuleInfo { id: r.id, severity: r.severity, enabled_by_default: r.default_enabled, dialect: r.dialect, summary: r.summary, documentation: catalog::explain(r.id).unwrap_or_default() })
        .collect()
}

// ---------------------------------------------------------------------------
// Host conveniences (`lintFiles`, `checkProject` of the napi addon): the host
// reads the files (paths and bytes, as `FolderFile` listings) and these decide
// everything else, with the CLI's semantics (`driftgate lint PATH…`,
// `driftgate check DIR`) and the shapes of its JSON output.

/// Options of `lintFiles(paths, options?)` and `checkProject(dir, options?)`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ProjectOptions {
    /// Overrides the folder's own dialect (lock file, journal) and driftgate.toml's.
    pub dialect: Option<String>,
    pub pg_version: Option<u32>,
    pub rules: BTreeMap<String, String>,
    /// Runner semantics for lone files; a migration folder implies its own.
    pub history: Option<String>,
    pub assume_in_transaction: Option<bool>,
    /// `driftgate.toml`: a path, or `false` for none; by default (`true`)
    /// the host looks for it walking up from the first path, as the CLI does.
    pub config: Option<ConfigChoice>,
    /// checkProject: what to compare the history with (`check --schema`): a
    /// source spelling (`prisma:PATH`, `drizzle:PATH`, `sql:FILE`, …) or a
    /// path whose kind its name makes obvious.
    pub schema: Option<String>,
    /// checkProject: the migrations this change adds (paths relative to the
    /// migrations folder, or migration names), linted as `check --since` does.
    pub new_migrations: Option<Vec<String>>,
}

/// `options.config`: a path to a `driftgate.toml`, or whether to look for one.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum ConfigChoice {
    Path(String),
    Find(bool),
}

impl ProjectOptions {
    fn as_options(&self) -> Options {
        Options {
            dialect: self.dialect.clone(),
            pg_version: self.pg_version,
            filename: None,
            rules: self.rules.clone(),
            history: self.history.clone(),
            assume_in_transaction: self.assume_in_transaction,
        }
    }

    /// The dialect the caller set explicitly, if any.
    pub fn explicit_dialect(&self) -> Result<Option<Dialect>, ApiError> {
        match &self.dialect {
            None => Ok(None),
            Some(_) => self.as_options().dialect().map(Some),
        }
    }
}

/// A `driftgate.toml` the host found (or was given) and read.
#[derive(Clone, Debug)]
pub struct ConfigFile {
    /// Its path, as shown in error messages.
    pub path: String,
    pub text: String,
}

/// Lint settings: defaults, then the config file, then the options.
struct Settings {
    base: LintOptions,
    dialect_explicit: bool,
    config: Config,
}

impl Settings {
    fn new(options: &ProjectOptions, config: Option<&ConfigFile>) -> Result<Settings, ApiError> {
        let cfg = match config {
            Some(c) => Config::parse(&c.text).map_err(|e| ApiError { message: format!("{}: {}", c.path, e.message), line: Some(e.line), column: Some(e.column) })?,
            None => Config::default(),
        };
        let mut base = LintOptions::default();
        cfg.apply(&mut base);
        options.as_options().apply(&mut base)?;
        Ok(Settings { dialect_explicit: options.dialect.is_some() || cfg.dialect.is_some(), base, config: cfg })
    }

    /// Whether a path relative to the config file's folder is excluded
    /// (`None`: the path is outside that folder).
    fn excluded(&self, config_rel: Option<&str>) -> bool {
        config_rel.is_some_and(|p| self.config.is_excluded(p))
    }
}

/// `dir/rel` with `/`, where an empty `dir` (or `.`) is the current folder.
pub fn join_path(dir: &str, rel: &str) -> String {
    match dir {
        "" | "." => rel.to_string(),
        d if d.ends_with('/') || d.ends_with('\\') => format!("{d}{rel}"),
        d => format!("{d}/{rel}"),
    }
}

/// One path given to `lintFiles`, as the host read it.
#[derive(Clone, Debug)]
pub enum LintInput {
    /// A folder: the migration history found in it (the folder itself or a
    /// conventional place inside it, [`crate::history::CONVENTIONAL_DIRS`]).
    /// Every migration is linted against the ones before it.
    Folder {
        /// The history folder as shown; a diagnostic's `file` is this joined
        /// with the migration's path.
        dir: String,
        files: Vec<FolderFile>,
        /// The history folder relative to the config file's folder
        /// (`/`-separated, for `exclude`), when inside it.
        config_rel: Option<String>,
    },
    /// A file, with the folders that may hold its history (read at the
    /// levels [`enclosing_levels`] names).
    File {
        path: String,
        contents: Vec<u8>,
        around: Vec<Enclosing>,
        config_rel: Option<String>,
    },
}

/// A folder around a file given to `lintFiles`: if it is a migration
/// history holding the file, the file is linted against the migrations
/// before it, with that tool's transaction semantics.
#[derive(Clone, Debug)]
pub struct Enclosing {
    /// Levels up from the file (1: its folder, 2: the folder above).
    pub level: usize,
    /// The folder as shown.
    pub dir: String,
    /// The file's path relative to the folder, `/`-separated.
    pub rel: String,
    pub files: Vec<FolderFile>,
}

/// The folders (levels up) that may hold a file's history, in the order
/// they are tried: a Prisma `migration.sql`/`down.sql` sits one folder below
/// its history, so that is tried first (a lone migration.sql would
/// otherwise look like a plain folder); any other file, its own folder first.
pub fn enclosing_levels(file_name: &str) -> &'static [usize] {
    if file_name == "migration.sql" || file_name == "down.sql" {
        &[2, 1]
    } else {
        &[1, 2]
    }
}

/// The history a file belongs to, among the folders around it (the CLI and
/// the addon both ask this).
pub fn enclosing_history<'a>(path: &str, around: &'a [Enclosing]) -> Option<(&'a Enclosing, History)> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    for level in enclosing_levels(name) {
        let Some(e) = around.iter().find(|e| e.level == *level) else { continue };
        if let Some(h) = folder_history(*level, &e.files).ok()? {
            if history_holds(&h, &e.rel) {
                return Some((e, h));
            }
        }
    }
    None
}

/// The history a folder `level` levels above a file is, if it may be that
/// file's history (a plain folder above the file's own is not). `Err` when
/// the folder looks like a history but cannot be read: the search stops.
/// Split from [`enclosing_history`] so a host linting many files can read
/// each folder once.
#[allow(clippy::result_unit_err)]
pub fn folder_history(level: usize, files: &[FolderFile]) -> Result<Option<History>, ()> {
    match history::detect(files) {
        Some(HistoryFormat::Plain) if level != 1 => Ok(None),
        Some(_) => history::read_for_analysis(files).map(Some).map_err(|_| ()),
        None => Ok(None),
    }
}

/// Does the history hold this file (`rel`: its path inside the folder)?
pub fn history_holds(h: &History, rel: &str) -> bool {
    h.migrations.iter().any(|m| m.path == rel || m.down_path.as_deref() == Some(rel))
}

/// A diagnostic of `lintFiles`/`checkProject`: the file it is in, then the
/// same fields as `lint()`'s (the CLI's `lint --format json` fields, plus
/// UTF-16 `start`/`end`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileDiagnostic {
    pub file: String,
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LintSummary {
    pub files: usize,
    pub statements: usize,
    pub unparsed: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// `lintFiles` result: the CLI's `lint --format json` object.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LintReport {
    pub version: u32,
    pub diagnostics: Vec<FileDiagnostic>,
    pub summary: LintSummary,
}

struct Linted {
    file: String,
    src: String,
    result: lint::LintResult,
}

fn report(linted: Vec<Linted>) -> LintReport {
    let mut summary = LintSummary { files: linted.len(), ..LintSummary::default() };
    let mut diagnostics = Vec::new();
    for f in linted {
        summary.statements += f.result.statements;
        summary.unparsed += f.result.unparsed;
        let loc = Locator::new(&f.src);
        for d in f.result.diagnostics {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
            diagnostics.push(FileDiagnostic { file: f.file.clone(), diagnostic: Diagnostic::new(d, &loc) });
        }
    }
    LintReport { version: 1, diagnostics, summary }
}

/// Lint the migrations of a history that `selected(path)` picks, each
/// against the replay of the ones before it.
fn lint_folder(dir: &str, h: &History, s: &Settings, selected: &dyn Fn(&str) -> bool, out: &mut Vec<Linted>) {
    let opts = lint_history::options_for(h, &s.base, s.dialect_explicit);
    for m in lint_history::lint_history(h, &opts, selected) {
        let src = if m.is_down {
            h.migrations.iter().find(|x| x.down_path.as_deref() == Some(m.path.as_str())).and_then(|x| x.down_sql.clone())
        } else {
            h.migrations.iter().find(|x| x.path == m.path).map(|x| x.sql.clone())
        };
        out.push(Linted { file: join_path(dir, &m.path), src: src.unwrap_or_default(), result: m.result });
    }
}

fn history_error(dir: &str, e: history::HistoryError) -> ApiError {
    ApiError::new(if e.path.is_empty() { format!("{dir}: {}", e.message) } else { format!("{}: {}", join_path(dir, &e.path), e.message) })
}

/// `lintFiles(paths, options?)` once the host has read the paths: folders
/// are migration histories (each migration linted against the replay of the
/// ones before it); a file inside a history is linted in that context; any
/// other file on its own. `config` is the `driftgate.toml` in effect.
pub fn lint_files(inputs: &[LintInput], options: &ProjectOptions, config: Option<&ConfigFile>) -> Result<LintReport, ApiError> {
    if options.schema.is_some() || options.new_migrations.is_some() {
        return Err(ApiError::new("options.schema and options.newMigrations belong to checkProject, not lintFiles"));
    }
    let s = Settings::new(options, config)?;
    let mut linted = Vec::new();
    for input in inputs {
        match input {
            LintInput::Folder { dir, files, config_rel } => {
                let h = history::read_for_analysis(files).map_err(|e| history_error(dir, e))?;
                let selected = |rel: &str| !s.excluded(config_rel.as_deref().map(|c| join_path(c, rel)).as_deref());
                lint_folder(dir, &h, &s, &selected, &mut linted);
            }
            LintInput::File { path, contents, around, config_rel } => {
                if s.excluded(config_rel.as_deref()) {
                    continue;
                }
                match enclosing_history(path, around) {
                    Some((e, h)) => lint_folder(&e.dir, &h, &s, &|rel: &str| rel == e.rel, &mut linted),
                    None => {
                        let src = String::from_utf8_lossy(contents).into_owned();
                        let opts = LintOptions { is_down: history::is_down_file(&path.replace('\\', "/")), ..s.base.clone() };
                        let result = lint::lint(&src, &opts);
                        linted.push(Linted { file: path.clone(), src, result });
                    }
                }
            }
        }
    }
    Ok(report(linted))
}

/// The schema a history is compared with, as the host read it (the host
/// decides what to read from [`crate::check::schema_spelling`] +
/// [`crate::source::SourceSpec`], or [`crate::check::SchemaBeside`]).
#[derive(Clone, Debug)]
pub enum SchemaRead {
    Empty,
    /// A migrations folder's listing: replayed.
    Migrations(Vec<FolderFile>),
    /// A `.sql` file: replayed.
    Sql(String),
    /// `.prisma` files: (path as shown, text).
    Prisma(Vec<(String, String)>),
    /// One Drizzle snapshot's JSON.
    DrizzleSnapshot(String),
    /// A Drizzle out folder's listing: its latest snapshot.
    DrizzleFolder(Vec<FolderFile>),
}

#[derive(Clone, Debug)]
pub struct SchemaInput {
    /// Its path as shown (the result's `schema`).
    pub path: String,
    pub is_dir: bool,
    pub read: SchemaRead,
}

impl SchemaInput {
    fn source_kind(&self) -> &'static str {
        match self.read {
            SchemaRead::Empty => "empty",
            SchemaRead::Migrations(_) => "migrations",
            SchemaRead::Sql(_) => "sql",
            SchemaRead::Prisma(_) => "prisma",
            SchemaRead::DrizzleSnapshot(_) | SchemaRead::DrizzleFolder(_) => "drizzle",
        }
    }

    fn load(&self, dialect: Option<Dialect>) -> Result<Loaded, ApiError> {
        let p = &self.path;
        let r = match &self.read {
            SchemaRead::Empty => Ok(Loaded { schema: Schema::new(dialect.unwrap_or_default()), notes: vec![], dialect_known: false, rename_hints: vec![] }),
            SchemaRead::Migrations(files) => source::from_migrations(files, dialect).map_err(|e| format!("{p}: {e}")),
            SchemaRead::Sql(text) => Ok(source::from_sql(p, text, dialect.unwrap_or_default())),
            SchemaRead::Prisma(files) if files.is_empty() => Err(format!("{p}: no .prisma files")),
            SchemaRead::Prisma(files) => source::from_prisma(&files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect::<Vec<_>>()),
            SchemaRead::DrizzleSnapshot(json) => source::from_drizzle_snapshot(json).map_err(|e| format!("{p}: {e}")),
            SchemaRead::DrizzleFolder(files) => {
                source::latest_drizzle_snapshot(files)
                .map_err(|e| format!("{p}: {e}"))
                .and_then(|snap| source::from_drizzle_snapshot(&String::from_utf8_lossy(&snap.contents)).map_err(|e| format!("{}: {e}", join_path(p, &snap.path))))
            }
        };
        r.map_err(ApiError::new)
    }
}

/// What `checkProject` works on, as the host read it.
#[derive(Clone, Debug)]
pub struct ProjectInput {
    /// The history folder as shown, and its listing.
    pub dir: String,
    pub files: Vec<FolderFile>,
    /// The history folder relative to the config file's folder, when inside it.
    pub config_rel: Option<String>,
    /// What to compare the history with; `None` when nothing was named and
    /// nothing lies beside the history (a plain SQL folder).
    pub schema: Option<SchemaInput>,
}

/// `checkProject` result: the CLI's `check --format json` object.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    pub version: u32,
    /// The migrations folder that was checked.
    pub history: String,
    pub format: HistoryFormat,
    pub history_issues: Vec<HistoryIssue>,
    /// The schema file compared with (`null`: none).
    pub schema: Option<String>,
    pub drift: Option<Vec<Drift>>,
    /// The migration that would bring the history to the schema file.
    pub migration_sql: Option<String>,
    pub notes: Vec<String>,
    /// Lint of `options.newMigrations` (empty when none were named).
    pub lint: LintReport,
    pub passed: bool,
}

/// `checkProject(dir, options?)` once the host has read the history and the
/// schema: history integrity, drift between the replayed history and the
/// schema (both directions, with the missing migration's SQL), and lint of
/// the new migrations.
pub fn check_project(input: &ProjectInput, options: &ProjectOptions, config: Option<&ConfigFile>) -> Result<CheckResult, ApiError> {
    let s = Settings::new(options, config)?;
    let dialect = options.explicit_dialect()?;
    let h = history::read_for_analysis(&input.files).map_err(|e| history_error(&input.dir, e))?;
    let mut notes = Vec::new();
    let target = match &input.schema {
        Some(schema) => {
            let loaded = schema.load(dialect.or(h.dialect))?;
            notes.extend(loaded.notes.iter().cloned());
            let replayed = replay::replay_history(&h, dialect.or(h.dialect).or(Some(loaded.schema.dialect)));
            notes.extend(replayed.unmodelled.iter().map(|u| format!("{}:{}:{}: not modelled: {}", u.migration, u.line, u.column, u.reason)));
            let kind = schema.source_kind();
            let label = check::schema_label(kind, &schema.path, schema.is_dir);
            let report = check::drift_against(&replayed.schema, &loaded.schema, &label, check::target_kind(kind));
            notes.extend(report.inexpressible.iter().cloned());
            Some((schema.path.clone(), report))
        }
        None => {
            notes.push("no schema file to compare with (plain SQL folder): pass options.schema (prisma:PATH, drizzle:PATH or sql:FILE)".into());
            None
        }
    };
    let mut linted = Vec::new();
    match &options.new_migrations {
        Some(names) => {
            let mut paths = std::collections::BTreeSet::new();
            for n in names {
                let n = n.replace('\\', "/");
                let n = n.trim_start_matches("./");
                let mut found = false;
                for m in &h.migrations {
                    if m.path == n || m.name == n {
                        paths.insert(m.path.clone());
                        found = true;
                    }
                    if let Some(d) = m.down_path.as_deref().filter(|d| *d == n || m.name == n) {
                        paths.insert(d.to_string());
                        found = true;
                    }
                }
                if !found {
                    return Err(ApiError::new(format!("options.newMigrations: {n:?} is not a migration of {} (give paths relative to it, or migration names)", input.dir)));
                }
            }
            let selected = |rel: &str| paths.contains(rel) && !s.excluded(input.config_rel.as_deref().map(|c| join_path(c, rel)).as_deref());
            lint_folder(&input.dir, &h, &s, &selected, &mut linted);
        }
        None => notes.push("lint skipped: name the migrations this change adds to lint them (options.newMigrations; the CLI's --since <base branch>)".into()),
    }
    let lint = report(linted);
    let passed = !check::failed(&h.issues, target.as_ref().map(|(_, d)| d), lint.summary.errors > 0);
    let (schema, drift, migration_sql) = match target {
        Some((name, d)) => (Some(name), Some(d.drift), Some(d.migration_sql)),
        None => (None, None, None),
    };
    Ok(CheckResult { version: 1, history: input.dir.clone(), format: h.format, history_issues: h.issues, schema, drift, migration_sql, notes, lint, passed })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_spans_slice_the_flagged_text() {
        let sql = "-- 😀 ünïcode\r\nSELECT 'é';\r\nALTER TABLE \"naïve\" DROP COLUMN id;";
        let diags = lint(sql, &Options::default()).unwrap();
        let d = diags.iter().find(|d| d.rule == "drop-column").unwrap();
        let utf16: Vec<u16> = sql.encode_utf16().collect();
        let flagged = String::from_utf16(&utf16[d.location.start..d.location.end]).unwrap();
        assert!(flagged.starts_with("ALTER TABLE \"naïve\" DROP COLUMN id"), "{flagged}");
        assert_eq!((d.location.line, d.location.column), (3, 1));
    }

    #[test]
    fn bad_options_are_errors_not_panics() {
        let o: Options = serde_json::from_str(r#"{"dialect":"oracle"}"#).unwrap();
        assert!(lint("SELECT 1", &o).is_err());
        assert!(serde_json::from_str::<Options>(r#"{"dialekt":"mysql"}"#).is_err());
        let o: Options = serde_json::from_str(r#"{"rules":{"drop-colum":"off"}}"#).unwrap();
        assert!(lint("SELECT 1", &o).unwrap_err().message.contains("drop-colum"));
    }

    fn listing(files: &[(&str, &str)]) -> Vec<FolderFile> {
        files.iter().map(|(p, c)| FolderFile { path: p.to_string(), contents: c.as_bytes().to_vec() }).collect()
    }

    #[test]
    fn lint_files_lints_folders_and_files_in_context() {
        let files = listing(&[("0001_a.sql", "CREATE TABLE a (id int, b text);"), ("0002_b.sql", "ALTER TABLE a DROP COLUMN b;")]);
        let folder = LintInput::Folder { dir: "db/migrations".into(), files: files.clone(), config_rel: Some("db/migrations".into()) };
        let r = lint_files(&[folder.clone()], &ProjectOptions::default(), None).unwrap();
        assert_eq!(r.summary.files, 2);
        let d = r.diagnostics.iter().find(|d| d.diagnostic.rule == "drop-column").unwrap();
        assert_eq!(d.file, "db/migrations/0002_b.sql");
        // The second file alone, in its folder: the same finding.
        let file = LintInput::File {
            path: "db/migrations/0002_b.sql".into(),
            contents: b"ALTER TABLE a DROP COLUMN b;".to_vec(),
            around: vec![Enclosing { level: 1, dir: "db/migrations".into(), rel: "0002_b.sql".into(), files }],
            config_rel: None,
        };
        let one = lint_files(&[file], &ProjectOptions::default(), None).unwrap();
        assert_eq!(one.summary.files, 1);
        assert_eq!(one.diagnostics, r.diagnostics.iter().filter(|d| d.file.ends_with("0002_b.sql")).cloned().collect::<Vec<_>>());
        // driftgate.toml: exclude and rule levels; options win over it.
        let cfg = ConfigFile { path: "driftgate.toml".into(), text: "exclude = [\"db/migrations/0001_*\"]\n[rules]\ndrop-column = \"error\"\n".into() };
        let r = lint_files(&[folder.clone()], &ProjectOptions::default(), Some(&cfg)).unwrap();
        assert_eq!((r.summary.files, r.summary.errors), (1, 1));
        let o: ProjectOptions = serde_json::from_str(r#"{"rules":{"drop-column":"off"}}"#).unwrap();
        assert!(lint_files(&[folder.clone()], &o, Some(&cfg)).unwrap().diagnostics.iter().all(|d| d.diagnostic.rule != "drop-column"));
        let o: ProjectOptions = serde_json::from_str(r#"{"newMigrations":["x"]}"#).unwrap();
        assert!(lint_files(&[folder], &o, None).is_err());
    }

    #[test]
    fn check_project_reports_drift_and_lints_new_migrations() {
        let files = listing(&[
            ("migration_lock.toml", "provider = \"postgresql\""),
            ("20240101000000_init/migration.sql", "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL, \"legacy\" TEXT, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));"),
            ("20240102000000_drop/migration.sql", "ALTER TABLE \"User\" DROP COLUMN \"legacy\";"),
        ]);
        let prisma = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\nmodel User {\n  id Int @id\n  nickname String\n}\n";
        let schema = SchemaInput { path: "prisma/schema.prisma".into(), is_dir: false, read: SchemaRead::Prisma(vec![("prisma/schema.prisma".into(), prisma.into())]) };
        let input = ProjectInput { dir: "prisma/migrations".into(), files, config_rel: None, schema: Some(schema) };
        let o: ProjectOptions = serde_json::from_str(r#"{"newMigrations":["20240102000000_drop"]}"#).unwrap();
        let r = check_project(&input, &o, None).unwrap();
        assert!(!r.passed);
        let drift = r.drift.as_ref().unwrap();
        assert!(drift.iter().any(|d| d.message.contains("in schema.prisma but not produced by the migrations: column User.nickname")), "{drift:?}");
        assert!(r.migration_sql.as_deref().unwrap().contains("ADD COLUMN \"nickname\""));
        assert_eq!(r.lint.summary.files, 1);
        assert!(r.lint.diagnostics.iter().all(|d| d.file == "prisma/migrations/20240102000000_drop/migration.sql"));
        assert!(r.lint.diagnostics.iter().any(|d| d.diagnostic.rule == "drop-column"));
        let o: ProjectOptions = serde_json::from_str(r#"{"newMigrations":["nope"]}"#).unwrap();
        assert!(check_project(&input, &o, None).unwrap_err().message.contains("nope"));
    }
}
