//! Workers lease jobs and hand back what they made of them.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use pontis_types::translation::GuardHit;
use pontis_types::{JobOutcome, JobState, LeasedJob, SentencePair, SourceKind};

use crate::db::{AnyConnection, Db};
use crate::error::Result;
use crate::rows::now;
use crate::schema::{posts, threads, translation_jobs};
use crate::translation::guards as guard_counts;
use crate::translation::translations::store_translation;
use crate::translation::{corrections, glossary};

/// Leases before a job stops and shows its last error to admins: a job that fails, or
/// whose worker dies or hangs, this many times is not handed out again.
pub const MAX_ATTEMPTS: i32 = 3;
/// The wait before a failed job is leased again: this, doubled for each attempt so far,
/// and never more than `RETRY_WAIT_MAX`.
const RETRY_WAIT_FIRST: Duration = Duration::seconds(5);
const RETRY_WAIT_MAX: Duration = Duration::minutes(10);

/// Joins a job's languages into one value to match pairs with: no language tag holds it.
const PAIR_SEPARATOR: &str = ">";

fn pair_key(from: &str, to: &str) -> String {
    format!("{from}{PAIR_SEPARATOR}{to}")
}

/// How long a job that failed `attempts` times waits before its next lease.
pub fn retry_wait(attempts: i32) -> Duration {
    let doublings = attempts.saturating_sub(1).clamp(0, 16) as u32;
    (RETRY_WAIT_FIRST * 2_i32.pow(doublings)).min(RETRY_WAIT_MAX)
}

/// Leases up to `limit` jobs, most urgent first, for `lease_for`. Jobs whose lease ran out
/// (a crashed worker's) are taken again, until they were leased `MAX_ATTEMPTS` times: then
/// they fail, keeping their last error. Attempts are counted here, when a job is leased,
/// so a job that crashes or hangs its worker is charged too. On PostgreSQL, concurrent
/// workers skip each other's rows (`FOR UPDATE SKIP LOCKED`) instead of waiting on them.
/// With `pairs` (`from`, `to`), only jobs of those language pairs are leased: a remote
/// worker serves what its engines translate; the server's own worker takes every job and
/// tells readers which no engine reaches.
pub fn lease(
    db: &Db,
    worker: &str,
    limit: i64,
    lease_for: Duration,
    pairs: Option<&[(String, String)]>,
) -> Result<Vec<LeasedJob>> {
    let pair_keys: Option<Vec<String>> =
        pairs.map(|pairs| pairs.iter().map(|(from, to)| pair_key(from, to)).collect());
    db.write(|conn| {
        let at = now();
        let expired = translation_jobs::state
            .eq(JobState::Leased)
            .and(translation_jobs::lease_expires_at.lt(at));
        let worn_out = || {
            translation_jobs::table
                .filter(expired)
                .filter(translation_jobs::attempts.ge(MAX_ATTEMPTS))
        };
        diesel::update(worn_out().filter(translation_jobs::last_error.is_null()))
            .set(translation_jobs::last_error.eq(format!(
                "leased {MAX_ATTEMPTS} times without completing: the worker crashed or hung"
            )))
            .execute(conn)?;
        diesel::update(worn_out())
            .set((
                translation_jobs::state.eq(JobState::Failed),
                translation_jobs::lease_owner.eq(None::<String>),
                translation_jobs::updated_at.eq(at),
            ))
            .execute(conn)?;
        let available = translation_jobs::state
            .eq(JobState::Queued)
            .and(
                translation_jobs::not_before
                    .is_null()
                    .or(translation_jobs::not_before.le(at)),
            )
            .or(expired);
        let candidates = || {
            translation_jobs::table
                .filter(available)
                .order((
                    translation_jobs::priority.desc(),
                    translation_jobs::id.asc(),
                ))
                .limit(limit)
                .select(translation_jobs::id)
        };
        let job_pair = translation_jobs::source_lang
            .concat(PAIR_SEPARATOR)
            .concat(translation_jobs::target_lang);
        let candidates: Vec<i64> = match (&mut *conn, &pair_keys) {
            (AnyConnection::Postgresql(c), None) => {
                candidates().for_update().skip_locked().load(c)?
            }
            (AnyConnection::Postgresql(c), Some(keys)) => candidates()
                .filter(job_pair.eq_any(keys))
                .for_update()
                .skip_locked()
                .load(c)?,
            (AnyConnection::Sqlite(c), None) => candidates().load(c)?,
            (AnyConnection::Sqlite(c), Some(keys)) => {
                candidates().filter(job_pair.eq_any(keys)).load(c)?
            }
        };
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
        let leased: Vec<i64> = diesel::update(
            translation_jobs::table
                .filter(translation_jobs::id.eq_any(&candidates))
                .filter(available),
        )
        .set((
            translation_jobs::state.eq(JobState::Leased),
            translation_jobs::lease_owner.eq(worker),
            translation_jobs::lease_expires_at.eq(at + lease_for),
            translation_jobs::attempts.eq(translation_jobs::attempts + 1),
            translation_jobs::updated_at.eq(at),
        ))
        .returning(translation_jobs::id)
        .get_results(conn)?;
        let rows: Vec<(i64, SourceKind, i64, String, String, i32)> = translation_jobs::table
            .filter(translation_jobs::id.eq_any(&leased))
            .order((
                translation_jobs::priority.desc(),
                translation_jobs::id.asc(),
            ))
            .select((
                translation_jobs::id,
                translation_jobs::source_kind,
                translation_jobs::source_id,
                translation_jobs::source_lang,
                translation_jobs::target_lang,
                translation_jobs::source_revision,
            ))
            .load(conn)?;
        // The texts, two queries for the whole batch: the writer is held meanwhile.
        let mut post_ids = Vec::new();
        let mut thread_ids = Vec::new();
        for (_, kind, source_id, ..) in &rows {
            match kind {
                SourceKind::Post => post_ids.push(*source_id),
                SourceKind::Title => thread_ids.push(*source_id),
            }
        }
        let bodies: HashMap<i64, (String, i32)> = posts::table
            .filter(posts::id.eq_any(&post_ids))
            .filter(posts::deleted_at.is_null())
            .select((posts::id, posts::body, posts::revision))
            .load::<(i64, String, i32)>(conn)?
            .into_iter()
            .map(|(id, body, revision)| (id, (body, revision)))
            .collect();
        let titles: HashMap<i64, String> = threads::table
            .filter(threads::id.eq_any(&thread_ids))
            .select((threads::id, threads::title))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect();
        let mut jobs = Vec::with_capacity(rows.len());
        let mut gone = Vec::new();
        for (id, kind, source_id, source_lang, target_lang, queued_revision) in rows {
            let source = match kind {
                SourceKind::Post => bodies.get(&source_id).cloned(),
                SourceKind::Title => titles.get(&source_id).map(|title| (title.clone(), 1)),
            };
            match source {
                Some((text, revision)) => {
                    if revision != queued_revision {
                        // Edited since it was queued: the job translates what is handed
                        // out now, so that its result is accepted.
                        diesel::update(translation_jobs::table.find(id))
                            .set(translation_jobs::source_revision.eq(revision))
                            .execute(conn)?;
                    }
                    jobs.push(LeasedJob {
                        id,
                        kind,
                        source_id,
                        source_lang,
                        target_lang,
                        revision,
                        text,
                        glossary: Vec::new(),
                        corrections: Vec::new(),
                    })
                }
                None => gone.push(id),
            }
        }
        if !gone.is_empty() {
            // Deleted since it was queued: nothing left to translate.
            diesel::update(translation_jobs::table.filter(translation_jobs::id.eq_any(&gone)))
                .set((
                    translation_jobs::state.eq(JobState::Done),
                    translation_jobs::lease_owner.eq(None::<String>),
                ))
                .execute(conn)?;
        }
        steer(conn, &mut jobs)?;
        Ok(jobs)
    })
}

/// Gives each job its space's glossary and corrections for its languages.
fn steer(conn: &mut AnyConnection, jobs: &mut [LeasedJob]) -> Result<()> {
    let post_ids: Vec<i64> = jobs
        .iter()
        .filter(|job| job.kind == SourceKind::Post)
        .map(|job| job.source_id)
        .collect();
    let thread_of_post: HashMap<i64, i64> = posts::table
        .filter(posts::id.eq_any(&post_ids))
        .select((posts::id, posts::thread_id))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let thread_of = |job: &LeasedJob| match job.kind {
        SourceKind::Post => thread_of_post.get(&job.source_id).copied(),
        SourceKind::Title => Some(job.source_id),
    };
    let thread_ids: Vec<i64> = jobs.iter().filter_map(thread_of).collect();
    let space_of_thread: HashMap<i64, i64> = threads::table
        .filter(threads::id.eq_any(&thread_ids))
        .select((threads::id, threads::space_id))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let mut glossaries: HashMap<i64, pontis_types::Glossary> = HashMap::new();
    let mut corrected: HashMap<(i64, String, String), Vec<pontis_types::JobCorrection>> =
        HashMap::new();
    for job in jobs.iter_mut() {
        let Some(space_id) = thread_of(job).and_then(|t| space_of_thread.get(&t).copied()) else {
            continue;
        };
        let terms = match glossaries.entry(space_id) {
            Entry::Occupied(found) => found.into_mut(),
            Entry::Vacant(missing) => missing.insert(glossary::load(conn, space_id)?),
        };
        job.glossary = glossary::job_terms(terms, &job.source_lang, &job.target_lang);
        let key = (space_id, job.source_lang.clone(), job.target_lang.clone());
        job.corrections = match corrected.entry(key) {
            Entry::Occupied(found) => found.get().clone(),
            Entry::Vacant(missing) => missing
                .insert(corrections::job_corrections(
                    conn,
                    space_id,
                    &job.source_lang,
                    &job.target_lang,
                )?)
                .clone(),
        };
    }
    Ok(())
}

/// Records a worker's outcome. Returns false, changing nothing, when the worker no longer
/// holds the job: its lease ran out and another worker took it, or an edit re-queued it.
/// So a translation is stored once, and never for a revision that is no longer current.
pub fn complete(
    db: &Db,
    worker: &str,
    job_id: i64,
    revision: i32,
    outcome: &JobOutcome,
    sentences: &[SentencePair],
    guards: &[GuardHit],
) -> Result<bool> {
    db.write(|conn| {
        let Some(HeldJob {
            kind,
            source_id,
            target_lang,
            attempts,
            ..
        }) = held(conn, worker, job_id, revision)?
        else {
            return Ok(false);
        };
        let at = now();
        let (state, error) = match outcome {
            JobOutcome::Translated {
                text,
                engine,
                model,
            } => {
                store_translation(
                    conn,
                    kind,
                    source_id,
                    &target_lang,
                    revision,
                    text,
                    engine,
                    model,
                    sentences,
                )?;
                (JobState::Done, None)
            }
            JobOutcome::Unreachable { reason } => (JobState::Unreachable, Some(reason.clone())),
            JobOutcome::Failed { error } if attempts >= MAX_ATTEMPTS => {
                (JobState::Failed, Some(error.clone()))
            }
            JobOutcome::Failed { error } => (JobState::Queued, Some(error.clone())),
            // The same engines would translate it the same way: not retried.
            JobOutcome::Rejected { reason } => (JobState::Failed, Some(reason.clone())),
        };
        guard_counts::record(conn, guards)?;
        let not_before = (state == JobState::Queued).then(|| at + retry_wait(attempts));
        diesel::update(translation_jobs::table.find(job_id))
            .set((
                translation_jobs::state.eq(state),
                translation_jobs::last_error.eq(error),
                translation_jobs::lease_owner.eq(None::<String>),
                translation_jobs::lease_expires_at.eq(None::<NaiveDateTime>),
                translation_jobs::not_before.eq(not_before),
                translation_jobs::updated_at.eq(at),
            ))
            .execute(conn)?;
        Ok(true)
    })
}

/// The job `worker` holds at `revision`, with its text as it was handed out; `None` once
/// the lease is lost (ran out and taken by another, or re-queued by an edit).
pub fn held_job(db: &Db, worker: &str, job_id: i64, revision: i32) -> Result<Option<LeasedJob>> {
    db.read(|conn| {
        let Some(HeldJob {
            kind,
            source_id,
            source_lang,
            target_lang,
            ..
        }) = held(conn, worker, job_id, revision)?
        else {
            return Ok(None);
        };
        let text = match kind {
            SourceKind::Post => posts::table
                .find(source_id)
                .filter(posts::revision.eq(revision))
                .select(posts::body)
                .first::<String>(conn)
                .optional()?,
            SourceKind::Title => threads::table
                .find(source_id)
                .select(threads::title)
                .first::<String>(conn)
                .optional()?,
        };
        let Some(text) = text else {
            return Ok(None);
        };
        let mut job = [LeasedJob {
            id: job_id,
            kind,
            source_id,
            source_lang,
            target_lang,
            revision,
            text,
            glossary: Vec::new(),
            corrections: Vec::new(),
        }];
        steer(conn, &mut job)?;
        let [job] = job;
        Ok(Some(job))
    })
}

/// A job row as the worker holding it sees it.
#[derive(Queryable)]
struct HeldJob {
    kind: SourceKind,
    source_id: i64,
    source_lang: String,
    target_lang: String,
    attempts: i32,
}

/// The job, when `worker` holds its lease at `revision`.
fn held(
    conn: &mut AnyConnection,
    worker: &str,
    job_id: i64,
    revision: i32,
) -> Result<Option<HeldJob>> {
    Ok(translation_jobs::table
        .find(job_id)
        .filter(translation_jobs::state.eq(JobState::Leased))
        .filter(translation_jobs::lease_owner.eq(worker))
        .filter(translation_jobs::source_revision.eq(revision))
        .select((
            translation_jobs::source_kind,
            translation_jobs::source_id,
            translation_jobs::source_lang,
            translation_jobs::target_lang,
            translation_jobs::attempts,
        ))
        .first::<HeldJob>(conn)
        .optional()?)
}
