//! A worker on another machine (a school's GPU box) reaches the server over HTTP(S) with a
//! worker token: it leases jobs of the pairs its engines reach, hands results back with
//! their sentences (which the server checks and caches), looks sentences up in the shared
//! cache, and never touches the database.

use std::collections::HashMap;
use std::time::Duration;

use pontis_types::limits::{
    GUARD_HITS_MAX, LEASE_JOBS_MAX, LEASE_PAIRS_MAX, LEASE_SECONDS_MAX, LEASE_SECONDS_MIN,
};
use pontis_types::{
    CompleteRequest, CompleteResponse, LanguagePair, LeaseRequest, LeasedJob, SegmentEntries,
    SegmentLookup,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::engine::LangPair;
use crate::pipeline::SegmentCache;
use crate::worker::{JobDone, JobSource};

pub struct HttpJobs {
    client: Client,
    cache: HttpCache,
}

#[derive(Clone)]
struct Client {
    agent: ureq::Agent,
    api: String,
    authorization: String,
}

impl Client {
    fn post<B: Serialize, T: DeserializeOwned>(&self, path: &str, body: &B) -> Result<T, String> {
        let url = format!("{}{path}", self.api);
        let mut response = self
            .agent
            .post(&url)
            .header("Authorization", &self.authorization)
            .send_json(body)
            .map_err(|e| format!("{url}: {e}"))?;
        if response.status().as_u16() == 204 {
            return serde_json::from_str("null").map_err(|e| e.to_string());
        }
        response
            .body_mut()
            .read_json()
            .map_err(|e| format!("{url}: {e}"))
    }
}

struct HttpCache {
    client: Client,
}

impl SegmentCache for HttpCache {
    fn get(&self, keys: &[String]) -> HashMap<String, String> {
        self.client
            .post::<_, SegmentEntries>(
                "/worker/segments/lookup",
                &SegmentLookup {
                    keys: keys.to_vec(),
                },
            )
            .map(|found| found.entries)
            .unwrap_or_else(|e| {
                tracing::warn!(error = %e, "segment cache unreachable; translating everything");
                HashMap::new()
            })
    }

    /// The server keeps the sentences each completed job carries (see `complete`); a
    /// worker writes no cache entry of its own.
    fn put(&self, _: &[(String, String)]) {}
}

impl HttpJobs {
    /// `server` is the forum's base URL, e.g. `https://forum.example`.
    pub fn new(server: &str, token: &str) -> Self {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(60)))
            .http_status_as_error(true)
            .build()
            .into();
        let client = Client {
            agent,
            api: format!("{}/api/v1", server.trim_end_matches('/')),
            authorization: format!("Bearer {token}"),
        };
        Self {
            cache: HttpCache {
                client: client.clone(),
            },
            client,
        }
    }
}

impl JobSource for HttpJobs {
    fn lease(
        &self,
        worker: &str,
        limit: i64,
        lease_for: Duration,
        pairs: &[LangPair],
    ) -> Result<Vec<LeasedJob>, String> {
        self.client.post(
            "/worker/lease",
            &LeaseRequest {
                instance: worker.to_owned(),
                limit: limit.clamp(1, LEASE_JOBS_MAX),
                lease_seconds: (lease_for.as_secs() as i64)
                    .clamp(LEASE_SECONDS_MIN, LEASE_SECONDS_MAX),
                pairs: pairs
                    .iter()
                    .take(LEASE_PAIRS_MAX)
                    .map(|p| LanguagePair {
                        from: p.from.clone(),
                        to: p.to.clone(),
                    })
                    .collect(),
            },
        )
    }

    fn complete(&self, worker: &str, job: &LeasedJob, done: &JobDone) -> Result<bool, String> {
        let answer: CompleteResponse = self.client.post(
            "/worker/complete",
            &CompleteRequest {
                instance: worker.to_owned(),
                job_id: job.id,
                revision: job.revision,
                outcome: done.outcome.clone(),
                segments: done.segments.clone(),
                guards: done.guards.iter().take(GUARD_HITS_MAX).cloned().collect(),
            },
        )?;
        Ok(answer.applied)
    }

    fn cache(&self) -> &dyn SegmentCache {
        &self.cache
    }
}
