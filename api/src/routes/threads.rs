//! Threads: starting, listing, reading, replying, and the moderators' thread switches.

use actix_web::web::{Data, Json, Path, Query};
use actix_web::{HttpRequest, HttpResponse, get, post};
use pontis_models::moderation::{self, ThreadFlag};
use pontis_models::posts;
use pontis_models::threads;
use pontis_types::{
    CreatePostRequest, CreateThreadRequest, PostView, ReasonRequest, ThreadList, ThreadPage,
    ThreadView, ThreadWithPostView,
};

use crate::auth::CurrentUser;
use crate::client::client_key;
use crate::error::ApiResult;
use crate::routes::{OptionalJson, PageQuery, ThreadQuery};
use crate::state::AppState;
use pontis_types::limits::PAGE_DEFAULT;

fn check_posting_limits(state: &AppState, req: &HttpRequest, user: &CurrentUser) -> ApiResult<()> {
    state
        .limits
        .check_posting(user.actor().user_id, &client_key(req))
}

/// Start a thread with its first post.
#[utoipa::path(
    tag = "threads",
    params(("slug" = String, Path)),
    request_body = CreateThreadRequest,
    responses(
        (status = 201, body = ThreadWithPostView),
    )
)]
#[post("/spaces/{slug}/threads")]
pub async fn create_thread(
    state: Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    slug: Path<String>,
    body: Json<CreateThreadRequest>,
) -> ApiResult<HttpResponse> {
    check_posting_limits(&state, &req, &user)?;
    let created = state
        .run(move |db| threads::create_thread(db, &user.actor(), &slug, body.into_inner()))
        .await?;
    Ok(HttpResponse::Created().json(created))
}

/// The threads of a space, pinned first, then by latest activity.
#[utoipa::path(
    tag = "threads",
    params(("slug" = String, Path), PageQuery),
    responses((status = 200, body = ThreadList))
)]
#[get("/spaces/{slug}/threads")]
pub async fn list_threads(
    state: Data<AppState>,
    user: CurrentUser,
    slug: Path<String>,
    page: Query<PageQuery>,
) -> ApiResult<Json<ThreadList>> {
    Ok(Json(
        state
            .run(move |db| {
                threads::list_threads(
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

/// A thread and its posts, oldest first, each with its translation into the reader's
/// language where the reader does not read the original.
#[utoipa::path(
    tag = "threads",
    params(("id" = i64, Path), ThreadQuery),
    responses(
        (status = 200, body = ThreadPage),
    )
)]
#[get("/threads/{id}")]
pub async fn get_thread(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    query: Query<ThreadQuery>,
) -> ApiResult<Json<ThreadPage>> {
    let id = id.into_inner();
    let query = query.into_inner();
    let on_demand = state.on_demand_languages_per_hour;
    Ok(Json(
        state
            .run(move |db| {
                threads::thread_page(
                    db,
                    &user.actor(),
                    id,
                    query.cursor.as_deref(),
                    query.limit.unwrap_or(PAGE_DEFAULT),
                    query.lang.as_deref(),
                    on_demand,
                )
            })
            .await?,
    ))
}

/// Reply to a thread.
#[utoipa::path(
    tag = "threads",
    params(("id" = i64, Path)),
    request_body = CreatePostRequest,
    responses(
        (status = 201, body = PostView),
    )
)]
#[post("/threads/{id}/posts")]
pub async fn create_post(
    state: Data<AppState>,
    req: HttpRequest,
    user: CurrentUser,
    id: Path<i64>,
    body: Json<CreatePostRequest>,
) -> ApiResult<HttpResponse> {
    check_posting_limits(&state, &req, &user)?;
    let id = id.into_inner();
    let post = state
        .run(move |db| posts::create_post(db, &user.actor(), id, body.into_inner()))
        .await?;
    Ok(HttpResponse::Created().json(post))
}

async fn switch(
    state: Data<AppState>,
    user: CurrentUser,
    id: i64,
    reason: ReasonRequest,
    flag: ThreadFlag,
    on: bool,
) -> ApiResult<Json<ThreadView>> {
    Ok(Json(
        state
            .run(move |db| moderation::set_thread_flag(db, &user.actor(), id, flag, on, reason))
            .await?,
    ))
}

/// One handler per switch, each with its own route and OpenAPI entry.
macro_rules! thread_switch {
    ($($name:ident, $path:literal, $flag:expr, $on:expr, $doc:literal;)*) => {$(
        #[doc = $doc]
        #[utoipa::path(
            tag = "moderation",
            params(("id" = i64, Path)),
            request_body(content = Option<ReasonRequest>),
            responses(
                (status = 200, body = ThreadView),
            )
        )]
        #[post($path)]
        pub async fn $name(
            state: Data<AppState>,
            user: CurrentUser,
            id: Path<i64>,
            body: OptionalJson<ReasonRequest>,
        ) -> ApiResult<Json<ThreadView>> {
            switch(state, user, id.into_inner(), body.0, $flag, $on).await
        }
    )*};
}

thread_switch! {
    lock_thread, "/threads/{id}/lock", ThreadFlag::Locked, true,
        "Lock a thread: only moderators may reply. Moderators only.";
    unlock_thread, "/threads/{id}/unlock", ThreadFlag::Locked, false,
        "Unlock a thread. Moderators only.";
    pin_thread, "/threads/{id}/pin", ThreadFlag::Pinned, true,
        "Pin a thread to the top of its space. Moderators only.";
    unpin_thread, "/threads/{id}/unpin", ThreadFlag::Pinned, false,
        "Unpin a thread. Moderators only.";
    hide_thread, "/threads/{id}/hide", ThreadFlag::Hidden, true,
        "Hide a thread from everyone but moderators and its author. Moderators only.";
    unhide_thread, "/threads/{id}/unhide", ThreadFlag::Hidden, false,
        "Show a hidden thread again. Moderators only.";
}
