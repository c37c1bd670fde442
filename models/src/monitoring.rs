//! What the school's IT person watches: the translation queue by state and language
//! pair, how long the oldest job has waited, the search and email outboxes, and when
//! each remote worker was last seen. Read at each scrape of `/metrics`; who may scrape
//! is the HTTP layer's check (an admin, or the configured scrape token).

use chrono::NaiveDateTime;
use diesel::dsl::{count_star, min};
use diesel::prelude::*;
use pontis_types::{EmailState, JobState};

use crate::db::Db;
use crate::error::Result;
use crate::rows::now;
use crate::schema::{email_outbox, search_outbox, translation_jobs, worker_tokens};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// (state, source language, target language, jobs).
    pub jobs: Vec<(JobState, String, String, i64)>,
    /// How long the oldest queued job has waited, in seconds; 0 when none waits.
    pub oldest_queued_seconds: f64,
    pub search_outbox: i64,
    pub search_outbox_oldest_seconds: f64,
    pub email_outbox: i64,
    /// (worker token's name, seconds since the Unix epoch of its last lease).
    pub workers_last_seen: Vec<(String, f64)>,
}

pub fn snapshot(db: &Db) -> Result<Snapshot> {
    db.read(|conn| {
        let at = now();
        let age = |oldest: Option<NaiveDateTime>| {
            oldest.map_or(0.0, |t| (at - t).num_milliseconds().max(0) as f64 / 1000.0)
        };
        let jobs = translation_jobs::table
            .group_by((
                translation_jobs::state,
                translation_jobs::source_lang,
                translation_jobs::target_lang,
            ))
            .select((
                translation_jobs::state,
                translation_jobs::source_lang,
                translation_jobs::target_lang,
                count_star(),
            ))
            .order((
                translation_jobs::state,
                translation_jobs::source_lang,
                translation_jobs::target_lang,
            ))
            .load(conn)?;
        let oldest_queued: Option<NaiveDateTime> = translation_jobs::table
            .filter(translation_jobs::state.eq(JobState::Queued))
            .select(min(translation_jobs::created_at))
            .first(conn)?;
        let (search_outbox, search_oldest): (i64, Option<NaiveDateTime>) = search_outbox::table
            .select((count_star(), min(search_outbox::created_at)))
            .first(conn)?;
        let email_outbox: i64 = email_outbox::table
            .filter(email_outbox::state.eq(EmailState::Queued))
            .count()
            .get_result(conn)?;
        let workers: Vec<(String, Option<NaiveDateTime>)> = worker_tokens::table
            .order(worker_tokens::name)
            .select((worker_tokens::name, worker_tokens::last_used_at))
            .load(conn)?;
        Ok(Snapshot {
            jobs,
            oldest_queued_seconds: age(oldest_queued),
            search_outbox,
            search_outbox_oldest_seconds: age(search_oldest),
            email_outbox,
            workers_last_seen: workers
                .into_iter()
                .filter_map(|(name, seen)| {
                    seen.map(|t| (name, t.and_utc().timestamp_millis() as f64 / 1000.0))
                })
                .collect(),
        })
    })
}
