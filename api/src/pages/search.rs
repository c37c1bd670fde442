//! The search page: results in the reader's language, each with the passage that matched.

use actix_web::ResponseError;
use actix_web::web::{self, Query};
use pontis_models::api_types::SearchResultView;
use pontis_search::{FindError, FindRequest, SearchError, find};
use serde::Deserialize;
use serde_json::{Value, json};

use super::context::{Page, PageResult};
use super::thread_json;
use crate::error::ApiError;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchForm {
    q: String,
    cursor: Option<String>,
}

pub async fn search(page: Page, form: Query<SearchForm>) -> PageResult {
    let actor = page.actor()?;
    let form = form.into_inner();
    if form.q.trim().is_empty() {
        return page.render("search.html", json!({"q": ""}));
    }
    let request = FindRequest {
        q: form.q.clone(),
        cursor: form.cursor.clone(),
        ..FindRequest::default()
    };
    let state = page.state.clone();
    let found = web::block(move || find(&state.db, state.search.as_ref(), &actor, request))
        .await
        .map_err(|e| pontis_models::Error::Internal(format!("blocking task: {e}")))?;
    let error = match found {
        Ok(results) => {
            let shown: Vec<Value> = results.results.iter().map(result_json).collect();
            return page.render(
                "search.html",
                json!({
                    "q": form.q,
                    "results": shown,
                    "total": results.total,
                    "next_cursor": results.next_cursor,
                }),
            );
        }
        Err(FindError::Domain(error)) => ApiError::from(error),
        Err(FindError::Search(SearchError::Unavailable(reason))) => {
            tracing::warn!(%reason, "search backend unavailable");
            ApiError::SearchUnavailable
        }
        Err(FindError::Search(other)) => pontis_models::Error::Internal(other.to_string()).into(),
    };
    page.render_status(
        error.status_code(),
        "search.html",
        json!({"q": form.q, "error": page.message(&error)}),
    )
}

/// A result for the template; the snippet is cut into plain and marked pieces, so that
/// the template escapes every piece and no HTML comes from the index.
fn result_json(result: &SearchResultView) -> Value {
    let chars: Vec<char> = result.snippet.text.chars().collect();
    let mut pieces = Vec::new();
    let mut at = 0;
    for [start, end] in &result.snippet.highlights {
        let (start, end) = ((*start).min(chars.len()), (*end).min(chars.len()));
        if start < at {
            continue;
        }
        pieces.push(json!({"text": chars[at..start].iter().collect::<String>(), "mark": false}));
        pieces.push(json!({"text": chars[start..end].iter().collect::<String>(), "mark": true}));
        at = end;
    }
    pieces.push(json!({"text": chars[at..].iter().collect::<String>(), "mark": false}));
    json!({
        "thread": thread_json(&result.thread, false),
        "post": result.post,
        "matched_lang": result.matched_lang,
        "matched_in": result.matched_in,
        "snippet": pieces,
    })
}
