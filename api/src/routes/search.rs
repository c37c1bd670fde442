//! Search across every language a post is stored in.

use actix_web::get;
use actix_web::web::{self, Data, Json, Query};
use pontis_models::Actor;
use pontis_search::{FindError, SearchError, find};
use pontis_types::FindRequest;
use pontis_types::SearchResults;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::rate_limit::UserAction;
use crate::state::AppState;

/// Posts matching the words in their original or in any translation, one result per post,
/// shown in the reader's language with a snippet of the text that matched. Only posts the
/// reader may read are ever found.
#[utoipa::path(
    tag = "search",
    params(FindRequest),
    responses(
        (status = 200, body = SearchResults),
    )
)]
#[get("/search")]
pub async fn search(
    state: Data<AppState>,
    user: CurrentUser,
    request: Query<FindRequest>,
) -> ApiResult<Json<SearchResults>> {
    Ok(Json(
        find_posts(state, user.actor(), request.into_inner()).await?,
    ))
}

/// Runs a search off the async runtime, for the API and the search page alike. A backend
/// that cannot be reached is `search_unavailable`; other backend failures are internal.
pub async fn find_posts(
    state: Data<AppState>,
    actor: Actor,
    request: FindRequest,
) -> ApiResult<SearchResults> {
    state.limits.check_user(UserAction::Search, actor.user_id)?;
    let found = web::block(move || find(&state.db, state.search.as_ref(), &actor, request))
        .await
        .map_err(|e| pontis_models::Error::Internal(format!("blocking task: {e}")))?;
    match found {
        Ok(results) => Ok(results),
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
