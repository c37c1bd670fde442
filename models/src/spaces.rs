//! Spaces (a school, a class, a joint project) and their members.

use diesel::prelude::*;

use crate::access::{Actor, SpaceAccess};
use crate::accounts::{languages_of, user_by_handle};
use crate::db::{AnyConnection, Db};
use crate::error::{Error, Result};
use crate::modlog::log_action;
use crate::rows::{Space, User, now, utc};
use crate::schema::{memberships, spaces, users};
use crate::secrets;
use pontis_types::limits::{self, chars};
use pontis_types::{
    CreateSpaceRequest, JoinSpaceRequest, MemberView, ModAction, Role, SpaceView, Visibility,
};

fn validate_slug(slug: &str) -> Result<String> {
    let slug = slug.trim().to_lowercase();
    let ok = (limits::SLUG_MIN..=limits::SLUG_MAX).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if ok {
        Ok(slug)
    } else {
        Err(Error::InvalidSlug)
    }
}

pub fn create(db: &Db, actor: &Actor, input: CreateSpaceRequest) -> Result<SpaceView> {
    let slug = validate_slug(&input.slug)?;
    let name =
        limits::required(&input.name, limits::SPACE_NAME_MAX).ok_or(Error::InvalidSpaceName {
            max: limits::SPACE_NAME_MAX,
        })?;
    let description = input.description.unwrap_or_default().trim().to_owned();
    if chars(&description) > limits::DESCRIPTION_MAX {
        return Err(Error::DescriptionTooLong {
            max: limits::DESCRIPTION_MAX,
        });
    }
    db.write(|conn| {
        let taken = spaces::table
            .filter(spaces::slug.eq(&slug))
            .count()
            .get_result::<i64>(conn)?
            > 0;
        if taken {
            return Err(Error::SlugTaken);
        }
        let created = now();
        let id = diesel::insert_into(spaces::table)
            .values((
                spaces::slug.eq(&slug),
                spaces::name.eq(&name),
                spaces::description.eq(&description),
                spaces::visibility.eq(input.visibility),
                spaces::invite_code.eq(secrets::new_token()[..12].to_owned()),
                spaces::created_by.eq(actor.user_id),
                spaces::created_at.eq(created),
            ))
            .returning(spaces::id)
            .get_result::<i64>(conn)?;
        diesel::insert_into(memberships::table)
            .values((
                memberships::space_id.eq(id),
                memberships::user_id.eq(actor.user_id),
                memberships::role.eq(Role::Owner),
                memberships::joined_at.eq(created),
            ))
            .execute(conn)?;
        let access = SpaceAccess::by_id(conn, actor, id)?;
        space_view(conn, &access)
    })
}

/// The spaces the actor can see: their own first, then public ones, by name.
pub fn list(db: &Db, actor: &Actor) -> Result<Vec<SpaceView>> {
    db.read(|conn| {
        let mine = memberships::table
            .filter(memberships::user_id.eq(actor.user_id))
            .select(memberships::space_id);
        let mut query = spaces::table.select(Space::as_select()).into_boxed();
        if !actor.is_admin {
            query = query.filter(
                spaces::visibility
                    .eq(Visibility::Public)
                    .or(spaces::id.eq_any(mine)),
            );
        }
        let found = query.order(spaces::name.asc()).load(conn)?;
        let mut views = Vec::with_capacity(found.len());
        for space in found {
            let access = SpaceAccess::by_id(conn, actor, space.id)?;
            views.push(space_view(conn, &access)?);
        }
        views.sort_by_key(|v| v.my_role.is_none());
        Ok(views)
    })
}

pub fn get(db: &Db, actor: &Actor, slug: &str) -> Result<SpaceView> {
    db.read(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        space_view(conn, &access)
    })
}

/// Joins a public space, or a members-only one with its invite code. A wrong code answers
/// exactly like a space that does not exist.
pub fn join(db: &Db, actor: &Actor, slug: &str, input: JoinSpaceRequest) -> Result<SpaceView> {
    db.write(|conn| {
        let access = SpaceAccess::by_slug_unchecked(conn, actor, slug)?;
        if access.role.is_some() {
            return Err(Error::AlreadyMember);
        }
        let code_matches = input
            .invite_code
            .as_deref()
            .is_some_and(|code| code.trim() == access.space.invite_code);
        if access.space.visibility == Visibility::MembersOnly && !code_matches {
            return Err(Error::SpaceNotFound);
        }
        diesel::insert_into(memberships::table)
            .values((
                memberships::space_id.eq(access.space.id),
                memberships::user_id.eq(actor.user_id),
                memberships::role.eq(Role::Student),
                memberships::joined_at.eq(now()),
            ))
            .execute(conn)?;
        crate::translation::queue::backfill_for_member(conn, access.space.id, actor.user_id)?;
        let access = SpaceAccess::by_id(conn, actor, access.space.id)?;
        space_view(conn, &access)
    })
}

/// Leaving is refused to the last owner, so that no space is left without one.
pub fn leave(db: &Db, actor: &Actor, slug: &str) -> Result<()> {
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        let role = access.role.ok_or(Error::NotMember)?;
        if role == Role::Owner && owner_count(conn, access.space.id)? <= 1 {
            return Err(Error::LastOwner);
        }
        diesel::delete(
            memberships::table
                .filter(memberships::space_id.eq(access.space.id))
                .filter(memberships::user_id.eq(actor.user_id)),
        )
        .execute(conn)?;
        Ok(())
    })
}

/// Members are listed to members and admins: a public space's readers do not see who is in it.
pub fn members(db: &Db, actor: &Actor, slug: &str) -> Result<Vec<MemberView>> {
    db.read(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_member()?;
        let rows = memberships::table
            .inner_join(users::table)
            .filter(memberships::space_id.eq(access.space.id))
            .order((memberships::joined_at.asc(), users::id.asc()))
            .select((User::as_select(), memberships::role, memberships::joined_at))
            .load::<(User, Role, chrono::NaiveDateTime)>(conn)?;
        rows.into_iter()
            .map(|(user, role, joined)| {
                Ok(MemberView {
                    languages: languages_of(conn, user.id)?,
                    user: user.author(),
                    role,
                    joined_at: utc(joined),
                })
            })
            .collect()
    })
}

/// Owners set roles. The last owner cannot step down.
pub fn set_role(
    db: &Db,
    actor: &Actor,
    slug: &str,
    handle: &str,
    role: Role,
) -> Result<MemberView> {
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        if !(actor.is_admin || access.role == Some(Role::Owner)) {
            return Err(Error::PermissionDenied);
        }
        let user = user_by_handle(conn, handle)?;
        let current = memberships::table
            .filter(memberships::space_id.eq(access.space.id))
            .filter(memberships::user_id.eq(user.id))
            .select((memberships::role, memberships::joined_at))
            .first::<(Role, chrono::NaiveDateTime)>(conn)
            .optional()?
            .ok_or(Error::NotMember)?;
        let current_role = current.0;
        if current_role == Role::Owner
            && role != Role::Owner
            && owner_count(conn, access.space.id)? <= 1
        {
            return Err(Error::LastOwner);
        }
        diesel::update(
            memberships::table
                .filter(memberships::space_id.eq(access.space.id))
                .filter(memberships::user_id.eq(user.id)),
        )
        .set(memberships::role.eq(role))
        .execute(conn)?;
        log_action(
            conn,
            access.space.id,
            actor.user_id,
            ModAction::ChangeRole,
            crate::modlog::Target {
                user_id: Some(user.id),
                ..Default::default()
            },
            Some(role.as_str()),
        )?;
        Ok(MemberView {
            languages: languages_of(conn, user.id)?,
            user: user.author(),
            role,
            joined_at: utc(current.1),
        })
    })
}

fn owner_count(conn: &mut AnyConnection, space_id: i64) -> Result<i64> {
    Ok(memberships::table
        .filter(memberships::space_id.eq(space_id))
        .filter(memberships::role.eq(Role::Owner))
        .count()
        .get_result(conn)?)
}

pub fn space_view(conn: &mut AnyConnection, access: &SpaceAccess) -> Result<SpaceView> {
    let space = &access.space;
    let member_count = memberships::table
        .filter(memberships::space_id.eq(space.id))
        .count()
        .get_result(conn)?;
    Ok(SpaceView {
        id: space.id,
        slug: space.slug.clone(),
        name: space.name.clone(),
        description: space.description.clone(),
        visibility: space.visibility,
        my_role: access.role,
        invite_code: access.is_moderator().then(|| space.invite_code.clone()),
        member_count,
        created_at: utc(space.created_at),
    })
}
