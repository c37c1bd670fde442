//! The translation queue as admins see it.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use pontis_types::{JobState, JobView, SourceKind};

use crate::access::Actor;
use crate::cursor::check_page_limit;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::rows::{now, utc};
use crate::schema::translation_jobs;

#[derive(Queryable, Selectable)]
#[diesel(table_name = translation_jobs)]
struct JobRow {
    id: i64,
    source_kind: SourceKind,
    source_id: i64,
    source_lang: String,
    target_lang: String,
    source_revision: i32,
    state: JobState,
    attempts: i32,
    last_error: Option<String>,
    lease_owner: Option<String>,
    updated_at: NaiveDateTime,
}

impl JobRow {
    fn view(self) -> JobView {
        JobView {
            id: self.id,
            kind: self.source_kind,
            source_id: self.source_id,
            source_lang: self.source_lang,
            target_lang: self.target_lang,
            revision: self.source_revision,
            state: self.state,
            attempts: self.attempts,
            last_error: self.last_error,
            lease_owner: self.lease_owner,
            updated_at: utc(self.updated_at),
        }
    }
}

/// The translation queue, newest first; global admins only. `state` narrows it.
pub fn list_jobs(
    db: &Db,
    actor: &Actor,
    state: Option<JobState>,
    limit: usize,
) -> Result<Vec<JobView>> {
    if !actor.is_admin {
        return Err(Error::PermissionDenied);
    }
    check_page_limit(limit)?;
    db.read(|conn| {
        let mut query = translation_jobs::table.into_boxed();
        if let Some(state) = state {
            query = query.filter(translation_jobs::state.eq(state));
        }
        let rows: Vec<JobRow> = query
            .order(translation_jobs::updated_at.desc())
            .limit(limit as i64)
            .select(JobRow::as_select())
            .load(conn)?;
        Ok(rows.into_iter().map(JobRow::view).collect())
    })
}

/// Puts a job back in the queue with its attempts cleared, e.g. a failed one after an
/// engine was fixed; global admins only. A job a worker holds now is left to it.
pub fn retry(db: &Db, actor: &Actor, job_id: i64) -> Result<JobView> {
    if !actor.is_admin {
        return Err(Error::PermissionDenied);
    }
    db.write(|conn| {
        diesel::update(
            translation_jobs::table
                .find(job_id)
                .filter(translation_jobs::state.ne(JobState::Leased)),
        )
        .set((
            translation_jobs::state.eq(JobState::Queued),
            translation_jobs::attempts.eq(0),
            translation_jobs::not_before.eq(None::<NaiveDateTime>),
            translation_jobs::updated_at.eq(now()),
        ))
        .execute(conn)?;
        translation_jobs::table
            .find(job_id)
            .select(JobRow::as_select())
            .first(conn)
            .optional()?
            .map(JobRow::view)
            .ok_or(Error::JobNotFound)
    })
}
