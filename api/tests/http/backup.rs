//! `pontis backup` and `pontis restore`: a backup taken while posts are being written
//! restores into a new data directory that serves every post acknowledged before it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::web::Data;
use pontis_models::{Actor, DatabaseUrl, Db, testing, threads};
use pontis_search::{EmbeddedIndex, SearchIndex};
use pontis_server::app::app;
use pontis_server::backup::{self, BackupError};
use pontis_server::config::{Config, RateLimits};
use pontis_server::server;
use pontis_types::{CreateThreadRequest, Visibility};
use serde_json::{Value, json};

fn config_in(data_dir: &std::path::Path) -> Config {
    Config {
        data_dir: data_dir.to_owned(),
        rate_limits: RateLimits::unlimited(),
        ..Config::default()
    }
}

/// The one who writes, with the public space "diary".
fn author(db: &Db) -> Actor {
    let actor = testing::user(db, "writer", &["en"]);
    testing::space(db, &actor, "diary", Visibility::Public);
    actor
}

#[actix_web::test]
async fn a_backup_under_write_load_restores_every_acknowledged_post() {
    let live = tempfile::tempdir().expect("data dir");
    let config = config_in(live.path());
    let url = DatabaseUrl::parse(&config.database_url()).expect("url");
    let db = Db::open(&url, 4).expect("database");
    let actor = author(&db);

    // A writer posts as fast as it can; each post counts once its call returns.
    let acknowledged = Arc::new(Mutex::new(Vec::<(i64, String)>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, acknowledged, stop) = (db.clone(), Arc::clone(&acknowledged), Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let body = format!("Day {n}: we measured the panels again.");
                let created = threads::create_thread(
                    &db,
                    &actor,
                    "diary",
                    CreateThreadRequest {
                        title: format!("Day {n}"),
                        body: body.clone(),
                        lang: Some("en".into()),
                    },
                )
                .expect("post");
                if let Ok(mut list) = acknowledged.lock() {
                    list.push((created.post.id, body));
                }
            }
        })
    };
    let wait_for = |count: usize| {
        while acknowledged.lock().map(|l| l.len()).unwrap_or(0) < count {
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    wait_for(30);
    let before: Vec<(i64, String)> = acknowledged.lock().expect("list").clone();
    let dir = tempfile::tempdir().expect("backup dir");
    let folder = dir.path().join("monday");
    let said = backup::backup(&config, &folder).expect("backup while writing");
    let during = acknowledged.lock().expect("list").len();
    wait_for(during + 10);
    stop.store(true, Ordering::Relaxed);
    writer.join().expect("writer");
    let after = acknowledged.lock().expect("list").len();
    assert!(after > before.len(), "posts went on during the backup");
    assert!(
        said.iter().any(|line| line.contains("pontis reindex")),
        "{said:?}"
    );
    assert!(matches!(
        backup::backup(&config, &folder),
        Err(BackupError::NotEmpty(_))
    ));

    // Restored into a new data directory, and served.
    let fresh = tempfile::tempdir().expect("new data dir");
    let restored_config = config_in(fresh.path());
    backup::restore(&restored_config, &folder, false).expect("restore");
    assert!(matches!(
        backup::restore(&restored_config, &folder, false),
        Err(BackupError::DatabaseExists(_))
    ));
    let restored = Db::open(
        &DatabaseUrl::parse(&restored_config.database_url()).expect("url"),
        4,
    )
    .expect("restored database");
    assert_eq!(testing::sqlite_integrity(&restored), ["ok"]);
    let search: Arc<dyn SearchIndex> = Arc::new(EmbeddedIndex::in_memory().expect("index"));
    let state = Data::new(server::state(&restored_config, restored, search).expect("state"));
    let srv = actix_test::start(move || app(state.clone()));
    let mut login = srv
        .post("/api/v1/auth/login")
        .send_json(&json!({"handle": "writer", "password": "long enough secret"}))
        .await
        .expect("login");
    let token = login.json::<Value>().await.expect("session")["token"]
        .as_str()
        .expect("token")
        .to_owned();
    for (id, body) in &before {
        let mut answer = srv
            .get(format!("/api/v1/posts/{id}"))
            .insert_header(("Authorization", format!("Bearer {token}")))
            .send()
            .await
            .expect("get post");
        assert_eq!(answer.status(), 200, "post {id} is served");
        let post: Value = answer.json().await.expect("post");
        assert_eq!(post["body"], body.as_str());
    }
    srv.stop().await;
}

#[actix_web::test]
async fn postgres_is_backed_up_with_its_own_tools() {
    let dir = tempfile::tempdir().expect("dir");
    let config = Config {
        database_url: Some("postgres://pontis:secret@db.school.example/pontis".into()),
        ..config_in(dir.path())
    };
    let said = backup::backup(&config, &dir.path().join("b")).expect("instructions");
    assert!(said[1].contains("pg_dump --format=custom"), "{said:?}");
    assert!(!said.join("\n").contains("secret"), "no password printed");
    let said = backup::restore(&config, &dir.path().join("b"), false).expect("instructions");
    assert!(said[1].contains("pg_restore"), "{said:?}");
}
