//! The habits that run first in `cargo xtask test`, each a suite of its own:
//! rustfmt (`rustfmt.toml`), clippy with every warning an error (native and
//! wasm32, where `src/exports/` compiles), and Biome's linter over the JS
//! (`biome.json`).

use std::process::Command;

use crate::outcome::{report, Outcome};
use crate::run::{capture, root};
use crate::tools::NpmTools;

/// Each lint: its name and its command, run from the workspace root.
fn lints(npm: &NpmTools) -> Vec<(&'static str, Command)> {
    let cargo = |args: &[&str]| {
        let mut cmd = Command::new("cargo");
        cmd.args(args);
        cmd
    };
    // The plugin's transform compiles the same on both targets (its wasm.rs
    // too), so the native run lints all of it and this one leaves it out.
    let mut wasm_clippy = cargo(&[
        "clippy",
        "--workspace",
        "--exclude",
        "xtask",
        "--exclude",
        "als-wasm-transform",
        "--all-targets",
        "--target",
    ]);
    wasm_clippy.args(["wasm32-unknown-unknown", "--", "-D", "warnings"]);
    let mut biome = Command::new(npm.get("biome"));
    biome.args(["lint", "--error-on-warnings", "."]);
    vec![
        ("lint: cargo fmt --check", cargo(&["fmt", "--all", "--check"])),
        ("lint: cargo clippy -D warnings", cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])),
        ("lint: cargo clippy -D warnings (wasm32)", wasm_clippy),
        ("lint: biome (JS)", biome),
    ]
}

/// The lints whose names `wanted` takes.
pub fn run(npm: &NpmTools, wanted: &dyn Fn(&str) -> bool) -> Vec<Outcome> {
    let root = root();
    let chosen: Vec<_> = lints(npm).into_iter().filter(|(name, _)| wanted(name)).collect();
    // rustup's minimal profile has neither rustfmt nor clippy.
    for (tool, component) in [("fmt", "rustfmt"), ("clippy", "clippy")] {
        if !chosen.is_empty() && !capture(Command::new("cargo").args([tool, "--version"])).0 {
            let _ = capture(Command::new("rustup").args(["component", "add", component]));
        }
    }
    chosen
        .into_iter()
        .map(|(name, mut cmd)| {
            println!("== {name}");
            let (ok, out) = capture(cmd.current_dir(&root));
            report(name, ok, &out, None)
        })
        .collect()
}
