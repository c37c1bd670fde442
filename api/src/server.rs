//! Start-up: opening the database and the search index, loading the translation engines,
//! and running the HTTP server with its translation workers, search indexer and email
//! sender threads.

use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use actix_web::HttpServer;
use actix_web::web::Data;
use pontis_frontend::{Localizer, Pages};
use pontis_models::translation::routes;
use pontis_models::{DatabaseUrl, Db, Delivery};
use pontis_search::{EmbeddedIndex, Indexer, MeiliIndex, SearchError, SearchIndex};
use pontis_translator::ct2::RunSettings;
use pontis_translator::installed::{self, Installed};
use pontis_translator::local::DbJobs;
use pontis_translator::pipeline::{NoCache, Pipeline, TextKind, TextOutcome};
use pontis_translator::route::Router;
use pontis_translator::worker::{JobSource, Worker, WorkerSettings};

use crate::client::TrustedProxies;
use crate::config::{Config, Device, LogFormat, SearchBackend};
use crate::hub::Hub;
use crate::rate_limit::RateLimiters;
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    Database(#[from] pontis_models::DbError),
    #[error("{0}")]
    Domain(#[from] pontis_models::Error),
    #[error(transparent)]
    Locales(#[from] pontis_frontend::LocaleError),
    #[error(transparent)]
    Pages(#[from] pontis_frontend::PageError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("cannot encode the OpenAPI document: {0}")]
    Json(#[from] serde_json::Error),
    #[error("translation: {0}")]
    Translation(String),
    #[error(transparent)]
    Search(#[from] pontis_search::SearchError),
    #[error(transparent)]
    Email(#[from] crate::mail::MailError),
    #[error(transparent)]
    Backup(#[from] crate::backup::BackupError),
    #[error("configuration: {0}")]
    Settings(String),
}

pub fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    // A second init (tests) keeps the first subscriber.
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

pub fn state(
    config: &Config,
    db: Db,
    search: Arc<dyn SearchIndex>,
) -> Result<AppState, StartError> {
    let localizer = Arc::new(Localizer::embedded()?);
    // Notifications queue email only where a mail server is configured.
    let db = db.with_delivery(Delivery {
        email: config.email.is_some(),
    });
    // Writers through this handle wake the hub: the state's `db` is the one to share.
    let (hub, db) = Hub::start(db)?;
    Ok(AppState {
        hub,
        db,
        search,
        pages: Pages::new(Arc::clone(&localizer))?,
        localizer,
        limits: RateLimiters::new(&config.rate_limits),
        on_demand_languages_per_hour: config.translation.on_demand_languages_per_hour,
        trusted_proxies: TrustedProxies::new(&config.trust_proxy),
        sessions: pontis_models::accounts::SessionPolicy {
            idle: chrono::Duration::hours(config.session_idle_hours.into()),
        },
        models_dir: config.models_dir(),
        apertium_modes_dir: apertium_modes_dir(config).map(Path::to_path_buf),
        translation_preferences: config.translation.prefer.clone(),
        metrics: Arc::new(
            crate::metrics::Metrics::new().map_err(|e| StartError::Settings(e.to_string()))?,
        ),
        metrics_token: config.metrics_token.clone(),
    })
}

/// The engines the configuration points at.
pub fn load_engines(config: &Config) -> Result<Installed, StartError> {
    let t = &config.translation;
    let settings = RunSettings::from_names(t.device == Device::Cuda, &t.compute_type, t.threads)
        .ok_or_else(|| {
            StartError::Translation(format!("unknown compute type {:?}", t.compute_type))
        })?;
    Ok(installed::load_engines(
        &config.models_dir(),
        apertium_modes_dir(config),
        &settings,
    ))
}

/// Apertium's modes folder; an empty setting turns Apertium off.
pub(crate) fn apertium_modes_dir(config: &Config) -> Option<&Path> {
    let dir = &config.translation.apertium_modes_dir;
    (!dir.as_os_str().is_empty()).then_some(dir.as_path())
}

/// Lines are translated in chunks, so that one engine batch serves many lines.
pub fn translate_lines(pipeline: &Pipeline, from: &str, to: &str) -> Result<(), StartError> {
    const CHUNK: usize = 2048;
    let from = pontis_types::lang::normalize(from).map_err(pontis_models::Error::from)?;
    let to = pontis_types::lang::normalize(to).map_err(pontis_models::Error::from)?;
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut lines = stdin.lines();
    loop {
        let chunk: Vec<String> = lines.by_ref().take(CHUNK).collect::<Result<_, _>>()?;
        if chunk.is_empty() {
            break;
        }
        let texts: Vec<(TextKind, &str)> = chunk
            .iter()
            .map(|l| (TextKind::Plain, l.as_str()))
            .collect();
        let done = pipeline
            .translate(&from, &to, &texts, &NoCache)
            .map_err(|e| StartError::Translation(e.to_string()))?;
        for (line, result) in chunk.iter().zip(&done.texts) {
            match &result.outcome {
                TextOutcome::Translated { text, .. } => writeln!(out, "{text}")?,
                // One line out for each line in: a rejected one as it came.
                TextOutcome::Rejected { reason } => {
                    tracing::warn!(%reason, "line left untranslated");
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Checks what loading the configuration cannot: the database URL, the email settings,
/// the search backend's address. Connects to nothing.
pub fn check_settings(config: &Config) -> Result<(), StartError> {
    DatabaseUrl::parse(&config.database_url())?;
    if let Some(email) = &config.email {
        crate::mail::Mailer::new(email)?;
    }
    if config.search.backend == SearchBackend::Meilisearch
        && config.search.meilisearch_url.is_none()
    {
        return Err(StartError::Settings(
            "search.backend is meilisearch but search.meilisearch_url is not set".into(),
        ));
    }
    Ok(())
}

/// The search backend the configuration names. A Meilisearch server that is down does not
/// stop the server: the outbox keeps every change until it answers.
pub fn open_search(config: &Config) -> Result<Arc<dyn SearchIndex>, StartError> {
    Ok(match config.search.backend {
        SearchBackend::Embedded => Arc::new(EmbeddedIndex::open(&config.search_index_dir())?),
        SearchBackend::Meilisearch => {
            let url = config.search.meilisearch_url.as_deref().ok_or_else(|| {
                StartError::Search(SearchError::Backend(
                    "search.backend is meilisearch but search.meilisearch_url is not set".into(),
                ))
            })?;
            Arc::new(MeiliIndex::new(
                url,
                config.search.meilisearch_api_key.as_deref(),
                &config.search.meilisearch_index,
            )?)
        }
    })
}

/// The search indexer thread, stopped with the server.
fn start_indexer(
    config: &Config,
    db: &Db,
    index: &Arc<dyn SearchIndex>,
) -> Result<Workers, StartError> {
    let stop = Arc::new(AtomicBool::new(false));
    if !config.search.indexer {
        return Ok((stop, Vec::new()));
    }
    let indexer = Indexer::new(db.clone(), Arc::clone(index));
    let watch = Arc::clone(&stop);
    let handle = std::thread::Builder::new()
        .name("search-indexer".into())
        .spawn(move || indexer.run(&watch))?;
    Ok((stop, vec![handle]))
}

/// A stop switch and the worker threads that watch it.
pub type Workers = (Arc<AtomicBool>, Vec<std::thread::JoinHandle<()>>);

/// The in-process translation workers, stopped when the server stops, and the pipeline
/// they share (none when the worker is off).
fn start_workers(config: &Config, db: &Db) -> Result<(Workers, Option<Pipeline>), StartError> {
    if !config.translation.worker {
        return Ok(((Arc::new(AtomicBool::new(false)), Vec::new()), None));
    }
    let jobs: Arc<dyn JobSource> = Arc::new(DbJobs::new(db.clone()));
    let lease_for = WorkerSettings::default().lease_for;
    let (workers, pipeline) =
        spawn_workers(config, jobs, config.translation.worker_threads, lease_for)?;
    announce_routes(db, &pipeline)?;
    Ok((workers, Some(pipeline)))
}

/// Readers may ask for what these engines reach; the announcement replaces the one this
/// machine's server made before.
fn announce_routes(db: &Db, pipeline: &Pipeline) -> Result<(), StartError> {
    let pairs = pipeline.router().route_forms();
    routes::announce(db, &format!("server:{}", hostname()), &pairs, None)?;
    Ok(())
}

/// Loads the installed engines again (after `pontis models install` or `remove`) and
/// swaps them in: batches in flight finish on the engines they started with.
pub fn reload_engines(config: &Config, db: &Db, pipeline: &Pipeline) -> Result<usize, StartError> {
    let Installed { engines, problems } = load_engines(config)?;
    for problem in &problems {
        tracing::warn!(%problem, "translation model not loaded");
    }
    let count = engines.len();
    pipeline
        .replace_router(Router::new(engines).with_preferences(config.translation.prefer.clone()));
    announce_routes(db, pipeline)?;
    Ok(count)
}

/// Reloads the engines on SIGHUP, as daemons reread their configuration.
#[cfg(unix)]
fn reload_on_hangup(config: Config, db: Db, pipeline: Pipeline) {
    use actix_web::rt::signal::unix::{SignalKind, signal};
    actix_web::rt::spawn(async move {
        let mut hangups = match signal(SignalKind::hangup()) {
            Ok(hangups) => hangups,
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGHUP: models load at start only");
                return;
            }
        };
        while hangups.recv().await.is_some() {
            let (config, db, pipeline) = (config.clone(), db.clone(), pipeline.clone());
            match actix_web::web::block(move || reload_engines(&config, &db, &pipeline)).await {
                Ok(Ok(engines)) => tracing::info!(engines, "translation engines reloaded"),
                Ok(Err(error)) => tracing::error!(%error, "reloading the engines failed"),
                Err(error) => tracing::error!(%error, "reloading the engines failed"),
            }
        }
    });
}

/// Worker threads over the installed engines, each leasing from `jobs`; with the pipeline
/// they share.
pub fn spawn_workers(
    config: &Config,
    jobs: Arc<dyn JobSource>,
    threads: usize,
    lease_for: std::time::Duration,
) -> Result<(Workers, Pipeline), StartError> {
    let stop = Arc::new(AtomicBool::new(false));
    let Installed { engines, problems } = load_engines(config)?;
    for problem in &problems {
        tracing::warn!(%problem, "translation model not loaded");
    }
    tracing::info!(engines = engines.len(), "translation worker starting");
    let pipeline =
        Pipeline::new(Router::new(engines).with_preferences(config.translation.prefer.clone()));
    let handles = (0..threads.max(1))
        .map(|i| {
            let worker = Worker::new(
                pipeline.clone(),
                Arc::clone(&jobs),
                WorkerSettings {
                    name: format!("{}-{}-{i}", hostname(), std::process::id()),
                    batch_jobs: config.translation.batch_jobs,
                    lease_for,
                    ..WorkerSettings::default()
                },
            );
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name(format!("translate-{i}"))
                .spawn(move || worker.run(&stop))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(((stop, handles), pipeline))
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_else(|_| "pontis".to_owned())
}

pub fn serve(config: Config) -> Result<(), StartError> {
    let url = DatabaseUrl::parse(&config.database_url())?;
    tracing::info!(database = %url.redacted(), "opening database");
    let db = Db::open(&url, config.database_pool_size)?;
    let search = open_search(&config)?;
    let state = Data::new(state(&config, db, Arc::clone(&search))?);
    // The workers' and the indexer's writes wake the event hub too.
    let db = state.db.clone();
    let (stop_indexer, indexer) = start_indexer(&config, &db, &search)?;
    let ((stop_workers, workers), pipeline) = start_workers(&config, &db)?;
    let (stop_mail, mail) = crate::mail::start(&config, &db)?;
    let reload = pipeline.map(|pipeline| (config.clone(), db.clone(), pipeline));
    actix_web::rt::System::new().block_on(async move {
        #[cfg(unix)]
        if let Some((config, db, pipeline)) = reload {
            reload_on_hangup(config, db, pipeline);
        }
        let mut server = HttpServer::new(move || crate::app::app(state.clone()));
        if let Some(workers) = config.http_workers {
            server = server.workers(workers);
        }
        let server = server.bind(config.listen)?;
        for addr in server.addrs() {
            println!("Pontis is serving on http://{addr}/");
        }
        server.run().await
    })?;
    stop_workers.store(true, Ordering::Relaxed);
    stop_indexer.store(true, Ordering::Relaxed);
    stop_mail.store(true, Ordering::Relaxed);
    for worker in workers.into_iter().chain(indexer).chain(mail) {
        let _ = worker.join();
    }
    Ok(())
}
