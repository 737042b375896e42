//! The error of [`AsyncLocalStorage::try_with`](crate::AsyncLocalStorage::try_with).

use std::fmt;

/// No value is set for a storage in the current context.
///
/// ```
/// use als_wasm::AsyncLocalStorage;
///
/// let storage = AsyncLocalStorage::<u32>::new();
/// let error = storage.try_with(|v| *v).unwrap_err();
/// assert_eq!(error.to_string(), "no value is set for this storage in the current context");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessError {
    _private: (),
}

impl AccessError {
    pub(crate) const fn new() -> Self {
        AccessError { _private: () }
    }
}

impl fmt::Display for AccessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no value is set for this storage in the current context")
    }
}

impl std::error::Error for AccessError {}
