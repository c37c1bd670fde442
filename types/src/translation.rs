//! Translations as readers see them, and the translation queue as admins see it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text_enum::text_enum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TranslationStatus {
    /// Translates the current revision.
    Ready,
    /// Queued or being translated; `body` is absent.
    Pending,
    /// Translates an earlier revision; the new one is on its way.
    Stale,
    /// No installed engine connects the languages, or translating failed for good.
    Unavailable,
}

/// A text in the reader's language.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TranslationView {
    pub lang: String,
    pub status: TranslationStatus,
    pub body: Option<String>,
    /// `ctranslate2`, `apertium`, or both joined by `+` for a pivot.
    pub engine: Option<String>,
    pub model: Option<String>,
    /// Some of its sentences are a teacher's approved corrections, not the engine's.
    #[serde(default)]
    pub corrected: bool,
}

text_enum! {
    /// What a translation translates.
    #[derive(ToSchema)]
    pub enum SourceKind {
        /// A post body, Markdown.
        Post = "post",
        /// A thread title, plain text.
        Title = "title",
    }
}

text_enum! {
    /// A check every sentence an engine translates must pass before it is stored: the
    /// ways small models are known to fail.
    #[derive(ToSchema)]
    pub enum QualityGuard {
        /// Nothing came out of a sentence with words.
        Empty = "empty",
        /// The same words over and over, which the source does not do.
        Looping = "looping",
        /// Far longer or far shorter than its source.
        OutOfProportion = "out_of_proportion",
    }
}

/// A quality guard that fired on a model's translation of a job's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct GuardHit {
    /// The model, as stored with translations (`opus-mt-es-en`, `spa-eng`).
    #[schema(schema_with = crate::constraints::model_name)]
    pub model: String,
    pub guard: QualityGuard,
}

text_enum! {
    /// Where a translation job stands.
    #[derive(ToSchema)]
    pub enum JobState {
        /// Waiting for a worker.
        Queued = "queued",
        /// A worker holds it until its lease runs out.
        Leased = "leased",
        /// Translated, or its source is gone.
        Done = "done",
        /// Failed every attempt; its last error is kept.
        Failed = "failed",
        /// No installed engine connects its languages.
        Unreachable = "unreachable",
    }
}

impl JobState {
    /// Whether readers are told the translation will not come.
    pub fn is_final_failure(self) -> bool {
        matches!(self, JobState::Failed | JobState::Unreachable)
    }
}

/// A job as admins see it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct JobView {
    pub id: i64,
    pub kind: SourceKind,
    pub source_id: i64,
    pub source_lang: String,
    pub target_lang: String,
    pub revision: i32,
    pub state: JobState,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub lease_owner: Option<String>,
    pub updated_at: DateTime<Utc>,
}
