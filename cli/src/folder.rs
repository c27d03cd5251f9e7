//! Reading migration folders from disk into the core's [`FolderFile`] listing.

use driftgate_core::history::{self, DirEntry, FolderFile};
use std::path::Path;

/// The files of a migration folder, as [`history::collect_folder`] walks it.
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
