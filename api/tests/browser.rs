//! End to end in a real browser (Debian's headless Chromium through chromedriver): a
//! Spanish student posts, a German student reads it in German, sees the translation land
//! live and opens the original, a teacher hides the reported post from the reports
//! queue, an Arabic reply reads right to left in an English page, and the Arabic UI is
//! right to left. It runs on SQLite and on PostgreSQL. Screenshots of the main pages go to
//! `$PONTIS_TEST_OUTPUT/screenshots` (default `<repo>/test-output/screenshots`).
//!
//! Chromium and chromedriver are required (scripts/test.sh installs them): without them
//! this test fails rather than skips.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use actix_web::web::Data;
use fantoccini::{Client, ClientBuilder, Locator};
use pontis_models::Backend;
use pontis_models::testing::TestDb;
use pontis_search::{EmbeddedIndex, Indexer, SearchIndex};
use pontis_server::app::app;
use pontis_server::config::{Config, RateLimits};
use pontis_server::server;
use pontis_translator::ct2::{Ct2Engine, RunSettings};
use pontis_translator::local::DbJobs;
use pontis_translator::pipeline::Pipeline;
use pontis_translator::route::Router;
use pontis_translator::worker::{Worker, WorkerSettings};
use pontis_translator::{Engine, apertium};
use serde_json::{Value, json};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
const PASSWORD: &str = "correct horse battery";
const WAIT: Duration = Duration::from_secs(90);

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start() -> Self {
        assert!(
            Path::new(CHROMEDRIVER).is_file() && Path::new(CHROMIUM).is_file(),
            "{CHROMEDRIVER} and {CHROMIUM} are required: apt-get install chromium chromium-driver"
        );
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn browser(driver: &Driver) -> Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--lang=en"],
        }),
    );
    let mut last_error = String::new();
    // chromedriver needs a moment to listen.
    for _ in 0..50 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(capabilities.clone())
            .connect(&driver.url)
            .await
        {
            Ok(client) => return client,
            Err(e) => last_error = e.to_string(),
        }
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("cannot start a browser session: {last_error}");
}

fn screenshots_dir() -> PathBuf {
    let base = std::env::var_os("PONTIS_TEST_OUTPUT").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../test-output"),
        PathBuf::from,
    );
    let dir = base.join("screenshots");
    std::fs::create_dir_all(&dir).expect("create the screenshots folder");
    dir
}

/// Finds an element and clicks it; `what` names it when it is missing.
async fn click(client: &Client, locator: Locator<'_>, what: &str) {
    client
        .find(locator)
        .await
        .unwrap_or_else(|e| panic!("{what}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("clicking {what}: {e}"));
}

/// Saves a screenshot when `shots` (one backend's run saves them, so the two runs do not
/// write the same files at once).
async fn screenshot(client: &Client, shots: bool, name: &str) {
    if !shots {
        return;
    }
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(screenshots_dir().join(name), png).expect("save the screenshot");
}

/// A small random-weight es→de CTranslate2 model (Debian has no German Apertium pair).
fn spanish_german_model(dir: &Path) -> Ct2Engine {
    let python = std::env::var_os("PONTIS_TEST_PYTHON").map_or_else(
        || {
            Path::new(&std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/pontis/venv/bin/python")
        },
        PathBuf::from,
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../translator/testdata/make_model.py");
    let words = dir.join("words.txt");
    std::fs::write(
        &words,
        "instalamos\npaneles\nsolares\nen\nel\ntecho\nde\nla\nescuela\n",
    )
    .expect("words");
    let model = dir.join("es-de");
    let status = Command::new(python)
        .arg(script)
        .arg(&model)
        .args(["--from", "es", "--to", "de", "--words"])
        .arg(&words)
        .status()
        .expect("run make_model.py (scripts/test.sh installs its Python packages)");
    assert!(status.success(), "make_model.py failed");
    let settings = RunSettings {
        threads: 1,
        max_decoding_length: 12,
        beam_size: 1,
        ..RunSettings::default()
    };
    Ct2Engine::load(&model, settings).expect("load the generated model")
}

/// The in-process translation worker, started when the test says so.
struct TranslationWorker {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TranslationWorker {
    /// Translates with `engine` and every Apertium pair Debian installed.
    fn start(db: &pontis_models::Db, engine: Ct2Engine) -> Self {
        let mut engines: Vec<Arc<dyn Engine>> = vec![Arc::new(engine)];
        engines.extend(
            apertium::discover(Path::new(apertium::DEFAULT_MODES_DIR))
                .into_iter()
                .map(|e| Arc::new(e) as Arc<dyn Engine>),
        );
        let worker = Worker::new(
            Pipeline::new(Router::new(engines)),
            Arc::new(DbJobs::new(db.clone())),
            WorkerSettings {
                name: "browser-test".into(),
                idle_wait: Duration::from_millis(200),
                ..WorkerSettings::default()
            },
        );
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || worker.run(&flag));
        Self {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for TranslationWorker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Forum {
    srv: actix_test::TestServer,
    store: TestDb,
    search: Arc<dyn SearchIndex>,
}

impl Forum {
    async fn start(backend: Backend) -> Self {
        let mut store = TestDb::new(backend);
        let config = Config {
            rate_limits: RateLimits::unlimited(),
            ..Config::default()
        };
        let search: Arc<dyn SearchIndex> =
            Arc::new(EmbeddedIndex::in_memory().expect("search index"));
        let state = Data::new(
            server::state(&config, store.db.clone(), Arc::clone(&search)).expect("app state"),
        );
        // Translations stored through the state's handle wake the page's live stream.
        store.db = state.db.clone();
        let srv = actix_test::start(move || app(state.clone()));
        Self { srv, store, search }
    }

    fn url(&self, path: &str) -> String {
        self.srv.url(path)
    }

    /// A JSON API call with a bearer token; returns the body.
    async fn api(&self, method: &str, path: &str, token: Option<&str>, body: Value) -> Value {
        let method = actix_web::http::Method::from_bytes(method.as_bytes()).expect("method");
        let mut req = self.srv.request(method, self.srv.url(path));
        if let Some(token) = token {
            req = req.insert_header(("Authorization", format!("Bearer {token}")));
        }
        let mut res = req.send_json(&body).await.expect("request");
        let bytes = res.body().await.expect("body");
        assert!(
            res.status().is_success(),
            "{path}: {}",
            String::from_utf8_lossy(&bytes)
        );
        serde_json::from_slice(&bytes).unwrap_or(Value::Null)
    }

    async fn register(&self, handle: &str, languages: &[&str]) -> String {
        let body = json!({"handle": handle, "password": PASSWORD, "locale": languages[0], "languages": languages});
        self.api("POST", "/api/v1/auth/register", None, body).await["token"]
            .as_str()
            .expect("token")
            .to_owned()
    }
}

/// Waits until the browser's address satisfies `done`.
async fn wait_for_url(client: &Client, what: &str, done: impl Fn(&url::Url) -> bool) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let url = client.current_url().await.expect("current address");
        if done(&url) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{what}: still at {url}"
        );
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn log_in(client: &Client, forum: &Forum, handle: &str) {
    client.delete_all_cookies().await.expect("log out");
    client.goto(&forum.url("/login")).await.expect("login page");
    client
        .find(Locator::Id("handle"))
        .await
        .expect("handle")
        .send_keys(handle)
        .await
        .expect("type");
    client
        .find(Locator::Id("password"))
        .await
        .expect("password")
        .send_keys(PASSWORD)
        .await
        .expect("type");
    click(client, Locator::Css("main form button"), "submit").await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("form[action='/logout']"))
        .await
        .expect("signed in");
}

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[actix_web::test]
async fn a_class_reads_and_moderates_across_languages_on_sqlite() {
    a_class_reads_and_moderates_across_languages(Backend::Sqlite).await;
}

#[actix_web::test]
async fn a_class_reads_and_moderates_across_languages_on_postgres() {
    a_class_reads_and_moderates_across_languages(Backend::Postgres).await;
}

async fn a_class_reads_and_moderates_across_languages(backend: Backend) {
    let models = tempfile::tempdir().expect("temp dir");
    let engine = spanish_german_model(models.path());
    let forum = Forum::start(backend).await;
    let shots = matches!(backend, Backend::Sqlite);
    let driver = Driver::start();
    let client = browser(&driver).await;

    let owner = forum.register("weber", &["de", "en"]).await;
    let ana = forum.register("ana", &["es"]).await;
    let ben = forum.register("ben", &["de"]).await;
    // Readers of English and Portuguese, whom Debian's Apertium pairs reach from Spanish.
    let olivia = forum.register("olivia", &["en"]).await;
    let joao = forum.register("joao", &["pt"]).await;
    let space = forum
        .api(
            "POST",
            "/api/v1/spaces",
            Some(&owner),
            json!({"slug": "solar", "name": "Solar project", "visibility": "members_only"}),
        )
        .await;
    let code = space["invite_code"]
        .as_str()
        .expect("invite code")
        .to_owned();

    client.goto(&forum.url("/login")).await.expect("login page");
    screenshot(&client, shots, "login.png").await;

    // Ana joins with the invite code and starts a thread in Spanish, through the forms.
    log_in(&client, &forum, "ana").await;
    client
        .goto(&forum.url(&format!("/join?slug=solar&invite_code={code}")))
        .await
        .expect("join page");
    click(&client, Locator::Css("main form button"), "join").await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("a[href='/s/solar/new']"))
        .await
        .expect("the space");
    client
        .goto(&forum.url("/s/solar/new"))
        .await
        .expect("new thread");
    client
        .find(Locator::Id("title"))
        .await
        .expect("title")
        .send_keys("Paneles solares")
        .await
        .expect("type");
    let spanish = "Instalamos paneles solares en el techo de la escuela.";
    client
        .find(Locator::Id("body"))
        .await
        .expect("body")
        .send_keys(spanish)
        .await
        .expect("type");
    click(
        &client,
        Locator::Css("#post-lang option[value='es']"),
        "Spanish",
    )
    .await;
    click(&client, Locator::Css("main form button"), "submit").await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("article.post"))
        .await
        .expect("the thread");
    let thread_url = client.current_url().await.expect("url").to_string();
    let thread_id: i64 = thread_url
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("thread id");
    screenshot(&client, shots, "thread-es.png").await;

    // Ben joins and opens the thread before any worker runs: the original, marked pending.
    forum
        .api(
            "POST",
            "/api/v1/spaces/solar/join",
            Some(&ben),
            json!({"invite_code": code}),
        )
        .await;
    for reader in [&olivia, &joao] {
        forum
            .api(
                "POST",
                "/api/v1/spaces/solar/join",
                Some(reader),
                json!({"invite_code": code}),
            )
            .await;
    }
    log_in(&client, &forum, "ben").await;
    client.goto(&thread_url).await.expect("thread");
    let pending = client
        .find(Locator::Css("article.post[data-pending] .mark.pending"))
        .await
        .expect("a pending mark");
    assert!(!pending.text().await.expect("text").is_empty());
    // A reload would start a new document, without this mark.
    client
        .execute("window.pontisNotReloaded = true", vec![])
        .await
        .expect("mark the document");

    // The worker starts; the translation replaces the mark without a reload.
    let _worker = TranslationWorker::start(&forum.store.db, engine);
    let translated = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(
            "article.post:not([data-pending]) .body.translated",
        ))
        .await
        .expect("the live translation");
    let page = forum
        .api(
            "GET",
            &format!("/api/v1/threads/{thread_id}"),
            Some(&ben),
            Value::Null,
        )
        .await;
    let stored = page["posts"][0]["translation"]["body"]
        .as_str()
        .expect("a stored translation")
        .to_owned();
    assert_eq!(
        normalized(&translated.text().await.expect("text")),
        normalized(&stored)
    );
    assert_eq!(
        client
            .execute("return window.pontisNotReloaded === true", vec![])
            .await
            .expect("read the mark"),
        json!(true),
        "the translation arrived in the same document, with no reload"
    );

    // The original is one click away.
    let original = Locator::Css("details.original .body");
    assert_eq!(
        client
            .find(original)
            .await
            .expect("original")
            .text()
            .await
            .expect("text"),
        ""
    );
    click(&client, Locator::Css("details.original summary"), "toggle").await;
    assert_eq!(
        normalized(
            &client
                .find(original)
                .await
                .expect("original")
                .text()
                .await
                .expect("text")
        ),
        spanish
    );
    client
        .refresh()
        .await
        .expect("reload with the title translated");
    click(&client, Locator::Css("details.original summary"), "toggle").await;
    screenshot(&client, shots, "thread-de.png").await;

    // Olivia and João read the same thread in real translations by Apertium.
    for (handle, words, shot) in [
        ("olivia", ["solar", "school"], "thread-en.png"),
        ("joao", ["painéis solares", "escola"], "thread-pt.png"),
    ] {
        log_in(&client, &forum, handle).await;
        client.goto(&thread_url).await.expect("thread");
        let body = client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(
                "article.post:not([data-pending]) .body.translated",
            ))
            .await
            .expect("a translation")
            .text()
            .await
            .expect("text")
            .to_lowercase();
        for word in words {
            assert!(
                body.contains(word),
                "{handle} reads {body:?}, without {word:?}"
            );
        }
        screenshot(&client, shots, shot).await;
    }

    // Ben searches with the header's box for a word of the Spanish original.
    let (db, index) = (forum.store.db.clone(), Arc::clone(&forum.search));
    actix_web::web::block(move || Indexer::new(db, index).catch_up())
        .await
        .expect("indexer thread")
        .expect("indexing");
    let search_box = client
        .find(Locator::Css("header input[name='q']"))
        .await
        .expect("search box");
    search_box.send_keys("paneles\n").await.expect("search");
    let result = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("ol.results li mark"))
        .await
        .expect("a result with the matched word marked");
    assert_eq!(result.text().await.expect("text").to_lowercase(), "paneles");
    screenshot(&client, shots, "search-de.png").await;
    client.back().await.expect("back to the thread");

    // Ben reports the post; the teacher hides it from the reports queue.
    click(&client, Locator::Css("details.report summary"), "report").await;
    client
        .find(Locator::Css("details.report input[name='reason']"))
        .await
        .expect("reason")
        .send_keys("Nicht zum Thema")
        .await
        .expect("type");
    click(&client, Locator::Css("details.report button"), "send").await;
    // The thread page is already open, so wait for the redirect that follows the stored
    // report (to `#post-…`) before logging out; else the report may never be sent.
    wait_for_url(&client, "the report's redirect", |url| {
        url.fragment().is_some_and(|f| f.starts_with("post-"))
    })
    .await;
    log_in(&client, &forum, "weber").await;
    client
        .goto(&forum.url("/s/solar"))
        .await
        .expect("thread list");
    screenshot(&client, shots, "thread-list.png").await;
    client
        .goto(&forum.url("/s/solar/reports"))
        .await
        .expect("reports");
    client
        .find(Locator::Css(".report-card .side-by-side"))
        .await
        .expect("original and translation side by side");
    screenshot(&client, shots, "reports.png").await;
    click(
        &client,
        Locator::Css(".report-card form[action$='/hide'] button"),
        "hide",
    )
    .await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(".report-card .mark.warn"))
        .await
        .expect("marked hidden");
    let post_id = page["posts"][0]["id"].as_i64().expect("post id");
    let post = forum
        .api(
            "GET",
            &format!("/api/v1/posts/{post_id}"),
            Some(&owner),
            Value::Null,
        )
        .await;
    assert_eq!(post["hidden"], true);

    // An Arabic reply in an English page reads right to left, marked as Arabic.
    let emma = forum.register("emma", &["en"]).await;
    forum
        .api(
            "POST",
            "/api/v1/spaces/solar/join",
            Some(&emma),
            json!({"invite_code": code}),
        )
        .await;
    forum
        .api(
            "POST",
            &format!("/api/v1/threads/{thread_id}/posts"),
            Some(&owner),
            json!({"body": "نركّب الألواح الشمسية على سطح المدرسة.", "lang": "ar"}),
        )
        .await;
    log_in(&client, &forum, "emma").await;
    client.goto(&thread_url).await.expect("thread in English");
    let arabic = client
        .execute(
            "const body = document.querySelector(\"article.post .body[lang='ar']\"); \
             return body && [document.documentElement.lang, document.documentElement.dir, \
                             getComputedStyle(body).direction];",
            vec![],
        )
        .await
        .expect("directions");
    assert_eq!(
        arabic,
        json!(["en", "ltr", "rtl"]),
        "page, then the Arabic post"
    );
    screenshot(&client, shots, "arabic-post.png").await;
    log_in(&client, &forum, "weber").await;

    // The footer switches the UI to Arabic, right to left.
    click(
        &client,
        Locator::Css("#ui-locale option[value='ar']"),
        "Arabic",
    )
    .await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("html[dir='rtl'][lang='ar']"))
        .await
        .expect("an Arabic page");
    client.goto(&thread_url).await.expect("thread in Arabic UI");
    let dir = client
        .execute("return document.documentElement.dir", vec![])
        .await
        .expect("dir");
    assert_eq!(dir, json!("rtl"));
    screenshot(&client, shots, "arabic.png").await;

    // Ana mentions the teacher while his page is open: the bell counts it at once, in the
    // same document, and the notifications page lists it.
    let unread = || async {
        client
            .execute(
                "const bell = document.getElementById('unread-count'); \
                 return [Number(bell.textContent), bell.hidden, window.pontisBell === true];",
                vec![],
            )
            .await
            .expect("the bell")
    };
    client
        .execute("window.pontisBell = true", vec![])
        .await
        .expect("mark the document");
    let before = unread().await[0].as_i64().expect("a count");
    let mention = forum
        .api(
            "POST",
            &format!("/api/v1/threads/{thread_id}/posts"),
            Some(&ana),
            json!({"body": "@weber ¿Lo revisas, por favor?", "lang": "es"}),
        )
        .await;
    let asked = std::time::Instant::now();
    let mut now = unread().await;
    while now[0].as_i64() != Some(before + 1) && asked.elapsed() < Duration::from_secs(10) {
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
        now = unread().await;
    }
    assert_eq!(
        now,
        json!([before + 1, false, true]),
        "counted live, no reload"
    );
    client
        .goto(&forum.url("/notifications"))
        .await
        .expect("notifications");
    let newest = client
        .find(Locator::Css("ol.notifications li.notification.unread a"))
        .await
        .expect("the mention, unread")
        .attr("href")
        .await
        .expect("its link")
        .expect("a link");
    screenshot(&client, shots, "notifications-ar.png").await;
    client.goto(&forum.url(&newest)).await.expect("open it");
    let opened = client.current_url().await.expect("url");
    assert_eq!(
        opened.fragment(),
        Some(format!("post-{}", mention["id"]).as_str()),
        "{opened}"
    );

    // Typing "@be" in the reply box offers Ben; choosing him completes the handle.
    let body = client
        .find(Locator::Id("body"))
        .await
        .expect("the reply box");
    body.send_keys("@be").await.expect("type");
    let offered = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("ul.mentions:not([hidden]) li"))
        .await
        .expect("members offered");
    assert!(
        offered.text().await.expect("text").starts_with("@ben"),
        "{:?}",
        offered.text().await
    );
    offered.click().await.expect("choose Ben");
    let typed = client
        .execute("return document.getElementById('body').value", vec![])
        .await
        .expect("the box's text");
    assert_eq!(typed, json!("@ben "));

    client.close().await.expect("close the browser");
    // The server stops before the process ends: its threads (the event hub's listener on
    // PostgreSQL among them) are joined, not cut off mid-call by the exit.
    forum.srv.stop().await;
}

#[actix_web::test]
async fn teachers_steer_translation_in_a_browser_on_sqlite() {
    teachers_steer_translation_in_a_browser(Backend::Sqlite).await;
}

#[actix_web::test]
async fn teachers_steer_translation_in_a_browser_on_postgres() {
    teachers_steer_translation_in_a_browser(Backend::Postgres).await;
}

/// Asks for a post as `token` until its translation passes `done`; returns it.
async fn translation_when(
    forum: &Forum,
    token: &str,
    post_id: i64,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let post = forum
            .api(
                "GET",
                &format!("/api/v1/posts/{post_id}"),
                Some(token),
                Value::Null,
            )
            .await;
        if done(&post["translation"]) {
            return post["translation"].clone();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "post {post_id}: still {}",
            post["translation"]
        );
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Types `text` into the `index`th field named `name` (a row of the glossary form).
async fn type_into(client: &Client, name: &str, index: usize, text: &str) {
    let fields = client
        .find_all(Locator::Css(&format!("[name='{name}']")))
        .await
        .expect("the form's fields");
    fields[index].send_keys(text).await.expect("type");
}

/// A teacher with a German UI keeps a project's name and a term in the class glossary; an
/// English reader flags a sentence; the teacher approves the correction, and the reader
/// reads it marked "Corrected by a teacher". Screenshots of the glossary and the
/// corrections in German and in English.
async fn teachers_steer_translation_in_a_browser(backend: Backend) {
    let models = tempfile::tempdir().expect("temp dir");
    let engine = spanish_german_model(models.path());
    let forum = Forum::start(backend).await;
    let shots = matches!(backend, Backend::Sqlite);
    let driver = Driver::start();
    let client = browser(&driver).await;
    let teacher = forum.register("weber", &["de", "es"]).await;
    let ana = forum.register("ana", &["es"]).await;
    let emma = forum.register("emma", &["en"]).await;
    forum
        .api(
            "POST",
            "/api/v1/spaces",
            Some(&teacher),
            json!({"slug": "energia", "name": "Energía", "visibility": "public"}),
        )
        .await;
    for student in [&ana, &emma] {
        forum
            .api(
                "POST",
                "/api/v1/spaces/energia/join",
                Some(student),
                json!({}),
            )
            .await;
    }
    let created = forum
        .api(
            "POST",
            "/api/v1/spaces/energia/threads",
            Some(&ana),
            json!({"title": "Luz Verde", "lang": "es",
                   "body": "El proyecto Luz Verde usa paneles solares. Los paneles solares producen mucha electricidad."}),
        )
        .await;
    let (thread_id, post_id) = (
        created["thread"]["id"].as_i64().expect("thread id"),
        created["post"]["id"].as_i64().expect("post id"),
    );
    let _worker = TranslationWorker::start(&forum.store.db, engine);
    let machine = translation_when(&forum, &emma, post_id, |t| t["status"] == "ready").await;
    assert_eq!(
        machine["body"],
        "The project Luz Green uses solar signposts. The solar signposts produce a lot of electricity."
    );

    // The teacher's glossary, through the form.
    log_in(&client, &forum, "weber").await;
    client
        .goto(&forum.url("/s/energia/glossary"))
        .await
        .expect("glossary");
    type_into(&client, "term", 0, "Luz Verde").await;
    type_into(&client, "term", 1, "paneles solares").await;
    click(
        &client,
        Locator::Css("tbody tr:nth-child(2) select[name='lang'] option[value='es']"),
        "written in Spanish",
    )
    .await;
    click(
        &client,
        Locator::Css("tbody tr:nth-child(2) select[name='to'] option[value='en']"),
        "into English",
    )
    .await;
    type_into(&client, "text", 1, "solar panels").await;
    click(&client, Locator::Css("main form button"), "save").await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("p.notice"))
        .await
        .expect("saved");
    screenshot(&client, shots, "glossary-de.png").await;
    let steered = translation_when(&forum, &emma, post_id, |t| {
        t["body"]
            .as_str()
            .is_some_and(|body| body.contains("Luz Verde"))
    })
    .await;
    assert_eq!(
        steered["body"],
        "The project Luz Verde uses solar panels. The solar panels produce a lot of electricity."
    );

    // Emma flags the second sentence, with a suggestion.
    log_in(&client, &forum, "emma").await;
    client
        .goto(&forum.url(&format!("/t/{thread_id}")))
        .await
        .expect("thread");
    click(
        &client,
        Locator::Css(&format!("a[href^='/p/{post_id}/sentences']")),
        "wrong translation?",
    )
    .await;
    click(&client, Locator::Css("#sentence-1 summary"), "flag it").await;
    client
        .find(Locator::Id("suggestion-1"))
        .await
        .expect("suggestion")
        .send_keys("Solar panels make a lot of electricity.")
        .await
        .expect("type");
    click(&client, Locator::Css("#sentence-1 form button"), "send").await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("p.notice"))
        .await
        .expect("flagged");
    screenshot(&client, shots, "sentences-en.png").await;

    // The teacher sees it beside the original and approves the suggestion.
    log_in(&client, &forum, "weber").await;
    client
        .goto(&forum.url("/s/energia/corrections"))
        .await
        .expect("corrections");
    let shown = client
        .find(Locator::Css(".report-card .side-by-side"))
        .await
        .expect("the flag, side by side")
        .text()
        .await
        .expect("text");
    assert!(
        shown.contains("Los paneles solares producen mucha electricidad.")
            && shown.contains("The solar panels produce a lot of electricity."),
        "{shown}"
    );
    screenshot(&client, shots, "corrections-de.png").await;
    click(
        &client,
        Locator::Css(".report-card form[action$='/corrections'] button"),
        "approve",
    )
    .await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("table.corrections"))
        .await
        .expect("the correction, in use");
    let corrected = translation_when(&forum, &emma, post_id, |t| t["corrected"] == true).await;
    assert_eq!(
        corrected["body"],
        "The project Luz Verde uses solar panels. Solar panels make a lot of electricity."
    );

    // The same pages in English.
    click(
        &client,
        Locator::Css("#ui-locale option[value='en']"),
        "English",
    )
    .await;
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css("html[lang='en']"))
        .await
        .expect("an English page");
    client
        .goto(&forum.url("/s/energia/corrections"))
        .await
        .expect("corrections");
    screenshot(&client, shots, "corrections-en.png").await;
    client
        .goto(&forum.url("/s/energia/glossary"))
        .await
        .expect("glossary");
    screenshot(&client, shots, "glossary-en.png").await;

    // Emma reads the correction, marked.
    log_in(&client, &forum, "emma").await;
    client
        .goto(&forum.url(&format!("/t/{thread_id}")))
        .await
        .expect("thread");
    let mark = client
        .find(Locator::Css("article.post .mark.corrected"))
        .await
        .expect("marked corrected")
        .text()
        .await
        .expect("text");
    assert_eq!(mark, "Corrected by a teacher");
    screenshot(&client, shots, "corrected-en.png").await;

    client.close().await.expect("close the browser");
    forum.srv.stop().await;
}
