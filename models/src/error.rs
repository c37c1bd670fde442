//! Domain errors. Each maps to one stable [`Code`] (`pontis_types::error`), whose table
//! gives its kind; clients branch on the code, people read the message the HTTP layer
//! localizes from it, and the HTTP layer decides the status.

use pontis_types::Code;

use crate::db::DbError;

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
    #[error("the current password is wrong")]
    WrongPassword,
    #[error("session not found")]
    SessionNotFound,
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
    #[error("notification not found")]
    NotificationNotFound,
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
    #[error("this invitation code has expired or been used up")]
    InviteExpired,
    #[error("an invitation's use limit must be 1 to {max}")]
    InvalidInvite { max: i32 },
    /// Past by the server's clock, which no schema can say: a conflict, not a bad request.
    #[error("an invitation's expiry must be in the future")]
    InviteExpiryInPast,
    #[error("not a member of this space")]
    MemberNotFound,
    #[error("you have already reported this post")]
    AlreadyReported,
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
    #[error("at most {max} new translation languages an hour")]
    OnDemandLimit { max: u32 },
    #[error("translation job not found")]
    JobNotFound,
    #[error("not an email address Pontis can send to")]
    InvalidEmailAddress,
    #[error(
        "a glossary has at most {entries} terms, each of 1 to {chars} characters with at most {langs} translations"
    )]
    InvalidGlossary {
        entries: usize,
        chars: usize,
        langs: usize,
    },
    #[error("a correction has 1 to {max} characters")]
    InvalidCorrection { max: usize },
    #[error("that sentence is not in the post's translation")]
    SentenceNotFound,
    #[error("flag not found")]
    FlagNotFound,
    #[error("correction not found")]
    CorrectionNotFound,
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    pub fn code(&self) -> Code {
        use Error::*;
        match self {
            InvalidLanguageTag { .. } => Code::InvalidLanguageTag,
            InvalidHandle => Code::InvalidHandle,
            HandleTaken => Code::HandleTaken,
            InvalidPassword { .. } => Code::InvalidPassword,
            DisplayNameTooLong { .. } => Code::DisplayNameTooLong,
            InvalidLanguageList { .. } => Code::InvalidLanguageList,
            InvalidCredentials => Code::InvalidCredentials,
            Unauthenticated => Code::Unauthenticated,
            InvalidTokenName { .. } => Code::InvalidTokenName,
            WrongPassword => Code::WrongPassword,
            SessionNotFound => Code::SessionNotFound,
            InvalidSlug => Code::InvalidSlug,
            SlugTaken => Code::SlugTaken,
            InvalidSpaceName { .. } => Code::InvalidSpaceName,
            DescriptionTooLong { .. } => Code::DescriptionTooLong,
            SpaceNotFound => Code::SpaceNotFound,
            ThreadNotFound => Code::ThreadNotFound,
            PostNotFound => Code::PostNotFound,
            UserNotFound => Code::UserNotFound,
            ReportNotFound => Code::ReportNotFound,
            NotificationNotFound => Code::NotificationNotFound,
            BanNotFound => Code::BanNotFound,
            TokenNotFound => Code::TokenNotFound,
            AlreadyMember => Code::AlreadyMember,
            NotMember => Code::NotMember,
            Banned => Code::Banned,
            ThreadLocked => Code::ThreadLocked,
            PermissionDenied => Code::PermissionDenied,
            LastOwner => Code::LastOwner,
            InviteExpired => Code::InviteExpired,
            InvalidInvite { .. } => Code::InvalidInvite,
            InviteExpiryInPast => Code::InviteExpiryInPast,
            MemberNotFound => Code::MemberNotFound,
            AlreadyReported => Code::AlreadyReported,
            InvalidTitle { .. } => Code::InvalidTitle,
            InvalidBody { .. } => Code::InvalidBody,
            InvalidReason { .. } => Code::InvalidReason,
            ReportAlreadyResolved => Code::ReportAlreadyResolved,
            BanEndInPast => Code::BanEndInPast,
            CannotBanModerator => Code::CannotBanModerator,
            InvalidCursor => Code::InvalidCursor,
            InvalidLimit { .. } => Code::InvalidLimit,
            SearchQueryEmpty => Code::SearchQueryEmpty,
            SearchQueryTooLong { .. } => Code::SearchQueryTooLong,
            OnDemandLimit { .. } => Code::OnDemandLimit,
            JobNotFound => Code::JobNotFound,
            InvalidEmailAddress => Code::InvalidEmailAddress,
            InvalidGlossary { .. } => Code::InvalidGlossary,
            InvalidCorrection { .. } => Code::InvalidCorrection,
            SentenceNotFound => Code::SentenceNotFound,
            FlagNotFound => Code::FlagNotFound,
            CorrectionNotFound => Code::CorrectionNotFound,
            Internal(_) => Code::InternalError,
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
            | InvalidCorrection { max }
            | SearchQueryTooLong { max } => vec![("max", max.to_string())],
            InvalidGlossary {
                entries,
                chars,
                langs,
            } => vec![
                ("entries", entries.to_string()),
                ("chars", chars.to_string()),
                ("langs", langs.to_string()),
            ],
            OnDemandLimit { max } => vec![("max", max.to_string())],
            InvalidInvite { max } => vec![("max", max.to_string())],
            _ => Vec::new(),
        }
    }
}

impl Error {
    /// A fault of the server's own making (stored data it cannot read, say).
    pub(crate) fn internal(e: impl std::fmt::Display) -> Self {
        Error::Internal(e.to_string())
    }
}

impl From<pontis_types::lang::InvalidLanguageTag> for Error {
    fn from(e: pontis_types::lang::InvalidLanguageTag) -> Self {
        Error::InvalidLanguageTag { tag: e.tag }
    }
}

/// A unique index refused the write: the domain's answer (`SlugTaken`, say) when two
/// requests raced past the same check, an internal error otherwise.
pub(crate) fn or_conflict(e: diesel::result::Error, conflict: Error) -> Error {
    use diesel::result::{DatabaseErrorKind, Error as Diesel};
    match e {
        Diesel::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => conflict,
        other => other.into(),
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

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// One of each variant. The match below has no wildcard, so a new variant does not
    /// compile until it is added here too.
    fn one_of_each() -> Vec<Error> {
        use Error::*;
        let all = vec![
            InvalidLanguageTag { tag: "x".into() },
            InvalidHandle,
            HandleTaken,
            InvalidPassword { min: 1, max: 2 },
            DisplayNameTooLong { max: 1 },
            InvalidLanguageList { max: 1 },
            InvalidCredentials,
            Unauthenticated,
            InvalidTokenName { max: 1 },
            WrongPassword,
            SessionNotFound,
            InvalidSlug,
            SlugTaken,
            InvalidSpaceName { max: 1 },
            DescriptionTooLong { max: 1 },
            SpaceNotFound,
            ThreadNotFound,
            PostNotFound,
            UserNotFound,
            ReportNotFound,
            NotificationNotFound,
            BanNotFound,
            TokenNotFound,
            AlreadyMember,
            NotMember,
            Banned,
            ThreadLocked,
            PermissionDenied,
            LastOwner,
            InviteExpired,
            InvalidInvite { max: 1 },
            InviteExpiryInPast,
            MemberNotFound,
            AlreadyReported,
            InvalidTitle { max: 1 },
            InvalidBody { max: 1 },
            InvalidReason { max: 1 },
            ReportAlreadyResolved,
            BanEndInPast,
            CannotBanModerator,
            InvalidCursor,
            InvalidLimit { max: 1 },
            SearchQueryEmpty,
            SearchQueryTooLong { max: 1 },
            OnDemandLimit { max: 1 },
            JobNotFound,
            InvalidEmailAddress,
            InvalidGlossary {
                entries: 1,
                chars: 1,
                langs: 1,
            },
            InvalidCorrection { max: 1 },
            SentenceNotFound,
            FlagNotFound,
            CorrectionNotFound,
            Internal("x".into()),
        ];
        for error in &all {
            match error {
                InvalidLanguageTag { .. }
                | InvalidHandle
                | HandleTaken
                | InvalidPassword { .. }
                | DisplayNameTooLong { .. }
                | InvalidLanguageList { .. }
                | InvalidCredentials
                | Unauthenticated
                | InvalidTokenName { .. }
                | WrongPassword
                | SessionNotFound
                | InvalidSlug
                | SlugTaken
                | InvalidSpaceName { .. }
                | DescriptionTooLong { .. }
                | SpaceNotFound
                | ThreadNotFound
                | PostNotFound
                | UserNotFound
                | ReportNotFound
                | NotificationNotFound
                | BanNotFound
                | TokenNotFound
                | AlreadyMember
                | NotMember
                | Banned
                | ThreadLocked
                | PermissionDenied
                | LastOwner
                | InviteExpired
                | InvalidInvite { .. }
                | InviteExpiryInPast
                | MemberNotFound
                | AlreadyReported
                | InvalidTitle { .. }
                | InvalidBody { .. }
                | InvalidReason { .. }
                | ReportAlreadyResolved
                | BanEndInPast
                | CannotBanModerator
                | InvalidCursor
                | InvalidLimit { .. }
                | SearchQueryEmpty
                | SearchQueryTooLong { .. }
                | OnDemandLimit { .. }
                | JobNotFound
                | InvalidEmailAddress
                | InvalidGlossary { .. }
                | InvalidCorrection { .. }
                | SentenceNotFound
                | FlagNotFound
                | CorrectionNotFound
                | Internal(_) => {}
            }
        }
        all
    }

    #[test]
    fn no_two_variants_share_a_code() {
        let mut seen: HashMap<Code, String> = HashMap::new();
        for error in one_of_each() {
            if let Some(other) = seen.insert(error.code(), format!("{error:?}")) {
                panic!("{error:?} and {other} share the code {}", error.code());
            }
        }
    }
}
