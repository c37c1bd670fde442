//! Search across every language a post is stored in.

use actix_web::get;
use actix_web::web::{Data, Json, Query};
use chrono::{DateTime, Utc};
use pontis_models::api_types::SearchResults;
use pontis_search::{FindError, FindRequest, SearchError, find};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words to look for, in any language; every word must match.
    pub q: String,
    /// Only this space (its slug).
    pub space: Option<String>,
    /// Only posts by this handle.
    pub author: Option<String>,
    /// Show results in this language (BCP 47); default: the reader's first language.
    pub lang: Option<String>,
    /// Only posts written in this language.
    pub origin_lang: Option<String>,
    /// Only posts written at or after this time (RFC 3339).
    pub since: Option<DateTime<Utc>>,
    /// Only posts written at or before this time (RFC 3339).
    pub until: Option<DateTime<Utc>>,
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Results per page, 1 to 100; default 20.
    pub limit: Option<usize>,
}

/// Posts matching the words in their original or in any translation, one result per post,
/// shown in the reader's language with a snippet of the text that matched. Only posts the
/// reader may read are ever found.
#[utoipa::path(
    tag = "search",
    params(SearchParams),
    responses(
        (status = 200, body = SearchResults),
        (status = 400, body = ErrorBody, description = "search_query_empty, search_query_too_long, invalid_date_range, invalid_language_tag, invalid_cursor, invalid_limit"),
        (status = 404, body = ErrorBody, description = "space_not_found, user_not_found"),
        (status = 503, body = ErrorBody, description = "search_unavailable"),
    )
)]
#[get("/search")]
pub async fn search(
    state: Data<AppState>,
    user: CurrentUser,
    params: Query<SearchParams>,
) -> ApiResult<Json<SearchResults>> {
    let p = params.into_inner();
    let request = FindRequest {
        q: p.q,
        space: p.space,
        author: p.author,
        lang: p.lang,
        origin_lang: p.origin_lang,
        since: p.since,
        until: p.until,
        cursor: p.cursor,
        limit: p.limit,
    };
    let actor = user.actor();
    let found =
        actix_web::web::block(move || find(&state.db, state.search.as_ref(), &actor, request))
            .await
            .map_err(|e| pontis_models::Error::Internal(format!("blocking task: {e}")))?;
    match found {
        Ok(results) => Ok(Json(results)),
        Err(FindError::Domain(error)) => Err(error.into()),
        Err(FindError::Search(SearchError::Unavailable(reason))) => {
            tracing::warn!(%reason, "search backend unavailable");
            Err(ApiError::SearchUnavailable)
        }
        Err(FindError::Search(other)) => {
            Err(pontis_models::Error::Internal(other.to_string()).into())
        }
    }
}
