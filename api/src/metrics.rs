//! The process's Prometheus metrics: HTTP requests by route, method and status with
//! their latency, counted as they are served; and, set from the database at each scrape
//! ([`pontis_models::monitoring`]), the translation queue by state and language pair,
//! the oldest queued job's wait, the search and email outboxes, each remote worker's
//! last lease, and the queries this process ran. Served by `routes::metrics`.

use pontis_models::monitoring::Snapshot;
use prometheus::{
    Gauge, GaugeVec, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry, TextEncoder,
};

pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    jobs: IntGaugeVec,
    oldest_queued: Gauge,
    search_outbox: IntGauge,
    search_outbox_oldest: Gauge,
    email_outbox: IntGauge,
    worker_last_seen: GaugeVec,
    queries: IntGauge,
}

impl Metrics {
    pub fn new() -> Result<Self, prometheus::Error> {
        let registry = Registry::new_custom(Some("pontis".into()), None)?;
        let requests = IntCounterVec::new(
            Opts::new("http_requests_total", "HTTP requests served"),
            &["route", "method", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "Time from a request's arrival to its response's head",
            ),
            &["route", "method"],
        )?;
        let jobs = IntGaugeVec::new(
            Opts::new(
                "translation_jobs",
                "Translation jobs by state and language pair",
            ),
            &["state", "pair"],
        )?;
        let oldest_queued = Gauge::new(
            "translation_queue_oldest_seconds",
            "How long the oldest queued translation job has waited",
        )?;
        let search_outbox = IntGauge::new(
            "search_outbox_length",
            "Changes waiting to reach the search index",
        )?;
        let search_outbox_oldest = Gauge::new(
            "search_outbox_oldest_seconds",
            "How long the oldest change has waited for the search index",
        )?;
        let email_outbox = IntGauge::new("email_outbox_length", "Emails waiting to be sent")?;
        let worker_last_seen = GaugeVec::new(
            Opts::new(
                "worker_last_lease_timestamp_seconds",
                "When each remote worker token last leased jobs",
            ),
            &["worker"],
        )?;
        let queries = IntGauge::new(
            "database_queries",
            "Database queries this process has run since it started",
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(jobs.clone()))?;
        registry.register(Box::new(oldest_queued.clone()))?;
        registry.register(Box::new(search_outbox.clone()))?;
        registry.register(Box::new(search_outbox_oldest.clone()))?;
        registry.register(Box::new(email_outbox.clone()))?;
        registry.register(Box::new(worker_last_seen.clone()))?;
        registry.register(Box::new(queries.clone()))?;
        Ok(Self {
            registry,
            requests,
            latency,
            jobs,
            oldest_queued,
            search_outbox,
            search_outbox_oldest,
            email_outbox,
            worker_last_seen,
            queries,
        })
    }

    /// Counts one request. `route` is the matched pattern (`/api/v1/posts/{id}`), never
    /// the path itself, so that the labels stay few.
    pub fn observe(&self, route: &str, method: &str, status: u16, seconds: f64) {
        self.requests
            .with_label_values(&[route, method, &status.to_string()])
            .inc();
        self.latency
            .with_label_values(&[route, method])
            .observe(seconds);
    }

    /// The exposition text, with the database's figures as of `snapshot`.
    pub fn render(&self, snapshot: &Snapshot, queries: u64) -> Result<String, prometheus::Error> {
        self.jobs.reset();
        for (state, from, to, count) in &snapshot.jobs {
            self.jobs
                .with_label_values(&[state.as_str(), &format!("{from}>{to}")])
                .set(*count);
        }
        self.oldest_queued.set(snapshot.oldest_queued_seconds);
        self.search_outbox.set(snapshot.search_outbox);
        self.search_outbox_oldest
            .set(snapshot.search_outbox_oldest_seconds);
        self.email_outbox.set(snapshot.email_outbox);
        self.worker_last_seen.reset();
        for (worker, seen) in &snapshot.workers_last_seen {
            self.worker_last_seen
                .with_label_values(&[worker.as_str()])
                .set(*seen);
        }
        self.queries.set(i64::try_from(queries).unwrap_or(i64::MAX));
        TextEncoder::new().encode_to_string(&self.registry.gather())
    }
}
