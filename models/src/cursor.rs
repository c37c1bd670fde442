//! Page positions as opaque cursors, and the one check of a page's size.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::NaiveDateTime;
use pontis_types::limits;

use crate::error::{Error, Result};
use crate::rows::Thread;

/// Every paged listing takes 1 to `limits::PAGE_MAX` items.
pub fn check_page_limit(limit: usize) -> Result<()> {
    if (1..=limits::PAGE_MAX).contains(&limit) {
        Ok(())
    } else {
        Err(Error::InvalidLimit {
            max: limits::PAGE_MAX,
        })
    }
}

/// Position in the thread list: (pinned, last activity, id), all descending.
pub(crate) struct ThreadCursor {
    pub(crate) pinned: bool,
    pub(crate) bumped_at: NaiveDateTime,
    pub(crate) id: i64,
}

impl ThreadCursor {
    pub(crate) fn of(thread: &Thread) -> Self {
        Self {
            pinned: thread.pinned,
            bumped_at: thread.bumped_at,
            id: thread.id,
        }
    }

    pub(crate) fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!(
            "{}.{}.{}",
            u8::from(self.pinned),
            self.bumped_at.and_utc().timestamp_micros(),
            self.id
        ))
    }

    pub(crate) fn decode(text: &str) -> Result<Self> {
        let raw = URL_SAFE_NO_PAD
            .decode(text)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or(Error::InvalidCursor)?;
        let mut parts = raw.split('.');
        let mut next = || parts.next().ok_or(Error::InvalidCursor);
        let pinned = match next()? {
            "0" => false,
            "1" => true,
            _ => return Err(Error::InvalidCursor),
        };
        let micros: i64 = next()?.parse().map_err(|_| Error::InvalidCursor)?;
        let id: i64 = next()?.parse().map_err(|_| Error::InvalidCursor)?;
        let bumped_at = chrono::DateTime::from_timestamp_micros(micros)
            .ok_or(Error::InvalidCursor)?
            .naive_utc();
        Ok(Self {
            pinned,
            bumped_at,
            id,
        })
    }
}

pub(crate) fn encode_id_cursor(id: i64) -> String {
    URL_SAFE_NO_PAD.encode(id.to_string())
}

pub(crate) fn decode_id_cursor(text: &str) -> Result<i64> {
    URL_SAFE_NO_PAD
        .decode(text)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|s| s.parse().ok())
        .ok_or(Error::InvalidCursor)
}
