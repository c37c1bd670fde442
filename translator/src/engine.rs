//! What every translation engine offers: translate a batch of segments from one language
//! to another. Engines block; callers run them on threads of their own.

use std::fmt;

/// A language pair, as BCP 47 tags.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LangPair {
    pub from: String,
    pub to: String,
}

impl LangPair {
    pub fn new(from: impl Into<String>, to: impl Into<String>) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
        }
    }
}

impl fmt::Display for LangPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}→{}", self.from, self.to)
    }
}

/// Which kind of engine; routing prefers CTranslate2 to Apertium.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EngineKind {
    CTranslate2,
    Apertium,
}

impl EngineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EngineKind::CTranslate2 => "ctranslate2",
            EngineKind::Apertium => "apertium",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("{engine} cannot translate {pair}")]
    UnsupportedPair { engine: String, pair: LangPair },
    #[error("{engine} process failed: {detail}")]
    Process { engine: String, detail: String },
    #[error("{engine} model failed: {detail}")]
    Model { engine: String, detail: String },
    #[error("{engine} returned {got} translations for {sent} segments")]
    CountMismatch {
        engine: String,
        sent: usize,
        got: usize,
    },
}

pub trait Engine: Send + Sync {
    fn kind(&self) -> EngineKind;
    /// The model's name, stored beside each translation it makes.
    fn model(&self) -> &str;
    /// The pairs this engine translates directly.
    fn pairs(&self) -> Vec<LangPair>;
    /// Translates each segment; the result has one entry per segment, in order. A
    /// segment may carry inline markup as marks ([`crate::markup`]): the engine keeps
    /// them beside the words they belong to, or places them again by position.
    fn translate(&self, pair: &LangPair, segments: &[String]) -> Result<Vec<String>, EngineError>;
}
