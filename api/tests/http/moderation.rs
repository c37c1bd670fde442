//! The moderators' tools: hiding posts, the reports queue, bans, and the moderation log.

use pontis_models::Backend;
use serde_json::{Value, json};

use crate::common::{Class, TestApp, TestUser};
use pontis_models::on_both_backends;

/// A class where Ana started a thread and Ben replied; returns (class, thread, Ben's reply).
async fn class_with_reply(app: &TestApp, visibility: &str) -> (Class, i64, i64) {
    let class = app.class("class", visibility).await;
    let (thread, _) = app
        .thread(&class.ana, "class", "Our project", "What shall we build?")
        .await;
    let reply = app.reply(&class.ben, thread, "A solar oven").await;
    (class, thread, reply)
}

async fn report(app: &TestApp, reporter: &TestUser, post: i64, reason: &str) -> i64 {
    app.post(
        &format!("/api/v1/posts/{post}/reports"),
        reporter,
        json!({ "reason": reason }),
    )
    .await
    .expect(201)["id"]
        .as_i64()
        .expect("report id")
}

async fn open_reports(app: &TestApp, moderator: &TestUser) -> Vec<i64> {
    ids(&app
        .get("/api/v1/spaces/class/reports", moderator)
        .await
        .expect(200)["reports"])
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|item| item["id"].as_i64().expect("id"))
        .collect()
}

fn banned_handles(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("bans")
        .iter()
        .map(|b| b["user"]["handle"].as_str().expect("handle"))
        .collect()
}

async fn modlog_actions(app: &TestApp, moderator: &TestUser) -> Vec<String> {
    app.get("/api/v1/spaces/class/modlog", moderator)
        .await
        .expect(200)["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["action"].as_str().expect("action").to_owned())
        .collect()
}

// POST /posts/{id}/hide and /unhide

async fn moderator_hides_and_unhides_a_post(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    let hidden = app
        .post(
            &format!("/api/v1/posts/{reply}/hide"),
            &class.teacher,
            json!({"reason": "unkind"}),
        )
        .await
        .expect(200);
    assert_eq!(hidden["hidden"], true);
    assert_eq!(hidden["hidden_reason"], "unkind");

    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ana)
        .await
        .expect(200);
    assert_eq!(page["posts"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["thread"]["post_count"], 1);
    for reader in [&class.ben, &class.owner] {
        let page = app
            .get(&format!("/api/v1/threads/{thread}"), reader)
            .await
            .expect(200);
        assert_eq!(page["posts"][1]["id"], reply, "{}", reader.handle);
        assert_eq!(page["posts"][1]["hidden"], true);
        assert_eq!(page["posts"][1]["hidden_reason"], "unkind");
        assert_eq!(page["thread"]["post_count"], 2);
    }

    let shown = app
        .post_empty(&format!("/api/v1/posts/{reply}/unhide"), &class.owner)
        .await
        .expect(200);
    assert_eq!(shown["hidden"], false);
    assert_eq!(shown["hidden_reason"], Value::Null);
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ana)
        .await
        .expect(200);
    assert_eq!(page["posts"][1]["id"], reply);
}

async fn hiding_a_post_needs_no_reason(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    let hidden = app
        .post_empty(&format!("/api/v1/posts/{reply}/hide"), &class.teacher)
        .await
        .expect(200);
    assert_eq!(hidden["hidden"], true);
    assert_eq!(hidden["hidden_reason"], Value::Null);
}

async fn students_cannot_hide_posts(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    // Ana is another student; Ben is the author.
    for student in [&class.ana, &class.ben] {
        app.post_empty(&format!("/api/v1/posts/{reply}/hide"), student)
            .await
            .expect_error(403, "permission_denied");
    }
    let post = app
        .get(&format!("/api/v1/posts/{reply}"), &class.ana)
        .await
        .expect(200);
    assert_eq!(post["hidden"], false);
}

async fn students_cannot_unhide_posts(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    app.post_empty(&format!("/api/v1/posts/{reply}/hide"), &class.teacher)
        .await
        .expect(200);
    app.post_empty(&format!("/api/v1/posts/{reply}/unhide"), &class.ben)
        .await
        .expect_error(403, "permission_denied");
    app.post_empty(&format!("/api/v1/posts/{reply}/unhide"), &class.ana)
        .await
        .expect_error(404, "post_not_found");
    let post = app
        .get(&format!("/api/v1/posts/{reply}"), &class.ben)
        .await
        .expect(200);
    assert_eq!(post["hidden"], true);
}

async fn hiding_rejects_bad_input_and_unknown_posts(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    app.post(
        &format!("/api/v1/posts/{reply}/hide"),
        &class.teacher,
        json!({"reason": "r".repeat(1001)}),
    )
    .await
    .expect_error(400, "invalid_reason");
    app.post(
        &format!("/api/v1/posts/{reply}/hide"),
        &class.teacher,
        json!({"reason": 42}),
    )
    .await
    .expect_error(400, "invalid_json");
    app.post_empty("/api/v1/posts/999999/hide", &class.teacher)
        .await
        .expect_error(404, "post_not_found");
    let post = app
        .get(&format!("/api/v1/posts/{reply}"), &class.ana)
        .await
        .expect(200);
    assert_eq!(post["hidden"], false);
}

// POST /posts/{id}/reports

async fn member_reports_a_post(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    let created = app
        .post(
            &format!("/api/v1/posts/{reply}/reports"),
            &class.ana,
            json!({"reason": "  Not about the project  "}),
        )
        .await
        .expect(201);
    assert!(created["id"].is_i64());
    assert_eq!(created["post"]["id"], reply);
    assert_eq!(created["reporter"]["handle"], "ana");
    assert_eq!(created["reason"], "Not about the project");
    assert_eq!(created["resolved_by"], Value::Null);
    assert_eq!(created["resolved_at"], Value::Null);
    assert_eq!(created["resolution"], Value::Null);
}

async fn reporting_rejects_a_missing_or_too_long_reason(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    for (body, code) in [
        (json!({"reason": "   "}), "invalid_reason"),
        (json!({"reason": "r".repeat(1001)}), "invalid_reason"),
        (json!({}), "invalid_json"),
    ] {
        app.post(&format!("/api/v1/posts/{reply}/reports"), &class.ana, body)
            .await
            .expect_error(400, code);
    }
    assert_eq!(open_reports(&app, &class.teacher).await, Vec::<i64>::new());
}

async fn hidden_and_deleted_posts_cannot_be_reported(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    app.post_empty(&format!("/api/v1/posts/{reply}/hide"), &class.teacher)
        .await
        .expect(200);
    app.post(
        &format!("/api/v1/posts/{reply}/reports"),
        &class.ana,
        json!({"reason": "spam"}),
    )
    .await
    .expect_error(404, "post_not_found");

    let gone = app.reply(&class.ben, thread, "Soon deleted").await;
    app.delete(&format!("/api/v1/posts/{gone}"), &class.ben)
        .await
        .expect(204);
    app.post(
        &format!("/api/v1/posts/{gone}/reports"),
        &class.ana,
        json!({"reason": "spam"}),
    )
    .await
    .expect_error(404, "post_not_found");
    app.post(
        "/api/v1/posts/999999/reports",
        &class.ana,
        json!({"reason": "spam"}),
    )
    .await
    .expect_error(404, "post_not_found");
}

// GET /spaces/{slug}/reports

async fn reports_are_listed_to_moderators_oldest_first(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    let opening = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ana)
        .await
        .expect(200)["posts"][0]["id"]
        .as_i64()
        .expect("opening post");
    let first = report(&app, &class.ana, reply, "unkind").await;
    let second = report(&app, &class.ben, opening, "off topic").await;
    for moderator in [&class.teacher, &class.owner] {
        let listed = app
            .get("/api/v1/spaces/class/reports", moderator)
            .await
            .expect(200)["reports"]
            .clone();
        assert_eq!(ids(&listed), [first, second]);
        assert_eq!(listed[0]["post"]["body"], "A solar oven");
        assert_eq!(listed[0]["reporter"]["handle"], "ana");
        assert_eq!(listed[1]["reason"], "off topic");
    }
}

// POST /reports/{id}/resolve

async fn moderator_resolves_a_report(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    let id = report(&app, &class.ana, reply, "unkind").await;
    let resolved = app
        .post(
            &format!("/api/v1/reports/{id}/resolve"),
            &class.teacher,
            json!({"resolution": "Talked to Ben"}),
        )
        .await
        .expect(200);
    assert_eq!(resolved["id"], id);
    assert_eq!(resolved["resolved_by"]["handle"], "teacher");
    assert!(resolved["resolved_at"].is_string(), "{resolved}");
    assert_eq!(resolved["resolution"], "Talked to Ben");

    assert_eq!(
        open_reports(&app, &class.teacher).await,
        Vec::<i64>::new(),
        "the open queue is empty"
    );
    let all = app
        .get("/api/v1/spaces/class/reports?all=true", &class.owner)
        .await
        .expect(200)["reports"]
        .clone();
    assert_eq!(ids(&all), [id]);
    assert_eq!(all[0]["resolution"], "Talked to Ben");
}

async fn resolving_needs_no_body(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    let id = report(&app, &class.ana, reply, "unkind").await;
    let resolved = app
        .post_empty(&format!("/api/v1/reports/{id}/resolve"), &class.owner)
        .await
        .expect(200);
    assert_eq!(resolved["resolved_by"]["handle"], "owner");
    assert_eq!(resolved["resolution"], Value::Null);
}

async fn resolving_twice_is_a_conflict(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    let id = report(&app, &class.ana, reply, "unkind").await;
    app.post_empty(&format!("/api/v1/reports/{id}/resolve"), &class.teacher)
        .await
        .expect(200);
    for moderator in [&class.teacher, &class.owner] {
        app.post_empty(&format!("/api/v1/reports/{id}/resolve"), moderator)
            .await
            .expect_error(409, "report_already_resolved");
    }
}

async fn students_find_no_report_to_resolve(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    let id = report(&app, &class.ana, reply, "unkind").await;
    // Ana filed the report; Ben wrote the reported post.
    for student in [&class.ana, &class.ben] {
        app.post_empty(&format!("/api/v1/reports/{id}/resolve"), student)
            .await
            .expect_error(404, "report_not_found");
    }
    assert_eq!(open_reports(&app, &class.teacher).await, [id]);
}

async fn non_members_find_no_report_to_resolve(backend: Backend) {
    for visibility in ["public", "members_only"] {
        let app = TestApp::start(backend).await;
        let (class, _, reply) = class_with_reply(&app, visibility).await;
        let id = report(&app, &class.ana, reply, "unkind").await;
        app.post_empty(&format!("/api/v1/reports/{id}/resolve"), &class.outsider)
            .await
            .expect_error(404, "report_not_found");
        assert_eq!(open_reports(&app, &class.teacher).await, [id]);
    }
}

async fn moderator_of_another_space_finds_no_report_to_resolve(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "public").await;
    let id = report(&app, &class.ana, reply, "unkind").await;
    app.space(&class.outsider, "elsewhere", "public").await;
    app.post_empty(&format!("/api/v1/reports/{id}/resolve"), &class.outsider)
        .await
        .expect_error(404, "report_not_found");
}

async fn resolving_rejects_unknown_reports_and_bad_input(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    app.post_empty("/api/v1/reports/999999/resolve", &class.teacher)
        .await
        .expect_error(404, "report_not_found");
    let id = report(&app, &class.ana, reply, "unkind").await;
    app.post(
        &format!("/api/v1/reports/{id}/resolve"),
        &class.teacher,
        json!({"resolution": "r".repeat(1001)}),
    )
    .await
    .expect_error(400, "invalid_reason");
    app.post(
        &format!("/api/v1/reports/{id}/resolve"),
        &class.teacher,
        json!(["not", "an", "object"]),
    )
    .await
    .expect_error(400, "invalid_json");
    assert_eq!(open_reports(&app, &class.teacher).await, [id]);
}

// POST /spaces/{slug}/bans, GET /spaces/{slug}/bans, DELETE /spaces/{slug}/bans/{handle}

async fn moderator_bans_a_student_for_good(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, _) = class_with_reply(&app, "public").await;
    let ban = app
        .post(
            "/api/v1/spaces/class/bans",
            &class.teacher,
            json!({"handle": "Ben", "reason": " Spam "}),
        )
        .await
        .expect(201);
    assert_eq!(ban["user"]["handle"], "ben");
    assert_eq!(ban["banned_by"]["handle"], "teacher");
    assert_eq!(ban["reason"], "Spam");
    assert_eq!(ban["until"], Value::Null);

    let listed = app
        .get("/api/v1/spaces/class/bans", &class.owner)
        .await
        .expect(200);
    assert_eq!(banned_handles(&listed), ["ben"]);
    assert_eq!(listed[0]["reason"], "Spam");

    app.post(
        &format!("/api/v1/threads/{thread}/posts"),
        &class.ben,
        json!({"body": "Let me speak"}),
    )
    .await
    .expect_error(403, "banned");
    app.post(
        "/api/v1/spaces/class/threads",
        &class.ben,
        json!({"title": "New", "body": "Let me speak"}),
    )
    .await
    .expect_error(403, "banned");
    app.get(&format!("/api/v1/threads/{thread}"), &class.ben)
        .await
        .expect(200);
}

async fn moderator_bans_a_student_until_a_time(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, _) = class_with_reply(&app, "public").await;
    let ban = app
        .post(
            "/api/v1/spaces/class/bans",
            &class.owner,
            json!({"handle": "ben", "reason": "cool down", "until": "2999-01-01T00:00:00Z"}),
        )
        .await
        .expect(201);
    assert_eq!(ban["until"], "2999-01-01T00:00:00Z");
    let listed = app
        .get("/api/v1/spaces/class/bans", &class.teacher)
        .await
        .expect(200);
    assert_eq!(listed[0]["until"], "2999-01-01T00:00:00Z");
    app.post(
        &format!("/api/v1/threads/{thread}/posts"),
        &class.ben,
        json!({"body": "Let me speak"}),
    )
    .await
    .expect_error(403, "banned");
}

async fn banning_again_replaces_the_ban(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, _) = class_with_reply(&app, "members_only").await;
    app.ban(&class.teacher, "class", "ben").await;
    app.post(
        "/api/v1/spaces/class/bans",
        &class.owner,
        json!({"handle": "ben", "reason": "shorter", "until": "2999-01-01T00:00:00Z"}),
    )
    .await
    .expect(201);
    let listed = app
        .get("/api/v1/spaces/class/bans", &class.teacher)
        .await
        .expect(200);
    assert_eq!(banned_handles(&listed), ["ben"]);
    assert_eq!(listed[0]["reason"], "shorter");
    assert_eq!(listed[0]["banned_by"]["handle"], "owner");
}

async fn banned_non_member_cannot_post_after_joining(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, _) = class_with_reply(&app, "public").await;
    app.ban(&class.teacher, "class", "outsider").await;
    app.post_empty("/api/v1/spaces/class/join", &class.outsider)
        .await
        .expect(200);
    app.post(
        &format!("/api/v1/threads/{thread}/posts"),
        &class.outsider,
        json!({"body": "Hello"}),
    )
    .await
    .expect_error(403, "banned");
}

async fn ban_end_in_the_past_is_refused(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, _) = class_with_reply(&app, "members_only").await;
    app.post(
        "/api/v1/spaces/class/bans",
        &class.teacher,
        json!({"handle": "ben", "reason": "spam", "until": "2000-01-01T00:00:00Z"}),
    )
    .await
    .expect_error(409, "ban_end_in_past");
    assert_eq!(
        app.get("/api/v1/spaces/class/bans", &class.teacher)
            .await
            .expect(200),
        json!([])
    );
    app.reply(&class.ben, thread, "Still allowed").await;
}

async fn moderators_cannot_be_banned(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, _) = class_with_reply(&app, "members_only").await;
    for (moderator, target) in [
        (&class.owner, "teacher"),
        (&class.teacher, "owner"),
        (&class.teacher, "teacher"),
    ] {
        app.post(
            "/api/v1/spaces/class/bans",
            moderator,
            json!({"handle": target, "reason": "power struggle"}),
        )
        .await
        .expect_error(409, "cannot_ban_moderator");
    }
    assert_eq!(
        app.get("/api/v1/spaces/class/bans", &class.owner)
            .await
            .expect(200),
        json!([])
    );
}

async fn administrators_cannot_be_banned(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, _) = class_with_reply(&app, "members_only").await;
    app.admin("root").await;
    app.post(
        "/api/v1/spaces/class/bans",
        &class.owner,
        json!({"handle": "root", "reason": "who are you?"}),
    )
    .await
    .expect_error(409, "cannot_ban_moderator");
}

async fn ban_rejects_unknown_users_and_bad_input(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, _) = class_with_reply(&app, "members_only").await;
    app.post(
        "/api/v1/spaces/class/bans",
        &class.teacher,
        json!({"handle": "nobody", "reason": "spam"}),
    )
    .await
    .expect_error(404, "user_not_found");
    for (body, code) in [
        (json!({"handle": "ben", "reason": "  "}), "invalid_reason"),
        (
            json!({"handle": "ben", "reason": "r".repeat(1001)}),
            "invalid_reason",
        ),
        (json!({"handle": "ben"}), "invalid_json"),
        (
            json!({"handle": "ben", "reason": "spam", "until": "next week"}),
            "invalid_json",
        ),
    ] {
        app.post("/api/v1/spaces/class/bans", &class.teacher, body)
            .await
            .expect_error(400, code);
    }
    app.post(
        "/api/v1/spaces/nowhere/bans",
        &class.teacher,
        json!({"handle": "ben", "reason": "spam"}),
    )
    .await
    .expect_error(404, "space_not_found");
}

async fn students_cannot_ban_list_bans_or_lift_them(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, _) = class_with_reply(&app, "public").await;
    app.ban(&class.teacher, "class", "ben").await;
    // Ana is a student in good standing; Ben is a banned student.
    for student in [&class.ana, &class.ben] {
        app.post(
            "/api/v1/spaces/class/bans",
            student,
            json!({"handle": "ana", "reason": "spam"}),
        )
        .await
        .expect_error(403, "permission_denied");
        app.get("/api/v1/spaces/class/bans", student)
            .await
            .expect_error(403, "permission_denied");
        app.delete("/api/v1/spaces/class/bans/ben", student)
            .await
            .expect_error(403, "permission_denied");
    }
    let listed = app
        .get("/api/v1/spaces/class/bans", &class.teacher)
        .await
        .expect(200);
    assert_eq!(banned_handles(&listed), ["ben"]);
}

/// In a public space the banned member stays a member and posts again once the ban is
/// lifted; in a members-only space the ban ended the membership, so they join again with
/// the invitation code first.
async fn lifting_a_ban_lets_the_user_post_again(backend: Backend) {
    for visibility in ["public", "members_only"] {
        let app = TestApp::start(backend).await;
        let (class, thread, _) = class_with_reply(&app, visibility).await;
        app.ban(&class.teacher, "class", "ben").await;
        app.delete("/api/v1/spaces/class/bans/BEN", &class.owner)
            .await
            .expect(204);
        assert_eq!(
            app.get("/api/v1/spaces/class/bans", &class.teacher)
                .await
                .expect(200),
            json!([])
        );
        if visibility == "members_only" {
            app.join(&class.ben, "class", Some(&class.invite_code))
                .await;
        }
        app.reply(&class.ben, thread, "Thanks, I will behave").await;
    }
}

async fn lifting_a_ban_that_does_not_exist_is_not_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, _) = class_with_reply(&app, "members_only").await;
    app.delete("/api/v1/spaces/class/bans/ben", &class.teacher)
        .await
        .expect_error(404, "ban_not_found");
    app.delete("/api/v1/spaces/class/bans/nobody", &class.teacher)
        .await
        .expect_error(404, "user_not_found");
    app.ban(&class.teacher, "class", "ben").await;
    app.delete("/api/v1/spaces/class/bans/ben", &class.teacher)
        .await
        .expect(204);
    app.delete("/api/v1/spaces/class/bans/ben", &class.teacher)
        .await
        .expect_error(404, "ban_not_found");
}

// GET /spaces/{slug}/modlog

/// A log entry, reduced to who did what to whom, and why.
fn entry_of(e: &Value) -> Value {
    json!({
        "action": e["action"],
        "moderator": e["moderator"]["handle"],
        "target_user": e["target_user"]["handle"],
        "thread_id": e["thread_id"],
        "post_id": e["post_id"],
        "reason": e["reason"],
    })
}

fn entry(
    action: &str,
    moderator: &str,
    target_user: Option<&str>,
    thread_id: Option<i64>,
    post_id: Option<i64>,
    reason: Option<&str>,
) -> Value {
    json!({
        "action": action,
        "moderator": moderator,
        "target_user": target_user,
        "thread_id": thread_id,
        "post_id": post_id,
        "reason": reason,
    })
}

async fn modlog_records_each_moderator_action(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    let (t, p) = (Some(thread), Some(reply));
    let teacher = &class.teacher;
    let switch = |action: &'static str, body: Value| {
        let app = &app;
        async move {
            app.post(&format!("/api/v1/threads/{thread}/{action}"), teacher, body)
                .await
                .expect(200);
        }
    };
    switch("lock", json!({"reason": "heated"})).await;
    switch("unlock", json!({})).await;
    switch("pin", json!({})).await;
    switch("unpin", json!({})).await;
    switch("hide", json!({"reason": "duplicate"})).await;
    switch("unhide", json!({})).await;
    app.post(
        &format!("/api/v1/posts/{reply}/hide"),
        teacher,
        json!({"reason": "unkind"}),
    )
    .await
    .expect(200);
    app.post_empty(&format!("/api/v1/posts/{reply}/unhide"), teacher)
        .await
        .expect(200);
    let report_id = report(&app, &class.ana, reply, "unkind").await;
    app.post(
        &format!("/api/v1/reports/{report_id}/resolve"),
        &class.owner,
        json!({"resolution": "talked to ben"}),
    )
    .await
    .expect(200);
    app.ban(teacher, "class", "ben").await;
    app.delete("/api/v1/spaces/class/bans/ben", teacher)
        .await
        .expect(204);
    app.delete(&format!("/api/v1/posts/{reply}"), teacher)
        .await
        .expect(204);
    app.set_role(&class.owner, "class", "ana", "teacher").await;

    let expected = vec![
        entry(
            "change_role",
            "owner",
            Some("ana"),
            None,
            None,
            Some("teacher"),
        ),
        entry("delete_post", "teacher", Some("ben"), t, p, None),
        entry("unban", "teacher", Some("ben"), None, None, None),
        entry("ban", "teacher", Some("ben"), None, None, Some("spam")),
        entry(
            "resolve_report",
            "owner",
            None,
            None,
            p,
            Some("talked to ben"),
        ),
        entry("unhide_post", "teacher", Some("ben"), t, p, None),
        entry("hide_post", "teacher", Some("ben"), t, p, Some("unkind")),
        entry("unhide_thread", "teacher", Some("ana"), t, None, None),
        entry(
            "hide_thread",
            "teacher",
            Some("ana"),
            t,
            None,
            Some("duplicate"),
        ),
        entry("unpin_thread", "teacher", Some("ana"), t, None, None),
        entry("pin_thread", "teacher", Some("ana"), t, None, None),
        entry("unlock_thread", "teacher", Some("ana"), t, None, None),
        entry(
            "lock_thread",
            "teacher",
            Some("ana"),
            t,
            None,
            Some("heated"),
        ),
        // From setting up the class: the owner made the teacher a teacher.
        entry(
            "change_role",
            "owner",
            Some("teacher"),
            None,
            None,
            Some("teacher"),
        ),
    ];
    let log = app
        .get("/api/v1/spaces/class/modlog", &class.owner)
        .await
        .expect(200);
    let entries: Vec<Value> = log["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(entry_of)
        .collect();
    assert_eq!(entries, expected, "newest first");
    assert_eq!(log["next_cursor"], Value::Null);
}

async fn members_own_actions_are_not_logged(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    app.patch(
        &format!("/api/v1/posts/{reply}"),
        &class.ben,
        json!({"body": "A solar oven, edited"}),
    )
    .await
    .expect(200);
    report(&app, &class.ana, reply, "unkind").await;
    app.delete(&format!("/api/v1/posts/{reply}"), &class.ben)
        .await
        .expect(204);
    let own = app.reply(&class.teacher, thread, "My own note").await;
    app.delete(&format!("/api/v1/posts/{own}"), &class.teacher)
        .await
        .expect(204);
    app.post_empty("/api/v1/spaces/class/leave", &class.ana)
        .await
        .expect(204);
    assert_eq!(
        modlog_actions(&app, &class.owner).await,
        ["change_role"],
        "only the class setup's role change"
    );
}

async fn students_cannot_read_the_modlog(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, _) = class_with_reply(&app, "members_only").await;
    for student in [&class.ana, &class.ben] {
        app.get("/api/v1/spaces/class/modlog", student)
            .await
            .expect_error(403, "permission_denied");
    }
    app.get("/api/v1/spaces/class/modlog", &class.teacher)
        .await
        .expect(200);
}

async fn modlog_pages_with_a_cursor(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, _) = class_with_reply(&app, "members_only").await;
    for action in ["lock", "unlock", "pin", "unpin"] {
        app.post_empty(
            &format!("/api/v1/threads/{thread}/{action}"),
            &class.teacher,
        )
        .await
        .expect(200);
    }
    let full = app
        .get("/api/v1/spaces/class/modlog", &class.teacher)
        .await
        .expect(200);
    let all = ids(&full["entries"]);
    assert_eq!(all.len(), 5);

    let mut pages = Vec::new();
    let mut path = "/api/v1/spaces/class/modlog?limit=2".to_owned();
    loop {
        let page = app.get(&path, &class.teacher).await.expect(200);
        pages.push(ids(&page["entries"]));
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/spaces/class/modlog?limit=2&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(
        pages,
        [all[0..2].to_vec(), all[2..4].to_vec(), all[4..5].to_vec()]
    );
}

async fn modlog_rejects_a_bad_cursor_or_limit(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, _) = class_with_reply(&app, "members_only").await;
    app.get("/api/v1/spaces/class/modlog?cursor=%21%21", &class.teacher)
        .await
        .expect_error(400, "invalid_cursor");
    for limit in ["0", "101"] {
        app.get(
            &format!("/api/v1/spaces/class/modlog?limit={limit}"),
            &class.teacher,
        )
        .await
        .expect_error(400, "invalid_limit");
    }
}

on_both_backends!(
    #[actix_web::test] async
    moderator_hides_and_unhides_a_post,
    hiding_a_post_needs_no_reason,
    students_cannot_hide_posts,
    students_cannot_unhide_posts,
    hiding_rejects_bad_input_and_unknown_posts,
    member_reports_a_post,
    reporting_rejects_a_missing_or_too_long_reason,
    hidden_and_deleted_posts_cannot_be_reported,
    reports_are_listed_to_moderators_oldest_first,
    moderator_resolves_a_report,
    resolving_needs_no_body,
    resolving_twice_is_a_conflict,
    students_find_no_report_to_resolve,
    non_members_find_no_report_to_resolve,
    moderator_of_another_space_finds_no_report_to_resolve,
    resolving_rejects_unknown_reports_and_bad_input,
    moderator_bans_a_student_for_good,
    moderator_bans_a_student_until_a_time,
    banning_again_replaces_the_ban,
    banned_non_member_cannot_post_after_joining,
    ban_end_in_the_past_is_refused,
    moderators_cannot_be_banned,
    administrators_cannot_be_banned,
    ban_rejects_unknown_users_and_bad_input,
    students_cannot_ban_list_bans_or_lift_them,
    lifting_a_ban_lets_the_user_post_again,
    lifting_a_ban_that_does_not_exist_is_not_found,
    modlog_records_each_moderator_action,
    members_own_actions_are_not_logged,
    students_cannot_read_the_modlog,
    modlog_pages_with_a_cursor,
    modlog_rejects_a_bad_cursor_or_limit,
);
