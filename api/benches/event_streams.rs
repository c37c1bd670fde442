//! Many open event streams on one thread, one server process: database statements per
//! second while idle and while a reply lands, the time until every stream has the new
//! post, and the server's memory per idle stream. Prints the median of three runs per
//! database; asserts nothing about speed.
//!
//! `cargo bench -p pontis-server --bench event_streams [-- STREAMS]` (default 2000)
//!
//! The streams are plain sockets in this process (a few bytes each), so the growth of the
//! process's resident memory is the server's cost.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use actix_web::web::Data;
use pontis_models::Backend;
use pontis_models::testing::TestDb;
use pontis_search::EmbeddedIndex;
use pontis_server::app::app;
use pontis_server::config::{Config, RateLimits};
use pontis_server::server;
use pontis_server::state::AppState;
use serde_json::{Value, json};

const RUNS: usize = 3;
const IDLE: Duration = Duration::from_secs(10);
const AFTER_REPLY: Duration = Duration::from_secs(5);

struct Figures {
    idle_queries_per_second: f64,
    reply_queries: f64,
    all_told_ms: f64,
    median_told_ms: f64,
    kib_per_stream: f64,
}

fn main() {
    let streams: usize = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    println!(
        "{streams} event streams on one thread, one process; median of {RUNS} runs, {} CPU cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let runs: Vec<Figures> = (0..RUNS)
            .map(|_| actix_web::rt::System::new().block_on(run(backend, streams)))
            .collect();
        let median = |f: fn(&Figures) -> f64| {
            let mut values: Vec<f64> = runs.iter().map(f).collect();
            values.sort_by(f64::total_cmp);
            values[values.len() / 2]
        };
        println!(
            "{backend:?}: idle {:.2} statements/s; {:.0} statements in the {} s after a reply; \
             every stream told in {:.0} ms (median stream {:.0} ms); {:.1} KiB per idle stream",
            median(|f| f.idle_queries_per_second),
            median(|f| f.reply_queries),
            AFTER_REPLY.as_secs(),
            median(|f| f.all_told_ms),
            median(|f| f.median_told_ms),
            median(|f| f.kib_per_stream),
        );
    }
}

async fn run(backend: Backend, streams: usize) -> Figures {
    let store = TestDb::new(backend);
    let config = Config {
        rate_limits: RateLimits::unlimited(),
        ..Config::default()
    };
    let search = std::sync::Arc::new(EmbeddedIndex::in_memory().expect("search index"));
    let state: Data<AppState> =
        Data::new(server::state(&config, store.db.clone(), search).expect("state"));
    let served = state.clone();
    let srv = actix_test::start_with(actix_test::config().workers(2), move || app(served.clone()));
    let client = awc::Client::builder()
        .timeout(Duration::from_secs(30))
        .finish();
    let call = |path: &str, token: Option<&str>, body: Value| {
        let mut req = client.post(srv.url(path));
        if let Some(token) = token {
            req = req.insert_header(("Authorization", format!("Bearer {token}")));
        }
        async move {
            let mut res = req.send_json(&body).await.expect("request");
            res.json::<Value>().limit(1 << 20).await.expect("json")
        }
    };
    let register = |handle: &'static str| {
        call(
            "/api/v1/auth/register",
            None,
            json!({"handle": handle, "password": "a long enough secret", "locale": "en", "languages": ["en"]}),
        )
    };
    let author = register("author").await["token"]
        .as_str()
        .expect("token")
        .to_owned();
    let reader = register("reader").await["token"]
        .as_str()
        .expect("token")
        .to_owned();
    call(
        "/api/v1/spaces",
        Some(&author),
        json!({"slug": "club", "name": "Club", "visibility": "public"}),
    )
    .await;
    let thread = call(
        "/api/v1/spaces/club/threads",
        Some(&author),
        json!({"title": "Live", "body": "Hello", "lang": "en"}),
    )
    .await["thread"]["id"]
        .as_i64()
        .expect("thread");

    let rss_before = resident_kib();
    let addr = srv.addr();
    let mut sockets: Vec<Stream> = (0..streams)
        .map(|_| Stream::open(addr, thread, &reader))
        .collect();
    while state.hub.subscribers() < streams {
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    for socket in &mut sockets {
        socket.read_available();
    }
    let rss_open = resident_kib();

    actix_web::rt::time::sleep(Duration::from_secs(1)).await;
    let idle_from = state.db.queries();
    actix_web::rt::time::sleep(IDLE).await;
    let idle = (state.db.queries() - idle_from) as f64 / IDLE.as_secs_f64();

    let reply_from = state.db.queries();
    let sent = Instant::now();
    let reply = call(
        &format!("/api/v1/threads/{thread}/posts"),
        Some(&author),
        json!({"body": "A reply for everyone", "lang": "en"}),
    )
    .await["id"]
        .as_i64()
        .expect("reply");
    let wanted = format!("\"post_id\":{reply}");
    let mut told: Vec<Option<Duration>> = vec![None; streams];
    let deadline = Instant::now() + Duration::from_secs(30);
    while told.iter().any(Option::is_none) && Instant::now() < deadline {
        for (socket, at) in sockets.iter_mut().zip(told.iter_mut()) {
            if at.is_none() && socket.read_available().contains(&wanted) {
                *at = Some(sent.elapsed());
            }
        }
        actix_web::rt::time::sleep(Duration::from_millis(1)).await;
    }
    let mut times: Vec<f64> = told
        .iter()
        .map(|t| t.map_or(f64::INFINITY, |d| d.as_secs_f64() * 1000.0))
        .collect();
    times.sort_by(f64::total_cmp);
    let remaining = AFTER_REPLY.saturating_sub(sent.elapsed());
    actix_web::rt::time::sleep(remaining).await;
    let reply_queries = (state.db.queries() - reply_from) as f64;
    drop(sockets);
    Figures {
        idle_queries_per_second: idle,
        reply_queries,
        all_told_ms: times[times.len() - 1],
        median_told_ms: times[times.len() / 2],
        kib_per_stream: (rss_open.saturating_sub(rss_before)) as f64 / streams as f64,
    }
}

/// One client: a socket with a request sent, read without blocking.
struct Stream {
    socket: TcpStream,
    seen: String,
}

impl Stream {
    fn open(addr: SocketAddr, thread: i64, token: &str) -> Self {
        let mut socket = TcpStream::connect(addr).expect("connect");
        write!(
            socket,
            "GET /api/v1/threads/{thread}/events HTTP/1.1\r\nHost: bench\r\n\
             Authorization: Bearer {token}\r\n\r\n"
        )
        .expect("request");
        socket.set_nonblocking(true).expect("non-blocking");
        Self {
            socket,
            seen: String::new(),
        }
    }

    fn read_available(&mut self) -> &str {
        let mut buf = [0u8; 4096];
        loop {
            match self.socket.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) => panic!("stream read: {e}"),
            }
        }
        &self.seen
    }
}

/// The process's resident memory, from /proc.
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse().ok())
        })
        .unwrap_or(0)
}
