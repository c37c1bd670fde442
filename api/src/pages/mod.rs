//! The web UI: server-rendered pages for browsers, next to the JSON API and outside its
//! OpenAPI document. Handlers stay thin like the API's: they check the form's CSRF token,
//! run the domain action off the async runtime, and render a template from `frontend/`.
//! Forms post and redirect (303); a failed form is shown again with the localized error
//! and what the user typed.

mod admin;
mod auth;
mod context;
mod email;
mod moderation;
mod notifications;
mod posts;
mod profile;
mod search;
mod spaces;
mod steering;
mod threads;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{Next, from_fn};
use actix_web::web::{self, Path, ServiceConfig};
use actix_web::{HttpResponse, get};
use pontis_frontend::assets;

pub use context::{Page, PageError, Viewer};

use context::render_errors;

/// Registers every page route, each behind the middleware that renders errors as pages.
pub fn configure(cfg: &mut ServiceConfig) {
    macro_rules! pages {
        ($($path:literal => $($method:ident $handler:path),+;)*) => {$(
            cfg.service(
                web::resource($path)
                    .wrap(from_fn(render_errors))
                    $(.route(web::$method().to($handler)))+,
            );
        )*};
    }
    cfg.app_data(web::FormConfig::default().limit(pontis_types::limits::BODY_MAX_BYTES));
    cfg.service(static_asset);
    pages! {
        "/" => get spaces::home;
        "/signup" => get auth::signup_form, post auth::signup;
        "/login" => get auth::login_form, post auth::login;
        "/logout" => post auth::logout;
        "/locale" => post profile::set_locale;
        "/me" => get profile::profile, post profile::save_profile;
        "/me/security" => get profile::security;
        "/me/password" => post profile::change_password;
        "/me/sessions/{id}/end" => post profile::end_session;
        "/me/sessions/end-all" => post profile::end_all_sessions;
        "/spaces/new" => get spaces::new_space_form, post spaces::create_space;
        "/join" => get spaces::join_form, post spaces::join;
        "/s/{slug}" => get spaces::space;
        "/s/{slug}/new" => get threads::new_thread_form, post threads::create_thread;
        "/s/{slug}/reports" => get moderation::reports;
        "/s/{slug}/hidden" => get moderation::hidden;
        "/s/{slug}/bans" => get moderation::bans, post moderation::ban;
        "/s/{slug}/bans/{handle}/delete" => post moderation::unban;
        "/s/{slug}/modlog" => get moderation::modlog;
        "/s/{slug}/members" => get moderation::members;
        "/s/{slug}/members/{handle}" => post moderation::set_role;
        "/s/{slug}/members/{handle}/remove" => post moderation::remove_member;
        "/s/{slug}/invite" => post moderation::rotate_invite;
        "/s/{slug}/visibility" => post moderation::set_visibility;
        "/s/{slug}/reports/resolve" => post moderation::resolve_reports;
        "/s/{slug}/glossary" => get steering::glossary_page, post steering::save_glossary;
        "/s/{slug}/corrections" => get steering::corrections_page, post steering::approve;
        "/s/{slug}/corrections/{id}/revoke" => post steering::revoke;
        "/s/{slug}/flags/{id}/dismiss" => post steering::dismiss;
        "/t/{id}" => get threads::thread;
        "/t/{id}/reply" => post threads::reply;
        "/t/{id}/watch" => post notifications::set_watch;
        "/t/{id}/{switch}" => post threads::switch;
        "/p/{id}/fragment" => get posts::fragment;
        "/p/{id}/edit" => get posts::edit_form, post posts::edit;
        "/p/{id}/history" => get posts::history;
        "/p/{id}/report" => post posts::report;
        "/p/{id}/language" => post posts::set_language;
        "/p/{id}/sentences" => get steering::sentences, post steering::flag;
        "/p/{id}/hide" => post moderation::hide_post;
        "/p/{id}/unhide" => post moderation::unhide_post;
        "/reports/{id}/resolve" => post moderation::resolve_report;
        "/admin/translation" => get admin::translation;
        "/admin/translation-jobs/{id}/retry" => post admin::retry_job;
        "/admin/models" => get admin::models;
        "/search" => get search::search;
        "/notifications" => get notifications::list;
        "/notifications/read" => post notifications::mark_all_read;
        "/n/{id}" => get notifications::open;
        // Email (issue 13): settings on the profile, and the pages links in email open.
        "/me/email" => post profile::save_email;
        "/unsubscribe/{token}" => get email::unsubscribe_form, post email::unsubscribe;
        "/email/confirm/{token}" => get email::confirm_form, post email::confirm;
    }
}

/// Unknown addresses: an error page in the reader's language for browsers, the JSON error
/// under `/api/`.
pub async fn unknown_address(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // The API, and the document's paths outside it (`/health`, `/ready`), answer in JSON.
    let documented = req
        .app_data::<actix_web::web::Data<utoipa::openapi::OpenApi>>()
        .is_some_and(|document| !crate::openapi::allowed_methods(document, req.path()).is_empty());
    if req.path().starts_with("/api/") || documented {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    }
    render_errors(req, next).await
}

/// The stylesheet, script and icon. Their URLs carry a content hash, so a year of
/// caching is safe.
#[get("/static/{name}")]
async fn static_asset(name: Path<String>) -> HttpResponse {
    match assets::get(&name) {
        Some(asset) => HttpResponse::Ok()
            .content_type(asset.content_type)
            .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
            .body(asset.bytes),
        None => HttpResponse::NotFound().finish(),
    }
}

/// Languages offered in the pickers: the UI's languages, and any other the viewer reads.
const PICKER_LANGUAGES: [&str; 12] = [
    "ar", "ca", "de", "en", "es", "fr", "it", "ja", "ko", "pt", "uk", "zh",
];

fn language_choices(also: &[String]) -> Vec<String> {
    let mut choices: Vec<String> = PICKER_LANGUAGES.iter().map(|l| (*l).to_owned()).collect();
    for tag in also {
        if !choices.contains(tag) {
            choices.push(tag.clone());
        }
    }
    choices
}

/// A thread as pages show it: its title in the reader's language when a translation is
/// there (`title_text`, `title_lang`), and whether it has unread posts.
fn thread_json(thread: &pontis_types::ThreadView, unread: bool) -> serde_json::Value {
    use pontis_types::TranslationStatus;
    let translated = thread.title_translation.as_ref().and_then(|t| {
        let usable = matches!(
            t.status,
            TranslationStatus::Ready | TranslationStatus::Stale
        );
        usable
            .then_some(t.body.as_ref().map(|body| (body, &t.lang)))
            .flatten()
    });
    let (title_text, title_lang) = translated.unwrap_or((&thread.title, &thread.lang));
    let mut value = serde_json::to_value(thread).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.insert("title_text".into(), title_text.clone().into());
        object.insert("title_lang".into(), title_lang.clone().into());
        object.insert("unread".into(), unread.into());
    }
    value
}

/// Whether the viewer moderates a space, as its `my_role` and their admin flag say.
fn moderates(space: &pontis_types::SpaceView, viewer: &Viewer) -> bool {
    viewer.user.is_admin || space.my_role.is_some_and(|r| r.moderates())
}

/// Posting limits apply per user and per address, as in the JSON API.
fn check_posting_limits(page: &Page) -> Result<(), crate::error::ApiError> {
    let viewer = page
        .viewer()
        .map_err(|_| pontis_models::Error::Unauthenticated)?;
    page.state.limits.check_posting(
        viewer.auth.actor.user_id,
        &crate::client::client_key(&page.req),
    )
}

/// An empty language field means "detect it".
fn declared_language(lang: &str) -> Option<String> {
    Some(lang.trim().to_owned()).filter(|l| !l.is_empty())
}

/// The language to ask the author to confirm, when they chose none and detection cannot
/// tell (a short text, close languages): their first language, preselected. Guessing
/// would tag the post wrongly and send every reader a translation from the wrong
/// language.
fn language_to_confirm(chosen: &str, text: &str, author_languages: &[String]) -> Option<String> {
    if declared_language(chosen).is_some()
        || pontis_types::lang::detect(text, author_languages).is_some()
    {
        return None;
    }
    author_languages.first().cloned()
}
