//! What every page handler shares: the `Page` extractor (who is asking, in which language,
//! with which form token), rendering, CSRF checks, and error pages.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::web::Data;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, ResponseError};
use pontis_frontend::i18n::accept_language;
use pontis_models::accounts::{self, Authenticated, Credential};
use pontis_models::{Actor, Db, Error, notifications, secrets};
use pontis_types::UserView;
use serde_json::{Value, json};
use unic_langid::LanguageIdentifier;

use crate::auth::{SESSION_COOKIE, same_secret};
use crate::error::ApiError;
use crate::state::AppState;

/// The UI language of someone not signed in, chosen in the footer.
pub const LOCALE_COOKIE: &str = "pontis_locale";
/// The CSRF token of forms sent before signing in (log in, sign up): the form must carry
/// the same value as this cookie, which another site can neither read nor set.
pub const FORM_COOKIE: &str = "pontis_form";

/// A signed-in browser session and its user.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub auth: Authenticated,
    pub user: UserView,
    /// For the bell in the page header.
    pub unread_notifications: i64,
    csrf_token: String,
}

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("sign in first")]
    Login { next: String },
    #[error("missing or wrong CSRF token")]
    Csrf,
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error("cannot render the page: {0}")]
    Render(String),
}

impl From<Error> for PageError {
    fn from(error: Error) -> Self {
        Self::Api(ApiError::Domain(error))
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Login { .. } => StatusCode::SEE_OTHER,
            Self::Csrf => StatusCode::FORBIDDEN,
            Self::Api(e) => e.status_code(),
            Self::Render(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A plain body; `render_errors` replaces it with a page in the reader's language.
    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Login { next } => redirect(&format!("/login?next={}", encode(next))),
            Self::Api(e) => e.error_response(),
            Self::Render(detail) => {
                tracing::error!(%detail, "page rendering failed");
                HttpResponse::InternalServerError().finish()
            }
            Self::Csrf => HttpResponse::Forbidden().finish(),
        }
    }
}

pub type PageResult = Result<HttpResponse, PageError>;

/// The language and header data of a page, left in the request for error pages.
#[derive(Debug, Clone)]
struct PageBase {
    lang: LanguageIdentifier,
    base: Value,
}

/// Everything a page handler needs besides its own path and form.
pub struct Page {
    pub state: Data<AppState>,
    pub req: HttpRequest,
    pub viewer: Option<Viewer>,
    pub lang: LanguageIdentifier,
    form_token: String,
    /// The anonymous form token was made for this response: set its cookie.
    fresh_form_token: bool,
}

impl FromRequest for Page {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, PageError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<Data<AppState>>()
                .cloned()
                .ok_or_else(|| Error::Internal("no app state".into()))?;
            let viewer = match req.cookie(SESSION_COOKIE) {
                Some(cookie) => session_viewer(&state, cookie.value().to_owned()).await?,
                None => None,
            };
            let (form_token, fresh_form_token) = match (&viewer, req.cookie(FORM_COOKIE)) {
                (Some(viewer), _) => (viewer.csrf_token.clone(), false),
                (None, Some(cookie)) if !cookie.value().is_empty() => {
                    (cookie.value().to_owned(), false)
                }
                (None, _) => (secrets::new_token(), true),
            };
            let lang = negotiate(
                &state,
                &req,
                viewer.as_ref().map(|v| v.user.locale.as_str()),
            );
            let page = Page {
                state,
                req,
                viewer,
                lang,
                form_token,
                fresh_form_token,
            };
            page.req.extensions_mut().insert(PageBase {
                lang: page.lang.clone(),
                base: page.base(),
            });
            Ok(page)
        })
    }
}

/// The user behind a session cookie; `None` when it is expired or unknown. API tokens are
/// for scripts: a cookie holding one is no browser session.
async fn session_viewer(state: &AppState, token: String) -> Result<Option<Viewer>, PageError> {
    let policy = state.sessions;
    let found = state
        .run(move |db| {
            let auth = accounts::authenticate(db, &token, policy)?;
            let user = accounts::me(db, &auth.actor)?;
            let unread = notifications::unread_count(db, &auth.actor)?.unread_count;
            Ok((auth, user, unread))
        })
        .await;
    match found {
        Ok((auth, user, unread_notifications)) => Ok(match &auth.credential {
            Credential::Session { csrf_token, .. } => Some(Viewer {
                csrf_token: csrf_token.clone(),
                auth,
                user,
                unread_notifications,
            }),
            Credential::ApiToken { .. } => None,
        }),
        Err(ApiError::Domain(Error::Unauthenticated)) => Ok(None),
        Err(other) => Err(other.into()),
    }
}

/// The user's setting, then the footer's choice, then Accept-Language, then English.
fn negotiate(state: &AppState, req: &HttpRequest, user_locale: Option<&str>) -> LanguageIdentifier {
    let mut preferences: Vec<String> = user_locale.map(str::to_owned).into_iter().collect();
    if let Some(cookie) = req.cookie(LOCALE_COOKIE) {
        preferences.push(cookie.value().to_owned());
    }
    if let Some(accept) = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    {
        preferences.extend(accept_language(accept));
    }
    state
        .localizer
        .negotiate(preferences.iter().map(String::as_str))
}

impl Page {
    /// The signed-in viewer, or a redirect to the login page that comes back here.
    pub fn viewer(&self) -> Result<&Viewer, PageError> {
        self.viewer.as_ref().ok_or_else(|| PageError::Login {
            next: self
                .req
                .uri()
                .path_and_query()
                .map_or_else(|| "/".to_owned(), ToString::to_string),
        })
    }

    pub fn actor(&self) -> Result<Actor, PageError> {
        Ok(self.viewer()?.auth.actor)
    }

    /// The viewer's own limit on `action` (as in the JSON API).
    pub fn check_limit(&self, action: crate::rate_limit::UserAction) -> Result<(), ApiError> {
        let actor = self
            .actor()
            .map_err(|_| pontis_models::Error::Unauthenticated)?;
        self.state.limits.check_user(action, actor.user_id)
    }

    /// Runs a domain action with the database off the async executor (`AppState::run`).
    pub async fn run<T, F>(&self, action: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Db) -> pontis_models::Result<T> + Send + 'static,
    {
        self.state.run(action).await
    }

    /// A form must carry the session's CSRF token (the form token before signing in).
    pub fn check_csrf(&self, sent: &str) -> Result<(), PageError> {
        if !self.fresh_form_token && same_secret(sent, &self.form_token) {
            Ok(())
        } else {
            Err(PageError::Csrf)
        }
    }

    /// A message of the UI's in the page's language.
    pub fn text(&self, id: &str) -> String {
        self.state.localizer.message(&self.lang, id, &[])
    }

    /// A domain error's message in the page's language.
    pub fn message(&self, error: &ApiError) -> String {
        error.body(&self.state.localizer, &self.lang).message
    }

    /// What the layout shows on every page: who is signed in, the form token, the path.
    fn base(&self) -> Value {
        json!({
            "viewer": self.viewer.as_ref().map(|v| json!({
                "handle": v.user.handle,
                "display_name": v.user.display_name,
                "is_admin": v.user.is_admin,
                "languages": v.user.languages,
                "unread_notifications": v.unread_notifications,
            })),
            "csrf_token": self.form_token,
            "path": self.req.uri().path_and_query().map_or("/", |p| p.as_str()),
        })
    }

    pub fn render(&self, template: &str, context: Value) -> PageResult {
        self.render_status(StatusCode::OK, template, context)
    }

    /// Renders `template` with `context` (a JSON object) and the layout's data.
    pub fn render_status(&self, status: StatusCode, template: &str, context: Value) -> PageResult {
        let mut full = self.base();
        if let (Some(full), Value::Object(page)) = (full.as_object_mut(), context) {
            full.extend(page);
        }
        let html = self
            .state
            .pages
            .render(template, &full, &self.lang)
            .map_err(|e| PageError::Render(e.to_string()))?;
        let mut response = HttpResponse::build(status);
        response
            .content_type("text/html; charset=utf-8")
            .insert_header((header::CONTENT_LANGUAGE, self.lang.to_string()))
            .insert_header((header::CACHE_CONTROL, "no-store"));
        if self.fresh_form_token {
            response.cookie(form_cookie(&self.req, &self.form_token));
        }
        Ok(response.body(html))
    }
}

fn form_cookie(req: &HttpRequest, token: &str) -> Cookie<'static> {
    Cookie::build(FORM_COOKIE, token.to_owned())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(crate::client::is_https(req))
        .finish()
}

/// Redirect-after-post: the browser fetches `location` with GET.
pub fn redirect(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

/// `next` when it is a path on this site, else the start page: no open redirects.
/// Browsers drop tabs and newlines, read `\\` as `/`, and some proxies decode `%2F`, so a
/// path is refused if any of those could turn it into `//host` or `scheme:`; what is left
/// must resolve on this origin.
pub fn local_path(next: &str) -> &str {
    const BASE: &str = "http://pontis.invalid/";
    let lower = next.to_ascii_lowercase();
    let plain = next.starts_with('/')
        && !next.starts_with("//")
        && !next
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
        && !["%2f", "%5c", "%09", "%0a", "%0d", "%00"]
            .iter()
            .any(|encoded| lower.contains(encoded));
    let same_origin = plain
        && url::Url::parse(BASE).is_ok_and(|base| {
            base.join(next)
                .is_ok_and(|url| url.origin() == base.origin())
        });
    if same_origin { next } else { "/" }
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Renders error responses of page routes as pages in the reader's language; the login
/// redirect passes through.
pub async fn render_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    let Some(state) = res.request().app_data::<Data<AppState>>().cloned() else {
        return Ok(res.map_into_boxed_body());
    };
    let base = res.request().extensions().get::<PageBase>().cloned();
    let lang = base.as_ref().map_or_else(
        || negotiate(&state, res.request(), None),
        |b| b.lang.clone(),
    );
    let message = match res.response().error() {
        Some(error) => match (error.as_error::<PageError>(), error.as_error::<ApiError>()) {
            (Some(PageError::Login { .. }), _) => return Ok(res.map_into_boxed_body()),
            (Some(PageError::Api(e)), _) | (None, Some(e)) => {
                e.body(&state.localizer, &lang).message
            }
            (Some(PageError::Csrf), _) => {
                ApiError::CsrfTokenInvalid
                    .body(&state.localizer, &lang)
                    .message
            }
            _ => {
                ApiError::from(Error::Internal(String::new()))
                    .body(&state.localizer, &lang)
                    .message
            }
        },
        None => return Ok(res.map_into_boxed_body()),
    };
    let mut context = base.map_or_else(|| json!({"path": "/"}), |b| b.base);
    if let Some(object) = context.as_object_mut() {
        object.insert("message".into(), Value::String(message));
    }
    let (request, old) = res.into_parts();
    let html = state
        .pages
        .render("error.html", &context, &lang)
        .unwrap_or_default();
    let response = HttpResponse::build(old.status())
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_LANGUAGE, lang.to_string()))
        .body(html);
    Ok(ServiceResponse::new(request, response))
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn redirects_stay_on_this_site() {
        for kept in ["/", "/t/5?lang=es", "/s/club/members#x", "/search?q=a%20b"] {
            assert_eq!(local_path(kept), kept);
        }
        for refused in [
            "/%09/evil.example",
            "/\t/evil.example",
            "//evil.example",
            "/\\evil.example",
            "/%2F/evil.example",
            "/%5c/evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "evil.example",
            "/\n/evil.example",
            "/ /evil.example",
            "",
        ] {
            assert_eq!(local_path(refused), "/", "{refused:?}");
        }
    }
}
