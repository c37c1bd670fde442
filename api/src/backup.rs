//! `pontis backup DIR` and `pontis restore DIR`, for the embedded SQLite database.
//!
//! A backup folder holds a consistent copy of the database (`pontis.db`, taken while the
//! server runs: see [`Db::copy_to`]), each installed model's manifest (the weights are
//! large and can be installed again; the manifest says what was there, with its files'
//! checksums), and `pontis-backup.json` describing it. The embedded search index is not
//! copied: it is built from the database, by `pontis reindex` after a restore.
//! PostgreSQL is backed up with its own tools; both commands say which.

use std::path::{Path, PathBuf};

use pontis_models::{DatabaseUrl, Db};
use pontis_translator::manifest::MANIFEST_FILE;
use serde::{Deserialize, Serialize};

use crate::config::Config;

pub const DATABASE_FILE: &str = "pontis.db";
pub const DESCRIPTION_FILE: &str = "pontis-backup.json";
const MODELS_DIR: &str = "models";

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} is not empty: a backup goes into a new or empty folder")]
    NotEmpty(PathBuf),
    #[error("{0} holds no Pontis backup ({DATABASE_FILE} is missing)")]
    NoBackup(PathBuf),
    #[error(
        "{0} already holds a database: stop the server, and restore with --force to replace it"
    )]
    DatabaseExists(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] pontis_models::DbError),
    #[error("cannot write {DESCRIPTION_FILE}: {0}")]
    Describe(#[from] serde_json::Error),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io {
        path: path.to_owned(),
        source,
    }
}

/// What a backup folder holds.
#[derive(Debug, Serialize, Deserialize)]
struct Description {
    pontis_version: String,
    taken_at: chrono::DateTime<chrono::Utc>,
    database: String,
    /// The installed models, by folder name; their manifests are under `models/`.
    models: Vec<String>,
    search_index: String,
}

/// Backs up into `dir`; returns what to tell the admin, a line each.
pub fn backup(config: &Config, dir: &Path) -> Result<Vec<String>, BackupError> {
    let url = DatabaseUrl::parse(&config.database_url())?;
    if let DatabaseUrl::Postgres(_) = url {
        return Ok(vec![
            "The database is PostgreSQL: back it up with its own tools, for example".into(),
            format!(
                "  pg_dump --format=custom --file {} '{}'",
                dir.join("pontis.dump").display(),
                url.redacted()
            ),
        ]);
    }
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    if std::fs::read_dir(dir).map_err(io(dir))?.next().is_some() {
        return Err(BackupError::NotEmpty(dir.to_owned()));
    }
    let db = Db::connect(&url, 1)?;
    let database = dir.join(DATABASE_FILE);
    db.copy_to(&database)?;
    let models = copy_manifests(&config.models_dir(), &dir.join(MODELS_DIR))?;
    let description = Description {
        pontis_version: env!("CARGO_PKG_VERSION").to_owned(),
        taken_at: chrono::Utc::now(),
        database: DATABASE_FILE.to_owned(),
        models: models.clone(),
        search_index: "not copied: run `pontis reindex` after restoring".to_owned(),
    };
    let described = dir.join(DESCRIPTION_FILE);
    std::fs::write(&described, serde_json::to_string_pretty(&description)?)
        .map_err(io(&described))?;
    Ok(vec![
        format!("database copied to {}", database.display()),
        format!("{} model manifest(s) recorded", models.len()),
        "the search index is not copied: run `pontis reindex` after restoring".into(),
    ])
}

/// Each installed model's manifest, into `target/<folder>/`; returns the folders' names.
fn copy_manifests(models_dir: &Path, target: &Path) -> Result<Vec<String>, BackupError> {
    let mut names = Vec::new();
    let Ok(entries) = std::fs::read_dir(models_dir) else {
        return Ok(names);
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let manifest = entry.path().join(MANIFEST_FILE);
        // Hidden folders are installs in progress.
        if name.starts_with('.') || !manifest.is_file() {
            continue;
        }
        let folder = target.join(&name);
        std::fs::create_dir_all(&folder).map_err(io(&folder))?;
        std::fs::copy(&manifest, folder.join(MANIFEST_FILE)).map_err(io(&manifest))?;
        names.push(name);
    }
    names.sort();
    Ok(names)
}

/// Restores the database of the backup in `dir` into the configured data directory,
/// brings it up to this version's schema, and returns what to tell the admin. An
/// existing database is replaced only with `force`.
pub fn restore(config: &Config, dir: &Path, force: bool) -> Result<Vec<String>, BackupError> {
    let url = DatabaseUrl::parse(&config.database_url())?;
    let DatabaseUrl::Sqlite(target) = &url else {
        return Ok(vec![
            "The database is PostgreSQL: restore it with its own tools, for example".into(),
            format!(
                "  pg_restore --clean --if-exists --dbname '{}' {}",
                url.redacted(),
                dir.join("pontis.dump").display()
            ),
        ]);
    };
    let source = dir.join(DATABASE_FILE);
    if !source.is_file() {
        return Err(BackupError::NoBackup(dir.to_owned()));
    }
    if target.exists() && !force {
        return Err(BackupError::DatabaseExists(target.clone()));
    }
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    // Copied beside the target, then renamed over it: never half a database in place.
    let incoming = target.with_extension("db.restoring");
    std::fs::copy(&source, &incoming).map_err(io(&incoming))?;
    for stale in ["db-wal", "db-shm"] {
        let path = target.with_extension(stale);
        if path.exists() {
            std::fs::remove_file(&path).map_err(io(&path))?;
        }
    }
    std::fs::rename(&incoming, target).map_err(io(target))?;
    let applied = Db::connect(&url, 1)?.migrate()?;
    let mut lines = vec![
        format!("database restored into {}", target.display()),
        format!("{applied} migration(s) applied"),
        "run `pontis reindex` to rebuild the search index before serving".into(),
    ];
    let backed_up: Vec<String> = std::fs::read_dir(dir.join(MODELS_DIR))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let mut missing: Vec<&String> = backed_up
        .iter()
        .filter(|name| !config.models_dir().join(name).join(MANIFEST_FILE).is_file())
        .collect();
    missing.sort();
    for name in missing {
        lines.push(format!(
            "model {name} was installed when the backup was taken: install it again \
             (its manifest is in {})",
            dir.join(MODELS_DIR).join(name).display()
        ));
    }
    Ok(lines)
}
