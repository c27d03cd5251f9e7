//! Reading migration folders from disk into the core's [`FolderFile`] listing.

use driftgate_core::history::FolderFile;
use std::path::Path;

/// Files that matter to a migration folder: SQL, the Prisma lock file and
/// Drizzle's JSON metadata, at most two directory levels deep.
pub fn read_folder(dir: &Path) -> std::io::Result<Vec<FolderFile>> {
    let mut out = Vec::new();
    walk(dir, dir, 0, &mut out)?;
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn walk(root: &Path, dir: &Path, depth: usize, out: &mut Vec<FolderFile>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "node_modules" {
            continue;
        }
        let ft = entry.file_type()?;
        if ft.is_dir() {
            if depth < 2 {
                walk(root, &path, depth + 1, out)?;
            }
        } else if name.ends_with(".sql") || name.ends_with(".toml") || name.ends_with(".json") {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let rel = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/");
            out.push(FolderFile { path: rel, contents: std::fs::read(&path)? });
        }
    }
    Ok(())
}
