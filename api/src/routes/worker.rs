//! What remote translation workers call, with a worker token: lease jobs, hand results
//! back, and share the segment cache.

use actix_web::post;
use actix_web::web::{Data, Json};
use pontis_models::Error;
use pontis_models::translation::segment_cache;
use pontis_types::{
    CompleteRequest, CompleteResponse, LeaseRequest, LeasedJob, SegmentEntries, SegmentLookup,
};

use crate::auth::WorkerAuth;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::state::AppState;

/// Leases are held per token and instance, so one worker cannot complete another's jobs.
fn owner(worker: &WorkerAuth, instance: &str) -> Result<String, ApiError> {
    let instance = instance.trim();
    if instance.is_empty() || instance.len() > 200 {
        return Err(ApiError::InvalidJson(
            "instance must be 1 to 200 characters".into(),
        ));
    }
    Ok(format!("remote:{}:{instance}", worker.0.id))
}

/// Lease up to `limit` jobs for `lease_seconds`.
#[utoipa::path(
    tag = "worker",
    request_body = LeaseRequest,
    responses(
        (status = 200, body = Vec<LeasedJob>),
        (status = 400, body = ErrorBody, description = "invalid_json, invalid_limit"),
        (status = 401, body = ErrorBody, description = "unauthenticated: not a worker token"),
    )
)]
#[post("/worker/lease")]
pub async fn lease(
    state: Data<AppState>,
    worker: WorkerAuth,
    body: Json<LeaseRequest>,
) -> ApiResult<Json<Vec<LeasedJob>>> {
    let owner = owner(&worker, &body.instance)?;
    if !(1..=1024).contains(&body.limit) {
        return Err(Error::InvalidLimit { max: 1024 }.into());
    }
    if !(10..=3600).contains(&body.lease_seconds) {
        return Err(ApiError::InvalidJson(
            "lease_seconds must be 10 to 3600".into(),
        ));
    }
    let (limit, seconds) = (body.limit, body.lease_seconds);
    Ok(Json(
        state
            .run(move |db| {
                pontis_models::translation::lease::lease(
                    db,
                    &owner,
                    limit,
                    chrono::Duration::seconds(seconds),
                )
            })
            .await?,
    ))
}

/// Hand back a job's outcome; `applied` is false when the lease was lost meanwhile.
#[utoipa::path(
    tag = "worker",
    request_body = CompleteRequest,
    responses((status = 200, body = CompleteResponse), (status = 401, body = ErrorBody))
)]
#[post("/worker/complete")]
pub async fn complete(
    state: Data<AppState>,
    worker: WorkerAuth,
    body: Json<CompleteRequest>,
) -> ApiResult<Json<CompleteResponse>> {
    let owner = owner(&worker, &body.instance)?;
    let body = body.into_inner();
    let applied = state
        .run(move |db| {
            pontis_models::translation::lease::complete(
                db,
                &owner,
                body.job_id,
                body.revision,
                &body.outcome,
            )
        })
        .await?;
    Ok(Json(CompleteResponse { applied }))
}

/// Cached sentence translations for these keys.
#[utoipa::path(
    tag = "worker",
    request_body = SegmentLookup,
    responses((status = 200, body = SegmentEntries), (status = 401, body = ErrorBody))
)]
#[post("/worker/segments/lookup")]
pub async fn lookup_segments(
    state: Data<AppState>,
    _worker: WorkerAuth,
    body: Json<SegmentLookup>,
) -> ApiResult<Json<SegmentEntries>> {
    let keys = body.into_inner().keys;
    let entries = state
        .run(move |db| segment_cache::cached_segments(db, &keys))
        .await?;
    Ok(Json(SegmentEntries { entries }))
}

/// Store sentence translations in the shared cache.
#[utoipa::path(
    tag = "worker",
    request_body = SegmentEntries,
    responses((status = 204), (status = 401, body = ErrorBody))
)]
#[post("/worker/segments")]
pub async fn store_segments(
    state: Data<AppState>,
    _worker: WorkerAuth,
    body: Json<SegmentEntries>,
) -> ApiResult<actix_web::HttpResponse> {
    let entries: Vec<(String, String)> = body.into_inner().entries.into_iter().collect();
    state
        .run(move |db| segment_cache::store_segments(db, &entries))
        .await?;
    Ok(actix_web::HttpResponse::NoContent().finish())
}
