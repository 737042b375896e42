//! Short import and export names for the package's wasm. wasm-bindgen names
//! each import `__wbg_<name>_<16 hex digits>`, the snippet modules by a hashed
//! path, and each export `<class>_<method>`: about 1.5 KB of names that no
//! compressor shrinks, written twice (in the wasm and in the glue). binaryen's
//! `--minify-imports-and-exports-and-modules` renames them all (`a`, `b`, …,
//! every module `a`) and prints the old → new mapping, which the glue then
//! follows. Each edit fails loudly when the glue no longer has what it edits.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use crate::run::Result;
use crate::tools;

/// wasm-bindgen's own module: the import object it builds in the glue.
const BINDGEN_MODULE: &str = "./als_wasm_bg.js";

/// The one module every import comes from after renaming.
const MODULE: &str = "a";

/// What binaryen renamed.
#[derive(Debug, Default, PartialEq)]
pub struct ShortNames {
    /// (module, old name, new name)
    imports: Vec<(String, String, String)>,
    /// (old name, new name)
    exports: Vec<(String, String)>,
}

/// Renames the imports and exports of `wasm` (which uses `features`) in
/// place, before wasm-opt's size passes, and answers the mapping.
pub fn minify(wasm: &Path, features: &[&str]) -> Result<ShortNames> {
    let wasm_opt = tools::npm_tools()?.get("wasm-opt");
    let mut cmd = Command::new(wasm_opt);
    cmd.args(features).arg("--minify-imports-and-exports-and-modules").arg(wasm).arg("-o").arg(wasm);
    let out = cmd.output().map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd:?} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr)));
    }
    let names = parse(&String::from_utf8_lossy(&out.stdout))?;
    // Every module is renamed to MODULE: none of the old module names is left.
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    for (module, _, _) in &names.imports {
        if bytes.windows(module.len()).any(|w| w == module.as_bytes()) {
            return Err(format!(
                "wasm-opt left the import module {module} in the wasm: check xtask/src/short_names.rs"
            ));
        }
    }
    Ok(names)
}

/// Reads binaryen's mapping: `"imports": [["module", "old", "new"], …]` and
/// `"exports": [["old", "new"], …]`, one entry per line.
fn parse(mapping: &str) -> Result<ShortNames> {
    let mut names = ShortNames::default();
    let mut section = "";
    for line in mapping.lines().map(str::trim) {
        if line.starts_with("\"imports\"") || line.starts_with("\"exports\"") {
            section = if line.starts_with("\"imports\"") { "imports" } else { "exports" };
            continue;
        }
        if !line.starts_with('[') {
            continue;
        }
        let strings: Vec<String> = line.split('"').skip(1).step_by(2).map(str::to_owned).collect();
        if line.contains('\\') {
            return Err(format!("wasm-opt's mapping has an escaped name: {line}"));
        }
        match (section, strings.as_slice()) {
            ("imports", [module, old, new]) => names.imports.push((module.clone(), old.clone(), new.clone())),
            ("exports", [old, new]) => names.exports.push((old.clone(), new.clone())),
            _ => return Err(format!("unexpected line in wasm-opt's name mapping: {line}")),
        }
    }
    if names.imports.is_empty() || names.exports.is_empty() {
        return Err(format!("wasm-opt printed no name mapping: {mapping}"));
    }
    Ok(names)
}

/// The glue with the wasm's new names: `wasm.<export>` reads, the keys of
/// wasm-bindgen's import object, and the snippet modules' functions moved
/// into that one object, which the wasm now imports as module `a`.
pub fn apply(glue: &str, names: &ShortNames) -> Result<String> {
    let glue = rename_exports(glue, names)?;
    rename_imports(&glue, names)
}

/// Every `wasm.<name>` becomes `wasm.<new name>`; a name the mapping lacks fails.
fn rename_exports(glue: &str, names: &ShortNames) -> Result<String> {
    let map: HashMap<&str, &str> = names.exports.iter().map(|(old, new)| (old.as_str(), new.as_str())).collect();
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    while let Some(at) = rest.find("wasm.") {
        // `wasm.` as a whole word (not `fooWasm.`).
        let word_start = !rest[..at].ends_with(is_ident);
        out.push_str(&rest[..at + 5]);
        rest = &rest[at + 5..];
        if !word_start {
            continue;
        }
        let len = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
        let name = &rest[..len];
        let new = map.get(name).ok_or_else(|| format!("the glue reads wasm.{name}, which the wasm does not export"))?;
        out.push_str(new);
        rest = &rest[len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// wasm-bindgen's import object (`const import0 = { … }`) gets the new keys
/// and one entry per snippet function (`d: import1.nextKey`); the object
/// `__wbg_get_imports` answers keeps only it, as module `a`.
fn rename_imports(glue: &str, names: &ShortNames) -> Result<String> {
    let missing = |what: &str| format!("wasm-bindgen's glue has no {what}: check xtask/src/short_names.rs");
    let start = glue.find("function __wbg_get_imports() {").ok_or_else(|| missing("__wbg_get_imports"))?;
    let end = start + glue[start..].find("\n}\n").ok_or_else(|| missing("end of __wbg_get_imports"))?;
    let body = &glue[start..end];

    // The import object's variable per module name, from the returned object.
    let ret = body.find("    return {").ok_or_else(|| missing("import object"))?;
    let mut module_vars = HashMap::new();
    for line in body[ret..].lines().map(str::trim) {
        if let Some((module, var)) = line.strip_prefix('"').and_then(|l| l.trim_end_matches(',').split_once("\": ")) {
            module_vars.insert(module.to_owned(), var.to_owned());
        }
    }
    if module_vars.get(BINDGEN_MODULE).map(String::as_str) != Some("import0") {
        return Err(missing(&format!("\"{BINDGEN_MODULE}\": import0")));
    }

    let mut objects = body[..ret].to_owned();
    let mut moved = String::new();
    for (module, old, new) in &names.imports {
        if module == BINDGEN_MODULE {
            let key = format!("\n        {old}: ");
            if objects.matches(&key).count() != 1 {
                return Err(missing(&format!("single import object key {old}")));
            }
            objects = objects.replace(&key, &format!("\n        {new}: "));
        } else {
            let var = module_vars.get(module).ok_or_else(|| missing(&format!("import of module {module}")))?;
            moved.push_str(&format!("        {new}: {var}.{old},\n"));
        }
    }
    let close = objects.rfind("\n    };").ok_or_else(|| missing("end of the import object"))?;
    objects.insert_str(close + 1, &moved);
    let body = format!("{objects}    return {{ {MODULE}: import0 }};");
    Ok(format!("{}{body}{}", &glue[..start], &glue[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAPPING: &str = "{\n \"imports\": [\n  [\"./als_wasm_bg.js\", \"__wbg_lookup_53295e3d3d9a843a\", \"a\"],\n  \
        [\"./snippets/x-0123/src/js/context.js\", \"nextKey\", \"b\"]\n ],\n\"exports\": [\n  \
        [\"asynclocalstorage_new\", \"A\"],\n  [\"memory\", \"t\"]\n ]\n}\n";

    #[test]
    fn parses_binaryens_mapping() {
        let names = parse(MAPPING).unwrap();
        assert_eq!(names.imports[1], ("./snippets/x-0123/src/js/context.js".into(), "nextKey".into(), "b".into()));
        assert_eq!(names.exports, vec![("asynclocalstorage_new".into(), "A".into()), ("memory".into(), "t".into())]);
        assert!(parse("").is_err());
    }

    #[test]
    fn the_glue_follows_the_new_names() {
        let glue = "const x = wasm.asynclocalstorage_new(1);\nfunction __wbg_get_imports() {\n    const import0 = {\n        \
            __proto__: null,\n        __wbg_lookup_53295e3d3d9a843a: function(arg0) {\n            return arg0;\n        },\n    \
            };\n    return {\n        __proto__: null,\n        \"./als_wasm_bg.js\": import0,\n        \
            \"./snippets/x-0123/src/js/context.js\": import1,\n    };\n}\nnew Uint8Array(wasm.memory.buffer);\n";
        assert_eq!(
            apply(glue, &parse(MAPPING).unwrap()).unwrap(),
            "const x = wasm.A(1);\nfunction __wbg_get_imports() {\n    const import0 = {\n        __proto__: null,\n        \
            a: function(arg0) {\n            return arg0;\n        },\n        b: import1.nextKey,\n    };\n    \
            return { a: import0 };\n}\nnew Uint8Array(wasm.t.buffer);\n"
        );
        assert!(apply("wasm.unknown_export();", &parse(MAPPING).unwrap()).is_err());
    }
}
