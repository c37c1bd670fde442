//! The behaviour both backends must have, run on the embedded index always and on a real
//! Meilisearch server when `PONTIS_TEST_MEILISEARCH_URL` names one.

use pontis_search::{
    DocumentKind, PostDocuments, ReaderScope, SearchDocument, SearchIndex, SearchPage, SearchQuery,
};

/// One post's documents: its original and its translations, `(lang, text)`.
fn post(id: i64, space: i64, author: i64, visible: bool, texts: &[(&str, &str)]) -> PostDocuments {
    let origin = texts[0].0;
    PostDocuments {
        post_id: id,
        documents: texts
            .iter()
            .enumerate()
            .map(|(i, (lang, text))| SearchDocument {
                id: SearchDocument::document_id(id, DocumentKind::Body, lang),
                post_id: id,
                thread_id: id,
                space_id: space,
                author_id: author,
                kind: DocumentKind::Body,
                lang: (*lang).to_owned(),
                origin_lang: origin.to_owned(),
                is_original: i == 0,
                revision: 1,
                visible,
                created_at: 1_700_000_000 + id * 86_400,
                text: (*text).to_owned(),
            })
            .collect(),
    }
}

fn reader(user: i64, lang: &str, readable: &[i64], moderated: &[i64]) -> ReaderScope {
    ReaderScope {
        user_id: user,
        lang: lang.to_owned(),
        readable_spaces: readable.to_vec(),
        moderated_spaces: moderated.to_vec(),
    }
}

fn query(text: &str, scope: ReaderScope) -> SearchQuery {
    SearchQuery::new(text, scope)
}

fn ids(page: &SearchPage) -> Vec<i64> {
    let mut ids: Vec<i64> = page.hits.iter().map(|h| h.post_id).collect();
    ids.sort_unstable();
    ids
}

fn highlighted(page: &SearchPage) -> Vec<String> {
    page.hits
        .iter()
        .flat_map(|h| {
            let chars: Vec<char> = h.snippet.text.chars().collect();
            h.snippet
                .highlights
                .iter()
                .map(move |r| chars[r.clone()].iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn solar_posts() -> Vec<PostDocuments> {
    vec![
        post(
            1,
            1,
            10,
            true,
            &[
                (
                    "pt-BR",
                    "Nossa turma mediu a energia solar no telhado da escola.",
                ),
                (
                    "en",
                    "Our class measured the solar energy on the school roof.",
                ),
                (
                    "fr",
                    "Notre classe a mesuré l'énergie solaire sur le toit de l'école.",
                ),
            ],
        ),
        post(
            2,
            1,
            11,
            true,
            &[
                (
                    "en",
                    "We built **solar panels** from a kit. See [the plan](https://example.org/energy).",
                ),
                (
                    "fr",
                    "Nous avons construit des panneaux solaires à partir d'un kit.",
                ),
            ],
        ),
        post(
            3,
            1,
            12,
            true,
            &[("en", "The football match is on Friday.")],
        ),
    ]
}

pub fn a_query_finds_posts_through_their_translations(index: &dyn SearchIndex) {
    index.replace(&solar_posts()).expect("indexing");
    let page = index
        .search(&query("énergie solaire", reader(20, "fr", &[1], &[])))
        .expect("search");
    assert_eq!(ids(&page), vec![1], "{page:?}");
    assert_eq!(page.total, 1);
    let hit = &page.hits[0];
    assert_eq!(hit.matched_lang, "fr");
    let marked = highlighted(&page);
    assert!(marked.iter().any(|w| w.contains("énergie")), "{marked:?}");

    // One result per post, although the original and two translations match.
    let page = index
        .search(&query("solar", reader(20, "en", &[1], &[])))
        .expect("search");
    assert_eq!(ids(&page), vec![1, 2], "{page:?}");
    assert_eq!(page.total, 2);
    assert!(page.hits.iter().all(|h| h.matched_lang == "en"), "{page:?}");
    // Link targets are not indexed words.
    let page = index
        .search(&query("example", reader(20, "en", &[1], &[])))
        .expect("search");
    assert!(page.hits.is_empty(), "{page:?}");
}

pub fn permissions_are_part_of_the_query(index: &dyn SearchIndex) {
    let mut posts = vec![
        post(1, 1, 10, true, &[("en", "Volcano project, part one")]),
        post(2, 1, 10, true, &[("en", "Volcano project, part two")]),
        post(3, 1, 10, true, &[("en", "Volcano project, part three")]),
        post(
            4,
            1,
            11,
            false,
            &[
                ("en", "Volcano project, hidden part"),
                ("es", "Proyecto volcán, parte oculta"),
            ],
        ),
        post(
            5,
            2,
            12,
            true,
            &[
                ("es", "Proyecto volcán privado"),
                ("en", "Private volcano project"),
            ],
        ),
    ];
    posts.push(post(
        6,
        3,
        12,
        false,
        &[("en", "Volcano project in a hidden thread")],
    ));
    index.replace(&posts).expect("indexing");

    let student = reader(30, "en", &[1], &[]);
    let page = index
        .search(&query("volcano", student.clone()))
        .expect("search");
    assert_eq!(ids(&page), vec![1, 2, 3]);
    assert_eq!(page.total, 3);
    let page = index
        .search(&query("oculta", reader(30, "es", &[1], &[])))
        .expect("search");
    assert!(
        page.hits.is_empty(),
        "hidden post found through its translation: {page:?}"
    );

    // Pages split the same posts, and counts are counts of what the reader may see.
    let mut first = query("volcano", student.clone());
    first.limit = 2;
    let page_one = index.search(&first).expect("search");
    first.offset = 2;
    let page_two = index.search(&first).expect("search");
    assert_eq!(page_one.total, 3);
    assert_eq!(page_one.hits.len(), 2);
    assert_eq!(page_two.hits.len(), 1);
    let mut seen = ids(&page_one);
    seen.extend(ids(&page_two));
    seen.sort_unstable();
    assert_eq!(seen, vec![1, 2, 3]);

    let moderator = reader(31, "en", &[1, 2], &[1]);
    assert_eq!(
        ids(&index.search(&query("volcano", moderator)).expect("search")),
        vec![1, 2, 3, 4, 5]
    );
    let author = reader(11, "en", &[1], &[]);
    assert_eq!(
        ids(&index.search(&query("volcano", author)).expect("search")),
        vec![1, 2, 3, 4]
    );

    // A space outside the scope stays out even when asked for by id.
    let mut asked = query("volcano", student);
    asked.space_id = Some(2);
    assert!(index.search(&asked).expect("search").hits.is_empty());
}

pub fn filters_narrow_results(index: &dyn SearchIndex) {
    index.replace(&solar_posts()).expect("indexing");
    let scope = reader(20, "en", &[1], &[]);
    let mut by_author = query("solar", scope.clone());
    by_author.author_id = Some(11);
    assert_eq!(ids(&index.search(&by_author).expect("search")), vec![2]);
    let mut by_origin = query("solar", scope.clone());
    by_origin.origin_lang = Some("pt-BR".into());
    assert_eq!(ids(&index.search(&by_origin).expect("search")), vec![1]);
    let mut by_date = query("solar", scope);
    by_date.since = Some(1_700_000_000 + 2 * 86_400);
    assert_eq!(ids(&index.search(&by_date).expect("search")), vec![2]);
    by_date.since = None;
    by_date.until = Some(1_700_000_000 + 86_400);
    assert_eq!(ids(&index.search(&by_date).expect("search")), vec![1]);
}

pub fn replacing_is_idempotent_and_empty_documents_remove_a_post(index: &dyn SearchIndex) {
    let posts = solar_posts();
    index.replace(&posts).expect("indexing");
    let count = index.document_count().expect("count");
    assert_eq!(count, 6);
    index.replace(&posts).expect("indexing again");
    assert_eq!(index.document_count().expect("count"), count);

    // An edit replaces every document of the post.
    let edited = post(
        2,
        1,
        11,
        true,
        &[("en", "We built a wind turbine instead.")],
    );
    index.replace(&[edited]).expect("edit");
    let scope = reader(20, "en", &[1], &[]);
    assert_eq!(
        ids(&index
            .search(&query("panneaux", scope.clone()))
            .expect("search")),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(&index
            .search(&query("turbine", scope.clone()))
            .expect("search")),
        vec![2]
    );

    index
        .replace(&[PostDocuments {
            post_id: 2,
            documents: Vec::new(),
        }])
        .expect("delete");
    assert!(
        index
            .search(&query("turbine", scope))
            .expect("search")
            .hits
            .is_empty()
    );
    assert_eq!(index.document_count().expect("count"), 4);
}

pub fn chinese_japanese_and_korean_posts_are_findable(index: &dyn SearchIndex) {
    index
        .replace(&[
            post(
                1,
                1,
                10,
                true,
                &[
                    ("zh", "我们的学校安装了太阳能电池板。"),
                    ("en", "Our school installed solar panels."),
                ],
            ),
            post(
                2,
                1,
                10,
                true,
                &[("ja", "学校のプロジェクトで太陽光発電を調べました。")],
            ),
            post(
                3,
                1,
                10,
                true,
                &[("ko", "우리 학교는 태양 에너지를 연구합니다.")],
            ),
        ])
        .expect("indexing");
    let scope = reader(20, "zh", &[1], &[]);
    assert_eq!(
        ids(&index
            .search(&query("太阳能", scope.clone()))
            .expect("search")),
        vec![1]
    );
    assert_eq!(
        ids(&index
            .search(&query("太陽光", scope.clone()))
            .expect("search")),
        vec![2]
    );
    assert_eq!(
        ids(&index.search(&query("에너지", scope)).expect("search")),
        vec![3]
    );
}

mod embedded {
    use pontis_search::EmbeddedIndex;

    use super::*;

    fn index() -> EmbeddedIndex {
        EmbeddedIndex::in_memory().expect("index")
    }

    #[test]
    fn a_query_finds_posts_through_their_translations() {
        super::a_query_finds_posts_through_their_translations(&index());
    }

    #[test]
    fn permissions_are_part_of_the_query() {
        super::permissions_are_part_of_the_query(&index());
    }

    #[test]
    fn filters_narrow_results() {
        super::filters_narrow_results(&index());
    }

    #[test]
    fn replacing_is_idempotent_and_empty_documents_remove_a_post() {
        super::replacing_is_idempotent_and_empty_documents_remove_a_post(&index());
    }

    #[test]
    fn chinese_japanese_and_korean_posts_are_findable() {
        super::chinese_japanese_and_korean_posts_are_findable(&index());
    }

    #[test]
    fn words_are_stemmed_and_typos_forgiven() {
        let index = index();
        index.replace(&solar_posts()).expect("indexing");
        let scope = reader(20, "en", &[1], &[]);
        // "panel" finds "panels", "mesurer" finds "mesuré".
        assert_eq!(
            ids(&index
                .search(&query("panel", scope.clone()))
                .expect("search")),
            vec![2]
        );
        assert_eq!(
            ids(&index
                .search(&query("mesurer", scope.clone()))
                .expect("search")),
            vec![1]
        );
        // Accents are optional.
        assert_eq!(
            ids(&index
                .search(&query("energie", scope.clone()))
                .expect("search")),
            vec![1]
        );
        // One typo in a longer word still finds it, when nothing matches exactly.
        assert_eq!(
            ids(&index
                .search(&query("mathc", scope.clone()))
                .expect("search")),
            vec![3]
        );
        assert!(
            index
                .search(&query("zzzzzz", scope))
                .expect("search")
                .hits
                .is_empty()
        );
    }

    #[test]
    fn the_index_survives_a_restart_on_disk() {
        let dir = tempfile::tempdir().expect("dir");
        {
            let index = EmbeddedIndex::open(dir.path()).expect("open");
            index.replace(&solar_posts()).expect("indexing");
        }
        let index = EmbeddedIndex::open(dir.path()).expect("reopen");
        assert_eq!(index.document_count().expect("count"), 6);
    }
}

/// Against a real server: `PONTIS_TEST_MEILISEARCH_URL=http://127.0.0.1:7700` (and
/// `PONTIS_TEST_MEILISEARCH_KEY` if it has a master key). Each test has its own index.
mod meilisearch {
    use pontis_search::MeiliIndex;

    use super::*;

    /// A fresh index on the server at PONTIS_TEST_MEILISEARCH_URL; these tests are
    /// ignored unless `scripts/test.sh` runs them with `--ignored` because it is set, so
    /// a missing server fails them instead of passing them.
    fn index(test: &str) -> MeiliIndex {
        let url = std::env::var("PONTIS_TEST_MEILISEARCH_URL")
            .expect("PONTIS_TEST_MEILISEARCH_URL: the Meilisearch server to test against");
        let key = std::env::var("PONTIS_TEST_MEILISEARCH_KEY").ok();
        let uid = format!("pontis-test-{test}-{}", std::process::id());
        let index = MeiliIndex::new(&url, key.as_deref(), &uid).expect("client");
        index.clear().expect("a fresh index");
        index
    }

    macro_rules! meilisearch_tests {
        ($($name:ident),*) => {$(
            #[test]
            #[ignore = "needs a Meilisearch server: set PONTIS_TEST_MEILISEARCH_URL"]
            fn $name() {
                super::$name(&index(stringify!($name)));
            }
        )*};
    }

    meilisearch_tests!(
        a_query_finds_posts_through_their_translations,
        permissions_are_part_of_the_query,
        filters_narrow_results,
        replacing_is_idempotent_and_empty_documents_remove_a_post,
        chinese_japanese_and_korean_posts_are_findable
    );
}
