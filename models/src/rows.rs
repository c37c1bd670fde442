//! Rows as stored. Views for clients are built from these in the action modules.

use chrono::{DateTime, NaiveDateTime, Timelike, Utc};
use diesel::prelude::*;

use crate::api_types::{AuthorView, LangSource, Role, Visibility};
use crate::error::Error;
use crate::schema::*;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub handle: String,
    pub display_name: String,
    pub password_hash: String,
    pub locale: String,
    pub is_admin: bool,
    pub created_at: NaiveDateTime,
}

impl User {
    pub fn author(&self) -> AuthorView {
        AuthorView {
            handle: self.handle.clone(),
            display_name: self.display_name.clone(),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = spaces)]
pub struct Space {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub visibility: String,
    pub invite_code: String,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
}

impl Space {
    pub fn visibility(&self) -> Result<Visibility, Error> {
        match self.visibility.as_str() {
            "public" => Ok(Visibility::Public),
            "members_only" => Ok(Visibility::MembersOnly),
            other => Err(corrupt("spaces.visibility", other)),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = threads)]
pub struct Thread {
    pub id: i64,
    pub space_id: i64,
    pub author_id: i64,
    pub title: String,
    pub lang: String,
    pub locked: bool,
    pub pinned: bool,
    pub hidden: bool,
    pub hidden_by: Option<i64>,
    pub hidden_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub bumped_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = posts)]
pub struct Post {
    pub id: i64,
    pub thread_id: i64,
    pub author_id: i64,
    pub body: String,
    pub lang: String,
    pub lang_source: String,
    pub revision: i32,
    pub content_hash: String,
    pub created_at: NaiveDateTime,
    pub edited_at: Option<NaiveDateTime>,
    pub hidden: bool,
    pub hidden_by: Option<i64>,
    pub hidden_reason: Option<String>,
    pub hidden_at: Option<NaiveDateTime>,
    pub deleted_at: Option<NaiveDateTime>,
    pub deleted_by: Option<i64>,
}

impl Post {
    pub fn lang_source(&self) -> Result<LangSource, Error> {
        match self.lang_source.as_str() {
            "declared" => Ok(LangSource::Declared),
            "detected" => Ok(LangSource::Detected),
            "author_default" => Ok(LangSource::AuthorDefault),
            other => Err(corrupt("posts.lang_source", other)),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reports)]
pub struct Report {
    pub id: i64,
    pub space_id: i64,
    pub post_id: i64,
    pub reporter_id: i64,
    pub reason: String,
    pub created_at: NaiveDateTime,
    pub resolved_by: Option<i64>,
    pub resolved_at: Option<NaiveDateTime>,
    pub resolution: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = bans)]
pub struct Ban {
    pub space_id: i64,
    pub user_id: i64,
    pub banned_by: i64,
    pub reason: String,
    pub until: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn role_from_db(text: &str) -> Result<Role, Error> {
    match text {
        "student" => Ok(Role::Student),
        "teacher" => Ok(Role::Teacher),
        "owner" => Ok(Role::Owner),
        other => Err(corrupt("memberships.role", other)),
    }
}

pub fn role_to_db(role: Role) -> &'static str {
    match role {
        Role::Student => "student",
        Role::Teacher => "teacher",
        Role::Owner => "owner",
    }
}

pub fn lang_source_to_db(source: LangSource) -> &'static str {
    match source {
        LangSource::Declared => "declared",
        LangSource::Detected => "detected",
        LangSource::AuthorDefault => "author_default",
    }
}

pub fn visibility_to_db(visibility: Visibility) -> &'static str {
    match visibility {
        Visibility::Public => "public",
        Visibility::MembersOnly => "members_only",
    }
}

pub fn utc(time: NaiveDateTime) -> DateTime<Utc> {
    time.and_utc()
}

pub fn now() -> NaiveDateTime {
    // Microsecond precision on both backends, so a value read back equals the value written.
    let now = Utc::now().naive_utc();
    now.with_nanosecond((now.nanosecond() / 1_000) * 1_000)
        .unwrap_or(now)
}

fn corrupt(column: &str, value: &str) -> Error {
    Error::Internal(format!("unexpected value {value:?} in {column}"))
}
