//! The search page: results in the reader's language, each with the passage that matched.

use actix_web::ResponseError;
use actix_web::web::Query;
use pontis_types::FindRequest;
use pontis_types::SearchResultView;
use serde::Deserialize;
use serde_json::{Value, json};

use super::context::{Page, PageResult};
use super::thread_json;
use crate::routes::search::find_posts;

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
    match find_posts(page.state.clone(), actor, request).await {
        Ok(results) => {
            let shown: Vec<Value> = results.results.iter().map(result_json).collect();
            page.render(
                "search.html",
                json!({
                    "q": form.q,
                    "results": shown,
                    "total": results.total,
                    "next_cursor": results.next_cursor,
                }),
            )
        }
        Err(error) => page.render_status(
            error.status_code(),
            "search.html",
            json!({"q": form.q, "error": page.message(&error)}),
        ),
    }
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
