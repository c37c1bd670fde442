//! Pages reached from email: one-click unsubscribe (RFC 8058) and address confirmation.
//! The token in the address is the whole authority, so neither needs a session or a form
//! token. A GET only asks (mail scanners follow links); the POST does it.

use actix_web::http::StatusCode;
use actix_web::web::Path;
use pontis_models::notifications::{address, settings};
use serde_json::json;

use super::context::{Page, PageResult};

/// Tokens are 43 characters of base64url; anything far longer is no token of ours.
const TOKEN_MAX: usize = 128;

fn plausible(token: &str) -> bool {
    !token.is_empty() && token.len() <= TOKEN_MAX
}

pub async fn unsubscribe_form(page: Page, token: Path<String>) -> PageResult {
    let token = token.into_inner();
    let target = if plausible(&token) {
        let lookup = token.clone();
        page.run(move |db| address::unsubscribe_target(db, &lookup))
            .await?
    } else {
        None
    };
    unsubscribe_page(&page, &token, target.map(|(handle, _)| handle), false)
}

/// The one-click POST of a mail program (`List-Unsubscribe=One-Click` in the body), or
/// the button of the page above; the body is not needed and not read.
pub async fn unsubscribe(page: Page, token: Path<String>) -> PageResult {
    let token = token.into_inner();
    let target = if plausible(&token) {
        let lookup = token.clone();
        page.run(move |db| {
            let target = address::unsubscribe_target(db, &lookup)?;
            if target.is_some() {
                settings::unsubscribe(db, &lookup)?;
            }
            Ok(target)
        })
        .await?
    } else {
        None
    };
    unsubscribe_page(&page, &token, target.map(|(handle, _)| handle), true)
}

fn unsubscribe_page(page: &Page, token: &str, handle: Option<String>, done: bool) -> PageResult {
    let status = if handle.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    page.render_status(
        status,
        "unsubscribe.html",
        json!({"token": token, "handle": handle, "done": done}),
    )
}

pub async fn confirm_form(page: Page, token: Path<String>) -> PageResult {
    let token = token.into_inner();
    let pending = if plausible(&token) {
        let lookup = token.clone();
        page.run(move |db| address::confirmation(db, &lookup))
            .await?
    } else {
        None
    };
    confirm_page(&page, &token, pending, false)
}

pub async fn confirm(page: Page, token: Path<String>) -> PageResult {
    let token = token.into_inner();
    let confirmed = if plausible(&token) {
        let lookup = token.clone();
        page.run(move |db| {
            let Some((handle, _)) = address::confirmation(db, &lookup)? else {
                return Ok(None);
            };
            Ok(address::confirm(db, &lookup)?.map(|address| (handle, address)))
        })
        .await?
    } else {
        None
    };
    confirm_page(&page, &token, confirmed, true)
}

fn confirm_page(
    page: &Page,
    token: &str,
    pending: Option<(String, String)>,
    done: bool,
) -> PageResult {
    let status = if pending.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let (handle, address) = pending.unzip();
    page.render_status(
        status,
        "confirm_email.html",
        json!({"token": token, "handle": handle, "address": address, "done": done}),
    )
}
