//! The photos' storage on the device: IndexedDB (database [`keys::PHOTO_DB`]), and the
//! BroadcastChannel that tells other tabs a photo was added, changed or removed.
//!
//! Each photo has a record (text, written by the core: `photos_manifest_json` of that one
//! photo) keyed by item and hash, and its JPEG bytes keyed by hash, so a change is one put or
//! delete and two tabs never overwrite each other's list. Every change is one transaction:
//! a record is never stored without its bytes. It holds no rules: what a record says and
//! which photos an item has are decided by the core (`PhotoAlbum`). Failures are values.

use crate::sorted::SortedMap;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::keys;

/// Why the photo storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoStoreError {
    /// No IndexedDB here (some private modes, or storage turned off).
    #[error("this browser does not allow saving photos on this device here")]
    Unavailable,
    /// The device or the browser's storage for this site is full.
    #[error("the browser's storage for this site is full")]
    Full,
    /// Any other refusal, with the browser's words.
    #[error("the browser refused ({0})")]
    Failed(String),
}

fn describe(error: &JsValue) -> PhotoStoreError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => PhotoStoreError::Full,
        Some(e) if e.name() == "SecurityError" || e.name() == "InvalidStateError" => {
            PhotoStoreError::Unavailable
        }
        Some(e) => PhotoStoreError::Failed(e.message()),
        None => PhotoStoreError::Failed("unknown error".into()),
    }
}

/// Starts watching `request`: handlers are attached now, before the browser can fire them.
fn watch(request: &IdbRequest) -> JsFuture {
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    }))
}

/// The result of a watched `request`, once it has succeeded.
async fn outcome(request: &IdbRequest, watched: JsFuture) -> Result<JsValue, PhotoStoreError> {
    let settled = watched.await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    if settled.is_err() {
        return Err(request
            .error()
            .ok()
            .flatten()
            .map(|e| describe(&e.into()))
            .unwrap_or(PhotoStoreError::Failed("unknown error".into())));
    }
    request.result().map_err(|e| describe(&e))
}

/// Waits for `request` to succeed, then gives its result.
async fn finished(request: &IdbRequest) -> Result<JsValue, PhotoStoreError> {
    let watched = watch(request);
    outcome(request, watched).await
}

/// Waits for `transaction` to commit; an abort (storage full, above all) is an error.
async fn committed(transaction: &IdbTransaction) -> Result<(), PhotoStoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject));
        transaction.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    match outcome {
        Ok(_) => Ok(()),
        Err(_) => Err(transaction
            .error()
            .map(|e| describe(&e.into()))
            .unwrap_or(PhotoStoreError::Failed("the change was cancelled".into()))),
    }
}

/// Opens the database, creating its two stores the first time.
async fn open() -> Result<IdbDatabase, PhotoStoreError> {
    let factory = web_sys::window()
        .ok_or(PhotoStoreError::Unavailable)?
        .indexed_db()
        .map_err(|_| PhotoStoreError::Unavailable)?
        .ok_or(PhotoStoreError::Unavailable)?;
    let request = factory
        .open_with_u32(keys::PHOTO_DB, keys::PHOTO_DB_VERSION)
        .map_err(|e| describe(&e))?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let database = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(database) = database {
            // Version 1 is the first schema: both stores are new.
            for name in [keys::PHOTO_RECORDS, keys::PHOTO_FILES] {
                if !database.object_store_names().contains(name) {
                    let _ = database.create_object_store(name);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = finished(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    result?.dyn_into().map_err(|_| PhotoStoreError::Unavailable)
}

fn transaction(
    database: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore, IdbObjectStore), PhotoStoreError> {
    let names = Array::of2(&keys::PHOTO_RECORDS.into(), &keys::PHOTO_FILES.into());
    let transaction = database
        .transaction_with_str_sequence_and_mode(&names, mode)
        .map_err(|e| describe(&e))?;
    let records = transaction
        .object_store(keys::PHOTO_RECORDS)
        .map_err(|e| describe(&e))?;
    let files = transaction
        .object_store(keys::PHOTO_FILES)
        .map_err(|e| describe(&e))?;
    Ok((transaction, records, files))
}

/// Every stored photo record's text (the core reads them).
pub async fn records() -> Result<Vec<String>, PhotoStoreError> {
    let database = open().await?;
    let (_transaction, records, _) = transaction(&database, IdbTransactionMode::Readonly)?;
    let all = finished(&records.get_all().map_err(|e| describe(&e))?).await?;
    database.close();
    Ok(Array::from(&all)
        .iter()
        .filter_map(|value| value.as_string())
        .collect())
}

/// The JPEG bytes of each of `hashes` that is stored (a missing one is left out).
pub async fn files(hashes: &[String]) -> Result<SortedMap<String, Vec<u8>>, PhotoStoreError> {
    let database = open().await?;
    let (_transaction, _, files) = transaction(&database, IdbTransactionMode::Readonly)?;
    // Every request is made at once, while the transaction is surely active.
    let requests = hashes
        .iter()
        .map(|hash| {
            let request = files.get(&hash.into()).map_err(|e| describe(&e))?;
            let watched = watch(&request);
            Ok((request, watched))
        })
        .collect::<Result<Vec<_>, PhotoStoreError>>()?;
    let mut found = SortedMap::new();
    for (hash, (request, watched)) in hashes.iter().zip(requests) {
        let value = outcome(&request, watched).await?;
        if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            found.insert(hash.clone(), bytes.to_vec());
        }
    }
    database.close();
    Ok(found)
}

/// One change to the stored photos, written as a whole or not at all.
#[derive(Default)]
pub struct PhotoChange<'a> {
    /// Records to write: (key, text).
    pub put_records: Vec<(String, String)>,
    /// JPEG bytes to write: (hash, bytes).
    pub put_files: Vec<(&'a str, &'a [u8])>,
    /// Record keys to delete.
    pub delete_records: Vec<String>,
    /// Hashes whose bytes to delete.
    pub delete_files: Vec<String>,
}

/// Writes `change` in one transaction, then tells other tabs.
pub async fn write(change: PhotoChange<'_>) -> Result<(), PhotoStoreError> {
    let database = open().await?;
    let (transaction, records, files) = transaction(&database, IdbTransactionMode::Readwrite)?;
    let done = committed(&transaction);
    let issued = (|| {
        for (hash, bytes) in &change.put_files {
            files.put_with_key(&Uint8Array::from(*bytes), &(*hash).into())?;
        }
        for (key, text) in &change.put_records {
            records.put_with_key(&text.into(), &key.into())?;
        }
        for key in &change.delete_records {
            records.delete(&key.into())?;
        }
        for hash in &change.delete_files {
            files.delete(&hash.into())?;
        }
        Ok::<(), JsValue>(())
    })();
    if let Err(error) = issued {
        let _ = transaction.abort();
        let _ = done.await;
        database.close();
        return Err(describe(&error));
    }
    let result = done.await;
    database.close();
    result?;
    announce_change();
    Ok(())
}

/// How much this site stores and how much the browser allows it, in bytes, if it says.
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((number("usage")?, number("quota")?))
}

thread_local! {
    /// This page's one channel: a message posted on it reaches every other tab, never this
    /// one, whose own state already has the change.
    static CHANNEL: Option<web_sys::BroadcastChannel> =
        web_sys::BroadcastChannel::new(keys::PHOTO_CHANNEL).ok();
}

/// Tells other tabs that the photos changed.
fn announce_change() {
    CHANNEL.with(|channel| {
        if let Some(channel) = channel {
            let _ = channel.post_message(&"changed".into());
        }
    });
}

/// Tells this page's own listeners ([`PhotoChanges`]) that the photos changed: for a change
/// made by a page that has since gone (a photo still being added when the person left),
/// which the page now open does not know of.
pub fn announce_here() {
    CHANNEL.with(|channel| {
        if let (Some(channel), Ok(event)) = (channel, web_sys::MessageEvent::new("message")) {
            let _ = channel.dispatch_event(&event);
        }
    });
}

/// Calls `changed` whenever another tab changes the photos (or [`announce_here`] is
/// called), until dropped.
pub struct PhotoChanges {
    listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl PhotoChanges {
    /// Starts listening; `None` if the browser has no BroadcastChannel.
    pub fn listen(mut changed: impl FnMut() + 'static) -> Option<PhotoChanges> {
        let listener =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |_: web_sys::MessageEvent| {
                changed()
            });
        CHANNEL.with(|channel| {
            channel
                .as_ref()?
                .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
                .ok()
        })?;
        Some(PhotoChanges { listener })
    }
}

impl Drop for PhotoChanges {
    fn drop(&mut self) {
        CHANNEL.with(|channel| {
            if let Some(channel) = channel {
                let _ = channel.remove_event_listener_with_callback(
                    "message",
                    self.listener.as_ref().unchecked_ref(),
                );
            }
        });
    }
}
