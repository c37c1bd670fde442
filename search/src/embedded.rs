//! The embedded backend: a tantivy index in the data directory, in the server's process.
//! Each language family has its own text field and analyzer (see [`crate::languages`]);
//! a query is analyzed once per field, so "panels" finds an English "panel" and "太阳能"
//! a Chinese post. Permission filters are clauses of the same query, and a collector keeps
//! the best document per post, so counts and pages are counts and pages of posts.

use std::collections::HashMap;
use std::ops::Bound;
use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery, TermSetQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::{
    DocAddress, DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher,
    SegmentOrdinal, SegmentReader, TantivyDocument, Term,
};

use crate::cjk::CjkBigramTokenizer;
use crate::languages::{Analysis, FIELDS, LanguageField, field_for};
use crate::text::{char_ranges, indexed_text};
use crate::{
    DocumentKind, Hit, PostDocuments, SearchDocument, SearchError, SearchIndex, SearchPage,
    SearchQuery, Snippet,
};

/// Memory the writer may buffer before it flushes a segment, shared by its threads.
const WRITER_MEMORY_BYTES: usize = 96 * 1024 * 1024;
/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 180;
/// Words shorter than this are not matched with a typo: too many words are one edit away.
const FUZZY_MIN_CHARS: usize = 5;

struct Fields {
    id: Field,
    post_id: Field,
    space_id: Field,
    author_id: Field,
    kind: Field,
    lang: Field,
    origin_lang: Field,
    visible: Field,
    created_at: Field,
    texts: Vec<(&'static LanguageField, Field)>,
}

impl Fields {
    fn text_field(&self, lang: &str) -> Field {
        let wanted = field_for(lang);
        self.texts
            .iter()
            .find(|(language, _)| language.code == wanted.code)
            .or(self.texts.last())
            .map(|(_, field)| *field)
            .unwrap_or(self.id)
    }
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let texts = FIELDS
        .iter()
        .map(|language| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(&analyzer_name(language))
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let options = TextOptions::default()
                .set_indexing_options(indexing)
                .set_stored();
            let field = builder.add_text_field(&format!("text_{}", language.code), options);
            (language, field)
        })
        .collect();
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        post_id: builder.add_u64_field("post_id", INDEXED | FAST | STORED),
        space_id: builder.add_u64_field("space_id", INDEXED),
        author_id: builder.add_u64_field("author_id", INDEXED),
        kind: builder.add_text_field("kind", STRING | STORED),
        lang: builder.add_text_field("lang", STRING | STORED),
        origin_lang: builder.add_text_field("origin_lang", STRING),
        visible: builder.add_bool_field("visible", INDEXED),
        created_at: builder.add_i64_field("created_at", INDEXED | FAST),
        texts,
    };
    (builder.build(), fields)
}

fn analyzer_name(language: &LanguageField) -> String {
    format!("pontis_{}", language.code)
}

fn analyzer(analysis: Analysis) -> TextAnalyzer {
    match analysis {
        // Folding accents after stemming lets "energia" find "energía" without feeding
        // the stemmer words it does not know.
        Analysis::Stemmed(language) => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(Stemmer::new(language))
            .filter(AsciiFoldingFilter)
            .build(),
        Analysis::CjkBigrams => TextAnalyzer::builder(CjkBigramTokenizer)
            .filter(LowerCaser)
            .build(),
        Analysis::Words => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    }
}

pub struct EmbeddedIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
}

impl std::fmt::Debug for EmbeddedIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmbeddedIndex").finish_non_exhaustive()
    }
}

impl EmbeddedIndex {
    /// Opens the index in `dir`, creating it when absent. Fails when another process holds
    /// it (a running `pontis serve`).
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| SearchError::Backend(format!("creating {}: {e}", dir.display())))?;
        let (schema, fields) = schema();
        let directory = MmapDirectory::open(dir).map_err(tantivy::TantivyError::from)?;
        Self::with_index(Index::open_or_create(directory, schema)?, fields).map_err(|e| match e {
            SearchError::Index(tantivy::TantivyError::LockFailure(..)) => {
                SearchError::Backend(format!(
                    "the search index in {} is in use by another process, such as a running \
                     `pontis serve`; stop it first",
                    dir.display()
                ))
            }
            other => other,
        })
    }

    /// An index in memory, for tests.
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = schema();
        Self::with_index(Index::create_in_ram(schema), fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<Self, SearchError> {
        for language in FIELDS {
            index
                .tokenizers()
                .register(&analyzer_name(language), analyzer(language.analysis));
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let writer = index.writer(WRITER_MEMORY_BYTES)?;
        Ok(Self {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
        })
    }

    fn writer(&self) -> Result<std::sync::MutexGuard<'_, IndexWriter>, SearchError> {
        self.writer
            .lock()
            .map_err(|_| SearchError::Backend("index writer poisoned".into()))
    }

    fn to_tantivy(&self, document: &SearchDocument) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &document.id);
        doc.add_u64(f.post_id, id_value(document.post_id));
        doc.add_u64(f.space_id, id_value(document.space_id));
        doc.add_u64(f.author_id, id_value(document.author_id));
        doc.add_text(f.kind, kind_name(document.kind));
        doc.add_text(f.lang, &document.lang);
        doc.add_text(f.origin_lang, &document.origin_lang);
        doc.add_bool(f.visible, document.visible);
        doc.add_i64(f.created_at, document.created_at);
        doc.add_text(
            f.text_field(&document.lang),
            indexed_text(document.kind, &document.text),
        );
        doc
    }

    /// The terms `word` gives in one field, in order.
    fn analyze(&self, field: Field, word: &str) -> Result<Vec<Term>, SearchError> {
        let mut analyzer = self.index.tokenizer_for_field(field)?;
        let mut stream = analyzer.token_stream(word);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(Term::from_field_text(field, &stream.token().text));
        }
        Ok(terms)
    }

    /// Every word must match, each in any language's field. `None` when no word gives a
    /// term, e.g. a query of punctuation.
    fn text_query(&self, text: &str, typos: bool) -> Result<Option<Box<dyn Query>>, SearchError> {
        let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for word in text.split_whitespace() {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for (_, field) in &self.fields.texts {
                let mut terms = self.analyze(*field, word)?;
                let query: Box<dyn Query> = match terms.len() {
                    0 => continue,
                    1 => {
                        let term = terms.remove(0);
                        if typos && word.chars().count() >= FUZZY_MIN_CHARS {
                            Box::new(FuzzyTermQuery::new(term, 1, true))
                        } else {
                            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                        }
                    }
                    _ => Box::new(PhraseQuery::new(terms)),
                };
                alternatives.push((Occur::Should, query));
            }
            if !alternatives.is_empty() {
                words.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
            }
        }
        Ok((!words.is_empty()).then(|| Box::new(BooleanQuery::new(words)) as Box<dyn Query>))
    }

    /// What the reader may see and asked to narrow to, as clauses that do not score.
    fn filters(&self, query: &SearchQuery, spaces: &[i64]) -> Vec<(Occur, Box<dyn Query>)> {
        let f = &self.fields;
        let u64_terms = |field: Field, ids: &[i64]| -> Vec<Term> {
            ids.iter()
                .map(|id| Term::from_field_u64(field, id_value(*id)))
                .collect()
        };
        let mut may_see: Vec<(Occur, Box<dyn Query>)> = vec![
            (
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_bool(f.visible, true),
                    IndexRecordOption::Basic,
                )),
            ),
            (
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_u64(f.author_id, id_value(query.scope.user_id)),
                    IndexRecordOption::Basic,
                )),
            ),
        ];
        if !query.scope.moderated_spaces.is_empty() {
            may_see.push((
                Occur::Should,
                Box::new(TermSetQuery::new(u64_terms(
                    f.space_id,
                    &query.scope.moderated_spaces,
                ))),
            ));
        }
        let mut filters: Vec<Box<dyn Query>> = vec![
            Box::new(TermSetQuery::new(u64_terms(f.space_id, spaces))),
            Box::new(BooleanQuery::new(may_see)),
        ];
        if let Some(author) = query.author_id {
            filters.push(Box::new(TermQuery::new(
                Term::from_field_u64(f.author_id, id_value(author)),
                IndexRecordOption::Basic,
            )));
        }
        if let Some(lang) = &query.origin_lang {
            filters.push(Box::new(TermQuery::new(
                Term::from_field_text(f.origin_lang, lang),
                IndexRecordOption::Basic,
            )));
        }
        if query.since.is_some() || query.until.is_some() {
            let bound = |at: Option<i64>| match at {
                Some(at) => Bound::Included(Term::from_field_i64(f.created_at, at)),
                None => Bound::Unbounded,
            };
            filters.push(Box::new(RangeQuery::new(
                bound(query.since),
                bound(query.until),
            )));
        }
        filters
            .into_iter()
            .map(|q| {
                (
                    Occur::Must,
                    Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>,
                )
            })
            .collect()
    }

    /// Posts matching `text` within the filters, best first.
    fn matching(
        &self,
        searcher: &Searcher,
        text: &dyn Query,
        query: &SearchQuery,
        spaces: &[i64],
    ) -> Result<Vec<RankedPost>, SearchError> {
        let mut clauses = vec![(Occur::Must, text.box_clone())];
        clauses.extend(self.filters(query, spaces));
        let best = searcher.search(&BooleanQuery::new(clauses), &BestPerPost)?;
        let mut ranked: Vec<RankedPost> = best
            .into_iter()
            .map(|(post, (score, address))| (post, score, address))
            .collect();
        // Ties go to the newer post.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        Ok(ranked)
    }

    /// For posts on the page, their best matching document in the reader's language, so
    /// that a snippet reads in that language whenever one matched.
    fn in_reader_language(
        &self,
        searcher: &Searcher,
        text: &dyn Query,
        lang: &str,
        posts: &[u64],
    ) -> Result<HashMap<u64, DocAddress>, SearchError> {
        let f = &self.fields;
        let query = BooleanQuery::new(vec![
            (Occur::Must, text.box_clone()),
            (
                Occur::Must,
                Box::new(TermSetQuery::new(
                    posts.iter().map(|p| Term::from_field_u64(f.post_id, *p)),
                )),
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.lang, lang),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let top = searcher.search(
            &query,
            &TopDocs::with_limit(posts.len() * 2).order_by_score(),
        )?;
        let mut found = HashMap::new();
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(post) = doc.get_first(f.post_id).and_then(|v| v.as_u64()) {
                found.entry(post).or_insert(address);
            }
        }
        Ok(found)
    }

    fn hit(
        &self,
        searcher: &Searcher,
        text: &dyn Query,
        post: u64,
        address: DocAddress,
    ) -> Result<Hit, SearchError> {
        let f = &self.fields;
        let doc: TantivyDocument = searcher.doc(address)?;
        let stored = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let lang = stored(f.lang);
        let field = f.text_field(&lang);
        let mut generator = SnippetGenerator::create(searcher, text, field)?;
        generator.set_max_num_chars(SNIPPET_CHARS);
        let found = generator.snippet_from_doc(&doc);
        let snippet = if found.fragment().is_empty() {
            // A match by typo has no exact terms to mark: show the text's start.
            Snippet {
                text: stored(field).chars().take(SNIPPET_CHARS).collect(),
                highlights: Vec::new(),
            }
        } else {
            Snippet {
                text: found.fragment().to_owned(),
                highlights: char_ranges(found.fragment(), found.highlighted().iter().cloned()),
            }
        };
        Ok(Hit {
            post_id: i64::try_from(post).unwrap_or_default(),
            matched_lang: lang,
            matched_kind: if stored(f.kind) == kind_name(DocumentKind::Title) {
                DocumentKind::Title
            } else {
                DocumentKind::Body
            },
            snippet,
        })
    }
}

impl SearchIndex for EmbeddedIndex {
    fn replace(&self, posts: &[PostDocuments]) -> Result<(), SearchError> {
        let mut writer = self.writer()?;
        for post in posts {
            writer.delete_term(Term::from_field_u64(
                self.fields.post_id,
                id_value(post.post_id),
            ));
            for document in &post.documents {
                writer.add_document(self.to_tantivy(document))?;
            }
        }
        writer.commit()?;
        drop(writer);
        self.reader.reload()?;
        Ok(())
    }

    fn clear(&self) -> Result<(), SearchError> {
        let mut writer = self.writer()?;
        writer.delete_all_documents()?;
        writer.commit()?;
        drop(writer);
        self.reader.reload()?;
        Ok(())
    }

    fn search(&self, query: &SearchQuery) -> Result<SearchPage, SearchError> {
        let empty = SearchPage {
            hits: Vec::new(),
            total: 0,
        };
        let spaces = query.spaces();
        if spaces.is_empty() {
            return Ok(empty);
        }
        let searcher = self.reader.searcher();
        let Some(mut text) = self.text_query(&query.text, false)? else {
            return Ok(empty);
        };
        let mut ranked = self.matching(&searcher, text.as_ref(), query, &spaces)?;
        if ranked.is_empty()
            && let Some(typo_tolerant) = self.text_query(&query.text, true)?
        {
            ranked = self.matching(&searcher, typo_tolerant.as_ref(), query, &spaces)?;
            text = typo_tolerant;
        }
        let total = ranked.len() as u64;
        let page: Vec<(u64, DocAddress)> = ranked
            .into_iter()
            .skip(query.offset)
            .take(query.limit)
            .map(|(post, _, address)| (post, address))
            .collect();
        if page.is_empty() {
            return Ok(SearchPage {
                hits: Vec::new(),
                total,
            });
        }
        let posts: Vec<u64> = page.iter().map(|(post, _)| *post).collect();
        let preferred =
            self.in_reader_language(&searcher, text.as_ref(), &query.scope.lang, &posts)?;
        let hits = page
            .into_iter()
            .map(|(post, best)| {
                let address = preferred.get(&post).copied().unwrap_or(best);
                self.hit(&searcher, text.as_ref(), post, address)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(SearchPage { hits, total })
    }

    fn document_count(&self) -> Result<u64, SearchError> {
        Ok(self.reader.searcher().num_docs())
    }
}

fn kind_name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Body => "body",
        DocumentKind::Title => "title",
    }
}

/// Database ids are positive; the index stores them unsigned.
fn id_value(id: i64) -> u64 {
    u64::try_from(id).unwrap_or_default()
}

/// A post, its best document's score, and that document.
type RankedPost = (u64, Score, DocAddress);

/// Keeps the best-scoring document of each post.
struct BestPerPost;

type BestByPost = HashMap<u64, (Score, DocAddress)>;

impl Collector for BestPerPost {
    type Fruit = BestByPost;
    type Child = SegmentBestPerPost;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentBestPerPost> {
        Ok(SegmentBestPerPost {
            segment,
            post_ids: reader.fast_fields().u64("post_id")?,
            best: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, segments: Vec<BestByPost>) -> tantivy::Result<BestByPost> {
        let mut merged = BestByPost::new();
        for segment in segments {
            for (post, found) in segment {
                keep_best(&mut merged, post, found);
            }
        }
        Ok(merged)
    }
}

struct SegmentBestPerPost {
    segment: SegmentOrdinal,
    post_ids: tantivy::columnar::Column<u64>,
    best: BestByPost,
}

impl SegmentCollector for SegmentBestPerPost {
    type Fruit = BestByPost;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(post) = self.post_ids.first(doc) {
            keep_best(
                &mut self.best,
                post,
                (score, DocAddress::new(self.segment, doc)),
            );
        }
    }

    fn harvest(self) -> BestByPost {
        self.best
    }
}

fn keep_best(best: &mut BestByPost, post: u64, found: (Score, DocAddress)) {
    best.entry(post)
        .and_modify(|kept| {
            if found.0 > kept.0 {
                *kept = found;
            }
        })
        .or_insert(found);
}
