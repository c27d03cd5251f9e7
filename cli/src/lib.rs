//! The native host: files, git, databases and output formats around
//! `driftgate-core`. Decisions belong in the core; this crate moves bytes.

pub mod backfill_cmd;
pub mod check_cmd;
pub mod db;
pub mod deploy_cmd;
pub mod diff_cmd;
pub mod doctor_cmd;
pub mod folder;
pub mod git;
pub mod introspect;
pub mod lint_cmd;
pub mod render;
pub mod replay_cmd;
pub mod validate_cmd;
