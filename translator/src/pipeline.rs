//! From texts to translated texts: segment, look sentences up in the cache, send what is
//! missing through the route in one batch per hop, and put the texts back together.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use sha2::{Digest, Sha256};

use pontis_types::SentencePair;
use pontis_types::translation::{GuardHit, QualityGuard};

use crate::engine::EngineError;
use crate::markup;
use crate::quality;
use crate::route::{Route, Router};
use crate::segment::{Segmented, segment_markdown_steered, segment_plain_steered};
use crate::steer::Steering;

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

/// A text to translate, with what its space's teachers steer it with.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub kind: TextKind,
    pub text: &'a str,
    pub steering: &'a Steering,
}

impl Text<'_> {
    /// Cut into sentences, the glossary's terms as atoms.
    pub fn segment(&self) -> Segmented {
        match self.kind {
            TextKind::Markdown => segment_markdown_steered(self.text, self.steering),
            TextKind::Plain => segment_plain_steered(self.text, self.steering),
        }
    }
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

/// What became of a batch of texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    /// One per text, in order.
    pub texts: Vec<TextResult>,
    /// Sentences the engines translated; the rest came from the cache.
    pub engine_segments: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextResult {
    pub outcome: TextOutcome,
    /// The quality guards that fired on this text's sentences, by model, including on a
    /// route whose translation was then replaced by the next one's.
    pub guards: Vec<GuardHit>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextOutcome {
    Translated {
        text: String,
        /// Its sentences translated, in segmentation order: what a remote worker hands
        /// back for the server's cache. A corrected sentence is the teacher's text.
        segments: Vec<String>,
        /// Its sentences beside their sources, in words, for readers to flag.
        sentences: Vec<SentencePair>,
        engine: String,
        model: String,
    },
    /// Every route's translation of some sentence failed a quality guard.
    Rejected { reason: String },
}

impl TextResult {
    /// The translated text, if there is one.
    pub fn text(&self) -> Option<&str> {
        match &self.outcome {
            TextOutcome::Translated { text, .. } => Some(text),
            TextOutcome::Rejected { .. } => None,
        }
    }
}

/// The engines' routes, shared by the workers of one process; `replace_router` swaps in
/// newly installed engines while they run.
#[derive(Clone)]
pub struct Pipeline {
    router: Arc<RwLock<Arc<Router>>>,
    quality_guards: bool,
}

impl Pipeline {
    pub fn new(router: Router) -> Self {
        Self {
            router: Arc::new(RwLock::new(Arc::new(router))),
            quality_guards: true,
        }
    }

    /// Whether translations are checked by the quality guards ([`crate::quality`]); on
    /// unless turned off (throughput benchmarks decode every sentence to a set length).
    pub fn with_quality_guards(mut self, on: bool) -> Self {
        self.quality_guards = on;
        self
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

    /// Translates texts of one language pair together, so that one engine batch serves
    /// the sentences of all of them. Repeated sentences are translated once. A text with
    /// a sentence that fails a quality guard is translated again, whole, on the next
    /// route (another model, or Apertium); if that fails too, it is rejected.
    pub fn translate(
        &self,
        from: &str,
        to: &str,
        texts: &[(TextKind, &str)],
        cache: &dyn SegmentCache,
    ) -> Result<Translated, PipelineError> {
        let texts: Vec<Text> = texts
            .iter()
            .map(|(kind, text)| Text {
                kind: *kind,
                text,
                steering: Steering::none(),
            })
            .collect();
        self.translate_steered(from, to, &texts, cache)
    }

    /// As [`Self::translate`], each text with its space's glossary and corrections: a
    /// corrected sentence is not sent to the engines (nor cached: it is the space's own).
    pub fn translate_steered(
        &self,
        from: &str,
        to: &str,
        texts: &[Text],
        cache: &dyn SegmentCache,
    ) -> Result<Translated, PipelineError> {
        let routes = self.router().routes(from, to, 2);
        if routes.is_empty() {
            return Err(PipelineError::Unreachable {
                from: from.to_owned(),
                to: to.to_owned(),
            });
        }
        let documents: Vec<Segmented> = texts.iter().map(Text::segment).collect();
        // Per text, per sentence: the teacher's correction, if any.
        let corrections: Vec<Vec<Option<&str>>> = texts
            .iter()
            .zip(&documents)
            .map(|(text, document)| {
                (0..document.segments.len())
                    .map(|k| {
                        if text.steering.has_corrections() {
                            text.steering.correction(&document.source_text(k))
                        } else {
                            None
                        }
                    })
                    .collect()
            })
            .collect();
        let mut results: Vec<Option<TextOutcome>> = vec![None; documents.len()];
        let mut guards: Vec<Vec<GuardHit>> = vec![Vec::new(); documents.len()];
        let mut engine_segments = 0;
        for (attempt, route) in routes.iter().enumerate() {
            let waiting: Vec<usize> = (0..documents.len())
                .filter(|i| results[*i].is_none())
                .collect();
            if waiting.is_empty() {
                break;
            }
            let sentences = self.translate_sentences(
                from,
                to,
                route,
                waiting.iter().flat_map(|i| {
                    documents[*i]
                        .segments
                        .iter()
                        .zip(&corrections[*i])
                        .filter(|(_, corrected)| corrected.is_none())
                        .map(|(sentence, _)| sentence.as_str())
                }),
                cache,
            )?;
            engine_segments += sentences.engine_count;
            let model = route.model();
            let last = attempt + 1 == routes.len();
            for i in waiting {
                let document = &documents[i];
                let mut tripped: Vec<QualityGuard> = document
                    .segments
                    .iter()
                    .zip(&corrections[i])
                    .filter(|(_, corrected)| corrected.is_none())
                    .filter_map(|(s, _)| sentences.guarded.get(s.as_str()).copied())
                    .collect();
                tripped.sort_by_key(|guard| guard.as_str());
                tripped.dedup();
                if tripped.is_empty() {
                    let segments: Vec<String> = document
                        .segments
                        .iter()
                        .zip(&corrections[i])
                        .map(|(s, corrected)| match corrected {
                            Some(correction) => (*correction).to_owned(),
                            None => sentences
                                .translated
                                .get(s.as_str())
                                .cloned()
                                .unwrap_or_else(|| s.clone()),
                        })
                        .collect();
                    let corrected: Vec<bool> = corrections[i].iter().map(Option::is_some).collect();
                    results[i] = Some(TextOutcome::Translated {
                        text: document.render_corrected(&segments, &corrected),
                        sentences: sentence_pairs(document, &segments, &corrected),
                        segments,
                        engine: route.engine(),
                        model: model.clone(),
                    });
                    continue;
                }
                guards[i].extend(tripped.iter().map(|guard| GuardHit {
                    model: model.clone(),
                    guard: *guard,
                }));
                if last {
                    let fired: Vec<String> = guards[i]
                        .iter()
                        .map(|hit| format!("{} ({})", hit.guard, hit.model))
                        .collect();
                    results[i] = Some(TextOutcome::Rejected {
                        reason: format!("failed the quality guards: {}", fired.join(", ")),
                    });
                }
            }
        }
        let texts = results
            .into_iter()
            .zip(guards)
            .map(|(outcome, guards)| TextResult {
                outcome: outcome.unwrap_or_else(|| TextOutcome::Rejected {
                    reason: "no route translated it".to_owned(),
                }),
                guards,
            })
            .collect();
        Ok(Translated {
            texts,
            engine_segments,
        })
    }

    /// The sentences of `documents` through one route: from the cache where it has them,
    /// the rest through the engines, in one batch per hop. What the engines make is
    /// checked by the quality guards; only what passes is cached.
    fn translate_sentences<'a>(
        &self,
        from: &str,
        to: &str,
        route: &Route,
        sentences: impl Iterator<Item = &'a str>,
        cache: &dyn SegmentCache,
    ) -> Result<Sentences<'a>, PipelineError> {
        let model = route.model();
        let mut unique: Vec<&str> = sentences.collect();
        unique.sort_unstable();
        unique.dedup();
        let keys: Vec<String> = unique
            .iter()
            .map(|s| segment_key(from, to, &model, s))
            .collect();
        let known = cache.get(&keys);
        let mut out = Sentences {
            translated: HashMap::with_capacity(unique.len()),
            guarded: HashMap::new(),
            engine_count: 0,
        };
        let mut missing: Vec<(&str, &String)> = Vec::new();
        for (sentence, key) in unique.iter().zip(&keys) {
            match known.get(key) {
                Some(translation) => {
                    out.translated.insert(sentence, translation.clone());
                }
                None => missing.push((sentence, key)),
            }
        }
        if missing.is_empty() {
            return Ok(out);
        }
        let mut batch: Vec<String> = missing.iter().map(|(s, _)| (*s).to_owned()).collect();
        for hop in &route.hops {
            let translated = hop.engine.translate(&hop.pair, &batch)?;
            // Every mark of the sentence comes out, paired, whatever the engine did.
            batch = batch
                .iter()
                .zip(translated)
                .map(|(sentence, translation)| {
                    if markup::has_marks(sentence) {
                        markup::repair(sentence, &translation)
                    } else {
                        translation
                    }
                })
                .collect();
        }
        out.engine_count = missing.len();
        let mut entries = Vec::with_capacity(missing.len());
        for ((sentence, key), translation) in missing.into_iter().zip(batch) {
            let guard = self
                .quality_guards
                .then(|| quality::check(sentence, &translation))
                .flatten();
            match guard {
                Some(guard) => {
                    out.guarded.insert(sentence, guard);
                }
                None => {
                    entries.push((key.clone(), translation.clone()));
                    out.translated.insert(sentence, translation);
                }
            }
        }
        cache.put(&entries);
        Ok(out)
    }
}

/// A text's sentences beside their translations, in words.
pub fn sentence_pairs(
    document: &Segmented,
    translations: &[String],
    corrected: &[bool],
) -> Vec<SentencePair> {
    translations
        .iter()
        .enumerate()
        .map(|(k, translation)| {
            let corrected = corrected.get(k).copied().unwrap_or(false);
            SentencePair {
                source: document.source_text(k),
                translation: if corrected {
                    translation.clone()
                } else {
                    document.translated_text(k, translation)
                },
                corrected,
            }
        })
        .collect()
}

/// One route's translations of a batch's sentences.
struct Sentences<'a> {
    translated: HashMap<&'a str, String>,
    /// Sentences whose translation tripped a guard.
    guarded: HashMap<&'a str, QualityGuard>,
    /// How many the engines translated.
    engine_count: usize,
}
