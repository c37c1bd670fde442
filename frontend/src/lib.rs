//! The Pontis web UI. For now: Fluent localization, shared by the pages and the API's
//! error messages.

pub mod i18n;

pub use i18n::{LocaleError, Localizer};
