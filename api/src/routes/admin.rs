//! What global administrators see of the whole instance.

use actix_web::get;
use actix_web::web::{Data, Json, Query};
use pontis_models::translation::{self, JobView};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::CurrentUser;
use crate::error::{ApiResult, ErrorBody};
use crate::routes::blocking;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JobsQuery {
    /// `queued`, `leased`, `done`, `failed` or `unreachable`; all when absent.
    pub state: Option<String>,
    /// 1 to 100; default 50.
    pub limit: Option<usize>,
}

/// The translation queue, most recently changed first, with each job's last error.
/// Global administrators only.
#[utoipa::path(
    tag = "admin",
    params(JobsQuery),
    responses(
        (status = 200, body = Vec<JobView>),
        (status = 400, body = ErrorBody, description = "invalid_limit"),
        (status = 403, body = ErrorBody, description = "permission_denied"),
    )
)]
#[get("/admin/translation-jobs")]
pub async fn translation_jobs(
    state: Data<AppState>,
    user: CurrentUser,
    query: Query<JobsQuery>,
) -> ApiResult<Json<Vec<JobView>>> {
    let db = state.db.clone();
    let query = query.into_inner();
    Ok(Json(
        blocking(move || {
            translation::list_jobs(
                &db,
                &user.actor(),
                query.state.as_deref(),
                query.limit.unwrap_or(50),
            )
        })
        .await?,
    ))
}
