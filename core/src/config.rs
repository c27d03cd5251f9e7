//! `driftgate.toml` (DESIGN §5): rule levels, dialect, Postgres version,
//! `assume-in-transaction`, excluded paths. The host finds the file (walking
//! up from the linted path) and hands its text here.
//!
//! ```toml
//! dialect = "postgres"          # or "mysql"
//! pg-version = 15
//! assume-in-transaction = false
//! exclude = ["migrations/0000_*", "**/seed.sql"]
//!
//! [rules]
//! prefer-text = "info"          # turn a default-off rule on
//! drop-column = "off"
//! set-not-null = "error"
//! ```

use crate::lint::{rules, LintOptions, RuleLevel};
use crate::Dialect;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    pub dialect: Option<Dialect>,
    pub pg_version: Option<u32>,
    pub assume_in_transaction: Option<bool>,
    pub exclude: Vec<String>,
    pub rules: BTreeMap<String, RuleLevel>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConfigError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

impl Config {
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let value: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            ConfigError { message: e.message().to_string(), line, column }
        })?;
        let at = |key: &str| {
            let (line, column) = text.find(key).map(|i| line_col(text, i)).unwrap_or((1, 1));
            move |message: String| ConfigError { message, line, column }
        };
        let mut cfg = Config::default();
        for (key, v) in &value {
            match key.as_str() {
                "dialect" => {
                    let s = v.as_str().ok_or_else(|| at(key)("`dialect` must be a string: \"postgres\" or \"mysql\"".into()))?;
                    cfg.dialect = Some(Dialect::parse(s).ok_or_else(|| at(key)(format!("unknown dialect {s:?}: use \"postgres\" or \"mysql\"")))?);
                }
                "pg-version" => {
                    let n = v.as_integer().filter(|n| (9..=30).contains(n)).ok_or_else(|| at(key)("`pg-version` must be a Postgres major version such as 15".into()))?;
                    cfg.pg_version = Some(n as u32);
                }
                "assume-in-transaction" => {
                    cfg.assume_in_transaction = Some(v.as_bool().ok_or_else(|| at(key)("`assume-in-transaction` must be true or false".into()))?);
                }
                "exclude" => {
                    let arr = v.as_array().ok_or_else(|| at(key)("`exclude` must be an array of glob patterns".into()))?;
                    for p in arr {
                        cfg.exclude.push(p.as_str().ok_or_else(|| at(key)("`exclude` entries must be strings".into()))?.to_string());
                    }
                }
                "rules" => {
                    let t = v.as_table().ok_or_else(|| at(key)("`[rules]` must be a table of rule = \"off\"|\"info\"|\"warning\"|\"error\"".into()))?;
                    for (rule, level) in t {
                        if rules::find(rule).is_none() {
                            return Err(at(rule)(format!("unknown rule {rule:?} (see `driftgate rules`)")));
                        }
                        let lv = level
                            .as_str()
                            .and_then(RuleLevel::parse)
                            .or_else(|| level.as_bool().map(|b| if b { rules::find(rule).map(|r| r.severity.into()).unwrap_or(RuleLevel::Warning) } else { RuleLevel::Off }))
                            .ok_or_else(|| at(rule)(format!("rule {rule:?}: level must be \"off\", \"info\", \"warning\" or \"error\"")))?;
                        cfg.rules.insert(rule.to_string(), lv);
                    }
                }
                other => return Err(at(other)(format!("unknown setting {other:?} (known: dialect, pg-version, assume-in-transaction, exclude, [rules])"))),
            }
        }
        Ok(cfg)
    }

    /// Apply the file's settings to lint options (command-line flags are
    /// applied by the caller afterwards, so they win).
    pub fn apply(&self, opts: &mut LintOptions) {
        if let Some(d) = self.dialect {
            opts.dialect = d;
        }
        if let Some(v) = self.pg_version {
            opts.pg_version = v;
        }
        if let Some(t) = self.assume_in_transaction {
            opts.assume_in_transaction = t;
        }
        for (k, v) in &self.rules {
            opts.rules.insert(k.clone(), *v);
        }
    }

    /// Whether a path (relative to the config file's directory, `/`-separated)
    /// is excluded.
    pub fn is_excluded(&self, rel_path: &str) -> bool {
        self.exclude.iter().any(|p| glob_match(p, rel_path) || glob_match(&format!("{p}/**"), rel_path))
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let pos = crate::span::LineIndex::new(text).position(text, offset);
    (pos.line, pos.column)
}

/// Glob match with `*` (within a path segment), `**` (any segments) and `?`.
pub fn glob_match(pattern: &str, path: &str) -> bool {
    fn go(p: &[u8], s: &[u8]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some(b'*') if p.get(1) == Some(&b'*') => {
                // `**` spans any number of segments; `**/x` also matches `x`.
                (0..=s.len()).any(|i| go(&p[2..], &s[i..])) || (p.get(2) == Some(&b'/') && go(&p[3..], s))
            }
            Some(b'*') => (0..=s.len()).take_while(|&i| i == 0 || s[i - 1] != b'/').any(|i| go(&p[1..], &s[i..])),
            Some(b'?') => !s.is_empty() && s[0] != b'/' && go(&p[1..], &s[1..]),
            Some(&c) => s.first() == Some(&c) && go(&p[1..], &s[1..]),
        }
    }
    go(pattern.as_bytes(), path.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_settings_and_rules() {
        let c = Config::parse("dialect = \"mysql\"\npg-version = 12\nexclude = [\"old/*\"]\n[rules]\ndrop-column = \"off\"\nset-not-null = \"error\"\n").unwrap();
        assert_eq!(c.dialect, Some(Dialect::Mysql));
        assert_eq!(c.rules["drop-column"], RuleLevel::Off);
        assert!(c.is_excluded("old/0001.sql"));
        assert!(!c.is_excluded("new/0001.sql"));
    }

    #[test]
    fn errors_have_locations() {
        let e = Config::parse("dialect = \"postgres\"\n[rules]\ndrop-colum = \"off\"\n").unwrap_err();
        assert_eq!((e.line, e.message.contains("unknown rule")), (3, true));
        let e = Config::parse("dialect = \n").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn globs() {
        assert!(glob_match("**/seed.sql", "a/b/seed.sql"));
        assert!(glob_match("**/seed.sql", "seed.sql"));
        assert!(glob_match("migrations/0000_*", "migrations/0000_init.sql"));
        assert!(!glob_match("migrations/*", "migrations/a/b.sql"));
        assert!(glob_match("migrations/**", "migrations/a/b.sql"));
    }
}
