//! als-wasm/plugin's rewrite of one module, on oxc's parser (docs/plugin.md):
//!
//! ```text
//! in an async function (not a generator) with no `for await` or `await using` of its own:
//!   { body }                   ->  { const __als_t = __als_begin(); try { body } finally { __als_done(__als_t); } }
//!   => expr                    ->  => { const __als_t = __als_begin(); try { return expr } finally { … } }
//!   await x                    ->  __als_resumed(__als_t, await __als_suspend(__als_t, x))
//!   catch (e) { / finally {    ->  catch (e) { __als_caught(__als_t);
//! any other await              ->  __als_resume(await __als_awaited( x))
//! for await (… of y)           ->  for await (… of __als_iterated((y)))
//! yield* y (async generator)   ->  yield* __als_iterated((y))
//! yield y (async generator)    ->  yield __als_yielded((y))
//! ```
//!
//! plus one import (a `require` in a CommonJS script) of the helpers, and
//! the notes before top-level reads of `globalThis.AsyncLocalStorage` in
//! packages left as they are. Compiled to wasm for the plugin's JS
//! (pkg-template/plugin/transform.js), which makes the cheap checks first.
//!
//! Every edit is a splice of the source text, so that nothing but the
//! rewritten sites changes, and a source map comes out of the same pass.
//! No input may panic: a panic would kill the wasm instance for the rest of
//! the build.

mod edits;
mod global_reads;
mod parse;
mod positions;
mod preamble;
mod sites;
mod vlq;
// Compiled natively too, so that the native clippy run lints it (lint.rs
// leaves this crate out of the wasm32 run: oxc checked twice took 27 s).
mod wasm;

pub use parse::Lang;

/// What a rewrite of one module comes to.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to change: the bundler keeps its own bytes.
    Unchanged,
    /// The edited code and, when asked for, the `mappings` of its source
    /// map (v3, one source: the input; columns in UTF-16 code units, as JS
    /// counts).
    Rewritten { code: String, mappings: Option<String> },
    /// The module does not parse. `at`: the 1-based line and the 0-based
    /// column in UTF-16 code units (as Babel's `loc` was); absent when oxc
    /// names no place.
    SyntaxError { message: String, at: Option<(u32, u32)> },
}

/// Rewrites every `await`, `for await` operand and async `yield*` operand of
/// `code` and imports the helpers from `runtime_literal` (the specifier as a
/// JS string literal, quotes included); with a source map if `with_map`
/// (a build that reads no source map is spared making one); and with
/// `reactions` the receivers of then, catch and finally calls. The caller
/// skips code with none of these and code that imports the runtime already.
pub fn rewrite_awaits(code: &str, lang: Lang, runtime_literal: &str, with_map: bool, reactions: bool) -> Outcome {
    let allocator = oxc_allocator::Allocator::default();
    let program = match parse::parse(&allocator, code, lang) {
        Ok(program) => program,
        Err(error) => return syntax_error(code, error),
    };
    let found = sites::find(&program, code, reactions);
    if let Some(offset) = found.await_in_parameters {
        let message = "Await expression is not allowed in formal parameters".into();
        return syntax_error(code, parse::SyntaxError { message, offset: Some(offset) });
    }
    if found.sites.is_empty() && found.reactions.is_empty() && found.callbacks.is_empty() {
        return Outcome::Unchanged;
    }
    let commonjs = found.is_commonjs(&program);
    let names = preamble::HelperNames::for_code(code);
    // Each piece of text is made once per module and borrowed by every edit
    // that inserts it: a `format!` per site was a tenth of the rewrite.
    let await_open = names.await_open();
    let suspend_open = names.suspend_open();
    let caught_call = names.caught_call();
    let body_open = names.body_open();
    let body_open_after_directive = format!(";{body_open}");
    let body_close = names.body_close();
    let expression_open = format!("{{ {body_open} return ");
    let expression_close = format!(" {body_close} }}");
    let iterated_open = OperandOpen::of(&names.iterated);
    let yielded_open = OperandOpen::of(&names.yielded);
    let yielded_nothing = format!(" {}(undefined)", names.yielded);
    let mut list = edits::Edits::default();
    let mut used = preamble::Used::default();
    let keyword_end = |start: u32| start + "await".len() as u32;
    for site in &found.sites {
        match site.kind {
            sites::Kind::Await => {
                used.awaits = true;
                list.replace(site.start, keyword_end(site.start), &await_open);
                list.insert(site.end, "))");
            }
            sites::Kind::Suspend => {
                list.replace(site.start, keyword_end(site.start), &suspend_open);
                list.insert(site.end, "))");
            }
            sites::Kind::Iterate | sites::Kind::Yield => {
                let open = if site.kind == sites::Kind::Iterate {
                    used.iterates = true;
                    &iterated_open
                } else {
                    used.yields = true;
                    &yielded_open
                };
                list.insert(site.start, open.before(code, site.start));
                list.insert(site.end, "))");
            }
            sites::Kind::YieldNothing => {
                used.yields = true;
                list.insert(site.start, &yielded_nothing);
            }
            sites::Kind::Caught => {
                used.caught = true;
                list.insert(site.start + 1, &caught_call);
            }
            sites::Kind::Body => {
                used.in_place = true;
                // After a directive that has no semicolon of its own, one comes first.
                let lead = preamble::needs_semicolon(code, site.start);
                list.insert(site.start, if lead { &body_open_after_directive } else { &body_open });
                list.insert(site.end, &body_close);
            }
            sites::Kind::ExpressionBody => {
                used.in_place = true;
                list.insert(site.start, &expression_open);
                list.insert(site.end, &expression_close);
            }
        }
    }
    // After every other site's edits: at one offset a receiver's or a
    // callback's opening goes after what encloses it and its closing after
    // what it encloses (a callback's argument may begin with a receiver).
    // (Their texts are made only for a module that has such calls.)
    let callback_open = (!found.callbacks.is_empty()).then(|| OperandOpen::of(&names.callback));
    if let Some(open) = &callback_open {
        used.callbacks = true;
        for &(start, end) in &found.callbacks {
            list.insert(start, open.before(code, start));
            list.insert(end, "))");
        }
    }
    let reaction_texts = (!found.reactions.is_empty()).then(|| ReactionTexts::of(&names));
    if let Some(texts) = &reaction_texts {
        for reaction in &found.reactions {
            let method = reaction.method as usize;
            used.reactions[method] = true;
            if reaction.on_super {
                list.insert(reaction.start, &texts.super_opens[method]);
                list.insert(reaction.end, &texts.super_closes[method]);
            } else {
                list.insert(reaction.start, texts.opens[method].before(code, reaction.start));
                list.insert(reaction.end, "))");
            }
        }
    }
    let at = preamble::position(&program, code, commonjs);
    let statement = names.statement(used, runtime_literal, commonjs, preamble::needs_semicolon(code, at));
    // Before a receiver's opening at the same offset (a script's first call).
    list.insert_first(at, &statement);
    let (code, mappings) = list.apply(code, with_map);
    Outcome::Rewritten { code, mappings }
}

/// Puts `note` (a JS statement) right before each top-level statement of
/// `code` that reads `globalThis.AsyncLocalStorage` while the module is
/// evaluated (global_reads.rs). Code that does not parse is left alone: the
/// bundler reports it itself. With a source map if `with_map`.
pub fn mark_global_reads(code: &str, lang: Lang, note: &str, with_map: bool) -> Outcome {
    let allocator = oxc_allocator::Allocator::default();
    let Ok(program) = parse::parse(&allocator, code, lang) else { return Outcome::Unchanged };
    let starts = global_reads::early_reads(&program);
    if starts.is_empty() {
        return Outcome::Unchanged;
    }
    let mut list = edits::Edits::default();
    for start in starts {
        list.insert(start, note);
    }
    let (code, mappings) = list.apply(code, with_map);
    Outcome::Rewritten { code, mappings }
}

/// What opens a helper call around an operand (`name((`), and the same with a
/// space first, for an operand joined to the word before it: minified code's
/// `of[1,2]`, or `yield(x)` and `yield[x]`.
struct OperandOpen {
    plain: String,
    spaced: String,
}

impl OperandOpen {
    fn of(helper: &str) -> Self {
        let plain = format!("{helper}((");
        Self { spaced: format!(" {plain}"), plain }
    }

    /// The text to insert before the operand at `start`.
    fn before(&self, code: &str, start: u32) -> &str {
        if preamble::ends_in_identifier(code, start) {
            &self.spaced
        } else {
            &self.plain
        }
    }
}

/// What wraps the receiver of a then, catch or finally call, by
/// sites::Method: `__als_then((x))`, and for `super.then(…)`, whose `super`
/// cannot be passed but the method it reads can,
/// `__als_then((this), super.then).then(…)`.
struct ReactionTexts {
    opens: [OperandOpen; 3],
    super_opens: [String; 3],
    super_closes: [String; 3],
}

impl ReactionTexts {
    fn of(names: &preamble::HelperNames) -> Self {
        Self {
            opens: names.reactions.each_ref().map(|name| OperandOpen::of(name)),
            super_opens: names.reactions.each_ref().map(|name| format!("{name}((this), ")),
            super_closes: sites::Method::ALL.map(|method| format!(").{}", method.name())),
        }
    }
}

fn syntax_error(code: &str, error: parse::SyntaxError) -> Outcome {
    let at = error.offset.map(|offset| positions::line_and_column(code, offset));
    Outcome::SyntaxError { message: error.message, at }
}

#[cfg(test)]
mod tests;
