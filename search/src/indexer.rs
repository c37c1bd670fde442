//! Drains the database's search outbox into an index. A batch is acknowledged only after
//! the index holds it, so a backend that is down loses nothing: the rows wait, and the
//! indexer retries with a growing pause until the backend answers again.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use pontis_models::Db;
use pontis_models::search::{
    OutboxBatch, acknowledge, acknowledge_through, documents_for, outbox_batch, outbox_last_id,
    post_ids_after,
};

use crate::{SearchError, SearchIndex};

/// Outbox rows taken at once; their posts' documents are written in one commit.
const BATCH_ROWS: i64 = 500;
/// How often an idle indexer looks at the outbox.
const IDLE_POLL: Duration = Duration::from_millis(200);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

pub struct Indexer {
    db: Db,
    index: Arc<dyn SearchIndex>,
}

impl std::fmt::Debug for Indexer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Indexer").finish_non_exhaustive()
    }
}

impl Indexer {
    pub fn new(db: Db, index: Arc<dyn SearchIndex>) -> Self {
        Self { db, index }
    }

    /// Indexes one batch; returns the outbox rows it handled (0: the outbox is empty).
    pub fn drain_batch(&self) -> Result<usize, SearchError> {
        let Some(OutboxBatch { row_ids, posts }) = outbox_batch(&self.db, BATCH_ROWS)? else {
            return Ok(0);
        };
        self.index.replace(&posts)?;
        acknowledge(&self.db, &row_ids)?;
        Ok(row_ids.len())
    }

    /// Indexes until the outbox is empty; returns the rows handled.
    pub fn catch_up(&self) -> Result<usize, SearchError> {
        let mut handled = 0;
        loop {
            match self.drain_batch()? {
                0 => return Ok(handled),
                rows => handled += rows,
            }
        }
    }

    /// Rebuilds the index from the tables: empties it, then writes every post's documents.
    /// Outbox rows older than the rebuild are then redundant; newer ones stay.
    pub fn rebuild(&self) -> Result<u64, SearchError> {
        let covered = outbox_last_id(&self.db)?;
        self.index.clear()?;
        let mut after = 0;
        let mut documents = 0;
        loop {
            let ids = post_ids_after(&self.db, after, BATCH_ROWS)?;
            let Some(&last) = ids.last() else { break };
            let posts = documents_for(&self.db, &ids)?;
            documents += posts.iter().map(|p| p.documents.len() as u64).sum::<u64>();
            self.index.replace(&posts)?;
            after = last;
        }
        if let Some(covered) = covered {
            acknowledge_through(&self.db, covered)?;
        }
        Ok(documents)
    }

    /// Drains the outbox until `stop` is set, pausing longer after each failure.
    pub fn run(&self, stop: &AtomicBool) {
        let mut backoff = IDLE_POLL;
        while !stop.load(Ordering::Relaxed) {
            match self.drain_batch() {
                Ok(0) => {
                    backoff = IDLE_POLL;
                    std::thread::sleep(IDLE_POLL);
                }
                Ok(_) => backoff = IDLE_POLL,
                Err(error) => {
                    tracing::warn!(%error, retry_in = ?backoff, "search indexing failed; the outbox keeps the changes");
                    sleep_unless_stopped(backoff, stop);
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                }
            }
        }
    }
}

fn sleep_unless_stopped(pause: Duration, stop: &AtomicBool) {
    let step = Duration::from_millis(100);
    let mut slept = Duration::ZERO;
    while slept < pause && !stop.load(Ordering::Relaxed) {
        std::thread::sleep(step);
        slept += step;
    }
}
