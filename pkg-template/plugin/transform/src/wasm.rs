//! The wasm's exports, for pkg-template/plugin/transform.js. Each answers an
//! array of strings, so that one call crosses into wasm and the code and
//! the mappings come back as JS strings:
//! `[]` nothing to change; `["ok", code, mappings]`;
//! `["error", message, line, column]` (line and column empty when unknown).

use wasm_bindgen::prelude::wasm_bindgen;

use crate::{Lang, Outcome};

/// `lang`: "js", "ts" or "tsx". `runtime_literal`: the helpers' specifier
/// as a JS string literal.
#[wasm_bindgen(js_name = rewriteAwaits)]
pub fn rewrite_awaits(code: &str, lang: &str, runtime_literal: &str) -> Vec<String> {
    answer(crate::rewrite_awaits(code, Lang::from_name(lang), runtime_literal))
}

/// `note`: the statement put before each top-level read of the global.
#[wasm_bindgen(js_name = markGlobalReads)]
pub fn mark_global_reads(code: &str, lang: &str, note: &str) -> Vec<String> {
    answer(crate::mark_global_reads(code, Lang::from_name(lang), note))
}

fn answer(outcome: Outcome) -> Vec<String> {
    match outcome {
        Outcome::Unchanged => Vec::new(),
        Outcome::Rewritten { code, mappings } => vec!["ok".into(), code, mappings],
        Outcome::SyntaxError { message, at } => {
            let (line, column) = at.map_or((String::new(), String::new()), |(l, c)| (l.to_string(), c.to_string()));
            vec!["error".into(), message, line, column]
        }
    }
}
