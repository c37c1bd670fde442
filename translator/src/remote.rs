//! A worker on another machine (a school's GPU box) reaches the server over HTTP(S) with a
//! worker token: it leases jobs, hands results back and shares the segment cache, and
//! never touches the database.

use std::collections::HashMap;
use std::time::Duration;

use pontis_types::{
    CompleteRequest, CompleteResponse, JobOutcome, LeaseRequest, LeasedJob, SegmentEntries,
    SegmentLookup,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::pipeline::SegmentCache;
use crate::worker::JobSource;

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

    fn put(&self, entries: &[(String, String)]) {
        let body = SegmentEntries {
            entries: entries.iter().cloned().collect(),
        };
        if let Err(e) = self.client.post::<_, Option<()>>("/worker/segments", &body) {
            tracing::warn!(error = %e, "segment cache not written");
        }
    }
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
    ) -> Result<Vec<LeasedJob>, String> {
        self.client.post(
            "/worker/lease",
            &LeaseRequest {
                instance: worker.to_owned(),
                limit,
                lease_seconds: lease_for.as_secs().clamp(10, 3600) as i64,
            },
        )
    }

    fn complete(
        &self,
        worker: &str,
        job: &LeasedJob,
        outcome: &JobOutcome,
    ) -> Result<bool, String> {
        let answer: CompleteResponse = self.client.post(
            "/worker/complete",
            &CompleteRequest {
                instance: worker.to_owned(),
                job_id: job.id,
                revision: job.revision,
                outcome: outcome.clone(),
            },
        )?;
        Ok(answer.applied)
    }

    fn cache(&self) -> &dyn SegmentCache {
        &self.cache
    }
}
