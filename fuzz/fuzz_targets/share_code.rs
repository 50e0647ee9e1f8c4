//! The share-link decoder: any text as the codes and the version, against the real
//! catalog. Never a panic; what it accepts names real items, and a link we make decodes to
//! the same items.
#![no_main]

use std::sync::OnceLock;

use egov_companion_fuzz::real_catalog;
use egov_core::content::Catalog;
use egov_core::library::{decode_share, share_query};
use libfuzzer_sys::fuzz_target;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(real_catalog)
}

fuzz_target!(|data: &[u8]| {
    let catalog = catalog();
    let text = String::from_utf8_lossy(data);
    let (codes, version) = match text.split_once('\n') {
        Some((codes, version)) => (codes, Some(version)),
        None => (text.as_ref(), None),
    };
    if let Ok(list) = decode_share(codes, version, catalog) {
        for id in &list.ids {
            assert!(catalog.get(id).is_some(), "decoded an unknown id {id}");
        }
    }
    // Items picked by the input bytes: sharing them must bring the same items back.
    let items = catalog.items();
    let picked: Vec<&str> = data
        .iter()
        .take(20)
        .map(|b| items[*b as usize % items.len()].id.as_str())
        .collect();
    let query = share_query(&picked, None);
    let shared_codes = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("i="))
        .unwrap_or("");
    if !picked.is_empty() {
        let list = decode_share(shared_codes, None, catalog).expect("our own link decodes");
        for id in &picked {
            assert!(
                list.ids.iter().any(|i| i == id),
                "shared {id} came back lost"
            );
        }
    }
});
