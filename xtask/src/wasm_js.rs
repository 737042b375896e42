//! The package's wasm in the one form that also compiles to JavaScript, and
//! that JavaScript: the same Rust for pages whose Content-Security-Policy
//! forbids compiling WebAssembly (`als-wasm/csp`, see docs/csp.md).
//!
//! binaryen's wasm2js converts neither reference types nor multi-value
//! returns, which wasm-bindgen uses when the wasm says it has them (an
//! externref table, `[ptr, err, is_err]` returns). So the package's wasm is
//! built without those two, and wasm-bindgen writes its heap-slab glue: one
//! glue serves both engines.

use std::path::Path;
use std::process::Command;

use crate::run::{status, Result};
use crate::tools;

/// The wasm features the package's wasm uses, as rustc target features.
/// Each host that runs the package has them all (Safari 15, Chrome 75,
/// Firefox 79), and wasm2js converts them all.
pub const RUSTC_FEATURES: &str = "+bulk-memory,+mutable-globals,+nontrapping-fptoint,+sign-ext";

/// The same features for binaryen (wasm-opt, wasm2js), which cannot read
/// them from the file once `target_features` is gone.
pub const BINARYEN_FEATURES: [&str; 6] = [
    "--mvp-features",
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
];

/// rustc's flags for the package's wasm: only RUSTC_FEATURES.
pub fn rustflags() -> String {
    format!("-Ctarget-cpu=mvp\x1f-Ctarget-feature={RUSTC_FEATURES}")
}

/// `wasm` without its `target_features` custom section. The standard
/// library is prebuilt with reference types, so the linked file claims them
/// although no code of ours uses them; wasm-bindgen believes the section.
pub fn without_target_features(wasm: &[u8]) -> Result<Vec<u8>> {
    const HEADER: usize = 8;
    if wasm.len() < HEADER || &wasm[..4] != b"\0asm" {
        return Err("not a wasm module".into());
    }
    let mut out = wasm[..HEADER].to_vec();
    let mut at = HEADER;
    while at < wasm.len() {
        let start = at;
        let id = wasm[at];
        at += 1;
        let (len, body) = leb128(wasm, at)?;
        let end = body.checked_add(len).filter(|&e| e <= wasm.len()).ok_or("a wasm section runs past the end")?;
        let is_target_features = id == 0 && {
            let (name_len, name) = leb128(wasm, body)?;
            wasm.get(name..name + name_len) == Some(b"target_features".as_slice())
        };
        if !is_target_features {
            out.extend_from_slice(&wasm[start..end]);
        }
        at = end;
    }
    Ok(out)
}

/// An unsigned LEB128 at `at`: (value, offset after it).
fn leb128(bytes: &[u8], mut at: usize) -> Result<(usize, usize)> {
    let mut value = 0usize;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(at).ok_or("a LEB128 runs past the end")?;
        at += 1;
        value |= usize::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    Err("a LEB128 longer than 5 bytes".into())
}

/// wasm2js's module for `wasm` (after its size passes), as a module whose one
/// export, `instantiate(imports)`, answers what a WebAssembly instance's
/// `exports` would be. wasm2js writes an ES module that imports the wasm's
/// imports as modules and exports each export; the glue instead hands over
/// its import object (glue::with_js_engine).
pub fn module(wasm: &Path) -> Result<String> {
    let wasm2js = tools::npm_tools()?.get("wasm2js");
    let out = wasm.with_extension("wasm2js.mjs");
    status(Command::new(wasm2js).arg(wasm).args(BINARYEN_FEATURES).args(["-Oz", "-o"]).arg(&out))?;
    let js = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    as_instantiate(&js)
}

/// wasm2js's ES module → `export function instantiate(imports)`.
fn as_instantiate(js: &str) -> Result<String> {
    let check = "check xtask/src/wasm_js.rs";
    let tail =
        js.find("\nvar retasmFunc = asmFunc(").ok_or(format!("wasm2js wrote no `retasmFunc = asmFunc(`: {check}"))?;
    if !js.contains("function asmFunc(imports) {") {
        return Err(format!("wasm2js's asmFunc takes no `imports`: {check}"));
    }
    let body: String =
        js[..tail].lines().filter(|l| !l.starts_with("import * as ")).map(|l| format!("{l}\n")).collect();
    if body.contains("import ") && body.lines().any(|l| l.trim_start().starts_with("import ")) {
        return Err(format!("wasm2js's module imports something else: {check}"));
    }
    Ok(format!(
        "// The package's wasm compiled to JavaScript by binaryen's wasm2js, for\n\
         // realms that refuse to compile WebAssembly (init-js.js). Generated.\n{body}\n\
         export function instantiate(imports) {{\n  return asmFunc(imports);\n}}\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_target_features_section_goes() {
        let custom = |name: &str, data: &[u8]| {
            let mut s = vec![0, (1 + name.len() + data.len()) as u8, name.len() as u8];
            s.extend_from_slice(name.as_bytes());
            s.extend_from_slice(data);
            s
        };
        let header = b"\0asm\x01\0\0\0".to_vec();
        let types = vec![1, 1, 0];
        let wasm = [
            header.clone(),
            types.clone(),
            custom("target_features", b"\x01+\x0freference-types"),
            custom("x", b"kept"),
        ]
        .concat();
        assert_eq!(without_target_features(&wasm).unwrap(), [header, types, custom("x", b"kept")].concat());
        assert!(without_target_features(b"\0asm\x01\0\0\0\0\x09").is_err(), "a section past the end");
        assert!(without_target_features(b"nope").is_err());
    }

    #[test]
    fn wasm2js_module_becomes_instantiate() {
        let js = "import * as a from 'a';\nvar x = 1;\nfunction asmFunc(imports) {\n return { f: a };\n}\n\
                  var retasmFunc = asmFunc({\n  \"a\": a,\n});\nexport var f = retasmFunc.f;\n";
        let out = as_instantiate(js).unwrap();
        assert!(out.contains("var x = 1;\nfunction asmFunc(imports) {"));
        assert!(out.ends_with("export function instantiate(imports) {\n  return asmFunc(imports);\n}\n"));
        assert!(!out.contains("import * as") && !out.contains("retasmFunc"));
        assert!(as_instantiate("export var f = 1;").is_err());
    }
}
