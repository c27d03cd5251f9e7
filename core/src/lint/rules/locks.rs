//! Which statements take which locks (Postgres), shared by the locking rules.

use crate::sql::ddl::{AlterAction, Ddl};
use crate::sql::Statement;
use crate::Dialect;

/// The table a statement locks ACCESS EXCLUSIVE (blocking reads and writes
/// until the transaction ends), if any. `None` for statements on tables
/// that only take weaker locks.
pub fn access_exclusive_table(src: &str, stmt: &Statement, dialect: Dialect) -> Option<String> {
    if dialect != Dialect::Postgres {
        return None;
    }
    match &stmt.ddl {
        Ddl::AlterTable { name, actions, .. } => {
            let weak = actions.iter().all(|a| {
                matches!(
                    a,
                    // VALIDATE takes SHARE UPDATE EXCLUSIVE; a foreign key added
                    // NOT VALID takes SHARE ROW EXCLUSIVE.
                    AlterAction::ValidateConstraint { .. }
                        | AlterAction::AddConstraint { constraint: crate::sql::ddl::ConstraintDef::ForeignKey { .. }, .. }
                )
            });
            (!weak).then(|| name.display())
        }
        Ddl::DropTable { names, .. } | Ddl::Truncate { tables: names } => names.first().map(|n| n.display()),
        Ddl::DropIndex { names, concurrently: false, .. } => names.first().map(|n| format!("the table of index {}", n.display())),
        Ddl::Other { verb, name: Some(n), .. } if verb == "lock" => {
            // `LOCK t` defaults to ACCESS EXCLUSIVE; `IN … MODE` names another.
            let words: Vec<String> = stmt.tokens.iter().map(|t| t.text(src).to_ascii_lowercase()).collect();
            let mode_at = words.iter().position(|w| w == "in");
            let exclusive = match mode_at {
                None => true,
                Some(i) => words.get(i + 1).map(String::as_str) == Some("access") && words.get(i + 2).map(String::as_str) == Some("exclusive"),
            };
            exclusive.then(|| n.display())
        }
        Ddl::Other { verb, .. } if verb == "vacuum" || verb == "cluster" => {
            let full = verb == "cluster" || stmt.tokens.iter().any(|t| t.is_word(src, "full"));
            let table = stmt.tokens.iter().rev().find(|t| matches!(t.kind, crate::sql::lexer::TokenKind::Word | crate::sql::lexer::TokenKind::QuotedIdent)).map(|t| t.text(src).to_string());
            if full { table } else { None }
        }
        _ => None,
    }
}
