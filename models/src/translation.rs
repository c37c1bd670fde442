//! The translation queue and store. Writers queue jobs in their own transaction; workers
//! lease jobs, translate without holding any database lock, and hand results back, which
//! count only while the worker still holds the lease. Readers see each translation with
//! its status. Knows nothing of translation engines.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

use crate::api_types::{TranslationStatus, TranslationView};
use crate::db::{AnyConnection, Db};
use crate::error::{Error, Result};
use crate::lang::same_language;
use crate::rows::{Post, Thread, now};
use crate::schema::{
    memberships, posts, segment_cache, threads, translation_jobs, translations, user_languages,
};
use crate::search;

/// Attempts before a failing job stops and shows its error to admins.
pub const MAX_ATTEMPTS: i32 = 3;
/// New and edited posts go first; backfill for a new member's language waits.
pub const PRIORITY_NEW: i32 = 10;
pub const PRIORITY_ON_DEMAND: i32 = 20;
pub const PRIORITY_BACKFILL: i32 = 0;
/// Threads a new member's language is backfilled for.
pub const BACKFILL_THREADS: i64 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A post body, Markdown.
    Post,
    /// A thread title, plain text.
    Title,
}

impl SourceKind {
    fn as_db(self) -> &'static str {
        match self {
            SourceKind::Post => "post",
            SourceKind::Title => "title",
        }
    }

    fn from_db(text: &str) -> Result<Self> {
        match text {
            "post" => Ok(SourceKind::Post),
            "title" => Ok(SourceKind::Title),
            other => Err(Error::Internal(format!("unexpected source kind {other:?}"))),
        }
    }
}

/// The languages a text must be translated into for a space: the first language of each
/// member who does not read the text's language.
fn target_languages(
    conn: &mut AnyConnection,
    space_id: i64,
    source_lang: &str,
) -> Result<Vec<String>> {
    let rows: Vec<(i64, String)> = user_languages::table
        .inner_join(memberships::table.on(memberships::user_id.eq(user_languages::user_id)))
        .filter(memberships::space_id.eq(space_id))
        .order((
            user_languages::user_id.asc(),
            user_languages::position.asc(),
        ))
        .select((user_languages::user_id, user_languages::lang))
        .load(conn)?;
    let mut by_user: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (user, lang) in rows {
        by_user.entry(user).or_default().push(lang);
    }
    let mut targets: Vec<String> = Vec::new();
    for langs in by_user.values() {
        if langs.iter().any(|l| same_language(l, source_lang)) {
            continue;
        }
        if let Some(first) = langs.first()
            && !targets.iter().any(|t| same_language(t, first))
        {
            targets.push(first.clone());
        }
    }
    Ok(targets)
}

/// Queues (or re-queues, after an edit) one job per target language.
fn queue(
    conn: &mut AnyConnection,
    kind: SourceKind,
    source_id: i64,
    source_lang: &str,
    revision: i32,
    targets: &[String],
    priority: i32,
) -> Result<()> {
    let at = now();
    for target in targets {
        let existing = translation_jobs::table
            .filter(translation_jobs::source_kind.eq(kind.as_db()))
            .filter(translation_jobs::source_id.eq(source_id))
            .filter(translation_jobs::target_lang.eq(target))
            .select((
                translation_jobs::id,
                translation_jobs::source_revision,
                translation_jobs::state,
                translation_jobs::priority,
            ))
            .first::<(i64, i32, String, i32)>(conn)
            .optional()?;
        match existing {
            // Already queued or done for this revision: nothing to add.
            Some((_, queued_revision, state, _))
                if queued_revision == revision && state != "failed" => {}
            Some((id, _, _, old_priority)) => {
                diesel::update(translation_jobs::table.find(id))
                    .set((
                        translation_jobs::source_lang.eq(source_lang),
                        translation_jobs::source_revision.eq(revision),
                        translation_jobs::priority.eq(priority.max(old_priority)),
                        translation_jobs::state.eq("queued"),
                        translation_jobs::attempts.eq(0),
                        translation_jobs::lease_owner.eq(None::<String>),
                        translation_jobs::lease_expires_at.eq(None::<NaiveDateTime>),
                        translation_jobs::last_error.eq(None::<String>),
                        translation_jobs::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
            None => {
                diesel::insert_into(translation_jobs::table)
                    .values((
                        translation_jobs::source_kind.eq(kind.as_db()),
                        translation_jobs::source_id.eq(source_id),
                        translation_jobs::source_lang.eq(source_lang),
                        translation_jobs::target_lang.eq(target),
                        translation_jobs::source_revision.eq(revision),
                        translation_jobs::priority.eq(priority),
                        translation_jobs::state.eq("queued"),
                        translation_jobs::created_at.eq(at),
                        translation_jobs::updated_at.eq(at),
                    ))
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

/// Queues a new or edited post for every language its space's members need.
pub(crate) fn queue_post(conn: &mut AnyConnection, space_id: i64, post: &Post) -> Result<()> {
    let targets = target_languages(conn, space_id, &post.lang)?;
    queue(
        conn,
        SourceKind::Post,
        post.id,
        &post.lang,
        post.revision,
        &targets,
        PRIORITY_NEW,
    )
}

/// Titles cannot be edited, so they are always revision 1.
pub(crate) fn queue_title(conn: &mut AnyConnection, thread: &Thread) -> Result<()> {
    let targets = target_languages(conn, thread.space_id, &thread.lang)?;
    queue(
        conn,
        SourceKind::Title,
        thread.id,
        &thread.lang,
        1,
        &targets,
        PRIORITY_NEW,
    )
}

/// A new member who reads none of a recent thread's languages gets its posts queued in
/// their first language, after the new posts of everyone else.
pub(crate) fn backfill_for_member(
    conn: &mut AnyConnection,
    space_id: i64,
    user_id: i64,
) -> Result<()> {
    let langs: Vec<String> = user_languages::table
        .filter(user_languages::user_id.eq(user_id))
        .order(user_languages::position.asc())
        .select(user_languages::lang)
        .load(conn)?;
    let Some(first) = langs.first().cloned() else {
        return Ok(());
    };
    let recent: Vec<Thread> = threads::table
        .filter(threads::space_id.eq(space_id))
        .order(threads::bumped_at.desc())
        .limit(BACKFILL_THREADS)
        .select(Thread::as_select())
        .load(conn)?;
    let reads = |lang: &str| langs.iter().any(|l| same_language(l, lang));
    for thread in &recent {
        if !reads(&thread.lang) {
            queue(
                conn,
                SourceKind::Title,
                thread.id,
                &thread.lang,
                1,
                std::slice::from_ref(&first),
                PRIORITY_BACKFILL,
            )?;
        }
        let thread_posts: Vec<Post> = posts::table
            .filter(posts::thread_id.eq(thread.id))
            .filter(posts::deleted_at.is_null())
            .select(Post::as_select())
            .load(conn)?;
        for post in thread_posts.iter().filter(|p| !reads(&p.lang)) {
            queue(
                conn,
                SourceKind::Post,
                post.id,
                &post.lang,
                post.revision,
                std::slice::from_ref(&first),
                PRIORITY_BACKFILL,
            )?;
        }
    }
    Ok(())
}

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
}

/// Leases up to `limit` jobs, most urgent first, for `lease_for`. Jobs whose lease ran out
/// (a crashed worker's) are taken again. On PostgreSQL, concurrent workers never get the
/// same job: the guarded UPDATE re-checks each row once the other transaction commits.
pub fn lease(db: &Db, worker: &str, limit: i64, lease_for: Duration) -> Result<Vec<LeasedJob>> {
    db.write(|conn| {
        let at = now();
        let available = translation_jobs::state
            .eq("queued")
            .or(translation_jobs::state
                .eq("leased")
                .and(translation_jobs::lease_expires_at.lt(at)));
        let candidates: Vec<i64> = translation_jobs::table
            .filter(available)
            .order((
                translation_jobs::priority.desc(),
                translation_jobs::id.asc(),
            ))
            .limit(limit)
            .select(translation_jobs::id)
            .load(conn)?;
        if candidates.is_empty() {
            return Ok(Vec::new());
        }
        let leased: Vec<i64> = diesel::update(
            translation_jobs::table
                .filter(translation_jobs::id.eq_any(&candidates))
                .filter(available),
        )
        .set((
            translation_jobs::state.eq("leased"),
            translation_jobs::lease_owner.eq(worker),
            translation_jobs::lease_expires_at.eq(at + lease_for),
            translation_jobs::attempts.eq(translation_jobs::attempts + 1),
            translation_jobs::updated_at.eq(at),
        ))
        .returning(translation_jobs::id)
        .get_results(conn)?;
        let rows: Vec<(i64, String, i64, String, String)> = translation_jobs::table
            .filter(translation_jobs::id.eq_any(&leased))
            .order((
                translation_jobs::priority.desc(),
                translation_jobs::id.asc(),
            ))
            .select((
                translation_jobs::id,
                translation_jobs::source_kind,
                translation_jobs::source_id,
                translation_jobs::source_lang,
                translation_jobs::target_lang,
            ))
            .load(conn)?;
        // The texts, two queries for the whole batch: the writer is held meanwhile.
        let mut post_ids = Vec::new();
        let mut thread_ids = Vec::new();
        for (_, kind, source_id, _, _) in &rows {
            match SourceKind::from_db(kind)? {
                SourceKind::Post => post_ids.push(*source_id),
                SourceKind::Title => thread_ids.push(*source_id),
            }
        }
        let bodies: HashMap<i64, (String, i32)> = posts::table
            .filter(posts::id.eq_any(&post_ids))
            .filter(posts::deleted_at.is_null())
            .select((posts::id, posts::body, posts::revision))
            .load::<(i64, String, i32)>(conn)?
            .into_iter()
            .map(|(id, body, revision)| (id, (body, revision)))
            .collect();
        let titles: HashMap<i64, String> = threads::table
            .filter(threads::id.eq_any(&thread_ids))
            .select((threads::id, threads::title))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect();
        let mut jobs = Vec::with_capacity(rows.len());
        let mut gone = Vec::new();
        for (id, kind, source_id, source_lang, target_lang) in rows {
            let kind = SourceKind::from_db(&kind)?;
            let source = match kind {
                SourceKind::Post => bodies.get(&source_id).cloned(),
                SourceKind::Title => titles.get(&source_id).map(|title| (title.clone(), 1)),
            };
            match source {
                Some((text, revision)) => jobs.push(LeasedJob {
                    id,
                    kind,
                    source_id,
                    source_lang,
                    target_lang,
                    revision,
                    text,
                }),
                None => gone.push(id),
            }
        }
        if !gone.is_empty() {
            // Deleted since it was queued: nothing left to translate.
            diesel::update(translation_jobs::table.filter(translation_jobs::id.eq_any(&gone)))
                .set((
                    translation_jobs::state.eq("done"),
                    translation_jobs::lease_owner.eq(None::<String>),
                ))
                .execute(conn)?;
        }
        Ok(jobs)
    })
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
    /// Retried until `MAX_ATTEMPTS`.
    Failed { error: String },
}

/// Records a worker's outcome. Returns false, changing nothing, when the worker no longer
/// holds the job: its lease ran out and another worker took it, or an edit re-queued it.
/// So a translation is stored once, and never for a revision that is no longer current.
pub fn complete(
    db: &Db,
    worker: &str,
    job_id: i64,
    revision: i32,
    outcome: &JobOutcome,
) -> Result<bool> {
    db.write(|conn| {
        let job = translation_jobs::table
            .find(job_id)
            .filter(translation_jobs::state.eq("leased"))
            .filter(translation_jobs::lease_owner.eq(worker))
            .filter(translation_jobs::source_revision.eq(revision))
            .select((
                translation_jobs::source_kind,
                translation_jobs::source_id,
                translation_jobs::target_lang,
                translation_jobs::attempts,
            ))
            .first::<(String, i64, String, i32)>(conn)
            .optional()?;
        let Some((kind, source_id, target_lang, attempts)) = job else {
            return Ok(false);
        };
        let at = now();
        let (state, error) = match outcome {
            JobOutcome::Translated {
                text,
                engine,
                model,
            } => {
                store_translation(
                    conn,
                    &kind,
                    source_id,
                    &target_lang,
                    revision,
                    text,
                    engine,
                    model,
                )?;
                ("done", None)
            }
            JobOutcome::Unreachable { reason } => ("unreachable", Some(reason.clone())),
            JobOutcome::Failed { error } if attempts >= MAX_ATTEMPTS => {
                ("failed", Some(error.clone()))
            }
            JobOutcome::Failed { error } => ("queued", Some(error.clone())),
        };
        diesel::update(translation_jobs::table.find(job_id))
            .set((
                translation_jobs::state.eq(state),
                translation_jobs::last_error.eq(error),
                translation_jobs::lease_owner.eq(None::<String>),
                translation_jobs::lease_expires_at.eq(None::<NaiveDateTime>),
                translation_jobs::updated_at.eq(at),
            ))
            .execute(conn)?;
        Ok(true)
    })
}

#[allow(clippy::too_many_arguments)]
fn store_translation(
    conn: &mut AnyConnection,
    kind: &str,
    source_id: i64,
    target_lang: &str,
    revision: i32,
    text: &str,
    engine: &str,
    model: &str,
) -> Result<()> {
    let target = translations::table
        .filter(translations::source_kind.eq(kind))
        .filter(translations::source_id.eq(source_id))
        .filter(translations::target_lang.eq(target_lang));
    let updated = diesel::update(target)
        .set((
            translations::source_revision.eq(revision),
            translations::body.eq(text),
            translations::engine.eq(engine),
            translations::model.eq(model),
            translations::created_at.eq(now()),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(translations::table)
            .values((
                translations::source_kind.eq(kind),
                translations::source_id.eq(source_id),
                translations::target_lang.eq(target_lang),
                translations::source_revision.eq(revision),
                translations::body.eq(text),
                translations::engine.eq(engine),
                translations::model.eq(model),
                translations::created_at.eq(now()),
            ))
            .execute(conn)?;
    }
    match kind {
        "title" => search::touch_title(conn, source_id),
        _ => search::touch_post(conn, source_id),
    }
}

/// The cache key of one sentence's translation by one model.
pub fn segment_key(from: &str, to: &str, model: &str, sentence: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [from, to, model, sentence] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hex::encode(hasher.finalize())
}

pub fn cached_segments(db: &Db, keys: &[String]) -> Result<HashMap<String, String>> {
    db.read(|conn| {
        let mut found = HashMap::new();
        for chunk in keys.chunks(500) {
            let rows: Vec<(String, String)> = segment_cache::table
                .filter(segment_cache::key.eq_any(chunk))
                .select((segment_cache::key, segment_cache::translation))
                .load(conn)?;
            found.extend(rows);
        }
        Ok(found)
    })
}

pub fn store_segments(db: &Db, entries: &[(String, String)]) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    db.write(|conn| {
        let keys: Vec<&String> = entries.iter().map(|(k, _)| k).collect();
        let existing: Vec<String> = segment_cache::table
            .filter(segment_cache::key.eq_any(&keys))
            .select(segment_cache::key)
            .load(conn)?;
        let at = now();
        for (key, translation) in entries.iter().filter(|(k, _)| !existing.contains(k)) {
            diesel::insert_into(segment_cache::table)
                .values((
                    segment_cache::key.eq(key),
                    segment_cache::translation.eq(translation),
                    segment_cache::created_at.eq(at),
                ))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// What a reader sees of each source's translation into `lang`, by source id, and the
/// sources nobody has queued for `lang` yet. `current_revisions` maps each source to its
/// current revision.
pub(crate) fn translation_views(
    conn: &mut AnyConnection,
    kind: SourceKind,
    current_revisions: &HashMap<i64, i32>,
    lang: &str,
) -> Result<(HashMap<i64, TranslationView>, Vec<i64>)> {
    let ids: Vec<i64> = current_revisions.keys().copied().collect();
    let stored: Vec<(i64, i32, String, String, String)> = translations::table
        .filter(translations::source_kind.eq(kind.as_db()))
        .filter(translations::source_id.eq_any(&ids))
        .filter(translations::target_lang.eq(lang))
        .select((
            translations::source_id,
            translations::source_revision,
            translations::body,
            translations::engine,
            translations::model,
        ))
        .load(conn)?;
    let jobs: HashMap<i64, String> = translation_jobs::table
        .filter(translation_jobs::source_kind.eq(kind.as_db()))
        .filter(translation_jobs::source_id.eq_any(&ids))
        .filter(translation_jobs::target_lang.eq(lang))
        .select((translation_jobs::source_id, translation_jobs::state))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut views: HashMap<i64, TranslationView> = HashMap::new();
    for (id, revision, body, engine, model) in stored {
        let current = current_revisions.get(&id).copied().unwrap_or(revision);
        views.insert(
            id,
            TranslationView {
                lang: lang.to_owned(),
                status: if revision >= current {
                    TranslationStatus::Ready
                } else {
                    TranslationStatus::Stale
                },
                body: Some(body),
                engine: Some(engine),
                model: Some(model),
            },
        );
    }
    let unqueued = ids
        .iter()
        .copied()
        .filter(|id| !jobs.contains_key(id))
        .collect();
    for id in ids {
        views.entry(id).or_insert_with(|| TranslationView {
            lang: lang.to_owned(),
            status: match jobs.get(&id).map(String::as_str) {
                Some("unreachable" | "failed") => TranslationStatus::Unavailable,
                _ => TranslationStatus::Pending,
            },
            body: None,
            engine: None,
            model: None,
        });
    }
    Ok((views, unqueued))
}

/// Queues what a reader asked for that nobody had queued: a reader may read a thread in a
/// language no member of its space has chosen.
pub(crate) fn queue_on_demand(
    conn: &mut AnyConnection,
    kind: SourceKind,
    sources: &[(i64, String, i32)],
    lang: &str,
) -> Result<()> {
    let ids: Vec<i64> = sources.iter().map(|(id, _, _)| *id).collect();
    let queued: Vec<i64> = translation_jobs::table
        .filter(translation_jobs::source_kind.eq(kind.as_db()))
        .filter(translation_jobs::source_id.eq_any(&ids))
        .filter(translation_jobs::target_lang.eq(lang))
        .select(translation_jobs::source_id)
        .load(conn)?;
    for (id, source_lang, revision) in sources.iter().filter(|(id, _, _)| !queued.contains(id)) {
        queue(
            conn,
            kind,
            *id,
            source_lang,
            *revision,
            &[lang.to_owned()],
            PRIORITY_ON_DEMAND,
        )?;
    }
    Ok(())
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
    /// `queued`, `leased`, `done`, `failed` or `unreachable`.
    pub state: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub lease_owner: Option<String>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

type JobRow = (
    i64,
    String,
    i64,
    String,
    String,
    i32,
    String,
    i32,
    Option<String>,
    Option<String>,
    NaiveDateTime,
);

/// The translation queue, newest first; global admins only. `state` narrows it.
pub fn list_jobs(
    db: &Db,
    actor: &crate::Actor,
    state: Option<&str>,
    limit: usize,
) -> Result<Vec<JobView>> {
    if !actor.is_admin {
        return Err(Error::PermissionDenied);
    }
    if !(1..=crate::limits::PAGE_MAX).contains(&limit) {
        return Err(Error::InvalidLimit {
            max: crate::limits::PAGE_MAX,
        });
    }
    db.read(|conn| {
        let mut query = translation_jobs::table.into_boxed();
        if let Some(state) = state {
            query = query.filter(translation_jobs::state.eq(state.to_owned()));
        }
        let rows: Vec<JobRow> = query
            .order(translation_jobs::updated_at.desc())
            .limit(limit as i64)
            .select((
                translation_jobs::id,
                translation_jobs::source_kind,
                translation_jobs::source_id,
                translation_jobs::source_lang,
                translation_jobs::target_lang,
                translation_jobs::source_revision,
                translation_jobs::state,
                translation_jobs::attempts,
                translation_jobs::last_error,
                translation_jobs::lease_owner,
                translation_jobs::updated_at,
            ))
            .load(conn)?;
        rows.into_iter()
            .map(
                |(
                    id,
                    kind,
                    source_id,
                    source_lang,
                    target_lang,
                    revision,
                    state,
                    attempts,
                    last_error,
                    lease_owner,
                    updated,
                )| {
                    Ok(JobView {
                        id,
                        kind: SourceKind::from_db(&kind)?,
                        source_id,
                        source_lang,
                        target_lang,
                        revision,
                        state,
                        attempts,
                        last_error,
                        lease_owner,
                        updated_at: crate::rows::utc(updated),
                    })
                },
            )
            .collect()
    })
}

/// `POST /api/v1/worker/lease`: what a remote worker asks for.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LeaseRequest {
    /// This worker process, unique among the token's workers: `gpu-box-1/4711`.
    pub instance: String,
    /// Jobs wanted, 1 to 1024.
    pub limit: i64,
    /// Lease length, 10 to 3600 seconds.
    pub lease_seconds: i64,
}

/// `POST /api/v1/worker/complete`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CompleteRequest {
    pub instance: String,
    pub job_id: i64,
    pub revision: i32,
    pub outcome: JobOutcome,
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

/// `POST /api/v1/worker/segments`, and the answer to a lookup.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct SegmentEntries {
    pub entries: HashMap<String, String>,
}
