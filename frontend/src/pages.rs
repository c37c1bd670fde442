//! Page templates (minijinja, under `frontend/templates/`, compiled into the binary) and
//! the functions they call: `t(id, name=value…)` for a Fluent message in the page's
//! language, `lang_name(tag)`, `asset(name)`, and the filters `markdown` and `date`.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use fluent_bundle::{FluentArgs, FluentValue};
use include_dir::{Dir, include_dir};
use minijinja::value::{Kwargs, Serde, Value, ValueKind};
use minijinja::{Environment, ErrorKind, State, context};
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::i18n::{Localizer, is_rtl};
use crate::{assets, markdown};

static TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/templates");

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("template {name}: {source}")]
    Template {
        name: String,
        #[source]
        source: minijinja::Error,
    },
    #[error("template file {0} is not UTF-8")]
    NotUtf8(String),
}

/// A UI language as the switcher offers it: its tag and its own name for itself.
#[derive(Debug, Clone, Serialize)]
struct LocaleChoice {
    tag: String,
    name: String,
}

pub struct Pages {
    env: Environment<'static>,
    localizer: Arc<Localizer>,
    locales: Vec<LocaleChoice>,
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages")
            .field("localizer", &self.localizer)
            .finish()
    }
}

impl Pages {
    /// Compiles the embedded templates against `localizer`'s messages.
    pub fn new(localizer: Arc<Localizer>) -> Result<Self, PageError> {
        let mut env = Environment::new();
        add_templates(&mut env, &TEMPLATES)?;
        let l = Arc::clone(&localizer);
        env.add_function("t", move |state: &State, id: &str, args: Kwargs| {
            translate(&l, &page_lang(state)?, id, &args)
        });
        let l = Arc::clone(&localizer);
        env.add_function("lang_name", move |state: &State, tag: &str| {
            Ok::<_, minijinja::Error>(language_name(&l, &page_lang(state)?, tag))
        });
        let l = Arc::clone(&localizer);
        env.add_filter("date", move |state: &State, when: &str| {
            let when = DateTime::parse_from_rfc3339(when)
                .map_err(|e| minijinja::Error::new(ErrorKind::InvalidOperation, e.to_string()))?;
            Ok::<_, minijinja::Error>(l.format_date(&page_lang(state)?, when.with_timezone(&Utc)))
        });
        env.add_filter("markdown", |text: &str| {
            Value::from_safe_string(markdown::to_html(text))
        });
        env.add_function("asset", |name: &str| assets::url(name));
        let locales = localizer
            .available()
            .iter()
            .map(|tag| LocaleChoice {
                tag: tag.to_string(),
                name: localizer.message(tag, "locale-name", &[]),
            })
            .collect();
        Ok(Self {
            env,
            localizer,
            locales,
        })
    }

    /// Loads the embedded locales and templates.
    pub fn embedded() -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self::new(Arc::new(Localizer::embedded()?))?)
    }

    pub fn localizer(&self) -> &Localizer {
        &self.localizer
    }

    /// Renders template `name` (e.g. `thread.html`) in `lang`. Besides `context`, every
    /// template sees `lang`, `dir` (`ltr` or `rtl`) and `locales` (the UI languages).
    pub fn render(
        &self,
        name: &str,
        context: &impl Serialize,
        lang: &LanguageIdentifier,
    ) -> Result<String, PageError> {
        let error = |source| PageError::Template {
            name: name.to_owned(),
            source,
        };
        let template = self.env.get_template(name).map_err(error)?;
        template
            .render(context! {
                lang => lang.to_string(),
                dir => if is_rtl(lang) { "rtl" } else { "ltr" },
                locales => Value::from(Serde(&self.locales)),
                ..Value::from(Serde(context)),
            })
            .map_err(error)
    }
}

fn add_templates(
    env: &mut Environment<'static>,
    dir: &'static Dir<'static>,
) -> Result<(), PageError> {
    for file in dir.files() {
        let name = file.path().to_string_lossy().into_owned();
        let source = file
            .contents_utf8()
            .ok_or_else(|| PageError::NotUtf8(name.clone()))?;
        env.add_template_owned(name.clone(), source.to_owned())
            .map_err(|source| PageError::Template { name, source })?;
    }
    for sub in dir.dirs() {
        add_templates(env, sub)?;
    }
    Ok(())
}

/// The page's language, which `Pages::render` puts in every context.
fn page_lang(state: &State) -> Result<LanguageIdentifier, minijinja::Error> {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(|s| s.parse().ok()))
        .ok_or_else(|| minijinja::Error::new(ErrorKind::UndefinedError, "page has no lang"))
}

/// `t("post-count", count=3)`: numbers stay numbers, so Fluent picks the plural form.
fn translate(
    localizer: &Localizer,
    lang: &LanguageIdentifier,
    id: &str,
    kwargs: &Kwargs,
) -> Result<String, minijinja::Error> {
    let mut args = FluentArgs::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let value = match value.kind() {
            ValueKind::Number => match i64::try_from(value.clone()) {
                Ok(n) => FluentValue::from(n),
                Err(_) => FluentValue::from(f64::try_from(value).unwrap_or_default()),
            },
            _ => FluentValue::from(value.to_string()),
        };
        args.set(name.to_owned(), value);
    }
    Ok(localizer
        .format(lang, id, args.iter().next().is_some().then_some(&args))
        .unwrap_or_else(|| id.to_owned()))
}

/// A language's name in the page's language (`lang-es` → "Spanish"), by its full tag or
/// its language alone; the tag itself for a language the UI has no name for.
fn language_name(localizer: &Localizer, lang: &LanguageIdentifier, tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag);
    [tag, primary]
        .iter()
        .find_map(|t| localizer.format(lang, &format!("lang-{t}"), None))
        .unwrap_or_else(|| tag.to_owned())
}

/// The template names and the `t("…")` message ids they use, for tests.
pub fn template_message_ids() -> HashMap<String, Vec<String>> {
    fn walk(dir: &Dir<'_>, out: &mut HashMap<String, Vec<String>>) {
        for file in dir.files() {
            let text = file.contents_utf8().unwrap_or_default();
            // `t("id"` not preceded by a letter: `asset("app.css")` is no message.
            let ids = text
                .match_indices("t(\"")
                .filter(|(at, _)| {
                    !text[..*at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                })
                .filter_map(|(at, _)| text[at + 3..].split_once('"').map(|(id, _)| id.to_owned()))
                .collect();
            out.insert(file.path().to_string_lossy().into_owned(), ids);
        }
        for sub in dir.dirs() {
            walk(sub, out);
        }
    }
    let mut out = HashMap::new();
    walk(&TEMPLATES, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::FALLBACK;

    #[test]
    fn every_message_a_template_uses_exists_in_english() {
        let localizer = Localizer::embedded().expect("locales");
        let known = localizer.message_ids(&FALLBACK);
        for (template, ids) in template_message_ids() {
            for id in ids {
                assert!(known.contains(&id), "{template} uses unknown message {id}");
            }
        }
    }

    #[test]
    fn arabic_pages_are_right_to_left() {
        let pages = Pages::embedded().expect("pages");
        let html = pages
            .render(
                "login.html",
                &serde_json::json!({"csrf_token": "x", "form": {}}),
                &"ar".parse().expect("tag"),
            )
            .expect("render");
        assert!(html.contains("dir=\"rtl\""), "{html}");
        assert!(html.contains("lang=\"ar\""));
    }
}
