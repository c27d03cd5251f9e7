//! `cargo run -p driftgate-tests --example snapshot_oracle -- DIR…`
//!
//! For each Drizzle out folder: replay migrations 0..=k and compare with
//! snapshot k at every k; print one line per folder (`=` equal, `X` differs)
//! and the differences. Used to check driftgate on real public histories.

use driftgate::folder::read_folder;
use driftgate_core::{drizzle, history, replay};
use std::path::PathBuf;

fn main() {
    let mut differing = 0;
    for dir in std::env::args().skip(1).map(PathBuf::from) {
        let h = match read_folder(&dir).map_err(|e| e.to_string()).and_then(|f| history::read(&f).map_err(|e| e.message)) {
            Ok(h) => h,
            Err(e) => {
                println!("{}: cannot read: {e}", dir.display());
                continue;
            }
        };
        let mut marks = Vec::new();
        let mut notes = Vec::new();
        for k in 0..h.migrations.len() {
            let Some(snap) = &h.migrations[k].snapshot_path else {
                marks.push("?".to_string());
                continue;
            };
            let prefix = history::History { migrations: h.migrations[..=k].to_vec(), ..h.clone() };
            let r = replay::replay_history(&prefix, None);
            let snapshot = match std::fs::read_to_string(dir.join(snap)).map_err(|e| e.to_string()).and_then(|t| drizzle::parse_snapshot(&t).map_err(|e| e.message)) {
                Ok(s) => s,
                Err(e) => {
                    notes.push(format!("  step {k}: snapshot unreadable: {e}"));
                    marks.push("!".into());
                    continue;
                }
            };
            let d = r.schema.differences(&snapshot);
            marks.push(if d.is_empty() { "=".into() } else { "X".into() });
            if !d.is_empty() && k + 1 == h.migrations.len() {
                differing += 1;
                for x in d {
                    notes.push(format!("  final: {x}"));
                }
            }
            for u in &r.unmodelled {
                if u.migration == h.migrations[k].path {
                    notes.push(format!("  step {k}: not modelled {}:{}: {}", u.migration, u.line, u.reason));
                }
            }
        }
        println!("{}: {} {:?} issues={:?}", dir.display(), marks.join(""), h.dialect, h.issues.iter().map(|i| i.code).collect::<Vec<_>>());
        for n in notes {
            println!("{n}");
        }
    }
    if differing > 0 {
        std::process::exit(1);
    }
}
