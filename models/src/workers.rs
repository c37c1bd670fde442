//! Tokens for translation workers on other machines (a school's GPU box). Admins create
//! and revoke them; a worker token leases and completes translation jobs and nothing else.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use pontis_types::{CreateWorkerRequest, CreatedWorkerView, WorkerView};

use crate::access::Actor;
use crate::db::Db;
use crate::error::{Error, Result};
use crate::rows::{now, utc};
use crate::schema::worker_tokens;
use crate::secrets;
use pontis_types::limits;

/// The worker behind a token: its id and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerIdentity {
    pub id: i64,
    pub name: String,
}

fn require_admin(actor: &Actor) -> Result<()> {
    if actor.is_admin {
        Ok(())
    } else {
        Err(Error::PermissionDenied)
    }
}

pub fn create(db: &Db, actor: &Actor, input: CreateWorkerRequest) -> Result<CreatedWorkerView> {
    require_admin(actor)?;
    let name =
        limits::required(&input.name, limits::TOKEN_NAME_MAX).ok_or(Error::InvalidTokenName {
            max: limits::TOKEN_NAME_MAX,
        })?;
    let token = secrets::new_token();
    let created = now();
    let id = db.write(|conn| {
        diesel::insert_into(worker_tokens::table)
            .values((
                worker_tokens::name.eq(&name),
                worker_tokens::token_hash.eq(secrets::token_hash(&token)),
                worker_tokens::created_by.eq(actor.user_id),
                worker_tokens::created_at.eq(created),
            ))
            .returning(worker_tokens::id)
            .get_result::<i64>(conn)
            .map_err(Error::from)
    })?;
    Ok(CreatedWorkerView {
        worker: WorkerView {
            id,
            name,
            created_at: utc(created),
            last_used_at: None,
        },
        token,
    })
}

pub fn list(db: &Db, actor: &Actor) -> Result<Vec<WorkerView>> {
    require_admin(actor)?;
    db.read(|conn| {
        let rows: Vec<(i64, String, NaiveDateTime, Option<NaiveDateTime>)> = worker_tokens::table
            .order(worker_tokens::id.asc())
            .select((
                worker_tokens::id,
                worker_tokens::name,
                worker_tokens::created_at,
                worker_tokens::last_used_at,
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(id, name, created, used)| WorkerView {
                id,
                name,
                created_at: utc(created),
                last_used_at: used.map(utc),
            })
            .collect())
    })
}

pub fn revoke(db: &Db, actor: &Actor, id: i64) -> Result<()> {
    require_admin(actor)?;
    db.write(|conn| {
        let removed = diesel::delete(worker_tokens::table.find(id)).execute(conn)?;
        if removed == 0 {
            return Err(Error::TokenNotFound);
        }
        Ok(())
    })
}

/// The worker a bearer token belongs to; `Unauthenticated` for any other token.
pub fn authenticate(db: &Db, token: &str) -> Result<WorkerIdentity> {
    let hash = secrets::token_hash(token);
    let found = db.read(|conn| {
        worker_tokens::table
            .filter(worker_tokens::token_hash.eq(&hash))
            .select((
                worker_tokens::id,
                worker_tokens::name,
                worker_tokens::last_used_at,
            ))
            .first::<(i64, String, Option<NaiveDateTime>)>(conn)
            .optional()
            .map_err(Error::from)
    })?;
    let (id, name, last_used) = found.ok_or(Error::Unauthenticated)?;
    // Recorded at most every few minutes, so that polling workers rarely need the writer.
    if last_used.is_none_or(|t| now() - t > chrono::Duration::minutes(5)) {
        db.write(|conn| {
            diesel::update(worker_tokens::table.find(id))
                .set(worker_tokens::last_used_at.eq(now()))
                .execute(conn)
                .map_err(Error::from)
        })?;
    }
    Ok(WorkerIdentity { id, name })
}
