//! The in-process job source: the server's own database, for the worker inside
//! `pontis serve` and for tests. A remote worker builds without it (`--no-default-features`).
//! It leases every job, whatever the pairs (the server's worker is the one that tells
//! readers which pairs no engine reaches), and its pipeline writes the sentence cache
//! directly.

use std::collections::HashMap;
use std::time::Duration;

use pontis_models::Db;
use pontis_models::translation::{lease, segment_cache};
use pontis_types::LeasedJob;

use crate::engine::LangPair;
use crate::pipeline::SegmentCache;
use crate::worker::{JobDone, JobSource};

/// The in-process source: the server's own database.
pub struct DbJobs {
    db: Db,
    cache: DbCache,
}

impl DbJobs {
    pub fn new(db: Db) -> Self {
        Self {
            cache: DbCache { db: db.clone() },
            db,
        }
    }
}

struct DbCache {
    db: Db,
}

impl SegmentCache for DbCache {
    fn get(&self, keys: &[String]) -> HashMap<String, String> {
        segment_cache::cached_segments(&self.db, keys).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "segment cache unreadable; translating everything");
            Default::default()
        })
    }

    fn put(&self, entries: &[(String, String)]) {
        if let Err(e) = segment_cache::store_segments(&self.db, entries) {
            tracing::warn!(error = %e, "segment cache not written");
        }
    }
}

impl JobSource for DbJobs {
    fn lease(
        &self,
        worker: &str,
        limit: i64,
        lease_for: Duration,
        _pairs: &[LangPair],
    ) -> Result<Vec<LeasedJob>, String> {
        let lease_for = chrono::Duration::from_std(lease_for).map_err(|e| e.to_string())?;
        lease::lease(&self.db, worker, limit, lease_for, None).map_err(|e| e.to_string())
    }

    fn complete(&self, worker: &str, job: &LeasedJob, done: &JobDone) -> Result<bool, String> {
        lease::complete(
            &self.db,
            worker,
            job.id,
            job.revision,
            &done.outcome,
            &done.sentences,
            &done.guards,
        )
        .map_err(|e| e.to_string())
    }

    fn cache(&self) -> &dyn SegmentCache {
        &self.cache
    }
}
