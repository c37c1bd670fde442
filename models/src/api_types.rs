//! Request and response bodies of the JSON API. They carry no server code, so a client
//! (the remote translation worker, a test, a script) can use them as they are.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ErrorKind;

/// The body of every error response.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    /// Stable, snake_case; clients branch on it.
    pub code: String,
    /// For people, in the requester's language.
    pub message: String,
    #[serde(rename = "type")]
    pub kind: ErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Public,
    MembersOnly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Student,
    Teacher,
    Owner,
}

impl Role {
    /// Teachers and owners moderate their space.
    pub fn moderates(self) -> bool {
        self >= Role::Teacher
    }
}

/// How a post's language was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LangSource {
    Declared,
    Detected,
    AuthorDefault,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct RegisterRequest {
    /// 3 to 32 characters of a-z, 0-9 and `_`; stored in lower case.
    pub handle: String,
    pub password: String,
    pub display_name: Option<String>,
    /// The UI language, a BCP 47 tag.
    pub locale: String,
    /// The languages this user reads, first language first.
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

#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct UpdateMeRequest {
    pub display_name: Option<String>,
    pub locale: Option<String>,
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

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct CreateSpaceRequest {
    /// 3 to 48 characters of a-z, 0-9 and `-`.
    pub slug: String,
    pub name: String,
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
    /// Shown to the space's moderators only.
    pub invite_code: Option<String>,
    pub member_count: i64,
    pub created_at: DateTime<Utc>,
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

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct CreateThreadRequest {
    pub title: String,
    /// Markdown.
    pub body: String,
    /// BCP 47; detected from the text when absent.
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct CreatePostRequest {
    pub body: String,
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct EditPostRequest {
    pub body: String,
    /// Keeps the post's language when absent.
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ThreadView {
    pub id: i64,
    pub space: String,
    pub author: AuthorView,
    pub title: String,
    pub lang: String,
    /// The title in the reader's language, when the reader does not read `lang`.
    pub title_translation: Option<TranslationView>,
    pub locked: bool,
    pub pinned: bool,
    pub hidden: bool,
    /// Posts the reader can see, the opening post included; deleted ones are not counted.
    pub post_count: i64,
    pub created_at: DateTime<Utc>,
    pub bumped_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TranslationStatus {
    /// Translates the current revision.
    Ready,
    /// Queued or being translated; `body` is absent.
    Pending,
    /// Translates an earlier revision; the new one is on its way.
    Stale,
    /// No installed engine connects the languages, or translating failed for good.
    Unavailable,
}

/// A text in the reader's language.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TranslationView {
    pub lang: String,
    pub status: TranslationStatus,
    pub body: Option<String>,
    /// `ctranslate2`, `apertium`, or both joined by `+` for a pivot.
    pub engine: Option<String>,
    pub model: Option<String>,
}

/// A post as its author wrote it (`body`, `lang`), and, when the reader does not read that
/// language, its `translation` into the reader's language.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PostView {
    pub id: i64,
    pub thread_id: i64,
    pub author: AuthorView,
    /// Markdown; absent once the post is deleted.
    pub body: Option<String>,
    pub lang: String,
    pub lang_source: LangSource,
    pub revision: i32,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub hidden: bool,
    /// Shown to moderators and the author.
    pub hidden_reason: Option<String>,
    pub deleted: bool,
    /// Absent when the reader reads the post's language, or the post is deleted.
    pub translation: Option<TranslationView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ThreadWithPostView {
    pub thread: ThreadView,
    pub post: PostView,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ThreadPage {
    pub thread: ThreadView,
    pub posts: Vec<PostView>,
    /// Pass as `cursor` for the next posts; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ThreadList {
    pub threads: Vec<ThreadView>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RevisionView {
    pub revision: i32,
    pub body: String,
    pub lang: String,
    pub edited_by: AuthorView,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct ReasonRequest {
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct ReportRequest {
    pub reason: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
pub struct ResolveReportRequest {
    pub resolution: Option<String>,
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
    pub until: Option<DateTime<Utc>>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ModAction {
    LockThread,
    UnlockThread,
    PinThread,
    UnpinThread,
    HideThread,
    UnhideThread,
    HidePost,
    UnhidePost,
    EditPost,
    DeletePost,
    ResolveReport,
    Ban,
    Unban,
    ChangeRole,
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

/// A page of search results: posts, best first, each in the reader's language.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchResults {
    pub results: Vec<SearchResultView>,
    /// Posts matching in all (an estimate on Meilisearch).
    pub total: u64,
    pub next_cursor: Option<String>,
    /// The language results are shown in.
    pub lang: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SearchResultView {
    pub thread: ThreadView,
    /// The post with its translation into the reader's language.
    pub post: PostView,
    /// The language of the text that matched: the original's or a translation's.
    pub matched_lang: String,
    pub matched_in: crate::search::DocumentKind,
    pub snippet: SnippetView,
}

/// A passage of the text that matched, plain text; `highlights` are the matched words as
/// `[start, end)` character offsets into `text`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SnippetView {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}
