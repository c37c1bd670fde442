//! What teachers and owners do: lock, pin and hide threads, hide posts, handle reports,
//! ban. Each action is recorded in the moderation log (`modlog`).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use pontis_types::limits;
use pontis_types::{
    BanRequest, BanView, ModAction, PostView, ReasonRequest, ReportPage, ReportRequest, ReportView,
    ResolveReportRequest, ResolveReportsRequest, ResolvedReports, ThreadView, Visibility,
};

use crate::access::{Actor, SpaceAccess, live_post_access, thread_access};
use crate::accounts::user_by_handle;
use crate::cursor::{check_page_limit, decode_id_cursor, encode_id_cursor};
use crate::db::{AnyConnection, Db};
use crate::error::{Error, Result, or_conflict};
use crate::modlog::{Target, log_action};
use crate::notifications;
use crate::rows::{Ban, Post, Report, User, now, utc};
use crate::schema::{bans, memberships, posts, reports, threads};
use crate::search;
use crate::views::{
    authors_by_id, load_post, load_thread, post_view_single, post_views, thread_view,
};

fn optional_reason(reason: Option<String>) -> Result<Option<String>> {
    match reason.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) if limits::fits(text, limits::REASON_MAX) => Ok(Some(text.to_owned())),
        Some(_) => Err(Error::InvalidReason {
            max: limits::REASON_MAX,
        }),
    }
}

fn required_reason(reason: &str) -> Result<String> {
    limits::required(reason, limits::REASON_MAX).ok_or(Error::InvalidReason {
        max: limits::REASON_MAX,
    })
}

/// The thread flags a moderator switches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadFlag {
    Locked,
    Pinned,
    Hidden,
}

pub fn set_thread_flag(
    db: &Db,
    actor: &Actor,
    thread_id: i64,
    flag: ThreadFlag,
    on: bool,
    input: ReasonRequest,
) -> Result<ThreadView> {
    let reason = optional_reason(input.reason)?;
    db.write(|conn| {
        let (thread, access) = thread_access(conn, actor, thread_id)?;
        access.require_moderator()?;
        let target = threads::table.find(thread.id);
        let action = match (flag, on) {
            (ThreadFlag::Locked, true) => ModAction::LockThread,
            (ThreadFlag::Locked, false) => ModAction::UnlockThread,
            (ThreadFlag::Pinned, true) => ModAction::PinThread,
            (ThreadFlag::Pinned, false) => ModAction::UnpinThread,
            (ThreadFlag::Hidden, true) => ModAction::HideThread,
            (ThreadFlag::Hidden, false) => ModAction::UnhideThread,
        };
        match flag {
            ThreadFlag::Locked => diesel::update(target)
                .set(threads::locked.eq(on))
                .execute(conn)?,
            ThreadFlag::Pinned => diesel::update(target)
                .set(threads::pinned.eq(on))
                .execute(conn)?,
            ThreadFlag::Hidden => {
                search::touch_thread(conn, thread.id)?;
                diesel::update(target)
                    .set((
                        threads::hidden.eq(on),
                        threads::hidden_by.eq(on.then_some(actor.user_id)),
                        threads::hidden_reason.eq(if on { reason.clone() } else { None }),
                    ))
                    .execute(conn)?
            }
        };
        log_action(
            conn,
            access.space.id,
            actor.user_id,
            action,
            Target {
                user_id: Some(thread.author_id),
                thread_id: Some(thread.id),
                post_id: None,
            },
            reason.as_deref(),
        )?;
        let thread = load_thread(conn, thread.id)?;
        thread_view(conn, actor, &access, &thread)
    })
}

pub fn set_post_hidden(
    db: &Db,
    actor: &Actor,
    post_id: i64,
    hidden: bool,
    input: ReasonRequest,
) -> Result<PostView> {
    let reason = optional_reason(input.reason)?;
    let delivery = db.delivery();
    db.write(|conn| {
        let (post, _, access) = live_post_access(conn, actor, post_id)?;
        access.require_moderator()?;
        if post.hidden != hidden {
            notifications::create::post_moderated(
                conn,
                delivery,
                actor.user_id,
                access.space.id,
                &post,
                hidden,
                reason.as_deref(),
            )?;
        }
        diesel::update(posts::table.find(post.id))
            .set((
                posts::hidden.eq(hidden),
                posts::hidden_by.eq(hidden.then_some(actor.user_id)),
                posts::hidden_reason.eq(if hidden { reason.clone() } else { None }),
                posts::hidden_at.eq(hidden.then(now)),
            ))
            .execute(conn)?;
        search::touch_post(conn, post.id)?;
        let updated = load_post(conn, post.id)?;
        log_action(
            conn,
            access.space.id,
            actor.user_id,
            if hidden {
                ModAction::HidePost
            } else {
                ModAction::UnhidePost
            },
            Target {
                user_id: Some(post.author_id),
                thread_id: Some(post.thread_id),
                post_id: Some(post.id),
            },
            reason.as_deref(),
        )?;
        post_view_single(conn, actor, &access, &updated)
    })
}

/// The space's hidden posts (not deleted ones), most recently hidden first; for its
/// moderators, each with its translation into their language.
pub fn hidden_posts(db: &Db, actor: &Actor, slug: &str) -> Result<Vec<PostView>> {
    db.read(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let found: Vec<Post> = posts::table
            .inner_join(threads::table)
            .filter(threads::space_id.eq(access.space.id))
            .filter(posts::hidden.eq(true))
            .filter(posts::deleted_at.is_null())
            .order((posts::hidden_at.desc(), posts::id.desc()))
            .limit(500)
            .select(Post::as_select())
            .load(conn)?;
        post_views(conn, actor, &access, &found)
    })
}

/// Any member who can see a post may report it, once while the report is open; banned
/// members may not.
pub fn report_post(
    db: &Db,
    actor: &Actor,
    post_id: i64,
    input: ReportRequest,
) -> Result<ReportView> {
    let reason = required_reason(&input.reason)?;
    let delivery = db.delivery();
    db.write(|conn| {
        let (post, _, access) = live_post_access(conn, actor, post_id)?;
        access.require_member()?;
        if access.banned && !access.is_moderator() {
            return Err(Error::Banned);
        }
        let already = reports::table
            .filter(reports::reporter_id.eq(actor.user_id))
            .filter(reports::post_id.eq(post.id))
            .filter(reports::resolved_at.is_null())
            .count()
            .get_result::<i64>(conn)?
            > 0;
        if already {
            return Err(Error::AlreadyReported);
        }
        let report_id = diesel::insert_into(reports::table)
            .values((
                reports::space_id.eq(access.space.id),
                reports::post_id.eq(post.id),
                reports::reporter_id.eq(actor.user_id),
                reports::reason.eq(&reason),
                reports::created_at.eq(now()),
            ))
            .returning(reports::id)
            .get_result::<i64>(conn)
            .map_err(|e| or_conflict(e, Error::AlreadyReported))?;
        notifications::create::post_reported(
            conn,
            delivery,
            actor.user_id,
            access.space.id,
            &post,
            &reason,
        )?;
        let report = load_report(conn, report_id)?;
        let mut views = report_views(conn, actor, &access, vec![report])?;
        views
            .pop()
            .ok_or_else(|| Error::Internal("report view missing".into()))
    })
}

/// Open reports oldest first (a queue), or with `include_resolved` all of them newest
/// first; `limit` at a time, `cursor` from the previous page.
pub fn list_reports(
    db: &Db,
    actor: &Actor,
    slug: &str,
    include_resolved: bool,
    cursor: Option<&str>,
    limit: usize,
) -> Result<ReportPage> {
    check_page_limit(limit)?;
    let from = cursor.map(decode_id_cursor).transpose()?;
    db.read(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let mut query = reports::table
            .filter(reports::space_id.eq(access.space.id))
            .select(Report::as_select())
            .into_boxed();
        if include_resolved {
            if let Some(before) = from {
                query = query.filter(reports::id.lt(before));
            }
            query = query.order(reports::id.desc());
        } else {
            query = query.filter(reports::resolved_at.is_null());
            if let Some(after) = from {
                query = query.filter(reports::id.gt(after));
            }
            query = query.order(reports::id.asc());
        }
        let mut found: Vec<Report> = query.limit(limit as i64 + 1).load(conn)?;
        let next_cursor = (found.len() > limit)
            .then(|| {
                found.truncate(limit);
                found.last().map(|r| encode_id_cursor(r.id))
            })
            .flatten();
        Ok(ReportPage {
            reports: report_views(conn, actor, &access, found)?,
            next_cursor,
        })
    })
}

/// Resolves the open reports among `report_ids` that belong to this space, at once.
pub fn resolve_reports(
    db: &Db,
    actor: &Actor,
    slug: &str,
    input: ResolveReportsRequest,
) -> Result<ResolvedReports> {
    if !(1..=limits::RESOLVE_REPORTS_MAX).contains(&input.report_ids.len()) {
        return Err(Error::InvalidLimit {
            max: limits::RESOLVE_REPORTS_MAX,
        });
    }
    let resolution = optional_reason(input.resolution)?;
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let open = || {
            reports::table
                .filter(reports::space_id.eq(access.space.id))
                .filter(reports::id.eq_any(&input.report_ids))
                .filter(reports::resolved_at.is_null())
        };
        let posts: Vec<i64> = open().select(reports::post_id).load(conn)?;
        let resolved = diesel::update(open())
            .set((
                reports::resolved_by.eq(actor.user_id),
                reports::resolved_at.eq(now()),
                reports::resolution.eq(&resolution),
            ))
            .execute(conn)?;
        for post_id in posts {
            log_action(
                conn,
                access.space.id,
                actor.user_id,
                ModAction::ResolveReport,
                Target {
                    post_id: Some(post_id),
                    ..Target::default()
                },
                resolution.as_deref(),
            )?;
        }
        Ok(ResolvedReports { resolved })
    })
}

pub fn resolve_report(
    db: &Db,
    actor: &Actor,
    report_id: i64,
    input: ResolveReportRequest,
) -> Result<ReportView> {
    let resolution = optional_reason(input.resolution)?;
    db.write(|conn| {
        let report = load_report(conn, report_id)?;
        let access = match SpaceAccess::by_id(conn, actor, report.space_id) {
            Err(Error::SpaceNotFound) => return Err(Error::ReportNotFound),
            other => other?,
        };
        if !access.is_moderator() {
            // Reports are the moderators' business; to others they do not exist.
            return Err(Error::ReportNotFound);
        }
        if report.resolved_at.is_some() {
            return Err(Error::ReportAlreadyResolved);
        }
        diesel::update(reports::table.find(report.id))
            .set((
                reports::resolved_by.eq(actor.user_id),
                reports::resolved_at.eq(now()),
                reports::resolution.eq(&resolution),
            ))
            .execute(conn)?;
        let resolved = load_report(conn, report.id)?;
        log_action(
            conn,
            access.space.id,
            actor.user_id,
            ModAction::ResolveReport,
            Target {
                user_id: None,
                thread_id: None,
                post_id: Some(report.post_id),
            },
            resolution.as_deref(),
        )?;
        let mut views = report_views(conn, actor, &access, vec![resolved])?;
        views
            .pop()
            .ok_or_else(|| Error::Internal("report view missing".into()))
    })
}

fn load_report(conn: &mut AnyConnection, report_id: i64) -> Result<Report> {
    reports::table
        .find(report_id)
        .select(Report::as_select())
        .first(conn)
        .optional()?
        .ok_or(Error::ReportNotFound)
}

fn report_views(
    conn: &mut AnyConnection,
    actor: &Actor,
    access: &SpaceAccess,
    found: Vec<Report>,
) -> Result<Vec<ReportView>> {
    let post_ids: Vec<i64> = found.iter().map(|r| r.post_id).collect();
    let found_posts: Vec<Post> = posts::table
        .filter(posts::id.eq_any(&post_ids))
        .select(Post::as_select())
        .load(conn)?;
    let post_views: std::collections::HashMap<i64, PostView> =
        post_views(conn, actor, access, &found_posts)?
            .into_iter()
            .map(|v| (v.id, v))
            .collect();
    let people = authors_by_id(
        conn,
        found
            .iter()
            .flat_map(|r| std::iter::once(r.reporter_id).chain(r.resolved_by)),
    )?;
    let author = |id: i64| {
        people
            .get(&id)
            .map(User::author)
            .ok_or_else(|| Error::Internal(format!("user {id} missing")))
    };
    found
        .into_iter()
        .map(|r| {
            Ok(ReportView {
                id: r.id,
                post: post_views
                    .get(&r.post_id)
                    .cloned()
                    .ok_or_else(|| Error::Internal(format!("post {} missing", r.post_id)))?,
                reporter: author(r.reporter_id)?,
                reason: r.reason,
                created_at: utc(r.created_at),
                resolved_by: r.resolved_by.map(author).transpose()?,
                resolved_at: r.resolved_at.map(utc),
                resolution: r.resolution,
            })
        })
        .collect()
}

/// Hides every visible post of `author` in the space, as one ban action.
fn hide_posts_of(
    conn: &mut AnyConnection,
    actor: &Actor,
    space_id: i64,
    author: i64,
    reason: &str,
) -> Result<()> {
    let in_space = threads::table
        .filter(threads::space_id.eq(space_id))
        .select(threads::id);
    let found: Vec<i64> = posts::table
        .filter(posts::author_id.eq(author))
        .filter(posts::hidden.eq(false))
        .filter(posts::thread_id.eq_any(in_space))
        .select(posts::id)
        .load(conn)?;
    for chunk in found.chunks(500) {
        diesel::update(posts::table.filter(posts::id.eq_any(chunk)))
            .set((
                posts::hidden.eq(true),
                posts::hidden_by.eq(Some(actor.user_id)),
                posts::hidden_reason.eq(Some(reason)),
                posts::hidden_at.eq(Some(now())),
            ))
            .execute(conn)?;
    }
    for post_id in found {
        search::touch_post(conn, post_id)?;
    }
    Ok(())
}

/// Bans a user from the space, until a time or for good: in a public space they may still
/// read but not post, report or follow threads live; a members-only space also loses
/// them as a member, and they cannot join it again while banned. Moderators cannot be
/// banned: demote them first.
pub fn ban(db: &Db, actor: &Actor, slug: &str, input: BanRequest) -> Result<BanView> {
    let reason = required_reason(&input.reason)?;
    let until = input.until.map(|t| t.naive_utc());
    if until.is_some_and(|t| t <= now()) {
        return Err(Error::BanEndInPast);
    }
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let user = user_by_handle(conn, &input.handle)?;
        let target = SpaceAccess::by_id(
            conn,
            &Actor {
                user_id: user.id,
                is_admin: user.is_admin,
            },
            access.space.id,
        );
        if target.is_ok_and(|t| t.is_moderator()) {
            return Err(Error::CannotBanModerator);
        }
        diesel::delete(
            bans::table
                .filter(bans::space_id.eq(access.space.id))
                .filter(bans::user_id.eq(user.id)),
        )
        .execute(conn)?;
        let created = now();
        diesel::insert_into(bans::table)
            .values((
                bans::space_id.eq(access.space.id),
                bans::user_id.eq(user.id),
                bans::banned_by.eq(actor.user_id),
                bans::reason.eq(&reason),
                bans::until.eq(until),
                bans::created_at.eq(created),
            ))
            .execute(conn)?;
        if access.space.visibility == Visibility::MembersOnly {
            diesel::delete(
                memberships::table
                    .filter(memberships::space_id.eq(access.space.id))
                    .filter(memberships::user_id.eq(user.id)),
            )
            .execute(conn)?;
        }
        if input.hide_posts {
            hide_posts_of(conn, actor, access.space.id, user.id, &reason)?;
        }
        log_action(
            conn,
            access.space.id,
            actor.user_id,
            ModAction::Ban,
            Target {
                user_id: Some(user.id),
                ..Target::default()
            },
            Some(&reason),
        )?;
        let moderator = authors_by_id(conn, std::iter::once(actor.user_id))?;
        Ok(BanView {
            user: user.author(),
            banned_by: moderator
                .get(&actor.user_id)
                .map(User::author)
                .ok_or_else(|| Error::Internal("moderator missing".into()))?,
            reason,
            until: until.map(utc),
            created_at: utc(created),
        })
    })
}

pub fn unban(db: &Db, actor: &Actor, slug: &str, handle: &str) -> Result<()> {
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let user = user_by_handle(conn, handle)?;
        let removed = diesel::delete(
            bans::table
                .filter(bans::space_id.eq(access.space.id))
                .filter(bans::user_id.eq(user.id)),
        )
        .execute(conn)?;
        if removed == 0 {
            return Err(Error::BanNotFound);
        }
        log_action(
            conn,
            access.space.id,
            actor.user_id,
            ModAction::Unban,
            Target {
                user_id: Some(user.id),
                ..Target::default()
            },
            None,
        )
    })
}

/// Bans still in force.
pub fn list_bans(db: &Db, actor: &Actor, slug: &str) -> Result<Vec<BanView>> {
    db.read(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let found: Vec<Ban> = bans::table
            .filter(bans::space_id.eq(access.space.id))
            .filter(bans::until.is_null().or(bans::until.gt(now())))
            .order(bans::created_at.desc())
            .select(Ban::as_select())
            .load(conn)?;
        let people = authors_by_id(conn, found.iter().flat_map(|b| [b.user_id, b.banned_by]))?;
        let author = |id: i64| {
            people
                .get(&id)
                .map(User::author)
                .ok_or_else(|| Error::Internal(format!("user {id} missing")))
        };
        found
            .into_iter()
            .map(|b| {
                Ok(BanView {
                    user: author(b.user_id)?,
                    banned_by: author(b.banned_by)?,
                    reason: b.reason,
                    until: b.until.map(utc),
                    created_at: utc(b.created_at),
                })
            })
            .collect()
    })
}

/// When a ban ends, for messages; `None` for a permanent ban.
pub fn ban_end(
    conn: &mut AnyConnection,
    space_id: i64,
    user_id: i64,
) -> Result<Option<DateTime<Utc>>> {
    Ok(bans::table
        .filter(bans::space_id.eq(space_id))
        .filter(bans::user_id.eq(user_id))
        .select(bans::until)
        .first::<Option<NaiveDateTime>>(conn)
        .optional()?
        .flatten()
        .map(utc))
}
