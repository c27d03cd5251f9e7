//! Migration folders (DESIGN §6): detect Prisma, Drizzle and plain SQL
//! folders from a listing the host provides, order migrations as their tool
//! does, compute checksums exactly as the tools do, and report integrity
//! problems (journal/file mismatches, duplicate prefixes, `when` going
//! backwards). No I/O: the host passes the files' relative paths and bytes.

use crate::Dialect;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// One file of a migration folder, path relative to the folder, `/`-separated.
#[derive(Clone, Debug)]
pub struct FolderFile {
    pub path: String,
    pub contents: Vec<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HistoryFormat {
    Prisma,
    Drizzle,
    Plain,
}

impl HistoryFormat {
    pub fn name(self) -> &'static str {
        match self {
            HistoryFormat::Prisma => "prisma",
            HistoryFormat::Drizzle => "drizzle",
            HistoryFormat::Plain => "plain",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Migration {
    /// Prisma: the directory name; Drizzle: the journal tag; plain: the file stem.
    pub name: String,
    /// Path of the SQL file, relative to the folder.
    pub path: String,
    #[serde(skip)]
    pub sql: String,
    /// Lowercase hex SHA-256 of the file's bytes: Prisma's `checksum`,
    /// Drizzle's `hash`, and driftgate's own.
    pub checksum: String,
    /// Drizzle journal `when` (the `created_at` drizzle-orm records).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<i64>,
    /// Plain folders: the paired `.down.sql` (Prisma: `down.sql` beside `migration.sql`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub down_path: Option<String>,
    #[serde(skip)]
    pub down_sql: Option<String>,
    /// Drizzle: the snapshot after this migration (`meta/NNNN_snapshot.json`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snapshot_path: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryIssue {
    /// Stable code: `missing-from-journal`, `journal-entry-without-file`,
    /// `duplicate-prefix`, `non-increasing-when`, `missing-migration-sql`,
    /// `invalid-journal`, `not-utf8`, `journal-idx-mismatch`.
    pub code: &'static str,
    pub message: String,
    pub path: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct History {
    pub format: HistoryFormat,
    /// From `migration_lock.toml` or the journal; `None` for plain folders.
    pub dialect: Option<Dialect>,
    pub migrations: Vec<Migration>,
    pub issues: Vec<HistoryIssue>,
    /// Drizzle journal version (`"5"`, `"7"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub journal_version: Option<String>,
    /// Drizzle histories that start with `drizzle-kit introspect`: the first
    /// migration is commented out and this snapshot (its JSON) is the
    /// schema the history starts from.
    #[serde(skip)]
    pub baseline_snapshot: Option<String>,
}

/// The header drizzle-kit writes on the migration of an introspected database.
pub const DRIZZLE_INTROSPECT_MARKER: &str = "generated after introspecting the database";

/// Lowercase hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
        s.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0'));
    }
    s
}

/// Prisma compares checksums accepting the CRLF↔LF variants of the file.
pub fn prisma_checksum_matches(contents: &[u8], recorded: &str) -> bool {
    if sha256_hex(contents) == recorded {
        return true;
    }
    let text = String::from_utf8_lossy(contents);
    let lf = text.replace("\r\n", "\n");
    let crlf = lf.replace('\n', "\r\n");
    sha256_hex(lf.as_bytes()) == recorded || sha256_hex(crlf.as_bytes()) == recorded
}

/// Where migration folders conventionally live inside a project, tried in
/// order when a project root is given instead of the folder itself.
pub const CONVENTIONAL_DIRS: &[&str] = &["", "prisma/migrations", "migrations", "drizzle"];

/// What a host reading a migration folder does with one directory entry
/// (`depth`: 0 for entries of the folder itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FolderEntry {
    Skip,
    /// A directory to read too.
    Descend,
    /// A file whose bytes belong in the listing.
    Read,
}

/// One entry of a directory as a host lists it: its name and whether it is
/// a directory.
pub struct DirEntry {
    pub name: String,
    pub is_dir: bool,
}

/// Walks a migration folder through the host's file system: `list(rel)`
/// lists the directory at `rel` (`""` is the folder itself; paths use `/`),
/// `read(rel)` reads a file. Returns the listing [`read`] takes, sorted by
/// path, with only the entries [`folder_entry`] keeps. The hosts (CLI,
/// addon) supply the two calls; which files matter and how they are named
/// is decided here once.
pub fn collect_folder<E>(
    mut list: impl FnMut(&str) -> Result<Vec<DirEntry>, E>,
    mut read: impl FnMut(&str) -> Result<Vec<u8>, E>,
) -> Result<Vec<FolderFile>, E> {
    let mut out = Vec::new();
    let mut pending = vec![(String::new(), 0usize)];
    while let Some((dir, depth)) = pending.pop() {
        for entry in list(&dir)? {
            let rel = if dir.is_empty() { entry.name.clone() } else { format!("{dir}/{}", entry.name) };
            match folder_entry(&entry.name, entry.is_dir, depth) {
                FolderEntry::Skip => {}
                FolderEntry::Descend => pending.push((rel, depth + 1)),
                FolderEntry::Read => {
                    let contents = read(&rel)?;
                    out.push(FolderFile { path: rel, contents });
                }
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Files that matter to a migration folder: SQL, the Prisma lock file and
/// Drizzle's JSON metadata, at most two directory levels deep; hidden
/// entries and `node_modules` are skipped.
pub fn folder_entry(name: &str, is_dir: bool, depth: usize) -> FolderEntry {
    if name.starts_with('.') || name == "node_modules" {
        FolderEntry::Skip
    } else if is_dir {
        if depth < 2 {
            FolderEntry::Descend
        } else {
            FolderEntry::Skip
        }
    } else if name.ends_with(".sql") || name.ends_with(".toml") || name.ends_with(".json") {
        FolderEntry::Read
    } else {
        FolderEntry::Skip
    }
}

/// A rollback file of a plain folder (`x.down.sql`, or Prisma's `down.sql`).
pub fn is_down_file(path: &str) -> bool {
    path.ends_with(".down.sql") || path.rsplit('/').next() == Some("down.sql")
}

/// Which of several candidate folders (a project root and its
/// [`CONVENTIONAL_DIRS`], in that order) is the migration history: the first
/// Prisma or Drizzle one, else the first plain one. A project root holding
/// `migrations/0000_x.sql` two levels down looks like a plain folder, but
/// its Drizzle journal is what the tools use.
pub fn choose_history(candidates: &[&[FolderFile]]) -> Option<usize> {
    let formats: Vec<Option<HistoryFormat>> = candidates.iter().map(|f| detect(f)).collect();
    formats
        .iter()
        .position(|f| matches!(f, Some(HistoryFormat::Prisma | HistoryFormat::Drizzle)))
        .or_else(|| formats.iter().position(|f| f.is_some()))
}

/// Which format a folder listing is.
pub fn detect(files: &[FolderFile]) -> Option<HistoryFormat> {
    if files.iter().any(|f| f.path == "meta/_journal.json") {
        return Some(HistoryFormat::Drizzle);
    }
    if files.iter().any(|f| f.path == "migration_lock.toml")
        || files.iter().any(|f| f.path.ends_with("/migration.sql") && f.path.matches('/').count() == 1)
    {
        return Some(HistoryFormat::Prisma);
    }
    if files.iter().any(|f| f.path.ends_with(".sql")) {
        return Some(HistoryFormat::Plain);
    }
    None
}

/// A folder driftgate cannot read as a history at all.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HistoryError {
    pub message: String,
    pub path: String,
}

pub fn read(files: &[FolderFile]) -> Result<History, HistoryError> {
    let mut h = read_for_analysis(files)?;
    for m in h.migrations.iter_mut() {
        if let Some(f) = files.iter().find(|f| f.path == m.path) {
            m.checksum = sha256_hex(&f.contents);
        }
    }
    Ok(h)
}

/// Like [`read`] but without checksums (linting and replay do not need
/// them, and hashing every file is a measurable share of a lint run).
pub fn read_for_analysis(files: &[FolderFile]) -> Result<History, HistoryError> {
    match detect(files) {
        Some(HistoryFormat::Prisma) => Ok(read_prisma(files)),
        Some(HistoryFormat::Drizzle) => read_drizzle(files),
        Some(HistoryFormat::Plain) => Ok(read_plain(files)),
        None => Err(HistoryError {
            message: "no migrations found: expected a Prisma folder (migration_lock.toml, <timestamp>_<name>/migration.sql), a Drizzle folder (meta/_journal.json) or .sql files".into(),
            path: String::new(),
        }),
    }
}

fn text_of(f: &FolderFile, issues: &mut Vec<HistoryIssue>) -> String {
    match std::str::from_utf8(&f.contents) {
        Ok(s) => s.strip_prefix('\u{feff}').unwrap_or(s).to_string(),
        Err(e) => {
            issues.push(HistoryIssue {
                code: "not-utf8",
                message: format!("{} is not valid UTF-8 (byte {}); invalid bytes were replaced for analysis", f.path, e.valid_up_to()),
                path: f.path.clone(),
            });
            String::from_utf8_lossy(&f.contents).into_owned()
        }
    }
}

fn read_prisma(files: &[FolderFile]) -> History {
    let mut issues = Vec::new();
    let dialect = files.iter().find(|f| f.path == "migration_lock.toml").and_then(|f| {
        let text = String::from_utf8_lossy(&f.contents);
        // Some Prisma versions wrote the lock file as JSON.
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            return v.get("provider").and_then(|p| p.as_str()).and_then(Dialect::parse);
        }
        text.lines()
            .filter_map(|l| l.split_once('='))
            .find(|(k, _)| k.trim() == "provider")
            .and_then(|(_, v)| Dialect::parse(v.trim().trim_matches('"')))
    });
    let mut dirs: Vec<&str> = files
        .iter()
        .filter_map(|f| f.path.split_once('/').map(|(d, _)| d))
        .filter(|d| !d.starts_with('.'))
        .collect();
    dirs.sort();
    dirs.dedup();
    let mut migrations = Vec::new();
    for dir in dirs {
        let path = format!("{dir}/migration.sql");
        match files.iter().find(|f| f.path == path) {
            Some(f) => migrations.push(Migration {
                name: dir.to_string(),
                path: path.clone(),
                sql: text_of(f, &mut issues),
                checksum: String::new(),
                when: None,
                down_path: files.iter().find(|d| d.path == format!("{dir}/down.sql")).map(|d| d.path.clone()),
                down_sql: files.iter().find(|d| d.path == format!("{dir}/down.sql")).map(|d| String::from_utf8_lossy(&d.contents).into_owned()),
                snapshot_path: None,
            }),
            None => issues.push(HistoryIssue {
                code: "missing-migration-sql",
                message: format!("migration directory {dir} has no migration.sql; prisma migrate deploy fails on it"),
                path: dir.to_string(),
            }),
        }
    }
    duplicate_prefixes(&migrations, |m| leading_digits(&m.name), &mut issues);
    History { format: HistoryFormat::Prisma, dialect, migrations, issues, journal_version: None, baseline_snapshot: None }
}

fn read_drizzle(files: &[FolderFile]) -> Result<History, HistoryError> {
    let journal_file = files.iter().find(|f| f.path == "meta/_journal.json").expect("detected");
    let journal: serde_json::Value = serde_json::from_slice(&journal_file.contents).map_err(|e| HistoryError {
        message: format!("meta/_journal.json is not valid JSON: {e} (line {}, column {})", e.line(), e.column()),
        path: journal_file.path.clone(),
    })?;
    let mut issues = Vec::new();
    let dialect_str = journal.get("dialect").and_then(|d| d.as_str()).unwrap_or("");
    let dialect = Dialect::parse(dialect_str);
    if dialect.is_none() {
        issues.push(HistoryIssue {
            code: "invalid-journal",
            message: format!("journal dialect {dialect_str:?} is not one driftgate supports (pg, postgresql, mysql)"),
            path: journal_file.path.clone(),
        });
    }
    let version = journal.get("version").and_then(|v| v.as_str().map(String::from).or_else(|| v.as_i64().map(|n| n.to_string())));
    let entries = journal.get("entries").and_then(|e| e.as_array()).cloned().unwrap_or_default();
    let mut migrations = Vec::new();
    let mut last_when: Option<(i64, String)> = None;
    for (pos, entry) in entries.iter().enumerate() {
        let Some(tag) = entry.get("tag").and_then(|t| t.as_str()) else {
            issues.push(HistoryIssue { code: "invalid-journal", message: format!("journal entry {pos} has no tag"), path: journal_file.path.clone() });
            continue;
        };
        let when = entry.get("when").and_then(|w| w.as_i64());
        if let Some(idx) = entry.get("idx").and_then(|i| i.as_u64()) {
            if idx as usize != pos {
                issues.push(HistoryIssue {
                    code: "journal-idx-mismatch",
                    message: format!("journal entry {tag} has idx {idx} but is entry {pos}; drizzle-kit keeps them equal"),
                    path: journal_file.path.clone(),
                });
            }
        }
        if let (Some(w), Some((prev, prev_tag))) = (when, &last_when) {
            if w <= *prev {
                issues.push(HistoryIssue {
                    code: "non-increasing-when",
                    message: format!(
                        "journal entry {tag} has when={w}, not after {prev_tag} (when={prev}); drizzle-orm applies only entries newer than the last applied one, so on a database where {prev_tag} is applied, {tag} is silently skipped forever. Give it a later `when` (regenerate it after rebasing)"
                    ),
                    path: journal_file.path.clone(),
                });
            }
        }
        if let Some(w) = when {
            last_when = Some((w, tag.to_string()));
        }
        let path = format!("{tag}.sql");
        let prefix = tag.split('_').next().unwrap_or(tag);
        let snapshot = format!("meta/{prefix}_snapshot.json");
        let snapshot_path = files.iter().any(|f| f.path == snapshot).then_some(snapshot);
        match files.iter().find(|f| f.path == path) {
            Some(f) => migrations.push(Migration {
                name: tag.to_string(),
                path,
                sql: text_of(f, &mut issues),
                checksum: String::new(),
                when,
                down_path: None,
                down_sql: None,
                snapshot_path,
            }),
            None => issues.push(HistoryIssue {
                code: "journal-entry-without-file",
                message: format!("journal entry {tag} has no file {path}; drizzle-orm's migrator fails reading it"),
                path,
            }),
        }
    }
    for f in files.iter().filter(|f| f.path.ends_with(".sql") && !f.path.contains('/')) {
        let tag = f.path.trim_end_matches(".sql");
        if !migrations.iter().any(|m| m.name == tag) {
            issues.push(HistoryIssue {
                code: "missing-from-journal",
                message: format!("{} is not in meta/_journal.json; drizzle never applies it (was the journal merged without it?)", f.path),
                path: f.path.clone(),
            });
        }
    }
    let mut all_tags: Vec<String> = migrations.iter().map(|m| m.name.clone()).collect();
    for i in issues.iter().filter(|i| i.code == "missing-from-journal") {
        all_tags.push(i.path.trim_end_matches(".sql").to_string());
    }
    let as_migs: Vec<Migration> = all_tags
        .into_iter()
        .map(|t| Migration { name: t.clone(), path: format!("{t}.sql"), sql: String::new(), checksum: String::new(), when: None, down_path: None, down_sql: None, snapshot_path: None })
        .collect();
    duplicate_prefixes(&as_migs, |m| leading_digits(&m.name), &mut issues);
    let mut baseline_snapshot = None;
    if let Some(first) = migrations.first() {
        if first.sql.contains(DRIZZLE_INTROSPECT_MARKER) {
            let snap = first.snapshot_path.as_ref().and_then(|p| files.iter().find(|f| &f.path == p));
            baseline_snapshot = snap.map(|f| String::from_utf8_lossy(&f.contents).into_owned());
            issues.push(HistoryIssue {
                code: "introspected-baseline",
                message: format!(
                    "{} comes from `drizzle-kit introspect`: its SQL is commented out and was never run; {}",
                    first.path,
                    if baseline_snapshot.is_some() { "replay starts from its snapshot instead" } else { "its snapshot is missing, so replay starts from an empty schema and later migrations may not apply" }
                ),
                path: first.path.clone(),
            });
        }
    }
    Ok(History { format: HistoryFormat::Drizzle, dialect, migrations, issues, journal_version: version, baseline_snapshot })
}

fn read_plain(files: &[FolderFile]) -> History {
    let mut issues = Vec::new();
    let mut ups: Vec<&FolderFile> = files
        .iter()
        .filter(|f| f.path.ends_with(".sql") && !is_down_file(&f.path) && !is_flyway_undo(&f.path))
        .collect();
    ups.sort_by(|a, b| version_key(&a.path).cmp(&version_key(&b.path)));
    let migrations: Vec<Migration> = ups
        .into_iter()
        .map(|f| {
            let stem = f.path.trim_end_matches(".sql").trim_end_matches(".up").to_string();
            let down = format!("{stem}.down.sql");
            Migration {
                name: stem.rsplit('/').next().unwrap_or(&stem).to_string(),
                path: f.path.clone(),
                sql: text_of(f, &mut issues),
                checksum: String::new(),
                when: None,
                down_sql: files.iter().find(|d| d.path == down).map(|d| String::from_utf8_lossy(&d.contents).into_owned()),
                down_path: files.iter().any(|d| d.path == down).then_some(down),
                snapshot_path: None,
            }
        })
        .collect();
    duplicate_prefixes(&migrations, |m| version_key(&m.path).1.clone().into_iter().map(|n| n.to_string()).collect::<Vec<_>>().join(".").into(), &mut issues);
    History { format: HistoryFormat::Plain, dialect: None, migrations, issues, journal_version: None, baseline_snapshot: None }
}

fn is_flyway_undo(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.starts_with('U') && name[1..].starts_with(|c: char| c.is_ascii_digit()) && name.contains("__")
}

fn leading_digits(name: &str) -> Option<String> {
    let d: String = name.chars().take_while(|c| c.is_ascii_digit()).collect();
    (!d.is_empty()).then_some(d)
}

/// Sort key of a plain migration file: the version numbers of its prefix
/// (`V1.2__x` → [1, 2], `0003_x` → [3], `20240101_x` → [20240101]), then
/// the name. Files without a version sort last, by name; Flyway repeatables
/// (`R__x`) run after all versioned ones.
fn version_key(path: &str) -> (u8, Vec<u64>, String) {
    let name = path.rsplit('/').next().unwrap_or(path);
    if name.starts_with("R__") {
        return (2, vec![], name.to_string());
    }
    let version_part: &str = match name.strip_prefix('V').filter(|r| r.starts_with(|c: char| c.is_ascii_digit())) {
        // Flyway: `V<version>__<description>`, `_` in the version means `.`.
        Some(rest) => rest.split("__").next().unwrap_or(""),
        None => {
            let n = name.find(|c: char| !c.is_ascii_digit()).unwrap_or(name.len());
            &name[..n]
        }
    };
    let nums: Vec<u64> = version_part.split(['.', '_']).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    if nums.is_empty() {
        return (1, vec![], name.to_string());
    }
    (0, nums, name.to_string())
}

fn duplicate_prefixes(migrations: &[Migration], key: impl Fn(&Migration) -> Option<String>, issues: &mut Vec<HistoryIssue>) {
    let mut seen: Vec<(String, &str)> = Vec::new();
    for m in migrations {
        let Some(k) = key(m) else { continue };
        if k.is_empty() {
            continue;
        }
        if let Some((_, other)) = seen.iter().find(|(s, _)| *s == k) {
            issues.push(HistoryIssue {
                code: "duplicate-prefix",
                message: format!("{} and {} share the prefix {k}; their order depends on the rest of the name, which is almost never intended (two branches merged?)", other, m.name),
                path: m.path.clone(),
            });
        } else {
            seen.push((k, &m.name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collect_folder_keeps_what_matters_sorted_two_levels_deep() {
        let dirs: std::collections::HashMap<&str, Vec<(&str, bool)>> = [
            ("", vec![("meta", true), ("0001_b.sql", false), (".git", true), ("README.md", false), ("0000_a", true)]),
            ("meta", vec![("_journal.json", false)]),
            ("0000_a", vec![("migration.sql", false), ("deeper", true)]),
            ("0000_a/deeper", vec![("too_deep", true), ("x.sql", false)]),
        ]
        .into_iter()
        .collect();
        let files = collect_folder(
            |rel| Ok::<_, String>(dirs[rel].iter().map(|(n, d)| DirEntry { name: n.to_string(), is_dir: *d }).collect()),
            |rel| Ok(rel.as_bytes().to_vec()),
        )
        .unwrap();
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["0000_a/deeper/x.sql", "0000_a/migration.sql", "0001_b.sql", "meta/_journal.json"]);
        assert_eq!(files[1].contents, b"0000_a/migration.sql");
        let err = collect_folder(|_| Err::<Vec<DirEntry>, _>("denied"), |_| Ok(Vec::new())).unwrap_err();
        assert_eq!(err, "denied");
    }

    fn f(path: &str, s: &str) -> FolderFile {
        FolderFile { path: path.into(), contents: s.as_bytes().to_vec() }
    }

    #[test]
    fn checksum_is_sha256_hex() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        let crlf = b"SELECT 1;\r\n";
        assert!(prisma_checksum_matches(b"SELECT 1;\n", &sha256_hex(crlf)));
    }

    #[test]
    fn prisma_folder() {
        let files = vec![
            f("migration_lock.toml", "# x\nprovider = \"mysql\"\n"),
            f("20240102000000_b/migration.sql", "SELECT 2;"),
            f("20240101000000_a/migration.sql", "SELECT 1;"),
            f("20240101000000_c/migration.sql", "SELECT 3;"),
            f("20240103000000_empty/README.md", ""),
        ];
        let h = read(&files).unwrap();
        assert_eq!(h.format, HistoryFormat::Prisma);
        assert_eq!(h.dialect, Some(Dialect::Mysql));
        let names: Vec<_> = h.migrations.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["20240101000000_a", "20240101000000_c", "20240102000000_b"]);
        let codes: Vec<_> = h.issues.iter().map(|i| i.code).collect();
        assert_eq!(codes, vec!["missing-migration-sql", "duplicate-prefix"]);
    }

    #[test]
    fn drizzle_journal_problems() {
        let journal = r#"{"version":"7","dialect":"postgresql","entries":[
            {"idx":0,"version":"7","when":1000,"tag":"0000_a","breakpoints":true},
            {"idx":1,"version":"7","when":3000,"tag":"0001_b","breakpoints":true},
            {"idx":2,"version":"7","when":2000,"tag":"0002_c","breakpoints":true},
            {"idx":3,"version":"7","when":4000,"tag":"0003_gone","breakpoints":true}]}"#;
        let files = vec![
            f("meta/_journal.json", journal),
            f("0000_a.sql", "SELECT 1;"),
            f("0001_b.sql", "SELECT 1;"),
            f("0002_c.sql", "SELECT 1;"),
            f("0002_stray.sql", "SELECT 1;"),
            f("meta/0000_snapshot.json", "{}"),
        ];
        let h = read(&files).unwrap();
        assert_eq!(h.dialect, Some(Dialect::Postgres));
        assert_eq!(h.migrations.len(), 3);
        assert_eq!(h.migrations[0].snapshot_path.as_deref(), Some("meta/0000_snapshot.json"));
        assert_eq!(h.migrations[0].when, Some(1000));
        let codes: Vec<_> = h.issues.iter().map(|i| i.code).collect();
        assert!(codes.contains(&"non-increasing-when"));
        assert!(codes.contains(&"journal-entry-without-file"));
        assert!(codes.contains(&"missing-from-journal"));
        assert!(codes.contains(&"duplicate-prefix"));
    }

    #[test]
    fn an_orm_history_below_a_project_root_wins_over_the_root() {
        let root = vec![f("migrations/0000_a.sql", "SELECT 1;")];
        let drizzle = vec![f("meta/_journal.json", r#"{"version":"7","dialect":"postgresql","entries":[]}"#), f("0000_a.sql", "SELECT 1;")];
        assert_eq!(choose_history(&[&root, &[], &drizzle]), Some(2));
        assert_eq!(choose_history(&[&root, &[]]), Some(0));
        assert_eq!(choose_history(&[&[], &[]]), None);
    }

    #[test]
    fn plain_folders_order_numerically() {
        let files = vec![
            f("V10__ten.sql", ""),
            f("V2_1__two_one.sql", ""),
            f("V2__two.sql", ""),
            f("V1.1__one_one.sql", ""),
            f("V1__one.sql", ""),
            f("R__views.sql", ""),
            f("U2__undo.sql", ""),
        ];
        let h = read(&files).unwrap();
        let names: Vec<_> = h.migrations.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["V1__one", "V1.1__one_one", "V2__two", "V2_1__two_one", "V10__ten", "R__views"]);
        let files = vec![f("002_b.up.sql", ""), f("002_b.down.sql", ""), f("001_a.up.sql", "")];
        let h = read(&files).unwrap();
        assert_eq!(h.migrations[1].down_path.as_deref(), Some("002_b.down.sql"));
        assert_eq!(h.migrations[0].name, "001_a");
    }
}
