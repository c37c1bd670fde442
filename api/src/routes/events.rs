//! Server-sent events from the process's event hub: a thread's new posts and translations
//! as they land, so that a page replaces "translating…" without a reload, and a signed-in
//! user's new notifications. One stream per page: `GET /events` carries both.

use std::time::Duration;

use actix_web::web::{Bytes, Data, Path, Query};
use actix_web::{HttpResponse, get};
use futures_util::stream;
use pontis_models::changes;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::CurrentUser;
use crate::error::{ApiError, ApiResult};
use crate::hub::{LiveEvent, Subscription};
use crate::rate_limit::StreamSlot;
use crate::routes::LangQuery;
use crate::state::AppState;

/// A comment line after this much quiet keeps proxies from closing the stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// Threads one stream may follow.
const THREADS_MAX: usize = 20;

/// How a stream writes its events.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    /// `/threads/{id}/events`: events name only the post; the stream ends with `end`.
    OneThread,
    /// `/events`: events name their thread; `end` closes only that thread.
    Combined,
}

/// A stream of events for one thread, in the reader's language (`?lang=`, default their
/// first language): `post` with `{"post_id": 7}` for a new post, `translation` with
/// `{"post_id": 7}` or `{"title": true}` when a translation lands, and `end` when the
/// reader may no longer see the thread.
#[utoipa::path(
    tag = "threads",
    params(("id" = i64, Path), LangQuery),
    responses(
        (status = 200, content_type = "text/event-stream", description = "events `post` and `translation`"),
    )
)]
#[get("/threads/{id}/events")]
pub async fn thread_events(
    state: Data<AppState>,
    user: CurrentUser,
    id: Path<i64>,
    query: Query<LangQuery>,
) -> ApiResult<HttpResponse> {
    let thread_id = id.into_inner();
    let lang = query.into_inner().lang;
    // Held by the stream: its place is freed when the client goes away.
    let slot = state.limits.event_streams.open(user.actor().user_id)?;
    let actor = user.actor();
    // The first look answers errors (not found, banned, bad language) as a normal response.
    let (reading, since) = state
        .run(move |db| {
            let reading = changes::follow_thread(db, &actor, thread_id, lang.as_deref())?;
            Ok((reading, changes::mark(db)?))
        })
        .await?;
    let subscription = state
        .hub
        .subscribe(actor, vec![(thread_id, reading)], false, since);
    Ok(event_stream(subscription, slot, Format::OneThread))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// Threads to follow, comma-separated ids (at most 20).
    #[param(pattern = r"^[0-9]{1,18}(,[0-9]{1,18}){0,19}$")]
    pub threads: Option<String>,
    /// Read the threads in this language (BCP 47); default: the reader's first language.
    pub lang: Option<String>,
}

/// The signed-in user's one stream: `notification` with the notification as the list
/// shows it and the new unread count; and for each thread in `?threads=`, `post` with
/// `{"thread_id": 3, "post_id": 7}`, `translation` with `{"thread_id": 3, "post_id": 7}`
/// or `{"thread_id": 3, "title": true}`, and `end` with `{"thread_id": 3}` once the
/// reader may no longer follow that thread.
#[utoipa::path(
    tag = "notifications",
    params(EventsQuery),
    responses(
        (status = 200, content_type = "text/event-stream", description = "events `notification`, `post`, `translation` and `end`"),
    )
)]
#[get("/events")]
pub async fn events(
    state: Data<AppState>,
    user: CurrentUser,
    query: Query<EventsQuery>,
) -> ApiResult<HttpResponse> {
    let EventsQuery { threads, lang } = query.into_inner();
    let thread_ids = parse_threads(threads.as_deref())?;
    // Checked even when no thread is followed: a bad tag is a bad request either way.
    if let Some(tag) = &lang {
        pontis_types::lang::normalize(tag).map_err(pontis_models::Error::from)?;
    }
    let slot = state.limits.event_streams.open(user.actor().user_id)?;
    let actor = user.actor();
    let (followed, since) = state
        .run(move |db| {
            let followed = thread_ids
                .into_iter()
                .map(|thread_id| {
                    changes::follow_thread(db, &actor, thread_id, lang.as_deref())
                        .map(|reading| (thread_id, reading))
                })
                .collect::<pontis_models::Result<Vec<_>>>()?;
            Ok((followed, changes::mark(db)?))
        })
        .await?;
    let subscription = state.hub.subscribe(actor, followed, true, since);
    Ok(event_stream(subscription, slot, Format::Combined))
}

/// Thread ids as the document's pattern has them: 1 to 20 ids of 1 to 18 digits, comma
/// separated, nothing else.
fn parse_threads(text: Option<&str>) -> Result<Vec<i64>, ApiError> {
    let Some(text) = text else {
        return Ok(Vec::new());
    };
    let invalid = || {
        ApiError::InvalidQuery(format!(
            "threads: 1 to {THREADS_MAX} comma-separated thread ids"
        ))
    };
    let parts: Vec<&str> = text.split(',').collect();
    if parts.len() > THREADS_MAX {
        return Err(invalid());
    }
    let mut ids = Vec::with_capacity(parts.len());
    for part in parts {
        let digits = (1..=18).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        let id = digits
            .then(|| part.parse::<i64>().ok())
            .flatten()
            .ok_or_else(invalid)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

struct Open {
    subscription: Subscription,
    _slot: StreamSlot,
    format: Format,
    ended: bool,
}

fn event_stream(subscription: Subscription, slot: StreamSlot, format: Format) -> HttpResponse {
    let open = Open {
        subscription,
        _slot: slot,
        format,
        ended: false,
    };
    let body = stream::unfold(open, |mut open| async move {
        if open.ended {
            return None;
        }
        let next = actix_web::rt::time::timeout(KEEP_ALIVE, open.subscription.events.recv()).await;
        let text = match next {
            Err(_) => ": keep-alive\n\n".to_owned(),
            // The hub dropped this stream (too slow): the client reconnects.
            Ok(None) => return None,
            Ok(Some(event)) => {
                let mut text = render(&event, open.format);
                // Whatever else is already waiting goes out in the same write.
                while let Ok(more) = open.subscription.events.try_recv() {
                    text.push_str(&render(&more, open.format));
                }
                open.ended = open.format == Format::OneThread && text.contains("event: end\n");
                text
            }
        };
        Some((Ok::<_, actix_web::Error>(Bytes::from(text)), open))
    });
    HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header(("Cache-Control", "no-cache"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(body)
}

fn render(event: &LiveEvent, format: Format) -> String {
    let combined = format == Format::Combined;
    let (name, data) = match event {
        LiveEvent::Post { thread_id, post_id } => (
            "post",
            if combined {
                serde_json::json!({"thread_id": thread_id, "post_id": post_id})
            } else {
                serde_json::json!({"post_id": post_id})
            },
        ),
        LiveEvent::Translation { thread_id, post_id } => {
            let mut data = match post_id {
                Some(post_id) => serde_json::json!({"post_id": post_id}),
                None => serde_json::json!({"title": true}),
            };
            if combined {
                data["thread_id"] = (*thread_id).into();
            }
            ("translation", data)
        }
        LiveEvent::Notification { view, unread_count } => (
            "notification",
            serde_json::json!({"notification": view, "unread_count": unread_count}),
        ),
        LiveEvent::End { thread_id } => (
            "end",
            if combined {
                serde_json::json!({"thread_id": thread_id})
            } else {
                serde_json::json!({})
            },
        ),
    };
    format!("event: {name}\ndata: {data}\n\n")
}
