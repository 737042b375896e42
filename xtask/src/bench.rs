//! `cargo xtask bench [host | workload | builds ...]`: als-wasm against the
//! field, in one go (js-tests/bench/main.mjs): every workload of every
//! implementation in a fresh process (Node 20, Node 24, Deno, Bun) or browser
//! context (Chromium) or page (Firefox, WebKit), then the sizes and the build time that
//! als-wasm/plugin adds. Installs the package and its competitors
//! (js-tests/package.json: als-browser, zone.js) from npm first, and
//! OpenTelemetry's web line for the OpenTelemetry rows (js-tests/otel). Writes
//! target/bench/bench.json and bench.md and the table in js-tests/bench/README.md.
//! Names, when given, run a part and leave that file alone: hosts ("Node 24",
//! Chromium, …), workloads (pluginPromises, …; `opentelemetry` for the
//! OpenTelemetry ones) and `builds`.

use std::process::Command;

use crate::pack;
use crate::run::{root, status, Result};
use crate::tools;

pub fn run(names: &[String]) -> Result {
    tools::wasm_toolchain()?;
    tools::chromium()?;
    let geckodriver = tools::firefox()?;
    tools::webkit()?;
    let npm = tools::npm_tools()?;
    let dir = root().join("js-tests");
    // The second copy too: tests running beside a bench still find it.
    pack::install_into(&dir, &["als-wasm-copy"])?;
    pack::install_into(&dir.join("otel"), &[])?;
    let mut cmd = Command::new("node");
    cmd.current_dir(&dir)
        .arg("bench/main.mjs")
        .env("NODE24", npm.get("node"))
        .env("DENO", npm.get("deno"))
        .env("BUN", npm.get("bun"))
        .env("PLAYWRIGHT_CORE", npm.bin.join("../playwright-core"))
        .env("ESBUILD", npm.bin.join("../esbuild"))
        .env("GECKODRIVER", geckodriver)
        .env("FIREFOX", "/usr/bin/firefox-esr");
    if !names.is_empty() {
        cmd.env("BENCH_ONLY", names.join(","));
    }
    status(&mut cmd)
}
