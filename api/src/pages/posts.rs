//! One post: its live fragment, editing, its history, reporting it.

use actix_web::http::StatusCode;
use actix_web::web::{Form, Path, Query};
use pontis_models::{moderation, posts, spaces, threads};
use pontis_types::{EditPostRequest, ReportRequest};
use serde::Deserialize;
use serde_json::json;

use crate::rate_limit::UserAction;

use super::auth::status_of;
use super::context::{Page, PageResult, redirect};
use super::threads::thread_link;
use super::{declared_language, language_choices, moderates};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LangQuery {
    lang: Option<String>,
}

/// One post as the thread page shows it, for app.js to swap in when its translation
/// lands or when it is new.
pub async fn fragment(page: Page, id: Path<i64>, query: Query<LangQuery>) -> PageResult {
    let viewer = page.viewer()?;
    let (actor, post_id) = (viewer.auth.actor, *id);
    let lang = query.into_inner().lang.filter(|l| !l.is_empty());
    let on_demand = page.state.on_demand_languages_per_hour;
    let (post, space) = page
        .run(move |db| {
            let post = posts::get_post(db, &actor, post_id, lang.as_deref())?;
            let thread = threads::thread_page(
                db,
                &actor,
                post.thread_id,
                None,
                1,
                lang.as_deref(),
                on_demand,
            )?;
            let space = spaces::get(db, &actor, &thread.thread.space)?;
            Ok((post, space))
        })
        .await?;
    page.render(
        "post.html",
        json!({
            "post": post,
            "moderator": moderates(&space, viewer),
            "show_originals": false,
            "languages": language_choices(&viewer.user.languages),
        }),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LanguageForm {
    csrf_token: String,
    lang: String,
}

/// The post's language fixed by its author or a moderator; translated again from it.
pub async fn set_language(page: Page, id: Path<i64>, form: Form<LanguageForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let post_id = *id;
    page.check_limit(UserAction::Edit)?;
    let lang = form.into_inner().lang;
    let post = page
        .run(move |db| posts::set_language(db, &actor, post_id, &lang))
        .await?;
    Ok(redirect(&thread_link(post.thread_id, post.id)))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditForm {
    csrf_token: String,
    body: String,
    lang: String,
}

pub async fn edit_form(page: Page, id: Path<i64>) -> PageResult {
    let viewer = page.viewer()?;
    let (actor, post_id) = (viewer.auth.actor, *id);
    let post = page
        .run(move |db| posts::post_to_edit(db, &actor, post_id))
        .await?;
    let form = EditForm {
        body: post.body.clone().unwrap_or_default(),
        lang: post.lang.clone(),
        ..EditForm::default()
    };
    edit_page(&page, &post, StatusCode::OK, &form, None)
}

fn edit_page(
    page: &Page,
    post: &pontis_types::PostView,
    status: StatusCode,
    form: &EditForm,
    error: Option<String>,
) -> PageResult {
    let viewer = page.viewer()?;
    page.render_status(
        status,
        "post_edit.html",
        json!({
            "post": post,
            "form": {"body": form.body, "lang": form.lang},
            "languages": language_choices(&viewer.user.languages),
            "error": error,
        }),
    )
}

pub async fn edit(page: Page, id: Path<i64>, form: Form<EditForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let post_id = *id;
    let form = form.into_inner();
    let request = EditPostRequest {
        body: form.body.clone(),
        lang: declared_language(&form.lang),
    };
    let edited = match page.check_limit(UserAction::Edit) {
        Ok(()) => {
            page.run(move |db| posts::edit_post(db, &actor, post_id, request))
                .await
        }
        Err(limited) => Err(limited),
    };
    match edited {
        Ok(post) => Ok(redirect(&thread_link(post.thread_id, post.id))),
        Err(error) => {
            let post = page
                .run(move |db| posts::get_post(db, &actor, post_id, None))
                .await?;
            let message = page.message(&error);
            edit_page(&page, &post, status_of(&error), &form, Some(message))
        }
    }
}

pub async fn history(page: Page, id: Path<i64>) -> PageResult {
    let viewer = page.viewer()?;
    let (actor, post_id) = (viewer.auth.actor, *id);
    let (post, revisions) = page
        .run(move |db| {
            let post = posts::get_post(db, &actor, post_id, None)?;
            Ok((post, posts::revisions(db, &actor, post_id)?))
        })
        .await?;
    page.render(
        "post_history.html",
        json!({"post": post, "revisions": revisions}),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    csrf_token: String,
    reason: String,
}

pub async fn report(page: Page, id: Path<i64>, form: Form<ReportForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let post_id = *id;
    let request = ReportRequest {
        reason: form.into_inner().reason,
    };
    page.check_limit(UserAction::Report)?;
    let report = page
        .run(move |db| moderation::report_post(db, &actor, post_id, request))
        .await?;
    Ok(redirect(&thread_link(report.post.thread_id, post_id)))
}
