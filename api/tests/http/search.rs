//! GET /api/v1/search: a query in one language finds posts written in another through their
//! real (Apertium) translations, and nobody ever finds what they may not read.

use pontis_models::Backend;
use pontis_search::Indexer;
use serde_json::{Value, json};

use crate::common::{TestApp, TestUser};
use pontis_models::on_both_backends;

/// Starts a thread in Spanish; returns its opening post's id.
async fn spanish_thread(
    app: &TestApp,
    author: &TestUser,
    slug: &str,
    title: &str,
    body: &str,
) -> i64 {
    app.post(
        &format!("/api/v1/spaces/{slug}/threads"),
        author,
        json!({"title": title, "body": body, "lang": "es"}),
    )
    .await
    .expect(201)["post"]["id"]
        .as_i64()
        .expect("post id")
}

async fn search(app: &TestApp, reader: &TestUser, query: &str) -> Value {
    app.get(&format!("/api/v1/search?{query}"), reader)
        .await
        .expect(200)
}

fn found(results: &Value) -> Vec<i64> {
    results["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["post"]["id"].as_i64().expect("post id"))
        .collect()
}

async fn a_spanish_post_is_found_by_an_english_query_and_shown_in_english(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("club", "members_only").await;
    let post = spanish_thread(&app, &class.ana, "club", "Mi hogar", "La casa es grande.").await;
    assert!(app.translate_pending().await > 0);
    app.index_search();

    // The owner reads only English; Apertium put the post into English for them.
    let results = search(&app, &class.owner, "q=house").await;
    assert_eq!(found(&results), vec![post], "{results}");
    assert_eq!(results["total"], 1);
    assert_eq!(results["lang"], "en");
    let hit = &results["results"][0];
    assert_eq!(hit["matched_lang"], "en");
    assert_eq!(hit["matched_in"], "body");
    assert_eq!(hit["post"]["lang"], "es");
    let translation = &hit["post"]["translation"];
    assert_eq!(translation["lang"], "en");
    assert_eq!(translation["status"], "ready");
    assert_eq!(translation["engine"], "apertium");
    let english = translation["body"].as_str().expect("translated body");
    assert!(english.to_lowercase().contains("house"), "{english}");
    let thread = app
        .get(
            &format!("/api/v1/threads/{}", hit["thread"]["id"]),
            &class.owner,
        )
        .await
        .expect(200);
    assert_eq!(thread["posts"][0]["translation"]["body"], english);
    // The snippet marks the word that matched.
    let snippet = hit["snippet"]["text"].as_str().expect("snippet");
    let [start, end] = [
        &hit["snippet"]["highlights"][0][0],
        &hit["snippet"]["highlights"][0][1],
    ]
    .map(|v| v.as_u64().expect("offset") as usize);
    let marked: String = snippet.chars().skip(start).take(end - start).collect();
    assert_eq!(marked.to_lowercase(), "house", "{hit}");

    // The original's words find it too; the title is a document of the opening post.
    let by_original = search(&app, &class.owner, "q=casa").await;
    assert_eq!(found(&by_original), vec![post]);
    let results = search(&app, &class.ben, "q=hogar&lang=es").await;
    assert_eq!(found(&results), vec![post]);
    assert_eq!(results["results"][0]["matched_in"], "title");
}

async fn nothing_private_hidden_or_deleted_is_ever_found(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("secret", "members_only").await;
    let carrot = spanish_thread(
        &app,
        &class.ana,
        "secret",
        "Huerto",
        "La zanahoria es naranja.",
    )
    .await;
    app.translate_pending().await;
    app.index_search();
    assert_eq!(
        found(&search(&app, &class.ben, "q=carrot").await),
        vec![carrot]
    );

    // Outside the members-only space: neither the original nor the translation is found.
    for query in ["q=zanahoria", "q=carrot", "q=huerto"] {
        let results = search(&app, &class.outsider, query).await;
        assert_eq!(results["total"], 0, "{query}: {results}");
        assert_eq!(found(&results), Vec::<i64>::new());
    }
    app.get("/api/v1/search?q=carrot&space=secret", &class.outsider)
        .await
        .expect_error(404, "space_not_found");

    // Hidden: gone for students at once, before the index catches up, and after.
    app.post(
        &format!("/api/v1/posts/{carrot}/hide"),
        &class.teacher,
        json!({"reason": "off topic"}),
    )
    .await
    .expect(200);
    assert!(found(&search(&app, &class.ben, "q=carrot").await).is_empty());
    app.index_search();
    for query in ["q=carrot", "q=zanahoria"] {
        let results = search(&app, &class.ben, query).await;
        assert_eq!(results["total"], 0, "{query}: {results}");
    }
    // Its moderators and its author still find it.
    assert_eq!(
        found(&search(&app, &class.teacher, "q=carrot").await),
        vec![carrot]
    );
    assert_eq!(
        found(&search(&app, &class.ana, "q=carrot").await),
        vec![carrot]
    );

    // Deleted: gone for everyone.
    app.delete(&format!("/api/v1/posts/{carrot}"), &class.ana)
        .await
        .expect(204);
    app.index_search();
    for reader in [&class.teacher, &class.ana, &class.owner] {
        assert_eq!(search(&app, reader, "q=carrot").await["total"], 0);
    }

    // A hidden thread hides its posts from everyone but moderators and their authors.
    let volcano =
        spanish_thread(&app, &class.ben, "secret", "Volcanes", "El volcán es alto.").await;
    let thread_id = app
        .get(&format!("/api/v1/posts/{volcano}"), &class.ben)
        .await
        .expect(200)["thread_id"]
        .as_i64()
        .expect("thread id");
    app.post(
        &format!("/api/v1/threads/{thread_id}/hide"),
        &class.teacher,
        json!({"reason": "unsafe"}),
    )
    .await
    .expect(200);
    app.translate_pending().await;
    app.index_search();
    assert_eq!(search(&app, &class.ana, "q=volcanes").await["total"], 0);
    assert_eq!(
        found(&search(&app, &class.ben, "q=volcanes").await),
        vec![volcano]
    );

    // A ban that hides the user's posts hides them from search too.
    let river = spanish_thread(&app, &class.ana, "secret", "El río", "El río es largo.").await;
    app.translate_pending().await;
    app.index_search();
    assert_eq!(
        found(&search(&app, &class.ben, "q=river").await),
        vec![river]
    );
    app.post(
        "/api/v1/spaces/secret/bans",
        &class.teacher,
        json!({"handle": "ana", "reason": "spam", "hide_posts": true}),
    )
    .await
    .expect(201);
    app.index_search();
    assert_eq!(search(&app, &class.ben, "q=river").await["total"], 0);
}

async fn search_checks_its_input(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("club", "public").await;
    app.get("/api/v1/search?q=house", crate::common::Auth::Anonymous)
        .await
        .expect_error(401, "unauthenticated");
    let long = "a".repeat(201);
    for (query, status, code) in [
        ("q=", 400, "search_query_empty"),
        ("q=%20%20", 400, "search_query_empty"),
        (&format!("q={long}") as &str, 400, "search_query_too_long"),
        ("q=house&cursor=nonsense", 400, "invalid_cursor"),
        ("q=house&limit=0", 400, "invalid_limit"),
        ("q=house&lang=xx-", 400, "invalid_language_tag"),
        ("q=house&origin_lang=%3F%3F", 400, "invalid_language_tag"),
        ("q=house&space=nowhere", 404, "space_not_found"),
        ("q=house&author=nobody", 404, "user_not_found"),
        ("limit=5", 400, "invalid_query"),
    ] {
        app.get(&format!("/api/v1/search?{query}"), &class.ana)
            .await
            .expect_error(status, code);
    }
    // A window that ends before it starts is no error (no schema can say so): it is empty.
    let reversed = app
        .get(
            "/api/v1/search?q=house&since=2026-02-01T00%3A00%3A00Z&until=2026-01-01T00%3A00%3A00Z",
            &class.ana,
        )
        .await
        .expect(200);
    assert_eq!(reversed["total"], 0, "{reversed}");
}

async fn filters_pages_and_a_rebuild_agree(backend: Backend) {
    let app = TestApp::start(backend).await;
    let class = app.class("club", "public").await;
    let (thread, first) = app
        .thread(
            &class.owner,
            "club",
            "Volcano project",
            "Our volcano erupts vinegar.",
        )
        .await;
    let second = app
        .reply(&class.ana, thread, "My volcano is made of clay.")
        .await;
    let third = app
        .reply(&class.ben, thread, "The volcano needs more paint.")
        .await;
    app.index_search();

    let page_one = search(&app, &class.outsider, "q=volcano&limit=2").await;
    assert_eq!(page_one["total"], 3);
    assert_eq!(found(&page_one).len(), 2);
    let cursor = page_one["next_cursor"].as_str().expect("a next page");
    let page_two = search(
        &app,
        &class.outsider,
        &format!("q=volcano&limit=2&cursor={cursor}"),
    )
    .await;
    assert_eq!(page_two["next_cursor"], Value::Null);
    let mut all = found(&page_one);
    all.extend(found(&page_two));
    all.sort_unstable();
    assert_eq!(all, vec![first, second, third]);

    assert_eq!(
        found(&search(&app, &class.outsider, "q=volcano&author=ana").await),
        vec![second]
    );
    assert_eq!(
        search(&app, &class.outsider, "q=volcano&origin_lang=en").await["total"],
        3
    );
    assert_eq!(
        search(&app, &class.outsider, "q=volcano&origin_lang=es").await["total"],
        0
    );
    assert_eq!(
        search(&app, &class.outsider, "q=volcano&space=club").await["total"],
        3
    );
    assert_eq!(
        search(
            &app,
            &class.outsider,
            "q=volcano&since=2100-01-01T00%3A00%3A00Z"
        )
        .await["total"],
        0
    );

    // `pontis reindex` rebuilds the same results from the tables.
    let before = search(&app, &class.outsider, "q=volcano").await;
    let db = app.store.db.clone();
    let index = std::sync::Arc::clone(&app.search);
    let documents = actix_web::web::block(move || Indexer::new(db, index).rebuild())
        .await
        .expect("rebuild thread")
        .expect("rebuild");
    assert_eq!(documents, 4, "three bodies and the title");
    let after = search(&app, &class.outsider, "q=volcano").await;
    assert_eq!(found(&after), found(&before));
    assert_eq!(after["total"], before["total"]);

    // Ana reads Spanish first and English too: English posts are shown as written.
    let for_ana = search(&app, &class.ana, "q=volcano").await;
    assert_eq!(for_ana["lang"], "es");
    for result in for_ana["results"].as_array().expect("results") {
        assert_eq!(result["post"]["translation"], Value::Null, "{result}");
    }
}

on_both_backends!(
    #[actix_web::test] async
    a_spanish_post_is_found_by_an_english_query_and_shown_in_english,
    nothing_private_hidden_or_deleted_is_ever_found,
    search_checks_its_input,
    filters_pages_and_a_rebuild_agree,
);
