//! How often each quality guard rejected a model's translation, as workers report it with
//! their results: what the admin page shows, per model.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use pontis_types::translation::{GuardHit, QualityGuard};

use crate::access::Actor;
use crate::db::{AnyConnection, Db, on_each_backend};
use crate::error::{Error, Result};
use crate::rows::now;
use crate::schema::quality_guard_hits;

/// A guard's count for one model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardCount {
    pub model: String,
    pub guard: QualityGuard,
    pub hits: i64,
    pub last_at: NaiveDateTime,
}

/// Counts `hits`, in the caller's transaction.
pub fn record(conn: &mut AnyConnection, hits: &[GuardHit]) -> Result<()> {
    let at = now();
    for hit in hits {
        let upsert = diesel::insert_into(quality_guard_hits::table)
            .values((
                quality_guard_hits::model.eq(&hit.model),
                quality_guard_hits::guard.eq(hit.guard),
                quality_guard_hits::hits.eq(1_i64),
                quality_guard_hits::last_at.eq(at),
            ))
            .on_conflict((quality_guard_hits::model, quality_guard_hits::guard))
            .do_update()
            .set((
                quality_guard_hits::hits.eq(quality_guard_hits::hits + 1_i64),
                quality_guard_hits::last_at.eq(at),
            ));
        on_each_backend!(conn, |c| upsert.execute(c))?;
    }
    Ok(())
}

/// Every count, the models with the most hits first. Admins only.
pub fn counts(db: &Db, actor: &Actor) -> Result<Vec<GuardCount>> {
    if !actor.is_admin {
        return Err(Error::PermissionDenied);
    }
    db.read(|conn| {
        let rows: Vec<(String, QualityGuard, i64, NaiveDateTime)> = quality_guard_hits::table
            .select((
                quality_guard_hits::model,
                quality_guard_hits::guard,
                quality_guard_hits::hits,
                quality_guard_hits::last_at,
            ))
            .order((
                quality_guard_hits::hits.desc(),
                quality_guard_hits::model,
                quality_guard_hits::guard,
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(model, guard, hits, last_at)| GuardCount {
                model,
                guard,
                hits,
                last_at,
            })
            .collect())
    })
}
