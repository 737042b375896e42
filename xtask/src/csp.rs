//! The suites under a Content-Security-Policy that forbids compiling
//! WebAssembly (js-tests/csp/): the pages that csp/build.mjs bundles with
//! `als-wasm/csp`, served with `script-src 'self'` (serve.mjs), in every
//! browser (browsers.rs), and an unpacked Manifest V3 extension with the
//! default policy in headless Chromium.

use std::path::Path;
use std::process::Command;

use crate::browsers::BROWSERS;
use crate::outcome::{report, Outcome};
use crate::run::capture;

/// The build step's outcome; it runs whenever a suite here is wanted.
pub const BUILD: &str = "als-wasm/csp pages and extension built by js-tests/csp/build.mjs";

/// Every suite here names the policy or the extension.
pub fn is_csp(name: &str) -> bool {
    name.contains("script-src 'self'") || name.contains("Manifest V3")
}

/// Each suite: its name and the js-tests runner with its arguments.
pub fn suites() -> Vec<(String, Vec<String>)> {
    // (page, what runs there, one case per page load)
    let pages = [
        ("index.html", "js-tests", false),
        ("worker.html", "js-tests in a dedicated worker", false),
        ("fresh.html", "fresh-realm cases", true),
        ("service-worker.html", "service worker flows and requests", false),
        ("refused.html", "the default entry refused (ERR_ALS_WASM_REFUSED)", false),
    ];
    let mut suites = Vec::new();
    for (page, what, fresh) in pages {
        for browser in &BROWSERS {
            let mut page_args = vec![format!("--page=.bundled/csp/{page}")];
            if fresh {
                page_args.push("--fresh".into());
            }
            let name = format!("{what} under script-src 'self' (als-wasm/csp) in {}", browser.name);
            suites.push((name, browser.args(&page_args)));
        }
    }
    suites.push((
        "Manifest V3 extension (default policy): page and background flows in headless Chromium".into(),
        vec!["csp/run-extension.mjs".into()],
    ));
    suites
}

/// Builds the pages and the extension into js-tests/.bundled/.
pub fn build(js_tests: &Path) -> Outcome {
    println!("== {BUILD}");
    let (ok, out) = capture(Command::new("node").current_dir(js_tests).arg("csp/build.mjs"));
    print!("{out}");
    report(BUILD, ok, &out, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suite_is_found_as_one_of_these() {
        let suites = super::suites();
        assert_eq!(suites.len(), 5 * BROWSERS.len() + 1);
        assert!(suites.iter().all(|(name, _)| super::is_csp(name)));
        assert!(!super::is_csp("js-tests in headless Chromium"));
    }
}
