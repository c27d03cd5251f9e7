//! driftgate-core: pure analysis. No I/O, no async, no threads; builds for
//! `wasm32-unknown-unknown` and native alike. Hosts hand it bytes and get
//! back plain data (all of it `serde`-serialisable).
//!
//! - [`sql`]: lexing, statement splitting with spans, sqlparser per statement,
//!   token-level classification (the DDL reader), `DO`-block extraction.
//! - [`schema`]: the schema model and type/default normalisation.
//! - [`replay`]: DDL → model, with everything it cannot model listed.
//! - [`history`]: migration folder formats, ordering, checksums, integrity.
//! - [`drizzle`]: Drizzle snapshot JSON → model.
//! - [`prisma`]: Prisma schema text → model (what `prisma migrate` would create).
//! - [`catalog`]: the catalog queries for a live database and their rows → model.
//! - [`lint`]: the rules and their engine; [`config`]: driftgate.toml.
//! - [`api`]: the JS API (DESIGN §11) the wasm and napi hosts expose.

pub mod api;
pub mod backfill;
pub mod catalog;
pub mod check;
pub mod config;
pub mod deploy;
pub mod diff;
pub mod doctor;
pub mod drizzle;
pub mod lint;
pub mod history;
pub mod prisma;
pub mod replay;
pub mod route;
pub mod schema;
pub mod source;
pub mod span;
pub mod sql;

use serde::{Deserialize, Serialize};

/// The SQL dialect of a file or history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    #[default]
    Postgres,
    /// MySQL and MariaDB.
    Mysql,
}

impl Dialect {
    /// Accepts the spellings used by Prisma (`postgresql`, `mysql`), Drizzle
    /// (`pg`, `postgresql`, `mysql`) and users (`postgres`, `mariadb`).
    pub fn parse(s: &str) -> Option<Dialect> {
        match s.trim().to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" | "pg" | "cockroachdb" => Some(Dialect::Postgres),
            "mysql" | "mariadb" => Some(Dialect::Mysql),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Dialect::Postgres => "postgres",
            Dialect::Mysql => "mysql",
        }
    }

    /// The schema objects live in when none is named.
    pub fn default_schema(self) -> &'static str {
        match self {
            Dialect::Postgres => "public",
            Dialect::Mysql => "",
        }
    }

    /// Identifier length limit in bytes.
    pub fn max_identifier_bytes(self) -> usize {
        match self {
            Dialect::Postgres => 63,
            Dialect::Mysql => 64,
        }
    }
}
