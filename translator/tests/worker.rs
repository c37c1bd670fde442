//! The worker against a real database (SQLite and PostgreSQL) and real engines.

mod support;

use std::sync::Arc;
use std::time::Duration;

use pontis_models::testing::TestDb;
use pontis_models::{Actor, Db, accounts, on_both_backends, posts, spaces, threads};
use pontis_translator::local::DbJobs;
use pontis_translator::pipeline::Pipeline;
use pontis_translator::route::Router;
use pontis_translator::worker::{JobSource, Worker, WorkerSettings};
use pontis_translator::{Engine, LangPair};
use pontis_types::*;

use support::{Counting, apertium, load_ct2, make_model};

fn user(db: &Db, handle: &str, langs: &[&str]) -> Actor {
    let view = accounts::create_user(
        db,
        accounts::NewUser {
            handle: handle.into(),
            password: "long enough secret".into(),
            display_name: None,
            locale: langs[0].into(),
            languages: langs.iter().map(|l| l.to_string()).collect(),
            is_admin: false,
        },
    )
    .expect("create user");
    Actor {
        user_id: view.id,
        is_admin: false,
    }
}

/// An English author and a Spanish reader in one space.
fn class(db: &Db) -> (Actor, Actor) {
    let author = user(db, "author", &["en"]);
    let reader = user(db, "reader", &["es"]);
    spaces::create(
        db,
        &author,
        CreateSpaceRequest {
            slug: "club".into(),
            name: "Club".into(),
            description: None,
            visibility: Visibility::Public,
        },
    )
    .expect("space");
    spaces::join(db, &reader, "club", JoinSpaceRequest::default()).expect("join");
    (author, reader)
}

fn worker(db: &Db, engine: Arc<dyn Engine>, name: &str) -> Worker {
    Worker::new(
        Pipeline::new(Router::new(vec![engine])),
        Arc::new(DbJobs::new(db.clone())),
        WorkerSettings {
            name: name.into(),
            ..WorkerSettings::default()
        },
    )
}

fn english_post_reaches_a_spanish_reader_and_edits_follow(t: TestDb) {
    let db = &t.db;
    let (author, reader) = class(db);
    let counting = Counting::new(apertium("eng-spa"));
    let worker = worker(db, counting.clone(), "w1");
    let created = threads::create_thread(
        db,
        &author,
        "club",
        CreateThreadRequest {
            title: "The house".into(),
            body: "The house is big. It is red.\n\n```\nThe house is big.\n```\n".into(),
            lang: Some("en".into()),
        },
    )
    .expect("thread");
    let pending =
        threads::thread_page(db, &reader, created.thread.id, None, 50, None).expect("page");
    assert_eq!(
        pending.posts[0].translation.as_ref().map(|t| t.status),
        Some(TranslationStatus::Pending)
    );

    assert_eq!(
        worker.run_once().expect("work"),
        2,
        "the post and its title"
    );
    let page = threads::thread_page(db, &reader, created.thread.id, None, 50, None).expect("page");
    let translation = page.posts[0].translation.clone().expect("translated");
    assert_eq!(translation.status, TranslationStatus::Ready);
    assert_eq!(translation.lang, "es");
    assert_eq!(translation.engine.as_deref(), Some("apertium"));
    assert_eq!(translation.model.as_deref(), Some("eng-spa"));
    assert_eq!(
        translation.body.as_deref(),
        Some("La casa es grande. Es rojo.\n\n```\nThe house is big.\n```"),
        "prose translated, code kept"
    );
    assert_eq!(
        page.thread
            .title_translation
            .and_then(|t| t.body)
            .as_deref(),
        Some("La casa")
    );
    assert!(
        threads::thread_page(db, &author, created.thread.id, None, 50, None)
            .expect("page")
            .posts[0]
            .translation
            .is_none(),
        "the author reads the original"
    );
    assert_eq!(counting.take(), 3, "three distinct sentences");

    posts::edit_post(
        db,
        &author,
        created.post.id,
        EditPostRequest {
            body: "The house is big. It is green.\n\n```\nThe house is big.\n```\n".into(),
            lang: None,
        },
    )
    .expect("edit");
    let stale = threads::thread_page(db, &reader, created.thread.id, None, 50, None).expect("page");
    let stale = stale.posts[0].translation.clone().expect("still shown");
    assert_eq!(
        stale.status,
        TranslationStatus::Stale,
        "the old translation is not shown as current"
    );
    assert_eq!(
        stale.body.as_deref(),
        Some("La casa es grande. Es rojo.\n\n```\nThe house is big.\n```")
    );

    worker.run_once().expect("work");
    assert_eq!(
        counting.take(),
        1,
        "only the changed sentence goes to the engine"
    );
    let fresh = threads::thread_page(db, &reader, created.thread.id, None, 50, None).expect("page");
    let fresh = fresh.posts[0].translation.clone().expect("translated");
    assert_eq!(fresh.status, TranslationStatus::Ready);
    assert_eq!(
        fresh.body.as_deref(),
        Some("La casa es grande. Es verde.\n\n```\nThe house is big.\n```")
    );
}

fn stored_translation_is_what_ctranslate2_returns(t: TestDb) {
    let db = &t.db;
    let dir = tempfile::tempdir().expect("tempdir");
    make_model(dir.path(), &["--from", "en", "--to", "es"]);
    let engine: Arc<dyn Engine> = Arc::new(load_ct2(dir.path()));
    let (author, reader) = class(db);
    let body = "tok10 tok11 tok12! tok42 tok43?\n\n- tok7 [tok8](https://example.org/a_b) `tok9`";
    let created = threads::create_thread(
        db,
        &author,
        "club",
        CreateThreadRequest {
            title: "tok5 tok6".into(),
            body: body.into(),
            lang: Some("en".into()),
        },
    )
    .expect("thread");
    worker(db, engine.clone(), "w1").run_once().expect("work");
    let page = threads::thread_page(db, &reader, created.thread.id, None, 50, None).expect("page");
    let stored = page.posts[0]
        .translation
        .clone()
        .and_then(|t| t.body)
        .expect("translated");
    let direct = engine
        .translate(
            &LangPair::new("en", "es"),
            &[
                "tok10 tok11 tok12!".into(),
                "tok42 tok43?".into(),
                "tok7".into(),
                "tok8".into(),
            ],
        )
        .expect("direct");
    assert_eq!(
        stored,
        format!(
            "{} {}\n\n- {} [{}](https://example.org/a_b) `tok9`",
            direct[0], direct[1], direct[2], direct[3]
        ),
        "the stored text is the engine's, in the post's structure"
    );
}

fn a_killed_worker_loses_no_job_and_duplicates_no_translation(t: TestDb) {
    let db = &t.db;
    let (author, _reader) = class(db);
    for n in 0..3 {
        threads::create_thread(
            db,
            &author,
            "club",
            CreateThreadRequest {
                title: format!("House {n}"),
                body: "The house is big.".into(),
                lang: Some("en".into()),
            },
        )
        .expect("thread");
    }
    let jobs = DbJobs::new(db.clone());
    // This worker leases everything, then dies mid-batch: it never hands anything back.
    let doomed = jobs
        .lease("doomed", 100, Duration::from_millis(200))
        .expect("lease");
    assert_eq!(doomed.len(), 6);
    assert!(
        jobs.lease("other", 100, Duration::from_secs(60))
            .expect("lease")
            .is_empty(),
        "leased jobs are taken"
    );
    std::thread::sleep(Duration::from_millis(300));

    let survivor = worker(db, apertium("eng-spa"), "survivor");
    assert_eq!(
        survivor.run_once().expect("work"),
        6,
        "expired leases are taken over"
    );
    let late = JobOutcome::Translated {
        text: "duplicate".into(),
        engine: "x".into(),
        model: "x".into(),
    };
    for job in &doomed {
        assert!(
            !jobs.complete("doomed", job, &late).expect("complete"),
            "a lost lease cannot write"
        );
    }
    let reader = user(db, "late_reader", &["es"]);
    spaces::join(db, &reader, "club", JoinSpaceRequest::default()).expect("join");
    let listed = threads::list_threads(db, &reader, "club", None, 50).expect("threads");
    for thread in listed.threads {
        let page = threads::thread_page(db, &reader, thread.id, None, 50, None).expect("page");
        assert_eq!(
            page.posts[0]
                .translation
                .clone()
                .and_then(|t| t.body)
                .as_deref(),
            Some("La casa es grande.")
        );
    }
}

fn unreachable_pairs_stop_with_a_note(t: TestDb) {
    let db = &t.db;
    let author = user(db, "autor", &["de"]);
    let reader = user(db, "lector", &["es"]);
    spaces::create(
        db,
        &author,
        CreateSpaceRequest {
            slug: "club".into(),
            name: "Club".into(),
            description: None,
            visibility: Visibility::Public,
        },
    )
    .expect("space");
    spaces::join(db, &reader, "club", JoinSpaceRequest::default()).expect("join");
    let created = threads::create_thread(
        db,
        &author,
        "club",
        CreateThreadRequest {
            title: "Das Haus".into(),
            body: "Das Haus ist groß.".into(),
            lang: Some("de".into()),
        },
    )
    .expect("thread");
    let worker = worker(db, apertium("eng-spa"), "w1");
    assert_eq!(worker.run_once().expect("work"), 2);
    assert_eq!(worker.run_once().expect("work"), 0, "not retried");
    let page = threads::thread_page(db, &reader, created.thread.id, None, 50, None).expect("page");
    let translation = page.posts[0].translation.clone().expect("a note");
    assert_eq!(translation.status, TranslationStatus::Unavailable);
    assert!(translation.body.is_none());
}

on_both_backends!(
    english_post_reaches_a_spanish_reader_and_edits_follow,
    stored_translation_is_what_ctranslate2_returns,
    a_killed_worker_loses_no_job_and_duplicates_no_translation,
    unreachable_pairs_stop_with_a_note,
);
