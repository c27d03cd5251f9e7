//! The live-database harness works: real PostgreSQL 15, MariaDB and PgBouncer
//! in transaction pooling mode, as started by scripts/db-servers.sh. Run with
//! `scripts/with-db.sh cargo test -p driftgate-tests --test live_harness`;
//! without the servers' environment these tests panic (never skip).

use driftgate_tests::live::{
    mariadb, mysql_admin_url, parse_url, pg_admin_url, pgbouncer_admin_url, psql, unique_name, with_database, Dialect,
    TestDb,
};

#[test]
fn postgres_database_is_created_used_and_dropped() {
    let db = TestDb::postgres("harness_pg");
    assert_eq!(db.dialect, Dialect::Postgres);
    assert_eq!(db.name, db.name.to_lowercase());
    assert!(db.url.ends_with(&format!("/{}", db.name)), "{}", db.url);

    let version = db.run("SHOW server_version_num").unwrap();
    assert!(version.starts_with("15"), "expected PostgreSQL 15, got {version}");
    let out = db
        .run(
            "CREATE TABLE t (id int PRIMARY KEY, note text);
             INSERT INTO t VALUES (1, 'a'), (2, 'b');
             SELECT current_database(), count(*) FROM t;",
        )
        .unwrap();
    assert_eq!(out, format!("{}|2", db.name));
    let settings = db
        .run("SELECT current_setting('wal_level'), current_setting('max_wal_senders'), current_setting('hot_standby')")
        .unwrap();
    assert_eq!(settings, "replica|10|on");

    // SQL errors come back as Err with the server's message.
    let err = db.run("SELECT * FROM no_such_table").unwrap_err();
    assert!(err.contains("no_such_table"), "{err}");

    let name = db.name.clone();
    drop(db);
    let left = psql(&pg_admin_url(), &format!("SELECT count(*) FROM pg_database WHERE datname = '{name}'")).unwrap();
    assert_eq!(left, "0", "{name} was not dropped");
}

#[test]
fn mysql_database_is_created_used_and_dropped() {
    let db = TestDb::mysql("harness_my");
    assert_eq!(db.dialect, Dialect::Mysql);
    assert!(db.bouncer_url.is_none());

    let version = db.run("SELECT VERSION()").unwrap();
    assert!(version.contains("MariaDB"), "expected MariaDB, got {version}");
    let out = db
        .run(
            "CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(10));
             INSERT INTO t VALUES (1, 'a'), (2, 'b');
             SELECT DATABASE(), COUNT(*) FROM t;",
        )
        .unwrap();
    assert_eq!(out, format!("{}\t2", db.name));
    let charset = db.run("SELECT @@character_set_database").unwrap();
    assert_eq!(charset, "utf8mb4");

    let err = db.run("SELECT * FROM no_such_table").unwrap_err();
    assert!(err.contains("no_such_table"), "{err}");

    let name = db.name.clone();
    drop(db);
    let left = mariadb(
        &mysql_admin_url(),
        &format!("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '{name}'"),
    )
    .unwrap();
    assert_eq!(left, "0", "{name} was not dropped");
}

fn port(url: &str) -> u16 {
    parse_url(url).unwrap().port.expect("a port in the URL")
}

#[test]
fn pgbouncer_pools_transactions() {
    let console = with_database(&pgbouncer_admin_url(), "pgbouncer");
    let config = psql(&console, "SHOW CONFIG").unwrap();
    // Rows: key|value|default|changeable
    let setting = |key: &str| {
        config
            .lines()
            .map(|l| l.split('|').collect::<Vec<_>>())
            .find(|cols| cols[0] == key)
            .map(|cols| cols[1].to_string())
            .unwrap_or_else(|| panic!("{key} missing from SHOW CONFIG:\n{config}"))
    };
    assert_eq!(setting("pool_mode"), "transaction");
    assert_eq!(setting("listen_port"), port(&pgbouncer_admin_url()).to_string());
    assert_eq!(setting("max_client_conn"), "200");
    assert_eq!(setting("default_pool_size"), "20");
}

#[test]
fn per_test_database_is_reachable_through_pgbouncer() {
    let db = TestDb::postgres("harness_bouncer");
    assert_eq!(port(db.bouncer()), port(&pgbouncer_admin_url()));
    assert_ne!(port(db.bouncer()), port(&db.url));
    db.run("CREATE TABLE t (id int); INSERT INTO t VALUES (7);").unwrap();
    let out = psql(db.bouncer(), "SELECT current_database(), sum(id) FROM t").unwrap();
    assert_eq!(out, format!("{}|7", db.name));
    // A transaction through the pooler commits as one.
    psql(db.bouncer(), "BEGIN; INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); COMMIT;").unwrap();
    assert_eq!(db.run("SELECT count(*) FROM t").unwrap(), "3");
}

#[test]
fn users_created_by_tests_log_in_through_pgbouncer() {
    // Roles are cluster-wide: unique name, dropped at the end (after the database).
    let role = unique_name("harness_role");
    let admin = pg_admin_url();
    psql(&admin, &format!("CREATE ROLE {role} LOGIN PASSWORD 'role-pw-1'")).unwrap();
    struct DropRole(String);
    impl Drop for DropRole {
        fn drop(&mut self) {
            let _ = psql(&pg_admin_url(), &format!("DROP ROLE IF EXISTS {}", self.0));
        }
    }
    let _drop_role = DropRole(role.clone());
    {
        let db = TestDb::postgres("harness_role_db");
        db.run(&format!("GRANT ALL ON SCHEMA public TO {role}")).unwrap();
        let (direct, bouncer) = (port(&admin), port(&pgbouncer_admin_url()));
        let as_role = |port: u16, pw: &str| {
            psql(&format!("postgres://{role}:{pw}@127.0.0.1:{port}/{}", db.name), "SELECT current_user")
        };
        assert_eq!(as_role(direct, "role-pw-1").unwrap(), role, "directly");
        assert_eq!(as_role(bouncer, "role-pw-1").unwrap(), role, "through PgBouncer (auth_query)");
        let err = as_role(bouncer, "wrong").unwrap_err();
        assert!(err.contains("authentication failed"), "{err}");
    }
}
