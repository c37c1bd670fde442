//! The forum's actions on both databases, below HTTP.

use pontis_models::testing::TestDb;
use pontis_models::testing::{space, user};
use pontis_models::translation::queue::ON_DEMAND_LANGUAGES_PER_HOUR;
use pontis_models::{moderation, modlog, on_both_backends, posts, spaces, threads};
use pontis_types::*;

fn thread_post_edit_round_trip(t: TestDb) {
    let db = &t.db;
    let ana = user(db, "ana", &["es"]);
    let ben = user(db, "ben", &["de", "en"]);
    let s = space(db, &ana, "solar", Visibility::Public);
    assert_eq!(s.my_role, Some(Role::Owner));
    spaces::join(db, &ben, "solar", JoinSpaceRequest::default()).expect("join");
    let created = threads::create_thread(
        db,
        &ana,
        "solar",
        CreateThreadRequest {
            title: "Energía solar en la escuela".into(),
            body: "Instalamos paneles solares en el techo de nuestra escuela la semana pasada."
                .into(),
            lang: None,
        },
    )
    .expect("thread");
    assert_eq!(created.post.lang, "es");
    assert_eq!(created.post.lang_source, LangSource::Detected);
    let reply = posts::create_post(
        db,
        &ben,
        created.thread.id,
        CreatePostRequest {
            body: "Toll!".into(),
            lang: None,
        },
    )
    .expect("reply");
    assert_eq!(
        reply.lang, "de",
        "too short to detect: the author's first language"
    );
    assert_eq!(reply.lang_source, LangSource::AuthorDefault);
    let edited = posts::edit_post(
        db,
        &ben,
        reply.id,
        EditPostRequest {
            body: "Toll, danke!".into(),
            lang: None,
        },
    )
    .expect("edit");
    assert_eq!(edited.revision, 2);
    let history = posts::revisions(db, &ben, reply.id).expect("history");
    assert_eq!(
        history.iter().map(|r| r.body.as_str()).collect::<Vec<_>>(),
        ["Toll!", "Toll, danke!"]
    );
    let page = threads::thread_page(
        db,
        &ben,
        created.thread.id,
        None,
        1,
        None,
        ON_DEMAND_LANGUAGES_PER_HOUR,
    )
    .expect("page 1");
    assert_eq!(page.posts.len(), 1);
    assert_eq!(page.thread.post_count, 2);
    let rest = threads::thread_page(
        db,
        &ben,
        created.thread.id,
        page.next_cursor.as_deref(),
        50,
        None,
        ON_DEMAND_LANGUAGES_PER_HOUR,
    )
    .expect("page 2");
    assert_eq!(rest.posts[0].id, reply.id);
    assert!(rest.next_cursor.is_none());
}

fn hidden_posts_are_for_moderators_and_authors(t: TestDb) {
    let db = &t.db;
    let teacher = user(db, "teacher", &["en"]);
    let student = user(db, "student", &["en"]);
    let other = user(db, "other", &["en"]);
    space(db, &teacher, "class", Visibility::MembersOnly);
    let code = spaces::get(db, &teacher, "class")
        .expect("space")
        .invite_code
        .expect("code");
    assert_eq!(
        spaces::join(
            db,
            &other,
            "class",
            JoinSpaceRequest {
                invite_code: Some("wrong".into())
            }
        )
        .expect_err("wrong code")
        .code(),
        "space_not_found"
    );
    for who in [&student, &other] {
        spaces::join(
            db,
            who,
            "class",
            JoinSpaceRequest {
                invite_code: Some(code.clone()),
            },
        )
        .expect("join");
    }
    let t1 = threads::create_thread(
        db,
        &student,
        "class",
        CreateThreadRequest {
            title: "Hello".into(),
            body: "Something rude".into(),
            lang: Some("en".into()),
        },
    )
    .expect("thread");
    moderation::set_post_hidden(
        db,
        &teacher,
        t1.post.id,
        true,
        ReasonRequest {
            reason: Some("rude".into()),
        },
    )
    .expect("hide");
    assert_eq!(
        posts::get_post(db, &other, t1.post.id, None)
            .expect_err("hidden")
            .code(),
        "post_not_found"
    );
    assert_eq!(
        posts::get_post(db, &student, t1.post.id, None)
            .expect("author")
            .hidden_reason
            .as_deref(),
        Some("rude")
    );
    let log = modlog::modlog(db, &teacher, "class", None, 50).expect("modlog");
    assert_eq!(log.entries[0].action, ModAction::HidePost);
    assert_eq!(
        modlog::modlog(db, &student, "class", None, 50)
            .expect_err("student")
            .code(),
        "permission_denied"
    );
}

on_both_backends!(
    thread_post_edit_round_trip,
    hidden_posts_are_for_moderators_and_authors
);
