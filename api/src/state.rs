//! What every handler shares.

use std::path::PathBuf;
use std::sync::Arc;

use pontis_frontend::{Localizer, Pages};
use pontis_models::Db;
use pontis_search::SearchIndex;

use crate::rate_limit::RateLimiters;

pub struct AppState {
    pub db: Db,
    pub search: Arc<dyn SearchIndex>,
    /// Shared with `pages`, so the messages are parsed once.
    pub localizer: Arc<Localizer>,
    /// The web UI's templates, with their own copy of the messages.
    pub pages: Pages,
    pub limits: RateLimiters,
    /// Trust `X-Forwarded-For` for the client address.
    pub trust_proxy: bool,
    /// Where translation models are installed, and Apertium's modes, for the admin pages.
    pub models_dir: PathBuf,
    pub apertium_modes_dir: Option<PathBuf>,
}
