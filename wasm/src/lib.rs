//! driftgate-wasm: the JS API of DESIGN §11 for WebAssembly (browsers, editor
//! extensions, Node), as thin wasm-bindgen wrappers over `driftgate-core`.
//!
//! Every decision lives in the core. This crate only converts: JS values in
//! (via serde-wasm-bindgen), core calls, plain JS objects out (maps become
//! plain objects, `None` becomes `null`), core errors into thrown `Error`s.
//!
//! Build with `scripts/build-wasm.sh`; the crate also compiles natively (the
//! wrappers then only fail at run time, as `JsValue` needs a JS host).

use driftgate_core::replay::MigrationSource;
use driftgate_core::{drizzle, replay, sql, Dialect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export interface Options {
  /** SQL dialect; default 'postgres'. */
  dialect?: 'postgres' | 'mysql';
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

/// The options object every function accepts (`{dialect?}` for now).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Options {
    dialect: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Migration {
    name: String,
    sql: String,
}

fn error(message: impl AsRef<str>) -> JsValue {
    JsError::new(message.as_ref()).into()
}

fn present(v: &Option<JsValue>) -> Option<&JsValue> {
    v.as_ref().filter(|v| !v.is_undefined() && !v.is_null())
}

fn dialect(options: Option<JsValue>) -> Result<Dialect, JsValue> {
    let options: Options = match present(&options) {
        Some(v) => serde_wasm_bindgen::from_value(v.clone()).map_err(|e| error(format!("invalid options: {e}")))?,
        None => Options::default(),
    };
    match options.dialect {
        None => Ok(Dialect::default()),
        Some(name) => Dialect::parse(&name).ok_or_else(|| error(format!("unknown dialect {name:?}: expected 'postgres' or 'mysql'"))),
    }
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(JsValue::from)
}

/// `splitStatements(sql, options?)`: the statements of a SQL file, in
/// execution order (statements inside `DO` blocks follow their block), with
/// byte spans, parse status and the token reader's classification.
#[wasm_bindgen(js_name = splitStatements)]
pub fn split_statements(
    sql: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let file = sql::analyze(sql, dialect(options)?);
    to_js(&file.statements)
}

/// `replay(migrations, options?)`: replay `{name, sql}` migrations in order
/// from an empty schema; `{schema, unmodelled, unparsed, summary}`.
#[wasm_bindgen(js_name = replay)]
pub fn replay_migrations(
    #[wasm_bindgen(unchecked_param_type = "Migration[]")] migrations: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let dialect = dialect(options)?;
    let migrations: Vec<Migration> =
        serde_wasm_bindgen::from_value(migrations).map_err(|e| error(format!("migrations must be an array of {{name, sql}} objects: {e}")))?;
    let sources: Vec<MigrationSource> = migrations.iter().map(|m| MigrationSource { name: &m.name, sql: &m.sql }).collect();
    to_js(&replay::replay(&sources, dialect))
}

/// `parseDrizzleSnapshot(json)`: a Drizzle `meta/NNNN_snapshot.json` as a
/// schema. Throws an `Error` with `line` and `column` (1-based) on failure.
#[wasm_bindgen(js_name = parseDrizzleSnapshot)]
pub fn parse_drizzle_snapshot(json: &str) -> Result<JsValue, JsValue> {
    match drizzle::parse_snapshot(json) {
        Ok(schema) => to_js(&schema),
        Err(e) => {
            let err = JsErrorObject::new(&e.message);
            err.set_line(e.line as f64);
            err.set_column(e.column as f64);
            Err(err.into())
        }
    }
}
