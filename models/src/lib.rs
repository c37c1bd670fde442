//! The Pontis data model: schema, connections on SQLite or PostgreSQL, and the forum's
//! actions with their permission checks. Knows nothing of HTTP or translation engines;
//! what it takes and returns on the wire is in `pontis-types`.
//!
//! Modules, lowest first (each uses only those above it): `db`, `schema`, `rows`,
//! `error`, `secrets`, `cursor`; `access` (who may do what); `accounts`; `reading` (who
//! reads which language); `search` (the search outbox and documents); `translation`
//! (queue, leases, stored translations); `views` (rows as readers see them); `modlog`;
//! `notifications` (who is told of what; their views); `posts`, `threads`, `changes`,
//! `read_marks`; `moderation`; `spaces`; `workers`.

pub mod access;
pub mod accounts;
pub mod changes;
pub mod cursor;
pub mod db;
pub mod error;
pub mod moderation;
pub mod modlog;
pub mod monitoring;
pub mod notifications;
pub mod posts;
pub mod read_marks;
pub mod reading;
pub mod rows;
pub mod schema;
pub mod search;
pub mod secrets;
pub mod spaces;
pub mod threads;
pub mod translation;
pub mod views;
pub mod workers;

pub use access::Actor;
pub use db::{Backend, DatabaseUrl, Db, DbError, Delivery};
pub use error::{Error, Result};

#[cfg(feature = "test-support")]
pub mod testing;
