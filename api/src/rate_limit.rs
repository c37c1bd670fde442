//! Per-key rate limits (GCRA, from `governor`), kept in memory: each process limits alone.

use std::num::NonZeroU32;
use std::time::Duration;

use actix_web::HttpRequest;
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

pub struct RateLimiters {
    pub registrations_per_ip: Limiter,
    pub logins_per_ip: Limiter,
    pub logins_per_handle: Limiter,
    pub posts_per_user: Limiter,
    pub posts_per_ip: Limiter,
}

impl RateLimiters {
    pub fn new(limits: &RateLimits) -> Self {
        const MINUTE: Duration = Duration::from_secs(60);
        const HOUR: Duration = Duration::from_secs(3600);
        Self {
            registrations_per_ip: Limiter::new(limits.registrations_per_hour_per_ip, HOUR),
            logins_per_ip: Limiter::new(limits.logins_per_minute_per_ip, MINUTE),
            logins_per_handle: Limiter::new(limits.logins_per_minute_per_handle, MINUTE),
            posts_per_user: Limiter::new(limits.posts_per_minute_per_user, MINUTE),
            posts_per_ip: Limiter::new(limits.posts_per_minute_per_ip, MINUTE),
        }
    }
}

impl RateLimiters {
    /// New threads and replies, per user and per address: the same limits for the JSON
    /// API and the pages.
    pub fn check_posting(&self, user_id: i64, client_ip: &str) -> Result<(), ApiError> {
        self.posts_per_user.check(&user_id.to_string())?;
        self.posts_per_ip.check(client_ip)
    }
}

/// The client's address: the peer, or with `trust_proxy` the first `X-Forwarded-For` entry.
pub fn client_ip(req: &HttpRequest, trust_proxy: bool) -> String {
    let info = req.connection_info();
    let ip = if trust_proxy {
        info.realip_remote_addr().map(str::to_owned)
    } else {
        req.peer_addr().map(|a| a.ip().to_string())
    };
    ip.unwrap_or_else(|| "unknown".to_owned())
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
    fn zero_means_unlimited() {
        let limiter = Limiter::new(0, Duration::from_secs(60));
        for _ in 0..1000 {
            assert!(limiter.check("a").is_ok());
        }
    }
}
