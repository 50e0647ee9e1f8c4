//! Files in and out: offering text as a download, and reading the file a person chose in a
//! file input. Failures are values ([`FileError`]); nothing here touches storage.

use wasm_bindgen::JsCast;

/// Why a file could not be offered or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// The browser did not start the download.
    #[error("the browser refused to start it")]
    Download,
    /// The chosen file is larger than accepted.
    #[error("the file is {kb} KB; a backup is at most {max_kb} KB")]
    TooLarge {
        /// The file's size, in KB.
        kb: u64,
        /// The largest accepted, in KB.
        max_kb: usize,
    },
    /// The chosen file could not be read.
    #[error("the file could not be read")]
    Unreadable,
}

/// How long a download's file address stays valid after the click, in milliseconds.
const DOWNLOAD_URL_LIFETIME_MS: i32 = 60_000;

/// Offers `text` to the person as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), FileError> {
    let part = wasm_bindgen::JsValue::from_str(text);
    download_part(file_name, mime, &part)
}

/// Offers `bytes` to the person as a file download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), FileError> {
    let part = js_sys::Uint8Array::from(bytes);
    download_part(file_name, mime, &part)
}

fn download_part(
    file_name: &str,
    mime: &str,
    part: &wasm_bindgen::JsValue,
) -> Result<(), FileError> {
    let failed = |_| FileError::Download;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(FileError::Download)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| FileError::Download)?;
    link.set_href(&url);
    link.set_download(file_name);
    // Attached while clicked, and the file's address kept for a minute: some browsers
    // (Safari on iOS) start the download only after the click has returned.
    let body = document.body().ok_or(FileError::Download)?;
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

/// The files a person chose in a file input (the `change` event's target), in order. The
/// input is cleared, so choosing the same file again is a new choice.
pub fn chosen_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files();
    let chosen = files
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    chosen
}

/// The bytes of the file a person chose in a file input (the `change` event's target), at
/// most `max_bytes` long. `Ok(None)` when no file was chosen.
pub async fn read_chosen_file(
    event: &web_sys::Event,
    max_bytes: usize,
) -> Result<Option<Vec<u8>>, FileError> {
    let Some(file) = chosen_files(event).into_iter().next() else {
        return Ok(None);
    };
    if file.size() > max_bytes as f64 {
        return Err(FileError::TooLarge {
            kb: (file.size() / 1024.0) as u64,
            max_kb: max_bytes / 1024,
        });
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileError::Unreadable)?;
    Ok(Some(js_sys::Uint8Array::new(&buffer).to_vec()))
}
