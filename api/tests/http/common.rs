//! A real Pontis server per test, on a random local port, over a fresh database.

use actix_web::http::Method;
use actix_web::web::Data;
use pontis_models::Backend;
use pontis_models::testing::TestDb;
use pontis_search::{EmbeddedIndex, Indexer, SearchIndex};
use pontis_server::app::app;
use pontis_server::config::{Config, RateLimits};
use pontis_server::server;
use pontis_translator::Engine;
use pontis_translator::apertium::{self, DEFAULT_MODES_DIR};
use pontis_translator::local::DbJobs;
use pontis_translator::pipeline::Pipeline;
use pontis_translator::route::Router;
use pontis_translator::worker::{Worker, WorkerSettings};
use serde_json::{Value, json};
use std::path::Path;
use std::sync::Arc;

pub struct TestApp {
    pub srv: actix_test::TestServer,
    pub store: TestDb,
    /// The test's own search index, in memory.
    pub search: Arc<dyn SearchIndex>,
}

#[derive(Debug, Clone)]
pub struct TestUser {
    pub handle: String,
    pub token: String,
    pub csrf: String,
}

/// How a request authenticates.
#[derive(Clone, Copy)]
pub enum Auth<'a> {
    Anonymous,
    Bearer(&'a TestUser),
    /// The session cookie, with or without the CSRF header.
    Cookie {
        user: &'a TestUser,
        csrf: bool,
    },
}

impl<'a> From<&'a TestUser> for Auth<'a> {
    fn from(user: &'a TestUser) -> Self {
        Auth::Bearer(user)
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
    pub headers: actix_web::http::header::HeaderMap,
}

impl Reply {
    /// The body, after checking the status.
    #[track_caller]
    pub fn expect(self, status: u16) -> Value {
        assert_eq!(
            self.status, status,
            "unexpected status; body: {}",
            self.body
        );
        self.body
    }

    /// Checks an error response: status, stable code, and the shape of the body.
    #[track_caller]
    pub fn expect_error(self, status: u16, code: &str) -> Value {
        assert_eq!(
            self.status, status,
            "unexpected status; body: {}",
            self.body
        );
        assert_eq!(
            self.body["code"], code,
            "unexpected code; body: {}",
            self.body
        );
        assert!(
            self.body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{}",
            self.body
        );
        assert!(
            ["invalid_request", "auth", "not_found", "internal"]
                .contains(&self.body["type"].as_str().unwrap_or_default()),
            "{}",
            self.body
        );
        self.body
    }
}

impl TestApp {
    pub async fn start(backend: Backend) -> Self {
        Self::with_limits(backend, RateLimits::unlimited()).await
    }

    pub async fn with_limits(backend: Backend, rate_limits: RateLimits) -> Self {
        Self::with_config(
            backend,
            Config {
                rate_limits,
                ..Config::default()
            },
        )
        .await
    }

    pub async fn with_config(backend: Backend, config: Config) -> Self {
        let mut store = TestDb::new(backend);
        let search: Arc<dyn SearchIndex> =
            Arc::new(EmbeddedIndex::in_memory().expect("search index"));
        let state = Data::new(
            server::state(&config, store.db.clone(), Arc::clone(&search)).expect("app state"),
        );
        // The test's own writes (`translate_pending`) wake the live streams' hub, as the
        // server's workers' writes do.
        store.db = state.db.clone();
        let srv = actix_test::start(move || app(state.clone()));
        // As `pontis serve` does when its worker starts: readers may ask for what the
        // installed Apertium pairs reach (the engines `translate_pending` uses).
        let pairs = Router::new(apertium_engines()).route_forms();
        pontis_models::translation::routes::announce(&store.db, "server:test", &pairs, None)
            .expect("announce the routes");
        Self { srv, store, search }
    }

    /// Translates every queued job with Debian's real Apertium pairs, as the server's
    /// worker would; returns the jobs handled.
    pub async fn translate_pending(&self) -> usize {
        translate_pending_with(self.store.db.clone()).await
    }

    /// Drains the search outbox into the index, as the server's indexer thread would.
    pub fn index_search(&self) -> usize {
        Indexer::new(self.store.db.clone(), Arc::clone(&self.search))
            .catch_up()
            .expect("indexing")
    }

    pub async fn request<'a>(
        &self,
        method: Method,
        path: &str,
        auth: impl Into<Auth<'a>>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut req = self.srv.request(method, self.srv.url(path));
        match auth.into() {
            Auth::Anonymous => {}
            Auth::Bearer(user) => {
                req = req.insert_header(("Authorization", format!("Bearer {}", user.token)));
            }
            Auth::Cookie { user, csrf } => {
                req = req.insert_header(("Cookie", format!("pontis_session={}", user.token)));
                if csrf {
                    req = req.insert_header(("X-CSRF-Token", user.csrf.clone()));
                }
            }
        }
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        let mut res = match body {
            Some(body) => req.send_json(&body).await,
            None => req.send().await,
        }
        .expect("request reaches the server");
        let bytes = res
            .body()
            .limit(16 * 1024 * 1024)
            .await
            .expect("response body");
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        Reply {
            status: res.status().as_u16(),
            body,
            headers: res.headers().clone(),
        }
    }

    pub async fn get<'a>(&self, path: &str, auth: impl Into<Auth<'a>>) -> Reply {
        self.request(Method::GET, path, auth, None, &[]).await
    }

    pub async fn post<'a>(&self, path: &str, auth: impl Into<Auth<'a>>, body: Value) -> Reply {
        self.request(Method::POST, path, auth, Some(body), &[])
            .await
    }

    pub async fn patch<'a>(&self, path: &str, auth: impl Into<Auth<'a>>, body: Value) -> Reply {
        self.request(Method::PATCH, path, auth, Some(body), &[])
            .await
    }

    pub async fn put<'a>(&self, path: &str, auth: impl Into<Auth<'a>>, body: Value) -> Reply {
        self.request(Method::PUT, path, auth, Some(body), &[]).await
    }

    pub async fn delete<'a>(&self, path: &str, auth: impl Into<Auth<'a>>) -> Reply {
        self.request(Method::DELETE, path, auth, None, &[]).await
    }

    /// Registers a user who reads `languages` (the first is also the UI locale).
    pub async fn register(&self, handle: &str, languages: &[&str]) -> TestUser {
        let body = self
            .post(
                "/api/v1/auth/register",
                Auth::Anonymous,
                json!({
                    "handle": handle,
                    "password": "correct horse battery",
                    "locale": languages[0],
                    "languages": languages,
                }),
            )
            .await
            .expect(201);
        TestUser {
            handle: handle.to_owned(),
            token: body["token"].as_str().expect("token").to_owned(),
            csrf: body["csrf_token"].as_str().expect("csrf token").to_owned(),
        }
    }

    /// Creates a space owned by `owner`; returns its invite code.
    pub async fn space(&self, owner: &TestUser, slug: &str, visibility: &str) -> String {
        let body = self
            .post(
                "/api/v1/spaces",
                owner,
                json!({"slug": slug, "name": format!("Space {slug}"), "visibility": visibility}),
            )
            .await
            .expect(201);
        body["invite_code"]
            .as_str()
            .expect("owner sees the invite code")
            .to_owned()
    }

    pub async fn join(&self, user: &TestUser, slug: &str, invite_code: Option<&str>) {
        self.post(
            &format!("/api/v1/spaces/{slug}/join"),
            user,
            json!({ "invite_code": invite_code }),
        )
        .await
        .expect(200);
    }

    pub async fn set_role(&self, owner: &TestUser, slug: &str, handle: &str, role: &str) {
        self.patch(
            &format!("/api/v1/spaces/{slug}/members/{handle}"),
            owner,
            json!({ "role": role }),
        )
        .await
        .expect(200);
    }

    /// Starts a thread in English; returns (thread id, first post id).
    pub async fn thread(
        &self,
        author: &TestUser,
        slug: &str,
        title: &str,
        body: &str,
    ) -> (i64, i64) {
        let created = self
            .post(
                &format!("/api/v1/spaces/{slug}/threads"),
                author,
                json!({"title": title, "body": body, "lang": "en"}),
            )
            .await
            .expect(201);
        (
            created["thread"]["id"].as_i64().expect("thread id"),
            created["post"]["id"].as_i64().expect("post id"),
        )
    }

    pub async fn reply(&self, author: &TestUser, thread_id: i64, body: &str) -> i64 {
        self.post(
            &format!("/api/v1/threads/{thread_id}/posts"),
            author,
            json!({"body": body, "lang": "en"}),
        )
        .await
        .expect(201)["id"]
            .as_i64()
            .expect("post id")
    }
}

/// A space with one member of each role, and someone outside it.
#[derive(Debug)]
pub struct Class {
    pub invite_code: String,
    /// Created the space.
    pub owner: TestUser,
    /// Promoted to teacher by the owner.
    pub teacher: TestUser,
    /// Students.
    pub ana: TestUser,
    pub ben: TestUser,
    /// Registered, but not a member.
    pub outsider: TestUser,
}

impl TestApp {
    /// Creates a space `slug` with an owner, a teacher, two students and an outsider.
    /// Registers the users `owner`, `teacher`, `ana`, `ben` and `outsider`.
    pub async fn class(&self, slug: &str, visibility: &str) -> Class {
        let owner = self.register("owner", &["en"]).await;
        let teacher = self.register("teacher", &["it", "en"]).await;
        let ana = self.register("ana", &["es", "en"]).await;
        let ben = self.register("ben", &["de", "en"]).await;
        let outsider = self.register("outsider", &["fr"]).await;
        let invite_code = self.space(&owner, slug, visibility).await;
        for member in [&teacher, &ana, &ben] {
            self.join(member, slug, Some(&invite_code)).await;
        }
        self.set_role(&owner, slug, "teacher", "teacher").await;
        Class {
            invite_code,
            owner,
            teacher,
            ana,
            ben,
            outsider,
        }
    }

    /// Bans `handle` from the space for good; returns the ban.
    pub async fn ban(&self, moderator: &TestUser, slug: &str, handle: &str) -> Value {
        self.post(
            &format!("/api/v1/spaces/{slug}/bans"),
            moderator,
            json!({"handle": handle, "reason": "spam"}),
        )
        .await
        .expect(201)
    }

    /// A global administrator, created directly in the database as `pontis admin
    /// create-user --admin` does (the API cannot make one), then logged in.
    pub async fn admin(&self, handle: &str) -> TestUser {
        let db = self.store.db.clone();
        let new_user = pontis_models::accounts::NewUser {
            handle: handle.to_owned(),
            password: "correct horse battery".to_owned(),
            display_name: None,
            locale: "en".to_owned(),
            languages: vec!["en".to_owned()],
            is_admin: true,
        };
        let created =
            actix_web::web::block(move || pontis_models::accounts::create_user(&db, new_user))
                .await
                .expect("blocking task")
                .expect("create the administrator");
        assert!(created.is_admin);
        self.login(&created.handle).await
    }

    /// A new session of a user registered here.
    pub async fn login(&self, handle: &str) -> TestUser {
        let body = self
            .post(
                "/api/v1/auth/login",
                Auth::Anonymous,
                json!({"handle": handle, "password": "correct horse battery"}),
            )
            .await
            .expect(200);
        TestUser {
            handle: handle.to_owned(),
            token: body["token"].as_str().expect("token").to_owned(),
            csrf: body["csrf_token"].as_str().expect("csrf token").to_owned(),
        }
    }

    /// POST with no body at all.
    pub async fn post_empty<'a>(&self, path: &str, auth: impl Into<Auth<'a>>) -> Reply {
        self.request(Method::POST, path, auth, None, &[]).await
    }
}

/// Every Apertium pair the test set-up installs.
fn apertium_engines() -> Vec<Arc<dyn Engine>> {
    let engines: Vec<Arc<dyn Engine>> = apertium::discover(Path::new(DEFAULT_MODES_DIR))
        .into_iter()
        .map(|e| Arc::new(e) as Arc<dyn Engine>)
        .collect();
    assert!(!engines.is_empty(), "Apertium pairs are installed");
    engines
}

/// Reads the event stream until `wanted` has been seen (20 s at most).
pub async fn wait_for_event(
    stream: &mut awc::ClientResponse<
        impl futures_util::Stream<Item = Result<actix_web::web::Bytes, awc::error::PayloadError>>
        + Unpin,
    >,
    seen: &mut String,
    wanted: &str,
) {
    use futures_util::StreamExt;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !seen.contains(wanted) {
        assert!(
            std::time::Instant::now() < deadline,
            "no {wanted:?} in {seen:?}"
        );
        let chunk = actix_web::rt::time::timeout(std::time::Duration::from_secs(5), stream.next())
            .await
            .ok()
            .flatten()
            .expect("the stream stays open")
            .expect("stream chunk");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
}

/// Translates every queued job through `db` with Debian's real Apertium pairs, as a
/// worker would; returns the jobs handled.
pub async fn translate_pending_with(db: pontis_models::Db) -> usize {
    actix_web::web::block(move || {
        let engines = apertium_engines();
        let worker = Worker::new(
            Pipeline::new(Router::new(engines)),
            Arc::new(DbJobs::new(db)),
            WorkerSettings::default(),
        );
        let mut handled = 0;
        loop {
            match worker.run_once().expect("worker") {
                0 => return handled,
                jobs => handled += jobs,
            }
        }
    })
    .await
    .expect("worker thread")
}
