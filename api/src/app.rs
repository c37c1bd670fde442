//! The actix application: routes under `/api/v1`, the OpenAPI document collected from
//! those same routes, and the middleware every response passes through.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::header;
use actix_web::middleware::{DefaultHeaders, Logger, Next, from_fn};
use actix_web::web::{self, Data};
use actix_web::{App, HttpRequest, HttpResponse};
use pontis_types::limits::BODY_MAX_BYTES;
use utoipa::openapi::OpenApi as OpenApiDocument;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::{AppExt, scope};

use crate::auth::SESSION_COOKIE;
use crate::error::{ApiError, ErrorBody, localize_errors};
use crate::routes::{
    accounts, admin, events, meta, metrics, moderation, notifications, posts, search, spaces,
    steering, threads, worker,
};
use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pontis API",
        description = "A multilingual forum for schools. Every error is `{code, message, type}`; \
                       `code` is stable, `message` is in the requester's language."
    ),
    modifiers(&SecuritySchemes),
    security(("bearer" = []), ("session_cookie" = [])),
    components(schemas(
        ErrorBody,
        pontis_types::constraints::LanguageTag,
        // Named by `LeaseRequest.pairs` through `schema_with`, which utoipa does not follow.
        pontis_types::LanguagePair
    ))
)]
struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut OpenApiDocument) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                SESSION_COOKIE,
                "Browser session; writes also need the X-CSRF-Token header",
            ))),
        );
    }
}

/// The routes, and the OpenAPI document collected from them.
fn routes() -> (
    App<
        impl ServiceFactory<
            ServiceRequest,
            Config = (),
            Response = ServiceResponse<impl MessageBody>,
            Error = actix_web::Error,
            InitError = (),
        >,
    >,
    OpenApiDocument,
) {
    let (app, mut document) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(meta::health)
        .service(meta::ready)
        .service(metrics::scrape)
        .service(
            scope::scope("/api/v1")
                .service(meta::openapi_json)
                .service(accounts::register)
                .service(accounts::login)
                .service(accounts::logout)
                .service(accounts::get_me)
                .service(accounts::update_me)
                .service(accounts::list_tokens)
                .service(accounts::create_token)
                .service(accounts::delete_token)
                .service(accounts::change_password)
                .service(accounts::list_sessions)
                .service(accounts::end_all_sessions)
                .service(accounts::end_session)
                .service(spaces::create_space)
                .service(spaces::list_spaces)
                .service(spaces::get_space)
                .service(spaces::join_space)
                .service(spaces::leave_space)
                .service(spaces::list_members)
                .service(spaces::update_member)
                .service(spaces::remove_member)
                .service(spaces::rotate_invite)
                .service(spaces::update_space)
                .service(threads::create_thread)
                .service(threads::list_threads)
                .service(threads::get_thread)
                .service(threads::create_post)
                .service(events::thread_events)
                .service(events::events)
                .service(notifications::list_notifications)
                .service(notifications::mark_notifications_read)
                .service(notifications::get_watch)
                .service(notifications::set_watch)
                .service(notifications::get_notification_settings)
                .service(notifications::update_notification_settings)
                .service(threads::lock_thread)
                .service(threads::unlock_thread)
                .service(threads::pin_thread)
                .service(threads::unpin_thread)
                .service(threads::hide_thread)
                .service(threads::unhide_thread)
                .service(posts::get_post)
                .service(posts::edit_post)
                .service(posts::set_post_language)
                .service(posts::delete_post)
                .service(posts::list_revisions)
                .service(posts::hide_post)
                .service(posts::unhide_post)
                .service(posts::report_post)
                .service(moderation::list_reports)
                .service(moderation::resolve_reports)
                .service(moderation::resolve_report)
                .service(moderation::list_bans)
                .service(moderation::ban_user)
                .service(moderation::unban_user)
                .service(moderation::modlog)
                .service(steering::get_glossary)
                .service(steering::put_glossary)
                .service(steering::post_sentences)
                .service(steering::flag_sentence)
                .service(steering::list_corrections)
                .service(steering::approve_correction)
                .service(steering::revoke_correction)
                .service(steering::dismiss_flag)
                .service(search::search)
                .service(admin::translation_jobs)
                .service(admin::retry_translation_job)
                .service(admin::create_worker)
                .service(admin::list_workers)
                .service(admin::revoke_worker)
                .service(worker::lease_jobs)
                .service(worker::complete)
                .service(worker::lookup_segments),
        )
        .split_for_parts();
    crate::openapi::declare_errors(&mut document);
    (app, document)
}

/// The OpenAPI 3 document of every route.
pub fn openapi() -> OpenApiDocument {
    routes().1
}

pub fn app(
    state: Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, document) = routes();
    // The error middleware needs only the messages, not the whole state; the request's
    // client only the proxies.
    let localizer = Data::from(std::sync::Arc::clone(&state.localizer));
    let proxies = Data::new(state.trusted_proxies.clone());
    app.configure(crate::pages::configure)
        .app_data(state)
        .app_data(localizer)
        .app_data(proxies)
        .app_data(Data::new(document))
        .app_data(
            web::JsonConfig::default()
                .limit(BODY_MAX_BYTES)
                .error_handler(|err, _| json_error(err).into()),
        )
        .app_data(web::PayloadConfig::default().limit(BODY_MAX_BYTES))
        .app_data(
            web::QueryConfig::default().error_handler(|err: QueryPayloadError, _| {
                ApiError::InvalidQuery(err.to_string()).into()
            }),
        )
        .app_data(
            web::PathConfig::default()
                .error_handler(|err: PathError, _| ApiError::InvalidPath(err.to_string()).into()),
        )
        .default_service(web::to(not_found).wrap(from_fn(crate::pages::unknown_address)))
        .wrap(from_fn(localize_errors))
        .wrap(
            DefaultHeaders::new()
                .add(("X-Content-Type-Options", "nosniff"))
                .add(("Referrer-Policy", "same-origin"))
                .add(("X-Frame-Options", "DENY"))
                .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY)),
        )
        .wrap(from_fn(strict_transport_security))
        .wrap(from_fn(metrics::count_requests))
        .wrap(Logger::new("%r %s %Dms"))
}

/// Pages load only this site's scripts, styles, fonts and images (and `data:` images):
/// nothing in a post can make a reader's browser call another site, run inline script or
/// frame the forum.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
     object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/// A year of HTTPS only, sent when the request came over TLS (through a trusted proxy).
async fn strict_transport_security(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let https = crate::client::is_https(req.request());
    let mut res = next.call(req).await?;
    if https {
        res.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            header::HeaderValue::from_static("max-age=31536000"),
        );
    }
    Ok(res)
}

fn json_error(err: JsonPayloadError) -> ApiError {
    match err {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::PayloadTooLarge
        }
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType,
        other => ApiError::InvalidJson(other.to_string()),
    }
}

/// No route answered: 405 with `Allow` when the path is one of the document's under other
/// methods, else 404.
async fn not_found(req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let allowed = req
        .app_data::<Data<OpenApiDocument>>()
        .map(|document| crate::openapi::allowed_methods(document, req.path()))
        .unwrap_or_default();
    if allowed.is_empty() {
        Err(ApiError::RouteNotFound)
    } else {
        Err(ApiError::MethodNotAllowed { allowed })
    }
}
