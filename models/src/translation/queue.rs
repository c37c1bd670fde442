//! What gets translated when: new posts and titles for the languages their space's members
//! read, a new member's language for recent threads, and what a reader asks for.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use pontis_types::lang::same_language;
use pontis_types::{JobState, SourceKind};

use crate::db::AnyConnection;
use crate::error::Result;
use crate::rows::{Post, Thread, now};
use crate::schema::{memberships, posts, threads, translation_jobs, user_languages};

/// New and edited posts go first; backfill for a new member's language waits.
pub const PRIORITY_NEW: i32 = 10;
pub const PRIORITY_ON_DEMAND: i32 = 20;
pub const PRIORITY_BACKFILL: i32 = 0;
/// Threads a new member's language is backfilled for.
pub const BACKFILL_THREADS: i64 = 20;

/// The languages a text must be translated into for a space: the first language of each
/// member who does not read the text's language.
fn target_languages(
    conn: &mut AnyConnection,
    space_id: i64,
    source_lang: &str,
) -> Result<Vec<String>> {
    let rows: Vec<(i64, String)> = user_languages::table
        .inner_join(memberships::table.on(memberships::user_id.eq(user_languages::user_id)))
        .filter(memberships::space_id.eq(space_id))
        .order((
            user_languages::user_id.asc(),
            user_languages::position.asc(),
        ))
        .select((user_languages::user_id, user_languages::lang))
        .load(conn)?;
    let mut by_user: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (user, lang) in rows {
        by_user.entry(user).or_default().push(lang);
    }
    let mut targets: Vec<String> = Vec::new();
    for langs in by_user.values() {
        if langs.iter().any(|l| same_language(l, source_lang)) {
            continue;
        }
        if let Some(first) = langs.first()
            && !targets.iter().any(|t| same_language(t, first))
        {
            targets.push(first.clone());
        }
    }
    Ok(targets)
}

/// Queues (or re-queues, after an edit) one job per target language.
fn queue(
    conn: &mut AnyConnection,
    kind: SourceKind,
    source_id: i64,
    source_lang: &str,
    revision: i32,
    targets: &[String],
    priority: i32,
) -> Result<()> {
    let at = now();
    for target in targets {
        let existing = translation_jobs::table
            .filter(translation_jobs::source_kind.eq(kind))
            .filter(translation_jobs::source_id.eq(source_id))
            .filter(translation_jobs::target_lang.eq(target))
            .select((
                translation_jobs::id,
                translation_jobs::source_revision,
                translation_jobs::state,
                translation_jobs::priority,
            ))
            .first::<(i64, i32, JobState, i32)>(conn)
            .optional()?;
        match existing {
            // Already queued or done for this revision: nothing to add.
            Some((_, queued_revision, state, _))
                if queued_revision == revision && state != JobState::Failed => {}
            Some((id, _, _, old_priority)) => {
                diesel::update(translation_jobs::table.find(id))
                    .set((
                        translation_jobs::source_lang.eq(source_lang),
                        translation_jobs::source_revision.eq(revision),
                        translation_jobs::priority.eq(priority.max(old_priority)),
                        translation_jobs::state.eq(JobState::Queued),
                        translation_jobs::attempts.eq(0),
                        translation_jobs::lease_owner.eq(None::<String>),
                        translation_jobs::lease_expires_at.eq(None::<NaiveDateTime>),
                        translation_jobs::last_error.eq(None::<String>),
                        translation_jobs::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(translation_jobs::table)
                    .values((
                        translation_jobs::source_kind.eq(kind),
                        translation_jobs::source_id.eq(source_id),
                        translation_jobs::source_lang.eq(source_lang),
                        translation_jobs::target_lang.eq(target),
                        translation_jobs::source_revision.eq(revision),
                        translation_jobs::priority.eq(priority),
                        translation_jobs::state.eq(JobState::Queued),
                        translation_jobs::created_at.eq(at),
                        translation_jobs::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

/// Queues a new or edited post for every language its space's members need.
pub(crate) fn queue_post(conn: &mut AnyConnection, space_id: i64, post: &Post) -> Result<()> {
    let targets = target_languages(conn, space_id, &post.lang)?;
    queue(
        conn,
        SourceKind::Post,
        post.id,
        &post.lang,
        post.revision,
        &targets,
        PRIORITY_NEW,
    )
}

/// Titles cannot be edited, so they are always revision 1.
pub(crate) fn queue_title(conn: &mut AnyConnection, thread: &Thread) -> Result<()> {
    let targets = target_languages(conn, thread.space_id, &thread.lang)?;
    queue(
        conn,
        SourceKind::Title,
        thread.id,
        &thread.lang,
        1,
        &targets,
        PRIORITY_NEW,
    )
}

/// A new member who reads none of a recent thread's languages gets its posts queued in
/// their first language, after the new posts of everyone else.
pub(crate) fn backfill_for_member(
    conn: &mut AnyConnection,
    space_id: i64,
    user_id: i64,
) -> Result<()> {
    let langs: Vec<String> = user_languages::table
        .filter(user_languages::user_id.eq(user_id))
        .order(user_languages::position.asc())
        .select(user_languages::lang)
        .load(conn)?;
    let Some(first) = langs.first().cloned() else {
        return Ok(());
    };
    let recent: Vec<Thread> = threads::table
        .filter(threads::space_id.eq(space_id))
        .order(threads::bumped_at.desc())
        .limit(BACKFILL_THREADS)
        .select(Thread::as_select())
        .load(conn)?;
    let reads = |lang: &str| langs.iter().any(|l| same_language(l, lang));
    for thread in &recent {
        if !reads(&thread.lang) {
            queue(
                conn,
                SourceKind::Title,
                thread.id,
                &thread.lang,
                1,
                std::slice::from_ref(&first),
                PRIORITY_BACKFILL,
            )?;
        }
        let thread_posts: Vec<Post> = posts::table
            .filter(posts::thread_id.eq(thread.id))
            .filter(posts::deleted_at.is_null())
            .select(Post::as_select())
            .load(conn)?;
        for post in thread_posts.iter().filter(|p| !reads(&p.lang)) {
            queue(
                conn,
                SourceKind::Post,
                post.id,
                &post.lang,
                post.revision,
                std::slice::from_ref(&first),
                PRIORITY_BACKFILL,
            )?;
        }
    }
    Ok(())
}

/// Queues what a reader asked for that nobody had queued: a reader may read a thread in a
/// language no member of its space has chosen.
pub(crate) fn queue_on_demand(
    conn: &mut AnyConnection,
    kind: SourceKind,
    sources: &[(i64, String, i32)],
    lang: &str,
) -> Result<()> {
    let ids: Vec<i64> = sources.iter().map(|(id, _, _)| *id).collect();
    let queued: Vec<i64> = translation_jobs::table
        .filter(translation_jobs::source_kind.eq(kind))
        .filter(translation_jobs::source_id.eq_any(&ids))
        .filter(translation_jobs::target_lang.eq(lang))
        .select(translation_jobs::source_id)
        .load(conn)?;
    for (id, source_lang, revision) in sources.iter().filter(|(id, _, _)| !queued.contains(id)) {
        queue(
            conn,
            kind,
            *id,
            source_lang,
            *revision,
            &[lang.to_owned()],
            PRIORITY_ON_DEMAND,
        )?;
    }
    Ok(())
}
