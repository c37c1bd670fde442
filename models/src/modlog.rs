//! The moderation log: every moderator action is recorded, and moderators read it back.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use pontis_types::{ModAction, ModLogEntry, ModLogPage};

use crate::access::{Actor, SpaceAccess};
use crate::cursor::{check_page_limit, decode_id_cursor, encode_id_cursor};
use crate::db::{AnyConnection, Db};
use crate::error::{Error, Result};
use crate::rows::{User, now, utc};
use crate::schema::moderation_log;
use crate::views::authors_by_id;

/// What a log entry is about; each part is optional.
#[derive(Debug, Default, Clone, Copy)]
pub struct Target {
    pub user_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
}

pub(crate) fn log_action(
    conn: &mut AnyConnection,
    space_id: i64,
    moderator_id: i64,
    action: ModAction,
    target: Target,
    reason: Option<&str>,
) -> Result<()> {
    // A moderator's action changes who may see what: live streams look again.
    crate::db::announce(conn)?;
    diesel::insert_into(moderation_log::table)
        .values((
            moderation_log::space_id.eq(space_id),
            moderation_log::moderator_id.eq(moderator_id),
            moderation_log::action.eq(action),
            moderation_log::target_user_id.eq(target.user_id),
            moderation_log::thread_id.eq(target.thread_id),
            moderation_log::post_id.eq(target.post_id),
            moderation_log::reason.eq(reason),
            moderation_log::created_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

type LogRow = (
    i64,
    i64,
    ModAction,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    NaiveDateTime,
);

/// The space's moderation log, newest first; for its moderators. The log names students
/// and why they were moderated, so it is not public.
pub fn modlog(
    db: &Db,
    actor: &Actor,
    slug: &str,
    cursor: Option<&str>,
    limit: usize,
) -> Result<ModLogPage> {
    check_page_limit(limit)?;
    let before = cursor.map(decode_id_cursor).transpose()?;
    db.read(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let mut query = moderation_log::table
            .filter(moderation_log::space_id.eq(access.space.id))
            .into_boxed();
        if let Some(before) = before {
            query = query.filter(moderation_log::id.lt(before));
        }
        let mut rows: Vec<LogRow> = query
            .order(moderation_log::id.desc())
            .limit(limit as i64 + 1)
            .select((
                moderation_log::id,
                moderation_log::moderator_id,
                moderation_log::action,
                moderation_log::target_user_id,
                moderation_log::thread_id,
                moderation_log::post_id,
                moderation_log::reason,
                moderation_log::created_at,
            ))
            .load(conn)?;
        let next_cursor = (rows.len() > limit).then(|| {
            rows.truncate(limit);
            rows.last().map(|r| encode_id_cursor(r.0))
        });
        let people = authors_by_id(
            conn,
            rows.iter().flat_map(|r| std::iter::once(r.1).chain(r.3)),
        )?;
        let author = |id: i64| {
            people
                .get(&id)
                .map(User::author)
                .ok_or_else(|| Error::Internal(format!("user {id} missing")))
        };
        let entries = rows
            .into_iter()
            .map(
                |(id, moderator, action, target, thread_id, post_id, reason, created)| {
                    Ok(ModLogEntry {
                        id,
                        moderator: author(moderator)?,
                        action,
                        target_user: target.map(author).transpose()?,
                        thread_id,
                        post_id,
                        reason,
                        created_at: utc(created),
                    })
                },
            )
            .collect::<Result<Vec<_>>>()?;
        Ok(ModLogPage {
            entries,
            next_cursor: next_cursor.flatten(),
        })
    })
}
