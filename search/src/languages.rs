//! How each language's text is analyzed. Every language with a Snowball stemmer gets its
//! own field, so "panels" finds "panel"; Chinese, Japanese and Korean, written without
//! spaces, are cut into overlapping character pairs; other languages are lower-cased and
//! accent-folded words.

use tantivy::tokenizer::Language;

/// How a field's text is cut into terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analysis {
    Stemmed(Language),
    /// Overlapping pairs of CJK characters, words elsewhere.
    CjkBigrams,
    Words,
}

/// One text field per language family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageField {
    /// The primary language subtag, also the field name's suffix.
    pub code: &'static str,
    pub analysis: Analysis,
    /// Meilisearch's locale (ISO 639-3) for its language-specific tokenization.
    pub meili_locale: Option<&'static str>,
}

const fn field(
    code: &'static str,
    analysis: Analysis,
    meili_locale: Option<&'static str>,
) -> LanguageField {
    LanguageField {
        code,
        analysis,
        meili_locale,
    }
}

/// Text in any language not listed goes to the last field, `other`.
pub const FIELDS: &[LanguageField] = &[
    field("en", Analysis::Stemmed(Language::English), Some("eng")),
    field("es", Analysis::Stemmed(Language::Spanish), Some("spa")),
    field("fr", Analysis::Stemmed(Language::French), Some("fra")),
    field("de", Analysis::Stemmed(Language::German), Some("deu")),
    field("pt", Analysis::Stemmed(Language::Portuguese), Some("por")),
    field("it", Analysis::Stemmed(Language::Italian), Some("ita")),
    field("nl", Analysis::Stemmed(Language::Dutch), Some("nld")),
    field("sv", Analysis::Stemmed(Language::Swedish), Some("swe")),
    field("da", Analysis::Stemmed(Language::Danish), Some("dan")),
    field("no", Analysis::Stemmed(Language::Norwegian), Some("nob")),
    field("fi", Analysis::Stemmed(Language::Finnish), Some("fin")),
    field("ro", Analysis::Stemmed(Language::Romanian), Some("ron")),
    field("hu", Analysis::Stemmed(Language::Hungarian), Some("hun")),
    field("tr", Analysis::Stemmed(Language::Turkish), Some("tur")),
    field("el", Analysis::Stemmed(Language::Greek), Some("ell")),
    field("ru", Analysis::Stemmed(Language::Russian), Some("rus")),
    field("ar", Analysis::Stemmed(Language::Arabic), Some("ara")),
    field("ta", Analysis::Stemmed(Language::Tamil), Some("tam")),
    field("zh", Analysis::CjkBigrams, Some("cmn")),
    field("ja", Analysis::CjkBigrams, Some("jpn")),
    field("ko", Analysis::CjkBigrams, Some("kor")),
    field("ca", Analysis::Words, Some("cat")),
    field("uk", Analysis::Words, Some("ukr")),
    field("pl", Analysis::Words, Some("pol")),
    field("cs", Analysis::Words, Some("ces")),
    field("he", Analysis::Words, Some("heb")),
    OTHER,
];

const OTHER: LanguageField = field("other", Analysis::Words, None);

/// The field for a BCP 47 tag, by its primary subtag (`pt-BR` → `pt`, `nb` → `no`).
pub fn field_for(lang: &str) -> &'static LanguageField {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let primary = match primary.as_str() {
        "nb" | "nn" => "no",
        other => other,
    };
    FIELDS.iter().find(|f| f.code == primary).unwrap_or(&OTHER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_their_language_field() {
        assert_eq!(field_for("pt-BR").code, "pt");
        assert_eq!(field_for("zh-Hans").code, "zh");
        assert_eq!(field_for("nb").code, "no");
        assert_eq!(field_for("eu").code, "other");
    }
}
