//! Searching as a reader: checks the request, asks the index within the reader's scope,
//! and shows each found post in the reader's language.

use chrono::{DateTime, Utc};
use pontis_models::access::SpaceAccess;
use pontis_models::api_types::{SearchResultView, SearchResults, SnippetView};
use pontis_models::search::reader_scope;
use pontis_models::spaces::user_by_handle;
use pontis_models::threads::found_posts;
use pontis_models::{Actor, Db, Error, lang, limits};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::{MAX_QUERY_CHARS, SearchError, SearchIndex, SearchQuery};

/// Results per page when not asked.
pub const DEFAULT_LIMIT: usize = 20;

/// A reader's search, as `GET /api/v1/search` takes it in its query string.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
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
    /// Only posts written at or before this time (RFC 3339).
    pub until: Option<DateTime<Utc>>,
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Results per page, 1 to 100; default 20.
    pub limit: Option<usize>,
}

#[derive(Debug, thiserror::Error)]
pub enum FindError {
    #[error(transparent)]
    Domain(#[from] Error),
    #[error(transparent)]
    Search(#[from] SearchError),
}

pub fn find(
    db: &Db,
    index: &dyn SearchIndex,
    actor: &Actor,
    request: FindRequest,
) -> Result<SearchResults, FindError> {
    let text = request.q.trim();
    if text.is_empty() {
        return Err(Error::SearchQueryEmpty.into());
    }
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(Error::SearchQueryTooLong {
            max: MAX_QUERY_CHARS,
        }
        .into());
    }
    if let (Some(since), Some(until)) = (request.since, request.until)
        && since > until
    {
        return Err(Error::InvalidDateRange.into());
    }
    let limit = request.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=limits::PAGE_MAX).contains(&limit) {
        return Err(Error::InvalidLimit {
            max: limits::PAGE_MAX,
        }
        .into());
    }
    let offset = request
        .cursor
        .as_deref()
        .map(decode_cursor)
        .transpose()?
        .unwrap_or(0);
    let origin_lang = request
        .origin_lang
        .as_deref()
        .map(lang::normalize)
        .transpose()?;
    let scope = reader_scope(db, actor, request.lang.as_deref())?;
    let (space_id, author_id) = db.read(|conn| {
        let space = request
            .space
            .as_deref()
            .map(|slug| SpaceAccess::by_slug(conn, actor, slug).map(|a| a.space.id))
            .transpose()?;
        let author = request
            .author
            .as_deref()
            .map(|handle| user_by_handle(conn, handle).map(|u| u.id))
            .transpose()?;
        Ok::<_, Error>((space, author))
    })?;
    let reading_lang = scope.lang.clone();
    let page = index.search(&SearchQuery {
        text: text.to_owned(),
        scope,
        space_id,
        author_id,
        origin_lang,
        since: request.since.map(|t| t.timestamp()),
        until: request.until.map(|t| t.timestamp()),
        offset,
        limit,
    })?;
    let post_ids: Vec<i64> = page.hits.iter().map(|h| h.post_id).collect();
    // The reader's own languages decide which posts need no translation, as on a thread
    // page; passing the single result language would translate posts they already read.
    let shown = found_posts(db, actor, &post_ids, request.lang.as_deref())?;
    let results = shown
        .into_iter()
        .filter_map(|found| {
            let hit = page.hits.iter().find(|h| h.post_id == found.post.id)?;
            Some(SearchResultView {
                thread: found.thread,
                post: found.post,
                matched_lang: hit.matched_lang.clone(),
                matched_in: hit.matched_kind,
                snippet: SnippetView {
                    text: hit.snippet.text.clone(),
                    highlights: hit
                        .snippet
                        .highlights
                        .iter()
                        .map(|r| [r.start, r.end])
                        .collect(),
                },
            })
        })
        .collect();
    let next = offset + limit;
    Ok(SearchResults {
        results,
        total: page.total,
        next_cursor: (page.total > next as u64).then(|| encode_cursor(next)),
        lang: reading_lang,
    })
}

/// Cursors are opaque to clients; inside, the offset of the next page.
fn encode_cursor(offset: usize) -> String {
    format!("o{offset}")
}

fn decode_cursor(cursor: &str) -> Result<usize, Error> {
    cursor
        .strip_prefix('o')
        .and_then(|n| n.parse().ok())
        .ok_or(Error::InvalidCursor)
}
