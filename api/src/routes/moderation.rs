//! The moderators' space-wide tools: reports queue, bans, moderation log.

use actix_web::web::{Data, Json, Path, Query};
use actix_web::{HttpResponse, delete, get, post};
use pontis_models::moderation;
use pontis_types::{
    BanRequest, BanView, ModLogPage, ReportPage, ReportView, ResolveReportRequest,
    ResolveReportsRequest, ResolvedReports,
};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::routes::{OptionalJson, PageQuery};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportsQuery {
    /// Include resolved reports too (then newest first).
    #[serde(default)]
    pub all: bool,
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Reports per page, 1 to 100; default 50.
    pub limit: Option<usize>,
}

/// The space's reports queue: open reports, oldest first, a page at a time. Moderators
/// only.
#[utoipa::path(
    tag = "moderation",
    params(("slug" = String, Path), ReportsQuery),
    responses((status = 200, body = ReportPage))
)]
#[get("/spaces/{slug}/reports")]
pub async fn list_reports(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
    query: Query<ReportsQuery>,
) -> ApiResult<Json<ReportPage>> {
    let query = query.into_inner();
    let limit = query.limit.unwrap_or(pontis_types::limits::PAGE_DEFAULT);
    Ok(Json(
        state
            .run(move |db| {
                moderation::list_reports(
                    db,
                    &user.actor(),
                    &slug,
                    query.all,
                    query.cursor.as_deref(),
                    limit,
                )
            })
            .await?,
    ))
}

/// Resolve many open reports of the space at once. Moderators only.
#[utoipa::path(
    tag = "moderation",
    params(("slug" = String, Path)),
    request_body = ResolveReportsRequest,
    responses(
        (status = 200, body = ResolvedReports),
    )
)]
#[post("/spaces/{slug}/reports/resolve")]
pub async fn resolve_reports(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
    body: Json<ResolveReportsRequest>,
) -> ApiResult<Json<ResolvedReports>> {
    let input = body.into_inner();
    Ok(Json(
        state
            .run(move |db| moderation::resolve_reports(db, &user.actor(), &slug, input))
            .await?,
    ))
}

/// Resolve a report. Moderators of its space only.
#[utoipa::path(
    tag = "moderation",
    params(("id" = i64, Path)),
    request_body(content = Option<ResolveReportRequest>),
    responses(
        (status = 200, body = ReportView),
    )
)]
#[post("/reports/{id}/resolve")]
pub async fn resolve_report(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    OptionalJson(input): OptionalJson<ResolveReportRequest>,
) -> ApiResult<Json<ReportView>> {
    let id = id.into_inner();
    Ok(Json(
        state
            .run(move |db| moderation::resolve_report(db, &user.actor(), id, input))
            .await?,
    ))
}

/// Bans in force in the space. Moderators only.
#[utoipa::path(
    tag = "moderation",
    params(("slug" = String, Path)),
    responses((status = 200, body = Vec<BanView>))
)]
#[get("/spaces/{slug}/bans")]
pub async fn list_bans(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
) -> ApiResult<Json<Vec<BanView>>> {
    Ok(Json(
        state
            .run(move |db| moderation::list_bans(db, &user.actor(), &slug))
            .await?,
    ))
}

/// Ban a user from posting in the space, until a time or for good. Moderators only.
#[utoipa::path(
    tag = "moderation",
    params(("slug" = String, Path)),
    request_body = BanRequest,
    responses(
        (status = 201, body = BanView),
    )
)]
#[post("/spaces/{slug}/bans")]
pub async fn ban_user(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
    body: Json<BanRequest>,
) -> ApiResult<HttpResponse> {
    let ban = state
        .run(move |db| moderation::ban(db, &user.actor(), &slug, body.into_inner()))
        .await?;
    Ok(HttpResponse::Created().json(ban))
}

/// Lift a ban. Moderators only.
#[utoipa::path(
    tag = "moderation",
    params(("slug" = String, Path), ("handle" = String, Path)),
    responses((status = 204))
)]
#[delete("/spaces/{slug}/bans/{handle}")]
pub async fn unban_user(
    state: Data<AppState>,
    user: CurrentUser,
    path: Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (slug, handle) = path.into_inner();
    state
        .run(move |db| moderation::unban(db, &user.actor(), &slug, &handle))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The space's moderation log, newest first. Moderators only: it names students.
#[utoipa::path(
    tag = "moderation",
    params(("slug" = String, Path), PageQuery),
    responses((status = 200, body = ModLogPage))
)]
#[get("/spaces/{slug}/modlog")]
pub async fn modlog(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
    page: Query<PageQuery>,
) -> ApiResult<Json<ModLogPage>> {
    Ok(Json(
        state
            .run(move |db| {
                pontis_models::modlog::modlog(
                    db,
                    &user.actor(),
                    &slug,
                    page.cursor.as_deref(),
                    page.limit(),
                )
            })
            .await?,
    ))
}
