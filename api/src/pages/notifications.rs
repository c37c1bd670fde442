//! The notifications page, opening one (which marks it read), and the thread's watch
//! switch.

use actix_web::web::{Form, Path, Query};
use pontis_models::notifications;
use pontis_types::{MarkReadRequest, NotificationKind, NotificationView, WatchLevel};
use serde::Deserialize;
use serde_json::json;

use super::context::{Page, PageResult, redirect};

/// Notifications per page.
const PAGE_SIZE: usize = 30;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    cursor: Option<String>,
}

pub async fn list(page: Page, query: Query<ListQuery>) -> PageResult {
    let actor = page.actor()?;
    let cursor = query.into_inner().cursor;
    let found = page
        .run(move |db| notifications::list(db, &actor, false, cursor.as_deref(), PAGE_SIZE))
        .await?;
    page.render(
        "notifications.html",
        json!({
            "items": found.items,
            "newest": found.items.first().map(|n| n.id),
            "unread_count": found.unread_count,
            "next_cursor": found.next_cursor,
        }),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReadForm {
    csrf_token: String,
    up_to: Option<i64>,
}

/// "Mark all as read": everything up to the newest the page showed, not what came since.
pub async fn mark_all_read(page: Page, form: Form<ReadForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let up_to = form.up_to;
    page.run(move |db| {
        notifications::mark_read(
            db,
            &actor,
            MarkReadRequest {
                ids: Vec::new(),
                up_to,
            },
        )
    })
    .await?;
    Ok(redirect("/notifications"))
}

/// Follows a notification to what it is about, marking it read. The target is made from
/// the notification's own ids, never from the request.
pub async fn open(page: Page, id: Path<i64>) -> PageResult {
    let actor = page.actor()?;
    let id = id.into_inner();
    let view = page
        .run(move |db| notifications::open(db, &actor, id))
        .await?;
    Ok(redirect(&target(&view)))
}

fn target(view: &NotificationView) -> String {
    match (view.kind, view.thread_id, view.post_id) {
        (NotificationKind::Report, _, _) => format!("/s/{}/reports", view.space),
        (NotificationKind::MemberJoined, _, _) => format!("/s/{}/members", view.space),
        (_, Some(thread), Some(post)) => format!("/t/{thread}#post-{post}"),
        (_, Some(thread), None) => format!("/t/{thread}"),
        (_, None, _) => format!("/s/{}", view.space),
    }
}

#[derive(Debug, Deserialize)]
pub struct WatchForm {
    #[serde(default)]
    csrf_token: String,
    level: WatchLevel,
}

pub async fn set_watch(page: Page, id: Path<i64>, form: Form<WatchForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let (thread_id, level) = (id.into_inner(), form.level);
    page.run(move |db| notifications::set_watch(db, &actor, thread_id, level))
        .await?;
    Ok(redirect(&format!("/t/{thread_id}")))
}
