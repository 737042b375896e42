//! The rewrite rules, one by one (js-tests/plugin/ checks the package's
//! output against Babel's view of it and in real builds).

use crate::{mark_global_reads, rewrite_awaits, Lang, Outcome};

const RUNTIME: &str = "\"als-wasm/plugin/runtime\"";
const IMPORT_AWAITS: &str =
    "import { awaited as __als_awaited, resume as __als_resume } from \"als-wasm/plugin/runtime\";";
const IMPORT_IN_PLACE: &str = "import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done } from \"als-wasm/plugin/runtime\";";
const OPEN: &str = "const __als_t = __als_begin(); try {";
const CLOSE: &str = "} finally { __als_done(__als_t); }";

fn rewrite(code: &str, lang: Lang) -> Outcome {
    rewrite_awaits(code, lang, RUNTIME, true, false)
}

/// With the await hook off: then, catch and finally calls rewritten too.
fn rewrite_hook_off(code: &str, lang: Lang) -> Outcome {
    rewrite_awaits(code, lang, RUNTIME, false, true)
}

fn code_in(outcome: Outcome) -> String {
    match outcome {
        Outcome::Rewritten { code, .. } => code,
        other => panic!("not rewritten: {other:?}"),
    }
}

fn code_of(code: &str, lang: Lang) -> String {
    code_in(rewrite(code, lang))
}

fn js(code: &str) -> String {
    code_of(code, Lang::Js)
}

#[test]
fn await_is_wrapped_and_the_helpers_imported_first() {
    assert_eq!(
        js("async function f() { return await g(); }\n"),
        format!("{IMPORT_IN_PLACE}async function f() {{{OPEN} return __als_resumed(__als_t, await __als_suspend(__als_t, g())); {CLOSE}}}\n")
    );
}

#[test]
fn nested_awaits_close_inside_out() {
    assert_eq!(
        js("export const v = await (await a)(await b);"),
        format!(
            "{IMPORT_AWAITS}export const v = __als_resume(await __als_awaited( (__als_resume(await __als_awaited( a)))(__als_resume(await __als_awaited( b)))));"
        )
    );
}

#[test]
fn for_await_and_async_yield_star_operands_are_iterated() {
    let out = js("async function* g(s) {\n  for await (const x of s) yield x;\n  yield* s;\n}\n");
    assert_eq!(
        out,
        "import { iterated as __als_iterated, yielded as __als_yielded } from \"als-wasm/plugin/runtime\";async function* g(s) {\n  for await (const x of __als_iterated((s))) yield __als_yielded((x));\n  yield* __als_iterated((s));\n}\n"
    );
}

#[test]
fn an_async_generator_s_yield_operands_are_yielded() {
    let out = js("async function* g(s) { yield s, 1; yield; yield(s); yield[s]; (yield) }");
    assert!(
        out.ends_with("async function* g(s) { yield __als_yielded((s)), 1; yield __als_yielded(undefined); yield(__als_yielded((s))); yield __als_yielded(([s])); (yield __als_yielded(undefined)) }"),
        "{out}"
    );
    assert!(out.starts_with("import { yielded as __als_yielded } from"), "{out}");
}

#[test]
fn a_parenthesized_operand_is_wrapped_inside_its_parentheses() {
    let out = js("async function* g(s) { yield* (s); }");
    assert!(out.ends_with("async function* g(s) { yield* (__als_iterated((s))); }"), "{out}");
}

#[test]
fn yields_outside_async_generators_are_left() {
    for code in ["function* g(s) { yield* s; yield s; }", "const o = { *g() { yield* [1]; } };"] {
        assert_eq!(rewrite(&format!("{code} await;"), Lang::Js), Outcome::Unchanged, "{code}");
    }
    // The innermost function decides: a sync generator in an async one.
    assert_eq!(rewrite("async function* a() { function* b() { yield* [1]; yield 2; } }", Lang::Js), Outcome::Unchanged);
}

#[test]
fn an_operand_joined_to_of_gets_a_space() {
    let out = js("async function f(){for await(const x of[1,2]);}");
    assert!(out.ends_with("for await(const x of __als_iterated(([1,2])));}"), "{out}");
}

#[test]
fn the_import_goes_after_the_last_import_on_its_line() {
    let out = js("import a from 'a';\nimport 'b'\nexport { c } from 'c';\nawait a();\n");
    assert_eq!(out, format!("import a from 'a';\nimport 'b'\nexport {{ c }} from 'c';{IMPORT_AWAITS}\n__als_resume(await __als_awaited( a()));\n"));
    // An import without a semicolon gets one before the helpers'.
    let out = js("import a from 'a'\nawait a();");
    assert!(out.starts_with(&format!("import a from 'a';{IMPORT_AWAITS}\n")), "{out}");
}

#[test]
fn hashbang_and_directives_stay_first() {
    let out = js("#!/usr/bin/env node\nawait 1;\n");
    assert_eq!(out, format!("#!/usr/bin/env node\n{IMPORT_AWAITS}__als_resume(await __als_awaited( 1));\n"));
    let out = js("'use client'\nexport async function f() { await 1; }\n");
    assert!(out.starts_with(&format!("'use client';{IMPORT_IN_PLACE}\nexport")), "{out}");
}

#[test]
fn commonjs_gets_a_require_at_the_top() {
    let out = js("'use strict';\nconst x = require('x');\nmodule.exports = async () => await x;\n");
    assert!(
        out.starts_with("'use strict';var { begin: __als_begin, suspend: __als_suspend, resumed: __als_resumed, done: __als_done } = require(\"als-wasm/plugin/runtime\");\nconst x"),
        "{out}"
    );
    // exports.x = … alone makes it CommonJS too.
    assert!(js("exports.f = async () => await 1;").starts_with("var {"));
    // So does a top-level `this` (UMD's): bundlers give a script's its
    // exports, an ES module's is undefined.
    assert!(js("(function (root) { root.f = async () => await 1; })(this);").starts_with("var {"));
    assert!(js("const root = () => this;\nexports; async function f() { await 1; }").starts_with("var {"));
    // A `this` that a function, a class field or a static block binds is not
    // the module's.
    for inner in [
        "function g() { return this; }",
        "class C { x = this; static { this.y = 1; } m() { return this; } }",
        "class C { accessor z = this; }",
    ] {
        assert!(js(&format!("{inner}\nasync function f() {{ await 1; }}")).starts_with("import {"), "{inner}");
    }
    // A top-level await makes it a module whatever else it has.
    assert!(js("const x = require('x');\nawait x;").starts_with("import {"));
    // import or export makes it a module.
    assert!(js("import 'y';\nconst x = require('x');\nexport const f = async () => await x;").contains("import {"));
}

#[test]
fn helper_names_avoid_the_module_own() {
    let out = js("const __als_x = 1; const __als1_y = 2; async function f() { await 1; }");
    assert!(out.contains("__als2_resumed(__als2_t, await __als2_suspend(__als2_t, 1))"), "{out}");
}

#[test]
fn typescript_jsx_and_decorators_parse() {
    let ts = code_of("const f = async <T,>(v: T): Promise<T> => (await v) as T;\n", Lang::Ts);
    assert!(ts.contains("=> { const __als_t = __als_begin(); try { return (__als_resumed(__als_t, await __als_suspend(__als_t, v))) as T }"), "{ts}");
    let tsx = code_of("export const C = async () => <p>{await x}</p>;\n", Lang::Tsx);
    assert!(tsx.contains("<p>{__als_resumed(__als_t, await __als_suspend(__als_t, x))}</p>"), "{tsx}");
    let jsx = js("export const C = async () => <p title=\"await\">{await x}</p>;\n");
    assert!(jsx.contains("{__als_resumed(__als_t, await __als_suspend(__als_t, x))}"), "{jsx}");
    let decorated =
        "function dec(c) { return c; }\nclass A { constructor(@dec x: number) {} async f() { return await 1; } }\n";
    assert!(code_of(decorated, Lang::Ts).contains("__als_resumed(__als_t, await"));
    let standard =
        "function dec(c) { return c; }\nexport @dec class A { accessor x = 1; async f() { return await 1; } }\n";
    assert!(code_of(standard, Lang::Ts).contains("__als_resumed(__als_t, await"));
}

#[test]
fn await_may_be_a_name_in_a_script() {
    assert_eq!(rewrite("function await(x) { return x; }\nawait(1);\n", Lang::Js), Outcome::Unchanged);
}

#[test]
fn syntax_errors_name_their_place_in_utf16_columns() {
    let Outcome::SyntaxError { at, .. } =
        rewrite("export async function f() {\n  await g();\n  const x = ;\n}\n", Lang::Js)
    else {
        panic!("parsed")
    };
    assert_eq!(at, Some((3, 12)));
    // é takes two bytes and one column.
    let Outcome::SyntaxError { at, .. } = rewrite("const é = 'ü'; const x = ;", Lang::Js) else { panic!("parsed") };
    assert_eq!(at, Some((1, 25)));
    // JS rejects await in parameters; so does the transform, at the await.
    let Outcome::SyntaxError { at, .. } =
        rewrite("async function f() {\n  const g = (a = await x) => a;\n}\n", Lang::Js)
    else {
        panic!("parsed")
    };
    assert_eq!(at, Some((2, 17)));
}

/// The original (line, column) that the map gives for a generated (line,
/// column), as source-map consumers look it up (the segment at or before).
fn original(mappings: &str, line: usize, column: i64) -> Option<(i64, i64)> {
    let (mut orig_line, mut orig_col) = (0, 0);
    let mut found = None;
    for (l, text) in mappings.split(';').enumerate() {
        let mut gen_col = 0;
        for segment in text.split(',').filter(|s| !s.is_empty()) {
            let fields = decode(segment);
            gen_col += fields[0];
            orig_line += fields[2];
            orig_col += fields[3];
            if l == line && gen_col <= column {
                found = Some((orig_line, orig_col));
            }
        }
    }
    found
}

fn decode(segment: &str) -> Vec<i64> {
    let mut out = Vec::new();
    let (mut value, mut shift) = (0i64, 0);
    for c in segment.bytes() {
        let digit = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".iter().position(|&b| b == c);
        let digit = digit.unwrap_or(0) as i64;
        value += (digit & 31) << shift;
        shift += 5;
        if digit & 32 == 0 {
            out.push(if value & 1 == 1 { -(value >> 1) } else { value >> 1 });
            (value, shift) = (0, 0);
        }
    }
    out
}

#[test]
fn the_map_sends_awaits_operands_and_names_home_in_utf16_columns() {
    let code = "const s = 'été 😀';\nexport async function f(s) { return await load(s); }\n";
    let Outcome::Rewritten { code: out, mappings: Some(mappings) } = rewrite(code, Lang::Js) else {
        panic!("not rewritten")
    };
    let line = out.lines().nth(1).unwrap_or_default();
    let col = |needle: &str| line.find(needle).map(|i| line[..i].encode_utf16().count() as i64).unwrap_or(-1);
    let input = code.lines().nth(1).unwrap_or_default();
    let at = |needle: &str| input.find(needle).map(|i| i as i64).unwrap_or(-1);
    assert_eq!(original(&mappings, 1, col("__als_resumed(")), Some((1, at("await"))));
    assert_eq!(original(&mappings, 1, col("await __als")), Some((1, at("await"))));
    assert_eq!(original(&mappings, 1, col("load(")), Some((1, at("load("))));
    assert_eq!(original(&mappings, 1, col("s)))")), Some((1, at("s); }"))));
    // Line 1: the non-ASCII string; `;` after it is at UTF-16 column 18.
    let first = out.lines().next().unwrap_or_default();
    let semicolon = first.rfind(';').map(|i| first[..i].encode_utf16().count() as i64).unwrap_or(-1);
    assert_eq!(original(&mappings, 0, semicolon), Some((0, 18)));
}

#[test]
fn without_a_map_the_code_is_the_same() {
    let code = "import x from 'x';\nexport const f = async () => await x;\n";
    let (Outcome::Rewritten { code: with, mappings: Some(_) }, Outcome::Rewritten { code: without, mappings: None }) =
        (rewrite_awaits(code, Lang::Js, RUNTIME, true, false), rewrite_awaits(code, Lang::Js, RUNTIME, false, false))
    else {
        panic!("not rewritten")
    };
    assert_eq!(with, without);
}

#[test]
fn global_reads_get_a_note_before_their_statement() {
    let note = "NOTE;";
    let mark = |code: &str| match mark_global_reads(code, Lang::Js, note, true) {
        Outcome::Rewritten { code, .. } => Some(code),
        _ => None,
    };
    assert_eq!(
        mark("import x from 'y';\nexport const A = globalThis.AsyncLocalStorage || x;\n").as_deref(),
        Some("import x from 'y';\nNOTE;export const A = globalThis.AsyncLocalStorage || x;\n")
    );
    for read in [
        "const a = globalThis?.AsyncLocalStorage;",
        "const a = self['AsyncLocalStorage'];",
        "const { AsyncLocalStorage } = window;",
        "(function (g) { exports.A = g.AsyncLocalStorage || global.AsyncLocalStorage; })(this);",
        "(() => { module.exports = self.AsyncLocalStorage; })();",
        "class C { static A = globalThis.AsyncLocalStorage; }",
    ] {
        assert!(mark(read).is_some(), "{read}");
    }
    for later in [
        "export function f() { return globalThis.AsyncLocalStorage; }",
        "const g = () => globalThis.AsyncLocalStorage;",
        "class C { a = globalThis.AsyncLocalStorage; m() { return globalThis.AsyncLocalStorage; } }",
        "const o = { get a() { return globalThis.AsyncLocalStorage; } };",
        "(function () { return () => globalThis.AsyncLocalStorage; })();",
        "const a = globalThis.AsyncLocalStorage; +=",
        "const AsyncLocalStorage = 1; globalThis.Other;",
    ] {
        assert_eq!(mark(later), None, "{later}");
    }
}

#[test]
fn nothing_panics_on_odd_input() {
    for code in ["", "await", "(", "`${await", "async function f() { await }", "\u{feff}await 1", "#!", "'use strict'"]
    {
        for lang in [Lang::Js, Lang::Ts, Lang::Tsx] {
            let _ = rewrite(code, lang);
            let _ = mark_global_reads(code, lang, "N;", true);
            let _ = rewrite_hook_off(code, lang);
        }
    }
}

#[test]
fn an_async_function_brackets_its_awaits_in_place() {
    // Block body, catch and finally, and a nested function with its own record.
    let out =
        js("async function f() { try { await a; } catch (e) { await b; } finally { g(async () => { await c; }); } }");
    assert!(out.starts_with("import { begin as __als_begin, suspend as __als_suspend, resumed as __als_resumed, done as __als_done, caught as __als_caught } from"), "{out}");
    assert!(
        out.ends_with(&format!(
            "async function f() {{{OPEN} try {{ __als_resumed(__als_t, await __als_suspend(__als_t, a)); }} catch (e) {{__als_caught(__als_t); __als_resumed(__als_t, await __als_suspend(__als_t, b)); }} finally {{__als_caught(__als_t); g(async () => {{{OPEN} __als_resumed(__als_t, await __als_suspend(__als_t, c)); {CLOSE}}}); }} {CLOSE}}}"
        )),
        "{out}"
    );
}

#[test]
fn an_arrow_expression_body_gets_a_block_before_its_parentheses() {
    for (code, body) in [
        ("const f = async () => ({ a: await x });", "({ a: __als_resumed(__als_t, await __als_suspend(__als_t, x)) })"),
        (
            "const f = async (v) =>\n  /* => */ (await v) * 2;",
            "(__als_resumed(__als_t, await __als_suspend(__als_t, v))) * 2",
        ),
        ("const f = async v => // note\n await v;", "__als_resumed(__als_t, await __als_suspend(__als_t, v))"),
    ] {
        let out = js(code);
        assert!(out.contains(&format!("{{ {OPEN} return {body} {CLOSE} }}")), "{out}");
    }
}

#[test]
fn generators_top_level_and_implicit_awaits_keep_the_job_form() {
    for code in [
        "async function* g() { await a; }",
        "await a;",
        "async function f(s) { for await (const x of s) await x; }",
        "async function f() { await using r = o; await a; }",
    ] {
        let out = js(code);
        assert!(out.contains("__als_resume(await __als_awaited( "), "{out}");
        assert!(!out.contains("__als_t"), "{out}");
    }
}

#[test]
fn a_directive_of_a_function_body_stays_first() {
    let out = js("async function f() { 'use strict'\n return await a; }");
    assert!(out.contains(&format!("async function f() {{ 'use strict';{OPEN}\n return")), "{out}");
    let out = js("async function f() { \"use strict\"; await a; }");
    assert!(out.contains(&format!("{{ \"use strict\";{OPEN} __als_resumed")), "{out}");
}

fn with_reactions(code: &str) -> String {
    code_in(rewrite_hook_off(code, Lang::Ts))
}

#[test]
fn with_the_hook_off_then_catch_and_finally_receivers_are_wrapped() {
    let out = with_reactions("p.then(f).catch(g)\n.finally(h); q?.then(f); r['then'](f); s.then?.(f);");
    assert_eq!(
        out,
        "import { thenOf as __als_then, catchOf as __als_catch, finallyOf as __als_finally } from \"als-wasm/plugin/runtime\";\
         __als_finally((__als_catch((__als_then((p)).then(f))).catch(g)))\n.finally(h); __als_then((q))?.then(f); __als_then((r))['then'](f); __als_then((s)).then?.(f);"
    );
    // Only with the hook off; and never a property read or a method of another name.
    assert_eq!(rewrite("p.then(f)", Lang::Js), Outcome::Unchanged);
    assert_eq!(rewrite_hook_off("p.then; p.thenable(f); new p.then(f); p.then`x`", Lang::Js), Outcome::Unchanged);
}

#[test]
fn a_receiver_that_continues_an_optional_chain_is_left_alone_and_the_arguments_wrapped() {
    // Wrapped, `a?.b` would end the chain: a nullish `a` would then throw.
    // Its arguments are wrapped instead; with a spread among them, nothing.
    let out = with_reactions("a?.b.then(f, g); a?.b!.catch(f); a?.().finally(() => 1);");
    assert!(
        out.ends_with("a?.b.then(__als_callback((f)), __als_callback((g))); a?.b!.catch(__als_callback((f))); a?.().finally(__als_callback((() => 1)));"),
        "{out}"
    );
    assert!(out.starts_with("import { callback as __als_callback }"), "{out}");
    assert_eq!(rewrite_hook_off("a?.b.then(...fs); a?.b.then()", Lang::Js), Outcome::Unchanged);
    // A decorator's expression must stay a member chain.
    assert_eq!(rewrite_hook_off("@x.then(f) class A {}", Lang::Ts), Outcome::Unchanged);
    // A parenthesized chain ends where its parentheses do.
    assert!(with_reactions("(a?.b).then(f)").ends_with("(__als_then((a?.b))).then(f)"));
    // A chain that starts at the call: the receiver itself may be wrapped.
    // The chain's later calls continue it: their arguments are wrapped.
    assert!(with_reactions("a?.then(f).then(g)").ends_with("__als_then((a))?.then(f).then(__als_callback((g)))"));
}

#[test]
fn receivers_keep_their_own_text_and_nest_with_awaits() {
    assert!(with_reactions("void[p].then(f); (a, b).then(f)")
        .ends_with("void __als_then(([p])).then(f); (__als_then((a, b))).then(f)"));
    let out = with_reactions("async function f() { return (await p).then(g) }");
    assert!(
        out.contains("return (__als_then((__als_resumed(__als_t, await __als_suspend(__als_t, p))))).then(g)"),
        "{out}"
    );
    // The module's own `__als_` names move the helpers aside, as for awaits.
    assert!(
        with_reactions("const __als_then = 1; p.then(f)").ends_with("const __als_then = 1; __als1_then((p)).then(f)")
    );
}

#[test]
fn a_method_read_from_super_is_passed_with_this() {
    let out = with_reactions(
        "class P extends Promise { then(f, r) { return super.then(f, r) } catch(r) { return super['catch']?.(r) } }",
    );
    assert!(
        out.ends_with("class P extends Promise { then(f, r) { return __als_then((this), super.then).then(f, r) } catch(r) { return __als_catch((this), super['catch']).catch?.(r) } }"),
        "{out}"
    );
}
