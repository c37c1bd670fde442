//! The manifest in every installed model folder, `pontis-model.json`: which engine runs
//! it and which languages it translates.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::LangPair;

pub const MANIFEST_FILE: &str = "pontis-model.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub name: String,
    pub engine: ManifestEngine,
    pub languages: Languages,
    /// SHA-256 of the package it was installed from, when installed from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// SHA-256 of each file of the folder as installed, for `pontis models verify`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ManifestEngine {
    Ctranslate2,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Languages {
    /// One direction, as OPUS-MT and Argos Translate models have.
    Bilingual { from: String, to: String },
    /// Any of `tokens` to any other: each BCP 47 tag maps to the model's language token
    /// (`deu_Latn` for NLLB-200, `__de__` for M2M-100). The target token is forced as the
    /// first output token; with `source_prefix` the source token leads the input too.
    Multilingual {
        tokens: BTreeMap<String, String>,
        #[serde(default)]
        source_prefix: bool,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a valid model manifest: {source}")]
    Parse {
        path: String,
        source: serde_json::Error,
    },
}

impl Manifest {
    pub fn read(model_dir: &Path) -> Result<Self, ManifestError> {
        let path = model_dir.join(MANIFEST_FILE);
        let text = std::fs::read_to_string(&path).map_err(|source| ManifestError::Read {
            path: path.display().to_string(),
            source,
        })?;
        serde_json::from_str(&text).map_err(|source| ManifestError::Parse {
            path: path.display().to_string(),
            source,
        })
    }

    pub fn pairs(&self) -> Vec<LangPair> {
        match &self.languages {
            Languages::Bilingual { from, to } => vec![LangPair::new(from, to)],
            Languages::Multilingual { tokens, .. } => tokens
                .keys()
                .flat_map(|from| {
                    tokens
                        .keys()
                        .filter(move |to| *to != from)
                        .map(move |to| LangPair::new(from, to))
                })
                .collect(),
        }
    }
}
