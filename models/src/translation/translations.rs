//! Stored translations, and what a reader sees of them.

use std::collections::HashMap;

use diesel::prelude::*;
use pontis_types::{JobState, SentencePair, SourceKind, TranslationStatus, TranslationView};

use crate::db::AnyConnection;
use crate::error::{Error, Result};
use crate::rows::now;
use crate::schema::{translation_jobs, translations};
use crate::search;
use crate::translation::routes;

#[allow(clippy::too_many_arguments)]
pub(crate) fn store_translation(
    conn: &mut AnyConnection,
    kind: SourceKind,
    source_id: i64,
    target_lang: &str,
    revision: i32,
    text: &str,
    engine: &str,
    model: &str,
    sentences: &[SentencePair],
) -> Result<()> {
    let corrected = sentences.iter().any(|s| s.corrected);
    let sentences = serde_json::to_string(sentences).map_err(Error::internal)?;
    let target = translations::table
        .filter(translations::source_kind.eq(kind))
        .filter(translations::source_id.eq(source_id))
        .filter(translations::target_lang.eq(target_lang));
    let updated = diesel::update(target)
        .set((
            translations::source_revision.eq(revision),
            translations::body.eq(text),
            translations::engine.eq(engine),
            translations::model.eq(model),
            translations::sentences.eq(&sentences),
            translations::corrected.eq(corrected),
            translations::created_at.eq(now()),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(translations::table)
            .values((
                translations::source_kind.eq(kind),
                translations::source_id.eq(source_id),
                translations::target_lang.eq(target_lang),
                translations::source_revision.eq(revision),
                translations::body.eq(text),
                translations::engine.eq(engine),
                translations::model.eq(model),
                translations::sentences.eq(&sentences),
                translations::corrected.eq(corrected),
                translations::created_at.eq(now()),
            ))
            .execute(conn)?;
    }
    match kind {
        SourceKind::Title => search::touch_title(conn, source_id),
        SourceKind::Post => search::touch_post(conn, source_id),
    }
}

/// What a reader sees of each source's translation into `lang`, by source id, and the
/// sources nobody has queued for `lang` yet that a route can translate. `sources` maps
/// each source to its current revision and language. A source no job and no route
/// reaches is `unavailable` at once.
pub(crate) fn translation_views(
    conn: &mut AnyConnection,
    kind: SourceKind,
    sources: &HashMap<i64, (i32, String)>,
    lang: &str,
) -> Result<(HashMap<i64, TranslationView>, Vec<i64>)> {
    let ids: Vec<i64> = sources.keys().copied().collect();
    let stored: Vec<(i64, i32, String, String, String, bool)> = translations::table
        .filter(translations::source_kind.eq(kind))
        .filter(translations::source_id.eq_any(&ids))
        .filter(translations::target_lang.eq(lang))
        .select((
            translations::source_id,
            translations::source_revision,
            translations::body,
            translations::engine,
            translations::model,
            translations::corrected,
        ))
        .load(conn)?;
    let jobs: HashMap<i64, JobState> = translation_jobs::table
        .filter(translation_jobs::source_kind.eq(kind))
        .filter(translation_jobs::source_id.eq_any(&ids))
        .filter(translation_jobs::target_lang.eq(lang))
        .select((translation_jobs::source_id, translation_jobs::state))
        .load::<(i64, JobState)>(conn)?
        .into_iter()
        .collect();
    let mut views: HashMap<i64, TranslationView> = HashMap::new();
    for (id, revision, body, engine, model, corrected) in stored {
        let current = sources.get(&id).map_or(revision, |(current, _)| *current);
        views.insert(
            id,
            TranslationView {
                lang: lang.to_owned(),
                status: if revision >= current {
                    TranslationStatus::Ready
                } else {
                    TranslationStatus::Stale
                },
                body: Some(body),
                engine: Some(engine),
                model: Some(model),
                corrected,
            },
        );
    }
    let unqueued_langs: Vec<&str> = sources
        .iter()
        .filter(|(id, _)| !jobs.contains_key(id))
        .map(|(_, (_, source_lang))| source_lang.as_str())
        .collect();
    let reachable = if unqueued_langs.is_empty() {
        Default::default()
    } else {
        routes::reachable_sources(conn, &unqueued_langs, lang)?
    };
    let unqueued: Vec<i64> = sources
        .iter()
        .filter(|(id, (_, source_lang))| !jobs.contains_key(id) && reachable.contains(source_lang))
        .map(|(id, _)| *id)
        .collect();
    for id in ids {
        let queued_or_reachable =
            jobs.get(&id).is_some_and(|s| !s.is_final_failure()) || unqueued.contains(&id);
        views.entry(id).or_insert_with(|| TranslationView {
            lang: lang.to_owned(),
            status: if queued_or_reachable {
                TranslationStatus::Pending
            } else {
                TranslationStatus::Unavailable
            },
            body: None,
            engine: None,
            model: None,
            corrected: false,
        });
    }
    Ok((views, unqueued))
}
