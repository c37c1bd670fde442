//! The translation worker: leases jobs, translates them grouped by language pair, hands
//! the results back. It holds no database lock while it translates; a crashed worker's
//! lease runs out and another worker takes its jobs.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pontis_types::SentencePair;
use pontis_types::translation::GuardHit;
use pontis_types::{JobOutcome, LeasedJob, SourceKind};

use crate::engine::LangPair;
use crate::pipeline::{Pipeline, PipelineError, SegmentCache, Text, TextKind, TextOutcome};
use crate::steer::Steering;

/// Where jobs come from and go back to: the database in-process, or the server over HTTP.
pub trait JobSource: Send + Sync {
    /// Up to `limit` jobs; a source may narrow them to `pairs`, the pairs this worker's
    /// engines reach.
    fn lease(
        &self,
        worker: &str,
        limit: i64,
        lease_for: Duration,
        pairs: &[LangPair],
    ) -> Result<Vec<LeasedJob>, String>;
    fn complete(&self, worker: &str, job: &LeasedJob, done: &JobDone) -> Result<bool, String>;
    fn cache(&self) -> &dyn SegmentCache;
}

/// What became of one job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobDone {
    pub outcome: JobOutcome,
    /// With a translation: the job's sentences translated, in order.
    pub segments: Vec<String>,
    /// With a translation: its sentences beside their sources, in words.
    pub sentences: Vec<SentencePair>,
    /// The quality guards that fired on its text.
    pub guards: Vec<GuardHit>,
}

impl JobDone {
    fn of(outcome: JobOutcome) -> Self {
        Self {
            outcome,
            segments: Vec::new(),
            sentences: Vec::new(),
            guards: Vec::new(),
        }
    }
}

/// Why a batch was not translated.
#[derive(Debug, thiserror::Error)]
enum WorkError {
    #[error(transparent)]
    Engine(#[from] PipelineError),
    /// Timed out or panicked: not retried job by job, which would only wait again.
    #[error("{0}")]
    Stuck(String),
}

#[derive(Debug, Clone)]
pub struct WorkerSettings {
    /// Names this worker's leases; unique per worker process and thread.
    pub name: String,
    /// Jobs leased at once; their sentences are batched together per language pair.
    pub batch_jobs: i64,
    /// How long a lease lasts before another worker may take the job.
    pub lease_for: Duration,
    /// How long to wait when the queue is empty.
    pub idle_wait: Duration,
    /// The longest one engine batch may take. Past it the batch's jobs fail (and are
    /// retried later) and the worker goes on; the stuck call is left to finish or not.
    pub engine_time_limit: Duration,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        Self {
            name: format!("worker-{}", std::process::id()),
            batch_jobs: 64,
            lease_for: Duration::from_secs(300),
            idle_wait: Duration::from_millis(300),
            engine_time_limit: Duration::from_secs(120),
        }
    }
}

pub struct Worker {
    pipeline: Pipeline,
    source: Arc<dyn JobSource>,
    settings: WorkerSettings,
    /// The ids of the batch being worked, for the log when a batch panics.
    in_hand: Mutex<Vec<i64>>,
}

impl Worker {
    pub fn new(pipeline: Pipeline, source: Arc<dyn JobSource>, settings: WorkerSettings) -> Self {
        Self {
            pipeline,
            source,
            settings,
            in_hand: Mutex::new(Vec::new()),
        }
    }

    /// The pairs the engines reach now, declared with each lease: after models are
    /// installed, the next lease asks for their pairs too.
    fn pairs(&self) -> Vec<LangPair> {
        self.pipeline
            .router()
            .reachable_pairs()
            .into_iter()
            .map(|(pair, _)| pair)
            .collect()
    }

    /// Leases one batch and works it; returns how many jobs it handled.
    pub fn run_once(&self) -> Result<usize, String> {
        let jobs = self.lease()?;
        self.work(&jobs)?;
        Ok(jobs.len())
    }

    /// Works batches until the queue is empty or `stop` is set; returns how many jobs it
    /// handled. The next batch is leased (and its text read) while this one translates, so
    /// the database's work overlaps the engine's. Once `stop` is set no batch is leased,
    /// and the one in hand is finished.
    pub fn drain(&self, stop: &AtomicBool) -> Result<usize, String> {
        let mut handled = 0;
        let mut jobs = self.lease()?;
        while !jobs.is_empty() {
            handled += jobs.len();
            let prefetch = !stop.load(Ordering::Relaxed);
            let next = std::thread::scope(|scope| {
                let next = prefetch.then(|| scope.spawn(|| self.lease()));
                let worked = self.work(&jobs);
                let next = match next.map(|lease| lease.join()) {
                    None => Ok(Vec::new()),
                    Some(Ok(leased)) => leased,
                    Some(Err(panic)) => Err(format!("leasing panicked: {}", panic_message(&panic))),
                };
                worked.and(next)
            })?;
            jobs = next;
        }
        Ok(handled)
    }

    fn lease(&self) -> Result<Vec<LeasedJob>, String> {
        self.source.lease(
            &self.settings.name,
            self.settings.batch_jobs,
            self.settings.lease_for,
            &self.pairs(),
        )
    }

    /// Translates leased jobs, grouped by language pair, and hands each result back.
    fn work(&self, jobs: &[LeasedJob]) -> Result<(), String> {
        if let Ok(mut in_hand) = self.in_hand.lock() {
            *in_hand = jobs.iter().map(|job| job.id).collect();
        }
        let mut by_pair: BTreeMap<(String, String), Vec<&LeasedJob>> = BTreeMap::new();
        for job in jobs {
            by_pair
                .entry((job.source_lang.clone(), job.target_lang.clone()))
                .or_default()
                .push(job);
        }
        for ((from, to), group) in by_pair {
            let outcomes = match self.translate(&from, &to, &group) {
                // One bad text must not fail its batch-mates, which may belong to other
                // posts and other spaces: each is tried alone, and only the one that
                // fails is charged.
                Err(WorkError::Engine(PipelineError::Engine(e))) if group.len() > 1 => {
                    tracing::warn!(%from, %to, error = %e, jobs = group.len(),
                        "batch failed; translating its jobs one by one");
                    group
                        .iter()
                        .flat_map(|job| {
                            outcomes(
                                &from,
                                &to,
                                std::slice::from_ref(job),
                                self.translate(&from, &to, std::slice::from_ref(job)),
                            )
                        })
                        .collect()
                }
                result => outcomes(&from, &to, &group, result),
            };
            for (job, done) in group.iter().zip(&outcomes) {
                if !self.source.complete(&self.settings.name, job, done)? {
                    tracing::info!(
                        job = job.id,
                        "result dropped: the job was edited or re-leased meanwhile"
                    );
                }
            }
        }
        Ok(())
    }

    /// Translates jobs of one language pair together, on a thread of its own so that an
    /// engine that hangs or panics costs this batch and not the worker.
    fn translate(
        &self,
        from: &str,
        to: &str,
        jobs: &[&LeasedJob],
    ) -> Result<Vec<JobDone>, WorkError> {
        let texts: Vec<(TextKind, String, Steering)> = jobs
            .iter()
            .map(|job| {
                let kind = match job.kind {
                    SourceKind::Post => TextKind::Markdown,
                    SourceKind::Title => TextKind::Plain,
                };
                (kind, job.text.clone(), Steering::of(job))
            })
            .collect();
        let (pipeline, source) = (self.pipeline.clone(), Arc::clone(&self.source));
        let (from_lang, to_lang) = (from.to_owned(), to.to_owned());
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name(format!("translate-{from}-{to}"))
            .spawn(move || {
                let texts: Vec<Text> = texts
                    .iter()
                    .map(|(kind, text, steering)| Text {
                        kind: *kind,
                        text,
                        steering,
                    })
                    .collect();
                let _ = sender.send(pipeline.translate_steered(
                    &from_lang,
                    &to_lang,
                    &texts,
                    source.cache(),
                ));
            })
            .map_err(|e| WorkError::Stuck(format!("cannot start a translation thread: {e}")))?;
        let limit = self.settings.engine_time_limit;
        let done = match receiver.recv_timeout(limit) {
            Ok(result) => result.map_err(WorkError::Engine)?,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                return Err(WorkError::Stuck(format!(
                    "the engine took longer than {} s",
                    limit.as_secs_f32()
                )));
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(WorkError::Stuck("the engine panicked".into()));
            }
        };
        Ok(done
            .texts
            .into_iter()
            .map(|result| match result.outcome {
                TextOutcome::Translated {
                    text,
                    segments,
                    sentences,
                    engine,
                    model,
                } => JobDone {
                    outcome: JobOutcome::Translated {
                        text,
                        engine,
                        model,
                    },
                    segments,
                    sentences,
                    guards: result.guards,
                },
                TextOutcome::Rejected { reason } => {
                    tracing::warn!(%from, %to, %reason, "translation rejected");
                    JobDone {
                        guards: result.guards,
                        ..JobDone::of(JobOutcome::Rejected { reason })
                    }
                }
            })
            .collect())
    }

    /// Works until `stop` is set, on the calling thread. A panic (an engine's, say) is
    /// logged with the jobs in hand and the worker goes on: those jobs, and a batch leased
    /// ahead, come back when their lease runs out, charged an attempt each.
    pub fn run(&self, stop: &AtomicBool) {
        while !stop.load(Ordering::Relaxed) {
            match std::panic::catch_unwind(AssertUnwindSafe(|| self.drain(stop))) {
                Ok(Ok(0)) => std::thread::sleep(self.settings.idle_wait),
                Ok(Ok(_)) => {}
                Ok(Err(e)) => {
                    tracing::warn!(error = %e, "translation worker could not reach its jobs");
                    std::thread::sleep(self.settings.idle_wait * 10);
                }
                Err(panic) => {
                    let jobs = self
                        .in_hand
                        .lock()
                        .map(|jobs| jobs.clone())
                        .unwrap_or_else(|poisoned| poisoned.into_inner().clone());
                    tracing::error!(
                        ?jobs,
                        panic = panic_message(&panic),
                        "translation worker panicked; going on"
                    );
                    std::thread::sleep(self.settings.idle_wait * 10);
                }
            }
        }
    }
}

/// What becomes of each job, from the result of translating them together.
fn outcomes(
    from: &str,
    to: &str,
    jobs: &[&LeasedJob],
    result: Result<Vec<JobDone>, WorkError>,
) -> Vec<JobDone> {
    match result {
        Ok(outcomes) => outcomes,
        Err(WorkError::Engine(PipelineError::Unreachable { .. })) => {
            let reason = format!("no installed engine translates {from} to {to}");
            vec![JobDone::of(JobOutcome::Unreachable { reason }); jobs.len()]
        }
        Err(e) => {
            tracing::warn!(%from, %to, error = %e, "translation failed");
            let error = e.to_string();
            vec![JobDone::of(JobOutcome::Failed { error }); jobs.len()]
        }
    }
}

/// A panic's message, when it has one.
fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> &str {
    panic
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}
