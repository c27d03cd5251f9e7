//! `cargo run -p driftgate-tests --example token_path_check -- DIR…`
//!
//! For every statement of the given migration folders: does sqlparser give
//! the same tree from driftgate's tokens as from its own tokenizer? Used to
//! check the fast path on real histories that are not in the repository.

use driftgate::folder::read_folder;
use driftgate_core::{history, sql};

fn main() {
    let (mut total, mut differ) = (0, 0);
    for dir in std::env::args().skip(1) {
        let Ok(files) = read_folder(std::path::Path::new(&dir)) else { continue };
        let Ok(h) = history::read_for_analysis(&files) else { continue };
        let dialect = h.dialect.unwrap_or_default();
        for m in &h.migrations {
            let file = sql::analyze(&m.sql, dialect);
            for st in &file.statements {
                total += 1;
                if !sql::token_path_agrees(&m.sql, st, dialect) {
                    differ += 1;
                    println!("{dir}/{}: {:.100}", m.path, st.text(&m.sql));
                }
            }
        }
    }
    println!("{total} statements, {differ} where the token path differs");
    std::process::exit(i32::from(differ > 0));
}
