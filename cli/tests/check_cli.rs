//! `driftgate check` on copies of the Prisma fixture projects: it passes on
//! the projects as they are, and fails naming the exact object on mutated
//! copies (a column only in schema.prisma, a hot-fixed migration, a rename
//! generated as drop + add).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn check(args: &[&str], cwd: &Path) -> (Output, Value) {
    let o = Command::new(env!("CARGO_BIN_EXE_driftgate")).arg("check").args(args).args(["--format", "json"]).current_dir(cwd).env("NO_COLOR", "1").output().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr)));
    (o, v)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn project(name: &str, tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("driftgate-check-{}-{name}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    copy_dir(&root().join("fixtures/prisma").join(name), &d);
    d
}

fn drift_messages(v: &Value) -> Vec<String> {
    v["drift"].as_array().map(|a| a.iter().map(|d| d["message"].as_str().unwrap().to_string()).collect()).unwrap_or_default()
}

#[test]
fn fixture_projects_pass() {
    for name in ["pg-blog", "pg-saas", "mysql-shop"] {
        let (o, v) = check(&[&format!("fixtures/prisma/{name}")], &root());
        assert_eq!(o.status.code(), Some(0), "{name}: {v:#}");
        assert_eq!(v["passed"], true);
    }
}

#[test]
fn a_column_only_in_the_schema_is_drift() {
    let d = project("pg-blog", "column");
    let schema = d.join("prisma/schema.prisma");
    let text = std::fs::read_to_string(&schema).unwrap().replace("  displayName String?\n", "  displayName String?\n  nickname    String?\n");
    std::fs::write(&schema, text).unwrap();
    let (o, v) = check(&["."], &d);
    assert_eq!(o.status.code(), Some(1));
    let msgs = drift_messages(&v);
    assert!(msgs.iter().any(|m| m == "in schema.prisma but not produced by the migrations: column User.nickname text"), "{msgs:?}");
    assert!(v["migrationSql"].as_str().unwrap().contains("ALTER TABLE \"User\" ADD COLUMN \"nickname\" text"), "{v:#}");
}

#[test]
fn a_hot_fixed_migration_is_drift() {
    let d = project("pg-blog", "hotfix");
    let dir = d.join("prisma/migrations");
    let mut migrations: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    migrations.sort();
    // Someone added an index by hand to an applied migration.
    let last = migrations.last().unwrap().join("migration.sql");
    let mut sql = std::fs::read_to_string(&last).unwrap();
    sql.push_str("\n-- hot fix\nCREATE INDEX \"User_displayName_idx\" ON \"User\"(\"displayName\");\n");
    std::fs::write(&last, sql).unwrap();
    let (o, v) = check(&["."], &d);
    assert_eq!(o.status.code(), Some(1));
    let msgs = drift_messages(&v);
    assert!(msgs.iter().any(|m| m == "produced by the migrations but not in schema.prisma: index User.User_displayName_idx"), "{msgs:?}");
}

#[test]
fn a_rename_generated_as_drop_and_add_fails_the_gate() {
    let d = project("pg-blog", "rename");
    let git = |args: &[&str]| {
        let o = Command::new("git").args(args).current_dir(&d).output().unwrap();
        assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "base"]);
    // The field is renamed in schema.prisma and Prisma generated drop + add.
    let schema = d.join("prisma/schema.prisma");
    let text = std::fs::read_to_string(&schema).unwrap().replace("  displayName String?\n", "  publicName  String?\n");
    std::fs::write(&schema, text).unwrap();
    let m = d.join("prisma/migrations/20990101000000_rename_display_name");
    std::fs::create_dir_all(&m).unwrap();
    std::fs::write(
        m.join("migration.sql"),
        "/*\n  Warnings:\n\n  - You are about to drop the column `displayName` on the `User` table. All the data in the column will be lost.\n\n*/\n-- AlterTable\nALTER TABLE \"User\" DROP COLUMN \"displayName\",\nADD COLUMN     \"publicName\" TEXT;\n",
    )
    .unwrap();
    let (o, v) = check(&[".", "--since", "HEAD"], &d);
    assert_eq!(o.status.code(), Some(1), "{v:#}");
    assert!(drift_messages(&v).is_empty(), "the schema and the migrations agree; the data loss is the problem");
    let diags = v["lint"]["diagnostics"].as_array().unwrap();
    let rename = diags.iter().find(|x| x["rule"] == "rename-as-drop-add").unwrap_or_else(|| panic!("{diags:#?}"));
    assert!(rename["message"].as_str().unwrap().contains("\"displayName\""), "{rename}");
    assert!(rename["file"].as_str().unwrap().ends_with("20990101000000_rename_display_name/migration.sql"));
}

#[test]
fn a_drizzle_project_root_finds_its_out_folder() {
    // The root holds `migrations/*.sql` two levels down; the journal below it is the history.
    let (o, v) = check(&["fixtures/drizzle/pg-shop"], &root());
    assert_eq!(o.status.code(), Some(0), "{v:#}");
    assert_eq!(v["format"], "drizzle");
    assert!(v["history"].as_str().unwrap().ends_with("pg-shop/migrations"));
}
