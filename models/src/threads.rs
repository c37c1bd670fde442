//! Threads and posts: writing, reading with cursors, editing with history, deleting.

use std::collections::HashMap;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::Bool;

use crate::access::{Actor, SpaceAccess, post_access, thread_access};
use crate::accounts::languages_of;
use crate::api_types::{
    CreatePostRequest, CreateThreadRequest, EditPostRequest, LangSource, ModAction, PostView,
    RevisionView, ThreadList, ThreadPage, ThreadView, ThreadWithPostView,
};
use crate::db::{AnyBackend, AnyConnection, Db};
use crate::error::{Error, Result};
use crate::lang;
use crate::lang::same_language;
use crate::limits;
use crate::moderation::{Target, log_action};
use crate::rows::{Post, Thread, User, lang_source_to_db, now, utc};
use crate::schema::{post_revisions, posts, threads, users};
use crate::search;
use crate::secrets::content_hash;
use crate::translation::{self, SourceKind};

fn validate_title(title: &str) -> Result<String> {
    limits::required(title, limits::TITLE_MAX).ok_or(Error::InvalidTitle {
        max: limits::TITLE_MAX,
    })
}

/// Bodies keep their inner whitespace (it is Markdown); only the ends are trimmed.
fn validate_body(body: &str) -> Result<String> {
    limits::required(body, limits::BODY_MAX).ok_or(Error::InvalidBody {
        max: limits::BODY_MAX,
    })
}

/// The language a reader reads in, and every language they read.
pub(crate) struct Reading {
    lang: String,
    reads: Vec<String>,
}

impl Reading {
    /// In `requested` only when given, else in the reader's own languages.
    pub(crate) fn of(
        conn: &mut AnyConnection,
        actor: &Actor,
        requested: Option<&str>,
    ) -> Result<Self> {
        if let Some(tag) = requested {
            let lang = lang::normalize(tag)?;
            return Ok(Self {
                reads: vec![lang.clone()],
                lang,
            });
        }
        let reads = languages_of(conn, actor.user_id)?;
        let lang = reads
            .first()
            .cloned()
            .ok_or_else(|| Error::Internal(format!("user {} reads no language", actor.user_id)))?;
        Ok(Self { lang, reads })
    }

    pub(crate) fn lang(&self) -> &str {
        &self.lang
    }

    fn needs_translation(&self, source_lang: &str) -> bool {
        !self.reads.iter().any(|l| same_language(l, source_lang))
    }
}

/// The declared language, else a confident detection, else the author's first language.
fn decide_language(
    conn: &mut AnyConnection,
    author_id: i64,
    declared: Option<&str>,
    text: &str,
) -> Result<(String, LangSource)> {
    if let Some(tag) = declared {
        return Ok((lang::normalize(tag)?, LangSource::Declared));
    }
    let author_languages = languages_of(conn, author_id)?;
    if let Some(detected) = lang::detect(text, &author_languages) {
        return Ok((detected, LangSource::Detected));
    }
    let first = author_languages
        .into_iter()
        .next()
        .ok_or_else(|| Error::Internal(format!("user {author_id} reads no language")))?;
    Ok((first, LangSource::AuthorDefault))
}

pub fn create_thread(
    db: &Db,
    actor: &Actor,
    slug: &str,
    input: CreateThreadRequest,
) -> Result<ThreadWithPostView> {
    let title = validate_title(&input.title)?;
    let body = validate_body(&input.body)?;
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
        translation::queue_title(conn, &thread)?;
        translation::queue_post(conn, access.space.id, &post)?;
        search::touch_post(conn, post.id)?;
        Ok(ThreadWithPostView {
            thread: thread_view(conn, actor, &access, &thread)?,
            post: post_view_single(conn, actor, &access, &post)?,
        })
    })
}

pub fn create_post(
    db: &Db,
    actor: &Actor,
    thread_id: i64,
    input: CreatePostRequest,
) -> Result<PostView> {
    let body = validate_body(&input.body)?;
    db.write(|conn| {
        let (thread, access) = thread_access(conn, actor, thread_id)?;
        access.require_poster()?;
        if thread.locked && !access.is_moderator() {
            return Err(Error::ThreadLocked);
        }
        let (lang, source) = decide_language(conn, actor.user_id, input.lang.as_deref(), &body)?;
        let created = now();
        let post = insert_post(
            conn,
            actor.user_id,
            thread.id,
            &body,
            &lang,
            source,
            created,
        )?;
        translation::queue_post(conn, access.space.id, &post)?;
        search::touch_post(conn, post.id)?;
        diesel::update(threads::table.find(thread.id))
            .set(threads::bumped_at.eq(created))
            .execute(conn)?;
        post_view_single(conn, actor, &access, &post)
    })
}

fn insert_post(
    conn: &mut AnyConnection,
    author_id: i64,
    thread_id: i64,
    body: &str,
    lang: &str,
    source: LangSource,
    created: NaiveDateTime,
) -> Result<Post> {
    let post_id = diesel::insert_into(posts::table)
        .values((
            posts::thread_id.eq(thread_id),
            posts::author_id.eq(author_id),
            posts::body.eq(body),
            posts::lang.eq(lang),
            posts::lang_source.eq(lang_source_to_db(source)),
            posts::revision.eq(1),
            posts::content_hash.eq(content_hash(body)),
            posts::created_at.eq(created),
        ))
        .returning(posts::id)
        .get_result::<i64>(conn)?;
    let post = load_post(conn, post_id)?;
    insert_revision(conn, &post, author_id)?;
    Ok(post)
}

fn insert_revision(conn: &mut AnyConnection, post: &Post, editor: i64) -> Result<()> {
    diesel::insert_into(post_revisions::table)
        .values((
            post_revisions::post_id.eq(post.id),
            post_revisions::revision.eq(post.revision),
            post_revisions::body.eq(&post.body),
            post_revisions::lang.eq(&post.lang),
            post_revisions::edited_by.eq(editor),
            post_revisions::created_at.eq(post.edited_at.unwrap_or(post.created_at)),
        ))
        .execute(conn)?;
    Ok(())
}

/// The author edits their own post while they may post in the space; moderators edit any.
/// An edit that changes nothing keeps the revision.
pub fn edit_post(db: &Db, actor: &Actor, post_id: i64, input: EditPostRequest) -> Result<PostView> {
    let body = validate_body(&input.body)?;
    let declared = input.lang.as_deref().map(lang::normalize).transpose()?;
    db.write(|conn| {
        let (post, thread, access) = post_access(conn, actor, post_id)?;
        if post.deleted_at.is_some() {
            return Err(Error::PostNotFound);
        }
        if !access.is_moderator() {
            if post.author_id != actor.user_id {
                return Err(Error::PermissionDenied);
            }
            access.require_poster()?;
            if thread.locked {
                return Err(Error::ThreadLocked);
            }
        }
        let lang = declared.unwrap_or_else(|| post.lang.clone());
        let hash = content_hash(&body);
        if hash == post.content_hash && lang == post.lang {
            return post_view_single(conn, actor, &access, &post);
        }
        let source = if lang == post.lang {
            post.lang_source()?
        } else {
            LangSource::Declared
        };
        diesel::update(posts::table.find(post.id))
            .set((
                posts::body.eq(&body),
                posts::lang.eq(&lang),
                posts::lang_source.eq(lang_source_to_db(source)),
                posts::revision.eq(post.revision + 1),
                posts::content_hash.eq(&hash),
                posts::edited_at.eq(now()),
            ))
            .execute(conn)?;
        let edited = load_post(conn, post.id)?;
        insert_revision(conn, &edited, actor.user_id)?;
        translation::queue_post(conn, access.space.id, &edited)?;
        search::touch_post(conn, edited.id)?;
        if post.author_id != actor.user_id {
            log_action(
                conn,
                access.space.id,
                actor.user_id,
                ModAction::EditPost,
                Target {
                    user_id: Some(post.author_id),
                    thread_id: Some(post.thread_id),
                    post_id: Some(post.id),
                },
                None,
            )?;
        }
        post_view_single(conn, actor, &access, &edited)
    })
}

/// Soft delete: the row and its history stay for moderators' records, the body is never
/// shown again.
pub fn delete_post(db: &Db, actor: &Actor, post_id: i64) -> Result<()> {
    db.write(|conn| {
        let (post, _thread, access) = post_access(conn, actor, post_id)?;
        if post.deleted_at.is_some() {
            return Err(Error::PostNotFound);
        }
        let by_author = post.author_id == actor.user_id;
        if !by_author && !access.is_moderator() {
            return Err(Error::PermissionDenied);
        }
        diesel::update(posts::table.find(post.id))
            .set((
                posts::deleted_at.eq(now()),
                posts::deleted_by.eq(actor.user_id),
            ))
            .execute(conn)?;
        search::touch_post(conn, post.id)?;
        if !by_author {
            log_action(
                conn,
                access.space.id,
                actor.user_id,
                ModAction::DeletePost,
                Target {
                    user_id: Some(post.author_id),
                    thread_id: Some(post.thread_id),
                    post_id: Some(post.id),
                },
                None,
            )?;
        }
        Ok(())
    })
}

/// The edit history, oldest first, for the author and the space's moderators. Other
/// readers see only the current text: a teacher who edits out a phone number must be
/// able to make it disappear. Deleted posts have no history to show.
pub fn revisions(db: &Db, actor: &Actor, post_id: i64) -> Result<Vec<RevisionView>> {
    db.read(|conn| {
        let (post, _, access) = post_access(conn, actor, post_id)?;
        if post.deleted_at.is_some() {
            return Err(Error::PostNotFound);
        }
        if post.author_id != actor.user_id && !access.is_moderator() {
            return Err(Error::PermissionDenied);
        }
        let rows = post_revisions::table
            .inner_join(users::table.on(users::id.eq(post_revisions::edited_by)))
            .filter(post_revisions::post_id.eq(post.id))
            .order(post_revisions::revision.asc())
            .select((
                post_revisions::revision,
                post_revisions::body,
                post_revisions::lang,
                User::as_select(),
                post_revisions::created_at,
            ))
            .load::<(i32, String, String, User, NaiveDateTime)>(conn)?;
        Ok(rows
            .into_iter()
            .map(|(revision, body, lang, editor, created)| RevisionView {
                revision,
                body,
                lang,
                edited_by: editor.author(),
                created_at: utc(created),
            })
            .collect())
    })
}

pub fn get_post(db: &Db, actor: &Actor, post_id: i64, lang: Option<&str>) -> Result<PostView> {
    db.read(|conn| {
        let (post, _, access) = post_access(conn, actor, post_id)?;
        let reading = Reading::of(conn, actor, lang)?;
        let (mut views, _) =
            post_views_in(conn, actor, &access, std::slice::from_ref(&post), &reading)?;
        views
            .pop()
            .ok_or_else(|| Error::Internal("post view missing".into()))
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
    check_limit(limit)?;
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

/// A thread with its posts in order, `limit` at a time.
/// A thread with its posts in order, `limit` at a time, each with its translation into
/// `lang` (default: the reader's first language) where the reader does not read it.
/// Translations nobody had queued are queued now.
pub fn thread_page(
    db: &Db,
    actor: &Actor,
    thread_id: i64,
    cursor: Option<&str>,
    limit: usize,
    lang: Option<&str>,
) -> Result<ThreadPage> {
    check_limit(limit)?;
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
        Ok::<_, Error>((page, unqueued, reading.lang))
    })?;
    if !unqueued.is_empty() {
        db.write(|conn| {
            for kind in [SourceKind::Post, SourceKind::Title] {
                let sources: Vec<(i64, String, i32)> = unqueued
                    .iter()
                    .filter(|u| u.0 == kind)
                    .map(|u| (u.1, u.2.clone(), u.3))
                    .collect();
                translation::queue_on_demand(conn, kind, &sources, &reading_lang)?;
            }
            Ok::<_, Error>(())
        })?;
    }
    Ok(page)
}

/// A source nobody has queued for the reader's language: kind, id, language, revision.
type Unqueued = (SourceKind, i64, String, i32);

fn check_limit(limit: usize) -> Result<()> {
    if (1..=limits::PAGE_MAX).contains(&limit) {
        Ok(())
    } else {
        Err(Error::InvalidLimit {
            max: limits::PAGE_MAX,
        })
    }
}

/// Which posts the actor may see: hidden ones only for moderators and their authors.
/// Deleted posts stay in the list as tombstones so that replies keep their context.
type PostFilter = Box<dyn BoxableExpression<posts::table, AnyBackend, SqlType = Bool>>;

fn visible_posts(access: &SpaceAccess, actor: &Actor) -> PostFilter {
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

fn thread_views(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    found: &[Thread],
) -> Result<Vec<ThreadView>> {
    let reading = Reading::of(conn, actor, None)?;
    Ok(thread_views_in(conn, actor, access, found, &reading)?.0)
}

fn thread_views_in(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    found: &[Thread],
    reading: &Reading,
) -> Result<(Vec<ThreadView>, Vec<Unqueued>)> {
    let needing: HashMap<i64, i32> = found
        .iter()
        .filter(|t| reading.needs_translation(&t.lang))
        .map(|t| (t.id, 1))
        .collect();
    let (mut titles, unqueued) = if needing.is_empty() {
        (HashMap::new(), Vec::new())
    } else {
        translation::translation_views(conn, SourceKind::Title, &needing, &reading.lang)?
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

fn post_views_in(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    found: &[Post],
    reading: &Reading,
) -> Result<(Vec<PostView>, Vec<Unqueued>)> {
    let needing: HashMap<i64, i32> = found
        .iter()
        .filter(|p| p.deleted_at.is_none() && reading.needs_translation(&p.lang))
        .map(|p| (p.id, p.revision))
        .collect();
    let (mut translated, unqueued) = if needing.is_empty() {
        (HashMap::new(), Vec::new())
    } else {
        translation::translation_views(conn, SourceKind::Post, &needing, &reading.lang)?
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
            Ok(PostView {
                id: p.id,
                thread_id: p.thread_id,
                author: authors
                    .get(&p.author_id)
                    .ok_or_else(|| Error::Internal(format!("author {} missing", p.author_id)))?
                    .author(),
                body: (!deleted).then(|| p.body.clone()),
                lang: p.lang.clone(),
                lang_source: p.lang_source()?,
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
                translation: translated.remove(&p.id),
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

/// Position in the thread list: (pinned, last activity, id), all descending.
struct ThreadCursor {
    pinned: bool,
    bumped_at: NaiveDateTime,
    id: i64,
}

impl ThreadCursor {
    fn of(thread: &Thread) -> Self {
        Self {
            pinned: thread.pinned,
            bumped_at: thread.bumped_at,
            id: thread.id,
        }
    }

    fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!(
            "{}.{}.{}",
            u8::from(self.pinned),
            self.bumped_at.and_utc().timestamp_micros(),
            self.id
        ))
    }

    fn decode(text: &str) -> Result<Self> {
        let raw = URL_SAFE_NO_PAD
            .decode(text)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or(Error::InvalidCursor)?;
        let mut parts = raw.split('.');
        let mut next = || parts.next().ok_or(Error::InvalidCursor);
        let pinned = match next()? {
            "0" => false,
            "1" => true,
            _ => return Err(Error::InvalidCursor),
        };
        let micros: i64 = next()?.parse().map_err(|_| Error::InvalidCursor)?;
        let id: i64 = next()?.parse().map_err(|_| Error::InvalidCursor)?;
        let bumped_at = chrono::DateTime::from_timestamp_micros(micros)
            .ok_or(Error::InvalidCursor)?
            .naive_utc();
        Ok(Self {
            pinned,
            bumped_at,
            id,
        })
    }
}

pub(crate) fn encode_id_cursor(id: i64) -> String {
    URL_SAFE_NO_PAD.encode(id.to_string())
}

pub(crate) fn decode_id_cursor(text: &str) -> Result<i64> {
    URL_SAFE_NO_PAD
        .decode(text)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|s| s.parse().ok())
        .ok_or(Error::InvalidCursor)
}

/// What changed in a thread since a reader last looked, for live updates.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ThreadChanges {
    /// Posts the reader can see, newer than `after_post`.
    pub new_posts: Vec<i64>,
    /// Posts whose translation into the reader's language landed since `since`.
    pub translated_posts: Vec<i64>,
    /// Whether the title's translation landed since `since`.
    pub title_translated: bool,
}

/// Changes in a thread the actor may see: new posts after `after_post`, translations into
/// `lang` stored after `since`. Fails like `thread_page` once the thread is out of sight.
pub fn thread_changes(
    db: &Db,
    actor: &Actor,
    thread_id: i64,
    lang: Option<&str>,
    after_post: i64,
    since: NaiveDateTime,
) -> Result<ThreadChanges> {
    use crate::schema::translations;
    db.read(|conn| {
        let (thread, access) = thread_access(conn, actor, thread_id)?;
        let reading = Reading::of(conn, actor, lang)?;
        let thread_posts: Vec<i64> = posts::table
            .filter(visible_posts(&access, actor))
            .filter(posts::thread_id.eq(thread.id))
            .order(posts::id.asc())
            .select(posts::id)
            .load(conn)?;
        let new_posts = thread_posts
            .iter()
            .copied()
            .filter(|id| *id > after_post)
            .collect();
        let translated_posts = translations::table
            .filter(translations::source_kind.eq("post"))
            .filter(translations::source_id.eq_any(&thread_posts))
            .filter(translations::target_lang.eq(&reading.lang))
            .filter(translations::created_at.gt(since))
            .order(translations::source_id.asc())
            .select(translations::source_id)
            .load(conn)?;
        let title_translated = translations::table
            .filter(translations::source_kind.eq("title"))
            .filter(translations::source_id.eq(thread.id))
            .filter(translations::target_lang.eq(&reading.lang))
            .filter(translations::created_at.gt(since))
            .count()
            .get_result::<i64>(conn)?
            > 0;
        Ok(ThreadChanges {
            new_posts,
            translated_posts,
            title_translated,
        })
    })
}
