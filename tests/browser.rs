//! The wasm suite, run in a headless browser through WebDriver:
//! `WASM_BINDGEN_TEST_WEBDRIVER_JSON=xtask/chromedriver.json CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --target wasm32-unknown-unknown --test browser`
//! (`cargo xtask test wasm-bindgen-test` also keeps the runner's server from
//! stalling the page on a busy machine: xtask/src/runner_server.rs)
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod suite;
mod support;
