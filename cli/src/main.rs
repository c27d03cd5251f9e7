use clap::{Parser, Subcommand, ValueEnum};
use driftgate::replay_cmd;
use driftgate_core::Dialect;
use std::path::PathBuf;
use std::process::ExitCode;

/// driftgate keeps an ORM project's schema, migrations and database consistent.
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

#[derive(Subcommand)]
enum Command {
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
}

fn parse_dialect(s: &str) -> Result<Dialect, String> {
    Dialect::parse(s).ok_or_else(|| format!("unknown dialect {s:?}: use postgres or mysql"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Replay { path, dialect, format } => match replay_cmd::run(&path, dialect) {
            Ok(report) => {
                match format {
                    Format::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
                    Format::Tty => print!("{}", replay_cmd::render_tty(&report)),
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("driftgate: {e}");
                ExitCode::from(2)
            }
        },
    }
}
