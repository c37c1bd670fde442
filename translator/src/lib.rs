//! Pontis translation: engines (CTranslate2, Apertium), Markdown-aware segmentation,
//! routing between languages, and the worker that drains the translation queue. The
//! engines know nothing of the database or HTTP; the worker reaches jobs through
//! [`worker::JobSource`]: the server's database in-process (`local`, the default
//! `database` feature) or the server over HTTP (`remote`, which needs only
//! `pontis-types`).

pub mod apertium;
pub mod coverage;
pub mod ct2;
pub mod engine;
pub mod hub;
pub mod install;
pub mod installed;
#[cfg(feature = "database")]
pub mod local;
pub mod manifest;
pub mod markup;
pub mod pipeline;
pub mod quality;
pub mod remote;
pub mod route;
pub mod segment;
pub mod steer;
pub mod worker;

pub use engine::{Engine, EngineError, EngineKind, LangPair};
