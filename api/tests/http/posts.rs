//! Single posts: reading, editing with history, deleting as tombstones, and how a post's
//! language is decided.

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

async fn edit(app: &TestApp, user: &TestUser, post: i64, body: Value) -> Value {
    app.patch(&format!("/api/v1/posts/{post}"), user, body)
        .await
        .expect(200)
}

async fn revisions(app: &TestApp, user: &TestUser, post: i64) -> Value {
    app.get(&format!("/api/v1/posts/{post}/revisions"), user)
        .await
        .expect(200)
}

fn revision_bodies(list: &Value) -> Vec<(i64, &str)> {
    list.as_array()
        .expect("revisions")
        .iter()
        .map(|r| {
            (
                r["revision"].as_i64().expect("revision"),
                r["body"].as_str().expect("body"),
            )
        })
        .collect()
}

async fn hide(app: &TestApp, moderator: &TestUser, post: i64) {
    app.post(
        &format!("/api/v1/posts/{post}/hide"),
        moderator,
        json!({"reason": "unkind"}),
    )
    .await
    .expect(200);
}

/// Starts a thread without declaring its language; returns the first post.
async fn undeclared_thread(app: &TestApp, author: &TestUser, title: &str, body: &str) -> Value {
    app.post(
        "/api/v1/spaces/class/threads",
        author,
        json!({"title": title, "body": body}),
    )
    .await
    .expect(201)["post"]
        .clone()
}

// GET /posts/{id}

async fn reading_a_post(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    let post = app
        .get(&format!("/api/v1/posts/{reply}"), &class.ana)
        .await
        .expect(200);
    assert_eq!(post["id"], reply);
    assert_eq!(post["thread_id"], thread);
    assert_eq!(post["author"]["handle"], "ben");
    assert_eq!(post["body"], "A solar oven");
    assert_eq!(post["lang"], "en");
    assert_eq!(post["lang_source"], "declared");
    assert_eq!(post["revision"], 1);
    assert_eq!(post["hidden"], false);
    assert_eq!(post["hidden_reason"], Value::Null);
    assert_eq!(post["deleted"], false);
}

async fn post_in_a_public_space_is_readable_by_non_members(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "public").await;
    let post = app
        .get(&format!("/api/v1/posts/{reply}"), &class.outsider)
        .await
        .expect(200);
    assert_eq!(post["body"], "A solar oven");
}

async fn unknown_post_is_not_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    app.get("/api/v1/posts/999999", &ana)
        .await
        .expect_error(404, "post_not_found");
}

async fn hidden_post_is_visible_only_to_moderators_and_its_author(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    hide(&app, &class.teacher, reply).await;
    app.get(&format!("/api/v1/posts/{reply}"), &class.ana)
        .await
        .expect_error(404, "post_not_found");
    for reader in [&class.ben, &class.teacher, &class.owner] {
        let post = app
            .get(&format!("/api/v1/posts/{reply}"), reader)
            .await
            .expect(200);
        assert_eq!(post["hidden"], true, "{}", reader.handle);
        assert_eq!(post["hidden_reason"], "unkind", "{}", reader.handle);
        assert_eq!(post["body"], "A solar oven");
    }
}

async fn post_in_a_hidden_thread_is_not_found_by_other_students(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    app.post_empty(&format!("/api/v1/threads/{thread}/hide"), &class.teacher)
        .await
        .expect(200);
    // Ben wrote the reply but not the thread: the hidden thread hides his post from him too.
    for student in [&class.ben, &class.outsider] {
        app.get(&format!("/api/v1/posts/{reply}"), student)
            .await
            .expect_error(404, "post_not_found");
    }
    for reader in [&class.ana, &class.teacher] {
        app.get(&format!("/api/v1/posts/{reply}"), reader)
            .await
            .expect(200);
    }
}

// PATCH /posts/{id} and GET /posts/{id}/revisions

async fn author_edits_a_post_and_the_history_is_kept(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    let edited = edit(
        &app,
        &class.ben,
        reply,
        json!({"body": "A solar oven, with a mirror"}),
    )
    .await;
    assert_eq!(edited["body"], "A solar oven, with a mirror");
    assert_eq!(edited["revision"], 2);
    assert!(edited["edited_at"].is_string(), "{edited}");
    assert_eq!(edited["lang"], "en", "the language is kept when not given");

    let history = revisions(&app, &class.teacher, reply).await;
    assert_eq!(
        revision_bodies(&history),
        [(1, "A solar oven"), (2, "A solar oven, with a mirror")]
    );
    assert_eq!(history[0]["edited_by"]["handle"], "ben");
    assert_eq!(history[1]["edited_by"]["handle"], "ben");
    assert_eq!(history[1]["lang"], "en");

    let read = app
        .get(&format!("/api/v1/posts/{reply}"), &class.ana)
        .await
        .expect(200);
    assert_eq!(read["body"], "A solar oven, with a mirror");
    assert_eq!(read["revision"], 2);
}

async fn edit_that_changes_nothing_keeps_the_revision(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    for body in [
        json!({"body": "A solar oven"}),
        json!({"body": "  A solar oven \n"}),
        json!({"body": "A solar oven", "lang": "EN"}),
    ] {
        let same = edit(&app, &class.ben, reply, body).await;
        assert_eq!(same["revision"], 1);
        assert_eq!(same["edited_at"], Value::Null);
        assert_eq!(same["lang_source"], "declared");
    }
    assert_eq!(
        revision_bodies(&revisions(&app, &class.ben, reply).await),
        [(1, "A solar oven")]
    );
}

async fn edit_changing_only_the_language_is_a_new_declared_revision(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let post = undeclared_thread(
        &app,
        &class.ben,
        "Solarzellen",
        "Wir haben letztes Jahr Solarzellen auf dem Dach unserer Turnhalle gebaut.",
    )
    .await;
    assert_eq!(post["lang_source"], "detected");
    let id = post["id"].as_i64().expect("id");
    let body = post["body"].clone();

    let same_lang = edit(&app, &class.ben, id, json!({"body": body, "lang": "de"})).await;
    assert_eq!(
        same_lang["revision"], 1,
        "declaring the same language changes nothing"
    );
    assert_eq!(same_lang["lang_source"], "detected");

    let relabelled = edit(&app, &class.ben, id, json!({"body": body, "lang": "de-ch"})).await;
    assert_eq!(relabelled["revision"], 2);
    assert_eq!(relabelled["lang"], "de-CH");
    assert_eq!(relabelled["lang_source"], "declared");
    let history = revisions(&app, &class.ben, id).await;
    assert_eq!(history[0]["lang"], "de");
    assert_eq!(history[1]["lang"], "de-CH");
}

async fn moderators_edit_any_post(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    edit(
        &app,
        &class.teacher,
        reply,
        json!({"body": "A solar oven [edited by teacher]"}),
    )
    .await;
    let edited = edit(
        &app,
        &class.owner,
        reply,
        json!({"body": "A solar oven [edited by owner]"}),
    )
    .await;
    assert_eq!(edited["revision"], 3);
    assert_eq!(
        edited["author"]["handle"], "ben",
        "the author stays the author"
    );
    let history = revisions(&app, &class.ben, reply).await;
    let editors: Vec<&str> = history
        .as_array()
        .expect("revisions")
        .iter()
        .map(|r| r["edited_by"]["handle"].as_str().expect("handle"))
        .collect();
    assert_eq!(editors, ["ben", "teacher", "owner"]);
    let log = app
        .get("/api/v1/spaces/class/modlog", &class.owner)
        .await
        .expect(200);
    let edits: Vec<(&str, &str)> = log["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["action"] == "edit_post")
        .map(|e| {
            assert_eq!(e["post_id"], reply);
            assert_eq!(e["target_user"]["handle"], "ben");
            (
                e["moderator"]["handle"].as_str().expect("moderator"),
                e["action"].as_str().expect("action"),
            )
        })
        .collect();
    assert_eq!(
        edits,
        [("owner", "edit_post"), ("teacher", "edit_post")],
        "a moderator's edit of someone else's post is logged, newest first"
    );
}

async fn other_students_cannot_edit_a_post(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    app.patch(
        &format!("/api/v1/posts/{reply}"),
        &class.ana,
        json!({"body": "Ana was here"}),
    )
    .await
    .expect_error(403, "permission_denied");
    assert_eq!(
        revision_bodies(&revisions(&app, &class.ben, reply).await),
        [(1, "A solar oven")]
    );
}

async fn author_who_left_a_public_space_cannot_edit(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "public").await;
    app.post_empty("/api/v1/spaces/class/leave", &class.ben)
        .await
        .expect(204);
    app.patch(
        &format!("/api/v1/posts/{reply}"),
        &class.ben,
        json!({"body": "Something else"}),
    )
    .await
    .expect_error(403, "not_member");
}

async fn author_cannot_edit_in_a_locked_thread_but_a_moderator_can(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    app.post_empty(&format!("/api/v1/threads/{thread}/lock"), &class.teacher)
        .await
        .expect(200);
    app.patch(
        &format!("/api/v1/posts/{reply}"),
        &class.ben,
        json!({"body": "Something else"}),
    )
    .await
    .expect_error(409, "thread_locked");
    let edited = edit(
        &app,
        &class.teacher,
        reply,
        json!({"body": "Removed a phone number"}),
    )
    .await;
    assert_eq!(edited["revision"], 2);
}

async fn editing_rejects_bad_input(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    let cases = [
        (json!({"body": " "}), "invalid_body"),
        (json!({"body": "b".repeat(20_001)}), "invalid_body"),
        (
            json!({"body": "Fine", "lang": "xx"}),
            "invalid_language_tag",
        ),
        (json!({"lang": "en"}), "invalid_json"),
    ];
    for (body, code) in cases {
        app.patch(&format!("/api/v1/posts/{reply}"), &class.ben, body)
            .await
            .expect_error(400, code);
    }
    app.patch(
        "/api/v1/posts/999999",
        &class.ben,
        json!({"body": "Anything"}),
    )
    .await
    .expect_error(404, "post_not_found");
    assert_eq!(
        revision_bodies(&revisions(&app, &class.ben, reply).await),
        [(1, "A solar oven")]
    );
}

/// A teacher who edits out something private must be able to make it disappear, so
/// earlier versions are for the author and the moderators only.
async fn revisions_are_for_the_author_and_moderators(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "public").await;
    edit(
        &app,
        &class.teacher,
        reply,
        json!({"body": "A solar oven [phone number removed]"}),
    )
    .await;
    for reader in [&class.ana, &class.outsider] {
        app.get(&format!("/api/v1/posts/{reply}/revisions"), reader)
            .await
            .expect_error(403, "permission_denied");
    }
    for reader in [&class.ben, &class.teacher, &class.owner] {
        assert_eq!(
            revision_bodies(&revisions(&app, reader, reply).await),
            [
                (1, "A solar oven"),
                (2, "A solar oven [phone number removed]")
            ]
        );
    }
}

async fn revisions_of_a_hidden_post_are_not_found_by_other_students(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    hide(&app, &class.teacher, reply).await;
    app.get(&format!("/api/v1/posts/{reply}/revisions"), &class.ana)
        .await
        .expect_error(404, "post_not_found");
    for reader in [&class.ben, &class.teacher] {
        revisions(&app, reader, reply).await;
    }
}

// DELETE /posts/{id}

async fn author_deletes_a_post_leaving_a_tombstone(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    let after = app.reply(&class.ana, thread, "A reply to the reply").await;
    app.delete(&format!("/api/v1/posts/{reply}"), &class.ben)
        .await
        .expect(204);

    for reader in [&class.ana, &class.ben, &class.teacher] {
        let page = app
            .get(&format!("/api/v1/threads/{thread}"), reader)
            .await
            .expect(200);
        let posts = page["posts"].as_array().expect("posts");
        assert_eq!(posts.len(), 3, "the deleted post keeps its place");
        let tombstone = &posts[1];
        assert_eq!(tombstone["id"], reply);
        assert_eq!(tombstone["deleted"], true);
        assert_eq!(tombstone["body"], Value::Null, "{}", reader.handle);
        assert_eq!(tombstone["author"]["handle"], "ben");
        assert_eq!(posts[2]["id"], after);
    }
    let single = app
        .get(&format!("/api/v1/posts/{reply}"), &class.ana)
        .await
        .expect(200);
    assert_eq!(single["deleted"], true);
    assert_eq!(single["body"], Value::Null);
}

async fn deleted_post_cannot_be_edited_deleted_again_or_show_its_history(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    app.delete(&format!("/api/v1/posts/{reply}"), &class.ben)
        .await
        .expect(204);
    app.delete(&format!("/api/v1/posts/{reply}"), &class.ben)
        .await
        .expect_error(404, "post_not_found");
    app.patch(
        &format!("/api/v1/posts/{reply}"),
        &class.ben,
        json!({"body": "Back again"}),
    )
    .await
    .expect_error(404, "post_not_found");
    for reader in [&class.ben, &class.teacher] {
        app.get(&format!("/api/v1/posts/{reply}/revisions"), reader)
            .await
            .expect_error(404, "post_not_found");
    }
}

async fn moderators_delete_any_post(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    let other = app.reply(&class.ana, thread, "Another one").await;
    app.delete(&format!("/api/v1/posts/{reply}"), &class.teacher)
        .await
        .expect(204);
    app.delete(&format!("/api/v1/posts/{other}"), &class.owner)
        .await
        .expect(204);
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ben)
        .await
        .expect(200);
    assert_eq!(page["posts"][1]["deleted"], true);
    assert_eq!(page["posts"][2]["deleted"], true);
}

async fn other_students_cannot_delete_a_post(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    app.delete(&format!("/api/v1/posts/{reply}"), &class.ana)
        .await
        .expect_error(403, "permission_denied");
    let post = app
        .get(&format!("/api/v1/posts/{reply}"), &class.ana)
        .await
        .expect(200);
    assert_eq!(post["deleted"], false);
}

async fn other_students_find_no_hidden_post_to_delete(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _, reply) = class_with_reply(&app, "members_only").await;
    hide(&app, &class.teacher, reply).await;
    app.delete(&format!("/api/v1/posts/{reply}"), &class.ana)
        .await
        .expect_error(404, "post_not_found");
}

// Languages

async fn declared_language_tags_are_normalized(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let created = app
        .post(
            "/api/v1/spaces/class/threads",
            &class.ana,
            json!({"title": "Olá", "body": "Tudo bem?", "lang": "pt-br"}),
        )
        .await
        .expect(201);
    assert_eq!(created["thread"]["lang"], "pt-BR");
    assert_eq!(created["post"]["lang"], "pt-BR");
    assert_eq!(created["post"]["lang_source"], "declared");
    let thread = created["thread"]["id"].as_i64().expect("id");

    let reply = app
        .post(
            &format!("/api/v1/threads/{thread}/posts"),
            &class.ben,
            json!({"body": "你好", "lang": " ZH-hans "}),
        )
        .await
        .expect(201);
    assert_eq!(reply["lang"], "zh-Hans");
    assert_eq!(reply["lang_source"], "declared");

    let edited = edit(
        &app,
        &class.ben,
        reply["id"].as_i64().expect("id"),
        json!({"body": "Servus", "lang": "DE-at"}),
    )
    .await;
    assert_eq!(edited["lang"], "de-AT");
}

async fn unknown_language_tags_are_refused(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "members_only").await;
    for tag in ["xx", "english", "", "en_US!"] {
        app.post(
            "/api/v1/spaces/class/threads",
            &class.ana,
            json!({"title": "Title", "body": "Body", "lang": tag}),
        )
        .await
        .expect_error(400, "invalid_language_tag");
        app.post(
            &format!("/api/v1/threads/{thread}/posts"),
            &class.ana,
            json!({"body": "Body", "lang": tag}),
        )
        .await
        .expect_error(400, "invalid_language_tag");
        app.patch(
            &format!("/api/v1/posts/{reply}"),
            &class.ben,
            json!({"body": "Body", "lang": tag}),
        )
        .await
        .expect_error(400, "invalid_language_tag");
    }
}

async fn language_is_detected_when_not_declared(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let post = undeclared_thread(
        &app,
        &class.ana,
        "Paneles solares",
        "Instalamos paneles solares en el techo de nuestra escuela la semana pasada. ¿Y vosotros?",
    )
    .await;
    assert_eq!(post["lang"], "es");
    assert_eq!(post["lang_source"], "detected");

    let reply = app
        .post(
            &format!("/api/v1/threads/{}/posts", post["thread_id"]),
            &class.ben,
            json!({"body": "Wir haben letztes Jahr Solarzellen auf dem Dach unserer Turnhalle gebaut."}),
        )
        .await
        .expect(201);
    assert_eq!(reply["lang"], "de");
    assert_eq!(reply["lang_source"], "detected");
}

async fn language_falls_back_to_the_authors_first_language(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let chloe = app.register("chloe", &["fr", "en"]).await;
    app.join(&chloe, "class", Some(&class.invite_code)).await;
    let post = undeclared_thread(&app, &chloe, "👍", "👍 👍").await;
    assert_eq!(post["lang"], "fr");
    assert_eq!(post["lang_source"], "author_default");
}

async fn detected_language_of_an_edit_is_kept(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let post = undeclared_thread(
        &app,
        &class.ben,
        "Solarzellen",
        "Wir haben letztes Jahr Solarzellen auf dem Dach unserer Turnhalle gebaut.",
    )
    .await;
    let edited = edit(
        &app,
        &class.ben,
        post["id"].as_i64().expect("id"),
        json!({"body": "Wir haben letztes Jahr Solarzellen auf dem Dach unserer Schule gebaut."}),
    )
    .await;
    assert_eq!(edited["revision"], 2);
    assert_eq!(edited["lang"], "de");
    assert_eq!(edited["lang_source"], "detected");
}

/// A post tagged with the wrong language is fixed by its author or a teacher: a new
/// revision of the same text, translated again from the right language, and what was
/// made from the wrong one is gone.
async fn a_posts_language_is_fixed_and_it_is_translated_again(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let sofia = app.register("sofia", &["es"]).await;
    app.join(&sofia, "class", Some(&class.invite_code)).await;
    // Ana writes English and tags it Spanish: Sofia, who reads only Spanish, is given it
    // as it is.
    let created = app
        .post(
            "/api/v1/spaces/class/threads",
            &class.ana,
            json!({"title": "Solar", "body": "The house is big.", "lang": "es"}),
        )
        .await
        .expect(201);
    let post = created["post"]["id"].as_i64().expect("id");
    app.translate_pending().await;
    let path = format!("/api/v1/posts/{post}");
    let before = app.get(&path, &class.owner).await.expect(200);
    assert_eq!(before["translation"]["lang"], "en", "{before}");

    let fix = format!("/api/v1/posts/{post}/language");
    app.post(&fix, &class.ben, json!({"lang": "en"}))
        .await
        .expect_error(403, "permission_denied");
    app.post(&fix, &class.ana, json!({"lang": "klingon!"}))
        .await
        .expect_error(400, "invalid_language_tag");
    let fixed = app
        .post(&fix, &class.teacher, json!({"lang": "EN"}))
        .await
        .expect(200);
    assert_eq!(
        (&fixed["lang"], &fixed["lang_source"], &fixed["revision"]),
        (&json!("en"), &json!("declared"), &json!(2))
    );
    assert_eq!(fixed["body"], "The house is big.", "the same text");
    let after = app.get(&path, &class.owner).await.expect(200);
    assert!(
        after["translation"].is_null(),
        "an English reader reads the original now: {after}"
    );

    app.translate_pending().await;
    let spanish = app.get(&path, &sofia).await.expect(200);
    assert_eq!(
        (
            &spanish["translation"]["status"],
            &spanish["translation"]["body"]
        ),
        (&json!("ready"), &json!("La casa es grande.")),
        "translated from English now: {spanish}"
    );
}

/// A NUL character is no text, and PostgreSQL cannot store it: every text field refuses
/// it with its own code, on both databases, instead of failing in the database.
async fn text_with_a_nul_character_is_refused_not_a_server_error(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread, reply) = class_with_reply(&app, "public").await;
    let nul = "A solar\u{0} oven";
    let cases = [
        (
            "POST",
            "/api/v1/spaces/class/threads".to_owned(),
            json!({"title": nul, "body": "Fine"}),
            "invalid_title",
        ),
        (
            "POST",
            "/api/v1/spaces/class/threads".to_owned(),
            json!({"title": "Fine", "body": nul}),
            "invalid_body",
        ),
        (
            "POST",
            format!("/api/v1/threads/{thread}/posts"),
            json!({"body": nul}),
            "invalid_body",
        ),
        (
            "PATCH",
            format!("/api/v1/posts/{reply}"),
            json!({"body": nul}),
            "invalid_body",
        ),
        (
            "POST",
            format!("/api/v1/posts/{reply}/reports"),
            json!({"reason": nul}),
            "invalid_reason",
        ),
        (
            "PATCH",
            "/api/v1/me".to_owned(),
            json!({"display_name": nul}),
            "display_name_too_long",
        ),
        (
            "PATCH",
            "/api/v1/spaces/class".to_owned(),
            json!({"description": nul}),
            "description_too_long",
        ),
    ];
    for (method, path, body, code) in cases {
        let who = if path.ends_with("/class") {
            &class.owner
        } else {
            &class.ben
        };
        let method = actix_web::http::Method::from_bytes(method.as_bytes()).expect("method");
        app.request(method, &path, who, Some(body), &[])
            .await
            .expect_error(400, code);
    }
}

on_both_backends!(
    #[actix_web::test] async
    reading_a_post,
    post_in_a_public_space_is_readable_by_non_members,
    unknown_post_is_not_found,
    hidden_post_is_visible_only_to_moderators_and_its_author,
    post_in_a_hidden_thread_is_not_found_by_other_students,
    author_edits_a_post_and_the_history_is_kept,
    edit_that_changes_nothing_keeps_the_revision,
    edit_changing_only_the_language_is_a_new_declared_revision,
    moderators_edit_any_post,
    other_students_cannot_edit_a_post,
    author_who_left_a_public_space_cannot_edit,
    author_cannot_edit_in_a_locked_thread_but_a_moderator_can,
    editing_rejects_bad_input,
    revisions_are_for_the_author_and_moderators,
    revisions_of_a_hidden_post_are_not_found_by_other_students,
    author_deletes_a_post_leaving_a_tombstone,
    deleted_post_cannot_be_edited_deleted_again_or_show_its_history,
    moderators_delete_any_post,
    other_students_cannot_delete_a_post,
    other_students_find_no_hidden_post_to_delete,
    declared_language_tags_are_normalized,
    unknown_language_tags_are_refused,
    language_is_detected_when_not_declared,
    language_falls_back_to_the_authors_first_language,
    detected_language_of_an_edit_is_kept,
    a_posts_language_is_fixed_and_it_is_translated_again,
    text_with_a_nul_character_is_refused_not_a_server_error,
);
