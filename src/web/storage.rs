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

/// Milliseconds since 1970 (UTC), from the browser's clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// How long a download's file address stays valid after the click, in milliseconds.
const DOWNLOAD_URL_LIFETIME_MS: i32 = 60_000;

/// Offers `text` to the person as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), StorageError> {
    let failed = |_| StorageError::Failed("the download could not be started".into());
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(StorageError::Unavailable)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| StorageError::Failed("no link element".into()))?;
    link.set_href(&url);
    link.set_download(file_name);
    // Attached while clicked, and the file's address kept for a minute: some browsers
    // (Safari on iOS) start the download only after the click has returned.
    let body = document.body().ok_or(StorageError::Unavailable)?;
    body.append_child(&link).map_err(failed)?;
    link.click();
    link.remove();
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            DOWNLOAD_URL_LIFETIME_MS,
        );
    }
    Ok(())
}

/// The text of the file a person chose in a file input (the `change` event's target), at
/// most `max_bytes` long. `Ok(None)` when no file was chosen.
pub async fn read_chosen_file(
    event: &web_sys::Event,
    max_bytes: usize,
) -> Result<Option<String>, StorageError> {
    let Some(file) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
    else {
        return Ok(None);
    };
    if file.size() > max_bytes as f64 {
        return Err(StorageError::Failed(format!(
            "the file is {} KB; a backup is at most {} KB",
            (file.size() / 1024.0) as u64,
            max_bytes / 1024
        )));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| StorageError::Failed("the file could not be read".into()))?;
    Ok(text.as_string())
}
