//! Models from the Hugging Face Hub, or from any server that answers as it does (tests
//! start their own): `pontis models install hf:ORG/NAME[@REVISION]` installs a CTranslate2
//! conversion (OPUS-MT, NLLB-200, M2M-100, …). The repository's files are listed through
//! the Hub's API; each one a CTranslate2 model needs is downloaded and its SHA-256 checked
//! against the Hub's LFS metadata; the languages come from the repository's own
//! `pontis-model.json`, else from its vocabulary (the language tokens of a multilingual
//! model), else from an OPUS-MT name.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use crate::manifest::{Languages, MANIFEST_FILE};

/// Why a Hub model cannot be named or described.
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    #[error("{0:?} is not a model name: `hf:ORG/NAME` or `hf:ORG/NAME@REVISION`")]
    BadName(String),
    #[error(
        "cannot tell which languages {0} translates: it has no pontis-model.json, no \
         language tokens and no OPUS-MT name; install a folder with a manifest instead"
    )]
    NoLanguages(String),
    #[error("{file}: {detail}")]
    BadVocabulary { file: &'static str, detail: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Where `hf:` names are looked up unless `translation.hub_url` says otherwise.
pub const DEFAULT_HUB: &str = "https://huggingface.co";

/// A model repository on the Hub, at a revision (a branch, tag or commit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubModel {
    pub repo: String,
    pub revision: String,
}

impl HubModel {
    /// `hf:ORG/NAME` or `hf:ORG/NAME@REVISION`; `None` when `source` is not a Hub name.
    pub fn parse(source: &str) -> Option<Result<Self, HubError>> {
        let rest = source.strip_prefix("hf:")?;
        let (repo, revision) = rest.split_once('@').unwrap_or((rest, "main"));
        let safe = |part: &str, slashes: bool| {
            !part.is_empty()
                && !part.starts_with(['.', '-', '/'])
                && !part.ends_with('/')
                && !part.contains("..")
                && part.chars().all(|c| {
                    c.is_ascii_alphanumeric()
                        || matches!(c, '-' | '_' | '.')
                        || (slashes && c == '/')
                })
        };
        let valid = safe(repo, true) && repo.matches('/').count() == 1 && safe(revision, true);
        Some(if valid {
            Ok(Self {
                repo: repo.to_owned(),
                revision: revision.to_owned(),
            })
        } else {
            Err(HubError::BadName(source.to_owned()))
        })
    }

    /// The installed model's name: the repository's own, lowercased.
    pub fn model_name(&self) -> String {
        self.repo
            .rsplit('/')
            .next()
            .unwrap_or(&self.repo)
            .to_ascii_lowercase()
    }

    pub fn tree_url(&self, hub: &str) -> String {
        format!(
            "{}/api/models/{}/tree/{}?recursive=true",
            hub.trim_end_matches('/'),
            self.repo,
            self.revision
        )
    }

    pub fn file_url(&self, hub: &str, path: &str) -> String {
        format!(
            "{}/{}/resolve/{}/{path}",
            hub.trim_end_matches('/'),
            self.repo,
            self.revision
        )
    }
}

/// One entry of the Hub's file listing. Large files are stored with Git LFS, whose
/// object id is the file's SHA-256.
#[derive(Debug, Clone, Deserialize)]
pub struct TreeEntry {
    #[serde(rename = "type")]
    pub kind: String,
    pub path: String,
    #[serde(default)]
    pub size: u64,
    #[serde(default)]
    pub lfs: Option<LfsObject>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LfsObject {
    pub oid: String,
    pub size: u64,
}

impl TreeEntry {
    /// The size and, for LFS files, the SHA-256 the download must have.
    pub fn expected(&self) -> (u64, Option<&str>) {
        match &self.lfs {
            Some(lfs) => (lfs.size, Some(lfs.oid.as_str())),
            None => (self.size, None),
        }
    }
}

/// Whether a listed file is one a CTranslate2 model needs. Only the repository's top
/// level: nothing is written outside the model's folder, and the rest (READMEs, the
/// original PyTorch weights) is not needed.
pub fn wanted(entry: &TreeEntry) -> bool {
    let path = entry.path.as_str();
    entry.kind == "file"
        && !path.contains('/')
        && !path.starts_with('.')
        && (path == "model.bin"
            || path == "config.json"
            || path == "tokenizer.json"
            || path == MANIFEST_FILE
            || path.ends_with("vocabulary.json")
            || path.ends_with("vocabulary.txt")
            || path.ends_with(".spm")
            || (path.starts_with("sentencepiece") && path.ends_with(".model")))
}

/// The languages of a downloaded model, when it has no manifest of its own: the language
/// tokens of its vocabulary (NLLB-200's `deu_Latn`, M2M-100's `__de__`), else the pair in
/// an OPUS-MT name (`opus-mt-en-de`).
pub fn languages_of(folder: &Path, name: &str) -> Result<Languages, HubError> {
    let tokens = vocabulary(folder)?;
    let mut by_language: BTreeMap<String, String> = BTreeMap::new();
    // NLLB-200 names a language with its ISO 639-3 code and script; the tag keeps the
    // script only where the model has the language in more than one (zho_Hans, zho_Hant).
    let nllb: Vec<(&str, &str, &String)> = tokens
        .iter()
        .filter_map(|t| {
            let (language, script) = t.split_once('_')?;
            let fits = language.len() == 3
                && language.chars().all(|c| c.is_ascii_lowercase())
                && script.len() == 4
                && script
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase())
                && script.chars().skip(1).all(|c| c.is_ascii_lowercase());
            fits.then_some((language, script, t))
        })
        .collect();
    let mut scripts: HashMap<&str, usize> = HashMap::new();
    for (language, _, _) in &nllb {
        *scripts.entry(language).or_default() += 1;
    }
    for (language, script, token) in &nllb {
        let Some(base) = isolang::Language::from_639_3(language).map(|l| {
            l.to_639_1()
                .map_or_else(|| language.to_string(), str::to_owned)
        }) else {
            continue;
        };
        let tag = if scripts.get(language).is_some_and(|n| *n > 1) {
            format!("{base}-{script}")
        } else {
            base
        };
        by_language.entry(tag).or_insert_with(|| (*token).clone());
    }
    // M2M-100: `__de__`.
    for token in &tokens {
        let Some(code) = token.strip_prefix("__").and_then(|t| t.strip_suffix("__")) else {
            continue;
        };
        if let Ok(tag) = pontis_types::lang::normalize(code) {
            by_language.entry(tag).or_insert_with(|| token.clone());
        }
    }
    if by_language.len() >= 2 {
        return Ok(Languages::Multilingual {
            tokens: by_language,
            source_prefix: true,
        });
    }
    opus_mt_pair(name).ok_or_else(|| HubError::NoLanguages(name.to_owned()))
}

/// `opus-mt-en-de`, `opus-mt-tc-big-en-pt`, with anything after: the two codes.
fn opus_mt_pair(name: &str) -> Option<Languages> {
    let rest = &name[name.find("opus-mt-")? + "opus-mt-".len()..];
    let rest = rest.strip_prefix("tc-big-").unwrap_or(rest);
    let mut parts = rest.split('-');
    let (from, to) = (parts.next()?, parts.next()?);
    Some(Languages::Bilingual {
        from: pontis_types::lang::normalize(from).ok()?,
        to: pontis_types::lang::normalize(to).ok()?,
    })
}

/// The model's tokens: CTranslate2's vocabulary files, else the tokenizer's.
fn vocabulary(folder: &Path) -> Result<Vec<String>, HubError> {
    for (json, text) in [
        ("shared_vocabulary.json", "shared_vocabulary.txt"),
        ("source_vocabulary.json", "source_vocabulary.txt"),
    ] {
        if folder.join(json).is_file() {
            let bytes = std::fs::read(folder.join(json))?;
            return serde_json::from_slice(&bytes).map_err(|e| HubError::BadVocabulary {
                file: json,
                detail: e.to_string(),
            });
        }
        if folder.join(text).is_file() {
            return Ok(std::fs::read_to_string(folder.join(text))?
                .lines()
                .map(str::to_owned)
                .collect());
        }
    }
    let tokenizer = folder.join("tokenizer.json");
    if tokenizer.is_file() {
        let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&tokenizer)?)
            .map_err(|e| HubError::BadVocabulary {
                file: "tokenizer.json",
                detail: e.to_string(),
            })?;
        let mut tokens: Vec<String> = value["model"]["vocab"]
            .as_object()
            .map(|vocab| vocab.keys().cloned().collect())
            .unwrap_or_default();
        tokens.extend(
            value["added_tokens"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| t["content"].as_str().map(str::to_owned)),
        );
        return Ok(tokens);
    }
    Ok(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_parsed_or_refused() {
        assert_eq!(
            HubModel::parse("hf:Helsinki-NLP/opus-mt-en-de").and_then(Result::ok),
            Some(HubModel {
                repo: "Helsinki-NLP/opus-mt-en-de".into(),
                revision: "main".into()
            })
        );
        assert_eq!(
            HubModel::parse("hf:org/name@v1.0")
                .and_then(Result::ok)
                .map(|m| m.revision),
            Some("v1.0".into())
        );
        assert!(HubModel::parse("en-de").is_none());
        for bad in [
            "hf:",
            "hf:name",
            "hf:a/b/c",
            "hf:../x",
            "hf:org/..",
            "hf:org/n@../x",
            "hf:org/n?x=1",
        ] {
            assert!(
                matches!(HubModel::parse(bad), Some(Err(HubError::BadName(_)))),
                "{bad}"
            );
        }
    }

    #[test]
    fn opus_mt_names_give_their_pair() {
        for (name, from, to) in [
            ("opus-mt-en-de-ctranslate2", "en", "de"),
            ("ct2-opus-mt-tc-big-en-pt", "en", "pt"),
        ] {
            assert_eq!(
                opus_mt_pair(name),
                Some(Languages::Bilingual {
                    from: from.into(),
                    to: to.into()
                }),
                "{name}"
            );
        }
        assert_eq!(opus_mt_pair("nllb-200-distilled-600m"), None);
    }

    #[test]
    fn nllb_tokens_become_tags_with_scripts_only_where_needed() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("shared_vocabulary.txt"),
            "<s>\n</s>\neng_Latn\ndeu_Latn\nzho_Hans\nzho_Hant\nhouse\n",
        )
        .expect("vocabulary");
        let Ok(Languages::Multilingual {
            tokens,
            source_prefix,
        }) = languages_of(dir.path(), "nllb-200-distilled-600m")
        else {
            panic!("multilingual");
        };
        assert!(source_prefix);
        let pairs: Vec<(&str, &str)> = tokens
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("de", "deu_Latn"),
                ("en", "eng_Latn"),
                ("zh-Hans", "zho_Hans"),
                ("zh-Hant", "zho_Hant")
            ]
        );
    }
}
