//! Domain errors. Each has a stable code, a kind and a status: clients branch on the code,
//! people read the message, which the HTTP layer localizes from the code.

use crate::db::DbError;

/// What sort of failure an error is, as clients see it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    InvalidRequest,
    Auth,
    NotFound,
    Internal,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid language tag {tag:?}")]
    InvalidLanguageTag { tag: String },
    #[error("handle must be 3 to 32 characters of a-z, 0-9 and _")]
    InvalidHandle,
    #[error("handle already taken")]
    HandleTaken,
    #[error("password must be {min} to {max} characters")]
    InvalidPassword { min: usize, max: usize },
    #[error("display name is longer than {max} characters")]
    DisplayNameTooLong { max: usize },
    #[error("between 1 and {max} languages are required")]
    InvalidLanguageList { max: usize },
    #[error("wrong handle or password")]
    InvalidCredentials,
    #[error("authentication required")]
    Unauthenticated,
    #[error("token name must be 1 to {max} characters")]
    InvalidTokenName { max: usize },
    #[error("slug must be 3 to 48 characters of a-z, 0-9 and -")]
    InvalidSlug,
    #[error("slug already taken")]
    SlugTaken,
    #[error("space name must be 1 to {max} characters")]
    InvalidSpaceName { max: usize },
    #[error("description is longer than {max} characters")]
    DescriptionTooLong { max: usize },
    #[error("space not found")]
    SpaceNotFound,
    #[error("thread not found")]
    ThreadNotFound,
    #[error("post not found")]
    PostNotFound,
    #[error("user not found")]
    UserNotFound,
    #[error("report not found")]
    ReportNotFound,
    #[error("ban not found")]
    BanNotFound,
    #[error("token not found")]
    TokenNotFound,
    #[error("already a member")]
    AlreadyMember,
    #[error("join the space first")]
    NotMember,
    #[error("banned from this space")]
    Banned,
    #[error("thread is locked")]
    ThreadLocked,
    #[error("not allowed")]
    PermissionDenied,
    #[error("a space needs at least one owner")]
    LastOwner,
    #[error("title must be 1 to {max} characters")]
    InvalidTitle { max: usize },
    #[error("body must be 1 to {max} characters")]
    InvalidBody { max: usize },
    #[error("reason must be 1 to {max} characters")]
    InvalidReason { max: usize },
    #[error("report already resolved")]
    ReportAlreadyResolved,
    #[error("ban end time is in the past")]
    BanEndInPast,
    #[error("cannot ban a moderator of the space")]
    CannotBanModerator,
    #[error("invalid pagination cursor")]
    InvalidCursor,
    #[error("limit must be 1 to {max}")]
    InvalidLimit { max: usize },
    #[error("search needs words to look for")]
    SearchQueryEmpty,
    #[error("search is limited to {max} characters")]
    SearchQueryTooLong { max: usize },
    #[error("the start of the date range is after its end")]
    InvalidDateRange,
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// The stable, snake_case code clients branch on.
    pub fn code(&self) -> &'static str {
        use Error::*;
        match self {
            InvalidLanguageTag { .. } => "invalid_language_tag",
            InvalidHandle => "invalid_handle",
            HandleTaken => "handle_taken",
            InvalidPassword { .. } => "invalid_password",
            DisplayNameTooLong { .. } => "display_name_too_long",
            InvalidLanguageList { .. } => "invalid_language_list",
            InvalidCredentials => "invalid_credentials",
            Unauthenticated => "unauthenticated",
            InvalidTokenName { .. } => "invalid_token_name",
            InvalidSlug => "invalid_slug",
            SlugTaken => "slug_taken",
            InvalidSpaceName { .. } => "invalid_space_name",
            DescriptionTooLong { .. } => "description_too_long",
            SpaceNotFound => "space_not_found",
            ThreadNotFound => "thread_not_found",
            PostNotFound => "post_not_found",
            UserNotFound => "user_not_found",
            ReportNotFound => "report_not_found",
            BanNotFound => "ban_not_found",
            TokenNotFound => "token_not_found",
            AlreadyMember => "already_member",
            NotMember => "not_member",
            Banned => "banned",
            ThreadLocked => "thread_locked",
            PermissionDenied => "permission_denied",
            LastOwner => "last_owner",
            InvalidTitle { .. } => "invalid_title",
            InvalidBody { .. } => "invalid_body",
            InvalidReason { .. } => "invalid_reason",
            ReportAlreadyResolved => "report_already_resolved",
            BanEndInPast => "ban_end_in_past",
            CannotBanModerator => "cannot_ban_moderator",
            InvalidCursor => "invalid_cursor",
            InvalidLimit { .. } => "invalid_limit",
            SearchQueryEmpty => "search_query_empty",
            SearchQueryTooLong { .. } => "search_query_too_long",
            InvalidDateRange => "invalid_date_range",
            Internal(_) => "internal_error",
        }
    }

    pub fn kind(&self) -> ErrorKind {
        use Error::*;
        match self {
            InvalidCredentials | Unauthenticated | NotMember | Banned | PermissionDenied => {
                ErrorKind::Auth
            }
            SpaceNotFound | ThreadNotFound | PostNotFound | UserNotFound | ReportNotFound
            | BanNotFound | TokenNotFound => ErrorKind::NotFound,
            Internal(_) => ErrorKind::Internal,
            _ => ErrorKind::InvalidRequest,
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        use Error::*;
        match self {
            InvalidCredentials | Unauthenticated => 401,
            NotMember | Banned | PermissionDenied => 403,
            HandleTaken
            | SlugTaken
            | AlreadyMember
            | LastOwner
            | ReportAlreadyResolved
            | ThreadLocked => 409,
            Internal(_) => 500,
            _ if self.kind() == ErrorKind::NotFound => 404,
            _ => 400,
        }
    }

    /// Values the localized message may use, by Fluent variable name.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        use Error::*;
        match self {
            InvalidLanguageTag { tag } => vec![("tag", tag.clone())],
            InvalidPassword { min, max } => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            DisplayNameTooLong { max }
            | InvalidLanguageList { max }
            | InvalidTokenName { max }
            | InvalidSpaceName { max }
            | DescriptionTooLong { max }
            | InvalidTitle { max }
            | InvalidBody { max }
            | InvalidReason { max }
            | InvalidLimit { max }
            | SearchQueryTooLong { max } => vec![("max", max.to_string())],
            _ => Vec::new(),
        }
    }
}

impl From<DbError> for Error {
    fn from(e: DbError) -> Self {
        Error::Internal(e.to_string())
    }
}

impl From<diesel::result::Error> for Error {
    fn from(e: diesel::result::Error) -> Self {
        Error::Internal(e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
