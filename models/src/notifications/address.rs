//! Where a user's email goes. Pontis asks nobody for an address at sign-up: a user who
//! wants email gives one, and Pontis mails a confirmation link to it; only once that link
//! is followed does notification email go there. Nobody can point the school's mail at
//! someone else's mailbox, and a typing mistake sends nothing but the one link.

use chrono::Duration;
use diesel::prelude::*;
use pontis_types::{EmailState, NotificationSettingsView};

use crate::access::Actor;
use crate::db::{AnyConnection, Db};
use crate::error::{Error, Result};
use crate::rows::now;
use crate::schema::{email_outbox, notification_settings, users};
use crate::secrets::new_token;

use super::settings::ensure_settings;

/// A confirmation link stays good this long.
pub const CONFIRM_VALID_FOR: Duration = Duration::days(7);
/// One confirmation message per user this often at most, however often they change the
/// address: a form cannot be turned into a way of mailing strangers in bulk.
pub const CONFIRM_INTERVAL: Duration = Duration::minutes(2);
/// RFC 5321's limit on a whole address.
const ADDRESS_MAX: usize = 254;

/// Whether `address` is one Pontis sends to: `local@domain` in ASCII (no SMTPUTF8), with
/// the characters RFC 5322 allows unquoted in the local part and a host name's in the
/// domain: exactly `pontis_types::constraints::email_address_pattern`. A local part over
/// RFC 5321's 64 characters is left to the mail server: its confirmation fails, so it is
/// never used.
pub fn valid_address(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let domain_ok = !domain.is_empty()
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    address.len() <= ADDRESS_MAX && local_ok && domain_ok
}

/// Whether notifications may queue email for this user: they have a confirmed address.
pub(crate) fn has_address(conn: &mut AnyConnection, user_id: i64) -> Result<bool> {
    Ok(notification_settings::table
        .find(user_id)
        .select(notification_settings::email_address)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten()
        .is_some())
}

/// The actor's new address: mailed a confirmation link, used once it is followed. The
/// confirmed address (if any) keeps receiving until then. An empty address removes both:
/// no email at all. Giving the confirmed address again cancels a pending change; giving
/// the pending one again changes nothing (no second link).
pub fn request_address(db: &Db, actor: &Actor, address: &str) -> Result<NotificationSettingsView> {
    if !address.is_empty() && !valid_address(address) {
        return Err(Error::InvalidEmailAddress);
    }
    db.write(|conn| {
        ensure_settings(conn, actor.user_id)?;
        let row = notification_settings::table.find(actor.user_id);
        let (confirmed, pending): (Option<String>, Option<String>) = row
            .select((
                notification_settings::email_address,
                notification_settings::pending_address,
            ))
            .first(conn)?;
        if !address.is_empty() && pending.as_deref() == Some(address) {
            return super::settings::settings_view(conn, db, actor.user_id);
        }
        drop_queued_confirmations(conn, actor.user_id)?;
        let cleared = (
            notification_settings::pending_address.eq(None::<String>),
            notification_settings::confirm_token.eq(None::<String>),
            notification_settings::pending_since.eq(None::<chrono::NaiveDateTime>),
            notification_settings::updated_at.eq(now()),
        );
        if address.is_empty() {
            diesel::update(row)
                .set((
                    notification_settings::email_address.eq(None::<String>),
                    cleared,
                ))
                .execute(conn)?;
        } else if confirmed.as_deref() == Some(address) {
            diesel::update(row).set(cleared).execute(conn)?;
        } else {
            let at = now();
            diesel::update(row)
                .set((
                    notification_settings::pending_address.eq(address),
                    notification_settings::confirm_token.eq(new_token()),
                    notification_settings::pending_since.eq(at),
                    notification_settings::updated_at.eq(at),
                ))
                .execute(conn)?;
            let last_asked: Option<chrono::NaiveDateTime> = email_outbox::table
                .filter(email_outbox::user_id.eq(actor.user_id))
                .filter(email_outbox::confirm_address.is_not_null())
                .select(diesel::dsl::max(email_outbox::created_at))
                .first(conn)?;
            let not_before = last_asked.map_or(at, |last| (last + CONFIRM_INTERVAL).max(at));
            diesel::insert_into(email_outbox::table)
                .values((
                    email_outbox::user_id.eq(actor.user_id),
                    email_outbox::confirm_address.eq(address),
                    email_outbox::message_id.eq(new_token()),
                    email_outbox::state.eq(EmailState::Queued),
                    email_outbox::not_before.eq(not_before),
                    email_outbox::created_at.eq(at),
                ))
                .execute(conn)?;
        }
        super::settings::settings_view(conn, db, actor.user_id)
    })
}

/// A confirmation not sent yet is for an address no longer asked for.
fn drop_queued_confirmations(conn: &mut AnyConnection, user_id: i64) -> Result<()> {
    diesel::update(
        email_outbox::table
            .filter(email_outbox::user_id.eq(user_id))
            .filter(email_outbox::confirm_address.is_not_null())
            .filter(email_outbox::state.eq(EmailState::Queued)),
    )
    .set((
        email_outbox::state.eq(EmailState::Dropped),
        email_outbox::last_error.eq("another address was given since"),
    ))
    .execute(conn)?;
    Ok(())
}

/// Who a confirmation link is for: (handle, address), while it is good.
pub fn confirmation(db: &Db, token: &str) -> Result<Option<(String, String)>> {
    db.read(|conn| pending_by_token(conn, token))
}

fn pending_by_token(conn: &mut AnyConnection, token: &str) -> Result<Option<(String, String)>> {
    let found = notification_settings::table
        .filter(notification_settings::confirm_token.eq(token))
        .select((
            notification_settings::user_id,
            notification_settings::pending_address,
            notification_settings::pending_since,
        ))
        .first::<(i64, Option<String>, Option<chrono::NaiveDateTime>)>(conn)
        .optional()?;
    match found {
        Some((user_id, Some(address), Some(since))) if since + CONFIRM_VALID_FOR > now() => {
            Ok(Some((handle_of(conn, user_id)?, address)))
        }
        _ => Ok(None),
    }
}

/// Follows a confirmation link: the pending address becomes the one email goes to.
/// Returns the address, or `None` for a link that is unknown, used or expired. The
/// unsubscribe token changes with the address, so that links in mail to the old address
/// no longer touch this user's settings.
pub fn confirm(db: &Db, token: &str) -> Result<Option<String>> {
    db.write(|conn| {
        let Some((_, address)) = pending_by_token(conn, token)? else {
            return Ok(None);
        };
        diesel::update(
            notification_settings::table.filter(notification_settings::confirm_token.eq(token)),
        )
        .set((
            notification_settings::email_address.eq(&address),
            notification_settings::pending_address.eq(None::<String>),
            notification_settings::confirm_token.eq(None::<String>),
            notification_settings::pending_since.eq(None::<chrono::NaiveDateTime>),
            notification_settings::unsubscribe_token.eq(new_token()),
            notification_settings::updated_at.eq(now()),
        ))
        .execute(conn)?;
        Ok(Some(address))
    })
}

/// Whose email an unsubscribe link turns off: (handle, address), for the page that asks
/// before doing it.
pub fn unsubscribe_target(db: &Db, token: &str) -> Result<Option<(String, Option<String>)>> {
    db.read(|conn| {
        let found = notification_settings::table
            .filter(notification_settings::unsubscribe_token.eq(token))
            .select((
                notification_settings::user_id,
                notification_settings::email_address,
            ))
            .first::<(i64, Option<String>)>(conn)
            .optional()?;
        match found {
            Some((user_id, address)) => Ok(Some((handle_of(conn, user_id)?, address))),
            None => Ok(None),
        }
    })
}

fn handle_of(conn: &mut AnyConnection, user_id: i64) -> Result<String> {
    Ok(users::table
        .find(user_id)
        .select(users::handle)
        .first(conn)?)
}

#[cfg(test)]
mod tests {
    use super::valid_address;

    #[test]
    fn addresses_are_plain_ascii_mailboxes() {
        for good in [
            "ana@school.example",
            "a.b+forum@mail.school.example",
            "x_y-z@localhost",
            "o'neil@example.org",
        ] {
            assert!(valid_address(good), "{good}");
        }
        for bad in [
            "",
            "ana",
            "@school.example",
            "ana@",
            "ana@@school.example",
            "ana@school..example",
            "ana@-school.example",
            ".ana@school.example",
            "a..b@school.example",
            "ana maria@school.example",
            "ana@school.example>",
            "<ana@school.example>",
            "Ana <ana@school.example>",
            "ana@school.example\r\nBcc: x@y.example",
            "añа@school.example",
            "ana@escuela.españa",
        ] {
            assert!(!valid_address(bad), "{bad:?}");
        }
        // RFC 5321's 254 characters in all (the 64 of a local part are the server's to
        // refuse: the pattern in the API's document cannot count them).
        assert!(valid_address(&format!("{}@x.example", "a".repeat(244))));
        assert!(!valid_address(&format!("{}@x.example", "a".repeat(245))));
    }
}
