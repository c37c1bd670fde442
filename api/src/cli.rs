//! The `pontis` command line: serve, migrate, admin.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use actix_web::HttpServer;
use actix_web::web::Data;
use clap::{Args, Parser, Subcommand};
use pontis_frontend::{Localizer, Pages};
use pontis_models::accounts::{self, NewUser};
use pontis_models::{DatabaseUrl, Db};
use pontis_search::{EmbeddedIndex, Indexer, MeiliIndex, SearchError, SearchIndex};

use pontis_translator::ct2::RunSettings;
use pontis_translator::install::Installer;
use pontis_translator::installed::{self, Installed};
use pontis_translator::pipeline::{NoCache, Pipeline, TextKind};
use pontis_translator::remote::HttpJobs;
use pontis_translator::route::Router;
use pontis_translator::worker::{DbJobs, JobSource, Worker, WorkerSettings};

use crate::config::{Config, Device, LogFormat, Overrides, SearchBackend};
use crate::rate_limit::RateLimiters;
use crate::state::AppState;

#[derive(Debug, Parser)]
#[command(name = "pontis", version, about = "A multilingual forum for schools")]
pub struct Cli {
    /// A TOML configuration file (also PONTIS_CONFIG).
    #[arg(long, global = true, env = "PONTIS_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the forum (runs pending migrations first).
    Serve {
        /// Address and port (also PONTIS_LISTEN).
        #[arg(long)]
        listen: Option<std::net::SocketAddr>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Apply pending database migrations and exit.
    Migrate {
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Administration tasks.
    Admin {
        #[command(subcommand)]
        task: AdminTask,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Print the OpenAPI document.
    Openapi,
    /// Translation models: what is installed and which language pairs it connects.
    Models {
        #[command(subcommand)]
        task: ModelsTask,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Run a translation worker against a Pontis server over HTTP(S), e.g. on a GPU box.
    Worker {
        #[command(flatten)]
        remote: RemoteWorkerArgs,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Rebuild the search index from the database (stop `pontis serve` first when the
    /// index is embedded: only one process may write it).
    Reindex {
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Translate lines from standard input, one translation per line on standard output,
    /// through the same routing, segmentation and batching as the worker.
    Translate {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// Use only this model (its name in `pontis models list`).
        #[arg(long)]
        model: Option<String>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[derive(Debug, Args)]
pub struct RemoteWorkerArgs {
    /// The forum's base URL, e.g. https://forum.example (also PONTIS_WORKER_SERVER).
    #[arg(long, env = "PONTIS_WORKER_SERVER")]
    pub server: String,
    /// A worker token from POST /api/v1/admin/workers (also PONTIS_WORKER_TOKEN).
    #[arg(long, env = "PONTIS_WORKER_TOKEN", hide_env_values = true)]
    pub token: String,
    /// Worker threads; default from the configuration (translation.worker_threads).
    #[arg(long)]
    pub threads: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum ModelsTask {
    /// Installed models and Apertium pairs, and the routes they give.
    List,
    /// Install a model: a CTranslate2 model folder with its pontis-model.json, an
    /// .argosmodel file or URL, or a package name (`en-de`) from the package index.
    Install {
        source: String,
        /// The package index URL (also translation.package_index).
        #[arg(long)]
        index: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// Data directory (also PONTIS_DATA_DIR).
    #[arg(long, global = true)]
    pub data_dir: Option<PathBuf>,
    /// sqlite://PATH or postgres://… (also PONTIS_DATABASE_URL).
    #[arg(long, global = true)]
    pub database_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AdminTask {
    /// Create a user; the password is read from the first line of standard input.
    CreateUser {
        #[arg(long)]
        handle: String,
        #[arg(long)]
        display_name: Option<String>,
        /// UI language.
        #[arg(long, default_value = "en")]
        locale: String,
        /// Languages the user reads, first language first.
        #[arg(long = "language", default_value = "en")]
        languages: Vec<String>,
        /// Make the user a global administrator.
        #[arg(long)]
        admin: bool,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
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
}

impl DatabaseArgs {
    fn overrides(&self) -> Overrides {
        Overrides {
            listen: None,
            data_dir: self.data_dir.clone(),
            database_url: self.database_url.clone(),
        }
    }
}

pub fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Serve { listen, database } => {
            let mut overrides = database.overrides();
            overrides.listen = listen;
            let config = Config::load(cli.config.as_deref(), &overrides)?;
            init_logging(config.log_format);
            serve(config)
        }
        Command::Migrate { database } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            init_logging(config.log_format);
            let db = Db::connect(&DatabaseUrl::parse(&config.database_url())?, 1)?;
            let applied = db.migrate()?;
            println!("{applied} migration(s) applied");
            Ok(())
        }
        Command::Admin { task, database } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            init_logging(config.log_format);
            let db = Db::open(&DatabaseUrl::parse(&config.database_url())?, 1)?;
            match task {
                AdminTask::CreateUser {
                    handle,
                    display_name,
                    locale,
                    languages,
                    admin,
                } => {
                    let mut password = String::new();
                    std::io::stdin().lock().read_line(&mut password)?;
                    let user = accounts::create_user(
                        &db,
                        NewUser {
                            handle,
                            password: password.trim_end_matches(['\r', '\n']).to_owned(),
                            display_name,
                            locale,
                            languages,
                            is_admin: admin,
                        },
                    )?;
                    println!("created user {} (id {})", user.handle, user.id);
                    Ok(())
                }
            }
        }
        Command::Models {
            task: ModelsTask::Install { source, index },
            database,
        } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            let installer = Installer::new(
                &config.models_dir(),
                index.or(config.translation.package_index.clone()),
            );
            let manifest = installer
                .install(&source)
                .map_err(|e| CliError::Translation(e.to_string()))?;
            let pairs: Vec<String> = manifest.pairs().iter().map(ToString::to_string).collect();
            println!("installed {} ({})", manifest.name, pairs.join(" "));
            Ok(())
        }
        Command::Models {
            task: ModelsTask::List,
            database,
        } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            let Installed { engines, problems } = load_engines(&config)?;
            for problem in &problems {
                eprintln!("not loaded: {problem}");
            }
            let mut out = std::io::stdout().lock();
            writeln!(out, "engines:")?;
            for engine in &engines {
                let pairs: Vec<String> = engine.pairs().iter().map(ToString::to_string).collect();
                writeln!(
                    out,
                    "  {:<12} {:<28} {}",
                    engine.kind().as_str(),
                    engine.model(),
                    pairs.join(" ")
                )?;
            }
            writeln!(out, "routes:")?;
            for (pair, route) in Router::new(engines).reachable_pairs() {
                writeln!(out, "  {pair:<12} {} ({})", route.model(), route.engine())?;
            }
            Ok(())
        }
        Command::Worker { remote, database } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            init_logging(config.log_format);
            let jobs: Arc<dyn JobSource> = Arc::new(HttpJobs::new(&remote.server, &remote.token));
            let threads = remote.threads.unwrap_or(config.translation.worker_threads);
            let (_, workers) = spawn_workers(&config, jobs, threads)?;
            println!("Pontis worker translating for {}", remote.server);
            for worker in workers {
                let _ = worker.join();
            }
            Ok(())
        }
        Command::Translate {
            from,
            to,
            model,
            database,
        } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            let mut engines = load_engines(&config)?.engines;
            if let Some(name) = &model {
                engines.retain(|e| e.model() == name);
            }
            translate_lines(&Pipeline::new(Router::new(engines)), &from, &to)
        }
        Command::Reindex { database } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            init_logging(config.log_format);
            let db = Db::open(&DatabaseUrl::parse(&config.database_url())?, 2)?;
            let index = open_search(&config)?;
            let documents = Indexer::new(db, index).rebuild()?;
            println!("search index rebuilt: {documents} document(s)");
            Ok(())
        }
        Command::Openapi => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &crate::app::openapi())?;
            writeln!(out)?;
            Ok(())
        }
    }
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    // A second init (tests) keeps the first subscriber.
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

pub fn state(config: &Config, db: Db, search: Arc<dyn SearchIndex>) -> Result<AppState, CliError> {
    let localizer = Arc::new(Localizer::embedded()?);
    Ok(AppState {
        db,
        search,
        pages: Pages::new(Arc::clone(&localizer))?,
        localizer,
        limits: RateLimiters::new(&config.rate_limits),
        trust_proxy: config.trust_proxy,
        models_dir: config.models_dir(),
        apertium_modes_dir: apertium_modes_dir(config).map(Path::to_path_buf),
    })
}

/// The engines the configuration points at.
fn load_engines(config: &Config) -> Result<Installed, CliError> {
    let t = &config.translation;
    let settings = RunSettings::from_names(t.device == Device::Cuda, &t.compute_type, t.threads)
        .ok_or_else(|| {
            CliError::Translation(format!("unknown compute type {:?}", t.compute_type))
        })?;
    Ok(installed::load_engines(
        &config.models_dir(),
        apertium_modes_dir(config),
        &settings,
    ))
}

/// Apertium's modes folder; an empty setting turns Apertium off.
fn apertium_modes_dir(config: &Config) -> Option<&Path> {
    let dir = &config.translation.apertium_modes_dir;
    (!dir.as_os_str().is_empty()).then_some(dir.as_path())
}

/// Lines are translated in chunks, so that one engine batch serves many lines.
fn translate_lines(pipeline: &Pipeline, from: &str, to: &str) -> Result<(), CliError> {
    const CHUNK: usize = 2048;
    let from = pontis_models::lang::normalize(from)?;
    let to = pontis_models::lang::normalize(to)?;
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
            .map_err(|e| CliError::Translation(e.to_string()))?;
        for line in done.texts {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The search backend the configuration names. A Meilisearch server that is down does not
/// stop the server: the outbox keeps every change until it answers.
pub fn open_search(config: &Config) -> Result<Arc<dyn SearchIndex>, CliError> {
    Ok(match config.search.backend {
        SearchBackend::Embedded => Arc::new(EmbeddedIndex::open(&config.search_index_dir())?),
        SearchBackend::Meilisearch => {
            let url = config.search.meilisearch_url.as_deref().ok_or_else(|| {
                CliError::Search(SearchError::Backend(
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
) -> Result<Workers, CliError> {
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
type Workers = (Arc<AtomicBool>, Vec<std::thread::JoinHandle<()>>);

/// The in-process translation workers, stopped when the server stops.
fn start_workers(config: &Config, db: &Db) -> Result<Workers, CliError> {
    if !config.translation.worker {
        return Ok((Arc::new(AtomicBool::new(false)), Vec::new()));
    }
    let jobs: Arc<dyn JobSource> = Arc::new(DbJobs::new(db.clone()));
    spawn_workers(config, jobs, config.translation.worker_threads)
}

/// Worker threads over the installed engines, each leasing from `jobs`.
fn spawn_workers(
    config: &Config,
    jobs: Arc<dyn JobSource>,
    threads: usize,
) -> Result<Workers, CliError> {
    let stop = Arc::new(AtomicBool::new(false));
    let Installed { engines, problems } = load_engines(config)?;
    for problem in &problems {
        tracing::warn!(%problem, "translation model not loaded");
    }
    tracing::info!(engines = engines.len(), "translation worker starting");
    let pipeline = Pipeline::new(Router::new(engines));
    let handles = (0..threads.max(1))
        .map(|i| {
            let worker = Worker::new(
                pipeline.clone(),
                Arc::clone(&jobs),
                WorkerSettings {
                    name: format!("{}-{}-{i}", hostname(), std::process::id()),
                    batch_jobs: config.translation.batch_jobs,
                    ..WorkerSettings::default()
                },
            );
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name(format!("translate-{i}"))
                .spawn(move || worker.run(&stop))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((stop, handles))
}

fn hostname() -> String {
    std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_owned())
        .unwrap_or_else(|_| "pontis".to_owned())
}

fn serve(config: Config) -> Result<(), CliError> {
    let url = DatabaseUrl::parse(&config.database_url())?;
    tracing::info!(database = %url.redacted(), "opening database");
    let db = Db::open(&url, config.database_pool_size)?;
    let search = open_search(&config)?;
    let (stop_indexer, indexer) = start_indexer(&config, &db, &search)?;
    let (stop_workers, workers) = start_workers(&config, &db)?;
    let state = Data::new(state(&config, db, search)?);
    actix_web::rt::System::new().block_on(async move {
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
    for worker in workers.into_iter().chain(indexer) {
        let _ = worker.join();
    }
    Ok(())
}
