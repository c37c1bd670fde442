//! The forum core end to end, as a class would use it.

use pontis_models::Backend;
use serde_json::json;

use crate::common::TestApp;
use pontis_models::on_both_backends;

async fn two_schools_talk_and_a_teacher_moderates(backend: Backend) {
    let app = TestApp::start(backend).await;
    let teacher = app.register("ms_rossi", &["it", "en"]).await;
    let ana = app.register("ana", &["es"]).await;
    let ben = app.register("ben", &["de", "en"]).await;

    let code = app.space(&teacher, "solar-project", "members_only").await;
    app.join(&ana, "solar-project", Some(&code)).await;
    app.join(&ben, "solar-project", Some(&code)).await;

    let created = app
        .post(
            "/api/v1/spaces/solar-project/threads",
            &ana,
            json!({"title": "Paneles solares en nuestra escuela",
                   "body": "Instalamos paneles solares en el techo de nuestra escuela la semana pasada. ¿Y vosotros?"}),
        )
        .await
        .expect(201);
    assert_eq!(created["post"]["lang"], "es");
    let thread = created["thread"]["id"].as_i64().expect("thread id");

    let reply = app
        .post(
            &format!("/api/v1/threads/{thread}/posts"),
            &ben,
            json!({"body": "Wir haben letztes Jahr Solarzellen auf dem Dach unserer Turnhalle gebaut.", "lang": "de"}),
        )
        .await
        .expect(201);
    assert_eq!(reply["lang"], "de");
    assert_eq!(reply["lang_source"], "declared");
    let reply_id = reply["id"].as_i64().expect("id");

    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &ana)
        .await
        .expect(200);
    assert_eq!(page["posts"].as_array().map(Vec::len), Some(2));
    assert_eq!(page["posts"][1]["author"]["handle"], "ben");

    app.post(
        &format!("/api/v1/posts/{reply_id}/hide"),
        &teacher,
        json!({"reason": "off topic"}),
    )
    .await
    .expect(200);
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &ana)
        .await
        .expect(200);
    assert_eq!(
        page["posts"].as_array().map(Vec::len),
        Some(1),
        "hidden from other students"
    );
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &teacher)
        .await
        .expect(200);
    assert_eq!(page["posts"][1]["hidden"], true);
    assert_eq!(page["posts"][1]["hidden_reason"], "off topic");

    let log = app
        .get("/api/v1/spaces/solar-project/modlog", &teacher)
        .await
        .expect(200);
    let entry = &log["entries"][0];
    assert_eq!(entry["action"], "hide_post");
    assert_eq!(entry["post_id"], reply_id);
    assert_eq!(entry["target_user"]["handle"], "ben");
    assert_eq!(entry["reason"], "off topic");
}

async fn admins_see_the_translation_queue(backend: Backend) {
    let app = TestApp::start(backend).await;
    let admin = app.admin("root").await;
    let emma = app.register("emma", &["en"]).await;
    let sofia = app.register("sofia", &["es"]).await;
    app.space(&emma, "club", "public").await;
    app.join(&sofia, "club", None).await;
    let (thread, post) = app.thread(&emma, "club", "Our oven", "It works.").await;
    let jobs = app
        .get("/api/v1/admin/translation-jobs?state=queued", &admin)
        .await
        .expect(200);
    let mut queued: Vec<(String, i64, String)> = jobs
        .as_array()
        .expect("jobs")
        .iter()
        .map(|j| {
            (
                j["kind"].as_str().unwrap_or_default().to_owned(),
                j["source_id"].as_i64().unwrap_or_default(),
                j["target_lang"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    queued.sort();
    assert_eq!(
        queued,
        [
            ("post".to_owned(), post, "es".to_owned()),
            ("title".to_owned(), thread, "es".to_owned())
        ]
    );
    let page = app
        .get(&format!("/api/v1/threads/{thread}"), &sofia)
        .await
        .expect(200);
    assert_eq!(page["posts"][0]["translation"]["status"], "pending");
    assert_eq!(page["thread"]["title_translation"]["status"], "pending");
    assert!(
        app.get(&format!("/api/v1/threads/{thread}"), &emma)
            .await
            .expect(200)["posts"][0]["translation"]
            .is_null()
    );
    app.get("/api/v1/admin/translation-jobs", &emma)
        .await
        .expect_error(403, "permission_denied");
    app.get("/api/v1/admin/translation-jobs?limit=0", &admin)
        .await
        .expect_error(400, "invalid_limit");
}

on_both_backends!(
    #[actix_web::test] async
    two_schools_talk_and_a_teacher_moderates,
    admins_see_the_translation_queue,
);
