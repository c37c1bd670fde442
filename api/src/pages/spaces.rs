//! The start page (my spaces), creating and joining a space, and a space's thread list.

use actix_web::http::StatusCode;
use actix_web::web::{Form, Path, Query};
use pontis_models::{Error, read_marks, spaces, threads};
use pontis_types::{CreateSpaceRequest, JoinSpaceRequest, Visibility};
use serde::Deserialize;
use serde_json::json;

use crate::rate_limit::UserAction;

use super::auth::status_of;
use super::context::{Page, PageResult, encode, redirect};
use super::{moderates, thread_json};
use crate::error::ApiError;

pub async fn home(page: Page) -> PageResult {
    let Some(viewer) = &page.viewer else {
        return page.render("landing.html", json!({}));
    };
    let actor = viewer.auth.actor;
    let mine: Vec<_> = page
        .run(move |db| spaces::list(db, &actor))
        .await?
        .into_iter()
        .filter(|s| s.my_role.is_some())
        .collect();
    page.render("home.html", json!({ "spaces": mine }))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SpaceForm {
    csrf_token: String,
    name: String,
    slug: String,
    description: String,
    visibility: String,
}

pub async fn new_space_form(page: Page) -> PageResult {
    page.viewer()?;
    page.render("space_new.html", json!({"form": {}}))
}

pub async fn create_space(page: Page, form: Form<SpaceForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let form = form.into_inner();
    let request = CreateSpaceRequest {
        slug: form.slug.clone(),
        name: form.name.clone(),
        description: Some(form.description.clone()),
        visibility: if form.visibility == "public" {
            Visibility::Public
        } else {
            Visibility::MembersOnly
        },
    };
    let created = match page.check_limit(UserAction::CreateSpace) {
        Ok(()) => {
            page.run(move |db| spaces::create(db, &actor, request))
                .await
        }
        Err(limited) => Err(limited),
    };
    match created {
        Ok(space) => Ok(redirect(&format!("/s/{}", encode(&space.slug)))),
        Err(error) => page.render_status(
            status_of(&error),
            "space_new.html",
            json!({
                "form": {"name": form.name, "slug": form.slug, "description": form.description,
                         "visibility": form.visibility},
                "error": page.message(&error),
            }),
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct JoinForm {
    csrf_token: String,
    slug: String,
    invite_code: String,
}

pub async fn join_form(page: Page, query: Query<JoinForm>) -> PageResult {
    page.viewer()?;
    page.render(
        "join.html",
        json!({"form": {"slug": query.slug, "invite_code": query.invite_code}}),
    )
}

pub async fn join(page: Page, form: Form<JoinForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let form = form.into_inner();
    let slug = form.slug.trim().to_lowercase();
    let request = JoinSpaceRequest {
        invite_code: Some(form.invite_code.clone()).filter(|c| !c.trim().is_empty()),
    };
    let target = slug.clone();
    let joined = match page.check_limit(UserAction::Join) {
        Ok(()) => {
            page.run(move |db| spaces::join(db, &actor, &target, request))
                .await
        }
        Err(limited) => Err(limited),
    };
    match joined {
        Ok(_) | Err(ApiError::Domain(Error::AlreadyMember)) => {
            Ok(redirect(&format!("/s/{}", encode(&slug))))
        }
        Err(error) => page.render_status(
            status_of(&error),
            "join.html",
            json!({
                "form": {"slug": form.slug, "invite_code": form.invite_code},
                "error": page.message(&error),
            }),
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CursorQuery {
    pub cursor: Option<String>,
}

/// A space's threads, pinned first, with unread marks.
pub async fn space(page: Page, slug: Path<String>, query: Query<CursorQuery>) -> PageResult {
    let viewer = page.viewer()?;
    let actor = viewer.auth.actor;
    let slug = slug.into_inner();
    let cursor = query.into_inner().cursor;
    let (space, list, unread) = page
        .run(move |db| {
            let space = spaces::get(db, &actor, &slug)?;
            let list = threads::list_threads(db, &actor, &slug, cursor.as_deref(), 50)?;
            let ids: Vec<i64> = list.threads.iter().map(|t| t.id).collect();
            let unread = read_marks::unread_threads(db, &actor, &ids)?;
            Ok((space, list, unread))
        })
        .await?;
    let rows: Vec<_> = list
        .threads
        .iter()
        .map(|t| thread_json(t, unread.contains(&t.id)))
        .collect();
    page.render_status(
        StatusCode::OK,
        "space.html",
        json!({
            "space": space,
            "moderator": moderates(&space, viewer),
            "tab": "threads",
            "threads": rows,
            "next_cursor": list.next_cursor,
        }),
    )
}
