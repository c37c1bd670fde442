//! Searching as a reader: the request and the page of results.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::forum::{PostView, ThreadView};
use crate::text_enum::text_enum;

text_enum! {
    /// Whether a searched text is a post body (Markdown) or a thread title (plain text).
    #[derive(ToSchema)]
    pub enum DocumentKind {
        Body = "body",
        Title = "title",
    }
}

/// A reader's search, as `GET /api/v1/search` takes it in its query string.
#[derive(Debug, Clone, Default, Serialize, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FindRequest {
    /// Words to look for, in any language; every word must match.
    pub q: String,
    /// Only this space (its slug).
    pub space: Option<String>,
    /// Only posts by this handle.
    pub author: Option<String>,
    /// Show results in this language (BCP 47); default: the reader's first language.
    pub lang: Option<String>,
    /// Only posts written in this language.
    pub origin_lang: Option<String>,
    /// Only posts written at or after this time (RFC 3339).
    pub since: Option<DateTime<Utc>>,
    /// Only posts written at or before this time (RFC 3339); a window that ends before it
    /// starts finds nothing.
    pub until: Option<DateTime<Utc>>,
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Results per page, 1 to 100; default 20.
    pub limit: Option<usize>,
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
    pub matched_in: DocumentKind,
    pub snippet: SnippetView,
}

/// A passage of the text that matched, plain text; `highlights` are the matched words as
/// `[start, end)` character offsets into `text`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SnippetView {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}
