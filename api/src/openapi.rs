//! The error answers of the OpenAPI document. Handlers declare only their success; every
//! error response is written here, from what the operation is (signed in, a JSON body,
//! parameters) and the domain codes it may answer (`DOMAIN_CODES`), each under the status
//! `status_of` gives it, with a body whose `code` is one of the codes listed there.

use std::collections::{BTreeMap, BTreeSet};

use actix_web::http::StatusCode;
use pontis_types::{Code, constraints};
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{AllOfBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, ResponseBuilder};

use crate::error::status_of;

/// What each operation may answer besides what every operation of its kind answers: the
/// domain's own codes, by operation id (the handler's name).
const DOMAIN_CODES: &[(&str, &[Code])] = {
    use Code::*;
    &[
        // Accounts
        (
            "register",
            &[
                InvalidHandle,
                InvalidPassword,
                DisplayNameTooLong,
                InvalidLanguageTag,
                InvalidLanguageList,
                HandleTaken,
                RateLimited,
            ],
        ),
        ("login", &[InvalidCredentials, RateLimited]),
        ("logout", &[]),
        ("get_me", &[]),
        (
            "update_me",
            &[DisplayNameTooLong, InvalidLanguageTag, InvalidLanguageList],
        ),
        ("list_tokens", &[]),
        ("create_token", &[InvalidTokenName]),
        ("delete_token", &[TokenNotFound]),
        ("change_password", &[WrongPassword, InvalidPassword]),
        ("list_sessions", &[]),
        ("end_all_sessions", &[]),
        ("end_session", &[SessionNotFound]),
        // Spaces and membership
        (
            "create_space",
            &[
                InvalidSlug,
                InvalidSpaceName,
                DescriptionTooLong,
                SlugTaken,
                RateLimited,
            ],
        ),
        ("list_spaces", &[]),
        ("get_space", &[SpaceNotFound]),
        (
            "join_space",
            &[
                SpaceNotFound,
                InviteExpired,
                Banned,
                AlreadyMember,
                RateLimited,
            ],
        ),
        ("leave_space", &[SpaceNotFound, NotMember, LastOwner]),
        ("list_members", &[SpaceNotFound, NotMember]),
        (
            "update_member",
            &[
                SpaceNotFound,
                UserNotFound,
                MemberNotFound,
                NotMember,
                PermissionDenied,
                LastOwner,
            ],
        ),
        (
            "remove_member",
            &[
                SpaceNotFound,
                UserNotFound,
                MemberNotFound,
                NotMember,
                PermissionDenied,
                LastOwner,
            ],
        ),
        (
            "rotate_invite",
            &[
                InvalidInvite,
                InviteExpiryInPast,
                SpaceNotFound,
                NotMember,
                PermissionDenied,
            ],
        ),
        (
            "update_space",
            &[
                InvalidSpaceName,
                DescriptionTooLong,
                SpaceNotFound,
                NotMember,
                PermissionDenied,
            ],
        ),
        // Threads and posts
        (
            "create_thread",
            &[
                InvalidTitle,
                InvalidBody,
                InvalidLanguageTag,
                SpaceNotFound,
                NotMember,
                Banned,
                RateLimited,
            ],
        ),
        (
            "list_threads",
            &[InvalidCursor, InvalidLimit, SpaceNotFound],
        ),
        (
            "get_thread",
            &[
                InvalidCursor,
                InvalidLimit,
                InvalidLanguageTag,
                ThreadNotFound,
                OnDemandLimit,
            ],
        ),
        (
            "create_post",
            &[
                InvalidBody,
                InvalidLanguageTag,
                ThreadNotFound,
                NotMember,
                Banned,
                ThreadLocked,
                RateLimited,
            ],
        ),
        (
            "thread_events",
            &[
                InvalidLanguageTag,
                ThreadNotFound,
                Banned,
                OnDemandLimit,
                RateLimited,
            ],
        ),
        (
            "events",
            &[
                InvalidQuery,
                InvalidLanguageTag,
                ThreadNotFound,
                Banned,
                RateLimited,
            ],
        ),
        // Notifications
        ("list_notifications", &[InvalidCursor, InvalidLimit]),
        ("mark_notifications_read", &[InvalidLimit]),
        ("get_watch", &[ThreadNotFound]),
        ("set_watch", &[ThreadNotFound]),
        ("get_notification_settings", &[]),
        ("update_notification_settings", &[InvalidEmailAddress]),
        ("lock_thread", THREAD_SWITCH),
        ("unlock_thread", THREAD_SWITCH),
        ("pin_thread", THREAD_SWITCH),
        ("unpin_thread", THREAD_SWITCH),
        ("hide_thread", THREAD_SWITCH),
        ("unhide_thread", THREAD_SWITCH),
        (
            "get_post",
            &[InvalidLanguageTag, PostNotFound, OnDemandLimit],
        ),
        (
            "edit_post",
            &[
                InvalidBody,
                InvalidLanguageTag,
                PostNotFound,
                PermissionDenied,
                Banned,
                ThreadLocked,
                RateLimited,
            ],
        ),
        (
            "set_post_language",
            &[
                InvalidLanguageTag,
                PostNotFound,
                PermissionDenied,
                Banned,
                ThreadLocked,
                RateLimited,
            ],
        ),
        ("delete_post", &[PostNotFound, PermissionDenied]),
        ("list_revisions", &[PostNotFound, PermissionDenied]),
        ("hide_post", POST_SWITCH),
        ("unhide_post", POST_SWITCH),
        (
            "report_post",
            &[
                InvalidReason,
                PostNotFound,
                NotMember,
                Banned,
                AlreadyReported,
                RateLimited,
            ],
        ),
        // Moderation
        (
            "list_reports",
            &[InvalidCursor, InvalidLimit, SpaceNotFound, PermissionDenied],
        ),
        (
            "resolve_reports",
            &[InvalidLimit, InvalidReason, SpaceNotFound, PermissionDenied],
        ),
        (
            "resolve_report",
            &[
                InvalidReason,
                ReportNotFound,
                PermissionDenied,
                ReportAlreadyResolved,
            ],
        ),
        ("list_bans", &[SpaceNotFound, PermissionDenied]),
        (
            "ban_user",
            &[
                InvalidReason,
                SpaceNotFound,
                UserNotFound,
                PermissionDenied,
                BanEndInPast,
                CannotBanModerator,
            ],
        ),
        (
            "unban_user",
            &[SpaceNotFound, UserNotFound, BanNotFound, PermissionDenied],
        ),
        (
            "modlog",
            &[InvalidCursor, InvalidLimit, SpaceNotFound, PermissionDenied],
        ),
        // Glossary and corrections
        ("get_glossary", &[SpaceNotFound, PermissionDenied]),
        (
            "put_glossary",
            &[
                InvalidGlossary,
                InvalidLanguageTag,
                SpaceNotFound,
                PermissionDenied,
                RateLimited,
            ],
        ),
        ("post_sentences", &[InvalidLanguageTag, PostNotFound]),
        (
            "flag_sentence",
            &[
                InvalidCorrection,
                InvalidLanguageTag,
                PostNotFound,
                SentenceNotFound,
                NotMember,
                Banned,
                RateLimited,
            ],
        ),
        ("list_corrections", &[SpaceNotFound, PermissionDenied]),
        (
            "approve_correction",
            &[
                InvalidCorrection,
                SpaceNotFound,
                PermissionDenied,
                FlagNotFound,
                RateLimited,
            ],
        ),
        (
            "revoke_correction",
            &[SpaceNotFound, PermissionDenied, CorrectionNotFound],
        ),
        (
            "dismiss_flag",
            &[SpaceNotFound, PermissionDenied, FlagNotFound],
        ),
        // Search
        (
            "search",
            &[
                SearchQueryEmpty,
                SearchQueryTooLong,
                InvalidLanguageTag,
                InvalidCursor,
                InvalidLimit,
                SpaceNotFound,
                UserNotFound,
                OnDemandLimit,
                RateLimited,
                SearchUnavailable,
            ],
        ),
        // Administration
        ("translation_jobs", &[InvalidLimit, PermissionDenied]),
        ("retry_translation_job", &[JobNotFound, PermissionDenied]),
        ("create_worker", &[InvalidTokenName, PermissionDenied]),
        ("list_workers", &[PermissionDenied]),
        ("revoke_worker", &[TokenNotFound, PermissionDenied]),
        // Remote workers
        ("lease_jobs", &[InvalidLimit, InvalidLanguageTag]),
        ("complete", &[InvalidTranslation]),
        ("lookup_segments", &[]),
        // The service
        ("health", &[]),
        ("ready", &[ServiceUnavailable]),
        ("scrape", &[PermissionDenied]),
        ("openapi_json", &[]),
    ]
};

const THREAD_SWITCH: &[Code] = &[
    Code::InvalidReason,
    Code::ThreadNotFound,
    Code::PermissionDenied,
];
const POST_SWITCH: &[Code] = &[
    Code::InvalidReason,
    Code::PostNotFound,
    Code::PermissionDenied,
];

/// Writes every operation's error responses. Panics on an operation the table does not
/// list: a new route must say what it answers (the document is built at start-up and in
/// the tests, so this cannot reach a running server unnoticed).
pub fn declare_errors(document: &mut OpenApi) {
    let table: BTreeMap<&str, &[Code]> = DOMAIN_CODES.iter().copied().collect();
    for (path, item) in &mut document.paths.paths {
        let operations = [
            (&mut item.get, true),
            (&mut item.put, false),
            (&mut item.post, false),
            (&mut item.delete, false),
            (&mut item.patch, false),
        ];
        for (operation, read) in operations {
            let Some(operation) = operation.as_mut() else {
                continue;
            };
            let id = operation.operation_id.clone().unwrap_or_default();
            let Some(domain) = table.get(id.as_str()) else {
                panic!("{path}: the operation {id:?} is not in openapi::DOMAIN_CODES");
            };
            let mut by_status: BTreeMap<u16, Vec<&'static str>> = BTreeMap::new();
            for code in codes_of(operation, domain, read) {
                by_status
                    .entry(status_of(code).as_u16())
                    .or_default()
                    .push(code.as_str());
            }
            constrain_parameters(operation);
            for (status, codes) in by_status {
                operation
                    .responses
                    .responses
                    .insert(status.to_string(), error_response(status, &codes).into());
            }
        }
    }
}

/// A query parameter means the same wherever it appears, so its schema follows from its
/// name: the limits of `pontis_types::constraints`.
fn constrain_parameters(operation: &mut Operation) {
    for parameter in operation.parameters.iter_mut().flatten() {
        let RefOr::T(parameter) = parameter else {
            continue;
        };
        if !matches!(parameter.parameter_in, ParameterIn::Query) {
            continue;
        }
        let schema = match parameter.name.as_str() {
            "limit" => constraints::page_limit().into(),
            "cursor" => constraints::cursor().into(),
            "lang" | "origin_lang" => constraints::language_tag(),
            "q" => constraints::search_query().into(),
            _ => continue,
        };
        parameter.schema = Some(schema);
    }
}

/// The operation ids the table lists, for the test that compares it with the document.
pub fn listed_operations() -> impl Iterator<Item = &'static str> {
    DOMAIN_CODES.iter().map(|(id, _)| *id)
}

/// The codes of an operation: its domain's, and those every operation of its kind has.
fn codes_of(operation: &Operation, domain: &[Code], read: bool) -> BTreeSet<Code> {
    let mut codes: BTreeSet<Code> = domain.iter().copied().collect();
    codes.insert(Code::InternalError);
    let schemes = security_schemes(operation);
    if !schemes.is_empty() {
        codes.insert(Code::Unauthenticated);
    }
    // A write signed in by the session cookie needs the CSRF header.
    if schemes.contains("session_cookie") && !read {
        codes.insert(Code::CsrfTokenInvalid);
    }
    if operation.request_body.is_some() {
        codes.extend([
            Code::InvalidJson,
            Code::PayloadTooLarge,
            Code::UnsupportedMediaType,
        ]);
    }
    for parameter in operation.parameters.iter().flatten() {
        if let RefOr::T(parameter) = parameter {
            match parameter.parameter_in {
                ParameterIn::Path => {
                    codes.insert(Code::InvalidPath);
                }
                ParameterIn::Query => {
                    codes.insert(Code::InvalidQuery);
                }
                _ => {}
            }
        }
    }
    codes
}

/// The security schemes that may sign the operation in; none for a public one. Without a
/// list of its own an operation has the document's: the bearer token or the session cookie.
fn security_schemes(operation: &Operation) -> BTreeSet<String> {
    match &operation.security {
        None => ["bearer", "session_cookie"].map(String::from).into(),
        Some(requirements) => requirements
            .iter()
            .filter_map(|r| serde_json::to_value(r).ok())
            .filter_map(|v| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()))
            .flatten()
            .collect(),
    }
}

/// An error response: `ErrorBody` whose `code` is one of `codes`.
fn error_response(status: u16, codes: &[&str]) -> utoipa::openapi::Response {
    let reason = StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error");
    let schema: Schema = AllOfBuilder::new()
        .item(Ref::from_schema_name("ErrorBody"))
        .item(
            ObjectBuilder::new().schema_type(Type::Object).property(
                "code",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(codes.iter().copied())),
            ),
        )
        .into();
    let mut response = ResponseBuilder::new()
        .description(format!("{reason}: {}", codes.join(", ")))
        .content(
            "application/json",
            ContentBuilder::new().schema(Some(schema)).build(),
        );
    if status == StatusCode::TOO_MANY_REQUESTS.as_u16() {
        response = response.header(
            "Retry-After",
            utoipa::openapi::HeaderBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(Type::Integer)))
                .description(Some(
                    "Seconds to wait, when a rate limit refused the request",
                ))
                .build(),
        );
    }
    response.build()
}

/// The methods the document declares for the path template that `path` fills in.
pub fn allowed_methods(document: &OpenApi, path: &str) -> Vec<String> {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let fits = |template: &str| {
        let parts: Vec<&str> = template.split('/').collect();
        parts.len() == segments.len()
            && parts.iter().zip(&segments).all(|(part, segment)| {
                (part.starts_with('{') && part.ends_with('}') && !segment.is_empty())
                    || part == segment
            })
    };
    let mut allowed: Vec<String> = document
        .paths
        .paths
        .iter()
        .filter(|(template, _)| fits(template))
        .flat_map(|(_, item)| {
            [
                (item.get.is_some(), "GET"),
                (item.put.is_some(), "PUT"),
                (item.post.is_some(), "POST"),
                (item.delete.is_some(), "DELETE"),
                (item.patch.is_some(), "PATCH"),
            ]
            .into_iter()
            .filter(|(declared, _)| *declared)
            .map(|(_, method)| method.to_owned())
        })
        .collect();
    if allowed.iter().any(|m| m == "GET") {
        allowed.push("HEAD".into());
    }
    allowed.sort();
    allowed.dedup();
    allowed
}
