//! `GET /metrics` for Prometheus, and the middleware that counts every request. Scraping
//! takes an administrator's token, or the `metrics_token` of the configuration (for a
//! Prometheus server).

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web::Data;
use actix_web::{HttpRequest, HttpResponse, get, http::header};
use pontis_models::secrets::token_hash;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// Counts every request the app answers.
pub async fn count_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "(unmatched)".to_owned());
    let method = req.method().to_string();
    let metrics = req
        .app_data::<Data<AppState>>()
        .map(|state| std::sync::Arc::clone(&state.metrics));
    let res = next.call(req).await?;
    if let Some(metrics) = metrics {
        metrics.observe(
            &route,
            &method,
            res.status().as_u16(),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(res)
}

/// Prometheus metrics (text exposition format). An administrator's token, or the
/// configured scrape token.
#[utoipa::path(
    tag = "health",
    responses((status = 200, content_type = "text/plain", body = String))
)]
#[get("/metrics")]
pub async fn scrape(
    state: Data<AppState>,
    req: HttpRequest,
    user: Option<CurrentUser>,
) -> ApiResult<HttpResponse> {
    let scraper = state.metrics_token.as_deref().is_some_and(|expected| {
        req.headers()
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            // Digests compared, as stored tokens are: timing tells nothing of the token.
            .is_some_and(|given| token_hash(given) == token_hash(expected))
    });
    if !scraper {
        match user {
            Some(user) if user.actor().is_admin => {}
            Some(_) => return Err(pontis_models::Error::PermissionDenied.into()),
            None => return Err(pontis_models::Error::Unauthenticated.into()),
        }
    }
    let snapshot = state.run(pontis_models::monitoring::snapshot).await?;
    let text = state
        .metrics
        .render(&snapshot, state.db.queries())
        .map_err(|e| ApiError::from(pontis_models::Error::Internal(e.to_string())))?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(text))
}
