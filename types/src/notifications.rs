//! Notifications: what a user is told, how they follow threads, and how they want email.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::AuthorView;
use crate::text_enum::text_enum;

text_enum! {
    /// Why a user was notified.
    #[derive(ToSchema, PartialOrd, Ord)]
    pub enum NotificationKind {
        /// A reply in a thread the user watches.
        Reply = "reply",
        /// `@handle` in a post the user may read.
        Mention = "mention",
        /// A reply that quotes one of the user's posts (links to `#post-ID`).
        Quote = "quote",
        /// A moderator hid the user's post; `reason` says why.
        PostHidden = "post_hidden",
        PostUnhidden = "post_unhidden",
        /// A new report in a space the user moderates.
        Report = "report",
        /// Someone joined a space the user owns.
        MemberJoined = "member_joined",
    }
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 7] = [
        Self::Reply,
        Self::Mention,
        Self::Quote,
        Self::PostHidden,
        Self::PostUnhidden,
        Self::Report,
        Self::MemberJoined,
    ];
}

text_enum! {
    /// How a user follows a thread. `normal`: mentions and quotes only; `watching`: every
    /// reply too (set on starting or replying to a thread); `muted`: nothing.
    #[derive(ToSchema)]
    pub enum WatchLevel {
        Watching = "watching",
        Normal = "normal",
        Muted = "muted",
    }
}

text_enum! {
    /// When a user is emailed about notifications.
    #[derive(ToSchema)]
    pub enum EmailMode {
        Off = "off",
        Immediate = "immediate",
        /// Once a day, at the hour the instance sets.
        Digest = "digest",
    }
}

/// A post's text as the notified user reads it: its translation into their language when
/// ready, else the original (`translated` false, in `lang`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct Excerpt {
    /// Plain text, shortened.
    pub text: String,
    pub lang: String,
    pub translated: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NotificationView {
    pub id: i64,
    pub kind: NotificationKind,
    /// Who did it; absent once their account is gone.
    pub actor: Option<AuthorView>,
    /// The space's slug.
    pub space: String,
    /// The space's name, as its members see it.
    pub space_name: String,
    pub thread_id: Option<i64>,
    /// In the reader's language when its translation is ready.
    pub thread_title: Option<String>,
    pub post_id: Option<i64>,
    pub excerpt: Option<Excerpt>,
    /// A moderator's reason (`post_hidden`).
    pub reason: Option<String>,
    /// Shown to moderators only: the post has been hidden since.
    pub post_hidden: bool,
    /// Shown to moderators only: the post has been deleted since (no excerpt).
    pub post_deleted: bool,
    pub read: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct NotificationPage {
    /// Newest first.
    pub items: Vec<NotificationView>,
    pub next_cursor: Option<String>,
    /// Unread notifications the user may still see, all pages together.
    pub unread_count: i64,
}

/// Marks notifications read: those in `ids`, and every one up to and including `up_to`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct MarkReadRequest {
    #[serde(default)]
    #[schema(max_items = 100)]
    pub ids: Vec<i64>,
    pub up_to: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UnreadCount {
    pub unread_count: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct WatchRequest {
    pub level: WatchLevel,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct WatchView {
    pub thread_id: i64,
    pub level: WatchLevel,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct NotificationSettingsView {
    pub email_mode: EmailMode,
    /// Kinds that send no email (they still show in the app).
    pub email_kinds_off: Vec<NotificationKind>,
    /// False when the instance has no mail server configured: no email is sent at all.
    pub email_available: bool,
    /// Where email goes: an address its owner confirmed. None: no email is sent.
    pub email_address: Option<String>,
    /// An address given whose confirmation link has not been followed yet.
    pub pending_address: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct UpdateNotificationSettingsRequest {
    pub email_mode: Option<EmailMode>,
    /// Repeats count once.
    pub email_kinds_off: Option<Vec<NotificationKind>>,
    /// A new address, used once its owner follows the link mailed to it; `""` removes the
    /// address (no email at all).
    #[schema(schema_with = crate::constraints::optional_email_address)]
    pub email_address: Option<String>,
}

text_enum! {
    /// Where an email in the outbox stands.
    #[derive(ToSchema)]
    pub enum EmailState {
        /// Waiting to be sent, or to be tried again after a failure.
        Queued = "queued",
        Sent = "sent",
        /// Not to be sent: what it told of is gone, or the recipient turned email off.
        Dropped = "dropped",
    }
}
