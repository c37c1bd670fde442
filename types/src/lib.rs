//! What Pontis says over the wire: the JSON API's requests and responses, its error codes,
//! the translation workers' protocol, and BCP 47 language tags. No database and no HTTP
//! server here, so a client (the remote worker, a test, a script) uses these as they are.

mod text_enum;

pub mod accounts;
pub mod constraints;
pub mod error;
pub mod forum;
pub mod glossary;
pub mod lang;
pub mod limits;
pub mod moderation;
pub mod notifications;
pub mod search;
pub mod spaces;
pub mod translation;
pub mod whole;
pub mod worker;

pub use accounts::*;
pub use error::{Code, ErrorBody, ErrorKind};
pub use forum::*;
pub use glossary::*;
pub use moderation::*;
pub use notifications::*;
pub use search::*;
pub use spaces::*;
pub use text_enum::UnknownVariant;
pub use translation::*;
pub use worker::*;
