//! Errors in Node's shape: the same class, `code` and message text as
//! `node:internal/errors` gives for the same input.

use js_sys::{JsString, Reflect};
use wasm_bindgen::prelude::*;

/// `TypeError [ERR_INVALID_ARG_TYPE]`, worded as Node words it.
pub(crate) fn invalid_arg_type(name: &str, expected: &str, actual: &JsValue) -> JsValue {
    let message = format!(
        "The \"{name}\" argument must be of type {expected}. Received {}",
        describe(actual)
    );
    with_code(js_sys::TypeError::new(&message).into(), "ERR_INVALID_ARG_TYPE")
}

/// `RangeError [ERR_INVALID_ASYNC_ID]`.
pub(crate) fn invalid_async_id(name: &str, actual: &JsValue) -> JsValue {
    let message = format!("Invalid {name} value: {}", to_display(actual));
    with_code(js_sys::RangeError::new(&message).into(), "ERR_INVALID_ASYNC_ID")
}

fn with_code(error: JsValue, code: &str) -> JsValue {
    // Setting a property on a fresh error object cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    error
}

/// Node's `determineSpecificType`: how the received value is named.
fn describe(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if value.is_undefined() {
        return "undefined".into();
    }
    if let Some(n) = value.as_f64() {
        return format!("type number ({})", number_text(n));
    }
    if let Some(b) = value.as_bool() {
        return format!("type boolean ({b})");
    }
    if let Some(s) = value.as_string() {
        return string_text(&s);
    }
    if value.is_bigint() {
        return format!("type bigint ({}n)", to_display(value));
    }
    if value.is_symbol() {
        return format!("type symbol ({})", to_display(value));
    }
    if value.is_function() {
        let name = Reflect::get(value, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
        return format!("function {}", name.unwrap_or_default());
    }
    let constructor_name = Reflect::get(value, &JsValue::from_str("constructor"))
        .ok()
        .filter(|c| c.is_function())
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("name")).ok())
        .and_then(|n| n.as_string());
    match constructor_name {
        Some(name) => format!("an instance of {name}"),
        None => "[Object: null prototype]".into(),
    }
}

fn number_text(n: f64) -> String {
    if n == 0.0 {
        return if n.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    to_display(&JsValue::from_f64(n))
}

fn string_text(s: &str) -> String {
    let shown: String = if s.chars().count() > 28 {
        format!("{}...", s.chars().take(25).collect::<String>())
    } else {
        s.to_owned()
    };
    if shown.contains('\'') {
        let quoted = js_sys::JSON::stringify(&JsValue::from_str(&shown))
            .map(String::from)
            .unwrap_or_else(|_| format!("\"{shown}\""));
        format!("type string ({quoted})")
    } else {
        format!("type string ('{shown}')")
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = String, catch)]
    fn string_of(value: &JsValue) -> Result<JsString, JsValue>;
}

/// `String(value)`, which (unlike a template literal) does not throw for
/// symbols; a `toString` that throws gives an empty text.
pub(crate) fn to_display(value: &JsValue) -> String {
    string_of(value).map(String::from).unwrap_or_default()
}
