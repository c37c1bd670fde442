//! What every handler shares.

use pontis_frontend::Localizer;
use std::sync::Arc;

use pontis_models::Db;
use pontis_search::SearchIndex;

use crate::rate_limit::RateLimiters;

pub struct AppState {
    pub db: Db,
    pub search: Arc<dyn SearchIndex>,
    pub localizer: Localizer,
    pub limits: RateLimiters,
    /// Trust `X-Forwarded-For` for the client address.
    pub trust_proxy: bool,
}
