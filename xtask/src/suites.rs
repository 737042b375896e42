//! `cargo xtask test [filter...]`: installs what is missing, runs every suite
//! (or those whose name contains a filter), prints a summary line per suite
//! and a final `N passed, M failed` line.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::build;
use crate::run::{capture, root, status, Result};
use crate::tools::{self, NpmTools};

struct Outcome {
    name: String,
    passed: u64,
    failed: u64,
}

pub fn all(filters: &[String]) -> Result {
    let wanted = |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
    let root = root();
    tools::wasm_toolchain()?;
    tools::chromium()?;
    let geckodriver = tools::firefox()?;
    let npm = tools::npm_tools()?;
    let mut outcomes = Vec::new();

    let wasm_runner = [("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")];
    let cargo_suites: [(&str, Vec<&str>, Vec<(&str, &str)>); 3] = [
        ("rust native (unit, property, doc)", vec!["test", "--workspace"], vec![]),
        (
            "wasm-bindgen-test in Node",
            vec!["test", "--target", "wasm32-unknown-unknown", "--test", "node"],
            wasm_runner.to_vec(),
        ),
        (
            "wasm-bindgen-test in headless Chromium",
            vec!["test", "--target", "wasm32-unknown-unknown", "--test", "browser"],
            [wasm_runner[0], ("CHROMEDRIVER", "/usr/bin/chromedriver")].to_vec(),
        ),
    ];
    for (name, args, env) in cargo_suites {
        if wanted(name) {
            let mut cmd = Command::new("cargo");
            cmd.current_dir(&root).args(args).envs(env);
            outcomes.push(suite(name, &mut cmd, cargo_counts));
        }
    }

    let js_tests = root.join("js-tests");
    let scratch = "npm pack installs into a scratch project";
    let hosts: Vec<(String, Command)> = js_hosts(&npm, &geckodriver, &js_tests).into_iter().filter(|(n, _)| wanted(n)).collect();
    if wanted(scratch) || !hosts.is_empty() {
        let tarball = install_into_js_tests()?;
        if wanted(scratch) {
            outcomes.push(scratch_install(&root, &tarball));
        }
        for (name, mut cmd) in hosts {
            outcomes.push(suite(&name, &mut cmd, js_counts));
        }
    }

    println!();
    for o in &outcomes {
        println!("{}: {} passed, {} failed", o.name, o.passed, o.failed);
    }
    let passed: u64 = outcomes.iter().map(|o| o.passed).sum();
    let failed: u64 = outcomes.iter().map(|o| o.failed).sum();
    println!("{passed} passed, {failed} failed");
    if failed == 0 && !outcomes.is_empty() { Ok(()) } else { Err("some suites failed".into()) }
}

/// The JS suite in every host (the patch carrier forced where the host could
/// carry context natively), the AdonisJS guide page in both browsers, and the
/// cases twice against Node's own implementation.
fn js_hosts(npm: &NpmTools, geckodriver: &Path, dir: &Path) -> Vec<(String, Command)> {
    let node24 = npm.get("node");
    let host = |program: &Path, args: &[&str]| {
        let mut cmd = Command::new(program);
        cmd.current_dir(dir).args(args);
        cmd
    };
    let forced = |mut cmd: Command| {
        cmd.env("ALS_ENTRY", "browser");
        cmd
    };
    let chromium = |page: &str| {
        let mut cmd = host(Path::new("node"), &["run-browser.mjs", page]);
        cmd.env("PLAYWRIGHT_CORE", npm.bin.join("../playwright-core"));
        cmd
    };
    let firefox = |page: &str| {
        let mut cmd = host(Path::new("node"), &["run-firefox.mjs", page]);
        cmd.env("GECKODRIVER", geckodriver);
        cmd
    };
    let mut reference = host(&node24, &["all.mjs"]);
    reference.env("ALS_IMPL", "node");
    vec![
        ("js-tests in Node 20".into(), host(Path::new("node"), &["all.mjs"])),
        ("js-tests in Node 24, patch carrier forced".into(), forced(host(&node24, &["all.mjs"]))),
        (
            "js-tests in Deno, patch carrier forced".into(),
            forced(host(&npm.get("deno"), &["run", "--allow-read", "--allow-env", "all.mjs"])),
        ),
        ("js-tests in Bun, patch carrier forced".into(), forced(host(&npm.get("bun"), &["all.mjs"]))),
        ("js-tests in headless Chromium".into(), chromium("--page=browser.html")),
        ("js-tests in headless Firefox".into(), firefox("--page=browser.html")),
        ("AdonisJS guide example in headless Chromium".into(), chromium("--page=adonis.html")),
        ("AdonisJS guide example in headless Firefox".into(), firefox("--page=adonis.html")),
        ("zone.js loaded before and after als-wasm, in headless Chromium".into(), chromium("--page=zone.html")),
        ("js-tests against node:async_hooks on Node 24 (the cases encode Node)".into(), reference),
        ("js-tests differential vs node:async_hooks on Node 24".into(), host(&node24, &["differential.mjs"])),
    ]
}

/// Packs the package and installs the tarball (and js-tests' own dev
/// dependencies) into js-tests/, which imports 'als-wasm' as a user would:
/// from node_modules. Answers the tarball.
pub fn install_into_js_tests() -> Result<PathBuf> {
    let tarball = pack()?;
    status(Command::new("npm").current_dir(root().join("js-tests")).args(["install", "--no-save", "--no-audit", "--no-fund"]).arg(&tarball))?;
    Ok(tarball)
}

/// Builds the package and packs it as npm would publish it.
fn pack() -> Result<PathBuf> {
    let pkg = build::package()?;
    let dest = root().join("target/pack");
    let _ = std::fs::remove_dir_all(&dest);
    std::fs::create_dir_all(&dest).map_err(|e| e.to_string())?;
    status(Command::new("npm").current_dir(&pkg).args(["pack", "--quiet", "--pack-destination"]).arg(&dest))?;
    build::walk(&dest)?.into_iter().find(|p| p.extension().is_some_and(|e| e == "tgz")).ok_or("npm pack made no tarball".into())
}

/// `npm install` of the tarball into an empty project, then an import there.
fn scratch_install(root: &Path, tarball: &Path) -> Outcome {
    let name = "npm pack installs into a scratch project";
    let dir = root.join("target/scratch-install");
    let _ = std::fs::remove_dir_all(&dir);
    let ready = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(dir.join("package.json"), "{ \"private\": true }\n"));
    if let Err(e) = ready {
        return report(name, false, &e.to_string(), None);
    }
    let (ok, out) = capture(Command::new("npm").current_dir(&dir).args(["install", "--no-audit", "--no-fund"]).arg(tarball));
    if !ok {
        return report(name, false, &out, None);
    }
    let probe = "import { AsyncLocalStorage } from 'als-wasm';\n\
                 const s = new AsyncLocalStorage();\n\
                 if (s.run(42, () => s.getStore()) !== 42 || s.getStore() !== undefined) process.exit(1);\n\
                 console.log('imported als-wasm from a scratch project');";
    let (ok, out) = capture(Command::new("node").current_dir(&dir).args(["--input-type=module", "-e", probe]));
    report(name, ok, &out, None)
}

fn suite(name: &str, cmd: &mut Command, counts: fn(&str) -> Option<(u64, u64)>) -> Outcome {
    println!("== {name}");
    let (ok, out) = capture(cmd);
    report(name, ok, &out, counts(&out))
}

/// Prints a suite's outcome; a suite that failed without counts counts as one failure.
fn report(name: &str, ok: bool, out: &str, counts: Option<(u64, u64)>) -> Outcome {
    let (passed, failed) = match counts {
        Some((p, f)) if ok || f > 0 => (p, f),
        Some((p, _)) => (p, 1),
        None => (u64::from(ok), u64::from(!ok)),
    };
    if failed > 0 {
        println!("{out}");
    }
    println!("{name}: {passed} passed, {failed} failed");
    Outcome { name: name.into(), passed, failed }
}

/// Sums cargo's `test result: ok. N passed; M failed` lines.
fn cargo_counts(out: &str) -> Option<(u64, u64)> {
    let mut total = None;
    for line in out.lines().filter(|l| l.starts_with("test result:")) {
        let num = |word: &str| {
            line.split(';').find(|part| part.trim_end().ends_with(word)).and_then(|part| {
                part.split_whitespace().rev().nth(1).and_then(|n| n.parse::<u64>().ok())
            })
        };
        let (p, f) = total.unwrap_or((0, 0));
        total = Some((p + num("passed").unwrap_or(0), f + num("failed").unwrap_or(0)));
    }
    total
}

/// The harness's `RESULT {"passed":N,"failed":M}` line.
fn js_counts(out: &str) -> Option<(u64, u64)> {
    let line = out.lines().rev().find(|l| l.starts_with("RESULT "))?;
    let field = |key: &str| {
        let rest = line.split(&format!("\"{key}\":")).nth(1)?;
        rest.chars().take_while(char::is_ascii_digit).collect::<String>().parse::<u64>().ok()
    };
    Some((field("passed")?, field("failed")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_counts_sum_every_result_line() {
        let out = "test result: ok. 2 passed; 0 failed; 0 ignored\nx\ntest result: FAILED. 15 passed; 3 failed; 1 ignored";
        assert_eq!(cargo_counts(out), Some((17, 3)));
        assert_eq!(cargo_counts("nothing"), None);
    }

    #[test]
    fn js_counts_read_the_last_result_line() {
        assert_eq!(js_counts("a\nRESULT {\"passed\":12,\"failed\":1}\n"), Some((12, 1)));
        assert_eq!(js_counts("RESULT {}"), None);
    }

    #[test]
    fn a_suite_that_fails_without_failed_tests_still_counts_a_failure() {
        assert_eq!(report("x", false, "", Some((3, 0))).failed, 1);
        assert_eq!(report("x", true, "", None).passed, 1);
    }
}
