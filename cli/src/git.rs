//! `--since GITREF`: the files added or changed since a ref (committed or
//! not, plus untracked ones), so CI lints only new migrations.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn changed_since(gitref: &str, dir: &Path) -> Result<BTreeSet<PathBuf>, String> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(top.trim());
    let mut out = BTreeSet::new();
    let diff = git(dir, &["diff", "--name-only", "--diff-filter=ACMR", gitref, "--"])
        .map_err(|e| format!("cannot compare with {gitref:?}: {e} (in CI, fetch the base branch first, e.g. `git fetch origin main` and use `--since origin/main`)"))?;
    let untracked = git(dir, &["ls-files", "--others", "--exclude-standard", "--full-name"])?;
    for line in diff.lines().chain(untracked.lines()).filter(|l| !l.is_empty()) {
        let p = top.join(line);
        out.insert(p.canonicalize().unwrap_or(p));
    }
    Ok(out)
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let o = Command::new("git").args(args).current_dir(dir).output().map_err(|e| format!("cannot run git: {e}"))?;
    if !o.status.success() {
        return Err(String::from_utf8_lossy(&o.stderr).trim().to_string());
    }
    Ok(String::from_utf8_lossy(&o.stdout).into_owned())
}
