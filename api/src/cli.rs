//! The `pontis` command line: serve, migrate, admin.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use actix_web::HttpServer;
use actix_web::web::Data;
use clap::{Args, Parser, Subcommand};
use pontis_frontend::Localizer;
use pontis_models::accounts::{self, NewUser};
use pontis_models::{DatabaseUrl, Db};

use crate::config::{Config, LogFormat, Overrides};
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
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("cannot encode the OpenAPI document: {0}")]
    Json(#[from] serde_json::Error),
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

pub fn state(config: &Config, db: Db) -> Result<AppState, CliError> {
    Ok(AppState {
        db,
        localizer: Localizer::embedded()?,
        limits: RateLimiters::new(&config.rate_limits),
        trust_proxy: config.trust_proxy,
    })
}

fn serve(config: Config) -> Result<(), CliError> {
    let url = DatabaseUrl::parse(&config.database_url())?;
    tracing::info!(database = %url.redacted(), "opening database");
    let db = Db::open(&url, config.database_pool_size)?;
    let state = Data::new(state(&config, db)?);
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
    Ok(())
}
