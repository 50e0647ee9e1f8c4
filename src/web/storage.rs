//! The browser's localStorage, typed: read, write, the change event from other tabs, and
//! asking for persistent storage. Failures (storage disabled, private mode, quota) are
//! values; callers keep their in-memory state and tell the person.

use wasm_bindgen::JsCast;

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The browser gives no storage here (disabled, or some private modes).
    #[error("this browser does not allow saving on this device here")]
    Unavailable,
    /// The device or browser storage is full.
    #[error("the browser's storage for this site is full")]
    QuotaExceeded,
    /// Any other refusal, with the browser's words.
    #[error("the browser refused to save ({0})")]
    Failed(String),
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)
}

fn describe(error: wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StorageError::QuotaExceeded,
        Some(e) if e.name() == "SecurityError" => StorageError::Unavailable,
        Some(e) => StorageError::Failed(e.message()),
        None => StorageError::Failed("unknown error".into()),
    }
}

/// The value stored under `key`, or `None` when there is none.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?.get_item(key).map_err(describe)
}

/// Stores `value` under `key`.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(describe)
}

/// The first key starting with `prefix` whose value is exactly `value`, if any.
pub fn key_holding(prefix: &str, value: &str) -> Option<String> {
    let storage = local_storage().ok()?;
    let count = storage.length().ok()?;
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .find(|key| storage.get_item(key).ok().flatten().as_deref() == Some(value))
}

/// When a storage event (another tab changed storage) is about `key`: `Some(new value)`.
pub fn changed_value(event: &web_sys::StorageEvent, key: &str) -> Option<Option<String>> {
    (event.key().as_deref() == Some(key)).then(|| event.new_value())
}

/// Asks the browser to keep this site's storage when space runs low. The answer does not
/// change what the app does, so it is not awaited.
pub fn request_persistence() {
    if let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) {
        let _ = storage.persist();
    }
}
