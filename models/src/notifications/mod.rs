//! Notifications: who is told of what (`create`, in the writers' transactions), what each
//! user sees of them (re-checked against their access at every look, in their language),
//! thread watching and email settings (`settings`), and the email outbox (`outbox`).

pub mod address;
pub(crate) mod create;
pub mod outbox;
pub mod settings;
pub mod text;

use diesel::prelude::*;
use diesel::sql_types::Bool;
use pontis_types::limits;
use pontis_types::{
    EmailState, Excerpt, MarkReadRequest, NotificationKind, NotificationPage, NotificationView,
    Role, TranslationStatus, UnreadCount,
};

use crate::access::{Actor, SpaceAccess};
use crate::cursor::{check_page_limit, decode_id_cursor, encode_id_cursor};
use crate::db::{AnyBackend, AnyConnection, Db};
use crate::error::{Error, Result};
use crate::reading::Reading;
use crate::rows::{Post, Thread, now, utc};
use crate::schema::{email_outbox, memberships, notifications, posts, threads};
use crate::views::{authors_by_id, load_post, load_thread, post_views_in, thread_views_in};

pub use settings::{set_watch, settings, unsubscribe, update_settings, watch_level};

/// A notification as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = notifications)]
pub struct Notification {
    pub id: i64,
    pub user_id: i64,
    pub kind: NotificationKind,
    pub actor_id: Option<i64>,
    pub space_id: i64,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
    pub reason: Option<String>,
    pub created_at: chrono::NaiveDateTime,
    pub read_at: Option<chrono::NaiveDateTime>,
}

type NotificationFilter =
    Box<dyn BoxableExpression<notifications::table, AnyBackend, SqlType = Bool>>;

/// The actor's notifications they may still see: in spaces they are a member of, about
/// threads and posts they may read now. Moderators keep those about posts hidden or
/// deleted since (marked so); admins see all of theirs.
fn visible_to(actor: &Actor) -> NotificationFilter {
    let mine = notifications::user_id.eq(actor.user_id);
    if actor.is_admin {
        return Box::new(mine);
    }
    let user_id = actor.user_id;
    let member_of = memberships::table
        .filter(memberships::user_id.eq(user_id))
        .select(memberships::space_id);
    let moderates = memberships::table
        .filter(memberships::user_id.eq(user_id))
        .filter(memberships::role.eq_any([Role::Teacher, Role::Owner]))
        .select(memberships::space_id);
    let readable_threads = threads::table
        .filter(threads::hidden.eq(false).or(threads::author_id.eq(user_id)))
        .select(threads::id);
    let readable_posts = posts::table
        .filter(posts::deleted_at.is_null())
        .filter(posts::hidden.eq(false).or(posts::author_id.eq(user_id)))
        .select(posts::id);
    Box::new(
        mine.and(notifications::space_id.eq_any(member_of)).and(
            notifications::space_id
                .eq_any(moderates)
                .or(notifications::thread_id
                    .is_null()
                    .or(notifications::thread_id
                        .assume_not_null()
                        .eq_any(readable_threads))
                    .and(
                        notifications::post_id.is_null().or(notifications::post_id
                            .assume_not_null()
                            .eq_any(readable_posts)),
                    )),
        ),
    )
}

fn unread_count_in(conn: &mut AnyConnection, actor: &Actor) -> Result<i64> {
    Ok(notifications::table
        .filter(visible_to(actor))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)?)
}

pub fn unread_count(db: &Db, actor: &Actor) -> Result<UnreadCount> {
    db.read(|conn| {
        Ok(UnreadCount {
            unread_count: unread_count_in(conn, actor)?,
        })
    })
}

/// The actor's notifications, newest first, `limit` at a time.
pub fn list(
    db: &Db,
    actor: &Actor,
    unread_only: bool,
    cursor: Option<&str>,
    limit: usize,
) -> Result<NotificationPage> {
    check_page_limit(limit)?;
    let before = cursor.map(decode_id_cursor).transpose()?;
    db.read(|conn| {
        let mut query = notifications::table
            .filter(visible_to(actor))
            .select(Notification::as_select())
            .order(notifications::id.desc())
            .limit(limit as i64 + 1)
            .into_boxed();
        if unread_only {
            query = query.filter(notifications::read_at.is_null());
        }
        if let Some(before) = before {
            query = query.filter(notifications::id.lt(before));
        }
        let mut rows: Vec<Notification> = query.load(conn)?;
        let next_cursor = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(|n| encode_id_cursor(n.id))
        } else {
            None
        };
        Ok(NotificationPage {
            items: views(conn, actor, &rows)?,
            next_cursor,
            unread_count: unread_count_in(conn, actor)?,
        })
    })
}

/// Marks the listed notifications read, and every one up to `up_to`; the actor's own only.
pub fn mark_read(db: &Db, actor: &Actor, input: MarkReadRequest) -> Result<UnreadCount> {
    if input.ids.len() > limits::PAGE_MAX {
        return Err(Error::InvalidLimit {
            max: limits::PAGE_MAX,
        });
    }
    db.write(|conn| {
        let mine = notifications::table
            .filter(notifications::user_id.eq(actor.user_id))
            .filter(notifications::read_at.is_null());
        if !input.ids.is_empty() {
            diesel::update(mine.filter(notifications::id.eq_any(&input.ids)))
                .set(notifications::read_at.eq(now()))
                .execute(conn)?;
        }
        if let Some(up_to) = input.up_to {
            diesel::update(mine.filter(notifications::id.le(up_to)))
                .set(notifications::read_at.eq(now()))
                .execute(conn)?;
        }
        Ok(UnreadCount {
            unread_count: unread_count_in(conn, actor)?,
        })
    })
}

/// The newest notification id of each user given, for live streams to start after.
pub fn latest_ids(db: &Db, user_ids: &[i64]) -> Result<Vec<(i64, i64)>> {
    db.read(|conn| {
        Ok(notifications::table
            .filter(notifications::user_id.eq_any(user_ids))
            .group_by(notifications::user_id)
            .select((notifications::user_id, diesel::dsl::max(notifications::id)))
            .load::<(i64, Option<i64>)>(conn)?
            .into_iter()
            .filter_map(|(user, id)| id.map(|id| (user, id)))
            .collect())
    })
}

/// Notification ids newer than `after` for any of `user_ids`, as (user, id): one query
/// for every user a live stream follows.
pub fn newer_than(db: &Db, user_ids: &[i64], after: i64) -> Result<Vec<(i64, i64)>> {
    db.read(|conn| {
        Ok(notifications::table
            .filter(notifications::user_id.eq_any(user_ids))
            .filter(notifications::id.gt(after))
            .order(notifications::id.asc())
            .select((notifications::user_id, notifications::id))
            .load(conn)?)
    })
}

/// Opens one of the actor's notifications they may still see, marking it read.
pub fn open(db: &Db, actor: &Actor, notification_id: i64) -> Result<NotificationView> {
    db.write(|conn| {
        let rows: Vec<Notification> = notifications::table
            .filter(visible_to(actor))
            .filter(notifications::id.eq(notification_id))
            .select(Notification::as_select())
            .load(conn)?;
        let view = views(conn, actor, &rows)?
            .pop()
            .ok_or(Error::NotificationNotFound)?;
        diesel::update(notifications::table.find(notification_id))
            .set(notifications::read_at.eq(now()))
            .filter(notifications::read_at.is_null())
            .execute(conn)?;
        Ok(view)
    })
}

/// Emails waiting to be sent, all users together.
pub fn outbox_len(db: &Db) -> Result<i64> {
    db.read(|conn| {
        Ok(email_outbox::table
            .filter(email_outbox::state.eq(EmailState::Queued))
            .count()
            .get_result(conn)?)
    })
}

/// One notification as its recipient sees it now, or `None` when they may no longer.
pub fn visible_notification(
    db: &Db,
    actor: &Actor,
    notification_id: i64,
) -> Result<Option<NotificationView>> {
    db.read(|conn| {
        let rows: Vec<Notification> = notifications::table
            .filter(visible_to(actor))
            .filter(notifications::id.eq(notification_id))
            .select(Notification::as_select())
            .load(conn)?;
        Ok(views(conn, actor, &rows)?.pop())
    })
}

/// For email: a notification as its recipient sees it now, with the post's whole text in
/// their language; `None` when they may no longer see it.
pub fn for_email(
    db: &Db,
    recipient: &Actor,
    notification_id: i64,
) -> Result<Option<(NotificationView, Option<PostText>)>> {
    db.read(|conn| {
        let rows: Vec<Notification> = notifications::table
            .filter(visible_to(recipient))
            .filter(notifications::id.eq(notification_id))
            .select(Notification::as_select())
            .load(conn)?;
        let Some(view) = views(conn, recipient, &rows)?.pop() else {
            return Ok(None);
        };
        let text = match view.post_id {
            Some(post_id) if !view.post_deleted => {
                let post = load_post(conn, post_id)?;
                let thread = load_thread(conn, post.thread_id)?;
                let access = SpaceAccess::by_id(conn, recipient, thread.space_id)?;
                let reading = Reading::of(conn, recipient, None)?;
                Some(post_text_in(conn, recipient, &access, &post, &reading)?)
            }
            _ => None,
        };
        Ok(Some((view, text)))
    })
}

/// Rows (already filtered by `visible_to`) as the actor reads them.
pub(crate) fn views(
    conn: &mut AnyConnection,
    actor: &Actor,
    rows: &[Notification],
) -> Result<Vec<NotificationView>> {
    let reading = Reading::of(conn, actor, None)?;
    let actors = authors_by_id(conn, rows.iter().filter_map(|n| n.actor_id))?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let access = match SpaceAccess::by_id(conn, actor, row.space_id) {
            Ok(access) => access,
            Err(Error::SpaceNotFound) => continue,
            Err(other) => return Err(other),
        };
        let thread = row.thread_id.map(|id| load_thread(conn, id)).transpose()?;
        let post = row.post_id.map(|id| load_post(conn, id)).transpose()?;
        let thread_title = match &thread {
            Some(thread) => Some(title_in(conn, actor, &access, thread, &reading)?),
            None => None,
        };
        let excerpt = match &post {
            Some(post) if post.deleted_at.is_none() => {
                Some(excerpt_in(conn, actor, &access, post, &reading)?)
            }
            _ => None,
        };
        out.push(NotificationView {
            id: row.id,
            kind: row.kind,
            actor: row
                .actor_id
                .and_then(|id| actors.get(&id))
                .map(|user| user.author()),
            space: access.space.slug.clone(),
            space_name: access.space.name.clone(),
            thread_id: row.thread_id,
            thread_title,
            post_id: row.post_id,
            excerpt,
            reason: row.reason.clone(),
            post_hidden: post.as_ref().is_some_and(|p| p.hidden),
            post_deleted: post.as_ref().is_some_and(|p| p.deleted_at.is_some()),
            read: row.read_at.is_some(),
            created_at: utc(row.created_at),
        });
    }
    Ok(out)
}

fn title_in(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    thread: &Thread,
    reading: &Reading,
) -> Result<String> {
    let (mut views, _) =
        thread_views_in(conn, actor, access, std::slice::from_ref(thread), reading)?;
    let view = views
        .pop()
        .ok_or_else(|| Error::Internal("thread view missing".into()))?;
    Ok(view
        .title_translation
        .filter(|t| t.status == TranslationStatus::Ready)
        .and_then(|t| t.body)
        .unwrap_or(view.title))
}

/// The post in the reader's language when its translation is ready, else the original.
fn excerpt_in(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    post: &Post,
    reading: &Reading,
) -> Result<Excerpt> {
    let full = post_text_in(conn, actor, access, post, reading)?;
    Ok(Excerpt {
        text: text::excerpt(&full.markdown),
        ..full.excerpt
    })
}

/// A post's whole Markdown as a reader reads it, for email.
pub struct PostText {
    pub markdown: String,
    /// `text` is empty here; the rest says which language and whether translated.
    pub excerpt: Excerpt,
    /// A translation into the reader's language is on its way.
    pub translation_pending: bool,
}

fn post_text_in(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    post: &Post,
    reading: &Reading,
) -> Result<PostText> {
    let (mut views, _) = post_views_in(conn, actor, access, std::slice::from_ref(post), reading)?;
    let view = views
        .pop()
        .ok_or_else(|| Error::Internal("post view missing".into()))?;
    let original = |pending: bool| PostText {
        markdown: view.body.clone().unwrap_or_default(),
        excerpt: Excerpt {
            text: String::new(),
            lang: view.lang.clone(),
            translated: false,
        },
        translation_pending: pending,
    };
    Ok(match &view.translation {
        Some(t) if t.status == TranslationStatus::Ready => PostText {
            markdown: t.body.clone().unwrap_or_default(),
            excerpt: Excerpt {
                text: String::new(),
                lang: t.lang.clone(),
                translated: true,
            },
            translation_pending: false,
        },
        Some(t) => original(matches!(
            t.status,
            TranslationStatus::Pending | TranslationStatus::Stale
        )),
        None => original(false),
    })
}
