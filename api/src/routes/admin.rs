//! What global administrators see of the whole instance.

use actix_web::web::{Data, Json, Path, Query};
use actix_web::{HttpResponse, delete, get, post};
use pontis_models::translation::jobs;
use pontis_models::workers;
use pontis_types::limits::PAGE_DEFAULT;
use pontis_types::{CreateWorkerRequest, CreatedWorkerView, JobState, JobView, WorkerView};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JobsQuery {
    /// Only jobs in this state; all when absent.
    pub state: Option<JobState>,
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
    )
)]
#[get("/admin/translation-jobs")]
pub async fn translation_jobs(
    state: Data<AppState>,
    user: CurrentUser,
    query: Query<JobsQuery>,
) -> ApiResult<Json<Vec<JobView>>> {
    let query = query.into_inner();
    Ok(Json(
        state
            .run(move |db| {
                jobs::list_jobs(
                    db,
                    &user.actor(),
                    query.state,
                    query.limit.unwrap_or(PAGE_DEFAULT),
                )
            })
            .await?,
    ))
}

/// Put a job back in the queue with its attempts cleared (a failed one, once its engine
/// is fixed). A job a worker holds now is left to it. Global administrators only.
#[utoipa::path(
    tag = "admin",
    params(("id" = i64, Path)),
    responses(
        (status = 200, body = JobView),
    )
)]
#[post("/admin/translation-jobs/{id}/retry")]
pub async fn retry_translation_job(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
) -> ApiResult<Json<JobView>> {
    let id = id.into_inner();
    Ok(Json(
        state
            .run(move |db| jobs::retry(db, &user.actor(), id))
            .await?,
    ))
}

/// Create a token for a translation worker on another machine. Global administrators only.
#[utoipa::path(
    tag = "admin",
    request_body = CreateWorkerRequest,
    responses(
        (status = 201, body = CreatedWorkerView),
    )
)]
#[post("/admin/workers")]
pub async fn create_worker(
    state: Data<AppState>,
    user: CurrentUser,
    body: Json<CreateWorkerRequest>,
) -> ApiResult<HttpResponse> {
    let created = state
        .run(move |db| workers::create(db, &user.actor(), body.into_inner()))
        .await?;
    Ok(HttpResponse::Created().json(created))
}

/// The worker tokens (never their secrets). Global administrators only.
#[utoipa::path(
    tag = "admin",
    responses((status = 200, body = Vec<WorkerView>))
)]
#[get("/admin/workers")]
pub async fn list_workers(
    state: Data<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<WorkerView>>> {
    Ok(Json(
        state
            .run(move |db| workers::list(db, &user.actor()))
            .await?,
    ))
}

/// Revoke a worker token. Global administrators only.
#[utoipa::path(
    tag = "admin",
    params(("id" = i64, Path)),
    responses(
        (status = 204),
    )
)]
#[delete("/admin/workers/{id}")]
pub async fn revoke_worker(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state
        .run(move |db| workers::revoke(db, &user.actor(), id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
