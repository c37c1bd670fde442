//! The translation worker: leases jobs, translates them grouped by language pair, hands
//! the results back. It holds no database lock while it translates; a crashed worker's
//! lease runs out and another worker takes its jobs.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use pontis_types::{JobOutcome, LeasedJob, SourceKind};

use crate::pipeline::{Pipeline, PipelineError, SegmentCache, TextKind};

/// Where jobs come from and go back to: the database in-process, or the server over HTTP.
pub trait JobSource: Send + Sync {
    fn lease(
        &self,
        worker: &str,
        limit: i64,
        lease_for: Duration,
    ) -> Result<Vec<LeasedJob>, String>;
    fn complete(&self, worker: &str, job: &LeasedJob, outcome: &JobOutcome)
    -> Result<bool, String>;
    fn cache(&self) -> &dyn SegmentCache;
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
}

impl Default for WorkerSettings {
    fn default() -> Self {
        Self {
            name: format!("worker-{}", std::process::id()),
            batch_jobs: 64,
            lease_for: Duration::from_secs(300),
            idle_wait: Duration::from_millis(300),
        }
    }
}

pub struct Worker {
    pipeline: Pipeline,
    source: Arc<dyn JobSource>,
    settings: WorkerSettings,
}

impl Worker {
    pub fn new(pipeline: Pipeline, source: Arc<dyn JobSource>, settings: WorkerSettings) -> Self {
        Self {
            pipeline,
            source,
            settings,
        }
    }

    /// Leases one batch and works it; returns how many jobs it handled.
    pub fn run_once(&self) -> Result<usize, String> {
        let jobs = self.source.lease(
            &self.settings.name,
            self.settings.batch_jobs,
            self.settings.lease_for,
        )?;
        let mut by_pair: BTreeMap<(String, String), Vec<&LeasedJob>> = BTreeMap::new();
        for job in &jobs {
            by_pair
                .entry((job.source_lang.clone(), job.target_lang.clone()))
                .or_default()
                .push(job);
        }
        for ((from, to), group) in by_pair {
            let texts: Vec<(TextKind, &str)> = group
                .iter()
                .map(|job| {
                    let kind = match job.kind {
                        SourceKind::Post => TextKind::Markdown,
                        SourceKind::Title => TextKind::Plain,
                    };
                    (kind, job.text.as_str())
                })
                .collect();
            let outcomes: Vec<JobOutcome> =
                match self
                    .pipeline
                    .translate(&from, &to, &texts, self.source.cache())
                {
                    Ok(done) => done
                        .texts
                        .into_iter()
                        .map(|text| JobOutcome::Translated {
                            text,
                            engine: done.engine.clone(),
                            model: done.model.clone(),
                        })
                        .collect(),
                    Err(PipelineError::Unreachable { .. }) => {
                        let reason = format!("no installed engine translates {from} to {to}");
                        vec![JobOutcome::Unreachable { reason }; group.len()]
                    }
                    Err(e) => {
                        tracing::warn!(%from, %to, error = %e, "translation failed");
                        vec![
                            JobOutcome::Failed {
                                error: e.to_string()
                            };
                            group.len()
                        ]
                    }
                };
            for (job, outcome) in group.iter().zip(&outcomes) {
                if !self.source.complete(&self.settings.name, job, outcome)? {
                    tracing::info!(
                        job = job.id,
                        "result dropped: the job was edited or re-leased meanwhile"
                    );
                }
            }
        }
        Ok(jobs.len())
    }

    /// Works until `stop` is set, on the calling thread.
    pub fn run(&self, stop: &AtomicBool) {
        while !stop.load(Ordering::Relaxed) {
            match self.run_once() {
                Ok(0) => std::thread::sleep(self.settings.idle_wait),
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "translation worker could not reach its jobs");
                    std::thread::sleep(self.settings.idle_wait * 10);
                }
            }
        }
    }
}
