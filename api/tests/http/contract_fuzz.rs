//! The OpenAPI document against a real `pontis serve`: schemathesis (installed in the
//! project's Python environment by `scripts/test.sh`) generates requests from
//! `GET /api/v1/openapi.json`, once with the token of each role (student, teacher, owner,
//! admin, worker), and every one of its default checks must pass: no server error, only
//! declared statuses and bodies, schema-valid requests accepted, invalid ones refused,
//! 405 with `Allow` for undeclared methods, and authentication enforced.
//!
//! Real ids, cursors and handles are pinned per operation through a schemathesis
//! configuration file, so that each role reaches each operation beyond 404; every
//! operation that changes something points at data of the role's own (its thread, a
//! spare token, a spare session, a member of its own to remove), so that no pass changes
//! what another pass reads. The passes run with an API token, which logging out and
//! ending every session leave alone; leaving the space comes last, in a pass of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use actix_web::http::Method;
use serde_json::{Value, json};

const PASSWORD: &str = "correct horse battery";

/// Generated cases per operation and phase; the whole test stays within a few minutes.
const MAX_EXAMPLES: &str = "5";

/// A `pontis serve` process on a free port over its own data directory; killed on drop.
struct Server {
    child: Child,
    url: String,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn pontis(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pontis"));
    command
        .arg("--config")
        .arg(dir.join("pontis.toml"))
        .env("PONTIS_DATA_DIR", dir)
        .env("NO_COLOR", "1")
        .env("RUST_LOG", "info");
    command
}

impl Server {
    /// Migrates, creates the global administrator the way an operator does
    /// (`pontis admin create-user --admin`), then serves.
    fn start(dir: &Path) -> Self {
        // No rate limit (0 is none): fuzzing sends far more than a class would. No
        // translation worker: jobs stay queued, for the admin's queue to show.
        std::fs::write(
            dir.join("pontis.toml"),
            "[rate_limits]\n\
             registrations_per_hour_per_ip = 0\n\
             logins_per_minute_per_ip = 0\n\
             failed_logins_before_delay = 0\n\
             posts_per_minute_per_user = 0\n\
             posts_per_minute_per_ip = 0\n\
             edits_per_minute_per_user = 0\n\
             reports_per_minute_per_user = 0\n\
             joins_per_hour_per_user = 0\n\
             spaces_per_day_per_user = 0\n\
             searches_per_minute_per_user = 0\n\
             event_streams_per_user = 0\n\
             [translation]\n\
             worker = false\n",
        )
        .expect("write the configuration");
        let status = pontis(dir).arg("migrate").status().expect("pontis migrate");
        assert!(status.success(), "pontis migrate failed");
        let mut create = pontis(dir)
            .args(["admin", "create-user", "--handle", "root", "--admin"])
            .stdin(Stdio::piped())
            .spawn()
            .expect("pontis admin create-user");
        create
            .stdin
            .take()
            .expect("stdin")
            .write_all(format!("{PASSWORD}\n").as_bytes())
            .expect("the password");
        assert!(
            create.wait().expect("create-user").success(),
            "create-user failed"
        );

        let log = dir.join("serve.log");
        let log_file = std::fs::File::create(&log).expect("log file");
        let mut child = pontis(dir)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .expect("pontis serve");
        let stdout = child.stdout.take().expect("stdout");
        // The first line names the address; the rest (the request log) goes to the file.
        let (tx, rx) = std::sync::mpsc::channel();
        let copy_to = log.clone();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            let mut log = std::fs::OpenOptions::new()
                .append(true)
                .open(copy_to)
                .expect("log file");
            for line in lines.by_ref().map_while(Result::ok) {
                if let Some(rest) = line.split("serving on ").nth(1) {
                    let _ = tx.send(rest.trim().trim_end_matches('/').to_owned());
                }
                let _ = writeln!(log, "{line}");
            }
        });
        let url = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(url) => url,
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "pontis serve did not start:\n{}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                );
            }
        };
        Self { child, url, log }
    }
}

/// A small HTTP client for the set-up.
struct Api {
    client: awc::Client,
    url: String,
}

impl Api {
    async fn call(&self, method: Method, path: &str, token: &str, body: Option<Value>) -> Value {
        let mut request = self
            .client
            .request(method.clone(), format!("{}{path}", self.url));
        if !token.is_empty() {
            request = request.insert_header(("Authorization", format!("Bearer {token}")));
        }
        let mut response = match body {
            Some(body) => request.send_json(&body).await,
            None => request.send().await,
        }
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let bytes = response
            .body()
            .limit(16 << 20)
            .await
            .expect("response body");
        let status = response.status();
        assert!(
            status.is_success(),
            "{method} {path}: {status} {}",
            String::from_utf8_lossy(&bytes)
        );
        if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).expect("JSON answer")
        }
    }

    async fn get(&self, path: &str, token: &str) -> Value {
        self.call(Method::GET, path, token, None).await
    }

    async fn post(&self, path: &str, token: &str, body: Value) -> Value {
        self.call(Method::POST, path, token, Some(body)).await
    }

    async fn register(&self, handle: &str, languages: &[&str]) -> String {
        let auth = self
            .post(
                "/api/v1/auth/register",
                "",
                json!({"handle": handle, "password": PASSWORD, "locale": "en", "languages": languages}),
            )
            .await;
        text(&auth["token"])
    }

    async fn login(&self, handle: &str) -> String {
        let auth = self
            .post(
                "/api/v1/auth/login",
                "",
                json!({"handle": handle, "password": PASSWORD}),
            )
            .await;
        text(&auth["token"])
    }
}

fn text(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"))
        .to_owned()
}

fn id(value: &Value) -> i64 {
    value
        .as_i64()
        .unwrap_or_else(|| panic!("not an id: {value}"))
}

/// One pass of schemathesis: whose token, and what it pins.
struct Pass {
    role: &'static str,
    token: String,
    /// `operation id → [(parameter, value)]`, e.g. `"path.id"`, `"query.cursor"`, `"body.handle"`.
    pinned: BTreeMap<&'static str, Vec<(&'static str, Value)>>,
    /// Everywhere: the space's slug and the handle its operations act on.
    everywhere: Vec<(&'static str, Value)>,
    /// Only these operations (by id); all when empty.
    only: Vec<&'static str>,
    /// Operations left to a later pass.
    without: Vec<&'static str>,
}

/// What one role's user owns in the space, for its pass to act on.
struct Own {
    token: String,
    thread: i64,
    first_post: i64,
    reply: i64,
    doomed_post: i64,
    report: i64,
    spare_token: i64,
    spare_session: i64,
    thread_cursor: String,
    /// A page of the user's notifications after the first.
    notifications_cursor: String,
    victim: String,
}

fn toml_value(value: &Value) -> String {
    // JSON strings and numbers are TOML as they are.
    value.to_string()
}

impl Pass {
    fn config(&self) -> String {
        let mut out = String::from("[parameters]\n");
        for (name, value) in &self.everywhere {
            out.push_str(&format!("\"{name}\" = {}\n", toml_value(value)));
        }
        for (operation, parameters) in &self.pinned {
            out.push_str(&format!(
                "\n[[operations]]\ninclude-operation-id = \"{operation}\"\n"
            ));
            if matches!(*operation, "thread_events" | "events") {
                // An event stream never ends: read it for half a second.
                out.push_str("request-timeout = 0.5\n");
            }
            out.push_str("[operations.parameters]\n");
            for (name, value) in parameters {
                out.push_str(&format!("\"{name}\" = {}\n", toml_value(value)));
            }
        }
        out
    }
}

fn pinned_for(own: &Own, shared: &Shared) -> BTreeMap<&'static str, Vec<(&'static str, Value)>> {
    let thread = json!(own.thread);
    let mut pinned: BTreeMap<&'static str, Vec<(&'static str, Value)>> = BTreeMap::new();
    for op in [
        "lock_thread",
        "unlock_thread",
        "pin_thread",
        "unpin_thread",
        "hide_thread",
        "unhide_thread",
        "create_post",
        "thread_events",
        "get_watch",
        "set_watch",
    ] {
        pinned.insert(op, vec![("path.id", thread.clone())]);
    }
    pinned.insert(
        "events",
        vec![("query.threads", json!(own.thread.to_string()))],
    );
    pinned.insert(
        "list_notifications",
        vec![("query.cursor", json!(own.notifications_cursor))],
    );
    pinned.insert(
        "get_thread",
        vec![
            ("path.id", thread.clone()),
            ("query.cursor", json!(own.thread_cursor)),
        ],
    );
    for op in ["get_post", "report_post", "post_sentences", "flag_sentence"] {
        pinned.insert(op, vec![("path.id", json!(own.first_post))]);
    }
    for op in ["edit_post", "list_revisions", "hide_post", "unhide_post"] {
        pinned.insert(op, vec![("path.id", json!(own.reply))]);
    }
    pinned.insert("delete_post", vec![("path.id", json!(own.doomed_post))]);
    pinned.insert("resolve_report", vec![("path.id", json!(own.report))]);
    pinned.insert("delete_token", vec![("path.id", json!(own.spare_token))]);
    pinned.insert("end_session", vec![("path.id", json!(own.spare_session))]);
    pinned.insert(
        "change_password",
        vec![("body.current_password", json!(PASSWORD))],
    );
    pinned.insert("ban_user", vec![("body.handle", json!(own.victim))]);
    pinned.insert(
        "list_threads",
        vec![("query.cursor", json!(shared.threads_cursor))],
    );
    pinned.insert(
        "list_reports",
        vec![("query.cursor", json!(shared.reports_cursor))],
    );
    pinned.insert(
        "modlog",
        vec![("query.cursor", json!(shared.modlog_cursor))],
    );
    pinned.insert(
        "search",
        vec![("query.cursor", json!(shared.search_cursor))],
    );
    pinned.insert(
        "retry_translation_job",
        vec![("path.id", json!(shared.job))],
    );
    pinned.insert(
        "revoke_worker",
        vec![("path.id", json!(shared.spare_worker))],
    );
    pinned
}

/// What every pass shares: cursors of the space's listings and the admin's spare ids.
struct Shared {
    threads_cursor: String,
    reports_cursor: String,
    modlog_cursor: String,
    search_cursor: String,
    job: i64,
    spare_worker: i64,
}

/// Sets up one role's own data in the space "club".
async fn own(api: &Api, handle: &str, session: &str, reporter: &str, victim: &str) -> Own {
    let token = text(
        &api.post(
            "/api/v1/me/tokens",
            session,
            json!({"name": "schemathesis"}),
        )
        .await["token"],
    );
    let spare_token = id(&api
        .post("/api/v1/me/tokens", session, json!({"name": "spare"}))
        .await["id"]);
    let other = api.login(handle).await;
    let sessions = api.get("/api/v1/me/sessions", &other).await;
    let spare_session = sessions
        .as_array()
        .and_then(|all| all.iter().find(|s| s["current"] == true))
        .map(|s| id(&s["id"]))
        .expect("the current session is listed");
    let created = api
        .post(
            "/api/v1/spaces/club/threads",
            &token,
            json!({"title": format!("The house of {handle}"), "body": "The house is big.", "lang": "en"}),
        )
        .await;
    let thread = id(&created["thread"]["id"]);
    let first_post = id(&created["post"]["id"]);
    let mut replies = Vec::new();
    for body in ["The garden is green.", "The door is red."] {
        let post = api
            .post(
                &format!("/api/v1/threads/{thread}/posts"),
                &token,
                json!({"body": body, "lang": "en"}),
            )
            .await;
        replies.push(id(&post["id"]));
    }
    let report = id(&api
        .post(
            &format!("/api/v1/posts/{}/reports", replies[0]),
            reporter,
            json!({"reason": "Off topic"}),
        )
        .await["id"]);
    api.post(
        &format!("/api/v1/posts/{first_post}/reports"),
        reporter,
        json!({"reason": "Spam"}),
    )
    .await;
    let page = api
        .get(&format!("/api/v1/threads/{thread}?limit=1"), &token)
        .await;
    // The reporter's two replies in the user's thread: two notifications, two pages.
    for body in ["I like it.", "Me too."] {
        api.post(
            &format!("/api/v1/threads/{thread}/posts"),
            reporter,
            json!({"body": body, "lang": "en"}),
        )
        .await;
    }
    let notifications = api.get("/api/v1/notifications?limit=1", &token).await;
    let victim_session = api.register(victim, &["en"]).await;
    api.call(
        Method::POST,
        "/api/v1/spaces/club/join",
        &victim_session,
        None,
    )
    .await;
    Own {
        token,
        thread,
        first_post,
        reply: replies[0],
        doomed_post: replies[1],
        report,
        spare_token,
        spare_session,
        thread_cursor: text(&page["next_cursor"]),
        notifications_cursor: text(&notifications["next_cursor"]),
        victim: victim.to_owned(),
    }
}

/// The counts of one pass, from the server's request log.
#[derive(Default)]
struct Counts {
    requests: usize,
    reached: BTreeSet<String>,
    operations: BTreeSet<String>,
}

/// Reads the request lines (`GET /api/v1/me HTTP/1.1 200 0.4ms`) the server logged from
/// `from` on, matched to the document's operations.
fn counts(log: &Path, from: usize, document: &Value) -> (Counts, usize) {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(" HTTP/1.1 ")).collect();
    let templates: Vec<(String, Vec<String>)> = document["paths"]
        .as_object()
        .map(|paths| {
            paths
                .iter()
                .flat_map(|(path, item)| {
                    item.as_object()
                        .map(|ops| ops.keys().cloned().collect::<Vec<_>>())
                        .unwrap_or_default()
                        .into_iter()
                        .map(move |method| (format!("{} {path}", method.to_uppercase()), path))
                })
                .map(|(label, path)| (label, path.split('/').map(str::to_owned).collect()))
                .collect()
        })
        .unwrap_or_default();
    let mut out = Counts::default();
    for line in lines.iter().skip(from) {
        let Some((before, after)) = line.split_once(" HTTP/1.1 ") else {
            continue;
        };
        let mut words = before.rsplit(' ');
        let (Some(target), Some(method)) = (words.next(), words.next()) else {
            continue;
        };
        let status: u16 = after
            .split(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        out.requests += 1;
        let path = target.split('?').next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').collect();
        let found = templates.iter().find(|(label, parts)| {
            label.starts_with(&format!("{method} "))
                && parts.len() == segments.len()
                && parts.iter().zip(&segments).all(|(part, segment)| {
                    (part.starts_with('{') && !segment.is_empty()) || part == segment
                })
        });
        if let Some((label, _)) = found {
            out.operations.insert(label.clone());
            if status != 401 && status != 403 {
                out.reached.insert(label.clone());
            }
        }
    }
    (out, lines.len())
}

/// The Python of the project's environment (`scripts/test.sh` sets it up).
fn python() -> PathBuf {
    std::env::var_os("PONTIS_TEST_PYTHON").map_or_else(
        || {
            Path::new(&std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/pontis/venv/bin/python")
        },
        PathBuf::from,
    )
}

fn run_pass(server: &Server, dir: &Path, pass: &Pass) -> std::process::Output {
    let config = dir.join(format!("schemathesis-{}.toml", pass.role));
    std::fs::write(&config, pass.config()).expect("write the schemathesis configuration");
    let mut command = Command::new(python());
    command
        .args(["-m", "schemathesis.cli", "--config-file"])
        .arg(&config)
        .arg("run")
        .arg(format!("{}/api/v1/openapi.json", server.url))
        .args(["--url", &server.url])
        .args(["--header", &format!("Authorization: Bearer {}", pass.token)])
        .args(["--max-examples", MAX_EXAMPLES])
        // The same requests on every run: a failure can be run again as it was.
        .args(["--seed", "20261129"])
        // One worker: CPython 3.11 builds ASTs with a process-wide recursion counter, and
        // Hypothesis parsing lambdas in two threads at once trips it ("AST constructor
        // recursion depth mismatch", python/cpython#106905), failing a run at random.
        .args(["--workers", "1", "--no-color"])
        .args(["--generation-database", "none"])
        .current_dir(dir);
    for operation in &pass.only {
        command.args(["--include-operation-id", operation]);
    }
    for operation in &pass.without {
        command.args(["--exclude-operation-id", operation]);
    }
    command.output().expect(
        "run schemathesis from the project's Python environment (scripts/test.sh installs it)",
    )
}

#[actix_web::test]
async fn schemathesis_finds_nothing_for_any_role() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temporary directory");
    let server = Server::start(dir.path());
    let api = Api {
        client: awc::Client::builder()
            .timeout(Duration::from_secs(30))
            .finish(),
        url: server.url.clone(),
    };

    // The people: an owner, a teacher, a student who reads Spanish (so that translation
    // jobs wait in the queue), someone who reports, and the administrator.
    let olga = api.register("olga", &["en"]).await;
    let tomas = api.register("tomas", &["en"]).await;
    let sara = api.register("sara", &["es"]).await;
    let rita = api.register("rita", &["en"]).await;
    let root = api.login("root").await;
    api.post(
        "/api/v1/spaces",
        &olga,
        json!({"slug": "club", "name": "The club", "visibility": "public"}),
    )
    .await;
    for member in [&tomas, &sara, &rita, &root] {
        api.call(Method::POST, "/api/v1/spaces/club/join", member, None)
            .await;
    }
    api.call(
        Method::PATCH,
        "/api/v1/spaces/club/members/tomas",
        &olga,
        Some(json!({"role": "teacher"})),
    )
    .await;
    api.post("/api/v1/spaces/club/invite", &olga, json!({}))
        .await;

    let worker = text(
        &api.post("/api/v1/admin/workers", &root, json!({"name": "gpu-box"}))
            .await["token"],
    );
    let spare_worker = id(&api
        .post("/api/v1/admin/workers", &root, json!({"name": "spare"}))
        .await["id"]);
    // A worker that translates English to Spanish announces the pair: the posts below then
    // queue jobs for Sara, which the admin's queue shows.
    api.post(
        "/api/v1/worker/lease",
        &worker,
        json!({"instance": "gpu-box/1", "limit": 1, "lease_seconds": 10,
               "pairs": [{"from": "en", "to": "es"}]}),
    )
    .await;

    let mut owns = Vec::new();
    for (role, handle, session, victim) in [
        ("student", "sara", &sara, "vic_student"),
        ("admin", "root", &root, "vic_admin"),
        ("teacher", "tomas", &tomas, "vic_teacher"),
        ("owner", "olga", &olga, "vic_owner"),
    ] {
        owns.push((role, own(&api, handle, session, &rita, victim).await));
    }

    let jobs = api
        .get("/api/v1/admin/translation-jobs?limit=1", &root)
        .await;
    let job = id(&jobs[0]["id"]);
    let cursor = |page: &Value| text(&page["next_cursor"]);
    let threads_cursor = cursor(&api.get("/api/v1/spaces/club/threads?limit=1", &olga).await);
    let reports_cursor = cursor(&api.get("/api/v1/spaces/club/reports?limit=1", &olga).await);
    let modlog_cursor = cursor(&api.get("/api/v1/spaces/club/modlog?limit=1", &olga).await);
    // The search index is fed in the background: wait for the posts to be found.
    let deadline = Instant::now() + Duration::from_secs(60);
    let search_cursor = loop {
        let page = api.get("/api/v1/search?q=house&limit=1", &olga).await;
        if let Some(next) = page["next_cursor"].as_str() {
            break next.to_owned();
        }
        assert!(Instant::now() < deadline, "the posts are never found");
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    };
    let shared = Shared {
        threads_cursor,
        reports_cursor,
        modlog_cursor,
        search_cursor,
        job,
        spare_worker,
    };

    let document = api.get("/api/v1/openapi.json", "").await;
    let everything: BTreeSet<String> = document["paths"]
        .as_object()
        .map(|paths| {
            paths
                .iter()
                .flat_map(|(path, item)| {
                    item.as_object()
                        .map(|ops| ops.keys().cloned().collect::<Vec<_>>())
                        .unwrap_or_default()
                        .into_iter()
                        .map(move |method| format!("{} {path}", method.to_uppercase()))
                })
                .collect()
        })
        .unwrap_or_default();

    // The worker first: its token reaches the worker's routes and is refused elsewhere.
    let mut passes = vec![Pass {
        role: "worker",
        token: worker,
        pinned: BTreeMap::new(),
        everywhere: vec![("path.slug", json!("club"))],
        only: Vec::new(),
        without: Vec::new(),
    }];
    for (role, own) in &owns {
        let everywhere = vec![
            ("path.slug", json!("club")),
            ("path.handle", json!(own.victim)),
        ];
        passes.push(Pass {
            role,
            token: own.token.clone(),
            pinned: pinned_for(own, &shared),
            everywhere: everywhere.clone(),
            only: Vec::new(),
            without: vec!["leave_space"],
        });
    }
    // Leaving the space last: after it the role could no longer post or moderate there.
    for (role, own) in &owns {
        passes.push(Pass {
            role,
            token: own.token.clone(),
            pinned: BTreeMap::new(),
            everywhere: vec![("path.slug", json!("club"))],
            only: vec!["leave_space"],
            without: Vec::new(),
        });
    }

    let mut failures = Vec::new();
    let mut by_role: BTreeMap<&str, Counts> = BTreeMap::new();
    let (_, mut seen) = counts(&server.log, 0, &document);
    for pass in &passes {
        let output = run_pass(&server, dir.path(), pass);
        let (counted, now) = counts(&server.log, seen, &document);
        seen = now;
        let total = by_role.entry(pass.role).or_default();
        total.requests += counted.requests;
        total.reached.extend(counted.reached);
        total.operations.extend(counted.operations);
        if !output.status.success() {
            failures.push(format!(
                "schemathesis as {} ({:?}):\n{}\n{}",
                pass.role,
                pass.only,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }

    println!(
        "schemathesis over {} operations, {:.0} s:",
        everything.len(),
        started.elapsed().as_secs_f64()
    );
    for (role, counted) in &by_role {
        println!(
            "  {role:<8} {:>6} requests, {:>2} operations called, {:>2} answered other than 401/403",
            counted.requests,
            counted.operations.len(),
            counted.reached.len()
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    for (role, counted) in &by_role {
        assert_eq!(
            counted.operations, everything,
            "{role}: schemathesis called every operation"
        );
    }
}
