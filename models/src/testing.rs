//! One fresh database per test, on either backend, removed when the test ends.
//! PostgreSQL comes from `PONTIS_TEST_POSTGRES_URL` (default: the local server, user
//! postgres). A missing server fails the test: it is never skipped.
//!
//! Each PostgreSQL test database is a copy of a template database that was migrated once
//! (as crates.io's test databases are), not a database that runs every migration again.
//! The template's name carries a hash of the migrations, so a changed migration makes a new
//! one; an advisory lock lets one process build it while the others wait.

use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use diesel::connection::SimpleConnection;
use diesel::sql_types::{Bool, Text};
use diesel::{Connection, PgConnection, RunQueryDsl};
use sha2::{Digest, Sha256};

use crate::db::{Backend, DatabaseUrl, Db};

pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432";

pub struct TestDb {
    pub db: Db,
    pub url: DatabaseUrl,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { server: String, name: String },
}

impl TestDb {
    pub fn new(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => Self::sqlite(),
            Backend::Postgres => Self::postgres(),
        }
    }

    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory for the test database");
        let url = DatabaseUrl::Sqlite(dir.path().join("pontis.db"));
        let db = Db::open(&url, 8).expect("open the SQLite test database");
        Self {
            db,
            url,
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    pub fn postgres() -> Self {
        let server = postgres_server();
        let name = unique_name();
        let mut admin =
            PgConnection::establish(&format!("{server}/postgres")).unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL is required for the tests and is not reachable at {server} ({e}); \
                 start it or set PONTIS_TEST_POSTGRES_URL"
                )
            });
        let template = migrated_template(&server);
        admin
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
            .expect("create the PostgreSQL test database");
        let url = DatabaseUrl::Postgres(format!("{server}/{name}"));
        let db = Db::open(&url, 8).expect("open the PostgreSQL test database");
        Self {
            db,
            url,
            cleanup: Cleanup::Postgres { server, name },
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { server, name } = &self.cleanup
            && let Ok(mut admin) = PgConnection::establish(&format!("{server}/postgres"))
        {
            // FORCE ends the pool's connections, which are still open at this point.
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

pub fn postgres_server() -> String {
    std::env::var("PONTIS_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned())
        .trim_end_matches('/')
        .to_owned()
}

/// The migrated template database, built once per migration set.
fn migrated_template(server: &str) -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = format!("pontis_template_{}", migrations_hash());
        let mut admin = PgConnection::establish(&format!("{server}/postgres"))
            .expect("connect to PostgreSQL to build the template database");
        // Any number; it only has to be the same in every test process.
        const TEMPLATE_LOCK: i64 = 0x706f_6e74_6973;
        admin
            .batch_execute(&format!("SELECT pg_advisory_lock({TEMPLATE_LOCK})"))
            .expect("lock for the template database");
        let ready: bool = diesel::select(
            diesel::dsl::sql::<Bool>(
                "EXISTS (SELECT 1 FROM pg_database WHERE datistemplate AND datname = ",
            )
            .bind::<Text, _>(&name)
            .sql(")"),
        )
        .get_result(&mut admin)
        .expect("look for the template database");
        if !ready {
            // A build that died half-way left a database that is not marked a template.
            for statement in [
                format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                format!("CREATE DATABASE {name}"),
            ] {
                admin
                    .batch_execute(&statement)
                    .expect("create the template database");
            }
            let db = Db::open(&DatabaseUrl::Postgres(format!("{server}/{name}")), 1)
                .expect("migrate the template database");
            drop(db);
            admin
                .batch_execute(&format!("ALTER DATABASE {name} WITH IS_TEMPLATE true"))
                .expect("mark the template database");
        }
        admin
            .batch_execute(&format!("SELECT pg_advisory_unlock({TEMPLATE_LOCK})"))
            .expect("unlock the template database");
        name
    })
}

/// A short hash of every PostgreSQL migration file, names and contents.
fn migrations_hash() -> String {
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations/postgres");
    let mut found = Vec::new();
    files(&dir, &mut found);
    found.sort();
    let mut hasher = Sha256::new();
    for path in &found {
        hasher.update(
            path.strip_prefix(&dir)
                .unwrap_or(path)
                .to_string_lossy()
                .as_bytes(),
        );
        hasher.update(std::fs::read(path).unwrap_or_default());
    }
    hex::encode(&hasher.finalize()[..8])
}

fn unique_name() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!(
        "pontis_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        rand::random::<u32>()
    )
}

/// Writes each named test twice, `sqlite::name` and `postgres::name`: the one way every
/// crate runs a test on both databases.
///
/// - `on_both_backends!(a, b)`: each `fn a(db: TestDb)` gets a fresh database.
/// - `on_both_backends!(#[actix_web::test] async a, b)`: each `async fn a(backend: Backend)`
///   runs under the given test attribute and opens what it needs itself.
#[macro_export]
macro_rules! on_both_backends {
    (#[$test:meta] async $($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[$test]
            async fn $name() {
                super::$name($crate::Backend::Sqlite).await;
            })*
        }
        mod postgres {
            $(#[$test]
            async fn $name() {
                super::$name($crate::Backend::Postgres).await;
            })*
        }
    };
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                super::$name($crate::testing::TestDb::sqlite());
            })*
        }
        mod postgres {
            $(#[test]
            fn $name() {
                super::$name($crate::testing::TestDb::postgres());
            })*
        }
    };
}

/// What SQLite's `PRAGMA integrity_check` says of the database: `["ok"]` when sound.
pub fn sqlite_integrity(db: &Db) -> Vec<String> {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Line {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let mut conn = db.reader().expect("a connection");
    match &mut *conn {
        crate::db::AnyConnection::Sqlite(c) => diesel::sql_query("PRAGMA integrity_check")
            .load::<Line>(c)
            .expect("integrity check")
            .into_iter()
            .map(|line| line.integrity_check)
            .collect(),
        crate::db::AnyConnection::Postgresql(_) => panic!("an SQLite database"),
    }
}

/// A user's email tokens as stored: (unsubscribe, confirmation of the pending address),
/// for tests that follow the links an email would carry without reading the email.
pub fn email_tokens(db: &Db, user_id: i64) -> (Option<String>, Option<String>) {
    use crate::schema::notification_settings as settings;
    use diesel::{OptionalExtension, QueryDsl};
    let found = db
        .read(|conn| {
            settings::table
                .find(user_id)
                .select((settings::unsubscribe_token, settings::confirm_token))
                .first::<(String, Option<String>)>(conn)
                .optional()
                .map_err(crate::Error::from)
        })
        .expect("read the email tokens");
    match found {
        Some((unsubscribe, confirm)) => (Some(unsubscribe), confirm),
        None => (None, None),
    }
}

/// A user who reads `langs` (the first is also their UI locale), as an actor.
pub fn user(db: &Db, handle: &str, langs: &[&str]) -> crate::Actor {
    let view = crate::accounts::create_user(
        db,
        crate::accounts::NewUser {
            handle: handle.into(),
            password: "long enough secret".into(),
            display_name: None,
            locale: langs[0].into(),
            languages: langs.iter().map(|l| l.to_string()).collect(),
            is_admin: false,
        },
    )
    .expect("create user");
    crate::Actor {
        user_id: view.id,
        is_admin: false,
    }
}

/// A space `slug` created by `owner`.
pub fn space(
    db: &Db,
    owner: &crate::Actor,
    slug: &str,
    visibility: pontis_types::Visibility,
) -> pontis_types::SpaceView {
    crate::spaces::create(
        db,
        owner,
        pontis_types::CreateSpaceRequest {
            slug: slug.into(),
            name: "Solar project".into(),
            description: None,
            visibility,
        },
    )
    .expect("create space")
}
