//! The JS API, exported with Node's names.
//!
//! The Rust side owns what needs no speed: identities, option parsing and
//! validation, and which error to throw (`pkg-template/core/errors.js` words
//! it). The package's `pkg-template/core/api.js` adds the methods that JS
//! must own: the variadic ones (`run`, `exit`, `runInAsyncScope`, `bind`),
//! the ones that return `this` or a function, and those that only touch the
//! JS frame (`getStore`, `enterWith`, `run`, `snapshot`, `withScope`,
//! `disable`); it hands out async ids.

mod errors;
mod resource;
mod storage;

pub use storage::JsAsyncLocalStorage;
