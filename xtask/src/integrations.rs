//! The libraries users bring, run as their users run them
//! (js-tests/integrations/<name>/, docs/integrations/): each folder is an npm
//! project of its own that pins the library, with the packed als-wasm
//! installed there. Its build.mjs builds every page into
//! .bundled/integrations/<name>/<build>/ (the Angular CLI for angular,
//! esbuild for the others): a build with als-wasm beside a control that
//! must show the failure the library's users report. Each integration's
//! pages run in every browser (browsers.rs), in one browser session per
//! browser; Sentry's scopes also run on the server hosts (hosts.mjs).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::browsers::{Drivers, BROWSERS};
use crate::outcome::{built_suite, report, Outcome};
use crate::pack;
use crate::run::capture;
use crate::tools::NpmTools;

const PREFIX: &str = "integrations";

struct Integration {
    name: &'static str,
    what: &'static str,
    /// The builds of its build.mjs, and the pages each has.
    builds: &'static [&'static str],
    pages: &'static [&'static str],
    /// Further npm projects inside it (older versions of the library).
    projects: &'static [&'static str],
}

const INTEGRATIONS: [Integration; 4] = [
    Integration {
        name: "langgraph",
        what: "LangGraph.js: getConfig, getCurrentTaskInput, interrupt and resume in 20 concurrent runs, page and Service Worker",
        builds: &["als-wasm", "als-wasm-alias", "control", "leaky-storage"],
        pages: &["index.html", "sw.html"],
        projects: &[],
    },
    Integration {
        name: "sentry",
        what: "Sentry's browser SDK 11, 10 and 9 on als-wasm/sentry against its stack strategy: scopes, breadcrumbs, spans, errors",
        builds: &[
            "ours", "stack", "ours-v10", "stack-v10", "ours-v9", "stack-v9", "errors", "errors-stack", "errors-unwrapped",
        ],
        pages: &["index.html"],
        projects: &["versions/10", "versions/9"],
    },
    Integration {
        name: "unjs",
        what: "unenv and unctx after als-wasm/global (first, late, with the plugin's warning), Hono's contextStorage in a Service Worker",
        builds: &["first", "first-plugin", "late", "late-plugin", "control", "hono", "hono-control"],
        pages: &["index.html"],
        projects: &[],
    },
    Integration {
        name: "angular",
        what: "Angular CLI apps with OpenTelemetry: zoneless and zone.js, als-wasm/opentelemetry against ZoneContextManager",
        builds: &["zoneless-ours", "zoneless-stack", "zone-ours", "zone-ours-first", "zone-zonemanager"],
        pages: &["index.html"],
        projects: &[],
    },
];

impl Integration {
    fn page_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        for build in self.builds {
            for page in self.pages {
                args.push(format!("--page=.bundled/integrations/{}/{build}/{page}", self.name));
            }
        }
        args
    }

    fn suite(&self, browser: &str) -> String {
        format!("{PREFIX}: {}, in {browser}", self.what)
    }
}

/// Sentry's hosts.mjs: (host, program, arguments before the script).
fn sentry_hosts(npm: &NpmTools) -> Vec<(&'static str, PathBuf, Vec<&'static str>)> {
    vec![
        ("Node 20", "node".into(), vec![]),
        ("Node 24", npm.get("node"), vec![]),
        ("Deno", npm.get("deno"), vec!["run", "--allow-read", "--allow-env"]),
        ("Bun", npm.get("bun"), vec![]),
    ]
}

fn host_suite(host: &str, control: bool) -> String {
    let strategy = if control { "@sentry/core's stack strategy (control)" } else { "als-wasm/sentry" };
    format!("{PREFIX}: Sentry's scopes on {strategy}, 20 concurrent flows, in {host}")
}

/// Runs the suites `wanted` lets through; none of the setup when none is.
pub fn run(wanted: &dyn Fn(&str) -> bool, npm: &NpmTools, drivers: &Drivers, js_tests: &Path) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    for integration in &INTEGRATIONS {
        let browsers: Vec<_> = BROWSERS.iter().filter(|b| wanted(&integration.suite(b.name))).collect();
        let hosts: Vec<_> = if integration.name == "sentry" {
            sentry_hosts(npm)
                .into_iter()
                .flat_map(|h| [(h.clone(), false), (h, true)])
                .filter(|((host, _, _), control)| wanted(&host_suite(host, *control)))
                .collect()
        } else {
            Vec::new()
        };
        if browsers.is_empty() && hosts.is_empty() {
            continue;
        }
        let dir = js_tests.join("integrations").join(integration.name);
        let setup = format!("{PREFIX}: {} installed and built", integration.name);
        println!("== {setup}");
        match prepare(integration, &dir, js_tests, npm) {
            Ok(out) => outcomes.push(report(&setup, true, &out, None)),
            Err(out) => {
                outcomes.push(report(&setup, false, &out, None));
                continue;
            }
        }
        for browser in browsers {
            let mut cmd = drivers.command(js_tests, &browser.args(&integration.page_args()));
            outcomes.push(built_suite(&integration.suite(browser.name), js_tests, &mut cmd, "INTEGRATION "));
        }
        for ((host, program, args), control) in hosts {
            let mut cmd = Command::new(program);
            cmd.current_dir(&dir).args(args).arg("hosts.mjs");
            if control {
                cmd.arg("--control");
            }
            outcomes.push(built_suite(&host_suite(host, control), js_tests, &mut cmd, "INTEGRATION "));
        }
    }
    outcomes
}

/// Installs the integration's projects and the packed als-wasm, then builds its pages.
fn prepare(integration: &Integration, dir: &Path, js_tests: &Path, npm: &NpmTools) -> Result<String, String> {
    for project in integration.projects {
        let (ok, out) =
            capture(Command::new("npm").current_dir(dir.join(project)).args(["ci", "--no-audit", "--no-fund"]));
        if !ok {
            return Err(out);
        }
    }
    pack::install_into(dir, &[])?;
    let mut build = Command::new("node");
    build.current_dir(js_tests).arg(format!("integrations/{}/build.mjs", integration.name));
    // The Angular CLI needs a newer Node than Debian's.
    build.env("ANGULAR_NODE", npm.get("node"));
    let (ok, out) = capture(&mut build);
    print!("{out}");
    if !ok {
        return Err(out);
    }
    // A build that build.mjs makes and no browser opens would pass unseen.
    let built = js_tests.join(".bundled/integrations").join(integration.name);
    let entries = std::fs::read_dir(&built).map_err(|e| format!("{}: {e}", built.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && !integration.builds.contains(&name.as_str()) {
            return Err(format!("{out}build {name} is not in INTEGRATIONS' list (xtask/src/integrations.rs)"));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suite_has_a_name_of_its_own_and_pages_under_its_folder() {
        let npm = NpmTools { bin: "bin".into() };
        let mut names = std::collections::HashSet::new();
        for integration in &INTEGRATIONS {
            for browser in &BROWSERS {
                assert!(names.insert(integration.suite(browser.name)));
            }
            for arg in integration.page_args() {
                assert!(arg.starts_with(&format!("--page=.bundled/integrations/{}/", integration.name)), "{arg}");
            }
        }
        for (host, _, _) in sentry_hosts(&npm) {
            assert!(names.insert(host_suite(host, false)));
            assert!(names.insert(host_suite(host, true)));
        }
    }
}
