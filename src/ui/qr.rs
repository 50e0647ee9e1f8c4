//! A QR code drawn as inline SVG (one path), from the `qrcodegen` encoder. Nothing is
//! fetched and no HTML is injected: the path is plain text in an attribute.

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// Quiet zone around the code, in modules (the standard asks for four).
const QUIET_ZONE: i32 = 4;

/// A QR code of `text`, or nothing when the text is too long for one.
#[component]
pub fn QrCodeImage(
    /// What the code encodes.
    #[prop(into)]
    text: String,
    /// The accessible name of the image.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let qr = QrCode::encode_text(&text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE));
            }
        }
    }
    let side = size + 2 * QUIET_ZONE;
    Some(view! {
        <svg
            class="qr"
            role="img"
            aria-label=label
            viewBox=format!("0 0 {side} {side}")
            width="240"
            height="240"
            shape-rendering="crispEdges"
        >
            <rect width=side.to_string() height=side.to_string() fill="#fff" />
            <path d=path fill="#000" />
        </svg>
    })
}
