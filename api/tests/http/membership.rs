//! Membership under the teachers' control: removing members, invitation codes that
//! expire, run out and rotate, visibility, what a ban takes away; and a reports queue
//! that cannot be flooded.

use pontis_models::Backend;
use pontis_server::config::{Config, RateLimits};
use serde_json::{Value, json};

use crate::common::{Class, Reply, TestApp, TestUser, wait_for_event};
use pontis_models::on_both_backends;

/// Opens `thread`'s event stream as `user`.
async fn stream(
    app: &TestApp,
    user: &TestUser,
    thread: i64,
) -> awc::ClientResponse<
    impl futures_util::Stream<Item = Result<actix_web::web::Bytes, awc::error::PayloadError>> + Unpin,
> {
    let stream = app
        .srv
        .get(format!("/api/v1/threads/{thread}/events"))
        .insert_header(("Authorization", format!("Bearer {}", user.token)))
        .send()
        .await
        .expect("stream opens");
    assert_eq!(stream.status().as_u16(), 200);
    stream
}

async fn a_removed_member_loses_the_space_and_its_stream(backend: Backend) {
    let app = TestApp::start(backend).await;
    let Class {
        owner,
        teacher,
        ana,
        ben,
        ..
    } = app.class("class", "members_only").await;
    let (thread, _) = app
        .thread(&ana, "class", "Solar", "Panels on the roof.")
        .await;
    let mut live = stream(&app, &ben, thread).await;

    app.delete("/api/v1/spaces/class/members/owner", &teacher)
        .await
        .expect_error(403, "permission_denied");
    app.delete("/api/v1/spaces/class/members/teacher", &ana)
        .await
        .expect_error(403, "permission_denied");
    app.delete("/api/v1/spaces/class/members/nobody", &teacher)
        .await
        .expect_error(404, "user_not_found");
    app.delete("/api/v1/spaces/class/members/ben", &teacher)
        .await
        .expect(204);
    app.delete("/api/v1/spaces/class/members/ben", &teacher)
        .await
        .expect_error(404, "member_not_found");

    let mut seen = String::new();
    wait_for_event(&mut live, &mut seen, "event: end").await;
    app.get("/api/v1/spaces/class", &ben)
        .await
        .expect_error(404, "space_not_found");
    app.get(&format!("/api/v1/threads/{thread}"), &ben)
        .await
        .expect_error(404, "thread_not_found");
    app.get(&format!("/api/v1/threads/{thread}/events"), &ben)
        .await
        .expect_error(404, "thread_not_found");
    let log = app
        .get("/api/v1/spaces/class/modlog", &owner)
        .await
        .expect(200);
    assert_eq!(log["entries"][0]["action"], "remove_member");
    assert_eq!(log["entries"][0]["target_user"]["handle"], "ben");

    // Owners may remove teachers, never the last owner.
    app.delete("/api/v1/spaces/class/members/teacher", &owner)
        .await
        .expect(204);
    app.delete("/api/v1/spaces/class/members/owner", &owner)
        .await
        .expect_error(409, "last_owner");
}

async fn invitation_codes_rotate_expire_and_run_out(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let old_code = class.invite_code.clone();
    app.post("/api/v1/spaces/class/invite", &class.ana, json!({}))
        .await
        .expect_error(403, "permission_denied");
    app.post(
        "/api/v1/spaces/class/invite",
        &class.teacher,
        json!({"max_uses": 0}),
    )
    .await
    .expect_error(400, "invalid_invite");
    app.post(
        "/api/v1/spaces/class/invite",
        &class.teacher,
        json!({"expires_at": "2001-01-01T00:00:00Z"}),
    )
    .await
    .expect_error(409, "invite_expiry_in_past");

    let rotated = app
        .post(
            "/api/v1/spaces/class/invite",
            &class.teacher,
            json!({"max_uses": 1}),
        )
        .await
        .expect(200);
    let code = rotated["invite_code"].as_str().expect("code").to_owned();
    assert_ne!(code, old_code);
    assert_eq!(
        (
            rotated["invite_max_uses"].clone(),
            rotated["invite_uses"].clone()
        ),
        (json!(1), json!(0))
    );
    let first = app.register("first", &["en"]).await;
    let second = app.register("second", &["en"]).await;
    join(&app, &first, &old_code)
        .await
        .expect_error(404, "space_not_found");
    join(&app, &first, &code).await.expect(200);
    join(&app, &second, &code)
        .await
        .expect_error(403, "invite_expired");
    let seen = app
        .get("/api/v1/spaces/class", &class.ana)
        .await
        .expect(200);
    assert!(seen["invite_code"].is_null(), "students never see the code");

    let expiring = app
        .post(
            "/api/v1/spaces/class/invite",
            &class.owner,
            json!({"expires_at": (chrono::Utc::now() + chrono::Duration::seconds(1)).to_rfc3339()}),
        )
        .await
        .expect(200);
    let code = expiring["invite_code"].as_str().expect("code").to_owned();
    actix_web::rt::time::sleep(std::time::Duration::from_millis(1500)).await;
    join(&app, &second, &code)
        .await
        .expect_error(403, "invite_expired");
}

async fn owners_change_who_can_read(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "public").await;
    app.get("/api/v1/spaces/class", &class.outsider)
        .await
        .expect(200);
    app.patch(
        "/api/v1/spaces/class",
        &class.teacher,
        json!({"visibility": "members_only"}),
    )
    .await
    .expect_error(403, "permission_denied");
    let changed = app
        .patch(
            "/api/v1/spaces/class",
            &class.owner,
            json!({"visibility": "members_only", "name": "Class 7b"}),
        )
        .await
        .expect(200);
    assert_eq!(
        (changed["visibility"].clone(), changed["name"].clone()),
        (json!("members_only"), json!("Class 7b"))
    );
    app.get("/api/v1/spaces/class", &class.outsider)
        .await
        .expect_error(404, "space_not_found");
    app.patch("/api/v1/spaces/class", &class.owner, json!({"name": " "}))
        .await
        .expect_error(400, "invalid_space_name");
}

async fn a_ban_takes_away_what_it_should(backend: Backend) {
    // Members-only: the banned student is no longer a member and cannot come back.
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    app.ban(&class.teacher, "class", "ben").await;
    app.get("/api/v1/spaces/class", &class.ben)
        .await
        .expect_error(404, "space_not_found");
    app.post(
        "/api/v1/spaces/class/join",
        &class.ben,
        json!({"invite_code": class.invite_code}),
    )
    .await
    .expect_error(403, "banned");

    // Public: they still read, but neither post, report nor follow a thread live.
    let app = TestApp::start(backend).await;
    let class = app.class("club", "public").await;
    let (thread, post) = app
        .thread(&class.ana, "club", "Solar", "Panels on the roof.")
        .await;
    let mut live = stream(&app, &class.ben, thread).await;
    app.ban(&class.teacher, "club", "ben").await;
    let mut seen = String::new();
    wait_for_event(&mut live, &mut seen, "event: end").await;
    app.get(&format!("/api/v1/threads/{thread}"), &class.ben)
        .await
        .expect(200);
    app.post(
        &format!("/api/v1/posts/{post}/reports"),
        &class.ben,
        json!({"reason": "x"}),
    )
    .await
    .expect_error(403, "banned");
    app.get(&format!("/api/v1/threads/{thread}/events"), &class.ben)
        .await
        .expect_error(403, "banned");
}

async fn reports_cannot_flood_the_queue(backend: Backend) {
    let limit = RateLimits::default().reports_per_minute_per_user;
    let app = TestApp::with_config(
        backend,
        Config {
            rate_limits: RateLimits {
                reports_per_minute_per_user: limit,
                ..RateLimits::unlimited()
            },
            ..Config::default()
        },
    )
    .await;
    let class = app.class("class", "members_only").await;
    let (thread, _) = app.thread(&class.ana, "class", "Solar", "Panels.").await;
    let mut posts = Vec::new();
    for n in 0..14 {
        posts.push(app.reply(&class.ana, thread, &format!("Reply {n}")).await);
    }
    report(&app, &class.ben, posts[0]).await.expect(201);
    report(&app, &class.ben, posts[0])
        .await
        .expect_error(409, "already_reported");
    let mut statuses = Vec::new();
    for post in &posts[1..] {
        statuses.push(report(&app, &class.ben, *post).await.status);
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count() as u32,
        limit - 2,
        "the limit counts every try: {statuses:?}"
    );
    assert_eq!(statuses.last(), Some(&429), "the 14th report in a minute");

    // The teacher pages through the queue and clears a page at once.
    let first: Value = app
        .get("/api/v1/spaces/class/reports?limit=5", &class.teacher)
        .await
        .expect(200);
    assert_eq!(first["reports"].as_array().map(Vec::len), Some(5));
    let cursor = first["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_owned();
    let rest = app
        .get(
            &format!("/api/v1/spaces/class/reports?limit=100&cursor={cursor}"),
            &class.teacher,
        )
        .await
        .expect(200);
    let open = (limit - 1) as usize;
    assert_eq!(rest["reports"].as_array().map(Vec::len), Some(open - 5));
    assert!(rest["next_cursor"].is_null());
    let ids: Vec<i64> = first["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .filter_map(|r| r["id"].as_i64())
        .collect();
    app.post(
        "/api/v1/spaces/class/reports/resolve",
        &class.ben,
        json!({"report_ids": ids}),
    )
    .await
    .expect_error(403, "permission_denied");
    app.post(
        "/api/v1/spaces/class/reports/resolve",
        &class.teacher,
        json!({"report_ids": []}),
    )
    .await
    .expect_error(400, "invalid_limit");
    let resolved = app
        .post(
            "/api/v1/spaces/class/reports/resolve",
            &class.teacher,
            json!({"report_ids": ids, "resolution": "junk"}),
        )
        .await
        .expect(200);
    assert_eq!(resolved["resolved"], 5);
    let left = app
        .get("/api/v1/spaces/class/reports", &class.teacher)
        .await
        .expect(200);
    assert_eq!(left["reports"].as_array().map(Vec::len), Some(open - 5));
}

async fn join(app: &TestApp, user: &TestUser, code: &str) -> Reply {
    app.post(
        "/api/v1/spaces/class/join",
        user,
        json!({"invite_code": code}),
    )
    .await
}

async fn report(app: &TestApp, user: &TestUser, post: i64) -> Reply {
    app.post(
        &format!("/api/v1/posts/{post}/reports"),
        user,
        json!({"reason": "junk"}),
    )
    .await
}

on_both_backends!(
    #[actix_web::test] async
    a_removed_member_loses_the_space_and_its_stream,
    invitation_codes_rotate_expire_and_run_out,
    owners_change_who_can_read,
    a_ban_takes_away_what_it_should,
    reports_cannot_flood_the_queue,
);
