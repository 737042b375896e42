//! The bundled test apps (js-tests/bundlers/): each bundler builds
//! one app of the cases with als-wasm/plugin and once without it, the
//! fresh-realm cases with it, and a zone.js app with and without it; each
//! build runs in every browser (browsers.rs). A plugin build's page tells
//! the cases the code was rewritten (ALS_PLUGIN=1: every await exact, 0
//! losses); a plain build expects the
//! patch carrier's documented losses, never a leak.

use std::path::Path;
use std::process::Command;

use crate::browsers::BROWSERS;
use crate::outcome::{report, Outcome};
use crate::run::capture;

pub const BUNDLERS: [&str; 4] = ["vite", "rollup", "webpack", "esbuild"];

/// The bundlers whose apps are also built whole with the await hook off.
const UNHOOKED: [&str; 1] = ["esbuild"];

/// The build step's outcome; it runs whenever a bundled suite is wanted.
pub const BUILD: &str = "bundled apps built by js-tests/bundlers/build.mjs";

/// One bundled suite: its name, and its runner with its arguments (the
/// build's page, and --fresh).
pub struct Suite {
    pub name: String,
    pub args: Vec<String>,
}

/// Every bundled suite, named after its bundler, builds and browser: the
/// four whole-app builds in one browser session (the runners take several
/// pages), the fresh-realm cases in one of their own (a page per case).
pub fn suites() -> Vec<Suite> {
    // (folder, what it holds): the apps opened whole.
    let apps = [
        ("plugin", "app + plugin"),
        ("plain", "app, no plugin"),
        ("zone-plugin", "zone.js app + plugin"),
        ("zone-plain", "zone.js app, no plugin"),
    ];
    let mut suites = Vec::new();
    for bundler in BUNDLERS {
        // The whole bundle rewritten with the await hook off (build.mjs builds
        // it with these bundlers only).
        let unhooked = UNHOOKED.contains(&bundler);
        for browser in &BROWSERS {
            let mut apps = apps.to_vec();
            if unhooked {
                apps.push(("plugin-unhooked", "app + plugin, hook off"));
                apps.push(("zone-unhooked", "zone.js app + plugin, hook off"));
            }
            let mut pages: Vec<String> = apps.iter().map(|(dir, _)| format!("--page={}", page(bundler, dir))).collect();
            // Their stress runs slowed from page to page in one Firefox
            // session (run-webdriver.mjs); Chromium's runner opens a context per page.
            pages.push("--session-per-page".into());
            let what = apps.iter().map(|(_, what)| *what).collect::<Vec<_>>().join("; ");
            let name = format!("bundled apps ({bundler}: {what}) in {}", browser.name);
            suites.push(Suite { name, args: browser.args(&pages) });
            let mut fresh = vec![format!("--page={}", page(bundler, "fresh-plugin"))];
            if unhooked {
                fresh.push(format!("--page={}", page(bundler, "fresh-unhooked")));
            }
            fresh.push("--fresh".into());
            let with = if unhooked { "plugin; plugin, hook off" } else { "plugin" };
            let name = format!("bundled fresh-realm cases ({bundler} + {with}) in {}", browser.name);
            suites.push(Suite { name, args: browser.args(&fresh) });
        }
    }
    suites
}

/// A build's page, relative to js-tests/ (build.mjs writes it last).
fn page(bundler: &str, build: &str) -> String {
    format!(".bundled/{bundler}-{build}/index.html")
}

pub fn is_bundled(name: &str) -> bool {
    name.starts_with("bundled ")
}

/// The bundlers that the suites named in `names` need built.
pub fn bundlers_for<'a>(names: impl Iterator<Item = &'a str> + Clone) -> Vec<&'static str> {
    let wanted = |bundler: &str| names.clone().any(|n| is_bundled(n) && n.contains(&format!("({bundler}")));
    BUNDLERS.into_iter().filter(|b| wanted(b)).collect()
}

/// Builds the apps of `bundlers` into js-tests/.bundled/; always prints the
/// output, which has each build's time.
pub fn build(js_tests: &Path, bundlers: &[&str]) -> Outcome {
    println!("== {BUILD} ({})", bundlers.join(", "));
    let (ok, out) = capture(Command::new("node").current_dir(js_tests).arg("bundlers/build.mjs").args(bundlers));
    print!("{out}");
    report(BUILD, ok, &out, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_suite_names_the_bundler_whose_build_it_opens() {
        let suites = suites();
        assert_eq!(suites.len(), BUNDLERS.len() * 2 * BROWSERS.len());
        for s in &suites {
            let needs = bundlers_for([s.name.as_str()].into_iter());
            assert_eq!(needs.len(), 1, "{}", s.name);
            let pages: Vec<_> = s.args.iter().filter(|a| a.starts_with("--page=")).collect();
            assert!(!pages.is_empty(), "{}", s.name);
            for page in pages {
                assert!(page.starts_with(&format!("--page=.bundled/{}-", needs[0])), "{}", s.name);
            }
        }
        assert!(bundlers_for(["js-tests in headless Chromium"].into_iter()).is_empty());
    }
}
