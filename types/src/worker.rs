//! The protocol between the server and translation workers on other machines (a school's
//! GPU box), and the worker tokens admins hand out for it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::translation::SourceKind;

/// A job a worker holds, with the text to translate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct LeasedJob {
    pub id: i64,
    pub kind: SourceKind,
    pub source_id: i64,
    pub source_lang: String,
    pub target_lang: String,
    pub revision: i32,
    pub text: String,
    /// The glossary of the text's space for these languages, longest term first.
    #[serde(default)]
    pub glossary: Vec<crate::glossary::JobTerm>,
    /// The space's approved corrections for these languages.
    #[serde(default)]
    pub corrections: Vec<crate::glossary::JobCorrection>,
}

/// What a worker made of a job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum JobOutcome {
    Translated {
        text: String,
        engine: String,
        model: String,
    },
    /// No installed engine connects the two languages: not retried.
    Unreachable { reason: String },
    /// Retried until the server's attempt limit.
    Failed { error: String },
    /// Every route's translation failed a quality guard: not retried, since the same
    /// engines would translate it the same way.
    Rejected { reason: String },
}

/// A language pair a worker translates, in the form jobs name languages
/// (`lang::translation_target`: `pt`, `zh-Hant`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct LanguagePair {
    #[schema(schema_with = crate::constraints::language_tag)]
    pub from: String,
    #[schema(schema_with = crate::constraints::language_tag)]
    pub to: String,
}

/// `POST /api/v1/worker/lease`: what a remote worker asks for.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LeaseRequest {
    /// This worker process, unique among the token's workers: `gpu-box-1/4711`.
    #[schema(schema_with = crate::constraints::worker_instance)]
    pub instance: String,
    /// Jobs wanted, 1 to `limits::LEASE_JOBS_MAX` (256).
    #[schema(schema_with = crate::constraints::lease_limit)]
    #[serde(deserialize_with = "crate::whole::deserialize")]
    pub limit: i64,
    /// Lease length, `limits::LEASE_SECONDS_MIN` to `LEASE_SECONDS_MAX` (10 to 900).
    #[schema(schema_with = crate::constraints::lease_seconds)]
    #[serde(deserialize_with = "crate::whole::deserialize")]
    pub lease_seconds: i64,
    /// The pairs this worker translates, 1 to `limits::LEASE_PAIRS_MAX`; it is given
    /// jobs of these pairs only.
    #[schema(schema_with = crate::constraints::language_pairs)]
    pub pairs: Vec<LanguagePair>,
}

/// `POST /api/v1/worker/complete`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CompleteRequest {
    #[schema(schema_with = crate::constraints::worker_instance)]
    pub instance: String,
    #[serde(deserialize_with = "crate::whole::deserialize")]
    pub job_id: i64,
    #[serde(deserialize_with = "crate::whole::deserialize")]
    pub revision: i32,
    pub outcome: JobOutcome,
    /// With a translation: each sentence of the job's text translated, in the order the
    /// text's segmentation gives them. The server checks them against the source and
    /// keeps them in the shared sentence cache; nothing else writes that cache.
    #[serde(default)]
    pub segments: Vec<String>,
    /// The quality guards that fired on this job's text, whatever its outcome: the
    /// admin page counts them per model.
    #[serde(default)]
    #[schema(max_items = 16)] // limits::GUARD_HITS_MAX
    pub guards: Vec<crate::translation::GuardHit>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CompleteResponse {
    /// False when the lease was lost (it ran out, or an edit re-queued the job).
    pub applied: bool,
}

/// `POST /api/v1/worker/segments/lookup`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SegmentLookup {
    pub keys: Vec<String>,
}

/// The answer to a segment lookup: cached translations by key.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct SegmentEntries {
    pub entries: HashMap<String, String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct CreateWorkerRequest {
    /// Which machine, for people: `gpu-box-lyon`.
    #[schema(schema_with = crate::constraints::token_name)]
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WorkerView {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreatedWorkerView {
    #[serde(flatten)]
    pub worker: WorkerView,
    /// For `pontis worker --token`; shown once, only its hash is stored.
    pub token: String,
}
