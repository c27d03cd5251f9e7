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
pub mod lock_facts;
pub mod stmt_text;
pub mod type_change;
pub mod unique_index;
pub mod narrowing_type_change;
pub mod change_column_type;
pub mod drop_index_non_concurrently;
pub mod constraint_not_valid_missing;
pub mod add_unique_constraint;
pub mod add_primary_key_without_index;
pub mod volatile_default;
pub mod missing_lock_timeout;
pub mod missing_statement_timeout;
pub mod exclusive_lock_then_more;
pub mod unbatched_backfill;
pub mod transaction_nesting;
pub mod uncommitted_transaction;
pub mod prefer_robust_stmts;
// -- batch B modules --
pub mod support;
pub mod drop_schema;
pub mod truncate;
pub mod rename_as_drop_add;
pub mod enum_value_removed;
pub mod rename_column;
pub mod rename_table;
pub mod mysql_non_transactional_ddl;
pub mod mysql_table_copy;
pub mod identifier_too_long;
pub mod prefer_bigint_id;
pub mod prefer_timestamptz;
pub mod prefer_text;
pub mod ban_char_field;
pub mod down_drops_data;

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
    &narrowing_type_change::RULE,
    &change_column_type::RULE,
    &drop_index_non_concurrently::RULE,
    &constraint_not_valid_missing::RULE,
    &add_unique_constraint::RULE,
    &add_primary_key_without_index::RULE,
    &volatile_default::RULE,
    &missing_lock_timeout::RULE,
    &missing_statement_timeout::RULE,
    &exclusive_lock_then_more::RULE,
    &unbatched_backfill::RULE,
    &transaction_nesting::RULE,
    &uncommitted_transaction::RULE,
    &prefer_robust_stmts::RULE,
    // -- batch B rules --
    &drop_schema::RULE,
    &truncate::RULE,
    &rename_as_drop_add::RULE,
    &enum_value_removed::RULE,
    &rename_column::RULE,
    &rename_table::RULE,
    &mysql_non_transactional_ddl::RULE,
    &mysql_table_copy::RULE,
    &identifier_too_long::RULE,
    &prefer_bigint_id::RULE,
    &prefer_timestamptz::RULE,
    &prefer_text::RULE,
    &ban_char_field::RULE,
    &down_drops_data::RULE,
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
    source: doc_source!(include_str!("../suppress.rs")),
    check: no_statement_check,
    check_file: None,
};

pub fn find(id: &str) -> Option<&'static RuleMeta> {
    ALL.iter().copied().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    /// `doc_source!` keeps exactly what `doc_of` reads from the whole file.
    #[test]
    fn documentation_prefix_reads_like_the_whole_file() {
        for rule in super::ALL {
            let file = match rule.id {
                "unused-ignore" => "suppress.rs".to_string(),
                id => format!("rules/{}.rs", id.replace('-', "_")),
            };
            let path = format!("{}/src/lint/{file}", env!("CARGO_MANIFEST_DIR"));
            let whole = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(rule.doc(), crate::lint::doc_of(&whole), "{}", rule.id);
            assert!(whole.starts_with(rule.source), "{}", rule.id);
            assert!(rule.source.len() < whole.len(), "{}: the prefix should leave the code out", rule.id);
        }
        fn cut(s: &str) -> &str {
            &s[..crate::lint::doc_prefix_len(s)]
        }
        assert_eq!(cut("//! a\n//! b\n\nuse x;\n"), "//! a\n//! b\n\n");
        assert_eq!(cut("//! a\r\n  \r\n//! b\r\nfn f() {}"), "//! a\r\n  \r\n//! b\r\n");
        assert_eq!(cut("//! a\n\u{a0}x\n//! b\nfn f() {}\n"), "//! a\n\u{a0}x\n//! b\n");
        assert_eq!(cut("//! only docs"), "//! only docs");
        assert_eq!(cut(""), "");
    }
}
