//! The native side of the cross-host conformance test: reads a JSON list of
//! cases on stdin (`{"fn": "lint"|"splitStatements"|"replay"|"parseDrizzleSnapshot"|"rules"|
//! "catalogQueries"|"schemaFromCatalog", "args": [...]}`), runs each through `driftgate_core::api` natively, and
//! prints a JSON array of results (`{"ok": value}` or `{"error": message}`),
//! to be compared byte for byte with the wasm package and the napi addon.

use driftgate_core::api;
use serde_json::{json, Value};
use std::io::Read;

fn run(f: &str, args: &[Value]) -> Result<Value, String> {
    let opts = |i: usize| -> Result<api::Options, String> {
        match args.get(i) {
            Some(v) if !v.is_null() => serde_json::from_value(v.clone()).map_err(|e| format!("invalid options: {e}")),
            _ => Ok(api::Options::default()),
        }
    };
    let s = |i: usize| args.get(i).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let to = |r: Result<Value, api::ApiError>| r.map_err(|e| e.message);
    match f {
        "lint" => to(api::lint(&s(0), &opts(1)?).map(|r| json!(r))),
        "splitStatements" => to(api::split_statements(&s(0), &opts(1)?).map(|r| json!(r))),
        "replay" => {
            let migrations: Vec<api::Migration> = serde_json::from_value(args.first().cloned().unwrap_or_default()).map_err(|e| e.to_string())?;
            to(api::replay(&migrations, &opts(1)?).map(|r| json!(r)))
        }
        "parseDrizzleSnapshot" => to(api::parse_drizzle_snapshot(&s(0)).map(|r| json!(r))),
        "rules" => Ok(json!(api::rules())),
        "catalogQueries" => to(api::catalog_queries(&s(0)).map(|r| json!(r))),
        "schemaFromCatalog" => {
            let rows = serde_json::from_value(args.get(1).cloned().unwrap_or_default())
                .map_err(|e| format!("rows must be an object mapping each query name to its array of rows: {e}"))?;
            to(api::schema_from_catalog(&s(0), &rows).map(|r| json!(r)))
        }
        other => Err(format!("unknown function {other}")),
    }
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("stdin");
    let cases: Vec<Value> = serde_json::from_str(&input).expect("a JSON array of cases");
    let out: Vec<Value> = cases
        .iter()
        .map(|c| {
            let f = c["fn"].as_str().unwrap_or("");
            let args = c["args"].as_array().cloned().unwrap_or_default();
            match run(f, &args) {
                Ok(v) => json!({ "ok": v }),
                Err(e) => json!({ "error": e }),
            }
        })
        .collect();
    println!("{}", serde_json::to_string(&out).unwrap());
}
