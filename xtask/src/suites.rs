//! `cargo xtask test [filter...]`: installs what is missing, runs every suite
//! (or those whose name contains a filter), prints a summary line per suite
//! and a final `N passed, M failed` line.

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use crate::run::{capture, root, Result};
use crate::runner_server::Drain;
use crate::tools::{self, NpmTools};
use crate::{bundled, csp, demo, pack};

/// A cargo test run: its name, cargo's arguments and its environment.
type CargoSuite<'a> = (&'a str, Vec<&'a str>, Vec<(&'a str, &'a str)>);

pub(crate) struct Outcome {
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
    // Lint first: a red lint fails the run like a red test.
    let mut outcomes = crate::lint::run(&npm, &wanted);

    let wasm_runner = [("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")];
    // (name, cargo's arguments, environment)
    let cargo_suites: [CargoSuite; 3] = [
        ("rust native (unit, property, doc)", vec!["test", "--workspace"], vec![]),
        (
            "wasm-bindgen-test in Node",
            vec!["test", "--target", "wasm32-unknown-unknown", "--test", "node"],
            wasm_runner.to_vec(),
        ),
        (
            WASM_IN_CHROMIUM,
            vec!["test", "--target", "wasm32-unknown-unknown", "--test", "browser"],
            [wasm_runner[0], ("CHROMEDRIVER", "/usr/bin/chromedriver")].to_vec(),
        ),
    ];
    for (name, args, env) in cargo_suites {
        if wanted(name) {
            let mut cmd = Command::new("cargo");
            cmd.current_dir(&root).args(args).envs(env);
            outcomes.push(if name == WASM_IN_CHROMIUM {
                browser_suite(name, &mut cmd)
            } else {
                suite(name, &mut cmd, cargo_counts)
            });
        }
    }

    let js_tests = root.join("js-tests");
    let scratch = "npm pack installs into a scratch project";
    let tarball = pack::packed_tarball()?;
    let hosts: Vec<(String, Command)> =
        js_hosts(&npm, &geckodriver, &js_tests, &tarball).into_iter().filter(|(n, _)| wanted(n)).collect();
    if wanted(scratch) || !hosts.is_empty() {
        let tarball = pack::install_into(&js_tests, &["als-wasm-copy"])?;
        // Against the host's own storage, the otel cases run OpenTelemetry's own manager from js-tests/otel.
        if hosts.iter().any(|(n, _)| n.contains("(the cases encode Node)")) {
            pack::install_into(&js_tests.join("otel"), &[])?;
        }
        if wanted(scratch) {
            outcomes.push(scratch_install(&root, &tarball));
        }
        // The bundled apps are built from the package just installed.
        let bundlers = bundled::bundlers_for(hosts.iter().map(|(n, _)| n.as_str()));
        if !bundlers.is_empty() {
            outcomes.push(bundled::build(&js_tests, &bundlers));
        }
        if hosts.iter().any(|(n, _)| csp::is_csp(n)) {
            outcomes.push(csp::build(&js_tests));
        }
        for (name, mut cmd) in hosts {
            // The stress test's counts: docs/plugin.md quotes what a plain build loses.
            outcomes.push(if bundled::is_bundled(&name) || csp::is_csp(&name) {
                built_suite(&name, &js_tests, &mut cmd, "stress seed=")
            } else {
                suite(&name, &mut cmd, js_counts)
            });
        }
    }
    if wanted(DEMOS_END_TO_END) {
        outcomes.push(demos_end_to_end(&npm, &js_tests));
    }
    outcomes.extend(crate::otel::run(&wanted, &npm, &geckodriver, &js_tests));

    println!();
    for o in &outcomes {
        println!("{}: {} passed, {} failed", o.name, o.passed, o.failed);
    }
    let passed: u64 = outcomes.iter().map(|o| o.passed).sum();
    let failed: u64 = outcomes.iter().map(|o| o.failed).sum();
    println!("{passed} passed, {failed} failed");
    if failed == 0 && !outcomes.is_empty() {
        Ok(())
    } else {
        Err("some suites failed".into())
    }
}

/// The JS suite in every host: Node, Deno and Bun twice (the default entry,
/// which gets the native carrier, and the patch carrier forced), the
/// browsers; the AdonisJS guide page in both browsers; the cases against each
/// host's own AsyncLocalStorage (all of them on Node 24, the specification;
/// the propagation groups elsewhere, where hosts differ from Node 24 in API
/// details); the differential run; the fresh-realm cases, each in a new
/// process or page (run-fresh.mjs, the browser runners' --fresh); the
/// toolchain projects (scratch/); and the bundled apps (bundled.rs).
fn js_hosts(npm: &NpmTools, geckodriver: &Path, dir: &Path, tarball: &Path) -> Vec<(String, Command)> {
    let node20 = Path::new("node");
    let node24 = npm.get("node");
    let deno = npm.get("deno");
    let bun = npm.get("bun");
    let host = |program: &Path, args: &[&str]| {
        let mut cmd = Command::new(program);
        cmd.current_dir(dir).args(args);
        cmd
    };
    // The fresh servers' cases listen on 127.0.0.1 only.
    let deno_run = ["run", "--allow-read", "--allow-env", "--allow-net=127.0.0.1"];
    let deno_all = |deno: &Path| {
        let mut cmd = host(deno, &deno_run);
        cmd.arg("all.mjs");
        cmd
    };
    // Each case of fresh-all.mjs alone in a new process of `program`.
    let fresh = |program: &Path, args: &[&str]| {
        let mut cmd = host(node20, &["run-fresh.mjs"]);
        cmd.arg(program).args(args).arg("fresh-all.mjs");
        cmd
    };
    let runtimes: [(&str, &Path, &[&str]); 4] =
        [("Node 20", node20, &[]), ("Node 24", &node24, &[]), ("Deno", &deno, &deno_run), ("Bun", &bun, &[])];
    let with = |mut cmd: Command, env: &[(&str, &str)]| {
        cmd.envs(env.iter().copied());
        cmd
    };
    let forced = [("ALS_ENTRY", "browser")];
    let propagation = ("ALS_ONLY", "propagation,host,stress,deno-reference,adonisjs");
    let own = ("ALS_IMPL", "node");
    let chromium = |page: &str| {
        let mut cmd = host(node20, &["run-browser.mjs", page]);
        cmd.env("PLAYWRIGHT_CORE", npm.bin.join("../playwright-core"));
        cmd
    };
    let firefox = |page: &str| {
        let mut cmd = host(node20, &["run-firefox.mjs", page]);
        cmd.env("GECKODRIVER", geckodriver);
        cmd
    };
    let scratch = |tool: &str| {
        let mut cmd = host(node20, &["scratch.mjs"]);
        cmd.env("ALS_ONLY", tool)
            .env("ALS_TARBALL", tarball)
            .env("TOOLS_BIN", &npm.bin)
            .env("PLAYWRIGHT_CORE", npm.bin.join("../playwright-core"));
        cmd
    };
    let mut suites: Vec<(String, Command)> = vec![
        ("js-tests in Node 20, native carrier".into(), host(node20, &["all.mjs"])),
        ("js-tests in Node 24, native carrier".into(), host(&node24, &["all.mjs"])),
        ("js-tests in Deno, native carrier".into(), deno_all(&deno)),
        ("js-tests in Bun, native carrier".into(), host(&bun, &["all.mjs"])),
        ("js-tests in Node 20, patch carrier forced".into(), with(host(node20, &["all.mjs"]), &forced)),
        ("js-tests in Node 24, patch carrier forced".into(), with(host(&node24, &["all.mjs"]), &forced)),
        (
            "js-tests in Deno, patch carrier forced".into(),
            with(deno_all(&deno), &[forced[0], ("ALS_KNOWN_FAILURES", DENO_PATCH_KNOWN_FAILURES)]),
        ),
        ("js-tests in Bun, patch carrier forced".into(), with(host(&bun, &["all.mjs"]), &forced)),
        (
            "js-tests in Node 24, the Rust as JavaScript (als-wasm/csp's engine)".into(),
            with(host(&node24, &["all.mjs"]), &[("ALS_ENTRY", "csp")]),
        ),
        ("js-tests in headless Chromium".into(), chromium("--page=browser.html")),
        ("js-tests in headless Firefox".into(), firefox("--page=browser.html")),
        ("AdonisJS guide example in headless Chromium".into(), chromium("--page=adonis.html")),
        ("AdonisJS guide example in headless Firefox".into(), firefox("--page=adonis.html")),
        ("zone.js loaded before and after als-wasm, in headless Chromium".into(), chromium("--page=zone.html")),
        (
            "js-tests against node:async_hooks on Node 24 (the cases encode Node)".into(),
            with(host(&node24, &["all.mjs"]), &[own]),
        ),
        (
            "propagation cases against Node 20's own AsyncLocalStorage".into(),
            with(host(node20, &["all.mjs"]), &[own, propagation]),
        ),
        (
            "propagation cases against Bun's own AsyncLocalStorage".into(),
            with(host(&bun, &["all.mjs"]), &[own, propagation]),
        ),
        (
            "propagation cases against Deno's own AsyncLocalStorage".into(),
            // Deno's exit() keeps the store across an await (Node's does not).
            with(deno_all(&deno), &[own, propagation, ("ALS_KNOWN_FAILURES", DENO_KNOWN_FAILURES)]),
        ),
        ("js-tests differential vs node:async_hooks on Node 24".into(), host(&node24, &["differential.mjs"])),
        (
            "js-tests differential of root flows vs node:async_hooks on Node 24, native carrier".into(),
            host(&node24, &["differential-async.mjs"]),
        ),
        (
            "js-tests differential of root flows vs node:async_hooks on Node 24, patch carrier forced".into(),
            with(host(&node24, &["differential-async.mjs"]), &forced),
        ),
        (
            "js-tests on the scoped native carrier (an AsyncContext stand-in, Node 24)".into(),
            with(host(&node24, &["async-context.mjs"]), &[("ALS_KNOWN_FAILURES", SCOPED_KNOWN_FAILURES)]),
        ),
    ];
    // The fresh-realm cases (js-tests/fresh/): each in a new process or page.
    for (host, program, args) in runtimes {
        let known = [("ALS_KNOWN_FAILURES", fresh_native_known_failures(host))];
        suites.push((format!("fresh-realm cases in {host}, native carrier"), with(fresh(program, args), &known)));
    }
    for (host, program, args) in runtimes {
        suites
            .push((format!("fresh-realm cases in {host}, patch carrier forced"), with(fresh(program, args), &forced)));
    }
    suites.push(("fresh-realm cases against node:async_hooks on Node 24".into(), with(fresh(&node24, &[]), &[own])));
    suites.push((
        "fresh-realm cases on the scoped native carrier (an AsyncContext stand-in, Node 24)".into(),
        with(fresh(&node24, &["async-context.mjs"]), &[("ALS_KNOWN_FAILURES", SCOPED_FRESH_KNOWN_FAILURES)]),
    ));
    suites.push(("fresh-realm cases in headless Chromium".into(), chromium("--fresh")));
    suites.push(("fresh-realm cases in headless Firefox".into(), firefox("--fresh")));
    for tool in SCRATCH_TOOLS {
        suites.push((format!("toolchain project: {tool}"), scratch(tool)));
    }
    suites.push((
        "plugin transform: snapshots, source maps, bundlers' own errors (Node 20)".into(),
        host(node20, &["plugin/all.mjs"]),
    ));
    for bundled::Suite { name, browser, args } in bundled::suites() {
        let mut cmd = match browser {
            bundled::Browser::Chromium => chromium(&args[0]),
            bundled::Browser::Firefox => firefox(&args[0]),
        };
        cmd.args(&args[1..]);
        suites.push((name, cmd));
    }
    for (name, args) in csp::suites() {
        let mut cmd = host(node20, &[]);
        cmd.args(args).env("PLAYWRIGHT_CORE", npm.bin.join("../playwright-core")).env("GECKODRIVER", geckodriver);
        suites.push((name, cmd));
    }
    suites
}

/// Where Deno's own AsyncLocalStorage differs from Node's in the propagation
/// groups; each must still fail there (harness.mjs, ALS_KNOWN_FAILURES).
const DENO_KNOWN_FAILURES: &str =
    "propagation: nested runs and exit across awaits|stress: random interleavings of 300 flows leak nothing";

/// Deno's FileReader dispatches its own events through dispatchEvent,
/// untrusted, as a page's synthetic ones are: the patch carrier runs them in
/// the dispatcher's frame, Deno's root (docs/browser-carrier.md).
const DENO_PATCH_KNOWN_FAILURES: &str = "propagation: FileReader events run in the frame of readAs*()\
    |propagation: FileReader events run in the frame of readAs*() (over AsyncContext.Variable)\
    |propagation: a FileReader read that throws leaves the earlier read's events in their frame";

/// Where the native carrier rides a host's own storage that differs from
/// Node 24 at the root (docs/hosts.md): Deno's node:http runs a
/// request handler at the root, not in the store of listen(). (Where a
/// host's own storage leaks, the carrier guards the handlers: host-guards.js.)
fn fresh_native_known_failures(host: &str) -> &'static str {
    match host {
        "Deno" => "servers: a request handler started inside a run keeps the store of listen()",
        _ => "",
    }
}

/// The groups of js-tests/scratch.mjs: one throwaway project per tool.
const SCRATCH_TOOLS: [&str; 10] =
    ["node", "deno", "bun", "workerd", "tsc", "vite", "vite-plugin", "esbuild", "webpack", "import-map"];

/// Where the scoped native carrier (workerd, AsyncContext) differs from Node
/// 24: enterWith, withScope and disable change the innermost run's cell, and
/// each run nests host frames (docs/hosts.md).
const SCOPED_KNOWN_FAILURES: &str = "api: 1000 nested runs\
    |api: enterWith on another storage inside run survives the run (as in Node)\
    |api: enterWith on another storage inside exit survives the exit (as in Node)\
    |api: disable of another storage inside run survives the run (as in Node)\
    |host: enterWith after an await does not leak to the caller\
    |api: a disable() after a nested run does not reach a snapshot taken before the run\
    |otel ALS: .attach() should attach and restore context via token.dispose()\
    |otel ALS: .attach() should support nested attach with token.dispose()\
    |otel ALS: .attach() should work with async operations [setImmediate]\
    |otel ALS: .attach() should interact correctly with .with()\
    |otel ALS: .attach() should maintain context across attach inside with()\
    |otel ALS: .attach() should work with bound functions after attach\
    |otel ALS: .attach() should handle multiple attach/dispose sequences\
    |otel ALS: .attach() should propagate context to promises after attach\
    |otel ALS: .attach() should not leak an attached context into a concurrent sibling async chain\
    |otel ALS: .attach() should work correctly when disabled";

/// The fresh-realm cases that fail on the scoped native carrier: each calls
/// enterWith or withScope outside every run(), which throws there (a store
/// set there would reach every other root task: fresh/outside-every-run.mjs),
/// but for one that is the scoped carrier's enterWith-inside-run difference.
const SCOPED_FRESH_KNOWN_FAILURES: &str =
    "root: an enterWith in a root timer reaches its own later timer, not another root timer\
    |root: an enterWith after an await or inside then does not reach the awaiting caller\
    |root: an enterWith in a root then-callback does not reach another root then-callback\
    |root: an enterWith in a setInterval tick lasts for that tick only\
    |root: an enterWith in a root queueMicrotask callback does not reach the next one\
    |root: a root timer that throws after enterWith leaves nothing behind\
    |root: disable() in a root callback reaches neither the root nor other callbacks\
    |root: a withScope left open in a root timer does not reach another root timer\
    |host: 24 concurrent Service-Worker-style handlers each start with no store\
    |host: an enterWith in a root timer is gone when the next host event arrives\
    |host: an async handler that enters after its first await leaves nothing for the next handlers\
    |async: an enterWith after a hooked await stays in that async function\
    |host: a handler that throws after enterWith leaves nothing for the next one\
    |async: two root flows resuming after one promise do not see each other's enterWith\
    |async: a run with an enterWith of another storage inside, across awaits, from the root\
    |async: async generators consumed from the root keep each flow to itself\
    |async: an enterWith after await 5 does not reach another root flow after its await 5\
    |async: an enterWith after await 5 is gone by the next task\
    |engine-then: an enterWith in a root timer is not seen by a later reaction\
    |broadcast: messages run with no store, whoever posted them, and leave nothing behind\
    |stress: 300 flows started from root tasks with enterWith leak nothing";

const DEMOS_END_TO_END: &str = "www demos end to end in headless Chromium";

/// Serves www/ as `cargo xtask demo` does (on a free port, for the rest of
/// this process) and drives every demo in headless Chromium (js-tests/e2e.mjs).
/// Screenshots go to target/demo-screenshots/.
fn demos_end_to_end(npm: &NpmTools, js_tests: &Path) -> Outcome {
    let ready = demo::prepare().and_then(|www| {
        let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        Ok((listener, www, format!("http://{addr}")))
    });
    let (listener, www, url) = match ready {
        Ok(ready) => ready,
        Err(e) => return report(DEMOS_END_TO_END, false, &e, None),
    };
    std::thread::spawn(move || demo::serve_on(listener, www));
    let mut cmd = Command::new("node");
    cmd.current_dir(js_tests)
        .arg("e2e.mjs")
        .env("DEMO_URL", url)
        .env("SCREENSHOTS", root().join("target/demo-screenshots"))
        .env("PLAYWRIGHT_CORE", npm.bin.join("../playwright-core"));
    suite(DEMOS_END_TO_END, &mut cmd, js_counts)
}

/// `npm install` of the tarball into an empty project, then an import there.
fn scratch_install(root: &Path, tarball: &Path) -> Outcome {
    let name = "npm pack installs into a scratch project";
    let dir = root.join("target/scratch-install");
    let _ = std::fs::remove_dir_all(&dir);
    let ready =
        std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(dir.join("package.json"), "{ \"private\": true }\n"));
    if let Err(e) = ready {
        return report(name, false, &e.to_string(), None);
    }
    let (ok, out) =
        capture(Command::new("npm").current_dir(&dir).args(["install", "--no-audit", "--no-fund"]).arg(tarball));
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

/// A js-tests suite over what a build step made (bundled.rs, otel.rs): a
/// `--page=` that is missing (its build failed, reported there) fails the
/// suite without starting a browser. Lines starting with `echo` are printed
/// even when it passes (the docs quote them).
pub(crate) fn built_suite(name: &str, js_tests: &Path, cmd: &mut Command, echo: &str) -> Outcome {
    println!("== {name}");
    let pages = cmd.get_args().filter_map(|a| a.to_str()?.strip_prefix("--page="));
    if let Some(page) = pages.map(str::to_owned).find(|p| !js_tests.join(p).exists()) {
        return report(name, false, &format!("{page} was not built"), None);
    }
    let (ok, out) = capture(cmd);
    for line in out.lines().filter(|l| l.starts_with(echo)) {
        println!("  {line}");
    }
    report(name, ok, &out, js_counts(&out))
}

const WASM_IN_CHROMIUM: &str = "wasm-bindgen-test in headless Chromium";

/// Runs the wasm suite in headless Chromium with the runner's server kept
/// draining (runner_server.rs), and once more if the page still never
/// reported a result (the harness never started: wasm-pack#783). A run that
/// reported a result, failed tests included, is never repeated.
/// xtask/chromedriver.json bounds a stalled page load to a minute, not five.
fn browser_suite(name: &str, cmd: &mut Command) -> Outcome {
    println!("== {name}");
    let drain = match Drain::start() {
        Ok(drain) => drain,
        Err(e) => return report(name, false, &e, None),
    };
    cmd.env("WASM_BINDGEN_TEST_ADDRESS", drain.address())
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", root().join("xtask/chromedriver.json"));
    let (mut ok, mut out) = capture(cmd);
    if never_reported(ok, &out) {
        println!("{out}\n{name}: the page never reported a result; running it once more");
        (ok, out) = capture(cmd);
    }
    report(name, ok, &out, cargo_counts(&out))
}

/// A failed run with no `test result:` line: the harness never ran.
fn never_reported(ok: bool, out: &str) -> bool {
    !ok && cargo_counts(out).is_none()
}

/// Prints a suite's outcome; a suite that failed without counts counts as one failure.
pub(crate) fn report(name: &str, ok: bool, out: &str, counts: Option<(u64, u64)>) -> Outcome {
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
            line.split(';')
                .find(|part| part.trim_end().ends_with(word))
                .and_then(|part| part.split_whitespace().rev().nth(1).and_then(|n| n.parse::<u64>().ok()))
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
        let out =
            "test result: ok. 2 passed; 0 failed; 0 ignored\nx\ntest result: FAILED. 15 passed; 3 failed; 1 ignored";
        assert_eq!(cargo_counts(out), Some((17, 3)));
        assert_eq!(cargo_counts("nothing"), None);
    }

    #[test]
    fn js_counts_read_the_last_result_line() {
        assert_eq!(js_counts("a\nRESULT {\"passed\":12,\"failed\":1}\n"), Some((12, 1)));
        assert_eq!(js_counts("RESULT {}"), None);
    }

    #[test]
    fn only_a_browser_run_that_never_reported_is_repeated() {
        assert!(never_reported(false, "Loading scripts...Failed to detect test as having been run."));
        assert!(!never_reported(false, "test result: FAILED. 10 passed; 1 failed; 0 ignored"));
        assert!(!never_reported(true, "test result: ok. 11 passed; 0 failed; 0 ignored"));
    }

    #[test]
    fn a_suite_that_fails_without_failed_tests_still_counts_a_failure() {
        assert_eq!(report("x", false, "", Some((3, 0))).failed, 1);
        assert_eq!(report("x", true, "", None).passed, 1);
    }
}
