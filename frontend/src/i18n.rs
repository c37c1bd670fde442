//! Fluent bundles for every locale under `frontend/locales/<lang>/*.ftl`, compiled into the
//! binary, and language negotiation: the user's setting, then Accept-Language, then English.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Utc};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use include_dir::{Dir, include_dir};
use unic_langid::{LanguageIdentifier, langid};

static LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/locales");

pub const FALLBACK: LanguageIdentifier = langid!("en");

#[derive(Debug, thiserror::Error)]
pub enum LocaleError {
    #[error("locale folder {0:?} is not a language tag")]
    BadFolder(String),
    #[error("{file} is not UTF-8")]
    NotUtf8 { file: String },
    #[error("{file} has Fluent syntax errors: {errors}")]
    Syntax { file: String, errors: String },
    #[error("{file} defines a message twice: {errors}")]
    Duplicate { file: String, errors: String },
    #[error("no English bundle: English is every message's fallback")]
    NoFallback,
}

pub struct Localizer {
    bundles: HashMap<LanguageIdentifier, FluentBundle<FluentResource>>,
    available: Vec<LanguageIdentifier>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("available", &self.available)
            .finish()
    }
}

impl Localizer {
    /// Loads the locales compiled into the binary.
    pub fn embedded() -> Result<Self, LocaleError> {
        let mut bundles = HashMap::new();
        for dir in LOCALES.dirs() {
            let folder = dir.path().to_string_lossy().into_owned();
            let lang: LanguageIdentifier = folder
                .parse()
                .map_err(|_| LocaleError::BadFolder(folder.clone()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang.clone()]);
            // No Unicode isolation marks: the text goes into JSON and HTML attributes, where
            // invisible characters surprise clients. Pages set `dir` on their elements instead.
            bundle.set_use_isolating(false);
            let mut files: Vec<_> = dir.files().collect();
            files.sort_by_key(|f| f.path());
            for file in files {
                let name = file.path().to_string_lossy().into_owned();
                let text = file
                    .contents_utf8()
                    .ok_or_else(|| LocaleError::NotUtf8 { file: name.clone() })?;
                let resource =
                    FluentResource::try_new(text.to_owned()).map_err(|(_, errors)| {
                        LocaleError::Syntax {
                            file: name.clone(),
                            errors: format!("{errors:?}"),
                        }
                    })?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| LocaleError::Duplicate {
                        file: name.clone(),
                        errors: format!("{errors:?}"),
                    })?;
            }
            bundles.insert(lang, bundle);
        }
        if !bundles.contains_key(&FALLBACK) {
            return Err(LocaleError::NoFallback);
        }
        let mut available: Vec<_> = bundles.keys().cloned().collect();
        available.sort_by_key(ToString::to_string);
        Ok(Self { bundles, available })
    }

    pub fn available(&self) -> &[LanguageIdentifier] {
        &self.available
    }

    /// The best locale for the requester: each preference in order (a user setting first,
    /// then the Accept-Language entries), falling back to English.
    pub fn negotiate<'a>(
        &self,
        preferences: impl IntoIterator<Item = &'a str>,
    ) -> LanguageIdentifier {
        let requested: Vec<LanguageIdentifier> = preferences
            .into_iter()
            .filter_map(|p| p.parse().ok())
            .collect();
        negotiate_languages(
            &requested,
            &self.available,
            Some(&FALLBACK),
            NegotiationStrategy::Lookup,
        )
        .first()
        .map_or(FALLBACK, |l| (*l).clone())
    }

    /// The message `id` in `lang`, else in English, else the id itself (so a missing
    /// message is visible rather than blank; a test keeps every locale complete).
    pub fn message(&self, lang: &LanguageIdentifier, id: &str, args: &[(&str, String)]) -> String {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fa = FluentArgs::new();
            for (name, value) in args {
                let value = match value.parse::<f64>() {
                    Ok(number) => FluentValue::from(number),
                    Err(_) => FluentValue::from(value.clone()),
                };
                fa.set(*name, value);
            }
            fa
        });
        self.format(lang, id, fluent_args.as_ref())
            .unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` in `lang`, else in English, with typed Fluent arguments (numbers
    /// select plural forms); `None` when not even English has it.
    pub fn format(
        &self,
        lang: &LanguageIdentifier,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Option<String> {
        [self.bundles.get(lang), self.bundles.get(&FALLBACK)]
            .into_iter()
            .flatten()
            .find_map(|bundle| {
                let pattern = bundle.get_message(id)?.value()?;
                let mut errors = Vec::new();
                Some(
                    bundle
                        .format_pattern(pattern, args, &mut errors)
                        .into_owned(),
                )
            })
    }

    /// A date and time, through the locale's `date-time` message: the order of its parts
    /// and the month's name are the translators' choice.
    pub fn format_date(&self, lang: &LanguageIdentifier, when: DateTime<Utc>) -> String {
        let mut args = FluentArgs::new();
        args.set("year", FluentValue::from(when.year()));
        args.set("month", FluentValue::from(when.month()));
        args.set("day", FluentValue::from(when.day()));
        args.set("time", FluentValue::from(when.format("%H:%M").to_string()));
        self.format(lang, "date-time", Some(&args))
            .unwrap_or_else(|| when.to_rfc3339())
    }

    /// Every message id of `lang`'s files, in file order.
    pub fn message_ids(&self, lang: &LanguageIdentifier) -> Vec<String> {
        LOCALES
            .get_dir(lang.to_string())
            .into_iter()
            .flat_map(|d| d.files())
            .filter_map(|f| f.contents_utf8())
            .flat_map(|text| {
                text.lines()
                    .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
                    .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Message ids English has that `lang` lacks.
    pub fn missing_messages(&self, lang: &LanguageIdentifier) -> Vec<String> {
        let theirs = self.message_ids(lang);
        self.message_ids(&FALLBACK)
            .into_iter()
            .filter(|id| !theirs.contains(id))
            .collect()
    }
}

/// Whether a language is written right to left.
pub fn is_rtl(lang: &LanguageIdentifier) -> bool {
    matches!(lang.language.as_str(), "ar" | "he" | "fa" | "ur" | "yi")
}

/// Parses an Accept-Language header into tags, best first.
pub fn accept_language(header: &str) -> Vec<String> {
    fluent_langneg::accepted_languages::parse(header)
        .into_iter()
        .map(|l| l.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn localizer() -> Localizer {
        Localizer::embedded().expect("locales load")
    }

    #[test]
    fn every_locale_has_every_english_message() {
        let l = localizer();
        for lang in l.available() {
            assert_eq!(
                l.missing_messages(lang),
                Vec::<String>::new(),
                "{lang} misses messages"
            );
        }
    }

    #[test]
    fn negotiates_preference_order_then_english() {
        let l = localizer();
        assert_eq!(l.negotiate(["es"]).to_string(), "es");
        assert_eq!(l.negotiate(["xx", "de-AT"]).to_string(), "de");
        assert_eq!(l.negotiate(["tlh"]).to_string(), "en");
    }

    #[test]
    fn formats_variables() {
        let l = localizer();
        let text = l.message(
            &langid!("en"),
            "error-invalid-title",
            &[("max", "200".into())],
        );
        assert!(text.contains("200"), "{text}");
        assert_eq!(
            l.message(&langid!("en"), "no-such-message", &[]),
            "no-such-message"
        );
    }

    #[test]
    fn plural_and_dates_go_through_fluent() {
        let l = localizer();
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(1));
        let one = l.format(&langid!("en"), "post-count", Some(&args));
        args.set("count", FluentValue::from(5));
        let many = l.format(&langid!("en"), "post-count", Some(&args));
        assert_eq!(one.as_deref(), Some("1 post"));
        assert_eq!(many.as_deref(), Some("5 posts"));
        let when = DateTime::parse_from_rfc3339("2026-03-09T08:05:00Z")
            .expect("date")
            .with_timezone(&Utc);
        assert_eq!(l.format_date(&langid!("en"), when), "Mar 9, 2026, 08:05");
        assert!(
            l.format_date(&langid!("de"), when)
                .starts_with("9. März 2026")
        );
    }

    #[test]
    fn negotiates_regional_and_script_tags() {
        let l = localizer();
        assert_eq!(l.negotiate(["pt-BR"]).to_string(), "pt-BR");
        assert_eq!(l.negotiate(["pt"]).to_string(), "pt-BR");
        assert_eq!(l.negotiate(["zh-CN"]).to_string(), "zh-Hans");
        assert_eq!(l.negotiate(["ar-EG"]).to_string(), "ar");
    }

    #[test]
    fn parses_accept_language() {
        assert_eq!(
            accept_language("fr-CH, fr;q=0.9, en;q=0.8"),
            ["fr-CH", "fr", "en"]
        );
    }
}
