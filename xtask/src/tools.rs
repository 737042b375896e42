//! Installs what the build and the tests need on a fresh machine, and skips
//! what is already there (DEVELOPERS.md, "Toolchain").

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{capture, has_version, root, status, Result};

pub const WASM_BINDGEN: &str = "0.2.130";

/// The wasm32 target and wasm-bindgen's CLI at the pinned version.
pub fn wasm_toolchain() -> Result {
    let (_, targets) = capture(Command::new("rustup").args(["target", "list", "--installed"]));
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        status(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !has_version("wasm-bindgen", WASM_BINDGEN) || !has_version("wasm-bindgen-test-runner", WASM_BINDGEN) {
        eprintln!("installing wasm-bindgen-cli {WASM_BINDGEN} (about 2.5 minutes)");
        let locked =
            status(Command::new("cargo").args(["install", "--locked", "wasm-bindgen-cli", "--version", WASM_BINDGEN]));
        if locked.is_err() {
            // `--locked` fails on this registry mirror; the pinned version still resolves.
            status(Command::new("cargo").args(["install", "--force", "wasm-bindgen-cli", "--version", WASM_BINDGEN]))?;
        }
    }
    Ok(())
}

/// Installs Debian `packages` (with `options` such as --no-install-recommends)
/// unless every file of `needed` is there.
fn debian(needed: &[&str], options: &[&str], packages: &[&str]) -> Result {
    if needed.iter().all(|file| Path::new(file).exists()) {
        return Ok(());
    }
    eprintln!("installing {} from Debian", packages.join(", "));
    let apt = || {
        let mut cmd = Command::new("apt-get");
        cmd.args(["-o", "DPkg::Lock::Timeout=600"]);
        cmd
    };
    status(apt().arg("update"))?;
    status(apt().args(["install", "-y"]).args(options).args(packages))
}

/// Debian's Chromium and its driver (never a downloaded browser build).
pub fn chromium() -> Result {
    debian(&["/usr/bin/chromium", "/usr/bin/chromedriver"], &[], &["chromium", "chromium-driver"])
}

/// Debian's WebKitGTK WebDriver (it brings MiniBrowser, WebKit's own test
/// browser) and Xvfb, the X display MiniBrowser needs.
pub fn webkit() -> Result {
    debian(&["/usr/bin/WebKitWebDriver", "/usr/bin/Xvfb"], &[], &["webkit2gtk-driver", "xvfb"])
}

/// Debian's Firefox ESR and geckodriver (from crates.io); answers the
/// geckodriver path.
pub fn firefox() -> Result<PathBuf> {
    debian(&["/usr/bin/firefox-esr"], &["--no-install-recommends"], &["firefox-esr"])?;
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?
        .join("bin");
    let geckodriver = cargo_bin.join("geckodriver");
    if !geckodriver.exists() {
        eprintln!("installing geckodriver (about 1 minute)");
        status(Command::new("cargo").args(["install", "--locked", "geckodriver"]))?;
    }
    Ok(geckodriver)
}

/// JS hosts and tools from npm, kept in `.tools/` (ignored by git) and never
/// in the package's own dependencies: a `node` in `node_modules/.bin` would
/// shadow the system Node in npm scripts.
pub struct NpmTools {
    pub bin: PathBuf,
}

const NPM_TOOLS: &[(&str, &str)] = &[
    ("node", "node@24"),
    ("deno", "deno@2"),
    ("bun", "bun@1"),
    ("playwright-core", "playwright-core@1"),
    ("esbuild", "esbuild@0.28"),
    // npm's binaryen, never Debian's: its older wasm-opt silently breaks wasm-bindgen output.
    ("wasm-opt", "binaryen@132"),
    // The JS linter of `cargo xtask test` (lint.rs).
    ("biome", "@biomejs/biome@2"),
];

pub fn npm_tools() -> Result<NpmTools> {
    let dir = root().join(".tools");
    let bin = dir.join("node_modules/.bin");
    let missing: Vec<&str> = NPM_TOOLS.iter().filter(|(b, _)| !bin.join(b).exists()).map(|(_, spec)| *spec).collect();
    if !missing.is_empty() {
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        if !dir.join("package.json").exists() {
            std::fs::write(dir.join("package.json"), "{ \"private\": true }\n").map_err(|e| e.to_string())?;
        }
        eprintln!("installing {} into .tools/", missing.join(", "));
        status(Command::new("npm").current_dir(&dir).args(["install", "--no-audit", "--no-fund"]).args(&missing))?;
    }
    Ok(NpmTools { bin })
}

impl NpmTools {
    pub fn get(&self, name: &str) -> PathBuf {
        self.bin.join(name)
    }
}
