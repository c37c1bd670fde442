//! The API's contract as a whole: every route is documented, and every route but the
//! public few refuses anonymous requests.

use actix_web::http::Method;
use pontis_models::Backend;
use serde_json::Value;

use crate::common::{Auth, TestApp};
use pontis_models::on_both_backends;

const PUBLIC: [&str; 5] = [
    "/health",
    "/ready",
    "/api/v1/openapi.json",
    "/api/v1/auth/register",
    "/api/v1/auth/login",
];

fn operations(document: &Value) -> Vec<(Method, String)> {
    let mut ops = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            ops.push((method, path.clone()));
        }
    }
    ops
}

async fn openapi_lists_every_route_of_the_forum(backend: Backend) {
    let app = TestApp::start(backend).await;
    let document = app
        .get("/api/v1/openapi.json", Auth::Anonymous)
        .await
        .expect(200);
    assert!(
        document["openapi"]
            .as_str()
            .unwrap_or_default()
            .starts_with("3.")
    );
    let listed: Vec<String> = operations(&document)
        .iter()
        .map(|(m, p)| format!("{m} {p}"))
        .collect();
    let required = [
        "POST /api/v1/auth/register",
        "POST /api/v1/auth/login",
        "POST /api/v1/auth/logout",
        "GET /api/v1/me",
        "PATCH /api/v1/me",
        "POST /api/v1/spaces",
        "GET /api/v1/spaces",
        "GET /api/v1/spaces/{slug}",
        "POST /api/v1/spaces/{slug}/join",
        "GET /api/v1/spaces/{slug}/members",
        "PATCH /api/v1/spaces/{slug}/members/{handle}",
        "POST /api/v1/spaces/{slug}/threads",
        "GET /api/v1/spaces/{slug}/threads",
        "GET /api/v1/threads/{id}",
        "POST /api/v1/threads/{id}/posts",
        "PATCH /api/v1/posts/{id}",
        "DELETE /api/v1/posts/{id}",
        "POST /api/v1/threads/{id}/lock",
        "POST /api/v1/threads/{id}/unlock",
        "POST /api/v1/threads/{id}/pin",
        "POST /api/v1/threads/{id}/unpin",
        "POST /api/v1/threads/{id}/hide",
        "POST /api/v1/threads/{id}/unhide",
        "POST /api/v1/posts/{id}/hide",
        "POST /api/v1/posts/{id}/unhide",
        "POST /api/v1/posts/{id}/reports",
        "GET /api/v1/spaces/{slug}/reports",
        "POST /api/v1/reports/{id}/resolve",
        "POST /api/v1/spaces/{slug}/bans",
        "DELETE /api/v1/spaces/{slug}/bans/{handle}",
        "GET /api/v1/spaces/{slug}/modlog",
        "PATCH /api/v1/spaces/{slug}",
        "DELETE /api/v1/spaces/{slug}/members/{handle}",
        "POST /api/v1/spaces/{slug}/invite",
        "POST /api/v1/spaces/{slug}/reports/resolve",
        "POST /api/v1/me/password",
        "GET /api/v1/me/sessions",
        "DELETE /api/v1/me/sessions",
        "DELETE /api/v1/me/sessions/{id}",
        "GET /health",
        "GET /ready",
        "GET /api/v1/openapi.json",
    ];
    for route in required {
        assert!(
            listed.iter().any(|l| l == route),
            "{route} is missing from the OpenAPI document"
        );
    }
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            assert!(op["summary"].is_string(), "{method} {path} has no summary");
            assert!(
                op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                "{method} {path} has no responses"
            );
        }
    }
}

async fn every_private_route_refuses_anonymous_requests(backend: Backend) {
    let app = TestApp::start(backend).await;
    let document = app
        .get("/api/v1/openapi.json", Auth::Anonymous)
        .await
        .expect(200);
    let mut checked = 0;
    for (method, path) in operations(&document) {
        if PUBLIC.contains(&path.as_str()) {
            continue;
        }
        let concrete = path
            .replace("{id}", "1")
            .replace("{slug}", "club")
            .replace("{handle}", "ana");
        let body = matches!(method, Method::POST | Method::PATCH).then(|| serde_json::json!({}));
        app.request(method.clone(), &concrete, Auth::Anonymous, body, &[])
            .await
            .expect_error(401, "unauthenticated");
        checked += 1;
    }
    assert!(checked >= 35, "only {checked} routes checked");
}

async fn unknown_routes_and_bad_paths_are_clear_errors(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.get("/api/v1/nothing-here", Auth::Anonymous)
        .await
        .expect_error(404, "route_not_found");
    // A route that exists, with a method it does not take: 405 and what it takes.
    for (method, path, allow) in [
        (Method::PUT, "/api/v1/threads/7", "GET, HEAD"),
        (Method::DELETE, "/api/v1/spaces/club", "GET, HEAD, PATCH"),
        (Method::GET, "/api/v1/auth/login", "POST"),
    ] {
        let reply = app
            .request(method.clone(), path, Auth::Anonymous, None, &[])
            .await;
        let allowed = reply
            .headers
            .get("allow")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert_eq!(allowed, allow, "{method} {path}");
        reply.expect_error(405, "method_not_allowed");
    }
    let ana = app.register("ana", &["en"]).await;
    app.get("/api/v1/threads/not-a-number", &ana)
        .await
        .expect_error(400, "invalid_path");
    app.get("/api/v1/spaces/club/threads?limit=many", &ana)
        .await
        .expect_error(400, "invalid_query");
    let ready = app.get("/ready", Auth::Anonymous).await.expect(200);
    assert_eq!(ready["status"], "ready");
    assert_eq!(
        app.get("/health", Auth::Anonymous).await.expect(200)["status"],
        "ok"
    );
}

on_both_backends!(
    #[actix_web::test] async
    openapi_lists_every_route_of_the_forum,
    every_private_route_refuses_anonymous_requests,
    unknown_routes_and_bad_paths_are_clear_errors,
);
