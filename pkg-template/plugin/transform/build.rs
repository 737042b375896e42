//! The wasm's own stack (in its linear memory) holds the parser's recursion.
//! 1 MB, the linker's default, ran out before the host's native stack did on
//! a module nested a thousand deep, and the trap that follows leaves the
//! instance unusable; with 16 MB the host's stack runs out first, with a
//! RangeError that transform.js turns into a warning.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=16777216");
    }
}
