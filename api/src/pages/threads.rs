//! Starting a thread, reading one in your language, replying, and the moderators' pin and
//! lock switches.

use actix_web::http::StatusCode;
use actix_web::web::{Form, Path, Query};
use pontis_models::moderation::{self, ThreadFlag};
use pontis_models::{notifications, posts, read_marks, spaces, threads};
use pontis_types::{CreatePostRequest, CreateThreadRequest, ReasonRequest};
use serde::Deserialize;
use serde_json::{Value, json};

use super::auth::status_of;
use super::context::{Page, PageResult, redirect};
use super::{
    check_posting_limits, declared_language, language_choices, language_to_confirm, moderates,
    thread_json,
};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ComposeForm {
    csrf_token: String,
    title: String,
    body: String,
    lang: String,
}

impl ComposeForm {
    fn typed(&self) -> Value {
        json!({"title": self.title, "body": self.body, "lang": self.lang})
    }
}

pub async fn new_thread_form(page: Page, slug: Path<String>) -> PageResult {
    new_thread_page(&page, &slug, StatusCode::OK, &ComposeForm::default(), None).await
}

async fn new_thread_page(
    page: &Page,
    slug: &str,
    status: StatusCode,
    form: &ComposeForm,
    error: Option<String>,
) -> PageResult {
    let viewer = page.viewer()?;
    let (actor, slug) = (viewer.auth.actor, slug.to_owned());
    let space = page
        .run(move |db| spaces::get_for_posting(db, &actor, &slug))
        .await?;
    page.render_status(
        status,
        "thread_new.html",
        json!({
            "space": space,
            "form": form.typed(),
            "languages": language_choices(&viewer.user.languages),
            "error": error,
        }),
    )
}

pub async fn create_thread(page: Page, slug: Path<String>, form: Form<ComposeForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let mut form = form.into_inner();
    let text = format!("{}\n{}", form.title, form.body);
    if let Some(lang) = language_to_confirm(&form.lang, &text, &page.viewer()?.user.languages) {
        form.lang = lang;
        let message = page.text("compose-language-confirm");
        return new_thread_page(&page, &slug, StatusCode::OK, &form, Some(message)).await;
    }
    let request = CreateThreadRequest {
        title: form.title.clone(),
        body: form.body.clone(),
        lang: declared_language(&form.lang),
    };
    let target = slug.clone();
    let created = match check_posting_limits(&page) {
        Ok(()) => {
            page.run(move |db| threads::create_thread(db, &actor, &target, request))
                .await
        }
        Err(error) => Err(error),
    };
    match created {
        Ok(created) => Ok(redirect(&format!("/t/{}", created.thread.id))),
        Err(error) => {
            let message = page.message(&error);
            new_thread_page(&page, &slug, status_of(&error), &form, Some(message)).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ThreadQuery {
    cursor: Option<String>,
    /// Read in this language instead of the reader's first one.
    lang: Option<String>,
    /// `1`: every translated post opens with its original.
    originals: Option<String>,
    /// A post of this thread to quote in the reply box.
    quote: Option<i64>,
}

/// A thread in the reader's language: each post translated where they do not read its
/// language, with the original one click away.
pub async fn thread(page: Page, id: Path<i64>, query: Query<ThreadQuery>) -> PageResult {
    let query = query.into_inner();
    let thread_id = *id;
    let mut form = ComposeForm::default();
    if let Some(post_id) = query.quote {
        let actor = page.actor()?;
        let lang = query.lang.clone().filter(|l| !l.is_empty());
        let quoted = page
            .run(move |db| posts::get_post(db, &actor, post_id, lang.as_deref()))
            .await?;
        if quoted.thread_id == thread_id {
            form.body = quote(&quoted);
        }
    }
    thread_page(&page, thread_id, &query, StatusCode::OK, &form, None).await
}

/// How long a quote may be, in characters, before it is cut.
const QUOTE_CHARS: usize = 600;

/// The post as its reader reads it (the translation when ready), as a Markdown quote
/// whose last line links to it: that link is what tells its author they were quoted.
fn quote(post: &pontis_types::PostView) -> String {
    use pontis_types::TranslationStatus;
    let text = post
        .translation
        .as_ref()
        .filter(|t| t.status == TranslationStatus::Ready)
        .and_then(|t| t.body.clone())
        .or_else(|| post.body.clone())
        .unwrap_or_default();
    let mut cut: String = text.chars().take(QUOTE_CHARS).collect();
    if cut.len() < text.len() {
        cut = format!("{}…", cut.trim_end());
    }
    let mut quoted: String = cut.lines().map(|line| format!("> {line}\n")).collect();
    quoted.push_str(&format!(
        "> — [@{}](#post-{})\n\n",
        post.author.handle, post.id
    ));
    quoted
}

async fn thread_page(
    page: &Page,
    thread_id: i64,
    query: &ThreadQuery,
    status: StatusCode,
    form: &ComposeForm,
    error: Option<String>,
) -> PageResult {
    let viewer = page.viewer()?;
    let actor = viewer.auth.actor;
    let lang = query.lang.clone().filter(|l| !l.is_empty());
    let cursor = query.cursor.clone();
    let reading = lang.clone();
    let on_demand = page.state.on_demand_languages_per_hour;
    let (thread_page, space, watch, newly_read) = page
        .run(move |db| {
            let found = threads::thread_page(
                db,
                &actor,
                thread_id,
                cursor.as_deref(),
                50,
                reading.as_deref(),
                on_demand,
            )?;
            let space = spaces::get(db, &actor, &found.thread.space)?;
            let watch = notifications::watch_level(db, &actor, thread_id)?.level;
            let mut newly_read = None;
            if let Some(last) = found.posts.iter().map(|p| p.id).max()
                && read_marks::mark_moves(db, &actor, thread_id, last)?
            {
                newly_read = Some(last);
            }
            Ok((found, space, watch, newly_read))
        })
        .await?;
    if let Some(last) = newly_read {
        // After the answer, not before it: the page does not wait for the writer.
        let state = page.state.clone();
        actix_web::rt::spawn(async move {
            let marked = state
                .run(move |db| read_marks::mark_read(db, &actor, thread_id, last))
                .await;
            if let Err(e) = marked {
                tracing::warn!(thread_id, error = %e, "could not record a read mark");
            }
        });
    }
    let reading_lang = lang
        .clone()
        .or_else(|| viewer.user.languages.first().cloned())
        .unwrap_or_else(|| page.lang.to_string());
    page.render_status(
        status,
        "thread.html",
        json!({
            "thread": thread_json(&thread_page.thread, false),
            "posts": thread_page.posts,
            "next_cursor": thread_page.next_cursor,
            "moderator": moderates(&space, viewer),
            "watch": watch,
            "space": space,
            "reading_lang": reading_lang,
            "lang_override": lang,
            "show_originals": query.originals.as_deref() == Some("1"),
            "languages": language_choices(&viewer.user.languages),
            "form": form.typed(),
            "error": error,
        }),
    )
}

pub async fn reply(page: Page, id: Path<i64>, form: Form<ComposeForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let thread_id = *id;
    let mut form = form.into_inner();
    if let Some(lang) = language_to_confirm(&form.lang, &form.body, &page.viewer()?.user.languages)
    {
        form.lang = lang;
        let message = page.text("compose-language-confirm");
        let query = ThreadQuery::default();
        return thread_page(
            &page,
            thread_id,
            &query,
            StatusCode::OK,
            &form,
            Some(message),
        )
        .await;
    }
    let request = CreatePostRequest {
        body: form.body.clone(),
        lang: declared_language(&form.lang),
    };
    let created = match check_posting_limits(&page) {
        Ok(()) => {
            page.run(move |db| posts::create_post(db, &actor, thread_id, request))
                .await
        }
        Err(error) => Err(error),
    };
    match created {
        Ok(post) => Ok(redirect(&thread_link(thread_id, post.id))),
        Err(error) => {
            let message = page.message(&error);
            let query = ThreadQuery::default();
            thread_page(
                &page,
                thread_id,
                &query,
                status_of(&error),
                &form,
                Some(message),
            )
            .await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SwitchForm {
    csrf_token: String,
    reason: String,
}

/// `pin`, `unpin`, `lock`, `unlock`; moderators only.
pub async fn switch(page: Page, path: Path<(i64, String)>, form: Form<SwitchForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let (thread_id, name) = path.into_inner();
    let (flag, on) = match name.as_str() {
        "pin" => (ThreadFlag::Pinned, true),
        "unpin" => (ThreadFlag::Pinned, false),
        "lock" => (ThreadFlag::Locked, true),
        "unlock" => (ThreadFlag::Locked, false),
        _ => return Err(crate::error::ApiError::RouteNotFound.into()),
    };
    let reason = ReasonRequest {
        reason: Some(form.into_inner().reason).filter(|r| !r.trim().is_empty()),
    };
    page.run(move |db| moderation::set_thread_flag(db, &actor, thread_id, flag, on, reason))
        .await?;
    Ok(redirect(&format!("/t/{thread_id}")))
}

/// The thread of a post, for redirects back to it.
pub(super) fn thread_link(thread_id: i64, post_id: i64) -> String {
    format!("/t/{thread_id}#post-{post_id}")
}
