//! The `pontis` command line: its arguments, and which start-up path each command takes
//! (`server`).

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};
use pontis_models::accounts::{self, NewUser};
use pontis_models::{DatabaseUrl, Db};
use pontis_search::Indexer;
use pontis_translator::coverage;
use pontis_translator::install::Installer;
use pontis_translator::installed::Installed;
use pontis_translator::pipeline::Pipeline;
use pontis_translator::remote::HttpJobs;
use pontis_translator::route::Router;
use pontis_translator::worker::JobSource;

use crate::config::{Config, Overrides};
use crate::server::{
    StartError, init_logging, load_engines, open_search, serve, spawn_workers, translate_lines,
};

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
    /// Check the configuration (file, PONTIS_* variables, flags) without starting
    /// anything, and print the settings in effect, passwords masked.
    CheckConfig {
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Copy the SQLite database (consistently, while the server runs) and the installed
    /// models' manifests into a new or empty folder; for PostgreSQL, print the pg_dump
    /// command to use.
    Backup {
        dir: PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Restore a backup folder's database into the data directory (stop the server
    /// first), then run `pontis reindex`; for PostgreSQL, print the pg_restore command.
    Restore {
        dir: PathBuf,
        /// Replace an existing database.
        #[arg(long)]
        force: bool,
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
    // Tokens may start with `-`: taken as the value whatever it looks like.
    #[arg(
        long,
        env = "PONTIS_WORKER_TOKEN",
        hide_env_values = true,
        allow_hyphen_values = true
    )]
    pub token: String,
    /// Worker threads; default from the configuration (translation.worker_threads).
    #[arg(long)]
    pub threads: Option<usize>,
    /// How long a lease holds, 10 to 900 seconds: after a crash, the jobs in hand go to
    /// another worker this much later.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(10..=900))]
    pub lease_seconds: u64,
}

#[derive(Debug, Subcommand)]
pub enum ModelsTask {
    /// Installed models and Apertium pairs, and the routes they give.
    List,
    /// Every language pair the installed engines connect: how many hops, through which
    /// engines and models, and the configured preferences.
    Routes,
    /// Install a model: a CTranslate2 model folder with its pontis-model.json, an
    /// .argosmodel file or URL, a package name (`en-de`) from the package index, or a
    /// CTranslate2 model repository on the Hugging Face Hub (`hf:ORG/NAME[@REVISION]`).
    Install {
        source: String,
        /// The package index URL (also translation.package_index; `none` for none).
        #[arg(long)]
        index: Option<String>,
    },
    /// The languages members read that no route reaches yet, and for each the index's
    /// packages that would give it one.
    Suggest,
    /// Remove an installed model.
    Remove { name: String },
    /// Check every installed model's files against their checksums, and that it loads.
    Verify,
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

impl DatabaseArgs {
    fn overrides(&self) -> Overrides {
        Overrides {
            listen: None,
            data_dir: self.data_dir.clone(),
            database_url: self.database_url.clone(),
        }
    }
}

pub fn run(cli: Cli) -> Result<(), StartError> {
    match cli.command {
        Command::Serve { listen, database } => {
            let mut overrides = database.overrides();
            overrides.listen = listen;
            let config = Config::load(cli.config.as_deref(), &overrides)?;
            init_logging(config.log_format);
            serve(config)
        }
        Command::CheckConfig { database } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            crate::server::check_settings(&config)?;
            let effective = config
                .effective()
                .map_err(|e| StartError::Settings(e.to_string()))?;
            println!("# The configuration is valid. The settings in effect, passwords masked:");
            print!("{effective}");
            Ok(())
        }
        Command::Backup { dir, database } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            for line in crate::backup::backup(&config, &dir)? {
                println!("{line}");
            }
            Ok(())
        }
        Command::Restore {
            dir,
            force,
            database,
        } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            for line in crate::backup::restore(&config, &dir, force)? {
                println!("{line}");
            }
            Ok(())
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
            let index = match index {
                Some(url) => crate::config::package_index(&url),
                None => config.translation.package_index(),
            };
            let installer = Installer::new(&config.models_dir(), index)
                .with_hub(&config.translation.hub_url)
                .with_progress(Arc::new(crate::progress::Downloads::default()));
            let manifest = installer
                .install(&source)
                .map_err(|e| StartError::Translation(e.to_string()))?;
            let pairs: Vec<String> = manifest.pairs().iter().map(ToString::to_string).collect();
            println!("installed {} ({})", manifest.name, pairs.join(" "));
            Ok(())
        }
        Command::Models {
            task: ModelsTask::Suggest,
            database,
        } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            let db = Db::open(&DatabaseUrl::parse(&config.database_url())?, 1)?;
            let languages = accounts::languages_read(&db)?;
            let Installed { engines, .. } = pontis_translator::installed::list_engines(
                &config.models_dir(),
                crate::server::apertium_modes_dir(&config),
            );
            let router = Router::new(engines).with_preferences(config.translation.prefer.clone());
            let gaps = coverage::gaps(&router, &languages);
            let mut out = std::io::stdout().lock();
            writeln!(out, "languages members read: {}", languages.join(" "))?;
            if gaps.is_empty() {
                writeln!(out, "every one reaches every other")?;
                return Ok(());
            }
            // The index is asked once; without it the gaps are still worth knowing.
            let index = match config.translation.package_index() {
                Some(url) => Installer::new(&config.models_dir(), Some(url.clone()))
                    .index()
                    .map_err(|e| writeln!(out, "(package index {url} unavailable: {e})"))
                    .unwrap_or_default(),
                None => Vec::new(),
            };
            writeln!(out, "not reached yet:")?;
            for gap in &gaps {
                writeln!(
                    out,
                    "  {} from {}",
                    gap.language,
                    gap.unreached_from.join(", ")
                )?;
                for (package, reached) in coverage::packages_for(&router, gap, &index, 3) {
                    writeln!(
                        out,
                        "    pontis models install {package}   (reaches it from {reached} of them)"
                    )?;
                }
            }
            writeln!(
                out,
                "or a CTranslate2 model from the Hugging Face Hub: pontis models install \
                 hf:ORG/NAME (an NLLB-200 or M2M-100 conversion covers many languages at once)"
            )?;
            Ok(())
        }
        Command::Models {
            task: ModelsTask::Remove { name },
            database,
        } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            Installer::new(&config.models_dir(), None)
                .remove(&name)
                .map_err(|e| StartError::Translation(e.to_string()))?;
            println!("removed {name}");
            Ok(())
        }
        Command::Models {
            task: ModelsTask::Verify,
            database,
        } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            let verified = Installer::new(&config.models_dir(), None)
                .verify()
                .map_err(|e| StartError::Translation(e.to_string()))?;
            // Loading is the last check: a model whose files are intact may still not load
            // (a CTranslate2 too old for it, a missing tokenizer).
            let Installed {
                problems: not_loaded,
                ..
            } = load_engines(&config)?;
            let mut out = std::io::stdout().lock();
            let mut failed = false;
            for model in &verified {
                let folder = format!("{}:", config.models_dir().join(&model.name).display());
                let mut problems = model.problems.clone();
                problems.extend(
                    not_loaded
                        .iter()
                        .filter(|p| p.starts_with(&folder))
                        .cloned(),
                );
                if problems.is_empty() {
                    writeln!(out, "ok      {}", model.name)?;
                }
                for problem in &problems {
                    writeln!(out, "FAILED  {}: {problem}", model.name)?;
                }
                failed |= !problems.is_empty();
            }
            if failed {
                return Err(StartError::Translation(
                    "some models failed verification".into(),
                ));
            }
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
            let router = Router::new(engines).with_preferences(config.translation.prefer.clone());
            for (pair, route) in router.reachable_pairs() {
                writeln!(out, "  {pair:<12} {} ({})", route.model(), route.engine())?;
            }
            Ok(())
        }
        Command::Models {
            task: ModelsTask::Routes,
            database,
        } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            let Installed { engines, problems } = load_engines(&config)?;
            for problem in &problems {
                eprintln!("not loaded: {problem}");
            }
            let router = Router::new(engines).with_preferences(config.translation.prefer.clone());
            let mut out = std::io::stdout().lock();
            if !router.preferences().is_empty() {
                writeln!(out, "preferred:")?;
                for (pair, model) in router.preferences().entries() {
                    writeln!(out, "  {pair:<12} {model}")?;
                }
            }
            let routes = router.reachable_pairs();
            writeln!(out, "routes ({}):", routes.len())?;
            for (pair, route) in routes {
                let hops: Vec<String> = route
                    .hops
                    .iter()
                    .map(|hop| {
                        format!(
                            "{} {} ({})",
                            hop.engine.kind().as_str(),
                            hop.engine.model(),
                            hop.pair
                        )
                    })
                    .collect();
                let count = route.hops.len();
                let noun = if count == 1 { "hop " } else { "hops" };
                writeln!(out, "  {pair:<12} {count} {noun}  {}", hops.join(" → "))?;
            }
            Ok(())
        }
        Command::Worker { remote, database } => {
            let config = Config::load(cli.config.as_deref(), &database.overrides())?;
            init_logging(config.log_format);
            let jobs: Arc<dyn JobSource> = Arc::new(HttpJobs::new(&remote.server, &remote.token));
            let threads = remote.threads.unwrap_or(config.translation.worker_threads);
            let lease_for = std::time::Duration::from_secs(remote.lease_seconds);
            let ((_, workers), _) = spawn_workers(&config, jobs, threads, lease_for)?;
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
            let router = Router::new(engines).with_preferences(config.translation.prefer.clone());
            translate_lines(&Pipeline::new(router), &from, &to)
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
