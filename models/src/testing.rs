//! One fresh database per test, on either backend, removed when the test ends.
//! PostgreSQL comes from `PONTIS_TEST_POSTGRES_URL` (default: the local server, user
//! postgres). A missing server fails the test: it is never skipped.

use std::sync::atomic::{AtomicU32, Ordering};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

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
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
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

fn unique_name() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!(
        "pontis_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        rand::random::<u32>()
    )
}

/// Writes each named test twice: `sqlite::name` and `postgres::name`, each calling
/// `name(TestDb)` with a fresh database.
#[macro_export]
macro_rules! on_both_backends {
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
