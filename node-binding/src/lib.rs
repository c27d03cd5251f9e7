//! driftgate-node: the JS API of DESIGN §11 as a napi-rs addon, with the same
//! names and result shapes as the wasm package: both call `driftgate_core::api`
//! and serialise its results, so they agree by construction (and the
//! conformance test checks it).

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
#[napi]
pub fn lint(sql: String, options_arg: Option<Value>) -> Result<Value> {
    to_value(&api::lint(&sql, &options(options_arg)?).map_err(api_error)?)
}

/// `splitStatements(sql, options?)`.
#[napi(js_name = "splitStatements")]
pub fn split_statements(sql: String, options_arg: Option<Value>) -> Result<Value> {
    to_value(&api::split_statements(&sql, &options(options_arg)?).map_err(api_error)?)
}

/// `replay(migrations, options?)`.
#[napi]
pub fn replay(migrations: Value, options_arg: Option<Value>) -> Result<Value> {
    let opts = options(options_arg)?;
    let migrations: Vec<api::Migration> =
        serde_json::from_value(migrations).map_err(|e| Error::from_reason(format!("migrations must be an array of {{name, sql}} objects: {e}")))?;
    to_value(&api::replay(&migrations, &opts).map_err(api_error)?)
}

/// `parseDrizzleSnapshot(json)`.
#[napi(js_name = "parseDrizzleSnapshot")]
pub fn parse_drizzle_snapshot(json: String) -> Result<Value> {
    to_value(&api::parse_drizzle_snapshot(&json).map_err(api_error)?)
}

/// `rules()`: the rule catalog with each rule's documentation.
#[napi]
pub fn rules() -> Result<Value> {
    to_value(&api::rules())
}
