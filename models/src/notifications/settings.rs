//! How each user wants email, and thread watching.

use diesel::prelude::*;
use pontis_types::{
    EmailMode, NotificationKind, NotificationSettingsView, UpdateNotificationSettingsRequest,
    WatchLevel, WatchView,
};

use crate::access::{Actor, thread_access};
use crate::db::{AnyConnection, Db};
use crate::error::Result;
use crate::rows::now;
use crate::schema::{notification_settings, notifications, thread_watches};
use crate::secrets::new_token;

/// Without a settings row a user is emailed immediately, of every kind.
const DEFAULT_MODE: EmailMode = EmailMode::Immediate;

/// A user's email mode and the kinds they turned off.
pub(crate) fn email_choice(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<(EmailMode, Vec<NotificationKind>)> {
    let row = notification_settings::table
        .find(user_id)
        .select((
            notification_settings::email_mode,
            notification_settings::email_kinds_off,
        ))
        .first::<(EmailMode, String)>(conn)
        .optional()?;
    Ok(match row {
        Some((mode, off)) => (mode, parse_kinds(&off)),
        None => (DEFAULT_MODE, Vec::new()),
    })
}

fn parse_kinds(stored: &str) -> Vec<NotificationKind> {
    stored
        .split(',')
        .filter_map(|kind| kind.parse().ok())
        .collect()
}

fn store_kinds(kinds: &[NotificationKind]) -> String {
    let mut kinds = kinds.to_vec();
    kinds.sort();
    kinds.dedup();
    kinds
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// The user's settings row, written with the defaults when missing; returns its
/// unsubscribe token.
pub(crate) fn ensure_settings(conn: &mut AnyConnection, user_id: i64) -> Result<String> {
    crate::db::on_each_backend!(conn, |c| {
        diesel::insert_into(notification_settings::table)
            .values((
                notification_settings::user_id.eq(user_id),
                notification_settings::email_mode.eq(DEFAULT_MODE),
                notification_settings::unsubscribe_token.eq(new_token()),
                notification_settings::updated_at.eq(now()),
            ))
            .on_conflict_do_nothing()
            .execute(c)
    })?;
    Ok(notification_settings::table
        .find(user_id)
        .select(notification_settings::unsubscribe_token)
        .first(conn)?)
}

pub fn settings(db: &Db, actor: &Actor) -> Result<NotificationSettingsView> {
    db.read(|conn| settings_view(conn, db, actor.user_id))
}

pub(crate) fn settings_view(
    conn: &mut AnyConnection,
    db: &Db,
    user_id: i64,
) -> Result<NotificationSettingsView> {
    let (email_mode, email_kinds_off) = email_choice(conn, user_id)?;
    let (email_address, pending_address) = notification_settings::table
        .find(user_id)
        .select((
            notification_settings::email_address,
            notification_settings::pending_address,
        ))
        .first::<(Option<String>, Option<String>)>(conn)
        .optional()?
        .unwrap_or_default();
    Ok(NotificationSettingsView {
        email_mode,
        email_kinds_off,
        email_available: db.delivery().email,
        email_address,
        pending_address,
    })
}

pub fn update_settings(
    db: &Db,
    actor: &Actor,
    input: UpdateNotificationSettingsRequest,
) -> Result<NotificationSettingsView> {
    db.write(|conn| {
        ensure_settings(conn, actor.user_id)?;
        let row = notification_settings::table.find(actor.user_id);
        if let Some(mode) = input.email_mode {
            let (before, _) = email_choice(conn, actor.user_id)?;
            diesel::update(row)
                .set((
                    notification_settings::email_mode.eq(mode),
                    notification_settings::updated_at.eq(now()),
                ))
                .execute(conn)?;
            if mode == EmailMode::Digest && before != EmailMode::Digest {
                start_digests(conn, actor.user_id)?;
            }
        }
        if let Some(kinds) = &input.email_kinds_off {
            diesel::update(row)
                .set((
                    notification_settings::email_kinds_off.eq(store_kinds(kinds)),
                    notification_settings::updated_at.eq(now()),
                ))
                .execute(conn)?;
        }
        settings_view(conn, db, actor.user_id)
    })
}

/// One-click unsubscribe (RFC 8058): the token from an email turns its recipient's email
/// off. Returns whether the token was known.
pub fn unsubscribe(db: &Db, token: &str) -> Result<bool> {
    db.write(|conn| {
        let changed = diesel::update(
            notification_settings::table.filter(notification_settings::unsubscribe_token.eq(token)),
        )
        .set((
            notification_settings::email_mode.eq(EmailMode::Off),
            notification_settings::updated_at.eq(now()),
        ))
        .execute(conn)?;
        Ok(changed > 0)
    })
}

/// How the actor follows a thread they may read.
pub fn watch_level(db: &Db, actor: &Actor, thread_id: i64) -> Result<WatchView> {
    db.read(|conn| {
        thread_access(conn, actor, thread_id)?;
        Ok(WatchView {
            thread_id,
            level: level_of(conn, actor.user_id, thread_id)?,
        })
    })
}

pub(crate) fn level_of(
    conn: &mut AnyConnection,
    user_id: i64,
    thread_id: i64,
) -> Result<WatchLevel> {
    Ok(thread_watches::table
        .find((user_id, thread_id))
        .select(thread_watches::level)
        .first::<WatchLevel>(conn)
        .optional()?
        .unwrap_or(WatchLevel::Normal))
}

/// Watch, mute, or go back to normal (mentions and quotes only) on a thread the actor may
/// read.
pub fn set_watch(db: &Db, actor: &Actor, thread_id: i64, level: WatchLevel) -> Result<WatchView> {
    db.write(|conn| {
        thread_access(conn, actor, thread_id)?;
        diesel::delete(thread_watches::table.find((actor.user_id, thread_id))).execute(conn)?;
        if level != WatchLevel::Normal {
            diesel::insert_into(thread_watches::table)
                .values((
                    thread_watches::user_id.eq(actor.user_id),
                    thread_watches::thread_id.eq(thread_id),
                    thread_watches::level.eq(level),
                    thread_watches::updated_at.eq(now()),
                ))
                .execute(conn)?;
        }
        Ok(WatchView { thread_id, level })
    })
}

/// A user turned digests on: the first digest starts from now, not from every
/// notification they ever had.
pub(crate) fn start_digests(conn: &mut AnyConnection, user_id: i64) -> Result<()> {
    let newest: Option<i64> = notifications::table
        .filter(notifications::user_id.eq(user_id))
        .select(diesel::dsl::max(notifications::id))
        .first(conn)?;
    diesel::update(notification_settings::table.find(user_id))
        .set(notification_settings::digested_up_to.eq(newest.unwrap_or(0)))
        .execute(conn)?;
    Ok(())
}
