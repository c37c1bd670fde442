//! What every handler shares, and how it runs domain actions.

use std::path::PathBuf;
use std::sync::Arc;

use actix_web::web;
use pontis_frontend::{Localizer, Pages};
use pontis_models::Db;
use pontis_models::accounts::SessionPolicy;
use pontis_search::SearchIndex;

use crate::client::TrustedProxies;
use crate::error::ApiError;
use crate::rate_limit::RateLimiters;

pub struct AppState {
    pub db: Db,
    pub search: Arc<dyn SearchIndex>,
    /// Shared with `pages`, so the messages are parsed once.
    pub localizer: Arc<Localizer>,
    /// The web UI's templates, with their own copy of the messages.
    pub pages: Pages,
    pub limits: RateLimiters,
    /// New on-demand translation languages per reader and hour (`translation.…`).
    pub on_demand_languages_per_hour: u32,
    /// How long an unused browser session stays signed in.
    pub sessions: SessionPolicy,
    /// The reverse proxies whose forwarding headers are believed.
    pub trusted_proxies: TrustedProxies,
    /// Where translation models are installed, and Apertium's modes, for the admin pages.
    pub models_dir: PathBuf,
    pub apertium_modes_dir: Option<PathBuf>,
    /// `translation.prefer`, so the models page shows the routes the workers take.
    pub translation_preferences: pontis_translator::route::Preferences,
    /// Every live stream of this process, served by one look at the database at a time.
    pub hub: crate::hub::Hub,
    pub metrics: Arc<crate::metrics::Metrics>,
    /// Lets a Prometheus server scrape `/metrics` without an administrator's token.
    pub metrics_token: Option<String>,
}

impl AppState {
    /// Runs a domain action with the database on actix's blocking pool: diesel is
    /// synchronous and must never hold up the async executor.
    pub async fn run<T, F>(&self, action: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Db) -> pontis_models::Result<T> + Send + 'static,
    {
        let db = self.db.clone();
        blocking(move || action(&db)).await
    }
}

/// Runs blocking work (the database, password hashing) on actix's blocking pool.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, pontis_models::Error> + Send + 'static,
) -> Result<T, ApiError> {
    web::block(work)
        .await
        .map_err(|e| pontis_models::Error::Internal(format!("blocking task: {e}")))?
        .map_err(ApiError::from)
}
