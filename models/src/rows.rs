//! Rows as stored. Views for clients are built from these in `views` and the action
//! modules. Enum columns read and write as their `pontis_types` enums.

use chrono::{DateTime, NaiveDateTime, Timelike, Utc};
use diesel::prelude::*;

use crate::schema::*;
use pontis_types::{AuthorView, LangSource, Visibility};

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
    pub visibility: Visibility,
    pub invite_code: String,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub invite_expires_at: Option<NaiveDateTime>,
    pub invite_max_uses: Option<i32>,
    pub invite_uses: i32,
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
    pub lang_source: LangSource,
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

pub fn utc(time: NaiveDateTime) -> DateTime<Utc> {
    time.and_utc()
}

pub fn now() -> NaiveDateTime {
    // Microsecond precision on both backends, so a value read back equals the value written.
    let now = Utc::now().naive_utc();
    now.with_nanosecond((now.nanosecond() / 1_000) * 1_000)
        .unwrap_or(now)
}
