//! Threads: starting, listing with cursors, reading, replying, and the moderators'
//! lock, pin and hide switches.

use pontis_models::Backend;
use serde_json::{Value, json};

use crate::common::{Auth, Class, TestApp, TestUser};
use pontis_models::on_both_backends;

fn thread_ids(list: &Value) -> Vec<i64> {
    list["threads"]
        .as_array()
        .expect("threads")
        .iter()
        .map(|t| t["id"].as_i64().expect("thread id"))
        .collect()
}

fn post_ids(page: &Value) -> Vec<i64> {
    page["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .map(|p| p["id"].as_i64().expect("post id"))
        .collect()
}

async fn list(app: &TestApp, user: &TestUser, slug: &str) -> Value {
    app.get(&format!("/api/v1/spaces/{slug}/threads"), user)
        .await
        .expect(200)
}

/// A class (members-only or public) where Ana has started a thread; returns (class, thread id).
async fn class_with_thread(app: &TestApp, visibility: &str) -> (Class, i64) {
    let class = app.class("class", visibility).await;
    let (thread, _) = app
        .thread(&class.ana, "class", "Our project", "What shall we build?")
        .await;
    (class, thread)
}

const SWITCHES: [&str; 6] = ["lock", "unlock", "pin", "unpin", "hide", "unhide"];

// POST /spaces/{slug}/threads

async fn member_starts_a_thread_with_its_first_post(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let created = app
        .post(
            "/api/v1/spaces/class/threads",
            &class.ana,
            json!({"title": "  Solar panels  ", "body": "  We built *three*.\n\nAnd you?  ",
                   "lang": "en"}),
        )
        .await
        .expect(201);
    let thread = &created["thread"];
    assert_eq!(thread["space"], "class");
    assert_eq!(thread["author"]["handle"], "ana");
    assert_eq!(thread["title"], "Solar panels", "titles are trimmed");
    assert_eq!(thread["lang"], "en");
    assert_eq!(thread["locked"], false);
    assert_eq!(thread["pinned"], false);
    assert_eq!(thread["hidden"], false);
    assert_eq!(thread["post_count"], 1);
    let post = &created["post"];
    assert_eq!(post["thread_id"], thread["id"]);
    assert_eq!(post["author"]["handle"], "ana");
    assert_eq!(
        post["body"], "We built *three*.\n\nAnd you?",
        "bodies keep inner whitespace, lose the ends"
    );
    assert_eq!(post["lang"], "en");
    assert_eq!(post["lang_source"], "declared");
    assert_eq!(post["revision"], 1);
    assert_eq!(post["edited_at"], Value::Null);
    assert_eq!(post["deleted"], false);
    assert_eq!(post["hidden"], false);

    let listed = list(&app, &class.ben, "class").await;
    assert_eq!(thread_ids(&listed), [thread["id"].as_i64().expect("id")]);
}

async fn starting_a_thread_rejects_bad_input(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let cases = [
        (json!({"title": " ", "body": "Body"}), "invalid_title"),
        (
            json!({"title": "t".repeat(201), "body": "Body"}),
            "invalid_title",
        ),
        (json!({"title": "Title", "body": "\n \t"}), "invalid_body"),
        (
            json!({"title": "Title", "body": "b".repeat(20_001)}),
            "invalid_body",
        ),
        (
            json!({"title": "Title", "body": "Body", "lang": "xx"}),
            "invalid_language_tag",
        ),
        (json!({"body": "Body"}), "invalid_json"),
    ];
    for (body, code) in cases {
        app.post("/api/v1/spaces/class/threads", &class.ana, body)
            .await
            .expect_error(400, code);
    }
    assert_eq!(list(&app, &class.ana, "class").await["threads"], json!([]));
}

async fn starting_a_thread_in_an_unknown_space_is_not_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    app.post(
        "/api/v1/spaces/nowhere/threads",
        &ana,
        json!({"title": "Title", "body": "Body"}),
    )
    .await
    .expect_error(404, "space_not_found");
}

async fn banned_member_cannot_start_a_thread(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "public").await;
    app.ban(&class.teacher, "class", "ana").await;
    app.post(
        "/api/v1/spaces/class/threads",
        &class.ana,
        json!({"title": "Hello", "body": "Am I still here?"}),
    )
    .await
    .expect_error(403, "banned");
    assert_eq!(list(&app, &class.ana, "class").await["threads"], json!([]));
}

// GET /spaces/{slug}/threads

async fn thread_list_puts_pinned_threads_first_then_latest_activity(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let (first, _) = app.thread(&class.ana, "class", "First", "One").await;
    let (second, _) = app.thread(&class.ben, "class", "Second", "Two").await;
    let (third, _) = app.thread(&class.ana, "class", "Third", "Three").await;
    assert_eq!(
        thread_ids(&list(&app, &class.ana, "class").await),
        [third, second, first],
        "newest first"
    );

    app.reply(&class.ben, first, "Bump").await;
    assert_eq!(
        thread_ids(&list(&app, &class.ana, "class").await),
        [first, third, second],
        "a reply moves a thread up"
    );

    app.post_empty(&format!("/api/v1/threads/{second}/pin"), &class.teacher)
        .await
        .expect(200);
    let listed = list(&app, &class.ana, "class").await;
    assert_eq!(thread_ids(&listed), [second, first, third]);
    assert_eq!(listed["threads"][0]["pinned"], true);
    assert_eq!(listed["next_cursor"], Value::Null);
}

async fn thread_list_pages_with_a_cursor(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let mut ids = Vec::new();
    for n in 1..=5 {
        let (id, _) = app
            .thread(&class.ana, "class", &format!("Thread {n}"), "Body")
            .await;
        ids.push(id);
    }
    for pinned in [ids[0], ids[1]] {
        app.post_empty(&format!("/api/v1/threads/{pinned}/pin"), &class.teacher)
            .await
            .expect(200);
    }

    let mut pages = Vec::new();
    let mut path = "/api/v1/spaces/class/threads?limit=2".to_owned();
    loop {
        let page = app.get(&path, &class.ben).await.expect(200);
        pages.push(thread_ids(&page));
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/spaces/class/threads?limit=2&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(
        pages,
        [vec![ids[1], ids[0]], vec![ids[4], ids[3]], vec![ids[2]]],
        "pinned first, then newest, each thread once, across a page that ends pinned"
    );
}

async fn thread_list_rejects_a_bad_cursor(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, _) = class_with_thread(&app, "members_only").await;
    // Not base64; base64 of text that is no cursor; a cursor with a bad pinned flag.
    for cursor in ["not*a*cursor", "aGVsbG8", "Mi4xLjE"] {
        app.get(
            &format!("/api/v1/spaces/class/threads?cursor={cursor}"),
            &class.ana,
        )
        .await
        .expect_error(400, "invalid_cursor");
    }
}

async fn thread_list_rejects_a_limit_out_of_range(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    for limit in ["0", "101"] {
        app.get(
            &format!("/api/v1/spaces/class/threads?limit={limit}"),
            &class.ana,
        )
        .await
        .expect_error(400, "invalid_limit");
    }
    app.get("/api/v1/spaces/class/threads?limit=-1", &class.ana)
        .await
        .expect_error(400, "invalid_query");
    let full = app
        .get("/api/v1/spaces/class/threads?limit=100", &class.ana)
        .await
        .expect(200);
    assert_eq!(thread_ids(&full), [thread]);
}

async fn thread_list_of_a_public_space_is_readable_by_non_members(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "public").await;
    assert_eq!(
        thread_ids(&list(&app, &class.outsider, "class").await),
        [thread]
    );
}

async fn hidden_threads_are_listed_only_to_moderators_and_their_author(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, hidden) = class_with_thread(&app, "members_only").await;
    let (visible, _) = app
        .thread(&class.ben, "class", "Visible", "Still here")
        .await;
    app.post(
        &format!("/api/v1/threads/{hidden}/hide"),
        &class.teacher,
        json!({"reason": "off topic"}),
    )
    .await
    .expect(200);

    assert_eq!(
        thread_ids(&list(&app, &class.ben, "class").await),
        [visible]
    );
    for reader in [&class.ana, &class.teacher, &class.owner] {
        let listed = list(&app, reader, "class").await;
        assert_eq!(thread_ids(&listed), [visible, hidden], "{}", reader.handle);
        assert_eq!(listed["threads"][1]["hidden"], true);
    }
}

// GET /threads/{id}

async fn reading_a_thread_shows_its_posts_oldest_first(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let (thread, opening) = app.thread(&class.ana, "class", "Topic", "Opening").await;
    let first = app.reply(&class.ben, thread, "First reply").await;
    let second = app.reply(&class.teacher, thread, "Second reply").await;

    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ben)
        .await
        .expect(200);
    assert_eq!(page["thread"]["id"], thread);
    assert_eq!(page["thread"]["title"], "Topic");
    assert_eq!(page["thread"]["post_count"], 3);
    assert_eq!(post_ids(&page), [opening, first, second]);
    assert_eq!(page["posts"][1]["body"], "First reply");
    assert_eq!(page["posts"][2]["author"]["handle"], "teacher");
    assert_eq!(page["next_cursor"], Value::Null);
}

async fn reading_a_thread_pages_its_posts_with_a_cursor(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let (thread, opening) = app.thread(&class.ana, "class", "Topic", "Opening").await;
    let mut expected = vec![opening];
    for n in 0..4 {
        expected.push(app.reply(&class.ben, thread, &format!("Reply {n}")).await);
    }
    let mut seen = Vec::new();
    let mut path = format!("/api/v1/threads/{thread}?limit=2");
    let mut pages = 0;
    loop {
        let page = app.get(&path, &class.ana).await.expect(200);
        pages += 1;
        seen.extend(post_ids(&page));
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/threads/{thread}?limit=2&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen, expected);
    assert_eq!(pages, 3);
}

async fn reading_a_thread_rejects_a_bad_cursor_or_limit(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    app.get(
        &format!("/api/v1/threads/{thread}?cursor=%21%21"),
        &class.ana,
    )
    .await
    .expect_error(400, "invalid_cursor");
    app.get(&format!("/api/v1/threads/{thread}?limit=0"), &class.ana)
        .await
        .expect_error(400, "invalid_limit");
    app.get(&format!("/api/v1/threads/{thread}?limit=101"), &class.ana)
        .await
        .expect_error(400, "invalid_limit");
}

async fn unknown_thread_is_not_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    app.get("/api/v1/threads/999999", &ana)
        .await
        .expect_error(404, "thread_not_found");
}

async fn thread_in_a_public_space_is_readable_by_non_members(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "public").await;
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &class.outsider)
        .await
        .expect(200);
    assert_eq!(page["thread"]["id"], thread);
}

async fn hidden_thread_is_not_found_by_other_students(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    app.post_empty(&format!("/api/v1/threads/{thread}/hide"), &class.teacher)
        .await
        .expect(200);
    app.get(&format!("/api/v1/threads/{thread}"), &class.ben)
        .await
        .expect_error(404, "thread_not_found");
    for reader in [&class.ana, &class.teacher, &class.owner] {
        let page = app
            .get(&format!("/api/v1/threads/{thread}"), reader)
            .await
            .expect(200);
        assert_eq!(page["thread"]["hidden"], true, "{}", reader.handle);
    }
}

// POST /threads/{id}/posts

async fn member_replies_to_a_thread(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    let (older, _) = app.thread(&class.ana, "class", "Older", "Body").await;
    let (newer, _) = app.thread(&class.ana, "class", "Newer", "Body").await;
    let reply = app
        .post(
            &format!("/api/v1/threads/{older}/posts"),
            &class.ben,
            json!({"body": "I agree", "lang": "en"}),
        )
        .await
        .expect(201);
    assert_eq!(reply["thread_id"], older);
    assert_eq!(reply["author"]["handle"], "ben");
    assert_eq!(reply["body"], "I agree");
    assert_eq!(reply["revision"], 1);
    assert_eq!(reply["deleted"], false);

    let listed = list(&app, &class.ana, "class").await;
    assert_eq!(thread_ids(&listed), [older, newer], "the reply bumped it");
    assert_eq!(listed["threads"][0]["post_count"], 2);
}

async fn replying_rejects_bad_input(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    let cases = [
        (json!({"body": "  "}), "invalid_body"),
        (json!({"body": "b".repeat(20_001)}), "invalid_body"),
        (
            json!({"body": "Hi", "lang": "klingon"}),
            "invalid_language_tag",
        ),
        (json!({"lang": "en"}), "invalid_json"),
    ];
    for (body, code) in cases {
        app.post(&format!("/api/v1/threads/{thread}/posts"), &class.ben, body)
            .await
            .expect_error(400, code);
    }
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ben)
        .await
        .expect(200);
    assert_eq!(page["thread"]["post_count"], 1);
}

async fn replying_to_an_unknown_thread_is_not_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let ana = app.register("ana", &["es"]).await;
    app.post(
        "/api/v1/threads/999999/posts",
        &ana,
        json!({"body": "Hello?"}),
    )
    .await
    .expect_error(404, "thread_not_found");
}

async fn banned_member_cannot_reply(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "public").await;
    app.ban(&class.teacher, "class", "ben").await;
    app.post(
        &format!("/api/v1/threads/{thread}/posts"),
        &class.ben,
        json!({"body": "Still here"}),
    )
    .await
    .expect_error(403, "banned");
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ben)
        .await
        .expect(200);
    assert_eq!(
        page["thread"]["post_count"], 1,
        "a banned member still reads"
    );
}

async fn other_students_cannot_reply_to_a_hidden_thread(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    app.post_empty(&format!("/api/v1/threads/{thread}/hide"), &class.teacher)
        .await
        .expect(200);
    app.post(
        &format!("/api/v1/threads/{thread}/posts"),
        &class.ben,
        json!({"body": "Where did it go?"}),
    )
    .await
    .expect_error(404, "thread_not_found");
}

async fn locked_thread_refuses_student_replies_but_not_moderators(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    let locked = app
        .post_empty(&format!("/api/v1/threads/{thread}/lock"), &class.teacher)
        .await
        .expect(200);
    assert_eq!(locked["locked"], true);
    for student in [&class.ana, &class.ben] {
        app.post(
            &format!("/api/v1/threads/{thread}/posts"),
            student,
            json!({"body": "One more thing"}),
        )
        .await
        .expect_error(409, "thread_locked");
    }
    for moderator in [&class.teacher, &class.owner] {
        app.post(
            &format!("/api/v1/threads/{thread}/posts"),
            moderator,
            json!({"body": "Closing words", "lang": "en"}),
        )
        .await
        .expect(201);
    }
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ana)
        .await
        .expect(200);
    assert_eq!(page["thread"]["locked"], true);
    assert_eq!(page["thread"]["post_count"], 3);
}

// POST /threads/{id}/lock|unlock|pin|unpin|hide|unhide

async fn unlocking_lets_students_reply_again(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    app.post_empty(&format!("/api/v1/threads/{thread}/lock"), &class.teacher)
        .await
        .expect(200);
    let unlocked = app
        .post_empty(&format!("/api/v1/threads/{thread}/unlock"), &class.owner)
        .await
        .expect(200);
    assert_eq!(unlocked["locked"], false);
    app.reply(&class.ben, thread, "Open again").await;
}

async fn moderators_pin_and_unpin_threads(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    let (newer, _) = app.thread(&class.ben, "class", "Newer", "Body").await;
    let pinned = app
        .post_empty(&format!("/api/v1/threads/{thread}/pin"), &class.teacher)
        .await
        .expect(200);
    assert_eq!(pinned["pinned"], true);
    assert_eq!(pinned["id"], thread);
    assert_eq!(
        thread_ids(&list(&app, &class.ben, "class").await),
        [thread, newer]
    );
    let unpinned = app
        .post_empty(&format!("/api/v1/threads/{thread}/unpin"), &class.owner)
        .await
        .expect(200);
    assert_eq!(unpinned["pinned"], false);
    assert_eq!(
        thread_ids(&list(&app, &class.ben, "class").await),
        [newer, thread]
    );
}

async fn moderators_hide_and_unhide_threads(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    let hidden = app
        .post(
            &format!("/api/v1/threads/{thread}/hide"),
            &class.owner,
            json!({"reason": "duplicate"}),
        )
        .await
        .expect(200);
    assert_eq!(hidden["hidden"], true);
    assert_eq!(list(&app, &class.ben, "class").await["threads"], json!([]));

    let shown = app
        .post_empty(&format!("/api/v1/threads/{thread}/unhide"), &class.teacher)
        .await
        .expect(200);
    assert_eq!(shown["hidden"], false);
    assert_eq!(thread_ids(&list(&app, &class.ben, "class").await), [thread]);
    app.get(&format!("/api/v1/threads/{thread}"), &class.ben)
        .await
        .expect(200);
}

async fn students_cannot_use_the_thread_switches(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    // Ana started the thread; Ben is another student. Neither moderates.
    for student in [&class.ana, &class.ben] {
        for switch in SWITCHES {
            app.post_empty(&format!("/api/v1/threads/{thread}/{switch}"), student)
                .await
                .expect_error(403, "permission_denied");
        }
    }
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &class.ben)
        .await
        .expect(200);
    assert_eq!(page["thread"]["locked"], false);
    assert_eq!(page["thread"]["pinned"], false);
    assert_eq!(page["thread"]["hidden"], false);
}

async fn moderator_of_another_space_cannot_switch_a_thread(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "public").await;
    app.space(&class.outsider, "elsewhere", "public").await;
    app.post_empty(&format!("/api/v1/threads/{thread}/lock"), &class.outsider)
        .await
        .expect_error(403, "permission_denied");
}

async fn thread_switches_on_an_unknown_thread_are_not_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("class", "members_only").await;
    for switch in SWITCHES {
        app.post_empty(&format!("/api/v1/threads/999999/{switch}"), &class.owner)
            .await
            .expect_error(404, "thread_not_found");
    }
}

async fn thread_switches_take_an_optional_reason(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (class, thread) = class_with_thread(&app, "members_only").await;
    let path = format!("/api/v1/threads/{thread}/lock");
    app.post(&path, &class.teacher, json!({})).await.expect(200);
    app.post(&path, &class.teacher, json!({"reason": "  "}))
        .await
        .expect(200);
    app.post(&path, &class.teacher, json!({"reason": "r".repeat(1001)}))
        .await
        .expect_error(400, "invalid_reason");
    app.post(&path, &class.teacher, json!("not an object"))
        .await
        .expect_error(400, "invalid_json");
}

async fn an_edit_hides_the_old_translation_from_readers_and_on_demand_is_limited(backend: Backend) {
    let app = TestApp::start(backend).await;
    let owner = app.register("owner", &["en"]).await;
    app.space(&owner, "club", "public").await;
    let visitor = app.register("visitor", &["en"]).await;
    let (thread, post) = app
        .thread(&owner, "club", "The house", "The house is big.")
        .await;
    let api = format!("/api/v1/threads/{thread}?lang=es");
    let page = format!("/t/{thread}?lang=es");
    let as_visitor = Auth::Cookie {
        user: &visitor,
        csrf: false,
    };
    app.get(&api, &visitor).await.expect(200);
    app.translate_pending().await;
    let read = app.get(&api, &visitor).await.expect(200);
    assert_eq!(
        read["posts"][0]["translation"]["body"],
        "La casa es grande."
    );
    let html = app.get(&page, as_visitor).await;
    assert!(
        html.body.to_string().contains("grande"),
        "the page shows translations"
    );

    app.patch(
        &format!("/api/v1/posts/{post}"),
        &owner,
        json!({"body": "The house is green."}),
    )
    .await
    .expect(200);
    let read = app.get(&api, &visitor).await.expect(200);
    assert_eq!(read["posts"][0]["translation"]["status"], "pending");
    assert!(!read.to_string().contains("grande"), "{read}");
    let html = app.get(&page, as_visitor).await;
    assert_eq!(html.status, 200);
    assert!(!html.body.to_string().contains("grande"), "{}", html.body);
    let own = app.get(&api, &owner).await.expect(200);
    assert_eq!(own["posts"][0]["translation"]["status"], "stale");
    assert_eq!(own["posts"][0]["translation"]["body"], "La casa es grande.");

    app.translate_pending().await;
    let read = app.get(&api, &visitor).await.expect(200);
    assert_eq!(read["posts"][0]["translation"]["body"], "La casa es verde.");

    // Routes a remote worker could have announced: on-demand languages cost only where
    // some engine reaches them.
    let announced: Vec<(String, String)> = ["de", "fr", "it", "ca"]
        .iter()
        .map(|to| ("en".to_owned(), (*to).to_owned()))
        .collect();
    pontis_models::translation::routes::announce(&app.store.db, "remote:test", &announced, None)
        .expect("announce");
    for lang in ["pt-BR", "de", "fr", "it"] {
        app.get(&format!("/api/v1/threads/{thread}?lang={lang}"), &visitor)
            .await
            .expect(200);
    }
    app.get(&format!("/api/v1/threads/{thread}?lang=ca"), &visitor)
        .await
        .expect_error(429, "on_demand_limit");
}

on_both_backends!(
    #[actix_web::test] async
    an_edit_hides_the_old_translation_from_readers_and_on_demand_is_limited,
    member_starts_a_thread_with_its_first_post,
    starting_a_thread_rejects_bad_input,
    starting_a_thread_in_an_unknown_space_is_not_found,
    banned_member_cannot_start_a_thread,
    thread_list_puts_pinned_threads_first_then_latest_activity,
    thread_list_pages_with_a_cursor,
    thread_list_rejects_a_bad_cursor,
    thread_list_rejects_a_limit_out_of_range,
    thread_list_of_a_public_space_is_readable_by_non_members,
    hidden_threads_are_listed_only_to_moderators_and_their_author,
    reading_a_thread_shows_its_posts_oldest_first,
    reading_a_thread_pages_its_posts_with_a_cursor,
    reading_a_thread_rejects_a_bad_cursor_or_limit,
    unknown_thread_is_not_found,
    thread_in_a_public_space_is_readable_by_non_members,
    hidden_thread_is_not_found_by_other_students,
    member_replies_to_a_thread,
    replying_rejects_bad_input,
    replying_to_an_unknown_thread_is_not_found,
    banned_member_cannot_reply,
    other_students_cannot_reply_to_a_hidden_thread,
    locked_thread_refuses_student_replies_but_not_moderators,
    unlocking_lets_students_reply_again,
    moderators_pin_and_unpin_threads,
    moderators_hide_and_unhide_threads,
    students_cannot_use_the_thread_switches,
    moderator_of_another_space_cannot_switch_a_thread,
    thread_switches_on_an_unknown_thread_are_not_found,
    thread_switches_take_an_optional_reason,
);
