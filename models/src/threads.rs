//! Threads: starting one, listing a space's threads, reading a thread page by page.

use diesel::prelude::*;
use pontis_types::limits;
use pontis_types::{CreateThreadRequest, SourceKind, ThreadList, ThreadPage, ThreadWithPostView};

use crate::access::{Actor, SpaceAccess, post_access, thread_access};
use crate::cursor::{ThreadCursor, check_page_limit, decode_id_cursor, encode_id_cursor};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::notifications;
use crate::posts::{decide_language, insert_post, validate_body};
use crate::reading::Reading;
use crate::rows::{Post, Thread, now};
use crate::schema::{posts, threads};
use crate::search;
use crate::translation::queue;
use crate::views::{
    load_thread, post_view_single, post_views_in, thread_view, thread_views, thread_views_in,
    visible_posts,
};

fn validate_title(title: &str) -> Result<String> {
    limits::required(title, limits::TITLE_MAX).ok_or(Error::InvalidTitle {
        max: limits::TITLE_MAX,
    })
}

pub fn create_thread(
    db: &Db,
    actor: &Actor,
    slug: &str,
    input: CreateThreadRequest,
) -> Result<ThreadWithPostView> {
    let title = validate_title(&input.title)?;
    let body = validate_body(&input.body)?;
    let delivery = db.delivery();
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_poster()?;
        let (lang, source) = decide_language(
            conn,
            actor.user_id,
            input.lang.as_deref(),
            &format!("{title}\n{body}"),
        )?;
        let created = now();
        let thread_id = diesel::insert_into(threads::table)
            .values((
                threads::space_id.eq(access.space.id),
                threads::author_id.eq(actor.user_id),
                threads::title.eq(&title),
                threads::lang.eq(&lang),
                threads::created_at.eq(created),
                threads::bumped_at.eq(created),
            ))
            .returning(threads::id)
            .get_result::<i64>(conn)?;
        let post = insert_post(
            conn,
            actor.user_id,
            thread_id,
            &body,
            &lang,
            source,
            created,
        )?;
        let thread = load_thread(conn, thread_id)?;
        queue::queue_title(conn, &thread)?;
        queue::queue_post(conn, access.space.id, &post)?;
        search::touch_post(conn, post.id)?;
        notifications::create::new_post(conn, delivery, access.space.id, &thread, &post)?;
        Ok(ThreadWithPostView {
            thread: thread_view(conn, actor, &access, &thread)?,
            post: post_view_single(conn, actor, &access, &post)?,
        })
    })
}

/// Posts that search found, with their threads, in the reader's language, in the order
/// given. A post the reader may not see is left out: the index may not yet have caught up
/// with a hide or a delete written a moment ago.
pub fn found_posts(
    db: &Db,
    actor: &Actor,
    post_ids: &[i64],
    lang: Option<&str>,
) -> Result<Vec<ThreadWithPostView>> {
    db.read(|conn| {
        let reading = Reading::of(conn, actor, lang)?;
        let mut found = Vec::with_capacity(post_ids.len());
        for &post_id in post_ids {
            let (post, thread, access) = match post_access(conn, actor, post_id) {
                Ok(seen) => seen,
                Err(Error::PostNotFound) => continue,
                Err(other) => return Err(other),
            };
            if post.deleted_at.is_some() {
                continue;
            }
            let (mut posts, _) =
                post_views_in(conn, actor, &access, std::slice::from_ref(&post), &reading)?;
            let (mut threads, _) = thread_views_in(
                conn,
                actor,
                &access,
                std::slice::from_ref(&thread),
                &reading,
            )?;
            if let (Some(post), Some(thread)) = (posts.pop(), threads.pop()) {
                found.push(ThreadWithPostView { thread, post });
            }
        }
        Ok(found)
    })
}

/// Threads of a space, pinned first, then by latest activity.
pub fn list_threads(
    db: &Db,
    actor: &Actor,
    slug: &str,
    cursor: Option<&str>,
    limit: usize,
) -> Result<ThreadList> {
    check_page_limit(limit)?;
    let after = cursor.map(ThreadCursor::decode).transpose()?;
    db.read(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        let mut query = threads::table
            .filter(threads::space_id.eq(access.space.id))
            .select(Thread::as_select())
            .into_boxed();
        if !access.is_moderator() {
            query = query.filter(
                threads::hidden
                    .eq(false)
                    .or(threads::author_id.eq(actor.user_id)),
            );
        }
        if let Some(c) = after {
            query = query.filter(
                threads::pinned
                    .lt(c.pinned)
                    .or(threads::pinned
                        .eq(c.pinned)
                        .and(threads::bumped_at.lt(c.bumped_at)))
                    .or(threads::pinned
                        .eq(c.pinned)
                        .and(threads::bumped_at.eq(c.bumped_at))
                        .and(threads::id.lt(c.id))),
            );
        }
        let mut found = query
            .order((
                threads::pinned.desc(),
                threads::bumped_at.desc(),
                threads::id.desc(),
            ))
            .limit(limit as i64 + 1)
            .load(conn)?;
        let next_cursor = (found.len() > limit).then(|| {
            found.truncate(limit);
            found.last().map(ThreadCursor::of).map(|c| c.encode())
        });
        let views = thread_views(conn, actor, &access, &found)?;
        Ok(ThreadList {
            threads: views,
            next_cursor: next_cursor.flatten(),
        })
    })
}

/// A thread with its posts in order, `limit` at a time, each with its translation into
/// `lang` (default: the reader's first language) where the reader does not read it.
/// Translations nobody had queued are queued now, within the reader's
/// `on_demand_per_hour` new languages an hour (see `queue::queue_on_demand`).
pub fn thread_page(
    db: &Db,
    actor: &Actor,
    thread_id: i64,
    cursor: Option<&str>,
    limit: usize,
    lang: Option<&str>,
    on_demand_per_hour: u32,
) -> Result<ThreadPage> {
    check_page_limit(limit)?;
    let after = cursor.map(decode_id_cursor).transpose()?;
    let (page, unqueued, reading_lang) = db.read(|conn| {
        let reading = Reading::of(conn, actor, lang)?;
        let (thread, access) = thread_access(conn, actor, thread_id)?;
        let mut query = posts::table
            .filter(visible_posts(&access, actor))
            .filter(posts::thread_id.eq(thread.id))
            .into_boxed();
        if let Some(after) = after {
            query = query.filter(posts::id.gt(after));
        }
        let mut found = query
            .order(posts::id.asc())
            .limit(limit as i64 + 1)
            .select(Post::as_select())
            .load(conn)?;
        let next_cursor = (found.len() > limit).then(|| {
            found.truncate(limit);
            found.last().map(|p| encode_id_cursor(p.id))
        });
        let (posts, mut unqueued) = post_views_in(conn, actor, &access, &found, &reading)?;
        let (mut threads, unqueued_title) = thread_views_in(
            conn,
            actor,
            &access,
            std::slice::from_ref(&thread),
            &reading,
        )?;
        unqueued.extend(unqueued_title);
        let thread = threads
            .pop()
            .ok_or_else(|| Error::Internal("thread view missing".into()))?;
        let page = ThreadPage {
            thread,
            posts,
            next_cursor: next_cursor.flatten(),
        };
        Ok::<_, Error>((page, unqueued, reading.lang().to_owned()))
    })?;
    if !unqueued.is_empty() {
        let of_kind = |kind: SourceKind| -> Vec<(i64, String, i32)> {
            unqueued
                .iter()
                .filter(|u| u.0 == kind)
                .map(|u| (u.1, u.2.clone(), u.3))
                .collect()
        };
        let (posts, titles) = (of_kind(SourceKind::Post), of_kind(SourceKind::Title));
        db.write(|conn| {
            queue::queue_on_demand(
                conn,
                actor.user_id,
                on_demand_per_hour,
                &reading_lang,
                &posts,
                &titles,
            )
        })?;
    }
    Ok(page)
}
