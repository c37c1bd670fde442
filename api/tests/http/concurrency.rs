//! Many clients posting to one thread at once lose nothing and see no "database is locked".

use futures_util::future::join_all;
use pontis_models::Backend;
use serde_json::json;

use crate::common::TestApp;
use pontis_models::on_both_backends;

const CLIENTS: usize = 24;
const POSTS_EACH: usize = 5;

async fn concurrent_replies_all_land(backend: Backend) {
    let app = TestApp::start(backend).await;
    let owner = app.register("owner", &["en"]).await;
    app.space(&owner, "busy", "public").await;
    let (thread, _) = app
        .thread(&owner, "busy", "Everyone at once", "Reply here")
        .await;
    let mut students = Vec::new();
    for i in 0..CLIENTS {
        let student = app.register(&format!("student_{i}"), &["en"]).await;
        app.join(&student, "busy", None).await;
        students.push(student);
    }
    let replies = students.iter().enumerate().flat_map(|(i, student)| {
        let app = &app;
        (0..POSTS_EACH).map(move |n| async move {
            app.post(
                &format!("/api/v1/threads/{thread}/posts"),
                student,
                json!({"body": format!("Reply {n} from student {i}"), "lang": "en"}),
            )
            .await
        })
    });
    let results = join_all(replies).await;
    for reply in &results {
        assert_eq!(reply.status, 201, "{}", reply.body);
    }
    let mut bodies = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/threads/{thread}?limit=100&cursor={c}"),
            None => format!("/api/v1/threads/{thread}?limit=100"),
        };
        let page = app.get(&path, &owner).await.expect(200);
        for post in page["posts"].as_array().expect("posts") {
            bodies.push(post["body"].as_str().expect("body").to_owned());
        }
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => {
                assert_eq!(
                    page["thread"]["post_count"],
                    (CLIENTS * POSTS_EACH + 1) as i64
                );
                break;
            }
        }
    }
    assert_eq!(bodies.len(), CLIENTS * POSTS_EACH + 1);
    for i in 0..CLIENTS {
        for n in 0..POSTS_EACH {
            let expected = format!("Reply {n} from student {i}");
            assert_eq!(
                bodies.iter().filter(|b| **b == expected).count(),
                1,
                "{expected}"
            );
        }
    }
}

on_both_backends!(
    #[actix_web::test]
    async concurrent_replies_all_land
);
