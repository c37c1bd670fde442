//! The input limits of [`crate::limits`] and the grammar of handles, slugs and language
//! tags, as OpenAPI schemas: the request types name these with `schema_with`, so the
//! document states exactly what the server checks, from the same constants.
//!
//! Patterns are kept to the syntax ECMA-262 and Python share (JSON Schema's regexes are
//! ECMA's; most clients' validators are Python's or JavaScript's).

use std::borrow::Cow;
use std::collections::BTreeMap;

use utoipa::openapi::schema::{
    ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{KnownFormat, Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use crate::limits::{
    BODY_MAX, CORRECTION_MAX, DESCRIPTION_MAX, DISPLAY_NAME_MAX, GLOSSARY_TEXT_MAX, HANDLE_MAX,
    HANDLE_MIN, LANGUAGES_MAX, LEASE_JOBS_MAX, LEASE_PAIRS_MAX, LEASE_SECONDS_MAX,
    LEASE_SECONDS_MIN, MODEL_NAME_MAX, PAGE_MAX, PASSWORD_MAX, PASSWORD_MIN, REASON_MAX,
    SEARCH_QUERY_MAX, SLUG_MAX, SLUG_MIN, SPACE_NAME_MAX, TITLE_MAX, TOKEN_NAME_MAX,
    WORKER_INSTANCE_MAX,
};

/// A required text: no NUL anywhere (`limits::fits` refuses it: PostgreSQL cannot store
/// it), and one character that Rust's `str::trim` keeps (Unicode `White_Space` listed
/// out: `\s` differs between regex dialects).
const NOT_BLANK: &str = "^[^\\u0000]*[^\\u0000\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000][^\\u0000]*$";
/// An optional text: no NUL anywhere.
const NO_NUL: &str = "^[^\\u0000]*$";

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn string_or_null() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Null]))
}

fn integer(min: i64, max: i64) -> Schema {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(min))
        .maximum(Some(max))
        .into()
}

/// A required text: 1 to `max` characters once trimmed.
fn required_text(max: usize) -> Schema {
    string()
        .min_length(Some(1))
        .max_length(Some(max))
        .pattern(Some(NOT_BLANK))
        .into()
}

/// An optional text of at most `max` characters; blank or null means none.
fn optional_text(max: usize) -> Schema {
    string_or_null()
        .max_length(Some(max))
        .pattern(Some(NO_NUL))
        .into()
}

/// `[A-Za-z0-9_]`, 3 to 32; stored in lower case.
pub fn handle() -> Schema {
    string()
        .min_length(Some(HANDLE_MIN))
        .max_length(Some(HANDLE_MAX))
        .pattern(Some(format!("^[A-Za-z0-9_]{{{HANDLE_MIN},{HANDLE_MAX}}}$")))
        .into()
}

pub fn password() -> Schema {
    string()
        .min_length(Some(PASSWORD_MIN))
        .max_length(Some(PASSWORD_MAX))
        .into()
}

pub fn display_name() -> Schema {
    optional_text(DISPLAY_NAME_MAX)
}

/// Letters, digits and `-`, not at either end; stored in lower case.
pub fn slug() -> Schema {
    string()
        .min_length(Some(SLUG_MIN))
        .max_length(Some(SLUG_MAX))
        .pattern(Some("^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$"))
        .into()
}

pub fn space_name() -> Schema {
    required_text(SPACE_NAME_MAX)
}

pub fn optional_space_name() -> Schema {
    string_or_null()
        .min_length(Some(1))
        .max_length(Some(SPACE_NAME_MAX))
        .pattern(Some(NOT_BLANK))
        .into()
}

pub fn description() -> Schema {
    optional_text(DESCRIPTION_MAX)
}

pub fn token_name() -> Schema {
    required_text(TOKEN_NAME_MAX)
}

pub fn title() -> Schema {
    required_text(TITLE_MAX)
}

pub fn post_body() -> Schema {
    required_text(BODY_MAX)
}

pub fn reason() -> Schema {
    required_text(REASON_MAX)
}

pub fn optional_reason() -> Schema {
    optional_text(REASON_MAX)
}

pub fn glossary_text() -> Schema {
    required_text(GLOSSARY_TEXT_MAX)
}

pub fn correction() -> Schema {
    required_text(CORRECTION_MAX)
}

pub fn optional_correction() -> Schema {
    optional_text(CORRECTION_MAX)
}

pub fn search_query() -> Schema {
    required_text(SEARCH_QUERY_MAX)
}

pub fn model_name() -> Schema {
    required_text(MODEL_NAME_MAX)
}

pub fn worker_instance() -> Schema {
    required_text(WORKER_INSTANCE_MAX)
}

/// Items per page of a listing.
pub fn page_limit() -> Schema {
    integer(1, PAGE_MAX as i64)
}

pub fn lease_limit() -> Schema {
    integer(1, LEASE_JOBS_MAX)
}

pub fn lease_seconds() -> Schema {
    integer(LEASE_SECONDS_MIN, LEASE_SECONDS_MAX)
}

/// Absent or null: unchanged. Otherwise an address Pontis mails (`models::notifications::address::valid_address`), or `""` to
/// remove it: ASCII, `local@domain`, no quoted local part, host-name labels.
pub fn optional_email_address() -> Schema {
    string_or_null()
        .max_length(Some(254))
        .pattern(Some(EMAIL_ADDRESS_PATTERN))
        .description(Some("An email address, or \"\" to remove it"))
        .into()
}

pub const EMAIL_ADDRESS_PATTERN: &str = concat!(
    r"^$|^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*",
    r"@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
);

/// A page position the server handed out as `next_cursor`; no other text is one.
pub fn cursor() -> Schema {
    string()
        .min_length(Some(1))
        .description(Some("A previous page's `next_cursor`, as it was given"))
        .into()
}

pub fn language_tag() -> RefOr<Schema> {
    Ref::from_schema_name(LanguageTag::name()).into()
}

pub fn optional_language_tag() -> Schema {
    OneOfBuilder::new()
        .item(Ref::from_schema_name(LanguageTag::name()))
        .item(ObjectBuilder::new().schema_type(Type::Null))
        .into()
}

/// The languages a user reads, first language first.
pub fn languages() -> Schema {
    ArrayBuilder::new()
        .items(Ref::from_schema_name(LanguageTag::name()))
        .min_items(Some(1))
        .max_items(Some(LANGUAGES_MAX))
        .into()
}

pub fn optional_languages() -> Schema {
    ArrayBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
        .items(Ref::from_schema_name(LanguageTag::name()))
        .min_items(Some(1))
        .max_items(Some(LANGUAGES_MAX))
        .into()
}

pub fn language_pairs() -> Schema {
    ArrayBuilder::new()
        .items(Ref::from_schema_name("LanguagePair"))
        .min_items(Some(1))
        .max_items(Some(LEASE_PAIRS_MAX))
        .into()
}

/// A BCP 47 tag whose language is in ISO 639 (`en`, `pt-BR`, `zh-Hant`, `yue`): what
/// [`crate::lang::normalize`] accepts, without variants.
pub struct LanguageTag;

impl ToSchema for LanguageTag {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("LanguageTag")
    }
}

impl PartialSchema for LanguageTag {
    fn schema() -> RefOr<Schema> {
        string()
            .max_length(Some(crate::lang::TAG_MAX))
            .pattern(Some(language_tag_pattern()))
            .description(Some(
                "BCP 47: an ISO 639 language, then optionally a script and a region; any case",
            ))
            .examples(["en", "pt-BR", "zh-Hant"])
            .into()
    }
}

/// Every ISO 639-1 and 639-3 code, grouped by their first letters so the pattern stays
/// small, then an optional script and region.
pub fn language_tag_pattern() -> String {
    let mut two = BTreeMap::<char, String>::new();
    let mut three = BTreeMap::<String, String>::new();
    for language in isolang::languages() {
        if let Some(code) = language.to_639_1() {
            let mut chars = code.chars();
            if let (Some(first), Some(second)) = (chars.next(), chars.next()) {
                two.entry(first).or_default().push(second);
            }
        }
        let code = language.to_639_3();
        if let Some((prefix, last)) = code.split_at_checked(2) {
            three.entry(prefix.to_owned()).or_default().push_str(last);
        }
    }
    // Either case, as the server reads tags (`EN` is `en`); no `(?i)`, which ECMA lacks.
    let either = |letters: &str| format!("{letters}{}", letters.to_uppercase());
    let class = |letters: &str| format!("[{}]", either(letters));
    let alternatives: Vec<String> = two
        .iter()
        .map(|(first, seconds)| format!("{}{}", class(&first.to_string()), class(seconds)))
        .chain(three.iter().map(|(prefix, lasts)| {
            let letters: String = prefix.chars().map(|c| class(&c.to_string())).collect();
            format!("{letters}{}", class(lasts))
        }))
        .collect();
    format!(
        "^(?:{})(?:-[A-Za-z]{{4}})?(?:-(?:[A-Za-z]{{2}}|[0-9]{{3}}))?$",
        alternatives.join("|")
    )
}

#[cfg(test)]
mod tests {

    use crate::lang::normalize;

    /// What the pattern admits, the server accepts: every code it is built from, with a
    /// script and a region of each form.
    #[test]
    fn every_language_the_pattern_admits_is_accepted() {
        let mut checked = 0;
        for language in isolang::languages() {
            for code in language.to_639_1().into_iter().chain([language.to_639_3()]) {
                for tag in [
                    code.to_owned(),
                    format!("{code}-Latn"),
                    format!("{code}-BR"),
                    format!("{code}-Hant-419"),
                ] {
                    assert!(normalize(&tag).is_ok(), "{tag} is refused");
                    checked += 1;
                }
            }
        }
        assert!(checked > 7_000 * 4, "only {checked} tags");
    }
}
