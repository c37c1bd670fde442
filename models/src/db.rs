//! Connections and pools for SQLite and PostgreSQL, chosen by the database URL.
//!
//! Queries are written once against [`AnyConnection`]. SQLite allows one writer at a time,
//! so on SQLite every write transaction goes through a pool of exactly one connection:
//! writers queue in-process instead of failing with "database is locked".

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use diesel::connection::{Instrumentation, InstrumentationEvent, SimpleConnection};
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// The backend type queries are built for; boxed queries name it.
pub type AnyBackend = <AnyConnection as Connection>::Backend;

/// Runs `$body` with `$c` bound to the concrete connection, for what the multi-backend
/// cannot express although both databases can: `ON CONFLICT DO NOTHING`, `FOR UPDATE
/// SKIP LOCKED` (the body is type-checked once per backend).
macro_rules! on_each_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::AnyConnection::Postgresql($c) => $body,
            $crate::db::AnyConnection::Sqlite($c) => $body,
        }
    };
}
pub(crate) use on_each_backend;

/// The PostgreSQL channel on which writers announce what live readers may want to see.
pub const CHANGES_CHANNEL: &str = "pontis_changes";

thread_local! {
    /// Set by `announce` inside a write transaction, read by `Db::write` once it commits.
    /// The transaction's closure runs on the calling thread, so this cannot cross writers.
    static ANNOUNCED: Cell<bool> = const { Cell::new(false) };
}

/// Marks the current write as one live readers should hear of: after it commits, this
/// process's change hook runs, and on PostgreSQL every process LISTENing is notified.
pub(crate) fn announce(conn: &mut AnyConnection) -> Result<(), DbError> {
    if !ANNOUNCED.replace(true)
        && let AnyConnection::Postgresql(pg) = conn
    {
        // Delivered at commit, and not at all on rollback.
        pg.batch_execute(&format!("NOTIFY {CHANGES_CHANNEL}"))?;
    }
    Ok(())
}

/// Called after each committed write that announced a change.
pub type ChangeHook = Arc<dyn Fn() + Send + Sync>;

/// Where the data lives, parsed from a `sqlite://PATH` or `postgres://…` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL {0:?}: expected sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot connect to the database: {0}")]
    Connect(#[from] diesel::ConnectionError),
    #[error("database error: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("connection pool: {0}")]
    Pool(#[from] r2d2::PoolError),
    #[error("migrations failed: {0}")]
    Migration(String),
    #[error("Pontis copies only an SQLite database; back up PostgreSQL with pg_dump")]
    CopyUnsupported,
    #[error("cannot copy the database to {0}: the path is not UTF-8")]
    CopyPath(PathBuf),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, DbError> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(DbError::UnsupportedUrl(url.to_owned()));
            }
            Ok(Self::Sqlite(PathBuf::from(path)))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else {
            Err(DbError::UnsupportedUrl(url.to_owned()))
        }
    }

    /// The URL with any password replaced, for logs.
    pub fn redacted(&self) -> String {
        match self {
            Self::Sqlite(path) => format!("sqlite://{}", path.display()),
            Self::Postgres(url) => match url::Url::parse(url) {
                Ok(mut parsed) if parsed.password().is_some() => {
                    // set_password only fails for URLs that cannot have one.
                    let _ = parsed.set_password(Some("***"));
                    parsed.to_string()
                }
                _ => url.clone(),
            },
        }
    }
}

/// Whether notifications also queue email: true when the server has a mail server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivery {
    pub email: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Opens connections for r2d2, applying SQLite's per-connection settings, and counts
/// every statement they run (for benchmarks and the operator's figures).
#[derive(Debug, Clone)]
pub struct Connector {
    url: DatabaseUrl,
    queries: Arc<AtomicU64>,
}

/// Counts the statements a connection starts.
fn counting(queries: Arc<AtomicU64>) -> impl Instrumentation {
    move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { .. } = event {
            queries.fetch_add(1, Ordering::Relaxed);
        }
    }
}

impl ManageConnection for Connector {
    type Connection = AnyConnection;
    type Error = DbError;

    fn connect(&self) -> Result<AnyConnection, DbError> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy())?;
                conn.set_instrumentation(counting(Arc::clone(&self.queries)));
                // The busy timeout comes first and covers other processes (a `pontis
                // migrate` beside a running server). WAL itself is set once, in `connect`.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON;",
                )?;
                Ok(AnyConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => {
                let mut conn = diesel::PgConnection::establish(url)?;
                conn.set_instrumentation(counting(Arc::clone(&self.queries)));
                Ok(AnyConnection::Postgresql(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), DbError> {
        conn.batch_execute("SELECT 1").map_err(DbError::from)
    }

    fn has_broken(&self, _conn: &mut AnyConnection) -> bool {
        false
    }
}

pub type Conn = PooledConnection<Connector>;

/// The database handle the rest of Pontis uses: cheap to clone, safe to share.
#[derive(Clone)]
pub struct Db {
    backend: Backend,
    url: DatabaseUrl,
    /// Statements run by every connection of this handle's pools.
    queries: Arc<AtomicU64>,
    readers: Pool<Connector>,
    /// SQLite: a separate one-connection pool that serializes writers. PostgreSQL: None.
    writer: Option<Pool<Connector>>,
    delivery: Delivery,
    on_change: Option<ChangeHook>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.backend)
            .finish()
    }
}

impl Db {
    /// Connects, creating the SQLite file's directory when needed, and runs pending migrations.
    pub fn open(url: &DatabaseUrl, pool_size: u32) -> Result<Self, DbError> {
        let db = Self::connect(url, pool_size)?;
        db.migrate()?;
        Ok(db)
    }

    /// Connects without running migrations.
    pub fn connect(url: &DatabaseUrl, pool_size: u32) -> Result<Self, DbError> {
        let connector = Connector {
            url: url.clone(),
            queries: Arc::new(AtomicU64::new(0)),
        };
        if let DatabaseUrl::Sqlite(path) = url {
            ensure_parent_dir(path)?;
            // WAL lets readers run beside the writer. Switching to it takes a lock, so it
            // is done once here rather than by each pooled connection at once.
            connector
                .connect()?
                .batch_execute("PRAGMA journal_mode = WAL")?;
        }
        let build = |size: u32| {
            Pool::builder()
                .max_size(size)
                .connection_timeout(Duration::from_secs(30))
                .build(connector.clone())
        };
        let readers = build(pool_size.max(1))?;
        let (backend, writer) = match url {
            DatabaseUrl::Sqlite(_) => (Backend::Sqlite, Some(build(1)?)),
            DatabaseUrl::Postgres(_) => (Backend::Postgres, None),
        };
        Ok(Self {
            backend,
            queries: connector.queries,
            url: url.clone(),
            readers,
            writer,
            delivery: Delivery::default(),
            on_change: None,
        })
    }

    /// The same database, with notifications queuing email (or not).
    pub fn with_delivery(mut self, delivery: Delivery) -> Self {
        self.delivery = delivery;
        self
    }

    /// The same database, running `hook` after every committed write that announced a
    /// change (a post, a translation, a notification, a change of who may read what).
    pub fn with_change_hook(mut self, hook: ChangeHook) -> Self {
        self.on_change = Some(hook);
        self
    }

    /// Statements this handle's connections have run since it opened.
    pub fn queries(&self) -> u64 {
        self.queries.load(Ordering::Relaxed)
    }

    /// PostgreSQL: a thread that runs `hook` whenever any process commits an announced
    /// change (LISTEN/NOTIFY), until `stop`. SQLite: none, its writers are in-process and
    /// run the hook themselves.
    pub fn spawn_change_listener(
        &self,
        hook: ChangeHook,
        stop: Arc<AtomicBool>,
    ) -> std::io::Result<Option<std::thread::JoinHandle<()>>> {
        let DatabaseUrl::Postgres(url) = &self.url else {
            return Ok(None);
        };
        let url = url.clone();
        std::thread::Builder::new()
            .name("db-changes".into())
            .spawn(move || listen_for_changes(&url, &hook, &stop))
            .map(Some)
    }

    pub fn delivery(&self) -> Delivery {
        self.delivery
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies every pending migration of this backend; returns how many ran.
    pub fn migrate(&self) -> Result<usize, DbError> {
        let mut conn = self.writer.as_ref().unwrap_or(&self.readers).get()?;
        let applied = match &mut *conn {
            AnyConnection::Sqlite(c) => {
                c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len())
            }
            AnyConnection::Postgresql(c) => c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.len()),
        };
        applied.map_err(|e| DbError::Migration(e.to_string()))
    }

    /// A connection for reads. Reads never wait on the SQLite writer.
    pub fn reader(&self) -> Result<Conn, DbError> {
        Ok(self.readers.get()?)
    }

    /// Runs `work` in a write transaction; on SQLite, one writer at a time.
    pub fn write<T, E>(&self, work: impl FnOnce(&mut AnyConnection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError> + From<diesel::result::Error>,
    {
        let mut conn = self
            .writer
            .as_ref()
            .unwrap_or(&self.readers)
            .get()
            .map_err(DbError::from)?;
        let conn: &mut AnyConnection = &mut conn;
        ANNOUNCED.set(false);
        let done = conn.transaction(work);
        if ANNOUNCED.replace(false)
            && done.is_ok()
            && let Some(hook) = &self.on_change
        {
            hook();
        }
        done
    }

    /// Runs `work` on a read connection.
    pub fn read<T, E>(&self, work: impl FnOnce(&mut AnyConnection) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let mut conn = self.reader()?;
        work(&mut conn)
    }

    /// A consistent copy of the SQLite database at `target`, which must not exist yet,
    /// taken while the server reads and writes. `VACUUM INTO` reads the database in one
    /// transaction, so the copy holds every write committed before it began and none
    /// after, and writers go on meanwhile (WAL).
    pub fn copy_to(&self, target: &Path) -> Result<(), DbError> {
        let path = target
            .to_str()
            .ok_or_else(|| DbError::CopyPath(target.to_owned()))?;
        let mut conn = self.reader()?;
        match &mut *conn {
            AnyConnection::Sqlite(c) => {
                diesel::sql_query("VACUUM INTO ?")
                    .bind::<diesel::sql_types::Text, _>(path)
                    .execute(c)?;
                Ok(())
            }
            AnyConnection::Postgresql(_) => Err(DbError::CopyUnsupported),
        }
    }

    /// True when the database answers a trivial query.
    pub fn ping(&self) -> bool {
        self.reader()
            .and_then(|mut c| c.batch_execute("SELECT 1").map_err(DbError::from))
            .is_ok()
    }
}

/// Waits for announced changes on a connection of its own; reconnects after a failure.
fn listen_for_changes(url: &str, hook: &ChangeHook, stop: &AtomicBool) {
    const POLL: Duration = Duration::from_millis(100);
    while !stop.load(Ordering::Relaxed) {
        let listening = diesel::PgConnection::establish(url)
            .map_err(DbError::from)
            .and_then(|mut conn| {
                conn.batch_execute(&format!("LISTEN {CHANGES_CHANNEL}"))?;
                Ok(conn)
            });
        let mut conn = match listening {
            Ok(conn) => conn,
            Err(error) => {
                tracing::warn!(%error, "cannot listen for changes; trying again");
                std::thread::sleep(Duration::from_secs(1));
                continue;
            }
        };
        // Reading what the socket holds sends nothing to the server.
        let mut lost = false;
        while !lost && !stop.load(Ordering::Relaxed) {
            let mut heard = false;
            for notification in conn.notifications_iter() {
                match notification {
                    Ok(_) => heard = true,
                    Err(error) => {
                        tracing::warn!(%error, "lost the change listener's connection");
                        lost = true;
                        break;
                    }
                }
            }
            // Also after a loss: what was heard before it, or missed during it.
            if heard || lost {
                hook();
            }
            std::thread::sleep(POLL);
        }
    }
}

fn ensure_parent_dir(path: &Path) -> Result<(), DbError> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => {
            std::fs::create_dir_all(dir).map_err(|source| DbError::DataDir {
                path: dir.to_path_buf(),
                source,
            })
        }
        _ => Ok(()),
    }
}
