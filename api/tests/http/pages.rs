//! The web UI's pages and forms: who sees what, CSRF, permissions, sanitizing, and that
//! every page is fully localized in every UI language.

use actix_web::http::header::HeaderMap;
use pontis_frontend::Localizer;
use pontis_frontend::i18n::FALLBACK;
use pontis_models::Backend;
use serde_json::json;

use crate::common::{Class, TestApp, TestUser};
use pontis_models::on_both_backends;

struct Html {
    status: u16,
    body: String,
    headers: HeaderMap,
}

impl Html {
    fn location(&self) -> &str {
        self.headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    #[track_caller]
    fn expect(self, status: u16) -> String {
        assert_eq!(
            self.status, status,
            "unexpected status; body: {}",
            self.body
        );
        self.body
    }
}

fn client() -> awc::Client {
    awc::Client::builder().disable_redirects().finish()
}

fn cookie(user: Option<&TestUser>) -> String {
    user.map_or_else(String::new, |u| format!("pontis_session={}", u.token))
}

async fn read(
    mut res: awc::ClientResponse<
        impl futures_util::Stream<Item = Result<actix_web::web::Bytes, awc::error::PayloadError>>
        + Unpin,
    >,
) -> Html {
    let body = res.body().limit(4 * 1024 * 1024).await.expect("body");
    Html {
        status: res.status().as_u16(),
        body: String::from_utf8_lossy(&body).into_owned(),
        headers: res.headers().clone(),
    }
}

async fn get(app: &TestApp, path: &str, user: Option<&TestUser>) -> Html {
    let res = client()
        .get(app.srv.url(path))
        .insert_header(("Cookie", cookie(user)))
        .send()
        .await
        .expect("request");
    read(res).await
}

/// Posts a form as `user`, with their session's CSRF token unless `fields` sets one.
async fn form(app: &TestApp, path: &str, user: &TestUser, fields: &[(&str, &str)]) -> Html {
    let mut all: Vec<(&str, &str)> = fields.to_vec();
    if !fields.iter().any(|(name, _)| *name == "csrf_token") {
        all.push(("csrf_token", &user.csrf));
    }
    let res = client()
        .post(app.srv.url(path))
        .insert_header(("Cookie", cookie(Some(user))))
        .send_form(&all)
        .await
        .expect("request");
    read(res).await
}

/// Fails on a raw message id or a Fluent error in what a reader sees.
#[track_caller]
fn assert_localized(html: &str, ids: &[String], context: &str) {
    for marker in ["{$", "{???}", "{ $"] {
        assert!(
            !html.contains(marker),
            "{context}: Fluent error {marker}: {html}"
        );
    }
    let without_code = strip_between(html, "<script", "</script>");
    let mut visible = String::new();
    for (i, part) in without_code.split('<').enumerate() {
        let (tag, text) = if i == 0 {
            ("", part)
        } else {
            part.split_once('>').unwrap_or((part, ""))
        };
        visible.push_str(text);
        visible.push(' ');
        for attribute in [
            "placeholder=\"",
            "aria-label=\"",
            "title=\"",
            "data-show=\"",
            "data-hide=\"",
        ] {
            if let Some((_, rest)) = tag.split_once(attribute) {
                visible.push_str(rest.split('"').next().unwrap_or_default());
                visible.push(' ');
            }
        }
    }
    for token in visible.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
        assert!(
            !(word.contains('-') && ids.iter().any(|id| id == word)),
            "{context}: raw message id {word}"
        );
    }
}

fn strip_between(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find(close)
            .map_or("", |end| &rest[start + end + close.len()..]);
    }
    out.push_str(rest);
    out
}

/// A class with a Spanish thread by Ana, a reported reply by Ben that a teacher hid, and
/// a ban; returns (class, thread id, Ben's post id).
async fn busy_class(app: &TestApp) -> (Class, i64, i64) {
    let class = app.class("class", "members_only").await;
    let created = app
        .post(
            "/api/v1/spaces/class/threads",
            &class.ana,
            json!({"title": "Paneles solares", "body": "Instalamos paneles solares en el techo.", "lang": "es"}),
        )
        .await
        .expect(201);
    let thread = created["thread"]["id"].as_i64().expect("thread");
    let reply = app
        .reply(&class.ben, thread, "We built a solar oven last year")
        .await;
    app.post(
        &format!("/api/v1/posts/{reply}/reports"),
        &class.ana,
        json!({"reason": "off topic"}),
    )
    .await
    .expect(201);
    let other = app.reply(&class.ben, thread, "Another idea").await;
    app.post(
        &format!("/api/v1/posts/{other}/hide"),
        &class.teacher,
        json!({"reason": "spam"}),
    )
    .await
    .expect(200);
    app.ban(&class.owner, "class", "outsider").await;
    (class, thread, reply)
}

async fn every_page_renders_in_every_language(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = busy_class(&app).await;
    let admin = app.admin("root").await;
    app.join(&admin, "class", Some(&class.invite_code)).await;
    // A reply, a mention and a quote for the notifications page to show.
    app.reply(&admin, thread, "Root was here.").await;
    app.reply(
        &class.ben,
        thread,
        &format!("@root [said](#post-{reply}) so"),
    )
    .await;
    let localizer = Localizer::embedded().expect("locales");
    let ids = localizer.message_ids(&FALLBACK);
    let pages = [
        "/".to_owned(),
        "/me".into(),
        "/me/security".into(),
        "/notifications".into(),
        "/join".into(),
        "/spaces/new".into(),
        "/s/class".into(),
        "/s/class/new".into(),
        format!("/t/{thread}"),
        format!("/t/{thread}?originals=1&lang=de"),
        format!("/p/{reply}/history"),
        format!("/p/{reply}/fragment"),
        "/s/class/reports".into(),
        "/s/class/hidden".into(),
        "/s/class/bans".into(),
        "/s/class/modlog".into(),
        "/s/class/members".into(),
        "/admin/translation".into(),
        "/admin/models".into(),
        "/search".into(),
        "/search?q=nothing-matches-this".into(),
        "/search?q=solar".into(),
    ];
    app.index_search();
    for lang in localizer.available() {
        assert!(
            localizer.missing_messages(lang).is_empty(),
            "{lang} misses messages"
        );
        app.patch("/api/v1/me", &admin, json!({"locale": lang.to_string()}))
            .await
            .expect(200);
        for path in &pages {
            let html = get(&app, path, Some(&admin)).await.expect(200);
            assert_localized(&html, &ids, &format!("{lang} {path}"));
            if !path.contains("fragment") {
                let dir = if lang.language.as_str() == "ar" {
                    "rtl"
                } else {
                    "ltr"
                };
                assert!(
                    html.contains(&format!("lang=\"{lang}\" dir=\"{dir}\"")),
                    "{lang} {path}"
                );
            }
        }
        for path in ["/login", "/signup"] {
            let res = client()
                .get(app.srv.url(path))
                .insert_header(("Accept-Language", lang.to_string()))
                .send()
                .await
                .expect("request");
            let html = read(res).await.expect(200);
            assert_localized(&html, &ids, &format!("{lang} {path}"));
        }
    }
}

async fn each_page_shows_its_users_view(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, _) = busy_class(&app).await;
    let home = get(&app, "/", Some(&class.ben)).await.expect(200);
    assert!(home.contains("/s/class"), "{home}");
    let list = get(&app, "/s/class", Some(&class.ben)).await.expect(200);
    assert!(
        list.contains("Paneles solares") && list.contains("class=\"thread-row unread\""),
        "{list}"
    );
    let page = get(&app, &format!("/t/{thread}"), Some(&class.ben))
        .await
        .expect(200);
    assert!(
        page.contains("Instalamos paneles solares"),
        "the original while translating"
    );
    assert!(
        page.contains("data-pending"),
        "marked as translating: {page}"
    );
    assert!(page.contains("name=\"csrf_token\" value=\"") && page.contains(&class.ben.csrf));
    let ana_sees = get(&app, &format!("/t/{thread}"), Some(&class.ana))
        .await
        .expect(200);
    assert!(
        !ana_sees.contains("Another idea"),
        "hidden from other students"
    );
    // The read mark is written after the page is answered: look a few times.
    let mut list = String::new();
    for _ in 0..50 {
        list = get(&app, "/s/class", Some(&class.ben)).await.expect(200);
        if !list.contains("thread-row unread") {
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(!list.contains("thread-row unread"), "read once opened");
    let reports = get(&app, "/s/class/reports", Some(&class.teacher))
        .await
        .expect(200);
    assert!(
        reports.contains("We built a solar oven") && reports.contains("off topic"),
        "{reports}"
    );
    let hidden = get(&app, "/s/class/hidden", Some(&class.teacher))
        .await
        .expect(200);
    assert!(hidden.contains("Another idea"), "{hidden}");
    let bans = get(&app, "/s/class/bans", Some(&class.teacher))
        .await
        .expect(200);
    assert!(bans.contains("@outsider"), "{bans}");
    let css = get(&app, "/static/app.css", None).await;
    assert_eq!(css.status, 200);
    assert!(
        css.headers
            .get("cache-control")
            .is_some_and(|v| v.to_str().is_ok_and(|v| v.contains("immutable")))
    );
}

async fn unknown_addresses_are_pages_for_browsers(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    let res = client()
        .get(app.srv.url("/no-such-page"))
        .insert_header(("Accept-Language", "es"))
        .send()
        .await
        .expect("request");
    let page = read(res).await;
    assert_eq!(page.status, 404);
    assert!(page.body.contains("<html lang=\"es\""), "{}", page.body);
    let ids = Localizer::embedded()
        .expect("locales")
        .message_ids(&FALLBACK);
    assert_localized(&page.body, &ids, "404");
    // Under /api/ it stays a JSON error.
    app.get("/api/v1/no-such-route", &ana)
        .await
        .expect_error(404, "route_not_found");
}

async fn anonymous_visitors_are_sent_to_log_in(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, thread, reply) = busy_class(&app).await;
    for path in [
        format!("/t/{thread}"),
        "/s/class".into(),
        "/me".into(),
        "/join".into(),
        format!("/p/{reply}/edit"),
        "/s/class/reports".into(),
        "/admin/translation".into(),
    ] {
        let res = get(&app, &path, None).await;
        assert_eq!(res.status, 303, "{path}");
        assert!(
            res.location().starts_with("/login?next=%2F"),
            "{path}: {}",
            res.location()
        );
    }
    let landing = get(&app, "/", None).await.expect(200);
    assert!(landing.contains("href=\"/signup\""));
}

async fn signing_up_and_logging_in_through_forms(backend: Backend) {
    let app = TestApp::start(backend).await;
    let res = client()
        .get(app.srv.url("/signup"))
        .send()
        .await
        .expect("request");
    let set_cookie = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("a form cookie")
        .to_owned();
    let token = set_cookie
        .split(';')
        .next()
        .and_then(|c| c.strip_prefix("pontis_form="))
        .expect("form token")
        .to_owned();
    let fields = [
        ("csrf_token", token.as_str()),
        ("handle", "lucia"),
        ("password", "correct horse battery"),
        ("language1", "es"),
        ("language2", "en"),
    ];
    let forged = client()
        .post(app.srv.url("/signup"))
        .send_form(&fields)
        .await
        .expect("request");
    assert_eq!(read(forged).await.status, 403, "no form cookie, no sign-up");
    let res = client()
        .post(app.srv.url("/signup"))
        .insert_header(("Cookie", format!("pontis_form={token}")))
        .send_form(&fields)
        .await
        .expect("request");
    let signed_up = read(res).await;
    assert_eq!(signed_up.status, 303, "{}", signed_up.body);
    let session = signed_up
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(
        session.contains("pontis_session=")
            && session.contains("HttpOnly")
            && session.contains("SameSite=Lax"),
        "{session}"
    );

    let wrong = [
        ("csrf_token", token.as_str()),
        ("handle", "lucia"),
        ("password", "wrong password!"),
    ];
    let res = client()
        .post(app.srv.url("/login"))
        .insert_header(("Cookie", format!("pontis_form={token}")))
        .insert_header(("Accept-Language", "es"))
        .send_form(&wrong)
        .await
        .expect("request");
    let failed = read(res).await;
    assert_eq!(failed.status, 401);
    assert!(
        failed.body.contains("value=\"lucia\""),
        "keeps what was typed"
    );
    let localizer = Localizer::embedded().expect("messages");
    let spanish = localizer.message(&"es".parse().expect("es"), "error-invalid-credentials", &[]);
    assert_eq!(spanish, "Nombre de usuario o contraseña incorrectos.");
    assert!(
        failed.body.contains(&spanish),
        "the login error, in Spanish: {}",
        failed.body
    );

    // Signed in, a crafted `next` cannot send the browser to another site.
    let session = session.split(';').next().unwrap_or_default().to_owned();
    // As sent in the address: `%09` is a tab once decoded, `%252F` a literal `%2F`.
    for next in [
        "/%09/evil.example",
        "//evil.example",
        "/%5C/evil.example",
        "/%252F%252Fevil.example",
        "https://evil.example",
    ] {
        let res = client()
            .get(app.srv.url(&format!("/login?next={next}")))
            .insert_header(("Cookie", session.clone()))
            .send()
            .await
            .expect("request");
        let sent = read(res).await;
        assert_eq!((sent.status, sent.location()), (303, "/"), "next={next}");
    }
    let res = client()
        .get(app.srv.url("/login?next=%2Fs%2Fclub"))
        .insert_header(("Cookie", session))
        .send()
        .await
        .expect("request");
    let kept = read(res).await;
    assert_eq!(
        (kept.status, kept.location()),
        (303, "/s/club"),
        "a local path is kept"
    );
}

/// A form's path, who sends it, and its fields.
type FormCase<'a> = (String, &'a TestUser, Vec<(&'a str, &'a str)>);

async fn forms_without_the_csrf_token_change_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = busy_class(&app).await;
    let report_id = app
        .get("/api/v1/spaces/class/reports", &class.teacher)
        .await
        .expect(200)["reports"][0]["id"]
        .as_i64()
        .expect("report");
    let report_ids = report_id.to_string();
    let forms: Vec<FormCase> = vec![
        ("/logout".into(), &class.ben, vec![]),
        (
            "/me".into(),
            &class.ben,
            vec![("display_name", "Hacked"), ("language1", "fr")],
        ),
        ("/locale".into(), &class.ben, vec![("locale", "fr")]),
        (
            "/spaces/new".into(),
            &class.ben,
            vec![("name", "X"), ("slug", "forged")],
        ),
        (
            "/join".into(),
            &class.outsider,
            vec![("slug", "class"), ("invite_code", &class.invite_code)],
        ),
        (
            "/s/class/new".into(),
            &class.ben,
            vec![("title", "Forged"), ("body", "Forged")],
        ),
        (
            format!("/t/{thread}/reply"),
            &class.ben,
            vec![("body", "Forged reply")],
        ),
        (format!("/t/{thread}/pin"), &class.teacher, vec![]),
        (
            format!("/p/{reply}/edit"),
            &class.ben,
            vec![("body", "Forged edit")],
        ),
        (
            format!("/p/{reply}/report"),
            &class.ana,
            vec![("reason", "forged")],
        ),
        (format!("/p/{reply}/hide"), &class.teacher, vec![]),
        (
            format!("/reports/{report_id}/resolve"),
            &class.teacher,
            vec![],
        ),
        (
            "/s/class/bans".into(),
            &class.teacher,
            vec![("handle", "ben"), ("reason", "x")],
        ),
        ("/s/class/bans/outsider/delete".into(), &class.owner, vec![]),
        (
            "/s/class/members/ben".into(),
            &class.owner,
            vec![("role", "teacher")],
        ),
        ("/s/class/members/ben/remove".into(), &class.owner, vec![]),
        ("/me/sessions/end-all".into(), &class.ben, vec![]),
        (
            "/me/password".into(),
            &class.ben,
            vec![
                ("current_password", "correct horse battery"),
                ("new_password", "forged new password"),
            ],
        ),
        (
            "/s/class/invite".into(),
            &class.owner,
            vec![("max_uses", "1")],
        ),
        (
            "/s/class/visibility".into(),
            &class.owner,
            vec![("visibility", "public")],
        ),
        (
            "/s/class/reports/resolve".into(),
            &class.owner,
            vec![("ids", &report_ids)],
        ),
    ];
    let before = app
        .get(&format!("/api/v1/threads/{thread}"), &class.teacher)
        .await
        .expect(200);
    for (path, user, fields) in &forms {
        for token in [None, Some("wrong")] {
            let mut fields = fields.clone();
            fields.push(("csrf_token", token.unwrap_or_default()));
            let res = form(&app, path, user, &fields).await;
            assert_eq!(res.status, 403, "{path} with {token:?}: {}", res.body);
            assert!(res.body.contains("<html"), "an error page");
        }
    }
    let after = app
        .get(&format!("/api/v1/threads/{thread}"), &class.teacher)
        .await
        .expect(200);
    assert_eq!(before, after, "nothing written");
    assert_eq!(
        app.get("/api/v1/spaces/class/reports", &class.teacher)
            .await
            .expect(200)["reports"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    assert_eq!(
        app.get("/api/v1/spaces/class/bans", &class.teacher)
            .await
            .expect(200)
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    app.get("/api/v1/spaces/forged", &class.ben)
        .await
        .expect_error(404, "space_not_found");
    let me = app.get("/api/v1/me", &class.ben).await.expect(200);
    assert_eq!(me["display_name"], "ben");
    assert_eq!(me["locale"], "de");
    app.get("/api/v1/spaces/class", &class.outsider)
        .await
        .expect_error(404, "space_not_found");
    let space = app
        .get("/api/v1/spaces/class", &class.owner)
        .await
        .expect(200);
    assert_eq!(
        space["invite_code"],
        class.invite_code.as_str(),
        "the code is unchanged"
    );
    let members = app
        .get("/api/v1/spaces/class/members", &class.owner)
        .await
        .expect(200);
    assert!(
        members
            .as_array()
            .expect("members")
            .iter()
            .any(|m| m["user"]["handle"] == "ben"),
        "ben is still a member"
    );
}

async fn students_cannot_open_teacher_pages(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = busy_class(&app).await;
    for path in [
        "/s/class/reports",
        "/s/class/hidden",
        "/s/class/bans",
        "/s/class/modlog",
        "/s/class/members",
        "/admin/translation",
        "/admin/models",
    ] {
        let res = get(&app, path, Some(&class.ben)).await;
        assert_eq!(res.status, 403, "{path}");
        assert!(res.body.contains("<html"), "{path}: an error page");
        assert_eq!(
            get(&app, path, Some(&class.teacher)).await.status,
            if path.starts_with("/admin") { 403 } else { 200 },
            "{path}"
        );
    }
    assert_eq!(
        get(&app, "/s/class/reports", Some(&class.outsider))
            .await
            .status,
        404
    );
    assert_eq!(
        get(&app, "/s/class", Some(&class.outsider)).await.status,
        404
    );
    assert_eq!(
        form(&app, &format!("/p/{reply}/hide"), &class.ana, &[])
            .await
            .status,
        403
    );
    assert_eq!(
        get(&app, &format!("/p/{reply}/edit"), Some(&class.ana))
            .await
            .status,
        403
    );
    let page = get(&app, "/s/class/reports", Some(&class.ben)).await;
    assert!(
        page.body.contains("lang=\"de\""),
        "in the student's language"
    );
}

async fn teachers_act_through_forms(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = busy_class(&app).await;
    let res = form(
        &app,
        &format!("/p/{reply}/hide"),
        &class.teacher,
        &[("next", "/s/class/reports")],
    )
    .await;
    assert_eq!((res.status, res.location()), (303, "/s/class/reports"));
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ana)
        .await
        .expect(200);
    assert!(
        page["posts"]
            .as_array()
            .expect("posts")
            .iter()
            .all(|p| p["id"] != reply),
        "hidden"
    );
    let report = app
        .get("/api/v1/spaces/class/reports", &class.teacher)
        .await
        .expect(200)["reports"][0]["id"]
        .as_i64()
        .expect("id");
    let res = form(
        &app,
        &format!("/reports/{report}/resolve"),
        &class.teacher,
        &[("next", "/s/class/reports")],
    )
    .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        app.get("/api/v1/spaces/class/reports", &class.teacher)
            .await
            .expect(200)["reports"],
        json!([])
    );
    let res = form(
        &app,
        "/s/class/bans",
        &class.teacher,
        &[("handle", "nobody_here"), ("reason", "typed reason")],
    )
    .await;
    assert_eq!(res.status, 404);
    assert!(
        res.body.contains("typed reason"),
        "the form again, as typed"
    );
    let res = form(&app, &format!("/t/{thread}/pin"), &class.teacher, &[]).await;
    assert_eq!(res.status, 303);
    let list = get(&app, "/s/class", Some(&class.ben)).await.expect(200);
    assert!(list.contains("badge"), "pinned mark");

    // The members page: a new invitation code with a use limit, a student removed.
    let members = get(&app, "/s/class/members", Some(&class.teacher))
        .await
        .expect(200);
    assert!(members.contains(&class.invite_code), "the current code");
    assert!(members.contains("action=\"/s/class/members/ben/remove\""));
    assert!(
        !members.contains("action=\"/s/class/visibility\""),
        "visibility is the owners' to change"
    );
    let res = form(
        &app,
        "/s/class/invite",
        &class.teacher,
        &[("max_uses", "3")],
    )
    .await;
    assert_eq!((res.status, res.location()), (303, "/s/class/members"));
    let space = app
        .get("/api/v1/spaces/class", &class.teacher)
        .await
        .expect(200);
    assert_ne!(space["invite_code"], class.invite_code.as_str());
    assert_eq!(space["invite_max_uses"], 3);
    let res = form(&app, "/s/class/members/ben/remove", &class.teacher, &[]).await;
    assert_eq!((res.status, res.location()), (303, "/s/class/members"));
    assert_eq!(get(&app, "/s/class", Some(&class.ben)).await.status, 404);
    let res = form(
        &app,
        "/s/class/visibility",
        &class.owner,
        &[("visibility", "public")],
    )
    .await;
    assert_eq!(res.status, 303);
    assert_eq!(
        get(&app, "/s/class", Some(&class.ben)).await.status,
        200,
        "public now"
    );
}

async fn students_write_through_forms_and_keep_their_text(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, _) = busy_class(&app).await;
    let long_title = "x".repeat(400);
    let res = form(
        &app,
        "/s/class/new",
        &class.ben,
        &[("title", &long_title), ("body", "My carefully typed text")],
    )
    .await;
    assert_eq!(res.status, 400);
    assert!(
        res.body.contains("My carefully typed text") && res.body.contains("class=\"error\""),
        "{}",
        res.body
    );
    let res = form(
        &app,
        "/s/class/new",
        &class.ben,
        &[
            ("title", "Solarkocher"),
            ("body", "Wir haben einen Solarkocher gebaut."),
            ("lang", "de"),
        ],
    )
    .await;
    assert_eq!(res.status, 303);
    assert!(res.location().starts_with("/t/"));
    let res = form(
        &app,
        &format!("/t/{thread}/reply"),
        &class.ben,
        &[("body", "Eine Antwort"), ("lang", "")],
    )
    .await;
    assert_eq!(res.status, 303);
    let post_id: i64 = res
        .location()
        .rsplit("post-")
        .next()
        .and_then(|id| id.parse().ok())
        .expect("post id");
    let res = form(
        &app,
        &format!("/p/{post_id}/edit"),
        &class.ben,
        &[("body", "Eine bessere Antwort"), ("lang", "de")],
    )
    .await;
    assert_eq!(res.status, 303);
    let history = get(&app, &format!("/p/{post_id}/history"), Some(&class.ben))
        .await
        .expect(200);
    assert!(history.contains("Eine Antwort") && history.contains("Eine bessere Antwort"));
    let res = form(
        &app,
        "/me",
        &class.ben,
        &[
            ("display_name", "Ben B."),
            ("locale", "fr"),
            ("language1", "de"),
            ("language2", "es"),
            ("language3", "en"),
        ],
    )
    .await;
    assert_eq!((res.status, res.location()), (303, "/me?saved=1"));
    let profile = get(&app, "/me?saved=1", Some(&class.ben)).await.expect(200);
    assert!(profile.contains("lang=\"fr\""), "the new UI language");
    let page = get(&app, &format!("/t/{thread}"), Some(&class.ben))
        .await
        .expect(200);
    assert!(!page.contains("data-pending"), "reads Spanish now");
}

async fn posts_are_sanitized(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let body = "Hi <script>alert('x')</script> <img src=x onerror=\"alert('y')\"> [link](javascript:alert('z')) <a href=\"https://example.org\" onclick=\"alert('w')\">ok</a> <style>body{display:none}</style> ![pixel](https://tracker.example/p.png) <img src=\"https://tracker.example/q.png\">";
    let (thread, _) = app.thread(&class.ana, "class", "XSS", body).await;
    let page = get(&app, &format!("/t/{thread}"), Some(&class.ben))
        .await
        .expect(200);
    for bad in [
        "alert(",
        "onerror",
        "onclick",
        "javascript:",
        "display:none",
    ] {
        assert!(!page.contains(bad), "{bad} survived");
    }
    assert!(page.contains("rel=\"nofollow noopener noreferrer\""));
    assert!(
        !page.contains("src=\"https://tracker.example"),
        "no image loads from another site: {page}"
    );
    assert!(
        page.contains("href=\"https://tracker.example/p.png\""),
        "the image became a link"
    );
    let title = get(&app, "/s/class", Some(&class.ben)).await.expect(200);
    assert!(!title.contains("<script>alert"));
}

/// The administrator sees, for the languages members read, how each reaches each other
/// through the installed engines, and which are not reached yet.
async fn the_models_page_shows_routes_between_the_members_languages(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin("root").await;
    for (handle, language) in [
        ("ana", "es"),
        ("camille", "fr"),
        ("dieter", "de"),
        ("yuki", "ja"),
    ] {
        app.register(handle, &[language]).await;
    }
    let page = get(&app, "/admin/models", Some(&admin)).await.expect(200);
    let matrix = &page[page.find("route-matrix").expect("the route matrix")..];
    // English → Spanish directly through Apertium; French → English through a pivot.
    assert!(
        matrix.contains("title=\"apertium: eng-spa\" data-hops=\"1\""),
        "{matrix}"
    );
    assert!(matrix.contains("data-hops=\"2\""), "{matrix}");
    assert!(matrix.contains("data-hops=\"0\""), "{matrix}");
    // No engine knows German or Japanese: they reach no one, and no one reaches them.
    let gaps = &matrix[matrix.find("Not reachable yet").expect("the gaps")..];
    for gap in [
        "<li>German, from en, es, fr, ja</li>",
        "<li>Japanese, from de, en, es, fr</li>",
        "<li>Spanish, from de, ja</li>",
    ] {
        assert!(gaps.contains(gap), "{gap} in {gaps}");
    }
    assert!(gaps.contains("pontis models suggest"), "{gaps}");
}

/// The bell counts what is new, the notifications page shows it in the reader's language,
/// opening one marks it read, and the thread's switch mutes it.
async fn the_bell_and_the_notifications_page(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = busy_class(&app).await;
    let bell = |html: &str| -> Option<String> {
        let at = html.find("id=\"unread-count\"")?;
        let rest = &html[at..];
        let start = rest.find('>')? + 1;
        let end = rest.find("</span>")?;
        Some(format!("{}{}", &rest[..start], &rest[start..end]))
    };
    // Ana started the thread: Ben's two replies, one hidden since, leave one for her.
    let home = get(&app, "/", Some(&class.ana)).await.expect(200);
    let count = bell(&home).expect("a bell");
    assert!(
        count.ends_with(">1") && !count.contains("hidden"),
        "{count}"
    );
    let page = get(&app, "/notifications", Some(&class.ana))
        .await
        .expect(200);
    assert!(page.contains("class=\"notification unread\""), "{page}");
    assert!(page.contains("We built a solar oven last year"), "{page}");
    assert!(
        !page.contains("Another idea"),
        "a hidden post's notification: {page}"
    );
    let link = page
        .split("href=\"/n/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the notification")
        .to_owned();
    let opened = get(&app, &format!("/n/{link}"), Some(&class.ana)).await;
    assert_eq!(opened.status, 303);
    assert_eq!(opened.location(), format!("/t/{thread}#post-{reply}"));
    let home = get(&app, "/", Some(&class.ana)).await.expect(200);
    assert!(
        bell(&home).expect("a bell").contains("hidden"),
        "none unread"
    );
    // Nobody opens another's notification.
    get(&app, &format!("/n/{link}"), Some(&class.ben))
        .await
        .expect(404);
    let muted = form(
        &app,
        &format!("/t/{thread}/watch"),
        &class.ana,
        &[("level", "muted")],
    )
    .await;
    assert_eq!(muted.status, 303);
    let page = get(&app, &format!("/t/{thread}"), Some(&class.ana))
        .await
        .expect(200);
    assert!(page.contains("<option value=\"muted\" selected>"), "{page}");
    app.reply(&class.ben, thread, "Still there?").await;
    let home = get(&app, "/", Some(&class.ana)).await.expect(200);
    assert!(bell(&home).expect("a bell").contains("hidden"), "muted");

    // "Quote" fills the reply box with the post and a link to it; sending it tells Ben.
    let page = get(
        &app,
        &format!("/t/{thread}?quote={reply}"),
        Some(&class.teacher),
    )
    .await
    .expect(200);
    let quoted = format!("&gt; We built a solar oven last year\n&gt; — [@ben](#post-{reply})");
    assert!(page.contains(&quoted), "{page}");
    let body = format!("> We built a solar oven last year\n> — [@ben](#post-{reply})\n\nHow hot?");
    let sent = form(
        &app,
        &format!("/t/{thread}/reply"),
        &class.teacher,
        &[("body", body.as_str()), ("lang", "en")],
    )
    .await;
    assert_eq!(sent.status, 303);
    let bens = app
        .get("/api/v1/notifications", &class.ben)
        .await
        .expect(200);
    assert_eq!(bens["items"][0]["kind"], "quote", "{bens}");
    // A post of another thread is not quoted.
    let (other, _) = app.thread(&class.ben, "class", "Other", "Elsewhere").await;
    let page = get(
        &app,
        &format!("/t/{other}?quote={reply}"),
        Some(&class.teacher),
    )
    .await
    .expect(200);
    assert!(!page.contains("solar oven"), "{page}");
}

/// A reply whose language detection cannot tell is not posted on a guess: the form comes
/// back asking the author to check the language, their first one chosen. Readers may tell
/// the teachers that a post is not in the language it says.
async fn the_composer_asks_for_the_language_when_it_cannot_tell(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let (thread, post) = app
        .thread(&class.owner, "class", "Solar", "The house is big.")
        .await;
    let reply = format!("/t/{thread}/reply");
    let unsure = form(&app, &reply, &class.ana, &[("body", "👍👍"), ("lang", "")]).await;
    assert_eq!(unsure.status, 200);
    assert!(
        unsure.body.contains("No hemos podido saber con seguridad"),
        "asked in Ana's language"
    );
    assert!(
        unsure.body.contains("<option value=\"es\" selected>"),
        "her first language chosen"
    );
    let posts = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ana)
        .await
        .expect(200);
    assert_eq!(
        posts["posts"].as_array().map(Vec::len),
        Some(1),
        "nothing posted"
    );
    let sure = form(
        &app,
        &reply,
        &class.ana,
        &[("body", "👍👍"), ("lang", "es")],
    )
    .await;
    assert_eq!(sure.status, 303);

    let page = get(&app, &format!("/t/{thread}"), Some(&class.ben)).await;
    let reason = "Dieser Beitrag ist nicht auf Englisch geschrieben.";
    assert!(page.body.contains(reason), "Ben can say it is not English");
    let flagged = form(
        &app,
        &format!("/p/{post}/report"),
        &class.ben,
        &[("reason", reason)],
    )
    .await;
    assert_eq!(flagged.status, 303);
    let reports = app
        .get("/api/v1/spaces/class/reports", &class.teacher)
        .await
        .expect(200);
    assert_eq!(reports["reports"][0]["reason"], reason, "{reports}");

    let fixed = form(
        &app,
        &format!("/p/{post}/language"),
        &class.owner,
        &[("lang", "de")],
    )
    .await;
    assert_eq!(fixed.status, 303);
    let post = app
        .get(&format!("/api/v1/posts/{post}"), &class.owner)
        .await
        .expect(200);
    assert_eq!(post["lang"], "de");
}

/// The admin page shows how often each quality guard refused each model's translations.
async fn the_admin_page_counts_quality_guards_per_model(backend: Backend) {
    use pontis_types::translation::{GuardHit, QualityGuard};
    let app = TestApp::start(backend).await;
    let admin = app.admin("root").await;
    let before = get(&app, "/admin/translation", Some(&admin)).await;
    assert!(before.body.contains("No translation has been rejected."));
    let hit = |guard| GuardHit {
        model: "opus-mt-es-en".into(),
        guard,
    };
    let hits = [
        hit(QualityGuard::Looping),
        hit(QualityGuard::Looping),
        hit(QualityGuard::Empty),
    ];
    let db = app.store.db.clone();
    actix_web::web::block(move || {
        db.write(|conn| pontis_models::translation::guards::record(conn, &hits))
    })
    .await
    .expect("blocking task")
    .expect("record the hits");
    let after = get(&app, "/admin/translation", Some(&admin)).await;
    assert_eq!(after.status, 200);
    for row in [
        "<tr><td>opus-mt-es-en</td><td>Looping</td><td>2</td>",
        "<tr><td>opus-mt-es-en</td><td>Empty output</td><td>1</td>",
    ] {
        assert!(after.body.contains(row), "{row} missing: {}", after.body);
    }
}

on_both_backends!(
    #[actix_web::test] async
    the_admin_page_counts_quality_guards_per_model,
    the_composer_asks_for_the_language_when_it_cannot_tell,
    the_bell_and_the_notifications_page,
    the_models_page_shows_routes_between_the_members_languages,
    every_page_renders_in_every_language,
    each_page_shows_its_users_view,
    anonymous_visitors_are_sent_to_log_in,
    unknown_addresses_are_pages_for_browsers,
    signing_up_and_logging_in_through_forms,
    forms_without_the_csrf_token_change_nothing,
    students_cannot_open_teacher_pages,
    teachers_act_through_forms,
    students_write_through_forms_and_keep_their_text,
    posts_are_sanitized,
);
