//! What teachers and owners do: hide, report, ban, and the log of it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::AuthorView;
use crate::forum::PostView;
use crate::text_enum::text_enum;

#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct ReasonRequest {
    #[schema(schema_with = crate::constraints::optional_reason)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct ReportRequest {
    #[schema(schema_with = crate::constraints::reason)]
    pub reason: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct ResolveReportRequest {
    #[schema(schema_with = crate::constraints::optional_reason)]
    pub resolution: Option<String>,
}

/// Resolves several open reports at once (a flood of junk ones, say).
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct ResolveReportsRequest {
    /// 1 to 100 report ids; those already resolved are left as they are.
    #[schema(min_items = 1, max_items = 100)]
    #[serde(deserialize_with = "crate::whole::vec")]
    pub report_ids: Vec<i64>,
    #[schema(schema_with = crate::constraints::optional_reason)]
    pub resolution: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ResolvedReports {
    /// How many of the reports this request resolved.
    pub resolved: usize,
}

/// Open reports oldest first (a queue), or all newest first; `next_cursor` fetches more.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportPage {
    pub reports: Vec<ReportView>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportView {
    pub id: i64,
    pub post: PostView,
    pub reporter: AuthorView,
    pub reason: String,
    pub created_at: DateTime<Utc>,
    pub resolved_by: Option<AuthorView>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct BanRequest {
    pub handle: String,
    /// Permanent when absent.
    #[serde(default, deserialize_with = "crate::whole::optional_time")]
    pub until: Option<DateTime<Utc>>,
    #[schema(schema_with = crate::constraints::reason)]
    pub reason: String,
    /// Also hide every post the user wrote in the space, e.g. after spam or abuse.
    #[serde(default)]
    pub hide_posts: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct BanView {
    pub user: AuthorView,
    pub banned_by: AuthorView,
    pub reason: String,
    pub until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

text_enum! {
    /// What a moderator did, as the moderation log records it.
    #[derive(ToSchema)]
    pub enum ModAction {
        LockThread = "lock_thread",
        UnlockThread = "unlock_thread",
        PinThread = "pin_thread",
        UnpinThread = "unpin_thread",
        HideThread = "hide_thread",
        UnhideThread = "unhide_thread",
        HidePost = "hide_post",
        UnhidePost = "unhide_post",
        EditPost = "edit_post",
        DeletePost = "delete_post",
        ResolveReport = "resolve_report",
        Ban = "ban",
        Unban = "unban",
        ChangeRole = "change_role",
        RemoveMember = "remove_member",
        RotateInvite = "rotate_invite",
        UpdateSpace = "update_space",
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ModLogEntry {
    pub id: i64,
    pub moderator: AuthorView,
    pub action: ModAction,
    pub target_user: Option<AuthorView>,
    pub thread_id: Option<i64>,
    pub post_id: Option<i64>,
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ModLogPage {
    pub entries: Vec<ModLogEntry>,
    pub next_cursor: Option<String>,
}
