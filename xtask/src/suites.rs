//! `cargo xtask test [filter...]`: installs what is missing, runs every suite
//! (or those whose name contains a filter), prints a summary line per suite
//! and a final `N passed, M failed` line.

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use crate::browsers::{Browser, Drivers, BROWSERS, FIREFOX};
use crate::outcome::{built_suite, cargo_counts, js_counts, report, suite, Outcome};
use crate::run::{capture, root, Result};
use crate::runner_server::Drain;
use crate::tools::{self, NpmTools};
use crate::{bundled, csp, demo, pack};

/// A cargo test run: its name, cargo's arguments and its environment.
type CargoSuite<'a> = (&'a str, Vec<&'a str>, Vec<(&'a str, &'a str)>);

pub fn all(filters: &[String]) -> Result {
    let wanted = |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
    let root = root();
    crate::outcome::start_clock();
    tools::wasm_toolchain()?;
    tools::chromium()?;
    let geckodriver = tools::firefox()?;
    tools::webkit()?;
    let npm = tools::npm_tools()?;
    let drivers = Drivers::new(&npm, &geckodriver);
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
        js_hosts(&npm, &drivers, &js_tests, &tarball).into_iter().filter(|(n, _)| wanted(n)).collect();
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
        outcomes.extend(in_two_lanes(hosts, |name, cmd| {
            // The stress test's counts: docs/plugin.md quotes what a plain build loses.
            if bundled::is_bundled(name) || csp::is_csp(name) {
                built_suite(name, &js_tests, cmd, "stress seed=")
            } else {
                suite(name, cmd, js_counts)
            }
        }));
    }
    let demos: Vec<(&str, &[&str])> = DEMOS_END_TO_END.into_iter().filter(|(n, _)| wanted(n)).collect();
    if !demos.is_empty() {
        outcomes.extend(demos_end_to_end(&npm, &js_tests, &demos));
    }
    outcomes.extend(crate::otel::run(&wanted, &npm, &drivers, &js_tests));
    outcomes.extend(crate::integrations::run(&wanted, &npm, &drivers, &js_tests));

    println!();
    for o in &outcomes {
        println!("{}: {} passed, {} failed ({:.0} s)", o.name, o.passed, o.failed, o.secs);
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

/// Runs the suites in Firefox in a lane of their own, beside the others, and
/// answers the outcomes in the order given. A suite is mostly one thread of a
/// browser or a host, so a run alone used about one of CI's two cores; and
/// Firefox's suites took a third of it. Every suite starts its own servers
/// and drivers on free ports (borrowed from the OS, then released: a driver
/// that lost its port to the other lane's starts again on another, in
/// runners/webdriver.mjs), what they serve is
/// built before, and only one Firefox runs at a time (unless the differential
/// is asked for Firefox too, `WITH_FIREFOX=1`). Both lanes print as they go:
/// a suite's `==` line need not come right before its output, and the first
/// lap after the lanes also counts the wait for the slower one.
/// `ALS_SERIAL=1` runs them one after the other.
fn in_two_lanes(suites: Vec<(String, Command)>, run: impl Fn(&str, &mut Command) -> Outcome + Sync) -> Vec<Outcome> {
    let serial = std::env::var("ALS_SERIAL").is_ok_and(|v| v == "1");
    let (firefox, rest): (Vec<_>, Vec<_>) =
        suites.into_iter().enumerate().partition(|(_, (name, _))| !serial && FIREFOX.runs(name));
    let run = &run;
    let lane = move |suites: Vec<(usize, (String, Command))>| {
        suites.into_iter().map(|(i, (name, mut cmd))| (i, run(&name, &mut cmd))).collect::<Vec<_>>()
    };
    let mut all = std::thread::scope(|scope| {
        let beside = scope.spawn(move || {
            crate::outcome::start_clock();
            lane(firefox)
        });
        let mut all = lane(rest);
        // A lane that panicked lost its outcomes: the run fails.
        match beside.join() {
            Ok(outcomes) => all.extend(outcomes),
            Err(_) => all.push((usize::MAX, crate::outcome::report("the Firefox lane", false, "it panicked", None))),
        }
        all
    });
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, outcome)| outcome).collect()
}

/// The JS suite in every host: Node, Deno and Bun twice (the default entry,
/// which gets the native carrier, and the patch carrier forced), the
/// browsers; the AdonisJS guide page in both browsers; the cases against each
/// host's own AsyncLocalStorage (all of them on Node 24, the specification;
/// the propagation groups elsewhere, where hosts differ from Node 24 in API
/// details); the differential run; the fresh-realm cases, each in a new
/// process or page (run-fresh.mjs, the browser runners' --fresh); the
/// toolchain projects (toolchains/); and the bundled apps (bundled.rs).
fn js_hosts(npm: &NpmTools, drivers: &Drivers, dir: &Path, tarball: &Path) -> Vec<(String, Command)> {
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
        cmd.arg("suites/all.mjs");
        cmd
    };
    // Each case of fresh-all.mjs alone in a new process of `program`.
    let fresh = |program: &Path, args: &[&str]| {
        let mut cmd = host(node20, &["runners/run-fresh.mjs"]);
        cmd.arg(program).args(args).arg("suites/fresh-all.mjs");
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
    // A page suite in `browser`: its runner's arguments after the runner.
    let in_browser = |browser: &Browser, page_args: &[&str]| {
        let page_args: Vec<String> = page_args.iter().map(|a| (*a).to_owned()).collect();
        drivers.command(dir, &browser.args(&page_args))
    };
    let scratch = |tool: &str| {
        let mut cmd = host(node20, &["toolchains/run.mjs"]);
        cmd.env("ALS_ONLY", tool)
            .env("ALS_TARBALL", tarball)
            .env("TOOLS_BIN", &npm.bin)
            .env("PLAYWRIGHT_CORE", npm.bin.join("../playwright-core"));
        cmd
    };
    let mut suites: Vec<(String, Command)> = vec![
        ("js-tests in Node 20, native carrier".into(), host(node20, &["suites/all.mjs"])),
        ("js-tests in Node 24, native carrier".into(), host(&node24, &["suites/all.mjs"])),
        ("js-tests in Deno, native carrier".into(), deno_all(&deno)),
        ("js-tests in Bun, native carrier".into(), host(&bun, &["suites/all.mjs"])),
        ("js-tests in Node 20, patch carrier forced".into(), with(host(node20, &["suites/all.mjs"]), &forced)),
        ("js-tests in Node 24, patch carrier forced".into(), with(host(&node24, &["suites/all.mjs"]), &forced)),
        (
            "js-tests in Deno, patch carrier forced".into(),
            with(deno_all(&deno), &[forced[0], ("ALS_KNOWN", "deno-patch")]),
        ),
        ("js-tests in Bun, patch carrier forced".into(), with(host(&bun, &["suites/all.mjs"]), &forced)),
        (
            "js-tests in Node 24, the Rust as JavaScript (als-wasm/csp's engine)".into(),
            with(host(&node24, &["suites/all.mjs"]), &[("ALS_ENTRY", "csp")]),
        ),
        (
            "js-tests against node:async_hooks on Node 24 (the cases encode Node)".into(),
            with(host(&node24, &["suites/all.mjs"]), &[own]),
        ),
        (
            "propagation cases against Node 20's own AsyncLocalStorage".into(),
            with(host(node20, &["suites/all.mjs"]), &[own, propagation]),
        ),
        (
            "propagation cases against Bun's own AsyncLocalStorage".into(),
            with(host(&bun, &["suites/all.mjs"]), &[own, propagation]),
        ),
        (
            "propagation cases against Deno's own AsyncLocalStorage".into(),
            // Deno's exit() keeps the store across an await (Node's does not).
            with(deno_all(&deno), &[own, propagation, ("ALS_KNOWN", "deno-own")]),
        ),
        ("js-tests differential vs node:async_hooks on Node 24".into(), host(&node24, &["suites/differential.mjs"])),
        (
            "js-tests differential of root flows vs node:async_hooks on Node 24, native carrier".into(),
            host(&node24, &["suites/differential-async.mjs"]),
        ),
        (
            "js-tests differential of root flows vs node:async_hooks on Node 24, patch carrier forced".into(),
            with(host(&node24, &["suites/differential-async.mjs"]), &forced),
        ),
        (
            "js-tests on the scoped native carrier (an AsyncContext stand-in, Node 24)".into(),
            with(host(&node24, &["suites/scoped-carrier.mjs"]), &[("ALS_KNOWN", "scoped")]),
        ),
    ];
    // The fresh-realm cases (js-tests/fresh/): each in a new process or page.
    for (host, program, args) in runtimes {
        let known = [("ALS_KNOWN", if host == "Deno" { "deno-native-fresh" } else { "" })];
        suites.push((format!("fresh-realm cases in {host}, native carrier"), with(fresh(program, args), &known)));
    }
    for (host, program, args) in runtimes {
        suites
            .push((format!("fresh-realm cases in {host}, patch carrier forced"), with(fresh(program, args), &forced)));
    }
    suites.push(("fresh-realm cases against node:async_hooks on Node 24".into(), with(fresh(&node24, &[]), &[own])));
    suites.push((
        "fresh-realm cases on the scoped native carrier (an AsyncContext stand-in, Node 24)".into(),
        with(fresh(&node24, &["suites/scoped-carrier.mjs"]), &[("ALS_KNOWN", "scoped-fresh")]),
    ));
    // The pages, in every browser: the suite, the AdonisJS guide's example,
    // zone.js loaded before and after, the fresh-realm cases one page each.
    for browser in &BROWSERS {
        let b = browser.name;
        suites.push((format!("js-tests in {b}"), in_browser(browser, &["--page=pages/browser.html"])));
        suites.push((format!("AdonisJS guide example in {b}"), in_browser(browser, &["--page=pages/adonis.html"])));
        suites.push((
            format!("zone.js loaded before and after als-wasm, in {b}"),
            in_browser(browser, &["--page=pages/zone.html"]),
        ));
        suites.push((format!("fresh-realm cases in {b}"), in_browser(browser, &["--fresh"])));
    }
    for tool in SCRATCH_TOOLS {
        suites.push((format!("toolchain project: {tool}"), scratch(tool)));
    }
    suites.push((
        "plugin transform: snapshots, source maps, bundlers' own errors (Node 20)".into(),
        host(node20, &["plugin/all.mjs"]),
    ));
    // Random async programs (js-tests/plugin/differential/): Node 24's own
    // AsyncLocalStorage is the reference, each program a fresh page.
    let differential = || {
        let mut command = host(&node24, &["plugin/differential/run.mjs"]);
        command.env("PLAYWRIGHT_CORE", npm.bin.join("../playwright-core"));
        command
    };
    suites.push((
        "plugin differential: random async programs, Node 24 as written vs rewritten in headless Chromium".into(),
        differential(),
    ));
    // The same with the whole bundle rewritten and the await hook off (its
    // control would be the run's above).
    suites.push((
        "plugin differential: the same, whole bundle rewritten with the await hook off".into(),
        with(differential(), &[("HOOK_OFF", "1"), ("CONTROL", "0")]),
    ));
    for bundled::Suite { name, args } in bundled::suites() {
        suites.push((name, drivers.command(dir, &args)));
    }
    for (name, args) in csp::suites() {
        suites.push((name, drivers.command(dir, &args)));
    }
    suites
}

/// The groups of js-tests/toolchains/run.mjs: one throwaway project per tool.
const SCRATCH_TOOLS: [&str; 11] = [
    "node",
    "deno",
    "bun",
    "workerd",
    "tsc",
    "vite",
    "vite-plugin",
    "esbuild",
    "webpack",
    "import-map",
    "otel-require",
];

/// The demos' end-to-end suites: each name and e2e/run.mjs's arguments.
const DEMOS_END_TO_END: [(&str, &[&str]); 2] =
    [("www demos end to end in headless Chromium", &[]), ("www demos end to end in WebKit", &["--browser=webkit"])];

/// Serves www/ as `cargo xtask demo` does (on a free port, for the rest of
/// this process) and drives every demo in each browser of `demos`
/// (js-tests/e2e/run.mjs).
/// Screenshots go to target/demo-screenshots/.
fn demos_end_to_end(npm: &NpmTools, js_tests: &Path, demos: &[(&str, &[&str])]) -> Vec<Outcome> {
    let ready = demo::prepare().and_then(|www| {
        let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| e.to_string())?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        Ok((listener, www, format!("http://{addr}")))
    });
    let (listener, www, url) = match ready {
        Ok(ready) => ready,
        Err(e) => return demos.iter().map(|(name, _)| report(name, false, &e, None)).collect(),
    };
    std::thread::spawn(move || demo::serve_on(listener, www));
    let run = |(name, args): &(&str, &[&str])| {
        let mut cmd = Command::new("node");
        cmd.current_dir(js_tests)
            .arg("e2e/run.mjs")
            .args(*args)
            .env("DEMO_URL", &url)
            .env("SCREENSHOTS", root().join("target/demo-screenshots"))
            .env("PLAYWRIGHT_CORE", npm.bin.join("../playwright-core"));
        suite(name, &mut cmd, js_counts)
    };
    demos.iter().map(run).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_browser_run_that_never_reported_is_repeated() {
        assert!(never_reported(false, "Loading scripts...Failed to detect test as having been run."));
        assert!(!never_reported(false, "test result: FAILED. 10 passed; 1 failed; 0 ignored"));
        assert!(!never_reported(true, "test result: ok. 11 passed; 0 failed; 0 ignored"));
    }
}
