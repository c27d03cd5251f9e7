//! `driftgate lint`, `rules` and `explain` end to end, through the binary.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn driftgate(args: &[&str], cwd: &Path, stdin: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_driftgate"));
    c.args(args).current_dir(cwd).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).env("NO_COLOR", "1");
    let mut child = c.spawn().unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("driftgate-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn json_output_has_the_documented_shape() {
    let o = driftgate(&["lint", "fixtures/drizzle/pg-shop/migrations", "--format", "json"], &root(), None);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["version"], 1);
    let d = &v["diagnostics"][0];
    for key in ["file", "rule", "severity", "message", "help", "line", "column", "endLine", "endColumn", "statement", "fix"] {
        assert!(d.get(key).is_some(), "diagnostic lacks {key}: {d}");
    }
    let summary = v["summary"].as_object().unwrap();
    let keys: Vec<&str> = summary.keys().map(|k| k.as_str()).collect();
    assert_eq!(keys, vec!["files", "statements", "unparsed", "errors", "warnings", "infos"]);
    assert_eq!(v["summary"]["files"], 9);
    let drop = v["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "drop-column").unwrap();
    assert_eq!(drop["file"], "fixtures/drizzle/pg-shop/migrations/0005_product_description.sql");
    assert_eq!((drop["line"].as_u64(), drop["column"].as_u64()), (Some(3), Some(1)));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let node_modules = root().join("tests/node/node_modules");
    assert!(node_modules.is_dir(), "run `npm ci --prefix tests/node` first (scripts/test.sh does)");
    let o = driftgate(&["lint", "fixtures/drizzle/pg-shop/migrations", "fixtures/drizzle/pg-legacy/migrations", "fixtures/prisma/pg-blog", "fixtures/plain/numbered-pg", "--format", "sarif", "--fail-on", "never"], &root(), None);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let sarif = stdout(&o);
    let v: Value = serde_json::from_str(&sarif).unwrap();
    assert!(!v["runs"][0]["results"].as_array().unwrap().is_empty());
    let mut node = Command::new("node").arg(root().join("tests/node/validate-sarif.mjs")).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("node");
    node.stdin.take().unwrap().write_all(sarif.as_bytes()).unwrap();
    let out = node.wait_with_output().unwrap();
    assert!(out.status.success(), "SARIF does not validate:\n{}", String::from_utf8_lossy(&out.stderr));
    // And the validator does reject a broken log (the check can fail).
    let mut bad = v.clone();
    bad["runs"][0]["results"][0]["level"] = Value::String("bogus".into());
    let mut node = Command::new("node").arg(root().join("tests/node/validate-sarif.mjs")).stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    node.stdin.take().unwrap().write_all(bad.to_string().as_bytes()).unwrap();
    assert!(!node.wait_with_output().unwrap().status.success());
}

#[test]
fn github_gcc_and_tty_formats() {
    let args = ["lint", "fixtures/drizzle/pg-shop/migrations/0005_product_description.sql", "--format"];
    let gh = stdout(&driftgate(&[&args[..], &["github"]].concat(), &root(), None));
    let drop = gh.lines().find(|l| l.contains("title=driftgate drop-column::")).unwrap_or_else(|| panic!("{gh}"));
    assert!(drop.starts_with("::error file=fixtures/drizzle/pg-shop/migrations/0005_product_description.sql,line=3,col=1,endLine=3,endColumn=43,"), "{drop}");
    assert!(gh.lines().any(|l| l.starts_with("::warning ")) && gh.lines().any(|l| l.starts_with("::notice ")));
    assert!(!gh.trim_end().contains('\n') || gh.lines().all(|l| l.starts_with("::")), "one command per line: {gh}");
    let gcc = stdout(&driftgate(&[&args[..], &["gcc"]].concat(), &root(), None));
    assert!(gcc.contains("0005_product_description.sql:3:1: error: dropping column products.notes"), "{gcc}");
    let tty = stdout(&driftgate(&[&args[..], &["tty"]].concat(), &root(), None));
    assert!(tty.contains("error[drop-column]") && tty.contains("--> fixtures/drizzle/pg-shop/migrations/0005_product_description.sql:3:1"), "{tty}");
    assert!(tty.contains("docs/rules.md#drop-column"));
}

#[test]
fn exit_codes_and_fail_on() {
    let r = root();
    assert_eq!(driftgate(&["lint", "-"], &r, Some("CREATE TABLE t (id bigint);")).status.code(), Some(0));
    assert_eq!(driftgate(&["lint", "-"], &r, Some("DROP TABLE users;")).status.code(), Some(1));
    assert_eq!(driftgate(&["lint", "-", "--fail-on", "never"], &r, Some("DROP TABLE users;")).status.code(), Some(0));
    let warn_only = "CREATE INDEX i ON users (email);";
    assert_eq!(driftgate(&["lint", "-", "--fail-on", "error"], &r, Some(warn_only)).status.code(), Some(0));
    assert_eq!(driftgate(&["lint", "-"], &r, Some(warn_only)).status.code(), Some(1));
    let missing = driftgate(&["lint", "no/such/dir"], &r, None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/dir"));
    assert_eq!(driftgate(&["explain", "no-such-rule"], &r, None).status.code(), Some(2));
}

#[test]
fn dialect_from_folder_and_flag() {
    let r = root();
    // MySQL folder: dialect from migration_lock.toml, so MySQL-only rules apply, Postgres-only ones do not.
    let o = driftgate(&["lint", "fixtures/prisma/mysql-shop", "--format", "json", "--fail-on", "never"], &r, None);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert!(!rules.contains(&"create-index-non-concurrently"), "{rules:?}");
    assert!(!rules.contains(&"syntax-error"), "{rules:?}");
    let o = driftgate(&["lint", "-", "--dialect", "mysql", "--format", "json"], &r, Some("CREATE INDEX i ON users (email);"));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["diagnostics"].as_array().unwrap().iter().all(|d| d["rule"] != "create-index-non-concurrently"));
}

#[test]
fn config_file_is_found_by_walking_up_and_excludes_paths() {
    let d = temp_dir("config");
    std::fs::create_dir_all(d.join("db/migrations/old")).unwrap();
    std::fs::write(d.join("driftgate.toml"), "[rules]\ndrop-table = \"off\"\nset-not-null = \"error\"\n").unwrap();
    std::fs::write(d.join("db/migrations/0001_init.sql"), "CREATE TABLE t (id bigint, a text);\n").unwrap();
    std::fs::write(d.join("db/migrations/0002_more.sql"), "DROP TABLE t;\nCREATE TABLE u (id bigint, a text);\n").unwrap();
    std::fs::write(d.join("db/migrations/0003_nn.sql"), "ALTER TABLE u ALTER COLUMN a SET NOT NULL;\n").unwrap();
    let o = driftgate(&["lint", "db/migrations", "--format", "json"], &d, None);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(diags.iter().all(|x| x["rule"] != "drop-table"), "{diags:?}");
    let nn = diags.iter().find(|x| x["rule"] == "set-not-null").expect("set-not-null on u (existed before 0003)");
    assert_eq!(nn["severity"], "error");
    std::fs::write(d.join("driftgate.toml"), "exclude = [\"db/migrations/0003_*\"]\n[rules]\nbogus-rule = \"off\"\n").unwrap();
    let o = driftgate(&["lint", "db/migrations"], &d, None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("driftgate.toml:3:1: unknown rule \"bogus-rule\""), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::write(d.join("driftgate.toml"), "exclude = [\"db/migrations/0003_*\"]\n").unwrap();
    let o = driftgate(&["lint", "db/migrations", "--format", "json"], &d, None);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["diagnostics"].as_array().unwrap().iter().all(|x| x["rule"] != "set-not-null"));
    assert_eq!(v["summary"]["files"], 2);
}

#[test]
fn since_lints_only_new_migrations() {
    let d = temp_dir("since");
    let git = |args: &[&str]| {
        let o = Command::new("git").args(args).current_dir(&d).output().unwrap();
        assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    };
    git(&["init", "-q"]);
    git(&["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "root"]);
    std::fs::create_dir_all(d.join("migrations")).unwrap();
    std::fs::write(d.join("migrations/0001_init.sql"), "CREATE TABLE t (id bigint, a text);\n").unwrap();
    std::fs::write(d.join("migrations/0002_drop.sql"), "ALTER TABLE t DROP COLUMN a;\n").unwrap();
    git(&["add", "."]);
    git(&["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "old"]);
    std::fs::write(d.join("migrations/0003_index.sql"), "CREATE INDEX t_id_idx ON t (id);\n").unwrap();
    let o = driftgate(&["lint", "migrations", "--since", "HEAD", "--format", "json"], &d, None);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let files: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().map(|x| x["file"].as_str().unwrap()).collect();
    assert_eq!(files, vec!["migrations/0003_index.sql"], "only the new file; t still existed thanks to replaying the old ones");
    assert_eq!(v["summary"]["files"], 1);
    let bad = driftgate(&["lint", "migrations", "--since", "no-such-ref"], &d, None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn rules_explain_and_docs_stay_in_sync() {
    let r = root();
    let list = stdout(&driftgate(&["rules"], &r, None));
    assert!(list.contains("drop-column") && list.contains("syntax-error"));
    let doc = stdout(&driftgate(&["explain", "set-not-null"], &r, None));
    assert!(doc.contains("VALIDATE CONSTRAINT"), "{doc}");
    let md = stdout(&driftgate(&["rules", "--format", "markdown"], &r, None));
    let committed = std::fs::read_to_string(r.join("docs/rules.md")).unwrap_or_default();
    assert!(
        committed == md,
        "docs/rules.md is out of date: regenerate it with `cargo run -p driftgate -- rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn a_single_prisma_migration_is_linted_against_its_history() {
    // `Post` is created by an earlier migration: only with the history does
    // driftgate know the table exists (and so that the type change locks it).
    let o = driftgate(&["lint", "fixtures/prisma/pg-blog/prisma/migrations/20240215120000_profiles_and_post_stats/migration.sql", "--format", "json", "--fail-on", "never"], &root(), None);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["summary"]["files"], 1);
    let rules: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"change-column-type"), "{rules:?}");
}

#[test]
fn diff_sources_renames_and_exit_codes() {
    let r = root();
    // The Prisma fixture's migrations produce exactly its schema.prisma.
    let same = driftgate(&["diff", "--from", "migrations:fixtures/prisma/pg-blog/prisma/migrations", "--to", "prisma:fixtures/prisma/pg-blog/prisma/schema.prisma", "--exit-code"], &r, None);
    assert_eq!(same.status.code(), Some(0), "{}{}", stdout(&same), String::from_utf8_lossy(&same.stderr));
    // A Drizzle folder against its own latest snapshot.
    let snap = driftgate(&["diff", "--from", "migrations:fixtures/drizzle/pg-shop/migrations", "--to", "drizzle:fixtures/drizzle/pg-shop/migrations", "--exit-code"], &r, None);
    assert_eq!(snap.status.code(), Some(0), "{}", stdout(&snap));
    // A rename is reported as a rename with its evidence, not as drop + add.
    let d = temp_dir("diff");
    std::fs::write(d.join("a.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, full_name text NOT NULL);\n").unwrap();
    std::fs::write(d.join("b.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, \"fullName\" text NOT NULL, bio text);\n").unwrap();
    let o = driftgate(&["diff", "--from", "sql:a.sql", "--to", "sql:b.sql", "--format", "json", "--exit-code"], &d, None);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["renames"][0]["kind"], "column");
    assert_eq!(v["renames"][0]["table"], "users");
    assert_eq!((v["renames"][0]["from"].as_str(), v["renames"][0]["to"].as_str()), (Some("full_name"), Some("fullName")));
    assert!(!v["renames"][0]["evidence"].as_array().unwrap().is_empty());
    let kinds: Vec<&str> = v["changes"].as_array().unwrap().iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, vec!["rename-column", "add-column"]);
    let sql = stdout(&driftgate(&["diff", "--from", "sql:a.sql", "--to", "sql:b.sql", "--format", "sql"], &d, None));
    assert!(sql.contains("RENAME COLUMN \"full_name\" TO \"fullName\""), "{sql}");
    let bad = driftgate(&["diff", "--from", "nonsense", "--to", "empty"], &d, None);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn renamed_from_comments_are_explicit_renames() {
    let d = temp_dir("hint");
    std::fs::write(d.join("a.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, notes text);\n").unwrap();
    std::fs::write(d.join("b.sql"), "CREATE TABLE users (id bigint PRIMARY KEY,\n  -- driftgate:renamed-from notes\n  description text);\n").unwrap();
    std::fs::write(d.join("c.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, description text);\n").unwrap();
    let v: Value = serde_json::from_str(&stdout(&driftgate(&["diff", "--from", "sql:a.sql", "--to", "sql:b.sql", "--format", "json"], &d, None))).unwrap();
    assert_eq!(v["renames"][0]["evidence"][0], "explicit rename");
    // Without the comment the names share nothing: a drop and an add, and the candidate is shown.
    let v: Value = serde_json::from_str(&stdout(&driftgate(&["diff", "--from", "sql:a.sql", "--to", "sql:c.sql", "--format", "json"], &d, None))).unwrap();
    assert!(v["renames"].as_array().unwrap().is_empty());
    assert_eq!(v["renameCandidates"][0]["from"], "notes");
}
