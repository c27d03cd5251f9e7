//! driftgate-node: the JS API of DESIGN §11 as a napi-rs addon, with the same
//! names and result shapes as the wasm package: both call `driftgate_core::api`
//! and serialise its results, so they agree by construction (and the
//! conformance test checks it).
//!
//! Plus two host conveniences that read files, asynchronously on the libuv
//! thread pool: `lintFiles(paths, options?)` and `checkProject(dir,
//! options?)`, returning Promises of the CLI's `lint`/`check --format json`
//! objects (the reading is in `files.rs`, every decision in the core).
//! TypeScript declarations: `index.d.ts`; loader: `index.js`.

mod alloc;
mod files;

/// The core is allocation-heavy (tokens, ASTs, names, messages): mimalloc,
/// as in the CLI, makes lint() of a large migration markedly faster than
/// glibc's malloc. Only this library's own allocations use it.
#[global_allocator]
static GLOBAL: alloc::MiMalloc = alloc::MiMalloc;

use driftgate_core::api;
use napi::bindgen_prelude::*;
use napi_derive::napi;
use serde_json::Value;

fn options(o: Option<Value>) -> Result<api::Options> {
    match o {
        Some(v) if !v.is_null() => serde_json::from_value(v).map_err(|e| Error::from_reason(format!("invalid options: {e}"))),
        _ => Ok(api::Options::default()),
    }
}

fn api_error(e: api::ApiError) -> Error {
    match (e.line, e.column) {
        (Some(l), Some(c)) => Error::from_reason(format!("{} (line {l}, column {c})", e.message)),
        _ => Error::from_reason(e.message),
    }
}

fn to_value<T: serde::Serialize>(v: &T) -> Result<Value> {
    serde_json::to_value(v).map_err(|e| Error::from_reason(e.to_string()))
}

/// `lint(sql, options?)`: diagnostics with UTF-16 `start`/`end`, 1-based
/// line/column, help and fixes.
#[napi(catch_unwind)]
pub fn lint(sql: String, options_arg: Option<Value>) -> Result<Value> {
    to_value(&api::lint(&sql, &options(options_arg)?).map_err(api_error)?)
}

/// `splitStatements(sql, options?)`.
#[napi(js_name = "splitStatements", catch_unwind)]
pub fn split_statements(sql: String, options_arg: Option<Value>) -> Result<Value> {
    to_value(&api::split_statements(&sql, &options(options_arg)?).map_err(api_error)?)
}

/// `replay(migrations, options?)`.
#[napi(catch_unwind)]
pub fn replay(migrations: Value, options_arg: Option<Value>) -> Result<Value> {
    let opts = options(options_arg)?;
    let migrations: Vec<api::Migration> =
        serde_json::from_value(migrations).map_err(|e| Error::from_reason(format!("migrations must be an array of {{name, sql}} objects: {e}")))?;
    to_value(&api::replay(&migrations, &opts).map_err(api_error)?)
}

/// `parseDrizzleSnapshot(json)`.
#[napi(js_name = "parseDrizzleSnapshot", catch_unwind)]
pub fn parse_drizzle_snapshot(json: String) -> Result<Value> {
    to_value(&api::parse_drizzle_snapshot(&json).map_err(api_error)?)
}

/// `catalogQueries(dialect)`: the catalog queries to run with your driver.
#[napi(js_name = "catalogQueries", catch_unwind)]
pub fn catalog_queries(dialect: String) -> Result<Value> {
    to_value(&api::catalog_queries(&dialect).map_err(api_error)?)
}

/// `schemaFromCatalog(dialect, rows)`: the model from the catalog rows.
#[napi(js_name = "schemaFromCatalog", catch_unwind)]
pub fn schema_from_catalog(dialect: String, rows: Value) -> Result<Value> {
    let rows: std::collections::BTreeMap<String, Vec<Value>> =
        serde_json::from_value(rows).map_err(|e| Error::from_reason(format!("rows must be an object mapping each query name to its array of rows: {e}")))?;
    to_value(&api::schema_from_catalog(&dialect, &rows).map_err(api_error)?)
}

/// `rules()`: the rule catalog with each rule's documentation.
#[napi(catch_unwind)]
pub fn rules() -> Result<Value> {
    to_value(&api::rules())
}

// ---- host conveniences: read files off the main thread ----------------------

/// A JSON result handed back to JS as plain objects.
pub struct Json(Value);

impl TypeName for Json {
    fn type_name() -> &'static str {
        "Object"
    }

    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl ToNapiValue for Json {
    unsafe fn to_napi_value(env: napi::sys::napi_env, val: Self) -> Result<napi::sys::napi_value> {
        unsafe { Value::to_napi_value(env, val.0) }
    }
}

fn project_options(o: Option<Value>) -> Result<api::ProjectOptions> {
    match o {
        Some(v) if !v.is_null() => serde_json::from_value(v).map_err(|e| Error::from_reason(format!("invalid options: {e}"))),
        _ => Ok(api::ProjectOptions::default()),
    }
}

/// Run on the thread pool; a panic becomes a rejected Promise, never a crash.
fn guarded<T: serde::Serialize>(f: impl FnOnce() -> Result<T> + std::panic::UnwindSafe) -> Result<Value> {
    match std::panic::catch_unwind(f) {
        Ok(r) => to_value(&r?),
        Err(p) => {
            let what = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_default();
            Err(Error::from_reason(format!("driftgate internal error (please report): {what}")))
        }
    }
}

pub struct LintFilesTask {
    paths: Option<Value>,
    options: Option<Value>,
}

impl Task for LintFilesTask {
    type Output = Value;
    type JsValue = Json;

    fn compute(&mut self) -> Result<Value> {
        let (paths, opts) = (self.paths.take(), self.options.take());
        guarded(move || {
            let paths: Vec<String> = match paths {
                Some(Value::String(s)) => vec![s],
                Some(v) => serde_json::from_value(v).map_err(|_| Error::from_reason("paths must be an array of file or folder paths"))?,
                None => return Err(Error::from_reason("paths must be an array of file or folder paths")),
            };
            files::lint_files(&paths, &project_options(opts)?).map_err(api_error)
        })
    }

    fn resolve(&mut self, _env: Env, output: Value) -> Result<Json> {
        Ok(Json(output))
    }
}

/// `lintFiles(paths, options?)`: lint files and migration folders as
/// `driftgate lint --format json` does (a folder's migrations, or a file
/// inside a history, each against the replay of the migrations before it;
/// `driftgate.toml` found walking up). Resolves to `{version, diagnostics,
/// summary}`; reading and linting run on the libuv thread pool.
#[napi(js_name = "lintFiles", ts_args_type = "paths: string[], options?: ProjectOptions", ts_return_type = "Promise<LintReport>")]
pub fn lint_files(paths: Option<Value>, options: Option<Value>) -> AsyncTask<LintFilesTask> {
    AsyncTask::new(LintFilesTask { paths, options })
}

pub struct CheckProjectTask {
    dir: Option<Value>,
    options: Option<Value>,
}

impl Task for CheckProjectTask {
    type Output = Value;
    type JsValue = Json;

    fn compute(&mut self) -> Result<Value> {
        let (dir, opts) = (self.dir.take(), self.options.take());
        guarded(move || {
            let dir = match dir {
                Some(Value::String(s)) => s,
                None | Some(Value::Null) => ".".to_string(),
                Some(_) => return Err(Error::from_reason("dir must be a path (string)")),
            };
            files::check_project(&dir, &project_options(opts)?).map_err(api_error)
        })
    }

    fn resolve(&mut self, _env: Env, output: Value) -> Result<Json> {
        Ok(Json(output))
    }
}

/// `checkProject(dir, options?)`: the pull-request gate of `driftgate
/// check`: history integrity, drift between the replayed migrations and
/// schema.prisma / the latest Drizzle snapshot (or `options.schema`), the
/// missing migration's SQL, lint of `options.newMigrations`, `passed`.
#[napi(js_name = "checkProject", ts_args_type = "dir: string, options?: ProjectOptions", ts_return_type = "Promise<CheckResult>")]
pub fn check_project(dir: Option<Value>, options: Option<Value>) -> AsyncTask<CheckProjectTask> {
    AsyncTask::new(CheckProjectTask { dir, options })
}
