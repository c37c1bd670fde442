//! Rows turned into what a reader sees: threads and posts with their authors, counts and
//! translations into the reader's language.

use std::collections::HashMap;

use diesel::prelude::*;
use diesel::sql_types::Bool;
use pontis_types::{PostView, SourceKind, ThreadView, TranslationStatus, TranslationView};

use crate::access::{Actor, SpaceAccess};
use crate::db::{AnyBackend, AnyConnection};
use crate::error::{Error, Result};
use crate::reading::Reading;
use crate::rows::{Post, Thread, User, utc};
use crate::schema::{posts, threads, users};
use crate::translation;

/// A source nobody has queued for the reader's language: kind, id, language, revision.
type Unqueued = (SourceKind, i64, String, i32);

/// Which posts the actor may see: hidden ones only for moderators and their authors.
/// Deleted posts stay in the list as tombstones so that replies keep their context.
type PostFilter = Box<dyn BoxableExpression<posts::table, AnyBackend, SqlType = Bool>>;

pub(crate) fn visible_posts(access: &SpaceAccess, actor: &Actor) -> PostFilter {
    if access.is_moderator() {
        Box::new(posts::id.is_not_null())
    } else {
        Box::new(
            posts::hidden
                .eq(false)
                .or(posts::author_id.eq(actor.user_id)),
        )
    }
}

pub(crate) fn load_post(conn: &mut AnyConnection, post_id: i64) -> Result<Post> {
    posts::table
        .find(post_id)
        .select(Post::as_select())
        .first(conn)
        .optional()?
        .ok_or(Error::PostNotFound)
}

pub(crate) fn load_thread(conn: &mut AnyConnection, thread_id: i64) -> Result<Thread> {
    threads::table
        .find(thread_id)
        .select(Thread::as_select())
        .first(conn)
        .optional()?
        .ok_or(Error::ThreadNotFound)
}

pub(crate) fn thread_view(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    thread: &Thread,
) -> Result<ThreadView> {
    let mut views = thread_views(conn, actor, access, std::slice::from_ref(thread))?;
    views
        .pop()
        .ok_or_else(|| Error::Internal("thread view missing".into()))
}

pub(crate) fn thread_views(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    found: &[Thread],
) -> Result<Vec<ThreadView>> {
    let reading = Reading::of(conn, actor, None)?;
    Ok(thread_views_in(conn, actor, access, found, &reading)?.0)
}

pub(crate) fn thread_views_in(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    found: &[Thread],
    reading: &Reading,
) -> Result<(Vec<ThreadView>, Vec<Unqueued>)> {
    let needing: HashMap<i64, (i32, String)> = found
        .iter()
        .filter(|t| reading.needs_translation(&t.lang))
        .map(|t| (t.id, (1, t.lang.clone())))
        .collect();
    let (mut titles, unqueued) = if needing.is_empty() {
        (HashMap::new(), Vec::new())
    } else {
        translation::translations::translation_views(
            conn,
            SourceKind::Title,
            &needing,
            reading.lang(),
        )?
    };
    let unqueued = found
        .iter()
        .filter(|t| unqueued.contains(&t.id))
        .map(|t| (SourceKind::Title, t.id, t.lang.clone(), 1))
        .collect();
    let ids: Vec<i64> = found.iter().map(|t| t.id).collect();
    let counts: HashMap<i64, i64> = posts::table
        .filter(visible_posts(access, actor))
        .filter(posts::thread_id.eq_any(&ids))
        .filter(posts::deleted_at.is_null())
        .group_by(posts::thread_id)
        .select((posts::thread_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let authors = authors_by_id(conn, found.iter().map(|t| t.author_id))?;
    let views = found
        .iter()
        .map(|t| {
            Ok(ThreadView {
                title_translation: titles.remove(&t.id),
                id: t.id,
                space: access.space.slug.clone(),
                author: authors
                    .get(&t.author_id)
                    .ok_or_else(|| Error::Internal(format!("author {} missing", t.author_id)))?
                    .author(),
                title: t.title.clone(),
                lang: t.lang.clone(),
                locked: t.locked,
                pinned: t.pinned,
                hidden: t.hidden,
                post_count: counts.get(&t.id).copied().unwrap_or(0),
                created_at: utc(t.created_at),
                bumped_at: utc(t.bumped_at),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((views, unqueued))
}

pub(crate) fn post_view_single(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    post: &Post,
) -> Result<PostView> {
    let mut views = post_views(conn, actor, access, std::slice::from_ref(post))?;
    views
        .pop()
        .ok_or_else(|| Error::Internal("post view missing".into()))
}

/// Views in the reader's own languages.
pub(crate) fn post_views(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    found: &[Post],
) -> Result<Vec<PostView>> {
    let reading = Reading::of(conn, actor, None)?;
    Ok(post_views_in(conn, actor, access, found, &reading)?.0)
}

pub(crate) fn post_views_in(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    found: &[Post],
    reading: &Reading,
) -> Result<(Vec<PostView>, Vec<Unqueued>)> {
    let needing: HashMap<i64, (i32, String)> = found
        .iter()
        .filter(|p| p.deleted_at.is_none() && reading.needs_translation(&p.lang))
        .map(|p| (p.id, (p.revision, p.lang.clone())))
        .collect();
    let (mut translated, unqueued) = if needing.is_empty() {
        (HashMap::new(), Vec::new())
    } else {
        translation::translations::translation_views(
            conn,
            SourceKind::Post,
            &needing,
            reading.lang(),
        )?
    };
    let unqueued = found
        .iter()
        .filter(|p| unqueued.contains(&p.id))
        .map(|p| (SourceKind::Post, p.id, p.lang.clone(), p.revision))
        .collect();
    let authors = authors_by_id(conn, found.iter().map(|p| p.author_id))?;
    let views = found
        .iter()
        .map(|p| {
            let deleted = p.deleted_at.is_some();
            let sees_reason = access.is_moderator() || p.author_id == actor.user_id;
            // Like the edit history, an out-of-date translation may still say what an
            // edit took out: only the author and moderators see it.
            let sees_previous = sees_reason;
            Ok(PostView {
                id: p.id,
                thread_id: p.thread_id,
                author: authors
                    .get(&p.author_id)
                    .ok_or_else(|| Error::Internal(format!("author {} missing", p.author_id)))?
                    .author(),
                body: (!deleted).then(|| p.body.clone()),
                lang: p.lang.clone(),
                lang_source: p.lang_source,
                revision: p.revision,
                created_at: utc(p.created_at),
                edited_at: p.edited_at.map(utc),
                hidden: p.hidden,
                hidden_reason: if sees_reason {
                    p.hidden_reason.clone()
                } else {
                    None
                },
                deleted,
                translation: translated.remove(&p.id).map(|t| {
                    if sees_previous {
                        t
                    } else {
                        without_previous(t)
                    }
                }),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((views, unqueued))
}

pub(crate) fn authors_by_id(
    conn: &mut AnyConnection,
    ids: impl Iterator<Item = i64>,
) -> Result<HashMap<i64, User>> {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(users::table
        .filter(users::id.eq_any(&ids))
        .select(User::as_select())
        .load(conn)?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

/// What a reader who may not see an out-of-date translation is shown instead: that the
/// current text is being translated.
fn without_previous(view: TranslationView) -> TranslationView {
    if view.status != TranslationStatus::Stale {
        return view;
    }
    TranslationView {
        lang: view.lang,
        status: TranslationStatus::Pending,
        body: None,
        engine: None,
        model: None,
        corrected: false,
    }
}
