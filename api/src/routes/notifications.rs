//! A user's notifications, how they follow threads, and how they want to be emailed.

use actix_web::web::{Data, Json, Path, Query};
use actix_web::{get, post, put};
use pontis_models::notifications;
use pontis_types::{
    MarkReadRequest, NotificationPage, NotificationSettingsView, UnreadCount,
    UpdateNotificationSettingsRequest, WatchRequest, WatchView,
};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::state::AppState;
use pontis_types::limits::PAGE_DEFAULT;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationsQuery {
    /// Only those not yet read.
    #[serde(default)]
    pub unread: bool,
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100; default 50.
    pub limit: Option<usize>,
}

/// The caller's notifications, newest first, each in their language; those about what
/// they may no longer see are left out (moderators keep theirs, marked).
#[utoipa::path(
    tag = "notifications",
    params(NotificationsQuery),
    responses((status = 200, body = NotificationPage))
)]
#[get("/notifications")]
pub async fn list_notifications(
    state: Data<AppState>,
    user: CurrentUser,
    query: Query<NotificationsQuery>,
) -> ApiResult<Json<NotificationPage>> {
    let query = query.into_inner();
    Ok(Json(
        state
            .run(move |db| {
                notifications::list(
                    db,
                    &user.actor(),
                    query.unread,
                    query.cursor.as_deref(),
                    query.limit.unwrap_or(PAGE_DEFAULT),
                )
            })
            .await?,
    ))
}

/// Mark notifications read: some by id, or every one up to an id.
#[utoipa::path(
    tag = "notifications",
    request_body = MarkReadRequest,
    responses((status = 200, body = UnreadCount))
)]
#[post("/notifications/read")]
pub async fn mark_notifications_read(
    state: Data<AppState>,
    user: CurrentUser,
    body: Json<MarkReadRequest>,
) -> ApiResult<Json<UnreadCount>> {
    Ok(Json(
        state
            .run(move |db| notifications::mark_read(db, &user.actor(), body.into_inner()))
            .await?,
    ))
}

/// How the caller follows a thread.
#[utoipa::path(
    tag = "notifications",
    params(("id" = i64, Path)),
    responses((status = 200, body = WatchView))
)]
#[get("/threads/{id}/watch")]
pub async fn get_watch(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
) -> ApiResult<Json<WatchView>> {
    let id = id.into_inner();
    Ok(Json(
        state
            .run(move |db| notifications::watch_level(db, &user.actor(), id))
            .await?,
    ))
}

/// Watch a thread (every reply notifies), mute it (nothing does), or go back to normal
/// (mentions and quotes only).
#[utoipa::path(
    tag = "notifications",
    params(("id" = i64, Path)),
    request_body = WatchRequest,
    responses((status = 200, body = WatchView))
)]
#[put("/threads/{id}/watch")]
pub async fn set_watch(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    body: Json<WatchRequest>,
) -> ApiResult<Json<WatchView>> {
    let id = id.into_inner();
    Ok(Json(
        state
            .run(move |db| notifications::set_watch(db, &user.actor(), id, body.level))
            .await?,
    ))
}

/// How the caller wants to be emailed.
#[utoipa::path(
    tag = "notifications",
    responses((status = 200, body = NotificationSettingsView))
)]
#[get("/me/notification-settings")]
pub async fn get_notification_settings(
    state: Data<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<NotificationSettingsView>> {
    Ok(Json(
        state
            .run(move |db| notifications::settings(db, &user.actor()))
            .await?,
    ))
}

/// Change how the caller is emailed: `off`, `immediate` or a daily `digest`, and which
/// kinds send no email.
#[utoipa::path(
    tag = "notifications",
    request_body = UpdateNotificationSettingsRequest,
    responses((status = 200, body = NotificationSettingsView))
)]
#[put("/me/notification-settings")]
pub async fn update_notification_settings(
    state: Data<AppState>,
    user: CurrentUser,
    body: Json<UpdateNotificationSettingsRequest>,
) -> ApiResult<Json<NotificationSettingsView>> {
    Ok(Json(
        state
            .run(move |db| {
                let (actor, input) = (user.actor(), body.into_inner());
                // The address first: a refused one changes nothing.
                if let Some(address) = &input.email_address {
                    notifications::address::request_address(db, &actor, address)?;
                }
                notifications::update_settings(db, &actor, input)
            })
            .await?,
    ))
}
