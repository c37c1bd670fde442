//! What changed in a thread since a reader last looked, for live updates.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use pontis_types::SourceKind;

use crate::access::{Actor, thread_access};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::reading::Reading;
use crate::schema::{posts, translations};
use crate::views::visible_posts;

/// What changed in a thread since a reader last looked, for live updates.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ThreadChanges {
    /// Posts the reader can see, newer than `after_post`.
    pub new_posts: Vec<i64>,
    /// Posts whose translation into the reader's language landed since `since`.
    pub translated_posts: Vec<i64>,
    /// Whether the title's translation landed since `since`.
    pub title_translated: bool,
}

/// Changes in a thread the actor may see: new posts after `after_post`, translations into
/// `lang` stored after `since`. Fails like `thread_page` once the thread is out of sight.
pub fn thread_changes(
    db: &Db,
    actor: &Actor,
    thread_id: i64,
    lang: Option<&str>,
    after_post: i64,
    since: NaiveDateTime,
) -> Result<ThreadChanges> {
    db.read(|conn| {
        let (thread, access) = thread_access(conn, actor, thread_id)?;
        // A ban ends the live stream at its next look (reading the page stays allowed).
        if access.banned && !access.is_moderator() {
            return Err(Error::Banned);
        }
        let reading = Reading::of(conn, actor, lang)?;
        let thread_posts: Vec<i64> = posts::table
            .filter(visible_posts(&access, actor))
            .filter(posts::thread_id.eq(thread.id))
            .order(posts::id.asc())
            .select(posts::id)
            .load(conn)?;
        let new_posts = thread_posts
            .iter()
            .copied()
            .filter(|id| *id > after_post)
            .collect();
        let translated_posts = translations::table
            .filter(translations::source_kind.eq(SourceKind::Post))
            .filter(translations::source_id.eq_any(&thread_posts))
            .filter(translations::target_lang.eq(reading.lang()))
            .filter(translations::created_at.gt(since))
            .order(translations::source_id.asc())
            .select(translations::source_id)
            .load(conn)?;
        let title_translated = translations::table
            .filter(translations::source_kind.eq(SourceKind::Title))
            .filter(translations::source_id.eq(thread.id))
            .filter(translations::target_lang.eq(reading.lang()))
            .filter(translations::created_at.gt(since))
            .count()
            .get_result::<i64>(conn)?
            > 0;
        Ok(ThreadChanges {
            new_posts,
            translated_posts,
            title_translated,
        })
    })
}
