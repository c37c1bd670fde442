//! Posts: writing, editing with history, deleting, reading one.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use pontis_types::lang;
use pontis_types::limits;
use pontis_types::{
    CreatePostRequest, EditPostRequest, LangSource, ModAction, PostView, RevisionView,
};

use crate::access::{Actor, SpaceAccess, live_post_access, post_access, thread_access};
use crate::accounts::languages_of;
use crate::db::{AnyConnection, Db};
use crate::error::{Error, Result};
use crate::modlog::{Target, log_action};
use crate::notifications;
use crate::reading::Reading;
use crate::rows::{Post, Thread, User, now, utc};
use crate::schema::{post_revisions, posts, threads, users};
use crate::search;
use crate::secrets::content_hash;
use crate::translation::queue;
use crate::views::{load_post, post_view_single, post_views_in};

/// Bodies keep their inner whitespace (it is Markdown); only the ends are trimmed.
pub(crate) fn validate_body(body: &str) -> Result<String> {
    limits::required(body, limits::BODY_MAX).ok_or(Error::InvalidBody {
        max: limits::BODY_MAX,
    })
}

/// The declared language, else a confident detection, else the author's first language.
pub(crate) fn decide_language(
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

pub fn create_post(
    db: &Db,
    actor: &Actor,
    thread_id: i64,
    input: CreatePostRequest,
) -> Result<PostView> {
    let body = validate_body(&input.body)?;
    let delivery = db.delivery();
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
        queue::queue_post(conn, access.space.id, &post)?;
        search::touch_post(conn, post.id)?;
        notifications::create::new_post(conn, delivery, access.space.id, &thread, &post)?;
        diesel::update(threads::table.find(thread.id))
            .set(threads::bumped_at.eq(created))
            .execute(conn)?;
        post_view_single(conn, actor, &access, &post)
    })
}

pub(crate) fn insert_post(
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
            posts::lang_source.eq(source),
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

/// The author edits their own post while they may post in the space and the thread is
/// open; moderators edit any.
fn require_editor(access: &SpaceAccess, actor: &Actor, post: &Post, thread: &Thread) -> Result<()> {
    if access.is_moderator() {
        return Ok(());
    }
    if post.author_id != actor.user_id {
        return Err(Error::PermissionDenied);
    }
    access.require_poster()?;
    if thread.locked {
        return Err(Error::ThreadLocked);
    }
    Ok(())
}

/// The post, for its edit form, when `actor` may edit it (as `edit_post` decides).
pub fn post_to_edit(db: &Db, actor: &Actor, post_id: i64) -> Result<PostView> {
    db.read(|conn| {
        let (post, thread, access) = live_post_access(conn, actor, post_id)?;
        require_editor(&access, actor, &post, &thread)?;
        post_view_single(conn, actor, &access, &post)
    })
}

/// An edit that changes nothing keeps the revision.
pub fn edit_post(db: &Db, actor: &Actor, post_id: i64, input: EditPostRequest) -> Result<PostView> {
    let body = validate_body(&input.body)?;
    let declared = input.lang.as_deref().map(lang::normalize).transpose()?;
    db.write(|conn| {
        let (post, thread, access) = live_post_access(conn, actor, post_id)?;
        require_editor(&access, actor, &post, &thread)?;
        let lang = declared.unwrap_or_else(|| post.lang.clone());
        revise(conn, actor, &access, &post, &body, &lang)
    })
}

/// Fixes the language a post is tagged with (the author, or a moderator): a new revision
/// of the same text, so that every translation is made again from the right language and
/// readers of that language read the original.
pub fn set_language(db: &Db, actor: &Actor, post_id: i64, lang: &str) -> Result<PostView> {
    let lang = lang::normalize(lang)?;
    db.write(|conn| {
        let (post, thread, access) = live_post_access(conn, actor, post_id)?;
        require_editor(&access, actor, &post, &thread)?;
        let body = post.body.clone();
        revise(conn, actor, &access, &post, &body, &lang)
    })
}

/// A new revision of `post` with `body` in `lang`, translated again; nothing when both
/// are as they were.
fn revise(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    post: &Post,
    body: &str,
    lang: &str,
) -> Result<PostView> {
    let hash = content_hash(body);
    if hash == post.content_hash && lang == post.lang {
        return post_view_single(conn, actor, access, post);
    }
    let source = if lang == post.lang {
        post.lang_source
    } else {
        LangSource::Declared
    };
    diesel::update(posts::table.find(post.id))
        .set((
            posts::body.eq(body),
            posts::lang.eq(lang),
            posts::lang_source.eq(source),
            posts::revision.eq(post.revision + 1),
            posts::content_hash.eq(&hash),
            posts::edited_at.eq(now()),
        ))
        .execute(conn)?;
    let edited = load_post(conn, post.id)?;
    insert_revision(conn, &edited, actor.user_id)?;
    queue::queue_post(conn, access.space.id, &edited)?;
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
    post_view_single(conn, actor, access, &edited)
}

/// Soft delete: the row and its history stay for moderators' records, the body is never
/// shown again.
pub fn delete_post(db: &Db, actor: &Actor, post_id: i64) -> Result<()> {
    db.write(|conn| {
        let (post, _thread, access) = live_post_access(conn, actor, post_id)?;
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
        let (post, _, access) = live_post_access(conn, actor, post_id)?;
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
