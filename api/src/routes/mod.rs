//! One handler per action, grouped by resource. Handlers stay thin: they extract,
//! run the domain action off the async runtime, and shape the response.

pub mod accounts;
pub mod admin;
pub mod events;
pub mod meta;
pub mod moderation;
pub mod posts;
pub mod search;
pub mod spaces;
pub mod threads;
pub mod worker;

use actix_web::web;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa::IntoParams;

use pontis_types::limits::PAGE_DEFAULT;

use crate::error::ApiError;

/// A JSON body that may be left out entirely; when present it must be valid.
pub fn optional_body<T: DeserializeOwned + Default>(bytes: &web::Bytes) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes).map_err(|e| ApiError::InvalidJson(e.to_string()))
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
