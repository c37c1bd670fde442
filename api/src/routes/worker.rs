//! What remote translation workers call, with a worker token: lease jobs of the pairs
//! they translate, hand results back, and look sentences up in the shared cache. Only the
//! server writes that cache, from the sentences of results it has checked.

use actix_web::post;
use actix_web::web::{Data, Json};
use pontis_models::Error;
use pontis_models::translation::{lease, routes, segment_cache};
use pontis_translator::pipeline::{Text, TextKind, segment_key, sentence_pairs};
use pontis_translator::steer::Steering;
use pontis_types::lang::{normalize, translation_target};
use pontis_types::limits::{
    GUARD_HITS_MAX, LEASE_JOBS_MAX, LEASE_PAIRS_MAX, LEASE_SECONDS_MAX, LEASE_SECONDS_MIN,
    MODEL_NAME_MAX, RESULT_CHARS_PER_SOURCE_CHAR, RESULT_SLACK_CHARS, WORKER_INSTANCE_MAX, chars,
    required,
};
use pontis_types::{
    CompleteRequest, CompleteResponse, JobOutcome, LeaseRequest, LeasedJob, SegmentEntries,
    SegmentLookup, SentencePair, SourceKind,
};

use crate::auth::WorkerAuth;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// Leases are held per token and instance, so one worker cannot complete another's jobs.
fn owner(worker: &WorkerAuth, instance: &str) -> Result<String, ApiError> {
    let Some(instance) = required(instance, WORKER_INSTANCE_MAX) else {
        return Err(ApiError::InvalidJson(format!(
            "instance must be 1 to {WORKER_INSTANCE_MAX} characters, without NUL"
        )));
    };
    Ok(format!("remote:{}:{instance}", worker.0.id))
}

/// Lease up to `limit` jobs of the declared `pairs` for `lease_seconds`. At most 256 jobs
/// for 10 to 900 seconds at a time, naming 1 to 1,000 pairs. The pairs are also announced
/// for a day: readers may then ask for them on demand.
#[utoipa::path(
    tag = "worker",
    security(("bearer" = [])),
    request_body = LeaseRequest,
    responses(
        (status = 200, body = Vec<LeasedJob>),
    )
)]
#[post("/worker/lease")]
pub async fn lease_jobs(
    state: Data<AppState>,
    worker: WorkerAuth,
    body: Json<LeaseRequest>,
) -> ApiResult<Json<Vec<LeasedJob>>> {
    let owner = owner(&worker, &body.instance)?;
    if !(1..=LEASE_JOBS_MAX).contains(&body.limit) {
        return Err(Error::InvalidLimit {
            max: LEASE_JOBS_MAX as usize,
        }
        .into());
    }
    if !(LEASE_SECONDS_MIN..=LEASE_SECONDS_MAX).contains(&body.lease_seconds) {
        return Err(ApiError::InvalidJson(format!(
            "lease_seconds must be {LEASE_SECONDS_MIN} to {LEASE_SECONDS_MAX}"
        )));
    }
    if body.pairs.is_empty() || body.pairs.len() > LEASE_PAIRS_MAX {
        return Err(ApiError::InvalidJson(format!(
            "pairs must name 1 to {LEASE_PAIRS_MAX} language pairs"
        )));
    }
    let target_form = |tag: &str| normalize(tag).map(|t| translation_target(&t));
    let pairs = body
        .pairs
        .iter()
        .map(|p| Ok((target_form(&p.from)?, target_form(&p.to)?)))
        .collect::<Result<Vec<_>, pontis_types::lang::InvalidLanguageTag>>()
        .map_err(Error::from)?;
    let (limit, seconds) = (body.limit, body.lease_seconds);
    Ok(Json(
        state
            .run(move |db| {
                routes::announce_remote(db, &owner, &pairs)?;
                lease::lease(
                    db,
                    &owner,
                    limit,
                    chrono::Duration::seconds(seconds),
                    Some(&pairs),
                )
            })
            .await?,
    ))
}

/// Hand back a job's outcome; `applied` is false when the lease was lost meanwhile. A
/// translation must carry the job's sentences translated, one for each sentence of its
/// text, and be at most 4 times the text's characters plus 1,024; else it is refused
/// (`invalid_translation`) and the job stays leased until its lease runs out. A worker's
/// `unreachable` or `rejected` counts as a failure: another worker may reach the pair, or
/// translate it better. Up to 16 quality guard hits, counted for the admin page.
#[utoipa::path(
    tag = "worker",
    security(("bearer" = [])),
    request_body = CompleteRequest,
    responses(
        (status = 200, body = CompleteResponse),
    )
)]
#[post("/worker/complete")]
pub async fn complete(
    state: Data<AppState>,
    worker: WorkerAuth,
    body: Json<CompleteRequest>,
) -> ApiResult<Json<CompleteResponse>> {
    let owner = owner(&worker, &body.instance)?;
    let mut body = body.into_inner();
    let guards = std::mem::take(&mut body.guards);
    if guards.len() > GUARD_HITS_MAX
        || guards
            .iter()
            .any(|hit| required(&hit.model, MODEL_NAME_MAX).is_none())
    {
        return Err(ApiError::InvalidTranslation {
            reason: format!(
                "at most {GUARD_HITS_MAX} quality guard hits, each naming a model of 1 to \
                 {MODEL_NAME_MAX} characters"
            ),
        });
    }
    let (job_id, revision) = (body.job_id, body.revision);
    let held = {
        let owner = owner.clone();
        state
            .run(move |db| lease::held_job(db, &owner, job_id, revision))
            .await?
    };
    let Some(job) = held else {
        return Ok(Json(CompleteResponse { applied: false }));
    };
    let (
        outcome,
        Checked {
            cache: cache_entries,
            sentences,
        },
    ) = match body.outcome {
        JobOutcome::Translated {
            text,
            engine,
            model,
        } => {
            let checked = checked_sentences(&job, &text, &model, body.segments)?;
            (
                JobOutcome::Translated {
                    text,
                    engine,
                    model,
                },
                checked,
            )
        }
        // Another worker may have other engines: a failure, retried.
        JobOutcome::Unreachable { reason } | JobOutcome::Rejected { reason } => {
            (JobOutcome::Failed { error: reason }, Checked::default())
        }
        failed @ JobOutcome::Failed { .. } => (failed, Checked::default()),
    };
    let applied = state
        .run(move |db| {
            let applied =
                lease::complete(db, &owner, job_id, revision, &outcome, &sentences, &guards)?;
            if applied {
                segment_cache::store_segments(db, &cache_entries)?;
            }
            Ok(applied)
        })
        .await?;
    Ok(Json(CompleteResponse { applied }))
}

/// What the server keeps of a worker's sentences.
#[derive(Default)]
struct Checked {
    /// Entries for the shared sentence cache.
    cache: Vec<(String, String)>,
    /// The translation's sentences beside their sources.
    sentences: Vec<SentencePair>,
}

/// The cache entries a worker's translation of `job` gives, once it is checked against
/// the job's own text: as many sentences as the text has, and no larger than the text
/// allows. The keys are derived here, so a worker cannot write any other entry; a
/// sentence the space's teachers corrected is the space's own and is not cached.
fn checked_sentences(
    job: &LeasedJob,
    text: &str,
    model: &str,
    sentences: Vec<String>,
) -> Result<Checked, ApiError> {
    let refuse = |reason: String| Err(ApiError::InvalidTranslation { reason });
    let allowed = chars(&job.text) * RESULT_CHARS_PER_SOURCE_CHAR + RESULT_SLACK_CHARS;
    let in_sentences = sentences.iter().map(|s| chars(s)).sum::<usize>();
    let longest = chars(text).max(in_sentences);
    if longest > allowed {
        return refuse(format!(
            "{longest} characters for a text of {}",
            chars(&job.text)
        ));
    }
    let steering = Steering::of(job);
    let source = Text {
        kind: match job.kind {
            SourceKind::Post => TextKind::Markdown,
            SourceKind::Title => TextKind::Plain,
        },
        text: &job.text,
        steering: &steering,
    }
    .segment();
    if sentences.len() != source.segments.len() {
        return refuse(format!(
            "{} sentences for a text of {}",
            sentences.len(),
            source.segments.len()
        ));
    }
    let corrected: Vec<bool> = (0..source.segments.len())
        .map(|k| steering.correction(&source.source_text(k)).is_some())
        .collect();
    let pairs = sentence_pairs(&source, &sentences, &corrected);
    let cache = source
        .segments
        .iter()
        .zip(sentences)
        .zip(&corrected)
        .filter(|(_, corrected)| !**corrected)
        .map(|((sentence, translation), _)| {
            let key = segment_key(&job.source_lang, &job.target_lang, model, sentence);
            (key, translation)
        })
        .collect();
    Ok(Checked {
        cache,
        sentences: pairs,
    })
}

/// Cached sentence translations for these keys.
#[utoipa::path(
    tag = "worker",
    security(("bearer" = [])),
    request_body = SegmentLookup,
    responses((status = 200, body = SegmentEntries))
)]
#[post("/worker/segments/lookup")]
pub async fn lookup_segments(
    state: Data<AppState>,
    _worker: WorkerAuth,
    body: Json<SegmentLookup>,
) -> ApiResult<Json<SegmentEntries>> {
    let keys = body.into_inner().keys;
    let entries = state
        .run(move |db| segment_cache::cached_segments(db, &keys))
        .await?;
    Ok(Json(SegmentEntries { entries }))
}
