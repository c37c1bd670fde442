//! Which language pairs some worker can translate, as the workers announce them. A reader
//! who asks for a language no route reaches is told at once that it is unavailable, and
//! nothing is queued.

use std::collections::{BTreeSet, HashSet};

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use pontis_types::lang::translation_target;

use crate::db::{AnyConnection, Db, on_each_backend};
use crate::error::Result;
use crate::rows::now;
use crate::schema::{translation_jobs, translation_routes};
use pontis_types::JobState;

/// How long a remote worker's announcement holds, and how often it is renewed.
pub const REMOTE_ROUTES_HOLD: Duration = Duration::days(1);
const REMOTE_ROUTES_RENEW: Duration = Duration::hours(1);

/// Replaces what `provider` announced with `pairs` (`from`, `to`, in translation form).
/// `expires_at`: `None` for the server's own worker, which announces at each start.
/// Pairs may repeat once normalized (Apertium's `es-pt` and `es-pt_BR` are both `es→pt`);
/// each is written once.
pub fn announce(
    db: &Db,
    provider: &str,
    pairs: &[(String, String)],
    expires_at: Option<NaiveDateTime>,
) -> Result<()> {
    db.write(|conn| {
        diesel::delete(translation_routes::table.filter(translation_routes::provider.eq(provider)))
            .execute(conn)?;
        let unique: BTreeSet<&(String, String)> = pairs.iter().collect();
        let rows: Vec<_> = unique
            .iter()
            .map(|(from, to)| {
                (
                    translation_routes::provider.eq(provider),
                    translation_routes::source_lang.eq(from),
                    translation_routes::target_lang.eq(to),
                    translation_routes::expires_at.eq(expires_at),
                )
            })
            .collect();
        for chunk in rows.chunks(500) {
            let insert = diesel::insert_into(translation_routes::table).values(chunk);
            on_each_backend!(conn, |c| insert.execute(c))?;
        }
        requeue_now_reachable(conn, &unique)
    })
}

/// Jobs no engine reached wait for a worker again once a route reaches them: a model
/// installed today translates yesterday's posts too.
fn requeue_now_reachable(
    conn: &mut AnyConnection,
    pairs: &BTreeSet<&(String, String)>,
) -> Result<()> {
    let unreachable: Vec<(i64, String, String)> = translation_jobs::table
        .filter(translation_jobs::state.eq(JobState::Unreachable))
        .select((
            translation_jobs::id,
            translation_jobs::source_lang,
            translation_jobs::target_lang,
        ))
        .load(conn)?;
    let reachable: Vec<i64> = unreachable
        .into_iter()
        .filter(|(_, from, to)| pairs.contains(&(translation_target(from), to.clone())))
        .map(|(id, _, _)| id)
        .collect();
    for chunk in reachable.chunks(500) {
        diesel::update(translation_jobs::table.filter(translation_jobs::id.eq_any(chunk)))
            .set((
                translation_jobs::state.eq(JobState::Queued),
                translation_jobs::attempts.eq(0),
                translation_jobs::last_error.eq(None::<String>),
                translation_jobs::not_before.eq(None::<NaiveDateTime>),
                translation_jobs::updated_at.eq(now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// A remote worker's pairs, announced with its lease: written again only when they
/// changed or the last announcement is more than an hour old, so leasing stays a read.
pub fn announce_remote(db: &Db, provider: &str, pairs: &[(String, String)]) -> Result<()> {
    let renew_before = now() + REMOTE_ROUTES_HOLD - REMOTE_ROUTES_RENEW;
    let current: Vec<(String, String, Option<NaiveDateTime>)> = db.read(|conn| {
        Ok::<_, crate::Error>(
            translation_routes::table
                .filter(translation_routes::provider.eq(provider))
                .select((
                    translation_routes::source_lang,
                    translation_routes::target_lang,
                    translation_routes::expires_at,
                ))
                .load(conn)?,
        )
    })?;
    let fresh = current
        .iter()
        .all(|(_, _, expires)| expires.is_some_and(|at| at > renew_before));
    let same: HashSet<(&str, &str)> = current
        .iter()
        .map(|(from, to, _)| (from.as_str(), to.as_str()))
        .collect();
    let wanted: HashSet<(&str, &str)> = pairs
        .iter()
        .map(|(from, to)| (from.as_str(), to.as_str()))
        .collect();
    if fresh && same == wanted {
        return Ok(());
    }
    announce(db, provider, pairs, Some(now() + REMOTE_ROUTES_HOLD))
}

/// Of the languages in `sources`, those from which some announced route reaches `target`.
pub(crate) fn reachable_sources(
    conn: &mut AnyConnection,
    sources: &[&str],
    target: &str,
) -> Result<HashSet<String>> {
    let forms: Vec<String> = sources.iter().map(|s| translation_target(s)).collect();
    let reached: Vec<String> = translation_routes::table
        .filter(translation_routes::target_lang.eq(target))
        .filter(translation_routes::source_lang.eq_any(&forms))
        .filter(
            translation_routes::expires_at
                .is_null()
                .or(translation_routes::expires_at.gt(now())),
        )
        .select(translation_routes::source_lang)
        .distinct()
        .load(conn)?;
    Ok(sources
        .iter()
        .filter(|s| reached.contains(&translation_target(s)))
        .map(|s| (*s).to_owned())
        .collect())
}
