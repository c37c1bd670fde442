//! The translation queue as admins see it.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use pontis_types::{JobState, JobView, SourceKind};

use crate::access::Actor;
use crate::cursor::check_page_limit;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::rows::utc;
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
        Ok(rows
            .into_iter()
            .map(|row| JobView {
                id: row.id,
                kind: row.source_kind,
                source_id: row.source_id,
                source_lang: row.source_lang,
                target_lang: row.target_lang,
                revision: row.source_revision,
                state: row.state,
                attempts: row.attempts,
                last_error: row.last_error,
                lease_owner: row.lease_owner,
                updated_at: utc(row.updated_at),
            })
            .collect())
    })
}
