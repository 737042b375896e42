//! The JS API, exported with Node's names.
//!
//! The Rust side owns what needs no speed: identities, option parsing and
//! validation, and which error to throw (`errors.js` words it). The package
//! glue (`pkg-template/api.js`) adds the methods that JS must own: the
//! variadic ones (`run`, `exit`, `runInAsyncScope`, `bind`), the ones that
//! return `this` or a function, and the hot paths (`getStore`, `enterWith`,
//! `run`, `snapshot`), which touch only the JS frame; it hands out async ids.

mod errors;
mod resource;
mod storage;

pub use storage::JsAsyncLocalStorage;
