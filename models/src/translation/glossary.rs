//! A space's class glossary: terms its teachers keep from being translated (names) or
//! give a fixed translation. Read and written whole; a change translates again, at low
//! priority, the space's texts that hold a changed term.

use std::collections::BTreeMap;

use diesel::prelude::*;
use pontis_types::lang::{self, same_language};
use pontis_types::limits::{
    self, GLOSSARY_ENTRIES_MAX, GLOSSARY_TEXT_MAX, GLOSSARY_TRANSLATIONS_MAX,
};
use pontis_types::{Glossary, GlossaryEntry, JobTerm, SourceKind, TermTranslation};

use crate::access::{Actor, SpaceAccess};
use crate::db::{AnyConnection, Db};
use crate::error::{Error, Result};
use crate::rows::now;
use crate::schema::{posts, space_glossaries, threads};
use crate::translation::queue;

/// The glossary, for the space's teachers and owners only: it names students.
pub fn get(db: &Db, actor: &Actor, slug: &str) -> Result<Glossary> {
    db.read(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        load(conn, access.space.id)
    })
}

/// Replaces the glossary. Entries are cleaned up as they are stored: tags normalized, a
/// term given twice (same words, same language) merged, later translations winning.
pub fn put(db: &Db, actor: &Actor, slug: &str, input: Glossary) -> Result<Glossary> {
    let glossary = normalize(input)?;
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let space_id = access.space.id;
        let old = load(conn, space_id)?;
        let entries = serde_json::to_string(&glossary.entries).map_err(Error::internal)?;
        let at = now();
        diesel::delete(space_glossaries::table.find(space_id)).execute(conn)?;
        diesel::insert_into(space_glossaries::table)
            .values((
                space_glossaries::space_id.eq(space_id),
                space_glossaries::entries.eq(entries),
                space_glossaries::updated_by.eq(actor.user_id),
                space_glossaries::updated_at.eq(at),
            ))
            .execute(conn)?;
        let changed = changed_terms(&old, &glossary);
        if !changed.is_empty() {
            translate_again(conn, space_id, &changed)?;
        }
        Ok(glossary)
    })
}

fn invalid() -> Error {
    Error::InvalidGlossary {
        entries: GLOSSARY_ENTRIES_MAX,
        chars: GLOSSARY_TEXT_MAX,
        langs: GLOSSARY_TRANSLATIONS_MAX,
    }
}

/// A term and the language it is written in.
type TermKey = (String, Option<String>);

fn normalize(input: Glossary) -> Result<Glossary> {
    if input.entries.len() > GLOSSARY_ENTRIES_MAX {
        return Err(invalid());
    }
    // (term, language) → translations by language, in the order first given.
    let mut merged: Vec<(TermKey, BTreeMap<String, String>)> = Vec::new();
    for entry in input.entries {
        let term = limits::required(&entry.term, GLOSSARY_TEXT_MAX).ok_or_else(invalid)?;
        let lang = entry.lang.as_deref().map(lang::normalize).transpose()?;
        if entry.translations.len() > GLOSSARY_TRANSLATIONS_MAX {
            return Err(invalid());
        }
        let mut translations = BTreeMap::new();
        for translation in entry.translations {
            let to = lang::normalize(&translation.lang)?;
            let text =
                limits::required(&translation.text, GLOSSARY_TEXT_MAX).ok_or_else(invalid)?;
            translations.insert(to, text);
        }
        let key = (term, lang);
        match merged.iter_mut().find(|(k, _)| *k == key) {
            Some((_, existing)) => existing.extend(translations),
            None => merged.push((key, translations)),
        }
    }
    Ok(Glossary {
        entries: merged
            .into_iter()
            .map(|((term, lang), translations)| GlossaryEntry {
                term,
                lang,
                translations: translations
                    .into_iter()
                    .map(|(lang, text)| TermTranslation { lang, text })
                    .collect(),
            })
            .collect(),
    })
}

pub(crate) fn load(conn: &mut AnyConnection, space_id: i64) -> Result<Glossary> {
    let stored: Option<String> = space_glossaries::table
        .find(space_id)
        .select(space_glossaries::entries)
        .first(conn)
        .optional()?;
    Ok(Glossary {
        entries: match stored {
            Some(json) => serde_json::from_str(&json).map_err(Error::internal)?,
            None => Vec::new(),
        },
    })
}

/// The terms that apply to a text in `from` translated into `to`: names everywhere, and
/// the terms with a translation into `to`.
pub(crate) fn job_terms(glossary: &Glossary, from: &str, to: &str) -> Vec<JobTerm> {
    glossary
        .entries
        .iter()
        .filter(|entry| entry.lang.as_deref().is_none_or(|l| same_language(l, from)))
        .filter_map(|entry| {
            if entry.translations.is_empty() {
                return Some(JobTerm {
                    term: entry.term.clone(),
                    translation: None,
                });
            }
            entry
                .translations
                .iter()
                .find(|t| same_language(&t.lang, to))
                .map(|t| JobTerm {
                    term: entry.term.clone(),
                    translation: Some(t.text.clone()),
                })
        })
        .collect()
}

/// The terms of entries added, removed or changed, in lower case.
fn changed_terms(old: &Glossary, new: &Glossary) -> Vec<String> {
    let mut changed: Vec<String> = old
        .entries
        .iter()
        .filter(|e| !new.entries.contains(e))
        .chain(new.entries.iter().filter(|e| !old.entries.contains(e)))
        .map(|e| e.term.to_lowercase())
        .collect();
    changed.sort();
    changed.dedup();
    changed
}

/// Queues again, into the languages they are translated into, the space's posts and
/// titles that may hold one of `terms` (a match in any case: a few more than the
/// glossary will match, never fewer).
fn translate_again(conn: &mut AnyConnection, space_id: i64, terms: &[String]) -> Result<()> {
    let holds = |text: &str| {
        let text = text.to_lowercase();
        terms.iter().any(|term| text.contains(term.as_str()))
    };
    let titles: Vec<(i64, String, String)> = threads::table
        .filter(threads::space_id.eq(space_id))
        .select((threads::id, threads::title, threads::lang))
        .load(conn)?;
    for (id, _, lang) in titles.into_iter().filter(|(_, title, _)| holds(title)) {
        let targets = queue::translated_into(conn, SourceKind::Title, id)?;
        queue::requeue(conn, SourceKind::Title, id, &lang, 1, &targets)?;
    }
    let bodies: Vec<(i64, String, String, i32)> = posts::table
        .inner_join(threads::table)
        .filter(threads::space_id.eq(space_id))
        .filter(posts::deleted_at.is_null())
        .select((posts::id, posts::body, posts::lang, posts::revision))
        .load(conn)?;
    for (id, _, lang, revision) in bodies.into_iter().filter(|(_, body, ..)| holds(body)) {
        let targets = queue::translated_into(conn, SourceKind::Post, id)?;
        queue::requeue(conn, SourceKind::Post, id, &lang, revision, &targets)?;
    }
    Ok(())
}
