//! Errors as data: `{"code", "message", "type"}` with the right status. Handlers return
//! [`ApiError`] with an English message; [`localize_errors`] rewrites the message in the
//! requester's language on the way out, in one place for every route and extractor.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError, web};
use pontis_frontend::Localizer;
use pontis_frontend::i18n::accept_language;
use pontis_models::Error;
pub use pontis_types::ErrorBody;
use pontis_types::{Code, ErrorKind};

use unic_langid::LanguageIdentifier;

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
    #[error("the body must be application/json")]
    UnsupportedMediaType,
    #[error("rate limited for {seconds} s")]
    RateLimited { seconds: u64 },
    #[error("missing or wrong CSRF token")]
    CsrfTokenInvalid,
    #[error("no route")]
    RouteNotFound,
    /// The path exists, for the methods in `allowed` only.
    #[error("method not allowed")]
    MethodNotAllowed { allowed: Vec<String> },
    #[error("database unreachable")]
    ServiceUnavailable,
    #[error("search index unreachable")]
    SearchUnavailable,
    #[error("translation refused: {reason}")]
    InvalidTranslation { reason: String },
}

impl ApiError {
    pub fn code(&self) -> Code {
        match self {
            Self::Domain(e) => e.code(),
            Self::InvalidJson(_) => Code::InvalidJson,
            Self::InvalidQuery(_) => Code::InvalidQuery,
            Self::InvalidPath(_) => Code::InvalidPath,
            Self::PayloadTooLarge => Code::PayloadTooLarge,
            Self::UnsupportedMediaType => Code::UnsupportedMediaType,
            Self::RateLimited { .. } => Code::RateLimited,
            Self::CsrfTokenInvalid => Code::CsrfTokenInvalid,
            Self::RouteNotFound => Code::RouteNotFound,
            Self::MethodNotAllowed { .. } => Code::MethodNotAllowed,
            Self::ServiceUnavailable => Code::ServiceUnavailable,
            Self::SearchUnavailable => Code::SearchUnavailable,
            Self::InvalidTranslation { .. } => Code::InvalidTranslation,
        }
    }

    pub fn kind(&self) -> ErrorKind {
        self.code().kind()
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Domain(e) => e.args(),
            Self::InvalidJson(detail) | Self::InvalidQuery(detail) | Self::InvalidPath(detail) => {
                vec![("detail", detail.clone())]
            }
            Self::RateLimited { seconds } => vec![("seconds", seconds.to_string())],
            Self::InvalidTranslation { reason } => vec![("detail", reason.clone())],
            _ => Vec::new(),
        }
    }

    /// The body in `lang`.
    pub fn body(&self, localizer: &Localizer, lang: &LanguageIdentifier) -> ErrorBody {
        let code = self.code();
        ErrorBody {
            code: code.as_str().to_owned(),
            message: localizer.message(lang, &code.message_id(), &self.args()),
            kind: code.kind(),
        }
    }
}

/// The HTTP status of each error code: the one place where errors meet HTTP.
pub fn status_of(code: Code) -> StatusCode {
    use Code::*;
    match code {
        InvalidCredentials | Unauthenticated => StatusCode::UNAUTHORIZED,
        // A wrong current password is a refusal of a well-formed request, not a bad one,
        // and not 401: the session itself is fine.
        NotMember | Banned | PermissionDenied | CsrfTokenInvalid | InviteExpired
        | WrongPassword => {
            StatusCode::FORBIDDEN
        }
        SpaceNotFound | ThreadNotFound | PostNotFound | UserNotFound | ReportNotFound
        | BanNotFound | TokenNotFound | RouteNotFound | JobNotFound | MemberNotFound
        | SessionNotFound | NotificationNotFound => StatusCode::NOT_FOUND,
        HandleTaken
        | SlugTaken
        | AlreadyMember
        | LastOwner
        | ReportAlreadyResolved
        | AlreadyReported
        | ThreadLocked
        // The request is well formed; the space's roles or the clock refuse it.
        | CannotBanModerator
        | BanEndInPast
        | InviteExpiryInPast => StatusCode::CONFLICT,
        PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        RateLimited | OnDemandLimit => StatusCode::TOO_MANY_REQUESTS,
        InternalError => StatusCode::INTERNAL_SERVER_ERROR,
        ServiceUnavailable | SearchUnavailable => StatusCode::SERVICE_UNAVAILABLE,
        InvalidLanguageTag | InvalidHandle | InvalidPassword | DisplayNameTooLong
        | InvalidLanguageList | InvalidTokenName | InvalidSlug | InvalidSpaceName
        | DescriptionTooLong | InvalidTitle | InvalidBody | InvalidReason | InvalidCursor
        | InvalidLimit | SearchQueryEmpty | SearchQueryTooLong | InvalidJson | InvalidQuery
        | InvalidPath | InvalidTranslation | InvalidInvite => StatusCode::BAD_REQUEST,
        // Notifications by email.
        InvalidEmailAddress => StatusCode::BAD_REQUEST,
        // Glossary and corrections.
        InvalidGlossary | InvalidCorrection => StatusCode::BAD_REQUEST,
        SentenceNotFound | FlagNotFound | CorrectionNotFound => StatusCode::NOT_FOUND,
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        status_of(self.code())
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
        if let Self::MethodNotAllowed { allowed } = self {
            response.insert_header((header::ALLOW, allowed.join(", ")));
        }
        let code = self.code();
        response.json(ErrorBody {
            code: code.as_str().to_owned(),
            message: self.to_string(),
            kind: code.kind(),
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
    let Some(localizer) = res.request().app_data::<web::Data<Localizer>>().cloned() else {
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
    let lang = localizer.negotiate(preferences.iter().map(String::as_str));
    let body = error.body(&localizer, &lang);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_has_a_message_in_every_locale() {
        let localizer = Localizer::embedded().expect("the embedded messages parse");
        assert!(localizer.available().len() >= 12, "the locales are found");
        for lang in localizer.available() {
            let ids = localizer.message_ids(lang);
            for code in Code::ALL {
                assert!(
                    ids.contains(&code.message_id()),
                    "{lang} has no {} for the error code {code}",
                    code.message_id()
                );
            }
        }
    }

    #[test]
    fn every_domain_error_keeps_the_status_it_had() {
        let cases = [
            (Error::InvalidCredentials, 401),
            (Error::Banned, 403),
            (Error::PostNotFound, 404),
            (Error::SlugTaken, 409),
            (Error::ThreadLocked, 409),
            (Error::InvalidLimit { max: 100 }, 400),
            (Error::Internal("x".into()), 500),
        ];
        for (error, status) in cases {
            assert_eq!(
                ApiError::Domain(error).status_code().as_u16(),
                status,
                "status of a domain error"
            );
        }
        assert_eq!(ApiError::RateLimited { seconds: 1 }.status_code(), 429);
        assert_eq!(ApiError::SearchUnavailable.status_code(), 503);
    }
}
