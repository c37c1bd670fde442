//! Translation workers on other machines (worker tokens, leasing over HTTP, a remote
//! worker translating with real Apertium while the server's own worker is off), and the
//! live events that announce what workers finish.

use std::path::Path;
use std::sync::Arc;

use pontis_models::Backend;
use pontis_translator::Engine;
use pontis_translator::apertium::{self, DEFAULT_MODES_DIR};
use pontis_translator::pipeline::{Pipeline, segment_key};
use pontis_translator::remote::HttpJobs;
use pontis_translator::route::Router;
use pontis_translator::worker::{Worker, WorkerSettings};
use serde_json::{Value, json};

use crate::common::{Auth, TestApp, TestUser, wait_for_event};
use pontis_models::on_both_backends;

async fn worker_token(app: &TestApp, admin: &TestUser) -> TestUser {
    let created = app
        .post("/api/v1/admin/workers", admin, json!({"name": "gpu-box"}))
        .await
        .expect(201);
    TestUser {
        handle: "gpu-box".into(),
        token: created["token"].as_str().expect("token").to_owned(),
        csrf: String::new(),
    }
}

/// The public space "club" of Emma (English), with Sofia (Spanish) in it.
async fn english_club(app: &TestApp) -> (TestUser, TestUser) {
    let emma = app.register("emma", &["en"]).await;
    let sofia = app.register("sofia", &["es"]).await;
    app.space(&emma, "club", "public").await;
    app.join(&sofia, "club", None).await;
    (emma, sofia)
}

async fn a_remote_worker_translates_while_the_servers_worker_is_off(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin("root").await;
    let worker = worker_token(&app, &admin).await;
    let (emma, sofia) = english_club(&app).await;
    let (thread, _) = app
        .thread(&emma, "club", "The red house", "The house is big.")
        .await;

    let handled = remote_batch(&app, &worker).await;
    assert_eq!(handled, 2, "the post and its title");

    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &sofia)
        .await
        .expect(200);
    assert_eq!(
        page["posts"][0]["translation"]["body"],
        "La casa es grande."
    );
    assert_eq!(page["posts"][0]["translation"]["status"], "ready");
    assert_eq!(page["thread"]["title_translation"]["body"], "La casa roja");
    let key = segment_key("en", "es", "eng-spa", "The house is big.");
    let entry = cached(&app, &worker, &key).await;
    assert_eq!(
        entry, "La casa es grande.",
        "the server cached the sentences of the result it accepted"
    );
    let listed = app.get("/api/v1/admin/workers", &admin).await.expect(200);
    assert_eq!(listed[0]["name"], "gpu-box");
    assert!(listed[0]["last_used_at"].is_string(), "{listed}");
}

async fn worker_tokens_do_nothing_else_and_users_cannot_lease(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin("root").await;
    let student = app.register("student", &["en"]).await;
    let worker = worker_token(&app, &admin).await;
    let lease = json!({"instance": "box/1", "limit": 10, "lease_seconds": 60,
                       "pairs": [{"from": "en", "to": "es"}]});
    app.get("/api/v1/me", &worker)
        .await
        .expect_error(401, "unauthenticated");
    app.post(
        "/api/v1/spaces",
        &worker,
        json!({"slug": "abc", "name": "x", "visibility": "public"}),
    )
    .await
    .expect_error(401, "unauthenticated");
    for user in [&student, &admin] {
        app.post("/api/v1/worker/lease", user, lease.clone())
            .await
            .expect_error(401, "unauthenticated");
    }
    app.post("/api/v1/worker/lease", Auth::Anonymous, lease.clone())
        .await
        .expect_error(401, "unauthenticated");
    assert_eq!(
        app.post("/api/v1/worker/lease", &worker, lease.clone())
            .await
            .expect(200),
        json!([])
    );
    app.post(
        "/api/v1/worker/lease",
        &worker,
        json!({"instance": "box/1", "limit": 0, "lease_seconds": 60,
               "pairs": [{"from": "en", "to": "es"}]}),
    )
    .await
    .expect_error(400, "invalid_limit");
    app.post("/api/v1/admin/workers", &student, json!({"name": "mine"}))
        .await
        .expect_error(403, "permission_denied");
    app.get("/api/v1/admin/workers", &student)
        .await
        .expect_error(403, "permission_denied");

    let id = app.get("/api/v1/admin/workers", &admin).await.expect(200)[0]["id"]
        .as_i64()
        .expect("id");
    app.delete(&format!("/api/v1/admin/workers/{id}"), &student)
        .await
        .expect_error(403, "permission_denied");
    app.delete(&format!("/api/v1/admin/workers/{id}"), &admin)
        .await
        .expect(204);
    app.post("/api/v1/worker/lease", &worker, lease)
        .await
        .expect_error(401, "unauthenticated");
    app.delete(&format!("/api/v1/admin/workers/{id}"), &admin)
        .await
        .expect_error(404, "token_not_found");
}

/// Reads the event stream until `wanted` appears, or fails after a while.
async fn thread_events_announce_posts_and_translations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (emma, sofia) = english_club(&app).await;
    let (thread, _) = app
        .thread(&emma, "club", "The red house", "The house is big.")
        .await;
    app.get("/api/v1/threads/999999/events", &sofia)
        .await
        .expect_error(404, "thread_not_found");

    let mut stream = app
        .srv
        .get(format!("/api/v1/threads/{thread}/events"))
        .insert_header(("Authorization", format!("Bearer {}", sofia.token)))
        .send()
        .await
        .expect("stream opens");
    assert_eq!(stream.status().as_u16(), 200);
    assert_eq!(
        stream.headers().get("content-type").map(|v| v.as_bytes()),
        Some(&b"text/event-stream"[..])
    );
    let reply = app.reply(&emma, thread, "It is red.").await;
    let mut seen = String::new();
    wait_for_event(
        &mut stream,
        &mut seen,
        &format!("event: post\ndata: {{\"post_id\":{reply}}}"),
    )
    .await;

    app.translate_pending().await;
    wait_for_event(
        &mut stream,
        &mut seen,
        &format!("event: translation\ndata: {{\"post_id\":{reply}}}"),
    )
    .await;
    wait_for_event(
        &mut stream,
        &mut seen,
        "event: translation\ndata: {\"title\":true}",
    )
    .await;
}

/// What the shared sentence cache holds under `key`, as a worker looks it up.
async fn cached(app: &TestApp, worker: &TestUser, key: &str) -> Value {
    app.post(
        "/api/v1/worker/segments/lookup",
        worker,
        json!({"keys": [key]}),
    )
    .await
    .expect(200)["entries"][key]
        .clone()
}

/// Runs one remote worker batch with Apertium's English→Spanish pair.
async fn remote_batch(app: &TestApp, worker: &TestUser) -> usize {
    let server = app.srv.url("");
    let token = worker.token.clone();
    actix_web::web::block(move || {
        let engine: Arc<dyn Engine> = Arc::new(
            apertium::discover(Path::new(DEFAULT_MODES_DIR))
                .into_iter()
                .find(|e| e.mode() == "eng-spa")
                .expect("apertium-eng-spa is installed"),
        );
        Worker::new(
            Pipeline::new(Router::new(vec![engine])),
            Arc::new(HttpJobs::new(server.trim_end_matches('/'), &token)),
            WorkerSettings {
                name: "gpu-box/1".into(),
                ..WorkerSettings::default()
            },
        )
        .run_once()
    })
    .await
    .expect("worker thread")
    .expect("remote worker reaches the server")
}

/// A remote worker gets the space's glossary and corrections with its jobs; the server
/// checks its result against them and keeps a teacher's correction out of the shared
/// sentence cache.
async fn a_remote_worker_follows_the_glossary_and_corrections(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin("root").await;
    let worker = worker_token(&app, &admin).await;
    let (emma, sofia) = english_club(&app).await;
    app.put(
        "/api/v1/spaces/club/glossary",
        &emma,
        json!({"entries": [
            {"term": "Green Light"},
            {"term": "solar panels", "lang": "en", "translations": [{"lang": "es", "text": "placas solares"}]},
        ]}),
    )
    .await
    .expect(200);
    let (_, post) = app
        .thread(
            &emma,
            "club",
            "Solar",
            "The Green Light project uses solar panels. The house is big.",
        )
        .await;
    assert_eq!(remote_batch(&app, &worker).await, 2);
    let read = || async {
        app.get(&format!("/api/v1/posts/{post}"), &sofia)
            .await
            .expect(200)["translation"]
            .clone()
    };
    assert_eq!(
        read().await["body"],
        "El proyecto Green Light utiliza placas solares. La casa es grande."
    );

    app.post(
        &format!("/api/v1/posts/{post}/translation-flags"),
        &sofia,
        json!({"lang": "es", "sentence": 1}),
    )
    .await
    .expect(204);
    let flags = app
        .get("/api/v1/spaces/club/corrections", &emma)
        .await
        .expect(200);
    app.post(
        "/api/v1/spaces/club/corrections",
        &emma,
        json!({"flag_id": flags["flags"][0]["id"], "translation": "La casa es muy grande."}),
    )
    .await
    .expect(200);
    assert_eq!(remote_batch(&app, &worker).await, 1, "the post again");
    let corrected = read().await;
    assert_eq!(
        (&corrected["body"], &corrected["corrected"]),
        (
            &json!("El proyecto Green Light utiliza placas solares. La casa es muy grande."),
            &json!(true)
        )
    );
    let key = segment_key("en", "es", "eng-spa", "The house is big.");
    let entry = cached(&app, &worker, &key).await;
    assert_eq!(
        entry, "La casa es grande.",
        "the shared cache keeps the engine's sentence, not the space's correction"
    );
    // The same sentence with other markup: a sentence the engines never saw, corrected.
    let (_, bold) = app
        .thread(&emma, "club", "Solar", "The house is **big**.")
        .await;
    assert_eq!(
        remote_batch(&app, &worker).await,
        2,
        "the post and its title"
    );
    let read_bold = app
        .get(&format!("/api/v1/posts/{bold}"), &sofia)
        .await
        .expect(200)["translation"]
        .clone();
    assert_eq!(read_bold["body"], "La casa es muy grande.");
    let marked = segment_key("en", "es", "eng-spa", "The house is \u{e000}big\u{e100}.");
    assert_eq!(
        cached(&app, &worker, &marked).await,
        Value::Null,
        "a correction never enters the shared cache"
    );
}

async fn remote_workers_get_only_their_pairs_and_cannot_write_the_cache(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin("root").await;
    let worker = worker_token(&app, &admin).await;
    let emma = app.register("emma", &["en"]).await;
    let jonas = app.register("jonas", &["de"]).await;
    app.space(&emma, "club", "public").await;
    app.join(&jonas, "club", None).await;
    app.thread(&emma, "club", "The house", "The house is big. It is red.")
        .await;
    let lease = |pairs: Value| json!({"instance": "box/1", "limit": 10, "lease_seconds": 60, "pairs": pairs});
    assert_eq!(
        app.post(
            "/api/v1/worker/lease",
            &worker,
            lease(json!([{"from": "es", "to": "en"}]))
        )
        .await
        .expect(200),
        json!([]),
        "a worker of es→en gets no en→de job"
    );
    for (bad, code) in [
        (lease(json!([])), "invalid_json"),
        (
            lease(json!([{"from": "en", "to": "xx-"}])),
            "invalid_language_tag",
        ),
        (
            json!({"instance": "box/1", "limit": 257, "lease_seconds": 60,
                   "pairs": [{"from": "en", "to": "de"}]}),
            "invalid_limit",
        ),
        (
            json!({"instance": "box/1", "limit": 10, "lease_seconds": 3600,
                   "pairs": [{"from": "en", "to": "de"}]}),
            "invalid_json",
        ),
    ] {
        app.post("/api/v1/worker/lease", &worker, bad)
            .await
            .expect_error(400, code);
    }
    let jobs = app
        .post(
            "/api/v1/worker/lease",
            &worker,
            lease(json!([{"from": "en-GB", "to": "de-AT"}])),
        )
        .await
        .expect(200);
    let jobs = jobs.as_array().expect("jobs");
    assert_eq!(jobs.len(), 2, "the post and the title, en→de: {jobs:?}");
    let post = jobs
        .iter()
        .find(|j| j["kind"] == "post")
        .expect("the post's job");
    let complete = |text: String, segments: Vec<String>| {
        json!({
            "instance": "box/1",
            "job_id": post["id"],
            "revision": post["revision"],
            "outcome": {"outcome": "translated", "text": text, "engine": "x", "model": "m"},
            "segments": segments,
        })
    };
    app.post(
        "/api/v1/worker/complete",
        &worker,
        complete("Ein Satz.".into(), vec!["Ein Satz.".into()]),
    )
    .await
    .expect_error(400, "invalid_translation");
    let huge = "x".repeat(4 * 28 + 1025);
    app.post(
        "/api/v1/worker/complete",
        &worker,
        complete(huge.clone(), vec![huge, "y".into()]),
    )
    .await
    .expect_error(400, "invalid_translation");
    app.post(
        "/api/v1/worker/segments",
        &worker,
        json!({"entries": {"k": "v"}}),
    )
    .await
    .expect_error(404, "route_not_found");
    let still_leased = app
        .get("/api/v1/admin/translation-jobs?state=leased", &admin)
        .await
        .expect(200);
    assert_eq!(
        still_leased.as_array().map(Vec::len),
        Some(2),
        "a refused result changes nothing"
    );
}

/// Jobs in each state, as the admin API lists them (up to 100 each).
async fn jobs_in(app: &TestApp, admin: &TestUser, state: &str) -> Vec<Value> {
    app.get(
        &format!("/api/v1/admin/translation-jobs?state={state}&limit=100"),
        admin,
    )
    .await
    .expect(200)
    .as_array()
    .cloned()
    .unwrap_or_default()
}

/// A `pontis worker` process killed with SIGKILL in the middle of its work loses no job
/// and stores none twice: its leases (10 s here) run out and another worker finishes.
async fn a_killed_worker_process_loses_nothing_and_stores_nothing_twice(backend: Backend) {
    use std::process::Command;
    let app = TestApp::start(backend).await;
    let admin = app.admin("root").await;
    let worker = worker_token(&app, &admin).await;
    let (emma, sofia) = english_club(&app).await;
    let mut threads = Vec::new();
    for n in 0..20 {
        let title = format!("The house {n}");
        let body = format!("The house {n} is big. It is red.");
        threads.push(app.thread(&emma, "club", &title, &body).await.0);
    }
    let total = threads.len() * 2;

    let dir = tempfile::tempdir().expect("temporary directory");
    let log = dir.path().join("worker.log");
    let log_file = std::fs::File::create(&log).expect("log file");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pontis"))
        .args([
            "worker",
            "--server",
            &app.srv.url("/"),
            "--token",
            &worker.token,
        ])
        .args(["--threads", "1", "--lease-seconds", "10"])
        .env("PONTIS_DATA_DIR", dir.path())
        .env("PONTIS_TRANSLATION__BATCH_JOBS", "4")
        .stdout(log_file.try_clone().expect("log file"))
        .stderr(log_file)
        .spawn()
        .expect("start pontis worker");
    // Killed as soon as it has stored a result: the rest are queued or in its hands.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
    let done_before = loop {
        let done = jobs_in(&app, &admin, "done").await.len();
        if done > 0 {
            break done;
        }
        if std::time::Instant::now() > deadline || child.try_wait().ok().flatten().is_some() {
            let _ = child.kill();
            panic!(
                "the worker stored nothing; its log:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    child.kill().expect("SIGKILL");
    child.wait().expect("reap the worker");
    let done_at_kill = jobs_in(&app, &admin, "done").await.len();
    assert!(
        (done_before..total).contains(&done_at_kill),
        "killed part of the way: {done_at_kill} of {total} done"
    );

    // Its leases run out; the server's worker takes what it left.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while jobs_in(&app, &admin, "done").await.len() < total {
        assert!(
            std::time::Instant::now() < deadline,
            "jobs left behind: {:?}",
            jobs_in(&app, &admin, "leased").await
        );
        app.translate_pending().await;
        actix_web::rt::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    let done = jobs_in(&app, &admin, "done").await;
    assert_eq!(done.len(), total, "every job done once, none lost");
    assert!(
        done.iter()
            .all(|job| job["attempts"].as_i64().is_some_and(|n| n <= 2)),
        "leased at most twice (the killed worker, then one more): {done:?}"
    );
    for thread in threads {
        let page = app
            .get(&format!("/api/v1/threads/{thread}"), &sofia)
            .await
            .expect(200);
        assert_eq!(page["posts"][0]["translation"]["status"], "ready", "{page}");
        assert_eq!(
            page["thread"]["title_translation"]["status"], "ready",
            "{page}"
        );
    }
}

on_both_backends!(
    #[actix_web::test] async
    a_killed_worker_process_loses_nothing_and_stores_nothing_twice,
    remote_workers_get_only_their_pairs_and_cannot_write_the_cache,
    a_remote_worker_follows_the_glossary_and_corrections,
    a_remote_worker_translates_while_the_servers_worker_is_off,
    worker_tokens_do_nothing_else_and_users_cannot_lease,
    thread_events_announce_posts_and_translations,
);
