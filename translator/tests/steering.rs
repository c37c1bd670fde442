//! Teachers steer translation: glossary terms and names through real engines, and
//! glossary changes and approved corrections through the queue, on SQLite and PostgreSQL.

mod support;

use std::sync::Arc;

use pontis_models::testing::{self, TestDb, user};
use pontis_models::translation::{corrections, glossary, lease};
use pontis_models::{Actor, Db, Error, accounts, on_both_backends, posts, spaces, threads};
use pontis_translator::local::DbJobs;
use pontis_translator::pipeline::{NoCache, Pipeline, Text, TextKind};
use pontis_translator::route::Router;
use pontis_translator::steer::Steering;
use pontis_translator::worker::{Worker, WorkerSettings};
use pontis_types::*;

use support::{apertium, load_ct2, make_model};

const PROJECT: &str = "El proyecto Luz Verde usa paneles solares.";

/// The class glossary of these tests: a project's name never translated, and a term
/// with a fixed English translation.
fn class_glossary() -> Glossary {
    Glossary {
        entries: vec![
            GlossaryEntry {
                term: "Luz Verde".into(),
                lang: None,
                translations: Vec::new(),
            },
            GlossaryEntry {
                term: "paneles solares".into(),
                lang: Some("es".into()),
                translations: vec![TermTranslation {
                    lang: "en".into(),
                    text: "solar panels".into(),
                }],
            },
        ],
    }
}

fn steering() -> Steering {
    Steering::new(
        &[
            JobTerm {
                term: "Luz Verde".into(),
                translation: None,
            },
            JobTerm {
                term: "paneles solares".into(),
                translation: Some("solar panels".into()),
            },
        ],
        &[],
    )
}

fn translate(pipeline: &Pipeline, text: &str, steering: &Steering) -> String {
    let done = pipeline
        .translate_steered(
            "es",
            "en",
            &[Text {
                kind: TextKind::Markdown,
                text,
                steering,
            }],
            &NoCache,
        )
        .expect("translate");
    done.texts[0].text().expect("translated").to_owned()
}

#[test]
fn names_and_glossary_terms_come_through_apertium_as_the_teacher_set_them() {
    let pipeline = Pipeline::new(Router::new(vec![apertium("spa-eng")]));
    assert_eq!(
        translate(&pipeline, PROJECT, Steering::none()),
        "The project Luz Green uses solar signposts."
    );
    assert_eq!(
        translate(&pipeline, PROJECT, &steering()),
        "The project Luz Verde uses solar panels."
    );
    // In bold, at a sentence's start, in a title's plain text: the same.
    assert_eq!(
        translate(
            &pipeline,
            "**Luz Verde** mide los paneles solares del *tejado*.",
            &steering()
        ),
        "**Luz Verde** measures the solar panels of the *roof*."
    );
}

#[test]
fn names_and_glossary_terms_come_through_a_ctranslate2_model_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = dir.path().join("model");
    make_model(&model, &["--from", "es", "--to", "en"]);
    let pipeline = Pipeline::new(Router::new(vec![Arc::new(load_ct2(&model))]));
    let plain = translate(&pipeline, PROJECT, Steering::none());
    assert!(
        !plain.contains("Luz Verde") && !plain.contains("solar panels"),
        "a random model keeps neither on its own: {plain}"
    );
    let steered = translate(&pipeline, PROJECT, &steering());
    assert!(steered.contains("Luz Verde"), "{steered}");
    assert!(steered.contains("solar panels"), "{steered}");
    assert_eq!(
        steered.matches("Luz Verde").count() + steered.matches("solar panels").count(),
        2,
        "each once: {steered}"
    );
}

/// A space made by `teacher` (its owner) that `students` join.
fn space(db: &Db, slug: &str, teacher: &Actor, students: &[&Actor]) {
    testing::space(db, teacher, slug, Visibility::Public);
    for student in students {
        spaces::join(db, student, slug, JoinSpaceRequest::default()).expect("join");
    }
}

fn thread(db: &Db, author: &Actor, slug: &str, body: &str) -> ThreadWithPostView {
    threads::create_thread(
        db,
        author,
        slug,
        CreateThreadRequest {
            title: "Proyecto".into(),
            body: body.into(),
            lang: Some("es".into()),
        },
    )
    .expect("thread")
}

fn worker(db: &Db) -> Worker {
    Worker::new(
        Pipeline::new(Router::new(vec![apertium("spa-eng")])),
        Arc::new(DbJobs::new(db.clone())),
        WorkerSettings {
            name: "w1".into(),
            ..WorkerSettings::default()
        },
    )
}

fn drain(worker: &Worker) {
    while worker.run_once().expect("work") > 0 {}
}

/// What `reader` reads of a post: its English translation, and whether a teacher
/// corrected it.
fn read(db: &Db, reader: &Actor, post_id: i64) -> (String, bool) {
    let post = posts::get_post(db, reader, post_id, None).expect("post");
    let translation = post.translation.expect("translated for this reader");
    assert_eq!(
        translation.status,
        TranslationStatus::Ready,
        "{translation:?}"
    );
    (translation.body.unwrap_or_default(), translation.corrected)
}

/// A glossary change translates again, after the rest of the queue, the posts that hold
/// a changed term; only the space's teachers read or change it.
fn a_glossary_change_translates_the_posts_that_hold_its_terms_again(t: TestDb) {
    let db = &t.db;
    let teacher = user(db, "teacher", &["es"]);
    let student = user(db, "student", &["en"]);
    space(db, "energia", &teacher, &[&student]);
    let worker = worker(db);
    let project = thread(db, &teacher, "energia", PROJECT);
    let other = thread(db, &teacher, "energia", "La casa es grande.");
    drain(&worker);
    assert_eq!(
        read(db, &student, project.post.id).0,
        "The project Luz Green uses solar signposts."
    );

    assert!(matches!(
        glossary::put(db, &student, "energia", class_glossary()),
        Err(Error::PermissionDenied)
    ));
    assert!(matches!(
        glossary::get(db, &student, "energia"),
        Err(Error::PermissionDenied)
    ));
    let saved = glossary::put(db, &teacher, "energia", class_glossary()).expect("save");
    assert_eq!(saved, class_glossary());
    assert_eq!(
        glossary::get(db, &teacher, "energia").expect("read"),
        class_glossary()
    );
    let admin = admin(db);
    let queued: Vec<JobView> =
        pontis_models::translation::jobs::list_jobs(db, &admin, Some(JobState::Queued), 100)
            .expect("jobs");
    assert_eq!(
        queued
            .iter()
            .map(|j| (j.kind, j.source_id))
            .collect::<Vec<_>>(),
        [(SourceKind::Post, project.post.id)],
        "only the post that holds a changed term, not its title nor the other post"
    );
    // After everything else: a new thread's title and post are leased first.
    let newer = thread(db, &teacher, "energia", "Hola.");
    let order: Vec<(SourceKind, i64)> =
        lease::lease(db, "probe", 3, chrono::Duration::zero(), None)
            .expect("lease")
            .into_iter()
            .map(|job| (job.kind, job.source_id))
            .collect();
    assert_eq!(
        order,
        [
            (SourceKind::Title, newer.thread.id),
            (SourceKind::Post, newer.post.id),
            (SourceKind::Post, project.post.id)
        ]
    );
    drain(&worker);
    assert_eq!(
        read(db, &student, project.post.id).0,
        "The project Luz Verde uses solar panels."
    );
    assert_eq!(read(db, &student, other.post.id).0, "The house is big.");
}

fn admin(db: &Db) -> Actor {
    let view = accounts::create_user(
        db,
        accounts::NewUser {
            handle: "admin".into(),
            password: "long enough secret".into(),
            display_name: None,
            locale: "en".into(),
            languages: vec!["en".into()],
            is_admin: true,
        },
    )
    .expect("admin");
    Actor {
        user_id: view.id,
        is_admin: true,
    }
}

/// A reader flags a sentence; a student cannot approve a correction, a teacher can; the
/// correction is used for the same sentence in a new post and after an edit of another
/// sentence, never in another space, and is gone once revoked.
fn a_teachers_correction_is_used_wherever_the_sentence_appears_in_the_space(t: TestDb) {
    let db = &t.db;
    let teacher = user(db, "teacher", &["es"]);
    let student = user(db, "student", &["en"]);
    let elsewhere = user(db, "elsewhere", &["en"]);
    space(db, "energia", &teacher, &[&student]);
    space(db, "otra", &teacher, &[&elsewhere]);
    let worker = worker(db);
    let first = thread(
        db,
        &teacher,
        "energia",
        "Los paneles solares producen mucha electricidad. La casa es grande.",
    );
    drain(&worker);
    let machine = "The solar signposts produce a lot of electricity. The house is big.";
    assert_eq!(
        read(db, &student, first.post.id),
        (machine.to_owned(), false)
    );

    let sentences =
        corrections::post_sentences(db, &student, first.post.id, None).expect("sentences");
    assert_eq!(
        sentences.sentences[0],
        SentencePair {
            source: "Los paneles solares producen mucha electricidad.".into(),
            translation: "The solar signposts produce a lot of electricity.".into(),
            corrected: false,
        }
    );
    corrections::flag(
        db,
        &student,
        first.post.id,
        FlagSentenceRequest {
            lang: "en".into(),
            sentence: 0,
            suggestion: Some("The solar panels make a lot of electricity.".into()),
        },
    )
    .expect("flag");
    assert!(matches!(
        corrections::flag(
            db,
            &student,
            first.post.id,
            FlagSentenceRequest {
                lang: "en".into(),
                sentence: 2,
                suggestion: None,
            },
        ),
        Err(Error::SentenceNotFound)
    ));
    assert!(matches!(
        corrections::list(db, &student, "energia"),
        Err(Error::PermissionDenied)
    ));
    let listed = corrections::list(db, &teacher, "energia").expect("list");
    assert_eq!(listed.flags.len(), 1);
    let flag = &listed.flags[0];
    assert_eq!(
        (
            flag.source.as_str(),
            flag.machine.as_str(),
            flag.flagged_by.as_str()
        ),
        (
            "Los paneles solares producen mucha electricidad.",
            "The solar signposts produce a lot of electricity.",
            "student"
        )
    );
    let approve = |actor: &Actor| {
        corrections::approve(
            db,
            actor,
            "energia",
            ApproveCorrectionRequest {
                flag_id: flag.id,
                translation: "The solar panels make a lot of electricity.".into(),
            },
        )
    };
    assert!(matches!(approve(&student), Err(Error::PermissionDenied)));
    let correction = approve(&teacher).expect("approve");
    assert!(
        corrections::list(db, &teacher, "energia")
            .expect("list")
            .flags
            .is_empty(),
        "approving closes the flag"
    );
    drain(&worker);
    let corrected = "The solar panels make a lot of electricity. The house is big.";
    assert_eq!(
        read(db, &student, first.post.id),
        (corrected.to_owned(), true)
    );

    // The same sentence in a new post, and after an edit of the other sentence.
    let again = posts::create_post(
        db,
        &teacher,
        first.thread.id,
        CreatePostRequest {
            body: "Los paneles solares producen mucha electricidad. ¡Qué bien!".into(),
            lang: Some("es".into()),
        },
    )
    .expect("reply");
    posts::edit_post(
        db,
        &teacher,
        first.post.id,
        EditPostRequest {
            body: "Los paneles solares producen mucha electricidad. La casa es roja.".into(),
            lang: None,
        },
    )
    .expect("edit");
    // Another space, same sentence, same languages: the engine's translation.
    let other = thread(
        db,
        &teacher,
        "otra",
        "Los paneles solares producen mucha electricidad.",
    );
    drain(&worker);
    assert_eq!(
        read(db, &student, again.id).0,
        "The solar panels make a lot of electricity. What well!"
    );
    assert_eq!(
        read(db, &student, first.post.id),
        (
            "The solar panels make a lot of electricity. The house is red.".to_owned(),
            true
        )
    );
    assert_eq!(
        read(db, &elsewhere, other.post.id),
        (
            "The solar signposts produce a lot of electricity.".to_owned(),
            false
        )
    );

    assert!(matches!(
        corrections::revoke(db, &student, "energia", correction.id),
        Err(Error::PermissionDenied)
    ));
    assert!(matches!(
        corrections::revoke(db, &teacher, "otra", correction.id),
        Err(Error::CorrectionNotFound)
    ));
    corrections::revoke(db, &teacher, "energia", correction.id).expect("revoke");
    drain(&worker);
    assert_eq!(
        read(db, &student, first.post.id),
        (
            "The solar signposts produce a lot of electricity. The house is red.".to_owned(),
            false
        )
    );
    assert!(
        corrections::list(db, &teacher, "energia")
            .expect("list")
            .corrections
            .is_empty()
    );
}

on_both_backends!(
    a_glossary_change_translates_the_posts_that_hold_its_terms_again,
    a_teachers_correction_is_used_wherever_the_sentence_appears_in_the_space,
);
