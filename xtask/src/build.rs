//! `cargo xtask build`: the wasm, wasm-bindgen's glue and `pkg-template/`
//! become the npm package in `pkg/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run::{root, status, Result};
use crate::{glue, short_names, tools, wasm_js};

const CRATE: &str = "als_wasm";
/// The plugin's transform (pkg-template/plugin/transform/), beside plugin/transform.js.
const TRANSFORM: &str = "als_wasm_transform";

/// Builds `pkg/` and answers its path.
pub fn package() -> Result<PathBuf> {
    tools::wasm_toolchain()?;
    let root = root();
    let bindgen_out = root.join("target/wasm-bindgen");
    let _ = fs::remove_dir_all(&bindgen_out);
    // pkg-template/wasm/: als-wasm's JS API with a small allocator, named as
    // the glue expects, with only the features that wasm2js converts.
    let built = cargo_build("als-wasm-package", Some(&wasm_js::rustflags()), "release")?;
    let plain = bindgen_out.join("input.wasm");
    let bytes = fs::read(&built).map_err(|e| format!("{}: {e}", built.display()))?;
    fs::create_dir_all(&bindgen_out).map_err(|e| e.to_string())?;
    fs::write(&plain, wasm_js::without_target_features(&bytes)?).map_err(|e| e.to_string())?;
    bindgen(&plain, CRATE, &bindgen_out)?;
    let wasm = bindgen_out.join(format!("{CRATE}_bg.wasm"));
    let names = short_names::minify(&wasm, &wasm_js::BINARYEN_FEATURES)?;
    shrink(&wasm, &wasm_js::BINARYEN_FEATURES, &["-Oz", "--converge"])?;

    let pkg = root.join("pkg");
    let _ = fs::remove_dir_all(&pkg);
    // Everything but the crates that make the wasm (pkg-template/wasm/, pkg-template/plugin/transform/).
    let crates = [root.join("pkg-template/wasm"), root.join("pkg-template/plugin/transform")];
    copy_dir(&root.join("pkg-template"), &pkg, &crates)?;
    let transform = plugin_transform(&pkg.join("plugin"))?;
    for license in ["LICENSE-MIT", "LICENSE-APACHE"] {
        fs::copy(root.join(license), pkg.join(license)).map_err(|e| format!("{license}: {e}"))?;
    }
    let glue = read(&bindgen_out.join(format!("{CRATE}.js")))?;
    let glue = glue::only_sync_init(&glue::without_doc_comments(&flatten_snippets(&glue, &bindgen_out, &pkg)?))?;
    let glue = glue::without_free(&glue::only_init_sync_with_an_object(&glue)?)?;
    let glue = glue::with_js_engine(&glue::memory_views_follow_the_buffer(&glue)?)?;
    let glue = short_names::apply(&glue, &names)?;
    glue::imports_each_module_once(&glue)?;
    write(&pkg.join(format!("{CRATE}.js")), &glue)?;
    let bytes = fs::read(&wasm).map_err(|e| e.to_string())?;
    write(&pkg.join("wasm-bytes.js"), &bytes_module(&bytes, xor_key(&wasm)?))?;
    // The same wasm as JS, for realms that refuse to compile it (init-js.js).
    write(&pkg.join("wasm-js.js"), &wasm_js::module(&wasm)?)?;
    // workerd imports the wasm as a module (init-workerd.js).
    fs::write(pkg.join(format!("{CRATE}_bg.wasm")), &bytes).map_err(|e| e.to_string())?;
    node_cjs(&pkg)?;
    cjs_types(&pkg)?;
    println!("built {} ({} bytes of wasm; {transform} of the plugin's transform)", pkg.display(), bytes.len());
    Ok(pkg)
}

/// The plugin's transform as wasm with its glue, into `plugin/`: only
/// `initSync` (transform.js reads the wasm from its file, synchronously, on
/// the first module it rewrites), and `dropInstance`. Optimized for speed, not size (the
/// `wasm-transform` profile, wasm-opt -O3): it runs at build time only, and
/// opt-level "z" made it 1.5× as slow. Answers the wasm's size.
fn plugin_transform(plugin: &Path) -> Result<u64> {
    let out = root().join("target/wasm-bindgen-transform");
    let _ = fs::remove_dir_all(&out);
    bindgen(&cargo_build("als-wasm-transform", None, "wasm-transform")?, TRANSFORM, &out)?;
    let wasm = out.join(format!("{TRANSFORM}_bg.wasm"));
    // No --converge: a second round of -O3 saved 0.06% of the size and took 12 s.
    shrink(&wasm, &[], &["-O3"])?;
    let glue = glue::only_sync_init(&glue::without_doc_comments(&read(&out.join(format!("{TRANSFORM}.js")))?))?;
    let glue = glue::with_drop_instance(&glue)?;
    write(&plugin.join(format!("{TRANSFORM}.js")), &glue)?;
    fs::copy(&wasm, plugin.join(format!("{TRANSFORM}_bg.wasm"))).map_err(|e| format!("{}: {e}", wasm.display()))
}

/// Builds the cdylib of workspace package `name` for wasm32 (release) and
/// writes it with wasm-bindgen's glue for the web target into `out`, as
/// `{out_name}.js` and `{out_name}_bg.wasm`.
pub fn wasm_with_glue(name: &str, out_name: &str, out: &Path) -> Result {
    bindgen(&cargo_build(name, None, "release")?, out_name, out)?;
    shrink(&out.join(format!("{out_name}_bg.wasm")), &[], &["-Oz", "--converge"])
}

/// Builds the cdylib of workspace package `name` for wasm32 with cargo's
/// `profile` and answers its path. With `rustflags` (encoded as
/// CARGO_ENCODED_RUSTFLAGS), in a target folder of its own, so that other
/// wasm builds keep their cache.
fn cargo_build(name: &str, rustflags: Option<&str>, profile: &str) -> Result<PathBuf> {
    let root = root();
    let target = root.join(if rustflags.is_some() { "target/package-wasm" } else { "target" });
    let mut cmd = Command::new("cargo");
    cmd.current_dir(&root)
        .args(["build", "--quiet", "--profile", profile, "--lib", "--target", "wasm32-unknown-unknown", "-p", name])
        .env("CARGO_TARGET_DIR", &target);
    if let Some(flags) = rustflags {
        cmd.env("CARGO_ENCODED_RUSTFLAGS", flags).env_remove("RUSTFLAGS");
    }
    status(&mut cmd)?;
    Ok(target.join(format!("wasm32-unknown-unknown/{profile}/{}.wasm", name.replace('-', "_"))))
}

/// wasm-bindgen's glue for the web target, beside the wasm it rewrites.
fn bindgen(wasm: &Path, out_name: &str, out: &Path) -> Result {
    // The `name` section (a third of the file) only names functions in stack
    // traces of a trap, and no input reaches a trap; `producers` is telemetry.
    status(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--remove-name-section", "--remove-producers-section"])
            .args(["--out-name", out_name, "--out-dir"])
            .arg(out)
            .arg(wasm),
    )
}

/// Optimizes wasm-bindgen's output in place (`passes`: -Oz --converge for
/// size, -O3 for speed), with npm's binaryen (tools.rs). It reads the enabled
/// features from the `target_features` section, unless `features` names them,
/// and drops the sections no host reads.
fn shrink(wasm: &Path, features: &[&str], passes: &[&str]) -> Result {
    let wasm_opt = tools::npm_tools()?.get("wasm-opt");
    status(
        Command::new(wasm_opt)
            .args(features)
            .args(passes)
            .args(["--strip-debug", "--strip-producers", "--strip-target-features", "-o"])
            .arg(wasm)
            .arg(wasm),
    )
}

/// Node's build, `node.cjs`: native.js and everything it imports in one
/// CommonJS file, so that `require('als-wasm')` works on every Node (Node 20
/// cannot require ES modules) and `import` shares that one instance (node.mjs).
/// `opentelemetry/node.cjs` likewise, over that node.cjs and the API's own
/// CommonJS build.
fn node_cjs(pkg: &Path) -> Result {
    let esbuild = tools::npm_tools()?.get("esbuild");
    let common =
        ["--bundle", "--format=cjs", "--platform=node", "--target=node18", "--log-level=warning", "--keep-names"];
    status(Command::new(&esbuild).current_dir(pkg).args(["native.js", "--outfile=node.cjs"]).args(common))?;
    status(
        Command::new(&esbuild)
            .current_dir(pkg)
            .args(["opentelemetry/node.mjs", "--outfile=opentelemetry/node.cjs"])
            .args(["--external:../node.cjs", "--external:@opentelemetry/api"])
            .args(common),
    )?;
    // `require('als-wasm/opentelemetry/browser')` on Node and Deno, which
    // cannot require ES modules everywhere: the patch carrier bundled in,
    // over the API copy the app requires.
    status(
        Command::new(&esbuild)
            .current_dir(pkg)
            .args(["opentelemetry/browser.js", "--outfile=opentelemetry/browser.node.cjs"])
            .args(["--external:@opentelemetry/api"])
            .args(common),
    )
}

/// Declarations for the `require` branches, which TypeScript wants in CommonJS
/// form (`.d.cts`): the ES ones, pointed at node.cjs.
fn cjs_types(pkg: &Path) -> Result {
    for (from, to) in [
        ("index.d.ts", "node.d.cts"),
        ("async_hooks.d.ts", "async_hooks.d.cts"),
        ("global.d.ts", "global.d.cts"),
        ("opentelemetry/index.d.ts", "opentelemetry/index.d.cts"),
    ] {
        write(&pkg.join(to), &read(&pkg.join(from))?.replace("'./index.js'", "'./node.cjs'"))?;
    }
    Ok(())
}

/// wasm-bindgen copies each JS module the Rust imports under
/// `snippets/<crate>-<hash>/<its path in the crate>`. The package needs one
/// instance of each: a module of `pkg-template/` (core/context.js, the very
/// module the API and the carriers import) is imported from where the
/// package has it already; an inline snippet is copied flat beside the glue.
fn flatten_snippets(glue: &str, bindgen_out: &Path, pkg: &Path) -> Result<String> {
    let mut glue = glue.to_owned();
    let snippets = bindgen_out.join("snippets");
    let Ok(dirs) = fs::read_dir(&snippets) else { return Ok(glue) };
    for dir in dirs.flatten() {
        let dir_name = dir.file_name().to_string_lossy().into_owned();
        for file in walk(&dir.path())? {
            let rel = file.strip_prefix(dir.path()).map_err(|e| e.to_string())?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            let target = if let Some(in_pkg) = rel.strip_prefix("pkg-template/") {
                let same = fs::read(pkg.join(in_pkg)).ok() == Some(fs::read(&file).map_err(|e| e.to_string())?);
                if !same {
                    return Err(format!("snippet {rel} differs from pkg/{in_pkg}"));
                }
                in_pkg.to_owned()
            } else if rel.starts_with("inline") && !rel.contains('/') {
                if pkg.join(&rel).exists() {
                    return Err(format!("snippet {rel} would overwrite pkg/{rel}"));
                }
                fs::copy(&file, pkg.join(&rel)).map_err(|e| e.to_string())?;
                rel.clone()
            } else {
                return Err(format!("snippet {rel} is neither inline nor a module of pkg-template/"));
            };
            glue = rewrite_imports(&glue, &format!("./snippets/{dir_name}/{rel}"), &format!("./{target}"));
        }
    }
    Ok(glue)
}

/// Rewrites `from` in import statements only: the import object's keys must
/// keep the module names that the wasm binary itself asks for.
fn rewrite_imports(glue: &str, from: &str, to: &str) -> String {
    glue.lines()
        .map(|line| if line.starts_with("import ") { line.replace(from, to) } else { line.to_owned() })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The wasm as a JS module that hands its bytes over synchronously. Each byte
/// is one character (U+0000..U+00FF) of a string literal: gzipped, a quarter
/// smaller than base64, and no `atob`. ES modules are always read as UTF-8.
/// Every byte is XORed with `key` (see `xor_key`).
fn bytes_module(bytes: &[u8], key: u8) -> String {
    let text: Vec<u8> = bytes.iter().map(|b| b ^ key).collect();
    format!(
        "// The wasm module, one character per byte (XOR {key}), so that it loads synchronously everywhere.\n\
         const text = '{}';\n\n\
         export function wasmBytes() {{\n  const bytes = new Uint8Array(text.length);\n  \
         for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) ^ {key};\n  return bytes;\n}}\n",
        byte_string(&text)
    )
}

/// The XOR key for wasm-bytes.js whose literal gzips smallest as a bundler
/// prints it: in ASCII (esbuild by default), each character outside printable
/// ASCII as a four-character escape. The best keys turn the wasm's most common
/// bytes (0, local.get, end…) into letters, which also share gzip's codes with
/// the JS around them: a twentieth less than no key. Measured with node's zlib.
fn xor_key(wasm: &Path) -> Result<u8> {
    const PICK: &str = r"
        const wasm = require('fs').readFileSync(process.argv[1]);
        const printed = (k) => [...wasm].map((b) => b ^ k).map((c) =>
          c >= 32 && c <= 126 && c !== 39 && c !== 92 ? String.fromCharCode(c) : '\\x' + c.toString(16).padStart(2, '0'));
        const sizes = [...Array(256).keys()].map((k) => require('zlib').gzipSync(printed(k).join(''), { level: 9 }).length);
        console.log(sizes.indexOf(Math.min(...sizes)));";
    let node = tools::npm_tools()?.get("node");
    let mut cmd = Command::new(node);
    cmd.args(["-e", PICK]).arg(wasm);
    let out = cmd.output().map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    match text.trim().parse::<u8>() {
        Ok(key) if out.status.success() => Ok(key),
        _ => Err(format!("{cmd:?} picked no XOR key: {text}{}", String::from_utf8_lossy(&out.stderr))),
    }
}

/// The inside of a single-quoted JS string whose characters are `bytes`: only
/// the quote, the backslash, line breaks and NUL are escaped.
fn byte_string(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for (i, &byte) in bytes.iter().enumerate() {
        match byte {
            b'\'' => out.push_str("\\'"),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            // `\0` and a digit would be an octal escape: a SyntaxError in a module.
            0 if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => out.push_str("\\x00"),
            0 => out.push_str("\\0"),
            _ => out.push(char::from(byte)),
        }
    }
    out
}

/// Copies every file below `from`, but those below any of `except`, into `to`.
fn copy_dir(from: &Path, to: &Path, except: &[PathBuf]) -> Result {
    for file in walk(from)?.into_iter().filter(|f| !except.iter().any(|e| f.starts_with(e))) {
        let dest = to.join(file.strip_prefix(from).map_err(|e| e.to_string())?);
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        fs::copy(&file, &dest).map_err(|e| format!("copy {}: {e}", file.display()))?;
    }
    Ok(())
}

/// Every file below `dir`.
pub fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path)?)
        } else {
            files.push(path)
        }
    }
    files.sort();
    Ok(files)
}

pub fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn byte_string_escapes_only_what_a_js_string_literal_needs() {
        assert_eq!(super::byte_string(b""), "");
        assert_eq!(super::byte_string(b"asm\x01\x7f"), "asm\u{1}\u{7f}");
        assert_eq!(super::byte_string(b"'\\\n\r"), "\\'\\\\\\n\\r");
        assert_eq!(super::byte_string(b"\0a\x001"), "\\0a\\x001");
        assert_eq!(super::byte_string(b"\xe9\xff"), "\u{e9}\u{ff}");
    }
}
