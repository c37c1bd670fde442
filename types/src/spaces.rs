//! Spaces (a class, a joint project) and their members.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::AuthorView;
use crate::text_enum::text_enum;

text_enum! {
    /// Who may read a space: anyone, or its members only.
    #[derive(ToSchema)]
    pub enum Visibility {
        Public = "public",
        MembersOnly = "members_only",
    }
}

text_enum! {
    /// A member's role in a space, in rising order of rights.
    #[derive(PartialOrd, Ord, ToSchema)]
    pub enum Role {
        Student = "student",
        Teacher = "teacher",
        Owner = "owner",
    }
}

impl Role {
    /// Teachers and owners moderate their space.
    pub fn moderates(self) -> bool {
        self >= Role::Teacher
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct CreateSpaceRequest {
    /// 3 to 48 characters of a-z, 0-9 and `-`, not at either end; stored in lower case.
    #[schema(schema_with = crate::constraints::slug)]
    pub slug: String,
    #[schema(schema_with = crate::constraints::space_name)]
    pub name: String,
    #[schema(schema_with = crate::constraints::description)]
    pub description: Option<String>,
    pub visibility: Visibility,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SpaceView {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub visibility: Visibility,
    /// The reader's role, when a member.
    pub my_role: Option<Role>,
    /// Shown to the space's moderators only, as are the code's expiry and use limit.
    pub invite_code: Option<String>,
    pub invite_expires_at: Option<DateTime<Utc>>,
    pub invite_max_uses: Option<i32>,
    /// Joins with the current code.
    pub invite_uses: Option<i32>,
    pub member_count: i64,
    pub created_at: DateTime<Utc>,
}

/// What an owner may change about a space; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct UpdateSpaceRequest {
    #[schema(schema_with = crate::constraints::optional_space_name)]
    pub name: Option<String>,
    #[schema(schema_with = crate::constraints::description)]
    pub description: Option<String>,
    pub visibility: Option<Visibility>,
}

/// A new invitation code replaces the old one, which stops working at once.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct RotateInviteRequest {
    /// The code stops working then; it never expires when absent.
    #[serde(default, deserialize_with = "crate::whole::optional_time")]
    pub expires_at: Option<DateTime<Utc>>,
    /// How many people may join with it; unlimited when absent.
    #[schema(minimum = 1, maximum = 10000)]
    #[serde(default, deserialize_with = "crate::whole::option")]
    pub max_uses: Option<i32>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct JoinSpaceRequest {
    /// Required for members-only spaces.
    pub invite_code: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MemberView {
    pub user: AuthorView,
    pub role: Role,
    pub languages: Vec<String>,
    pub joined_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct UpdateMemberRequest {
    pub role: Role,
}
