//! Who is asking and what they may do. Every action starts here.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::error::{Error, Result};
use crate::rows::{Post, Space, Thread, now};
use crate::schema::{bans, memberships, posts, spaces, threads};
use pontis_types::{Role, Visibility};

/// The authenticated user behind a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub is_admin: bool,
}

/// A space as one actor sees it: their role in it and whether they are banned.
#[derive(Debug, Clone)]
pub struct SpaceAccess {
    pub space: Space,
    pub role: Option<Role>,
    pub banned: bool,
    is_admin: bool,
}

impl SpaceAccess {
    /// Members-only spaces do not exist for those outside them: `SpaceNotFound`, not a 403,
    /// so that their names do not leak.
    pub fn by_slug(conn: &mut AnyConnection, actor: &Actor, slug: &str) -> Result<Self> {
        let space = spaces::table
            .filter(spaces::slug.eq(slug))
            .select(Space::as_select())
            .first(conn)
            .optional()?
            .ok_or(Error::SpaceNotFound)?;
        Self::for_space(conn, actor, space)
    }

    pub fn by_id(conn: &mut AnyConnection, actor: &Actor, space_id: i64) -> Result<Self> {
        let space = spaces::table
            .find(space_id)
            .select(Space::as_select())
            .first(conn)
            .optional()?
            .ok_or(Error::SpaceNotFound)?;
        Self::for_space(conn, actor, space)
    }

    /// Like `by_slug`, but also finds a members-only space for an outsider; for joining
    /// with an invite code, where the caller must not reveal the space on a wrong code.
    pub fn by_slug_unchecked(conn: &mut AnyConnection, actor: &Actor, slug: &str) -> Result<Self> {
        let space = spaces::table
            .filter(spaces::slug.eq(slug))
            .select(Space::as_select())
            .first(conn)
            .optional()?
            .ok_or(Error::SpaceNotFound)?;
        Self::load_role(conn, actor, space)
    }

    fn for_space(conn: &mut AnyConnection, actor: &Actor, space: Space) -> Result<Self> {
        let access = Self::load_role(conn, actor, space)?;
        if !access.can_see() {
            return Err(Error::SpaceNotFound);
        }
        Ok(access)
    }

    fn load_role(conn: &mut AnyConnection, actor: &Actor, space: Space) -> Result<Self> {
        let role = memberships::table
            .filter(memberships::space_id.eq(space.id))
            .filter(memberships::user_id.eq(actor.user_id))
            .select(memberships::role)
            .first::<Role>(conn)
            .optional()?;
        let banned = bans::table
            .filter(bans::space_id.eq(space.id))
            .filter(bans::user_id.eq(actor.user_id))
            .filter(bans::until.is_null().or(bans::until.gt(now())))
            .count()
            .get_result::<i64>(conn)?
            > 0;
        Ok(Self {
            space,
            role,
            banned,
            is_admin: actor.is_admin,
        })
    }

    /// From what was loaded for many readers at once (live streams).
    pub(crate) fn from_parts(
        space: Space,
        role: Option<Role>,
        banned: bool,
        actor: &Actor,
    ) -> Self {
        Self {
            space,
            role,
            banned,
            is_admin: actor.is_admin,
        }
    }

    pub fn can_see(&self) -> bool {
        self.is_admin || self.role.is_some() || self.space.visibility == Visibility::Public
    }

    pub fn is_moderator(&self) -> bool {
        self.is_admin || self.role.is_some_and(Role::moderates)
    }

    pub fn require_moderator(&self) -> Result<()> {
        if self.is_moderator() {
            Ok(())
        } else {
            Err(Error::PermissionDenied)
        }
    }

    /// Posting needs membership and no ban; admins may always post.
    pub fn require_poster(&self) -> Result<()> {
        if self.is_admin {
            return Ok(());
        }
        if self.role.is_none() {
            return Err(Error::NotMember);
        }
        if self.banned {
            return Err(Error::Banned);
        }
        Ok(())
    }

    pub fn require_member(&self) -> Result<()> {
        if self.is_admin || self.role.is_some() {
            Ok(())
        } else {
            Err(Error::NotMember)
        }
    }

    /// Hidden threads exist only for moderators and their author.
    pub fn can_see_thread(&self, actor: &Actor, thread: &Thread) -> bool {
        !thread.hidden || self.is_moderator() || thread.author_id == actor.user_id
    }

    /// Hidden posts exist only for moderators and their author.
    pub fn can_see_post(&self, actor: &Actor, post: &Post) -> bool {
        !post.hidden || self.is_moderator() || post.author_id == actor.user_id
    }
}

/// A thread and the actor's access to its space; `ThreadNotFound` when they may not see it.
pub fn thread_access(
    conn: &mut AnyConnection,
    actor: &Actor,
    thread_id: i64,
) -> Result<(Thread, SpaceAccess)> {
    let thread = threads::table
        .find(thread_id)
        .select(Thread::as_select())
        .first(conn)
        .optional()?
        .ok_or(Error::ThreadNotFound)?;
    let access = match SpaceAccess::by_id(conn, actor, thread.space_id) {
        Err(Error::SpaceNotFound) => return Err(Error::ThreadNotFound),
        other => other?,
    };
    if !access.can_see_thread(actor, &thread) {
        return Err(Error::ThreadNotFound);
    }
    Ok((thread, access))
}

/// A post with its thread and the actor's access; `PostNotFound` when they may not see it.
pub fn post_access(
    conn: &mut AnyConnection,
    actor: &Actor,
    post_id: i64,
) -> Result<(Post, Thread, SpaceAccess)> {
    let post = posts::table
        .find(post_id)
        .select(Post::as_select())
        .first(conn)
        .optional()?
        .ok_or(Error::PostNotFound)?;
    let (thread, access) = match thread_access(conn, actor, post.thread_id) {
        Err(Error::ThreadNotFound) => return Err(Error::PostNotFound),
        other => other?,
    };
    if !access.can_see_post(actor, &post) {
        return Err(Error::PostNotFound);
    }
    Ok((post, thread, access))
}

/// `post_access` for acting on a post: a deleted post is gone, for every change and for
/// its history, whoever asks.
pub fn live_post_access(
    conn: &mut AnyConnection,
    actor: &Actor,
    post_id: i64,
) -> Result<(Post, Thread, SpaceAccess)> {
    let found = post_access(conn, actor, post_id)?;
    if found.0.deleted_at.is_some() {
        return Err(Error::PostNotFound);
    }
    Ok(found)
}
