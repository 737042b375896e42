//! The browsers every page suite runs in, and how js-tests drives each:
//! Chromium through playwright-core (runners/run-browser.mjs), Firefox and
//! WebKit (Safari's engine: WebKitGTK's MiniBrowser under Xvfb) through W3C
//! WebDriver (runners/run-webdriver.mjs).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools::NpmTools;

pub struct Browser {
    /// As suite names end: "… in headless Chromium".
    pub name: &'static str,
    /// The js-tests runner and its arguments before the page's.
    runner: &'static [&'static str],
}

pub const BROWSERS: [Browser; 3] = [
    Browser { name: "headless Chromium", runner: &["runners/run-browser.mjs"] },
    FIREFOX,
    Browser { name: "WebKit", runner: &["runners/run-webdriver.mjs", "--browser=webkit"] },
];

/// Its suites run in a lane of their own (suites.rs).
pub const FIREFOX: Browser =
    Browser { name: "headless Firefox", runner: &["runners/run-webdriver.mjs", "--browser=firefox"] };

/// What the runners need from the machine (tools.rs installs each).
pub struct Drivers {
    pub playwright_core: PathBuf,
    pub geckodriver: PathBuf,
}

impl Drivers {
    pub fn new(npm: &NpmTools, geckodriver: &Path) -> Self {
        Drivers { playwright_core: npm.bin.join("../playwright-core"), geckodriver: geckodriver.to_owned() }
    }

    /// The command that runs a runner's `args` (from `Browser::args`) in js-tests/.
    pub fn command(&self, js_tests: &Path, args: &[String]) -> Command {
        let mut cmd = Command::new("node");
        cmd.current_dir(js_tests)
            .args(args)
            .env("PLAYWRIGHT_CORE", &self.playwright_core)
            .env("GECKODRIVER", &self.geckodriver);
        cmd
    }
}

impl Browser {
    /// Whether the suite named `suite` runs in this browser.
    pub fn runs(&self, suite: &str) -> bool {
        suite.ends_with(&format!("in {}", self.name))
    }

    /// The runner's arguments for a page (`--page=…`, `--fresh`), from js-tests/.
    pub fn args(&self, page_args: &[String]) -> Vec<String> {
        self.runner.iter().map(|a| (*a).to_owned()).chain(page_args.iter().cloned()).collect()
    }
}
