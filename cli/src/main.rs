use clap::{Parser, Subcommand, ValueEnum};
use driftgate::lint_cmd::{self, LintArgs};
use driftgate::check_cmd::{self, CheckArgs};
use driftgate::{backfill_cmd, deploy_cmd, diff_cmd, doctor_cmd, introspect, render, replay_cmd, validate_cmd};
use driftgate_core::lint::{catalog, Severity};
use driftgate_core::Dialect;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

// Lint allocates many short-lived strings per statement (sqlparser's tokens
// and AST, names, messages); mimalloc cuts that cost markedly (see
// scripts/bench-lint.sh), as ruff does with its own allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// driftgate keeps an ORM project's schema, migrations and database consistent.
///
/// Exit codes: 0 clean, 1 findings, 2 driftgate could not do its job.
#[derive(Parser)]
#[command(name = "driftgate", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Tty,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LintFormat {
    Tty,
    Json,
    Sarif,
    Github,
    Gcc,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Tty,
    Json,
    Sql,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Tty,
    Markdown,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Lint migrations: files, migration folders (Prisma, Drizzle, plain;
    /// detected), or `-` for stdin. Each migration is checked against the
    /// schema the migrations before it produce.
    Lint {
        /// Files or folders; `-` reads SQL from stdin. Default: `.`
        paths: Vec<String>,
        #[arg(long, value_parser = parse_dialect)]
        dialect: Option<Dialect>,
        /// Postgres major version the migrations run on (default 15).
        #[arg(long)]
        pg_version: Option<u32>,
        /// Only lint migrations added or changed since this git ref.
        #[arg(long, value_name = "GITREF")]
        since: Option<String>,
        /// Exit 1 when a finding is at least this severe.
        #[arg(long, value_enum, default_value = "warning")]
        fail_on: FailOn,
        #[arg(long, value_enum, default_value = "tty")]
        format: LintFormat,
        /// Use this driftgate.toml instead of searching upwards.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Replay a migration folder (Prisma, Drizzle or plain SQL) or one SQL
    /// file and print the schema it produces, what could not be modelled,
    /// and statement counts.
    Replay {
        /// A migration folder or a .sql file.
        path: PathBuf,
        /// Override the dialect (default: from migration_lock.toml or the
        /// Drizzle journal; postgres for plain folders).
        #[arg(long, value_parser = parse_dialect)]
        dialect: Option<Dialect>,
        #[arg(long, value_enum, default_value = "tty")]
        format: Format,
    },
    /// Read a live database's schema from its catalog (a fixed number of
    /// queries, whatever the number of tables) and print the model.
    Introspect {
        /// postgres://user:password@host:port/db or mysql://…; default: $DATABASE_URL.
        url: Option<String>,
        #[arg(long, value_enum, default_value = "tty")]
        format: Format,
    },
    /// Compare two copies of a schema: changes classified additive /
    /// backward-incompatible / destructive / locking, renames told apart from
    /// drop + add (scored, with evidence), and the SQL that gets from one to
    /// the other. Sources: empty, migrations:DIR, sql:FILE, prisma:PATH,
    /// drizzle:PATH (a snapshot or an out folder), or a database URL
    /// (postgres://…, mysql://…: its live catalog).
    Diff {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// Print the SQL after the list of changes (tty format).
        #[arg(long)]
        script: bool,
        /// Exit 1 when the sources differ, 0 when they are the same.
        #[arg(long)]
        exit_code: bool,
        #[arg(long, value_parser = parse_dialect)]
        dialect: Option<Dialect>,
        #[arg(long, value_enum, default_value = "tty")]
        format: DiffFormat,
    },
    /// The pull-request gate, no database: history integrity (journal, file
    /// order, duplicate prefixes), the replayed history against the schema
    /// file (schema.prisma beside the migrations, or the latest Drizzle
    /// snapshot, or --schema), and lint of the migrations (only those added
    /// or changed since --since). Exit 1 on drift, a history problem or an
    /// error-level finding.
    Check {
        /// The project or its migrations folder. Default: `.`
        dir: Option<PathBuf>,
        /// The schema to compare with: prisma:PATH, drizzle:PATH, sql:FILE, or a path.
        #[arg(long)]
        schema: Option<String>,
        #[arg(long, value_name = "GITREF")]
        since: Option<String>,
        #[arg(long, value_parser = parse_dialect)]
        dialect: Option<Dialect>,
        #[arg(long)]
        pg_version: Option<u32>,
        #[arg(long, value_enum, default_value = "tty")]
        format: Format,
    },
    /// Applied / pending / failed / interrupted / edited / out-of-order
    /// migrations, against the live history table (Prisma's
    /// `_prisma_migrations`, Drizzle's `__drizzle_migrations`, or driftgate's
    /// own for plain folders). Exit 1 when anything is not applied cleanly.
    Status {
        /// The project or its migrations folder. Default: `.`
        dir: Option<PathBuf>,
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, value_enum, default_value = "tty")]
        format: Format,
    },
    /// Apply pending migrations, forward only: each in its own transaction
    /// (statement by statement with recorded progress where a transaction is
    /// impossible: MySQL DDL, CREATE INDEX CONCURRENTLY), under a lock so
    /// concurrent deployers apply each migration exactly once, writing the
    /// ORM's own history table. Lock timeouts are retried with backoff; any
    /// other error stops the deploy and is recorded until `resolve`.
    Deploy {
        /// The project or its migrations folder. Default: `.`
        dir: Option<PathBuf>,
        #[command(flatten)]
        db: DbArgs,
        /// Print the plan (the statements, how they run) without applying.
        #[arg(long)]
        dry_run: bool,
        /// Deploy even though an applied migration's file changed since.
        #[arg(long)]
        allow_edited: bool,
        /// Deploy migrations that sort before ones already applied.
        #[arg(long)]
        allow_out_of_order: bool,
        /// Stop after this migration.
        #[arg(long, value_name = "NAME")]
        to: Option<String>,
        /// How long a statement may wait for a lock before it is rolled back
        /// and retried (e.g. 5s, 500ms).
        #[arg(long, default_value = "5s", value_parser = parse_duration)]
        lock_timeout: std::time::Duration,
        /// Longest a statement may run (0 = no limit).
        #[arg(long, default_value = "0", value_parser = parse_duration)]
        statement_timeout: std::time::Duration,
        /// Retries after a lock timeout (exponential backoff from 0.5 s).
        #[arg(long, default_value = "5")]
        lock_retries: u32,
        #[arg(long, value_enum, default_value = "tty")]
        format: Format,
    },
    /// Record a migration's state by hand, with Prisma's semantics:
    /// `--applied NAME` (baseline, or a failed migration you completed by
    /// hand) or `--rolled-back NAME` (a failed migration you undid; the next
    /// deploy runs it again). Nothing is run.
    Resolve {
        /// The project or its migrations folder. Default: `.`
        dir: Option<PathBuf>,
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, value_name = "NAME", conflicts_with = "rolled_back", required_unless_present = "rolled_back")]
        applied: Option<String>,
        #[arg(long, value_name = "NAME")]
        rolled_back: Option<String>,
    },
    /// Compare the live database with the migrations it applied (and with
    /// the schema file with --schema): every table, column, index,
    /// constraint and enum, drift reported per object in both directions.
    /// Exit 1 on drift.
    Validate {
        /// The project or its migrations folder. Default: `.`
        dir: Option<PathBuf>,
        #[command(flatten)]
        db: DbArgs,
        /// Also compare with this schema: prisma:PATH, drizzle:PATH, sql:FILE or a path.
        #[arg(long)]
        schema: Option<String>,
        #[arg(long, value_enum, default_value = "tty")]
        format: Format,
    },
    /// Check a database before deploying: connections free against what a
    /// deploy and a backfill need, whether the URL goes through PgBouncer
    /// (and what its pool mode breaks), and the role's privileges.
    /// Exit 1 when a check fails.
    Doctor {
        #[command(flatten)]
        db: DbArgs,
        /// Connections the backfill will use (its --max-connections).
        #[arg(long, default_value = "2")]
        backfill_connections: u64,
        #[arg(long, value_enum, default_value = "tty")]
        format: Format,
    },
    /// Fill a column in batches after an additive deploy: keyset pages on
    /// the primary key, one short transaction each, only rows that still
    /// need the value (`COLUMN IS NULL`, or --where), paused while a replica
    /// lags, never more than --max-connections connections. Progress is kept
    /// in `_driftgate_backfill`: killed at any point, the same command
    /// continues where it stopped; run again after it completed, it updates
    /// only rows that need the value since. Exit 0 complete, 1 stopped by
    /// Ctrl-C/SIGTERM (progress saved), 2 refused or failed.
    ///
    /// --set and --where are your SQL, evaluated per row on the server
    /// (never quote-escaped by driftgate; the table and column names are).
    Backfill {
        #[command(flatten)]
        db: DbArgs,
        /// The table: `name`, or `schema.name` on Postgres.
        #[arg(long)]
        table: String,
        /// The column to fill.
        #[arg(long)]
        column: String,
        /// The new value, an SQL expression over the row: "lower(email)", "'active'", "price * 100".
        #[arg(long, value_name = "SQL")]
        set: String,
        /// Which rows still need the value (default: COLUMN IS NULL). Must be
        /// false once a row has it, so that a re-run does nothing.
        #[arg(long = "where", value_name = "SQL")]
        predicate: Option<String>,
        /// Keys per batch to start with (adapted to --target-batch-ms).
        #[arg(long, default_value = "1000")]
        batch: u64,
        /// Keep batch transactions (and so row locks) under this duration: sizes adapt so the typical batch takes three quarters of it; 0 keeps --batch fixed.
        #[arg(long, default_value = "200")]
        target_batch_ms: u64,
        /// Pause while any replica is further behind than this.
        #[arg(long, default_value = "2")]
        max_lag_seconds: f64,
        /// Connections to the primary, all workers included; one lane of
        /// keys per worker.
        #[arg(long, default_value = "2")]
        max_connections: u32,
        /// A replica to watch (repeatable): postgres://… standby or MySQL/MariaDB replica.
        #[arg(long = "replica", value_name = "URL")]
        replicas: Vec<String>,
        /// How long a batch may wait for a row lock before it is rolled back and retried smaller.
        #[arg(long, default_value = "2s", value_parser = parse_duration)]
        lock_timeout: std::time::Duration,
        /// Retries of one batch after lock timeouts or deadlocks (backoff from 0.5 s).
        #[arg(long, default_value = "20")]
        lock_retries: u32,
        /// Print the plan, the next batch's SQL and the rows to update; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Forget an interrupted pass and start a new one from the first key.
        #[arg(long)]
        restart: bool,
        #[arg(long, value_enum, default_value = "tty")]
        format: Format,
    },
    /// List every lint rule.
    Rules {
        #[arg(long, value_enum, default_value = "tty")]
        format: RulesFormat,
    },
    /// Print a rule's documentation.
    Explain { rule: String },
}

#[derive(clap::Args)]
struct DbArgs {
    /// postgres://user:password@host:port/db or mysql://…; default: $DATABASE_URL.
    #[arg(long, value_name = "URL")]
    database_url: Option<String>,
}

impl DbArgs {
    fn url(&self) -> Result<String, String> {
        self.database_url
            .clone()
            .or_else(|| std::env::var("DATABASE_URL").ok().filter(|u| !u.is_empty()))
            .ok_or_else(|| "no database URL: pass --database-url or set DATABASE_URL".to_string())
    }
}

fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    let s = s.trim();
    let (num, unit) = s.find(|c: char| !c.is_ascii_digit() && c != '.').map(|i| s.split_at(i)).unwrap_or((s, "s"));
    let n: f64 = num.parse().map_err(|_| format!("invalid duration {s:?}: use e.g. 500ms, 5s, 2m"))?;
    let secs = match unit {
        "ms" => n / 1000.0,
        "s" | "" => n,
        "m" | "min" => n * 60.0,
        "h" => n * 3600.0,
        _ => return Err(format!("invalid duration unit in {s:?}: use ms, s, m or h")),
    };
    Ok(std::time::Duration::from_secs_f64(secs))
}

fn parse_dialect(s: &str) -> Result<Dialect, String> {
    Dialect::parse(s).ok_or_else(|| format!("unknown dialect {s:?}: use postgres or mysql"))
}

/// Write to stdout; a closed pipe (`driftgate lint … | head`) ends the
/// output quietly instead of panicking.
fn out(text: &str) {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    if let Err(e) = o.write_all(text.as_bytes()).and_then(|_| o.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("driftgate: cannot write the output: {e}");
        }
    }
}

fn fail(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("driftgate: {e}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Lint { paths, dialect, pg_version, since, fail_on, format, config } => {
            let args = LintArgs { paths: if paths.is_empty() { vec![".".into()] } else { paths }, dialect, pg_version, since, config };
            let reports = match lint_cmd::run(&args) {
                Ok(r) => r,
                Err(e) => return fail(e),
            };
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let text = match format {
                LintFormat::Tty => render::tty(&reports, color),
                LintFormat::Json => render::json(&reports) + "\n",
                LintFormat::Sarif => render::sarif(&reports) + "\n",
                LintFormat::Github => render::github(&reports),
                LintFormat::Gcc => render::gcc(&reports),
            };
            out(&text);
            let worst = reports.iter().flat_map(|r| &r.diagnostics).map(|d| d.severity).max();
            let failing = match fail_on {
                FailOn::Never => false,
                FailOn::Error => worst == Some(Severity::Error),
                FailOn::Warning => worst >= Some(Severity::Warning),
            };
            ExitCode::from(u8::from(failing))
        }
        Command::Replay { path, dialect, format } => match replay_cmd::run(&path, dialect) {
            Ok(report) => {
                match format {
                    Format::Json => out(&format!("{}\n", serde_json::to_string_pretty(&report).unwrap_or_default())),
                    Format::Tty => out(&replay_cmd::render_tty(&report)),
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        Command::Introspect { url, format } => {
            let url = match (DbArgs { database_url: url }).url() {
                Ok(u) => u,
                Err(e) => return fail(e),
            };
            match introspect::run(&url) {
                Ok(r) => {
                    match format {
                        Format::Tty => out(&introspect::render_tty(&r)),
                        Format::Json => out(&format!("{}\n", serde_json::to_string_pretty(&r).unwrap_or_default())),
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        Command::Diff { from, to, script, exit_code, dialect, format } => match diff_cmd::run(&from, &to, dialect) {
            Ok(report) => {
                match format {
                    DiffFormat::Tty => out(&diff_cmd::render_tty(&report, script)),
                    DiffFormat::Json => out(&format!("{}\n", diff_cmd::render_json(&report))),
                    DiffFormat::Sql => out(&driftgate_core::diff::render_sql(&report.result, report.dialect)),
                }
                ExitCode::from(u8::from(exit_code && !report.result.is_empty()))
            }
            Err(e) => fail(e),
        },
        Command::Check { dir, schema, since, dialect, pg_version, format } => {
            let args = CheckArgs { dir: dir.unwrap_or_else(|| PathBuf::from(".")), schema, since, dialect, pg_version };
            match check_cmd::run(&args) {
                Ok(report) => {
                    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                    match format {
                        Format::Tty => out(&check_cmd::render_tty(&report, color)),
                        Format::Json => out(&format!("{}\n", check_cmd::render_json(&report))),
                    }
                    ExitCode::from(u8::from(report.failed()))
                }
                Err(e) => fail(e),
            }
        }
        Command::Status { dir, db, format } => {
            let url = match db.url() {
                Ok(u) => u,
                Err(e) => return fail(e),
            };
            match deploy_cmd::status(&dir.unwrap_or_else(|| PathBuf::from(".")), &url) {
                Ok(r) => {
                    match format {
                        Format::Tty => out(&deploy_cmd::render_status_tty(&r)),
                        Format::Json => out(&format!("{}\n", serde_json::to_string_pretty(&r).unwrap_or_default())),
                    }
                    ExitCode::from(u8::from(r.status.has_findings() || !r.invalid_indexes.is_empty()))
                }
                Err(e) => fail(e),
            }
        }
        Command::Deploy { dir, db, dry_run, allow_edited, allow_out_of_order, to, lock_timeout, statement_timeout, lock_retries, format } => {
            let url = match db.url() {
                Ok(u) => u,
                Err(e) => return fail(e),
            };
            let args = deploy_cmd::DeployArgs {
                dir: dir.unwrap_or_else(|| PathBuf::from(".")),
                url,
                dry_run,
                allow_edited,
                allow_out_of_order,
                target: to,
                lock_timeout,
                statement_timeout,
                lock_retries,
                json: matches!(format, Format::Json),
            };
            match deploy_cmd::deploy(&args) {
                Ok(r) => {
                    match format {
                        Format::Tty => out(&deploy_cmd::render_deploy_tty(&r)),
                        Format::Json => out(&format!("{}\n", serde_json::to_string_pretty(&r).unwrap_or_default())),
                    }
                    ExitCode::from(r.exit_code())
                }
                Err(e) => fail(e),
            }
        }
        Command::Resolve { dir, db, applied, rolled_back } => {
            let url = match db.url() {
                Ok(u) => u,
                Err(e) => return fail(e),
            };
            let (name, is_applied) = match (applied, rolled_back) {
                (Some(n), _) => (n, true),
                (None, Some(n)) => (n, false),
                (None, None) => return fail("pass --applied NAME or --rolled-back NAME"),
            };
            match deploy_cmd::resolve(&dir.unwrap_or_else(|| PathBuf::from(".")), &url, &name, is_applied) {
                Ok(msg) => {
                    out(&msg);
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        Command::Validate { dir, db, schema, format } => {
            let url = match db.url() {
                Ok(u) => u,
                Err(e) => return fail(e),
            };
            match validate_cmd::run(&dir.unwrap_or_else(|| PathBuf::from(".")), &url, schema.as_deref()) {
                Ok(r) => {
                    match format {
                        Format::Tty => out(&validate_cmd::render_tty(&r)),
                        Format::Json => out(&format!("{}\n", serde_json::to_string_pretty(&r).unwrap_or_default())),
                    }
                    ExitCode::from(u8::from(r.drift))
                }
                Err(e) => fail(e),
            }
        }
        Command::Doctor { db, backfill_connections, format } => {
            let url = match db.url() {
                Ok(u) => u,
                Err(e) => return fail(e),
            };
            match doctor_cmd::run(&url, backfill_connections) {
                Ok(r) => {
                    let shown = driftgate::db::DbUrl::parse(&url).map(|u| u.to_string()).unwrap_or_default();
                    match format {
                        Format::Tty => out(&doctor_cmd::render_tty(&r, &shown)),
                        Format::Json => out(&format!("{}\n", serde_json::to_string_pretty(&r).unwrap_or_default())),
                    }
                    ExitCode::from(u8::from(r.worst() == driftgate_core::doctor::Level::Error))
                }
                Err(e) => fail(e),
            }
        }
        Command::Backfill {
            db,
            table,
            column,
            set,
            predicate,
            batch,
            target_batch_ms,
            max_lag_seconds,
            max_connections,
            replicas,
            lock_timeout,
            lock_retries,
            dry_run,
            restart,
            format,
        } => {
            let url = match db.url() {
                Ok(u) => u,
                Err(e) => return fail(e),
            };
            let args = backfill_cmd::BackfillArgs {
                url,
                request: driftgate_core::backfill::Request { table, column, set, predicate },
                batch,
                max_lag_seconds,
                max_connections,
                replicas,
                target_batch_ms,
                lock_timeout,
                lock_retries,
                dry_run,
                restart,
                json: matches!(format, Format::Json),
            };
            match backfill_cmd::run(&args) {
                Ok(backfill_cmd::Report::DryRun(d)) => {
                    match format {
                        Format::Tty => out(&backfill_cmd::render_dry_run(&d)),
                        Format::Json => out(&format!("{}\n", serde_json::to_string_pretty(&d).unwrap_or_default())),
                    }
                    ExitCode::SUCCESS
                }
                Ok(backfill_cmd::Report::Ran(s)) => {
                    match format {
                        Format::Tty => out(&backfill_cmd::render_summary(&s)),
                        Format::Json => out(&format!("{}\n", serde_json::to_string_pretty(&s).unwrap_or_default())),
                    }
                    ExitCode::from(s.outcome.exit_code())
                }
                Err(e) => fail(e),
            }
        }
        Command::Rules { format } => {
            match format {
                RulesFormat::Tty => out(&catalog::table()),
                RulesFormat::Markdown => out(&catalog::markdown()),
                RulesFormat::Json => {
                    let v: Vec<_> = driftgate_core::lint::rules::ALL
                        .iter()
                        .map(|r| serde_json::json!({"id": r.id, "severity": r.severity.name(), "enabledByDefault": r.default_enabled, "dialect": r.dialect.map(|d| d.name()), "summary": r.summary, "url": render::rule_url(r.id)}))
                        .collect();
                    out(&format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default()));
                }
            }
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match catalog::explain(&rule) {
            Some(doc) => {
                out(&doc);
                ExitCode::SUCCESS
            }
            None => fail(format!("unknown rule {rule:?}; `driftgate rules` lists them")),
        },
    }
}
