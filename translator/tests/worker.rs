//! The worker against a real database (SQLite and PostgreSQL) and real engines.

mod support;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use pontis_models::testing::TestDb;
use pontis_models::translation::queue::ON_DEMAND_LANGUAGES_PER_HOUR;
use pontis_models::{Actor, Db, accounts, on_both_backends, posts, spaces, threads, translation};
use pontis_translator::local::DbJobs;
use pontis_translator::pipeline::Pipeline;
use pontis_translator::route::Router;
use pontis_translator::worker::{JobDone, JobSource, Worker, WorkerSettings};
use pontis_translator::{Engine, LangPair};
use pontis_types::*;

use support::{Counting, Fault, Faulty, apertium, load_ct2, make_model};

fn user(db: &Db, handle: &str, langs: &[&str]) -> Actor {
    account(db, handle, langs, false)
}

fn account(db: &Db, handle: &str, langs: &[&str], is_admin: bool) -> Actor {
    let view = accounts::create_user(
        db,
        accounts::NewUser {
            handle: handle.into(),
            password: "long enough secret".into(),
            display_name: None,
            locale: langs[0].into(),
            languages: langs.iter().map(|l| l.to_string()).collect(),
            is_admin,
        },
    )
    .expect("create user");
    Actor {
        user_id: view.id,
        is_admin,
    }
}

/// The public space "club", made by `author`.
fn club(db: &Db, author: &Actor) {
    spaces::create(
        db,
        author,
        CreateSpaceRequest {
            slug: "club".into(),
            name: "Club".into(),
            description: None,
            visibility: Visibility::Public,
        },
    )
    .expect("space");
}

/// An English author and a Spanish reader in one space.
fn class(db: &Db) -> (Actor, Actor) {
    let author = user(db, "author", &["en"]);
    let reader = user(db, "reader", &["es"]);
    club(db, &author);
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
    let pending = threads::thread_page(
        db,
        &reader,
        created.thread.id,
        None,
        50,
        None,
        ON_DEMAND_LANGUAGES_PER_HOUR,
    )
    .expect("page");
    assert_eq!(
        pending.posts[0].translation.as_ref().map(|t| t.status),
        Some(TranslationStatus::Pending)
    );

    assert_eq!(
        worker.run_once().expect("work"),
        2,
        "the post and its title"
    );
    let page = threads::thread_page(
        db,
        &reader,
        created.thread.id,
        None,
        50,
        None,
        ON_DEMAND_LANGUAGES_PER_HOUR,
    )
    .expect("page");
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
        threads::thread_page(
            db,
            &author,
            created.thread.id,
            None,
            50,
            None,
            ON_DEMAND_LANGUAGES_PER_HOUR
        )
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
    let stale = threads::thread_page(
        db,
        &reader,
        created.thread.id,
        None,
        50,
        None,
        ON_DEMAND_LANGUAGES_PER_HOUR,
    )
    .expect("page");
    let stale = stale.posts[0].translation.clone().expect("still marked");
    assert_eq!(
        (stale.status, stale.body),
        (TranslationStatus::Pending, None),
        "a reader is not shown the old translation, which may say what the edit removed"
    );

    worker.run_once().expect("work");
    assert_eq!(
        counting.take(),
        1,
        "only the changed sentence goes to the engine"
    );
    let fresh = threads::thread_page(
        db,
        &reader,
        created.thread.id,
        None,
        50,
        None,
        ON_DEMAND_LANGUAGES_PER_HOUR,
    )
    .expect("page");
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
    let page = threads::thread_page(
        db,
        &reader,
        created.thread.id,
        None,
        50,
        None,
        ON_DEMAND_LANGUAGES_PER_HOUR,
    )
    .expect("page");
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
                // The link stays in its sentence: the words go to the model together.
                "tok7 tok8".into(),
            ],
        )
        .expect("direct");
    let (paragraph, item) = stored.split_once("\n\n- ").expect("the list stays a list");
    assert_eq!(paragraph, format!("{} {}", direct[0], direct[1]));
    assert!(
        item.ends_with("](https://example.org/a_b) `tok9`"),
        "the link over the last words, the code as it was: {item}"
    );
    assert_eq!(
        item.replacen('[', "", 1)
            .replace("](https://example.org/a_b)", ""),
        format!("{} `tok9`", direct[2]),
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
        .lease("doomed", 100, Duration::from_millis(200), &[])
        .expect("lease");
    assert_eq!(doomed.len(), 6);
    assert!(
        jobs.lease("other", 100, Duration::from_secs(60), &[])
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
    let late = JobDone {
        outcome: JobOutcome::Translated {
            text: "duplicate".into(),
            engine: "x".into(),
            model: "x".into(),
        },
        segments: Vec::new(),
        sentences: Vec::new(),
        guards: Vec::new(),
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
        let page = threads::thread_page(
            db,
            &reader,
            thread.id,
            None,
            50,
            None,
            ON_DEMAND_LANGUAGES_PER_HOUR,
        )
        .expect("page");
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
    club(db, &author);
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
    let page = threads::thread_page(
        db,
        &reader,
        created.thread.id,
        None,
        50,
        None,
        ON_DEMAND_LANGUAGES_PER_HOUR,
    )
    .expect("page");
    let translation = page.posts[0].translation.clone().expect("a note");
    assert_eq!(translation.status, TranslationStatus::Unavailable);
    assert!(translation.body.is_none());
}

fn admin(db: &Db) -> Actor {
    account(db, "admin", &["en"], true)
}

fn jobs_into(db: &Db, admin: &Actor, lang: &str) -> Vec<JobView> {
    translation::jobs::list_jobs(db, admin, None, 100)
        .expect("jobs")
        .into_iter()
        .filter(|j| j.target_lang == lang)
        .collect()
}

fn english_thread(db: &Db, author: &Actor, title: &str, body: &str) -> ThreadWithPostView {
    threads::create_thread(
        db,
        author,
        "club",
        CreateThreadRequest {
            title: title.into(),
            body: body.into(),
            lang: Some("en".into()),
        },
    )
    .expect("thread")
}

fn region_variants_are_one_language_and_new_languages_are_limited(t: TestDb) {
    let db = &t.db;
    let (author, _) = class(db);
    let admin = admin(db);
    let visitor = user(db, "visitor", &["en"]);
    let routes: Vec<(String, String)> = ["es", "pt", "de", "fr", "it", "ca", "gl"]
        .iter()
        .map(|to| ("en".to_owned(), (*to).to_owned()))
        .collect();
    translation::routes::announce(db, "test", &routes, None).expect("announce");
    let thread = english_thread(db, &author, "The house", "The house is big.").thread;
    let variants = [
        "pt-BR", "pt-PT", "pt-AO", "pt-MZ", "pt-CV", "pt-GW", "pt-ST", "pt-TL", "pt-MO", "pt-CH",
        "pt-LU", "pt-GQ", "pt-FR", "pt-AA",
    ];
    for variant in variants {
        let page = threads::thread_page(db, &visitor, thread.id, None, 50, Some(variant), 5)
            .expect("page in a region variant");
        assert_eq!(
            page.posts[0].translation.as_ref().map(|t| t.lang.as_str()),
            Some("pt"),
            "{variant} is read as pt"
        );
    }
    let portuguese = jobs_into(db, &admin, "pt");
    assert_eq!(
        portuguese.len(),
        2,
        "one job for the post and one for the title, for all 14 variants: {portuguese:?}"
    );
    assert!(jobs_into(db, &admin, "pt-BR").is_empty());
    for lang in ["de", "fr", "it", "ca"] {
        threads::thread_page(db, &visitor, thread.id, None, 50, Some(lang), 5)
            .expect("within the limit");
    }
    let refused = threads::thread_page(db, &visitor, thread.id, None, 50, Some("gl"), 5)
        .expect_err("a sixth new language within the hour");
    assert_eq!(refused.code(), "on_demand_limit");
    assert!(jobs_into(db, &admin, "gl").is_empty(), "nothing queued");
    threads::thread_page(db, &visitor, thread.id, None, 50, Some("pt-BR"), 5)
        .expect("a language asked for within the hour costs nothing");
    assert_eq!(
        jobs_into(db, &admin, "es").len(),
        2,
        "the member's language"
    );
    let queue =
        translation::jobs::list_jobs(db, &admin, Some(JobState::Queued), 100).expect("queue");
    let leased = DbJobs::new(db.clone())
        .lease("w", 2, Duration::from_secs(60), &[])
        .expect("lease");
    assert_eq!(
        queue.len(),
        12,
        "es, pt, de, fr, it, ca for the post and the title"
    );
    assert!(
        leased.iter().all(|j| j.target_lang == "es"),
        "a member's language outranks every on-demand one: {leased:?}"
    );
}

fn an_on_demand_language_follows_an_edit_and_hides_what_it_took_out(t: TestDb) {
    let db = &t.db;
    let author = user(db, "author", &["en"]);
    club(db, &author);
    let visitor = user(db, "visitor", &["en"]);
    let engine = apertium("eng-spa");
    let routes = Router::new(vec![engine.clone()]).route_forms();
    translation::routes::announce(db, "server:test", &routes, None).expect("announce");
    let worker = worker(db, engine, "w1");
    let created = english_thread(db, &author, "The house", "The house is big.");
    let read = |who: &Actor| {
        threads::thread_page(db, who, created.thread.id, None, 50, Some("es"), 5)
            .expect("page")
            .posts[0]
            .translation
            .clone()
            .expect("a translation view")
    };
    assert_eq!(read(&visitor).status, TranslationStatus::Pending);
    worker.run_once().expect("work");
    assert_eq!(read(&visitor).body.as_deref(), Some("La casa es grande."));

    posts::edit_post(
        db,
        &author,
        created.post.id,
        EditPostRequest {
            body: "The house is green.".into(),
            lang: None,
        },
    )
    .expect("edit");
    let hidden = read(&visitor);
    assert_eq!(hidden.status, TranslationStatus::Pending);
    assert_eq!(hidden.body, None, "the edited-out word stays out of sight");
    let previous = read(&author);
    assert_eq!(previous.status, TranslationStatus::Stale);
    assert_eq!(
        previous.body.as_deref(),
        Some("La casa es grande."),
        "the author may still open the previous translation"
    );

    worker.run_once().expect("work");
    let fresh = read(&visitor);
    assert_eq!(
        fresh.status,
        TranslationStatus::Ready,
        "the on-demand language follows"
    );
    assert_eq!(fresh.body.as_deref(), Some("La casa es verde."));
}

fn a_failing_job_fails_alone_and_a_worn_out_one_stops(t: TestDb) {
    let db = &t.db;
    let (author, reader) = class(db);
    let admin = admin(db);
    let choking = Arc::new(Faulty {
        inner: apertium("eng-spa"),
        trigger: "poison",
        fault: Fault::Fail,
    });
    let worker = worker(db, choking, "w1");
    let good = english_thread(db, &author, "The house", "The house is big.");
    let bad = english_thread(db, &author, "The car", "The poison is red.");
    assert_eq!(
        worker.run_once().expect("work"),
        4,
        "two posts and two titles"
    );
    let page = threads::thread_page(db, &reader, good.thread.id, None, 50, None, 5).expect("page");
    assert_eq!(
        page.posts[0]
            .translation
            .as_ref()
            .and_then(|t| t.body.as_deref()),
        Some("La casa es grande."),
        "its batch-mates are translated"
    );
    let failing: Vec<JobView> = jobs_into(db, &admin, "es")
        .into_iter()
        .filter(|j| j.source_id == bad.post.id && j.kind == SourceKind::Post)
        .collect();
    assert_eq!(failing.len(), 1);
    assert_eq!(failing[0].state, JobState::Queued, "retried later");
    assert_eq!(failing[0].attempts, 1);
    assert!(
        failing[0]
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("choked")),
        "{failing:?}"
    );
    assert_eq!(
        worker.run_once().expect("work"),
        0,
        "a failed job waits before its next lease"
    );

    // A job whose worker dies or hangs: leased and never completed, MAX_ATTEMPTS times.
    let retried = translation::jobs::retry(db, &admin, failing[0].id).expect("retry");
    assert_eq!((retried.state, retried.attempts), (JobState::Queued, 0));
    let jobs = DbJobs::new(db.clone());
    for _ in 0..translation::lease::MAX_ATTEMPTS {
        let leased = jobs.lease("dies", 10, Duration::ZERO, &[]).expect("lease");
        assert_eq!(leased.len(), 1, "leased again once its lease ran out");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        jobs.lease("dies", 10, Duration::ZERO, &[])
            .expect("lease")
            .is_empty()
    );
    let worn_out =
        translation::jobs::list_jobs(db, &admin, Some(JobState::Failed), 10).expect("failed jobs");
    assert_eq!(worn_out.len(), 1);
    assert!(
        worn_out[0]
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("choked")),
        "keeps its last error: {worn_out:?}"
    );
    assert!(
        translation::jobs::retry(db, &reader, worn_out[0].id).is_err(),
        "only admins retry"
    );
}

fn a_panicking_engine_does_not_stop_the_worker(t: TestDb) {
    let db = &t.db;
    let (author, reader) = class(db);
    let panicking = Arc::new(Faulty {
        inner: apertium("eng-spa"),
        trigger: "poison",
        fault: Fault::Panic,
    });
    let worker = Worker::new(
        Pipeline::new(Router::new(vec![panicking])),
        Arc::new(DbJobs::new(db.clone())),
        WorkerSettings {
            name: "w1".into(),
            batch_jobs: 1,
            lease_for: Duration::from_secs(60),
            idle_wait: Duration::from_millis(10),
            ..WorkerSettings::default()
        },
    );
    english_thread(db, &author, "The car", "The poison is red.");
    let good = english_thread(db, &author, "The house", "The house is big.");
    let stop = std::sync::atomic::AtomicBool::new(false);
    let translated = std::thread::scope(|scope| {
        scope.spawn(|| worker.run(&stop));
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        let body = loop {
            let page =
                threads::thread_page(db, &reader, good.thread.id, None, 50, None, 5).expect("page");
            let body = page.posts[0]
                .translation
                .as_ref()
                .and_then(|t| t.body.clone());
            if body.is_some() || std::time::Instant::now() > deadline {
                break body;
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        body
    });
    assert_eq!(
        translated.as_deref(),
        Some("La casa es grande."),
        "the worker went on after the panic"
    );
}

fn a_hanging_engine_is_timed_out_and_the_worker_goes_on(t: TestDb) {
    let db = &t.db;
    let (author, reader) = class(db);
    let admin = admin(db);
    // Apertium's processes start before the clock runs: on a busy machine their start
    // alone may take longer than the limit, and the limit is for a hanging engine.
    let inner = apertium("eng-spa");
    inner
        .translate(&LangPair::new("en", "es"), &["Hello.".to_owned()])
        .expect("Apertium starts");
    let hanging = Arc::new(Faulty {
        inner,
        trigger: "slow",
        fault: Fault::Hang(Duration::from_secs(5)),
    });
    let worker = Worker::new(
        Pipeline::new(Router::new(vec![hanging])),
        Arc::new(DbJobs::new(db.clone())),
        WorkerSettings {
            name: "w1".into(),
            engine_time_limit: Duration::from_millis(500),
            ..WorkerSettings::default()
        },
    );
    let stuck = english_thread(db, &author, "The car", "The car is slow.");
    let started = std::time::Instant::now();
    assert_eq!(worker.run_once().expect("work"), 2);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "the worker did not wait for the engine: {:?}",
        started.elapsed()
    );
    let timed_out: Vec<JobView> = jobs_into(db, &admin, "es")
        .into_iter()
        .filter(|j| j.source_id == stuck.post.id && j.kind == SourceKind::Post)
        .collect();
    assert!(
        timed_out[0]
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("longer than")),
        "{timed_out:?}"
    );
    let good = english_thread(db, &author, "The house", "The house is big.");
    assert_eq!(worker.run_once().expect("work"), 2, "the worker goes on");
    let page = threads::thread_page(db, &reader, good.thread.id, None, 50, None, 5).expect("page");
    assert_eq!(
        page.posts[0]
            .translation
            .as_ref()
            .and_then(|t| t.body.as_deref()),
        Some("La casa es grande.")
    );
}

fn a_language_no_route_reaches_is_unavailable_at_once_and_costs_nothing(t: TestDb) {
    let db = &t.db;
    let (author, _) = class(db);
    let admin = admin(db);
    let visitor = user(db, "visitor", &["en"]);
    let thread = english_thread(db, &author, "The house", "The house is big.").thread;
    for lang in ["ja", "ko", "ar", "uk", "el", "fi"] {
        let page = threads::thread_page(db, &visitor, thread.id, None, 50, Some(lang), 5)
            .expect("no limit for what costs nothing");
        assert_eq!(
            page.posts[0].translation.as_ref().map(|t| t.status),
            Some(TranslationStatus::Unavailable),
            "{lang}"
        );
        assert!(jobs_into(db, &admin, lang).is_empty(), "no job for {lang}");
    }
    let gone = chrono::Utc::now().naive_utc() - chrono::Duration::seconds(1);
    let pairs = [("en".to_owned(), "ja".to_owned())];
    translation::routes::announce(db, "remote:1:box", &pairs, Some(gone)).expect("announce");
    let page =
        threads::thread_page(db, &visitor, thread.id, None, 50, Some("ja"), 5).expect("page");
    assert_eq!(
        page.posts[0].translation.as_ref().map(|t| t.status),
        Some(TranslationStatus::Unavailable),
        "an expired announcement reaches nothing"
    );
    translation::routes::announce(db, "remote:1:box", &pairs, None).expect("announce");
    let page =
        threads::thread_page(db, &visitor, thread.id, None, 50, Some("ja"), 5).expect("page");
    assert_eq!(
        page.posts[0].translation.as_ref().map(|t| t.status),
        Some(TranslationStatus::Pending)
    );
    assert_eq!(
        jobs_into(db, &admin, "ja").len(),
        2,
        "the post and the title"
    );
}

/// `drain` leases the next batch while it translates this one, and works until the queue
/// is empty; once told to stop it finishes the batch in hand and leases no more.
fn a_draining_worker_leases_ahead_and_stops_after_the_batch_in_hand(t: TestDb) {
    let db = &t.db;
    let (author, _) = class(db);
    let admin = admin(db);
    for n in 0..3 {
        english_thread(db, &author, &format!("House {n}"), "The house is big.");
    }
    let worker = |name: &str| {
        Worker::new(
            Pipeline::new(Router::new(vec![apertium("eng-spa")])),
            Arc::new(DbJobs::new(db.clone())),
            WorkerSettings {
                name: name.into(),
                batch_jobs: 2,
                ..WorkerSettings::default()
            },
        )
    };
    let stopped = AtomicBool::new(true);
    assert_eq!(
        worker("w1").drain(&stopped).expect("work"),
        2,
        "told to stop: the batch in hand, none leased ahead"
    );
    assert_eq!(
        jobs_into(db, &admin, "es")
            .iter()
            .filter(|j| j.state == JobState::Leased)
            .count(),
        0
    );
    assert_eq!(
        worker("w2").drain(&AtomicBool::new(false)).expect("work"),
        4,
        "the other four jobs, two batches"
    );
    let jobs = jobs_into(db, &admin, "es");
    assert_eq!(jobs.len(), 6);
    assert!(jobs.iter().all(|j| j.state == JobState::Done), "{jobs:?}");
}

/// A translation that loops is translated again on the next route; one that no route
/// translates well fails at once, visibly; the admin page counts both per model.
fn a_translation_that_fails_a_quality_guard_takes_the_next_route_or_fails(t: TestDb) {
    let db = &t.db;
    let (author, reader) = class(db);
    let admin = admin(db);
    let looping = Arc::new(Faulty {
        inner: apertium("eng-spa"),
        trigger: "oven",
        fault: Fault::Loop,
    });
    // en→es directly on eng-spa, or else through Catalan.
    let with_a_second_route = Worker::new(
        Pipeline::new(Router::new(vec![
            looping,
            apertium("eng-cat"),
            apertium("cat-spa"),
        ])),
        Arc::new(DbJobs::new(db.clone())),
        WorkerSettings {
            name: "w1".into(),
            ..WorkerSettings::default()
        },
    );
    let oven = english_thread(db, &author, "The house", "We built a solar oven.");
    assert_eq!(with_a_second_route.run_once().expect("work"), 2);
    let page = threads::thread_page(db, &reader, oven.thread.id, None, 50, None, 5).expect("page");
    let translation = page.posts[0].translation.clone().expect("translation");
    assert_eq!(translation.status, TranslationStatus::Ready);
    assert_eq!(translation.model.as_deref(), Some("eng-cat+cat-spa"));
    assert_eq!(
        translation.body.as_deref(),
        Some("Construimos un horno solar.")
    );

    let empty = Arc::new(Faulty {
        inner: apertium("eng-spa"),
        trigger: "car",
        fault: Fault::Empty,
    });
    let only_route = worker(db, empty, "w2");
    let car = english_thread(db, &author, "The garage", "The car is red.");
    assert_eq!(only_route.run_once().expect("work"), 2);
    let failed: Vec<JobView> = jobs_into(db, &admin, "es")
        .into_iter()
        .filter(|j| j.source_id == car.post.id && j.kind == SourceKind::Post)
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(
        (failed[0].state, failed[0].attempts),
        (JobState::Failed, 1),
        "not retried: the same engine would say the same"
    );
    assert_eq!(
        failed[0].last_error.as_deref(),
        Some("failed the quality guards: empty (eng-spa)")
    );
    let page = threads::thread_page(db, &reader, car.thread.id, None, 50, None, 5).expect("page");
    assert_eq!(
        page.posts[0].translation.as_ref().map(|t| t.status),
        Some(TranslationStatus::Unavailable)
    );

    let counts: Vec<(String, QualityGuard, i64)> = translation::guards::counts(db, &admin)
        .expect("counts")
        .into_iter()
        .map(|c| (c.model, c.guard, c.hits))
        .collect();
    assert_eq!(
        counts,
        [
            ("eng-spa".to_owned(), QualityGuard::Empty, 1),
            ("eng-spa".to_owned(), QualityGuard::Looping, 1),
        ]
    );
    assert!(
        translation::guards::counts(db, &reader).is_err(),
        "admins only"
    );
}

on_both_backends!(
    a_translation_that_fails_a_quality_guard_takes_the_next_route_or_fails,
    a_draining_worker_leases_ahead_and_stops_after_the_batch_in_hand,
    a_language_no_route_reaches_is_unavailable_at_once_and_costs_nothing,
    a_hanging_engine_is_timed_out_and_the_worker_goes_on,
    a_panicking_engine_does_not_stop_the_worker,
    region_variants_are_one_language_and_new_languages_are_limited,
    an_on_demand_language_follows_an_edit_and_hides_what_it_took_out,
    a_failing_job_fails_alone_and_a_worn_out_one_stops,
    english_post_reaches_a_spanish_reader_and_edits_follow,
    stored_translation_is_what_ctranslate2_returns,
    a_killed_worker_loses_no_job_and_duplicates_no_translation,
    unreachable_pairs_stop_with_a_note,
);

/// Counts, per job, the results the database accepted.
struct Tally {
    inner: DbJobs,
    applied: std::sync::Mutex<std::collections::HashMap<i64, usize>>,
}

impl JobSource for Tally {
    fn lease(
        &self,
        worker: &str,
        limit: i64,
        lease_for: Duration,
        pairs: &[LangPair],
    ) -> Result<Vec<LeasedJob>, String> {
        self.inner.lease(worker, limit, lease_for, pairs)
    }

    fn complete(&self, worker: &str, job: &LeasedJob, done: &JobDone) -> Result<bool, String> {
        let applied = self.inner.complete(worker, job, done)?;
        if applied && let Ok(mut tally) = self.applied.lock() {
            *tally.entry(job.id).or_default() += 1;
        }
        Ok(applied)
    }

    fn cache(&self) -> &dyn pontis_translator::pipeline::SegmentCache {
        self.inner.cache()
    }
}

/// Four workers drain 2,000 jobs from one PostgreSQL database at once, each leasing its
/// next batch while it translates: each job is leased by one of them (SKIP LOCKED),
/// translated and stored exactly once.
#[test]
fn four_workers_drain_two_thousand_jobs_on_postgres_exactly_once() {
    let t = TestDb::postgres();
    let db = &t.db;
    let (author, _) = class(db);
    let admin = admin(db);
    for n in 0..1000 {
        english_thread(
            db,
            &author,
            &format!("House {n}"),
            &format!("The house {n} is big."),
        );
    }
    let source = Arc::new(Tally {
        inner: DbJobs::new(db.clone()),
        applied: Default::default(),
    });
    let engine = apertium("eng-spa");
    std::thread::scope(|scope| {
        for n in 0..4 {
            let worker = Worker::new(
                Pipeline::new(Router::new(vec![engine.clone()])),
                source.clone(),
                WorkerSettings {
                    name: format!("w{n}"),
                    batch_jobs: 4,
                    ..WorkerSettings::default()
                },
            );
            scope.spawn(move || worker.drain(&AtomicBool::new(false)).expect("work"));
        }
    });
    let applied = source.applied.lock().expect("tally").clone();
    assert_eq!(applied.len(), 2000, "every job was translated");
    assert!(
        applied.values().all(|&times| times == 1),
        "no job was stored twice"
    );
    let done = translation::jobs::list_jobs(db, &admin, Some(JobState::Done), 100).expect("jobs");
    let open = translation::jobs::list_jobs(db, &admin, Some(JobState::Queued), 100)
        .expect("jobs")
        .len()
        + translation::jobs::list_jobs(db, &admin, Some(JobState::Leased), 100)
            .expect("jobs")
            .len();
    assert_eq!((done.len(), open), (100, 0), "none left behind");
}
