//! The Pontis data model: schema, connections on SQLite or PostgreSQL, and the forum's
//! actions with their permission checks. Knows nothing of HTTP or translation engines.

pub mod access;
pub mod accounts;
pub mod api_types;
pub mod db;
pub mod error;
pub mod lang;
pub mod limits;
pub mod moderation;
pub mod reads;
pub mod rows;
pub mod schema;
pub mod search;
pub mod secrets;
pub mod spaces;
pub mod threads;
pub mod translation;
pub mod workers;

pub use access::Actor;
pub use db::{Backend, DatabaseUrl, Db, DbError};
pub use error::{Error, ErrorKind, Result};

#[cfg(feature = "test-support")]
pub mod testing;
