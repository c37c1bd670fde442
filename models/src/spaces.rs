//! Spaces (a school, a class, a joint project) and their members.

use diesel::prelude::*;

use crate::access::{Actor, SpaceAccess};
use crate::accounts::{languages_of, user_by_handle};
use crate::db::{AnyConnection, Db};
use crate::error::{Error, Result, or_conflict};
use crate::modlog::log_action;
use crate::rows::{Space, User, now, utc};
use crate::schema::{memberships, spaces, users};
use crate::secrets;
use pontis_types::limits;
use pontis_types::{
    CreateSpaceRequest, JoinSpaceRequest, MemberView, ModAction, Role, RotateInviteRequest,
    SpaceView, UpdateSpaceRequest, Visibility,
};

/// A fresh invitation code: 12 characters of a random token.
fn new_invite_code() -> String {
    secrets::new_token()[..12].to_owned()
}

fn validate_name(name: &str) -> Result<String> {
    limits::required(name, limits::SPACE_NAME_MAX).ok_or(Error::InvalidSpaceName {
        max: limits::SPACE_NAME_MAX,
    })
}

fn validate_description(description: &str) -> Result<String> {
    let description = description.trim().to_owned();
    if !limits::fits(&description, limits::DESCRIPTION_MAX) {
        return Err(Error::DescriptionTooLong {
            max: limits::DESCRIPTION_MAX,
        });
    }
    Ok(description)
}

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
    let name = validate_name(&input.name)?;
    let description = validate_description(&input.description.unwrap_or_default())?;
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
                spaces::invite_code.eq(new_invite_code()),
                spaces::created_by.eq(actor.user_id),
                spaces::created_at.eq(created),
            ))
            .returning(spaces::id)
            .get_result::<i64>(conn)
            .map_err(|e| or_conflict(e, Error::SlugTaken))?;
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

/// The space, for its new-thread form, when `actor` may post in it.
pub fn get_for_posting(db: &Db, actor: &Actor, slug: &str) -> Result<SpaceView> {
    db.read(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_poster()?;
        space_view(conn, &access)
    })
}

/// Joins a public space, or a members-only one with its invite code. A wrong code answers
/// exactly like a space that does not exist; the right code past its expiry or use limit
/// says so. Whoever is banned from a members-only space cannot join it again.
pub fn join(db: &Db, actor: &Actor, slug: &str, input: JoinSpaceRequest) -> Result<SpaceView> {
    let delivery = db.delivery();
    db.write(|conn| {
        let access = SpaceAccess::by_slug_unchecked(conn, actor, slug)?;
        if access.role.is_some() {
            return Err(Error::AlreadyMember);
        }
        let space = &access.space;
        if space.visibility == Visibility::MembersOnly {
            let code_matches = input
                .invite_code
                .as_deref()
                .is_some_and(|code| code.trim() == space.invite_code);
            if !code_matches {
                return Err(Error::SpaceNotFound);
            }
            if access.banned {
                return Err(Error::Banned);
            }
            let expired = space.invite_expires_at.is_some_and(|at| at <= now());
            let used_up = space
                .invite_max_uses
                .is_some_and(|max| space.invite_uses >= max);
            if expired || used_up {
                return Err(Error::InviteExpired);
            }
            diesel::update(spaces::table.find(space.id))
                .set(spaces::invite_uses.eq(spaces::invite_uses + 1))
                .execute(conn)?;
        }
        diesel::insert_into(memberships::table)
            .values((
                memberships::space_id.eq(access.space.id),
                memberships::user_id.eq(actor.user_id),
                memberships::role.eq(Role::Student),
                memberships::joined_at.eq(now()),
            ))
            .execute(conn)
            .map_err(|e| or_conflict(e, Error::AlreadyMember))?;
        crate::translation::queue::backfill_for_member(conn, access.space.id, actor.user_id)?;
        crate::notifications::create::member_joined(
            conn,
            delivery,
            actor.user_id,
            access.space.id,
        )?;
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
        crate::db::announce(conn)?;
        Ok(())
    })
}

/// Teachers remove students; owners (and admins) remove anyone but the last owner. The
/// removed member of a members-only space loses it at once, event streams included.
pub fn remove_member(db: &Db, actor: &Actor, slug: &str, handle: &str) -> Result<()> {
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        let user = user_by_handle(conn, handle)?;
        let mine = memberships::table
            .filter(memberships::space_id.eq(access.space.id))
            .filter(memberships::user_id.eq(user.id));
        let role = mine
            .select(memberships::role)
            .first::<Role>(conn)
            .optional()?
            .ok_or(Error::MemberNotFound)?;
        let may = actor.is_admin || access.role == Some(Role::Owner) || role == Role::Student;
        if !may {
            return Err(Error::PermissionDenied);
        }
        if role == Role::Owner && owner_count(conn, access.space.id)? <= 1 {
            return Err(Error::LastOwner);
        }
        diesel::delete(mine).execute(conn)?;
        log_action(
            conn,
            access.space.id,
            actor.user_id,
            ModAction::RemoveMember,
            crate::modlog::Target {
                user_id: Some(user.id),
                ..Default::default()
            },
            None,
        )
    })
}

/// A new invitation code, with an optional expiry and use limit; the old code stops
/// working at once. For the space's moderators.
pub fn rotate_invite(
    db: &Db,
    actor: &Actor,
    slug: &str,
    input: RotateInviteRequest,
) -> Result<SpaceView> {
    let invalid = Error::InvalidInvite {
        max: limits::INVITE_USES_MAX,
    };
    let expires_at = input.expires_at.map(|t| t.naive_utc());
    if input
        .max_uses
        .is_some_and(|n| !(1..=limits::INVITE_USES_MAX).contains(&n))
    {
        return Err(invalid);
    }
    if expires_at.is_some_and(|t| t <= now()) {
        return Err(Error::InviteExpiryInPast);
    }
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        access.require_moderator()?;
        diesel::update(spaces::table.find(access.space.id))
            .set((
                spaces::invite_code.eq(new_invite_code()),
                spaces::invite_expires_at.eq(expires_at),
                spaces::invite_max_uses.eq(input.max_uses),
                spaces::invite_uses.eq(0),
            ))
            .execute(conn)?;
        log_action(
            conn,
            access.space.id,
            actor.user_id,
            ModAction::RotateInvite,
            crate::modlog::Target::default(),
            None,
        )?;
        let access = SpaceAccess::by_id(conn, actor, access.space.id)?;
        space_view(conn, &access)
    })
}

/// Owners (and admins) rename a space, describe it, or change who may read it.
pub fn update(db: &Db, actor: &Actor, slug: &str, input: UpdateSpaceRequest) -> Result<SpaceView> {
    let name = input.name.as_deref().map(validate_name).transpose()?;
    let description = input
        .description
        .as_deref()
        .map(validate_description)
        .transpose()?;
    db.write(|conn| {
        let access = SpaceAccess::by_slug(conn, actor, slug)?;
        if !(actor.is_admin || access.role == Some(Role::Owner)) {
            return Err(Error::PermissionDenied);
        }
        let space = &access.space;
        diesel::update(spaces::table.find(space.id))
            .set((
                spaces::name.eq(name.as_deref().unwrap_or(&space.name)),
                spaces::description.eq(description.as_deref().unwrap_or(&space.description)),
                spaces::visibility.eq(input.visibility.unwrap_or(space.visibility)),
            ))
            .execute(conn)?;
        if let Some(visibility) = input.visibility.filter(|v| *v != space.visibility) {
            // Search needs nothing: it works out readable spaces at query time.
            log_action(
                conn,
                space.id,
                actor.user_id,
                ModAction::UpdateSpace,
                crate::modlog::Target::default(),
                Some(visibility.as_str()),
            )?;
        }
        let access = SpaceAccess::by_id(conn, actor, space.id)?;
        space_view(conn, &access)
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
        invite_expires_at: access
            .is_moderator()
            .then_some(space.invite_expires_at.map(utc))
            .flatten(),
        invite_max_uses: access
            .is_moderator()
            .then_some(space.invite_max_uses)
            .flatten(),
        invite_uses: access.is_moderator().then_some(space.invite_uses),
        member_count,
        created_at: utc(space.created_at),
    })
}
