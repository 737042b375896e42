//! Project tasks: `cargo xtask build | test | demo | bench`.

mod bench;
mod browsers;
mod build;
mod bundled;
mod csp;
mod demo;
mod glue;
mod integrations;
mod lint;
mod otel;
mod outcome;
mod pack;
mod run;
mod runner_server;
mod short_names;
mod suites;
mod tools;
mod wasm_js;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build::package().map(|_| ()),
        Some("test") => suites::all(&args[1..]),
        Some("demo") => demo::serve(),
        Some("bench") => bench::run(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <build | test [suite...] | demo | bench [host | workload | builds ...]>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
