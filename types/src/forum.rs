//! Threads and posts, as written and as read.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::AuthorView;
use crate::text_enum::text_enum;
use crate::translation::TranslationView;

text_enum! {
    /// How a post's language was decided.
    #[derive(ToSchema)]
    pub enum LangSource {
        Declared = "declared",
        Detected = "detected",
        AuthorDefault = "author_default",
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct CreateThreadRequest {
    #[schema(schema_with = crate::constraints::title)]
    pub title: String,
    /// Markdown.
    #[schema(schema_with = crate::constraints::post_body)]
    pub body: String,
    /// BCP 47; detected from the text when absent.
    #[schema(schema_with = crate::constraints::optional_language_tag)]
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct CreatePostRequest {
    #[schema(schema_with = crate::constraints::post_body)]
    pub body: String,
    #[schema(schema_with = crate::constraints::optional_language_tag)]
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct EditPostRequest {
    #[schema(schema_with = crate::constraints::post_body)]
    pub body: String,
    /// Keeps the post's language when absent.
    #[schema(schema_with = crate::constraints::optional_language_tag)]
    pub lang: Option<String>,
}

/// `POST /api/v1/posts/{id}/language`: the language the post is really written in.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct SetLanguageRequest {
    #[schema(schema_with = crate::constraints::language_tag)]
    pub lang: String,
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
