//! Behind a reverse proxy: which forwarding headers are believed (only a listed proxy's),
//! per-address limits keyed on the real client, HSTS and the Secure cookie flag from the
//! real scheme, and the security headers every page carries.

use pontis_models::Backend;
use pontis_server::config::{Config, RateLimits};
use serde_json::json;

use crate::common::{Auth, TestApp};
use pontis_models::on_both_backends;

/// An app allowing two logins a minute per address, behind `proxies`.
async fn app_behind(backend: Backend, proxies: &[&str]) -> TestApp {
    TestApp::with_config(
        backend,
        Config {
            trust_proxy: proxies
                .iter()
                .map(|p| p.parse().expect("network"))
                .collect(),
            rate_limits: RateLimits {
                logins_per_minute_per_ip: 2,
                ..RateLimits::unlimited()
            },
            ..Config::default()
        },
    )
    .await
}

/// Logs in as nobody (a wrong password still counts) with these headers; the status.
async fn login_from(app: &TestApp, headers: &[(&str, &str)]) -> u16 {
    app.request(
        actix_web::http::Method::POST,
        "/api/v1/auth/login",
        Auth::Anonymous,
        Some(json!({"handle": "nobody", "password": "wrong password here"})),
        headers,
    )
    .await
    .status
}

async fn forwarded_addresses_count_only_from_a_trusted_proxy(backend: Backend) {
    // The test client connects from 127.0.0.1: here that is the proxy.
    let app = app_behind(backend, &["127.0.0.1"]).await;
    for _ in 0..2 {
        assert_eq!(
            login_from(&app, &[("X-Forwarded-For", "198.51.100.1")]).await,
            401
        );
    }
    assert_eq!(
        login_from(&app, &[("X-Forwarded-For", "198.51.100.1")]).await,
        429,
        "the third login a minute from one client"
    );
    assert_eq!(
        login_from(&app, &[("X-Forwarded-For", "198.51.100.2")]).await,
        401,
        "another client behind the same proxy has its own limit"
    );
    assert_eq!(
        login_from(&app, &[("X-Forwarded-For", "203.0.113.5, 198.51.100.1")]).await,
        429,
        "a client's own X-Forwarded-For entry (left of the proxy's) is not believed"
    );
    for n in 0..2 {
        let hop = format!("2001:db8:1:2::{n}");
        assert_eq!(login_from(&app, &[("X-Forwarded-For", &hop)]).await, 401);
    }
    assert_eq!(
        login_from(&app, &[("X-Forwarded-For", "2001:db8:1:2:ffff::9")]).await,
        429,
        "IPv6 clients are counted by their /64"
    );

    let direct = app_behind(backend, &[]).await;
    for n in 0..2 {
        let hop = format!("198.51.100.{n}");
        assert_eq!(login_from(&direct, &[("X-Forwarded-For", &hop)]).await, 401);
    }
    assert_eq!(
        login_from(&direct, &[("X-Forwarded-For", "198.51.100.9")]).await,
        429,
        "with no trusted proxy, X-Forwarded-For changes nothing"
    );
}

async fn https_is_believed_from_a_trusted_proxy_only(backend: Backend) {
    for (proxies, https) in [(&["127.0.0.1"][..], true), (&[][..], false)] {
        let app = app_behind(backend, proxies).await;
        let reply = app
            .request(
                actix_web::http::Method::POST,
                "/api/v1/auth/register",
                Auth::Anonymous,
                Some(json!({
                    "handle": "ana",
                    "password": "correct horse battery",
                    "locale": "en",
                    "languages": ["en"],
                })),
                &[("X-Forwarded-Proto", "https")],
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        let cookie = reply
            .headers
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert!(cookie.starts_with("pontis_session="), "{cookie}");
        assert_eq!(cookie.contains("; Secure"), https, "{proxies:?}: {cookie}");
        assert_eq!(
            reply.headers.contains_key("strict-transport-security"),
            https,
            "{proxies:?}"
        );
    }
}

async fn every_response_carries_a_strict_content_security_policy(backend: Backend) {
    let app = TestApp::start(backend).await;
    for path in ["/login", "/health", "/no/such/page"] {
        let reply = app.get(path, Auth::Anonymous).await;
        let policy = reply
            .headers
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        for directive in [
            "default-src 'self'",
            "img-src 'self' data:",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
        ] {
            assert!(
                policy.contains(directive),
                "{path}: {directive} in {policy:?}"
            );
        }
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
        assert!(
            !reply.headers.contains_key("strict-transport-security"),
            "plain HTTP"
        );
    }
}

/// A stranger guessing a teacher's password waits longer and longer, from their address
/// only: the teacher, elsewhere, still signs in.
async fn wrong_passwords_slow_one_address_not_the_account(backend: Backend) {
    let app = TestApp::with_config(
        backend,
        Config {
            trust_proxy: vec!["127.0.0.1".parse().expect("network")],
            rate_limits: RateLimits {
                failed_logins_before_delay: 2,
                login_delay_max_seconds: 60,
                ..RateLimits::unlimited()
            },
            ..Config::default()
        },
    )
    .await;
    app.register("teacher", &["en"]).await;
    let login = |from: &'static str, password: &'static str| {
        let app = &app;
        async move {
            app.request(
                actix_web::http::Method::POST,
                "/api/v1/auth/login",
                Auth::Anonymous,
                Some(json!({"handle": "teacher", "password": password})),
                &[("X-Forwarded-For", from)],
            )
            .await
            .status
        }
    };
    for _ in 0..3 {
        assert_eq!(login("198.51.100.66", "guess guess guess").await, 401);
    }
    assert_eq!(
        login("198.51.100.66", "correct horse battery").await,
        429,
        "the guesser waits, even with the right password"
    );
    assert_eq!(
        login("203.0.113.10", "correct horse battery").await,
        200,
        "the teacher, from the school, is not locked out"
    );
}

on_both_backends!(
    #[actix_web::test] async
    forwarded_addresses_count_only_from_a_trusted_proxy,
    https_is_believed_from_a_trusted_proxy_only,
    every_response_carries_a_strict_content_security_policy,
    wrong_passwords_slow_one_address_not_the_account,
);
