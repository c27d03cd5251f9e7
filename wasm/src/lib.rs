//! driftgate-wasm: the JS API of DESIGN §11 for WebAssembly (browsers, editor
//! extensions, Node), as thin wasm-bindgen wrappers over `driftgate-core`.
//!
//! Every decision lives in the core. This crate only converts: JS values in
//! (via serde-wasm-bindgen), core calls, plain JS objects out (maps become
//! plain objects, `None` becomes `null`), core errors into thrown `Error`s.
//!
//! Build with `scripts/build-wasm.sh`; the crate also compiles natively (the
//! wrappers then only fail at run time, as `JsValue` needs a JS host).

use driftgate_core::api;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
mod alloc;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: alloc::Classes = alloc::Classes::new();

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
// The result shapes of DESIGN §11, the same declarations as the napi addon's
// node-binding/index.d.ts (checked by node-binding/test.mjs).
/** Options every function accepts. Unknown keys are an error. */
export interface Options {
  /** SQL dialect; default 'postgres'. */
  dialect?: 'postgres' | 'mysql';
  /** Postgres major version the migrations run on; default 15. */
  pgVersion?: number;
  /** The file's name (a `.down.sql` name lints it as a rollback). */
  filename?: string;
  /** Rule levels; `'off'` turns a rule off, a severity turns it on at that level. */
  rules?: Record<string, RuleLevel>;
  /** Which tool runs the migration (decides transaction semantics); default 'plain'. */
  history?: 'prisma' | 'drizzle' | 'plain';
  /** Treat every statement as inside a transaction. */
  assumeInTransaction?: boolean;
}

export type RuleLevel = 'off' | 'info' | 'warning' | 'error';
export type Severity = 'info' | 'warning' | 'error';
export type Dialect = 'postgres' | 'mysql';

/**
 * Where something is: `start`/`end` are UTF-16 offsets (so
 * `sql.slice(start, end)` is the text), lines and columns are 1-based
 * (columns in characters).
 */
export interface Location {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A mechanical fix: replace `sql.slice(start, end)` with `replacement`. */
export interface Fix extends Location {
  replacement: string;
}

export interface Diagnostic extends Location {
  /** The rule id, e.g. `'drop-column'` (see `rules()`). */
  rule: string;
  severity: Severity;
  message: string;
  /** The safe alternative, with the file's own names. */
  help: string;
  /** 1-based number of the statement it is about. */
  statement: number | null;
  fix: Fix | null;
}

export interface StatementError extends Location {
  message: string;
}

export interface Statement extends Location {
  /** 0-based, in execution order (statements inside a `DO` block follow it). */
  index: number;
  /** The token reader's classification, e.g. `'create-table'`, `'alter-table'`. */
  kind: string;
  /** 'parsed' (by sqlparser), 'unparsed' (classified by the token reader), 'unclassified'. */
  status: 'parsed' | 'unparsed' | 'unclassified';
  text: string;
  /** The `DO` block a statement was extracted from. */
  parent: number | null;
  /** Why sqlparser rejected it. */
  error: StatementError | null;
}

export interface Migration {
  name: string;
  sql: string;
}

export interface Column {
  name: string;
  /** Normalised type, e.g. `'integer'`, `'varchar(255)'`. */
  type: string;
  nullable: boolean;
  default?: string;
  identity?: 'always' | 'by-default' | 'serial' | 'auto-increment';
  /** Generated column expression. */
  generated?: string;
}

export interface PrimaryKey {
  /** `null` when the source does not record it (a Drizzle snapshot's single-column key). */
  name: string | null;
  columns: string[];
}

export interface UniqueConstraint {
  name: string;
  columns: string[];
  nullsNotDistinct?: boolean;
}

export interface IndexColumn {
  /** A column name, or an expression when `expression` is true. */
  name: string;
  expression?: boolean;
  descending?: boolean;
  opclass?: string;
}

export interface Index {
  name: string;
  columns: IndexColumn[];
  unique: boolean;
  method?: string;
  /** Partial index predicate. */
  where?: string;
  /** Created by the database itself (MySQL's index for a foreign key). */
  implicit?: boolean;
}

export interface ForeignKey {
  name: string;
  columns: string[];
  referencedSchema: string;
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface Check {
  name: string;
  expression: string;
}

export interface Table {
  schema: string;
  name: string;
  columns: Column[];
  primaryKey?: PrimaryKey;
  uniques: UniqueConstraint[];
  indexes: Index[];
  foreignKeys: ForeignKey[];
  checks: Check[];
}

/** The schema model. Objects are keyed `schema.name` on Postgres, `name` on MySQL. */
export interface Schema {
  dialect: Dialect;
  schemas: string[];
  tables: Record<string, Table>;
  enums: Record<string, { schema: string; name: string; values: string[] }>;
  sequences: Record<string, { schema: string; name: string }>;
  views: Record<string, { schema: string; name: string; materialized: boolean; definition: string }>;
  extensions: string[];
}

/** A statement replay could not (fully) apply. */
export interface Unmodelled {
  migration: string;
  /** 0-based statement index in the migration. */
  statement: number;
  line: number;
  column: number;
  /** Byte offsets in the migration's UTF-8 text. */
  span: { start: number; end: number };
  kind: string;
  reason: string;
}

/** A statement sqlparser rejected; replay used what the token reader classified. */
export interface Unparsed {
  migration: string;
  statement: number;
  line: number;
  column: number;
  kind: string;
  classified: boolean;
  error: string;
}

export interface ReplayResult {
  schema: Schema;
  unmodelled: Unmodelled[];
  unparsed: Unparsed[];
  summary: { files: number; statements: number; parsed: number; unparsed: number; unclassified: number };
}

/** A catalog query: run `sql` with your own driver and pass its rows to `schemaFromCatalog` under `name`. */
export interface CatalogQuery {
  name: string;
  sql: string;
}

export interface RuleInfo {
  id: string;
  /** Default severity. */
  severity: Severity;
  enabledByDefault: boolean;
  /** The dialect the rule applies to; `null`: both. */
  dialect: Dialect | null;
  summary: string;
  /** Markdown, as `driftgate explain RULE` prints it. */
  documentation: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The global JS `Error`, to throw errors that carry extra fields.
    #[wasm_bindgen(js_name = Error)]
    type JsErrorObject;

    #[wasm_bindgen(constructor, js_class = "Error")]
    fn new(message: &str) -> JsErrorObject;

    #[wasm_bindgen(method, setter)]
    fn set_line(this: &JsErrorObject, line: f64);

    #[wasm_bindgen(method, setter)]
    fn set_column(this: &JsErrorObject, column: f64);
}

fn error(message: impl AsRef<str>) -> JsValue {
    JsError::new(message.as_ref()).into()
}

/// A core error as a thrown `Error`, with `line`/`column` when known.
fn api_error(e: api::ApiError) -> JsValue {
    let err = JsErrorObject::new(&e.message);
    if let (Some(l), Some(c)) = (e.line, e.column) {
        err.set_line(l as f64);
        err.set_column(c as f64);
    }
    err.into()
}

fn present(v: &Option<JsValue>) -> Option<&JsValue> {
    v.as_ref().filter(|v| !v.is_undefined() && !v.is_null())
}

/// JS value → the core's type through a JSON value, exactly as the napi
/// addon does (serde-wasm-bindgen alone would ignore unknown keys, and a
/// typo in an option must be an error in both hosts).
fn from_js<T: serde::de::DeserializeOwned>(v: JsValue) -> Result<T, String> {
    let json: serde_json::Value = serde_wasm_bindgen::from_value(v).map_err(|e| e.to_string())?;
    serde_json::from_value(json).map_err(|e| e.to_string())
}

fn options(options: Option<JsValue>) -> Result<api::Options, JsValue> {
    match present(&options) {
        Some(v) => from_js(v.clone()).map_err(|e| error(format!("invalid options: {e}"))),
        None => Ok(api::Options::default()),
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
}

/// A result as plain JS objects: serialised to JSON here and parsed by the
/// engine's `JSON.parse` — the same objects serde-wasm-bindgen's
/// JSON-compatible serialiser builds (and what the napi addon returns), in
/// a fraction of the time it spends crossing into JS for every field.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| error(e.to_string()))?;
    Ok(json_parse(&json))
}

/// `lint(sql, options?)`: diagnostics with UTF-16 `start`/`end` (so
/// `sql.slice(d.start, d.end)` is the flagged text), 1-based line/column,
/// the rule's help and, where mechanical, a fix.
#[wasm_bindgen(js_name = lint, unchecked_return_type = "Diagnostic[]")]
pub fn lint(sql: &str, #[wasm_bindgen(unchecked_optional_param_type = "Options")] opts: Option<JsValue>) -> Result<JsValue, JsValue> {
    to_js(&api::lint(sql, &options(opts)?).map_err(api_error)?)
}

/// `splitStatements(sql, options?)`: the statements of a SQL file in
/// execution order (statements inside `DO` blocks follow their block), with
/// UTF-16 offsets, parse status and the token reader's classification.
#[wasm_bindgen(js_name = splitStatements, unchecked_return_type = "Statement[]")]
pub fn split_statements(sql: &str, #[wasm_bindgen(unchecked_optional_param_type = "Options")] opts: Option<JsValue>) -> Result<JsValue, JsValue> {
    to_js(&api::split_statements(sql, &options(opts)?).map_err(api_error)?)
}

/// `replay(migrations, options?)`: replay `{name, sql}` migrations in order
/// from an empty schema; `{schema, unmodelled, unparsed, summary}`.
#[wasm_bindgen(js_name = replay, unchecked_return_type = "ReplayResult")]
pub fn replay_migrations(
    #[wasm_bindgen(unchecked_param_type = "Migration[]")] migrations: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] opts: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let opts = options(opts)?;
    let migrations: Vec<api::Migration> = from_js(migrations).map_err(|e| error(format!("migrations must be an array of {{name, sql}} objects: {e}")))?;
    to_js(&api::replay(&migrations, &opts).map_err(api_error)?)
}

/// `parseDrizzleSnapshot(json)`: a Drizzle `meta/NNNN_snapshot.json` as a
/// schema. Throws an `Error` with `line` and `column` (1-based) on failure.
#[wasm_bindgen(js_name = parseDrizzleSnapshot, unchecked_return_type = "Schema")]
pub fn parse_drizzle_snapshot(json: &str) -> Result<JsValue, JsValue> {
    to_js(&api::parse_drizzle_snapshot(json).map_err(api_error)?)
}

/// `catalogQueries(dialect)`: the queries that introspect a live database
/// (a fixed list per dialect); run them with your own driver.
#[wasm_bindgen(js_name = catalogQueries, unchecked_return_type = "CatalogQuery[]")]
pub fn catalog_queries(#[wasm_bindgen(unchecked_param_type = "Dialect")] dialect: &str) -> Result<JsValue, JsValue> {
    to_js(&api::catalog_queries(dialect).map_err(api_error)?)
}

/// `schemaFromCatalog(dialect, rows)`: the schema model from the rows of
/// every catalog query, keyed by query name (each row an object keyed by
/// column name; text values, as the text protocol gives them, or typed).
#[wasm_bindgen(js_name = schemaFromCatalog, unchecked_return_type = "Schema")]
pub fn schema_from_catalog(
    #[wasm_bindgen(unchecked_param_type = "Dialect")] dialect: &str,
    #[wasm_bindgen(unchecked_param_type = "Record<string, Record<string, unknown>[]>")] rows: JsValue,
) -> Result<JsValue, JsValue> {
    let rows: std::collections::BTreeMap<String, Vec<serde_json::Value>> =
        from_js(rows).map_err(|e| error(format!("rows must be an object mapping each query name to its array of rows: {e}")))?;
    to_js(&api::schema_from_catalog(dialect, &rows).map_err(api_error)?)
}

/// `rules()`: the rule catalog with each rule's documentation.
#[wasm_bindgen(js_name = rules, unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(&api::rules())
}
