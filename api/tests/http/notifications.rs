//! Notifications over HTTP: the list in each reader's language (a real Apertium
//! translation), reading them, watching and muting, and the one live stream that carries
//! both notifications and a thread's events.

use std::time::{Duration, Instant};

use pontis_models::{Backend, on_both_backends};
use serde_json::{Value, json};

use crate::common::{TestApp, TestUser, wait_for_event};

/// Opens the user's event stream (`query` names the threads to follow).
async fn open(
    app: &TestApp,
    user: &TestUser,
    query: &str,
) -> awc::ClientResponse<
    impl futures_util::Stream<Item = Result<actix_web::web::Bytes, awc::error::PayloadError>>
    + Unpin
    + use<>,
> {
    let res = app
        .srv
        .get(format!("/api/v1/events{query}"))
        .insert_header(("Authorization", format!("Bearer {}", user.token)))
        .send()
        .await
        .expect("stream opens");
    assert_eq!(res.status().as_u16(), 200);
    res
}

async fn notifications(app: &TestApp, user: &TestUser) -> Value {
    app.get("/api/v1/notifications", user).await.expect(200)
}

/// A newcomer's reply makes the classmate's bell show 1 within seconds, live, with the
/// reply in the classmate's language once Apertium has translated it.
async fn a_reply_reaches_the_thread_starter_live_and_in_their_language(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sofia = app.register("sofia", &["es"]).await;
    let emma = app.register("emma", &["en"]).await;
    app.space(&sofia, "club", "public").await;
    app.join(&emma, "club", None).await;
    let thread = app
        .post(
            "/api/v1/spaces/club/threads",
            &sofia,
            json!({"title": "La casa", "body": "La casa es grande.", "lang": "es"}),
        )
        .await
        .expect(201)["thread"]["id"]
        .as_i64()
        .expect("thread id");
    let mut live = open(&app, &sofia, "").await;
    // Emma joining Sofia's space told her; she has read that.
    let before = notifications(&app, &sofia).await;
    assert_eq!(before["items"][0]["kind"], "member_joined", "{before}");
    app.post(
        "/api/v1/notifications/read",
        &sofia,
        json!({"up_to": before["items"][0]["id"]}),
    )
    .await
    .expect(200);

    let sent = Instant::now();
    let reply = app.reply(&emma, thread, "The house is red.").await;
    let mut seen = String::new();
    wait_for_event(&mut live, &mut seen, "event: notification").await;
    let waited = sent.elapsed();
    assert!(waited < Duration::from_secs(2), "told after {waited:?}");
    assert!(seen.contains("\"unread_count\":1"), "{seen}");
    assert!(seen.contains(&format!("\"post_id\":{reply}")), "{seen}");

    // Not yet translated: the original, with its language.
    let page = notifications(&app, &sofia).await;
    assert_eq!(page["unread_count"], 1, "{page}");
    let item = &page["items"][0];
    assert_eq!(item["kind"], "reply");
    assert_eq!(item["actor"]["handle"], "emma");
    assert_eq!(item["thread_title"], "La casa");
    assert_eq!(item["excerpt"]["text"], "The house is red.");
    assert_eq!(item["excerpt"]["lang"], "en");
    assert_eq!(item["excerpt"]["translated"], false);

    app.translate_pending().await;
    let page = notifications(&app, &sofia).await;
    let excerpt = &page["items"][0]["excerpt"];
    assert_eq!(excerpt["translated"], true, "{page}");
    assert_eq!(excerpt["lang"], "es");
    // Apertium's own Spanish, not the English original.
    let text = excerpt["text"].as_str().unwrap_or_default();
    assert!(text.contains("casa") && text.contains("roja"), "{text}");

    let read = app
        .post(
            "/api/v1/notifications/read",
            &sofia,
            json!({"ids": [page["items"][0]["id"]]}),
        )
        .await
        .expect(200);
    assert_eq!(read["unread_count"], 0);
    let unread = app
        .get("/api/v1/notifications?unread=true", &sofia)
        .await
        .expect(200);
    assert_eq!(unread["items"], json!([]));
    // Emma was not told of her own reply.
    assert_eq!(notifications(&app, &emma).await["items"], json!([]));
}

async fn watching_and_muting_decide_who_hears_of_replies(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let (thread, _) = app.thread(&class.ana, "class", "Solar", "Panels.").await;
    let watch = format!("/api/v1/threads/{thread}/watch");
    assert_eq!(
        app.get(&watch, &class.ana).await.expect(200)["level"],
        "watching"
    );
    assert_eq!(
        app.get(&watch, &class.ben).await.expect(200)["level"],
        "normal"
    );
    app.get(&watch, &class.outsider)
        .await
        .expect_error(404, "thread_not_found");
    app.put(&watch, &class.outsider, json!({"level": "watching"}))
        .await
        .expect_error(404, "thread_not_found");
    assert_eq!(
        app.put(&watch, &class.ben, json!({"level": "watching"}))
            .await
            .expect(200)["level"],
        "watching"
    );
    app.put(&watch, &class.ben, json!({"level": "loud"}))
        .await
        .expect_error(400, "invalid_json");
    app.reply(&class.teacher, thread, "Good start.").await;
    let kinds = |page: Value| -> Vec<String> {
        page["items"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| n["kind"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(kinds(notifications(&app, &class.ben).await), ["reply"]);
    assert_eq!(kinds(notifications(&app, &class.ana).await), ["reply"]);
    app.put(&watch, &class.ana, json!({"level": "muted"}))
        .await
        .expect(200);
    app.reply(&class.ben, thread, "@ana what do you think?")
        .await;
    assert_eq!(kinds(notifications(&app, &class.ana).await), ["reply"]);
    // The outsider is mentioned but may not read the space: nothing, live or listed.
    app.reply(&class.ben, thread, "@outsider look").await;
    assert_eq!(
        notifications(&app, &class.outsider).await["items"],
        json!([])
    );
}

async fn one_stream_carries_a_thread_and_ends_it_alone(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    // Sofia reads Spanish only, so English replies are translated for her.
    let sofia = app.register("sofia", &["es"]).await;
    app.join(&sofia, "class", Some(&class.invite_code)).await;
    let (thread, _) = app.thread(&class.ben, "class", "Solar", "Panels.").await;
    for bad in ["1,x", "", "%201", "+1", "1234567890123456789"] {
        app.get(&format!("/api/v1/events?threads={bad}"), &sofia)
            .await
            .expect_error(400, "invalid_query");
    }
    app.get("/api/v1/events?lang=", &sofia)
        .await
        .expect_error(400, "invalid_language_tag");
    app.get(&format!("/api/v1/events?threads={thread}"), &class.outsider)
        .await
        .expect_error(404, "thread_not_found");
    let mut live = open(&app, &sofia, &format!("?threads={thread}")).await;
    let reply = app.reply(&class.teacher, thread, "Good start.").await;
    let mut seen = String::new();
    wait_for_event(
        &mut live,
        &mut seen,
        &format!("event: post\ndata: {{\"post_id\":{reply},\"thread_id\":{thread}}}"),
    )
    .await;
    app.translate_pending().await;
    // The reply's Spanish translation is announced to her.
    wait_for_event(
        &mut live,
        &mut seen,
        &format!("event: translation\ndata: {{\"post_id\":{reply},\"thread_id\":{thread}}}"),
    )
    .await;
    app.delete("/api/v1/spaces/class/members/sofia", &class.teacher)
        .await
        .expect(204);
    wait_for_event(
        &mut live,
        &mut seen,
        &format!("event: end\ndata: {{\"thread_id\":{thread}}}"),
    )
    .await;
    // What she may no longer see never reaches her after the end.
    let after = app.reply(&class.ben, thread, "After Sofia left.").await;
    actix_web::rt::time::sleep(Duration::from_millis(1500)).await;
    use futures_util::StreamExt;
    while let Ok(Some(Ok(chunk))) =
        actix_web::rt::time::timeout(Duration::from_millis(200), live.next()).await
    {
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(!seen.contains(&format!("\"post_id\":{after}")), "{seen}");
}

async fn settings_say_email_is_off_without_a_mail_server(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    let settings = app
        .get("/api/v1/me/notification-settings", &ana)
        .await
        .expect(200);
    assert_eq!(settings["email_available"], false);
    assert_eq!(settings["email_mode"], "immediate");
    let changed = app
        .put(
            "/api/v1/me/notification-settings",
            &ana,
            json!({"email_mode": "digest", "email_kinds_off": ["member_joined", "reply"]}),
        )
        .await
        .expect(200);
    assert_eq!(changed["email_mode"], "digest");
    assert_eq!(
        changed["email_kinds_off"],
        json!(["reply", "member_joined"])
    );
    app.put(
        "/api/v1/me/notification-settings",
        &ana,
        json!({"email_kinds_off": ["everything"]}),
    )
    .await
    .expect_error(400, "invalid_json");
    // An address is used only once the link mailed to it is followed.
    app.put(
        "/api/v1/me/notification-settings",
        &ana,
        json!({"email_address": "not an address", "email_mode": "off"}),
    )
    .await
    .expect_error(400, "invalid_email_address");
    let asked = app
        .put(
            "/api/v1/me/notification-settings",
            &ana,
            json!({"email_address": "ana@school.example"}),
        )
        .await
        .expect(200);
    assert_eq!(asked["pending_address"], "ana@school.example");
    assert_eq!(asked["email_address"], Value::Null);
    assert_eq!(
        asked["email_mode"], "digest",
        "the refused change changed nothing"
    );
}

on_both_backends!(
    #[actix_web::test]
    async a_reply_reaches_the_thread_starter_live_and_in_their_language,
    watching_and_muting_decide_who_hears_of_replies,
    one_stream_carries_a_thread_and_ends_it_alone,
    a_hidden_posts_translation_reaches_only_moderators,
    settings_say_email_is_off_without_a_mail_server,
);

/// On PostgreSQL, a write by another process (here: another connection pool, as a second
/// server or `pontis` command would have) wakes this process's streams through
/// LISTEN/NOTIFY, well before the hub's fallback look.
#[actix_web::test]
async fn another_process_wakes_the_streams_on_postgres() {
    let app = TestApp::start(Backend::Postgres).await;
    let sofia = app.register("sofia", &["es"]).await;
    let emma = app.register("emma", &["en"]).await;
    app.space(&emma, "club", "public").await;
    app.join(&sofia, "club", None).await;
    let (thread, _) = app
        .thread(&emma, "club", "The house", "The house is big.")
        .await;
    let mut live = open(&app, &sofia, &format!("?threads={thread}")).await;
    let elsewhere = pontis_models::Db::open(&app.store.url, 2).expect("a second pool");
    // Past the looks this process's own writes asked for: only a notification wakes it now.
    actix_web::rt::time::sleep(Duration::from_millis(1500)).await;
    let sent = Instant::now();
    crate::common::translate_pending_with(elsewhere).await;
    let mut seen = String::new();
    wait_for_event(&mut live, &mut seen, "event: translation").await;
    let waited = sent.elapsed();
    assert!(waited < Duration::from_secs(5), "told after {waited:?}");
}

/// A post hidden after it was announced: its translation is never announced to a student,
/// while a moderator following the same thread hears of it.
async fn a_hidden_posts_translation_reaches_only_moderators(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let sofia = app.register("sofia", &["es"]).await;
    app.join(&sofia, "class", Some(&class.invite_code)).await;
    let lupe = app.register("lupe", &["es"]).await;
    app.join(&lupe, "class", Some(&class.invite_code)).await;
    app.set_role(&class.owner, "class", "lupe", "teacher").await;
    let (thread, _) = app.thread(&class.ben, "class", "Solar", "Panels.").await;
    let hidden = app.reply(&class.ben, thread, "The house is red.").await;
    app.post(
        &format!("/api/v1/posts/{hidden}/hide"),
        &class.teacher,
        json!({"reason": "off topic"}),
    )
    .await
    .expect(200);
    let shown = app.reply(&class.ben, thread, "The garden is green.").await;
    let query = format!("?threads={thread}");
    let (mut student, mut moderator) = (
        open(&app, &sofia, &query).await,
        open(&app, &lupe, &query).await,
    );
    app.translate_pending().await;
    let (mut seen_by_student, mut seen_by_moderator) = (String::new(), String::new());
    let announced = |post: i64| {
        format!("event: translation\ndata: {{\"post_id\":{post},\"thread_id\":{thread}}}")
    };
    wait_for_event(&mut moderator, &mut seen_by_moderator, &announced(hidden)).await;
    wait_for_event(&mut moderator, &mut seen_by_moderator, &announced(shown)).await;
    wait_for_event(&mut student, &mut seen_by_student, &announced(shown)).await;
    assert!(
        !seen_by_student.contains(&format!("\"post_id\":{hidden}")),
        "{seen_by_student}"
    );
}
