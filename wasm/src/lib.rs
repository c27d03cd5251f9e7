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

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export interface Options {
  /** SQL dialect; default 'postgres'. */
  dialect?: 'postgres' | 'mysql';
  /** Postgres major version; default 15. */
  pgVersion?: number;
  /** The file's name (a `.down.sql` name lints it as a rollback). */
  filename?: string;
  /** Rule levels: 'off' | 'info' | 'warning' | 'error'. */
  rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** Which tool runs the migration (decides transaction semantics). */
  history?: 'prisma' | 'drizzle' | 'plain';
  assumeInTransaction?: boolean;
}
export interface Migration {
  name: string;
  sql: string;
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

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}

/// `lint(sql, options?)`: diagnostics with UTF-16 `start`/`end` (so
/// `sql.slice(d.start, d.end)` is the flagged text), 1-based line/column,
/// the rule's help and, where mechanical, a fix.
#[wasm_bindgen(js_name = lint)]
pub fn lint(sql: &str, #[wasm_bindgen(unchecked_optional_param_type = "Options")] opts: Option<JsValue>) -> Result<JsValue, JsValue> {
    to_js(&api::lint(sql, &options(opts)?).map_err(api_error)?)
}

/// `splitStatements(sql, options?)`: the statements of a SQL file in
/// execution order (statements inside `DO` blocks follow their block), with
/// UTF-16 offsets, parse status and the token reader's classification.
#[wasm_bindgen(js_name = splitStatements)]
pub fn split_statements(sql: &str, #[wasm_bindgen(unchecked_optional_param_type = "Options")] opts: Option<JsValue>) -> Result<JsValue, JsValue> {
    to_js(&api::split_statements(sql, &options(opts)?).map_err(api_error)?)
}

/// `replay(migrations, options?)`: replay `{name, sql}` migrations in order
/// from an empty schema; `{schema, unmodelled, unparsed, summary}`.
#[wasm_bindgen(js_name = replay)]
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
#[wasm_bindgen(js_name = parseDrizzleSnapshot)]
pub fn parse_drizzle_snapshot(json: &str) -> Result<JsValue, JsValue> {
    to_js(&api::parse_drizzle_snapshot(json).map_err(api_error)?)
}

/// `rules()`: the rule catalog with each rule's documentation.
#[wasm_bindgen(js_name = rules)]
pub fn rules() -> Result<JsValue, JsValue> {
    to_js(&api::rules())
}
