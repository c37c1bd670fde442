//! Input limits, in characters (not bytes), so that every script gets the same room.

pub const HANDLE_MIN: usize = 3;
pub const HANDLE_MAX: usize = 32;
pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 256;
pub const DISPLAY_NAME_MAX: usize = 64;
pub const LANGUAGES_MAX: usize = 10;
pub const TOKEN_NAME_MAX: usize = 64;
pub const SLUG_MIN: usize = 3;
pub const SLUG_MAX: usize = 48;
pub const SPACE_NAME_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 2_000;
pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 20_000;
pub const REASON_MAX: usize = 1_000;
/// The most joins one invitation code may be limited to.
pub const INVITE_USES_MAX: i32 = 10_000;
/// Reports resolved in one request.
pub const RESOLVE_REPORTS_MAX: usize = 100;
/// Items per page: at most, and when a request does not say.
pub const PAGE_MAX: usize = 100;
pub const PAGE_DEFAULT: usize = 50;
/// Search results per page when a request does not say.
pub const SEARCH_PAGE_DEFAULT: usize = 20;
/// The longest search query, in characters.
pub const SEARCH_QUERY_MAX: usize = 200;
/// Request bodies (JSON or a form) above this size are refused with `payload_too_large`.
/// The longest post (20,000 characters of 4-byte script) fits with room for its envelope.
pub const BODY_MAX_BYTES: usize = 256 * 1024;
/// What a remote worker may lease at once, and for how long (seconds).
pub const LEASE_JOBS_MAX: i64 = 256;
pub const LEASE_SECONDS_MIN: i64 = 10;
pub const LEASE_SECONDS_MAX: i64 = 900;
/// A remote worker process's name, unique among its token's workers.
pub const WORKER_INSTANCE_MAX: usize = 200;
/// A model's name as a worker reports it with a quality guard's hit.
pub const MODEL_NAME_MAX: usize = 200;
/// Quality guard hits one job's result may report.
pub const GUARD_HITS_MAX: usize = 16;
/// Language pairs one lease may name.
pub const LEASE_PAIRS_MAX: usize = 1_000;
/// A translation may be at most this many times its source's characters, plus
/// `RESULT_SLACK_CHARS`: room for any language, none for a payload.
pub const RESULT_CHARS_PER_SOURCE_CHAR: usize = 4;
pub const RESULT_SLACK_CHARS: usize = 1_024;
pub const SESSION_DAYS: i64 = 30;
/// Characters of a browser's User-Agent kept with its session.
pub const USER_AGENT_MAX: usize = 200;

pub fn chars(text: &str) -> usize {
    text.chars().count()
}

/// Whether `text` fits in `max` characters and can be stored: a NUL character is no
/// text, and PostgreSQL refuses it outright.
pub fn fits(text: &str, max: usize) -> bool {
    chars(text) <= max && !text.contains('\0')
}

/// Trims and checks a required text field.
pub fn required(text: &str, max: usize) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty() && fits(trimmed, max)).then(|| trimmed.to_owned())
}

/// A space's glossary: entries, languages per entry, characters per term or translation.
pub const GLOSSARY_ENTRIES_MAX: usize = 200;
pub const GLOSSARY_TRANSLATIONS_MAX: usize = 12;
pub const GLOSSARY_TEXT_MAX: usize = 100;
/// A teacher's correction of one sentence, or a reader's suggestion.
pub const CORRECTION_MAX: usize = 2_000;
