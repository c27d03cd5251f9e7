//! `driftgate lint [PATH…]`: files, migration folders (format detected) or
//! stdin, with driftgate.toml found by walking up from the first path.

use crate::folder::read_folder;
use driftgate_core::api;
use driftgate_core::config::Config;
use driftgate_core::history::{self, History};
use driftgate_core::lint::history::{lint_history, options_for};
use driftgate_core::lint::{self, Diagnostic, LintOptions};
use driftgate_core::Dialect;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub struct LintArgs {
    pub paths: Vec<String>,
    pub dialect: Option<Dialect>,
    pub pg_version: Option<u32>,
    pub since: Option<String>,
    pub config: Option<PathBuf>,
}

/// One linted file with its text (renderers need it for code frames).
pub struct FileReport {
    pub path: String,
    pub src: String,
    pub diagnostics: Vec<Diagnostic>,
    pub statements: usize,
    pub unparsed: usize,
}

/// Find `driftgate.toml` in `start` or its ancestors.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    let mut dir = if start.is_file() { start.parent()?.to_path_buf() } else { start };
    loop {
        let c = dir.join("driftgate.toml");
        if c.is_file() {
            return Some(c);
        }
        dir = dir.parent()?.to_path_buf();
    }
}

/// Absolute paths without a syscall per component: resolving symlinks
/// (`canonicalize`) costs ~20 syscalls per file, which dominated the system
/// time of a large lint run. Only `--since` needs real paths, to match
/// git's output.
pub struct Paths {
    cwd: PathBuf,
    resolve_links: bool,
}

impl Paths {
    pub fn new(resolve_links: bool) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        let cwd = if resolve_links { cwd.canonicalize().unwrap_or(cwd) } else { cwd };
        Paths { cwd, resolve_links }
    }

    pub fn abs(&self, p: &Path) -> PathBuf {
        if self.resolve_links {
            if let Ok(c) = p.canonicalize() {
                return c;
            }
        }
        let joined = self.cwd.join(p);
        // Fast path: nothing to normalise.
        let s = joined.as_os_str().as_encoded_bytes();
        if !s.windows(2).any(|w| w == b"/.") {
            return joined;
        }
        let mut out = PathBuf::new();
        for c in joined.components() {
            match c {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    out.pop();
                }
                other => out.push(other),
            }
        }
        out
    }

    /// The path as shown to the user: relative to the working directory when inside it.
    pub fn display(&self, p: &Path) -> String {
        let abs = self.abs(p);
        match abs.strip_prefix(&self.cwd) {
            Ok(rel) if !rel.as_os_str().is_empty() => rel.display().to_string(),
            _ => p.display().to_string(),
        }
    }
}

/// A migration folder at `dir`, or at a conventional place inside it.
pub fn find_history(dir: &Path) -> Result<Option<(PathBuf, History)>, String> {
    let Some((candidate, files)) = find_history_files(dir)? else { return Ok(None) };
    let h = history::read_for_analysis(&files).map_err(|e| format!("{}/{}: {}", candidate.display(), e.path, e.message))?;
    Ok(Some((candidate, h)))
}

/// The folder [`find_history`] picks, with its files.
pub fn find_history_files(dir: &Path) -> Result<Option<(PathBuf, Vec<history::FolderFile>)>, String> {
    let mut candidates = Vec::new();
    for candidate in history::CONVENTIONAL_DIRS.iter().map(|sub| if sub.is_empty() { dir.to_path_buf() } else { dir.join(sub) }) {
        if candidate.is_dir() {
            let files = read_folder(&candidate).map_err(|e| format!("cannot read {}: {e}", candidate.display()))?;
            candidates.push((candidate, files));
        }
    }
    let listings: Vec<&[history::FolderFile]> = candidates.iter().map(|(_, f)| f.as_slice()).collect();
    let Some(i) = history::choose_history(&listings) else { return Ok(None) };
    Ok(Some(candidates.swap_remove(i)))
}

/// The history a single .sql file belongs to, as the core decides it from
/// the folders around the file.
fn enclosing_history(file: &Path, paths: &Paths, cache: &mut FolderCache) -> Option<(PathBuf, History)> {
    let parent = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let file_abs = paths.abs(file);
    // One folder at a time, in the core's order, each read once per run:
    // many files share the folder above them (reading it for every file
    // made linting many lone files quadratic).
    for &level in api::enclosing_levels(&name) {
        let dir = if level == 1 { parent.clone() } else { paths.abs(&parent).parent().map(Path::to_path_buf).unwrap_or_default() };
        let Ok(rel) = file_abs.strip_prefix(paths.abs(&dir)) else { continue };
        let key = (paths.abs(&dir), level);
        if !cache.contains_key(&key) {
            let found = match read_folder(&dir) {
                Ok(files) => api::folder_history(level, &files),
                Err(_) => Ok(None),
            };
            cache.insert(key.clone(), found);
        }
        match &cache[&key] {
            Err(()) => return None,
            Ok(Some(h)) if api::history_holds(h, &rel.to_string_lossy().replace('\\', "/")) => return Some((dir, h.clone())),
            Ok(_) => {}
        }
    }
    None
}

/// Folder histories read during one run, by folder and level.
type FolderCache = std::collections::HashMap<(PathBuf, usize), Result<Option<History>, ()>>;

pub fn run(args: &LintArgs) -> Result<Vec<FileReport>, String> {
    let first = args.paths.iter().find(|p| *p != "-").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."));
    let config_path = args.config.clone().or_else(|| find_config(&first));
    let config = match &config_path {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            Config::parse(&text).map_err(|e| format!("{}:{}:{}: {}", p.display(), e.line, e.column, e.message))?
        }
        None => Config::default(),
    };
    let config_dir = config_path.as_ref().and_then(|p| p.parent().map(Path::to_path_buf));
    let mut base = LintOptions::default();
    config.apply(&mut base);
    if let Some(d) = args.dialect {
        base.dialect = d;
    }
    if let Some(v) = args.pg_version {
        base.pg_version = v;
    }
    let dialect_explicit = args.dialect.is_some() || config.dialect.is_some();
    let paths = Paths::new(args.since.is_some());
    let changed: Option<BTreeSet<PathBuf>> = match &args.since {
        Some(r) => Some(crate::git::changed_since(r, first.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).canonicalize().as_deref().unwrap_or(Path::new(".")))?),
        None => None,
    };
    let config_dir_abs = config_dir.as_ref().map(|cd| paths.abs(cd));
    let excluded = |abs: &Path| -> bool {
        let Some(cd) = &config_dir_abs else { return false };
        let Ok(rel) = abs.strip_prefix(cd) else { return false };
        config.is_excluded(&rel.to_string_lossy().replace('\\', "/"))
    };
    let wanted = |abs: &Path| -> bool { !excluded(abs) && changed.as_ref().is_none_or(|c| c.contains(abs)) };

    // Files inside a history are linted once per history (each against the
    // migrations before it), however many of its files are given; their
    // reports take their place in argument order afterwards.
    let mut reports = Vec::new();
    let mut folders = FolderCache::new();
    let mut groups: Vec<(PathBuf, History, BTreeSet<PathBuf>)> = Vec::new();
    let mut group_of: std::collections::HashMap<PathBuf, usize> = std::collections::HashMap::new();
    let mut slots: Vec<(usize, Option<PathBuf>)> = Vec::new();
    for p in &args.paths {
        if p == "-" {
            let mut src = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut src).map_err(|e| format!("cannot read stdin: {e}"))?;
            let r = lint::lint(&src, &base);
            reports.push(FileReport { path: "<stdin>".into(), statements: r.statements, unparsed: r.unparsed, diagnostics: r.diagnostics, src });
            continue;
        }
        let path = PathBuf::from(p);
        if !path.exists() {
            return Err(format!("{p}: no such file or directory"));
        }
        if path.is_dir() {
            let Some((dir, h)) = find_history(&path)? else {
                return Err(format!("{p}: no migrations found (expected a Prisma migrations folder, a Drizzle out folder with meta/_journal.json, or .sql files)"));
            };
            reports.extend(lint_folder(&dir, &h, &base, dialect_explicit, &wanted, &paths)?);
        } else {
            let abs = paths.abs(&path);
            if !wanted(&abs) {
                continue;
            }
            match enclosing_history(&path, &paths, &mut folders) {
                Some((dir, h)) => {
                    match group_of.get(&paths.abs(&dir)) {
                        Some(&i) => {
                            groups[i].2.insert(abs.clone());
                        }
                        None => {
                            group_of.insert(paths.abs(&dir), groups.len());
                            groups.push((dir, h, BTreeSet::from([abs.clone()])));
                        }
                    }
                    slots.push((reports.len(), Some(abs)));
                }
                None => {
                    let src = String::from_utf8_lossy(&std::fs::read(&path).map_err(|e| format!("cannot read {p}: {e}"))?).into_owned();
                    let opts = LintOptions { is_down: history::is_down_file(&p.replace('\\', "/")), ..base.clone() };
                    let r = lint::lint(&src, &opts);
                    reports.push(FileReport { path: paths.display(&path), statements: r.statements, unparsed: r.unparsed, diagnostics: r.diagnostics, src });
                }
            }
        }
    }
    if slots.is_empty() {
        return Ok(reports);
    }
    let mut by_file: std::collections::HashMap<PathBuf, Vec<FileReport>> = std::collections::HashMap::new();
    for (dir, h, selected) in &groups {
        let only = |q: &Path| selected.contains(q);
        for (abs, r) in lint_folder_abs(dir, h, &base, dialect_explicit, &only, &paths)? {
            by_file.entry(abs).or_default().push(r);
        }
    }
    let mut ordered = Vec::with_capacity(reports.len() + slots.len());
    let mut rest = reports.into_iter();
    let mut taken = 0;
    for (at, abs) in slots {
        while taken < at {
            ordered.extend(rest.next());
            taken += 1;
        }
        if let Some(abs) = abs {
            ordered.extend(by_file.remove(&abs).unwrap_or_default());
        }
    }
    ordered.extend(rest);
    Ok(ordered)
}

fn lint_folder(dir: &Path, h: &History, base: &LintOptions, dialect_explicit: bool, wanted: &dyn Fn(&Path) -> bool, paths: &Paths) -> Result<Vec<FileReport>, String> {
    Ok(lint_folder_abs(dir, h, base, dialect_explicit, wanted, paths)?.into_iter().map(|(_, r)| r).collect())
}

/// [`lint_folder`], each report with its file's absolute path.
fn lint_folder_abs(dir: &Path, h: &History, base: &LintOptions, dialect_explicit: bool, wanted: &dyn Fn(&Path) -> bool, paths: &Paths) -> Result<Vec<(PathBuf, FileReport)>, String> {
    let opts = options_for(h, base, dialect_explicit);
    let abs_dir = paths.abs(dir);
    let selected = |rel: &str| wanted(&abs_dir.join(rel));
    let results = lint_history(h, &opts, &selected);
    let mut out = Vec::new();
    for m in results {
        let file = dir.join(&m.path);
        let src = if m.is_down {
            h.migrations.iter().find(|x| x.down_path.as_deref() == Some(m.path.as_str())).and_then(|x| x.down_sql.clone()).unwrap_or_default()
        } else {
            h.migrations.iter().find(|x| x.path == m.path).map(|x| x.sql.clone()).unwrap_or_default()
        };
        out.push((paths.abs(&file), FileReport { path: paths.display(&file), src, diagnostics: m.result.diagnostics, statements: m.result.statements, unparsed: m.result.unparsed }));
    }
    Ok(out)
}
