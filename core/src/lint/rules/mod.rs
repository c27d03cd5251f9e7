//! The rule catalog. Each rule is one file; its `//!` comment is its
//! documentation. Ids are stable API.

pub mod locks;

pub mod add_required_column;
pub mod concurrently_in_transaction;
pub mod create_index_non_concurrently;
pub mod drop_column;
pub mod drop_table;
pub mod set_not_null;
pub mod syntax_error;
pub mod unparsed;
// -- batch A modules --
// -- batch B modules --

use super::{Cx, Emitter, RuleMeta, Severity};

/// Every rule, in catalog order.
pub static ALL: &[&RuleMeta] = &[
    &drop_table::RULE,
    &drop_column::RULE,
    &add_required_column::RULE,
    &set_not_null::RULE,
    &create_index_non_concurrently::RULE,
    &concurrently_in_transaction::RULE,
    // -- batch A rules --
    // -- batch B rules --
    &UNUSED_IGNORE,
    &unparsed::RULE,
    &syntax_error::RULE,
];

fn no_statement_check(_: &Cx, _: &mut Emitter) {}

/// `unused-ignore` is produced by the suppression pass (`lint::suppress`).
pub static UNUSED_IGNORE: RuleMeta = RuleMeta {
    id: "unused-ignore",
    severity: Severity::Info,
    default_enabled: true,
    dialect: None,
    summary: "a driftgate-ignore comment that suppresses nothing",
    source: include_str!("../suppress.rs"),
    check: no_statement_check,
    check_file: None,
};

pub fn find(id: &str) -> Option<&'static RuleMeta> {
    ALL.iter().copied().find(|r| r.id == id)
}
