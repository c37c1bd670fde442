//! Notification email through a real SMTP server: Debian's aiosmtpd, started by each test
//! on a free port, writing every message it receives into a maildir the test reads. The
//! server's own sender thread delivers (`pontis_server::mail`), as in `pontis serve`.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use actix_web::http::Method;
use mailparse::MailHeaderMap;
use pontis_models::notifications::outbox;
use pontis_models::{Actor, Backend, on_both_backends};
use pontis_server::config::{Config, Email, RateLimits};
use pontis_server::server::Workers;
use pontis_types::EmailMode;
use serde_json::json;

use crate::common::{TestApp, TestUser};

const PUBLIC_URL: &str = "http://pontis.test";

/// An aiosmtpd on a port of its own; stopped (and restartable) at will.
struct Smtp {
    port: u16,
    dir: tempfile::TempDir,
    child: Option<Child>,
}

impl Smtp {
    /// A free port and a mail folder, with no server yet.
    fn reserved() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        Self {
            port,
            dir: tempfile::tempdir().expect("a mail folder"),
            child: None,
        }
    }

    fn started() -> Self {
        let mut smtp = Self::reserved();
        smtp.start();
        smtp
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("mail")
    }

    fn start(&mut self) {
        self.start_with(&[
            "aiosmtpd.handlers.Mailbox",
            &self.maildir().to_string_lossy(),
        ]);
    }

    /// A server on the same port that refuses every recipient for good (550), as one does
    /// for a mailbox that no longer exists.
    fn start_refusing(&mut self) {
        std::fs::write(
            self.dir.path().join("refusing.py"),
            "class Refusing:\n    async def handle_RCPT(self, server, session, envelope, address, \
             rcpt_options):\n        return '550 5.1.1 No such mailbox'\n",
        )
        .expect("write the handler");
        self.start_with(&["refusing.Refusing"]);
    }

    /// aiosmtpd with the handler class and its arguments; `python -m` finds a handler
    /// module in the mail folder, its working directory.
    fn start_with(&mut self, handler: &[&str]) {
        let child = Command::new("/usr/bin/python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .arg("-c")
            .args(handler)
            .current_dir(self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd runs (Debian's python3-aiosmtpd; scripts/test.sh installs it)");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Every message received so far, oldest first.
    fn messages(&self) -> Vec<Mail> {
        let mut files: Vec<PathBuf> = ["new", "cur"]
            .iter()
            .filter_map(|sub| std::fs::read_dir(self.maildir().join(sub)).ok())
            .flatten()
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        // Maildir names start with the delivery time in seconds; the modification time
        // orders messages within one second.
        files.sort_by_key(|path| {
            std::fs::metadata(path)
                .and_then(|m| m.modified())
                .ok()
                .zip(Some(path.clone()))
        });
        files
            .iter()
            .map(|path| Mail::parse(&std::fs::read(path).expect("a message file")))
            .collect()
    }

    /// The messages to `to`, once at least `count` have come (20 s at most).
    async fn wait_for(&self, to: &str, count: usize) -> Vec<Mail> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let mine: Vec<Mail> = self.messages().into_iter().filter(|m| m.to == to).collect();
            if mine.len() >= count {
                return mine;
            }
            assert!(
                Instant::now() < deadline,
                "{count} messages to {to} expected, {} came: {:#?}",
                mine.len(),
                mine.iter().map(|m| &m.subject).collect::<Vec<_>>()
            );
            actix_web::rt::time::sleep(Duration::from_millis(200)).await;
        }
    }

    fn to(&self, to: &str) -> Vec<Mail> {
        self.messages().into_iter().filter(|m| m.to == to).collect()
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One received message, decoded.
#[derive(Debug)]
struct Mail {
    to: String,
    subject: String,
    message_id: String,
    content_type: String,
    list_unsubscribe: String,
    list_unsubscribe_post: String,
    content_language: String,
    text: String,
    html: String,
}

impl Mail {
    fn parse(raw: &[u8]) -> Self {
        let parsed = mailparse::parse_mail(raw).expect("a well-formed message");
        let header = |name: &str| parsed.headers.get_first_value(name).unwrap_or_default();
        let part = |mime: &str| {
            parsed
                .subparts
                .iter()
                .find(|p| p.ctype.mimetype == mime)
                .map(|p| p.get_body().expect("a decodable part"))
                .unwrap_or_default()
        };
        Self {
            // aiosmtpd's Mailbox adds the envelope recipient as X-RcptTo.
            to: header("X-RcptTo"),
            subject: header("Subject"),
            message_id: header("Message-ID"),
            content_type: parsed.ctype.mimetype.clone(),
            list_unsubscribe: header("List-Unsubscribe"),
            list_unsubscribe_post: header("List-Unsubscribe-Post"),
            content_language: header("Content-Language"),
            text: part("text/plain"),
            html: part("text/html"),
        }
    }

    /// The one link of `prefix` in the plain-text part.
    fn link(&self, prefix: &str) -> String {
        let at = self
            .text
            .find(prefix)
            .unwrap_or_else(|| panic!("no {prefix} link in {}", self.text));
        self.text[at..]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned()
    }
}

/// The sender thread, stopped when the test ends.
struct Sender(Workers);

impl Drop for Sender {
    fn drop(&mut self) {
        self.0.0.store(true, Ordering::Relaxed);
        for handle in self.0.1.drain(..) {
            let _ = handle.join();
        }
    }
}

fn config(smtp: &Smtp) -> Config {
    // Long enough that the test's own translation pass always comes first.
    config_waiting(smtp, 600)
}

fn config_waiting(smtp: &Smtp, translation_wait_seconds: u64) -> Config {
    Config {
        rate_limits: RateLimits::unlimited(),
        email: Some(Email {
            digest_hour: 0,
            translation_wait_seconds,
            retry_initial_seconds: 1,
            ..Email::new(
                &format!("smtp://127.0.0.1:{}", smtp.port),
                "Pontis <forum@pontis.test>",
                PUBLIC_URL,
            )
        }),
        ..Config::default()
    }
}

async fn start(backend: Backend, smtp: &Smtp) -> (TestApp, Sender) {
    let app = TestApp::with_config(backend, config(smtp)).await;
    let sender = sender(&app, smtp);
    (app, sender)
}

fn sender(app: &TestApp, smtp: &Smtp) -> Sender {
    let workers =
        pontis_server::mail::start(&config(smtp), &app.store.db).expect("the sender starts");
    Sender(workers)
}

/// Posts a page form with the user's session and form token.
async fn form(app: &TestApp, path: &str, user: &TestUser, fields: &[(&str, &str)]) -> u16 {
    let mut all: Vec<(&str, &str)> = fields.to_vec();
    all.push(("csrf_token", &user.csrf));
    awc::Client::builder()
        .disable_redirects()
        .finish()
        .post(app.srv.url(path))
        .insert_header(("Cookie", format!("pontis_session={}", user.token)))
        .send_form(&all)
        .await
        .expect("request")
        .status()
        .as_u16()
}

/// Anonymous page request, as a mail program or a Spanish mail reader's browser makes it.
async fn anonymous(app: &TestApp, method: Method, path: &str, body: &str) -> (u16, String) {
    let mut res = awc::Client::builder()
        .disable_redirects()
        .finish()
        .request(method, app.srv.url(path))
        .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
        .insert_header(("Accept-Language", "es"))
        .send_body(body.to_owned())
        .await
        .expect("request");
    let body = res.body().await.expect("body");
    (
        res.status().as_u16(),
        String::from_utf8_lossy(&body).into_owned(),
    )
}

/// Gives `user` the address `address` through the profile form and confirms it through
/// the link that arrives there.
async fn give_address(app: &TestApp, smtp: &Smtp, user: &TestUser, address: &str, mode: &str) {
    let kinds = [
        "kind-reply",
        "kind-mention",
        "kind-quote",
        "kind-post_hidden",
        "kind-post_unhidden",
        "kind-report",
        "kind-member_joined",
    ];
    let mut fields: Vec<(&str, &str)> = vec![("email_address", address), ("email_mode", mode)];
    fields.extend(kinds.iter().map(|k| (*k, "on")));
    assert_eq!(form(app, "/me/email", user, &fields).await, 303);
    let before = smtp.to(address).len();
    let mails = smtp.wait_for(address, before + 1).await;
    let confirm = mails.last().expect("the confirmation message");
    assert!(
        confirm.list_unsubscribe.is_empty(),
        "nothing to unsubscribe from yet"
    );
    let link = confirm.link(&format!("{PUBLIC_URL}/email/confirm/"));
    let path = link.trim_start_matches(PUBLIC_URL);
    // Following the link only asks; the button confirms.
    let (status, page) = anonymous(app, Method::GET, path, "").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(settings(app, user).await.email_address, None);
    let (status, page) = anonymous(app, Method::POST, path, "").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(
        settings(app, user).await.email_address.as_deref(),
        Some(address)
    );
}

async fn settings(app: &TestApp, user: &TestUser) -> pontis_types::NotificationSettingsView {
    let me = app.get("/api/v1/me", user).await.expect(200);
    let actor = Actor {
        user_id: me["id"].as_i64().expect("user id"),
        is_admin: false,
    };
    let db = app.store.db.clone();
    actix_web::web::block(move || pontis_models::notifications::settings(&db, &actor))
        .await
        .expect("blocking task")
        .expect("settings")
}

/// An English-speaking owner's space with a Spanish student who started a thread.
async fn class_with_spanish_student(app: &TestApp) -> (TestUser, TestUser, i64) {
    let owner = app.register("owner", &["en"]).await;
    let invite = app.space(&owner, "club", "members_only").await;
    let lucia = app.register("lucia", &["es"]).await;
    app.join(&lucia, "club", Some(&invite)).await;
    let created = app
        .post(
            "/api/v1/spaces/club/threads",
            &lucia,
            json!({"title": "La casa", "body": "¿Cómo es tu casa?", "lang": "es"}),
        )
        .await
        .expect(201);
    let thread = created["thread"]["id"].as_i64().expect("thread id");
    (owner, lucia, thread)
}

async fn a_reply_reaches_a_spanish_student_in_spanish_and_one_click_unsubscribes(backend: Backend) {
    let smtp = Smtp::started();
    let (app, _sender) = start(backend, &smtp).await;
    let (owner, lucia, thread) = class_with_spanish_student(&app).await;
    app.patch(
        "/api/v1/me",
        &owner,
        json!({"display_name": "Mr <b>Brown</b> & co"}),
    )
    .await
    .expect(200);
    give_address(&app, &smtp, &lucia, "lucia@pontis.test", "immediate").await;
    // The owner also watches the thread by replying: the further reply below reaches
    // them, which shows the sender is still at work when Lucía gets nothing.
    give_address(&app, &smtp, &owner, "owner@pontis.test", "immediate").await;

    let reply = app.reply(&owner, thread, "The house is big.").await;
    // The Spanish translation is pending: the email waits for it.
    actix_web::rt::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        smtp.to("lucia@pontis.test").len(),
        1,
        "only the confirmation"
    );
    assert!(app.translate_pending().await > 0);
    let mails = smtp.wait_for("lucia@pontis.test", 2).await;
    let mail = &mails[1];
    assert_eq!(mail.content_type, "multipart/alternative");
    assert_eq!(mail.content_language, "es");
    assert!(
        mail.subject.contains("respondió en"),
        "a Spanish subject: {}",
        mail.subject
    );
    assert!(mail.subject.contains("Brown"), "{}", mail.subject);
    // Minijinja writes `/` in HTML as `&#x2f;`: the same address to a mail reader.
    let html = mail.html.replace("&#x2f;", "/");
    for (part, body) in [("text", &mail.text), ("html", &html)] {
        assert!(
            body.contains("La casa es grande."),
            "{part}: Apertium's Spanish: {body}"
        );
        assert!(
            !body.contains("The house is big"),
            "{part}: not the original: {body}"
        );
        assert!(body.contains("Hola, lucia"), "{part}: {body}");
        assert!(body.contains("Traducido automáticamente"), "{part}: {body}");
        assert!(
            body.contains(&format!("{PUBLIC_URL}/t/{thread}#post-{reply}")),
            "{part}: the link to the post: {body}"
        );
    }
    assert!(
        html.contains("Mr &lt;b&gt;Brown&lt;/b&gt; &amp; co"),
        "names are escaped in HTML: {html}"
    );
    assert!(!mail.html.contains("<b>Brown"), "{}", mail.html);
    assert!(
        mail.text.contains("Mr <b>Brown</b> & co"),
        "and left alone in plain text: {}",
        mail.text
    );
    assert!(
        mail.message_id.starts_with('<') && mail.message_id.ends_with("@pontis.test>"),
        "{}",
        mail.message_id
    );
    let unsubscribe = mail
        .list_unsubscribe
        .strip_prefix(&format!("<{PUBLIC_URL}/unsubscribe/"))
        .and_then(|rest| rest.strip_suffix('>'))
        .unwrap_or_else(|| panic!("List-Unsubscribe: {:?}", mail.list_unsubscribe));
    assert_eq!(mail.list_unsubscribe_post, "List-Unsubscribe=One-Click");
    assert!(
        mail.text
            .contains(&format!("{PUBLIC_URL}/unsubscribe/{unsubscribe}")),
        "the body links to it too"
    );

    // A link is only a question (mail scanners follow links); the one-click POST of a
    // mail program turns email off, with no session and no form token.
    let path = format!("/unsubscribe/{unsubscribe}");
    let (status, page) = anonymous(&app, Method::GET, &path, "").await;
    assert_eq!(status, 200);
    assert!(page.contains("@lucia"), "{page}");
    assert_eq!(
        settings(&app, &lucia).await.email_mode,
        EmailMode::Immediate
    );
    let (status, _) = anonymous(&app, Method::POST, &path, "List-Unsubscribe=One-Click").await;
    assert_eq!(status, 200);
    assert_eq!(settings(&app, &lucia).await.email_mode, EmailMode::Off);
    let (status, _) = anonymous(&app, Method::POST, "/unsubscribe/not-a-token", "").await;
    assert_eq!(status, 404);

    let owner_before = smtp.to("owner@pontis.test").len();
    app.reply(&owner, thread, "Nice!").await;
    app.reply(&lucia, thread, "Mi casa es pequeña.").await;
    app.translate_pending().await;
    // The owner's email of Lucía's reply comes after any of "Nice!" would have.
    smtp.wait_for("owner@pontis.test", owner_before + 1).await;
    actix_web::rt::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        smtp.to("lucia@pontis.test").len(),
        2,
        "no email after unsubscribing"
    );
}

async fn a_digest_gathers_the_notifications_of_the_day(backend: Backend) {
    let smtp = Smtp::started();
    let (app, sender) = start(backend, &smtp).await;
    let (owner, lucia, thread) = class_with_spanish_student(&app).await;
    give_address(&app, &smtp, &lucia, "lucia@pontis.test", "digest").await;
    assert_eq!(settings(&app, &lucia).await.email_mode, EmailMode::Digest);
    // Both replies land before the sender's next pass, so that one digest has both.
    drop(sender);
    app.reply(&owner, thread, "The house is big.").await;
    app.reply(&owner, thread, "The garden is green.").await;
    app.translate_pending().await;
    let _sender = self::sender(&app, &smtp);
    // The digest hour (0 UTC) has passed today, and there is something new: one digest.
    let mails = smtp.wait_for("lucia@pontis.test", 2).await;
    let digest = &mails[1];
    assert!(
        digest
            .subject
            .contains("Tu resumen de Pontis: 2 notificaciones"),
        "{}",
        digest.subject
    );
    for body in [&digest.text, &digest.html] {
        assert!(body.contains("La casa es grande."), "{body}");
        assert!(body.contains("El jardín es verde."), "{body}");
        assert_eq!(body.matches("respondió en").count(), 2, "{body}");
    }
    assert!(!digest.list_unsubscribe.is_empty());
    // Once a day: a further reply waits for tomorrow's digest.
    app.reply(&owner, thread, "The door is red.").await;
    app.translate_pending().await;
    actix_web::rt::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(smtp.to("lucia@pontis.test").len(), 2);
}

/// Tom starts a thread in the public space "club" and gets its replies by email at once,
/// at tom@pontis.test; the space's owner, who will reply, and the thread.
async fn tom_mailed_at_once(app: &TestApp, smtp: &Smtp) -> (TestUser, i64) {
    let owner = app.register("owner", &["en"]).await;
    app.space(&owner, "club", "public").await;
    let tom = app.register("tom", &["en"]).await;
    app.join(&tom, "club", None).await;
    let (thread, _) = app
        .thread(&tom, "club", "Homework", "Who has the list?")
        .await;
    give_address(app, smtp, &tom, "tom@pontis.test", "immediate").await;
    (owner, thread)
}

async fn mail_waits_while_the_server_is_down_and_goes_out_once(backend: Backend) {
    let mut smtp = Smtp::started();
    let (app, _sender) = start(backend, &smtp).await;
    let (owner, thread) = tom_mailed_at_once(&app, &smtp).await;

    smtp.stop();
    app.reply(&owner, thread, "Here it is.").await;
    app.reply(&owner, thread, "And the answers.").await;
    let db = app.store.db.clone();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        // The confirmation may still be marked sent a moment after it arrived.
        let status = outbox::status(&db).expect("outbox status");
        if status.queued == 2 && status.failing == 2 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "both wait in the outbox, tried and failed: {status:?}"
        );
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        smtp.to("tom@pontis.test").len() == 1,
        "only the confirmation"
    );

    smtp.start();
    let mails = smtp.wait_for("tom@pontis.test", 3).await;
    // Tries keep going on after delivery would show as more messages.
    actix_web::rt::time::sleep(Duration::from_secs(3)).await;
    let mails_now = smtp.to("tom@pontis.test");
    assert_eq!(mails_now.len(), 3, "each once: {mails:#?}");
    let mut ids: Vec<&str> = mails_now.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 3, "three distinct Message-IDs");
    let bodies: String = mails_now.iter().map(|m| m.text.as_str()).collect();
    assert!(bodies.contains("Here it is."), "{bodies}");
    assert!(bodies.contains("And the answers."), "{bodies}");
    let status = outbox::status(&db).expect("outbox status");
    assert_eq!(status.queued, 0, "{status:?}");
}

/// A mailbox the mail server refuses for good (a 5xx answer) is not tried again for days:
/// the message is dropped at once.
async fn a_message_refused_for_good_is_dropped_not_retried(backend: Backend) {
    let mut smtp = Smtp::started();
    let (app, _sender) = start(backend, &smtp).await;
    let (owner, thread) = tom_mailed_at_once(&app, &smtp).await;
    smtp.stop();
    smtp.start_refusing();
    app.reply(&owner, thread, "Here it is.").await;
    let db = app.store.db.clone();
    let deadline = Instant::now() + Duration::from_secs(20);
    // Queued with the reply; tried once, refused, and no longer queued: not sent (the
    // server takes nothing), so dropped. A retried message would stay queued, failing.
    loop {
        let status = outbox::status(&db).expect("outbox status");
        if status.queued == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "still queued: {status:?}");
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(smtp.to("tom@pontis.test").len(), 1, "only the confirmation");
}

async fn a_post_hidden_before_sending_is_never_mailed(backend: Backend) {
    // The server is down while the post is hidden, so the email cannot have left before.
    let mut smtp = Smtp::started();
    let (app, _sender) = start(backend, &smtp).await;
    let owner = app.register("owner", &["en"]).await;
    let invite = app.space(&owner, "club", "members_only").await;
    let tom = app.register("tom", &["en"]).await;
    let eve = app.register("eve", &["en"]).await;
    app.join(&tom, "club", Some(&invite)).await;
    app.join(&eve, "club", Some(&invite)).await;
    let (thread, _) = app
        .thread(&tom, "club", "Homework", "Who has the list?")
        .await;
    give_address(&app, &smtp, &tom, "tom@pontis.test", "immediate").await;

    smtp.stop();
    let rude = app.reply(&eve, thread, "Something rude and secret").await;
    app.post(
        &format!("/api/v1/posts/{rude}/hide"),
        &owner,
        json!({"reason": "unkind"}),
    )
    .await
    .expect(200);
    let kind = app.reply(&eve, thread, "Sorry, here is the list.").await;
    smtp.start();
    let mails = smtp.wait_for("tom@pontis.test", 2).await;
    actix_web::rt::time::sleep(Duration::from_secs(3)).await;
    let mails_now = smtp.to("tom@pontis.test");
    assert_eq!(
        mails_now.len(),
        2,
        "the confirmation and the kind reply: {mails:#?}"
    );
    let last = &mails_now[1];
    assert!(
        last.text.contains(&format!("#post-{kind}")),
        "{}",
        last.text
    );
    for mail in &mails_now {
        assert!(!mail.text.contains("rude"), "{}", mail.text);
        assert!(!mail.html.contains("rude"), "{}", mail.html);
    }
    let status = outbox::status(&app.store.db).expect("outbox status");
    assert_eq!(
        status.queued, 0,
        "the hidden post's email is dropped: {status:?}"
    );
}

async fn without_its_translation_in_time_the_original_goes_marked(backend: Backend) {
    let smtp = Smtp::started();
    let config = config_waiting(&smtp, 2);
    let app = TestApp::with_config(backend, config.clone()).await;
    let _sender = Sender(pontis_server::mail::start(&config, &app.store.db).expect("sender"));
    let (owner, lucia, thread) = class_with_spanish_student(&app).await;
    give_address(&app, &smtp, &lucia, "lucia@pontis.test", "immediate").await;
    let started = Instant::now();
    app.reply(&owner, thread, "The house is big.").await;
    // No translation worker runs here: after the wait the original goes, marked.
    let mails = smtp.wait_for("lucia@pontis.test", 2).await;
    assert!(started.elapsed() >= Duration::from_secs(2), "it waited");
    for body in [&mails[1].text, &mails[1].html] {
        assert!(body.contains("The house is big."), "{body}");
        assert!(body.contains("Original, en inglés."), "{body}");
        assert!(
            body.contains("La traducción aún no estaba lista."),
            "{body}"
        );
        assert!(!body.contains("Traducido automáticamente"), "{body}");
    }
}

async fn addresses_are_checked_and_confirmed_and_pages_answer_unknown_links(backend: Backend) {
    let smtp = Smtp::started();
    let (app, _sender) = start(backend, &smtp).await;
    let ana = app.register("ana", &["es"]).await;
    // The profile shows the section in Spanish.
    let (_, page) = {
        let mut res = awc::Client::default()
            .get(app.srv.url("/me"))
            .insert_header(("Cookie", format!("pontis_session={}", ana.token)))
            .send()
            .await
            .expect("request");
        let body = res.body().await.expect("body");
        (res.status(), String::from_utf8_lossy(&body).into_owned())
    };
    assert!(page.contains("Notificaciones por correo"), "{page}");
    assert!(page.contains("name=\"kind-mention\""), "{page}");
    assert!(page.contains("Menciones de mí"), "{page}");

    assert_eq!(
        form(
            &app,
            "/me/email",
            &ana,
            &[
                ("email_address", "not an address"),
                ("email_mode", "immediate")
            ]
        )
        .await,
        400
    );
    assert_eq!(settings(&app, &ana).await.pending_address, None);
    // No session, no form token: refused.
    assert_eq!(
        anonymous(&app, Method::POST, "/me/email", "email_address=x%40y.test")
            .await
            .0,
        403
    );
    give_address(&app, &smtp, &ana, "ana@pontis.test", "immediate").await;
    let confirm = &smtp.to("ana@pontis.test")[0];
    assert!(
        confirm.subject.contains("Confirma tu dirección"),
        "{}",
        confirm.subject
    );
    // A used link is gone.
    let link = confirm.link(&format!("{PUBLIC_URL}/email/confirm/"));
    let path = link.trim_start_matches(PUBLIC_URL).to_owned();
    let (status, page) = anonymous(&app, Method::POST, &path, "").await;
    assert_eq!(status, 404);
    assert!(page.contains("ya no es válido"), "{page}");
    let (status, _) = anonymous(&app, Method::GET, "/unsubscribe/unknown", "").await;
    assert_eq!(status, 404);
    // Unticked kinds are kept off; emptying the address stops all email.
    assert_eq!(
        form(
            &app,
            "/me/email",
            &ana,
            &[
                ("email_address", ""),
                ("email_mode", "digest"),
                ("kind-reply", "on")
            ]
        )
        .await,
        303
    );
    let view = settings(&app, &ana).await;
    assert_eq!(view.email_address, None);
    assert_eq!(view.email_mode, EmailMode::Digest);
    assert_eq!(view.email_kinds_off.len(), 6, "{view:?}");
}

on_both_backends!(
    #[actix_web::test] async
    a_reply_reaches_a_spanish_student_in_spanish_and_one_click_unsubscribes,
    a_digest_gathers_the_notifications_of_the_day,
    mail_waits_while_the_server_is_down_and_goes_out_once,
    a_message_refused_for_good_is_dropped_not_retried,
    a_post_hidden_before_sending_is_never_mailed,
    without_its_translation_in_time_the_original_goes_marked,
    addresses_are_checked_and_confirmed_and_pages_answer_unknown_links,
);
