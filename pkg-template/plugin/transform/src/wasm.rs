//! The wasm's exports, for pkg-template/plugin/transform.js. Each answers an
//! array of strings, so that one call crosses into wasm and the code and
//! the mappings come back as JS strings:
//! `[]` nothing to change; `["ok", code, mappings]` (mappings empty when
//! `map` is false);
//! `["error", message, line, column]` (line and column empty when unknown).
//!
//! The code comes as UTF-8 bytes (transform.js encodes it natively): a
//! `&str` argument would be copied into wasm by wasm-bindgen's JS loop, one
//! character at a time, which took as long as the rewrite itself on a
//! process's first megabyte.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::{Lang, Outcome};

/// `lang`: "js", "ts" or "tsx". `runtime_literal`: the helpers' specifier
/// as a JS string literal. `map`: whether to make the source map.
/// `reactions`: whether then, catch and finally calls are rewritten too.
#[wasm_bindgen(js_name = rewriteAwaits)]
pub fn rewrite_awaits(code: &[u8], lang: &str, runtime_literal: &str, map: bool, reactions: bool) -> Vec<String> {
    let code = String::from_utf8_lossy(code);
    answer(crate::rewrite_awaits(&code, Lang::from_name(lang), runtime_literal, map, reactions))
}

/// `note`: the statement put before each top-level read of the global.
#[wasm_bindgen(js_name = markGlobalReads)]
pub fn mark_global_reads(code: &[u8], lang: &str, note: &str, map: bool) -> Vec<String> {
    answer(crate::mark_global_reads(&String::from_utf8_lossy(code), Lang::from_name(lang), note, map))
}

fn answer(outcome: Outcome) -> Vec<String> {
    match outcome {
        Outcome::Unchanged => Vec::new(),
        Outcome::Rewritten { code, mappings } => vec!["ok".into(), code, mappings.unwrap_or_default()],
        Outcome::SyntaxError { message, at } => {
            let (line, column) = at.map_or((String::new(), String::new()), |(l, c)| (l.to_string(), c.to_string()));
            vec!["error".into(), message, line, column]
        }
    }
}
