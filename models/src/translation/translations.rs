//! Stored translations, and what a reader sees of them.

use std::collections::HashMap;

use diesel::prelude::*;
use pontis_types::{JobState, SourceKind, TranslationStatus, TranslationView};

use crate::db::AnyConnection;
use crate::error::Result;
use crate::rows::now;
use crate::schema::{translation_jobs, translations};
use crate::search;

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
) -> Result<()> {
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
/// sources nobody has queued for `lang` yet. `current_revisions` maps each source to its
/// current revision.
pub(crate) fn translation_views(
    conn: &mut AnyConnection,
    kind: SourceKind,
    current_revisions: &HashMap<i64, i32>,
    lang: &str,
) -> Result<(HashMap<i64, TranslationView>, Vec<i64>)> {
    let ids: Vec<i64> = current_revisions.keys().copied().collect();
    let stored: Vec<(i64, i32, String, String, String)> = translations::table
        .filter(translations::source_kind.eq(kind))
        .filter(translations::source_id.eq_any(&ids))
        .filter(translations::target_lang.eq(lang))
        .select((
            translations::source_id,
            translations::source_revision,
            translations::body,
            translations::engine,
            translations::model,
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
    for (id, revision, body, engine, model) in stored {
        let current = current_revisions.get(&id).copied().unwrap_or(revision);
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
            },
        );
    }
    let unqueued = ids
        .iter()
        .copied()
        .filter(|id| !jobs.contains_key(id))
        .collect();
    for id in ids {
        views.entry(id).or_insert_with(|| TranslationView {
            lang: lang.to_owned(),
            status: match jobs.get(&id) {
                Some(state) if state.is_final_failure() => TranslationStatus::Unavailable,
                _ => TranslationStatus::Pending,
            },
            body: None,
            engine: None,
            model: None,
        });
    }
    Ok((views, unqueued))
}
