//! `driftgate doctor` (DESIGN §10): the connection budget, the pooler and
//! the role's privileges, judged from the rows of a fixed set of queries
//! (run by the host: [`queries`]) and what the host saw of the route to the
//! server ([`Route`]). Pure, so a Node script can run the same checks.

use crate::Dialect;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Serialize)]
pub struct Query {
    pub name: &'static str,
    pub sql: &'static str,
}

/// The queries doctor needs, by name.
pub fn queries(dialect: Dialect) -> Vec<Query> {
    match dialect {
        Dialect::Postgres => vec![
            Query {
                name: "settings",
                sql: "SELECT current_setting('max_connections') AS max_connections, \
                      current_setting('superuser_reserved_connections') AS superuser_reserved, \
                      coalesce(current_setting('reserved_connections', true), '0') AS reserved, \
                      current_setting('server_version_num') AS version_num, current_user AS role, \
                      current_database() AS database, current_schema() AS schema",
            },
            Query {
                name: "role",
                sql: "SELECT rolsuper AS superuser, rolcreatedb AS createdb, rolcreaterole AS createrole, \
                      rolreplication AS replication, rolconnlimit AS connlimit FROM pg_roles WHERE rolname = current_user",
            },
            Query {
                name: "privileges",
                sql: "SELECT has_schema_privilege(current_user, current_schema(), 'CREATE') AS create_in_schema, \
                      has_database_privilege(current_database(), 'CREATE') AS create_schema, \
                      (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
                       WHERE n.nspname = current_schema() AND c.relkind IN ('r','p') \
                       AND NOT pg_has_role(current_user, c.relowner, 'USAGE')) AS tables_owned_by_others, \
                      (SELECT string_agg(DISTINCT pg_get_userbyid(c.relowner), ', ') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
                       WHERE n.nspname = current_schema() AND c.relkind IN ('r','p') \
                       AND NOT pg_has_role(current_user, c.relowner, 'USAGE')) AS other_owners",
            },
            Query {
                name: "connections",
                sql: "SELECT coalesce(usename, '') AS role, coalesce(nullif(application_name, ''), '(none)') AS application, \
                      coalesce(state, '') AS state, count(*) AS count FROM pg_stat_activity \
                      WHERE backend_type = 'client backend' GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3",
            },
        ],
        Dialect::Mysql => vec![
            Query {
                name: "settings",
                sql: "SELECT @@max_connections AS max_connections, 1 AS superuser_reserved, 0 AS reserved, \
                      @@version AS version, CURRENT_USER() AS role, DATABASE() AS `database`, DATABASE() AS `schema`",
            },
            Query { name: "grants", sql: "SHOW GRANTS FOR CURRENT_USER()" },
            Query {
                name: "connections",
                sql: "SELECT COALESCE(user, '') AS role, COALESCE(db, '') AS application, COALESCE(command, '') AS state, COUNT(*) AS count \
                      FROM information_schema.processlist GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3",
            },
        ],
    }
}

pub use crate::route::Route;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Ok,
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub id: &'static str,
    pub level: Level,
    pub message: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub help: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionUse {
    pub role: String,
    pub application: String,
    pub state: String,
    pub count: u64,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub dialect: Dialect,
    pub role: String,
    pub database: String,
    pub max_connections: u64,
    pub reserved_connections: u64,
    pub in_use: u64,
    /// Connections a deploy (1) plus a backfill (`--max-connections`) take.
    pub budget: u64,
    pub available: i64,
    pub route: Route,
    pub connections: Vec<ConnectionUse>,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn worst(&self) -> Level {
        self.findings.iter().map(|f| f.level).max().unwrap_or(Level::Ok)
    }
}

fn first<'a>(rows: &'a BTreeMap<String, Vec<Value>>, name: &str) -> Option<&'a Value> {
    rows.get(name).and_then(|r| r.first())
}

fn get_text(row: Option<&Value>, key: &str) -> Option<String> {
    match row?.get(key)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        v => Some(v.to_string()),
    }
}

fn get_u64(row: Option<&Value>, key: &str) -> u64 {
    get_text(row, key).and_then(|s| s.trim().parse::<f64>().ok()).map(|f| f.max(0.0) as u64).unwrap_or(0)
}

fn get_bool(row: Option<&Value>, key: &str) -> Option<bool> {
    match row?.get(key)? {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => Some(n.as_i64() != Some(0)),
        Value::String(s) => Some(matches!(s.as_str(), "t" | "true" | "1" | "on" | "yes")),
        _ => None,
    }
}

/// The server refused a connection for want of a free slot (Postgres
/// 53300 / 53400, MySQL 1040 / 1203 / 1226 — the last two per user).
pub fn out_of_connections(sqlstate: Option<&str>, mysql_code: Option<u16>, message: &str) -> bool {
    matches!(sqlstate, Some("53300" | "53400")) || matches!(mysql_code, Some(1040 | 1203 | 1226)) || message.contains("no more connections allowed")
}

/// What doctor says when it could not even connect for that reason.
pub fn refused_for_connections(error: &str) -> String {
    format!(
        "the server refused the connection because it has no free connection slot ({error}). A deploy or backfill right now would fail the same way, and the application is at the limit: free connections (lower the application's pool size or put PgBouncer in front of it) or raise max_connections"
    )
}

/// Judge the rows of [`queries`]. `backfill_connections` is the
/// `--max-connections` a backfill would use.
pub fn diagnose(dialect: Dialect, rows: &BTreeMap<String, Vec<Value>>, route: Route, backfill_connections: u64) -> Result<Report, String> {
    let settings = first(rows, "settings").ok_or("doctor: the `settings` query returned no row")?;
    let max = get_u64(Some(settings), "max_connections");
    let reserved = get_u64(Some(settings), "superuser_reserved") + get_u64(Some(settings), "reserved");
    let role = get_text(Some(settings), "role").unwrap_or_default();
    let database = get_text(Some(settings), "database").unwrap_or_default();
    let schema = get_text(Some(settings), "schema").unwrap_or_else(|| "public".into());
    let connections: Vec<ConnectionUse> = rows
        .get("connections")
        .map(|rs| {
            rs.iter()
                .map(|r| ConnectionUse {
                    role: get_text(Some(r), "role").unwrap_or_default(),
                    application: get_text(Some(r), "application").unwrap_or_default(),
                    state: get_text(Some(r), "state").unwrap_or_default(),
                    count: get_u64(Some(r), "count"),
                })
                .collect()
        })
        .unwrap_or_default();
    let in_use: u64 = connections.iter().map(|c| c.count).sum();
    let budget = 1 + backfill_connections;
    let available = max as i64 - reserved as i64 - in_use as i64;
    let mut findings = Vec::new();

    // Connection budget.
    let pct = if max > 0 { in_use * 100 / max } else { 0 };
    let top: Vec<String> = connections.iter().take(3).map(|c| format!("{} × {} / {} ({})", c.count, c.role, c.application, c.state)).collect();
    if available < budget as i64 {
        findings.push(Finding {
            id: "connection-budget",
            level: Level::Error,
            message: format!(
                "only {available} of {max} connections are free ({reserved} reserved for superusers, {in_use} in use: {}), but a deploy and a backfill need {budget}",
                top.join(", ")
            ),
            help: format!(
                "a deploy that cannot connect fails; one that takes the last slot starves the application. Free connections first (lower the application pool, or route it through a pooler), run the backfill with --max-connections {}, or raise max_connections",
                (available - 1).max(1)
            ),
        });
    } else if pct >= 80 {
        findings.push(Finding {
            id: "connection-budget",
            level: Level::Warning,
            message: format!("{in_use} of {max} connections in use ({pct}%): {}; {available} free, a deploy and a backfill need {budget}", top.join(", ")),
            help: "close to the limit: a traffic spike during the deploy could exhaust it. Keep --max-connections of the backfill low".into(),
        });
    } else {
        findings.push(Finding {
            id: "connection-budget",
            level: Level::Ok,
            message: format!("{in_use} of {max} connections in use; {available} free, a deploy and a backfill need {budget}"),
            help: String::new(),
        });
    }

    // The route.
    match (route.kind.as_str(), route.transaction_pooling) {
        ("direct", _) => findings.push(Finding { id: "pooler", level: Level::Ok, message: "direct connection to the server (no pooler)".into(), help: String::new() }),
        (kind, true) => findings.push(Finding {
            id: "pooler",
            level: Level::Warning,
            message: format!(
                "the URL goes through {kind} in {} mode: session state does not survive a transaction — session advisory locks (Prisma's migrate lock), SET without LOCAL, named prepared statements (before PgBouncer 1.21) and LISTEN break",
                route.pool_mode.as_deref().unwrap_or("transaction (assumed)")
            ),
            help: "driftgate deploy uses a transaction-level lock per migration here, but refuses migrations that must run outside a transaction (CREATE INDEX CONCURRENTLY): give deploys a direct URL to the server (Prisma: directUrl) and keep the pooled URL for the application".into(),
        }),
        (kind, false) => findings.push(Finding {
            id: "pooler",
            level: Level::Info,
            message: format!("the URL goes through {kind} in {} mode: session state is kept for the connection", route.pool_mode.as_deref().unwrap_or("session")),
            help: "each deploy holds one pooled server connection for its whole run".into(),
        }),
    }

    // Privileges.
    match dialect {
        Dialect::Postgres => {
            let r = first(rows, "role");
            let superuser = get_bool(r, "superuser").unwrap_or(false);
            let createdb = get_bool(r, "createdb").unwrap_or(false);
            let p = first(rows, "privileges");
            let create_in_schema = get_bool(p, "create_in_schema").unwrap_or(false);
            let others = get_u64(p, "tables_owned_by_others");
            let owners = get_text(p, "other_owners").unwrap_or_default();
            if superuser {
                findings.push(Finding {
                    id: "superuser",
                    level: Level::Warning,
                    message: format!("role {role} is a superuser"),
                    help: "migrations run as a superuser bypass every permission check: a mistaken DROP or a malicious migration meets no resistance, and objects they create may be owned by the superuser so the application role cannot alter them later. Deploy with a dedicated owner role (CREATE ROLE app_owner LOGIN; ALTER SCHEMA public OWNER TO app_owner) and run the application with a role that has only DML rights".into(),
                });
            }
            if !superuser && !create_in_schema {
                findings.push(Finding {
                    id: "create-in-schema",
                    level: Level::Error,
                    message: format!("role {role} cannot CREATE in schema {schema}: migrations that create tables, indexes or types will fail"),
                    help: format!("grant it: GRANT CREATE ON SCHEMA {schema} TO {role}; (or deploy with the schema's owner role). If this is the application's runtime role, that is right: give deploys their own URL"),
                });
            } else if create_in_schema || superuser {
                findings.push(Finding { id: "create-in-schema", level: Level::Ok, message: format!("role {role} can CREATE in schema {schema}"), help: String::new() });
            }
            if !superuser && others > 0 {
                findings.push(Finding {
                    id: "table-ownership",
                    level: Level::Warning,
                    message: format!("{others} table(s) in {schema} belong to other roles ({owners}): ALTER TABLE, CREATE INDEX and DROP on them fail for {role}"),
                    help: format!("only a table's owner may alter it. Deploy as the owner, or transfer them: ALTER TABLE … OWNER TO {role};"),
                });
            }
            if !superuser && !createdb {
                findings.push(Finding {
                    id: "createdb",
                    level: Level::Info,
                    message: format!("role {role} lacks CREATEDB"),
                    help: "`prisma migrate dev` needs a shadow database it creates and drops; in development grant it (ALTER ROLE … CREATEDB) or set shadowDatabaseUrl. Deploys do not need it".into(),
                });
            }
        }
        Dialect::Mysql => {
            let grants: Vec<String> = rows
                .get("grants")
                .map(|rs| rs.iter().filter_map(|r| r.as_object().and_then(|o| o.values().next()).and_then(|v| v.as_str().map(str::to_string))).collect())
                .unwrap_or_default();
            let all = grants.join("\n").to_ascii_uppercase();
            let global_all = grants.iter().any(|g| {
                let u = g.to_ascii_uppercase();
                u.contains("ON *.*") && (u.contains("ALL PRIVILEGES") || u.contains("SUPER"))
            });
            let has = |p: &str| all.contains("ALL PRIVILEGES") || all.contains(p);
            if global_all {
                findings.push(Finding {
                    id: "superuser",
                    level: Level::Warning,
                    message: format!("{role} has global ALL PRIVILEGES / SUPER"),
                    help: "deploy with a user limited to the application's database: GRANT ALL ON app.* TO 'deployer'@'%'; run the application with DML rights only".into(),
                });
            }
            let missing: Vec<&str> = ["CREATE", "ALTER", "DROP", "INDEX", "REFERENCES"].into_iter().filter(|p| !has(p)).collect();
            if missing.is_empty() {
                findings.push(Finding { id: "create-in-schema", level: Level::Ok, message: format!("{role} can run DDL in {database}"), help: String::new() });
            } else {
                findings.push(Finding {
                    id: "create-in-schema",
                    level: Level::Error,
                    message: format!("{role} lacks {} on {database}: migrations will fail", missing.join(", ")),
                    help: format!("GRANT {} ON `{database}`.* TO {role}; (or deploy with a user that has them)", missing.join(", ")),
                });
            }
        }
    }
    Ok(Report {
        dialect,
        role,
        database,
        max_connections: max,
        reserved_connections: reserved,
        in_use,
        budget,
        available,
        route,
        connections,
        findings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pg(max: u64, in_use: u64, superuser: bool, createdb: bool, create: bool) -> BTreeMap<String, Vec<Value>> {
        let mut rows = BTreeMap::new();
        rows.insert("settings".into(), vec![json!({"max_connections": max.to_string(), "superuser_reserved": "3", "reserved": "0", "role": "app", "database": "shop", "schema": "public"})]);
        rows.insert("role".into(), vec![json!({"superuser": if superuser {"t"} else {"f"}, "createdb": createdb})]);
        rows.insert("privileges".into(), vec![json!({"create_in_schema": create, "tables_owned_by_others": "0"})]);
        rows.insert("connections".into(), vec![json!({"role": "app", "application": "api", "state": "idle", "count": in_use})]);
        rows
    }

    #[test]
    fn near_max_connections_is_an_error_with_the_numbers() {
        let r = diagnose(Dialect::Postgres, &pg(20, 16, false, true, true), Route { kind: "direct".into(), ..Default::default() }, 2).unwrap();
        let f = r.findings.iter().find(|f| f.id == "connection-budget").unwrap();
        assert_eq!(f.level, Level::Error);
        assert!(f.message.contains("only 1 of 20 connections are free"), "{}", f.message);
        assert_eq!(r.worst(), Level::Error);
    }

    #[test]
    fn superuser_pooler_and_createdb() {
        let route = Route { kind: "pgbouncer".into(), pool_mode: Some("transaction".into()), transaction_pooling: true, server_version_num: 150000 };
        let r = diagnose(Dialect::Postgres, &pg(100, 5, true, true, true), route, 2).unwrap();
        let ids: Vec<(&str, Level)> = r.findings.iter().map(|f| (f.id, f.level)).collect();
        assert!(ids.contains(&("superuser", Level::Warning)));
        assert!(ids.contains(&("pooler", Level::Warning)));
        let r = diagnose(Dialect::Postgres, &pg(100, 5, false, false, false), Route { kind: "direct".into(), ..Default::default() }, 2).unwrap();
        let ids: Vec<(&str, Level)> = r.findings.iter().map(|f| (f.id, f.level)).collect();
        assert!(ids.contains(&("createdb", Level::Info)));
        assert!(ids.contains(&("create-in-schema", Level::Error)));
    }

    #[test]
    fn missing_rows_are_errors_not_panics() {
        assert!(diagnose(Dialect::Mysql, &BTreeMap::new(), Route::default(), 2).is_err());
    }
}
