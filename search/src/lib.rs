//! Pontis search. Every post's original and each of its translations are documents; a
//! query in any language finds posts written in another, one result per post, filtered by
//! the reader's permissions inside the index query. Two backends behind [`SearchIndex`]:
//! an embedded tantivy index (the default) and a Meilisearch server. The [`indexer`]
//! drains the database's search outbox into either. Knows nothing of HTTP.

mod cjk;
pub mod embedded;
pub mod find;
pub mod indexer;
pub mod languages;
pub mod meili;
pub mod text;

use std::ops::Range;

pub use pontis_models::search::{PostDocuments, ReaderScope, SearchDocument};
pub use pontis_types::DocumentKind;

pub use embedded::EmbeddedIndex;
pub use find::{FindError, find};
pub use indexer::Indexer;
pub use meili::MeiliIndex;

/// What a reader asks for. The scope's spaces bound every other filter.
#[derive(Debug, Clone)]
pub struct SearchQuery {
    pub text: String,
    pub scope: ReaderScope,
    pub space_id: Option<i64>,
    pub author_id: Option<i64>,
    /// Only posts written in this language.
    pub origin_lang: Option<String>,
    /// Seconds since the Unix epoch, inclusive.
    pub since: Option<i64>,
    pub until: Option<i64>,
    pub offset: usize,
    pub limit: usize,
}

impl SearchQuery {
    /// The first page of `text` within `scope`, with no other filter.
    pub fn new(text: &str, scope: ReaderScope) -> Self {
        Self {
            text: text.to_owned(),
            scope,
            space_id: None,
            author_id: None,
            origin_lang: None,
            since: None,
            until: None,
            offset: 0,
            limit: 20,
        }
    }

    /// The spaces to look in: the readable ones, narrowed to the one asked for.
    pub fn spaces(&self) -> Vec<i64> {
        match self.space_id {
            Some(space) if self.scope.readable_spaces.contains(&space) => vec![space],
            Some(_) => Vec::new(),
            None => self.scope.readable_spaces.clone(),
        }
    }
}

/// One page of results: each a post, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchPage {
    pub hits: Vec<Hit>,
    /// Posts matching in all; an estimate where the backend gives only one.
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub post_id: i64,
    /// The language of the text the snippet comes from.
    pub matched_lang: String,
    pub matched_kind: DocumentKind,
    pub snippet: Snippet,
}

/// A passage of the matching text, plain, with the matched words as character ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The backend cannot be reached; writes go on and the outbox catches up later.
    #[error("search backend unavailable: {0}")]
    Unavailable(String),
    /// The backend answered with a failure, e.g. a Meilisearch task that failed.
    #[error("search backend failed: {0}")]
    Backend(String),
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("reading the search outbox: {0}")]
    Database(#[from] pontis_models::Error),
}

/// A search index that holds the documents of posts.
pub trait SearchIndex: Send + Sync {
    /// Makes the index hold exactly the given documents for each post: old ones are
    /// removed, so a post with no documents leaves the index. Idempotent.
    fn replace(&self, posts: &[PostDocuments]) -> Result<(), SearchError>;
    /// Removes every document.
    fn clear(&self) -> Result<(), SearchError>;
    fn search(&self, query: &SearchQuery) -> Result<SearchPage, SearchError>;
    /// Documents held, for checks and benchmarks.
    fn document_count(&self) -> Result<u64, SearchError>;
}
