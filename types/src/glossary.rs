//! How teachers steer translation in their space: the class glossary (terms never
//! translated, terms with a fixed translation) and approved corrections of single
//! sentences, with the flags readers raise on a translated sentence.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A space's glossary, read and written whole (`GET`/`PUT /api/v1/spaces/{slug}/glossary`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Glossary {
    #[schema(max_items = 200)] // limits::GLOSSARY_ENTRIES_MAX
    pub entries: Vec<GlossaryEntry>,
}

/// One term. Without translations it is never translated: it reaches every reader as it
/// is written (a classmate's name, a project's name). With translations, readers of those
/// languages get exactly that text for it; readers of other languages get the engine's.
///
/// A term matches whole words only. It matches regardless of case when it is written
/// all in lower case, and only as written otherwise: `Rosa` (a name) leaves the colour
/// `rosa` alone, `panel solar` matches `Panel solar` too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct GlossaryEntry {
    #[schema(schema_with = crate::constraints::glossary_text)]
    pub term: String,
    /// The language the term is written in; absent or null: in posts of any language.
    #[serde(default)]
    #[schema(schema_with = crate::constraints::optional_language_tag)]
    pub lang: Option<String>,
    /// The term's fixed translation per language; empty: never translated.
    #[serde(default)]
    #[schema(max_items = 12)] // limits::GLOSSARY_TRANSLATIONS_MAX
    pub translations: Vec<TermTranslation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TermTranslation {
    #[schema(schema_with = crate::constraints::language_tag)]
    pub lang: String,
    #[schema(schema_with = crate::constraints::glossary_text)]
    pub text: String,
}

/// `POST /api/v1/posts/{id}/translation-flags`: a reader says one sentence of the post's
/// translation is wrong.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FlagSentenceRequest {
    /// The translation's language.
    #[schema(schema_with = crate::constraints::language_tag)]
    pub lang: String,
    /// The sentence's place in the translation's `sentences`, from 0.
    #[serde(deserialize_with = "crate::whole::deserialize")]
    #[schema(minimum = 0, maximum = 10000)]
    pub sentence: i64,
    /// What the reader would write instead.
    #[serde(default)]
    #[schema(schema_with = crate::constraints::optional_correction)]
    pub suggestion: Option<String>,
}

/// One sentence of a translation beside its source, as readers flag them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SentencePair {
    pub source: String,
    pub translation: String,
    /// A teacher's approved correction, not the engine's output.
    #[serde(default)]
    pub corrected: bool,
}

/// `GET /api/v1/posts/{id}/sentences?lang=`: a post's translation, sentence by sentence.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PostSentences {
    pub post_id: i64,
    pub thread_id: i64,
    pub source_lang: String,
    pub lang: String,
    pub sentences: Vec<SentencePair>,
}

/// A reader's flag, as the space's teachers see it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TranslationFlagView {
    pub id: i64,
    pub post_id: i64,
    pub thread_id: i64,
    pub source_lang: String,
    pub target_lang: String,
    pub source: String,
    /// What the engine made of it when the reader flagged it.
    pub machine: String,
    pub suggestion: Option<String>,
    pub flagged_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CorrectionView {
    pub id: i64,
    pub source_lang: String,
    pub target_lang: String,
    pub source: String,
    pub translation: String,
    pub approved_by: Option<String>,
    pub approved_at: DateTime<Utc>,
}

/// `GET /api/v1/spaces/{slug}/corrections`: open flags, and the corrections in use.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CorrectionsView {
    pub flags: Vec<TranslationFlagView>,
    pub corrections: Vec<CorrectionView>,
}

/// `POST /api/v1/spaces/{slug}/corrections`: a teacher approves a translation of one
/// flagged sentence. It replaces the engine's for that sentence between those languages
/// everywhere in the space, and closes every flag on it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ApproveCorrectionRequest {
    #[serde(deserialize_with = "crate::whole::deserialize")]
    pub flag_id: i64,
    #[schema(schema_with = crate::constraints::correction)]
    pub translation: String,
}

/// A term of a job's glossary: the entries of its space that apply to its languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct JobTerm {
    pub term: String,
    /// The fixed translation; absent: kept as written.
    #[serde(default)]
    pub translation: Option<String>,
}

/// An approved correction a job's text may need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct JobCorrection {
    pub source: String,
    pub translation: String,
}
