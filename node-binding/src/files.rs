//! The host part of `lintFiles` and `checkProject`: reading files and
//! folders into the listings `driftgate_core::api` takes. Every decision
//! (which folder is a history, what a file is linted against, where the
//! schema beside a history is, drift, the verdict) is the core's; paths are
//! shown as the CLI shows them (relative to the working directory when
//! inside it), so results match `driftgate lint|check --format json`.

use driftgate_core::api::{self, ConfigChoice, ConfigFile, Enclosing, LintInput, ProjectInput, ProjectOptions, SchemaInput, SchemaRead};
use driftgate_core::check::{self, SchemaBeside};
use driftgate_core::history::{self, DirEntry, FolderFile};
use driftgate_core::source::SourceSpec;
use std::path::{Component, Path, PathBuf};

pub type HostResult<T> = Result<T, api::ApiError>;

fn fail(message: impl Into<String>) -> api::ApiError {
    api::ApiError { message: message.into(), line: None, column: None }
}

/// The files of a migration folder, as the CLI reads them
/// ([`history::collect_folder`]).
pub fn read_folder(dir: &Path) -> std::io::Result<Vec<FolderFile>> {
    history::collect_folder(
        |rel| {
            std::fs::read_dir(dir.join(rel))?
                .map(|e| {
                    let e = e?;
                    Ok(DirEntry { name: e.file_name().to_string_lossy().into_owned(), is_dir: e.file_type()?.is_dir() })
                })
                .collect()
        },
        |rel| std::fs::read(dir.join(rel)),
    )
}

/// Absolute, with `.` and `..` removed (no symlink resolution).
fn abs(p: &Path) -> PathBuf {
    let joined = std::env::current_dir().unwrap_or_default().join(p);
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `/`-separated `p` relative to `base`, when inside it.
fn rel_to(p: &Path, base: &Path) -> Option<String> {
    let rel = abs(p).strip_prefix(abs(base)).ok()?.to_path_buf();
    Some(rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/"))
}

/// A path as shown: relative to the working directory when inside it
/// (the working directory itself is "."), otherwise as given.
fn display(p: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    match abs(p).strip_prefix(&cwd) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".to_string(),
        Ok(rel) => rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/"),
        Err(_) => p.display().to_string(),
    }
}

/// The migration history at `dir` or at a conventional place inside it
/// (the core chooses among them).
fn find_history(dir: &Path) -> HostResult<Option<(PathBuf, Vec<FolderFile>)>> {
    let mut candidates = Vec::new();
    for sub in history::CONVENTIONAL_DIRS {
        let candidate = if sub.is_empty() { dir.to_path_buf() } else { dir.join(sub) };
        if candidate.is_dir() {
            let files = read_folder(&candidate).map_err(|e| fail(format!("cannot read {}: {e}", candidate.display())))?;
            candidates.push((candidate, files));
        }
    }
    let listings: Vec<&[FolderFile]> = candidates.iter().map(|(_, f)| f.as_slice()).collect();
    Ok(history::choose_history(&listings).map(|i| candidates.swap_remove(i)))
}

/// `driftgate.toml` as `options.config` says: a path, none, or found
/// walking up from `start` (as the CLI finds it).
fn config(choice: &Option<ConfigChoice>, start: &Path) -> HostResult<Option<(PathBuf, ConfigFile)>> {
    let path = match choice {
        Some(ConfigChoice::Find(false)) => return Ok(None),
        Some(ConfigChoice::Path(p)) => PathBuf::from(p),
        Some(ConfigChoice::Find(true)) | None => {
            let mut dir = abs(start);
            if dir.is_file() {
                dir.pop();
            }
            loop {
                if dir.join("driftgate.toml").is_file() {
                    break dir.join("driftgate.toml");
                }
                if !dir.pop() {
                    return Ok(None);
                }
            }
        }
    };
    let text = std::fs::read_to_string(&path).map_err(|e| fail(format!("cannot read {}: {e}", path.display())))?;
    let dir = abs(&path).parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Some((dir, ConfigFile { path: display(&path), text })))
}

/// `lintFiles(paths, options)`.
pub fn lint_files(paths: &[String], options: &ProjectOptions) -> HostResult<api::LintReport> {
    let first = paths.first().map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."));
    let cfg = config(&options.config, &first)?;
    let config_rel = |p: &Path| cfg.as_ref().and_then(|(dir, _)| rel_to(p, dir));
    let mut inputs = Vec::new();
    for p in paths {
        let path = PathBuf::from(p);
        if !path.exists() {
            return Err(fail(format!("{p}: no such file or directory")));
        }
        if path.is_dir() {
            let Some((dir, files)) = find_history(&path)? else {
                return Err(fail(format!("{p}: no migrations found (expected a Prisma migrations folder, a Drizzle out folder with meta/_journal.json, or .sql files)")));
            };
            inputs.push(LintInput::Folder { dir: display(&dir), config_rel: config_rel(&dir), files });
        } else {
            let contents = std::fs::read(&path).map_err(|e| fail(format!("cannot read {p}: {e}")))?;
            // The folders that may hold its history, at the levels the core names.
            let parent = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let mut around = Vec::new();
            for &level in api::enclosing_levels(&name) {
                let dir = if level == 1 { parent.clone() } else { abs(&parent).parent().map(Path::to_path_buf).unwrap_or_default() };
                let (Some(rel), Ok(files)) = (rel_to(&path, &dir), read_folder(&dir)) else { continue };
                around.push(Enclosing { level, dir: display(&dir), rel, files });
            }
            inputs.push(LintInput::File { path: display(&path), contents, around, config_rel: config_rel(&path) });
        }
    }
    api::lint_files(&inputs, options, cfg.as_ref().map(|(_, c)| c))
}

/// Read the schema a source spelling names.
fn read_schema(spelling: &str) -> HostResult<SchemaInput> {
    let spec = SourceSpec::parse(spelling).map_err(fail)?;
    let read_text = |p: &str| std::fs::read_to_string(p).map_err(|e| fail(format!("cannot read {p}: {e}")));
    let read_dir = |p: &str| read_folder(Path::new(p)).map_err(|e| fail(format!("cannot read {p}: {e}")));
    let (path, is_dir, read) = match spec {
        SourceSpec::Empty => ("empty".to_string(), false, SchemaRead::Empty),
        SourceSpec::Migrations(p) => (p.clone(), true, SchemaRead::Migrations(read_dir(&p)?)),
        SourceSpec::Sql(p) => (p.clone(), false, SchemaRead::Sql(read_text(&p)?)),
        SourceSpec::Prisma(p) if Path::new(&p).is_dir() => {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&p)
                .map_err(|e| fail(format!("cannot read {p}: {e}")))?
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|x| x == "prisma"))
                .collect();
            entries.sort();
            let files = entries.iter().map(|f| Ok((f.display().to_string(), read_text(&f.display().to_string())?))).collect::<HostResult<Vec<_>>>()?;
            (p.clone(), true, SchemaRead::Prisma(files))
        }
        SourceSpec::Prisma(p) => (p.clone(), false, SchemaRead::Prisma(vec![(p.clone(), read_text(&p)?)])),
        SourceSpec::Drizzle(p) if Path::new(&p).is_dir() => (p.clone(), true, SchemaRead::DrizzleFolder(read_dir(&p)?)),
        SourceSpec::Drizzle(p) => (p.clone(), false, SchemaRead::DrizzleSnapshot(read_text(&p)?)),
        SourceSpec::Database(_) => return Err(fail("live databases are not supported as a schema source; use migrations:, sql:, prisma: or drizzle:")),
    };
    Ok(SchemaInput { path, is_dir, read })
}

/// `checkProject(dir, options)`.
pub fn check_project(dir: &str, options: &ProjectOptions) -> HostResult<api::CheckResult> {
    let Some((history_dir, files)) = find_history(Path::new(dir))? else {
        return Err(fail(format!("{dir}: no migrations found (expected a Prisma migrations folder, a Drizzle out folder or .sql files)")));
    };
    let format = history::detect(&files);
    let schema = match &options.schema {
        Some(s) => Some(read_schema(&check::schema_spelling(s, Path::new(s).is_dir()))?),
        None => {
            // The schema beside the history, where the core says it is.
            let beside = format.map(SchemaBeside::candidates).unwrap_or_default().iter().find_map(|c| {
                let (up, entry, is_dir) = c.location();
                let mut p = abs(&history_dir);
                for _ in 0..up {
                    p = p.parent()?.to_path_buf();
                }
                if let Some(e) = entry {
                    p = p.join(e);
                }
                let exists = if is_dir { p.is_dir() } else { p.is_file() };
                exists.then(|| format!("{}:{}", c.source_kind(), display(&p)))
            });
            beside.map(|s| read_schema(&s)).transpose()?
        }
    };
    let cfg = config(&options.config, &history_dir)?;
    let input = ProjectInput { dir: display(&history_dir), config_rel: cfg.as_ref().and_then(|(d, _)| rel_to(&history_dir, d)), files, schema };
    api::check_project(&input, options, cfg.as_ref().map(|(_, c)| c))
}
