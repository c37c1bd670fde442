//! The outbox between the database and the index: nothing is lost while the index is down,
//! nothing is indexed twice, and a rebuild gives the same index.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use pontis_models::accounts::{NewUser, create_user};
use pontis_models::search::outbox_len;
use pontis_models::testing::TestDb;
use pontis_models::{Actor, on_both_backends, posts, spaces, threads};
use pontis_search::{
    EmbeddedIndex, Indexer, PostDocuments, ReaderScope, SearchError, SearchIndex, SearchPage,
    SearchQuery,
};
use pontis_types::{CreatePostRequest, CreateSpaceRequest, CreateThreadRequest, Visibility};

/// An index that can be switched off, like a Meilisearch server that went away.
struct Flaky {
    inner: EmbeddedIndex,
    down: AtomicBool,
}

impl Flaky {
    fn check(&self) -> Result<(), SearchError> {
        if self.down.load(Ordering::SeqCst) {
            Err(SearchError::Unavailable("switched off by the test".into()))
        } else {
            Ok(())
        }
    }
}

impl SearchIndex for Flaky {
    fn replace(&self, posts: &[PostDocuments]) -> Result<(), SearchError> {
        self.check()?;
        self.inner.replace(posts)
    }
    fn clear(&self) -> Result<(), SearchError> {
        self.check()?;
        self.inner.clear()
    }
    fn search(&self, query: &SearchQuery) -> Result<SearchPage, SearchError> {
        self.check()?;
        self.inner.search(query)
    }
    fn document_count(&self) -> Result<u64, SearchError> {
        self.check()?;
        self.inner.document_count()
    }
}

fn writer(store: &TestDb) -> Actor {
    let user = create_user(
        &store.db,
        NewUser {
            handle: "lucia".into(),
            password: "correct horse battery".into(),
            display_name: None,
            locale: "es".into(),
            languages: vec!["es".into()],
            is_admin: false,
        },
    )
    .expect("user");
    Actor {
        user_id: user.id,
        is_admin: false,
    }
}

fn find(index: &dyn SearchIndex, actor: &Actor, space: i64, text: &str) -> SearchPage {
    index
        .search(&SearchQuery {
            limit: 100,
            ..SearchQuery::new(
                text,
                ReaderScope {
                    user_id: actor.user_id,
                    lang: "es".into(),
                    readable_spaces: vec![space],
                    moderated_spaces: Vec::new(),
                },
            )
        })
        .expect("search")
}

fn writes_survive_an_outage_and_are_indexed_once(store: TestDb) {
    let db = &store.db;
    let actor = writer(&store);
    let space = spaces::create(
        db,
        &actor,
        CreateSpaceRequest {
            slug: "rios".into(),
            name: "Ríos".into(),
            description: None,
            visibility: Visibility::Public,
        },
    )
    .expect("space");
    let index = Arc::new(Flaky {
        inner: EmbeddedIndex::in_memory().expect("index"),
        down: AtomicBool::new(true),
    });
    let indexer = Indexer::new(db.clone(), Arc::clone(&index) as Arc<dyn SearchIndex>);

    // The backend is down: every write still succeeds and waits in the outbox.
    let opened = threads::create_thread(
        db,
        &actor,
        "rios",
        CreateThreadRequest {
            title: "El río Amazonas".into(),
            body: "Medimos el caudal del río.".into(),
            lang: Some("es".into()),
        },
    )
    .expect("thread");
    for n in 0..30 {
        posts::create_post(
            db,
            &actor,
            opened.thread.id,
            CreatePostRequest {
                body: format!("Medición número {n} del caudal."),
                lang: Some("es".into()),
            },
        )
        .expect("reply");
    }
    assert!(matches!(
        indexer.drain_batch(),
        Err(SearchError::Unavailable(_))
    ));
    assert_eq!(outbox_len(db).expect("outbox"), 31);

    // It comes back: everything is indexed, each post once.
    index.down.store(false, Ordering::SeqCst);
    assert_eq!(indexer.catch_up().expect("catch up"), 31);
    assert_eq!(outbox_len(db).expect("outbox"), 0);
    // 31 bodies and the opening post's title.
    assert_eq!(index.document_count().expect("count"), 32);
    let page = find(index.as_ref(), &actor, space.id, "caudal");
    assert_eq!(page.total, 31);
    assert_eq!(find(index.as_ref(), &actor, space.id, "Amazonas").total, 1);

    // Replaying is harmless, and a rebuild from the tables gives the same index.
    assert_eq!(indexer.catch_up().expect("nothing left"), 0);
    assert_eq!(indexer.rebuild().expect("rebuild"), 32);
    assert_eq!(index.document_count().expect("count"), 32);
    assert_eq!(find(index.as_ref(), &actor, space.id, "caudal").total, 31);

    // A deletion written while the backend is down is applied when it returns.
    index.down.store(true, Ordering::SeqCst);
    posts::delete_post(db, &actor, opened.post.id).expect("delete");
    assert!(indexer.catch_up().is_err());
    index.down.store(false, Ordering::SeqCst);
    indexer.catch_up().expect("catch up");
    assert_eq!(find(index.as_ref(), &actor, space.id, "Amazonas").total, 0);
    assert_eq!(index.document_count().expect("count"), 30);
}

on_both_backends!(writes_survive_an_outage_and_are_indexed_once);
