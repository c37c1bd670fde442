//! Teachers' pages: reports, hidden posts, bans, the moderation log, members and roles.
//! The domain functions check the permissions, so a student gets the JSON API's answers
//! (permission denied, or not found), as a page.

use actix_web::http::StatusCode;
use actix_web::web::{Form, Path, Query};
use chrono::{Duration, Utc};
use pontis_models::{Error, moderation, modlog, spaces};
use pontis_types::{
    BanRequest, ReasonRequest, ResolveReportRequest, ResolveReportsRequest, Role,
    RotateInviteRequest, UpdateSpaceRequest, Visibility,
};
use serde::Deserialize;
use serde_json::{Value, json};

use super::auth::status_of;
use super::context::{Page, PageResult, encode, local_path, redirect};
use super::moderates;
use super::spaces::CursorQuery;
use super::threads::thread_link;

/// A moderator page of space `slug`: the space, the tab, and the page's own data.
pub(super) async fn moderator_page(
    page: &Page,
    slug: &str,
    tab: &str,
    status: StatusCode,
    template: &str,
    mut context: Value,
) -> PageResult {
    let viewer = page.viewer()?;
    let (actor, slug) = (viewer.auth.actor, slug.to_owned());
    let space = page.run(move |db| spaces::get(db, &actor, &slug)).await?;
    if !moderates(&space, viewer) {
        return Err(Error::PermissionDenied.into());
    }
    if let Some(object) = context.as_object_mut() {
        object.insert("moderator".into(), true.into());
        object.insert("tab".into(), tab.into());
        object.insert("space".into(), json!(space));
    }
    page.render_status(status, template, context)
}

pub async fn reports(page: Page, slug: Path<String>, query: Query<CursorQuery>) -> PageResult {
    let (actor, target) = (page.actor()?, slug.clone());
    let cursor = query.into_inner().cursor;
    let reports = page
        .run(move |db| moderation::list_reports(db, &actor, &target, false, cursor.as_deref(), 50))
        .await?;
    let ids: Vec<String> = reports.reports.iter().map(|r| r.id.to_string()).collect();
    moderator_page(
        &page,
        &slug,
        "reports",
        StatusCode::OK,
        "reports.html",
        json!({"reports": reports.reports, "next_cursor": reports.next_cursor,
               "page_ids": ids.join(",")}),
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResolveAllForm {
    csrf_token: String,
    /// The report ids shown on the page, comma-separated.
    ids: String,
}

/// "Resolve every report on this page": clears a flood of junk reports in one go.
pub async fn resolve_reports(
    page: Page,
    slug: Path<String>,
    form: Form<ResolveAllForm>,
) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let report_ids = form
        .ids
        .split(',')
        .filter_map(|id| id.trim().parse().ok())
        .collect();
    let request = ResolveReportsRequest {
        report_ids,
        resolution: None,
    };
    let target = slug.clone();
    page.run(move |db| moderation::resolve_reports(db, &actor, &target, request))
        .await?;
    Ok(redirect(&format!("/s/{}/reports", encode(&slug))))
}

pub async fn hidden(page: Page, slug: Path<String>) -> PageResult {
    let (actor, target) = (page.actor()?, slug.clone());
    let posts = page
        .run(move |db| moderation::hidden_posts(db, &actor, &target))
        .await?;
    moderator_page(
        &page,
        &slug,
        "hidden",
        StatusCode::OK,
        "hidden.html",
        json!({"posts": posts}),
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BanForm {
    csrf_token: String,
    handle: String,
    reason: String,
    days: String,
    /// A checkbox: present ("on") when ticked.
    hide_posts: Option<String>,
}

pub async fn bans(page: Page, slug: Path<String>) -> PageResult {
    bans_page(&page, &slug, StatusCode::OK, &BanForm::default(), None).await
}

async fn bans_page(
    page: &Page,
    slug: &str,
    status: StatusCode,
    form: &BanForm,
    error: Option<String>,
) -> PageResult {
    let (actor, target) = (page.actor()?, slug.to_owned());
    let bans = page
        .run(move |db| moderation::list_bans(db, &actor, &target))
        .await?;
    let context = json!({
        "bans": bans,
        "form": {"handle": form.handle, "reason": form.reason, "days": form.days,
                 "hide_posts": form.hide_posts.is_some()},
        "error": error,
    });
    moderator_page(page, slug, "bans", status, "bans.html", context).await
}

pub async fn ban(page: Page, slug: Path<String>, form: Form<BanForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let form = form.into_inner();
    let until = form
        .days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|days| (1..=3650).contains(days))
        .map(|days| Utc::now() + Duration::days(days));
    let request = BanRequest {
        handle: form.handle.clone(),
        until,
        reason: form.reason.clone(),
        hide_posts: form.hide_posts.is_some(),
    };
    let target = slug.clone();
    match page
        .run(move |db| moderation::ban(db, &actor, &target, request))
        .await
    {
        Ok(_) => Ok(redirect(&format!("/s/{}/bans", encode(&slug)))),
        Err(error) => {
            let message = page.message(&error);
            bans_page(&page, &slug, status_of(&error), &form, Some(message)).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    csrf_token: String,
    reason: String,
    role: String,
    next: String,
}

pub async fn unban(page: Page, path: Path<(String, String)>, form: Form<ActionForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let (slug, handle) = path.into_inner();
    let target = slug.clone();
    page.run(move |db| moderation::unban(db, &actor, &target, &handle))
        .await?;
    Ok(redirect(&format!("/s/{}/bans", encode(&slug))))
}

pub async fn modlog(page: Page, slug: Path<String>, query: Query<CursorQuery>) -> PageResult {
    let (actor, target) = (page.actor()?, slug.clone());
    let cursor = query.into_inner().cursor;
    let log = page
        .run(move |db| modlog::modlog(db, &actor, &target, cursor.as_deref(), 50))
        .await?;
    let context = json!({"entries": log.entries, "next_cursor": log.next_cursor});
    moderator_page(
        &page,
        &slug,
        "modlog",
        StatusCode::OK,
        "modlog.html",
        context,
    )
    .await
}

pub async fn members(page: Page, slug: Path<String>) -> PageResult {
    let viewer = page.viewer()?;
    let (actor, target) = (viewer.auth.actor, slug.clone());
    let (space, members) = page
        .run(move |db| {
            Ok((
                spaces::get(db, &actor, &target)?,
                spaces::members(db, &actor, &target)?,
            ))
        })
        .await?;
    let is_owner = viewer.user.is_admin || space.my_role == Some(Role::Owner);
    let context = json!({"members": members, "can_set_roles": is_owner});
    moderator_page(
        &page,
        &slug,
        "members",
        StatusCode::OK,
        "members.html",
        context,
    )
    .await
}

pub async fn set_role(
    page: Page,
    path: Path<(String, String)>,
    form: Form<ActionForm>,
) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let (slug, handle) = path.into_inner();
    let role = match form.role.as_str() {
        "owner" => Role::Owner,
        "teacher" => Role::Teacher,
        _ => Role::Student,
    };
    let target = slug.clone();
    page.run(move |db| spaces::set_role(db, &actor, &target, &handle, role))
        .await?;
    Ok(redirect(&format!("/s/{}/members", encode(&slug))))
}

pub async fn remove_member(
    page: Page,
    path: Path<(String, String)>,
    form: Form<ActionForm>,
) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let (slug, handle) = path.into_inner();
    let target = slug.clone();
    page.run(move |db| spaces::remove_member(db, &actor, &target, &handle))
        .await?;
    Ok(redirect(&format!("/s/{}/members", encode(&slug))))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InviteForm {
    csrf_token: String,
    /// Days the new code works; empty for no expiry.
    days: String,
    /// Joins it allows; empty for no limit.
    max_uses: String,
}

pub async fn rotate_invite(page: Page, slug: Path<String>, form: Form<InviteForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let number = |text: &str| text.trim().parse::<i64>().ok().filter(|n| *n > 0);
    let request = RotateInviteRequest {
        expires_at: number(&form.days)
            .filter(|days| *days <= 3650)
            .map(|days| Utc::now() + Duration::days(days)),
        max_uses: number(&form.max_uses).and_then(|n| i32::try_from(n).ok()),
    };
    let target = slug.clone();
    page.run(move |db| spaces::rotate_invite(db, &actor, &target, request))
        .await?;
    Ok(redirect(&format!("/s/{}/members", encode(&slug))))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VisibilityForm {
    csrf_token: String,
    visibility: String,
}

pub async fn set_visibility(
    page: Page,
    slug: Path<String>,
    form: Form<VisibilityForm>,
) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let visibility = match form.visibility.as_str() {
        "public" => Visibility::Public,
        _ => Visibility::MembersOnly,
    };
    let request = UpdateSpaceRequest {
        visibility: Some(visibility),
        ..UpdateSpaceRequest::default()
    };
    let target = slug.clone();
    page.run(move |db| spaces::update(db, &actor, &target, request))
        .await?;
    Ok(redirect(&format!("/s/{}/members", encode(&slug))))
}

pub async fn hide_post(page: Page, id: Path<i64>, form: Form<ActionForm>) -> PageResult {
    set_hidden(page, *id, form.into_inner(), true).await
}

pub async fn unhide_post(page: Page, id: Path<i64>, form: Form<ActionForm>) -> PageResult {
    set_hidden(page, *id, form.into_inner(), false).await
}

async fn set_hidden(page: Page, post_id: i64, form: ActionForm, hidden: bool) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let reason = ReasonRequest {
        reason: Some(form.reason).filter(|r| !r.trim().is_empty()),
    };
    let post = page
        .run(move |db| moderation::set_post_hidden(db, &actor, post_id, hidden, reason))
        .await?;
    let back = if form.next.is_empty() {
        thread_link(post.thread_id, post.id)
    } else {
        local_path(&form.next).to_owned()
    };
    Ok(redirect(&back))
}

pub async fn resolve_report(page: Page, id: Path<i64>, form: Form<ActionForm>) -> PageResult {
    page.check_csrf(&form.csrf_token)?;
    let actor = page.actor()?;
    let report_id = *id;
    let request = ResolveReportRequest {
        resolution: Some(form.reason.clone()).filter(|r| !r.trim().is_empty()),
    };
    page.run(move |db| moderation::resolve_report(db, &actor, report_id, request))
        .await?;
    Ok(redirect(local_path(&form.next)))
}
