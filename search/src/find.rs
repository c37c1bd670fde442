//! Searching as a reader: checks the request, asks the index within the reader's scope,
//! and shows each found post in the reader's language.

use pontis_models::access::SpaceAccess;
use pontis_models::accounts::user_by_handle;
use pontis_models::cursor::check_page_limit;
use pontis_models::search::reader_scope;
use pontis_models::threads::found_posts;
use pontis_models::{Actor, Db, Error};
use pontis_types::limits::{SEARCH_PAGE_DEFAULT, SEARCH_QUERY_MAX};
use pontis_types::{FindRequest, SearchResultView, SearchResults, SnippetView, lang};

use crate::{SearchError, SearchIndex, SearchQuery};

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
    if text.chars().count() > SEARCH_QUERY_MAX {
        return Err(Error::SearchQueryTooLong {
            max: SEARCH_QUERY_MAX,
        }
        .into());
    }
    let limit = request.limit.unwrap_or(SEARCH_PAGE_DEFAULT);
    check_page_limit(limit)?;
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
        .transpose()
        .map_err(Error::from)?;
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
