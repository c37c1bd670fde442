//! Accounts: registering, signing in, the user's own settings, API tokens.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct RegisterRequest {
    /// 3 to 32 characters of a-z, 0-9 and `_`; stored in lower case.
    #[schema(schema_with = crate::constraints::handle)]
    pub handle: String,
    #[schema(schema_with = crate::constraints::password)]
    pub password: String,
    #[schema(schema_with = crate::constraints::display_name)]
    pub display_name: Option<String>,
    /// The UI language, a BCP 47 tag.
    #[schema(schema_with = crate::constraints::language_tag)]
    pub locale: String,
    /// The languages this user reads, first language first.
    #[schema(schema_with = crate::constraints::languages)]
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct LoginRequest {
    pub handle: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuthResponse {
    pub user: UserView,
    /// Bearer token for the `Authorization` header; also set as the session cookie.
    pub token: String,
    /// Send as `X-CSRF-Token` on writes authenticated by the session cookie.
    pub csrf_token: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    #[schema(schema_with = crate::constraints::password)]
    pub new_password: String,
}

/// One signed-in browser or app of the user's.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SessionView {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The browser's own description of itself, shortened.
    pub user_agent: Option<String>,
    /// The session this request came with.
    pub current: bool,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct UpdateMeRequest {
    #[schema(schema_with = crate::constraints::display_name)]
    pub display_name: Option<String>,
    #[schema(schema_with = crate::constraints::optional_language_tag)]
    pub locale: Option<String>,
    #[schema(schema_with = crate::constraints::optional_languages)]
    pub languages: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UserView {
    pub id: i64,
    pub handle: String,
    pub display_name: String,
    pub locale: String,
    pub languages: Vec<String>,
    pub is_admin: bool,
    pub created_at: DateTime<Utc>,
}

/// Another user, as shown beside their posts.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AuthorView {
    pub handle: String,
    pub display_name: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct CreateTokenRequest {
    #[schema(schema_with = crate::constraints::token_name)]
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ApiTokenView {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreatedTokenView {
    #[serde(flatten)]
    pub info: ApiTokenView,
    /// Shown once; only its hash is stored.
    pub token: String,
}
