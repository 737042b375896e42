//! Running commands and locating the workspace.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Runs `cmd`, streaming its output; fails unless it exits 0.
pub fn status(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    let st = cmd.status().map_err(|e| format!("cannot start {shown}: {e}"))?;
    if st.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({st})"))
    }
}

/// Runs `cmd` and answers its stdout and stderr together, and whether it succeeded.
pub fn capture(cmd: &mut Command) -> (bool, String) {
    match cmd.stdin(Stdio::null()).output() {
        Ok(out) => {
            let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
            text.push_str(&String::from_utf8_lossy(&out.stderr));
            (out.status.success(), text)
        }
        Err(e) => (false, format!("cannot start {cmd:?}: {e}")),
    }
}

/// Whether `program --version` prints something containing `want`.
pub fn has_version(program: &str, want: &str) -> bool {
    let (ok, text) = capture(Command::new(program).arg("--version"));
    ok && text.contains(want)
}
