//! Server-sent events: a thread's new posts and translations as they land, so that a
//! page replaces "translating…" without a reload. The stream looks at the database every
//! second, so it sees what every worker wrote, in-process or remote, and what every server
//! process stored; each look checks the reader's access again.

use std::time::Duration;

use actix_web::web::{Bytes, Data, Path, Query};
use actix_web::{HttpResponse, get};
use futures_util::stream;
use pontis_models::changes;
use pontis_models::rows::now;

use crate::auth::CurrentUser;
use crate::error::ApiResult;
use crate::routes::LangQuery;
use crate::state::AppState;

const POLL: Duration = Duration::from_secs(1);
/// A comment line now and then keeps proxies from closing a quiet stream.
const KEEP_ALIVE_POLLS: u32 = 15;

struct Cursor {
    after_post: i64,
    since: chrono::NaiveDateTime,
    quiet_polls: u32,
    ended: bool,
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
    // The first look answers errors (not found, bad language) as a normal response.
    let actor = user.actor();
    let first_lang = lang.clone();
    let start = now();
    let first = state
        .run(move |db| {
            changes::thread_changes(db, &actor, thread_id, first_lang.as_deref(), 0, start)
        })
        .await?;
    let cursor = Cursor {
        after_post: first.new_posts.last().copied().unwrap_or(0),
        since: start,
        quiet_polls: 0,
        ended: false,
    };
    let events = stream::unfold(cursor, move |mut cursor| {
        let state = state.clone();
        let lang = lang.clone();
        let _slot = &slot;
        async move {
            if cursor.ended {
                return None;
            }
            actix_web::rt::time::sleep(POLL).await;
            let looked_at = now();
            let (after_post, since) = (cursor.after_post, cursor.since);
            let changes = state
                .run(move |db| {
                    changes::thread_changes(
                        db,
                        &actor,
                        thread_id,
                        lang.as_deref(),
                        after_post,
                        since,
                    )
                })
                .await;
            let mut out = String::new();
            match changes {
                Ok(changes) => {
                    for post in &changes.new_posts {
                        out.push_str(&format!("event: post\ndata: {{\"post_id\":{post}}}\n\n"));
                    }
                    for post in &changes.translated_posts {
                        out.push_str(&format!(
                            "event: translation\ndata: {{\"post_id\":{post}}}\n\n"
                        ));
                    }
                    if changes.title_translated {
                        out.push_str("event: translation\ndata: {\"title\":true}\n\n");
                    }
                    cursor.after_post = changes
                        .new_posts
                        .last()
                        .copied()
                        .unwrap_or(cursor.after_post);
                    cursor.since = looked_at;
                }
                Err(_) => {
                    out.push_str("event: end\ndata: {}\n\n");
                    cursor.ended = true;
                }
            }
            if out.is_empty() {
                cursor.quiet_polls += 1;
                if cursor.quiet_polls >= KEEP_ALIVE_POLLS {
                    cursor.quiet_polls = 0;
                    out.push_str(": keep-alive\n\n");
                }
            } else {
                cursor.quiet_polls = 0;
            }
            Some((Ok::<_, actix_web::Error>(Bytes::from(out)), cursor))
        }
    });
    Ok(HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header(("Cache-Control", "no-cache"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(events))
}
