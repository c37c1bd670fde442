//! Teachers' glossary and corrections pages, and the page where a reader flags a
//! translated sentence. The domain functions check the permissions.

use actix_web::http::StatusCode;
use actix_web::web::{Form, Path, Query};
use pontis_models::translation::{corrections, glossary};
use pontis_types::{
    ApproveCorrectionRequest, FlagSentenceRequest, Glossary, GlossaryEntry, TermTranslation,
};
use serde::Deserialize;
use serde_json::json;

use crate::rate_limit::UserAction;

use super::context::{Page, PageResult, encode, redirect};
use super::language_choices;
use super::moderation::moderator_page;

/// Blank rows under the glossary's own, to add terms without JavaScript.
const NEW_ROWS: usize = 5;

/// One row of the glossary form: a term, never translated or with one translation.
#[derive(Debug, Default, serde::Serialize)]
struct Row {
    term: String,
    lang: String,
    to: String,
    text: String,
}

fn rows_of(glossary: &Glossary) -> Vec<Row> {
    let mut rows = Vec::new();
    for entry in &glossary.entries {
        let lang = entry.lang.clone().unwrap_or_default();
        if entry.translations.is_empty() {
            rows.push(Row {
                term: entry.term.clone(),
                lang: lang.clone(),
                ..Row::default()
            });
        }
        for translation in &entry.translations {
            rows.push(Row {
                term: entry.term.clone(),
                lang: lang.clone(),
                to: translation.lang.clone(),
                text: translation.text.clone(),
            });
        }
    }
    rows.extend((0..NEW_ROWS).map(|_| Row::default()));
    rows
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SavedQuery {
    saved: Option<String>,
}

pub async fn glossary_page(page: Page, slug: Path<String>, query: Query<SavedQuery>) -> PageResult {
    let (actor, target) = (page.actor()?, slug.clone());
    let glossary = page
        .run(move |db| glossary::get(db, &actor, &target))
        .await?;
    let languages = language_choices(&[]);
    moderator_page(
        &page,
        &slug,
        "glossary",
        StatusCode::OK,
        "glossary.html",
        json!({"rows": rows_of(&glossary), "languages": languages,
               "saved": query.saved.is_some()}),
    )
    .await
}

/// The glossary form: repeated `term`, `lang`, `to`, `text` fields, one set per row. A
/// row without a term is left out; a row without a language to translate into is a term
/// never translated; rows of one term and language are one entry.
pub async fn save_glossary(
    page: Page,
    slug: Path<String>,
    form: Form<Vec<(String, String)>>,
) -> PageResult {
    let fields = form.into_inner();
    let csrf = fields
        .iter()
        .find(|(name, _)| name == "csrf_token")
        .map(|(_, value)| value.as_str())
        .unwrap_or_default();
    page.check_csrf(csrf)?;
    let actor = page.actor()?;
    page.check_limit(UserAction::Edit)?;
    let column = |name: &str| -> Vec<String> {
        fields
            .iter()
            .filter(|(field, _)| field == name)
            .map(|(_, value)| value.trim().to_owned())
            .collect()
    };
    let (terms, langs, tos, texts) = (column("term"), column("lang"), column("to"), column("text"));
    let mut entries: Vec<GlossaryEntry> = Vec::new();
    for (i, term) in terms.iter().enumerate() {
        if term.is_empty() {
            continue;
        }
        let lang = langs.get(i).filter(|l| !l.is_empty()).cloned();
        let translation = match (tos.get(i), texts.get(i)) {
            (Some(to), Some(text)) if !to.is_empty() && !text.is_empty() => Some(TermTranslation {
                lang: to.clone(),
                text: text.clone(),
            }),
            _ => None,
        };
        match entries
            .iter_mut()
            .find(|e| e.term == *term && e.lang == lang)
        {
            Some(entry) => entry.translations.extend(translation),
            None => entries.push(GlossaryEntry {
                term: term.clone(),
                lang,
                translations: translation.into_iter().collect(),
            }),
        }
    }
    let target = slug.clone();
    page.run(move |db| glossary::put(db, &actor, &target, Glossary { entries }))
        .await?;
    Ok(redirect(&format!("/s/{}/glossary?saved=1", encode(&slug))))
}

pub async fn corrections_page(page: Page, slug: Path<String>) -> PageResult {
    let (actor, target) = (page.actor()?, slug.clone());
    let list = page
        .run(move |db| corrections::list(db, &actor, &target))
        .await?;
    moderator_page(
        &page,
        &slug,
        "corrections",
        StatusCode::OK,
        "corrections.html",
        json!({"flags": list.flags, "corrections": list.corrections}),
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApproveForm {
    csrf_token: String,
    flag_id: i64,
    translation: String,
}

pub async fn approve(page: Page, slug: Path<String>, form: Form<ApproveForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    page.check_limit(UserAction::Edit)?;
    let form = form.into_inner();
    let request = ApproveCorrectionRequest {
        flag_id: form.flag_id,
        translation: form.translation,
    };
    let target = slug.clone();
    page.run(move |db| corrections::approve(db, &actor, &target, request))
        .await?;
    Ok(redirect(&format!("/s/{}/corrections", encode(&slug))))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CsrfForm {
    csrf_token: String,
}

pub async fn revoke(page: Page, path: Path<(String, i64)>, form: Form<CsrfForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let (slug, id) = path.into_inner();
    let target = slug.clone();
    page.run(move |db| corrections::revoke(db, &actor, &target, id))
        .await?;
    Ok(redirect(&format!("/s/{}/corrections", encode(&slug))))
}

pub async fn dismiss(page: Page, path: Path<(String, i64)>, form: Form<CsrfForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let (slug, id) = path.into_inner();
    let target = slug.clone();
    page.run(move |db| corrections::dismiss(db, &actor, &target, id))
        .await?;
    Ok(redirect(&format!("/s/{}/corrections", encode(&slug))))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SentencesQuery {
    lang: Option<String>,
    flagged: Option<String>,
}

/// A post's translation sentence by sentence, each with a form to flag it.
pub async fn sentences(page: Page, id: Path<i64>, query: Query<SentencesQuery>) -> PageResult {
    let (actor, post_id) = (page.actor()?, *id);
    let query = query.into_inner();
    let lang = query.lang.filter(|l| !l.is_empty());
    let sentences = page
        .run(move |db| corrections::post_sentences(db, &actor, post_id, lang.as_deref()))
        .await?;
    page.render(
        "sentences.html",
        json!({"post": sentences, "flagged": query.flagged.is_some()}),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FlagForm {
    csrf_token: String,
    lang: String,
    sentence: i64,
    suggestion: String,
}

pub async fn flag(page: Page, id: Path<i64>, form: Form<FlagForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    page.check_limit(UserAction::Report)?;
    let post_id = *id;
    let form = form.into_inner();
    let lang = form.lang.clone();
    let request = FlagSentenceRequest {
        lang: form.lang,
        sentence: form.sentence,
        suggestion: Some(form.suggestion).filter(|s| !s.trim().is_empty()),
    };
    page.run(move |db| corrections::flag(db, &actor, post_id, request))
        .await?;
    Ok(redirect(&format!(
        "/p/{post_id}/sentences?lang={}&flagged=1",
        encode(&lang)
    )))
}
