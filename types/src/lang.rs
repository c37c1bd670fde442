//! BCP 47 language tags: validation, normalization and detection.

use unic_langid::LanguageIdentifier;

/// A tag that is malformed or names no ISO 639 language; `tag` is its first 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid language tag {tag:?}")]
pub struct InvalidLanguageTag {
    pub tag: String,
}

/// The longest tag accepted, in bytes.
pub const TAG_MAX: usize = 35;

/// Parses a tag, checks that its language is a real ISO 639 language and returns it in
/// canonical case: `pt-br` → `pt-BR`, `zh-hans` → `zh-Hans`, `EN` → `en`.
pub fn normalize(tag: &str) -> Result<String, InvalidLanguageTag> {
    let invalid = || InvalidLanguageTag {
        tag: tag.chars().take(64).collect(),
    };
    let trimmed = tag.trim();
    if trimmed.is_empty() || trimmed.len() > TAG_MAX {
        return Err(invalid());
    }
    let id: LanguageIdentifier = trimmed.parse().map_err(|_| invalid())?;
    let language = id.language.as_str();
    let known = match language.len() {
        2 => isolang::Language::from_639_1(language).is_some(),
        3 => isolang::Language::from_639_3(language).is_some(),
        _ => false,
    };
    if !known {
        return Err(invalid());
    }
    Ok(id.to_string())
}

/// The language a reader's tag is translated into: the language, with its script where
/// the tag names one, without region or variants. `pt-BR` readers read `pt`, `es-419` is
/// `es`, but `zh-Hant` stays apart from `zh-Hans`. Translation jobs, stored translations
/// and the sentence cache all use this form, so the region variants of one language are
/// translated once. `tag` should be normalized; an unparsable one is returned as it is.
pub fn translation_target(tag: &str) -> String {
    match tag.parse::<LanguageIdentifier>() {
        Ok(id) => match id.script {
            Some(script) => format!("{}-{}", id.language, script),
            None => id.language.to_string(),
        },
        Err(_) => tag.to_owned(),
    }
}

/// Detects the language of a text. A confident detection is taken as it is; a weaker one
/// only when it names one of `author_languages`, the languages its author reads (the
/// detector often confuses close languages such as Spanish and Portuguese on short texts).
/// Returns ISO 639-1 where the language has one.
pub fn detect(text: &str, author_languages: &[String]) -> Option<String> {
    const PLAUSIBLE: f64 = 0.2;
    let info = whatlang::detect(text)?;
    let code = info.lang().code();
    let lang = isolang::Language::from_639_3(code)?;
    let tag = lang
        .to_639_1()
        .map_or_else(|| code.to_owned(), str::to_owned);
    let author_reads_it = author_languages.iter().any(|l| same_language(l, &tag));
    (info.is_reliable() || (author_reads_it && info.confidence() >= PLAUSIBLE)).then_some(tag)
}

/// Whether a reader of `b` reads text in `a`: same language and, where both name one, the
/// same script. Regions do not matter (`pt-BR` reads `pt`); scripts do (`zh-Hant` does not
/// read `zh-Hans`).
pub fn same_language(a: &str, b: &str) -> bool {
    let base = |tag: &str| {
        let mut parts = tag.split('-');
        let language = parts.next().unwrap_or_default().to_ascii_lowercase();
        let script = parts
            .next()
            .filter(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()))
            .map(str::to_ascii_lowercase);
        (language, script)
    };
    let ((la, sa), (lb, sb)) = (base(a), base(b));
    la == lb && (sa.is_none() || sb.is_none() || sa == sb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_case_of_each_subtag() {
        assert_eq!(normalize("pt-br").ok().as_deref(), Some("pt-BR"));
        assert_eq!(normalize("zh-hans").ok().as_deref(), Some("zh-Hans"));
        assert_eq!(normalize("EN").ok().as_deref(), Some("en"));
        assert_eq!(normalize("de-at").ok().as_deref(), Some("de-AT"));
        assert_eq!(normalize("ast").ok().as_deref(), Some("ast"));
    }

    #[test]
    fn rejects_unknown_and_malformed_tags() {
        for bad in ["", "xx", "qq-ZZ", "en_US!", "english", "12"] {
            let err = normalize(bad).expect_err(bad);
            assert_eq!(err.tag, bad.chars().take(64).collect::<String>(), "{bad}");
        }
    }

    #[test]
    fn translation_targets_drop_regions_and_keep_scripts() {
        for (tag, target) in [
            ("pt-BR", "pt"),
            ("es-419", "es"),
            ("es-AA", "es"),
            ("en", "en"),
            ("zh-Hant-TW", "zh-Hant"),
            ("zh-Hans", "zh-Hans"),
            ("sr-Latn-RS", "sr-Latn"),
            ("de-CH-1996", "de"),
        ] {
            assert_eq!(translation_target(tag), target, "{tag}");
        }
    }

    #[test]
    fn regions_do_not_matter_scripts_do() {
        assert!(same_language("pt-BR", "pt"));
        assert!(same_language("zh-Hans", "zh-Hans-CN"));
        assert!(!same_language("zh-Hans", "zh-Hant"));
        assert!(!same_language("es", "en"));
    }

    #[test]
    fn detects_confident_languages_only() {
        let none: &[String] = &[];
        let spanish_reader = ["es".to_owned()];
        let uncertain =
            "El estudiante escribe una carta larga a sus amigos de la escuela en Brasil.";
        assert_eq!(detect(uncertain, none), None);
        assert_eq!(detect(uncertain, &spanish_reader).as_deref(), Some("es"));
        assert_eq!(
            detect(
                "Die Schüler arbeiten gemeinsam an einem Projekt über erneuerbare Energie.",
                none
            )
            .as_deref(),
            Some("de")
        );
        assert_eq!(detect("ok", &spanish_reader), None);
    }
}
