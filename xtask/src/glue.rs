//! What the package changes in wasm-bindgen's glue (`als_wasm.js`), which it
//! ships as is otherwise. Each edit fails loudly when the glue no longer has
//! what it edits (wasm-bindgen is pinned; a new version must be checked).

use crate::run::Result;

/// Only `initSync` stays: the package instantiates its wasm synchronously
/// (init.js from bytes, init-workerd.js from a module). The async `init()`
/// was a third of the glue, and its default `new URL('als_wasm_bg.wasm',
/// import.meta.url)` made bundlers fetch the file: webpack failed without it
/// and Vite copied it into every build.
pub fn only_sync_init(glue: &str) -> Result<String> {
    let glue = cut(glue, "async function __wbg_load(", "function initSync(")?;
    let glue = cut(&glue, "let __wbg_init_promise;", "export { initSync, __wbg_init as default };")?;
    let glue = glue.replace("export { initSync, __wbg_init as default };", "export { initSync };");
    if glue.contains("__wbg_init(") || glue.contains("__wbg_load(") || glue.contains("import.meta.url") {
        return Err("wasm-bindgen's glue still refers to its async init: check glue::only_sync_init".into());
    }
    Ok(glue)
}

/// `initSync({ module })` is the one call the package makes (init.js,
/// init-workerd.js): the branch for wasm-bindgen's older signature, with its
/// deprecation warning, and the module and instance it keeps for nobody go.
pub fn only_init_sync_with_an_object(glue: &str) -> Result<String> {
    let glue = replace_once(
        glue,
        "    if (module !== undefined) {\n        if (Object.getPrototypeOf(module) === Object.prototype) {\n            \
         ({module} = module)\n        } else {\n            console.warn('using deprecated parameters for `initSync()`; \
         pass a single object instead')\n        }\n    }\n",
        "    ({ module } = module);\n",
    )?;
    let glue = replace_once(&glue, "let wasmModule, wasmInstance, wasm;", "let wasm;")?;
    let glue = replace_once(&glue, "    wasmInstance = instance;\n", "")?;
    replace_once(&glue, "    wasmModule = module;\n", "")
}

/// The glue's views of the wasm memory are made again when the memory's
/// buffer is another object. wasm-bindgen checks for a detached buffer
/// instead, which a grown wasm2js memory never has: it swaps in a bigger
/// ArrayBuffer and leaves the old one whole, so a stale view would read
/// and write memory that the module no longer uses.
pub fn memory_views_follow_the_buffer(glue: &str) -> Result<String> {
    let glue = replace_once(
        glue,
        "cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && \
         cachedDataViewMemory0.buffer !== wasm.memory.buffer)",
        "cachedDataViewMemory0.buffer !== wasm.memory.buffer",
    )?;
    replace_once(
        &glue,
        "cachedUint8ArrayMemory0.byteLength === 0",
        "cachedUint8ArrayMemory0.buffer !== wasm.memory.buffer",
    )
}

/// `initSyncJs(instantiate)` beside `initSync`: the same glue over the wasm
/// compiled to JS (wasm_js.rs), whose `instantiate(imports)` answers what
/// an instance's `exports` would be (init-js.js).
pub fn with_js_engine(glue: &str) -> Result<String> {
    let init_js = "function initSyncJs(instantiate) {\n    if (wasm !== undefined) return wasm;\n    \
                   return __wbg_finalize_init({ exports: instantiate(__wbg_get_imports()) }, undefined);\n}\n\n";
    let glue = replace_once(glue, "export { initSync };", &format!("{init_js}export {{ initSync, initSyncJs }};"))?;
    if !glue.contains("function __wbg_finalize_init(instance, module) {") {
        return Err(
            "wasm-bindgen's glue has no __wbg_finalize_init(instance, module): check glue::with_js_engine".into()
        );
    }
    Ok(glue)
}

/// The classes' `free()` (and the `__destroy_into_raw()` it calls) go, and
/// with them `[Symbol.dispose]`, its alias: Node's classes have neither, nor
/// does index.d.ts; a freed object would throw on its next call into the
/// wasm. The GC frees each object's Rust half (FinalizationRegistry), and
/// api.js makes withScope()'s scope disposable.
pub fn without_free(glue: &str) -> Result<String> {
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    let mut classes = 0;
    while let Some(start) = rest.find("    __destroy_into_raw() {\n") {
        // `__destroy_into_raw() { … }` then `free() { … }`, each closed by `\n    }\n`.
        let free = start
            + rest[start..]
                .find("\n    free() {\n")
                .ok_or("wasm-bindgen's glue has no free() after __destroy_into_raw(): check glue::without_free")?;
        let end = free
            + rest[free + 1..].find("\n    }\n").ok_or("free() has no end: check glue::without_free")?
            + 1
            + "\n    }\n".len();
        out.push_str(&rest[..start]);
        rest = &rest[end..];
        classes += 1;
    }
    out.push_str(rest);
    let aliases =
        out.lines().filter(|l| l.starts_with("if (Symbol.dispose) ") && l.ends_with(".prototype.free;")).count();
    if classes == 0 || aliases != classes {
        return Err(format!(
            "wasm-bindgen's glue has {classes} free() and {aliases} Symbol.dispose aliases: check glue::without_free"
        ));
    }
    let out: String = out
        .lines()
        .filter(|l| !(l.starts_with("if (Symbol.dispose) ") && l.ends_with(".prototype.free;")))
        .map(|l| format!("{l}\n"))
        .collect();
    if out.contains("free()") || out.contains("__destroy_into_raw") || out.contains(".unregister(") {
        return Err("wasm-bindgen's glue still calls free(): check glue::without_free".into());
    }
    // Nothing unregisters now: no unregister token, no stub of unregister
    // where the host has no FinalizationRegistry.
    let out = replace_every(&out, "{ register: () => {}, unregister: () => {} }", "{ register: () => {} }")?;
    let out = replace_every(
        &out,
        "Finalization.register(this, this.__wbg_ptr, this);",
        "Finalization.register(this, this.__wbg_ptr);",
    )?;
    // A class that Rust also returns (`__wrap`) registers there too.
    Ok(out.replace("Finalization.register(obj, obj.__wbg_ptr, obj);", "Finalization.register(obj, obj.__wbg_ptr);"))
}

/// wasm-bindgen copies the Rust doc comments of exported items into the glue
/// as JSDoc: a sixth of its gzipped size, for readers of an internal module
/// (index.d.ts documents the API).
pub fn without_doc_comments(glue: &str) -> String {
    let mut out = String::with_capacity(glue.len());
    let mut in_comment = false;
    for line in glue.lines() {
        let text = line.trim();
        if in_comment || text.starts_with("/**") {
            in_comment = !text.ends_with("*/");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `dropInstance()`, for the plugin's transform: after a throw out of its
/// wasm (the host's stack ran out in a deeply nested module), the instance's
/// stack pointer stays where the throw left it, so transform.js has the next
/// `initSync` make a new instance.
pub fn with_drop_instance(glue: &str) -> Result<String> {
    if !glue.contains("let wasmModule, wasmInstance, wasm;") {
        return Err("wasm-bindgen's glue keeps its instance elsewhere: check glue::with_drop_instance".into());
    }
    replace_once(
        glue,
        "export { initSync };",
        "function dropInstance() {\n    wasm = undefined;\n}\n\nexport { initSync, dropInstance };",
    )
}

/// Fails if the glue's import object names a module twice: esbuild (and so
/// Vite) warns about the duplicate key in every build that bundles it.
pub fn imports_each_module_once(glue: &str) -> Result {
    let mut seen = Vec::new();
    for line in glue.lines().filter(|l| l.trim_start().starts_with("import * as ")) {
        let module = line.rsplit(" from ").next().unwrap_or_default();
        if seen.contains(&module) {
            return Err(format!("wasm-bindgen's glue imports {module} twice: see src/exports/errors.rs"));
        }
        seen.push(module);
    }
    Ok(())
}

/// `text` with its one `from` replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    if text.matches(from).count() != 1 {
        return Err(format!("wasm-bindgen's glue has no single `{from}`: check xtask/src/glue.rs"));
    }
    Ok(text.replacen(from, to, 1))
}

/// `text` with every `from` replaced by `to`; there must be one at least.
fn replace_every(text: &str, from: &str, to: &str) -> Result<String> {
    if !text.contains(from) {
        return Err(format!("wasm-bindgen's glue has no `{from}`: check xtask/src/glue.rs"));
    }
    Ok(text.replace(from, to))
}

/// `text` without the part from `from` up to (not including) the next `to`.
fn cut(text: &str, from: &str, to: &str) -> Result<String> {
    let missing = || format!("wasm-bindgen's glue has no `{from}` followed by `{to}`: check xtask/src/glue.rs");
    let start = text.find(from).ok_or_else(missing)?;
    let end = start + text[start..].find(to).ok_or_else(missing)?;
    Ok(format!("{}{}", &text[..start], &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sync_init_keeps_init_sync_and_what_it_uses() {
        let glue = "function __wbg_finalize_init() {}\nasync function __wbg_load(m) {}\n\
                    function initSync(m) { __wbg_finalize_init(); }\nlet __wbg_init_promise;\n\
                    async function __wbg_init(p) { new URL('x_bg.wasm', import.meta.url); }\n\
                    export { initSync, __wbg_init as default };";
        assert_eq!(
            only_sync_init(glue).unwrap(),
            "function __wbg_finalize_init() {}\nfunction initSync(m) { __wbg_finalize_init(); }\nexport { initSync };"
        );
        assert!(only_sync_init("function initSync() {}").is_err());
    }

    #[test]
    fn a_module_imported_twice_fails_the_build() {
        let once = "import * as import1 from \"./errors.js\"\nimport * as import2 from \"./context.js\"";
        assert!(imports_each_module_once(once).is_ok());
        assert!(imports_each_module_once(&format!("{once}\nimport * as import3 from \"./errors.js\"")).is_err());
    }

    #[test]
    fn doc_comments_go_and_code_stays() {
        let glue = "/* @ts-self-types=\"./x.d.ts\" */\nexport class A {\n    /**\n     * Docs.\n     * @returns {number}\n     */\n    \
                    get x() { return 1; }\n    /** One line. */\n    y() {}\n}\n";
        assert_eq!(
            without_doc_comments(glue),
            "/* @ts-self-types=\"./x.d.ts\" */\nexport class A {\n    get x() { return 1; }\n    y() {}\n}\n"
        );
    }

    #[test]
    fn free_and_its_dispose_alias_go() {
        let class = "export class A {\n    static __wrap(ptr) {\n        const obj = Object.create(A.prototype);\n        obj.__wbg_ptr = ptr;\n        \
                     AFinalization.register(obj, obj.__wbg_ptr, obj);\n        return obj;\n    }\n    \
                     __destroy_into_raw() {\n        const ptr = this.__wbg_ptr;\n        return ptr;\n    }\n    \
                     free() {\n        const ptr = this.__destroy_into_raw();\n        wasm.u(ptr, 0);\n    }\n    \
                     constructor() {\n        AFinalization.register(this, this.__wbg_ptr, this);\n    }\n}\n\
                     if (Symbol.dispose) A.prototype[Symbol.dispose] = A.prototype.free;\n";
        let registry = "const AFinalization = (typeof FinalizationRegistry === 'undefined')\n    ? { register: () => {}, unregister: () => {} }\n";
        assert_eq!(
            without_free(&format!("{registry}{class}")).unwrap(),
            "const AFinalization = (typeof FinalizationRegistry === 'undefined')\n    ? { register: () => {} }\n\
             export class A {\n    static __wrap(ptr) {\n        const obj = Object.create(A.prototype);\n        obj.__wbg_ptr = ptr;\n        \
             AFinalization.register(obj, obj.__wbg_ptr);\n        return obj;\n    }\n    \
             constructor() {\n        AFinalization.register(this, this.__wbg_ptr);\n    }\n}\n"
        );
        assert!(without_free(class).is_err(), "the registry's unregister stub went missing");
        assert!(without_free("export class B {}\n").is_err());
    }
}
