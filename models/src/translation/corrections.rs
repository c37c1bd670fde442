//! Teachers' corrections of single sentences. A reader flags a sentence of a translation
//! as wrong, with a suggestion if they have one; the space's teachers see the flag with
//! the source and the engine's translation side by side, and approve a correction or
//! dismiss the flag. An approved correction is used instead of the engine wherever that
//! sentence is translated between those languages in the space, is kept apart from the
//! engines' shared sentence cache, and can be revoked.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use pontis_types::lang::{self, translation_target};
use pontis_types::limits::{self, CORRECTION_MAX};
use pontis_types::{
    ApproveCorrectionRequest, CorrectionView, CorrectionsView, FlagSentenceRequest, JobCorrection,
    PostSentences, SentencePair, SourceKind, TranslationFlagView,
};

use crate::access::{Actor, SpaceAccess, live_post_access};
use crate::db::{AnyConnection, Db, on_each_backend};
use crate::error::{Error, Result};
use crate::reading::Reading;
use crate::rows::{now, utc};
use crate::schema::{posts, sentence_corrections, threads, translation_flags, translations, users};
use crate::translation::queue;

/// A post's current translation into `lang` (default: the reader's first language),
/// sentence by sentence, for a reader who may see the post.
pub fn post_sentences(
    db: &Db,
    actor: &Actor,
    post_id: i64,
    lang: Option<&str>,
) -> Result<PostSentences> {
    db.read(|conn| {
        let target = Reading::of(conn, actor, lang)?.lang().to_owned();
        let (post, ..) = live_post_access(conn, actor, post_id)?;
        let sentences = current_sentences(conn, post.id, post.revision, &target)?;
        Ok(PostSentences {
            post_id: post.id,
            thread_id: post.thread_id,
            source_lang: translation_target(&post.lang),
            lang: target,
            sentences,
        })
    })
}

fn current_sentences(
    conn: &mut AnyConnection,
    post_id: i64,
    revision: i32,
    target: &str,
) -> Result<Vec<SentencePair>> {
    let stored: Option<String> = translations::table
        .filter(translations::source_kind.eq(SourceKind::Post))
        .filter(translations::source_id.eq(post_id))
        .filter(translations::target_lang.eq(target))
        .filter(translations::source_revision.eq(revision))
        .select(translations::sentences)
        .first(conn)
        .optional()?;
    match stored {
        Some(json) => serde_json::from_str(&json).map_err(Error::internal),
        None => Ok(Vec::new()),
    }
}

/// A member flags one sentence of a post's translation. Flagging the same sentence again
/// replaces the suggestion.
pub fn flag(db: &Db, actor: &Actor, post_id: i64, input: FlagSentenceRequest) -> Result<()> {
    let target = translation_target(&lang::normalize(&input.lang)?);
    let suggestion = match input.suggestion.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(limits::required(text, CORRECTION_MAX).ok_or(
            Error::InvalidCorrection {
                max: CORRECTION_MAX,
            },
        )?),
    };
    db.write(|conn| {
        let (post, thread, access) = live_post_access(conn, actor, post_id)?;
        access.require_poster()?;
        let sentences = current_sentences(conn, post.id, post.revision, &target)?;
        let pair = usize::try_from(input.sentence)
            .ok()
            .and_then(|i| sentences.get(i))
            .ok_or(Error::SentenceNotFound)?;
        diesel::delete(
            translation_flags::table
                .filter(translation_flags::post_id.eq(post.id))
                .filter(translation_flags::target_lang.eq(&target))
                .filter(translation_flags::source.eq(&pair.source))
                .filter(translation_flags::flagged_by.eq(actor.user_id)),
        )
        .execute(conn)?;
        diesel::insert_into(translation_flags::table)
            .values((
                translation_flags::space_id.eq(thread.space_id),
                translation_flags::post_id.eq(post.id),
                translation_flags::source_lang.eq(translation_target(&post.lang)),
                translation_flags::target_lang.eq(&target),
                translation_flags::source.eq(&pair.source),
                translation_flags::machine.eq(&pair.translation),
                translation_flags::suggestion.eq(&suggestion),
                translation_flags::flagged_by.eq(actor.user_id),
                translation_flags::created_at.eq(now()),
            ))
            .execute(conn)?;
        Ok(())
    })
}

type FlagRow = (
    i64,
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    NaiveDateTime,
);
type CorrectionRow = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    NaiveDateTime,
);

/// Open flags on posts still there, and the corrections in use: for teachers and owners.
pub fn list(db: &Db, actor: &Actor, slug: &str) -> Result<CorrectionsView> {
    db.read(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let space_id = access.space.id;
        let flags: Vec<FlagRow> = translation_flags::table
            .inner_join(posts::table)
            .inner_join(users::table)
            .filter(translation_flags::space_id.eq(space_id))
            .filter(posts::deleted_at.is_null())
            .order(translation_flags::id.asc())
            .select((
                translation_flags::id,
                translation_flags::post_id,
                posts::thread_id,
                translation_flags::source_lang,
                translation_flags::target_lang,
                translation_flags::source,
                translation_flags::machine,
                translation_flags::suggestion,
                users::handle,
                translation_flags::created_at,
            ))
            .load(conn)?;
        let corrections: Vec<CorrectionRow> = sentence_corrections::table
            .left_join(users::table)
            .filter(sentence_corrections::space_id.eq(space_id))
            .order(sentence_corrections::id.asc())
            .select((
                sentence_corrections::id,
                sentence_corrections::source_lang,
                sentence_corrections::target_lang,
                sentence_corrections::source,
                sentence_corrections::translation,
                users::handle.nullable(),
                sentence_corrections::approved_at,
            ))
            .load(conn)?;
        Ok(CorrectionsView {
            flags: flags
                .into_iter()
                .map(
                    |(id, post_id, thread_id, from, to, source, machine, suggestion, by, at)| {
                        TranslationFlagView {
                            id,
                            post_id,
                            thread_id,
                            source_lang: from,
                            target_lang: to,
                            source,
                            machine,
                            suggestion,
                            flagged_by: by,
                            created_at: utc(at),
                        }
                    },
                )
                .collect(),
            corrections: corrections
                .into_iter()
                .map(
                    |(id, from, to, source, translation, by, at)| CorrectionView {
                        id,
                        source_lang: from,
                        target_lang: to,
                        source,
                        translation,
                        approved_by: by,
                        approved_at: utc(at),
                    },
                )
                .collect(),
        })
    })
}

/// A teacher approves a correction of a flagged sentence: it replaces any earlier one of
/// that sentence, closes every flag on it, and the space's texts that hold it are
/// translated again.
pub fn approve(
    db: &Db,
    actor: &Actor,
    slug: &str,
    input: ApproveCorrectionRequest,
) -> Result<CorrectionView> {
    let translation =
        limits::required(&input.translation, CORRECTION_MAX).ok_or(Error::InvalidCorrection {
            max: CORRECTION_MAX,
        })?;
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let space_id = access.space.id;
        let (from, to, source): (String, String, String) = translation_flags::table
            .find(input.flag_id)
            .filter(translation_flags::space_id.eq(space_id))
            .select((
                translation_flags::source_lang,
                translation_flags::target_lang,
                translation_flags::source,
            ))
            .first(conn)
            .optional()?
            .ok_or(Error::FlagNotFound)?;
        let at = now();
        let key = sentence_corrections::table
            .filter(sentence_corrections::space_id.eq(space_id))
            .filter(sentence_corrections::source_lang.eq(&from))
            .filter(sentence_corrections::target_lang.eq(&to))
            .filter(sentence_corrections::source.eq(&source));
        diesel::delete(key).execute(conn)?;
        let insert = diesel::insert_into(sentence_corrections::table)
            .values((
                sentence_corrections::space_id.eq(space_id),
                sentence_corrections::source_lang.eq(&from),
                sentence_corrections::target_lang.eq(&to),
                sentence_corrections::source.eq(&source),
                sentence_corrections::translation.eq(&translation),
                sentence_corrections::approved_by.eq(actor.user_id),
                sentence_corrections::approved_at.eq(at),
            ))
            .returning(sentence_corrections::id);
        let id: i64 = on_each_backend!(conn, |c| insert.get_result(c))?;
        diesel::delete(
            translation_flags::table
                .filter(translation_flags::space_id.eq(space_id))
                .filter(translation_flags::source_lang.eq(&from))
                .filter(translation_flags::target_lang.eq(&to))
                .filter(translation_flags::source.eq(&source)),
        )
        .execute(conn)?;
        translate_again(conn, space_id, &to, &source)?;
        let approved_by = users::table
            .find(actor.user_id)
            .select(users::handle)
            .first::<String>(conn)
            .optional()?;
        Ok(CorrectionView {
            id,
            source_lang: from,
            target_lang: to,
            source,
            translation,
            approved_by,
            approved_at: utc(at),
        })
    })
}

/// A teacher dismisses a flag: the engine's translation stays.
pub fn dismiss(db: &Db, actor: &Actor, slug: &str, flag_id: i64) -> Result<()> {
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let deleted = diesel::delete(
            translation_flags::table
                .find(flag_id)
                .filter(translation_flags::space_id.eq(access.space.id)),
        )
        .execute(conn)?;
        if deleted == 0 {
            return Err(Error::FlagNotFound);
        }
        Ok(())
    })
}

/// A teacher revokes a correction: the engines translate that sentence again.
pub fn revoke(db: &Db, actor: &Actor, slug: &str, correction_id: i64) -> Result<()> {
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let space_id = access.space.id;
        let (to, source): (String, String) = sentence_corrections::table
            .find(correction_id)
            .filter(sentence_corrections::space_id.eq(space_id))
            .select((
                sentence_corrections::target_lang,
                sentence_corrections::source,
            ))
            .first(conn)
            .optional()?
            .ok_or(Error::CorrectionNotFound)?;
        diesel::delete(sentence_corrections::table.find(correction_id)).execute(conn)?;
        translate_again(conn, space_id, &to, &source)
    })
}

/// The space's corrections between two languages, for a job.
pub(crate) fn job_corrections(
    conn: &mut AnyConnection,
    space_id: i64,
    from: &str,
    to: &str,
) -> Result<Vec<JobCorrection>> {
    Ok(sentence_corrections::table
        .filter(sentence_corrections::space_id.eq(space_id))
        .filter(sentence_corrections::source_lang.eq(from))
        .filter(sentence_corrections::target_lang.eq(to))
        .select((
            sentence_corrections::source,
            sentence_corrections::translation,
        ))
        .load::<(String, String)>(conn)?
        .into_iter()
        .map(|(source, translation)| JobCorrection {
            source,
            translation,
        })
        .collect())
}

/// Queues again the space's posts and titles whose translation into `to` has `source`
/// among its sentences.
fn translate_again(conn: &mut AnyConnection, space_id: i64, to: &str, source: &str) -> Result<()> {
    let holds = |json: &str| {
        serde_json::from_str::<Vec<SentencePair>>(json)
            .is_ok_and(|pairs| pairs.iter().any(|pair| pair.source == source))
    };
    let posts: Vec<(i64, String, i32, String)> = translations::table
        .inner_join(posts::table.on(posts::id.eq(translations::source_id)))
        .inner_join(threads::table.on(threads::id.eq(posts::thread_id)))
        .filter(translations::source_kind.eq(SourceKind::Post))
        .filter(translations::target_lang.eq(to))
        .filter(threads::space_id.eq(space_id))
        .filter(posts::deleted_at.is_null())
        .select((
            posts::id,
            posts::lang,
            posts::revision,
            translations::sentences,
        ))
        .load(conn)?;
    let targets = [to.to_owned()];
    for (id, lang, revision, _) in posts.into_iter().filter(|(.., json)| holds(json)) {
        queue::requeue(conn, SourceKind::Post, id, &lang, revision, &targets)?;
    }
    let titles: Vec<(i64, String, String)> = translations::table
        .inner_join(threads::table.on(threads::id.eq(translations::source_id)))
        .filter(translations::source_kind.eq(SourceKind::Title))
        .filter(translations::target_lang.eq(to))
        .filter(threads::space_id.eq(space_id))
        .select((threads::id, threads::lang, translations::sentences))
        .load(conn)?;
    for (id, lang, _) in titles.into_iter().filter(|(.., json)| holds(json)) {
        queue::requeue(conn, SourceKind::Title, id, &lang, 1, &targets)?;
    }
    Ok(())
}
