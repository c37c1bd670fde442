//! Who is asking: a bearer token, or the session cookie with a CSRF token on writes.

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use pontis_models::Actor;
use pontis_models::accounts::{self, Authenticated, Credential};
use pontis_models::workers::{self, WorkerIdentity};
use pontis_types::limits::SESSION_DAYS;
use sha2::{Digest, Sha256};

use crate::error::{ApiError, UserLocale};
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "pontis_session";
pub const CSRF_HEADER: &str = "X-CSRF-Token";

/// The authenticated user; a handler that takes one refuses anonymous requests.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub Authenticated);

impl CurrentUser {
    pub fn actor(&self) -> Actor {
        self.0.actor
    }
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| pontis_models::Error::Internal("no app state".into()))?;
            let bearer = bearer_token(&req);
            let (token, by_cookie) = match bearer {
                Some(token) => (token, false),
                None => match req.cookie(SESSION_COOKIE) {
                    Some(cookie) => (cookie.value().to_owned(), true),
                    None => return Err(pontis_models::Error::Unauthenticated.into()),
                },
            };
            let policy = state.sessions;
            let auth = state
                .run(move |db| accounts::authenticate(db, &token, policy))
                .await?;
            req.extensions_mut().insert(UserLocale(auth.locale.clone()));
            // A cookie rides along on any request the browser makes, a cross-site form's
            // too; a header with the session's CSRF token proves the page is ours.
            let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
            if by_cookie && !safe {
                let sent = req
                    .headers()
                    .get(CSRF_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                let valid = match &auth.credential {
                    Credential::Session { csrf_token, .. } => same_secret(sent, csrf_token),
                    Credential::ApiToken { .. } => false,
                };
                if !valid {
                    return Err(ApiError::CsrfTokenInvalid);
                }
            }
            Ok(CurrentUser(auth))
        })
    }
}

/// A translation worker, by its worker token; user credentials are refused here, and
/// worker tokens are refused everywhere else.
#[derive(Debug, Clone)]
pub struct WorkerAuth(pub WorkerIdentity);

impl FromRequest for WorkerAuth {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req);
        Box::pin(async move {
            let state =
                state.ok_or_else(|| pontis_models::Error::Internal("no app state".into()))?;
            let token = token.ok_or(pontis_models::Error::Unauthenticated)?;
            Ok(WorkerAuth(
                state
                    .run(move |db| workers::authenticate(db, &token))
                    .await?,
            ))
        })
    }
}

/// The token of an `Authorization: Bearer …` header.
fn bearer_token(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_owned())
}

/// Compares digests, so the comparison's timing says nothing about the secret.
pub(crate) fn same_secret(sent: &str, expected: &str) -> bool {
    !sent.is_empty() && Sha256::digest(sent.as_bytes()) == Sha256::digest(expected.as_bytes())
}

/// The browser session cookie: HttpOnly, SameSite=Lax, and Secure when served over HTTPS.
pub fn session_cookie(req: &HttpRequest, token: &str) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, token.to_owned())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(crate::client::is_https(req))
        .max_age(time::Duration::days(SESSION_DAYS))
        .finish()
}

/// The browser's User-Agent header, to name a new session in the user's list.
pub fn user_agent(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

pub fn expired_session_cookie(req: &HttpRequest) -> Cookie<'static> {
    let mut cookie = session_cookie(req, "");
    cookie.make_removal();
    cookie
}
