//! The stylesheet, script and icon under `frontend/static/`, compiled into the binary and
//! served with a version in their URLs, so browsers may cache them for a year.

use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};

static STATIC: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// An embedded file, ready to serve.
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    pub bytes: &'static [u8],
    pub content_type: &'static str,
}

/// The file `name` (e.g. `app.css`), if there is one.
pub fn get(name: &str) -> Option<Asset> {
    let file = STATIC.get_file(name)?;
    let content_type = match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    };
    Some(Asset {
        bytes: file.contents(),
        content_type,
    })
}

/// `/static/NAME?v=HASH`: the URL changes whenever the file does.
pub fn url(name: &str) -> String {
    let version = get(name)
        .map(|asset| hex::encode(&Sha256::digest(asset.bytes)[..6]))
        .unwrap_or_default();
    format!("/static/{name}?v={version}")
}
