//! Requests per second for `GET /api/v1/threads/{id}` on a thread of 50 posts, over real
//! HTTP, on SQLite and on PostgreSQL. Prints figures; asserts nothing about speed.
//!
//! `cargo bench -p pontis-server --bench read_thread [-- SECONDS CONNECTIONS]`

use std::time::{Duration, Instant};

use actix_web::web::Data;
use futures_util::future::join_all;
use pontis_models::Backend;
use pontis_models::testing::TestDb;
use pontis_search::EmbeddedIndex;
use pontis_server::app::app;
use pontis_server::config::{Config, RateLimits};
use pontis_server::server;
use serde_json::{Value, json};

const POSTS: usize = 50;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with("--"));
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let connections: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(32);
    println!(
        "GET /api/v1/threads/{{id}} with {POSTS} posts: {connections} connections for {seconds} s, \
         {} CPU cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for backend in [Backend::Sqlite, Backend::Postgres] {
        actix_web::rt::System::new().block_on(run(backend, seconds, connections));
    }
}

async fn run(backend: Backend, seconds: u64, connections: usize) {
    let store = TestDb::new(backend);
    let config = Config {
        rate_limits: RateLimits::unlimited(),
        ..Config::default()
    };
    let search = std::sync::Arc::new(EmbeddedIndex::in_memory().expect("search index"));
    let state = Data::new(server::state(&config, store.db.clone(), search).expect("state"));
    let srv = actix_test::start_with(actix_test::config().workers(2), move || app(state.clone()));
    let client = awc::Client::builder()
        .connector(awc::Connector::new().limit(connections))
        .timeout(Duration::from_secs(30))
        .finish();

    let post = |path: String, token: Option<String>, body: Value| {
        let mut req = client.post(srv.url(&path));
        if let Some(token) = token {
            req = req.insert_header(("Authorization", format!("Bearer {token}")));
        }
        async move {
            let mut res = req.send_json(&body).await.expect("request");
            res.json::<Value>().limit(1 << 20).await.expect("json")
        }
    };
    let auth = post(
        "/api/v1/auth/register".into(),
        None,
        json!({"handle": "reader", "password": "benchmark password", "locale": "en", "languages": ["en"]}),
    )
    .await;
    let token = auth["token"].as_str().expect("token").to_owned();
    post(
        "/api/v1/spaces".into(),
        Some(token.clone()),
        json!({"slug": "bench", "name": "Bench", "visibility": "public"}),
    )
    .await;
    let thread = post(
        "/api/v1/spaces/bench/threads".into(),
        Some(token.clone()),
        json!({"title": "A long discussion", "body": "The first post of the thread.", "lang": "en"}),
    )
    .await;
    let thread_id = thread["thread"]["id"].as_i64().expect("thread id");
    for n in 1..POSTS {
        post(
            format!("/api/v1/threads/{thread_id}/posts"),
            Some(token.clone()),
            json!({"body": format!("Reply number {n}: we measured the panels' output every hour and **compared** it with the forecast."), "lang": "en"}),
        )
        .await;
    }

    let url = srv.url(&format!("/api/v1/threads/{thread_id}?limit=100"));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let workers = (0..connections).map(|_| {
        let client = client.clone();
        let url = url.clone();
        let bearer = format!("Bearer {token}");
        async move {
            let mut latencies = Vec::new();
            while Instant::now() < deadline {
                let started = Instant::now();
                let mut res = client
                    .get(&url)
                    .insert_header(("Authorization", bearer.as_str()))
                    .send()
                    .await
                    .expect("request");
                let body = res.body().limit(1 << 22).await.expect("body");
                assert!(res.status().is_success() && !body.is_empty());
                latencies.push(started.elapsed());
            }
            latencies
        }
    });
    let started = Instant::now();
    let mut latencies: Vec<Duration> = join_all(workers).await.into_iter().flatten().collect();
    let elapsed = started.elapsed();
    latencies.sort_unstable();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!(
        "{backend:?}: {} requests in {:.1} s = {:.0} req/s; latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.95).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
    );
}
