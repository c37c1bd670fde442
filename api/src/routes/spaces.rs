//! Spaces and their members.

use actix_web::web::{Data, Json, Path};
use actix_web::{HttpResponse, delete, get, patch, post};
use pontis_models::spaces;
use pontis_types::{
    CreateSpaceRequest, JoinSpaceRequest, MemberView, RotateInviteRequest, SpaceView,
    UpdateMemberRequest, UpdateSpaceRequest,
};

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::rate_limit::UserAction;
use crate::routes::OptionalJson;
use crate::state::AppState;

/// Create a space; its creator becomes its owner.
#[utoipa::path(
    tag = "spaces",
    request_body = CreateSpaceRequest,
    responses(
        (status = 201, body = SpaceView),
    )
)]
#[post("/spaces")]
pub async fn create_space(
    state: Data<AppState>,
    user: CurrentUser,
    body: Json<CreateSpaceRequest>,
) -> ApiResult<HttpResponse> {
    state
        .limits
        .check_user(UserAction::CreateSpace, user.actor().user_id)?;
    let space = state
        .run(move |db| spaces::create(db, &user.actor(), body.into_inner()))
        .await?;
    Ok(HttpResponse::Created().json(space))
}

/// The spaces the user can see: their own first, then public ones.
#[utoipa::path(tag = "spaces", responses((status = 200, body = Vec<SpaceView>)))]
#[get("/spaces")]
pub async fn list_spaces(
    state: Data<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<Vec<SpaceView>>> {
    Ok(Json(
        state.run(move |db| spaces::list(db, &user.actor())).await?,
    ))
}

/// One space. Members-only spaces are not found by non-members.
#[utoipa::path(
    tag = "spaces",
    params(("slug" = String, Path)),
    responses((status = 200, body = SpaceView))
)]
#[get("/spaces/{slug}")]
pub async fn get_space(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
) -> ApiResult<Json<SpaceView>> {
    Ok(Json(
        state
            .run(move |db| spaces::get(db, &user.actor(), &slug))
            .await?,
    ))
}

/// Join a public space, or a members-only one with its invite code.
#[utoipa::path(
    tag = "spaces",
    params(("slug" = String, Path)),
    request_body(content = Option<JoinSpaceRequest>, description = "May be left out for public spaces"),
    responses(
        (status = 200, body = SpaceView),
    )
)]
#[post("/spaces/{slug}/join")]
pub async fn join_space(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
    OptionalJson(input): OptionalJson<JoinSpaceRequest>,
) -> ApiResult<Json<SpaceView>> {
    state
        .limits
        .check_user(UserAction::Join, user.actor().user_id)?;
    Ok(Json(
        state
            .run(move |db| spaces::join(db, &user.actor(), &slug, input))
            .await?,
    ))
}

/// Leave a space. The last owner cannot leave.
#[utoipa::path(
    tag = "spaces",
    params(("slug" = String, Path)),
    responses((status = 204))
)]
#[post("/spaces/{slug}/leave")]
pub async fn leave_space(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
) -> ApiResult<HttpResponse> {
    state
        .run(move |db| spaces::leave(db, &user.actor(), &slug))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The members of a space, with the languages they read; for members.
#[utoipa::path(
    tag = "spaces",
    params(("slug" = String, Path)),
    responses((status = 200, body = Vec<MemberView>))
)]
#[get("/spaces/{slug}/members")]
pub async fn list_members(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
) -> ApiResult<Json<Vec<MemberView>>> {
    Ok(Json(
        state
            .run(move |db| spaces::members(db, &user.actor(), &slug))
            .await?,
    ))
}

/// Set a member's role; owners only.
#[utoipa::path(
    tag = "spaces",
    params(("slug" = String, Path), ("handle" = String, Path)),
    request_body = UpdateMemberRequest,
    responses(
        (status = 200, body = MemberView),
    )
)]
#[patch("/spaces/{slug}/members/{handle}")]
pub async fn update_member(
    state: Data<AppState>,
    user: CurrentUser,
    path: Path<(String, String)>,
    body: Json<UpdateMemberRequest>,
) -> ApiResult<Json<MemberView>> {
    let (slug, handle) = path.into_inner();
    Ok(Json(
        state
            .run(move |db| spaces::set_role(db, &user.actor(), &slug, &handle, body.role))
            .await?,
    ))
}

/// Remove a member. Teachers remove students; owners remove anyone but the last owner.
#[utoipa::path(
    tag = "spaces",
    params(("slug" = String, Path), ("handle" = String, Path)),
    responses(
        (status = 204),
    )
)]
#[delete("/spaces/{slug}/members/{handle}")]
pub async fn remove_member(
    state: Data<AppState>,
    user: CurrentUser,
    path: Path<(String, String)>,
) -> ApiResult<HttpResponse> {
    let (slug, handle) = path.into_inner();
    state
        .run(move |db| spaces::remove_member(db, &user.actor(), &slug, &handle))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Replace the invitation code, optionally with an expiry and a use limit; the old code
/// stops working at once. Moderators only.
#[utoipa::path(
    tag = "spaces",
    params(("slug" = String, Path)),
    request_body(content = Option<RotateInviteRequest>),
    responses(
        (status = 200, body = SpaceView),
    )
)]
#[post("/spaces/{slug}/invite")]
pub async fn rotate_invite(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
    OptionalJson(input): OptionalJson<RotateInviteRequest>,
) -> ApiResult<Json<SpaceView>> {
    Ok(Json(
        state
            .run(move |db| spaces::rotate_invite(db, &user.actor(), &slug, input))
            .await?,
    ))
}

/// Rename a space, describe it, or change its visibility. Owners only.
#[utoipa::path(
    tag = "spaces",
    params(("slug" = String, Path)),
    request_body = UpdateSpaceRequest,
    responses(
        (status = 200, body = SpaceView),
    )
)]
#[patch("/spaces/{slug}")]
pub async fn update_space(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
    body: Json<UpdateSpaceRequest>,
) -> ApiResult<Json<SpaceView>> {
    let input = body.into_inner();
    Ok(Json(
        state
            .run(move |db| spaces::update(db, &user.actor(), &slug, input))
            .await?,
    ))
}
