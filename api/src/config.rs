//! Typed configuration: built-in defaults, then a TOML file, then `PONTIS_*` environment
//! variables, then command-line flags; each later source wins. Every key is listed in
//! `README.md` (Configuration).

use std::net::SocketAddr;
use std::path::PathBuf;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use pontis_translator::route::Preferences;
use serde::{Deserialize, Serialize};

use crate::client::ProxyNet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address and port to serve on.
    pub listen: SocketAddr,
    /// Where Pontis keeps its files: the SQLite database by default.
    pub data_dir: PathBuf,
    /// `sqlite://PATH` or `postgres://…`; default: SQLite in the data directory.
    pub database_url: Option<String>,
    /// Database connections for reads (SQLite adds one connection for writes).
    pub database_pool_size: u32,
    /// HTTP worker threads; default: one per CPU core.
    pub http_workers: Option<usize>,
    /// The reverse proxies you run in front of Pontis (addresses or networks): from them
    /// alone `X-Forwarded-For` and `X-Forwarded-Proto` are believed.
    pub trust_proxy: Vec<ProxyNet>,
    /// Sign a browser out after this many hours without use (sessions also end after
    /// 30 days whatever their use).
    pub session_idle_hours: u32,
    /// `text` or `json` logs.
    pub log_format: LogFormat,
    /// A bearer token that may scrape `/metrics` (a Prometheus server's); administrators'
    /// tokens always may. Best set through `PONTIS_METRICS_TOKEN`.
    pub metrics_token: Option<String>,
    pub rate_limits: RateLimits,
    pub translation: Translation,
    pub search: Search,
    /// Notification email; absent: no email at all.
    pub email: Option<Email>,
}

/// Notification email through the school's own SMTP server.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Email {
    /// `smtp://host:port` (plain; `?tls=required` for STARTTLS) or `smtps://host:port`
    /// (TLS from the start); user and password may be in it: `smtp://user:pass@host`.
    pub smtp_url: String,
    /// Credentials given apart from the URL; they win over the URL's. The password is
    /// best set through `PONTIS_EMAIL__SMTP_PASSWORD` rather than a file.
    #[serde(default)]
    pub smtp_username: Option<String>,
    #[serde(default)]
    pub smtp_password: Option<String>,
    /// The sender: `forum@school.example` or `Pontis <forum@school.example>`.
    pub from: String,
    /// The forum's address as readers reach it (`https://forum.school.example`): links in
    /// email point there, and Message-IDs end in its host.
    pub public_url: String,
    /// The hour (0–23, UTC) after which each day's digest goes out.
    #[serde(default = "default_digest_hour")]
    pub digest_hour: u32,
    /// How long an email waits for the post's translation before it goes out with the
    /// original, marked as such.
    #[serde(default = "default_translation_wait")]
    pub translation_wait_seconds: u64,
    /// The pause after a failed send; it doubles with each further failure, up to an hour.
    #[serde(default = "default_retry_initial")]
    pub retry_initial_seconds: u64,
}

fn default_digest_hour() -> u32 {
    17
}

fn default_translation_wait() -> u64 {
    60
}

fn default_retry_initial() -> u64 {
    30
}

impl Email {
    /// The settings with the defaults, for tests and examples.
    pub fn new(smtp_url: &str, from: &str, public_url: &str) -> Self {
        Self {
            smtp_url: smtp_url.to_owned(),
            smtp_username: None,
            smtp_password: None,
            from: from.to_owned(),
            public_url: public_url.to_owned(),
            digest_hour: default_digest_hour(),
            translation_wait_seconds: default_translation_wait(),
            retry_initial_seconds: default_retry_initial(),
        }
    }
}

/// Never shows a password: not the key's, not one inside the URL.
impl std::fmt::Debug for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Email")
            .field("smtp_url", &redacted_url(&self.smtp_url))
            .field("smtp_username", &self.smtp_username)
            .field("smtp_password", &self.smtp_password.as_ref().map(|_| "***"))
            .field("from", &self.from)
            .field("public_url", &self.public_url)
            .field("digest_hour", &self.digest_hour)
            .field("translation_wait_seconds", &self.translation_wait_seconds)
            .field("retry_initial_seconds", &self.retry_initial_seconds)
            .finish()
    }
}

/// What a secret is shown as.
const MASK: &str = "***";

/// A URL with its password replaced, for logs and errors.
pub fn redacted_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            // set_password fails only for URLs that cannot have one.
            let _ = parsed.set_password(Some(MASK));
            parsed.to_string()
        }
        Ok(parsed) => parsed.to_string(),
        Err(_) => "(not a URL)".to_owned(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchBackend {
    /// A tantivy index in the data directory, in the server's process.
    Embedded,
    /// A Meilisearch server at `meilisearch_url`.
    Meilisearch,
}

/// The search index and the indexer that feeds it from the database's outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Search {
    pub backend: SearchBackend,
    /// The embedded index's folder; default: `<data_dir>/search`.
    pub index_dir: Option<PathBuf>,
    pub meilisearch_url: Option<String>,
    /// Best set through `PONTIS_SEARCH__MEILISEARCH_API_KEY` rather than a file.
    pub meilisearch_api_key: Option<String>,
    pub meilisearch_index: String,
    /// Drain the search outbox inside `pontis serve`. With several server processes on
    /// one Meilisearch, leave it on in one of them.
    pub indexer: bool,
}

impl Default for Search {
    fn default() -> Self {
        Self {
            backend: SearchBackend::Embedded,
            index_dir: None,
            meilisearch_url: None,
            meilisearch_api_key: None,
            meilisearch_index: "pontis".into(),
            indexer: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Device {
    Cpu,
    /// Needs a build with the `cuda` feature.
    Cuda,
}

/// The translation worker and the engines it uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Translation {
    /// Run the worker inside `pontis serve`; turn off when workers run elsewhere.
    pub worker: bool,
    /// Worker threads in the server; each leases and translates its own batches.
    pub worker_threads: usize,
    /// CTranslate2 model folders, one per model; default: `<data_dir>/models`.
    pub models_dir: Option<PathBuf>,
    /// Debian's Apertium modes; an empty string turns Apertium off.
    pub apertium_modes_dir: PathBuf,
    pub device: Device,
    /// CTranslate2 compute type: `int8`, `int8_float32`, `float16`, `default`, …
    pub compute_type: String,
    /// CPU threads per model; default: one per core.
    pub threads: Option<usize>,
    /// Jobs leased at once; their sentences share engine batches.
    pub batch_jobs: i64,
    /// A package index in Argos Translate's format, for `pontis models install NAME`;
    /// `none` for none.
    pub package_index: String,
    /// The Hugging Face Hub, or a server that answers as it does, for
    /// `pontis models install hf:ORG/NAME`.
    pub hub_url: String,
    /// New languages one reader may have translated on demand (`?lang=`) an hour; 0 means
    /// no limit. A language a space's members read costs nothing.
    pub on_demand_languages_per_hour: u32,
    /// The model to use for a direction when several connect it:
    /// `prefer = { "de-en" = "opus-mt-de-en", "pt-BR>en" = "por-eng" }`.
    pub prefer: Preferences,
}

/// The index the `argostranslate` package reads its packages from.
pub const ARGOS_PACKAGE_INDEX: &str =
    "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json";

/// A configured package index: `none` (or empty) turns it off.
pub fn package_index(setting: &str) -> Option<String> {
    let setting = setting.trim();
    (!setting.is_empty() && !setting.eq_ignore_ascii_case("none")).then(|| setting.to_owned())
}

impl Translation {
    pub fn package_index(&self) -> Option<String> {
        package_index(&self.package_index)
    }
}

impl Default for Translation {
    fn default() -> Self {
        Self {
            worker: true,
            worker_threads: 1,
            models_dir: None,
            apertium_modes_dir: PathBuf::from(pontis_translator::apertium::DEFAULT_MODES_DIR),
            device: Device::Cpu,
            compute_type: "int8".into(),
            threads: None,
            batch_jobs: 64,
            package_index: ARGOS_PACKAGE_INDEX.to_owned(),
            hub_url: pontis_translator::hub::DEFAULT_HUB.to_owned(),
            on_demand_languages_per_hour:
                pontis_models::translation::queue::ON_DEMAND_LANGUAGES_PER_HOUR,
            prefer: Preferences::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    Text,
    Json,
}

/// Requests allowed per client. A whole class often shares one school address, so the
/// per-address limits are generous and the per-user limits do the fine-grained work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimits {
    pub registrations_per_hour_per_ip: u32,
    pub logins_per_minute_per_ip: u32,
    /// Wrong passwords for one handle from one address before each further try waits,
    /// twice as long as the last (5 s, 10 s, 20 s … up to `login_delay_max_seconds`). Keyed on
    /// the pair, so someone guessing a teacher's password slows only themselves.
    pub failed_logins_before_delay: u32,
    pub login_delay_max_seconds: u32,
    pub posts_per_minute_per_user: u32,
    pub posts_per_minute_per_ip: u32,
    pub edits_per_minute_per_user: u32,
    pub reports_per_minute_per_user: u32,
    pub joins_per_hour_per_user: u32,
    pub spaces_per_day_per_user: u32,
    pub searches_per_minute_per_user: u32,
    /// Live event streams one user may hold open at once (a tab each).
    pub event_streams_per_user: u32,
}

impl RateLimits {
    /// No limits at all, for tests and benchmarks that measure behaviour, not the limiter.
    pub fn unlimited() -> Self {
        Self {
            registrations_per_hour_per_ip: 0,
            logins_per_minute_per_ip: 0,
            failed_logins_before_delay: 0,
            login_delay_max_seconds: 0,
            posts_per_minute_per_user: 0,
            posts_per_minute_per_ip: 0,
            edits_per_minute_per_user: 0,
            reports_per_minute_per_user: 0,
            joins_per_hour_per_user: 0,
            spaces_per_day_per_user: 0,
            searches_per_minute_per_user: 0,
            event_streams_per_user: 0,
        }
    }
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            registrations_per_hour_per_ip: 60,
            logins_per_minute_per_ip: 60,
            failed_logins_before_delay: 5,
            login_delay_max_seconds: 900,
            posts_per_minute_per_user: 10,
            posts_per_minute_per_ip: 200,
            edits_per_minute_per_user: 20,
            reports_per_minute_per_user: 10,
            joins_per_hour_per_user: 30,
            spaces_per_day_per_user: 10,
            searches_per_minute_per_user: 30,
            event_streams_per_user: 10,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("pontis-data"),
            database_url: None,
            database_pool_size: 8,
            http_workers: None,
            trust_proxy: Vec::new(),
            session_idle_hours: 168,
            log_format: LogFormat::Text,
            metrics_token: None,
            rate_limits: RateLimits::default(),
            translation: Translation::default(),
            search: Search::default(),
            email: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(#[from] Box<figment::Error>);

/// Flags given on the command line; they override every other source.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
}

impl Config {
    /// Loads the layers. `file` is read when given (it must then exist); environment
    /// variables use `__` for nesting: `PONTIS_RATE_LIMITS__POSTS_PER_MINUTE_PER_USER=5`.
    pub fn load(
        file: Option<&std::path::Path>,
        overrides: &Overrides,
    ) -> Result<Self, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(path) = file {
            figment = figment.merge(Toml::file_exact(path));
        }
        figment
            .merge(
                Env::prefixed("PONTIS_")
                    .split("__")
                    // Read by the command line itself, not configuration keys.
                    .ignore(&["config", "worker_server", "worker_token"])
                    // PONTIS_TEST_* belongs to the test suites, not to the server.
                    .filter(|key| !key.as_str().to_ascii_lowercase().starts_with("test_")),
            )
            .merge(Serialized::defaults(overrides))
            .extract()
            .map_err(|e| ConfigError(Box::new(e)))
    }

    pub fn models_dir(&self) -> PathBuf {
        self.translation
            .models_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("models"))
    }

    pub fn search_index_dir(&self) -> PathBuf {
        self.search
            .index_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("search"))
    }

    /// The settings in effect, as a configuration file would give them, with every
    /// password masked: what `pontis check-config` prints.
    pub fn effective(&self) -> Result<String, toml::ser::Error> {
        let mut shown = self.clone();
        shown.database_url = shown.database_url.as_deref().map(redacted_url);
        if let Some(token) = shown.metrics_token.as_mut() {
            *token = MASK.to_owned();
        }
        if let Some(key) = shown.search.meilisearch_api_key.as_mut() {
            *key = MASK.to_owned();
        }
        if let Some(email) = shown.email.as_mut() {
            email.smtp_url = redacted_url(&email.smtp_url);
            if let Some(password) = email.smtp_password.as_mut() {
                *password = MASK.to_owned();
            }
        }
        toml::to_string_pretty(&shown)
    }

    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}", self.data_dir.join("pontis.db").display()))
    }
}

#[cfg(test)]
// figment's Jail dictates the closures' error type.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;

    #[test]
    fn preferences_name_directions_or_fail_to_load() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "good.toml",
                "[translation.prefer]\n\"de-en\" = \"opus-mt-de-en\"\n\"pt-BR>en\" = \"por-eng\"\n",
            )?;
            let config = Config::load(
                Some(std::path::Path::new("good.toml")),
                &Overrides::default(),
            )
            .map_err(|e| e.to_string())?;
            let prefer = &config.translation.prefer;
            let pair = pontis_translator::engine::LangPair::new;
            assert_eq!(prefer.model_for(&pair("de", "en")), Some("opus-mt-de-en"));
            assert_eq!(prefer.model_for(&pair("pt", "en")), Some("por-eng"));
            assert_eq!(prefer.model_for(&pair("en", "de")), None);
            jail.create_file("bad.toml", "[translation.prefer]\n\"pt-BR-en\" = \"x\"\n")?;
            let error = Config::load(
                Some(std::path::Path::new("bad.toml")),
                &Overrides::default(),
            )
            .expect_err("an ambiguous direction");
            assert!(error.to_string().contains("pt-BR-en"), "{error}");
            Ok(())
        });
    }

    #[test]
    fn later_layers_win() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "pontis.toml",
                "listen = \"0.0.0.0:9000\"\n[rate_limits]\nposts_per_minute_per_user = 3\n",
            )?;
            jail.set_env("PONTIS_DATA_DIR", "/srv/pontis");
            jail.set_env("PONTIS_RATE_LIMITS__LOGINS_PER_MINUTE_PER_IP", "7");
            jail.set_env("PONTIS_TEST_POSTGRES_URL", "postgres://elsewhere");
            jail.set_env("PONTIS_WORKER_TOKEN", "secret");
            jail.set_env("PONTIS_TRUST_PROXY", "[\"127.0.0.1\", \"10.0.0.0/8\"]");
            let config = Config::load(
                Some(std::path::Path::new("pontis.toml")),
                &Overrides {
                    database_url: Some("postgres://db/pontis".into()),
                    ..Overrides::default()
                },
            )
            .map_err(|e| e.to_string())?;
            assert_eq!(config.listen.to_string(), "0.0.0.0:9000");
            assert_eq!(config.data_dir, PathBuf::from("/srv/pontis"));
            assert_eq!(config.database_url(), "postgres://db/pontis");
            assert_eq!(config.rate_limits.posts_per_minute_per_user, 3);
            assert_eq!(config.rate_limits.logins_per_minute_per_ip, 7);
            let proxies: Vec<String> = config
                .trust_proxy
                .iter()
                .map(|p| String::from(*p))
                .collect();
            assert_eq!(proxies, ["127.0.0.1/32", "10.0.0.0/8"]);
            Ok(())
        });
    }

    #[test]
    fn defaults_serve_sqlite_on_localhost() {
        figment::Jail::expect_with(|_| {
            let config = Config::load(None, &Overrides::default()).map_err(|e| e.to_string())?;
            assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
            assert_eq!(config.database_url(), "sqlite://pontis-data/pontis.db");
            Ok(())
        });
    }

    #[test]
    fn email_needs_its_server_sender_and_address_and_hides_the_password() {
        figment::Jail::expect_with(|jail| {
            let config = Config::load(None, &Overrides::default()).map_err(|e| e.to_string())?;
            assert_eq!(config.email, None, "no [email]: no email");
            jail.create_file(
                "pontis.toml",
                "[email]\nsmtp_url = \"smtp://forum:s3cret@mail.school.example:587?tls=required\"\n\
                 from = \"Pontis <forum@school.example>\"\npublic_url = \"https://forum.school.example\"\n",
            )?;
            jail.set_env("PONTIS_EMAIL__DIGEST_HOUR", "7");
            let config = Config::load(
                Some(std::path::Path::new("pontis.toml")),
                &Overrides::default(),
            )
            .map_err(|e| e.to_string())?;
            let email = config.email.clone().expect("[email] is read");
            assert_eq!(email.digest_hour, 7);
            assert_eq!(email.translation_wait_seconds, 60);
            assert_eq!(email.retry_initial_seconds, 30);
            let shown = format!("{config:?}");
            assert!(!shown.contains("s3cret"), "{shown}");
            assert!(shown.contains("forum:***@mail.school.example"), "{shown}");
            jail.create_file("partial.toml", "[email]\nsmtp_url = \"smtp://localhost\"\n")?;
            assert!(
                Config::load(
                    Some(std::path::Path::new("partial.toml")),
                    &Overrides::default()
                )
                .is_err(),
                "from and public_url are required"
            );
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_are_errors() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("pontis.toml", "listne = \"0.0.0.0:9000\"\n")?;
            assert!(
                Config::load(
                    Some(std::path::Path::new("pontis.toml")),
                    &Overrides::default()
                )
                .is_err()
            );
            Ok(())
        });
    }

    #[test]
    fn the_effective_settings_read_back_as_a_file_and_show_no_secret() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "pontis.toml",
                "database_url = \"postgres://pontis:db-secret@db.school.example/pontis\"\n\
                 [search]\nbackend = \"meilisearch\"\nmeilisearch_url = \"http://127.0.0.1:7700\"\n\
                 meilisearch_api_key = \"meili-secret\"\n\
                 [email]\nsmtp_url = \"smtp://forum:smtp-secret@mail.school.example\"\n\
                 smtp_password = \"other-secret\"\nfrom = \"forum@school.example\"\n\
                 public_url = \"https://forum.school.example\"\n",
            )?;
            jail.set_env("PONTIS_SESSION_IDLE_HOURS", "12");
            let config = Config::load(
                Some(std::path::Path::new("pontis.toml")),
                &Overrides::default(),
            )
            .map_err(|e| e.to_string())?;
            let shown = config.effective().map_err(|e| e.to_string())?;
            assert!(!shown.contains("secret"), "{shown}");
            assert!(shown.contains("session_idle_hours = 12"), "{shown}");
            jail.create_file("shown.toml", &shown)?;
            let again = Config::load(
                Some(std::path::Path::new("shown.toml")),
                &Overrides::default(),
            )
            .map_err(|e| e.to_string())?;
            let masked = |c: &Config| {
                let mut c = c.clone();
                c.database_url = None;
                c.search.meilisearch_api_key = None;
                c.email = None;
                c
            };
            assert_eq!(masked(&again), masked(&config), "{shown}");
            Ok(())
        });
    }
}
