//! `driftgate doctor` against the real servers: a superuser, a role without
//! CREATEDB or CREATE on the schema, a connection through PgBouncer, and a
//! server near `max_connections` (connections really held open).

use driftgate::db::{Db, DbUrl};
use driftgate_tests::cli::driftgate;
use driftgate_tests::live::{mariadb, mysql_admin_url, pg_admin_url, psql, unique_name, with_database, TestDb};
use serde_json::Value;

fn finding<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["findings"].as_array().unwrap().iter().find(|f| f["id"] == id).unwrap_or_else(|| panic!("no {id} finding in {report}"))
}

#[test]
fn superuser_and_pgbouncer() {
    let db = TestDb::postgres("doctor_super");
    let run = driftgate(&["doctor", "--database-url", &db.url, "--format", "json"]);
    assert_eq!(run.code, 0, "{run}");
    let r = run.json();
    assert_eq!(finding(&r, "superuser")["level"], "warning");
    assert_eq!(finding(&r, "pooler")["level"], "ok");

    let run = driftgate(&["doctor", "--database-url", db.bouncer(), "--format", "json"]);
    assert_eq!(run.code, 0, "{run}");
    let r = run.json();
    assert_eq!(r["route"]["kind"], "pgbouncer");
    assert_eq!(r["route"]["poolMode"], "transaction");
    let pooler = finding(&r, "pooler");
    assert_eq!(pooler["level"], "warning");
    assert!(pooler["message"].as_str().unwrap().contains("session advisory locks"), "{pooler}");
    assert!(pooler["help"].as_str().unwrap().contains("direct URL"), "{pooler}");

    let tty = driftgate(&["doctor", "--database-url", db.bouncer()]);
    assert!(tty.stdout.contains("goes through pgbouncer in transaction mode"), "{tty}");
}

#[test]
fn role_without_createdb_or_create_on_schema() {
    let db = TestDb::postgres("doctor_role");
    let role = unique_name("doctor_app");
    psql(&pg_admin_url(), &format!("CREATE ROLE {role} LOGIN PASSWORD 'app-pw' NOCREATEDB NOSUPERUSER")).unwrap();
    db.run(&format!("CREATE TABLE owned_by_admin (id int); GRANT CONNECT ON DATABASE \"{}\" TO {role}", db.name)).unwrap();
    let url = format!("postgres://{role}:app-pw@127.0.0.1:{}/{}", DbUrl::parse(&db.url).unwrap().port, db.name);

    // PostgreSQL 15: nobody but the owner may CREATE in public.
    let run = driftgate(&["doctor", "--database-url", &url, "--format", "json"]);
    assert_eq!(run.code, 1, "{run}");
    let r = run.json();
    assert_eq!(finding(&r, "createdb")["level"], "info");
    let create = finding(&r, "create-in-schema");
    assert_eq!(create["level"], "error");
    assert!(create["help"].as_str().unwrap().contains(&format!("GRANT CREATE ON SCHEMA public TO {role}")), "{create}");
    let owners = finding(&r, "table-ownership");
    assert!(owners["message"].as_str().unwrap().contains("1 table(s)"), "{owners}");
    assert!(r["findings"].as_array().unwrap().iter().all(|f| f["id"] != "superuser"));

    db.run(&format!("GRANT CREATE ON SCHEMA public TO {role}")).unwrap();
    let run = driftgate(&["doctor", "--database-url", &url, "--format", "json"]);
    assert_eq!(run.code, 0, "{run}");
    assert_eq!(finding(&run.json(), "create-in-schema")["level"], "ok");
    drop(db);
    let _ = psql(&pg_admin_url(), &format!("DROP ROLE IF EXISTS {role}"));
}

#[test]
fn near_max_connections_on_postgres() {
    let db = TestDb::postgres("doctor_full");
    let admin = DbUrl::parse(&db.url).unwrap();
    let count = |sql: &str| -> i64 { psql(&db.url, sql).unwrap().trim().parse().unwrap() };
    let max = count("SHOW max_connections");
    let reserved = count("SHOW superuser_reserved_connections");
    let rt = driftgate::db::runtime();
    // Hold connections until 2 slots are left (the doctor takes one), and
    // keep them while doctor runs. Other live tests of this binary may come
    // and go meanwhile, so top up until the target is reached.
    let held: Vec<Db> = rt.block_on(async {
        let mut held = Vec::new();
        loop {
            let in_use = count("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'") - 1;
            let want = max - reserved - 2 - in_use;
            if want <= 0 {
                break;
            }
            for _ in 0..want {
                match Db::connect(&admin).await {
                    Ok(c) => held.push(c),
                    Err(_) => break,
                }
            }
        }
        held
    });
    assert!(held.len() > 50, "held only {} connections", held.len());
    let run = driftgate(&["doctor", "--database-url", &db.url, "--format", "json", "--backfill-connections", "2"]);
    let budget = finding(&run.json(), "connection-budget").clone();
    drop(held);
    assert_eq!(run.code, 1, "{run}");
    assert_eq!(budget["level"], "error", "{budget}");
    let msg = budget["message"].as_str().unwrap();
    assert!(msg.contains(&format!("of {max} connections are free")) && msg.contains("need 3"), "{msg}");
    assert!(budget["help"].as_str().unwrap().contains("--max-connections"), "{budget}");
}

#[test]
fn mariadb_user_without_ddl_rights() {
    let db = TestDb::mysql("doctor_my");
    let user = unique_name("doc");
    let admin = mysql_admin_url();
    mariadb(&admin, &format!("CREATE USER '{user}'@'%' IDENTIFIED BY 'app-pw'; GRANT SELECT, INSERT, UPDATE, DELETE ON `{}`.* TO '{user}'@'%'", db.name)).unwrap();
    let url = with_database(&format!("mysql://{user}:app-pw@127.0.0.1:{}/x", DbUrl::parse(&admin).unwrap().port), &db.name);
    let run = driftgate(&["doctor", "--database-url", &url, "--format", "json"]);
    assert_eq!(run.code, 1, "{run}");
    let create = finding(&run.json(), "create-in-schema").clone();
    assert!(create["message"].as_str().unwrap().contains("lacks CREATE, ALTER, DROP, INDEX, REFERENCES"), "{create}");
    let su = driftgate(&["doctor", "--database-url", &db.url, "--format", "json"]);
    assert_eq!(finding(&su.json(), "superuser")["level"], "warning");
    let _ = mariadb(&admin, &format!("DROP USER '{user}'@'%'"));
}
