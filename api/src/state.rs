//! What every handler shares.

use pontis_frontend::Localizer;
use pontis_models::Db;

use crate::rate_limit::RateLimiters;

pub struct AppState {
    pub db: Db,
    pub localizer: Localizer,
    pub limits: RateLimiters,
    /// Trust `X-Forwarded-For` for the client address.
    pub trust_proxy: bool,
}
