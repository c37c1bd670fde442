//! The Meilisearch backend, for schools that run a Meilisearch server. Pontis writes the
//! index settings at start-up: each language's text in its own attribute with Meilisearch's
//! tokenization for that locale, the filter attributes the permission filter needs, and
//! `post_id` as the distinct attribute so that a result is a post. Every change waits for
//! its task, so a failed task is an error the indexer retries, never a silent loss.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use meilisearch_sdk::client::Client;
use meilisearch_sdk::documents::DocumentDeletionQuery;
use meilisearch_sdk::errors::Error as MeiliError;
use meilisearch_sdk::indexes::Index;
use meilisearch_sdk::search::Selectors;
use meilisearch_sdk::settings::{LocalizedAttributes, Settings};
use meilisearch_sdk::task_info::TaskInfo;
use serde_json::{Map, Value};

use crate::languages::{FIELDS, field_for};
use crate::text::indexed_text;
use crate::{
    DocumentKind, Hit, PostDocuments, SearchDocument, SearchError, SearchIndex, SearchPage,
    SearchQuery, Snippet,
};

/// Marks around matched words in Meilisearch's formatted text; control characters that
/// indexed text never holds.
const HIGHLIGHT_START: &str = "\u{1}";
const HIGHLIGHT_END: &str = "\u{2}";
const SNIPPET_WORDS: usize = 30;
const TASK_TIMEOUT: Duration = Duration::from_secs(120);

pub struct MeiliIndex {
    client: Client,
    uid: String,
    runtime: tokio::runtime::Runtime,
    /// Settings are written on first contact, so a server that is down at start-up only
    /// delays them.
    prepared: AtomicBool,
}

impl std::fmt::Debug for MeiliIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MeiliIndex")
            .field("uid", &self.uid)
            .finish_non_exhaustive()
    }
}

fn text_attribute(code: &str) -> String {
    format!("text_{code}")
}

fn failure(error: MeiliError) -> SearchError {
    match error {
        MeiliError::HttpError(e) => SearchError::Unavailable(e.to_string()),
        MeiliError::MeilisearchCommunication(e) => SearchError::Unavailable(e.to_string()),
        MeiliError::Timeout => SearchError::Unavailable("a task did not finish in time".into()),
        other => SearchError::Backend(other.to_string()),
    }
}

impl MeiliIndex {
    /// A client for the index `uid` on the server at `url`. Nothing is sent until the first
    /// call, which creates the index and writes its settings. Every call blocks: make them
    /// from a thread that may block.
    pub fn new(url: &str, api_key: Option<&str>, uid: &str) -> Result<Self, SearchError> {
        let client = Client::new(url, api_key).map_err(failure)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| SearchError::Backend(format!("starting a runtime: {e}")))?;
        Ok(Self {
            client,
            uid: uid.to_owned(),
            runtime,
            prepared: AtomicBool::new(false),
        })
    }

    fn index(&self) -> Index {
        self.client.index(&self.uid)
    }

    fn prepare(&self) -> Result<(), SearchError> {
        if self.prepared.load(Ordering::Acquire) {
            return Ok(());
        }
        self.runtime.block_on(async {
            let created = self
                .client
                .create_index(&self.uid, Some("id"))
                .await
                .map_err(failure)?;
            // An index that already exists fails this task, which is fine.
            self.client
                .wait_for_task(created, None, Some(TASK_TIMEOUT))
                .await
                .map_err(failure)?;
            let settings = settings();
            let task = self
                .index()
                .set_settings(&settings)
                .await
                .map_err(failure)?;
            self.finish(task).await
        })?;
        self.prepared.store(true, Ordering::Release);
        Ok(())
    }

    /// Waits for a task and turns its failure into an error.
    async fn finish(&self, task: TaskInfo) -> Result<(), SearchError> {
        let done = self
            .client
            .wait_for_task(task, None, Some(TASK_TIMEOUT))
            .await
            .map_err(failure)?;
        if done.is_failure() {
            // The settings may have been changed or the index deleted on the server: write
            // them again before the retry.
            self.prepared.store(false, Ordering::Release);
            let error = done.unwrap_failure();
            return Err(SearchError::Backend(format!(
                "Meilisearch task failed: {} ({:?})",
                error.error_message, error.error_code
            )));
        }
        Ok(())
    }
}

fn settings() -> Settings {
    let searchable: Vec<String> = FIELDS.iter().map(|f| text_attribute(f.code)).collect();
    let localized = FIELDS.iter().filter_map(|f| {
        f.meili_locale.map(|locale| LocalizedAttributes {
            locales: vec![locale.to_owned()],
            attribute_patterns: vec![text_attribute(f.code)],
        })
    });
    Settings::new()
        .with_searchable_attributes(searchable)
        .with_filterable_attributes([
            "post_id",
            "space_id",
            "author_id",
            "visible",
            "lang",
            "origin_lang",
            "created_at",
        ])
        .with_sortable_attributes(["created_at"])
        .with_distinct_attribute(Some("post_id"))
        .with_localized_attributes(localized)
}

fn to_json(document: &SearchDocument) -> Value {
    let mut map = Map::new();
    map.insert("id".into(), document.id.clone().into());
    map.insert("post_id".into(), document.post_id.into());
    map.insert("thread_id".into(), document.thread_id.into());
    map.insert("space_id".into(), document.space_id.into());
    map.insert("author_id".into(), document.author_id.into());
    map.insert(
        "kind".into(),
        match document.kind {
            DocumentKind::Body => "body",
            DocumentKind::Title => "title",
        }
        .into(),
    );
    map.insert("lang".into(), document.lang.clone().into());
    map.insert("origin_lang".into(), document.origin_lang.clone().into());
    map.insert("is_original".into(), document.is_original.into());
    map.insert("revision".into(), document.revision.into());
    map.insert("visible".into(), document.visible.into());
    map.insert("created_at".into(), document.created_at.into());
    map.insert(
        text_attribute(field_for(&document.lang).code),
        indexed_text(document.kind, &document.text).into(),
    );
    Value::Object(map)
}

fn id_list(ids: &[i64]) -> String {
    let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", ids.join(", "))
}

/// A string literal for a filter expression.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The permission filter and the reader's own filters, as one Meilisearch expression.
fn filter_expression(query: &SearchQuery, spaces: &[i64]) -> String {
    let scope = &query.scope;
    let mut may_see = vec![
        "visible = true".to_owned(),
        format!("author_id = {}", scope.user_id),
    ];
    if !scope.moderated_spaces.is_empty() {
        may_see.push(format!("space_id IN {}", id_list(&scope.moderated_spaces)));
    }
    let mut clauses = vec![
        format!("space_id IN {}", id_list(spaces)),
        format!("({})", may_see.join(" OR ")),
    ];
    if let Some(author) = query.author_id {
        clauses.push(format!("author_id = {author}"));
    }
    if let Some(lang) = &query.origin_lang {
        clauses.push(format!("origin_lang = {}", quoted(lang)));
    }
    if let Some(since) = query.since {
        clauses.push(format!("created_at >= {since}"));
    }
    if let Some(until) = query.until {
        clauses.push(format!("created_at <= {until}"));
    }
    clauses.join(" AND ")
}

/// Text with highlight marks → plain text and the marked character ranges.
fn parse_highlights(marked: &str) -> Snippet {
    let mut snippet = Snippet::default();
    let mut chars = 0;
    let mut start = None;
    for c in marked.chars() {
        match c {
            '\u{1}' => start = Some(chars),
            '\u{2}' => {
                if let Some(from) = start.take() {
                    snippet.highlights.push(from..chars);
                }
            }
            _ => {
                snippet.text.push(c);
                chars += 1;
            }
        }
    }
    snippet
}

fn hit_from(result: &Map<String, Value>, formatted: Option<&Map<String, Value>>) -> Option<Hit> {
    let post_id = result.get("post_id")?.as_i64()?;
    let lang = result.get("lang")?.as_str()?.to_owned();
    let attribute = text_attribute(field_for(&lang).code);
    let text = formatted
        .and_then(|f| f.get(&attribute))
        .or_else(|| result.get(&attribute))
        .and_then(Value::as_str)
        .unwrap_or_default();
    Some(Hit {
        post_id,
        matched_lang: lang,
        matched_kind: match result.get("kind").and_then(Value::as_str) {
            Some("title") => DocumentKind::Title,
            _ => DocumentKind::Body,
        },
        snippet: parse_highlights(text),
    })
}

impl SearchIndex for MeiliIndex {
    fn replace(&self, posts: &[PostDocuments]) -> Result<(), SearchError> {
        if posts.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = posts.iter().map(|p| p.post_id).collect();
        let documents: Vec<Value> = posts
            .iter()
            .flat_map(|p| p.documents.iter().map(to_json))
            .collect();
        let filter = format!("post_id IN {}", id_list(&ids));
        self.prepare()?;
        self.runtime.block_on(async {
            let index = self.index();
            let mut deletion = DocumentDeletionQuery::new(&index);
            deletion.with_filter(&filter);
            let deleted = index
                .delete_documents_with(&deletion)
                .await
                .map_err(failure)?;
            // The addition is sent only once the deletion succeeded: a queued addition runs
            // even after a failed deletion, which would leave old documents beside new ones.
            self.finish(deleted).await?;
            if documents.is_empty() {
                return Ok(());
            }
            let added = index
                .add_or_replace(&documents, Some("id"))
                .await
                .map_err(failure)?;
            self.finish(added).await
        })
    }

    fn clear(&self) -> Result<(), SearchError> {
        self.prepare()?;
        self.runtime.block_on(async {
            let task = self.index().delete_all_documents().await.map_err(failure)?;
            self.finish(task).await
        })
    }

    fn search(&self, query: &SearchQuery) -> Result<SearchPage, SearchError> {
        let spaces = query.spaces();
        if spaces.is_empty() || query.text.trim().is_empty() {
            return Ok(SearchPage {
                hits: Vec::new(),
                total: 0,
            });
        }
        self.prepare()?;
        let filter = filter_expression(query, &spaces);
        let attributes: Vec<String> = FIELDS.iter().map(|f| text_attribute(f.code)).collect();
        let crop: Vec<(&str, Option<usize>)> =
            attributes.iter().map(|a| (a.as_str(), None)).collect();
        let highlight: Vec<&str> = attributes.iter().map(String::as_str).collect();
        self.runtime.block_on(async {
            let index = self.index();
            let results = index
                .search()
                .with_query(&query.text)
                .with_filter(&filter)
                .with_offset(query.offset)
                .with_limit(query.limit)
                .with_attributes_to_crop(Selectors::Some(&crop))
                .with_crop_length(SNIPPET_WORDS)
                .with_attributes_to_highlight(Selectors::Some(&highlight))
                .with_highlight_pre_tag(HIGHLIGHT_START)
                .with_highlight_post_tag(HIGHLIGHT_END)
                .execute::<Map<String, Value>>()
                .await
                .map_err(failure)?;
            let total = results
                .estimated_total_hits
                .or(results.total_hits)
                .unwrap_or(results.hits.len()) as u64;
            let hits = results
                .hits
                .iter()
                .filter_map(|h| hit_from(&h.result, h.formatted_result.as_ref()))
                .collect();
            Ok(SearchPage { hits, total })
        })
    }

    fn document_count(&self) -> Result<u64, SearchError> {
        self.prepare()?;
        self.runtime.block_on(async {
            let stats = self.index().get_stats().await.map_err(failure)?;
            Ok(stats.number_of_documents as u64)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ReaderScope;

    #[test]
    fn the_permission_filter_is_part_of_the_query() {
        let query = SearchQuery {
            text: "solar".into(),
            scope: ReaderScope {
                user_id: 7,
                lang: "fr".into(),
                readable_spaces: vec![1, 2],
                moderated_spaces: vec![2],
            },
            space_id: None,
            author_id: None,
            origin_lang: Some("pt\"".into()),
            since: Some(10),
            until: None,
            offset: 0,
            limit: 20,
        };
        assert_eq!(
            filter_expression(&query, &query.spaces()),
            "space_id IN [1, 2] AND (visible = true OR author_id = 7 OR space_id IN [2]) \
             AND origin_lang = \"pt\\\"\" AND created_at >= 10"
        );
    }

    #[test]
    fn highlight_marks_become_character_ranges() {
        let snippet = parse_highlights("l'\u{1}énergie\u{2} solaire");
        assert_eq!(snippet.text, "l'énergie solaire");
        assert_eq!(snippet.highlights, vec![2..9]);
    }
}
