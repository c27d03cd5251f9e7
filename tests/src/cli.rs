//! Running the real `driftgate` binary from tests in this crate.
//!
//! Cargo builds a package's binaries only for that package's own integration
//! tests, so `env!("CARGO_BIN_EXE_driftgate")` does not exist here. The first
//! call to [`bin`] runs `cargo build -p driftgate --bin driftgate` (a no-op
//! when it is up to date; cargo has released its build lock by the time
//! test binaries run) into the target directory this test binary lives in,
//! with the same profile, and returns `target/<profile>/driftgate`.
//! `DRIFTGATE_BIN` overrides it (a prebuilt binary, no cargo call).
//!
//! ```ignore
//! use driftgate_tests::cli::driftgate;
//! let out = driftgate(&["status", "migrations", "--database-url", &db.url]);
//! assert_eq!(out.code, 1, "{out}");
//! ```

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The path of an up-to-date `driftgate` binary.
pub fn bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(p) = std::env::var_os("DRIFTGATE_BIN").filter(|p| !p.is_empty()) {
            return PathBuf::from(p);
        }
        // target/<profile>/deps/<test>-<hash>
        let exe = std::env::current_exe().expect("current_exe");
        let profile_dir = exe.parent().and_then(Path::parent).expect("test binary in target/<profile>/deps").to_path_buf();
        let target_dir = profile_dir.parent().expect("target/<profile>").to_path_buf();
        let release = profile_dir.file_name().is_some_and(|n| n == "release");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut cmd = Command::new(cargo);
        cmd.args(["build", "--quiet", "-p", "driftgate", "--bin", "driftgate"])
            .arg("--target-dir")
            .arg(&target_dir)
            .current_dir(crate::repo_root());
        if release {
            cmd.arg("--release");
        }
        let status = cmd.status().expect("running cargo build -p driftgate");
        assert!(status.success(), "cargo build -p driftgate failed");
        let path = profile_dir.join(format!("driftgate{}", std::env::consts::EXE_SUFFIX));
        assert!(path.exists(), "{} missing after cargo build", path.display());
        path
    })
}

/// A `Command` for the binary, with `DATABASE_URL` and `NO_COLOR` cleared.
pub fn command() -> Command {
    let mut c = Command::new(bin());
    c.env_remove("DATABASE_URL").env("NO_COLOR", "1");
    c
}

/// What one run printed and how it exited.
#[derive(Debug, Clone)]
pub struct Run {
    /// The exit code; -1 when killed by a signal.
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The arguments, for failure messages.
    pub args: Vec<String>,
}

impl Run {
    pub fn from_output(args: Vec<String>, out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            args,
        }
    }

    /// stdout then stderr.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// stdout parsed as JSON (panics with the whole run when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{self}"))
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "driftgate {}\nexit {}\n--- stdout\n{}\n--- stderr\n{}", self.args.join(" "), self.code, self.stdout, self.stderr)
    }
}

/// Runs `driftgate ARGS…` to completion.
pub fn driftgate(args: &[&str]) -> Run {
    driftgate_with(command(), args)
}

/// Runs `cmd` (from [`command`], with env or cwd set) with `args`.
pub fn driftgate_with(mut cmd: Command, args: &[&str]) -> Run {
    cmd.args(args).stdin(Stdio::null());
    let out = cmd.output().expect("running driftgate");
    Run::from_output(args.iter().map(|s| s.to_string()).collect(), out)
}
