//! Notification email: the sender thread of `pontis serve`. It drains the database's email
//! outbox (`pontis_models::notifications::outbox`) through the school's SMTP server: it
//! claims due rows, lets the outbox decide what each is now (sent, dropped because the
//! reader may no longer see it, or postponed for a translation), writes the message in the
//! recipient's language (`compose`) and marks it sent, or failed for a later try.
//!
//! A crash between the server taking a message and the row being marked sent sends it
//! again after the claim runs out, with the same Message-ID: receivers drop the copy.

mod compose;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::Utc;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::extension::ClientId;
use lettre::{SmtpTransport, Transport};
use pontis_frontend::Localizer;
use pontis_models::Db;
use pontis_models::notifications::outbox::{self, Policy, Prepared, Retry};

use crate::config::{Config, Email, redacted_url};

pub use compose::{ComposeError, Composer};

/// How often the outbox is looked at when nothing is due.
const POLL: Duration = Duration::from_secs(1);
/// Rows claimed at once.
const BATCH: i64 = 20;
/// The longest an SMTP exchange may take before it counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("email.smtp_url {url}: {reason}")]
    SmtpUrl { url: String, reason: String },
    #[error("email.from {0:?} is not an address (forum@school.example, or Name <forum@…>)")]
    From(String),
    #[error("email.public_url {0:?} must be an http:// or https:// address with a host")]
    PublicUrl(String),
    #[error("email.digest_hour must be 0 to 23, not {0}")]
    DigestHour(u32),
    #[error(transparent)]
    Locales(#[from] pontis_frontend::LocaleError),
    #[error(transparent)]
    Pages(#[from] pontis_frontend::PageError),
    #[error("cannot start the email sender thread: {0}")]
    Thread(#[from] std::io::Error),
}

/// The configuration, checked: what the sender needs.
pub struct Mailer {
    transport: SmtpTransport,
    composer: Composer,
    policy: Policy,
    digest_hour: u32,
}

impl Mailer {
    pub fn new(email: &Email) -> Result<Self, MailError> {
        if email.digest_hour > 23 {
            return Err(MailError::DigestHour(email.digest_hour));
        }
        let public_url = url::Url::parse(&email.public_url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .filter(|u| u.host_str().is_some())
            .ok_or_else(|| MailError::PublicUrl(email.public_url.clone()))?;
        let host = public_url.host_str().unwrap_or("localhost").to_owned();
        // The forum's own name in EHLO (some servers refuse "localhost"); an address
        // goes as an address literal.
        let hello = match public_url.host() {
            Some(url::Host::Ipv4(ip)) => ClientId::Ipv4(ip),
            Some(url::Host::Ipv6(ip)) => ClientId::Ipv6(ip),
            _ => ClientId::Domain(host.clone()),
        };
        let from: Mailbox = email
            .from
            .parse()
            .map_err(|_| MailError::From(email.from.clone()))?;
        let smtp_error = |reason: String| MailError::SmtpUrl {
            url: redacted_url(&email.smtp_url),
            reason,
        };
        let mut builder = SmtpTransport::from_url(&email.smtp_url)
            .map_err(|e| smtp_error(e.to_string()))?
            .hello_name(hello)
            .timeout(Some(SMTP_TIMEOUT));
        match (&email.smtp_username, &email.smtp_password) {
            (Some(user), Some(password)) => {
                builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
            }
            (None, None) => {}
            _ => {
                return Err(smtp_error(
                    "smtp_username and smtp_password go together".into(),
                ));
            }
        }
        let localizer = Arc::new(Localizer::embedded()?);
        let base = email.public_url.trim_end_matches('/').to_owned();
        Ok(Self {
            transport: builder.build(),
            composer: Composer::new(localizer, base, host, from)?,
            policy: Policy {
                translation_wait: chrono::Duration::seconds(
                    i64::try_from(email.translation_wait_seconds).unwrap_or(i64::MAX / 1000),
                ),
                retry_initial: chrono::Duration::seconds(
                    i64::try_from(email.retry_initial_seconds.max(1)).unwrap_or(3600),
                ),
            },
            digest_hour: email.digest_hour,
        })
    }

    /// One look at the outbox: the digests due now are written, then every due message
    /// is sent, dropped or put off. Returns how many went out.
    pub fn pass(&self, db: &Db) -> Result<usize, pontis_models::Error> {
        outbox::queue_due_digests(db, Utc::now(), self.digest_hour)?;
        let mut sent = 0;
        loop {
            let claimed = outbox::claim_due(db, pontis_models::rows::now(), BATCH)?;
            let full = claimed.len() as i64 == BATCH;
            for id in claimed {
                sent += usize::from(self.deliver(db, id)?);
            }
            if !full {
                return Ok(sent);
            }
        }
    }

    /// Sends one claimed row if it is still to be sent; true when it went out.
    fn deliver(&self, db: &Db, id: i64) -> Result<bool, pontis_models::Error> {
        let Prepared::Send(outgoing) =
            outbox::prepare(db, id, &self.policy, pontis_models::rows::now())?
        else {
            return Ok(false);
        };
        let message = match self.composer.message(&outgoing) {
            Ok(message) => message,
            // An address lettre refuses is refused for good: retrying cannot help.
            Err(ComposeError::Address(error)) => {
                tracing::warn!(outbox_id = id, %error, "email address refused; message dropped");
                outbox::mark_dropped(db, id, "the address was refused")?;
                return Ok(false);
            }
            Err(error) => {
                tracing::error!(outbox_id = id, %error, "cannot write the email");
                outbox::mark_failed(db, id, &error.to_string(), &self.policy)?;
                return Ok(false);
            }
        };
        match self.transport.send(&message) {
            Ok(_) => {
                outbox::mark_sent(db, id)?;
                Ok(true)
            }
            // A 5xx answer (no such mailbox, refused by policy) would be the same
            // tomorrow: the message is dropped, not retried for three days.
            Err(error) if error.is_permanent() => {
                tracing::warn!(outbox_id = id, %error, "the mail server refused it for good; message dropped");
                outbox::mark_dropped(db, id, &format!("refused for good: {error}"))?;
                Ok(false)
            }
            Err(error) => {
                match outbox::mark_failed(db, id, &error.to_string(), &self.policy)? {
                    Retry::At(at) => tracing::warn!(
                        outbox_id = id,
                        attempts = outgoing.attempts + 1,
                        %error,
                        retry_at = %at,
                        "sending email failed; it stays in the outbox"
                    ),
                    Retry::GaveUp => tracing::error!(
                        outbox_id = id,
                        %error,
                        "sending email kept failing; message dropped"
                    ),
                }
                Ok(false)
            }
        }
    }

    /// Looks at the outbox every second until `stop`.
    pub fn run(&self, db: &Db, stop: &AtomicBool) {
        while !stop.load(Ordering::Relaxed) {
            if let Err(error) = self.pass(db) {
                tracing::warn!(%error, "email outbox pass failed; the outbox keeps the messages");
            }
            sleep_unless_stopped(POLL, stop);
        }
    }
}

fn sleep_unless_stopped(pause: Duration, stop: &AtomicBool) {
    let step = Duration::from_millis(100);
    let mut slept = Duration::ZERO;
    while slept < pause && !stop.load(Ordering::Relaxed) {
        std::thread::sleep(step);
        slept += step;
    }
}

/// The sender's stop switch and its thread, when `[email]` is configured.
pub type Sender = (Arc<AtomicBool>, Vec<std::thread::JoinHandle<()>>);

/// The sender thread, when `[email]` is configured; stopped with the server.
pub fn start(config: &Config, db: &Db) -> Result<Sender, MailError> {
    let stop = Arc::new(AtomicBool::new(false));
    let Some(email) = &config.email else {
        return Ok((stop, Vec::new()));
    };
    let mailer = Mailer::new(email)?;
    tracing::info!(
        smtp = %redacted_url(&email.smtp_url),
        from = %email.from,
        "email sender starting"
    );
    let (db, watch) = (db.clone(), Arc::clone(&stop));
    let handle = std::thread::Builder::new()
        .name("email-sender".into())
        .spawn(move || mailer.run(&db, &watch))?;
    Ok((stop, vec![handle]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email() -> Email {
        Email::new(
            "smtp://forum:s3cret@127.0.0.1:2525",
            "Pontis <forum@school.example>",
            "https://forum.school.example/",
        )
    }

    #[test]
    fn settings_are_checked_at_start_and_errors_show_no_password() {
        assert!(Mailer::new(&email()).is_ok());
        for (broken, expected) in [
            (
                Email {
                    digest_hour: 24,
                    ..email()
                },
                "digest_hour",
            ),
            (
                Email {
                    from: "not an address".into(),
                    ..email()
                },
                "email.from",
            ),
            (
                Email {
                    public_url: "forum.school.example".into(),
                    ..email()
                },
                "public_url",
            ),
            (
                Email {
                    smtp_url: "imap://forum:s3cret@mail.school.example".into(),
                    ..email()
                },
                "smtp_url",
            ),
            (
                Email {
                    smtp_username: Some("forum".into()),
                    ..email()
                },
                "go together",
            ),
        ] {
            let error = Mailer::new(&broken)
                .err()
                .unwrap_or_else(|| panic!("{broken:?} is refused"))
                .to_string();
            assert!(error.contains(expected), "{error}");
            assert!(!error.contains("s3cret"), "{error}");
        }
    }
}
