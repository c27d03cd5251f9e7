//! Reading migration folders from disk into the core's [`FolderFile`] listing.

use driftgate_core::history::{self, FolderEntry, FolderFile};
use std::path::Path;

/// The files [`history::folder_entry`] says matter to a migration folder.
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
        match history::folder_entry(&name, entry.file_type()?.is_dir(), depth) {
            FolderEntry::Skip => {}
            FolderEntry::Descend => walk(root, &path, depth + 1, out)?,
            FolderEntry::Read => {
                let rel = path.strip_prefix(root).unwrap_or(&path);
                let rel = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/");
                out.push(FolderFile { path: rel, contents: std::fs::read(&path)? });
            }
        }
    }
    Ok(())
}
