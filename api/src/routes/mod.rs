//! One handler per action, grouped by resource. Handlers stay thin: they extract,
//! run the domain action off the async runtime, and shape the response.

pub mod accounts;
pub mod admin;
pub mod events;
pub mod meta;
pub mod metrics;
pub mod moderation;
pub mod notifications;
pub mod posts;
pub mod search;
pub mod spaces;
pub mod steering;
pub mod threads;
pub mod worker;

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa::IntoParams;

use pontis_types::limits::PAGE_DEFAULT;

use crate::error::ApiError;

/// A JSON body that may be left out entirely; when present it must be JSON of the type,
/// sent as `application/json`, and within the size limit, with the same errors as `Json`.
pub struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Default + 'static> FromRequest for OptionalJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = req.mime_type().ok().flatten().is_some_and(|mime| {
            mime.type_() == actix_web::mime::APPLICATION
                && (mime.subtype() == actix_web::mime::JSON
                    || mime.suffix() == Some(actix_web::mime::JSON))
        });
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let bytes = bytes
                .await
                .map_err(|e| match e.as_error::<PayloadError>() {
                    Some(PayloadError::Overflow) => ApiError::PayloadTooLarge,
                    _ => ApiError::InvalidJson(e.to_string()),
                })?;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(Self(T::default()));
            }
            if !is_json {
                return Err(ApiError::UnsupportedMediaType);
            }
            // `null` says "no body" as well as an empty one does. Anything else must be an
            // object: serde would also read a struct from an array of its fields.
            let value: serde_json::Value =
                serde_json::from_slice(&bytes).map_err(|e| ApiError::InvalidJson(e.to_string()))?;
            match value {
                serde_json::Value::Null => Ok(Self(T::default())),
                serde_json::Value::Object(_) => serde_json::from_value(value)
                    .map(Self)
                    .map_err(|e| ApiError::InvalidJson(e.to_string())),
                _ => Err(ApiError::InvalidJson("the body must be an object".into())),
            }
        })
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100; default 50.
    pub limit: Option<usize>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ThreadQuery {
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Posts per page, 1 to 100; default 50.
    pub limit: Option<usize>,
    /// Read in this language (BCP 47); default: the reader's first language.
    pub lang: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// Read in this language (BCP 47); default: the reader's first language.
    pub lang: Option<String>,
}

impl PageQuery {
    pub fn limit(&self) -> usize {
        self.limit.unwrap_or(PAGE_DEFAULT)
    }
}
