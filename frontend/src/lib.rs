//! The Pontis web UI: Fluent localization (shared with the API's error messages), the
//! page templates, Markdown rendering and the static assets, all compiled into the binary.
//! Knows nothing of HTTP or the database: callers hand it data and get HTML back.

pub mod assets;
pub mod i18n;
pub mod markdown;
pub mod pages;

pub use i18n::{LocaleError, Localizer};
pub use pages::{PageError, Pages};
