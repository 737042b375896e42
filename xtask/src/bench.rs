//! `cargo xtask bench`: 200k sequential native awaits with a store check
//! each, in a context and outside any, side by side in one run: no library,
//! the engine's slow path alone (the floor of any await hook of this
//! design), and als-wasm with the patch carrier and (Node) the native one;
//! in Node 20, Node 24 and headless Chromium, each in a fresh process or
//! browser. Prints a markdown table and writes
//! target/bench/await.json.

use std::process::Command;

use crate::run::{capture, root, Result};
use crate::pack;
use crate::tools;

const MODES: [&str; 4] = ["none", "floor", "lib", "native"];

pub fn run() -> Result {
    tools::wasm_toolchain()?;
    tools::chromium()?;
    let npm = tools::npm_tools()?;
    let dir = root().join("js-tests");
    pack::install_into(&dir, &[])?;
    let node24 = npm.get("node");
    let playwright = npm.bin.join("../playwright-core");
    // (host, has a native carrier, command per mode)
    let hosts: [(&str, bool, Box<dyn Fn(&str) -> Command>); 3] = [
        ("Node 20", true, Box::new(|mode| node_cmd("node".as_ref(), mode))),
        ("Node 24", true, Box::new(|mode| node_cmd(&node24, mode))),
        ("Chromium", false, Box::new(|mode| {
            let mut cmd = Command::new("node");
            cmd.args(["bench/run-chromium.mjs", mode]).env("PLAYWRIGHT_CORE", &playwright);
            cmd
        })),
    ];
    let mut rows = Vec::new();
    let mut json = Vec::new();
    for (host, native, command) in &hosts {
        let mut results = Vec::new();
        for mode in MODES.into_iter().filter(|m| *native || *m != "native") {
            let (ok, out) = capture(command(mode).current_dir(&dir));
            let line = out.lines().rev().find(|l| l.starts_with('{')).unwrap_or_default().to_owned();
            if !ok || line.is_empty() {
                return Err(format!("bench {host} {mode} failed:\n{out}"));
            }
            json.push(format!("{{\"host\":\"{host}\",\"result\":{line}}}"));
            results.push(parse(&line).ok_or(format!("bench {host} {mode}: unreadable {line}"))?);
        }
        let [none, floor, lib] = [&results[0], &results[1], &results[2]];
        let native = results.get(3).map_or("—".to_owned(), |n| {
            format!("{:.1} ({:.1}×), {}/{} kept", n.inside, n.inside / none.inside, n.kept_inside, n.awaits)
        });
        rows.push(format!(
            "| {host} | {:.1} | {:.1} ({:.1}×) | {:.1} ({:.1}×) | {:.1}× | {:.1} ({:.1}×) | {:.1}× | {}/{} | {native} |",
            none.inside, floor.inside, floor.inside / none.inside, lib.inside, lib.inside / none.inside,
            lib.inside / floor.inside, lib.outside, lib.outside / none.outside, lib.outside / floor.outside,
            lib.kept_inside, lib.awaits,
        ));
    }
    println!("200k sequential `await` of a settled promise, store checked each step; median ms of 7 runs\n");
    println!("| Host | no library | slow path alone (floor) | patch carrier in `run` | vs floor | patch carrier outside any context | vs floor | kept in `run` | native carrier in `run` |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for row in rows {
        println!("{row}");
    }
    let out = root().join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    std::fs::write(out.join("await.json"), format!("[{}]\n", json.join(",\n"))).map_err(|e| e.to_string())?;
    println!("\nJSON: {}", out.join("await.json").display());
    Ok(())
}

fn node_cmd(node: &std::path::Path, mode: &str) -> Command {
    let mut cmd = Command::new(node);
    cmd.args(["bench/run-node.mjs", mode]);
    cmd
}

struct Measured {
    awaits: u64,
    inside: f64,
    outside: f64,
    kept_inside: u64,
}

/// Reads the few numeric fields of one result line (flat JSON, no nesting).
fn parse(line: &str) -> Option<Measured> {
    let field = |name: &str| -> Option<f64> {
        let start = line.find(&format!("\"{name}\":"))? + name.len() + 3;
        let rest = &line[start..];
        let end = rest.find([',', '}'])?;
        rest[..end].trim().parse().ok()
    };
    Some(Measured {
        awaits: field("awaits")? as u64,
        inside: field("insideMs")?,
        outside: field("outsideMs")?,
        kept_inside: field("keptInside")? as u64,
    })
}
