//! One suite's outcome and how it is read: the counts of a cargo test run or
//! of a js-tests harness (`RESULT {"passed":N,"failed":M}`), and the line
//! `cargo xtask test` prints for it. Every module that runs suites uses these.

use std::cell::Cell;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::run::capture;

/// A suite's name and counts.
pub(crate) struct Outcome {
    pub name: String,
    pub passed: u64,
    pub failed: u64,
    /// Seconds since the previous outcome: this suite's run and its setup.
    pub secs: f64,
}

thread_local! {
    /// When this thread's previous outcome was reported (CI's time budget is
    /// read off these laps). Per thread: the Firefox suites run in a lane of
    /// their own (suites.rs), with a clock of their own.
    static LAST: Cell<Option<Instant>> = const { Cell::new(None) };
}

fn lap() -> f64 {
    let now = Instant::now();
    LAST.with(|last| last.replace(Some(now))).map_or(0.0, |t| (now - t).as_secs_f64())
}

/// Starts this thread's clock for its first outcome.
pub(crate) fn start_clock() {
    lap();
}

pub(crate) fn suite(name: &str, cmd: &mut Command, counts: fn(&str) -> Option<(u64, u64)>) -> Outcome {
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
    let secs = lap();
    println!("{name}: {passed} passed, {failed} failed ({secs:.0} s)");
    Outcome { name: name.into(), passed, failed, secs }
}

/// Sums cargo's `test result: ok. N passed; M failed` lines.
pub(crate) fn cargo_counts(out: &str) -> Option<(u64, u64)> {
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
pub(crate) fn js_counts(out: &str) -> Option<(u64, u64)> {
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
    fn a_suite_that_fails_without_failed_tests_still_counts_a_failure() {
        assert_eq!(report("x", false, "", Some((3, 0))).failed, 1);
        assert_eq!(report("x", true, "", None).passed, 1);
    }
}
