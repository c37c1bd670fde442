//! What live readers need to hear of, found for all of them at once: new posts,
//! translations and notifications since a mark, and who may still see which thread. A
//! process's event hub asks these once per look, however many streams are open.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable};
use pontis_types::SourceKind;

use crate::access::{Actor, SpaceAccess, thread_access};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::reading::Reading;
use crate::rows::{Space, Thread, now};
use crate::schema::{bans, memberships, notifications, posts, spaces, threads, translations};

/// How far live readers have been told: the newest post, translation and notification.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mark {
    pub post: i64,
    pub translation: i64,
    pub notification: i64,
}

#[derive(QueryableByName)]
struct MarkRow {
    #[diesel(sql_type = Nullable<BigInt>)]
    post: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    translation: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    notification: Option<i64>,
}

/// The newest ids now, in one query.
pub fn mark(db: &Db) -> Result<Mark> {
    db.read(|conn| {
        let row = diesel::sql_query(
            "SELECT (SELECT MAX(id) FROM posts) AS post, \
             (SELECT MAX(id) FROM translations) AS translation, \
             (SELECT MAX(id) FROM notifications) AS notification",
        )
        .get_result::<MarkRow>(conn)?;
        Ok(Mark {
            post: row.post.unwrap_or(0),
            translation: row.translation.unwrap_or(0),
            notification: row.notification.unwrap_or(0),
        })
    })
}

/// A post in a followed thread, with what decides who may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostSeen {
    pub id: i64,
    pub thread_id: i64,
    pub author_id: i64,
    pub hidden: bool,
}

impl PostSeen {
    /// Hidden posts exist only for moderators and their author (as `SpaceAccess` says).
    pub fn visible_to(&self, user_id: i64, sight: &Sight) -> bool {
        !self.hidden || sight.moderator || self.author_id == user_id
    }
}

/// A translation that landed, of a post (`post`) or of a thread's title (`None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationSeen {
    /// The translation's own id.
    pub id: i64,
    pub thread_id: i64,
    pub post: Option<PostSeen>,
    /// In translation form, as `Reading::lang` gives it.
    pub lang: String,
}

/// What happened between two marks in the threads and for the users followed.
#[derive(Debug, Clone, Default)]
pub struct Activity {
    pub posts: Vec<PostSeen>,
    pub translations: Vec<TranslationSeen>,
    /// (recipient, notification id), oldest first.
    pub notifications: Vec<(i64, i64)>,
}

/// New posts and translations in `thread_ids` and notifications for `user_ids` with ids
/// in `(after, upto]`; a table whose mark did not move is not read.
pub fn activity(
    db: &Db,
    thread_ids: &[i64],
    user_ids: &[i64],
    after: Mark,
    upto: Mark,
) -> Result<Activity> {
    db.read(|conn| {
        let mut found = Activity::default();
        if !thread_ids.is_empty() && upto.post > after.post {
            found.posts = posts::table
                .filter(posts::thread_id.eq_any(thread_ids))
                .filter(posts::id.gt(after.post))
                .filter(posts::id.le(upto.post))
                .order(posts::id.asc())
                .select((posts::id, posts::thread_id, posts::author_id, posts::hidden))
                .load::<(i64, i64, i64, bool)>(conn)?
                .into_iter()
                .map(|(id, thread_id, author_id, hidden)| PostSeen {
                    id,
                    thread_id,
                    author_id,
                    hidden,
                })
                .collect();
        }
        if !thread_ids.is_empty() && upto.translation > after.translation {
            let landed = translations::table
                .filter(translations::id.gt(after.translation))
                .filter(translations::id.le(upto.translation));
            let of_posts = landed
                .inner_join(posts::table.on(posts::id.eq(translations::source_id)))
                .filter(translations::source_kind.eq(SourceKind::Post))
                .filter(posts::thread_id.eq_any(thread_ids))
                .order(translations::id.asc())
                .select((
                    translations::id,
                    posts::id,
                    posts::thread_id,
                    posts::author_id,
                    posts::hidden,
                    translations::target_lang,
                ))
                .load::<(i64, i64, i64, i64, bool, String)>(conn)?;
            found.translations.extend(of_posts.into_iter().map(
                |(translation_id, id, thread_id, author_id, hidden, lang)| TranslationSeen {
                    id: translation_id,
                    thread_id,
                    post: Some(PostSeen {
                        id,
                        thread_id,
                        author_id,
                        hidden,
                    }),
                    lang,
                },
            ));
            let of_titles = landed
                .filter(translations::source_kind.eq(SourceKind::Title))
                .filter(translations::source_id.eq_any(thread_ids))
                .select((
                    translations::id,
                    translations::source_id,
                    translations::target_lang,
                ))
                .load::<(i64, i64, String)>(conn)?;
            found
                .translations
                .extend(
                    of_titles
                        .into_iter()
                        .map(|(id, thread_id, lang)| TranslationSeen {
                            id,
                            thread_id,
                            post: None,
                            lang,
                        }),
                );
        }
        if !user_ids.is_empty() && upto.notification > after.notification {
            found.notifications = notifications::table
                .filter(notifications::user_id.eq_any(user_ids))
                .filter(notifications::id.gt(after.notification))
                .filter(notifications::id.le(upto.notification))
                .order(notifications::id.asc())
                .select((notifications::user_id, notifications::id))
                .load(conn)?;
        }
        Ok(found)
    })
}

/// What one reader may see of one thread, right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sight {
    /// False once the thread is out of their sight, or a ban ends their live view.
    pub follows: bool,
    pub moderator: bool,
}

/// Past this many readers, roles and bans are read for whole spaces rather than named
/// users, so that no statement grows with the number of streams.
const NAMED_READERS_MAX: usize = 500;

/// For each (reader, thread) given, what they may see now: four queries for them all.
pub fn audience(db: &Db, readers: &[(Actor, i64)]) -> Result<HashMap<(i64, i64), Sight>> {
    if readers.is_empty() {
        return Ok(HashMap::new());
    }
    db.read(|conn| {
        let thread_ids: HashSet<i64> = readers.iter().map(|(_, t)| *t).collect();
        let user_ids: HashSet<i64> = readers.iter().map(|(a, _)| a.user_id).collect();
        let found_threads: HashMap<i64, Thread> = threads::table
            .filter(threads::id.eq_any(thread_ids))
            .select(Thread::as_select())
            .load(conn)?
            .into_iter()
            .map(|t| (t.id, t))
            .collect();
        let space_ids: HashSet<i64> = found_threads.values().map(|t| t.space_id).collect();
        let found_spaces: HashMap<i64, Space> = spaces::table
            .filter(spaces::id.eq_any(&space_ids))
            .select(Space::as_select())
            .load(conn)?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        let named = user_ids.len() <= NAMED_READERS_MAX;
        let mut members = memberships::table
            .filter(memberships::space_id.eq_any(&space_ids))
            .into_boxed();
        let mut banned_in = bans::table
            .filter(bans::space_id.eq_any(&space_ids))
            .into_boxed();
        if named {
            members = members.filter(memberships::user_id.eq_any(&user_ids));
            banned_in = banned_in.filter(bans::user_id.eq_any(&user_ids));
        }
        let roles: HashMap<(i64, i64), pontis_types::Role> = members
            .select((
                memberships::space_id,
                memberships::user_id,
                memberships::role,
            ))
            .load::<(i64, i64, pontis_types::Role)>(conn)?
            .into_iter()
            .map(|(space, user, role)| ((space, user), role))
            .collect();
        let banned: HashSet<(i64, i64)> = banned_in
            .filter(bans::until.is_null().or(bans::until.gt(now())))
            .select((bans::space_id, bans::user_id))
            .load::<(i64, i64)>(conn)?
            .into_iter()
            .collect();
        let mut sights = HashMap::with_capacity(readers.len());
        for (actor, thread_id) in readers {
            let sight = found_threads
                .get(thread_id)
                .and_then(|thread| Some((thread, found_spaces.get(&thread.space_id)?)))
                .map(|(thread, space)| {
                    let key = (space.id, actor.user_id);
                    let access = SpaceAccess::from_parts(
                        space.clone(),
                        roles.get(&key).copied(),
                        banned.contains(&key),
                        actor,
                    );
                    let moderator = access.is_moderator();
                    Sight {
                        // A ban ends the live view (reading the page stays allowed).
                        follows: access.can_see()
                            && access.can_see_thread(actor, thread)
                            && (moderator || !access.banned),
                        moderator,
                    }
                })
                .unwrap_or(Sight {
                    follows: false,
                    moderator: false,
                });
            sights.insert((actor.user_id, *thread_id), sight);
        }
        Ok(sights)
    })
}

/// Checks that the actor may follow the thread live, as the page would answer, and
/// returns the language they read it in (`requested`, else their first).
pub fn follow_thread(
    db: &Db,
    actor: &Actor,
    thread_id: i64,
    requested: Option<&str>,
) -> Result<String> {
    db.read(|conn| {
        let (_, access) = thread_access(conn, actor, thread_id)?;
        if access.banned && !access.is_moderator() {
            return Err(Error::Banned);
        }
        Ok(Reading::of(conn, actor, requested)?.lang().to_owned())
    })
}
