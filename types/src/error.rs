//! Errors as data. Every error Pontis answers has one row in [`error_codes!`]: its stable
//! code, which clients branch on, and its kind. The localized message is looked up by the
//! code (`error-<code>` in each locale's `errors.ftl`); the HTTP status is the server's
//! business and is decided there.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What sort of failure an error is, as clients see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    InvalidRequest,
    Auth,
    NotFound,
    Internal,
}

macro_rules! error_codes {
    ($( $variant:ident = $code:literal, $kind:ident; )+) => {
        /// Every error code Pontis answers with.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant),+
        }

        impl Code {
            /// Every code, in the table's order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The stable, snake_case code clients branch on.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code),+
                }
            }

            pub fn kind(self) -> ErrorKind {
                match self {
                    $(Code::$variant => ErrorKind::$kind),+
                }
            }
        }
    };
}

error_codes! {
    // Accounts
    InvalidLanguageTag = "invalid_language_tag", InvalidRequest;
    InvalidHandle = "invalid_handle", InvalidRequest;
    HandleTaken = "handle_taken", InvalidRequest;
    InvalidPassword = "invalid_password", InvalidRequest;
    DisplayNameTooLong = "display_name_too_long", InvalidRequest;
    InvalidLanguageList = "invalid_language_list", InvalidRequest;
    InvalidCredentials = "invalid_credentials", Auth;
    Unauthenticated = "unauthenticated", Auth;
    InvalidTokenName = "invalid_token_name", InvalidRequest;
    WrongPassword = "wrong_password", InvalidRequest;
    SessionNotFound = "session_not_found", NotFound;
    // Spaces and membership
    InvalidSlug = "invalid_slug", InvalidRequest;
    SlugTaken = "slug_taken", InvalidRequest;
    InvalidSpaceName = "invalid_space_name", InvalidRequest;
    DescriptionTooLong = "description_too_long", InvalidRequest;
    AlreadyMember = "already_member", InvalidRequest;
    NotMember = "not_member", Auth;
    Banned = "banned", Auth;
    PermissionDenied = "permission_denied", Auth;
    LastOwner = "last_owner", InvalidRequest;
    InviteExpired = "invite_expired", Auth;
    InvalidInvite = "invalid_invite", InvalidRequest;
    InviteExpiryInPast = "invite_expiry_in_past", InvalidRequest;
    MemberNotFound = "member_not_found", NotFound;
    // Not found
    SpaceNotFound = "space_not_found", NotFound;
    ThreadNotFound = "thread_not_found", NotFound;
    PostNotFound = "post_not_found", NotFound;
    UserNotFound = "user_not_found", NotFound;
    ReportNotFound = "report_not_found", NotFound;
    NotificationNotFound = "notification_not_found", NotFound;
    BanNotFound = "ban_not_found", NotFound;
    TokenNotFound = "token_not_found", NotFound;
    RouteNotFound = "route_not_found", NotFound;
    // Threads, posts and moderation
    ThreadLocked = "thread_locked", InvalidRequest;
    InvalidTitle = "invalid_title", InvalidRequest;
    InvalidBody = "invalid_body", InvalidRequest;
    InvalidReason = "invalid_reason", InvalidRequest;
    ReportAlreadyResolved = "report_already_resolved", InvalidRequest;
    AlreadyReported = "already_reported", InvalidRequest;
    BanEndInPast = "ban_end_in_past", InvalidRequest;
    CannotBanModerator = "cannot_ban_moderator", InvalidRequest;
    // Notifications by email
    InvalidEmailAddress = "invalid_email_address", InvalidRequest;
    // Paging and search
    InvalidCursor = "invalid_cursor", InvalidRequest;
    InvalidLimit = "invalid_limit", InvalidRequest;
    SearchQueryEmpty = "search_query_empty", InvalidRequest;
    SearchQueryTooLong = "search_query_too_long", InvalidRequest;
    // Translation
    OnDemandLimit = "on_demand_limit", InvalidRequest;
    JobNotFound = "job_not_found", NotFound;
    InvalidTranslation = "invalid_translation", InvalidRequest;
    // Glossary and corrections
    InvalidGlossary = "invalid_glossary", InvalidRequest;
    InvalidCorrection = "invalid_correction", InvalidRequest;
    SentenceNotFound = "sentence_not_found", NotFound;
    FlagNotFound = "flag_not_found", NotFound;
    CorrectionNotFound = "correction_not_found", NotFound;
    // The request itself
    InvalidJson = "invalid_json", InvalidRequest;
    InvalidQuery = "invalid_query", InvalidRequest;
    InvalidPath = "invalid_path", InvalidRequest;
    MethodNotAllowed = "method_not_allowed", InvalidRequest;
    PayloadTooLarge = "payload_too_large", InvalidRequest;
    UnsupportedMediaType = "unsupported_media_type", InvalidRequest;
    RateLimited = "rate_limited", InvalidRequest;
    CsrfTokenInvalid = "csrf_token_invalid", Auth;
    // The server
    InternalError = "internal_error", Internal;
    ServiceUnavailable = "service_unavailable", Internal;
    SearchUnavailable = "search_unavailable", Internal;
}

impl Code {
    /// The Fluent message that says this error in words: `error-<code with hyphens>`.
    pub fn message_id(self) -> String {
        format!("error-{}", self.as_str().replace('_', "-"))
    }
}

/// So that a code compares with the text clients see: `assert_eq!(e.code(), "banned")`.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The body of every error response.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    /// Stable, snake_case; clients branch on it.
    pub code: String,
    /// For people, in the requester's language.
    pub message: String,
    #[serde(rename = "type")]
    pub kind: ErrorKind,
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = HashSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} is in the table twice");
            assert!(
                text.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{text} is not snake_case"
            );
        }
    }
}
