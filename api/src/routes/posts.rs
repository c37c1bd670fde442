//! Single posts: reading, editing with history, fixing the language, deleting, hiding,
//! reporting.

use actix_web::web::{Data, Json, Path, Query};
use actix_web::{HttpResponse, delete, get, patch, post};
use pontis_models::{moderation, posts};
use pontis_types::{
    EditPostRequest, PostView, ReasonRequest, ReportRequest, ReportView, RevisionView,
    SetLanguageRequest,
};

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::rate_limit::UserAction;
use crate::routes::{LangQuery, OptionalJson};
use crate::state::AppState;

/// One post, with its translation into the reader's language where needed.
#[utoipa::path(
    tag = "posts",
    params(("id" = i64, Path), LangQuery),
    responses(
        (status = 200, body = PostView),
    )
)]
#[get("/posts/{id}")]
pub async fn get_post(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    query: Query<LangQuery>,
) -> ApiResult<Json<PostView>> {
    let id = id.into_inner();
    let lang = query.into_inner().lang;
    Ok(Json(
        state
            .run(move |db| posts::get_post(db, &user.actor(), id, lang.as_deref()))
            .await?,
    ))
}

/// Edit a post; the author (while allowed to post) or a moderator. Keeps the old revision.
#[utoipa::path(
    tag = "posts",
    params(("id" = i64, Path)),
    request_body = EditPostRequest,
    responses(
        (status = 200, body = PostView),
    )
)]
#[patch("/posts/{id}")]
pub async fn edit_post(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    body: Json<EditPostRequest>,
) -> ApiResult<Json<PostView>> {
    let id = id.into_inner();
    state
        .limits
        .check_user(UserAction::Edit, user.actor().user_id)?;
    Ok(Json(
        state
            .run(move |db| posts::edit_post(db, &user.actor(), id, body.into_inner()))
            .await?,
    ))
}

/// Fix the language a post is tagged with; the author (while allowed to post) or a
/// moderator. A new revision of the same text: every translation is made again from the
/// right language.
#[utoipa::path(
    tag = "posts",
    params(("id" = i64, Path)),
    request_body = SetLanguageRequest,
    responses(
        (status = 200, body = PostView),
    )
)]
#[post("/posts/{id}/language")]
pub async fn set_post_language(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    body: Json<SetLanguageRequest>,
) -> ApiResult<Json<PostView>> {
    let id = id.into_inner();
    state
        .limits
        .check_user(UserAction::Edit, user.actor().user_id)?;
    Ok(Json(
        state
            .run(move |db| posts::set_language(db, &user.actor(), id, &body.lang))
            .await?,
    ))
}

/// Delete a post; the author or a moderator. Its body is never shown again.
#[utoipa::path(
    tag = "posts",
    params(("id" = i64, Path)),
    responses((status = 204))
)]
#[delete("/posts/{id}")]
pub async fn delete_post(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state
        .run(move |db| posts::delete_post(db, &user.actor(), id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A post's edit history, oldest first; for its author and the space's moderators.
#[utoipa::path(
    tag = "posts",
    params(("id" = i64, Path)),
    responses(
        (status = 200, body = Vec<RevisionView>),
    )
)]
#[get("/posts/{id}/revisions")]
pub async fn list_revisions(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
) -> ApiResult<Json<Vec<RevisionView>>> {
    let id = id.into_inner();
    Ok(Json(
        state
            .run(move |db| posts::revisions(db, &user.actor(), id))
            .await?,
    ))
}

/// Hide a post from everyone but moderators and its author. Moderators only.
#[utoipa::path(
    tag = "moderation",
    params(("id" = i64, Path)),
    request_body(content = Option<ReasonRequest>),
    responses((status = 200, body = PostView))
)]
#[post("/posts/{id}/hide")]
pub async fn hide_post(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    body: OptionalJson<ReasonRequest>,
) -> ApiResult<Json<PostView>> {
    set_hidden(state, user, id.into_inner(), body.0, true).await
}

/// Show a hidden post again. Moderators only.
#[utoipa::path(
    tag = "moderation",
    params(("id" = i64, Path)),
    request_body(content = Option<ReasonRequest>),
    responses((status = 200, body = PostView))
)]
#[post("/posts/{id}/unhide")]
pub async fn unhide_post(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    body: OptionalJson<ReasonRequest>,
) -> ApiResult<Json<PostView>> {
    set_hidden(state, user, id.into_inner(), body.0, false).await
}

async fn set_hidden(
    state: Data<AppState>,
    user: CurrentUser,
    id: i64,
    reason: ReasonRequest,
    hidden: bool,
) -> ApiResult<Json<PostView>> {
    Ok(Json(
        state
            .run(move |db| moderation::set_post_hidden(db, &user.actor(), id, hidden, reason))
            .await?,
    ))
}

/// Report a post to the space's moderators; any member who can see it.
#[utoipa::path(
    tag = "moderation",
    params(("id" = i64, Path)),
    request_body = ReportRequest,
    responses(
        (status = 201, body = ReportView),
    )
)]
#[post("/posts/{id}/reports")]
pub async fn report_post(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    body: Json<ReportRequest>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state
        .limits
        .check_user(UserAction::Report, user.actor().user_id)?;
    let report = state
        .run(move |db| moderation::report_post(db, &user.actor(), id, body.into_inner()))
        .await?;
    Ok(HttpResponse::Created().json(report))
}
