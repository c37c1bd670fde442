//! Errors as data: `{"code", "message", "type"}` with the right status. Handlers return
//! [`ApiError`] with an English message; [`localize_errors`] rewrites the message in the
//! requester's language on the way out, in one place for every route and extractor.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError, web};
use pontis_frontend::i18n::accept_language;
pub use pontis_models::api_types::ErrorBody;
use pontis_models::{Error, ErrorKind};
use unic_langid::LanguageIdentifier;

use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Domain(#[from] Error),
    #[error("invalid JSON body: {0}")]
    InvalidJson(String),
    #[error("invalid query string: {0}")]
    InvalidQuery(String),
    #[error("invalid path: {0}")]
    InvalidPath(String),
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("rate limited for {seconds} s")]
    RateLimited { seconds: u64 },
    #[error("missing or wrong CSRF token")]
    CsrfTokenInvalid,
    #[error("no route")]
    RouteNotFound,
    #[error("database unreachable")]
    ServiceUnavailable,
    #[error("search index unreachable")]
    SearchUnavailable,
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Domain(e) => e.code(),
            Self::InvalidJson(_) => "invalid_json",
            Self::InvalidQuery(_) => "invalid_query",
            Self::InvalidPath(_) => "invalid_path",
            Self::PayloadTooLarge => "payload_too_large",
            Self::RateLimited { .. } => "rate_limited",
            Self::CsrfTokenInvalid => "csrf_token_invalid",
            Self::RouteNotFound => "route_not_found",
            Self::ServiceUnavailable => "service_unavailable",
            Self::SearchUnavailable => "search_unavailable",
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Domain(e) => e.kind(),
            Self::CsrfTokenInvalid => ErrorKind::Auth,
            Self::RouteNotFound => ErrorKind::NotFound,
            Self::ServiceUnavailable | Self::SearchUnavailable => ErrorKind::Internal,
            _ => ErrorKind::InvalidRequest,
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Domain(e) => e.args(),
            Self::InvalidJson(detail) | Self::InvalidQuery(detail) | Self::InvalidPath(detail) => {
                vec![("detail", detail.clone())]
            }
            Self::RateLimited { seconds } => vec![("seconds", seconds.to_string())],
            _ => Vec::new(),
        }
    }

    pub fn body(&self, state: &AppState, lang: &LanguageIdentifier) -> ErrorBody {
        let id = format!("error-{}", self.code().replace('_', "-"));
        ErrorBody {
            code: self.code().to_owned(),
            message: state.localizer.message(lang, &id, &self.args()),
            kind: self.kind(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        let code = match self {
            Self::Domain(e) => e.status(),
            Self::PayloadTooLarge => 413,
            Self::RateLimited { .. } => 429,
            Self::CsrfTokenInvalid => 403,
            Self::RouteNotFound => 404,
            Self::ServiceUnavailable | Self::SearchUnavailable => 503,
            Self::InvalidJson(_) | Self::InvalidQuery(_) | Self::InvalidPath(_) => 400,
        };
        StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The English body; `localize_errors` replaces the message. Internal details go to the
    /// log, never to the client.
    fn error_response(&self) -> HttpResponse {
        if let Self::Domain(Error::Internal(detail)) = self {
            tracing::error!(%detail, "internal error");
        }
        let mut response = HttpResponse::build(self.status_code());
        if let Self::RateLimited { seconds } = self {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        response.json(ErrorBody {
            code: self.code().to_owned(),
            message: self.to_string(),
            kind: self.kind(),
        })
    }
}

/// The signed-in user's UI locale, left in the request by the auth extractor.
#[derive(Debug, Clone)]
pub struct UserLocale(pub String);

/// Picks the error message language: the user's setting, then Accept-Language, then English.
pub async fn localize_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    let Some(state) = res.request().app_data::<web::Data<AppState>>().cloned() else {
        return Ok(res.map_into_boxed_body());
    };
    let Some(error) = res
        .response()
        .error()
        .and_then(|e| e.as_error::<ApiError>())
    else {
        return Ok(res.map_into_boxed_body());
    };
    let mut preferences: Vec<String> = res
        .request()
        .extensions()
        .get::<UserLocale>()
        .map(|l| l.0.clone())
        .into_iter()
        .collect();
    if let Some(accept) = res
        .request()
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    {
        preferences.extend(accept_language(accept));
    }
    let lang = state
        .localizer
        .negotiate(preferences.iter().map(String::as_str));
    let body = error.body(&state, &lang);
    let content_language =
        HeaderValue::from_str(&lang.to_string()).unwrap_or_else(|_| HeaderValue::from_static("en"));
    let (request, old) = res.into_parts();
    let mut response = HttpResponse::build(old.status()).json(body);
    for (name, value) in old.headers() {
        if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
            response.headers_mut().append(name.clone(), value.clone());
        }
    }
    response
        .headers_mut()
        .insert(header::CONTENT_LANGUAGE, content_language);
    Ok(ServiceResponse::new(request, response))
}

pub type ApiResult<T> = Result<T, ApiError>;
