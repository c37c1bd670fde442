//! Routes through Debian's Apertium pairs, as the test set-up installs them: a class whose
//! students read French, English, Portuguese, Italian and Catalan read one another in real
//! translations, each through the route the routing rules choose.

use pontis_models::{Backend, on_both_backends};
use serde_json::json;

use crate::common::TestApp;

async fn a_french_post_is_read_in_four_languages_through_pivots(backend: Backend) {
    let app = TestApp::start(backend).await;
    let camille = app.register("camille", &["fr"]).await;
    let readers = [
        // Reader, language, the route's models (fewest hops, then by name), words a real
        // engine produces.
        ("emma", "en", "fr-es+spa-eng", ["house", "big"]),
        ("joao", "pt", "fr-es+es-pt", ["casa", "grande"]),
        ("giulia", "it", "fr-es+spa-ita", ["casa", "grande"]),
        ("jordi", "ca", "fra-cat", ["casa", "gran"]),
    ];
    let invite = app.space(&camille, "europe", "members_only").await;
    let mut users = Vec::new();
    for (handle, lang, _, _) in &readers {
        let user = app.register(handle, &[lang]).await;
        app.join(&user, "europe", Some(&invite)).await;
        users.push(user);
    }
    let (thread, _) = app
        .thread(&camille, "europe", "Notre maison", "La maison est grande.")
        .await;
    // The helper declares English; this post is French.
    let post = app
        .post(
            &format!("/api/v1/threads/{thread}/posts"),
            &camille,
            json!({"body": "La maison est grande. Les élèves écrivent un livre.", "lang": "fr"}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .expect("post id");
    assert!(app.translate_pending().await > 0);
    for ((handle, lang, models, words), user) in readers.iter().zip(&users) {
        let read = app
            .get(&format!("/api/v1/posts/{post}"), user)
            .await
            .expect(200);
        let translation = &read["translation"];
        assert_eq!(translation["status"], "ready", "{handle}: {read}");
        assert_eq!(translation["lang"], *lang, "{handle}: {read}");
        assert_eq!(translation["engine"], "apertium", "{handle}: {read}");
        assert_eq!(translation["model"], *models, "{handle}: {read}");
        let body = translation["body"]
            .as_str()
            .unwrap_or_default()
            .to_lowercase();
        for word in words {
            assert!(
                body.contains(word),
                "{handle} reads {body:?}, without {word:?}"
            );
        }
    }
}

/// The issue's own case: a French, an English and a Portuguese student in one space read
/// each other's posts, each through the route the rules choose.
async fn french_english_and_portuguese_students_read_each_other(backend: Backend) {
    let app = TestApp::start(backend).await;
    let camille = app.register("camille", &["fr"]).await;
    let emma = app.register("emma", &["en"]).await;
    let joao = app.register("joao", &["pt"]).await;
    let invite = app.space(&camille, "europe", "members_only").await;
    app.join(&emma, "europe", Some(&invite)).await;
    app.join(&joao, "europe", Some(&invite)).await;
    let (thread, _) = app.thread(&camille, "europe", "Maison", "Maison").await;
    let students = [("fr", &camille), ("en", &emma), ("pt", &joao)];
    let texts = [
        ("fr", "La maison est grande. Les élèves écrivent un livre."),
        ("en", "The house is big. The students write a book."),
        ("pt", "A casa é grande. Os alunos escrevem um livro."),
    ];
    let mut posts = Vec::new();
    for ((lang, author), (_, text)) in students.iter().zip(texts) {
        let id = app
            .post(
                &format!("/api/v1/threads/{thread}/posts"),
                *author,
                json!({"body": text, "lang": lang}),
            )
            .await
            .expect(201)["id"]
            .as_i64()
            .expect("post id");
        posts.push((*lang, id));
    }
    app.translate_pending().await;
    // (from, to): the route's models (fewest hops, then by name), and words of the text
    // the real engines produce.
    let expected = [
        ("fr", "en", "fr-es+spa-eng", ["house", "book"]),
        ("fr", "pt", "fr-es+es-pt", ["casa", "livro"]),
        ("en", "fr", "eng-cat+cat-fra", ["maison", "livre"]),
        ("en", "pt", "en-gl+gl-pt", ["casa", "livro"]),
        ("pt", "fr", "por-cat+cat-fra", ["maison", "livre"]),
        ("pt", "en", "por-cat+cat-eng", ["big", "book"]),
    ];
    for (from, to, models, words) in expected {
        let post = posts
            .iter()
            .find(|(lang, _)| *lang == from)
            .expect("a post")
            .1;
        let reader = students
            .iter()
            .find(|(lang, _)| *lang == to)
            .expect("a reader")
            .1;
        let read = app
            .get(&format!("/api/v1/posts/{post}"), reader)
            .await
            .expect(200);
        let translation = &read["translation"];
        assert_eq!(translation["status"], "ready", "{from}→{to}: {read}");
        assert_eq!(translation["model"], models, "{from}→{to}: {read}");
        let body = translation["body"]
            .as_str()
            .unwrap_or_default()
            .to_lowercase();
        for word in words {
            assert!(
                body.contains(word),
                "{from}→{to}: {body:?} without {word:?}"
            );
        }
    }
}

async fn two_pivots_carry_breton_to_english_readers(backend: Backend) {
    let app = TestApp::start(backend).await;
    // Debian ships Breton → French only, and no French → English: nothing shorter than
    // br → fr → es → en exists. Of the two routes of three hops (through es, or through
    // ca), the names decide.
    let nolwenn = app.register("nolwenn", &["br"]).await;
    let emma = app.register("emma", &["en"]).await;
    let invite = app.space(&nolwenn, "breizh", "members_only").await;
    app.join(&emma, "breizh", Some(&invite)).await;
    let (thread, _) = app.thread(&nolwenn, "breizh", "Ti", "Ti").await;
    let post = app
        .post(
            &format!("/api/v1/threads/{thread}/posts"),
            &nolwenn,
            json!({"body": "An ti a zo bras.", "lang": "br"}),
        )
        .await
        .expect(201)["id"]
        .as_i64()
        .expect("post id");
    app.translate_pending().await;
    let read = app
        .get(&format!("/api/v1/posts/{post}"), &emma)
        .await
        .expect(200);
    assert_eq!(read["translation"]["status"], "ready", "{read}");
    assert_eq!(
        read["translation"]["model"], "br-fr+fr-es+spa-eng",
        "{read}"
    );
    let body = read["translation"]["body"].as_str().unwrap_or_default();
    assert!(body.to_lowercase().contains("house"), "{body:?}");
}

on_both_backends!(
    #[actix_web::test]
    async a_french_post_is_read_in_four_languages_through_pivots,
    french_english_and_portuguese_students_read_each_other,
    two_pivots_carry_breton_to_english_readers,
);
