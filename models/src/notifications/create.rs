//! Who is told of what, decided in the same transaction as the change itself: a reply,
//! a mention, a quote, a moderator's action, a report, a new member. Each notification
//! that its recipient wants by email (immediately) gets its outbox row here too.

use std::collections::{BTreeMap, HashSet};

use diesel::prelude::*;
use pontis_types::{EmailMode, NotificationKind, Role, WatchLevel};

use crate::access::{Actor, SpaceAccess};
use crate::db::{AnyConnection, Delivery};
use crate::error::Result;
use crate::notifications::address::has_address;
use crate::notifications::settings::email_choice;
use crate::rows::{Post, Thread, now};
use crate::schema::{email_outbox, memberships, notifications, posts, thread_watches, users};
use crate::secrets::new_token;

use super::text;

/// One thing that happened, before it is addressed to anyone.
struct Notice {
    kind: NotificationKind,
    actor_id: i64,
    space_id: i64,
    thread_id: Option<i64>,
    post_id: Option<i64>,
    reason: Option<String>,
}

/// A new post, the opening one included: its author now watches the thread; mentioned
/// users who may read it, authors of quoted posts and the thread's watchers are told,
/// each once (mention before quote before reply), never the author, never who muted it.
pub(crate) fn new_post(
    conn: &mut AnyConnection,
    delivery: Delivery,
    space_id: i64,
    thread: &Thread,
    post: &Post,
) -> Result<()> {
    watch_if_unset(conn, post.author_id, thread.id)?;
    let muted: HashSet<i64> = thread_watches::table
        .filter(thread_watches::thread_id.eq(thread.id))
        .filter(thread_watches::level.eq(WatchLevel::Muted))
        .select(thread_watches::user_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    let mut recipients: BTreeMap<i64, NotificationKind> = BTreeMap::new();
    let handles = text::mentions(&post.body);
    if !handles.is_empty() {
        let mentioned: Vec<(i64, bool)> = users::table
            .filter(users::handle.eq_any(&handles))
            .select((users::id, users::is_admin))
            .load(conn)?;
        for (user_id, is_admin) in mentioned {
            if may_read(conn, user_id, is_admin, space_id, thread, post)? {
                recipients
                    .entry(user_id)
                    .or_insert(NotificationKind::Mention);
            }
        }
    }
    let quoted = text::quoted_posts(&post.body);
    if !quoted.is_empty() {
        let authors: Vec<i64> = posts::table
            .filter(posts::id.eq_any(&quoted))
            .filter(posts::thread_id.eq(thread.id))
            .filter(posts::deleted_at.is_null())
            .select(posts::author_id)
            .load(conn)?;
        for user_id in authors {
            let is_admin = users::table
                .find(user_id)
                .select(users::is_admin)
                .first::<bool>(conn)?;
            if may_read(conn, user_id, is_admin, space_id, thread, post)? {
                recipients.entry(user_id).or_insert(NotificationKind::Quote);
            }
        }
    }
    let watchers: Vec<i64> = thread_watches::table
        .filter(thread_watches::thread_id.eq(thread.id))
        .filter(thread_watches::level.eq(WatchLevel::Watching))
        .select(thread_watches::user_id)
        .load(conn)?;
    for user_id in watchers {
        recipients.entry(user_id).or_insert(NotificationKind::Reply);
    }
    for (user_id, kind) in recipients {
        if user_id == post.author_id || muted.contains(&user_id) {
            continue;
        }
        let notice = Notice {
            kind,
            actor_id: post.author_id,
            space_id,
            thread_id: Some(thread.id),
            post_id: Some(post.id),
            reason: None,
        };
        insert(conn, delivery, user_id, &notice)?;
    }
    Ok(())
}

/// A moderator hid or showed a post again: its author is told (with the reason).
pub(crate) fn post_moderated(
    conn: &mut AnyConnection,
    delivery: Delivery,
    moderator_id: i64,
    space_id: i64,
    post: &Post,
    hidden: bool,
    reason: Option<&str>,
) -> Result<()> {
    if post.author_id == moderator_id {
        return Ok(());
    }
    let notice = Notice {
        kind: if hidden {
            NotificationKind::PostHidden
        } else {
            NotificationKind::PostUnhidden
        },
        actor_id: moderator_id,
        space_id,
        thread_id: Some(post.thread_id),
        post_id: Some(post.id),
        reason: reason.filter(|_| hidden).map(str::to_owned),
    };
    insert(conn, delivery, post.author_id, &notice)
}

/// A new report: the space's teachers and owners are told, not the reporter.
pub(crate) fn post_reported(
    conn: &mut AnyConnection,
    delivery: Delivery,
    reporter_id: i64,
    space_id: i64,
    post: &Post,
    reason: &str,
) -> Result<()> {
    let moderators = members_with_roles(conn, space_id, &[Role::Teacher, Role::Owner])?;
    for user_id in moderators.into_iter().filter(|id| *id != reporter_id) {
        let notice = Notice {
            kind: NotificationKind::Report,
            actor_id: reporter_id,
            space_id,
            thread_id: Some(post.thread_id),
            post_id: Some(post.id),
            reason: Some(reason.to_owned()),
        };
        insert(conn, delivery, user_id, &notice)?;
    }
    Ok(())
}

/// Someone joined: the space's owners are told.
pub(crate) fn member_joined(
    conn: &mut AnyConnection,
    delivery: Delivery,
    member_id: i64,
    space_id: i64,
) -> Result<()> {
    let owners = members_with_roles(conn, space_id, &[Role::Owner])?;
    for user_id in owners.into_iter().filter(|id| *id != member_id) {
        let notice = Notice {
            kind: NotificationKind::MemberJoined,
            actor_id: member_id,
            space_id,
            thread_id: None,
            post_id: None,
            reason: None,
        };
        insert(conn, delivery, user_id, &notice)?;
    }
    Ok(())
}

/// Starting or replying to a thread watches it, unless the user chose a level already.
fn watch_if_unset(conn: &mut AnyConnection, user_id: i64, thread_id: i64) -> Result<()> {
    crate::db::on_each_backend!(conn, |c| {
        diesel::insert_into(thread_watches::table)
            .values((
                thread_watches::user_id.eq(user_id),
                thread_watches::thread_id.eq(thread_id),
                thread_watches::level.eq(WatchLevel::Watching),
                thread_watches::updated_at.eq(now()),
            ))
            .on_conflict_do_nothing()
            .execute(c)
    })?;
    Ok(())
}

/// Whether a user may read this post of this thread, as a reader of the page would.
fn may_read(
    conn: &mut AnyConnection,
    user_id: i64,
    is_admin: bool,
    space_id: i64,
    thread: &Thread,
    post: &Post,
) -> Result<bool> {
    let actor = Actor { user_id, is_admin };
    match SpaceAccess::by_id(conn, &actor, space_id) {
        Ok(access) => {
            Ok(access.can_see_thread(&actor, thread) && access.can_see_post(&actor, post))
        }
        Err(crate::Error::SpaceNotFound) => Ok(false),
        Err(other) => Err(other),
    }
}

fn members_with_roles(conn: &mut AnyConnection, space_id: i64, roles: &[Role]) -> Result<Vec<i64>> {
    Ok(memberships::table
        .filter(memberships::space_id.eq(space_id))
        .filter(memberships::role.eq_any(roles.to_vec()))
        .select(memberships::user_id)
        .load(conn)?)
}

fn insert(
    conn: &mut AnyConnection,
    delivery: Delivery,
    user_id: i64,
    notice: &Notice,
) -> Result<()> {
    crate::db::announce(conn)?;
    let created = now();
    let id = diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(user_id),
            notifications::kind.eq(notice.kind),
            notifications::actor_id.eq(notice.actor_id),
            notifications::space_id.eq(notice.space_id),
            notifications::thread_id.eq(notice.thread_id),
            notifications::post_id.eq(notice.post_id),
            notifications::reason.eq(&notice.reason),
            notifications::created_at.eq(created),
        ))
        .returning(notifications::id)
        .get_result::<i64>(conn)?;
    if !delivery.email {
        return Ok(());
    }
    let (mode, kinds_off) = email_choice(conn, user_id)?;
    // Without a confirmed address there is nowhere to send it.
    if mode == EmailMode::Immediate
        && !kinds_off.contains(&notice.kind)
        && has_address(conn, user_id)?
    {
        diesel::insert_into(email_outbox::table)
            .values((
                email_outbox::user_id.eq(user_id),
                email_outbox::notification_id.eq(id),
                email_outbox::message_id.eq(new_token()),
                email_outbox::state.eq(pontis_types::EmailState::Queued),
                email_outbox::not_before.eq(created),
                email_outbox::created_at.eq(created),
            ))
            .execute(conn)?;
    }
    Ok(())
}
