//! What gets translated when: new posts and titles for the languages their space's members
//! read, a new member's language for recent threads, and what a reader asks for.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use pontis_types::lang::{same_language, translation_target};
use pontis_types::{JobState, SourceKind};

use crate::db::{AnyConnection, on_each_backend};
use crate::error::{Error, Result};
use crate::rows::{Post, Thread, now};
use crate::schema::{
    memberships, on_demand_languages, posts, threads, translation_backfills, translation_jobs,
    translations, user_languages,
};

/// New and edited posts go first; then a new member's language for recent threads; then
/// what a reader asked for in a language no member reads.
pub const PRIORITY_NEW: i32 = 10;
pub const PRIORITY_BACKFILL: i32 = 0;
pub const PRIORITY_ON_DEMAND: i32 = -10;
/// Texts translated again because their space's glossary or corrections changed.
pub const PRIORITY_STEERING: i32 = -20;
/// New on-demand languages a reader may start an hour, unless configured otherwise.
pub const ON_DEMAND_LANGUAGES_PER_HOUR: u32 = 5;
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
        if let Some(first) = langs.first().map(|l| translation_target(l))
            && !targets.contains(&first)
        {
            targets.push(first);
        }
    }
    Ok(targets)
}

/// Queues (or re-queues, after an edit) one job per target language, each in its
/// translation form. Two writers queueing the same job at once both succeed: the second
/// insert does nothing.
fn queue(
    conn: &mut AnyConnection,
    kind: SourceKind,
    source_id: i64,
    source_lang: &str,
    revision: i32,
    targets: &[String],
    priority: i32,
) -> Result<()> {
    queue_jobs(
        conn,
        kind,
        source_id,
        source_lang,
        revision,
        targets,
        priority,
        false,
    )
}

/// Translates a text again into `targets`, though it did not change: what its space's
/// teachers steer translation with did. A job in hand is taken back (its worker's result
/// is dropped); the translation readers have stays until the new one replaces it.
pub(crate) fn requeue(
    conn: &mut AnyConnection,
    kind: SourceKind,
    source_id: i64,
    source_lang: &str,
    revision: i32,
    targets: &[String],
) -> Result<()> {
    queue_jobs(
        conn,
        kind,
        source_id,
        source_lang,
        revision,
        targets,
        PRIORITY_STEERING,
        true,
    )
}

#[allow(clippy::too_many_arguments)]
fn queue_jobs(
    conn: &mut AnyConnection,
    kind: SourceKind,
    source_id: i64,
    source_lang: &str,
    revision: i32,
    targets: &[String],
    priority: i32,
    again: bool,
) -> Result<()> {
    let at = now();
    // Routing ignores regions, and the sentence cache is keyed by this form too.
    let source_lang = translation_target(source_lang);
    let source_lang = source_lang.as_str();
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
                if queued_revision == revision
                    && (state == JobState::Queued || (!again && state != JobState::Failed)) => {}
            Some((id, _, _, old_priority)) => {
                let priority = if again {
                    priority
                } else {
                    priority.max(old_priority)
                };
                diesel::update(translation_jobs::table.find(id))
                    .set((
                        translation_jobs::source_lang.eq(source_lang),
                        translation_jobs::source_revision.eq(revision),
                        translation_jobs::priority.eq(priority),
                        translation_jobs::state.eq(JobState::Queued),
                        translation_jobs::attempts.eq(0),
                        translation_jobs::lease_owner.eq(None::<String>),
                        translation_jobs::lease_expires_at.eq(None::<NaiveDateTime>),
                        translation_jobs::last_error.eq(None::<String>),
                        translation_jobs::not_before.eq(None::<NaiveDateTime>),
                        translation_jobs::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
            None => {
                let insert = diesel::insert_into(translation_jobs::table)
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
                    .on_conflict((
                        translation_jobs::source_kind,
                        translation_jobs::source_id,
                        translation_jobs::target_lang,
                    ))
                    .do_nothing();
                on_each_backend!(conn, |c| insert.execute(c))?;
            }
        }
    }
    Ok(())
}

/// Queues a new or edited post for every language its space's members need, and, after
/// an edit, again for every other language it has a translation or a job in: a language
/// asked for on demand must not keep the old text.
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
    )?;
    if post.revision == 1 {
        return Ok(());
    }
    let mut others: Vec<String> = translation_jobs::table
        .filter(translation_jobs::source_kind.eq(SourceKind::Post))
        .filter(translation_jobs::source_id.eq(post.id))
        .select(translation_jobs::target_lang)
        .load(conn)?;
    others.extend(
        translations::table
            .filter(translations::source_kind.eq(SourceKind::Post))
            .filter(translations::source_id.eq(post.id))
            .select(translations::target_lang)
            .load::<String>(conn)?,
    );
    others.sort();
    others.dedup();
    // Its own language, after its language was fixed: its readers read the original now,
    // and what was made into it from the wrong language goes.
    let (own, others): (Vec<String>, Vec<String>) = others
        .into_iter()
        .filter(|lang| !targets.contains(lang))
        .partition(|lang| same_language(lang, &post.lang));
    if !own.is_empty() {
        diesel::delete(
            translations::table
                .filter(translations::source_kind.eq(SourceKind::Post))
                .filter(translations::source_id.eq(post.id))
                .filter(translations::target_lang.eq_any(&own)),
        )
        .execute(conn)?;
        diesel::delete(
            translation_jobs::table
                .filter(translation_jobs::source_kind.eq(SourceKind::Post))
                .filter(translation_jobs::source_id.eq(post.id))
                .filter(translation_jobs::target_lang.eq_any(&own)),
        )
        .execute(conn)?;
    }
    queue(
        conn,
        SourceKind::Post,
        post.id,
        &post.lang,
        post.revision,
        &others,
        PRIORITY_ON_DEMAND,
    )
}

/// The languages a text has a translation or a job in.
pub(crate) fn translated_into(
    conn: &mut AnyConnection,
    kind: SourceKind,
    source_id: i64,
) -> Result<Vec<String>> {
    let mut langs: Vec<String> = translation_jobs::table
        .filter(translation_jobs::source_kind.eq(kind))
        .filter(translation_jobs::source_id.eq(source_id))
        .select(translation_jobs::target_lang)
        .load(conn)?;
    langs.extend(
        translations::table
            .filter(translations::source_kind.eq(kind))
            .filter(translations::source_id.eq(source_id))
            .select(translations::target_lang)
            .load::<String>(conn)?,
    );
    langs.sort();
    langs.dedup();
    Ok(langs)
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
/// their first language, after the new posts of everyone else. Once per space and
/// language: joining again, or a second reader of that language, queues nothing.
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
    let Some(first) = langs.first().map(|l| translation_target(l)) else {
        return Ok(());
    };
    let mark = diesel::insert_into(translation_backfills::table)
        .values((
            translation_backfills::space_id.eq(space_id),
            translation_backfills::lang.eq(&first),
            translation_backfills::created_at.eq(now()),
        ))
        .on_conflict((translation_backfills::space_id, translation_backfills::lang))
        .do_nothing();
    let done_before = on_each_backend!(conn, |c| mark.execute(c))? == 0;
    if done_before {
        return Ok(());
    }
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
/// language no member of its space has chosen. Each reader may start at most
/// `languages_per_hour` new languages an hour (`OnDemandLimit` past that; 0 means no
/// limit); a language they asked for within the hour costs nothing again. `posts` and
/// `titles`: (id, language, revision) of each text nobody had queued in `lang`.
pub(crate) fn queue_on_demand(
    conn: &mut AnyConnection,
    user_id: i64,
    languages_per_hour: u32,
    lang: &str,
    posts: &[(i64, String, i32)],
    titles: &[(i64, String, i32)],
) -> Result<()> {
    if posts.is_empty() && titles.is_empty() {
        return Ok(());
    }
    let at = now();
    let hour_ago = at - Duration::hours(1);
    let asked_within_hour = on_demand_languages::table
        .filter(on_demand_languages::user_id.eq(user_id))
        .filter(on_demand_languages::requested_at.gt(hour_ago));
    let known = asked_within_hour
        .filter(on_demand_languages::lang.eq(lang))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if !known {
        let started = asked_within_hour.count().get_result::<i64>(conn)?;
        if languages_per_hour > 0 && started >= i64::from(languages_per_hour) {
            return Err(Error::OnDemandLimit {
                max: languages_per_hour,
            });
        }
        diesel::delete(
            on_demand_languages::table
                .filter(on_demand_languages::user_id.eq(user_id))
                .filter(on_demand_languages::lang.eq(lang)),
        )
        .execute(conn)?;
        let record = diesel::insert_into(on_demand_languages::table)
            .values((
                on_demand_languages::user_id.eq(user_id),
                on_demand_languages::lang.eq(lang),
                on_demand_languages::requested_at.eq(at),
            ))
            .on_conflict((on_demand_languages::user_id, on_demand_languages::lang))
            .do_nothing();
        on_each_backend!(conn, |c| record.execute(c))?;
    }
    for (kind, sources) in [(SourceKind::Post, posts), (SourceKind::Title, titles)] {
        for (id, source_lang, revision) in sources {
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
    }
    Ok(())
}
