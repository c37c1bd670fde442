//! Registration, login, sessions, cookies with CSRF, tokens, profile, localized errors.

use pontis_models::Backend;
use serde_json::json;

use crate::common::{Auth, TestApp, TestUser};
use pontis_models::on_both_backends;

async fn register_login_logout(backend: Backend) {
    let app = TestApp::start(backend).await;
    let reply = app
        .post(
            "/api/v1/auth/register",
            Auth::Anonymous,
            json!({"handle": "Ana_1", "password": "correct horse", "display_name": "Ana",
                   "locale": "es", "languages": ["es", "pt-br", "ES"]}),
        )
        .await;
    let cookie = reply
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(cookie.starts_with("pontis_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let body = reply.expect(201);
    assert_eq!(
        body["user"]["handle"], "ana_1",
        "handles are stored in lower case"
    );
    assert_eq!(
        body["user"]["languages"],
        json!(["es", "pt-BR"]),
        "normalized, without repeats"
    );

    let login = app
        .post(
            "/api/v1/auth/login",
            Auth::Anonymous,
            json!({"handle": "ANA_1", "password": "correct horse"}),
        )
        .await
        .expect(200);
    let token = login["token"].as_str().expect("token").to_owned();
    let user = crate::common::TestUser {
        handle: "ana_1".into(),
        token,
        csrf: login["csrf_token"].as_str().expect("csrf").to_owned(),
    };
    assert_eq!(
        app.get("/api/v1/me", &user).await.expect(200)["display_name"],
        "Ana"
    );
    app.post("/api/v1/auth/logout", &user, json!({}))
        .await
        .expect(204);
    app.get("/api/v1/me", &user)
        .await
        .expect_error(401, "unauthenticated");

    app.post(
        "/api/v1/auth/login",
        Auth::Anonymous,
        json!({"handle": "ana_1", "password": "wrong horse"}),
    )
    .await
    .expect_error(401, "invalid_credentials");
    app.post(
        "/api/v1/auth/login",
        Auth::Anonymous,
        json!({"handle": "nobody", "password": "wrong horse"}),
    )
    .await
    .expect_error(401, "invalid_credentials");
}

async fn registration_rejects_bad_input(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.register("taken", &["en"]).await;
    let cases = [
        (
            json!({"handle": "a", "password": "long enough", "locale": "en", "languages": ["en"]}),
            400,
            "invalid_handle",
        ),
        (
            json!({"handle": "bad handle", "password": "long enough", "locale": "en", "languages": ["en"]}),
            400,
            "invalid_handle",
        ),
        (
            json!({"handle": "shorty", "password": "short", "locale": "en", "languages": ["en"]}),
            400,
            "invalid_password",
        ),
        (
            json!({"handle": "langs", "password": "long enough", "locale": "en", "languages": ["xx"]}),
            400,
            "invalid_language_tag",
        ),
        (
            json!({"handle": "langs", "password": "long enough", "locale": "klingon", "languages": ["en"]}),
            400,
            "invalid_language_tag",
        ),
        (
            json!({"handle": "langs", "password": "long enough", "locale": "en", "languages": []}),
            400,
            "invalid_language_list",
        ),
        (
            json!({"handle": "taken", "password": "long enough", "locale": "en", "languages": ["en"]}),
            409,
            "handle_taken",
        ),
        (
            json!({"handle": "nopass", "locale": "en", "languages": ["en"]}),
            400,
            "invalid_json",
        ),
    ];
    for (body, status, code) in cases {
        app.post("/api/v1/auth/register", Auth::Anonymous, body)
            .await
            .expect_error(status, code);
    }
    let huge = "x".repeat(300 * 1024);
    app.post(
        "/api/v1/auth/register",
        Auth::Anonymous,
        json!({"handle": huge}),
    )
    .await
    .expect_error(413, "payload_too_large");
}

async fn errors_speak_the_requesters_language(backend: Backend) {
    let app = TestApp::start(backend).await;
    let anonymous_german = app
        .request(
            actix_web::http::Method::GET,
            "/api/v1/me",
            Auth::Anonymous,
            None,
            &[("Accept-Language", "de-CH, fr;q=0.5")],
        )
        .await;
    assert_eq!(
        anonymous_german
            .headers
            .get("content-language")
            .map(|v| v.as_bytes()),
        Some(&b"de"[..])
    );
    let body = anonymous_german.expect_error(401, "unauthenticated");
    assert_eq!(body["message"], "Bitte melde dich zuerst an.");

    let ana = app.register("ana", &["es"]).await;
    let body = app
        .request(
            actix_web::http::Method::POST,
            "/api/v1/spaces",
            &ana,
            Some(json!({"slug": "-", "name": "x", "visibility": "public"})),
            &[("Accept-Language", "fr")],
        )
        .await
        .expect_error(400, "invalid_slug");
    assert!(
        body["message"]
            .as_str()
            .unwrap_or_default()
            .starts_with("La dirección"),
        "the user's locale wins: {body}"
    );

    app.patch(
        "/api/v1/me",
        &ana,
        json!({"locale": "fr", "languages": ["es", "fr"]}),
    )
    .await
    .expect(200);
    let body = app
        .get("/api/v1/spaces/nowhere", &ana)
        .await
        .expect_error(404, "space_not_found");
    assert_eq!(
        body["message"],
        "Cet espace n’existe pas, ou vous ne pouvez pas le voir."
    );
    let unknown = app.get("/api/v1/spaces/nowhere", Auth::Anonymous).await;
    assert_eq!(
        unknown.expect_error(401, "unauthenticated")["message"],
        "Please log in first."
    );
}

async fn profile_updates(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ben = app.register("ben", &["de"]).await;
    let me = app
        .patch("/api/v1/me", &ben, json!({"display_name": "Ben K.", "locale": "de-at", "languages": ["de", "en", "zh-hans"]}))
        .await
        .expect(200);
    assert_eq!(me["display_name"], "Ben K.");
    assert_eq!(me["locale"], "de-AT");
    assert_eq!(me["languages"], json!(["de", "en", "zh-Hans"]));
    app.patch("/api/v1/me", &ben, json!({"languages": ["de", "zz"]}))
        .await
        .expect_error(400, "invalid_language_tag");
    app.patch("/api/v1/me", &ben, json!({"display_name": "x".repeat(65)}))
        .await
        .expect_error(400, "display_name_too_long");
    assert_eq!(
        app.get("/api/v1/me", &ben).await.expect(200)["languages"],
        json!(["de", "en", "zh-Hans"]),
        "a refused update changes nothing"
    );
}

async fn cookie_writes_need_the_csrf_token(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["en"]).await;
    app.get(
        "/api/v1/me",
        Auth::Cookie {
            user: &ana,
            csrf: false,
        },
    )
    .await
    .expect(200);
    let space = json!({"slug": "club", "name": "Club", "visibility": "public"});
    app.post(
        "/api/v1/spaces",
        Auth::Cookie {
            user: &ana,
            csrf: false,
        },
        space.clone(),
    )
    .await
    .expect_error(403, "csrf_token_invalid");
    app.post(
        "/api/v1/spaces",
        Auth::Cookie {
            user: &ana,
            csrf: true,
        },
        space,
    )
    .await
    .expect(201);
    let other = app.register("other", &["en"]).await;
    let forged = crate::common::TestUser {
        csrf: other.csrf.clone(),
        ..ana.clone()
    };
    app.post(
        "/api/v1/spaces",
        Auth::Cookie {
            user: &forged,
            csrf: true,
        },
        json!({"slug": "club2", "name": "Club", "visibility": "public"}),
    )
    .await
    .expect_error(403, "csrf_token_invalid");
}

async fn api_tokens(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["en"]).await;
    let bob = app.register("bob", &["en"]).await;
    let created = app
        .post("/api/v1/me/tokens", &ana, json!({"name": "grading script"}))
        .await
        .expect(201);
    let script = crate::common::TestUser {
        token: created["token"].as_str().expect("secret").to_owned(),
        ..ana.clone()
    };
    assert_eq!(
        app.get("/api/v1/me", &script).await.expect(200)["handle"],
        "ana"
    );
    let listed = app.get("/api/v1/me/tokens", &ana).await.expect(200);
    assert_eq!(listed[0]["name"], "grading script");
    assert!(listed[0].get("token").is_none(), "the secret is shown once");
    let id = created["id"].as_i64().expect("id");
    app.delete(&format!("/api/v1/me/tokens/{id}"), &bob)
        .await
        .expect_error(404, "token_not_found");
    app.post("/api/v1/me/tokens", &ana, json!({"name": " "}))
        .await
        .expect_error(400, "invalid_token_name");
    app.delete(&format!("/api/v1/me/tokens/{id}"), &ana)
        .await
        .expect(204);
    app.get("/api/v1/me", &script)
        .await
        .expect_error(401, "unauthenticated");
}

async fn rate_limits_answer_429_with_retry_after(backend: Backend) {
    let limits = pontis_server::config::RateLimits {
        posts_per_minute_per_user: 2,
        failed_logins_before_delay: 2,
        login_delay_max_seconds: 60,
        ..pontis_server::config::RateLimits::unlimited()
    };
    let app = TestApp::with_limits(backend, limits).await;
    let ana = app.register("ana", &["en"]).await;
    app.space(&ana, "club", "public").await;
    let (thread, _) = app.thread(&ana, "club", "One", "First post").await;
    app.reply(&ana, thread, "Second post").await;
    let limited = app
        .post(
            &format!("/api/v1/threads/{thread}/posts"),
            &ana,
            json!({"body": "Third"}),
        )
        .await;
    assert!(limited.headers.contains_key("retry-after"));
    limited.expect_error(429, "rate_limited");
    for _ in 0..3 {
        app.post(
            "/api/v1/auth/login",
            Auth::Anonymous,
            json!({"handle": "ana", "password": "wrong one"}),
        )
        .await
        .expect(401);
    }
    app.post(
        "/api/v1/auth/login",
        Auth::Anonymous,
        json!({"handle": "ana", "password": "correct horse battery"}),
    )
    .await
    .expect_error(429, "rate_limited");
}

async fn passwords_and_sessions_over_the_api(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["en"]).await;
    let laptop = app
        .post(
            "/api/v1/auth/login",
            Auth::Anonymous,
            json!({"handle": "ana", "password": "correct horse battery"}),
        )
        .await
        .expect(200);
    let laptop = TestUser {
        handle: "ana".into(),
        token: laptop["token"].as_str().expect("token").to_owned(),
        csrf: String::new(),
    };
    let listed = app.get("/api/v1/me/sessions", &ana).await.expect(200);
    let sessions = listed.as_array().expect("sessions");
    assert_eq!(sessions.len(), 2);
    assert_eq!(
        sessions.iter().filter(|s| s["current"] == true).count(),
        1,
        "{listed}"
    );
    app.post(
        "/api/v1/me/password",
        &ana,
        json!({"current_password": "wrong", "new_password": "a brand new secret"}),
    )
    .await
    .expect_error(403, "wrong_password");
    app.post(
        "/api/v1/me/password",
        &ana,
        json!({"current_password": "correct horse battery", "new_password": "short"}),
    )
    .await
    .expect_error(400, "invalid_password");
    app.post(
        "/api/v1/me/password",
        &ana,
        json!({"current_password": "correct horse battery", "new_password": "a brand new secret"}),
    )
    .await
    .expect(204);
    app.get("/api/v1/me", &laptop)
        .await
        .expect_error(401, "unauthenticated");
    app.delete("/api/v1/me/sessions/999999", &ana)
        .await
        .expect_error(404, "session_not_found");
    app.delete("/api/v1/me/sessions", &ana).await.expect(204);
    app.get("/api/v1/me", &ana)
        .await
        .expect_error(401, "unauthenticated");
}

on_both_backends!(
    #[actix_web::test] async
    passwords_and_sessions_over_the_api,
    register_login_logout,
    registration_rejects_bad_input,
    errors_speak_the_requesters_language,
    profile_updates,
    cookie_writes_need_the_csrf_token,
    api_tokens,
    rate_limits_answer_429_with_retry_after,
);
