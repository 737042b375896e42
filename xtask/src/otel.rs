//! The OpenTelemetry end-to-end suites, js-tests/otel/: the real
//! web SDK from npm with fetch and XHR instrumentation around concurrent
//! page actions, bundled once per context manager (ours, zone.js's with
//! native and with compiled-away async/await, the stack one, ours with
//! zone.js loaded first) and run in
//! every browser (browsers.rs), each page in a new realm; and the same
//! actions on the server hosts, ours against OTel's
//! AsyncLocalStorageContextManager (identical span trees). js-tests/otel is
//! its own npm project (OTel's 2.x web line, API 1.9): the packed als-wasm is
//! installed there with its locked dependencies.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::browsers::{Drivers, BROWSERS};
use crate::outcome::{built_suite, report, Outcome};
use crate::pack;
use crate::run::capture;
use crate::tools::NpmTools;

const PREFIX: &str = "opentelemetry end to end";

/// js-tests/otel/build.mjs's builds (.bundled/otel/<build>/) and what each holds.
const BUILDS: [(&str, &str); 6] = [
    ("ours", "als-wasm/opentelemetry"),
    ("zone", "ZoneContextManager, native async/await"),
    ("zone-downleveled", "ZoneContextManager, async/await compiled to generators"),
    ("stack", "StackContextManager"),
    ("ours-zone", "als-wasm/opentelemetry and zone.js loaded first, native async/await"),
    ("ours-zone-downleveled", "als-wasm/opentelemetry and zone.js loaded first, async/await compiled to generators"),
];

/// (name, runner arguments, pages) of every browser suite: every build's
/// page in one browser session per browser (each page a new realm).
fn page_suites() -> Vec<(String, Vec<String>, Vec<String>)> {
    let pages: Vec<String> = BUILDS.iter().map(|(build, _)| format!(".bundled/otel/{build}/index.html")).collect();
    let page_args: Vec<String> = pages.iter().map(|p| format!("--page={p}")).collect();
    let what = BUILDS.iter().map(|(_, what)| *what).collect::<Vec<_>>().join("; ");
    BROWSERS
        .iter()
        .map(|browser| {
            (format!("{PREFIX}: web SDK with {what}, in {}", browser.name), browser.args(&page_args), pages.clone())
        })
        .collect()
}

/// A server-host suite: node-trees.mjs run by `program` after `args`, with `env`.
struct TreeSuite {
    name: String,
    program: PathBuf,
    args: Vec<&'static str>,
    env: Vec<(&'static str, &'static str)>,
}

fn tree_suites(npm: &NpmTools) -> Vec<TreeSuite> {
    let hosts: [(&str, PathBuf, Vec<&str>); 4] = [
        ("Node 20", "node".into(), vec![]),
        ("Node 24", npm.get("node"), vec![]),
        ("Deno", npm.get("deno"), vec!["run", "--allow-read", "--allow-env", "--allow-net"]),
        ("Bun", npm.get("bun"), vec![]),
    ];
    let mut suites = Vec::new();
    for (carrier, env) in [("native carrier", vec![]), ("patch carrier forced", vec![("OTEL_OURS", "browser")])] {
        for (host, program, args) in &hosts {
            let name =
                format!("{PREFIX}: span trees, ours ({carrier}) vs OTel's AsyncLocalStorageContextManager, in {host}");
            suites.push(TreeSuite { name, program: program.clone(), args: args.clone(), env: env.clone() });
        }
    }
    suites
}

/// Runs the suites `wanted` lets through; none of the setup when none is.
pub fn run(wanted: &dyn Fn(&str) -> bool, npm: &NpmTools, drivers: &Drivers, js_tests: &Path) -> Vec<Outcome> {
    let pages: Vec<_> = page_suites().into_iter().filter(|(n, _, _)| wanted(n)).collect();
    let trees: Vec<_> = tree_suites(npm).into_iter().filter(|t| wanted(&t.name)).collect();
    if pages.is_empty() && trees.is_empty() {
        return Vec::new();
    }
    let mut outcomes = Vec::new();
    let setup = format!("{PREFIX}: als-wasm and OTel installed in js-tests/otel, pages built");
    println!("== {setup}");
    if let Err(e) = pack::install_into(&js_tests.join("otel"), &[]) {
        outcomes.push(report(&setup, false, &e, None));
        return outcomes;
    }
    let (ok, out) = capture(Command::new("node").current_dir(js_tests).arg("otel/build.mjs"));
    print!("{out}");
    outcomes.push(report(&setup, ok, &out, None));

    // Each run's `OTEL {...}` counts are printed: docs/opentelemetry.md quotes them.
    for (name, args, _) in pages {
        let mut cmd = drivers.command(js_tests, &args);
        outcomes.push(built_suite(&name, js_tests, &mut cmd, "OTEL "));
    }
    for TreeSuite { name, program, args, env } in trees {
        let mut cmd = Command::new(program);
        cmd.current_dir(js_tests).args(args).arg("otel/node-trees.mjs").envs(env);
        outcomes.push(built_suite(&name, js_tests, &mut cmd, "OTEL "));
    }
    outcomes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suite_is_named_for_the_filter_and_opens_a_build_of_build_mjs() {
        let npm = NpmTools { bin: "bin".into() };
        let pages = page_suites();
        assert_eq!(pages.len(), BROWSERS.len());
        for (name, _, opened) in &pages {
            assert!(name.starts_with(PREFIX), "{name}");
            for (b, _) in BUILDS {
                assert!(opened.contains(&format!(".bundled/otel/{b}/index.html")), "{b}");
            }
        }
        let trees = tree_suites(&npm);
        assert_eq!(trees.len(), 8);
        assert!(trees.iter().all(|t| t.name.starts_with(PREFIX)));
        let names: std::collections::HashSet<_> =
            pages.iter().map(|p| &p.0).chain(trees.iter().map(|t| &t.name)).collect();
        assert_eq!(names.len(), pages.len() + trees.len());
    }
}
