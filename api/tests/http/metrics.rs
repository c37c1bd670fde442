//! `/metrics`: Prometheus's text format, for administrators and the scrape token only,
//! with figures that move as posts are written and translated.

use pontis_models::Backend;
use pontis_server::config::{Config, RateLimits};

use crate::common::{Auth, TestApp};
use pontis_models::on_both_backends;

/// The scrape as `token` (none: anonymous): status and body.
async fn scrape(app: &TestApp, token: Option<&str>) -> (u16, String) {
    let mut req = app.srv.get("/metrics");
    if let Some(token) = token {
        req = req.insert_header(("Authorization", format!("Bearer {token}")));
    }
    let mut res = req.send().await.expect("scrape");
    let body = res.body().await.expect("body");
    (
        res.status().as_u16(),
        String::from_utf8_lossy(&body).into_owned(),
    )
}

/// The value of the sample whose line starts with `series`, if there is one.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find(|line| line.starts_with(series))
        .and_then(|line| line.rsplit(' ').next())
        .and_then(|value| value.parse().ok())
}

async fn metrics_move_as_posts_are_written_and_translated(backend: Backend) {
    let app = TestApp::with_config(
        backend,
        Config {
            rate_limits: RateLimits::unlimited(),
            metrics_token: Some("scrape-secret".into()),
            ..Config::default()
        },
    )
    .await;
    let admin = app.admin("root").await;
    let emma = app.register("emma", &["en"]).await;
    let sofia = app.register("sofia", &["es"]).await;
    app.space(&emma, "club", "public").await;
    app.join(&sofia, "club", None).await;

    assert_eq!(scrape(&app, None).await.0, 401);
    assert_eq!(scrape(&app, Some(&emma.token)).await.0, 403);
    assert_eq!(scrape(&app, Some("wrong-secret")).await.0, 401);
    let (status, before) = scrape(&app, Some("scrape-secret")).await;
    assert_eq!(status, 200);
    for name in [
        "pontis_http_requests_total",
        "pontis_http_request_duration_seconds_bucket",
        "pontis_translation_queue_oldest_seconds",
        "pontis_search_outbox_length",
        "pontis_email_outbox_length",
        "pontis_database_queries",
    ] {
        assert!(before.contains(name), "{name} in:\n{before}");
    }

    app.thread(&emma, "club", "The house", "The house is big.")
        .await;
    let (_, queued) = scrape(&app, Some(&admin.token)).await;
    assert_eq!(
        sample(
            &queued,
            "pontis_translation_jobs{pair=\"en>es\",state=\"queued\"}"
        ),
        Some(2.0),
        "the post and its title:\n{queued}"
    );
    assert_eq!(
        sample(
            &queued,
            "pontis_http_requests_total{method=\"POST\",route=\"/api/v1/spaces/{slug}/threads\",status=\"201\"}"
        ),
        Some(1.0),
        "{queued}"
    );
    assert!(sample(&queued, "pontis_search_outbox_length").unwrap_or(0.0) >= 1.0);

    assert_eq!(app.translate_pending().await, 2);
    let (_, done) = scrape(&app, Some("scrape-secret")).await;
    assert_eq!(
        sample(
            &done,
            "pontis_translation_jobs{pair=\"en>es\",state=\"done\"}"
        ),
        Some(2.0),
        "{done}"
    );
    assert_eq!(
        sample(
            &done,
            "pontis_translation_jobs{pair=\"en>es\",state=\"queued\"}"
        ),
        None,
        "{done}"
    );
    assert_eq!(
        sample(
            &done,
            "pontis_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"200\"}"
        ),
        Some(2.0),
        "the scrapes before this one, which is counted once answered:\n{done}"
    );
    let queries = |text: &str| sample(text, "pontis_database_queries ").unwrap_or(0.0);
    assert!(queries(&done) > queries(&before), "{done}");
    // The JSON API answers this path's errors in JSON.
    app.get("/metrics", Auth::Bearer(&emma))
        .await
        .expect_error(403, "permission_denied");
}

on_both_backends!(
    #[actix_web::test] async
    metrics_move_as_posts_are_written_and_translated,
);
