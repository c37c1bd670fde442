//! Registration, login, sessions, API tokens and the user's own profile.

use chrono::Duration;
use diesel::prelude::*;

use crate::access::Actor;
use crate::db::{AnyConnection, Db};
use crate::error::{Error, Result};
use crate::rows::{User, now, utc};
use crate::schema::{api_tokens, sessions, user_languages, users};
use crate::secrets;
use pontis_types::lang;
use pontis_types::limits::{self, chars};
use pontis_types::{
    ApiTokenView, AuthResponse, ChangePasswordRequest, CreateTokenRequest, CreatedTokenView,
    LoginRequest, RegisterRequest, SessionView, UpdateMeRequest, UserView,
};

/// How long an unused session stays valid, and the browser a new one is opened from.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    pub idle: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle: Duration::days(7),
        }
    }
}

/// How often a session's last use is written: reads rarely need the writer.
const LAST_SEEN_EVERY_MINUTES: i64 = 5;

/// When a session or token was last used, to record its use now and then.
enum LastUse {
    Session(i64, Option<chrono::NaiveDateTime>),
    Token(i64, Option<chrono::NaiveDateTime>),
}

/// How a request proved who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// A login session; cookie-authenticated writes must present its CSRF token.
    Session {
        id: i64,
        csrf_token: String,
    },
    ApiToken {
        id: i64,
    },
}

#[derive(Debug, Clone)]
pub struct Authenticated {
    pub actor: Actor,
    pub credential: Credential,
    pub locale: String,
}

pub fn validate_handle(handle: &str) -> Result<String> {
    let handle = handle.trim().to_lowercase();
    let ok = (limits::HANDLE_MIN..=limits::HANDLE_MAX).contains(&handle.len())
        && handle
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if ok {
        Ok(handle)
    } else {
        Err(Error::InvalidHandle)
    }
}

fn validate_password(password: &str) -> Result<()> {
    if (limits::PASSWORD_MIN..=limits::PASSWORD_MAX).contains(&chars(password)) {
        Ok(())
    } else {
        Err(Error::InvalidPassword {
            min: limits::PASSWORD_MIN,
            max: limits::PASSWORD_MAX,
        })
    }
}

fn validate_display_name(name: &str) -> Result<String> {
    let name = name.trim();
    if !limits::fits(name, limits::DISPLAY_NAME_MAX) {
        return Err(Error::DisplayNameTooLong {
            max: limits::DISPLAY_NAME_MAX,
        });
    }
    Ok(name.to_owned())
}

/// Normalizes each tag and drops repeats, keeping the first occurrence's position. The
/// limit counts the tags as sent, repeats too, as the API document states it.
fn validate_languages(tags: &[String]) -> Result<Vec<String>> {
    if tags.len() > limits::LANGUAGES_MAX {
        return Err(Error::InvalidLanguageList {
            max: limits::LANGUAGES_MAX,
        });
    }
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let tag = lang::normalize(tag)?;
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.is_empty() || out.len() > limits::LANGUAGES_MAX {
        return Err(Error::InvalidLanguageList {
            max: limits::LANGUAGES_MAX,
        });
    }
    Ok(out)
}

pub struct NewUser {
    pub handle: String,
    pub password: String,
    pub display_name: Option<String>,
    pub locale: String,
    pub languages: Vec<String>,
    pub is_admin: bool,
}

/// Creates a user; the password is hashed before the write transaction opens.
pub fn create_user(db: &Db, input: NewUser) -> Result<UserView> {
    let handle = validate_handle(&input.handle)?;
    validate_password(&input.password)?;
    let display_name = match input.display_name.as_deref().map(validate_display_name) {
        Some(name) if !name.as_ref().is_ok_and(String::is_empty) => name?,
        _ => handle.clone(),
    };
    let locale = lang::normalize(&input.locale)?;
    let languages = validate_languages(&input.languages)?;
    let password_hash = secrets::hash_password(&input.password)?;
    db.write(|conn| {
        let taken = users::table
            .filter(users::handle.eq(&handle))
            .count()
            .get_result::<i64>(conn)?
            > 0;
        if taken {
            return Err(Error::HandleTaken);
        }
        let id = diesel::insert_into(users::table)
            .values((
                users::handle.eq(&handle),
                users::display_name.eq(&display_name),
                users::password_hash.eq(&password_hash),
                users::locale.eq(&locale),
                users::is_admin.eq(input.is_admin),
                users::created_at.eq(now()),
            ))
            .returning(users::id)
            .get_result::<i64>(conn)?;
        set_languages(conn, id, &languages)?;
        user_view(conn, id)
    })
}

/// `user_agent`: the browser's User-Agent, kept (shortened) to name the session in the
/// user's list of sessions.
pub fn register(db: &Db, input: RegisterRequest, user_agent: Option<&str>) -> Result<AuthResponse> {
    let user = create_user(
        db,
        NewUser {
            handle: input.handle,
            password: input.password,
            display_name: input.display_name,
            locale: input.locale,
            languages: input.languages,
            is_admin: false,
        },
    )?;
    let (token, csrf_token) = db.write(|conn| open_session(conn, user.id, user_agent))?;
    Ok(AuthResponse {
        user,
        token,
        csrf_token,
    })
}

pub fn login(db: &Db, input: LoginRequest, user_agent: Option<&str>) -> Result<AuthResponse> {
    let handle = input.handle.trim().to_lowercase();
    let user = db.read(|conn| {
        users::table
            .filter(users::handle.eq(&handle))
            .select(User::as_select())
            .first(conn)
            .optional()
            .map_err(Error::from)
    })?;
    // Verify against a dummy hash for unknown handles, so timing does not tell them apart.
    let stored = user
        .as_ref()
        .map_or(secrets::dummy_password_hash(), |u| u.password_hash.as_str());
    let verified = secrets::verify_password(&input.password, stored);
    let user = match user {
        Some(user) if verified => user,
        _ => return Err(Error::InvalidCredentials),
    };
    db.write(|conn| {
        let (token, csrf_token) = open_session(conn, user.id, user_agent)?;
        Ok(AuthResponse {
            user: user_view(conn, user.id)?,
            token,
            csrf_token,
        })
    })
}

fn open_session(
    conn: &mut AnyConnection,
    user_id: i64,
    user_agent: Option<&str>,
) -> Result<(String, String)> {
    let token = secrets::new_token();
    let csrf_token = secrets::new_token();
    let created = now();
    let user_agent = user_agent
        .map(|agent| {
            agent
                .chars()
                .take(limits::USER_AGENT_MAX)
                .collect::<String>()
        })
        .filter(|agent| !agent.trim().is_empty());
    diesel::insert_into(sessions::table)
        .values((
            sessions::user_id.eq(user_id),
            sessions::token_hash.eq(secrets::token_hash(&token)),
            sessions::csrf_token.eq(&csrf_token),
            sessions::created_at.eq(created),
            sessions::expires_at.eq(created + Duration::days(limits::SESSION_DAYS)),
            sessions::last_seen_at.eq(created),
            sessions::user_agent.eq(user_agent),
        ))
        .execute(conn)?;
    Ok((token, csrf_token))
}

/// Changes the password after checking the current one, and ends every other session:
/// whoever knew the old password is signed out.
pub fn change_password(
    db: &Db,
    actor: &Actor,
    credential: &Credential,
    input: ChangePasswordRequest,
) -> Result<()> {
    validate_password(&input.new_password)?;
    let stored = db.read(|conn| {
        users::table
            .find(actor.user_id)
            .select(users::password_hash)
            .first::<String>(conn)
            .map_err(Error::from)
    })?;
    if !secrets::verify_password(&input.current_password, &stored) {
        return Err(Error::WrongPassword);
    }
    let password_hash = secrets::hash_password(&input.new_password)?;
    let keep = match credential {
        Credential::Session { id, .. } => *id,
        Credential::ApiToken { .. } => 0,
    };
    db.write(|conn| {
        diesel::update(users::table.find(actor.user_id))
            .set(users::password_hash.eq(&password_hash))
            .execute(conn)?;
        diesel::delete(
            sessions::table
                .filter(sessions::user_id.eq(actor.user_id))
                .filter(sessions::id.ne(keep)),
        )
        .execute(conn)?;
        Ok(())
    })
}

/// The user's sessions that are still valid, most recently used first.
pub fn list_sessions(
    db: &Db,
    actor: &Actor,
    credential: &Credential,
    policy: SessionPolicy,
) -> Result<Vec<SessionView>> {
    let current = match credential {
        Credential::Session { id, .. } => Some(*id),
        Credential::ApiToken { .. } => None,
    };
    db.read(|conn| {
        let rows = sessions::table
            .filter(sessions::user_id.eq(actor.user_id))
            .filter(sessions::expires_at.gt(now()))
            .filter(sessions::last_seen_at.gt(idle_cutoff(policy)))
            .order((sessions::last_seen_at.desc(), sessions::id.desc()))
            .select((
                sessions::id,
                sessions::created_at,
                sessions::last_seen_at,
                sessions::user_agent,
            ))
            .load::<(
                i64,
                chrono::NaiveDateTime,
                Option<chrono::NaiveDateTime>,
                Option<String>,
            )>(conn)?;
        Ok(rows
            .into_iter()
            .map(|(id, created, seen, user_agent)| SessionView {
                id,
                created_at: utc(created),
                last_seen_at: utc(seen.unwrap_or(created)),
                user_agent,
                current: current == Some(id),
            })
            .collect())
    })
}

/// Ends one of the user's sessions (another browser, a lost phone).
pub fn end_session(db: &Db, actor: &Actor, session_id: i64) -> Result<()> {
    db.write(|conn| {
        let ended = diesel::delete(
            sessions::table
                .filter(sessions::user_id.eq(actor.user_id))
                .filter(sessions::id.eq(session_id)),
        )
        .execute(conn)?;
        if ended == 0 {
            return Err(Error::SessionNotFound);
        }
        Ok(())
    })
}

/// "Log out everywhere": ends every session of the user, this one included.
pub fn end_all_sessions(db: &Db, actor: &Actor) -> Result<()> {
    db.write(|conn| {
        diesel::delete(sessions::table.filter(sessions::user_id.eq(actor.user_id)))
            .execute(conn)?;
        Ok(())
    })
}

/// Sessions last used before this have been idle too long.
fn idle_cutoff(policy: SessionPolicy) -> chrono::NaiveDateTime {
    now() - policy.idle
}

/// Ends the session the request came with; API tokens are revoked through their own route.
pub fn logout(db: &Db, credential: &Credential) -> Result<()> {
    if let Credential::Session { id, .. } = credential {
        db.write(|conn| {
            diesel::delete(sessions::table.find(*id)).execute(conn)?;
            Ok::<_, Error>(())
        })?;
    }
    Ok(())
}

/// Resolves a bearer token or session cookie value to the user behind it. A session
/// idle for longer than the policy allows is over.
pub fn authenticate(db: &Db, token: &str, policy: SessionPolicy) -> Result<Authenticated> {
    let hash = secrets::token_hash(token);
    let found = db.read(|conn| {
        let session = sessions::table
            .inner_join(users::table)
            .filter(sessions::token_hash.eq(&hash))
            .filter(sessions::expires_at.gt(now()))
            .filter(sessions::last_seen_at.gt(idle_cutoff(policy)))
            .select((
                sessions::id,
                sessions::csrf_token,
                sessions::last_seen_at,
                User::as_select(),
            ))
            .first::<(i64, String, Option<chrono::NaiveDateTime>, User)>(conn)
            .optional()?;
        if let Some((id, csrf_token, last_seen, user)) = session {
            let seen = LastUse::Session(id, last_seen);
            return Ok::<_, Error>(Some((Credential::Session { id, csrf_token }, user, seen)));
        }
        let token = api_tokens::table
            .inner_join(users::table)
            .filter(api_tokens::token_hash.eq(&hash))
            .select((api_tokens::id, api_tokens::last_used_at, User::as_select()))
            .first::<(i64, Option<chrono::NaiveDateTime>, User)>(conn)
            .optional()?;
        Ok(token.map(|(id, last_used, user)| {
            (
                Credential::ApiToken { id },
                user,
                LastUse::Token(id, last_used),
            )
        }))
    })?;
    let (credential, user, last_use) = found.ok_or(Error::Unauthenticated)?;
    // Record use at most every few minutes, so reads rarely need the writer.
    let stale = |t: Option<chrono::NaiveDateTime>| {
        t.is_none_or(|t| now() - t > Duration::minutes(LAST_SEEN_EVERY_MINUTES))
    };
    match last_use {
        LastUse::Session(id, seen) if stale(seen) => db.write(|conn| {
            diesel::update(sessions::table.find(id))
                .set(sessions::last_seen_at.eq(now()))
                .execute(conn)?;
            Ok::<_, Error>(())
        })?,
        LastUse::Token(id, used) if stale(used) => db.write(|conn| {
            diesel::update(api_tokens::table.find(id))
                .set(api_tokens::last_used_at.eq(now()))
                .execute(conn)?;
            Ok::<_, Error>(())
        })?,
        _ => {}
    }
    Ok(Authenticated {
        actor: Actor {
            user_id: user.id,
            is_admin: user.is_admin,
        },
        credential,
        locale: user.locale,
    })
}

pub fn me(db: &Db, actor: &Actor) -> Result<UserView> {
    db.read(|conn| user_view(conn, actor.user_id))
}

pub fn update_me(db: &Db, actor: &Actor, input: UpdateMeRequest) -> Result<UserView> {
    let display_name = input
        .display_name
        .as_deref()
        .map(validate_display_name)
        .transpose()?;
    let locale = input.locale.as_deref().map(lang::normalize).transpose()?;
    let languages = input
        .languages
        .as_deref()
        .map(validate_languages)
        .transpose()?;
    db.write(|conn| {
        if let Some(name) = display_name.filter(|n| !n.is_empty()) {
            diesel::update(users::table.find(actor.user_id))
                .set(users::display_name.eq(name))
                .execute(conn)?;
        }
        if let Some(locale) = locale {
            diesel::update(users::table.find(actor.user_id))
                .set(users::locale.eq(locale))
                .execute(conn)?;
        }
        if let Some(languages) = languages {
            set_languages(conn, actor.user_id, &languages)?;
        }
        user_view(conn, actor.user_id)
    })
}

fn set_languages(conn: &mut AnyConnection, user_id: i64, languages: &[String]) -> Result<()> {
    diesel::delete(user_languages::table.filter(user_languages::user_id.eq(user_id)))
        .execute(conn)?;
    // One insert per row: diesel's multi-backend connection has no batch insert.
    for (tag, position) in languages.iter().zip(0i32..) {
        diesel::insert_into(user_languages::table)
            .values((
                user_languages::user_id.eq(user_id),
                user_languages::lang.eq(tag),
                user_languages::position.eq(position),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The languages a user reads, first language first.
pub fn languages_of(conn: &mut AnyConnection, user_id: i64) -> Result<Vec<String>> {
    Ok(user_languages::table
        .filter(user_languages::user_id.eq(user_id))
        .order(user_languages::position.asc())
        .select(user_languages::lang)
        .load(conn)?)
}

/// Every language some user reads, the most read first: what the instance's engines
/// should connect (`pontis models suggest`, the administrator's models page).
pub fn languages_read(db: &Db) -> Result<Vec<String>> {
    db.read(|conn| {
        let all: Vec<String> = user_languages::table
            .select(user_languages::lang)
            .load(conn)?;
        let mut counted: std::collections::BTreeMap<String, usize> = Default::default();
        for lang in all {
            *counted.entry(lang).or_default() += 1;
        }
        let mut languages: Vec<(String, usize)> = counted.into_iter().collect();
        languages.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(languages.into_iter().map(|(lang, _)| lang).collect())
    })
}

pub fn user_view(conn: &mut AnyConnection, user_id: i64) -> Result<UserView> {
    let user = users::table
        .find(user_id)
        .select(User::as_select())
        .first(conn)
        .optional()?
        .ok_or(Error::UserNotFound)?;
    Ok(UserView {
        id: user.id,
        languages: languages_of(conn, user.id)?,
        handle: user.handle,
        display_name: user.display_name,
        locale: user.locale,
        is_admin: user.is_admin,
        created_at: utc(user.created_at),
    })
}

pub fn create_token(db: &Db, actor: &Actor, input: CreateTokenRequest) -> Result<CreatedTokenView> {
    let name =
        limits::required(&input.name, limits::TOKEN_NAME_MAX).ok_or(Error::InvalidTokenName {
            max: limits::TOKEN_NAME_MAX,
        })?;
    let token = secrets::new_token();
    let created = now();
    let id = db.write(|conn| {
        diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::user_id.eq(actor.user_id),
                api_tokens::name.eq(&name),
                api_tokens::token_hash.eq(secrets::token_hash(&token)),
                api_tokens::created_at.eq(created),
            ))
            .returning(api_tokens::id)
            .get_result::<i64>(conn)
            .map_err(Error::from)
    })?;
    Ok(CreatedTokenView {
        info: ApiTokenView {
            id,
            name,
            created_at: utc(created),
            last_used_at: None,
        },
        token,
    })
}

pub fn list_tokens(db: &Db, actor: &Actor) -> Result<Vec<ApiTokenView>> {
    db.read(|conn| {
        let rows = api_tokens::table
            .filter(api_tokens::user_id.eq(actor.user_id))
            .order(api_tokens::id.asc())
            .select((
                api_tokens::id,
                api_tokens::name,
                api_tokens::created_at,
                api_tokens::last_used_at,
            ))
            .load::<(
                i64,
                String,
                chrono::NaiveDateTime,
                Option<chrono::NaiveDateTime>,
            )>(conn)?;
        Ok(rows
            .into_iter()
            .map(|(id, name, created, used)| ApiTokenView {
                id,
                name,
                created_at: utc(created),
                last_used_at: used.map(utc),
            })
            .collect())
    })
}

pub fn delete_token(db: &Db, actor: &Actor, token_id: i64) -> Result<()> {
    db.write(|conn| {
        let deleted = diesel::delete(
            api_tokens::table
                .filter(api_tokens::id.eq(token_id))
                .filter(api_tokens::user_id.eq(actor.user_id)),
        )
        .execute(conn)?;
        if deleted == 0 {
            return Err(Error::TokenNotFound);
        }
        Ok(())
    })
}

/// A user by handle, in any case.
pub fn user_by_handle(conn: &mut AnyConnection, handle: &str) -> Result<User> {
    users::table
        .filter(users::handle.eq(handle.trim().to_lowercase()))
        .select(User::as_select())
        .first(conn)
        .optional()?
        .ok_or(Error::UserNotFound)
}
