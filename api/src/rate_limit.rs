//! Per-key rate limits (GCRA, from `governor`), the failed-login delay and the count of
//! open event streams, kept in memory: each process limits alone.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::RateLimits;
use crate::error::ApiError;

/// Keys a limiter keeps before it forgets those whose buckets are full again.
const KEYS_BEFORE_CLEANUP: usize = 10_000;

pub struct Limiter {
    inner: Option<DefaultKeyedRateLimiter<String>>,
}

impl Limiter {
    /// `count` requests per `period`, all of them allowed at once; zero means unlimited.
    pub fn new(count: u32, period: Duration) -> Self {
        let inner = NonZeroU32::new(count).and_then(|burst| {
            Quota::with_period(period / burst.get())
                .map(|quota| RateLimiter::keyed(quota.allow_burst(burst)))
        });
        Self { inner }
    }

    pub fn check(&self, key: &str) -> Result<(), ApiError> {
        let Some(limiter) = &self.inner else {
            return Ok(());
        };
        if limiter.len() > KEYS_BEFORE_CLEANUP {
            limiter.retain_recent();
        }
        limiter.check_key(&key.to_owned()).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::RateLimited {
                seconds: wait.as_secs().max(1),
            }
        })
    }
}

/// What a user does that has a limit of its own.
#[derive(Debug, Clone, Copy)]
pub enum UserAction {
    Edit,
    Report,
    Join,
    CreateSpace,
    Search,
}

pub struct RateLimiters {
    pub registrations_per_ip: Limiter,
    pub logins_per_ip: Limiter,
    pub failed_logins: FailedLogins,
    pub posts_per_user: Limiter,
    pub posts_per_ip: Limiter,
    edits_per_user: Limiter,
    reports_per_user: Limiter,
    joins_per_user: Limiter,
    spaces_per_user: Limiter,
    searches_per_user: Limiter,
    pub event_streams: OpenStreams,
}

impl RateLimiters {
    pub fn new(limits: &RateLimits) -> Self {
        const MINUTE: Duration = Duration::from_secs(60);
        const HOUR: Duration = Duration::from_secs(3600);
        const DAY: Duration = Duration::from_secs(86_400);
        Self {
            registrations_per_ip: Limiter::new(limits.registrations_per_hour_per_ip, HOUR),
            logins_per_ip: Limiter::new(limits.logins_per_minute_per_ip, MINUTE),
            failed_logins: FailedLogins::new(
                limits.failed_logins_before_delay,
                Duration::from_secs(limits.login_delay_max_seconds.into()),
            ),
            posts_per_user: Limiter::new(limits.posts_per_minute_per_user, MINUTE),
            posts_per_ip: Limiter::new(limits.posts_per_minute_per_ip, MINUTE),
            edits_per_user: Limiter::new(limits.edits_per_minute_per_user, MINUTE),
            reports_per_user: Limiter::new(limits.reports_per_minute_per_user, MINUTE),
            joins_per_user: Limiter::new(limits.joins_per_hour_per_user, HOUR),
            spaces_per_user: Limiter::new(limits.spaces_per_day_per_user, DAY),
            searches_per_user: Limiter::new(limits.searches_per_minute_per_user, MINUTE),
            event_streams: OpenStreams::new(limits.event_streams_per_user),
        }
    }

    /// The same per-user limits for the JSON API and the pages.
    pub fn check_user(&self, action: UserAction, user_id: i64) -> Result<(), ApiError> {
        let limiter = match action {
            UserAction::Edit => &self.edits_per_user,
            UserAction::Report => &self.reports_per_user,
            UserAction::Join => &self.joins_per_user,
            UserAction::CreateSpace => &self.spaces_per_user,
            UserAction::Search => &self.searches_per_user,
        };
        limiter.check(&user_id.to_string())
    }
}

/// Wrong passwords per (handle, address): `free` tries, then each further try waits
/// twice as long as the last (5 s, 10 s, 20 s …), up to `max_wait`; a right password
/// clears the count.
pub struct FailedLogins {
    free: u32,
    max_wait: Duration,
    failures: Mutex<HashMap<String, Failures>>,
}

struct Failures {
    count: u32,
    wait_until: Instant,
}

impl FailedLogins {
    /// `free` = 0 turns the delay off.
    pub fn new(free: u32, max_wait: Duration) -> Self {
        Self {
            free,
            max_wait,
            failures: Mutex::new(HashMap::new()),
        }
    }

    pub fn key(handle: &str, client_key: &str) -> String {
        format!("{}\n{client_key}", handle.trim().to_lowercase())
    }

    pub fn check(&self, key: &str) -> Result<(), ApiError> {
        let failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        match failures.get(key) {
            Some(f) if f.wait_until > Instant::now() => Err(ApiError::RateLimited {
                seconds: (f.wait_until - Instant::now()).as_secs().max(1),
            }),
            _ => Ok(()),
        }
    }

    pub fn failed(&self, key: &str) {
        if self.free == 0 {
            return;
        }
        let now = Instant::now();
        let mut failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        if failures.len() > KEYS_BEFORE_CLEANUP {
            // Entries whose wait is over and that are far from the next one are forgotten.
            let forget_after = self.max_wait;
            failures.retain(|_, f| now.saturating_duration_since(f.wait_until) < forget_after);
        }
        let entry = failures.entry(key.to_owned()).or_insert(Failures {
            count: 0,
            wait_until: now,
        });
        entry.count += 1;
        if let Some(over) = entry.count.checked_sub(self.free).filter(|n| *n > 0) {
            let wait = Duration::from_secs(5 << (over - 1).min(20)).min(self.max_wait);
            entry.wait_until = now + wait;
        }
    }

    pub fn succeeded(&self, key: &str) {
        self.failures
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(key);
    }
}

/// Live event streams open per user; each holds a [`StreamSlot`] until it ends.
pub struct OpenStreams {
    max: u32,
    open: Arc<Mutex<HashMap<i64, u32>>>,
}

/// One open stream; dropping it (the client went away) frees its place.
pub struct StreamSlot {
    user_id: i64,
    open: Arc<Mutex<HashMap<i64, u32>>>,
}

impl OpenStreams {
    /// `max` = 0 means no limit.
    pub fn new(max: u32) -> Self {
        Self {
            max,
            open: Arc::default(),
        }
    }

    pub fn open(&self, user_id: i64) -> Result<StreamSlot, ApiError> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let count = open.entry(user_id).or_insert(0);
        if self.max > 0 && *count >= self.max {
            return Err(ApiError::RateLimited { seconds: 60 });
        }
        *count += 1;
        Ok(StreamSlot {
            user_id,
            open: Arc::clone(&self.open),
        })
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = open.get_mut(&self.user_id) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                open.remove(&self.user_id);
            }
        }
    }
}

impl RateLimiters {
    /// New threads and replies, per user and per address: the same limits for the JSON
    /// API and the pages.
    pub fn check_posting(&self, user_id: i64, client_key: &str) -> Result<(), ApiError> {
        self.posts_per_user.check(&user_id.to_string())?;
        self.posts_per_ip.check(client_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_the_burst_then_refuses_with_a_wait() {
        let limiter = Limiter::new(3, Duration::from_secs(60));
        for _ in 0..3 {
            assert!(limiter.check("a").is_ok());
        }
        match limiter.check("a") {
            Err(ApiError::RateLimited { seconds }) => assert!((1..=20).contains(&seconds)),
            other => panic!("expected rate_limited, got {other:?}"),
        }
        assert!(limiter.check("b").is_ok(), "keys are independent");
    }

    #[test]
    fn failed_logins_wait_longer_each_time_and_a_success_clears_them() {
        let logins = FailedLogins::new(2, Duration::from_secs(4));
        let key = FailedLogins::key(" Teacher ", "198.51.100.1");
        assert_eq!(key, FailedLogins::key("teacher", "198.51.100.1"));
        for _ in 0..2 {
            assert!(logins.check(&key).is_ok());
            logins.failed(&key);
        }
        assert!(logins.check(&key).is_ok(), "two free tries");
        logins.failed(&key);
        assert!(logins.check(&key).is_err(), "then a wait");
        let other = FailedLogins::key("teacher", "203.0.113.7");
        assert!(
            logins.check(&other).is_ok(),
            "another address is not held up"
        );
        for _ in 0..10 {
            logins.failed(&key);
        }
        match logins.check(&key) {
            Err(ApiError::RateLimited { seconds }) => assert!(seconds <= 4, "capped: {seconds}"),
            other => panic!("expected a wait, got {other:?}"),
        }
        logins.succeeded(&key);
        assert!(logins.check(&key).is_ok());
    }

    #[test]
    fn a_closed_stream_frees_its_place() {
        let streams = OpenStreams::new(2);
        let first = streams.open(1).expect("one");
        let _second = streams.open(1).expect("two");
        assert!(streams.open(1).is_err(), "a third at once");
        assert!(streams.open(2).is_ok(), "per user");
        drop(first);
        assert!(streams.open(1).is_ok());
    }

    #[test]
    fn zero_means_unlimited() {
        let limiter = Limiter::new(0, Duration::from_secs(60));
        for _ in 0..1000 {
            assert!(limiter.check("a").is_ok());
        }
    }
}
