//! # concurrently-in-transaction
//!
//! **Flags** `CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`,
//! `REINDEX … CONCURRENTLY` (and, on Postgres before 12, `ALTER TYPE … ADD
//! VALUE`) where they would run inside a transaction block: after an explicit
//! `BEGIN`, in a Prisma `migration.sql` that has other statements (Prisma
//! sends the file as one query, which Postgres runs as one implicit
//! transaction), or in a Drizzle folder (drizzle-orm's migrator runs all
//! pending migrations in one transaction).
//!
//! **Why it is dangerous.** Postgres refuses:
//! `ERROR: CREATE INDEX CONCURRENTLY cannot run inside a transaction block`.
//! The deploy fails at this migration; on Prisma the migration is then
//! recorded as failed and every later deploy refuses until `migrate resolve`.
//!
//! **Safe alternative.** Give the statement a migration of its own with
//! nothing else in it. For Prisma, a `migration.sql` holding only
//! `CREATE INDEX CONCURRENTLY …;` runs outside a transaction. For Drizzle,
//! run it outside the migrator (for example with `driftgate deploy` on a
//! plain folder, or by hand), since drizzle-orm always wraps migrations.
//!
//! ```sql
//! -- migrations/20240102000000_orders_customer_idx/migration.sql (alone)
//! CREATE INDEX CONCURRENTLY IF NOT EXISTS "orders_customer_id_idx" ON "orders" ("customer_id");
//! ```
//!
//! **Examples**
//!
//! ```sql
//! BEGIN; CREATE INDEX CONCURRENTLY i ON t (a); COMMIT;   -- flagged
//! CREATE INDEX CONCURRENTLY i ON t (a);                  -- not flagged in a plain folder
//! ```

use crate::lint::{Cx, Emitter, HistoryKind, RuleMeta, Severity};
use crate::sql::ddl::Ddl;
use crate::Dialect;

pub static RULE: RuleMeta = RuleMeta {
    id: "concurrently-in-transaction",
    severity: Severity::Error,
    default_enabled: true,
    dialect: Some(Dialect::Postgres),
    summary: "CONCURRENTLY inside a transaction block fails (explicit BEGIN, multi-statement Prisma file, Drizzle)",
    source: doc_source!(include_str!("concurrently_in_transaction.rs")),
    check,
    check_file: None,
};

fn check(cx: &Cx, out: &mut Emitter) {
    let what = match &cx.stmt.ddl {
        Ddl::CreateIndex { concurrently: true, .. } => "CREATE INDEX CONCURRENTLY",
        Ddl::DropIndex { concurrently: true, .. } => "DROP INDEX CONCURRENTLY",
        Ddl::Other { verb, .. } if verb == "reindex" && cx.stmt.tokens.iter().any(|t| t.is_word(cx.src, "concurrently")) => "REINDEX CONCURRENTLY",
        Ddl::AlterEnumAddValue { .. } if cx.opts.pg_version < 12 => "ALTER TYPE … ADD VALUE (before Postgres 12)",
        _ => return,
    };
    if !cx.in_transaction() {
        return;
    }
    let (why, help) = if cx.state.explicit_tx > 0 {
        (
            "after an explicit BEGIN".to_string(),
            "Remove the surrounding BEGIN/COMMIT and give this statement a migration of its own.".to_string(),
        )
    } else {
        match cx.opts.history {
            HistoryKind::Prisma => (
                "in a Prisma migration with other statements (Prisma sends migration.sql as one query, which Postgres runs as one transaction)".to_string(),
                "Move this statement into a migration directory of its own whose migration.sql contains nothing else; Prisma then runs it outside a transaction.".to_string(),
            ),
            HistoryKind::Drizzle => (
                "in a Drizzle migration (drizzle-orm runs all pending migrations in one transaction)".to_string(),
                "drizzle-orm cannot run it; apply this statement outside the migrator (its own plain migration applied by `driftgate deploy`, or by hand) and remove it from the Drizzle migration.".to_string(),
            ),
            HistoryKind::Plain => (
                "inside a transaction (assume-in-transaction is set)".to_string(),
                "Run this statement in a migration of its own, outside any transaction.".to_string(),
            ),
        }
    };
    out.emit(format!("{what} cannot run inside a transaction block, and this one runs {why}"), help);
}
