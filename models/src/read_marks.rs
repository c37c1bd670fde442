//! Read marks: how far each user has read each thread, so that the thread list can mark
//! threads with posts the user has not seen.

use std::collections::HashSet;

use diesel::prelude::*;

use crate::access::{Actor, thread_access};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::schema::posts;

// Declared here rather than in schema.rs: only this module reads or writes it.
diesel::table! {
    thread_reads (user_id, thread_id) {
        user_id -> BigInt,
        thread_id -> BigInt,
        last_read_post_id -> BigInt,
    }
}

/// Whether reading `thread_id` up to `post_id` moves the actor's mark: reading a thread
/// again must cost no write, which on SQLite would wait for the one writer.
pub fn mark_moves(db: &Db, actor: &Actor, thread_id: i64, post_id: i64) -> Result<bool> {
    db.read(|conn| {
        let last = thread_reads::table
            .filter(thread_reads::user_id.eq(actor.user_id))
            .filter(thread_reads::thread_id.eq(thread_id))
            .select(thread_reads::last_read_post_id)
            .first::<i64>(conn)
            .optional()?;
        Ok(last.is_none_or(|last| last < post_id))
    })
}

/// Records that the actor has read `thread_id` up to `post_id`; marks never move back.
pub fn mark_read(db: &Db, actor: &Actor, thread_id: i64, post_id: i64) -> Result<()> {
    db.write(|conn| {
        thread_access(conn, actor, thread_id)?;
        let mine = thread_reads::table
            .filter(thread_reads::user_id.eq(actor.user_id))
            .filter(thread_reads::thread_id.eq(thread_id));
        let current = mine
            .select(thread_reads::last_read_post_id)
            .first::<i64>(conn)
            .optional()?;
        match current {
            Some(last) if last >= post_id => {}
            Some(_) => {
                diesel::update(mine)
                    .set(thread_reads::last_read_post_id.eq(post_id))
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(thread_reads::table)
                    .values((
                        thread_reads::user_id.eq(actor.user_id),
                        thread_reads::thread_id.eq(thread_id),
                        thread_reads::last_read_post_id.eq(post_id),
                    ))
                    .execute(conn)?;
            }
        }
        Ok::<_, Error>(())
    })
}

/// Which of `thread_ids` have a visible post newer than the actor's read mark (or no mark
/// at all). The caller has already checked that the actor sees these threads.
pub fn unread_threads(db: &Db, actor: &Actor, thread_ids: &[i64]) -> Result<HashSet<i64>> {
    if thread_ids.is_empty() {
        return Ok(HashSet::new());
    }
    db.read(|conn| {
        let latest: Vec<(i64, Option<i64>)> = posts::table
            .filter(posts::thread_id.eq_any(thread_ids))
            .filter(posts::deleted_at.is_null())
            .filter(posts::hidden.eq(false))
            .group_by(posts::thread_id)
            .select((posts::thread_id, diesel::dsl::max(posts::id)))
            .load(conn)?;
        let marks: std::collections::HashMap<i64, i64> = thread_reads::table
            .filter(thread_reads::user_id.eq(actor.user_id))
            .filter(thread_reads::thread_id.eq_any(thread_ids))
            .select((thread_reads::thread_id, thread_reads::last_read_post_id))
            .load::<(i64, i64)>(conn)?
            .into_iter()
            .collect();
        Ok(latest
            .into_iter()
            .filter_map(|(thread, newest)| {
                let newest = newest?;
                marks
                    .get(&thread)
                    .is_none_or(|read| newest > *read)
                    .then_some(thread)
            })
            .collect())
    })
}
