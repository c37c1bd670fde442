//! The email outbox as its sender sees it. Rows are written with the notification they tell
//! of (`create`), by the daily digest pass (`queue_due_digests`) and when an address is to
//! be confirmed (`address`). The sender claims due rows, asks `prepare` what each is now,
//! sends it and marks it sent, or failed for a later try.
//!
//! Everything a message says is read at sending time, through the same access checks as
//! the app's notification list: a post hidden or deleted, a space left, email turned off
//! or a kind unticked since the row was written, and nothing goes out. Knows nothing of
//! SMTP or message formats.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use pontis_types::{EmailMode, EmailState, NotificationView};

use crate::access::Actor;
use crate::db::{AnyConnection, Db};
use crate::error::Result;
use crate::rows::{now, utc};
use crate::schema::{email_outbox, notification_settings, notifications, users};
use crate::secrets::new_token;

use super::address::CONFIRM_VALID_FOR;
use super::settings::email_choice;
use super::{PostText, for_email};

/// How long a claimed row is the claimer's alone. Longer than any SMTP exchange: a sender
/// that dies with a row claimed leaves it to be sent again this much later (with the same
/// Message-ID, so the receiver drops the copy if the first one did go out).
pub const CLAIM_FOR: Duration = Duration::minutes(5);
/// The longest pause between two tries.
pub const RETRY_MAX: Duration = Duration::hours(1);
/// A message that could not be sent for this long tells of nothing current any more.
pub const GIVE_UP_AFTER: Duration = Duration::days(3);
/// How often a message waiting for a translation looks again.
pub const TRANSLATION_RECHECK: Duration = Duration::seconds(2);
/// The error kept with a failed row is cut to this many characters.
const ERROR_CHARS: usize = 300;

/// The sender's timing, from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// How long a message waits for a pending translation before it goes out with the
    /// original, marked as such.
    pub translation_wait: Duration,
    /// The first pause after a failure; each further one doubles, up to `RETRY_MAX`.
    pub retry_initial: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            translation_wait: Duration::seconds(60),
            retry_initial: Duration::seconds(30),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = email_outbox)]
struct Row {
    id: i64,
    user_id: i64,
    notification_id: Option<i64>,
    digest_after: Option<i64>,
    digest_up_to: Option<i64>,
    confirm_address: Option<String>,
    message_id: String,
    attempts: i32,
    created_at: NaiveDateTime,
}

/// Who a message goes to, and what it needs of them.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub user_id: i64,
    pub handle: String,
    pub display_name: String,
    /// Their UI language: the message's language.
    pub locale: String,
    /// Where it goes.
    pub address: String,
    /// For the one-click unsubscribe link (none in a confirmation message).
    pub unsubscribe_token: Option<String>,
}

/// One notification as the recipient may see it now, with the post's whole text in their
/// language (or the original, when its translation did not come in time).
pub struct Item {
    pub notification: NotificationView,
    pub text: Option<PostText>,
}

pub enum Content {
    Notification(Box<Item>),
    /// Oldest first; never empty.
    Digest(Vec<Item>),
    /// Asks to confirm `Recipient::address` by following a link with this token.
    Confirm {
        token: String,
    },
}

/// A message to send now.
pub struct Outgoing {
    pub id: i64,
    /// The Message-ID's local part: the same on every try.
    pub message_id: String,
    /// Tries that failed before this one.
    pub attempts: i32,
    pub recipient: Recipient,
    pub content: Content,
}

pub enum Prepared {
    Send(Box<Outgoing>),
    /// Waiting for a translation; due again later.
    Postponed,
    /// Not to be sent; the reason is kept with the row.
    Dropped(&'static str),
    /// Sent, dropped or gone meanwhile (another sender, a deleted user).
    Gone,
}

/// What is waiting, for operators (and the metrics to come).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxStatus {
    /// Messages not yet sent, whether due or waiting to be tried again.
    pub queued: i64,
    pub oldest_queued_at: Option<DateTime<Utc>>,
    /// Of those, how many failed at least once.
    pub failing: i64,
}

/// Claims up to `limit` rows due at `at`, oldest first: each claimed row is this caller's
/// for `CLAIM_FOR`. Several senders (several server processes) never claim the same row:
/// the claim is a conditional update that only one of them can win.
pub fn claim_due(db: &Db, at: NaiveDateTime, limit: i64) -> Result<Vec<i64>> {
    let candidates: Vec<i64> = db.read(|conn| {
        Ok::<_, crate::Error>(
            email_outbox::table
                .filter(email_outbox::state.eq(EmailState::Queued))
                .filter(email_outbox::not_before.le(at))
                .order((email_outbox::not_before.asc(), email_outbox::id.asc()))
                .select(email_outbox::id)
                .limit(limit)
                .load(conn)?,
        )
    })?;
    if candidates.is_empty() {
        return Ok(candidates);
    }
    db.write(|conn| {
        let mut claimed = Vec::with_capacity(candidates.len());
        for id in candidates {
            let won = diesel::update(
                email_outbox::table
                    .filter(email_outbox::id.eq(id))
                    .filter(email_outbox::state.eq(EmailState::Queued))
                    .filter(email_outbox::not_before.le(at)),
            )
            .set(email_outbox::not_before.eq(at + CLAIM_FOR))
            .execute(conn)?;
            if won == 1 {
                claimed.push(id);
            }
        }
        Ok(claimed)
    })
}

/// What a claimed row is now: a message to send, or dropped (the reason is stored), or
/// postponed while the post's translation is still coming.
pub fn prepare(db: &Db, id: i64, policy: &Policy, at: NaiveDateTime) -> Result<Prepared> {
    let found = db.read(|conn| load(conn, id))?;
    let Some((row, user, settings)) = found else {
        return Ok(Prepared::Gone);
    };
    let decision = decide(db, &row, user, settings, policy, at)?;
    match &decision {
        Prepared::Dropped(reason) => mark_dropped(db, id, reason)?,
        Prepared::Postponed => {
            let give_up = row.created_at + policy.translation_wait;
            postpone(db, id, (at + TRANSLATION_RECHECK).min(give_up).max(at))?;
        }
        Prepared::Send(_) | Prepared::Gone => {}
    }
    Ok(decision)
}

struct UserRow {
    handle: String,
    display_name: String,
    locale: String,
    is_admin: bool,
}

struct SettingsRow {
    address: Option<String>,
    unsubscribe_token: String,
    pending_address: Option<String>,
    confirm_token: Option<String>,
    pending_since: Option<NaiveDateTime>,
}

type Loaded = (Row, UserRow, Option<SettingsRow>);

fn load(conn: &mut AnyConnection, id: i64) -> Result<Option<Loaded>> {
    let row: Option<Row> = email_outbox::table
        .find(id)
        .filter(email_outbox::state.eq(EmailState::Queued))
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    let Some(row) = row else { return Ok(None) };
    let user = users::table
        .find(row.user_id)
        .select((
            users::handle,
            users::display_name,
            users::locale,
            users::is_admin,
        ))
        .first::<(String, String, String, bool)>(conn)
        .optional()?;
    let Some((handle, display_name, locale, is_admin)) = user else {
        return Ok(None);
    };
    let settings = notification_settings::table
        .find(row.user_id)
        .select((
            notification_settings::email_address,
            notification_settings::unsubscribe_token,
            notification_settings::pending_address,
            notification_settings::confirm_token,
            notification_settings::pending_since,
        ))
        .first::<(
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            Option<NaiveDateTime>,
        )>(conn)
        .optional()?
        .map(
            |(address, unsubscribe_token, pending_address, confirm_token, pending_since)| {
                SettingsRow {
                    address,
                    unsubscribe_token,
                    pending_address,
                    confirm_token,
                    pending_since,
                }
            },
        );
    let user = UserRow {
        handle,
        display_name,
        locale,
        is_admin,
    };
    Ok(Some((row, user, settings)))
}

fn decide(
    db: &Db,
    row: &Row,
    user: UserRow,
    settings: Option<SettingsRow>,
    policy: &Policy,
    at: NaiveDateTime,
) -> Result<Prepared> {
    let Some(settings) = settings else {
        return Ok(Prepared::Dropped("no email settings"));
    };
    let recipient = |address: String, unsubscribe_token: Option<String>| Recipient {
        user_id: row.user_id,
        handle: user.handle.clone(),
        display_name: user.display_name.clone(),
        locale: user.locale.clone(),
        address,
        unsubscribe_token,
    };
    let send = |recipient: Recipient, content: Content| {
        Ok(Prepared::Send(Box::new(Outgoing {
            id: row.id,
            message_id: row.message_id.clone(),
            attempts: row.attempts,
            recipient,
            content,
        })))
    };
    if let Some(address) = &row.confirm_address {
        let still_asked = settings.pending_address.as_ref() == Some(address)
            && settings
                .pending_since
                .is_some_and(|since| since + CONFIRM_VALID_FOR > at);
        return match settings.confirm_token {
            Some(token) if still_asked => {
                send(recipient(address.clone(), None), Content::Confirm { token })
            }
            _ => Ok(Prepared::Dropped("another address was given since")),
        };
    }
    let Some(address) = settings.address.clone() else {
        return Ok(Prepared::Dropped("no confirmed address"));
    };
    let (mode, kinds_off) = db.read(|conn| email_choice(conn, row.user_id))?;
    if mode == EmailMode::Off {
        return Ok(Prepared::Dropped("email turned off"));
    }
    let actor = Actor {
        user_id: row.user_id,
        is_admin: user.is_admin,
    };
    let waiting = |text: &Option<PostText>| {
        text.as_ref().is_some_and(|t| t.translation_pending)
            && at < row.created_at + policy.translation_wait
    };
    let to = recipient(address, Some(settings.unsubscribe_token.clone()));
    if let Some(notification_id) = row.notification_id {
        if mode != EmailMode::Immediate {
            return Ok(Prepared::Dropped("email mode changed"));
        }
        let Some((notification, text)) = for_email(db, &actor, notification_id)? else {
            return Ok(Prepared::Dropped("no longer visible to the recipient"));
        };
        if kinds_off.contains(&notification.kind) {
            return Ok(Prepared::Dropped("kind turned off"));
        }
        if waiting(&text) {
            return Ok(Prepared::Postponed);
        }
        return send(
            to,
            Content::Notification(Box::new(Item { notification, text })),
        );
    }
    let (Some(after), Some(up_to)) = (row.digest_after, row.digest_up_to) else {
        return Ok(Prepared::Dropped("neither a notification nor a digest"));
    };
    let ids: Vec<i64> = db.read(|conn| {
        Ok::<_, crate::Error>(
            notifications::table
                .filter(notifications::user_id.eq(row.user_id))
                .filter(notifications::id.gt(after))
                .filter(notifications::id.le(up_to))
                .order(notifications::id.asc())
                .select(notifications::id)
                .load(conn)?,
        )
    })?;
    let mut items = Vec::new();
    for id in ids {
        if let Some((notification, text)) = for_email(db, &actor, id)? {
            if kinds_off.contains(&notification.kind) {
                continue;
            }
            if waiting(&text) {
                return Ok(Prepared::Postponed);
            }
            items.push(Item { notification, text });
        }
    }
    if items.is_empty() {
        return Ok(Prepared::Dropped(
            "nothing in the digest is visible any more",
        ));
    }
    send(to, Content::Digest(items))
}

/// Not to be sent, for good; `reason` is kept with the row.
pub fn mark_dropped(db: &Db, id: i64, reason: &str) -> Result<()> {
    db.write(|conn| {
        diesel::update(queued(id))
            .set((
                email_outbox::state.eq(EmailState::Dropped),
                email_outbox::last_error.eq(reason),
            ))
            .execute(conn)?;
        Ok(())
    })
}

fn postpone(db: &Db, id: i64, until: NaiveDateTime) -> Result<()> {
    db.write(|conn| {
        diesel::update(queued(id))
            .set(email_outbox::not_before.eq(until))
            .execute(conn)?;
        Ok(())
    })
}

type QueuedRow = diesel::dsl::Filter<
    diesel::dsl::Filter<email_outbox::table, diesel::dsl::Eq<email_outbox::id, i64>>,
    diesel::dsl::Eq<email_outbox::state, EmailState>,
>;

/// Row `id` while it is still queued: a row sent or dropped meanwhile stays as it is.
fn queued(id: i64) -> QueuedRow {
    email_outbox::table
        .filter(email_outbox::id.eq(id))
        .filter(email_outbox::state.eq(EmailState::Queued))
}

/// The mail server took the message.
pub fn mark_sent(db: &Db, id: i64) -> Result<()> {
    db.write(|conn| {
        let at = now();
        diesel::update(queued(id))
            .set((
                email_outbox::state.eq(EmailState::Sent),
                email_outbox::sent_at.eq(at),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// What became of a failed try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    At(DateTime<Utc>),
    /// Failing since `GIVE_UP_AFTER`: dropped.
    GaveUp,
}

/// The pause after `attempts` failed tries: `initial`, doubling, at most `RETRY_MAX`.
pub fn backoff(initial: Duration, attempts: i32) -> Duration {
    let doublings = attempts.clamp(0, 20) as u32;
    initial
        .checked_mul(1 << doublings)
        .unwrap_or(RETRY_MAX)
        .min(RETRY_MAX)
}

/// The mail server could not be reached, or refused the message: it is tried again after
/// a pause that grows with each failure, keeping a short form of the error.
pub fn mark_failed(db: &Db, id: i64, error: &str, policy: &Policy) -> Result<Retry> {
    let error: String = error.chars().take(ERROR_CHARS).collect();
    db.write(|conn| {
        let found = email_outbox::table
            .find(id)
            .select((email_outbox::attempts, email_outbox::created_at))
            .first::<(i32, NaiveDateTime)>(conn)
            .optional()?;
        let Some((attempts, created_at)) = found else {
            return Ok(Retry::GaveUp);
        };
        let at = now();
        if at - created_at > GIVE_UP_AFTER {
            diesel::update(queued(id))
                .set((
                    email_outbox::state.eq(EmailState::Dropped),
                    email_outbox::attempts.eq(attempts + 1),
                    email_outbox::last_error.eq(&error),
                ))
                .execute(conn)?;
            return Ok(Retry::GaveUp);
        }
        let retry_at = at + backoff(policy.retry_initial, attempts);
        diesel::update(queued(id))
            .set((
                email_outbox::attempts.eq(attempts + 1),
                email_outbox::not_before.eq(retry_at),
                email_outbox::last_error.eq(&error),
            ))
            .execute(conn)?;
        Ok(Retry::At(utc(retry_at)))
    })
}

/// The latest moment at `hour` o'clock UTC that is not after `at`.
pub fn last_digest_slot(at: NaiveDateTime, hour: u32) -> NaiveDateTime {
    let today = at.date().and_hms_opt(hour.min(23), 0, 0).unwrap_or(at);
    if today <= at {
        today
    } else {
        today - Duration::days(1)
    }
}

/// Writes the digests that are due at `at`: for each user in digest mode with a confirmed
/// address whose last digest is older than today's `digest_hour` (UTC), one message for
/// their notifications since the last one, if there are any. So each gets at most one a
/// day: at the hour, or with the first notification after it. Returns how many.
pub fn queue_due_digests(db: &Db, at: DateTime<Utc>, digest_hour: u32) -> Result<usize> {
    let at = at.naive_utc();
    let slot = last_digest_slot(at, digest_hour);
    let due: Vec<(i64, i64)> = db.read(|conn| {
        Ok::<_, crate::Error>(
            notification_settings::table
                .filter(notification_settings::email_mode.eq(EmailMode::Digest))
                .filter(notification_settings::email_address.is_not_null())
                .filter(
                    notification_settings::last_digest_at
                        .is_null()
                        .or(notification_settings::last_digest_at.lt(slot)),
                )
                .select((
                    notification_settings::user_id,
                    notification_settings::digested_up_to,
                ))
                .load(conn)?,
        )
    })?;
    let mut queued = 0;
    for (user_id, after) in due {
        let written = db.write(|conn| {
            let newest: Option<i64> = notifications::table
                .filter(notifications::user_id.eq(user_id))
                .filter(notifications::id.gt(after))
                .select(diesel::dsl::max(notifications::id))
                .first(conn)?;
            let Some(up_to) = newest else {
                return Ok::<_, crate::Error>(false);
            };
            // Conditional on what was read: a second process doing the same pass finds
            // the row changed and writes nothing.
            let mine = diesel::update(
                notification_settings::table
                    .find(user_id)
                    .filter(notification_settings::digested_up_to.eq(after)),
            )
            .set((
                notification_settings::digested_up_to.eq(up_to),
                notification_settings::last_digest_at.eq(at),
            ))
            .execute(conn)?;
            if mine == 0 {
                return Ok(false);
            }
            diesel::insert_into(email_outbox::table)
                .values((
                    email_outbox::user_id.eq(user_id),
                    email_outbox::digest_after.eq(after),
                    email_outbox::digest_up_to.eq(up_to),
                    email_outbox::message_id.eq(new_token()),
                    email_outbox::state.eq(EmailState::Queued),
                    email_outbox::not_before.eq(at),
                    email_outbox::created_at.eq(at),
                ))
                .execute(conn)?;
            Ok(true)
        })?;
        queued += usize::from(written);
    }
    Ok(queued)
}

/// How many messages wait and since when.
pub fn status(db: &Db) -> Result<OutboxStatus> {
    db.read(|conn| {
        let waiting = || email_outbox::table.filter(email_outbox::state.eq(EmailState::Queued));
        let (queued, oldest): (i64, Option<NaiveDateTime>) = waiting()
            .select((
                diesel::dsl::count_star(),
                diesel::dsl::min(email_outbox::created_at),
            ))
            .first(conn)?;
        let failing = waiting()
            .filter(email_outbox::attempts.gt(0))
            .count()
            .get_result(conn)?;
        Ok(OutboxStatus {
            queued,
            oldest_queued_at: oldest.map(utc),
            failing,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let initial = Duration::seconds(30);
        assert_eq!(backoff(initial, 0), Duration::seconds(30));
        assert_eq!(backoff(initial, 1), Duration::seconds(60));
        assert_eq!(backoff(initial, 3), Duration::seconds(240));
        assert_eq!(backoff(initial, 7), RETRY_MAX);
        assert_eq!(backoff(initial, i32::MAX), RETRY_MAX);
        assert_eq!(backoff(Duration::seconds(1), 2), Duration::seconds(4));
    }

    #[test]
    fn the_digest_slot_is_the_last_passed_hour() {
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a time");
        assert_eq!(
            last_digest_slot(at("2026-12-01 18:30"), 17),
            at("2026-12-01 17:00")
        );
        assert_eq!(
            last_digest_slot(at("2026-12-01 16:59"), 17),
            at("2026-11-30 17:00")
        );
        assert_eq!(
            last_digest_slot(at("2026-12-01 17:00"), 17),
            at("2026-12-01 17:00")
        );
        assert_eq!(
            last_digest_slot(at("2026-12-01 00:10"), 0),
            at("2026-12-01 00:00")
        );
    }
}
