//! Pictures in the browser: a chosen photo shrunk on the device to a JPEG (which also drops
//! its metadata, location included, since only the pixels are drawn again), and photo bytes
//! shown through object URLs. No rules: the longest side and the quality are the caller's.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a chosen file did not become a photo.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// The file is not a picture.
    #[error("it is not a picture")]
    NotAnImage,
    /// The browser could not open it (damaged, an unsupported format, or too large).
    #[error("the browser could not open it (it may be damaged, or too large to open)")]
    CannotDecode,
    /// Drawing or encoding the smaller copy failed (often: not enough memory).
    #[error("it could not be made smaller on this device")]
    CannotEncode,
}

/// A JPEG made on the device, with its size in pixels.
pub struct Jpeg {
    /// The JPEG file's bytes.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// `file` drawn again as a JPEG whose longer side is at most `long_side` pixels, upright (as
/// the camera's orientation tag says), on white (for pictures with transparency).
pub async fn shrink_to_jpeg(file: &web_sys::File, long_side: u32) -> Result<Jpeg, ImageError> {
    if !file.type_().starts_with("image/") {
        return Err(ImageError::NotAnImage);
    }
    let window = web_sys::window().ok_or(ImageError::CannotDecode)?;
    let decoding = window
        .create_image_bitmap_with_blob(file)
        .map_err(|_| ImageError::CannotDecode)?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(decoding)
        .await
        .map_err(|_| ImageError::CannotDecode)?
        .dyn_into()
        .map_err(|_| ImageError::CannotDecode)?;
    let (width, height) = fit(bitmap.width(), bitmap.height(), long_side);
    let drawn = draw(&window, &bitmap, width, height).await;
    bitmap.close();
    let bytes = drawn?;
    Ok(Jpeg {
        bytes,
        width,
        height,
    })
}

/// `width`×`height` scaled down (never up) so the longer side is at most `long_side`.
fn fit(width: u32, height: u32, long_side: u32) -> (u32, u32) {
    let longer = width.max(height).max(1);
    if longer <= long_side {
        return (width.max(1), height.max(1));
    }
    let scale = |side: u32| ((u64::from(side) * u64::from(long_side)) / u64::from(longer)).max(1);
    (scale(width) as u32, scale(height) as u32)
}

async fn draw(
    window: &web_sys::Window,
    bitmap: &web_sys::ImageBitmap,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, ImageError> {
    let failed = |_| ImageError::CannotEncode;
    let canvas: web_sys::HtmlCanvasElement = window
        .document()
        .ok_or(ImageError::CannotEncode)?
        .create_element("canvas")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| ImageError::CannotEncode)?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(failed)?
        .ok_or(ImageError::CannotEncode)?
        .dyn_into()
        .map_err(|_| ImageError::CannotEncode)?;
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(
            bitmap,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(failed)?;
    let mut encoding = Ok(());
    let blob = Promise::new(&mut |resolve, _reject| {
        encoding = canvas.to_blob_with_type_and_encoder_options(
            &resolve,
            "image/jpeg",
            &JsValue::from(0.85),
        );
    });
    encoding.map_err(failed)?;
    let blob: web_sys::Blob = JsFuture::from(blob)
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| ImageError::CannotEncode)?;
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(failed)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// An object URL showing JPEG `bytes` (revoke it with [`revoke`] when no longer shown).
pub fn jpeg_url(bytes: &[u8]) -> Option<String> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/jpeg");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Frees an object URL made by [`jpeg_url`].
pub fn revoke(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
