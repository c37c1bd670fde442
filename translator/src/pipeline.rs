//! From texts to translated texts: segment, look sentences up in the cache, send what is
//! missing through the route in one batch per hop, and put the texts back together.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use sha2::{Digest, Sha256};

use crate::engine::EngineError;
use crate::markup;
use crate::route::{Route, Router};
use crate::segment::{Segmented, segment_markdown, segment_plain};

/// The cache key of one sentence's translation by one model.
pub fn segment_key(from: &str, to: &str, model: &str, sentence: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [from, to, model, sentence] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hex::encode(hasher.finalize())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Markdown,
    Plain,
}

/// Sentence translations kept between runs; the worker keeps them in the database.
pub trait SegmentCache {
    fn get(&self, keys: &[String]) -> HashMap<String, String>;
    fn put(&self, entries: &[(String, String)]);
}

/// No cache: every sentence is translated.
pub struct NoCache;

impl SegmentCache for NoCache {
    fn get(&self, _: &[String]) -> HashMap<String, String> {
        HashMap::new()
    }
    fn put(&self, _: &[(String, String)]) {}
}

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("no installed engine translates {from} to {to}")]
    Unreachable { from: String, to: String },
    #[error(transparent)]
    Engine(#[from] EngineError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    pub texts: Vec<String>,
    /// For each text, its sentences translated, in segmentation order: what a remote
    /// worker hands back for the server's cache.
    pub segments: Vec<Vec<String>>,
    pub engine: String,
    pub model: String,
    /// Sentences the engines translated; the rest came from the cache.
    pub engine_segments: usize,
}

/// The engines' routes, shared by the workers of one process; `replace_router` swaps in
/// newly installed engines while they run.
#[derive(Clone)]
pub struct Pipeline {
    router: Arc<RwLock<Arc<Router>>>,
}

impl Pipeline {
    pub fn new(router: Router) -> Self {
        Self {
            router: Arc::new(RwLock::new(Arc::new(router))),
        }
    }

    /// The routes as they are now. A batch routes once, at its start, and finishes on
    /// those engines even if they are replaced meanwhile.
    pub fn router(&self) -> Arc<Router> {
        let current = self.router.read().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(&current)
    }

    /// Swaps in another set of engines (models installed or removed): later batches use
    /// them; the old engines are dropped when the last batch using them ends.
    pub fn replace_router(&self, router: Router) {
        *self.router.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(router);
    }

    pub fn route(&self, from: &str, to: &str) -> Result<Route, PipelineError> {
        self.router()
            .route(from, to)
            .ok_or_else(|| PipelineError::Unreachable {
                from: from.to_owned(),
                to: to.to_owned(),
            })
    }

    /// Translates texts of one language pair together, so that one engine batch serves
    /// the sentences of all of them. Repeated sentences are translated once.
    pub fn translate(
        &self,
        from: &str,
        to: &str,
        texts: &[(TextKind, &str)],
        cache: &dyn SegmentCache,
    ) -> Result<Translated, PipelineError> {
        let route = self.route(from, to)?;
        let model = route.model();
        let documents: Vec<Segmented> = texts
            .iter()
            .map(|(kind, text)| match kind {
                TextKind::Markdown => segment_markdown(text),
                TextKind::Plain => segment_plain(text),
            })
            .collect();
        let mut unique: Vec<&str> = documents
            .iter()
            .flat_map(|d| d.segments.iter().map(String::as_str))
            .collect();
        unique.sort_unstable();
        unique.dedup();
        let keys: Vec<String> = unique
            .iter()
            .map(|s| segment_key(from, to, &model, s))
            .collect();
        let mut known = cache.get(&keys);
        let missing: Vec<(String, String)> = unique
            .iter()
            .zip(&keys)
            .filter(|(_, key)| !known.contains_key(*key))
            .map(|(sentence, key)| ((*sentence).to_owned(), key.clone()))
            .collect();
        if !missing.is_empty() {
            let mut batch: Vec<String> = missing.iter().map(|(s, _)| s.clone()).collect();
            for hop in &route.hops {
                let out = hop.engine.translate(&hop.pair, &batch)?;
                // Every mark of the sentence comes out, paired, whatever the engine did.
                batch = batch
                    .iter()
                    .zip(out)
                    .map(|(sentence, translation)| {
                        if markup::has_marks(sentence) {
                            markup::repair(sentence, &translation)
                        } else {
                            translation
                        }
                    })
                    .collect();
            }
            let entries: Vec<(String, String)> = missing
                .iter()
                .zip(batch)
                .map(|((_, key), translation)| (key.clone(), translation))
                .collect();
            cache.put(&entries);
            known.extend(entries);
        }
        let by_sentence: HashMap<&str, &String> = unique
            .iter()
            .zip(&keys)
            .filter_map(|(s, k)| known.get(k).map(|t| (*s, t)))
            .collect();
        let segments: Vec<Vec<String>> = documents
            .iter()
            .map(|d| {
                d.segments
                    .iter()
                    .map(|s| {
                        by_sentence
                            .get(s.as_str())
                            .map_or_else(|| s.clone(), |t| (*t).clone())
                    })
                    .collect()
            })
            .collect();
        let rendered = documents
            .iter()
            .zip(&segments)
            .map(|(d, translations)| d.render(translations))
            .collect();
        Ok(Translated {
            texts: rendered,
            segments,
            engine: route.engine(),
            model,
            engine_segments: missing.len(),
        })
    }
}
