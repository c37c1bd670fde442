//! About the service itself: liveness and readiness for load balancers and service
//! managers, and the OpenAPI document.

use actix_web::web::{Data, Json};
use actix_web::{HttpResponse, get};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::OpenApi as OpenApiDocument;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Status {
    pub status: &'static str,
}

/// The process is up.
#[utoipa::path(tag = "health", security(()), responses((status = 200, body = Status)))]
#[get("/health")]
pub async fn health() -> Json<Status> {
    Json(Status { status: "ok" })
}

/// The process can serve: its database answers.
#[utoipa::path(
    tag = "health",
    security(()),
    responses((status = 200, body = Status))
)]
#[get("/ready")]
pub async fn ready(state: Data<AppState>) -> ApiResult<HttpResponse> {
    let db = state.db.clone();
    let up = actix_web::web::block(move || db.ping())
        .await
        .unwrap_or(false);
    if up {
        Ok(HttpResponse::Ok().json(Status { status: "ready" }))
    } else {
        Err(ApiError::ServiceUnavailable)
    }
}

/// The OpenAPI 3 document of every route, generated from the handlers.
#[utoipa::path(tag = "health", security(()), responses((status = 200, description = "This document")))]
#[get("/openapi.json")]
pub async fn openapi_json(document: Data<OpenApiDocument>) -> HttpResponse {
    HttpResponse::Ok().json(document.get_ref())
}
